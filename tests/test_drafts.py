"""Drafts next to curated events: validation, merging, and `geomap accept`."""

import csv

import pytest

from geomap.cli import main
from geomap.curated import Event, load_events
from geomap.drafts import DRAFT_COLUMNS, merge_drafts, same_incident
from geomap.report import Report

EVENTS_HEADER = (
    "event_id,event_type,sub_event_type,event_date,date_precision,location,country,"
    "latitude,longitude,geo_precision,actor1,actor2,fatalities,fatalities_low,"
    "fatalities_high,injuries,sources,verified,note,excerpt\n"
)


@pytest.fixture
def curated(tmp_path):
    (tmp_path / "sources.csv").write_text("source_id,publisher,title,published,url\nS1,Pub,Title one,2025-03-19,\n")
    (tmp_path / "events.csv").write_text(
        EVENTS_HEADER + "AFPK-0001,talks,negotiation,2025-03-19,day,Torkham,AF,34.102,71.093,1,"
        "Pakistan,Afghan Taliban,,,,,S1,curated,talks at the crossing,\n"
    )
    return tmp_path


def draft(**over):
    row = {c: "" for c in DRAFT_COLUMNS}
    row.update(
        doc_id="a1",
        event_type="talks",
        sub_event_type="negotiation",
        event_date="2025-03-20",
        date_precision="day",
        location="Torkham",
        country="AF",
        latitude="34.10",
        longitude="71.09",
        geo_precision="1",
        confidence="0.8",
        excerpt="Officials met.",
        source_title="T",
        source_publisher="P",
        source_published="2025-03-21",
        source_url="javascript:alert(1)",
    )
    row.update(over)
    return row


def test_same_incident_folds_into_curated(curated):
    es = load_events(curated / "events.csv")
    report = Report()
    new = merge_drafts(es, [(2, draft())], "drafts.csv", report)
    assert new == []
    assert es.events[0].sources == ("S1", "doc:a1")
    assert report.counts["drafts_extracted"] == 1 and report.counts["drafts_merged"] == 1
    assert report.of_kind("merged")[0].line == 2


def test_new_incident_is_a_draft_and_links_are_http_only(curated):
    es = load_events(curated / "events.csv")
    report = Report()
    new = merge_drafts(es, [(2, draft(event_type="armed_clash"))], "drafts.csv", report)
    assert len(new) == 1 and new[0].verified == "draft" and new[0].confidence == 0.8
    assert es.sources["doc:a1"].url == ""  # javascript: never reaches the page


def test_bad_draft_is_reported_with_line(curated):
    es = load_events(curated / "events.csv")
    report = Report()
    merge_drafts(es, [(7, draft(event_type="picnic"))], "drafts.csv", report)
    (problem,) = report.of_kind("rejected")
    assert problem.line == 7 and problem.column == "event_type" and "allowed" in problem.reason
    assert report.counts["drafts_extracted"] == report.counts["drafts_rejected"] == 1


def test_dates_far_apart_are_different_incidents(curated):
    es = load_events(curated / "events.csv")
    d, _ = __import__("geomap.drafts", fromlist=["x"]).draft_to_event(draft(event_date="2025-05-01"), 1, "f", 1)
    assert not same_incident(d, es.events[0])


def test_accept_command(curated, tmp_path, capsys):
    drafts = tmp_path / "drafts.csv"
    rows = [
        draft(event_type="armed_clash", accept="yes"),
        draft(accept="yes"),
        draft(event_type="explosion", accept=""),
    ]
    with open(drafts, "w", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(DRAFT_COLUMNS) + ["accept"])
        w.writeheader()
        w.writerows(rows)
    status = main(["accept", str(drafts), "--events", str(curated / "events.csv")])
    assert status == 0
    # the two marked rows: one new event, one the incident already curated
    assert "drafts taken 2: added 1 (AFPK-0002), merged into existing 1, rejected 0" in capsys.readouterr().err
    es = load_events(curated / "events.csv", strict=True)
    assert [e.event_id for e in es.events] == ["AFPK-0001", "AFPK-0002"]
    assert es.events[1].event_type == "armed_clash" and es.events[1].verified == "curated"
    assert es.events[0].sources == ("S1", "doc:a1")
    assert "doc:a1" in es.sources


# -- drafts from extraction: the curated validator in memory, no CSV text ----

ARTICLES = __import__("pathlib").Path(__file__).parent / "data" / "articles"


