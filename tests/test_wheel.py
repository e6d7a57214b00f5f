"""The wheel works on its own: built, installed into a fresh environment, run outside the checkout.

Offline all the way: the wheel is built without build isolation (setuptools
comes from the test extras), the fresh environment is made with ``venv
--without-pip`` and gets the wheel from this environment's pip
(``--python``, ``--no-index``, ``--no-deps``). Its dependencies come from
this environment's site-packages through a ``.pth`` line; a directory added
that way has its own ``.pth`` files ignored, so the checkout's editable
geomap cannot leak in, and the test checks that ``geomap`` is imported from
the fresh environment. The commands run from a temporary folder, with a
private geocoding cache holding the small GeoNames fixture index.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

import geomap

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[1]
#: Not part of a source tree: environments, outputs, caches, earlier builds (at the top).
_NOT_SOURCE_TOP = {".git", ".venv", "output", "build", "dist", ".pytest_cache", ".hypothesis", ".cache"}


def _not_source(folder: str, names: list[str]) -> set[str]:
    top = Path(folder) == REPO
    return {n for n in names if n == "__pycache__" or n.endswith(".egg-info") or (top and n in _NOT_SOURCE_TOP)}


ARTICLE = """---
title: Torkham shut again
source: Test Wire
published: 2024-03-12
url: https://example.org/torkham
---
Pakistani officials closed the Torkham crossing on Monday after guards from
both sides exchanged fire near the gate, traders said.
"""


def _run(cmd, **kwargs) -> subprocess.CompletedProcess:
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=300, **kwargs)
    assert result.returncode == 0, f"{cmd}\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The wheel, built from a copy of the source tree (the checkout stays untouched)."""
    base = tmp_path_factory.mktemp("wheel")
    src = base / "src"
    shutil.copytree(REPO, src, ignore=_not_source)
    _run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "--wheel-dir",
            str(base / "dist"),
            str(src),
        ]
    )
    (found,) = (base / "dist").glob("geomap-*.whl")
    return found


@pytest.fixture(scope="module")
def env(wheel, tmp_path_factory, fixture_index) -> dict:
    """A fresh virtual environment with the wheel installed; how to run it."""
    root = tmp_path_factory.mktemp("env")
    venv = root / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", str(venv)])
    bindir = venv / ("Scripts" if os.name == "nt" else "bin")
    python = bindir / ("python.exe" if os.name == "nt" else "python")
    site = Path(_run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]).stdout.strip())
    ours = {sysconfig.get_paths()[key] for key in ("purelib", "platlib")}
    (site / "dependencies.pth").write_text("".join(f"{p}\n" for p in sorted(ours)), encoding="utf-8")
    _run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--quiet",
            "--no-deps",
            "--no-index",
            str(wheel),
        ]
    )
    cache = root / "cache"
    cache.mkdir()
    from geomap.geocoders import geonames

    index_name = geonames.default_index_path().name
    shutil.copy(fixture_index, cache / index_name)
    work = root / "work"  # the user's folder: outside the checkout
    work.mkdir()
    environ = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    environ.update(GEOMAP_CACHE=str(cache), PATH=f"{bindir}{os.pathsep}{environ.get('PATH', '')}")
    return {"python": python, "geomap": bindir / "geomap", "site": site, "cwd": work, "env": environ}


def geomap_cmd(env, *args, check=True) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [str(env["geomap"]), *args], cwd=env["cwd"], env=env["env"], capture_output=True, text=True, timeout=300
    )
    if check:
        assert result.returncode == 0, f"geomap {args}\n{result.stdout}\n{result.stderr}"
    return result


def test_wheel_holds_the_data_and_assets_and_nothing_else(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for path in (REPO / "geodata").iterdir():
        if path.suffix in (".csv", ".geojson", ".md"):
            assert f"geomap/geodata/{path.name}" in names
    vendored = [p for p in (REPO / "geomap" / "render" / "vendor").rglob("*") if p.is_file()]
    for path in vendored:
        assert path.relative_to(REPO).as_posix() in names
    assert not [n for n in names if n.startswith(("tests/", "geodata/", "scripts/"))]


def test_wheel_carries_the_licence(wheel):
    # pyproject said MIT, but no LICENSE was in the checkout or the wheel
    z = zipfile.ZipFile(wheel)
    (licence,) = [n for n in z.namelist() if n.endswith(".dist-info/licenses/LICENSE")]
    assert z.read(licence).decode() == (REPO / "LICENSE").read_text()
    assert "MIT License" in z.read(licence).decode()
    (metadata,) = [n for n in z.namelist() if n.endswith(".dist-info/METADATA")]
    fields = z.read(metadata).decode().split("\n\n")[0].splitlines()
    assert "License-Expression: MIT" in fields and "License-File: LICENSE" in fields


def test_geomap_is_imported_from_the_fresh_environment(env):
    out = subprocess.run(
        [
            str(env["python"]),
            "-c",
            "import geomap, geomap.geo as g; print(geomap.__file__); print(g.CHECKOUT_DIR); print(g.GEODATA_DIR)",
        ],
        cwd=env["cwd"],
        env=env["env"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    module, checkout, geodata = out.stdout.split("\n")[:3]
    assert Path(module).is_relative_to(env["site"]), module
    assert checkout == "None"
    assert Path(geodata) == env["site"] / "geomap" / "geodata"


def test_version(env):
    assert geomap_cmd(env, "--version").stdout.strip() == f"geomap {geomap.__version__}"


def test_geocode(env):
    out = geomap_cmd(env, "geocode", "Torkham").stdout
    assert out.startswith("Torkham: Torkham (crossing") and "backend gazetteer" in out


def test_build_writes_output_in_the_current_folder(env):
    result = geomap_cmd(env, "build", "--quiet")
    out = env["cwd"] / "output"
    assert (out / "map.html").stat().st_size > 100_000
    summary = (out / "summary.json").read_text(encoding="utf-8")
    curated_rows = (REPO / "geodata" / "events.csv").read_text(encoding="utf-8").count("\nAFPK-")
    assert f'"rows_read": {curated_rows}' in summary, summary
    assert result.stderr == ""


def test_extract_then_accept_needs_events(env):
    article = env["cwd"] / "torkham.md"
    article.write_text(ARTICLE, encoding="utf-8")
    geomap_cmd(env, "extract", article.name, "-o", "drafts.csv", "--quiet")
    drafts = (env["cwd"] / "drafts.csv").read_text(encoding="utf-8")
    assert "Torkham" in drafts and "border_closure" in drafts
    packaged = env["site"] / "geomap" / "geodata" / "events.csv"
    before = packaged.read_bytes()
    refused = geomap_cmd(env, "accept", "drafts.csv", "--all", check=False)
    assert refused.returncode == 1 and "--events" in refused.stderr
    assert packaged.read_bytes() == before
