"""An event's places (:mod:`geomap.extract.rules.where`): names listed with
"along with", "together with", "as well as". Sentences written for these tests."""

from __future__ import annotations

import pytest
from test_extract_news import _events

from geomap.geocoders import default_chain


@pytest.fixture(scope="module")
def chain():
    return default_chain()


def _where(events, etype):
    return sorted(e.location for e in events if e.event_type == etype)


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
    "second",
    [
        "The three-day meeting ended with an agreement to let people holding visas cross at Torkham from Monday.",
        "The meeting ended with a decision to reopen Torkham to lorries from Monday.",
    ],
)
def test_a_place_the_sides_agreed_on_is_not_the_venue(chain, second):
    body = "Border officials of the two countries met in Islamabad this week. " + second
    assert set(_where(_events(chain, body), "talks")) == {"Islamabad"}


def test_a_meeting_agreed_on_keeps_its_venue(chain):
    body = "On Tuesday the two sides agreed to meet in Doha next week for talks on the border."
    assert _where(_events(chain, body), "talks") == ["Doha"]


def test_talks_told_after_what_was_agreed_keep_their_venue(chain):
    body = "The two sides agreed to a ceasefire on Sunday after a day of talks in Doha."
    assert _where(_events(chain, body), "talks") == ["Doha"]


def test_a_similar_clash_before_is_not_at_the_place_of_the_one_reported(chain):
    body = (
        "Guards of the two countries clashed near Zhob on Tuesday. "
        "In March, two policemen died in a similar clash with Afghan troops."
    )
    assert _where(_events(chain, body), "armed_clash") == ["Afghanistan-Pakistan border", "Zhob"]


def test_a_clash_told_again_without_similar_keeps_the_place_told(chain):
    body = "Guards of the two countries clashed near Zhob on Tuesday. Two policemen died in the clash."
    assert _where(_events(chain, body), "armed_clash") == ["Zhob"]


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


def _tolls(events, etype):
    return [(e.location, e.fatalities) for e in events if e.event_type == etype]


def test_a_cause_placed_only_in_a_country_is_not_the_incident_told_before(chain):
    body = (
        "Mortar rounds landed in Dangam district on Monday. "
        "Islamabad shut the Torkham crossing after a bombing at a market in Pakistan that killed 40 people."
    )
    assert _tolls(_events(chain, body), "explosion") == [("Dangam District", None)]


def test_a_cause_with_no_country_is_still_drafted(chain):
    body = (
        "Mortar rounds landed in Dangam district on Monday. "
        "Islamabad shut the Torkham crossing on Tuesday after a bombing that killed four villagers."
    )
    assert 4 in [dead for _, dead in _tolls(_events(chain, body), "explosion")]
