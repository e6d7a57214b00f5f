"""Recall on real reports (issue 10, news_dev6 follow-up): wordings of air
strikes, stranded trade, closures and border works that outlets use and the
rules missed, and where such incidents are placed. Every sentence is written
for these tests; each rule has a test where it must not fire."""

from __future__ import annotations

import pytest
from test_extract_news import _by, _events

from geomap.geocoders import default_chain


@pytest.fixture(scope="module")
def chain():
    return default_chain()


# -- air strikes -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Two gunship helicopters attacked a border post near Angoor Adda before dawn on Monday.",
        "Jet fighters struck suspected militant hideouts near Angoor Adda on Monday.",
        "Coalition helicopters killed three soldiers at a post near Angoor Adda on Monday.",
        "A helicopter raid on a post near Angoor Adda on Monday killed three soldiers.",
    ],
)
def test_aircraft_that_attack_or_kill_make_an_air_strike(chain, text):
    ev = _events(chain, text)
    assert [loc for loc, _ in _by(ev, "airstrike")] == ["Angoor Adda"]


def test_fighters_on_foot_make_no_air_strike(chain):
    ev = _events(chain, "Taliban fighters attacked a border post near Angoor Adda on Monday.")
    assert not _by(ev, "airstrike")
    assert [loc for loc, _ in _by(ev, "armed_clash")] == ["Angoor Adda"]


def test_a_strike_told_with_no_place_takes_the_places_of_the_next_sentences(chain):
    ev = _events(
        chain,
        "Warplanes carried out strikes before dawn on Monday in two eastern provinces of Afghanistan, "
        "killing 19 people, officials said. In Paktika, twelve people were killed in Barmal district. "
        "In Kunar, officials said seven died when a house was hit in Dangam district.",
    )
    strikes = sorted((e.location, e.fatalities) for e in ev if e.event_type == "airstrike")
    assert strikes == [("Barmal District", 12), ("Dangam District", 7)]


def test_the_attack_took_place_places_the_strike_and_keeps_its_toll(chain):
    ev = _events(
        chain,
        "The army said foreign helicopters fired on two of its posts early on Saturday, killing nine soldiers. "
        "The raid took place on the Salala posts in Mohmand, near the frontier.",
    )
    strikes = [(e.location, e.event_date, e.fatalities) for e in ev if e.event_type == "airstrike"]
    assert strikes == [("Salala", "2024-05-11", 9)]


def test_a_death_told_long_after_an_unplaced_strike_is_not_its_place(chain):
    ev = _events(
        chain,
        "Warplanes carried out strikes before dawn on Monday in two eastern provinces of Afghanistan. "
        "Diplomats met in Doha to discuss the crisis. Prices of flour rose in Peshawar. "
        "Schools stayed open across the province. A shopkeeper died in Barmal on Tuesday.",
    )
    assert not _by(ev, "airstrike")


# -- stranded trade ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Oil tankers and container carriers were lined up along the highway at Landi Kotal on Monday.",
        "Trucks carrying fruit were told to stay in Landi Kotal on Monday until further notice.",
        "Some 2,000 animals had been waiting at Landi Kotal for a week, livestock dealers said on Monday.",
        "About 200 containers stood in the yard at Landi Kotal for months, transporters said on Monday.",
        "Fruit loaded for export was already spoiling at Landi Kotal on Monday, traders said.",
    ],
)
def test_goods_and_vehicles_held_up_are_a_trade_disruption(chain, text):
    ev = _events(chain, text)
    assert [loc for loc, _ in _by(ev, "trade_disruption")] == ["Landi Kotal"]


@pytest.mark.parametrize(
    "text",
    [
        "Militants set two oil tankers on fire in Landi Kotal on Monday.",
        "A minister warned on Monday that the dispute could spoil the talks in Landi Kotal.",
    ],
)
def test_tankers_burnt_or_talks_spoilt_are_no_trade_disruption(chain, text):
    assert not _by(_events(chain, text), "trade_disruption")


# -- closures and openings -------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The Ghulam Khan crossing began operating round the clock on Monday.",
        "The interior minister inaugurated round-the-clock operations at Ghulam Khan on Monday.",
    ],
)
def test_opening_round_the_clock_is_a_reopening(chain, text):
    ev = [e for e in _events(chain, text) if e.event_type == "border_closure"]
    assert [(e.location, e.sub_event_type) for e in ev] == [("Ghulam Khan", "reopening")]


