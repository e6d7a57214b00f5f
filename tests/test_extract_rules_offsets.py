"""Places told by a distance and a bearing from a town
(:mod:`geomap.extract.rules.offsets`). Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from geomap.extract import extract_texts
from geomap.extract.rules.offsets import offset_from, offset_place
from geomap.geo import haversine_km
from geomap.geocoders import default_chain
from geomap.geocoders.base import Place

TOWN = Place("Zhob", 31.34, 69.45, kind="town", country="PK", precision=1)


def _at(sentence: str, name: str = "Zhob", place: Place = TOWN) -> Place | None:
    return offset_place(sentence, sentence.index(name), place)


@pytest.mark.parametrize(
    ("sentence", "km", "north"),
    [
        ("Troops traded fire about 40km north of Zhob on Monday.", 40, True),
        ("A post some 50 kilometres south of the border town of Zhob was hit.", 50, False),
        ("Shells landed 20 miles (32 km) north-east of Zhob.", 32.2, True),
    ],
)
def test_a_distance_and_a_bearing_move_the_town_to_the_point(sentence, km, north):
    moved = _at(sentence)
    assert moved is not None and moved.precision == 2 and moved.country == "PK"
    assert haversine_km(TOWN.lat, TOWN.lon, moved.lat, moved.lon) == pytest.approx(km, rel=0.02)
    assert (moved.lat > TOWN.lat) is north
    assert offset_from(moved, TOWN)


@pytest.mark.parametrize(
    "sentence",
    [
        # no bearing, or no distance: the town is the nearest place told
        "The convoy was ambushed 40 km from Zhob.",
        "Fighting broke out north of Zhob on Monday.",
        # too near to matter, too far to be a local reference
        "A blast hit a shop 3 km east of Zhob.",
        "The plane came down 400 km west of Zhob.",
        # the town named elsewhere in the sentence
        "Zhob, 40 km north of the line, was quiet.",
    ],
)
def test_without_a_local_measure_the_town_stays(sentence):
    assert _at(sentence) is None


def test_a_district_is_no_point_to_measure_from():
    district = Place("Kurram District", 33.8, 70.1, kind="district", precision=2)
    assert _at("Fire was exchanged 30 km north of Kurram District.", "Kurram", district) is None


def test_the_town_named_again_for_the_incident_joins_the_point_measured_from_it():
    text = (
        "---\ntitle: Pakistani, Afghan guards exchange fire near Chaman\npublished: 2024-05-06\n---\n"
        "Border guards of the two countries exchanged fire on Sunday about 45 km north of Chaman.\n\n"
        "The exchange of fire went on for five hours, a journalist told the paper from Chaman."
    )
    events = extract_texts([text], default_chain(), published=dt.date(2024, 5, 6))
    clashes = [e for e in events if e.event_type == "armed_clash"]
    assert [e.location for e in clashes] == ["45 km north of Chaman"]
