"""A sentence scanned once: its text, lower-cased text and stem scan.

Every finder (triggers, places, dates, casualties, actors) reads the same
:class:`ScannedSentence`, so the lower-casing and the one stem pass of
:data:`~geomap.extract.stems.SENTENCE_STEMS` are done once per sentence.

The finders are pure functions of the sentence's text (and of a few
arguments: the article's publication date, its country hints). A sentence
met again in the same run (wire copy syndicated by several outlets, an
outlet's boilerplate, an article crawled twice) is scanned once and each
finder's answer is kept with it (:meth:`ScannedSentence.cached`) from its
second sighting on, among the last :data:`MEMO_SENTENCES` distinct sentences. :func:`memo_disabled` turns
this off, for tests that compare both paths.
"""

from __future__ import annotations

import contextlib
from typing import Any, Callable, Iterator

from .stems import SENTENCE_STEMS

#: How many distinct sentences keep their scan and finder answers (oldest
#: dropped first); a few MB, and 0 turns the memo off.
MEMO_SENTENCES = 16384

#: text -> (lower-cased text, stem scan, finder answers), oldest first; None
#: for a text met once. Answers are kept from a text's second sighting on:
#: keeping every sentence's answers costs more (garbage collector passes,
#: memory) than it saves on text that does not repeat.
_SEEN: dict[str, tuple[str, dict[int, set[int]] | None, dict] | None] = {}
#: The :data:`SENTENCE_STEMS` version the scans of :data:`_SEEN` were made with
#: (a finder registered later, e.g. a PlaceFinder over another gazetteer,
#: adds groups that older scans lack).
_SEEN_VERSION = [-1]


#: A memo key not seen yet (answers may be None).
_MISS = object()


class ScannedSentence:
    """One sentence of an article, scanned.

    Attributes
    ----------
    text : str
        The sentence as written.
    low : str
        ``text.lower()``.
    scan : dict or None
        :meth:`~geomap.extract.stems.StemIndex.scan` of ``low``; None when
        lower-casing changes the length of the text (a dotted capital I):
        the finders then scan on their own.
    index : int
        Position in the article; -1 for the headline.
    memo : dict
        Finder answers for this text (see :meth:`cached`), shared by every
        sentence of the same text.
    """

    # A plain class with slots, not a frozen dataclass: one is made per
    # sentence read, and a frozen dataclass's __init__ sets each field through
    # object.__setattr__ (several times the cost). Nothing changes a field.
    __slots__ = ("text", "low", "scan", "index", "memo")

    def __init__(
        self, text: str, low: str, scan: dict[int, set[int]] | None, index: int = 0, memo: dict | None = None
    ) -> None:
        self.text = text
        self.low = low
        self.scan = scan
        self.index = index
        self.memo = {} if memo is None else memo

    def __eq__(self, other: object) -> bool:
        # (as the dataclass compared: every field but the memo)
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (self.text, self.low, self.scan, self.index) == (other.text, other.low, other.scan, other.index)

    def __hash__(self) -> int:
        return hash((self.text, self.low, self.scan, self.index))  # (a scan, a dict, cannot be hashed)

    def __repr__(self) -> str:
        return f"ScannedSentence(text={self.text!r}, low={self.low!r}, scan={self.scan!r}, index={self.index!r})"

    @classmethod
    def of(cls, text: str, index: int = 0) -> "ScannedSentence":
        if _SEEN_VERSION[0] != SENTENCE_STEMS.version:
            _SEEN.clear()
            _SEEN_VERSION[0] = SENTENCE_STEMS.version
        hit = _SEEN.get(text, False) if MEMO_SENTENCES else False
        if not hit:
            low = text.lower()
            scan = SENTENCE_STEMS.scan(low) if len(low) == len(text) else None
            memo: dict = {}
            if MEMO_SENTENCES:
                if hit is False:  # first sighting: remember the text only
                    while len(_SEEN) >= MEMO_SENTENCES:
                        del _SEEN[next(iter(_SEEN))]
                    _SEEN[text] = None
                else:  # second sighting: keep the scan and the answers to come
                    _SEEN[text] = (low, scan, memo)
            return cls(text, low, scan, index, memo)
        return cls(text, hit[0], hit[1], index, hit[2])

    def cached(self, finder: Callable[..., Any], *args: Any) -> Any:
        """``finder(self, *args)``, computed once per text and arguments.

        ``finder`` must be a pure function of the sentence's text and
        ``args`` (hashable), and its answer must not be modified by callers
        (the finders return frozen dataclasses or lists nobody changes; the
        equivalence tests run every corpus with and without the memo).
        """
        # (most calls are a text's first: a miss costs no exception, and a
        # finder without arguments is its own key)
        key = (finder, *args) if args else finder
        memo = self.memo
        answer = memo.get(key, _MISS)
        if answer is _MISS:
            answer = memo[key] = finder(self, *args)
        return answer

    @property
    def is_headline(self) -> bool:
        return self.index == -1


@contextlib.contextmanager
def memo_disabled() -> Iterator[None]:
    """Scan every sentence afresh and keep no finder answers (the reference
    path the equivalence tests compare with)."""
    global MEMO_SENTENCES
    saved = MEMO_SENTENCES
    MEMO_SENTENCES = 0
    _SEEN.clear()
    try:
        yield
    finally:
        MEMO_SENTENCES = saved
