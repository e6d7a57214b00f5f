"""Places of issue 10 (classes 1 and 8), third round: sentence-level cases
written for these tests in our own words, each naming the rule it pins."""

from __future__ import annotations

import pytest
from test_extract_news import _by, _events

from geomap.geocoders import default_chain


@pytest.fixture(scope="module")
def chain():
    return default_chain()


@pytest.mark.parametrize("dateline", ["KABUL, May 14 - ", "KABUL/ISLAMABAD, May 14 - ", "ISLAMABAD, May 14, 2024 - "])
def test_a_dateline_with_a_date_is_not_the_event_place(chain, dateline):
    ev = _events(chain, dateline + "Pakistani aircraft bombed two villages in Barmal district before dawn on Tuesday.")
    assert [loc for loc, _ in _by(ev, "airstrike")] == ["Barmal District"]


def test_headline_town_yields_to_the_body_district_nearby(chain):
    ev = _events(
        chain,
        "Pakistani warplanes struck a house in the Sperah district of Khost province late on Monday, "
        "killing six people, local officials said.",
        title="Pakistani strike on Khost house kills six",
    )
    assert [loc for loc, _ in _by(ev, "airstrike")] == ["Sperah District"]


def test_forces_that_bombed_a_place_carried_out_an_air_strike(chain):
    ev = _events(chain, "Pakistani forces had bombed a home in the Gurbuz district of Khost late on Monday.")
    assert _by(ev, "airstrike") == [("Gurbuz District", "2024-05-13")]


def test_in_the_district_is_the_district_named_before(chain):
    ev = _events(
        chain,
        "Shells fell on houses in Dand-e-Patan district on Monday, residents said. "
        "On Tuesday, Afghan and Pakistani troops exchanged fire in the district for two hours.",
    )
    assert _by(ev, "armed_clash") == [("Dand-e-Patan District", "2024-05-14")]


def test_a_crossing_is_not_shut_in_a_far_province(chain):
    ev = _events(
        chain,
        "Pakistan sealed its crossings with Afghanistan on Thursday after a suicide bombing at a shrine in Sindh "
        "killed more than 80 people.",
    )
    assert [loc for loc, _ in _by(ev, "border_closure")] == ["Afghanistan-Pakistan border"]
    assert [loc for loc, _ in _by(ev, "explosion")] == ["Sindh"]


def test_a_district_and_the_place_inside_it_told_apart_are_one_incident(chain):
    ev = _events(
        chain,
        "Gunmen shooting from across the frontier killed three soldiers in North Waziristan on Tuesday. "
        "Some 60 to 70 militants opened fire on a fencing party in the Datta Khel area, the military said.",
    )
    assert [(e.location, e.fatalities) for e in ev if e.event_type == "armed_clash"] == [("Datta Khel", 3)]


def test_two_places_listed_in_one_sentence_stay_two(chain):
    ev = _events(
        chain,
        "Mortar rounds landed in Marawara district and on the edge of Asadabad on Monday afternoon.",
    )
    assert [loc for loc, _ in _by(ev, "explosion")] == ["Asadabad", "Marawara District"]


def test_posts_attacked_at_a_list_of_places_are_one_event_each(chain):
    ev = _events(
        chain,
        "Militants opened fire on posts at Angoor Adda, Bajaur, Kurram, Chitral and Barabcha on Saturday night.",
    )
    places = {loc for loc, _ in _by(ev, "armed_clash")}
    assert {"Angoor Adda", "Kurram District", "Barabcha"} <= places


def test_strikes_first_told_without_a_place_take_the_places_of_the_next_sentence(chain):
    ev = _events(
        chain,
        "Pakistani aircraft bombed two areas in eastern Afghanistan before dawn on Monday. "
        "A Taliban spokesman said the strikes, at about 3 a.m., hit houses in Barmal district and in Sepera district.",
    )
    assert [loc for loc, _ in _by(ev, "airstrike")] == ["Barmal District", "Sperah District"]


