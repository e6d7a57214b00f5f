"""``geomap accept``: promote reviewed draft events into the curated table."""

from __future__ import annotations

import sys

EPILOG = """Workflow:
  geomap extract articles/ -o drafts.csv       # draft events, one per incident and place
  # review drafts.csv: put 'yes' in a column named 'accept' for rows to keep
  geomap accept drafts.csv                     # -> geodata/events.csv + sources.csv
  geomap accept drafts.csv --all --events my/events.csv

A draft that matches an event already curated (same type, place within 50 km
(150 km for provinces), dates within a week) is not added twice: its article
is added to that event's sources. Each event added is printed with the
drafts line it came from, the id written (AFPK-...) and its article.

Columns geomap does not know (a reviewer's notes) are kept. sources.csv is
written before events.csv: a run killed between the two leaves new sources
that nothing cites yet, and running accept again adds the events. Runs at
once on one dataset wait for each other (a lock file .events.csv.lock beside
it). Formula-like cells that 'geomap extract' defused with a leading ' are
restored.
"""


def register(sub, formatter):
    p = sub.add_parser(
        "accept",
        help="add reviewed drafts to geodata/events.csv",
        description="Append the drafts marked accept=yes to the curated events "
        "(new AFPK- ids, verified=curated) and their articles to "
        "sources.csv. Both files are rewritten atomically "
        "(through symlinks), keeping every column.",
        epilog=EPILOG,
        formatter_class=formatter,
    )
    p.add_argument(
        "drafts", metavar="DRAFTS.csv", help="the drafts CSV of 'geomap extract', reviewed (an accept column)"
    )
    p.add_argument(
        "--events",
        default=None,
        help="curated events CSV (default geodata/events.csv of the checkout; required when geomap is installed)",
    )
    p.add_argument("--sources", default=None, help="sources CSV (default beside --events)")
    p.add_argument("--all", action="store_true", help="take every row, not only accept=yes")
    p.set_defaults(func=run)


def run(args) -> int:
    from .. import counts
    from ..api import accept
    from ..report import Report

    def waiting(lock_file, pid):
        holder = f" (pid {pid})" if pid else ""
        print(
            f"geomap accept: waiting for another run{holder} that holds the lock {lock_file}",
            file=sys.stderr,
            flush=True,
        )

    report = Report()
    added = accept(args.drafts, args.events, args.sources, only_marked=not args.all, report=report, waiting=waiting)
    c = report.counts
    rejected = len(report.of_kind("rejected"))
    merged = c.get(counts.DRAFTS_MERGED, 0)
    # adds up: rows read = not marked + taken, taken = added + merged + rejected (a record the CSV
    # reader rejected, an unclosed quote, was left out of "taken" while counted as rejected)
    print(
        f"rows read {c.get(counts.DRAFT_ROWS_READ, 0)}, not marked {c.get(counts.DRAFTS_NOT_MARKED, 0)}; "
        f"drafts taken {len(added) + merged + rejected}: added {len(added)} "
        f"({', '.join(added) or 'none'}), merged into existing {merged}, rejected {rejected}",
        file=sys.stderr,
    )
    # in the drafts' order: each added event beside the drafts merged into it
    for p in sorted(report.problems, key=lambda p: (p.file != args.drafts, p.line or 0)):
        print(f"  {p}", file=sys.stderr)
    return 1 if report.of_kind("rejected") else 0
