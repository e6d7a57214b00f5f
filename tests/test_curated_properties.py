"""Property tests of the events/sources CSV loader (hypothesis).

Whatever the bytes, loading either raises one of geomap's own errors or
returns events with every row accounted for; whatever it keeps can be placed
and exported without an exception.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from geomap import schema
from geomap.curated import load_events, load_sources
from geomap.exc import GeomapError
from geomap.export import flat_frame, to_geojson_dict
from geomap.geoframe import build_geodataframe
from geomap.report import Report

BAD = Path(__file__).parent / "data" / "bad"
HEADER = ",".join(schema.EVENT_COLUMNS)
# database=None: no .hypothesis/ folder written outside tmp_path
SETTINGS = dict(
    deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    path = tmp_path_factory.mktemp("props")
    (path / "sources.csv").write_bytes((BAD / "sources.csv").read_bytes())
    return path


def load_bytes(folder: Path, data: bytes):
    path = folder / "events.csv"
    path.write_bytes(data)
    report = Report()
    try:
        es = load_events(path, folder / "sources.csv", report=report)
    except GeomapError:
        return None, report
    c = report.counts
    assert c["rows_read"] == c["rows_kept"] + c["rows_rejected"] == len(es.events) + c["rows_rejected"]
    assert c["rows_rejected"] == len(report.of_kind("rejected"))
    for p in report.of_kind("rejected"):
        assert p.file == str(path) and p.reason
        assert p.line is None or p.line >= 2
    for e in es.events:
        e.date_range  # every kept date has a usable interval
    return es, report


#: Cells that are valid, nearly valid, or hostile.
CELLS = st.sampled_from(
    [
        "",
        "OK-9",
        "armed_clash",
        "talks",
        "skirmish",
        "2025-03-01",
        "2025-03",
        "2025-02-30",
        "0001-01-01",
        "9999-12-31",
        "day",
        "week",
        "month",
        "Torkham",
        "Doha",
        "AF",
        "PK",
        "QA",
        "af",
        "34.1",
        "71.09",
        "-91",
        "1e400",
        "nan",
        "inf",
        "1",
        "4",
        "5",
        "S1",
        "S1;S2",
        "S9",
        "curated",
        "draft",
        '=HYPERLINK("x")',
        "<script>alert(1)</script>",
        '"',
        '""',
        "\u2028",
        "\r",
        "\x00",
        "٣",
        "9" * 5000,
        "x" * 300,
    ]
) | st.text(max_size=12)


def row_text(cells: list[str]) -> str:
    out = []
    for c in cells:
        if any(ch in c for ch in ',"\r\n') and not c.startswith('"'):
            c = '"' + c.replace('"', '""') + '"'
        out.append(c)
    return ",".join(out)


@settings(max_examples=500, **SETTINGS)
@given(rows=st.lists(st.lists(CELLS, min_size=15, max_size=22), max_size=6))
def test_structured_rows(folder, rows):
    text = HEADER + "\n" + "\n".join(row_text(r) for r in rows) + "\n"
    load_bytes(folder, text.encode("utf-8", errors="surrogatepass"))


VALID = "E-{i},armed_clash,,2025-03-0{d},day,Chaman,PK,{lat},{lon},1,,,{f},,,,S1,curated,n,"


@settings(max_examples=300, **SETTINGS)
@given(
    rows=st.lists(
        st.tuples(
            st.integers(1, 9),
            st.sampled_from(["", "30.9", "91", "66.4", "-30.9", "1e-9"]),
            st.sampled_from(["", "66.4", "30.9", "181", "-66.4"]),
            st.sampled_from(["", "0", "7", "999999999"]),
        ),
        max_size=8,
    )
)
def test_whatever_is_kept_can_be_placed_and_exported(folder, rows):
    lines = [VALID.format(i=i, d=d, lat=lat, lon=lon, f=f) for i, (d, lat, lon, f) in enumerate(rows)]
    es, _ = load_bytes(folder, (HEADER + "\n" + "\n".join(lines) + "\n").encode())
    gdf, report = build_geodataframe(es, None)
    assert report.counts["events_in"] == len(es.events)
    assert report.counts["events_on_map"] + report.counts["events_unlocated"] == len(es.events)
    to_geojson_dict(gdf)
    flat_frame(gdf)


@settings(max_examples=600, **SETTINGS)
@given(
    parts=st.lists(
        st.sampled_from(list(',"\n\r ab1-:;=\x00\u2028\ufeff') + [HEADER + "\n", "OK-1", "2025-03-01", ",S1,"]),
        max_size=200,
    )
)
def test_arbitrary_text_with_a_header(folder, parts):
    load_bytes(folder, (HEADER + "\n" + "".join(parts)).encode("utf-8"))


@settings(max_examples=500, **SETTINGS)
@given(data=st.binary(max_size=600))
@example(data=b"\xef\xbb\xbf")
@example(data=b"\xff\xfe" + HEADER.encode("utf-16-le"))
@example(data=HEADER.encode() + b"\n" + b'a,"b' * 50)
def test_arbitrary_bytes(folder, data):
    load_bytes(folder, data)


@settings(max_examples=300, **SETTINGS)
@given(text=st.text(max_size=400))
def test_arbitrary_sources(folder, text):
    path = folder / "sources_fuzz.csv"
    path.write_text("source_id,publisher,title,published,url\n" + text, encoding="utf-8", errors="surrogatepass")
    report = Report()
    try:
        sources = load_sources(path, report)
    except GeomapError:
        return
    assert report.counts.get("rows_read", 0) == len(sources) + report.counts.get("rows_rejected", 0)
    for s in sources.values():
        assert not s.url or s.url.lower().startswith(("http://", "https://"))
