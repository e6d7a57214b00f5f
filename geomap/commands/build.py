"""``geomap build``: the map and its exports."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from ..report import terminal_safe

if TYPE_CHECKING:
    from ..pipeline import BuildResult
    from ..report import Report

#: Problems printed on the terminal; the rest are in rejected.csv/unlocated.csv.
MAX_PRINTED = 50

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
event of the same type within 50 km (150 km for provinces) and a day of a
curated one joins it as a further source. --region/--bbox keep imported rows inside (the rest are
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
    p = sub.add_parser(
        "build",
        help="build output/map.html and the exports",
        description="Validate the events, geocode them offline, and write "
        "map.html, embed.html, events.geojson, events.csv, "
        "rejected.csv, unlocated.csv and summary.json.",
        epilog=EPILOG,
        formatter_class=formatter,
    )
    p.add_argument(
        "--events",
        action="extend",
        nargs="+",
        default=None,
        metavar="FILE",
        help="events file(s), repeatable: geomap CSV, a dataset, or a folder of "
        "GeoParquet drafts from extract --parquet (default geodata/events.csv)",
    )
    p.add_argument(
        "--format",
        default=None,
        choices=_formats(),
        dest="fmt",
        help="format of every --events file (default: detected from its header)",
    )
    p.add_argument(
        "--region",
        default=None,
        metavar="durand[:KM]",
        type=_region,
        help="keep imported rows within KM (default 100) of the Durand Line",
    )
    p.add_argument(
        "--bbox", default=None, metavar="W,S,E,N", type=_bbox, help="keep imported rows inside this box (degrees)"
    )
    p.add_argument("--sources", default=None, help="sources CSV (default: sources.csv beside --events)")
    p.add_argument("--out", default="output", help="output folder (default output/)")
    p.add_argument(
        "--articles",
        action="extend",  # --articles a --articles b reads both (the last one alone dropped a silently)
        nargs="+",
        default=None,
        metavar="PATH",
        help="article files/folders to extract draft events from (repeatable)",
    )
    p.add_argument(
        "--follow-links",
        action="store_true",
        help="with --articles: read what symbolic links inside the folders point to (default: report and skip them)",
    )
    p.add_argument("--online", action="store_true", help="allow online geocoding (Nominatim, 1 request/s, cached)")
    p.add_argument("--strict", action="store_true", help="exit non-zero and write nothing when any row or place is bad")
    p.add_argument(
        "--cdn", action="store_true", help="link scripts from CDNs instead of inlining them (smaller, needs internet)"
    )
    p.add_argument("--gpkg", action="store_true", help="also write events.gpkg")
    p.add_argument(
        "--figure",
        action="store_true",
        help="also write map.png and map.svg (above 5,000 events the SVG's markers are one image)",
    )
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
    from ..api import build
    from ..exc import BuildError
    from .extract import article_options

    try:
        result = build(
            args.events,
            args.sources,
            out=args.out,
            articles=args.articles,
            **article_options(args),
            strict=args.strict,
            cdn=args.cdn,
            gpkg=args.gpkg,
            figure=args.figure,
            progress=not args.quiet and sys.stderr.isatty(),
            fmt=args.fmt,
            region=args.region,
            bbox=args.bbox,
        )
    except BuildError as err:
        # every problem, not only the first, so one --strict run shows all to fix
        report = getattr(err, "report", None)
        if report is not None:
            print_problems(report, sys.stderr)
        raise
    if not args.quiet:
        print_summary(result)
    return 0


def summary_lines(result: BuildResult) -> list[str]:
    """The human summary: one line of curated counts, one of articles if any."""
    s = result.summary()
    lines = [
        f"rows read {s['rows_read']}, events mapped {s['events_mapped']}, "
        f"rows rejected {s['rows_rejected']}, places not found {s['places_not_found']}"
    ]
    if len(s["files"]) > 1 or any(f["format"] != "geomap" for f in s["files"]):
        lines[0] += (
            f", joined to curated events {s['rows_joined']}, GDELT reports merged "
            f"{s['rows_merged']}, outside the region {s['rows_out_of_region']}"
        )
        for f in s["files"]:
            lines.append(
                f"  {f['file']} ({f['format']}, {f['dataset']}): read {f['rows_read']}"
                + "".join(
                    f", {k.replace('rows_', '').replace('_', ' ')} {f[k]}"
                    + (
                        f" ({f['rows_shown_once']} already on the map from another file)"
                        if k == "rows_rejected" and f.get("rows_shown_once")
                        else ""
                    )
                    for k in ("events", "rows_rejected", "rows_joined", "rows_merged", "rows_out_of_region")
                    if k in f
                )
            )
    if s["articles_read"] or s["folders_empty"]:
        lines.append(
            f"articles read {s['articles_read']} (used {s['articles_used']}, rejected "
            f"{s['articles_rejected']}"
            + (f", files skipped (no articles) {s['files_skipped']}" if s.get("files_skipped") else "")
            + f"); drafts {s['drafts_extracted']} (on map "
            f"{s['drafts_on_map']}, merged {s['drafts_merged']}, rejected "
            f"{s['drafts_rejected']}, places not found {s['drafts_not_placed']}); "
            f"event mentions without a place {s['mentions_without_place']}"
        )
    return lines


def print_problems(report: Report, stream=None, limit: int = MAX_PRINTED) -> None:
    """One line per problem (``kind: file:line [column]: reason``), at most ``limit``."""
    stream = stream if stream is not None else sys.stderr  # looked up now: tests swap it
    for p in report.problems[:limit]:
        print(f"  {p}", file=stream)
    if len(report.problems) > limit:
        print(
            f"  ... and {len(report.problems) - limit} more (all rejected rows are in "
            "rejected.csv, unlocated places in unlocated.csv)",
            file=stream,
        )


def print_summary(result: BuildResult, stream=None) -> None:
    """Human summary; the numbers add up (read = mapped + rejected + not found)."""
    stream = stream if stream is not None else sys.stderr
    for line in summary_lines(result):
        print(line, file=stream)
    print_problems(result.report, stream)
    for path in result.outputs.values():
        print(terminal_safe(f"  wrote {path}"), file=stream)
