"""Cheap first pass before regex scans: which literal stems a text contains.

Python's ``re`` scans a sentence once per pattern and tries every
alternative at every position; most patterns match nowhere in most
sentences. One Aho-Corasick pass (pyahocorasick, in C) over the lower-cased
sentence tells which groups of stems are present, and only the patterns of
those groups are run.
"""

from __future__ import annotations

import ahocorasick


class StemFilter:
    """Which groups of stems occur in a text.

    Parameters
    ----------
    groups : sequence of sequence of str
        Group ``i`` holds lower-case stems one of which every match of
        pattern ``i`` contains.

    >>> f = StemFilter([("clash", "fight"), ("talks",)])
    >>> sorted(f.present("border fighting resumed"))
    [0]
    """

    def __init__(self, groups):
        self._automaton = ahocorasick.Automaton()
        owners: dict[str, set[int]] = {}
        for i, stems in enumerate(groups):
            for stem in stems:
                owners.setdefault(stem, set()).add(i)
        for stem, ids in owners.items():
            self._automaton.add_word(stem, frozenset(ids))
        self._empty = not owners
        if owners:
            self._automaton.make_automaton()

    def present(self, low: str) -> set[int]:
        """Indexes of the groups with a stem in ``low`` (already lower-cased)."""
        if self._empty:
            return set()
        found: set[int] = set()
        for _, ids in self._automaton.iter(low):
            found |= ids
        return found
