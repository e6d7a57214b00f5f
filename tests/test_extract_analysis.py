"""Per-sentence analysis (geomap.extract.analysis): its fast patterns find
what their plain forms find."""

from __future__ import annotations

import random
import re

from geomap.extract.analysis import _CLAUSE, clauses

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


def test_a_heading_is_never_skipped(dev_sentences):
    from geomap.extract.analysis import _HEADING, _may_head

    headings = ["March 2026: Torkham reopens", "- October 2025 - posts attacked", "2026 March: talks", "• May 1999—x"]
    for text in dev_sentences + headings:
        if _HEADING.match(text):
            assert _may_head(text), text
    assert all(_HEADING.match(h) for h in headings)


def test_no_relative_pronoun_means_no_date_of_another_noun(dev_sentences):
    # _pick_date skips _about_another_noun when _THAT.absent(sentence): on
    # every dev sentence, no date (at any place after any trigger) is then
    # another noun's.
    import datetime as dt

    from geomap.extract.analysis import _THAT, _about_another_noun
    from geomap.extract.dates import find_dates
    from geomap.extract.types import find_triggers

    skipped = 0
    for s in dev_sentences:
        if not _THAT.absent(s):
            continue
        triggers = find_triggers(s)
        dates = find_dates(s, dt.date(2025, 10, 28))
        for t in triggers:
            for d in dates:
                skipped += 1
                assert not _about_another_noun(s, d, [t]), s
    assert skipped > 100


def test_no_semicolon_or_dash_means_no_clause_end(dev_sentences):
    # _places_for searches _SEMICOLON only in sentences holding ";", "—" or "–".
    from geomap.extract.analysis import _SEMICOLON

    for s in dev_sentences + _texts(3000):
        if ";" not in s and "—" not in s and "–" not in s:
            assert _SEMICOLON.search(s) is None, s
