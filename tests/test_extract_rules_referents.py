"""Places pointed to without their names (:mod:`geomap.extract.rules.referents`):
a capital named by its country's adjective. Sentences written for these tests."""

from __future__ import annotations

import pytest
from test_extract_news import _events

from geomap.geocoders import default_chain


@pytest.fixture(scope="module")
def chain():
    return default_chain()


def _where(events, etype):
    return [e.location for e in events if e.event_type == etype]


def test_talks_in_the_qatari_capital_are_in_doha(chain):
    ev = _events(chain, "The two governments agreed to a truce on Sunday after a day of talks in the Qatari capital.")
    assert _where(ev, "talks") == ["Doha"]


def test_the_capital_named_after_its_adjective_is_one_venue(chain):
    ev = _events(chain, "The delegations met in the Qatari capital, Doha, on Sunday.")
    assert _where(ev, "talks") == ["Doha"]


def test_blasts_in_the_afghan_capital_are_in_kabul(chain):
    ev = _events(chain, "Two loud explosions were heard in the Afghan capital on Monday night.")
    assert _where(ev, "explosion") == ["Kabul"]


@pytest.mark.parametrize(
    "text",
    [
        "Officials in the Afghan capital said on Monday that the talks had broken down.",
        "In the Afghan capital, a spokesman said on Monday that the truce would hold.",
    ],
)
def test_speakers_in_a_capital_give_it_no_event(chain, text):
    assert not _where(_events(chain, text), "talks")


def test_a_capital_without_a_known_adjective_is_not_guessed(chain):
    assert not _where(_events(chain, "The envoys met in the provincial capital on Monday."), "talks")


# -- the crossing in context after a sentence naming several ------------------


@pytest.mark.parametrize(
    "middle",
    [
        # a comparison: the sentence is about its first crossing
        "Most melons from Zabul now travel through Badini instead of the larger Chaman route.",
        # a list with the crossing already in context
        "The government later shut both gates, at Badini and at Chaman.",
    ],
)
def test_a_sentence_naming_several_crossings_keeps_its_subject_in_context(chain, middle):
    body = (
        "Authorities closed the Badini crossing on Monday after a security alert. "
        + middle
        + " By Wednesday about 200 lorries of fruit were stranded at the crossing, drivers said."
    )
    assert _where(_events(chain, body), "trade_disruption") == ["Badini"]


def test_a_list_opening_the_article_puts_its_first_crossing_in_context(chain):
    body = (
        "Pakistan closed Torkham and Chaman to lorries on Monday. "
        "By Wednesday about 200 lorries were stranded at the crossing, drivers said."
    )
    assert _where(_events(chain, body), "trade_disruption") == ["Torkham"]


def test_one_crossing_named_later_is_the_crossing_in_context(chain):
    body = (
        "Authorities closed the Badini crossing on Monday after a security alert. "
        "Traffic at Chaman was diverted on Tuesday because of road repairs. "
        "By Wednesday about 200 lorries were stranded at the crossing, drivers said."
    )
    assert _where(_events(chain, body), "trade_disruption") == ["Chaman"]


@pytest.mark.parametrize(
    "middle",
    [
        "Every crossing is shut now: all border crossings with Afghanistan closed on Tuesday.",
        "The crossings between the two countries have stayed shut since Tuesday.",
        "Crossings along the frontier have been closed to lorries since Tuesday.",
    ],
)
def test_the_whole_border_s_crossings_end_the_crossing_in_context(chain, middle):
    body = (
        "Gunfire was exchanged near Chaman on Monday night. "
        + middle
        + " Thousands of lorries are stuck on both sides, traders say."
    )
    assert _where(_events(chain, body), "trade_disruption") == ["Afghanistan-Pakistan border"]


def test_crossings_named_in_the_plural_keep_the_crossing_in_context(chain):
    body = (
        "Pakistan closed the Chaman crossing on Monday after a gunfight. "
        "Officials said both crossings in the south would be inspected. "
        "Thousands of lorries are stuck on both sides, traders say."
    )
    assert _where(_events(chain, body), "trade_disruption") == ["Chaman"]


# -- places pointed to by their noun, and "the crossing" told first ----------

_POINTED = [
    # "the area": the place the text called an area, not the crossing named since
    (
        "Militants tried to slip across the border into the Sambaza area of Zhob on Sunday. "
        "The Badini crossing in Qila Saifullah district was shut on Monday. "
        "Dozens of lorries were stuck on both sides, traders said. "
        "Troops were rushed to the area and traded fire with militants along the border on Tuesday.",
        "armed_clash",
        ["Sambaza"],
    ),
    # "the district": the place called a district
    (
        "Mortar rounds fell in Dangam district on Sunday. "
        "Officials in Asadabad and Khost said the shelling was the worst this year. "
        "Troops traded fire across the border in the district on Monday.",
        "armed_clash",
        ["Dangam District"],
    ),
    # no place called an area: the last place of its kind
    (
        "Gunmen fired on a post near Angoor Adda on Sunday. "
        "Soldiers exchanged fire with the attackers across the border in the area on Monday.",
        "armed_clash",
        ["Angoor Adda"],
    ),
    # "the crossing" before any is named: the first one named later
    (
        "Mortar rounds hit a village in Dand-e-Patan on Sunday. "
        "The firing followed a quarrel on Saturday, when soldiers began putting up a fence near the crossing. "
        "Commanders of both sides met at the Kharlachi crossing on Monday.",
        "fortification",
        ["Kharlachi"],
    ),
    # ... but "a border post" names no crossing
    (
        "Gunmen attacked a border post in Bajaur on Sunday, killing two soldiers. "
        "Traders at the Nawa Pass crossing said it stayed open on Monday.",
        "armed_clash",
        ["Bajaur District"],
    ),
]


@pytest.mark.parametrize("body, etype, places", _POINTED)
def test_places_pointed_to(chain, body, etype, places):
    assert _where(_events(chain, body), etype) == places
