// The walk in the URL (Back/Forward, reload, a link pasted into a fresh browser, mangled links),
// links naming no guideline (no request, no console error), sharing, the drawn stroomschema,
// "weet ik niet", printing and the .ics file — used as a person would, in headless Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addressWritten, answer, env, hostPage, open, pick, stepShown, useBrowser } from './helpers.mjs';

useBrowser();

const ROL = 'Waarvoor gebruikt u de Regiewijzer?';
const VERWIJZER = 'Wie is (of wordt) de verwijzer?';
const WET = 'Gaat het om Wmo-ondersteuning of om jeugdhulp?';
const TOEGANG = 'Ik werk bij de lokale toegang of het lokale (wijk)team: welke regie past?';
const LOKAAL = 'De lokale toegang (het lokale (wijk)team)';
const OUTCOME_LINK = '#westfriesland/rol=toegang/verwijzer=lokale_toegang/wet=jeugd/segment=b/product_b=profiel_8/jeugd_intensiteit=midden/start=2026-01-31/end=2027-12-31';

const legend = (page) => page.locator('.rw-vraag legend').innerText();
const hash = async (page) => { await addressWritten(page); return page.evaluate(() => decodeURIComponent(location.hash)); };

async function threeSteps(page) {
  await pick(page, 'Westfriesland');
  await answer(page, ROL, TOEGANG);
  await answer(page, VERWIJZER, LOKAAL);
  await answer(page, WET, 'Jeugdhulp');
  await page.getByRole('group', { name: 'In welk segment valt de jeugdhulp?' }).waitFor();
}

test('every step is in the URL: Back and Forward move between steps, reload keeps the step', async (t) => {
  const page = await open(t);
  await threeSteps(page);
  assert.equal(await hash(page), '#westfriesland/rol=toegang/verwijzer=lokale_toegang/wet=jeugd');
  await page.goBack();
  await page.getByRole('group', { name: WET }).waitFor();
  assert.equal(await page.getByLabel('Jeugdhulp', { exact: true }).isChecked(), true, 'the answer is kept');
  await page.goBack();
  assert.equal(await legend(page), VERWIJZER);
  await page.goForward();
  assert.equal(await legend(page), WET);
  await page.goForward();
  assert.equal(await legend(page), 'In welk segment valt de jeugdhulp?');
  await page.reload();
  await page.locator('.rw-vraag').waitFor();
  assert.equal(await legend(page), 'In welk segment valt de jeugdhulp?');
  assert.equal(await page.locator('.rw-antwoorden li').count(), 3);
  // Back from the first question returns to the list of guidelines, still inside the widget.
  for (let i = 0; i < 4; i += 1) await page.goBack();
  await page.getByRole('heading', { name: 'Kies de richtlijn van uw regio' }).waitFor();
  assert.equal(await page.locator('.rw-vraag').count(), 0);
});

test('a link pasted into a fresh browser opens the same outcome with its dates', async (t) => {
  const page = await open(t, { hash: OUTCOME_LINK });
  const outcome = page.locator('.rw-uitkomst');
  await outcome.getByRole('heading', { name: /intensiteit midden/ }).waitFor();
  assert.equal(await page.getByLabel(/^Startdatum/).inputValue(), '2026-01-31');
  const rows = await page.locator('.rw-datatabel tbody tr td:first-child').allInnerTexts();
  assert.equal(rows[0], 'do 30 april 2026');
  assert.equal(await page.locator('.rw-antwoorden li').count(), 6);
  // Changing a date replaces the history entry instead of adding one per keystroke.
  const before = await page.evaluate(() => history.length);
  await page.getByLabel(/^Startdatum/).fill('2026-02-01');
  assert.match(await hash(page), /start=2026-02-01/);
  assert.equal(await page.evaluate(() => history.length), before);
});

