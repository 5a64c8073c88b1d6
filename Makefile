# KeyPlan: `make serve` builds and serves the app; `make test` runs every test;
# `make bench` measures the release build and writes BENCHMARKS.md.
# Each installs what it needs first (scripts/setup.sh) and skips what is already there.
SHELL := bash
PORT ?= 8080

.PHONY: serve build test test-host test-web test-e2e test-load lint fmt setup bench

serve: build
	@echo "KeyPlan is at http://127.0.0.1:$(PORT)/"
	python3 -m http.server $(PORT) --bind 127.0.0.1 --directory dist

build:
	scripts/setup.sh build
	scripts/build.sh

test:
	scripts/setup.sh test
	tests/test.sh

test-host:
	cargo test

test-web:
	tests/test.sh web

test-e2e:
	tests/test.sh e2e

# The e2e level three times in a row with every core kept busy (tests/load.sh).
test-load:
	scripts/setup.sh test
	tests/load.sh

lint:
	tests/test.sh lint

setup:
	scripts/setup.sh test

# Not part of `make test`: timed figures are not assertions. BENCH_RUNS=5 by default.
bench:
	scripts/setup.sh test
	scripts/build.sh
	node tests/bench/bench.mjs
