"""Child-process workers for the text side: extraction throughput and gazetteer start-up.

``python -m geomap.bench.extraction extract DIR`` extracts every article under
``DIR`` with :func:`geomap.extract.extract_paths` and prints one JSON line:
bytes read, seconds spent extracting (the geocoder chain and place finder are
built before the clock starts), the CPU seconds of the same span (what other
work on a shared machine disturbs least) and the number of drafts.

``python -m geomap.bench.extraction gazetteer`` prints how long
:func:`geomap.geocoders.default_chain` plus a first lookup take in a fresh
process, and how long building a :class:`~geomap.extract.PlaceFinder` takes.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path


def extract_dir(folder: Path) -> dict:
    """Extract every article under ``folder``; timings exclude the chain's start-up."""
    from ..extract import extract_paths
    from ..geocoders import default_chain
    from ..report import Report

    nbytes = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
    chain = default_chain()
    report = Report()
    t0, c0 = time.perf_counter(), time.process_time()
    drafts = extract_paths([folder], chain, report, progress=False)
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    return {
        "bytes": nbytes,
        "seconds": round(seconds, 3),
        "drafts": len(drafts),
        "mb_per_s": round(nbytes / 1e6 / seconds, 3) if seconds else None,
        "cpu_s": round(cpu, 3),
        "mb_per_cpu_s": round(nbytes / 1e6 / cpu, 3) if cpu else None,
        "problems": len(report.problems),
    }


def gazetteer_ready() -> dict:
    """Start-up cost of the offline geocoders in this (fresh) process."""
    t0 = time.perf_counter()
    from ..geocoders import default_chain

    t_import = time.perf_counter()
    chain = default_chain()
    t_chain = time.perf_counter()
    place = chain.geocode("Torkham")
    t_first = time.perf_counter()
    from ..extract import PlaceFinder

    t1 = time.perf_counter()
    PlaceFinder(chain)
    t_finder = time.perf_counter()
    return {
        "import_s": round(t_import - t0, 4),
        "chain_s": round(t_chain - t_import, 4),
        "first_lookup_s": round(t_first - t_chain, 4),
        "ready_s": round(t_first - t_import, 4),
        "placefinder_s": round(t_finder - t1, 4),
        "found": place.name if place else None,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Extraction and gazetteer benchmark workers.")
    sub = ap.add_subparsers(dest="what", required=True)
    e = sub.add_parser("extract")
    e.add_argument("folder", type=Path)
    sub.add_parser("gazetteer")
    args = ap.parse_args(argv)
    out = extract_dir(args.folder) if args.what == "extract" else gazetteer_ready()
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
