"""``geomap extract``: draft events from article files."""

from __future__ import annotations

import os
import sys
from pathlib import Path

EPILOG = """Examples:
  geomap extract articles/ -o drafts.csv
  geomap extract tests/data/news_dev/articles -o d.csv && geomap evaluate d.csv tests/data/news_dev/gold.csv
  geomap extract new.md feed.jsonl page.html -o - | head
  geomap extract articles/ --merge -o drafts.csv   # one row per incident, all sources
  geomap extract 'archive/*.jsonl' news.parquet --jobs 0 --parquet drafts/   # every core
  geomap extract s3://bucket/news/ --scheduler tcp://10.0.0.5:8786 -o drafts.csv

Inputs: .txt/.md (optional YAML front matter: title, source, published, url),
.html (main text extracted with trafilatura) and .jsonl (one article per line,
keys text/id/title/source/published/url). Files that cannot be read and events
whose place is not found are reported on stderr with file, line and reason.
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
        help="also write the problems (unreadable files, unlocated events) as CSV",
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
        help="also write the drafts as GeoParquet files DIR/part-NNNNN.parquet "
        "(needs pyarrow: pip install 'geomap[dask]')",
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


def partitioned(args) -> bool:
    """Whether the run goes through :mod:`geomap.parallel` (else one process, as before)."""
    from ..parallel.inputs import PARQUET_SUFFIXES, is_url

    special = any(
        is_url(p) or str(p).lower().endswith(PARQUET_SUFFIXES) or any(c in str(p) for c in "*?[") for p in args.paths
    )
    return args.jobs != 1 or args.scheduler or args.parquet or args.checkpoint or special


def run(args) -> int:
    from ..atomic import write_text
    from ..extract import drafts_csv, extract_paths, write_drafts
    from ..geocoders import default_chain
    from ..report import Report, terminal_safe

    report = Report()
    from ..extract.reading import follow_links
    from ..outdir import check_not_in_geodata

    if args.output != "-" and (args.output.endswith(("/", os.sep)) or os.path.isdir(args.output)):
        # a folder: the drafts go into it (a trailing slash was dropped and a file took the folder's
        # name; an existing folder failed after the whole extraction, naming a temporary file)
        args.output = os.path.join(args.output, "drafts.csv")
    for flag, path in (
        ("-o", args.output),
        ("--report", args.report),
        ("--parquet", args.parquet),
        ("--checkpoint", args.checkpoint),
    ):
        if path and path != "-":
            check_not_in_geodata(path, flag)
    if args.output != "-":
        from ..exc import InputError
        from ..outdir import not_a_csv_name, not_a_writable_file

        why = not_a_csv_name(args.output) or not_a_writable_file(args.output)
        if why:  # before reading: a long extraction ended in "Read-only file system"
            raise InputError(f"-o {args.output}: {why}; choose another -o (nothing was written)")
        from ..extract.reading import SUFFIXES

        # an input article (an empty one too) was replaced; '-o arts/out.txt' was read by the next run as an
        # article, drafts of drafts (a drafts.csv there is only reported: not an article's ending)
        _spare_inputs("-o", Path(args.output), "-", args.paths, "", lambda r: r.suffix.lower() in SUFFIXES)
        _check_drafts_replaceable(Path(args.output))
    if args.report:
        _check_report_replaceable(Path(args.report), args.output, args.paths)
    if args.parquet:
        _check_parquet_replaceable(Path(args.parquet), args.output, args.paths)

    paths = follow_links(args.paths) if args.follow_links else args.paths
    if partitioned(args):
        drafts = _run_partitioned(args, paths, report)
    else:
        chain = default_chain(online=args.online)
        drafts = extract_paths(paths, chain, report, progress=not args.quiet, merge=args.merge)
    if args.output == "-":
        sys.stdout.write(drafts_csv(drafts))
    else:
        write_drafts(args.output, drafts)
    if args.report:
        write_text(args.report, report.to_csv())
    for problem in report.problems:
        print(f"{problem}", file=sys.stderr)
    if not args.quiet:
        c = report.counts
        print(
            f"articles read {c.get('articles_read', 0)}, rejected {c.get('articles_rejected', 0)}; "
            + (f"files skipped (no articles) {c['files_skipped']}; " if c.get("files_skipped") else "")
            + f"events {len(drafts)}; event mentions without a place {c.get('mentions_without_place', 0)}"
            + ("" if args.output == "-" else f" -> {terminal_safe(args.output)}")
            + (f" and {terminal_safe(args.parquet)}/" if getattr(args, "parquet", None) else ""),
            file=sys.stderr,
        )
    return 0


def _run_partitioned(args, paths, report):
    import os

    from ..extract import draft_rows
    from ..parallel import extract_partitioned, make_executor, write_drafts_parquet

    checkpoint, keep = args.checkpoint, bool(args.checkpoint)
    if checkpoint is None and args.parquet:
        checkpoint = os.path.join(args.parquet, "_checkpoint")
    elif checkpoint is None and args.output != "-":
        checkpoint = args.output + ".checkpoint"
    with make_executor(args.jobs, args.scheduler) as ex:
        drafts = extract_partitioned(
            paths,
            report,
            executor=ex,
            online=args.online,
            merge=args.merge,
            progress=not args.quiet,
            checkpoint=checkpoint,
            keep_checkpoint=keep,
        )
    if args.parquet:
        write_drafts_parquet(draft_rows(drafts), args.parquet)
    return drafts


def _check_drafts_replaceable(path: Path) -> None:
    """Refuse to write the drafts over a regular file that is not a drafts CSV
    (a curated ``events.csv``, an export, a dataset), or over drafts already
    reviewed (an ``accept`` mark in some row): the file, or the review, would
    be lost. Drafts over unreviewed drafts (in any encoding a spreadsheet
    saves) and pipes or devices are fine."""
    from ..exc import InputError

    head = _head_of_file(path)
    if head is None:
        return
    first = _text(head, path)[0].split("\n", 1)[0]
    if "doc_id" not in first:
        raise InputError(
            f"-o {path} is not a drafts CSV (no doc_id column in its header): writing the drafts would "
            "replace it; choose another -o (nothing was written)"
        )
    if "accept" in first.lower():
        marked = _marked_rows(path)
        if marked:
            raise InputError(
                f"-o {path} is a reviewed drafts CSV ({marked} row(s) with an accept mark): writing the drafts "
                "would replace the review; run 'geomap accept' on it first, or choose another -o "
                "(nothing was written)"
            )


def _text(raw: bytes, path: Path) -> tuple[str, str | None]:
    """``(text, separator)`` of a drafts CSV as a spreadsheet may have saved
    it: decoded, without the BOM and Excel's ``sep=X`` line (``X`` returned)."""
    from ..csvrows import split_sep_hint
    from ..importers.files import decode_text

    return split_sep_hint(decode_text(raw, str(path))[0].lstrip("\ufeff"))


