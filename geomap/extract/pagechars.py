"""A scraped page's characters repaired: entities, odd spaces, mojibake.

Mojibake is UTF-8 read as a single-byte code page: each byte of a curly
quote, a dash or an accented letter becomes a character of its own
(``’`` is ``â€™`` read as Windows-1252, ``вЂ™`` as Windows-1251, ``â``
and two control characters as Latin-1, and ``โ€`` as Thai cp874, which
has no character for the quote's last byte and loses it). Each code page's
characters are mapped back to their bytes and read as UTF-8 again.

Why not ``ftfy`` (the well-kept library for mojibake)? It does not know
cp874 (Thai), one of the code pages our pages come mis-read in, cannot put
back a byte the code page dropped, and is not installed with geomap: the
table below is three code pages of Python's own codecs.
"""

from __future__ import annotations

import html
import re

#: An HTML entity: named, decimal or hexadecimal.
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")

#: Spaces that are spaces (non-breaking, thin, ideographic...) and characters
#: that are nothing on the page (zero-width spaces and joiners, soft hyphens).
_SPACES = str.maketrans(
    {c: " " for c in "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"}
    | {c: None for c in "\u200b\u200c\u200d\u2060\ufeff\u00ad"}
)
#: The characters of _SPACES: each looked for with ``in`` (a scan in C,
#: some twenty times faster than a regex character class on news text).
_ODD = tuple(
    "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
    "\u200b\u200c\u200d\u2060\ufeff\u00ad"
)


def _bytes_of(codec: str) -> dict[str, int]:
    """Each character code page ``codec`` gives a byte 0x80-0xff, with its
    byte; a byte the code page leaves undefined is kept as the Latin-1
    character of its number (as browsers and lenient decoders keep it)."""
    table: dict[str, int] = {}
    for b in range(0x80, 0x100):
        try:
            table[bytes([b]).decode(codec)] = b
        except UnicodeDecodeError:
            table[chr(b)] = b
    return table


class _CodePage:
    """A code page UTF-8 is mis-read as: its characters' bytes and a pattern
    of a UTF-8 lead byte's character followed by one to three continuation
    bytes' characters, or the lead and first continuation of a quote
    (``E2 80``) whose last byte the code page dropped."""

    def __init__(self, table: dict[str, int], strict: bool) -> None:
        self.table = table
        lead = "".join(re.escape(c) for c, b in table.items() if 0xC2 <= b <= 0xF4)
        cont = "".join(re.escape(c) for c, b in table.items() if 0x80 <= b <= 0xBF)
        quote = next(c for c, b in table.items() if b == 0xE2) + next(c for c, b in table.items() if b == 0x80)
        self.pattern = re.compile(f"[{lead}][{cont}]{{1,3}}")
        #: the lead and first continuation of ``’“”‘`` with the last byte lost
        #: (or put as U+FFFD by the decoder that lost it)
        self.cut = re.compile(f"{quote}\ufffd?(?![{cont}])")
        self.quote = quote
        #: whether a repair must give a Latin letter or punctuation (the
        #: code page's own letters, Cyrillic or Thai, are real text when
        #: they read as anything else)
        self.strict = strict


#: Windows-1252 with Latin-1's control characters for 0x80-0x9f (a page read
#: as Latin-1 keeps them), then Windows-1251 and Thai cp874.
_WESTERN = _bytes_of("cp1252") | {chr(b): b for b in range(0x80, 0xA0)}
_PAGES = (_CodePage(_WESTERN, strict=False), _CodePage(_bytes_of("cp1251"), True), _CodePage(_bytes_of("cp874"), True))


