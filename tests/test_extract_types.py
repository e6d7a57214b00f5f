"""Event types and sub-types, negation, denial, irrealis, habits."""

from __future__ import annotations

import pytest

from geomap.extract.types import _find_triggers, find_triggers


def _types(sentence: str) -> list[tuple[str, str]]:
    out = []
    for t in find_triggers(sentence):
        if not t.weak and (t.event_type, t.sub_event_type) not in out:
            out.append((t.event_type, t.sub_event_type))
    return out


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Pakistani jets carried out air strikes in Khost.", [("airstrike", "airstrike")]),
        ("A drone strike hit a house.", [("airstrike", "drone_strike")]),
        ("A roadside bomb exploded near the post.", [("explosion", "explosion")]),
        ("Mortar shells landed in the village.", [("explosion", "shelling")]),
        ("A grenade attack on a checkpoint wounded three.", [("explosion", "grenade_attack")]),
        ("Guards exchanged fire at the crossing.", [("armed_clash", "exchange_of_fire")]),
        ("Militants attacked two border posts.", [("armed_clash", "attack")]),
        # a building stormed or raided is attacked, whatever it houses
        ("Gunmen stormed the cantonment before dawn.", [("armed_clash", "attack")]),
        ("Militants raided a girls' school near the town.", [("armed_clash", "attack")]),
        # one aircraft as well as many; artillery fired is shelling
        ("The strike hit a car on the road near the town.", [("airstrike", "airstrike")]),
        ("A drone fired two missiles at a house.", [("airstrike", "airstrike")]),
        ("A military jet struck a compound.", [("airstrike", "airstrike")]),
        ("Troops fired artillery into the valley.", [("explosion", "shelling")]),
        # drones that drop explosives; the words of security-force reports
        ("A quadcopter dropped a mortar shell on the police station.", [("airstrike", "drone_strike")]),
        ("Afghan forces resorted to unprovoked firing at the gate.", [("armed_clash", "exchange_of_fire")]),
        ("Troops killed nine militants in an intelligence-based operation.", [("armed_clash", "attack")]),
        ("Gunmen attacked a polio team in the village.", [("armed_clash", "attack")]),
        ("Unknown gunmen targeted a tribal elder outside his home.", [("armed_clash", "attack")]),
        ("Police called it a targeted killing.", [("armed_clash", "attack")]),
        # crossings fought off, warning shots, fire on patrols and positions
        ("Troops killed five men trying to cross the line at night.", [("armed_clash", "infiltration")]),
        ("The army said it foiled an infiltration bid near the fence.", [("armed_clash", "infiltration")]),
        ("Guards fired shots in the air to halt the work.", [("armed_clash", "warning_fire")]),
        ("Gunmen fired on a police patrol.", [("armed_clash", "attack")]),
        ("Fighters attacked army positions on the ridge.", [("armed_clash", "attack")]),
        # a wish in the main clause does not govern a clause of time after it
        ("Islamabad vowed to respond after gunmen attacked a post.", [("armed_clash", "attack")]),
        # sieges, hostage-taking and hijackings are armed attacks
        ("Troops ended the siege of the police compound at dawn.", [("armed_clash", "siege")]),
        ("Gunmen held twenty passengers hostage for a day.", [("armed_clash", "siege")]),
        ("Fighters hijacked a bus on the highway.", [("armed_clash", "siege")]),
        # an attempt that was made is an incident
        ("Two gunmen tried to storm the consulate at dawn.", [("armed_clash", "attack")]),
        ("Heavy clashes erupted overnight.", [("armed_clash", "border_fighting")]),
        ("The crossing was shut on Sunday.", [("border_closure", "closure")]),
        ("The crossing reopened on Monday.", [("border_closure", "reopening")]),
        # "opened" is said of a border as often as "reopened"
        ("Pakistan opened its side of the crossing on Monday.", [("border_closure", "reopening")]),
        ("The gate was opened to pedestrians at dawn.", [("border_closure", "reopening")]),
        ("Traders welcomed the opening of the border.", [("border_closure", "reopening")]),
        ("Trade resumed at the crossing on Friday.", [("border_closure", "reopening")]),
        ("Pedestrian movement partly resumed after noon.", [("border_closure", "reopening")]),
        ("Guards opened fire on border posts.", [("armed_clash", "exchange_of_fire")]),
        ("Thousands of trucks were stranded.", [("trade_disruption", "stranded_trucks")]),
        # how reports say trucks are kept waiting
        ("Long rows of trucks lined the road to the gate.", [("trade_disruption", "stranded_trucks")]),
        ("About 200 lorries were held on the Afghan side.", [("trade_disruption", "stranded_trucks")]),
        ("Trucks carrying fruit were turned back at the gate.", [("trade_disruption", "stranded_trucks")]),
        ("Containers of transit cargo had been held at the port for weeks.", [("trade_disruption", "stranded_trucks")]),
        ("A ceasefire took effect.", [("talks", "ceasefire")]),
        ("The talks were mediated by Qatar.", [("talks", "negotiation"), ("talks", "mediation")]),
        ("The minister visited Kabul.", [("talks", "visit")]),
        ("An earlier round in Istanbul ended without a deal.", [("talks", "negotiation")]),
        ("Troops were building new border outposts.", [("fortification", "outpost_construction")]),
        ("Workers were fencing the frontier.", [("fortification", "fence_construction")]),
        # the words real reports use for disputed works on the line
        ("Soldiers were putting up a barbed-wire fence on the ridge.", [("fortification", "fence_construction")]),
        (
            "Guards tried to stop men repairing a stretch of the border fence.",
            [("fortification", "fence_construction")],
        ),
        ("Guards resumed work on a check post near the zero line.", [("fortification", "outpost_construction")]),
        ("Engineers began the construction of a gate at the crossing.", [("fortification", "gate_construction")]),
        ("They started building what officials called a bunker.", [("fortification", "outpost_construction")]),
        ("Engineers were digging a deep trench along the line.", [("fortification", "outpost_construction")]),
        ("Soldiers began building a checkpoint on the ridge.", [("fortification", "outpost_construction")]),
        ("Soldiers began fixing a steel gate in the fence.", [("fortification", "gate_construction")]),
        ("Two new gates are being built at the crossing.", [("fortification", "gate_construction")]),
        ("Crews were working on the fence near the pass.", [("fortification", "fence_construction")]),
        ("The army foiled an attempt by a band of gunmen to cross the line.", [("armed_clash", "infiltration")]),
    ],
)
def test_types(sentence, expected):
    assert _types(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Officials denied the crossing was shut.",
        "Officials denied that the crossing had been closed.",
        "The crossing was not closed.",
        "Failure to agree could lead to clashes.",
        "Traders urged both sides to reopen the crossing.",
        "Closures are common along the border.",
        "Each side has in the past closed the crossing.",
        "Islamabad accused the Taliban of firing on its posts.",
        # the second charge of one accusation is blamed too
        "Kabul blames Islamabad for harbouring fighters and for shelling hamlets in Kunar.",
        "The group wants to storm the consulate.",
        "Fighters raised their flag over the customs building and the gate.",
        "Traders said commerce was held hostage to politics.",
        "The trucks held by customs were released.",
        "The new road is under construction.",
        "A shutter-down strike hit business in the bazaar.",
        "The valley has seen repeated military operations over two decades.",
        # an operation under way told as the forces' state, no incident of a day
        "A commander said the army is busy in military operation close to the valley.",
        "The troops were busy with a security operation somewhere in the hills.",
        "A traders' strike hit business in the bazaar.",
        "Critics said he hijacked the debate.",
        "Work on the fence is now 90 percent complete.",
        "A newly built post near the pass was empty.",
        "The wall was meant to stop infiltration.",
        "Troops patrol the high-infiltration zones.",
        "Pakistan threatened to close the border after the attack.",
    ],
)
def test_no_event(sentence):
    assert _types(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Officials of both sides held several meetings on reopening the crossing.",
        "Consultations about closing the border went on for weeks.",
    ],
)
def test_a_crossing_that_meetings_are_about_is_their_topic_not_an_event(sentence):
    assert ("border_closure", "reopening") not in _types(sentence)
    assert ("border_closure", "closure") not in _types(sentence)


