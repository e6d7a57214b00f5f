"""finditer without the leading \\b finds what finditer with it finds."""

from __future__ import annotations

import random
import re

import pytest
from conftest_extract import extractor_objects

from geomap.extract.actors import ACTORS
from geomap.extract.wordscan import LoweredPattern, at_boundary, finditer_bounded, lowered_pattern

#: Texts built to put names next to letters, digits, underscores, hyphens
#: and non-ASCII letters, where a word boundary is and is not.
_PIECES = [
    "Afghan",
    "Taliban",
    " ",
    "Pakistani",
    "forces",
    "Kabul",
    "government",
    "X",
    "_",
    "9",
    "é",
    "-",
    "\n",
    ".",
    "Islamabad",
    "ISPR",
    "Qatari",
    "TTP",
    "Tehreek-e-Taliban",
    "and",
]


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


@pytest.mark.parametrize(
    "text, pos, expected",
    [
        ("ab", 0, True),
        ("ab", 1, False),
        ("ab", 2, True),
        ("a b", 1, True),
        ("", 0, False),
        ("_a", 1, False),
        ("éa", 1, False),
        (" -", 1, False),
    ],
)
def test_at_boundary_is_what_re_calls_a_boundary(text, pos, expected):
    assert at_boundary(text, pos) is expected
    assert bool(re.compile(r"\b").match(text, pos)) is expected


def _mixed_case_texts() -> list[str]:
    """Trigger-like words in odd cases and next to letters that fold apart."""
    rng = random.Random(11)
    words = [
        "Drone strike",
        "AIR-STRIKES",
        "Air  Raid",
        "clashes",
        "Clashed",
        "FIRING",
        "shelling",
        "IEDs",
        "re-opened",
        "Reopening",
        "CLOSED",
        "shut down",
        "trucks stuck",
        "Lorries",
        "stranded",
        "Talks",
        "met with",
        "Negotiations",
        "ceasefire",
        "Truce",
        "fencing",
        "built new posts",
        "ı",
        "ſ",
        "İ",
        "K",
        "é",
        "_",
        "-",
        " ",
        ", ",
        "; ",
        "9",
        "x",
    ]
    out = []
    for _ in range(600):
        out.append("".join(rng.choice(words) + rng.choice(["", " "]) for _ in range(rng.randint(1, 12))))
    return out


def test_lowered_rules_find_what_the_caseless_rules_find():
    from geomap.extract.types import _COMPILED, _LOWERED
    from geomap.extract.wordscan import lowered_ok

    checked = 0
    for text in _mixed_case_texts():
        low = text.lower()
        if not lowered_ok(text, low):
            continue
        checked += 1
        for (_, _, _, caseless), lowered in zip(_COMPILED, _LOWERED):
            assert [m.span() for m in finditer_bounded(lowered, low)] == [m.span() for m in caseless.finditer(text)], (
                text
            )
    assert checked > 100


@pytest.mark.parametrize(
    "text, ok",
    [("Clashes", True), ("clashes ı", False), ("ſhelling", False), ("İstanbul talks", False), ("Kelvin K", True)],
)
def test_lowered_ok_refuses_letters_that_fold_apart(text, ok):
    from geomap.extract.wordscan import lowered_ok

    assert lowered_ok(text, text.lower()) is ok


def test_lowered_pattern_refuses_upper_case_escapes():
    from geomap.extract.wordscan import lowered_pattern

    with pytest.raises(ValueError):
        lowered_pattern(re.compile(r"\b\S+ strikes", re.I))
    with pytest.raises(ValueError):
        lowered_pattern(re.compile(r"strikes\b", re.I))


