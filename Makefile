# The README's two commands: `make demo` and `make test`. Needs only Python 3.11+, pip and make.
PYTHON ?= python3
UV := $(PYTHON) -m uv
# Use the machine's Python; never download one.
export UV_PYTHON_DOWNLOADS := never

.PHONY: demo test uv

uv:  ## install uv with pip when it is missing
	@$(UV) --version >/dev/null 2>&1 || $(PYTHON) -m pip install --quiet --user uv || $(PYTHON) -m pip install --quiet uv

demo: uv  ## build the embedded knowledge base from seeds/ and serve it on http://127.0.0.1:8000
	$(UV) sync --locked --no-dev
	$(UV) run --locked --no-dev visitkb db upgrade
	$(UV) run --locked --no-dev visitkb ingest seeds/
	$(UV) run --locked --no-dev visitkb serve --host 127.0.0.1 --port 8000

test: uv  ## lint and run the test suite (on PostgreSQL when VISITKB_TEST_DATABASE_URL is set)
	$(UV) sync --locked
	$(UV) run --locked ruff check .
	$(UV) run --locked ruff format --check .
	$(UV) run --locked lint-imports
	$(UV) run --locked pytest
