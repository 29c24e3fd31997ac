# Fuzzing (tests/fuzz/README.md): libFuzzer targets built with clang,
# ASan and UBSan into build-fuzz/. `make fuzz FUZZ_SECONDS=N` first runs
# every kept reproducer (tests/fuzz/regress/TARGET/), then fuzzes each
# target for N seconds from its seed corpus; any crash, leak, timeout or
# sanitizer report fails. Without clang the target says so and fails;
# tests/suite-fuzz.sh runs it only when clang is present.

FUZZ_CC      ?= clang
FUZZ_BUILD   ?= build-fuzz
FUZZ_SECONDS ?= 30
# FUZZ_RUNS=N: N executions per target from a fixed seed instead of
# FUZZ_SECONDS, so that a run is the same on every machine (make test).
FUZZ_RUNS    ?=
FUZZ_LIMIT    = $(if $(FUZZ_RUNS),-runs=$(FUZZ_RUNS) -seed=1,-max_total_time=$(FUZZ_SECONDS))
FUZZ_TARGETS := part refs frontmatter typeset
FUZZ_FLAGS   := -O1 -g -fno-omit-frame-pointer -fsanitize=fuzzer-no-link,address,undefined \
                -fno-sanitize-recover=all
FUZZ_SRCS    := $(filter-out src/cli/main.c,$(SRCS))
FUZZ_OBJS    := $(FUZZ_SRCS:src/%.c=$(FUZZ_BUILD)/obj/%.o) $(FUZZ_BUILD)/obj/embedded-data.o \
                $(FUZZ_BUILD)/obj/fuzz_common.o
FUZZ_BINS    := $(FUZZ_TARGETS:%=$(FUZZ_BUILD)/fuzz_%)
# -rss_limit_mb: a 64 KiB input may not make ovc use 2 GB.
FUZZ_RUN     := -rss_limit_mb=2048 -timeout=25 -print_final_stats=1

.PHONY: fuzz fuzz-build fuzz-seeds
# The objects are kept between runs (they are intermediate files to make).
.SECONDARY: $(FUZZ_OBJS) $(FUZZ_TARGETS:%=$(FUZZ_BUILD)/obj/fuzz_%.o) $(FUZZ_BUILD)/gen/embedded-data.c

$(FUZZ_BUILD)/obj/%.o: src/%.c $(DEPS_OK)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(CPPFLAGS) $(PKG_CFLAGS) $(WARN) $(FUZZ_FLAGS) -fPIC -MMD -MP -c $< -o $@

$(FUZZ_BUILD)/obj/fuzz_%.o: tests/fuzz/fuzz_%.c tests/fuzz/fuzz_common.h $(DEPS_OK)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(CPPFLAGS) -Itests/fuzz $(PKG_CFLAGS) $(WARN) -Wno-missing-prototypes $(FUZZ_FLAGS) \
		-DFUZZ_FIXTURE='"$(CURDIR)/tests/fixtures/minimaal"' -MMD -MP -c $< -o $@

$(FUZZ_BUILD)/gen/embedded-data.c: $(EMBED) scripts/embed.sh
	@mkdir -p $(@D)
	./scripts/embed.sh $(EMBED) > $@.tmp && mv $@.tmp $@

$(FUZZ_BUILD)/obj/embedded-data.o: $(FUZZ_BUILD)/gen/embedded-data.c src/base/embedded.h
	@mkdir -p $(@D)
	$(FUZZ_CC) $(CPPFLAGS) $(FUZZ_FLAGS) -Wno-missing-prototypes -c $< -o $@

$(FUZZ_BUILD)/fuzz_%: $(FUZZ_BUILD)/obj/fuzz_%.o $(FUZZ_OBJS)
	$(FUZZ_CC) $(FUZZ_FLAGS) -fsanitize=fuzzer -rdynamic -o $@ $^ $(PKG_LIBS) $(TS_LIBS) $(LDLIBS)

fuzz-build: $(FUZZ_BINS)

# Seed corpora from verordening/, tests/fixtures/ and tests/checks/.
fuzz-seeds: $(FUZZ_BUILD)/ovc-seeds.stamp
$(FUZZ_BUILD)/ovc-seeds.stamp: tests/fuzz/seeds.sh $(wildcard verordening/*.md tests/fixtures/minimaal/*.md tests/checks/*.md)
	@mkdir -p $(@D)
	sh tests/fuzz/seeds.sh $(FUZZ_BUILD)/seeds
	@touch $@

fuzz: export LSAN_OPTIONS = suppressions=$(CURDIR)/tests/fuzz/lsan.supp
fuzz: $(FUZZ_BINS) $(FUZZ_BUILD)/ovc-seeds.stamp
	@command -v $(FUZZ_CC) >/dev/null || { echo "fuzz: $(FUZZ_CC) ontbreekt (apt-get install clang)"; exit 1; }
	@set -e; for t in $(FUZZ_TARGETS); do \
		if [ -n "$$(ls tests/fuzz/regress/$$t 2>/dev/null)" ]; then \
			$(FUZZ_BUILD)/fuzz_$$t $(FUZZ_RUN) tests/fuzz/regress/$$t/* > $(FUZZ_BUILD)/regress-$$t.log 2>&1 \
			|| { cat $(FUZZ_BUILD)/regress-$$t.log; echo "fuzz: reproducer van $$t faalt"; exit 1; }; \
		fi; \
	done
	@set -e; for t in $(FUZZ_TARGETS); do \
		mkdir -p $(FUZZ_BUILD)/corpus/$$t; \
		$(FUZZ_BUILD)/fuzz_$$t $(FUZZ_RUN) $(FUZZ_LIMIT) \
			-dict=tests/fuzz/$$t.dict -artifact_prefix=$(FUZZ_BUILD)/crash-$$t- \
			$(FUZZ_BUILD)/corpus/$$t $(FUZZ_BUILD)/seeds/$$t > $(FUZZ_BUILD)/fuzz-$$t.log 2>&1 \
			|| { tail -40 $(FUZZ_BUILD)/fuzz-$$t.log; echo "fuzz: $$t faalt"; exit 1; }; \
		sed -n 's/^#\([0-9]*\)\tDONE *cov: \([0-9]*\) ft: \([0-9]*\).*/fuzz: '$$t' \1 uitvoeringen, dekking \2 randen, \3 kenmerken/p' \
			$(FUZZ_BUILD)/fuzz-$$t.log; \
	done

-include $(FUZZ_OBJS:.o=.d) $(FUZZ_TARGETS:%=$(FUZZ_BUILD)/obj/fuzz_%.d)