test('mangled, outdated and oversized links keep what they can and say what was dropped', async (t) => {
  const page = await open(t, { hash: '#westfriesland/rol=toegang/verwijzer=bestaat_niet/wet=jeugd/start=2026-02-31' });
  await page.getByRole('group', { name: VERWIJZER }).waitFor();
  const msg = await page.locator('.rw-melding').first().innerText();
  assert.match(msg, /Overgenomen: 1 antwoord/);
  assert.match(msg, /verwijzer=bestaat_niet/);
  assert.match(msg, /2026-02-31/);
  // The walk goes on from the last valid step.
  await answer(page, VERWIJZER, LOKAAL);
  await page.getByRole('group', { name: WET }).waitFor();

  await page.goto(page.url().split('#')[0] + '#nergens/rol=toegang');
  await page.getByRole('heading', { name: 'Kies de richtlijn van uw regio' }).waitFor();
  assert.match(await page.locator('.rw-melding').first().innerText(), /nergens/);

  await page.goto(`${page.url().split('#')[0]}#westfriesland/rol=toegang/${'x'.repeat(100_000)}`);
  await page.getByRole('group', { name: VERWIJZER }).waitFor();
  assert.match(await page.locator('.rw-melding').first().innerText(), /te lang/);
});

/** A fresh page that records every request and console error from the first byte on (the
 *  prefetch of a link's guideline happens before `open` could listen). */
async function recorded(t) {
  const context = await env.browser.newContext({ serviceWorkers: 'block' });
  t.after(() => context.close());
  const page = await context.newPage();
  const seen = { requests: [], errors: [] };
  page.on('request', (r) => seen.requests.push(new URL(r.url()).pathname));
  page.on('console', (m) => m.type() === 'error' && seen.errors.push(m.text()));
  page.on('pageerror', (e) => seen.errors.push(e.message));
  return { page, seen };
}

test('a link naming no known guideline makes no request for it, logs no error and says so in Dutch', async (t) => {
  const long = `#${Array(1000).fill('a').join('/')}`;
  for (const [hash, id] of [['#bestaat-niet/x=y', 'bestaat-niet'], [long, 'a']]) {
    const { page, seen } = await recorded(t);
    await page.goto(env.server.url + hash);
    await page.getByRole('heading', { name: 'Kies de richtlijn van uw regio' }).waitFor();
    const msg = page.locator('.rw-melding').first();
    await msg.waitFor();
    assert.match(await msg.innerText(), new RegExp(`onbekende richtlijn \\('${id}'\\)`));
    await page.waitForLoadState('networkidle');
    assert.deepEqual(seen.requests.filter((u) => u.endsWith('.rwd')), [], `${hash.slice(0, 20)}: no guideline data fetched`);
    assert.deepEqual(seen.errors, [], `${hash.slice(0, 20)}: no console error`);
  }
  // <regie-wijzer richtlijn="bestaat-niet"> on a host page: the same.
  const { page, seen } = await recorded(t);
  const url = await hostPage(page, 'onbekend.html', `<!doctype html><html lang="nl"><head><title>Intranet</title>
    <script type="module" src="regiewijzer.js"></script></head><body><main>
    <regie-wijzer richtlijn="bestaat-niet"></regie-wijzer></main></body></html>`);
  await page.goto(`${url}#bestaat-niet/x=y`);
  const msg = page.locator('.rw-melding').first();
  await msg.waitFor();
  assert.match(await msg.innerText(), /bestaat-niet/);
  await page.waitForLoadState('networkidle');
  assert.deepEqual(seen.requests.filter((u) => u.endsWith('.rwd')), []);
  assert.deepEqual(seen.errors, []);
});

test('a link naming a known guideline fetches its data at once, in parallel with the wasm', async (t) => {
  const { page, seen } = await recorded(t);
  // The wasm is held back until the guideline's data has been asked for (or 5 s have passed).
  let before = false;
  await page.route('**/regiewijzer_wasm_bg.wasm', async (route) => {
    for (let i = 0; i < 50 && !before; i += 1) {
      before = seen.requests.some((u) => u.endsWith('/regels/zeeland.rwd'));
      if (!before) await new Promise((r) => setTimeout(r, 100));
    }
    await route.continue();
  });
  await page.goto(`${env.server.url}#zeeland/rol=toegang`);
  await page.locator('.rw-vraag').waitFor();
  assert.ok(before, 'regels/zeeland.rwd was requested before the wasm arrived');
  assert.deepEqual(seen.requests.filter((u) => u.endsWith('.rwd')), [`${new URL(env.server.url).pathname}regels/zeeland.rwd`]);
  assert.deepEqual(seen.errors, []);
});

