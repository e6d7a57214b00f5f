"""Incidents mentioned, not reported: a trigger that only refers to an
incident told before.

Long news names an incident many times after reporting it: "areas
affected by the fighting", "declined to comment on the shelling", "the
bombers had been directed from abroad". Such a mention, with a definite
article and no day of its own in its clause, adds to the incident of its
type already told (it is made weak) rather than becoming a new draft at
whatever place its sentence names. So does what someone had done, told to
say who they are ("militants who had attacked a base in Khost"): with no
incident of its type told before, it is no draft. And so does a military
campaign whose start only times another event ("shut when the army began
its operation in North Waziristan") or that is named as a whole ("the
success of the offensive").
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..dates import DateMention
from ..types import Trigger
from .clauses import _clause_of
from .state import ArticleState


def referred_only(
    sentence: str, triggers: list[Trigger], spans: list[tuple[int, int]], dates: list[DateMention], ctx: ArticleState
) -> list[Trigger]:
    """``triggers`` with those that only refer back made weak.

    A trigger refers back when its clause gives no date of its own and it
    is definite and the object of a preposition ("by the fighting", "over
    these closures") with an incident of its type already told in the
    article (a campaign, "the success of the offensive", with none told
    too), or it is told in a past perfect relative clause ("who had
    attacked"). A campaign whose start only times another event ("when the
    army began its operation", :func:`_campaign_landmark`) is made weak
    whatever its clause tells.

    Parameters
    ----------
    sentence : str
    triggers : list of Trigger
        The sentence's triggers.
    spans : list of (int, int)
        Its clauses (:func:`.clauses.clauses`).
    dates : list of DateMention
        Its dates that are no statement's.
    ctx : ArticleState
        What the sentences before told.

    Returns
    -------
    list of Trigger
    """
    out = []
    for t in triggers:
        if t.weak:
            pass
        elif t.event_type == "armed_clash" and _campaign_landmark(sentence, t):
            t = replace(t, weak=True)  # its day, if told, is the landmark's
        elif (
            t.anaphoric
            and (t.event_type in ctx.by_type or sentence[t.start : t.end].lower().endswith(_CAMPAIGNS))
            and _PREPOSITION_BEFORE.search(sentence, max(0, t.start - 40), t.start)
        ) or _WHO_BEFORE.search(sentence, max(0, t.start - 30), t.start):
            clause = _clause_of(spans, t.start)
            if not any(_clause_of(spans, d.start) == clause for d in dates):
                t = replace(t, weak=True)
        out.append(t)
    return out


#: The object of a preposition right before the trigger's definite article:
#: "affected by the fighting", "comment on the shelling", "during the
#: siege" (not "The fighting began near Batwar": a subject tells more of it).
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:by|on|about|over|during|amid|for|from|against|with|of|to|into|since|despite|behind)\s+"
    r"(?:the|this|that|these|those|its|their)\s+(?:[\w-]+\s+)?$",
    re.I,
)

#: A relative clause in the past perfect that tells who someone is by what
#: they had done before: "a group of militants who had attacked a coalition
#: base" (not what they were doing then, "militants who were trying to
#: cross"; nor with a day of its own, "who had stormed the post on Monday";
#: nor what someone has, "a driver who had two trucks parked there"); also
#: "a band that had attacked", "a post which had been shelled".
_WHO_BEFORE = re.compile(
    r"\b(?:who|which|that)\s+had\s+(?:(?:\w+ly|also|just|earlier|then|once|already)\s+)?(?:been\s+)?$", re.I
)


#: Words of a campaign: "the success of the offensive", "wait out the
#: operation" name the campaign, not one of its incidents, even when none
#: of them is told before.
_CAMPAIGNS = ("offensive", "operation", "operations")

#: A campaign's start told to time something else: "when the army began its
#: operation against militants", "as army opens offensive", "after the army
#: launched its offensive in Bajaur" (the trigger right after) ...
_LAUNCHED_BEFORE = re.compile(
    r"\b(?:when|as|after|since|before|until)\s+(?:[\w'’-]+\s+){0,4}?"
    r"(?:began|begun|begins|launched|launches|opened|opens|started|starts|announced|announces)\s+"
    r"(?:(?:its|their|the|an?|a\s+new)\s+)?(?:[\w'’-]+\s+){0,3}$",
    re.I,
)
#: ... "since the operation began", "when the operation was announced" (the
#: verb right after it).
_LAUNCHED_AFTER = re.compile(
    r"\s+(?:against\s+(?:[\w'’-]+\s+){1,3}?)?(?:was\s+|had\s+|has\s+)?(?:been\s+)?"
    r"(?:began|begun|launched|opened|started|announced)\b",
    re.I,
)
_TIME_BEFORE = re.compile(r"\b(?:when|as|after|since|before|until)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}$", re.I)


def _campaign_landmark(sentence: str, t: Trigger) -> bool:
    """Is ``t`` a military operation or offensive whose start only times
    another event ("sealed when the army began its operation in North
    Waziristan")? Its start is a campaign's, not an incident with a place
    and day; the fighting of the campaign is told in words of its own."""
    word = sentence[t.start : t.end].lower()
    if not word.endswith(("operation", "operations", "offensive", "against")):
        return False
    before = sentence[max(0, t.start - 80) : t.start]
    if word.endswith("against"):  # "began its operation against": the verb is the trigger's own
        return bool(_TIME_BEFORE.search(before)) or bool(_LAUNCHED_BEFORE.search(before))
    return bool(_LAUNCHED_BEFORE.search(before)) or (
        bool(_TIME_BEFORE.search(before)) and _LAUNCHED_AFTER.match(sentence, t.end) is not None
    )