def test_fire_on_a_post_being_built_is_an_attack_and_a_work():
    assert _types("Gunmen fired on a post under construction near the fence.") == [
        ("armed_clash", "attack"),
        ("fortification", "outpost_construction"),
    ]


def test_a_meeting_expected_soon_without_a_date_is_not_talks():
    assert _types("A flag meeting of commanders was expected in the coming days.") == []


def test_a_round_of_shelling_is_not_talks():
    assert _types("A fresh round of shelling followed.") == [("explosion", "shelling")]


def test_upcoming_talks_are_kept_and_ended_rounds_marked():
    up = [t for t in find_triggers("Delegations will meet on Thursday in Doha.") if not t.weak]
    assert [t.event_type for t in up] == ["talks"] and not up[0].ended
    past = find_triggers("The previous round of negotiations ended without a deal.")
    assert past and all(t.ended for t in past if t.event_type == "talks")


def test_border_modifier():
    assert find_triggers("Border clashes erupted.")[0].border
    assert not find_triggers("Clashes erupted in Khost.")[0].border


SENTENCES = [
    "Pakistani and Afghan forces exchanged heavy fire across the border on Sunday, killing two.",
    "A suicide bomber blew himself up; the blast killed four and drone strikes followed.",
    "Trucks lined up for miles as the closure entered its third week and fruit was rotting.",
    "The delegations met, a truce was agreed and the crossing reopened to traffic.",
    "Workers erected watchtowers and built a fence while fighters attacked a checkpoint.",
    "Guards fired on a post under construction and pulled up coils of barbed wire near the new gate.",
    "Troops resumed work on the structure, which was under construction, and began digging a trench.",
    "Shelling, skirmishes, firefights, ambushes and an air raid were reported overnight.",
    "Nothing happened here at all.",
]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_stem_prefilter_changes_nothing(sentence):
    assert _find_triggers(sentence, prefilter=True) == _find_triggers(sentence, prefilter=False)


