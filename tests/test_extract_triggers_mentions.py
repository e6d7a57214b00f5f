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


@pytest.mark.parametrize(
    "sentence",
    [
        "Each closure of Chaman hits the poorest families hardest.",
        "Cross-border attacks rose by 40 percent in 2025, according to a think tank in Islamabad.",
        "Torkham has been shut for a total of 90 days this year.",
    ],
)
def test_incidents_in_general_or_in_a_figure_are_none(sentence):
    assert _types(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "etype"),
    [
        # a toll that rose is the toll of the incident told
        ("Mortar rounds hit Dangam on Monday, and the number of wounded had risen to 12 by Tuesday.", "explosion"),
        # each of the sides, not each incident
        ("Guards on each side of Torkham exchanged fire on Monday.", "armed_clash"),
    ],
)
def test_a_toll_that_rose_or_each_side_is_no_figure(sentence, etype):
    assert etype in _types(sentence)


def _reopenings(sentence):
    return [t for t in find_triggers(sentence) if t.sub_event_type == "reopening"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Chaman remains shut, and there is no sign it will reopen soon.",
        "There was no word on when the gate will reopen.",
    ],
)
def test_a_reopening_to_come_with_no_day_is_none(sentence):
    assert _reopenings(sentence) == []


def test_a_reopening_to_come_on_a_day_is_told():
    assert _reopenings("Officials said Torkham will reopen on Monday.")


@pytest.mark.parametrize(
    "sentence",
    [
        "A border commander said negotiations are going on for the opening of the Ghulam Khan gate.",
        "Efforts for the reopening of Chaman have stalled, traders complained.",
        "Elders began consultations on the reopening of the crossing.",
    ],
)
def test_a_reopening_sought_in_talks_or_efforts_is_none(sentence):
    assert _reopenings(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Torkham reopened on Monday after talks between the two sides.",
        "After talks, the reopening of the Torkham crossing took place on Monday.",
    ],
)
def test_a_reopening_after_talks_is_told(sentence):
    assert _reopenings(sentence)


@pytest.mark.parametrize(
    ("sentence", "types"),
    [
        # a road, tunnel or bridge opened again is no crossing reopened
        ("The highway to the valley, blocked by a landslide, was reopened to traffic on Tuesday.", []),
        ("Engineers reopened the old bridge over the river on Friday.", []),
        # the crossing itself, or a crossing on a road, reopened
        ("The Kharlachi crossing was reopened to traffic on Tuesday.", ["border_closure"]),
        ("Pakistan reopened the crossing on the road to Jalalabad on Friday.", ["border_closure"]),
    ],
)
def test_a_road_reopened_is_no_border_reopening(sentence, types):
    assert _types(sentence) == types


@pytest.mark.parametrize(
    "sentence",
    [
        # a reopening to come with no day: the statement's day is not its day
        "Pakistan will soon reopen the supply route through Torkham, officials said Sunday.",
        "The crossing will be reopened once things settle, a spokesman told reporters on Monday.",
    ],
)
def test_a_reopening_to_come_dated_only_by_its_statement_is_none(sentence):
    assert "border_closure" not in _types(sentence)


def test_a_reopening_announced_for_a_day_is_told():
    assert "border_closure" in _types("Pakistan will reopen Torkham on Monday, officials said Sunday.")


@pytest.mark.parametrize(
    "sentence",
    [
        "He said negotiations were under way between Kabul and Islamabad on reopening the gate.",
        "Consultations between the two sides about the reopening of Chaman went on all week.",
    ],
)
def test_a_reopening_that_is_the_topic_of_talks_is_none(sentence):
    assert _reopenings(sentence) == []


def test_a_reopening_after_negotiations_is_told():
    assert _reopenings("The gate was reopened on Monday after negotiations between the two sides.")
