"""Helpers shared by the tests of the extractor's fast paths."""

from __future__ import annotations


def extractor_objects(cls: type) -> dict:
    """Every module-level instance of ``cls`` in the extractor's finders and
    rules, by ``module.name``: the fast paths each test compares with their
    plain forms."""
    import inspect
    import re

    from geomap.extract import actors, dates, measured, numbers, places, rules, triggers, types

    return {
        f"{mod.__name__}.{name}": value
        for mod in (actors, dates, numbers, places, measured, types, *rules.modules(), *triggers.modules())
        for name, value in vars(mod).items()
        # (each where it is defined: the rules modules import each other's, types the triggers')
        if isinstance(value, cls) and re.search(rf"^{name} = ", inspect.getsource(mod), re.M)
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
