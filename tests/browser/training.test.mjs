// The training page (dist/oefenen.html), used as a trainer would: pick a guideline, walk a case by
// clicking, see whether it matches the guideline with the deciding step, answer "Waarom?", watch the
// coverage map change and reset it, the presenter's hidden answer, the answer sheet, a case read
// through an interpretation (the marks and the "leest" wording), "Vergelijk regio's" by clicking,
// keyboard only, axe at 1280 and 320 px, and offline after one visit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { addressWritten, axe, noSideScroll, open, useBrowser } from './helpers.mjs';

useBrowser();

const rules = (id) => JSON.parse(readFileSync(`rules/${id}.json`, 'utf8'));

/** Opens the training page with `region`'s cases listed. */
async function cases(t, region, opts = {}) {
  const page = await open(t, { path: 'oefenen.html', ...opts });
  await page.getByRole('link', { name: new RegExp(`^${region}`) }).click();
  await page.locator('.rw-casusknop').first().waitFor();
  return page;
}

/** Clicks through the walk with the answers of case `answers` (ids, as in the rule file). */
async function walk(page, g, answers) {
  for (;;) {
    const legend = page.locator('.rw-stap form.rw-vraag legend');
    const result = page.locator('.rw-uitkomst');
    await Promise.race([legend.first().waitFor(), result.waitFor()]);
    if (await result.count()) return;
    const text = await legend.first().innerText();
    const q = g.questions.find((x) => x.text === text);
    assert.ok(q, `question on screen is in the rule file: ${text}`);
    const o = q.options.find((x) => x.id === answers[q.id]);
    assert.ok(o, `the case answers ${q.id}`);
    await page.getByRole('group', { name: q.text }).getByLabel(o.label, { exact: true }).check();
    await page.getByRole('button', { name: 'Volgende', exact: true }).click();
    await page.waitForFunction((t) => document.querySelector('.rw-stap form.rw-vraag legend')?.textContent !== t, text);
  }
}

// The verdict is the guideline's, or where the case's route carries an interpretatie or
// niet-eenduidig mark, the Regiewijzer's reading of it (review N-7).
const MATCH = /^✓ Dezelfde uitkomst als de (richtlijn|Regiewijzer de richtlijn leest)$/;
const OTHER = /^✗ Een andere uitkomst dan de (richtlijn|Regiewijzer de richtlijn leest)$/;

/** The result shows marks exactly when it words its answer as the Regiewijzer's reading. */
async function voiceFollowsMarks(page) {
  const result = page.locator('.rw-uitslag');
  const marked = (await result.locator('.rw-interpretatie').count()) > 0;
  const heading = await result.locator('h2').innerText();
  assert.equal(heading.includes('de Regiewijzer de richtlijn leest'), marked, heading);
  assert.equal((await result.locator('.rw-kenmerken').innerText()).includes('De Regiewijzer leest de richtlijn zo'), marked);
}

const counts = async (page) => (await page.locator('.rw-dekkingstelling').innerText()).match(/(\d+) routes?: (\d+) van de (\d+) vakken/).slice(1).map(Number);

