# Two commands: `make serve` and `make test`. Every target sets up .venv first:
# the runtime set for building and serving, the dev set (tests, gates, lint) on top for the rest.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip --disable-pip-version-check --quiet
RUNTIME := $(VENV)/.runtime-ready
DEV := $(VENV)/.dev-ready
INVOKE := $(BIN)/invoke
CHROMIUM_PATH ?= /usr/bin/chromium
export CHROMIUM_PATH

.PHONY: help serve test test-fast lint check lighthouse build rebuild preview publish clean regenerate reserve new-post bench browser java lock

help:
	@echo "make serve      build the sample site and serve it at http://127.0.0.1:8000 with live reload"
	@echo "make test       lint, the whole test suite (browser tests included), then the publishing gates"
	@echo "make test-fast  the tests without the browser and slow ones (under a minute, for the edit loop)"
	@echo "make check      publishing gates only: links, HTML, feeds, accessibility, page budget, JSON-LD"
	@echo "make lighthouse Lighthouse scores per page type (optional; installs npm lighthouse locally)"
	@echo "make build | preview | rebuild | clean | publish | bench | lock | new-post TITLE=\"...\""

# Runtime: what build, serve and publish need (requirements/runtime.txt, hash-checked), then
# the project itself, editable, so plugins and tools import by name.
$(RUNTIME): requirements/runtime.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --require-hashes -r requirements/runtime.txt
	$(PIP) install --no-deps -e .
	touch $@

# Dev: tests, publishing gates and ruff (requirements/dev.txt includes the runtime set).
$(DEV): $(RUNTIME) requirements/dev.txt
	$(PIP) install --require-hashes -r requirements/dev.txt
	touch $@

serve: $(RUNTIME)
	$(INVOKE) livereload

lint: $(DEV)
	$(BIN)/ruff check .

test: $(DEV) browser java lint
	$(BIN)/python -m pytest
	$(INVOKE) check

test-fast: $(DEV)
	$(BIN)/python -m pytest -m "not browser and not slow"

check: $(DEV) browser java
	$(INVOKE) check

browser:
	@sh scripts/ensure-chromium.sh "$(CHROMIUM_PATH)"

java:
	@sh scripts/ensure-java.sh

# Regenerate both locks from pyproject.toml (after changing a dependency there).
lock: $(RUNTIME)
	$(PIP) install pip-tools==7.6.2
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras -o requirements/runtime.txt pyproject.toml
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --extra test -o requirements/dev.txt pyproject.toml

LIGHTHOUSE := .cache/lighthouse/node_modules/.bin/lighthouse
$(LIGHTHOUSE):
	npm install --prefix .cache/lighthouse --save-exact --no-audit --no-fund lighthouse@12.2.3

lighthouse: $(DEV) browser $(LIGHTHOUSE)
	CHROME_PATH="$(CHROMIUM_PATH)" $(INVOKE) lighthouse

build rebuild preview publish clean regenerate reserve: $(RUNTIME)
	$(INVOKE) $@

bench: $(DEV)
	$(INVOKE) bench

new-post: $(RUNTIME)
	$(INVOKE) new-post "$(TITLE)"
