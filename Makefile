# Viral Open Space: `make run` to try it, `make test` to check it.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
HOST ?= 127.0.0.1
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
PYTEST_WORKERS ?= 2

.PHONY: run test check lint format messages compilemessages demo bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(TEST_STAMP): pyproject.toml $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

run: $(STAMP)
	$(BIN)/vos migrate --no-input
	$(BIN)/vos demo --if-empty
	HOST=$(HOST) PORT=$(PORT) $(BIN)/vos serve

test: $(TEST_STAMP)
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist loadgroup $(PYTEST_ARGS)

lint: $(TEST_STAMP)
	$(BIN)/ruff check src tests bench docs tools
	$(BIN)/ruff format --check src tests bench docs tools

# What CI checks besides the tests: lint and formatting, the import rule (import-linter's
# contracts in pyproject.toml), migrations in step with the models.
check: lint
	$(BIN)/lint-imports
	$(BIN)/vos makemigrations --check --dry-run

format: $(TEST_STAMP)
	$(BIN)/ruff check --fix src tests bench docs tools
	$(BIN)/ruff format src tests bench docs tools

# Refresh the catalogs from the code, then compile them (the .mo files are committed).
messages: $(STAMP)
	$(BIN)/vos makemessages --locale en --locale fr --locale es --locale pt --locale ar \
		--no-obsolete --add-location file --ignore ".venv" --ignore "var" --ignore "tests" --ignore "bench" \
		--ignore "locale_overrides"
	$(BIN)/python tools/brazilian_portuguese.py
	$(BIN)/python tools/compile_overrides.py
	$(MAKE) compilemessages

compilemessages: $(STAMP)
	$(BIN)/vos compilemessages --ignore ".venv" --ignore "locale_overrides"

demo: $(STAMP)
	$(BIN)/vos demo

bench: $(TEST_STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) var
