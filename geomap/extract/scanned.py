"""A sentence scanned once: its text, lower-cased text and stem scan.

Every finder (triggers, places, dates, casualties, actors) reads the same
:class:`ScannedSentence`, so the lower-casing and the one stem pass of
:data:`~geomap.extract.stems.SENTENCE_STEMS` are done once per sentence.
"""

from __future__ import annotations

from dataclasses import dataclass

from .stems import SENTENCE_STEMS


@dataclass(frozen=True)
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
    """

    text: str
    low: str
    scan: dict[int, set[int]] | None
    index: int = 0

    @classmethod
    def of(cls, text: str, index: int = 0) -> "ScannedSentence":
        low = text.lower()
        scan = SENTENCE_STEMS.scan(low) if len(low) == len(text) else None
        return cls(text, low, scan, index)

    @property
    def is_headline(self) -> bool:
        return self.index == -1
