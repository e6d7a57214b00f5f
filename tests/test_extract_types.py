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
        ("Heavy clashes erupted overnight.", [("armed_clash", "border_fighting")]),
        ("The crossing was shut on Sunday.", [("border_closure", "closure")]),
        ("The crossing reopened on Monday.", [("border_closure", "reopening")]),
        ("Thousands of trucks were stranded.", [("trade_disruption", "stranded_trucks")]),
        ("A ceasefire took effect.", [("talks", "ceasefire")]),
        ("The talks were mediated by Qatar.", [("talks", "negotiation"), ("talks", "mediation")]),
        ("The minister visited Kabul.", [("talks", "visit")]),
        ("An earlier round in Istanbul ended without a deal.", [("talks", "negotiation")]),
        ("Troops were building new border outposts.", [("fortification", "outpost_construction")]),
        ("Workers were fencing the frontier.", [("fortification", "fence_construction")]),
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
    ],
)
def test_no_event(sentence):
    assert _types(sentence) == []


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

    from geomap.extract.types import _breaks

    single = re.compile(r"[;:—–]|,\s+(?:but|while|whereas|although|though|and\s+(?:the|a|an))\b|\bbut\b")
    assert set(_breaks(sentence)) == {m.end() for m in single.finditer(sentence)}


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
    ],
)
def test_talks_that_did_not_happen_or_are_a_state(sentence):
    assert not [t for t in find_triggers(sentence) if t.event_type == "talks" and not t.weak]


@pytest.mark.parametrize(
    "sentence",
    [
        "Negotiators met in Doha on Monday and made some progress, officials said.",
        "The minister accepted an invitation to visit Kabul next week.",
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
    assert ("airstrike", "airstrike") in _types(sentence)


@pytest.mark.parametrize(
    "sentence, etype",
    [
        ("Elders from the Zaimusht and Orakzai tribes met in Hangu and agreed to end the feud.", "talks"),
        ("The donors suspended aid to the provincial government last year.", "border_closure"),
        ("Shooting incidents of recent years have soured ties between the border guards.", "armed_clash"),
    ],
)
def test_tribal_jirgas_aid_and_recent_years_are_no_incident(sentence, etype):
    assert not [t for t in find_triggers(sentence) if t.event_type == etype and not t.weak]
