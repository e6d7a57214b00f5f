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


def test_fighting_dated_apart_does_not_take_the_place_of_the_incident_reported(chain):
    ev = _events(
        chain,
        "Gunmen attacked a police station in Peshawar on Monday, killing three officers. "
        "Ties have been tense since border clashes in March that killed dozens.",
    )
    assert ("Afghanistan-Pakistan border", "2024-03") in _by(ev, "armed_clash")
    assert ("Peshawar", "2024-05-13") in _by(ev, "armed_clash")


def test_an_incident_dated_apart_with_no_place_on_the_border_is_dropped(chain):
    ev = _events(
        chain,
        "A suicide bomber struck a rally in Peshawar on Monday, killing nine people. "
        "Another bombing in March killed four.",
    )
    assert _by(ev, "explosion") == [("Peshawar", "2024-05-13")]


def test_in_the_city_is_the_city_named_before(chain):
    ev = _events(
        chain,
        "A suicide bomber struck a rally in Peshawar on Monday, killing nine people. "
        "It was the worst attack in the city since a bombing in March that killed four.",
    )
    assert _by(ev, "explosion") == [("Peshawar", "2024-03"), ("Peshawar", "2024-05-13")]


@pytest.mark.parametrize(
    "text",
    [
        "Some 60 to 70 militants opened fire on troops in the Datta Khel area on Tuesday.",
        "Close to the border, militants opened fire on troops in the Datta Khel area on Tuesday.",
    ],
)
def test_to_that_is_no_infinitive_does_not_block_the_incident(chain, text):
    assert [loc for loc, _ in _by(_events(chain, text), "armed_clash")] == ["Datta Khel"]


@pytest.mark.parametrize(
    "text",
    [
        "Pakistan plans to close the Chaman crossing on Friday.",
        "Officials met in Quetta on Tuesday to discuss the closure of Chaman.",
        "Train services to and from Quetta were suspended until Monday.",
    ],
)
def test_infinitives_topics_and_trains_are_no_closure(chain, text):
    assert not _by(_events(chain, text), "border_closure")


@pytest.mark.parametrize(
    "text",
    [
        "A suicide bomber struck an election meeting near Mastung on Friday, killing dozens.",
        "A bomber hit a group of traders on their way to meet the governor in Jalalabad on Sunday.",
        "The provincial home minister visited the border at Chaman on Friday.",
    ],
)
def test_meetings_and_visits_that_are_no_talks(chain, text):
    assert not _by(_events(chain, text), "talks")


def test_a_proposal_to_reopen_is_no_reopening(chain):
    ev = _events(
        chain,
        "Elders met at the Torkham terminal on Sunday and proposed that the crossing be reopened.",
    )
    assert not [e for e in ev if e.event_type == "border_closure"]


def test_the_kind_of_confrontation_is_no_incident(chain):
    ev = _events(chain, "New rules at Chaman invite exactly the kind of confrontation that helps nobody.")
    assert not _by(ev, "armed_clash")


def test_a_protest_over_firing_is_not_placed_where_it_was_lodged(chain):
    ev = _events(
        chain,
        "Afghan forces opened fire on troops at Torkham on Sunday. "
        "In Islamabad, the Foreign Office lodged a protest over what it called unprovoked firing.",
    )
    assert [loc for loc, _ in _by(ev, "armed_clash")] == ["Torkham"]


def test_the_bombings_came_in_a_week_when_keeps_its_place(chain):
    ev = _events(
        chain,
        "A suicide bomber struck a rally in Bannu on Friday. The bombing came in a week when "
        "intelligence chiefs met in Islamabad on Tuesday.",
    )
    assert _by(ev, "explosion") == [("Bannu", "2024-05-10")]


def test_the_deadliest_in_months_compares_the_incident_reported(chain):
    ev = _events(
        chain,
        "Militants attacked a border post near Kharlachi on Wednesday, killing four soldiers. "
        "The clash is the deadliest on the Kurram frontier in months.",
    )
    assert [loc for loc, _ in _by(ev, "armed_clash")] == ["Kharlachi"]


