"""Attacks across the line in real reports' words
(:mod:`geomap.extract.triggers.incursions`). Sentences written for these tests."""

from __future__ import annotations

import pytest

from geomap.extract.types import find_triggers


def _clashes(sentence):
    return [t for t in find_triggers(sentence) if t.event_type == "armed_clash" and not t.weak]


@pytest.mark.parametrize(
    "sentence",
    [
        # the line crossed between the verb and its target
        "Gunmen on the far side fired across the international border on a checkpost in Bajaur on Monday.",
        "Militants opened fire across the frontier at a border patrol near Zhob on Friday.",
        # one incursion into a place
        "Six villagers were hurt in an Afghan incursion into Angoor Adda on Tuesday.",
        "Troops made an incursion by night into Dangam district on Sunday.",
        # armed men who attacked a district or a town
        "Afghan forces attacked the border district late on Monday, killing four people.",
        "Militiamen attacked Dangam district early on Saturday.",
        # people at a crossing fired on
        "Guards fired at the travellers waiting at the gate in Chaman on Wednesday.",
        "Border police opened fire on returnees near the crossing on Sunday.",
    ],
)
def test_attacks_across_the_line_are_clashes(sentence):
    assert _clashes(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # incursions as a history, counted, or by aircraft (the strike is told)
        "Elders have long complained of repeated incursions into their valley.",
        "The raid was the second incursion into the district this month.",
        "An incursion by NATO helicopters into Kurram on Monday drew protests.",
        "Officials said there was no incursion into Pakistani territory.",
        "Kabul protested a jet's incursion into Afghan airspace on Monday.",
        # a district's people or offices attacked in words
        "The troops attacked the district officials in a statement on Monday.",
        "Opposition leaders attacked the district administration over the delays.",
        # police and protesters are no border incident
        "Police fired at protesters outside the press club in Quetta.",
    ],
)
def test_histories_counts_and_words_are_no_attack(sentence):
    assert not _clashes(sentence)
