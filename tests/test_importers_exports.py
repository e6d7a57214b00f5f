"""Exports in the shapes analysts download them, written here from the
documented columns with invented rows (no third-party data in the repository)."""

from __future__ import annotations

import csv
import json

import pytest

from geomap.importers import detect, read_dataset
from geomap.report import Report

#: GDELT 2.0 columns as a BigQuery query of gdelt-bq.gdeltv2.events names them (a subset, any order).
BQ_HEADER = (
    "GLOBALEVENTID,SQLDATE,Actor1Name,Actor2Name,EventCode,EventRootCode,NumArticles,ActionGeo_Type,"
    "ActionGeo_FullName,ActionGeo_CountryCode,ActionGeo_ADM1Code,ActionGeo_ADM2Code,ActionGeo_Lat,"
    "ActionGeo_Long,ActionGeo_FeatureID,SOURCEURL"
)
BQ_ROWS = [
    '900001,20251012,BORDER FORCE,MILITANTS,190,19,4,4,"Khyber Pass, Pakistan",PK,PK03,,34.08,71.1,-1,https://example.org/a',
    '900002,20251012,BORDER FORCE,MILITANTS,190,19,2,4,"Khyber Pass, Pakistan",PK,PK03,,34.08,71.1,-1,https://example.org/b',
    '900003,20251013,AIR FORCE,,1951,19,1,2,"Paktika, Afghanistan",AF,AF29,,32.5,68.7,AF29,javascript:alert(1)',
    "900004,20251013,CROWD,,141,14,1,,,,,,,,,",
]


def test_gdelt_queried_from_bigquery_with_a_header(tmp_path):
    # a header row (BigQuery's CSV) made the file unknown: "cannot tell the format"
    path = tmp_path / "bq-results-20251014.csv"
    path.write_text("\n".join([BQ_HEADER, *BQ_ROWS]) + "\n")
    assert detect(path) == "gdelt"
    report = Report()
    got = read_dataset(path, report=report)
    c = got.counts()
    assert (c["rows_read"], c["events"], c["rows_merged"], c["rows_rejected"]) == (4, 2, 1, 1)
    first, strike = got.events
    assert first.event_type == "armed_clash" and len(first.sources) == 2 and first.verified == "draft"
    assert strike.event_type == "airstrike" and strike.geo_precision == 3
    assert got.sources["gdelt:900003"].url == ""  # a javascript: url is no link
    assert got.sources["gdelt:900001"].publisher == "GDELT 2.0"
    (bad,) = report.of_kind("rejected")
    assert bad.line == 5 and "no action geography" in bad.reason


def test_gdelt_bigquery_json_lines_and_a_missing_column(tmp_path):
    names = BQ_HEADER.split(",")
    path = tmp_path / "gdelt.jsonl"
    rows = []
    for line in BQ_ROWS[:3]:
        cells = next(csv.reader([line]))
        row = dict(zip(names, cells))
        row["GLOBALEVENTID"], row["NumArticles"] = int(row["GLOBALEVENTID"]), int(row["NumArticles"])
        rows.append(json.dumps(row))
    path.write_text("\n".join(rows) + "\n")
    got = read_dataset(path, fmt=None, report=Report())
    assert [e.event_type for e in got.events] == ["armed_clash", "airstrike"]
    short = tmp_path / "short.csv"
    short.write_text("GLOBALEVENTID,SQLDATE,EventCode,ActionGeo_Lat,ActionGeo_Long\n1,20251012,190,34,71\n")
    with pytest.raises(Exception, match="actiongeo_type"):
        read_dataset(short, report=Report())


@pytest.mark.parametrize("toll", ["Infinity", "-Infinity", "1e999", '"inf"', "NaN"])
@pytest.mark.parametrize("form", ["jsonl", "geojson"])
def test_a_toll_that_is_no_number_rejects_its_row(tmp_path, toll, form):
    # Python's json reads Infinity and NaN (json.dumps writes them): a toll of Infinity
    # ended the build in an OverflowError traceback. NaN is pandas' missing value: an
    # unknown toll in JSON lines, and now in GeoJSON too (its row was rejected there)
    rows = [("2", 2), (toll, None)]
    if form == "jsonl":
        text = "".join(f'{{"lat": 34.1, "lon": 71.1, "date": "2025-10-01", "fatalities": {t}}}\n' for t, _ in rows)
    else:
        text = (
            '{"type": "FeatureCollection", "features": [\n'
            + ",\n".join(
                '{"type": "Feature", "geometry": {"type": "Point", "coordinates": [71.1, 34.1]}, '
                f'"properties": {{"date": "2025-10-01", "fatalities": {t}}}}}'
                for t, _ in rows
            )
            + "\n]}\n"
        )
    path = tmp_path / f"points.{form}"
    path.write_text(text)
    report = Report()
    got = read_dataset(path, report=report)
    if toll == "NaN":
        assert [e.fatalities for e in got.events] == [2, None] and not report.of_kind("rejected")
        return
    assert [e.fatalities for e in got.events] == [2]
    (bad,) = report.of_kind("rejected")
    assert bad.line == (2 if form == "jsonl" else 3) and bad.column == "fatalities"


@pytest.mark.parametrize(
    "name, raw, said",
    [
        # UCDP offers GED as CSV, Excel, Stata and R: R's files were "binary" or "cannot tell the format"
        ("GEDEvent_v25_1.rds", b"X\n\x00\x00\x00\x03\x00\x04\x04\x00", "an R data file (.rds"),
        ("ged.RData", b"RDX3\nX\n\x00\x00\x00\x03", "an R workspace (.RData"),
        ("acled.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 40, "an Excel 97-2003 workbook (.xls)"),
        ("ged.sav", b"$FL2@(#) SPSS DATA FILE", "an SPSS data file (.sav)"),
        ("ged.parquet", b"PAR1\x15\x04\x15", "a Parquet file"),
    ],
)
def test_formats_geomap_does_not_read_are_named(tmp_path, name, raw, said):
    import gzip

    from geomap.exc import SchemaError

    path = tmp_path / name
    path.write_bytes(gzip.compress(raw) if name.endswith((".rds", ".RData")) else raw)
    with pytest.raises(SchemaError, match="geomap reads CSV, JSON, Excel .xlsx and Stata .dta") as err:
        read_dataset(path, report=Report())
    assert said in str(err.value)


@pytest.mark.parametrize(
    "answer, fmt",
    [
        ('{"status": 200, "success": true, "count": 0, "messages": [], "data": []}', "acled"),
        ('{"TotalCount": 0, "TotalPages": 0, "PreviousPageUrl": "", "NextPageUrl": "", "Result": []}', "ucdp"),
    ],
)
def test_an_api_answer_without_events_is_zero_rows_said(tmp_path, answer, fmt):
    # a query that found nothing (a quiet week) stopped the build as geomap's own
    # format "missing required column(s) event_id, ..."
    path = tmp_path / "answer.json"
    path.write_text(answer)
    assert detect(path) == fmt
    report = Report()
    got = read_dataset(path, report=report)
    assert got.counts()["rows_read"] == 0 and got.events == []
    assert any("holds no events" in p.reason for p in report.of_kind("warning"))


def test_an_empty_json_list_says_so(tmp_path):
    from geomap.exc import SchemaError

    path = tmp_path / "records.json"
    path.write_text("[]\n")
    with pytest.raises(SchemaError, match="empty JSON list"):
        detect(path)
