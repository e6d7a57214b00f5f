"""Property tests of the article reader (hypothesis): front matter, decoding
and whole files raise only geomap's own errors, and counts add up."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from geomap.exc import ArticleError
from geomap.extract.decoding import decode_bytes
from geomap.extract.frontmatter import split_front_matter
from geomap.extract.reading import Article, article_from_text, read_file
from geomap.report import Report

# database=None: no .hypothesis/ folder written outside tmp_path
SETTINGS = dict(
    deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)

YAML_BITS = st.sampled_from(
    [
        "---\n",
        "...\n",
        "title: ",
        "published: ",
        "source: ",
        "url: ",
        "2025-03-01",
        "2025-02-30",
        "[",
        "]",
        "{",
        "}",
        "&a ",
        "*a ",
        "!!python/object:os.system ",
        "!!binary ",
        "? ",
        ": ",
        "- ",
        "\n",
        "  ",
        "'",
        '"',
        "#",
        "|\n",
        ">\n",
        "%YAML 1.1\n",
        "\t",
        "\ufeff",
        "null",
        "~",
        "1e400",
        "0x1F",
        "Torkham",
        "\x85",
        "\u2028",
    ]
)


@settings(max_examples=800, **SETTINGS)
@given(parts=st.lists(YAML_BITS, max_size=30), body=st.text(max_size=40))
@example(parts=["---\n", "a: &a [*a, *a, *a]\n", "published: *a\n", "---\n"], body="x")
@example(parts=["---\n", "published: 10000-01-01\n", "---\n"], body="x")
@example(parts=["---\n", "title: "], body="")  # an unclosed fence, an empty value (found by CI)
def test_front_matter(parts, body):
    text = "".join(parts) + body
    # front matter never rejects an article: whatever it holds, the split works and problems are notes
    notes = []
    meta, rest, line = split_front_matter(text, file="f.md", notes=notes)
    assert isinstance(meta, dict) and all(isinstance(k, str) for k in meta)
    assert line >= 1 and rest in text
    assert all(isinstance(n, int) and n >= 1 and reason for n, _, reason in notes)
    try:
        art = article_from_text(text, "d", path="f.md")
    except ArticleError as err:
        assert "no text" in err.reason  # the only rejection left: nothing to read
        return
    assert isinstance(art, Article) and art.text.strip()
    assert art.published is None or isinstance(art.published, dt.date)
    assert all(isinstance(v, str) for v in (art.title, art.source, art.url))


@settings(max_examples=400, **SETTINGS)
@given(text=st.text(max_size=300))
def test_any_text(text):
    try:
        article_from_text(text, "d")
    except ArticleError as err:  # metadata is never a rejection; only an empty body is
        assert "no text" in err.reason


@settings(max_examples=400, **SETTINGS)
@given(data=st.binary(max_size=400))
@example(data=b"\xff\xfe\x00")
@example(data="Grüße aus Kabul".encode("cp1252"))
def test_decode_bytes(data):
    try:
        text, encoding = decode_bytes(data, file="f")
    except ArticleError as err:
        assert err.file == "f"
        return
    assert isinstance(text, str) and text.strip() and encoding


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("articles")


@settings(max_examples=300, **SETTINGS)
@given(
    data=st.one_of(
        st.binary(max_size=300),
        st.lists(
            st.sampled_from(
                [
                    '{"text": "Guards fired at Torkham."}',
                    "{",
                    "[]",
                    '{"text": 5}',
                    '{"published": "x", "text": "t"}',
                    '{"title": [1], "text": "t"}',
                    "\n",
                    "null",
                    '{"id": null, "text": "Kabul"}',
                    "\x00",
                ]
            ),
            max_size=8,
        ).map(lambda xs: "\n".join(xs).encode()),
    ),
    suffix=st.sampled_from([".md", ".txt", ".jsonl", ".html", ".bin"]),
)
def test_read_file_reports_or_reads(folder, data, suffix):
    path = folder / f"a{suffix}"
    path.write_bytes(data)
    report = Report()
    arts = list(read_file(path, report))
    c = report.counts
    assert c["articles_read"] == c.get("articles_used", 0) + c.get("articles_rejected", 0)
    assert c.get("articles_used", 0) == len(arts)
    assert c.get("articles_rejected", 0) == len(report.of_kind("rejected"))
