"""Decoding an article's bytes: UTF-16 or UTF-32 (by a byte-order mark or NUL
bytes), UTF-8, else the code page charset-normalizer guesses; what is not
plain UTF-8 is said in a warning by :func:`geomap.extract.reading.read_file`.
JSON lines must be UTF-8: :mod:`geomap.extract.records` only says what
encoding a file that is not has.
"""

from __future__ import annotations

import unicodedata

from ..csvrows import WIDE_MARKS
from ..exc import ArticleError


def decode_bytes(data: bytes, file: str = "") -> tuple[str, str]:
    """Decode article bytes; return ``(text, encoding)``.

    UTF-8 (with or without BOM) first, then the guess of charset-normalizer.

    Raises
    ------
    ArticleError
        Empty input, binary content (NUL bytes) or undecodable bytes.
    """
    if not data.strip():
        raise ArticleError("empty file (no text)", file=file)
    wide = _wide_encoding(data)
    if wide:
        # Notepad's "Unicode" (UTF-16 with a byte-order mark): it was rejected as a binary file
        encoding = wide.split(" ")[0]
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as err:
            raise ArticleError(
                f"looks like {_upper_codec(wide)} but is not valid {encoding.upper()} (byte {err.start}); "
                "save it as UTF-8",
                file=file,
            ) from None
        if not text.lstrip("\ufeff").strip():
            raise ArticleError("empty file (no text)", file=file)
        return text.lstrip("\ufeff"), wide
    if b"\x00" in data[:8192]:
        raise ArticleError("binary file (NUL bytes); expected UTF-8 text", file=file)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    else:
        if not text.strip():  # e.g. only U+001C..U+001F or U+3000, blank as text
            raise ArticleError("empty file (no text)", file=file)
        return text, "utf-8"
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise ArticleError("not UTF-8 and no text encoding fits; save it as UTF-8", file=file)
    text, encoding = str(best), best.encoding
    if encoding != "cp1252" and _latin_only(text):
        # Latin-1 'Niño' was read as cp1250's 'Nińo': on a short English text the Latin code pages
        # score alike and the guess is arbitrary; Windows-1252 is what Western editors save
        try:
            text, encoding = data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:  # one of the five bytes cp1252 leaves undefined: the guess stands
            pass
    if not text.strip():
        raise ArticleError("empty file (no text)", file=file)
    # Control characters other than whitespace mean the guess decoded junk.
    junk = sum(1 for c in text[:4096] if ord(c) < 32 and c not in "\t\n\r\f")
    if junk > 4:
        raise ArticleError("binary file (control characters); expected UTF-8 text", file=file)
    return text, encoding


def _latin_only(text: str) -> bool:
    """Whether ``text`` has Latin letters beyond ASCII and nothing else beyond
    ASCII but punctuation, symbols and spaces: a text a Latin code page was
    guessed for (not Arabic-script cp1256, Cyrillic cp1251 or a CJK code)."""
    wide = {c for c in set(text) if ord(c) > 127}
    latin = {c for c in wide if unicodedata.name(c, "").startswith("LATIN")}
    return bool(latin) and all(unicodedata.category(c)[0] in "PSZ" for c in wide - latin)


def _wide_encoding(data: bytes) -> str | None:
    """``"utf-16 (byte-order mark)"``, ``"utf-16-le (no byte-order mark)"``...
    when ``data`` is UTF-16 or UTF-32 text (by its mark, or for UTF-16 by its
    NUL bytes), else None. The first word is the codec."""
    from geomap.importers.files import utf16_without_mark

    for mark, encoding in WIDE_MARKS:
        if data.startswith(mark):
            return f"{encoding} (byte-order mark)"
    head = data[:4096]
    encoding = utf16_without_mark(head) if b"\x00" in head else None
    return f"{encoding} (no byte-order mark)" if encoding else None


def _first_bad_byte(data: bytes) -> str:
    """`` (byte 0xe9 on line 5)``: where UTF-8 fails, for the reader to check
    the names there (a guessed encoding may read them wrong), or ``""``."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        return f" (byte 0x{data[err.start]:02x} on line {line}: check the names there)"
    return ""


def _upper_codec(wide: str) -> str:
    codec, _, rest = wide.partition(" ")
    return f"{codec.upper()} {rest}".strip()
