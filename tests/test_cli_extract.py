"""``geomap extract`` through geomap.cli.main."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from geomap.cli import main
from geomap.extract import COLUMNS
from geomap.report import Report

DATA = Path(__file__).parent / "data" / "articles"
#: The article files (the folder's README.md describes them and is not one).
ARTICLES = sorted(str(p) for p in DATA.iterdir() if p.name != "README.md")


def test_help_has_an_example(capsys):
    try:
        main(["extract", "--help"])
    except SystemExit as exc:
        assert exc.code == 0
    out = capsys.readouterr().out
    assert "Examples:" in out and "geomap extract" in out and "-o" in out


def test_extract_folder_to_csv(tmp_path, capsys):
    out = tmp_path / "drafts.csv"
    assert main(["extract", *ARTICLES, "-o", str(out)]) == 0
    with open(out, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        rows = list(reader)
    assert tuple(reader.fieldnames) == COLUMNS
    assert {r["doc_id"] for r in rows} >= {"shelling_kurram", "feed-1", "page", "undated"}
    assert all(r["excerpt"] and r["latitude"] and r["confidence"] for r in rows)
    err = capsys.readouterr().err
    assert "feed.jsonl:3" in err and "no 'text'" in err  # bad JSON line reported
    assert "no published date" in err  # undated article reported
    assert f"articles read {len(ARTICLES) + 2}" in err  # the JSON lines file holds 3 and f"events {len(rows)}" in err


def test_extract_to_stdout_and_report(tmp_path, capsys):
    report = tmp_path / "problems.csv"
    assert (
        main(
            [
                "extract",
                str(DATA / "badini_wire.md"),
                str(tmp_path / "missing.md"),
                "-o",
                "-",
                "--report",
                str(report),
                "--quiet",
            ]
        )
        == 0
    )
    cap = capsys.readouterr()
    lines = cap.out.strip().splitlines()
    assert lines[0].startswith("doc_id,event_type") and len(lines) == 2
    assert "Badini" in lines[1]
    assert "no such file" in cap.err and "articles read" not in cap.err
    assert "no such file" in report.read_text(encoding="utf-8")


def test_extract_empty_folder_writes_header_only(tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    out = tmp_path / "d.csv"
    assert main(["extract", str(tmp_path / "empty"), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").strip() == ",".join(COLUMNS)
    assert "empty folder" in capsys.readouterr().err


def test_extract_does_not_touch_its_inputs(tmp_path):
    src = tmp_path / "in"
    shutil.copytree(DATA, src, ignore=shutil.ignore_patterns("README.md"))
    before = {p.name: p.read_bytes() for p in src.iterdir()}
    assert main(["extract", str(src), "-o", str(tmp_path / "d.csv"), "--quiet"]) == 0
    assert {p.name: p.read_bytes() for p in src.iterdir()} == before


def _article(path: Path, title: str, source: str, body: str) -> None:
    path.write_text(f"---\ntitle: {title}\nsource: {source}\npublished: 2024-05-06\n---\n{body}\n", encoding="utf-8")


def test_folder_readme_is_skipped(tmp_path, capsys):
    shutil.copy(DATA / "README.md", tmp_path / "README.md")
    _article(
        tmp_path / "a.md",
        "Gate shut",
        "Wire A",
        "Officials closed the Torkham crossing on Sunday after a dispute over a new post.",
    )
    assert main(["extract", str(tmp_path), "-o", str(tmp_path / "d.csv")]) == 0
    assert "articles read 1," in capsys.readouterr().err


def test_merge_joins_one_incident_across_articles(tmp_path, capsys):
    body = "Officials closed the Torkham crossing on Sunday after a dispute over a new post."
    _article(tmp_path / "a.md", "Gate shut", "Wire A", body)
    _article(tmp_path / "b.md", "Crossing closed", "Wire B", "The Torkham crossing was closed on Sunday, traders said.")

    def rows(*extra):
        out = tmp_path / "d.csv"
        assert main(["extract", str(tmp_path / "a.md"), str(tmp_path / "b.md"), "-o", str(out), *extra]) == 0
        with open(out, encoding="utf-8", newline="") as fh:
            return [r for r in csv.DictReader(fh) if r["event_type"] == "border_closure"]

    assert sorted(r["doc_id"] for r in rows()) == ["a", "b"]
    assert [r["doc_id"] for r in rows("--merge")] == ["a;b"]


def test_drafts_csv_defuses_formula_cells(tmp_path):
    _article(
        tmp_path / "f.md",
        "'=HYPERLINK(1)'",
        "'@Wire'",
        "Officials closed the Torkham crossing on Sunday after a dispute over a new post.",
    )
    out = tmp_path / "d.csv"
    assert main(["extract", str(tmp_path / "f.md"), "-o", str(out)]) == 0
    with open(out, encoding="utf-8", newline="") as fh:
        row = next(csv.DictReader(fh))
    assert row["source_title"].startswith("'=") and row["source_publisher"] == "'@Wire"
    assert not row["latitude"].startswith("'")


def test_extract_never_replaces_a_file_that_is_not_drafts(tmp_path, capsys):
    # 'geomap extract articles/ -o mine/events.csv' replaced a curated dataset
    # with drafts; drafts are written over drafts only (a reviewed drafts file
    # with an 'accept' column too), and into pipes and devices as before
    mine = tmp_path / "events.csv"
    shutil.copy(Path(__file__).parents[1] / "geodata" / "events.csv", mine)
    before = mine.read_bytes()
    assert main(["extract", str(DATA / "no_event.md"), "-o", str(mine)]) == 1
    err = capsys.readouterr().err
    assert f"{mine} is not a drafts CSV" in err and "nothing was written" in err
    assert mine.read_bytes() == before
    drafts = tmp_path / "drafts.csv"
    assert main(["extract", *ARTICLES, "-o", str(drafts)]) == 0
    assert main(["extract", *ARTICLES, "-o", str(drafts)]) == 0  # drafts over drafts: fine
    assert main(["extract", str(DATA / "no_event.md"), "-o", "/dev/null"]) == 0


def test_extract_report_never_replaces_an_input_the_drafts_or_another_file(tmp_path, capsys):
    # '--report arts/a1.md' replaced the article with the problem report,
    # '--report drafts.csv' (the -o file) the drafts, '--report notes.csv' any file
    arts = tmp_path / "arts"
    shutil.copytree(DATA, arts)
    before = {p.name: p.read_bytes() for p in arts.iterdir()}
    notes = tmp_path / "notes.csv"
    notes.write_text("mine\n")
    drafts = tmp_path / "drafts.csv"
    for report, said in (
        (arts / "shelling_kurram.md", "is an input"),
        (arts / "feed.jsonl", "is an input"),
        (drafts, "is also the -o file"),
        (notes, "is not a problem report"),
    ):
        assert main(["extract", str(arts), "-o", str(drafts), "--report", str(report)]) == 1
        err = capsys.readouterr().err
        assert said in err and "nothing was written" in err
    assert {p.name: p.read_bytes() for p in arts.iterdir()} == before
    assert notes.read_text() == "mine\n" and not drafts.exists()
    # a report over an earlier report is fine
    assert main(["extract", str(arts), "-o", str(drafts), "--report", str(tmp_path / "r.csv")]) == 0
    assert main(["extract", str(arts), "-o", str(drafts), "--report", str(tmp_path / "r.csv")]) == 0


def test_extract_never_replaces_reviewed_drafts(tmp_path, capsys):
    # re-running 'geomap extract arts/ -o drafts.csv' after the review replaced
    # the drafts, and every accept mark with them
    drafts = tmp_path / "drafts.csv"
    assert main(["extract", *ARTICLES, "-o", str(drafts)]) == 0
    lines = drafts.read_text().splitlines()
    reviewed = [lines[0] + ",accept"] + [
        line + ("," + ("yes" if i == 1 else "")) for i, line in enumerate(lines[1:], 1)
    ]
    for text in ("\n".join(reviewed) + "\n", "sep=,\r\n" + "\r\n".join(reviewed) + "\r\n"):
        drafts.write_text(text)
        before = drafts.read_bytes()
        assert main(["extract", *ARTICLES, "-o", str(drafts)]) == 1
        err = capsys.readouterr().err
        assert "is a reviewed drafts CSV (1 row(s) with an accept mark)" in err and "nothing was written" in err
        assert drafts.read_bytes() == before
    # an accept column left empty is no review: replaced as before
    drafts.write_text("\n".join([lines[0] + ",accept"] + [line + "," for line in lines[1:]]) + "\n")
    assert main(["extract", *ARTICLES, "-o", str(drafts)]) == 0


def test_extract_parquet_never_replaces_another_dataset(tmp_path, capsys):
    # '--parquet data/' over a Dask or Spark dataset (its files are named
    # part-00000.parquet too) replaced its parts and removed the rest
    pytest.importorskip("pyarrow")
    import pyarrow as pa
    import pyarrow.parquet as pq

    data = tmp_path / "data"
    data.mkdir()
    for n in range(2):
        pq.write_table(pa.table({"station": ["a", "b"], "value": [1, 2]}), data / f"part-0000{n}.parquet")
    before = {p.name: p.read_bytes() for p in data.iterdir()}
    drafts = tmp_path / "drafts.csv"
    for parquet, said in (
        (data, "holds part-00000.parquet, which is not a geomap drafts file"),
        (drafts, "is also the -o file"),
        (ARTICLES[0], "is an input"),
    ):
        assert main(["extract", *ARTICLES, "-o", str(drafts), "--parquet", str(parquet)]) == 1
        err = capsys.readouterr().err
        assert said in err and "nothing was written" in err
    assert {p.name: p.read_bytes() for p in data.iterdir()} == before and not drafts.exists()
    # over its own drafts: fine, as before
    ours = tmp_path / "ours"
    assert main(["extract", *ARTICLES, "-o", str(drafts), "--parquet", str(ours)]) == 0
    assert main(["extract", *ARTICLES, "-o", str(drafts), "--parquet", str(ours)]) == 0


def test_extract_into_a_folder_writes_drafts_csv_there(tmp_path, capsys):
    # '-o out/' wrote a file named 'out'; an existing folder failed after the
    # extraction with "... .tmp -> out: Is a directory"
    article = [a for a in ARTICLES if a.endswith(".md")][0]
    (tmp_path / "have").mkdir()
    for given, folder in ((str(tmp_path / "have"), "have"), (str(tmp_path / "new") + "/", "new")):
        assert main(["extract", article, "-o", given]) == 0
        assert [p.name for p in (tmp_path / folder).iterdir()] == ["drafts.csv"]
        assert f"-> {tmp_path / folder / 'drafts.csv'}" in capsys.readouterr().err


def test_extract_never_writes_the_drafts_over_an_input_or_as_an_article_of_its_folder(tmp_path, capsys):
    # '-o arts/out.txt' was read by the next run as an article (drafts of drafts: 3 events, then 7, then
    # 11), and '-o arts/empty.md' replaced an input; through a link too
    arts = tmp_path / "arts"
    shutil.copytree(DATA, arts)
    (arts / "empty.md").write_bytes(b"")
    (tmp_path / "link.md").symlink_to(arts / "shelling_kurram.md")
    before = {p.name: p.read_bytes() for p in arts.iterdir()}
    for inputs, output, said in (
        ([arts], arts / "out.txt", "is in an input folder"),
        ([arts], arts / "sub" / "d.md", "is in an input folder"),
        ([arts / "empty.md"], arts / "empty.md", "is an input"),
        ([arts / "shelling_kurram.md"], tmp_path / "link.md", "is an input"),
    ):
        assert main(["extract", *map(str, inputs), "-o", str(output)]) == 1
        err = capsys.readouterr().err
        assert said in err and "nothing was written" in err and "Traceback" not in err
    assert {p.name: p.read_bytes() for p in arts.iterdir()} == before
    # a drafts CSV there is no article's ending: written, and only reported by a later run
    assert main(["extract", str(arts), "-o", f"{arts}/"]) == 0
    assert (arts / "drafts.csv").exists()


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_stray_gold_and_notes_are_skipped_with_a_line_each(jobs, tmp_path, capsys):
    arts = tmp_path / "arts"
    arts.mkdir()
    _article(arts / "a.md", "Gate shut", "Wire A", "Officials closed the Torkham crossing on Sunday after a dispute.")
    (arts / "gold.csv").write_text("doc_id,event_type\na,border_closure\n")
    (arts / "notes.txt").write_text("Chaman was shelled on 3 May 2024.\n")
    assert main(["extract", str(arts), "-o", str(tmp_path / "d.csv"), "--jobs", jobs]) == 0
    err = capsys.readouterr().err
    assert f"skipped: {arts / 'gold.csv'}: a .csv file" in err and f"skipped: {arts / 'notes.txt'}: " in err
    assert "articles read 1, rejected 0; files skipped (no articles) 2;" in err
    assert "Chaman" not in (tmp_path / "d.csv").read_text()


def test_checkpoint_never_lands_on_an_input_the_drafts_or_a_file(tmp_path, capsys):
    # '--checkpoint arts' wrote pickles among the articles (the next run
    # reported them); '--checkpoint d.csv' (the -o file) made it a folder and
    # failed after the whole run; a file there failed with "File exists"
    arts = tmp_path / "arts"
    arts.mkdir()
    _article(arts / "a.md", "Gate shut", "Wire A", "Officials closed the Torkham crossing on Sunday.")
    mine = tmp_path / "mine.txt"
    mine.write_text("precious\n")
    for checkpoint, words in (
        (arts, "is an input"),
        (arts / "ck", "is in an input folder"),
        (tmp_path / "d.csv", "is also the -o file"),
        (mine, "is a file, not a folder"),
    ):
        assert main(["extract", str(arts), "-o", str(tmp_path / "d.csv"), "--checkpoint", str(checkpoint)]) == 1
        assert words in capsys.readouterr().err
    assert sorted(p.name for p in arts.iterdir()) == ["a.md"] and mine.read_text() == "precious\n"
    assert not (tmp_path / "d.csv").exists()


def test_report_dash_is_stdout_as_for_output(tmp_path, capsys, monkeypatch):
    # '--report -' wrote a file named '-' in the current folder; '-o -' meant stdout
    monkeypatch.chdir(tmp_path)
    drafts = tmp_path / "d.csv"
    args = ["extract", str(DATA / "badini_wire.md"), str(tmp_path / "missing.md"), "--quiet"]
    assert main([*args, "-o", str(drafts), "--report", "-"]) == 0
    out = capsys.readouterr().out
    assert not (tmp_path / "-").exists() and drafts.exists()
    assert out.splitlines()[0] == Report().to_csv().splitlines()[0] and "no such file" in out
    # both on stdout would be two CSVs in one stream: refused before anything is read
    assert main([*args, "-o", "-", "--report", "-"]) == 1
    cap = capsys.readouterr()
    assert "both write to stdout" in cap.err and cap.out == "" and not (tmp_path / "-").exists()
