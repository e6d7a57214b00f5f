"""Sentence splitting and removal of web-page boilerplate.

A small rule-based splitter: statistical ones (NLTK punkt, spaCy) need model
downloads, and news text splits well on punctuation plus a list of
abbreviations. Line breaks always end a sentence, so headlines and
sub-headings stay on their own.
"""

from __future__ import annotations

import re
from typing import NamedTuple

#: Abbreviations after which a full stop does not end a sentence.
ABBREVIATIONS = frozenset(
    """
mr mrs ms dr prof gen lt col maj capt sgt cpl brig adm gov sen rep st jr sr no nos vs
u.s u.k u.n e.g i.e etc approx jan feb mar apr jun jul aug sep sept oct nov dec
inc ltd co corp dept est fig mt ft pvt
""".split()
)

#: Lines that end the article body on scraped pages (sidebars, teasers).
_END_OF_BODY = re.compile(
    r"^\s*(?:recent(?: posts| news| stories)?|related(?: articles| posts| stories| news)?|"
    r"read more\b(?!\s*:\s*\w).*|more stories|you may also like|also read|popular posts|"
    r"trending|latest news|share this(?: article)?|tags?:.*|source:.*|"
    r"copyright\b.*|©.*|all rights reserved.*|"
    # a page's footer: comments, sharing, subscribing
    r"leave a (?:reply|comment)|your email address will not be published.*|post comment|"
    r"\d* ?comments?|(?:\d+ )?responses?|back to top(?: button)?|follow us on\b.*|"
    r"join (?:us|our) (?:on )?(?:telegram|whatsapp)\b.*|source link|developed by\b.*|latest from\b.*|"
    r"\+ posts|about the author|"
    # readers' comments with no heading: a comment form's line, a comment's age, its "Reply"
    r"post your comments?|please enter your (?:comment|name)(?: here)?!?|no comments\b.*|"
    r"be (?:the )?first to (?:comment|write a comment)\b.*|\d+ (?:minutes?|hours?|days?|weeks?|months?|years?) ago|"
    r"reply|"
    # a closed thread; links to the previous and next stories (the label often glued to
    # their headline); the print edition's credit ("Published in <paper>, <date>")
    r"comments? (?:are|is) (?:now )?closed\.?|(?:previous|prev|next|older|newer) (?:article|post|story)\b.*|"
    r"(?:previous|next) ?(?:article|post|story)(?=[A-Z]).*|published in [^.!?]{2,60}\b(?:19|20)\d\d\.?)\s*»?\s*$",
    re.I,
)
#: Single lines to drop but keep reading after.
_SKIP_LINE = re.compile(
    r"^\s*(?:see also:.*|advertisement|photo:.*|file photo.*|https?://\S+|"
    # a teaser of another story in the body ("Read more: ..." ends nothing)
    r"read more\s*:\s*\w.*|follow us on\b.*|join (?:us|our) (?:on )?(?:telegram|whatsapp)\b.*|"
    r".{0,40}\bwhatsapp channel|click here to read more\b.*)\s*$",
    re.I,
)

#: Longest sentence read as one: a longer run of text without a full stop
#: (a scraped table, a 19 MiB one-line file) is cut into pieces of at most
#: this many characters, at a comma or space, so that the work per sentence
#: is bounded and extraction time stays linear in the size of the text.
MAX_SENTENCE_CHARS = 1000
_CUT = re.compile(r"[,;:]\s|\s")

_BOUNDARY = re.compile(r"""([.!?…]+["'”’)\]]*)(\s+)(?=["'“‘(\[]?[A-Z0-9])""")


class Sentence(NamedTuple):
    """A sentence with its character offset in the cleaned text.

    (A named tuple, not a frozen dataclass: one is made per sentence, and a
    frozen dataclass sets each field through ``object.__setattr__``.)
    """

    text: str
    start: int
    index: int
    paragraph: int


