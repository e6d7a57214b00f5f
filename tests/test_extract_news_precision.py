"""Precision on unseen news (round 5): wordings that speak of incidents
without reporting one, and speakers or reference points that are no event
places. Every sentence was written for these tests, in the manner of
Pakistani dailies, Afghan outlets and wire copy; each rule has a sentence
where it must not fire."""

from __future__ import annotations

import datetime as dt

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
    # (at the point the distance and bearing give: geomap.extract.rules.offsets)
    ev = _events(chain, "Missiles fired from a drone hit a compound about 30 kilometres west of Miramshah on Sunday.")
    assert _by(ev, "airstrike") == [("30 km west of Miranshah", "2024-05-12")]


# -- a district and the places listed inside it -------------------------------


def test_a_district_is_the_sum_of_the_places_listed_inside_it_the_same_day(chain):
    ev = _events(
        chain,
        "Afghan forces attacked Pakistani posts in Kurram on Monday. On Monday afternoon, Afghan forces "
        "opened fire on posts near Teri Mangal and Boshehra in Kurram, an official said.",
    )
    assert _by(ev, "armed_clash") == [("Boshehra", "2024-05-13"), ("Teri Mangal", "2024-05-13")]


def test_places_listed_inside_a_district_on_another_day_are_other_incidents(chain):
    ev = _events(
        chain,
        "Afghan forces attacked Pakistani posts in Kurram on Monday. On Tuesday, Afghan forces opened "
        "fire on posts near Teri Mangal and Boshehra in Kurram, an official said.",
    )
    assert _by(ev, "armed_clash") == [
        ("Boshehra", "2024-05-14"),
        ("Kurram District", "2024-05-13"),
        ("Teri Mangal", "2024-05-14"),
    ]


# -- why people moved, where goods are sold, a road's traffic ---------------


def test_fighting_people_had_fled_years_ago_is_no_incident(chain):
    ev = _events(
        chain,
        "Aircraft bombed villages in Barmal on Monday, killing 12 people, most of them families who had "
        "fled fighting in Waziristan years ago.",
    )
    assert [e.event_type for e in ev] == ["airstrike"]


def test_fighting_families_fled_on_the_day_is_an_incident(chain):
    ev = _events(chain, "Families fled fighting in Kurram on Monday as Afghan forces attacked posts.")
    assert [loc for loc, _ in _by(ev, "armed_clash")] == ["Kurram District"]


def test_where_a_grower_exports_to_is_no_place_of_the_stranded_lorries(chain):
    ev = _events(
        chain,
        'Ghulam Khan was closed on Saturday. "A lorry that waits two days in this heat is a lorry of rotten '
        'fruit," said a grower who exports apricots to Bannu.',
    )
    assert [loc for loc, _ in _by(ev, "trade_disruption")] == ["Ghulam Khan"]


def test_lorries_stuck_in_a_town_they_carry_goods_to_are_there(chain):
    ev = _events(chain, "Lorries carrying apricots to Bannu were stuck in Bannu on Monday.")
    assert _by(ev, "trade_disruption") == [("Bannu", "2024-05-13")]


def test_traffic_on_a_road_suspended_is_no_border_closure(chain):
    ev = _events(
        chain, "The blaze lit up the pass for hours and traffic on the Peshawar-Torkham road was suspended until late."
    )
    assert not _by(ev, "border_closure")


def test_traffic_through_a_crossing_suspended_is_a_closure(chain):
    ev = _events(chain, "Traffic through the Torkham crossing was suspended on Monday.")
    assert _by(ev, "border_closure") == [("Torkham", "2024-05-13")]


def test_a_capital_that_lodges_a_demarche_is_no_place_of_the_attack(chain):
    ev = _events(
        chain,
        "Twenty soldiers were killed on Monday, the military said.",
        title="Suicide attack kills 20 soldiers; Islamabad lodges demarche with Kabul",
    )
    assert not any(e.location in ("Islamabad", "Kabul") for e in ev)


