// Shared set-up for the browser tests: headless Debian Chromium driven by playwright-core, against
// dist/ served from a sub-folder with the strict CSP. Every page opened with `open` fails its test on
// a console error, a page error, a request outside the widget's own files, a style attribute in the
// markup, or anything written to cookies or storage.
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { CSP, startServer } from '../../scripts/server.mjs';

export const BASE = '/intranet/regiewijzer/';
export const env = { server: null, browser: null };

/** Serves `html` at `<widget folder>/<name>` with the strict CSP: a host page, not part of dist/. */
export async function hostPage(page, name, html) {
  const url = env.server.url + name;
  await page.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', headers: { 'content-security-policy': CSP }, body: html }));
  return url;
}

/** Registers the server and browser for the calling test file. */
export function useBrowser() {
  before(async () => {
    env.server = await startServer({ root: process.env.REGIEWIJZER_DIST ?? 'dist', base: BASE });
    env.browser = await chromium.launch({
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
}

/** Opens the widget in a fresh context and records everything that must not happen. `contact`
 *  `path` opens another page of dist/ (e.g. 'oefenen.html'). `contact`
 *  serves the page with a gemeente's data-contact configuration on the root element; `hash` opens
 *  a share link; `viewport` and `permissions` go to the browser context; `allowConsole` is a pattern
 *  of console errors a test expects (the browser's own line for a failed request when offline);
 *  `setup(page)` runs before the page is opened (routes). */
export async function open(t, { path = '', contact, hash = '', viewport, permissions, ready = true, serviceWorkers = 'block', allowConsole, setup } = {}) {
  const { server, browser } = env;
  // The offline service worker would answer requests before page.route sees them: off unless a
  // test is about it.
  const context = await browser.newContext({ viewport, permissions, serviceWorkers });
  const page = await context.newPage();
  if (contact) {
    await page.route(server.url, async (route) => {
      const res = await route.fetch();
      const html = (await res.text()).replace('<div id="regiewijzer">', `<div id="regiewijzer" data-contact="${contact}">`);
      await route.fulfill({ response: res, body: html });
    });
  }
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !allowConsole?.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('request', (r) => {
    if (!r.url().startsWith(server.url) && !r.url().startsWith('data:')) problems.push(`foreign request: ${r.url()}`);
  });
  t.after(async () => {
    const styled = await page.locator('[style]').count().catch(() => 0);
    const cookies = await context.cookies();
    const storage = await page.evaluate(() => localStorage.length + sessionStorage.length).catch(() => 0);
    await context.close();
    assert.deepEqual(problems, [], 'no console errors, page errors or foreign requests');
    assert.equal(styled, 0, 'no style attributes (CSP style-src self)');
    assert.equal(cookies.length + storage, 0, 'nothing written to cookies or storage');
  });
  await setup?.(page);
  await page.goto(server.url + path + hash);
  if (ready) {
    // The static list is there at once; wait until the widget has taken over. A guideline's first
    // step, shown by the loader before the wasm, has no side column; the widget's page always has;
    // while the widget renders behind the step, the root has the class rw-overgang.
    await page.locator('.rw-laden').waitFor({ state: 'detached' });
    await page.waitForFunction(() => !document.querySelector('.rw-overgang') && (!document.querySelector('.rw-vraag') || document.querySelector('.rw-zij')));
  }
  return page;
}

export async function answer(page, legend, label) {
  const fieldset = page.getByRole('group', { name: legend });
  await fieldset.getByLabel(label, { exact: true }).check();
  await page.getByRole('button', { name: /^(Volgende|Wijziging opslaan)$/ }).click();
  await stepShown(page);
}

/** Resolves after `n` frames, each followed by a timeout set from its frame callback: what the
 *  widget's loader waits for before it writes the address bar or adds an outcome's rest (these
 *  come after its own). `page` may be a frame locator (the iframe page). */
const afterFrames = (page, n) => page.locator('body').evaluate((n) => new Promise((r) => {
  const frame = (left) => requestAnimationFrame(() => setTimeout(() => (left > 1 ? frame(left - 1) : r())));
  frame(n);
}), n);

/** Resolves once a step is shown whole: a step paints its question (or an outcome's top) first
 *  and the stroomschema's new marks (and an outcome's rest) after that frame, so two frames after
 *  the step. */
export const stepShown = (page) => afterFrames(page, 2);

/** Resolves once the address bar has followed the last step: the loader writes it after the
 *  frame that shows the step. */
export const addressWritten = (page) => afterFrames(page, 1);

/** The regions are plain links (in index.html before the wasm arrives); the widget takes over. */
export async function pick(page, region) {
  await page.getByRole('link', { name: new RegExp(region) }).click();
  await page.locator('.rw-vraag').waitFor();
}

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe-core (WCAG 2.0-2.2 A and AA rules) on the page as it is now: no violations. */
export async function axe(page, where) {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const list = violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  assert.deepEqual(list, [], `axe at ${where}`);
}

/** On a phone-sized viewport (`width` ≤ 400) nothing may scroll sideways. */
export async function noSideScroll(page, width, where) {
  if (width > 400) return;
  const w = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(w <= width, `${where}: page is ${w} px wide at ${width}`);
}
