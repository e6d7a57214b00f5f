"""Common news verbs read by :mod:`geomap.extract.news_verbs`: each with
sentences where it must fire and where it must not (sentences written for
these tests)."""

from __future__ import annotations

import pytest
from test_extract_news import _by, _events

from geomap.extract.types import find_triggers
from geomap.geocoders import default_chain


@pytest.fixture(scope="module")
def chain():
    return default_chain()


def _types(sentence: str) -> set[tuple[str, str]]:
    return {(t.event_type, t.sub_event_type) for t in find_triggers(sentence)}


@pytest.mark.parametrize(
    "sentence",
    [
        "Heavy artillery pounded the villages along the line for hours.",
        "Pakistani guns hammered Taliban positions on the ridge overnight.",
        "Troops pounded the hilltop posts with mortars before dawn.",
    ],
)
def test_guns_that_pound_are_shelling(sentence):
    assert ("explosion", "shelling") in _types(sentence)


def test_jets_that_pound_stay_an_air_strike():
    assert ("airstrike", "airstrike") in _types("Fighter jets pounded the hideouts after midnight.")
    assert ("explosion", "shelling") not in _types("Fighter jets pounded the hideouts after midnight.")


def test_a_storm_that_pounded_is_no_shelling():
    assert not _types("Heavy rain pounded the valley for two days.")


@pytest.mark.parametrize(
    "sentence",
    [
        "Fighters overran a border post on the ridge before dawn.",
        "The attackers captured an outpost on the hill after a long fight.",
        "A checkpoint was overrun by the insurgents at night.",
    ],
)
def test_one_post_overrun_is_an_attack(sentence):
    assert ("armed_clash", "attack") in _types(sentence)


def test_a_captured_city_or_moment_is_no_attack_on_a_post():
    assert not _types("The photograph captured a moment of calm at the market.")


@pytest.mark.parametrize(
    "sentence",
    [
        "Commandos raided a village near the line and detained six men.",
        "Soldiers killed three gunmen in a night raid close to the frontier.",
    ],
)
def test_a_ground_raid_is_a_clash(sentence):
    assert ("armed_clash", "ground_raid") in _types(sentence)


def test_an_air_raid_stays_an_air_strike():
    kinds = _types("An air raid on the village killed five people.")
    assert ("airstrike", "airstrike") in kinds
    assert ("armed_clash", "ground_raid") not in kinds


def test_a_mine_that_went_off_is_a_blast():
    assert ("explosion", "explosion") in _types("A mine went off under a patrol vehicle near the post.")
    assert ("explosion", "explosion") in _types("Two soldiers were hurt when their jeep drove on a mine.")


def test_a_coal_mine_is_no_blast():
    assert not _types("Output from the coal mine rose last year.")


def test_strikes_on_hideouts_are_air_strikes(chain):
    ev = _events(chain, "The army said it struck militant hideouts in Khost province on Monday night.")
    assert [loc for loc, _ in _by(ev, "airstrike")] == ["Khost Province"]


def test_targets_of_criticism_are_no_strike():
    assert ("airstrike", "airstrike") not in _types("The minister has hit targets of criticism in every speech.")


def test_trade_halted_at_a_crossing_is_a_closure(chain):
    ev = _events(chain, "Customs officials halted all trade at the Torkham crossing on Monday.")
    assert [loc for loc, _ in _by(ev, "border_closure")] == ["Torkham"]


def test_trade_halted_with_a_country_is_no_closure_of_a_crossing():
    assert ("border_closure", "closure") not in _types("The government halted trade with its neighbour last year.")


def test_a_ban_on_trade_lifted_is_a_reopening(chain):
    ev = _events(chain, "Officials lifted the ban on trade at the Chaman crossing on Tuesday.")
    assert [(e.location, e.sub_event_type) for e in ev if e.event_type == "border_closure"] == [("Chaman", "reopening")]


def test_a_ban_lifted_on_something_else_is_no_reopening():
    assert not _types("The court lifted the ban on the newspaper on Tuesday.")


def test_a_gate_that_opened_is_a_reopening(chain):
    ev = _events(chain, "Lorries waited at Torkham until the gate opened again on Thursday.")
    assert [(e.sub_event_type, e.location) for e in ev if e.event_type == "border_closure"] == [
        ("reopening", "Torkham")
    ]
    assert [loc for loc, _ in _by(ev, "trade_disruption")] == ["Torkham"]


@pytest.mark.parametrize(
    "sentence",
    ["Border guards opened fire near the gate.", "A new border market opened in the town last spring."],
)
def test_fire_or_a_market_opened_is_no_reopening(sentence):
    assert ("border_closure", "reopening") not in _types(sentence)


