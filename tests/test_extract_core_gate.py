"""The sentence gate of :func:`geomap.extract.core.extract_article` changes no answer.

The gate (:func:`geomap.extract.rules.sentence.may_report`) stops reading an
article :data:`~geomap.extract.rules.sentence.TOLL_AFTER` sentences after
the last one that may report an incident, and skips an article where no
sentence may. Every dev corpus and a synthetic corpus with articles that
report no incident are extracted with the gate and without it
(``core.GATE = False``, every sentence read): drafts, problems and counts
must be the same text.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from geomap.bench.synth import ARCHIVE_INCIDENT_SHARE, synth_texts
from geomap.extract import core, extract_paths, extract_texts, scanned
from geomap.extract.io import drafts_csv
from geomap.extract.reading import article_from_text
from geomap.extract.rules.sentence import may_report
from geomap.extract.scanned import ScannedSentence
from geomap.extract.sentences import clean_text, split_sentences
from geomap.geocoders import default_chain
from geomap.report import Report

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def chain():
    return default_chain()


def _both(run, monkeypatch):
    """``run()`` without the gate, then with it."""
    out = []
    for gate in (False, True):
        monkeypatch.setattr(core, "GATE", gate)
        scanned._SEEN.clear()
        out.append(run())
    return out


def test_gate_keeps_every_draft_of_the_dev_sets(chain, dev_corpora, monkeypatch):
    for folder in dev_corpora:
        paths = sorted(str(p) for p in (DATA / folder).iterdir() if p.name != "README.md")

        def run():
            report = Report()
            drafts = extract_paths(paths, chain, report, progress=False)
            return drafts_csv(drafts), report.to_csv(), sorted(report.counts.items())

        reference, gated = _both(run, monkeypatch)
        assert gated == reference, folder


def _texts():
    # The benchmark's mix: most articles report no incident.
    return synth_texts(0.1, seed=5, incident_share=ARCHIVE_INCIDENT_SHARE)


def test_gate_keeps_every_draft_of_the_synthetic_mix(chain, monkeypatch):
    texts = _texts()
    reference, gated = _both(
        lambda: drafts_csv(extract_texts(texts, chain, published=dt.date(2024, 5, 15))), monkeypatch
    )
    assert gated == reference and reference.count("\n") > 10


def _sentences(text: str) -> list[ScannedSentence]:
    art = article_from_text(text, "x")
    return [ScannedSentence.of(art.title, -1)] * bool(art.title) + [
        ScannedSentence.of(s.text, s.index) for s in split_sentences(clean_text(art.text))
    ]


def test_gate_is_taken_on_the_synthetic_mix():
    # The test above compares something: articles where no sentence may
    # report an incident, and articles whose last sentences are not read.
    skipped = cut = 0
    for text in _texts():
        sents = _sentences(text)
        marks = [may_report(s) for s in sents]
        skipped += not any(marks)
        cut += any(marks) and not any(marks[-3:])
    assert skipped > 5 and cut > 0


def test_may_report_reads_triggers_and_openings():
    one = _sentences
    assert may_report(one("Shelling hit Torkham on Monday.")[0])
    assert may_report(one("Pakistan opened Torkham on Monday.")[0])  # a crossing opened: no trigger word
    assert not may_report(one("Farmers around Khost sold their apples on Monday.")[0])


@pytest.mark.parametrize(
    "sentence",
    [
        "Pakistan opened Torkham on Monday.",
        "Authorities opened the zero point for pedestrians.",
        "Officials OPENED the gate.",
        "Kabul opens Chaman",
        "Guards opened Zero Line gates at dawn.",
        "Pakistan opened  the  Torkham crossing.",
    ],
)
def test_an_opening_before_a_name_or_the_zero_point_may_report(sentence):
    from geomap.extract.rules.sentence import _may_open

    assert _may_open(_sentences(sentence)[0]), sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "A new maternity ward opened at the district hospital in Khost on Monday.",
        "Investigators opened an inquiry into the fire.",
        "Shops opened late in Quetta and the market stayed quiet.",
        "The open-air market drew crowds.",
    ],
)
def test_an_opening_of_no_crossing_name_does_not_report(sentence):
    assert not may_report(_sentences(sentence)[0]), sentence


def test_every_opening_the_reopening_rule_reads_passes_the_gate(chain, dev_sentences):
    # The gate's claim against the rule itself: every dev sentence (and a
    # few made for it) in which opened_crossings finds a reopening, with
    # every crossing-free mention of it taken as a crossing, may report.
    from geomap.extract import PlaceFinder
    from geomap.extract.places import Mention
    from geomap.extract.rules import reopenings

    finder = PlaceFinder(chain)
    made = ["Pakistan opened Torkham and Chaman on Monday.", "Pakistan opened the zero point on Monday."]
    fired = 0
    for s in [*dev_sentences, *made]:
        if "open" not in s.lower():
            continue
        sent = ScannedSentence.of(s)
        mentions = finder.find(sent, ("AF", "PK"))
        # (any place as a crossing, border phrases as the zero point's crossing)
        as_crossings = [
            Mention(m.start, m.end, m.surface, "place", finder.resolve("Torkham"))
            for m in mentions
            if m.role in ("place", "border")
        ]
        if reopenings.opened_crossings(s, as_crossings, [], finder, True):
            fired += 1
            assert may_report(sent), s
    assert fired >= 2


def test_a_sentence_the_gate_skips_yields_nothing_without_it(chain, dev_sentences, monkeypatch):
    # Each dev sentence that may not report an incident, read three
    # sentences after a deadly incident (past TOLL_AFTER): the drafts are
    # the same whether it is read (no gate) or not.
    from geomap.extract import PlaceFinder, extract_article

    finder = PlaceFinder(chain)
    lead = "Mortar shells fired across the border hit a village in Bajaur on Monday, killing two people."
    fillers = "The weather stayed mild. Shops kept their usual hours."
    skipped = [s for s in dev_sentences if not may_report(ScannedSentence.of(s))]
    assert len(skipped) > 100
    for s in skipped[::3]:
        art = article_from_text(f"{lead} {fillers}\n\n{s}\n", "x")
        art.published = dt.date(2024, 5, 15)
        reference, gated = _both(lambda: drafts_csv(extract_article(art, finder=finder)), monkeypatch)
        assert gated == reference, s
        assert "Bajaur" in reference  # the incident read before it
