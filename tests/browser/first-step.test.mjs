// The first question before the wasm: when the widget opens on a guideline (a link, one
// `richtlijn`, the iframe page), the loader shows the guideline's first step, written at build time
// (src/ui/first_step.rs), as soon as its data has arrived. Here the wasm is held back: the question
// must be answerable without it, and once the wasm is released the widget must render the same page
// and continue from what was done, with nothing lost and no frame without the question.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { addressWritten, axe, hostPage, open, useBrowser } from './helpers.mjs';
import { stepRules } from '../../scripts/first-css.mjs';

useBrowser();

const IDS = ['westfriesland', 'oost-veluwe', 'flevoland', 'hoogeveen-de-wolden', 'zeeland'];
const rules = (id) => JSON.parse(readFileSync(new URL(`../../rules/${id}.json`, import.meta.url), 'utf8'));
const startQuestion = (id) => { const r = rules(id); return r.questions.find((q) => q.id === r.start); };

/** Holds the wasm back until `release()` is called; `held()` says whether it was asked for and is still held. */
function holdWasm() {
  let release;
  const gate = new Promise((ok) => { release = ok; });
  const state = { asked: false, released: false };
  return {
    release: () => { state.released = true; release(); },
    held: () => state.asked && !state.released,
    async setup(page) {
      await page.route('**/regiewijzer_wasm_bg.wasm', async (route) => {
        state.asked = true;
        await gate;
        await route.continue();
      });
      // Counts the animation frames in which the question was missing after it had first shown.
      await page.addInitScript(() => {
        let seen = false;
        window.rwGaps = 0;
        const frame = () => {
          if (document.querySelector('.rw-vraag input')) seen = true;
          else if (seen) window.rwGaps += 1;
          requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      });
    },
  };
}

/** The step as a screen reader and the keyboard meet it: every element of the head, the status
 *  line and the question with its attributes sorted, and the text; the side column (the schema,
 *  drawn by the wasm) is not part of it. */
function snapshot(page) {
  return page.evaluate(() => {
    const write = (n) => {
      if (n.nodeType === 3) return n.textContent;
      if (n.nodeType !== 1) return '';
      const attrs = [...n.attributes].map((a) => `${a.name}="${a.value}"`).sort().join(' ');
      return `<${n.localName} ${attrs}>${[...n.childNodes].map(write).join('')}</${n.localName}>`;
    };
    const parts = ['.rw-kop', '.rw-gedeeld', '.rw-stap'].map((s) => document.querySelector(s));
    return {
      html: parts.map((p) => (p ? write(p) : 'missing')).join('\n'),
      focus: document.activeElement?.id ?? '',
      checked: document.querySelector('.rw-vraag :checked')?.id ?? '',
    };
  });
}

// The stylesheet, and the part of it the loader for host pages parses first (scripts/first-css.mjs).
const DIST = process.env.REGIEWIJZER_DIST ?? 'dist';
const SHEET = readFileSync(`${DIST}/regiewijzer.css`, 'utf8');
const FIRST = stepRules(DIST);

/** How many rules the browser reads in stylesheet `text`. */
const ruleCount = (page, text) => page.evaluate((t) => { const s = new CSSStyleSheet(); s.replaceSync(t); return s.cssRules.length; }, text);

/** The computed style of every element of the widget under the whole stylesheet and under its first
 *  part alone (as constructed sheets, in place of the page's): `[whole, first]`. */
function styledBoth(page) {
  return page.evaluate(([whole, first]) => {
    const props = ['display', 'position', 'font-size', 'font-weight', 'font-family', 'font-style', 'color', 'background-color',
      'margin', 'padding', 'border-top', 'border-bottom', 'border-left', 'width', 'height', 'grid-template-columns', 'flex-direction',
      'flex-wrap', 'gap', 'align-items', 'outline', 'box-shadow', 'box-sizing', 'overflow-wrap', 'visibility', 'text-decoration-line',
      'line-height', 'min-height', 'opacity', 'cursor', 'list-style-type'];
    const links = [...document.querySelectorAll('link[rel="stylesheet"]')];
    const before = document.adoptedStyleSheets;
    const read = (text) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(text);
      for (const l of links) l.disabled = true;
      document.adoptedStyleSheets = [sheet];
      const out = [...document.querySelectorAll('.rw, .rw *')].map((e) => {
        const c = getComputedStyle(e);
        return `${e.localName}.${e.className}: ${props.map((p) => c.getPropertyValue(p)).join(' | ')}`;
      }).join('\n');
      for (const l of links) l.disabled = false;
      document.adoptedStyleSheets = before;
      return out;
    };
    return [read(whole), read(first)];
  }, [SHEET, FIRST]);
}