def _draft_event(**over):
    from geomap.extract.draft import DraftEvent
    from geomap.geocoders.base import Place

    fields = dict(
        doc_id="a1",
        event_type="talks",
        sub_event_type="negotiation",
        place=Place(name="Torkham", lat=34.1020049, lon=71.0931149, country="AF", precision=1),
        event_date="2025-03-20",
        date_precision="day",
        actor1="Pakistan",
        fatalities=3,
        injuries=None,
        confidence=0.8349,
        excerpt="Officials met.",
        source_title="T",
        source_publisher="P",
        source_published="2025-03-21",
        source_url="javascript:alert(1)",
    )
    fields.update(over)
    return DraftEvent(**fields)


def _outcome(convert, *args):
    """The (Event, Source) a conversion makes, or the problem it reports."""
    from geomap.exc import SchemaError

    try:
        return convert(*args)
    except SchemaError as err:
        return ("rejected", err.column, err.reason)


def test_extracted_drafts_become_the_events_their_csv_rows_make(offline_chain):
    """Equivalence: every draft extracted from the test articles, validated in
    memory, is the event that its drafts-CSV row becomes."""
    from geomap.drafts import draft_event, draft_to_event
    from geomap.extract import extract_paths

    drafts = extract_paths([str(ARTICLES)], offline_chain, Report(), merge=True)
    assert len(drafts) > 10
    outcomes = [
        (_outcome(draft_event, d, n), _outcome(draft_to_event, d.to_row(), n, "articles", None))
        for n, d in enumerate(drafts, start=1)
    ]
    assert all(memory == row for memory, row in outcomes)
    assert sum(isinstance(memory[0], Event) for memory, _ in outcomes) > 10


@pytest.mark.parametrize(
    "over",
    [
        {},
        {"event_type": "picnic"},
        {"event_date": "2025-02-30"},
        {"event_date": ""},
        {"date_precision": "year"},
        {"event_date": "2025-03", "date_precision": "month"},
        {"fatalities": -1},
        {"fatalities": 10**10},
        {"doc_ids": ["a1", "b/2"]},
        {"source_published": "yesterday", "source_url": "https://example.org/x"},
    ],
)
def test_a_draft_in_memory_meets_the_rules_of_a_curated_row(over):
    from geomap.drafts import draft_event, draft_to_event

    d = _draft_event(**over)
    assert _outcome(draft_event, d, 4) == _outcome(draft_to_event, d.to_row(), 4, "articles", None)


@pytest.mark.parametrize(
    "place, column",
    [
        ({"lat": 51.5, "lon": -0.1, "country": "AF"}, "latitude"),  # outside the region
        ({"lat": 71.09, "lon": 34.10, "country": ""}, "latitude"),  # swapped
        ({"lat": 91.0}, "latitude"),
        ({"country": "Afghanistan"}, "country"),
        ({"precision": 7}, "geo_precision"),
    ],
)
def test_a_draft_at_a_bad_place_is_rejected_as_a_curated_row_would_be(place, column):
    from dataclasses import replace

    from geomap.drafts import draft_event, draft_to_event

    d = _draft_event()
    d.place = replace(d.place, **place)
    got = _outcome(draft_event, d, 1)
    assert got[:2] == ("rejected", column)
    # the same rule fails (the message may write the number with fewer decimals)
    assert got[:2] == _outcome(draft_to_event, d.to_row(), 1, "articles", None)[:2]


def test_a_border_wide_draft_is_left_for_the_chain_to_place():
    from dataclasses import replace

    from geomap.drafts import draft_event

    d = _draft_event()
    d.place = replace(d.place, name="Afghanistan-Pakistan border", precision=4)
    event, src = draft_event(d, 1)
    assert (event.latitude, event.longitude, event.geo_precision) == (None, None, 4)
    assert event.verified == "draft" and event.sources == (src.source_id,) and src.url == ""


