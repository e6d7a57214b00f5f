"""Dates told relative to another incident of the text: "two days after
the bombing", "two days later", "since the fighting began", "since then",
"on the day the envoy was in Kabul", "that night"."""

from __future__ import annotations

import datetime as dt
import re

from ..dates import DAY_KINDS, DateMention, count_value
from ..gates import Gated
from ..types import Trigger
from .clauses import _COMMA_AFTER
from .state import ArticleState

#: "two days after the bombing", "a week before the talks", "less than two
#: months after the clashes" (a month wide).
_DAYS_FROM = re.compile(
    r"\b(?P<approx>(?:less|more)\s+than\s+|about\s+|nearly\s+|almost\s+)?"
    r"(?P<n>\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
    r"(?P<unit>day|week|month)s?\s+(?P<dir>after|before|later|earlier)\b",
    re.I,
)
_DAYS_FROM = Gated(_DAYS_FROM, "day", "week", "month")

#: Words that may come before a time phrase that opens a sentence ("Just two days after ...").
_OPENING = re.compile(r"\W*(?:(?:just|only|barely|some|about|nearly|almost|less\s+than|more\s+than)\s+)?$", re.I)

#: "shut since the fighting began", "since then": from the date of that incident.
_SINCE_EVENT = re.compile(r"\bsince\s+(?:then|(?:the|this|that|these|those)\s+)", re.I)

#: "came on the day the envoy was in Kabul": the other incident is on this one's day.
_ON_THE_DAY = re.compile(r"\b(?:came|comes|happened|took\s+place|occurred)\s+on\s+the\s+(?:same\s+)?day\b", re.I)

#: "earlier the same day", "that night": the day of the incident just told.
_SAME_DAY = re.compile(r"\b(?:the\s+same|that)\s+(?:day|night|evening|morning|afternoon)\b", re.I)

_UNIT_DAYS = {"day": 1, "week": 7, "month": 30}

#: What ends the clause of a trigger before a time phrase after it: "air
#: strikes in Paktika two days earlier" is the strikes' time, "attacked
#: posts, and jets struck two days later" is not the attack's.
_CLAUSE_BREAK = re.compile(r"[,;:()]|\b(?:and|but|when|after|before|while|as|which|who)\b", re.I)
#: A verb between the trigger and the phrase: the phrase is that verb's
#: time ("wounded in the attack died two days later").
_VERB_BETWEEN = re.compile(r"\b\w+ed\b|\b(?:died|came|went|fell|was|were|is|are|said|says)\b", re.I)


def _trailing(
    sentence: str,
    m: re.Match,
    trigs: list[Trigger],
    triggers: list[Trigger],
    ctx: ArticleState,
    dates: list[DateMention],
    days: int,
    precision: str,
) -> DateMention | None:
    """ "Afghan forces attacked posts in Kurram two days later", "in
    retaliation for air strikes on Kabul two days earlier": a phrase that
    closes the clause of the trigger is that long after (before) the day the
    sentence names before the trigger, else the day the story told last."""
    end = trigs[-1].end
    if m.start() < end or m.start() - end > 80:
        return None
    if any(end <= t.start < m.start() for t in triggers if t not in trigs):
        return None  # another incident's trigger comes between
    gap = sentence[end : m.start()]
    # "and" joining places ("on Kabul and in Paktika") stays in the clause
    if _CLAUSE_BREAK.search(gap.replace(" and in ", " in ").replace(" and ", " ")) is not None:
        return None
    if _VERB_BETWEEN.search(gap) is not None:
        return None
    anchor = [d for d in dates if d.kind in DAY_KINDS and d.precision == "day" and d.end <= trigs[0].start]
    if anchor:
        ref = anchor[-1]
    else:
        told = [*ctx.type_dates.values(), *([ctx.last_day] if ctx.last_day else [])]
        last = max(told, key=lambda v: v[0], default=None)
        ref = last[1] if last is not None else None
    if ref is None or ref.precision != "day":
        return None
    sign = 1 if m.group("dir").lower() == "later" else -1
    return DateMention(ref.date + dt.timedelta(days=sign * days), precision, m.start(), m.end(), kind="relative")


