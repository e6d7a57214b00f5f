"""Clean-vs-noised F1 of the dev sets, as a Markdown table.

``python scripts/page_noise.py [SET ...] [--seed N]`` scores every set (the
dev sets ``tests/data/news_dev*`` and ``seeds``, ``../shared/seeds`` with
``../shared/eval/seeds_gold.csv``; default: all of them found) clean, with
each kind of scraped-page noise of :mod:`geomap.bench.pagenoise`, with
all kinds mixed and with the kinds the extractor repairs mixed
("repaired"), and prints one row per set. Only scores are printed, so the
validation sets can be scored without seeing their articles. Never the
frozen held-out sets ``news_test*``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from golden_drafts import DATA, SHARED  # (this folder: ../shared found from a worktree too)


def sets() -> dict[str, tuple[Path, Path]]:
    """``{name: (articles, gold)}`` of every dev set present (never ``news_test*``)."""
    found = {p.name: (p / "articles", p / "gold.csv") for p in DATA.glob("news_dev*")}
    found = dict(sorted(found.items(), key=lambda kv: int(kv[0][8:] or 1)))
    if (SHARED / "seeds").is_dir():
        found["seeds"] = (SHARED / "seeds", SHARED / "eval" / "seeds_gold.csv")
    return found


def main(argv: list[str] | None = None) -> int:
    from geomap.bench.pagenoise import KINDS, REPAIRED, score_noise

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sets", nargs="*", help="set names (default: every dev set and seeds)")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    known = sets()
    names = args.sets or list(known)
    for name in names:
        if name.startswith("news_test") or name not in known:
            ap.error(f"not a dev set: {name}")
    # "repaired": every kind but the one pagetext leaves (another story's bare headline)
    cols = ["clean", *KINDS, "mixed", "repaired"]
    print("| set | " + " | ".join(cols) + " | worst drop of the repaired kinds |")
    print("| --- |" + " ---: |" * (len(cols) + 1))
    for name in names:
        articles, gold = known[name]
        s = score_noise(articles, gold, KINDS, args.seed, {"repaired": REPAIRED})
        worst = s["clean"] - min(s[k] for k in (*REPAIRED, "repaired"))
        print(f"| {name} | " + " | ".join(f"{s[k]:.3f}" for k in cols) + f" | {worst:.3f} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
