# Two commands: `make serve` and `make test`. Every target sets up .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
READY := $(VENV)/.ready
INVOKE := $(BIN)/invoke
CHROMIUM_PATH ?= /usr/bin/chromium
export CHROMIUM_PATH

.PHONY: help serve test build rebuild preview publish clean regenerate reserve new-post browser

help:
	@echo "make serve   build the sample site and serve it at http://127.0.0.1:8000 with live reload"
	@echo "make test    run the whole test suite (browser tests included)"
	@echo "make build | preview | rebuild | clean | publish | new-post TITLE=\"...\""

$(READY): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

serve: $(READY)
	$(INVOKE) livereload

test: $(READY) browser
	$(BIN)/python -m pytest

browser:
	@sh scripts/ensure-chromium.sh "$(CHROMIUM_PATH)"

build rebuild preview publish clean regenerate reserve: $(READY)
	$(INVOKE) $@

new-post: $(READY)
	$(INVOKE) new-post "$(TITLE)"
