"""Caching by wrapping: :class:`CachedGeocoder` around any geocoder.

As geopy's ``RateLimiter`` adds a delay to any ``geocode`` callable,
:class:`CachedGeocoder` adds a cache to any :class:`~geomap.geocoders.base.Geocoder`
(or a plain ``geocode``-like callable). The answers go into a store:

* :class:`MemoryStore`, a dict for one run (the chain's memo);
* :class:`SqliteStore`, one SQLite file shared by every backend and by
  concurrent processes (``$GEOMAP_CACHE/geocoding.sqlite``), where online
  answers are kept between runs.

A miss (``None``) is stored too, so an unknown name is not asked again; an
error raised by the wrapped geocoder is not stored.

Each answer is one SQLite transaction, so a run killed at any moment leaves
every earlier answer whole (SQLite's rollback journal undoes a half-written
one when the file is next opened). A file that is not a cache we wrote is set
aside (``*.corrupt``) with a warning; a cache that cannot be created or
written costs one warning, and the run goes on with its answers in memory.
The JSON cache of earlier versions (``nominatim.json``) is read into the
store once and renamed ``nominatim.json.migrated``.
"""

from __future__ import annotations

import json
import os
import sqlite3
from dataclasses import fields
from pathlib import Path

from .base import Geocoder, Place

_MISSING = object()  # no default given to get(): raise KeyError
_ABSENT = object()  # a default that cannot be a stored answer
_PLACE_FIELDS = {f.name for f in fields(Place)}
#: The store's file in the cache folder, one for every backend.
STORE_NAME = "geocoding.sqlite"
#: The JSON cache of geomap before the SQLite store, migrated once.
LEGACY_JSON = "nominatim.json"
#: ``PRAGMA user_version`` of a store this module wrote.
_SCHEMA_VERSION = 1
_SCHEMA = """CREATE TABLE IF NOT EXISTS answers (
    backend TEXT NOT NULL, query TEXT NOT NULL, kind TEXT NOT NULL, countries TEXT NOT NULL,
    place TEXT,  -- JSON of a Place, NULL for a name the backend does not know
    PRIMARY KEY (backend, query, kind, countries)) WITHOUT ROWID"""


def default_cache_dir() -> Path:
    """``$GEOMAP_CACHE``, else ``$XDG_CACHE_HOME/geomap``, else ``~/.cache/geomap``."""
    env = os.environ.get("GEOMAP_CACHE")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "geomap"


def cache_key(backend: str, query: str, kind: str | None, countries) -> tuple[str, str, str, str]:
    """The key of one question: backend, query as asked, kind, country hints."""
    return (backend, query, kind or "", ",".join(countries or ()))


def _place(value) -> Place | None:
    """A Place from a stored entry; raises ValueError for an entry we did not write."""
    if value is None:
        return None
    if not isinstance(value, dict) or not {"name", "lat", "lon"} <= set(value) or not set(value) <= _PLACE_FIELDS:
        raise ValueError(f"not a cached place: {str(value)[:80]}")
    place = Place(**value)
    if not (
        isinstance(place.lat, (int, float))
        and isinstance(place.lon, (int, float))
        and -90 <= place.lat <= 90
        and -180 <= place.lon <= 180
    ):
        raise ValueError(f"cached place has bad coordinates: {place.lat!r}, {place.lon!r}")
    return place


def _why(err: BaseException) -> str:
    return getattr(err, "strerror", None) or str(err) or type(err).__name__


class MemoryStore:
    """Answers kept for one run only (a dict). Same interface as :class:`SqliteStore`."""

    def __init__(self):
        self._data: dict[tuple, Place | None] = {}
        self.warnings: list[str] = []

    def get(self, key: tuple, default=_MISSING):
        """The stored Place, ``None`` for a stored miss, or ``default`` when absent."""
        if key in self._data:
            return self._data[key]
        if default is _MISSING:
            raise KeyError(key)
        return default

    def put(self, key: tuple, place: Place | None) -> None:
        self._data[key] = place

    def __contains__(self, key: tuple) -> bool:
        return key in self._data

    def __len__(self) -> int:
        return len(self._data)


