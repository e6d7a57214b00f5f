"""Precision on unseen news (issue 10 follow-up): sentences that speak of
incidents without reporting one, and the types and places of the ones they
do report. Every sentence was written for these tests, in the manner of
Pakistani dailies, Afghan outlets and wire copy."""

from __future__ import annotations

import pytest
from test_extract_news import _by, _events

from geomap.geocoders import default_chain


@pytest.fixture(scope="module")
def chain():
    return default_chain()


# -- whole sentences that report nothing ------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # op-ed hypotheticals and conditionals
        "If Islamabad were to seal Torkham again, the fruit growers of Nangarhar would be the first to suffer.",
        "JALALABAD (Pajhwok): If the talks in Doha fail, fighting along the Kurram frontier would resume, "
        "a tribal elder said.",
        # warnings and what could happen
        "LANDI KOTAL: The president of the Khyber traders' union warned that the Torkham crossing could "
        "close again if the row over the new gate is not settled.",
        "Officials said the Chaman gate could close for several days once the new document rules take effect.",
        "The TTP threatened to attack any convoys carrying goods through the Khyber Pass.",
        # demands, calls, promises
        "PARACHINAR: Traders staged a sit-in outside the press club and demanded the reopening of the "
        "Kharlachi crossing.",
        "Both capitals should return to the table and hold talks before the next flare-up.",
        "A meeting of the joint coordination committee on Torkham has been promised, but a date has yet to be fixed.",
        "In Kabul, the ministry of commerce has called on Islamabad to lift its new levies and to hold "
        "talks with Afghan exporters on the transit rules.",
        # a reopening only spoken of
        "Transporters in Landi Kotal say there is still no date for the reopening of Torkham.",
        "A senior official said any reopening of Chaman would depend on guarantees against cross-border attacks.",
        # anniversaries, history and statistics
        "Friday marks the third anniversary of the suicide bombing at the police lines mosque in Peshawar.",
        "Pakistan has fenced most of the frontier since 2017.",
        "According to an institute's annual report, militant attacks in Khyber Pakhtunkhwa rose by 40 percent in 2023.",
        # denials and reactions
        "Afghan border officials denied that any shells had landed in Dangam district.",
        "In Kabul, the foreign ministry condemned the shelling and summoned Pakistan's envoy.",
        # routines and closures in general
        "Before the pandemic the Ghulam Khan crossing closed every evening at six.",
        "Shutting a border crossing every time there is a quarrel punishes the labourers, not the generals.",
        "Closures have cost Afghan exporters dearly.",
        "Whenever the gate at Torkham is shut, the hotels of Landi Kotal fill with stranded drivers.",
    ],
)
def test_sentences_that_report_no_incident_give_no_draft(chain, text):
    assert _events(chain, text) == []


# -- a reopening spoken of, and one done ------------------------------------


def test_a_closure_with_no_date_for_its_reopening_is_a_closure(chain):
    ev = _events(chain, "Torkham was shut on Monday, and officials gave no date for its reopening.")
    assert [(e.sub_event_type, e.event_date) for e in ev] == [("closure", "2024-05-13")]


def test_a_reopening_told_with_its_day_is_a_reopening(chain):
    ev = _events(chain, "The reopening of Torkham on Monday brought relief to traders.")
    assert [(e.sub_event_type, e.location) for e in ev] == [("reopening", "Torkham")]


def test_a_reopening_proposed_in_a_that_clause_is_none(chain):
    ev = _events(
        chain,
        "Elders met officials at Torkham on Sunday and proposed that the work on the gate be halted "
        "and the crossing reopened.",
    )
    assert not _by(ev, "border_closure")
    assert _by(ev, "talks") == [("Torkham", "2024-05-12")]


@pytest.mark.parametrize(
    "text",
    [
        "Lorries loaded with cement drove into Chaman on Thursday, ending the blockade that began in spring.",
        "Islamabad lifted the three-week closure at Chaman on Thursday.",
    ],
)
def test_a_closure_ended_is_a_reopening(chain, text):
    ev = _events(chain, text)
    assert [(e.sub_event_type, e.location, e.event_date) for e in ev] == [("reopening", "Chaman", "2024-05-09")]


