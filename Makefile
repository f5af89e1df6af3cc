# Two commands for a fresh machine: `make run` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(VENV)/bin/pip

.PHONY: run test install install-test samples bench lint clean train cv lockbox
SHARED ?= ../shared

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(PIP) install -q -e '.[test]'
	touch $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

run: install
	$(PY) cli.py batch data/raw -o data/processed --review
	$(PY) cli.py summary data/processed -o data/processed/overview.html

test: install-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) -m pytest

samples: install
	$(PY) scripts/make_samples.py

bench: install-test
	$(PY) bench/run.py

CORRECTIONS ?= data/corrections

train: install-test  # rebuild the shipped models in pipelines/learn/models/ from $(SHARED) (+ $(CORRECTIONS) when it has files), fixed seed
	$(PY) -m pipelines.learn.train --shared $(SHARED) $(if $(wildcard $(CORRECTIONS)/*.json),--with $(CORRECTIONS))

cv: install-test  # grouped cross-validation over $(SHARED)/train (lockbox left out): the figure we quote; with $(CORRECTIONS) too when it has files
	$(PY) -m pipelines.learn.cv --shared $(SHARED) $(if $(wildcard $(CORRECTIONS)/*.json),--with $(CORRECTIONS))

lockbox: install-test  # the lockbox groups, scored once at the end
	$(PY) -m pipelines.learn.cv --shared $(SHARED) --lockbox

lint: install-test
	$(VENV)/bin/ruff check .

clean:
	rm -rf $(VENV) .pytest_cache
