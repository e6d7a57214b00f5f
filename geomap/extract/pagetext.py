"""A scraped page's text made into plain prose, before boilerplate is cut.

A scraper saves what the page shows: HTML entities and odd spaces left in
the characters, mojibake (UTF-8 read as a single-byte code page), paragraphs indented,
text hard-wrapped every 60-80 characters (sometimes with a blank line after
every wrapped line), sentences glued without the space after their full
stop, and lines of the page around the story (navigation, bylines, a
scraper's date line, photo credits). The sentence splitter ends a sentence
at every line break, so a wrapped line cut in the middle of a sentence loses
what the sentence said across the break (a toll, the day of a closure).

:func:`page_text` repairs the characters (:mod:`.pagechars`), the
indentation, the wrapping (even or uneven) and the glued sentences, and
drops the page's own lines that are never a story's words: captions
written twice, other stories' headlines with their first sentence cut off,
bylines, credits. :func:`body_headlines` finds the headline-like lines
inside the body, which the driver reads only when the body bears them out.
It leaves clean prose (one paragraph a line, as the dev sets are)
unchanged: each step only acts on what clean prose does not hold.
"""

from __future__ import annotations

import re

from .livestamps import drop_stamps
from .pagechars import fix_characters  # (also imported from here)
from .sentences import _END_OF_BODY, _SKIP_LINE, ABBREVIATIONS
from .sentences import SENTENCE_END as _SENTENCE_END

# --------------------------------------------------------------- the page's own lines

#: Lines of the page, not of the story: bullets of other stories at the top,
#: language links, a scraper's date line, bylines and agency lines, photo
#: credits and captions marked by their credit.
_PAGE_LINE = re.compile(
    r"""^(?:
      (?:english|urdu|pashto|dari|اردو|پښتو|دری|فارسی|\s|\|)+            # language links
    | read\ in\ (?:urdu|english|pashto|dari)
    | date\ \d{4}-\d\d-\d\d(?-i:\ [A-Z][A-Z &]+)?                       # a scraper's date line
    | by\ (?:staff\ report(?:er)?|our\ (?:staff\ )?(?:correspondent|reporter)|(?:news|web)\ desk|agencies)
    | (?:news|web|monitoring|staff|sports|business)\ desk
    | staff\ report(?:er)?|our\ correspondent|agencies
    | (?:afp|reuters|ap|app|ppi|nni|inp|online|anadolu|xinhua|dpa|tolo\ ?news|pajhwok)
      (?-i:\ *[,/]\ *[A-Z][A-Za-z]+(?:\ [A-Z][A-Za-z]+)?)?             # an agency, with its city
    | \(?file\ (?:photo|image|picture)\)?
    | (?:photo|image|picture)s?(?:\ credit)?\ *[:/].{0,60}
    | image\ courtesy\b.{0,60}
    | this\ is\ a\ developing\ story\b.*
    )\s*$""",
    re.I | re.X,
)
#: A photo's caption ended by its credit ("... near the border. — AFP",
#: "... the fence [AFP]").
_CAPTION = re.compile(
    r".{20,180}\s[—–─-]\s?(?:photo:\s)?(?:afp|reuters|ap|app|ppi|online|dawn|file|inp|nni)(?:/file|\sphoto)?\s*"
    r"|.{10,180}\s\[(?:afp|reuters|ap|epa|getty(?: images)?|ap photo|file)\]",
    re.I,
)
#: What a caption's credit follows (a box-drawing "─" on some pages).
_DASHES = ("—", "–", "─", " - ")
#: A wire photo's caption, ended by its credit in brackets ("... (AP Photo/Name, File)"):
#: long, often the whole story's lead retold, and repeated.
_PHOTO_CREDIT = re.compile(
    r".{20,900}\((?:(?:AP|AFP|EPA|Reuters|Xinhua|Anadolu)\s+(?:Photo|Image)\b|(?:Photo|Image)\s*[:/])[^()]{0,80}\)"
)
#: A teaser's start ("Also read: ...", "Related: ..."): a link to another
#: story. Here it never takes the next line (a caption, a paragraph) in; the
#: extractor's driver (:mod:`.core`) drops a sentence that starts so.
TEASER = re.compile(r"\s*(?:also\s+read|read\s+(?:more|also)|related(?:\s+stor(?:y|ies))?|see\s+also)\s*:", re.I)

