"""The places an incident takes from its sentence (:mod:`geomap.extract.rules.coordinated`):
places listed with "and", "along with", "as well as", a clause whose verb is left out,
and no landmark named only to say where a place lies. Sentences written for these tests."""

from __future__ import annotations

import pytest
from test_extract_news import _events
from test_extract_rules_where import _where

from geomap.geocoders import default_chain


@pytest.fixture(scope="module")
def chain():
    return default_chain()


@pytest.mark.parametrize(
    "text",
    [
        "Torkham, along with the Chaman crossing, has stayed shut since May 2.",
        "Torkham, together with Chaman, was closed to trucks on Monday.",
        "Torkham, as well as Chaman, was closed to trucks on Monday.",
    ],
)
def test_a_place_listed_along_with_another_is_a_place_of_the_incident(chain, text):
    assert _where(_events(chain, text), "border_closure") == ["Chaman", "Torkham"]


def test_a_place_along_with_a_person_is_no_list(chain):
    ev = _events(chain, "The governor, along with elders from Landi Kotal, visited Torkham on Monday.")
    assert "Landi Kotal" not in _where(ev, "talks")


@pytest.mark.parametrize(
    "text",
    [
        "Jets carried out air strikes on Monday in Spin Boldak city near the Chaman crossing.",
        "Jets carried out air strikes on Monday in Barmal, close to the Angoor Adda crossing.",
    ],
)
def test_a_landmark_that_says_where_the_place_hit_lies_is_not_hit(chain, text):
    assert len(_where(_events(chain, text), "airstrike")) == 1


def test_places_hit_joined_by_and_are_each_hit(chain):
    text = "Jets carried out air strikes on Monday in Barmal and near the Angoor Adda crossing."
    assert len(_where(_events(chain, text), "airstrike")) == 2


@pytest.mark.parametrize(
    "text",
    [
        "Some 600 lorries were stuck at Torkham on Monday and about 250 at Chaman.",
        "Nearly 900 trucks are stranded at Chaman and 400 at Torkham, drivers said on Monday.",
    ],
)
def test_a_clause_with_its_verb_left_out_places_the_same_incident(chain, text):
    assert _where(_events(chain, text), "trade_disruption") == ["Chaman", "Torkham"]


def test_a_count_of_something_else_after_and_is_no_second_place(chain):
    text = "Some 600 lorries were stuck at Torkham on Monday, officials in Peshawar said."
    assert _where(_events(chain, text), "trade_disruption") == ["Torkham"]
