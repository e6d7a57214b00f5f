"""Where a pattern can start: the literal words its matches begin with.

Most trigger patterns begin with one of a few literal words ("drone",
"suicide", "shell" ...). Reading those words from the pattern's source once,
one Aho-Corasick pass over a sentence finds every offset where some pattern
could start, and each pattern is tried there only (``re.Pattern.match``)
instead of searched through the whole sentence: :class:`StartScan`.

The words are read from the pattern's source text by :func:`literal_starts`,
a small reader of our own (``re``'s parser is private and may change): it
knows literals, escapes, groups, alternation, look-arounds and quantifiers,
and answers None for anything else. ``tests/test_extract_starts.py`` checks
that the scan finds what :func:`~geomap.extract.wordscan.finditer_bounded`
finds, on every dev and synthetic sentence and on random text.
"""

from __future__ import annotations

import re
import sys
from typing import Iterator

import ahocorasick

from .gates import lowered
from .wordscan import finditer_bounded

#: Escapes that stand for one literal character (``\-`` is "-").
_LITERAL_ESCAPES = frozenset(" -.'’,/&()[]{}?*+|^$\\#\"")
#: Zero-width escapes: they consume nothing, so the prefix goes on past them.
_ZERO_WIDTH_ESCAPES = frozenset("bBAZ")
#: A group that only turns case-insensitivity on or off.
_CASE_FLAGS = re.compile(r"\(\?-?i:")
#: Above this many alternative prefixes, reading gives up (None).
_MAX_PREFIXES = 256

#: A prefix and whether it is closed (something that is not a literal comes after it).
_Prefixes = set[tuple[str, bool]]


class _Unreadable(Exception):
    """The source holds syntax the reader does not know."""


def literal_starts(source: str) -> tuple[str, ...] | None:
    r"""Lower-case literal words one of which begins every match of ``source``.

    ``source`` is read as a case-insensitive pattern (the words are lower
    case). None when some match may begin with something else than a
    literal (a class, ``\w``, ``.``) or the source holds syntax the reader
    does not know.

    >>> literal_starts(r"(?:fighter\s+)?jets\s+struck|air\s*-?\s*strikes?")
    ('air', 'fighter', 'jets')
    >>> literal_starts(r"(?<!general\s)strike|hand\s+grenades?"), literal_starts(r"[\w-]+\s+fire")
    (('hand', 'strike'), None)
    """
    try:
        prefixes, end = _alternation(source, 0)
    except _Unreadable:
        return None
    if end != len(source) or len(prefixes) > _MAX_PREFIXES:
        return None
    words = {p.lower() for p, _ in prefixes}
    if "" in words:
        return None
    # A word that holds a shorter one adds nothing: its starts are the shorter's.
    return tuple(sorted(w for w in words if not any(v != w and w.startswith(v) for v in words)))


def _alternation(source: str, i: int) -> tuple[_Prefixes, int]:
    """Prefixes of ``a|b|...`` from ``i`` up to a ``)`` or the end; the index reached."""
    found: _Prefixes = set()
    while True:
        prefixes, i = _sequence(source, i)
        found |= prefixes
        if len(found) > _MAX_PREFIXES:
            raise _Unreadable
        if i < len(source) and source[i] == "|":
            i += 1
            continue
        return found, i


def _sequence(source: str, i: int) -> tuple[_Prefixes, int]:
    """Prefixes of a sequence of items from ``i`` up to a ``|``, a ``)`` or the end."""
    current: _Prefixes = {("", False)}
    while i < len(source) and source[i] not in "|)":
        item, i = _item(source, i)
        item, i = _quantified(source, i, item)
        grown: _Prefixes = set()
        for prefix, closed in current:
            if closed:
                grown.add((prefix, closed))
            else:
                grown.update((prefix + p, c) for p, c in item)
        if len(grown) > _MAX_PREFIXES:
            raise _Unreadable
        current = grown
    return current, i


#: What an item adds: nothing known (a class, ``\s``), so the prefix closes.
_CLOSED: _Prefixes = {("", True)}
#: What a zero-width item adds: nothing, and the prefix goes on.
_NOTHING: _Prefixes = {("", False)}


