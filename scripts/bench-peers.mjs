// Side-by-side load benchmark: the release bundle against a SurveyJS questionnaire and a minimal
// Preact page with the same first questions (the Westfriesland walk's start question and the next
// one, texts from rules/westfriesland.json), and the widget's step latency. A report, not a test: it
// is not in scripts/test.sh.
//
//   node scripts/bench-peers.mjs [dist] [--runs 10] [--rounds 3]   (after scripts/setup.sh --browser and a build)
//   node scripts/bench-peers.mjs [dist] --steps-only [--rounds 3]  (the step latency alone, every step)
//   node scripts/bench-peers.mjs [dist] --targets question,embedded,preact --no-steps  (some loads only)
//
// One gzip server (level 9, as scripts/size.mjs counts) serves them all: /widget/ (the dist folder)
// and /host/ (bench/peers/host/: an intranet page with `<regie-wijzer richtlijn="westfriesland">`),
// both under the widget's strict CSP, and /preact/ and /surveyjs/ (bench/peers/ plus the libraries
// from npm, installed on the first run into target/peers/, which git ignores; no CSP). Headless
// Chromium (playwright-core) loads every target cold (a new browser context: empty cache, no
// sockets, no service worker), interleaved: per profile, per run, one load of each target in turn,
// after one warm-up round that is not counted. Profiles: fast (no throttling) and slow (CDP: "slow
// 4G", 150 ms latency, 1.6 Mbit/s down, 750 kbit/s up, and a 4x slower CPU). All of it `--rounds`
// times; the report gives every round's ratios and, for each, the middle of the rounds (their median,
// as for the step latency's worst step: three runs, the middle one), and each ratio over all rounds'
// loads pooled with its 95 % bootstrap interval (whether the loads can tell it from the goal at
// all); the table is one round's.
//
// Measured per load:
//   time     navigation start → the first frame in which the target's answer control is in the DOM,
//            enabled and laid out (it or its label has a box), painted (see `rwPainted`). Taken in the
//            page, so nothing counts before the page can render (CSS is loaded).
//   transfer sum of encodedDataLength (CDP Network.loadingFinished: bytes on the wire, headers included)
//            of every response until the page is quiet (load event, then no request in flight for 0.5 s).
// Targets:
//   widget first click      dist/index.html: the guideline links rendered at build time (a click
//                           sets the share-link fragment the widget starts from).
//   widget first question   dist/index.html#westfriesland: the first question's first radio button
//                           (the loader's first step, before the wasm; then the widget's).
//   widget embedded         /host/index.html: the same in <regie-wijzer> on a host page (the two
//                           lines of the README: the loader adds the stylesheet).
//   widget embedded + css   /host/met-stylesheet.html: the same with the stylesheet in the head.
//   preact / surveyjs       the first radio button of the first question.
//   preact embedded         /preact/host.html: the Preact page's app on the host page of "widget
//                           embedded" (that page, served with the widget's two lines swapped for
//                           the app's, its script `async` too), so the host page's own share of
//                           "embedded" is measured (for information).
// Then the step latency (see `steps`), twice per round.
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpus, loadavg } from 'node:os';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CSP } from './server.mjs';
import { ROUTE, installPainted, median } from './bench-walk.mjs';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');
const args = process.argv.slice(2);
const option = (name, fallback) => { const i = args.indexOf(name); return i >= 0 ? Number(args[i + 1]) : fallback; };
const RUNS = option('--runs', 10); // cold loads per target, profile and round
const ROUNDS = option('--rounds', 3); // whole runs; the report gives each and the middle one
const STEPS_ONLY = args.includes('--steps-only');
const NO_STEPS = args.includes('--no-steps');
// --targets first,embedded,preact: only the targets whose name contains one of these (ratios need preact).
const ONLY = args.includes('--targets') ? args[args.indexOf('--targets') + 1].split(',') : null;
const valued = new Set(['--runs', '--rounds', '--targets'].map((n) => args.indexOf(n) + 1).filter((i) => i > 0));
const DIST = resolve(args.find((a, i) => !a.startsWith('--') && !valued.has(i)) ?? 'dist');
if (!existsSync(join(DIST, 'index.html'))) {
  console.error(`bench-peers: no ${DIST}/index.html; build first (scripts/build.sh)`);
  process.exit(2);
}

