"""Reopenings the trigger rules cannot read alone (:mod:`geomap.extract.rules.reopenings`):
a crossing "opened" by name. Sentences written for these tests."""

from __future__ import annotations

import pytest
from test_extract_news import _events

from geomap.geocoders import default_chain


@pytest.fixture(scope="module")
def chain():
    return default_chain()


def _closures(events):
    return sorted((e.sub_event_type, e.location) for e in events if e.event_type == "border_closure")


def test_a_crossing_opened_by_name_is_a_reopening(chain):
    ev = _events(chain, "Pakistan opened Torkham and Chaman to returning families on Monday.")
    assert _closures(ev) == [("reopening", "Chaman"), ("reopening", "Torkham")]


def test_opened_by_name_beside_the_closure_it_ends(chain):
    ev = _events(chain, "Islamabad opened Chaman on Monday, shut since April 16 over a row about fees.")
    assert _closures(ev) == [("closure", "Chaman"), ("reopening", "Chaman")]


def test_a_headline_that_opens_a_crossing(chain):
    ev = _events(chain, "The gate was crowded by noon.", title="Kabul opens Chaman after talks")
    assert ("reopening", "Chaman") in _closures(ev)


@pytest.mark.parametrize(
    "text",
    [
        "Pakistan refused to open Torkham on Monday.",
        "Officials said they would have opened Torkham on Monday.",
        "The minister declined to say when Pakistan opens Torkham.",
    ],
)
def test_an_opening_refused_or_unreal_is_none(chain, text):
    assert not _closures(_events(chain, text))


def test_traffic_suspended_and_resumed_later_is_a_closure_and_a_reopening(chain):
    ev = _events(
        chain,
        "Foot traffic through Torkham was suspended on Sunday after a brawl at the gate and resumed "
        "only in part on Tuesday.",
    )
    assert sorted((e.sub_event_type, e.event_date) for e in ev if e.event_type == "border_closure") == [
        ("closure", "2024-05-12"),
        ("reopening", "2024-05-14"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The Chaman crossing was closed on Monday, and guards resumed work on the gate on Tuesday.",
        "The Chaman crossing was closed on Monday and resumed firing on Tuesday.",
    ],
)
def test_work_or_fire_resumed_after_a_closure_is_no_reopening(chain, text):
    assert ("reopening", "Chaman") not in _closures(_events(chain, text))
