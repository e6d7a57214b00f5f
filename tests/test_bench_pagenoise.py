"""The scraped-page noise harness (geomap.bench.pagenoise): repeatable, the
words of the body kept, the front matter untouched; and the repair holds on
a dev set."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from geomap.bench.pagenoise import KINDS, REPAIRED, main, noise_folder, noise_text, score_noise
from geomap.extract.pagetext import fix_characters

DEV = Path(__file__).parent / "data" / "news_dev"

FRONT = '---\ntitle: "Gate shut after firing"\npublished: 2024-05-02\n---\n'
BODY = (
    "WANA: Guards of the two countries traded fire near the gate on Tuesday, and two traders were hurt, "
    "officials said. The crossing was shut on Wednesday.\n\n"
    "Elders of both sides said they would meet the commanders on Thursday to ask for the gate's reopening. "
    "Traders said hundreds of lorries were waiting on the road to Wana.\n\n"
    "The district's officials did not say when the gate would open again.\n"
)


def squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("kinds", [(k,) for k in KINDS] + [KINDS], ids=[*KINDS, "mixed"])
def test_the_same_seed_and_name_give_the_same_page(kinds):
    assert noise_text(FRONT + BODY, kinds, 3, "a.md") == noise_text(FRONT + BODY, kinds, 3, "a.md")


def test_seeds_and_names_vary_the_page():
    pages = {noise_text(FRONT + BODY, KINDS, seed, name) for seed in (0, 1) for name in ("a.md", "b.md")}
    assert len(pages) > 1


@pytest.mark.parametrize("kinds", [(k,) for k in KINDS] + [KINDS], ids=[*KINDS, "mixed"])
def test_the_front_matter_is_kept(kinds):
    assert noise_text(FRONT + BODY, kinds, 0, "a.md").startswith(FRONT)


@pytest.mark.parametrize("kind", ["glue", "wrap", "ragged", "indent"])
@pytest.mark.parametrize("seed", range(4))
def test_whitespace_kinds_change_only_the_whitespace(kind, seed):
    page = noise_text(FRONT + BODY, (kind,), seed, "a.md")
    assert squeezed(page) == squeezed(FRONT + BODY)
    if kind != "glue":  # (glue takes the space after about half the sentence ends: maybe none)
        assert page != FRONT + BODY


@pytest.mark.parametrize("seed", range(6))
def test_characters_come_back_whole(seed):
    page = noise_text(BODY, ("chars",), seed, "a.md")
    # (the mojibake copy may have made the straight apostrophes curly, as pages print them)
    assert squeezed(fix_characters(page)).replace("’", "'") == squeezed(BODY)


@pytest.mark.parametrize(
    "kind", ["captions", "bare_captions", "teasers", "headlines", "snippets", "updated", "nav", "footer", "comments"]
)
def test_line_kinds_add_lines_and_keep_every_paragraph(kind):
    page = noise_text(BODY, (kind,), 0, "a.md")
    lines = page.split("\n")
    for paragraph in filter(None, BODY.split("\n")):
        # (the first may follow a scraper's date prefix)
        assert any(line == paragraph or line.endswith(" " + paragraph) for line in lines)
    assert len([x for x in lines if x.strip()]) > len([x for x in BODY.split("\n") if x.strip()])


def test_an_unknown_kind_is_refused():
    with pytest.raises(ValueError, match="unknown noise kind"):
        noise_text(BODY, ("fog",))


def test_a_folder_is_copied_with_other_files_unchanged(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.md").write_text(FRONT + BODY, encoding="utf-8")
    (src / "b.html").write_bytes(b"<p>kept &amp; as is</p>")
    assert noise_folder(src, tmp_path / "out", ("wrap",)) == 1
    assert (tmp_path / "out" / "b.html").read_bytes() == b"<p>kept &amp; as is</p>"
    assert squeezed((tmp_path / "out" / "a.md").read_text(encoding="utf-8")) == squeezed(FRONT + BODY)


def test_the_write_option_writes_the_mixed_copy(tmp_path, capsys):
    assert main([str(DEV / "articles"), str(DEV / "gold.csv"), "--write", str(tmp_path / "out")]) == 0
    assert "articles written" in capsys.readouterr().out
    assert len(list((tmp_path / "out").iterdir())) == len(list((DEV / "articles").iterdir()))


def test_noised_copies_of_a_dev_set_score_as_the_clean_one():
    scores = score_noise(DEV / "articles", DEV / "gold.csv", REPAIRED, seed=0)
    assert set(scores) == {"clean", *REPAIRED, "mixed"}
    for kind, f1 in scores.items():
        assert f1 >= scores["clean"] - 0.02, (kind, scores)


def test_a_page_is_wrapped_one_way_only():
    # wrap and ragged both break the lines: given both, the page is wrapped evenly
    both = noise_text(FRONT + BODY, ("wrap", "ragged"), 2, "a.md")
    assert both == noise_text(FRONT + BODY, ("wrap",), 2, "a.md")


def test_ragged_paragraphs_have_widths_of_their_own():
    body = "\n\n".join([BODY.split("\n\n")[0]] * 8)
    page = noise_text(FRONT + body, ("ragged",), 1, "a.md")
    widths = {max(len(line) for line in para.split("\n")) for para in page[len(FRONT) :].split("\n\n") if para}
    assert len(widths) > 2


@pytest.mark.parametrize("seed", range(3))
def test_captions_sit_before_a_paragraph_of_the_story(seed):
    page = noise_text(FRONT + BODY, ("snippets", "bare_captions"), seed, "a.md")
    paras = [p for p in page[len(FRONT) :].split("\n\n") if p]
    at = next(i for i, p in enumerate(paras) if p == paras[i + 1])  # the alt text, then the caption
    assert paras[at + 2].endswith((".", "again."))
