# ovc — compiler for the omgekeerde verordening sociaal domein.
#
#   make            install missing Debian packages, build build/ovc, build out/
#   make test       build and run every test
#   make bench      measure speed and memory against pandoc/WeasyPrint
#   make install PREFIX=/usr/local
#
# One plain Makefile; modules add their own rules in mk/*.mk.

PREFIX    ?= /usr/local
CC        ?= cc
BUILD     ?= build
OUT       ?= out
SOURCE    ?= verordening

# ovc itself links CORE_PKGS; the PDF module ovc-pdf.so (src/emit/pdfmodule.h)
# links the typesetter's libraries too. Unit tests link everything.
CORE_PKGS := libcmark libxml-2.0 libxslt libexslt yaml-0.1 jansson libzip
PKGS      := $(CORE_PKGS) pangocairo cairo-pdf librsvg-2.0

# Strict warnings (STYLE.md §16); no -Wcast-qual: libxml2's BAD_CAST casts string literals. -Wno-overlength-strings: the embedded
# help text and data tables are long string literals, which C11 allows.
WARN      := -std=c11 -Wall -Wextra -pedantic -Wstrict-prototypes -Wshadow \
             -Wmissing-prototypes -Wformat=2 -Wno-overlength-strings \
             -Wpointer-arith -Wundef
OPT       ?= -O2 -g
# _POSIX_C_SOURCE: mkstemp, fdopen, realpath, clock_gettime, strdup.
# src/ is in folders by stage (src/STAGES, docs/architecture.md); every folder
# is on the include path, so a file names a header by its base name only.
# Sources directly in src/ are built too (a new file waits there until
# scripts/stage-of.sh has told where it belongs).
SRC_DIRS  := src $(patsubst %/,%,$(sort $(dir $(wildcard src/*/*.c src/*/*.h))))
CPPFLAGS  += -D_POSIX_C_SOURCE=200809L $(addprefix -I,$(SRC_DIRS))
CFLAGS    ?= $(OPT)
CFLAGS    += $(WARN)
LDLIBS    += -lhyphen -lm -lpthread

ifeq ($(SANITIZE),1)
# ASan + UBSan, and any report fails the run (STYLE.md §15).
BUILD     := build-san
CFLAGS    += -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
LDFLAGS   += -fsanitize=address,undefined
# fontconfig 2.14 leaks two blocks while pango's font-map thread parses
# fonts.conf (FcInitLoadConfigAndFonts); not reachable from ovc's code.
export LSAN_OPTIONS = suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0
endif
ifeq ($(FAULT),1)
# The fault-injection test build (src/fault.h, tests/suite-atomisch.sh).
BUILD     := build-fault
CPPFLAGS  += -DOVC_FAULT_INJECTION
endif
ifeq ($(WERROR),1)
CFLAGS    += -Werror
endif

DEPS_OK   := $(BUILD)/.deps-ok
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
CORE_LIBS  = $(shell pkg-config --libs $(CORE_PKGS) 2>/dev/null)

