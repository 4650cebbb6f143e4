// Real-browser tests: headless Debian Chromium driven by playwright-core, against dist/ served from a
// sub-folder with the strict CSP. Every test fails on a console error, a page error, a request
// outside the widget's own files, or a style attribute in the markup.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { answer, axe, BASE, env, open as openPage, pick, useBrowser } from './helpers.mjs';

useBrowser();

async function open(t, options = {}) {
  const page = await openPage(t, options);
  await page.getByRole('heading', { name: 'Kies de richtlijn van uw regio' }).waitFor();
  return page;
}

async function pickWestfriesland(page) {
  await pick(page, 'Westfriesland');
}

test('page served under the strict CSP shows the picker with all five regions', async (t) => {
  const page = await open(t);
  for (const region of ['Westfriesland', 'Oost Veluwe', 'Flevoland', 'Hoogeveen en De Wolden', 'Zeeland']) {
    assert.equal(await page.getByRole('link', { name: new RegExp(region) }).count(), 1, region);
  }
  assert.equal(await page.locator('.rw-volgt').count(), 0);
  const csp = env.server.requests.filter((p) => p.startsWith(BASE));
  assert.ok(csp.some((p) => p.endsWith('.wasm')), 'wasm loaded from the sub-folder');
});

test('Jeugd: lokale toegang, profiel 8, midden → regisseur with dated schedule and sources', async (t) => {
  const page = await open(t);
  await pickWestfriesland(page);
  await answer(page, 'Waarvoor gebruikt u de Regiewijzer?', 'Ik werk bij de lokale toegang of het lokale (wijk)team: welke regie past?');
  await answer(page, 'Wie is (of wordt) de verwijzer?', 'De lokale toegang (het lokale (wijk)team)');
  await answer(page, 'Gaat het om Wmo-ondersteuning of om jeugdhulp?', 'Jeugdhulp');
  await answer(page, 'In welk segment valt de jeugdhulp?', 'Segment B — specialistische jeugdhulp');
  await answer(page, 'Welk perceel of product in segment B?', 'Midden complex, profiel 8');
  await answer(page, 'Welke intensiteit van regievoering past bij de complexiteit van de casus?', 'Midden');
  const outcome = page.locator('.rw-uitkomst');
  await assert.doesNotReject(outcome.getByRole('heading', { name: /intensiteit midden/ }).waitFor());
  const text = await outcome.innerText();
  assert.match(text, /Lokaal \(wijk\)team: regisseur/);
  assert.match(text, /Vul de startdatum in/);
  await page.getByLabel('Startdatum (perspectiefplan opgesteld, ondersteuning ingezet)').fill('2026-01-31');
  await page.getByLabel('Einddatum indicatie').fill('2027-12-31');
  const rows = await page.locator('.rw-datatabel tbody tr td:first-child').allInnerTexts();
  // No year evaluation for midden (4.2.3 names none); after the first year the half-yearly rhythm
  // counts on from the last first-year talk, and a talk within 4 weeks of the evaluatiegesprek is
  // left out (review N-3).
  assert.deepEqual(rows, ['do 30 april 2026', 'vr 31 juli 2026', 'za 31 oktober 2026',
    'vr 30 april 2027', 'vr 5 november 2027']);
  assert.match(await outcome.innerText(), /000_3a33d3ffdfdfb69c\.txt/);
  await page.getByText('Waarom? Het gevolgde pad met bronnen').click();
  const why = await page.locator('.rw-waarom').innerText();
  assert.match(why, /Regel: Tabel 4\.2\.2: profiel 8: ja/);
  assert.match(why, /Ja, bij profiel 8\./);
});

