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
        "Goods trucks rolled through Chaman on Thursday, ending a seven-week blockade.",
        "Pakistan lifted the closure of Chaman on Thursday.",
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
    ev = _events(chain, "A jirga of protest leaders met the chief minister in Quetta on Monday.")
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
        "The provincial government ordered the closure of wedding halls and shrines on Monday.",
        "The Lowari tunnel was closed to traffic on Saturday after heavy snow.",
        "The road to the district headquarters was closed to civilian vehicles on Monday.",
    ],
)
def test_halls_tunnels_and_roads_closed_are_no_border_closure(chain, text):
    assert not _by(_events(chain, text), "border_closure")


def test_the_crossing_told_before_is_what_closes_not_the_places_it_links(chain):
    ev = _events(
        chain,
        "Traders at Kharlachi are worried. The crossing, the main route between Kurram and Afghanistan's "
        "Paktia province, was shut on Monday.",
    )
    assert _by(ev, "border_closure") == [("Kharlachi", "2024-05-13")]


# -- history told with "the same year" --------------------------------------


def test_the_same_year_as_a_past_year_is_history(chain):
    ev = _events(
        chain,
        "In 1955 a crowd in Kabul attacked the Pakistani embassy, and the same year a Pakistani aircraft "
        "bombed a village across the line.",
    )
    assert not _by(ev, "airstrike")


def test_the_same_year_of_the_report_keeps_the_incident(chain):
    ev = _events(chain, "Pakistani jets bombed a village in Barmal on Monday, the same year the fence was finished.")
    assert _by(ev, "airstrike") == [("Barmal District", "2024-05-13")]


# -- places that are no event places ----------------------------------------


def test_a_chamber_of_commerce_is_no_place_of_the_trucks(chain):
    ev = _events(
        chain, "More than 600 lorries are waiting at the border, according to the Jalalabad chamber of commerce."
    )
    assert [loc for loc, _ in _by(ev, "trade_disruption")] == ["Afghanistan-Pakistan border"]


def test_where_fighters_moved_in_from_is_no_place_of_the_strike(chain):
    ev = _events(
        chain,
        "Air strikes killed 13 militants in Achin on Monday, an official said, adding that the fighters "
        "had moved in from Kunar.",
    )
    assert _by(ev, "airstrike") == [("Achin District", "2024-05-13")]


# -- types: helicopters, shelling answered ----------------------------------


def test_helicopters_that_attack_posts_are_an_air_strike(chain):
    ev = _events(chain, "Coalition helicopters attacked two army posts in Kurram on Saturday, killing 24 soldiers.")
    assert _by(ev, "airstrike") == [("Kurram District", "2024-05-11")]
    assert not _by(ev, "armed_clash")


def test_shelling_answered_by_the_other_side_is_an_exchange_of_fire(chain):
    ev = _events(
        chain,
        "Afghan forces fired mortars towards posts in the Salarzai area of Bajaur on Saturday, and Pakistani "
        "troops replied with artillery.",
    )
    assert [(e.event_type, e.location) for e in ev] == [("armed_clash", "Salarzai")]


def test_shelling_not_answered_stays_shelling(chain):
    ev = _events(chain, "Mortar shells fired from Afghanistan landed in Bajaur on Saturday, killing two.")
    assert [(e.event_type, e.sub_event_type) for e in ev] == [("explosion", "shelling")]
