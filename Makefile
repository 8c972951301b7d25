# payref — the two commands of the README, and the steps they are made of.
#   make run    install what is missing, build native + wasm, run the validation demo, then start
#               payref-server on 127.0.0.1:8080 (PORT=, DATA=) with its demo merchant
#   make test   install what is missing, build, run every test (ctest + node --test)
SHELL := /bin/bash
JOBS ?= 2
NATIVE := build/native
WASM := build/wasm
export NODE_PATH := /usr/share/nodejs

.PHONY: run test deps build native wasm test-native test-js bench clean

PORT ?= 8080
DATA ?= payref-data

run: build
	node web-demo/validation-demo.mjs
	@echo
	exec $(NATIVE)/server/payref-server --port $(PORT) --data $(DATA) --demo web-demo --package npm/dist

test: build
	$(MAKE) test-native test-js

deps:
	.ci/deps

build: deps
	$(MAKE) native wasm

native:
	cmake -S . -B $(NATIVE) -G Ninja -DCMAKE_BUILD_TYPE=Release
	cmake --build $(NATIVE) -j$(JOBS)

wasm:
	emcmake cmake -S . -B $(WASM) -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_CROSSCOMPILING_EMULATOR=/usr/bin/node
	cmake --build $(WASM) -j$(JOBS)

test-native:
	ctest --test-dir $(NATIVE) --output-on-failure

test-js:
	cd tests && PAYREF_NATIVE_BUILD=$(CURDIR)/$(NATIVE) node --test --test-reporter=spec js/test/

bench: build
	cd tests && node bench/validation_bench.mjs && node bench/size_bench.mjs
	cd tests && node bench/first_validation_bench.mjs && node bench/quote_bench.mjs
	$(NATIVE)/tests/redact_bench
	tests/bench/server_bench.sh
	cd tests && node bench/clock_bench.mjs

clean:
	rm -rf build npm/dist
