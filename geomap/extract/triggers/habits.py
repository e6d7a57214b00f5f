"""Habits, records and states over years: no incident on a day.

"closures are common", "guards have repeatedly clashed", "in the 1980s",
"has built fences in recent years".
"""

from __future__ import annotations

import re

from ..stems import SENTENCE_STEMS, StemFilter

#: A habit or a record of the sentence, not an incident.
_HABITUAL = re.compile(
    r"\b(?:are|is|were|(?:has|have)\s+been)\s+(?:a\s+|an\s+)?(?:\w+\s+)?(?:common|frequent|routine|regular|rare|recurring)\b|"
    r"\bin\s+the\s+past\b|\boften\b|\bfrequently\b|\broutinely\b|\bregularly\b|"
    r"\bhistorically\b|\bfrom\s+time\s+to\s+time\b|\busually\b|"
    # "the crossing closed every evening", "shelled each night": a routine
    r"\b(?:every|each)\s+(?:evening|night|morning|afternoon|weekend|winter|summer|time)\b|\bwhenever\b|"
    # a record, not an incident: "guards have repeatedly clashed over the
    # fence", "has closed the crossing several times since 2021", "on
    # several occasions", "time and again", "clashes are not new"
    r"\b(?:has|have)\s+(?:\w+\s+)?repeatedly\b|"
    r"\b(?:several|many|numerous|multiple|countless)\s+times\s+(?:since|in\s+(?:the\s+)?(?:past|last|recent)|over|before)\b|"
    r"\bon\s+(?:several|many|numerous|multiple|countless)\s+occasions\b|\btime\s+and\s+(?:time\s+)?again\b|"
    r"\b(?:are|is)\s+(?:not|nothing)\s+new\b|\brarely\b|\bseldom\b|\btypically\b|\btend\s+to\b",
    re.I,
)
#: A state over years, read in the trigger's own clause only: "has built
#: fences in recent years", "has been suspended for years".
_OVER_YEARS = re.compile(
    r"\b(?:in|of)\s+recent\s+(?:years|months)\b|\bover\s+the\s+(?:years|past\s+(?:decade|few\s+years))\b|"
    r"\b(?:has|have|had)\s+been\s+(?:\w+\s+)?for\s+(?:years|decades)\b|"
    # "the latest in a string of confrontations", "a long history of conflict"
    r"\b(?:latest|deadliest|worst|bloodiest|biggest|most\s+serious)\s+in\s+a\s+(?:string|series|spate|wave|line)\s+of\b|"
    r"\bhistory\s+of\b|"
    # a span of a season or of months, no day in it: "fired rockets into the
    # valley over the summer", "shut for long periods during the operation",
    # "closed for most of the past five months"
    r"\b(?:over|throughout)\s+the\s+(?:summer|winter|spring|autumn)\b|\bfor\s+long\s+periods\b|"
    r"\bfor\s+(?:most|much)\s+of\s+the\s+(?:past|last)\s+(?:\w+\s+)?(?:months|years)\b|"
    # incidents before this one, told in the plural with no time: "residents
    # remember earlier attacks on convoys", "its earlier experience of raids"
    r"\b(?:earlier|previous)\s+(?:experiences?\s+of\s+)?(?:[\w-]+\s+)?"
    r"(?:attacks|clashes|raids|strikes|incidents|closures|bombings|skirmishes|shellings)\b|"
    # incidents spread over a whole country: "after a string of bombings
    # across the country" (no place of theirs; the sentence's places are
    # another incident's)
    r"\b(?:attacks|bombings|blasts|explosions|strikes|raids)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:across|throughout|around|all\s+over)\s+the\s+country\b",
    re.I,
)
#: Every match of :data:`_OVER_YEARS` holds one of these.
_OVER_YEARS_STEMS = (
    "recent",
    "years",
    "decade",
    "latest",
    "deadliest",
    "worst",
    "bloodiest",
    "biggest",
    "most serious",
    "history",
    "summer",
    "winter",
    "spring",
    "autumn",
    "long periods",
    "months",
    "earlier",
    "previous",
    "country",
)
#: A tally of casualties by cause ("most of the casualties were caused by
#: shelling in four provinces"): figures summed over many incidents, none
#: of them told; every incident of the sentence.
_TALLY = re.compile(
    r"\b(?:most|many|much|half|majority|bulk|all|some|rest)\s+of\s+(?:the\s+|these\s+|those\s+)?"
    r"(?:civilian\s+)?(?:casualties|deaths|victims|injuries|fatalities)\s+(?:were|was|(?:had|have)\s+been)\s+"
    r"(?:caused\s+by|due\s+to|the\s+result\s+of|from)\b",
    re.I,
)
#: A decade told anywhere in the sentence ("In the 1950s and 1960s, the two
#: armies clashed in Bajaur"): history, unless a day of the week is told too.
_DECADE = re.compile(r"\b(?:in|during|through)\s+the\s+(?:early\s+|late\s+|mid-)?(?:18|19|20)\d0s\b", re.I)


#: Every match of :data:`_HABITUAL` holds one of these.
_HABIT_STEMS = (
    "common",
    "frequent",
    "routine",
    "regular",
    "rare",
    "recurring",
    "past",
    "often",
    "historically",
    "time to time",
    "usually",
    "whenever",
    "repeatedly",
    "rarely",
    "seldom",
    "typically",
    "tend to",
    "times",
    "occasions",
    "again",
    "new",
) + tuple(
    f"{each} {when}"
    for each in ("every", "each")
    for when in ("evening", "night", "morning", "afternoon", "weekend", "winter", "summer", "time")
)


_HABIT_FILTER = StemFilter([_HABIT_STEMS], SENTENCE_STEMS)


def is_habitual(sentence: str, low: str | None = None, scan: dict[int, set[int]] | None = None) -> bool:
    """True when the sentence describes a habit, not an incident.

    ``low`` is ``sentence.lower()`` and ``scan`` its sentence scan (see
    :func:`geomap.extract.types.find_triggers`) when the caller has them already.
    """
    if scan is not None:
        if not _HABIT_FILTER.present("", scan):
            return False
    else:
        if low is None:
            low = sentence.lower()
        if not any(w in low for w in _HABIT_STEMS):
            return False
    m = _HABITUAL.search(sentence)
    if (
        m is not None
        and (m.group(0)[:1].lower() in "ew" or m.group(0).lower().endswith("repeatedly"))
        and _RECENT_SERIES.search(sentence)
    ):
        # "shelled villages each night this week", "since Saturday, rockets
        # have landed every night": a series of incidents now, not a routine
        # (nor "whenever", "every time" in such a sentence)
        return _HABITUAL.search(sentence, m.end()) is not None
    return m is not None


#: A recent span that makes "every night" a series of incidents.
_RECENT_SERIES = re.compile(
    r"\b(?:this|last|past)\s+(?:week|weekend|month|few\s+days|several\s+days|days)\b|\b[Ss]ince\s+(?:[A-Z]\w+day|the|last|early)\b|"
    r"\bfor\s+(?:the\s+)?(?:past|last)\b|\bfor\s+(?:two|three|four|five|six|several)\s+(?:days|nights)\b",
)
