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
