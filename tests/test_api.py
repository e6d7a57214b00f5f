"""The Python API mirrors the command line: one callable per command, each documented.

The commands come from the argparse parser, so a command added later (``geomap
import`` from the importers branch) is checked as soon as it is registered.
"""

from __future__ import annotations

import argparse
import re
import shutil
import types
from pathlib import Path

import pytest

import geomap
from geomap.cli import make_parser
from geomap.report import Report

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")

#: Command -> API name where the command's name cannot be a Python name.
API_NAME = {"import": "import_events"}
#: Commands without an API function, and why.
NOT_MIRRORED = {"bench": "a development tool; its API is geomap.bench.run_bench"}
#: Commands other branches add; checked here once they are registered.
EXPECTED = ("import",)


def subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = make_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


COMMANDS = sorted(set(subcommands()) | set(EXPECTED))


def _registered(command: str) -> argparse.ArgumentParser:
    parsers = subcommands()
    if command not in parsers:
        pytest.xfail(f"'geomap {command}' is not registered yet (expected from another branch)")
    return parsers[command]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_a_same_named_api_function(command):
    _registered(command)
    if command in NOT_MIRRORED:
        pytest.skip(NOT_MIRRORED[command])
    name = API_NAME.get(command, command)
    fn = getattr(geomap, name, None)
    assert callable(fn) and not isinstance(fn, types.ModuleType), f"geomap.{name}"
    assert name in geomap.__all__
    assert fn.__doc__ and f"geomap {command}" in fn.__doc__, "docstring names its command"


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(command):
    text = _registered(command).format_help()
    assert len(text.strip().splitlines()) > 3
    assert re.search(rf"^\s+geomap {command}\b", text, re.M), "an example invocation"


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_is_in_the_readme(command):
    _registered(command)
    # a heading naming it, or a line of the command-line listing
    assert re.search(rf"^(#+ .*geomap {command}\b|geomap {command}\b)", README, re.M)


def test_the_extract_package_does_not_replace_the_function():
    import importlib

    module = importlib.import_module("geomap.extract")
    assert isinstance(module, types.ModuleType)
    assert callable(geomap.extract), "importing geomap.extract kept the function"


@pytest.mark.parametrize("name", ["build", "evaluate", "figure", "accept", "geocode", "import_events"])
def test_no_module_shadows_an_api_function(name):
    import importlib.util

    assert importlib.util.find_spec(f"geomap.{name}") is None, f"geomap/{name}.py would shadow geomap.{name}"
    assert callable(getattr(geomap, name))


