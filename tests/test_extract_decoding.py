"""Decoding an article's bytes (geomap.extract.decoding): empty, blank and binary
input is refused with the reason; files in other encodings are read through
reading (tests/test_extract_reading.py)."""

from __future__ import annotations

import pytest

from geomap.exc import ArticleError
from geomap.extract.decoding import decode_bytes


def test_decode_bytes():
    assert decode_bytes("\ufeffé".encode("utf-8"))[0] == "é"
    # \x1c and U+3000 are blank as text though bytes.strip() keeps them (found by hypothesis)
    for data, words in [
        (b"", "empty"),
        (b"  \n", "empty"),
        (b"ab\x00cd", "binary"),
        (b"\x1c", "empty"),
        ("\u3000".encode(), "empty"),
        (b"\xa1@", "empty"),
    ]:
        with pytest.raises(ArticleError, match=words):
            decode_bytes(data, file="f")
