"""``python -m geomap.bench``: the same as ``geomap bench`` (used by ``make bench``)."""

import argparse
import sys

from ..commands.bench import EPILOG, add_arguments, run


def main(argv=None) -> int:
    p = argparse.ArgumentParser(
        prog="python -m geomap.bench",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Benchmark geomap against the plain-folium way.",
    )
    add_arguments(p)
    return run(p.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