def test_a_call_to_end_a_closure_is_none(chain):
    assert _events(chain, "Traders called for an end to the closure of Chaman.") == []


# -- talks not yet fixed ----------------------------------------------------


def test_talks_held_keep_their_day_beside_a_next_round_with_no_date(chain):
    ev = _events(chain, "Officials held talks in Islamabad on Monday; no date has been set for the next round.")
    assert _by(ev, "talks") == [("Islamabad", "2024-05-13")]


def test_a_jirga_with_one_sides_officers_is_no_talks(chain):
    ev = _events(
        chain, "A jirga of sit-in organisers called on the governor in Quetta on Monday and held a meeting with him."
    )
    assert not _by(ev, "talks")


def test_a_jirga_of_both_sides_with_an_officer_is_talks(chain):
    ev = _events(chain, "A jirga of elders from both sides met the deputy commissioner at Torkham on Monday.")
    assert _by(ev, "talks") == [("Torkham", "2024-05-13")]


# -- routines, closures in general, closures of other things ----------------


def test_two_closures_counted_are_an_event(chain):
    ev = _events(chain, "The two closures of Torkham in March cost traders millions.")
    assert _by(ev, "border_closure") == [("Torkham", "2024-03")]


@pytest.mark.parametrize(
    "text",
    [
        "Citing the virus, the provincial government shut wedding halls and shrines on Monday.",
        "The Kohat tunnel was closed to traffic on Sunday for repairs.",
        "Police closed the road to the district headquarters on Monday after a protest.",
    ],
)
def test_halls_tunnels_and_roads_closed_are_no_border_closure(chain, text):
    assert not _by(_events(chain, text), "border_closure")


def test_the_crossing_told_before_is_what_closes_not_the_places_it_links(chain):
    ev = _events(
        chain,
        "Traders at Kharlachi are worried. The crossing, which links the Kurram valley with Paktia, "
        "was shut on Monday.",
    )
    assert _by(ev, "border_closure") == [("Kharlachi", "2024-05-13")]


# -- history told with "the same year" --------------------------------------


def test_the_same_year_as_a_past_year_is_history(chain):
    ev = _events(
        chain,
        "In 1961 the two countries cut ties over Bajaur, and the same year Afghan tribesmen attacked "
        "posts in the agency.",
    )
    assert not _by(ev, "armed_clash")


def test_the_same_year_of_the_report_keeps_the_incident(chain):
    ev = _events(chain, "Pakistani jets bombed a village in Barmal on Monday, the same year the fence was finished.")
    assert _by(ev, "airstrike") == [("Barmal District", "2024-05-13")]


# -- places that are no event places ----------------------------------------


def test_a_chamber_of_commerce_is_no_place_of_the_trucks(chain):
    ev = _events(chain, "Some 600 lorries are waiting at the border, the Jalalabad chamber of commerce said.")
    assert [loc for loc, _ in _by(ev, "trade_disruption")] == ["Afghanistan-Pakistan border"]


def test_where_fighters_moved_in_from_is_no_place_of_the_strike(chain):
    ev = _events(
        chain,
        "Jets struck hideouts in Achin on Monday, an official said, and most of the dead were fighters "
        "who had crossed over from Kunar.",
    )
    assert _by(ev, "airstrike") == [("Achin District", "2024-05-13")]


# -- types: helicopters, shelling answered ----------------------------------


def test_helicopters_that_attack_posts_are_an_air_strike(chain):
    ev = _events(chain, "Two gunships attacked a Levies checkpoint in Kurram on Saturday and killed five guards.")
    assert _by(ev, "airstrike") == [("Kurram District", "2024-05-11")]
    assert not _by(ev, "armed_clash")


