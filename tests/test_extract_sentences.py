"""Sentence splitting and boilerplate removal."""

from __future__ import annotations

from geomap.extract.sentences import clean_text, split_sentences


def test_split_keeps_abbreviations_and_lines():
    text = "Lt. Gen. Asim spoke. The U.S. envoy left.\nHeadline without stop\nDr. Khan said it."
    assert [s.text for s in split_sentences(text)] == [
        "Lt. Gen. Asim spoke.",
        "The U.S. envoy left.",
        "Headline without stop",
        "Dr. Khan said it.",
    ]


def test_offsets_point_into_the_text():
    text = "First one.  Second one?\n\nThird!"
    for s in split_sentences(text):
        assert text[s.start : s.start + len(s.text)] == s.text


def test_clean_text_cuts_sidebar_after_the_body():
    body = "\n".join(f"Sentence {i} about the border." for i in range(10))
    text = body + "\nRelated articles\nSomething unrelated about gold prices."
    assert "gold" not in clean_text(text)
    assert clean_text("Source: wire\n" + body).startswith("Source: wire")


def test_empty():
    assert split_sentences("") == [] and clean_text("") == ""


def _no_full_stop(kib: int) -> str:
    parts, n, i = [], 0, 0
    while n < kib * 1024:
        unit = f"shelling near Torkham item {i} and trucks waiting, "
        parts.append(unit)
        n += len(unit)
        i += 1
    return "".join(parts)


def test_over_long_sentence_is_cut_into_bounded_pieces():
    from geomap.extract.sentences import MAX_SENTENCE_CHARS

    text = _no_full_stop(512)
    pieces = split_sentences(text)
    assert max(len(s.text) for s in pieces) <= MAX_SENTENCE_CHARS
    # Nothing is lost: the pieces are the text, cut at commas or spaces.
    assert "".join(s.text for s in pieces).replace(" ", "") == text.replace(" ", "")
    assert all(text[s.start : s.start + len(s.text)] == s.text for s in pieces)


def test_sentence_work_grows_linearly_with_text_without_full_stop():
    # Per-sentence work is at worst quadratic in the sentence's length; with
    # bounded sentences the sum of squared lengths grows like the text.
    def work(kib):
        return sum(len(s.text) ** 2 for s in split_sentences(_no_full_stop(kib)))

    assert work(256) <= 5 * work(64)


def test_hard_cut_without_any_space():
    from geomap.extract.sentences import MAX_SENTENCE_CHARS

    pieces = split_sentences("x" * (3 * MAX_SENTENCE_CHARS + 5))
    assert [len(s.text) for s in pieces] == [MAX_SENTENCE_CHARS] * 3 + [5]