// ---- The peers' libraries, from npm, pinned; installed once into target/peers/ ----------------
const PEERS = join(ROOT, 'target', 'peers');
const PINS = { 'survey-core': '2.5.38', 'survey-js-ui': '2.5.38', preact: '10.29.8' };
const installed = (name) => {
  try { return JSON.parse(readFileSync(join(PEERS, 'node_modules', name, 'package.json'), 'utf8')).version; } catch { return null; }
};
if (Object.entries(PINS).some(([n, v]) => installed(n) !== v)) {
  console.log(`[bench] npm install --prefix target/peers ${Object.entries(PINS).map(([n, v]) => `${n}@${v}`).join(' ')}`);
  const r = spawnSync('npm', ['install', '--prefix', PEERS, '--no-audit', '--no-fund', '--no-package-lock',
    '--loglevel=error', ...Object.entries(PINS).map(([n, v]) => `${n}@${v}`)], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const lib = (p) => join(PEERS, 'node_modules', p);

// ---- The same first questions for the peers: the start question and the one after its first answer
const rules = JSON.parse(readFileSync(join(ROOT, 'rules', 'westfriesland.json'), 'utf8'));
const byId = (id) => rules.questions.find((q) => q.id === id);
const first = byId(rules.start);
const second = byId(first.options[0].goto ?? first.options[0].branches[0].goto);
const QUESTIONS = JSON.stringify([first, second].map((q) => ({
  id: q.id, text: q.text, help: q.help, options: q.options.map((o) => ({ id: o.id, label: o.label })),
})));

// ---- The gzip static server: URL path → file; the peers' app.js get the questions filled in ----
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json',
  '.svg': 'image/svg+xml' };
const FILES = {
  '/preact/preact.js': lib('preact/dist/preact.module.js'),
  '/preact/host.html': join(ROOT, 'bench', 'peers', 'host', 'index.html'), // see preactHost()
  '/surveyjs/survey.core.min.js': lib('survey-core/survey.core.min.js'),
  '/surveyjs/survey-js-ui.min.js': lib('survey-js-ui/survey-js-ui.min.js'),
  // The fontless theme: the default one loads Open Sans from Google Fonts (more bytes, a third-party
  // request, and no internet on the build machine); SurveyJS is measured without it.
  '/surveyjs/survey-core.min.css': lib('survey-core/survey-core.fontless.min.css'),
};
function locate(path) {
  if (FILES[path]) return FILES[path];
  const [, top, rest] = path.match(/^\/(widget|host|preact|surveyjs)\/(.*)$/) ?? [];
  if (!top) return null;
  const dir = top === 'widget' ? DIST : join(ROOT, 'bench', 'peers', top);
  const file = normalize(join(dir, rest || 'index.html'));
  return file.startsWith(dir + sep) ? file : null;
}
/** The Preact control on the host page: the widget's host page with its two lines (the loader's
 *  script, `<regie-wijzer>`) swapped for the Preact app's, so the two pages cannot drift apart. */
function preactHost(html) {
  const out = html
    .replace(/<script type="module" async src="\/widget\/regiewijzer\.js"><\/script>/,
      '<link rel="modulepreload" href="preact.js">\n  <script type="module" async src="app.js"></script>')
    .replace(/<regie-wijzer[^>]*><\/regie-wijzer>/, '<div id="app"></div>');
  if (out.includes('regiewijzer.js') || out.includes('<regie-wijzer')) throw new Error('bench-peers: the host page\'s widget lines changed; preactHost() cannot swap them');
  return out;
}
const gzipped = new Map(); // URL path → gzip bytes, compressed once (not timed)
function body(file, path) {
  if (!gzipped.has(path)) {
    let bytes = readFileSync(file);
    if (path === '/preact/app.js' || path === '/surveyjs/app.js') {
      bytes = Buffer.from(bytes.toString('utf8').replace('/*QUESTIONS*/[]', QUESTIONS));
    }
    if (path === '/preact/host.html') bytes = Buffer.from(preactHost(bytes.toString('utf8')));
    gzipped.set(path, gzipSync(bytes, { level: 9 }));
  }
  return gzipped.get(path);
}
const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  const file = locate(path);
  // The browser asks for /favicon.ico on the peers' pages (the widget's page names its own icon).
  if (!file || !existsSync(file)) { res.writeHead(path === '/favicon.ico' ? 204 : 404); return res.end(); }
  res.writeHead(200, {
    'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    'Content-Encoding': 'gzip',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    // The widget under its strict CSP; the peers without one (SurveyJS sets inline styles, which
    // style-src 'self' blocks: a CSP would only handicap them).
    ...(path.startsWith('/widget/') || path.startsWith('/host/') ? { 'Content-Security-Policy': CSP } : {}),
  });
  res.end(body(file, path));
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const ORIGIN = `http://127.0.0.1:${server.address().port}`;

// ---- Targets and profiles ------------------------------------------------------------------------
const TARGETS = (ONLY ? (ts) => ts.filter((t) => ONLY.some((o) => t.name.includes(o))) : (ts) => ts)([
  { name: 'widget first click', url: '/widget/index.html', control: 'a.rw-regio-link' },
  { name: 'widget first question', url: '/widget/index.html#westfriesland', control: '.rw-vraag input[type=radio]' },
  { name: 'widget embedded', url: '/host/index.html', control: '.rw-vraag input[type=radio]' },
  { name: 'widget embedded + css', url: '/host/met-stylesheet.html', control: '.rw-vraag input[type=radio]' },
  { name: 'preact', url: '/preact/index.html', control: 'input[type=radio]' },
  { name: 'preact embedded', url: '/preact/host.html', control: 'input[type=radio]' },
  { name: 'surveyjs', url: '/surveyjs/index.html', control: 'input[type=radio]' },
]);
const PROFILES = [
  { name: 'fast' },
  { name: 'slow', network: { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 }, cpu: 4 },
];

// A load is ready when the control is usable (enabled, it or its label laid out), painted
// (`rwPainted`, scripts/bench-walk.mjs). Both run in the page at document start (CDP, so the CSP
// does not apply).
function probe(selector) {
  if (window !== window.top) return;
  const usable = (el) => !el.disabled && [el, ...(el.labels ?? [])].some((e) => {
    const r = e.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden';
  });
  window.__benchReady = window.rwPainted(() => {
    const el = document.querySelector(selector);
    return el && usable(el);
  });
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
// Timings differ between machines (the same code measured ~15 % slower loads and slower steps on
// another build machine): the report names the CPU and the browser it ran on.
const MACHINE = `${cpus().length} CPUs (${cpus()[0]?.model.trim() ?? '?'}), Chromium ${browser.version()}`;
const problems = new Set(); // console errors and failed requests, printed once at the end

/** One cold load: a new context, throttling set before the navigation. → { ms, bytes }, or null
 *  when the control did not become usable (noted in `problems`). */
async function load(target, profile) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    page.on('console', (m) => m.type() === 'error' && problems.add(`${target.name}: console: ${m.text()}`));
    page.on('pageerror', (e) => problems.add(`${target.name}: ${e.message}`));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    let bytes = 0;
    const inflight = new Set();
    let lastActivity = Date.now();
    cdp.on('Network.requestWillBeSent', (e) => { inflight.add(e.requestId); lastActivity = Date.now(); });
    cdp.on('Network.loadingFinished', (e) => { bytes += e.encodedDataLength; inflight.delete(e.requestId); lastActivity = Date.now(); });
    cdp.on('Network.loadingFailed', (e) => {
      if (!e.canceled) problems.add(`${target.name}: failed request (${e.errorText})`);
      inflight.delete(e.requestId); lastActivity = Date.now();
    });
    if (profile.network) await cdp.send('Network.emulateNetworkConditions', profile.network);
    if (profile.cpu) await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
    await page.addInitScript(installPainted);
    await page.addInitScript(probe, target.control);
    await page.goto(ORIGIN + target.url, { waitUntil: 'commit', timeout: 60_000 });
    const ms = await page.evaluate(() => Promise.race([window.__benchReady,
      new Promise((_, no) => setTimeout(() => no(new Error('no usable answer control in 60 s')), 60_000))]));
    // Everything the page loads counts toward its transfer, also what arrives after the first click.
    await page.waitForLoadState('load', { timeout: 60_000 });
    const until = Date.now() + 30_000;
    while ((inflight.size > 0 || Date.now() - lastActivity < 500) && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 50));
    }
    return { ms, bytes };
  } catch (e) {
    problems.add(`${target.name} (${profile.name}): load not measured: ${e.message.split('\n')[0]}`);
    return null;
  } finally {
    await context.close();
  }
}

