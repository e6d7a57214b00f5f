"""`geomap build` on the bad-input catalogue, in-process through geomap.cli.main.

Without --strict a bad row is reported (stderr, rejected.csv) and the rest is
built, exit 0; with --strict the exit status is 1 and nothing is written.
Files that cannot be used at all exit 1 either way, writing nothing.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from geomap.cli import main

BAD = Path(__file__).parent / "data" / "bad"
SOURCES = BAD / "sources.csv"

#: file -> (events mapped, rows rejected, places not found, "line [column]" of the first problem)
ROW_FILES = {
    "wrong_column_count.csv": (2, 2, 0, ":4 [location]"),
    "unknown_event_type.csv": (2, 1, 0, ":4 [event_type]"),
    "bad_date.csv": (2, 4, 0, ":4 [event_date]"),
    "coords_out_of_range.csv": (2, 4, 0, ":4 [latitude]"),
    "latlon_swapped.csv": (2, 2, 0, ":4 [latitude]"),
    "duplicate_event_id.csv": (2, 1, 0, ":4 [event_id]"),
    "unknown_source.csv": (2, 1, 0, ":4 [sources]"),
    "bad_numbers.csv": (2, 4, 0, ":4 [fatalities]"),
    "empty_required.csv": (2, 1, 0, ":4 [location]"),
    "unclosed_quote.csv": (4, 1, 0, ":4 [note]"),
    "unknown_place.csv": (2, 0, 1, ":4 [location]"),
}
FATAL_FILES = {
    "missing_column.csv": ":1 [event_type]: missing required column(s) event_type",
    "not_utf8.csv": ":4 [note]: not UTF-8: byte 0xe9",
    "binary.csv": ":3: file is binary",
    "empty.csv": ":1: file is empty",
}


def run(capsys, *args):
    status = main(["build", *args])
    out = capsys.readouterr()
    return status, out.out, out.err


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.mark.parametrize("name", sorted(ROW_FILES))
def test_bad_rows_are_reported_and_the_rest_built(name, tmp_path, geomap_cache, capsys):
    mapped, rejected, unlocated, where = ROW_FILES[name]
    out = tmp_path / "out"
    status, _, err = run(capsys, "--events", str(BAD / name), "--sources", str(SOURCES), "--out", str(out))
    assert status == 0
    assert (
        f"rows read {mapped + rejected + unlocated}, events mapped {mapped}, "
        f"rows rejected {rejected}, places not found {unlocated}"
    ) in err
    assert f"{BAD / name}{where}: " in err
    s = json.loads((out / "summary.json").read_text())
    assert s["rows_read"] == s["events_mapped"] + s["rows_rejected"] + s["places_not_found"]
    assert (s["events_mapped"], s["rows_rejected"], s["places_not_found"]) == (mapped, rejected, unlocated)
    rej, unl = read_csv(out / "rejected.csv"), read_csv(out / "unlocated.csv")
    assert (len(rej), len(unl)) == (rejected, unlocated)
    first = (rej or unl)[0]
    assert first["file"] == str(BAD / name) and first["reason"]
    assert f":{first['line']} [{first['column']}]" == where
    assert len(read_csv(out / "events.csv")) == mapped
    assert len(json.loads((out / "events.geojson").read_text())["features"]) == mapped
    assert (out / "map.html").stat().st_size > 1000


@pytest.mark.parametrize("name", sorted(ROW_FILES))
def test_strict_exits_1_and_writes_nothing(name, tmp_path, geomap_cache, capsys):
    out = tmp_path / "out"
    status, _, err = run(capsys, "--events", str(BAD / name), "--sources", str(SOURCES), "--out", str(out), "--strict")
    assert status == 1
    assert "nothing written (--strict)" in err
    assert f"{BAD / name}{ROW_FILES[name][3]}: " in err
    assert not out.exists()


@pytest.mark.parametrize("strict", [False, True])
@pytest.mark.parametrize("name", sorted(FATAL_FILES))
def test_unusable_file_exits_1_and_writes_nothing(name, strict, tmp_path, geomap_cache, capsys):
    out = tmp_path / "out"
    status, _, err = run(
        capsys,
        "--events",
        str(BAD / name),
        "--sources",
        str(SOURCES),
        "--out",
        str(out),
        *(["--strict"] if strict else []),
    )
    assert status == 1
    assert f"geomap build: error: {BAD / name}{FATAL_FILES[name]}" in err
    assert not out.exists()


def test_strict_keeps_the_previous_output(tmp_path, geomap_cache, capsys):
    out = tmp_path / "out"
    assert run(capsys, "--events", str(BAD / "good.csv"), "--sources", str(SOURCES), "--out", str(out))[0] == 0
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    status, _, _ = run(
        capsys, "--events", str(BAD / "bad_date.csv"), "--sources", str(SOURCES), "--out", str(out), "--strict"
    )
    assert status == 1
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before


def test_header_only_builds_an_empty_map(tmp_path, geomap_cache, capsys):
    out = tmp_path / "out"
    status, _, err = run(
        capsys, "--events", str(BAD / "header_only.csv"), "--sources", str(SOURCES), "--out", str(out), "--strict"
    )
    assert status == 0 and "no data rows" in err
    assert json.loads((out / "events.geojson").read_text())["features"] == []
    assert "rows read 0, events mapped 0" in err


def test_articles_catalogue_through_build(tmp_path, geomap_cache, capsys):
    out = tmp_path / "out"
    empty = tmp_path / "empty_folder"
    empty.mkdir()
    status, _, err = run(
        capsys,
        "--events",
        str(BAD / "good.csv"),
        "--sources",
        str(SOURCES),
        "--out",
        str(out),
        "--articles",
        str(BAD / "articles"),
        str(empty),
    )
    assert status == 0
    s = json.loads((out / "summary.json").read_text())
    assert s["rows_read"] == s["events_mapped"] + s["rows_rejected"] + s["places_not_found"] == 2
    assert s["articles_read"] == s["articles_used"] + s["articles_rejected"] == 20
    assert s["articles_rejected"] == 8 and s["folders_empty"] == 1  # bad.jsonl lines 5, 6: warnings, read
    assert s["drafts_extracted"] == (
        s["drafts_on_map"] + s["drafts_merged"] + s["drafts_rejected"] + s["drafts_not_placed"]
    )
    assert s["events_on_map"] == s["events_mapped"] + s["drafts_on_map"]
    assert s["mentions_without_place"] >= 1
    assert "articles read 20 (used 12, rejected 8)" in err
    rej = read_csv(out / "rejected.csv")
    assert len(rej) == 8 + 1 + s["drafts_rejected"]  # + the empty folder + bad drafts
    assert {r["file"] for r in rej} >= {str(empty), str(BAD / "articles" / "notes.pdf")}
    unl = read_csv(out / "unlocated.csv")
    assert any(r["file"] == str(BAD / "articles" / "no_place.md") for r in unl)
    geo = json.loads((out / "events.geojson").read_text())
    assert len(geo["features"]) == s["events_on_map"]

    out2 = tmp_path / "strict"
    status, _, err = run(
        capsys,
        "--events",
        str(BAD / "good.csv"),
        "--sources",
        str(SOURCES),
        "--out",
        str(out2),
        "--articles",
        str(BAD / "articles"),
        "--strict",
    )
    assert status == 1 and not out2.exists()
    assert "front_matter_unclosed.md:1: front matter opened" in err


def test_problem_list_is_capped_on_the_terminal(tmp_path, geomap_cache, capsys):
    lines = (BAD / "good.csv").read_text().splitlines()
    rows = [lines[0]] + [lines[1].replace("OK-1", f"X-{i}").replace("border_closure", "riot") for i in range(120)]
    events = tmp_path / "events.csv"
    events.write_text("\n".join(rows) + "\n")
    out = tmp_path / "out"
    status, _, err = run(capsys, "--events", str(events), "--sources", str(SOURCES), "--out", str(out))
    assert status == 0
    assert "... and 70 more" in err
    assert len(read_csv(out / "rejected.csv")) == 120


def test_quiet_prints_nothing(tmp_path, geomap_cache, capsys):
    status, out, err = run(
        capsys,
        "--events",
        str(BAD / "bad_date.csv"),
        "--sources",
        str(SOURCES),
        "--out",
        str(tmp_path / "o"),
        "--quiet",
    )
    assert status == 0 and out == "" and err == ""


def test_out_is_a_file(tmp_path, geomap_cache, capsys):
    out = tmp_path / "out"
    out.write_text("not a folder")
    status, _, err = run(capsys, "--events", str(BAD / "good.csv"), "--sources", str(SOURCES), "--out", str(out))
    assert status == 1
    assert f"geomap build: error: --out {out} is a file (or a broken link), not a folder" in err
    assert out.read_text() == "not a folder"


def test_hostile_values_in_rejected_csv_are_defused(tmp_path, geomap_cache, capsys):
    lines = (BAD / "good.csv").read_text().splitlines()
    events = tmp_path / "events.csv"
    events.write_text(
        lines[0] + "\n" + lines[1].replace("OK-1", '=HYPERLINK("x")').replace("border_closure", "riot") + "\n"
    )
    out = tmp_path / "out"
    assert run(capsys, "--events", str(events), "--sources", str(SOURCES), "--out", str(out))[0] == 0
    row = read_csv(out / "rejected.csv")[0]
    assert row["value"] == '\'=HYPERLINK("x")' and row["column"] == "event_type"


def test_50_mb_article_and_article_without_place(tmp_path, geomap_cache, capsys):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "no_place.md").write_bytes((BAD / "articles" / "no_place.md").read_bytes())
    big = folder / "huge.txt"
    with open(big, "wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # sparse: 50 MB without writing them
    out = tmp_path / "out"
    status, _, err = run(
        capsys,
        "--events",
        str(BAD / "good.csv"),
        "--sources",
        str(SOURCES),
        "--out",
        str(out),
        "--articles",
        str(folder),
    )
    assert status == 0
    assert f"rejected: {big}: file is 50.0 MiB, above the cap of 20.0 MiB" in err
    assert f"unlocated: {folder / 'no_place.md'}: airstrike mentioned but no place" in err
    s = json.loads((out / "summary.json").read_text())
    assert (s["articles_read"], s["articles_used"], s["articles_rejected"]) == (2, 1, 1)
    assert s["mentions_without_place"] == 1 and s["events_mapped"] == 2
    status, _, _ = run(
        capsys,
        "--events",
        str(BAD / "good.csv"),
        "--sources",
        str(SOURCES),
        "--out",
        str(tmp_path / "strict"),
        "--articles",
        str(folder),
        "--strict",
    )
    assert status == 1 and not (tmp_path / "strict").exists()


def test_events_path_is_a_folder(tmp_path, geomap_cache, capsys):
    status, _, err = run(capsys, "--events", str(tmp_path), "--out", str(tmp_path / "out"))
    assert status == 1 and f"error: {tmp_path}: cannot read file: Is a directory" in err
    assert not (tmp_path / "out").exists()


def test_missing_sources_warns_and_strict_fails(tmp_path, geomap_cache, capsys):
    events = tmp_path / "events.csv"
    events.write_bytes((BAD / "good.csv").read_bytes())
    status, _, err = run(capsys, "--events", str(events), "--out", str(tmp_path / "out"))
    assert status == 0 and "sources file not found; source ids cannot be checked" in err
    status, _, err = run(capsys, "--events", str(events), "--out", str(tmp_path / "o2"), "--strict")
    assert status == 1 and not (tmp_path / "o2").exists()


def test_articles_given_twice_are_both_read(tmp_path, geomap_cache, capsys):
    # `--articles a --articles b` read b alone: a's articles left out, uncounted
    for sub, place in (("a", "Torkham"), ("b", "Chaman")):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / f"{sub}.md").write_text(
            f"---\ntitle: T {sub}\nsource: Wire {sub}\npublished: 2025-10-12\n---\n"
            f"On 11 October 2025, an air strike hit a house in {place}, killing two people.\n"
        )
    out = tmp_path / "out"
    args = ["--events", str(BAD / "good.csv"), "--sources", str(BAD / "sources.csv"), "--out", str(out)]
    assert main(["build", *args, "--articles", str(tmp_path / "a"), "--articles", str(tmp_path / "b")]) == 0
    summary = json.loads((out / "summary.json").read_text())
    assert summary["articles_read"] == 2 and summary["drafts_on_map"] == 2


def test_a_pipe_as_events_is_refused_in_one_line(tmp_path, geomap_cache, capsys):
    # 'build --events <(zcat x.csv.gz)': the format was read from the pipe,
    # then the rows found it empty: "file is empty", a wrong reason
    import os

    fifo = tmp_path / "events.csv"
    os.mkfifo(fifo)  # never opened: the refusal comes from its kind alone
    out = tmp_path / "out"
    assert main(["build", "--events", str(fifo), "--sources", str(BAD / "sources.csv"), "--out", str(out)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and f"{fifo}: is a pipe, not a file" in err[0] and not out.exists()
