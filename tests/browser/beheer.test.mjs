// Richtlijnbeheer (beheer.html, issue 22), end to end as a rule owner would: open Westfriesland, let
// the huisarts's referral to dagbesteding always lead to regie vanuit het wijkteam and change the
// matig rhythm; the diff names the routes and their number; two test cases fail, are updated and
// pass; a quote is set by selecting the guideline text; the file is downloaded, passes
// `regiewijzer check`, and as the gemeente's own rule file makes the widget give the new advice.
// Under the strict CSP, with no request outside the page's own files and nothing stored (helpers.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { answer, axe, env, hostPage, noSideScroll, open, useBrowser } from './helpers.mjs';

useBrowser();

const WF = JSON.parse(readFileSync('rules/westfriesland.json', 'utf8'));
// The number of Westfriesland's own test cases (the rule file grows; the test follows it).
const N = WF.tests.length;
const question = (id) => WF.questions.find((q) => q.id === id);
const label = (q, o) => question(q).options.find((c) => c.id === o).label;
const outcome = (id) => WF.outcomes.find((o) => o.id === id);

async function openWestfriesland(page) {
  await page.getByLabel('Een richtlijn van deze site').selectOption('westfriesland');
  await page.getByRole('button', { name: 'Open deze richtlijn' }).click();
  await page.locator('.bh-melding', { hasText: 'Geopend' }).waitFor();
}

/** The status line: "Controle: … · testgevallen: n van m geslaagd". */
const status = (page) => page.locator('.bh-status').innerText();

/** Selects `phrase` in the guideline text, as a user would with the mouse. */
async function selectInText(page, phrase) {
  const found = await page.evaluate((phrase) => {
    const pane = document.getElementById('bh-tekst');
    const walker = document.createTreeWalker(pane, NodeFilter.SHOW_TEXT);
    const nodes = [];
    let all = '';
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      nodes.push([n, all.length]);
      all += n.data;
    }
    const at = all.indexOf(phrase);
    if (at < 0) return false;
    const locate = (pos) => {
      const [node, start] = nodes.filter(([, s]) => s <= pos).pop();
      return [node, pos - start];
    };
    const range = document.createRange();
    range.setStart(...locate(at));
    range.setEnd(...locate(at + phrase.length));
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    return true;
  }, phrase);
  assert.ok(found, `${phrase} in the text`);
}

test('a number typed while the audit of the edit before is still to come is kept, as text is (it was overwritten by the rules\' value)', async (t) => {
  const page = await open(t, { path: 'beheer.html', viewport: { width: 1280, height: 900 } });
  await openWestfriesland(page);
  await page.locator('.bh-status', { hasText: /^Controle: / }).waitFor();
  await page.getByRole('button', { name: 'Matig (Wmo) (matig_midden)' }).click();
  const field = page.getByRole('group', { name: 'Na het eerste jaar iedere' }).getByLabel('Aantal');
  await field.fill('5');
  await field.press('Tab');
  // Within the 250 ms before that edit's audit: a new number, the field not yet left.
  await field.fill('3');
  await page.locator('.bh-status', { hasText: /^Controle: / }).waitFor();
  assert.equal(await field.inputValue(), '3', 'the audit\'s re-render keeps what is typed');
  await field.press('Tab');
  await page.locator('.bh-status', { hasText: /^Controle: / }).waitFor();
  await page.waitForTimeout(400);
  assert.equal(await field.inputValue(), '3', 'and the edit is in the rules once the field is left');
});

