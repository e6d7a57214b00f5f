"""The places of border works (a fence, post, gate or trench): on the
line, never the whole line nor a far city, else where the attack on the
men building them was."""

from __future__ import annotations

import re

from ...geocoders.base import Place
from ..types import Trigger
from .line import _WORKS_DEG, _near_line
from .state import ArticleState, _gap

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


#: A work pulled down, not put up (read at the trigger).
_PULLED_DOWN = re.compile(
    r"(?:t(?:ore|ear(?:s|ing)?)\s+(?:down|up|out)|pull(?:s|ed|ing)?\s+(?:up|down|out)|uproot(?:s|ed|ing)?|"
    r"remov(?:e|es|ed|ing)|dismantl(?:e|es|ed|ing)|damag(?:ed|ing))\b",
    re.I,
)


def _work_places(
    places: list[tuple[Place, bool]],
    sentence: str,
    trigs: list[Trigger],
    ctx: ArticleState,
    idx: int,
    clash_told: bool,
) -> list[tuple[Place, bool]]:
    """The places of a border work (fence, post, gate, trench): on the line,
    not the whole line, else where the attack on its men was
    (``clash_told``: the sentence tells a clash too)."""
    if places and all(p.kind == "border" for p, _ in places) and ctx.last_violent is not None:
        # "fire was exchanged in Zazai Maidan after soldiers tried to
        # put up a section of fence along the Durand Line": the work
        # is where the fight over it just told in this sentence was.
        at, vtype = ctx.last_violent
        fought = ctx.by_type.get(vtype)
        if at == idx and fought is not None and fought.kind != "border":
            places = [(fought, False)]
    # "Pakistan is fencing the border", "forts along the line": the
    # fence project as a whole, years long, is no located incident (a
    # fence torn down or damaged along the line is one, by the other side:
    # "the Taliban damaged parts of the fence along the Durand Line").
    if not any(_PULLED_DOWN.match(sentence, t.start) for t in trigs):
        places = [(p, named) for p, named in places if p.kind != "border"]
    # A fence, post, gate or trench stands on the line: a city far
    # from it ("Kabul could review trade if the fencing goes on") is
    # a government or a speaker, not the work's place.
    places = [(p, named) for p, named in places if _near_line(p, _WORKS_DEG)]
    if (
        places
        and not any(named for _, named in places)
        and any(
            _WHOLE_LINE_AFTER.match(sentence, t.end) or _THE_FENCE.search(sentence[max(0, t.start - 12) : t.end])
            for t in trigs
        )
    ):
        # "is fencing the border to stop such raids" in a report about
        # one crossing: the whole line, not the crossing in context.
        places = []
    if not places and not all(t.weak for t in trigs) and clash_told:
        places = _attacked_work(ctx, idx)
    return places
