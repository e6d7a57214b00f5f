"""The geocoder chain: first answer wins, online failures fall back to the
offline result with a warning, a failing backend is left out after a few."""

from __future__ import annotations

import pytest
from geopy import exc as gexc

from geomap import exc
from geomap.geocoders import CachedGeocoder, GeocoderChain, SqliteStore, default_chain
from geomap.geocoders.base import Geocoder, Place
from geomap.geocoders.nominatim import NominatimGeocoder


class Scripted(Geocoder):
    def __init__(self, name, answers=None, error=None):
        self.name = name
        self.answers = answers or {}
        self.error = error
        self.calls = []

    def geocode(self, query, *, kind=None, countries=None):
        self.calls.append(query)
        if self.error is not None:
            raise self.error
        return self.answers.get(query)


def place(name, backend):
    return Place(name, 31.0, 66.0, backend=backend)


def test_first_answer_wins_and_is_memoised():
    a = Scripted("gazetteer", {"Torkham": place("Torkham", "gazetteer")})
    b = Scripted("geonames", {"Torkham": place("Torkham", "geonames"), "Doha": place("Doha", "geonames")})
    chain = GeocoderChain([a, b])
    assert chain.geocode("Torkham").backend == "gazetteer"
    assert chain.geocode("Doha").backend == "geonames"
    assert chain.geocode("Doha").backend == "geonames"
    assert b.calls == ["Doha"] and chain.backends == ["gazetteer", "geonames"]
    chain.geocode("Doha", kind="city")  # another question is asked
    assert b.calls == ["Doha", "Doha"]
    assert chain.geocode("  ") is None and chain.geocode(None) is None


@pytest.mark.parametrize(
    "error",
    [
        exc.GeocoderTimedOut("Nominatim did not answer"),
        exc.GeocoderRateLimited("429"),
        exc.GeocoderUnavailable("down"),
        exc.GeocoderServiceError("HTTP 500"),
    ],
)
def test_online_failure_keeps_the_offline_result_with_a_warning(error):
    offline = Scripted("gazetteer", {"Torkham": place("Torkham", "gazetteer")})
    online = Scripted("nominatim", error=error)
    chain = GeocoderChain([offline, online])
    assert chain.geocode("Torkham").backend == "gazetteer"  # online never asked
    assert chain.geocode("Unknown Hamlet") is None
    assert chain.warnings == [f"nominatim: {error}; kept the offline result (not found)"]


def test_a_failing_backend_is_left_out_after_three():
    online = Scripted("nominatim", error=exc.GeocoderUnavailable("down"))
    chain = GeocoderChain([Scripted("gazetteer"), online])
    for i in range(6):
        assert chain.geocode(f"Hamlet {i}") is None
    assert len(online.calls) == 3
    assert "3 failures in a row; not asked again" in chain.warnings[-1]


def test_a_success_resets_the_failure_count():
    class Flaky(Scripted):
        def geocode(self, query, **kw):
            self.calls.append(query)
            if query.startswith("bad"):
                raise exc.GeocoderTimedOut("slow")
            return place(query, "nominatim")

    online = Flaky("nominatim")
    chain = GeocoderChain([online])
    for q in ("bad1", "bad2", "good", "bad3", "bad4", "good2"):
        chain.geocode(q)
    assert online.calls[-1] == "good2"


def test_other_errors_are_not_swallowed():
    chain = GeocoderChain([Scripted("broken", error=RuntimeError("bug"))])
    with pytest.raises(RuntimeError):
        chain.geocode("x")


def test_nominatim_errors_through_the_chain(tmp_path):
    class Client:
        calls = 0

        def geocode(self, query, **kw):
            Client.calls += 1
            raise gexc.GeocoderTimedOut("timed out")

    online = CachedGeocoder(
        NominatimGeocoder(client=Client(), min_delay_seconds=0.0), SqliteStore(tmp_path / "n.sqlite")
    )
    online._geocode._sleep = lambda s: None
    chain = GeocoderChain([Scripted("gazetteer"), online])
    assert chain.geocode("Far Hamlet") is None
    assert "did not answer within 10 s for 'Far Hamlet'" in chain.warnings[0]
    assert "kept the offline result" in chain.warnings[0]


def test_cache_warnings_reach_the_chain(tmp_path):
    bad = tmp_path / "geocoding.sqlite"
    bad.write_text("{not a database")
    online = CachedGeocoder(NominatimGeocoder(client=Scripted("fake")), SqliteStore(bad))
    chain = GeocoderChain([Scripted("gazetteer"), online])
    assert "is corrupt" in chain.warnings[0]


