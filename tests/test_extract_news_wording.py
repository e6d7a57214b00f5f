"""Wordings of real border reports (issue 10, read from some thirty reports
of Dawn, The News, Geo, Express Tribune, TOLOnews, Pajhwok, Khaama, Reuters,
AP and others): how outlets word each event type and place, and the near
wordings where no rule may fire. Every sentence is written for these tests;
none is copied from a report or a dev set."""

from __future__ import annotations

import pytest
from test_extract_news import _by, _events

from geomap.geocoders import default_chain


@pytest.fixture(scope="module")
def chain():
    return default_chain()


def _types(chain, text):
    return sorted({e.event_type for e in _events(chain, text)})


# -- attacks told in the passive, and the other side's reply -------------------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # Pakistani outlets: posts "were fired upon from across the border"
        (
            "Several posts in the Teri Mangal area of Kurram were fired upon from across the border on Monday night.",
            "Teri Mangal",
        ),
        ("Frontier Corps troops were fired upon from Afghanistan near Kurram on Sunday.", "Kurram District"),
        ("A convoy was fired on near Angoor Adda on Monday.", "Angoor Adda"),
        ("Troops returned fire after their post near Angoor Adda was attacked on Monday.", "Angoor Adda"),
        # Afghan outlets: the Islamic Emirate's forces "hit back at" posts
        (
            "Border guards of the Islamic Emirate hit back at Pakistani posts near Dand Patan on Monday.",
            "Dand-e-Patan District",
        ),
        # the military's statements: posts destroyed or captured, militants
        # "neutralised" or "effectively engaged"
        (
            "Pakistan's forces destroyed several Taliban posts in Kurram on Sunday night, sources said.",
            "Kurram District",
        ),
        ("The military said its troops captured 19 Afghan posts in Kurram on Sunday.", "Kurram District"),
        ("Security forces neutralised four terrorists near Angoor Adda on Monday, the ISPR said.", "Angoor Adda"),
        ("Troops effectively engaged the militants near Angoor Adda on Monday, the ISPR said.", "Angoor Adda"),
    ],
)
def test_attacks_in_the_wording_of_both_sides(chain, text, place):
    assert [loc for loc, _ in _by(_events(chain, text), "armed_clash")] == [place]


@pytest.mark.parametrize(
    "text",
    [
        "The foreign minister hit back at critics of his Kabul policy in Islamabad on Monday.",
        "Pakistan warned that its forces would hit back at any posts used to attack its troops in Kurram.",
        "Heavy rain damaged several posts in Kurram on Monday.",
        "The provincial government engaged the militants in talks in Bajaur on Monday.",
        "Taliban officials denied that Pakistani posts in Kurram were fired upon from Afghan soil on Monday.",
    ],
)
def test_words_of_attacks_that_are_none(chain, text):
    assert not _by(_events(chain, text), "armed_clash")


# -- air strikes told in the passive -------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Houses in Barmal district were bombed by Pakistani aircraft on Monday, killing six.",
        "A house in Barmal was hit by a Pakistani drone before dawn on Monday, killing three.",
        "Several villages in Barmal were targeted by Pakistani jets on Monday.",
    ],
)
def test_places_bombed_by_aircraft_are_air_strikes(chain, text):
    assert [loc for loc, _ in _by(_events(chain, text), "airstrike")] == ["Barmal District"]


def test_a_place_hit_by_a_truck_is_no_air_strike(chain):
    ev = _events(chain, "A shop in Barmal was hit by a truck on Monday.")
    assert not _by(ev, "airstrike")


# -- bombs: a vehicle packed with explosives; bombs made safe --------------------


def test_a_vehicle_packed_with_explosives_is_a_bombing(chain):
    ev = _events(
        chain, "A car packed with explosives blew up near a checkpost in Bajaur on Tuesday, killing four soldiers."
    )
    assert [(e.event_type, e.location, e.fatalities) for e in ev] == [("explosion", "Bajaur District", 4)]


@pytest.mark.parametrize(
    "text",
    [
        "Police seized a car packed with explosives at a checkpoint in Bajaur on Monday.",
        "Police seized an explosives-laden car at a checkpoint in Bajaur on Monday.",
        "Bomb disposal staff defused an IED planted near a school in Bajaur on Monday.",
    ],
)
def test_explosives_seized_or_defused_are_no_explosion(chain, text):
    assert not _by(_events(chain, text), "explosion")


# -- closures: movement stopped at a crossing ------------------------------------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Afghan border forces blocked all movement at Torkham on Tuesday.", "Torkham"),
        ("Trade and pedestrian movement at Chaman was halted on Tuesday.", "Chaman"),
        ("Movement through the Kharlachi crossing was stopped on Tuesday after the firing.", "Kharlachi"),
        ("Cargo traffic at Torkham came to a standstill on Monday.", "Torkham"),
        (
            "Cross-border movement at Chaman came to a standstill on Monday after protesters blocked the highway.",
            "Chaman",
        ),
        ("The sit-in brought trade at Chaman to a standstill on Monday.", "Chaman"),
        ("No pedestrian movement was permitted through Torkham on Saturday.", "Torkham"),
    ],
)
def test_movement_stopped_at_a_crossing_is_a_closure(chain, text, place):
    assert [loc for loc, _ in _by(_events(chain, text), "border_closure")] == [place]