def clean_text(text: str) -> str:
    """A scraped page's text made plain prose (:func:`.pagetext.page_text`),
    then web boilerplate dropped: cut at sidebar and footer markers
    (:data:`_END_OF_BODY`), single lines emptied (:data:`_SKIP_LINE`: "see
    also", photo lines, a teaser in the body).

    The cut happens only after the first 30% of the text, so a short
    article that opens with a 'Source:' line keeps its body.
    """
    # (imported here: pagetext imports ABBREVIATIONS, _END_OF_BODY and _SKIP_LINE from this module)
    from .pagetext import page_text

    text = page_text(text)
    lines = text.splitlines()
    out: list[str] = []
    total = len(text)
    pos = 0
    for line in lines:
        if _END_OF_BODY.match(line) and pos > total * 0.3:
            _drop_debris_above(out)
            break
        pos += len(line) + 1
        if _SKIP_LINE.match(line):
            out.append("")
            continue
        out.append(line)
    return "\n".join(out)


#: A sentence's end: its stop, then any closing quotes and brackets.
SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")


def _drop_debris_above(out: list[str]) -> None:
    """Empty the lines between the story's last sentence and the footer
    that ends the body: a run of lines that are no prose (no sentence end,
    or three words at most: a paper's credit, links to the previous and
    next stories, "Comments are closed.") right above the footer. The run
    stops at the first prose line, so the story's own last paragraph
    stays; a run that reaches the top is left as it is."""
    i = len(out) - 1
    run = []
    while i >= 0:
        s = out[i].strip()
        if s and s.count(" ") >= 3 and SENTENCE_END.search(s[-4:]):
            break
        if s:
            run.append(i)
        i -= 1
    if i < 0:
        return
    for k in run:
        out[k] = ""


#: Initials such as "A." or "J.K." (without the last full stop).
_INITIALS = re.compile(r"(?:[a-z]\.)*[a-z]")


def _ends_with_abbreviation(chunk: str) -> bool:
    # The word before a final full stop: the last whitespace-separated token
    # (what a search for r"(\S+)\.$" finds, without scanning the chunk).
    if not chunk.endswith("."):
        return False
    word = chunk.rsplit(None, 1)[-1][:-1]
    if not word:
        return False
    word = word.lower().lstrip("(\"'“")
    if word in ABBREVIATIONS:
        return True
    return bool(_INITIALS.fullmatch(word))


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences; blank lines separate paragraphs.

    >>> [s.text for s in split_sentences("Talks began. Gen. Asim spoke.\\nNext line")]
    ['Talks began.', 'Gen. Asim spoke.', 'Next line']
    """
    sentences: list[Sentence] = []
    paragraph = 0
    offset = 0
    for line in text.split("\n"):
        if not line.strip():
            paragraph += 1
            offset += len(line) + 1
            continue
        start = 0
        for m in _BOUNDARY.finditer(line):
            end = m.end(1)
            if _ends_with_abbreviation(line[start:end]):
                continue
            _add(sentences, line, start, end, offset, paragraph)
            start = m.end()
        _add(sentences, line, start, len(line), offset, paragraph)
        offset += len(line) + 1
        paragraph += 1
    return sentences


def _add(out: list[Sentence], line: str, start: int, end: int, offset: int, paragraph: int) -> None:
    while end - start > MAX_SENTENCE_CHARS:
        # The last comma or space of the allowed length ends a piece (a hard
        # cut when there is none).
        cut = start + MAX_SENTENCE_CHARS
        window = line[start + MAX_SENTENCE_CHARS // 2 : cut]
        breaks = [m.end() for m in _CUT.finditer(window)]
        if breaks:
            cut = start + MAX_SENTENCE_CHARS // 2 + breaks[-1]
        _add_one(out, line, start, cut, offset, paragraph)
        start = cut
    _add_one(out, line, start, end, offset, paragraph)


def _add_one(out: list[Sentence], line: str, start: int, end: int, offset: int, paragraph: int) -> None:
    chunk = line[start:end]
    stripped = chunk.strip()
    if not stripped:
        return
    lead = len(chunk) - len(chunk.lstrip())
    out.append(Sentence(stripped, offset + start + lead, len(out), paragraph))
