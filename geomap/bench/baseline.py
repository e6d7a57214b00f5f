"""The baseline: the map a folium user would write by hand.

One ``folium.CircleMarker`` with a ``folium.Popup`` per event, in one
``FeatureGroup`` per event type, a ``LayerControl``, saved with ``m.save``.
Places without coordinates take the gazetteer's (a dictionary lookup, cheaper
than any geocoder, so the baseline is not slowed by geocoding). Popups carry
what geomap's do: type, date, place, actors, toll, note and linked sources,
escaped as any careful user would.

Run as a child process: ``python -m geomap.bench.baseline EVENTS SOURCES OUT.html``.
It prints one JSON line with the event count.
"""

from __future__ import annotations

import argparse
import csv
import html
import json
import sys
from pathlib import Path

from ..schema import parse_source_ids
from .synth import GAZETTEER

PALETTE = {
    "armed_clash": "#d55e00",
    "airstrike": "#cc79a7",
    "explosion": "#e69f00",
    "border_closure": "#0072b2",
    "trade_disruption": "#009e73",
    "talks": "#56b4e9",
    "fortification": "#555555",
    "other": "#999999",
}


def _popup_html(row: dict, sources: dict) -> str:
    e = html.escape
    parts = [
        f"<b>{e(row['event_type'])}</b> ({e(row['sub_event_type'])})",
        f"{e(row['event_date'])} &middot; {e(row['location'])}",
        f"{e(row['actor1'])} &harr; {e(row['actor2'])}",
    ]
    if row.get("fatalities"):
        parts.append(f"killed: {e(row['fatalities'])}")
    parts.append(f"<i>{e(row['note'])}</i>")
    for sid in parse_source_ids(row["sources"]):
        s = sources.get(sid)
        if s:
            parts.append(f'<a href="{e(s["url"])}" target="_blank">{e(s["publisher"])}: {e(s["title"])}</a>')
    return "<br>".join(parts)


def build_baseline(events: Path, sources: Path, out: Path) -> tuple[int, float]:
    """Write the plain-folium map of ``events`` to ``out``.

    Returns
    -------
    (markers, map_s) : tuple of int, float
        Marker count and the seconds spent making and saving the map (after
        reading the CSVs), to set against geomap's own map-making time.
    """
    import time

    import folium

    with open(sources, newline="", encoding="utf-8") as fh:
        srcs = {r["source_id"]: r for r in csv.DictReader(fh)}
    with open(GAZETTEER, newline="", encoding="utf-8") as fh:
        gaz = {r["name"]: (float(r["latitude"]), float(r["longitude"])) for r in csv.DictReader(fh)}
    with open(events, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    t0 = time.perf_counter()
    m = folium.Map(location=[33.0, 68.5], zoom_start=6)
    groups = {t: folium.FeatureGroup(name=t).add_to(m) for t in PALETTE}
    n = 0
    for row in rows:
        if row["latitude"] and row["longitude"]:
            lat, lon = float(row["latitude"]), float(row["longitude"])
        elif row["location"] in gaz:
            lat, lon = gaz[row["location"]]
        else:
            continue
        folium.CircleMarker(
            [lat, lon],
            radius=6,
            color=PALETTE[row["event_type"]],
            fill=True,
            fill_opacity=0.8,
            weight=1,
            popup=folium.Popup(_popup_html(row, srcs), max_width=320),
        ).add_to(groups[row["event_type"]])
        n += 1
    folium.LayerControl().add_to(m)
    m.save(str(out))
    return n, time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Plain-folium baseline map (one object per event).")
    ap.add_argument("events", type=Path)
    ap.add_argument("sources", type=Path)
    ap.add_argument("out", type=Path)
    args = ap.parse_args(argv)
    n, seconds = build_baseline(args.events, args.sources, args.out)
    print(json.dumps({"markers": n, "map_s": round(seconds, 3)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
