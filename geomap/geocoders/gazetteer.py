"""The regional gazetteer: crossings, towns, districts and provinces of the border.

``geodata/gazetteer.csv`` (columns in ``geodata/README.md``) is curated by
hand; each row has a canonical name, ``|``-separated aliases and a source for
its coordinate. :class:`RegionalGazetteer` loads it once, validates every row
(a bad row raises :class:`~geomap.exc.SchemaError` naming file, line and
column) and answers queries from two dictionaries:

* *exact*: the folded name or alias (``"kandahar province"``), so a query
  worded like a known name finds that very place;
* *loose*: :func:`~geomap.geocoders.base.normalize_name` keys, with feature
  words stripped (``"kandahar"``), for "Torkham customs building" and friends;
* *spelling*, asked only when neither knows the query:
  :func:`~geomap.geocoders.base.spelling_key` keys, one for the ways news
  transliterates a name ("Speen Boldak", "Barg-i-Matal", "Landi Kothal",
  "Khowst district"). Aliases in the file cover what the key cannot derive
  (Ningarhar, Gurbaz, Bermel). Lookup-only aliases get no spelling key, and
  a key that two distinct places would share (no name of theirs in common)
  answers neither: it is listed in :attr:`RegionalGazetteer.spelling_collisions`.

When several places share a key ("Kandahar" the city and the province), the
kind the query asks for wins (``kind=`` or :func:`wants_kind`), then the
exact match, then the preferred countries, then the more precise kind.

An alias written with a leading ``~`` (``~Tani``, ``~Kama``) is *lookup-only*:
:meth:`RegionalGazetteer.geocode` resolves it, but it is not offered for
finding places in running text (:attr:`RegionalGazetteer.aliases`,
:meth:`RegionalGazetteer.text_names`), because as a word it is mostly
something else (a person's name, an English word). "in Tani" still finds
the district when a finder asks the geocoder about the words after "in".
"""

from __future__ import annotations

import csv
import os
import re
from pathlib import Path

from geomap.exc import SchemaError
from geomap.geo import geodata_path
from geomap.geocoders.base import (
    KIND_PRECISION,
    Place,
    SpellingGeocoder,
    fold,
    normalize_name,
    spelling,
    spelling_key,
    wants_kind,
)

COLUMNS = ("name", "aliases", "kind", "country", "admin1", "latitude", "longitude", "precision", "source", "note")
KINDS = ("crossing", "city", "town", "village", "district", "province", "region", "country", "border")
#: Kinds a wanted kind accepts: "city" in a query ("Kandahar city") also means a town.
_ACCEPTS = {
    "city": ("city", "town", "village"),
    "town": ("town", "city", "village"),
    "village": ("village", "town", "city"),
    "province": ("province", "region"),
    "region": ("region", "province"),
}
#: Order among same-named places when the query says nothing: a bare name is
#: most often the settlement ("Chaman", "Kandahar", "Khost").
_DEFAULT_RANK = {
    k: i
    for i, k in enumerate(
        ("city", "town", "village", "crossing", "district", "province", "region", "country", "border")
    )
}
_LEADING_THE = re.compile(r"^the\s+")
#: Marks a lookup-only alias in the ``aliases`` column.
LOOKUP_ONLY = "~"


def _exact_key(text: str) -> str:
    return _LEADING_THE.sub("", fold(text))


