"""The Aho-Corasick stem prefilter."""

from __future__ import annotations

from geomap.extract.stems import StemFilter, StemIndex


def test_groups_present():
    f = StemFilter([("clash", "fight"), ("talks",), ("fight",)])
    assert f.present("border fighting and talks") == {0, 1, 2}
    assert f.present("nothing") == set()
    assert StemFilter([]).present("anything") == set()


def test_shared_index_answers_like_each_filter():
    index = StemIndex()
    a = StemFilter([("clash", "fight"), ("talks",)], index)
    b = StemFilter([("truck",), ("fight",)], index)
    again = StemFilter([("truck",), ("fight",)], index)  # same groups share a slot
    for text in ("border fighting and talks", "trucks waited", "nothing", ""):
        scan = index.scan(text)
        assert a.present(text, scan) == a.present(text)
        assert b.present(text, scan) == b.present(text) == again.present(text, scan)


def test_filters_registered_after_a_scan_are_answered_by_the_next():
    index = StemIndex()
    StemFilter([("clash",)], index)
    index.scan("clash")
    late = StemFilter([("talks",)], index)
    assert late.present("", index.scan("talks")) == {0}
