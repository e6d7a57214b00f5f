"""Incidents only spoken of: supposed, in general, conditional or called untrue.

"any closure of Torkham", "no date for the reopening", "closures hurt
traders", "relations have been tense since the clashes", "called reports of
shelling baseless", "will be closed if the attacks continue", "fresh
clashes are likely", "attacks rose by 40 percent", and a closure that is a
road's, not the border's.
"""

from __future__ import annotations

import re

#: Talks held to get something done: one list for the two readings of talks
#: below ("talks for the opening", "discussions ... on reopening").
_TALKS = r"talks|negotiations|discussions|consultations"
#: A reopening spoken of, not done: "still no date for the reopening",
#: "a timetable for the reopening", "conditions for reopening", "depends on
#: the reopening", "talks are under way for the opening of the crossing"
#: (read before the noun).
_REOPENING_UNREAL_BEFORE = re.compile(
    r"\b(?:dates?|timelines?|timetables?|time\s*frames?|deadlines?|schedules?|roadmaps?|(?:pre)?conditions?|"
    r"prerequisites?|hopes?|prospects?|chances?|calls?|pleas?|appeals?|requests?|demands?|push|pressure|"
    # what is done to have it: "talks are under way for the opening of the
    # crossing", "efforts for its reopening"
    + _TALKS
    + r"|efforts|attempts|bids?|lobbying)\s+"
    r"(?:[\w'’-]+\s+){0,3}?(?:for|of|on|to)\s+(?:the\s+|its\s+|their\s+|an?\s+|any\s+)?(?:[\w-]+\s+)?$|"
    r"\b(?:depend\w*|hing\w*|conditional|contingent)\s+(?:up)?on\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+)?$|"
    # "any reopening of Chaman would depend on guarantees": no one reopening
    r"\bany\s+(?:early\s+|quick\s+|swift\s+|full\s+)?$|"
    # "discussions were ongoing between the two governments on reopening
    # the route": the topic of talks, further from the noun than the
    # purpose above and after words of topic only
    r"\b(?:" + _TALKS + r"|dialogue)\s+(?:[\w'’-]+\s+){0,8}?"
    r"(?:on|about|over|regarding|concerning)\s+(?:the\s+|its\s+)?$",
    re.I,
)
#: ... and after it: "the reopening of the crossing will hinge on",
#: "reopening the crossing will take days", "its reopening is uncertain".
_REOPENING_UNREAL_AFTER = re.compile(
    r"(?:\s+(?:of\s+)?(?:the\s+|its\s+|both\s+)?(?:[\w'’-]+\s+){0,3}?(?:crossings?|border|gates?|terminals?|routes?|pass)\b|"
    r"\s+of\s+(?-i:[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?))?"
    r",?\s+(?:would|will|could|might|(?-i:may)|shall|depends?|depended|hinges?|hinged|"
    r"(?:is|was|remains?|remained)\s+(?:still\s+)?(?:conditional|contingent|subject|dependent|uncertain|unlikely|"
    r"tied|linked))\b",
    re.I,
)
#: Closures spoken of in general: "closures have cost exporters dearly"
#: (a bare plural: no article, number or possessive before it), "shutting a
#: border crossing punishes the labourers" (any crossing).
_DETERMINED = re.compile(
    r"\b(?:the|these|those|this|that|its|their|his|her|our|both|two|three|four|five|six|several|\d+)\s+"
    r"(?:[\w'’-]+\s+){0,2}$",
    re.I,
)
_ON_A_DAY = re.compile(
    r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:this|last)\s+week\b|\byesterday\b|\btoday\b"
)
_ANY_CROSSING_AFTER = re.compile(
    r"\s+(?:an?|any|every)\s+(?:[\w-]+\s+)?(?:crossings?|borders?|gates?|routes?|frontiers?)\b", re.I
)
#: An incident of no one time: "any closure of Torkham hurts labourers",
#: "vowed to answer any attack", "every closure costs traders", "each
#: closure of Chaman hits the poor" (read before
#: the trigger).
_ANY_BEFORE = re.compile(r"\b(?:any|every|each)(?:\s+[\w-]+)?\s*$", re.I)
#: A record of incidents named by their plural: "the repeated closures of
#: Torkham", "past clashes at Chaman" (no day told in the sentence).
_RECORD_BEFORE = re.compile(r"\b(?:repeated|frequent|recurrent|recurring|periodic|past|previous)\s*$", re.I)
#: An activity named by a gerund opening the sentence: "Closing Torkham is
#: not the answer", "Shutting the border hurts traders".
_ACTIVITY_AFTER = re.compile(
    r"(?:\s+(?:the\s+|a\s+|its\s+)?[\w'’-]+(?:\s+(?:crossings?|border|gates?))?)?\s+"
    r"(?:is|are|was|would|will|could|can|has|does|only|hurts|harms|punishes|costs|serves|helps)\b",
    re.I,
)
#: ... or one only supposed: "a prolonged closure would ruin them", "another
#: clash at Chaman could derail the talks" (an indefinite noun before the
#: trigger, a modal right after it and its place).
_INDEFINITE_BEFORE = re.compile(r"\b(?:a|an|another)(?:\s+[\w-]+){0,2}\s*$", re.I)
_MODAL_AFTER = re.compile(
    r"(?:\s+(?:of|at|in|on|along|across|between|with|by)\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+)?)?,?\s+"
    r"(?:would|could|might|(?-i:may))\b",
    re.I,
)