/** A host page of the gemeente's intranet with the widget's two lines (`body`: the element). */
const intranet = (body) => `<!doctype html><html lang="nl"><head><title>Intranet</title>
  <script type="module" src="regiewijzer.js"></script></head><body><main><h1>Intranet</h1>${body}</main></body></html>`;

/** The widget has taken over: its page has the side column, the first step has none, and the
 *  first step is gone (while the widget renders behind it, the root has the class rw-overgang). */
const widgetShown = async (page) => {
  await page.locator('.rw-zij').first().waitFor({ state: 'attached' });
  await page.waitForFunction(() => !document.querySelector('.rw-overgang') && document.querySelectorAll('.rw').length === 1);
};

test('opened by link, the first question is answered from the keyboard before the wasm arrives, and the walk goes on from that answer', async (t) => {
  const wasm = holdWasm();
  const page = await open(t, { hash: '#westfriesland', ready: false, setup: wasm.setup });
  const q = startQuestion('westfriesland');
  await page.getByRole('group', { name: q.text }).waitFor();
  assert.ok(wasm.held(), 'the wasm is still held back');
  assert.equal(await page.locator('.rw-zij').count(), 0, 'the first step, not yet the widget');
  await axe(page, 'the first step before the wasm');
  // As the widget does: the focus on the first option (once the step is painted); the arrow key
  // selects the next, Enter submits.
  await page.waitForFunction((id) => document.activeElement?.id === id, `rw1-${q.id}-${q.options[0].id}`, { timeout: 2000 });
  await page.keyboard.press('ArrowDown');
  assert.equal((await snapshot(page)).checked, `rw1-${q.id}-${q.options[1].id}`);
  await page.keyboard.press('Enter');
  assert.equal(new URL(page.url()).hash, '#westfriesland', 'the press is kept, not sent anywhere');
  assert.ok(wasm.held());

  // A slow phone: the widget's first render takes longer than a frame, and the step stays until
  // the widget's question is there.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
  wasm.release();
  const next = rules('westfriesland').questions.find((x) => x.id === q.options[1].goto);
  await page.getByRole('group', { name: next.text }).waitFor();
  await widgetShown(page);
  assert.match(await page.locator('.rw-zij').innerText(), new RegExp(q.options[1].label.split(':')[0]), 'the answer list has the early answer');
  await addressWritten(page);
  assert.notEqual(new URL(page.url()).hash, '#westfriesland', 'the address bar follows the walk');
  assert.match((await snapshot(page)).focus, new RegExp(`^rw1-${next.id}-`), 'the new question has the focus');
  assert.equal(await page.evaluate(() => window.rwGaps), 0, 'no frame without a question');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await axe(page, 'the second question after the hand-over');
  // The browser's Back returns to the first question, with the early answer selected.
  await page.goBack();
  await page.getByRole('group', { name: q.text }).waitFor();
  assert.equal((await snapshot(page)).checked, `rw1-${q.id}-${q.options[1].id}`);
});

test('the widget renders the same step as the loader showed, for every guideline, opened by link and embedded', async (t) => {
  for (const id of IDS) {
    for (const embedded of [false, true]) {
      const where = `${id}${embedded ? ' embedded' : ' by link'}`;
      const wasm = holdWasm();
      const host = intranet(`<regie-wijzer richtlijn="${id}"></regie-wijzer>`);
      const page = await open(t, embedded
        ? { path: 'intranet.html', ready: false, setup: async (p) => { await hostPage(p, 'intranet.html', host); await wasm.setup(p); } }
        : { hash: `#${id}`, ready: false, setup: wasm.setup });
      await page.getByRole('group', { name: startQuestion(id).text }).waitFor();
      assert.ok(wasm.held(), `${where}: shown before the wasm`);
      // The focus comes with the frame after the step's first (see firstStep).
      await page.waitForFunction(() => document.activeElement?.closest('.rw-vraag'), null, { timeout: 2000 });
      const before = await snapshot(page);
      assert.equal(before.html.includes('andere richtlijn'), !embedded, `${where}: "andere richtlijn" only where the page offers a choice`);
      // The loader for host pages parses the rules a first step uses first: the step looks the same.
      // (The widget's own page links the whole stylesheet.)
      if (embedded) {
        const [whole, first] = await styledBoth(page);
        assert.ok(whole.split('\n').length > 20, `${where}: the step's elements`);
        assert.equal(first, whole, `${where}: the first part of the stylesheet styles the step as the whole one does`);
      }
      wasm.release();
      await widgetShown(page);
      const after = await snapshot(page);
      assert.equal(after.html, before.html, `${where}: the same markup`);
      assert.equal(after.focus, before.focus, `${where}: the focus stays`);
      assert.equal(await page.evaluate(() => window.rwGaps), 0, `${where}: no frame without the question`);
    }
  }
});

