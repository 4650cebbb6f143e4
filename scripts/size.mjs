// Size report of the release bundle: raw and gzip bytes per file, the widget's total against its
// budget, and the separate JS API bundle (dist/api/, not part of the widget).
// Usage: node scripts/size.mjs [dist]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_GZIP = 120 * 1024; // whole widget, all regions
const dir = process.argv[2] ?? 'dist';
const kb = (n) => (n / 1024).toFixed(1).padStart(7);

function report(title, folder, budget) {
  const files = readdirSync(folder).filter((f) => statSync(join(folder, f)).isFile()).sort();
  let raw = 0;
  let gz = 0;
  console.log(`${title.padEnd(30)} raw KB   gzip KB`);
  for (const f of files) {
    const bytes = readFileSync(join(folder, f));
    const g = gzipSync(bytes, { level: 9 }).length;
    raw += bytes.length;
    gz += g;
    console.log(`  ${f.padEnd(28)} ${kb(bytes.length)}   ${kb(g)}`);
  }
  const verdict = budget ? `   (budget ${budget / 1024} KB gzip: ${gz <= budget ? 'within' : 'OVER'})` : '';
  console.log(`  ${'TOTAL'.padEnd(28)} ${kb(raw)}   ${kb(gz)}${verdict}`);
  return { raw, gzip: gz };
}

const widget = report('widget (dist/)', dir, BUDGET_GZIP);
const api = report('JS API (dist/api/, separate)', join(dir, 'api'));
if (process.env.SIZE_JSON) console.log(JSON.stringify({ widget, api, budget: BUDGET_GZIP }));
