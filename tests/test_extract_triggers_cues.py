"""Cues that make a trigger no incident (geomap.extract.triggers.cues): an
accusation that names the day of what it accuses is one side's account of
an incident. Sentences written for these tests."""

from __future__ import annotations

import pytest

from geomap.extract.types import find_triggers


def _kinds(sentence: str) -> set[str]:
    return {t.event_type for t in find_triggers(sentence) if not t.weak}


@pytest.mark.parametrize(
    "sentence, kind",
    [
        ("Kabul accused the army of shelling two hamlets near the river on Thursday.", "explosion"),
        ("Local officials accused the other side of building a gate near the stream on 4 May.", "fortification"),
    ],
)
def test_an_accusation_with_its_own_day_is_an_incident(sentence, kind):
    assert kind in _kinds(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # no day: a standing allegation
        "Kabul accused the army of shelling two hamlets near the river.",
        # the day is the accusation's, not the incident's
        "Kabul on Thursday accused the army of shelling two hamlets near the river.",
        # denied in the same window
        "The army denied being accused of shelling two hamlets near the river on Thursday.",
    ],
)
def test_an_accusation_without_a_day_of_its_own_is_no_incident(sentence):
    assert "explosion" not in _kinds(sentence)
