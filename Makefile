# Two commands on a fresh machine:
#   make app    start the workshop app on the bundled examples
#   make test   run the whole test suite
# Each does its own set-up: a virtual environment in .venv with everything installed, at the
# exact versions of constraints.txt (the versions the test suite last passed with).
#   make lock   renew constraints.txt after a dependency in pyproject.toml changed: resolves
#               '.[app,dev]' afresh in a temporary environment and freezes it; then run make test.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: app test lint bench install lock system-deps golden clean fuzz

CONSTRAINTS := constraints.txt
LOCK_VENV := .lock-venv

$(STAMP): pyproject.toml $(CONSTRAINTS)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c $(CONSTRAINTS) -e '.[app,dev]'
	touch $(STAMP)

install: $(STAMP)

# Debian's Chromium for the end-to-end browser test (never `playwright install`).
system-deps:
	@bash scripts/system-deps.sh

app: $(STAMP)
	$(BIN)/journeys app examples

test: $(STAMP) system-deps lint
	$(BIN)/python -m pytest

# ruff (pyflakes and pycodestyle errors, lines up to 120) and mypy (persona/ and journeys/);
# both are configured in pyproject.toml.
lint: $(STAMP)
	$(BIN)/ruff check
	$(BIN)/mypy

lock:
	rm -rf $(LOCK_VENV)
	$(PYTHON) -m venv $(LOCK_VENV)
	$(LOCK_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(LOCK_VENV)/bin/python -m pip install --quiet -e '.[app,dev]'
	@echo "# The versions 'make install' uses; regenerate with 'make lock' (see Makefile)." > $(CONSTRAINTS)
	$(LOCK_VENV)/bin/python -m pip freeze --exclude-editable >> $(CONSTRAINTS)
	rm -rf $(LOCK_VENV)

bench: $(STAMP)
	$(BIN)/python -m bench

# A long property-based run of the loader and validator (tests/test_fuzz.py): only the project's own
# errors may come out. FUZZ_EXAMPLES inputs of each kind, new ones each run.
FUZZ_EXAMPLES ?= 50000
fuzz: $(STAMP)
	JOURNEYS_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/python -m pytest tests/test_fuzz.py -q -p no:cacheprovider

# Regenerate the golden files after an intended change of rendered output; review the diff.
golden: $(STAMP)
	JOURNEYS_UPDATE_GOLDEN=1 $(BIN)/python -m pytest tests -k golden

clean:
	rm -rf $(VENV) $(LOCK_VENV) build dist *.egg-info
