"""Trigger rules of border works (:mod:`geomap.extract.triggers.fortifications`).
Sentences written for these tests."""

from __future__ import annotations

import pytest

from geomap.extract.types import find_triggers


def _works(sentence):
    return [t.sub_event_type for t in find_triggers(sentence) if t.event_type == "fortification" and not t.weak]


@pytest.mark.parametrize(
    ("sentence", "sub"),
    [
        (
            "Elders said the ditch, which border troops had been digging since Friday, cut across their fields.",
            "outpost_construction",
        ),
        (
            "Afghan guards objected to a watchtower the Pakistani side had begun building near the zero point "
            "on Monday.",
            "outpost_construction",
        ),
        (
            "Villagers said the fence that soldiers were repairing on Saturday had been moved closer to their homes.",
            "fence_construction",
        ),
    ],
)
def test_a_work_named_before_its_building_is_a_work(sentence, sub):
    assert _works(sentence) == [sub]


@pytest.mark.parametrize(
    "sentence",
    [
        # a work named, nothing built
        "The post, which villagers say is empty, overlooks the road.",
        "The checkpoint guards were checking papers at the gate.",
    ],
)
def test_a_work_named_with_no_building_is_no_work(sentence):
    assert _works(sentence) == []
