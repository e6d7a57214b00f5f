"""``geomap figure``: the static PNG and SVG of the map."""

from __future__ import annotations

import sys

EPILOG = """Examples:
  geomap figure                               # geodata/events.csv -> output/map.png, map.svg
  geomap figure --events my.csv --out report/ --dpi 300
  geomap figure --types armed_clash,airstrike --from 2025-10-01 --to 2025-10-31
  geomap figure --actors "TTP,Pakistan"       # events naming either actor
"""


def register(sub, formatter):
    p = sub.add_parser(
        "figure",
        help="write a static PNG and SVG of the map",
        description="Draw the border, the crossings and the events by type "
        "(legend, title, attribution) with matplotlib; no network.",
        epilog=EPILOG,
        formatter_class=formatter,
    )
    p.add_argument(
        "--events",
        default=None,
        help="events file, geomap's or a dataset's as build reads it (default geodata/events.csv)",
    )
    p.add_argument("--sources", default=None, help="sources CSV (default: sources.csv beside --events)")
    p.add_argument("--out", default="output", help="output folder (default output/)")
    p.add_argument("--dpi", type=int, default=150, help="PNG resolution (default 150: 1500x1125 px)")
    p.add_argument("--title", default=None, help="figure title")
    p.add_argument("--types", default=None, help="comma-separated event types to draw (as the page's types=)")
    p.add_argument(
        "--from",
        dest="start",
        default=None,
        metavar="YYYY-MM-DD",
        help="first day (events whose date interval overlaps the range are drawn)",
    )
    p.add_argument("--to", dest="end", default=None, metavar="YYYY-MM-DD", help="last day")
    p.add_argument(
        "--actors",
        action="append",
        default=None,
        metavar="A,B",
        help="only events naming one of these actors (either actor column); "
        "comma-separated, or give --actors again for names with commas",
    )
    p.set_defaults(func=run)


def run(args) -> int:
    from datetime import date

    from ..api import figure
    from ..schema import EVENT_TYPES

    if args.dpi < 30 or args.dpi > 1200:
        print(f"geomap figure: error: --dpi {args.dpi} out of range; allowed 30..1200", file=sys.stderr)
        return 2

    def fail(msg: str) -> int:
        print(f"geomap figure: error: {msg}", file=sys.stderr)
        return 2

    for flag, value in (("--from", args.start), ("--to", args.end)):
        if value is not None:
            try:
                date.fromisoformat(value)
            except ValueError:
                return fail(f"{flag} {value!r} is not a date; use YYYY-MM-DD")
    types = None
    if args.types is not None:
        types = [t.strip() for t in args.types.split(",") if t.strip()]
        bad = [t for t in types if t not in EVENT_TYPES]
        if bad:
            return fail(f"--types {','.join(bad)}: unknown; allowed: {', '.join(EVENT_TYPES)}")
    actors = None
    if args.actors:
        actors = [
            a.strip() for arg in args.actors for a in (arg.split(",") if len(args.actors) == 1 else [arg]) if a.strip()
        ]
    from ..pipeline import BuildResult
    from .build import print_problems, summary_lines

    result = BuildResult()
    png, svg = figure(
        args.events,
        args.sources,
        out=args.out,
        dpi=args.dpi,
        title=args.title,
        types=types,
        start=args.start,
        end=args.end,
        actors=actors,
        result=result,
    )
    print_problems(result.report, sys.stderr)
    for line in summary_lines(result):
        print(line, file=sys.stderr)
    print(f"wrote {png} and {svg}", file=sys.stderr)
    return 0