test('a case walked by clicking matches the guideline, says why, and shows in the coverage', async (t) => {
  const g = rules('zeeland');
  const page = await cases(t, 'Zeeland');
  assert.equal(await page.locator('.rw-casusknop').count(), g.tests.length);
  assert.deepEqual(await counts(page), [0, 0, g.questions.length + g.outcomes.length]);
  const dimBefore = await page.locator('.rw-dekking .rw-knoop.rw-dim').count();
  assert.equal(dimBefore, g.questions.length + g.outcomes.length, 'nothing discussed yet: every box dimmed');

  await page.getByRole('button', { name: /^Casus 1\b/ }).click();
  assert.match(await page.locator('.rw-situatie').innerText(), new RegExp(g.tests[0].situation.slice(0, 30)));
  await walk(page, g, g.tests[0].answers);
  const heading = page.locator('.rw-uitslag h2');
  await heading.waitFor();
  assert.match(await heading.innerText(), MATCH);
  await voiceFollowsMarks(page);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'rwo-uitslag', 'the result takes the focus');
  const outcome = g.outcomes.find((o) => o.id === g.tests[0].expect.outcome);
  assert.match(await page.locator('.rw-uitslag').innerText(), new RegExp(outcome.title.slice(0, 25).replace(/[()/]/g, '.')));
  assert.ok(await page.locator('.rw-uitslag .rw-bron blockquote').count() >= 1, 'the deciding step quotes its source');

  // "Waarom?": exactly one of the three options is the deciding rule; feedback quotes the guideline.
  const options = page.getByRole('group', { name: /^Waarom komt deze casus uit bij/ }).getByRole('radio');
  assert.equal(await options.count(), 3);
  let right = 0;
  for (let i = 0; i < 3; i += 1) {
    await options.nth(i).check();
    await page.getByRole('button', { name: 'Controleer' }).click();
    const fb = page.locator('.rw-feedback');
    await fb.waitFor();
    if (/^✓ Goed\./.test(await fb.innerText())) right += 1;
    assert.ok(await fb.locator('blockquote').count() >= 1, 'feedback quotes the source');
  }
  assert.equal(right, 1, 'one right answer');

  // Back to the cases: the route is in the coverage map.
  await page.getByRole('button', { name: 'Terug naar de casussen' }).click();
  const [routes, walked] = await counts(page);
  assert.equal(routes, 1);
  const steps = Object.keys(g.tests[0].answers).length;
  assert.ok(walked >= 2 && walked <= steps + 1, `walked ${walked} boxes`);
  assert.equal(await page.locator('.rw-dekking .rw-knoop.rw-dim').count(), dimBefore - walked);
  assert.ok(await page.locator('.rw-dekking .rw-lijn.rw-genomen').count() >= 1, 'walked edges drawn thick');
  assert.ok(!(await page.locator('.rw-missend').innerText()).includes(outcome.short), 'the outcome reached is no longer missing');

  // Another case walked along another route is not the guideline's answer.
  const other = g.tests.findIndex((c) => c.expect.outcome !== g.tests[0].expect.outcome);
  await page.getByRole('button', { name: new RegExp(`^Casus ${other + 1}\\b`) }).click();
  await walk(page, g, g.tests[0].answers);
  await heading.waitFor();
  assert.match(await heading.innerText(), OTHER);
  await voiceFollowsMarks(page);
  // The browser's own Back goes to the list (the session stays), Forward to the case again.
  await addressWritten(page);
  assert.match(page.url(), new RegExp(`#zeeland/casus-${other + 1}$`));
  await page.goBack();
  await page.locator('.rw-casusknop').first().waitFor();
  assert.equal((await counts(page))[0], 2);
  await page.goForward();
  assert.match(await page.locator('#rwo-casus').innerText(), new RegExp(`^Casus ${other + 1} van`));
  await page.getByRole('button', { name: 'Terug naar de casussen' }).click();
  assert.equal((await counts(page))[0], 2);

  await page.getByRole('button', { name: 'Dekking wissen' }).click();
  assert.deepEqual((await counts(page)).slice(0, 2), [0, 0]);
  assert.equal(await page.locator('.rw-dekking .rw-knoop.rw-dim').count(), dimBefore);
});

test('a pasted link to a case opens that case; a mangled one says so and shows the guidelines', async (t) => {
  const g = rules('westfriesland');
  const page = await open(t, { path: 'oefenen.html', hash: '#westfriesland/casus-4' });
  await page.locator('#rwo-casus').waitFor();
  assert.equal(await page.locator('#rwo-casus').innerText(), `Casus 4 van ${g.tests.length}`);
  assert.match(await page.locator('.rw-situatie').innerText(), new RegExp(g.tests[3].situation.slice(0, 30)));
  const mangled = await open(t, { path: 'oefenen.html', hash: '#atlantis/casus-1' });
  await mangled.getByRole('alert').waitFor();
  assert.match(await mangled.getByRole('alert').innerText(), /Er is geen richtlijn 'atlantis'/);
  await mangled.getByRole('link', { name: /^Zeeland/ }).click();
  await mangled.locator('.rw-casusknop').first().waitFor();
  // The mangled link was corrected in place: Back goes to the list, then off the page, never to it.
  await mangled.goBack();
  await mangled.getByRole('link', { name: /^Zeeland/ }).waitFor();
  assert.ok(!mangled.url().includes('atlantis'), mangled.url());
  await mangled.goBack();
  assert.ok(!mangled.url().includes('atlantis'), mangled.url());
});