def test_posts_that_came_under_fire_are_a_clash(chain):
    ev = _events(chain, "Officials said posts in the Kurram district came under heavy fire on Monday.")
    assert _by(ev, "armed_clash") == [("Kurram District", "2024-05-13")]


def test_headline_district_yields_to_the_lead_inside_it(chain):
    ev = _events(
        chain,
        "Gunmen opened fire inside a school in Teri Mangal on Thursday, killing seven teachers. "
        "The shooting came hours after a man was shot dead in a car in the Shalozan area.",
        title="Seven teachers shot dead in Kurram school",
    )
    assert not [e for e in ev if e.location == "Kurram District"]


def test_a_background_clash_at_the_crossing_of_the_article_stays_there(chain):
    ev = _events(
        chain,
        "A gunman fired on troops at the Chaman crossing on Sunday, killing a soldier. "
        "In July 2020 firing during an Eid rush at the gate killed several people.",
    )
    assert ("Chaman", "2020-07") in _by(ev, "armed_clash")


def test_trucks_lined_up_to_the_border_wait_at_the_crossing_in_context(chain):
    ev = _events(
        chain,
        "Torkham stayed closed on Monday. By Tuesday, long lines of trucks had formed on the road "
        "to the border, transporters said.",
    )
    assert [loc for loc, _ in _by(ev, "trade_disruption")] == ["Torkham"]


def test_crossings_along_the_frontier_are_the_whole_border(chain):
    ev = _events(chain, "Torkham saw clashes on Sunday. Crossings along the frontier have been shut since Monday.")
    assert ("Afghanistan-Pakistan border", "2024-05-13") in _by(ev, "border_closure")


def test_a_district_inside_a_list_is_a_place_not_a_qualifier(chain):
    ev = _events(chain, "Afghan troops fired on Pakistani posts at Angoor Adda, Bajaur, Kurram and Chitral on Sunday.")
    assert "Bajaur District" in {e.location for e in ev if e.event_type == "armed_clash"}
    # a single name set off by commas still qualifies the one before
    ev = _events(chain, "Gunmen attacked a police post in Mir Ali, North Waziristan, on Sunday.")
    assert [e.location for e in ev if e.event_type == "armed_clash"] == ["Mir Ali"]


def test_the_ends_of_a_journey_told_from_its_start_are_not_the_place(chain):
    ev = _events(
        chain, "Gunmen attacked a convoy of lorries travelling from Parachinar to Peshawar near Bagan on Friday."
    )
    assert [e.location for e in ev if e.event_type == "armed_clash"] == ["Bagan (Kurram)"]
    ev = _events(chain, "Militants ambushed a van of families heading from Jalalabad near Torkham on Friday.")
    assert [e.location for e in ev if e.event_type == "armed_clash"] == ["Torkham"]
    # a bare destination of a visit is its venue
    ev = _events(chain, "The foreign minister travelled to Kabul on Friday for talks with the Taliban.")
    assert [e.location for e in ev if e.event_type == "talks"] == ["Kabul"]


# -- round 4: several places of one incident (class 3) ------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        # the province that places the first district stands between the two
        "Afghan and Pakistani guards traded fire on Sunday in the Dangam district of Kunar and in Nangarhar's "
        "Dur Baba district.",
        "Border troops clashed on Sunday in Dangam district of Kunar province and the Dur Baba district.",
        "Pakistani posts came under fire on Sunday in Dangam and Dur Baba, officials said.",
    ],
)
def test_a_clash_told_at_two_districts_is_one_event_at_each(chain, sentence):
    ev = _events(chain, sentence)
    assert sorted(loc for loc, _ in _by(ev, "armed_clash")) == ["Dangam District", "Dur Baba District"]


