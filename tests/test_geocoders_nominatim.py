"""Nominatim (online, opt-in) with a fake geopy client: never the network.

Failures become geomap errors with a clear message; the rate limiter keeps
one second between requests (checked on a fake clock); answers are cached by
wrapping the backend in a CachedGeocoder over the SQLite store.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from geopy import exc as gexc

from geomap import exc
from geomap.geocoders.cache import CachedGeocoder, SqliteStore
from geomap.geocoders.nominatim import USER_AGENT, NominatimGeocoder


def location(lat=31.0, lon=66.4, addresstype="village", cc="pk", state="Balochistan"):
    return SimpleNamespace(
        latitude=lat,
        longitude=lon,
        raw={
            "addresstype": addresstype,
            "osm_type": "node",
            "osm_id": 42,
            "address": {"country_code": cc, "state": state},
        },
    )


class FakeClient:
    """A geopy-like client: answers or raises from a script, records calls."""

    def __init__(self, *answers):
        self.answers = list(answers)
        self.calls: list[tuple[str, dict]] = []

    def geocode(self, query, **kw):
        self.calls.append((query, kw))
        answer = self.answers.pop(0) if self.answers else location()
        if isinstance(answer, BaseException):
            raise answer
        return answer


class FakeClock:
    def __init__(self):
        self.now = 1000.0
        self.sleeps: list[float] = []

    def clock(self):
        return self.now

    def sleep(self, seconds):
        self.sleeps.append(seconds)
        self.now += seconds


def make(*answers, cache=None, clock=None, **kw):
    client = FakeClient(*answers)
    geo = NominatimGeocoder(client=client, **kw)
    if cache is not None:
        geo = CachedGeocoder(geo, cache)
    clock = clock or FakeClock()
    geo._geocode._clock = clock.clock
    geo._geocode._sleep = clock.sleep
    return geo, client, clock


def test_answer_becomes_a_place():
    geo, client, _ = make(location())
    place = geo.geocode("Some Village", countries=("PK",))
    assert (place.lat, place.lon, place.kind, place.country, place.admin1) == (
        31.0,
        66.4,
        "village",
        "PK",
        "Balochistan",
    )
    assert place.backend == "nominatim" and place.source == "OpenStreetMap Nominatim node/42"
    assert client.calls[0][1]["country_codes"] == ["pk"]


def test_defaults_follow_the_usage_policy():
    geo = NominatimGeocoder(client=FakeClient())
    assert geo.min_delay_seconds == 1.0 and geo._geocode.min_delay_seconds == 1.0
    assert "geomap/" in USER_AGENT and "(" in USER_AGENT  # a real, identifying agent


def test_one_request_per_second_on_a_fake_clock():
    clock = FakeClock()
    stamps = []
    geo, client, _ = make(clock=clock)
    real = client.geocode

    def stamped(query, **kw):
        stamps.append(clock.now)
        return real(query, **kw)

    geo._geocode.func = stamped
    for name in ("A one", "B two", "C three", "D four"):
        geo.geocode(name)
    gaps = [b - a for a, b in zip(stamps, stamps[1:])]
    assert len(stamps) == 4 and all(g >= 1.0 for g in gaps), gaps
    assert sum(clock.sleeps) >= 3.0


@pytest.mark.parametrize(
    "error, ours, words",
    [
        (gexc.GeocoderTimedOut("read timed out"), exc.GeocoderTimedOut, "did not answer within 10 s"),
        (
            gexc.GeocoderRateLimited("429", retry_after=30),
            exc.GeocoderRateLimited,
            "too many requests (retry after 30 s)",
        ),
        (gexc.GeocoderUnavailable("connection refused"), exc.GeocoderUnavailable, "cannot be reached"),
        (gexc.GeocoderServiceError("HTTP 500"), exc.GeocoderServiceError, "failed for 'Xyz'"),
        (gexc.GeocoderInsufficientPrivileges("403"), exc.GeocoderServiceError, "failed for 'Xyz'"),
    ],
)
def test_failures_become_geomap_errors(error, ours, words):
    # max_retries=1: the error comes twice, then it is raised
    geo, client, clock = make(error, error)
    with pytest.raises(ours) as info:
        geo.geocode("Xyz")
    assert words in str(info.value) and "Xyz" in str(info.value)
    assert isinstance(info.value, exc.GeomapError) and info.value.__cause__ is error
    assert len(client.calls) in (1, 2)


def test_a_retry_can_succeed():
    geo, client, clock = make(gexc.GeocoderTimedOut("slow"), location(lat=30.5))
    assert geo.geocode("Xyz").lat == 30.5
    assert len(client.calls) == 2 and max(clock.sleeps) >= 1.0


@pytest.mark.parametrize(
    "bad", [location(lat=float("nan")), location(lat=120.0), SimpleNamespace(latitude="north", longitude=1, raw={})]
)
def test_an_unusable_answer_is_a_service_error(bad):
    geo, _, _ = make(bad)
    with pytest.raises(exc.GeocoderServiceError, match="cannot be used"):
        geo.geocode("Xyz")


def test_answers_and_misses_are_cached(tmp_path):
    cache = SqliteStore(tmp_path / "geocoding.sqlite")
    geo, client, _ = make(location(), None, cache=cache)
    first = geo.geocode("Some Village")
    assert geo.geocode("Some Village") == first
    assert geo.geocode("Nowhere") is None and geo.geocode("Nowhere") is None
    assert [q for q, _ in client.calls] == ["Some Village", "Nowhere"]
    again = SqliteStore(tmp_path / "geocoding.sqlite")
    geo2, client2, _ = make(cache=again)
    assert geo2.geocode("Some Village") == first and geo2.geocode("Nowhere") is None
    assert client2.calls == []


def test_failures_are_not_cached(tmp_path):
    cache = SqliteStore(tmp_path / "geocoding.sqlite")
    geo, client, _ = make(gexc.GeocoderUnavailable("down"), gexc.GeocoderUnavailable("down"), location(), cache=cache)
    with pytest.raises(exc.GeocoderUnavailable):
        geo.geocode("Later")
    assert len(cache) == 0
    assert geo.geocode("Later") is not None


# ---- issue 11, case 16: --online without a network is one clear warning


def _closed_port() -> int:
    import socket

    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()  # nothing listens there now: connections are refused
    return port


def test_a_closed_local_port_is_one_warning_not_tracebacks(capfd):
    from geopy.geocoders import Nominatim

    from geomap.geocoders import GeocoderChain

    client = Nominatim(user_agent=USER_AGENT, domain=f"127.0.0.1:{_closed_port()}", scheme="http", timeout=2)
    geo = NominatimGeocoder(client=client, min_delay_seconds=0.01)
    chain = GeocoderChain([geo])
    assert [chain.geocode(n) for n in ("Qqzyxabad", "Zzqqville", "Xxqqtown")] == [None] * 3
    (warning,) = chain.warnings
    assert (
        warning.startswith("nominatim: Nominatim cannot be reached (")
        and "no network? Not asked again in this run" in warning
    )
    err = capfd.readouterr().err
    assert "Traceback" not in err and "RateLimiter caught an error" not in err


def test_online_with_sockets_blocked_prints_one_warning(tmp_path, geomap_cache, monkeypatch, capfd):
    import socket

    from geomap.cli import main

    attempts = []

    def unreachable(*args, **kwargs):
        attempts.append(args)
        raise OSError(101, "Network is unreachable")

    for target, name in ((socket.socket, "connect"), (socket, "create_connection"), (socket, "getaddrinfo")):
        monkeypatch.setattr(target, name, unreachable)
    assert main(["geocode", "--online", "Qqzyxabad", "Zzqqville", "Xxqqtown", "Wwqqcity"]) == 1
    out = capfd.readouterr()
    assert out.out.count("not found (tried gazetteer, geonames, nominatim)") == 4
    assert out.err.splitlines() == [
        "warning: nominatim: Nominatim cannot be reached ([Errno 101] Network is unreachable); "
        "no network? Not asked again in this run; kept the offline result (not found)"
    ]
    assert attempts  # it did try (the first query), then no more
