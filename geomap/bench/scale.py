"""Extraction past one process: 1 process, ``--jobs 2`` and a 2-worker Dask cluster.

``python -m geomap.bench.scale DIR`` extracts every article under ``DIR``
three times in one run -- one process, two local processes, a two-worker
``distributed.LocalCluster`` -- checks the three give the same rows, and
prints one JSON line: seconds, CPU seconds and MB/s of each, speed-ups over
one process, and a projection for 10 and 100 GB on 64 workers. Start-up is outside the
throughput clocks (the place finder is built before; the forked workers of
``--jobs`` inherit it, the cluster's workers build theirs first) and is
reported on its own: ``cluster_start_s`` is the cluster's start plus that
warm-up. What is timed is planning, extraction, transfer and ordering. A
fourth run, the *ceiling*, extracts the same partitions on a ``--jobs`` pool
whose workers send back only a count: what two busy cores of this machine
give without the drafts' transfer, to tell the machine's limit from the
backends' overhead. The
projection divides the volume by the per-worker rate measured on the
2-worker cluster (so its overheads are in it) times 64; the cluster's
start-up comes on top.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path

#: Floors of issue 15 (2 cores): speed-up of 2 workers over 1 process.
SPEEDUP_FLOOR = 1.7
PROJECT_WORKERS = 64
PROJECT_GB = (10, 100)


def _usage() -> dict[int, tuple[float, int]]:
    """CPU seconds (user + system) and minor page faults so far of this
    process and each process under it (pool workers, the cluster's workers;
    its scheduler and nannies run in this one)."""
    import psutil  # comes with distributed

    me = psutil.Process()
    out = {}
    for p in [me, *me.children(recursive=True)]:
        try:
            t = p.cpu_times()
            out[p.pid] = (t.user + t.system, _minor_faults(p.pid))
        except psutil.Error:  # exited meanwhile
            continue
    return out


def _minor_faults(pid: int) -> int:
    """Minor page faults of ``pid`` (Linux ``/proc``; 0 elsewhere): pages a
    forked worker copies when it writes to what it shares with its parent."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            stat = f.read()
    except OSError:
        return 0
    return int(stat[stat.rindex(")") + 2 :].split()[7])


def _since(u0: dict[int, tuple[float, int]], u1: dict[int, tuple[float, int]]) -> dict[int, tuple[float, int]]:
    """Per process, the CPU seconds and faults of :func:`_usage` ``u1`` less
    ``u0`` (a process started meanwhile counts from zero)."""
    return {pid: (c - u0.get(pid, (0.0, 0))[0], f - u0.get(pid, (0.0, 0))[1]) for pid, (c, f) in u1.items()}


@dataclass
class Timed:
    """One timed extraction: wall seconds, CPU seconds of every process
    involved and of this one alone (the client; with ``local:N`` also the
    scheduler), minor page faults of them all, the drafts CSV and count."""

    wall: float
    cpu: float
    cpu_client: float
    faults: int
    csv: str
    drafts: int


def _timed(paths, executor) -> Timed:
    from ..extract import drafts_csv
    from ..parallel import extract_partitioned
    from ..report import Report

    u0 = _usage()
    t0 = time.perf_counter()
    drafts = extract_partitioned(paths, Report(), executor=executor, progress=False)
    wall = time.perf_counter() - t0
    d = _since(u0, _usage())  # before the executor stops its workers
    me = os.getpid()
    return Timed(
        wall,
        sum(c for c, _ in d.values()),
        d.get(me, (0.0, 0))[0],
        sum(f for _, f in d.values()),
        drafts_csv(drafts),
        len(drafts),
    )


def _count_drafts(part) -> int:
    """Extract one partition on a worker and send back only its number of drafts."""
    from ..parallel.work import extract_partition

    return len(extract_partition(part).drafts)


def _ceiling(paths, workers: int) -> tuple[float, float, int]:
    """Wall and CPU seconds of the partitions extracted on a ``--jobs`` pool
    whose workers send back only a count: the parallel run less the drafts'
    transfer and the client's ordering, i.e. what two busy cores give here
    (they share caches and memory; on a VM perhaps more). Also the count."""
    from ..parallel.inputs import plan
    from ..parallel.local import ProcessExecutor

    u0 = _usage()
    t0 = time.perf_counter()
    with ProcessExecutor(workers) as ex:
        parts = [p for p in plan(paths) if p.units]
        n = sum(c for _, c in ex.run(_count_drafts, parts))
        wall = time.perf_counter() - t0
        u1 = _usage()
    return wall, sum(c for c, _ in _since(u0, u1).values()), n


