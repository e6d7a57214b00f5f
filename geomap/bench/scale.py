"""Extraction past one process: 1 process, ``--jobs 2`` and a 2-worker Dask cluster, repeated.

``python -m geomap.bench.scale DIR --repeat K`` extracts every article under
``DIR`` with one process, two local processes and a two-worker
``distributed.LocalCluster``, K times *interleaved* (1, 2, D, 1, 2, D, ...)
so that a load spike on the shared machine falls on all three alike. It
checks every run gives the rows of the first one-process run and prints one
JSON line after each repetition (so a run stopped at its time cap still
reports what it finished) and a last one at the end: per backend the median
seconds, MB/s and MB per CPU-second with their spread (min-max), speed-ups
from the medians and per repetition, the load each run ran under
(:mod:`geomap.bench.stats`), and a projection for 10 and 100 GB on 64
workers (:func:`summarise`).

Start-up is outside the throughput clocks (the place finder is built
before; the forked workers of ``--jobs`` inherit it, each repetition's new
cluster has its workers build theirs first) and is reported on its own:
``cluster_start_s`` is the cluster's start plus that warm-up (median). What
is timed is planning, extraction, transfer and ordering. After the last
repetition one *ceiling* run extracts the same partitions on a ``--jobs``
pool whose workers send back only a count: what two busy cores of this
machine give without the drafts' transfer, to tell the machine's limit from
the backends' overhead. The projection divides the volume by the per-worker
rate of the cluster's median run (so its overheads are in it) times 64; the
cluster's start-up comes on top.
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


#: The three backends of a repetition, in the order they run.
CONFIGS = ("one", "jobs", "cluster")


@dataclass
class Timed:
    """One timed extraction: wall seconds, CPU seconds of every process
    involved and of this one alone (the client; with ``local:N`` also the
    scheduler), minor page faults of them all, the drafts CSV and count, and
    what the machine did meanwhile (:func:`geomap.bench.stats.run_record`)."""

    wall: float
    cpu: float
    cpu_client: float
    faults: int
    csv: str
    drafts: int
    machine: dict


def _timed(paths, executor) -> Timed:
    from ..extract import drafts_csv
    from ..parallel import extract_partitioned
    from ..report import Report
    from .stats import cores, run_record, sample

    s0 = sample()
    u0 = _usage()
    t0 = time.perf_counter()
    drafts = extract_partitioned(paths, Report(), executor=executor, progress=False)
    wall = time.perf_counter() - t0
    d = _since(u0, _usage())  # before the executor stops its workers
    cpu = sum(c for c, _ in d.values())
    s1 = sample()
    me = os.getpid()
    return Timed(
        wall,
        cpu,
        d.get(me, (0.0, 0))[0],
        sum(f for _, f in d.values()),
        drafts_csv(drafts),
        len(drafts),
        run_record(s0, s1, cpu, cores()),
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


def _run(config: str, paths, workers: int) -> tuple[Timed, float | None]:
    """One timed run of ``config`` (:data:`CONFIGS`); for the cluster also its start-up seconds."""
    from ..parallel.dask_cluster import DaskExecutor
    from ..parallel.local import ProcessExecutor
    from ..parallel.serial import SerialExecutor
    from ..parallel.work import warm

    if config == "one":
        return _timed(paths, SerialExecutor()), None
    if config == "jobs":
        with ProcessExecutor(workers) as ex:
            return _timed(paths, ex), None
    t0 = time.perf_counter()
    with DaskExecutor(f"local:{workers}") as ex:
        ex.client.run(warm)  # each worker builds its place finder before the clock
        start = time.perf_counter() - t0
        return _timed(paths, ex), start


def measure(folder: Path, workers: int = 2, repeat: int = 3, emit=None) -> dict:
    """Time the three backends ``repeat`` times interleaved on ``folder`` (see
    the module docstring); ``emit(summary)`` after each repetition."""
    import hashlib

    from ..parallel.work import warm
    from .stats import cores, run_record, sample

    nbytes = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
    paths = [str(folder)]
    warm()  # built once here; forked workers inherit it
    raw: dict = {"bytes": nbytes, "workers": workers, "cores": cores(), "repeat": repeat, "runs": []}
    first = None  # the rows of the first one-process run, which every run must give
    for rep in range(repeat):
        for config in CONFIGS:
            t, start = _run(config, paths, workers)
            digest = hashlib.sha256(t.csv.encode("utf-8")).hexdigest()
            first = first or digest
            run = {
                "rep": rep + 1,
                "config": config,
                "wall_s": round(t.wall, 3),
                "cpu_s": round(t.cpu, 3),
                "cpu_client_s": round(t.cpu_client, 3),
                "minor_faults": t.faults,
                "drafts": t.drafts,
                "same_rows": digest == first,
                **t.machine,
            }
            if start is not None:
                run["start_s"] = round(start, 3)
            raw["runs"].append(run)
        if emit is not None:
            emit(summarise(raw))
    s0 = sample()
    wall, cpu, n = _ceiling(paths, workers)
    raw["ceiling"] = {"wall_s": round(wall, 3), "cpu_s": round(cpu, 2), "drafts": n}
    raw["ceiling"].update(run_record(s0, sample(), cpu, raw["cores"]))
    return summarise(raw)


def summarise(raw: dict) -> dict:
    """The figures of the runs in ``raw`` (what :func:`measure` gathers; pure, so
    tested on fixed numbers): per backend the median and spread of seconds,
    MB/s, CPU seconds and MB per CPU-second; speed-ups over one process from
    the medians (what the floors are held to) and per repetition; how many
    runs ran under load; the projection from the cluster's median."""
    from .stats import median, pair_ratios, ratio, spread

    mb = raw["bytes"] / 1e6
    workers = raw["workers"]
    runs = raw["runs"]
    by = {c: [r for r in runs if r["config"] == c] for c in CONFIGS}
    wall = {c: [r["wall_s"] for r in rs] for c, rs in by.items()}
    cpu = {c: [r["cpu_s"] for r in rs] for c, rs in by.items()}
    med = {c: median(v) for c, v in wall.items()}
    # repetitions in which all three ran: the pairs of a per-repetition speed-up
    reps = sorted({r["rep"] for r in runs})
    at = {(r["rep"], r["config"]): r["wall_s"] for r in runs}
    one_at = [at.get((i, "one")) for i in reps]

    def r3(x):
        return None if x is None else round(x, 3)

    def rates(walls):
        return [mb / w for w in walls if w]

    out: dict = {
        "bytes": raw["bytes"],
        "workers": workers,
        "cores": raw["cores"],
        "repeat": raw["repeat"],
        "repetitions": min(len(v) for v in by.values()),
        "runs": runs,
    }
    for c in CONFIGS:
        out[f"{c}_s"] = r3(med[c])
        out[f"{c}_s_range"] = spread(wall[c])
        out[f"mb_per_s_{c}"] = r3(ratio(mb, med[c]))
        out[f"mb_per_s_{c}_range"] = [round(x, 3) for x in spread(rates(wall[c])) or []] or None
    pairs = {c: pair_ratios(one_at, [at.get((i, c)) for i in reps]) for c in ("jobs", "cluster")}
    out.update(
        speedup_jobs=r3(ratio(med["one"], med["jobs"])),
        speedup_cluster=r3(ratio(med["one"], med["cluster"])),
        speedup_jobs_pairs=[r3(x) for x in pairs["jobs"]],
        speedup_cluster_pairs=[r3(x) for x in pairs["cluster"]],
        speedup_jobs_range=[round(x, 3) for x in spread(pairs["jobs"]) or []] or None,
        speedup_cluster_range=[round(x, 3) for x in spread(pairs["cluster"]) or []] or None,
        # CPU seconds of all processes involved (median): the overhead of a
        # backend, and a speed-up bound that the other users of the cores do not move
        cpu_s={c: r3(median(v)) for c, v in cpu.items()},
        cpu_s_range={c: spread(v) for c, v in cpu.items()},
        # MB per CPU-second of all processes: what load on the machine moves least
        mb_per_cpu_s={c: r3(median([mb / x for x in v if x])) for c, v in cpu.items()},
        cpu_client_s={c: r3(median([r["cpu_client_s"] for r in rs])) for c, rs in by.items()},
        minor_faults={c: median([r["minor_faults"] for r in rs]) for c, rs in by.items()},
        same_rows=bool(runs) and all(r["same_rows"] for r in runs),
        drafts=runs[0]["drafts"] if runs else None,
        under_load_runs=sum(bool(r.get("under_load")) for r in runs),
        load_range=spread([x for r in runs for x in (r.get("load_before"), r.get("load_after"))]),
        others_cores_range=spread([r.get("others_cores") for r in runs]),
    )
    cj, cc = out["cpu_s"]["jobs"], out["cpu_s"]["cluster"]
    one_cpu = out["cpu_s"]["one"]
    out["cpu_bound_jobs"] = r3(ratio(workers * one_cpu, cj) if one_cpu else None)
    out["cpu_bound_cluster"] = r3(ratio(workers * one_cpu, cc) if one_cpu else None)
    start = median([r.get("start_s") for r in by["cluster"]])
    if start is not None:
        out["cluster_start_s"] = r3(start)
        out["cluster_start_s_range"] = spread([r.get("start_s") for r in by["cluster"]])
        out["speedup_cluster_with_start"] = r3(ratio(med["one"], (med["cluster"] or 0) + start))
    ceiling = raw.get("ceiling")
    if ceiling:
        out.update(
            ceiling=ceiling,
            ceiling_s=ceiling["wall_s"],
            speedup_ceiling=r3(ratio(med["one"], ceiling["wall_s"])),
            cpu_s_ceiling=ceiling["cpu_s"],
            ceiling_drafts=ceiling["drafts"],
        )
    if med["cluster"]:
        # Projection: the per-worker rate of the cluster's median run, on 64 workers.
        per_worker = mb / med["cluster"] / workers
        out["mb_per_s_per_cluster_worker"] = round(per_worker, 3)
        out["projection"] = {
            f"{gb} GB on {PROJECT_WORKERS} workers": f"{gb * 1000 / (per_worker * PROJECT_WORKERS) / 60:.1f} min"
            for gb in PROJECT_GB
        }
        out["projection_basis"] = (
            f"{per_worker:.2f} MB/s per worker, the median run of the {workers}-worker cluster, "
            f"x {PROJECT_WORKERS} workers, start-up not included: {start or 0:.1f} s here"
        )
    return out


