"""geomap.importers.combine: several events files on one map, each event once
and citing its own sources."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

from geomap import counts
from geomap.importers.combine import load_all
from geomap.report import Report

DATA = Path(__file__).parent / "data"


def test_overlapping_exports_of_one_dataset_map_each_event_once(tmp_path):
    # last month's download and this month's share most events: each was mapped twice
    update = tmp_path / "acled_update.csv"
    shutil.copy(DATA / "datasets" / "acled_2024.csv", update)
    report = Report()
    loaded = load_all([DATA / "datasets" / "acled_2024.csv", update], report=report)
    ids = [e.event_id for e in loaded.events.events]
    assert len(ids) == len(set(ids)) == 4
    c = report.counts
    assert c[counts.ROWS_READ] == 10 and c[counts.ROWS_REJECTED] == 6  # 2 bad dates + 4 repeated
    first, second = loaded.files
    assert (second["events"], second[counts.ROWS_REJECTED]) == (0, 5)
    repeated = [p for p in report.of_kind("rejected") if "already on the map" in p.reason]
    assert len(repeated) == 4 and all(p.file == str(update) and p.line for p in repeated)
    assert "acled_2024.csv" in repeated[0].reason


def test_two_plain_files_named_alike_are_two_datasets(tmp_path):
    # a plain CSV's ids are its file's: two points.csv of different folders are not one dataset's exports
    for name in ("x", "y"):
        (tmp_path / name).mkdir()
        shutil.copy(DATA / "datasets" / "points.csv", tmp_path / name / "points.csv")
    report = Report()
    loaded = load_all([tmp_path / "x" / "points.csv", tmp_path / "y" / "points.csv"], report=report)
    assert len(loaded.events.events) == 6
    assert not [p for p in report.of_kind("rejected") if "already on the map" in p.reason]
    # ... and not one dataset either: their ids collided (points.csv-1 twice) and the map had one
    # filter entry 'points.csv' for both
    ids = [e.event_id for e in loaded.events.events]
    assert len(set(ids)) == 6
    assert {e.dataset for e in loaded.events.events} == {"x/points.csv", "y/points.csv"}
    assert [f["dataset"] for f in loaded.files] == ["x/points.csv", "y/points.csv"]
    sources = [s for e in loaded.events.events for s in e.sources]
    assert len(set(sources)) == 6 and all(s in loaded.events.sources for s in sources)
    said = [p for p in report.of_kind("warning") if "also named 'points.csv'" in p.reason]
    assert len(said) == 2


def test_dataset_names_are_the_shortest_distinct_ends_of_paths():
    from geomap.importers.combine import dataset_names

    names = dataset_names(["/d/x/a/e.csv", "/d/y/a/e.csv", "/d/z/f.csv", "/d/x/g.zip:e.csv"])
    assert names == {"/d/x/a/e.csv": "x/a/e.csv", "/d/y/a/e.csv": "y/a/e.csv"}
    assert dataset_names(["/d/one.csv"]) == {}


def _dataset(folder: Path, publisher: str, title: str, url: str) -> Path:
    folder.mkdir()
    shutil.copy(DATA / "bad" / "good.csv", folder / "events.csv")
    text = (DATA / "bad" / "sources.csv").read_text(encoding="utf-8").splitlines()
    assert text[1].startswith("S1,")
    text[1] = f"S1,{publisher},{title},2025-03-01,{url}"
    (folder / "sources.csv").write_text("\n".join(text) + "\n", encoding="utf-8")
    return folder / "events.csv"


def test_two_curated_files_numbering_sources_alike_keep_their_own(tmp_path):
    # both number a source S1: the second file's S1 replaced the first's, whose
    # events then cited an article they never cited
    a = _dataset(tmp_path / "a", "Frontier Desk", "Gate shut", "https://example.org/a")
    b = _dataset(tmp_path / "b", "Other Desk", "Another story", "https://example.net/z")
    report = Report()
    es = load_all([a, b], report=report).events
    first, second = es.events[:2], es.events[2:]
    assert all("S1" in e.sources for e in first if len(e.sources))
    new = next(s for e in second for s in e.sources if s.startswith("S1-"))
    assert es.sources["S1"].publisher == "Frontier Desk" and es.sources[new].publisher == "Other Desk"
    (warning,) = [p for p in report.of_kind("warning") if "another source" in p.reason]
    assert warning.file == str(b) and new in warning.reason
    # the same article under the same id (a copy of one dataset) is no conflict
    c = _dataset(tmp_path / "c", "Frontier Desk", "Gate shut", "https://example.org/a")
    report = Report()
    es = load_all([a, c], report=report).events
    assert not [p for p in report.of_kind("warning") if "another source" in p.reason]


def test_two_curated_files_with_one_event_id_show_each_event_once(tmp_path):
    # geodata/events.csv and a copy of it: every event went on the map twice under one id
    a = _dataset(tmp_path / "a", "Frontier Desk", "Gate shut", "https://example.org/a")
    copy = _dataset(tmp_path / "copy", "Frontier Desk", "Gate shut", "https://example.org/a")
    report = Report()
    loaded = load_all([a, copy], report=report)
    ids = [e.event_id for e in loaded.events.events]
    n = len(ids)
    assert n == len(set(ids)) and n > 0
    repeated = report.of_kind("rejected")
    assert len(repeated) == n and all(p.file == str(copy) and p.line and str(a) in p.reason for p in repeated)
    c = report.counts
    assert c[counts.ROWS_READ] == 2 * n and c[counts.ROWS_REJECTED] == n
    assert [f[counts.ROWS_REJECTED] for f in loaded.files] == [0, n]
    # a second dataset numbering its own events alike keeps them, under ids of their own
    other = _dataset(tmp_path / "other", "Other Desk", "Another story", "https://example.net/z")
    text = other.read_text(encoding="utf-8").replace(",curated,", ",curated,another note ", 1)
    other.write_text(text, encoding="utf-8")
    report = Report()
    loaded = load_all([a, other], report=report)
    ids = [e.event_id for e in loaded.events.events]
    assert len(ids) == len(set(ids)) == 2 * n and not report.of_kind("rejected")
    renamed = [p for p in report.of_kind("warning") if "is another event in" in p.reason]
    assert len(renamed) == n and all(p.value in ids and p.file == str(other) for p in renamed)


def test_a_row_updated_later_in_a_newer_export_is_the_one_shown(tmp_path):
    # ACLED updates rows under the same id (a toll risen, a place corrected); its
    # timestamp says when: the later version is shown whichever file comes first
    src = (DATA / "datasets" / "acled_2024.csv").read_text(encoding="utf-8")
    header, *rows = src.splitlines()
    names = header.split(",")
    assert "timestamp" in names and rows[0].startswith("PAK90001,")
    cells = next(csv.reader([rows[0]]))
    old_stamp = int(cells[names.index("timestamp")])
    cells[names.index("timestamp")] = str(old_stamp + 3 * 86400)
    cells[names.index("fatalities")] = "9"
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerow(cells)
    newer = tmp_path / "acled_newer.csv"
    newer.write_text(header + "\n" + buf.getvalue(), encoding="utf-8")
    for order in ([DATA / "datasets" / "acled_2024.csv", newer], [newer, DATA / "datasets" / "acled_2024.csv"]):
        report = Report()
        loaded = load_all(order, report=report)
        shown = [e for e in loaded.events.events if e.event_id == "PAK90001"]
        assert len(shown) == 1 and shown[0].fatalities == 9, order
        assert len(loaded.events.events) == 4
        c = report.counts
        assert c[counts.ROWS_READ] == 6 and c[counts.ROWS_REJECTED] == 2  # the bad date, the older version
        assert sum(f["events"] for f in loaded.files) == 4
        assert sum(f[counts.ROWS_REJECTED] for f in loaded.files) == 2
        (older,) = [p for p in report.of_kind("rejected") if "PAK90001" in p.reason]
        assert older.file == str(DATA / "datasets" / "acled_2024.csv") and older.line == 2


def test_a_dataset_beside_its_own_import_maps_each_event_once(tmp_path, capsys):
    # 'geomap import acled.csv -o imported/events.csv', edited, then built with the export again:
    # every event went on the map twice under one id, the summary silent about it
    from geomap.cli import main

    acled = DATA / "datasets" / "acled_2024.csv"
    imported = tmp_path / "imported" / "events.csv"
    assert main(["import", str(acled), "-o", str(imported)]) == 0
    text = imported.read_text().replace("border units trade fire", "units (edited) trade fire")
    imported.write_text(text)
    capsys.readouterr()
    for order in ([imported, acled], [acled, imported]):
        report = Report()
        loaded = load_all(order, report=report)
        ids = [e.event_id for e in loaded.events.events]
        assert sorted(ids) == sorted(set(ids)) and len(ids) == 4
        assert any("(edited)" in e.note for e in loaded.events.events)  # the import's row, as edited
        c = report.counts
        assert c[counts.ROWS_READ] == 9 and c[counts.ROWS_REJECTED] == 5  # 1 bad date + 4 shown once
        of = {f["file"]: f for f in loaded.files}
        assert (of[str(acled)]["events"], of[str(acled)][counts.ROWS_REJECTED]) == (0, 5)
        repeated = [p for p in report.of_kind("rejected") if "already on the map" in p.reason]
        assert len(repeated) == 4 and all(p.file == str(acled) for p in repeated)
        assert f"from {imported} line 2, an import of this dataset: shown once, as that file has it" in (
            repeated[0].reason
        )
    out = tmp_path / "out"
    assert main(["build", "--events", str(acled), "--events", str(imported), "--out", str(out)]) == 0
    err = capsys.readouterr().err
    assert "events mapped 4, rows rejected 5" in err
    assert f"{acled} (acled, ACLED): read 5, events 0, rejected 5 (4 already on the map from another file)" in err


def test_two_datasets_coding_one_incident_show_both_and_say_so(tmp_path):
    # ACLED and a plain table (another dataset) holding the same clash: two markers, each dataset's
    # coding (never merged: neither is the curated record), and nothing said that they are one
    (tmp_path / "other.csv").write_text(
        "id,date,type,lat,lon,place\nq1,2025-10-12,Battles,34.12,71.10,Torkham\nq2,2025-10-12,Battles,30.0,62.0,Far\n"
    )
    acled = DATA / "datasets" / "acled_2024.csv"
    report = Report()
    loaded = load_all([acled, tmp_path / "other.csv"], report=report)
    assert len([e for e in loaded.events.events if e.dataset == "other.csv"]) == 2  # both shown
    said = [p for p in report.of_kind("warning") if "same incident as" in p.reason]
    assert len(said) == 1 and said[0].file == str(tmp_path / "other.csv") and said[0].line == 2
    assert "1 event(s) of other.csv look like the same incident as an event of ACLED" in said[0].reason
    assert f"{acled}:2" in said[0].reason and "both are shown" in said[0].reason
