"""``geomap build``: the map and its exports."""

from __future__ import annotations

import sys

EPILOG = """Examples:
  geomap build                                  # geodata/events.csv -> output/
  geomap build --events my.csv --out public/ --gpkg --figure
  geomap build --articles articles/             # add extracted drafts (unverified)
  geomap build --strict                         # fail if any row or place is bad
  geomap build --events geodata/events.csv --events ged.csv --events acled.csv
  geomap build --events gdelt.export.CSV --format gdelt --region durand:50
  geomap build --events points.geojson --bbox 60,29,75,37

--events is repeatable: geomap's own events.csv and datasets (ACLED, UCDP
GED, GDELT 1.0/2.0, any CSV with latitude/longitude columns, GeoJSON points)
go on one map; the format is detected from each file's header. An imported
event of the same type within 50 km and a day of a curated one joins it as a
further source. --region/--bbox keep imported rows inside (the rest are
counted).

Bad rows, unreadable articles and unknown places are reported (file:line
[column]: reason), counted in the summary and written to rejected.csv and
unlocated.csv; the rest is built. All outputs switch at once when the build is
complete (they are links into OUT/.geomap-current), so an interrupted build
leaves the previous one shown whole. An --out that is or holds an input file,
or lies in an articles folder or in geodata/, is refused.

Exit status: 0 built; 1 --out could overwrite an input, or an input file
cannot be used at all (missing, binary, not UTF-8, empty, a required column
missing), or --strict and anything was rejected or not found (then nothing is
written), or the outputs cannot be written (the message says whether the
previous ones are kept); 130 interrupted.
"""


def register(sub, formatter):
    p = sub.add_parser("build", help="build output/map.html and the exports",
                       description="Validate the events, geocode them offline, and write "
                                   "map.html, embed.html, events.geojson, events.csv, "
                                   "rejected.csv, unlocated.csv and summary.json.",
                       epilog=EPILOG, formatter_class=formatter)
    p.add_argument("--events", action="extend", nargs="+", default=None, metavar="FILE",
                   help="events file(s), repeatable: geomap CSV, a dataset, or a folder of "
                        "GeoParquet drafts from extract --parquet (default geodata/events.csv)")
    p.add_argument("--format", default=None, choices=_formats(), dest="fmt",
                   help="format of every --events file (default: detected from its header)")
    p.add_argument("--region", default=None, metavar="durand[:KM]", type=_region,
                   help="keep imported rows within KM (default 100) of the Durand Line")
    p.add_argument("--bbox", default=None, metavar="W,S,E,N", type=_bbox,
                   help="keep imported rows inside this box (degrees)")
    p.add_argument("--sources", default=None, help="sources CSV (default: sources.csv beside --events)")
    p.add_argument("--out", default="output", help="output folder (default output/)")
    p.add_argument("--articles", nargs="+", default=None, metavar="PATH",
                   help="article files/folders to extract draft events from")
    p.add_argument("--follow-links", action="store_true",
                   help="with --articles: read what symbolic links inside the folders point "
                        "to (default: report and skip them)")
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


def _formats():
    from ..importers import FORMATS

    return FORMATS


def _region(text):
    import argparse

    from ..importers.combine import parse_region

    try:
        return parse_region(text)
    except ValueError as err:
        raise argparse.ArgumentTypeError(str(err)) from None


def _bbox(text):
    import argparse

    from ..importers.combine import parse_bbox

    try:
        return parse_bbox(text)
    except ValueError as err:
        raise argparse.ArgumentTypeError(str(err)) from None


def run(args) -> int:
    from ..build import build, print_problems, print_summary
    from ..exc import BuildError

    extract = None
    if args.articles and (args.jobs != 1 or args.scheduler):
        from ..parallel import ParallelExtractor

        extract = ParallelExtractor(args.jobs, args.scheduler, online=args.online)
    try:
        from ..articles import follow_links

        articles = (follow_links(args.articles) if args.follow_links and args.articles
                    else args.articles)
        result = build(args.events, args.sources, out=args.out, articles=articles,
                       online=args.online, strict=args.strict, cdn=args.cdn, gpkg=args.gpkg,
                       figure=args.figure, progress=not args.quiet and sys.stderr.isatty(),
                       fmt=args.fmt, region=args.region, bbox=args.bbox, extract=extract)
    except BuildError as err:
        # every problem, not only the first, so one --strict run shows all to fix
        report = getattr(err, "report", None)
        if report is not None:
            print_problems(report, sys.stderr)
        raise
    if not args.quiet:
        print_summary(result)
    return 0