def test_version_option(capsys):
    with pytest.raises(SystemExit) as exit_:
        make_parser().parse_args(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out.strip() == f"geomap {geomap.__version__}"


def test_api_geocode(geomap_cache):
    assert geomap.geocode("Torkhum").name == "Torkham"
    with pytest.raises(LookupError):
        geomap.geocode("Nowhere-at-all-xyz")


def test_api_extract_evaluate_accept(tmp_path, geomap_cache):
    import shutil

    article = tmp_path / "a.md"
    article.write_text(
        "---\ntitle: Crossing shut\npublished: 2019-05-06\n---\n"
        "Pakistan closed the Torkham crossing on Sunday after a clash.\n",
        encoding="utf-8",
    )
    drafts = geomap.extract(article, tmp_path / "drafts.csv")
    assert {d.location for d in drafts} == {"Torkham"}
    scores = geomap.evaluate(tmp_path / "drafts.csv", tmp_path / "drafts.csv")
    assert scores["f1"] == 1.0
    for name in ("events.csv", "sources.csv"):
        shutil.copy(geomap.geo.geodata_path(name), tmp_path / name)
    added = geomap.accept(tmp_path / "drafts.csv", tmp_path / "events.csv", only_marked=False)
    assert len(added) == len(drafts)
    assert added[0] in (tmp_path / "events.csv").read_text(encoding="utf-8")


def _article(folder: Path, name: str = "a.md") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(
        "---\ntitle: Crossing shut\npublished: 2019-05-06\n---\n"
        "Pakistan closed the Torkham crossing on Sunday after a clash.\n",
        encoding="utf-8",
    )
    return path


def test_api_extract_makes_the_commands_output_checks(tmp_path, geomap_cache):
    # geomap.extract(output=...) wrote wherever it was told: over an input
    # article, into geodata/, through a link into it, over curated events
    from geomap.exc import InputError
    from geomap.geo import CHECKOUT_DIR

    article = _article(tmp_path / "arts")
    mine = tmp_path / "events.csv"
    shutil.copy(geomap.geo.geodata_path("events.csv"), mine)
    (tmp_path / "link").symlink_to(CHECKOUT_DIR / "geodata")
    kept = {p: p.read_bytes() for p in (article, mine)}
    cases = [
        ({"output": article}, "is an input"),
        ({"output": tmp_path / "arts" / "out.txt"}, "in an input folder"),
        ({"output": mine}, "not a drafts CSV"),
        ({"output": tmp_path / "link" / "drafts.csv"}, "geodata"),
        ({"report_csv": article}, "is an input"),
        ({"parquet": tmp_path / "arts"}, "is an input"),
        ({"checkpoint": CHECKOUT_DIR / "geodata" / "ck"}, "geodata"),
        ({"output": "-"}, "stdout on the command line only"),  # a file named '-' was written
        ({"report_csv": "-"}, "stdout on the command line only"),
    ]
    for kwargs, words in cases:
        with pytest.raises(InputError, match=words):
            geomap.extract([tmp_path / "arts"], **kwargs)
    assert {p: p.read_bytes() for p in kept} == kept
    assert not (tmp_path / "arts" / "out.txt").exists() and not (CHECKOUT_DIR / "geodata" / "ck").exists()
    # a folder gets drafts.csv, as -o does
    geomap.extract([tmp_path / "arts"], f"{tmp_path}/review/")  # a str: pathlib drops the slash
    assert (tmp_path / "review" / "drafts.csv").read_text().startswith("doc_id,")


def test_api_extract_takes_the_commands_scale_options(tmp_path, geomap_cache):
    _article(tmp_path / "arts")
    _article(tmp_path / "other", "b.md")
    (tmp_path / "arts" / "b.md").symlink_to(tmp_path / "other" / "b.md")
    one = geomap.extract([tmp_path / "arts"])
    assert {d.doc_id for d in one} == {"a"}  # the link is reported, not followed
    followed = geomap.extract([tmp_path / "arts"], follow_links=True)
    assert {d.doc_id for d in followed} == {"a", "b"}
    from geomap.extract.reading import follow_links

    assert {d.doc_id for d in geomap.extract(follow_links([tmp_path / "arts"]))} == {"a", "b"}  # marked paths too
    report = Report()
    two = geomap.extract(
        [tmp_path / "arts"],
        tmp_path / "d.csv",
        jobs=2,
        follow_links=True,
        checkpoint=tmp_path / "ck",
        report_csv=tmp_path / "problems.csv",
        report=report,
    )
    assert [d.to_row() for d in two] == [d.to_row() for d in followed]
    assert (tmp_path / "ck" / "manifest.json").exists()  # given: kept
    assert (tmp_path / "problems.csv").read_text().startswith("kind,file,line,column,reason")
    pytest.importorskip("pyarrow")
    geomap.extract([tmp_path / "arts"], parquet=tmp_path / "pq")
    assert sorted(p.name for p in (tmp_path / "pq").glob("part-*.parquet"))


def test_api_build_takes_follow_links_and_jobs(tmp_path, geomap_cache):
    _article(tmp_path / "other", "b.md")
    (tmp_path / "arts").mkdir()
    (tmp_path / "arts" / "b.md").symlink_to(tmp_path / "other" / "b.md")
    result = geomap.build(articles=[tmp_path / "arts"], out=tmp_path / "out", follow_links=True, jobs=2)
    s = result.summary()
    assert (s["articles_read"], s["articles_used"]) == (1, 1) and s["drafts_extracted"] >= 1
