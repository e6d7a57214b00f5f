# geomap: two commands set everything up on a fresh machine.
#   make map    create .venv, install geomap, build output/ (map, exports, figure)
#   make test   install test extras and Chromium (Debian package), run the tests
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
OUT ?= output
# make map EVENTS="geodata/events.csv path/to/acled.csv" ARTICLES=dir/
EVENTS ?=
ARTICLES ?=
CHROMIUM ?= /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)

.PHONY: help map test fuzz lint bench figure screenshots chromium wheel clean distclean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	@touch $@

$(TEST_STAMP): $(STAMP)
	$(PY) -m pip install --quiet -e '.[test]'
	@touch $@

map: $(STAMP) ## build output/map.html, embed.html, events.geojson/csv, map.png/svg
	$(VENV)/bin/geomap build --out $(OUT) --figure \
	  $(foreach f,$(EVENTS),--events $(f)) $(if $(strip $(ARTICLES)),--articles $(ARTICLES))

figure: $(STAMP) ## static PNG and SVG of the map only
	$(VENV)/bin/geomap figure --out $(OUT)

chromium: ## install Debian's chromium if it is missing (for browser tests)
	@if [ ! -x $(CHROMIUM) ]; then \
	  echo "installing Debian's chromium package"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium >/dev/null; \
	fi
	@test -x $(CHROMIUM) || { echo "chromium not found at $(CHROMIUM)"; exit 1; }

test: $(TEST_STAMP) chromium lint ## lint, then the whole test suite (browser tests in headless Chromium)
	$(PY) -m pytest -q -p no:cacheprovider

fuzz: $(TEST_STAMP) ## the property tests with new random examples each run (make test draws fixed ones)
	GEOMAP_HYPOTHESIS=fuzz $(PY) -m pytest -q -p no:cacheprovider $$(grep -l '@given' tests/*.py)

lint: $(TEST_STAMP) ## ruff: lint and formatting check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

bench: $(TEST_STAMP) chromium ## benchmark at 1k/10k/100k events vs plain folium -> output/bench.json
	$(PY) -m geomap.bench --out $(OUT)

screenshots: $(TEST_STAMP) chromium map ## README screenshots into docs/
	$(PY) scripts/screenshots.py --out docs

wheel: $(STAMP) ## build dist/geomap-VERSION-py3-none-any.whl (pip install it anywhere)
	$(PY) -m pip wheel --quiet --no-deps --wheel-dir dist .
	@# setuptools leaves these in the tree; a stale geomap.egg-info would shadow
	@# the installed metadata (version, dependencies) when run from here
	rm -rf build geomap.egg-info

clean: ## remove generated output and caches (keeps .venv)
	rm -rf $(OUT) .pytest_cache .hypothesis build dist *.egg-info
	find . -name __pycache__ -type d -prune -exec rm -rf {} +

distclean: clean ## also remove the virtual environment
	rm -rf $(VENV)
