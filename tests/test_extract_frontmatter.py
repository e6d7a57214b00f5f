"""Front matter and published dates (geomap.extract.frontmatter): fields under the
names scrapers give them, dates in the forms news sites write them, and metadata
that cannot be used a warning, never a rejection."""

from __future__ import annotations

import datetime as dt

import pytest

from geomap.exc import FrontMatterError
from geomap.extract.frontmatter import parse_published_date, split_front_matter
from geomap.extract.reading import article_from_text


def test_front_matter_parts():
    meta, body, line = split_front_matter("---\ntitle: T\npublished: 2025-03-01\n---\n\nBody\n")
    assert meta["title"] == "T" and body == "Body\n" and line == 5
    assert split_front_matter("No front matter")[0] == {}
    art = article_from_text("---\n---\nJust text.", "d")
    assert art.title == "" and art.published is None
    art = article_from_text("---\npublished: 2025-03-01T10:00:00Z\nurl: https://x.org\n---\nT", "d")
    assert art.published.isoformat() == "2025-03-01" and art.url == "https://x.org"


@pytest.mark.parametrize(
    "text, words",
    [
        ("---\na: &a [*a, *a]\npublished: *a\n---\nbody", "published of type list is not a date"),  # recursive alias
        ("---\n" + "[" * 5000 + "\n---\nbody", "read without metadata"),  # deep nesting
        ("---\n? [a, b]\n: c\n---\nbody", "read without metadata"),  # unhashable key
        ("---\npublished: 2025-02-30\n---\nbody", "published '2025-02-30' is not a date"),  # no such day
        ("---\ntitle: !!python/object:os.system ls\n---\nbody", "not valid YAML"),  # a tag that must not run
    ],
)
def test_hostile_front_matter_is_a_warning_not_a_crash(text, words):
    art = article_from_text(text, "d", path="x.md")
    assert art.text == "body" and art.published is None
    assert any(words in reason for _, _, reason in art.notes), art.notes


@pytest.mark.parametrize(
    "value",
    [
        "March 19, 2025",
        "19 March 2025",
        "Mar 19, 2025",
        "19 Mar. 2025",
        "2025/03/19",
        "2025.03.19",
        "Wednesday, March 19, 2025 10:22 PKT",
        "2025-03-19T23:40:00+05:00",  # the local day as written, not the UTC one (18:40 UTC, same day)
        "2025-03-19T02:10:00+05:00",  # 21:10 UTC on the 18th: still the 19th
        "2025-03-19 10:22",
        "19/03/2025",  # day first: 19 cannot be a month
        "03/19/2025",  # month first: the same
        "19.03.2025",
        "Tue, 19 Mar 2025 17:05:00 +0500",
    ],
)
def test_written_dates_give_the_day_as_written(value):
    assert parse_published_date(value).isoformat() == "2025-03-19"


def test_a_day_equal_to_its_month_is_not_ambiguous():
    assert parse_published_date("04/04/2025").isoformat() == "2025-04-04"
    assert parse_published_date("4/04/2025").isoformat() == "2025-04-04"


@pytest.mark.parametrize(
    "value, words",
    [
        ("03/04/2025", "is ambiguous"),  # 3 April or 4 March: never a guess
        ("11-12-2025", "is ambiguous"),
        ("March 2025", "is not a date"),  # no day: dateutil would fill one in
        ("last Tuesday", "is not a date"),
        ("19 Mrach 2025", "is not a date"),
        ("19/03/25", "is not a date"),  # two-digit year
        ("2025-13-01", "is not a date"),
        ("31 February 2025", "is not a date"),
    ],
)
def test_unusable_dates_are_refused_with_the_reason(value, words):
    with pytest.raises(FrontMatterError, match=words):
        parse_published_date(value)


def notes_of(text, **kw):
    art = article_from_text(text, "d", path="x.md", **kw)
    return art, [(line, column, reason) for line, column, reason in art.notes]


def test_an_ambiguous_date_is_a_warning_and_no_published_date():
    art, notes = notes_of("---\ntitle: Gate\npublished: 03/04/2025\n---\nGuards shut the gate.\n")
    assert art.title == "Gate" and art.published is None
    ((line, column, reason),) = notes
    assert (line, column) == (3, "published") and "ambiguous" in reason


