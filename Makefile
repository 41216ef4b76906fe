# Two commands: `make serve` and `make test`. Every target sets up .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
READY := $(VENV)/.ready
INVOKE := $(BIN)/invoke
CHROMIUM_PATH ?= /usr/bin/chromium
export CHROMIUM_PATH

.PHONY: help serve test check lighthouse build rebuild preview publish clean regenerate reserve new-post bench browser java

help:
	@echo "make serve   build the sample site and serve it at http://127.0.0.1:8000 with live reload"
	@echo "make test    run the whole test suite (browser tests included), then the publishing gates"
	@echo "make check   publishing gates only: links, HTML, feeds, accessibility, page budget, JSON-LD"
	@echo "make lighthouse   Lighthouse scores per page type (optional; installs npm lighthouse locally)"
	@echo "make build | preview | rebuild | clean | publish | bench | new-post TITLE=\"...\""

$(READY): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

serve: $(READY)
	$(INVOKE) livereload

test: $(READY) browser java
	$(BIN)/python -m pytest
	$(INVOKE) check

check: $(READY) browser java
	$(INVOKE) check

browser:
	@sh scripts/ensure-chromium.sh "$(CHROMIUM_PATH)"

java:
	@sh scripts/ensure-java.sh

LIGHTHOUSE := .cache/lighthouse/node_modules/.bin/lighthouse
$(LIGHTHOUSE):
	npm install --prefix .cache/lighthouse --save-exact --no-audit --no-fund lighthouse@12.2.3

lighthouse: $(READY) browser $(LIGHTHOUSE)
	CHROME_PATH="$(CHROMIUM_PATH)" $(INVOKE) lighthouse

build rebuild preview publish clean regenerate reserve bench: $(READY)
	$(INVOKE) $@

new-post: $(READY)
	$(INVOKE) new-post "$(TITLE)"