class RegionalGazetteer(SpellingGeocoder):
    """Offline geocoder over ``geodata/gazetteer.csv``.

    Parameters
    ----------
    path : str or Path, optional
        Gazetteer CSV; default ``geodata/gazetteer.csv``.

    Examples
    --------
    >>> gaz = RegionalGazetteer()
    >>> gaz.geocode("Torkhum border crossing").name
    'Torkham'
    >>> gaz.geocode("Kandahar province").kind
    'province'
    """

    name = "gazetteer"

    def __init__(self, path: str | os.PathLike | None = None):
        self.path = Path(path) if path is not None else geodata_path("gazetteer.csv")
        self.places: list[Place] = []
        #: Aliases to look for in running text (lookup-only ones left out).
        self.aliases: dict[Place, tuple[str, ...]] = {}
        #: Aliases that only :meth:`geocode` resolves (``~`` in the file).
        self.lookup_only: dict[Place, tuple[str, ...]] = {}
        self._exact: dict[str, list[Place]] = {}
        self._loose: dict[str, list[Place]] = {}
        self._spelling: dict[str, list[Place]] = {}
        self._spelled: dict[str, dict[Place, set[str]]] = {}
        #: Spelling keys that distinct places would share -> the names that
        #: make them; such a key answers no query (see the module docstring).
        self.spelling_collisions: dict[str, tuple[str, ...]] = {}
        self._text_spellings: dict[str, str] | None = None
        self._load()
        self._drop_spelling_collisions()

    # -- loading ---------------------------------------------------------
    def _load(self) -> None:
        try:
            fh = open(self.path, encoding="utf-8", newline="")
        except OSError as exc:
            raise SchemaError(f"cannot read gazetteer: {exc.strerror}", file=self.path) from exc
        with fh:
            reader = csv.reader(fh)
            header = next(reader, None)
            if header is None or tuple(h.strip() for h in header) != COLUMNS:
                raise SchemaError(f"header must be {','.join(COLUMNS)}, got {header}", file=self.path, line=1)
            seen: set[tuple[str, str]] = set()
            for lineno, row in enumerate(reader, start=2):
                if not row or not any(c.strip() for c in row):
                    continue
                place, aliases, hidden = self._parse_row(row, lineno)
                key = (place.name, place.kind)
                if key in seen:
                    raise SchemaError(
                        f"duplicate place {place.name!r} of kind {place.kind!r}",
                        file=self.path,
                        line=lineno,
                        column="name",
                    )
                seen.add(key)
                self._add(place, aliases, hidden)

    def _parse_row(self, row: list[str], lineno: int) -> tuple[Place, tuple[str, ...], tuple[str, ...]]:
        def bad(column: str, reason: str) -> SchemaError:
            return SchemaError(reason, file=self.path, line=lineno, column=column)

        if len(row) != len(COLUMNS):
            raise bad("name", f"expected {len(COLUMNS)} columns, got {len(row)}")
        rec = dict(zip(COLUMNS, (c.strip() for c in row)))
        if not rec["name"]:
            raise bad("name", "empty name")
        if rec["kind"] not in KINDS:
            raise bad("kind", f"kind {rec['kind']!r} is not one of {', '.join(KINDS)}")
        if rec["kind"] == "border":
            if rec["country"]:
                raise bad("country", f"country must be empty for the border, got {rec['country']!r}")
        elif not re.fullmatch(r"[A-Z]{2}", rec["country"]):
            raise bad("country", f"country {rec['country']!r} is not an ISO 3166-1 alpha-2 code")
        coords = {}
        for col, lim in (("latitude", 90.0), ("longitude", 180.0)):
            try:
                val = float(rec[col])
            except ValueError:
                raise bad(col, f"{col} {rec[col]!r} is not a number") from None
            if not -lim <= val <= lim:
                raise bad(col, f"{col} {val} is outside -{lim:g}..{lim:g}")
            coords[col] = val
        if rec["precision"] not in ("1", "2", "3", "4"):
            raise bad("precision", f"precision {rec['precision']!r} is not one of 1, 2, 3, 4")
        if not rec["source"]:
            raise bad("source", "every coordinate needs a source")
        names = [a.strip() for a in rec["aliases"].split("|") if a.strip()]
        aliases = tuple(a for a in names if not a.startswith(LOOKUP_ONLY))
        hidden = tuple(a[1:].strip() for a in names if a.startswith(LOOKUP_ONLY))
        if not all(hidden):
            raise bad("aliases", f"'{LOOKUP_ONLY}' must be followed by a name")
        place = Place(
            name=rec["name"],
            lat=coords["latitude"],
            lon=coords["longitude"],
            kind=rec["kind"],
            country=rec["country"],
            admin1=rec["admin1"],
            precision=int(rec["precision"]),
            backend=self.name,
            source=rec["source"],
        )
        return place, aliases, hidden

    def _add(self, place: Place, aliases: tuple[str, ...], hidden: tuple[str, ...] = ()) -> None:
        self.places.append(place)
        self.aliases[place] = aliases
        if hidden:
            self.lookup_only[place] = hidden
        hidden_loose = {normalize_name(h) for h in hidden}
        for text in (place.name, *aliases, *hidden):
            exact = _exact_key(text)
            if place not in self._exact.setdefault(exact, []):
                self._exact[exact].append(place)
            loose = normalize_name(text)
            # A border alias such as "Afghan border" would otherwise claim the
            # bare word "afghan" (or "pakistani"); keep those exact-only.
            if place.kind == "border" and not re.search(r"[\s-]", loose):
                continue
            if place not in self._loose.setdefault(loose, []):
                self._loose[loose].append(place)
            key = spelling(loose)
            # A lookup-only alias is mostly another word: no variants of it,
            # nor of a name that is that word plus a feature ("Tani district").
            if len(key) >= 3 and loose not in hidden_loose:
                self._spelled.setdefault(key, {}).setdefault(place, set()).add(text)

    def _drop_spelling_collisions(self) -> None:
        """Keep a spelling key only when one name (its loose key) covers all
        its places: "Kandahar" the city and the province share a name, so
        their key is theirs; two places that share no name do not share a
        key, whatever the spelling rules make of them."""
        for key, by_place in self._spelled.items():
            places = list(by_place)
            texts = {t for ts in by_place.values() for t in ts}
            if any(set(places) <= set(self._loose.get(normalize_name(t), ())) for t in texts):
                self._spelling[key] = places
            else:
                self.spelling_collisions[key] = tuple(sorted(texts))
        del self._spelled

    # -- queries ---------------------------------------------------------
    def lookup_all(self, query: str, *, spelling: bool = True) -> list[Place]:
        """Every place whose name or alias matches ``query``, exact matches
        first; when none does (and ``spelling``), the places whose names
        share its spelling key (:func:`~geomap.geocoders.base.spelling_key`)."""
        found = list(self._exact.get(_exact_key(query), ()))
        for p in self._loose.get(normalize_name(query), ()):
            if p not in found:
                found.append(p)
        return found or (self._spelled_as(query) if spelling else [])

    def _spelled_as(self, query: str) -> list[Place]:
        return list(self._spelling.get(spelling_key(query), ()))

    def spelling_keys(self) -> dict[str, list[Place]]:
        """Spelling key -> the places named so, as :meth:`lookup_all` reads
        them (no lookup-only alias, no collision)."""
        return self._spelling

    def _lookup(self, query, kind, countries, *, as_written, spelled) -> Place | None:
        if not as_written:
            return self._best(query, self._spelled_as(query), kind, countries)
        candidates = self.lookup_all(query, spelling=spelled)
        want = kind or wants_kind(query)
        if candidates and want and not any(p.kind in _ACCEPTS.get(want, (want,)) for p in candidates):
            # "Khowst district": the alias names the city; the district of
            # that name is found by its spelling
            candidates += [p for p in self._spelled_as(query) if p not in candidates]
        return self._best(query, candidates, kind, countries)

    def _best(self, query: str, candidates: list[Place], kind, countries) -> Place | None:
        if kind is not None and kind not in KIND_PRECISION:
            raise ValueError(f"kind {kind!r} is not one of {', '.join(KIND_PRECISION)}")
        if not candidates:
            return None
        want = kind or wants_kind(query)
        exact = set(self._exact.get(_exact_key(query), ()))
        accepts = _ACCEPTS.get(want, (want,)) if want else ()

        def rank(p: Place):
            return (
                0 if p.kind in accepts else 1,
                accepts.index(p.kind) if p.kind in accepts else 0,
                0 if p in exact else 1,
                0 if countries and p.country in countries else 1,
                _DEFAULT_RANK.get(p.kind, 99),
            )

        return min(candidates, key=rank)

    def text_spellings(self) -> dict[str, str]:
        """Spelling key (:func:`~geomap.geocoders.base.spelling`, feature
        words kept) -> the name or alias it spells, for every name of
        :meth:`text_names` but the border's and the countries'. Of names
        that spell alike, the one naming the most places ("Spin Boldak": the
        town, its crossing and district; "Spinboldak" only the town); two
        names of distinct places (none in common) clash, and the key is left
        out: the text finder takes neither. Computed once."""
        if self._text_spellings is None:
            best: dict[str, tuple[str, frozenset]] = {}
            clashes: set[str] = set()
            for name, place in self.text_names():
                if place.kind in ("border", "country"):
                    continue
                key = spelling(name)
                places = frozenset(self.lookup_all(name, spelling=False))
                seen = best.get(key)
                if seen is not None and seen[1].isdisjoint(places):
                    clashes.add(key)
                if seen is None or len(places) > len(seen[1]):
                    best[key] = (name, places)
            self._text_spellings = {k: name for k, (name, _) in best.items() if k not in clashes}
        return self._text_spellings

    def text_names(self):
        """``(name, place)`` for every name and alias to look for in running
        text: lookup-only aliases are left out."""
        for place in self.places:
            for name in (place.name, *self.aliases.get(place, ())):
                yield name, place

    def crossings(self) -> list[Place]:
        """The border crossings, in file order."""
        return [p for p in self.places if p.kind == "crossing"]

    def __len__(self) -> int:
        return len(self.places)

    def __repr__(self) -> str:
        return f"RegionalGazetteer({str(self.path)!r}, {len(self.places)} places)"
