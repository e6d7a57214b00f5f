"""Partition plans read the same articles, in the same order, as one process."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from geomap.extract.reading import iter_articles
from geomap.parallel.inputs import plan, read_units
from geomap.report import Report

DEV = Path(__file__).parent / "data" / "news_dev"
ARTICLES = Path(__file__).parent / "data" / "articles"


def _articles(paths, block=None):
    report = Report()
    out = []
    for part in plan(paths, block):
        report.extend(part.report)
        out.extend(read_units(part.units, report))
    return out, report


def _key(arts):
    return [(a.doc_id, a.path, a.line, a.title, a.published, a.text) for a in arts]


@pytest.mark.parametrize("block", [None, 1, 4000, 10**9])
def test_plan_reads_what_iter_articles_reads(block, tmp_path):
    paths = [str(DEV), str(ARTICLES), str(tmp_path / "missing.md")]
    ref_report = Report()
    ref = list(iter_articles(paths, ref_report))
    got, report = _articles(paths, block)
    assert _key(got) == _key(ref)
    assert report.problems == ref_report.problems
    assert report.counts == ref_report.counts


@pytest.mark.parametrize("follow", [False, True])
def test_plan_names_and_walks_folders_as_iter_articles_does(follow, tmp_path):
    # two index.md in different folders stay two articles in any partition;
    # links are reported unless followed, as in one process (issue 11, 7 and 19)
    for outlet in ("dawn", "tolo"):
        (tmp_path / "in" / outlet).mkdir(parents=True)
        (tmp_path / "in" / outlet / "index.md").write_text(
            f"---\ntitle: {outlet}\npublished: 2025-03-01\n---\nTorkham was closed on Friday.\n"
        )
    (tmp_path / "in" / "pw").symlink_to("/etc/passwd")
    (tmp_path / "in" / "gone").symlink_to(tmp_path / "nothing")
    paths = [str(tmp_path / "in")]
    if follow:
        from geomap.extract.reading import follow_links

        paths = follow_links(paths)
    ref_report = Report()
    ref = list(iter_articles(paths, ref_report))
    for block in (1, None):
        got, report = _articles(paths, block)
        assert _key(got) == _key(ref)
        assert sorted(map(str, report.problems)) == sorted(map(str, ref_report.problems))
        assert report.counts == ref_report.counts
    assert {"dawn/index", "tolo/index"} <= {a.doc_id for a in got}


def test_one_file_named_twice_is_read_once_as_iter_articles_does(tmp_path):
    # a file and its folder, a link to it, 'a/../a/x.md': each name was an article of its own, and
    # --jobs 2 gave its drafts one doc_id where one process gave two
    folder = tmp_path / "arts"
    folder.mkdir()
    for name in ("one", "two"):
        (folder / f"{name}.md").write_text(f"---\ntitle: {name}\npublished: 2025-03-01\n---\nTorkham was shut.\n")
    (tmp_path / "link.md").symlink_to(folder / "one.md")
    (tmp_path / "hard.md").hardlink_to(folder / "two.md")
    paths = [str(folder), str(folder / "one.md"), str(tmp_path / "link.md"), str(tmp_path / "arts/../arts/two.md")]
    paths += [str(tmp_path / "hard.md"), str(folder)]
    ref_report = Report()
    ref = list(iter_articles(paths, ref_report))
    assert [a.doc_id for a in ref] == ["one", "two"]
    repeats = ref_report.of_kind("rejected")
    assert len(repeats) == 6 and all("read once" in p.reason for p in repeats)
    assert ref_report.counts["articles_read"] == 8 and ref_report.counts["articles_rejected"] == 6
    for block in (1, None):
        got, report = _articles(paths, block)
        assert _key(got) == _key(ref)
        assert report.problems == ref_report.problems and report.counts == ref_report.counts


def _shard(tmp_path, n=40) -> Path:
    lines = []
    for i in range(n):
        lines.append(
            json.dumps(
                {
                    "text": f"Shelling hit Angoor Adda on 3 May 2024, item {i}.",
                    "title": f"t{i}",
                    "published": "2024-05-04",
                }
            )
        )
        if i % 7 == 3:
            lines.append("")  # blank lines are skipped
        if i % 11 == 5:
            lines.append("{not json")  # reported with its line
    path = tmp_path / "shard.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("block", [1, 300, 1000])
def test_jsonl_ranges_keep_line_numbers(block, tmp_path):
    path = _shard(tmp_path)
    ref_report = Report()
    ref = list(iter_articles([path], ref_report))
    parts = plan([str(path)], block)
    assert len(parts) > 1
    got, report = _articles([str(path)], block)
    assert _key(got) == _key(ref)
    assert report.problems == ref_report.problems
    assert report.counts == ref_report.counts


def _parquet(tmp_path, rows, name="news.parquet", row_group_size=3) -> Path:
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    path = tmp_path / name
    pq.write_table(pa.Table.from_pylist(rows), path, row_group_size=row_group_size)
    return path


def test_parquet_rows_are_articles_and_bad_rows_reported(tmp_path):
    rows = [
        {
            "id": f"a{i}",
            "text": f"Clashes at Torkham on {i + 1} May 2024.",
            "title": "T",
            "source": "S",
            "url": "https://example.org/x",
            "published": "2024-05-20",
        }
        for i in range(8)
    ]
    rows[4]["text"] = "  "
    rows[5]["published"] = "yesterday"  # a warning, and the row read without a date (it was rejected)
    rows[6]["id"] = None
    path = _parquet(tmp_path, rows)
    for block in (1, None):
        arts, report = _articles([str(path)], block)
        assert [a.doc_id for a in arts] == ["a0", "a1", "a2", "a3", "a5", "news:7", "a7"]
        assert [a.line for a in arts] == [1, 2, 3, 4, 6, 7, 8] and arts[4].published is None
        assert [(p.line, p.column) for p in report.of_kind("rejected")] == [(5, "text")]
        assert (6, "published") in [(p.line, p.column) for p in report.of_kind("warning")]
        c = report.counts
        assert c["articles_read"] == 8 and c["articles_used"] == 7 and c["articles_rejected"] == 1


def test_a_parquet_file_with_no_rows_is_rejected_as_an_empty_jsonl_is(tmp_path):
    # an empty .jsonl is 'rejected: empty file'; a Parquet file with no rows was counted and said nowhere
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    pq.write_table(pa.table({"text": pa.array([], pa.string())}), tmp_path / "none.parquet")
    (tmp_path / "none.jsonl").write_text("")
    ref = Report()
    assert list(iter_articles([str(tmp_path)], ref)) == []
    for block in (1, None):
        arts, report = _articles([str(tmp_path)], block)
        assert arts == [] and report.problems == ref.problems and report.counts == ref.counts
    said = [(Path(p.file).name, p.reason) for p in ref.of_kind("rejected")]
    assert said == [
        ("none.jsonl", "empty file (no text)"),
        ("none.parquet", "empty file (a Parquet file with no rows)"),
    ]
    assert (ref.counts["articles_read"], ref.counts["articles_rejected"]) == (2, 2)


def test_parquet_strings_written_as_binary_are_read_as_text(tmp_path):
    # older Spark and Impala write strings as BINARY without the UTF-8 annotation: pyarrow gives bytes,
    # and every row was rejected as having no 'text'
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    text = [b"Guards traded fire at Torkham on 2 May 2024.", b"\xff\xfe not text", b"Shells fell on Chaman."]
    table = {"text": text, "id": [b"b1", b"b2", b"b3"], "title": [b"Gate", b"Gate", b"caf\xe9"]}
    pq.write_table(pa.table({k: pa.array(v, pa.binary()) for k, v in table.items()}), tmp_path / "spark.parquet")
    ref = Report()
    one = list(iter_articles([str(tmp_path)], ref))
    assert [(a.doc_id, a.title) for a in one] == [("b1", "Gate"), ("b3", "")]
    assert [(p.line, p.column) for p in ref.of_kind("rejected")] == [(2, "text")]
    assert (
        "title holds bytes that are not UTF-8 (byte 0xe9)"
        in [p for p in ref.of_kind("warning") if p.line == 3][0].reason
    )
    for block in (1, None):
        arts, report = _articles([str(tmp_path)], block)
        assert _key(arts) == _key(one) and report.problems == ref.problems and report.counts == ref.counts


def test_parquet_without_text_column_is_rejected(tmp_path):
    path = _parquet(tmp_path, [{"body": "x"}], name="bad.parquet")
    arts, report = _articles([str(path)])
    assert arts == [] and report.counts["articles_rejected"] == 1
    assert "no 'text' column" in report.problems[0].reason


def test_fsspec_urls_and_globs(tmp_path):
    fsspec = pytest.importorskip("fsspec")
    fs = fsspec.filesystem("memory")
    fs.pipe(
        "/geomap-test/news/a.md",
        b"---\ntitle: A\npublished: 2024-05-04\n---\nClashes erupted at Torkham on 3 May 2024.\n",
    )
    fs.pipe("/geomap-test/news/b.jsonl", b'{"text": "Chaman was shut on 2 May 2024."}\n')
    try:
        arts, report = _articles(["memory://geomap-test/news", "memory://geomap-test/none"])
        assert [a.doc_id for a in arts] == ["a", "b:1"]
        assert arts[0].path == "memory://geomap-test/news/a.md"
        assert [p.reason for p in report.of_kind("rejected")] == ["no such file or folder"]
    finally:
        fs.rm("/geomap-test", recursive=True)
    (tmp_path / "x1.md").write_text("Clashes at Torkham on 3 May 2024.\n")
    (tmp_path / "x2.md").write_text("Clashes at Chaman on 3 May 2024.\n")
    arts, report = _articles([str(tmp_path / "x*.md"), str(tmp_path / "nothing*.md")])
    assert [a.doc_id for a in arts] == ["x1", "x2"]
    assert "no file matches this pattern" in [p.reason for p in report.problems]


def test_parquet_without_pyarrow_says_what_to_install(tmp_path, monkeypatch, capsys):
    # pyarrow is an extra ('geomap[dask]'): a fresh `pip install geomap` lacks it,
    # and `geomap extract news.parquet` ended in a ModuleNotFoundError traceback
    from geomap.cli import main

    path = _parquet(tmp_path, [{"text": "Clashes at Torkham on 1 May 2024.", "published": "2024-05-02"}])
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    assert main(["extract", str(path), "-o", str(tmp_path / "drafts.csv")]) == 1
    err = capsys.readouterr().err
    assert "pip install 'geomap[dask]'" in err and "Traceback" not in err
    assert not (tmp_path / "drafts.csv").exists()


@pytest.mark.parametrize("block", [1, None])
def test_files_known_not_to_be_articles_are_skipped_as_in_one_process(block, tmp_path):
    arts = tmp_path / "arts"
    arts.mkdir()
    (arts / "a.md").write_text("---\npublished: 2025-03-01\n---\nTorkham was shut on Friday.\n")
    (arts / "gold.csv").write_text("doc_id,event_type\na,border_closure\n")
    (arts / "notes.txt").write_text("Chaman was shelled on 3 May 2024.\n")
    (arts / "README.md").write_text("# about\n")
    ref_report = Report()
    ref = list(iter_articles([str(arts)], ref_report))
    got, report = _articles([str(arts)], block)
    assert _key(got) == _key(ref) and len(got) == 1
    assert report.problems == ref_report.problems and len(report.of_kind("skipped")) == 3
    assert report.counts == ref_report.counts