test('presenter view hides the answer until the trainer reveals it', async (t) => {
  const g = rules('oost-veluwe');
  const page = await cases(t, 'Oost Veluwe');
  await page.getByRole('button', { name: 'Presentatie (beamer)' }).click();
  assert.equal(await page.getByRole('button', { name: 'Presentatie (beamer)' }).getAttribute('aria-pressed'), 'true');
  assert.equal(await page.locator('.rw-presentatie').count(), 1);
  await page.getByRole('button', { name: /^Casus 2\b/ }).click();
  await walk(page, g, g.tests[1].answers);
  await page.locator('.rw-onthul').waitFor();
  assert.equal(await page.locator('.rw-uitslag').count(), 0, 'answer hidden');
  await page.getByRole('button', { name: 'Toon het antwoord (zoals de Regiewijzer de richtlijn leest)' }).click();
  assert.match(await page.locator('.rw-uitslag h2').innerText(), MATCH);
  await voiceFollowsMarks(page);
  // Going back in the walk takes the result away (and hides the answer again) until it is back.
  await page.getByRole('button', { name: 'Terug', exact: true }).click();
  await page.locator('.rw-stap form.rw-vraag').waitFor();
  assert.equal(await page.locator('.rw-uitslag').count(), 0);
  assert.equal(await page.locator('.rw-onthul').count(), 0);
  // The next case hides it again.
  await page.getByRole('button', { name: 'Volgende casus' }).click();
  await walk(page, g, g.tests[2].answers);
  await page.locator('.rw-onthul').waitFor();
  assert.equal(await page.locator('.rw-uitslag').count(), 0);
});

test('the answer sheet lists every case with its answer and prints on A4', async (t) => {
  const g = rules('flevoland');
  const page = await cases(t, 'Flevoland');
  await page.getByRole('button', { name: 'Antwoordenblad' }).click();
  const items = page.locator('.rw-bladcasus');
  assert.equal(await items.count(), g.tests.length);
  for (const [i, c] of g.tests.entries()) {
    const text = await items.nth(i).innerText();
    assert.ok(text.includes(c.name) && text.includes(c.situation.slice(0, 40)), `case ${i + 1}`);
    const o = g.outcomes.find((x) => x.id === c.expect.outcome);
    const marked = (await items.nth(i).locator('.rw-interpretatie').count()) > 0;
    const label = marked ? 'Uitkomst zoals de Regiewijzer de richtlijn leest: ' : 'Uitkomst: ';
    assert.ok(text.includes(`${label}${o.title}`), `case ${i + 1} outcome`);
  }
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.rw-kop').isVisible(), false, 'no buttons or header on paper');
  assert.ok(await items.first().isVisible());
  const pdf = await page.pdf({ format: 'A4' });
  assert.ok(pdf.length > 10000);
});