def test_shelling_answered_by_the_other_side_is_an_exchange_of_fire(chain):
    ev = _events(
        chain,
        "Taliban border guards lobbed mortars at a Pakistani position near Salarzai on Saturday, and the "
        "Pakistani side retaliated with heavy guns.",
    )
    assert [(e.event_type, e.location) for e in ev] == [("armed_clash", "Salarzai")]


def test_shelling_not_answered_stays_shelling(chain):
    ev = _events(chain, "Mortar shells fired from Afghanistan landed in Bajaur on Saturday, killing two.")
    assert [(e.event_type, e.sub_event_type) for e in ev] == [("explosion", "shelling")]


def test_border_guards_who_fire_do_not_put_the_shelling_on_the_border(chain):
    ev = _events(chain, "Afghan border police fired rockets that landed in Bajaur on Monday.")
    assert _by(ev, "explosion") == [("Bajaur District", "2024-05-13")]


def test_the_third_such_incident_is_the_one_reported_counted_among_others(chain):
    ev = _events(
        chain,
        "Troops foiled an attempt by militants to cross into Mir Ali on Monday. "
        "It was the third such infiltration bid in the Bajaur sector this year.",
    )
    assert _by(ev, "armed_clash") == [("Mir Ali", "2024-05-13")]


def test_an_incident_of_its_own_in_the_next_sentence_keeps_its_place(chain):
    ev = _events(
        chain,
        "Troops foiled an attempt by militants to cross into Mir Ali on Monday. "
        "A second infiltration bid was foiled in the Bajaur sector on Tuesday.",
    )
    assert _by(ev, "armed_clash") == [("Bajaur District", "2024-05-14"), ("Mir Ali", "2024-05-13")]


def test_how_far_a_queue_stretched_is_no_place_of_the_trucks(chain):
    ev = _events(chain, "At Torkham on Monday, the queue of trucks stretched for eight kilometres back to Landi Kotal.")
    assert _by(ev, "trade_disruption") == [("Torkham", "2024-05-13")]


def test_trucks_stranded_in_a_town_are_there(chain):
    ev = _events(chain, "Trucks were stranded in Landi Kotal on Monday.")
    assert _by(ev, "trade_disruption") == [("Landi Kotal", "2024-05-13")]


def test_talks_that_caused_an_older_reopening_do_not_borrow_the_venue_of_the_new_round(chain):
    ev = _events(
        chain,
        "Delegations held talks in Islamabad on Monday. "
        "In March the Kharlachi crossing had reopened after talks between local elders.",
    )
    assert _by(ev, "talks") == [("Islamabad", "2024-05-13")]
    assert _by(ev, "border_closure") == [("Kharlachi", "2024-03")]


def test_a_version_of_events_the_other_side_rejects_is_no_incident(chain):
    ev = _events(
        chain,
        "A coalition official said the helicopters had come under fire from the Pakistani side in Kurram "
        "on Saturday, a version that the Pakistani military rejected.",
    )
    assert not _by(ev, "armed_clash")


def test_an_attack_whose_blame_is_rejected_is_still_an_attack(chain):
    ev = _events(
        chain,
        "Militants from Afghanistan attacked a post in Chitral on Sunday, Pakistani officials said, "
        "an accusation the Taliban rejected.",
    )
    assert _by(ev, "armed_clash") == [("Chitral", "2024-05-12")]


def test_what_a_closure_told_before_has_done_is_no_closure_where_it_was_felt(chain):
    ev = _events(chain, "Torkham was closed on Monday. In Khyber, the closure has hurt the loaders of Jamrud.")
    assert _by(ev, "border_closure") == [("Torkham", "2024-05-13")]


def test_an_effect_with_no_closure_told_before_is_no_event(chain):
    assert _events(chain, "In Khyber, the closure has hurt the loaders and money changers of Jamrud.") == []


def test_a_closure_told_with_its_effect_is_an_event(chain):
    ev = _events(chain, "The closure of Torkham on Monday hit traders hard.")
    assert _by(ev, "border_closure") == [("Torkham", "2024-05-13")]