#: A scraper's date line in front of the first paragraph ("date 2024-03-18 NATIONAL WANA: ...").
_DATE_PREFIX = re.compile(r"^\s*date \d{4}-\d\d-\d\d (?:[A-Z][A-Z&]+(?: [A-Z][A-Z&]+)? )?(?=\S)")
_SECTION = frozenset(
    "national world pakistan international regional afghanistan latest top stories business "
    "khyber pakhtunkhwa balochistan front page news".split()
)
#: A bullet at a line's start (navigation lists of other stories).
_BULLET = re.compile(r"^\s*[•·▪►»*\-–]\s+\S")
#: A bullet's mark, with the spaces after it.
_BULLET_MARK = re.compile(r"^\s*[•·▪►»*\-–]\s+")
#: A Latin letter or a figure.
_LATIN = re.compile(r"[A-Za-z0-9]")


#: The end of a teaser's first sentence, cut off.
_CUT_OFF = ("...", "…")


def _top_block(lines: list[str]) -> int:
    """Index of the first prose line (not a bullet, at least seven words,
    ending a sentence, not cut off with an ellipsis): the page's header is
    above."""
    for i, line in enumerate(lines):
        s = line.strip()
        if s.count(" ") >= 6 and not _BULLET.match(s) and _SENTENCE_END.search(s[-4:]) and not s.endswith(_CUT_OFF):
            return i
    return 0


def drop_page_lines(text: str) -> str:
    """The page's own lines (see :data:`_PAGE_LINE`) and captions with
    their credit emptied; bullets above the last page line before the first
    prose line emptied (navigation to other stories); a scraper's date
    prefix cut. Read after unwrapping: a caption or a date prefix wrapped
    over two lines is whole only then.

    Emptied, not removed: the line count (and so the paragraphs) stays.
    """
    lines = text.split("\n")
    # Bullets above the page's last header line (a language link, a date
    # line, a byline) are navigation to other stories; bullets below it, or
    # with no such line, are the story's key points.
    top = _top_block(lines)
    nav = max((i for i in range(top) if lines[i].strip() and _PAGE_LINE.match(lines[i].strip())), default=-1)
    for i, line in enumerate(lines):
        s = line.strip()
        if not s:
            continue
        if s.startswith("date ") and _DATE_PREFIX.match(s) and not _PAGE_LINE.match(s):
            lines[i] = s = _date_prefix_cut(s)
        if i < nav and _BULLET.match(s):
            lines[i] = ""
        elif len(s) < 200 and (_PAGE_LINE.match(s) or TEASER.match(s)):
            lines[i] = ""
        elif not s.isascii() and not _LATIN.search(s):
            lines[i] = ""  # no Latin letter or figure: a site's Urdu or Pashto menu words, never English prose
        elif (
            len(s) < 220
            and ("—" in s or "–" in s or "─" in s or " - " in s or s.endswith("]"))
            and _CAPTION.fullmatch(s)
        ):
            lines[i] = ""
        elif s.endswith(")") and len(s) < 1000 and _PHOTO_CREDIT.fullmatch(s):
            lines[i] = ""
    _drop_snippets(lines)
    _drop_headlines(lines, top)
    return "\n".join(lines)


#: A label over links to other stories ("Must Read", "Trending Now").
_LABEL = re.compile(
    r"(?:must\s+read|trending(?:\s+now)?|don'?t\s+miss|editor'?s\s+picks?|top\s+stories|"
    r"recommended(?:\s+for\s+you)?|more\s+(?:from|in)\s+\w+(?:\s+\w+)?|you\s+may\s+(?:also\s+)?like)\s*:?",
    re.I,
)


def _drop_snippets(lines: list[str]) -> None:
    """Other stories' headlines each with its first sentence cut off
    ("... across the..." ending in an ellipsis) emptied, and the label
    above them ("Must Read"): a story's own paragraph never ends cut off
    under a headline-like line."""
    prev = -1  # the last non-blank line
    for i, line in enumerate(lines):
        s = line.strip()
        if not s:
            continue
        if s.endswith(_CUT_OFF) and not s.endswith("....") and prev >= 0:
            head = lines[prev].strip()
            if s.count(" ") >= 3 and head.count(" ") >= 2 and _headline(head):
                lines[i] = lines[prev] = ""
                # the label over the list
                above = prev - 1
                while above >= 0 and not lines[above].strip():
                    above -= 1
                if above >= 0 and _LABEL.fullmatch(lines[above].strip()):
                    lines[above] = ""
        prev = i


