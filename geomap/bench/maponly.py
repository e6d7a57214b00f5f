"""Child-process worker: geomap's map-making time alone, set against the baseline's.

``python -m geomap.bench.maponly EVENTS SOURCES OUT.html`` loads and places
the events (not timed), then times :func:`geomap.render.map_from_frame` plus
:func:`geomap.render.save_html`: the part of ``geomap build`` that does what
the plain-folium baseline does (make the map and write the page). It prints
one JSON line.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Time map_from_frame + save_html alone.")
    ap.add_argument("events", type=Path)
    ap.add_argument("sources", type=Path)
    ap.add_argument("out", type=Path)
    args = ap.parse_args(argv)
    from ..curated import load_events
    from ..geocoders import default_chain
    from ..geoframe import build_geodataframe
    from ..render import map_from_frame, save_html

    gdf, _ = build_geodataframe(load_events(args.events, args.sources), default_chain())
    t0 = time.perf_counter()
    save_html(map_from_frame(gdf), args.out)
    print(json.dumps({"events": len(gdf), "map_s": round(time.perf_counter() - t0, 3)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
