"""``geomap bench``: time geomap at 1k/10k/100k events against the plain-folium way."""

from __future__ import annotations

import sys

EPILOG = """Examples:
  geomap bench --out output/                 # the full run (<= 15 min on 2 cores)
  geomap bench --sizes 1000 10000 --corpus-mb 1 --no-baseline
  geomap bench --no-browser --out /tmp/bench # without Chromium timings

Writes OUT/bench.json (every figure, the machine, the targets) and OUT/bench.md
(the markdown table, also printed). Cases over their time cap are reported as
"capped", cases after the run's budget as "skipped".
"""


def add_arguments(p) -> None:
    """The options of ``geomap bench`` (shared with ``python -m geomap.bench``)."""
    p.add_argument("--out", default="output", help="folder for bench.json and bench.md (default output/)")
    p.add_argument(
        "--sizes",
        type=int,
        nargs="+",
        default=[1_000, 10_000, 100_000],
        metavar="N",
        help="event counts (default 1000 10000 100000)",
    )
    p.add_argument(
        "--baseline-sizes",
        type=int,
        nargs="*",
        default=None,
        metavar="N",
        help="event counts for the plain-folium baseline (default: same as --sizes)",
    )
    p.add_argument("--no-baseline", action="store_true", help="leave the folium baseline out")
    p.add_argument(
        "--corpus-mb",
        type=float,
        nargs="*",
        default=[1, 10, 50],
        metavar="MB",
        help="synthetic article corpus sizes (default 1 10 50)",
    )
    p.add_argument(
        "--scale-mb",
        type=float,
        default=20,
        metavar="MB",
        help="corpus of the extraction-at-scale case: 1 process, --jobs 2, a 2-worker "
        "Dask cluster, each --repeat times (default 20; 0 leaves it out)",
    )
    p.add_argument(
        "--repeat",
        type=int,
        default=3,
        metavar="K",
        help="times each geomap build and each run of the scale case is taken, the scale case's "
        "interleaved (1, 2, D, 1, 2, D, ...); medians are held to the floors (default 3)",
    )
    p.add_argument("--no-browser", action="store_true", help="leave the Chromium timings out")
    p.add_argument(
        "--import-sizes",
        type=int,
        nargs="*",
        default=None,
        metavar="N",
        help="rows of the ACLED-format import case (default: the largest of --sizes; none given: left out)",
    )
    p.add_argument(
        "--budget",
        type=float,
        default=15 * 60,
        metavar="S",
        help="seconds for the whole run; later cases are skipped (default 900)",
    )
    p.add_argument(
        "--cap-build", type=float, default=120, metavar="S", help="time cap of one geomap build (default 120)"
    )
    p.add_argument(
        "--cap-baseline", type=float, default=150, metavar="S", help="time cap of one baseline build (default 150)"
    )
    p.add_argument(
        "--cap-browser", type=float, default=60, metavar="S", help="time cap of one page in Chromium (default 60)"
    )
    p.add_argument(
        "--cap-extract", type=float, default=150, metavar="S", help="time cap of one corpus extraction (default 150)"
    )
    p.add_argument(
        "--cap-scale",
        type=float,
        default=200,
        metavar="S",
        help="time cap of one repetition of the scale case's three runs (default 200)",
    )
    p.add_argument("--workdir", default=None, help="keep the synthetic inputs and pages here")


def register(sub, formatter):
    p = sub.add_parser(
        "bench",
        help="benchmark build, page and extraction vs plain folium",
        description="Generate synthetic events (1k/10k/100k) and article corpora, "
        "time 'geomap build', the page in headless Chromium, extraction "
        "and the gazetteer, and the plain-folium baseline; print a "
        "markdown table and write bench.json.",
        epilog=EPILOG,
        formatter_class=formatter,
    )
    add_arguments(p)
    p.set_defaults(func=run)


def run(args) -> int:
    from ..bench.runner import Caps, run_bench
    from ..outdir import check_not_in_geodata, check_not_stdout

    check_not_stdout(args.out, "--out", "bench", "bench.json and bench.md", "a folder, e.g. --out bench-out")
    check_not_in_geodata(args.out, "--out")
    caps = Caps(
        build=args.cap_build,
        baseline_build=args.cap_baseline,
        browser=args.cap_browser,
        extract=args.cap_extract,
        scale=args.cap_scale,
        budget=args.budget,
    )
    baseline = [] if args.no_baseline else (args.sizes if args.baseline_sizes is None else args.baseline_sizes)
    results = run_bench(
        args.out,
        sizes=tuple(args.sizes),
        baseline_sizes=tuple(baseline),
        corpus_mb=tuple(args.corpus_mb),
        browser=not args.no_browser,
        caps=caps,
        workdir=args.workdir,
        scale_mb=args.scale_mb,
        repeat=max(1, args.repeat),
        import_sizes=None if args.import_sizes is None else tuple(args.import_sizes),
    )
    sys.stdout.write(results["markdown"])
    missed = [t["target"] for t in results["targets"] if t["met"] is False]
    if missed:
        print(f"\n{len(missed)} target(s) missed: " + "; ".join(missed))
    print(f"\nwrote {args.out}/bench.json and {args.out}/bench.md")
    return 0