def _supposed(sentence: str, words: list[str], end: int) -> bool:
    """Is the trigger ending at ``end`` (``words`` before it) an incident
    of no one time ("any closure") or one only supposed ("a closure would")?"""
    before = " ".join(words[-3:])
    if _ANY_BEFORE.search(before):
        return True
    if _RECORD_BEFORE.search(before) and sentence[end - 1 : end] == "s" and not _ON_A_DAY.search(sentence.lower()):
        return True  # "the repeated closures of Torkham", "past clashes at Chaman"
    if not words and sentence[end - 3 : end].lower() == "ing" and _ACTIVITY_AFTER.match(sentence, end):
        return True  # "Closing Torkham is not the answer"
    return bool(_INDEFINITE_BEFORE.search(before) and _MODAL_AFTER.match(sentence, end))


#: "will" right before a reopening verb ("it will reopen", "will be reopened",
#: "will only reopen").
_WILL_BEFORE = re.compile(r"\bwill\s+(?:[\w'’-]+\s+)?(?:be\s+)?$")
#: A day or month the sentence tells (on the lower-cased text).
_DAY_TOLD = re.compile(
    r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\btomorrow\b|\bnext\s+(?:week|month)\b|"
    r"\b(?:january|february|march|april|june|july|august|september|october|november|december)\b|\b\d{1,2}\s+may\b|\bmay\s+\d"
)


#: A statement's day ("officials said Sunday", "told reporters on Monday"):
#: when it was said, not when the crossing reopens (read before a day).
_SAID_BEFORE = re.compile(r"\b(?:said|says|told\s+[\w'’-]+|announced|added)\s+(?:on\s+|late\s+|early\s+)?$")


def _day_of_reopening(low: str) -> bool:
    """Whether the sentence (lower case) tells a day other than the day of
    a statement ("will soon reopen the route, officials said Sunday" tells
    none: the statement's day is not the reopening's)."""
    return any(not _SAID_BEFORE.search(low, max(0, m.start() - 30), m.start()) for m in _DAY_TOLD.finditer(low))


def _reopening_unreal(sentence: str, low: str, start: int, end: int) -> bool:
    """Is the reopening noun at ``start:end`` only spoken of ("no date for
    its reopening", "the reopening of the crossings would depend on ...")?
    Reopenings told with a verb ("reopened on Monday") are never."""
    if low.startswith("will", max(0, start - 12)) or " will " in low[max(0, start - 16) : start]:
        # "no sign it will reopen soon": a reopening to come with no day
        # (one announced for a day, "will reopen on Monday", is told)
        if _WILL_BEFORE.search(low, max(0, start - 16), start) and not _day_of_reopening(low):
            return True
    if not low.startswith(("reopening", "re-opening", "opening", "resumption"), start):
        return False
    return bool(
        _REOPENING_UNREAL_BEFORE.search(sentence, max(0, start - 60), start)
        or _REOPENING_UNREAL_AFTER.match(sentence, end)
    )


#: What a closure may shut: a road (not the border) or a crossing.
_ROAD_OR_CROSSING = re.compile(
    r"\b(?:(?P<road>roads?|highways?|motorways?|tunnels?|bridges?)|crossings?|borders?|gates?|terminals?|frontier|"
    r"routes?|pass|points?)\b",
    re.I,
)


