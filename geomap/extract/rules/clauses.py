"""Clauses of a sentence: where it splits into parts that may tell
different incidents.

:func:`clauses` cuts at ";", a spaced dash, "while" and a comma before
"while", "but", "and the"; :func:`_subordinate_cut` and
:func:`_main_clause_end` find a when/after/following/during clause that tells an
earlier incident, :func:`_cause_clause_start` a comma-led "hours after",
"when" or "in retaliation for" clause that holds a trigger,
:func:`_related_cut` the other incident of "The bombing came a day after
...". Also spans: their distance and blanking.
"""

from __future__ import annotations

import re

from ..gates import Gated
from ..types import Trigger


def _distance(a: tuple[int, int], b: tuple[int, int]) -> int:
    if a[1] <= b[0]:
        return b[0] - a[1]
    if b[1] <= a[0]:
        return a[0] - b[1]
    return 0


#: Where a sentence splits into clauses that may report different incidents
#: ("an air strike killed five, while a bomb wounded three"): a ";", a dash
#: between spaces, "while", or a comma before "while", "but", "and the" ...
#: Each alternative begins with the one class [;,\s], so that ``re`` skips
#: ahead to those characters instead of trying every position; the matches
#: are those of the plain alternation (tests/test_extract_rules_clauses.py).
_CLAUSE = re.compile(
    r"[;,\s](?:(?<=;)|(?<=\s)\s*[—–]\s+|(?<=,)\s+(?:while|whereas|but|and\s+(?:a|an|another|the))\b|(?<=\s)\s*while\s+)"
)


#: The matches of :data:`_CLAUSE` in a sentence without ";", a dash or
#: "while": its comma alternative alone, which ``re`` scans from commas only
#: (the class that opens _CLAUSE holds every space).
_COMMA_CLAUSE = re.compile(r",\s+(?:while|whereas|but|and\s+(?:a|an|another|the))\b")
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


#: A clause that tells the incident behind or around the one told first: ",
#: when militants attacked ...", "following a wave of bombings", "during
#: clashes in Kurram".
_SUBORDINATE = re.compile(r"(?:,\s*|\s)(?:when|after|following|during)\s", re.I)
_SUBORDINATE = Gated(_SUBORDINATE, "when", "after", "following", "during")


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


#: A cause or time clause set off by a comma: ", hours after", ", days
#: after", ", when", ", following", ", in response to", ", in retaliation
#: for" (the words before it are the main clause's).
_CAUSE = re.compile(
    r",\s*(?:(?:(?:hours|days|weeks|minutes|a\s+day|a\s+week|shortly|soon|just|only)\s+)?after|when|following|"
    r"in\s+(?:response|reaction|retaliation)\s+(?:to|for))\s",
    re.I,
)
_CAUSE = Gated(_CAUSE, "after", "when", "following", "response", "reaction", "retaliation")


def _cause_clause_start(sentence: str, trigs: list[Trigger]) -> int | None:
    """Where the cause or time clause holding every one of ``trigs`` starts
    (", hours after NATO helicopters fired on a post"), or None when the
    triggers are in the main clause."""
    first = min(t.start for t in trigs)
    if sentence.find(",", 0, first) < 0:
        return None  # (every match of _CAUSE begins with a comma)
    cuts = [m.end() for m in _CAUSE.finditer(sentence, 0, first)]
    return cuts[-1] if cuts else None


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


def _blank(sentence: str, spans: list[tuple[int, int]]) -> str:
    """``sentence`` with the text of ``spans`` blanked (offsets kept)."""
    for lo, hi in spans:
        sentence = sentence[:lo] + " " * (hi - lo) + sentence[hi:]
    return sentence


#: A comma right after a phrase that opens the sentence ("In June, ...").
_COMMA_AFTER = re.compile(r"\s*,")
