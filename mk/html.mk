# The HTML editions (src/emit/edition.c, stylesheets/, docs/editions.md).
#
# src/emit/edition.c uses the EXSLT functions of libexslt (str:tokenize,
# exsl:node-set), which pkg-config's libxslt does not link.
LDLIBS += $(shell pkg-config --libs libexslt 2>/dev/null || echo -lexslt)

# Test tools for tests/suite-html.sh: the Nu HTML checker (vnu-jar),
# axe-core and playwright-core, from tests/html/package-lock.json. Installed
# once on a fresh machine; chromium and Java come from deps/test.txt.
HTML_NODE_MODULES := tests/html/node_modules/.package-lock.json

$(HTML_NODE_MODULES): tests/html/package.json tests/html/package-lock.json
	npm ci --prefix tests/html --ignore-scripts --no-audit --no-fund
	@touch $@

.PHONY: html-test-deps
html-test-deps: $(HTML_NODE_MODULES)

TEST_DEPS += $(HTML_NODE_MODULES)