// ---- Step latency: from an answer to the next question painted ---------------------------------
// One walk of Hoogeveen/De Wolden (the largest schema) at 1280 px, the stroomschema shown beside the
// question, CPU 4x slower, after the widget has loaded. Per step, two times in the page: choosing an
// option (click → the frame that shows it painted) and Volgende (click → the next question painted);
// "painted" as for a load (`rwPainted`). The stroomschema's new marks follow in the next frame:
// `schema` is the frame that shows them, and at the outcome `rest` the frame that shows it whole
// ("next" is its top); both for information. Each round walks three times (`WALKS`):
// - answering each question the moment it is painted, from the moment the widget is on screen;
// - the same from a page that has stood a second (`settle`): for a few hundred ms after a load
//   Chromium runs the same steps 10-20 ms slower, with its main thread idle and no garbage
//   collected or code compiled in them (traced; 150 ms after the widget appeared as slow, 400 ms
//   after as fast as later), so this walk measures the steps alone;
// - as a person does, reading each question for a second first (`pause`, still quicker than anyone
//   reads one): the browser's own work after a step (garbage, code just run) falls in that pause.
async function steps(pause, settle = 0) {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await page.addInitScript(installPainted);
    await page.goto(`${ORIGIN}/widget/index.html#hoogeveen-de-wolden`);
    await page.locator('.rw-zij svg').waitFor({ timeout: 30_000 });
    if (settle) await page.waitForTimeout(settle);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const out = [];
    for (;;) {
      const name = await page.locator('.rw-vraag input[type=radio]').first().getAttribute('name', { timeout: 5_000 }).catch(() => null);
      if (!name) break;
      const q = name.replace(/^rw1-/, '');
      if (!ROUTE[q]) throw new Error(`step latency: question ${q} is not on the route`);
      if (pause) await page.waitForTimeout(pause);
      out.push(await page.evaluate(async ([q, o]) => {
        const option = () => document.getElementById(`rw1-${q}-${o}`);
        // Each wait starts before its click, so that its frame callback comes before any the click
        // causes, and its message (see `rwPainted`) before a task the page posts from its own.
        const selected = window.rwPainted(() => option()?.checked);
        const t0 = performance.now();
        option().click();
        const t1 = await selected;
        const shown = window.rwPainted(() => !option());
        const t1c = performance.now();
        document.querySelector('.rw-vraag button[type=submit]').click();
        const t2 = await shown;
        // The stroomschema follows a frame later: up to date when it marks every answer given.
        const marked = () => document.querySelectorAll('.rw-zij .rw-knoop.rw-route').length == document.querySelectorAll('.rw-antwoorden li').length;
        const t4 = marked() ? t2 : await window.rwPainted(marked);
        const outcome = document.querySelector('.rw-uitkomst');
        const t3 = outcome ? await window.rwPainted(() => document.querySelector('.rw-uitkomst .rw-knoppen')) : t2;
        return { q, select: t1 - t0, next: t2 - t1c, schema: t4 - t1c, rest: outcome && t3 - t1c };
      }, [q, ROUTE[q]]));
    }
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    return out;
  } finally {
    await context.close();
  }
}