test('Wmo: veiligheidsrisico → intensief (suggestion, interpretatie) with 6-week dates', async (t) => {
  const page = await open(t);
  await pickWestfriesland(page);
  await answer(page, 'Waarvoor gebruikt u de Regiewijzer?', 'Ik werk bij de lokale toegang of het lokale (wijk)team: welke regie past?');
  await answer(page, 'Wie is (of wordt) de verwijzer?', 'De lokale toegang (het lokale (wijk)team)');
  await answer(page, 'Gaat het om Wmo-ondersteuning of om jeugdhulp?', 'Wmo (dagbesteding, huishoudelijke ondersteuning, begeleiding, kortdurend verblijf)');
  await answer(page, 'Is er een veiligheidsrisico?', 'Ja');
  const outcome = page.locator('.rw-uitkomst');
  await outcome.getByRole('heading', { name: /intensieve vorm van regie/ }).waitFor();
  const text = await outcome.innerText();
  assert.match(text, /intensief \(suggestie: de consulent beslist\)/);
  assert.match(text, /INTERPRETATIE/i);
  await page.getByLabel('Startdatum (perspectiefplan opgesteld, ondersteuning ingezet)').fill('2026-03-02');
  await page.getByLabel('Einddatum indicatie').fill('2027-03-01');
  const rows = await page.locator('.rw-datatabel tbody tr td:first-child').allInnerTexts();
  assert.deepEqual(rows, ['di 2 juni 2026', 'di 14 juli 2026', 'di 25 augustus 2026', 'di 6 oktober 2026',
    'di 17 november 2026', 'ma 4 januari 2027']);
  // End before start: a clear message and the rhythm in words, no dates.
  await page.getByLabel('Einddatum indicatie').fill('2025-01-01');
  assert.match(await outcome.innerText(), /ligt niet na de startdatum/);
  assert.equal(await page.locator('.rw-datatabel').count(), 0);
  assert.match(await page.locator('.rw-ritme').innerText(), /iedere 6 weken/);
});

test('provider: huisarts → crisisverblijf says Ja; changing the verwijzer to GI recomputes to Nee', async (t) => {
  const page = await open(t);
  await pickWestfriesland(page);
  await answer(page, 'Waarvoor gebruikt u de Regiewijzer?', 'Ik ben zorgaanbieder: moet ik contact opnemen met het wijkteam?');
  await answer(page, 'Wie is (of wordt) de verwijzer?', 'Een medisch specialist, huisarts of kind-/jeugdarts (externe verwijzing, jeugdhulp)');
  await answer(page, 'In welk segment valt de jeugdhulp?', 'Segment V — jeugdhulp met verblijf');
  await answer(page, 'Welk perceel in segment V?', 'Kortdurend verblijf: crisisverblijf');
  const contact = page.locator('.rw-contact-antwoord');
  assert.match(await contact.innerText(), /^Ja — Neem samen met het gezin contact op met het lokale \(wijk\)team/);
  assert.equal(await page.locator('.rw-antwoorden li').count(), 4);
  // Change an early answer: the verwijzer becomes a GI; segment and product no longer apply.
  await page.getByRole('button', { name: 'Wijzig antwoord op: Wie is (of wordt) de verwijzer?' }).click();
  await answer(page, 'Wie is (of wordt) de verwijzer?', 'Een gecertificeerde instelling (GI)');
  await page.getByRole('heading', { name: 'De regie ligt bij de gecertificeerde instelling (GI)' }).waitFor();
  assert.match(await contact.innerText(), /^Nee — /);
  assert.equal(await page.locator('.rw-antwoorden li').count(), 2);
});

test('provider: huisarts → pleegzorg, complex → "Mag"; Terug returns to the question with its answer', async (t) => {
  const page = await open(t);
  await pickWestfriesland(page);
  await answer(page, 'Waarvoor gebruikt u de Regiewijzer?', 'Ik ben zorgaanbieder: moet ik contact opnemen met het wijkteam?');
  await answer(page, 'Wie is (of wordt) de verwijzer?', 'Een medisch specialist, huisarts of kind-/jeugdarts (externe verwijzing, jeugdhulp)');
  await answer(page, 'In welk segment valt de jeugdhulp?', 'Segment V — jeugdhulp met verblijf');
  await answer(page, 'Welk perceel in segment V?', 'Pleegzorg');
  await answer(page, 'Is er sprake van (hoog) complexe problematiek, of van (een risico op) onveiligheid in de thuissituatie?', 'Ja');
  assert.match(await page.locator('.rw-contact-antwoord').innerText(), /^Mag \(geen plicht\)/);
  await page.locator('.rw-uitkomst').getByRole('button', { name: 'Terug' }).click();
  const yes = page.getByRole('group', { name: /complexe problematiek/ }).getByLabel('Ja', { exact: true });
  assert.equal(await yes.isChecked(), true);
  await answer(page, 'Is er sprake van (hoog) complexe problematiek, of van (een risico op) onveiligheid in de thuissituatie?', 'Nee');
  assert.match(await page.locator('.rw-contact-antwoord').innerText(), /^Nee — U hoeft geen contact op te nemen/);
  await page.getByRole('button', { name: 'Opnieuw beginnen' }).click();
  await page.getByRole('group', { name: 'Waarvoor gebruikt u de Regiewijzer?' }).waitFor();
  assert.equal(await page.locator('.rw-antwoorden').count(), 0);
});

