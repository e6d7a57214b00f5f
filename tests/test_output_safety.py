"""The output folder (issue 11, cases 1 and 9).

Case 1: no output may overwrite an input (events, sources, articles, the
project's geodata folder), whatever path leads there: refused, exit 1,
nothing written. Case 9: the output folder shows one build at a time: a
failure or a kill while publishing, two builds at once, or an output name
taken by a folder never leave files of two builds side by side, and the
message says what was kept.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from geomap.atomic import locked
from geomap.cli import main
from geomap.exc import BuildError
from geomap.pipeline import build

BAD = Path(__file__).parent / "data" / "bad"
SOURCES = BAD / "sources.csv"
OUTPUTS = ["embed.html", "events.csv", "events.geojson", "map.html", "rejected.csv", "summary.json", "unlocated.csv"]


def visible(folder: Path) -> dict[str, bytes]:
    """The outputs shown, map.html without folium's random element ids."""
    return {
        p.name: re.sub(rb"[0-9a-f]{32}", b"", p.read_bytes()) if p.name == "map.html" else p.read_bytes()
        for p in folder.iterdir()
        if not p.name.startswith(".") and not p.is_dir()
    }


def one_row(folder: Path) -> Path:
    """good.csv without its second event: a build whose every output differs."""
    path = folder / "one.csv"
    path.write_text("\n".join((BAD / "good.csv").read_text().splitlines()[:2]) + "\n")
    return path


def tree(folder: Path) -> dict[str, bytes | None]:
    """Every path under ``folder`` (links not followed) with its bytes."""
    return {
        str(p.relative_to(folder)): (p.read_bytes() if p.is_file() and not p.is_symlink() else None)
        for p in sorted(folder.rglob("*"))
    }


def dataset(folder: Path) -> Path:
    folder.mkdir(exist_ok=True)
    shutil.copy(BAD / "good.csv", folder / "events.csv")
    shutil.copy(SOURCES, folder / "sources.csv")
    return folder / "events.csv"


# ---------------------------------------------------------------- case 1


def refused(capsys, *args) -> str:
    status = main(["build", *args])
    err = capsys.readouterr().err
    assert status == 1, err
    assert "nothing was written" in err
    return err


def test_out_equal_to_the_events_folder_is_refused(tmp_path, geomap_cache, capsys):
    events = dataset(tmp_path / "D")
    before = tree(tmp_path / "D")
    err = refused(capsys, "--events", str(events), "--out", str(tmp_path / "D"))
    assert f"holds the input {events} (events)" in err
    assert tree(tmp_path / "D") == before


def test_out_that_is_a_file_is_refused_before_reading(tmp_path, geomap_cache, capsys, monkeypatch):
    # it failed after the whole build with "File exists", saying "the previous outputs are kept"
    import geomap.pipeline

    events = dataset(tmp_path / "D")
    (tmp_path / "notes.txt").write_text("mine")
    (tmp_path / "gone").symlink_to(tmp_path / "nowhere")
    monkeypatch.setattr(geomap.pipeline, "load_events", None)  # reading would fail the test
    for out in ("notes.txt", "notes.txt/out", "gone"):
        err = refused(capsys, "--events", str(events), "--out", str(tmp_path / out))
        assert "not a folder" in err
    assert (tmp_path / "notes.txt").read_text() == "mine"
    assert main(["figure", "--events", str(events), "--out", str(tmp_path / "notes.txt")]) == 1
    assert "not a folder" in capsys.readouterr().err


def test_out_that_cannot_be_written_is_refused_before_reading(tmp_path, geomap_cache, capsys, monkeypatch):
    # a read-only mount failed after the whole build (root passes chmod, so os.access is made to say no)
    import os

    import geomap.pipeline

    events = dataset(tmp_path / "D")
    ro = tmp_path / "ro"
    ro.mkdir()
    real = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, **kw: Path(p) != ro and real(p, mode, **kw))
    monkeypatch.setattr(geomap.pipeline, "load_events", None)  # reading would fail the test
    for out in (ro, ro / "new" / "out"):
        err = refused(capsys, "--events", str(events), "--out", str(out))
        assert "cannot be written" in err
    assert list(ro.iterdir()) == []


