"""The documentation cannot drift from the code: README.md, the ``--help`` texts, CHANGELOG.md.

Every list checked here comes from the code itself (geomap's argparse
parser, the modules on disk, a real build's output files, the Makefile's
targets, pyproject's version), never from a list kept by hand, so a command,
flag, module, column or make target added later fails here until it is
documented. ``tests/test_api.py`` checks that each command has its API
function, an example in its ``--help`` and a line of the command-line
listing; this file checks the rest.
"""

from __future__ import annotations

import argparse
import csv
import inspect
import json
import re
from functools import cache
from pathlib import Path

import pytest

import geomap
import geomap.api
from geomap.cli import make_parser
from geomap.extract import io as drafts_io

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "geomap"
README = (REPO / "README.md").read_text(encoding="utf-8")

#: Command -> API name where the command's name cannot be a Python name.
API_NAME = {"import": "import_events"}
#: Commands without an API twin; README's Python API section says so and why.
NO_API_TWIN = {"bench": "geomap.bench.run_bench"}
#: Public functions of geomap (and geomap.api) that are not a command's twin;
#: README's Python API section shows each of them.
NOT_A_COMMAND = ("load_events", "load_geodataframe", "build_map", "import_target")


# --- README as sections and blocks -------------------------------------------------------------


def slug(heading: str) -> str:
    """GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


@cache
def headings() -> list[tuple[int, str, int]]:
    """(level, title, line index) of every heading outside code blocks."""
    out, fenced = [], False
    for i, line in enumerate(README.splitlines()):
        if line.lstrip().startswith("```"):
            fenced = not fenced
        elif not fenced and (m := re.match(r"(#{1,6}) (.+)", line)):
            out.append((len(m.group(1)), m.group(2).strip(), i))
    return out


def anchors() -> set[str]:
    """The anchors GitHub gives README's headings (a repeated one gets ``-1``, ``-2``)."""
    seen: dict[str, int] = {}
    out = set()
    for _, title, _ in headings():
        base = slug(title)
        n = seen.get(base, 0)
        seen[base] = n + 1
        out.add(base if n == 0 else f"{base}-{n}")
    return out


def section(title: str) -> str:
    """The text under the heading ``title``, its subsections included."""
    lines = README.splitlines()
    found = [(level, i) for level, t, i in headings() if t == title]
    assert len(found) == 1, f"README has one heading {title!r}"
    level, start = found[0]
    end = next((i for lv, _, i in headings() if i > start and lv <= level), len(lines))
    return "\n".join(lines[start + 1 : end])


@cache
def blocks() -> list[str]:
    """README cut where a reader would look for one thing: paragraphs, list items,
    table rows, and in code blocks each command line with its indented continuation."""
    out: list[str] = []
    current: list[str] = []
    fenced, indent = False, 0

    def flush():
        if current:
            out.append(" ".join(current))
            current.clear()

    for line in README.splitlines():
        if line.lstrip().startswith("```"):
            flush()
            fenced, indent = not fenced, len(line) - len(line.lstrip())
        elif fenced:
            line = line[indent:]  # a code block inside a list item is indented as a whole
            if not (line.startswith(" ") and current):
                flush()
            current.append(line)
        elif not line.strip() or line.startswith("#"):
            flush()
        elif line.startswith("|") or re.match(r"\s*(- |\d+\. )", line):
            flush()
            current.append(line)
        else:
            current.append(line)
    flush()
    return out


def backticked(text: str) -> set[str]:
    """The words written as code in ``text``."""
    return set(re.findall(r"`([^`\n]+)`", text))


# --- the parser ---------------------------------------------------------------------------------


def subparsers_action() -> argparse._SubParsersAction:
    return next(a for a in make_parser()._actions if isinstance(a, argparse._SubParsersAction))


def commands() -> dict[str, argparse.ArgumentParser]:
    return dict(subparsers_action().choices)


def arguments() -> list[tuple[str, argparse.Action]]:
    """(command, argument) for every argument of every command, ``-h`` aside."""
    return [
        (name, action)
        for name, parser in commands().items()
        for action in parser._actions
        if not isinstance(action, argparse._HelpAction)
    ]