def test_a_place_named_beside_a_protest_lodged_is_the_incidents(chain):
    ev = _events(
        chain,
        "Rockets fired from Afghanistan landed in Bajaur on Monday, killing two.",
        title="Rockets kill two in Bajaur; Islamabad lodges protest with Kabul",
    )
    assert _by(ev, "explosion") == [("Bajaur District", "2024-05-13")]


# -- the fire of a fight ------------------------------------------------------


def test_shelling_told_only_with_the_fighting_at_its_place_is_that_fighting(chain):
    ev = _events(
        chain,
        "Pakistani and Afghan forces fought in Gurbuz district on Monday, where rockets and mortar rounds hit "
        "villages and killed three people.",
    )
    assert [(e.event_type, e.location, e.fatalities) for e in ev] == [("armed_clash", "Gurbuz District", 3)]


def test_shelling_told_in_a_sentence_of_its_own_stays_shelling(chain):
    ev = _events(
        chain,
        "Pakistani and Afghan forces fought in Gurbuz district on Monday. Later, mortar rounds hit villages "
        "in Gurbuz, killing three people.",
    )
    assert sorted(e.event_type for e in ev) == ["armed_clash", "explosion"]


# -- a meeting at home; a month to come ---------------------------------------


def test_a_jirga_that_meets_the_political_agent_is_no_talks(chain):
    ev = _events(chain, "A jirga of Bajaur elders met the political agent in Khar on Monday to discuss road security.")
    assert not _by(ev, "talks")


def test_a_jirga_of_both_sides_with_the_political_agent_is_talks(chain):
    ev = _events(
        chain, "A jirga of elders from both sides met the political agent at Torkham on Monday to discuss the gate."
    )
    assert _by(ev, "talks") == [("Torkham", "2024-05-13")]


@pytest.mark.parametrize(
    ("text", "month"),
    [
        # said in July: this year's October, the next March
        ("The next round of talks will be held in Islamabad in October, officials said.", "2026-10"),
        ("Delegations will hold talks in Islamabad in March, officials said.", "2027-03"),
        # past: last October
        ("Delegations held talks in Islamabad in October, officials said.", "2025-10"),
    ],
)
def test_a_month_of_talks_to_come_is_the_next_one(chain, text, month):
    ev = _events(chain, text, published=dt.date(2026, 7, 9))
    assert _by(ev, "talks") == [("Islamabad", month)]


# -- bombardment --------------------------------------------------------------


def test_a_bare_bombardment_of_border_villages_is_shelling(chain):
    ev = _events(chain, "Residents said the bombardment of villages in Dangam went on all night on Monday.")
    assert [(e.event_type, e.sub_event_type, e.location) for e in ev] == [("explosion", "shelling", "Dangam District")]


@pytest.mark.parametrize(
    "text",
    [
        "Pakistani jets carried out an aerial bombardment of hideouts in Barmal on Monday.",
        "A bombardment by Pakistani jets hit villages in Barmal on Monday.",
        "Pakistani aircraft bombarded villages in Barmal on Monday.",
    ],
)
def test_a_bombardment_from_the_air_is_an_air_strike(chain, text):
    assert [e.event_type for e in _events(chain, text)] == ["airstrike"]


def test_the_city_a_town_lies_on_the_outskirts_of_is_no_place_of_the_bombing(chain):
    ev = _events(chain, "A bomb went off outside a police station in Jamrud, on the outskirts of Peshawar, on Tuesday.")
    assert [e.location for e in ev if e.event_type == "explosion"] == ["Jamrud"]


# -- meetings at home (news_dev8 round) ---------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The deputy commissioner of Kurram met elders of the border villages on Tuesday and promised compensation.",
        "Later, the deputy commissioner of Zhob held a meeting with tribal elders at his office on Monday.",
        "A jirga of Mohmand elders held talks with militant commanders on Sunday to head off an operation.",
        "A grand jirga of elders from both sects met officials in Parachinar on Saturday.",
        "Tribal elders in Wana held a meeting on Thursday and warned that the road would stay shut to convoys.",
        "The Deputy Commissioner of Zhob met tribal elders at his office on Monday.",
    ],
)
def test_an_officer_meeting_his_districts_elders_or_talks_with_militants_are_no_talks(chain, text):
    assert _by(_events(chain, text), "talks") == []


