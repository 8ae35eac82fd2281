# Two commands on a fresh machine:
#   make app    start the workshop app on the bundled examples
#   make test   run the whole test suite
# Each does its own set-up: a virtual environment in .venv with everything installed.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: app test bench install system-deps golden clean fuzz

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[app,dev]'
	touch $(STAMP)

install: $(STAMP)

# Debian's Chromium for the end-to-end browser test (never `playwright install`).
system-deps:
	@bash scripts/system-deps.sh

app: $(STAMP)
	$(BIN)/journeys app examples

test: $(STAMP) system-deps
	$(BIN)/python -m pytest

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
	rm -rf $(VENV) build *.egg-info