def _arg_id(item) -> str:
    command, action = item
    return f"{command} {'/'.join(action.option_strings) or action.dest}"


COMMANDS = sorted(commands())
ARGUMENTS = arguments()
FLAGS = [(c, a) for c, a in ARGUMENTS if a.option_strings]


# --- commands and flags -------------------------------------------------------------------------


def test_geomap_help_lists_every_command_with_a_line():
    listed = {a.dest: a.help for a in subparsers_action()._choices_actions}
    assert sorted(listed) == COMMANDS
    assert all(h and h.strip() for h in listed.values()), listed


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_a_description(command):
    assert (commands()[command].description or "").strip()


@pytest.mark.parametrize("item", ARGUMENTS, ids=map(_arg_id, ARGUMENTS))
def test_every_argument_has_help(item):
    _, action = item
    assert action.help and action.help.strip() and action.help != argparse.SUPPRESS


@pytest.mark.parametrize("item", FLAGS, ids=map(_arg_id, FLAGS))
def test_every_flag_is_in_the_readme_with_its_command(item):
    """Somewhere one paragraph, list item, table row or command line names both
    the flag and its command (``geomap figure``, or `figure` in a list of commands)."""
    command, action = item
    named = re.compile(rf"(geomap {command}\b|make {command}\b|`{command}`)")
    long_flags = [o for o in action.option_strings if o.startswith("--")] or action.option_strings
    assert any(named.search(b) and any(re.search(rf"{o}(?![\w-])", b) for o in long_flags) for b in blocks()), (
        f"README: say what {'/'.join(action.option_strings)} does for geomap {command}"
    )


def readme_command_lines() -> list[str]:
    """README's commands: code block lines and code spans that run ``geomap``, comments cut off."""
    text = "\n".join(re.findall(r"```[a-z]*\n(.*?)```", README, flags=re.S))
    text = re.sub(r"\n(?=[ \t]+\[)", " ", text)  # an option list wrapped onto indented lines
    lines = [re.split(r"\s#\s", line)[0] for line in text.splitlines() if re.match(r"\s*geomap \w", line)]
    prose = re.sub(r"```.*?```", "", README, flags=re.S)
    spans = [" ".join(span.split()) for span in re.findall(r"`(geomap [a-z][^`]*)`", prose)]
    return lines + [s for s in spans if not s.split()[1].endswith(":")]  # "geomap build: error: ..." is output


def help_command_lines() -> list[str]:
    """The example lines of every command's ``--help``, comments cut off."""
    text = "\n".join(p.format_help() for p in commands().values())
    return [re.split(r"\s#\s", line)[0] for line in text.splitlines() if re.match(r"\s+geomap \w", line)]


def _check_command_line(line: str) -> None:
    """Each ``geomap CMD ...`` of a shell line names a command and only its options."""
    for part in re.split(r"&&|\|", line):
        words = part.split()
        if words[:1] != ["geomap"]:
            continue
        command, *rest = words[1:]
        assert command in commands(), f"'geomap {command}' does not exist"
        own = {o for a in commands()[command]._actions for o in a.option_strings}
        shown = re.findall(r"(?<![\w-])--?[a-z][\w-]*", " ".join(rest))
        assert [f for f in shown if f.split("=")[0] not in own] == [], f"geomap {command}"


@pytest.mark.parametrize("line", readme_command_lines())
def test_every_command_line_of_the_readme_parses(line):
    """What README shows a user to type is a command with options it has (the
    reverse of the tests above: an option renamed or removed is caught)."""
    _check_command_line(line)


@pytest.mark.parametrize("line", help_command_lines())
def test_every_example_of_the_help_parses(line):
    _check_command_line(line)


# --- the Python API ------------------------------------------------------------------------------


def api_functions() -> set[str]:
    """The public functions of geomap.api and the callables geomap exports."""
    defined = {
        name
        for name, fn in vars(geomap.api).items()
        if inspect.isfunction(fn) and fn.__module__ == "geomap.api" and not name.startswith("_")
    }
    exported = {name for name in geomap.__all__ if inspect.isfunction(getattr(geomap, name))}
    return defined | exported


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_is_in_the_api_table(command):
    api = section("Python API")
    if command in NO_API_TWIN:
        said = [p for p in api.split("\n\n") if f"`geomap {command}`" in p and NO_API_TWIN[command] in p]
        assert said, f"README's Python API: why geomap {command} has no function"
        return
    name = API_NAME.get(command, command)
    rows = [r for r in api.splitlines() if r.startswith(f"| `geomap {command}")]
    assert rows, f"README's API table: a row for geomap {command}"
    assert f"`geomap.{name}(" in rows[0]
    assert callable(getattr(geomap.api, name))


