"""The benchmark at tiny sizes: synthetic inputs, capped child processes, the compact page, one run."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from geomap.bench import synth
from geomap.bench.measure import fit_exponent, python_argv, run_capped
from geomap.curated import load_events
from geomap.schema import EVENT_TYPES

sys.path.insert(0, str(Path(__file__).resolve().parent))  # for conftest_render

CHROMIUM = Path("/usr/bin/chromium")


def test_synthetic_events_are_valid_deterministic_and_cover_every_type(tmp_path):
    ev, src = synth.write_dataset(tmp_path / "a", 300)
    es = load_events(ev, src)
    assert len(es.events) == 300
    assert not es.report.problems
    assert {e.event_type for e in es.events} == set(EVENT_TYPES)
    notes = [len(e.note) for e in es.events]
    assert 150 <= sum(notes) / len(notes) <= 260  # popups of ~200 characters
    assert all(e.sources for e in es.events)
    # some rows carry jittered coordinates, others only a place name to geocode
    assert any(e.latitude is None for e in es.events)
    assert any(e.latitude is not None for e in es.events)
    ev2, _ = synth.write_dataset(tmp_path / "b", 300)
    assert ev.read_bytes() == ev2.read_bytes()


def test_synthetic_corpus_has_the_size_asked_and_yields_drafts(tmp_path):
    files, nbytes = synth.write_corpus(tmp_path, 0.02)
    assert 20_000 <= nbytes < 26_000
    assert len(list(tmp_path.glob("*.md"))) == files
    from geomap.extract import extract_texts
    from geomap.geocoders import default_chain

    drafts = extract_texts(synth.synth_texts(0.005), default_chain())
    assert drafts and all(d.location for d in drafts)


def test_synthetic_mix_holds_articles_with_no_incident(tmp_path):
    # incident_share 1 (the default) writes incident reports only; the
    # benchmark's mix mostly regional news on one beat each, the same every time
    assert not any("Regional news" in t for t in synth.synth_texts(0.05))
    mix = synth.synth_texts(0.2, incident_share=synth.ARCHIVE_INCIDENT_SHARE)
    quiet = [t for t in mix if t.startswith("# Regional news")]
    assert 0.6 < len(quiet) / len(mix) < 0.9
    assert mix == synth.synth_texts(0.2, incident_share=synth.ARCHIVE_INCIDENT_SHARE)
    beats = [next(b for b in synth._QUIET_BEATS if any(s.split("{")[0] in t for s in b)) for t in quiet]
    assert len(set(beats)) == len(synth._QUIET_BEATS)


def test_extraction_table_has_a_header_cell_for_every_column():
    from geomap.bench.report import markdown

    machine = {"cpu": "test", "cores": 2, "ram_gb": 4, "os": "linux", "python": "3", "chromium": None, "folium": "0"}
    case = {"mb": 1, "incident_share": 0.25, "files": 9, "seconds": 2.0, "mb_per_s": 0.5, "mb_per_cpu_s": 0.6}
    lines = markdown({"machine": machine, "extraction": [case]}).splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("| article text MB"))
    header, rule, row = lines[at : at + 3]
    assert header.count("|") == rule.count("|") == row.count("|")
    assert "MB per CPU-s" in header and "| 0.60 |" in row


def test_run_capped_reports_json_peak_memory_and_caps(tmp_path):
    ok = run_capped([sys.executable, "-c", "import json; b = bytearray(30_000_000); print(json.dumps({'n': 1}))"], 30)
    assert ok.status == "ok" and ok.result == {"n": 1}
    assert ok.peak_mb >= 30
    capped = run_capped([sys.executable, "-c", "import time; time.sleep(30)"], 1.0)
    assert capped.status == "capped" and capped.seconds < 10
    failed = run_capped([sys.executable, "-c", "raise SystemExit(3)"], 10)
    assert failed.status == "failed" and failed.returncode == 3


def test_fit_exponent():
    assert fit_exponent([1_000, 10_000, 100_000], [0.5, 5, 50]) == pytest.approx(1.0)
    assert fit_exponent([1, 10], [1, 100]) == pytest.approx(2.0)


def _expand(data: dict) -> list[dict]:
    """Python mirror of geomap.js expand(): compact columns -> event dicts."""
    c, n = data["columns"], data["n"]
    out = [{} for _ in range(n)]
    for key, col in c.items():
        if key == "uid":
            continue
        for i in range(n):
            if key == "sources":
                out[i][key] = [data["sources"][j] for j in col[i]]
            elif isinstance(col, dict):
                out[i][key] = col["values"][col["index"][i]]
            else:
                out[i][key] = col[i]
    for i in range(n):
        out[i]["uid"] = c["uid"].get(str(i), out[i]["id"])
    return out


def test_compact_payload_holds_the_same_events():
    from conftest_render import make_gdf

    from geomap.render.payload import compact_payload, events_payload

    gdf = make_gdf()
    plain = events_payload(gdf)
    compact = compact_payload(gdf)
    assert compact["shapes"] == plain["shapes"]

    def by_uid(events):
        return sorted(events, key=lambda e: e["uid"])

    # the compact payload comes in the page's order (start date, uid)
    assert by_uid(_expand(json.loads(json.dumps(compact)))) == by_uid(json.loads(json.dumps(plain["events"])))


def test_compact_page_is_gzip_base64_and_escaped():
    import base64
    import gzip
    import re

    from conftest_render import event, frame

    from geomap.render import map_from_frame, render_html

    hostile = "</script><!--<script>x</script>\u2028 & {{7*7}}"
    html = render_html(map_from_frame(frame([event("E1", "talks", "2024-01-01", "Kabul", note=hostile)]), compact=True))
    m = re.search(
        r'<script type="application/octet-stream" id="geomap-data" '
        r'data-encoding="gzip-base64-json">([A-Za-z0-9+/=]+)</script>',
        html,
    )
    data = json.loads(gzip.decompress(base64.b64decode(m.group(1))))
    assert _expand(data)[0]["note"] == hostile
    assert hostile not in html and "{{7*7}}" not in html


@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium")
def test_compact_page_in_chromium_has_every_marker_and_filters(tmp_path):
    pytest.importorskip("playwright.sync_api")
    from conftest_render import make_gdf

    from geomap.render import map_from_frame, save_html

    gdf = make_gdf()
    page = save_html(map_from_frame(gdf, compact=True), tmp_path / "map.html")
    run = run_capped(python_argv("geomap.bench.browser", page, "--timeout", "30"), 60)
    assert run.ok, run.stderr_tail
    r = run.result
    top = gdf.event_type.value_counts()
    assert r["events"] == r["markers"] == len(gdf)
    assert r["visible_after_toggle"] == len(gdf) - top.max()
    assert r["blocked_requests"] == 0 and not r["page_errors"]


@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium")
def test_grid_engine_page_filters_and_opens_a_shared_place_popup(tmp_path):
    pytest.importorskip("playwright.sync_api")
    from conftest_render import make_gdf

    from geomap.render import map_from_frame, save_html

    gdf = make_gdf()
    # an event at Torkham, a place many events share: the grid must spread them
    uid = gdf[gdf.location == "Torkham"].event_id.iloc[-1]
    assert (gdf.location == "Torkham").sum() > 1
    page = save_html(map_from_frame(gdf, compact=True, engine="grid"), tmp_path / "map.html")
    run = run_capped(python_argv("geomap.bench.browser", page, "--timeout", "30", "--select", uid), 60)
    assert run.ok, run.stderr_tail
    r = run.result
    assert r["engine"] == "grid"
    assert r["events"] == r["markers"] == len(gdf)
    assert r["visible_after_toggle"] == len(gdf) - gdf.event_type.value_counts().max()
    # the actor and province filters: the most frequent actor's / province's events
    actors = gdf.actor1.fillna("").tolist() + gdf.actor2.fillna("").tolist()
    top_actor = max((a for a in actors if a), key=actors.count)
    assert r["actor_filter_ms"] >= 0 and r["province_filter_ms"] >= 0
    assert r["visible_after_actor"] == ((gdf.actor1 == top_actor) | (gdf.actor2 == top_actor)).sum()
    assert r["visible_after_province"] == gdf.admin1.value_counts().max()
    assert r["select_opened"] and r["selected"] == uid
    assert r["blocked_requests"] == 0 and not r["page_errors"]


def test_bench_runs_end_to_end_at_tiny_sizes(tmp_path):
    from geomap.bench import Caps, run_bench

    browser = CHROMIUM.exists()
    results = run_bench(
        tmp_path / "out",
        sizes=(50,),
        baseline_sizes=(50,),
        corpus_mb=(0.02,),
        scale_mb=0.02,
        browser=browser,
        caps=Caps(build=60, baseline_build=60, browser=45, extract=60, budget=240),
        workdir=tmp_path / "work",
        repeat=2,
    )
    data = json.loads((tmp_path / "out" / "bench.json").read_text())
    assert data["machine"]["cores"] >= 1 and data["machine"]["python"]
    case = data["maps"][0]
    assert case["geomap"]["status"] == "ok" and case["geomap"]["html_mb"] > 0
    assert case["geomap"]["figure_status"] == "ok" and case["geomap"]["svg_mb"] > 0
    assert "| events | figure s (process) |" in results["markdown"]
    assert case["baseline"]["status"] == "ok" and case["baseline"]["build_s"] > 0
    if browser:
        assert case["geomap"]["markers"] == 50
        assert case["geomap"]["ready_s"] > 0 and case["baseline"]["ready_s"] > 0
    assert data["extraction"][0]["status"] == "ok" and data["extraction"][0]["mb_per_s"] > 0
    # the floor's corpus is the archive mix; the all-incident one is shown beside it
    assert data["extraction"][0]["incident_share"] == synth.ARCHIVE_INCIDENT_SHARE
    assert data["extraction_all_incident"][0]["incident_share"] == 1.0
    assert "| 0.02 | 100% |" in results["markdown"] and "| 0.02 | 25% |" in results["markdown"]
    assert data["extraction"][0]["mb_per_cpu_s"] > 0
    assert data["gazetteer"]["found"] == "Torkham"
    # the floors' timings are repeated: builds in a row, the scale case's runs interleaved
    assert case["geomap"]["build_runs"] == 2 and len(case["geomap"]["build_load"]) == 2
    scale = data["scale"]
    assert scale["status"] == "ok" and scale["repetitions"] == 2 and scale["same_rows"]
    assert [(r["rep"], r["config"]) for r in scale["runs"]] == [
        (1, "one"),
        (1, "jobs"),
        (1, "cluster"),
        (2, "one"),
        (2, "jobs"),
        (2, "cluster"),
    ]
    assert all("load_before" in r and "under_load" in r for r in scale["runs"])
    assert "| repetition | run | s |" in results["markdown"]
    assert {t["target"] for t in data["targets"]} and "| events |" in results["markdown"]
    assert (tmp_path / "out" / "bench.md").read_text() == results["markdown"]
    # every row of every table has as many cells as its header
    for table in results["markdown"].split("\n\n"):
        rows = [r for r in table.splitlines() if r.startswith("|")]
        assert len({r.count(" | ") for r in rows}) <= 1, rows


def test_no_test_asserts_on_a_clock():
    """Speed belongs in ``geomap bench``: a test timed against a clock fails on a loaded CI machine.

    Deadlines that bound a wait (``time.monotonic() + 60``) are allowed; measuring an
    operation with ``process_time``/``perf_counter`` and asserting on it is not.
    """
    here = Path(__file__).resolve().parent
    timed = [
        f"{path.name}:{n}"
        for path in sorted(here.glob("test_*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if ("process_time(" in line or "perf_counter(" in line) and "in line" not in line
    ]
    assert not timed, f"timed tests (move the measurement to geomap bench): {timed}"


def test_builds_report_the_median_of_their_runs_and_the_load_of_each():
    from geomap.bench.runner import Budget, Caps, _builds

    ok = [sys.executable, "-c", "pass"]
    run, g = _builds(ok, 10, 3, Budget(60), Caps())
    assert run.ok and g["status"] == "ok" and g["build_runs"] == 3 == len(g["build_load"])
    assert g["build_s"] == sorted(g["build_s_all"])[1]
    assert g["build_s_range"] == [min(g["build_s_all"]), max(g["build_s_all"])]
    assert set(g["build_load"][0]) == {"load_before", "load_after", "others_cores", "under_load"}
    # a failing build stops the series and says so
    run, g = _builds([sys.executable, "-c", "raise SystemExit(2)"], 10, 3, Budget(60), Caps())
    assert not run.ok and g["status"] == "failed" and "build_runs" not in g
