"""A live blog's clock stamps taken out of a scraped page's text.

A live page puts a stamp over each entry ("10:42 PKT", "2 hours ago",
"Updated 14:05", "Last updated: March 3, 2025 14:05"); saved as text, the
stamp is a line of its own, and where the page was wrapped it may fall
between two lines of one sentence. Left there, it ends the sentence at the
stamp (what the sentence says after it, a toll or the day of a closure, is
lost), and a wrapped line joined to it carries a clock time into the
story. :func:`drop_stamps` removes such lines whole, so that the lines
around them join again as the wrapper left them; a stamp in front of an
entry's first words ("10:42 PKT: Guards reopened ...") is cut from it.

A stamp is the whole line: a line that says anything more (a sentence
with a time in it: "the gate opened at 10:42") is left as it is.
"""

from __future__ import annotations

import re

#: A clock time: "10:42", "10.42", "9:05 am", with the time zone a
#: Pakistani, Afghan or wire page gives it, or "local time".
_CLOCK = (
    r"(?:[01]?\d|2[0-3])[:.][0-5]\d(?:\s?[ap]\.?m\.?)?"
    r"(?:\s+(?:PKT|PST|AFT|GMT|UTC|IST|BST|CET|EST|EDT|ET|local\s+time|\(?GMT\s?[+-]\s?\d{1,2}(?::?\d\d)?\)?))?"
)
#: An age: "2 hours ago", "5 mins ago", "1h ago", "yesterday", "just now".
_AGE = r"(?:(?:\d{1,3}|an?|one|few)\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?)\s+ago|just\s+now)"
#: A date as a stamp writes it: "March 3, 2025", "3 Mar 2025", "2025-03-03", "03/03/2025".
_DATE = (
    r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s+)?"
    r"(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?(?:\s+\d{4})?|[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?(?:\s+\d{4})?"
    r"|\d{4}-\d\d-\d\d|\d{1,2}/\d{1,2}/\d{2,4})"
)
#: A whole stamp line: a label ("Updated", "Last updated", "Posted",
#: "Published"), or none, then a time, an age or a date with a time (a
#: date alone is no live stamp: a dateline, a scraper's date line, a
#: heading of the day's entries).
_STAMP = re.compile(
    rf"""\s*(?:(?:last\s+)?updated|posted|published|edited)?\s*(?:at|on)?\s*:?\s*
    (?:{_CLOCK}|{_AGE}|{_DATE}(?:,?\s+(?:at\s+)?|\s*[|•·-]\s*){_CLOCK}|{_CLOCK},?\s+{_DATE})\s*""",
    re.I | re.X,
)
#: A clock stamp in front of an entry's first word: the time with its zone
#: or a dash or colon after it ("10:42 PKT Guards...", "14:05 — Guards...").
_LEADING = re.compile(
    r"(?:[01]?\d|2[0-3])[:.][0-5]\d(?:\s?[ap]\.?m\.?)?"
    r"(?:\s+(?:PKT|PST|AFT|GMT|UTC|IST|BST|local\s+time)\s*[:—–-]?|\s*[—–-]|:)\s+(?=[A-Z])",
    re.I,
)
#: What every stamp holds (a quick test: most pages hold none).
_ANY = re.compile(r"\d[:.][0-5]\d|\bago\b|just now", re.I)


def is_stamp(line: str) -> bool:
    """Whether ``line`` is a live blog's stamp and nothing more.

    Parameters
    ----------
    line : str

    Returns
    -------
    bool

    Examples
    --------
    >>> [is_stamp(s) for s in ("10:42 PKT", "Updated 14:05", "2 hours ago", "The gate opened at 10:42.")]
    [True, True, True, False]
    """
    return len(line) <= 60 and _STAMP.fullmatch(line) is not None


#: A bare age ("3 hours ago"): also a reader's comment's, which ends the
#: body (:mod:`.sentences`).
_BARE_AGE = re.compile(rf"\s*{_AGE}\s*", re.I)


def _live(lines: list[str]) -> bool:
    """Whether the page is a live blog: a stamp stands above its first line
    of prose (a line of seven words or more ending a sentence); a comment's
    age only ever follows the story."""
    for line in lines:
        s = line.strip()
        if is_stamp(s):
            return True
        if s.count(" ") >= 6 and s[-1:] in ".!?\"'”’":
            return False
    return False


def drop_stamps(text: str) -> str:
    """``text`` without the lines that are live stamps (removed, not
    emptied: the wrapped lines around one join again) and with a clock
    stamp cut from the front of a line.

    A bare age ("3 hours ago") goes only on a live blog's page or inside a
    wrapped sentence (the line above it long and open); elsewhere it is
    the age of a reader's comment, which ends the body, and stays.

    Parameters
    ----------
    text : str
        A scraped page's text, its lines kept.

    Returns
    -------
    str
    """
    if not _ANY.search(text):
        return text
    lines = text.split("\n")
    live = None
    out: list[str] = []
    changed = skip_blank = False
    for line in lines:
        s = line.strip()
        if skip_blank and not s:
            skip_blank = False
            continue  # (a stamp between two blank lines: one blank left, as between two lines)
        skip_blank = False
        if s and is_stamp(s):
            if _BARE_AGE.fullmatch(s):
                if live is None:
                    live = _live(lines)
                above = next((x.strip() for x in reversed(out) if x.strip()), "")
                if not live and not (len(above) >= 40 and above[-1] not in ".!?\"'”’"):
                    out.append(line)
                    continue
            changed = True
            skip_blank = bool(out) and not out[-1].strip()
            continue
        m = _LEADING.match(s) if s[:1].isdigit() else None
        if m:
            line, changed = s[m.end() :], True
        out.append(line)
    return "\n".join(out) if changed else text
