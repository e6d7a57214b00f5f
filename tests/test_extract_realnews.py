"""Guard rails on the real-news figures the README reports.

The real articles are copyrighted pages, so they are kept outside the
repository: set ``GEOMAP_REALNEWS`` to the folder that holds them, one
sub-folder per batch part (``test1``..., ``dev1``..., each with
``articles/`` and ``gold.csv``). Without it these tests are skipped. The
``test*`` parts are held out (never read while writing rules); the floors
are the README's figures less a margin, so a failure means a rule broke
something real news needs, to be found on the dev sets.
"""

from __future__ import annotations

import csv
import os
from pathlib import Path

import pytest

from geomap.extract import drafts_csv, extract_paths
from geomap.geocoders import default_chain
from geomap.report import Report
from geomap.scoring import evaluate

ROOT = Path(os.environ["GEOMAP_REALNEWS"]) if os.environ.get("GEOMAP_REALNEWS") else None

pytestmark = pytest.mark.skipif(
    ROOT is None or not ROOT.is_dir(), reason="GEOMAP_REALNEWS does not name the real-news folder"
)


def _pooled_f1(prefix: str, tmp_path: Path) -> dict:
    # one score over every part: per-part figures on 15-30 articles swing too much to hold to a floor
    parts = sorted(p for p in ROOT.iterdir() if p.name.startswith(prefix) and (p / "gold.csv").is_file())
    assert parts, f"no {prefix}* parts under {ROOT}"
    drafts = extract_paths([p / "articles" for p in parts], default_chain(), Report())
    pred = tmp_path / "drafts.csv"
    pred.write_text(drafts_csv(drafts), encoding="utf-8")
    gold = tmp_path / "gold.csv"
    with gold.open("w", newline="", encoding="utf-8") as out:
        writer = None
        for part in parts:
            with (part / "gold.csv").open(newline="", encoding="utf-8") as f:
                for row in csv.DictReader(f):
                    if writer is None:
                        writer = csv.DictWriter(out, fieldnames=list(row))
                        writer.writeheader()
                    writer.writerow(row)
    return evaluate(pred, gold)


@pytest.mark.parametrize(("prefix", "floor"), [("test", 0.60), ("dev", 0.90)])
def test_real_news_f1_stays_at_least_what_the_readme_reports(prefix, floor, tmp_path):
    result = _pooled_f1(prefix, tmp_path)
    assert result["f1"] >= floor, result
