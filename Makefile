# nnlab: build, test, demo and package.
#
#   make          install what is missing (Debian), build lib/ and the MEX files
#   make check    ... then run every test: C unit tests, Octave tests, install test
#   make demo     ... then run the lecture tour, figures into build/figures
#   make dist     write nnlab-<version>.tar.gz for `pkg install`
#   make bench    benchmarks against the peers (not part of check)
#   make clean

VERSION := $(shell sed -n 's/^Version: *//p' DESCRIPTION)
BUILD := build
OCTAVE ?= octave-cli
OCTFLAGS := --norc --no-history --no-window-system
MKOCTFILE ?= mkoctfile
CC ?= gcc

# Debian packages the build, the tests, the plots and the data need.
DEB_PACKAGES := make gcc octave liboctave-dev libopenblas-dev gnuplot-nox \
                fonts-freefont-otf libcmocka-dev dataset-fashion-mnist \
                octave-parallel

BUILD_ARGS := -f pkg/Makefile LIBDIR=lib MEXDIR=mex OBJDIR=$(BUILD)/obj \
              OUTDIR=$(BUILD)/mex MKOCTFILE=$(MKOCTFILE)
MEX_HELP := $(patsubst mex/%.m,$(BUILD)/mex/%.m,$(wildcard mex/*.m))
C_TESTS := $(patsubst tests/c/%.c,$(BUILD)/tests/%,$(wildcard tests/c/test_*.c))

all: deps build

# Installs only what is missing; as non-root prints the exact command.
deps:
	@missing=""; \
	for p in $(DEB_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' \
	    || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "nnlab: installing missing Debian packages:$$missing"; \
	    apt-get update -q && DEBIAN_FRONTEND=noninteractive \
	      apt-get install -y -q --no-install-recommends $$missing || exit 1; \
	  else \
	    echo "nnlab: these Debian packages are missing:$$missing"; \
	    echo "nnlab: install them as root with:"; \
	    echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends$$missing"; \
	    exit 1; \
	  fi; \
	fi

build: $(MEX_HELP)
	@$(MAKE) --no-print-directory $(BUILD_ARGS) all

# help-only .m files go beside the MEX files so that `help NAME` finds them
$(BUILD)/mex/%.m: mex/%.m
	@mkdir -p $(BUILD)/mex
	cp $< $@

$(BUILD)/tests/%: tests/c/%.c build
	@mkdir -p $(BUILD)/tests
	$(CC) -std=c99 -O1 -g -Wall -Wextra -Ilib $< $(BUILD)/obj/libnnlab.a \
	  -lcmocka $$($(MKOCTFILE) -p LAPACK_LIBS) $$($(MKOCTFILE) -p BLAS_LIBS) -lm -o $@

check: deps build $(C_TESTS) dist
	@sh tests/check.sh $(BUILD) $(VERSION)

demo: deps build
	$(OCTAVE) $(OCTFLAGS) --eval "addpath('$(CURDIR)'); nn_tour('$(CURDIR)/$(BUILD)/figures')" 2>&1 \
	  | grep -v 'ignoring const execution_exception'; exit $${PIPESTATUS[0]}

# ---- package for `pkg install` ----------------------------------------
DIST := $(BUILD)/dist/nnlab-$(VERSION)
dist: deps
	rm -rf $(BUILD)/dist && mkdir -p $(DIST)/inst $(DIST)/src/lib $(DIST)/src/mex
	cp DESCRIPTION COPYING INDEX NEWS pkg/post_install.m $(DIST)/
	cp m/*.m demos/*.m mex/*.m $(DIST)/inst/
	cp -r m/private m/@struct $(DIST)/inst/
	cp demos/private/*.m $(DIST)/inst/private/
	cp lib/*.c lib/*.h $(DIST)/src/lib/
	cp mex/*.c mex/*.h $(DIST)/src/mex/
	cp pkg/Makefile $(DIST)/src/Makefile
	tar -C $(BUILD)/dist -czf nnlab-$(VERSION).tar.gz nnlab-$(VERSION)
	@echo "wrote nnlab-$(VERSION).tar.gz"

bench: deps build
	@sh bench/run.sh $(BUILD)

clean:
	rm -rf $(BUILD) nnlab-*.tar.gz

.PHONY: all deps build check demo dist bench clean check-asan check-valgrind fuzz
SHELL := /bin/bash

# ---- sanitizers, memcheck and fuzzing (not part of check) ---------------
#   make check-asan      lib/ and the C unit tests with ASan and UBSan
#   make check-valgrind  the C unit tests under valgrind's memcheck
#   make fuzz            libFuzzer on lib/'s option and size validation
#                        (clang; FUZZ_TIME seconds, default 60)
SAN_DIR := $(BUILD)/asan
SAN_FLAGS := -fsanitize=address,undefined -fno-sanitize-recover=undefined \
             -fno-omit-frame-pointer
SAN_LIB_TYPED := $(shell sed -n 's/^LIB_TYPED := //p' pkg/Makefile)
SAN_LIB_UNTYPED := $(shell sed -n 's/^LIB_UNTYPED := //p' pkg/Makefile)
FUZZ_DIR := $(BUILD)/fuzz
FUZZ_CC ?= clang
FUZZ_TIME ?= 60
FUZZ_FLAGS := -std=c99 -O1 -g -fno-omit-frame-pointer -fno-sanitize-recover=undefined -Ilib

check-asan: deps
	@rm -rf $(SAN_DIR) && mkdir -p $(SAN_DIR)/obj
	@$(MAKE) --no-print-directory -f pkg/Makefile LIBDIR=lib OBJDIR=$(SAN_DIR)/obj \
	  MKOCTFILE=$(MKOCTFILE) LIB_CFLAGS="-std=c99 -O1 -g -fPIC -Wall -Wextra $(SAN_FLAGS)" lib
	@pass=0; fail=0; \
	for src in tests/c/test_*.c; do \
	  t=$(SAN_DIR)/$$(basename $$src .c); \
	  if ! $(CC) -std=c99 -O1 -g -Wall -Wextra $(SAN_FLAGS) -Ilib $$src \
	       $(SAN_DIR)/obj/libnnlab.a -lcmocka $$($(MKOCTFILE) -p LAPACK_LIBS) $$($(MKOCTFILE) -p BLAS_LIBS) -lm -o $$t; then \
	    fail=$$((fail + 1)); continue; \
	  fi; \
	  if ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1 \
	     $$t > $$t.log 2>&1; then \
	    echo "  $$(basename $$t): ok"; pass=$$((pass + 1)); \
	  else \
	    echo "  $$(basename $$t): FAILED (log in $$t.log)"; fail=$$((fail + 1)); \
	    grep -E 'ERROR|runtime error|FAILED' $$t.log | head -10; \
	  fi; \
	done; \
	echo "check-asan: $$pass passed, $$fail failed"; [ $$fail -eq 0 ]

# test_vmath is left out: it measures ulps against long double, which
# valgrind computes in 64 bits only, so its accuracy checks fail there.
VALGRIND_TESTS := $(filter-out %/test_vmath,$(C_TESTS))
check-valgrind: deps build $(VALGRIND_TESTS)
	@pass=0; fail=0; \
	for t in $(VALGRIND_TESTS); do \
	  if valgrind -q --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite,indirect \
	     $$t > $$t.valgrind.log 2>&1; then \
	    echo "  $$(basename $$t): ok"; pass=$$((pass + 1)); \
	  else \
	    echo "  $$(basename $$t): FAILED (log in $$t.valgrind.log)"; fail=$$((fail + 1)); \
	    grep -E '^==[0-9]+==|FAILED' $$t.valgrind.log | head -20; \
	  fi; \
	done; \
	echo "check-valgrind: $$pass passed, $$fail failed"; [ $$fail -eq 0 ]

fuzz:
	@command -v $(FUZZ_CC) > /dev/null || { echo "nnlab: make fuzz needs clang with libFuzzer:"; \
	  echo "  sudo apt-get install -y clang libclang-rt-dev"; exit 1; }
	@rm -rf $(FUZZ_DIR)/obj && mkdir -p $(FUZZ_DIR)/obj $(FUZZ_DIR)/corpus
	@set -e; for s in $(SAN_LIB_TYPED); do \
	  $(FUZZ_CC) $(FUZZ_FLAGS) -fsanitize=fuzzer-no-link,address,undefined -c lib/$$s.c -o $(FUZZ_DIR)/obj/$${s}_d.o; \
	  $(FUZZ_CC) $(FUZZ_FLAGS) -fsanitize=fuzzer-no-link,address,undefined -DNN_SINGLE -c lib/$$s.c -o $(FUZZ_DIR)/obj/$${s}_s.o; \
	done; for s in $(SAN_LIB_UNTYPED); do \
	  $(FUZZ_CC) $(FUZZ_FLAGS) -fsanitize=fuzzer-no-link,address,undefined -c lib/$$s.c -o $(FUZZ_DIR)/obj/$$s.o; \
	done
	$(FUZZ_CC) $(FUZZ_FLAGS) -fsanitize=fuzzer,address,undefined \
	  tests/fuzz/fuzz_lib.c $(FUZZ_DIR)/obj/*.o $$($(MKOCTFILE) -p LAPACK_LIBS) $$($(MKOCTFILE) -p BLAS_LIBS) -lm -o $(FUZZ_DIR)/fuzz_lib
	$(FUZZ_DIR)/fuzz_lib -max_total_time=$(FUZZ_TIME) -max_len=512 -timeout=10 \
	  -artifact_prefix=$(FUZZ_DIR)/ $(FUZZ_DIR)/corpus