def test_doubtful_dates_are_kept_with_a_warning():
    written = dt.date(2025, 3, 20)
    art, notes = notes_of("---\npublished: 2025-03-21\n---\nText.\n", written=written)
    assert art.published == dt.date(2025, 3, 21) and notes == []  # a day of time zones is allowed
    art, notes = notes_of("---\npublished: 2025-04-30\n---\nText.\n", written=written)
    assert art.published == dt.date(2025, 4, 30)
    assert notes[0][:2] == (2, "published") and "later than the file was last written (2025-03-20)" in notes[0][2]
    art, notes = notes_of("---\npublished: 12 May 1987\n---\nText.\n", written=written)
    assert art.published == dt.date(1987, 5, 12) and "before 1990" in notes[0][2]


@pytest.mark.parametrize("key", ["date", "pubDate", "published_at", "publish_date", "datePublished", "created"])
def test_other_names_of_the_published_date_are_read(key):
    art, notes = notes_of(f"---\n{key}: 2025-03-19\n---\nText.\n")
    assert art.published == dt.date(2025, 3, 19) and notes == []


def test_other_names_of_title_source_and_url_are_read():
    art, notes = notes_of(
        "---\nheadline: Crossing shut\nsite_name: Frontier Desk\nlink: https://example.org/a\n---\nText.\n"
    )
    assert (art.title, art.source, art.url) == ("Crossing shut", "Frontier Desk", "https://example.org/a")
    for key in ("publisher", "outlet"):
        assert notes_of(f"---\n{key}: Wire\n---\nText.\n")[0].source == "Wire"
    assert notes_of("---\ncanonical_url: https://x.org\n---\nText.\n")[0].url == "https://x.org"


def test_the_first_name_found_wins_and_a_disagreeing_one_warns():
    art, notes = notes_of("---\ndate: 2025-03-18\ntitle: A\npublished: March 19, 2025\nheadline: A\n---\nText.\n")
    assert art.published == dt.date(2025, 3, 18) and art.title == "A"
    ((line, column, reason),) = notes  # the headline agrees: no word about it
    assert (line, column) == (4, "published") and "disagrees with date" in reason and "kept date" in reason
    # the same day written two ways is no disagreement
    art, notes = notes_of("---\npublished: 2025-03-19\npubDate: Wed, 19 Mar 2025 08:00:00 +0500\n---\nText.\n")
    assert notes == []


@pytest.mark.parametrize(
    "front, title, line",
    [
        ("title: Torkham: the crossing stays shut\npublished: March 19, 2025\n", "Torkham: the crossing stays shut", 2),
        ('title: "Talks resume at the gate\npublished: 2025-03-19\n', "Talks resume at the gate", 4),
        ("\ttitle: Tab first\npublished: 2025-03-19\n", None, 2),
    ],
)
def test_invalid_yaml_is_read_line_by_line_with_one_warning(front, title, line):
    art, notes = notes_of(f"---\n{front}---\nGuards shut the gate on 19 March 2025.\n")
    assert art.text.startswith("Guards") and art.published == dt.date(2025, 3, 19)
    if title:
        assert art.title == title
    ((at, column, reason),) = notes
    assert at == line and column is None and "front matter is not valid YAML" in reason


def test_front_matter_with_nothing_readable_leaves_the_body():
    art, notes = notes_of("---\n- just\n- a list\n---\nGuards shut the gate.\n")
    assert art.text == "Guards shut the gate.\n" and art.title == "" and art.published is None
    assert "read without metadata" in notes[0][2]


def test_crlf_bom_and_toml_fences():
    art, notes = notes_of("\ufeff---\r\ntitle: Gate\r\npublished: 19 March 2025\r\n---\r\nText.\r\n")
    assert (art.title, art.published, notes) == ("Gate", dt.date(2025, 3, 19), [])
    art, notes = notes_of('+++\ntitle = "Gate"\ndate = 2025-03-19T10:00:00+05:00\n+++\nText.\n')
    assert (art.title, art.published, notes) == ("Gate", dt.date(2025, 3, 19), [])
    art, notes = notes_of("+++\ntitle = Gate: shut\ndate = 2025-03-19\n+++\nText.\n")  # not valid TOML
    assert (art.title, art.published) == ("Gate: shut", dt.date(2025, 3, 19))
    assert "not valid TOML" in notes[0][2]