def test_a_province_in_the_possessive_only_places_the_district_after_it(chain):
    ev = _events(chain, "Mortar rounds fired from across the line landed in Khost's Gurbuz district on Monday.")
    assert [loc for loc, _ in _by(ev, "explosion")] == ["Gurbuz District"]


def test_what_closes_is_the_crossing_not_the_places_it_links(chain):
    ev = _events(
        chain,
        "The Ghulam Khan crossing, the trade link between North Waziristan and Khost province, "
        "was shut on Tuesday after the firing, officials said.",
    )
    assert [loc for loc, _ in _by(ev, "border_closure")] == ["Ghulam Khan"]


def test_two_crossings_each_placed_in_its_region_are_both_closed(chain):
    ev = _events(
        chain,
        "The Torkham crossing in the Khyber tribal district and the Chaman crossing in Balochistan "
        "were shut on Sunday.",
    )
    assert sorted(loc for loc, _ in _by(ev, "border_closure")) == ["Chaman", "Torkham"]


@pytest.mark.parametrize(
    "second",
    [
        "Islamabad had closed them on April 2 after a bombing in Lahore.",
        "Both crossings had been sealed on April 2.",
        "On April 2 the two main crossings were closed.",
    ],
)
def test_crossings_named_together_are_what_a_plural_refers_to(chain, second):
    ev = _events(chain, "Pakistan reopened Torkham and Chaman on Monday. " + second)
    closed = [loc for loc, date in _by(ev, "border_closure") if date == "2024-04-02"]
    assert sorted(closed) == ["Chaman", "Torkham"]


@pytest.mark.parametrize(
    "sentence, place",
    [
        ("A suicide bomber struck the emergency ward of the main hospital in Kohat on Monday.", "Kohat"),
        ("Gunmen stormed Kabul's military hospital on Tuesday, killing five.", "Kabul"),
    ],
)
def test_a_hospital_attacked_is_the_place_of_the_attack(chain, sentence, place):
    ev = _events(chain, sentence)
    assert place in {e.location for e in ev}


def test_a_hospital_where_the_wounded_are_treated_is_not_the_place(chain):
    ev = _events(
        chain, "A roadside bomb hit a patrol in Bajaur on Monday; the wounded were treated at a hospital in Peshawar."
    )
    assert {e.location for e in ev} == {"Bajaur District"}


def test_a_place_inside_the_name_of_a_body_is_not_a_place(chain):
    ev = _events(
        chain,
        "A bomb went off in Kohat on Monday as the head of the Balochistan Bar Association spoke at a rally.",
    )
    assert {e.location for e in ev} == {"Kohat"}


def test_the_places_hit_stop_at_a_semicolon(chain):
    ev = _events(chain, "Drones hit Barmal and Urgun on Sunday; militants raid a post in Teri Mangal")
    assert sorted(loc for loc, _ in _by(ev, "airstrike")) == ["Barmal District", "Urgun"]


def test_a_neighbour_named_to_place_the_strike_is_not_hit(chain):
    ev = _events(
        chain,
        "Drones struck a house in the Sperah district of Khost, near the border with North Waziristan, on Sunday.",
    )
    assert [loc for loc, _ in _by(ev, "airstrike")] == ["Sperah District"]


@pytest.mark.parametrize("verb", ["warns", "accused", "urged"])
def test_a_capital_addressed_or_blamed_is_a_government(chain, verb):
    ev = _events(chain, f"Militants attacked a post in Zhob on Monday; the army {verb} Kabul over the raid.")
    assert {e.location for e in ev if e.event_type == "armed_clash"} == {"Zhob"}


def test_fence_work_in_a_district_and_a_place_inside_it_the_same_day_is_one(chain):
    ev = _events(
        chain,
        "Gunmen fired on troops putting up the border fence in North Waziristan on Wednesday. "
        "The soldiers had been erecting the fence in the Datta Khel area when the firing began.",
    )
    assert [loc for loc, _ in _by(ev, "fortification")] == ["Datta Khel"]


# -- round 4: the lead of a report places its incident -----------------------