def test_out_geodata_with_the_default_events_is_refused(tmp_path, geomap_cache, capsys, monkeypatch):
    import geomap.geo

    geodata = tmp_path / "geodata"
    shutil.copytree(geomap.geo.GEODATA_DIR, geodata)
    monkeypatch.setattr(geomap.geo, "GEODATA_DIR", geodata)
    before = tree(geodata)
    err = refused(capsys, "--out", str(geodata))
    assert "geodata" in err
    assert tree(geodata) == before
    # a folder inside geodata too: the project's data is not an output folder
    refused(capsys, "--out", str(geodata / "output"))
    assert tree(geodata) == before


def test_a_symlink_to_the_input_is_seen_through(tmp_path, geomap_cache, capsys):
    events = dataset(tmp_path / "D")
    link = tmp_path / "mine.csv"
    link.symlink_to(events)
    before = tree(tmp_path / "D")
    refused(capsys, "--events", str(link), "--sources", str(SOURCES), "--out", str(tmp_path / "D"))
    out_link = tmp_path / "out"
    out_link.symlink_to(tmp_path / "D")
    refused(capsys, "--events", str(events), "--out", str(out_link))
    assert tree(tmp_path / "D") == before


def test_sources_are_inputs_too(tmp_path, geomap_cache, capsys):
    (tmp_path / "D").mkdir()
    sources = tmp_path / "D" / "summary.json"  # an odd name, but an input
    shutil.copy(SOURCES, sources)
    before = tree(tmp_path / "D")
    err = refused(capsys, "--events", str(BAD / "good.csv"), "--sources", str(sources), "--out", str(tmp_path / "D"))
    assert f"holds the input {sources} (sources)" in err
    assert tree(tmp_path / "D") == before


def test_out_inside_an_articles_folder_is_refused(tmp_path, geomap_cache, capsys):
    articles = tmp_path / "articles"
    shutil.copytree(BAD / "articles", articles)
    before = tree(articles)
    for out in (articles, articles / "output"):
        err = refused(
            capsys,
            "--events",
            str(BAD / "good.csv"),
            "--sources",
            str(SOURCES),
            "--articles",
            str(articles),
            "--out",
            str(out),
        )
        assert f"inside the articles folder {articles}" in err
    assert tree(articles) == before


def test_the_previous_export_as_input_is_refused(tmp_path, geomap_cache, capsys):
    out = tmp_path / "out"
    assert (
        main(["build", "--events", str(BAD / "good.csv"), "--sources", str(SOURCES), "--out", str(out), "--quiet"]) == 0
    )
    before = visible(out)
    refused(capsys, "--events", str(out / "events.csv"), "--sources", str(SOURCES), "--out", str(out))
    assert visible(out) == before


def test_an_input_beside_the_outputs_is_refused_and_below_them_fine(tmp_path, geomap_cache, capsys):
    up = tmp_path / "up"
    folder = up / "D"
    folder.mkdir(parents=True)
    shutil.copy(BAD / "good.csv", folder / "my-events.csv")
    shutil.copy(SOURCES, folder / "sources.csv")
    before = tree(folder)
    # no name clash today, but outputs are never written beside an input
    refused(capsys, "--events", str(folder / "my-events.csv"), "--out", str(folder))
    assert tree(folder) == before
    assert (
        main(["build", "--events", str(folder / "my-events.csv"), "--out", str(up), "--quiet"]) == 0
    )  # the folder above: fine
    assert set(OUTPUTS) <= set(visible(up)) and tree(folder) == before


def test_the_api_refuses_too(tmp_path, offline_chain):
    events = dataset(tmp_path / "D")
    with pytest.raises(BuildError, match="holds the input"):
        build(events, out=tmp_path / "D", chain=offline_chain)


# ---------------------------------------------------------------- case 9


