"""The places of an event, chosen among the places the finders found in
its sentence (:mod:`geomap.extract.places`) or carried from the sentences
before.

:func:`_places_for` is the rule: the mention nearest the triggers and
those coordinated with it (:func:`.coordinated._choose`), narrowed by the
event's type (a crossing for a closure, a venue for talks, places near the
line for works), or the place of the incident already told, the crossing in
context, the lead's place or the border as a whole. Border works are
placed by :mod:`.works`, places told without their names by
:mod:`.referents`.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ...geocoders.base import Place
from ..gates import Gated
from ..places import Mention
from ..types import VIOLENT, Trigger
from .causes import _DEFINITE_BEFORE, _OPENING_CAUSE, _cause_in_a_country, _similar_one
from .clauses import _SEMICOLON, _cause_clause_start, _clause_of, _distance, _main_clause_end, _subordinate_cut
from .coordinated import _COORD, _choose, _without_landmarks
from .line import _FAR_DEG, _near_line
from .origins import fire_origins, people_origins
from .referents import _PLACE_ANAPHOR, _is_crossing, _lead_place, _named_before, _refine_country, _stands_for
from .sides import officials_of_both_sides
from .state import _STATES, BORDER_TYPES, REGION, SPREAD_TYPES, ArticleState, _gap, _placed_at
from .tolls import _PER_PLACE_TOLL

#: What the sides agreed to do, told before a place: "an agreement to allow
#: people to cross at Angoor Adda", "agreed to reopen Torkham": the place is
#: what the agreement is about, not where the talks were (not a meeting
#: agreed on: "agreed to meet in Doha").
_AGREED_TO_BEFORE = re.compile(
    r"\b(?:agree(?:d|s|ment)?|decided|decision|deal|accord|pledged|promised)\s+(?:[\w-]+\s+){0,3}?to\s+"
    # (a verb after "to", not "agreed to a truce after talks in Doha"; and
    # no meeting told between)
    r"(?!(?:meet|hold|host|gather|convene|resume|a|an|the|this|that|its|their)\b)"
    r"(?:(?!(?:talks|meeting|met|summit|session)\b)[\w'’-]+\s+){1,10}?$",
    re.I,
)
_AGREED_TO_BEFORE = Gated(_AGREED_TO_BEFORE, "agree", "decided", "decision", "deal", "accord", "pledged", "promised")
#: A place after these words is what talks are about, not where they are held.
_TOPIC_BEFORE = re.compile(
    r"\b(?:closure|closing|reopening|opening|situation|issue|status|dispute|tensions?)\s+"
    r"(?:of|at|over|on)\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,3}$|"
    # (not "crossed over to the Friendship Gate": a way there)
    r"\b(?:over|about|regarding|concerning)\s+(?!to\s)(?:the\s+)?(?:[\w-]+\s+){0,2}$",
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
#: The crossings named together before: "both crossings", "the two border
#: points", "sealed them", "both of them".
_BOTH_CROSSINGS = re.compile(
    r"\b(?:both|the\s+two|these|those)\s+(?:(?:main|key|border|trade|official|busiest|major)\s+){0,2}"
    r"(?:crossings|border\s+points|gateways|entry\s+points|terminals)\b|\bboth\s+of\s+them\b|"
    r"\b(?:clos(?:ed|ing)|shut(?:ting)?|seal(?:ed|ing)|re-?open(?:ed|ing)|open(?:ed|ing))\s+them\b|"
    r"\bthey\s+(?:were|had\s+been|have\s+been|remain(?:ed)?|stay(?:ed)?)\s+(?:both\s+)?(?:closed|shut|sealed|reopened)\b",
    re.I,
)
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
_VENUE_BEFORE = re.compile(r"\b(?:in|to|inside|at|hosted\s+by)\s+(?:the\s+)?$", re.I)
#: "Afghanistan's acting ambassador in Qatar", "the envoy to Turkey": where a
#: diplomat is posted (a title), not where the talks of the sentence are.
_POSTED_BEFORE = re.compile(
    r"\b(?:ambassador|envoy|consul(?:\s+general)?|charg[eé]\s+d['’]affaires|high\s+commissioner|embassy|consulate)"
    r"(?:\s+of\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|of)){0,5})?\s+(?:in|to)\s+(?:the\s+)?$",
    re.I,
)

#: A neighbour that says where the place hit lies: "(a compound in Barmal,)
#: near the border with North Waziristan", "bordering", "next to". (A town
#: measured from, "30 km west of Miramshah", the finder has left out:
#: :func:`geomap.extract.measured._measured_from`.)
_NEIGHBOUR_BEFORE = re.compile(
    r"\b(?:(?:border|frontier|boundary)\s+with|bordering|adjoining|adjacent\s+to|next\s+to|neighbou?ring)"
    r"\s+(?:the\s+)?$",
    re.I,
)
_NEIGHBOUR_BEFORE = Gated(
    _NEIGHBOUR_BEFORE, "border", "frontier", "boundary", "adjoining", "adjacent", "next", "neighbo"
)


#: A meeting held on the line: a flag meeting, a border meeting, "met near
#: the border", "at the zero point".
_BORDER_MEETING = re.compile(
    r"\bflag\s+meetings?\b|\bborder\s+(?:meetings?|jirgas?)\b|"
    r"\b(?:met|meet|meeting|gathered|talks)\s+(?:[\w-]+\s+){0,2}?(?:near|at|on)\s+(?:the\s+)?(?:border|zero\s+(?:point|line))\b",
    re.I,
)
_BORDER_MEETING = Gated(_BORDER_MEETING, "flag", "border", "met", "meet", "gathered", "talks")


def _nearer_other(m: Mention, trigs: list[Trigger], triggers: list[Trigger]) -> bool:
    """Is ``m`` nearer to a trigger of another type than to any of ``trigs``?"""
    span = (m.start, m.end)
    own = min(_distance(span, (t.start, t.end)) for t in trigs)
    return any(o.event_type != trigs[0].event_type and _distance(span, (o.start, o.end)) < own for o in triggers)


_EXCEPT_BEFORE = re.compile(r"\b(?:except(?:ions?)?|apart\s+from)\b[^.;]*$", re.I)
_EXCEPT_BEFORE = Gated(_EXCEPT_BEFORE, "except", "apart")


def mentions_specific(mentions) -> bool:
    """Does the sentence name a place of its own (not just "the border")?"""
    return any(m.role == "place" and m.place is not None for m in mentions)


def _places_of_the_work_before(trigs, others, candidates) -> bool:
    """Are the places of the sentence all told after a border work and
    before the triggers ``trigs``? (Not after a closure: "closed its side at
    Chaman, citing the fighting" may place the fighting.)"""
    places = [m for m in candidates if m.role in ("place", "crossing_ref")]
    if not places:
        return False
    first, last = min(m.start for m in places), max(m.end for m in places)
    first_trig = min(t.start for t in trigs)
    return last <= first_trig and any(o.event_type == "fortification" and o.end <= first for o in others)


#: "without naming places", "without giving locations": no place is told.
_NO_PLACE_TOLD = re.compile(
    r"\bwithout\s+(?:naming|giving|specifying|disclosing|saying|identifying)\s+(?:any\s+|the\s+|their\s+|its\s+|exact\s+)?"
    r"(?:places?|locations?|where\b|targets)",
    re.I,
)


def _place_of_border_incident(etype: str, candidates: list[Mention], ctx: ArticleState, idx: int) -> Place | None:
    """ "Fire from across the border killed two soldiers. ... The incident in
    Bajaur district was the first since August.": the one place on the line
    that a sentence continuing a violent incident names, when the incident
    was told (up to two sentences before) only at the whole border; None
    otherwise."""
    told = ctx.told_places.get(etype)
    if told is None or not 0 < _gap(idx, told[0]) <= 2 or not all(p.kind == "border" for p in told[1]):
        return None
    named = {m.place for m in candidates if m.role == "place" and m.place.kind != "border" and _near_line(m.place)}
    return named.pop() if len(named) == 1 else None


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
    fled = people_origins(sentence, candidates)
    if fled:
        # "strikes on Waziristan refugees in Sperah": where they fled from
        candidates = [m for m in candidates if m not in fled]
    if etype in VIOLENT:
        # "shells fired from Afghanistan's Kunar province hit Mamund": the
        # launch site is no place of the incident
        launched = fire_origins(sentence, candidates)
        candidates = [m for m in candidates if m not in launched]
        if launched and all(m.role == "border" for m in candidates):
            # ("... hit villages near the Pak-Afghan border": the border says
            # where the villages lie; the place is the one told before)
            candidates = []
    cut = _subordinate_cut(sentence, trigs, others) if others and etype != "talks" else None
    # ... up to the next incident of another type
    stop = len(sentence) if cut is None else min((o.start for o in others if o.start > cut), default=len(sentence))
    ahead = _main_clause_end(sentence, trigs, others) if others and etype != "talks" else None
    if ahead is not None and any(m.start < ahead and m.place is not None for m in candidates):
        # "exchanged fire along the Durand Line on Saturday, four days after
        # air strikes killed dozens in Paktika": Paktika is the strikes'.
        candidates = [m for m in candidates if m.start < ahead]
    elif ahead is not None:
        # "the route it shut last week after three troops were killed in a
        # helicopter strike in a border area": the border phrase of the
        # clause behind is the strike's, not the closure's whole border.
        candidates = [m for m in candidates if m.role != "border" or m.start < ahead]
    opening = _OPENING_CAUSE.match(sentence)
    if (
        opening is not None
        and etype != "talks"
        and max(t.end for t in trigs) < opening.end()
        and not any(m.start < opening.end() and m.role in ("place", "crossing_ref") for m in mentions)
    ):
        # "After strikes in Afghanistan and attacks on border posts in
        # mid-October, Qatar invited both sides to Doha": the opening clause
        # names no place of its own (a country, "border posts"); it times
        # the main clause and tells no incident to draft.
        return []
    if cut is None:
        # a cause or time clause after a main clause with no trigger of
        # another type ("stopped the convoys at Torkham ..., hours after")
        cut = _cause_clause_start(sentence, trigs)
        stop = len(sentence)
        if cut is not None and not any(m.start < cut for m in candidates):
            cut = None  # the main clause names no place to keep apart
    if (
        cut is not None
        and etype in VIOLENT
        and not any(cut <= m.start < stop for m in mentions)
        and _DEFINITE_BEFORE.match(sentence, cut, min(t.start for t in trigs) + 1)
    ):
        # "shut Torkham and Chaman after the first night of fighting",
        # "closed since October 12, after the worst fighting in years": an
        # incident the article tells, named in a clause with no place of
        # its own, is no draft here and takes none of the main clause's.
        return []
    if cut is not None and any(cut <= m.start < stop for m in mentions):
        # "Torkham has been shut since October 12, when the Taliban attacked
        # posts along the border", "closed following bombings in Pakistan":
        # the places before the clause are the closure's; the attack has
        # the places its own clause names (a country names none).
        candidates = [m for m in candidates if cut <= m.start < stop]
        if any(m.role == "place" for m in candidates):
            # "hours after gunships fired on a border post in Kurram": the
            # clause names its place; its "border post" is no pointer to
            # the crossing the main clause named.
            candidates = [m for m in candidates if m.role not in ("border", "crossing_ref")]
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
        anaphoric
        and etype in VIOLENT
        and etype in ctx.by_type
        and _places_of_the_work_before(trigs, others, candidates)
    ):
        # "troops have been setting up posts near Badini, facing Maruf, and
        # the shelling began after ...": the places (and the days) are the
        # work's; the shelling is the one already reported, told again.
        return []
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
            if m.role != "border"
            and not _TOPIC_BEFORE.search(sentence[max(0, m.start - 60) : m.start])
            and not _AGREED_TO_BEFORE.search(sentence[max(0, m.start - 120) : m.start])
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
            and not _POSTED_BEFORE.search(sentence[max(0, m.start - 90) : m.start])
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
    if weak and etype in VIOLENT and (place := _place_of_border_incident(etype, candidates, ctx, idx)) is not None:
        return [(place, True)]
    if weak:
        # "trucks", "killed": only more of an incident already reported
        # (not of one of several places told at once).
        if etype in ctx.spread and etype in VIOLENT:
            return []
        return [(ctx.by_type[etype], False)] if etype in ctx.by_type else []
    chosen = _choose(candidates, trigs, sentence)
    if chosen and "without" in sentence and all(m.role == "border" for m in chosen) and _NO_PLACE_TOLD.search(sentence):
        # "the army said it had targeted camps along the border, without
        # giving locations": the report says it has no place; the whole
        # border would be a guess.
        return []
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
        # (not fighting told in a when/after clause behind a closure: "shut
        # since October 12, when fighting broke out along the border" is
        # the border's fighting, not the crossing's)
        and cut is None
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
        chosen = _without_landmarks(chosen, sentence)
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
    if etype == "talks" and not weak and crossing is not None and officials_of_both_sides(sentence):
        # "Both Pakistani and Afghan officials held talks but failed to
        # resolve the issue" in a report about a crossing: at the crossing
        return [(crossing, False)]
    if etype == "talks" and not weak and _BORDER_MEETING.search(sentence):
        # "border commanders held a flag meeting", "elders of both sides met
        # near the border": at the crossing in context, else where the last
        # incident on the line was.
        if crossing is not None:
            return [(crossing, False)]
        on_line = [v for v in ctx.venues if v.kind != "border" and _near_line(v)]
        if on_line:
            return [(on_line[-1], False)]
    if etype in VIOLENT and etype in ctx.by_type and _cause_in_a_country(sentence, trigs, others, mentions):
        # "closed Torkham following a suicide attack on a shrine in
        # Pakistan": the cause of another incident, placed in a country
        # only, is not the incident of its type told before
        return []
    if etype == "armed_clash" and etype in ctx.by_type and not weak and _similar_one(sentence, trigs):
        # "In August, a soldier died in a similar confrontation with Afghan
        # forces": another incident like the one told, not at its place
        return [(finder.border, False)] if finder.border is not None else []
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


def _group_mentions(
    mentions: list[Mention],
    etype: str,
    trigs: list[Trigger],
    triggers: list[Trigger],
    spans: list[tuple[int, int]],
    types_told: int,
) -> list[Mention]:
    """The mentions an incident group may take its places from: talks told
    beside another incident only from their own clause, and none nearer to
    the other incident's words (``types_told``: how many types the sentence
    tells)."""
    if etype == "talks" and len(spans) > 1 and types_told > 1:
        # "while the delegations were meeting, troops traded fire near X":
        # talks take a place only from their own clause.
        own = _clause_of(spans, trigs[0].start)
        mentions_t = [m for m in mentions if own[0] <= m.start < own[1]]
    else:
        mentions_t = mentions
    if etype == "talks" and types_told > 1:
        # "fought around Spin Boldak before the two sides agreed to a
        # truce": a place told with another incident is not the venue.
        mentions_t = [m for m in mentions_t if not _nearer_other(m, trigs, triggers)]
    return mentions_t