test('a rule owner edits Westfriesland, sees what the change does, fixes the failing cases, quotes the text, downloads a file that passes the check and drives the widget', async (t) => {
  const page = await open(t, { path: 'beheer.html', viewport: { width: 1280, height: 900 } });
  await openWestfriesland(page);
  assert.match(await page.locator('.bh-controle [role="status"]').innerText(), /^Geen problemen/);
  assert.match(await status(page), new RegExp(`testgevallen: ${N} van ${N} geslaagd`));
  await axe(page, 'beheer, Westfriesland opened');

  // 1. The huisarts's referral to dagbesteding (segment B) now always needs regie vanuit het wijkteam.
  await page.getByRole('button', { name: /\(product_b\)$/ }).click();
  const dagbesteding = page.getByRole('group', { name: 'Antwoord 4: dagbesteding' });
  assert.match(await dagbesteding.locator('.bh-voorwaarde').first().innerText(), /als verwijzer = huisarts/);
  await dagbesteding.getByLabel('Regel 1: leidt naar').selectOption('extern_verplicht');
  await page.locator('.bh-status', { hasText: `testgevallen: ${N - 2} van ${N} geslaagd` }).waitFor();
  const failing = ['aanbieder, huisarts, dagbesteding B, niet volledig schoolgaand', 'aanbieder, huisarts, dagbesteding B, niet complex'];
  const lines = await page.locator('.bh-problemen li').allInnerTexts();
  for (const name of failing) assert.ok(lines.some((l) => l.startsWith(`testgeval '${name}' faalt`)), lines.join('\n'));
  // The stroomschema is drawn from the edited rules: the edge to the outcome is there.
  assert.ok(await page.locator('.bh-schema svg').count() > 0, 'schema drawn');

  // Undo and redo walk the history.
  await page.getByRole('button', { name: 'Ongedaan maken' }).click();
  await page.locator('.bh-status', { hasText: `testgevallen: ${N} van ${N} geslaagd` }).waitFor();
  await page.getByRole('button', { name: 'Opnieuw', exact: true }).click();
  await page.locator('.bh-status', { hasText: `testgevallen: ${N - 2} van ${N} geslaagd` }).waitFor();
  // The redo's audit follows 250 ms later and redraws the form: let it finish before the next edit.
  await page.locator('.bh-status', { hasText: /^Controle: / }).waitFor();

  // 2. The matig rhythm: after the first year every 3 months instead of every half year.
  await page.getByRole('button', { name: 'Matig (Wmo) (matig_midden)' }).click();
  const after = page.getByRole('group', { name: 'Na het eerste jaar iedere' });
  assert.equal(await after.getByLabel('Aantal').inputValue(), '6');
  await after.getByLabel('Aantal').fill('3');
  await after.getByLabel('Aantal').press('Tab');
  // The status said "Controle: 4 punten" before this edit too: wait for this edit's audit (it runs
  // 250 ms after the edit; the status says "loopt" until then), so the diff below sees it.
  await page.locator('.bh-status', { hasText: 'Controle loopt' }).waitFor();
  await page.locator('.bh-status', { hasText: 'Controle: 4 punten' }).waitFor();

  // 3. What does it do? The diff names the routes and their number.
  await page.getByRole('button', { name: 'Bekijk wat deze wijziging doet' }).click();
  const summary = await page.locator('.bh-samenvatting').innerText();
  const [, changed, total] = summary.match(/^(\d+) van de (\d+) routes krijgen een ander advies\./) ?? [];
  assert.ok(Number(changed) > 0 && Number(total) > Number(changed), summary);
  const captions = await page.locator('.bh-tabel caption').allInnerTexts();
  const toWijkteam = captions.filter((c) => c.endsWith(`wordt «${outcome('extern_verplicht').title}»`));
  assert.ok(toWijkteam.length > 0, captions.join('\n'));
  const counted = captions.map((c) => Number(c.match(/^Bij (\d+) route/)[1])).reduce((a, b) => a + b, 0);
  assert.equal(counted, Number(changed), 'the groups add up to the routes changed');
  assert.ok(captions.some((c) => c.includes(`was «${outcome('wmo_matig').title}», wordt «${outcome('wmo_matig').title}»`)), `the matig routes: same outcome, other rhythm\n${captions.join('\n')}`);
  const rhythm = page.locator('.bh-tabel', { hasText: `wordt «${outcome('wmo_matig').title}»` }).locator('tr', { hasText: 'evaluatieritme' });
  assert.match(await rhythm.innerText(), /iedere 3 maanden/);
  await page.locator('.bh-routes summary').first().click();
  assert.match(await page.locator('.bh-routes li').first().innerText(), /rol = /);
  await axe(page, 'beheer, diff shown');

  // 4. The failing cases, from the problem list: updated to the new advice, they pass.
  for (const name of failing) {
    await page.getByRole('button', { name: new RegExp(`^testgeval '${name.replace(/[()]/g, '\\$&')}' faalt`) }).first().click();
    const form = page.locator('.bh-formulier');
    await form.getByRole('heading', { name: `Testgeval «${name}»` }).waitFor();
    assert.match(await form.locator('.bh-uitslag').innerText(), /^Faalt: /);
    await form.getByLabel('Niet naar school/complex? (schoolgaand)').selectOption('');
    await form.getByLabel('Complex of onveilig? (complex_onveilig)').selectOption('');
    await form.getByLabel('Uitkomst', { exact: true }).selectOption('extern_verplicht');
    await form.getByLabel('Antwoord voor de zorgaanbieder').selectOption('ja');
    await form.getByLabel('Waar in de richtlijn staat dit (citeer de tekst, niet het model)').fill("Beleid per 2026: een externe verwijzing naar dagbesteding vraagt altijd regie vanuit het lokale (wijk)team.");
    await form.getByLabel('Waar in de richtlijn staat dit (citeer de tekst, niet het model)').press('Tab');
    await form.locator('.bh-uitslag', { hasText: 'Geslaagd' }).waitFor();
  }
  await page.locator('.bh-status', { hasText: `testgevallen: ${N} van ${N} geslaagd` }).waitFor();
  // The audit follows the validation just after the edit.
  await page.locator('.bh-controle [role="status"]', { hasText: /^Geen problemen/ }).waitFor();

  // 5. A quote set by selecting the source text; the highlight links back to the question.
  await page.getByRole('button', { name: /\(segment\)$/ }).click();
  const phrase = 'Overeenkomsten Percelen Aanvullende producten';
  await selectInText(page, phrase);
  await page.locator('.bh-bron').getByRole('button', { name: 'Gebruik selectie als citaat' }).click();
  assert.equal(await page.locator('.bh-formulier').getByLabel('Letterlijk citaat').inputValue(), phrase);
  await page.locator('.bh-controle [role="status"]', { hasText: /^Geen problemen/ }).waitFor();
  const mark = page.locator('#bh-tekst mark', { hasText: phrase });
  assert.equal(await mark.count(), 1, 'the new quote is highlighted');
  // And back: the highlight's button shows the element that cites it.
  await page.getByRole('button', { name: 'Versie en geldigheid' }).click();
  await page.locator('#bh-tekst').getByRole('button', { name: 'Geciteerd door segment: toon in het formulier' }).click();
  await page.locator('.bh-formulier').getByRole('heading', { name: 'Vraag «segment»' }).waitFor();
  // The README's screenshot: the list, the form and the source beside it.
  await page.evaluate(() => scrollTo(0, document.querySelector('.bh-balk').getBoundingClientRect().top + scrollY - 8));
  await page.locator('#citaat-segment-0').evaluate((a) => {
    const pane = a.closest('.bh-tekst');
    pane.scrollTop += a.getBoundingClientRect().top - pane.getBoundingClientRect().top - 120;
  });
  await page.screenshot({ path: 'docs/beheer-1280.jpg', type: 'jpeg', quality: 70 });
  // Text that is not in the guideline is refused.
  await page.evaluate(() => getSelection().removeAllRanges());
  await page.locator('.bh-bron').getByRole('button', { name: 'Gebruik selectie als citaat' }).click();
  assert.match(await page.locator('.bh-melding').innerText(), /Selecteer eerst een passage/);

  // 6. A gemeente's own file: its own id and version; the changelog from the diff.
  await page.getByRole('button', { name: 'Versie en geldigheid' }).click();
  await page.getByLabel('Id (a-z, 0-9, _ en -)').fill('westfriesland-eigen');
  await page.getByLabel('Id (a-z, 0-9, _ en -)').press('Tab');
  await page.getByLabel('Versie (zoals het document zich noemt)').fill('aangepast per 1 januari 2026');
  await page.getByLabel('Versie (zoals het document zich noemt)').press('Tab');
  await page.getByRole('button', { name: 'Bekijk wat deze wijziging doet' }).click();
  await page.waitForFunction(() => document.getElementById('bh-wijzigingen').value.startsWith('Wijzigingen in'));
  const log = await page.getByLabel('Wijzigingen (om over te nemen in het wijzigingenoverzicht)').inputValue();
  assert.match(log, /^Wijzigingen in Westfriesland \(7 gemeenten\) — versie 'aangepast per 1 januari 2026', geldig vanaf 2025-07-01/);
  assert.match(log, /extern_verplicht/);

  // 7. Download: the rule file passes `regiewijzer check` (quotes checked against the text beside it).
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^Download het regelbestand/ }).click()]);
  assert.equal(download.suggestedFilename(), 'westfriesland-eigen.json');
  const dir = mkdtempSync(join(tmpdir(), 'beheer-'));
  const file = join(dir, 'westfriesland-eigen.json');
  await download.saveAs(file);
  mkdirSync(join(dir, 'text'));
  copyFileSync(join('rules/text', WF.seed), join(dir, 'text', WF.seed));
  const verdict = execFileSync('cargo', ['run', '--locked', '--quiet', '--bin', 'regiewijzer', '--', 'check', file], { encoding: 'utf8' });
  assert.match(verdict, new RegExp(`^ok {3}westfriesland-eigen: \\d+ vragen, \\d+ uitkomsten, ${N} testgevallen geslaagd\\n$`));
  assert.match(await status(page), new RegExp(`testgevallen: ${N} van ${N} geslaagd$`), 'no unsaved changes after the download');

  // 8. As the gemeente's own rule file, the widget gives the new advice.
  const json = readFileSync(file, 'utf8');
  await page.route(/eigen-beheer\.json$/, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: json }));
  const host = await hostPage(page, 'gemeente-beheer.html', `<!doctype html><html lang="nl"><head><title>Intranet</title>
    <script type="module" src="regiewijzer.js"></script></head><body><main><h1>Regie</h1>
    <regie-wijzer regels="eigen-beheer.json"></regie-wijzer></main></body></html>`);
  await page.goto(host);
  const w = page.locator('regie-wijzer');
  await w.getByRole('link', { name: /eigen regelbestand van de gemeente/ }).click();
  await answer(page, question('rol').text, label('rol', 'zorgaanbieder'));
  await answer(page, question('verwijzer').text, label('verwijzer', 'huisarts'));
  await answer(page, question('segment').text, label('segment', 'b'));
  await answer(page, question('product_b').text, label('product_b', 'dagbesteding'));
  await w.locator('.rw-uitkomst').getByText(outcome('extern_verplicht').title).first().waitFor();
});