def test_a_negation_does_not_reach_past_as(chain):
    ev = _events(chain, "The jirga ended without agreement as firing broke out at Spin Boldak on Monday.")
    assert _by(ev, "armed_clash") == [("Spin Boldak", "2024-05-13")]


def test_a_negated_closure_is_none(chain):
    assert _events(chain, "The crossing at Torkham was not closed as traders had feared.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Pakistani forces shelled villages in Dangam each night this week, residents said.",
        "Since Saturday, rockets have landed in Dangam every night, residents said.",
    ],
)
def test_every_night_of_a_recent_span_is_a_series_of_incidents_not_a_routine(chain, text):
    assert [loc for loc, _ in _by(_events(chain, text), "explosion")] == ["Dangam District"]


@pytest.mark.parametrize(
    "text",
    [
        "The Torkham crossing, on the main highway between Peshawar and Kabul, was closed on Monday.",
        "The Torkham crossing on the road to Jalalabad was shut on Monday.",
    ],
)
def test_a_crossing_on_a_road_that_closes_is_a_closure(chain, text):
    assert _by(_events(chain, text), "border_closure") == [("Torkham", "2024-05-13")]


def test_a_wish_does_not_reach_past_a_concession(chain):
    ev = _events(
        chain, "Officials urged that trade continue at Chaman even though Pakistani forces shelled Dangam on Monday."
    )
    assert _by(ev, "explosion") == [("Dangam District", "2024-05-13")]


def test_fighting_first_told_with_its_effect_is_an_incident(chain):
    ev = _events(chain, "The fighting in Kurram has displaced thousands of families, officials said on Monday.")
    assert [loc for loc, _ in _by(ev, "armed_clash")] == ["Kurram District"]


def test_a_reopening_that_talks_paved_the_way_for_is_a_reopening(chain):
    ev = _events(chain, "Talks on Sunday paved the way for the reopening of Torkham on Monday.")
    assert _by(ev, "border_closure") == [("Torkham", "2024-05-13")]


def test_officials_of_one_side_meeting_the_other_sides_governor_are_talks(chain):
    ev = _events(chain, "Pakistani officials met the Nangarhar governor at Torkham on Monday.")
    assert _by(ev, "talks") == [("Torkham", "2024-05-13")]


def test_closures_on_a_day_are_events(chain):
    ev = _events(chain, "Closures at Torkham and Chaman on Monday left thousands of lorries waiting.")
    assert _by(ev, "border_closure") == [("Chaman", "2024-05-13"), ("Torkham", "2024-05-13")]


def test_shelling_answered_by_a_closure_stays_shelling(chain):
    ev = _events(
        chain,
        "Afghan forces fired rockets into Bajaur on Monday, and the Pakistani army retaliated by sealing Torkham.",
    )
    assert [loc for loc, _ in _by(ev, "explosion")] == ["Bajaur District"]
    assert not _by(ev, "armed_clash")


# -- round 8: records, decades, incidents of no one time, readiness --------------


@pytest.mark.parametrize(
    "text",
    [
        # a record, not an incident
        "Pakistan has shut the Chaman crossing several times since 2021.",
        "Guards at Chaman have repeatedly clashed with the other side's troops over the fence.",
        "On several occasions the two forces have traded fire near Kharlachi.",
        "Shelling of villages in Dangam is nothing new, elders say.",
        "Time and again, Torkham has been closed over small disputes.",
        # a decade is history
        "In the 1960s and 1970s, the two armies clashed in Bajaur more than once.",
        # any, every: no one incident
        "Any closure of Torkham hurts thousands of porters who are paid by the day.",
        "The corps commander vowed to answer any attack from across the line at Chaman.",
        # an incident supposed, with an indefinite noun and a modal
        "A long closure of Torkham would ruin the fruit exporters, the chamber said.",
        "Another clash at Chaman could wreck the trade talks, diplomats fear.",
        # readiness for talks, in a quote
        '"We are ready for talks in Islamabad, but the attacks must end," the minister said.',
        "The spokesman said Kabul was open to talks in Doha on the border.",
    ],
)
def test_records_decades_and_suppositions_are_no_events(chain, text):
    assert _events(chain, text) == []