/** Records the requests for the widget's stylesheet and loaders. */
function scripts(page) {
  const seen = [];
  page.on('request', (r) => { const name = new URL(r.url()).pathname.split('/').pop(); if (/^(regiewijzer\.(js|css)|(pagina|site|start)\.js)$/.test(name)) seen.push(name); });
  return seen;
}

test('embedded, the first step needs no second request: its rules come with regiewijzer.js, the whole stylesheet once it is painted', async (t) => {
  const wasm = holdWasm();
  let seen, asked;
  const sheet = new Promise((ok) => { asked = ok; });
  const page = await open(t, { path: 'intranet.html', ready: false, setup: async (p) => {
    seen = scripts(p);
    // The stylesheet is held back until the wasm is: the step must not wait for it.
    await p.route('**/regiewijzer.css', (route) => asked(route));
    await hostPage(p, 'intranet.html', intranet('<regie-wijzer richtlijn="westfriesland"></regie-wijzer>'));
    await wasm.setup(p);
  } });
  const q = startQuestion('westfriesland');
  await page.getByRole('group', { name: q.text }).waitFor();
  assert.ok(wasm.held());
  // Styled by the widget's own rules: the primary button's colour, and the options are not bare
  // inline radio buttons (the stylesheet lays them out as blocks).
  const volgende = page.getByRole('button', { name: 'Volgende' });
  const style = await volgende.evaluate((b) => getComputedStyle(b).backgroundColor);
  assert.notEqual(style, 'rgba(0, 0, 0, 0)', 'the button is styled');
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('.rw-vraag label').parentElement).display === 'inline'), false);
  await axe(page, 'the embedded first step, its stylesheet adopted');
  assert.deepEqual(seen, ['regiewijzer.js', 'regiewijzer.css'], 'the stylesheet asked for after the loader, no second loader');
  const first = await page.evaluate(() => document.adoptedStyleSheets[0].cssRules.length);
  wasm.release();
  // Time enough for the wasm to start the widget, were it not waiting for the whole stylesheet.
  await page.waitForTimeout(400);
  assert.equal(await page.locator('.rw-zij').count(), 0, 'the widget waits for the whole stylesheet');
  assert.equal(await page.evaluate(() => document.adoptedStyleSheets[0].cssRules.length), first, 'still the first rules');
  await (await sheet).continue();
  await widgetShown(page);
  assert.equal(await page.evaluate(() => document.adoptedStyleSheets.length), 1);
  // First the rules of the first step, then (by the time the widget shows) the whole stylesheet.
  const rules = await ruleCount(page, SHEET);
  assert.equal(await page.evaluate(() => document.adoptedStyleSheets[0].cssRules.length), rules, 'the whole stylesheet');
  assert.ok(FIRST.length < SHEET.length / 2, `the first part is ${FIRST.length} of ${SHEET.length} chars`);
});

