"""One process, local processes and resumed runs give the same drafts."""

from __future__ import annotations

import json
import os
from functools import partial
from pathlib import Path

import pytest

from geomap.extract import draft_rows, drafts_csv, extract_paths, merge_across_articles
from geomap.geocoders import default_chain
from geomap.parallel import ParallelError, extract_partitioned, make_executor, merge_grouped
from geomap.parallel.local import ProcessExecutor
from geomap.parallel.serial import SerialExecutor
from geomap.parallel.work import extract_partition
from geomap.report import Report

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """Dev articles, a JSON-lines shard with a bad line, a binary file."""
    root = tmp_path_factory.mktemp("corpus")
    lines = [
        json.dumps({"text": p.read_text(encoding="utf-8"), "id": f"j-{p.stem}", "published": "2024-05-04"})
        for p in sorted((DATA / "articles").glob("*.md"))
    ]
    lines.insert(2, "{broken")
    (root / "shard.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "bad.txt").write_bytes(b"\x00\x01binary")
    return [str(DATA / "news_dev"), str(root)]


@pytest.fixture(scope="module")
def reference(corpus):
    out = {}
    for merge in (False, True):
        report = Report()
        drafts = extract_paths(corpus, default_chain(), report, progress=False, merge=merge)
        out[merge] = (drafts_csv(drafts), report)
    return out


def _run(corpus, executor, merge=False, **kw):
    report = Report()
    drafts = extract_partitioned(corpus, report, executor=executor, merge=merge, progress=False, block=20_000, **kw)
    return drafts_csv(drafts), report


@pytest.mark.parametrize("merge", [False, True])
def test_serial_and_two_processes_equal_one_process(corpus, reference, merge):
    ref_csv, ref_report = reference[merge]
    for executor in (SerialExecutor(), ProcessExecutor(2)):
        with executor:
            csv, report = _run(corpus, executor, merge)
        assert csv == ref_csv  # same rows, same order
        assert report.problems == ref_report.problems
        assert report.counts == ref_report.counts


def test_grouped_merge_is_the_merge(corpus):
    drafts = extract_paths(corpus, default_chain(), Report(), progress=False)
    for days in (0, 1, 5):
        ref = merge_across_articles([d for d in drafts], days=days)
        assert draft_rows(merge_grouped(list(drafts), days=days)) == draft_rows(ref)
    assert not any("_geomap_merge_pos" in d.__dict__ for d in drafts)


class _Forbidden(SerialExecutor):
    def run(self, fn, items):
        assert not items, f"{len(items)} partition(s) extracted again"
        return iter(())


def test_resume_skips_written_partitions(corpus, reference, tmp_path):
    ck = tmp_path / "ck"
    executor = SerialExecutor()
    seen = []

    class Interrupted(Exception):
        pass

    def stop_after_two(fn, items):
        for i, item in enumerate(items):
            if i == 2:
                raise Interrupted
            seen.append(item.index)
            yield i, fn(item)

    executor.run = stop_after_two
    with pytest.raises(Interrupted):
        _run(corpus, executor, checkpoint=ck)
    manifest = json.loads((ck / "manifest.json").read_text())
    assert sorted(int(k) for k in manifest["partitions"]) == seen
    # started again: only the missing partitions run
    ran = []

    class Counting(SerialExecutor):
        def run(self, fn, items):
            ran.extend(p.index for p in items)
            return super().run(fn, items)

    csv, report = _run(corpus, Counting(), checkpoint=ck, keep_checkpoint=True)
    assert csv == reference[False][0] and report.counts == reference[False][1].counts
    assert ran and not set(ran) & set(seen)
    # a third run has everything written
    csv, report = _run(corpus, _Forbidden(), checkpoint=ck)
    assert csv == reference[False][0]
    assert not ck.exists()  # removed after success


def _die_once(marker: str, part):
    if part.index == 1 and not os.path.exists(marker):
        open(marker, "w").close()
        os._exit(3)  # the worker process dies as if killed
    return extract_partition(part)


def _die_always(part):
    os._exit(3)


def test_dead_worker_partitions_are_retried(corpus, reference, tmp_path):
    with ProcessExecutor(2) as ex:
        fn = partial(_die_once, str(tmp_path / "died"))
        from geomap.parallel.inputs import plan

        parts = [p for p in plan(corpus, 20_000) if p.units]
        results = dict(ex.run(fn, parts))
    assert (tmp_path / "died").exists()
    assert sorted(results) == list(range(len(parts)))
    drafts = [d for i in sorted(results) for d in results[i].drafts]
    assert drafts_csv(drafts) == reference[False][0]
    with ProcessExecutor(2, retries=1) as ex, pytest.raises(ParallelError, match="died"):
        list(ex.run(_die_always, parts[:1]))


def test_an_article_that_breaks_the_extractor_is_reported(corpus, reference, monkeypatch):
    import importlib

    ex = importlib.import_module("geomap.extract")  # geomap.extract is also the API function

    real = ex.extract_article

    def fragile(art, **kw):
        if art.doc_id == "dev_tirah_drone":
            raise RuntimeError("boom")
        return real(art, **kw)

    monkeypatch.setattr(ex, "extract_article", fragile)
    csv, report = _run(corpus, SerialExecutor())
    bad = [p for p in report.problems if "extraction failed" in p.reason]
    assert len(bad) == 1 and bad[0].file.endswith("dev_tirah_drone.md")
    assert "RuntimeError: boom" in bad[0].reason
    c, ref = report.counts, reference[False][1].counts
    assert c["articles_read"] == c["articles_used"] + c["articles_rejected"]
    assert c["articles_rejected"] == ref["articles_rejected"] + 1
    assert csv.count("\n") < reference[False][0].count("\n")


def test_make_executor_backends():
    assert isinstance(make_executor(1), SerialExecutor)
    with make_executor(0) as ex:
        assert isinstance(ex, ProcessExecutor) and ex.workers >= 1


def _frozen(_item) -> int:
    import gc

    return gc.get_freeze_count()


def test_workers_freeze_what_they_keep_and_the_client_does_not(corpus):
    """A forked worker freezes what it inherited (the collector never walks it
    again); the process that runs one partition after another itself is left
    as it was."""
    import gc

    with ProcessExecutor(2) as ex:
        assert all(n > 0 for _, n in ex.run(_frozen, [0, 1, 2]))
    before = gc.get_freeze_count()
    with SerialExecutor() as ex:
        _run(corpus, ex)
    assert gc.get_freeze_count() == before


def _pid(_item) -> int:
    return os.getpid()


def test_no_more_workers_than_items_and_no_absurd_job_counts(capsys):
    # a forked pool starts every worker at once: '--jobs 999999' on two files forked until the
    # machine stopped answering
    from geomap.cli import main
    from geomap.parallel.local import most_processes

    with ProcessExecutor(most_processes()) as ex:
        pids = {pid for _, pid in ex.run(_pid, [1, 2])}
        assert len(pids) <= 2 and ex._pool._max_workers == 2
    for jobs in (str(most_processes() + 1), "999999", "-1", "two"):
        with pytest.raises(SystemExit):
            main(["extract", str(Path(__file__).parent / "data" / "articles"), "--jobs", jobs, "-o", "-"])
        err = capsys.readouterr().err
        assert "--jobs" in err and "Traceback" not in err


def test_a_local_cluster_of_an_absurd_size_is_refused_before_it_starts():
    pytest.importorskip("distributed")
    from geomap.parallel.dask_cluster import DaskExecutor

    for address in ("local:abc", "local:-2", "local:999999"):
        with pytest.raises(ParallelError, match="expected local:N"):
            DaskExecutor(address)


def test_repeated_records_and_ids_across_partitions_as_in_one_process(tmp_path):
    # --jobs 2 read a record given twice twice and let two records share an id
    # (one process renamed the second): each partition saw only its own lines
    arts = sorted((DATA / "articles").glob("*.md"))
    rows = [{"text": p.read_text(encoding="utf-8"), "id": f"a{i % 4}"} for i, p in enumerate(arts)]
    rows += rows[:3] + [{"text": rows[0]["text"], "published": "2024-05-04"}] * 2 + [{"text": rows[1]["text"]}] * 2
    (tmp_path / "feed.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    paths = [str(tmp_path / "feed.jsonl")]
    ref_report = Report()
    ref = drafts_csv(extract_paths(paths, default_chain(), ref_report, progress=False))
    assert len(ref_report.of_kind("rejected")) == 5 and "read once" in ref_report.of_kind("rejected")[0].reason
    assert any("already used by another article" in p.reason for p in ref_report.of_kind("warning"))
    for executor in (SerialExecutor(), ProcessExecutor(2)):
        with executor:
            for block in (300, 20_000):
                report = Report()
                got = extract_partitioned(paths, report, executor=executor, progress=False, block=block)
                assert drafts_csv(got) == ref
                assert report.problems == ref_report.problems
                assert report.counts == ref_report.counts


def test_a_record_repeated_in_a_remote_feed_is_read_once(tmp_path):
    # a remote file's problems were passed on after all its articles: the
    # repeat check took another article's warning for the repeat's own
    fsspec = pytest.importorskip("fsspec")
    fs = fsspec.filesystem("memory")
    rec = json.dumps({"text": "Mortars hit Chaman on 2 May 2024."}).encode()
    other = json.dumps({"text": "Guards fired at Torkham on 1 May 2024.", "published": "2024-05-03"}).encode()
    fs.pipe("/geomap-rep/news/feed.jsonl", rec + b"\n" + other + b"\n" + rec + b"\n" + b"{bad\n")
    try:
        report = Report()
        extract_partitioned(["memory://geomap-rep/news"], report, progress=False)
    finally:
        fs.rm("/geomap-rep", recursive=True)
    got = [(p.kind, p.line, p.column) for p in report.problems if p.kind != "unlocated"]
    assert got == [("warning", 1, "published"), ("rejected", 3, None), ("rejected", 4, None)]
    assert "the same record as memory://geomap-rep/news/feed.jsonl:1 " in report.of_kind("rejected")[0].reason
    c = report.counts
    assert (c["articles_read"], c["articles_used"], c["articles_rejected"]) == (4, 2, 2)


def test_a_repeat_takes_all_its_reading_warnings_along(tmp_path):
    # a record with a NUL and no date gets two warnings; its repeat in another
    # partition must drop both, as one process never makes them
    rec = json.dumps({"text": "Mortars hit Chaman\u0000 on 2 May 2024."})
    (tmp_path / "f.jsonl").write_text("\n".join([rec, json.dumps({"text": "x" * 400}), rec]) + "\n")
    paths = [str(tmp_path / "f.jsonl")]
    ref = Report()
    extract_paths(paths, default_chain(), ref, progress=False)
    assert [p.line for p in ref.of_kind("warning")] == [1, 1, 2]
    report = Report()
    extract_partitioned(paths, report, progress=False, block=100)
    assert report.problems == ref.problems and report.counts == ref.counts


def _records_with_bad_metadata(tmp_path: Path) -> list[str]:
    """A JSON-lines feed and a Parquet file whose records carry dates that cannot be read."""
    text = "Border guards of the two countries traded fire at Torkham on 2 May 2024, officials said."
    rows = [
        {"id": "ok", "text": text, "published": "2024-05-03"},
        {"id": "amb", "text": text.replace("Torkham", "Chaman"), "published": "03/04/2024"},
        {"id": "bad", "text": text.replace("Torkham", "Angoor Adda"), "published": "yesterday"},
        {"id": "num", "text": text.replace("Torkham", "Ghulam Khan"), "published": 20240503},
        {"id": "list", "text": text.replace("Torkham", "Kharlachi"), "title": ["a", "b"], "published": ""},
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    paths = [str(tmp_path / "feed.jsonl")]
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        return paths
    table = [
        {**r, "id": "pq-" + r["id"], "published": str(r["published"]), "title": str(r.get("title", ""))} for r in rows
    ]
    pq.write_table(pa.Table.from_pylist(table), tmp_path / "rows.parquet")
    return [*paths, str(tmp_path / "rows.parquet")]


def test_a_record_with_a_bad_date_is_read_with_a_warning_as_a_file_is(tmp_path):
    # a JSON line or Parquet row whose published was ambiguous or unreadable was rejected whole, its
    # incidents lost, while the same date in a file's front matter was a warning
    paths = _records_with_bad_metadata(tmp_path)
    report = Report()
    drafts = extract_paths(paths, default_chain(), report, progress=False)
    n = 5 * len(paths)
    c = report.counts
    assert (c["articles_read"], c["articles_used"], c.get("articles_rejected", 0)) == (n, n, 0)
    assert not report.of_kind("rejected")
    assert {d.doc_id for d in drafts} == {
        p + r for p in ("", "pq-")[: len(paths)] for r in ("ok", "amb", "bad", "num", "list")
    }
    said: dict = {}  # every warning of a line and key, in one text
    for p in report.of_kind("warning"):
        key = (Path(p.file).name, p.line, p.column)
        said[key] = said.get(key, "") + p.reason + " | "
    assert (
        "is ambiguous" in said["feed.jsonl", 2, "published"]
        and "no published date from it" in said["feed.jsonl", 2, "published"]
    )
    assert (
        "is not a date" in said["feed.jsonl", 3, "published"] and "is not a date" in said["feed.jsonl", 4, "published"]
    )
    assert said["feed.jsonl", 5, "title"] == "title must be text, got list; ignored | "
    # then, as for a missing date: relative dates are not anchored (one more warning on the line)
    nodate = [p for p in report.of_kind("warning") if p.reason.startswith("no published date:")]
    assert sorted((Path(p.file).name, p.line) for p in nodate if p.file.endswith("jsonl")) == [
        ("feed.jsonl", 2), ("feed.jsonl", 3), ("feed.jsonl", 4), ("feed.jsonl", 5)
    ]  # fmt: skip
    if len(paths) == 2:
        assert "is ambiguous" in said["rows.parquet", 2, "published"]
    ref = drafts_csv(drafts)
    for executor in (SerialExecutor(), ProcessExecutor(2)):
        with executor:
            for block in (300, None):
                got = Report()
                assert (
                    drafts_csv(extract_partitioned(paths, got, executor=executor, progress=False, block=block)) == ref
                )
                assert got.problems == report.problems and got.counts == report.counts
