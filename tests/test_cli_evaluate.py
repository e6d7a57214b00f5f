"""``geomap evaluate`` through geomap.cli.main."""

from __future__ import annotations

import json
from pathlib import Path

from geomap.cli import main

DATA = Path(__file__).parent / "data" / "articles"

GOLD = """doc_id,event_id,event_type,sub_event_type,event_date,date_precision,location,country,latitude,longitude,geo_precision,actor1,actor2,fatalities,injuries,note
ghulam_khan_repeat,ghulam_khan_repeat#1,armed_clash,exchange_of_fire,2024-11-03,day,Ghulam Khan,PK,33.136,70.011,1,Pakistan,Afghan Taliban,2,,test
badini_wire,badini_wire#1,border_closure,closure,2024-07-15,day,Badini,PK,31.684,68.05,2,Pakistan,,,,test
badini_wire,badini_wire#2,talks,negotiation,2024-07-16,day,Quetta,PK,30.18,66.97,1,Pakistan,,,,not in the text
"""


def test_help_has_an_example(capsys):
    try:
        main(["evaluate", "--help"])
    except SystemExit as exc:
        assert exc.code == 0
    out = capsys.readouterr().out
    assert "Examples:" in out and "geomap evaluate" in out and "150 km" in out


def test_extract_then_evaluate(tmp_path, capsys):
    gold = tmp_path / "gold.csv"
    gold.write_text(GOLD, encoding="utf-8")
    pred = tmp_path / "pred.csv"
    assert (
        main(["extract", str(DATA / "ghulam_khan_repeat.md"), str(DATA / "badini_wire.md"), "-o", str(pred), "--quiet"])
        == 0
    )
    capsys.readouterr()
    assert main(["evaluate", str(pred), str(gold), "--misses"]) == 0
    out = capsys.readouterr().out
    assert "predicted 2, gold 3, matched 2" in out
    assert "precision 1.000  recall 0.667" in out
    assert "unmatched gold: badini_wire#2" in out
    assert main(["evaluate", str(pred), str(gold), "--json"]) == 0
    m = json.loads(capsys.readouterr().out)
    assert m["tp"] == 2 and m["date_accuracy"] == 1.0 and m["casualty_accuracy"] == 1.0


def test_bad_file_is_an_error_not_a_traceback(tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_text("doc_id\nx\n", encoding="utf-8")
    assert main(["evaluate", str(bad), str(bad)]) == 1
    err = capsys.readouterr().err
    assert "geomap evaluate: error" in err and "missing column" in err
