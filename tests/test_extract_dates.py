"""Dates in sentences: explicit, weekdays, relative phrases, precision."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from geomap.extract import dates
from geomap.extract.dates import find_dates, published_fallback

WED = dt.date(2025, 3, 19)  # a Wednesday


def _iso(sentence: str, published=WED) -> list[tuple[str, str]]:
    return [(d.iso(), d.precision) for d in find_dates(sentence, published) if not d.statement]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Fighting broke out on October 19.", [("2024-10-19", "day")]),  # later than published: last year
        ("Fighting broke out on 3 March.", [("2025-03-03", "day")]),
        ("It was closed on 14 August 2024.", [("2024-08-14", "day")]),
        ("It was closed on 2024-08-14.", [("2024-08-14", "day")]),
        ("The clash came on Sunday.", [("2025-03-16", "day")]),
        ("The clash came on Wednesday.", [("2025-03-19", "day")]),
        ("The clash came last Wednesday.", [("2025-03-12", "day")]),
        ("Officials will meet on Thursday.", [("2025-03-20", "day")]),  # upcoming
        ("Talks are scheduled for next Monday.", [("2025-03-24", "day")]),
        ("The border was shut last week.", [("2025-03-12", "week")]),
        ("The border was shut earlier this week.", [("2025-03-16", "week")]),
        ("The border was shut earlier this month.", [("2025-03", "month")]),
        ("The border was shut last month.", [("2025-02", "month")]),
        ("It happened in January.", [("2025-01", "month")]),
        ("It happened in November.", [("2024-11", "month")]),
        ("It happened yesterday.", [("2025-03-18", "day")]),
        ("It happened two days ago.", [("2025-03-17", "day")]),
        ("It has been closed for two weeks.", [("2025-03-05", "week")]),
        ("Nothing of the sort.", []),
    ],
)
def test_dates(sentence, expected):
    assert _iso(sentence) == expected


def test_statement_date_is_marked():
    dates = find_dates("Officials said on Monday that the crossing was closed on Saturday.", WED)
    assert [(d.iso(), d.statement) for d in dates] == [("2025-03-17", True), ("2025-03-15", False)]


def test_weekday_next_to_explicit_date_is_one_date():
    assert _iso("Talks failed on Monday (March 17).") == [("2025-03-17", "day")]


def test_without_published_only_explicit_dates():
    assert _iso("Clashes on Friday, and on 14 August 2024 a closure; last week too.", None) == [("2024-08-14", "day")]
    assert _iso("Fighting broke out on October 19.", None) == []  # year unknown
    assert published_fallback(None) is None
    assert published_fallback(WED).precision == "week"


@pytest.mark.parametrize(
    "text", ["", "31 February 2024", "9999-99-99", "on Sunday" * 200, "February 30", "in May 99999", "\x00\ufffd"]
)
def test_odd_text_never_raises(text):
    find_dates(text, WED)
    find_dates(text, None)


#: :data:`geomap.extract.dates._FUTURE` as first written, the reference for
#: its form whose alternatives all open with a letter.
_FUTURE_PLAIN = re.compile(
    r"\b(?:will|shall|(?<!way\s)to\s+(?:visit|meet|travel|hold|resume|reconvene|host)|"
    r"would\s+(?:meet|visit|travel|resume|reconvene|reopen|be\s+(?:taken\s+up|held|discussed|raised))|"
    r"is\s+(?:due|set|scheduled|expected)|"
    r"are\s+(?:due|set|scheduled|expected)|to\s+be\s+held|upcoming|ahead\s+of|in\s+advance\s+of|plans?\s+to|next|"
    r"(?:is|are|was|were)\s+(?:planned|scheduled|due\s+(?:for|on)|set\s+for))\b",
    re.I,
)


def test_future_words_match_their_plain_form(dev_sentences):
    extra = [
        "On the WAY to meet them",
        "on the way  to visit",
        "Talks Were Planned for May",
        "a way to hold talks",
        "is   due for review",
        "the Way\tto resume",
        "were set for Monday",
    ]
    found = 0
    for s in dev_sentences + extra:
        for pos in range(0, len(s), 7):
            want = [m.span() for m in _FUTURE_PLAIN.finditer(s, pos)]
            assert [m.span() for m in dates._FUTURE.pattern.finditer(s, pos)] == want, s
            found += bool(want)
    assert found > 50
