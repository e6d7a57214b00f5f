"""Geocoder interface, the :class:`Place` it returns, and name normalisation.

Every backend (regional gazetteer, GeoNames offline, Nominatim online) is a
subclass of :class:`Geocoder` with one method, :meth:`Geocoder.geocode`,
returning a :class:`Place` or ``None``. :class:`~geomap.geocoders.chain.GeocoderChain`
asks them in order.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from abc import ABC, abstractmethod
from dataclasses import asdict, dataclass

#: Feature kinds a Place may have, with the geo precision they imply.
KIND_PRECISION: dict[str, int] = {
    "crossing": 1,
    "city": 1,
    "town": 1,
    "village": 1,
    "building": 1,
    "district": 2,
    "province": 3,
    "region": 3,
    "country": 4,
    "border": 4,
}


@dataclass(frozen=True)
class Place:
    """A resolved place.

    Attributes
    ----------
    name : str
        Canonical name (``"Torkham"``, ``"Kandahar Province"``).
    lat, lon : float
        WGS84 degrees. Note the order: latitude first, as geopy does; only
        :func:`geomap.geo.point` turns them into an (x=lon, y=lat) geometry.
    kind : str
        One of :data:`KIND_PRECISION`.
    country : str
        ISO 3166-1 alpha-2, or ``""`` for the border as a whole.
    admin1 : str
        Province/state, when known.
    precision : int
        Geo precision 1-4 (see :data:`geomap.schema.GEO_PRECISIONS`).
    backend : str
        Which geocoder answered (``"gazetteer"``, ``"geonames"``, ``"nominatim"``).
    source : str
        Where the coordinate comes from (for provenance).
    """

    name: str
    lat: float
    lon: float
    kind: str = "town"
    country: str = ""
    admin1: str = ""
    precision: int = 1
    backend: str = ""
    source: str = ""

    def to_dict(self) -> dict:
        return asdict(self)


_STRIP_PHRASES = (
    "border crossing point",
    "border crossing",
    "crossing point",
    "customs building",
    "customs house",
    "border post",
    "border point",
    "crossing",
    "border",
    "province",
    "provincial",
    "district",
    "city",
    "town",
    "village",
    "area",
    "region",
    "valley",
    "agency",
)
_STRIP_RE = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in _STRIP_PHRASES) + r")\b")
_LEADING_THE = re.compile(r"^(?:the)\s+")


def _per_text(fn):
    """``fn`` computed once per distinct string (every backend of a chain
    folds the same query, and extraction asks about the same few names
    again and again); an argument of another type is not cached."""
    cached = functools.lru_cache(maxsize=16384)(fn)

    @functools.wraps(fn)
    def wrapper(text):
        return cached(text) if type(text) is str else fn(text)

    return wrapper


@_per_text
def fold(text: str) -> str:
    """Lower-case, drop diacritics, unify dashes/apostrophes and spaces.

    >>> fold("Spīn Bōldak–Chaman")
    'spin boldak-chaman'
    """
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)
    text = text.lower()
    text = re.sub(r"\s*-\s*", "-", text)
    text = re.sub(r"[^\w\s'-]", " ", text)
    return re.sub(r"\s+", " ", text).strip()


@_per_text
def normalize_name(name: str) -> str:
    """Key used to look names up: :func:`fold` minus generic feature words.

    >>> normalize_name("the Torkham customs building")
    'torkham'
    >>> normalize_name("Kandahār Province")
    'kandahar'
    """
    key = _LEADING_THE.sub("", fold(name))
    stripped = re.sub(r"\s+", " ", _STRIP_RE.sub(" ", key)).strip(" -'")
    return stripped or key


@_per_text
def wants_kind(name: str) -> str | None:
    """Kind that the wording of ``name`` asks for, if any.

    ``"Kandahar province"`` asks for the province, ``"Kandahar city"`` for
    the city, ``"Torkham border crossing"`` for the crossing.
    """
    f = fold(name)
    if re.search(r"\bprovinc", f):
        return "province"
    if re.search(r"\bdistrict\b", f):
        return "district"
    if re.search(r"\b(city|town)\b", f):
        return "city"
    if re.search(r"\b(crossing|customs|border post|border point)\b", f):
        return "crossing"
    return None


class Geocoder(ABC):
    """A backend that turns a place name into a :class:`Place`.

    Subclasses set :attr:`name` and implement :meth:`geocode`.
    """

    #: Short backend name recorded in ``Place.backend``.
    name: str = "base"

    @abstractmethod
    def geocode(self, query: str, *, kind: str | None = None, countries: tuple[str, ...] | None = None) -> Place | None:
        """Resolve ``query``.

        Parameters
        ----------
        query : str
            A place name as written (any case, diacritics, feature words).
        kind : str, optional
            Preferred feature kind (``"province"``, ``"city"``, ``"crossing"``);
            by default inferred from the wording with :func:`wants_kind`.
        countries : tuple of str, optional
            ISO-2 codes to prefer when a name is ambiguous.

        Returns
        -------
        Place or None
            ``None`` when this backend does not know the name.
        """
