"""On-disk geocoding cache that survives interruption.

A JSON file mapping a query key to a :class:`~geomap.geocoders.base.Place`
(or to ``null`` for a name the backend does not know, so it is not asked
again). Every change is written with :func:`geomap.atomic.write_text`, so a
killed run leaves the previous, readable cache. A cache that cannot be read
is set aside (renamed ``*.corrupt``) with a warning, never silently lost or
overwritten; a cache that cannot be written only costs a warning.
"""

from __future__ import annotations

import json
import os
from dataclasses import fields
from pathlib import Path

from ..atomic import write_text
from .base import Place

_MISSING = object()
_PLACE_FIELDS = {f.name for f in fields(Place)}


def default_cache_dir() -> Path:
    """``$GEOMAP_CACHE`` or ``~/.cache/geomap``."""
    env = os.environ.get("GEOMAP_CACHE")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "geomap"


def _place(value) -> Place | None:
    """A Place from a cached entry; raises ValueError for an entry we did not write."""
    if value is None:
        return None
    if not isinstance(value, dict) or not {"name", "lat", "lon"} <= set(value) \
            or not set(value) <= _PLACE_FIELDS:
        raise ValueError(f"not a cached place: {str(value)[:80]}")
    place = Place(**value)
    if not (isinstance(place.lat, (int, float)) and isinstance(place.lon, (int, float))
            and -90 <= place.lat <= 90 and -180 <= place.lon <= 180):
        raise ValueError(f"cached place has bad coordinates: {place.lat!r}, {place.lon!r}")
    return place


class GeocodeCache:
    """A persistent ``key -> Place | None`` mapping.

    Parameters
    ----------
    path : path
        The JSON file. A corrupt file is set aside (renamed ``.corrupt``,
        see :attr:`warnings`) rather than crashing the run or being silently
        overwritten.

    Attributes
    ----------
    warnings : list of str
        What went wrong with the file (set aside, not saved); the geocoder
        chain passes them on to the run's report.
    """

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)
        self._data: dict[str, dict | None] = {}
        self.warnings: list[str] = []
        self._save_failed = False
        if self.path.exists():
            self._load()

    def _load(self) -> None:
        try:
            data = json.loads(self.path.read_bytes().decode("utf-8"))
            if not isinstance(data, dict):
                raise ValueError("cache is not a JSON object")
            for value in data.values():
                _place(value)
        except OSError as err:
            self.warnings.append(f"geocoding cache {self.path} cannot be read "
                                 f"({err.strerror or err}); starting with an empty cache")
            self._save_failed = True  # do not overwrite what we could not read
            return
        except (ValueError, TypeError, UnicodeDecodeError, RecursionError) as err:
            aside = self.path.with_name(self.path.name + ".corrupt")
            try:
                os.replace(self.path, aside)
                where = f"set aside as {aside}"
            except OSError:
                where = "left in place"
                self._save_failed = True
            self.warnings.append(f"geocoding cache {self.path} is corrupt ({str(err)[:120]}); "
                                 f"{where}, starting with an empty cache")
            return
        self._data = data

    @staticmethod
    def key(backend: str, query: str, kind: str | None, countries) -> str:
        return "|".join([backend, query, kind or "", ",".join(countries or ())])

    def get(self, key: str, default=_MISSING):
        """The cached Place, ``None`` for a cached miss, or ``default`` when absent."""
        if key not in self._data:
            if default is _MISSING:
                raise KeyError(key)
            return default
        return _place(self._data[key])

    def __contains__(self, key: str) -> bool:
        return key in self._data

    def __len__(self) -> int:
        return len(self._data)

    def put(self, key: str, place: Place | None) -> None:
        """Store, and persist at once (atomically) unless saving has failed before."""
        self._data[key] = None if place is None else place.to_dict()
        if self._save_failed:
            return
        try:
            write_text(self.path, json.dumps(self._data, ensure_ascii=False, indent=0,
                                             sort_keys=True))
        except OSError as err:
            self._save_failed = True
            self.warnings.append(f"geocoding cache {self.path} cannot be written "
                                 f"({err.strerror or err}); answers of this run are not kept")