def measure(folder: Path, workers: int = 2) -> dict:
    """Time the three backends on ``folder`` (see the module docstring)."""
    from ..parallel.dask_cluster import DaskExecutor
    from ..parallel.local import ProcessExecutor
    from ..parallel.serial import SerialExecutor
    from ..parallel.work import warm

    nbytes = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
    paths = [str(folder)]
    warm()  # built once here; forked workers inherit it
    # wall-clock speed-ups mean little on a busy machine: keep the load with them
    out: dict = {"bytes": nbytes, "workers": workers, "load_avg_at_start": os.getloadavg()[0]}
    one = _timed(paths, SerialExecutor())
    ceiling_s, ceiling_cpu, ceiling_drafts = _ceiling(paths, workers)
    with ProcessExecutor(workers) as ex:
        jobs = _timed(paths, ex)
    t0 = time.perf_counter()
    with DaskExecutor(f"local:{workers}") as ex:
        ex.client.run(warm)  # each worker builds its place finder before the clock
        start = time.perf_counter() - t0
        cluster = _timed(paths, ex)
    t1, tj, tc = one.wall, jobs.wall, cluster.wall
    runs = {"one": one, "jobs": jobs, "cluster": cluster}
    mb = nbytes / 1e6
    out.update(
        one_s=round(t1, 3),
        jobs_s=round(tj, 3),
        cluster_s=round(tc, 3),
        mb_per_s_one=round(mb / t1, 3),
        mb_per_s_jobs=round(mb / tj, 3),
        mb_per_s_cluster=round(mb / tc, 3),
        speedup_jobs=round(t1 / tj, 3),
        speedup_cluster=round(t1 / tc, 3),
        # CPU seconds of all processes involved: the overhead of a backend,
        # and a speed-up bound that the other users of the cores do not move
        cpu_s={k: round(r.cpu, 2) for k, r in runs.items()},
        # of which the client (receiving, ordering; with local:N the scheduler)
        cpu_client_s={k: round(r.cpu_client, 2) for k, r in runs.items()},
        minor_faults={k: r.faults for k, r in runs.items()},
        # the machine's own limit: the same pool, nothing sent back
        ceiling_s=round(ceiling_s, 3),
        speedup_ceiling=round(t1 / ceiling_s, 3),
        cpu_s_ceiling=round(ceiling_cpu, 2),
        cpu_bound_jobs=round(workers * one.cpu / jobs.cpu, 3),
        cpu_bound_cluster=round(workers * one.cpu / cluster.cpu, 3),
        cluster_start_s=round(start, 3),
        speedup_cluster_with_start=round(t1 / (tc + start), 3),
        same_rows=one.csv == jobs.csv == cluster.csv,
        drafts=one.drafts,
        ceiling_drafts=ceiling_drafts,
        load_avg_at_end=os.getloadavg()[0],
    )
    # Projection: the per-worker rate the cluster reached here, on 64 workers.
    per_worker = mb / tc / workers
    out["mb_per_s_per_cluster_worker"] = round(per_worker, 3)
    out["projection"] = {
        f"{gb} GB on {PROJECT_WORKERS} workers": f"{gb * 1000 / (per_worker * PROJECT_WORKERS) / 60:.1f} min"
        for gb in PROJECT_GB
    }
    out["projection_basis"] = (
        f"{per_worker:.2f} MB/s per worker measured on the {workers}-worker cluster x {PROJECT_WORKERS} workers, "
        f"start-up not included: {start:.1f} s here"
    )
    return out


# ------------------------------------------------------------ runner side


def run_case(mb: float, work: Path, budget, cap: float, log) -> dict:
    """The case as :func:`geomap.bench.runner.run_bench` runs it (a child process)."""
    import shutil

    from . import synth
    from .measure import python_argv, run_capped

    folder = work / f"scale-{mb:g}mb"
    files, nbytes = synth.write_corpus(folder, mb, incident_share=synth.ARCHIVE_INCIDENT_SHARE)
    case = {"mb": mb, "files": files, "bytes": nbytes, "incident_share": synth.ARCHIVE_INCIDENT_SHARE}
    c = budget.cap(cap)
    if c is None:
        case["status"] = "skipped (time budget spent)"
        return case
    log(f"extraction at scale, {mb:g} MB: 1 process, --jobs 2, 2-worker cluster (cap {c:.0f} s)")
    run = run_capped(python_argv("geomap.bench.scale", folder), c)
    case.update(status=run.status, process_s=run.seconds, peak_mb=run.peak_mb)
    if run.ok:
        case.update(run.result)
    else:
        case["error"] = run.stderr_tail[-300:]
    shutil.rmtree(folder, ignore_errors=True)
    return case