@pytest.mark.parametrize("text", ["", "closed" * 300, "not not not", "\x00", "—;:—"])
def test_odd_text_never_raises(text):
    find_triggers(text)


@pytest.mark.parametrize(
    "sentence",
    [
        "Talks resumed; officials said: the crossing, but not the road, reopened — traders waited.",
        "Fighting broke out, and the crossing was shut, while trucks waited, but buses moved.",
        "Clashes erupted, although the talks, whereas the truce held; but, then, nothing.",
        "No punctuation here at all",
    ],
)
def test_clause_breaks_match_the_single_pattern(sentence):
    import re

    from geomap.extract.triggers.windows import _breaks

    single = re.compile(r"[;:—–]|,\s+(?:but|while|whereas|although|though|and\s+(?:the|a|an))\b|\bbut\b")
    assert set(_breaks(sentence)) == {m.end() for m in single.finditer(sentence)}


# -- fortification: works on the line, put up, pulled down, halted ---------------


@pytest.mark.parametrize(
    "sentence, sub",
    [
        ("Border guards tried to put up a stretch of fence on the ridge.", "fence_construction"),
        ("Villagers pulled down a section of the border fence overnight.", "fence_construction"),
        ("Fighters seized spools of barbed wire left by the soldiers.", "fence_construction"),
        ("Soldiers were repairing a damaged part of the fence when they were hit.", "fence_construction"),
        ("Engineers resumed work on a new check post near the gate.", "outpost_construction"),
        ("The post was being built on ground both sides claim.", "outpost_construction"),
        ("Soldiers began digging trenches near the crossing.", "outpost_construction"),
        ("Troops began to build a bunker on the hill.", "outpost_construction"),
        ("Guards stopped the construction of what locals said was a new checkpoint.", "outpost_construction"),
        ("The row began over the construction of a gate at the crossing.", "gate_construction"),
        # halting a work presupposes it
        ("Guards were asked to stop building the check-post.", "outpost_construction"),
        ("Both sides agreed to halt work on the disputed post.", "outpost_construction"),
        ("Troops were digging a trench along the fence.", "outpost_construction"),
        ("Crews are completing several forts in the valley.", "outpost_construction"),
        ("Guards fired on a post under construction.", "outpost_construction"),
        ("New gates were also being built at the crossing.", "gate_construction"),
        ("Troops began fixing a steel gate in the fence.", "gate_construction"),
        ("The row started over the installation of a new gate.", "gate_construction"),
        ("Militants fired on soldiers working on the fence.", "fence_construction"),
        ("The army has stepped up work on the fence this winter.", "fence_construction"),
    ],
)
def test_fortification_works(sentence, sub):
    assert ("fortification", sub) in _types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # the attack on a post built earlier, not its building
        "A newly built post came under fire from the hills.",
        # police checkpoints in a city are no border work
        "Police set up checkpoints across the city after the bombing.",
        # shelling that hits a wall
        "Shells damaged the walls of a school.",
        # a wish, not a work
        "Kabul wants Pakistan to stop fencing the frontier.",
        # the state of the project, not a work
        "Work on the fence is 85 percent complete, officials said.",
        "The new road to the crossing is under construction.",
        # "building" the noun, then another noun: no work
        "Shells hit the customs building and the border posts.",
    ],
)
def test_no_fortification(sentence):
    assert not [t for t in _types(sentence) if t[0] == "fortification"]