test('a gemeente variant: a new rule with a condition on the gemeente, changed and removed in the form; the diff names only that gemeente\'s routes', async (t) => {
  const FL = JSON.parse(readFileSync('rules/flevoland.json', 'utf8'));
  const fl = (id) => FL.outcomes.find((o) => o.id === id);
  const gemeente = (id) => FL.questions.find((q) => q.id === 'gemeente').options.find((o) => o.id === id).label;
  const page = await open(t, { path: 'beheer.html', viewport: { width: 1280, height: 900 } });
  await page.getByLabel('Een richtlijn van deze site').selectOption('flevoland');
  await page.getByRole('button', { name: 'Open deze richtlijn' }).click();
  await page.locator('.bh-melding', { hasText: 'Geopend' }).waitFor();
  await page.getByRole('button', { name: /\(doelgroep\)$/ }).click();
  const reclassering = page.getByRole('group', { name: /^Antwoord \d+: reclassering_18$/ });
  assert.equal(await reclassering.getByLabel('Leidt naar').inputValue(), 'fl_reclassering');
  await reclassering.getByRole('button', { name: /regel met voorwaarde toevoegen$/ }).click();
  // The new rule looks at the first earlier question, the gemeente; the rule after it catches the rest.
  await reclassering.locator('.bh-voorwaarde', { hasText: 'Regel 1: als gemeente = almere' }).waitFor();
  assert.match(await reclassering.locator('.bh-voorwaarde').nth(1).innerText(), /Regel 2: anders/);
  assert.equal(await reclassering.getByLabel('Als op vraag').inputValue(), 'gemeente');
  // Dronten instead of Almere, by keyboard; the rule leads to procesregie.
  const answers = reclassering.getByRole('group', { name: 'Regel 1, voorwaarde 1: het antwoord is' });
  await answers.getByLabel(gemeente('dronten')).focus();
  await page.keyboard.press('Space');
  await reclassering.locator('.bh-voorwaarde', { hasText: 'als gemeente = almere of dronten' }).waitFor();
  await answers.getByLabel(gemeente('almere')).focus();
  await page.keyboard.press('Space');
  await reclassering.locator('.bh-voorwaarde', { hasText: 'Regel 1: als gemeente = dronten' }).waitFor();
  // The last answer cannot be unticked: the condition would never hold.
  await answers.getByLabel(gemeente('dronten')).focus();
  await page.keyboard.press('Space');
  await page.locator('.bh-melding', { hasText: 'minstens één antwoord' }).waitFor();
  assert.ok(await answers.getByLabel(gemeente('dronten')).isChecked(), 'ticked again: the box shows the rules');
  // The audit of the edit before runs a moment later; the refusal stays shown.
  await page.locator('.bh-status', { hasText: /^Controle: / }).waitFor();
  assert.match(await page.locator('.bh-melding').innerText(), /minstens één antwoord/);
  await reclassering.getByLabel('Regel 1: leidt naar').selectOption('fl_procesregie');
  await reclassering.getByLabel('Regel 1: de regel in woorden').fill('Dronten: procesregie bij de lokale toegang, ook na een reclasseringsmaatregel');
  await reclassering.getByLabel('Regel 1: de regel in woorden').press('Tab');
  // The rule's own passage, set by selecting the guideline text.
  const source = fl('fl_procesregie').sources[0];
  const phrase = source.quote.split(/\s+/).slice(0, 8).join(' ');
  await reclassering.getByLabel('Regel 1: kop').fill(source.heading);
  await reclassering.getByLabel('Regel 1: kop').press('Tab');
  await selectInText(page, phrase);
  await page.locator('.bh-doeltekst', { hasText: 'Wordt het citaat van vraag «doelgroep»' }).waitFor();
  await reclassering.getByRole('button', { name: 'Gebruik selectie als citaat' }).first().click();
  assert.equal(await reclassering.getByLabel('Regel 1: letterlijk citaat').inputValue(), phrase);
  assert.match(await page.locator('.bh-doeltekst').innerText(), /^Wordt het citaat van regel 1 van antwoord «reclassering_18» van vraag «doelgroep»/);
  await page.locator('.bh-status', { hasText: /^Controle: in orde/ }).waitFor();
  await axe(page, 'beheer, a rule with a condition');

  // The diff: only Dronten's reclassering routes, from the GI's procesregie to the lokale toegang's.
  await page.getByRole('button', { name: 'Bekijk wat deze wijziging doet' }).click();
  const summary = await page.locator('.bh-samenvatting').innerText();
  const [, changed] = summary.match(/^(\d+) van de \d+ routes krijgen een ander advies\./) ?? [];
  assert.ok(Number(changed) > 0, summary);
  const captions = await page.locator('.bh-tabel caption').allInnerTexts();
  assert.ok(captions.length > 0 && captions.every((c) => c.includes(`was «${fl('fl_reclassering').title}»`)), captions.join('\n'));
  for (const d of await page.locator('.bh-routes').all()) await d.locator('summary').click();
  const routes = await page.locator('.bh-routes li').allInnerTexts();
  assert.equal(routes.length, Number(changed), 'every route named');
  assert.ok(routes.every((r) => r.startsWith('gemeente = dronten') && r.includes('doelgroep = reclassering_18')), routes.join('\n'));

  // The condition on another earlier question, then removed; removing the rule restores the option.
  await reclassering.getByLabel('Als op vraag').selectOption('rol');
  await reclassering.locator('.bh-voorwaarde', { hasText: 'Regel 1: als rol = toegang' }).waitFor();
  await reclassering.getByRole('button', { name: "Regel 1 van antwoord '" + FL.questions.find((q) => q.id === 'doelgroep').options.find((o) => o.id === 'reclassering_18').label + "': voorwaarde 1 verwijderen" }).click();
  await reclassering.locator('.bh-voorwaarde', { hasText: 'Regel 1: anders' }).waitFor();
  await reclassering.getByRole('button', { name: /^Regel 1 van antwoord .* verwijderen$/ }).click();
  assert.equal(await reclassering.getByLabel('Leidt naar').inputValue(), 'fl_reclassering');
  assert.equal(await reclassering.locator('.bh-regel').count(), 0);

  // Renaming an id: every reference follows (conditions, test cases), so the check stays clean.
  const n = FL.tests.length;
  const idField = page.getByLabel(/^Id van de vraag/);
  await idField.fill('doelgroep_jeugd');
  await idField.press('Tab');
  await page.locator('.bh-formulier').getByRole('heading', { name: 'Vraag «doelgroep_jeugd»' }).waitFor();
  await page.locator('.bh-status', { hasText: new RegExp(`^Controle: in orde · testgevallen: ${n} van ${n} geslaagd`) }).waitFor();
  await idField.fill('rol');
  await idField.press('Tab');
  assert.match(await page.locator('.bh-melding').innerText(), /Id 'rol' is al in gebruik/);
});

