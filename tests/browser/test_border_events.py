"""A whole-border event opened from the list or a link fits the Durand Line."""

from __future__ import annotations

from conftest import open_map

BOUNDS = (
    "(() => { const b = geomap.map.getBounds(); return [b.getSouth(), b.getWest(), b.getNorth(), b.getEast()]; })()"
)


def fits_the_line(page) -> bool:
    s, w, n, e = page.evaluate(BOUNDS)
    ds, dw, dn, de = page.evaluate(
        "(() => { const b = geomap.durandBounds; return [b.getSouth(), b.getWest(), b.getNorth(), b.getEast()]; })()"
    )
    # the whole line in view, and not a far wider view
    return s <= ds and w <= dw and n >= dn and e >= de and (n - s) < 3 * (dn - ds)


def test_from_the_list(page, map_html):
    open_map(page, map_html, hash="#map=10/34.1/71.1")
    page.click(".geomap-item-btn[data-uid='B-001']")
    page.wait_for_selector(".leaflet-popup .geomap-popup[data-uid='B-001']")
    assert fits_the_line(page)
    assert page.evaluate("geomap.highlight.getLayers().length") == 1
    page.click(".leaflet-popup-close-button")
    assert page.evaluate("geomap.selected") is None


def test_from_a_link(page, map_html):
    open_map(page, map_html, hash="#event=B-001")
    page.wait_for_selector(".leaflet-popup .geomap-popup[data-uid='B-001']")
    assert fits_the_line(page)
