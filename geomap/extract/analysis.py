"""Per-sentence analysis: triggers, places, dates, casualties and actors of
one sentence become candidate draft events.

:func:`sentence_events` reads one :class:`ScannedSentence` with the
:class:`ArticleState` that earlier sentences built (places, crossing and
dates in context) and the :class:`ArticleInfo` of the whole article.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass, field, replace
from typing import Callable

from ..geocoders.base import Place
from .actors import ACTORS, find_actors
from .dates import DAY_KINDS, MONTHS, DateMention, count_value, find_dates, next_or_previous
from .draft import DraftEvent
from .gates import Gated
from .merging import same_place
from .numbers import Casualties, also_killed, attackers_toll, find_casualties, parse_number, toll_side
from .places import Mention, PlaceFinder
from .reading import Article
from .scanned import ScannedSentence
from .types import VIOLENT, Trigger, find_triggers

REGION = ("AF", "PK", "")
#: Types that happen on the border: with no place of their own they continue
#: the last crossing named, else the border as a whole.
BORDER_TYPES = ("armed_clash", "border_closure", "trade_disruption", "fortification")
#: Types where one sentence often lists several places hit ("strikes in
#: Barmal and a village in Sperah"): each place after the trigger is an event.
SPREAD_TYPES = ("airstrike", "explosion")
#: "militants have carried out attacks": a standing pattern, not an incident.
_GENERIC_PERFECT = re.compile(
    r"\b(?:have|has)\s+(?:\w+\s+)?(?:carried\s+out|staged|launched|conducted|mounted|"
    r"been\s+(?:carrying\s+out|staging|launching))\b",
    re.I,
)
_GENERIC_PERFECT = Gated(_GENERIC_PERFECT, "have", "has")
#: A place after these words is what talks are about, not where they are held.
_TOPIC_BEFORE = re.compile(
    r"\b(?:closure|closing|reopening|opening|situation|issue|status|dispute|tensions?)\s+"
    r"(?:of|at|over|on)\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,3}$|"
    r"\b(?:over|about|regarding|concerning)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$",
    re.I,
)
_TOPIC_BEFORE = Gated(
    _TOPIC_BEFORE,
    "closure",
    "closing",
    "opening",
    "situation",
    "issue",
    "status",
    "dispute",
    "tension",
    "over",
    "about",
    "regarding",
    "concerning",
)
#: A reaction to an incident: "protest over", "condemned the", "what it called".
_REACTION_BEFORE = re.compile(
    r"\b(?:protest(?:ed|s)?\s+(?:over|against|at)|condemn(?:ed|s|ing)?|"
    r"what\s+(?:it|they|he|she)\s+(?:called|described\s+as|termed))\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,3}$",
    re.I,
)
_REACTION_BEFORE = Gated(_REACTION_BEFORE, "protest", "condemn", "what")
#: "the closure has hurt traders": the effect of a closure told before, not
#: a new one.
_EFFECT_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:has|have|had)\s+(?:also\s+|already\s+|badly\s+|severely\s+)?"
    r"(?:hit|hurt|cost|affected|crippled|devastated|ruined|dented|squeezed|harmed)\b",
    re.I,
)
#: "remained shut", "was still closed": a closure that goes on.
_CONTINUES = re.compile(
    r"\b(?:remained|remains|remain|stayed|stays|stay|still|kept|keeps|continued\s+to\s+be)\s+(?:\w+\s+)?$", re.I
)
_CONTINUES = Gated(_CONTINUES, "remain", "stay", "still", "kept", "keeps", "continued")
#: Acts done on a day, which "the closure", "the attack" refer back to.
_DAY_ACTS = ("armed_clash", "airstrike", "explosion", "border_closure")
_SINCE_BEFORE = re.compile(r"\bsince\s+$", re.I)
_SINCE_BEFORE = Gated(_SINCE_BEFORE, "since")
#: States a report tells as they stand: trucks stranded, a crossing shut.
_STATES = ("trade_disruption", "border_closure")
#: "remains closed", "is still shut": a closure going on as the report is written.
_NOW = re.compile(r"\b(?:remains|remain|stays|stay|is\s+still|are\s+still)\s+(?:\w+\s+)?$", re.I)
_NOW = Gated(_NOW, "remain", "stay", "still")
#: "is the deadliest ... in months": a comparison of the incident reported.
_SUPERLATIVE = re.compile(
    r"\b(?:is|was|has\s+been|had\s+been)\s+(?:the\s+|one\s+of\s+the\s+)(?:deadliest|worst|biggest|largest|"
    r"most\s+(?:serious|severe|intense|violent)|"
    # "It was the third such infiltration bid in the Bajaur sector this
    # year": the incident reported, counted among others
    r"(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|latest)\s+(?:such|similar))\b",
    re.I,
)
_SUPERLATIVE = Gated(_SUPERLATIVE, "deadliest", "worst", "biggest", "largest", "most", "such", "similar")
#: Words for the border that name no extent ("all crossings" does).
_THE_BORDER = re.compile(r"^(?:(?:to|at|on|near|along|across)\s+)?(?:the\s+)?(?:border|frontier)$", re.I)
#: "Crossings along the frontier have been shut": more than the one in context.
_MANY_CROSSINGS = re.compile(r"\bcrossings\b|\ball\s+(?:the\s+)?(?:border|crossing|trade\s+routes)", re.I)
_MANY_CROSSINGS = Gated(_MANY_CROSSINGS, "crossings", "all")
_ENDED_ON = re.compile(r"\b(?:ended|concluded|wrapped\s+up)\s+(?:\w+\s+){0,2}?(?:on\s+)?$", re.I)
_ENDED_ON = Gated(_ENDED_ON, "ended", "concluded", "wrapped")
_SINCE_WHEN = re.compile(r"\b(?:since|when)\b", re.I)
#: "met officials there": the place of the sentence before.
_THERE = re.compile(r"\bthere\b", re.I)
_THERE = Gated(_THERE, "there")
_GOODS_BEFORE = re.compile(
    # "trucks turned back towards Peshawar": where they went, not where they wait
    r"(?:\bfrom|\bback\s+(?:towards|to)|\b(?:goods|containers|cargo|consignments|shipments)\s+(?:[\w-]+\s+){0,2}for|"
    r"\b(?:prices?|markets?|bazaars?|shops?)\s+(?:[\w-]+\s+){0,4}in|"
    # "a trader who exports melons to Bannu": where his goods are sold
    r"\b(?:export(?:s|ed|ing)?|sells|sold|ships|shipped|supplies|supplied)\s+(?:[\w-]+\s+){0,3}to)\s+(?:the\s+)?$",
    re.I,
)
_GOODS_BEFORE = Gated(
    _GOODS_BEFORE, "from", "back", "for", "price", "market", "bazaar", "shop", "export", "sel", "sold", "ship", "suppl"
)
#: A party's claim of the enemy's losses.
_CLAIM = re.compile(r"\bclaim(?:ed|s|ing)?\b", re.I)
_CLAIM = Gated(_CLAIM, "claim")
#: A figure the report does not stand behind.
_UNCONFIRMED = re.compile(
    r"\bno\s+independent\s+(?:confirmation|verification)\b|"
    r"\bcould\s+not\s+be\s+(?:independently\s+)?(?:verified|confirmed)\b",
    re.I,
)
_UNCONFIRMED = Gated(_UNCONFIRMED, "independent", "could")
#: The crossings named together before: "both crossings", "the two border
#: points", "sealed them", "both of them".
_BOTH_CROSSINGS = re.compile(
    r"\b(?:both|the\s+two|these|those)\s+(?:(?:main|key|border|trade|official|busiest|major)\s+){0,2}"
    r"(?:crossings|border\s+points|gateways|entry\s+points|terminals)\b|\bboth\s+of\s+them\b|"
    r"\b(?:clos(?:ed|ing)|shut(?:ting)?|seal(?:ed|ing)|re-?open(?:ed|ing)|open(?:ed|ing))\s+them\b|"
    r"\bthey\s+(?:were|had\s+been|have\s+been|remain(?:ed)?|stay(?:ed)?)\s+(?:both\s+)?(?:closed|shut|sealed|reopened)\b",
    re.I,
)
_ZERO = re.compile(r"\bzero\s+(?:point|line)\b", re.I)
_ZERO = Gated(_ZERO, "zero")
_OF_PLACE = re.compile(r"\s+(?:in|at|of|near)\s+(?:the\s+)?(?=[A-Z])")
#: "after the fighting": a reference to an incident, the reason for another.
_AFTER_BEFORE = re.compile(
    r"\b(?:after|before|following|since|amid|despite|because\s+of|due\s+to|as|while|during)\s+"
    r"(?:the|this|that|these|those|its|their)\s+(?:[\w-]+\s+){0,2}$",
    re.I,
)
_BORDER_WORDS = re.compile(
    r"\b(?:border|frontier|durand|cross-border|across\s+the\s+line|"
    r"both\s+sides|two\s+sides|two\s+(?:countries|neighbou?rs))",
    re.I,
)
_BORDER_WORDS = Gated(_BORDER_WORDS, "border", "frontier", "durand", "across", "both", "two")
_PK_SIDE = re.compile(r"\b(?:Pakistan|Pakistani|Islamabad|Rawalpindi)\b")
#: ("the Pakistani Taliban" are the TTP, no Afghan side)
_AF_SIDE = re.compile(r"\b(?:Afghan|Afghanistan|Afghans|Kabul)\b|(?<!Pakistani )\bTaliban\b")
_BORDER_THEN_PLACE = re.compile(
    r"^\s*,?\s*(?:near|at|in|close\s+to|around|outside|opposite)\s+(?:the\s+)?"
    r"(?:(?:town|village|district|city|crossing)\s+of\s+)?$",
    re.I,
)
#: Parties to the conflict, named before mediators in talks.
_PARTIES = ("Pakistan", "Afghan Taliban", "TTP")
#: The party listed last in :data:`geomap.extract.actors.ACTORS`.
_LAST_PARTY = max(_PARTIES, key=[name for name, _ in ACTORS].index)
_VENUE_BEFORE = re.compile(r"\b(?:in|to|inside|at|hosted\s+by)\s+(?:the\s+)?$", re.I)
_COORD = re.compile(
    # "into Kurram on Friday and into North Waziristan on Saturday"
    r"^(?:\s+on\s+(?:[A-Z][a-z]+day|the\s+same\s+day))?"
    r"(?:,\s*(?:and\s+)?|\s+and\s+|\s+as\s+well\s+as\s+|,?\s+and\s+also\s+)(?:(?:in|at|on|into|near)\s+)?(?:the\s+)?"
    # "Kurram and Khost's Gurbuz district": the second name's province before it
    r"(?:(?!Afghanistan|Pakistan)[A-Z][\w-]+['’]s\s+)?$|"
    # "in the Khas Kunar district of Kunar and in Goshta": the province that
    # places the first name may stand between the two names of the list.
    r"^\s+(?:of|in)\s+(?:the\s+|[A-Z][\w-]+['’]s\s+)?[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?"
    r"(?:\s+(?:tribal\s+)?(?:province|district|agency|region))?"
    r",?\s+(?:and|as\s+well\s+as)\s+(?:(?:in|at|on)\s+)?(?:the\s+)?"
    r"(?:(?!Afghanistan|Pakistan)[A-Z][\w-]+['’]s\s+)?$|"
    # "at Angoor Adda, Bajaur, Kurram": a name of the list read as a qualifier
    r"^,\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?,\s+$"
)


#: The toll of a sentence with no violent incident (one frozen instance).
_NO_TOLL = Casualties()


@dataclass
class ArticleState:
    """What earlier sentences of the article established."""

    by_type: dict[str, Place] = field(default_factory=dict)
    #: Every place given to an event of each type so far.
    type_places: dict[str, set[Place]] = field(default_factory=dict)
    crossing: Place | None = None
    #: The crossings named together in the last sentence that named any
    #: ("Torkham and Chaman"), for "both crossings" and "sealed them".
    crossings: list[Place] = field(default_factory=list)
    venues: list[Place] = field(default_factory=list)
    dates: list[tuple[int, DateMention]] = field(default_factory=list)
    #: Sentence index and place of the last place named near the line.
    line_place: tuple[int, Place] | None = None
    #: The places the headline names, and the town of the dateline.
    lead_places: list[Place] = field(default_factory=list)
    dateline: Place | None = None
    #: Every place the article names, for turning "talks in Turkey" into the city.
    venues_all: list[Place] = field(default_factory=list)
    #: Year and month of the last timeline heading ("March 2026: ...").
    year_hint: tuple[int, int] | None = None
    #: The days told with the events of each type, in the text's order.
    type_days: dict[str, list[DateMention]] = field(default_factory=dict)
    #: Sentence index and date of the last dated event of each type.
    type_dates: dict[str, tuple[int, DateMention]] = field(default_factory=dict)
    #: Sentence index and the last day told in the text, a statement's too
    #: ("the spokesman said on Wednesday"): what "a day earlier" counts from.
    last_day: tuple[int, DateMention] | None = None
    #: Sentence index and type of the last violent incident reported.
    last_violent: tuple[int, str] | None = None
    #: Sentence index and places of the last report of each violent type.
    told_places: dict[str, tuple[int, list[Place]]] = field(default_factory=dict)
    #: Sentence index of the last incident of each type reported with no
    #: place ("aircraft bombed two areas in eastern Afghanistan").
    unplaced: dict[str, int] = field(default_factory=dict)
    #: The sub-type and toll of the last strike or blast told with no place,
    #: for the sentence that places it ("The attack took place on ...").
    unplaced_told: dict[str, tuple[str, Casualties]] = field(default_factory=dict)
    #: Sentence index of the unplaced incident (:attr:`unplaced`) of each
    #: type whose places later sentences told, and of the last of those: a
    #: sentence right after may add one.
    unplaced_placed: dict[str, tuple[int, int]] = field(default_factory=dict)
    #: Sentence index of the last sentence that relates an incident to
    #: another ("The bombing came a day after militants stormed ..."): a
    #: toll told next may be either one's.
    related_at: int = -99
    #: Types whose last sentence placed the incident at several places
    #: ("posts at Angoor Adda, Bajaur, Kurram and Chitral"): a toll told
    #: after it with no place is not any one place's.
    spread: set[str] = field(default_factory=set)


def _distance(a: tuple[int, int], b: tuple[int, int]) -> int:
    if a[1] <= b[0]:
        return b[0] - a[1]
    if b[1] <= a[0]:
        return a[0] - b[1]
    return 0


def _is_crossing(place: Place, finder: PlaceFinder) -> bool:
    return place.kind == "crossing" or place.name in finder.crossing_names


#: Only a conjunction between a place and the trigger after it ("in Mohmand and completing").
_AND_BETWEEN = re.compile(r"\s*(?:district|province|area|region|valley|agency)?\s*,?\s+and\s+$", re.I)


def _choose(mentions: list[Mention], triggers: list[Trigger], sentence: str) -> list[Mention]:
    """The mention nearest to the triggers, plus the ones coordinated with it
    ("in Kandahar province and Kabul")."""
    if len(mentions) < 2:
        return list(mentions)  # nothing to rank or coordinate
    spans = [(t.start, t.end) for t in triggers]

    # A place right after the trigger ("strikes in X") beats one before it.
    def score(m: Mention) -> tuple[int, int]:
        d = min(_distance((m.start, m.end), s) for s in spans)
        after = any(m.start >= s[1] for s in spans)
        if not after and _AND_BETWEEN.match(sentence, m.end, min(s[0] for s in spans)):
            # "laying fence in Mohmand and completing forts in Khyber": the
            # place before "and" is the other verb's.
            d += 40
        return (d - (15 if after else 0), m.start)

    best = min(mentions, key=score)
    chosen = [best]
    ordered = sorted(mentions, key=lambda m: m.start)
    i = ordered.index(best)
    for step in (1, -1):
        j = i
        while 0 <= j + step < len(ordered):
            a, b = (ordered[j], ordered[j + step]) if step == 1 else (ordered[j + step], ordered[j])
            if not _COORD.match(sentence[a.end : b.start]):
                break
            chosen.append(ordered[j + step])
            j += step
    return chosen


def _refine_country(code: str, venues: list[Place]) -> Place | None:
    """A talks venue given as a country: the latest city of that country named."""
    for place in reversed(venues):
        if place.country == code and place.kind not in ("country", "border"):
            return place
    return None


#: Where a sentence splits into clauses that may report different incidents
#: ("an air strike killed five, while a bomb wounded three"): a ";", a dash
#: between spaces, "while", or a comma before "while", "but", "and the" ...
#: Each alternative begins with the one class [;,\s], so that ``re`` skips
#: ahead to those characters instead of trying every position; the matches
#: are those of the plain alternation (tests/test_extract_analysis.py).
_CLAUSE = re.compile(
    r"[;,\s](?:(?<=;)|(?<=\s)\s*[—–]\s+|(?<=,)\s+(?:while|whereas|but|and\s+(?:a|an|another|the))\b|(?<=\s)\s*while\s+)"
)


#: The matches of :data:`_CLAUSE` in a sentence without ";", a dash or
#: "while": its comma alternative alone, which ``re`` scans from commas only
#: (the class that opens _CLAUSE holds every space).
_COMMA_CLAUSE = re.compile(r",\s+(?:while|whereas|but|and\s+(?:a|an|another|the))\b")


_NEIGHBOUR_BEFORE = re.compile(
    r"\b(?:(?:border|frontier|boundary)\s+with|bordering|adjoining|adjacent\s+to|next\s+to|neighbou?ring|"
    # "a compound in Datta Khel, about 30 kilometres west of Miramshah"
    r"(?:\d+\s*(?:km|kilometres|kilometers|miles)\s+)?(?:north|south|east|west)(?:-?(?:east|west))?\s+of)"
    r"\s+(?:the\s+)?$",
    re.I,
)
_NEIGHBOUR_BEFORE = Gated(
    _NEIGHBOUR_BEFORE,
    "border",
    "frontier",
    "boundary",
    "adjoining",
    "adjacent",
    "next",
    "neighbo",
    "north",
    "south",
    "east",
    "west",
)
#: A meeting held on the line: a flag meeting, a border meeting, "met near
#: the border", "at the zero point".
_BORDER_MEETING = re.compile(
    r"\bflag\s+meetings?\b|\bborder\s+(?:meetings?|jirgas?)\b|"
    r"\b(?:met|meet|meeting|gathered|talks)\s+(?:[\w-]+\s+){0,2}?(?:near|at|on)\s+(?:the\s+)?(?:border|zero\s+(?:point|line))\b",
    re.I,
)
_BORDER_MEETING = Gated(_BORDER_MEETING, "flag", "border", "met", "meet", "gathered", "talks")
_SEMICOLON = re.compile(r";|\s+[—–]\s+")


def clauses(sentence: str) -> list[tuple[int, int]]:
    """Spans of the clauses of ``sentence``."""
    clause = _CLAUSE
    if "while" not in sentence and ";" not in sentence and "—" not in sentence and "–" not in sentence:
        if "," not in sentence:
            return [(0, len(sentence))]  # no separator of _CLAUSE: skip its scan
        clause = _COMMA_CLAUSE  # only a comma can begin a match: scan from commas
    spans, start = [], 0
    for m in clause.finditer(sentence):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(sentence)))
    return spans


def _clause_of(spans: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    for s, e in spans:
        if s <= pos < e:
            return s, e
    return spans[-1]


#: What lies between a trigger and its own date: "an attack on Sunday".
_DATE_AFTER = re.compile(r"\s+(?:late\s+|early\s+)?on\s+", re.I)
#: A relative clause between a trigger and a date: the date may belong to
#: the event the clause describes.
_LEADING_DATE = re.compile(
    r"^\s*(?:(?:early|late|later|earlier)\s+)?(?:on|in|at|by|during|since)?\s*(?:the\s+)?$", re.I
)
_COMMA_AFTER = re.compile(r"\s*,")
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


@dataclass
class ArticleInfo:
    """What every sentence of one article shares.

    Attributes
    ----------
    article : Article
    finder : PlaceFinder
    doc_actors : callable
        Returns the article's parties (found once, when first needed).
    unlocated : list or None
        Receives ``(doc_id, event_type, sentence)`` of events with no place.
    """

    article: Article
    finder: PlaceFinder
    doc_actors: Callable[[], list[str]]
    unlocated: list | None = None


def sentence_events(
    sent: ScannedSentence, mentions: list[Mention], info: ArticleInfo, ctx: ArticleState
) -> list[DraftEvent]:
    """Candidate draft events of one sentence (updates ``ctx``)."""
    article, idx, sentence = info.article, sent.index, sent.text
    finder, doc_actors, unlocated = info.finder, info.doc_actors, info.unlocated
    # Resolve "the crossing" to the crossing named last (in this sentence or before).
    resolved: list[Mention] = []
    crossing = ctx.crossing
    for i, m in enumerate(mentions):
        if m.role == "crossing_ref":
            if crossing is None:
                continue
            m = replace(m, place=crossing)
        elif m.place is not None and _is_crossing(m.place, finder):
            crossing = m.place
        elif m.role == "border" and crossing is not None and _ZERO.search(m.surface):
            of = _OF_PLACE.match(sentence, m.end)
            if of and i + 1 < len(mentions) and mentions[i + 1].place is not None and mentions[i + 1].start == of.end():
                # "the zero point in Spin Boldak": the place named is the zero
                # point's, not the crossing reported before
                continue
            # "the zero point" / "zero line" of the crossing being reported.
            m = replace(m, role="place", place=crossing)
        resolved.append(m)
    mentions = resolved
    if idx == -1:
        ctx.lead_places = [m.place for m in mentions if m.role == "place" and m.place is not None]
    elif idx == 0:
        ctx.dateline = finder.dateline_place(sentence, REGION[:2])
    triggers = sent.cached(find_triggers)
    continued = False  # the sentence continues the violent incident just told
    last = ctx.last_violent
    if not triggers and last is not None and 0 < _gap(idx, last[0]) <= 2 and "killing" in sent.low:
        # "the troops repulsed them, killing at least eight of the
        # militants": the attackers' dead of the attack just told.
        at = sent.low.index("killing")
        if attackers_toll(sentence, sent.cached(find_casualties)):
            triggers = [Trigger("armed_clash", "border_fighting", at, at + 7, weak=True)]
    if (
        not triggers
        and last is not None
        and 0 < _gap(idx, last[0]) <= 2
        and ("bodies" in sent.low or "injuries" in sent.low or "wounds" in sent.low)
        and _TOLL_ONLY.search(sentence)
    ):
        # "221 people had been treated for injuries", "two bodies were found
        # at the site": a toll in words no trigger reads, right after the
        # incident, is that incident's.
        toll = sent.cached(find_casualties)
        if toll.fatalities or toll.injuries:
            m = _TOLL_ONLY.search(sentence)
            triggers = [Trigger("armed_clash", "border_fighting", m.start(), m.end(), weak=True)]
    waiting = []  # a strike or blast just told with no place, which this sentence may place
    if triggers and all(t.weak and t.event_type == "armed_clash" for t in triggers):
        waiting = [
            (at, et)
            for et, at in ctx.unplaced.items()
            if et in SPREAD_TYPES and 0 < _gap(idx, _placed_at(ctx, et)) <= 2 and (last is None or last[0] < at)
        ]
    if waiting:
        # "Air strikes in two eastern provinces killed 36. In Khost, 30 were
        # killed in villages of Sperah district.", "... after helicopters
        # attacked two posts. The attack took place on the Salala posts":
        # the toll or the place of the strike or blast just told with no
        # place (no placed incident told after it).
        kind = max(waiting)[1]
        triggers = [replace(t, event_type=kind) for t in triggers]
    elif not any(not t.weak for t in triggers):
        if (
            last is not None
            and triggers
            and all(t.event_type == "armed_clash" for t in triggers)
            and (0 < _gap(idx, last[0]) <= 2 or (idx > last[0] and all(t.sub_event_type == "toll" for t in triggers)))
        ):
            # "A woman was killed and six were injured." after a report of
            # shelling: the toll of that incident, whatever its type; a
            # "death toll" later in the article is the last incident's.
            # "... struck Kabul. At least 12 were killed in Spin Boldak.":
            # the incident whose place the toll names, else the last told.
            named = [m.place for m in mentions if m.place is not None and m.role == "place"]
            fits = [et for et in VIOLENT if et in ctx.by_type and any(same_place(ctx.by_type[et], p) for p in named)]
            kind = last[1] if last[1] in fits or not fits else fits[0]
            triggers = [replace(t, event_type=kind) for t in triggers]
            continued = last[0] != ctx.related_at
    else:
        triggers = [t for t in triggers if not t.weak]
    dates = sent.cached(find_dates, article.published)
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
    # Most sentences carry no trigger; skip the costlier parsers for them.
    casualties = sent.cached(find_casualties) if any(t.event_type in VIOLENT for t in triggers) else _NO_TOLL
    actors = sent.cached(find_actors) if triggers else []
    usable_dates = [d for d in dates if not d.statement]
    if triggers and idx >= 0 and sentence.count(" ") < 3 and not mentions_specific(mentions):
        triggers = []  # a section label ("Cross-border shelling."), not a report
    by_type: dict[str, list[Trigger]] = {}
    for t in triggers:
        by_type.setdefault(t.event_type, []).append(t)
    if "explosion" in by_type and _answered(sentence, sent.low, by_type["explosion"]):
        # "guards lobbed mortars at a position, and the other side retaliated
        # with heavy guns": shelling answered is an exchange of fire.
        answered = [
            replace(t, event_type="armed_clash", sub_event_type="exchange_of_fire") for t in by_type.pop("explosion")
        ]
        by_type["armed_clash"] = sorted(by_type.get("armed_clash", []) + answered, key=lambda t: t.start)
    if (
        "explosion" in by_type
        and "armed_clash" in by_type
        and all(
            t.sub_event_type == "attack" and any(abs(t.start - x.start) <= 60 for x in by_type["explosion"])
            for t in by_type["armed_clash"]
        )
    ):
        drop = _attack_or_bombing(sentence, by_type["armed_clash"], by_type["explosion"])
        if drop is not None:
            del by_type[drop]
    spans = clauses(sentence) if triggers else []  # read per trigger only
    # Violent incidents in several clauses (only possible with two types or more).
    split_tolls = (
        len(by_type) > 1 and len({_clause_of(spans, ts[0].start) for et, ts in by_type.items() if et in VIOLENT}) > 1
    )
    said_after = "after" in sent.low  # _TIME_AFTER's gate, read from the sentence's lower case
    out: list[DraftEvent] = []
    groups = _groups(by_type, sum(d.kind not in ("for", "nth") for d in usable_dates), sentence)
    # "closed on Friday and reopened on Sunday": a closure and a reopening
    # told with a day each are two events, each with its own dates
    # (each part with the dates told after its words: in place of the parts
    # _groups makes when two days are told)
    apart = _closure_apart(sentence, by_type.get("border_closure", []), dates, article.published)
    if apart:
        at = next(i for i, (et, _) in enumerate(groups) if et == "border_closure")
        groups = (
            [g for g in groups[:at] if g[0] != "border_closure"]
            + [("border_closure", trigs) for trigs, _ in apart]
            + [g for g in groups[at:] if g[0] != "border_closure"]
        )
    for etype, trigs in groups:
        told_apart = next((told for part, told in apart if part is trigs), None)
        if etype == "talks" and len(by_type) > 1 and _backdrop(sentence, trigs, triggers, mentions):
            continue
        if etype == "talks" and len(spans) > 1 and len(by_type) > 1:
            # "while the delegations were meeting, troops traded fire near X":
            # talks take a place only from their own clause.
            own = _clause_of(spans, trigs[0].start)
            mentions_t = [m for m in mentions if own[0] <= m.start < own[1]]
        else:
            mentions_t = mentions
        if etype == "talks" and len(by_type) > 1:
            # "fought around Spin Boldak before the two sides agreed to a
            # truce": a place told with another incident is not the venue.
            mentions_t = [m for m in mentions_t if not _nearer_other(m, trigs, triggers)]
        goes_on = goes_on_now = False  # a closure told only as going on ("was still shut on Tuesday")
        going: list[int] = []  # ends of the triggers of a closure going on, beside one that begins
        if etype == "border_closure":
            # "closed on Friday ..., and it remained shut on Saturday": the
            # closure began on the first day; the rest continues it.
            began = [t for t in trigs if not _CONTINUES.search(sentence, max(0, t.start - 25), t.start)]
            # "stayed shut for a week", "for a third day": the count tells
            # when the closure began, so it is dated like one that begins.
            # ("remains closed, and gave no date for its reopening": the
            # reopening is none).
            goes_on = not [t for t in began if t.sub_event_type != "reopening"] and len(began) < len(trigs)
            goes_on = goes_on and not any(d.kind in ("for", "nth") for d in dates)
            # "remains closed": going on as the report is written
            goes_on_now = goes_on and any(_NOW.search(sentence, max(0, t.start - 25), t.start) for t in trigs)
            # "closed after the clash and remained shut on Tuesday": the day
            # told with the closure going on is not the day it began.
            going = [t.end for t in trigs if t not in began] if began else []
            trigs = began or trigs
        if etype == "talks" and len(trigs) > 1:
            # "A statement after the talks said the next round would be in
            # Kabul on August 20": the round told before only times the new one.
            fresh = [
                t for t in trigs if not (t.anaphoric and _AFTER_BEFORE.search(sentence[max(0, t.start - 30) : t.start]))
            ]
            trigs = fresh or trigs
        if (
            etype == "talks"
            and "talks" in ctx.by_type
            and all(t.anaphoric for t in trigs)
            and not any(d.kind not in ("for", "nth") for d in usable_dates)
        ):
            # "That visit followed a hard year", "The talks were overshadowed
            # by an attack on Sunday": the round told before, with no day of
            # its own here, is no new round (its place and date are told).
            continue
        related = _related_cut(sentence, trigs)
        if related is not None:
            # "The bombing came a day after militants stormed a college in
            # Wana": what follows is the other incident's place and date.
            mentions_t = [m for m in mentions_t if m.start < related]
            ctx.related_at = idx
        others = [t for t in triggers if t.event_type != etype]
        places = _places_for(etype, trigs, mentions_t, sentence, ctx, crossing, finder, others, idx)
        if etype == "fortification":
            if places and all(p.kind == "border" for p, _ in places) and ctx.last_violent is not None:
                # "fire was exchanged in Zazai Maidan after soldiers tried to
                # put up a section of fence along the Durand Line": the work
                # is where the fight over it just told in this sentence was.
                at, vtype = ctx.last_violent
                fought = ctx.by_type.get(vtype)
                if at == idx and fought is not None and fought.kind != "border":
                    places = [(fought, False)]
            # "Pakistan is fencing the border", "forts along the line": the
            # fence project as a whole, years long, is no located incident.
            places = [(p, named) for p, named in places if p.kind != "border"]
            # A fence, post, gate or trench stands on the line: a city far
            # from it ("Kabul could review trade if the fencing goes on") is
            # a government or a speaker, not the work's place.
            places = [(p, named) for p, named in places if _near_line(p, _WORKS_DEG)]
            if (
                places
                and not any(named for _, named in places)
                and any(
                    _WHOLE_LINE_AFTER.match(sentence, t.end)
                    or _THE_FENCE.search(sentence[max(0, t.start - 12) : t.end])
                    for t in trigs
                )
            ):
                # "is fencing the border to stop such raids" in a report about
                # one crossing: the whole line, not the crossing in context.
                places = []
            if not places and not all(t.weak for t in trigs) and "armed_clash" in by_type:
                places = _attacked_work(ctx, idx)
        per_side = _tolls_per_side(sentence, etype, trigs, ctx, idx)
        if per_side:
            # "Pakistani officials said two soldiers were wounded; Taliban
            # officials said one of their guards was killed" after fire at
            # places on both sides: each side's losses at its own place.
            places = [(p, True) for p in per_side]
        if not places:
            if not all(t.weak for t in trigs):
                ctx.unplaced[etype] = idx
                if etype in SPREAD_TYPES:
                    ctx.unplaced_told[etype] = (trigs[0].sub_event_type, casualties)
                if etype in VIOLENT and related is None:
                    # "Pakistan carried out air strikes inside Afghanistan
                    # early Monday, ... over the weekend": the day of the
                    # unplaced strikes, for the sentence that places them.
                    told = _pick_date(
                        sentence,
                        dates,
                        trigs,
                        _clause_of(spans, trigs[0].start),
                        others,
                    )
                    if told is not None and told.precision == "day" and told.kind not in ("prev", "for", "nth"):
                        ctx.type_dates[etype] = (idx, told)
            if unlocated is not None and not all(t.weak for t in trigs):
                unlocated.append((article.doc_id, etype, sentence))
            continue
        clause = _clause_of(spans, trigs[0].start)
        reopening = etype == "border_closure" and any(t.sub_event_type == "reopening" for t in trigs)
        own_dates = dates if related is None else [d for d in dates if d.start < related]
        if told_apart is not None:
            own_dates = told_apart
        if going:
            # (a count told there, "remained closed for a third day", still dates its start)
            own_dates = [
                d for d in own_dates if d.kind in ("nth", "for") or not any(0 <= d.start - e <= 12 for e in going)
            ]
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
            ]
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
        told = trigs
        if etype == "talks" and len(trigs) > 1:
            # "met at Kharlachi on Tuesday ..., and agreed to meet again on
            # Wednesday": the round held is dated by its own words, not by
            # the next one's
            told = [t for t in trigs if not _FUTURE.search(sentence, max(0, t.start - 40), t.end)] or trigs
        date = _pick_date(sentence, own_dates, told, clause, others)
        if date is not None and date.kind == "prev" and ctx.dates and ctx.dates[-1][1].precision == "day":
            # "The day before, a bomber struck Jamrud", "Pakistan closed the
            # crossing the next day": the day before (after) the day the
            # story told last.
            date = next_or_previous(date, sentence, ctx.dates[-1][1].date)
        if date is not None and date.kind == "prev" and article.published and date.date > article.published:
            date = None  # "the next day" with no day told before it
        carried = False
        relative = _relative_date(sentence, trigs, triggers, ctx, article.published, sent.low, own_dates)
        if relative is not None and (
            date is None
            or date.kind in ("for", "rel")
            or date.precision != "day"
            # "Jets struck Barmal on Sunday, two days after a bomber hit
            # Bannu": the day told before the phrase is the strikes'
            or relative.kind == "relative"
            and 0 <= date.end <= relative.start <= trigs[0].start
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
            continue
        if date is None and article.published is not None and _past_year(sentence, clause, dates, article.published):
            # "Hundreds were killed in fighting between 2007 and 2011", "the
            # route was closed in 2014": dated by a past year only, history
            # (not an event, and not more of the incident reported).
            continue
        if date is None and etype == "trade_disruption":
            # (the counts of the sentence before are read only here: ctx.dates
            # holds every dated sentence of the article so far)
            counted = [d for i, d in ctx.dates if _gap(idx, i) == 1 and d.kind == "nth"]
            if counted and counted[-1].count_day is not None:
                # "The crossing remained shut for a fourth day on Monday.
                # Hundreds of trucks were stranded.": Monday, not the closure's start.
                date = _count_day(counted[-1])
        if date is None and article.published is not None and etype in _STATES:
            if etype == "trade_disruption" or goes_on_now:
                # "Hundreds of trucks were stranded", "Chaman remains closed":
                # a state told with no day of its own is the report's, on
                # its day, not the day the sentence before told.
                date = DateMention(article.published, "day", -1, -1, kind="report")
        if date is None and not ended and etype in VIOLENT:
            said = _said_day(sentence, own_dates, trigs, article.published)
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
                if _gap(idx, i) == 1 and d.kind != "for" and (article.published is None or d.date <= article.published)
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
        if (
            etype in VIOLENT
            and not carried
            and _other_incident(etype, places, date, ctx, any(t.anaphoric for t in trigs))
            and not _SAME_PLACE.search(sentence)
        ):
            # "Relations have been strained since border clashes in October":
            # dated apart from the incident whose place it would borrow, it
            # is another incident; fighting on the border (border words, or
            # clashes or fighting where the borrowed place lies on the line)
            # is the border as a whole. An "attack" with no border word may
            # be anywhere ("after an attack on October 12 near <a village>",
            # "gunmen fired on the guards of a depot"): it is dropped.
            if (
                etype == "armed_clash"
                and finder.border is not None
                and (
                    _BORDER_WORDS.search(sentence)
                    or (
                        _near_line(places[0][0])
                        and any(w in sent.low[t.start : t.end] for t in trigs for w in ("clash", "fight"))
                    )
                )
            ):
                places = [(finder.border, False)]
            else:
                continue
        if (
            etype == "talks"
            and others
            and not carried
            and all(_CAUSE_BEFORE.search(sentence, max(0, t.start - 30), t.start) for t in trigs)
            and _other_incident(etype, places, date, ctx)
        ):
            # "In March the crossing had reopened after talks between local
            # elders": a round dated apart from the one whose venue it
            # would borrow is another round, held where the text does not say.
            continue
        if date is None and etype in VIOLENT and not mentions_specific(mentions) and _GENERIC_PERFECT.search(sentence):
            continue  # "militants have carried out attacks": background, not an incident
        sub = trigs[0].sub_event_type
        if reopening:
            sub = "reopening"
        told_before = None  # the sub-type and toll of the unplaced incident this sentence places
        if waiting and all(t.weak for t in trigs) and etype in ctx.unplaced_told:
            told_before = ctx.unplaced_told[etype]
            sub = told_before[0]
            ctx.unplaced_told[etype] = (sub, Casualties())  # the toll goes to the first place told
        acts = [a for a in actors if a not in ("Traders", "Truck drivers")] or actors
        if etype == "trade_disruption":
            acts = [a for a in actors if a in ("Traders", "Truck drivers")] or ["Traders"]
        elif len(acts) < 2 and etype in ("talks", "armed_clash", "border_closure"):
            acts = acts + [a for a in doc_actors() if a not in acts and a in ("Pakistan", "Afghan Taliban")]
        if etype == "talks":
            # The parties first, mediators and hosts (Qatar, Turkey, ...) after.
            parties = [a for a in acts if a in _PARTIES]
            if len(parties) < 2:
                parties += [a for a in doc_actors() if a in _PARTIES and a not in parties]
            acts = parties + [a for a in acts if a not in parties]
        named = [p for p, inside in places if inside]
        if len(named) > 1:
            ctx.spread.add(etype)
        elif named or not all(t.weak for t in trigs):
            ctx.spread.discard(etype)
        starts = {}
        if len(named) > 1 and etype in VIOLENT:
            # Several places in one sentence: each gets the toll told
            # between its name and the next place's ("in Barmal, killing
            # five, and in Sperah, where three died").
            for m in mentions:
                place = m.place if m.place in named else _stands_for(m, ctx.venues, {x.place for x in mentions})
                if place is not None and place in named and place not in starts:
                    starts[place] = m.start
        order = sorted(starts.values())
        told_in = _tolls_told_in(sentence, mentions, set(starts)) if len(starts) > 1 and casualties != NO_TOLL else []
        tsent = sentence  # the sentence as each place's toll is read in it
        # "tried to cross into Kurram on Friday and into North Waziristan on
        # Saturday": each place with its own day.
        place_days = _days_per_place(own_dates, starts, len(sentence)) if len(starts) > 1 and date is not None else {}
        told_date = date
        for place, in_sentence in places:
            # Where the place is named, when several are (a place's hash, a
            # frozen dataclass's, is worked out afresh at each lookup: none
            # is made when there is nothing to look up).
            at = starts.get(place) if starts else None
            date = place_days.get(place, told_date) if place_days else told_date
            conf = 0.45 + (0.2 if in_sentence else 0) + (0.1 if date is not None and not carried else 0)
            conf += 0.1 if not trigs[0].weak else -0.1
            conf += 0.05 if place.precision <= 2 else 0
            if date is not None and date.kind == "report":
                conf -= 0.2  # no day of its own: as little confidence as an undated event
            toll = casualties
            if related is not None and etype in VIOLENT:
                # "The fighting followed the weekend's clashes, which left
                # 40 dead": the toll after the cut is the other incident's.
                toll = find_casualties(sentence[:related])
            elif split_tolls:
                # Several violent incidents in one sentence: each gets the
                # toll of its own clause.
                toll = find_casualties(sentence[clause[0] : clause[1]])
            own = _clause_of(spans, at) if at is not None and len(spans) > 1 else None
            seg = None
            if told_in:
                # "posts in Kurram and Ghulam Khan came under fire, and three
                # civilians were wounded in Kurram": a toll told "in" a place
                # is that place's, whatever place was named before it.
                tsent = _blank(sentence, [span for p, span in told_in if p != place])
            if own is not None and sum(own[0] <= o < own[1] for o in order) == 1:
                # "Three of the wounded were from Marawara, and the other two
                # were hurt in Dangam": a clause that names one place tells
                # its toll, before or after the name.
                seg = own
                toll = find_casualties(tsent[own[0] : own[1]])
            elif at is not None:
                nxt = [o for o in order if o > at]
                # The first place also owns the toll told before it ("strikes
                # killed ten civilians in Urgun ..., and a second hit Barmal").
                begin = min(clause[0], at) if at == order[0] else at
                seg = (begin, nxt[0] if nxt else len(sentence))
                toll = find_casualties(tsent[seg[0] : seg[1]])
                if not nxt and _shared_toll(tsent, order, seg):
                    # "rockets struck villages in Nari and in Ghaziabad on
                    # Tuesday, killing two": the toll of the whole list, no
                    # one place's (the gold leaves each place's empty).
                    toll = NO_TOLL
            if seg is not None:
                for p, (lo, hi) in told_in:
                    if p == place and not seg[0] <= lo <= hi <= seg[1]:
                        more = find_casualties(_blank(sentence, [seg])[lo:hi])  # the part outside its own
                        toll = Casualties(
                            *(
                                _plus(a, b)
                                for a, b in ((toll.fatalities, more.fatalities), (toll.injuries, more.injuries))
                            )
                        )
            if per_side and place in per_side:
                toll = per_side[place]
            if said_after and not split_tolls and at is None:
                after = _TIME_AFTER.search(sentence, max(0, trigs[0].start - 40), trigs[0].start)
                if after is not None:
                    # "killing nine children, a day after a suicide attack in
                    # Peshawar": the toll before is the first incident's.
                    toll = find_casualties(sentence[after.start() :])
                later = _TIME_AFTER.search(sentence, trigs[-1].end) if related is None else None
                if later is not None:
                    # "shot dead seven teachers, hours after a teacher was
                    # killed in another attack": the toll after is the earlier
                    # incident's.
                    head = find_casualties(sentence[: later.start()])
                    if (
                        head.fatalities is not None
                        or head.injuries is not None
                        # "Jets struck Barmal on Sunday, two days after a suicide
                        # bomber killed 12": the toll is the bombing's, none the strikes'
                        or any(o.event_type in VIOLENT and o.start >= later.end() for o in others)
                    ):
                        toll = head
            if at is not None and at != order[0] and toll.fatalities is None and toll.injuries is None:
                before = [o for o in order if o < at]
                elided = _ELIDED_TOLL.search(sentence, before[-1], at)
                n = parse_number(elided.group("n")) if elided else None
                if n is not None and casualties.fatalities is not None:
                    toll = Casualties(n)  # "killed in Barmal and two women in Khost"
            if toll.fatalities is None and toll.injuries is None and toll is not casualties:
                # "rounds landed in Lalpur and Dur Baba but caused no
                # casualties": a sentence's "none" is every place's.
                toll = Casualties(*(v if v == 0 else None for v in (casualties.fatalities, casualties.injuries)))
            if told_before is not None:
                # the toll told with the strike, for what the placing sentence leaves out
                first = told_before[1]
                toll = Casualties(
                    toll.fatalities if toll.fatalities is not None else first.fatalities,
                    toll.injuries if toll.injuries is not None else first.injuries,
                )
                told_before = None
            kill = toll.fatalities if etype in VIOLENT else None
            hurt = toll.injuries if etype in VIOLENT else None
            # a figure of one side's claim, or one the report does not stand
            # behind, yields to a reported one
            claimed = (kill is not None or hurt is not None) and bool(
                _CLAIM.search(sentence) or _UNCONFIRMED.search(sentence)
            )
            out.append(
                DraftEvent(
                    doc_id=article.doc_id,
                    event_type=etype,
                    sub_event_type=sub,
                    place=place,
                    actor1=acts[0] if acts else "",
                    actor2=acts[1] if len(acts) > 1 else "",
                    fatalities=kill,
                    injuries=hurt,
                    confidence=min(conf, 0.95),
                    excerpt=sentence.strip(),
                    source_title=article.title,
                    source_publisher=article.source,
                    source_published=article.published.isoformat() if article.published else "",
                    source_url=article.url,
                    sentences=[idx],
                    date=date,
                    # A day a closure goes on is not the day it began.
                    date_rank=(
                        3  # the report's day: any day told with a mention of the state wins
                        if date is not None and date.kind == "report"
                        else 2
                        if carried
                        else (
                            1
                            if goes_on
                            or all(t.weak for t in trigs)
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
                    ),
                    ended=ended,
                    claimed=claimed,
                    # attackers killed add to the victims of the attack:
                    # told in a bare toll after it, or in fighting of its
                    # own ("six militants were killed in the gunfight")
                    # (not one side's claim of the attackers it killed: "It
                    # claimed that twelve terrorists had been killed", "...,
                    # but there was no independent confirmation")
                    added_toll=etype in VIOLENT
                    and not claimed
                    and (
                        (continued or etype == "armed_clash")
                        and sent.cached(_attackers_toll, toll)
                        # "A civilian woman was also killed": more dead, told
                        # after the incident (or with it again, undated)
                        or (continued or carried)
                        and also_killed(sentence, toll)
                    ),
                    side_tolls=_side_tolls(sent, kill, hurt),
                )
            )
            ctx.by_type[etype] = place
            ctx.type_places.setdefault(etype, set()).add(place)
            if etype in VIOLENT and not all(t.weak for t in trigs):
                told = ctx.told_places.get(etype)
                ctx.told_places[etype] = (idx, (told[1] if told and told[0] == idx else []) + [place])
            if etype in VIOLENT and not all(t.weak for t in trigs):
                ctx.last_violent = (idx, etype)
            if date is not None:
                ctx.type_dates[etype] = (idx, date)
                if not carried and date.precision == "day":
                    ctx.type_days.setdefault(etype, []).append(date)
    named_crossings = []
    for m in mentions:
        if m.place is not None and m.role == "place":
            ctx.venues.append(m.place)
            if idx >= 0 and m.place.country in ("AF", "PK") and _near_line(m.place):
                ctx.line_place = (idx, m.place)
            if _is_crossing(m.place, finder):
                named_crossings.append(m.place)
    told_days = [d for d in dates if d.precision == "day" and d.kind not in ("prev", "nth", "for")]
    if told_days:
        ctx.last_day = (idx, told_days[-1])
    ctx.crossing = crossing
    if len(named_crossings) > 1 and len(named_crossings := list(dict.fromkeys(named_crossings))) > 1:
        # (only a group: "both crossings" after "reopened Torkham and Chaman.
        # Thousands crossed back through Torkham." is still the pair)
        ctx.crossings = named_crossings
    if usable_dates and (
        triggers or usable_dates[-1].precision == "day" or _LEADING_DATE.match(sentence, 0, usable_dates[-1].start)
    ):
        # A month told in a sentence with no event dates none of the next
        # ("the plan, agreed in May, provides for ...", "officials had
        # reported the first case last month"), unless it opens the
        # sentence and so sets the time of what follows ("In May, tension
        # rose. Troops traded fire at Ghulam Khan.").
        ctx.dates.append((idx, usable_dates[-1]))
    return out


#: "..., and the other side retaliated": the fire was answered.
_REPLY = re.compile(
    r"\b(?:troops|forces|soldiers|guards|side|army)\s+(?:\w+\s+){0,2}?"
    # (not "retaliated by closing the crossing": an answer of another kind)
    r"(?:responded|replied|retaliated|returned\s+(?:the\s+)?fire|fired\s+back|hit\s+back)\b(?!\s+by\b)",
    re.I,
)
_REPLY_WORDS = ("responded", "replied", "retaliated", "returned", "fired back", "hit back")


def _answered(sentence: str, low: str, blasts: list[Trigger]) -> bool:
    """Is the shelling of ``blasts`` answered by the other side after it in
    the sentence ("fired mortar shells into the town, and Pakistani troops
    responded")? Only shelling is fire that is answered; a bomb is not."""
    if not any(w in low for w in _REPLY_WORDS) or any(t.sub_event_type != "shelling" for t in blasts):
        return False
    return _REPLY.search(sentence, max(t.end for t in blasts)) is not None


#: "attacked the post with a car bomb": the bomb is how the attack was made.
_WITH_BETWEEN = re.compile(r"\b(?:with|using)\b", re.I)
_WITH_BETWEEN = Gated(_WITH_BETWEEN, "with", "using")


def _attack_or_bombing(sentence: str, attacks: list[Trigger], blasts: list[Trigger]) -> str | None:
    """Which of an attack and a blast told together is not an incident of its own.

    "Mortar rounds were fired at a post", "attacked the police station with
    grenades and gunfire": shells and grenades aimed at a post or a station
    are the weapons of an attack on it (GOLD_FORMAT: attacks on border posts
    are clashes), so the explosion goes. "Gunmen and a suicide bomber
    attacked the headquarters", "attacked the post with a car bomb": the
    bomber or bomb made the attack, a bombing, so the clash goes. "Checkpost
    ambush and hospital suicide blast": an attack named before a bombing and
    not made with it is another incident; both stay (None).
    """
    if all(x.sub_event_type in ("shelling", "grenade_attack") for x in blasts):
        # (only in the attack's own clause: "attacked posts in Kurram, and
        # shelling hit villages in Paktia" are two incidents)
        spans = clauses(sentence)
        own = {_clause_of(spans, t.start) for t in attacks}
        return "explosion" if all(_clause_of(spans, x.start) in own for x in blasts) else None
    bombs = [x for x in blasts if x.sub_event_type not in ("shelling", "grenade_attack")]
    first = min(t.start for t in attacks)
    if any(x.start < first for x in bombs) or any(
        _WITH_BETWEEN.search(sentence, t.end, x.start) for t in attacks for x in bombs if x.start > t.end
    ):
        return "armed_clash"
    return None


#: The object of a fencing trigger that is the whole line ("fencing the
#: border", "fencing of the 2,600-km frontier").
_WHOLE_LINE_AFTER = re.compile(
    r"\s+(?:of\s+|along\s+|on\s+)?(?:the\s+)?(?:entire\s+|whole\s+|rest\s+of\s+the\s+|[\d,.]+-(?:km|kilometre|mile)\s+)?"
    r"(?:border|frontier|durand\s+line|line)\b",
    re.I,
)


#: "the fence was being built on Pakistani territory": the fence as a whole
#: (a work somewhere is "a section of the fence"; "the fence near X" names
#: its place, and the rule reads only sentences that name none).
_THE_FENCE = re.compile(r"(?<!of\s)\bthe\s+(?:border\s+)?fences?\b", re.I)


def _attacked_work(ctx: ArticleState, idx: int) -> list[tuple[Place, bool]]:
    """The place of a work told only "along the border" in a sentence that
    tells the attack on the men doing it ("surveying the area along the
    border to prepare for fencing when they came under fire"): the place of
    that attack, placed in this sentence (works are placed after the other
    types) or the one before, when it lies on the line."""
    last = ctx.last_violent
    if last is None or _gap(idx, last[0]) > 1 or last[1] != "armed_clash":
        return []
    place = ctx.by_type.get("armed_clash")
    if place is None or place.kind == "border" or not _near_line(place, _WORKS_DEG):
        # the attack itself went to the whole border: the one place on the
        # line its type was given before, if there is one
        told = [p for p in ctx.type_places.get("armed_clash", ()) if p.kind != "border" and _near_line(p, _WORKS_DEG)]
        if len(told) != 1:
            return []
        place = told[0]
    return [(place, False)]


#: Closures named as nouns: with "the" they refer to one told before.
_CLOSURE_NOUNS = ("closure", "blockade", "suspension", "shutdown", "sealing", "closing")


def _groups(by_type: dict[str, list[Trigger]], days: int = 0, sentence: str = "") -> list[tuple[str, list[Trigger]]]:
    """The triggers of each type, one group per incident to place.

    Works of different kinds told in one sentence ("laying fence in Mohmand
    and completing forts in Khyber") are apart: each kind takes the place
    nearest to its own words. Other types keep one group. Works come last:
    one told only "along the border" takes the place of the attack on its
    men told in the same sentence (:func:`_attacked_work`). ``days`` is how
    many dates of days ``sentence`` tells (not durations).
    """
    out: list[tuple[str, list[Trigger]]] = []
    works: list[tuple[str, list[Trigger]]] = []
    for etype, trigs in by_type.items():
        if etype == "border_closure" and days > 1:
            subs = {t.sub_event_type for t in trigs if not t.weak}
            # ("the closure" names one told before; "the crossing was closed" does not)
            closing = [
                t
                for t in trigs
                if t.sub_event_type != "reopening"
                and not t.weak
                and not (t.anaphoric and sentence[t.start : t.end].lower().startswith(_CLOSURE_NOUNS))
            ]
            if len(subs) > 1 and closing:
                # "reopened on Wednesday, two months after it was closed on March
                # 16": the closure and the reopening that ends it, each told with
                # its own day, are two events (as when told in two sentences);
                # not "reopened on Friday after being closed for four weeks", nor
                # "the closure was relaxed on March 7 and 8".
                out.append((etype, [t for t in trigs if t.sub_event_type == "reopening"]))
                out.append((etype, closing))
                continue
        if etype != "fortification":
            out.append((etype, trigs))
            continue
        subs = {t.sub_event_type for t in trigs if not t.weak}
        if len(subs) < 2:
            works.append((etype, trigs))
        else:
            for sub in sorted(subs, key=lambda x: min(t.start for t in trigs if t.sub_event_type == x)):
                works.append((etype, [t for t in trigs if t.sub_event_type == sub]))
    return out + works


def _closure_apart(
    sentence: str, trigs: list[Trigger], dates: list[DateMention], published: dt.date | None
) -> list[tuple[list[Trigger], list[DateMention]]]:
    """A closure and a reopening told in one sentence, each with a date of
    its own ("closed on Friday and reopened on Sunday", "reopened in March
    but was closed again in July", "reopened on Monday after remaining
    closed for three weeks"): the reopening's triggers and the closure's,
    each with the dates told after its words ("the crossings were reopened,
    having been closed since mid-February": the reopening has none of its
    own). Empty when the closure has no date of its own ("closed and
    reopened on Monday", "reopened on Monday after the closure"): they stay
    one group, dated as before.

    A duration told with the closure ("for three weeks") counts back from
    the reopening's day, not from the day of the report.
    """
    strong = [t for t in trigs if not t.weak]
    opened = [t for t in strong if t.sub_event_type == "reopening"]
    # ("the closure of Torkham was eased on May 7": the closure told before)
    shut = [
        t
        for t in strong
        if t.sub_event_type != "reopening"
        and not (t.anaphoric and sentence[t.start : t.end].lower().startswith(_CLOSURE_NOUNS))
    ]
    usable = [d for d in dates if not d.statement and d.kind != "prev"]
    if not opened or not shut or not usable:
        return []
    told: dict[bool, list[DateMention]] = {True: [], False: []}
    own = False  # the closure has a date of its own
    for d in usable:
        # a date follows its verb ("closed on May 3 and reopened it on May
        # 9", "closed since March 16, reopened on Monday"); one before them
        # all ("In March, ...") is both's
        near = max((t for t in strong if t.start < d.start), key=lambda t: t.start, default=None)
        if near is None:
            told[True].append(d)
            told[False].append(d)
        else:
            told[near.sub_event_type == "reopening"].append(d)
            # (a length alone, "after being shut for four weeks", is no date
            # of the closure's own: one reopening, as the gold keeps it)
            own = own or (near.sub_event_type != "reopening" and d.kind not in ("for", "nth"))
    if not own:
        return []
    days = [d for d in told[True] if d.precision == "day" and d.kind != "for"]
    if days and published is not None:
        since = days[0].date - published
        told[False] = [replace(d, date=d.date + since) if d.kind == "for" else d for d in told[False]]
    parts = [(opened, told[True]), (shut, told[False])]
    return sorted(parts, key=lambda part: part[0][0].start)


def _nearer_other(m: Mention, trigs: list[Trigger], triggers: list[Trigger]) -> bool:
    """Is ``m`` nearer to a trigger of another type than to any of ``trigs``?"""
    span = (m.start, m.end)
    own = min(_distance(span, (t.start, t.end)) for t in trigs)
    return any(o.event_type != trigs[0].event_type and _distance(span, (o.start, o.end)) < own for o in triggers)


#: Talks still to come: "will meet", "is expected to meet", "the next round".
_FUTURE = re.compile(
    r"\b(?:will|would|shall|(?:expected|due|scheduled|set|plans?|planned|agreed)\s+to|next|upcoming)\b", re.I
)


#: Talks told as the cause of another event: "reopened after talks".
_CAUSE_BEFORE = re.compile(r"\b(?:after|following)\s+(?:(?:fresh|new|brief|lengthy|[\w-]+-level)\s+)?$", re.I)
#: Talks not yet fixed, told anywhere in the sentence: "no date has been
#: set", "a date had not been fixed", "has been promised".
_NO_DATE_YET = re.compile(
    r"\bno\s+(?:firm\s+|new\s+)?dates?\s+(?:(?:has|had|have)\s+(?:yet\s+)?been|was|were|is|are)\s+(?:yet\s+)?"
    r"(?:set|fixed|given|announced|agreed|finali[sz]ed)\b|"
    r"\bdates?\s+(?:(?:has|had|have)\s+not|was\s+not|is\s+not|(?:has|had|have)\s+yet\s+to)\s+(?:yet\s+)?(?:been\s+|be\s+)?"
    r"(?:set|fixed|given|announced|agreed|finali[sz]ed)\b|"
    r"\b(?:(?:has|have|had)\s+been|was|were|is|are)\s+promised\b",
    re.I,
)
#: A clause that tells the earlier incident behind the one told first: ",
#: when militants attacked ...", "following a wave of bombings".
_SUBORDINATE = re.compile(r"(?:,\s*|\s)(?:when|after|following)\s", re.I)
_SUBORDINATE = Gated(_SUBORDINATE, "when", "after", "following")


def _subordinate_cut(sentence: str, trigs: list[Trigger], others: list[Trigger]) -> int | None:
    """Where the clause of ``trigs`` starts when it follows, after "when",
    "after" or "following", an incident of another type told first."""
    first = min(t.start for t in trigs)
    prior = [o.end for o in others if o.end <= first]
    if not prior:
        return None
    cuts = [m.end() for m in _SUBORDINATE.finditer(sentence, max(prior), first)]
    return cuts[-1] if cuts else None


def _main_clause_end(sentence: str, trigs: list[Trigger], others: list[Trigger]) -> int | None:
    """Where a when/after/following clause telling an incident of another
    type begins, after the last of ``trigs``."""
    last = max(t.end for t in trigs)
    later = [o.start for o in others if o.start >= last]
    if not later:
        return None
    cuts = [m.start() for m in _SUBORDINATE.finditer(sentence, last, min(later))]
    return cuts[0] if cuts else None


_EXCEPT_BEFORE = re.compile(r"\b(?:except(?:ions?)?|apart\s+from)\b[^.;]*$", re.I)
_EXCEPT_BEFORE = Gated(_EXCEPT_BEFORE, "except", "apart")


#: "while the delegations were still meeting", "even as the talks went on":
#: a clause that sets the time of the incident the sentence reports.
_WHILE_CLAUSE = re.compile(r"\s*(?:even\s+)?(?:while|as)\b", re.I)


def _backdrop(sentence: str, trigs: list[Trigger], triggers: list[Trigger], mentions: list[Mention]) -> bool:
    """Are the talks ``trigs`` only the time of another incident ("On
    Thursday, while the delegations were still meeting, troops traded fire
    near Chaman")? Told in a while/as clause that names no place of its
    own, beside a trigger of another type outside it: the talks are those
    reported elsewhere, not a round of their own."""
    for t in trigs:
        lo = max(sentence.rfind(",", 0, t.start), sentence.rfind(";", 0, t.start)) + 1
        hi = min((i for i in (sentence.find(",", t.end), sentence.find(";", t.end)) if i >= 0), default=len(sentence))
        if not _WHILE_CLAUSE.match(sentence, lo) or any(lo <= m.start < hi for m in mentions):
            return False
        if not any(o.event_type != "talks" and not lo <= o.start < hi for o in triggers):
            return False
    return True


def _tolls_per_side(
    sentence: str, etype: str, trigs: list[Trigger], ctx: ArticleState, idx: int
) -> dict[Place, Casualties]:
    """Each side's toll at its own place, when a bare toll sentence right
    after an incident at places on both sides of the line tells each side's
    losses in a clause of its own ("A Pakistani official said two soldiers
    were wounded; Taliban officials said one guard was killed"); else ``{}``."""
    told = ctx.told_places.get(etype)
    if told is None or etype not in VIOLENT or _gap(idx, told[0]) != 1 or not all(t.weak for t in trigs):
        return {}
    by_country = {}
    for p in told[1]:
        by_country.setdefault(p.country, p)
    if set(by_country) != {"PK", "AF"} or len(told[1]) != 2 or ";" not in sentence:
        return {}
    out = {}
    for part in sentence.split(";"):
        side = toll_side(part)
        toll = find_casualties(part)
        if not side or (toll.fatalities is None and toll.injuries is None) or by_country[side] in out:
            return {}
        out[by_country[side]] = toll
    return out if len(out) == 2 else {}


def _side_tolls(sent: ScannedSentence, kill: int | None, hurt: int | None) -> dict:
    """``{side: (kill, hurt)}`` of a toll; side ``""`` when it is no one side's."""
    if kill is None and hurt is None:
        return {}
    return {sent.cached(_toll_side): (kill, hurt)}


def _toll_side(sent: ScannedSentence) -> str:
    """:func:`toll_side` of the sentence, for :meth:`ScannedSentence.cached`
    (read once per sentence, not once per place)."""
    return toll_side(sent.text)


def _attackers_toll(sent: ScannedSentence, toll: Casualties) -> bool:
    """:func:`attackers_toll` of the sentence, for :meth:`ScannedSentence.cached`."""
    return attackers_toll(sent.text, toll)


#: "The meeting came less than a week after ...": a sentence whose subject is
#: an incident already reported, related in time to another.
_RELATED_AFTER = re.compile(
    r"\s+(?:\w+\s+){0,2}?(?:came|comes|took\s+place|happened|followed|occurred|"
    r"was\s+held|were\s+held)\s+(?:[\w-]+\s+){0,5}?(?:after|before|following|amid|as|when|while|(?:on\s+)?the\s+(?:same\s+)?day(?:\s+that)?)\b"
    # "took place before dawn": a time of day, no other incident
    r"(?!\s+(?:dawn|daybreak|sunrise|sunset|dusk|midnight|noon|nightfall|first\s+light)\b)|"
    # "The reopening followed a meeting in London on March 15"
    r"\s+(?:\w+\s+){0,2}?(?:followed|follows|preceded|precedes)\b",
    re.I,
)


def _count_day(d: DateMention) -> DateMention | None:
    """The day a count ("for a fourth day on Monday") counts to, as a date
    of its own; other dates unchanged."""
    if d.kind != "nth":
        return d
    if d.count_day is None:
        return None
    return DateMention(d.count_day, "day", d.start, d.end, d.statement, "count")


#: A timeline's entry: "March 2026: Torkham reopens for trade on March 23."
_MONTH_NAMES = "|".join(calendar.month_name[1:])
#: A timeline's entry: "March 2026: Torkham reopens on March 23", also
#: "- March 2026 -" as a list item and "2026 March:" year first.
_HEADING = re.compile(
    r"^\s*(?:[-–•*]\s*)?(?:(?P<month>" + _MONTH_NAMES + r")\s+(?P<year>(?:19|20)\d\d)|"
    r"(?P<year2>(?:19|20)\d\d)\s+(?P<month2>" + _MONTH_NAMES + r"))\s*[:—–-]",
    re.I,
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


def _related_cut(sentence: str, trigs: list[Trigger]) -> int | None:
    """Where the other incident starts in "The bombing came a day after ...",
    for a definite trigger that opens the sentence; else None."""
    t = trigs[0]
    if not t.anaphoric or t.start > 40:
        return None
    m = _RELATED_AFTER.match(sentence, t.end)
    if m is None or any(o.start >= m.end() for o in trigs):
        return None  # "...after a suicide bomber attacked X": X is an incident of this type
    return m.end()


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


def _relative_date(
    sentence: str,
    trigs: list[Trigger],
    triggers: list[Trigger],
    ctx: ArticleState,
    published,
    low: str,
    told: list[DateMention] = (),
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


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


#: "and the same year tribesmen attacked posts": the year of
#: the clause is the one the sentence named before.
_SAME_YEAR = re.compile(r"\b(?:the\s+same|that|the\s+following|the\s+next|the\s+previous)\s+year\b", re.I)


def _past_year(sentence: str, clause: tuple[int, int], dates: list[DateMention], published: dt.date) -> bool:
    """Does the clause name a year before ``published`` outside any date
    found (or say "the same year" after one)?"""
    if not any(c in sentence for c in "12"):
        return False
    # (from a little before the clause: a clause cut at ", and the" starts at "same year")
    if "year" in sentence and _SAME_YEAR.search(sentence, max(0, clause[0] - 5), clause[1]):
        clause = (0, clause[1])
    for m in _YEAR.finditer(sentence, clause[0], clause[1]):
        if int(m.group(0)) < published.year and not any(d.start <= m.start() < d.end for d in dates):
            return True
    return False


#: "in the district", "near the town": a place named before, by its kind.
_PLACE_ANAPHOR = re.compile(
    r"\b(?:in|of|across|near|inside|around|outside)\s+the\s+(?P<kind>district|town|city|village|valley|sector|tehsil|area)\b",
    re.I,
)
_PLACE_ANAPHOR = Gated(_PLACE_ANAPHOR, "district", "town", "city", "village", "valley", "sector", "tehsil", "area")
_ANAPHOR_KINDS = {
    "district": ("district",),
    "tehsil": ("district", "region"),
    "town": ("town", "village", "crossing", "city"),
    "city": ("city", "town"),
    "village": ("village", "town"),
    "valley": ("region", "district", "village", "town"),
    "sector": ("region", "district", "village", "town", "crossing"),
    "area": ("region", "district", "village", "town", "crossing"),
}


def _named_before(sentence: str, ctx: ArticleState) -> Place | None:
    """The place an anaphor of the sentence ("in the district") stands for:
    the last place of that kind named in the sentences before, if any."""
    m = _PLACE_ANAPHOR.search(sentence)
    if m is None:
        return None
    kinds = _ANAPHOR_KINDS[m.group("kind").lower()]
    for place in reversed(ctx.venues):
        if place.kind in kinds and place.country in ("AF", "PK"):
            return place
    return None


#: "the same cantonment was hit in July", "attacked there in March": another
#: incident at the place of the one reported.
_SAME_PLACE = re.compile(
    r"\bthe\s+same\s+(?!(?:day|night|week|month|year|time|period|way|kind|group)\b)[a-z]+|\bthere\b", re.I
)
_SAME_PLACE = Gated(_SAME_PLACE, "same", "there")
#: A place this close to the Durand Line (degrees, about 30 km) is on the border.
_NEAR_LINE_DEG = 0.3


#: Farther than this from the line (degrees, about 150 km), no crossing is shut.
_FAR_DEG = 1.5
#: How far from the line a border work may lie: every fortification of the
#: dev gold sets is within 0.26 degrees; Jalalabad and Peshawar are 0.5 off.
_WORKS_DEG = 0.4


def _near_line(place: Place, within: float = _NEAR_LINE_DEG) -> bool:
    """Is ``place`` on the border (so fighting dated apart from its own, in
    an article about it, is fighting on the border)?"""
    return _line_distance(place.lat, place.lon) <= within


@functools.lru_cache(maxsize=4096)
def _line_distance(lat: float, lon: float) -> float:
    """Degrees from (lat, lon) to the Durand Line; the same few places recur."""
    from ..geo import durand_line, point

    return durand_line().distance(point(lat, lon))


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


#: Cities that news bureaus file from: as a dateline they say where the
#: reporter is, not where the incident was.
_BUREAUS = frozenset(
    ("Kabul", "Islamabad", "Rawalpindi", "Peshawar", "Quetta", "Karachi", "Lahore", "Kandahar", "Jalalabad")
)


def _lead_place(ctx: ArticleState) -> Place | None:
    """The one place in the region the headline names, else the dateline's
    town when it is no bureau city."""
    named = {p for p in ctx.lead_places if p.country in ("AF", "PK")}
    if len(named) == 1:
        return named.pop()
    dateline = ctx.dateline
    if not named and dateline is not None and dateline.country in ("AF", "PK") and dateline.name not in _BUREAUS:
        return dateline
    return None


def mentions_specific(mentions) -> bool:
    """Does the sentence name a place of its own (not just "the border")?"""
    return any(m.role == "place" and m.place is not None for m in mentions)


def _placed_at(ctx: ArticleState, etype: str) -> int:
    """The sentence that told the unplaced incident of ``etype``, or the last
    one that placed it."""
    at = ctx.unplaced[etype]
    placed = ctx.unplaced_placed.get(etype)
    return placed[1] if placed is not None and placed[0] == at else at


NO_TOLL = Casualties()
#: Toll words no trigger reads ("treated for injuries", "bodies were found").
_TOLL_ONLY = re.compile(r"\b(?:bodies|injuries|wounds)\b", re.I)
_OVERNIGHT = re.compile(r"overnight\b", re.I)
#: "after clashes with government forces overnight", "after overnight fighting"
_AFTER_OVERNIGHT = re.compile(r"\bafter\b[^,;.]*$", re.I)
#: "... were wounded in Kurram": a toll told with the place it fell in.
_TOLL_IN = re.compile(r"\b(?:killed|dead|died|martyred|wounded|injured|hurt)\s+in\s+(?:the\s+)?$", re.I)


def _tolls_told_in(sentence: str, mentions: list[Mention], named: set[Place]) -> list[tuple[Place, tuple[int, int]]]:
    """The tolls told "in" one of the ``named`` places of a sentence ("three
    civilians were wounded in Kurram"): each place with the span of its toll,
    from the place named before it (or the clause's start) to its name."""
    found = []
    marks = sorted((m.start, m.end, m.place) for m in mentions if m.place in named)
    for i, (start, _, place) in enumerate(marks):
        if not _TOLL_IN.search(sentence, max(0, start - 20), start):
            continue
        lo = max([e for s, e, _ in marks[:i]] + [m.end() for m in _SEMICOLON.finditer(sentence, 0, start)] + [0])
        found.append((place, (lo, start)))
    return found


#: ", killing two civilians": a toll told as what the whole clause did.
_PARTICIPLE_TOLL = re.compile(r",\s+(?:killing|wounding|injuring|leaving)\b", re.I)
#: "in Nari and in Ghaziabad": places joined in one list.
_JOINED = re.compile(r"[^,;.]{0,60}?\band\s+(?:in\s+|at\s+|on\s+)?(?:the\s+)?$")


def _shared_toll(sentence: str, order: list[int], seg: tuple[int, int]) -> bool:
    """Is the toll after the last of several places (``order``: where each
    is named) told for all of them: places joined by "and" with no toll
    between them, the toll a participle clause after the last?"""
    if len(order) < 2 or not _PARTICIPLE_TOLL.search(sentence, seg[0], seg[1]):
        return False
    between = find_casualties(sentence[order[0] : order[-1]])
    if between.fatalities is not None or between.injuries is not None:
        return False
    return all(_JOINED.match(sentence, a, b) for a, b in zip(order, order[1:]))


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


def _blank(sentence: str, spans: list[tuple[int, int]]) -> str:
    """``sentence`` with the text of ``spans`` blanked (offsets kept)."""
    for lo, hi in spans:
        sentence = sentence[:lo] + " " * (hi - lo) + sentence[hi:]
    return sentence


def _plus(a: int | None, b: int | None) -> int | None:
    return a if b is None else b if a is None else a + b


def _gap(idx: int, earlier: int) -> int:
    return idx - earlier if earlier >= 0 else idx + 1


#: "killed in Barmal and two women in Khost": tolls told per place, the verb
#: said once.
_PER_PLACE_TOLL = re.compile(
    r"\b(?:killed|dead|died|wounded|injured|hurt)\s+in\s+[A-Z][\w'-]+(?:\s+[A-Za-z][\w'-]+){0,2}?,?\s+and\s+"
    r"(?:\d+|[a-z]+)(?:\s+[\w-]+){0,2}?\s+in\s+[A-Z]"
)
_PER_PLACE_TOLL = Gated(_PER_PLACE_TOLL, "killed", "dead", "died", "wounded", "injured", "hurt")
#: "... and two women in Khost": the count before a later place of such a sentence.
_ELIDED_TOLL = re.compile(r"\band\s+(?P<n>\d+|[a-z]+(?:-[a-z]+)?)(?:\s+[\w-]+){0,2}?\s+in\s+(?:the\s+)?$")


#: "..., a day after a suicide attack in Peshawar": an earlier incident
#: named after the one reported.
_TIME_AFTER = re.compile(
    r"\b(?:(?:a|one|two|three|four|five|six|\d+)\s+(?:days?|hours?|weeks?)|hours|days|weeks|shortly|soon|just)"
    r"\s+after\b",
    re.I,
)
_TIME_AFTER = Gated(_TIME_AFTER, "after")


def _stands_for(m: Mention, venues: list[Place], named: set[Place]) -> Place | None:
    """The place named before that a wider name of a per-place toll stands
    for ("two in Khost" after "the Sperah district of Khost"), or ``None``:
    a name not told before, or the name of the province of a place told."""
    if m.role != "place" or m.place is None:
        return None
    told = m.place in venues
    earlier = [
        v
        for v in venues
        if v.admin1
        and v.admin1 == m.place.admin1
        and v not in named
        and v.kind != "province"
        and (not told or v.admin1.split()[0] == m.place.name.split()[0])
    ]
    return earlier[-1] if earlier else None


def _places_for(
    etype, trigs, mentions, sentence, ctx, crossing, finder, others: list[Trigger] = (), idx: int = 0
) -> list[tuple[Place, bool]]:
    """Places of an event of ``etype`` in this sentence; bool: named in it."""
    # (the triggers' flags in one pass: most groups hold one trigger)
    weak, border_mod, anaphoric = True, False, False
    for t in trigs:
        weak = weak and t.weak
        border_mod = border_mod or t.border
        anaphoric = anaphoric or t.anaphoric
    candidates = [m for m in mentions if m.place is not None]
    cut = _subordinate_cut(sentence, trigs, others) if others and etype != "talks" else None
    # ... up to the next incident of another type
    stop = len(sentence) if cut is None else min((o.start for o in others if o.start > cut), default=len(sentence))
    ahead = _main_clause_end(sentence, trigs, others) if others and etype != "talks" else None
    if ahead is not None and any(m.start < ahead and m.place is not None for m in candidates):
        # "exchanged fire along the Durand Line on Saturday, four days after
        # air strikes killed dozens in Paktika": Paktika is the strikes'.
        candidates = [m for m in candidates if m.start < ahead]
    if cut is not None and any(cut <= m.start < stop for m in mentions):
        # "Torkham has been shut since October 12, when the Taliban attacked
        # posts along the border", "closed following bombings in Pakistan":
        # the places before the clause are the closure's; the attack has
        # the places its own clause names (a country names none).
        candidates = [m for m in candidates if cut <= m.start < stop]
    if crossing is not None:
        # "trucks stranded on both sides of the border" of the crossing in
        # context: the phrase gives the extent, not another place.
        candidates = [m for m in candidates if not (m.role == "border" and m.surface.lower().startswith("both sides"))]
    if (
        etype in ("border_closure", "trade_disruption")
        and len(ctx.crossings) > 1
        and not any(m.role == "place" and _near_line(m.place, _FAR_DEG) for m in candidates)
        and _BOTH_CROSSINGS.search(sentence)
    ):
        # "Torkham and Chaman ... Pakistan had sealed them in February",
        # "opened both crossings for two days": each crossing named together
        # (a far place is the reason: "after a bombing in Sindh").
        return [(c, False) for c in ctx.crossings]
    if etype != "talks" and (
        any(_REACTION_BEFORE.search(sentence, max(0, t.start - 60), t.start) for t in trigs)
        # "In Khyber, the closure has hurt the loaders of Jamrud": what an
        # incident told before has done, where it was felt
        # (closures and trade only: "the fighting in Kurram has displaced
        # thousands" may be the first report of the fighting)
        or etype in _STATES
        and all(t.anaphoric and _EFFECT_AFTER.match(sentence, t.end) for t in trigs)
    ):
        # "lodged a protest over what it called unprovoked firing": the
        # incident reacted to, at its own place, not where the reaction was.
        return [(ctx.by_type[etype], False)] if etype in ctx.by_type else []
    if (
        anaphoric
        and etype in ctx.by_type
        and (
            any(_AFTER_BEFORE.search(sentence[max(0, t.start - 30) : t.start]) for t in trigs)
            or not mentions_specific(mentions)
            # "The clash is the deadliest on the Kurram frontier in months"
            # (not "the deadliest since August 2016, when a bomber killed 70")
            or (_SUPERLATIVE.search(sentence) and not _SINCE_WHEN.search(sentence))
        )
    ):
        # "the closure", "these airstrikes", "closed after the fighting":
        # "the closure", "these airstrikes": the incident already reported.
        return [(ctx.by_type[etype], False)]
    if (
        etype == "border_closure"
        and anaphoric
        and etype in ctx.by_type
        and not any(m.role in ("place", "crossing_ref") and _is_crossing(m.place, finder) for m in candidates)
    ):
        # "In Khyber, the closure has hit the economy of Landi Kotal": what
        # closes is a crossing; towns and districts named with "the closure"
        # are where it is felt.
        return [(ctx.by_type[etype], False)]
    if etype == "talks":
        candidates = [
            m
            for m in candidates
            if m.role != "border" and not _TOPIC_BEFORE.search(sentence[max(0, m.start - 60) : m.start])
        ]
        if not candidates and ctx.venues and any(_THERE.search(sentence[t.end :]) for t in trigs):
            return [(ctx.venues[-1], False)]
        # "talks in Turkey" names a venue; "mediated by Qatar and Turkey" does not.
        countries = [
            m
            for m in mentions
            if m.role == "country"
            and m.country not in ("AF", "PK")
            and _VENUE_BEFORE.search(sentence[max(0, m.start - 20) : m.start])
        ]
        candidates += countries
    else:
        candidates = [m for m in candidates if m.place.country in REGION]
        if etype in ("border_closure", "fortification"):
            # "sealed after a bombing in Sindh": a crossing is shut or a
            # fence built near the line, not in a far province or city.
            candidates = [m for m in candidates if m.role == "border" or _near_line(m.place, _FAR_DEG)]
        if etype == "border_closure" and ("xcept" in sentence or "apart from" in sentence):
            # "closed all crossings except Torkham", "making exceptions for
            # transit trade at Torkham and Chaman": those stayed open.
            kept = [m for m in candidates if not _EXCEPT_BEFORE.search(sentence, max(0, m.start - 60), m.start)]
            if len(kept) < len(candidates) and not kept and finder.border is not None:
                return [(finder.border, False)]  # the rest of the border
            candidates = kept
    if etype == "trade_disruption":
        # "grapes from Kandahar", "prices in Kabul": where goods come from or
        # are sold, not where they are stuck.
        goods = [m for m in candidates if _GOODS_BEFORE.search(sentence, max(0, m.start - 50), m.start)]
        # "prices in Kabul and Peshawar": the places coordinated with one are too.
        goods += [
            m for m in candidates if any(_COORD.match(sentence[g.end : m.start]) for g in goods if g.end <= m.start)
        ]
        candidates = [m for m in candidates if m not in goods]
    if etype == "border_closure" and any(
        (m.role == "place" and _is_crossing(m.place, finder)) or m.role == "crossing_ref" for m in candidates
    ):
        # "the Kharlachi crossing, the trading point between Kurram and
        # Paktia, was closed": what closes is the crossing; the other names
        # say where it lies or what it links (also when it is "the crossing"
        # told before).
        candidates = [m for m in candidates if m.role != "place" or _is_crossing(m.place, finder)]
    if border_mod and etype != "talks":
        candidates = [
            m
            for m in candidates
            if m.place.kind in ("crossing", "border", "district", "town", "village", "province")
            # a tehsil or valley on the line ("a shell fired from across the
            # border landed in Mamund"), not a wide region ("Waziristan")
            or (m.place.kind == "region" and m.place.precision <= 2)
            or _is_crossing(m.place, finder)
        ]
    if (
        weak
        and etype in SPREAD_TYPES
        and etype in ctx.unplaced
        and (etype not in ctx.by_type or ctx.unplaced_placed.get(etype, (None,))[0] == ctx.unplaced[etype])
        and 0 < _gap(idx, _placed_at(ctx, etype)) <= 2
    ):
        # "Aircraft bombed two areas in eastern Afghanistan. The strikes hit
        # houses in Barmal and Sperah.": the places of the incident just told
        # (also told one province a sentence: "In Khost, ... In Kunar, ...").
        weak = False
        ctx.unplaced_placed[etype] = (ctx.unplaced[etype], idx)
    if (
        weak
        and etype in VIOLENT
        and etype in ctx.by_type
        and len({m.place for m in candidates if m.role == "place"}) > 1
        and _PER_PLACE_TOLL.search(sentence)
    ):
        # "Three were killed in Barmal and two in Khost": the toll of each
        # place of the incident just told; a wider name ("Khost") stands
        # for the place named before in its province ("Sperah district").
        weak = False
        named = {m.place for m in candidates}
        for i, m in enumerate(candidates):
            stand = _stands_for(m, ctx.venues, named)
            if stand is not None:
                candidates[i] = replace(m, place=stand)
    if weak and etype in VIOLENT and etype in ctx.by_type:
        # "In Khost, officials said 41 were killed" after strikes "in Khost
        # and Kunar": the toll of the place of the incident it names.
        told = {m.place for m in candidates if m.role == "place" and m.place in ctx.type_places.get(etype, ())}
        if len(told) == 1:
            return [(told.pop(), True)]
        if len(told) > 1:
            # "Three of the wounded were from Marawara, and the other two
            # were hurt in Dangam": each place told gets its part of the
            # toll (see the per-place tolls of sentence_events).
            ordered = [m.place for m in sorted(candidates, key=lambda m: m.start) if m.place in told]
            return [(p, True) for p in dict.fromkeys(ordered)]
    if weak:
        # "trucks", "killed": only more of an incident already reported
        # (not of one of several places told at once).
        if etype in ctx.spread and etype in VIOLENT:
            return []
        return [(ctx.by_type[etype], False)] if etype in ctx.by_type else []
    chosen = _choose(candidates, trigs, sentence)
    narrower = [m for m in candidates if m.role in ("place", "crossing_ref")]
    if chosen and all(m.role == "border" for m in chosen) and narrower and etype != "talks":
        # "fire across the border in Kurram", "rockets fired across the
        # Durand Line came down in four districts of Kunar": the whole
        # border only when no narrower place is tied to the incident.
        chosen = _choose(narrower, trigs, sentence)
    elif chosen and all(m.role == "border" for m in chosen):
        # "clashed along the Durand Line near Angoor Adda": the named place.
        for m in candidates:
            if m.role == "place" and any(
                0 <= m.start - b.end <= 40 and _BORDER_THEN_PLACE.match(sentence[b.end : m.start]) for b in chosen
            ):
                chosen = [m]
                break
    if (
        etype in ("trade_disruption", "border_closure")
        and crossing is not None
        and chosen
        and all(m.role == "border" and _THE_BORDER.match(m.surface) for m in chosen)
        and not _MANY_CROSSINGS.search(sentence)
    ):
        # "lines of trucks formed on the road to the border" in a report
        # about Torkham: the crossing in context, not the whole line.
        return [(crossing, False)]
    if (
        etype in ("fortification", *VIOLENT)
        and chosen
        and all(m.role == "border" and _THE_BORDER.match(m.surface) for m in chosen)
    ):
        # "a second strike hit a car near the border", "troops were repairing
        # the fence near the border when the post came under fire" after a
        # sentence naming Mohmand: the place of the incident of this type
        # told before, else the place just named on the line, not the whole
        # border.
        told = ctx.by_type.get(etype)
        if told is not None and told.kind != "border" and _near_line(told):
            return [(told, False)]
        if ctx.line_place is not None and 0 < _gap(idx, ctx.line_place[0]) <= 1:
            return [(ctx.line_place[1], False)]
    hit_first: list[tuple[Place, bool]] = []
    if etype in SPREAD_TYPES and chosen and all(m.role == "place" for m in chosen):
        # "the strikes hit Barmal in Paktika, killing five, and a village in
        # Sperah": every district or town hit after the trigger is a place of
        # its own (provinces after a place only qualify it, see places.py).
        first = min(t.start for t in trigs)
        # Up to the next incident of another type ("; a bomb in Khost...").
        stop = min((t.start for t in others if t.start > first), default=len(sentence))
        # ... and within its clause ("drones hit Khost and Paktika; TTP raid
        # on Angoor Adda post": the raid is another incident).
        # (its every match holds one of these three characters)
        semi = _SEMICOLON.search(sentence, first) if ";" in sentence or "—" in sentence or "–" in sentence else None
        stop = min(stop, semi.start()) if semi else stop
        chosen = chosen + [
            m
            for m in candidates
            if m.role == "place"
            and m not in chosen
            and first < m.start < stop
            and m.place.country in ("AF", "PK")
            and m.place.kind not in ("province", "region")
            # "a compound in Barmal, near the border with North Waziristan":
            # a neighbour that says where the place hit lies
            and not _NEIGHBOUR_BEFORE.search(sentence, max(0, m.start - 30), m.start)
        ]
        anaphor = _PLACE_ANAPHOR.search(sentence, first, stop)
        if anaphor is not None and all(anaphor.start() < m.start for m in chosen):
            # "blamed drones for a strike in the city, and said another
            # strike hit a market in Barmal": the city named before is hit
            # too, first.
            named = _named_before(anaphor.group(0), ctx)
            if named is not None and all(named != m.place for m in chosen):
                hit_first = [(named, True)]
    if (not chosen or all(m.role == "border" for m in chosen)) and etype != "talks" and "the " in sentence:
        # "exchanged fire in the district": the district named last.
        named = _named_before(sentence, ctx)
        if named is not None:
            return [(named, True)]  # named, by its kind, in the sentence
    result: list[tuple[Place, bool]] = hit_first
    for m in chosen:
        if m.role == "country":
            venues = ctx.venues_all + ctx.venues
            place = _refine_country(m.country, venues)
            if place is not None:
                result.append((place, False))
        else:
            result.append((m.place, True))
    if result:
        return result
    if etype == "talks" and not weak and _BORDER_MEETING.search(sentence):
        # "border commanders held a flag meeting", "elders of both sides met
        # near the border": at the crossing in context, else where the last
        # incident on the line was.
        if crossing is not None:
            return [(crossing, False)]
        on_line = [v for v in ctx.venues if v.kind != "border" and _near_line(v)]
        if on_line:
            return [(on_line[-1], False)]
    if etype in ctx.by_type:
        return [(ctx.by_type[etype], False)]
    if etype == "talks" and not weak and any(t.ended for t in trigs):
        # A round that is over and named without a place: the last venue.
        # The border as a whole is never a venue.
        venues = [v for v in ctx.venues if v.kind != "border"]
        return [(venues[-1], False)] if venues else []
    if etype in VIOLENT and not weak and not anaphoric and 0 <= idx <= 1:
        # "CHARSADDA - Gunmen stormed a university in the northwest": the
        # lead of a report places its incident in the headline or dateline
        # ("the blast" refers to an incident told, maybe of another type).
        lead = _lead_place(ctx)
        if lead is not None:
            return [(lead, False)]
    violent_here = [o.event_type for o in others if o.event_type in VIOLENT]
    if (
        etype == "fortification"
        and not weak
        and (violent_here or (ctx.last_violent is not None and 0 < _gap(idx, ctx.last_violent[0]) <= 3))
    ):
        # "A party of soldiers was repairing the fence when the post came
        # under fire": the works of a report about an attack are where the
        # attack was, not the whole border.
        attacked = ctx.by_type.get(violent_here[0] if violent_here else ctx.last_violent[1])
        if attacked is not None and attacked.kind != "border" and _near_line(attacked, _FAR_DEG):
            return [(attacked, False)]
    if etype in BORDER_TYPES:
        if (
            etype == "armed_clash"
            and not border_mod
            and not _BORDER_WORDS.search(sentence)
            and not (_PK_SIDE.search(sentence) and _AF_SIDE.search(sentence))
        ):
            # "hostilities between Pakistan and India", "the Taliban stepped
            # up their offensive": fighting with no place, no word of the
            # border and not between the two sides is not put on the border
            # nor at the crossing named before; "there was a brief exchange
            # of fire" in a report of a standoff at a place on the line just
            # named is there.
            if (
                any(t.sub_event_type == "exchange_of_fire" for t in trigs)
                and ctx.line_place is not None
                and 0 < _gap(idx, ctx.line_place[0]) <= 2
            ):
                return [(ctx.line_place[1], False)]
            return []
        if crossing is not None:
            return [(crossing, False)]
        if finder.border is not None:
            return [(finder.border, False)]
    return []


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
