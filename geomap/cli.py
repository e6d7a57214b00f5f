"""The ``geomap`` command: a thin layer over the library API.

Each subcommand lives in :mod:`geomap.commands.<name>` and exposes
``register(subparsers)``, which adds its parser and sets ``func``;
``func(args)`` returns the exit status.
"""

from __future__ import annotations

import argparse
import importlib
import os
import re
import sys
from pathlib import Path

from . import __version__
from .exc import GeomapError

#: Subcommands in the order ``--help`` lists them.
COMMANDS = ("build", "import", "geocode", "extract", "evaluate", "accept", "figure", "bench")
#: Commands whose module name differs (``import`` is a Python keyword).
MODULES = {"import": "import_dataset"}


class _Formatter(argparse.RawDescriptionHelpFormatter):
    """Keep the examples in epilogs as written."""


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="geomap",
        description="Map of incidents along the Durand Line (Afghanistan-Pakistan border).",
        epilog="Example:\n  geomap build --out output/\n  geomap geocode 'Spin Buldak'\n\n"
        "Run 'geomap COMMAND --help' for each command.",
        formatter_class=_Formatter,
    )
    parser.add_argument("--version", action="version", version=f"geomap {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        module = importlib.import_module(f"geomap.commands.{MODULES.get(name, name)}")
        module.register(sub, _Formatter)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``geomap`` console script."""
    argv = _negative_values(sys.argv[1:] if argv is None else list(argv))
    try:
        parser = make_parser()  # imports every command: a second or two on a busy machine
        args = parser.parse_args(argv)
    except SystemExit as done:
        if done.code:  # a usage error: a file named like an option was taken for one
            _dashed_files_hint(argv)
        raise
    except KeyboardInterrupt:
        # Ctrl-C before the command started printed a traceback through argparse, as if a crash had
        # left something half-done: nothing was read or written yet
        print("geomap: interrupted before starting (nothing was read or written)", file=sys.stderr)
        return 130
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except GeomapError as err:
        from .report import terminal_safe  # messages quote file names and cells

        print(f"geomap {args.command}: error: {terminal_safe(err)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"geomap {args.command}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (``geomap extract ... -o - | head``): not an
        # error of ours. Point stdout at devnull so the interpreter's final
        # flush does not raise again.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as err:
        # the system said no (a read-only folder, a full disk, a file where a
        # folder should be): one line naming the path, as for our own errors;
        # every write is atomic, so no half-written file is left behind
        from .report import terminal_safe

        named = dict.fromkeys(_user_path(f) for f in (err.filename, err.filename2) if f)
        where = " -> ".join(named)
        if not where:  # a write that failed (disk full) names no file: the command's output does
            where = str(
                getattr(args, "output", None) or getattr(args, "out", None) or getattr(args, "events", "") or ""
            )
        said = err.strerror or str(err)
        print(f"geomap {args.command}: error: {terminal_safe(where + ': ' if where else '')}{said}", file=sys.stderr)
        return 1


def _dashed_files_hint(argv: list[str]) -> None:
    """After a usage error, name each argument that is a file or folder
    whose name starts with ``-``: argparse read ``-dash.md`` as an option
    and said only that ARTICLES were missing, or that an option wanted a
    value, never why."""
    for arg in argv:
        if arg.startswith("-") and arg not in ("-", "--") and os.path.lexists(arg):
            print(
                f"geomap: {arg!r} is a file or folder, read as an option: write it ./{arg} "
                "(or put -- before the file names)",
                file=sys.stderr,
            )


def _negative_values(argv: list[str]) -> list[str]:
    """``--bbox -75,30,-60,40`` as ``--bbox=-75,30,-60,40``: argparse took a value
    starting with '-' for an option ("argument --bbox: expected one argument")."""
    out: list[str] = []
    for arg in argv:
        if out and out[-1] == "--bbox" and re.match(r"-[0-9.]", arg):
            out[-1] = f"--bbox={arg}"
            continue
        out.append(arg)
    return out


#: geomap's temporary, staged and journal files (geomap.atomic, geomap.filepair):
#: ``.NAME.PID.RANDOM.tmp[.SUFFIX]``, ``.NAME.PID.RANDOM.staged``, ``.NAME.PID.RANDOM.pair``.
_TEMPORARY = re.compile(r"^\.(.+)\.[0-9]+\.[^.]+\.(?:tmp(?:\.[^.]*)?|staged|pair)$")


def _user_path(name) -> str:
    """The file the user named for a temporary file written in its stead:
    ``out/.drafts.csv.123.x1.tmp.csv`` -> ``out/drafts.csv``."""
    path = Path(os.fsdecode(name))
    while m := _TEMPORARY.match(path.name):  # a journal's temporary file: two layers
        path = path.with_name(m.group(1))
    return str(path)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
