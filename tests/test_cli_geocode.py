"""`geomap geocode`: matches, exit status, JSON, and online failures (mocked)."""

from __future__ import annotations

import json
from types import SimpleNamespace

from geopy import exc as gexc

from geomap.cli import main


def test_found_and_not_found(geomap_cache, capsys):
    assert main(["geocode", "Spin Buldak", "Qqzyxabad"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("Spin Buldak: Spin Boldak") and "backend gazetteer" in out[0]
    assert out[1] == "Qqzyxabad: not found (tried gazetteer, geonames)"


def test_json_lines(geomap_cache, capsys):
    assert main(["geocode", "Torkham", "Kandahar province", "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert rows[0]["place"]["name"] == "Torkham"
    assert rows[1]["place"]["kind"] == "province"


def test_hostile_name_is_printed_as_data(geomap_cache, capsys):
    assert main(["geocode", "<script>alert(1)</script>", "--json"]) == 1
    row = json.loads(capsys.readouterr().out)
    assert row == {"query": "<script>alert(1)</script>", "place": None}


class Down:
    def __init__(self, *a, **k):
        self.calls = 0

    def geocode(self, query, **kw):
        raise gexc.GeocoderUnavailable("connection refused")


class Answers:
    def __init__(self, *a, **k):
        pass

    def geocode(self, query, **kw):
        return SimpleNamespace(
            latitude=31.2,
            longitude=66.1,
            raw={"addresstype": "village", "osm_type": "node", "osm_id": 7, "address": {"country_code": "pk"}},
        )


def fast(monkeypatch, client):
    import geomap.geocoders.nominatim as nom

    class NoWait(nom.RateLimiter):
        def _sleep(self, seconds):
            pass

    monkeypatch.setattr(nom, "Nominatim", client)
    monkeypatch.setattr(nom, "RateLimiter", NoWait)


def test_online_failure_warns_and_falls_back(geomap_cache, capsys, monkeypatch, no_network):
    fast(monkeypatch, Down)
    assert main(["geocode", "Torkham", "Far Hamlet", "--online"]) == 1
    captured = capsys.readouterr()
    assert "Torkham: Torkham" in captured.out
    assert "Far Hamlet: not found (tried gazetteer, geonames, nominatim)" in captured.out
    assert "warning: nominatim: Nominatim cannot be reached for 'Far Hamlet'" in captured.err
    assert "kept the offline result" in captured.err
    assert no_network == []


def test_online_answer_is_used_and_cached(geomap_cache, capsys, monkeypatch, no_network):
    fast(monkeypatch, Answers)
    assert main(["geocode", "Far Hamlet", "--online"]) == 0
    assert "backend nominatim" in capsys.readouterr().out
    from geomap.geocoders import SqliteStore

    store = SqliteStore(geomap_cache / "geocoding.sqlite")
    assert len(store) == 1 and store.get(("nominatim", "Far Hamlet", "", "")).lat
    fast(monkeypatch, Down)  # now the cache answers, the dead service is not asked
    assert main(["geocode", "Far Hamlet", "--online"]) == 0
    assert capsys.readouterr().err == ""


def test_country_hint(geomap_cache, capsys):
    assert main(["geocode", "Torkham", "--country", "pk", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["place"]["name"] == "Torkham (Pakistan side)"
