"""Trigger rules of talks (:mod:`geomap.extract.triggers.talks`).
Sentences written for these tests."""

from __future__ import annotations

import pytest

from geomap.extract.types import find_triggers


def _talks(sentence):
    return [t for t in find_triggers(sentence) if t.event_type == "talks" and not t.weak]


@pytest.mark.parametrize(
    "sentence",
    [
        "The two sides agreed in Kabul on Monday to reopen Torkham.",
        "The delegations reached an agreement in Islamabad on Monday.",
        "Border commanders of both countries signed a deal at Chaman on Tuesday.",
    ],
)
def test_talks_told_by_their_outcome_are_talks(sentence):
    assert _talks(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # who agreed is no party to talks
        "Analysts in Peshawar agreed that the closure had hurt traders.",
        # the next round's plan, not an agreement reached
        "The two sides agreed to meet again after Eid.",
    ],
)
def test_agreement_of_others_or_a_plan_to_meet_is_no_outcome(sentence):
    # (the plan's "to meet" is read by the rule of meetings to come)
    assert not [t for t in _talks(sentence) if "agree" in sentence[t.start : t.end]]


@pytest.mark.parametrize(
    ("sentence", "sub"),
    [
        ("The Afghan commerce minister arrived in Islamabad on Monday.", "visit"),
        ("The Pakistani envoy called on the Taliban foreign minister in Kabul on Monday.", "visit"),
        ("China hosted Pakistani and Afghan foreign ministers in Beijing on Monday.", "negotiation"),
    ],
)
def test_diplomacy_in_its_own_words_is_talks(sentence, sub):
    assert [t.sub_event_type for t in _talks(sentence)] == [sub]


@pytest.mark.parametrize(
    "sentence",
    [
        # an appeal, not a call paid
        "The UN called on the Taliban leaders to reopen schools.",
        "Pakistan called on Afghan officials to act against the TTP.",
        # hosting people is no meeting
        "Pakistan hosted millions of Afghan refugees for decades.",
    ],
)
def test_an_appeal_or_hosting_refugees_is_no_talks(sentence):
    assert not _talks(sentence)


@pytest.mark.parametrize(
    "sentence",
    ["The two sides agreed to halt fire along the line.", "The two sides agreed to a ceasefire in Doha on Sunday."],
)
def test_a_truce_agreed_stays_a_ceasefire(sentence):
    assert [t.sub_event_type for t in _talks(sentence)] == ["ceasefire"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The district officer visited the district hospital in Khar to see the wounded boys.",
        "Police chiefs visited the civil hospital, Parachinar, where the injured were taken.",
        "The governor visited the headquarters hospital on Monday with two ministers.",
    ],
)
def test_a_visit_to_a_hospital_is_no_talks(sentence):
    assert not _talks(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The interior minister visited Kabul on Monday for talks on the border.",
        "An Afghan delegation visited the district of Landi Kotal to meet Pakistani officials.",
    ],
)
def test_a_visit_to_a_place_stays_a_visit(sentence):
    assert _talks(sentence)