SRCS      := $(sort $(wildcard src/*.c src/*/*.c))
# Data tables and stylesheets are compiled in (scripts/embed.sh).
EMBED     := $(sort $(filter-out %/README.md %/bwb-titels.tsv,$(wildcard data/*.* data/*/*.* stylesheets/*.*)))
# The typesetter (src/typeset/*.c) goes into ovc-pdf.so, not into ovc.
# Its objects are position-independent and kept apart in $(BUILD)/pic.
TS_SRCS   := $(sort $(wildcard src/typeset/*.c src/typeset*.c))
TS_OBJS   := $(TS_SRCS:src/%.c=$(BUILD)/pic/%.o)
MODULE    := $(BUILD)/ovc-pdf.so
OBJS      := $(filter-out $(TS_SRCS),$(SRCS))
OBJS      := $(OBJS:src/%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/embedded-data.o
LIB_OBJS  := $(filter-out $(BUILD)/obj/main.o $(BUILD)/obj/cli/main.o,$(OBJS)) $(TS_OBJS)
UNIT_SRCS := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BINS := $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/tests/%)

TEST_TOOLS :=
TEST_DEPS  :=
.SECONDEXPANSION:

.PHONY: all deps test-deps ovc render test check-unit valgrind install uninstall clean bench format lint
.DEFAULT_GOAL := all

all: ovc render

ovc: $(BUILD)/ovc

# Missing packages are installed (as root) or named with the exact command.
$(DEPS_OK): deps/build.txt scripts/deps.sh
	@mkdir -p $(@D)
	@./scripts/deps.sh deps/build.txt
	@touch $@
deps: $(DEPS_OK)

test-deps: $(DEPS_OK)
	@./scripts/deps.sh deps/test.txt

$(BUILD)/obj/%.o: src/%.c $(DEPS_OK)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/gen/embedded-data.c: $(EMBED) scripts/embed.sh
	@mkdir -p $(@D)
	./scripts/embed.sh $(EMBED) > $@.tmp && mv $@.tmp $@

$(BUILD)/obj/embedded-data.o: $(BUILD)/gen/embedded-data.c src/base/embedded.h
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -Wno-missing-prototypes -c $< -o $@

# -rdynamic: the module calls back into ovc (edition_transform, output_*,
# util). The module is a prerequisite, so every target that runs ovc has it.
$(BUILD)/ovc: $(OBJS) $(MODULE)
	$(CC) $(LDFLAGS) -rdynamic -o $@ $(OBJS) $(CORE_LIBS) $(LDLIBS)

$(BUILD)/pic/%.o: src/%.c $(DEPS_OK)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS) -fPIC -MMD -MP -c $< -o $@

$(MODULE): $(TS_OBJS)
	$(CC) $(LDFLAGS) -shared -o $@ $(TS_OBJS) $(PKG_LIBS) $(TS_LIBS) $(LDLIBS)

$(BUILD)/tests/%: tests/unit/%.c $(LIB_OBJS)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(shell pkg-config --cflags cmocka 2>/dev/null) $(CFLAGS) \
		-Wno-missing-prototypes -o $@ $< $(LIB_OBJS) $(LDFLAGS) $(PKG_LIBS) \
		$(shell pkg-config --libs cmocka 2>/dev/null) $(TS_LIBS) $(LDLIBS)

render: $(BUILD)/ovc
	$(BUILD)/ovc build $(SOURCE) -o $(OUT)

-include $(OBJS:.o=.d) $(TS_OBJS:.o=.d)
-include mk/*.mk

install: $(BUILD)/ovc
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
		$(DESTDIR)$(PREFIX)/share/ovc/stylesheets
	install -m 755 $(BUILD)/ovc $(DESTDIR)$(PREFIX)/bin/ovc
	install -d $(DESTDIR)$(PREFIX)/lib/ovc
	install -m 644 $(MODULE) $(DESTDIR)$(PREFIX)/lib/ovc/ovc-pdf.so
	install -m 644 docs/ovc.1 $(DESTDIR)$(PREFIX)/share/man/man1/ovc.1
	cp -R stylesheets/. $(DESTDIR)$(PREFIX)/share/ovc/stylesheets/

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/ovc $(DESTDIR)$(PREFIX)/share/man/man1/ovc.1 \
		$(DESTDIR)$(PREFIX)/lib/ovc/ovc-pdf.so
	rm -rf $(DESTDIR)$(PREFIX)/share/ovc

clean:
	rm -rf build build-san build-fault build-fuzz $(OUT)

format:
	clang-format -i $(wildcard src/*.[ch] src/*/*.[ch]) tests/unit/*.c

# Every test speaks TAP ("ok N - …" / "not ok N - …"): cmocka unit tests via
# CMOCKA_MESSAGE_OUTPUT=TAP, the suites in tests/suite-*.{sh,py} directly.
# tests/run.sh runs them all and ends with "N passed, N failed".
# mk/*.mk add helper programs (TEST_TOOLS) and installers (TEST_DEPS).
test: test-deps $(BUILD)/ovc $(UNIT_BINS) $$(TEST_TOOLS) $$(TEST_DEPS)
	OVC=$(BUILD)/ovc BUILD=$(BUILD) OVC_LDFLAGS="$(LDFLAGS)" \
		OVC_MAKEVARS="BUILD=$(BUILD) SANITIZE=$(SANITIZE)" ./tests/run.sh

# valgrind over every literate example and the unit tests; any error or
# leak makes valgrind exit 99, which the runners count as a failure.
# Then a whole `ovc build` (both PDFs, the typesetter in its child process)
# and `ovc stats`, then the ovc lsp and ovc serve sessions of their suites.
# tests/valgrind.supp: one fontconfig leak, with its reason.
VALGRIND := valgrind -q --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=99 \
            --suppressions=$(CURDIR)/tests/valgrind.supp
valgrind: test-deps $(BUILD)/ovc $(UNIT_BINS)
	@OVC=$(BUILD)/ovc OVC_WRAP="$(VALGRIND)" python3 tests/suite-checks.py > $(BUILD)/valgrind.log; \
		rc=$$?; grep -v '^ok' $(BUILD)/valgrind.log; [ $$rc -eq 0 ]
	@for t in $(UNIT_BINS); do $(VALGRIND) $$t >/dev/null 2>&1 || { echo "valgrind: $$t"; exit 1; }; done
	@rm -rf $(BUILD)/valgrind-out; \
		$(VALGRIND) $(BUILD)/ovc build tests/fixtures/minimaal -o $(BUILD)/valgrind-out 2>$(BUILD)/valgrind-build.log \
		&& [ -s $(BUILD)/valgrind-out/verordening.pdf ] && [ -s $(BUILD)/valgrind-out/publieksversie.pdf ] \
		|| { cat $(BUILD)/valgrind-build.log; echo "valgrind: ovc build"; exit 1; }
	@$(VALGRIND) $(BUILD)/ovc stats tests/fixtures/minimaal >/dev/null 2>$(BUILD)/valgrind-stats.log \
		|| { cat $(BUILD)/valgrind-stats.log; echo "valgrind: ovc stats"; exit 1; }
	@for s in lsp serve; do OVC=$(BUILD)/ovc OVC_WRAP="$(VALGRIND)" python3 tests/suite-$$s.py > $(BUILD)/valgrind-$$s.log; \
		rc=$$?; grep -v '^ok' $(BUILD)/valgrind-$$s.log; [ $$rc -eq 0 ] || { echo "valgrind: ovc $$s"; exit 1; }; done
	@echo "valgrind: schoon"

check-unit: $(UNIT_BINS)
	@for t in $(UNIT_BINS); do $$t || exit 1; done