test('"Deel deze route" copies the link, and shows it to copy by hand where the clipboard is blocked', async (t) => {
  const page = await open(t, { permissions: ['clipboard-read', 'clipboard-write'] });
  await threeSteps(page);
  await page.getByRole('button', { name: 'Deel deze route' }).click();
  await page.getByText('Link gekopieerd').waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), page.url());

  const blocked = await open(t);
  await blocked.evaluate(() => { Object.defineProperty(navigator, 'clipboard', { value: undefined }); });
  await threeSteps(blocked);
  await blocked.getByRole('button', { name: 'Deel deze route' }).click();
  const field = blocked.getByLabel(/Kopieer deze link/);
  await field.waitFor();
  assert.equal(await field.inputValue(), blocked.url());
});

test('the stroomschema: route lit, current node marked, dimmed nodes, answered nodes go back, text version', async (t) => {
  const page = await open(t, { viewport: { width: 1280, height: 900 } });
  await threeSteps(page);
  const svg = page.locator('.rw-zijschema svg.rw-svg');
  assert.equal(await svg.isVisible(), true, 'beside the question on a wide screen');
  assert.equal(await svg.locator('.rw-knoop.rw-nu').count(), 1);
  assert.equal(await svg.locator('.rw-knoop.rw-route [role="button"]').count(), 3);
  assert.ok(await svg.locator('.rw-knoop.rw-dim').count() > 0, 'unreachable nodes are dimmed');
  assert.ok(await svg.locator('.rw-lijn.rw-genomen').count() >= 3, 'the edges taken are marked');
  // Not by colour alone: a ✓ on the route, "nu" on the current node.
  assert.deepEqual(await svg.locator('.rw-knoop.rw-nu .rw-teken').allTextContents(), ['nu']);
  // The marks follow the walk on every path that moves it, not only Volgende: the browser's Back
  // (then Forward) redraws them for the step it lands on.
  await page.goBack();
  await page.getByRole('group', { name: WET }).waitFor();
  await stepShown(page);
  assert.equal(await svg.locator('.rw-knoop.rw-route').count(), 2, 'after Back: two answers on the route');
  await page.goForward();
  await page.getByRole('group', { name: 'In welk segment valt de jeugdhulp?' }).waitFor();
  await stepShown(page);
  assert.equal(await svg.locator('.rw-knoop.rw-route').count(), 3, 'after Forward: three again');
  // A node on the route is a real control: keyboard focus and Enter go back to that question.
  const rol = svg.locator('.rw-knoop [role="button"]', { hasText: /rol|Rol|Waarvoor/ }).first();
  assert.match(await rol.getAttribute('aria-label'), /Ga terug naar de vraag: Waarvoor gebruikt u de Regiewijzer\?/);
  await rol.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('group', { name: ROL }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Wijziging opslaan' }).count(), 1);
  assert.equal(await page.getByLabel(TOEGANG, { exact: true }).isChecked(), true, 'with its answer selected');
  // The text version: hidden for the eye but read by screen readers; visible on request.
  const text = page.locator('.rw-zijschema .rw-tekstversie');
  assert.match(await text.getAttribute('class'), /rw-sr/);
  await page.getByRole('button', { name: 'Tekstversie tonen' }).click();
  assert.doesNotMatch(await text.getAttribute('class'), /rw-sr/);
  assert.match(await text.innerText(), /hier staat u nu/);
  assert.match(await text.innerText(), /→ uitkomst: /);
});

/** Westfriesland at 1280 px (the stroomschema beside the step), at its second question. */
async function atSecondQuestion(t) {
  const page = await open(t, { viewport: { width: 1280, height: 900 } });
  await pick(page, 'Westfriesland');
  await answer(page, ROL, TOEGANG);
  await page.getByRole('group', { name: VERWIJZER }).waitFor();
  return page;
}

test('a step redraws only what changed: the classes of the schema\'s pieces, the two nodes whose badge changed, one new answer row', async (t) => {
  const page = await atSecondQuestion(t);
  // Every element added under the schema (drawing and text version) and the answer list during
  // one step, against how many there are.
  await page.evaluate(() => {
    window.added = { svg: 0, text: 0, answers: 0 };
    const count = (n) => (n.nodeType === 1 ? 1 + n.querySelectorAll('*').length : 0);
    new MutationObserver((ms) => {
      for (const m of ms) {
        const where = m.target.closest?.('.rw-schemavlak') ? 'svg' : m.target.closest?.('.rw-tekstversie') ? 'text' : m.target.closest?.('.rw-antwoorden') ? 'answers' : null;
        if (where) window.added[where] += [...m.addedNodes].reduce((a, n) => a + count(n), 0);
      }
    }).observe(document.querySelector('.rw'), { subtree: true, childList: true });
    window.pieces = [...document.querySelector('.rw-zijschema svg').children];
  });
  await answer(page, VERWIJZER, LOKAAL);
  await page.getByRole('group', { name: WET }).waitFor();
  const added = await page.evaluate(() => window.added);
  const total = await page.evaluate(() => ({
    svg: document.querySelectorAll('.rw-zijschema svg *').length,
    text: document.querySelectorAll('.rw-zijschema .rw-tekstversie *').length,
    kept: window.pieces.filter((g) => g.isConnected).length,
    pieces: window.pieces.length,
    dim: document.querySelectorAll('.rw-zijschema .rw-knoop.rw-dim').length,
    // What the two nodes whose badge changed draw: the one answered (✓) and the new current one (nu).
    badged: ['[data-rw="verwijzer"]', '.rw-knoop.rw-nu > g'].map((s) => document.querySelector(`.rw-zijschema ${s}`))
      .reduce((a, g) => a + 1 + g.querySelectorAll('*').length, 0),
  }));
  // Every edge and node stays the same element (the answer dims a branch: their classes change);
  // only the inside of the two nodes whose badge changed is drawn anew.
  assert.ok(total.dim > 0, 'the answer dims a branch');
  assert.equal(total.kept, total.pieces, 'every edge and node of the drawing is the same element after the step');
  assert.equal(added.svg, total.badged, `schema: ${added.svg} of ${total.svg} elements drawn anew`);
  assert.ok(added.text > 0 && added.text < total.text / 2, `text version: ${added.text} of ${total.text} elements written anew`);
  assert.equal(added.answers, 4, 'one answer row (li, two spans, the Wijzig button) added, the first kept');
  // Choosing an option redraws nothing of the schema.
  await page.evaluate(() => { window.added = { svg: 0, text: 0, answers: 0 }; });
  await page.getByRole('group', { name: WET }).getByLabel('Jeugdhulp', { exact: true }).check();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  assert.deepEqual(await page.evaluate(() => window.added), { svg: 0, text: 0, answers: 0 });
});

test('the stroomschema as text follows the drawing: a step writes both in the frame after the question, then both say where the walk stands', async (t) => {
  const page = await atSecondQuestion(t);
  // Before each frame is painted: the question shown, the drawing's current node (the element) and
  // the question the text version (for screen readers) says the walk is at; until ten frames after
  // the question changed (however long the click takes to arrive).
  await page.evaluate(() => {
    const frames = (window.frames_ = []);
    const look = () => {
      const now = [...document.querySelectorAll('.rw-tekstversie > ol > li')].find((li) => li.textContent.includes('hier staat u nu'));
      frames.push({ question: document.querySelector('.rw-vraag legend')?.textContent, drawn: document.querySelector('.rw-zijschema .rw-knoop.rw-nu'), text: now?.querySelector('strong').textContent });
      const changed = frames.findIndex((f) => f.question !== frames[0].question);
      if ((changed < 0 || frames.length < changed + 10) && frames.length < 1000) requestAnimationFrame(look);
      else window.watched = true;
    };
    requestAnimationFrame(look);
  });
  await answer(page, VERWIJZER, LOKAAL);
  await page.getByRole('group', { name: WET }).waitFor();
  await page.waitForFunction(() => window.watched);
  const seen = await page.evaluate(() => {
    const f = window.frames_;
    const question = f.findIndex((x) => x.question !== f[0].question);
    return { question, drawn: f.findIndex((x) => x.drawn !== f[0].drawn), text: f.findIndex((x) => x.text !== f[0].text), before: f[0].text, after: f.at(-1).text };
  });
  assert.ok(seen.question >= 0 && seen.drawn > seen.question, `the drawing's marks follow the question (frames ${JSON.stringify(seen)})`);
  assert.equal(seen.text, seen.drawn, 'the text version changes in the same frame as the drawing');
  assert.notEqual(seen.after, seen.before, 'and then says the walk is at the new question');
  assert.ok((await page.locator('.rw-tekstversie').textContent()).includes(`${seen.after} (${WET}) — hier staat u nu`), 'at the question shown');
});

test('on a 360-pixel phone the schema is one tap away and nothing scrolls sideways', async (t) => {
  const page = await open(t, { viewport: { width: 360, height: 740 } });
  const noSideScroll = async () => {
    const w = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(w <= 360, `page is ${w} px wide`);
  };
  await noSideScroll();
  await threeSteps(page);
  await noSideScroll();
  assert.equal(await page.locator('.rw-zijschema').isVisible(), false);
  await page.getByRole('button', { name: 'Toon stroomschema' }).click();
  assert.equal(await page.locator('.rw-zijschema svg').isVisible(), true, 'schema shown after one tap');
  await noSideScroll();
  await page.goto(page.url().split('#')[0] + OUTCOME_LINK);
  await page.locator('.rw-uitkomst h2').waitFor();
  await noSideScroll();
});

test('"Weet ik niet" shows the outcomes of every answer side by side, and the walk continues when it is known', async (t) => {
  const page = await open(t);
  await pick(page, 'Hoogeveen en De Wolden');
  await answer(page, 'Voor welke gemeente werkt u?', 'Hoogeveen');
  // The kader first (issue 21: it shapes the weighing and the op-/afschalen route alike).
  await answer(page, 'Is het gedwongen kader betrokken (een maatregel op grond van de Jeugdwet)?', 'Nee (vrijwillig kader)');
  await answer(page, 'Wat wilt u doen?', 'Een situatie wegen: welk niveau en welke vorm van regie?');
  await answer(page, 'Zijn er zorgen over de veiligheid van een volwassene in het huishouden?', 'Nee');
  await answer(page, 'Gaat het om een cliënt met een ernstige psychische aandoening (EPA)?', 'Nee');
  await answer(page, 'Welke zorgen zijn er in het huishouden?', 'Een vraag of probleem: enkelvoudig of meervoudig, soms chronisch');
  await answer(page, 'Hoe zijn het probleembesef en de motivatie van de inwoner?', 'Weet ik niet');
  assert.match(await hash(page), /probleembesef=\?/);
  // The walk goes on; the next question says which assumption it is under.
  await answer(page, 'Hoe is de draagkracht van het huishouden?', 'Deels uit balans');
  await answer(page, 'Hoe zelfredzaam is het huishouden?', 'Beperkt');
  // Two questions in a row may read the same (the kinderen question on two routes): wait for the
  // answer to reach the address bar, not for the legend to change.
  while (await page.locator('.rw-vraag').count()) {
    await page.locator('.rw-vraag input[type="radio"]').last().check();
    const before = await hash(page);
    await page.getByRole('button', { name: 'Volgende' }).click();
    await page.waitForFunction((h) => location.hash !== h, before);
  }
  await page.getByRole('heading', { name: 'De uitkomst hangt af van wat u nog niet weet' }).waitFor();
  const columns = page.locator('.rw-alternatief');
  assert.ok(await columns.count() >= 2, 'at least two different outcomes');
  assert.match(await page.locator('.rw-uitzoeklijst').innerText(), /probleembesef/i);
  await columns.first().getByRole('button', { name: /^Dit weet ik nu:/ }).click();
  await page.locator('.rw-uitkomst h2').waitFor();
  assert.doesNotMatch(await hash(page), /=\?/);
});

test('print: one A4 page per outcome without buttons; the whole stroomschema on one landscape page', async (t) => {
  const page = await open(t, { hash: OUTCOME_LINK });
  await page.locator('.rw-uitkomst h2').waitFor();
  const pages = async () => {
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    return (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  };
  assert.equal(await pages(), 1);
  await page.emulateMedia({ media: 'print' });
  const visibleButtons = await page.locator('button:visible, a.rw-knop:visible').count();
  assert.equal(visibleButtons, 0, 'no buttons on paper');
  const printed = await page.locator('.rw').innerText();
  for (const part of ['Uw antwoorden', 'Afgedrukt op', 'Bronnen', 'Evaluatie en termijnen', 'professionele afweging', 'do 30 april 2026']) {
    assert.ok(printed.includes(part), part);
  }
});

test('print: the outcome with the most sources (Hoogeveen/De Wolden, niveau 3, 23 quotes) still fits one A4 page', async (t) => {
  const page = await open(t, { hash: '#hoogeveen-de-wolden/gemeente=de_wolden/ingang=verandert/huidig_niveau=1/verandering_1=zwaarder/kader=vrijwillig/volwassenen_onveilig=nee/epa=nee/zorgen=complex/probleembesef=ambivalent/draagkracht=volledig/zelfredzaam=niet_acuut/kinderen_3=nee/start=2026-02-02' });
  await page.locator('.rw-uitkomst h2').waitFor();
  assert.ok(await page.locator('.rw-bron').count() >= 18);
  const pdf = await page.pdf({ preferCSSPageSize: true });
  assert.equal((pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length, 1);
});

test('print: the whole stroomschema fits one landscape page', async (t) => {
  const page = await open(t, { hash: '#hoogeveen-de-wolden/gemeente=hoogeveen' });
  await page.getByRole('button', { name: 'Hele stroomschema' }).click();
  await page.locator('.rw-schema-groot').waitFor();
  const pdf = await page.pdf({ preferCSSPageSize: true });
  assert.equal((pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length, 1);
  const box = pdf.toString('latin1').match(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)/);
  assert.ok(Number(box[1]) > Number(box[2]), `landscape: ${box[1]} x ${box[2]}`);
});

test('"Zet in agenda" offers an RFC 5545 file with every dated entry, all-day, CRLF and folded lines', async (t) => {
  const page = await open(t, { hash: OUTCOME_LINK });
  const link = page.locator('a.rw-agenda');
  await link.waitFor();
  assert.match(await link.getAttribute('download'), /\.ics$/);
  const href = await link.getAttribute('href');
  assert.match(href, /^data:text\/calendar;charset=utf-8,/);
  const ics = decodeURIComponent(href.slice(href.indexOf(',') + 1));
  assert.ok(ics.startsWith('BEGIN:VCALENDAR\r\n'));
  assert.ok(ics.trimEnd().endsWith('END:VCALENDAR'));
  assert.ok(!/[^\r]\n/.test(ics), 'CRLF line endings only');
  assert.ok(ics.split('\r\n').every((l) => Buffer.byteLength(l) <= 75), 'folded at 75 octets');
  const starts = [...ics.matchAll(/DTSTART;VALUE=DATE:(\d{8})/g)].map((m) => m[1]);
  assert.deepEqual(starts, ['20260430', '20260731', '20261031', '20270430', '20271105']);
  assert.match(ics, /SUMMARY:.*Westfriesland/);
});