def targets(results: dict, add) -> None:
    """Add the floors of issue 15 with ``add(name, value, limit, ok, unit)``."""
    s = results.get("scale") or {}
    for key, label in (("speedup_jobs", "--jobs 2"), ("speedup_cluster", "2-worker Dask cluster")):
        v = s.get(key)
        add(
            f"extraction {label} vs 1 process (speed-up, {s.get('mb', '?')} MB)",
            v,
            SPEEDUP_FLOOR,
            (v or 0) >= SPEEDUP_FLOOR,
            "x",
        )
    v = s.get("mb_per_s_one")
    add("extraction single core, partitioned driver", v, 1.0, (v or 0) >= 1.0, "MB/s")
    add("extraction at scale: same rows in all three runs", s.get("same_rows"), True, bool(s.get("same_rows")), "")


def markdown(results: dict) -> list[str]:
    s = results.get("scale")
    if not s or "one_s" not in s:
        return [] if not s else ["", f"Extraction at scale: {s.get('status')}."]
    lines = [
        "",
        f"Extraction at scale ({s['mb']:g} MB, {s['files']} files, "
        f"{s.get('incident_share', 1):.0%} of them reporting incidents; same rows: "
        f"{'yes' if s['same_rows'] else '**no**'}):",
        "",
        "| run | s | MB/s | speed-up |",
        "| --- | ---: | ---: | ---: |",
        f"| 1 process | {s['one_s']:.1f} | {s['mb_per_s_one']:.2f} | 1.00 |",
        f"| --jobs 2 | {s['jobs_s']:.1f} | {s['mb_per_s_jobs']:.2f} | {s['speedup_jobs']:.2f} |",
        f"| Dask, 2 workers | {s['cluster_s']:.1f} | {s['mb_per_s_cluster']:.2f} | {s['speedup_cluster']:.2f} |",
    ]
    if "ceiling_s" in s:
        lines.append(
            f"| ceiling: --jobs 2, workers send back no drafts | {s['ceiling_s']:.1f} | "
            f"{s['bytes'] / 1e6 / s['ceiling_s']:.2f} | {s['speedup_ceiling']:.2f} |"
        )
    lines.append("")
    if "cpu_s" in s:
        c = s["cpu_s"]
        lines += [
            f"CPU seconds of all processes (client, scheduler, workers): 1 process {c['one']:.1f}, "
            f"--jobs 2 {c['jobs']:.1f}, Dask {c['cluster']:.1f}; the speed-up two otherwise idle cores "
            f"would allow at that CPU cost: --jobs 2 {s['cpu_bound_jobs']:.2f}, Dask {s['cpu_bound_cluster']:.2f}.",
            "",
        ]
    if "cpu_client_s" in s:
        c, f = s["cpu_client_s"], s["minor_faults"]
        lines += [
            f"Of which the client process (receiving and ordering the partitions; with Dask also the "
            f"scheduler): --jobs 2 {c['jobs']:.1f}, Dask {c['cluster']:.1f} CPU-s. Minor page faults of "
            f"all processes: 1 process {f['one']:,}, --jobs 2 {f['jobs']:,}, Dask {f['cluster']:,}.",
            "",
        ]
    if "cluster_start_s" in s:
        lines += [
            f"Dask cluster start-up (2 worker processes, each building its place finder), outside the "
            f"row above: {s['cluster_start_s']:.1f} s; with it the speed-up is "
            f"{s['speedup_cluster_with_start']:.2f}. Load average {s['load_avg_at_start']:.1f} at the "
            f"start, {s.get('load_avg_at_end', float('nan')):.1f} at the end (2 cores).",
            "",
        ]
    lines.append(
        "Projection ("
        + s["projection_basis"]
        + "): "
        + "; ".join(f"{k}: {v}" for k, v in s["projection"].items())
        + "."
    )
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Extraction at scale benchmark worker.")
    ap.add_argument("folder", type=Path)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args(argv)
    print(json.dumps(measure(args.folder, args.workers)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
