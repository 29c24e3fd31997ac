# make lint: the checks that read the code instead of running it.
#  - scripts/format-check.py: C files changed since LINT_BASE (default
#    main) must be as .clang-format writes them; the whole tree is reported
#    only, until the one `make format` (then LINT_FORMAT=all).
#  - scripts/func-length.py: no function over 60 lines beyond the listed
#    exceptions (scripts/func-length.allow).
#  - tests/suite-rules.py: every rule id documented in docs/format.md, every
#    report call names its rule as RULE_NAME from src/base/rules.def (not a
#    string); tests/suite-layers.py: the stages'
#    include order (docs/architecture.md). Both also run in `make test`.
LINT_BASE ?= main

.PHONY: lint-deps

lint-deps:
	@./scripts/deps.sh deps/lint.txt

lint: lint-deps
	@mkdir -p $(BUILD)
	@rc=0; \
	python3 scripts/func-length.py || rc=1; \
	for t in tests/suite-rules.py tests/suite-layers.py; do \
		python3 $$t > $(BUILD)/lint.log 2>&1 || { cat $(BUILD)/lint.log; rc=1; }; \
		grep -c '^ok' $(BUILD)/lint.log | sed "s|^|lint: $$t: |; s|$$| ok|"; \
	done; \
	python3 scripts/format-check.py $(LINT_BASE) || rc=1; \
	[ $$rc -eq 0 ] && echo "lint: schoon"; exit $$rc
