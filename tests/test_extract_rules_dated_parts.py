"""One type of incident told twice in a sentence, each clause with a date of
its own (:mod:`geomap.extract.rules.dated_parts`). Sentences written for
these tests."""

from __future__ import annotations

import datetime as dt

import pytest
from test_extract_news import _events

from geomap.extract.dates import find_dates
from geomap.extract.rules.dated_parts import dated_parts
from geomap.extract.types import find_triggers
from geomap.geocoders import default_chain


@pytest.fixture(scope="module")
def chain():
    return default_chain()


def _of(events, etype):
    return sorted((e.location, e.event_date) for e in events if e.event_type == etype)


@pytest.mark.parametrize(
    "text, etype, told",
    [
        (
            "Pakistani troops clashed with Afghan guards near Chaman in April 2019, and in August 2021 border "
            "forces traded fire near the Chaman gate.",
            "armed_clash",
            [("Chaman", "2019-04"), ("Chaman", "2021-08")],
        ),
        (
            "Torkham was shut for a week in June 2016 over a new gate; both main crossings were closed "
            "again in February 2017 after a wave of bombings.",
            "border_closure",
            [("Torkham", "2016-06"), ("Torkham", "2017-02")],
        ),
    ],
)
def test_each_clause_with_its_own_date_is_an_incident(chain, text, etype, told):
    assert _of(_events(chain, text), etype) == told


@pytest.mark.parametrize(
    "sentence",
    [
        # one date for both clauses: one incident
        "Troops clashed near Chaman on Monday, and fighting spread to the gate.",
        # a clause with a date and no trigger: whose date it is cannot be told
        "Troops clashed near Chaman on Monday and at the gate, and officials met on Tuesday.",
        # the same date told twice
        "Troops clashed near Chaman on Monday, and on Monday gunfire hit the gate.",
    ],
)
def test_a_sentence_without_a_date_per_clause_is_not_split(sentence):
    published = dt.date(2024, 5, 15)
    trigs = [t for t in find_triggers(sentence) if t.event_type == "armed_clash"]
    assert dated_parts(sentence, trigs, find_dates(sentence, published)) is None
