"""``finditer`` for patterns that start at a word boundary, without the ``\\b``.

Python's ``re`` skips ahead quickly to where a pattern can start only when
the pattern begins with a literal or a set of characters; a leading ``\\b``
hides that set, and the engine then tries the whole pattern at every
position of the text. Searching for the pattern without its ``\\b`` and
testing the boundary in Python finds the same matches several times faster
on long texts (a whole article's actors, for instance).

``re`` cannot skip ahead on the cased letters of a case-insensitive
pattern either. :func:`lowered_pattern` makes the lower-case, case-sensitive
twin of such a pattern, to run on the lower-cased text; :func:`lowered_ok`
says when that finds exactly what the original finds on the original text.
"""

from __future__ import annotations

import re
from typing import Iterator


def at_boundary(text: str, pos: int) -> bool:
    """Would ``\\b`` match at ``pos`` of ``text``?"""
    # What \w matches in a str pattern: Unicode letters and digits, and "_".
    before = pos > 0 and (text[pos - 1].isalnum() or text[pos - 1] == "_")
    after = pos < len(text) and (text[pos].isalnum() or text[pos] == "_")
    return before != after


#: Characters that ``re.IGNORECASE`` matches to an ASCII letter but that
#: ``str.lower`` leaves alone (dotless i, long s); a dotted capital I
#: changes the length of the lower-cased text and is caught by that.
_FOLDS_APART = ("ı", "ſ")


def lowered_ok(text: str, low: str) -> bool:
    r"""Does a lowered pattern on ``low`` (``text.lower()``) find what the
    case-insensitive one finds on ``text``, at the same offsets?

    Lower-casing that keeps the length maps each character to one, keeps
    ``\w``, ``\s`` and ``\d`` as they were, and makes every letter that
    ``re.IGNORECASE`` would match to an ASCII letter that letter, except the
    two of :data:`_FOLDS_APART`.
    """
    # Two "in" tests, not a loop over _FOLDS_APART: this runs for every
    # sentence and every finder.
    return len(low) == len(text) and _FOLDS_APART[0] not in text and _FOLDS_APART[1] not in text


