"""The ends of a journey (:mod:`geomap.extract.rules.journeys`): where people
and goods are going or come from is no event place. Sentences written for
these tests."""

from __future__ import annotations

import pytest

from geomap.extract.places import PlaceFinder
from geomap.extract.rules.journeys import journey_end
from geomap.geocoders import default_chain


@pytest.fixture(scope="module")
def finder():
    return PlaceFinder(default_chain())


def _names(finder, sentence: str) -> list[str]:
    return [m.place.name for m in finder.find(sentence, ("AF", "PK")) if m.role == "place"]


@pytest.mark.parametrize(
    "sentence, names",
    [
        # where lorries and travellers are going
        ("Lorries bound for Peshawar were held at Torkham on Monday.", ["Torkham"]),
        ("Families heading home to Jalalabad waited at Torkham for two days.", ["Torkham"]),
        ("Containers destined for Kabul stood in the yard at Chaman.", ["Chaman"]),
        ("Buses on their way to Kandahar were turned back at Chaman.", ["Chaman"]),
        ("A convoy travelling to Quetta was ambushed near Chaman.", ["Chaman"]),
        # where people came from, the second name of a list too
        ("Afghans deported from Karachi and Lahore crossed at Torkham on Sunday.", ["Torkham"]),
        ("Families who had lived in Peshawar for decades crossed at Torkham.", ["Torkham"]),
    ],
)
def test_the_ends_of_a_journey_are_no_event_places(finder, sentence, names):
    assert _names(finder, sentence) == names


@pytest.mark.parametrize(
    "sentence, names",
    [
        # a journey finished: the delegation met there
        ("The delegation travelled to Kabul on Monday for talks.", ["Kabul"]),
        # a journey stopped: the vehicles are held where it ends
        ("Supply lorries were stopped from moving towards Torkham on Tuesday.", ["Torkham"]),
        # fire returned at a place, not a return from it
        ("Soldiers returned fire in Kurram on Sunday.", ["Kurram District"]),
        ("Lorries were stranded at Torkham on Monday.", ["Torkham"]),
    ],
)
def test_places_reached_or_held_stay(finder, sentence, names):
    assert _names(finder, sentence) == names


def test_journey_end_reads_only_the_text_before_the_name():
    assert journey_end("Lorries bound for ")
    assert journey_end("refugees returning home from ")
    assert not journey_end("Lorries waited at ")
    assert not journey_end("They were stopped from going to ")
