"""The name keys of geomap.geocoders.base, kept per text, answer as computed afresh."""

from __future__ import annotations

import pytest

from geomap.geocoders.base import fold, normalize_name, wants_kind


@pytest.mark.parametrize("fn", [fold, normalize_name, wants_kind])
def test_kept_answers_are_the_computed_ones(fn, dev_sentences):
    names = [w for s in dev_sentences[:400] for w in s.split(",")] + ["Kandahār Province", "the Torkham crossing"]
    for name in names * 2:  # the second round is answered from the cache
        assert fn(name) == fn.__wrapped__(name)


def test_other_types_are_not_cached():
    assert fold(12) == "12" and fold(12.0) == "12 0"  # 12 == 12.0: a shared cache entry would mix them
    assert fold(["Kabul"]) == "'kabul'"  # unhashable: computed from its str(), not cached
