"""The static figure: files exist, have the asked size, and carry the legend."""

from __future__ import annotations

import json
import struct

from conftest_render import make_gdf

from geomap.schema import EVENT_LABELS
from geomap.staticmap import make_figure


def png_size(path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", head[16:24])


def test_figure_png_and_svg(tmp_path):
    gdf = make_gdf()
    png, svg = make_figure(gdf, tmp_path / "map.png", tmp_path / "map.svg", title="Test map", dpi=80)
    assert png_size(png) == (800, 600)
    text = svg.read_text(encoding="utf-8")
    for label in EVENT_LABELS.values():
        assert label in text
    assert "Test map" in text and "Durand Line" in text
    assert "Natural Earth; GeoNames; geomap" in text
    assert "outside this view" in text  # Doha and Istanbul are counted, not lost


def test_figure_cli(tmp_path):
    from geomap.cli import main

    assert main(["figure", "--out", str(tmp_path), "--dpi", "40"]) == 0
    assert png_size(tmp_path / "map.png") == (400, 300)
    assert (tmp_path / "map.svg").exists()


def test_figure_labels_places_and_states_range_and_sources(tmp_path):
    gdf = make_gdf()
    _, svg = make_figure(gdf, tmp_path / "m.png", tmp_path / "m.svg", dpi=40)
    text = svg.read_text(encoding="utf-8")
    for place in ("Kabul", "Peshawar", "Quetta", "Torkham"):
        assert place in text
    assert f"{len(gdf)} events, 2023-05-02 to 2025-04-02" in text
    assert "Sources: Frontier Daily, Capital Wire, Valley Radio" in text  # most cited first


def test_select_events_filters_like_the_page():
    from geomap.staticmap import select_events

    gdf = make_gdf()
    got = select_events(gdf, types=["airstrike", "talks"], start="2024-03-01", end="2024-12-31")
    assert set(got.event_id) == {"K-002", "K-003", "T-004", "D-001", "I-001"}
    got = select_events(gdf, actors=["Air force", "Border police"])
    assert set(got.event_id) == {"K-002", "K-003", "C-003"}
    # a month-precision event overlaps a range inside its month
    assert set(select_events(gdf, start="2024-05-10", end="2024-05-12").event_id) == {"F-002"}


def test_figure_cli_filters(tmp_path, capsys):
    from geomap.cli import main

    assert (
        main(
            [
                "figure",
                "--out",
                str(tmp_path),
                "--dpi",
                "40",
                "--types",
                "armed_clash,talks",
                "--from",
                "2025-10-01",
                "--actors",
                "Pakistan",
            ]
        )
        == 0
    )
    text = (tmp_path / "map.svg").read_text(encoding="utf-8")
    assert "types: armed_clash, talks; actors: Pakistan; dates 2025-10-01 to" in text
    assert main(["figure", "--out", str(tmp_path), "--types", "nonsense"]) == 2
    assert "unknown; allowed" in capsys.readouterr().err
    assert main(["figure", "--out", str(tmp_path), "--from", "2025-13-01"]) == 2


def test_dollar_signs_in_the_data_are_text_not_math(tmp_path):
    # a publisher, place or title with two '$' started matplotlib's math mode:
    # 'cost $\frac{1}{0$.csv' as a dataset ended 'build --figure' in a traceback
    gdf = make_gdf()
    odd = r"cost $\frac{1}{0$ and $x^{$"
    gdf["sources_json"] = [
        json.dumps([{**r, "publisher": odd} for r in json.loads(refs)]) for refs in gdf["sources_json"]
    ]
    gdf["location"] = odd
    _, svg = make_figure(gdf, tmp_path / "m.png", tmp_path / "m.svg", title=f"Title {odd}", dpi=40)
    text = svg.read_text(encoding="utf-8")
    assert "Title cost $\\frac{1}{0$ and $x^{$" in text and "Sources: cost $\\frac" in text


def test_figure_never_replaces_a_picture_of_ones_own(tmp_path, capsys):
    # 'geomap figure --out site/' replaced the site's own map.png and map.svg
    from geomap.cli import main

    (tmp_path / "map.png").write_bytes(b"\x89PNG\r\n\x1a\n drawn by hand")
    (tmp_path / "map.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>\n')
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    assert main(["figure", "--out", str(tmp_path), "--dpi", "40"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "map.png is not an output geomap wrote" in err[0] and "nothing was written" in err[0]
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before
    (tmp_path / "map.png").unlink()
    (tmp_path / "map.svg").unlink()
    assert main(["figure", "--out", str(tmp_path), "--dpi", "40"]) == 0
    assert main(["figure", "--out", str(tmp_path), "--dpi", "40"]) == 0  # over its own figure: fine


def test_figure_of_many_events_keeps_the_svg_small(tmp_path, monkeypatch):
    # 200,000 events made a 29 MB SVG of single markers (56 s); above
    # RASTER_ABOVE the markers are one image in it, the rest stays vector
    import re

    import pandas as pd

    from geomap import staticmap

    gdf = make_gdf()
    inside = gdf[(gdf["longitude"] > 61) & (gdf["longitude"] < 75) & (gdf["latitude"] > 29) & (gdf["latitude"] < 37)]
    _, small = make_figure(gdf, tmp_path / "a.png", tmp_path / "a.svg", dpi=40)
    assert "<image" not in small.read_text(encoding="utf-8")
    monkeypatch.setattr(staticmap, "RASTER_ABOVE", len(inside) - 1)
    monkeypatch.setattr(staticmap, "STACK_LABELS", 1)
    many = pd.concat([gdf, inside, inside], ignore_index=True)  # every place in view now a stack
    _, svg = make_figure(many, tmp_path / "b.png", tmp_path / "b.svg", dpi=40)
    text = svg.read_text(encoding="utf-8")
    assert text.count("<image") == 1 and "their markers are an image in this SVG" in text
    assert "Durand Line" in text and "Armed clash" in text  # legend and labels stay text
    assert len(re.findall("\u00d7\\d+", text)) == 1 and "\u00d7n marks the 1 largest of" in text


def test_figure_reads_datasets_and_says_what_it_left_out(tmp_path, capsys):
    # figure read only geomap's format ("missing required column(s) event_id" for an ACLED
    # export build maps), and rows it rejected or could not place were dropped without a word
    from pathlib import Path

    from geomap.cli import main

    data = Path(__file__).parent / "data"
    assert main(["figure", "--events", str(data / "datasets" / "acled_2024.csv"), "--out", str(tmp_path)]) == 0
    err = capsys.readouterr().err
    assert "acled_2024.csv:6 [event_date]" in err and "rows read 5, events mapped 4, rows rejected 1" in err
    assert "Armed clash" in (tmp_path / "map.svg").read_text(encoding="utf-8")
    assert main(["figure", "--events", str(data / "bad" / "unknown_place.csv"), "--out", str(tmp_path)]) == 0
    err = capsys.readouterr().err
    assert "unlocated:" in err and "places not found 1" in err
