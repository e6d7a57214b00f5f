"""Records (geomap.extract.records): JSON lines streamed line by line, a bad line
rejected with its number, metadata of a record a warning as in front matter,
a record given twice read once."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest_reading import check_counts, read

from geomap.extract.reading import iter_articles
from geomap.report import Report

BAD = Path(__file__).parent / "data" / "bad"

ARTICLES = BAD / "articles"

JSONL_CASES = [  # line, column, words
    (2, None, "line is not valid JSON"),
    (3, None, "line must be a JSON object"),
    (4, "text", "JSON object has no 'text'"),
]
#: metadata never rejects a record: warnings, the record read (they rejected it whole)
JSONL_WARNINGS = [
    (5, "title", "title must be text, got dict; ignored"),
    (
        6,
        "published",
        "published 'someday' is not a date; use YYYY-MM-DD or a form such as 'March 19, 2025'; "
        "no published date from it",
    ),
]


def test_jsonl_bad_lines_are_reported_one_by_one():
    arts, report = read(ARTICLES / "bad.jsonl")
    assert [a.doc_id for a in arts] == ["j1", "j5", "j6", "j8"]
    assert [a.line for a in arts] == [1, 5, 6, 8] and arts[2].published is None
    got = [(p.line, p.column) for p in report.of_kind("rejected")]
    assert got == [(line, col) for line, col, _ in JSONL_CASES]
    for p, (_, _, words) in zip(report.of_kind("rejected"), JSONL_CASES):
        assert words in p.reason
    warned = {(p.line, p.column, p.reason) for p in report.of_kind("warning")}
    assert set(JSONL_WARNINGS) <= warned
    assert report.counts["articles_read"] == 7  # records, the blank line is none
    check_counts(report)


def test_jsonl_is_streamed_with_a_cap_per_line(tmp_path):
    feed = tmp_path / "feed.jsonl"
    good = json.dumps({"id": "ok", "text": "Guards exchanged fire at Torkham on 2 March 2025."})
    with open(feed, "wb") as fh:
        fh.write(good.encode() + b"\n")
        fh.write(json.dumps({"id": "long", "text": "x" * 5000}).encode() + b"\n")
        fh.write(
            json.dumps({"id": "sep", "text": "Line\u2028separator inside a JSON string"}, ensure_ascii=False).encode()
            + b"\n"
        )
        fh.write('{"id": "latin", "text": "Caf\u00e9"}'.encode("latin-1") + b"\n")
        fh.write(good.replace('"ok"', '"last"').encode())  # no final newline
    arts, report = read(feed, max_bytes=1000)  # the file is bigger than the cap
    assert [a.doc_id for a in arts] == ["ok", "sep", "last"]
    assert [a.line for a in arts] == [1, 3, 5]
    got = [(p.line, p.reason) for p in report.of_kind("rejected")]
    assert got[0][0] == 2 and "line is above the cap of 0.0 MiB" in got[0][1]
    assert got[1][0] == 4 and "line is not UTF-8 (byte 0xe9)" in got[1][1]
    check_counts(report)
    assert report.counts["articles_read"] == 5


@pytest.mark.parametrize(
    "data, words",
    [
        (b"", "empty file"),
        (b"\n\n  \n", "empty file"),
        (b"\xef\xbb\xbf\n", "empty file"),
        (b'{"text": "a"}\n\x00\x01\x02', "binary file"),
    ],
)
def test_jsonl_empty_or_binary(tmp_path, data, words):
    feed = tmp_path / "f.jsonl"
    feed.write_bytes(data)
    arts, report = read(feed)
    assert arts == [] and words in report.of_kind("rejected")[0].reason
    check_counts(report)
    assert report.counts["articles_read"] == 1


def test_a_record_given_twice_in_a_feed_is_read_once(tmp_path):
    # the same record twice (no id, or one id repeated) was read twice under
    # two doc_ids, and each of its events became two drafts
    text = "Shelling hit Angoor Adda on 3 May 2024."
    rows = [
        {"text": text, "title": "t"},  # no published date: its warning leaves with the repeat
        {"text": text, "title": "t"},
        {"text": text, "title": "t", "id": "n7"},  # an id of its own: another article, as the feed says
        {"text": text, "title": "t", "id": "n7"},
        {"text": text, "title": "t2", "id": "n7"},  # the id again, another title: renamed, with a warning
    ]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    report = Report()
    got = list(iter_articles([feed, tmp_path / "feed.jsonl"], report))
    assert [(a.doc_id, a.line) for a in got] == [("feed:1", 1), ("n7", 3), ("n7@feed:5", 5)]
    repeats = report.of_kind("rejected")
    assert [p.line for p in repeats] == [None, 2, 4]  # the file named twice is read once too
    assert f"the same record as {feed}:1 (id, text, title" in repeats[1].reason
    assert f"the same record as {feed}:3 " in repeats[2].reason and "read once" in repeats[2].reason
    warned = [(p.line, p.column) for p in report.of_kind("warning")]
    assert warned == [(1, "published"), (3, "published"), (5, "published"), (5, "id")]  # none for a repeat
    c = report.counts
    assert (c["articles_read"], c["articles_used"], c["articles_rejected"]) == (6, 3, 3)


def test_a_record_dated_in_the_future_or_long_ago_is_kept_with_a_warning_as_a_file_is(tmp_path):
    # front matter's 2092 for 2024 was a warning; a record's was taken without a word
    text = "Guards traded fire at Torkham on 2 May 2024."
    rows = [{"text": text, "published": "2092-05-03"}, {"text": text + " ", "published": "1924-05-03"}]
    (tmp_path / "feed.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    report = Report()
    arts = list(iter_articles([str(tmp_path / "feed.jsonl")], report))
    assert [a.published.year for a in arts] == [2092, 1924]
    said = [(p.line, p.column, p.reason) for p in report.of_kind("warning")]
    assert said == [
        (1, "published", "published 2092-05-03 is later than today; kept, check it"),
        (2, "published", "published 1924-05-03 is before 1990; kept, check it"),
    ]


def test_json_saved_not_as_json_lines_says_what_it_is_and_how_many(tmp_path):
    # a JSON array, records ending in carriage returns, a pretty-printed object: each was rejected line
    # by line as 'not valid JSON' or 'must be a JSON object', the articles in it uncounted and unnamed
    rec = {"text": "Guards traded fire at Torkham on 2 May 2024.", "published": "2024-05-03"}
    recs = [json.dumps({**rec, "id": f"r{i}"}) for i in range(3)]
    (tmp_path / "array.jsonl").write_text("[" + ", ".join(recs) + "]\n")
    (tmp_path / "mac.jsonl").write_bytes(("\r".join(recs) + "\r").encode())
    (tmp_path / "pretty.jsonl").write_text(json.dumps(rec, indent=2) + "\n")
    arts, report = read(tmp_path)
    said = {(Path(p.file).name, p.line): p.reason for p in report.of_kind("rejected")}
    assert arts == [] and report.counts["articles_read"] == len(said) == 6  # array 1, mac 1, pretty 4
    assert said["array.jsonl", 1].startswith("line is a JSON array of 3 object(s), none read: JSON lines hold")
    assert "(3 JSON values on one line, none read" in said["mac.jsonl", 1]
    assert "carriage returns only" in said["mac.jsonl", 1]
    for line in (1, 2, 3, 4):
        assert "one object written over several lines" in said["pretty.jsonl", line]


def test_a_text_that_is_not_text_says_what_it_is(tmp_path):
    # '"text": ["first paragraph", ...]' was rejected as having no 'text' at all
    rows = [{"id": "a", "text": ["One paragraph.", "Another."]}, {"id": "b", "text": 42}, {"id": "c"}]
    (tmp_path / "feed.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    arts, report = read(tmp_path / "feed.jsonl")
    said = [p.reason for p in report.of_kind("rejected")]
    assert said == [
        "JSON object has a 'text' that is a list of 2 item(s), not text",
        "JSON object has a 'text' that is of type int ('42'), not text",
        "JSON object has no 'text'",
    ]


def test_an_id_that_is_no_id_is_a_warning_and_the_line_names_the_record(tmp_path):
    # '"id": "   "' or '"id": ["a"]' became the doc_id as written: drafts with a blank or "['a']" id
    text = "Guards traded fire at Torkham on 2 May 2024."
    rows = [{"id": "   ", "text": text}, {"id": ["a"], "text": text + " "}, {"id": 7, "text": text + "  "}]
    (tmp_path / "feed.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    arts, report = read(tmp_path / "feed.jsonl")
    assert [a.doc_id for a in arts] == ["feed:1", "feed:2", "7"]
    said = [(p.line, p.reason) for p in report.of_kind("warning") if p.column == "id"]
    assert said == [
        (1, "id '   ' is no id; the record is feed:1"),
        (2, "id a list of 1 item(s) is no id; the record is feed:2"),
    ]
