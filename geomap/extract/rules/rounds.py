"""A second round of talks told in the sentence of the first: "agreed in
Doha on Sunday to a ceasefire, and a follow-up round is due in Istanbul on
Saturday", "met in Kabul on Monday and agreed to meet again in Islamabad on
February 6", "talks in Doha produced a truce, but a later round held in
Istanbul earlier this month broke up". News tells the next (or a later)
round with its own venue and date right after the round it reports; each is
a round of its own (GOLD_FORMAT: upcoming talks with a stated place count).
"""

from __future__ import annotations

import re

from ..dates import DateMention
from ..draft import DraftEvent, copy_draft
from ..gates import Gated
from ..places import Mention

#: Words that open another round: "the next round", "a follow-up meeting",
#: "a later round", "agreed to meet again", "would reconvene".
_ANOTHER_ROUND = re.compile(
    r"\b(?:next|follow-up|follow-on|further|later|another|fresh)\s+(?:round|meeting|session)s?\b|"
    r"\b(?:meet|convene)\s+again\b|\breconvene\b",
    re.I,
)
_ANOTHER_ROUND = Gated(_ANOTHER_ROUND, "round", "meeting", "session", "again", "reconvene")
#: A venue: the place right after "in" or "at" (not "talks on Kabul's demands").
_VENUE_BEFORE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?$", re.I)
#: How far after the words of another round its venue may be named.
_VENUE_REACH = 60


def next_rounds(
    sentence: str, first: DraftEvent, mentions: list[Mention], dates: list[DateMention]
) -> list[DraftEvent]:
    """The rounds told after ``first`` (the sentence's round, already
    placed) in its sentence: each marker of another round followed by a
    venue other than ``first``'s and a date of its own makes a round there
    on that date. A round with no venue or no date of its own ("a follow-up
    meeting in Islamabad has been promised", "the next round will be held
    next year") is no event."""
    out: list[DraftEvent] = []
    seen = {first.place}
    for marker in _ANOTHER_ROUND.finditer(sentence):
        venue = next(
            (
                m
                for m in mentions
                if m.role == "place"
                and m.place is not None
                and marker.end() <= m.start <= marker.end() + _VENUE_REACH
                and _VENUE_BEFORE.search(sentence, max(0, m.start - 8), m.start)
            ),
            None,
        )
        if venue is None or venue.place in seen:
            continue
        # the date told after the venue's words (not the first round's, before them)
        date = next((d for d in dates if d.start >= marker.start() and not d.statement), None)
        if date is None:
            continue
        seen.add(venue.place)
        ev = copy_draft(first)
        ev.place, ev.date, ev.date_rank = venue.place, date, 0
        ev.sub_event_type, ev.ended = "negotiation", False
        out.append(ev)
    return out
