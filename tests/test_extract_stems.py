"""The Aho-Corasick stem prefilter."""

from __future__ import annotations

from geomap.extract.stems import StemFilter


def test_groups_present():
    f = StemFilter([("clash", "fight"), ("talks",), ("fight",)])
    assert f.present("border fighting and talks") == {0, 1, 2}
    assert f.present("nothing") == set()
    assert StemFilter([]).present("anything") == set()
