"""A trigger's type read again from its whole sentence.

Strikes told with guns and no aircraft are shelling, shelling traded is an
exchange of fire, guns fired at posts are an attack on them, guns told
with gunfire (before or after them) are fighting, a blast caused by
something that flies is an air strike, grenades an attack was made "with" are that
attack, and a bare bombardment after an air strike is that strike.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..types import Trigger

#: Guns that strike from the ground, and what strikes from the air.
_GUN_WORDS = ("artillery", "mortar", "rocket", "howitzer", "tank", "heavy guns", "heavy weapons", "shell")
_GUN = re.compile(r"\b(?:artillery|mortars?|rockets?|howitzers?|tanks?|heavy\s+(?:guns|weapons)|shells?)\b")
_AIR = re.compile(
    r"\b(?:air|aerial|aircraft|jets?|warplanes?|planes?|drones?|quadcopters?|helicopters?|gunships?|airstrikes?)\b"
)


def _ground_strike(sentence: str, low: str, t: Trigger) -> Trigger:
    """An air strike trigger that names no aircraft ("strikes", "retaliatory
    strikes", "carried out strikes") told with guns near it and no aircraft
    in the sentence ("artillery strikes hit villages", "carried out strikes on
    posts with artillery") is shelling: a strike is only from the air when
    something flies."""
    if t.event_type != "airstrike" or t.sub_event_type != "airstrike" or _AIR.search(low):
        return t
    if not _GUN.search(low, max(0, t.start - 40), min(len(low), t.end + 80)):
        return t
    return replace(t, event_type="explosion", sub_event_type="shelling")


#: "traded artillery fire", "heavy exchanges of mortar fire": guns fired
#: both ways (read right before the shelling trigger).
_EXCHANGE_BEFORE = re.compile(
    r"\b(?:exchang(?:ed|ing|e)|traded|trading|trade|exchanges?\s+of)\s+(?:(?:heavy|intense|sporadic|fierce)\s+)?"
    # (a weapon named first: "traded artillery and mortar fire")
    r"(?:(?:artillery|rocket|mortar|machine-gun|small-arms|gun)\s+and\s+)?$",
    re.I,
)


def _exchanged_shelling(sentence: str, t: Trigger) -> Trigger:
    """Shelling the two sides traded ("troops traded artillery fire
    across the border", "exchanges of mortar fire") is an exchange of fire,
    a clash (GOLD_FORMAT), not the one-way shelling of a place."""
    if t.sub_event_type != "shelling" or not _EXCHANGE_BEFORE.search(sentence, max(0, t.start - 40), t.start):
        return t
    return replace(t, event_type="armed_clash", sub_event_type="exchange_of_fire")


#: Guns fired at posts: "fired rockets at two border posts", "rocket-propelled
#: grenades fired on a checkpost" (read right after the shelling trigger).
_AT_POSTS_AFTER = re.compile(
    r"(?:\s+(?:from\s+)?(?:across\s+)?(?:the\s+)?[\w-]+(?:\s+(?:side|border|line|territory))?)?"
    r"\s+(?:at|on|upon|towards|against)\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?:posts?|outposts?|checkpoints?|checkposts?)\b",
    re.I,
)


def _fired_at_posts(sentence: str, t: Trigger) -> Trigger:
    """Rockets, mortars or grenades fired at posts are an attack on them, a
    clash (GOLD_FORMAT: attacks on border posts), as fire at posts is; not
    shells that land in villages, nor artillery on "launch positions"."""
    if t.sub_event_type not in ("shelling", "grenade_attack") or not _AT_POSTS_AFTER.match(sentence, t.end):
        return t
    # (fired: "a grenade attack on a checkpoint" is a bombing of it)
    told = sentence[max(0, t.start - 25) : t.end].lower()
    if not any(w in told for w in ("fire", "lob", "launch", "propelled")):
        return t
    return replace(t, event_type="armed_clash", sub_event_type="attack")


#: "gunfire and mortars", "firing and mortar rounds": small arms told with
#: the guns (read right before the shelling trigger).
_GUNFIRE_AND = re.compile(r"\b(?:gunfire|firing|small[\s-]arms\s+fire)\s+and\s+$", re.I)
#: ... or after them: "shelling and gunfire continued", "mortars and small-arms fire"
_AND_GUNFIRE = re.compile(r"\s+and\s+(?:heavy\s+|small[\s-]arms\s+)?(?:gunfire|small[\s-]arms\s+fire)\b", re.I)


def _with_gunfire(sentence: str, t: Trigger) -> Trigger:
    """Shelling told together with gunfire ("gunfire and mortar rounds
    struck villages") is fighting, a clash, not the one-way shelling of a
    place."""
    if t.sub_event_type != "shelling" or not (
        _GUNFIRE_AND.search(sentence, max(0, t.start - 30), t.start) or _AND_GUNFIRE.match(sentence, t.end)
    ):
        return t
    return replace(t, event_type="armed_clash", sub_event_type="border_fighting")


#: "with" and the weapons before the blast trigger: "opened fire on the post
#: with rifles and rocket-propelled grenades", "attacked the police station
#: with hand grenades" (no clause break between).
_WITH_WEAPONS = re.compile(r"\bwith\s+(?:[\w'’-]+\s+){0,5}?(?:and\s+)?(?:[\w'’-]+\s+)?$", re.I)


def _weapons_of_attack(sentence: str, triggers: list[Trigger]) -> list[Trigger]:
    """Grenades told as what an attack or fire was made "with" are that
    clash's weapons, one incident (GOLD_FORMAT: attacks on border posts are
    clashes), not a bombing of their own (an attack made with a bomb is a
    bombing: "attacked the compound with a car bomb")."""
    out = []
    for t in triggers:
        clash = next(
            (c for c in out if c.event_type == "armed_clash" and 0 <= t.start - c.end <= 80),
            None,
        )
        if (
            t.sub_event_type == "grenade_attack"
            and clash is not None
            and not any(ch in sentence[clash.end : t.start] for ch in ";.")
            and _WITH_WEAPONS.search(sentence, clash.end, t.start)
        ):
            t = replace(t, event_type="armed_clash", sub_event_type=clash.sub_event_type)
        out.append(t)
    return out


#: What flies named as the cause of a blast: "an explosion at a market was
#: caused by a drone", "the blast was blamed on Pakistani jets" (read right
#: after the blast trigger, in its clause).
_CAUSED_FROM_AIR = re.compile(
    r"[^,;.]{0,60}?\b(?:caused\s+by|carried\s+out\s+by|blamed\s+on|the\s+work\s+of)\s+(?:an?\s+|the\s+)?"
    r"(?:[\w'’-]+\s+){0,2}?(?:drones?|aircraft|jets?|warplanes?|planes?|helicopters?|gunships?|air\s+strikes?)\b",
    re.I,
)


def _blast_from_air(sentence: str, t: Trigger) -> Trigger:
    """A blast told as caused by a drone or aircraft is an air strike."""
    if t.event_type != "explosion" or not _CAUSED_FROM_AIR.match(sentence, t.end):
        return t
    return replace(
        t,
        event_type="airstrike",
        sub_event_type="drone_strike" if "drone" in sentence[t.end : t.end + 90].lower() else "airstrike",
    )


#: The bomb an attack was made with, right after the attack's trigger in its
#: clause: "attacked the cantonment with a vehicle bomb", "stormed the gate
#: with explosives".
_WITH_BOMB = re.compile(
    r"[^,;.]{0,40}?\bwith\s+(?:an?\s+|the\s+|two\s+|several\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:bombs?|explosives|IEDs?|explosive\s+devices?|explosive-laden\s+(?:[\w-]+))\b",
    re.I,
)


def _attack_with_bomb(sentence: str, t: Trigger) -> Trigger:
    """An attack told as made with a bomb is a bombing (GOLD_FORMAT: bombs
    not attributed to an air strike are explosions), not a clash."""
    if t.event_type != "armed_clash" or t.weak or not _WITH_BOMB.match(sentence, t.end):
        return t
    return replace(t, event_type="explosion", sub_event_type="bombing")


#: The guns a "firing" is of: "the firing of rockets", "firing of mortar
#: shells" (read right after the trigger), "rocket firing" (right before it).
_OF_GUNS_AFTER = re.compile(
    r"\s+of\s+(?:the\s+)?(?:\d+\s+|[\w-]+\s+)?(?:rockets|mortars|mortar\s+(?:shells|rounds)|shells|artillery|missiles)\b",
    re.I,
)
_GUNS_BEFORE = re.compile(r"\b(?:rocket|mortar|artillery|missile)\s+$", re.I)


def _guns_fired(sentence: str, t: Trigger) -> Trigger:
    """The firing of rockets or mortars ("the firing of rockets started on
    Monday", "mortar firing on the villages") is shelling, the guns'
    one-way fire on a place (as "rockets fired" is), not an exchange of
    fire."""
    if t.event_type != "armed_clash" or sentence[t.start : t.end].lower() not in ("firing", "fire"):
        return t
    if not (_OF_GUNS_AFTER.match(sentence, t.end) or _GUNS_BEFORE.search(sentence, max(0, t.start - 20), t.start)):
        return t
    return replace(t, event_type="explosion", sub_event_type="shelling")


#: The dead already counted, told with what killed them: "the victims died
#: in mortar fire", "the dead were hit by shells" (read right before the trigger).
_VICTIMS_DIED_IN = re.compile(
    r"\bthe\s+(?:victims|dead|deceased|casualties)\s+(?:had\s+|have\s+)?(?:all\s+)?"
    r"(?:died|were\s+killed|were\s+hit|were\s+struck|had\s+been\s+killed)\s+(?:in|by|from)\s+(?:the\s+)?$",
    re.I,
)


def _victims_cause(sentence: str, t: Trigger) -> Trigger:
    """The weapon named as what killed the victims already told ("15
    civilians were killed in the clashes. ... the victims died in mortar
    fire") is the cause of those deaths, not an incident of its own: the
    trigger only continues the incident told (weak, as a toll is)."""
    if t.weak or not _VICTIMS_DIED_IN.search(sentence, max(0, t.start - 50), t.start):
        return t
    return replace(t, event_type="armed_clash", sub_event_type="border_fighting", weak=True)


def retyped(sentence: str, low: str, triggers: list[Trigger]) -> list[Trigger]:
    """``triggers`` (in order) with the types their whole sentence shows.

    Parameters
    ----------
    sentence : str
    low : str
        ``sentence.lower()``.
    triggers : list of Trigger
        The triggers kept in ``sentence``, sorted by start.

    Returns
    -------
    list of Trigger
        The same triggers, in the same order, some of another type.
    """
    out = triggers
    if "strike" in low and any(w in low for w in _GUN_WORDS):
        out = [_ground_strike(sentence, low, t) for t in out]
    if any(t.sub_event_type == "shelling" for t in out) and ("exchang" in low or "trad" in low):
        out = [_exchanged_shelling(sentence, t) for t in out]
    if any(t.sub_event_type == "shelling" for t in out) and ("gunfire" in low or "firing" in low or "arms" in low):
        out = [_with_gunfire(sentence, t) for t in out]
    if "the " in low and any(w in low for w in ("victims", "dead", "deceased", "casualties")):
        out = [_victims_cause(sentence, t) for t in out]
    if "firing" in low and any(w in low for w in ("rocket", "mortar", "shell", "artillery", "missile")):
        out = [_guns_fired(sentence, t) for t in out]
    if "post" in low or "checkpoint" in low:
        out = [_fired_at_posts(sentence, t) for t in out]
    # (the words first: the aircraft's search, a scan of the sentence, only where one is)
    if ("caused" in low or "carried out" in low or "blamed" in low or "work of" in low) and _AIR.search(low):
        out = [_blast_from_air(sentence, t) for t in out]
    if "with" in low and len(out) > 1:
        out = _weapons_of_attack(sentence, out)
    if "with" in low and ("bomb" in low or "explosive" in low or "ied" in low):
        out = [_attack_with_bomb(sentence, t) for t in out]
    strike = next((t for t in out if t.event_type == "airstrike"), None)
    if strike is not None and "bombard" in low:
        # "gunships struck hideouts in Mamund, and residents reported heavy
        # bombardment": a bare bombardment after an air strike in its
        # sentence is that strike, felt on the ground
        out = [
            replace(t, event_type="airstrike", sub_event_type=strike.sub_event_type)
            if t.event_type == "explosion" and t.start > strike.start and low.startswith("bombard", t.start)
            else t
            for t in out
        ]
    return out