def _item(source: str, i: int) -> tuple[_Prefixes, int]:
    """One item (a character, an escape, a class or a group) at ``i``."""
    c = source[i]
    if c == "\\":
        if i + 1 >= len(source):
            raise _Unreadable
        e = source[i + 1]
        if e in _LITERAL_ESCAPES:
            return {(e, False)}, i + 2
        if e in _ZERO_WIDTH_ESCAPES:
            return _NOTHING, i + 2
        if e in "sSwWdD":
            return _CLOSED, i + 2
        raise _Unreadable  # \1, \x41, \n, ...: not worth knowing
    if c == "[":
        return _CLOSED, _class_end(source, i)
    if c == ".":
        return _CLOSED, i + 1
    if c in "^$":
        return _NOTHING, i + 1
    if c == "(":
        return _group(source, i)
    if c in "*+?{":
        raise _Unreadable  # a quantifier with nothing before it
    return {(c, False)}, i + 1


def _class_end(source: str, i: int) -> int:
    """Index after the character class opening at ``i``."""
    j = i + 1
    if source[j : j + 1] == "^":
        j += 1
    if source[j : j + 1] == "]":  # "[]...]": a first "]" is a member
        j += 1
    while j < len(source) and source[j] != "]":
        j += 2 if source[j] == "\\" else 1
    if j >= len(source):
        raise _Unreadable
    return j + 1


def _group(source: str, i: int) -> tuple[_Prefixes, int]:
    """A group at ``i``: its prefixes (none for a look-around) and the index after it."""
    zero_width = False
    if source.startswith("(?:", i):
        body = i + 3
    elif source.startswith(("(?=", "(?!"), i):
        body, zero_width = i + 3, True
    elif source.startswith(("(?<=", "(?<!"), i):
        body, zero_width = i + 4, True
    elif source.startswith("(?P<", i):
        body = source.index(">", i) + 1
    elif (flags := _CASE_FLAGS.match(source, i)) is not None:
        # "(?-i:may)": case changes what a letter matches, not where the
        # match starts; its lower case is still the word read
        body = flags.end()
    elif source.startswith("(?", i):
        raise _Unreadable  # flags, conditionals, back-references by name
    else:
        body = i + 1
    prefixes, end = _alternation(source, body)
    if end >= len(source) or source[end] != ")":
        raise _Unreadable
    return (_NOTHING if zero_width else prefixes), end + 1


def _quantified(source: str, i: int, item: _Prefixes) -> tuple[_Prefixes, int]:
    """``item`` under the quantifier at ``i`` (if any), and the index after it."""
    if i >= len(source) or source[i] not in "?*+{":
        return item, i
    q = source[i]
    if q == "{":
        m = re.compile(r"\{(\d*)(?:,(\d*))?\}").match(source, i)
        if m is None:
            raise _Unreadable
        least = int(m.group(1) or 0)
        end = m.end()
    else:
        least = 0 if q in "?*" else 1
        end = i + 1
    if source[end : end + 1] in ("?", "+"):  # lazy or possessive: same prefixes
        end += 1
    # After one repeat another may follow: what the item started is closed.
    once = {(p, True) for p, _ in item} if q != "?" and not (q == "{" and _at_most_once(m)) else item
    return (once | _NOTHING if least == 0 else once), end


def _at_most_once(m: re.Match) -> bool:
    """Does the ``{m,n}`` quantifier allow one repeat at most?"""
    if m.group(2) is None:  # {n}
        return m.group(1) in ("0", "1")
    return m.group(2) in ("0", "1")