def test_a_meeting_with_the_other_sides_officials_told_by_a_deputy_commissioner_is_talks(chain):
    ev = _events(
        chain,
        "Torkham reopened after a meeting with Afghan border officials at the zero point on Sunday, "
        "the deputy commissioner of Khyber said.",
    )
    assert _by(ev, "talks") == [("Torkham", "2024-05-12")]


def test_talks_between_the_sides_about_militants_are_talks(chain):
    ev = _events(chain, "Pakistani and Afghan officials held talks at Torkham on Sunday on stopping militants.")
    assert _by(ev, "talks") == [("Torkham", "2024-05-12")]


def test_an_offensive_people_fled_is_no_incident(chain):
    ev = _events(chain, "The camp in Gurbuz now shelters families who fled the army offensive in North Waziristan.")
    assert _by(ev, "armed_clash") == []


# -- places the gazetteer lacked, and the two sides of one gate ---------------


def test_places_spelt_as_the_news_spells_them(chain):
    ev = _events(chain, "Shells landed on Monday in Nuristan's Barg-e-Matal district, killing a shepherd.")
    assert [loc for loc, _ in _by(ev, "explosion")] == ["Barg-e Matal District"]
    ev = _events(chain, "Militants rammed a truck bomb into a police compound in Daraban on Tuesday.")
    assert [loc for loc, _ in _by(ev, "explosion")] == ["Daraban"]
    ev = _events(chain, "The next round of the railway talks will be held in Termez in October, officials said.")
    assert [loc for loc, _ in _by(ev, "talks")] == ["Termez"]


def test_the_friendship_gate_is_chamans(chain):
    ev = _events(chain, "Pakistani authorities shut the Friendship Gate on Monday morning.")
    assert _by(ev, "border_closure") == [("Chaman", "2024-05-13")]


def test_both_sides_of_one_gate_shut_the_same_day_are_one_closure(chain):
    ev = _events(
        chain,
        "Pakistani authorities shut the Chaman crossing on Monday after a gunman fired on guards. "
        "The Spin Boldak crossing was closed on Monday too, Afghan officials said.",
    )
    assert _by(ev, "border_closure") == [("Chaman", "2024-05-13")]


def test_a_clash_at_one_side_of_a_gate_weeks_apart_stays_apart(chain):
    ev = _events(
        chain,
        "Forces exchanged fire at Chaman on Monday. In April, guards had traded fire at the Spin Boldak crossing.",
    )
    assert len(_by(ev, "armed_clash")) == 2


# -- relations dated from an incident -----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Relations between Pakistan and Afghanistan have remained tense since the border clashes of last October.",
        "Ties between the neighbours have been strained since the clashes of October 2023.",
    ],
)
def test_clashes_that_only_date_the_state_of_relations_are_no_incident(chain, text):
    assert _events(chain, text) == []


def test_clashes_a_first_meeting_is_counted_from_are_no_incident(chain):
    ev = _events(
        chain,
        "The meeting in Islamabad on Monday, the first of the commission since the clashes along the border "
        "last year, ended with an agreement.",
    )
    assert _by(ev, "armed_clash") == []
    assert _by(ev, "talks") == [("Islamabad", "2024-05-13")]


def test_clashes_a_first_is_counted_from_told_with_their_place_are_an_incident(chain):
    ev = _events(
        chain, "It was the first such attack since the clashes at Torkham on Monday, when two guards were killed."
    )
    assert _by(ev, "armed_clash") == [("Torkham", "2024-05-13")]


def test_clashes_told_with_their_toll_after_relations_are_an_incident(chain):
    ev = _events(
        chain,
        "Relations have been strained since border clashes in October that killed about 70 people on both sides.",
    )
    assert [loc for loc, _ in _by(ev, "armed_clash")] == ["Afghanistan-Pakistan border"]


# -- a bombardment after an air strike in its sentence --------------------------


