"""Scoring extracted events against hand-made gold events.

Matching rule of ``eval/GOLD_FORMAT.md``: a prediction matches a gold row
when ``doc_id`` and ``event_type`` agree and the predicted point lies within
50 km of the gold point (150 km when the gold ``geo_precision`` is 3 or 4).
Each gold row matches at most one prediction and each prediction at most one
gold row; pairs are taken greedily, nearest first.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import statistics
from pathlib import Path

from .csvrows import (
    DECIMAL_COMMA_SEPARATORS,
    _field_limit,
    decimal_point,
    split_sep_hint,
    spreadsheet_separator,
)
from .curated import date_range
from .exc import SchemaError
from .geo import haversine_km, same_incident_km
from .schema import DATE_PRECISIONS, EVENT_TYPES

PRED_REQUIRED = ("doc_id", "event_type", "latitude", "longitude")
GOLD_REQUIRED = ("doc_id", "event_type", "latitude", "longitude", "geo_precision")


def _read(path: str | Path, required: tuple[str, ...], warnings: list | None = None) -> list[dict]:
    """The rows of a drafts or gold CSV, each with ``_line``, ``_lat`` and ``_lon``.

    Read as a spreadsheet saved it, as ``accept`` reads drafts: UTF-16 or
    Windows-1252, cells separated by semicolons or tabs (or the separator an
    Excel ``sep=X`` first line names; a decimal comma in a semicolon file is
    a point), each such reading a line of ``warnings``. A cell above the csv
    module's 128 KB limit is read (a long excerpt or note: it ended the
    evaluation in a traceback). A gold row whose ``event_id`` an earlier row
    has is a warning: it is scored as a second event.
    """
    from .drafts import sheet_text
    from .report import Report

    path = Path(path)
    # as a spreadsheet saved it (an Excel workbook, UTF-16 "Unicode text", Windows-1252), as accept
    # reads drafts: said, not refused; a workbook's row that cannot be read stops the evaluation, as a
    # bad CSV row does
    read = Report()
    text = sheet_text(path, "a CSV file", "cannot read", read).lstrip("\ufeff")
    for problem in read.of_kind("rejected"):
        raise SchemaError(problem.reason, file=str(path), line=problem.line)
    if warnings is not None:
        warnings.extend(f"{path}: {p.reason}" for p in read.of_kind("warning"))
    delimiter, said = spreadsheet_separator(text)  # as accept reads drafts and build curated events
    if said and warnings is not None:
        warnings.append(f"{path}: {said}")
    text, hint = split_sep_hint(text)  # Excel's sep=X line: the header is line 2
    skipped = 1 if hint else 0
    rows = []
    first_of: dict[str, int] = {}
    with io.StringIO(text, newline="") as fh, _field_limit(len(text) + 1):
        reader = csv.DictReader(fh, delimiter=delimiter)
        try:
            fields = [(f or "").strip() for f in (reader.fieldnames or [])]
            reader.fieldnames = fields
            missing = [c for c in required if c not in fields]
            if missing:
                raise SchemaError(
                    f"missing column(s) {', '.join(missing)}; required: {', '.join(required)}",
                    file=str(path),
                    line=1 + skipped,
                )
            for row in reader:
                if not "".join(v for v in row.values() if isinstance(v, str)).strip():
                    continue  # ',,,,' rows a spreadsheet leaves below the table: no row, as the loaders read them
                # the line the record ends on, less the lines of its quoted newlines: where it starts
                # (counting records named the wrong line after a cell spanning lines)
                line = skipped + reader.line_num - sum(v.count("\n") for v in row.values() if isinstance(v, str))
                rows.append(_checked_row(row, line, path, delimiter))
                event_id = (row.get("event_id") or "").strip()
                if event_id and event_id in first_of and warnings is not None:
                    warnings.append(
                        f"{path}:{line}: event_id {event_id!r} again (first on line {first_of[event_id]}): "
                        "scored as another event"
                    )
                first_of.setdefault(event_id, line)
        except csv.Error as err:
            raise SchemaError(f"not valid CSV: {err}", file=str(path), line=skipped + reader.line_num) from None
    return rows


def _checked_row(row: dict, line: int, path: Path, delimiter: str) -> dict:
    """``row`` with ``_line``, ``_lat``, ``_lon``; :class:`SchemaError` for a
    type geomap does not know or coordinates that are no numbers."""
    if row.get("event_type") not in EVENT_TYPES:
        raise SchemaError(
            f"unknown event type {row.get('event_type')!r}; allowed: {', '.join(EVENT_TYPES)}",
            file=str(path),
            line=line,
            column="event_type",
        )
    lat, lon = row.get("latitude"), row.get("longitude")
    if delimiter in DECIMAL_COMMA_SEPARATORS:  # European spreadsheets: 30,92 is 30.92
        lat, lon = (decimal_point(v.strip()) if isinstance(v, str) else v for v in (lat, lon))
    try:
        row["_lat"], row["_lon"] = float(lat), float(lon)
    except (TypeError, ValueError):
        raise SchemaError(
            f"latitude/longitude {row.get('latitude')!r}, {row.get('longitude')!r} are not numbers",
            file=str(path),
            line=line,
            column="latitude",
        ) from None
    row["_line"] = line
    return row


def _date_range(value: str, precision: str) -> tuple[dt.date, dt.date] | None:
    """Interval a date may cover at its precision (:func:`geomap.curated.date_range`);
    ``None`` when it is no date. A time after the day is ignored, an unknown
    precision read as a day."""
    if precision not in DATE_PRECISIONS:
        precision = "day"
    try:
        value = str(value)
        return date_range(value[:10], "month" if len(value) == 7 else precision)
    except (ValueError, TypeError):
        return None


def date_correct(pred: dict, gold: dict) -> bool:
    """Is the predicted date right to the gold precision?

    Day: same day. Week: the predicted day (or its interval's middle) lies
    within 3 days of the gold date. Month: same year and month.
    """
    gp = gold.get("date_precision") or ("month" if len(gold.get("event_date", "")) == 7 else "day")
    g = _date_range(gold.get("event_date", ""), gp)
    p = _date_range(pred.get("event_date", ""), pred.get("date_precision") or "day")
    if g is None or p is None:
        return False
    if gp == "month":
        return p[0].year == g[0].year and p[0].month == g[0].month and (p[1] - p[0]).days <= 31
    if gp == "week":
        mid = p[0] + (p[1] - p[0]) / 2
        return g[0] <= mid <= g[1] and (p[1] - p[0]).days <= 7
    return p == g


def _int(v) -> int | None:
    try:
        return int(float(v)) if str(v).strip() != "" else None
    except ValueError:
        return None


def evaluate(pred_csv: str | Path, gold_csv: str | Path, warnings: list | None = None) -> dict:
    """Precision, recall, F1, place error, date and casualty accuracy.

    Files a spreadsheet saved (UTF-16 with or without a byte-order mark,
    Windows-1252) are read; each such file adds a line to ``warnings``.

    Returns
    -------
    dict
        ``precision, recall, f1, tp, fp, fn, n_pred, n_gold,
        median_place_error_km, date_accuracy, casualty_accuracy, per_type``
        (``per_type[type]`` has ``tp, fp, fn, precision, recall, f1``) and
        ``matches`` (pairs of pred/gold line numbers with their distance).

    Raises
    ------
    SchemaError
        Missing columns, unknown event types or non-numeric coordinates.
    """
    preds = _read(pred_csv, PRED_REQUIRED, warnings)
    golds = _read(gold_csv, GOLD_REQUIRED, warnings)
    pairs = []
    for i, p in enumerate(preds):
        docs = set(p["doc_id"].split(";"))
        for j, g in enumerate(golds):
            if g["doc_id"] not in docs or g["event_type"] != p["event_type"]:
                continue
            d = haversine_km(p["_lat"], p["_lon"], g["_lat"], g["_lon"])
            # only the gold precision counts: a prediction does not get to widen the radius
            limit = same_incident_km(_int(g.get("geo_precision", "")) or 1)
            if d <= limit:
                # at equal distance (a closure and its reopening at one
                # crossing) the pair whose dates agree goes first: order in
                # the files must not pair each draft with the other's row
                pairs.append((d, not date_correct(p, g), i, j))
    pairs.sort()
    used_p, used_g, matches = set(), set(), []
    for d, _, i, j in pairs:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        matches.append((i, j, d))
    tp = len(matches)
    metrics = _prf(tp, len(preds) - tp, len(golds) - tp)
    dates = [date_correct(preds[i], golds[j]) for i, j, _ in matches]
    cas = [
        (
            _int(preds[i].get("fatalities")) == _int(golds[j].get("fatalities"))
            and _int(preds[i].get("injuries")) == _int(golds[j].get("injuries"))
        )
        for i, j, _ in matches
    ]
    per_type = {}
    for t in EVENT_TYPES:
        n_p = sum(1 for p in preds if p["event_type"] == t)
        n_g = sum(1 for g in golds if g["event_type"] == t)
        if not n_p and not n_g:
            continue
        t_tp = sum(1 for i, j, _ in matches if golds[j]["event_type"] == t)
        per_type[t] = _prf(t_tp, n_p - t_tp, n_g - t_tp)
    metrics.update(
        {
            "n_pred": len(preds),
            "n_gold": len(golds),
            "median_place_error_km": round(statistics.median(d for _, _, d in matches), 2) if matches else None,
            "date_accuracy": round(sum(dates) / len(dates), 3) if dates else None,
            "casualty_accuracy": round(sum(cas) / len(cas), 3) if cas else None,
            "per_type": per_type,
            "matches": [
                {
                    "pred_line": preds[i]["_line"],
                    "gold_line": golds[j]["_line"],
                    "gold_event_id": golds[j].get("event_id", ""),
                    "km": round(d, 2),
                    "date_ok": ok,
                }
                for (i, j, d), ok in zip(matches, dates)
            ],
            "unmatched_gold": [g.get("event_id") or g["_line"] for j, g in enumerate(golds) if j not in used_g],
            "unmatched_pred": [p["_line"] for i, p in enumerate(preds) if i not in used_p],
        }
    )
    return metrics


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3)}


def format_table(m: dict) -> str:
    """Plain-text table of the metrics of :func:`evaluate`."""

    def pct(v):
        return "n/a" if v is None else f"{v:.3f}"

    lines = [
        f"predicted {m['n_pred']}, gold {m['n_gold']}, matched {m['tp']}",
        f"precision {pct(m['precision'])}  recall {pct(m['recall'])}  F1 {pct(m['f1'])}",
        f"median place error {m['median_place_error_km'] if m['median_place_error_km'] is not None else 'n/a'} km"
        f"  date accuracy {pct(m['date_accuracy'])}  casualty accuracy {pct(m['casualty_accuracy'])}",
        "",
        f"{'event_type':<18}{'tp':>4}{'fp':>4}{'fn':>4}{'P':>8}{'R':>8}{'F1':>8}",
    ]
    for t, v in m["per_type"].items():
        lines.append(
            f"{t:<18}{v['tp']:>4}{v['fp']:>4}{v['fn']:>4}{v['precision']:>8.3f}{v['recall']:>8.3f}{v['f1']:>8.3f}"
        )
    return "\n".join(lines)
