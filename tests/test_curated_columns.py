"""Both validation engines of load_events keep the same rows and report the same problems.

The row-wise ``"reference"`` engine (:func:`geomap.curated.event_from_row`)
and the column-wise ``"fast"`` one (:mod:`geomap.curated_columns`) run on
every bad-input file of ``tests/data/bad``, on the curated data, and on
generated tables whose cells mix good values with every kind of bad one
(hypothesis); the kept events, the problems (kind, file, line, column,
reason, value, in order) and the counts must be equal.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geomap import schema
from geomap.curated import load_events
from geomap.exc import SchemaError
from geomap.report import Report

ROOT = Path(__file__).resolve().parents[1]
BAD = sorted((ROOT / "tests" / "data" / "bad").glob("*.csv"))


def _run(events: Path, sources: Path | None, engine: str):
    report = Report()
    try:
        es = load_events(events, sources, report=report, engine=engine)
        kept, error = es.events, None
    except SchemaError as err:
        kept, error = None, str(err)
    return kept, report.problems, list(report.counts.items()), error


def _same(events: Path, sources: Path | None = None):
    ref = _run(events, sources, "reference")
    assert _run(events, sources, "fast") == ref
    return ref


@pytest.mark.parametrize("path", BAD + [ROOT / "geodata" / "events.csv"], ids=lambda p: p.name)
def test_same_on_files(path):
    _same(path)


# cells per column: good values, near misses, and hostile text
GOOD_SOURCES = ["S1", "S2", "S3"]
CELLS = {
    "event_id": st.sampled_from(["E1", "E2", "E3", "E4", "", " E5 "]),
    "event_type": st.sampled_from([*schema.EVENT_TYPES[:3], "other", "Explosion", "", "blast"]),
    "sub_event_type": st.sampled_from(["", "ied", "=cmd"]),
    "event_date": st.sampled_from(
        ["2024-03-01", "2024-02-30", "2024-02", "1799-12-31", "9999-12-29", "2024-1-1", "", "２０２４-01-01"]
    ),
    "date_precision": st.sampled_from(["day", "week", "month", "year", ""]),
    "location": st.sampled_from(["Torkham", "Chaman", "", "torkham"]),
    "country": st.sampled_from(["AF", "PK", "", "IR", "af", "AFG"]),
    "latitude": st.sampled_from(["", "34.1", "70.5", "-91", "nan", "1e3", "34", "３４.1", ".5", "34.", "inf"]),
    "longitude": st.sampled_from(["", "71.1", "34.1", "181", "-70.5", "1_0", "1e-2", "65"]),
    "geo_precision": st.sampled_from(["1", "2", "3", "4", "0", "", "01", "1.0"]),
    "actor1": st.sampled_from(["", "Army", '"quoted"']),
    "fatalities": st.sampled_from(["", "0", "3", "10", "-1", "2.5", "٣", "1000000000"]),
    "fatalities_low": st.sampled_from(["", "0", "2", "5"]),
    "fatalities_high": st.sampled_from(["", "4", "12", "x"]),
    "injuries": st.sampled_from(["", "1", "a"]),
    "sources": st.sampled_from(["S1", "S1;S2", "S1;S1", ";", "", "S9", "S2; S3 ", "bad id"]),
    "verified": st.sampled_from(["", "curated", "draft", "maybe"]),
    "note": st.text(max_size=8),
}


@settings(deadline=None, database=None, max_examples=80, suppress_health_check=[HealthCheck.too_slow])
@given(
    rows=st.lists(st.fixed_dictionaries(CELLS), min_size=1, max_size=25),
    columns=st.lists(st.sampled_from(sorted(CELLS)), unique=True),
    with_sources=st.booleans(),
)
def test_same_on_generated_tables(tmp_path_factory, rows, columns, with_sources):
    folder = tmp_path_factory.mktemp("cols")
    # the required columns always, a drawn subset of the others
    header = [c for c in CELLS if c in schema.EVENT_REQUIRED or c in columns]
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    for row in rows:
        w.writerow([row[c] for c in header])
    events = folder / "events.csv"
    events.write_text(buf.getvalue(), encoding="utf-8")
    sources = folder / "sources.csv"
    if with_sources:
        sources.write_text(
            "source_id,publisher,title,published\n" + "".join(f"{s},P,T,2024-01\n" for s in GOOD_SOURCES),
            encoding="utf-8",
        )
    _same(events, sources)


def test_fast_engine_keeps_rows_of_a_large_table(tmp_path):
    """Most generated rows are bad; this one checks a table of good rows stays whole."""
    lines = ["event_id,event_type,event_date,date_precision,location,country,latitude,longitude,geo_precision,sources"]
    # each row its own day: rows alike but for the id are named in a warning (a row pasted twice)
    lines += [f"E{i},explosion,{2000 + i // 28}-01-{1 + i % 28:02d},day,Torkham,AF,34.1,71.1,2,S1" for i in range(500)]
    events = tmp_path / "events.csv"
    events.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "sources.csv").write_text("source_id,publisher,title,published\nS1,P,T,2024-01\n", encoding="utf-8")
    kept, problems, _, _ = _same(events)
    assert len(kept) == 500 and not problems
