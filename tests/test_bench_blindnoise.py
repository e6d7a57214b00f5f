"""Blind scraped-page distortions: deterministic and the story's words kept in order."""

import re

import pytest

from geomap.bench.blindnoise import KINDS, noise_blocks, noise_folder, noise_text

ARTICLE = """---
title: "Guards trade fire near a mountain crossing"
source: "Invented Wire"
published: 2024-05-02
---
KHAR \u2014 Border guards from both countries exchanged fire for two hours on Tuesday near a hill post
in Bajaur, a local official said.

Two Pakistani soldiers were hurt and taken to the district hospital,
the official added. "We returned fire at once," he said.

Afghan officials in Kunar's Dangam district said the other side's shells hit a field and caused no harm.
"""


def _words(text):
    # Scrapers change punctuation bytes and spacing, not the ASCII letters of words.
    return re.findall(r"[A-Za-z0-9]+", re.sub(r"[^\x00-\x7f]", " ", text))


def _body_words(blocks):
    return _words("\n".join(ln for b in blocks if not b.debris for ln in b.lines))


def test_same_seed_same_page_and_name_changes_it():
    a = noise_text(ARTICLE, KINDS, seed=3, name="a.md")
    assert a == noise_text(ARTICLE, KINDS, seed=3, name="a.md")
    assert a != noise_text(ARTICLE, KINDS, seed=3, name="b.md")


@pytest.mark.parametrize("kinds", [[k] for k in KINDS] + [list(KINDS)])
def test_body_words_unchanged_and_front_matter_kept(kinds):
    clean = _words(ARTICLE.split("---\n", 2)[2])
    for seed in range(5):
        front, blocks = noise_blocks(ARTICLE, kinds, seed=seed, name="x.md")
        assert front == ARTICLE[: len(front)] and front.endswith("---\n")
        assert _body_words(blocks) == clean
        assert noise_text(ARTICLE, kinds, seed, "x.md").startswith(front)


def test_every_kind_changes_the_page():
    for k in KINDS:
        assert any(noise_text(ARTICLE, [k], s, "x.md") != ARTICLE for s in range(5)), k


def test_unknown_kind_refused():
    with pytest.raises(ValueError):
        noise_text(ARTICLE, ["nope"])


def test_folder_keeps_names(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "one.md").write_text(ARTICLE, encoding="utf-8")
    (src / "notes.csv").write_text("x\n", encoding="utf-8")
    assert noise_folder(src, tmp_path / "dst", ["masthead"], seed=1) == 1
    assert [p.name for p in (tmp_path / "dst").iterdir()] == ["one.md"]