@pytest.mark.parametrize(
    "text",
    [
        "Traffic in Peshawar came to a standstill on Monday as a wedding procession passed.",
        "Police blocked traffic on the ring road in Peshawar on Monday during a protest.",
        "Security forces stopped the movement of militants across the border in Bajaur on Monday.",
        "Cross-border trade at Torkham has been halted for years during every winter.",
        "The storm brought the wedding in Peshawar to a halt on Monday.",
        "No one was permitted to speak to reporters at Torkham on Monday.",
    ],
)
def test_traffic_stopped_away_from_a_crossing_is_no_closure(chain, text):
    assert not _by(_events(chain, text), "border_closure")


# -- stranded trade: trucks turned away, trailers parked --------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Afghan officials turned away hundreds of trucks at Torkham on Monday.",
        "Afghan authorities refused entry to Pakistani trucks at Torkham on Monday.",
        "Hundreds of trailers were parked at Torkham on Monday after the Afghan side stopped letting them through.",
    ],
)
def test_trucks_turned_away_or_parked_are_stranded_trade(chain, text):
    assert [loc for loc, _ in _by(_events(chain, text), "trade_disruption")] == ["Torkham"]


@pytest.mark.parametrize(
    "text",
    [
        "Officials said trucks would be turned away at Torkham if drivers lacked visas.",
        "Officials said trucks would be turned back at Torkham if drivers lacked visas.",
        "Trucks carrying cement turned away from the main road at Landi Kotal on Monday to avoid a toll.",
    ],
)
def test_trucks_that_may_be_turned_away_or_turn_off_a_road_are_not_stranded(chain, text):
    assert not _by(_events(chain, text), "trade_disruption")


# -- places: an incident "reported from" a place -----------------------------------


def test_an_incident_reported_from_a_place_is_there(chain):
    ev = _events(
        chain, "A heavy exchange of fire between the two forces was reported from the Chaman border late on Friday."
    )
    assert [loc for loc, _ in _by(ev, "armed_clash")] == ["Chaman"]


def test_a_reporters_credit_names_no_place(chain):
    assert not _events(chain, "Alice Smith reported from Torkham and Bob Jones from Chaman.")


# -- shells from across the border that land in a tehsil -------------------------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "A mortar round fired from across the border came down in an orchard in the Mamund area on Monday.",
            "Mamund",
        ),
        ("Cross-border shelling hit two houses in Salarzai on Monday, officials said.", "Salarzai"),
    ],
)
def test_cross_border_fire_lands_in_a_tehsil_on_the_line(chain, text, place):
    assert [loc for loc, _ in _by(_events(chain, text), "explosion")] == [place]


def test_cross_border_fire_is_not_placed_in_a_wide_region(chain):
    ev = _events(chain, "Cross-border shelling hit two houses in Waziristan on Monday, officials said.")
    assert "Waziristan" not in [loc for loc, _ in _by(ev, "explosion")]


# -- a reopening and the closure it ends, each with its day ------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Torkham reopened to travellers on Wednesday for the first time since it was shut on March 16.",
        "Foot traffic resumed at Torkham on Wednesday, nearly two months after the crossing was closed on March 16.",
    ],
)
def test_a_reopening_and_the_closure_told_with_its_own_day_are_two_events(chain, text):
    ev = sorted((e.sub_event_type, e.location, e.event_date) for e in _events(chain, text))
    assert ev == [("closure", "Torkham", "2024-03-16"), ("reopening", "Torkham", "2024-05-15")]


@pytest.mark.parametrize(
    "text",
    [
        "Torkham reopened to trade on Wednesday after being shut for nearly four weeks.",
        "The closure of Torkham was eased on May 7 and 8, when officials opened the gate for two days.",
    ],
)
def test_a_reopening_after_a_closure_with_no_day_of_its_own_is_one_event(chain, text):
    ev = [e for e in _events(chain, text) if e.event_type == "border_closure"]
    assert len(ev) == 1


# -- shots exchanged -------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Guards on the two sides exchanged shots at Torkham on Tuesday evening.",
        "Shots were exchanged at Torkham on Tuesday evening after a quarrel over a truck.",
    ],
)
def test_shots_exchanged_are_an_exchange_of_fire(chain, text):
    assert [loc for loc, _ in _by(_events(chain, text), "armed_clash")] == ["Torkham"]


def test_words_exchanged_are_no_fire(chain):
    ev = _events(chain, "Guards on the two sides exchanged angry words at Torkham on Tuesday evening.")
    assert not _by(ev, "armed_clash")


