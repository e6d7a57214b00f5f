"""A crossing's offices (:mod:`geomap.extract.rules.facilities`): customs and
immigration offices point to the crossing in context. Sentences written for
these tests."""

from __future__ import annotations

import pytest
from test_extract_news import _by, _events

from geomap.extract.rules.facilities import facility_mentions
from geomap.geocoders import default_chain


@pytest.fixture(scope="module")
def chain():
    return default_chain()


@pytest.mark.parametrize(
    "sentence, surface",
    [
        ("A rocket hit the customs house on Monday.", "customs house"),
        ("Two shells fell near the immigration offices.", "immigration offices"),
        (
            "Rounds landed at the offices of the National Logistics Cell, Customs and the police.",
            "offices of the National Logistics Cell, Customs",
        ),
    ],
)
def test_customs_and_immigration_offices_point_to_the_crossing(sentence, surface):
    assert [m.surface for m in facility_mentions(sentence, [])] == [surface]


@pytest.mark.parametrize(
    "sentence",
    [
        "Customs officials said trade was slow.",
        "The new immigration rules took effect on Monday.",
        "Shells hit the offices of the district council.",
        # an office that names its own place
        "Traders protested outside the customs offices in Peshawar.",
    ],
)
def test_customs_officials_or_rules_are_no_office(sentence):
    assert facility_mentions(sentence, []) == []


def test_shelling_of_the_customs_offices_is_at_the_crossing_in_context(chain):
    ev = _events(
        chain,
        "Torkham was closed on Monday after guards of the two sides clashed. "
        "Later, several mortar shells fired from the Afghan side hit the customs offices, officials said.",
    )
    assert [loc for loc, _ in _by(ev, "explosion")] == ["Torkham"]


def test_customs_offices_with_no_crossing_in_context_place_nothing(chain):
    ev = _events(chain, "Several mortar shells hit the customs offices on Monday, officials said.")
    assert _by(ev, "explosion") == []
