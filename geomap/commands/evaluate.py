"""``geomap evaluate``: score predicted events against gold events."""

from __future__ import annotations

import json

EPILOG = """Examples:
  geomap extract tests/data/news_dev/articles -o drafts.csv
  geomap evaluate drafts.csv tests/data/news_dev/gold.csv --misses
  geomap evaluate drafts.csv gold.csv --json > scores.json

Matching rule: same doc_id and event_type, predicted point within 50 km of
the gold point (150 km when the gold geo_precision is 3 or 4), one-to-one,
nearest pairs first. Dates are right when they agree to the gold precision.

Columns: both files need doc_id, event_type, latitude and longitude, GOLD
also geo_precision (the drafts CSV has them all); event_date,
date_precision, fatalities and injuries are compared when present.
"""


def register(sub, formatter):
    p = sub.add_parser(
        "evaluate",
        help="precision, recall, F1 of extracted events vs gold",
        description="Precision, recall and F1 of PRED against GOLD, overall and "
        "per event type, the median place error of matched pairs, "
        "and date and casualty accuracy.",
        epilog=EPILOG,
        formatter_class=formatter,
    )
    p.add_argument("pred", metavar="PRED.csv", help="the predicted events: a drafts CSV of 'geomap extract'")
    p.add_argument("gold", metavar="GOLD.csv", help="the events a person annotated in the same articles")
    p.add_argument("--json", action="store_true", help="print every metric and match as JSON")
    p.add_argument("--misses", action="store_true", help="also list unmatched gold and predicted rows")
    p.set_defaults(func=run)


def run(args) -> int:
    import sys

    from ..scoring import evaluate, format_table

    warnings: list[str] = []
    m = evaluate(args.pred, args.gold, warnings)
    for line in warnings:
        print(f"warning: {line}", file=sys.stderr)
    if args.json:
        print(json.dumps(m, indent=2))
        return 0
    print(format_table(m))
    if args.misses:
        print("\nunmatched gold:", ", ".join(map(str, m["unmatched_gold"])) or "none")
        print("unmatched predicted lines:", ", ".join(map(str, m["unmatched_pred"])) or "none")
    return 0