def _headline(s: str) -> bool:
    """Whether line ``s`` reads as a headline: at most fifteen words (a
    news headline runs to thirteen or fourteen), no sentence end, not a
    bullet, and no marker that sentences.py reads (the end of the body, a
    line to skip)."""
    return (
        s.count(" ") < 15
        and not _SENTENCE_END.search(s[-4:])
        and not _BULLET.match(s)
        and not _END_OF_BODY.match(s)
        and not _SKIP_LINE.match(s)
    )


def _drop_headlines(lines: list[str], top: int) -> None:
    """Headline-like lines above the story emptied (at least four words, no
    sentence end, not a bullet, not all capitals: another story's headline,
    the page's breadcrumb, the story's own title again).

    Not inside the body: there such a line is as often the story's own
    sub-heading, and sub-headings can hold the only mention of an incident
    (dropping them cost a validation set two matches), so another story's
    bare headline between two paragraphs is read as a sub-heading."""
    for i in range(top):
        s = lines[i].strip()
        if 3 <= s.count(" ") and _headline(s) and s != s.upper():
            lines[i] = ""
        elif " | " in s and not _SENTENCE_END.search(s[-4:]):
            # items set apart by bars above the story: a menu, an edition's
            # date, authors with their stamps ("A | B Published ...")
            lines[i] = ""
        elif _label(s) and not _key_point(next((x for x in lines[i + 1 :] if x.strip()), "")):
            # one or two words above the story, bulleted or not: a social
            # link ("• youtube"), a share count, a label ("LIVE", "Latest
            # news"); each pushed the lead down a sentence, and the lead's
            # toll and day with it (a dateline alone, "PESHAWAR:", ends with
            # its colon; a label over key points, "Key points", is the story's)
            lines[i] = ""


def _label(s: str) -> bool:
    """Whether line ``s`` is one or two words of Latin letters or figures
    with no sentence end, and not a dateline ("PESHAWAR:", "QUETTA -",
    "KABUL, Monday")."""
    words = _BULLET_MARK.sub("", s).split()
    return (
        0 < len(words) <= 2
        and "," not in s
        and not _SENTENCE_END.search(s[-4:])
        and not s.endswith((":", "-", "\u2014", "\u2013"))
        and _LATIN.search(s) is not None
    )


def _key_point(s: str) -> bool:
    """Whether line ``s`` is a bullet of three words or more (a story's key
    point; "• youtube" is a social link)."""
    return _BULLET.match(s) is not None and _BULLET_MARK.sub("", s).count(" ") >= 2


def body_headlines(text: str) -> frozenset[str]:
    """Headline-like lines below the first paragraph of the body (stripped).

    A line of three to fifteen words with no sentence end, not a bullet, with
    prose above it (between two paragraphs, or the last line before the
    footer that ends the body): the story's own sub-heading or another
    story's bare headline (a teaser), which cannot be told apart by their
    form. :func:`geomap.extract.core.extract_article` keeps the events such
    a line yields only when the body reports them too (see there).
    """
    lines = [line.strip() for line in text.split("\n")]
    top = _top_block(lines)
    prose = [i for i, s in enumerate(lines) if s]
    heads = set()
    for k in range(1, len(prose)):
        i = prose[k]
        s = lines[i]
        # a question set in bold ("**What happens next?**") is an
        # explainer's sub-heading, a sentence: not a headline
        if i > top and s.count(" ") >= 2 and _headline(s) and not _SENTENCE_END.search(s.rstrip("*_ ")[-4:]):
            heads.add(s)
    return frozenset(heads)


def _date_prefix_cut(line: str) -> str:
    m = _DATE_PREFIX.match(line)
    assert m is not None
    section = line[len("date 2024-01-01 ") : m.end()].strip()
    if section and not set(section.lower().split()) <= _SECTION:
        # not a section name ("date 2024-03-18 WANA: ..."): the capitals are the dateline
        return line[len("date 2024-01-01 ") :]
    return line[m.end() :]