def test_trucks_that_would_have_waited_are_no_queue():
    strong = [t for t in find_triggers("Officials said trucks would have waited for days.") if not t.weak]
    assert not strong


@pytest.mark.parametrize(
    "sentence",
    [
        "The commander said the other side had fired first on one of his posts.",
        "Troops fired indiscriminately at villages along the line.",
        # fire that hit a post
        "Fire from the other side of the line hit a checkpoint before dawn.",
        "Gunfire from across the border had struck two posts.",
    ],
)
def test_fire_with_an_adverb_before_its_target_is_an_attack(sentence):
    assert ("armed_clash", "attack") in _types(sentence)


def test_fire_first_at_nothing_named_is_no_attack_on_a_post():
    assert ("armed_clash", "attack") not in _types("The officer said he never knew who fired first.")


@pytest.mark.parametrize(
    "sentence",
    [
        "A bomb hidden in a motorcycle went off beside the convoy.",
        "An explosive device planted on the roadside went off as the patrol passed.",
    ],
)
def test_a_bomb_that_went_off_is_a_blast(sentence):
    assert ("explosion", "explosion") in _types(sentence)


def test_an_alarm_that_went_off_is_no_blast():
    assert not _types("The fire alarm went off in the school at noon.")


def test_an_operation_begun_against_a_group_is_a_clash(chain):
    ev = _events(chain, "On Monday, troops began an operation against the group in the Kot district of Nangarhar.")
    assert [loc for loc, _ in _by(ev, "armed_clash")] == ["Kot District"]


def test_an_operation_only_promised_is_none(chain):
    ev = _events(chain, "Officials said they would launch an operation against the militants in Kurram soon.")
    assert not _by(ev, "armed_clash")


def test_aircraft_told_with_an_aside_that_pounded_are_an_air_strike():
    kinds = _types("Army gunships of the frontier corps pounded hideouts in the valley.")
    assert ("airstrike", "airstrike") in kinds
    assert ("explosion", "shelling") not in kinds


def test_troops_that_pounded_positions_are_shelling():
    assert ("explosion", "shelling") in _types("Troops pounded enemy positions on the ridge overnight.")


@pytest.mark.parametrize(
    "sentence", ["A gun battle broke out at the gate.", "An hours-long gunbattle raged near the post."]
)
def test_a_gun_battle_is_an_exchange_of_fire(sentence):
    assert ("armed_clash", "exchange_of_fire") in _types(sentence)


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("The delegations were negotiating late into the night.", ("talks", "negotiation")),
        ("Commanders of both sides held parleys at the gate.", ("talks", "negotiation")),
        ("The two sides agreed to halt fire along the line.", ("talks", "ceasefire")),
    ],
)
def test_talks_worded_as_news_words_them(sentence, kind):
    assert kind in _types(sentence)


def test_a_deal_to_buy_is_no_ceasefire():
    assert ("talks", "ceasefire") not in _types("The traders agreed to halt exports of fruit for a week.")


def test_trucks_stopped_or_barred_at_a_crossing(chain):
    ev = _events(chain, "Afghan trucks were stopped at Torkham on Monday.")
    assert [loc for loc, _ in _by(ev, "trade_disruption")] == ["Torkham"]
    ev = _events(chain, "Pakistan barred Afghan lorries from entering through Torkham on Monday.")
    assert [loc for loc, _ in _by(ev, "border_closure")] == ["Torkham"]


def test_a_post_seized_or_destroyed_is_an_attack():
    assert ("armed_clash", "attack") in _types("Fighters seized a border post on the ridge.")
    assert ("armed_clash", "attack") in _types("Troops destroyed an enemy post across the line.")
    assert ("armed_clash", "attack") not in _types("Customs officers seized a consignment of cloth.")


def test_militants_hitting_targets_is_no_air_strike():
    assert ("airstrike", "airstrike") not in _types("The militants hit targets across the province last year.")
    assert ("airstrike", "airstrike") in _types("The army said it struck Taliban targets across the line.")


@pytest.mark.parametrize(
    "sentence",
    [
        # a headline's present
        "Commandos raid village near Ghulam Khan",
        # the noun with who raided and what
        "Kabul protested over a raid by special forces on a compound in Paktika.",
    ],
)
def test_a_raid_in_the_present_or_named_with_its_target_is_a_clash(sentence):
    assert ("armed_clash", "ground_raid") in _types(sentence)


def test_a_raid_on_something_else_is_no_ground_raid():
    assert ("armed_clash", "ground_raid") not in _types("Police began a raid on illegal markets for fuel.")


@pytest.mark.parametrize(
    "sentence",
    [
        "The assault started shortly after midnight near the Levies post.",
        "The ambush took place on a mountain road in Kurram.",
    ],
)
def test_an_attack_noun_told_as_it_happened_is_a_clash(sentence):
    assert "armed_clash" in {etype for etype, _ in _types(sentence)}