// The three walks of a round (see `steps`), as reported.
const WALKS = [
  ['steps', 'at once', 'at once, from the widget on screen: answering each question the moment it is painted'],
  ['settled', 'settled', 'at once, from a page that stood 1 s: the same, the load\'s tail left out'],
  ['reading', 'reading', 'reading, as a person does: each question read for 1 s first'],
];

// ---- Interleaved runs, in rounds -----------------------------------------------------------------
const rounds = []; // per round: { results: `${profile}/${target}` → [{ ms, bytes }], steps: [...] }
const loadBefore = loadavg()[0]; // other work on the machine widens the spread: reported
for (let round = 1; round <= ROUNDS; round++) {
  const results = {};
  for (const profile of PROFILES) {
    if (STEPS_ONLY) break;
    for (const target of TARGETS) await load(target, profile); // warm-up round, not counted
    for (let i = 1; i <= RUNS; i++) {
      for (const target of TARGETS) {
        const r = await load(target, profile);
        if (r) (results[`${profile.name}/${target.name}`] ??= []).push(r);
      }
      process.stderr.write(`\r[bench] round ${round}/${ROUNDS}, ${profile.name} run ${i}/${RUNS}   `);
    }
  }
  const walk = (pause, settle) => (NO_STEPS ? [] : steps(pause, settle).catch((e) => { problems.add(`step latency: ${e.message.split('\n')[0]}`); return []; }));
  rounds.push({ results, steps: await walk(0), settled: await walk(0, 1000), reading: await walk(1000) });
  process.stderr.write('\n');
}
await browser.close();
server.close();
console.log(`${MACHINE}, load average ${loadBefore.toFixed(1)} when the run started (other work widens the spread)`);
if (STEPS_ONLY) {
  for (const [i, r] of rounds.entries()) {
    for (const [w, name] of WALKS) {
      console.log(`round ${i + 1}, ${name}: ${r[w].map((s) => `${s.q} ${Math.round(s.select)}/${Math.round(s.next)}`).join(', ')}`);
    }
  }
}

