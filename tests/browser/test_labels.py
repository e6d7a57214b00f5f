"""Basemap labels: towns by zoom, crossing and town labels never overlap (labels.js)."""

from __future__ import annotations

import pytest
from conftest import open_map

VISIBLE_BOXES = """() => Array.from(document.querySelectorAll(
  '.geomap-crossing-label, .geomap-place-label')).filter(n => {
    const s = getComputedStyle(n); return s.visibility !== 'hidden' && s.display !== 'none'; })
  .map(n => { const r = n.getBoundingClientRect();
    return {text: n.textContent, l: r.left, r: r.right, t: r.top, b: r.bottom}; })"""


def overlapping(boxes):
    return [
        (a["text"], b["text"])
        for i, a in enumerate(boxes)
        for b in boxes[i + 1 :]
        if a["l"] < b["r"] and b["l"] < a["r"] and a["t"] < b["b"] and b["t"] < a["b"]
    ]


@pytest.mark.parametrize("view", ["7/33.5/70", "9/34.05/71.1", "11/34.1/71.1"])
def test_visible_labels_do_not_overlap(page, map_html, view):
    open_map(page, map_html, hash=f"#map={view}")
    page.wait_for_timeout(200)
    boxes = page.evaluate(VISIBLE_BOXES)
    assert boxes
    assert overlapping(boxes) == []


def test_both_torkham_labels_once_zoomed_in_and_towns_by_zoom(page, map_html):
    open_map(page, map_html, hash="#map=15/34.1332/71.0894")
    page.wait_for_timeout(200)
    texts = {b["text"] for b in page.evaluate(VISIBLE_BOXES)}
    assert {"Torkham", "Torkham (Pakistan side)"} <= texts
    page.evaluate("geomap.map.setView([33.5, 70], 6, {animate: false})")
    page.wait_for_timeout(200)
    texts = {b["text"] for b in page.evaluate(VISIBLE_BOXES)}
    assert "Peshawar" in texts and "Jamrud" not in texts  # cities, not yet towns