# ------------------------------------------------------------ runner side


def run_case(mb: float, work: Path, budget, cap: float, log, repeat: int = 3) -> dict:
    """The case as :func:`geomap.bench.runner.run_bench` runs it (a child process);
    ``cap`` is the time cap of one repetition."""
    import shutil

    from . import synth
    from .measure import python_argv, run_capped

    folder = work / f"scale-{mb:g}mb"
    files, nbytes = synth.write_corpus(folder, mb, incident_share=synth.ARCHIVE_INCIDENT_SHARE)
    case = {"mb": mb, "files": files, "bytes": nbytes, "incident_share": synth.ARCHIVE_INCIDENT_SHARE}
    # the ceiling run and the first cluster's start on top of the repetitions
    c = budget.cap(cap * repeat + cap / 3)
    if c is None:
        case["status"] = "skipped (time budget spent)"
        return case
    log(
        f"extraction at scale, {mb:g} MB: 1 process, --jobs 2, 2-worker cluster, "
        f"{repeat} repetitions interleaved (cap {c:.0f} s)"
    )
    run = run_capped(python_argv("geomap.bench.scale", folder, "--repeat", repeat), c)
    case.update(status=run.status, process_s=run.seconds, peak_mb=run.peak_mb)
    if run.result:
        # a capped run printed the repetitions it finished
        case.update(run.result)
        if not run.ok:
            case["status"] = f"{run.status} after {run.result.get('repetitions', 0)} of {repeat} repetitions"
    if not run.ok:
        case["error"] = run.stderr_tail[-300:]
    shutil.rmtree(folder, ignore_errors=True)
    return case


