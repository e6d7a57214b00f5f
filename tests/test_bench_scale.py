"""The extraction-at-scale report on fixed runs: medians, speed-ups, spread, load (no clock is read)."""

import pytest

from geomap.bench.report import check_targets, markdown
from geomap.bench.scale import summarise

MACHINE = {"cpu": "test", "cores": 2, "ram_gb": 4, "os": "linux", "python": "3", "chromium": None, "folium": "0"}

#: (one, jobs, cluster) wall seconds of three repetitions on 20 MB
WALLS = [(20.0, 10.5, 12.0), (25.0, 11.0, 11.5), (19.0, 12.0, 10.0)]


def _raw(walls=WALLS, loads=None, rows=None) -> dict:
    runs = []
    for i, rep in enumerate(walls):
        for j, (config, wall) in enumerate(zip(("one", "jobs", "cluster"), rep)):
            k = 3 * i + j
            before, after = (loads or {}).get(k, (0.3, 0.9))
            run = {
                "rep": i + 1,
                "config": config,
                "wall_s": wall,
                "cpu_s": 20.0 if config == "one" else 22.0,
                "cpu_client_s": 0.5,
                "minor_faults": 1000,
                "drafts": 42,
                "same_rows": (rows or {}).get(k, True),
                "load_before": before,
                "load_after": after,
                "others_cores": 0.1,
                "under_load": after > 2,
            }
            if config == "cluster":
                run["start_s"] = 1.5
            runs.append(run)
    return {"bytes": 20_000_000, "workers": 2, "cores": 2, "repeat": len(walls), "runs": runs}


def test_speed_ups_are_ratios_of_the_medians_with_each_repetitions_range():
    s = summarise(_raw())
    assert (s["one_s"], s["jobs_s"], s["cluster_s"]) == (20.0, 11.0, 11.5)
    assert s["one_s_range"] == [19.0, 25.0]
    assert s["mb_per_s_one"] == 1.0 and s["mb_per_s_one_range"] == [0.8, 1.053]
    # 20 / 11 and 20 / 11.5, not the median (nor the mean) of the pairs' ratios
    assert s["speedup_jobs"] == pytest.approx(1.818, abs=1e-3)
    assert s["speedup_cluster"] == pytest.approx(1.739, abs=1e-3)
    assert s["speedup_jobs_pairs"] == [1.905, 2.273, 1.583]
    assert s["speedup_jobs_range"] == [1.583, 2.273]
    assert s["speedup_cluster_range"] == [1.667, 2.174]
    # CPU-time throughput beside wall MB/s
    assert s["mb_per_cpu_s"] == {"one": 1.0, "jobs": 0.909, "cluster": 0.909}
    assert s["cpu_bound_jobs"] == pytest.approx(2 * 20 / 22, abs=1e-3)
    assert s["cluster_start_s"] == 1.5 and s["speedup_cluster_with_start"] == pytest.approx(20 / 13, abs=1e-3)
    assert s["repetitions"] == 3 and s["same_rows"] and s["under_load_runs"] == 0
    assert s["projection_basis"].startswith("0.87 MB/s per worker, the median run")


def test_the_floor_verdict_uses_the_medians():
    # one lucky pair (2.27x) does not make the floor; the medians 1.82x / 1.74x do
    s = summarise(_raw())
    met = {t["target"]: t for t in check_targets({"scale": {"mb": 20, **s}})}
    jobs = next(t for name, t in met.items() if "--jobs 2" in name)
    assert "median of 3" in next(n for n in met if "--jobs 2" in n)
    assert jobs["value"] == s["speedup_jobs"] and jobs["met"]
    slow = summarise(_raw([(20.0, 12.5, 12.0), (25.0, 11.0, 15.0), (19.0, 12.0, 13.0)]))
    met = {t["target"]: t for t in check_targets({"scale": {"mb": 20, **slow}})}
    assert not next(t for n, t in met.items() if "Dask" in n)["met"]  # 20 / 13 = 1.54
    assert next(t for n, t in met.items() if "single core" in n)["value"] == 1.0


