"""``geomap extract``: draft events from article files."""

from __future__ import annotations

import sys

EPILOG = """Examples:
  geomap extract articles/ -o drafts.csv
  geomap extract tests/data/news_dev/articles -o d.csv && geomap evaluate d.csv tests/data/news_dev/gold.csv
  geomap extract new.md feed.jsonl page.html -o - | head
  geomap extract articles/ --merge -o drafts.csv   # one row per incident, all sources
  geomap extract 'archive/*.jsonl' news.parquet --jobs 0 --parquet drafts/   # every core
  geomap extract s3://bucket/news/ --scheduler tcp://10.0.0.5:8786 -o drafts.csv

Inputs: .txt/.md (optional YAML front matter: title, source, published, url,
or their usual aliases such as date/pubDate/headline; broken metadata is a warning),
.html (main text extracted with trafilatura), .jsonl (one article per line,
keys text/id/title/source/published/url) and .parquet (one per row, the same
columns). Files that cannot be read and events whose place is not found are
reported on stderr with file, line and reason.
With --jobs, --scheduler, --parquet, --checkpoint (or Parquet/URL/glob inputs)
the inputs are cut into partitions extracted in parallel; the rows are the
same, in the same order, as in one process. Parquet inputs hold one article per
row (columns text, published, title, source, url, id); scheme:// paths go
through fsspec (install s3fs, gcsfs... for their schemes).
"""


def register(sub, formatter):
    p = sub.add_parser(
        "extract",
        help="draft located events from articles",
        description="Find events (type, place, date, casualties, actors) in "
        "articles and write them as a drafts CSV for review.",
        epilog=EPILOG,
        formatter_class=formatter,
    )
    p.add_argument("paths", nargs="+", metavar="ARTICLES", help="article files or folders")
    p.add_argument(
        "-o",
        "--output",
        default="drafts.csv",
        help="drafts CSV to write ('-' for stdout; a folder, or a name ending in /, gets drafts.csv; "
        "default drafts.csv)",
    )
    p.add_argument(
        "--merge",
        action="store_true",
        help="one row per incident across articles (doc_id 'a;b'); default one row "
        "per article, as 'geomap evaluate' expects",
    )
    p.add_argument(
        "--online", action="store_true", help="allow Nominatim for places the offline backends miss (cached)"
    )
    p.add_argument(
        "--report",
        default=None,
        metavar="CSV",
        help="also write the problems (unreadable files, unlocated events) as CSV ('-' for stdout, after the "
        "drafts when -o is a file; -o - and --report - together are refused: one stream, two CSVs)",
    )
    p.add_argument("--quiet", action="store_true", help="no summary, no progress bar")
    p.add_argument(
        "--follow-links",
        action="store_true",
        help="read what symbolic links inside folders point to (default: report "
        "and skip them; a link may lead out of the folder)",
    )
    add_parallel_arguments(p)
    p.add_argument(
        "--parquet",
        default=None,
        metavar="DIR",
        help="also write the drafts as GeoParquet files DIR/part-NNNNN.parquet, all at once (a new folder "
        "takes DIR's place; DIR may hold only earlier drafts and folders; needs pyarrow: pip install 'geomap[dask]')",
    )
    p.add_argument(
        "--checkpoint",
        default=None,
        metavar="DIR",
        help="keep finished partitions here: a run started again skips them "
        "(default: DIR/_checkpoint with --parquet, else OUTPUT.checkpoint for "
        "parallel runs; removed after a successful run unless given)",
    )
    p.set_defaults(func=run)


def add_parallel_arguments(p) -> None:
    """``--jobs`` and ``--scheduler`` (shared with ``geomap build --articles``)."""
    p.add_argument(
        "--jobs", type=_jobs, default=1, metavar="N", help="extract in N local processes (0: one per core; default 1)"
    )
    p.add_argument(
        "--scheduler",
        default=None,
        metavar="ADDRESS",
        help="extract on a Dask cluster: tcp://host:port of a running scheduler, or "
        "local:N to start N local workers (needs pip install 'geomap[dask]')",
    )


def article_options(args) -> dict:
    """The options of reading articles that ``extract`` and ``build`` share,
    as the API functions take them."""
    return {"online": args.online, "follow_links": args.follow_links, "jobs": args.jobs, "scheduler": args.scheduler}


def _jobs(text: str) -> int:
    import argparse

    try:
        n = int(text)
    except ValueError:
        n = -1
    if n < 0:
        raise argparse.ArgumentTypeError(f"expected a number of processes >= 0 (0: one per core), got {text!r}")
    from ..parallel.local import cpu_count, most_processes

    most = most_processes()
    if n > most:  # a typo (--jobs 400 for 4) forked hundreds of processes
        raise argparse.ArgumentTypeError(
            f"{n} processes is more than this machine runs usefully ({cpu_count()} core(s)); at most {most} "
            "(0: one per core)"
        )
    return n


def run(args) -> int:
    from ..api import extract
    from ..exc import InputError
    from ..extract import drafts_csv
    from ..extract.io import drafts_path
    from ..report import Report, terminal_safe

    report = Report()
    output = None if args.output == "-" else args.output
    # '--report -' wrote a file named '-' where '-o -' meant stdout; both on stdout would be two CSVs in one
    report_csv = None if args.report == "-" else args.report
    if args.report == "-" and output is None:
        raise InputError(
            "-o - and --report - both write to stdout (two CSVs in one stream); give one of them a file "
            "(nothing was read)"
        )
    # geomap.extract checks every output before it reads anything
    # (geomap.extract.io.check_outputs); the name said below is the one it writes
    output = None if output is None else drafts_path(output)
    drafts = extract(
        args.paths,
        output,
        merge=args.merge,
        **article_options(args),
        parquet=args.parquet,
        checkpoint=args.checkpoint,
        report_csv=report_csv,
        report=report,
        progress=not args.quiet,
    )
    if output is None:
        sys.stdout.write(drafts_csv(drafts))
    if args.report == "-":
        sys.stdout.write(report.to_csv())
    for problem in report.problems:
        print(f"{problem}", file=sys.stderr)
    if not args.quiet:
        c = report.counts
        print(
            f"articles read {c.get('articles_read', 0)}, rejected {c.get('articles_rejected', 0)}; "
            + (f"files skipped (no articles) {c['files_skipped']}; " if c.get("files_skipped") else "")
            + f"events {len(drafts)}; event mentions without a place {c.get('mentions_without_place', 0)}"
            + ("" if output is None else f" -> {terminal_safe(output)}")
            + (f" and {terminal_safe(args.parquet)}/" if getattr(args, "parquet", None) else ""),
            file=sys.stderr,
        )
    return 0