@pytest.mark.parametrize(
    "text, etype, place",
    [
        # a series this week is incidents, not a record
        ("Since Saturday, Pakistani guns have repeatedly shelled villages in Dangam.", "explosion", "Dangam District"),
        # "several times" within one incident
        ("Mortar rounds hit Dangam several times on Monday, officials said.", "explosion", "Dangam District"),
        # a definite closure with a cost that may follow is the closure told
        (
            "The closure of Torkham on Monday could cost traders millions, the chamber said.",
            "border_closure",
            "Torkham",
        ),
        # an indefinite incident told without a modal happened
        ("A clash at Chaman on Monday left two guards wounded.", "armed_clash", "Chaman"),
        # talks held are talks
        ("Officials of both sides held talks in Islamabad on Monday on the border.", "talks", "Islamabad"),
    ],
)
def test_series_definite_incidents_and_talks_held_stay_events(chain, text, etype, place):
    assert [loc for loc, _ in _by(_events(chain, text), etype)] == [place]


@pytest.mark.parametrize(
    "text",
    [
        "The shelling prompted Pakistan to shut Torkham on Monday.",
        "Monday's firing forced the authorities to shut Torkham within the hour.",
    ],
)
def test_a_closure_one_was_forced_to_make_was_made(chain, text):
    assert [loc for loc, _ in _by(_events(chain, text), "border_closure")] == ["Torkham"]


def test_a_closure_one_would_be_forced_to_make_is_none(chain):
    ev = _events(chain, "Pakistan would be forced to shut Torkham if the attacks went on, the minister said.")
    assert _by(ev, "border_closure") == []


@pytest.mark.parametrize(
    "text",
    [
        # a report called untrue in other words than a denial's
        "A military spokesman on Monday called reports of shelling in Dangam baseless.",
        "Customs staff said there was no truth in reports that Torkham had been shut on Monday.",
        "The governor said accounts of fighting at Chaman on Monday were fabricated.",
        # a future told with its condition
        '"Chaman will be shut if the firing goes on," the commander said on Monday.',
        "Troops would fire on any post built there unless work stopped, an officer said on Monday.",
    ],
)
def test_reports_called_untrue_and_conditional_futures_are_no_events(chain, text):
    assert _events(chain, text) == []


@pytest.mark.parametrize(
    "text, etype, place",
    [
        # the report is not called untrue: only the blame is disputed
        ("Reports of shelling in Dangam on Monday were confirmed by the governor.", "explosion", "Dangam District"),
        # "if" far from the trigger, in another clause
        ("Torkham was shut on Monday, and officials did not say if it would reopen.", "border_closure", "Torkham"),
    ],
)
def test_reports_confirmed_and_distant_conditions_stay_events(chain, text, etype, place):
    assert [loc for loc, _ in _by(_events(chain, text), etype)] == [place]


@pytest.mark.parametrize(
    "text",
    [
        # an activity named by a gerund, a record by its plural, a tendency
        "Shutting Torkham only hurts the porters, the columnist wrote on Monday.",
        "The repeated closures of Torkham have driven exporters towards Iran.",
        "Previous clashes at Chaman have left scores of villagers dead.",
        "Drone strikes in Khost seldom hit the men they are aimed at, analysts say.",
    ],
)
def test_activities_records_and_tendencies_are_no_events(chain, text):
    assert _events(chain, text) == []


@pytest.mark.parametrize(
    "text, etype, place",
    [
        # a series told with its day is incidents
        ("Repeated clashes at Chaman on Monday left two guards wounded.", "armed_clash", "Chaman"),
        # a gerund that is the report's own verb, after its subject
        ("Pakistan said on Monday it was closing Torkham to all traffic.", "border_closure", "Torkham"),
    ],
)
def test_series_on_a_day_and_closings_reported_stay_events(chain, text, etype, place):
    assert [loc for loc, _ in _by(_events(chain, text), etype)] == [place]
