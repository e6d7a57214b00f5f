"""The bad-input catalogue for articles (geomap.extract.reading): each unusable file
is reported with file, line, column and reason, the others are read, and
``articles_read == articles_used + articles_rejected``."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import json
import os
import resource
from pathlib import Path

import pytest

from geomap.exc import ArticleError, FrontMatterError
from geomap.extract.reading import (
    DEFAULT_MAX_BYTES,
    article_from_text,
    decode_bytes,
    iter_articles,
    parse_published_date,
    split_front_matter,
)
from geomap.report import Report

BAD = Path(__file__).parent / "data" / "bad"

ARTICLES = BAD / "articles"

#: file -> (kind, line, column, words in the reason)
FILE_CASES = {
    # metadata problems are warnings: the article is read (its incidents count), its metadata where usable
    "front_matter_unclosed.md": ("warning", 1, None, "opened with '---' but never closed; read its leading field"),
    "front_matter_bad_yaml.md": ("warning", 3, None, "front matter is not valid YAML"),
    "front_matter_not_mapping.md": ("warning", 2, None, "not a mapping of title, source, published, url"),
    "front_matter_bad_date.md": ("warning", 3, "published", "published 'last Tuesday' is not a date; use YYYY-MM-DD"),
    "front_matter_title_list.md": ("warning", 2, "title", "title must be text, got list; ignored"),
    "front_matter_only.md": ("rejected", None, None, "has front matter but no text"),
    "binary.txt": ("rejected", None, None, "binary file (NUL bytes); expected UTF-8 text"),
    "empty.txt": ("rejected", None, None, "empty file (no text)"),
    "blank.md": ("rejected", None, None, "empty file (no text)"),
    "notes.pdf": ("rejected", None, None, "unsupported file type '.pdf'; allowed: .txt, .md"),
    "not_utf8.txt": ("warning", None, None, "not UTF-8 (byte 0x"),
}

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


def read(path, **kw):
    report = Report()
    arts = list(iter_articles([path], report, **kw))
    return arts, report


def check_counts(report):
    c = report.counts
    assert c["articles_read"] == c.get("articles_used", 0) + c.get("articles_rejected", 0)
    assert c.get("articles_rejected", 0) == len(report.of_kind("rejected"))


@pytest.mark.parametrize("name", sorted(FILE_CASES))
def test_bad_article_files(name):
    kind, line, column, words = FILE_CASES[name]
    arts, report = read(ARTICLES / name)
    check_counts(report)
    p = report.of_kind(kind)[0]
    assert (p.file, p.line, p.column) == (str(ARTICLES / name), line, column)
    assert words in p.reason, p.reason
    assert len(arts) == (1 if kind == "warning" else 0)


def test_not_utf8_article_is_read_with_a_warning():
    arts, _ = read(ARTICLES / "not_utf8.txt")
    assert "café near the gate" in arts[0].text


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


def test_whole_folder_adds_up():
    arts, report = read(ARTICLES)
    check_counts(report)
    assert report.counts["articles_read"] == 20
    assert sorted(a.doc_id for a in arts) == [
        "front_matter_bad_date",
        "front_matter_bad_yaml",
        "front_matter_not_mapping",
        "front_matter_title_list",
        "front_matter_unclosed",
        "j1",
        "j5",
        "j6",
        "j8",
        "no_event",
        "no_place",
        "not_utf8",
    ]


def test_empty_folder_hidden_files_and_missing_path(tmp_path):
    empty = tmp_path / "empty"
    (empty / ".git").mkdir(parents=True)
    (empty / ".git" / "x.md").write_text("hidden, not an article")
    _, report = read(empty)
    p = report.of_kind("rejected")[0]
    assert p.file == str(empty) and "empty folder: no article files" in p.reason
    assert report.counts["folders_empty"] == 1
    _, report = read(tmp_path / "nope")
    assert "no such file or folder" in report.of_kind("rejected")[0].reason
    check_counts(report)


def test_50_mb_article_is_reported_without_being_read(tmp_path):
    big = tmp_path / "big.txt"
    chunk = ("Guards exchanged fire at Torkham on 2 March 2025. " * 20 + "\n").encode()
    with open(big, "wb") as fh:
        for _ in range(50 * 1024 * 1024 // len(chunk) + 1):
            fh.write(chunk)
    assert big.stat().st_size >= 50 * 1024 * 1024
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    arts, report = read(big)
    grew_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert grew_kb < 20 * 1024  # the file was never loaded into memory
    assert arts == []
    p = report.of_kind("rejected")[0]
    assert p.file == str(big)
    assert f"above the cap of {DEFAULT_MAX_BYTES / 2**20:.1f} MiB" in p.reason
    check_counts(report)


def test_article_under_a_raised_cap_is_read(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Guards exchanged fire at Torkham on 2 March 2025.\n" * 1000)
    arts, report = read(path, max_bytes=100)
    assert arts == [] and "above the cap" in report.of_kind("rejected")[0].reason
    arts, _ = read(path, max_bytes=10**6)
    assert len(arts) == 1


def test_unreadable_file(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root can read any file")
    path = tmp_path / "locked.md"
    path.write_text("text")
    path.chmod(0)
    _, report = read(path)
    assert "cannot read" in report.of_kind("rejected")[0].reason


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


def test_decode_bytes():
    assert decode_bytes("\ufeffé".encode("utf-8"))[0] == "é"
    # \x1c and U+3000 are blank as text though bytes.strip() keeps them (found by hypothesis)
    for data, words in [
        (b"", "empty"),
        (b"  \n", "empty"),
        (b"ab\x00cd", "binary"),
        (b"\x1c", "empty"),
        ("\u3000".encode(), "empty"),
        (b"\xa1@", "empty"),
    ]:
        with pytest.raises(ArticleError, match=words):
            decode_bytes(data, file="f")


def test_html_article(tmp_path):
    page = tmp_path / "p.html"
    page.write_text(
        "<html><head><title>Gate</title></head><body><article><p>"
        + "Guards exchanged fire at Torkham on 2 March 2025. " * 5
        + "</p></article><script>alert(1)</script></body></html>"
    )
    arts, report = read(page)
    check_counts(report)
    assert len(arts) == 1 and "Torkham" in arts[0].text and "alert" not in arts[0].text
    (tmp_path / "e.html").write_text("<html><body><script>x()</script></body></html>")
    arts, report = read(tmp_path / "e.html")
    assert arts == [] and "HTML has no main text" in report.of_kind("rejected")[0].reason


def test_a_named_pipe_is_reported_not_read(tmp_path):
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    fifo = tmp_path / "feed.txt"
    os.mkfifo(fifo)
    arts, report = read(fifo)  # would block forever if it were opened
    assert arts == [] and "not a regular file" in report.of_kind("rejected")[0].reason
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


TORKHAM = "---\ntitle: Gate\npublished: 2025-03-01\n---\nThe café at Torkham shut on Friday.\n"


@pytest.mark.parametrize(
    "encoding, raw",
    [
        ("UTF-16 (byte-order mark)", TORKHAM.encode("utf-16")),  # Notepad's "Unicode"
        ("UTF-16 (byte-order mark)", codecs.BOM_UTF16_BE + TORKHAM.encode("utf-16-be")),
        ("UTF-32 (byte-order mark)", TORKHAM.encode("utf-32")),
        ("UTF-16-LE (no byte-order mark)", TORKHAM.encode("utf-16-le")),
    ],
)
def test_utf16_and_utf32_articles_are_read_with_a_warning(tmp_path, encoding, raw):
    # they were rejected as binary files (NUL bytes)
    path = tmp_path / "gate.md"
    path.write_bytes(raw)
    arts, report = read(path)
    (art,) = arts
    assert art.text.strip() == "The café at Torkham shut on Friday." and art.title == "Gate"
    assert str(art.published) == "2025-03-01"
    assert [p.reason for p in report.problems] == [f"file is {encoding}; read as such"]


def test_a_broken_utf16_article_and_utf16_json_lines_are_said(tmp_path):
    (tmp_path / "broken.md").write_bytes(codecs.BOM_UTF16_LE + "Torkham".encode("utf-16-le") + b"\x00\xd8")
    (tmp_path / "feed.jsonl").write_bytes('{"text": "Torkham shut."}\n'.encode("utf-16"))
    arts, report = read(tmp_path)
    assert arts == []
    reasons = sorted(p.reason for p in report.of_kind("rejected"))
    assert reasons[0].startswith("file is UTF-16 (byte-order mark); JSON lines must be UTF-8")
    assert reasons[1].startswith("looks like UTF-16 (byte-order mark) but is not valid UTF-16")
    assert report.counts["articles_read"] == report.counts["articles_rejected"] == 2


def test_a_latin1_article_names_the_first_byte_that_is_not_utf8(tmp_path):
    path = tmp_path / "gate.md"
    path.write_bytes(TORKHAM.replace("The", "Ni\u00f1o and the").encode("latin-1"))
    (art,) = read(path)[0]
    assert "Niño and the café" in art.text  # as written, not garbled
    (warning,) = read(path)[1].problems
    assert warning.reason.startswith("not UTF-8 (byte 0xf1 on line 5: check the names there); decoded as")


def test_files_known_not_to_be_articles_are_skipped_and_said(tmp_path):
    # a gold.csv beside the articles was rejected as an unsupported type (a
    # problem that was none), notes.txt read as an article (its events became
    # drafts) and a README skipped with no line at all
    arts = tmp_path / "arts"
    (arts / "sub").mkdir(parents=True)
    (arts / "a.md").write_text("---\npublished: 2025-03-01\n---\nTorkham was shut on Friday.\n")
    (arts / "gold.csv").write_text("doc_id,event_type\na,border_closure\n")
    (arts / "sub" / "notes.txt").write_text("Remember: Chaman was shelled on 3 May 2024.\n")
    (arts / "README.md").write_text("# what these are\n")
    (arts / "LICENSE").write_text("MIT\n")
    (arts / "settings.yaml").write_text("a: 1\n")
    (arts / "c.json").write_text("{}\n")  # perhaps an article as JSON: rejected, naming the endings read
    (arts / "b.pdf").write_bytes(b"%PDF-1.4")  # an article in a form geomap does not read: still a rejection
    report = Report()
    got = list(iter_articles([arts], report))
    assert [a.doc_id for a in got] == ["a"]
    skipped = report.of_kind("skipped")
    assert sorted(Path(p.file).name for p in skipped) == [
        "LICENSE",
        "README.md",
        "gold.csv",
        "notes.txt",
        "settings.yaml",
    ]
    assert report.counts["files_skipped"] == 5
    assert [Path(p.file).name for p in report.of_kind("rejected")] == ["b.pdf", "c.json"]
    c = report.counts
    assert c["articles_read"] == c["articles_used"] + c["articles_rejected"] == 3
    # named on its own, a notes file is read: the user asked for it
    assert [a.doc_id for a in iter_articles([arts / "sub" / "notes.txt"], Report())] == ["notes"]


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


def test_nul_characters_past_the_binary_check_are_taken_out_with_a_warning(tmp_path):
    # a NUL past the first 8 KB of a file (or "\u0000" in a JSON string) went
    # into the excerpt, and geomap accept then refused the drafts CSV whole
    # as a binary file
    (tmp_path / "a.md").write_text(
        "---\npublished: 2024-05-04\n---\n" + "Quiet day.\n" * 1000 + "Torkham was shut\x00.\n"
    )
    (tmp_path / "f.jsonl").write_text(json.dumps({"text": "Chaman\u0000 was shut.", "id": "x\u0000y"}) + "\n")
    report = Report()
    arts = list(iter_articles([tmp_path], report))
    assert [(a.doc_id, "\x00" in a.text) for a in arts] == [("a", False), ("xy", False)]
    warned = [(p.line, p.column, p.reason) for p in report.of_kind("warning")]
    assert warned[0][:2] == (None, "text") and "on line 1001 of the text" in warned[0][2]
    assert warned[1][:2] == (1, None) and "NUL characters removed from the doc_id, text" in warned[1][2]
    assert warned[2][:2] == (1, "published")  # the usual warning follows
    assert report.counts["articles_used"] == 2


def test_a_build_output_folder_is_no_articles_folder(tmp_path):
    # with --follow-links a build's map.html was read as an article: the
    # page's own excerpts became drafts again
    arts = tmp_path / "arts"
    out = arts / "output"
    (out / ".geomap-gen.1.x").mkdir(parents=True)
    (out / ".geomap-gen.1.x" / "map.html").write_text(
        "<html><body><p>Torkham was shut on 2 May 2024.</p></body></html>"
    )
    (out / ".geomap-current").symlink_to(".geomap-gen.1.x")
    (out / "map.html").symlink_to(".geomap-current/map.html")
    (arts / "a.md").write_text("---\npublished: 2025-03-01\n---\nTorkham was shut on Friday.\n")
    for paths in ([arts], [out]):
        report = Report()
        got = list(iter_articles(paths, report, follow_links=True))
        assert [a.doc_id for a in got] == (["a"] if paths == [arts] else [])
        (skipped,) = report.of_kind("skipped")
        assert skipped.file == str(out) and "a geomap build's output folder" in skipped.reason
        assert report.counts["files_skipped"] == 1 and not report.of_kind("rejected")


def test_a_checkpoint_folder_left_among_the_articles_is_skipped(tmp_path):
    # '-o arts/d.csv --jobs 2' keeps its checkpoint in arts/d.csv.checkpoint;
    # killed, the next run read its manifest and pickles as (rejected) articles
    arts = tmp_path / "arts"
    ck = arts / "d.csv.checkpoint"
    ck.mkdir(parents=True)
    (ck / "manifest.json").write_text("{}")
    (ck / "part-00000-abc.pkl").write_bytes(b"\x80\x04.")
    (arts / "a.md").write_text("---\npublished: 2025-03-01\n---\nTorkham was shut on Friday.\n")
    report = Report()
    assert [a.doc_id for a in iter_articles([arts], report)] == ["a"]
    (skipped,) = report.of_kind("skipped")
    assert skipped.file == str(ck) and "checkpoint folder" in skipped.reason and not report.of_kind("rejected")


def one_process_as_with_jobs(arts, tmp_path, capsys):
    """``geomap extract arts`` with --jobs 1 and 2: the same drafts, report and
    terminal lines (checked), returned once."""
    from geomap.cli import main

    runs = {}
    for jobs in ("1", "2"):
        out, rep = tmp_path / f"d{jobs}.csv", tmp_path / f"r{jobs}.csv"
        assert main(["extract", str(arts), "--jobs", jobs, "-o", str(out), "--report", str(rep)]) == 0
        runs[jobs] = (out.read_bytes(), rep.read_bytes(), capsys.readouterr().err.replace(str(out), "OUT"))
    assert runs["1"] == runs["2"]
    return runs["1"]


def test_a_parquet_file_in_a_folder_is_read_in_one_process_as_with_jobs(tmp_path, capsys):
    # one process rejected a .parquet in an article folder as an unsupported type while --jobs read its
    # rows: other drafts, other problems, other counts for the same folder
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    arts = tmp_path / "arts"
    arts.mkdir()
    (arts / "wire.md").write_text("---\npublished: 2024-06-03\n---\nGunfire closed Torkham on 2 June 2024.\n")
    rows = [
        {"id": "p1", "text": "Mortar rounds hit a village near Chaman on 1 June 2024.", "published": "2024-06-02"},
        {"id": "p2", "text": "   ", "published": "2024-06-02"},
        {"id": "p3", "text": "Traders waited at Angoor Adda on 30 May 2024 as the gate stayed shut.", "published": "x"},
        {"id": "p1", "text": "Mortar rounds hit a village near Chaman on 1 June 2024.", "published": "2024-06-02"},
    ]
    pq.write_table(pa.Table.from_pylist(rows), arts / "feed.parquet", row_group_size=2)
    pq.write_table(pa.Table.from_pylist([{"body": "no text column"}]), arts / "other.parquet")
    (arts / "broken.pq").write_bytes(b"PAR1 not really")
    drafts, report, err = one_process_as_with_jobs(arts, tmp_path, capsys)
    assert drafts.count(b"\np1,") == 1 and b"\nwire," in drafts  # the repeated row read once
    assert b"unsupported file type" not in report
    for said in (b"no 'text' column", b"not a readable Parquet file", b"the same record as"):
        assert said in report
    assert "articles read 7, rejected 4" in err  # p3's date 'x' is a warning: the row is read


def test_a_parquet_file_in_a_folder_without_pyarrow_stops_both_runs_alike(tmp_path, monkeypatch, capsys):
    # pyarrow is an extra: one process and --jobs both stop before writing, saying what to install
    pa = pytest.importorskip("pyarrow")
    import sys

    import pyarrow.parquet as pq

    from geomap.cli import main

    arts = tmp_path / "arts"
    arts.mkdir()
    (arts / "a.md").write_text("Torkham was shut on 2 June 2024.\n")
    pq.write_table(pa.Table.from_pylist([{"text": "Shelling near Chaman on 1 June 2024."}]), arts / "x.parquet")
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    for jobs in ("1", "2"):
        assert main(["extract", str(arts), "--jobs", jobs, "-o", str(tmp_path / "d.csv"), "--quiet"]) == 1
        assert "pip install 'geomap[dask]'" in capsys.readouterr().err
        assert not (tmp_path / "d.csv").exists()


# ------------------------------------------------ front matter as scrapers write it


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


def test_metadata_warnings_reach_the_report_and_the_incident_is_kept(tmp_path, capsys):

    arts = tmp_path / "arts"
    arts.mkdir()
    (arts / "colon.md").write_text(
        "---\ntitle: Torkham: the crossing stays shut\npublished: March 19, 2025\n---\n"
        "Border guards closed the Torkham crossing on 18 March 2025 after an exchange of fire.\n"
    )
    (arts / "ambiguous.md").write_text(
        "---\npubDate: 03/04/2025\nheadline: Shelling\n---\n"
        "Mortar shells landed near Chaman on 2 March 2025, wounding two farmers.\n"
    )
    drafts, report, err = one_process_as_with_jobs(arts, tmp_path, capsys)
    assert b"\ncolon," in drafts and b"\nambiguous," in drafts
    rows = list(csv.DictReader(io.StringIO(report.decode())))
    assert {r["kind"] for r in rows} == {"warning"}
    said = {(Path(r["file"]).name, r["line"], r["column"]): r["reason"] for r in rows}
    assert "not valid YAML" in said["colon.md", "2", ""]
    assert "ambiguous" in said["ambiguous.md", "2", "pubDate"]
    assert f"{arts / 'colon.md'}:2: front matter is not valid YAML" in err


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