class SqliteStore:
    """Answers kept in a SQLite file, safe against kills and shared by processes.

    Parameters
    ----------
    path : path
        The database file (default name :data:`STORE_NAME`). Its folder is
        made when missing.
    timeout : float
        Seconds to wait for another process's write to finish.

    Attributes
    ----------
    warnings : list of str
        What went wrong with the file (set aside, not writable); the chain
        passes them on to the run's report.
    persistent : bool
        False once answers are kept in memory only (the file could not be
        opened or written).
    """

    def __init__(self, path: str | os.PathLike, *, timeout: float = 10.0):
        self.path = Path(path)
        self.timeout = timeout
        self.warnings: list[str] = []
        self.persistent = True
        self._conn = self._open()

    # -- opening -----------------------------------------------------------
    def _connect(self, target) -> sqlite3.Connection:
        conn = sqlite3.connect(target, timeout=self.timeout, isolation_level=None, check_same_thread=False)
        try:
            conn.execute("BEGIN")  # one snapshot: another process may be making the schema
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
            check = conn.execute("PRAGMA quick_check").fetchone()[0]
            conn.execute("COMMIT")
            if (
                version not in (0, _SCHEMA_VERSION)
                or (tables and version == 0)
                or (version and "answers" not in tables)
            ):
                raise sqlite3.DatabaseError("not a geomap geocoding cache")
            if check != "ok":
                raise sqlite3.DatabaseError(f"damaged ({check})")
            if not tables:
                with conn:  # one transaction: a kill leaves no table or the whole schema
                    conn.execute("BEGIN IMMEDIATE")
                    conn.execute(_SCHEMA)
                    conn.execute(f"PRAGMA user_version = {_SCHEMA_VERSION}")
        except BaseException:
            conn.close()
            raise
        return conn

    def _open(self) -> sqlite3.Connection:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            return self._in_memory(f"cannot be made: its folder {self.path.parent} cannot be made ({_why(err)})")
        try:
            if self.path.exists() and not self.path.is_file():
                raise IsADirectoryError(21, "not a file")
            return self._connect(self.path)
        except sqlite3.DatabaseError as err:
            if isinstance(err, sqlite3.OperationalError) and not _is_corrupt(err):
                return self._in_memory(f"cannot be used ({_why(err)})")
            aside = self.path.with_name(self.path.name + ".corrupt")
            try:
                os.replace(self.path, aside)
                # a hot journal belongs to the file it was written for
                journal = self.path.with_name(self.path.name + "-journal")
                if journal.exists():
                    os.replace(journal, aside.with_name(aside.name + "-journal"))
            except OSError:
                return self._in_memory(f"is corrupt ({_why(err)}) and cannot be set aside")
            self.warnings.append(
                f"geocoding cache {self.path} is corrupt ({_why(err)}); "
                f"set aside as {aside}, starting with an empty cache"
            )
            try:
                return self._connect(self.path)
            except (OSError, sqlite3.Error) as again:
                return self._in_memory(f"cannot be used ({_why(again)})")
        except OSError as err:
            return self._in_memory(f"cannot be used ({_why(err)})")

    def _in_memory(self, problem: str) -> sqlite3.Connection:
        self.persistent = False
        self.warnings.append(f"geocoding cache {self.path} {problem}; answers of this run are kept in memory only")
        return self._connect(":memory:")

    # -- reading and writing ---------------------------------------------
    def get(self, key: tuple, default=_MISSING):
        """The stored Place, ``None`` for a stored miss, or ``default`` when absent.

        An entry that does not parse as a Place reads as absent, with a
        warning (the wrapper asks again and replaces it).
        """
        row = self._conn.execute(
            "SELECT place FROM answers WHERE backend=? AND query=? AND kind=? AND countries=?", key
        ).fetchone()
        if row is not None:
            try:
                return _place(None if row[0] is None else json.loads(row[0]))
            except (ValueError, TypeError, RecursionError) as err:
                self.warnings.append(
                    f"geocoding cache {self.path}: entry {key[1]!r} is corrupt ({str(err)[:120]}); asked again"
                )
        if default is _MISSING:
            raise KeyError(key)
        return default

    def put(self, key: tuple, place: Place | None) -> None:
        """Store one answer in its own transaction."""
        self.put_many([(key, place)])

    def put_many(self, items) -> None:
        """Store ``(key, place)`` pairs in one transaction (all or none)."""
        rows = [
            (*key, None if place is None else json.dumps(place.to_dict(), ensure_ascii=False)) for key, place in items
        ]
        try:
            self._write(rows)
        except sqlite3.Error as err:
            # read-only file, disk full, locked past the timeout: keep what
            # we have in memory and go on
            memory = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
            self._conn.backup(memory)
            self._conn.close()
            self._conn = memory
            self.persistent = False
            self.warnings.append(
                f"geocoding cache {self.path} cannot be written "
                f"({_why(err)}); answers of this run are kept in memory only"
            )
            self._write(rows)

    def _write(self, rows) -> None:
        with self._conn:
            self._conn.execute("BEGIN IMMEDIATE")
            self._conn.executemany("INSERT OR REPLACE INTO answers VALUES (?, ?, ?, ?, ?)", rows)

    def __contains__(self, key: tuple) -> bool:
        return self.get(key, _ABSENT) is not _ABSENT

    def __len__(self) -> int:
        return self._conn.execute("SELECT count(*) FROM answers").fetchone()[0]

    def close(self) -> None:
        self._conn.close()

    # -- the JSON cache of earlier versions ------------------------------
    def migrate_json(self, path: str | os.PathLike) -> int:
        """Read an old ``nominatim.json`` cache into the store, once.

        The file is renamed ``*.migrated`` afterwards (kept, in case);
        a corrupt one is set aside as ``*.corrupt`` with a warning.

        Returns
        -------
        int
            How many answers were taken over.
        """
        path = Path(path)
        try:
            data = json.loads(path.read_bytes().decode("utf-8"))
            if not isinstance(data, dict):
                raise ValueError("cache is not a JSON object")
            items = []
            for key, value in data.items():
                backend, _, rest = str(key).partition("|")
                query, kind, countries = rest.rsplit("|", 2)
                items.append(((backend, query, kind, countries), _place(value)))
        except (FileNotFoundError, NotADirectoryError):  # nothing to migrate
            return 0
        except OSError as err:
            self.warnings.append(f"old geocoding cache {path} cannot be read ({_why(err)}); not migrated")
            return 0
        except (ValueError, TypeError, UnicodeDecodeError, RecursionError) as err:
            aside = path.with_name(path.name + ".corrupt")
            try:
                os.replace(path, aside)
                where = f"set aside as {aside}"
            except OSError:
                where = "left in place"
            self.warnings.append(f"geocoding cache {path} is corrupt ({str(err)[:120]}); {where}, not migrated")
            return 0
        self.put_many(items)
        if self.persistent:
            try:
                os.replace(path, path.with_name(path.name + ".migrated"))
            except OSError:
                pass  # another process migrated it at the same time, or read-only
        return len(items)


