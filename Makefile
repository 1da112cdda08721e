# Plan Tracker: the two commands of the README, and what they need.
# `make site` installs Plan Tracker in .venv and builds the bundled site into site/.
# `make test` installs the test tools (and Debian's chromium when it is missing), checks the types
# (mypy, strict) and runs every test.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: site serve test chromium

site: $(VENV)/.installed
	$(BIN)/mkdocs build --strict

serve: $(VENV)/.installed
	$(BIN)/mkdocs serve -a 127.0.0.1:8000

test: $(VENV)/.installed-test chromium
	$(BIN)/python -m mypy
	$(BIN)/python -m pytest

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

# The test tools, and the other site builders the portable-output tests build with (Zensical,
# ProperDocs: the `engines` extra; both install beside MkDocs without clashing).
$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[test,engines]'
	touch $@

# Browser tests drive Debian's chromium; Playwright never downloads a browser.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium; }
