"""Patterns gated by their words: a regex run only where it can match.

Most of the rules' patterns match nowhere in most sentences, and Python's
``re`` cannot skip ahead on a case-insensitive pattern led by ``\\b``: it
tries every alternative at every position. When every match of a pattern
holds one of a few words, a substring test for them on the lower-cased text
(done in C, several times faster than the scan) says when the scan can be
skipped: :class:`Gated` answers as the pattern does, running it only when
one of its words is there.

Why the test is exact: ``re.IGNORECASE`` matches an ASCII letter only to
that letter in either case, except "i" (also "ı" and "İ") and "s" (also
"ſ"); a text without those three characters holds a word
case-insensitively exactly when its lower-cased text holds it. A text with
any of them is always scanned (the test is
:func:`geomap.extract.wordscan.lowered_ok`, shared with the lowered
patterns; "İ" changes the length of the lower-cased text and is caught by
it). ``tests/test_extract_gates.py`` checks the
gated answers against the plain ones on every dev and synthetic sentence.
"""

from __future__ import annotations

import re
import sys
from typing import Iterator

import ahocorasick

from .wordscan import lowered_ok

#: Up to this many gate words are looked for one by one (``str.find``).
_FIND_WORDS = 4


class Gated:
    """``pattern``, searched only in text that holds one of ``words``.

    Parameters
    ----------
    pattern : re.Pattern
    words : str
        Lower-case ASCII words; every match of ``pattern`` holds one of them
        (in any case).

    >>> p = Gated(re.compile(r"\\b(?:hours|days)\\s+after\\b", re.I), "after")
    >>> p.search("Two DAYS AFTER the raid").span(), p.search("Days later")
    ((4, 14), None)
    """

    __slots__ = ("pattern", "words", "_any")

    def __init__(self, pattern: re.Pattern, *words: str):
        if not words or any(not w or not w.isascii() or w != w.lower() for w in words):
            raise ValueError(f"gate words must be lower-case ASCII: {words!r}")
        self.pattern = pattern
        self.words = words
        #: Many words are looked for in one pass of an Aho-Corasick automaton.
        self._any = _automaton(words) if len(words) > _FIND_WORDS else None

    def absent(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> bool:
        """True when no match can lie in ``text[pos:endpos]``."""
        _, low, trusted = lowered(text)
        if not trusted:
            return False
        if pos < 0:
            pos = 0
        if self._any is not None:
            return next(self._any.iter(low, pos, min(endpos, len(low))), None) is None
        for w in self.words:
            if low.find(w, pos, endpos) >= 0:
                return False
        return True

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match | None:
        """``pattern.search(text, pos, endpos)``."""
        # (absent() and lowered() inline: gated searches run on most
        # sentences, and a call is a good part of the test's cost)
        last = _last
        if last[0] is not text:
            last = lowered(text)
        if last[2]:
            low = last[1]
            if pos <= 0 and endpos >= len(low):
                # the whole text (most calls): "in" and a plain pass, cheaper
                # than find() with bounds
                if self._any is not None:
                    if next(self._any.iter(low), None) is None:
                        return None
                else:
                    for w in self.words:
                        if w in low:
                            break
                    else:
                        return None
                return self.pattern.search(text, pos, endpos)
            if pos < 0:
                pos = 0
            if self._any is not None:
                if next(self._any.iter(low, pos, min(endpos, len(low))), None) is None:
                    return None
            else:
                for w in self.words:
                    if low.find(w, pos, endpos) >= 0:
                        break
                else:
                    return None
        return self.pattern.search(text, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match | None:
        """``pattern.match(text, pos, endpos)``."""
        if self.absent(text, pos, endpos):
            return None
        return self.pattern.match(text, pos, endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match]:
        """``pattern.finditer(text, pos, endpos)``."""
        if self.absent(text, pos, endpos):
            return iter(())
        return self.pattern.finditer(text, pos, endpos)


def _automaton(words: tuple[str, ...]) -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for w in words:
        automaton.add_word(w, w)
    automaton.make_automaton()
    return automaton


#: The text last gated, its lower case, and whether a gate may be trusted on
#: it (lower-casing kept its length, no letter folds apart). The rules gate
#: many searches on one sentence in a row: it is lowered once. One tuple,
#: read and replaced whole, so threads never mix two texts' parts.
_last: tuple[str | None, str, bool] = (None, "", False)
#: The same for the last :data:`_RECENT_TEXTS` texts asked, by text: the
#: rules alternate between a sentence and the short windows they cut from
#: it, and a sentence asked again after a window was lowered anew (about
#: three lowerings in four, on the benchmark's corpus). Cleared when full.
_recent: dict[str, tuple[str, str, bool]] = {}
_RECENT_TEXTS = 256


def lowered(text: str) -> tuple[str | None, str, bool]:
    """``(text, text.lower(), whether a gate may be trusted on it)``, kept
    for the last texts asked (:class:`Gated` and
    :class:`~geomap.extract.starts.StartGated` read one text many times)."""
    global _last
    last = _last
    if last[0] is not text:
        last = _recent.get(text)
        if last is None:
            if len(_recent) >= _RECENT_TEXTS:
                _recent.clear()
            low = text.lower()
            last = _recent[text] = (text, low, lowered_ok(text, low))
        _last = last
    return last