def drop_doubled(text: str) -> str:
    """A short text (four words to 300 characters, on one to three lines)
    written twice in a row emptied, both times: a photo's alt text and its
    caption, which pages print one above the other, with or without a
    credit. An article's own paragraph is never written twice running.

    The first copy may be wrapped otherwise and start with other words (a
    scraper's date line glued before it): it is found at the end of the
    lines above the second copy, and cut from them. Read before unwrapping:
    a caption that is not a sentence would be joined to the paragraph under
    it.
    """
    lines = text.split("\n")
    full = [i for i, line in enumerate(lines) if line.strip()]
    changed = False
    for k in range(1, len(full)):
        for m in (1, 2, 3):
            if k + m > len(full) or not lines[full[k]].strip():
                break
            copy = " ".join(lines[i].strip() for i in full[k : k + m])
            if len(copy) > 300:
                break
            if copy.count(" ") < 3:
                continue
            before = [i for i in full[max(0, k - 3) : k] if lines[i].strip()]
            joined = " ".join(lines[i].strip() for i in before)
            if not (joined == copy or joined.endswith(" " + copy)):
                continue
            for i in full[k : k + m]:
                lines[i] = ""
            left = len(copy)
            for i in reversed(before):  # the first copy cut from the lines above
                s = lines[i].strip()
                if len(s) <= left:
                    lines[i] = ""
                    left -= len(s) + 1
                else:
                    lines[i] = s[: len(s) - left].rstrip()
                    break
                if left <= 0:
                    break
            changed = True
            break
    return "\n".join(lines) if changed else text


# ------------------------------------------------------------- wrapping


def _is_wrapped(lines: list[str]) -> tuple[bool, int, bool]:
    """Whether the text is hard-wrapped, its width, and whether a blank
    line follows every wrapped line.

    Hard-wrapped: most long lines (at least 40 characters) end without a
    sentence end, and no line is much longer than the others. Clean prose,
    one paragraph a line, has its long lines end with a full stop.
    """
    long = [s for s in lines if len(s) >= 40]
    widths = sorted(len(s) for s in long)
    width = widths[int(len(widths) * 0.9)] if widths else 0
    open_ends = sum(1 for s in long if not _SENTENCE_END.search(s[-4:]))
    if len(long) < 4 or open_ends < 0.5 * len(long) or width > 120:
        # Unevenly wrapped: some paragraphs left whole (longer than any
        # wrapped line), others wrapped narrow (down to 25 characters); the
        # wrapped lines, most open, outnumber the whole ones. Or a short
        # story with a paragraph wrapped: lines that go on in lower case on
        # the next line (prose never breaks so), two, or one among mostly
        # open lines.
        fit = [s for s in lines if 25 <= len(s) <= 120]
        over = sum(1 for s in lines if len(s) > 120)
        open_ends = sum(1 for s in fit if not _SENTENCE_END.search(s[-4:]))
        goes = sum(1 for i in range(len(lines) - 1) if _goes_on(lines, i, 25) and lines[i + 1])
        mostly_open = len(fit) >= 2 and open_ends >= 0.5 * len(fit)
        if not (goes >= 2 or (mostly_open and (goes >= 1 or (len(fit) >= 4 and open_ends >= over)))):
            return False, 0, False
        widths = sorted(len(s) for s in fit)
        width = min(120, widths[int(len(widths) * 0.9)])
    # Double-spaced: a sentence that goes on in lower case does so after a
    # blank line more often than on the next line.
    gaps = [lines[i + 1] == "" for i in range(len(lines) - 2) if _goes_on(lines, i)]
    double = sum(gaps) > len(gaps) / 2
    return True, widths[-1] if widths[-1] <= width + 12 else width, double


def _goes_on(lines: list[str], i: int, shortest: int = 40) -> bool:
    """Whether line ``i`` (at least ``shortest`` characters) ends
    mid-sentence and the next non-blank line (at most one blank line after
    it) starts in lower case."""
    if len(lines[i]) < shortest or _SENTENCE_END.search(lines[i][-4:]):
        return False
    nxt = lines[i + 1] or (lines[i + 2] if i + 2 < len(lines) else "")
    return nxt[:1].islower()


def _title_case(line: str) -> bool:
    """Whether most longer words of ``line`` are capitalised (a headline's
    form: "Border Talks Resume at Torkham"); a paragraph's first line is
    not."""
    words = [w for w in line.split() if len(w) > 3]
    return len(words) >= 2 and sum(w[:1].isupper() for w in words) >= 0.75 * len(words)


