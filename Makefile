# Two commands on a fresh machine: `make demo` (set up, then run claimcheck on the fixture article)
# and `make test` (lint, type-check, tests). .ci/run runs exactly these.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
FIXTURE := fixtures/baghouz-2019-03-23.nl.txt

.PHONY: setup demo test bench

setup: $(VENV)/.installed

# torch first, pinned: 2.13.0 is the CPU build; an unpinned torch pulled in by sentence-transformers
# would be a CUDA build of several GB.
$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet torch==2.13.0
	$(BIN)/python -m pip install --quiet -e '.[embed,dev]'
	touch $@

demo: setup
	$(BIN)/claimcheck extract $(FIXTURE) --table

test: setup
	$(BIN)/ruff check claimcheck tests benchmarks
	$(BIN)/mypy
	$(BIN)/python -m pytest -q

bench: setup
	$(BIN)/python benchmarks/bench_extract.py
