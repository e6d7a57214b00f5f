"""A second round of talks told in the sentence of the first
(:mod:`geomap.extract.rules.rounds`). Sentences written for these tests."""

from __future__ import annotations

import pytest
from test_extract_news import _events

from geomap.geocoders import default_chain


@pytest.fixture(scope="module")
def chain():
    return default_chain()


def _talks(events):
    return sorted((e.location, e.event_date) for e in events if e.event_type == "talks")


def test_a_follow_up_round_with_venue_and_day_is_a_round_of_its_own(chain):
    ev = _events(
        chain,
        "The envoys settled on a truce in Doha on Sunday, and a follow-up round is due in Istanbul on Saturday.",
    )
    assert _talks(ev) == [("Doha", "2024-05-12"), ("Istanbul", "2024-05-18")]


def test_agreed_to_meet_again_elsewhere_on_a_date(chain):
    ev = _events(
        chain,
        "Delegates of four governments met in Kabul on Monday and agreed to meet again in Islamabad on June 6.",
    )
    assert _talks(ev) == [("Islamabad", "2024-06-06"), ("Kabul", "2024-05-13")]


def test_a_later_round_told_after_an_earlier_one(chain):
    ev = _events(
        chain,
        "Negotiations in Doha in April ended with a truce, while a later round held in Istanbul earlier "
        "this month collapsed.",
    )
    assert [loc for loc, _ in _talks(ev)] == ["Doha", "Istanbul"]


@pytest.mark.parametrize(
    "text",
    [
        # no date of its own: a plan, not an event
        "The envoys met in Kabul on Monday; a further meeting in Islamabad has been promised without a date.",
        # the same venue: one place, its rounds split by date elsewhere
        "The envoys met in Kabul on Monday and said the next round would be held in Kabul on May 30.",
    ],
)
def test_no_second_venue_or_no_date_gives_no_new_round_venue(chain, text):
    assert [loc for loc, _ in _talks(_events(chain, text))] == ["Kabul"]


def test_a_topic_after_the_next_round_is_no_venue(chain):
    ev = _events(
        chain,
        "The envoys met in Kabul on Monday, and the next round on trade through Torkham is set for May 30.",
    )
    assert [loc for loc, _ in _talks(ev)] == ["Kabul"]
