// Size report of the release bundle: raw and gzip bytes per file, and what one walk of each
// guideline transfers (html, favicon, loader, css, js, wasm, service worker and that guideline's data file) against
// the budget. The JS API bundle (dist/api/), the training page (oefenen.*), the rule owner's page
// (beheer.*, its own budget) and the training data
// (regels/*.casus.rwd) are listed apart: a walk does not load them.
// Usage: node scripts/size.mjs [dist] [--strict]   (--strict: exit 1 when a walk is over budget)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_GZIP = 120 * 1024; // one walk of one guideline, everything it transfers
const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--')) ?? 'dist';
const strict = args.includes('--strict');
const kb = (n) => (n / 1024).toFixed(1).padStart(7);

function measure(folder) {
  return readdirSync(folder)
    .filter((f) => statSync(join(folder, f)).isFile())
    .sort()
    .map((f) => {
      const bytes = readFileSync(join(folder, f));
      return { name: f, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
    });
}

function table(title, files) {
  console.log(`${title.padEnd(34)} raw KB   gzip KB`);
  for (const f of files) console.log(`  ${f.name.padEnd(32)} ${kb(f.raw)}   ${kb(f.gzip)}`);
  const sum = (k) => files.reduce((n, f) => n + f[k], 0);
  console.log(`  ${'TOTAL'.padEnd(32)} ${kb(sum('raw'))}   ${kb(sum('gzip'))}`);
  return sum('gzip');
}

// What the page dist/index.html loads before a guideline's data, with the service worker it
// registers (the iframe page, its helpers and the old loader.js name are listed apart).
const WALK = ['index.html', 'favicon.svg', 'start.js', 'site.js', 'regiewijzer.css', 'regiewijzer_wasm.js', 'regiewijzer_wasm_bg.wasm', 'sw.js'];
const all = measure(dir);
const shell = all.filter((f) => WALK.includes(f.name));
const data = measure(join(dir, 'regels'));
const shellGzip = table('widget shell (dist/)', shell);
console.log();
table('other files (iframe page, helpers)', all.filter((f) => !WALK.includes(f.name)));
console.log();
table('guideline data (dist/regels/)', data);
console.log();
let worst = 0;
/** One walk of each guideline: `shell` (gzip bytes) plus its data, against the budget. */
function walks(title, shell) {
  console.log(`${title.padEnd(34)} gzip KB`);
  for (const d of data.filter((f) => !f.name.includes('.casus.'))) {
    const total = shell + d.gzip;
    worst = Math.max(worst, total);
    console.log(`  ${d.name.replace('.rwd', '').padEnd(32)} ${kb(total)}   ${total <= BUDGET_GZIP ? 'within' : 'OVER'} budget ${BUDGET_GZIP / 1024} KB`);
  }
}
walks('one walk of one guideline', shellGzip);
// Embedded on a host page (`<regie-wijzer>`): regiewijzer.js carries the first step's rules, the
// whole stylesheet follows; the host's own page is not ours to count.
const EMBED = ['regiewijzer.js', 'regiewijzer.css', 'regiewijzer_wasm.js', 'regiewijzer_wasm_bg.wasm'];
console.log();
walks('one walk embedded (<regie-wijzer>)', all.filter((f) => EMBED.includes(f.name)).reduce((n, f) => n + f.gzip, 0));
console.log();
table('JS API (dist/api/, separate)', measure(join(dir, 'api')));
console.log();
table('own rule file check (dist/eigen/, only when a page names one)', measure(join(dir, 'eigen')));
// The training page loads the walk's loader (for its data loader) and css too; since the loader
// imports the widget's glue only when it starts a widget, not that glue.
const TRAINING = ['oefenen.html', 'oefenen.js', 'oefenen.css', 'oefenen_wasm.js', 'oefenen_wasm_bg.wasm', 'favicon.svg', 'site.js', 'regiewijzer.css'];
console.log();
if (all.some((f) => f.name === 'oefenen.html')) table('training page (oefenen.html, separate)', all.filter((f) => TRAINING.includes(f.name)));
// The rule owner's page (beheer.html): what it loads before a guideline is opened, against its own
// budget; then the guideline files it opens, one at a time. No walk loads any of it.
const BEHEER = ['beheer.html', 'beheer.js', 'beheer.css', 'beheer_wasm.js', 'beheer_wasm_bg.wasm', 'favicon.svg', 'regiewijzer.css'];
const BEHEER_BUDGET_GZIP = 250 * 1024;
let beheer = 0;
if (all.some((f) => f.name === 'beheer.html')) {
  console.log();
  beheer = table("rule owner's page (beheer.html, separate)", all.filter((f) => BEHEER.includes(f.name)));
  console.log(`  ${beheer <= BEHEER_BUDGET_GZIP ? 'within' : 'OVER'} budget ${BEHEER_BUDGET_GZIP / 1024} KB`);
  console.log();
  table('rule files and texts it opens (dist/beheer/, one guideline at a time)', measure(join(dir, 'beheer')));
}
if (process.env.SIZE_JSON) console.log(JSON.stringify({ shell: shellGzip, worst, budget: BUDGET_GZIP, beheer, beheerBudget: BEHEER_BUDGET_GZIP }));
if (strict && (worst > BUDGET_GZIP || beheer > BEHEER_BUDGET_GZIP)) process.exit(1);