#: "traffic on the Peshawar-Torkham road was suspended": a road's traffic
#: (read right before the verb).
_TRAFFIC_ON_ROAD = re.compile(
    r"\btraffic\s+(?:on|along|through)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}(?:roads?|highways?|motorways?)\s+"
    r"(?:was|were|is|are|(?:has|have|had)\s+been|remained|remains|stayed)\s+(?:\w+\s+)?$",
    re.I,
)


def _road_closing(sentence: str, breaks: list[int], start: int, end: int) -> bool:
    """Is what closes at ``start:end`` a road, tunnel or bridge? The first of
    a road and a crossing in the clause before the trigger ("the road towards
    the border had been closed"; not "Torkham, on the main highway to Kabul,
    was closed"), else the first after it ("police closed the road to the
    district headquarters")."""
    if not any(w in sentence for w in ("road", "highway", "motorway", "tunnel", "bridge")):
        return False
    cut = max((b for b in breaks if b <= start), default=0)
    if "traffic" in sentence and _TRAFFIC_ON_ROAD.search(sentence, max(cut, start - 80), start):
        # "lit up the pass, and traffic on the Peshawar-Torkham road was
        # suspended": the road is what the verb tells of
        return True
    first = _ROAD_OR_CROSSING.search(sentence, cut, start) or _ROAD_OR_CROSSING.search(sentence, end, end + 40)
    return first is not None and first.group("road") is not None


def _generic_closure(sentence: str, low: str, start: int, end: int) -> bool:
    """Are closures at ``start:end`` spoken of in general ("closures come
    at the slightest provocation", "closing a crossing hurts traders")?"""
    word = low[start:end]
    if word == "closures":
        # ("closures at Torkham and Chaman on Monday": closures on a day)
        return not _DETERMINED.search(sentence, max(0, start - 40), start) and not _ON_A_DAY.search(low)
    return word in ("closing", "shutting", "sealing") and bool(_ANY_CROSSING_AFTER.match(sentence, end))


#: "Relations have been strained since the clashes": a state of the two
#: countries' relations dated from an incident, read in the words before it.
_RELATIONS_SINCE = re.compile(
    r"\b(?:relations|ties|tensions?)\s+(?:[\w'’-]+\s+){0,5}?(?:(?:have|has|had)\s+(?:been|remained|stayed|run)|"
    r"remain(?:ed|s)?|(?:are|were|is))\s+(?:\w+\s+)?(?:strained|tense|frosty|uneasy|troubled|fraught|cold|high)\s+"
    r"(?:ever\s+)?since\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}$",
    re.I,
)
#: ... with no more than its time after it ("of last October", "in 2025"):
#: an incident told with its own details ("clashes in October that killed
#: 70 people") is reported, not only named.
_ONLY_ITS_TIME = re.compile(
    r"\s*(?:(?:of|in)\s+(?:last\s+|early\s+|late\s+|mid-)?[A-Z]?[a-z]+(?:\s+\d{4})?|of\s+\d{4}|"
    r"last\s+(?:year|month|week|[A-Z][a-z]+))?\s*[.;]?\s*$"
)


#: "the meeting, the first of the commission since the clashes along the
#: border last year, ...": an aside that dates a first from an incident.
_FIRST_SINCE = re.compile(r"\bthe\s+first\s+(?:[\w'’-]+\s+){0,4}?since\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}$", re.I)
_ONLY_ITS_TIME_ASIDE = re.compile(
    r"\s*(?:(?:along|on|across)\s+the\s+(?:border|frontier|Durand\s+Line)\s*)?"
    r"(?:(?:of|in)\s+(?:last\s+|early\s+|late\s+)?[A-Z]?[a-z]+(?:\s+\d{4})?|last\s+(?:year|month|week|[A-Z][a-z]+))?"
    r"\s*[,;.)]"
)


def _relations_since(sentence: str, words: list[str], end: int) -> bool:
    """Is the incident at ``end`` only what the two countries' relations
    are dated from ("relations have remained tense since the border clashes
    of last October"), or what a first is counted from ("the first meeting
    since the clashes along the border last year")?"""
    before = " ".join(words[-14:]) + " "
    if _RELATIONS_SINCE.search(before) and _ONLY_ITS_TIME.match(sentence, end):
        return True
    return bool(_FIRST_SINCE.search(before) and _ONLY_ITS_TIME_ASIDE.match(sentence, end))


