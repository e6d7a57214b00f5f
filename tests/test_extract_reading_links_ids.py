"""Issue 11, cases 7 and 19: which files of an articles folder are read, and
the id each article gets.

19: a named pipe or a broken link inside a folder used to be skipped without
being counted, and a link out of the folder (to /etc/passwd) was read. Now
links are followed only with ``--follow-links``; otherwise each is reported
and counted, and so are pipes and broken links.

7: two articles named ``index.md`` in two folders shared one doc_id, so one
source id: a draft cited the other article. Ids that collide once slugged or
cut at 60 characters did the same. doc_id stays the file name without
extension when that is unique (the evaluation matches gold rows on it).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from geomap.cli import main
from geomap.drafts import source_for
from geomap.extract.reading import follow_links, iter_articles, unique_doc_ids
from geomap.report import Report

ARTICLE = """---
title: {title}
published: 2025-03-04
---
{text}
"""


def article(path: Path, text="Guards closed the Torkham crossing on Monday.", title="A note"):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(ARTICLE.format(title=title, text=text))
    return path


def read(paths, **kw):
    report = Report()
    arts = list(iter_articles(paths, report, **kw))
    c = report.counts
    assert c["articles_read"] == c.get("articles_used", 0) + c.get("articles_rejected", 0)
    assert c.get("articles_rejected", 0) == len(report.of_kind("rejected"))
    return arts, report


@pytest.fixture
def folder(tmp_path):
    """good.md, a named pipe, a broken link, a link to a file outside and a
    link to a folder outside."""
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    root = tmp_path / "articles"
    article(root / "good.md")
    os.mkfifo(root / "feed.md")
    (root / "gone.md").symlink_to(tmp_path / "missing.md")
    outside = article(tmp_path / "outside" / "secret.txt", title="outside")
    (root / "secret.txt").symlink_to(outside)
    (root / "more").symlink_to(tmp_path / "outside", target_is_directory=True)
    return root


def test_links_pipes_and_broken_links_are_reported_and_counted(folder):
    arts, report = read([folder])
    assert [a.doc_id for a in arts] == ["good"]
    assert report.counts["articles_read"] == 5 and report.counts["articles_rejected"] == 4
    reasons = {Path(p.file).name: p.reason for p in report.of_kind("rejected")}
    assert reasons["feed.md"].startswith("not a regular file (a pipe")
    assert reasons["gone.md"].startswith("broken symbolic link (to ")
    for name in ("secret.txt", "more"):
        assert "symbolic link not followed" in reasons[name]
        assert "give --follow-links" in reasons[name]


def test_links_are_followed_on_request(folder):
    arts, report = read([folder], follow_links=True)
    # the file link and the folder link lead to the same outside file: read once, the second reported
    assert sorted(a.path for a in arts) == sorted([str(folder / "good.md"), str(folder / "more" / "secret.txt")])
    assert report.counts["articles_rejected"] == 3  # the pipe, the broken link and the second way to secret.txt
    (again,) = [p for p in report.of_kind("rejected") if "read once" in p.reason]
    assert again.file == str(folder / "secret.txt") and str(folder / "more" / "secret.txt") in again.reason
    same, report2 = read(follow_links([folder]))
    assert [a.path for a in same] == [a.path for a in arts]


def test_a_link_to_etc_passwd_is_not_read(tmp_path):
    if not Path("/etc/passwd").exists():
        pytest.skip("no /etc/passwd")
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "passwd.txt").symlink_to("/etc/passwd")
    arts, report = read([tmp_path / "a"])
    assert arts == [] and "symbolic link not followed (to '/etc/passwd')" in report.of_kind("rejected")[0].reason


def test_a_link_loop_is_read_once(tmp_path):
    article(tmp_path / "a" / "one.md")
    (tmp_path / "a" / "loop").symlink_to(tmp_path / "a", target_is_directory=True)
    arts, report = read([tmp_path / "a"], follow_links=True)
    assert [a.doc_id for a in arts] == ["one"]
    assert "folder already read" in report.of_kind("rejected")[0].reason


def test_cli_follow_links_on_extract_and_build(folder, tmp_path, geomap_cache, capsys):
    assert main(["extract", str(folder), "-o", str(tmp_path / "d.csv"), "--quiet"]) == 0
    err = capsys.readouterr().err
    assert "secret.txt: symbolic link not followed" in err and "feed.md: not a regular" in err
    assert main(["extract", str(folder), "--follow-links", "-o", str(tmp_path / "d.csv"), "--quiet"]) == 0
    assert "secret.txt: symbolic link not followed" not in capsys.readouterr().err
    bad = Path(__file__).parent / "data" / "bad"
    for extra in ([], ["--follow-links"]):
        assert (
            main(
                [
                    "build",
                    "--events",
                    str(bad / "good.csv"),
                    "--out",
                    str(tmp_path / "o"),
                    "--articles",
                    str(folder),
                    *extra,
                ]
            )
            == 0
        )
        err = capsys.readouterr().err
        assert ("articles read 5 (used 1, rejected 4)" if not extra else "articles read 5 (used 2, rejected 3)") in err


# ---- case 7: one id per article


def test_same_file_name_in_two_folders_gets_two_ids(tmp_path):
    dawn = article(tmp_path / "dawn" / "index.md", "Guards closed the Torkham crossing.")
    tolo = article(tmp_path / "tolo" / "index.md", "Guards closed the Chaman gate.")
    alone = article(tmp_path / "tolo" / "brief.md")  # (a notes.md is a folder's notes: skipped)
    arts, report = read([tmp_path])
    ids = {a.path: a.doc_id for a in arts}
    assert ids == {str(dawn): "dawn/index", str(tolo): "tolo/index", str(alone): "brief"}
    assert len({source_for({"doc_id": i}).source_id for i in ids.values()}) == 3
    warned = [w for w in report.of_kind("warning") if "also named 'index'" in w.reason]
    assert len(warned) == 2
    # the same ids whatever the order the folders are named in
    again, _ = read([tmp_path / "tolo", tmp_path / "dawn"])
    assert {a.path: a.doc_id for a in again} == ids


def test_ids_colliding_after_slugging_or_cutting_are_told_apart(tmp_path):
    long = "border-crossing-closed-again-after-talks-in-the-capital-ended-without-a-deal"
    files = [
        article(tmp_path / f"{long}-one.md"),
        article(tmp_path / f"{long}-two.md"),
        article(tmp_path / "a b.md"),
        article(tmp_path / "a-b.md"),
        article(tmp_path / "short.md"),
    ]
    ids = unique_doc_ids(files)
    assert ids[files[4]] == "short"
    sources = {source_for({"doc_id": ids[f]}).source_id for f in files}
    assert len(sources) == 5
    assert all(len(s) <= len("doc:") + 60 for s in sources)
    assert unique_doc_ids(list(reversed(files))) == ids


def test_repeated_jsonl_record_ids_are_told_apart(tmp_path):
    for name, place in (("a", "Torkham"), ("b", "Chaman"), ("c", "Chaman")):
        (tmp_path / f"{name}.jsonl").write_text(
            f'{{"id": "story-1", "text": "Guards closed the {place} crossing.", "published": "2025-03-04"}}\n'
        )
    arts, report = read([tmp_path])
    assert [a.doc_id for a in arts] == ["story-1", "story-1@b:1"]
    assert "doc_id 'story-1' is already used by another article" in report.of_kind("warning")[-1].reason
    # c.jsonl's record is b.jsonl's, id and all: the same record in two shards, read once
    (repeat,) = report.of_kind("rejected")
    assert repeat.file == str(tmp_path / "c.jsonl") and f"the same record as {tmp_path / 'b.jsonl'}:1" in repeat.reason


def test_a_file_name_that_is_not_utf8_gets_a_doc_id_that_can_be_written(tmp_path):
    # an old archive's Latin-1 name (caf\xe9.md): its doc_id held a lone
    # surrogate and the drafts CSV failed to encode, a traceback after the
    # whole extraction (--report likewise)
    folder = tmp_path / "arts"
    folder.mkdir()
    raw = os.path.join(os.fsencode(folder), b"caf\xe9.md")
    with open(raw, "w", encoding="utf-8") as fh:
        fh.write("---\npublished: 2025-03-03\n---\nGuards closed the Torkham crossing on Sunday.\n")
    out = tmp_path / "d.csv"
    for jobs in ("1", "2"):
        assert main(["extract", str(folder), "-o", str(out), "--jobs", jobs, "--report", str(tmp_path / "r.csv")]) == 0
        assert out.read_text(encoding="utf-8").splitlines()[1].startswith("caf\\xe9,")


def test_a_loop_of_links_is_named_a_loop_not_a_missing_target(tmp_path):
    # 'a -> b -> a' was said to be a link to a file that does not exist, though 'ls' shows b
    (tmp_path / "a.md").symlink_to("b.md")
    (tmp_path / "b.md").symlink_to("a.md")
    (tmp_path / "self").symlink_to("self")
    for paths in ([tmp_path], [tmp_path / "a.md", tmp_path / "self"]):
        arts, report = read(paths, follow_links=True)
        reasons = {Path(p.file).name: p.reason for p in report.of_kind("rejected")}
        assert reasons["a.md"] == "symbolic link loop (to 'b.md', which leads back round; no file at the end)"
        assert reasons["self"].startswith("symbolic link loop (to 'self'")
        assert arts == [] and report.counts["articles_rejected"] == len(reasons) == (3 if len(paths) == 1 else 2)
