"""``geomap build``: the map and its exports."""

from __future__ import annotations

import sys

EPILOG = """Examples:
  geomap build                                  # geodata/events.csv -> output/
  geomap build --events my.csv --out public/ --gpkg --figure
  geomap build --articles articles/             # add extracted drafts (unverified)
  geomap build --strict                         # fail if any row or place is bad

Bad rows, unreadable articles and unknown places are reported (file:line
[column]: reason), counted in the summary and written to rejected.csv and
unlocated.csv; the rest is built. Outputs are replaced only when the build is
complete, so an interrupted build leaves the previous ones intact.

Exit status: 0 built; 1 an input file cannot be used at all (missing, binary,
not UTF-8, empty, a required column missing), or --strict and anything was
rejected or not found (then nothing is written), or the outputs cannot be
written (the previous ones are kept); 130 interrupted.
"""


def register(sub, formatter):
    p = sub.add_parser("build", help="build output/map.html and the exports",
                       description="Validate the events, geocode them offline, and write "
                                   "map.html, embed.html, events.geojson, events.csv, "
                                   "rejected.csv, unlocated.csv and summary.json.",
                       epilog=EPILOG, formatter_class=formatter)
    p.add_argument("--events", default=None, help="events CSV (default geodata/events.csv), or "
                                                   "a folder of GeoParquet drafts (extract --parquet)")
    p.add_argument("--sources", default=None, help="sources CSV (default: sources.csv beside --events)")
    p.add_argument("--out", default="output", help="output folder (default output/)")
    p.add_argument("--articles", nargs="+", default=None, metavar="PATH",
                   help="article files/folders to extract draft events from")
    p.add_argument("--online", action="store_true",
                   help="allow online geocoding (Nominatim, 1 request/s, cached)")
    p.add_argument("--strict", action="store_true",
                   help="exit non-zero and write nothing when any row or place is bad")
    p.add_argument("--cdn", action="store_true",
                   help="link scripts from CDNs instead of inlining them (smaller, needs internet)")
    p.add_argument("--gpkg", action="store_true", help="also write events.gpkg")
    p.add_argument("--figure", action="store_true", help="also write map.png and map.svg")
    p.add_argument("--quiet", action="store_true", help="print only errors")
    from .extract import add_parallel_arguments

    add_parallel_arguments(p)  # for --articles
    p.set_defaults(func=run)


def run(args) -> int:
    from ..build import build, print_problems, print_summary
    from ..exc import BuildError

    extract = None
    if args.articles and (args.jobs != 1 or args.scheduler):
        from ..parallel import ParallelExtractor

        extract = ParallelExtractor(args.jobs, args.scheduler, online=args.online)
    try:
        result = build(args.events, args.sources, out=args.out, articles=args.articles,
                       online=args.online, strict=args.strict, cdn=args.cdn, gpkg=args.gpkg,
                       figure=args.figure, progress=not args.quiet and sys.stderr.isatty(),
                       extract=extract)
    except BuildError as err:
        # every problem, not only the first, so one --strict run shows all to fix
        report = getattr(err, "report", None)
        if report is not None:
            print_problems(report, sys.stderr)
        raise
    if not args.quiet:
        print_summary(result)
    return 0
