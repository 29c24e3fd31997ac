#!/usr/bin/env node
// Where the first article of a legal edition begins on a phone: the top of
// the first <article class="artikel"> in CSS pixels on a 390 x 844 screen
// (an iPhone 12 to 15), printed as "TOP SCREENS". Exit status 1 when it is
// more than MAX screens (default 2) from the top of the page.
//
//   node tests/html/first-article.js FILE.html [MAX]
'use strict';
const path = require('path');
const { chromium } = require('playwright-core');

async function main() {
	const file = process.argv[2], max = Number(process.argv[3] || 2);
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
			'--disable-dev-shm-usage', '--no-first-run', '--no-default-browser-check'],
	});
	try {
		const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: true });
		await ctx.route('**/*', (r) => (r.request().url().startsWith('file:') ? r.continue() : r.abort()));
		const page = await ctx.newPage();
		await page.goto('file://' + path.resolve(file), { waitUntil: 'load' });
		const top = await page.evaluate(() => {
			const a = document.querySelector('article.artikel');
			return a ? a.getBoundingClientRect().top + window.scrollY : -1;
		});
		const screens = top / 844;
		console.log(`${Math.round(top)} ${screens.toFixed(2)}`);
		process.exitCode = top >= 0 && screens <= max ? 0 : 1;
	} finally {
		await browser.close();
	}
}
main().catch((e) => { console.error(e); process.exit(2); });
