"""A real Dask cluster on 127.0.0.1 gives the rows of one process."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from geomap.cli import main

DEV = Path(__file__).parent / "data" / "news_dev"


@pytest.fixture(scope="module")
def cluster():
    """The cluster ``--scheduler local:2`` starts (127.0.0.1), stopped afterwards."""
    pytest.importorskip("distributed")
    from geomap.parallel.dask_cluster import DaskExecutor

    with DaskExecutor("local:2", timeout=60) as ex:
        ex.client.wait_for_workers(2, timeout=60)
        yield ex


def test_cluster_rows_equal_one_process(cluster, tmp_path, capsys):
    one, two = tmp_path / "one.csv", tmp_path / "cluster.csv"
    assert main(["extract", str(DEV), "-o", str(one), "--quiet"]) == 0
    assert (
        main(
            [
                "extract",
                str(DEV),
                "--scheduler",
                cluster.address,
                "-o",
                str(two),
                "--parquet",
                str(tmp_path / "pq"),
            ]
        )
        == 0
    )
    assert two.read_bytes() == one.read_bytes()
    err = capsys.readouterr().err
    assert "Dask dashboard: http://127.0.0.1:" in err
    assert "articles read 30, rejected 0; files skipped (no articles) 2;" in err  # README.md, gold.csv
    import csv

    from geomap.parallel import read_drafts_parquet

    with open(one, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert [r for _, r in read_drafts_parquet(tmp_path / "pq")] == rows


def test_local_cluster_workers_run_with_rare_wake_ups(cluster):
    """``local:N`` workers get :data:`LOCAL_CLUSTER_CONFIG` (one task holds the GIL)."""
    import dask

    from geomap.parallel.dask_cluster import LOCAL_CLUSTER_CONFIG

    assert cluster.workers == 2
    for key, value in LOCAL_CLUSTER_CONFIG.items():
        assert set(cluster.client.run(dask.config.get, key).values()) == {value}, key


def test_local_cluster_workers_freeze_their_place_finder(cluster):
    """A worker that built its place finder froze it (``gc.freeze``): the
    collector does not walk it in the collections of every partition."""
    import gc

    from geomap.parallel.work import warm

    cluster.client.run(warm)
    assert all(n > 0 for n in cluster.client.run(gc.get_freeze_count).values())


def test_scheduler_without_dask_says_how_to_install(monkeypatch, tmp_path, capsys):
    monkeypatch.setitem(sys.modules, "distributed", None)
    code = main(["extract", str(DEV), "--scheduler", "local:2", "-o", str(tmp_path / "x.csv")])
    assert code != 0
    assert "pip install 'geomap[dask]'" in capsys.readouterr().err


def test_unreachable_scheduler_is_an_error():
    pytest.importorskip("distributed")
    import socket

    from geomap.parallel import ParallelError
    from geomap.parallel.dask_cluster import DaskExecutor

    with socket.socket() as s:  # a free port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(ParallelError, match="cannot reach the Dask scheduler"):
        DaskExecutor(f"tcp://127.0.0.1:{port}", timeout=2)


def _die_once(marker: str, part):
    import os

    from geomap.parallel.work import extract_partition

    if part.index == 0 and not os.path.exists(marker):
        open(marker, "w").close()
        os._exit(3)  # the worker process dies; the nanny starts a new one
    return extract_partition(part)


def test_partitions_of_a_dead_worker_are_retried(cluster, tmp_path):
    from functools import partial

    import cloudpickle

    from geomap.extract import drafts_csv, extract_paths
    from geomap.geocoders import default_chain
    from geomap.parallel.dask_cluster import DaskExecutor
    from geomap.parallel.inputs import plan
    from geomap.report import Report

    cloudpickle.register_pickle_by_value(sys.modules[__name__])  # workers cannot import tests/
    try:
        parts = [p for p in plan([str(DEV / "articles")], 40_000) if p.units]
        with DaskExecutor(cluster.address) as ex:
            results = dict(ex.run(partial(_die_once, str(tmp_path / "died")), parts))
    finally:
        cloudpickle.unregister_pickle_by_value(sys.modules[__name__])
    assert (tmp_path / "died").exists()
    drafts = [d for i in sorted(results) for d in results[i].drafts]
    ref = extract_paths([str(DEV / "articles")], default_chain(), Report(), progress=False)
    assert drafts_csv(drafts) == drafts_csv(ref)


# --------------------------------------------- a cluster of `dask` commands


def _stop(procs) -> None:
    """Stop the command-line scheduler and workers: SIGTERM (a worker's
    nanny then stops its worker process), SIGKILL to the group if that hangs."""
    import os
    import signal
    import subprocess

    for p in reversed(procs):
        if p.poll() is None:
            p.terminate()
    for p in reversed(procs):
        try:
            p.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)  # its own session: only what this test started
            p.wait(timeout=10)


@pytest.fixture(scope="module")
def cli_cluster(tmp_path_factory):
    """``dask scheduler`` and two ``dask worker`` processes on 127.0.0.1, as
    one would start them on a real cluster; yields the ``tcp://`` address."""
    distributed = pytest.importorskip("distributed")
    import subprocess
    import time

    folder = tmp_path_factory.mktemp("dask-cli")
    sched_file = folder / "scheduler.json"
    dask = [sys.executable, "-m", "dask"]
    common = {"stdout": subprocess.DEVNULL, "stderr": open(folder / "log.txt", "wb"), "start_new_session": True}
    procs = [
        subprocess.Popen(
            dask
            + ["scheduler", "--host", "127.0.0.1", "--port", "0", "--dashboard-address", "127.0.0.1:0"]
            + ["--scheduler-file", str(sched_file)],
            **common,
        )
    ]
    try:
        deadline = time.monotonic() + 120
        while not sched_file.exists():
            assert procs[0].poll() is None, "dask scheduler exited: " + (folder / "log.txt").read_text()[-2000:]
            assert time.monotonic() < deadline, "dask scheduler did not start in 120 s"
            time.sleep(0.2)
        for n in range(2):
            procs.append(
                subprocess.Popen(
                    dask
                    + ["worker", "--scheduler-file", str(sched_file), "--nthreads", "1", "--nworkers", "1"]
                    + ["--host", "127.0.0.1", "--no-dashboard", "--name", f"geomap-test-{n}", "--death-timeout", "60"],
                    **common,
                )
            )
        with distributed.Client(scheduler_file=str(sched_file), timeout=60) as client:
            client.wait_for_workers(2, timeout=120)
            address = client.scheduler.address
        assert address.startswith("tcp://127.0.0.1:")
        yield address
    finally:
        _stop(procs)
        common["stderr"].close()