#: A report called untrue, in other words than a denial's ("called reports
#: of shelling baseless", "there was no truth in reports that the crossing
#: had closed", "claims of an air strike were propaganda").
_BASELESS = re.compile(
    r"\b(?:baseless|unfounded|groundless|untrue|fabricated|concocted|propaganda|no\s+truth|not\s+true|fake|"
    r"misleading)\b",
    re.I,
)
_BASELESS_STEMS = (
    *("baseless", "unfounded", "groundless", "untrue", "fabricated", "concocted", "propaganda", "truth"),
    *("fake", "misleading"),
)
_REPORT_OF_BEFORE = re.compile(
    r"\b(?:reports?|claims?|allegations?|accounts?|news|rumou?rs?|stories)\s+(?:of|that|about)\s+(?:[\w'’-]+\s+){0,6}$",
    re.I,
)


def _report_denied(sentence: str, low: str, start: int) -> bool:
    """Is the trigger at ``start`` the content of a report the sentence
    calls untrue ("reports of shelling in Kunar" ... "baseless")? (A report
    someone "denied" is read by the denial rules, where the denial stands.)"""
    if not any(w in low for w in _BASELESS_STEMS):
        return False
    return bool(_REPORT_OF_BEFORE.search(sentence, max(0, start - 80), start) and _BASELESS.search(sentence))


#: A future told with its condition: "Torkham will be closed if the attacks
#: continue" (a modal before the trigger, "if" or "unless" after it in its clause).
_MODAL_BEFORE = re.compile(r"\b(?:will|would|could|shall|might|can)\b", re.I)
_IF_AFTER = re.compile(r"[^,;.]{0,40}?\b(?:if|unless)\b", re.I)


def _conditional_future(sentence: str, words: list[str], end: int) -> bool:
    """Is the trigger ending at ``end`` (``words`` before it) a future with its condition?"""
    return bool(_MODAL_BEFORE.search(" ".join(words[-3:])) and _IF_AFTER.match(sentence, end))


#: A prediction of the trigger, told right after it: "fresh clashes are
#: likely", "a closure seems probable", "more strikes are expected in the
#: coming days" (the present of a forecast; a past "was expected" is read
#: where it stands).
_FORECAST_AFTER = re.compile(
    r"\s+(?:[\w'’-]+\s+){0,4}?(?:is|are|seems?|looks?)\s+(?:now\s+|still\s+|increasingly\s+|more\s+)?"
    r"(?:likely|unlikely|possible|probable|expected|inevitable|imminent|feared)\b",
    re.I,
)

#: Every match of :data:`_FORECAST_AFTER` holds one of these.
_FORECAST_STEMS = ("likel", "possib", "probab", "expect", "inevitab", "immin", "fear")


def forecast(sentence: str, low: str, end: int) -> bool:
    """Is the trigger ending at ``end`` only forecast ("fresh clashes at
    Torkham are likely in the coming days")? No incident is told."""
    if not any(w in low for w in _FORECAST_STEMS):
        return False
    m = _FORECAST_AFTER.match(sentence, end)
    return m is not None and not any(c in m.group(0) for c in ",;")


#: A figure of incidents, not one: "cross-border attacks rose by 40 percent",
#: "closures fell sharply last year", "shelling incidents have doubled" (a
#: trend verb right after the trigger); also a sum of days, "shut for a
#: total of 90 days this year".
_TREND_AFTER = re.compile(
    r"(?:\s+(?:incidents|cases|numbers?))?\s+(?:have\s+|has\s+|had\s+)?"
    r"(?:rose|risen|rise|fell|fallen|increased|decreased|declined|dropped|doubled|tripled|halved|surged|soared|"
    r"plunged|plummeted|jumped)\s+(?:by|to|from|sharply|steeply|significantly|last|this|in|over|since|\d)|"
    r"\s+(?:[\w'’-]+\s+){0,3}?for\s+a\s+(?:combined\s+|cumulative\s+)?total\s+of\b",
    re.I,
)
#: Every match of :data:`_TREND_AFTER` holds one of these.
_TREND_STEMS = (
    "rose",
    "risen",
    "rise",
    "fell",
    "fallen",
    "creased",
    "declined",
    "dropped",
    "doubled",
    "tripled",
    "halved",
    "surged",
    "soared",
    "plunged",
    "plummeted",
    "jumped",
    "total",
)


def trend(sentence: str, low: str, end: int) -> bool:
    """Is the trigger ending at ``end`` counted in a figure ("attacks rose by
    40 percent", "shut for a total of 90 days") rather than told as one
    incident?"""
    return any(w in low for w in _TREND_STEMS) and _TREND_AFTER.match(sentence, end) is not None
