"""Event types of whole short texts (issue 10, round 4): which of the seven
types a report gets. Every sentence is written for these tests."""

from __future__ import annotations

import pytest
from test_extract_news import _by, _events

from geomap.geocoders import default_chain


@pytest.fixture(scope="module")
def chain():
    return default_chain()


# -- fortification ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The army said on Tuesday that it is fencing the whole border to stop infiltration.",
        "Officials told the committee on Monday about forts being built along the frontier.",
        "The fence now going up along the Durand Line has hardened old grievances.",
    ],
)
def test_a_programme_along_the_whole_line_is_no_located_work(chain, text):
    assert not _by(_events(chain, text), "fortification")


@pytest.mark.parametrize(
    "text",
    [
        "Officials said on Tuesday that Taliban fighters had damaged parts of the fence along the Durand Line.",
        "Taliban guards tore down stretches of the barbed-wire fence along the frontier, officials said on Tuesday.",
    ],
)
def test_a_fence_pulled_down_along_the_line_is_a_work_on_the_whole_border(chain, text):
    assert [loc for loc, _ in _by(_events(chain, text), "fortification")] == ["Afghanistan-Pakistan border"]


def test_an_attempt_to_put_up_a_fence_is_a_work_at_its_place(chain):
    ev = _events(chain, "Pakistani troops tried to put up a new stretch of fence near Angoor Adda on Monday.")
    assert _by(ev, "fortification") == [("Angoor Adda", "2024-05-13")]


def test_work_resumed_on_a_post_at_the_crossing(chain):
    ev = _events(chain, "Afghan guards resumed work on a check post near Torkham on Saturday, officials said.")
    assert _by(ev, "fortification") == [("Torkham", "2024-05-11")]


def test_two_works_in_one_sentence_each_take_their_own_place(chain):
    ev = _events(
        chain,
        "The army said on Tuesday that crews were laying fence in Mohmand district and "
        "completing several forts in Khyber district.",
    )
    assert [loc for loc, _ in _by(ev, "fortification")] == ["Khyber District", "Mohmand District"]


def test_a_drone_that_struck_a_compound_is_an_air_strike(chain):
    ev = _events(chain, "In Khost, officials said a drone struck an empty compound in the Sperah district on Monday.")
    assert _by(ev, "airstrike") == [("Sperah District", "2024-05-13")]
    assert not _by(ev, "armed_clash")


# -- armed clash or explosion ----------------------------------------------------


def test_mortar_fire_aimed_at_a_post_is_an_attack_on_it(chain):
    ev = _events(chain, "On Monday a soldier was killed when mortar rounds were fired at a post near Kharlachi.")
    assert [loc for loc, _ in _by(ev, "armed_clash")] == ["Kharlachi"]
    assert not _by(ev, "explosion")


def test_grenades_and_gunfire_on_a_station_are_an_attack(chain):
    ev = _events(chain, "Militants attacked a police station in Bannu with grenades and gunfire on Monday night.")
    assert [loc for loc, _ in _by(ev, "armed_clash")] == ["Bannu"]
    assert not _by(ev, "explosion")


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen and a suicide bomber attacked a police compound in Bannu on Monday.",
        "Militants attacked a police compound in Bannu with a car bomb on Monday.",
    ],
)
def test_an_attack_made_by_a_bomber_or_a_bomb_is_a_bombing(chain, text):
    ev = _events(chain, text)
    assert [loc for loc, _ in _by(ev, "explosion")] == ["Bannu"]
    assert not _by(ev, "armed_clash")


def test_an_ambush_listed_before_a_bombing_is_another_incident(chain):
    ev = _events(chain, "A checkpost ambush and a hospital suicide blast killed nine people in Bannu on Monday.")
    assert [loc for loc, _ in _by(ev, "armed_clash")] == ["Bannu"]
    assert [loc for loc, _ in _by(ev, "explosion")] == ["Bannu"]


# -- air strike or explosion -----------------------------------------------------


