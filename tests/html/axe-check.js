#!/usr/bin/env node
// Runs axe-core in Debian's chromium (driven by playwright-core) on HTML
// files at the given viewport widths and prints one TAP line per file and
// width: "ok N - axe FILE @WIDTHpx" when there are no violations of the
// WCAG 2.x A/AA tags and the best-practice rules.
//
//   node tests/html/axe-check.js [--start N] [--widths 1280,390]
//        [--screenshots DIR] FILE...
//
// --start N numbers the TAP lines from N (the shell suite prints its own
// lines around these). --screenshots DIR writes a full-page PNG of every
// file and width to DIR (NAME-WIDTH.png). Exit status 1 on violations.
'use strict';
const path = require('path');
const fs = require('fs');
const { chromium } = require('playwright-core');

const AXE = require.resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
// The flags from ../shared/reference/publishing.md §6.
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu',
	'--disable-background-networking', '--disable-dev-shm-usage',
	'--no-first-run', '--no-default-browser-check'];

function parseArgs(argv) {
	const o = { start: 1, widths: [1280, 390], shots: null, files: [] };
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (a === '--start') o.start = Number(argv[++i]);
		else if (a === '--widths') o.widths = argv[++i].split(',').map(Number);
		else if (a === '--screenshots') o.shots = argv[++i];
		else o.files.push(a);
	}
	return o;
}

async function main() {
	const o = parseArgs(process.argv.slice(2));
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
		args: FLAGS,
	});
	let n = o.start, bad = 0;
	try {
		for (const file of o.files) {
			for (const width of o.widths) {
				const ctx = await browser.newContext({
					viewport: { width, height: 900 },
					javaScriptEnabled: true, // axe needs it; the pages do not
				});
				// Offline: any request that leaves file:// fails the page.
				const external = [];
				await ctx.route('**/*', (route) => {
					const u = route.request().url();
					if (u.startsWith('file:')) return route.continue();
					external.push(u);
					return route.abort();
				});
				const page = await ctx.newPage();
				await page.goto('file://' + path.resolve(file), { waitUntil: 'load' });
				await page.addScriptTag({ path: AXE });
				const res = await page.evaluate(async (tags) => {
					// eslint-disable-next-line no-undef
					const r = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
					return r.violations.map((v) => ({
						id: v.id, impact: v.impact, help: v.help,
						nodes: v.nodes.slice(0, 5).map((x) => x.target.join(' ')),
						count: v.nodes.length,
					}));
				}, TAGS);
				// Horizontal overflow at this width (a responsive-layout fault).
				const overflow = await page.evaluate(() =>
					document.documentElement.scrollWidth - document.documentElement.clientWidth);
				if (o.shots) {
					fs.mkdirSync(o.shots, { recursive: true });
					const name = path.basename(file, '.html');
					await page.screenshot({ path: path.join(o.shots, `${name}-${width}.png`), fullPage: true });
					// Tiles of one screen each, for looking at them one by one.
					const h = await page.evaluate(() => document.documentElement.scrollHeight);
					const tile = width > 600 ? 1000 : 1400;
					for (let y = 0, k = 1; y < h && k <= 20; y += tile, k++) {
						await page.screenshot({
							path: path.join(o.shots, `${name}-${width}-${String(k).padStart(2, '0')}.png`),
							fullPage: true,
							clip: { x: 0, y, width, height: Math.min(tile, h - y) },
						});
					}
				}
				const name = `axe ${path.basename(path.dirname(path.resolve(file)))}/${path.basename(file)} @${width}px`;
				const problems = res.length + (overflow > 0 ? 1 : 0) + external.length;
				if (problems === 0) {
					console.log(`ok ${n} - ${name}: 0 violations`);
				} else {
					bad++;
					console.log(`not ok ${n} - ${name}: ${res.length} violations`);
					for (const v of res) {
						console.log(`#   ${v.id} (${v.impact}, ${v.count}x): ${v.help}`);
						for (const t of v.nodes) console.log(`#     ${t}`);
					}
					if (overflow > 0) console.log(`#   horizontal overflow: ${overflow}px`);
					for (const u of external) console.log(`#   external request: ${u}`);
				}
				n++;
				await ctx.close();
			}
		}
	} finally {
		await browser.close();
	}
	process.exit(bad ? 1 : 0);
}

main().catch((e) => {
	console.log(`not ok 1 - axe: ${String(e && e.message || e).split('\n')[0]}`);
	process.exit(1);
});
