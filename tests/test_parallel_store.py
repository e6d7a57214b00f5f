"""GeoParquet drafts: written by extract --parquet, read by build --events DIR."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from geomap.cli import main

DEV = Path(__file__).parent / "data" / "news_dev"
pytest.importorskip("pyarrow")


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("pq")
    assert (
        main(
            [
                "extract",
                str(DEV / "articles"),
                "--jobs",
                "2",
                "--quiet",
                "-o",
                str(tmp / "drafts.csv"),
                "--parquet",
                str(tmp / "drafts"),
            ]
        )
        == 0
    )
    return tmp


def test_geoparquet_is_readable_by_geopandas(extracted):
    import geopandas as gpd

    files = sorted((extracted / "drafts").glob("*.parquet"))
    assert [f.name for f in files] == ["part-00000.parquet"]
    assert not (extracted / "drafts" / "_checkpoint").exists()
    gdf = gpd.read_parquet(files[0])
    assert gdf.crs.to_epsg() == 4326 and gdf.geometry.geom_type.eq("Point").all()
    with open(extracted / "drafts.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(gdf) == len(rows)
    assert list(gdf.doc_id) == [r["doc_id"] for r in rows]
    assert gdf.latitude.dtype == "float64" and str(gdf.fatalities.dtype) == "Int64"


def test_build_reads_the_drafts_folder(extracted, tmp_path):
    out = tmp_path / "site"
    assert main(["build", "--events", str(extracted / "drafts"), "--out", str(out), "--quiet"]) == 0
    summary = json.loads((out / "summary.json").read_text())
    with open(extracted / "drafts.csv", newline="", encoding="utf-8") as fh:
        n = sum(1 for _ in csv.DictReader(fh))
    assert summary["drafts_extracted"] == n
    assert n == (
        summary["drafts_on_map"] + summary["drafts_merged"] + summary["drafts_rejected"] + summary["drafts_not_placed"]
    )
    assert summary["rows_read"] == 0 and summary["events_on_map"] == summary["drafts_on_map"] > 0


def test_build_articles_with_jobs_equals_one_process(tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    assert main(["build", "--articles", str(DEV / "articles"), "--out", str(one), "--quiet"]) == 0
    assert main(["build", "--articles", str(DEV / "articles"), "--jobs", "2", "--out", str(two), "--quiet"]) == 0
    assert (one / "events.csv").read_bytes() == (two / "events.csv").read_bytes()
    s1, s2 = (json.loads((d / "summary.json").read_text()) for d in (one, two))
    assert s1 == s2


def test_removing_a_checkpoint_spares_files_that_are_not_its_own(tmp_path):
    # the default checkpoint, OUTPUT.checkpoint, was removed whole after a run: a folder of the
    # user's of that name went with it
    from geomap.parallel.store import MANIFEST, Checkpoint

    folder = tmp_path / "drafts.csv.checkpoint"
    folder.mkdir()
    (folder / "mine.txt").write_text("notes\n")
    ck = Checkpoint(folder, "settings")
    (folder / "part-00000-abc.pkl").write_bytes(b"x")
    (folder / MANIFEST).write_text("{}")
    ck.remove()
    assert [p.name for p in folder.iterdir()] == ["mine.txt"]
    (folder / "mine.txt").unlink()
    Checkpoint(folder, "settings").remove()
    assert not folder.exists()  # its own folder goes once empty