def test_dask_command_cluster_rows_equal_one_process(cli_cluster, tmp_path):
    """The form of issue 15: ``geomap extract DIR --scheduler tcp://127.0.0.1:PORT``
    against a scheduler and two workers started with the ``dask`` command."""
    import subprocess

    one, two = tmp_path / "one.csv", tmp_path / "cluster.csv"
    assert main(["extract", str(DEV), "-o", str(one), "--quiet"]) == 0
    run = subprocess.run(
        [sys.executable, "-m", "geomap", "extract", str(DEV), "--scheduler", cli_cluster, "-o", str(two)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert two.read_bytes() == one.read_bytes()
    assert "Dask dashboard: http://127.0.0.1:" in run.stderr
    assert "articles read 30, rejected 0; files skipped (no articles) 2;" in run.stderr


def test_a_record_with_a_bad_date_is_read_on_the_cluster_as_in_one_process(cluster, tmp_path):
    # a JSON line whose published could not be read was rejected whole; now a warning, on every backend
    import json

    from geomap.extract import drafts_csv, extract_paths
    from geomap.geocoders import default_chain
    from geomap.parallel import extract_partitioned
    from geomap.report import Report

    text = "Guards on both sides traded fire at Torkham on 2 May 2024."
    rows = [{"id": "a", "text": text, "published": "03/04/2024"}, {"id": "b", "text": text, "published": "soon"}]
    (tmp_path / "feed.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    one = Report()
    ref = drafts_csv(extract_paths([str(tmp_path)], default_chain(), one, progress=False))
    got = Report()
    assert drafts_csv(extract_partitioned([str(tmp_path)], got, executor=cluster, progress=False)) == ref
    assert got.problems == one.problems and got.counts == one.counts
    assert (got.counts["articles_read"], got.counts["articles_used"]) == (2, 2) and not got.of_kind("rejected")
    assert [(p.line, p.column) for p in got.of_kind("warning")][:2] == [(1, "published"), (1, "published")]
