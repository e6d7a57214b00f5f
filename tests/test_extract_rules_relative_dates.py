"""Dates told relative to another incident or day of the text
(:mod:`geomap.extract.rules.relative_dates`): a time phrase closing the
clause of its trigger. Sentences written for these tests."""

from __future__ import annotations

import pytest
from test_extract_news import _events

from geomap.geocoders import default_chain


@pytest.fixture(scope="module")
def chain():
    return default_chain()


def _dated(events):
    return sorted((e.event_type, e.sub_event_type, e.location, e.event_date) for e in events)


@pytest.mark.parametrize(
    "text, told",
    [
        # from the day the sentence names before the trigger
        (
            "The fighting began on May 5, when militants raided posts in Kurram in revenge for "
            "Pakistani air strikes in Paktika two days earlier.",
            ("airstrike", "airstrike", "Paktika Province", "2024-05-03"),
        ),
        (
            "Pakistan closed Torkham on May 5 and reopened it three days later.",
            ("border_closure", "reopening", "Torkham", "2024-05-08"),
        ),
        # from the day the story told last
        (
            "Pakistani jets struck Barmal on May 5. Afghan forces raided posts in Kurram two days later.",
            ("armed_clash", "attack", "Kurram District", "2024-05-07"),
        ),
    ],
)
def test_a_time_phrase_closing_the_clause_dates_its_trigger(chain, text, told):
    assert told in _dated(_events(chain, text))


def test_the_phrase_of_a_later_clause_does_not_date_an_earlier_trigger(chain):
    ev = _events(
        chain, "Pakistani jets struck Barmal on May 5, and Afghan forces raided posts in Kurram two days later."
    )
    assert _dated(ev) == [
        ("airstrike", "airstrike", "Barmal District", "2024-05-05"),
        ("armed_clash", "attack", "Kurram District", "2024-05-07"),
    ]


def test_a_phrase_after_another_verb_is_that_verbs_time(chain):
    # "died two days later" dates the death, not the shelling that wounded him
    ev = _events(
        chain,
        "Pakistani shells hit Dangam on Monday. A farmer wounded in the shelling of Sheltan on Monday "
        "died two days later.",
    )
    assert {e.event_date for e in ev if e.event_type == "explosion"} == {"2024-05-13"}
