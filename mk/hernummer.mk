# tests/suite-hernummer.py compares the link targets before and after
# `ovc hernummer`; tests/tools/akn-dump prints the AKN ovc builds (the same
# akn_build), without the editions and PDFs, so each case takes milliseconds.
AKN_DUMP := $(BUILD)/tests/tools/akn-dump
TEST_TOOLS += $(AKN_DUMP)

$(AKN_DUMP): tests/tools/akn-dump.c $(LIB_OBJS)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS) -o $@ $< $(LIB_OBJS) $(LDFLAGS) $(PKG_LIBS) \
		$(TS_LIBS) $(LDLIBS)
