"""A chain of geocoders tried in order: the first answer wins.

Offline backends come first (regional gazetteer, GeoNames); the online one,
when the user opted in, last. A name no backend knows as written is then
asked by its spelling key (:func:`~geomap.geocoders.base.spelling_key`) of
the backends that keep one (``spells``): "Speen Boldak" is Spin Boldak, but
"Kalat" stays the Pakistani town GeoNames knows by that name rather than
Qalat, the Afghan town the gazetteer spells alike. An online failure (timeout, HTTP error, rate
limit) is recorded as a warning and the offline result stands (the name is
then not found) rather than aborting the run. After
:data:`MAX_FAILURES` failures in a row a backend is not asked again in this
run, so a dead network costs seconds, not a timeout per place.

The chain's answers are memoised for the run by the same wrapper that keeps
online answers on disk (:class:`~geomap.geocoders.cache.CachedGeocoder`,
here over a :class:`~geomap.geocoders.cache.MemoryStore`).
"""

from __future__ import annotations

from ..exc import GeocoderServiceError
from .base import Geocoder, Place
from .cache import CachedGeocoder, MemoryStore

#: Countries preferred when a name is ambiguous: the region first.
REGION_COUNTRIES: tuple[str, ...] = ("AF", "PK", "IR", "IN", "TJ", "UZ", "TM", "CN")
#: Consecutive service failures after which a backend is left out for the run.
MAX_FAILURES = 3


class GeocoderChain(Geocoder):
    """Ask ``geocoders`` in order; remember which one answered.

    Parameters
    ----------
    geocoders : list of Geocoder
    max_failures : int
        Consecutive :class:`~geomap.exc.GeocoderServiceError` after which a
        backend is skipped for the rest of the run.

    Attributes
    ----------
    warnings : list of str
        Messages of online failures that were absorbed, of backends' caches
        that could not be read or written, and of indexes that could not be
        used.
    """

    name = "chain"

    def __init__(self, geocoders: list[Geocoder], max_failures: int = MAX_FAILURES):
        self.geocoders = list(geocoders)
        self.max_failures = max_failures
        self._warnings: list[str] = []
        self._failures: dict[int, int] = {}
        self._memo = CachedGeocoder(self._first_answer, MemoryStore(), name=self.name)

    @property
    def warnings(self) -> list[str]:
        backends = [w for g in self.geocoders for w in getattr(g, "warnings", ())]
        return backends + self._warnings

    def geocode(self, query, *, kind=None, countries=None):
        """Resolve ``query`` with the first backend that knows it.

        Parameters
        ----------
        query : str
        kind : str, optional
            Preferred feature kind (see :meth:`Geocoder.geocode`).
        countries : iterable of str, optional
            Country hints: ISO-2 codes of the countries the text around the
            name mentions (``("IR",)`` for "... near Zahedan, Iran"). The
            gazetteer prefers them among same-named places; GeoNames accepts
            a place outside Afghanistan, Pakistan and the talks venues only
            when its country is among them (see
            :meth:`geomap.geocoders.geonames.GeoNamesOffline.accepts`).
        """
        query = (query or "").strip()
        countries = tuple(countries) if countries else None
        if not query:
            return None
        return self._memo.geocode(query, kind=kind, countries=countries)

    def _first_answer(self, query, *, kind, countries) -> Place | None:
        # Two passes: the name as written, by every backend in order; then,
        # when none knew it, its spelling key by the backends that keep one
        # (an exact name anywhere beats a spelling of another place).
        for spelled in (False, True):
            for i, geocoder in enumerate(self.geocoders):
                if spelled and not geocoder.spells:
                    continue
                place = self._ask(i, geocoder, query, kind, countries, spelled)
                if place is not None:
                    return place
        return None

    def _ask(self, i, geocoder, query, kind, countries, spelled) -> Place | None:
        if self._failures.get(i, 0) >= self.max_failures:
            return None
        try:
            # Without hints each backend ranks by its own rule (GeoNames:
            # Afghanistan, Pakistan and talks venues first, neighbours
            # weighted): forcing all region countries here made a village
            # in India win over Doha, Qatar.
            if spelled:
                place = geocoder.geocode_spelled(query, kind=kind, countries=countries)
            elif geocoder.spells:
                place = geocoder.geocode(query, kind=kind, countries=countries, spelling=False)
            else:
                place = geocoder.geocode(query, kind=kind, countries=countries)
        except GeocoderServiceError as err:
            n = self._failures[i] = self._failures.get(i, 0) + 1
            # online backends come last: the offline answer was "not found"
            self._warnings.append(f"{geocoder.name}: {err}; kept the offline result (not found)")
            if n >= self.max_failures:
                self._warnings.append(
                    f"{geocoder.name}: {n} failures in a row; not asked again in this run (offline backends only)"
                )
            return None
        self._failures[i] = 0
        return place

    @property
    def backends(self) -> list[str]:
        return [g.name for g in self.geocoders]
