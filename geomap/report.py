"""Accounting of what a run could not use: nothing is lost silently.

A :class:`Report` collects one :class:`Problem` per row, article or place that
was rejected or could not be placed, with file, line, column and reason, and
keeps the counts so that ``read == kept + rejected`` can be checked.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import asdict, dataclass, field

from .exc import InputError

#: Characters that make a spreadsheet read a cell as a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def defuse(value):
    """``value`` with a ``'`` in front when a spreadsheet would run it as a formula.

    For CSV files meant to be opened in spreadsheets (exports, problem lists):
    their cells carry untrusted text. Leading spaces do not protect a cell
    (some spreadsheets trim them), so the first non-space character decides.
    Numbers are left alone.

    >>> defuse("=HYPERLINK(\"http://x\")"), defuse("  +1"), defuse("Torkham"), defuse(-3)
    ('\'=HYPERLINK("http://x")', "'  +1", 'Torkham', -3)
    """
    if isinstance(value, str) and value.lstrip(" ").startswith(FORMULA_START):
        return "'" + value
    return value


#: Characters a terminal may act on: C0 and C1 controls, DEL, and the
#: bidirectional overrides and isolates that reorder what is shown.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def terminal_safe(text) -> str:
    """``text`` with every control character written as a visible escape.

    For anything printed to a terminal: file names and cells come from the
    input, and an escape sequence in them would be run by the terminal.

    >>> terminal_safe("a\x1b[31mb\nc\u202e")
    'a\\x1b[31mb\\nc\\u202e'
    """
    return _CONTROL.sub(_escape, str(text))


def _escape(m: re.Match) -> str:
    ch = m.group()
    return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(ch) or (
        f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}"
    )


@dataclass(frozen=True)
class Problem:
    """One rejected row, unreadable article or unlocated place."""

    kind: str  #: "rejected", "unlocated", "warning"
    file: str
    line: int | None
    column: str | None
    reason: str
    value: str = ""  #: the offending value (e.g. the place name)

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
        if self.column:
            where += f" [{self.column}]"
        # file names and reasons quote the input: never raw to a terminal
        return terminal_safe(f"{self.kind}: {where}: {self.reason}")


def writable_text(text: str) -> str:
    """``text`` with the bytes of a file name that is not UTF-8 (kept by
    Python as lone surrogates) written ``\\xNN``: ``rejected.csv`` and the
    other reports failed to encode them, a traceback at the end of a build
    (the doc_ids of such files are made so too:
    :func:`geomap.extract.reading.name_text`)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return text


@dataclass
class Report:
    """Collects problems and counts of one run."""

    problems: list[Problem] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    def add(self, kind: str, file: str, line: int | None, column: str | None, reason: str, value: str = "") -> Problem:
        file, reason, value = (writable_text(t) if isinstance(t, str) else t for t in (str(file), reason, value))
        p = Problem(kind, file, line, column, reason, value)
        self.problems.append(p)
        return p

    def add_error(self, err: InputError, kind: str = "rejected", value: str = "") -> Problem:
        return self.add(kind, err.file or "", err.line, err.column, err.reason, value)

    def count(self, key: str, n: int = 1) -> None:
        self.counts[key] = self.counts.get(key, 0) + n

    def of_kind(self, kind: str) -> list[Problem]:
        return [p for p in self.problems if p.kind == kind]

    def extend(self, other: "Report") -> None:
        self.problems.extend(other.problems)
        for k, v in other.counts.items():
            self.count(k, v)

    def to_csv(self, kind: str | None = None) -> str:
        """CSV text of the problems of ``kind`` (all kinds, with a ``kind``
        column, when None); the header is always present. Text cells that a
        spreadsheet would run as formulas are defused (see :func:`defuse`)."""
        fields = ["file", "line", "column", "reason", "value"]
        if kind is None:
            fields.insert(0, "kind")
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=fields, lineterminator="\n")
        w.writeheader()
        for p in self.problems if kind is None else self.of_kind(kind):
            d = asdict(p)
            if kind is not None:
                d.pop("kind")
            w.writerow({k: defuse(v) for k, v in d.items()})
        return buf.getvalue()
