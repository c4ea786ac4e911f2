# diplomat-tui: `make run` installs and opens the app, `make test` installs and runs every test.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: run test lint bench fidelity install clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# A regular (not editable) install: what the tests and the app run is the built wheel,
# assets included, exactly as `pip install .` gives a user.
install: $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check ".[test]"

run: $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check .
	$(BIN)/diplomat-tui

lint: install
	$(BIN)/ruff check diplomat_tui tests $(wildcard benchmarks)
	$(BIN)/ruff format --check diplomat_tui tests $(wildcard benchmarks)

test: install lint
	$(BIN)/pytest -q

bench: install
	$(BIN)/python benchmarks/run.py

# Precision and new-fact recall of `ingest` on the articles with truth in tests/articles
# (docs/fidelity.md); FIDELITY_ARGS=-v lists every wrong and missed fact.
fidelity: install
	$(BIN)/python benchmarks/fidelity.py $(FIDELITY_ARGS)

clean:
	rm -rf $(VENV) build dist .pytest_cache
