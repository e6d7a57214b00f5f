"""geomap build with datasets: each fixture builds into a map with every row counted;
joins to curated events; --region/--bbox; the real UCDP GED file from ../shared."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from geomap.geo import geodata_path
from geomap.pipeline import build

DATA = Path(__file__).parent / "data" / "datasets"
#: the real UCDP file lives outside the repository (../shared/data, see its README)
SHARED = Path(os.environ.get("GEOMAP_SHARED", Path(__file__).resolve().parents[2] / "shared"))
UCDP_REAL = SHARED / "data" / "ucdp_ged_pakistan.csv"


def adds_up(s: dict) -> None:
    assert s["rows_read"] == (
        s["events_mapped"]
        + s["rows_rejected"]
        + s["places_not_found"]
        + s["rows_joined"]
        + s["rows_merged"]
        + s["rows_out_of_region"]
    )


def page_data(out: Path) -> dict:
    html = (out / "map.html").read_text(encoding="utf-8")
    start = html.index('id="geomap-data"')
    start = html.index(">", start) + 1
    return json.loads(html[start : html.index("</script>", start)])


@pytest.mark.parametrize(
    "name, read, mapped, merged, rejected",
    [
        ("acled_2024.csv", 5, 4, 0, 1),
        ("acled_1997_2016.csv", 4, 4, 0, 0),
        ("ucdp_ged_extract.csv", 5, 4, 0, 1),
        ("ucdp_ged_r_export.csv", 4, 4, 0, 0),
        ("gdelt1_20251012.export.CSV", 6, 4, 1, 1),
        ("gdelt2_20251020.export.CSV", 4, 2, 1, 1),
        ("points.csv", 4, 3, 0, 1),
        ("points.geojson", 3, 2, 0, 1),
    ],
)
def test_each_dataset_builds_a_map_with_every_row_counted(
    tmp_path, offline_chain, name, read, mapped, merged, rejected
):
    out = tmp_path / "out"
    result = build([DATA / name], out=out, chain=offline_chain)
    s = result.summary()
    assert (s["rows_read"], s["events_mapped"], s["rows_merged"], s["rows_rejected"]) == (
        read,
        mapped,
        merged,
        rejected,
    )
    adds_up(s)
    data = page_data(out)
    assert len(data["events"]) == mapped
    assert all(e["dataset"] not in ("", "curated") for e in data["events"])
    assert all(e["otype"] for e in data["events"])
    assert len((out / "rejected.csv").read_text().splitlines()) == rejected + 1


def test_curated_and_datasets_together_with_licences(tmp_path, offline_chain):
    out = tmp_path / "out"
    result = build(
        [
            geodata_path("events.csv"),
            DATA / "ucdp_ged_extract.csv",
            DATA / "acled_2024.csv",
            DATA / "gdelt2_20251020.export.CSV",
        ],
        out=out,
        chain=offline_chain,
    )
    s = result.summary()
    adds_up(s)
    assert [f["format"] for f in s["files"]] == ["geomap", "ucdp", "acled", "gdelt"]
    licences = page_data(out)["config"]["licences"]
    assert "UCDP GED (CC BY 4.0)" in licences and any("ACLED" in x for x in licences)
    assert any("GDELT" in x for x in licences)
    datasets = {e["dataset"] for e in page_data(out)["events"]}
    assert {"curated", "UCDP GED", "ACLED", "GDELT"} <= datasets
    other = [e for e in page_data(out)["events"] if e["type"] == "other"]
    assert other and all(e["label"] != "Other" for e in other)  # labelled with the source type


def test_an_imported_event_joins_the_curated_one(tmp_path, offline_chain):
    # AFPK-0002: a clash at Torkham on 2023-02-20; a dataset row a day later joins it
    f = tmp_path / "clashes.csv"
    f.write_text(
        "id,latitude,longitude,date,event_type,place\n"
        "c1,34.105,71.09,2023-02-21,armed_clash,Torkham\n"
        "c2,34.105,71.09,2023-02-25,armed_clash,Torkham\n"  # 5 days: not the same
        "c3,34.105,71.09,2023-02-21,talks,Torkham\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = build([geodata_path("events.csv"), f], out=out, chain=offline_chain)
    s = result.summary()
    adds_up(s)
    assert s["rows_joined"] == 1
    ev = next(e for e in page_data(out)["events"] if e["id"] == "AFPK-0002")
    assert "file:clashes.csv:c1" in [x["source_id"] for x in ev["sources"]]
    assert any(p.kind == "merged" and "AFPK-0002" in p.reason for p in result.report.problems)


def test_region_and_bbox_count_what_they_leave_out(tmp_path, offline_chain):
    gdelt = DATA / "gdelt1_20251012.export.CSV"
    s = build([gdelt], out=tmp_path / "a", chain=offline_chain, region=100.0).summary()
    adds_up(s)
    assert (s["events_mapped"], s["rows_out_of_region"]) == (2, 2)
    s = build([gdelt], out=tmp_path / "b", chain=offline_chain, bbox=(50, 20, 75, 37)).summary()
    assert (s["events_mapped"], s["rows_out_of_region"]) == (4, 0)


def test_cli_repeatable_events_format_and_import(tmp_path):
    geomap = [sys.executable, "-m", "geomap"]
    out = tmp_path / "out"
    run = subprocess.run(
        geomap
        + [
            "build",
            "--events",
            str(geodata_path("events.csv")),
            "--events",
            str(DATA / "points.csv"),
            "--format",
            "csv",
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
    )
    # --format forces every file: geomap's own CSV has coordinates only on some rows
    assert run.returncode == 0, run.stderr
    run = subprocess.run(
        geomap + ["build", "--events", str(DATA / "acled_2024.csv"), "--region", "durand:50", "--out", str(out)],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr
    assert "outside the region" in run.stderr
    events = tmp_path / "imp" / "events.csv"
    run = subprocess.run(
        geomap + ["import", str(DATA / "ucdp_ged_extract.csv"), "-o", str(events)], capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    # the written file is geomap's own format and builds as it is
    s = build(events, out=tmp_path / "again").summary()
    assert (s["rows_read"], s["events_mapped"], s["rows_rejected"]) == (4, 4, 0)


@pytest.mark.skipif(not UCDP_REAL.exists(), reason=f"{UCDP_REAL} not found (lives in ../shared)")
def test_real_ucdp_file_every_event_counted_none_dropped(tmp_path, offline_chain):
    out = tmp_path / "out"
    result = build([UCDP_REAL], out=out, chain=offline_chain)
    s = result.summary()
    assert s["rows_read"] == 6416
    assert s["events_mapped"] == 6416 and s["rows_rejected"] == 0
    adds_up(s)
    # 6,416 events: the page carries them compressed; the licence line is in its config
    assert (out / "map.html").stat().st_size > 100_000
    assert result.licences == ["UCDP GED (CC BY 4.0)"]


def test_bench_import_case_runs_both_builds(tmp_path):
    from geomap.bench.importing import import_case

    case = import_case(60, tmp_path, cap=120)
    assert case["acled"]["status"] == "ok" and case["own"]["status"] == "ok"
    assert case["ratio"] is not None and case["cpu_ratio"] is not None and case["import_s"] is not None
    # the same events: the own-format file has every ACLED row
    own = (tmp_path / "own-60" / "events.csv").read_text(encoding="utf-8").splitlines()
    assert len(own) == 61


def test_one_file_given_twice_is_read_once(tmp_path, monkeypatch):
    # '--events x.csv --events ./x.csv' (or a link to it) put every event on the
    # map twice and counted its rows twice
    from geomap.importers.combine import load_all
    from geomap.report import Report

    monkeypatch.chdir(tmp_path)
    (tmp_path / "points.csv").write_bytes((DATA / "points.csv").read_bytes())
    (tmp_path / "link.csv").symlink_to(tmp_path / "points.csv")
    report = Report()
    loaded = load_all(["points.csv", "./points.csv", str(tmp_path / "link.csv")], report=report)
    once = load_all([DATA / "points.csv"])
    assert len(loaded.events.events) == len(once.events.events) == 3
    assert len(loaded.files) == 1
    warned = [p for p in report.of_kind("warning") if "given more than once" in p.reason]
    assert len(warned) == 2 and warned[0].file == "./points.csv"


def test_an_imported_dataset_keeps_its_cells_and_the_build_exports_defuse_them(tmp_path, offline_chain):
    # the README's rule: `geomap import` writes a dataset for geomap (read back
    # by build and accept, as geodata/events.csv), so its cells are the source's
    # own; a "'" there would be part of the note on the map. The spreadsheet-bound
    # exports of the build defuse them.
    import csv

    from geomap.api import import_events

    rows = list(csv.DictReader(open(DATA / "acled_2024.csv", encoding="utf-8", newline="")))
    rows[0]["notes"] = '=HYPERLINK("http://example.invalid","x")'
    rows[0]["actor2"] = "-TTP"
    source = tmp_path / "acled.csv"
    with open(source, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, list(rows[0]), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    mine = tmp_path / "mine" / "events.csv"
    import_events(source, mine)
    imported = {r["event_id"]: r for r in csv.DictReader(open(mine, encoding="utf-8", newline=""))}
    assert imported["PAK90001"]["note"] == rows[0]["notes"] and imported["PAK90001"]["actor2"] == "-TTP"
    build(mine, out=tmp_path / "out", chain=offline_chain)
    exported = {r["event_id"]: r for r in csv.DictReader(open(tmp_path / "out" / "events.csv", encoding="utf-8"))}
    assert exported["PAK90001"]["note"] == "'" + rows[0]["notes"] and exported["PAK90001"]["actor2"] == "'-TTP"
