"""Scoring predicted events against gold: matching rule, P/R/F1, dates."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from geomap.exc import SchemaError
from geomap.scoring import date_correct, evaluate, format_table, haversine_km

GOLD_COLS = [
    "doc_id",
    "event_id",
    "event_type",
    "sub_event_type",
    "event_date",
    "date_precision",
    "location",
    "country",
    "latitude",
    "longitude",
    "geo_precision",
    "actor1",
    "actor2",
    "fatalities",
    "injuries",
    "note",
]
PRED_COLS = [
    "doc_id",
    "event_type",
    "event_date",
    "date_precision",
    "location",
    "latitude",
    "longitude",
    "fatalities",
    "injuries",
]


def _write(path: Path, cols: list[str], rows: list[dict]) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=cols, restval="")
        w.writeheader()
        w.writerows(rows)
    return path


def _gold(doc, n, etype, date, prec, lat, lon, gp, fat=""):
    return {
        "doc_id": doc,
        "event_id": f"{doc}#{n}",
        "event_type": etype,
        "event_date": date,
        "date_precision": prec,
        "latitude": lat,
        "longitude": lon,
        "geo_precision": gp,
        "fatalities": fat,
    }


def _pred(doc, etype, date, prec, lat, lon, fat=""):
    return {
        "doc_id": doc,
        "event_type": etype,
        "event_date": date,
        "date_precision": prec,
        "latitude": lat,
        "longitude": lon,
        "fatalities": fat,
    }


@pytest.fixture
def pair(tmp_path):
    gold = _write(
        tmp_path / "gold.csv",
        GOLD_COLS,
        [
            _gold("a", 1, "armed_clash", "2024-05-05", "day", 34.10, 71.09, 1, "2"),  # Torkham
            _gold("a", 2, "talks", "2024-05-07", "week", 41.01, 28.95, 1),  # Istanbul
            _gold("b", 1, "airstrike", "2024-05", "month", 31.00, 65.70, 3),  # a province
            _gold("b", 2, "border_closure", "2024-05-01", "day", 30.95, 66.43, 1),
        ],
    )
    pred = _write(
        tmp_path / "pred.csv",
        PRED_COLS,
        [
            _pred("a", "armed_clash", "2024-05-05", "day", 34.12, 71.06, "2"),  # ~3 km: match, date and toll right
            _pred("a", "talks", "2024-05-09", "day", 41.01, 28.95),  # match, within the gold week
            _pred("b", "airstrike", "2024-05-20", "day", 31.61, 65.71),  # ~68 km from a precision-3 gold: match
            _pred("b", "border_closure", "2024-05-01", "day", 34.10, 71.09),  # 400 km away: no match
            _pred("a", "explosion", "2024-05-05", "day", 34.10, 71.09),  # no such gold type
        ],
    )
    return pred, gold


def test_precision_recall_f1(pair):
    m = evaluate(*pair)
    assert (m["tp"], m["fp"], m["fn"], m["n_pred"], m["n_gold"]) == (3, 2, 1, 5, 4)
    assert m["precision"] == 0.6 and m["recall"] == 0.75
    assert m["f1"] == round(2 * 0.6 * 0.75 / 1.35, 3)
    assert m["unmatched_gold"] == ["b#2"]
    assert sorted(m["unmatched_pred"]) == [5, 6]


def test_place_error_date_and_casualty_accuracy(pair):
    m = evaluate(*pair)
    kms = sorted(x["km"] for x in m["matches"])
    assert kms[0] == 0.0 and 2 < kms[1] < 4 and 60 < kms[2] < 75
    assert m["median_place_error_km"] == kms[1]
    assert m["date_accuracy"] == 1.0  # day, week (+-3 days) and month all right
    assert m["casualty_accuracy"] == 1.0
    assert m["per_type"]["border_closure"] == {"tp": 0, "fp": 1, "fn": 1, "precision": 0.0, "recall": 0.0, "f1": 0.0}
    assert "F1" in format_table(m)


def test_150_km_only_for_broad_gold(tmp_path):
    gold = _write(tmp_path / "g.csv", GOLD_COLS, [_gold("a", 1, "airstrike", "2024-05", "month", 31.0, 65.7, 1)])
    pred = _write(tmp_path / "p.csv", PRED_COLS, [_pred("a", "airstrike", "2024-05", "month", 31.61, 65.71)])
    assert evaluate(pred, gold)["tp"] == 0  # 68 km from a precision-1 gold point
    gold4 = _write(tmp_path / "g4.csv", GOLD_COLS, [_gold("a", 1, "airstrike", "2024-05", "month", 31.0, 65.7, 4)])
    assert evaluate(pred, gold4)["tp"] == 1


def test_one_to_one_nearest_first(tmp_path):
    gold = _write(tmp_path / "g.csv", GOLD_COLS, [_gold("a", 1, "talks", "2024-05-01", "day", 41.0, 29.0, 1)])
    pred = _write(
        tmp_path / "p.csv",
        PRED_COLS,
        [_pred("a", "talks", "2024-05-02", "day", 41.1, 29.0), _pred("a", "talks", "2024-05-01", "day", 41.0, 29.0)],
    )
    m = evaluate(pred, gold)
    assert (m["tp"], m["fp"]) == (1, 1) and m["matches"][0]["pred_line"] == 3 and m["date_accuracy"] == 1.0


def test_equal_distance_pairs_the_rows_whose_dates_agree(tmp_path):
    # a closure and its reopening at one crossing: both drafts right, listed
    # in the other order than the gold rows
    gold = _write(
        tmp_path / "g.csv",
        GOLD_COLS,
        [
            _gold("a", 1, "border_closure", "2024-05-01", "day", 34.1, 71.1, 1),
            _gold("a", 2, "border_closure", "2024-05-09", "day", 34.1, 71.1, 1),
        ],
    )
    pred = _write(
        tmp_path / "p.csv",
        PRED_COLS,
        [
            _pred("a", "border_closure", "2024-05-09", "day", 34.1, 71.1),
            _pred("a", "border_closure", "2024-05-01", "day", 34.1, 71.1),
        ],
    )
    m = evaluate(pred, gold)
    assert m["tp"] == 2 and m["date_accuracy"] == 1.0


def test_a_nearer_pair_still_beats_a_date_that_agrees(tmp_path):
    gold = _write(tmp_path / "g.csv", GOLD_COLS, [_gold("a", 1, "talks", "2024-05-01", "day", 41.0, 29.0, 1)])
    pred = _write(
        tmp_path / "p.csv",
        PRED_COLS,
        [_pred("a", "talks", "2024-05-01", "day", 41.1, 29.0), _pred("a", "talks", "2024-05-03", "day", 41.0, 29.0)],
    )
    m = evaluate(pred, gold)
    assert m["matches"][0]["pred_line"] == 3 and m["date_accuracy"] == 0.0


def test_merged_doc_ids_match_each_article(tmp_path):
    gold = _write(tmp_path / "g.csv", GOLD_COLS, [_gold("b", 1, "talks", "2024-05-01", "day", 41.0, 29.0, 1)])
    pred = _write(tmp_path / "p.csv", PRED_COLS, [_pred("a;b", "talks", "2024-05-01", "day", 41.0, 29.0)])
    assert evaluate(pred, gold)["tp"] == 1


@pytest.mark.parametrize(
    "pred, gold, ok",
    [
        (("2024-05-05", "day"), ("2024-05-05", "day"), True),
        (("2024-05-06", "day"), ("2024-05-05", "day"), False),
        (("2024-05-08", "day"), ("2024-05-05", "week"), True),
        (("2024-05-09", "day"), ("2024-05-05", "week"), False),
        (("2024-05-05", "week"), ("2024-05-05", "day"), False),  # vaguer than gold is not right
        (("2024-05-31", "day"), ("2024-05", "month"), True),
        (("2024-05", "month"), ("2024-05", "month"), True),
        (("2024-06-01", "day"), ("2024-05", "month"), False),
        (("", ""), ("2024-05", "month"), False),
    ],
)
def test_date_precision_rule(pred, gold, ok):
    assert (
        date_correct(
            {"event_date": pred[0], "date_precision": pred[1]}, {"event_date": gold[0], "date_precision": gold[1]}
        )
        is ok
    )


def test_haversine():
    assert haversine_km(0, 0, 0, 1) == pytest.approx(111.19, abs=0.01)


def test_bad_inputs(tmp_path):
    gold = _write(tmp_path / "g.csv", GOLD_COLS, [])
    with pytest.raises(SchemaError, match="missing column"):
        evaluate(_write(tmp_path / "p.csv", ["doc_id"], [{"doc_id": "a"}]), gold)
    with pytest.raises(SchemaError, match="unknown event type"):
        evaluate(_write(tmp_path / "p2.csv", PRED_COLS, [_pred("a", "riot", "", "", 1, 1)]), gold)
    with pytest.raises(SchemaError, match="not numbers"):
        evaluate(_write(tmp_path / "p3.csv", PRED_COLS, [_pred("a", "talks", "", "", "x", 1)]), gold)
    with pytest.raises(SchemaError, match="cannot read"):
        evaluate(tmp_path / "missing.csv", gold)


def test_empty_prediction(tmp_path):
    gold = _write(tmp_path / "g.csv", GOLD_COLS, [_gold("a", 1, "talks", "2024-05-01", "day", 41.0, 29.0, 1)])
    m = evaluate(_write(tmp_path / "p.csv", PRED_COLS, []), gold)
    assert (m["precision"], m["recall"], m["f1"], m["median_place_error_km"], m["date_accuracy"]) == (
        0.0,
        0.0,
        0.0,
        None,
        None,
    )


def test_unreadable_pred_or_gold_is_one_error_not_a_traceback_or_a_hang(tmp_path):
    from geomap.scoring import GOLD_REQUIRED, _read

    def read_gold(path):
        return _read(path, GOLD_REQUIRED)

    binary = tmp_path / "gold.csv"
    binary.write_bytes(b"doc_id,event_type,latitude,longitude,geo_precision\na,talks,\x00\x01\x02,71,1\n")
    with pytest.raises(SchemaError, match="binary"):
        read_gold(binary)
    with pytest.raises(SchemaError, match="is a device"):
        read_gold("/dev/zero")  # was read forever


GOLD_TEXT = (
    'doc_id,event_type,latitude,longitude,geo_precision,note\na,talks,34,71,1,"two\nlines"\nbé,talks,34,71,1,x\n'
)


@pytest.mark.parametrize(
    "encoding, said",
    [
        ("utf-8", None),
        ("utf-8-sig", None),
        ("utf-16", "UTF-16 (byte-order mark)"),  # a spreadsheet's "Unicode text"
        ("cp1252", "not UTF-8 (byte 0xe9 on line 4)"),
    ],
)
def test_gold_and_pred_saved_by_a_spreadsheet_are_read_as_written(tmp_path, encoding, said):
    # UTF-16 and Latin-1 stopped the evaluation ("not UTF-8"), though accept reads such drafts
    from geomap.scoring import GOLD_REQUIRED, _read

    path = tmp_path / "gold.csv"
    path.write_bytes(GOLD_TEXT.encode(encoding))
    warnings = []
    rows = _read(path, GOLD_REQUIRED, warnings)
    assert [r["doc_id"] for r in rows] == ["a", "bé"]
    assert [r["_line"] for r in rows] == [2, 4]  # where each record starts (the note spans two lines)
    assert (warnings == []) if said is None else (len(warnings) == 1 and said in warnings[0])


def _excel(path: Path, plain: Path, hint: bool = False) -> Path:
    """``plain`` as a European Excel saves it: a byte-order mark, semicolons,
    decimal commas, CRLF, empty columns after the last (and ``sep=;`` first)."""
    with open(plain, newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    lines = ["sep=;"] if hint else []
    for row in rows:
        cells = [c.replace(".", ",") if c.replace(".", "").replace("-", "").isdigit() else c for c in row]
        lines.append(";".join(f'"{c}"' if ";" in c or "\n" in c else c for c in cells) + ";;")
    path.write_bytes(("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8"))
    return path


@pytest.mark.parametrize("hint", [False, True])
def test_gold_and_pred_saved_by_a_european_spreadsheet_score_as_the_plain_files(tmp_path, hint):
    # semicolons stopped the evaluation ("missing column(s) doc_id, ..."), though accept reads such drafts
    gold = _write(
        tmp_path / "g.csv",
        GOLD_COLS,
        [
            _gold("a", 1, "talks", "2024-05-01", "day", 34.1, 71.1, 1),
            _gold("b", 1, "airstrike", "2024-05-02", "day", 33.5, 70.2, 1),
        ],
    )
    pred = _write(tmp_path / "p.csv", PRED_COLS, [_pred("a", "talks", "2024-05-01", "day", 34.1002, 71.1)])
    plain = evaluate(pred, gold)
    warnings = []
    got = evaluate(_excel(tmp_path / "pe.csv", pred, hint), _excel(tmp_path / "ge.csv", gold, hint), warnings)
    assert {k: got[k] for k in ("tp", "fp", "fn", "median_place_error_km")} == {
        k: plain[k] for k in ("tp", "fp", "fn", "median_place_error_km")
    }
    assert [m["gold_line"] for m in got["matches"]] == [2 + hint]
    assert len(warnings) == 2 and all("cells separated by semicolons" in w for w in warnings)


def test_a_cell_above_the_csv_modules_limit_is_read_not_a_traceback(tmp_path):
    # a 300 000-character excerpt ended the evaluation in a traceback (the csv module's field limit)
    gold = _write(tmp_path / "g.csv", GOLD_COLS, [_gold("a", 1, "talks", "2024-05-01", "day", 34.1, 71.1, 1)])
    row = _pred("a", "talks", "2024-05-01", "day", 34.1, 71.1)
    pred = _write(tmp_path / "p.csv", [*PRED_COLS, "excerpt"], [{**row, "excerpt": "x" * 300_000}])
    assert evaluate(pred, gold)["tp"] == 1


def test_a_gold_event_given_twice_is_said(tmp_path):
    # a gold row pasted twice was scored as two events, recall lowered, without a word
    row = _gold("a", 1, "talks", "2024-05-01", "day", 34.1, 71.1, 1)
    gold = _write(tmp_path / "g.csv", GOLD_COLS, [row, _gold("a", 2, "talks", "2024-05-03", "day", 34.1, 71.1, 1), row])
    pred = _write(tmp_path / "p.csv", PRED_COLS, [_pred("a", "talks", "2024-05-01", "day", 34.1, 71.1)])
    warnings = []
    assert evaluate(pred, gold, warnings)["n_gold"] == 3  # still scored as written: said, not changed
    assert warnings == [f"{gold}:4: event_id 'a#1' again (first on line 2): scored as another event"]


def test_rows_of_empty_cells_below_the_table_are_no_rows(tmp_path):
    # a spreadsheet leaves ',,,,' rows below the table: the evaluation stopped at the first
    # ("unknown event type ''"), while every other reader of geomap skips them as blank
    gold = _write(tmp_path / "g.csv", GOLD_COLS, [_gold("a", 1, "talks", "2024-05-01", "day", 34.1, 71.1, 1)])
    with open(gold, "a", newline="") as fh:
        fh.write("," * (len(GOLD_COLS) - 1) + "\r\n" + " ," * (len(GOLD_COLS) - 1) + "\r\n")
    pred = _write(tmp_path / "p.csv", PRED_COLS, [_pred("a", "talks", "2024-05-01", "day", 34.1, 71.1)])
    m = evaluate(pred, gold)
    assert (m["n_gold"], m["tp"]) == (1, 1)


def test_a_gold_file_kept_in_excel_is_scored_as_its_csv(tmp_path):
    # a gold workbook was refused as a binary file ('expected ... .xlsx')
    openpyxl = pytest.importorskip("openpyxl")
    rows = [
        _gold("a", 1, "talks", "2024-05-01", "day", 34.1, 71.1, 1),
        _gold("b", 1, "airstrike", "2024-05-02", "day", 33.5, 70.2, 1),
    ]
    gold = _write(tmp_path / "g.csv", GOLD_COLS, rows)
    wb = openpyxl.Workbook()
    wb.active.append(GOLD_COLS)
    for row in rows:
        wb.active.append([row.get(c, "") for c in GOLD_COLS])
    wb.create_sheet("notes").append(["checked by", "me"])
    wb.save(tmp_path / "g.xlsx")
    pred = _write(tmp_path / "p.csv", PRED_COLS, [_pred("a", "talks", "2024-05-01", "day", 34.1002, 71.1)])
    warnings = []
    got, plain = evaluate(pred, tmp_path / "g.xlsx", warnings), evaluate(pred, gold)
    assert {k: got[k] for k in ("tp", "fp", "fn", "matches")} == {k: plain[k] for k in ("tp", "fp", "fn", "matches")}
    assert len(warnings) == 1 and "sheet(s) notes not read" in warnings[0]
