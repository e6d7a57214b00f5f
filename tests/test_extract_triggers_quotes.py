"""Quotation marks inside a sentence (geomap.extract.triggers.quotes): read
past for triggers, each trigger mapped back to the sentence as written, and
the excerpt keeps them. Every sentence is written for these tests."""

from __future__ import annotations

import pytest
from test_extract_news import _events

from geomap.extract.triggers.quotes import unquoted
from geomap.extract.types import find_triggers
from geomap.geocoders import default_chain


@pytest.fixture(scope="module")
def chain():
    return default_chain()


def _types(sentence: str) -> set[tuple[str, str]]:
    return {(t.event_type, t.sub_event_type) for t in find_triggers(sentence) if not t.weak}


def test_quotation_marks_are_dropped_and_offsets_kept():
    text = "Guards “fired on the post” near Kharlachi."
    bare, offsets = unquoted(text)
    assert bare == "Guards fired on the post near Kharlachi."
    assert len(offsets) == len(bare)
    assert all(text[i] == c for i, c in zip(offsets, bare))


@pytest.mark.parametrize(
    "sentence",
    [
        "The militants' commander fled.",  # a plural possessive
        "Pakistan's army said it won't comment.",  # apostrophes inside words
        "Nothing was quoted here.",
    ],
)
def test_apostrophes_are_no_quotation(sentence):
    assert unquoted(sentence) is None


@pytest.mark.parametrize(
    "sentence, kind",
    [
        ("A spokesman said the army “bombed a madrassa” in Barmal on Sunday.", ("airstrike", "airstrike")),
        ("Officials said jets had 'struck hideouts' near the town.", ("airstrike", "airstrike")),
        ('Villagers said Afghan guards "fired on our posts" at dawn.', ("armed_clash", "attack")),
        ("The district chief said the crossing was “closed” on Monday.", ("border_closure", "closure")),
    ],
)
def test_a_trigger_split_by_quotation_marks_is_found(sentence, kind):
    assert kind in _types(sentence)


def test_the_trigger_points_into_the_sentence_as_written():
    sentence = "He said forces “bombed a house” in Gurbuz."
    t = next(t for t in find_triggers(sentence) if t.event_type == "airstrike")
    assert sentence[t.start : t.end] == "forces “bombed"


@pytest.mark.parametrize(
    "sentence",
    [
        # a denial quoted stays a denial
        "Officials denied that the gate had been “closed” on Monday.",
        # a word named in quotation marks is no incident
        "The statement used the word “firing” twice.",
        # a quoted wish is still a wish
        "The minister urged both sides to “reopen the crossing”.",
    ],
)
def test_quoted_words_keep_their_cues(sentence):
    assert not _types(sentence)


def test_an_event_read_past_quotation_marks_keeps_them_in_its_excerpt(chain):
    text = "He said Pakistani forces “bombed a home” in Khost province late Monday, killing a man and two boys."
    ev = [e for e in _events(chain, text) if e.event_type == "airstrike"]
    assert [(e.location, e.event_date, e.fatalities) for e in ev] == [("Khost Province", "2024-05-13", 3)]
    assert "“bombed a home”" in ev[0].excerpt
