"""Gated patterns (geomap/extract/gates.py) answer as their plain patterns."""

from __future__ import annotations

import re

import pytest
from conftest_extract import extractor_objects, search_args

from geomap.extract.gates import Gated
from geomap.extract.wordscan import lowered_ok


def _gated_patterns() -> dict[str, Gated]:
    """Every :class:`Gated` of the extractor's modules, by name."""
    return extractor_objects(Gated)


def test_the_extractor_has_gated_patterns():
    assert len(_gated_patterns()) >= 20


@pytest.mark.parametrize("name", sorted(_gated_patterns()))
def test_every_match_holds_a_gate_word(name, dev_sentences):
    # The gate's claim itself, whether or not a sentence happens to be skipped.
    gated = _gated_patterns()[name]
    for s in dev_sentences:
        if not lowered_ok(s, s.lower()):
            continue
        for m in gated.pattern.finditer(s):
            low = m.group(0).lower()
            assert any(w in low for w in gated.words), (name, m.group(0), s)


@pytest.mark.parametrize("name", sorted(_gated_patterns()))
def test_gated_pattern_finds_what_its_pattern_finds(name, dev_sentences):
    gated = _gated_patterns()[name]
    plain = gated.pattern
    span = lambda m: m.span() if m else None  # noqa: E731
    for calls in search_args(dev_sentences, seed=5):
        for args in calls:
            assert [m.span() for m in gated.finditer(*args)] == [m.span() for m in plain.finditer(*args)], (name, args)
            assert span(gated.search(*args)) == span(plain.search(*args)), (name, args)
            assert span(gated.match(*args)) == span(plain.match(*args)), (name, args)


def test_text_whose_letters_fold_apart_is_always_scanned():
    # re.IGNORECASE matches "ſ" to "s" and "ı" to "i"; str.lower leaves them.
    gated = Gated(re.compile(r"\bsince\b", re.I), "since")
    assert gated.search("ſince Monday").span() == (0, 5)
    assert Gated(re.compile(r"\bwhile\b", re.I), "while").search("whıle") is not None
    assert gated.search("SINCE Monday").span() == (0, 5)
    assert gated.search("Monday") is None


@pytest.mark.parametrize("words", [(), ("After",), ("",), ("naïve",)])
def test_gate_words_are_lower_case_ascii(words):
    with pytest.raises(ValueError):
        Gated(re.compile("x"), *words)


def test_lowered_texts_are_kept_by_text_and_stay_right(dev_sentences):
    # lowered() keeps the last texts asked by text (a sentence asked again
    # after the windows cut from it): every answer is the text's own,
    # whether kept or made afresh, also after the store fills and is cleared.
    from geomap.extract import gates

    texts = [*dev_sentences[:600], "ſome İmam", "ARE", "are"]
    for round_ in range(2):
        for i, s in enumerate(texts):
            for t in (s, s[: len(s) // 2], texts[i // 2]):
                low = t.lower()
                assert gates.lowered(t) == (t, low, lowered_ok(t, low)), (round_, t)
    assert len(gates._recent) <= gates._RECENT_TEXTS
