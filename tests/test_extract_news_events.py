"""Not events and references to other incidents (issue 10, class 7), third
round: sentence-level cases written for these tests in our own words."""

from __future__ import annotations

import pytest
from test_extract_news import _by, _events

from geomap.geocoders import default_chain


@pytest.fixture(scope="module")
def chain():
    return default_chain()


@pytest.mark.parametrize(
    "text",
    [
        "The deal was negotiated behind closed doors in Peshawar.",
        "Officials said two refugee camps near Chaman were closed last week.",
    ],
)
def test_closing_what_is_not_a_crossing_is_no_closure(chain, text):
    assert not _by(_events(chain, text), "border_closure")


def test_a_report_denied_in_its_own_sentence_is_not_an_event(chain):
    ev = _events(
        chain,
        "The Ghulam Khan crossing was said on social media to have closed on Monday, "
        "but officials there denied the reports and said lorries were crossing.",
    )
    assert not _by(ev, "border_closure")


def test_a_denial_of_something_else_keeps_the_event(chain):
    ev = _events(chain, "Pakistan closed the Torkham crossing on Monday but denied reports of firing there.")
    assert _by(ev, "border_closure") == [("Torkham", "2024-05-13")]


def test_an_incident_that_came_on_the_same_day_as_another_keeps_its_place(chain):
    ev = _events(
        chain,
        "Pakistan closed the Torkham crossing on Monday. The closure came on the same day that "
        "militants attacked posts in Chitral.",
    )
    assert _by(ev, "border_closure") == [("Torkham", "2024-05-13")]
