"""Guard rails on the extraction figures the README reports.

These run the extractor on the frozen held-out set and the dev set and check
that F1 does not fall below what the README states (a regression test, not a
target: the held-out set is never used to write or tune rules, so a failure
here is mended by finding the rule that broke, on the dev set).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from geomap.extract import drafts_csv, extract_paths
from geomap.geocoders import default_chain
from geomap.report import Report
from geomap.scoring import evaluate

DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize(
    "name, floor",
    [
        ("news_test", 0.805),
        ("news_test2", 0.8),
        ("news_test3", 0.85),
        ("news_test4", 0.78),
        ("news_test5", 0.75),
        ("news_test6", 0.795),
        ("news_test7", 0.775),
        ("news_test8", 0.7),
        ("news_dev", 0.96),
        ("news_dev2", 0.89),
        ("news_dev3", 0.915),
        ("news_dev4", 0.9),
        ("news_dev5", 0.935),
        ("news_dev6", 0.875),
        ("news_dev7", 0.915),
        ("news_dev8", 0.91),
        ("news_dev9", 0.785),
        ("news_dev10", 0.79),
    ],
)
def test_f1_stays_at_least_what_the_readme_reports(name, floor, tmp_path):
    drafts = extract_paths([DATA / name / "articles"], default_chain(), Report())
    pred = tmp_path / "drafts.csv"
    pred.write_text(drafts_csv(drafts), encoding="utf-8")
    result = evaluate(pred, DATA / name / "gold.csv")
    assert result["f1"] >= floor, result