def generation(out: Path, old: dict[str, bytes], new: dict[str, bytes]) -> str:
    """'old' or 'new' when every visible output is of that build, else 'mixed'."""
    now = visible(out)
    if now == old:
        return "old"
    if now == new:
        return "new"
    return "mixed: " + ", ".join(f"{k} {'old' if now.get(k) == old.get(k) else 'new'}" for k in sorted(now))


def test_an_output_name_taken_by_a_folder_replaces_nothing(tmp_path, offline_chain):
    out = tmp_path / "out"
    build(BAD / "good.csv", SOURCES, out=out, chain=offline_chain)
    old = visible(out)
    (out / "map.html").unlink()
    (out / "map.html").mkdir()
    (out / "map.html" / "mine.txt").write_text("keep me")
    del old["map.html"]
    with pytest.raises(BuildError) as info:
        build(BAD / "unknown_place.csv", SOURCES, out=out, chain=offline_chain)
    message = str(info.value)
    assert f"{out / 'map.html'} is a folder" in message
    assert "nothing was replaced, the previous outputs are kept" in message
    assert {k: v for k, v in visible(out).items() if k != "map.html"} == old
    assert (out / "map.html" / "mine.txt").read_text() == "keep me"


def test_a_fresh_folder_with_a_map_html_folder_gets_nothing(tmp_path, offline_chain):
    out = tmp_path / "out"
    (out / "map.html").mkdir(parents=True)
    with pytest.raises(BuildError, match="nothing was replaced"):
        build(BAD / "good.csv", SOURCES, out=out, chain=offline_chain)
    assert sorted(visible_names(out)) == ["map.html"]


def visible_names(out: Path) -> list[str]:
    return [p.name for p in out.iterdir() if not p.name.startswith(".")]


@pytest.mark.parametrize("failing_call", range(1, 17))
def test_a_failure_while_publishing_shows_one_build(tmp_path, offline_chain, monkeypatch, failing_call):
    import os

    ref = tmp_path / "ref"
    build(one_row(tmp_path), SOURCES, out=ref, chain=offline_chain)
    new = visible(ref)
    out = tmp_path / "out"
    build(BAD / "good.csv", SOURCES, out=out, chain=offline_chain)
    old = visible(out)
    real_replace, calls = os.replace, []

    def replace(src, dst, **kw):
        calls.append(dst)
        if len(calls) == failing_call:
            raise OSError(28, "No space left on device", str(dst))
        return real_replace(src, dst, **kw)

    monkeypatch.setattr(os, "replace", replace)
    try:
        build(one_row(tmp_path), SOURCES, out=out, chain=offline_chain)
        message = None
    except BuildError as err:
        message = str(err)
    monkeypatch.setattr(os, "replace", real_replace)
    state = generation(out, old, new)
    assert state in ("old", "new"), state
    if message is not None and "previous outputs are kept" in message:
        assert state == "old", message
    if message is not None and state == "new":
        assert "kept" not in message


def test_a_second_build_waits_for_the_one_publishing(tmp_path, geomap_cache):
    out = tmp_path / "out"
    assert (
        main(["build", "--events", str(BAD / "good.csv"), "--sources", str(SOURCES), "--out", str(out), "--quiet"]) == 0
    )
    old = visible(out)
    import os

    env = dict(os.environ)
    with locked(out / ".geomap-build.lock"):  # as a build publishing right now
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "geomap",
                "build",
                "--events",
                str(BAD / "unknown_place.csv"),
                "--sources",
                str(SOURCES),
                "--out",
                str(out),
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        deadline = time.monotonic() + 90
        staged = False
        while time.monotonic() < deadline and proc.poll() is None and not staged:
            staged = any((p / "summary.json").exists() for p in out.glob(".geomap-build.*"))
            time.sleep(0.05)
        assert staged, proc.communicate()
        time.sleep(0.5)
        assert proc.poll() is None and visible(out) == old  # it waits, nothing replaced
    _, err = proc.communicate(timeout=90)
    assert proc.returncode == 0, err
    assert "waiting for another build" in err
    assert json.loads((out / "summary.json").read_text())["rows_read"] == 3
    assert visible(out) != old


