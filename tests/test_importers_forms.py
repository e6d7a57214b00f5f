"""geomap.importers.files: the forms analysts download datasets in (compressed,
Excel, API JSON, JSON lines, Stata, CSV dialects), each read with every row counted."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import zipfile
from pathlib import Path

import pytest

from geomap.exc import SchemaError
from geomap.importers import detect, read_dataset
from geomap.importers.base import parse_day
from geomap.importers.files import norm, open_table, sniff_delimiter
from geomap.report import Report

DATA = Path(__file__).parent / "data" / "datasets"
SHARED = Path(__file__).resolve().parents[2] / "shared"
UCDP_REAL = SHARED / "data" / "ucdp_ged_pakistan.csv"


def read(path, **kw):
    report = Report()
    imported = read_dataset(path, report=report, **kw)
    # nothing lost: every record is an event, merged into one, or rejected with file and line
    assert imported.rows_read == len(imported.events) + imported.rows_merged + imported.rows_rejected
    rejected = report.of_kind("rejected")
    assert len(rejected) == imported.rows_rejected
    assert all(p.file and p.line for p in rejected)
    return imported, report


def baseline(name):
    imported, _ = read(DATA / name)
    return [(e.event_id, e.event_type, e.event_date, e.latitude, e.longitude, e.fatalities) for e in imported.events]


def same(imported, name):
    got = [(e.event_id, e.event_type, e.event_date, e.latitude, e.longitude, e.fatalities) for e in imported.events]
    assert got == baseline(name)


# ---------------------------------------------------------------- compressed


@pytest.mark.parametrize("name", ["acled_2024.csv", "ucdp_ged_extract.csv", "gdelt2_20251020.export.CSV"])
def test_gzip_reads_as_the_plain_file(tmp_path, name):
    gz = tmp_path / (name + ".gz")
    gz.write_bytes(gzip.compress((DATA / name).read_bytes()))
    imported, _ = read(gz)
    assert imported.form.startswith("gzip > ")
    same(imported, name)


def test_ucdp_zip_single_csv_inside_and_version_from_the_member(tmp_path):
    z = tmp_path / "ged251-csv.zip"
    with zipfile.ZipFile(z, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.write(DATA / "ucdp_ged_extract.csv", "GEDEvent_v25_1.csv")
        zf.writestr("__MACOSX/._GEDEvent_v25_1.csv", b"junk")
    assert detect(z) == "ucdp"
    imported, _ = read(z)
    assert imported.file == f"{z}:GEDEvent_v25_1.csv"
    assert imported.events[0].sources and "25.1" in next(iter(imported.sources.values())).publisher
    same(imported, "ucdp_ged_extract.csv")


def test_zip_with_several_files_is_refused_in_one_line_and_a_member_can_be_named(tmp_path):
    z = tmp_path / "two.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.write(DATA / "acled_2024.csv", "acled_2024.csv")
        zf.write(DATA / "points.csv", "points.csv")
    with pytest.raises(SchemaError) as err:
        detect(z)
    assert "2 data files" in str(err.value) and "two.zip:MEMBER" in str(err.value) and "\n" not in str(err.value)
    imported, _ = read(f"{z}:points.csv")
    assert imported.format == "csv" and imported.file.endswith("two.zip:points.csv")
    with pytest.raises(SchemaError, match="no single member 'nope.csv'"):
        read(f"{z}:nope.csv")


def test_zip_readme_beside_the_csv_is_not_data(tmp_path):
    z = tmp_path / "20251020.export.CSV.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.write(DATA / "gdelt2_20251020.export.CSV", "20251020.export.CSV")
        zf.writestr("README.txt", "about this file")
    imported, _ = read(z)
    assert imported.format == "gdelt"
    same(imported, "gdelt2_20251020.export.CSV")


def test_broken_archives_say_what_was_expected(tmp_path):
    bad = tmp_path / "bad.csv.gz"
    bad.write_bytes(b"\x1f\x8b" + b"not gzip at all")
    with pytest.raises(SchemaError, match="not a readable gzip file"):
        detect(bad)
    empty = tmp_path / "empty.zip"
    with zipfile.ZipFile(empty, "w"):
        pass
    with pytest.raises(SchemaError, match="no CSV, JSON or Excel file"):
        detect(empty)


def test_an_archive_unpacking_past_the_cap_is_refused(tmp_path, monkeypatch):
    from geomap.importers import files

    monkeypatch.setattr(files, "MAX_UNPACKED", 100)
    gz = tmp_path / "big.csv.gz"
    gz.write_bytes(gzip.compress((DATA / "acled_2024.csv").read_bytes()))
    z = tmp_path / "big.zip"
    with zipfile.ZipFile(z, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.write(DATA / "acled_2024.csv", "acled.csv")
    for path in (gz, z):
        with pytest.raises(SchemaError, match="unpacks to more than"):
            detect(path)


@pytest.mark.skipif(not UCDP_REAL.exists(), reason=f"{UCDP_REAL} not found (lives in ../shared)")
def test_real_ucdp_file_zipped_as_ucdp_ships_it(tmp_path):
    z = tmp_path / "ged251-csv.zip"
    with zipfile.ZipFile(z, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.write(UCDP_REAL, "GEDEvent_v25_1.csv")
    imported, report = read(z)
    plain, _ = read(UCDP_REAL)
    assert imported.rows_read == plain.rows_read == 6416
    assert len(imported.events) == len(plain.events) and imported.rows_rejected == plain.rows_rejected
    # its source texts quote dates like 9/24/1993; its own date columns are ISO: nothing to say
    assert not any("slashes" in p.reason for p in report.problems)


# ---------------------------------------------------------------- Excel


def _xlsx(path, rows, sheets=None):
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Data"
    for r in rows:
        ws.append(r)
    for title, extra in (sheets or {}).items():
        other = wb.create_sheet(title)
        for r in extra:
            other.append(r)
    wb.save(path)


def test_acled_aggregated_excel_dates_as_dates_and_serial_numbers(tmp_path):
    lines = (DATA / "acled_aggregated_weekly.csv").read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    rows = [header]
    for i, line in enumerate(lines[1:]):
        cells = line.split(",")
        day = dt.date.fromisoformat(cells[0])
        # a date cell, then a date saved as its serial number (a column formatted as a number)
        cells[0] = dt.datetime(day.year, day.month, day.day) if i % 2 == 0 else (day - dt.date(1899, 12, 30)).days
        rows.append([int(c) if isinstance(c, str) and c.isdigit() else c for c in cells])
    book = tmp_path / "Asia-Pacific_aggregated_data_up_to_week_of-2025-09-13.xlsx"
    _xlsx(book, rows, {"Notes": [["read me"]]})
    assert detect(book) == "acled-aggregated"
    imported, report = read(book)
    csv_version, _ = read(DATA / "acled_aggregated_weekly.csv")
    assert [(e.event_id, e.event_date) for e in imported.events] == [
        (e.event_id, e.event_date) for e in csv_version.events
    ]
    assert any("Notes" in p.reason and "not read" in p.reason for p in report.of_kind("warning"))
    assert imported.rows_rejected == 1 and report.of_kind("rejected")[0].line == 5  # the sheet's row 5


def test_excel_acled_events_with_a_named_sheet(tmp_path):
    import csv

    with open(DATA / "acled_2024.csv", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    book = tmp_path / "acled.xlsx"
    _xlsx(book, [["a note sheet first"]], {"Export": [["ACLED export, made-up title line"], [], *rows]})
    with pytest.raises(SchemaError, match="no sheet 'Nope'"):
        detect(f"{book}:Nope")
    imported, report = read(f"{book}:Export")
    same(imported, "acled_2024.csv")
    assert any("row(s) 1 above the header" in p.reason for p in report.of_kind("warning"))
    assert report.of_kind("rejected")[0].line == 8  # the sheet's row: title, blank row, header, 5 rows


# ---------------------------------------------------------------- API JSON and JSON lines


def test_acled_api_response_with_the_line_of_a_bad_record():
    imported, report = read(DATA / "acled_api_response.json")
    assert imported.form == "ACLED API response (JSON)" and imported.format == "acled"
    assert [e.event_type for e in imported.events] == ["armed_clash", "airstrike"]
    bad = report.of_kind("rejected")[0]
    text = (DATA / "acled_api_response.json").read_text(encoding="utf-8").splitlines()
    assert text[bad.line - 1].strip() == "{" and '"AFG91003"' in text[bad.line]


def test_ucdp_api_response_numbers_t_dates_and_a_partial_page():
    imported, report = read(DATA / "ucdp_api_gedevents_25.0.9.json")
    assert imported.format == "ucdp" and imported.dataset == "UCDP Candidate"  # 25.0.9: a monthly candidate
    ev = imported.events[0]
    assert (ev.event_date, ev.latitude, ev.fatalities, ev.fatalities_low, ev.fatalities_high) == (
        "2025-09-03",
        32.3,
        6,
        6,
        8,
    )
    assert any("2 of the 4 event(s)" in p.reason for p in report.of_kind("warning"))
    assert "Check" in imported.events[1].details  # code_status shown


def test_json_lines_bad_lines_reported_with_their_line():
    imported, report = read(DATA / "acled_events.jsonl")
    assert len(imported.events) == 2
    assert [p.line for p in report.of_kind("rejected")] == [3, 4]


def test_api_error_response_and_other_json_are_refused(tmp_path):
    err = tmp_path / "acled_error.json"
    err.write_text(json.dumps({"status": 403, "success": False, "error": {"message": "Access denied"}}))
    with pytest.raises(SchemaError, match="API error response.*Access denied"):
        detect(err)
    other = tmp_path / "other.json"
    other.write_text(json.dumps({"rows": 3}))
    with pytest.raises(SchemaError, match="expected an ACLED API response"):
        detect(other)


# ---------------------------------------------------------------- Stata


def test_stata_dta_as_ucdp_offers_it(tmp_path):
    import pandas as pd

    frame = pd.read_csv(DATA / "ucdp_ged_extract.csv", skiprows=[1], dtype=str, keep_default_na=False)
    frame = frame[frame["where_prec"] != "9"]  # .dta columns are typed: keep the numeric ones numeric
    for col in ("id", "type_of_violence", "where_prec", "date_prec", "best", "low", "high"):
        frame[col] = frame[col].astype(int)
    for col in ("latitude", "longitude"):
        frame[col] = frame[col].astype(float)
    for col in ("date_start", "date_end"):
        frame[col] = pd.to_datetime(frame[col])
    dta = tmp_path / "ged251.dta"
    frame.to_stata(dta, write_index=False, version=118)
    assert detect(dta) == "ucdp"
    imported, _ = read(dta)
    assert imported.form == "Stata .dta"
    plain = [e for e in read(DATA / "ucdp_ged_extract.csv")[0].events]
    assert [(e.event_id, e.event_date, e.date_precision) for e in imported.events] == [
        (e.event_id, e.event_date, e.date_precision) for e in plain
    ]


# ---------------------------------------------------------------- CSV dialects


def test_european_excel_semicolons_decimal_commas_cp1252_and_spaced_headers():
    name = DATA / "acled_excel_semicolon.csv"
    assert detect(name) == "acled"
    imported, report = read(name)
    assert imported.form == "CSV (semicolon-separated)"
    assert [(e.event_date, e.date_precision) for e in imported.events] == [
        ("2019-03-15", "day"),
        ("2019-03-16", "week"),
        ("2019-03-17", "day"),  # a Unix time in the date column
    ]
    assert (imported.events[0].latitude, imported.events[0].longitude) == (34.78, 71.52)
    assert "–" in imported.events[0].note  # the Windows-1252 dash read as a dash
    assert "; one cell with a semicolon" in imported.events[1].note
    warned = [p.reason for p in report.of_kind("warning")]
    assert any("not UTF-8" in w and "Windows-1252" in w and "line 2" in w for w in warned)


def test_utf16_tab_separated_excel_unicode_text(tmp_path):
    text = (DATA / "acled_2024.csv").read_text(encoding="utf-8")
    import csv
    import io

    out = io.StringIO()
    csv.writer(out, delimiter="\t", lineterminator="\r\n").writerows(csv.reader(io.StringIO(text)))
    path = tmp_path / "acled.txt"
    path.write_bytes(out.getvalue().encode("utf-16"))  # with its byte-order mark, as Excel writes it
    imported, report = read(path)
    assert imported.form == "CSV (tab-separated)"
    same(imported, "acled_2024.csv")
    assert any("UTF-16" in p.reason for p in report.of_kind("warning"))


def test_utf8_bom_upper_case_headers_and_reordered_extra_columns(tmp_path):
    import csv
    import io

    rows = list(csv.reader(io.StringIO((DATA / "acled_2024.csv").read_text(encoding="utf-8"))))
    order = list(reversed(range(len(rows[0]))))
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\r\n")
    for i, r in enumerate(rows):
        cells = [r[k] for k in order]
        cells = [c.upper().replace("_", " ") for c in cells] if i == 0 else cells
        w.writerow(cells + (["My Own Column"] if i == 0 else ["x"]))
    path = tmp_path / "acled_upper.csv"
    path.write_bytes(b"\xef\xbb\xbf" + out.getvalue().encode("utf-8"))
    assert detect(path) == "acled"
    imported, _ = read(path)
    same(imported, "acled_2024.csv")


def test_ucdp_old_version_names_and_a_candidate_file(tmp_path):
    text = (DATA / "ucdp_ged_extract.csv").read_text(encoding="utf-8")
    head, rest = text.split("\n", 1)
    old = tmp_path / "ged50.csv"
    old.write_text(head.replace(",best,high,low,", ",best_est,high_est,low_est,") + "\n" + rest, encoding="utf-8")
    imported, _ = read(old)
    same(imported, "ucdp_ged_extract.csv")
    candidate = tmp_path / "GEDEvent_v25_0_7.csv"
    candidate.write_text(text, encoding="utf-8")
    imported, _ = read(candidate)
    assert imported.dataset == "UCDP Candidate" and "Candidate" in imported.licence
    assert {s.publisher for s in imported.sources.values()} == {"UCDP Candidate 25.0.7"}


def test_acled_aggregated_rows_are_one_marker_per_row_never_invented_events():
    imported, report = read(DATA / "acled_aggregated_weekly.csv")
    first = imported.events[0]
    assert imported.dataset == "ACLED aggregated" and imported.joinable is False
    # week of Saturday 6 September: the middle day, +-3 days covers Saturday to Friday
    assert (first.event_date, first.date_precision, first.geo_precision) == ("2025-09-09", "week", 3)
    assert first.fatalities == 12 and "7 event(s)" in first.note and '"EVENTS": "7"' in first.details
    assert imported.events[1].event_type == "airstrike"  # "Explosions/remote violence" in any case
    assert imported.events[2].event_type == "other"
    assert "counts no events" in report.of_kind("rejected")[0].reason


def test_aggregated_id_of_a_province_does_not_merge_its_weeks(tmp_path):
    agg = tmp_path / "agg.csv"
    agg.write_text(
        "week,country,admin1,event_type,sub_event_type,events,fatalities,id,centroid_latitude,centroid_longitude\n"
        "2025-09-06,Pakistan,Balochistan,Battles,Armed clash,2,1,77,28.5,65.4\n"
        "2025-09-13,Pakistan,Balochistan,Battles,Armed clash,1,0,77,28.5,65.4\n"
        "2025-09-13,Pakistan,Balochistan,Riots,Mob violence,1,0,77,28.5,65.4\n"
        "2025-09-13,Pakistan,Balochistan,Riots,Mob violence,1,0,77,28.5,65.4\n",
        encoding="utf-8",
    )
    imported, report = read(agg)
    assert len(imported.events) == 3 and "duplicate" in report.of_kind("rejected")[0].reason


def test_aggregates_never_join_curated_events(tmp_path, offline_chain):
    from geomap.geo import geodata_path
    from geomap.importers.combine import load_all

    # AFPK-0002 (curated): a clash at Torkham on 2023-02-20; a clash row of the
    # week from Saturday 2023-02-18 on at the same point would join it if it were one incident
    agg = tmp_path / "agg.csv"
    agg.write_text(
        "WEEK,COUNTRY,ADMIN1,EVENT_TYPE,SUB_EVENT_TYPE,EVENTS,FATALITIES,CENTROID_LATITUDE,CENTROID_LONGITUDE\n"
        "2023-02-18,Pakistan,Khyber Pakhtunkhwa,Battles,Armed clash,4,3,34.105,71.09\n",
        encoding="utf-8",
    )
    loaded = load_all([geodata_path("events.csv"), agg], report=Report(), chain=offline_chain)
    assert loaded.files[1]["rows_joined"] == 0 and loaded.files[1]["events"] == 1
    assert any(e.event_id.startswith("ACLED-AGG-") for e in loaded.events.events)


@pytest.mark.parametrize(
    "text, day",
    [
        ("15 March 2019", "2019-03-15"),
        ("15-March-2019", "2019-03-15"),
        ("2019-03-15", "2019-03-15"),
        ("1552608000", "2019-03-15"),
        ("43539", "2019-03-15"),
        ("15.03.2019", "2019-03-15"),
        ("15/03/2019", "2019-03-15"),
        ("3/15/2019", "2019-03-15"),
        ("2016-05-02T00:00:00", "2016-05-02"),
        ("2016-05-02 00:00:00.000", "2016-05-02"),
    ],
)
def test_more_date_forms(text, day):
    assert parse_day(text) == day


def test_us_excel_resave_slashed_dates_take_the_order_the_file_shows(tmp_path):
    # Excel on a US locale saves 2025-10-12 as 10/12/2025: the 3/15/2025 row tells the order
    head = "event_id_cnty,event_date,event_type,sub_event_type,latitude,longitude,country,fatalities\n"
    path = tmp_path / "acled_us.csv"
    path.write_text(
        head + "PAK1,10/12/2025,Battles,Armed clash,34.1,71.1,Pakistan,1\n"
        "PAK2,3/15/2025,Battles,Armed clash,34.1,71.1,Pakistan,0\n",
        encoding="utf-8",
    )
    imported, report = read(path)
    assert [e.event_date for e in imported.events] == ["2025-10-12", "2025-03-15"]
    assert any("month first" in p.reason and "line 3" in p.reason for p in report.of_kind("warning"))
    mixed = tmp_path / "mixed.csv"
    mixed.write_text(
        head + "PAK1,10/12/2025,Battles,,34.1,71.1,Pakistan,1\n"
        "PAK2,3/15/2025,Battles,,34.1,71.1,Pakistan,0\n"
        "PAK3,15/3/2025,Battles,,34.1,71.1,Pakistan,0\n",
        encoding="utf-8",
    )
    imported, report = read(mixed)
    assert len(imported.events) == 2 and "ambiguous" in report.of_kind("rejected")[0].reason


def test_ambiguous_slashed_date_is_refused_not_guessed():
    with pytest.raises(ValueError, match="ambiguous"):
        parse_day("03/04/2019")


def test_delimiter_and_names_are_decided_the_same_way_every_time():
    assert sniff_delimiter("a,b,c") == "," and sniff_delimiter("a;b;c") == ";" and sniff_delimiter("a\tb") == "\t"
    assert sniff_delimiter("a;b,c") == ","  # a tie: the comma
    assert norm(" Event  Date ") == "event_date" == norm("EVENT_DATE") == norm("event-date")


def test_open_table_is_cached_but_sees_a_changed_file(tmp_path):
    p = tmp_path / "x.csv"
    p.write_text("lat,lon,date\n1,2,2020-01-01\n", encoding="utf-8")
    assert open_table(p).header == ["lat", "lon", "date"]
    p.write_text("latitude;longitude;date;extra\n", encoding="utf-8")
    assert open_table(p).header == ["latitude", "longitude", "date", "extra"]


def test_build_takes_a_zipped_dataset_and_a_workbook(tmp_path, offline_chain):
    from geomap.importers.combine import check_paths, load_all

    z = tmp_path / "ged.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.write(DATA / "ucdp_ged_extract.csv", "ged.csv")
    paths = check_paths([z, DATA / "acled_api_response.json"])
    loaded = load_all(paths, report=Report(), chain=offline_chain)
    assert [f["form"] for f in loaded.files] == ["zip > CSV (comma-separated)", "ACLED API response (JSON)"]
    with pytest.raises(SchemaError, match="not found"):
        check_paths([tmp_path / "missing.zip:ged.csv"])


def test_geomap_own_format_packed_is_refused_with_what_its_loader_reads(tmp_path):
    from geomap.geo import geodata_path

    gz = tmp_path / "events.csv.gz"
    gz.write_bytes(gzip.compress(geodata_path("events.csv").read_bytes()))
    with pytest.raises(SchemaError, match=r"reads events.csv as CSV text \(commas, semicolons or tabs\)"):
        detect(gz)


# ---------------------------------------------------------------- what R, pandas and Excel make of real exports


def test_r_write_csv_of_ged_row_names_quoted_strings_and_na():
    # UCDP ships GED as RData too; write.csv() of it puts the row names in a
    # first column with an empty name, quotes the text and writes NA for missing
    imported, report = read(DATA / "ucdp_ged_r_export.csv")
    assert imported.format == "ucdp" and imported.rows_read == 4 and imported.rows_rejected == 0
    plain = read(DATA / "ucdp_ged_extract.csv")[0].events[:4]
    assert [(e.event_id, e.event_type, e.event_date, e.fatalities) for e in imported.events] == [
        (e.event_id, e.event_type, e.event_date, e.fatalities) for e in plain
    ]
    # a missing low (NA) leaves the range to best and high
    assert (imported.events[2].fatalities_low, imported.events[2].fatalities_high) == (12, 15)
    assert any("row names" in p.reason for p in report.of_kind("warning"))


@pytest.mark.parametrize("name", ["acled_2024.csv", "ucdp_ged_extract.csv"])
def test_pandas_to_csv_with_its_index_column(tmp_path, name):
    import pandas as pd

    frame = pd.read_csv(DATA / name, dtype=str, keep_default_na=False)
    path = tmp_path / name
    frame.to_csv(path)  # index=True, the default: a first column with no name, 0, 1, 2 ...
    assert detect(path) == detect(DATA / name)
    imported, _ = read(path)
    same(imported, name)


def test_ged_excel_workbook_with_numbers_and_dates_typed(tmp_path):
    # GED's Excel download: codes and counts are numbers, date_start/date_end
    # dates; date_prec is a code, not a date, though its name starts with date_
    import pandas as pd

    frame = pd.read_csv(DATA / "ucdp_ged_extract.csv", skiprows=[1])
    for col in ("date_start", "date_end"):
        frame[col] = pd.to_datetime(frame[col])
    book = tmp_path / "ged251.xlsx"
    frame.to_excel(book, index=False)
    imported, _ = read(book)
    same(imported, "ucdp_ged_extract.csv")
    frame.to_excel(book)  # and with pandas' index column
    imported, _ = read(book)
    same(imported, "ucdp_ged_extract.csv")


def test_acled_new_api_page_says_how_many_events_the_other_pages_hold(tmp_path):
    # the API of August 2025 (acleddata.com/api/acled/read) pages its answer:
    # "count" is this page's records, "total_count" the query's
    body = json.loads((DATA / "acled_api_response.json").read_text(encoding="utf-8"))
    body["total_count"] = 5003
    path = tmp_path / "acled_page1.json"
    path.write_text(json.dumps(body), encoding="utf-8")
    imported, report = read(path)
    assert imported.rows_read == 3
    assert any("3 of the 5003 event(s)" in p.reason for p in report.of_kind("warning"))


def test_json_of_rows_without_names_is_refused_in_one_line(tmp_path):
    # pandas' to_json(orient="split"): {"columns": [...], "index": [...], "data": [[...], ...]}
    path = tmp_path / "ged_split.json"
    path.write_text(json.dumps({"columns": ["id", "latitude"], "index": [0], "data": [[1, 34.1]]}))
    with pytest.raises(SchemaError, match="records without column names"):
        detect(path)


def test_a_cell_above_the_limit_rejects_its_record_in_every_form(tmp_path):
    # a CSV cell above 128 KiB rejects its row; a JSON, GeoJSON or Excel record
    # brought any size to the page and the exports (a 50 MB notes: a 52 MB map)
    from geomap.csvrows import MAX_CELL_CHARS

    big = "x" * (MAX_CELL_CHARS + 1)
    body = json.loads((DATA / "acled_api_response.json").read_text(encoding="utf-8"))
    body["data"][0]["notes"] = big
    api = tmp_path / "acled_api.json"
    api.write_text(json.dumps(body, indent=4), encoding="utf-8")
    imported, report = read(api)
    plain, _ = read(DATA / "acled_api_response.json")
    assert len(imported.events) == len(plain.events) - 1
    bad = report.of_kind("rejected")[0]
    assert (bad.line, bad.column) == (8, "notes") and f"above the limit of {MAX_CELL_CHARS}" in bad.reason

    geo = json.loads((DATA / "points.geojson").read_text(encoding="utf-8"))
    geo["features"][0]["properties"]["huge"] = big
    path = tmp_path / "points.geojson"
    path.write_text(json.dumps(geo), encoding="utf-8")
    imported, report = read(path)
    assert len(imported.events) == len(read(DATA / "points.geojson")[0].events) - 1
    assert any(p.column == "huge" and "above the limit" in p.reason for p in report.of_kind("rejected"))


def test_a_device_is_refused_not_read_forever():
    # '/dev/zero' (or '/dev/urandom') as a dataset was read until memory ran out
    for device in ("/dev/zero", "/dev/null"):
        with pytest.raises(SchemaError, match="is a device"):
            detect(device)


def test_acled_country_file_from_hdx_with_its_hxl_row(tmp_path):
    # HDX's ACLED country files put an HXL hashtag row under the header
    text = (DATA / "acled_2024.csv").read_text(encoding="utf-8")
    head, rest = text.split("\n", 1)
    tags = {"event_id_cnty": "#event+code", "event_date": "#date+occurred", "latitude": "#geo+lat"}
    hxl = ",".join(tags.get(c, "#meta+" + c.replace("_", "")) for c in head.split(","))
    path = tmp_path / "conflict_data_pak.csv"
    path.write_text(f"{head}\n{hxl}\n{rest}", encoding="utf-8")
    imported, _ = read(path)
    same(imported, "acled_2024.csv")
    assert imported.rows_read == 5  # the hashtag row is no record


@pytest.mark.parametrize("sep", [",", ";"])
def test_excel_sep_line_names_the_separator(tmp_path, sep):
    # a dataset saved with Excel's "sep=X" first line was refused: "cannot
    # tell the format from the first line (sep=)"
    text = (DATA / "acled_2024.csv").read_text(encoding="utf-8")
    if sep == ";":
        import csv
        import io

        out = io.StringIO()
        csv.writer(out, delimiter=";", lineterminator="\n").writerows(csv.reader(io.StringIO(text)))
        text = out.getvalue()
    path = tmp_path / "acled.csv"
    path.write_text(f"sep={sep}\n{text}", encoding="utf-8")
    assert detect(path) == "acled"
    got, report = read(path)
    want, _ = read(DATA / "acled_2024.csv")
    assert [(e.event_id, e.event_date, e.latitude, e.note) for e in got.events] == [
        (e.event_id, e.event_date, e.latitude, e.note) for e in want.events
    ]
    assert [p.line for p in report.of_kind("rejected")] == [7]  # line 6 of the file without the hint