def test_blasts_heard_where_aircraft_struck_that_day_are_the_strike(chain):
    ev = _events(
        chain,
        "Pakistani jets struck two compounds in Kabul on Monday night, officials said. "
        "Residents said loud explosions were heard across Kabul at about the same time.",
    )
    assert _by(ev, "airstrike") == [("Kabul", "2024-05-13")]
    assert not _by(ev, "explosion")


def test_a_suicide_bombing_on_the_day_of_a_strike_stays_a_bombing(chain):
    ev = _events(
        chain,
        "Pakistani jets struck two compounds in Kabul on Monday night, officials said. "
        "Earlier on Monday a suicide bomber killed six people at a market in Kabul.",
    )
    assert _by(ev, "airstrike") == [("Kabul", "2024-05-13")]
    assert _by(ev, "explosion") == [("Kabul", "2024-05-13")]


# -- trade disruption and closure --------------------------------------------------


def test_trucks_turned_back_towards_a_city_wait_at_the_crossing(chain):
    ev = _events(
        chain,
        "Torkham stayed shut on Monday. Some fruit trucks were turned back towards Peshawar "
        "as their loads began to rot.",
    )
    assert [loc for loc, _ in _by(ev, "trade_disruption")] == ["Torkham"]


def test_one_sentence_can_tell_a_closure_and_its_stranded_trucks(chain):
    ev = _events(chain, "Chaman stayed shut on Tuesday, and hundreds of trucks lined the highway to the gate.")
    assert [loc for loc, _ in _by(ev, "border_closure")] == ["Chaman"]
    assert [loc for loc, _ in _by(ev, "trade_disruption")] == ["Chaman"]


def test_a_work_is_on_the_line_not_in_a_far_city(chain):
    ev = _events(
        chain,
        "Asked on Monday whether Kabul might curb trade if the fencing continued, the spokeswoman "
        "said the fence was being built on Pakistani soil.",
    )
    assert not _by(ev, "fortification")


def test_fire_on_troops_in_a_district_and_near_a_crossing_in_it_is_one_clash(chain):
    ev = _events(
        chain,
        "Militants fired from across the border on troops in the Kurram district on Wednesday, killing four. "
        "The soldiers were working near Kharlachi when they came under fire, the military said.",
    )
    assert [loc for loc, _ in _by(ev, "armed_clash")] == ["Kharlachi"]


def test_a_work_along_the_border_is_where_its_men_were_attacked(chain):
    ev = _events(
        chain,
        "Militants attacked a border post near Kharlachi on Monday, killing two soldiers. "
        "The men had been clearing ground along the border to prepare for fencing when they came under fire.",
    )
    assert [loc for loc, _ in _by(ev, "fortification")] == ["Kharlachi"]


def test_a_fence_programme_after_an_attack_report_stays_no_event(chain):
    ev = _events(
        chain,
        "Militants attacked a border post near Kharlachi on Monday, killing two soldiers. "
        "The army says it is fencing the border to stop such raids.",
    )
    assert not _by(ev, "fortification")


def test_an_attack_and_shelling_in_two_clauses_are_two_incidents(chain):
    ev = _events(
        chain,
        "Afghan forces attacked Pakistani posts near Kharlachi on Monday, and Pakistani shelling hit villages "
        "in the Dand-e-Patan district.",
    )
    assert [loc for loc, _ in _by(ev, "armed_clash")] == ["Kharlachi"]
    assert [loc for loc, _ in _by(ev, "explosion")] == ["Dand-e-Patan District"]


# -- talks -------------------------------------------------------------------------


def test_the_round_told_before_named_again_without_a_day_is_no_new_round(chain):
    ev = _events(
        chain,
        "Envoys of the two countries met in Doha on Monday. "
        "That meeting followed months of tension along the border, diplomats in Kabul said.",
    )
    assert _by(ev, "talks") == [("Doha", "2024-05-13")]


def test_the_talks_named_again_with_a_day_and_place_of_their_own_stay(chain):
    ev = _events(
        chain,
        "Envoys of the two countries met in Doha on Monday. The talks continued in Istanbul on Tuesday.",
    )
    assert _by(ev, "talks") == [("Doha", "2024-05-13"), ("Istanbul", "2024-05-14")]


