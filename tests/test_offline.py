"""Offline by default: build and extract run with every socket call blocked,
and not one connection is attempted."""

from __future__ import annotations

import json
import re
import socket
from pathlib import Path

import pytest

from geomap.cli import main

BAD = Path(__file__).parent / "data" / "bad"
ARTICLES = BAD / "articles"


def test_the_blocker_blocks(no_network):
    with pytest.raises(AssertionError, match="network use"):
        socket.create_connection(("example.org", 80))
    with pytest.raises(AssertionError):
        socket.getaddrinfo("example.org", 443)
    s = socket.socket()
    try:
        with pytest.raises(AssertionError):
            s.connect(("127.0.0.1", 9))
    finally:
        s.close()
    assert len(no_network) == 3
    no_network.clear()


def test_cli_build_with_articles_opens_no_socket(no_network, geomap_cache, tmp_path, capsys):
    out = tmp_path / "out"
    status = main(
        [
            "build",
            "--events",
            str(BAD / "good.csv"),
            "--sources",
            str(BAD / "sources.csv"),
            "--out",
            str(out),
            "--articles",
            str(ARTICLES),
            "--gpkg",
            "--figure",
        ]
    )
    err = capsys.readouterr().err
    assert status == 0, err
    assert no_network == []
    s = json.loads((out / "summary.json").read_text())
    assert s["events_mapped"] == 2 and s["articles_read"] == 20
    page = (out / "map.html").read_text()
    # self-contained: no script or stylesheet is fetched from elsewhere
    assert not re.search(r"<script[^>]+src=[\"']?(https?:)?//", page, re.I)
    assert not re.search(r"<link[^>]+href=[\"']?(https?:)?//", page, re.I)


def test_cli_extract_opens_no_socket(no_network, geomap_cache, tmp_path, capsys):
    drafts = tmp_path / "drafts.csv"
    status = main(["extract", str(ARTICLES), "-o", str(drafts), "--quiet"])
    capsys.readouterr()
    assert status == 0 and drafts.exists()
    assert no_network == []


def test_api_build_and_extract_open_no_socket(no_network, geomap_cache, tmp_path):
    from geomap.extract import extract_paths
    from geomap.geocoders import default_chain
    from geomap.pipeline import build
    from geomap.report import Report

    result = build(BAD / "good.csv", BAD / "sources.csv", out=tmp_path / "out", articles=[ARTICLES])
    assert result.summary()["events_mapped"] == 2
    drafts = extract_paths([ARTICLES], default_chain(), Report(), progress=False)
    assert drafts
    assert no_network == []


def test_default_chain_has_no_online_backend(geomap_cache):
    from geomap.geocoders import default_chain

    chain = default_chain()
    assert "nominatim" not in chain.backends
    assert all(type(g).__module__ != "geomap.geocoders.nominatim" for g in chain.geocoders)


def test_geocode_command_is_offline_too(no_network, geomap_cache, capsys):
    assert main(["geocode", "Torkhum", "Doha"]) == 0
    out = capsys.readouterr().out
    assert "backend gazetteer" in out and "backend geonames" in out
    assert no_network == []
