"""Trigger rules for the wording of the region's own outlets
(:mod:`geomap.extract.triggers.outlets`). Sentences written for these
tests."""

from __future__ import annotations

import pytest
from test_extract_news import _by, _events

from geomap.extract.types import find_triggers
from geomap.geocoders import default_chain


@pytest.fixture(scope="module")
def chain():
    return default_chain()


def _found(sentence: str, etype: str) -> list[str]:
    return [t.sub_event_type for t in find_triggers(sentence) if t.event_type == etype and not t.weak]


@pytest.mark.parametrize(
    "sentence",
    [
        "Fruit sellers say they incurred heavy losses because of the long closure of the crossing.",
        "Exporters are losing millions of rupees every day, the chamber said.",
        "Dealers suffered big losses owing to the sudden shutdown at Chaman.",
    ],
)
def test_losses_of_a_closure_are_trade_disrupted(sentence):
    assert "trade_losses" in _found(sentence, "trade_disruption")


@pytest.mark.parametrize(
    "sentence",
    [
        # losses in a fight, and a loss that is no trade
        "The attackers suffered heavy losses in the fighting near the ridge.",
        "The team lost millions of fans after the match.",
        "The company faced losses from the floods last year.",
    ],
)
def test_other_losses_are_no_trade(sentence):
    assert "trade_losses" not in _found(sentence, "trade_disruption")


@pytest.mark.parametrize(
    "sentence",
    [
        "Hundreds of stranded transporters ran out of money at the border.",
        "Transporters stuck near the crossing asked for food and water.",
        "About 900 vehicles, most of them loaded with fruit, were awaiting the reopening of the gate.",
    ],
)
def test_transporters_stranded_and_vehicles_awaiting_the_reopening_are_stranded_trucks(sentence):
    assert "stranded_trucks" in _found(sentence, "trade_disruption")


@pytest.mark.parametrize(
    "sentence",
    [
        "The transporters' union met in Peshawar on Monday.",
        "Vehicles were awaiting their turn at the petrol pump.",
    ],
)
def test_transporters_and_vehicles_in_other_words_are_no_trade(sentence):
    assert not _found(sentence, "trade_disruption")


@pytest.mark.parametrize(
    "sentence",
    [
        "Nine militants were killed in an anti-infiltration operation near the border.",
        "Troops killed four terrorists in an encounter with militants near Sambaza.",
    ],
)
def test_an_operation_against_infiltrators_or_an_encounter_is_a_clash(sentence):
    assert _found(sentence, "armed_clash")


def test_an_encounter_that_took_place_continues_the_incident_told():
    # "took place on DAY" continues the incident just told (a weak trigger:
    # it joins that incident, or stands when nothing was told before)
    triggers = find_triggers("The encounter took place on the night of May 3.")
    assert [t.event_type for t in triggers] == ["armed_clash"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The minister recalled a chance encounter with a shepherd.",
        "Travellers encountered long delays at the gate.",
        "Anti-infiltration operations have gone on along the fence for years.",
    ],
)
def test_other_encounters_and_operations_in_general_are_no_clash(sentence):
    assert not _found(sentence, "armed_clash")


def test_an_anti_infiltration_operation_places_the_encounters_told_after_it(chain):
    ev = _events(
        chain,
        "Security forces killed six militants in an anti-infiltration operation in the Sambaza area on Monday. "
        "The militants, who were trying to cross from Afghanistan, were spotted at night, the military said.",
    )
    assert [loc for loc, _ in _by(ev, "armed_clash")] == ["Sambaza"]


def test_stranded_transporters_wait_at_the_crossing_in_context(chain):
    ev = _events(
        chain,
        "Torkham has been closed since Monday. Transporters stranded on the road to the crossing said "
        "that some 2,000 vehicles were awaiting the reopening of the border.",
    )
    assert [loc for loc, _ in _by(ev, "trade_disruption")] == ["Torkham"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The troops responded to the attack by targeting the suspected hideouts with heavy fire.",
        "Border guards retaliated with intense gunfire on the ridge.",
    ],
)
def test_a_reply_with_fire_told_on_its_own_is_a_clash(sentence):
    assert "exchange_of_fire" in _found(sentence, "armed_clash")


@pytest.mark.parametrize(
    "sentence",
    [
        "The ministry responded to the criticism with a statement.",
        "The government reacted to the attack by closing the crossing, and traders protested.",
    ],
)
def test_a_reply_in_words_or_by_a_closure_is_no_clash(sentence):
    assert not _found(sentence, "armed_clash")


def test_a_reply_with_artillery_stays_shelling():
    assert [t.event_type for t in find_triggers("Troops responded with artillery fire on the launch positions.")] == [
        "explosion"
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "During the ensuing engagement, five terrorists were killed, the military said.",
        "The engagement took place during the night near the fence.",
        "Troops were in an engagement with infiltrators for two hours.",
    ],
)
def test_the_militarys_engagement_is_a_clash(sentence):
    assert "exchange_of_fire" in _found(sentence, "armed_clash")


@pytest.mark.parametrize(
    "sentence",
    [
        "Islamabad seeks constructive engagement with Kabul.",
        "The envoy's engagement with Taliban leaders took place in Doha.",
        "The engagement ceremony took place on Sunday night.",
    ],
)
def test_engagement_in_diplomacy_or_life_is_no_clash(sentence):
    assert not _found(sentence, "armed_clash")


@pytest.mark.parametrize(
    "sentence",
    [
        "Afghan border guards shot dead two Pakistani shepherds near the fence on Friday.",
        "Three villagers were martyred by Pakistani forces in Dangam on Sunday, residents said.",
    ],
)
def test_one_sides_forces_killing_people_is_an_attack(sentence):
    assert "attack" in _found(sentence, "armed_clash")


@pytest.mark.parametrize(
    "sentence",
    [
        # soldiers who were killed, and militants killed in an operation
        "Nine Pakistani soldiers were killed and twelve people were hurt.",
        "Security forces killed ten militants in North Waziristan.",
        "Pakistani troops killed four terrorists near the border.",
    ],
)
def test_soldiers_killed_or_militants_killed_by_forces_are_no_such_attack(sentence):
    assert "attack" not in _found(sentence, "armed_clash")


def test_forces_killing_civilians_are_placed_where_it_happened(chain):
    ev = _events(chain, "Pakistani forces martyred two civilians in the Spin Boldak district on Monday.")
    assert [loc for loc, _ in _by(ev, "armed_clash")] == ["Spin Boldak District"]


@pytest.mark.parametrize(
    "sentence, sub",
    [
        ("Dealers said they had suffered losses worth millions of rupees because of the long closure.", "trade_losses"),
        ("Exporters faced losses running into billions of afghanis.", "trade_losses"),
        ("Goods worth billions of rupees are stuck at the crossing.", "stranded_trucks"),
        ("Our melons have been stuck here for a week, a driver said.", "stranded_trucks"),
    ],
)
def test_losses_in_money_and_goods_held_are_trade_disrupted(sentence, sub):
    assert sub in _found(sentence, "trade_disruption")


@pytest.mark.parametrize(
    "sentence",
    [
        "The battalion suffered losses of dozens of men in the battle.",
        "Medicines will be stuck at the border if the crossing shuts, traders warned.",
    ],
)
def test_losses_in_men_or_goods_that_may_be_held_are_no_trade(sentence):
    assert not _found(sentence, "trade_disruption")