# -- trends and topics are no incidents ----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Officials credit the fence with a drop in cross-border attacks in Mohmand and Bajaur.",
        "Analysts link the surge in shelling along the Kunar frontier to the fencing dispute.",
        "At the zero point in Spin Boldak on Wednesday the commanders raised the issue of the shelling.",
    ],
)
def test_a_trend_or_a_topic_is_no_incident(chain, text):
    assert not [e for e in _events(chain, text) if e.event_type in ("armed_clash", "explosion")]


def test_an_attack_after_a_rise_in_tension_is_an_incident(chain):
    ev = _events(chain, "After a rise in tension, militants attacked a post near Angoor Adda on Monday.")
    assert [loc for loc, _ in _by(ev, "armed_clash")] == ["Angoor Adda"]


def test_a_flag_meeting_expected_in_the_coming_days_is_none(chain):
    ev = _events(
        chain,
        "A flag meeting between the border commanders of the two sides at Torkham is expected in the coming days.",
    )
    assert not _by(ev, "talks")


# -- places: offices of a province, distances from a town ------------------------


def test_a_provinces_officer_does_not_place_the_meeting(chain):
    ev = _events(chain, "Paktia's governor met Pakistani officers at the Kharlachi crossing on Wednesday.")
    assert [loc for loc, _ in _by(ev, "talks")] == ["Kharlachi"]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("A drone hit a house in Datta Khel, some 25 kilometres west of Miranshah, on Sunday.", "Datta Khel"),
        # the town measured from is the only place told: the point measured from it
        ("A drone hit a house some 25 kilometres west of Miranshah on Sunday.", "25 km west of Miranshah"),
    ],
)
def test_a_town_measured_from_yields_to_the_place_named(chain, text, place):
    assert [loc for loc, _ in _by(_events(chain, text), "airstrike")] == [place]


def test_shots_fired_by_both_sides_are_an_exchange_of_fire(chain):
    ev = _events(chain, "At Torkham on Tuesday shots were fired by both sides for several minutes.")
    assert [loc for loc, _ in _by(ev, "armed_clash")] == ["Torkham"]


# -- the zero point named by the place after it ------------------------------------


def test_the_zero_point_in_a_named_place_is_that_place(chain):
    ev = _events(
        chain,
        "Troops were digging trenches near the Badini crossing on Sunday. "
        "On Wednesday a police commander met Pakistani officers at the zero point in Spin Boldak.",
    )
    assert [loc for loc, _ in _by(ev, "talks")] == ["Spin Boldak"]


def test_the_zero_point_alone_is_the_crossing_in_context(chain):
    ev = _events(
        chain,
        "Troops were digging trenches near the Badini crossing on Sunday. "
        "On Wednesday a police commander met Pakistani officers at the zero point.",
    )
    assert [loc for loc, _ in _by(ev, "talks")] == ["Badini"]


# -- supplies for foreign forces halted ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Officials stopped all NATO supply trucks from heading to Torkham on Saturday.",
        "Coalition supply convoys were halted at Torkham on Saturday after the raid.",
    ],
)
def test_supplies_for_foreign_forces_halted_are_a_closure(chain, text):
    assert [loc for loc, _ in _by(_events(chain, text), "border_closure")] == ["Torkham"]


def test_a_utility_suspended_is_no_closure(chain):
    ev = _events(chain, "The company suspended gas supplies to Landi Kotal on Monday for repairs.")
    assert not _by(ev, "border_closure")


# -- headlines in the present tense ---------------------------------------------------


def _headline(chain, title):
    return _events(chain, "Officials gave no further details on Tuesday.", title=title)


@pytest.mark.parametrize(
    ("title", "etype", "place"),
    [
        ("Pakistan closes Torkham after firing", "border_closure", "Torkham"),
        ("Afghan side shuts Chaman crossing to traders", "border_closure", "Chaman"),
        ("Taliban halt all movement through Kharlachi", "border_closure", "Kharlachi"),
        ("Afghan forces fire mortar shells at Chaman", "explosion", "Chaman"),
        ("Militants attack checkpost near Angoor Adda", "armed_clash", "Angoor Adda"),
        ("Guards open fire on smugglers at Chaman", "armed_clash", "Chaman"),
    ],
)
def test_a_headline_in_the_present_tense_is_an_incident(chain, title, etype, place):
    assert [loc for loc, _ in _by(_headline(chain, title), etype)] == [place]


@pytest.mark.parametrize(
    "text",
    [
        "Pakistani and Afghan guards traded fire with mortars at Torkham on Sunday night.",
        "Officials blamed militants hiding in Kunar for the attack and said troops had responded.",
    ],
)
def test_nouns_of_fire_and_attack_are_no_present_verbs(chain, text):
    ev = _events(chain, text)
    assert not _by(ev, "explosion")
    assert "Kunar Province" not in [loc for loc, _ in _by(ev, "armed_clash")]