// ---- Report --------------------------------------------------------------------------------------
const stat = (results, p, t) => {
  const rs = results[`${p}/${t}`] ?? [{ ms: NaN, bytes: NaN }];
  const ms = rs.map((r) => r.ms);
  return { med: median(ms), min: Math.min(...ms), max: Math.max(...ms), kb: median(rs.map((r) => r.bytes)) / 1024 };
};
const ratio = (results, p, a, b) => stat(results, p, a).med / stat(results, p, b).med;
// The table's round: the one whose "first question / preact" on the slow profile is the median. Each
// ratio's verdict takes the median of that ratio over the rounds (for one, its middle round's may not be).
const key = (r) => ratio(r.results, 'slow', 'widget first question', 'preact');
const middle = [...rounds].sort((a, b) => key(a) - key(b))[Math.floor((rounds.length - 1) / 2)];
// How sure a ratio is: the loads of every round pooled per target, the ratio of their medians, and
// that ratio over 2000 resamples of both (bootstrap, with a fixed seed so a report reads the same
// when recomputed): its 2.5th and 97.5th percentiles. Rounds here move ±10 % on the fast profile.
function interval(p, a, b) {
  const loads = (t) => rounds.flatMap((r) => (r.results[`${p}/${t}`] ?? []).map((x) => x.ms));
  const xs = loads(a), ys = loads(b);
  if (!xs.length || !ys.length) return { pooled: NaN, lo: NaN, hi: NaN };
  let seed = 0x9e3779b9; // mulberry32
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const resample = (v) => median(v.map(() => v[Math.floor(random() * v.length)]));
  const rs = Array.from({ length: 2000 }, () => resample(xs) / resample(ys)).sort((u, w) => u - w);
  return { pooled: median(xs) / median(ys), lo: rs[49], hi: rs[1950] };
}
const verdict = (r, goal) => `${r.toFixed(2)}  (goal ≤ ${goal}: ${r <= goal ? 'met' : 'NOT met'})`;
const measured = (t) => TARGETS.some((x) => x.name === t);
if (!STEPS_ONLY) {
  console.log(`\nCold loads in headless Chromium, ${RUNS} per target and profile, interleaved, ${ROUNDS} rounds (${DIST})`);
  console.log('Ready: the first frame with the answer control usable, painted.\n');
  console.log(`Round ${rounds.indexOf(middle) + 1}, the middle one by first question / preact on the slow profile:\n`);
  console.log('| target | profile | transfer KB | median ms | min–max ms |');
  console.log('|---|---|---:|---:|---:|');
  for (const p of PROFILES) {
    for (const t of TARGETS) {
      const s = stat(middle.results, p.name, t.name);
      console.log(`| ${t.name} | ${p.name} | ${s.kb.toFixed(1)} | ${Math.round(s.med)} | ${Math.round(s.min)}–${Math.round(s.max)} |`);
    }
  }
  const each = (f) => rounds.map((r) => f(r).toFixed(2)).join(', ');
  console.log('\nRatios of medians: the middle of the rounds (each ratio\'s median over them), then every round in order');
  const line = (label, a, b, goal) => {
    if (!measured(a) || !measured(b)) return;
    for (const p of PROFILES) {
      const g = typeof goal === 'function' ? goal(p.name) : goal;
      const r = median(rounds.map((x) => ratio(x.results, p.name, a, b)));
      const { pooled, lo, hi } = interval(p.name, a, b);
      console.log(`  ${p.name}: ${label.padEnd(42)} ${g ? verdict(r, g) : `${r.toFixed(2)}  (for information)`}   rounds: ${each((x) => ratio(x.results, p.name, a, b))}   pooled: ${pooled.toFixed(2)} [${lo.toFixed(2)}–${hi.toFixed(2)}]`);
    }
  };
  console.log('  (pooled: the loads of all rounds together, the ratio of their medians and its 95 % bootstrap interval:');
  console.log('   an interval that holds the goal means these loads cannot tell the two apart)');
  line('widget first click / preact', 'widget first click', 'preact', 1.3);
  line('widget first question (link) / preact', 'widget first question', 'preact', 1.0);
  line('widget embedded / preact', 'widget embedded', 'preact', 1.0);
  line('widget embedded + css / preact', 'widget embedded + css', 'preact', 1.0);
  line('widget embedded / preact embedded', 'widget embedded', 'preact embedded', null);
  line('widget first question / surveyjs', 'widget first question', 'surveyjs', (p) => (p === 'slow' ? 0.5 : null));
  const kb = (t) => stat(middle.results, 'fast', t).kb;
  if (measured('widget first question') && measured('surveyjs')) console.log(`  transfer: widget walk / surveyjs ${(kb('widget first question') / kb('surveyjs')).toFixed(2)}, widget walk / preact ${(kb('widget first question') / kb('preact')).toFixed(2)}`);
}

