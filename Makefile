# FieldKit: `make run` opens the app on a demo store, `make test` runs what CI runs.
# Each target sets up .venv itself (Python 3.11+ needed).

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
RUN_STAMP := $(VENV)/.stamp-run
TEST_STAMP := $(VENV)/.stamp-test
PYTEST_ARGS ?=

.PHONY: run demo test check lint format bench translations clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' || \
		{ echo "FieldKit needs Python 3.11 or newer; $(PYTHON) is $$($(PYTHON) -V 2>&1)." >&2; exit 1; }
	@$(PYTHON) -m venv $(VENV) || \
		{ echo "Could not create $(VENV): on Debian/Ubuntu install python3-venv." >&2; exit 1; }
	@$(BIN)/python -m pip install --quiet --upgrade pip

$(RUN_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(TEST_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@ $(RUN_STAMP)

## run: open the app on the demo store in your per-user data folder (seeded on first run)
run: $(RUN_STAMP)
	@$(BIN)/fieldkit demo --quiet
	@$(BIN)/fieldkit gui

## demo: (re)seed the demo into the per-user data folder; idempotent
demo: $(RUN_STAMP)
	$(BIN)/fieldkit demo

lint: $(TEST_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(TEST_STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## test: lint, format check and the whole test suite, offscreen
test: lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

## check: what CI runs
check: test

## bench: the performance targets of DESIGN.md, as ratios against baselines measured in the same run
bench: $(TEST_STAMP)
	@for script in benchmarks/*.py; do echo "== $$script"; QT_QPA_PLATFORM=offscreen $(BIN)/python $$script || exit 1; done

## translations: refresh the .ts catalogues from the sources and compile them to .qm
translations: $(RUN_STAMP)
	$(BIN)/python tools/translations.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache build dist
