"""Dates in article sentences: explicit, weekdays, relative phrases.

Relative phrases are resolved against the article's published date; without
one only explicit dates with a year (or a month and day, whose year is then
unknown and skipped) are used. Each date carries its precision:
``day``, ``week`` or ``month``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, replace

from .scanned import ScannedSentence
from .stems import SENTENCE_STEMS, StemFilter, trie_regex
from .wordscan import LoweredPattern, finditer_bounded, lowered_ok, lowered_pattern

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
#: Kinds of :class:`DateMention` told as a day of their own ("on Monday",
#: "on March 3"), not counted from another day or incident.
DAY_KINDS = ("weekday", "mdy", "dmy", "iso")

_MONTH = r"(?P<month>" + trie_regex(MONTHS) + r")\.?"
_WEEKDAY = r"(?P<weekday>" + trie_regex(WEEKDAYS) + r")"
_NUMWORD = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "a": 1,
    "an": 1,
    "several": 3,
    "a few": 3,
    "few": 3,
}
_ORDINALS = {
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
}
_COUNT = r"(?P<count>\d{1,3}|" + trie_regex(_NUMWORD) + r")"

_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("iso", re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")),
    ("mdy", re.compile(r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>\d{4}))?", re.I)),
    # "the night of 11-12 October": the night began on the first day.
    (
        "dmy",
        re.compile(
            r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:\s*[-–/]\s*\d{1,2}(?:st|nd|rd|th)?)?\s+(?:of\s+)?"
            + _MONTH
            + r"\b(?:,?\s+(?P<year>\d{4}))?",
            re.I,
        ),
    ),
    (
        "my",
        re.compile(
            # "in mid-March", "since mid-February": "mid-" joins its month
            r"\b(?:(?:in|since|during|of|early|late|mid|(?P<lastm>last))\s+|mid-)"
            + _MONTH
            + r"(?:\s+(?P<year>\d{4})|\s+(?P<yrel>last|this|next|the\s+previous|the\s+following)\s+year)?\b",
            re.I,
        ),
    ),
    (
        "weekday",
        re.compile(r"\b(?:(?P<next>next|this|coming)\s+|(?P<last>last)\s+)?" + _WEEKDAY + r"(?:'s|’s)?\b", re.I),
    ),
    ("ago", re.compile(r"\b" + _COUNT + r"\s+(?P<unit>day|week|month)s?\s+ago\b", re.I)),
    (
        "for",
        re.compile(
            r"\bfor\s+(?:(?:the\s+)?(?:past|last)\s+)?(?:more\s+than\s+|over\s+|nearly\s+|almost\s+|about\s+)?"
            + _COUNT
            + r"\s+(?P<unit>day|week|month)s?\b",
            re.I,
        ),
    ),
    # "closed for a sixth day on Monday", "on Monday, the sixth day since it
    # closed", "the closure entered its sixth day", "shut into a sixth day":
    # the closure began five days before.
    (
        "nth",
        re.compile(
            # "for fifth day" in a headline, without its article
            r"\b(?:(?:for|into|entered|entering|enters|in)\s+(?:(?:a|the|its)\s+)?|(?P<the>the)\s+)(?P<nth>"
            + trie_regex(_ORDINALS)
            + r"|\d{1,2}(?:st|nd|rd|th))\s+"
            r"(?:straight\s+|consecutive\s+|successive\s+|running\s+)?(?P<unit>day|week)\b"
            # "on Tuesday, the fifth day after the Taliban closed it": day one is the closure
            r"(?(the)(?=\s+(?:after|since)\b))",
            re.I,
        ),
    ),
    (
        "rel",
        re.compile(
            r"\b(?P<rel>the\s+day\s+before\s+yesterday|"
            # "over the past few days", "in recent days": the days up to the report
            r"(?:over|in|during|within)\s+the\s+(?:past|last)\s+(?:few|two|three|several|couple\s+of)\s+days|"
            r"in\s+recent\s+days|"
            r"today|tonight|yesterday|tomorrow|last\s+night|this\s+(?:morning|afternoon|evening)|"
            r"(?:over|at|during|since|on)\s+the\s+weekend|"
            r"(?:earlier|later)\s+(?:this|in\s+the)\s+(?:week|month)|"
            r"(?:last|this|past|previous|next)\s+(?:week|month)|"
            r"(?:the\s+)?(?:week|month)\s+before|"
            r"(?:this\s+past|past|this|last|previous|next|coming)\s+weekend)\b",
            re.I,
        ),
    ),
    # "the previous night", "the day before," "overnight": the day before
    # the day of the story (named in the sentence, else told before); "the
    # next day", "the following day": the day after it.
    (
        "prev",
        re.compile(
            r"\b(?:the\s+(?:previous|preceding)\s+(?:day|night|evening|afternoon|morning)|"
            r"the\s+(?:day|night|evening)\s+before(?=\s*[,.;]|\s*$)|"
            # (not "overnight on Tuesday", "overnight into Wednesday": that
            # day; "strikes conducted overnight on Paktika" is the night before)
            r"overnight(?!\s+(?:on|into|to|from|until|till|between)\s+(?:the\s+)?(?:night\s+of\s+)?"
            r"(?:\d|(?:mon|tues|wednes|thurs|fri|satur|sun)day|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|"
            r"this|last|next|that|the\s+(?:same|following|previous)))|"
            r"(?P<next>the\s+(?:next|following)\s+(?:day|morning|evening)|the\s+day\s+after(?=\s*[,.;]|\s*$)))\b",
            re.I,
        ),
    ),
]

#: The same patterns for the lower-cased sentence (see :mod:`geomap.extract.wordscan`).
_LOWERED = [lowered_pattern(p) for _, p in _PATTERNS]

#: Lower-case stems one of which every match of the pattern of that kind
#: contains; a kind whose stems are absent is not scanned (a substring test
#: costs far less than a regex scan over the sentence).
_MONTH_STEMS = tuple(sorted({m[:3] for m in MONTHS}))
_ANCHORS: dict[str, tuple[str, ...]] = {
    "iso": ("-",),
    "mdy": _MONTH_STEMS,
    "dmy": _MONTH_STEMS,
    "my": _MONTH_STEMS,
    "weekday": ("day",),
    "ago": ("ago",),
    "for": ("for",),
    "nth": ("day", "week"),
    "rel": (
        "today",
        "tonight",
        "yesterday",
        "tomorrow",
        "week",
        "month",
        "night",
        "morning",
        "afternoon",
        "evening",
        "days",
    ),
    "prev": ("previous", "preceding", "before", "overnight", "next", "following", "after"),
}

#: The speech verbs of :data:`_SPEECH`, whose scan is skipped when none occurs.
_SPEECH_WORDS = (
    "said",
    "says",
    "told",
    "stated",
    "announced",
    "reported",
    "confirmed",
    "added",
    "warned",
    "claimed",
    "tweeted",
    "wrote",
)
#: Words one of which every match of :data:`_FUTURE` holds (its auxiliaries,
#: the verbs after "to" and "would", its nouns and adverbs): a sentence
#: without any is not searched for future words.
_FUTURE_WORDS = (
    "will",
    "shall",
    "would",
    "visit",
    "meet",
    "travel",
    "hold",
    "resume",
    "reconvene",
    "host",
    "due",
    "set",
    "schedul",
    "expect",
    "held",
    "upcoming",
    "ahead",
    "advance",
    "plan",
    "next",
)
#: The verbs one of which every match of :data:`_TOLL_UPDATE` holds.
_TOLL_UPDATE_WORDS = (
    "rose",
    "risen",
    "rises",
    "climbed",
    "jumped",
    "increased",
    "reached",
    "mounted",
    "swelled",
    "put",
    "stood",
    "was",
    "were",
)
#: Groups in the order of :data:`_PATTERNS`, then the speech verbs, the
#: future words and the toll verbs (one pass for all).
_FILTER = StemFilter(
    [_ANCHORS[k] for k, _ in _PATTERNS] + [_SPEECH_WORDS, _FUTURE_WORDS, _TOLL_UPDATE_WORDS], SENTENCE_STEMS
)
_SPEECH_GROUP = len(_PATTERNS)
_FUTURE_GROUP = _SPEECH_GROUP + 1
_TOLL_UPDATE_GROUP = _SPEECH_GROUP + 2

#: How far before a date the words that put it in the future are read.
_FUTURE_REACH = 80
#: "for a sixth day on Friday": a day this close to a count is the count's
#: own; farther ("fire on Monday, killing a porter, as the closure entered
#: its tenth day") it dates the other incident too.
_NTH_DAY_GAP = 12
#: Words that put a weekday or relative date in the future.
_FUTURE = LoweredPattern(
    re.compile(
        # Every alternative opens with a letter (the look-behind after "to",
        # "is|are|was|were" spelt out): ``re`` then skips to the letters
        # that can begin one instead of trying them all at every position.
        r"\b(?:will|shall|to(?<!way\sto)\s+(?:visit|meet|travel|hold|resume|reconvene|host)|"
        r"would\s+(?:meet|visit|travel|resume|reconvene|reopen|be\s+(?:taken\s+up|held|discussed|raised))|"
        r"is\s+(?:due|set|scheduled|expected)|are\s+(?:due|set|scheduled|expected)|"
        r"to\s+be\s+held|upcoming|ahead\s+of|in\s+advance\s+of|plans?\s+to|next|"
        # "a second meeting was planned for Wednesday"
        + "|".join(
            verb + r"\s+(?:planned|scheduled|due\s+(?:for|on)|set\s+for)" for verb in ("is", "are", "was", "were")
        )
        + r")\b",
        re.I,
    )
)
#: "would last until March 16": the end of a period, not when it began.
#: "fire went on into Saturday morning": the end of an incident that began
#: on the day told before, not its date.
_UNTIL = re.compile(
    r"\b(?:until|till|untill|through|(?:continu(?:ed|ing)|last(?:ed|ing)|went\s+on|raged|dragged\s+on)\s+into)"
    r"\s+(?:the\s+)?(?:end\s+of\s+|(?:early|small|late)\s+hours\s+of\s+)?$",
    re.I,
)
#: "work on the fence had begun in March": the month a work still going on
#: started; the work is dated by the report, not by it (a clash that "had
#: begun in March" is dated by it: see :attr:`DateMention.began`).
_HAD_BEGUN = re.compile(r"\bha(?:d|s|ve)\s+(?:been\s+)?(?:begun|started)\s+$", re.I)
#: A dateline's date ("KABUL, April 17 -") is the day of writing.
_DATELINE = re.compile(
    # "KABUL, April 17 -", "PESHAWAR, Pakistan, May 19 -": with the country after the city
    r"^\s*[A-Z][A-Z .'’-]{2,40}(?:/\s*[A-Z][A-Z .'’-]{2,40}){0,3},\s*(?:[A-Z][A-Za-z .'’-]{2,30},\s*)?$"
)
_AFTER_DATELINE = re.compile(r"(?:,?\s*\d{4})?\s*(?:\([^)]{1,30}\))?\s*[-—–:]")
#: "the death toll rose to 47 on Sunday": the day the count was updated,
#: not the day of the incident counted.
#: A count updated after the day opening the sentence (:func:`find_dates`).
_TOLL_UPDATE_AFTER = re.compile(
    r"[^.;]{0,80}?\b(?:toll|number\s+of\s+(?:the\s+)?(?:dead|deaths|wounded|injured|casualties))\s+"
    r"(?:had\s+|has\s+|was\s+)?(?:rose|risen|climbed|jumped|reached|increased|mounted|gone\s+up)\b",
    re.I,
)
_TOLL_UPDATE = re.compile(
    r"\b(?:(?:rose|risen|rises|climbed|jumped|increased|reached|mounted|swelled)\s+to|"
    r"(?:put|stood|was|were)\s+(?:the\s+(?:death\s+)?(?:toll|number\s+of\s+dead)\s+)?at)\s+"
    r"(?:at\s+least\s+|more\s+than\s+|over\s+|nearly\s+|about\s+)?[\d,]+(?:\s+[a-z]+)?"
    # "rose to 60 Monday" (no "on", as wire copy often writes it)
    r"(?:\s+(?:early|late))?(?:\s+(?:on|by))?\s+$|"
    # "the toll rose on Wednesday morning"
    r"\b(?:toll|number\s+of\s+(?:dead|deaths|casualties))\s+(?:had\s+)?(?:rose|risen|climbed|jumped)"
    r"(?:\s+(?:early|late))?\s+(?:on|by)\s+$",
    re.I,
)
#: An incident "was reported" on a day, "were reported" overnight: news
#: tells an incident so on the day it happened, not a statement's day.
_PASSIVE_REPORT = re.compile(r"\b(?:was|were|been|being|is|are)\s+(?:\w+\s+)?reported\s+(?:\w+\s+){0,2}$", re.I)
#: A closure over, in the simple past, right before its duration ("was
#: then closed for", "closed the border for", "stayed shut for"); not "has
#: been closed for", "after remaining closed for" (a perfect or a gerund).
_FINISHED_FOR = re.compile(r"\b(?:closed|shut|sealed)\s+(?:(?:its|the|their)\s+)?(?:[\w-]+\s+){0,2}?$", re.I)
#: ... unless told as going on, or as what came before another act.
_GOING_ON = re.compile(
    r"\b(?:has|have|had|been|being|remaining|remains?|stays?|is|are|still)\s+(?:\w+\s+)?(?:closed|shut|sealed)\b",
    re.I,
)
#: A date in the possessive ("Sunday's", "Tuesday’s") qualifies the noun
#: after it: the day of the incident that noun names.
_POSSESSIVE_DATE = re.compile(r"['’]s\b")


def _possessive_date(sentence: str, end: int) -> bool:
    """Whether the date ending at ``end`` is in the possessive ("said
    Sunday's clash"): it names its noun's day, never a statement's (the
    date's pattern may have taken the "'s" in or left it after)."""
    return sentence[max(0, end - 2) : end] in ("'s", "’s") or _POSSESSIVE_DATE.match(sentence, end) is not None


#: A date right after a speech verb dates the statement, not the event.
_SPEECH = LoweredPattern(
    re.compile(
        r"\b(?:said|says|told|stated|announced|reported|confirmed|added|"
        r"warned|claimed|tweeted|wrote)\s+(?:\w+\s+){0,2}"
        # "stated on Saturday, 10 May, that ...": the weekday before the day
        r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?$",
        re.I,
    )
)


@dataclass(frozen=True)
class DateMention:
    """A date found in a sentence.

    Attributes
    ----------
    date : datetime.date
        The day (for week precision the middle of the week, for month the 1st).
    precision : str
        ``day``, ``week`` or ``month``.
    start, end : int
        Span in the sentence.
    statement : bool
        True when the date is not an event's: it follows a speech verb
        ("said on Monday") or ends a period ("until March 16").
    began : bool
        A month told as when something "had begun": a work still going on
        is not dated by it, an incident is.
    said : bool
        The date follows a speech verb ("officials said on Monday"): the day
        of the statement, the latest day an undated incident it reports can
        have.
    count_day : datetime.date or None
        For a count ("shut for a sixth day on Monday"), the day it counts
        to: the day named with it, else the published day. The date is the
        first day of the count; trucks stranded by the closure wait on
        this one.
    """

    date: dt.date
    precision: str
    start: int
    end: int
    statement: bool = False
    kind: str = ""
    began: bool = False
    count_day: dt.date | None = None
    said: bool = False

    def iso(self) -> str:
        """``YYYY-MM-DD``, or ``YYYY-MM`` for month precision."""
        return self.date.strftime("%Y-%m") if self.precision == "month" else self.date.isoformat()


def _date_mention(
    date: dt.date,
    precision: str,
    start: int,
    end: int,
    statement: bool,
    kind: str,
    began: bool,
    count_day: dt.date | None,
    said: bool,
) -> DateMention:
    """``DateMention(...)`` with every field, made faster: a frozen
    dataclass's ``__init__`` sets each field through ``object.__setattr__``,
    several times the cost of filling the instance's ``__dict__``, and
    :func:`find_dates` makes one per date found. The result is the same
    object (tests compare both)."""
    d = _NEW(DateMention)
    d.__dict__.update(
        date=date,
        precision=precision,
        start=start,
        end=end,
        statement=statement,
        kind=kind,
        began=began,
        count_day=count_day,
        said=said,
    )
    return d


_NEW = object.__new__


def _ordinal(text: str) -> int:
    text = text.lower()
    return int(text[:-2]) if text[:-2].isdigit() else _ORDINALS.get(text, 1)


def count_value(text: str) -> int:
    """The number a count is written as: digits or a number word ("two", "a", "several")."""
    text = text.lower()
    return int(text) if text.isdigit() else _NUMWORD.get(text, 1)


def _month_shift(d: dt.date, months: int) -> dt.date:
    y, m = divmod(d.year * 12 + d.month - 1 + months, 12)
    return dt.date(y, m + 1, 1)


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _infer_year(month: int, day: int, published: dt.date | None, future: bool) -> dt.date | None:
    """Year of a month-day date: the published year, or the one before when
    that would put a past event more than a week after publication."""
    if published is None:
        return None
    d = _safe_date(published.year, month, day)
    if d is None:
        return None
    if not future and d > published + dt.timedelta(days=7):
        d = _safe_date(published.year - 1, month, day)
    elif future and d < published - dt.timedelta(days=180):
        d = _safe_date(published.year + 1, month, day)
    return d


def _resolve(kind: str, m: re.Match, published: dt.date | None, future: bool) -> tuple[dt.date, str] | None:
    g = m.groupdict()
    if kind == "iso":
        d = _safe_date(int(g["y"]), int(g["m"]), int(g["d"]))
        return (d, "day") if d else None
    if kind in ("mdy", "dmy"):
        month = MONTHS[g["month"].lower().rstrip(".")]
        day = int(g["day"])
        if g.get("year"):
            d = _safe_date(int(g["year"]), month, day)
        else:
            d = _infer_year(month, day, published, future)
        return (d, "day") if d else None
    if kind == "my":
        month = MONTHS[g["month"].lower().rstrip(".")]
        if g.get("year"):
            year = int(g["year"])
        elif published is not None and g.get("yrel"):
            shift = {"last": -1, "the previous": -1, "this": 0, "next": 1, "the following": 1}
            year = published.year + shift.get(re.sub(r"\s+", " ", g["yrel"].lower()), 0)
        elif published is not None and g.get("lastm"):
            # "last June": the June before the month of publication
            year = published.year if month < published.month else published.year - 1
        elif published is not None and future:
            # "will meet again in January", said in November: the next one;
            # "will be held in October", said in July: this year's
            year = published.year if month >= published.month else published.year + 1
        elif published is not None:
            year = published.year if month <= published.month else published.year - 1
        else:
            return None
        return (dt.date(year, month, 1), "month") if 1 <= year <= 9999 else None
    if published is None:
        return None
    if kind == "weekday":
        wd = WEEKDAYS[g["weekday"].lower()]
        if g.get("next") or (future and not g.get("last")):
            delta = (wd - published.weekday()) % 7
            if g.get("next") and g["next"].lower() == "next" and delta == 0:
                delta = 7
            return published + dt.timedelta(days=delta), "day"
        delta = (published.weekday() - wd) % 7
        if g.get("last") and delta == 0:
            delta = 7
        return published - dt.timedelta(days=delta), "day"
    if kind == "prev":  # re-anchored to the day of the story by find_dates or its caller
        return published + dt.timedelta(days=1 if g.get("next") else -1), "day"
    if kind == "nth":
        if g["unit"].lower() == "week":  # "shut for a second week": began about a week ago
            return published - dt.timedelta(days=7 * (_ordinal(g["nth"]) - 1)), "week"
        return published - dt.timedelta(days=_ordinal(g["nth"]) - 1), "day"
    if kind in ("ago", "for"):
        n = count_value(g["count"])
        unit = g["unit"].lower()
        if unit == "day":
            return published - dt.timedelta(days=n), "day"
        if unit == "week":
            return published - dt.timedelta(days=7 * n), "week"
        return _month_shift(published, -n), "month"
    rel = re.sub(r"\s+", " ", g["rel"].lower())
    if rel in ("today", "tonight") or rel.startswith("this ") and rel.endswith(("morning", "afternoon", "evening")):
        return published, "day"
    if rel == "last night":
        return published - dt.timedelta(days=1), "day"
    if rel == "the day before yesterday":
        return published - dt.timedelta(days=2), "day"
    if rel.endswith("days"):  # "in recent days", "over the past few days"
        return published - dt.timedelta(days=1), "week"
    if rel == "yesterday":
        return published - dt.timedelta(days=1), "day"
    if rel == "tomorrow":
        return published + dt.timedelta(days=1), "day"
    if (
        "weekend" in rel
        and (future or rel.startswith("next"))
        and not rel.startswith(("last", "previous", "past"))
        and "past" not in rel
    ):
        # "a meeting is planned for this weekend": the Saturday to come
        ahead = (5 - published.weekday()) % 7 or (7 if rel.startswith("next") else 0)  # "next" on a Saturday
        return published + dt.timedelta(days=ahead), "week"
    if "weekend" in rel:
        back = (published.weekday() - 5) % 7 or 7
        if rel.startswith("this") and published.weekday() >= 5:
            back = published.weekday() - 5
        return published - dt.timedelta(days=back), "week"
    if rel.endswith("week"):
        if rel.startswith("past"):
            # "over the past week": the seven days up to the report
            return published - dt.timedelta(days=3), "week"
        if rel.startswith(("last", "previous")) or rel == "week before" or rel == "the week before":
            return published - dt.timedelta(days=7), "week"
        if rel.startswith("next"):
            return published + dt.timedelta(days=7), "week"
        if rel.startswith("earlier"):
            return published - dt.timedelta(days=3), "week"
        return published, "week"
    if rel.endswith("month") or rel.endswith("before"):
        if rel.startswith(("last", "past", "previous")) or "before" in rel:
            return _month_shift(published, -1), "month"
        if rel.startswith("next"):
            return _month_shift(published, 1), "month"
        return published.replace(day=1), "month"
    return None


def find_dates(
    sentence: str | ScannedSentence, published: dt.date | None, scan: dict[int, set[int]] | None = None
) -> list[DateMention]:
    """All dates in ``sentence``, resolved against ``published``, in text order.

    Never raises for any input text; returns ``[]`` when nothing is found.

    Parameters
    ----------
    sentence : str
    published : datetime.date or None
    scan : dict, optional
        :meth:`~geomap.extract.stems.StemIndex.scan` of the lower-cased
        sentence by :data:`~geomap.extract.stems.SENTENCE_STEMS`, when the
        caller has it (saves this function's own pass).

    Examples
    --------
    >>> [d.iso() for d in find_dates("Talks began on Saturday.", dt.date(2025, 10, 28))]
    ['2025-10-25']
    """
    if isinstance(sentence, ScannedSentence):  # the scan made once per sentence
        sentence, scan, low = sentence.text, sentence.scan, sentence.low
    else:
        low = sentence.lower()
    present = _FILTER.present(low, scan)
    # Kinds in their order: earlier kinds claim overlapping text first.
    kinds = [i for i in sorted(present) if i < _SPEECH_GROUP]
    if not kinds:
        return []
    lowered = lowered_ok(sentence, low)
    speech = _SPEECH_GROUP in present
    # The stems of the future and toll-update words tell only when
    # lower-casing kept the letters (IGNORECASE reads "ſhall" as "shall").
    toll_words = (not lowered or _TOLL_UPDATE_GROUP in present) and (
        " to " in low or " at " in low or "toll" in low or "number of" in low
    )
    # any future word in the sentence (one scan, when the first date is met)
    future_words: bool | None = None if not lowered or _FUTURE_GROUP in present else False
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    for i in kinds:
        kind, pattern = _PATTERNS[i]
        for m in finditer_bounded(_LOWERED[i], low) if lowered else pattern.finditer(sentence):
            if taken and any(m.start() < e and s < m.end() for s, e in taken):
                continue
            if future_words is None:
                future_words = bool(_FUTURE.search(sentence, low=low))
            # The future is read near the date only: "met on Monday and
            # agreed to meet again in February" is a past Monday.
            future = (
                future_words
                and kind not in ("iso", "ago", "for")
                and not (kind in ("mdy", "dmy") and m.group("year"))
                and bool(_FUTURE.search(sentence, max(0, m.start() - _FUTURE_REACH), m.end(), low))
            )
            try:
                res = _resolve(kind, m, published, bool(future))
            except (ValueError, OverflowError):  # dates beyond year 1..9999
                res = None
            if res is None or res[0] is None:
                continue
            taken.append((m.start(), m.end()))
            # A speech verb and up to two words fit in the 60 characters before.
            statement = said = speech and bool(_SPEECH.search(sentence[max(0, m.start() - 60) : m.start()]))
            if statement and _PASSIVE_REPORT.search(sentence[max(0, m.start() - 60) : m.start()]):
                # "firing was reported again on Friday": the incident's day
                statement = said = False
            if statement and _possessive_date(sentence, m.end()):
                # "a spokesman said Sunday's clash killed three": the day of
                # the clash the date names, not of the statement
                statement = said = False
            if (
                not statement
                and m.start() < 60
                # (a dateline before a date ends with its comma)
                and sentence[: m.start()].rstrip().endswith(",")
                and _DATELINE.match(sentence[: m.start()])
            ):
                statement = bool(_AFTER_DATELINE.match(sentence, m.end()))  # "KABUL, April 17 -"
            if not statement and toll_words and m.start() > 10:
                statement = bool(_TOLL_UPDATE.search(sentence, max(0, m.start() - 50), m.start()))
            elif not statement and toll_words and m.start() <= 12:
                # "On Friday, an official said the number of wounded had
                # risen to 92", "By Wednesday the toll had reached 17": the
                # day of the count that opens the sentence
                statement = bool(_TOLL_UPDATE_AFTER.match(sentence, m.end()))
            if not statement and ("til" in low or "through" in low or "into" in low):
                statement = bool(_UNTIL.search(sentence, max(0, m.start() - 30), m.start()))
            if kind == "for" and not statement:
                # "the crossing was then closed for about three weeks", "which
                # closed the border for almost a week": a period over, told
                # in the simple past, does not run back from the day of the
                # report ("has been closed for a week" does)
                before = sentence[max(0, m.start() - 50) : m.start()]
                statement = bool(_FINISHED_FOR.search(before)) and not _GOING_ON.search(before)
            began = res[1] == "month" and ("begun" in low or "started" in low)
            began = began and bool(_HAD_BEGUN.search(sentence, max(0, m.start() - 40), m.start()))
            count_day = published if kind == "nth" and res[1] == "day" else None
            found.append(_date_mention(res[0], res[1], m.start(), m.end(), statement, kind, began, count_day, said))
    found.sort(key=lambda d: d.start)
    if len(found) < 2:
        # (most sentences: every step below reads two dates or more, or
        # leaves a lone date as it is)
        return found
    # "for a third day on Thursday": the count runs back from the day named
    # (the nearest; told with the count, it is the count's only).
    for i, d in enumerate(found):
        if d.kind == "nth" and d.precision == "day" and published is not None:
            ref = [e for e in found if e.kind in ("iso", "mdy", "dmy", "weekday", "rel") and e.precision == "day"]
            if ref:
                near = min(ref, key=lambda e: max(e.start - d.end, d.start - e.end))
                back = (published - d.date).days
                found[i] = replace(d, date=near.date - dt.timedelta(days=back), count_day=near.date)
                if max(near.start - d.end, d.start - near.end) <= _NTH_DAY_GAP:
                    found = [e for e in found if e is not near]
                break
    found = _weekday_of_last_week(sentence, found, published)
    if published is not None and " and " in low:
        found = _weekdays_in_order(sentence, found, published)
    # "the military said on Tuesday that six were killed the previous
    # night": the day before the day the sentence names, even a statement's.
    days = [e for e in found if e.precision == "day" and e.kind not in ("prev", "nth")]
    for i, d in enumerate(found):
        if d.kind != "prev":
            continue
        if _NEXT_DAY.match(low, d.start):
            # "attacked on October 11 ... closed the crossing the next day":
            # the day after the day named before it, else after the day
            # told last (see :func:`next_or_previous`).
            ref = [e for e in days if e.end <= d.start and not e.statement]
            if ref:
                found[i] = replace(d, date=ref[-1].date + dt.timedelta(days=1), kind="relative")
        elif days:
            near = min(days, key=lambda e: abs(e.start - d.start))
            found[i] = replace(d, date=near.date - dt.timedelta(days=1), kind="relative")
    found = _day_in_apposition(sentence, found)
    if "night" in low:
        # "on the night between Tuesday and Wednesday": the night of its first day
        for a, b in zip(found, found[1:]):
            if a.kind == b.kind == "weekday" and _NIGHT_BETWEEN.search(sentence, max(0, a.start - 30), b.start):
                found = [d for d in found if d is not b]
                break
    # "Monday (March 17)": the explicit date wins over the weekday it names.
    explicit = [d for d in found if d.kind in ("iso", "mdy", "dmy")]
    return [d for d in found if not (d.kind == "weekday" and any(0 <= e.start - d.end <= 3 for e in explicit))]


_NEXT_DAY = re.compile(r"the\s+(?:next|following|day\s+after)")


_THAT_BETWEEN = re.compile(r"\bthat\b", re.I)


def _weekdays_in_order(sentence: str, found: list[DateMention], published: dt.date) -> list[DateMention]:
    """ "tried to cross into Kurram on Friday and into North Waziristan on
    Saturday", published on a Friday: days told in sequence follow each
    other, so the first is the Friday before the Saturday, not the day of
    publication (a weekday named on its own day is read as that day)."""
    out = list(found)
    for i, (a, b) in enumerate(zip(found, found[1:])):
        if (
            a.kind == b.kind == "weekday"
            and a.date == published
            and b.date < a.date
            and b.start - a.end <= 60
            and " and " in sentence[a.end : b.start]
            # ("said on Wednesday that shells had hit the valley and villages
            # since Sunday": the day of a statement, then of what it reports)
            and not a.statement
            and not _THAT_BETWEEN.search(sentence, a.end, b.start)
        ):
            out[i] = replace(a, date=a.date - dt.timedelta(days=7))
    return out


def next_or_previous(d: DateMention, sentence: str, told: dt.date) -> DateMention:
    """A "the previous night" / "the next day" that its sentence did not
    anchor (``d.kind == "prev"``), anchored to the day ``told`` last."""
    step = 1 if _NEXT_DAY.match(sentence.lower(), d.start) else -1
    return replace(d, date=told + dt.timedelta(days=step), kind="relative")


_NIGHT_BETWEEN = re.compile(r"\bnight\s+(?:of\s+|between\s+)?\w+\s+(?:and|to|-)\s+$", re.I)
_APPOSITION = re.compile(r"^\s*(?:,|\(|—|–)?\s*(?:on\s+)?$", re.I)


def _day_in_apposition(sentence: str, found: list[DateMention]) -> list[DateMention]:
    """ "earlier this month, on November 3": the day told beside a week or a
    month that holds it is the one date."""
    loose = []
    for a, b in zip(found, found[1:]):
        if not _APPOSITION.match(sentence[a.end : b.start]):
            continue
        for wide, day in ((a, b), (b, a)):
            if wide.precision == "month" and day.precision == "day":
                holds = (wide.date.year, wide.date.month) == (day.date.year, day.date.month)
            elif wide.precision == "week" and day.precision == "day":
                holds = abs((wide.date - day.date).days) <= 3
            else:
                continue
            if holds and not day.statement:
                loose.append(wide)
    if not loose:  # most sentences: no list to filter
        return found
    return [d for d in found if not any(d is w for w in loose)]


_LAST_WEEK = re.compile(r"(?:on\s+)?last\s+week$", re.I)
_BETWEEN_DAY_WEEK = re.compile(r"^\s*(?:,\s*)?(?:on\s+)?$", re.I)


def _weekday_of_last_week(sentence: str, found: list[DateMention], published: dt.date | None) -> list[DateMention]:
    """ "On Wednesday last week", "last week on Monday": one day, the weekday
    of the calendar week before the published one (not "last week" a week
    wide beside it, which the event nearest to it would take)."""
    if published is None or len(found) < 2:
        return found
    for a, b in zip(found, found[1:]):
        pair = {a.kind, b.kind}
        if pair != {"weekday", "rel"} or not _BETWEEN_DAY_WEEK.match(sentence[a.end : b.start]):
            continue
        day, week = (a, b) if a.kind == "weekday" else (b, a)
        if week.precision != "week" or not _LAST_WEEK.search(sentence[week.start : week.end].strip()):
            continue
        if sentence.startswith(("'s", "’s"), week.end):
            continue  # "on Monday, last week's attack": the week names the other incident
        weekday = WEEKDAYS[re.search(_WEEKDAY, sentence[day.start : day.end], re.I)["weekday"].lower()]
        monday = published - dt.timedelta(days=published.weekday() + 7)
        merged = DateMention(
            monday + dt.timedelta(days=weekday), "day", a.start, b.end, a.statement or b.statement, "weekday"
        )
        return [merged if d is a else d for d in found if d is not b]
    return found


def published_fallback(published: dt.date | None) -> DateMention | None:
    """The date given to an event whose sentence has none: published, week precision."""
    if published is None:
        return None
    return DateMention(published, "week", -1, -1)
