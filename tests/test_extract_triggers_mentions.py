"""Incidents only spoken of (:mod:`geomap.extract.triggers.mentions`).
Sentences written for these tests."""

from __future__ import annotations

import pytest

from geomap.extract.types import find_triggers


def _types(sentence):
    return [t.event_type for t in find_triggers(sentence)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Analysts in Peshawar say fresh clashes at Torkham are likely in the coming days.",
        "Traders in Landi Kotal said a longer closure of Torkham now seems probable.",
        "More drone strikes in Khost are feared, residents said on Monday.",
    ],
)
def test_an_incident_only_forecast_is_none(sentence):
    assert _types(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        # the forecast is an aside; the clashes broke out
        "Fresh clashes at Torkham, which officials said were likely, broke out on Monday.",
        # a judgement of an incident that happened, not a forecast
        "Clashes at Torkham on Monday were the worst in a year.",
    ],
)
def test_an_incident_told_beside_a_forecast_is_kept(sentence):
    assert _types(sentence) == ["armed_clash"]


def test_upcoming_talks_expected_are_still_talks():
    assert _types("Talks between the two sides are expected in Doha on Sunday.") == ["talks"]
