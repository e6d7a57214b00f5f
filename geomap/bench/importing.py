"""Benchmark case: a build from an ACLED-format export vs the same events in geomap's format.

The synthetic events of :func:`geomap.bench.synth.synth_events` are written
as an ACLED export (today's lower-case columns, our types mapped to ACLED's
with :func:`geomap.schema.acled_types`, dates in ACLED's several forms), then
converted with ``geomap import`` into geomap's own ``events.csv`` +
``sources.csv``. Both are built with ``geomap build`` as separate processes;
the figure is ``imported build s / own-format build s`` (issue 12: at most 1.5
at 100,000 rows), in wall-clock and in CPU seconds.

``python -m geomap.bench.importing 100000`` runs the case alone and prints its JSON.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import random
import sys
import tempfile
from pathlib import Path

from ..schema import acled_types
from .measure import python_argv, run_capped
from .synth import SEED, gazetteer_places, synth_events

ACLED_HEADER = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)
_COUNTRY = {"AF": ("Afghanistan", "4"), "PK": ("Pakistan", "586")}
_PRECISION = {"day": "1", "week": "2", "month": "3"}


def _acled_date(day: dt.date, form: int) -> str:
    if form == 0:
        return day.isoformat()
    if form == 1:
        return f"{day.day}-{day.strftime('%b')}-{day.strftime('%y')}"
    return f"{day.day} {day.strftime('%B')} {day.year}"


def write_acled(path: str | Path, n: int, seed: int = SEED) -> Path:
    """Write ``n`` synthetic events as an ACLED export to ``path``."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    events, _ = synth_events(n, seed)
    places = {p.name: p for p in gazetteer_places()}
    rng = random.Random(seed + 1)
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(ACLED_HEADER)
        for i, e in enumerate(events):
            etype, sub = acled_types(e["event_type"], e["sub_event_type"])
            day = dt.date.fromisoformat(e["event_date"] if len(e["event_date"]) == 10 else e["event_date"] + "-01")
            p = places[e["location"]]
            country, iso = _COUNTRY.get(e["country"] or p.country, ("Pakistan", "586"))
            lat = e["latitude"] or f"{p.lat:.4f}"
            lon = e["longitude"] or f"{p.lon:.4f}"
            gp = min(int(e["geo_precision"]), 3)
            w.writerow(
                (
                    f"SYN{i:07d}",
                    _acled_date(day, i % 3),
                    day.year,
                    _PRECISION[e["date_precision"]],
                    "Political violence",
                    etype,
                    sub,
                    e["actor1"],
                    "",
                    "1",
                    e["actor2"],
                    "",
                    "2",
                    "12",
                    "",
                    iso,
                    "Caucasus and Central Asia",
                    country,
                    "",
                    "",
                    "",
                    e["location"],
                    lat,
                    lon,
                    gp,
                    rng.choice(("Frontier Ledger", "Valley Radio")),
                    "National",
                    e["note"],
                    e["fatalities"] or "0",
                    "",
                    1_700_000_000 + i,
                )
            )
    return path


def import_case(n: int, work: str | Path, cap: float = 120.0) -> dict:
    """Time ``geomap build`` of ``n`` ACLED rows and of the same events in geomap's format."""
    work = Path(work)
    acled = write_acled(work / f"acled-{n}.csv", n)
    own = work / f"own-{n}" / "events.csv"
    case: dict = {"events": n, "acled_csv_mb": round(acled.stat().st_size / 1e6, 2)}
    conv = run_capped(python_argv("geomap", "import", acled, "-o", own), cap)
    case["import_s"] = conv.seconds if conv.ok else None
    if not conv.ok:
        case["error"] = conv.stderr_tail[-300:]
        return case
    for key, events in (("acled", acled), ("own", own)):
        run = run_capped(python_argv("geomap", "build", "--events", events, "--out", work / f"out-{key}-{n}"), cap)
        case[key] = {"status": run.status, "build_s": run.seconds, "cpu_s": run.cpu_s, "peak_mb": run.peak_mb}
        if not run.ok:
            case[key]["error"] = run.stderr_tail[-300:]
    a, o = case["acled"].get("build_s"), case["own"].get("build_s")
    both = case["acled"]["status"] == "ok" and case["own"]["status"] == "ok"
    case["ratio"] = round(a / o, 2) if both and a and o else None
    # CPU seconds: what the ratio is when other work shares the cores
    ca, co = case["acled"].get("cpu_s"), case["own"].get("cpu_s")
    case["cpu_ratio"] = round(ca / co, 2) if both and ca and co else None
    return case


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    n = int(argv[0]) if argv else 100_000
    with tempfile.TemporaryDirectory(prefix="geomap-bench-import-") as tmp:
        print(json.dumps(import_case(n, tmp), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
