// A gemeente's own rule file (issue 9 item 6), as a web editor embeds it: `regels="…"` on
// <regie-wijzer> (or data-regels, or `regels` in the configuration file), same origin only, under the
// strict CSP. Valid: offered beside the five built-in guidelines, marked as the gemeente's own, walkable
// by clicking and by its share link. Broken: every problem listed in Dutch, the built-ins still work.
// Without the attribute the JS API bundle that checks it is never requested.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addressWritten, answer, BASE, env, hostPage, open, useBrowser } from './helpers.mjs';
import { readFileSync } from 'node:fs';

useBrowser();

const OWN = 'eigen regelbestand van de gemeente';

const host = (element) => `<!doctype html><html lang="nl"><head><title>Intranet</title>
  <script type="module" src="regiewijzer.js"></script></head><body><main><h1>Regie</h1>${element}</main></body></html>`;

/** The paths the server is asked for from now on, relative to the widget's folder (what a page
 *  route answers, such as a host page, never reaches the server). */
function requests() {
  const start = env.server.requests.length;
  return () => env.server.requests.slice(start).map((p) => p.replace(BASE, ''));
}

/** The example with a few mistakes: the same three as tests/own.rs's broken file. */
function broken() {
  const v = JSON.parse(readFileSync('www/eigen-regels-voorbeeld.json', 'utf8'));
  v.start = 'begin';
  v.outcomes[0].sources = [];
  v.questions[1].options[0].goto = 'nergens';
  return JSON.stringify(v);
}

test('the example rule file is offered beside the five built-ins, marked as the gemeente\'s own, and walks to an outcome', async (t) => {
  const seen = requests();
  const page = await open(t, { ready: false });
  const info = [];
  page.on('console', (m) => { if (m.type() === 'info') info.push(m.text()); });
  const url = await hostPage(page, 'eigen.html', host('<regie-wijzer regels="eigen-regels-voorbeeld.json"></regie-wijzer>'));
  await page.goto(url);
  const w = page.locator('regie-wijzer');
  await w.getByRole('link', { name: /Voorbeeld: eigen regelbestand/ }).waitFor();
  const links = await w.getByRole('link').allInnerTexts();
  assert.equal(links.length, 6, links.join('\n'));
  for (const region of ['Westfriesland', 'Oost Veluwe', 'Flevoland', 'Hoogeveen', 'Zeeland']) {
    assert.equal(links.filter((l) => l.startsWith(region)).length, 1, region);
  }
  const own = links.filter((l) => l.includes(OWN));
  assert.equal(own.length, 1, 'only the own file is marked');
  assert.match(own[0], /^Voorbeeld: eigen regelbestand/);
  assert.ok(info.some((m) => m.includes('citaten niet gecontroleerd')), `the browser says it did not check the quotes: ${info}`);
  // Walk it by clicking.
  await w.getByRole('link', { name: /Voorbeeld: eigen regelbestand/ }).click();
  assert.match(await w.locator('.rw-richtlijn').innerText(), /Voorbeeldstad \(verzonnen voorbeeld\) \(eigen regelbestand van de gemeente\)/);
  await answer(page, 'Kan de inwoner de hulp zelf organiseren?', 'Nee');
  await answer(page, 'Hoeveel aanbieders zijn (of worden) betrokken?', 'Twee of meer aanbieders');
  await w.locator('.rw-uitkomst').getByText('Procesregie bij het wijkteam Voorbeeldstad').first().waitFor();
  await addressWritten(page);
  assert.equal(await page.evaluate(() => location.hash), '#voorbeeldstad-eigen/zelf=nee/aanbieders=meer');
  // The share link after a reload: the own file is checked again and the walk restored; no data file
  // is fetched for the own id (it has none) and nothing is reported as wrong.
  await page.reload();
  await w.locator('.rw-uitkomst').getByText('Procesregie bij het wijkteam Voorbeeldstad').first().waitFor();
  assert.equal(await w.locator('.rw-melding').count(), 0);
  assert.ok(!seen().some((p) => p.startsWith('regels/voorbeeldstad-eigen')), seen().join(' '));
  // What it loaded lazily: the checker and the JS API bundle, only on this page.
  for (const f of ['eigen.js', 'eigen/regiewijzer_eigen.js', 'eigen/regiewijzer_eigen_bg.wasm', 'eigen-regels-voorbeeld.json']) {
    assert.ok(seen().includes(f), `${f} in ${seen().join(' ')}`);
  }
  // Back to the list: a built-in guideline still works beside it.
  await w.getByRole('button', { name: 'andere richtlijn' }).click();
  await w.getByRole('link', { name: /^Zeeland/ }).click();
  await w.getByRole('group', { name: 'Waarvoor gebruikt u de Regiewijzer?' }).waitFor();
});

