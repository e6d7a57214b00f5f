"""Golden check for build speed work: every output of ``geomap build`` must keep its bytes.

``python scripts/golden_build.py inputs DIR`` writes the inputs once: the
benchmark's 100k synthetic events (``bench100k``) and three messy tables
made from 20k of them (below). ``python scripts/golden_build.py save DIR``
builds each input in its own ``geomap build`` process and keeps every output
(``map.html``, ``embed.html``, ``events.geojson``, ``events.csv``,
``summary.json``, ``rejected.csv``, ``unlocated.csv``) under ``DIR/golden``;
``check DIR`` builds again and says which output differs (exit status 1 when
any does). Run ``save`` on the code before a change and ``check`` after it
(``--python`` picks the interpreter, ``PYTHONPATH`` the code).

The pages name their folium elements with random ids (``map_<32 hex>``):
those are replaced by ``<id>`` before comparing; every other byte counts.
Paths of the inputs are kept relative to ``DIR``.

The messy tables (seeded, the same every time):

- ``messy_plain``: bad cells of every kind the validator turns down, an event
  at two places, repeated ids, rows without coordinates (geocoded, some
  unknown places), border-wide rows, quotes and commas inside cells,
  formula and markup text, spaces around cells, an unknown column, a UTF-8
  byte-order mark and CRLF line ends, bad rows in sources.csv; still one
  record per line (the fast reader takes it).
- ``messy_ragged``: the same, plus what only the row-wise reader handles:
  a quoted cell over several lines, a quote left open, rows with too few
  and too many cells, blank lines, a quote inside an unquoted cell.
- ``messy_lf``: ``messy_plain`` with LF line ends, no mark, spaces-only
  and comma-only rows, a lone carriage return inside a cell.
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import re
import shutil
import subprocess
import sys
from pathlib import Path

OUTPUTS = ("map.html", "embed.html", "events.geojson", "events.csv", "summary.json", "rejected.csv", "unlocated.csv")
INPUTS = ("bench100k", "messy_plain", "messy_ragged", "messy_lf")
_IDS = re.compile(rb"_[0-9a-f]{32}\b")


def _rows(n: int, seed: int):
    from geomap.bench import synth

    return synth.synth_events(n, seed)


def _mess(events: list[dict], sources: list[dict], rng: random.Random, ragged: bool) -> None:
    """Spoil ``events``/``sources`` in place, in every way a hand-edited table can be."""
    bad_cells = [
        ("event_date", "2024-02-30"),
        ("event_date", "2024-13"),
        ("event_type", "blast"),
        ("latitude", "91.5"),
        ("latitude", "nan"),
        ("longitude", "1_0"),
        ("country", "AFG"),
        ("fatalities", "2.5"),
        ("fatalities_low", "99"),
        ("injuries", "x"),
        ("sources", "nosuch-1"),
        ("sources", ";"),
        ("verified", "maybe"),
        ("geo_precision", "7"),
        ("date_precision", "year"),
        ("event_id", ""),
        ("location", ""),
    ]
    texts = [
        'He said "go", then left',
        '=HYPERLINK("http://x")',
        "</script><!--<b>x</b> & {{7*7}}",
        "  padded both sides  ",
        "comma, inside, a cell",
        "Ṭorkham \u2028 line sep",
        "+1 -2 @three",
    ]
    n = len(events)
    for i, row in enumerate(events):
        r = rng.random()
        if r < 0.04:
            col, value = rng.choice(bad_cells)
            row[col] = value
        elif r < 0.06:  # no coordinates: the geocoder places it (or not)
            row["latitude"] = row["longitude"] = ""
            if rng.random() < 0.2:
                row["location"] = rng.choice(["Nowhere Village", "Kabul", "Khyber", "Torkham"])
        elif r < 0.07:  # the whole border
            row.update(latitude="", longitude="", geo_precision="4", location="Durand Line", country="")
        elif r < 0.08 and i > 10:  # an id again: another place of the same event, or a duplicate
            j = rng.randrange(0, i - 1)
            other = events[j]
            if other["event_id"]:
                row["event_id"] = other["event_id"]
                kind = rng.random()
                if kind < 0.5:
                    for c in ("event_type", "event_date", "date_precision"):
                        row[c] = other[c]
                elif kind < 0.75:
                    row.update({c: other[c] for c in ("event_type", "event_date", "date_precision", "location")})
                    row["latitude"], row["longitude"] = other["latitude"], other["longitude"]
        elif r < 0.11:
            col = rng.choice(["note", "actor1", "actor2", "sub_event_type", "excerpt", "location"])
            row[col] = rng.choice(texts)
        elif r < 0.12:
            col = rng.choice(["event_type", "country", "latitude", "event_id", "sources"])
            row[col] = f" {row[col]} "
    for row in rng.sample(sources, 12):
        row[rng.choice(["published", "url", "source_id"])] = rng.choice(["2024-13-01", "ftp://x", "bad id", ""])
    sources.append(dict(sources[3]))  # a duplicate source id
    if ragged:
        for i in rng.sample(range(n), 6):
            events[i]["note"] = 'first line\nsecond line, "quoted"\r\nthird'


def _text(cols, rows, newline: str) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=cols, lineterminator=newline)
    w.writeheader()
    w.writerows(rows)
    return buf.getvalue()


def write_inputs(folder: Path) -> None:
    from geomap.bench import synth
    from geomap.schema import EVENT_COLUMNS, SOURCE_COLUMNS

    synth.write_dataset(folder / "bench100k", 100_000)
    for name in INPUTS[1:]:
        rng = random.Random(name)
        events, sources = _rows(20_000, 7)
        _mess(events, sources, rng, ragged=name == "messy_ragged")
        newline = "\n" if name == "messy_lf" else "\r\n"
        cols = list(EVENT_COLUMNS)
        if name == "messy_plain":  # a column geomap does not know: a warning, rows kept
            cols.append("comment")
            for i, row in enumerate(events):
                row["comment"] = f"c{i % 7}"
        ev = _text(cols, events, newline)
        src = _text(SOURCE_COLUMNS, sources, newline)
        if name == "messy_ragged":
            lines = ev.split("\r\n")
            lines[500] = lines[500] + ",extra,cells"
            lines[900] = ",".join(lines[900].split(",")[:5])
            lines[1200] = ""
            lines[1300] = "  "
            lines[1400] = lines[1400].replace(",curated,", ',cur"ated,', 1)
            lines[15000] = lines[15000].replace(",curated,", ',curated,"never closed ', 1)
            ev = "\r\n".join(lines)
        if name == "messy_lf":
            lines = ev.split("\n")
            lines[700] = "   "
            lines[800] = "," * (len(EVENT_COLUMNS) - 1)
            lines[1700] = lines[1700].replace(",curated,", ",cur\rated,", 1)
            ev = "\n".join(lines)
        out = folder / name
        out.mkdir(parents=True, exist_ok=True)
        prefix = "" if name == "messy_lf" else "\ufeff"
        (out / "events.csv").write_bytes((prefix + ev).encode("utf-8"))
        (out / "sources.csv").write_bytes(src.encode("utf-8"))


def build_all(folder: Path, python: str, into: Path) -> None:
    for name in INPUTS:
        out = into / name
        shutil.rmtree(out, ignore_errors=True)
        src = folder / name
        subprocess.run(
            [python, "-m", "geomap", "build", "--events", "events.csv", "--sources", "sources.csv", "--out", out],
            cwd=src,
            check=False,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )


def _normal(data: bytes, name: str) -> bytes:
    return _IDS.sub(b"_<id>", data) if name.endswith(".html") else data


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("action", choices=("inputs", "save", "check"))
    ap.add_argument("dir", type=Path)
    ap.add_argument("--python", default=sys.executable)
    args = ap.parse_args(argv)
    folder = args.dir.resolve()
    if args.action == "inputs":
        write_inputs(folder)
        return 0
    into = folder / ("golden" if args.action == "save" else "now")
    build_all(folder, args.python, into)
    if args.action == "save":
        return 0
    bad = 0
    for name in INPUTS:
        for out in OUTPUTS:
            a, b = folder / "golden" / name / out, into / name / out
            if not a.exists() or not b.exists():
                same = a.exists() == b.exists()
            else:
                same = _normal(a.read_bytes(), out) == _normal(b.read_bytes(), out)
            if not same:
                bad += 1
                print(f"DIFFERS: {name}/{out}")
    print("all outputs equal" if not bad else f"{bad} output(s) differ")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
