"""geomap.import_events, the API of ``geomap import``."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import geomap
from geomap.exc import InputError

DATASETS = Path(__file__).parent / "data" / "datasets"


def test_import_writes_events_and_sources_that_build(tmp_path):
    counts, report = geomap.import_events(DATASETS / "points.csv", tmp_path / "out" / "events.csv")
    assert (
        counts["rows_read"]
        == counts["events"] + counts["rows_merged"] + counts["rows_rejected"] + counts["rows_out_of_region"]
    )
    assert (tmp_path / "out" / "sources.csv").exists()
    es = geomap.load_events(tmp_path / "out" / "events.csv")
    assert len({e.event_id for e in es.events}) == counts["events"]


@pytest.mark.parametrize("name", ["acled_2024.csv", "sources.csv"])
def test_import_refuses_to_overwrite_its_input(tmp_path, name):
    src = tmp_path / name
    shutil.copy(DATASETS / "acled_2024.csv", src)
    before = src.read_bytes()
    out = src if name != "sources.csv" else tmp_path / "events.csv"
    with pytest.raises(InputError, match="is the input file"):
        geomap.import_events(src, out)
    assert src.read_bytes() == before


def test_import_region_must_be_readable(tmp_path):
    with pytest.raises(ValueError, match="durand"):
        geomap.import_events(DATASETS / "points.csv", tmp_path / "e.csv", region="bogus")


FIXTURES = sorted(p.name for p in DATASETS.iterdir() if p.suffix != ".md")


@pytest.mark.parametrize("name", FIXTURES)
def test_import_again_into_the_same_place_replaces_the_earlier_import(tmp_path, name):
    out = tmp_path / "imported" / "events.csv"
    geomap.import_events(DATASETS / name, out)
    first = out.read_bytes(), out.with_name("sources.csv").read_bytes()
    geomap.import_events(DATASETS / name, out)  # the same file again: the same pair
    assert (out.read_bytes(), out.with_name("sources.csv").read_bytes()) == first


def test_import_never_replaces_a_curated_dataset_or_another_file(tmp_path):
    # a dataset of curated events (geodata's layout), or any file that is not an
    # earlier import, at -o or as the sources.csv beside it, was silently replaced
    mine = tmp_path / "mine"
    shutil.copytree(Path(__file__).parents[1] / "geodata", mine, ignore=shutil.ignore_patterns("*.geojson", "*.json"))
    before = {p.name: p.read_bytes() for p in mine.iterdir()}
    with pytest.raises(InputError, match="holds 21 event.* not imported"):
        geomap.import_events(DATASETS / "points.csv", mine / "events.csv")
    with pytest.raises(InputError, match="sources.csv.*sources of another dataset"):
        geomap.import_events(DATASETS / "points.csv", mine / "points_events.csv")  # sources.csv beside
    raw = tmp_path / "raw.csv"
    shutil.copy(DATASETS / "acled_2024.csv", raw)
    with pytest.raises(InputError, match="not an events.csv that geomap import wrote"):
        geomap.import_events(DATASETS / "points.csv", raw)
    assert {p.name: p.read_bytes() for p in mine.iterdir()} == before
    assert raw.read_bytes() == (DATASETS / "acled_2024.csv").read_bytes()


def test_import_into_a_builds_output_is_refused(tmp_path, offline_chain):
    # `geomap import x.csv -o output/events.csv`: output/events.csv is a link into
    # the shown build, so the import went into the build's generation folder;
    # edited there, it was deleted with that folder by the next build into output/
    out = tmp_path / "output"
    geomap.build(DATASETS / "acled_2024.csv", out=out, chain=offline_chain)
    shown = (out / "events.csv").read_bytes()
    with pytest.raises(InputError, match="is an output of a build"):
        geomap.import_events(DATASETS / "points.csv", out / "events.csv")
    assert (out / "events.csv").read_bytes() == shown and not (out / "sources.csv").exists()


def test_import_writes_its_pair_under_the_datasets_locks(tmp_path):
    # two runs at once into one folder (imports, or an import and an accept)
    # could leave one's events beside the other's sources: the pair is written
    # while holding the locks accept takes, and waits for them
    import threading
    import time

    from geomap.atomic import lock_file_for, locked

    out = tmp_path / "mine" / "events.csv"
    out.parent.mkdir()
    done = []
    with locked(lock_file_for(out.with_name("sources.csv"))):
        run = threading.Thread(target=lambda: done.append(geomap.import_events(DATASETS / "points.csv", out)))
        run.start()
        time.sleep(1.0)
        assert not out.exists() and not out.with_name("sources.csv").exists() and not done  # waiting
    run.join(60)
    assert done and geomap.load_events(out, strict=True).events


def test_import_into_a_folder_writes_events_csv_there(tmp_path, capsys):
    # '-o imported/' wrote a file named 'imported'; an existing folder was
    # refused as "not an events.csv that geomap import wrote"
    from geomap.cli import main

    (tmp_path / "have").mkdir()
    for given, folder in ((str(tmp_path / "have"), "have"), (str(tmp_path / "new") + "/", "new")):
        assert main(["import", str(DATASETS / "points.csv"), "-o", given]) == 0
        assert (tmp_path / folder).is_dir()
        assert sorted(p.name for p in (tmp_path / folder).iterdir() if not p.name.startswith(".")) == [
            "events.csv",
            "sources.csv",
        ]
        assert f"wrote {tmp_path / folder / 'events.csv'} and" in capsys.readouterr().err


def test_import_refuses_events_named_as_its_sources(tmp_path):
    # '-o x/sources.csv' wrote the sources over the events: exit 0, every event lost
    with pytest.raises(InputError, match="cannot be the sources.csv"):
        geomap.import_events(DATASETS / "points.csv", tmp_path / "sources.csv")
    link = tmp_path / "events.csv"
    link.symlink_to(tmp_path / "sources.csv")  # the same through a link
    with pytest.raises(InputError, match="cannot be the sources.csv"):
        geomap.import_events(DATASETS / "points.csv", link)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.csv"]