def test_a_round_told_after_the_talks_is_at_its_own_venue(chain):
    ev = _events(
        chain,
        "Envoys of the two countries met in Islamabad on Monday. A statement after the talks said "
        "both sides had agreed to hold the next round in Kabul on May 30.",
    )
    assert _by(ev, "talks") == [("Islamabad", "2024-05-13"), ("Kabul", "2024-05-30")]


def test_the_fence_as_a_whole_does_not_take_the_crossing_in_context(chain):
    ev = _events(
        chain,
        "Officials said Torkham was open on Monday. A spokeswoman said the fence was being built "
        "on Pakistani soil to stop smugglers.",
    )
    assert not _by(ev, "fortification")


def test_a_repair_interrupted_by_the_attack_told_in_its_sentence_is_at_the_attack(chain):
    ev = _events(
        chain,
        "Militants attacked a post in the Datta Khel area on Monday, killing two soldiers. Reinforcements were sent. "
        "Officers toured the area on Tuesday. A party of soldiers was repairing a stretch of the fence "
        "when the post came under fire.",
    )
    assert [loc for loc, _ in _by(ev, "fortification")] == ["Datta Khel"]


@pytest.mark.parametrize(
    "text, subs",
    [
        ("The crossing, which had been opened on Monday for pedestrians, stayed busy.", ["reopening"]),
        ("The gate at Torkham, which was opened on Sunday, saw long queues.", ["reopening"]),
        # when a crossing was built is no reopening
        ("The Ghulam Khan crossing, which was opened in 2005, handles timber and fruit.", []),
    ],
)
def test_a_crossing_opened_in_a_relative_clause_is_a_reopening(chain, text, subs):
    assert [e.sub_event_type for e in _events(chain, text) if e.event_type == "border_closure"] == subs


# -- works told as the cause of a closure or a clash (news_dev8 round) ----------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "In May the Kharlachi crossing was closed after Afghan police objected to fence poles being set up "
            "near Dand-e-Patan.",
            "Dand-e-Patan District",
        ),
        (
            "In March Badini was closed for a week after Afghan forces objected to a Pakistani checkpost being "
            "built close to the zero point at Badini.",
            "Badini",
        ),
        ("Fighting broke out at Torkham in mid-June over a gate Pakistan was building on its side.", "Torkham"),
        ("Pakistani troops put up the wire again on Monday night near Shkin.", "Shkin"),
    ],
)
def test_a_work_told_as_the_cause_or_with_its_object_first_is_a_work(chain, text, place):
    assert [loc for loc, _ in _by(_events(chain, text), "fortification")] == [place]


@pytest.mark.parametrize(
    "text",
    [
        "Afghan officials said they objected to plans for a fence near Dand-e-Patan.",
        "Officials want the wire to be put up near Shkin next year.",
    ],
)
def test_a_planned_or_wished_work_is_none(chain, text):
    assert _by(_events(chain, text), "fortification") == []


# -- a documents rule put in force at a crossing --------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Travellers through Kharlachi must now show a valid passport and visa, under a rule enforced from "
            "Wednesday.",
            [("Kharlachi", "2024-05-15")],
        ),
        ("The passport rule took effect at Chaman on Monday.", [("Chaman", "2024-05-13")]),
        (
            "Hundreds were turned back at Torkham on Monday, the first day of the new border regime.",
            [("Torkham", "2024-05-13")],
        ),
    ],
)
def test_a_documents_rule_put_in_force_at_a_crossing_is_a_closure(chain, text, expected):
    assert _by(_events(chain, text), "border_closure") == expected


@pytest.mark.parametrize(
    "text",
    [
        "The ceasefire took effect on Monday.",
        "The new trade rules will take effect at Torkham next month.",
    ],
)
def test_a_truce_or_rules_to_come_are_no_closure(chain, text):
    assert _by(_events(chain, text), "border_closure") == []


def test_trade_through_a_crossing_resumed_after_an_aside_is_a_reopening(chain):
    ev = _events(
        chain,
        "Trade through the Ghulam Khan crossing, the main road link between Khost province and North "
        "Waziristan, resumed on Monday after the authorities lifted a ban.",
    )
    assert [e.sub_event_type for e in ev if e.event_type == "border_closure"] == ["reopening"]


