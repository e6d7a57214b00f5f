"""Cheap first pass before regex scans: which literal stems a text contains.

Python's ``re`` scans a sentence once per pattern and tries every
alternative at every position; most patterns match nowhere in most
sentences. One Aho-Corasick pass (pyahocorasick, in C) over the lower-cased
sentence tells which groups of stems are present, and only the patterns of
those groups are run.

Each finder (types, dates, numbers, actors, places) has its own groups; a
:class:`StemIndex` holds all of them in one more automaton, so that the
extractor lower-cases and scans each sentence once and every finder reads
its groups from that one scan.
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
    index : StemIndex, optional
        Also register the groups there, so that :meth:`present` can read
        them from a scan of that index.

    >>> f = StemFilter([("clash", "fight"), ("talks",)])
    >>> sorted(f.present("border fighting resumed"))
    [0]
    """

    def __init__(self, groups, index: StemIndex | None = None):
        groups = [tuple(g) for g in groups]
        #: This filter's key in the scans of ``index``.
        self._slot = index.add(groups) if index is not None else None
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

    def present(self, low: str, scan: dict[int, set[int]] | None = None) -> set[int]:
        """Indexes of the groups with a stem in ``low`` (already lower-cased).

        ``scan`` is the :meth:`StemIndex.scan` of ``low`` by this filter's
        index, when the caller has it: the answer is read from it (a set
        shared with the scan; do not modify it).
        """
        if scan is not None and self._slot is not None:
            return scan.get(self._slot, _NONE)
        if self._empty:
            return set()
        found: set[int] = set()
        for _, ids in self._automaton.iter(low):
            found |= ids
        return found


_NONE: frozenset[int] = frozenset()


class StemIndex:
    """The stem groups of several :class:`StemFilter` in one automaton.

    >>> index = StemIndex()
    >>> a, b = StemFilter([("clash",), ("talks",)], index), StemFilter([("talks",)], index)
    >>> scan = index.scan("talks resumed")
    >>> sorted(a.present("", scan)), sorted(b.present("", scan))
    ([1], [0])
    """

    def __init__(self):
        #: Slot of each registered filter's groups; the same groups
        #: registered twice (one per PlaceFinder) share a slot.
        self._slots: dict[tuple, int] = {}
        self._automaton = None
        #: Grows with each new slot: scans made before a change lack its groups.
        self.version = 0

    def add(self, groups) -> int:
        """Register ``groups``; their key in :meth:`scan` results."""
        key = tuple(tuple(g) for g in groups)
        if key not in self._slots:
            self._slots[key] = len(self._slots)
            self._automaton = None  # rebuilt on the next scan
            self.version += 1
        return self._slots[key]

    def _build(self) -> ahocorasick.Automaton | None:
        """The automaton over every registered stem (None without stems)."""
        owners: dict[str, set[tuple[int, int]]] = {}
        for groups, slot in self._slots.items():
            for i, stems in enumerate(groups):
                for stem in stems:
                    owners.setdefault(stem, set()).add((slot, i))
        automaton = ahocorasick.Automaton()
        for stem, pairs in owners.items():
            automaton.add_word(stem, tuple(pairs))
        if not owners:
            return None
        automaton.make_automaton()
        return automaton

    def scan(self, low: str) -> dict[int, set[int]]:
        """Per slot, the groups with a stem in ``low`` (lower case); slots
        with none are absent. Register every filter before scanning."""
        if self._automaton is None:
            self._automaton = self._build()
        found: dict[int, set[int]] = {}
        if self._automaton is not None:
            for _, pairs in self._automaton.iter(low):
                for slot, i in pairs:
                    if slot in found:
                        found[slot].add(i)
                    else:
                        found[slot] = {i}
        return found


#: The index of every finder's groups, scanned once per sentence by the extractor.
SENTENCE_STEMS = StemIndex()


def trie_regex(words) -> str:
    """A regex alternation of ``words`` factored into a trie.

    ``re`` tries the alternatives of ``(?:one|two|twelve|...)`` one by one at
    every position; sharing prefixes (``t(?:wo|welve)``) lets it give up
    after a letter or two. Longer words win over their prefixes, as in an
    alternation sorted longest first.

    >>> import re
    >>> pattern = re.compile(r"\\b(?:" + trie_regex(["two", "twelve", "ten", "a dozen"]) + r")\\b")
    >>> [m.group(0) for m in pattern.finditer("twelve or two, ten, a dozen")]
    ['twelve', 'two', 'ten', 'a dozen']
    """
    import re

    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch != ""]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        # Optional tail: the word may end here; greedy, so longer words win.
        return "(?:" + body + ")?" if ends else body

    return build(trie)
