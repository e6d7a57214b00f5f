"""Actor names in sentences."""

from __future__ import annotations

import pytest

from geomap.extract.actors import find_actors


@pytest.mark.parametrize("sentence, actors", [
    ("Pakistani Taliban fighters attacked an Afghan border post, Islamabad said.", ["TTP", "Pakistan"]),
    ("The Afghan Taliban and Pakistan resumed talks.", ["Afghan Taliban", "Pakistan"]),
    ("Tehreek-e-Taliban Pakistan claimed the attack.", ["TTP"]),
    ("Talks were facilitated by Türkiye and Qatar.", ["Turkey", "Qatar"]),
    ("UNAMA said civilians were killed.", ["UNAMA"]),
    ("The United Nations Assistance Mission in Afghanistan said so.", ["UNAMA"]),
    ("The Islamic Emirate rejected the claim.", ["Afghan Taliban"]),
    ("Traders and truck drivers waited.", ["Traders", "Truck drivers"]),
    ("Nothing to see.", []),
])
def test_actors(sentence, actors):
    assert find_actors(sentence) == actors


def test_long_text_with_many_mentions():
    text = "Pakistan said the Taliban attacked. " * 500 + "UNAMA reported."
    assert find_actors(text) == ["Pakistan", "Afghan Taliban", "UNAMA"]
