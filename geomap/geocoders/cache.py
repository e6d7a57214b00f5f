"""On-disk geocoding cache that survives interruption.

A JSON file mapping a query key to a :class:`~geomap.geocoders.base.Place`
(or to ``null`` for a name the backend does not know, so it is not asked
again). Every change is written with :func:`geomap.atomic.write_text`, so a
killed run leaves the previous, readable cache.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from ..atomic import write_text
from .base import Place

_MISSING = object()


def default_cache_dir() -> Path:
    """``$GEOMAP_CACHE`` or ``~/.cache/geomap``."""
    env = os.environ.get("GEOMAP_CACHE")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "geomap"


class GeocodeCache:
    """A persistent ``key -> Place | None`` mapping.

    Parameters
    ----------
    path : path
        The JSON file. A corrupt file is set aside (renamed ``.corrupt``)
        rather than crashing the run or being silently overwritten.
    """

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)
        self._data: dict[str, dict | None] = {}
        if self.path.exists():
            try:
                data = json.loads(self.path.read_text(encoding="utf-8"))
                if not isinstance(data, dict):
                    raise ValueError("cache is not a JSON object")
                self._data = data
            except (ValueError, UnicodeDecodeError):
                os.replace(self.path, self.path.with_suffix(self.path.suffix + ".corrupt"))

    @staticmethod
    def key(backend: str, query: str, kind: str | None, countries) -> str:
        return "|".join([backend, query, kind or "", ",".join(countries or ())])

    def get(self, key: str, default=_MISSING):
        """The cached Place, ``None`` for a cached miss, or ``default`` when absent."""
        if key not in self._data:
            if default is _MISSING:
                raise KeyError(key)
            return default
        value = self._data[key]
        return None if value is None else Place(**value)

    def __contains__(self, key: str) -> bool:
        return key in self._data

    def __len__(self) -> int:
        return len(self._data)

    def put(self, key: str, place: Place | None) -> None:
        """Store and persist at once (atomically)."""
        self._data[key] = None if place is None else place.to_dict()
        write_text(self.path, json.dumps(self._data, ensure_ascii=False, indent=0, sort_keys=True))
