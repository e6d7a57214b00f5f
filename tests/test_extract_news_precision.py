"""Precision on unseen news (round 5): wordings that speak of incidents
without reporting one, and speakers or reference points that are no event
places. Every sentence was written for these tests, in the manner of
Pakistani dailies, Afghan outlets and wire copy; each rule has a sentence
where it must not fire."""

from __future__ import annotations

import pytest
from test_extract_news import _by, _events

from geomap.geocoders import default_chain


@pytest.fixture(scope="module")
def chain():
    return default_chain()


# -- a trend over many incidents --------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Army officers credit the fence with a sharp fall in cross-border attacks in Bajaur.",
        "Officials in Kurram reported a rise in militant attacks on border posts.",
        "Residents of Dangam blame the new posts for a surge in shelling along the frontier.",
    ],
)
def test_a_rise_or_fall_in_attacks_is_no_incident(chain, text):
    assert _events(chain, text) == []


def test_an_attack_told_after_a_trend_word_is_an_incident(chain):
    ev = _events(chain, "Prices fell in Bajaur after militants attacked a post there on Monday.")
    assert _by(ev, "armed_clash") == [("Bajaur District", "2024-05-13")]


# -- the topic of a meeting --------------------------------------------------


def test_the_issue_raised_at_a_meeting_is_no_new_incident(chain):
    ev = _events(
        chain,
        "Afghan officials met their Pakistani counterparts at Torkham on Monday and raised the issue of "
        "the firing and the closure.",
    )
    assert _by(ev, "talks") == [("Torkham", "2024-05-13")]
    assert not _by(ev, "armed_clash")
    assert not _by(ev, "border_closure")


def test_a_closure_told_beside_an_issue_is_a_closure(chain):
    ev = _events(chain, "Torkham was closed on Monday over the issue of travel documents.")
    assert _by(ev, "border_closure") == [("Torkham", "2024-05-13")]


# -- a meeting expected ------------------------------------------------------


def test_a_flag_meeting_expected_soon_is_none_however_long_its_subject(chain):
    ev = _events(
        chain,
        "Guards traded fire at Ghulam Khan on Sunday. A flag meeting between the commanders of the two "
        "border forces is expected in the coming days, officials said.",
    )
    assert not _by(ev, "talks")
    assert _by(ev, "armed_clash") == [("Ghulam Khan", "2024-05-12")]


def test_a_flag_meeting_held_is_talks(chain):
    ev = _events(
        chain,
        "Guards traded fire at Ghulam Khan on Sunday. A flag meeting between the commanders of the two "
        "border forces was held there on Monday, officials said.",
    )
    assert _by(ev, "talks") == [("Ghulam Khan", "2024-05-13")]


# -- speakers and reference points -------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Khost's governor met Pakistani border officials at Ghulam Khan on Monday.",
        "Ghulam Khan was shut on Sunday. On Monday, Khost's police chief met Pakistani border officials "
        "near the crossing.",
    ],
)
def test_a_provinces_governor_or_police_chief_is_no_place_of_the_meeting(chain, text):
    assert _by(_events(chain, text), "talks") == [("Ghulam Khan", "2024-05-13")]


def test_a_provinces_villages_are_its_place(chain):
    ev = _events(chain, "Pakistani shells landed in Khost's border villages on Monday.")
    assert _by(ev, "explosion") == [("Khost", "2024-05-13")]


def test_the_zero_point_of_a_named_crossing_is_that_crossing(chain):
    ev = _events(
        chain,
        "Chaman was closed on Sunday. On Monday, officials of both sides met at the zero point in Angoor Adda.",
    )
    assert _by(ev, "talks") == [("Angoor Adda", "2024-05-13")]


def test_the_zero_point_alone_is_the_crossing_reported(chain):
    ev = _events(chain, "Chaman was closed on Sunday. On Monday, officials of both sides met at the zero point.")
    assert _by(ev, "talks") == [("Chaman", "2024-05-13")]


# -- an older attack with no border word -------------------------------------


def test_an_older_attack_at_an_unknown_hamlet_is_not_put_on_the_border(chain):
    ev = _events(
        chain,
        "Militants attacked a post in Kurram on Monday. Convoys have run under escort since an attack in "
        "March near a hamlet called Spinkai, in which 15 people were killed.",
    )
    assert _by(ev, "armed_clash") == [("Kurram District", "2024-05-13")]


@pytest.mark.parametrize(
    "text",
    [
        # clashes where the place borrowed lies on the line
        "Troops clashed with Afghan forces in Kurram on Monday. Convoys have run under escort since "
        "clashes in March that killed 15 people.",
        # an attack told with a border word
        "Militants attacked a post in Kurram on Monday. Convoys have run under escort since an attack on "
        "the border in March that killed 15 people.",
    ],
)
def test_older_clashes_or_an_attack_on_the_border_are_the_border(chain, text):
    assert ("Afghanistan-Pakistan border", "2024-03") in _by(_events(chain, text), "armed_clash")


# -- a reference point for a distance ----------------------------------------


def test_the_town_a_distance_is_told_from_is_no_place_of_the_strike(chain):
    ev = _events(
        chain,
        "Missiles fired from a drone hit a compound in Datta Khel, about 30 kilometres west of Miramshah, "
        "on Sunday, killing six people.",
    )
    assert [(e.location, e.fatalities) for e in ev if e.event_type == "airstrike"] == [("Datta Khel", 6)]


def test_a_distance_from_a_town_with_no_other_place_is_near_that_town(chain):
    ev = _events(chain, "Missiles fired from a drone hit a compound about 30 kilometres west of Miramshah on Sunday.")
    assert _by(ev, "airstrike") == [("Miranshah", "2024-05-12")]