def test_the_deadliest_since_an_earlier_attack_keeps_that_attack(chain):
    ev = _events(
        chain,
        "A suicide bomber killed 26 people at the railway station in Quetta on Saturday. "
        "The bombing is the deadliest in Quetta since August 2016, when a bomber killed 70 at a hospital.",
    )
    assert ("Quetta", "2016-08") in _by(ev, "explosion")


@pytest.mark.parametrize(
    "text",
    [
        "A jirga of elders from both communities met in Parachinar on Friday and called for calm.",
        "A grand jirga met in Kohat on Saturday to arrange a ceasefire between the rival tribes of Kurram.",
    ],
)
def test_a_jirga_between_the_tribes_of_a_district_is_no_talks(chain, text):
    assert not _by(_events(chain, text), "talks")


def test_a_jirga_of_both_sides_at_the_crossing_is_talks(chain):
    ev = _events(chain, "A jirga of elders from both sides met Afghan officials at Torkham on Tuesday.")
    assert _by(ev, "talks") == [("Torkham", "2024-05-14")]


def test_suicide_attackers_are_a_bombing_not_a_second_armed_attack():
    from geomap.extract.types import find_triggers

    kinds = {
        t.event_type for t in find_triggers("Early on Friday, suicide attackers stormed a police training centre.")
    }
    assert "explosion" in kinds


# -- the whole border over the places the article names (round 4) ------------


def test_a_headline_on_the_border_is_the_fighting_the_body_places(chain):
    ev = _events(
        chain,
        "Troops and Taliban fighters traded fire near Angoor Adda on Tuesday. "
        "Posts in the Kharlachi area also came under fire on Tuesday, officials said.",
        title="Heavy fighting on the Afghan border",
    )
    assert [loc for loc, _ in _by(ev, "armed_clash")] == ["Angoor Adda", "Kharlachi"]


def test_crossings_shut_that_the_article_then_names_are_those_crossings(chain):
    ev = _events(
        chain,
        "Pakistan sealed its crossings with Afghanistan on Monday after a bombing in Lahore. "
        "Torkham and Chaman were both shut at dawn on Monday, customs staff said.",
    )
    assert _by(ev, "border_closure") == [("Chaman", "2024-05-13"), ("Torkham", "2024-05-13")]


def test_crossings_shut_with_none_named_are_the_border(chain):
    ev = _events(chain, "Pakistan sealed all its crossings with Afghanistan on Monday after the clashes.")
    assert _by(ev, "border_closure") == [("Afghanistan-Pakistan border", "2024-05-13")]


def test_a_crossing_shut_weeks_apart_leaves_the_border_closure(chain):
    ev = _events(
        chain,
        "Pakistan sealed all its crossings with Afghanistan on Monday after the clashes. "
        "Torkham had also been closed in February during a row over visas.",
    )
    assert ("Afghanistan-Pakistan border", "2024-05-13") in _by(ev, "border_closure")


@pytest.mark.parametrize(
    "text",
    [
        "On Friday, as the negotiators sat down for a second day, troops traded fire near Angoor Adda.",
        "Even as the negotiations continued, militants attacked a border post in Kurram on Friday.",
    ],
)
def test_talks_that_only_time_another_incident_are_no_round(chain, text):
    ev = _events(chain, text)
    assert not _by(ev, "talks")
    assert _by(ev, "armed_clash")


def test_talks_with_a_place_in_a_while_clause_stay(chain):
    ev = _events(chain, "While the delegations met in Doha on Friday, troops traded fire near Angoor Adda.")
    assert _by(ev, "talks") == [("Doha", "2024-05-10")]


