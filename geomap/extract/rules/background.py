"""Incidents a long report tells only as background, with no time of their
own: what the people it names had done before ("militants who had attacked
a coalition base in Khost"). The gold format counts a background incident
only when the text gives or implies its time; such a clause gives none, and
the dates of the sentences around it are the reported incident's."""

from __future__ import annotations

import re

from ..gates import Gated
from ..types import Trigger

#: "who had attacked", "which had been shelled", "that had earlier
#: stormed": a relative clause in the past perfect whose verb is the
#: trigger (not "militants who had crossed from Kunar attacked", where the
#: clause ends before the trigger).
_HAD_BEFORE = re.compile(
    r"\b(?:who|which|that)\s+had\s+(?:(?:also|earlier|previously|once|already|repeatedly)\s+)?"
    r"(?:been\s+)?$",
    re.I,
)
_HAD_BEFORE = Gated(_HAD_BEFORE, "had")
#: A clause ends at a comma or semicolon before the trigger.
_CLAUSE_BREAK = re.compile(r"[,;:()]")


def done_before(sentence: str, trigs: list[Trigger], dated: bool) -> bool:
    """Are ``trigs`` told only as what a noun had done before, in a
    relative clause of the past perfect ("a group of militants who had
    attacked a coalition base in Paktika"), in a sentence that tells no
    date (``dated`` false)? Such an incident has no time the text gives,
    so it is no event (not one dated by the sentences around it)."""
    if dated or not trigs:
        return False
    for t in trigs:
        lo = max(0, t.start - 60)
        breaks = [m.end() for m in _CLAUSE_BREAK.finditer(sentence, lo, t.start)]
        if not _HAD_BEFORE.search(sentence, breaks[-1] if breaks else lo, t.start):
            return False
    return True