@pytest.mark.parametrize(
    "sentence, sub",
    [
        ("A drone struck an empty compound near the village.", "drone_strike"),
        ("Officials said a drone had hit a car on the main road.", "drone_strike"),
        ("A jet hit a house on the edge of the town.", "airstrike"),
        ("A helicopter gunship fired on the hideout.", "airstrike"),
    ],
)
def test_one_aircraft_or_drone_is_an_air_strike(sentence, sub):
    assert _types(sentence)[0] == ("airstrike", sub)
    assert "armed_clash" not in {t for t, _ in _types(sentence)}


_STRANDED = ("trade_disruption", "stranded_trucks")


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("About 300 lorries were held up on both sides on Monday.", _STRANDED),
        ("Fruit trucks were turned back because their loads had started to rot.", _STRANDED),
        ("Hundreds of trucks lined the highway to the gate.", _STRANDED),
        ("The closure caused a build-up of loaded vehicles near the terminal.", _STRANDED),
        # the weak word "trucks" no longer hides the stranding before it
        ("The gate stayed shut, stranding scores of trucks on the road.", ("trade_disruption", "stranded_travellers")),
        ("Trade resumed through the crossing on Wednesday.", ("border_closure", "reopening")),
        ("Foot traffic partly resumed on Tuesday.", ("border_closure", "reopening")),
    ],
)
def test_trucks_held_and_trade_resumed(sentence, expected):
    assert expected in _types(sentence)


def test_talks_resumed_is_no_reopening():
    assert ("border_closure", "reopening") not in _types("Talks resumed in Doha on Monday.")


@pytest.mark.parametrize(
    "sentence",
    [
        # an inspection of one's own troops is no talks between the sides
        "The army chief said during a visit to a forward post last week that the line was calm.",
        "The corps commander visited border troops in the valley.",
        # goods that could spoil are no disruption until they are held up
        "Traders asked officials for a separate lane for perishable goods.",
    ],
)
def test_inspections_and_perishable_goods_are_no_event(sentence):
    assert _types(sentence) == []


def test_a_visit_to_a_capital_stays_talks():
    assert ("talks", "visit") in _types("The foreign minister's visit to Kabul ended on Monday.")


@pytest.mark.parametrize(
    "sentence, sub",
    [
        ("Militants fired on a patrol near the village.", "attack"),
        ("Gunmen fired from across the border on a fencing party.", "attack"),
        ("Attackers fired from the Afghan side at soldiers on the ridge.", "attack"),
        ("Guards fired in the air to halt the work.", "warning_fire"),
    ],
)
def test_fire_aimed_at_troops_or_warning_shots_are_a_clash(sentence, sub):
    assert ("armed_clash", sub) in _types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Weeks earlier Washington suspended military assistance to Islamabad.",
        "Work on the new terminal building was suspended for lack of funds.",
    ],
)
def test_suspended_aid_or_work_is_no_closure(sentence):
    assert ("border_closure", "closure") not in _types(sentence)


def test_suspended_traffic_is_a_closure():
    assert ("border_closure", "closure") in _types("Traffic through the crossing was suspended on Monday.")


@pytest.mark.parametrize(
    "sentence",
    [
        # the state of a process, not a meeting
        "Negotiations over the water dispute have made scant headway since March.",
        "Talks on the water dispute have stalled since the spring.",
        "The mediation effort has stalled since the spring.",
        "The dialogue remains deadlocked over the question of the prisoners.",
        # a visit refused is none
        "The prime minister declined an invitation to visit Kabul this month.",
        "He turned down a request to meet the envoy.",
        # on the way to a meeting: the meeting is the victims' errand
        "The bus was hit while the elders were on their way to meet the governor.",
        # leisure travel: holidaymakers are no delegation
        "Hotels fill up with tourists who visit the lakes of the valley each June.",
        "Fewer trekkers visited the district this autumn, guides complained.",
        # the border by its name is the border: an inspection, not talks
        "The army chief, visiting the Durand Line near Zhob, praised the troops.",
    ],
)
def test_talks_that_did_not_happen_or_are_a_state(sentence):
    assert not [t for t in find_triggers(sentence) if t.event_type == "talks" and not t.weak]