if (rounds.some((r) => r.steps.length)) {
  console.log('\nStep latency, Hoogeveen/De Wolden at 1280 px with the stroomschema, CPU 4x (ms; per round: median / worst)');
  for (const [w, , label] of WALKS) {
    console.log(`  ${label}:`);
    for (const [i, r] of rounds.entries()) {
      if (!r[w].length) continue;
      const next = r[w].map((s) => s.next), select = r[w].map((s) => s.select), schema = r[w].map((s) => s.schema);
      const rest = r[w].find((s) => s.rest)?.rest;
      console.log(`    round ${i + 1}: Volgende → next question ${Math.round(median(next))} / ${Math.round(Math.max(...next))}, choosing an option ${Math.round(median(select))} / ${Math.round(Math.max(...select))} (${r[w].length} steps); the stroomschema up to date after ${Math.round(median(schema))} / ${Math.round(Math.max(...schema))}${rest ? `; the outcome whole after ${Math.round(rest)}` : ''}`);
    }
    const worst = median(rounds.filter((r) => r[w].length).map((r) => Math.max(...r[w].map((s) => Math.max(s.next, s.select)))));
    console.log(`    middle of the rounds' worst step: ${Math.round(worst)} ms ${verdict(worst, 50).replace(/^\S+/, '')}`);
  }
}
if (problems.size) console.log(`\nProblems seen (a target may not have measured what it should):\n  ${[...problems].join('\n  ')}`);
