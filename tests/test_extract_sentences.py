"""Sentence splitting and boilerplate removal."""

from __future__ import annotations

from geomap.extract.sentences import clean_text, split_sentences


def test_split_keeps_abbreviations_and_lines():
    text = "Lt. Gen. Asim spoke. The U.S. envoy left.\nHeadline without stop\nDr. Khan said it."
    assert [s.text for s in split_sentences(text)] == [
        "Lt. Gen. Asim spoke.", "The U.S. envoy left.", "Headline without stop", "Dr. Khan said it."]


def test_offsets_point_into_the_text():
    text = "First one.  Second one?\n\nThird!"
    for s in split_sentences(text):
        assert text[s.start:s.start + len(s.text)] == s.text


def test_clean_text_cuts_sidebar_after_the_body():
    body = "\n".join(f"Sentence {i} about the border." for i in range(10))
    text = body + "\nRelated articles\nSomething unrelated about gold prices."
    assert "gold" not in clean_text(text)
    assert clean_text("Source: wire\n" + body).startswith("Source: wire")


def test_empty():
    assert split_sentences("") == [] and clean_text("") == ""