@pytest.mark.parametrize(
    "sentence",
    [
        "Negotiators met in Doha on Monday and made some progress, officials said.",
        "The minister accepted an invitation to visit Kabul next week.",
        # a minister who meets tourists still visits on duty
        "The interior minister, touring the valley where tourists gather, visited Kabul on Monday for talks.",
    ],
)
def test_talks_that_happened_or_are_planned_stay(sentence):
    assert [t for t in find_triggers(sentence) if t.event_type == "talks" and not t.weak]


@pytest.mark.parametrize(
    "sentence",
    [
        "The ministry rejects reports that the gate was sealed.",
        "Officials dismissed reports that the gate had been shut.",
        "The ministry refutes claims that the border was sealed.",
    ],
)
def test_a_closure_whose_report_is_rejected_is_none(sentence):
    assert not [t for t in find_triggers(sentence) if t.event_type == "border_closure"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The corps commander paid a visit to a forward post near Zhob on Tuesday.",
        "The governor visited the border crossing on Monday to inspect new scanners.",
    ],
)
def test_a_visit_to_a_post_or_the_border_is_no_talks(sentence):
    assert not [t for t in find_triggers(sentence) if t.event_type == "talks"]


@pytest.mark.parametrize("sentence", ["A drone struck a house late on Sunday.", "A jet bombed the compound."])
def test_one_drone_or_jet_striking_is_an_air_strike(sentence):
    # (a drone's strike has the sub-type drone_strike, as in the gold)
    assert "airstrike" in {t for t, _ in _types(sentence)}


@pytest.mark.parametrize(
    "sentence, etype",
    [
        ("Elders from the Zaimusht and Orakzai tribes met in Hangu and agreed to end the feud.", "talks"),
        ("The donors suspended aid to the provincial government last year.", "border_closure"),
        ("Shooting incidents of recent years have soured ties between the border guards.", "armed_clash"),
        # spans of a season or of months, no day in them
        ("Militia fighters lobbed mortar shells into the two valleys over the summer, elders said.", "explosion"),
        ("The old mule track was shut for long periods while the army hunted insurgents.", "border_closure"),
        ("Both gates have been closed to lorries for most of the past seven months.", "border_closure"),
        ("The ambush was the bloodiest in a series of raids on the levies this year.", "armed_clash"),
        ("Drivers at the depot still talk about previous attacks on fuel tankers near the pass.", "armed_clash"),
        ("The valley's earlier experience of cross-border raids keeps trekkers away.", "armed_clash"),
        ("After a wave of blasts across the country, the government shut both gates in March.", "explosion"),
        # a tally by cause sums many incidents and tells none
        ("Most of the civilian deaths were caused by mortar fire on homes in three provinces.", "explosion"),
        ("Half of the victims were due to drone strikes in Khost and Paktika, the report found.", "airstrike"),
    ],
)
def test_tribal_jirgas_aid_and_spans_over_months_or_years_are_no_incident(sentence, etype):
    assert not [t for t in find_triggers(sentence) if t.event_type == etype and not t.weak]


@pytest.mark.parametrize(
    "sentence, etype",
    [
        # a weekend, a day, a week: an incident still
        ("Militia fighters lobbed mortar shells into the valley over the weekend.", "explosion"),
        ("The gate was closed for most of the day on Monday.", "border_closure"),
        ("Insurgents raided a levies post near the gate on Friday, in a summer of attacks.", "armed_clash"),
        # one earlier incident, told with its day, is still an incident
        ("An earlier attack on the same post on Tuesday killed two guards.", "armed_clash"),
        # a country's crossings are a closure still, and one blast in a town an incident
        ("After a wave of blasts across the country, the government shut both gates in March.", "border_closure"),
        ("A blast tore through a market in Landi Kotal, the worst in the country this year.", "explosion"),
        ("Mortar fire hit homes in Khost on Monday, and most of the victims were children.", "explosion"),
    ],
)
def test_short_spans_still_are_incidents(sentence, etype):
    assert [t for t in find_triggers(sentence) if t.event_type == etype and not t.weak]


