"""A trigger's type read again from its sentence
(:mod:`geomap.extract.triggers.retyping`). Sentences written for these tests."""

from __future__ import annotations

import pytest

from geomap.extract.types import find_triggers


def _types(sentence):
    return [(t.event_type, sentence[t.start : t.end]) for t in find_triggers(sentence)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Gunmen opened fire on a Levies post near Zhob with rifles and rocket-propelled grenades late on Monday.",
        "Militants attacked a police station in Tank with hand grenades on Tuesday night.",
    ],
)
def test_grenades_an_attack_was_made_with_are_the_clash(sentence):
    assert {etype for etype, _ in _types(sentence)} == {"armed_clash"}


@pytest.mark.parametrize(
    "sentence",
    [
        # a blast of its own, in a clause of its own
        "Gunmen opened fire on a Levies post near Zhob; a grenade blast in the bazaar wounded two people.",
        # no attack it was made with
        "A hand grenade was thrown at a shop in Chaman on Monday.",
        # a bomb an attack was made with makes it a bombing
        "Militants attacked a police compound in Bannu with a car bomb on Monday.",
    ],
)
def test_a_blast_told_apart_from_an_attack_stays_a_blast(sentence):
    assert "explosion" in {etype for etype, _ in _types(sentence)}


@pytest.mark.parametrize(
    ("sentence", "etype"),
    [
        # guns traded, a weapon named first
        ("The two sides traded artillery and mortar fire across the border near Angoor Adda.", "armed_clash"),
        # shelling told with gunfire after it
        ("Heavy shelling and gunfire continued near Spin Boldak on Monday.", "armed_clash"),
        # a blast told as the work of something that flies
        ("An explosion at a market in Khost on Monday was caused by a Pakistani drone.", "airstrike"),
    ],
)
def test_a_type_read_again_in_either_word_order(sentence, etype):
    assert {t for t, _ in _types(sentence)} == {etype}


@pytest.mark.parametrize(
    "sentence",
    [
        # shelling alone, one way
        "Heavy shelling continued near Spin Boldak on Monday.",
        # a blast caused by something on the ground
        "An explosion at a market in Khost on Monday was caused by a gas cylinder.",
    ],
)
def test_one_way_shelling_or_a_ground_blast_stays_an_explosion(sentence):
    assert {t for t, _ in _types(sentence)} == {"explosion"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Last spring, fighters attacked the garrison with a truck bomb before dawn.",
        "Militants attacked a checkpoint near the town with two roadside bombs.",
    ],
)
def test_an_attack_made_with_a_bomb_is_a_bombing(sentence):
    kinds = {etype for etype, _ in _types(sentence)}
    assert "explosion" in kinds
    assert not [t for t in find_triggers(sentence) if t.event_type == "armed_clash" and not t.weak]


def test_an_attack_and_a_bomb_of_another_clause_stay_two_incidents():
    sentence = "Militants attacked a checkpoint near the town, and a bomb went off in the bazaar."
    kinds = {t.event_type for t in find_triggers(sentence) if not t.weak}
    assert kinds == {"armed_clash", "explosion"}


@pytest.mark.parametrize(
    "sentence",
    [
        "The police chief said the firing of rockets began on Monday afternoon.",
        "Mortar firing on the villages went on until dusk.",
        "Residents said the firing of mortar shells had not stopped.",
    ],
)
def test_the_firing_of_rockets_or_mortars_is_shelling(sentence):
    assert ("explosion", "firing") in _types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The firing at the gate went on for an hour.",
        "Guards said the firing of the rifles was heard in the village.",
    ],
)
def test_firing_of_other_arms_stays_a_clash(sentence):
    assert ("armed_clash", "firing") in _types(sentence)


def _strong(sentence):
    return [(t.event_type, sentence[t.start : t.end]) for t in find_triggers(sentence) if not t.weak]


@pytest.mark.parametrize(
    "sentence",
    [
        "A district official said the victims died in mortar fire.",
        "Doctors said the dead were hit by shelling from across the line.",
    ],
)
def test_the_weapon_that_killed_the_victims_told_is_no_incident_of_its_own(sentence):
    assert _strong(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        # victims of an incident told here, with its weapon
        "Three villagers died in mortar fire on Dangam on Monday.",
        "The victims' houses were hit by shelling on Tuesday.",
    ],
)
def test_victims_of_an_incident_told_here_keep_it(sentence):
    assert ("explosion", "explosion") not in _strong(sentence) and _strong(sentence)