def test_the_dateline_town_places_an_incident_the_lead_leaves_unplaced(chain):
    ev = _events(chain, "MARDAN, Pakistan, May 14 - Gunmen stormed a college in the northwest on Tuesday, killing six.")
    assert [loc for loc, _ in _by(ev, "armed_clash")] == ["Mardan"]


def test_a_bureau_city_in_the_dateline_places_nothing(chain):
    ev = _events(chain, "PESHAWAR: Gunmen stormed a college in the northwest on Tuesday, killing six.")
    assert _by(ev, "armed_clash") == []


def test_the_headline_place_places_an_incident_the_lead_leaves_unplaced(chain):
    ev = _events(
        chain,
        "Gunmen stormed a college in the northwest on Tuesday, killing six, police said.",
        title="Six killed as gunmen attack Bannu college",
    )
    assert [loc for loc, _ in _by(ev, "armed_clash")] == ["Bannu"]


def test_two_places_each_with_its_day_are_both_places_of_the_incident(chain):
    ev = _events(chain, "Militants tried to cross into Bajaur on Friday and into Mohmand on Saturday, the army said.")
    assert sorted(loc for loc, _ in _by(ev, "armed_clash")) == ["Bajaur District", "Mohmand District"]


@pytest.mark.parametrize(
    "second",
    [
        "Border commanders held a flag meeting on Monday and agreed a truce.",
        "Elders from both sides met near the border on Monday and agreed a truce.",
    ],
)
def test_a_meeting_on_the_line_is_where_the_incident_was(chain, second):
    ev = _events(chain, "Guards traded fire at Ghulam Khan on Sunday. " + second)
    assert _by(ev, "talks") == [("Ghulam Khan", "2024-05-13")]


@pytest.mark.parametrize(
    "sentence, places",
    [
        # a kind said once, in the plural, after a list of names
        (
            "Shells fired from across the line landed in the Dangam and Nari districts on Sunday.",
            ["Dangam District", "Nari District"],
        ),
        ("Jets bombed hideouts in Khost and Paktika provinces on Sunday.", ["Khost Province", "Paktika Province"]),
        # a district in the possessive only places the tehsil after it
        ("Mortar shells landed in Bajaur's Salarzai tehsil on Sunday.", ["Salarzai"]),
    ],
)
def test_a_kind_said_once_for_a_list_and_a_possessive_district(chain, sentence, places):
    ev = _events(chain, sentence)
    assert sorted({e.location for e in ev}) == places


def test_work_near_the_border_is_at_the_place_just_named_on_the_line(chain):
    ev = _events(
        chain,
        "Militants fired on a post in Mohmand on Tuesday night. Soldiers had been repairing a stretch "
        "of the fence near the border when the post came under fire.",
    )
    assert [loc for loc, _ in _by(ev, "fortification")] == ["Mohmand District"]


def test_trucks_turned_back_wait_where_they_were_not_where_they_went(chain):
    ev = _events(chain, "Torkham stayed shut on Monday. Some trucks turned back towards Peshawar as fruit rotted.")
    assert "Peshawar" not in {e.location for e in ev}


def test_a_second_strike_near_the_border_is_at_the_first_ones_place(chain):
    ev = _events(
        chain,
        "Drones struck a compound in Barmal district on Monday, killing eight. "
        "A second strike on Tuesday targeted a pickup on a road near the border, killing three.",
    )
    assert {loc for loc, _ in _by(ev, "airstrike")} == {"Barmal District"}


def test_fence_work_in_a_report_of_an_attack_is_where_the_attack_was(chain):
    ev = _events(
        chain,
        "Two soldiers were killed when militants from across the line attacked a post in Mohmand on Tuesday. "
        "A party of soldiers was repairing a stretch of fence damaged by rain when the post came under fire.",
    )
    assert [loc for loc, _ in _by(ev, "fortification")] == ["Mohmand District"]