def _is_corrupt(err: sqlite3.Error) -> bool:
    text = str(err).lower()
    return any(w in text for w in ("not a database", "malformed", "damaged", "geomap"))


class CachedGeocoder(Geocoder):
    """Any geocoder with a cache in front, as geopy's ``RateLimiter`` wraps a call.

    Parameters
    ----------
    geocoder : Geocoder or callable
        What answers on a cache miss: a :class:`Geocoder`, or a callable
        taking ``(query, kind=..., countries=...)``.
    store : MemoryStore or SqliteStore, optional
        Where answers are kept (default: a new :class:`MemoryStore`).
    name : str, optional
        Backend name in the store's keys (default: the geocoder's).

    Examples
    --------
    >>> from geomap.geocoders.gazetteer import RegionalGazetteer
    >>> cached = CachedGeocoder(RegionalGazetteer())
    >>> cached.geocode("Torkham") is cached.geocode("Torkham")
    True

    Attributes of the wrapped geocoder are read through the wrapper
    (``cached.client``, ``cached.unreachable``).
    """

    def __init__(self, geocoder, store=None, *, name: str | None = None):
        self.geocoder = geocoder
        self._call = geocoder.geocode if isinstance(geocoder, Geocoder) else geocoder
        self.store = store if store is not None else MemoryStore()
        self.name = name or getattr(geocoder, "name", None) or getattr(geocoder, "__name__", "cached")

    def geocode(self, query, *, kind=None, countries=None):
        key = cache_key(self.name, query, kind, countries)
        place = self.store.get(key, _ABSENT)
        if place is _ABSENT:
            place = self._call(query, kind=kind, countries=countries)  # errors are not kept
            self.store.put(key, place)
        return place

    __call__ = geocode

    @property
    def warnings(self) -> list[str]:
        return list(self.store.warnings) + list(getattr(self.geocoder, "warnings", ()))

    def __getattr__(self, attr):
        if attr in ("geocoder", "store"):  # not yet set (during unpickling)
            raise AttributeError(attr)
        return getattr(self.geocoder, attr)

    def __repr__(self) -> str:
        return f"CachedGeocoder({self.geocoder!r}, {type(self.store).__name__})"
