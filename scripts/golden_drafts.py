"""Golden check for extraction speed work: the drafts must not change.

``python scripts/golden_drafts.py save DIR`` extracts every corpus below and
writes, per corpus, the drafts CSV and the reported problems (warnings,
unlocated events) as CSV into ``DIR``; ``python scripts/golden_drafts.py check
DIR`` extracts again and says which corpus differs from what ``DIR`` holds
(exit status 1 when any does). Run ``save`` on the code before a change and
``check`` after it.

The corpora: the seed articles (``../shared/seeds``), the dev sets
``tests/data/news_dev*`` (all present; never the held-out ``news_test*``),
``tests/data/articles``
and a synthetic corpus (``--synth DIR``, made with
``geomap.bench.synth.write_corpus(DIR, 2)``). Each corpus is extracted in a
fresh sentence memo, as ``geomap extract`` would in its own process. Never
the frozen held-out sets.
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
# The dev sets are found, not listed: a new news_devN is checked once it lands.
# ../shared of the main checkout; a worktree (wt/NAME) finds it one folder further up.
SHARED = next((p / "shared" for p in ROOT.parents if (p / "shared" / "seeds").is_dir()), ROOT.parent / "shared")
CORPORA = {
    "seeds": SHARED / "seeds",
    **{p.name: p / "articles" for p in sorted(DATA.glob("news_dev*"))},
    "articles": DATA / "articles",
}


def outputs(corpora: dict[str, Path]) -> dict[str, str]:
    """``{name.drafts.csv: text, name.problems.csv: text}`` of every corpus."""
    from geomap.extract import extract_paths, scanned
    from geomap.extract.io import drafts_csv
    from geomap.geocoders import default_chain
    from geomap.report import Report

    chain = default_chain()
    out: dict[str, str] = {}
    for name, folder in corpora.items():
        scanned._SEEN.clear()
        report = Report()
        drafts = extract_paths([str(folder)], chain, report, progress=False)
        out[f"{name}.drafts.csv"] = drafts_csv(drafts)
        # Paths differ between worktrees: keep them relative to the corpus.
        out[f"{name}.problems.csv"] = report.to_csv().replace(str(folder), "<corpus>")
        out[f"{name}.counts.txt"] = "".join(f"{k} {v}\n" for k, v in sorted(report.counts.items()))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("what", choices=["save", "check"])
    ap.add_argument("dir", type=Path)
    ap.add_argument("--synth", type=Path, help="folder of a synthetic corpus to include")
    args = ap.parse_args(argv)
    corpora = {name: folder for name, folder in CORPORA.items() if folder.is_dir()}
    if args.synth:
        corpora["synth"] = args.synth
    got = outputs(corpora)
    if args.what == "save":
        args.dir.mkdir(parents=True, exist_ok=True)
        for name, text in got.items():
            (args.dir / name).write_text(text, encoding="utf-8")
            print(name, hashlib.sha256(text.encode()).hexdigest()[:16], text.count("\n"), "lines")
        return 0
    bad = 0
    for name, text in got.items():
        if not (args.dir / name).exists():
            # a corpus that landed after the save (a new dev set): nothing to compare
            print("new", name)
            continue
        want = (args.dir / name).read_text(encoding="utf-8")
        if text == want:
            print("same", name)
            continue
        bad += 1
        print("DIFFERS", name)
        diff = difflib.unified_diff(want.splitlines(), text.splitlines(), "before", "after", lineterm="", n=0)
        for line in list(diff)[:20]:
            print("   ", line[:300])
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
