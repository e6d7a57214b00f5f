"""The static figure: files exist, have the asked size, and carry the legend."""

from __future__ import annotations

import struct

from conftest_render import make_gdf
from geomap.figure import make_figure
from geomap.schema import EVENT_LABELS


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