@pytest.mark.parametrize(
    "text",
    [
        "The bomber blew himself up at a rally of the Balochistan National Party on Friday.",
        "Gunmen shot dead a lawyer who led the Quetta Bar Association on Friday.",
        "A bomb went off near the office of the Khyber Traders Federation on Friday.",
    ],
)
def test_a_place_that_opens_an_organisation_name_is_no_event_place(chain, text):
    from geomap.extract.places import PlaceFinder

    finder = PlaceFinder(chain)
    assert not [m for m in finder.find(text) if m.role == "place"]


@pytest.mark.parametrize(
    "text",
    [
        "Pakistan urged Kabul to act against the militants behind the attack.",
        "The minister asked Islamabad to reopen the route for patients.",
        "Islamabad will keep the gate closed until Kabul apologises, a minister said.",
        "Kabul might suspend the transit deal, a Taliban aide said.",
    ],
)
def test_a_capital_addressed_or_acting_is_its_government(chain, text):
    from geomap.extract.places import PlaceFinder

    assert not [m for m in PlaceFinder(chain).find(text) if m.role == "place"]


def test_a_city_where_something_happened_stays(chain):
    from geomap.extract.places import PlaceFinder

    found = PlaceFinder(chain).find("Two blasts were heard in Kabul on Thursday night.")
    assert [m.place.name for m in found if m.role == "place"] == ["Kabul"]


@pytest.mark.parametrize(
    "text",
    [
        # a man's name that ends in a place name, his office after it
        "Mohammad Khogyani, a spokesman for the provincial governor, said shells hit two villages.",
        # where the wounded died later
        "The toll reached 40 after three of the injured died in Peshawar.",
        "A soldier hurt in the clash succumbed to his wounds in Quetta on Friday.",
    ],
)
def test_names_of_people_and_where_the_wounded_died_are_no_event_place(chain, text):
    from geomap.extract.places import PlaceFinder

    assert not [m for m in PlaceFinder(chain).find(text) if m.role == "place"]


def test_a_place_after_a_preposition_and_before_an_official_stays(chain):
    from geomap.extract.places import PlaceFinder

    found = PlaceFinder(chain).find("Shells hit houses in Khogyani, a district official said.")
    assert [m.place.name for m in found if m.role == "place"] == ["Khogyani District"]


def test_a_provincial_council_is_no_place(chain):
    from geomap.extract.places import PlaceFinder

    found = PlaceFinder(chain).find("Members of the Khost provincial council met traders at Ghulam Khan on Monday.")
    assert [m.place.name for m in found if m.role == "place"] == ["Ghulam Khan"]


def test_fence_work_along_the_line_that_set_off_a_clash_is_where_the_clash_was(chain):
    ev = _events(
        chain,
        "Guards of both sides traded fire in Dangam district on Monday after soldiers tried to put up "
        "a new section of fence along the Durand Line.",
    )
    assert [loc for loc, _ in _by(ev, "fortification")] == ["Dangam District"]


def test_an_exchange_of_fire_with_no_place_in_a_standoff_report_is_at_the_place_just_named(chain):
    ev = _events(
        chain,
        "Taliban fighters stopped Pakistani troops from laying wire in Dangam district on Sunday. "
        "A video showed fighters loading the coils onto a pickup. "
        "Officials said there was a brief exchange of fire but nobody was hurt.",
    )
    assert [loc for loc, _ in _by(ev, "armed_clash")] == ["Dangam District"]


# -- round 6 (rulesd): a distance and bearing from a town only says where -----


