"""The sentence memo (geomap.extract.scanned) changes no answer.

Every corpus is extracted on the reference path (memo off: each sentence
scanned and analysed afresh) and on the fast path (memo on, the corpus
read twice so that the second reading is answered from the memo); the
drafts CSVs must be the same text.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from geomap.bench.synth import synth_texts
from geomap.extract import extract_paths, extract_texts, scanned
from geomap.extract.io import drafts_csv
from geomap.extract.scanned import ScannedSentence, memo_disabled
from geomap.extract.types import find_triggers
from geomap.geocoders import default_chain
from geomap.report import Report

DATA = Path(__file__).parent / "data"
#: Folders of articles written for this project (never the frozen test sets).
CORPORA = ["articles", "news_dev/articles", "news_dev2/articles", "news_dev3/articles"]


@pytest.fixture(scope="module")
def chain():
    return default_chain()


def _paths(folder: str) -> list[str]:
    return sorted(str(p) for p in (DATA / folder).iterdir() if p.name != "README.md")


@pytest.mark.parametrize("folder", [c for c in CORPORA if (DATA / c).is_dir()])
def test_memo_gives_the_reference_drafts(chain, folder):
    paths = _paths(folder)
    with memo_disabled():
        reference = drafts_csv(extract_paths(paths, chain, Report(), progress=False))
    scanned._SEEN.clear()
    first = drafts_csv(extract_paths(paths, chain, Report(), progress=False))
    again = drafts_csv(extract_paths(paths, chain, Report(), progress=False))
    assert first == reference
    assert again == reference


def test_memo_on_synthetic_corpus(chain):
    # Template sentences repeat across articles: most of them are memo hits.
    texts = synth_texts(0.05, seed=7)
    with memo_disabled():
        reference = drafts_csv(extract_texts(texts, chain, published=dt.date(2024, 5, 15)))
    scanned._SEEN.clear()
    for _ in range(2):
        assert drafts_csv(extract_texts(texts, chain, published=dt.date(2024, 5, 15))) == reference


def test_cached_runs_the_finder_once_per_text():
    calls = []

    def finder(sent, arg):
        calls.append((sent.text, arg))
        return [sent.text.upper(), arg]

    scanned._SEEN.clear()
    # Answers are kept from the second sighting of a text on.
    first = ScannedSentence.of("Shelling hit Torkham.", 1)
    a = ScannedSentence.of("Shelling hit Torkham.", 3)
    b = ScannedSentence.of("Shelling hit Torkham.", 7)
    assert first.memo is not a.memo and a.memo is b.memo
    assert a.cached(finder, 1) == b.cached(finder, 1) == ["SHELLING HIT TORKHAM.", 1]
    assert b.cached(finder, 2) == ["SHELLING HIT TORKHAM.", 2]
    assert calls == [("Shelling hit Torkham.", 1), ("Shelling hit Torkham.", 2)]
    assert (a.index, b.index) == (3, 7) and first.scan == a.scan == b.scan


def test_memo_disabled_keeps_nothing():
    with memo_disabled():
        a = ScannedSentence.of("The crossing was shut.")
        b = ScannedSentence.of("The crossing was shut.")
        assert a.memo is not b.memo
        assert a.cached(find_triggers) == find_triggers("The crossing was shut.")
    assert scanned.MEMO_SENTENCES > 0


def test_memo_is_bounded(monkeypatch):
    monkeypatch.setattr(scanned, "MEMO_SENTENCES", 3)
    scanned._SEEN.clear()
    for i in range(10):
        ScannedSentence.of(f"Sentence {i}.")
    assert list(scanned._SEEN) == ["Sentence 7.", "Sentence 8.", "Sentence 9."]


def test_a_filter_registered_later_is_in_the_scan_of_a_repeated_sentence():
    # A scan kept from before a new finder registered its stems would lack them.
    from geomap.extract.stems import SENTENCE_STEMS, StemFilter

    text = "Zzqx crossing reopened."
    ScannedSentence.of(text)
    ScannedSentence.of(text)
    late = StemFilter([("zzqx",)], SENTENCE_STEMS)
    assert late.present("", ScannedSentence.of(text).scan) == {0}
