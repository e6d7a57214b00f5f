"""An event's places (:mod:`geomap.extract.rules.where`): a place agreed on is no
venue, fire told on the whole border placed by the incident named next, a report
that names no place, where a diplomat is posted. Sentences written for these tests
(places listed together: test_extract_rules_coordinated.py)."""

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


def _at(events, etype):
    return sorted((e.location, e.event_date, e.fatalities) for e in events if e.event_type == etype)


@pytest.mark.parametrize(
    "second",
    [
        "The incident in the Bajaur district was the first of its kind since the spring.",
        "Officials said the attack in Bajaur district lasted an hour.",
    ],
)
def test_fire_told_on_the_whole_border_is_placed_by_the_incident_named_next(chain, second):
    first = "Fire from across the border killed three soldiers on Monday, the army said."
    assert _at(_events(chain, f"{first} {second}"), "armed_clash") == [("Bajaur District", "2024-05-13", 3)]


def test_the_incident_named_far_from_the_line_does_not_place_it(chain):
    text = (
        "Fire from across the border killed three soldiers on Monday, the army said. "
        "The incident came weeks after the Taliban entered Kabul."
    )
    assert [loc for loc, _, _ in _at(_events(chain, text), "armed_clash")] == ["Afghanistan-Pakistan border"]


def test_an_incident_placed_already_keeps_its_place(chain):
    text = (
        "Fire from across the border killed three soldiers in Kurram on Monday. "
        "The incident in Bajaur district a week ago was smaller."
    )
    assert "Kurram District" in [loc for loc, _, _ in _at(_events(chain, text), "armed_clash")]


@pytest.mark.parametrize(
    "text",
    [
        "The army said it had shelled militant hideouts along the border on Monday, without naming places.",
        "Officials said jets struck targets across the frontier on Monday, without giving locations.",
    ],
)
def test_a_report_that_says_it_names_no_place_is_not_put_on_the_whole_border(chain, text):
    assert not [e for e in _events(chain, text) if e.place.kind == "border"]


def test_a_place_told_beside_no_place_words_stays(chain):
    text = "Troops shelled hideouts near Angoor Adda on Monday, without giving a toll."
    assert [e.location for e in _events(chain, text) if e.event_type == "explosion"] == ["Angoor Adda"]


def test_where_a_diplomat_is_posted_is_no_venue_of_the_talks(chain):
    text = (
        "Delegations of the two countries held talks in Istanbul on Saturday. "
        "The first round of talks was held in Doha on October 19. "
        "The Afghan side was led by a deputy minister and the ambassador of the Islamic Emirate in Qatar, "
        "who took part in talks."
    )
    ev = sorted((e.location, e.event_date) for e in _events(chain, text) if e.event_type == "talks")
    assert ev == [("Doha", "2023-10-19"), ("Istanbul", "2024-05-11")]


def test_talks_in_a_country_still_name_a_venue(chain):
    # (the country's city named before; a posting names a venue only when the talks are there)
    posted = "The delegation led by the ambassador in Qatar held talks in Doha on Saturday."
    assert _where(_events(chain, posted), "talks") == ["Doha"]
    text = "Officials of both sides arrived in Doha. The talks in Qatar began on Saturday."
    assert _where(_events(chain, text), "talks") == ["Doha"]


def test_a_past_round_told_after_the_talks_is_not_the_venue_of_the_next_mention(chain):
    text = (
        "Delegations of the two countries held talks in Istanbul on Saturday. "
        "An earlier round was held in Doha on October 19. "
        "The Pakistani delegation at the talks was led by a defence official."
    )
    ev = sorted((e.location, e.event_date) for e in _events(chain, text) if e.event_type == "talks")
    assert ev == [("Doha", "2023-10-19"), ("Istanbul", "2024-05-11")]


def test_a_border_phrase_in_the_clause_behind_is_the_strike_place(chain):
    text = "Pakistan shut Torkham on Thursday after three soldiers were killed in a helicopter strike in a border area."
    ev = _events(chain, text)
    assert _where(ev, "airstrike") == ["Afghanistan-Pakistan border"]
    assert _where(ev, "border_closure") == ["Torkham"]


def test_a_closure_behind_which_a_border_phrase_is_told_stays_at_the_crossing_in_context(chain):
    text = (
        "About 150 lorries were still waiting at Torkham on Saturday. "
        "Pakistan shut the supply route on Thursday after three soldiers were killed "
        "in a helicopter strike in a border area."
    )
    ev = _events(chain, text)
    assert _where(ev, "border_closure") == ["Torkham"]
    assert _where(ev, "airstrike") == ["Afghanistan-Pakistan border"]