test('embedded, when fetching the whole stylesheet fails, it comes as a link and the widget is styled by it', async (t) => {
  let asked = 0;
  const page = await open(t, { path: 'intranet.html', ready: false, allowConsole: /Failed to load resource: net::ERR_FAILED/, setup: async (p) => {
    // The first request (the loader's fetch) fails; the link's is answered.
    await p.route('**/regiewijzer.css', (route) => (asked++ ? route.continue() : route.abort()));
    await hostPage(p, 'intranet.html', intranet('<regie-wijzer richtlijn="zeeland"></regie-wijzer>'));
  } });
  await widgetShown(page);
  assert.equal(asked, 2);
  assert.equal(await page.locator('link[href$="regiewijzer.css"]').count(), 1);
  // The first step's rules stay adopted (the same rules as the link's, same order); the whole sheet is the link's.
  assert.equal(await page.evaluate(() => document.adoptedStyleSheets[0].cssRules.length), await ruleCount(page, FIRST));
  assert.equal(await page.evaluate(() => [...document.styleSheets].find((s) => s.href?.endsWith('/regiewijzer.css'))?.cssRules.length > 0), true, 'the link\'s sheet loaded');
});

test('a browser without constructed stylesheets gets the stylesheet as a link', async (t) => {
  const wasm = holdWasm();
  let seen;
  const page = await open(t, { path: 'intranet.html', ready: false, setup: async (p) => {
    seen = scripts(p);
    await p.addInitScript(() => { delete Document.prototype.adoptedStyleSheets; });
    await hostPage(p, 'intranet.html', intranet('<regie-wijzer richtlijn="zeeland"></regie-wijzer>'));
    await wasm.setup(p);
  } });
  await page.getByRole('group', { name: startQuestion('zeeland').text }).waitFor();
  assert.equal(await page.locator('link[href$="regiewijzer.css"]').count(), 1);
  assert.notEqual(await page.getByRole('button', { name: 'Volgende' }).evaluate((b) => getComputedStyle(b).backgroundColor), 'rgba(0, 0, 0, 0)');
  wasm.release();
  await widgetShown(page);
  assert.deepEqual(seen, ['regiewijzer.js', 'regiewijzer.css']);
});

test('opened by link, the page paints no frame with the guideline list: its first frame has the question, before any script', async (t) => {
  const wasm = holdWasm();
  let seen;
  const page = await open(t, { hash: '#flevoland', ready: false, setup: async (p) => {
    seen = scripts(p);
    await wasm.setup(p);
    // The scripts arrive well after the page and its stylesheet (as on a slow line).
    await p.route(/\/(start|site)\.js$/, async (route) => { await new Promise((ok) => setTimeout(ok, 300)); await route.continue(); });
    // Before each frame is painted: is the guideline list on screen (the page holds it, hidden)?
    await p.addInitScript(() => {
      window.rwListFrames = 0;
      window.rwFrames = 0;
      const frame = () => {
        window.rwFrames += 1;
        if (document.querySelector('.rw-regio-lijst')?.checkVisibility()) window.rwListFrames += 1;
        // The first frame with the question: which scripts had arrived by then?
        const shown = [...document.querySelectorAll('.rw-vraag input')].some((i) => i.getBoundingClientRect().width > 0);
        window.rwScriptsAtQuestion ??= shown ? performance.getEntriesByType('resource').filter((e) => /\/(start|site)\.js$/.test(e.name) && e.responseEnd > 0).length : undefined;
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
  } });
  await page.getByRole('group', { name: startQuestion('flevoland').text }).waitFor();
  assert.ok(await page.evaluate(() => window.rwFrames) > 0);
  // The question is on screen (the page's own HTML, shown by its stylesheet) before any script has run.
  assert.equal(await page.evaluate(() => window.rwScriptsAtQuestion), 0, 'no script had arrived when the question was first on screen');
  assert.equal(await page.evaluate(() => window.rwListFrames), 0, 'no frame with the list');
  wasm.release();
  await widgetShown(page);
  assert.equal(await page.evaluate(() => window.rwListFrames), 0, 'no frame with the list');
  // The page links its stylesheet and loads the small start.js, which loads the loader without the
  // stylesheet or the first steps (site.js) once the step is painted.
  assert.deepEqual(seen.sort(), ['regiewijzer.css', 'site.js', 'start.js']);
});

test('a choice, a button and the focus on the first step are kept at the hand-over, on a phone', async (t) => {
  const wasm = holdWasm();
  const page = await open(t, { hash: '#zeeland', ready: false, viewport: { width: 320, height: 640 }, setup: async (p) => {
    // Where the focus goes, from the wasm's release on.
    await p.addInitScript(() => addEventListener('focusin', (e) => window.rwFocus?.push(e.target.id || e.target.className), true));
    await wasm.setup(p);
  } });
  const q = startQuestion('zeeland');
  const group = page.getByRole('group', { name: q.text });
  await group.waitFor();
  // "Opnieuw beginnen" clears a choice on the first step, as it does in the widget.
  await group.getByLabel(q.options[0].label, { exact: true }).check();
  await page.getByRole('button', { name: 'Opnieuw beginnen' }).click();
  assert.equal((await snapshot(page)).checked, '');
  await group.getByLabel(q.options[1].label, { exact: true }).check();
  await page.getByRole('button', { name: 'Toon stroomschema' }).click();
  assert.ok(wasm.held());
  const w = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(w <= 320, `the first step is ${w} px wide at 320`);
  await page.evaluate(() => { window.rwFocus = []; });
  wasm.release();
  await widgetShown(page);
  // The widget shows the guideline's data being read before the question: that render must not
  // use up the question the loader showed, or the question's own render (whose effect can come
  // before or after the hand-over) moves the focus to an option. Only the hand-over moves it.
  await page.waitForTimeout(200);
  assert.deepEqual(await page.evaluate(() => window.rwFocus), ['rw-knop rw-klein rw-toon-schema'], 'the focus moved only to the same button');
  assert.equal((await snapshot(page)).checked, `rw1-${q.id}-${q.options[1].id}`, 'the choice is kept');
  const toggle = page.locator('.rw-toon-schema');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true', 'the press on "Toon stroomschema" is kept');
  assert.ok(await page.locator('.rw-zijschema svg').isVisible(), 'the schema is shown');
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('rw-toon-schema')), true, 'the focus stays on the button: ' + await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120)));
  await axe(page, 'after the hand-over on a phone');
});

