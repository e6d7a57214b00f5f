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
