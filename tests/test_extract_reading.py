"""The bad-input catalogue for articles (geomap.extract.reading): each unusable file
is reported with file, line, column and reason, the others are read, and
``articles_read == articles_used + articles_rejected``."""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
import resource
from pathlib import Path

import pytest
from conftest_reading import check_counts, read

from geomap.extract.reading import DEFAULT_MAX_BYTES, iter_articles
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
