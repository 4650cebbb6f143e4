// How long Richtlijnbeheer takes on the largest guideline in headless Chromium (a report, not a
// test): `node bench/beheer-perf.mjs [dist] [runs]` after ./scripts/build.sh.
//
// Per run, in a fresh page: open Hoogeveen/De Wolden (until the form is there and the audit has
// run), change one short label (until the status line shows the change, then until the audit that
// follows has run), and "Bekijk wat deze wijziging doet" (until the summary is shown). Times are
// milliseconds from the click or the change event (performance.now in the page) to the moment the
// page shows the result; median and range over the runs.
import { chromium } from 'playwright-core';
import { startServer } from '../scripts/server.mjs';

const root = process.argv[2] ?? 'dist';
const runs = Number(process.argv[3] ?? 3);
const id = process.env.RICHTLIJN ?? 'hoogeveen-de-wolden';
const server = await startServer({ root, base: '/beheer-perf/' });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});

/** Milliseconds from `act()` until `done` (a locator) is visible. */
async function timed(page, act, done) {
  await page.evaluate(() => { window.__t0 = performance.now(); });
  await act();
  await done.waitFor({ timeout: 300_000 });
  return page.evaluate(() => performance.now() - window.__t0);
}

const results = { open: [], change: [], audit: [], diff: [] };
for (let r = 0; r < runs; r++) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(server.url + 'beheer.html');
  await page.getByLabel('Een richtlijn van deze site').selectOption(id);
  results.open.push(await timed(page, () => page.getByRole('button', { name: 'Open deze richtlijn' }).click(),
    page.locator('.bh-status', { hasText: /^Controle: / })));
  await page.getByRole('button', { name: /\(kader\)$/ }).click();
  const short = page.getByLabel('Kort label in het stroomschema (hoogstens 32 tekens)');
  await short.fill(`Kader ${r}?`);
  results.change.push(await timed(page, () => short.press('Tab'), page.locator('.bh-status', { hasText: 'niet gedownloade' })));
  // The audit follows the change (250 ms later by design): until "Controle loopt…" is gone.
  await page.locator('.bh-status', { hasText: /^Controle: .*niet gedownloade/ }).waitFor({ timeout: 300_000 });
  results.audit.push(await page.evaluate(() => performance.now() - window.__t0));
  results.diff.push(await timed(page, () => page.getByRole('button', { name: 'Bekijk wat deze wijziging doet' }).click(),
    page.locator('.bh-samenvatting')));
  await page.close();
}
await browser.close();
await server.close();

const fmt = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return `median ${Math.round(s[Math.floor(s.length / 2)])} ms (${Math.round(s[0])}-${Math.round(s[s.length - 1])})`;
};
console.log(`${id}, ${runs} runs, ${root}`);
for (const [k, v] of Object.entries(results)) console.log(`  ${k.padEnd(7)} ${fmt(v)}`);
