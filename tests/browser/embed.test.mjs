// Embedding as a web editor does it: a script tag and <regie-wijzer> elements on a host page with
// its own CSP, two widgets working independently; and the iframe variant telling its parent its
// height by postMessage to the parent's origin only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { answer, env, hostPage, open, useBrowser } from './helpers.mjs';

// Zeeland asks the kader on the provider path too (issue 21).
const KADER = "Gaat het om hulp in het vrijwillig kader, of is er een maatregel (gedwongen kader)?";
const VRIJWILLIG = "Vrijwillig kader";

useBrowser();

/** A host page with <regie-wijzer config="<name>.json">, the configuration served as `config`. */
async function configPage(page, name, config) {
  await page.route(env.server.url + name + '.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(config) }));
  return hostPage(page, name + '.html', `<!doctype html><html lang="nl"><head><title>Intranet</title>
    <script type="module" src="regiewijzer.js"></script></head><body><main>
    <regie-wijzer config="${name}.json"></regie-wijzer></main></body></html>`);
}

/** Westfriesland as a provider, huisarts → crisisverblijf: an outcome where the provider must make contact. */
async function toCrisisverblijf(page) {
  await answer(page, 'Waarvoor gebruikt u de Regiewijzer?', 'Ik ben zorgaanbieder: moet ik contact opnemen met het wijkteam?');
  await answer(page, 'Wie is (of wordt) de verwijzer?', 'Een medisch specialist, huisarts of kind-/jeugdarts (externe verwijzing, jeugdhulp)');
  await answer(page, 'In welk segment valt de jeugdhulp?', 'Segment V — jeugdhulp met verblijf');
  await answer(page, 'Welk perceel in segment V?', 'Kortdurend verblijf: crisisverblijf');
}

test('two <regie-wijzer> elements on one page work independently, with preset guideline and role', async (t) => {
  const page = await open(t, { ready: false });
  const sheets = [];
  page.on('request', (r) => r.url().endsWith('/regiewijzer.css') && sheets.push(r.resourceType()));
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
  // Zeeland with the role answered: the first question is the provider's own (is er een maatregel?).
  await een.getByRole('group', { name: KADER }).waitFor();
  // The other offers just the two guidelines.
  await twee.getByRole('link').first().waitFor();
  assert.deepEqual((await twee.getByRole('link').allInnerTexts()).map((s) => s.split(' ')[0]), ['Westfriesland', 'Flevoland']);
  await twee.getByRole('link', { name: /Westfriesland/ }).click();
  await twee.getByRole('group', { name: 'Waarvoor gebruikt u de Regiewijzer?' }).waitFor();
  await een.getByLabel(VRIJWILLIG, { exact: true }).check();
  await een.getByRole('button', { name: 'Volgende' }).click();
  await een.getByRole('group', { name: 'Welke rol heeft u in dit gezin?' }).waitFor();
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
  // The stylesheet was adopted once, for both widgets: fetched once (the first step's rules came with
  // the script), no link.
  assert.equal(await page.locator('link[href$="regiewijzer.css"]').count(), 0);
  assert.equal(await page.evaluate(() => document.adoptedStyleSheets.length), 1);
  assert.deepEqual(sheets, ['fetch']);
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

test('a configuration file: contact point per guideline and role, intro, offered guidelines, gemeente labels; problems in the console and, with debug, on the page', async (t) => {
  const page = await open(t, { ready: false });
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  const config = {
    richtlijnen: ['westfriesland', 'flevoland'],
    intro: 'Twijfelt u over de regie? Loop het stroomschema door.',
    contact: { westfriesland: { zorgaanbieder: { team: 'Wijkteam Voorbeeldstad', telefoon: '0900-1234567' } } },
    labels: { flevoland: { plan: 'Gezinsplan Voorbeeldstad' } },
    kleur: 'rood',
    debug: true,
  };
  const url = await configPage(page, 'gemeente', config);
  await page.goto(url);
  const w = page.locator('regie-wijzer');
  await w.getByText('Twijfelt u over de regie? Loop het stroomschema door.').waitFor();
  assert.deepEqual((await w.getByRole('link').allInnerTexts()).map((s) => s.split(' ')[0]), ['Westfriesland', 'Flevoland']);
  const notice = w.locator('.rw-melding[role="alert"]');
  assert.match(await notice.innerText(), /onbekende sleutel 'kleur'/);
  assert.ok(warnings.some((m) => m.includes("onbekende sleutel 'kleur'")), warnings.join('\n'));
  // The provider's contact point for Westfriesland comes from the file.
  await w.getByRole('link', { name: /Westfriesland/ }).click();
  await toCrisisverblijf(page);
  assert.equal(await w.locator('.rw-contactpunt').innerText(), 'Contactpunt van uw gemeente: Wijkteam Voorbeeldstad, 0900-1234567');
  // Flevoland speaks of the gemeente's own plan name.
  await w.getByRole('button', { name: 'andere richtlijn' }).click();
  await w.getByRole('link', { name: /Flevoland/ }).click();
  await answer(page, 'Wat is de gemeente van herkomst van de jeugdige?', 'Dronten');
  await answer(page, 'Waarvoor gebruikt u de Regiewijzer?', 'Ik ben (of word) verwijzer: wie heeft welke regie en wat moet ik doen?');
  await answer(page, 'Wie is (of wordt) de verwijzer?', 'De lokale toegang van de gemeente');
  await answer(page, 'Kunnen de jeugdige en de ouders de regie over de organisatie van de zorg zelf voeren?', 'Nee, of zij hebben daarbij hulp nodig');
  await answer(page, 'Gaat het om een van de specifieke doelgroepen?', 'Nee');
  // (The quoted guideline text still names Dronten's own plan; the instructions use the gemeente's.)
  const actions = await w.locator('.rw-uitkomst .rw-acties').innerText();
  assert.match(actions, /Gezinsplan Voorbeeldstad/);
  assert.doesNotMatch(actions, /Routeplan/);
});

test('text from the configuration is shown as text, never as markup (the widget writes its read-only parts as HTML text)', async (t) => {
  const page = await open(t, { ready: false });
  const intro = 'Lees dit <img src="x" onerror="document.title=1"> & "dat" <script>document.title=2</script>';
  const team = '<b>Wijkteam</b> & "Zorg"';
  const config = {
    intro,
    contact: { westfriesland: { zorgaanbieder: { team } } },
    ['<i>raar</i>']: true,
    debug: true,
  };
  const url = await configPage(page, 'gemeente-tekst', config);
  await page.goto(url);
  const w = page.locator('regie-wijzer');
  await w.locator('.rw-intro').waitFor();
  assert.equal(await w.locator('.rw-intro').innerText(), intro);
  assert.match(await w.locator('.rw-melding[role="alert"]').innerText(), /onbekende sleutel '<i>raar<\/i>'/);
  await w.getByRole('link', { name: /Westfriesland/ }).click();
  await toCrisisverblijf(page);
  assert.equal(await w.locator('.rw-contactpunt').innerText(), `Contactpunt van uw gemeente: ${team}`);
  // None of it became an element, and nothing ran.
  assert.equal(await w.locator('.rw img, .rw script, .rw b, .rw i').count(), 0);
  assert.equal(await page.title(), 'Intranet');
});

test('after one visit the standalone page works offline, with every guideline opened then', async (t) => {
  const page = await open(t, { serviceWorkers: 'allow', hash: '#westfriesland', allowConsole: /^Failed to load resource: net::ERR_(FAILED|INTERNET_DISCONNECTED)$/ });
  await page.locator('.rw-vraag').waitFor();
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  // Westfriesland opened under the service worker: the widget has its data (the page shows its own
  // first step before that).
  await page.locator('.rw-zij').waitFor({ state: 'attached' });
  // Opened online once (now under the service worker): Zeeland.
  await page.goto(page.url().split('#')[0] + '#zeeland');
  await page.getByRole('group', { name: 'Waarvoor gebruikt u de Regiewijzer?' }).waitFor();
  await page.context().setOffline(true);
  await page.goto(page.url().split('#')[0] + '#westfriesland');
  await page.reload();
  await page.getByRole('group', { name: 'Waarvoor gebruikt u de Regiewijzer?' }).waitFor();
  await answer(page, 'Waarvoor gebruikt u de Regiewijzer?', 'Ik werk bij de lokale toegang of het lokale (wijk)team: welke regie past?');
  await page.getByRole('group', { name: 'Wie is (of wordt) de verwijzer?' }).waitFor();
  await page.goto(page.url().split('#')[0] + '#zeeland');
  await page.getByRole('group', { name: 'Waarvoor gebruikt u de Regiewijzer?' }).waitFor();
  assert.match(await page.locator('.rw-richtlijn').innerText(), /Zeeland/);
  // Never opened: a Dutch message that says why, and the widget stays usable.
  await page.goto(page.url().split('#')[0] + '#oost-veluwe');
  await page.reload();
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), /kon niet worden geladen: er is geen verbinding/);
  await page.getByRole('button', { name: 'Andere richtlijn kiezen' }).click();
  await page.getByRole('link', { name: /^Zeeland/ }).click();
  await page.getByRole('group', { name: 'Waarvoor gebruikt u de Regiewijzer?' }).waitFor();
  // Only the widget's own files are cached, under a versioned name; never the host page or answers.
  const keys = await page.evaluate(async () => {
    const names = await window.caches.keys();
    const c = await window.caches.open(names[0]);
    return { names, urls: (await c.keys()).map((r) => new URL(r.url).pathname) };
  });
  assert.equal(keys.names.length, 1);
  assert.match(keys.names[0], /^regiewijzer-[0-9a-f]{12}$/);
  assert.ok(keys.urls.every((u) => u.startsWith('/intranet/regiewijzer/')), keys.urls.join(' '));
  assert.ok(keys.urls.includes('/intranet/regiewijzer/regels/zeeland.rwd'));
  assert.ok(!keys.urls.includes('/intranet/regiewijzer/regels/oost-veluwe.rwd'));
});

test('with async (as in the README), a script that runs before the page is parsed starts every widget once it is', async (t) => {
  const page = await open(t, { ready: false });
  // A parser-blocking script between the widgets, answered late: the loader (async) arrives and runs
  // while the page is still being parsed, before the second widget and the div exist.
  let release;
  const late = new Promise((ok) => { release = ok; });
  await page.route(env.server.url + 'traag.js', async (route) => { await late; await route.fulfill({ status: 200, contentType: 'text/javascript', body: '' }); });
  const url = await hostPage(page, 'async.html', `<!doctype html><html lang="nl"><head><title>Intranet</title>
    <script type="module" async src="regiewijzer.js"></script></head><body><main><h1>Regie</h1>
    <regie-wijzer id="een" richtlijn="zeeland"></regie-wijzer>
    <script src="traag.js"></script>
    <regie-wijzer id="twee" richtlijn="westfriesland"></regie-wijzer>
    <div id="regiewijzer" data-richtlijn="oost-veluwe"></div>
    </main></body></html>`);
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => customElements.get('regie-wijzer') && document.readyState === 'loading');
  assert.equal(await page.locator('#een .rw-vraag').count(), 0, 'the first widget waits for the page');
  release();
  for (const [where, region] of [['#een', 'Zeeland'], ['#twee', 'Westfriesland'], ['#regiewijzer', 'Oost Veluwe']]) {
    await page.locator(where).getByRole('group', { name: 'Waarvoor gebruikt u de Regiewijzer?' }).waitFor();
    assert.match(await page.locator(`${where} .rw-richtlijn`).innerText(), new RegExp(`^${region}`), where);
  }
  // Three widgets, each saw the others: none writes the page's URL fragment.
  await page.locator('#een').getByLabel(/zorgaanbieder/).first().check();
  await page.locator('#een').getByRole('button', { name: 'Volgende' }).click();
  await page.locator('#een .rw-vraag legend').filter({ hasNotText: 'Waarvoor' }).waitFor();
  assert.equal(await page.evaluate(() => location.hash), '');
});
