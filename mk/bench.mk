# make bench: the whole `ovc build` (check, AKN, both HTML editions, both
# PDF editions) against pandoc → WeasyPrint on the same 25,000-word
# ordinance (scripts/gen-ordinance.py, deterministic), in one hyperfine
# run, printed as a ratio; then the PDF stage's time per 1,000 words (from
# OVC_TYPESET_STATS) and the peak memory of `ovc build` at 1× and 10×
# (/usr/bin/time -v); then `ovc check` and `ovc stats` on the same text
# (hyperfine, no shell), and the two XSLT transforms in-process
# (bench/xslt.c, on scripts/gen-akn.py's 25,000 words); then the writer's
# loop (bench/editor-latency.py): ovc lsp didChange → publishDiagnostics and
# ovc serve save → rebuilt HTML, medians of 30 on 127.0.0.1. Packages: deps/bench.txt. docs/typesetter.md has the
# figures measured on the project's machine.

BENCH      := $(BUILD)/bench
BENCH_RUNS ?= 10

.PHONY: bench bench-deps
bench-deps:
	@./scripts/deps.sh deps/bench.txt

$(BENCH)/1x/verordening.md: scripts/gen-ordinance.py
	@rm -rf $(BENCH)/1x && mkdir -p $(BENCH)
	python3 scripts/gen-ordinance.py $(BENCH)/1x --words 19000 >/dev/null

$(BENCH)/10x/verordening.md: scripts/gen-ordinance.py
	@rm -rf $(BENCH)/10x && mkdir -p $(BENCH)
	python3 scripts/gen-ordinance.py $(BENCH)/10x --words 190000 >/dev/null

# ovc check at scale (issue 22): 100,000 short articles, each with a label
# and a link, about 36 MB; the time and the peak memory as a multiple of
# the input.
$(BENCH)/100k/verordening.md: scripts/gen-ordinance.py
	@rm -rf $(BENCH)/100k && mkdir -p $(BENCH)
	python3 scripts/gen-ordinance.py $(BENCH)/100k --articles 100000 >/dev/null

$(BENCH)/akn-25k.xml: scripts/gen-akn.py
	@mkdir -p $(BENCH)
	python3 scripts/gen-akn.py --words 25000 > $@.tmp 2>/dev/null && mv $@.tmp $@

$(BENCH)/xslt-bench: bench/xslt.c $(LIB_OBJS)
	@mkdir -p $(BENCH)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(PKG_CFLAGS) -o $@ $< $(LIB_OBJS) $(LDFLAGS) $(PKG_LIBS) $(TS_LIBS) $(LDLIBS)