class StartScan:
    """Several lowered patterns, each tried only where one of its start words is.

    Parameters
    ----------
    patterns : sequence of re.Pattern
        Lower-case twins (:func:`~geomap.extract.wordscan.lowered_pattern`)
        of case-insensitive patterns led by ``\\b``, without it.
    sources : sequence of str
        The source of each pattern to read its start words from
        (:func:`literal_starts`); a pattern whose words cannot be read is
        searched as :func:`~geomap.extract.wordscan.finditer_bounded` does.

    >>> import re
    >>> scan = StartScan([re.compile(r"air\\s+strikes?"), re.compile(r"strikes")], [r"air\\s+strikes?", "strikes"])
    >>> starts = scan.starts("two air strikes and strikes")
    >>> [m.span() for m in scan.finditer(0, "two air strikes and strikes", starts)]
    [(4, 15)]
    >>> [m.span() for m in scan.finditer(1, "two air strikes and strikes", starts)]
    [(8, 15), (20, 27)]
    """

    def __init__(self, patterns, sources):
        self.patterns = list(patterns)
        words = [literal_starts(s) for s in sources]
        #: Patterns searched in full (their start words could not be read).
        self.unread = frozenset(i for i, w in enumerate(words) if w is None)
        owners: dict[str, list[int]] = {}
        for i, ws in enumerate(words):
            for w in ws or ():
                owners.setdefault(w, []).append(i)
        self._automaton = ahocorasick.Automaton()
        for w, ids in owners.items():
            # (the value: the word's length, to find its start, and its patterns)
            self._automaton.add_word(w, (len(w) - 1, tuple(ids)))
        if owners:
            self._automaton.make_automaton()
        else:  # (an automaton without words cannot be made, nor iterated)
            self._automaton = None

    def starts(self, low: str) -> dict[int, list[int]]:
        """Per pattern, the offsets of ``low`` (lower-cased text) where one of
        its start words begins at a word boundary (in the automaton's order,
        by end offset: not always ascending)."""
        found: dict[int, list[int]] = {}
        if self._automaton is None:
            return found
        seen_at = -1
        boundary = True
        for end, (back, ids) in self._automaton.iter(low):
            start = end - back
            if start != seen_at:
                seen_at = start
                # (at_boundary, inline: a start word begins with a word character
                # or not, and \b needs the character before to differ)
                before = start > 0 and (low[start - 1].isalnum() or low[start - 1] == "_")
                first = low[start]
                boundary = before != (first.isalnum() or first == "_")
            if boundary:
                for i in ids:
                    at = found.get(i)
                    if at is None:
                        found[i] = [start]
                    else:
                        at.append(start)
        return found

    def finditer(self, i: int, low: str, starts: dict[int, list[int]]) -> Iterator[re.Match]:
        """The matches of pattern ``i`` in ``low``, as ``finditer_bounded`` finds
        them; ``starts`` is :meth:`starts` of ``low``."""
        if i in self.unread:
            yield from finditer_bounded(self.patterns[i], low)
            return
        match = self.patterns[i].match
        at = starts.get(i, ())
        if len(at) > 1:
            # (words of several lengths come out of start order; sorted here,
            # for the few patterns tried, not in starts() for all)
            at = sorted(at)
        pos = 0
        for start in at:
            if start < pos:
                continue  # inside the last match, or the same offset twice
            m = match(low, start)
            if m is not None:
                pos = m.end()
                yield m


class StartGated:
    """``pattern``, tried only where one of its start words begins.

    For a pattern searched in many short texts (the words before a trigger):
    ``re`` tries each alternative of a long alternation at every word of the
    text; here one Aho-Corasick pass finds the offsets where a match can
    begin and the pattern is matched there only. The start words are read
    from the pattern's source (:func:`literal_starts`), which must give them.

    >>> p = StartGated(re.compile(r"\\b(?:could|would|(?-i:may))\\b", re.I))
    >>> p.search("Talks WOULD resume").span(), p.search("in May"), p.search("it may")
    ((6, 11), None, <re.Match object; span=(3, 6), match='may'>)
    """

    __slots__ = ("pattern", "words", "_automaton")

    def __init__(self, pattern: re.Pattern):
        words = literal_starts(pattern.pattern)
        if words is None:
            raise ValueError(f"no start words in {pattern.pattern!r}")
        self.pattern = pattern
        self.words = words
        self._automaton = ahocorasick.Automaton()
        for w in words:
            self._automaton.add_word(w, len(w) - 1)
        self._automaton.make_automaton()

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match | None:
        """``pattern.search(text, pos, endpos)``."""
        _, low, trusted = lowered(text)
        if not trusted:
            return self.pattern.search(text, pos, endpos)
        if pos < 0:
            pos = 0
        # (a match starting at p holds its start word in text[p:endpos])
        starts = [end - back for end, back in self._automaton.iter(low, pos, max(0, min(endpos, len(low))))]
        if not starts:
            return None
        if len(starts) > 1:
            starts.sort()  # (by end offset: words of several lengths come out of order)
        match = self.pattern.match
        for start in starts:
            m = match(text, start, endpos)
            if m is not None:
                return m
        return None
