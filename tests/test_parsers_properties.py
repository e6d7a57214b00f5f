"""Property tests of the extraction parsers of dates and numbers (hypothesis),
through their public functions: any text gives an answer, never an exception.

The parsers belong to geomap.extract; these tests only read them.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from geomap.extract.dates import find_dates
from geomap.extract.numbers import Casualties, find_casualties, parse_number

# database=None: no .hypothesis/ folder written outside tmp_path
SETTINGS = dict(deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])

WORDS = st.sampled_from(
    [
        "on",
        "Monday",
        "Sunday",
        "last",
        "next",
        "week",
        "month",
        "ago",
        "days",
        "for",
        "since",
        "3",
        "31",
        "29",
        "2025",
        "0001",
        "9999",
        "99999999",
        "February",
        "Feb.",
        "Sept",
        "March",
        "2025-02-29",
        "2024-02-29",
        "2025-13-01",
        "9999-12-31",
        "0000-01-01",
        "1st",
        "22nd",
        "yesterday",
        "tomorrow",
        "tonight",
        "said",
        "will",
        "earlier",
        "this",
        "the",
        "before",
        "killed",
        "dead",
        "wounded",
        "injured",
        "at",
        "least",
        "dozens",
        "hundreds",
        "two",
        "twenty-three",
        "thousand",
        "million",
        "6,000",
        "1,000,000",
        "no",
        "one",
        "was",
        "were",
        "people",
        "soldiers",
        ",",
        ".",
        "-",
        "–",
        "(",
        ")",
        "\n",
        "٣",
        "１２",
    ]
)
SENTENCES = st.one_of(st.lists(WORDS, max_size=25).map(" ".join), st.text(max_size=200))
PUBLISHED = st.one_of(st.none(), st.dates(), st.sampled_from([dt.date(1, 1, 1), dt.date(9999, 12, 31)]))


@settings(max_examples=1000, **SETTINGS)
@given(sentence=SENTENCES, published=PUBLISHED)
@example(sentence="Talks began on Saturday.", published=dt.date(1, 1, 1))
@example(sentence="The crossing was shut for 999999999 days.", published=dt.date(2025, 3, 1))
@example(sentence="It happened 99999 months ago, last week, next month.", published=dt.date(9999, 12, 31))
def test_find_dates_never_raises(sentence, published):
    found = find_dates(sentence, published)
    for d in found:
        assert isinstance(d.date, dt.date)
        assert d.precision in ("day", "week", "month")
        assert 0 <= d.start < d.end <= len(sentence)
    assert [d.start for d in found] == sorted(d.start for d in found)


@settings(max_examples=800, **SETTINGS)
@given(text=st.one_of(WORDS, SENTENCES, st.integers(0, 10**12).map(lambda n: f"{n:,}")))
def test_parse_number_never_raises(text):
    value = parse_number(text)
    assert value is None or (isinstance(value, int) and value >= 0)


@settings(max_examples=800, **SETTINGS)
@given(sentence=SENTENCES)
@example(sentence="Two soldiers were killed and 29 wounded.")
def test_find_casualties_never_raises(sentence):
    c = find_casualties(sentence)
    assert isinstance(c, Casualties)
    for n in (c.fatalities, c.injuries):
        assert n is None or (isinstance(n, int) and n >= 0)


HUGE = "1" + ",000" * 1500  # 4 501 digits: beyond int()'s default 4 300-digit limit


def test_parse_number_huge_grouped_number():
    # A comma-grouped run of >4300 digits once reached int() (ValueError).
    assert parse_number(HUGE) is None or parse_number(HUGE) >= 0


def test_find_casualties_huge_grouped_number():
    assert isinstance(find_casualties(f"{HUGE} people were killed"), Casualties)
