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


# The future words and the toll-update phrases are looked for only in
# sentences that hold one of their stems; these texts (each matching its
# pattern) and every dev sentence check that the stems stay necessary when
# the patterns are edited.
_FUTURE_TEXTS = [
    "they WILL talk",
    "we shall see",
    "a plan to visit",
    "to meet",
    "to travel",
    "to hold talks",
    "to resume trade",
    "to reconvene",
    "to host",
    "would reopen",
    "is due",
    "are set",
    "is scheduled",
    "are expected",
    "to be held",
    "upcoming",
    "ahead of",
    "in advance of",
    "plans to",
    "next",
    "were planned",
    "was due on",
]
_TOLL_UPDATE_TEXTS = [
    "the toll rose to 47 on ",
    "the dead had risen to 12 ",
    "it climbed to more than 30 ",
    "jumped to 9 ",
    "increased to 10 ",
    "reached to 5, on ",
    "mounted to 8 ",
    "swelled to 40 late on ",
    "officials put the toll at 6 ",
    "the number stood at 7 ",
    "it was at 3 by ",
    "they were at 11 ",
    "the death toll had climbed on ",
    "number of casualties rose by ",
]


@pytest.mark.parametrize("text", _FUTURE_TEXTS)
def test_future_texts_hold_a_future_stem(text):
    assert dates._FUTURE.pattern.search(text)
    assert dates._FUTURE_GROUP in dates._FILTER.present(text.lower())


@pytest.mark.parametrize("text", _TOLL_UPDATE_TEXTS)
def test_toll_update_texts_hold_a_toll_stem(text):
    assert dates._TOLL_UPDATE.search(text)
    assert dates._TOLL_UPDATE_GROUP in dates._FILTER.present(text.lower())


def test_future_and_toll_stems_are_necessary_on_dev_sentences(dev_sentences):
    future = toll = 0
    for s in dev_sentences:
        present = dates._FILTER.present(s.lower())
        if dates._FUTURE.pattern.search(s):
            future += 1
            assert dates._FUTURE_GROUP in present, s
        # _TOLL_UPDATE ends with the text searched (a date follows): try every end after a space
        if any(dates._TOLL_UPDATE.search(s, 0, i) for i in range(1, len(s) + 1) if s[i - 1].isspace()):
            toll += 1
            assert dates._TOLL_UPDATE_GROUP in present, s
    assert future > 50 and toll > 0, (future, toll)


def test_fast_date_mention_constructor_makes_the_same_mention():
    from dataclasses import fields

    from geomap.extract.dates import DateMention, _date_mention

    args = (dt.date(2025, 3, 3), "day", 4, 11, True, "dmy", False, dt.date(2025, 3, 5), True)
    fast, plain = _date_mention(*args), DateMention(*args)
    assert fast == plain and hash(fast) == hash(plain) and repr(fast) == repr(plain)
    assert list(vars(fast)) == [f.name for f in fields(DateMention)]  # a field added later is filled too


def test_speech_verbs_found_as_written(dev_sentences):
    # _SPEECH runs lowered (LoweredPattern) on the text before each date.
    found = 0
    for s in dev_sentences + ["officials SAID on ", "He Told reporters on "]:
        for i in range(1, len(s) + 1):
            if s[i - 1].isspace():
                window = s[max(0, i - 60) : i]
                want = dates._SPEECH.pattern.search(window)
                got = dates._SPEECH.search(window)
                assert (got and got.span()) == (want and want.span()), window
                found += bool(want)
    assert found > 50


@pytest.mark.parametrize("head", ["KABUL, ", "PESHAWAR, Pakistan, ", "QUETTA/CHAMAN,", "  TORKHAM ,  "])
def test_datelines_before_a_date_end_with_a_comma(head):
    # _DATELINE is tried only on text that ends with a comma.
    assert dates._DATELINE.match(head)
    assert head.rstrip().endswith(",")


