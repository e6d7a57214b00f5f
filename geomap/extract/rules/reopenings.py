"""Reopenings told in words the trigger rules cannot read alone: a
crossing "opened" by its name ("Pakistan opened Torkham and Chaman on
Monday"; the rules know no names) and a closure's subject that "resumed"
in the clause joined to it ("movement was suspended on Sunday ... and
resumed only partially on Tuesday")."""

from __future__ import annotations

import re

from ..places import Mention, PlaceFinder
from ..types import Trigger
from .referents import _is_crossing

#: "Pakistan opened Torkham and Chaman on Monday", "Kabul opens Chaman":
#: the verb right before a crossing's name (the trigger rules know no names).
_OPENED_BEFORE = re.compile(r"\b(?<!\bto\s)(?P<verb>opened|opens)\s+(?:the\s+)?$", re.I)
_UNREAL_BEFORE = re.compile(
    r"\b(?:not|never|would|will|could|might|may|should|must|refused|declined|plans?|agreed|wants?)\b[^,;]{0,12}$", re.I
)


def opened_crossings(
    sentence: str, mentions: list[Mention], triggers: list[Trigger], finder: PlaceFinder, headline: bool
) -> list[Trigger]:
    """A reopening trigger for "opened" right before a crossing's name
    ("Pakistan opened Torkham and Chaman on Monday"; the present "opens" in
    a headline only: in the body it is mostly a plan, "when Pakistan opens
    Torkham"), unless a reopening is read already or the opening is not
    real ("refused to open Torkham", "would have opened Chaman")."""
    if any(t.sub_event_type == "reopening" for t in triggers):
        return []
    for m in mentions:
        if m.role != "place" or m.place is None or not _is_crossing(m.place, finder):
            continue
        verb = _OPENED_BEFORE.search(sentence, max(0, m.start - 16), m.start)
        if verb is None or _UNREAL_BEFORE.search(sentence, max(0, verb.start() - 30), verb.start()):
            continue
        if not headline and verb.group("verb").lower() == "opens":
            continue
        return [Trigger("border_closure", "reopening", verb.start("verb"), verb.end("verb"))]
    return []


#: "was suspended on Sunday ... and resumed only partially on Tuesday": the
#: closure's subject resumes (not "resumed work", "resumed firing").
_AND_RESUMED = re.compile(
    r"\b(?:and|but|before)\s+(?:was\s+|were\s+|had\s+|has\s+|have\s+)?(?:only\s+|later\s+|then\s+|finally\s+)?"
    r"(?:partially\s+|partly\s+|gradually\s+|fully\s+)?(?P<verb>resumed|resuming|restored)\b"
    r"(?!\s+(?:work|fighting|firing|shelling|attacks|operations|talks|its|their|his|her)\b)",
    re.I,
)


def resumed_after_closure(sentence: str, triggers: list[Trigger]) -> list[Trigger]:
    """A reopening trigger for traffic or a crossing that "resumed" in the
    clause joined to its closure ("movement was suspended on Sunday after
    a scuffle and resumed only partially on Tuesday"): the closure's
    subject is what resumes. Only right after a closure, with no other
    incident's words between."""
    if any(t.sub_event_type == "reopening" for t in triggers):
        return []
    shut = [t for t in triggers if t.event_type == "border_closure" and not t.weak]
    if not shut:
        return []
    m = _AND_RESUMED.search(sentence, shut[0].end)
    if m is None or m.start() - shut[0].end > 120:
        return []
    if any(shut[0].end <= t.start < m.start() and t.event_type != "border_closure" and not t.weak for t in triggers):
        return []
    return [Trigger("border_closure", "reopening", m.start("verb"), m.end("verb"))]