@pytest.mark.parametrize(
    "sentence",
    [
        # the noun of policy, no happening
        "Officials called the remarks an attack on the country's sovereignty.",
        "Analysts said an assault on the town was unlikely.",
    ],
)
def test_an_attack_noun_not_told_as_it_happened_is_no_clash(sentence):
    assert "armed_clash" not in {etype for etype, _ in _types(sentence)}


@pytest.mark.parametrize(
    "sentence",
    [
        "Gunmen from across the line attacked two villages before dawn.",
        "Dozens of fighters stormed the houses of the elders overnight.",
        "An assault on a village near the post left four dead.",
    ],
)
def test_an_attack_on_villages_or_homes_is_a_clash(sentence):
    assert ("armed_clash", "attack") in _types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The governor attacked the village's elders in a speech.",
        "Critics attacked the housing plan as too costly.",
    ],
)
def test_words_attacking_people_or_plans_are_no_clash(sentence):
    assert ("armed_clash", "attack") not in _types(sentence)


def test_aircraft_that_attack_villages_stay_an_air_strike():
    kinds = _types("Warplanes attacked villages near the line at night.")
    assert ("airstrike", "airstrike") in kinds
    assert ("armed_clash", "attack") not in kinds


@pytest.mark.parametrize(
    "sentence, sub",
    [
        ("Soldiers set up the barbed wire again along the ridge.", "fence_construction"),
        ("Engineers were setting up a fence along the stream.", "fence_construction"),
        ("The army was setting up a gate on the disputed strip.", "gate_construction"),
    ],
)
def test_works_set_up_are_border_works(sentence, sub):
    assert ("fortification", sub) in {(t.event_type, t.sub_event_type) for t in find_triggers(sentence) if not t.weak}


@pytest.mark.parametrize(
    "sentence",
    [
        "Police set up barriers on the road to the stadium.",
        "The cabinet set up a committee to study the plan.",
    ],
)
def test_other_things_set_up_are_no_border_works(sentence):
    assert not [t for t in find_triggers(sentence) if t.event_type == "fortification" and not t.weak]


@pytest.mark.parametrize(
    "sentence",
    [
        "A bomb hidden in a cart near the checkpoint on Friday wounded three guards.",
        "The roadside bomb killed two policemen.",
    ],
)
def test_a_bomb_told_by_what_it_did_is_a_blast(sentence):
    assert ("explosion", "explosion") in _types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The bomb disposal squad said nobody had been killed.",
        "A bomb was found and defused before it killed anyone.",
        "Officials feared a bomb would be used.",
    ],
)
def test_a_bomb_found_or_feared_is_no_blast(sentence):
    assert ("explosion", "explosion") not in _types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The air force dropped two heavy bombs on a cave complex.",
        "Pakistani aircraft strike suspected hideouts near the line.",
        "Jets bomb two villages overnight.",
    ],
)
def test_bombs_dropped_and_aircraft_in_the_present_are_air_strikes(sentence):
    assert ("airstrike", "airstrike") in _types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Aircraft dropped leaflets over the valley.",
        "Prosecutors dropped the charges against the driver.",
    ],
)
def test_leaflets_or_charges_dropped_are_no_air_strike(sentence):
    assert not [t for t in _types(sentence) if t[0] == "airstrike"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Work began on the new fence in the northern sector in May.",
        "Work on the fence was halted after the exchange of fire.",
    ],
)
def test_work_on_a_fence_begun_or_halted_is_a_border_work(sentence):
    assert ("fortification", "fence_construction") in {
        (t.event_type, t.sub_event_type) for t in find_triggers(sentence) if not t.weak
    }


def test_work_that_began_elsewhere_is_no_border_work():
    assert not [t for t in find_triggers("Work began on the new hospital in May.") if t.event_type == "fortification"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The second round was held in the Qatari capital on Sunday.",
        "The first session of the joint commission was held at the gate.",
        "Commanders of the two forces did meet near the gate that evening.",
    ],
)
def test_a_round_held_or_an_emphatic_meeting_is_talks(sentence):
    assert ("talks", "negotiation") in _types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The first session of the provincial assembly was held on Monday.",
        "The new rules did meet the demands of the drivers.",
        "The next session of the high court will be held on Monday.",
    ],
)
def test_a_house_in_session_or_a_demand_met_is_no_talks(sentence):
    assert not [t for t in find_triggers(sentence) if t.event_type == "talks"]


def test_fire_that_hit_a_market_is_no_attack_on_a_post():
    assert ("armed_clash", "attack") not in _types("A fire hit the old market before dawn.")