@pytest.mark.parametrize(
    "text",
    [
        "Engineers are fencing the entire frontier, the army said.",
        "Soldiers are still fencing long stretches of the frontier, officials said.",
        "A fence put up without crossing points for families will only breed resentment.",
    ],
)
def test_the_fence_project_as_a_whole_is_no_located_incident(chain, text):
    assert not _by(_events(chain, text), "fortification")


def test_fence_work_at_a_named_place_stays(chain):
    ev = _events(chain, "Soldiers were building the fence near Angoor Adda on Tuesday.")
    assert [loc for loc, _ in _by(ev, "fortification")] == ["Angoor Adda"]


def test_a_truce_does_not_take_the_place_of_the_fighting_before_it(chain):
    ev = _events(
        chain,
        "Troops and Taliban fighters clashed near Angoor Adda on Tuesday before both sides agreed to a truce.",
    )
    assert _by(ev, "armed_clash") == [("Angoor Adda", "2024-05-14")]
    assert not _by(ev, "talks")


def test_a_truce_agreed_at_a_venue_keeps_the_venue(chain):
    ev = _events(
        chain,
        "After the clashes near Angoor Adda, the two sides agreed to a truce at talks in Doha on Tuesday.",
    )
    assert _by(ev, "talks") == [("Doha", "2024-05-14")]


def test_a_truce_requested_by_a_capital_is_not_held_there(chain):
    ev = _events(chain, "A truce backed by Islamabad held through Wednesday night.")
    assert not _by(ev, "talks")


def test_aircraft_that_later_struck_a_city_are_an_air_strike(chain):
    ev = _events(
        chain, "Fighting broke out near Chaman, and Pakistani aircraft later hit a compound in Kabul on Monday."
    )
    assert _by(ev, "airstrike") == [("Kabul", "2024-05-13")]


@pytest.mark.parametrize(
    "text",
    [
        "Elders of the two sides will meet at Torkham soon to discuss the gate.",
        "The next round of talks will be held in Kabul, officials said.",
        "Both delegations plan to meet once more in Islamabad, without naming a day.",
    ],
)
def test_talks_planned_without_a_date_are_no_event(chain, text):
    assert not _by(_events(chain, text), "talks")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The next round of talks will be held in Kabul on May 20.", ("Kabul", "2024-05-20")),
        ("Both delegations plan to meet once more in Islamabad on May 28.", ("Islamabad", "2024-05-28")),
    ],
)
def test_talks_announced_for_a_date_are_an_event(chain, text, expected):
    assert _by(_events(chain, text), "talks") == [expected]


@pytest.mark.parametrize(
    "text, place",
    [
        (
            "Chaman has stayed closed since Monday, when gunmen fired on frontier posts along the border.",
            "Afghanistan-Pakistan border",
        ),
        ("Torkham was closed on Monday after militants attacked a checkpoint in Bara.", "Bara"),
    ],
)
def test_an_incident_behind_another_has_the_places_of_its_own_clause(chain, text, place):
    assert [loc for loc, _ in _by(_events(chain, text), "armed_clash")] == [place]


def test_bombings_in_a_country_are_not_placed_at_the_crossings_they_closed(chain):
    ev = _events(chain, "Torkham and Chaman were closed on Monday following several bomb attacks in Pakistan.")
    assert not _by(ev, "explosion")
    assert [loc for loc, _ in _by(ev, "border_closure")] == ["Chaman", "Torkham"]


def test_a_link_to_another_story_is_no_report(chain):
    ev = _events(chain, "Traders waited at Torkham on Monday.\n\nAlso read: Chaman crossing reopens after a week")
    assert not _by(ev, "border_closure")


def test_the_incident_told_first_does_not_take_the_places_of_the_one_behind_it(chain):
    ev = _events(
        chain,
        "Border guards clashed along the Durand Line on Saturday, a week after an air raid left twelve "
        "dead in Barmal district.",
    )
    assert [loc for loc, _ in _by(ev, "armed_clash")] == ["Afghanistan-Pakistan border"]
    assert [loc for loc, _ in _by(ev, "airstrike")] == ["Barmal District"]


