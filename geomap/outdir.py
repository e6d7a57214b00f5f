"""The output folder of a build: one build visible at a time, never over an input.

Layout of ``out`` once a build is published::

    out/map.html -> .geomap-current/map.html            one link per output
    out/.geomap-current -> .geomap-gen.<pid>.<random>   the build shown now
    out/.geomap-gen.<pid>.<random>/map.html ...         its files
    out/.geomap-build.lock                              held while publishing

A build writes every output into a hidden staging folder
(``.geomap-build.<pid>.<random>.tmp``, see :func:`staging`). :func:`publish`
then takes the folder's lock, checks that nothing in the way (a folder named
``map.html``) would stop it, renames the staging folder into a generation
folder and switches ``.geomap-current`` to it with one atomic rename: every
output changes at that instant. A build killed at any moment shows the old
build or the new one, never files of both; builds at once publish one after
the other, and the last one is shown whole. Readers that opened a file of
the previous build keep reading it.

:func:`check_inputs_spared` refuses, before anything is read or written, an
output folder that holds an input or lies in an articles folder or the
project's ``geodata`` folder.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import sys
import tempfile
from contextlib import closing, contextmanager
from pathlib import Path

from .atomic import NEW_FOLDER_MODE, locked, remove_stale
from .exc import BuildError

#: Hidden staging folders inside ``out``: ``.geomap-build.<pid>.<random>.tmp``.
STAGING_PREFIX = ".geomap-build."
_STAGING_RE = re.compile(r"^\.geomap-build\.(\d+)\.[^.]+\.tmp$")
#: Published builds: ``.geomap-gen.<pid>.<random>`` (the staging folder renamed).
GENERATION_PREFIX = ".geomap-gen."
#: The link naming the build shown; every output link goes through it.
CURRENT = ".geomap-current"
#: Lock file held while a build publishes (and clears old generations).
LOCK = ".geomap-build.lock"
#: Hidden names a build keeps in ``out``: an input there would be overwritten or removed.
_OURS = re.compile(r"^\.geomap-")


def _real(path: str | os.PathLike) -> Path:
    return Path(os.path.realpath(path))


def _within(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def check_not_stdout(path: str | os.PathLike, flag: str, command: str, writes: str, example: str) -> None:
    """Refuse ``-`` as the output of a command that ``writes`` several files.

    ``geomap extract -o -`` writes to stdout; ``import -o -`` wrote a file
    named ``-`` (and a sources.csv beside it), ``build --out -`` and ``figure
    --out -`` a folder named ``-``, each in the working folder.

    Parameters
    ----------
    path : str or path-like
        The output given.
    flag : str
        The option that gave it (``-o``, ``--out``).
    command : str
        The command's name, for the message.
    writes : str
        What the command writes (a folder, a file and its sources.csv).
    example : str
        An output to write instead.

    Raises
    ------
    InputError
        Naming the flag, what the command writes and an ``example`` path.
    """
    from .exc import InputError

    if str(path) == "-":
        raise InputError(
            f"{flag} -: geomap {command} writes {writes}, so not to stdout as 'geomap extract -o -' does; "
            f"name {example} (nothing was written)"
        )


def check_not_in_geodata(path: str | os.PathLike, flag: str) -> None:
    """Refuse a file or folder to write that lies in the project's ``geodata``.

    ``geomap build`` checks its ``--out`` with the inputs; ``import -o``,
    ``extract -o``/``--report``/``--parquet``/``--checkpoint`` and ``figure
    --out`` call this before anything is read: the curated events change
    only through ``geomap accept``. Paths are compared through symlinks.

    Raises
    ------
    InputError
        Naming the flag and the folder; nothing has been written.
    """
    from . import geo
    from .exc import InputError

    folder = geo.GEODATA_DIR
    if _within(_real(path), _real(folder)):
        raise InputError(
            f"{flag} {path} is inside the project's data folder {folder}: only 'geomap accept' writes "
            "there (its curated events and sources); choose another path (nothing was written)"
        )


def in_a_build(path: str | os.PathLike) -> bool:
    """Whether ``path`` is (a link to) a file of a build's output folder: the
    next build into that folder replaces it, and removes it with its
    generation. ``accept --events`` and ``import -o`` refuse such a file."""
    return _real(path).parent.name.startswith((GENERATION_PREFIX, STAGING_PREFIX))


def check_inputs_spared(
    out: str | os.PathLike,
    files: list[tuple[str, Path]],
    folders: list[tuple[str, Path]],
    protected: list[tuple[str, Path]],
    writes: tuple[str, ...] | None = None,
) -> None:
    """Refuse an output folder that could overwrite an input, or a file of
    the user's named like an output the build ``writes``.

    Paths are compared after following symlinks.

    Parameters
    ----------
    out : path
        The output folder.
    files : list of (role, path)
        Input files (events, sources, article files, caches). ``out`` may
        not be one, nor hold one (outputs are never written beside an
        input: a name such as ``events.csv`` would overwrite it), nor hold
        one in the hidden folders a build manages.
    folders : list of (role, path)
        Input folders read whole (articles): ``out`` may not be one or lie
        inside one (the next build would read the pages as articles).
    protected : list of (role, path)
        Folders never written to, nor inside (the project's ``geodata``).
    writes : tuple of str, optional
        The names of the outputs the build writes: a plain file of one of
        those names that geomap did not write stops it (default :data:`ALWAYS`).

    Raises
    ------
    BuildError
        Naming the input; nothing has been written.
    """
    target = _real(out)
    refuse = "; choose another --out (nothing was written)"
    for role, folder in protected:
        if _within(target, _real(folder)):
            raise BuildError(f"--out {out} is inside {role} {folder}{refuse}")
    for role, path in files:
        real = _real(path)
        if real == target:
            raise BuildError(f"--out {out} is the input {path} ({role}){refuse}")
        if _within(real, target) and (real.parent == target or _OURS.match(real.relative_to(target).parts[0])):
            raise BuildError(
                f"the output folder {out} holds the input {path} ({role}): outputs "
                f"written there could overwrite it{refuse}"
            )
    for role, folder in folders:
        if _within(target, _real(folder)):
            raise BuildError(
                f"the output folder {out} is inside the {role} folder {folder}: "
                f"the next build would read its pages as articles{refuse}"
            )
    check_outputs_ours(out, ALWAYS if writes is None else writes)


def check_outputs_ours(out: str | os.PathLike, names) -> None:
    """Refuse to write ``names`` into ``out`` when a plain file of one of
    those names there is not geomap's (see :data:`_EXPORT_MARKS`): ``geomap
    build`` and ``geomap figure`` call it before anything is read.

    Raises
    ------
    BuildError
        Naming the file; nothing has been written.
    """
    _check_a_folder(Path(out))
    for name in names:
        _check_not_a_dataset(Path(out) / name, " (nothing was written)")


def _check_a_folder(out: Path) -> None:
    """Refuse an ``out`` that is a file, lies under one, or cannot be written
    (a read-only mount): found before reading, not after a long build (it
    failed then with "File exists" or "Read-only file system")."""
    why = not_a_writable_folder(out)
    if why:
        raise BuildError(f"--out {out} {why}; choose another --out (nothing was written)")


def not_a_writable_file(path: str | os.PathLike) -> str:
    """Why ``path`` cannot be written (see :func:`not_a_writable_folder`), or ``""``.

    Through symlinks; a pipe or a device (``-o /dev/null``) is written into,
    whatever its folder.
    """
    from .atomic import _is_special, write_target

    target = write_target(path)
    if _is_special(target):
        return ""
    why = not_a_writable_folder(target.parent)
    return f"its folder {why}" if why else ""


def not_a_replaceable_file(path: str | os.PathLike) -> str:
    """Why a file that is rewritten in place (the curated ``events.csv``) cannot
    be, or ``""``: its folder cannot be written (:func:`not_a_writable_file`),
    or the file is read-only (no write permission bit at all: root may write
    it, but whoever made it so meant it to stay; else not writable for this
    user). Through symlinks. Said before any lock file is made or anything
    written: a read-only folder failed naming the lock file, and an atomic
    replace would have replaced a read-only file (a rename does not ask it).
    """
    from .atomic import write_target

    why = not_a_writable_file(path)
    if why:
        return why
    target = write_target(path)
    try:
        mode = target.stat().st_mode
    except OSError:
        return ""  # absent: reading it says so
    if stat.S_ISREG(mode) and (not mode & 0o222 or not os.access(target, os.W_OK)):
        return "the file is read-only (make it writable, e.g. chmod u+w, to change it)"
    return ""


#: Endings of files geomap reads as something other than CSV text (and other programs open as such).
_NOT_CSV = (".gz", ".zip", ".xlsx", ".xls", ".json", ".jsonl", ".geojson", ".dta", ".parquet", ".pq", ".gpkg")


def not_a_csv_name(path: str | os.PathLike) -> str:
    """Why CSV text should not be written under ``path``'s name, or ``""``.

    ``-o events.xlsx`` wrote CSV text that Excel refused to open, and ``-o
    events.csv.gz`` a file the next build tried to unpack.
    """
    name = Path(path).name.lower()
    ending = next((e for e in _NOT_CSV if name.endswith(e)), None)
    if ending is None:
        return ""
    return f"ends in {ending}, but what is written is CSV text; name it .csv"


def not_a_writable_folder(folder: str | os.PathLike) -> str:
    """Why files cannot be written into ``folder`` (made when missing), or ``""``.

    Said before any work: ``folder`` or what it would be made in is a file
    (or a broken link), or a folder that is read-only or not the user's.
    """
    folder = Path(folder)
    seen = folder
    while not os.path.lexists(seen) and seen != seen.parent:
        seen = seen.parent
    if os.path.lexists(seen) and not seen.is_dir():
        where = "is" if seen == folder else f"lies under {seen}, which is"
        return f"{where} a file (or a broken link), not a folder: the outputs are files written into a folder"
    if seen.is_dir() and not os.access(seen, os.W_OK | os.X_OK):
        # a read-only mount or another user's folder: said now, not after the whole run
        where = "" if seen == folder else f" (in {seen}, where it would be made)"
        return f"cannot be written{where}: the folder is read-only or not yours"
    return ""


def _head(path: Path, size: int = 1 << 20) -> bytes:
    with open(path, "rb") as fh:
        return fh.read(size)


def _holds(path: Path, text: bytes) -> bool:
    """Whether the file holds ``text`` anywhere (read in 1 MiB blocks)."""
    tail = b""
    with open(path, "rb") as fh:
        while block := fh.read(1 << 20):
            if text in tail + block:
                return True
            tail = block[-len(text) :]
    return False


def _first_line_has(text: bytes):
    return lambda path: text in _head(path, 1 << 16).split(b"\n", 1)[0]


def _geojson_export(path: Path) -> bool:
    head = _head(path)
    return b'"source_refs"' in head or bool(re.search(rb'"features"\s*:\s*\[\s*\]', head))


def _gpkg_export(path: Path) -> bool:
    """A GeoPackage whose ``events`` table has geomap's ``place_backend`` column."""
    import sqlite3
    from urllib.parse import quote

    try:  # read-only and immutable: nothing is written beside a user's file
        with closing(sqlite3.connect(f"file:{quote(os.path.abspath(path))}?mode=ro&immutable=1", uri=True)) as db:
            columns = [row[1] for row in db.execute('PRAGMA table_info("events")')]
    except sqlite3.Error:
        return False
    return "place_backend" in columns


#: Each output name a user's own file may have, and how to tell geomap's
#: output of that name, by what every geomap version wrote there: the CSV
#: export's ``source_publishers`` column, the GeoJSON's ``source_refs``, the
#: GeoPackage's ``place_backend`` column, the problem reports' header, the
#: summary's ``events_mapped``, the page's ``geomap-`` classes, the snippet's
#: frame of ``map.html``, the figure's matplotlib signature. A plain file of
#: that name without its mark is a user's (a dataset, a page, a picture):
#: never replaced.
_EXPORT_MARKS = {
    "events.csv": ("a source_publishers column", _first_line_has(b"source_publishers")),
    "events.geojson": ('"source_refs"', _geojson_export),
    "events.gpkg": ("an events table with place_backend", _gpkg_export),
    "rejected.csv": ("the header file,line,column,reason", _first_line_has(b"file,line,column,reason")),
    "unlocated.csv": ("the header file,line,column,reason", _first_line_has(b"file,line,column,reason")),
    "summary.json": ('"events_mapped"', lambda path: b'"events_mapped"' in _head(path)),
    "map.html": ("geomap's page", lambda path: _holds(path, b"geomap-")),
    "embed.html": ("an iframe of map.html", lambda path: b"<iframe" in (h := _head(path)) and b"map.html" in h),
    "map.png": ("matplotlib's signature", lambda path: b"Matplotlib" in _head(path, 4096)),
    "map.svg": ("matplotlib's signature", lambda path: b"matplotlib" in _head(path, 4096)),
}
#: The outputs every build writes (``events.gpkg`` and the figure on request).
ALWAYS = ("events.geojson", "events.csv", "rejected.csv", "unlocated.csv", "map.html", "embed.html", "summary.json")


def _check_not_a_dataset(path: Path, refuse: str = "") -> None:
    """Refuse to replace a plain file named like an output that no geomap
    build wrote (see :data:`_EXPORT_MARKS`): a dataset (``geomap import ...
    -o mine/events.csv``, a copy of ``geodata/``), a page or a picture in the
    folder a build is told to write into. An empty file holds nothing to lose."""
    what, ours = _EXPORT_MARKS[path.name]
    try:
        if not stat.S_ISREG(os.lstat(path).st_mode):
            return  # absent, or a link: replacing a link never touches its target
        if not _head(path).strip() or ours(path):
            return
    except OSError:
        return
    raise BuildError(
        f"{path} is not an output geomap wrote (no {what}): it looks like your own file, "
        f"and writing the outputs would replace it; move it away or choose another --out; nothing was replaced{refuse}"
    )


@contextmanager
def staging(out: Path):
    """A hidden folder inside ``out`` to write a build into; removed afterwards
    unless :func:`publish` made it the shown build.

    Staging folders of killed builds (their process is gone) are removed first.
    """
    out.mkdir(parents=True, exist_ok=True)
    remove_stale(out, _STAGING_RE)
    remove_stale(out)
    stage = Path(tempfile.mkdtemp(prefix=f"{STAGING_PREFIX}{os.getpid()}.", suffix=".tmp", dir=out))
    try:
        yield stage
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def publish(stage: Path, out: Path) -> None:
    """Show the build in ``stage`` (a :func:`staging` folder): all outputs at once.

    Raises
    ------
    BuildError
        An output name in ``out`` is taken by a folder or a special file
        (nothing was replaced), or the build was shown but linking an output
        name failed (the message says so).
    OSError
        Before the switch (disk full, no permission): nothing was replaced.
    """

    def waiting(lock_file, pid):
        holder = f" (pid {pid})" if pid else ""
        print(f"geomap build: waiting for another build{holder} publishing into {out}", file=sys.stderr, flush=True)

    with locked(out / LOCK, waiting):
        names = sorted(p.name for p in stage.iterdir())
        _check_free(out, names)
        generation = out / (GENERATION_PREFIX + stage.name[len(STAGING_PREFIX) : -len(".tmp")])
        os.chmod(stage, NEW_FOLDER_MODE)  # mkdtemp's 0700 would hide it from a web server
        os.rename(stage, generation)
        _swap_link(out / CURRENT, generation.name)  # the one switch
        try:
            for name in names:
                _swap_link(out / name, f"{CURRENT}/{name}")
            _remove_unshown(out, names, generation)
        except OSError as err:
            raise BuildError(
                f"the new build is shown in {out / CURRENT} but an output link "
                f"could not be made: {err.strerror or err} ({err.filename}); "
                "run the build again"
            ) from err


def _check_free(out: Path, names: list[str]) -> None:
    """Each name must be free, a link, or a file (an output of an older geomap)."""
    for name in [CURRENT, *names]:
        if name in _EXPORT_MARKS:
            _check_not_a_dataset(out / name)
        try:
            mode = os.lstat(out / name).st_mode
        except FileNotFoundError:
            continue
        if stat.S_ISLNK(mode) or (stat.S_ISREG(mode) and name != CURRENT):
            continue
        what = "a folder" if stat.S_ISDIR(mode) else "not a link or a regular file"
        raise BuildError(
            f"{out / name} is {what}, not an output geomap wrote; move it away; "
            "nothing was replaced, the previous outputs are kept"
        )


def _swap_link(path: Path, target: str) -> None:
    """Make ``path`` a symlink to ``target`` with one rename (no moment without it)."""
    try:
        if os.readlink(path) == target:
            return
    except OSError:
        pass
    hidden = "" if path.name.startswith(".") else "."
    tmp = path.with_name(f"{hidden}{path.name}.{os.getpid()}.link.tmp")
    try:
        os.unlink(tmp)
    except FileNotFoundError:
        pass
    os.symlink(target, tmp)
    os.replace(tmp, path)


def _remove_unshown(out: Path, names: list[str], shown: Path) -> None:
    """Links to outputs the shown build lacks, and every other generation."""
    prefix = CURRENT + "/"
    for entry in out.iterdir():
        if entry.name.startswith(GENERATION_PREFIX) and entry != shown:
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry, ignore_errors=True)
        elif entry.name not in names and entry.is_symlink():
            try:
                if os.readlink(entry).startswith(prefix):
                    entry.unlink()
            except OSError:
                pass