bench: bench-deps $(BUILD)/ovc $(BENCH)/1x/verordening.md $(BENCH)/10x/verordening.md \
		$(BENCH)/akn-25k.xml $(BENCH)/xslt-bench $(BENCH)/100k/verordening.md
	@set -e; b=$(BENCH); export SOURCE_DATE_EPOCH=1700000000; \
	ls $$b/1x/*.md | grep -v '/verordening.md$$' | sort > $$b/pandoc-inputs; \
	words=$$(cat $$(cat $$b/pandoc-inputs) | wc -w); \
	echo "bench: $$words woorden (1x), ovc $(BUILD)/ovc, $$(nproc) cores"; \
	$(BUILD)/ovc build $$b/1x -o $$b/out-1x >/dev/null 2>&1; \
	hyperfine --style basic --warmup 1 --runs $(BENCH_RUNS) --export-json $$b/hyperfine.json \
		-n 'ovc build' "$(BUILD)/ovc build $$b/1x -o $$b/out-1x" \
		-n 'pandoc → WeasyPrint' "pandoc -s --metadata title=Verordening --pdf-engine=weasyprint -o $$b/pandoc.pdf $$(cat $$b/pandoc-inputs | tr '\n' ' ')" \
		>/dev/null 2>&1; \
	python3 -c "import json,sys; r={x['command']:x for x in json.load(open('$$b/hyperfine.json'))['results']}; o=r['ovc build']; p=r['pandoc → WeasyPrint']; \
print('bench: ovc build          %.3f s ± %.3f (mediaan %.3f)' % (o['mean'], o['stddev'], o['median'])); \
print('bench: pandoc → WeasyPrint %.3f s ± %.3f (mediaan %.3f)' % (p['mean'], p['stddev'], p['median'])); \
print('bench: ovc build is %.1f× sneller (mediaan)' % (p['median'] / o['median']))"; \
	for i in 1 2 3; do OVC_TYPESET_STATS=1 OVC_TS_SERIAL=1 $(BUILD)/ovc build $$b/1x -o $$b/out-1x 2>&1 >/dev/null | grep '\.pdf: '; done > $$b/stats; \
	python3 -c "import re; rows=[l for l in open('$$b/stats')]; \
ms=lambda ed: sorted(float(re.search(r'opmaak ([0-9.]+) ms', l).group(1)) + float(re.search(r'PDF ([0-9.]+) ms', l).group(1)) for l in rows if ed in l)[1]; \
v=ms('verordening.pdf'); p=ms('publieksversie.pdf'); \
print('bench: PDF-stap (mediaan van 3, los): verordening %.0f ms, publieksversie %.0f ms, samen %.0f ms = %.1f ms per 1.000 woorden' % (v, p, v + p, (v + p) / $$words * 1000))"; \
	for s in 1x 10x; do \
		/usr/bin/time -v $(BUILD)/ovc build $$b/$$s -o $$b/out-$$s 2>$$b/time-$$s >/dev/null || true; \
		kb=$$(awk -F': ' '/Maximum resident/ { print $$2 }' $$b/time-$$s); \
		el=$$(awk -F': ' '/Elapsed/ { print $$2 }' $$b/time-$$s); \
		pg=$$(pdfinfo $$b/out-$$s/verordening.pdf | awk '/^Pages:/ { print $$2 }'); \
		echo "bench: $$s: $$(cat $$b/$$s/*.md | wc -w) woorden, $$pg pagina's (verordening), $$el, piekgeheugen $$((kb / 1024)) MB"; \
	done; \
	hyperfine -N --style basic --warmup 3 --runs 30 --export-json $$b/check.json \
		-n 'ovc check' "$(BUILD)/ovc check $$b/1x" \
		-n 'ovc stats' "$(BUILD)/ovc stats $$b/1x" \
		-n 'ovc --version' "$(BUILD)/ovc --version" >/dev/null 2>&1; \
	python3 -c "import json; \
[print('bench: %-14s %5.1f ms ± %.1f (mediaan %.1f)' % (x['command'], x['mean'] * 1e3, x['stddev'] * 1e3, x['median'] * 1e3)) for x in json.load(open('$$b/check.json'))['results']]"; \
	set -- $$($(BENCH)/xslt-bench $(BENCH)/akn-25k.xml); \
	echo "bench: XSLT in-process (25.000 woorden, mediaan van 7): verordening $$1 ms, publieksversie $$2 ms, samen in twee threads $$3 ms"; \
	python3 bench/editor-latency.py $(BUILD)/ovc $$b/1x 30; \
	for i in 1 2 3; do /usr/bin/time -f '%e %U %S %M' $(BUILD)/ovc check $$b/100k 2>&1 >/dev/null | tail -1; done > $$b/time-100k; \
	in=$$(cat $$b/100k/*.md | wc -c); \
	python3 -c "import sys; rows=sorted([float(x) for x in l.split()] for l in open('$$b/time-100k')); m=rows[1]; \
print('bench: ovc check, 100.000 artikelen (%.1f MB, mediaan van 3): %.2f s (cpu %.2f s), piekgeheugen %.0f MB = %.1f× de invoer' % ($$in / 1e6, m[0], m[1] + m[2], m[3] / 1024, m[3] * 1024 / $$in))"