def test_a_hope_of_opening_round_the_clock_is_no_event(chain):
    ev = _events(chain, "Traders hope that Ghulam Khan will one day stay open round the clock.")
    assert not _by(ev, "border_closure")


def test_blocking_supply_convoys_at_a_crossing_is_a_closure(chain):
    ev = _events(chain, "Pakistan responded on Friday by blocking NATO supply convoys at Torkham.")
    assert [loc for loc, _ in _by(ev, "border_closure")] == ["Torkham"]


def test_protesters_blocking_a_road_is_no_closure(chain):
    ev = _events(chain, "Protesters blocked the main road in Landi Kotal on Friday.")
    assert not _by(ev, "border_closure")


# -- border works ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "New posts were being set up near Angoor Adda on Monday, officials said.",
        "The row began over a checkpoint that Afghan forces had set up near Angoor Adda on Monday.",
        "Pakistani troops resumed work on an installation near Angoor Adda on Monday.",
    ],
)
def test_posts_set_up_and_installations_are_border_works(chain, text):
    ev = _events(chain, text)
    assert [loc for loc, _ in _by(ev, "fortification")] == ["Angoor Adda"]


def test_police_checkpoints_in_a_city_are_no_border_work(chain):
    ev = _events(chain, "Police set up checkpoints across Peshawar on Monday after the bombing.")
    assert not _by(ev, "fortification")


# -- places ------------------------------------------------------------------------


def test_the_terminal_is_the_crossing_in_context(chain):
    ev = _events(
        chain,
        "The Torkham crossing reopened on Monday. "
        "The two commerce ministers met in the terminal building on Tuesday to discuss trade.",
    )
    assert [loc for loc, _ in _by(ev, "talks")] == ["Torkham"]


def test_a_village_after_its_town_is_the_place(chain):
    ev = _events(chain, "Two soldiers were killed as an infiltration bid was foiled in Zhob's Sambaza on Monday.")
    assert [loc for loc, _ in _by(ev, "armed_clash")] == ["Sambaza"]


def test_a_count_of_such_incidents_adds_none(chain):
    ev = _events(
        chain,
        "Two soldiers were killed as an infiltration bid was foiled in Sambaza on Monday. "
        "It was the second such infiltration attempt in the Zhob sector this month.",
    )
    assert [loc for loc, _ in _by(ev, "armed_clash")] == ["Sambaza"]


def test_a_repulsed_attempt_is_a_clash_at_its_place(chain):
    ev = _events(chain, "On Monday, troops repulsed an attempt near Qamar Din Karez, officials said.")
    assert [loc for loc, _ in _by(ev, "armed_clash")] == ["Qamar Din Karez"]


def test_drones_blamed_for_a_strike_in_the_city_are_an_air_strike_there(chain):
    ev = _events(
        chain,
        "Loud explosions were heard in Kabul late on Monday. "
        "Taliban officials blamed foreign drones for a strike in the city, and said a second strike "
        "hit a house in Khost the same night.",
    )
    assert _by(ev, "airstrike") == [("Kabul", "2024-05-13"), ("Khost", "2024-05-13")]
    assert not _by(ev, "explosion")


def test_a_bombing_blamed_on_a_country_is_no_air_strike(chain):
    ev = _events(chain, "Taliban officials blamed Pakistan for a bombing at a market in Kabul on Monday.")
    assert not _by(ev, "airstrike")


def test_a_place_opening_the_sentence_is_found_off_the_gazetteer(chain):
    ev = _events(chain, "At Karachi port, some 2,000 containers of Afghan transit cargo were stuck on Monday.")
    assert [loc for loc, _ in _by(ev, "trade_disruption")] == ["Karachi"]


def test_a_month_or_a_speakers_city_opening_the_sentence_is_no_place(chain):
    ev = _events(
        chain,
        "In March, 300 trucks were stuck at Torkham. In Washington, a spokesman said trucks were stuck at Torkham.",
    )
    assert [loc for loc, _ in _by(ev, "trade_disruption")] == ["Torkham"]