def test_two_builds_at_once_leave_one_of_them(tmp_path, geomap_cache):
    out = tmp_path / "out"
    refs = {}
    for events in (BAD / "good.csv", one_row(tmp_path)):
        ref = tmp_path / f"ref-{events.name}"
        assert main(["build", "--events", str(events), "--sources", str(SOURCES), "--out", str(ref), "--quiet"]) == 0
        refs[events] = visible(ref)
    for _ in range(3):
        procs = [
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "geomap",
                    "build",
                    "--events",
                    str(events),
                    "--sources",
                    str(SOURCES),
                    "--out",
                    str(out),
                    "--quiet",
                ],
                stderr=subprocess.PIPE,
            )
            for events in refs
        ]
        for proc in procs:
            _, err = proc.communicate(timeout=120)
            assert proc.returncode == 0, err
        assert visible(out) in list(refs.values())
    hidden = sorted(p.name for p in out.iterdir() if p.name.startswith("."))
    assert len(hidden) == 3 and hidden[0] == ".geomap-build.lock"
    assert hidden[1] == ".geomap-current" and hidden[2].startswith(".geomap-gen.")


#: The start of each export as every geomap version wrote it (source_publishers, source_refs).
OLD_EXPORTS = {
    "events.csv": "event_id,event_type,location,latitude,longitude,sources,source_publishers\n",
    "events.geojson": '{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": '
    '{"event_id": "X", "source_refs": []}, "geometry": null}]}',
    "rejected.csv": "file,line,column,reason,value\nold.csv,2,,an old problem,\n",
    "unlocated.csv": "file,line,column,reason,value\nold.csv,3,location,an old place,\n",
    "summary.json": '{"rows_read": 0, "events_mapped": 0}\n',
    "map.html": '<html><div class="geomap-panel"></div></html>',
    "embed.html": '<iframe src="map.html?embed=1"></iframe>',
}


def test_a_folder_of_an_older_geomap_is_switched_to_links(tmp_path, offline_chain):
    out = tmp_path / "out"
    out.mkdir()
    for name in OUTPUTS:  # plain files, as geomap wrote them before generations
        (out / name).write_text(OLD_EXPORTS.get(name, "old"))
    build(BAD / "good.csv", SOURCES, out=out, chain=offline_chain)
    for name in OUTPUTS:
        assert (out / name).is_symlink() and (out / name).read_text() != OLD_EXPORTS.get(name, "old")


#: A user's own file of each output name: a dataset, a GeoPackage of their
#: own, a page, a list, a picture (each must survive a build into its folder).
USERS_OWN = {
    "events.geojson": (Path(__file__).parent / "data" / "datasets" / "points.geojson").read_bytes(),
    "rejected.csv": b"id,reason\n1,my own notes\n",
    "unlocated.csv": b"place,todo\nQala,look up\n",
    "summary.json": b'{"my": "notes"}\n',
    "map.html": b"<!doctype html><title>my map</title><p>by hand</p>\n",
    "embed.html": b"<p>my snippet</p>\n",
    "map.png": b"\x89PNG\r\n\x1a\n my own picture",
    "map.svg": b'<svg xmlns="http://www.w3.org/2000/svg"><!-- Inkscape --></svg>\n',
}


def own_gpkg(path: Path) -> None:
    """A GeoPackage of the user's (events without geomap's columns)."""
    import geopandas as gpd
    from shapely.geometry import Point

    frame = gpd.GeoDataFrame({"event_id": ["M1"], "note": ["mine"]}, geometry=[Point(70, 34)], crs="EPSG:4326")
    frame.to_file(path, driver="GPKG", layer="events")


