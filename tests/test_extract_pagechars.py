"""A scraped page's characters repaired (geomap.extract.pagechars).

Mojibake of our own sentences: UTF-8 read as each single-byte code page a
page comes mis-read in, with the bytes the code page has no character for
kept, put as U+FFFD or lost.
"""

from __future__ import annotations

import pytest

from geomap.extract.pagechars import fix_characters, fix_mojibake
from geomap.extract.sentences import clean_text, split_sentences

SENTENCE = "The gate’s guards said “no” — twice – and left… • Café"


def misread(text: str, codec: str, errors: str) -> str:
    out = text.encode("utf-8").decode(codec, errors=errors)
    return out.replace("\ufffd", "") if errors == "drop" else out


@pytest.mark.parametrize("codec", ["cp1252", "latin-1", "cp1251"])
def test_utf8_read_as_a_western_or_cyrillic_code_page_is_utf8_again(codec):
    assert fix_characters(misread(SENTENCE, codec, "strict" if codec == "latin-1" else "replace")) == SENTENCE


def test_utf8_read_as_thai_cp874_is_utf8_again_and_its_lost_quotes_told_by_their_place():
    for errors in ("replace", "ignore"):
        page = misread(SENTENCE, "cp874", errors)
        assert "โ€" in page  # (the quotes' last byte has no Thai character)
        assert fix_characters(page) == SENTENCE
    # an apostrophe between letters, an opening quote after a space
    assert fix_mojibake("Pakistanโ€s envoy said โ€noโ€.") == "Pakistan’s envoy said “no”."


def test_a_closing_quote_windows_1252_dropped_is_put_back():
    # E2 80 9D: Windows-1252 has no character for 0x9d
    assert fix_mojibake("he said â€œnoâ€ and left") == "he said “no” and left"


@pytest.mark.parametrize(
    "text",
    [
        "Москва и Київ, Від і до",  # Cyrillic: letters that read as UTF-8 bytes are not mojibake here
        "ข่าวชายแดน เกิดเหตุ ที่ด่าน",  # Thai
        "São Paulo, Ürümqi and AT&T; Â alone and â€ alone, вЂ alone",
    ],
)
def test_real_text_in_those_code_pages_scripts_stays(text):
    assert fix_characters(text) == text


def test_a_lost_quote_where_a_quote_opens_is_an_opening_quote_and_the_sentence_splits_there():
    page = "â€Nobody told us,â€ said a driver. â€The gate stays shut.â€"
    assert fix_mojibake(page) == "“Nobody told us,” said a driver. “The gate stays shut.”"
    assert len(split_sentences(clean_text(page))) == 2