@pytest.mark.parametrize(
    "second",
    [
        "More trucks queued on the road near Landi Kotal, drivers said.",
        "A customs broker in Landi Kotal said the closure was ruining his business.",
    ],
)
def test_a_town_on_the_road_to_a_crossing_is_the_crossings_incident(chain, second):
    ev = _events(chain, "Torkham was closed on Monday and hundreds of trucks were stuck at the crossing. " + second)
    assert not [e for e in ev if e.location == "Landi Kotal"]


def test_a_town_far_from_any_crossing_keeps_its_own_disruption(chain):
    ev = _events(
        chain,
        "Torkham was closed on Monday and hundreds of trucks were stuck at the crossing. "
        "In Quetta, dozens of lorries were stranded on Tuesday after a strike by transporters.",
    )
    assert "Quetta" in [loc for loc, _ in _by(ev, "trade_disruption")]


def test_talks_overshadowed_by_an_attack_keep_their_venue_and_day(chain):
    ev = _events(
        chain,
        "Officials of the two countries met in Islamabad on Monday. The meeting was clouded by an "
        "attack on Sunday on a police post in Kurram, in which two soldiers were wounded.",
    )
    assert _by(ev, "talks") == [("Islamabad", "2024-05-13")]
    assert _by(ev, "armed_clash") == [("Kurram District", "2024-05-12")]


@pytest.mark.parametrize(
    "text",
    [
        "Mortar rounds hit a village on Monday and some households relocated to relatives in Khar.",
        "Shells landed near their homes on Monday and dozens of families fled to Khar.",
    ],
)
def test_where_the_displaced_went_is_not_where_the_shells_fell(chain, text):
    assert "Khar" not in [loc for loc, _ in _by(_events(chain, text), "explosion")]


def test_the_pakistani_taliban_are_not_the_afghan_side(chain):
    ev = _events(
        chain,
        "Torkham was closed on Monday. Analysts say the army is overstretched in its war with the Pakistani Taliban.",
    )
    assert not _by(ev, "armed_clash")


def test_a_headline_naming_the_district_and_the_town_does_not_keep_them_apart(chain):
    ev = _events(
        chain,
        "Forty people have now died from Sunday's bombing of a party meeting in Bajaur, doctors said on Tuesday. "
        "The attacker detonated his suicide vest beside the stage in Khar on Sunday.",
        title="Bajaur blast deaths reach 40; mourners gather in Khar",
    )
    assert [(e.location, e.fatalities) for e in ev if e.event_type == "explosion"] == [("Khar", 40)]


def test_blasts_heard_where_strikes_hit_that_day_are_the_strikes(chain):
    ev = _events(
        chain,
        "Pakistani jets struck targets in Kabul on Wednesday evening, officials said. "
        "Residents said loud explosions were heard across Kabul on Wednesday.",
    )
    assert _by(ev, "airstrike") == [("Kabul", "2024-05-15")]
    assert not _by(ev, "explosion")


def test_a_bombing_in_a_city_struck_from_the_air_weeks_apart_stays(chain):
    ev = _events(
        chain,
        "Pakistani jets struck targets in Kabul on Wednesday evening, officials said. "
        "A suicide bomber had killed six people at a Kabul market on April 2.",
    )
    assert _by(ev, "explosion") == [("Kabul", "2024-04-02")]


@pytest.mark.parametrize(
    "text",
    [
        "Pakistan shut every crossing with Afghanistan on Monday except Torkham.",
        "Pakistan shut its crossings with Afghanistan on Monday, with exceptions for food lorries at Torkham.",
    ],
)
def test_a_crossing_excepted_from_a_closure_is_not_closed(chain, text):
    assert _by(_events(chain, text), "border_closure") == [("Afghanistan-Pakistan border", "2024-05-13")]
