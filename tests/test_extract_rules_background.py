"""Incidents told only as background with no time of their own
(:mod:`geomap.extract.rules.background`). Sentences written for these tests."""

from __future__ import annotations

import pytest
from test_extract_news import _events

from geomap.extract.rules.background import done_before
from geomap.extract.types import find_triggers
from geomap.geocoders import default_chain


@pytest.fixture(scope="module")
def chain():
    return default_chain()


def _violent(events):
    return sorted((e.event_type, e.location) for e in events if e.event_type in ("armed_clash", "explosion"))


LEAD = "Gunmen attacked a police post in Bajaur on Monday night, killing two constables. "


@pytest.mark.parametrize(
    "background",
    [
        "A commander said the gunmen belonged to a band that had attacked a base in Khost.",
        "Officials said the raiders were fighters who had earlier stormed a checkpoint near Chaman.",
        "The army said those killed were men who had ambushed a convoy in Kurram, and gave no more details.",
    ],
)
def test_what_the_people_named_had_done_before_is_no_event(chain, background):
    assert _violent(_events(chain, LEAD + background)) == [("armed_clash", "Bajaur District")]


@pytest.mark.parametrize(
    "text, place",
    [
        # a date in the sentence gives the incident a time
        (
            "Officials said the raiders were fighters who had stormed a checkpoint near Chaman on Sunday.",
            "Chaman",
        ),
        # the past perfect outside a relative clause is a report of the incident
        ("Officials said fighters had stormed a checkpoint near Chaman.", "Chaman"),
        # the clause that had the past perfect ends before the trigger
        ("Fighters who had crossed from Afghanistan stormed a checkpoint near Chaman.", "Chaman"),
    ],
)
def test_a_dated_or_reported_incident_stays(chain, text, place):
    assert ("armed_clash", place) in _violent(_events(chain, LEAD + text))


def test_only_the_trigger_in_the_clause_counts():
    s = "Troops who had been on leave fought militants near Chaman."
    trigs = find_triggers(s)
    assert trigs and not done_before(s, trigs, dated=False)
    s = "They were men who had attacked a base in Khost."
    assert done_before(s, find_triggers(s), dated=False)
    assert not done_before(s, find_triggers(s), dated=True)
