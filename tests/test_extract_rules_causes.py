"""Incidents told as another's cause or as "a similar" one
(:mod:`geomap.extract.rules.causes`): not placed where the incident reported is.
Sentences written for these tests."""

from __future__ import annotations

import pytest
from test_extract_news import _events
from test_extract_rules_where import _where

from geomap.geocoders import default_chain


@pytest.fixture(scope="module")
def chain():
    return default_chain()


def test_a_similar_clash_before_is_not_at_the_place_of_the_one_reported(chain):
    body = (
        "Guards of the two countries clashed near Zhob on Tuesday. "
        "In March, two policemen died in a similar clash with Afghan troops."
    )
    assert _where(_events(chain, body), "armed_clash") == ["Afghanistan-Pakistan border", "Zhob"]


def test_a_clash_told_again_without_similar_keeps_the_place_told(chain):
    body = "Guards of the two countries clashed near Zhob on Tuesday. Two policemen died in the clash."
    assert _where(_events(chain, body), "armed_clash") == ["Zhob"]


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