test('keyboard only: focus follows the steps and is visible', async (t) => {
  const page = await open(t);
  const active = () => page.evaluate(() => {
    const el = document.activeElement;
    return { tag: el.tagName, type: el.type ?? '', name: el.name ?? '', text: el.textContent.trim() };
  });
  await page.keyboard.press('Tab');
  assert.match((await active()).text, /Westfriesland/);
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, 'none', 'focus is visible');
  await page.keyboard.press('Enter');
  await page.getByRole('group', { name: 'Waarvoor gebruikt u de Regiewijzer?' }).waitFor();
  // The new question has the focus on its first option; arrows choose, Tab reaches Volgende.
  assert.deepEqual(await active(), { tag: 'INPUT', type: 'radio', name: 'rw1-rol', text: '' });
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.getByLabel('Ik ben zorgaanbieder: moet ik contact opnemen met het wijkteam?').isChecked(), true);
  await page.keyboard.press('Tab');
  assert.equal((await active()).text, 'Volgende');
  await page.keyboard.press('Enter');
  await page.getByRole('group', { name: 'Wie is (of wordt) de verwijzer?' }).waitFor();
  assert.equal((await active()).name, 'rw1-verwijzer');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown'); // third option: GI
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  // The outcome takes the focus on its heading.
  await page.getByRole('heading', { name: 'De regie ligt bij de gecertificeerde instelling (GI)' }).waitFor();
  assert.deepEqual(await active(), { tag: 'H2', type: '', name: '', text: 'De regie ligt bij de gecertificeerde instelling (GI)' });
});