@pytest.mark.parametrize("name", sorted(api_functions()))
def test_every_api_function_twins_a_command_or_is_documented_beyond_them(name):
    twins = {API_NAME.get(c, c) for c in COMMANDS if c not in NO_API_TWIN}
    if name in twins:
        return
    assert name in NOT_A_COMMAND, f"geomap.{name} has no command: add one, or list it in NOT_A_COMMAND"
    assert re.search(rf"geomap\.(api\.)?{name}\(", section("Python API")), f"README's Python API shows {name}"


#: (command, option's dest) -> the API parameter of another name that takes it.
RENAMED = {
    ("import", "file"): "path",
    ("geocode", "names"): "name",
    ("geocode", "country"): "countries",
    ("accept", "all"): "only_marked",
    # geomap.extract's `report` is the Report that collects the problems: a
    # parameter of the option's name that means something else is no twin
    ("extract", "report"): "report_csv",
}
#: Options that change only what the command prints, not what it does.
PRINTING_ONLY = {"quiet", "json", "misses"}
#: (command, option's dest) the API function does not take (yet); README's
#: Python API section names each. Empty: extract's and build's --follow-links,
#: --jobs, --scheduler, --parquet and --checkpoint were here.
NOT_IN_THE_FUNCTION: set[tuple[str, str]] = set()


def _parameters(command: str) -> set[str]:
    fn = getattr(geomap.api, API_NAME.get(command, command))
    names = set(inspect.signature(fn).parameters)
    if command == "build":  # geomap.build passes its **options on to the pipeline
        from geomap.pipeline import build as pipeline_build

        names |= set(inspect.signature(pipeline_build).parameters)
    return names


MIRRORED = [(c, a) for c, a in ARGUMENTS if c not in NO_API_TWIN]


@pytest.mark.parametrize("item", MIRRORED, ids=map(_arg_id, MIRRORED))
def test_every_option_has_its_parameter_in_the_api_function(item):
    """The function takes what the command takes, under the option's name, or
    README's Python API section says how it differs."""
    command, action = item
    api = section("Python API")
    flag = "/".join(action.option_strings) or action.dest
    # renamed first: a parameter of the option's name may mean something else
    if (command, action.dest) in RENAMED:
        assert RENAMED[command, action.dest] in _parameters(command)
        said = re.search(rf"`{RENAMED[command, action.dest]}[`=]", api)
        assert said, f"README, Python API: {flag} of geomap {command}"
        return
    if action.dest in _parameters(command):
        assert (command, action.dest) not in NOT_IN_THE_FUNCTION, f"{flag} is in geomap.{command} now: not an exception"
        return
    assert action.dest in PRINTING_ONLY or (command, action.dest) in NOT_IN_THE_FUNCTION, (
        f"geomap.{API_NAME.get(command, command)} has no parameter for {flag}: add one, or say why in README"
    )
    assert any(f"`{o}`" in api for o in action.option_strings), f"README, Python API: say where {flag} went"


def test_the_documented_exceptions_still_exist():
    assert set(NOT_A_COMMAND) <= api_functions()
    assert set(NO_API_TWIN) <= set(COMMANDS)
    dests = {a.dest for _, a in ARGUMENTS}
    assert {d for _, d in RENAMED} | PRINTING_ONLY | {d for _, d in NOT_IN_THE_FUNCTION} <= dests


def python_examples() -> list[str]:
    """README's Python blocks that call geomap."""
    return [b for b in re.findall(r"```python\n(.*?)```", README, flags=re.S) if "geomap." in b]


