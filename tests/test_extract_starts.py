"""The start words read from a pattern's source, and the scan that tries a
pattern only where they are, against ``finditer_bounded`` (the reference)."""

from __future__ import annotations

import random
import re

import pytest
from conftest_extract import extractor_objects, search_args
from hypothesis import given, settings
from hypothesis import strategies as st

from geomap.extract import types
from geomap.extract.starts import StartGated, StartScan, literal_starts
from geomap.extract.wordscan import finditer_bounded, lowered_pattern


@pytest.mark.parametrize(
    "source, words",
    [
        ("talks", ("talks",)),
        (r"strikes?|raids", ("raids", "strike")),
        # an optional part may be skipped: both words start a match
        (r"(?:hand\s+)?grenades?", ("grenade", "hand")),
        (r"(?:\w+\s+){0,2}fire", None),  # a class may start it
        (r"(?:big\s+){0,2}fire", ("big", "fire")),
        (r"(?:big\s+){1,2}fire", ("big",)),
        (r"(?:big\s+)+fire", ("big",)),
        (r"(?:big\s+)*?fire", ("big", "fire")),
        # look-arounds consume nothing; the word goes on past them
        (r"(?<!general\s)strike", ("strike",)),
        (r"under(?:(?<=posts\sunder)|(?<=post\sunder))\s+construction", ("under",)),
        (r"(?=\d)\d+|no", None),
        (r"\bair\s*-?\s*strikes?\b", ("air",)),
        # a literal word runs up to the first thing that is not one
        (r"cross\-border\s+fire", ("cross-border",)),
        (r"re-?open", ("re-open", "reopen")),
        (r"(?P<verb>shut|closed)\s+down", ("closed", "shut")),
        (r"[Ss]ince", None),
        (r".+fire", None),
        (r"fire|", None),  # the empty alternative matches anywhere
        (r"(?-i:may)|could", ("could", "may")),  # case flags: the same words
        (r"(?x:may)", None),  # other flags: not read
        (r"x\1", None),
        (r"(?:a|b)(?:c|d)e", ("ace", "ade", "bce", "bde")),
        (r"(?:a|b", None),
        (r"a{2}b", ("a",)),  # "a" twice: the reader stops at the quantifier
        (r"ab{0,1}c", ("abc", "ac")),
    ],
)
def test_literal_starts(source, words):
    assert literal_starts(source) == words


def test_every_trigger_rule_has_start_words():
    # (a rule without them is searched whole: correct, but the slow path)
    assert not types._STARTS.unread


def _pieces_of(words: tuple[str, ...]) -> list[str]:
    return [*words, *(w[: len(w) // 2] for w in words), " ", "x", "-", "_", "9", "é", "s ", "ed "]


def _texts(pieces: list[str], n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 25))) for _ in range(n)]


def _rule_scan() -> StartScan:
    return types._STARTS


@pytest.mark.parametrize("i", range(len(types._LOWERED)))
def test_start_scan_finds_what_finditer_bounded_finds(i, dev_sentences):
    scan = _rule_scan()
    pattern = types._LOWERED[i]
    texts = [s.lower() for s in dev_sentences]
    # and texts that put the rule's start words next to letters, digits,
    # hyphens, half words and one another
    texts += _texts(_pieces_of(literal_starts(pattern.pattern) or ()), 300, seed=i)
    for low in texts:
        expected = [m.span() for m in finditer_bounded(pattern, low)]
        assert [m.span() for m in scan.finditer(i, low, scan.starts(low))] == expected, low


def test_a_pattern_without_start_words_is_searched_whole():
    source = r"\b(?:\w+\s+fire)\b"
    scan = StartScan([lowered_pattern(re.compile(source, re.I))], [source[2:]])
    assert scan.unread == {0}
    text = "they opened fire, then fire again"
    assert [m.group(0) for m in scan.finditer(0, text, scan.starts(text))] == ["opened fire", "then fire"]


def test_a_start_word_inside_a_match_is_not_a_second_match():
    source = r"air\s+strikes?|strikes"
    scan = StartScan([re.compile(source)], [source])
    text = "air strikes, strikes and airstrikes"
    assert [m.span() for m in scan.finditer(0, text, scan.starts(text))] == [(0, 11), (13, 20)]


# Random sources from a small grammar of the syntax the reader knows; every
# match of such a pattern must start with one of the words read from it.
_ATOMS = st.sampled_from(["a", "b", "ab", "ba", r"\s", r"\w", "[ab]", ".", r"\-", "-", " ", r"\b"])


def _grow(children):
    group = st.lists(children, min_size=1, max_size=3).map("|".join)
    return st.one_of(
        st.lists(children, min_size=1, max_size=3).map("".join),
        group.map(lambda g: f"(?:{g})"),
        group.map(lambda g: f"(?<!{g[:1] or 'a'})" if g[:1].isalpha() else f"(?=a){g}"),
        st.tuples(group, st.sampled_from(["?", "*", "+", "{0,2}", "{1,2}", "{2}", "??"])).map(
            lambda t: f"(?:{t[0]}){t[1]}"
        ),
    )


_SOURCES = st.recursive(_ATOMS, _grow, max_leaves=8)


@settings(max_examples=300, deadline=None)
@given(source=_SOURCES, text=st.text(alphabet="ab -_x", max_size=20))
def test_every_match_begins_with_a_start_word(source, text):
    try:
        pattern = re.compile(source)
    except re.error:
        return
    words = literal_starts(source)
    if words is None:
        return
    for start in range(len(text) + 1):
        m = pattern.match(text, start)
        if m is not None:
            assert text.startswith(words, start), (source, text, start)


def _start_gated() -> dict[str, StartGated]:
    """Every :class:`StartGated` of the extractor's modules, by name."""
    return extractor_objects(StartGated)


def test_the_extractor_has_start_gated_patterns():
    assert _start_gated()


@pytest.mark.parametrize("name", sorted(_start_gated()))
def test_start_gated_pattern_finds_what_its_pattern_finds(name, dev_sentences):
    gated = _start_gated()[name]
    plain = gated.pattern
    span = lambda m: m.span() if m else None  # noqa: E731
    texts = list(dev_sentences) + _texts(_pieces_of(gated.words) + ["May", "MAY", "İ", "ſ"], 300, seed=4)
    for calls in search_args(texts, seed=9):
        # (and the last words of the text, as the trigger finder passes them)
        for args in (*calls, (" ".join(calls[0][0].split()[-6:]),)):
            assert span(gated.search(*args)) == span(plain.search(*args)), (name, args)


def test_start_gated_needs_start_words():
    with pytest.raises(ValueError):
        StartGated(re.compile(r"\w+\s+fire"))
