# Two entry points: `make demo` (the main job) and `make test` (the whole suite, what .ci/run calls). Both
# install what they need. `make test-unit` is the quick lane: no Elasticsearch, no Redis, no Maven.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
QUERY  ?= Nagorno-Karabakh

.PHONY: install demo test test-unit test-deps lint bench eval eval-ablation fit-scorer eval-gate docs clean

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

# The scale-out tests start their own redis-server (Debian's package): installed here when missing, so
# `make test` works alone on a fresh machine.
test-deps:
	@command -v redis-server >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing redis-server (Debian package) for the scale-out tests"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null; \
	  else \
	    echo "the tests need redis-server: run 'sudo apt-get install redis-server', then 'make test' again" >&2; \
	    exit 2; \
	  fi; }

test: lint test-deps  ## unit tests + integration tests against a real Elasticsearch node of their own
	$(BIN)/pytest -q

# The unit lane: every test that needs a service (an Elasticsearch node — so Java and Maven —, redis-server)
# is skipped by its fixture and never starts one, and the slow ones are left out; no node, no network.
test-unit: install
	$(BIN)/ruff check .
	NEWSINDEX_TEST_NO_SERVICES=1 $(BIN)/pytest -q -m "not slow" -p no:cacheprovider

# docs/configuration.md, evaluation.md, performance.md, extraction.md from the code and bench/results/*.json
# (tests/test_docs.py fails when a committed one differs from what this writes).
docs: install
	$(BIN)/python bench/render_docs.py

# Each bench writes bench/results/<name>.json and deletes the indices it made; the node must run (started here).
# The whole set takes most of a day on 2 cores: the million-document ingests (3 runs on the node, 3 on a 3-node
# cluster the bench starts and removes) take 70–110 minutes each. The README's scale table is rendered at the end.
bench: install
	$(BIN)/newsindex es start
	$(BIN)/python bench/bench_scale.py
	$(BIN)/python bench/bench_scale.py --kinds text --modes ingest --sizes 10000,100000,1000000
	$(BIN)/python bench/bench_scale.py --kinds text --modes ingest --sizes 1000000 --cluster
	$(BIN)/python bench/bench_preview_memory.py
	$(BIN)/python bench/bench_extraction.py
	$(BIN)/python bench/bench_language.py
	$(BIN)/python bench/bench_indexing.py
	$(BIN)/python bench/bench_search.py --sizes 10000,100000,300000,1000000 --previous
	$(BIN)/python bench/bench_search.py --sizes 1000000 --cluster
	$(BIN)/python bench/render_docs.py

# `make eval ABLATION=1` also leaves each cleaning rule out in turn on the held-out pages (eval-ablation).
eval: install
	$(BIN)/python bench/eval_extraction.py --dump .newsindex/eval-dump
	$(BIN)/python bench/eval_devset.py
	$(BIN)/python bench/eval_freshsites.py
	$(BIN)/python bench/eval_metadata.py
	@if [ -n "$(ABLATION)" ]; then $(MAKE) --no-print-directory eval-ablation; fi

# docs/extraction.md's ablation table: bench/results/ablation.json (~10 minutes on 2 cores), then the docs.
eval-ablation: install
	$(BIN)/python bench/eval_ablation.py
	$(BIN)/python bench/render_docs.py

# The fitted scorer's weights (pipelines/scorer_weights.json) from the fitting half of the shared sets.
fit-scorer: install
	$(BIN)/python bench/fit_scorer.py
	$(BIN)/python bench/render_docs.py

# The evaluation gate (.ci/run): `make eval`, then every figure against the pinned run (bench/eval_pinned.json);
# fails when one falls by more than the noise. After a change that is better: bench/eval_gate.py DIR --pin.
eval-gate: eval
	$(BIN)/python bench/eval_gate.py .newsindex/eval-dump

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache .ruff_cache
