// Embedding as a web editor does it: a script tag and <regie-wijzer> elements on a host page with
// its own CSP, two widgets working independently; and the iframe variant telling its parent its
// height by postMessage to the parent's origin only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { answer, env, open, useBrowser } from './helpers.mjs';
import { CSP } from '../../scripts/server.mjs';

useBrowser();

/** Serves `html` at `<widget folder>/<name>` with the strict CSP. */
async function hostPage(page, name, html) {
  const url = env.server.url + name;
  await page.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', headers: { 'content-security-policy': CSP }, body: html }));
  return url;
}

test('two <regie-wijzer> elements on one page work independently, with preset guideline and role', async (t) => {
  const page = await open(t, { ready: false });
  // The gemeente's own NL Design System theme class on the host page restyles the widget.
  await page.route(env.server.url + 'gemeente-thema.css', (route) => route.fulfill({ status: 200, contentType: 'text/css',
    body: '.gemeente-thema { --nl-button-primary-background-color: #006600; --nl-button-primary-color: #ffffff; }' }));
  const url = await hostPage(page, 'intranetpagina.html', `<!doctype html><html lang="nl"><head><title>Intranet</title>
    <link rel="stylesheet" href="gemeente-thema.css">
    <script type="module" src="regiewijzer.js"></script></head><body class="gemeente-thema"><main>
    <h1>Regie</h1>
    <regie-wijzer id="een" richtlijn="zeeland" rol="zorgaanbieder"></regie-wijzer>
    <regie-wijzer id="twee" richtlijn="westfriesland,flevoland"></regie-wijzer>
    </main></body></html>`);
  await page.goto(url);
  const een = page.locator('#een');
  const twee = page.locator('#twee');
  // Zeeland with the role answered: the first question is the provider's own.
  await een.getByRole('group', { name: 'Welke rol heeft u in dit gezin?' }).waitFor();
  // The other offers just the two guidelines.
  await twee.getByRole('link').first().waitFor();
  assert.deepEqual((await twee.getByRole('link').allInnerTexts()).map((s) => s.split(' ')[0]), ['Westfriesland', 'Flevoland']);
  await twee.getByRole('link', { name: /Westfriesland/ }).click();
  await twee.getByRole('group', { name: 'Waarvoor gebruikt u de Regiewijzer?' }).waitFor();
  await een.getByLabel('Ik ben casusregisseur (ik stel het integrale plan op en coördineer)', { exact: true }).check();
  await een.getByRole('button', { name: 'Volgende' }).click();
  await een.locator('.rw-vraag legend', { hasText: /wijzigingen|onveilige/ }).waitFor();
  assert.equal(await twee.locator('.rw-vraag legend').innerText(), 'Waarvoor gebruikt u de Regiewijzer?');
  // With several widgets on a page, none writes the page's URL fragment unless asked to.
  assert.equal(await page.evaluate(() => location.hash), '');
  // Their ids do not collide.
  const ids = await page.evaluate(() => [...document.querySelectorAll('[id]')].map((e) => e.id));
  assert.equal(new Set(ids).size, ids.length, 'unique ids');
  const primary = await een.getByRole('button', { name: 'Volgende' }).evaluate((b) => getComputedStyle(b).backgroundColor);
  assert.equal(primary, 'rgb(0, 102, 0)', 'the host theme token wins over the default theme');
  // The stylesheet was added once by the script.
  assert.equal(await page.locator('link[href$="regiewijzer.css"]').count(), 1);
});

test('the iframe page takes the options as query parameters and reports its height to the parent origin only', async (t) => {
  const page = await open(t, { ready: false });
  const origin = new URL(env.server.url).origin;
  const url = await hostPage(page, 'ouder.html', `<!doctype html><html lang="nl"><head><title>CMS</title></head><body>
    <iframe class="regiewijzer" title="Regiewijzer" width="100%" height="100"
      src="inbed.html?richtlijn=westfriesland&amp;rol=toegang&amp;ouder=${encodeURIComponent(origin)}"></iframe>
    <script src="ouder.js"></script></body></html>`);
  await page.goto(url);
  const frame = page.frameLocator('iframe.regiewijzer');
  await frame.getByRole('group', { name: 'Wie is (of wordt) de verwijzer?' }).waitFor();
  await page.waitForFunction(() => Number(document.querySelector('iframe').height) > 300);
  const h = Number(await page.locator('iframe').getAttribute('height'));
  assert.ok(h > 300, `height ${h}`);
  await answer(frame, 'Wie is (of wordt) de verwijzer?', 'De lokale toegang (het lokale (wijk)team)');
  await frame.getByRole('group', { name: 'Gaat het om Wmo-ondersteuning of om jeugdhulp?' }).waitFor();
});
