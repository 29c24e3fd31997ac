# The fault-injection test build (src/base/fault.h): the same ovc with hooks
# that fail the N-th allocation or write, in build-fault/. make test builds
# it for tests/suite-atomisch.sh; the sanitizer settings are not passed on.
ifneq ($(FAULT),1)
FAULT_OVC := build-fault/ovc
TEST_TOOLS += $(FAULT_OVC)
.PHONY: $(FAULT_OVC)
$(FAULT_OVC):
	@$(MAKE) --no-print-directory FAULT=1 SANITIZE= WERROR=$(WERROR) build-fault/ovc
endif