@pytest.mark.parametrize(
    "text, places, dead",
    [
        (
            "Missiles from a drone hit a house in Datta Khel, about 25 kilometres west of Miramshah, killing four.",
            ["Datta Khel"],
            [4],
        ),
        ("Jets hit a house in Barmal, some 20 km east of Urgun, on Monday night.", ["Barmal District"], [None]),
        # a second place hit, not placed by bearing, is still hit
        ("Drones struck Datta Khel and Mir Ali on Sunday.", ["Datta Khel", "Mir Ali"], [None, None]),
    ],
)
def test_a_town_a_strike_is_placed_from_is_not_hit(chain, text, places, dead):
    ev = [e for e in _events(chain, text) if e.event_type == "airstrike"]
    assert sorted(e.location for e in ev) == places
    assert [e.fatalities for e in sorted(ev, key=lambda e: e.location)] == dead


# -- a town measured from, read once by the finder (measured._measured_from)


@pytest.mark.parametrize(
    "text, places",
    [
        # a bearing with no distance: the town is not a second place hit
        (
            "Drones hit a house in Barmal, west of Urgun, and a car in Sperah on Sunday.",
            ["Barmal District", "Sperah District"],
        ),
        # a strike placed only by its distance from a town is placed by it
        # (the point the measure gives), beside the second strike's own place
        (
            "Drones hit a house 20 km west of Urgun and a car in Sperah on Sunday.",
            ["20 km west of Urgun", "Sperah District"],
        ),
        # the outskirts with no comma
        (
            "Gunmen attacked a checkpoint in Bara on the outskirts of Peshawar on Monday, killing two policemen.",
            ["Bara"],
        ),
    ],
)
def test_a_town_measured_from_is_a_place_only_when_no_place_named_lies_there(chain, text, places):
    assert sorted(e.location for e in _events(chain, text)) == places


# -- a second place named by its facilities (news_dev8 round) -------------------


@pytest.mark.parametrize(
    ("text", "places"),
    [
        (
            "Officials said around 250 tankers were parked at Jamrud and at the terminals in Peshawar on Tuesday.",
            ["Jamrud", "Peshawar"],
        ),
        (
            "More than 5,000 containers were stuck in Karachi and in the dry ports of Peshawar on Tuesday.",
            ["Karachi", "Peshawar"],
        ),
    ],
)
def test_a_second_place_named_by_its_terminals_is_a_place_of_the_queue(chain, text, places):
    assert sorted(loc for loc, _ in _by(_events(chain, text), "trade_disruption")) == places


def test_a_place_after_another_verb_and_a_terminal_is_not_coordinated(chain):
    ev = _events(chain, "Trucks were stuck at Jamrud on Tuesday, and officials at the terminal in Peshawar said so.")
    assert [loc for loc, _ in _by(ev, "trade_disruption")] == ["Jamrud"]


def test_a_district_and_the_crossing_of_the_other_side_in_it_are_one_clash(chain):
    ev = _events(
        chain,
        "Two Afghan border policemen were killed when Pakistani forces opened fire on them in the Barmal "
        "district of Paktika on Monday. The clash erupted on Monday after Pakistani soldiers began building a "
        "post near the Angoor Adda crossing.",
    )
    assert len(_by(ev, "armed_clash")) == 1


def test_a_district_and_a_crossing_far_from_it_are_two_clashes(chain):
    ev = _events(
        chain,
        "Two Afghan border policemen were killed in a clash in the Barmal district of Paktika on Monday. "
        "Separately, guards exchanged fire at Torkham on Monday.",
    )
    assert len(_by(ev, "armed_clash")) == 2


def test_the_boundary_of_a_plot_is_not_the_border(chain):
    ev = _events(
        chain,
        "Officials met at Torkham on Monday. In June, the crossing was closed for two days after a quarrel over "
        "the boundary of a parking area, and more than 500 trucks were stuck on both sides.",
    )
    assert [loc for loc, _ in _by(ev, "trade_disruption")] == ["Torkham"]


def test_the_boundary_between_the_countries_is_the_border(chain):
    ev = _events(chain, "Troops traded fire across the boundary between the two countries on Monday.")
    assert [loc for loc, _ in _by(ev, "armed_clash")] == ["Afghanistan-Pakistan border"]


