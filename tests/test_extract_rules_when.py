"""An event's date (geomap.extract.rules.when): the shortcuts that skip a
pattern skip only sentences it cannot match."""

from __future__ import annotations

import pytest


def test_a_heading_is_never_skipped(dev_sentences):
    from geomap.extract.rules.when import _HEADING, _may_head

    headings = ["March 2026: Torkham reopens", "- October 2025 - posts attacked", "2026 March: talks", "• May 1999—x"]
    for text in dev_sentences + headings:
        if _HEADING.match(text):
            assert _may_head(text), text
    assert all(_HEADING.match(h) for h in headings)


def test_no_relative_pronoun_means_no_date_of_another_noun(dev_sentences):
    # _pick_date skips _about_another_noun when _THAT.absent(sentence): on
    # every dev sentence, no date (at any place after any trigger) is then
    # another noun's.
    import datetime as dt

    from geomap.extract.dates import find_dates
    from geomap.extract.rules.when import _THAT, _about_another_noun
    from geomap.extract.types import find_triggers

    skipped = 0
    for s in dev_sentences:
        if not _THAT.absent(s):
            continue
        triggers = find_triggers(s)
        dates = find_dates(s, dt.date(2025, 10, 28))
        for t in triggers:
            for d in dates:
                skipped += 1
                assert not _about_another_noun(s, d, [t]), s
    assert skipped > 100


# -- incidents placed in time by a past year only --------------------------
# The gold format dates an incident to the day, week or month: one the text
# places only in a year ("last year", "two years ago") is history, of any
# type, and takes no date from the sentences around it.


@pytest.fixture(scope="module")
def chain():
    from geomap.geocoders import default_chain

    return default_chain()


def _told(chain, text):
    from test_extract_news import _events

    return sorted((e.event_type, e.location, e.event_date) for e in _events(chain, text))


LEAD = "Pakistan closed the Chaman crossing on Tuesday after a dispute over fees. "


@pytest.mark.parametrize(
    "background",
    [
        "The two sides met at Torkham last year to settle a similar dispute.",
        "Torkham has been closed since last year.",
        "Hundreds of trucks were stranded at Torkham last year.",
        "Pakistani troops began building a fence near Torkham two years ago.",
    ],
)
def test_an_incident_placed_only_in_a_past_year_is_no_event(chain, background):
    assert _told(chain, LEAD + background) == [("border_closure", "Chaman", "2024-05-14")]


@pytest.mark.parametrize(
    "background, told",
    [
        # a month with the year is a date: the background incident counts
        ("Torkham had been shut for a week in August last year.", ("border_closure", "Torkham", "2023-08")),
        ("Afghan guards pulled down a fence near Torkham in March last year.", ("fortification", "Torkham", "2023-03")),
        # a year named in another clause does not undate the incident's own day
        ("Officials met at Torkham on Wednesday, a year after the last meeting.", ("talks", "Torkham", "2024-05-15")),
    ],
)
def test_a_past_year_with_a_month_or_outside_the_clause_keeps_the_incident(chain, background, told):
    assert told in _told(chain, LEAD + background)


# -- an incident told in an after/following clause, with a day of its own ---


@pytest.mark.parametrize(
    "text, told",
    [
        (
            "Pakistan reopened Torkham on Monday, after talks between the two sides in Islamabad on Saturday.",
            [("border_closure", "Torkham", "2024-05-13"), ("talks", "Islamabad", "2024-05-11")],
        ),
        (
            "Officials shut Chaman on Monday after clashes between border forces on Sunday.",
            [("armed_clash", "Chaman", "2024-05-12"), ("border_closure", "Chaman", "2024-05-13")],
        ),
        # no day in the clause: the incident keeps the day of the sentence
        (
            "Officials shut Chaman on Monday after clashes between border forces.",
            [("armed_clash", "Chaman", "2024-05-13"), ("border_closure", "Chaman", "2024-05-13")],
        ),
        # the clause ends where another joined to it begins: Wednesday is the meeting's
        (
            "Officials shut the Chaman crossing on Monday after clashes between border forces near the gate, "
            "and elders met officials at the crossing on Wednesday.",
            [
                ("armed_clash", "Chaman", "2024-05-13"),
                ("border_closure", "Chaman", "2024-05-13"),
                ("talks", "Chaman", "2024-05-15"),
            ],
        ),
        # a length in the clause is no day of its own
        (
            "Troops began building a fence near Chaman in March after the two sides quarrelled, "
            "and the crossing was shut for nearly a week.",
            [("border_closure", "Chaman", "2024-03"), ("fortification", "Chaman", "2024-03")],
        ),
    ],
)
def test_an_incident_in_an_after_clause_takes_the_day_of_its_own_clause(chain, text, told):
    assert _told(chain, text) == told


@pytest.mark.parametrize(
    "text, day",
    [
        # a since-clause with its own subject and verb dates that clause's event
        (
            "Fire from across the border killed three soldiers on Monday. "
            "The incident in Bajaur district was the first since the Taliban seized Kabul on April 2.",
            "2024-05-13",
        ),
        # "since" a day, or an incident with its day, is when the state began
        ("The Chaman crossing has been closed since April 29.", "2024-04-29"),
    ],
)
def test_a_since_clause_dates_its_own_event(text, day):
    from test_extract_news import _events

    from geomap.geocoders import default_chain

    ev = [e for e in _events(default_chain(), text) if e.event_type in ("armed_clash", "border_closure")]
    assert [e.event_date for e in ev] == [day]


def _dates_of(text: str, etype: str) -> list[str]:
    """The dates of the ``etype`` drafts of ``text``, published 10 May 2024."""
    import datetime as dt

    from geomap.extract import extract_texts
    from geomap.geocoders import default_chain

    events = extract_texts([text], default_chain(), published=dt.date(2024, 5, 10))
    return [e.event_date for e in events if e.event_type == etype]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # how long a reopening lasts is no start counted back from the report
        (
            "---\npublished: 2024-05-10\n---\nOfficials decided to reopen the Chaman gate for three days, "
            "letting travellers stranded by the border closure cross.",
            "2024-05-10",
        ),
        # a closure's duration still dates its start
        ("---\npublished: 2024-05-10\n---\nThe Chaman gate has been closed for three days.", "2024-05-07"),
    ],
)
def test_a_reopening_for_some_days_is_how_long_it_stays_open(text, date):
    assert _dates_of(text, "border_closure") == [date]


@pytest.mark.parametrize(
    ("sentence", "date"),
    [
        # the other clause's date is not the present of this one
        (
            "Since May 1, some 9,000 people have crossed at Torkham, while 300 families are currently "
            "waiting at the gate.",
            "2024-05-10",
        ),
        # with no present word the clause still takes the sentence's date
        ("Since May 1, some 300 families have been waiting at the gate at Torkham.", "2024-05-01"),
    ],
)
def test_a_clause_told_currently_is_of_the_report_day(sentence, date):
    assert _dates_of(sentence, "trade_disruption") == [date]
