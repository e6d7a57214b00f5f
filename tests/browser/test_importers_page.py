"""Imported datasets on the page, in headless Chromium: the popup cites the dataset and
shows the original type and precision; the attribution shows each dataset's licence."""

from __future__ import annotations

from pathlib import Path

from conftest import open_map

from geomap.pipeline import build

DATA = Path(__file__).resolve().parents[1] / "data" / "datasets"


def test_popup_cites_the_dataset_and_the_page_shows_its_licence(page, tmp_path, offline_chain):
    out = tmp_path / "out"
    build([DATA / "ucdp_ged_extract.csv", DATA / "points.csv"], out=out, chain=offline_chain)
    open_map(page, out / "map.html")
    page.evaluate("geomap.select('UCDP-900002')")
    popup = page.wait_for_selector(".leaflet-popup .geomap-popup[data-uid='UCDP-900002']")
    text = popup.inner_text()
    assert "UCDP GED" in text and "event 900002" in text
    assert "State-based conflict / Pakistan: TTP" in text  # original type
    assert "where_prec 2" in text and "date_prec 3" in text  # original precision
    assert "Other columns" in text
    attribution = page.inner_text(".leaflet-control-attribution")
    assert "UCDP GED (CC BY 4.0)" in attribution
    # a plain CSV row outside our types: the 'other' layer, labelled with its own type
    page.evaluate("geomap.select('points.csv-p3')")
    popup = page.wait_for_selector(".leaflet-popup .geomap-popup[data-uid='points.csv-p3']")
    assert "relief camp" in popup.inner_text() and "points.csv" in popup.inner_text()
