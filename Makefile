# One task runner for newcomers, developers and CI.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.DEFAULT_GOAL := help
.PHONY: help run serve test test-services lint format check messages bench demo-wordpress

help:  ## List the tasks
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

# The virtual environment is rebuilt only when a requirements file changes, so a second `make run` is quick.
$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed-runtime: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.installed-runtime

run: $(VENV)/.installed-runtime  ## Set up, fill with demo content and serve the site on 127.0.0.1:8000 (SQLite)
	DEBUG=true $(BIN)/python manage.py migrate --noinput
	DEBUG=true $(BIN)/python manage.py seed_demo
	DEBUG=true SITE_URL=$${SITE_URL:-http://$(HOST):$(PORT)} $(BIN)/python manage.py runserver $(HOST):$(PORT)

# The demo newsroom's old WordPress site, with its pictures in a copy of its uploads folder: run after `make run`
# (or seed_demo), then try an old address such as http://127.0.0.1:8000/2019/05/14/market-vendors-pay-twice/.
demo-wordpress: $(VENV)/.installed-runtime  ## Import the demo newsroom's old WordPress site (posts, pictures, old addresses)
	DEBUG=true $(BIN)/python manage.py import_wordpress articles/demo/content/wordpress/export.xml \
		--uploads articles/demo/content/wordpress/uploads

test: $(VENV)/.installed-dev test-services  ## Run the test suite (SQLite, or the database in DATABASE_URL)
	$(BIN)/pytest $(PYTEST_ARGS)

# Besides Python packages the suite needs Chromium (browser tests), ip and tc (the fault tests drop a
# service's packets in a network namespace of their own) and a Redis on 127.0.0.1:6379 (rate limits
# shared between processes). Installed with apt-get when missing and run as root; otherwise it says what to install.
apt_install = { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null && apt-get update -qq \
	&& apt-get install -y -qq $(1) >/dev/null; } || { echo "The tests need $(1): install it, e.g. sudo apt-get install $(1)"; exit 1; }
redis_ping = $(BIN)/python -c "import redis; redis.Redis(socket_connect_timeout=1).ping()" 2>/dev/null

test-services: $(VENV)/.installed-dev
	@command -v chromium >/dev/null || $(call apt_install,chromium)
	@command -v tc >/dev/null || $(call apt_install,iproute2)
	@$(redis_ping) || { command -v redis-server >/dev/null || $(call apt_install,redis-server); \
		redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no >/dev/null; \
		for _ in $$(seq 30); do $(redis_ping) && break; sleep 0.5; done; $(redis_ping); }

lint: $(VENV)/.installed-dev  ## Lint and check formatting
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.installed-dev  ## Fix what the linter can and format the code
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check: $(VENV)/.installed-dev  ## Django's system checks and a check for missing migrations
	DEBUG=true $(BIN)/python manage.py check
	DEBUG=true $(BIN)/python manage.py makemigrations --check --dry-run
	@# Production settings must pass Django's deployment checklist with no warning.
	SECRET_KEY=$$($(BIN)/python -c "import secrets; print(secrets.token_urlsafe(50))") ALLOWED_HOSTS=news.example.org \
		SITE_URL=https://news.example.org \
		$(BIN)/python manage.py check --deploy --fail-level WARNING

# Entries without source locations, so that moving code does not rewrite the catalog (and branches merge cleanly).
messages: $(VENV)/.installed-dev  ## Update the Spanish catalog from the code and compile it
	DEBUG=true $(BIN)/python manage.py makemessages -l es --no-location --ignore=.venv --ignore=bench --ignore=tests
	DEBUG=true $(BIN)/python manage.py compilemessages -l es

# Needs PostgreSQL on 127.0.0.1:5432 (user postgres, no password) and Redis on 127.0.0.1:6379; installs wrk when
# missing and run as root. Re-uses the newsroom_bench database of an earlier run (BENCH_FRESH=1 rebuilds it).
bench: $(VENV)/.installed-dev  ## Load every page with and without the page cache at 100,000 articles; writes docs/benchmarks.md
	$(BIN)/python bench/run.py