def test_a_border_policeman_is_no_mention_of_the_border(chain):
    ev = _events(
        chain,
        "Hundreds were turned back at Torkham on Friday. Fighting broke out at the crossing in mid-June over a "
        "gate. A Pakistani major and an Afghan border policeman were among those killed in that clash, which "
        "closed the border for almost a week.",
    )
    assert [loc for loc, _ in _by(ev, "border_closure")] == ["Torkham"]


def test_fighting_along_the_border_in_a_when_clause_behind_a_closure_is_the_borders(chain):
    ev = _events(
        chain,
        "Officials met at Torkham on Monday. The crossing had been shut since October 12 last year, when "
        "fighting broke out along the border.",
    )
    assert [loc for loc, _ in _by(ev, "armed_clash")] == ["Afghanistan-Pakistan border"]
    assert [loc for loc, _ in _by(ev, "border_closure")] == ["Torkham"]


def test_a_place_opening_a_sentence_before_a_parenthetical_he_said_is_the_incidents(chain):
    ev = _events(
        chain,
        "A spokesman said nine people were killed when a strike destroyed a house in Gomal district on Sunday. "
        "In Urgun district, he said, at least two people were wounded when another strike hit a religious school.",
    )
    assert [loc for loc, _ in _by(ev, "airstrike")] == ["Gomal District", "Urgun District"]


def test_a_place_opening_a_sentence_of_a_speaker_is_still_no_event_place(chain):
    ev = _events(chain, "Shells hit Barmal on Monday. In Kabul, a Taliban spokesman said the shelling was answered.")
    assert [loc for loc, _ in _by(ev, "explosion")] == ["Barmal District"]


def test_officials_who_crossed_over_to_a_gate_and_met_there_hold_talks_at_it(chain):
    ev = _events(chain, "Afghan border officials crossed over to the Friendship Gate on Wednesday and met FC officers.")
    assert _by(ev, "talks") == [("Chaman", "2024-05-15")]


def test_a_meeting_over_a_crossings_dispute_is_not_held_at_it(chain):
    ev = _events(chain, "Officials met in Islamabad on Monday to talk over the Chaman dispute.")
    assert [loc for loc, _ in _by(ev, "talks")] == ["Islamabad"]


# -- cause and time clauses ------------------------------------------------


def test_an_incident_in_an_hours_after_clause_is_placed_by_its_own_clause(chain):
    ev = _events(
        chain,
        "Pakistan halted the supply convoys at Torkham on Friday, hours after gunships fired on a "
        "border post in Kurram Agency.",
    )
    assert [loc for loc, _ in _by(ev, "airstrike")] == ["Kurram District"]


def test_an_incident_in_a_retaliation_clause_takes_none_of_the_main_clauses_places(chain):
    ev = _events(
        chain,
        "Traders at Chaman were told to wait on Monday, in retaliation for shelling that hit Spin Boldak.",
    )
    assert "Chaman" not in [loc for loc, _ in _by(ev, "explosion")]


def test_an_incident_told_in_the_main_clause_keeps_its_place_before_an_after_clause(chain):
    ev = _events(
        chain,
        "Shells struck houses in Barmal on Sunday, a day after the talks in Doha ended.",
    )
    assert [loc for loc, _ in _by(ev, "explosion")] == ["Barmal District"]


def test_a_clause_with_no_place_of_its_own_leaves_the_places_as_they_were(chain):
    ev = _events(chain, "In Kurram on Tuesday, hours after the meeting, militants fired on a post.")
    assert [loc for loc, _ in _by(ev, "armed_clash")] == ["Kurram District"]


def test_an_opening_after_clause_with_only_a_country_drafts_no_incident(chain):
    ev = _events(
        chain,
        "After Pakistani jets bombed targets in Afghanistan and Taliban fighters attacked border posts in "
        "early March, Turkey asked both governments to send envoys to Ankara.",
    )
    assert _by(ev, "airstrike") == []
    assert _by(ev, "armed_clash") == []