def _marked_rows(path: Path) -> int:
    """How many rows of a drafts CSV have a non-empty ``accept`` cell."""
    import csv
    import io

    from ..importers.files import sniff_delimiter

    try:
        text, delimiter = _text(path.read_bytes(), path)
    except (OSError, ValueError):
        return 0
    delimiter = delimiter or sniff_delimiter(text.split("\n", 1)[0].rstrip("\r"))
    rows = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        column = next((c for c in rows.fieldnames or [] if c.strip().lower() == "accept"), None)
        return sum(1 for row in rows if (row.get(column) or "").strip()) if column else 0
    except csv.Error:
        return 0


def _check_parquet_replaceable(folder: Path, output: str, inputs: list[str]) -> None:
    """Refuse a ``--parquet`` folder whose ``part-*.parquet`` files are not
    geomap drafts (a Dask or Spark dataset names its files so: they would be
    replaced, the rest removed), that is the ``-o`` file, or an input (the
    articles folder, or inside it)."""
    from ..exc import InputError

    refuse = "; choose another --parquet (nothing was written)"
    real = _spare_inputs("--parquet", folder, output, inputs, "", lambda real: True)
    if real.exists() and not real.is_dir():
        raise InputError(f"--parquet {folder} is a file, not a folder{refuse}")
    for part in sorted(real.glob("part-*.parquet")) if real.is_dir() else []:
        if not _drafts_part(part):
            raise InputError(
                f"--parquet {folder} holds {part.name}, which is not a geomap drafts file: writing the drafts "
                f"would replace it (and remove the other part files){refuse}"
            )


def _drafts_part(path: Path) -> bool:
    """Whether a Parquet file has the drafts' columns (what ``--parquet`` wrote)."""
    try:
        import pyarrow.parquet as pq

        names = set(pq.read_schema(path).names)
    except Exception:  # noqa: BLE001 - unreadable, not Parquet, or no pyarrow: not ours
        return False
    return {"doc_id", "event_type", "excerpt", "source_title"} <= names


def _spare_inputs(flag: str, path: Path, output: str, inputs: list[str], instead: str, inside) -> Path:
    """``path`` through symlinks, once it is neither the ``-o`` file nor an
    input (nor, when ``inside(real)``, in an input folder); else InputError."""
    import os

    from ..exc import InputError

    refuse = f"; choose another {flag} (nothing was written)"
    real = Path(os.path.realpath(path))
    if output != "-" and real == Path(os.path.realpath(output)):
        raise InputError(f"{flag} {path} is also the -o file{instead}{refuse}")
    for given in inputs:
        src = Path(os.path.realpath(given))
        if real == src:
            raise InputError(f"{flag} {path} is an input ({given}): it would be written over{refuse}")
        if inside(real) and src in real.parents:
            raise InputError(
                f"{flag} {path} is in an input folder ({given}): it is an input, or the next run would read "
                f"it as one{refuse}"
            )
    return real


def _check_report_replaceable(path: Path, output: str, inputs: list[str]) -> None:
    """Refuse a ``--report`` path that is an input article (or an article
    file in an input folder), the ``-o`` file, or a file that is not an
    earlier report: writing the report there would replace it."""

    from ..exc import InputError
    from ..extract.reading import SUFFIXES
    from ..report import Report

    header = Report().to_csv().splitlines()[0]  # what every report starts with
    refuse = "; choose another --report (nothing was written)"
    real = _spare_inputs(
        "--report",
        path,
        output,
        inputs,
        ": the report would replace the drafts",
        lambda r: r.suffix.lower() in SUFFIXES,
    )
    head = _head_of_file(real)
    if head is None:
        return
    first = head[:4096].split(b"\n", 1)[0].decode("utf-8-sig", "replace").strip()
    if first != header:
        raise InputError(f"--report {path} is not a problem report (its header is not {header}){refuse}")


def _head_of_file(path: Path, size: int = 8192) -> bytes | None:
    """The first ``size`` bytes of ``path`` when it is a regular file with
    something in it, else ``None`` (absent, empty, a pipe or device, or
    unreadable: the write itself then says what is wrong)."""
    import stat

    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode) or st.st_size == 0:
            return None
        with open(path, "rb") as fh:
            return fh.read(size)
    except OSError:
        return None