def _top_level_alternatives(source: str) -> list[str]:
    """``source`` cut at its ``|`` outside groups and character classes."""
    parts, depth, in_class, i, last = [], 0, False, 0, 0
    while i < len(source):
        c = source[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            # "[]...]" and "[^]...]": a first "]" is a member, not the end
            if source[i + 1 : i + 2] == "^":
                i += 1
            if source[i + 1 : i + 2] == "]":
                i += 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            parts.append(source[last:i])
            last = i + 1
        i += 1
    parts.append(source[last:])
    return parts


def _led_by_boundary(source: str, flags: int) -> bool:
    r"""Does every match of ``source`` start at its ``\b`` (``\bA|B`` does not)?

    Read from the source text rather than with ``re``'s private parser
    (``re._parser`` may change between Python versions): every alternative
    outside groups must open with ``\b``.
    """
    return all(part.startswith(r"\b") for part in _top_level_alternatives(source))


def _caseless(source: str) -> bool:
    """Does a pattern without IGNORECASE read no case (no cased letter
    outside its escapes and group names)? Its twin then finds the same."""
    bare = re.sub(r"\\.|\(\?P<\w+>|\(\?P=\w+\)", "", source)
    return bare.lower() == bare.upper()


def lowered_pattern(pattern: re.Pattern) -> re.Pattern:
    r"""The case-sensitive, lower-case twin of ``pattern``, without its leading ``\b``.

    Run it with :func:`finditer_bounded` on the lower-cased text, when
    :func:`lowered_ok`. ``pattern`` must be case-insensitive (or read no
    case: digits only) and start with a ``\b`` that governs
    all of it (no ``|`` outside a group) and hold no upper-case escape
    (``\S``, ``\W``, ...) or group name, which lower-casing would change.
    """
    source = pattern.pattern
    if (
        not source.startswith(r"\b")
        or not (pattern.flags & re.IGNORECASE or _caseless(source))
        or re.search(r"\\[A-Z]|\(\?P<[^>]*[A-Z]", source)
        # a part that turns case-insensitivity off ("(?-i:may)") would match more once lowered
        or re.search(r"\(\?[a-zA-Z]*-[a-zA-Z]*i", source)
        or not _led_by_boundary(source, pattern.flags)
    ):
        raise ValueError(f"cannot lower {source!r}")
    # "(?P<name>" is syntax, not text: lower-casing must leave its P.
    lowered = source[2:].lower().replace("(?p<", "(?P<").replace("(?p=", "(?P=")
    return re.compile(lowered, pattern.flags & ~re.IGNORECASE)


class LoweredPattern:
    r"""A case-insensitive pattern led by ``\b``, searched on lower-cased text.

    :meth:`search` and :meth:`finditer` answer as ``pattern``'s own do (same
    spans; group texts come lower-cased), using the lowered twin
    (:func:`lowered_pattern`) when :func:`lowered_ok` says it finds the same.
    For patterns tried on most sentences or windows, where the engine would
    otherwise try every word of the text.

    >>> p = LoweredPattern(re.compile(r"\b(?:will|next)\b", re.I))
    >>> p.search("Talks WILL resume.").span(), p.search("Unwilling"), p.search("Talks will", 0, 8)
    ((6, 10), None, None)
    """

    __slots__ = ("pattern", "low")

    def __init__(self, pattern: re.Pattern):
        self.pattern = pattern
        self.low = lowered_pattern(pattern)

    def finditer(
        self, text: str, pos: int = 0, endpos: int | None = None, low: str | None = None
    ) -> Iterator[re.Match]:
        """``pattern.finditer(text, pos, endpos)``; ``low`` is ``text.lower()`` when the caller has it."""
        if low is None:
            low = text.lower()
        if endpos is None:
            endpos = len(text)
        if lowered_ok(text, low):
            return finditer_bounded(self.low, low, pos, endpos)
        return self.pattern.finditer(text, pos, endpos)

    def search(self, text: str, pos: int = 0, endpos: int | None = None, low: str | None = None) -> re.Match | None:
        """``pattern.search(text, pos, endpos)``; ``low`` is ``text.lower()`` when the caller has it.

        The first match of :meth:`finditer`, without its generator: most
        searches find nothing, and the generator cost as much as the scan.
        """
        if low is None:
            low = text.lower()
        if endpos is None:
            endpos = len(text)
        if not lowered_ok(text, low):
            return self.pattern.search(text, pos, endpos)
        search = self.low.search
        while True:
            m = search(low, pos, endpos)
            if m is None or at_boundary(low, m.start()):
                return m
            pos = m.start() + 1


def finditer_bounded(pattern: re.Pattern, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match]:
    """The matches of ``\\b`` + ``pattern`` in ``text``, as ``finditer`` gives them.

    ``pattern`` is the pattern without its leading ``\\b`` and must not match
    the empty string. ``pos`` and ``endpos`` limit the search as they do
    ``re.Pattern.search`` (the boundary at ``pos`` reads the character
    before it). A match that does not start at a word boundary is dropped
    and the search resumes one character after its start (not after its
    end), as the engine would with the ``\\b`` in place.

    >>> [m.group(0) for m in finditer_bounded(re.compile("Afghan Taliban|Taliban"), "XAfghan Taliban")]
    ['Taliban']
    """
    if endpos is None:
        endpos = len(text)
    search = pattern.search
    while True:
        m = search(text, pos, endpos)
        if m is None:
            return
        start = m.start()
        # at_boundary(text, start), inlined: the commonest call of extraction.
        before = start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_")
        after = start < len(text) and (text[start].isalnum() or text[start] == "_")
        if before != after:
            yield m
            pos = m.end()
        else:
            pos = start + 1