@pytest.mark.parametrize("name", ["events.csv", "events.gpkg", *USERS_OWN])
def test_a_dataset_where_an_export_goes_is_never_replaced(tmp_path, geomap_cache, capsys, name):
    # `geomap import acled.csv -o mine/events.csv`, edits, then `geomap build --out mine`
    # without --events: the edited dataset was replaced by the export and lost;
    # so were a GeoPackage of one's own (--gpkg), a page or a figure of that name
    mine = tmp_path / "mine"
    if name == "events.csv":
        dataset(mine)
    else:
        mine.mkdir()
        if name == "events.gpkg":
            own_gpkg(mine / name)
        else:
            (mine / name).write_bytes(USERS_OWN[name])
    before = tree(mine)
    args = ["--events", str(BAD / "good.csv"), "--sources", str(SOURCES), "--out", str(mine), "--gpkg", "--figure"]
    status = main(["build", *args])
    err = capsys.readouterr().err
    assert status == 1 and f"{mine / name} is not an output geomap wrote" in err
    assert "nothing was replaced" in err
    assert tree(mine) == before  # not one file added, replaced or removed


def test_a_file_named_like_an_output_not_asked_for_is_left_alone(tmp_path, offline_chain):
    # a picture of one's own named map.png stops only a build that draws the figure
    out = tmp_path / "out"
    out.mkdir()
    (out / "map.png").write_bytes(USERS_OWN["map.png"])
    build(BAD / "good.csv", SOURCES, out=out, chain=offline_chain)
    assert (out / "map.png").read_bytes() == USERS_OWN["map.png"] and (out / "map.html").is_symlink()


def test_outputs_of_an_older_geomap_are_replaced(tmp_path, offline_chain):
    # the plain files a build wrote before outputs were links carry their marks
    first, out = tmp_path / "first", tmp_path / "out"
    build(BAD / "good.csv", SOURCES, out=first, chain=offline_chain, gpkg=True, figure=True)
    out.mkdir()
    for link in first.iterdir():
        if not link.name.startswith("."):
            shutil.copyfile(link, out / link.name)
    build(BAD / "good.csv", SOURCES, out=out, chain=offline_chain, gpkg=True, figure=True)
    assert all((out / name).is_symlink() for name in ["events.gpkg", "map.png", "map.svg", *OUTPUTS])


def test_an_output_the_new_build_lacks_is_no_longer_shown(tmp_path, offline_chain):
    out = tmp_path / "out"
    build(BAD / "good.csv", SOURCES, out=out, chain=offline_chain, figure=True)
    assert (out / "map.png").read_bytes()[:4] == b"\x89PNG"
    (out / "notes.txt").write_text("mine")
    build(BAD / "good.csv", SOURCES, out=out, chain=offline_chain)
    assert sorted(visible_names(out)) == sorted(OUTPUTS + ["notes.txt"])


@pytest.mark.parametrize(
    "command",
    [
        ["import", str(Path(__file__).parent / "data" / "datasets" / "acled_2024.csv"), "-o", "{g}/events.csv"],
        ["import", str(Path(__file__).parent / "data" / "datasets" / "points.csv"), "-o", "{link}/mine.csv"],
        ["extract", str(Path(__file__).parent / "data" / "articles"), "-o", "{g}/../geodata/events.csv"],
        ["extract", str(Path(__file__).parent / "data" / "articles"), "-o", "x.csv", "--report", "{g}/report.csv"],
        ["figure", "--out", "{g}"],
        ["bench", "--out", "{g}/bench", "--sizes", "10"],
    ],
    ids=["import-events", "import-link", "extract-dotdot", "extract-report", "figure", "bench"],
)
def test_no_command_writes_into_the_projects_geodata(tmp_path, geomap_cache, capsys, monkeypatch, command):
    # build refused --out geodata, but 'geomap import X -o geodata/events.csv'
    # replaced the 21 curated events and their sources.csv with the import,
    # extract -o geodata/events.csv with drafts; figure --out geodata wrote there
    import geomap.geo

    geodata = tmp_path / "geodata"
    shutil.copytree(geomap.geo.GEODATA_DIR, geodata)
    monkeypatch.setattr(geomap.geo, "GEODATA_DIR", geodata)
    (tmp_path / "link").symlink_to(geodata)
    monkeypatch.chdir(tmp_path)
    before = tree(geodata)
    args = [a.format(g=geodata, link=tmp_path / "link") for a in command]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "inside the project's data folder" in err and "nothing was written" in err
    assert tree(geodata) == before
