"""Shared fixtures: the bad-input folder, an offline chain on fixture data,
a private geocoding cache folder, and a socket blocker.

Nothing here is autouse: other test modules keep their own setup.
"""

from __future__ import annotations

import os
import shutil
import socket
import tempfile
from pathlib import Path

import pytest

_HYPOTHESIS_HOME = tempfile.mkdtemp(prefix="geomap-hypothesis-")


def pytest_configure(config):
    # hypothesis keeps caches in ./.hypothesis even without an example
    # database; tests must not write into the work tree.
    try:
        from hypothesis import settings
        from hypothesis.configuration import set_hypothesis_home_dir
    except ImportError:  # pragma: no cover - hypothesis is a test extra
        return
    set_hypothesis_home_dir(_HYPOTHESIS_HOME)
    # `make test` draws the same examples on every machine, so CI and a
    # developer see the same result; `make fuzz` draws new ones each run to
    # find what the fixed draw misses (a find becomes an @example).
    settings.register_profile("fixed", derandomize=True)
    settings.register_profile("fuzz", derandomize=False)
    settings.load_profile(os.environ.get("GEOMAP_HYPOTHESIS", "fixed"))


def pytest_unconfigure(config):
    shutil.rmtree(_HYPOTHESIS_HOME, ignore_errors=True)


DATA = Path(__file__).parent / "data"
BAD = DATA / "bad"
GEONAMES_FIXTURE = DATA / "geocoders" / "cities_fixture.json"


@pytest.fixture(scope="session")
def fixture_index(tmp_path_factory) -> Path:
    """A GeoNames index of the 17 fixture cities (the full one takes ~10 s)."""
    from geomap.geocoders.geonames import build_index

    return build_index(tmp_path_factory.mktemp("geonames") / "fixture.sqlite", source=GEONAMES_FIXTURE)


@pytest.fixture(scope="session")
def offline_chain(fixture_index):
    """Regional gazetteer then GeoNames (fixture index): the offline chain."""
    from geomap.geocoders import GeocoderChain
    from geomap.geocoders.gazetteer import RegionalGazetteer
    from geomap.geocoders.geonames import GeoNamesOffline

    return GeocoderChain([RegionalGazetteer(), GeoNamesOffline(fixture_index)])


@pytest.fixture
def geomap_cache(tmp_path, fixture_index, monkeypatch) -> Path:
    """``$GEOMAP_CACHE`` in tmp_path, holding the fixture index under the default
    name, so ``default_chain()`` (and the CLI) run fast and write nothing outside."""
    from geomap.geocoders import geonames

    cache = tmp_path / "cache"
    cache.mkdir()
    monkeypatch.setenv("GEOMAP_CACHE", str(cache))
    shutil.copy(fixture_index, geonames.default_index_path())
    return cache


class NetworkBlocked(AssertionError):
    """Raised by the socket blocker: a test tried to use the network."""


@pytest.fixture
def no_network(monkeypatch):
    """Make every way of opening a connection raise; return the list of attempts."""
    attempts: list[tuple] = []

    def refuse(name):
        def _refuse(*args, **kwargs):
            attempts.append((name, args[1:] if name.startswith("socket.") else args))
            raise NetworkBlocked(f"network use in an offline test: {name}{args[1:]!r}")

        return _refuse

    monkeypatch.setattr(socket.socket, "connect", refuse("socket.connect"))
    monkeypatch.setattr(socket.socket, "connect_ex", refuse("socket.connect_ex"))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    return attempts


#: Folders of articles written for this project that tests may read (never
#: the frozen held-out sets news_test*).
#: Globbed, so a new dev set is read by these tests the day it lands.
DEV_CORPORA = tuple(
    str(f.relative_to(Path(__file__).parent / "data"))
    for f in [
        Path(__file__).parent / "data" / "articles",
        *sorted(
            (Path(__file__).parent / "data").glob("news_dev*/articles"),
            key=lambda p: (len(p.parent.name), p.parent.name),
        ),
    ]
    if f.is_dir()
)


@pytest.fixture(scope="session")
def dev_corpora() -> tuple[str, ...]:
    """:data:`DEV_CORPORA` for tests (``from conftest import`` would find
    ``tests/browser/conftest.py`` first when the whole suite runs)."""
    return DEV_CORPORA


@pytest.fixture(scope="session")
def dev_sentences() -> list[str]:
    """Every sentence of the dev articles and of a small synthetic corpus,
    plus texts made to sit on the edges of the fast paths (case, Unicode
    digits and letters that lower-casing treats apart): the inputs on which
    each fast path of :mod:`geomap.extract` must answer as its reference."""
    from geomap.bench.synth import synth_texts
    from geomap.extract.sentences import clean_text, split_sentences

    data = Path(__file__).parent / "data"
    texts = [
        p.read_text(encoding="utf-8", errors="replace")
        for folder in DEV_CORPORA
        for p in sorted((data / folder).iterdir())
        if p.suffix in (".md", ".txt")
    ]
    texts += synth_texts(0.05, seed=11)
    odd = [
        "TWENTY-THREE soldiers were KILLED; a Dozen people died and One man was hurt.",
        "No fewer than 12 were wounded, some 6,000 fled and ٣ people were killed.",
        "ſome 5 were killed as the İmam and K4 people died in the ıslamabad blast.",
        "x15 killed, a-five killed, 15th killed, at least eight of the attackers died.",
        "The talks WILL resume next week; officials Denied reports the markets were closed.",
        "Prime Minister's cabinet met in Kabul; the crossing will be shut, traders from Quetta said.",
    ]
    return [s.text for t in texts for s in split_sentences(clean_text(t))] + odd