def _relative_date(
    sentence: str,
    trigs: list[Trigger],
    triggers: list[Trigger],
    ctx: ArticleState,
    published,
    low: str,
    told: list[DateMention] = (),
    dates: list[DateMention] = (),
) -> DateMention | None:
    """A date given relative to another incident of the text.

    "The strikes came two days after a suicide bomber hit Mir Ali": the
    bombing (after the phrase) is two days before the strikes (before it).
    "Closed since the fighting began": the fighting's date. "Earlier the
    same day": the date of the incident just told.
    """
    start = trigs[0].start
    if "after" in low or "before" in low or "later" in low or "earlier" in low:
        for m in _DAYS_FROM.finditer(sentence):
            before = [t for t in triggers if t.end <= m.start() and t.event_type != trigs[0].event_type]
            n = m.group("n").lower()
            unit = m.group("unit").lower()
            days = count_value(n) * _UNIT_DAYS[unit]
            precision = "month" if unit == "month" else "day" if days < 7 and not m.group("approx") else "week"
            if m.group("dir").lower() in ("later", "earlier") and start < m.start():
                trailing = _trailing(sentence, m, trigs, triggers, ctx, dates, days, precision)
                if trailing is not None:
                    return trailing
            if (
                m.group("dir").lower() in ("later", "earlier")
                and start >= m.end()
                and _OPENING.match(sentence, 0, m.start())
                and _COMMA_AFTER.match(sentence, m.end())
            ):
                # "Pakistani forces shelled Dangam on Monday. Two days later,
                # the crossing was closed.": that long after (before) the
                # incident or the day told last.
                told = [*ctx.type_dates.values(), *([ctx.last_day] if ctx.last_day else [])]
                ref = max(told, key=lambda v: v[0], default=None)
                if ref is None or ref[1].precision != "day":
                    return None
                sign = 1 if m.group("dir").lower() == "later" else -1
                return DateMention(
                    ref[1].date + dt.timedelta(days=sign * days), precision, m.start(), m.end(), kind="relative"
                )
            if m.group("dir").lower() in ("after", "before") and _OPENING.match(sentence, 0, m.start()):
                # "A day after the blast, officials put the dead at 54": the
                # phrase opens the sentence; what it names (up to the comma)
                # is the earlier incident, the main clause the later one.
                comma = sentence.find(",", m.end())
                if comma < 0 or start < comma:
                    return None  # the incident named is this one: the phrase dates another
                named = [t for t in triggers if m.end() <= t.start < comma]
                ref = ctx.type_dates.get(named[0].event_type) if named else None
                if ref is None or ref[1].precision != "day":
                    return None
                sign = 1 if m.group("dir").lower() == "after" else -1
                return DateMention(
                    ref[1].date + dt.timedelta(days=sign * days), precision, m.start(), m.end(), kind="relative"
                )
            if start >= m.end() and before and not any(t.end <= m.start() for t in trigs):
                # "The meeting came less than a week after gunmen attacked
                # the consulate": the attack, after the phrase, is that much
                # before the incident named first, when its date is known.
                ref = ctx.type_dates.get(before[-1].event_type)
                if ref is not None and ref[1].precision == "day":
                    sign = -1 if m.group("dir").lower() in ("after", "later") else 1
                    return DateMention(
                        ref[1].date + dt.timedelta(days=sign * days), precision, m.start(), m.end(), kind="relative"
                    )
            if start < m.end() or any(t.end <= m.start() for t in trigs):
                continue
            anchor = [d for d in told if d.kind in DAY_KINDS and d.end <= m.start()]
            if before:
                ref = ctx.type_dates.get(before[-1].event_type)
            elif anchor:
                # "The sit-in began on Sunday, three days after a drone
                # strike": from the day the sentence names before the phrase
                ref = (-1, anchor[-1])
            else:
                # "The strikes came two days after...": the incident told last.
                ref = max(ctx.type_dates.values(), key=lambda v: v[0], default=None)
            # The incident the text is reporting, undated: the day it was published.
            ref_date = (
                ref[1]
                if ref is not None
                else (DateMention(published, "day", -1, -1) if published is not None else None)
            )
            if ref_date is None or ref_date.precision != "day":
                continue
            sign = -1 if m.group("dir").lower() in ("after", "later") else 1
            return DateMention(
                ref_date.date + dt.timedelta(days=sign * days), precision, m.start(), m.end(), kind="relative"
            )
    if "same day" in low or "on the day" in low:
        m = _ON_THE_DAY.search(sentence)
        if m is not None and start >= m.end():
            # "The strikes came on the day the envoy was in Kabul for talks":
            # the talks are on the strikes' day.
            before = [t for t in triggers if t.end <= m.start() and t.event_type != trigs[0].event_type]
            if before:
                ref = ctx.type_dates.get(before[-1].event_type)
            else:  # "The strikes" (weak, read as the incident told last)
                ref = max(ctx.type_dates.values(), key=lambda v: v[0], default=None)
            if ref is not None and ref[1].precision == "day":
                return DateMention(ref[1].date, "day", m.start(), m.end(), kind="relative")
    if "since" in low and trigs[0].event_type != "trade_disruption":
        # (goods "held since the closure" are a state the report tells on
        # its own day, not the closure's: :data:`_STATES`)
        for m in _SINCE_EVENT.finditer(sentence):
            if m.start() < start:
                continue
            later = [t for t in triggers if t.start >= m.end() - 1 and t.event_type != trigs[0].event_type]
            if m.group(0).lower().endswith("then"):
                if any(trigs[-1].end <= d.start < m.start() for d in told):
                    # "were reopened last week ..., and traffic has been
                    # building up since then": the date told with the
                    # trigger is its own; "since then" counts from it
                    continue
                if ctx.dates:
                    return ctx.dates[-1][1]
            elif later and later[0].start - m.end() <= 20 and later[0].event_type in ctx.type_dates:
                # "closed since the fighting broke out": since its first day
                # (of the days told for it within a week of the last one).
                last = ctx.type_dates[later[0].event_type][1]
                days = [d for d in ctx.type_days.get(later[0].event_type, []) if 0 <= (last.date - d.date).days <= 7]
                return min(days, key=lambda d: d.date, default=last)
    if ("same " in low or "that " in low) and ctx.dates and _SAME_DAY.search(sentence):
        return ctx.dates[-1][1]
    return None