def test_build_merges_extracted_drafts_without_writing_rows(curated, monkeypatch):
    """drafts_to_events validates the DraftEvents themselves: no CSV row is made."""
    from geomap.drafts import drafts_to_events
    from geomap.extract.draft import DraftEvent

    def no_rows(self):
        raise AssertionError("a draft was turned into a CSV row")

    monkeypatch.setattr(DraftEvent, "to_row", no_rows)
    drafts = [
        _draft_event(),
        _draft_event(doc_id="b1", event_type="picnic"),
        _draft_event(doc_id="c1", event_date="2025-06-01"),
    ]
    es = load_events(curated / "events.csv")
    report = Report()
    new = drafts_to_events(["x"], None, es, report, extract=lambda *a, **k: drafts)
    assert [e.event_id for e in new] == ["D-c1-3"]
    assert es.events[0].sources == ("S1", "doc:a1")  # a1 is the curated talks at Torkham
    assert {k: report.counts[k] for k in ("drafts_extracted", "drafts_merged", "drafts_rejected", "drafts_mapped")} == {
        "drafts_extracted": 3,
        "drafts_merged": 1,
        "drafts_rejected": 1,
        "drafts_mapped": 1,
    }
    (problem,) = report.of_kind("rejected")
    assert problem.column == "event_type" and problem.value == "b1"


def two_reports(folder):
    """Two articles both named report.md, in folders a/ and b/ (our own words)."""
    texts = {
        "a": (
            "Clash at the crossing",
            "Example Wire",
            "2025-10-12",
            "On 11 October 2025, Pakistani and Afghan forces exchanged fire at Torkham, killing three soldiers.",
        ),
        "b": (
            "Strike near Chaman",
            "Other Wire",
            "2025-10-14",
            "On 13 October 2025, an air strike hit a village near Chaman, killing five people.",
        ),
    }
    for sub, (title, source, published, text) in texts.items():
        (folder / sub).mkdir()
        (folder / sub / "report.md").write_text(
            f"---\ntitle: {title}\nsource: {source}\npublished: {published}\n---\n{text}\n"
        )
    return folder / "a", folder / "b"


def cited(events_csv):
    """``{location: (event_id, publishers)}`` of a build's events.csv."""
    with open(events_csv, newline="") as fh:
        return {r["location"]: (r["event_id"], r["source_publishers"]) for r in csv.DictReader(fh)}


def test_two_articles_of_one_name_extracted_apart_keep_their_own_ids(tmp_path, geomap_cache, capsys):
    # a/report.md and b/report.md extracted in two runs: both drafts were
    # D-report-1 citing doc:report, and the second article's event cited the
    # first article (its publisher and title) on the map and once accepted
    a, b = two_reports(tmp_path)
    for folder in (a, b):
        assert main(["extract", str(folder), "-o", f"{folder}.csv", "--parquet", f"{folder}.pq"]) == 0
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "events.csv").write_text(EVENTS_HEADER)
    (empty / "sources.csv").write_text("source_id,publisher,title,published,url\n")
    runs = []
    for order in ([a, b], [a, b], [b, a]):
        out = tmp_path / "out"
        args = ["--events", str(empty / "events.csv"), *(f"{f}.pq" for f in order), "--out", str(out)]
        assert main(["build", *args]) == 0
        rows = cited(out / "events.csv")
        assert rows["Torkham"][1] == "Example Wire" and rows["Chaman"][1] == "Other Wire"
        assert rows["Torkham"][0] != rows["Chaman"][0]
        assert "is taken" in capsys.readouterr().err
        runs.append(rows)
    assert runs[0] == runs[1]  # the same files in the same order: the same ids
    # accepted one after the other, then the second article built again
    assert main(["accept", f"{a}.csv", "--all", "--events", str(empty / "events.csv")]) == 0
    assert main(["accept", f"{b}.csv", "--all", "--events", str(empty / "events.csv")]) == 0
    assert "is another article's (Example Wire: 'Clash at the crossing')" in capsys.readouterr().err
    es = load_events(empty / "events.csv")
    assert [es.sources[e.sources[0]].publisher for e in es.events] == ["Example Wire", "Other Wire"]
    lines = (empty / "events.csv").read_text().splitlines()
    (empty / "events.csv").write_text("\n".join(lines[:2]) + "\n")  # only the Torkham event left
    assert main(["build", "--events", str(empty / "events.csv"), "--articles", str(b), "--out", str(out)]) == 0
    assert cited(out / "events.csv")["Chaman"][1] == "Other Wire"


