"""``geomap import``: a dataset file -> geomap's own events.csv (and sources.csv) for review."""

from __future__ import annotations

import sys
from pathlib import Path

EPILOG = """Examples:
  geomap import ged.csv -o imported/events.csv          # UCDP GED -> geomap format
  geomap import acled.csv -o events.csv --region durand:50
  geomap import 20251012.export.CSV --format gdelt -o gdelt.csv

Writes events.csv in geomap's columns (dataset, source_type, source_precision
and details keep what the dataset said) and sources.csv beside it (one
citation per dataset row). Rows that cannot be read are listed with file,
line and reason; the counts add up (read = written + merged + rejected + left
out). Exit status 1 when the file cannot be used at all.
"""


def register(sub, formatter):
    from ..importers import IMPORTERS

    p = sub.add_parser(
        "import",
        help="convert ACLED/UCDP/GDELT/CSV/GeoJSON to geomap's format",
        description="Convert a dataset file into geomap's events.csv and sources.csv, for review and curation.",
        epilog=EPILOG,
        formatter_class=formatter,
    )
    p.add_argument("file", help="dataset file (format detected from its header)")
    p.add_argument(
        "-o",
        "--output",
        required=True,
        help="events CSV to write (sources.csv beside it); a folder (or a name ending in /) gets events.csv",
    )
    p.add_argument(
        "--format", default=None, choices=tuple(IMPORTERS), dest="fmt", help="the file's format (default: detected)"
    )
    p.add_argument(
        "--region", default=None, metavar="durand[:KM]", help="keep rows within KM (default 100) of the Durand Line"
    )
    p.add_argument("--bbox", default=None, metavar="W,S,E,N", help="keep rows inside this box")
    p.set_defaults(func=run)


def run(args) -> int:
    from ..api import import_events, import_target
    from ..exc import InputError
    from ..report import terminal_safe

    # the file written, also in the one line a refused write prints (a full disk names no file)
    args.output = str(import_target(args.output))
    try:
        counts, report = import_events(args.file, args.output, fmt=args.fmt, region=args.region, bbox=args.bbox)
    except InputError:
        raise  # the file cannot be used: the CLI reports it, exit 1
    except ValueError as err:  # --region or --bbox
        print(f"geomap import: {terminal_safe(str(err))}", file=sys.stderr)
        return 2
    for p in report.problems[:50]:
        print(f"  {terminal_safe(str(p))}", file=sys.stderr)
    print(", ".join(f"{k.replace('_', ' ')} {v}" for k, v in counts.items() if isinstance(v, int)), file=sys.stderr)
    out = Path(args.output)
    print(terminal_safe(f"wrote {out} and {out.with_name('sources.csv')}"), file=sys.stderr)
    return 0
