"""``geomap figure``: the static PNG and SVG of the map."""

from __future__ import annotations

import sys

EPILOG = """Examples:
  geomap figure                               # geodata/events.csv -> output/map.png, map.svg
  geomap figure --events my.csv --out report/ --dpi 300
"""


def register(sub, formatter):
    p = sub.add_parser("figure", help="write a static PNG and SVG of the map",
                       description="Draw the border, the crossings and the events by type "
                                   "(legend, title, attribution) with matplotlib; no network.",
                       epilog=EPILOG, formatter_class=formatter)
    p.add_argument("--events", default=None, help="events CSV (default geodata/events.csv)")
    p.add_argument("--sources", default=None, help="sources CSV (default: sources.csv beside --events)")
    p.add_argument("--out", default="output", help="output folder (default output/)")
    p.add_argument("--dpi", type=int, default=150, help="PNG resolution (default 150: 1500x1125 px)")
    p.add_argument("--title", default=None, help="figure title")
    p.set_defaults(func=run)


def run(args) -> int:
    from ..api import figure

    if args.dpi < 30 or args.dpi > 1200:
        print(f"geomap figure: error: --dpi {args.dpi} out of range; allowed 30..1200",
              file=sys.stderr)
        return 2
    png, svg = figure(args.events, args.sources, out=args.out, dpi=args.dpi, title=args.title)
    print(f"wrote {png} and {svg}", file=sys.stderr)
    return 0