def test_lower_casing_keeps_character_classes():
    # What lowered_ok relies on, over the Basic Multilingual Plane: a letter
    # that lower-cases to one character stays a word character (or not), a
    # space (or not), a digit (or not), and an ASCII result is what
    # IGNORECASE matches it to.
    classes = [re.compile(p) for p in (r"\w", r"\s", r"\d")]
    for cp in range(0x10000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        c = chr(cp)
        low = c.lower()
        if len(low) != 1 or low == c:
            continue
        assert all(bool(k.match(c)) == bool(k.match(low)) for k in classes), hex(cp)
        if low.isascii() and low.isalpha():
            assert re.fullmatch(low, c, re.I), hex(cp)


def test_lowered_date_patterns_find_what_the_caseless_ones_find():
    from geomap.extract.dates import _LOWERED, _PATTERNS
    from geomap.extract.wordscan import lowered_ok

    rng = random.Random(5)
    words = [
        "On",
        "MONDAY",
        "Sunday's",
        "last",
        "Next",
        "this week",
        "Earlier This Month",
        "3 May",
        "May 3rd",
        "SEPT. 12, 2024",
        "in Oct",
        "mid-June",
        "two weeks ago",
        "For THE past 3 days",
        "2025-10-19",
        "yesterday",
        "Tonight",
        "ı",
        "ſ",
        "x",
        "9",
        " ",
        ", ",
    ]
    for _ in range(800):
        text = "".join(rng.choice(words) + " " for _ in range(rng.randint(1, 10)))
        low = text.lower()
        if not lowered_ok(text, low):
            continue
        for (_, caseless), lowered in zip(_PATTERNS, _LOWERED):
            got = [
                (m.span(), {k: (v or "").lower() for k, v in m.groupdict().items()})
                for m in finditer_bounded(lowered, low)
            ]
            assert got == [
                (m.span(), {k: (v or "").lower() for k, v in m.groupdict().items()}) for m in caseless.finditer(text)
            ], text


def test_lowered_border_and_crossing_phrases_find_what_the_caseless_ones_find():
    from geomap.extract.places import _ANAPHOR, _ANAPHOR_LOW, _BORDER_PHRASES, _BORDER_PHRASES_LOW
    from geomap.extract.wordscan import lowered_ok

    rng = random.Random(9)
    words = [
        "Along the",
        "BORDER",
        "border",
        "Frontier",
        "both sides of the",
        "Cross-Border",
        "the",
        "The Key",
        "crossing",
        "Crossing Point",
        "border post",
        "Border Crossings",
        "with",
        "between",
        "town",
        "has",
        "ı",
        "ſ",
        "x",
        " ",
        ", ",
    ]
    for _ in range(800):
        text = "".join(rng.choice(words) + " " for _ in range(rng.randint(1, 10)))
        low = text.lower()
        if not lowered_ok(text, low):
            continue
        for caseless, lowered in ((_BORDER_PHRASES, _BORDER_PHRASES_LOW), (_ANAPHOR, _ANAPHOR_LOW)):
            assert [m.span() for m in finditer_bounded(lowered, low)] == [m.span() for m in caseless.finditer(text)], (
                text
            )


def _lowered_patterns():
    """Every :class:`LoweredPattern` of the extractor's modules, by name."""
    return extractor_objects(LoweredPattern)


@pytest.mark.parametrize("name", sorted(_lowered_patterns()))
def test_lowered_pattern_finds_what_its_pattern_finds(name, dev_sentences):
    fast = _lowered_patterns()[name]
    rng = random.Random(3)
    for s in dev_sentences:
        # The whole sentence, and a window of it as the callers pass.
        lo = rng.randint(0, len(s))
        hi = rng.randint(lo, len(s))
        for args in ((s,), (s, lo, hi), (s[lo:hi],)):
            expected = [m.span() for m in fast.pattern.finditer(*args)]
            assert [m.span() for m in fast.finditer(*args)] == expected, (args, name)
            first = fast.pattern.search(*args)
            got = fast.search(*args)
            assert (got.span() if got else None) == (first.span() if first else None)


@pytest.mark.parametrize(
    "source",
    [
        r"\bcould|would",  # the second alternative has no boundary
        r"\b(?:could|(?-i:may))\b",  # "may" in lower case only: lowered, "May" would match too
        r"\bfoo\S+",  # an upper-case escape changes meaning when lowered
        r"foo\b",
    ],
)
def test_patterns_that_cannot_be_lowered(source):
    with pytest.raises(ValueError):
        lowered_pattern(re.compile(source, re.I))


def test_only_patterns_that_ignore_case_have_twins():
    with pytest.raises(ValueError):
        lowered_pattern(re.compile(r"\b(?:Kabul|said)\b"))  # reads case: "KABUL" is no match
    assert lowered_pattern(re.compile(r"\b(?P<y>\d{4})-\d\d\b")).pattern == r"(?P<y>\d{4})-\d\d\b"
