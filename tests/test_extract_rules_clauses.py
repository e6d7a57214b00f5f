"""Clauses of a sentence (geomap.extract.rules.clauses): the fast clause
patterns find what their plain forms find."""

from __future__ import annotations

import random
import re

from geomap.extract.rules.clauses import _CLAUSE, _cause_clause_start, clauses

#: The clause breaks as a plain alternation, the reference for :data:`_CLAUSE`.
_CLAUSE_PLAIN = re.compile(r";|\s+[—–]\s+|,\s+(?:while|whereas|but|and\s+(?:a|an|another|the))\b|\s+while\s+")


def _texts(n: int, seed: int = 5) -> list[str]:
    pieces = [
        " ",
        "  ",
        "\t",
        ",",
        ";",
        "—",
        "–",
        "-",
        "while",
        "whereas",
        "but",
        "and",
        "a",
        "an",
        "the",
        "x",
        "another",
    ]
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 25))) for _ in range(3000)]


def test_clause_breaks_match_the_plain_alternation(dev_sentences):
    for text in dev_sentences + _texts(3000):
        assert [m.span() for m in _CLAUSE.finditer(text)] == [m.span() for m in _CLAUSE_PLAIN.finditer(text)], text


def test_clauses():
    s = "An air strike killed five, while a bomb wounded three; the crossing stayed shut"
    assert [s[a:b] for a, b in clauses(s)] == [
        "An air strike killed five",
        " a bomb wounded three",
        " the crossing stayed shut",
    ]


def test_clauses_skip_only_sentences_without_a_break(dev_sentences):
    for text in dev_sentences + _texts(3000, seed=4):
        spans, start = [], 0
        for m in _CLAUSE.finditer(text):
            spans.append((start, m.start()))
            start = m.end()
        assert clauses(text) == spans + [(start, len(text))], text


def test_no_semicolon_or_dash_means_no_clause_end(dev_sentences):
    # _places_for searches _SEMICOLON only in sentences holding ";", "—" or "–".
    from geomap.extract.rules.clauses import _SEMICOLON

    for s in dev_sentences + _texts(3000):
        if ";" not in s and "—" not in s and "–" not in s:
            assert _SEMICOLON.search(s) is None, s


def test_a_cause_clause_starts_after_its_comma_and_words():
    from geomap.extract.types import Trigger

    text = "The gate was shut on Friday, hours after gunships fired on a post."
    at = text.index("fired")
    cut = _cause_clause_start(text, [Trigger("airstrike", "airstrike", at, at + 5)])
    assert text[cut:].startswith("gunships")
    early = text.index("shut")
    assert _cause_clause_start(text, [Trigger("border_closure", "closure", early, early + 4)]) is None
    plain = "Guns fired after dawn on a post."
    assert _cause_clause_start(plain, [Trigger("armed_clash", "clash", 5, 10)]) is None


def test_a_cause_clause_needs_a_comma_before_the_triggers(dev_sentences):
    # _cause_clause_start answers None at once when no comma precedes the
    # triggers: every match of its pattern begins with one.
    from geomap.extract.rules.clauses import _CAUSE

    for s in dev_sentences:
        for m in _CAUSE.pattern.finditer(s):
            assert s[m.start()] == ",", (m.group(0), s)
