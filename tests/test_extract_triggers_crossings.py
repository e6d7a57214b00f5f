"""Trigger rules of the crossings (:mod:`geomap.extract.triggers.crossings`).
Sentences written for these tests."""

from __future__ import annotations

import pytest

from geomap.extract.types import find_triggers


def _closures(sentence):
    return [t.sub_event_type for t in find_triggers(sentence) if t.event_type == "border_closure"]


def test_a_shutdown_in_one_word_is_a_closure():
    assert _closures("The shutdown of the Kharlachi crossing on Tuesday kept traders at home.") == ["closure"]


def test_the_suspension_of_a_crossing_is_a_closure():
    assert _closures("The suspension of the crossing at Angoor Adda took place on 3 May.") == ["closure"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The suspension of the border talks in Kabul on Monday dismayed the traders.",
        "Officials announced the suspension of the border commission's work.",
    ],
)
def test_the_suspension_of_border_talks_or_bodies_is_no_closure(sentence):
    assert _closures(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Authorities ordered a shutdown of mobile phone services in Bannu on Monday.",
        "A strike call led to a shutdown of markets in Chaman on Monday.",
    ],
)
def test_a_shutdown_of_something_else_is_no_closure(sentence):
    assert _closures(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "That closure ended on February 19 after talks between tribal elders.",
        "The blockade of Torkham was lifted on Friday.",
    ],
)
def test_a_closure_told_as_over_is_a_reopening(sentence):
    assert "reopening" in _closures(sentence)


def test_a_closure_that_went_on_is_no_reopening():
    assert "reopening" not in _closures("The closure of Chaman entered its third week on Monday.")


def _stranded(sentence):
    return [t.sub_event_type for t in find_triggers(sentence) if t.sub_event_type == "stranded_travellers"]


def test_travellers_waiting_at_a_crossing_are_stranded():
    assert _stranded("Hundreds of families were waiting at the gate for a third day.") == ["stranded_travellers"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The storm on Friday left scores of Afghan migrants stranded at the gate overnight.",
        "Pakistani nationals who had been stranded on the far side for a week crossed home.",
        "Returnees stranded for two days at Torkham were given tents.",
    ],
)
def test_people_on_foot_stranded_at_a_crossing_are_stranded(sentence):
    assert _stranded(sentence) == ["stranded_travellers"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Officials said citizens stranded in Afghanistan would be flown home.",
        "The gate opened briefly for the return of stranded citizens.",
    ],
)
def test_stranded_people_named_abroad_or_as_a_label_are_not(sentence):
    assert not _stranded(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Some 300 families comprising 2,100 people are currently waiting at the holding camp near the gate.",
        "Returnees are now waiting at the zero point for their papers to be checked.",
    ],
)
def test_people_currently_waiting_at_a_crossing_are_stranded(sentence):
    assert _stranded(sentence) == ["stranded_travellers"]


def test_passengers_waiting_to_board_are_not_stranded():
    assert not _stranded("Passengers, most of them students, were waiting to board the night bus.")