def test_accept_names_the_event_id_written_and_its_article(curated, tmp_path, capsys):
    # two articles on one new incident: the second joined "D-a1-1", an id
    # written nowhere; the added event was named without its article
    drafts = tmp_path / "drafts.csv"
    with open(drafts, "w", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(DRAFT_COLUMNS) + ["accept"])
        w.writeheader()
        w.writerow(draft(event_type="armed_clash", accept="yes", source_title="Shots at the gate"))
        w.writerow(draft(event_type="armed_clash", accept="yes", doc_id="b2", source_publisher="Q"))
    assert main(["accept", str(drafts), "--events", str(curated / "events.csv")]) == 0
    err = capsys.readouterr().err
    assert "D-" not in err
    assert f"added: {drafts}:2: AFPK-0002: armed_clash at Torkham on 2025-03-20, from article doc:a1 (P: 'Shots" in err
    assert f"merged: {drafts}:3: draft from b2 is the same incident as AFPK-0002;" in err
    assert err.index("added: ") < err.index("merged: ")  # in the drafts' order
    es = load_events(curated / "events.csv", strict=True)
    assert es.events[1].sources == ("doc:a1", "doc:b2")


def test_excel_sep_lines_in_drafts_and_events_given_to_accept(curated, tmp_path, capsys):
    # drafts reviewed in Excel and saved with its "sep=;" first line, into a
    # curated events.csv that also starts with "sep=,": both were refused
    # (missing every required column) or misread
    drafts = tmp_path / "drafts.csv"
    with open(drafts, "w", newline="") as fh:
        fh.write("sep=;\r\n")
        w = csv.DictWriter(fh, fieldnames=list(DRAFT_COLUMNS) + ["accept"], delimiter=";")
        w.writeheader()
        w.writerows([draft(event_type="armed_clash", accept="yes", latitude="34,10", longitude="71,09")])
    events = curated / "events.csv"
    events.write_text("sep=,\n" + events.read_text())
    assert main(["accept", str(drafts), "--events", str(events)]) == 0
    assert "added 1 (AFPK-0002)" in capsys.readouterr().err
    es = load_events(events, strict=True)
    assert [e.event_id for e in es.events] == ["AFPK-0001", "AFPK-0002"]
    assert (es.events[1].latitude, es.events[1].longitude) == (34.1, 71.09)
    assert events.read_text().startswith("sep=,\nevent_id,")  # written back as it was saved