test('any two rule files compared: the regional file and a gemeente\'s variant, without opening either', async (t) => {
  const FL = JSON.parse(readFileSync('rules/flevoland.json', 'utf8'));
  const variant = structuredClone(FL);
  variant.id = 'flevoland-dronten';
  const o = variant.outcomes.find((x) => x.id === 'fl_16_27');
  o.owner = 'Het jongerenloket van Dronten';
  const dir = mkdtempSync(join(tmpdir(), 'beheer-vergelijk-'));
  writeFileSync(join(dir, 'flevoland-dronten.json'), JSON.stringify(variant, null, 2));
  writeFileSync(join(dir, 'kapot.json'), '{ "id": ');
  const page = await open(t, { path: 'beheer.html', viewport: { width: 1280, height: 900 } });
  const panel = page.getByRole('region', { name: 'Twee regelbestanden vergelijken' });
  // Nothing chosen yet: said in the panel.
  await panel.getByRole('button', { name: 'Vergelijk de twee bestanden' }).click();
  await panel.locator('[role="status"]', { hasText: 'Kies eerst twee regelbestanden' }).waitFor();
  await panel.getByLabel('Oud regelbestand (.json)').setInputFiles('rules/flevoland.json');
  await panel.getByLabel('Nieuw regelbestand (.json)').setInputFiles(join(dir, 'kapot.json'));
  await panel.getByRole('button', { name: 'Vergelijk de twee bestanden' }).click();
  await panel.locator('[role="status"]', { hasText: /^kapot\.json kon niet worden gelezen: het bestand is geen regelbestand/ }).waitFor();
  await panel.getByLabel('Nieuw regelbestand (.json)').setInputFiles(join(dir, 'flevoland-dronten.json'));
  await panel.getByRole('button', { name: 'Vergelijk de twee bestanden' }).click();
  await panel.getByRole('heading', { name: 'Van flevoland.json naar flevoland-dronten.json' }).waitFor();
  const summary = await panel.locator('.bh-samenvatting').innerText();
  const [, changed] = summary.match(/^(\d+) van de \d+ routes krijgen een ander advies\./) ?? [];
  const captions = await panel.locator('.bh-tabel caption').allInnerTexts();
  assert.ok(Number(changed) > 0 && captions.every((c) => c.endsWith(`was «${o.title}», wordt «${o.title}»`)), `${summary}\n${captions.join('\n')}`);
  assert.match(await panel.locator('.bh-tabel tr', { hasText: 'wie' }).first().innerText(), /Het jongerenloket van Dronten/);
  await axe(page, 'beheer, two files compared');
});