def test_trade_through_a_crossing_suspended_after_an_aside_is_no_reopening(chain):
    ev = _events(
        chain,
        "Trade through the Ghulam Khan crossing, which links Khost and North Waziristan, was suspended on Monday.",
    )
    assert [e.sub_event_type for e in ev if e.event_type == "border_closure"] == ["closure"]


@pytest.mark.parametrize(
    "text",
    [
        "Officials say fencing work in Mohmand is to begin in the coming months.",
        "Fencing work in Mohmand will start next year, officials said.",
    ],
)
def test_a_work_to_come_is_no_work(chain, text):
    assert _by(_events(chain, text), "fortification") == []


def test_a_work_begun_is_a_work(chain):
    ev = _events(chain, "Fencing work in Mohmand began on Monday.")
    assert _by(ev, "fortification") == [("Mohmand District", "2024-05-13")]


# -- guns or aircraft (round 8: general wording, not a dev article's) -------------


@pytest.mark.parametrize(
    "text",
    [
        "Pakistani troops pounded Taliban positions near Dangam with artillery on Monday.",
        "Afghan forces said Pakistani troops struck targets in Dangam with heavy artillery on Monday.",
        "Artillery strikes hit several villages in the Dangam district on Monday.",
        "Pakistani forces carried out retaliatory strikes near Dangam with tanks and mortars on Monday.",
        "Rocket fire from across the line wounded three people in Dangam on Monday.",
        "Pakistani artillery pounded villages in the Dangam district on Monday.",
    ],
)
def test_strikes_made_with_guns_are_shelling_not_air_strikes(chain, text):
    ev = _events(chain, text)
    assert [loc for loc, _ in _by(ev, "explosion")] == ["Dangam District"]
    assert not _by(ev, "airstrike")


@pytest.mark.parametrize(
    "text",
    [
        "Afghan officials said Pakistani aircraft had dropped bombs on a house in Barmal on Monday.",
        "Pakistani retaliatory strikes hit Barmal on Monday, and residents said jets flew over for hours.",
        "Strikes by Pakistani drones hit Barmal on Monday, though artillery was also heard.",
    ],
)
def test_strikes_with_aircraft_named_stay_air_strikes(chain, text):
    ev = _events(chain, text)
    assert [loc for loc, _ in _by(ev, "airstrike")] == ["Barmal District"]
    assert not _by(ev, "explosion")


def test_aircraft_dropping_leaflets_is_no_strike(chain):
    ev = _events(chain, "Pakistani aircraft dropped leaflets over Barmal on Monday urging residents to leave.")
    assert not _by(ev, "airstrike")


def test_posts_hit_with_artillery_stay_an_attack_on_them(chain):
    ev = _events(chain, "Afghan forces targeted Pakistani posts near Kharlachi with mortars on Monday.")
    assert [loc for loc, _ in _by(ev, "armed_clash")] == ["Kharlachi"]
    assert not _by(ev, "explosion")


# -- clash or shelling: guns fired both ways, or at posts (round 8) ---------------


@pytest.mark.parametrize(
    "text",
    [
        "Pakistani and Afghan troops traded artillery fire across the line near Kharlachi on Monday.",
        "Heavy exchanges of mortar fire were reported near Kharlachi on Monday.",
        "Afghan fighters fired rockets at two Pakistani border posts near Kharlachi on Monday.",
        "Militants fired rocket-propelled grenades at a checkpost near Kharlachi on Monday, killing a soldier.",
        "Taliban guards fired mortars towards a Pakistani post near Kharlachi on Monday.",
    ],
)
def test_guns_fired_both_ways_or_at_posts_are_a_clash(chain, text):
    ev = _events(chain, text)
    assert [loc for loc, _ in _by(ev, "armed_clash")] == ["Kharlachi"]
    assert not _by(ev, "explosion")


