# diplomat-tui: `make run` installs and opens the app, `make test` installs and runs every test.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
# Test processes (pytest-xdist): two per core of the 2-core machines the project runs on,
# since many tests spend their time waiting (an app settling, a subprocess, tmux): measured
# 82 s with 4 processes, 100 s with 2, 86 s with 6.
WORKERS ?= 4
# SIGKILLs of the crash test: a quick sample in `make test`, the full run in `make soak`.
SOAK_KILLS ?= 500

.PHONY: run test lint soak bench fidelity install clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# A regular (not editable) install: what the tests and the app run is the built wheel,
# assets included, exactly as `pip install .` gives a user. Done again whenever a file (or
# folder: a file removed) of the package or its metadata is newer than the last install.
INSTALLED := $(VENV)/.installed
PACKAGE_FILES := pyproject.toml README.md LICENSE \
	$(shell find diplomat_tui assets -not -path '*/__pycache__*' -not -name '*.pyc')

install: $(INSTALLED)

$(INSTALLED): $(BIN)/python $(PACKAGE_FILES)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check ".[test]"
	touch $@

run: $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check .
	$(BIN)/diplomat-tui

# Style, the import contracts of pyproject.toml (they follow indirect imports), types.
lint: install
	$(BIN)/ruff check diplomat_tui tests $(wildcard benchmarks)
	$(BIN)/ruff format --check diplomat_tui tests $(wildcard benchmarks)
	$(BIN)/lint-imports --no-logo --no-cache
	$(BIN)/mypy

test: install lint
	$(BIN)/pytest -q -n $(WORKERS) --dist worksteal

# The crash test with the full number of kills (about 7 minutes on 2 cores).
soak: install
	DIPLOMAT_TUI_TEST_KILLS=$(SOAK_KILLS) $(BIN)/pytest -q -p no:cacheprovider \
		tests/test_crash.py -k sigkill

bench: install
	$(BIN)/python benchmarks/run.py

# Precision and new-fact recall of `ingest` on the articles with truth in tests/articles
# (docs/fidelity.md); FIDELITY_ARGS=-v lists every wrong and missed fact.
fidelity: install
	$(BIN)/python benchmarks/fidelity.py $(FIDELITY_ARGS)

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache
