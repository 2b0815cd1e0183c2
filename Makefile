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
                fonts-freefont-otf libcmocka-dev dataset-fashion-mnist

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
	  -lcmocka $$($(MKOCTFILE) -p BLAS_LIBS) -lm -o $@

check: deps build $(C_TESTS) dist
	@sh tests/check.sh $(BUILD) $(VERSION)

demo: deps build
	$(OCTAVE) $(OCTFLAGS) --eval "addpath('$(CURDIR)'); nn_tour('$(CURDIR)/$(BUILD)/figures')" 2>&1 \
	  | grep -v 'ignoring const execution_exception'; exit $${PIPESTATUS[0]}

# ---- package for `pkg install` ----------------------------------------
DIST := $(BUILD)/dist/nnlab-$(VERSION)
dist: deps
	rm -rf $(BUILD)/dist && mkdir -p $(DIST)/inst $(DIST)/src/lib $(DIST)/src/mex
	cp DESCRIPTION COPYING pkg/NEWS pkg/post_install.m $(DIST)/
	{ echo 'nnlab >> Neural networks'; \
	  echo 'Kernels (MEX)'; for f in mex/*.m; do basename $$f .m | sed 's/^/ /'; done; \
	  echo 'Networks, data and plots'; for f in m/*.m; do basename $$f .m | sed 's/^/ /'; done; \
	  echo 'The lecture tour'; for f in demos/*.m; do basename $$f .m | sed 's/^/ /'; done; \
	} > $(DIST)/INDEX
	cp m/*.m demos/*.m mex/*.m $(DIST)/inst/
	cp -r m/private $(DIST)/inst/
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

.PHONY: all deps build check demo dist bench clean
SHELL := /bin/bash