test('the iframe page shows the first step before the wasm too', async (t) => {
  const wasm = holdWasm();
  const page = await open(t, { path: 'inbed.html?richtlijn=oost-veluwe', ready: false, setup: wasm.setup });
  await page.getByRole('group', { name: startQuestion('oost-veluwe').text }).waitFor();
  assert.ok(wasm.held());
  assert.equal(await page.getByRole('button', { name: 'andere richtlijn' }).count(), 0);
  wasm.release();
  await widgetShown(page);
});

test('no first step where the page or the link decides otherwise: answers in the link, preset answers', async (t) => {
  for (const [what, options] of [
    ['a link with answers', { hash: '#zeeland/rol=toegang' }],
    ['a preset answer', { path: 'intranet.html', html: '<regie-wijzer richtlijn="westfriesland" rol="zorgaanbieder"></regie-wijzer>' }],
    ['two widgets', { path: 'intranet.html', html: '<regie-wijzer richtlijn="zeeland"></regie-wijzer><regie-wijzer richtlijn="oost-veluwe"></regie-wijzer>' }],
  ]) {
    const wasm = holdWasm();
    const host = options.html && intranet(options.html);
    const page = await open(t, {
      hash: options.hash ?? '', path: options.path ?? '', ready: false,
      setup: async (p) => { if (host) await hostPage(p, 'intranet.html', host); await wasm.setup(p); },
    });
    // The guideline's data has arrived (it is fetched at once), the wasm is held: still no question.
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('.rwd') && e.responseEnd > 0));
    await page.waitForTimeout(300);
    assert.equal(await page.locator('.rw-vraag').count(), 0, `${what}: no first step`);
    wasm.release();
    await page.locator('.rw-vraag').first().waitFor();
  }
});

test('when the widget cannot show the question (its data is not there), its message replaces the step at once', async (t) => {
  const wasm = holdWasm();
  const page = await open(t, {
    hash: '#zeeland', ready: false, allowConsole: /404|Failed to load resource/,
    setup: async (p) => { await p.route('**/regels/zeeland.rwd', (route) => route.fulfill({ status: 404, body: '' })); await wasm.setup(p); },
  });
  await page.getByRole('group', { name: startQuestion('zeeland').text }).waitFor();
  wasm.release();
  const started = Date.now();
  await page.getByText('De richtlijn kon niet worden geladen').waitFor();
  assert.equal(await page.locator('.rw-overgang').count(), 0, 'the step is gone');
  assert.equal(await page.getByRole('group', { name: startQuestion('zeeland').text }).count(), 0);
  assert.ok(Date.now() - started < 3000, `the message shows without waiting for the step to time out (${Date.now() - started} ms)`);
});