@pytest.mark.parametrize(
    "plain, odd",
    [
        ("Officials shall gather on Thursday.", "Officials ſhall gather on Thursday."),
        ("The toll was at 12 on Monday.", "The toll waſ at 12 on Monday."),
    ],
)
def test_stem_premises_hold_for_letters_lowercasing_keeps_apart(plain, odd):
    # "ſ" reads as "s" for re.IGNORECASE but str.lower keeps it: the stem
    # scan cannot tell those words, so the patterns run.
    assert [(d.iso(), d.statement) for d in find_dates(odd, WED)] == [
        (d.iso(), d.statement) for d in find_dates(plain, WED)
    ]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # the days up to the report: a week wide, ending on it
        ("Mortar rounds have landed on the villages over the past few days.", [("2025-03-18", "week")]),
        ("Guards have turned back hundreds of travellers in recent days.", [("2025-03-18", "week")]),
        # "the past week" is the seven days to the report, "last week" the week before
        ("Troops built two posts over the past week.", [("2025-03-16", "week")]),
        ("Troops built two posts last week.", [("2025-03-12", "week")]),
        ("Shells hit the market the day before yesterday.", [("2025-03-17", "day")]),
        ("Fighting flared this past weekend.", [("2025-03-15", "week")]),
        # a length told with "for" stays a duration
        ("The gate has been shut for the past two days.", [("2025-03-17", "day")]),
    ],
)
def test_the_days_up_to_the_report(sentence, expected):
    assert _iso(sentence) == expected


@pytest.mark.parametrize(
    "sentence, statement",
    [
        # the day opening a sentence that updates a count is the count's
        ("On Thursday, a health official said the number of injured had risen to 57.", True),
        ("By Tuesday the death toll had climbed to 23.", True),
        # the day opening a sentence that tells the incident is the incident's
        ("On Thursday, gunmen attacked a checkpost and killed three guards.", False),
        ("On Thursday, shells hit a school; nobody was hurt.", False),
    ],
)
def test_a_day_opening_a_count_update_dates_the_count(sentence, statement):
    assert [d.statement for d in find_dates(sentence, WED)] == [statement]


@pytest.mark.parametrize(
    "sentence, statement",
    [
        # an incident that "was reported" on a day happened that day
        ("Heavy shelling was reported again on Friday near the crossing.", False),
        ("Two blasts were reported late on Friday in the bazaar.", False),
        # the one who reports it on a day makes that day a statement's
        ("Officials reported on Friday that shells had hit the bazaar.", True),
        ("Police said on Friday that shells had hit the bazaar.", True),
    ],
)
def test_an_incident_reported_in_the_passive_is_dated_by_its_day(sentence, statement):
    assert [d.statement for d in find_dates(sentence, WED)] == [statement]


@pytest.mark.parametrize(
    "sentence, statement",
    [
        # a day in the possessive names its noun's day, after a speech verb too
        ("A police officer said Saturday's firing wounded two guards.", False),
        ("The ministry confirmed Monday’s blast at the gate.", False),
        # the plain day after the verb is still the statement's
        ("A police officer said Saturday that firing wounded two guards.", True),
    ],
)
def test_a_day_in_the_possessive_after_a_speech_verb_is_no_statement_date(sentence, statement):
    assert [d.statement for d in find_dates(sentence, WED)] == [statement]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # "overnight" with no day named: the night before the report
        ("Jets carried out strikes overnight on villages of the district.", [("2025-03-18", "day")]),
        ("Shelling overnight on two posts killed a guard.", [("2025-03-18", "day")]),
        # "overnight on Tuesday", "overnight into Thursday": that day
        ("Jets struck overnight on Tuesday.", [("2025-03-18", "day")]),
        ("Shelling went on overnight into Monday.", [("2025-03-17", "day")]),
    ],
)
def test_overnight_with_no_day_is_the_night_before_the_report(sentence, expected):
    assert _iso(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "statement"),
    [
        # the weekday told before the day and month: still the statement's day
        ("A spokesman stated on Friday, 9 May, that the gate had been shut by floods.", True),
        ("Officials told reporters on Monday, 5 May, that trade was halted.", True),
        # no speech verb before it: the incident's day
        ("Guards clashed on Friday, 9 May, near the gate.", False),
    ],
)
def test_a_statement_dated_by_weekday_and_day_is_the_statements(sentence, statement):
    assert [d.statement for d in find_dates(sentence, dt.date(2025, 5, 10))] == [statement]