def test_the_closure_felt_in_a_district_stays_at_its_crossings(chain):
    ev = _events(
        chain,
        "Every crossing along the border has been shut since Sunday, officials said on Tuesday. "
        "In Khyber, the closure has left thousands of loaders in Jamrud out of work.",
    )
    assert [loc for loc, _ in _by(ev, "border_closure")] == ["Afghanistan-Pakistan border"]


def test_the_closure_at_a_named_crossing_is_there(chain):
    ev = _events(
        chain,
        "Chaman was shut on Sunday, officials said. The closure at Torkham began on Monday.",
    )
    assert [loc for loc, _ in _by(ev, "border_closure")] == ["Chaman", "Torkham"]


def test_both_crossings_are_the_pair_named_before_a_sentence_about_one(chain):
    ev = _events(
        chain,
        "Pakistan reopened Torkham and Chaman on Tuesday for stranded travellers. "
        "Hundreds of people crossed back through Torkham. "
        "Pakistan had closed both crossings on May 1 after a bombing in Lahore.",
    )
    shut = sorted(loc for loc, day in _by(ev, "border_closure") if day == "2024-05-01")
    assert shut == ["Chaman", "Torkham"]


# -- a round announced in reported speech (rulesh) --------------------------------


@pytest.mark.parametrize(
    "text, talks",
    [
        # PUBLISHED is a Wednesday: "on Thursday" is the next day
        (
            "Officials said the joint commission would meet in Kabul on Thursday to discuss the new posts.",
            [("Kabul", "2024-05-16")],
        ),
        ("He said the two delegations would meet in Islamabad next month.", [("Islamabad", "2024-06")]),
        # a plan with no day, or one that hangs on a condition, is no round
        ("He said the two sides would meet in Islamabad soon.", []),
        ("He said the commanders would meet at Torkham if the firing stopped on Thursday.", []),
    ],
)
def test_a_round_announced_with_its_day_is_talks(chain, text, talks):
    assert _by(_events(chain, text), "talks") == talks


def test_a_meeting_that_would_take_up_a_matter_on_a_weekday_is_the_next_one(chain):
    ev = _events(
        chain,
        "The ministry said the matter would be taken up at the meeting of the joint commission in Kabul on Thursday.",
    )
    assert _by(ev, "talks") == [("Kabul", "2024-05-16")]


# -- travellers turned back (rulesh) ---------------------------------------------


@pytest.mark.parametrize(
    "text, trade",
    [
        (
            "On Monday dozens of Afghan families, most of them on their way to a wedding, were turned back at "
            "Kharlachi.",
            [("Kharlachi", "2024-05-13")],
        ),
        ("Hundreds of travellers without visas were turned back at Torkham on Tuesday.", [("Torkham", "2024-05-14")]),
        # a denial, people deported, patients a hospital would not take: no travellers held at the border
        ("Officials denied reports that families had been turned back at Torkham on Tuesday.", []),
        ("More than 5,000 Afghans have been sent back from Peshawar since January, officials said.", []),
        ("Patients were turned away from the hospital in Peshawar on Tuesday.", []),
    ],
)
def test_travellers_turned_back_at_a_crossing_are_held_up(chain, text, trade):
    assert _by(_events(chain, text), "trade_disruption") == trade


@pytest.mark.parametrize(
    "text, closures",
    [
        (
            "Travellers using the Kharlachi crossing must now carry a passport and visa, under a rule enforced "
            "from Tuesday, officials said.",
            [("Kharlachi", "2024-05-14")],
        ),
        (
            "Pakistan introduced the requirement for visas at Chaman on Monday, citing security.",
            [("Chaman", "2024-05-13")],
        ),
        (
            "Tuesday was the first day of the new border management regime at Torkham, officials said.",
            [("Torkham", "2024-05-14")],
        ),
        # a rule still to come, or only being prepared, restricts no one yet
        ("Officials said a passport and visa rule would be enforced at Ghulam Khan from next month.", []),
        ("At Torkham, where a similar rule is being prepared, traders were worried.", []),
    ],
)
def test_a_rule_on_travel_documents_put_in_force_restricts_the_crossing(chain, text, closures):
    assert _by(_events(chain, text), "border_closure") == closures