test('a heading no longer skipped is reported, and marked as deliberately not modelled again from the headings form', async (t) => {
  const page = await open(t, { path: 'beheer.html', viewport: { width: 1280, height: 900 } });
  await openWestfriesland(page);
  await page.getByRole('button', { name: /^Koppen en niet verwerkte passages/ }).click();
  const form = page.locator('.bh-formulier');
  const skip = WF.not_modelled.findIndex((n) => n.heading === 'Hoofdstuk 1 Inleiding');
  await form.getByRole('button', { name: `Passage ${skip + 1} verwijderen` }).click();
  const line = page.getByRole('button', { name: "kop «Hoofdstuk 1 Inleiding» wordt niet geciteerd en staat niet in 'not_modelled' met een reden" });
  await line.waitFor();
  await page.getByRole('button', { name: 'Versie en geldigheid' }).click();
  await line.click();
  await form.getByRole('heading', { name: 'Koppen en niet verwerkte passages' }).waitFor();
  const h = WF.headings.indexOf('Hoofdstuk 1 Inleiding');
  assert.equal(await form.getByLabel(`Kop ${h + 1}`, { exact: true }).inputValue(), 'Hoofdstuk 1 Inleiding');
  await form.getByRole('button', { name: `Kop ${h + 1}: bewust niet gemodelleerd` }).click();
  const n = WF.not_modelled.length;
  assert.equal(await form.getByLabel(`Passage ${n}: kop`).inputValue(), 'Hoofdstuk 1 Inleiding');
  await form.getByLabel(`Passage ${n}: waarom niet in het stroomschema`).fill('Achtergrond van de inkoop; bevat geen beslisregel.');
  await form.getByLabel(`Passage ${n}: waarom niet in het stroomschema`).press('Tab');
  await page.locator('.bh-controle [role="status"]', { hasText: /^Geen problemen/ }).waitFor();
  await axe(page, 'beheer, headings form');
});

