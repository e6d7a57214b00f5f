"""The date of an event, chosen among the dates the finders found in
its sentence (:mod:`geomap.extract.dates`) or carried from the sentences
before.

:func:`_event_date` is the rule: :func:`_pick_date` picks the date of the
trigger's own clause or the nearest one not another event's (among
:func:`_own_dates`), else a date relative to another incident
(:mod:`.relative_dates`), the report's day for a state, the statement's
day, or the date carried from the sentences before;
:func:`_in_year` gives a timeline heading's year to its days;
:func:`_past_year` tells history ("fighting between 2007 and 2011");
:func:`_other_incident` an event dated apart from the incident whose place
it would borrow; :func:`_days_per_place` each place's own day.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import replace

from ...geocoders.base import Place
from ..dates import MONTHS, DateMention, next_or_previous
from ..gates import Gated
from ..scanned import ScannedSentence
from ..types import VIOLENT, Trigger
from .clauses import _COMMA_AFTER, _distance, _subordinate_cut
from .dated_parts import JOINED_CLAUSE
from .incidents import _FUTURE, _NO_DATE_YET
from .relative_dates import _relative_date
from .state import _STATES, ArticleState, _gap

#: Acts done on a day, which "the closure", "the attack" refer back to.
_DAY_ACTS = ("armed_clash", "airstrike", "explosion", "border_closure")
_SINCE_BEFORE = re.compile(r"\bsince\s+$", re.I)
_SINCE_BEFORE = Gated(_SINCE_BEFORE, "since")
_ENDED_ON = re.compile(r"\b(?:ended|concluded|wrapped\s+up)\s+(?:\w+\s+){0,2}?(?:on\s+)?$", re.I)
_ENDED_ON = Gated(_ENDED_ON, "ended", "concluded", "wrapped")


#: What lies between a trigger and its own date: "an attack on Sunday".
_DATE_AFTER = re.compile(r"\s+(?:late\s+|early\s+)?on\s+", re.I)
#: A relative clause between a trigger and a date: the date may belong to
#: the event the clause describes.
_LEADING_DATE = re.compile(
    r"^\s*(?:(?:early|late|later|earlier)\s+)?(?:on|in|at|by|during|since)?\s*(?:the\s+)?$", re.I
)
_RELATIVE = re.compile(r"\b(?:that|which|who|when|where)\b", re.I)
_RELATIVE = Gated(_RELATIVE, "that", "which", "who", "when", "where")


def _tied(sentence: str, d: DateMention, triggers: list[Trigger]) -> bool:
    """Is ``d`` told with one of ``triggers``, no relative clause between?"""
    for t in triggers:
        lo, hi = min(t.end, d.end), max(t.start, d.start)
        if not _RELATIVE.search(sentence, lo, hi):
            return True
    return False


#: "that", "which", "who" opening a relative clause.
_THAT = re.compile(r"\b(?:that|which|who)\b", re.I)
_THAT = Gated(_THAT, "that", "which", "who")
#: A verb of the trigger's own clause: a noun after it is no part of the trigger's phrase.
_CLAUSE_VERB = re.compile(r"\b(?:is|are|was|were|be|been|to)\b", re.I)


def _opens(sentence: str, d: DateMention) -> bool:
    """Does ``d`` open the sentence ("In June, troops traded fire ..., and
    Torkham was closed for nearly a week"), so that it dates all of it?"""
    return bool(_LEADING_DATE.match(sentence[: d.start]) and _COMMA_AFTER.match(sentence, d.end))


def _about_another_noun(sentence: str, d: DateMention, triggers: list[Trigger]) -> bool:
    """Is ``d`` told after every trigger, in a relative clause ("that
    flared earlier this month") about a noun of the rest of the clause,
    past a verb ("the talks are part of a push to calm hostilities that
    flared ..."), not about the trigger's own phrase ("the attack on a
    shrine in Sehwan that killed 80 on Thursday")?"""
    if any(t.end > d.start for t in triggers):
        return False
    end = max(t.end for t in triggers)
    pronouns = list(_THAT.finditer(sentence, end, d.start))
    return bool(pronouns) and bool(_CLAUSE_VERB.search(sentence, end, pronouns[-1].start()))


#: A reopening right before a duration: "re-open the gates for three days",
#: "opened the crossing for a week" (how long it stays open).
#: (read before the duration, which begins with its "for").
_OPEN_FOR = re.compile(r"\b(?:re-?)?open(?:ed|s|ing)?\s+(?:[\w'’-]+\s+){0,8}?$", re.I)


#: A clause told in the present of the report: "are currently waiting".
_NOW = re.compile(r"\b(?:currently|at\s+present|right\s+now)\b", re.I)


def _pick_date(
    sentence: str,
    dates: list[DateMention],
    triggers: list[Trigger],
    clause: tuple[int, int] | None = None,
    others: list[Trigger] | None = None,
) -> DateMention | None:
    """The date of an event whose ``triggers`` are in ``sentence``.

    A date in the trigger's own clause wins. Otherwise the nearest date,
    except one that belongs to an event of another type: in a relative
    clause about it ("talks to calm hostilities that flared earlier this
    month") or right after its noun.
    """
    usable = [d for d in dates if not d.statement]
    if any(d.kind == "for" for d in usable) and any(
        _tied(sentence, d, triggers) or _opens(sentence, d) for d in usable if d.kind != "for"
    ):
        # "closed for two weeks on Monday", "shut for several days in June
        # 2016": a duration counted back from publication is only the date
        # of a state that lasts until then; a date told with the trigger
        # wins (not one across a relative clause: "talks began on Wednesday
        # at the crossing, which has been closed for 27 days").
        usable = [d for d in usable if d.kind != "for"]
    # "the talks are part of a push to calm hostilities that flared earlier
    # this month": a date in a relative clause about a noun told well after
    # the trigger is that noun's, not the event's.
    if not _THAT.absent(sentence):  # (no "that", "which" nor "who": no such clause, one test per sentence)
        usable = [d for d in usable if not _about_another_noun(sentence, d, triggers)]
    if others and triggers[0].event_type == "talks":
        # "talks overshadowed by an attack on Sunday": a date right after an
        # incident's trigger is that incident's, not the talks' (an incident
        # and the closure it caused may share a day: "shut on Monday after
        # guards exchanged fire").
        usable = [d for d in usable if not any(_DATE_AFTER.fullmatch(sentence, o.end, d.start) for o in others)]
    inside = [d for d in usable if clause is not None and clause[0] <= d.start < clause[1]]
    if inside:
        usable = inside
    elif clause is not None and _NOW.search(sentence, clause[0], clause[1]):
        # "Since April 1, 22,000 have crossed, while 480 families are
        # currently waiting": the clause's own present, not the other's date
        return None
    elif others:
        spans_o = [(t.start, t.end) for t in others]
        keep = []
        for d in usable:
            near_t = min(_distance((d.start, d.end), (t.start, t.end)) for t in triggers)
            near_o = min(_distance((d.start, d.end), s) for s in spans_o)
            lo = min(min(t.end for t in triggers), d.end)
            hi = max(max(t.start for t in triggers), d.start)
            # The date follows another event's noun closely ("clashes earlier
            # in the month") or sits in a relative clause about it.
            between = any(lo <= o.start and o.end <= hi for o in others)
            if _LEADING_DATE.match(sentence[: d.start]) and _COMMA_AFTER.match(sentence, d.end):
                keep.append(d)  # "On Thursday, while talks went on, troops...": the whole sentence
                continue
            if near_o < near_t and (_RELATIVE.search(sentence[lo:hi]) or (between and near_o <= 20)):
                continue
            keep.append(d)
        usable = keep
    if not usable:
        return None
    if len(usable) == 1:
        return usable[0]  # (the nearest of one date; most sentences tell one)
    spans = [(t.start, t.end) for t in triggers]
    return min(usable, key=lambda d: min(_distance((d.start, d.end), s) for s in spans))


#: A clause joined after another (:data:`.dated_parts.JOINED_CLAUSE`) or
#: set off by a dash.
_JOINED = re.compile(JOINED_CLAUSE + r"|\s[—–]\s")


def _own_clause_dates(
    sentence: str, trigs: list[Trigger], others: list[Trigger], dates: list[DateMention]
) -> list[DateMention]:
    """The dates of ``dates`` the incident of ``trigs`` may take when it is
    told in an after, following, when or during clause behind another
    incident ("reopened Torkham on Monday after talks in Islamabad on
    Saturday"): those told in its own clause, when it tells one (the day
    before the clause is the main incident's); else all of them."""
    if not others or not dates:
        return dates
    cut = _subordinate_cut(sentence, trigs, others)
    if cut is None:
        return dates
    # The clause ends at another incident's trigger or where a clause joined
    # to it begins ("after a gunman fired on a post, and again in May, when
    # ...": May is not the shooting's).
    last = max(t.end for t in trigs)
    ends = [o.start for o in others if o.start >= last]
    joined = _JOINED.search(sentence, last)
    if joined is not None:
        ends.append(joined.start())
    end = min(ends, default=len(sentence))
    # (a length, "closed for nearly a week", is no day of the clause's own)
    own = [d for d in dates if cut <= d.start < end and d.kind != "for"]
    return own or dates


#: "since the Taliban took over Kabul on August 15": a clause of its own,
#: a subject and a verb in the past, that "since" opens (not "since Friday",
#: nor "since the clashes on Sunday": the state's start).
_SINCE_CLAUSE = re.compile(
    r"\bsince\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?(?:[A-Z][\w'’-]*\s+){0,3}?"
    r"(?:took|seized|came|returned|won|captured|swept|signed|began|started|was|were|had|[a-z]{3,}ed)\b"
)


def _not_since_clause(sentence: str, trigs: list[Trigger], dates: list[DateMention]) -> list[DateMention]:
    """``dates`` without those of a since-clause after the trigger with its
    own subject and verb ("The incident in Bajaur is the first since the
    Taliban took over Kabul on August 15": August 15 is the takeover's)."""
    if not dates or "since" not in sentence:
        return dates
    m = _SINCE_CLAUSE.search(sentence, max(t.end for t in trigs))
    if m is None:
        return dates
    return [d for d in dates if d.start < m.start()]


def _count_day(d: DateMention) -> DateMention | None:
    """The day a count ("for a fourth day on Monday") counts to, as a date
    of its own; other dates unchanged."""
    if d.kind != "nth":
        return d
    if d.count_day is None:
        return None
    return DateMention(d.count_day, "day", d.start, d.end, d.statement, "count")


#: A clause told as going on at the same time: ", as", "while", "amid" (not
#: "after a gunman opened fire": the cause, on the day the closure began).
_MEANWHILE = re.compile(r"(?:\s+on\s+[\w-]+(?:\s+\d{1,2})?)?\s*,?\s*(?:as|while|amid|and)\s", re.I)


def _count_of_the_closure_before(
    sentence: str, trigs: list[Trigger], others: list[Trigger], dates: list[DateMention]
) -> list[DateMention]:
    """ "The crossing remained closed for the second consecutive day on
    Wednesday as Afghan forces continued firing": a count told after a
    closure, with the incident of ``trigs`` told as going on with it ("as",
    "while"), counts the closure's days; the incident is on the day it
    counts to (Wednesday), not the day the closure began. Other dates
    unchanged."""
    first = min(t.start for t in trigs)
    out = []
    for d in dates:
        if (
            d.kind == "nth"
            and d.end <= first
            and _MEANWHILE.match(sentence, d.end)
            and any(o.event_type == "border_closure" and o.end <= d.start for o in others)
        ):
            day = _count_day(d)
            if day is not None:
                out.append(day)
            continue
        out.append(d)
    return out


#: A timeline's entry: "March 2026: Torkham reopens for trade on March 23."
_MONTH_NAMES = "|".join(calendar.month_name[1:])
#: A timeline's entry: "March 2026: Torkham reopens on March 23", also
#: "- March 2026 -" as a list item and "2026 March:" year first.
_HEADING = re.compile(
    r"^\s*(?:[-–•*]\s*)?(?:(?P<month>" + _MONTH_NAMES + r")\s+(?P<year>(?:19|20)\d\d)|"
    r"(?P<year2>(?:19|20)\d\d)\s+(?P<month2>" + _MONTH_NAMES + r"))\s*[:—–-]",
    re.I,
)


#: "**15:40 PKT** - The flag meeting is over.": the time of a live blog's
#: entry with no day (an entry of another day names it: "**Monday, 22:15
#: PKT** -", which the date finder reads).
_ENTRY_TIME = re.compile(
    r"^\s*(?:\*\*)?\s*(?:[01]?\d|2[0-3])[:.][0-5]\d(?:\s*(?:[ap]\.?m\.?|[A-Z]{2,4}))?\s*(?:\*\*)?\s*[-–—|]\s"
)


def _may_head(sentence: str) -> bool:
    """Can :data:`_HEADING` match? Every heading holds a year (19xx, 20xx)
    and a colon or dash; most sentences lack one of them."""
    return ("19" in sentence or "20" in sentence) and (
        ":" in sentence or "-" in sentence or "—" in sentence or "–" in sentence
    )


def _in_year(d: DateMention, sentence: str, hint: tuple[int, int]) -> DateMention:
    """A day named without its year ("on March 23") in the year of the
    timeline heading it follows (the next year for an earlier month)."""
    if d.kind not in ("mdy", "dmy") or _YEAR.search(sentence, d.start, d.end):
        return d
    year = hint[0] if d.date.month >= hint[1] else hint[0] + 1
    try:
        return replace(d, date=d.date.replace(year=year))
    except ValueError:  # 29 February
        return d


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
#: "Last year, a similar attack killed five": a past year told with no
#: month ("in March last year" is a date found, and not this).
_YEARS_BACK = re.compile(
    r"\b(?:last|previous)\s+year\b|\bthe\s+year\s+before\b|"
    r"\b(?:a|one|two|three|four|five|several|\d+)\s+years?\s+ago\b",
    re.I,
)


#: "and the same year tribesmen attacked posts": the year of
#: the clause is the one the sentence named before.
_SAME_YEAR = re.compile(r"\b(?:the\s+same|that|the\s+following|the\s+next|the\s+previous)\s+year\b", re.I)


def _past_year(sentence: str, clause: tuple[int, int], dates: list[DateMention], published: dt.date) -> bool:
    """Does the clause name a year before ``published`` outside any date
    found (or say "the same year" after one, or "last year", "two years
    ago" with no month: an old toll is not the reported incident's, and a
    meeting or closure "last year" has no day, week or month a draft could
    take)?"""
    if "year" in sentence:
        for m in _YEARS_BACK.finditer(sentence, clause[0], clause[1]):
            if not any(d.start <= m.start() < d.end for d in dates):
                return True
    if not any(c in sentence for c in "12"):
        return False
    # (from a little before the clause: a clause cut at ", and the" starts at "same year")
    if "year" in sentence and _SAME_YEAR.search(sentence, max(0, clause[0] - 5), clause[1]):
        clause = (0, clause[1])
    for m in _YEAR.finditer(sentence, clause[0], clause[1]):
        if int(m.group(0)) < published.year and not any(d.start <= m.start() < d.end for d in dates):
            return True
    return False


#: "the same cantonment was hit in July", "attacked there in March": another
#: incident at the place of the one reported.
_SAME_PLACE = re.compile(
    r"\bthe\s+same\s+(?!(?:day|night|week|month|year|time|period|way|kind|group)\b)[a-z]+|\bthere\b", re.I
)
_SAME_PLACE = Gated(_SAME_PLACE, "same", "there")


def _other_incident(etype: str, places, date: DateMention | None, ctx: ArticleState, anaphoric: bool = False) -> bool:
    """Is an event that borrows the place of the last incident of its type
    dated apart from it (more than three days, or another month)?"""
    last = ctx.type_dates.get(etype)
    if date is None or last is None or len(places) != 1 or places[0][1] or places[0][0] != ctx.by_type.get(etype):
        return False
    if places[0][0].kind == "crossing" and not anaphoric:
        return False  # "a clash at the gate in July 2020": the crossing the article is about
    a, b = date, last[1]
    if "month" in (a.precision, b.precision):
        return (a.date.year, a.date.month) != (b.date.year, b.date.month)
    return abs((a.date - b.date).days) > 3


_OVERNIGHT = re.compile(r"overnight\b", re.I)
#: "after clashes with government forces overnight", "after overnight fighting"
_AFTER_OVERNIGHT = re.compile(r"\bafter\b[^,;.]*$", re.I)


def _days_per_place(dates: list[DateMention], starts: dict[Place, int], end: int) -> dict[Place, DateMention]:
    """The day told after each of several places, up to the next place
    ("into Kurram on Friday and into North Waziristan on Saturday"), when
    every place has one and they differ; else ``{}``."""
    order = sorted(starts.items(), key=lambda kv: kv[1])
    days = {}
    for i, (place, start) in enumerate(order):
        stop = order[i + 1][1] if i + 1 < len(order) else end
        own = [d for d in dates if start <= d.start < stop and not d.statement and d.precision == "day"]
        if len(own) != 1:
            return {}
        days[place] = own[0]
    return days if len({d.date for d in days.values()}) > 1 else {}


def _said_day(
    sentence: str, dates: list[DateMention], trigs: list[Trigger], published: dt.date | None
) -> DateMention | None:
    """The day of a statement that tells the incident of ``trigs`` ("the
    military said on Monday that a soldier had been killed"): a day after a
    speech verb, then "that", before the trigger; ``None`` if none."""
    first = min(t.start for t in trigs)
    for d in dates:
        if (
            d.said
            and d.precision == "day"
            and d.kind != "prev"
            and d.end < first
            and (published is None or d.date <= published)
            and _SAID_THAT.match(sentence, d.end)
        ):
            return d
    return None


#: "said on Monday that": what the statement tells follows.
_SAID_THAT = re.compile(r"(?:\s+(?:morning|afternoon|evening|night))?\s+that\b", re.I)


def _sentence_dates(
    sentence: str, found: list[DateMention], ctx: ArticleState, published: dt.date | None = None
) -> list[DateMention]:
    """The dates of a sentence (``found`` by the finder), a timeline
    heading's month and year given to its days (notes the heading's year in
    ``ctx``); notes a live blog's entry posted at a time of the published
    day (``ctx.entry_day``)."""
    dates = found
    if published is not None and sentence[:1] in "*0123456789":
        entry = _ENTRY_TIME.match(sentence)
        if entry is not None:
            ctx.entry_day = DateMention(published, "day", entry.start(), entry.end() - 1, kind="rel")
        elif sentence.startswith("**"):
            ctx.entry_day = None  # "**Monday, 22:15 PKT** -", "**Background** -": not the day's entry
    heading = _HEADING.match(sentence) if _may_head(sentence) else None
    if heading:
        # "October 2025: Taliban forces attack posts on the night of
        # October 11": a timeline's entry gives the year of its days.
        year, month = heading.group("year") or heading.group("year2"), heading.group("month") or heading.group("month2")
        ctx.year_hint = (int(year), MONTHS[month.lower()])
        if not dates:  # the heading's month dates an entry that names no day
            dates = [DateMention(dt.date(*ctx.year_hint, 1), "month", heading.start(), heading.end(), kind="my")]
    if ctx.year_hint is not None and any(d.kind in ("mdy", "dmy") for d in dates):
        dates = [_in_year(d, sentence, ctx.year_hint) for d in dates]
    if any(d.kind == "for" for d in dates) and "open" in sentence.lower():
        # "decided to re-open the gates for three days": how long it stays
        # open, not a start counted back from publication
        dates = [
            d for d in dates if not (d.kind == "for" and _OPEN_FOR.search(sentence, max(0, d.start - 80), d.start))
        ]
    return dates


def _own_dates(
    sentence: str,
    etype: str,
    trigs: list[Trigger],
    others: list[Trigger],
    dates: list[DateMention],
    related: int | None,
    told_apart: list[DateMention] | None,
    going: list[int],
    reopening: bool,
) -> list[DateMention]:
    """The dates of a sentence that may date the incident of ``trigs``: not
    another incident's, not a closure's length for its reopening, not the
    start of a closure for the goods it holds up."""
    own_dates = dates if related is None else [d for d in dates if d.start < related]
    if told_apart is not None:
        own_dates = told_apart
    if going:
        # (a count told there, "remained closed for a third day", still dates its start)
        own_dates = [d for d in own_dates if d.kind in ("nth", "for") or not any(0 <= d.start - e <= 12 for e in going)]
    if reopening and any(d.kind not in ("for", "nth") for d in own_dates):
        # "reopened on Friday after being closed for four weeks": the
        # duration dates the closure, not the reopening.
        own_dates = [d for d in own_dates if d.kind not in ("for", "nth")]
    if reopening:
        # "reopened for two days": how long it stays open, not when it
        # opened (nor when a closure began).
        opened = [t.end for t in trigs if t.sub_event_type == "reopening"]
        own_dates = [d for d in own_dates if not (d.kind == "for" and any(0 <= d.start - e <= 30 for e in opened))]
    if etype == "trade_disruption":
        # "closed since Sunday, and trucks were stranded": the start of
        # the closure; the trucks wait on the day of the report.
        # But "trucks have been waiting at Spin Boldak since last
        # Tuesday": a day told after the trucks, with no closure between,
        # is when they began to wait.
        first = min(t.start for t in trigs)
        own_dates = [
            d
            for d in own_dates
            if not (
                _SINCE_BEFORE.search(sentence, max(0, d.start - 8), d.start)
                or sentence[d.start : d.start + 6].lower() == "since "  # "since March"
            )
            or (
                # (or the week: "turned back there since last week")
                d.precision in ("day", "week")
                and d.start > first
                and not any(o.event_type == "border_closure" and first < o.start < d.start for o in others)
            )
            # "Since Sunday, 2,000 trucks have been stranded": the day opening the sentence
            or (d.precision in ("day", "week") and d.start < first and _opens(sentence, d))
        ]
    if etype == "trade_disruption":
        own_dates = _not_the_closures(sentence, trigs, others, own_dates)
    if etype == "trade_disruption" and any(d.kind in ("for", "nth") for d in own_dates):
        # "shut for a sixth day on Friday, leaving 7,000 trucks stranded":
        # the count dates the closure; the trucks wait on the day it
        # counts to (Friday).
        own_dates = [_count_day(d) for d in own_dates if d.kind != "for" and _count_day(d) is not None]
    if etype != "border_closure":
        # "exchanged fire ..., as the closure entered its twelfth day on
        # Tuesday": the count is the closure's, told after its noun.
        trig_end = max(t.end for t in trigs)
        own_dates = [
            d
            for d in own_dates
            if not (
                d.kind == "nth"
                and any(o.event_type == "border_closure" and trig_end <= o.start < d.start for o in others)
            )
        ]
    if etype != "border_closure" and any(d.kind == "nth" for d in own_dates):
        own_dates = _count_of_the_closure_before(sentence, trigs, others, own_dates)
    if etype == "fortification":
        # "work on a fence had begun in March": the fence is still going
        # up; the report dates it, not its start.
        own_dates = [d for d in own_dates if not d.began]
    if etype == "talks" and len(own_dates) > 1:
        # "began on Saturday and ended late on Thursday": a round is
        # dated by its end, when its outcome is known.
        ends = [
            d
            for d in own_dates
            if d.kind not in ("for", "nth") and _ENDED_ON.search(sentence, max(0, d.start - 30), d.start)
        ]
        own_dates = ends or own_dates
    if etype == "border_closure" and others and all(t.anaphoric for t in trigs):
        # "officials met at Ghulam Khan on Saturday to settle arrangements
        # for the reopening": the day told with the meeting before it is
        # the meeting's; the reopening told again keeps its own.
        first = min(t.start for t in trigs)
        own_dates = [
            d
            for d in own_dates
            if not (
                d.precision == "day"
                and d.end <= first
                and any(o.event_type == "talks" and o.end <= d.start and d.start - o.end <= 40 for o in others)
            )
        ]
    return own_dates


#: "since the crossing was closed": the closure the goods wait behind.
_SINCE_CLOSURE = re.compile(r"\b(?:since|after|because|as)\b[^.;]{0,40}$", re.I)


def _not_the_closures(
    sentence: str, trigs: list[Trigger], others: list[Trigger], dates: list[DateMention]
) -> list[DateMention]:
    """``dates`` less a day told with the closure the goods wait behind
    ("eighty trucks have been stuck there since the crossing was closed
    yesterday afternoon": the closure's day; the trucks wait on the day of
    the report)."""
    first = min(t.start for t in trigs)
    shut = [
        o
        for o in others
        if o.event_type == "border_closure"
        and o.start > first
        and _SINCE_CLOSURE.search(sentence, max(first, o.start - 40), o.start)
    ]
    return [d for d in dates if not any(o.start < d.start and d.start - o.end <= 40 for o in shut)]


def _event_date(
    sent: ScannedSentence,
    etype: str,
    trigs: list[Trigger],
    triggers: list[Trigger],
    own_dates: list[DateMention],
    dates: list[DateMention],
    clause: tuple[int, int],
    ctx: ArticleState,
    published: dt.date | None,
    goes_on_now: bool,
) -> tuple[DateMention | None, bool] | None:
    """The date of the incident of ``trigs`` and whether it is carried from
    the sentences before; ``None`` when the sentence tells no event (a plan
    with no date, history dated by a past year only).

    Its own date (:func:`_pick_date`), else one relative to another
    incident, the report's day for a state, the day of the statement that
    tells it, else the date of the incident of its type or of the sentence
    just before.
    """
    sentence, idx = sent.text, sent.index
    others = [t for t in triggers if t.event_type != etype]
    told = trigs
    if etype == "talks" and len(trigs) > 1:
        # "met at Kharlachi on Tuesday ..., and agreed to meet again on
        # Wednesday": the round held is dated by its own words, not by
        # the next one's
        told = [t for t in trigs if not _FUTURE.search(sentence, max(0, t.start - 40), t.end)] or trigs
    own_dates = _not_since_clause(sentence, trigs, own_dates)
    date = _pick_date(sentence, _own_clause_dates(sentence, trigs, others, own_dates), told, clause, others)
    if date is not None and date.kind == "prev" and ctx.dates and ctx.dates[-1][1].precision == "day":
        # "The day before, a bomber struck Jamrud", "Pakistan closed the
        # crossing the next day": the day before (after) the day the
        # story told last.
        date = next_or_previous(date, sentence, ctx.dates[-1][1].date)
    if date is not None and date.kind == "prev" and published and date.date > published:
        date = None  # "the next day" with no day told before it
    carried = False
    relative = _relative_date(sentence, trigs, triggers, ctx, published, sent.low, own_dates, dates)
    if (
        relative is not None
        and (
            date is None
            or date.kind in ("for", "rel")
            or date.precision != "day"
            # "Jets struck Barmal on Sunday, two days after a bomber hit
            # Bannu": the day told before the phrase is the strikes'
            # "in retaliation for air strikes on Kabul two days earlier":
            # the phrase closing the trigger's clause is its time
            or relative.kind == "relative"
            and relative.start >= trigs[-1].end
            or relative.kind == "relative"
            and 0 <= date.end <= relative.start <= trigs[0].start
            # "On Saturday, two days before the earthquake, a woman was
            # killed": the phrase set beside the day only explains it (not
            # "began on Sunday, three days after a drone strike killed six")
            and (
                sentence[date.end : relative.start].strip(" ,") != ""
                or "," not in sentence[relative.start : trigs[0].start]
            )
        )
    ):
        date, carried = relative, False
    ended = any(t.ended for t in trigs)
    if (
        etype == "talks"
        and date is None
        and (
            all(_FUTURE.search(sentence, max(0, t.start - 40), t.end) for t in trigs)
            or ("date" in sent.low or "promised" in sent.low)
            and _NO_DATE_YET.search(sentence)
        )
    ):
        # "a jirga is expected to meet in the coming days": a plan with
        # no date is no event (a meeting announced for a day is one);
        # nor is one "promised" or whose "date has not been set".
        return None
    if date is None and published is not None and _past_year(sentence, clause, dates, published):
        # "Hundreds were killed in fighting between 2007 and 2011", "the
        # route was closed in 2014", "met at the gate last year": dated by
        # a past year only, history
        # (not an event, and not more of the incident reported).
        return None
    if date is None and etype == "trade_disruption":
        # (the counts of the sentence before are read only here: ctx.dates
        # holds every dated sentence of the article so far)
        counted = [d for i, d in ctx.dates if _gap(idx, i) == 1 and d.kind == "nth"]
        if counted and counted[-1].count_day is not None:
            # "The crossing remained shut for a fourth day on Monday.
            # Hundreds of trucks were stranded.": Monday, not the closure's start.
            date = _count_day(counted[-1])
    if date is None and published is not None and etype in _STATES:
        if etype == "trade_disruption" or goes_on_now:
            # "Hundreds of trucks were stranded", "Chaman remains closed":
            # a state told with no day of its own is the report's, on
            # its day, not the day the sentence before told.
            date = DateMention(published, "day", -1, -1, kind="report")
    if date is None and ctx.entry_day is not None and etype not in VIOLENT:
        # "**13:05 PKT** - Officers have begun a flag meeting", "The
        # crossing stays shut.": a state or a meeting told in a live blog's
        # entry is the entry's, on the day it was posted (not the day of the
        # entry before: in a blog in reverse order, a later one's). Fire
        # told in a morning entry is often the night's before: not dated so.
        date = ctx.entry_day
    if date is None and not ended and etype in VIOLENT:
        said = _said_day(sentence, own_dates, trigs, published)
        if said is not None:
            # "The military said on Monday that a soldier had been
            # killed in a clash": an incident with no day of its own is
            # dated by the statement that reports it, not by the day
            # the sentence before told (the operation's start).
            date, carried = said, True
    if date is None and not ended:
        # A finished round with no date of its own is background: it
        # does not borrow the date of the sentences around it.
        # The date of the last event of this type two sentences back at
        # most; another type's date only from the sentence just before
        # ("Clashes erupted on Sunday. The crossing was shut."), and not
        # a start derived from a duration ("closed for two weeks").
        same = ctx.type_dates.get(etype)
        recent = [
            d
            for i, d in ctx.dates
            if _gap(idx, i) == 1
            and d.kind != "for"
            and (published is None or d.date <= published)
            and not (etype == "talks" and i in ctx.past_rounds)
        ]
        same_gap = _gap(idx, same[0]) if same is not None else 99
        if same is not None and 0 < same_gap <= 2 and (same_gap == 1 or not recent):
            date, carried = same[1], True
        elif (
            same is not None
            and 0 < same_gap
            and etype in _DAY_ACTS
            and any(t.anaphoric and t.sub_event_type != "reopening" for t in trigs)
        ):
            # "At Torkham, the closure caught traders unawares": the
            # closure already reported, on its day however far back
            # (not "the fence", a thing rather than an act).
            date, carried = same[1], True
        elif recent:
            date, carried = recent[-1], True
    return date, carried


def _date_rank(sentence: str, date: DateMention | None, carried: bool, goes_on: bool, trigs: list[Trigger]) -> int:
    """How much a date yields to another for the same event when merged:
    0 a day told with the event, 1 a day a closure goes on or a day told
    with only a toll, 2 a day carried from the sentences before, 3 the
    report's day."""
    return (
        3  # the report's day: any day told with a mention of the state wins
        if date is not None and date.kind == "report"
        else 2
        if carried
        else (
            1
            if goes_on
            or all(t.weak for t in trigs)
            # "the fighting broke out after police objected to a post begun
            # on Sunday", "a protest against the drone strikes after Friday
            # prayers": a day told with the incident named again ("the
            # fighting") yields to the day told where it was reported
            or all(t.anaphoric and t.event_type in VIOLENT for t in trigs)
            # "took the crossing after clashes overnight": the
            # fighting before the incident yields to the day
            # the report names for it
            or (
                date is not None
                and date.start >= 0
                and _OVERNIGHT.match(sentence, date.start)
                and _AFTER_OVERNIGHT.search(sentence, max(0, date.start - 60), date.start) is not None
            )
            else 0
        )
    )