test('a step to an outcome paints its top first and the rest in the next frame, under the focus on its heading', async (t) => {
  const page = await open(t);
  await pickWestfriesland(page);
  await answer(page, 'Waarvoor gebruikt u de Regiewijzer?', 'Ik ben zorgaanbieder: moet ik contact opnemen met het wijkteam?');
  await page.getByRole('group', { name: 'Wie is (of wordt) de verwijzer?' }).waitFor();
  // Before each frame is painted: what of the outcome is there, and where the focus is.
  await page.evaluate(() => {
    window.seen = [];
    const look = () => {
      const o = document.querySelector('.rw-uitkomst');
      if (o) window.seen.push({ top: !!o.querySelector('.rw-titel'), rest: !!o.querySelector('.rw-acties') && !!o.querySelector('.rw-knoppen'), focus: document.activeElement?.className ?? '' });
      if (o) window.heading ??= o.querySelector('.rw-titel');
      if (!o?.querySelector('.rw-knoppen')) requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  await answer(page, 'Wie is (of wordt) de verwijzer?', 'Een gecertificeerde instelling (GI)');
  await page.locator('.rw-uitkomst .rw-knoppen').waitFor();
  const seen = await page.evaluate(() => window.seen);
  assert.deepEqual(seen[0], { top: true, rest: false, focus: 'rw-titel' }, 'the first frame: the top, focused on its heading');
  assert.deepEqual(seen.at(-1), { top: true, rest: true, focus: 'rw-titel' }, 'then the whole outcome; the focus has not moved');
  assert.ok(seen.length <= 3, `the rest came ${seen.length - 1} frames later`);
  // The heading is the same element: the rest was added below it, nothing above it redrawn.
  assert.equal(await page.evaluate(() => window.heading === document.querySelector('.rw-uitkomst .rw-titel')), true, 'the same heading element');
  await page.keyboard.press('Tab');
  assert.notEqual(await page.evaluate(() => document.activeElement?.className), 'rw-titel', 'Tab goes on into the outcome');
  await axe(page, 'the whole outcome');
});

test('keyboard only on a long outcome on a phone: every control Tab reaches is on screen', async (t) => {
  // Hoogeveen/De Wolden's outcome with the most sources; they are laid out only when they come
  // near the screen (see regiewijzer.css), and the controls below them must still be reached.
  const page = await openPage(t, { viewport: { width: 320, height: 640 }, hash: '#hoogeveen-de-wolden/gemeente=hoogeveen/kader=vrijwillig/ingang=wegen/volwassenen_onveilig=nee/epa=nee/zorgen=complex/probleembesef=ambivalent/draagkracht=volledig/zelfredzaam=beperkt/kinderen_3=ja' });
  await page.locator('.rw-uitkomst .rw-bron').first().waitFor();
  const off = [];
  for (let i = 0; i < 30; i += 1) {
    await page.keyboard.press('Tab');
    // What comes near the screen is laid out some frames after the scroll (~50 ms measured).
    await page.waitForTimeout(150);
    const r = await page.evaluate(() => {
      const e = document.activeElement;
      const box = e.getBoundingClientRect();
      return { what: `${e.tagName} ${e.textContent.trim().slice(0, 30)}`, top: Math.round(box.top), bottom: box.bottom, h: innerHeight };
    });
    if (r.bottom <= 0 || r.top >= r.h) off.push(`${r.what} at ${r.top}`);
  }
  assert.deepEqual(off, [], 'focused controls outside the screen');
});

test('JS API: list, evaluate with dates, and a Dutch error for unknown ids', async (t) => {
  const page = await open(t);
  const result = await page.evaluate(async () => {
    const m = await import('./api/regiewijzer_api.js');
    await m.default();
    const list = m.guidelines();
    const advice = m.evaluate('westfriesland',
      { rol: 'toegang', verwijzer: 'lokale_toegang', wet: 'jeugd', segment: 'b', product_b: 'profiel_8', jeugd_intensiteit: 'midden' },
      { start: '2026-01-31', end: '2027-12-31' });
    let error = '';
    try { m.evaluate('nergens', {}); } catch (e) { error = e.message; }
    let badAnswer = '';
    try { m.evaluate('westfriesland', { rol: 'baas' }); } catch (e) { badAnswer = e.message; }
    return { ids: list.map((g) => `${g.id}:${g.status}`), outcome: advice.outcome.id,
      first: advice.schedule.entries[0].date_nl, steps: advice.trace.length, error, badAnswer };
  });
  assert.deepEqual(result.ids, ['westfriesland:beschikbaar', 'oost-veluwe:beschikbaar', 'flevoland:beschikbaar',
    'hoogeveen-de-wolden:beschikbaar', 'zeeland:beschikbaar']);
  assert.equal(result.outcome, 'jeugd_midden');
  assert.equal(result.first, 'do 30 april 2026');
  assert.equal(result.steps, 6);
  assert.match(result.error, /onbekende richtlijn 'nergens'; kies uit: westfriesland/);
  assert.match(result.badAnswer, /vraag 'rol' heeft geen antwoord 'baas'/);
});

test('Oost Veluwe: toegang not involved → appointed aanbieder with product 45A75, term dated one year', async (t) => {
  const page = await open(t);
  await pick(page, 'Oost Veluwe');
  await answer(page, 'Waarvoor gebruikt u de Regiewijzer?', 'Ik werk bij de lokale toegang (CJG/wijkteam): is zorgcoördinatie nodig en wie voert die uit?');
  await answer(page, 'Gaat het om hulp in het vrijwillig kader, of is er een maatregel?', 'Vrijwillig kader (ook preventieve jeugdbescherming door een GI)');
  await answer(page, 'Lukt het het gezin (of zijn netwerk) om de hulp zelf te coördineren, en wil het dat?', 'Nee: dat lukt onvoldoende, of het gezin vraagt zelf om een ander');
  await answer(page, "Leveren twee of meer aanbieders een maatwerk- of individuele voorziening, of zijn er naast zo'n voorziening ook andere professionals betrokken?", 'Ja');
  await answer(page, 'Is het noodzakelijk dat de in te zetten ondersteuning gecoördineerd wordt?', 'Ja');
  await answer(page, 'Is de gemeentelijke toegang (CJG of wijkteam) bij het gezin betrokken?', 'Nee');
  await answer(page, 'Wie wordt de zorgcoördinator (aangewezen of na overdracht)?', 'Een betrokken jeugdhulpaanbieder die al een ander product levert aan deze cliënt');
  const outcome = page.locator('.rw-uitkomst');
  await outcome.getByRole('heading', { name: /product zorgcoördinatie \(45A75\)/ }).waitFor();
  assert.match(await outcome.innerText(), /Maximaal 52 uur/);
  assert.match(await outcome.innerText(), /001_39a8dd410a3f9005\.txt/);
  await page.getByLabel('Startdatum (begin looptijd toewijzing zorgcoördinatie)').fill('2026-03-31');
  assert.deepEqual(await page.locator('.rw-datatabel tbody tr td:first-child').allInnerTexts(), ['wo 31 maart 2027']);
});

test('Oost Veluwe: a zorgcoördinator whose coordination stalls must contact the wijkteam; contact point from configuration', async (t) => {
  const page = await open(t, { contact: 'CJG Voorbeeldstad, 0900-1234567' });
  await pick(page, 'Oost Veluwe');
  await answer(page, 'Waarvoor gebruikt u de Regiewijzer?', 'Ik ben zorgaanbieder of zorgcoördinator: moet ik contact opnemen met het CJG/wijkteam?');
  await answer(page, 'Gaat het om hulp in het vrijwillig kader, of is er een maatregel?', 'Vrijwillig kader (ook preventieve jeugdbescherming door een GI)');
  await answer(page, 'Wat speelt er?', 'De regie of zorgcoördinatie loopt vast, of komt onvoldoende tot stand');
  await answer(page, 'Is er een zorgcoördinator voor dit gezin, en bent u dat zelf?', 'Ja, ik ben de zorgcoördinator');
  assert.match(await page.locator('.rw-contact-antwoord').innerText(), /^Ja — Neem als zorgcoördinator tijdig contact op/);
  assert.equal(await page.locator('.rw-contactpunt').innerText(), 'Contactpunt van uw gemeente: CJG Voorbeeldstad, 0900-1234567');
});

test('Flevoland: crisis via Veilig Thuis on a Friday → Ronde Tafel Monday; the gemeente\'s own names', async (t) => {
  const page = await open(t);
  await pick(page, 'Flevoland');
  await answer(page, 'Wat is de gemeente van herkomst van de jeugdige?', 'Dronten');
  await answer(page, 'Waarvoor gebruikt u de Regiewijzer?', 'Ik ben (of word) verwijzer: wie heeft welke regie en wat moet ik doen?');
  await answer(page, 'Wie is (of wordt) de verwijzer?', 'De lokale toegang van de gemeente');
  await answer(page, 'Kunnen de jeugdige en de ouders de regie over de organisatie van de zorg zelf voeren?', 'Nee, of zij hebben daarbij hulp nodig');
  await answer(page, 'Gaat het om een van de specifieke doelgroepen?', 'Crisisplaatsing');
  await answer(page, 'Hoe is de jeugdige in crisis geplaatst?', 'Via de route Veilig Thuis (bijvoorbeeld na een melding van de zorgaanbieder)');
  await answer(page, 'Valt de jeugdige onder het vrijwillig of het gedwongen kader?', 'Vrijwillig kader');
  const outcome = page.locator('.rw-uitkomst');
  await outcome.getByRole('heading', { name: /melding bij de lokale toegang/ }).waitFor();
  assert.match(await outcome.innerText(), /In ontwikkeling/);
  await page.getByLabel('Datum en tijd van de crisisplaatsing').fill('2026-01-09T14:00');
  assert.deepEqual(await page.locator('.rw-datatabel tbody tr td:first-child').allInnerTexts(), ['ma 12 januari 2026 14:00']);
  // Back to the doelgroep question: the regular route shows Dronten's names in the stappenplan.
  await page.getByRole('button', { name: 'Wijzig antwoord op: Gaat het om een van de specifieke doelgroepen?' }).click();
  await answer(page, 'Gaat het om een van de specifieke doelgroepen?', 'Nee');
  const text = await outcome.innerText();
  assert.match(text, /Procesregie bij de lokale toegang van Dronten \(Gids Jeugd\)/);
  assert.match(text, /het Routeplan op/);
  assert.match(text, /Stap 6/);
});

test('Zeeland: casusregisseur with an unsafe situation contacts the procesregisseur; toegang sees the GI in the gedwongen kader', async (t) => {
  const page = await open(t);
  await pick(page, 'Zeeland');
  await answer(page, 'Waarvoor gebruikt u de Regiewijzer?', 'Ik ben zorgaanbieder: moet ik contact opnemen met de procesregisseur of de casusregisseur?');
  // The provider path asks the kader too (issue 21): in the gedwongen kader the GI is casusregisseur.
  await answer(page, 'Gaat het om hulp in het vrijwillig kader, of is er een maatregel (gedwongen kader)?', 'Vrijwillig kader');
  await answer(page, 'Welke rol heeft u in dit gezin?', 'Ik ben casusregisseur (ik stel het integrale plan op en coördineer)');
  await answer(page, 'Staan wezenlijke wijzigingen in de situatie, of een onveilige situatie, de voortgang van de hulp in de weg?', 'Ja');
  assert.match(await page.locator('.rw-contact-antwoord').innerText(), /^Ja — Neem als casusregisseur contact op met de procesregisseur Jeugd \(Toegang\/SLT\)/);
  assert.match(await page.locator('.rw-uitkomst').innerText(), /geen vast evaluatieritme/);
  await page.getByRole('button', { name: 'Wijzig antwoord op: Waarvoor gebruikt u de Regiewijzer?' }).click();
  await answer(page, 'Waarvoor gebruikt u de Regiewijzer?', 'Ik werk bij de Toegang / het SLT: wie heeft welke regie?');
  // The kader given as a provider still holds; change it.
  await page.getByRole('button', { name: 'Wijzig antwoord op: Gaat het om hulp in het vrijwillig kader, of is er een maatregel (gedwongen kader)?' }).click();
  await answer(page, 'Gaat het om hulp in het vrijwillig kader, of is er een maatregel (gedwongen kader)?', 'Gedwongen kader: een kinderbeschermingsmaatregel of jeugdreclassering');
  await answer(page, 'Is er sprake van een onveilige situatie, of dreigt die?', 'Ja');
  await answer(page, 'Is er ook regievoering vanuit een andere opdracht, bijvoorbeeld strafrecht?', 'Nee');
  const text = await page.locator('.rw-uitkomst').innerText();
  assert.match(text, /Casusregie: de Gecertificeerde Instelling \(GI\)/);
  assert.match(text, /doorzettingsmacht/);
});

test('Hoogeveen: a level-2 case with a safety concern → SWW casusregie, Veilig Opgroeien, dossier text', async (t) => {
  const page = await open(t);
  await pick(page, 'Hoogeveen en De Wolden');
  await answer(page, 'Voor welke gemeente werkt u?', 'Hoogeveen');
  // The kader first: it shapes the weighing and the op-/afschalen route alike (issue 21).
  await answer(page, 'Is het gedwongen kader betrokken (een maatregel op grond van de Jeugdwet)?', 'Nee (vrijwillig kader)');
  await answer(page, 'Wat wilt u doen?', 'Een situatie wegen: welk niveau en welke vorm van regie?');
  await answer(page, 'Zijn er zorgen over de veiligheid van een volwassene in het huishouden?', 'Nee');
  await answer(page, 'Gaat het om een cliënt met een ernstige psychische aandoening (EPA)?', 'Nee');
  await answer(page, 'Welke zorgen zijn er in het huishouden?', 'Een vraag of probleem: enkelvoudig of meervoudig, soms chronisch');
  await answer(page, 'Hoe zijn het probleembesef en de motivatie van de inwoner?', 'Er is een hulpvraag; de inwoner staat open voor advies en coaching');
  await answer(page, 'Hoe is de draagkracht van het huishouden?', 'Deels uit balans');
  await answer(page, 'Hoe zelfredzaam is het huishouden?', 'Beperkt');
  await answer(page, /^Zijn er zorgen over het veilig opgroeien van een jeugdige in het huishouden\?/, 'Ja');
  const outcome = page.locator('.rw-uitkomst');
  await outcome.getByRole('heading', { name: /Niveau 2: casusregie door Stichting Welzijnswerk Hoogeveen \(SWW\) — met Veilig Opgroeien/ }).waitFor();
  const text = await outcome.innerText();
  assert.match(text, /Integraal en afgestemd ondersteuningsplan/);
  assert.match(text, /6 tot 12 maanden/);
  assert.match(text, /ALTIJD het gemeentelijke team Veilig Opgroeien/);
  await page.getByLabel('Startdatum (casus gekoppeld aan een regisseur, ondersteuningsplan opgesteld)').fill('2026-02-02');
  assert.deepEqual(await page.locator('.rw-datatabel tbody tr td:first-child').allInnerTexts(), ['zo 2 augustus 2026', 'di 2 februari 2027']);
  const dossier = await page.getByLabel('Tekst voor het dossier (zonder persoonsgegevens)').inputValue();
  assert.match(dossier, /Uitkomst: Niveau 2: casusregie door Stichting Welzijnswerk Hoogeveen/);
  assert.match(dossier, /Niveau 2: beperkt zelfredzaam/);
  assert.match(dossier, /^Datum: \w\w \d+ \w+ 20\d\d$/m);
});

test('Hoogeveen/De Wolden: escalation from level 3 to level 4 goes via AOV/ZVH; the level-4 outcome shows both readings', async (t) => {
  const page = await open(t);
  await pick(page, 'Hoogeveen en De Wolden');
  await answer(page, 'Voor welke gemeente werkt u?', 'De Wolden');
  await answer(page, 'Is het gedwongen kader betrokken (een maatregel op grond van de Jeugdwet)?', 'Nee (vrijwillig kader)');
  await answer(page, 'Wat wilt u doen?', 'De situatie verandert: op- of afschalen?');
  await answer(page, 'Op welk niveau staat de casus nu?', 'Niveau 3');
  await answer(page, 'Wat verandert er?', 'Totale ontwrichting: escalatie, onveiligheid van meerdere personen, maatschappelijke onrust');
  const outcome = page.locator('.rw-uitkomst');
  await outcome.getByRole('heading', { name: /altijd in overleg met AOV c\.q\. ZVH/ }).waitFor();
  assert.match(await outcome.innerText(), /Opschalen van niveau 3 naar niveau 4/);
  // Weigh the new situation: it lands on level 4, with the ZVH reading marked niet eenduidig.
  await page.getByRole('button', { name: 'Wijzig antwoord op: Wat wilt u doen?' }).click();
  await answer(page, 'Wat wilt u doen?', 'Een situatie wegen: welk niveau en welke vorm van regie?');
  await answer(page, 'Zijn er zorgen over de veiligheid van een volwassene in het huishouden?', 'Ja');
  await answer(page, 'Gaat het om een cliënt met een ernstige psychische aandoening (EPA)?', 'Nee');
  await answer(page, 'Welke zorgen zijn er in het huishouden?', 'Totale ontwrichting: escalatie, onveiligheid van meerdere personen, dreigende maatschappelijke onrust (mogelijk media-aandacht)');
  await answer(page, 'Hoe zijn het probleembesef en de motivatie van de inwoner?', 'Afwerend, ontkennend of alleen extern gemotiveerd');
  await answer(page, 'Hoe is de draagkracht van het huishouden?', 'Volledig uit balans');
  await answer(page, 'Hoe zelfredzaam is het huishouden?', 'Niet zelfredzaam, of er is acute problematiek');
  await answer(page, 'Zijn er zorgen over het veilig opgroeien van een jeugdige in het huishouden?', 'Nee, of er zijn geen jeugdigen in het huishouden');
  await outcome.getByRole('heading', { name: /^Niveau 4/ }).waitFor();
  const text = await outcome.innerText();
  assert.match(text, /NIET EENDUIDIG/i);
  assert.match(text, /burgemeester/);
  assert.match(text, /nog onvoldoende belegd/);
});
