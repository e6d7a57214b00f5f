"""Online geocoding with OpenStreetMap Nominatim through geopy (opt-in).

Used only when the user asks (``--online``). Requests go through
:class:`geopy.extra.rate_limiter.RateLimiter` at one per second, as
Nominatim's usage policy demands. The backend itself keeps nothing:
:func:`geomap.geocoders.default_chain` wraps it in a
:class:`~geomap.geocoders.cache.CachedGeocoder` over the on-disk store, so
every answer (a miss too) is asked once. geopy's errors are translated into
geomap's own tree.
"""

from __future__ import annotations

import logging

from geopy import exc as gexc
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders import Nominatim

from .. import __version__
from ..exc import GeocoderRateLimited, GeocoderServiceError, GeocoderTimedOut, GeocoderUnavailable
from .base import Geocoder, Place, wants_kind

# geopy's RateLimiter logs each retried error with its traceback (~20 lines);
# without a handler Python prints it to stderr. A NullHandler keeps it for
# applications that configure logging, off the terminal for everyone else.
logging.getLogger("geopy").addHandler(logging.NullHandler())

#: A real user agent, as Nominatim's policy requires.
USER_AGENT = f"geomap/{__version__} (Durand Line incident map; offline-first research tool)"

_ADDRESSTYPE_KIND = {
    "country": ("country", 4),
    "state": ("province", 3),
    "province": ("province", 3),
    "region": ("region", 3),
    "county": ("district", 2),
    "district": ("district", 2),
    "city": ("city", 1),
    "town": ("town", 1),
    "village": ("village", 1),
    "hamlet": ("village", 1),
    "suburb": ("town", 1),
}


class NominatimGeocoder(Geocoder):
    """Online backend. Construct it only when the user opted in.

    Parameters
    ----------
    min_delay_seconds : float
        Delay between requests; 1 s is Nominatim's limit.
    timeout : float
        Seconds per request.
    client : object, optional
        A geopy geocoder (``geocode(query, ...)``); tests pass a fake one.
    """

    name = "nominatim"

    def __init__(
        self, *, min_delay_seconds: float = 1.0, timeout: float = 10.0, client=None, user_agent: str = USER_AGENT
    ):
        self.timeout = timeout
        self.min_delay_seconds = min_delay_seconds
        self.client = client or Nominatim(user_agent=user_agent, timeout=timeout)
        # RateLimiter wraps the call (geopy's way) instead of sleeps in a loop.
        self._geocode = RateLimiter(
            self.client.geocode,
            min_delay_seconds=min_delay_seconds,
            max_retries=1,
            error_wait_seconds=min_delay_seconds * 2,
            swallow_exceptions=False,
        )

    #: Why Nominatim cannot be reached in this run (no network): set by the
    #: first connection failure, after which queries are not sent.
    unreachable: str | None = None

    def geocode(self, query, *, kind=None, countries=None):
        if self.unreachable:
            return None  # said once, in the first failure's warning
        try:
            loc = self._geocode(
                query,
                exactly_one=True,
                addressdetails=True,
                country_codes=[c.lower() for c in countries] if countries else None,
                language="en",
            )
        except gexc.GeocoderTimedOut as err:
            raise GeocoderTimedOut(f"Nominatim did not answer within {self.timeout:g} s for {query!r}: {err}") from err
        except gexc.GeocoderRateLimited as err:
            wait = f" (retry after {err.retry_after} s)" if getattr(err, "retry_after", None) else ""
            raise GeocoderRateLimited(f"Nominatim refused {query!r}: too many requests{wait}: {err}") from err
        except gexc.GeocoderUnavailable as err:
            root = _root_cause(err)
            # a socket error (no route, no DNS, refused) means no network; an
            # answer that is only 'unavailable' (a 503) may pass
            if isinstance(root, OSError) and not isinstance(root, gexc.GeopyError):
                self.unreachable = str(root) or type(root).__name__
                raise GeocoderUnavailable(
                    f"Nominatim cannot be reached ({self.unreachable}); no network? Not asked again in this run"
                ) from err
            raise GeocoderUnavailable(f"Nominatim cannot be reached for {query!r}: {err}") from err
        except gexc.GeopyError as err:
            raise GeocoderServiceError(f"Nominatim failed for {query!r} ({type(err).__name__}): {err}") from err
        try:
            return None if loc is None else self._to_place(query, loc, kind)
        except (TypeError, ValueError, AttributeError) as err:
            raise GeocoderServiceError(f"Nominatim gave an answer for {query!r} that cannot be used: {err}") from err

    def _to_place(self, query: str, loc, kind: str | None) -> Place:
        raw = getattr(loc, "raw", {}) or {}
        addr = raw.get("address", {}) or {}
        lat, lon = float(loc.latitude), float(loc.longitude)
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):  # also rejects nan
            raise ValueError(f"coordinates out of range: {lat}, {lon}")
        f_kind, precision = _ADDRESSTYPE_KIND.get(raw.get("addresstype", ""), ("town", 1))
        wanted = kind or wants_kind(query)
        if wanted == "province" and f_kind != "province":
            precision = max(precision, 3)
        return Place(
            name=query.strip(),
            lat=lat,
            lon=lon,
            kind=f_kind,
            country=(addr.get("country_code") or "").upper(),
            admin1=addr.get("state", "") or addr.get("province", ""),
            precision=precision,
            backend=self.name,
            source=f"OpenStreetMap Nominatim {raw.get('osm_type', '')}/{raw.get('osm_id', '')}".strip(),
        )


def _root_cause(err: BaseException) -> BaseException:
    """The innermost exception behind ``err`` (a socket error behind geopy's
    wrapping of requests' wrapping of urllib3's)."""
    seen = set()
    while id(err) not in seen:
        seen.add(id(err))
        nxt = err.__cause__ or err.__context__
        if nxt is None:
            break
        err = nxt
    return err
