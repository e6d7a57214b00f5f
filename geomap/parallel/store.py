"""What a partitioned run writes: checkpoints to resume from, and GeoParquet.

Checkpoints: one file per finished partition (``part-NNNNN-KEY.pkl``,
written atomically) and ``manifest.json`` listing them, rewritten atomically
after each. A run started again with the same inputs and settings loads the
partitions listed there instead of extracting them again; a partition whose
inputs changed (size, time, range) has another key and is redone.
The files are pickles: keep the folder private to whoever runs geomap.

GeoParquet: the final draft rows (the drafts CSV's columns, numbers typed)
with a point geometry in EPSG:4326, in ``part-NNNNN.parquet`` files of at
most :data:`ROWS_PER_FILE` rows: ``dask_geopandas.read_parquet(DIR)``,
``geopandas.read_parquet`` of a file and DuckDB's ``read_parquet('DIR/*.parquet')``
read them; :func:`read_drafts_parquet` gives back the CSV's rows.

A run's part files appear all at once (:func:`write_drafts_parquet`): they
are written into a hidden sibling folder, ``.DIR.geomap-new-PID-XXXX``, which
then takes ``DIR``'s place in one atomic exchange of the two names (Linux
``renameat2(RENAME_EXCHANGE)``; elsewhere two renames, between which ``DIR``
is briefly absent, never mixed). A marker file such as Spark's ``_SUCCESS``
would guard only readers that look for it: DuckDB's ``DIR/*.parquet``, Dask
and geopandas read every part file present, old and new alike.
"""

from __future__ import annotations

import errno
import json
import os
import pickle
import re
import sys
import tempfile
from pathlib import Path

from .. import counts
from ..atomic import _TMP_RE, NEW_FOLDER_MODE, _fsync_dir, pid_alive, write_bytes, write_text
from .base import MissingDependency

MANIFEST = "manifest.json"
ROWS_PER_FILE = 100_000
_FLOATS = ("latitude", "longitude", "confidence")
_INTS = ("geo_precision", "fatalities", "injuries")


