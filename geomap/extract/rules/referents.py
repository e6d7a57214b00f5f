"""The places a sentence points to without naming them: "the crossing"
and "the zero point" (the crossing in context: the one named last, or
after a sentence naming several the one it went on from, or before any
is named the first the article names later), "in the district", "the
area" (the last place the text called by that noun, else the last of
that kind named), a wider name standing for a place
named before in its province, the headline's or dateline's place of a
report's lead, the city of a talks venue given as a country, and a
capital named by its country ("in the Qatari capital").
"""

from __future__ import annotations

import re
from dataclasses import replace

from ...geocoders.base import Place
from ..gates import Gated
from ..places import Mention, PlaceFinder
from .state import ArticleState


def _refine_country(code: str, venues: list[Place]) -> Place | None:
    """A talks venue given as a country: the latest city of that country named."""
    for place in reversed(venues):
        if place.country == code and place.kind not in ("country", "border"):
            return place
    return None


#: "in the district", "near the town": a place named before, by its kind.
_PLACE_ANAPHOR = re.compile(
    r"\b(?:in|of|across|near|inside|around|outside|to|into|above|beyond)\s+the\s+(?P<kind>district|town|city|village|valley|sector|tehsil|area)\b",
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


#: A kind noun the text puts after a name ("the Sambaza area", "Kurram agency").
_CALLED = re.compile(r"\s(?P<noun>district|town|city|village|valley|sector|tehsil|area)$", re.I)


def note_called(mentions: list[Mention], ctx: ArticleState) -> None:
    """Note the places of ``mentions`` that the text called by a kind noun
    ("the Sambaza area", "Dangam district"), for a later "the area"."""
    for m in mentions:
        if m.role == "place" and m.place is not None and m.place.country in ("AF", "PK"):
            called = _CALLED.search(m.surface)
            if called is not None:
                ctx.called.append((called.group("noun").lower(), m.place))


def _named_before(sentence: str, ctx: ArticleState) -> Place | None:
    """The place an anaphor of the sentence ("in the district") stands for:
    the last place the text called by that noun ("the Sambaza area" for
    "the area"; news repeats the noun it named the place with), else the
    last place of that kind named in the sentences before, if any."""
    m = _PLACE_ANAPHOR.search(sentence)
    if m is None:
        return None
    noun = m.group("kind").lower()
    for called, place in reversed(ctx.called):
        if called == noun:
            return place
    kinds = _ANAPHOR_KINDS[noun]
    for place in reversed(ctx.venues):
        if place.kind in kinds and place.country in ("AF", "PK"):
            return place
    return None


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


_ZERO = re.compile(r"\bzero\s+(?:point|line)\b", re.I)

_ZERO = Gated(_ZERO, "zero")

_OF_PLACE = re.compile(r"\s+(?:in|at|of|near)\s+(?:the\s+)?(?=[A-Z])")


#: The crossings of the whole border: "all crossings", "all its border
#: crossings", "the crossings between the two countries", "crossings along
#: the frontier" (not "the crossings at Torkham and Chaman").
_ALL_CROSSINGS = re.compile(
    r"\ball\s+(?:the\s+|its\s+|their\s+)?(?:main\s+|border\s+)?crossings\b|"
    r"\bcrossings\s+(?:between\s+the\s+(?:two|neighbou?rs)|along\s+the\s+(?:border|frontier|line)|on\s+the\s+border)\b",
    re.I,
)


def _is_crossing(place: Place, finder: PlaceFinder) -> bool:
    return place.kind == "crossing" or place.name in finder.crossing_names


def resolve_crossings(
    mentions: list[Mention],
    crossing: Place | None,
    finder: PlaceFinder,
    sentence: str,
    ahead: Place | None = None,
) -> tuple[list[Mention], Place | None]:
    """The mentions with "the crossing" resolved to the crossing named last
    (in this sentence or before) and "the zero point" to the crossing being
    reported; and the crossing in context after the sentence (see
    :func:`_focus_crossing`). With no crossing named yet, "the crossing" is
    ``ahead``, the first one the article names later (:func:`crossing_ahead`):
    a report may name its crossing only after pointing to it."""
    before = crossing
    named: list[Place] = []
    resolved: list[Mention] = []
    for i, m in enumerate(mentions):
        if m.role == "crossing_ref":
            if crossing is None:
                # (only "the crossing": "a border post" names none)
                if ahead is None or not _THE_CROSSING.match(m.surface):
                    continue
                m = replace(m, place=ahead)
            else:
                m = replace(m, place=crossing)
        elif m.place is not None and _is_crossing(m.place, finder):
            crossing = m.place
            named.append(m.place)
        elif m.role == "border" and crossing is not None and _ZERO.search(m.surface):
            of = _OF_PLACE.match(sentence, m.end)
            if of and i + 1 < len(mentions) and mentions[i + 1].place is not None and mentions[i + 1].start == of.end():
                # "the zero point in Spin Boldak": the place named is the zero
                # point's, not the crossing reported before
                continue
            # "the zero point" / "zero line" of the crossing being reported.
            m = replace(m, role="place", place=crossing)
        resolved.append(m)
    if "rossings" in sentence and _ALL_CROSSINGS.search(sentence):
        # "All crossings between the two countries have stayed shut": what
        # follows is about the whole border until a crossing is named again.
        return resolved, None
    return resolved, _focus_crossing(before, named, crossing)


_THE_CROSSING = re.compile(r"the\s+(?:[\w-]+\s+)?(?:border\s+)?crossing\b", re.I)


def crossing_ahead(ctx: ArticleState, finder: PlaceFinder) -> Place | None:
    """The first crossing the article names, while none has been named
    yet (``None`` once one has)."""
    if ctx.crossing is not None or ctx.crossings:
        return None
    return next((p for p in ctx.venues_all if _is_crossing(p, finder)), None)


def _focus_crossing(before: Place | None, named: list[Place], last: Place | None) -> Place | None:
    """The crossing a later "the crossing" means after a sentence that
    named ``named``: the one named, or, when the sentence named several
    ("both routes, at Chaman and at Torkham", "through Badini rather than
    the Chaman route"), the crossing already in context if it is one of
    them, else the first named (a list or a comparison goes on from the
    sentence's subject, not its last name)."""
    if len(set(named)) < 2:
        return last
    return before if before in named else named[0]


#: A capital named by its country's adjective ("talks in the Qatari
#: capital", "blasts in the Afghan capital"): news names venues and cities
#: so to avoid repeating the name.
_CAPITALS = {
    "afghan": "Kabul",
    "pakistani": "Islamabad",
    "qatari": "Doha",
    "turkish": "Ankara",
    "saudi": "Riyadh",
    "chinese": "Beijing",
    "iranian": "Tehran",
    "emirati": "Abu Dhabi",
    "uzbek": "Tashkent",
    "russian": "Moscow",
    "tajik": "Dushanbe",
    "turkmen": "Ashgabat",
}
_CAPITAL_OF = re.compile(
    r"\b(?:in|at|inside|near|across|to|into|over)\s+the\s+(?P<adj>" + "|".join(_CAPITALS) + r")\s+capital\b", re.I
)
_CAPITAL_OF = Gated(_CAPITAL_OF, "capital")
#: Where speakers are ("officials in the Afghan capital said"), not where it happened.
_SPEAKERS_BEFORE = re.compile(
    r"\b(?:officials?|spokes(?:man|woman|person)|sources?|diplomats?|residents?|analysts?|journalists?|reporters?)\s*$",
    re.I,
)
_SAID_AFTER = re.compile(r"^\s*,?\s+(?:[\w'’-]+\s+){0,2}?(?:said|says|say|told)\b", re.I)


def capital_mentions(sentence: str, mentions: list[Mention], finder: PlaceFinder) -> list[Mention]:
    """``mentions`` with each capital named by its country ("after talks in
    the Qatari capital", "explosions in the Afghan capital") as a mention
    of that city (also before its name: "the Qatari capital, Doha"), unless
    it is where speakers are ("officials in the Afghan capital said")."""
    added = []
    for m in _CAPITAL_OF.finditer(sentence):
        city = _CAPITALS[m.group("adj").lower()]
        if _SPEAKERS_BEFORE.search(sentence, max(0, m.start() - 30), m.start()) or _SAID_AFTER.match(sentence, m.end()):
            continue
        place = finder.resolve(city, "city")
        if place is None:
            continue
        at = m.start("adj") - len("the ")
        added.append(Mention(at, m.end(), sentence[at : m.end()], "place", place))
    if not added:
        return mentions
    return sorted(mentions + added, key=lambda x: x.start)