def test_the_python_examples_run(tmp_path, monkeypatch, geomap_cache):
    """README's Python blocks run as written, in order, from a folder holding the
    files they name (articles, a gold CSV, a copy of the curated data)."""
    import shutil

    assert len(python_examples()) >= 2
    shutil.copytree(REPO / "tests" / "data" / "articles", tmp_path / "articles")
    shutil.copy(REPO / "tests" / "data" / "news_dev" / "gold.csv", tmp_path / "gold.csv")
    for folder in ("geodata", "my"):
        (tmp_path / folder).mkdir()
        for name in ("events.csv", "sources.csv"):
            shutil.copy(REPO / "geodata" / name, tmp_path / folder / name)
    monkeypatch.chdir(tmp_path)
    namespace: dict = {"geomap": geomap}
    for block in python_examples():
        exec(compile(block, "README.md", "exec"), namespace)
    assert (tmp_path / "output" / "map.html").exists() and (tmp_path / "drafts.csv").exists()


# --- the architecture table ----------------------------------------------------------------------


def architecture_rows() -> dict[str, str]:
    """First-cell path (``geomap/x.py`` or ``geomap/pkg/``) -> the whole row."""
    rows = {}
    for line in section("Architecture").splitlines():
        if line.startswith("| `geomap/"):
            first = line.split("|")[1]
            for path in re.findall(r"`(geomap/[^`]*)`", first):
                rows[path] = line
    return rows


def modules() -> list[str]:
    return sorted(str(p.relative_to(REPO)) for p in PACKAGE.rglob("*.py") if "vendor" not in p.parts)


def _listed(module: str, rows: dict[str, str]) -> bool:
    if module in rows:
        return True
    parts = module.split("/")
    # the nearest package with a row of its own, which names the module relative to itself
    for cut in range(len(parts) - 1, 0, -1):
        package = "/".join(parts[:cut]) + "/"
        if package in rows:
            rest = "/".join(parts[cut:])
            return rest == "__init__.py" or rest in backticked(rows[package])
    return False


@pytest.mark.parametrize("module", modules())
def test_every_module_is_in_the_architecture_table(module):
    assert _listed(module, architecture_rows()), f"README, Architecture: a row or a mention for {module}"


def test_how_extraction_works_lists_every_module_of_the_extract_package():
    listed = set()
    for row in section("How it works").splitlines():
        if row.startswith("| `"):
            listed |= {w for w in backticked(row.split("|")[1]) if w.endswith(".py")}
    package = PACKAGE / "extract"
    modules = {str(p.relative_to(package)) for p in package.rglob("*.py") if p.name != "__init__.py"}
    assert sorted(modules - listed) == [], "README, How it works: a row for each"
    assert sorted(listed - modules) == [], "README, How it works: no such module"


def test_every_path_of_the_architecture_table_exists():
    missing = []
    for first, row in architecture_rows().items():
        if not (REPO / first).exists():
            missing.append(first)
        if first.endswith("/"):
            for word in backticked(row):
                if word.startswith("geomap/"):
                    continue  # a first cell, checked as such
                if re.fullmatch(r"[\w/]+\.py|\w+/", word) and not (REPO / first / word).exists():
                    missing.append(first + word)
    assert not missing, "README, Architecture: no such path"


# --- data formats ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory, offline_chain) -> Path:
    """A real build of the curated events, a dataset and the test articles (drafts),
    with every optional output: its folder."""
    out = tmp_path_factory.mktemp("readme") / "output"
    events = [REPO / "geodata" / "events.csv", REPO / "tests" / "data" / "datasets" / "acled_2024.csv"]
    articles = [str(REPO / "tests" / "data" / "articles")]
    geomap.build(events, out=out, articles=articles, chain=offline_chain, figure=True, gpkg=True)
    return out


def test_every_column_of_the_problem_files_is_described(built):
    from geomap.report import Report

    text = backticked(section("`output/rejected.csv`, `unlocated.csv` and `extract --report`"))
    for name in ("rejected.csv", "unlocated.csv"):
        with open(built / name, encoding="utf-8", newline="") as fh:
            assert [c for c in next(csv.reader(fh)) if c not in text] == [], f"README, Data formats: {name}"
    assert [c for c in Report().to_csv().splitlines()[0].split(",") if c not in text] == []