def test_an_opening_after_clause_that_names_a_place_keeps_its_incident(chain):
    ev = _events(chain, "After shells hit Barmal on Sunday, elders called for calm.")
    assert [loc for loc, _ in _by(ev, "explosion")] == ["Barmal District"]


def test_fighting_named_as_known_in_an_after_clause_without_a_place_is_no_draft(chain):
    ev = _events(chain, "Pakistan sealed Chaman on Tuesday after the second day of fighting.")
    assert _by(ev, "armed_clash") == []
    assert [loc for loc, _ in _by(ev, "border_closure")] == ["Chaman"]


def test_fighting_in_an_after_clause_that_names_its_place_is_kept(chain):
    ev = _events(chain, "Pakistan sealed Chaman on Tuesday after the fighting in Spin Boldak.")
    assert "Spin Boldak" in [loc for loc, _ in _by(ev, "armed_clash")]


def test_clashes_in_a_during_clause_are_placed_by_their_own_clause(chain):
    ev = _events(
        chain, "Pakistan closed Torkham on Monday during clashes between its troops and Afghan forces in Kurram."
    )
    assert [loc for loc, _ in _by(ev, "armed_clash")] == ["Kurram District"]
    assert [loc for loc, _ in _by(ev, "border_closure")] == ["Torkham"]


def test_a_strike_keeps_its_place_before_a_during_clause_that_names_another(chain):
    ev = _events(
        chain,
        "Jets struck a post in Mohmand during heavy fighting between troops and militants on the "
        "Afghan side near Kunar.",
    )
    assert [loc for loc, _ in _by(ev, "airstrike")] == ["Mohmand District"]
    assert [loc for loc, _ in _by(ev, "armed_clash")] == ["Kunar Province"]


@pytest.mark.parametrize(
    "text",
    [
        "Two shells fell on houses in Mamund tehsil, in Bajaur district, on Sunday.",
        "Two shells fell on houses in Mamund tehsil of Bajaur district on Sunday.",
    ],
)
def test_a_tehsil_then_its_district_after_a_comma_is_one_place(chain, text):
    ev = _events(chain, text)
    assert [e.location for e in ev if e.event_type == "explosion"] == ["Mamund"]


def test_a_tehsil_and_a_district_of_a_list_stay_two_places(chain):
    ev = _events(chain, "Shells fell on Mamund tehsil, Kurram district and Khost province on Sunday.")
    assert "Kurram District" in {e.location for e in ev if e.event_type == "explosion"}


def test_the_dorah_pass_on_the_chitral_border_is_a_place(chain):
    ev = _events(
        chain, "Militants from Badakhshan attacked posts at Bumburet and the Dorah Pass before dawn on Sunday."
    )
    assert sorted(e.location for e in ev if e.event_type == "armed_clash") == ["Bumburet", "Dorah Pass"]


def test_two_towns_joined_by_a_comma_and_in_are_no_qualifier_without_a_kind_word(chain):
    ev = _events(chain, "Some 40 km north of Wana, in Sararogha, rockets hit a school on Sunday.")
    assert [e.location for e in ev if e.event_type == "explosion"] == ["Sararogha"]


def test_a_place_then_near_the_border_is_the_place_only(chain):
    ev = _events(
        chain,
        "Troops clashed with militants in the Sambaza area, near the Pakistan-Afghanistan border, on Sunday. "
        "On Tuesday troops foiled an infiltration bid, the military said.",
    )
    assert _by(ev, "armed_clash") == [("Sambaza", "2024-05-12"), ("Sambaza", "2024-05-14")]


def test_two_places_of_a_list_stay_coordinated(chain):
    ev = _events(chain, "Militants attacked posts in Sambaza, near Zhob and in Qamar Din Karez on Sunday.")
    assert len({loc for loc, _ in _by(ev, "armed_clash")}) >= 2