def targets(results: dict, add) -> None:
    """Add the floors of issue 15 with ``add(name, value, limit, ok, unit)``: the
    medians of the repetitions (speed-ups as ratios of the medians)."""
    s = results.get("scale") or {}
    k = s.get("repetitions")
    of = f"median of {k}, " if k else ""
    n = s.get("under_load_runs")
    load = f"{n} of {len(s.get('runs', []))} runs under load" if n else None
    for key, label in (("speedup_jobs", "--jobs 2"), ("speedup_cluster", "2-worker Dask cluster")):
        v = s.get(key)
        add(
            f"extraction {label} vs 1 process (speed-up, {of}{s.get('mb', '?')} MB)",
            v,
            SPEEDUP_FLOOR,
            (v or 0) >= SPEEDUP_FLOOR,
            "x",
            load,
        )
    v = s.get("mb_per_s_one")
    add(f"extraction single core, partitioned driver ({of}wall clock)", v, 1.0, (v or 0) >= 1.0, "MB/s", load)
    add("extraction at scale: same rows in every run", s.get("same_rows"), True, bool(s.get("same_rows")), "")


_LABELS = {"one": "1 process", "jobs": "--jobs 2", "cluster": "Dask, 2 workers"}


def markdown(results: dict) -> list[str]:
    from .stats import fmt_range

    s = results.get("scale")
    if not s or "one_s" not in s:
        return [] if not s else ["", f"Extraction at scale: {s.get('status')}."]
    k = s.get("repetitions", 1)
    status = s.get("status", "ok")
    lines = [
        "",
        f"Extraction at scale ({s['mb']:g} MB, {s['files']} files, "
        f"{s.get('incident_share', 1):.0%} of them reporting incidents; {k} repetitions of the three runs, "
        f"interleaved{'' if status == 'ok' else f', {status}'}; same rows in every run: "
        f"{'yes' if s['same_rows'] else '**no**'}). Medians, the spread (min-max) in brackets; speed-ups "
        "are the ratio of the medians (what the floors are held to) and, in brackets, the range of the "
        "repetitions' own ratios:",
        "",
        "| run | s | MB/s | MB per CPU-s | CPU s (all processes) | speed-up |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for c in CONFIGS:
        speed = "1.00" if c == "one" else f"{s[f'speedup_{c}']:.2f} ({fmt_range(s.get(f'speedup_{c}_range'))})"
        mpc = (s.get("mb_per_cpu_s") or {}).get(c)
        cpu = (s.get("cpu_s") or {}).get(c)
        lines.append(
            f"| {_LABELS[c]} | {s[f'{c}_s']:.1f} ({fmt_range(s.get(f'{c}_s_range'), 1)}) "
            f"| {s[f'mb_per_s_{c}']:.2f} ({fmt_range(s.get(f'mb_per_s_{c}_range'))}) "
            f"| {'-' if mpc is None else f'{mpc:.2f}'} "
            f"| {'-' if cpu is None else f'{cpu:.1f}'} ({fmt_range((s.get('cpu_s_range') or {}).get(c), 1)}) "
            f"| {speed} |"
        )
    if "ceiling_s" in s:
        cmb = s["bytes"] / 1e6
        lines.append(
            "| ceiling: --jobs 2, workers send back no drafts (one run, after the repetitions"
            f"{'; **under load**' if s['ceiling'].get('under_load') else ''}) "
            f"| {s['ceiling_s']:.1f} | {cmb / s['ceiling_s']:.2f} "
            f"| {cmb / s['cpu_s_ceiling']:.2f} | {s['cpu_s_ceiling']:.1f} | {s['speedup_ceiling']:.2f} |"
        )
    lines += ["", *_runs_table(s)]
    if "cpu_bound_jobs" in s and s["cpu_bound_jobs"] is not None:
        lines += [
            f"The speed-up two otherwise idle cores would allow at the median CPU cost: --jobs 2 "
            f"{s['cpu_bound_jobs']:.2f}, Dask {s['cpu_bound_cluster']:.2f}.",
            "",
        ]
    if "cpu_client_s" in s:
        c, f = s["cpu_client_s"], s["minor_faults"]
        lines += [
            f"Of which the client process (receiving and ordering the partitions; with Dask also the "
            f"scheduler): --jobs 2 {c['jobs']:.1f}, Dask {c['cluster']:.1f} CPU-s (medians). Minor page "
            f"faults of all processes: 1 process {f['one']:,.0f}, --jobs 2 {f['jobs']:,.0f}, "
            f"Dask {f['cluster']:,.0f}.",
            "",
        ]
    if "cluster_start_s" in s:
        lines += [
            f"Dask cluster start-up (2 worker processes, each building its place finder; a new cluster each "
            f"repetition), outside the rows above: median {s['cluster_start_s']:.1f} s "
            f"({fmt_range(s.get('cluster_start_s_range'), 1)}); with it the speed-up is "
            f"{s['speedup_cluster_with_start']:.2f}.",
            "",
        ]
    if "projection" in s:
        lines.append(
            "Projection ("
            + s["projection_basis"]
            + "): "
            + "; ".join(f"{k}: {v}" for k, v in s["projection"].items())
            + "."
        )
    return lines


def _runs_table(s: dict) -> list[str]:
    """Every run in the order it ran, with the machine's load around it, and the under-load verdict."""
    from .stats import OTHERS_LIMIT, fmt_range

    mb = s["bytes"] / 1e6
    lines = [
        "| repetition | run | s | MB/s | CPU s | load before -> after | other work (cores) | under load |",
        "| ---: | --- | ---: | ---: | ---: | --- | ---: | --- |",
    ]
    for r in s.get("runs", []):
        others = r.get("others_cores")
        lines.append(
            f"| {r['rep']} | {_LABELS[r['config']]} | {r['wall_s']:.1f} | {mb / r['wall_s']:.2f} "
            f"| {r['cpu_s']:.1f} | {r.get('load_before')} -> {r.get('load_after')} "
            f"| {'-' if others is None else f'{others:.2f}'} | {'**yes**' if r.get('under_load') else 'no'} |"
        )
    n, total = s.get("under_load_runs", 0), len(s.get("runs", []))
    lines.append("")
    verdict = (
        f"**Taken under load: {n} of {total} runs** ran with a load average above the machine's "
        f"{s.get('cores')} cores or with other work taking {OTHERS_LIMIT} of a core or more; their wall-clock "
        "figures (seconds, MB/s, speed-ups) are not trustworthy, the MB per CPU-s and CPU seconds move far less."
        if n
        else f"No run ran under load (load average at most the {s.get('cores')} cores, other work under "
        f"{OTHERS_LIMIT} of a core)."
    )
    lines += [
        f"{verdict} Load averages over the runs {fmt_range(s.get('load_range'))} (they count this benchmark's "
        f"own processes too); other work {fmt_range(s.get('others_cores_range'))} cores (the machine's busy "
        "CPU seconds, steal time included, less the run's own, over its wall time).",
        "",
    ]
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Extraction at scale benchmark worker.")
    ap.add_argument("folder", type=Path)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=3, help="repetitions of the three runs, interleaved")
    args = ap.parse_args(argv)

    def emit(summary: dict) -> None:
        print(json.dumps(summary), flush=True)

    emit(measure(args.folder, args.workers, max(1, args.repeat), emit))
    return 0


if __name__ == "__main__":
    sys.exit(main())
