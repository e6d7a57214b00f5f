"""What the wheel declares and ships: imports, package data, where geodata is read and written."""

from __future__ import annotations

import ast
import re
import sys
from importlib.metadata import metadata, packages_distributions
from pathlib import Path

import pytest

import geomap
from geomap import geo

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "geomap"


def _canonical(name: str) -> str:
    """PEP 503 normalised distribution name."""
    return re.sub(r"[-_.]+", "-", name).lower()


def imported_modules() -> dict[str, set[str]]:
    """Every absolute import in the package (lazy ones inside functions too): name -> files.

    ``from a.b import c`` gives ``a.b`` and ``a.b.c`` (``c`` may be a module).
    """
    found: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            else:
                continue
            for name in names:
                found.setdefault(name, set()).add(str(path.relative_to(REPO)))
    return found


def declared_distributions() -> set[str]:
    """Distributions named in geomap's Requires-Dist, extras included."""
    requires = metadata("geomap").get_all("Requires-Dist") or []
    return {_canonical(re.match(r"[A-Za-z0-9._-]+", req).group()) for req in requires}


def test_every_import_is_stdlib_geomap_or_declared():
    declared = declared_distributions()
    providers = packages_distributions()
    undeclared = {}
    top_level: dict[str, set[str]] = {}
    for name, files in imported_modules().items():
        top_level.setdefault(name.partition(".")[0], set()).update(files)
    for module, files in sorted(top_level.items()):
        if module in sys.stdlib_module_names or module in ("geomap", "__future__"):
            continue
        dists = {_canonical(d) for d in providers.get(module, [])}
        if not dists & declared:
            undeclared[module] = (sorted(dists) or ["not installed"], sorted(files))
    assert not undeclared, f"imported but not declared in pyproject.toml: {undeclared}"


def test_no_private_module_of_another_package_is_imported():
    private = {
        f"{module}: {sorted(files)}"
        for module, files in imported_modules().items()
        if not module.startswith("geomap")
        and any(part.startswith("_") and not part.startswith("__") for part in module.split("."))
    }
    assert not private


def test_package_data_globs_match_existing_files():
    tomllib = pytest.importorskip("tomllib")
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    # setup.py maps geomap.geodata onto the checkout's geodata/
    roots = {"geomap": PACKAGE, "geomap.geodata": REPO / "geodata"}
    for package, patterns in config["tool"]["setuptools"]["package-data"].items():
        for pattern in patterns:
            assert any(p.is_file() for p in roots[package].glob(pattern)), (package, pattern)


def test_in_a_checkout_geodata_is_the_checkouts():
    assert geo.CHECKOUT_DIR == REPO
    assert geo.geodata_path("events.csv") == REPO / "geodata" / "events.csv"
    assert geo.writable_geodata_path("events.csv") == REPO / "geodata" / "events.csv"


def test_installed_accept_needs_an_events_file(monkeypatch, tmp_path, capsys):
    from geomap.cli import main
    from geomap.exc import InputError

    monkeypatch.setattr(geo, "CHECKOUT_DIR", None)
    with pytest.raises(InputError, match="--events"):
        geo.writable_geodata_path("events.csv")
    drafts = tmp_path / "drafts.csv"
    drafts.write_text("doc_id,event_type\n", encoding="utf-8")
    assert main(["accept", str(drafts)]) == 1
    err = capsys.readouterr().err
    assert "read-only" in err and "--events" in err
    assert not (tmp_path / "events.csv").exists()


def test_version_comes_from_the_installed_metadata():
    assert geomap.__version__ == metadata("geomap")["Version"]
    tomllib = pytest.importorskip("tomllib")
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert geomap.__version__ == project["version"], "reinstall: pip install -e ."


def test_vendored_assets_resolve_and_carry_their_licences():
    from geomap.render import assets

    urls = [
        value[1]
        for value in vars(assets).values()
        if isinstance(value, tuple) and len(value) == 2 and str(value[1]).startswith("https://")
    ]
    assert len(urls) >= 5
    for url in urls:
        assert assets.vendored_text(url), url
    vendor = PACKAGE / "render" / "vendor"
    for path in vendor.rglob("*"):
        if path.suffix in (".js", ".css"):
            folders = [p for p in path.parents if p != vendor and vendor in p.parents]
            assert any(next(f.glob("*LICEN[CS]E*"), None) for f in folders), path
    assert assets.vendored_text("https://cdn.jsdelivr.net/npm/../../../render/assets.py") is None
    assert assets.vendored_text("http://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js") is None
