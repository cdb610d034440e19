# Two entry points: `make demo` (the main job) and `make test`. Both install what they need.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
QUERY  ?= Nagorno-Karabakh

.PHONY: install demo test lint bench eval clean

$(BIN)/newsindex: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

install: $(BIN)/newsindex

demo: install  ## provision + start the local Elasticsearch node, ingest seeds/, print a faceted search
	$(BIN)/newsindex es start
	$(BIN)/newsindex ingest seeds
	$(BIN)/newsindex search "$(QUERY)"

lint: install
	$(BIN)/ruff check .

test: lint  ## unit tests + integration tests against a real Elasticsearch node of their own
	$(BIN)/pytest -q

bench: install
	$(BIN)/python bench/bench_indexing.py
	$(BIN)/python bench/bench_extraction.py
	$(BIN)/python bench/bench_search.py

eval: install
	$(BIN)/python bench/eval_extraction.py

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache .ruff_cache
