"""Casualty tolls of an event: per place, per side, and which figures
belong to another incident.

A toll told "in" one of several places, a toll shared by places joined in
one list, each side's losses told in a clause of its own, the toll before
"a day after" another incident, and the side and attackers' part of a
toll (read once per sentence).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...geocoders.base import Place
from ..gates import Gated
from ..numbers import Casualties, attackers_toll, find_casualties, parse_number, toll_side
from ..places import Mention
from ..scanned import ScannedSentence
from ..types import VIOLENT, Trigger
from .clauses import _SEMICOLON, _blank, _clause_of
from .referents import _stands_for
from .state import ArticleState, _gap

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


#: The toll of a sentence with no violent incident (one frozen instance).
_NO_TOLL = Casualties()


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


NO_TOLL = Casualties()
#: Toll words no trigger reads ("treated for injuries", "bodies were found").
_TOLL_ONLY = re.compile(r"\b(?:bodies|injuries|wounds|injury|wound)\b", re.I)
#: "No one was hurt.", "Nobody was injured there.": no toll, in words whose
#: trigger the negation drops ("hurt" after "no one").
_NONE_TOLD = re.compile(
    r"\b(?:no\s+one|no-one|nobody)\s+(?:else\s+)?(?:was|were|had\s+been)\s+(?:\w+\s+)?(?:hurt|injured|wounded|killed|harmed)\b",
    re.I,
)
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


#: ", killing two civilians", "... killed at least 20 people": a toll told
#: as what the whole clause did (its subject the strikes on all the places).
_PARTICIPLE_TOLL = re.compile(
    r",\s+(?:killing|wounding|injuring|leaving)\b|"
    r"\s(?:killed|wounded|injured|left)\s+(?:at\s+least\s+|more\s+than\s+|over\s+|some\s+|about\s+)?"
    r"(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a|an)\b|[a-z]+(?:ty|teen)\b)",
    re.I,
)
#: "killed in the two clashes", "in both attacks": a toll told once for
#: several incidents or places.
_SEVERAL = re.compile(
    r"\b(?:in|during|across)\s+(?:the\s+)?(?:two|three|four|both|all|several)\s+(?:[\w-]+\s+)?"
    r"(?:clashes|attacks|incidents|strikes|raids|places|areas|districts|provinces|assaults|bombings)\b",
    re.I,
)
#: "in Nari and in Ghaziabad": places joined in one list.
_JOINED = re.compile(r"[^,;.]{0,60}?\band\s+(?:in\s+|at\s+|on\s+)?(?:the\s+)?$")


def _shared_toll(sentence: str, order: list[int], seg: tuple[int, int]) -> bool:
    """Is the toll after the last of several places (``order``: where each
    is named) told for all of them: places joined by "and" with no toll
    between them, the toll a participle clause after the last?"""
    if len(order) >= 2 and _SEVERAL.search(sentence, seg[0], seg[1]):
        return True  # "... had been killed in the two clashes": told once for all
    if len(order) < 2 or not _PARTICIPLE_TOLL.search(sentence, seg[0], seg[1]):
        return False
    between = find_casualties(sentence[order[0] : order[-1]])
    if between.fatalities is not None or between.injuries is not None:
        return False
    return all(_JOINED.match(sentence, a, b) for a, b in zip(order, order[1:]))


def _toll_before_list(sentence: str, order: list[int], begin: int) -> bool:
    """Is a toll told before places joined in one list ("two soldiers were
    killed in attacks on posts in Bajaur and North Waziristan") told for
    all of them: no toll between or after the places, every two joined by
    "and" or a comma? (The first place then owns none of it, as the gold
    leaves each place's empty.)"""
    if len(order) < 2:
        return False
    head = find_casualties(sentence[begin : order[0]])
    if head.fatalities is None and head.injuries is None:
        return False
    rest = find_casualties(sentence[order[0] :])
    if rest.fatalities is not None or rest.injuries is not None:
        return False
    pairs = list(zip(order, order[1:]))
    # (the last two joined by "and": "North Waziristan, near the border" is no list)
    return bool(_JOINED.match(sentence, *pairs[-1])) and all(
        _JOINED.match(sentence, a, b) or _LISTED.match(sentence, a, b) for a, b in pairs[:-1]
    )


#: "in Bajaur, Khyber and Mohmand": a comma inside one list of names.
_LISTED = re.compile(r"[\w'’-]+(?:\s+[\w'’-]+){0,2}?,\s+(?:in\s+|at\s+)?(?:the\s+)?$")


def _plus(a: int | None, b: int | None) -> int | None:
    return a if b is None else b if a is None else a + b


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


def _place_starts(mentions: list[Mention], named: list[Place], venues: list[Place]) -> dict[Place, int]:
    """Where each of several places of one incident is named in its
    sentence (a wider name standing for a place named before counts)."""
    starts = {}
    for m in mentions:
        place = m.place if m.place in named else _stands_for(m, venues, {x.place for x in mentions})
        if place is not None and place in named and place not in starts:
            starts[place] = m.start
    return starts


@dataclass
class _TollShares:
    """What the toll of each place of one incident group is read from.

    Attributes
    ----------
    related : int or None
        Where another incident related to this one begins ("came a day after ...").
    split_tolls : bool
        Violent incidents of several types in several clauses.
    clause : tuple of int
        The clause of the group's first trigger; ``spans`` every clause.
    order : list of int
        Where each of several places is named.
    told_in : list
        The tolls told "in" one of the places (:func:`_tolls_told_in`).
    per_side : dict
        Each side's toll at its own place (:func:`_tolls_per_side`).
    said_after : bool
        The sentence holds "after" (:data:`_TIME_AFTER`'s gate).
    """

    related: int | None
    split_tolls: bool
    clause: tuple[int, int]
    spans: list[tuple[int, int]]
    order: list[int]
    told_in: list[tuple[Place, tuple[int, int]]]
    per_side: dict[Place, Casualties]
    said_after: bool


def _place_toll(
    sentence: str,
    place: Place,
    at: int | None,
    etype: str,
    trigs: list[Trigger],
    others: list[Trigger],
    casualties: Casualties,
    shares: _TollShares,
    told_before: Casualties | None,
) -> Casualties:
    """The toll of the incident of ``trigs`` at ``place`` (named at ``at``
    when several places are): the sentence's, its clause's, the part told
    between its name and the next place's, or its side's; not the toll of
    another incident told "a day after"; completed by the toll told with it
    before it was placed (``told_before``)."""
    related, split_tolls, clause, spans = shares.related, shares.split_tolls, shares.clause, shares.spans
    order, told_in, per_side = shares.order, shares.told_in, shares.per_side
    tsent = sentence  # the sentence as the place's toll is read in it
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
        if at == order[0] and nxt and _toll_before_list(tsent, order, begin):
            # "two soldiers were killed in separate attacks on posts in
            # Bajaur and North Waziristan": the toll of the whole list
            toll = NO_TOLL
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
                    *(_plus(a, b) for a, b in ((toll.fatalities, more.fatalities), (toll.injuries, more.injuries)))
                )
    if per_side and place in per_side:
        toll = per_side[place]
    if shares.said_after and not split_tolls and at is None:
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
        first = told_before
        toll = Casualties(
            toll.fatalities if toll.fatalities is not None else first.fatalities,
            toll.injuries if toll.injuries is not None else first.injuries,
        )
    return toll