@pytest.mark.parametrize(
    "text",
    [
        "Rockets fired from across the line landed in a village near Kharlachi on Monday.",
        "Pakistani troops answered with artillery fire on launch positions near Kharlachi on Monday.",
        "A hand grenade thrown into a shop near Kharlachi exploded on Monday, wounding four.",
    ],
)
def test_shells_on_villages_or_launch_positions_and_grenades_stay_explosions(chain, text):
    ev = _events(chain, text)
    assert [loc for loc, _ in _by(ev, "explosion")] == ["Kharlachi"]
    assert not _by(ev, "armed_clash")


@pytest.mark.parametrize(
    "text",
    [
        "Everyone talks of reopening Torkham, but the lorries have not moved.",
        "He only talks about the closure of Torkham, traders in Landi Kotal complain.",
    ],
)
def test_speaking_of_a_reopening_or_a_closure_is_neither(chain, text):
    assert _events(chain, text) == []


def test_officials_who_held_talks_hold_talks(chain):
    ev = _events(chain, "Officials of both sides, who held talks at Torkham on Monday, agreed on new hours.")
    assert [loc for loc, _ in _by(ev, "talks")] == ["Torkham"]


# -- trade: queues and people waiting (round 8) -----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The queue of lorries at Torkham stretched for more than twelve kilometres on Monday.",
        "A tailback of container carriers near Torkham grew through Monday, drivers said.",
        "Hundreds of travellers were waiting at Torkham on Monday for the gate to open.",
        "Families with children had been camped outside the Torkham terminal since Monday.",
    ],
)
def test_queues_that_stretch_and_people_waiting_are_trade_disruption(chain, text):
    assert [loc for loc, _ in _by(_events(chain, text), "trade_disruption")] == ["Torkham"]


@pytest.mark.parametrize(
    "text",
    [
        # people who had waited and now cross are no longer held up
        "Among the first through Torkham on Monday were families who had been stuck in Landi Kotal since spring.",
        # a queue that would grow is none yet
        "Drivers at Torkham said the queue would stretch for kilometres if the gate stayed shut.",
        # a toll of losses claimed in general is no incident (the gold sets do not code it)
        "Traders at Torkham say they have lost millions of rupees over the past year.",
    ],
)
def test_people_no_longer_waiting_queues_to_come_and_claimed_losses_are_no_disruption(chain, text):
    assert _by(_events(chain, text), "trade_disruption") == []


# -- an air strike named again from the ground (round 8) --------------------------


@pytest.mark.parametrize(
    "follow",
    [
        "Residents said the bombardment lasted nearly an hour.",
        "Villagers said the bombing destroyed a mosque in Barmal.",
        "Elders said the explosions in Barmal woke the whole valley.",
    ],
)
def test_a_bombardment_told_after_an_air_strike_is_that_strike(chain, follow):
    ev = _events(chain, "Pakistani jets struck villages in the Barmal district late on Monday. " + follow)
    assert [loc for loc, _ in _by(ev, "airstrike")] == ["Barmal District"]
    assert not _by(ev, "explosion")


def test_a_blast_elsewhere_after_an_air_strike_stays_a_blast(chain):
    ev = _events(
        chain,
        "Pakistani jets struck villages in the Barmal district late on Monday. The strikes were condemned in "
        "Kabul. The talks went on. Officials said. On Tuesday a roadside bomb exploded in Chaman, wounding two.",
    )
    assert [loc for loc, _ in _by(ev, "explosion")] == ["Chaman"]


def test_mortars_told_with_gunfire_are_fighting_not_shelling(chain):
    ev = _events(chain, "Gunfire and mortar rounds from the Afghan side struck villages in Kurram on Monday.")
    assert _by(ev, "explosion") == []
    assert [loc for loc, _ in _by(ev, "armed_clash")] == ["Kurram District"]


def test_mortars_alone_are_still_shelling(chain):
    ev = _events(chain, "Mortar rounds from the Afghan side struck villages in Kurram on Monday.")
    assert [loc for loc, _ in _by(ev, "explosion")] == ["Kurram District"]
    assert _by(ev, "armed_clash") == []


def test_gunfire_told_apart_from_later_mortars_leaves_the_shelling(chain):
    ev = _events(chain, "Gunfire was heard at dawn, and hours later mortar rounds struck villages in Kurram on Monday.")
    assert [loc for loc, _ in _by(ev, "explosion")] == ["Kurram District"]
