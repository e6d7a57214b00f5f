"""An incident told as a repeat: "the crossing was shut again", "fresh
clashes" (:attr:`geomap.extract.draft.DraftEvent.repeated`; merging keeps
a repeat apart from the mention of its type and place on another day)."""

from __future__ import annotations

import re

from ..gates import Gated
from ..types import Trigger

#: "again" told with a trigger: before it in its clause ("was again
#: closed") or after it before the clause ends ("shut the crossing again").
_AGAIN = re.compile(r"\b(?:again|once\s+more|anew)\b", re.I)
_AGAIN = Gated(_AGAIN, "again", "more", "anew")
#: A noun of the incident told as one more: "fresh clashes", "renewed
#: fighting" (not "another" or "a second": mostly another place or a count).
_FRESH_BEFORE = re.compile(r"\b(?:fresh|renewed)\s+(?:[\w-]+\s+)?$", re.I)
_FRESH_BEFORE = Gated(_FRESH_BEFORE, "fresh", "renewed")
_BREAK = re.compile(r"[,;:()]")
_CLAUSE_END = re.compile(r"[,;:()]|\b(?:and|as|after|when|while|but|because|since|before|until|following)\b", re.I)


def told_again(sentence: str, trigs: list[Trigger]) -> bool:
    """Is the incident told as a repeat ("the crossing was shut again",
    "Pakistan closed the crossing again after the violence", "the gate
    opened again on Thursday", "was once more sealed")? Only "again" in
    the trigger's own clause and near it counts: not "as fighting flared
    again" nor "will meet again" of another verb."""
    if _AGAIN.absent(sentence) and _FRESH_BEFORE.absent(sentence):
        return False  # (one test of the sentence, not two searches per trigger)
    for t in trigs:
        if _FRESH_BEFORE.search(sentence, max(0, t.start - 20), t.start):
            return True
        before = _BREAK.split(sentence[max(0, t.start - 12) : t.start])[-1]
        end = _CLAUSE_END.search(sentence, t.end, t.end + 40)
        after = sentence[t.end : end.start() if end else t.end + 40]
        if _AGAIN.search(before) or _AGAIN.search(after):
            return True
    return False
