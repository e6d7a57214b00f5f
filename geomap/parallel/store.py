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
"""

from __future__ import annotations

import json
import pickle
from pathlib import Path

from .. import counts
from ..atomic import atomic_path, write_bytes, write_text
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
        for f in [*self.folder.glob("part-*.pkl"), self.folder / MANIFEST]:
            try:
                f.unlink()
            except OSError:
                pass
        try:
            self.folder.rmdir()
        except OSError:  # not empty: files that are not ours stay
            pass


def _needs_pyarrow():
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        raise MissingDependency("GeoParquet needs pyarrow; install it with: pip install 'geomap[dask]'") from None


def write_drafts_parquet(rows: list[dict], folder: str | Path, rows_per_file: int = ROWS_PER_FILE) -> list[Path]:
    """Write draft rows (:func:`geomap.extract.draft_rows`) as GeoParquet
    files ``folder/part-NNNNN.parquet``; older part files beyond these are removed."""
    _needs_pyarrow()
    import geopandas as gpd
    import pandas as pd

    from ..extract import COLUMNS

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    for col in _FLOATS:
        frame[col] = pd.to_numeric(frame[col].replace("", None), errors="coerce").astype("float64")
    for col in _INTS:
        frame[col] = pd.to_numeric(frame[col].replace("", None), errors="coerce").astype("Int64")
    for col in COLUMNS:
        if col not in _FLOATS + _INTS:
            frame[col] = frame[col].fillna("").astype(str)
    gdf = gpd.GeoDataFrame(frame, geometry=gpd.points_from_xy(frame.longitude, frame.latitude), crs="EPSG:4326")
    written = []
    for n, start in enumerate(range(0, max(len(gdf), 1), rows_per_file)):
        path = folder / f"part-{n:05d}.parquet"
        with atomic_path(path) as tmp:
            gdf.iloc[start : start + rows_per_file].to_parquet(tmp, index=False)
        written.append(path)
    for old in folder.glob("part-*.parquet"):
        if old not in written:
            old.unlink()
    return written


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
