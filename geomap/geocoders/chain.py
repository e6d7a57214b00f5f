"""A chain of geocoders tried in order: the first answer wins.

Offline backends come first (regional gazetteer, GeoNames); the online one,
when the user opted in, last. An online failure (timeout, HTTP error, rate
limit) is recorded as a warning and the chain falls back to "not found"
rather than aborting the run.
"""

from __future__ import annotations

from ..exc import GeocoderServiceError
from .base import Geocoder, Place

#: Countries preferred when a name is ambiguous: the region first.
REGION_COUNTRIES: tuple[str, ...] = ("AF", "PK", "IR", "IN", "TJ", "UZ", "TM", "CN")


class GeocoderChain(Geocoder):
    """Ask ``geocoders`` in order; remember which one answered.

    Parameters
    ----------
    geocoders : list of Geocoder

    Attributes
    ----------
    warnings : list of str
        Messages of online failures that were absorbed.
    """

    name = "chain"

    def __init__(self, geocoders: list[Geocoder]):
        self.geocoders = list(geocoders)
        self.warnings: list[str] = []
        self._memo: dict[tuple, Place | None] = {}

    def geocode(self, query, *, kind=None, countries=None):
        query = (query or "").strip()
        if not query:
            return None
        key = (query, kind, tuple(countries) if countries else None)
        if key in self._memo:
            return self._memo[key]
        place = None
        for geocoder in self.geocoders:
            try:
                # Without an explicit preference each backend ranks by its own
                # rule (GeoNames: Afghanistan and Pakistan first, neighbours
                # weighted): forcing all region countries here made a village
                # in India win over Doha, Qatar.
                place = geocoder.geocode(query, kind=kind, countries=countries)
            except GeocoderServiceError as err:
                self.warnings.append(f"{geocoder.name}: {err}; using the offline result")
                place = None
            if place is not None:
                break
        self._memo[key] = place
        return place

    @property
    def backends(self) -> list[str]:
        return [g.name for g in self.geocoders]