test('a broken own rule file lists every problem in Dutch, in the page and the console; the built-ins still work', async (t) => {
  const page = await open(t, { ready: false });
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.route(env.server.url + 'kapot.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: broken() }));
  const url = await hostPage(page, 'kapot.html', host('<regie-wijzer regels="kapot.json"></regie-wijzer>'));
  await page.goto(url);
  const w = page.locator('regie-wijzer');
  await w.getByRole('link').first().waitFor();
  const notice = page.locator('.rw-melding[role="alert"]', { hasText: 'kapot.json' });
  assert.match(await notice.locator('p').innerText(), /^Het eigen regelbestand van de gemeente \(kapot\.json\) wordt niet gebruikt: \d+ problemen\.$/);
  const problems = await notice.locator('li').allInnerTexts();
  for (const p of ["startvraag 'begin' bestaat niet", "'aanbieders.een' verwijst naar 'nergens'", "'eigen_regie' heeft geen bron"]) {
    assert.ok(problems.some((l) => l.startsWith(p)), `${p} in:\n${problems.join('\n')}`);
  }
  assert.equal(problems.length, 8, 'as many as regiewijzer check lists for this file (tests/own.rs compares the lists)');
  // The same list in the console, one warning per problem.
  const inConsole = warnings.filter((m) => m.includes('eigen regelbestand')).map((m) => m.replace(/^.*kapot\.json: /, ''));
  assert.deepEqual(inConsole, problems);
  assert.equal(await w.getByRole('link').count(), 5, 'the five built-ins stay usable');
  await w.getByRole('link', { name: /^Westfriesland/ }).click();
  await answer(page, 'Waarvoor gebruikt u de Regiewijzer?', 'Ik ben zorgaanbieder: moet ik contact opnemen met het wijkteam?');
  await w.getByRole('group', { name: 'Wie is (of wordt) de verwijzer?' }).waitFor();
});

test('a rule file from another origin is refused with a console warning and a Dutch message; nothing is fetched from there', async (t) => {
  const page = await open(t, { ready: false });
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  const url = await hostPage(page, 'vreemd.html', host('<regie-wijzer regels="https://regels.example.org/mijn.json"></regie-wijzer>'));
  await page.goto(url);
  const w = page.locator('regie-wijzer');
  await w.getByRole('link').first().waitFor();
  const notice = page.locator('.rw-melding[role="alert"]', { hasText: 'mijn.json' });
  assert.match(await notice.innerText(), /het bestand staat niet op dit domein en wordt niet gelezen/);
  assert.ok(warnings.some((m) => m.includes('https://regels.example.org/mijn.json') && m.includes('niet op dit domein')), warnings.join('\n'));
  assert.equal(await w.getByRole('link').count(), 5);
  // (The helper fails the test on any request outside the widget's own files.)
});

test('"regels" in the configuration file, which also names it among the guidelines to offer; data-regels on #regiewijzer with an own id in the link on first load', async (t) => {
  const seen = requests();
  const page = await open(t, { ready: false });
  await page.route(env.server.url + 'gemeente.json', (route) => route.fulfill({ status: 200, contentType: 'application/json',
    body: JSON.stringify({ richtlijnen: ['zeeland', 'voorbeeldstad-eigen'], regels: 'eigen-regels-voorbeeld.json' }) }));
  const viaConfig = await hostPage(page, 'config.html', host('<regie-wijzer config="gemeente.json"></regie-wijzer>'));
  await page.goto(viaConfig);
  const w = page.locator('regie-wijzer');
  await w.getByRole('link', { name: /Voorbeeld: eigen regelbestand/ }).waitFor();
  assert.deepEqual((await w.getByRole('link').allInnerTexts()).map((s) => s.split(/\s/)[0]), ['Zeeland', 'Voorbeeld:']);
  // The old embedding, opened on a share link naming the own guideline.
  const viaDiv = await hostPage(page, 'div.html', host('<div id="regiewijzer" data-regels="eigen-regels-voorbeeld.json"></div>'));
  await page.goto(`${viaDiv}#voorbeeldstad-eigen/zelf=ja`);
  await page.locator('#regiewijzer .rw-uitkomst').getByText('De inwoner houdt zelf de regie').first().waitFor();
  assert.equal(await page.locator('.rw-melding').count(), 0);
  assert.ok(!seen().some((p) => p.startsWith('regels/voorbeeldstad-eigen')), seen().join(' '));
});

test('without a rule file named, neither eigen.js nor the JS API bundle is requested', async (t) => {
  const seen = requests();
  const page = await open(t, { hash: '#westfriesland' });
  await page.getByRole('group', { name: 'Waarvoor gebruikt u de Regiewijzer?' }).waitFor();
  await answer(page, 'Waarvoor gebruikt u de Regiewijzer?', 'Ik ben zorgaanbieder: moet ik contact opnemen met het wijkteam?');
  await page.getByRole('group', { name: 'Wie is (of wordt) de verwijzer?' }).waitFor();
  // A host page with a configuration file that names none.
  await page.route(env.server.url + 'gemeente.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{ "richtlijnen": ["zeeland", "flevoland"] }' }));
  await page.goto(await hostPage(page, 'zonder.html', host('<regie-wijzer config="gemeente.json"></regie-wijzer>')));
  await page.locator('regie-wijzer').getByRole('link', { name: /^Zeeland/ }).waitFor();
  assert.ok(seen().includes('regiewijzer_wasm_bg.wasm') && seen().includes('regels/westfriesland.rwd'), seen().join(' '));
  assert.ok(!seen().some((p) => p.startsWith('api/') || p.startsWith('eigen/') || p === 'eigen.js'), seen().join(' '));
});