def test_clause_breaks_match_every_scan(dev_sentences):
    # _breaks skips a scan when its characters or words are absent.
    from geomap.extract.triggers.windows import _CLAUSE_BREAKS, _breaks

    for s in dev_sentences:
        plain = [m.end() for p in _CLAUSE_BREAKS for m in p.finditer(s)]
        assert sorted(_breaks(s)) == sorted(plain), s


def test_denial_words_read_from_the_scan(dev_sentences):
    from geomap.extract.scanned import ScannedSentence
    from geomap.extract.triggers.cues import _DENIAL_FILTER, _DENIAL_STEMS

    for s in dev_sentences:
        sent = ScannedSentence.of(s)
        expected = _DENIAL_STEMS.search(sent.low) is not None
        assert bool(_DENIAL_FILTER.present(sent.low, sent.scan)) == expected, s
        assert bool(_DENIAL_FILTER.present(sent.low)) == expected, s


# -- a topic governs the trigger: one "issue/matter/question of" rule ----------


@pytest.mark.parametrize(
    "sentence",
    [
        "At the flag meeting the commanders raised the issue of the shelling.",
        "The two sides remain split on questions of fencing along the border.",
        "Elders took up matters of cross-border firing with the commanders.",
        # quotes between the topic and the trigger (the anchored rule missed these)
        "The commanders took up matters of “unprovoked” firing at the meeting.",
        'The envoys raised the issue of "unprovoked" shelling on Monday.',
    ],
)
def test_a_topic_of_talks_is_no_incident(sentence):
    assert not [t for t in find_triggers(sentence) if t.event_type != "talks"], sentence


@pytest.mark.parametrize(
    "sentence",
    [
        # a comma ends the topic's phrase
        "With the issue of visas unsettled, Pakistani troops fired mortars across the border on Monday.",
        # a duration, not a topic (with or without a comma)
        "Within a matter of hours, militants attacked a second post on Monday.",
        "Within a matter of hours militants attacked a second post on Monday.",
        # the topic is told after the incident
        "Torkham was closed on Monday over the issue of travel documents.",
    ],
)
def test_an_incident_told_beside_a_topic_stays(sentence):
    assert [t for t in find_triggers(sentence) if t.event_type != "talks" and not t.weak], sentence


def test_shops_reopened_are_not_the_border_reopened():
    # what the verb reopens is a town's trade, not the crossing
    for town in (
        "Shopkeepers in the bazaar reopened their stalls on Thursday after three days of curfew.",
        "The district reopened most schools on Monday.",
    ):
        assert not [t for t in find_triggers(town) if t.sub_event_type == "reopening"], town
    # the crossing itself, its gates, or shops told after it still reopen
    for gate in (
        "Officials reopened the Ghulam Khan crossing on Thursday and shopkeepers opened their stalls.",
        "The crossing reopened its gates to lorries on Monday.",
        "Torkham reopened its doors to loaded trucks on Sunday.",
    ):
        assert [t for t in find_triggers(gate) if t.sub_event_type == "reopening"], gate


def test_and_of_without_an_accusation_is_still_an_incident():
    sentence = "Mortars hit the school, and of the wounded, two were guards, on Monday in Khost."
    assert "explosion" in {t.event_type for t in find_triggers(sentence)}


def test_a_dispute_settled_through_talks_is_talks():
    # settled, not wished settled: the round happened
    sentence = "The envoys, who wanted a deal before winter, settled the quarrel through talks in Doha on Monday."
    assert "talks" in {t.event_type for t in find_triggers(sentence) if not t.weak}


def test_a_truce_agreed_is_talks_and_one_broken_down_is_not():
    agreed = "Commanders agreed a ceasefire in Kurram on Sunday, elders said."
    ended = "The ceasefire broke down in Kurram on Sunday, elders said."
    assert "talks" in {t.event_type for t in find_triggers(agreed) if not t.weak}
    assert "talks" not in {t.event_type for t in find_triggers(ended) if not t.weak}


def test_a_meeting_told_is_talks_even_when_judged_useful():
    # the judgement follows the round told with its day, not the noun
    sentence = "Border commanders held a flag meeting at Torkham on Monday, which officials called useful."
    assert "talks" in {t.event_type for t in find_triggers(sentence) if not t.weak}


