// Layout figures of the citizen site on a phone, for tests/suite-publiek.sh
// and the closing note: node measure.js WIDTH HEIGHT FILE...
// Prints one line per file: "<file> height=<px> kop-tot-onderwerp=<px>",
// the page's full height and, on a theme page, the distance from the
// theme's heading to the top of its first topic (-1 when there is none).
'use strict';
const path = require('path');
const { chromium } = require('playwright-core');

async function main() {
	const [width, height, ...files] = process.argv.slice(2);
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
		       '--disable-component-update', '--disable-sync', '--no-first-run'],
	});
	try {
		const ctx = await browser.newContext({
			viewport: { width: Number(width), height: Number(height) },
			javaScriptEnabled: true, // to measure; the pages need none
		});
		await ctx.route('**/*', (r) => (r.request().url().startsWith('file:') ? r.continue() : r.abort()));
		const page = await ctx.newPage();
		for (const f of files) {
			await page.goto('file://' + path.resolve(f), { waitUntil: 'load' });
			const m = await page.evaluate(() => {
				const h = document.querySelector('section.thema h1');
				const a = document.querySelector('section.thema article.onderwerp');
				const top = (e) => e.getBoundingClientRect().top + window.scrollY;
				return {
					height: document.documentElement.scrollHeight,
					dist: h && a ? Math.round(top(a) - top(h)) : -1,
				};
			});
			console.log(`${path.basename(f)} height=${m.height} kop-tot-onderwerp=${m.dist}`);
		}
	} finally {
		await browser.close();
	}
}
main().catch((e) => { console.error(e); process.exit(2); });
