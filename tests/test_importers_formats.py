"""geomap.importers: each format's fixture (tests/data/datasets) read row by row, every row counted."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from geomap import schema
from geomap.exc import SchemaError
from geomap.importers import IMPORTERS, detect, read_dataset, tables
from geomap.importers.base import parse_day
from geomap.importers.combine import Region, parse_bbox, parse_region
from geomap.report import Report

DATA = Path(__file__).parent / "data" / "datasets"


def read(name, **kw):
    report = Report()
    imported = read_dataset(DATA / name, report=report, **kw)
    # nothing lost: every record is an event, merged into one, or rejected with a line
    assert imported.rows_read == len(imported.events) + imported.rows_merged + imported.rows_rejected
    rejected = report.of_kind("rejected")
    assert len(rejected) == imported.rows_rejected
    assert all(p.file and p.line for p in rejected)
    return imported, report


@pytest.mark.parametrize(
    "name, fmt",
    [
        ("acled_2024.csv", "acled"),
        ("acled_1997_2016.csv", "acled"),
        ("ucdp_ged_extract.csv", "ucdp"),
        ("gdelt1_20251012.export.CSV", "gdelt"),
        ("gdelt2_20251020.export.CSV", "gdelt"),
        ("points.csv", "csv"),
        ("points.geojson", "geojson"),
        ("../../../geodata/events.csv", "geomap"),
    ],
)
def test_format_detected_from_the_header(name, fmt):
    assert detect(DATA / name) == fmt


@pytest.mark.parametrize(
    "text, day",
    [
        ("2020-05-09", "2020-05-09"),
        ("9-May-20", "2020-05-09"),
        ("01-January-2015", "2015-01-01"),
        ("28 September 2019", "2019-09-28"),
        ("1990-10-04 00:00:00.000", "1990-10-04"),
        ("20251012", "2025-10-12"),
        ("9-May-97", "1997-05-09"),
        ("January 15, 2024", "2024-01-15"),  # a US spreadsheet's long date
        ("Jan 15 2024", "2024-01-15"),
        ("09-05-2020", "2020-05-09"),  # the ACLED codebook's dd-mm-yyyy
        ("2020/05/09", "2020-05-09"),  # year first: a spreadsheet in an East Asian locale (was rejected)
        ("2020/5/9 14:30", "2020-05-09"),
    ],
)
def test_dataset_date_forms(text, day):
    assert parse_day(text) == day


@pytest.mark.parametrize("text", ["31-02-2020", "2020-02-30", "May 2020", "", "2020/05-09", "2020/13/01"])
def test_bad_dates_are_refused(text):
    with pytest.raises(ValueError):
        parse_day(text)


def test_acled_today_types_precisions_and_citation():
    imp, report = read("acled_2024.csv")
    ev = {e.event_id: e for e in imp.events}
    assert (imp.rows_read, imp.rows_rejected) == (5, 1)
    assert (
        "'31-02-2020' is not a real calendar day" in report.of_kind("rejected")[0].reason
    )  # dd-mm-yyyy, no 31 February
    assert ev["PAK90001"].event_type == "armed_clash" and ev["PAK90001"].country == "PK"
    assert ev["AFG90002"].event_type == "airstrike" and ev["AFG90002"].geo_precision == 2
    protest = ev["AFG90003"]
    assert protest.event_type == "other" and protest.source_type == "Protests / Peaceful protest"
    assert protest.date_precision == "week"
    assert ev["PAK90004"].event_type == "explosion" and ev["PAK90004"].date_precision == "month"
    assert all(e.dataset == "ACLED" for e in imp.events)
    src = imp.sources["acled:PAK90001"]
    assert src.publisher == "ACLED" and "PAK90001" in src.title and "Frontier Ledger" in src.title
    assert "tags" not in ev["PAK90001"].details and "crowd size" in protest.details


def test_acled_first_generation_upper_case():
    imp, _ = read("acled_1997_2016.csv")
    ev = {e.event_id: e for e in imp.events}
    assert len(ev) == 4
    assert ev["PAK101"].event_date == "1998-05-09" and ev["PAK101"].event_type == "armed_clash"
    # 'Remote violence' refined from the notes with the extractor's triggers
    assert ev["AFG102"].event_type == "airstrike"
    assert ev["AFG103"].event_type == "other" and ev["AFG103"].source_type == "Riots/Protests"
    assert ev["PAK104"].event_type == "fortification"


def test_ucdp_hxl_row_crlf_quoted_newline_precisions():
    imp, report = read("ucdp_ged_extract.csv")
    ev = {e.event_id: e for e in imp.events}
    assert imp.rows_read == 5 and imp.rows_rejected == 1  # the HXL row is not a record
    assert "where_prec '9'" in report.of_kind("rejected")[0].reason
    clash = ev["UCDP-900001"]
    assert (clash.fatalities_low, clash.fatalities, clash.fatalities_high) == (3, 4, 6)
    assert clash.event_type == "armed_clash" and clash.date_precision == "day"
    drone = ev["UCDP-900002"]  # headline names a drone strike; a 7-day range is a week
    assert drone.event_type == "airstrike" and drone.date_precision == "week"
    assert drone.event_date == "2016-06-11" and "\n" in drone.details.encode().decode("unicode_escape")
    bomb = ev["UCDP-900003"]  # one-sided violence with a bombing: an explosion
    assert bomb.event_type == "explosion" and bomb.geo_precision == 3
    assert ev["UCDP-900004"].event_type == "other" and ev["UCDP-900004"].geo_precision == 4
    assert "where_prec 6" in ev["UCDP-900004"].source_precision
    assert imp.licence == "UCDP GED (CC BY 4.0)"


@pytest.mark.parametrize(
    "name, version, events, merged",
    [
        ("gdelt1_20251012.export.CSV", "GDELT 1.0", 4, 1),
        ("gdelt2_20251020.export.CSV", "GDELT 2.0", 2, 1),
    ],
)
def test_gdelt_reports_merged_and_marked(name, version, events, merged):
    imp, _ = read(name)
    assert (len(imp.events), imp.rows_merged) == (events, merged)
    first = imp.events[0]
    assert len(first.sources) == 2 and "2 record(s)" in first.note and "not a verified" in first.note
    assert all(e.verified == "draft" and e.dataset == "GDELT" for e in imp.events)
    assert all(s.publisher == version and s.url.startswith("https://") for s in imp.sources.values())


def test_gdelt_cameo_roots():
    imp, _ = read("gdelt1_20251012.export.CSV")
    types = {e.event_id: e.event_type for e in imp.events}
    assert types == {
        "GDELT-410000001": "armed_clash",
        "GDELT-410000003": "airstrike",
        "GDELT-410000004": "other",
        "GDELT-410000005": "talks",
    }


def test_plain_csv_columns_found_by_name_and_kept():
    imp, report = read("points.csv")
    ev = {e.event_id: e for e in imp.events}
    assert ev["points.csv-p1"].event_type == "border_closure"
    assert ev["points.csv-p2"].event_type == "armed_clash"  # an ACLED type name
    assert ev["points.csv-p3"].event_type == "other" and ev["points.csv-p3"].source_type == "relief camp"
    assert '"vehicles": "300"' in ev["points.csv-p1"].details
    assert ev["points.csv-p1"].dataset == "points.csv"
    assert "out of range" in report.of_kind("rejected")[0].reason


def test_geojson_points_and_a_line_rejected():
    imp, report = read("points.geojson")
    assert [e.event_type for e in imp.events] == ["border_closure", "other"]
    assert imp.events[0].longitude == 71.09 and '"trucks": "120"' in imp.events[0].details
    assert report.of_kind("rejected")[0].line == 6


def test_region_and_bbox():
    imp, _ = read("gdelt1_20251012.export.CSV")
    outside = Region(km=parse_region("durand")).outside(imp.events)
    # Doha is far from the border; Torkham and Khost are on it
    assert dict(zip((e.location.split(",")[0] for e in imp.events), outside)) == {
        "Torkham": False,
        "Khost": False,
        "Balochistan": True,
        "Qatar": True,
    }
    box = Region(bbox=parse_bbox("60,29,75,37")).outside(imp.events)
    assert box == [False, False, True, True]


def test_mapping_tables_point_at_our_types():
    targets = [t for t, _ in tables.ACLED_TYPES.values()] + [t for t, _ in tables.CAMEO_TYPES.values()]
    targets += [t for t, _, _ in tables.UCDP_VIOLENCE.values()]
    assert set(targets) <= set(schema.EVENT_TYPES)
    for table in (tables.ACLED_GEO_PRECISION, tables.UCDP_GEO_PRECISION, tables.GDELT_GEO_PRECISION):
        assert set(table.values()) <= set(schema.GEO_PRECISIONS)
    for table in (tables.ACLED_DATE_PRECISION, tables.UCDP_DATE_PRECISION):
        assert set(table.values()) <= set(schema.DATE_PRECISIONS)
    assert set(IMPORTERS) == {"acled", "acled-aggregated", "ucdp", "gdelt", "csv", "geojson"}


def _rewrite(tmp_path, name, change):
    """A copy of fixture ``name`` with ``change(header, row)`` applied to each data row."""
    import csv
    import io

    with open(DATA / name, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(rows[0])
    for r in rows[1:]:
        w.writerow(change(rows[0], list(r)))
    path = tmp_path / name
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def _same_events(path, name):
    report = Report()
    got = read_dataset(path, report=report)
    want, _ = read(name)
    assert got.rows_read == want.rows_read and got.rows_rejected == want.rows_rejected

    def key(events):
        return [
            (e.event_id, e.event_type, e.event_date, e.date_precision, e.geo_precision, e.fatalities) for e in events
        ]

    assert key(got.events) == key(want.events)
    return got


def test_codes_written_as_decimals_read_as_their_codes(tmp_path):
    # a table that went through pandas with a missing value, or a spreadsheet
    # formatted as numbers, writes the codes 1, 2, 3 as 1.0, 2.0, 3.0
    def decimals(columns):
        def change(header, row):
            for c in columns:
                i = header.index(c)
                if row[i].isdigit():
                    row[i] += ".0"
            return row

        return change

    _same_events(_rewrite(tmp_path, "acled_2024.csv", decimals(("time_precision", "geo_precision"))), "acled_2024.csv")
    ucdp = ("type_of_violence", "where_prec", "date_prec")
    _same_events(_rewrite(tmp_path, "ucdp_ged_extract.csv", decimals(ucdp)), "ucdp_ged_extract.csv")


def test_counts_with_thousands_separators(tmp_path):
    def change(header, row):
        i = header.index("fatalities")
        row[i] = "1,204" if row[i] == "3" else row[i]
        return row

    got = read_dataset(_rewrite(tmp_path, "acled_2024.csv", change), report=Report())
    assert [e.fatalities for e in got.events][0] == 1204


@pytest.mark.parametrize(
    "header",
    [
        # HDX HAPI's conflict events (ACLED monthly counts per admin area)
        "location_code,has_hrp,in_gho,admin1_code,admin1_name,admin2_code,admin2_name,admin_level,event_type,"
        "events,fatalities,reference_period_start,reference_period_end",
        # HDX's ACLED country files of monthly counts
        "Country ISO3,Admin 1 PCode,Admin 1 Name,Admin 2 PCode,Admin 2 Name,Start Date,End Date,Event Type,"
        "Events,Fatalities",
        "Country,Admin1,Admin2,ISO3,Admin2 Pcode,Admin1 Pcode,Month,Year,Events,Fatalities",
    ],
)
def test_counts_per_area_without_coordinates_are_named_as_such(tmp_path, header):
    # no place to put a marker: say what the file is, not which geomap columns it lacks
    path = tmp_path / "pakistan_hrp_political_violence_events_and_fatalities.csv"
    path.write_text(header + "\n" + ",".join("1" for _ in header.split(",")) + "\n", encoding="utf-8")
    with pytest.raises(SchemaError, match="counts of events per area and period.*no coordinates") as err:
        detect(path)
    assert "event_id" not in str(err.value)


def test_a_drafts_csv_given_as_events_says_what_it_is(tmp_path):
    # 'geomap build --events drafts.csv' said it lacked event_id and sources
    from geomap.drafts import DRAFT_COLUMNS

    path = tmp_path / "drafts.csv"
    path.write_text(",".join(DRAFT_COLUMNS) + "\n", encoding="utf-8")
    with pytest.raises(SchemaError, match="drafts CSV.*geomap accept"):
        detect(path)


def test_acled_monadic_export_maps_each_event_once_and_says_why(tmp_path):
    # a monadic export (export_type=monadic) lists each event once per actor
    lines = (DATA / "acled_2024.csv").read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    first = lines[1].split(",")
    swapped = list(first)
    a1, a2 = header.index("actor1"), header.index("actor2")
    swapped[a1], swapped[a2] = first[a2], ""
    path = tmp_path / "acled_monadic.csv"
    path.write_text("\n".join([lines[0], lines[1], ",".join(swapped)]) + "\n", encoding="utf-8")
    report = Report()
    imported = read_dataset(path, report=report)
    assert (imported.rows_read, len(imported.events), imported.rows_rejected) == (2, 1, 1)
    (bad,) = report.of_kind("rejected")
    assert bad.line == 3 and "once per actor" in bad.reason and "line 2" in bad.reason


@pytest.mark.parametrize("dropped", [("time_precision", "geo_precision"), ("geo_precision",)])
def test_acled_without_precision_columns_is_not_taken_as_exact(tmp_path, dropped):
    # some exports and the API's fields= subsets leave the precision codes out:
    # every row was taken as an exact day at an exact place
    import csv
    import io

    with open(DATA / "acled_2024.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    out = io.StringIO()
    w = csv.DictWriter(out, [c for c in rows[0] if c not in dropped], lineterminator="\n", extrasaction="ignore")
    w.writeheader()
    w.writerows(rows)
    path = tmp_path / "acled_fields.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    report = Report()
    imp = read_dataset(path, report=report)
    assert imp.rows_read == len(imp.events) + imp.rows_rejected == 5
    assert all(e.geo_precision == 3 for e in imp.events)  # ACLED's coarsest: the province
    given = {e.event_id: e.date_precision for e in read("acled_2024.csv")[0].events}
    for e in imp.events:
        assert e.date_precision == ("month" if "time_precision" in dropped else given[e.event_id])
        assert "not given: unknown" in e.source_precision  # the popup's "Original precision"
    warnings = [p for p in report.of_kind("warning") if "not exact" in p.reason]
    assert len(warnings) == 1 and warnings[0].file == str(path)  # once per file
    assert warnings[0].reason.startswith("4 imported row(s) without ") and "no such column" in warnings[0].reason
    assert report.counts["rows_precision_unknown"] == 4 == imp.counts()["rows_precision_unknown"] == len(imp.events)
    # a file that gives them: no warning, no count
    imp, report = read("acled_2024.csv")
    assert imp.rows_precision_unknown == 0 and not [p for p in report.problems if "not exact" in p.reason]


def test_acled_excel_columns_actor_1_and_admin_1_are_read():
    # ACLED's Excel export writes 'Actor 1', 'Actor 2', 'Admin 1': read as actor_1 and admin_1, no
    # column of the importer's, every event's actors dropped without a word
    imported, report = read("acled_excel_semicolon.csv")
    assert [e.actor1 for e in imported.events][0] == "Military Forces of Pakistan (2018-2022)"
    assert [(e.actor1, e.actor2) for e in imported.events][1:] == [
        ("Unidentified Armed Group (Pakistan)", ""),
        ("Taliban", ""),
    ]
    assert imported.events[0].actor2 == "TTP"
    assert not [p for p in report.of_kind("warning") if "not read" in p.reason]


@pytest.mark.parametrize("name", ["acled_2024.csv", "acled_1997_2016.csv", "ucdp_ged_extract.csv"])
def test_a_column_the_importer_does_not_read_is_named(tmp_path, name):
    # an export whose fatalities column a user renamed ('deaths'), or a column of their own: its cells
    # were imported nowhere (not a field, not in details) and nothing said so
    rows = list(csv.reader((DATA / name).read_text(encoding="utf-8-sig").splitlines(keepends=True)))
    with open(tmp_path / name, "w", newline="") as fh:
        csv.writer(fh).writerows([rows[0] + ["my_notes"], *(r + ["x"] for r in rows[1:])])
    report = Report()
    read_dataset(tmp_path / name, report=report)
    said = [p for p in report.of_kind("warning") if "not read" in p.reason]
    assert len(said) == 1 and "my_notes" in said[0].reason and said[0].line == 1
    # the file as published: every column read or known to hold nothing to map
    report = Report()
    read_dataset(DATA / name, report=report)
    assert not [p for p in report.of_kind("warning") if "not read" in p.reason]


def test_coordinates_written_in_degrees_are_read(tmp_path):
    # '34.1100°', '71.0900° E', 71°05'24"E: each row was rejected as 'not a decimal number', the file's
    # events lost; read as decimal degrees, said once per file
    rows = list(csv.reader((DATA / "acled_2024.csv").read_text().splitlines()))
    lat, lon = rows[0].index("latitude"), rows[0].index("longitude")
    for r, (la, lo) in zip(
        rows[1:], [("34.1100°", "71.0900° E"), ("34°58'48\"N", "71°25'12\"E"), ("31.0° N", "66.4°")]
    ):
        r[lat], r[lon] = la, lo
    with open(tmp_path / "acled.csv", "w", newline="") as fh:
        csv.writer(fh).writerows(rows)
    report = Report()
    imported = read_dataset(tmp_path / "acled.csv", report=report)
    got = [(e.latitude, e.longitude) for e in imported.events]
    assert got[:3] == [(34.11, 71.09), (34.98, 71.42), (31.0, 66.4)]
    said = [p for p in report.of_kind("warning") if "written in degrees" in p.reason]
    assert len(said) == 1 and said[0].line == 2 and said[0].reason.startswith("6 coordinate cell(s)")
    assert imported.rows_read == len(imported.events) + imported.rows_rejected


def test_a_hemisphere_on_the_wrong_axis_is_not_read_as_degrees(tmp_path):
    # 'E' in the latitude column: the columns swapped, not a latitude; the row is rejected, not guessed
    (tmp_path / "p.csv").write_text("date,lat,lon\n2025-01-02,71.09 E,34.11 N\n")
    report = Report()
    imported = read_dataset(tmp_path / "p.csv", report=report)
    assert imported.events == [] and imported.rows_rejected == 1


def test_a_total_row_below_the_table_is_named_as_such(tmp_path):
    # a spreadsheet's 'Total' row under an export: rejected as "date '' is not a date", which sent
    # the user looking for a broken date
    rows = list(csv.reader((DATA / "acled_2024.csv").read_text().splitlines()))
    total = [""] * len(rows[0])
    total[0], total[rows[0].index("fatalities")] = "Total", "123"
    with open(tmp_path / "acled.csv", "w", newline="") as fh:
        csv.writer(fh).writerows([*rows, total])
    report = Report()
    imported = read_dataset(tmp_path / "acled.csv", report=report)
    last = report.of_kind("rejected")[-1]
    assert last.line == len(rows) + 1 and "a total row ('Total'), not an event" in last.reason
    assert imported.rows_read == len(imported.events) + imported.rows_rejected


def test_a_plain_table_says_the_links_it_leaves_out(tmp_path):
    # only http(s) links reach the page; 'www.example.org/a' (no scheme) was dropped unsaid
    (tmp_path / "p.csv").write_text(
        "date,lat,lon,url\n2025-01-02,34.1,71.1,www.example.org/a\n2025-01-03,34.1,71.1,https://example.org/b\n"
        "2025-01-04,34.1,71.1,javascript:alert(1)\n"
    )
    report = Report()
    imported = read_dataset(tmp_path / "p.csv", report=report)
    assert sorted(s.url for s in imported.sources.values()) == ["", "", "https://example.org/b"]
    (said,) = [p for p in report.of_kind("warning") if "not http(s)" in p.reason]
    assert said.line == 2 and said.reason.startswith("2 url cell(s) not http(s) (the first 'www.example.org/a')")