def test_a_bombardment_told_after_an_air_strike_is_that_strike(chain):
    ev = _events(
        chain,
        "Officials said helicopter gunships had struck militant hideouts in the Mamund area on Sunday, "
        "and residents reported heavy bombardment.",
    )
    assert [(e.event_type, e.location) for e in ev] == [("airstrike", "Mamund")]


def test_shelling_told_after_an_air_strike_stays_shelling(chain):
    ev = _events(chain, "Jets struck hideouts in Datta Khel on Sunday, and artillery shelled villages in Datta Khel.")
    assert sorted(e.event_type for e in ev) == ["airstrike", "explosion"]


# -- an incident told again after the places of a work --------------------------


def test_the_shelling_told_again_after_a_works_places_is_the_one_reported(chain):
    ev = _events(
        chain,
        "Pakistani shells landed in Maruf on Tuesday, killing two. Pakistani troops have been digging trenches "
        "near the Badini area since Sunday, and the shelling began after Afghan police warned them to stop.",
    )
    assert _by(ev, "explosion") == [("Maruf District", "2024-05-14")]
    assert [loc for loc, _ in _by(ev, "fortification")] == ["Badini"]


def test_new_shelling_told_after_a_works_places_is_an_incident(chain):
    ev = _events(
        chain,
        "Pakistani shells landed in Maruf on Tuesday, killing two. Pakistani troops have been digging trenches "
        "near the Badini area since Sunday, and shelling hit Badini on Wednesday.",
    )
    assert [loc for loc, _ in _by(ev, "explosion")] == ["Badini", "Maruf District"]


# -- what can happen, and family visits -----------------------------------------


def test_what_a_quarrel_can_do_is_no_closure(chain):
    ev = _events(chain, "Traders at Ghulam Khan know that any quarrel can shut the gates without notice.")
    assert _by(ev, "border_closure") == []


def test_a_closure_told_beside_can_is_a_closure(chain):
    ev = _events(chain, "Ghulam Khan was shut on Monday, and traders can only wait.")
    assert _by(ev, "border_closure") == [("Ghulam Khan", "2024-05-13")]


def test_families_going_to_visit_relatives_are_no_talks(chain):
    ev = _events(chain, "Families going to visit relatives were turned back at Kharlachi on Monday.")
    assert _by(ev, "talks") == []


# -- a meeting announced in reported speech -------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officials said the tripartite commission would meet in Kabul on Thursday.", [("Kabul", "2024-05-16")]),
        ("He said Pakistani and Afghan officials would meet in Doha next week.", [("Doha", "2024-05-22")]),
    ],
)
def test_a_meeting_announced_with_its_venue_and_time_is_talks_to_come(chain, text, expected):
    assert _by(_events(chain, text), "talks") == expected


@pytest.mark.parametrize(
    "text",
    [
        "Officials said the two sides would meet if the firing stopped.",
        "He said the commission would meet to review the fence.",
    ],
)
def test_a_meeting_that_would_happen_without_venue_and_time_is_none(chain, text):
    assert _by(_events(chain, text), "talks") == []


# -- where attackers came from, and the weapons of an attack --------------------


def test_grenades_of_attackers_who_came_from_a_province_are_the_attacks_weapons(chain):
    ev = _events(
        chain,
        "Five soldiers were killed when militants attacked three posts in Mohmand on Monday. According to the "
        "military, the attackers, who came from Afghanistan's Kunar province, used rocket-propelled grenades "
        "and machine guns against the posts.",
    )
    assert [(e.event_type, e.location) for e in ev] == [("armed_clash", "Mohmand District")]


def test_a_grenade_thrown_another_day_at_the_place_of_an_attack_is_its_own(chain):
    ev = _events(
        chain,
        "Militants attacked a post in Mohmand on Monday. On Tuesday a grenade was thrown at a police station "
        "in Mohmand, wounding two.",
    )
    assert sorted(e.event_type for e in ev) == ["armed_clash", "explosion"]


def test_elders_of_both_sides_holding_a_meeting_at_a_crossing_are_talks(chain):
    ev = _events(
        chain, "Tribal elders from both sides held a meeting at Kharlachi on Monday to settle a grazing dispute."
    )
    assert _by(ev, "talks") == [("Kharlachi", "2024-05-13")]
