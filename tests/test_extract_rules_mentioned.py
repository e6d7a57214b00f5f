"""Incidents mentioned, not reported (:mod:`geomap.extract.rules.mentioned`).
Sentences written for these tests."""

from __future__ import annotations

import pytest
from test_extract_news import _by, _events

from geomap.geocoders import default_chain


@pytest.fixture(scope="module")
def chain():
    return default_chain()


_REPORT = "Troops and Taliban guards traded fire near Torkham on Monday, officials said. "


@pytest.mark.parametrize(
    "later",
    [
        # the fighting named as what a scheme, a comment or a worry is about
        "Officials in Peshawar want aid for the villages of Chitral hurt by the fighting.",
        "Aid workers took blankets to villages of Kurram hit by the fighting.",
        "Police in Khost were put on alert over the clashes.",
        "The UN mission in Kunar voiced concern about the fighting.",
    ],
)
def test_a_definite_mention_after_a_preposition_adds_to_the_incident_told(chain, later):
    ev = _events(chain, _REPORT + later)
    assert [loc for loc, _ in _by(ev, "armed_clash")] == ["Torkham"]


def test_a_definite_mention_that_opens_its_sentence_tells_more_of_the_incident(chain):
    # the subject of its sentence: the fighting's own place, told here
    ev = _events(
        chain,
        "Troops and Taliban guards traded fire in Kurram on Monday, officials said. "
        "The fighting started near Parachinar before dawn.",
    )
    assert "Parachinar" in [loc for loc, _ in _by(ev, "armed_clash")]


@pytest.mark.parametrize(
    ("later", "places"),
    [
        ("Villages near Chaman were hit on Friday by the fighting.", ["Chaman", "Torkham"]),
        ("Guards near Chaman were also caught up on Friday in the clashes.", ["Chaman", "Torkham"]),
    ],
)
def test_a_definite_mention_with_a_day_of_its_own_is_another_incident(chain, later, places):
    ev = _events(chain, _REPORT + later)
    assert [loc for loc, _ in _by(ev, "armed_clash")] == places


def test_a_definite_mention_with_nothing_told_before_is_kept(chain):
    # no incident of its type before it: the mention is the only report
    ev = _events(chain, "Shops in Landi Kotal stayed shut on Monday during the fighting at Torkham.")
    assert [loc for loc, _ in _by(ev, "armed_clash")] == ["Torkham"]


@pytest.mark.parametrize(
    "text",
    [
        "A US officer said the raid was aimed at a group of fighters who had attacked a coalition base in Khost "
        "and then crossed back.",
        "Kabul said the men were members of a cell who had raided a checkpoint in Kandahar.",
    ],
)
def test_what_someone_had_done_told_to_say_who_they_are_is_no_incident(chain, text):
    assert _by(_events(chain, text), "armed_clash") == []


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # a day of its own: the incident is told
        (
            "The commander said the gunmen who had stormed the post in Kurram on Monday were from across the line.",
            "Kurram District",
        ),
        # what they were doing then is the incident itself
        (
            "Soldiers shot dead four militants who were trying to cross into Bajaur on Tuesday, the army said.",
            "Bajaur District",
        ),
    ],
)
def test_a_relative_clause_with_its_day_or_in_the_past_progressive_is_an_incident(chain, text, place):
    assert [loc for loc, _ in _by(_events(chain, text), "armed_clash")] == [place]


@pytest.mark.parametrize(
    "text",
    [
        # the start of a campaign that times a closure
        "The Angoor Adda crossing was shut on Sunday when the army began its operation against militants in "
        "South Waziristan.",
        # ... or that times how long people have been away
        "Two years after the army launched its offensive in Khyber, families from Tirah are still in camps "
        "in Nangarhar.",
        # the campaign named, not one of its incidents
        "Analysts in Peshawar doubt the success of the offensive in North Waziristan.",
    ],
)
def test_a_campaign_only_named_or_timing_another_event_is_no_clash(chain, text):
    assert _by(_events(chain, text), "armed_clash") == []


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("The army on Monday launched a ground offensive in the Tirah valley, killing ten militants.", "Tirah"),
        (
            "On Wednesday, Afghan commandos began an operation against the group in Kot district, officials said.",
            "Kot District",
        ),
    ],
)
def test_a_campaign_begun_in_its_own_main_clause_is_an_incident(chain, text, place):
    assert [loc for loc, _ in _by(_events(chain, text), "armed_clash")] == [place]


def test_what_someone_had_is_no_past_perfect():
    # "had" of possession: the trucks parked there are the sentence's own report
    from geomap.extract.rules.mentioned import referred_only
    from geomap.extract.rules.state import ArticleState
    from geomap.extract.types import find_triggers

    sentence = "A driver who had two trucks of flour parked near the terminal said he was losing money."
    triggers = find_triggers(sentence)
    assert triggers
    kept = referred_only(sentence, triggers, [(0, len(sentence))], [], ArticleState())
    assert [t.weak for t in kept] == [t.weak for t in triggers]


# What those named had done before, in a relative clause of the past perfect
# with no date of its own ("who had", "that had", "which had been").


def _violent(events):
    return sorted((e.event_type, e.location) for e in events if e.event_type in ("armed_clash", "explosion"))


_LEAD_BAJAUR = "Gunmen attacked a police post in Bajaur on Monday night, killing two constables. "


@pytest.mark.parametrize(
    "background",
    [
        "A commander said the gunmen belonged to a band that had attacked a base in Khost.",
        "Officials said the raiders were fighters who had earlier stormed a checkpoint near Chaman.",
        "The army said those killed were men who had ambushed a convoy in Kurram, and gave no more details.",
    ],
)
def test_what_the_people_named_had_done_before_is_no_event(chain, background):
    assert _violent(_events(chain, _LEAD_BAJAUR + background)) == [("armed_clash", "Bajaur District")]


@pytest.mark.parametrize(
    "text, place",
    [
        # a date in the sentence gives the incident a time
        (
            "Officials said the raiders were fighters who had stormed a checkpoint near Chaman on Sunday.",
            "Chaman",
        ),
        # the past perfect outside a relative clause is a report of the incident
        ("Officials said fighters had stormed a checkpoint near Chaman.", "Chaman"),
        # the clause that had the past perfect ends before the trigger
        ("Fighters who had crossed from Afghanistan stormed a checkpoint near Chaman.", "Chaman"),
    ],
)
def test_a_dated_or_reported_incident_stays(chain, text, place):
    assert ("armed_clash", place) in _violent(_events(chain, _LEAD_BAJAUR + text))