def test_accept_refuses_a_device_as_drafts(curated, capsys):
    # 'geomap accept /dev/zero' read until memory ran out (every other reader refuses devices)
    before = (curated / "events.csv").read_bytes()
    assert main(["accept", "/dev/zero", "--events", str(curated / "events.csv")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["geomap accept: error: /dev/zero: is a device, not a file; expected a drafts CSV"]
    assert (curated / "events.csv").read_bytes() == before


def test_accept_into_events_with_a_mark_inside(curated, tmp_path, capsys):
    # a byte-order mark inside events.csv (a row pasted from another file):
    # the loader drops it, accept's own reading kept it, and refused with
    # "the rows read as CSV do not match the validated events"
    events = curated / "events.csv"
    head, row = events.read_text().splitlines()
    events.write_text(f"{head}\n\ufeff{row}\n")
    drafts = tmp_path / "drafts.csv"
    with open(drafts, "w", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(DRAFT_COLUMNS))
        w.writeheader()
        w.writerow(draft(event_type="armed_clash"))
    assert main(["accept", str(drafts), "--all", "--events", str(events)]) == 0
    assert [e.event_id for e in load_events(events, strict=True).events] == ["AFPK-0001", "AFPK-0002"]
    assert "\ufeff" not in events.read_text()


def test_accept_summary_adds_up_with_a_record_the_reader_rejects(curated, tmp_path, capsys):
    # an unclosed quote: the record was counted rejected but not taken, so
    # "drafts taken 2: added 2, merged 0, rejected 1" did not add up, and the
    # rows left unmarked were counted nowhere
    drafts = tmp_path / "drafts.csv"
    with open(drafts, "w", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(DRAFT_COLUMNS) + ["accept"])
        w.writeheader()
        w.writerow(draft(event_type="armed_clash", accept="yes"))
        w.writerow(draft(event_type="explosion", accept=""))
    with open(drafts, "a", newline="") as fh:
        fh.write('b2,armed_clash,"exchange_of_fire,2025-03-20\n')
        w = csv.DictWriter(fh, fieldnames=list(DRAFT_COLUMNS) + ["accept"])
        w.writerow(draft(doc_id="c3", event_type="armed_clash", location="Chaman", latitude="30.92",
                         longitude="66.45", accept="yes"))  # fmt: skip
    assert main(["accept", str(drafts), "--events", str(curated / "events.csv")]) == 1
    err = capsys.readouterr().err
    assert "rows read 4, not marked 1; drafts taken 3: added 2 (AFPK-0002, AFPK-0003), merged into existing 0, " in err
    assert "rejected 1" in err and f"rejected: {drafts}:4 " in err and "unclosed quote" in err


@pytest.mark.parametrize("column", ["Accept", "ACCEPT", " Accept "])
def test_an_accept_column_named_in_capitals_is_the_accept_column(curated, tmp_path, capsys, column):
    # a reviewer's 'Accept' header was an unknown column, ignored: every yes in it lost ("not marked")
    drafts = tmp_path / "drafts.csv"
    with open(drafts, "w", newline="", encoding="utf-8-sig") as fh:
        w = csv.writer(fh, delimiter=";")
        w.writerow([*DRAFT_COLUMNS, column])
        w.writerow([*draft(event_type="armed_clash").values(), "yes"])
        w.writerow([*draft(event_type="explosion").values(), ""])
    assert main(["accept", str(drafts), "--events", str(curated / "events.csv")]) == 0
    err = capsys.readouterr().err
    assert "rows read 2, not marked 1; drafts taken 1: added 1 (AFPK-0002)" in err
    assert f"column {column.strip()!r} read as the accept column" in err and "unknown column" not in err


def test_drafts_without_an_accept_column_say_why_nothing_is_added(curated, tmp_path, capsys):
    # 'rows read 2, not marked 2 ... added 0' and nothing else: the reviewer saw no reason
    drafts = tmp_path / "drafts.csv"
    with open(drafts, "w", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(DRAFT_COLUMNS))
        w.writeheader()
        w.writerows([draft(event_type="armed_clash"), draft(event_type="explosion")])
    before = (curated / "events.csv").read_bytes()
    assert main(["accept", str(drafts), "--events", str(curated / "events.csv")]) == 0
    err = capsys.readouterr().err
    assert "rows read 2, not marked 2; drafts taken 0" in err
    assert f"warning: {drafts}:1 [accept]: no accept column: no draft is marked, none is added;" in err
    assert (curated / "events.csv").read_bytes() == before


def test_drafts_saved_as_an_excel_workbook_are_accepted(curated, tmp_path, capsys):
    # the reviewer's 'Save as .xlsx' was refused as a binary file, the message listing .xlsx as expected
    openpyxl = pytest.importorskip("openpyxl")
    import datetime as dt

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Drafts to review"])  # a title above the table
    ws.append([*DRAFT_COLUMNS, "Accept"])
    row = draft(event_type="armed_clash", geo_precision=1, latitude=34.1, longitude=71.09)
    ws.append([*row.values(), "yes"])
    ws.append([*draft(event_type="explosion").values(), ""])
    dated = draft(event_type="fortification", doc_id="c3", location="Chaman", latitude=30.92, longitude=66.45)
    ws.append([*{**dated, "event_date": dt.datetime(2025, 3, 20)}.values(), "x"])  # a date Excel keeps as a date
    ws.append([*draft(doc_id="d4", event_type="picnic").values(), "yes"])
    wb.save(tmp_path / "drafts.xlsx")
    assert main(["accept", str(tmp_path / "drafts.xlsx"), "--events", str(curated / "events.csv")]) == 1
    err = capsys.readouterr().err
    assert "rows read 4, not marked 1; drafts taken 3: added 2 (AFPK-0002, AFPK-0003)" in err
    assert f"rejected: {tmp_path / 'drafts.xlsx'}:6 [event_type]" in err  # the sheet's own row number
    es = load_events(curated / "events.csv", strict=True)
    assert [(e.event_type, str(e.event_date)) for e in es.events[1:]] == [
        ("armed_clash", "2025-03-20"),
        ("fortification", "2025-03-20"),
    ]


def write_drafts(path, *rows):
    """A drafts CSV with an accept column, as a reviewer leaves it."""
    with open(path, "w", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(DRAFT_COLUMNS) + ["accept"])
        w.writeheader()
        w.writerows(rows)


def european(path, sep_line=False):
    """``path`` as a European Excel saves it: semicolons, decimal commas, CRLF (and its sep=; line)."""
    rows = list(csv.reader(path.read_text().splitlines()))
    comma = [
        [c.replace(".", ",") if c.replace(".", "", 1).replace("-", "", 1).isdigit() else c for c in r] for r in rows
    ]
    text = "".join(";".join(f'"{c}"' if ";" in c else c for c in r) + "\r\n" for r in comma)
    path.write_text(("sep=;\r\n" if sep_line else "") + text, newline="")


@pytest.mark.parametrize("sep_line", [False, True])
def test_accept_into_events_saved_by_a_european_excel_keeps_its_form(curated, tmp_path, capsys, sep_line):
    # semicolons and decimal commas, as a European Excel saves the curated pair: build and accept
    # refused the file ('geomap's own events format read as CSV (semicolon-separated)'), or with
    # Excel's sep=; line rejected every coordinate ('34,102' is not a decimal number)
    events, sources = curated / "events.csv", curated / "sources.csv"
    european(events, sep_line)
    european(sources, sep_line)
    before = events.read_bytes()
    assert [(e.event_id, e.latitude) for e in load_events(events, strict=True).events] == [("AFPK-0001", 34.102)]
    drafts = tmp_path / "drafts.csv"
    write_drafts(
        drafts,
        draft(
            event_type="armed_clash",
            accept="yes",
            latitude="34.5",
            longitude="70.25",
            event_date="20.03.2025",  # as the reviewer's spreadsheet rewrote the dates
            source_published="3/21/2025",
        ),
    )
    assert main(["accept", str(drafts), "--events", str(events)]) == 0
    err = capsys.readouterr().err
    assert "rows read 1" in err and "added 1 (AFPK-0002)" in err
    assert "event_date '20.03.2025' (as a spreadsheet rewrote it) read as 2025-03-20" in err
    after = events.read_bytes()
    assert after.startswith(before)  # the rows there untouched, byte for byte
    added = after[len(before) :].decode()
    assert added.startswith("AFPK-0002;armed_clash;") and ";34,5;70,25;" in added and added.endswith("\r\n")
    assert ";2025-03-20;" in added
    assert sources.read_bytes().decode().splitlines()[-1].startswith("doc:a1;P;T;2025-03-21;")
    es = load_events(events, strict=True)
    assert [(e.event_id, e.latitude, e.longitude) for e in es.events] == [
        ("AFPK-0001", 34.102, 71.093),
        ("AFPK-0002", 34.5, 70.25),
    ]
    out = tmp_path / "out"
    assert main(["build", "--events", str(events), "--out", str(out)]) == 0
    err = capsys.readouterr().err
    assert "rows read 2, events mapped 2, rows rejected 0" in err
    assert "cells separated by semicolons, as a spreadsheet saves them: read as such (a decimal comma" in err


def test_accept_never_writes_over_events_saved_while_it_runs(curated, tmp_path, capsys, monkeypatch):
    # a reviewer saving events.csv from a spreadsheet while accept reads the drafts: accept wrote its
    # own copy, read before the save, over it, and the save was lost
    import geomap.drafts

    events = curated / "events.csv"
    drafts = tmp_path / "drafts.csv"
    write_drafts(drafts, draft(event_type="armed_clash", accept="yes"))
    real = geomap.drafts.read_drafts

    def saved_meanwhile(path, report):
        events.write_text(events.read_text().replace("talks at the crossing", "talks at the gate (saved)"))
        return real(path, report)

    monkeypatch.setattr(geomap.drafts, "read_drafts", saved_meanwhile)
    assert main(["accept", str(drafts), "--events", str(events)]) == 1
    saved = events.read_text()
    assert "talks at the gate (saved)" in saved and "AFPK-0002" not in saved
    err = capsys.readouterr().err
    assert f"{events} changed while accept read it" in err and "nothing was written" in err
    monkeypatch.undo()
    assert main(["accept", str(drafts), "--events", str(events)]) == 0  # again, once saved
    assert "talks at the gate (saved)" in events.read_text() and "AFPK-0002" in events.read_text()


def test_accept_says_a_source_url_it_leaves_out(curated, tmp_path, capsys):
    # a reviewer's 'www.example.org/a' (no scheme): only http(s) links reach the page, and the url was
    # dropped from the accepted source without a word
    drafts = tmp_path / "drafts.csv"
    write_drafts(drafts, draft(event_type="armed_clash", accept="yes", source_url="www.example.org/a"))
    assert main(["accept", str(drafts), "--events", str(curated / "events.csv")]) == 0
    err = capsys.readouterr().err
    assert f"warning: {drafts}:2 [source_url]: source_url 'www.example.org/a' is not http(s): left out" in err
    assert load_events(curated / "events.csv", strict=True).sources["doc:a1"].url == ""
