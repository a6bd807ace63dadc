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

# Extract, store and link the fixture article, then list its conflicts and audit Fox News.
# Ingest is idempotent: running the demo again adds nothing to demo.db.
demo: setup
	$(BIN)/claimcheck extract $(FIXTURE) --table
	$(BIN)/claimcheck ingest $(FIXTURE) --db demo.db
	$(BIN)/claimcheck conflicts --db demo.db --table
	$(BIN)/claimcheck audit "Fox News" --db demo.db --table

test: setup
	$(BIN)/ruff check claimcheck tests benchmarks
	$(BIN)/mypy
	$(BIN)/python -m pytest -q

bench: setup
	$(BIN)/python benchmarks/bench_extract.py
	$(BIN)/python benchmarks/bench_conflicts.py
	$(BIN)/python benchmarks/bench_vector_search.py