test('an outcome\'s timeline: weekends not counted, a moment added; the diff lists the change', async (t) => {
  const page = await open(t, { path: 'beheer.html', viewport: { width: 1280, height: 900 } });
  await page.getByLabel('Een richtlijn van deze site').selectOption('flevoland');
  await page.getByRole('button', { name: 'Open deze richtlijn' }).click();
  await page.locator('.bh-melding', { hasText: 'Geopend' }).waitFor();
  await page.getByRole('button', { name: /\(fl_crisis_toegang\)$/ }).click();
  const form = page.locator('.bh-formulier');
  assert.equal(await form.getByLabel('Tijdlijn 1: vanaf').inputValue(), 'moment');
  const weekends = form.getByLabel('Tijdlijn 1, moment 1: uren in het weekend tellen niet mee');
  assert.equal(await weekends.isChecked(), false);
  await weekends.focus();
  await page.keyboard.press('Space');
  await page.locator('.bh-status', { hasText: 'niet gedownloade wijzigingen' }).waitFor();
  await form.getByRole('button', { name: 'Tijdlijn 1: moment toevoegen' }).click();
  const after = form.getByRole('group', { name: 'Tijdlijn 1, moment 2: na' });
  await after.getByLabel('Eenheid').selectOption('weeks');
  await after.getByLabel('Aantal').fill('2');
  await after.getByLabel('Aantal').press('Tab');
  await form.getByLabel('Tijdlijn 1, moment 2: wat er dan gebeurt').fill('Evaluatie van het crisisplan');
  await form.getByLabel('Tijdlijn 1, moment 2: wat er dan gebeurt').press('Tab');
  await page.locator('.bh-status', { hasText: /^Controle: in orde/ }).waitFor();
  await axe(page, 'beheer, timelines');
  await page.getByRole('button', { name: 'Bekijk wat deze wijziging doet' }).click();
  await page.locator('.bh-verschil p', { hasText: 'fl_crisis_toegang (timelines)' }).waitFor();
  assert.match(await page.locator('.bh-verschil pre').textContent(), /fl_crisis_toegang/);
});

