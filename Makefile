# `make run`: set up .venv, ingest the bundled Daily Papers page, serve GraphQL.
# `make test`: set up .venv and run the whole test suite.
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin
DB ?= paperkg.db
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run ingest serve test bench quality schema clean

run: ingest serve

ingest: $(VENV)/.installed
	$(BIN)/paperkg ingest data/daily_papers.txt --db $(DB)

serve: $(VENV)/.installed
	$(BIN)/paperkg serve --db $(DB) --host $(HOST) --port $(PORT)

test: $(VENV)/.installed
	$(BIN)/pytest -q -p no:cacheprovider

bench: $(VENV)/.installed
	$(BIN)/python bench/extract_speed.py

quality: $(VENV)/.installed
	$(BIN)/paperkg eval --quality-doc docs/quality.md ../shared/gold/*.jsonl

# Refresh the checked-in SDL after a schema change (tests/test_schema_sdl.py compares them).
schema: $(VENV)/.installed
	$(BIN)/paperkg schema -o schema.graphql

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e ".[test]"
	touch $@

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm *.egg-info