class Checkpoint:
    """Finished partitions of one run, in ``folder``."""

    def __init__(self, folder: str | Path, settings: str):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.settings = settings
        self.done: dict[str, dict] = {}
        try:
            manifest = json.loads((self.folder / MANIFEST).read_text(encoding="utf-8"))
            if manifest.get("settings") == settings:
                self.done = manifest.get("partitions", {})
        except (OSError, ValueError):
            pass

    def _file(self, index: int, key: str) -> Path:
        return self.folder / f"part-{index:05d}-{key}.pkl"

    def load(self, index: int, key: str):
        """The saved result of partition ``index`` when its key matches, else None."""
        entry = self.done.get(str(index))
        if not entry or entry.get("key") != key:
            return None
        try:
            return pickle.loads(self._file(index, key).read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
            return None  # a damaged file: the partition is extracted again

    def save(self, result) -> None:
        write_bytes(self._file(result.index, result.key), pickle.dumps(result, protocol=5))
        self.done[str(result.index)] = {"key": result.key, "drafts": len(result.drafts), "bytes": result.nbytes}
        write_text(self.folder / MANIFEST, json.dumps({"settings": self.settings, "partitions": self.done}, indent=0))

    def remove(self) -> None:
        """Remove what this class writes (part files, the manifest), then the
        folder if nothing else is left: a folder of the user's that happened
        to bear the default name (``drafts.csv.checkpoint``) was removed whole."""
        remove_checkpoint(self.folder)


def remove_checkpoint(folder: str | Path) -> None:
    """What :meth:`Checkpoint.remove` removes, without opening the folder
    (:func:`geomap.extract` removes its default checkpoint once every output
    is written, so that a run killed while writing them can still resume)."""
    folder = Path(folder)
    for f in [*folder.glob("part-*.pkl"), folder / MANIFEST]:
        try:
            f.unlink()
        except OSError:
            pass
    try:
        folder.rmdir()
    except OSError:  # not empty (files that are not ours stay), or gone
        pass


def _needs_pyarrow():
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        raise MissingDependency("GeoParquet needs pyarrow; install it with: pip install 'geomap[dask]'") from None


def write_drafts_parquet(rows: list[dict], folder: str | Path, rows_per_file: int | None = None) -> list[Path]:
    """Write draft rows (:func:`geomap.extract.draft_rows`) as GeoParquet
    files ``folder/part-NNNNN.parquet`` (at most ``rows_per_file`` rows each,
    default :data:`ROWS_PER_FILE`), all or nothing.

    The files are written into a hidden sibling folder that then takes
    ``folder``'s place (see the module docstring): killed at any moment, the
    run leaves the earlier run's part files or its own, never some of each
    (a reader mixed two runs when part files were replaced one by one). What
    else ``folder`` held (the default checkpoint, ``_checkpoint``) is then
    moved into the new one; its older part files go with the old folder.
    :func:`geomap.extract.io.check_outputs` refused, before the run, a
    ``folder`` holding anything else. Hidden siblings left by killed runs
    are cleared of geomap's files first.
    """
    _needs_pyarrow()
    import geopandas as gpd
    import pandas as pd

    from ..extract import COLUMNS

    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    for col in _FLOATS:
        frame[col] = pd.to_numeric(frame[col].replace("", None), errors="coerce").astype("float64")
    for col in _INTS:
        frame[col] = pd.to_numeric(frame[col].replace("", None), errors="coerce").astype("Int64")
    for col in COLUMNS:
        if col not in _FLOATS + _INTS:
            frame[col] = frame[col].fillna("").astype(str)
    gdf = gpd.GeoDataFrame(frame, geometry=gpd.points_from_xy(frame.longitude, frame.latitude), crs="EPSG:4326")
    rows_per_file = rows_per_file or ROWS_PER_FILE
    real = Path(os.path.realpath(folder))  # a link to the folder stays a link
    real.parent.mkdir(parents=True, exist_ok=True)
    for stale in _stale_siblings(real):
        _clear_ours(stale)
    staging = Path(tempfile.mkdtemp(prefix=f".{real.name}.geomap-new-{os.getpid()}-", dir=real.parent))
    try:
        # the folder's own mode, or a new folder's: mkdtemp's 0700 hid the drafts from the user's group
        os.chmod(staging, os.stat(real).st_mode & 0o7777 if real.is_dir() else NEW_FOLDER_MODE)
        names = []
        for n, start in enumerate(range(0, max(len(gdf), 1), rows_per_file)):
            names.append(f"part-{n:05d}.parquet")
            _write_part(gdf.iloc[start : start + rows_per_file], staging / names[-1])
        _fsync_dir(staging)
        old = _publish(staging, real)
    except BaseException:
        _clear_ours(staging)
        raise
    if old is not None:
        _carry_over(old, real)
        _clear_ours(old)
    return [Path(folder) / name for name in names]


def _write_part(frame, path: Path) -> None:
    """One part file, on disk before the folder holding it is published."""
    frame.to_parquet(path, index=False)
    with open(path, "rb") as fh:
        os.fsync(fh.fileno())


def _publish(staging: Path, real: Path) -> Path | None:
    """Put the folder ``staging`` in the place of ``real``; return where the
    old ``real`` now is (to be cleared), or None when there was none."""
    try:
        os.rename(staging, real)  # no folder there yet: one rename
        _fsync_dir(real.parent)
        return None
    except OSError as err:
        if err.errno not in (errno.EEXIST, errno.ENOTEMPTY, errno.EISDIR):
            raise
    if _exchange(staging, real):
        _fsync_dir(real.parent)
        return staging
    # no atomic exchange here: the old folder steps aside, then the new one comes in
    aside = Path(tempfile.mkdtemp(prefix=f".{real.name}.geomap-old-{os.getpid()}-", dir=real.parent))
    os.rmdir(aside)
    os.rename(real, aside)
    os.rename(staging, real)
    _fsync_dir(real.parent)
    return aside


def _exchange(a: Path, b: Path) -> bool:
    """Swap the names ``a`` and ``b`` in one step (Linux ``renameat2`` with
    ``RENAME_EXCHANGE``); False where the system or file system cannot."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):  # a C library without it (glibc < 2.28, musl < 1.2.?)
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(err, os.strerror(err), str(b))


def _stale_siblings(real: Path) -> list[Path]:
    """Hidden siblings of ``real`` that runs killed while writing it left."""
    pattern = re.compile(rf"^\.{re.escape(real.name)}\.geomap-(?:new|old)-(\d+)-")
    try:
        entries = list(real.parent.iterdir())
    except OSError:
        return []
    return [e for e in entries if (m := pattern.match(e.name)) and not pid_alive(int(m.group(1))) and e.is_dir()]


def _carry_over(old: Path, new: Path) -> None:
    """Move what the replaced folder holds besides part files (checkpoints;
    files of the user's, which ``check_outputs`` refuses but a caller of
    :func:`write_drafts_parquet` may have) into the new one."""
    for entry in sorted(old.iterdir()):
        if not _ours(entry.name) and not os.path.lexists(new / entry.name):
            os.rename(entry, new / entry.name)


def _clear_ours(folder: Path) -> None:
    """Remove from ``folder`` what geomap writes there (part files, their
    temporary files, checkpoints), then the folder if it is empty: anything
    else stays where it is."""
    try:
        entries = list(folder.iterdir())
    except OSError:
        return
    for entry in entries:
        if entry.is_dir() and not entry.is_symlink():
            remove_checkpoint(entry)
        elif _ours(entry.name):
            try:
                entry.unlink()
            except OSError:
                pass
    try:
        folder.rmdir()
    except OSError:
        pass


def _ours(name: str) -> bool:
    """A part file, or what a killed atomic write of one left (``.part-...tmp...``)."""
    return bool(re.fullmatch(r"part-\d+\.parquet", name)) or bool(_TMP_RE.match(name) and name.startswith(".part-"))


def is_drafts_parquet(path: str | Path) -> bool:
    """True for a folder of ``part-*.parquet`` files or one ``.parquet`` file."""
    p = Path(path)
    return (p.is_dir() and any(p.glob("*.parquet"))) or p.suffix.lower() in (".parquet", ".pq")


def read_drafts_parquet(path: str | Path, report=None) -> list[tuple[int, dict]]:
    """``(row number, row)`` of GeoParquet drafts, the rows as the drafts CSV
    holds them (text cells; empty for missing numbers), for
    :func:`geomap.drafts.merge_drafts`. Counts ``drafts_files_read``."""
    _needs_pyarrow()
    import pyarrow.parquet as pq

    from ..extract import COLUMNS

    p = Path(path)
    files = sorted(p.glob("*.parquet")) if p.is_dir() else [p]
    out: list[tuple[int, dict]] = []
    n = 0
    for f in files:
        table = pq.read_table(f, columns=[c for c in COLUMNS if c in pq.read_schema(f).names])
        for rec in table.to_pylist():
            n += 1
            out.append((n, {c: _cell(c, rec.get(c)) for c in COLUMNS}))
        if report is not None:
            report.count(counts.DRAFTS_FILES_READ)
    return out


def _cell(col: str, v) -> str:
    if v is None or (isinstance(v, float) and v != v):
        return ""
    if col in ("latitude", "longitude"):
        return f"{v:.5f}"
    if col == "confidence":
        return f"{v:.2f}"
    return str(v)
