# wire-archive: two commands on a fresh machine.
#   make html   set up (.venv, node_modules), import wire/ into content/, build output/
#   make test   set up (also Debian's chromium), lint, run every test
# Run `make help` for the rest.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
WIRE ?= wire
CONTENT ?= content
OUTPUT ?= output
CONF ?= pelicanconf.py
PUBLISHCONF ?= publishconf.py
PORT ?= 8000
PYTEST_ARGS ?=

PELICAN := $(BIN)/pelican
WIRE_ARCHIVE := $(BIN)/wire-archive

.DEFAULT_GOAL := help
.PHONY: help runtime setup html import build regenerate serve publish siteurl github clean test lint format bench browser screenshots fuzz

help:
	@echo "make html        set up, import $(WIRE)/ into $(CONTENT)/, build the site into $(OUTPUT)/"
	@echo "make serve       preview $(OUTPUT)/ on http://localhost:$(PORT)/"
	@echo "make publish     import and build with $(PUBLISHCONF) (SITEURL from the environment: required)"
	@echo "make github      publish, then push $(OUTPUT)/ to the gh-pages branch (ghp-import)"
	@echo "make test        set up and run every test, lint included"
	@echo "make lint        ruff (lint and format check) and mypy"
	@echo "make format      let ruff format the code"
	@echo "make bench       measure import and build speed against baselines"
	@echo "make screenshots pictures of the sample site for the README (docs/screenshots/)"
	@echo "make fuzz        fuzz every input format with atheris (FUZZ_SECONDS, default 60)"
	@echo "make clean       remove $(OUTPUT)/ and caches"

# --- set-up: each stamp is rebuilt when what it installs from changes -------------
# Two sets. The runtime (import, build, serve, publish) installs the site's own
# dependencies only: `pip install -e .` and `npm ci --omit=dev`. The dev set-up
# (test, lint, bench, screenshots) installs those and the test, lint and benchmark
# tools. A dev install is a runtime too: it stamps both, and where it is there the
# runtime stamp follows it rather than install anew (`npm ci` would empty
# node_modules/ of the dev tools), so `make test`, `make html`, `make test` install
# nothing twice.
$(VENV)/.installed: pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	touch $@ $(VENV)/.runtime

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@ node_modules/.runtime

ifneq ($(wildcard $(VENV)/.installed),)
$(VENV)/.runtime: $(VENV)/.installed
	touch $@
else
$(VENV)/.runtime: pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e .
	touch $@
endif

ifneq ($(wildcard node_modules/.installed),)
node_modules/.runtime: node_modules/.installed
	touch $@
else
node_modules/.runtime: package.json package-lock.json
	npm ci --omit=dev --no-audit --no-fund
	touch $@
endif

# make github needs ghp-import, not the whole dev set-up.
$(VENV)/.ghp-import: constraints.txt | $(VENV)/.runtime
	$(BIN)/python -m pip install --quiet -c constraints.txt ghp-import
	touch $@

runtime: $(VENV)/.runtime node_modules/.runtime
setup: $(VENV)/.installed node_modules/.installed

# Browser tests drive Debian's chromium (browser downloads do not work here).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Debian's chromium for the browser tests"; \
	  SUDO=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends chromium >/dev/null; }

# --- the site ----------------------------------------------------------------------
import: $(VENV)/.runtime
	$(WIRE_ARCHIVE) import $(WIRE) --content $(CONTENT)

build: runtime
	$(PELICAN) $(CONTENT) -o $(OUTPUT) -s $(CONF)

# A broken wire file must not keep the rest of the archive offline: build what
# converted, then fail with the importer's status so the error is not missed.
html: runtime
	@status=0; $(WIRE_ARCHIVE) import $(WIRE) --content $(CONTENT) || status=$$?; \
	$(PELICAN) $(CONTENT) -o $(OUTPUT) -s $(CONF) && exit $$status

regenerate: runtime
	$(PELICAN) -r $(CONTENT) -o $(OUTPUT) -s $(CONF)

# Serves what was built even when a story could not be (html says which, and fails).
serve: runtime
	-@$(MAKE) --no-print-directory html
	$(PELICAN) -l $(CONTENT) -o $(OUTPUT) -s $(CONF) -p $(PORT)

# Publishing needs the site's address: without it every link, the sitemap and the
# feeds would point at the wrong place. Like html, a broken wire file does not stop
# the site: what converted is built, and the importer's status is the exit status.
publish: siteurl runtime
	@status=0; $(WIRE_ARCHIVE) import $(WIRE) --content $(CONTENT) || status=$$?; \
	$(PELICAN) $(CONTENT) -o $(OUTPUT) -s $(PUBLISHCONF) && exit $$status

siteurl:
	@case "$$SITEURL" in http://*|https://*) ;; *) \
	  echo "Error: make publish needs SITEURL, the site's address (https://user.github.io/archief), found '$$SITEURL'; run: SITEURL=https://... make publish" >&2; \
	  exit 2;; esac

github: publish $(VENV)/.ghp-import
	$(BIN)/ghp-import -m "Publish the archive" -b gh-pages --no-jekyll $(OUTPUT)
	git push origin gh-pages

clean:
	rm -rf $(OUTPUT) .pytest_cache .mypy_cache .ruff_cache .hypothesis
	find . -name __pycache__ -not -path './$(VENV)/*' -not -path './node_modules/*' -prune -exec rm -rf {} +

# --- checks --------------------------------------------------------------------------
lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: $(VENV)/.installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# One pytest worker per core, each taking whole test files (module fixtures stay
# in one worker); PYTEST_ARGS=-n0 runs them in this process, one after another.
test: setup browser lint
	$(BIN)/pytest -n logical --dist loadfile --durations=15 $(PYTEST_ARGS)

bench: setup browser
	$(BIN)/python -m benchmarks

FUZZ_SECONDS ?= 60
fuzz: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -c constraints.txt atheris
	mkdir -p .cache/fuzz-corpus .cache/fuzz-crashes
	$(BIN)/python -m fuzz.fuzz_formats .cache/fuzz-corpus -max_total_time=$(FUZZ_SECONDS) \
	  -rss_limit_mb=2048 -artifact_prefix=.cache/fuzz-crashes/

screenshots: setup browser
	$(BIN)/python -m tools.screenshots
