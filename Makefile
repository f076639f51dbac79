# TaskQL — the two commands the README starts with:
#   make run    install what is missing, build, open the REPL on the bundled data
#   make test   install what is missing, build, run every test
SWIFT ?= swift
CONFIG ?= debug
BIN = .build/$(CONFIG)/taskql
APT_PACKAGES = libedit-dev libxml2-dev zlib1g-dev pkg-config tmux locales libreoffice-writer-nogui poppler-utils

.PHONY: run test build deps bench bench-deps bench-ci docs format lint clean fuzz fuzz-ci

# Installs the Debian packages the build and the tests need, only when one is
# missing (so a second run is instant and works offline).
deps:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

build: deps
	$(SWIFT) build -c $(CONFIG)

run: build
	LANG=$${LANG:-C.UTF-8} $(BIN)

test: deps
	$(SWIFT) build
	$(SWIFT) test

# TaskQL beside DuckDB, sqlite3 and jq at 10k, 100k and 1M generated tasks,
# answers checked equal, results to Benchmarks/RESULTS.md (Benchmarks/bench.py).
# bench-ci runs it at 10k once, for the answers only (CI; no timing checks).
DUCKDB_VERSION = 2.0.1
bench-deps: deps
	@for p in jq sqlite3; do command -v $$p >/dev/null || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi
	@python3 -c 'import duckdb; assert duckdb.__version__ == "$(DUCKDB_VERSION)"' 2>/dev/null || \
	  python3 -m pip install -q --disable-pip-version-check "duckdb==$(DUCKDB_VERSION)"
	$(SWIFT) build -c release --product taskql
	$(SWIFT) build -c release --product taskql-bench

bench: bench-deps
	python3 Benchmarks/bench.py --results Benchmarks/RESULTS.md

bench-ci: bench-deps
	BENCH_SIZES=10000 BENCH_REPEATS=1 python3 Benchmarks/bench.py

# The DocC catalog (Sources/TaskQL/TaskQL.docc) and every public symbol's
# documentation, built with warnings as errors: a broken symbol link or a
# reference to a symbol that is not public fails (CI runs this).
docs: deps
	rm -rf .build/docs && mkdir -p .build
	$(SWIFT) package --disable-sandbox generate-documentation --target TaskQL --warnings-as-errors \
	  --output-path .build/docs

# Coverage-guided fuzzing (libFuzzer + AddressSanitizer), one target after
# another, FUZZ_SECONDS each (Tests/FUZZING.md); FUZZ_TARGETS picks some.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?=
fuzz: deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) SWIFT=$(SWIFT) ./Fuzz/run.sh $(FUZZ_TARGETS)

# What CI runs: every target briefly, failing on any crash, hang or leak.
# A fixed seed and number of runs from the committed seeds make it the
# same inputs on every machine, so CI is red only for a real regression
# (open-ended search is `make fuzz`; a random 15 s found a crash in one CI
# run and not in the next).
fuzz-ci: deps
	FUZZ_SECONDS=120 FUZZ_ARGS="-seed=1 -runs=15000" SWIFT=$(SWIFT) ./Fuzz/run.sh

format:
	$(SWIFT) format -i -r Sources Tests Fuzz Snippets Benchmarks

# Fails on any formatting drift (run `make format` to fix).
lint:
	$(SWIFT) format lint --strict -r Sources Tests Fuzz Snippets Benchmarks

clean:
	rm -rf .build