def test_runs_under_load_are_counted_and_flagged_in_the_markdown():
    s = summarise(_raw(loads={4: (1.2, 3.4), 7: (2.6, 2.1)}))
    assert s["under_load_runs"] == 2 and s["load_range"] == [0.3, 3.4]
    text = markdown({"machine": MACHINE, "scale": {"mb": 20, "files": 9, "incident_share": 0.25, **s}})
    assert "**Taken under load: 2 of 9 runs**" in text
    rows = [line for line in text.splitlines() if line.startswith("| 2 | --jobs 2 |")]
    assert rows == ["| 2 | --jobs 2 | 11.0 | 1.82 | 22.0 | 1.2 -> 3.4 | 0.10 | **yes** |"]
    # every row of every table has as many cells as its header
    for table in text.split("\n\n"):
        lines = [r for r in table.splitlines() if r.startswith("|")]
        assert len({r.count(" | ") for r in lines}) <= 1, lines
    targets = check_targets({"scale": {"mb": 20, **s}})
    assert next(t for t in targets if "--jobs 2" in t["target"])["under_load"] == "2 of 9 runs under load"
    quiet = markdown({"machine": MACHINE, "scale": {"mb": 20, "files": 9, **summarise(_raw())}})
    assert "No run ran under load" in quiet and "Taken under load" not in quiet
    assert "| --jobs 2 | 11.0 (10.5-12.0) | 1.82 (1.67-1.91) | 0.91 | 22.0 (22.0-22.0) | 1.82 (1.58-2.27) |" in quiet


def test_a_run_with_other_rows_is_reported():
    s = summarise(_raw(rows={5: False}))
    assert not s["same_rows"]
    results = {"machine": MACHINE, "scale": {"mb": 20, "files": 9, **s}}
    results["targets"] = check_targets(results)
    assert "| extraction at scale: same rows in every run | no | yes | **no** |" in markdown(results)


def test_a_capped_run_reports_the_repetitions_it_finished():
    raw = _raw()
    raw["runs"] = raw["runs"][:5]  # the third run of repetition 2 never finished
    s = summarise(raw)
    assert s["repetitions"] == 1 and s["one_s"] == 22.5 and s["cluster_s"] == 12.0
    assert s["speedup_jobs_pairs"] == [1.905, 2.273] and s["speedup_cluster_pairs"] == [1.667, None]
    assert s["speedup_cluster_range"] == [1.667, 1.667]


def test_the_build_floor_is_held_to_the_median_of_its_runs():
    gm = {"status": "ok", "build_s": 9.1, "build_runs": 3, "build_s_range": [8.8, 14.2], "under_load": True}
    results = {"machine": MACHINE, "maps": [{"events": 100_000, "geomap": gm}]}
    t = next(t for t in check_targets(results) if t["target"].startswith("100k events: build"))
    assert t["target"] == "100k events: build (median of 3 processes)" and t["value"] == 9.1 and t["met"]
    results["targets"] = check_targets(results)
    text = markdown(results)
    assert "| 9.10 (8.80-14.20, 3 runs, **under load**) |" in text
    # the verdict stands, and says it was taken under load
    assert (
        "| 100k events: build (median of 3 processes) | 9.10 s | 10.0 s | yes (under load: not trustworthy) |" in text
    )


def test_the_whole_run_says_which_cases_ran_under_load():
    from geomap.bench.runner import _under_load_cases

    results = {
        "maps": [
            {"events": 1000, "geomap": {"under_load": False}},
            {"events": 100_000, "geomap": {"under_load": True}},
        ],
        "extraction": [{"mb": 10, "incident_share": 0.25, "under_load": True}],
        "scale": {"mb": 20, "files": 9, **summarise(_raw(loads={0: (2.5, 2.5)}))},
    }
    flagged = _under_load_cases(results)
    assert flagged == [
        "100,000-event build",
        "extraction 10 MB (25% incidents)",
        "extraction at scale (1 of 9 runs)",
    ]
    text = markdown({"machine": MACHINE, **results, "under_load": flagged})
    assert text.splitlines()[3].startswith("**Taken under load** (")
