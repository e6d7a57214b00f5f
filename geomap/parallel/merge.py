"""Cross-article merging in groups, not all against all.

:func:`geomap.extract.merge_across_articles` compares each draft with every
incident found so far: quadratic over an archive. Its rule only ever joins
drafts of the same type at the same place whose dates are at most ``days``
apart (and an incident's date is always one of its drafts' dates), so an
incident never spans two *date runs*: drafts of one (type, place) sorted by
date and cut wherever two neighbours are more than ``days`` apart. Each run
is merged on its own by the same function, and the incidents are put back
in the order the single call would have made them (by their first draft).
The result is the same list; the cost per draft is the number of incidents
in its run instead of in the whole archive.
"""

from __future__ import annotations

from collections import defaultdict

_POS = "_geomap_merge_pos"


def date_runs(drafts: list, days: int) -> list[list]:
    """Groups of ``drafts`` that :func:`merge_across_articles` may join:
    same type and place, dates chained at most ``days`` apart; undated
    drafts alone (they never join). Each group keeps the input order."""
    cells: dict[tuple, list] = defaultdict(list)
    runs: list[list] = []
    for d in drafts:
        if d.date is None:
            runs.append([d])
        else:
            cells[(d.event_type, d.place.name)].append(d)
    for cell in cells.values():
        by_date = sorted(cell, key=lambda d: (d.date.date, getattr(d, _POS)))
        run = [by_date[0]]
        for prev, d in zip(by_date, by_date[1:]):
            if (d.date.date - prev.date.date).days > days:
                runs.append(run)
                run = []
            run.append(d)
        runs.append(run)
    return [sorted(r, key=lambda d: getattr(d, _POS)) for r in runs]


def merge_grouped(drafts: list, days: int = 1, merge=None) -> list:
    """What ``merge(drafts, days)`` returns (default
    :func:`geomap.extract.merge_across_articles`), computed per date run."""
    if merge is None:
        from ..extract import merge_across_articles as merge
    for i, d in enumerate(drafts):
        setattr(d, _POS, i)  # copied into the incident made from d
    out = []
    try:
        for run in date_runs(drafts, days):
            out.extend(merge(run, days=days))
        out.sort(key=lambda m: getattr(m, _POS))
    finally:
        for d in drafts + out:
            d.__dict__.pop(_POS, None)
    return out