def _plausible(ch: str, m: re.Match, n: int) -> bool:
    """Whether ``ch``, read from the first ``n`` characters of match ``m``,
    is what mojibake comes of on an English page: punctuation (quotes,
    dashes, the ellipsis, the bullet, the euro and trade mark signs), or a
    Latin letter with its accent whose bytes read as no letters after the
    first ("Г©" is "é"; "Её", "Ві" are Russian and Ukrainian words, not "Ÿ"
    and "³") or stand next to a Latin letter ("Cafรฉ": Thai letters are
    never written so)."""
    o = ord(ch)
    if 0x2010 <= o <= 0x205E or ch in "€™":
        return True
    if not 0xC0 <= o <= 0x24F:
        return False
    text, i, j = m.string, m.start(), m.start() + n
    return (
        not any(c.isalpha() for c in text[i + 1 : j])
        or (i > 0 and text[i - 1].isascii() and text[i - 1].isalpha())
        or (j < len(text) and text[j].isascii() and text[j].isalpha())
    )


def _utf8_again(page: _CodePage, m: re.Match) -> str:
    run = m.group(0)
    raw = bytes(page.table[c] for c in run)
    n = 2 if raw[0] < 0xE0 else 3 if raw[0] < 0xF0 else 4
    if len(raw) < n:
        return run  # a lead without its continuations: a real letter
    try:
        ch = raw[:n].decode("utf-8")
    except UnicodeDecodeError:
        return run  # not UTF-8 bytes: a real "Ã" or "â" followed by punctuation
    if page.strict and not _plausible(ch, m, n):
        return run
    if page is _PAGES[0] and n < len(raw):
        return run  # (Windows-1252: a run read whole or not at all, as before)
    return ch + run[n:]


def _cut_quote(text: str, m: re.Match, cp1252: bool) -> str:
    """The quote whose last byte was lost, from its place: Windows-1252
    lacks only the closing double quote's (``”``, which pages also set where
    a quote opens); cp874 lacks all four quotes', told apart by their
    neighbours (an opening quote after a space, an apostrophe between two
    letters, a closing one after a word).
    Between two spaces, the characters stay: no quote stands there."""
    before = text[m.start() - 1] if m.start() else " "
    after = text[m.end()] if m.end() < len(text) else " "
    if before.isspace() and after.isspace():
        return m.group(0)
    opening = (before.isspace() or before in "([{") and (after.isalnum() or after in "‘'")
    if opening:
        return "\u201c"  # (Windows-1252's lost ” too: where a quote opens, the sentence splitter looks for “)
    if not cp1252 and before.isalnum() and after.isalnum():
        return "\u2019"
    return "\u201d"


def fix_mojibake(text: str) -> str:
    """UTF-8 read as Windows-1252, Latin-1, Windows-1251 or Thai cp874 made
    UTF-8 again (see the module's docstring).

    Parameters
    ----------
    text : str

    Returns
    -------
    str
        ``text`` with each run of mojibake read back; other text unchanged.

    Examples
    --------
    >>> fix_mojibake("the gateâ€™s guards, the gateвЂ™s guards, a โ€“ b")
    'the gate’s guards, the gate’s guards, a – b'
    """
    for k, page in enumerate(_PAGES):
        if page.pattern.search(text):
            text = page.pattern.sub(lambda m, p=page: _utf8_again(p, m), text)
        if page.quote in text:
            text = page.cut.sub(lambda m, t=text, w=k == 0: _cut_quote(t, m, w), text)
    return text


def fix_characters(text: str) -> str:
    """Entities decoded, odd spaces made spaces or removed, mojibake repaired.

    Parameters
    ----------
    text : str

    Returns
    -------
    str

    Examples
    --------
    >>> fix_characters("Pakistan&#8217;s troops&nbsp;and Pakistanâ€™s")
    'Pakistan’s troops and Pakistan’s'
    """
    if "&" in text and _ENTITY.search(text):
        text = _ENTITY.sub(lambda m: html.unescape(m.group(0)), text)
    if text.isascii():
        return text
    if any(c in text for c in _ODD):
        text = text.translate(_SPACES)
    return fix_mojibake(text)