def test_a_word_named_is_no_incident():
    named = "Editors now drop the word shelling from headlines about the valley."
    told = "Elders quoted the words of the treaty, and shelling hit two villages in Khost on Monday."
    assert "explosion" not in {t.event_type for t in find_triggers(named)}
    assert "explosion" in {t.event_type for t in find_triggers(told) if not t.weak}


def test_a_town_subject_closing_is_not_the_border():
    town = "Bazaars in three hamlets along the frontier, most of them run by refugees, stayed shut on Friday."
    gate = "Bazaars in three hamlets along the frontier emptied once the border gate was shut on Friday."
    assert "border_closure" not in {t.event_type for t in find_triggers(town)}
    assert "border_closure" in {t.event_type for t in find_triggers(gate) if not t.weak}


def test_the_cue_words_read_once_are_the_words_each_check_looks_for(dev_sentences):
    # _find_triggers reads the words of trend(), forecast(), _report_denied()
    # and "over the years" with one pass (types._CUES) and skips a check
    # whose words are absent: the pass must say what each word test said.
    from geomap.extract.triggers.habits import _OVER_YEARS_STEMS
    from geomap.extract.triggers.mentions import _BASELESS_STEMS, _FORECAST_STEMS, _TREND_STEMS
    from geomap.extract.types import _CUE_BASELESS, _CUE_FORECAST, _CUE_TREND, _CUE_YEARS, _CUES

    groups = {
        _CUE_TREND: _TREND_STEMS,
        _CUE_FORECAST: _FORECAST_STEMS,
        _CUE_BASELESS: _BASELESS_STEMS,
        _CUE_YEARS: _OVER_YEARS_STEMS,
    }
    extra = ["Attacks ROSE by a third.", "Clashes are likely to recur in recent months.", "Reports were baseless."]
    for s in [*dev_sentences, *extra]:
        low = s.lower()
        present = _CUES.present(low)
        for i, words in groups.items():
            assert (i in present) == any(w in low for w in words), (i, s)


@pytest.mark.parametrize(
    "sentence",
    [
        "Cross-border attacks rose by 40 percent in 2025, officials said.",
        "Fresh clashes at Torkham are likely in the coming days.",
        "Officials called reports of shelling in Kunar baseless.",
        "Clashes have erupted along the border in recent years.",
        "Fighting broke out near Chaman on Monday and two soldiers were killed.",
    ],
)
def test_triggers_read_with_the_cue_pass_as_without_it(monkeypatch, sentence):
    # The same triggers when every cue check runs (a pass that finds every word).
    from geomap.extract import types

    class Every:
        def present(self, low):
            return {types._CUE_TREND, types._CUE_FORECAST, types._CUE_BASELESS, types._CUE_YEARS}

    fast = find_triggers(sentence)
    monkeypatch.setattr(types, "_CUES", Every())
    assert find_triggers(sentence) == fast


@pytest.mark.parametrize(
    "sentence",
    [
        # cross-border fire told by where it came from, as a noun
        "Fire from across the border wounded three guards at the post.",
        "Militant fire from the Afghan side killed a soldier near the gate.",
        "Gunfire from Afghan territory went on for an hour on Tuesday.",
    ],
)
def test_fire_from_across_the_line_is_a_clash(sentence):
    assert ("armed_clash", "exchange_of_fire") in _types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # fire with another origin is no cross-border incident
        "Fire from a kitchen stove destroyed the shop.",
        # posts that came under fire are attacked (the rule below keeps its sub-type)
        "Two posts came under fire from across the border.",
    ],
)
def test_fire_from_elsewhere_is_no_exchange(sentence):
    assert ("armed_clash", "exchange_of_fire") not in _types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The army said it had targeted terrorist camps near the line.",
        "Officials said troops struck militant camps overnight.",
        "Officials said the rockets targeted terrorist positions across the line.",
    ],
)
def test_camps_of_militants_targeted_are_no_attack_on_a_camp(sentence):
    assert ("armed_clash", "attack") not in _types(sentence)


@pytest.mark.parametrize(
    "sentence",
    ["Militants attacked a paramilitary camp near the town.", "Fighters targeted army positions near the pass."],
)
def test_a_camp_of_troops_attacked_is_an_attack(sentence):
    assert ("armed_clash", "attack") in _types(sentence)
