"""The words before a trigger, cut at clause breaks and subordinators.

A cue governs a trigger only in its own clause: "after militants attacked
a post" is not under the wish before "after".
"""

from __future__ import annotations

import re

#: Clause breaks: punctuation, a comma before a conjunction, "but". Three
#: patterns, each of which ``re`` can skip through quickly (one alternation
#: starting with ``\b`` was tried at every position of the sentence); the
#: ends they give are the ends of the one pattern, a few of them twice.
_CLAUSE_BREAKS = (
    re.compile(r"[;:—–]"),
    re.compile(r",\s+(?:but|while|whereas|although|though|and\s+(?:the|a|an))\b"),
    re.compile(r"\bbut\b"),
)


def _words_before(sentence: str, start: int, breaks: list[int] | None = None) -> list[str]:
    """The words before ``start``, cut at the last clause break: split once,
    then joined into windows of several widths.

    Only the last 120 characters are read: six words fit in them, and the
    scan stays short on long sentences. ``breaks`` (ends of the clause
    breaks of ``sentence``, see :func:`_breaks`) saves a scan per call.
    """
    lo = max(0, start - 120)
    if breaks is None:
        breaks = _breaks(sentence)
    cut = 0  # the last break before start (a loop: most sentences have none or one)
    for b in breaks:
        if cut < b <= start:
            cut = b
    return sentence[max(lo, cut) : start].split()


def _breaks(sentence: str) -> list[int]:
    """End offsets of the clause breaks of ``sentence`` (unordered, maybe
    repeated: only the last one before a trigger is read)."""
    # (each scan only where its characters or words occur: most sentences
    # have no ";", ":" or dash, and many no comma)
    ends = (
        [m.end() for m in _CLAUSE_BREAKS[0].finditer(sentence)]
        if ";" in sentence or ":" in sentence or "—" in sentence or "–" in sentence
        else []
    )
    if "," in sentence:
        ends += [m.end() for m in _CLAUSE_BREAKS[1].finditer(sentence)]
    if "but" in sentence:
        ends += [m.end() for m in _CLAUSE_BREAKS[2].finditer(sentence)]
    return ends


#: Words that open a clause of time or cause: a threat or wish before one
#: ("came under pressure to act after militants attacked a post") does not
#: govern the incident the clause tells.
_SUBORDINATORS = frozenset(("after", "before", "when", "since", "because", "following", "amid", "while"))


#: A negation does not reach past these either: "the jirga ended without
#: agreement as firing broke out" (the firing is not negated).
_NEGATION_CUTS = _SUBORDINATORS | {"as"}
#: ... nor a wish's that-clause past a concession ("urged that trade go on
#: even though forces shelled Dangam": the shelling happened).
_MANDATE_CUTS = _NEGATION_CUTS | {"though", "although", "despite", "but"}


def _own_clause(words: list[str], cuts: frozenset[str] = _SUBORDINATORS) -> list[str]:
    """``words`` (before a trigger) from the last subordinator (of ``cuts``) on."""
    for i in range(len(words) - 1, -1, -1):
        if words[i].lower() in cuts:
            return words[i + 1 :]
    return words


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Does ``(start, end)`` overlap one of ``spans``?"""
    for s, e in spans:
        if start < e and s < end:
            return True
    return False


def _comma_after(low: str, pos: int) -> int:
    """Where the comma or semicolon after ``pos`` is (the end of the text when none)."""
    ends = [i for i in (low.find(",", pos), low.find(";", pos)) if i >= 0]
    return min(ends, default=len(low))