def test_every_key_of_summary_json_is_described(built):
    from geomap import counts

    summary = json.loads((built / "summary.json").read_text(encoding="utf-8"))
    keys = set(summary) | set(counts.SUMMARY) | {k for f in summary["files"] for k in f}
    text = backticked(section("`output/summary.json`"))
    assert sorted(keys - text) == [], "README, summary.json: describe these keys"


def test_every_output_file_is_in_the_readme(built):
    table = section("Setup: two commands")
    for path in built.iterdir():
        name = re.sub(r"\.\d+\..*$", ".*", path.name)  # .geomap-gen.PID.RANDOM
        wanted = f"`output/{name}`" if name.startswith(".") else f"`{name}`"
        assert wanted in table or f"`{name}`" in table, f"README, Setup: say what {path.name} is"


def test_every_column_of_events_csv_is_described(built):
    with open(built / "events.csv", encoding="utf-8", newline="") as fh:
        header = next(csv.reader(fh))
    text = backticked(section("Data formats"))
    assert [c for c in header if c not in text] == [], "README, Data formats: describe these columns"


def test_every_property_of_events_geojson_is_described(built):
    features = json.loads((built / "events.geojson").read_text(encoding="utf-8"))["features"]
    properties = dict.fromkeys(k for f in features for k in f["properties"])
    text = backticked(section("Data formats"))
    assert [p for p in properties if p not in text] == [], "README, Data formats: describe these properties"


def test_every_column_of_the_curated_files_is_described():
    from geomap import schema

    text = backticked(section("Data formats"))
    missing = [c for c in schema.EVENT_COLUMNS + schema.SOURCE_COLUMNS if c not in text]
    assert missing == [], "README, Data formats: describe these columns"


def test_every_column_of_the_drafts_csv_is_described():
    text = backticked(section("Drafts CSV"))
    assert [c for c in drafts_io.COLUMNS if c not in text] == [], "README, Drafts CSV: describe these columns"


def test_the_data_formats_section_points_to_the_drafts_csv():
    assert "(#drafts-csv)" in section("Data formats")


# --- links, make targets, changelog ------------------------------------------------------------------


def links() -> list[str]:
    """Targets of README's markdown links and images, code blocks and spans aside."""
    text = re.sub(r"```.*?```", "", README, flags=re.S)
    text = re.sub(r"`[^`\n]*`", "", text)
    return re.findall(r"\]\(([^)\s]+)\)", text)


def test_every_relative_link_resolves():
    broken = []
    for target in links():
        if re.match(r"[a-z]+:", target):  # http:, https:, mailto:
            continue
        path, _, anchor = target.partition("#")
        if path and not (REPO / path).exists():
            broken.append(target)
        elif not path and anchor not in anchors():
            broken.append(target)
        elif path.endswith(".md") and anchor and path != "README.md":
            md = (REPO / path).read_text(encoding="utf-8")
            if anchor not in {slug(h) for h in re.findall(r"^#+ (.+)$", md, re.M)}:
                broken.append(target)
    assert not broken, "README: links to nothing"


def make_targets() -> dict[str, str]:
    """Target -> its ``## `` help (empty when it has none)."""
    text = (REPO / "Makefile").read_text(encoding="utf-8")
    out = {}
    for m in re.finditer(r"^([a-z][\w-]*):(?!=)([^\n#]*)(?:## (.*))?$", text, re.M):
        out[m.group(1)] = (m.group(3) or "").strip()
    return out


@pytest.mark.parametrize("target", sorted(make_targets()))
def test_every_make_target_has_help_and_is_in_the_readme(target):
    assert make_targets()[target], f"Makefile: '{target}: ... ## what it does'"
    assert re.search(rf"make {target}\b", README), f"README: mention make {target}"


def test_changelog_has_the_current_version():
    tomllib = pytest.importorskip("tomllib")
    version = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    release = re.match(r"\d+(\.\d+)*", version).group()  # 0.2.0.dev0 is on the way to 0.2.0
    changelog = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    assert re.search(rf"^## {re.escape(release)}\b", changelog, re.M), f"CHANGELOG.md: a '## {release}' entry"


def test_readme_wheel_name_is_the_current_version():
    tomllib = pytest.importorskip("tomllib")
    version = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    for name in re.findall(r"geomap-([\w.]+)-py3-none-any\.whl", README):
        assert name == version
