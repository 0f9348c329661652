# The two set-up commands are `make run` and `make test`; see README.md.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
DEV_ENV := DJANGO_DEBUG=1

BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/newsroom_bench
BENCH_REDIS_URL ?= redis://127.0.0.1:6379/13
BENCH_ARTICLES ?= 100000
BENCH_ENV := DATABASE_URL=$(BENCH_DATABASE_URL) REDIS_URL=$(BENCH_REDIS_URL) DJANGO_DEBUG=0 \
	DJANGO_SECRET_KEY=benchmark-only-not-a-secret DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost,testserver \
	MEDIA_ROOT=$(CURDIR)/media-bench SECURE_SSL_REDIRECT=0

.PHONY: run test e2e bench chaos screenshots lint format clean mutants

$(INSTALLED): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Newsroom needs Python 3.11 or newer; this is " + sys.version.split()[0] + ". Run e.g. make PYTHON=python3.11 …")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e ".[dev]"
	@touch $@

run: $(INSTALLED)
	$(DEV_ENV) $(BIN)/python manage.py migrate --noinput
	$(DEV_ENV) $(BIN)/python manage.py seed_demo
	$(DEV_ENV) $(BIN)/python manage.py runserver 127.0.0.1:8000

test: $(INSTALLED)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# Only the browser tests (tests/e2e/), in headless Chromium; `make test` runs them too.
e2e: $(INSTALLED)
	$(BIN)/python -m pytest -m e2e $(PYTEST_ARGS)

# An HTTP benchmark under gunicorn and wrk against PostgreSQL with 100,000 articles
# and Redis (a database of its own: the benchmark clears it), beside Wagtail 8.0.1
# on the same machine (skip it with `make bench SKIP_WAGTAIL=1`); see docs/performance.md.
bench: $(INSTALLED)
	createdb -h 127.0.0.1 -U postgres newsroom_bench 2>/dev/null || true
	$(BENCH_ENV) $(BIN)/python manage.py migrate --noinput
	$(BENCH_ENV) $(BIN)/python manage.py bench --articles $(BENCH_ARTICLES) $(if $(SKIP_WAGTAIL),--skip-wagtail)

# Redis and PostgreSQL faults for real, under load, on a throwaway PostgreSQL
# cluster and Redis of its own, with two gunicorn instances behind Varnish;
# see docs/reliability.md. About two minutes; it loads the machine meanwhile.
chaos: $(INSTALLED)
	$(BIN)/python -m chaos

screenshots: $(INSTALLED)
	$(BIN)/python -m tests.e2e.screenshots

# Mutation testing of the rules with mutmut: small deliberate bugs in the
# workflow, readership, sanitising, image, share-link and permission code that
# the tests must catch; see docs/testing.md. About 45 minutes on two idle
# cores (an hour on a busy shared machine): every mutant builds a test database.
MUTANTS_INSTALLED := $(VENV)/.installed-mutants
MUTANT_CHILDREN ?= 2
MUTANTS := "articles.workflow.*" "articles.readership.*" "articles.sanitize.*" \
	"articles.images.*" "articles.preview.*" \
	"articles.models.xǁArticleQuerySetǁpublished__mutmut_*" \
	"articles.models.xǁArticleQuerySetǁvisible_to__mutmut_*" \
	"articles.admin.xǁ*ǁhas_*" \
	"articles.admin.xǁNewsroomUserAdminǁget_readonly_fields__mutmut_*" \
	"articles.admin.xǁNewsroomUserAdminǁ_may_manage__mutmut_*"

$(MUTANTS_INSTALLED): $(INSTALLED)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e ".[dev,mutants]"
	@touch $@

mutants: $(MUTANTS_INSTALLED)
	rm -rf mutants
	env -u DATABASE_URL -u REDIS_URL $(BIN)/mutmut run --max-children $(MUTANT_CHILDREN) $(MUTANTS)
	$(BIN)/mutmut results

lint: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(INSTALLED)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles test-artifacts mutants