def test_an_old_json_cache_answers_through_the_default_chain(geomap_cache):
    import json

    old = geomap_cache / "nominatim.json"
    old.write_text(json.dumps({"nominatim|Far Hamlet||": place("Far Hamlet", "nominatim").to_dict()}))
    chain = default_chain(online=True)

    def never(*a, **k):
        raise AssertionError("Nominatim asked for a cached answer")

    chain.geocoders[-1].geocoder._geocode = never
    assert chain.geocode("Far Hamlet").backend == "nominatim"
    assert (geomap_cache / "nominatim.json.migrated").exists() and not old.exists()
    assert chain.warnings == []


def test_default_chain_is_offline(geomap_cache):
    chain = default_chain()
    assert chain.backends == ["gazetteer", "geonames"]
    assert not any(isinstance(g, NominatimGeocoder) for g in chain.geocoders)
    online = default_chain(online=True)
    assert online.backends == ["gazetteer", "geonames", "nominatim"]
    cached = online.geocoders[-1]
    assert isinstance(cached, CachedGeocoder) and isinstance(cached.geocoder, NominatimGeocoder)
    assert cached.store.path == geomap_cache / "geocoding.sqlite"


@pytest.mark.parametrize(
    "query, admin1, country",
    [
        ("Bahram Chah", "Helmand Province", "AF"),
        ("Kech", "Balochistan", "PK"),
        ("Khas Kunar", "Kunar Province", "AF"),
        ("Angoor Adda", "Khyber Pakhtunkhwa", "PK"),
    ],
)
def test_border_names_stay_in_the_region(offline_chain, query, admin1, country):
    place = offline_chain.geocode(query)
    assert (place.backend, place.admin1, place.country) == ("gazetteer", admin1, country)


def test_country_hints_reach_the_backends(offline_chain):
    assert offline_chain.geocode("Torkham", countries=["PK"]).name == "Torkham (Pakistan side)"
    assert offline_chain.geocode("Torkham").country == "AF"
    # talks venues from GeoNames need no hint
    assert offline_chain.geocode("Doha").country == "QA"
    assert offline_chain.geocode("Istanbul").country == "TR"


def test_api_geocode_takes_country_hints(geomap_cache):
    import geomap

    assert geomap.geocode("Torkham").country == "AF"
    assert geomap.geocode("Torkham", countries=["PK"]).name == "Torkham (Pakistan side)"
    with pytest.raises(exc.PlaceNotFound):
        geomap.geocode("Qqzyxabad", countries=["IR"])


class Spelling(Scripted):
    """A backend that keeps spelling keys: ``spelled`` answers its second pass."""

    spells = True

    def __init__(self, name, answers=None, spelled=None):
        super().__init__(name, answers)
        self.spelled = spelled or {}

    def geocode(self, query, *, kind=None, countries=None, spelling=True):
        found = super().geocode(query, kind=kind, countries=countries)
        return found or (self.spelled.get(query) if spelling else None)

    def geocode_spelled(self, query, *, kind=None, countries=None):
        self.calls.append(("spelled", query))
        return self.spelled.get(query)


def test_names_as_written_first_then_spellings():
    # "Kalat" as written is GeoNames' Pakistani town, not the Afghan Qalat
    # the gazetteer spells alike; "Speen Boldak" nobody knows as written.
    gaz = Spelling("gazetteer", {}, {"Kalat": place("Qalat", "gazetteer"), "Speen Boldak": place("Spin Boldak", "g")})
    gn = Spelling("geonames", {"Kalat": place("Kalat", "geonames")}, {"Speen Boldak": place("Spin Boldak", "gn")})
    plain = Scripted("online")
    chain = GeocoderChain([gaz, gn, plain])
    assert chain.geocode("Kalat").name == "Kalat"
    assert chain.geocode("Speen Boldak").backend == "g"
    assert gaz.calls == ["Kalat", "Speen Boldak", ("spelled", "Speen Boldak")]
    assert gn.calls == ["Kalat", "Speen Boldak"] and plain.calls == ["Speen Boldak"]
    assert chain.geocode("Zzyzx") is None and plain.calls[-1] == "Zzyzx"  # asked once, in the first pass


def test_gazetteer_and_geonames_variants_and_namesakes(tmp_path):
    import json

    from geomap.geocoders.gazetteer import RegionalGazetteer
    from geomap.geocoders.geonames import GeoNamesOffline, build_index

    rec = {"geonameid": 1175296, "name": "Kalat", "latitude": 29.03, "longitude": 66.59, "countrycode": "PK"}
    (tmp_path / "c.json").write_text(json.dumps({"1": {**rec, "population": 26701}}), encoding="utf-8")
    index = build_index(tmp_path / "i.sqlite", tmp_path / "c.json")
    chain = GeocoderChain([RegionalGazetteer(), GeoNamesOffline(index)])
    assert chain.geocode("Speen Boldak").name == "Spin Boldak"
    assert chain.geocode("Barg-i-Matal").name == "Barg-e Matal District"
    kalat = chain.geocode("Kalat")
    assert (kalat.country, kalat.backend) == ("PK", "geonames")
    assert chain.geocode("Qalat").country == "AF"
