# Two entry points: `make demo` and `make test`. Both create .venv/ when missing.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip --disable-pip-version-check --no-input
SHARED ?= ../shared

.PHONY: demo test install install-test clean

$(PY):
	$(PYTHON) -c 'import sys; assert sys.version_info[:2] >= (3, 11), "recoupe needs Python 3.11+"'
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml requirements.lock | $(PY)
	$(PIP) install -q -c requirements.lock -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml requirements.lock | $(PY)
	$(PIP) install -q -c requirements.lock -e '.[test]'
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

demo: install
	@if [ -f $(SHARED)/data/reliability/decodex.json ]; then \
	  $(VENV)/bin/recoupe sources import $(SHARED)/data/reliability/decodex.json --format decodex; fi
	$(VENV)/bin/recoupe demo --out demo-output
	$(VENV)/bin/recoupe ingest src/recoupe/resources/demo/*.txt src/recoupe/resources/demo/*.html --db demo-output/corpus.db
	@echo "Corpus (SQLite): demo-output/corpus.db. Next:"
	@echo "  $(VENV)/bin/recoupe articles --db demo-output/corpus.db          # list (add --format json)"
	@echo "  $(VENV)/bin/recoupe show ID --db demo-output/corpus.db           # one article, its judgements and duplicates"
	@echo "  $(VENV)/bin/recoupe ingest MORE_FILES_OR_URLS --db demo-output/corpus.db   # grow it (re-ingesting adds nothing)"
	@echo "  $(VENV)/bin/recoupe stories --db demo-output/corpus.db          # stories across outlets and languages"
	@echo "  $(VENV)/bin/recoupe serve --db demo-output/corpus.db            # the web UI at http://127.0.0.1:8000/"

test: install-test
	$(PY) -m pytest -n 2 -q

clean:
	rm -rf $(VENV) demo-output .pytest_cache
