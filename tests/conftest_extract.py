"""Helpers shared by the tests of the extractor's fast paths."""

from __future__ import annotations


def extractor_objects(cls: type) -> dict:
    """Every module-level instance of ``cls`` in the extractor's finders and
    rules, by ``module.name``: the fast paths each test compares with their
    plain forms."""
    from geomap.extract import actors, analysis, dates, numbers, places, types

    return {
        f"{mod.__name__}.{name}": value
        for mod in (actors, analysis, dates, numbers, places, types)
        for name, value in vars(mod).items()
        if isinstance(value, cls)
    }


def search_args(texts, seed: int):
    """Per text, the arguments the callers pass to a search: the whole text,
    from an offset, a window (``pos``, ``endpos``) and a slice of it."""
    import random

    rng = random.Random(seed)
    for s in texts:
        lo = rng.randint(0, len(s))
        hi = rng.randint(lo, len(s))
        yield ((s,), (s, lo), (s, lo, hi), (s[lo:hi],))