test('every rule file the site serves names a JSON Schema the site serves', async () => {
  const dist = process.env.REGIEWIJZER_DIST ?? 'dist';
  const files = [...readdirSync(join(dist, 'beheer')).filter((f) => f.endsWith('.json')).map((f) => `beheer/${f}`), 'eigen-regels-voorbeeld.json'];
  assert.ok(files.length > 5, files.join(', '));
  for (const f of files) {
    const url = new URL(f, env.server.url);
    const rules = await (await fetch(url)).json();
    assert.equal(typeof rules.$schema, 'string', `${f} names its schema`);
    const res = await fetch(new URL(rules.$schema, url));
    assert.equal(res.status, 200, `${f}: ${rules.$schema} is served`);
    const schema = await res.json();
    assert.equal(schema.title, 'Regelbestand van de Regiewijzer', f);
    assert.deepEqual(schema, JSON.parse(readFileSync('rules/schema/regelbestand.schema.json', 'utf8')), `${f}: the kept schema`);
  }
});

test('text being typed survives the audit that follows the edit before it', async (t) => {
  const page = await open(t, { path: 'beheer.html', viewport: { width: 1280, height: 900 } });
  await openWestfriesland(page);
  await page.getByRole('button', { name: /\(wet\)$/ }).click();
  const short = page.getByLabel('Kort label in het stroomschema (hoogstens 32 tekens)');
  const text = page.getByLabel('Vraag (zoals de gebruiker hem leest)');
  await short.fill('Wmo of jeugd?');
  await short.press('Tab');
  // Typing in the next field at once: the audit of the first edit renders the page meanwhile.
  await text.fill('Valt de hulp onder de Wmo of de Jeugdwet?');
  await page.locator('.bh-status', { hasText: /^Controle: .*niet gedownloade/ }).waitFor();
  await page.waitForTimeout(300);
  assert.equal(await text.inputValue(), 'Valt de hulp onder de Wmo of de Jeugdwet?', 'what is typed is kept');
  await text.press('Tab');
  await page.getByRole('button', { name: 'Ongedaan maken' }).click();
  assert.equal(await text.inputValue(), question('wet').text, 'the text was one step of undo');
  assert.equal(await short.inputValue(), 'Wmo of jeugd?');
});

test('at 320 px nothing breaks; leaving with unsaved changes asks first', async (t) => {
  const page = await open(t, { path: 'beheer.html', viewport: { width: 320, height: 640 } });
  await openWestfriesland(page);
  await noSideScroll(page, 320, 'beheer at 320 px');
  await page.getByRole('button', { name: /\(wet\)$/ }).click();
  await page.getByLabel('Kort label in het stroomschema (hoogstens 32 tekens)').fill('Wmo of jeugd?');
  await page.getByLabel('Kort label in het stroomschema (hoogstens 32 tekens)').press('Tab');
  await page.locator('.bh-status', { hasText: 'niet gedownloade wijzigingen' }).waitFor();
  await noSideScroll(page, 320, 'beheer at 320 px, editing');
  const dialog = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const d = await dialog;
  assert.equal(d.type(), 'beforeunload');
  await d.accept();
});
