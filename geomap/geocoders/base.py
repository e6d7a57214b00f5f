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
    "tehsil",
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


#: Izafe between two words ("Barg-e-Matal", "Dand-i-Patan", "Barg e Matal"):
#: news writes it, drops it or glues it on; the key drops it.
_IZAFE = re.compile(r"(?<=[a-z])(?:-(?:e|i|ye|y)-|-(?:e|i|ye)\s+|\s+(?:e|i|ye)-|\s+(?:e|i|ye)\s+)(?=[a-z])")
#: A diphthong written ``au``/``ou`` or ``aw``/``ow`` before a consonant
#: ("Bajaur", "Bajour", "Khowst", "Khost"): one vowel.
_DIPHTHONG = re.compile(r"[ao]u|[ao]w(?![aeiouy])")
#: Aspirated consonants written with or without ``h`` ("Landi Kothal").
_ASPIRATE = re.compile(r"(?<=[td])h")
#: ``c`` outside ``ch`` is ``k`` ("Paktica", "Paktika").
_HARD_C = re.compile(r"c(?!h)")
#: "-awad" for "-abad" (Jalalawad), a final ``h`` after a vowel (Tirah, Tira).
_ABAD = re.compile(r"avad\b")
_FINAL_H = re.compile(r"(?<=[aiu])h\b")
#: A final ``-ay``/``-ai``/``-ey`` is the ``-i`` of Pashto ("Kalay", "Kali").
_FINAL_AI = re.compile(r"ai\b")
_NOT_LETTER = re.compile(r"[^a-z0-9]+")
_DOUBLE = re.compile(r"([a-z])\1+")
#: Letters that transliterations use for one sound: ``q`` is ``k``, ``w`` is
#: ``v``, ``o``/``u`` one vowel, ``e``/``i``/``y`` another.
_LETTERS = str.maketrans({"q": "k", "w": "v", "o": "u", "e": "i", "y": "i"})


@_per_text
def spelling(text: str) -> str:
    """The spelling key of ``text`` as written: one key for the ways news
    transliterates a Pashto, Dari or Urdu name.

    :func:`fold`, then: the izafe dropped ("Barg-e-Matal", "Barg i Matal");
    ``au``/``ou``/``aw``/``ow`` before a consonant one vowel; ``th``/``dh``
    as ``t``/``d``; ``c`` outside ``ch`` as ``k``; "-awad" as "-abad"; a
    final ``h`` after a vowel dropped; a final ``-ay``/``-ai`` as ``-i``;
    ``q`` as ``k``, ``w`` as ``v``, ``o`` as ``u``, ``e`` and ``y`` as
    ``i``; spaces, hyphens and apostrophes dropped (digits stay:
    "Khyber-4" is an operation, not Khyber); doubled letters single.
    Feature words stay: see :func:`spelling_key`.

    >>> spelling("Spin Boldak") == spelling("Speen-Buldak") == spelling("Spinboldak")
    True
    >>> spelling("Ṭorkham"), spelling("Khowst"), spelling("Barg-i-Matal")
    ('turkham', 'khust', 'bargmatal')
    """
    key = _IZAFE.sub(" ", fold(text))
    key = _DIPHTHONG.sub("u", key)
    key = _HARD_C.sub("k", _ASPIRATE.sub("", key)).translate(_LETTERS)
    key = _FINAL_AI.sub("i", _FINAL_H.sub("", _ABAD.sub("abad", key)))
    return _DOUBLE.sub(r"\1", _NOT_LETTER.sub("", key))


@_per_text
def spelling_key(name: str) -> str:
    """Key every geocoder looks a name up by when its own keys find nothing:
    :func:`spelling` of :func:`normalize_name` (feature words and a leading
    "the" gone).

    >>> spelling_key("Kurram Agency") == spelling_key("Kuram") == spelling_key("the Kurram district")
    True
    >>> spelling_key("Landikotal tehsil") == spelling_key("Landi Kothal")
    True
    """
    return spelling(normalize_name(name))


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
    #: Does the backend keep :func:`spelling_key` keys (and take
    #: ``spelling=`` in :meth:`geocode`)? Nominatim does not: it matches
    #: loosely on its own.
    spells: bool = False

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

    def geocode_spelled(
        self, query: str, *, kind: str | None = None, countries: tuple[str, ...] | None = None
    ) -> Place | None:
        """Resolve ``query`` by its :func:`spelling_key` alone: the place a
        differently transliterated name stands for ("Speen Boldak",
        "Khowst"). A backend with ``spells`` answers from its own keys; the
        others know no spellings (``None``).

        :class:`~geomap.geocoders.chain.GeocoderChain` asks this only after
        no backend knew the name as written, so an exact name anywhere (the
        town of Kalat in Pakistan, in GeoNames) wins over a spelling of
        another (Qalat in Afghanistan, in the gazetteer).
        """
        return None


class SpellingGeocoder(Geocoder):
    """A backend that also keeps :func:`spelling_key` keys of its names.

    :meth:`geocode` answers from the names as written and, when they know
    nothing (and ``spelling``), from the spelling key; :meth:`geocode_spelled`
    from the spelling key alone. Subclasses implement :meth:`_lookup`.
    """

    spells = True

    def geocode(
        self,
        query: str,
        *,
        kind: str | None = None,
        countries: tuple[str, ...] | None = None,
        spelling: bool = True,
    ) -> Place | None:
        """See :meth:`Geocoder.geocode`; ``spelling=False`` leaves out the
        spelling keys (the chain's first pass)."""
        if not query or not str(query).strip():
            return None
        return self._lookup(str(query), kind, countries, as_written=True, spelled=spelling)

    def geocode_spelled(self, query, *, kind=None, countries=None) -> Place | None:
        if not query or not str(query).strip():
            return None
        return self._lookup(str(query), kind, countries, as_written=False, spelled=True)

    @abstractmethod
    def _lookup(self, query: str, kind: str | None, countries, *, as_written: bool, spelled: bool) -> Place | None:
        """The best place for ``query`` by its names as written
        (``as_written``), then (``spelled``) by its spelling key."""
