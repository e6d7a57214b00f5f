"""Asides between a subject and its verb (geomap.extract.triggers.asides):
blanked with their offsets kept, and read past for triggers. Every sentence
is written for these tests."""

from __future__ import annotations

import pytest

from geomap.extract.triggers.asides import without_asides
from geomap.extract.types import find_triggers


def _types(sentence: str) -> set[tuple[str, str]]:
    return {(t.event_type, t.sub_event_type) for t in find_triggers(sentence) if not t.weak}


def test_an_aside_is_blanked_with_its_length_kept():
    text = "Three mortar rounds, probably aimed at the camp, landed in an orchard."
    joined = without_asides(text)
    assert joined is not None and len(joined) == len(text)
    assert joined.split() == ["Three", "mortar", "rounds", "landed", "in", "an", "orchard."]


@pytest.mark.parametrize(
    "sentence",
    [
        "On Friday two shells landed in an orchard.",  # no comma
        "On Friday, two shells landed in an orchard, police said.",  # one comma before no verb
        "After the talks, held in Kabul, both sides left.",  # no verb right after the aside
    ],
)
def test_no_aside_before_a_verb_leaves_the_sentence(sentence):
    assert without_asides(sentence) is None


@pytest.mark.parametrize(
    "sentence, kind",
    [
        ("Three mortar rounds, probably aimed at the camp, landed in an orchard on Friday.", ("explosion", "shelling")),
        (
            "The checkpoint, a mud-brick hut on the hill above the village, was built in the spring.",
            ("fortification", "outpost_construction"),
        ),
    ],
)
def test_a_trigger_split_by_an_aside_is_found(sentence, kind):
    assert kind in _types(sentence)


def test_a_trigger_found_without_the_aside_is_kept_once():
    sentence = "Torkham, the busiest crossing, was closed on Friday."
    closures = [t for t in find_triggers(sentence) if t.event_type == "border_closure"]
    assert len(closures) == 1


@pytest.mark.parametrize(
    "sentence",
    [
        # the main clause is still negated once the aside is gone
        "The checkpoint, a mud-brick hut on the hill, was not built after all.",
    ],
)
def test_the_cues_of_the_main_clause_still_hold(sentence):
    assert not _types(sentence)


def test_a_relative_clause_holding_a_list_is_read_past():
    sentence = "Two posts near Boshehra, which face Paktia, Khost and Paktika, were fired upon at night."
    assert ("armed_clash", "attack") in _types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # a relative clause before no verb, and a list that is no aside
        "Elders of the village, which lies near Khost, Paktia and Kurram, met on Monday.",
        "The posts, the fence, and the gate were inspected by officers.",
    ],
)
def test_a_relative_clause_before_no_auxiliary_or_a_plain_list_tells_no_attack(sentence):
    assert ("armed_clash", "attack") not in _types(sentence)