test('a case read through an interpretation shows its marks and says the Regiewijzer reads the guideline so', async (t) => {
  // A case whose route passes a question that carries a mark (review N-7: 99 of 126 cases do).
  const g = rules('zeeland');
  const marked = (id) => g.questions.find((q) => q.id === id)?.interpretation;
  const n = g.tests.findIndex((c) => Object.keys(c.answers).some(marked));
  assert.ok(n >= 0, 'a Zeeland case passes a marked question');
  const mark = marked(Object.keys(g.tests[n].answers).find(marked));
  const page = await open(t, { path: 'oefenen.html', hash: `#zeeland/casus-${n + 1}`, viewport: { width: 1280, height: 900 } });
  await page.locator('#rwo-casus').waitFor();
  await walk(page, g, g.tests[n].answers);
  const result = page.locator('.rw-uitslag');
  await result.locator('h2').waitFor();
  assert.equal(await result.locator('h2').innerText(), '✓ Dezelfde uitkomst als de Regiewijzer de richtlijn leest');
  assert.match(await result.locator('.rw-kenmerken').innerText(), /De Regiewijzer leest de richtlijn zo/);
  assert.ok(!(await result.innerText()).includes('Waar de richtlijn dit zegt'), 'no claim that the guideline says it');
  const marks = result.locator('.rw-lezing .rw-interpretatie');
  const texts = await marks.allInnerTexts();
  assert.ok(texts.some((x) => x.includes(mark.text)), 'the mark on the route is shown with its text');
  const label = mark.kind === 'niet_eenduidig' ? 'niet eenduidig' : 'interpretatie';
  assert.ok((await marks.locator('.rw-label').allInnerTexts()).some((x) => x.toLowerCase() === label), 'with its kind');
  if (g.tests[n].expect.because) assert.match(await result.innerText(), /Waaruit de Regiewijzer dit leest: /);
  await axe(page, 'result with marks');

  // The printed answer sheet says the same for that case, and marks only the cases it reads.
  await page.goto(page.url().split('#')[0] + '#zeeland/antwoorden');
  const items = page.locator('.rw-bladcasus');
  await items.first().waitFor();
  const item = items.nth(n);
  assert.ok((await item.locator('.rw-interpretatie').allInnerTexts()).some((x) => x.includes(mark.text)));
  const o = g.outcomes.find((x) => x.id === g.tests[n].expect.outcome);
  assert.match(await item.innerText(), new RegExp(`Uitkomst zoals de Regiewijzer de richtlijn leest: ${o.title.slice(0, 20).replace(/[()/]/g, '.')}`));
  let plain = 0;
  for (let i = 0; i < (await items.count()); i += 1) {
    const text = await items.nth(i).innerText();
    const withMarks = (await items.nth(i).locator('.rw-interpretatie').count()) > 0;
    assert.equal(text.includes('zoals de Regiewijzer de richtlijn leest'), withMarks, `case ${i + 1}`);
    assert.equal(text.includes('Waar de richtlijn dit zegt'), !withMarks && Boolean(g.tests[i].expect.because), `case ${i + 1}`);
    if (!withMarks) plain += 1;
  }
  assert.ok(plain >= 1, 'a case without marks keeps the guideline\'s wording');
  await axe(page, 'answer sheet with marks');
});

test('Vergelijk regio\'s by clicking: one column per guideline, cited cells, differences marked', async (t) => {
  const page = await open(t, { path: 'oefenen.html' });
  await page.getByRole('button', { name: "Vergelijk regio's" }).click();
  for (let i = 0; i < 30 && !(await page.locator('.rw-tabel').count()); i += 1) {
    const form = page.locator('.rw-stap form.rw-vraag');
    await Promise.race([form.waitFor(), page.locator('.rw-tabel').waitFor()]);
    if (await page.locator('.rw-tabel').count()) break;
    const legend = await form.locator('legend').innerText();
    await form.getByRole('radio').first().check();
    await page.getByRole('button', { name: 'Volgende', exact: true }).click();
    await page.waitForFunction((t) => document.querySelector('.rw-stap form.rw-vraag legend')?.textContent !== t || document.querySelector('.rw-tabel'), legend);
  }
  const heads = await page.locator('.rw-tabel thead th').allInnerTexts();
  assert.deepEqual(heads, ['Westfriesland', 'Oost Veluwe', 'Flevoland', 'Hoogeveen en De Wolden', 'Zeeland']);
  const cells = page.locator('.rw-tabel tbody td');
  const n = await cells.count();
  assert.ok(n >= 5 * 4);
  for (let i = 0; i < n; i += 1) {
    const c = cells.nth(i);
    const cited = await c.locator('details.rw-celbron').count();
    const empty = await c.evaluate((e) => e.classList.contains('rw-leeg'));
    assert.ok(cited || empty || (await c.innerText()).trim() !== '', `cell ${i} is cited or says why not`);
  }
  assert.ok(await page.locator('.rw-verschilt .rw-verschil-label').count() >= 1, 'differences are marked in words');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'rwv-vergelijk-titel');
});