def unwrap(text: str) -> str:
    """Hard-wrapped lines joined into their paragraphs.

    A long line that ends in the middle of a sentence is joined to the next
    line when the next line's first word would not have fitted on it (the
    line was full, so the break is the wrapper's) or when the next starts in
    lower case; not to a bullet, a teaser, a byline, and not after a whole
    caption or a teaser's headline. A blank line ends a paragraph, except in
    a page that double-spaces every line, where one blank line is crossed
    the same way. Text that is not hard-wrapped (see :func:`_is_wrapped`) is
    returned unchanged.
    """
    if "\n" in text and _LONE_STOP.search(text):
        text = _LONE_STOP.sub(r"\1", text)
    lines = [line.strip() for line in text.split("\n")]
    wrapped, width, double = _is_wrapped(lines)
    if not wrapped:
        return text
    crossed = 1 if double else 0
    n = len(lines)
    # Where the wrapper's width changes from line to line (a column pasted
    # from several boxes, 40 to 75 characters), a line may end well short of
    # its neighbours though the next word would have fitted on them: the
    # narrow end of the lines that surely go on (in lower case on the next
    # line: their tenth percentile, not the narrowest, which on a page with
    # short captions and headlines glues them to the story) is the page's
    # floor, and an open line at least that long goes on too.
    floor = _floor(lines, double)
    # Where pages wrap unevenly (several columns, a text box pasted in), a
    # paragraph wrapped at 40 characters in a page wrapped at 90 is full at
    # 40: a line's own width is the longest of it, the line after it, and
    # the line before it when that one goes on (a headline over a paragraph
    # in title case stays short beside the paragraph's first line, unless
    # the next line goes on in lower case).
    local = [width] * n
    if not double:
        for k in range(n):
            before = len(lines[k - 1]) if k and lines[k - 1] and not _SENTENCE_END.search(lines[k - 1][-4:]) else 0
            after = len(lines[k + 1]) if k + 1 < n else 0
            if before or not _title_case(lines[k]) or lines[k + 1 if k + 1 < n else k][:1].islower():
                local[k] = min(width, max(before, len(lines[k]), after))
    out: list[str] = []
    i = 0
    while i < n:
        if not lines[i]:
            out.append("")
            i += 1
            continue
        # the paragraph's lines (a list: adding to a string would be
        # quadratic in a megabyte of wrapped text) and its length so far
        parts = [lines[i]]
        size = len(lines[i])
        while True:
            j = i + 1
            blanks = 0
            while j < n and not lines[j]:
                j += 1
                blanks += 1
            if j >= n or blanks > crossed or not _joins(lines[i], lines[j], local[i], parts, size, floor):
                break
            parts.append(lines[j])
            size += 1 + len(lines[j])
            i = j
        out.append(" ".join(parts))
        i += 1
    return "\n".join(out)


def _joins(line: str, nxt: str, width: int, parts: list[str], size: int, floor: int = 0) -> bool:
    """Whether wrapped ``line`` (the last of ``parts``, the lines joined so
    far, ``size`` characters joined) goes on on ``nxt``; ``floor``: the
    page's narrow lines that surely go on (0: none known, see :func:`_floor`)."""
    if _SENTENCE_END.search(line[-4:]) and not (nxt[:1].islower() and _abbreviated(line)):
        return False  # a sentence's end: a break there costs nothing
    full = len(line) >= width * 0.6 and (len(line) + 1 + len(nxt.split(" ", 1)[0]) > width or nxt[:1].islower())
    # (inside a paragraph already joined over a break, on a page wrapped at
    # a width that changes every line, an open line goes on: a paragraph
    # does not end mid-sentence, "... closed both Torkham and Ghulam" then
    # "Khan for nearly a month.")
    inside = len(parts) >= 2 and not _title_case(parts[0])
    if not full and not (floor and len(line) >= min(floor, 25) and (inside or _open(line, nxt, len(line) >= floor))):
        # a short line (a headline, a paragraph's end) or one the next word
        # would have fitted: joining there may glue a caption or a teaser
        # to the story
        return False
    if _BULLET.match(nxt) or TEASER.match(nxt) or (nxt[:1].isupper() and TEASER.match(parts[0])):
        return False  # a list's next item; a teaser, or a teaser's headline then the next line
    if _PAGE_LINE.match(nxt) and not line.endswith(("\u2014", "\u2013", "-")):
        return False  # a byline or date line under a long one (a caption's credit is joined)
    return not (size < 220 and _CAPTION.fullmatch(" ".join(parts)))  # a whole caption


#: A sentence's last marks alone on a line (a fixed-width wrapper that
#: breaks before the full stop), with the line above them that ends open:
#: the marks go back onto that line.
_LONE_STOP = re.compile(r"(?<=[^\s.!?…])[ \t]*\n[ \t]*([.,;:!?…]+[\"'”’)\]]*)[ \t]*(?=\n|$)")

