"""The sides of a meeting (geomap/extract/rules/sides.py): a meeting of
one side's officials with their own people is no talks. Every sentence is
written for these tests."""

from __future__ import annotations

import pytest
from test_extract_news import _by, _events

from geomap.extract.places import PlaceFinder
from geomap.extract.rules.sides import meeting_at_home
from geomap.geocoders import default_chain


@pytest.fixture(scope="module")
def chain():
    return default_chain()


@pytest.fixture(scope="module")
def finder(chain):
    return PlaceFinder(chain)


@pytest.mark.parametrize(
    "sentence",
    [
        "The district officer of Bajaur met village elders in Khar on Monday and promised new wells.",
        "A jirga of elders held talks with the provincial home minister in Peshawar on Sunday.",
        "Officials met local notables in Zhob on Saturday to discuss security on the roads.",
        "The Kunar governor met tribal leaders in Asadabad on Tuesday after the shelling.",
    ],
)
def test_officials_meeting_their_own_people_are_at_home(finder, sentence):
    assert meeting_at_home(sentence, finder.find(sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        # both sides, a pair, a crossing, the other side named, places of each side
        "Elders from both sides met at Kharlachi on Monday to settle a grazing dispute.",
        "A joint jirga of elders met in Parachinar on Monday.",
        "Elders from Landi Kotal met Taliban officials in Landi Kotal on Sunday.",
        "Elders from Kurram and Paktia met on Monday to arrange a truce.",
        "Tribal elders met Afghan border officials near the border on Monday.",
        # no local people: not this rule's to judge
        "Pakistani officials met in Peshawar on Monday.",
        # talks with the Pakistani Taliban in Kabul have two sides
        "A jirga of elders held talks with the TTP in Kabul on Monday.",
    ],
)
def test_meetings_with_the_other_side_or_at_the_line_are_not_at_home(finder, sentence):
    assert not meeting_at_home(sentence, finder.find(sentence))


def test_a_meeting_at_home_gives_no_talks_event(chain):
    ev = _events(chain, "The district officer of Bajaur met village elders in Khar on Monday and promised new wells.")
    assert _by(ev, "talks") == []


def test_a_meeting_at_home_keeps_the_incident_told_with_it(chain):
    ev = _events(
        chain, "The Kunar governor met tribal leaders in Asadabad on Tuesday after shells landed in Asadabad on Monday."
    )
    assert _by(ev, "talks") == []
    assert [loc for loc, _ in _by(ev, "explosion")] == ["Asadabad"]


def test_elders_of_both_sides_at_a_crossing_hold_talks(chain):
    ev = _events(chain, "Elders from both sides met at Kharlachi on Monday to settle a grazing dispute.")
    assert [loc for loc, _ in _by(ev, "talks")] == ["Kharlachi"]


def test_officials_of_both_sides_who_met_in_a_report_about_a_crossing_met_there(chain):
    ev = _events(
        chain,
        "Chaman was closed on Monday after a quarrel over a new gate. "
        "Pakistani and Afghan officials held talks but could not settle the row, a customs agent said.",
    )
    assert [loc for loc, _ in _by(ev, "talks")] == ["Chaman"]


@pytest.mark.parametrize(
    "text",
    [
        # a meeting to come, and ministers (who meet in capitals)
        "Chaman was closed on Monday after a quarrel over a new gate. "
        "A meeting between local commanders of the two sides was expected, officials said.",
        "Chaman was closed on Monday after a quarrel over a new gate. "
        "The foreign ministers of the two countries held talks on the row.",
    ],
)
def test_a_meeting_to_come_or_of_ministers_is_not_put_at_the_crossing(chain, text):
    assert "Chaman" not in [loc for loc, _ in _by(_events(chain, text), "talks")]


def test_officials_of_both_sides_with_no_crossing_in_context_are_placed_nowhere(chain):
    ev = _events(chain, "Pakistani and Afghan officials held talks but could not settle the row.")
    assert _by(ev, "talks") == []
