"""finditer without the leading \\b finds what finditer with it finds."""

from __future__ import annotations

import random
import re

import pytest

from geomap.extract.actors import ACTORS
from geomap.extract.wordscan import at_boundary, finditer_bounded

#: Texts built to put names next to letters, digits, underscores, hyphens
#: and non-ASCII letters, where a word boundary is and is not.
_PIECES = ["Afghan", "Taliban", " ", "Pakistani", "forces", "Kabul", "government", "X", "_", "9",
           "é", "-", "\n", ".", "Islamabad", "ISPR", "Qatari", "TTP", "Tehreek-e-Taliban", "and"]


def _texts(n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 30))) for _ in range(n)]


@pytest.mark.parametrize("name, body", ACTORS)
def test_same_matches_as_with_the_boundary(name, body):
    with_b = re.compile(r"\b(?:" + body + r")(?!\w)")
    without = re.compile(r"(?:" + body + r")(?!\w)")
    for text in _texts(400):
        expected = [(m.span(), m.group(0)) for m in with_b.finditer(text)]
        assert [(m.span(), m.group(0)) for m in finditer_bounded(without, text)] == expected, text


def test_a_rejected_start_does_not_hide_a_later_match():
    # "XAfghan Taliban": no match at "Afghan" (no boundary), one at "Taliban".
    pattern = re.compile("Afghan Taliban|Taliban")
    assert [m.group(0) for m in finditer_bounded(pattern, "XAfghan Taliban")] == ["Taliban"]


@pytest.mark.parametrize("text, pos, expected", [
    ("ab", 0, True), ("ab", 1, False), ("ab", 2, True), ("a b", 1, True), ("", 0, False),
    ("_a", 1, False), ("éa", 1, False), (" -", 1, False),
])
def test_at_boundary_is_what_re_calls_a_boundary(text, pos, expected):
    assert at_boundary(text, pos) is expected
    assert bool(re.compile(r"\b").match(text, pos)) is expected