test('keyboard only: pick a guideline, open a case, walk it and answer Waarom?', async (t) => {
  const g = rules('zeeland');
  const page = await open(t, { path: 'oefenen.html' });
  const tabTo = async (pred, what) => {
    for (let i = 0; i < 80; i += 1) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(pred)) return;
    }
    assert.fail(`Tab never reached ${what}`);
  };
  await tabTo(() => document.activeElement?.textContent?.startsWith('Zeeland'), 'Zeeland');
  await page.keyboard.press('Enter');
  await page.locator('.rw-casusknop').first().waitFor();
  await tabTo(() => document.activeElement?.textContent?.startsWith('Casus 1'), 'Casus 1');
  await page.keyboard.press('Enter');
  const answers = g.tests[0].answers;
  for (let step = 0; step < 10 && !(await page.locator('.rw-uitslag').count()); step += 1) {
    const legend = page.locator('.rw-stap form.rw-vraag legend').first();
    await legend.waitFor();
    const text = await legend.innerText();
    const q = g.questions.find((x) => x.text === text);
    const want = q.options.find((o) => o.id === answers[q.id]).label;
    await tabTo(() => document.activeElement?.type === 'radio', 'the options');
    for (let k = 0; k < 6; k += 1) {
      const label = await page.evaluate(() => document.querySelector(`label[for="${document.activeElement.id}"]`)?.textContent);
      if (label === want) break;
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Space');
    await page.keyboard.press('Enter');
    await page.waitForFunction((t) => document.querySelector('.rw-stap form.rw-vraag legend')?.textContent !== t || document.querySelector('.rw-uitslag'), text);
  }
  await page.locator('.rw-uitslag h2').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'rwo-uitslag');
  await tabTo(() => document.activeElement?.type === 'radio' && document.activeElement.name === 'rwo-waarom', 'Waarom?');
  await page.keyboard.press('Space');
  await page.keyboard.press('Enter');
  await page.locator('.rw-feedback').waitFor();
  // The focus is visible: the outline of :focus-visible is drawn.
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, 'none');
});

for (const width of [1280, 320]) {
  test(`axe clean on the training page at ${width} px, nothing scrolls sideways`, async (t) => {
    const g = rules('hoogeveen-de-wolden');
    const page = await open(t, { path: 'oefenen.html', viewport: { width, height: 800 } });
    await axe(page, 'picker');
    await page.getByRole('link', { name: /^Hoogeveen/ }).click();
    await page.locator('.rw-casusknop').first().waitFor();
    await axe(page, 'cases and coverage');
    await noSideScroll(page, width, 'cases');
    await page.getByRole('button', { name: /^Casus 1\b/ }).click();
    await page.locator('.rw-stap form.rw-vraag').waitFor();
    await axe(page, 'case question');
    await noSideScroll(page, width, 'case question');
    await walk(page, g, g.tests[0].answers);
    await page.locator('.rw-uitslag').waitFor();
    await page.getByRole('group', { name: /^Waarom/ }).getByRole('radio').first().check();
    await page.getByRole('button', { name: 'Controleer' }).click();
    await axe(page, 'result and Waarom?');
    await noSideScroll(page, width, 'result');
    await page.getByRole('button', { name: 'Presentatie (beamer)' }).click();
    await axe(page, 'presenter');
    await noSideScroll(page, width, 'presenter');
    await page.getByRole('button', { name: 'Antwoordenblad' }).click();
    await axe(page, 'answer sheet');
    await noSideScroll(page, width, 'answer sheet');
    await page.getByRole('button', { name: "Vergelijk regio's" }).click();
    await page.locator('.rw-stap form.rw-vraag').waitFor();
    await axe(page, 'comparison question');
    await noSideScroll(page, width, 'comparison');
  });
}

test('after one visit the training page works offline with the guidelines opened then', async (t) => {
  const g = rules('zeeland');
  const page = await open(t, { path: 'oefenen.html', serviceWorkers: 'allow', allowConsole: /^Failed to load resource: net::ERR_(FAILED|INTERNET_DISCONNECTED)$/ });
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.getByRole('link', { name: /^Zeeland/ }).click();
  await page.locator('.rw-casusknop').first().waitFor();
  // What was loaded before the worker took control is handed over to it; wait until it is kept.
  await page.waitForFunction(async () => {
    const c = await caches.open((await caches.keys())[0]);
    const urls = (await c.keys()).map((r) => new URL(r.url).pathname);
    return ['oefenen.html', 'oefenen_wasm_bg.wasm', 'oefenen.js', 'regels/zeeland.casus.rwd'].every((f) => urls.some((u) => u.endsWith(f)));
  });
  await page.context().setOffline(true);
  await page.reload();
  // The address bar kept the view (#zeeland): the cases come from the cache.
  await page.getByRole('button', { name: /^Casus 1\b/ }).click();
  await walk(page, g, g.tests[0].answers);
  assert.match(await page.locator('.rw-uitslag h2').innerText(), MATCH);
});
