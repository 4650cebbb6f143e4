// Where a step's time goes (a report, not a test): `node bench/step-phases.mjs [dist] [walks]` after
// ./scripts/build.sh. PAUSE=1000 reads each question for a second first (as the benchmark's
// "reading" walk); without it, each question is answered the moment it is painted ("at once").
//
// Walks Hoogeveen/De Wolden (the benchmark's route, scripts/bench-walk.mjs) at 1280 px with the stroomschema,
// CPU 4x slower, traced, and splits each step (Volgende → the frame without the question, painted,
// as the benchmark measures it) into the main thread's own time per kind of work: script (the
// widget, Yew, the glue, the DOM calls), wasm compiled on first use (V8's lazy compilation), garbage
// collection, style, layout, paint (with pre-paint and layerizing), the frame's commit (waiting for
// the compositor), and what is left ("waiting": other work, waiting for the next frame or for other
// threads). Each event's self time counts once, so a layout forced from script is layout; an inner
// step of no kind of its own counts as the work around it. Medians over the walks, per step.
// Tracing slows the page by a few ms a step; compare runs of this script, not with the benchmark.
import { chromium } from 'playwright-core';
import { ROUTE, installPainted, median } from '../scripts/bench-walk.mjs';
import { startServer } from '../scripts/server.mjs';

const root = process.argv[2] ?? 'dist';
const walks = Number(process.argv[3] ?? 5);
const pause = Number(process.env.PAUSE ?? 0);
const KINDS = [
  ['compile', /^wasm\.Compile|^v8\.wasm\.compile/i],
  ['gc', /GC|^V8\.GC|^BlinkGC|Scavenge|MinorMS/],
  ['style', /^UpdateLayoutTree$|^ParseAuthorStyleSheet$|RecalcStyle/],
  ['layout', /^Layout$|^LocalFrameView::layout$|ShapeText|^FontCache/],
  ['paint', /^Paint$|^PrePaint$|^Layerize$|^UpdateLayers$|^PaintImage$|RunPaintLifecyclePhase/],
  ['commit', /BeginMainFrame::commit|^Commit$|WaitForCommit/],
  ['script', /^FunctionCall$|^EventDispatch$|^FireAnimationFrame$|^TimerFire$|^RunMicrotasks$|^v8\.|^V8\.|^EvaluateScript$|^HTMLDocumentParser|^ParseHTML$/],
];
const kind = (name) => KINDS.find(([, re]) => re.test(name))?.[0] ?? 'other';

const server = await startServer({ root, base: '/step-phases/' });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});

/** One traced walk: per step, its latency and the main thread's self time per kind. */
async function walk() {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await page.addInitScript(installPainted);
    await page.goto(`${server.url}index.html#hoogeveen-de-wolden`);
    await page.locator('.rw-zij svg').waitFor({ timeout: 30_000 });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.wasm', 'blink', 'blink.user_timing', 'cc', 'fonts'] });
    const steps = [];
    for (;;) {
      const name = await page.locator('.rw-vraag input[type=radio]').first().getAttribute('name', { timeout: 5_000 }).catch(() => null);
      if (!name) break;
      const q = name.replace(/^rw1-/, '');
      if (!ROUTE[q]) throw new Error(`step-phases: question ${q} is not on the route`);
      if (pause) await page.waitForTimeout(pause);
      steps.push(await page.evaluate(async ([q, o]) => {
        const option = () => document.getElementById(`rw1-${q}-${o}`);
        const selected = window.rwPainted(() => option()?.checked);
        option().click();
        await selected;
        const shown = window.rwPainted(() => !option());
        performance.mark(`rw-from:${q}`);
        const t0 = performance.now();
        document.querySelector('.rw-vraag button[type=submit]').click();
        const t1 = await shown;
        performance.mark(`rw-to:${q}`);
        return { q, ms: t1 - t0 };
      }, [q, ROUTE[q]]));
    }
    await page.waitForTimeout(200);
    const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
    const mark = (n) => events.find((e) => e.name === n);
    const first = mark(`rw-from:${steps[0].q}`);
    const main = events.filter((e) => e.pid === first.pid && e.tid === first.tid && e.ph === 'X' && e.dur > 0);
    return steps.map(({ q, ms }) => {
      const [from, to] = [mark(`rw-from:${q}`).ts, mark(`rw-to:${q}`).ts];
      // Self time: each event's duration less its children's, clipped to the step.
      const inside = main.filter((e) => e.ts < to && e.ts + e.dur > from).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
      const self = Object.fromEntries([...KINDS.map(([k]) => [k, 0]), ['other', 0]]);
      const stack = [];
      const clip = (e) => Math.max(0, Math.min(e.ts + e.dur, to) - Math.max(e.ts, from)) / 1000;
      const close = (e) => { self[e.kind] += Math.max(0, clip(e) - e.children); };
      for (const e of inside) {
        while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) close(stack.pop());
        // An event of no kind of its own (Blink's inner steps) is part of the one around it.
        let k = kind(e.name);
        if (k === 'other' && stack.length) k = stack.at(-1).kind;
        const node = { ts: e.ts, dur: e.dur, kind: k, children: 0 };
        if (stack.length) stack.at(-1).children += clip(e);
        stack.push(node);
      }
      while (stack.length) close(stack.pop());
      delete self.other;
      const busy = Object.values(self).reduce((a, b) => a + b, 0);
      return { q, ms, ...self, waiting: Math.max(0, ms - busy) };
    });
  } finally {
    await context.close();
  }
}

const all = [];
for (let w = 0; w < walks; w++) {
  process.stderr.write(`[step-phases] walk ${w + 1}/${walks}\r`);
  all.push(await walk());
}
await browser.close();
await server.close();

const columns = ['ms', 'script', 'compile', 'gc', 'style', 'layout', 'paint', 'commit', 'waiting'];
console.log(`\nStep phases, Hoogeveen/De Wolden at 1280 px, CPU 4x, traced, ${pause ? `each question read for ${pause} ms first` : 'each question answered at once'}; median of ${walks} walks (ms; "ms" is Volgende → painted, the worst walk's in brackets; each column is its own median, so they need not add up)\n`);
console.log(`| step | ${columns.join(' | ')} |`);
console.log(`|---|${columns.map(() => '---:').join('|')}|`);
for (const [i, { q }] of all[0].entries()) {
  const col = (c) => median(all.map((w) => w[i][c]));
  const worst = Math.max(...all.map((w) => w[i].ms));
  console.log(`| ${q} | ${col('ms').toFixed(0)} (${worst.toFixed(0)}) | ${columns.slice(1).map((c) => col(c).toFixed(1)).join(' | ')} |`);
}