#: Words a sentence or a headline does not end on (articles, prepositions,
#: conjunctions): a line ending on one goes on on the next line.
_OPEN_WORDS = frozenset(
    "a an the of in on at to from by for with into onto over under near and or but as than that "
    "which who whose whom its their his her our this these those between among across along about "
    "after before during against through towards toward within without since until while if when "
    "inside outside beyond behind around including via per upon".split()
)


def _abbreviated(line: str) -> bool:
    """Whether ``line`` ends on an abbreviation's full stop ("5 a.m.", "Gen."),
    which ends no sentence when the next line goes on in lower case."""
    word = line.rsplit(" ", 1)[-1].lower()
    return word.endswith(".") and (word[:-1] in ABBREVIATIONS or "." in word[:-1])


def _open(line: str, nxt: str, wide: bool) -> bool:
    """Whether ``line`` plainly goes on on ``nxt``: the next starts in lower
    case, or the line ends on a comma or a word no sentence ends on, or
    (``wide``: as long as the page's narrow wrapped lines) it is not in a
    headline's title case or holds two commas."""
    if nxt[:1].islower() or line.endswith((",", ";", ":")) or line.rsplit(" ", 1)[-1].lower() in _OPEN_WORDS:
        return True
    # (a line of prose thick with names reads as title case; a headline
    # seldom holds two commas)
    return wide and (not _title_case(line) or line.count(",") >= 2)


def _floor(lines: list[str], double: bool) -> int:
    """The tenth percentile of the lengths of a wrapped page's lines that
    surely go on (ending open, the next line in lower case right under it,
    or one blank line lower on a double-spaced page); 0 when fewer than
    four are seen."""
    step = 2 if double else 1
    sure = sorted(
        len(lines[i])
        for i in range(len(lines) - step)
        if len(lines[i]) >= 25 and lines[i + step][:1].islower() and not _SENTENCE_END.search(lines[i][-4:])
    )
    return sure[len(sure) // 10] if len(sure) >= 4 else 0


# ------------------------------------------------------------- glued sentences

#: "October.Five": a word (or a figure, or a closing quote or bracket) ended
#: by a full stop, then a capitalised word.
_GLUED = re.compile(r"(?<=[A-Za-z0-9)\"”’])([.!?][\"”’)]?)(?=[A-Z][a-z])")


#: What _GLUED finds, without its look-behind: a quick test (three times faster).
_GLUED_ANY = re.compile(r"[.!?][\"”’)]?[A-Z][a-z]")


def unglue(text: str) -> str:
    """A space put back after a sentence end glued to the next sentence.

    Not after abbreviations ("Gen.Asim") or initials; domain names
    ("dawn.com") and decimals never match, being lower case or figures
    after the full stop.

    >>> unglue("Shops shut in October.Five civilians were hurt.")
    'Shops shut in October. Five civilians were hurt.'
    """
    if not _GLUED_ANY.search(text):
        return text

    def space(m: re.Match) -> str:
        if len(m.group(1)) > 1:
            return m.group(0) + " "  # a quote closed after the full stop: no abbreviation
        start = text.rfind(" ", 0, m.start()) + 1
        word = text[start : m.start()].lower().lstrip("(\"'“‘")
        if word in ABBREVIATIONS or "." in word or len(word) < 2:
            return m.group(0)
        return m.group(0) + " "

    return _GLUED.sub(space, text)


# ------------------------------------------------------------- the whole page


#: Spaces or tabs between two words; spaces or tabs at a line's end.
_SPACE_RUN = re.compile(r"(?<=\S)[ \t]{2,}(?=\S)")
_LINE_END_SPACE = re.compile(r"[ \t]+(?=\n|$)")


def page_text(text: str) -> str:
    """A scraped page's text as plain prose: characters, a live blog's
    stamps (:mod:`.livestamps`), captions written twice, indentation and
    wrapping, page lines and glued sentences repaired (in that order).

    Indentation is stripped where lines are hard-wrapped; elsewhere the
    splitter strips each sentence anyway.
    """
    text = fix_characters(text)
    if "  " in text or "\t" in text:
        # runs of spaces between words and spaces ending a line (a page's
        # no-break spaces, once made spaces): one space, as prose has
        text = _SPACE_RUN.sub(" ", _LINE_END_SPACE.sub("", text))
    text = drop_stamps(text)
    text = drop_doubled(text)
    text = unwrap(text)
    text = drop_page_lines(text)
    return unglue(text)
