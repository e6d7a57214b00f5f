"""Geocoders: regional gazetteer, GeoNames offline, Nominatim online (opt-in).

>>> from geomap.geocoders import default_chain
>>> default_chain().geocode("Torkhum").name        # doctest: +SKIP
'Torkham'
"""

from __future__ import annotations

from pathlib import Path

from .base import Geocoder, Place, SpellingGeocoder, fold, normalize_name, spelling, spelling_key, wants_kind
from .cache import LEGACY_JSON, STORE_NAME, CachedGeocoder, MemoryStore, SqliteStore, default_cache_dir
from .chain import REGION_COUNTRIES, GeocoderChain

__all__ = [
    "Geocoder",
    "SpellingGeocoder",
    "Place",
    "GeocoderChain",
    "CachedGeocoder",
    "MemoryStore",
    "SqliteStore",
    "default_chain",
    "fold",
    "normalize_name",
    "spelling",
    "spelling_key",
    "wants_kind",
    "REGION_COUNTRIES",
]


def default_chain(
    online: bool = False, cache_dir: str | Path | None = None, gazetteer: str | Path | None = None
) -> GeocoderChain:
    """The standard chain: gazetteer, then GeoNames, then (``online``) Nominatim.

    Nominatim is wrapped in a :class:`CachedGeocoder` over the
    :class:`SqliteStore` ``geocoding.sqlite`` in the cache folder; an old
    ``nominatim.json`` cache there is taken over once.

    Parameters
    ----------
    online : bool
        Add the Nominatim backend. Off by default: geomap never touches the
        network unless asked.
    cache_dir : path, optional
        Where the GeoNames index and the online cache live (default
        ``$GEOMAP_CACHE``, ``$XDG_CACHE_HOME/geomap`` or ``~/.cache/geomap``).
    gazetteer : path, optional
        Regional gazetteer CSV (default ``geodata/gazetteer.csv``).
    """
    from .gazetteer import RegionalGazetteer

    backends: list[Geocoder] = [RegionalGazetteer(gazetteer)]
    try:
        from .geonames import GeoNamesOffline
    except ImportError:  # pragma: no cover - during development only
        GeoNamesOffline = None
    if GeoNamesOffline is not None:
        backends.append(_make_geonames(GeoNamesOffline, cache_dir))
    if online:
        from .nominatim import NominatimGeocoder

        cache_dir = Path(cache_dir) if cache_dir else default_cache_dir()
        store = SqliteStore(cache_dir / STORE_NAME)
        store.migrate_json(cache_dir / LEGACY_JSON)
        backends.append(CachedGeocoder(NominatimGeocoder(), store))
    return GeocoderChain(backends)


def _make_geonames(cls, cache_dir):
    if cache_dir is None:
        return cls()
    try:
        return cls(index_path=Path(cache_dir) / "geonames.sqlite")
    except TypeError:
        return cls()
