"""A town measured from (:mod:`geomap.extract.measured`): one rule for distance,
bearing and outskirts; a town that only locates the place named is left out, one
that locates none stays, near the point the measure gives."""

from __future__ import annotations

import pytest
from test_extract_places import HINTS, _names

from geomap.extract.places import PlaceFinder
from geomap.geocoders import default_chain


@pytest.fixture(scope="module")
def finder():
    return PlaceFinder(default_chain())


@pytest.mark.parametrize(
    "sentence, kept, left_out",
    [
        # a distance from a town, after the place it locates
        ("Rockets hit a school in Sararogha, about 40 kilometres north of Wana, on Friday.", "Sararogha", "Wana"),
        # ... in words, and with no comma (the old gap rule needed the comma)
        ("A drone struck a vehicle in Mir Ali, fifteen kilometres east of Miramshah.", "Mir Ali", "Miranshah"),
        ("Shells landed in the Mir Ali area, about 15 km east of Miramshah.", "Mir Ali", "Miranshah"),
        # ... with the other unit in brackets, and "the border town of"
        (
            "Troops traded fire at a post in Spin Boldak, 10 km (six miles) south of the border town of Chaman.",
            "Spin Boldak",
            "Chaman",
        ),
        # the outskirts, with or without a comma
        ("Gunmen attacked a checkpoint in Bara, on the outskirts of Peshawar.", "Bara", "Peshawar"),
        ("Gunmen attacked a checkpoint in Bara on the outskirts of Peshawar.", "Bara", "Peshawar"),
        # a bearing alone
        ("Jets struck a house in Barmal, west of Urgun.", "Barmal", "Urgun"),
        # the measure first, the place it locates right after
        ("Some 40 km north of Wana, in Sararogha, rockets hit a school.", "Sararogha", "Wana"),
        # the place located is a name the gazetteer lacks (a made-up one here)
        ("Shells landed in Nuristan's Qalat-e-Zard district, north of Arandu, on Monday.", "Nuristan", "Arandu"),
    ],
)
def test_a_town_that_only_locates_the_place_named_is_left_out(finder, sentence, kept, left_out):
    names = " ".join(_names(finder, sentence))
    assert kept in names and left_out not in names


@pytest.mark.parametrize(
    "sentence, kept",
    [
        # no place named for it to locate: the town is the nearest place told
        ("A house about 30 kilometres west of Miramshah was hit by a drone.", ["Miranshah"]),
        ("Militants stormed a police college on the outskirts of Quetta, the worst attack in Balochistan.", ["Quetta"]),
        # another place named elsewhere in the sentence is no place it locates
        # (the old distance filter dropped Miramshah here)
        ("A drone hit a compound 25 km west of Miramshah; a second strike hit Mir Ali.", ["Miranshah", "Mir Ali"]),
        # "for miles": no count, no measure
        ("Trucks queued for miles from Torkham to Landi Kotal.", ["Torkham", "Landi Kotal"]),
        # a time, not a place, before the measure
        ("Troops fired mortars in the morning, north of Arandu.", ["Arandu"]),
        # the province after a town measured from is where the town lies, not a place it locates
        ("Militants attacked a post on the outskirts of Quetta, in Balochistan, on Monday.", ["Quetta"]),
    ],
)
def test_a_town_measured_from_that_locates_no_named_place_stays(finder, sentence, kept):
    names = " ".join(_names(finder, sentence))
    assert all(k in names for k in kept), names


@pytest.mark.parametrize(
    "sentence, near",
    [
        # a town measured from that stays is the place about which it happened
        ("A house about 30 kilometres west of Miramshah was hit by a drone.", True),
        ("A bomb went off on the outskirts of Peshawar.", True),
        ("Shells fell five miles from the town of Urgun.", True),
        ("Shells fell west of Urgun.", True),
        ("A drone hit a house in Miramshah.", False),
        # no count: no measure ("for miles from", "hundreds of kilometres from")
        ("Trucks queued for miles from Torkham.", False),
        ("The camp lies hundreds of kilometres from Peshawar.", False),
    ],
)
def test_a_town_measured_from_that_stays_is_near(finder, sentence, near):
    (m,) = [m for m in finder.find(sentence, HINTS) if m.role == "place"]
    assert (m.place.precision == 2) == near, m.place
