"""Where fire came from (:mod:`geomap.extract.rules.origins`): the launch
site across the line is no place of the shelling it caused. Sentences
written for these tests."""

from __future__ import annotations

import pytest
from test_extract_news import _by, _events

from geomap.extract.places import PlaceFinder
from geomap.extract.rules.origins import fire_origins, people_origins
from geomap.geocoders import default_chain


@pytest.fixture(scope="module")
def chain():
    return default_chain()


@pytest.fixture(scope="module")
def finder(chain):
    return PlaceFinder(chain)


def _origins(finder, sentence: str) -> list[str]:
    return [m.place.name for m in fire_origins(sentence, finder.find(sentence, ("AF", "PK")))]


@pytest.mark.parametrize(
    "sentence, names",
    [
        ("Two rockets fired from Pakistan's Kurram district fell on a farm in Dand-e-Patan.", ["Kurram District"]),
        (
            "Villagers said a mortar attack from Afghanistan's Paktia province hit the school at dawn.",
            ["Paktia Province"],
        ),
        ("The rounds appeared to come from the direction of Afghanistan's Kunar province.", ["Kunar Province"]),
        ("Artillery fire coming from Khost hit two houses near Ghulam Khan.", ["Khost"]),
    ],
)
def test_the_place_fire_came_from_is_its_origin(finder, sentence, names):
    assert _origins(finder, sentence) == names


@pytest.mark.parametrize(
    "sentence",
    [
        # where the fire fell, and people who came from a place
        "Two rockets landed in Dangam on Monday, wounding a shepherd.",
        "Traders from Khost said shells hit the market at Ghulam Khan.",
        "Troops fired mortars into Kunar province on Tuesday.",
        "A delegation from Kabul arrived in Islamabad for talks.",
    ],
)
def test_other_places_are_no_origin(finder, sentence):
    assert _origins(finder, sentence) == []


def test_shelling_from_a_named_province_is_placed_where_it_fell(chain):
    ev = _events(chain, "Four mortar rounds fired from Afghanistan's Kunar province hit houses in Mamund on Sunday.")
    assert [loc for loc, _ in _by(ev, "explosion")] == ["Mamund"]


def test_shelling_told_only_by_its_origin_takes_the_place_told_before(chain):
    ev = _events(
        chain,
        "Mortar shells landed in Teri Mangal on Sunday morning, damaging a shop. "
        "Residents said the attack came from Afghanistan's Paktia province, onto the villages of the border.",
    )
    assert [loc for loc, _ in _by(ev, "explosion")] == ["Teri Mangal"]


def test_fire_sent_into_a_province_is_placed_there(chain):
    ev = _events(chain, "Artillery shells fired from Pakistani territory landed in Kunar province on Tuesday.")
    assert [loc for loc, _ in _by(ev, "explosion")] == ["Kunar Province"]


def test_shelling_told_by_its_origin_and_the_border_takes_the_place_told_before(chain):
    ev = _events(
        chain,
        "Three mortar rounds landed in Mamund on Sunday, wounding a boy. "
        "Officials said the rounds, fired from Afghanistan's Kunar province, "
        "hit fields close to the Pak-Afghan border.",
    )
    assert [loc for loc, _ in _by(ev, "explosion")] == ["Mamund"]


@pytest.mark.parametrize(
    "sentence, names",
    [
        ("Jets struck the camps of Bajaur refugees in Dangam district on Friday.", ["Bajaur District"]),
        ("Tirah displaced families waited at Jamrud for aid.", ["Tirah"]),
    ],
)
def test_where_displaced_people_fled_from_is_their_origin(finder, sentence, names):
    assert [m.place.name for m in people_origins(sentence, finder.find(sentence, ("AF", "PK")))] == names


def test_a_strike_on_refugees_is_placed_where_they_live(chain):
    ev = _events(chain, "Jets struck the camps of Bajaur refugees in Dangam district on Friday, killing six.")
    assert [loc for loc, _ in _by(ev, "airstrike")] == ["Dangam District"]


def test_refugees_from_nowhere_named_leave_the_places(finder):
    sentence = "Refugees returned to Bajaur from camps near Khost on Friday."
    assert people_origins(sentence, finder.find(sentence, ("AF", "PK"))) == []


def test_where_the_hurt_came_from_is_no_origin_of_fire(finder):
    sentence = "Doctors said four of those hurt came from Marawara."
    assert _origins(finder, sentence) == []
