"""Package layout that ``pyproject.toml`` cannot express on its own.

The project's data folder ``geodata/`` sits at the top of the checkout (users
edit ``geodata/events.csv``, ``geomap accept`` writes there, other tools read
it by that path), but it must ship *inside* the package so an installed wheel
works from any folder. ``package_dir`` maps the import name ``geomap.geodata``
onto that folder; ``find_namespace_packages`` discovers every other
subpackage, data folders such as ``render/static`` too (no hand-kept list).
Everything else is in ``pyproject.toml``.
"""

from setuptools import find_namespace_packages, setup

setup(
    packages=find_namespace_packages(include=["geomap", "geomap.*"]) + ["geomap.geodata"],
    package_dir={"geomap.geodata": "geodata"},
)
