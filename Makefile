# A thin wrapper over CMake so that `make demo` and `make check` are the whole set-up.
BUILD ?= build
ASAN_BUILD ?= build-asan
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 60
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
SAMPLE = samples/harbour-council-vote.html

.PHONY: all deps test-deps build build-asan demo check test test-asan bench fuzz clean

all: build

deps:
	@bash tools/install-deps.sh build

test-deps:
	@bash tools/install-deps.sh test

build: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release -DONR_WERROR=ON >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

# The sanitizer build uses clang, so that one `make check` builds with both compilers.
build-asan: test-deps
	@CC=clang cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DONR_WERROR=ON -DONR_SANITIZE=ON >/dev/null
	@cmake --build $(ASAN_BUILD) -j $(JOBS)

demo: build
	@$(BUILD)/onrecord extract --with-metadata --sources --output-format markdown $(SAMPLE)

test: test-deps build
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

test-asan: build-asan
	@cd $(ASAN_BUILD) && ctest --output-on-failure -j $(JOBS)

check: test test-asan

bench: build
	@bash tools/install-deps.sh bench
	@bash bench/run.sh

# libFuzzer binaries (clang, ASan+UBSan) run FUZZ_SECONDS each; FUZZ_TARGETS picks some (default all).
fuzz: test-deps
	@CC=clang cmake -S . -B $(FUZZ_BUILD) -DCMAKE_BUILD_TYPE= -DCMAKE_C_FLAGS="-O1 -g -fsanitize=fuzzer-no-link" \
		-DONR_WERROR=ON -DONR_SANITIZE=ON -DONR_FUZZ=ON >/dev/null
	@cmake --build $(FUZZ_BUILD) -j $(JOBS) --target fuzz_targets
	@bash fuzz/run.sh $(FUZZ_BUILD) $(FUZZ_SECONDS) $(FUZZ_TARGETS)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(FUZZ_BUILD)
