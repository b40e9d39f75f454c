# Two commands set everything up: `make run` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
TEST_DATABASE_URL ?= postgres://infointerview:infointerview@127.0.0.1:5432/infointerview
TEST_HOME := INFOINTERVIEW_HOME=$(CURDIR)/.test-home

.PHONY: run test test-sqlite test-postgres lint format system-packages postgres clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed pyproject.toml
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

run: $(VENV)/.installed
	$(BIN)/infointerview init
	$(BIN)/infointerview serve --host 127.0.0.1 --port 8000

system-packages:
	sh scripts/install-system-packages.sh

postgres: system-packages
	sh scripts/start-postgres.sh

lint: $(VENV)/.installed-test
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

format: $(VENV)/.installed-test
	$(BIN)/ruff check --fix src tests bench
	$(BIN)/ruff format src tests bench

test-sqlite: $(VENV)/.installed-test system-packages
	rm -f .test-home/infointerview.log*
	env -u DATABASE_URL $(TEST_HOME) $(BIN)/pytest

test-postgres: $(VENV)/.installed-test postgres
	DATABASE_URL=$(TEST_DATABASE_URL) $(TEST_HOME) $(BIN)/pytest

test: lint
	env -u DATABASE_URL $(TEST_HOME) $(BIN)/python src/manage.py makemigrations --check --dry-run > /dev/null
	$(MAKE) test-sqlite
	$(MAKE) test-postgres

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
