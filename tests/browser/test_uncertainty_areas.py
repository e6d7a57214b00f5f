"""Issue 11 case 14: many province-level events at distinct points must not freeze the map.

Thousands of overlapping 60 km uncertainty shapes made each cluster click
repaint for tens of seconds; past ``MAX_AREAS`` distinct areas the overlay
draws none, and an opened event still shows its own area.
"""

from __future__ import annotations

import pytest
from conftest import open_map


@pytest.fixture
def many_areas_html(tmp_path, monkeypatch):
    from conftest_render import event, make_gdf

    import geomap.render.layer as events_mod
    from geomap.geo import point
    from geomap.render import map_from_frame, save_html

    monkeypatch.setattr(events_mod, "MAX_AREAS", 10)
    rows = []
    for i in range(40):
        row = event(f"P-{i:03d}", "armed_clash", "2024-03-01", "Paktika Province", gp=3)
        row["latitude"] = 31.0 + i * 0.05
        row["longitude"] = 67.0 + i * 0.07
        row["geometry"] = point(row["latitude"], row["longitude"])
        rows.append(row)
    gdf = make_gdf(rows)
    return save_html(map_from_frame(gdf, engine="grid"), tmp_path / "map.html")


def test_too_many_areas_draws_none_but_the_opened_one(page, many_areas_html):
    open_map(page, many_areas_html)
    assert page.evaluate("geomap.uncertainty.getLayers().length") == 0
    page.evaluate("geomap.select('P-005')")
    page.wait_for_selector(".leaflet-popup .geomap-popup[data-uid='P-005']")
    assert page.evaluate("geomap.highlight.getLayers().length") == 1
    # a few areas are drawn as before
    page.evaluate("geomap.setFilter({q: 'P-00'})")
    assert page.evaluate("geomap.uncertainty.getLayers().length") == 10
