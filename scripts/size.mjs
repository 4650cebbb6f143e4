// Size report of the release bundle: raw and gzip bytes per file and in total, against the budget.
// Usage: node scripts/size.mjs [dist]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_GZIP = 120 * 1024; // whole widget, all regions
const dir = process.argv[2] ?? 'dist';
const files = readdirSync(dir).filter((f) => statSync(join(dir, f)).isFile()).sort();
let raw = 0;
let gz = 0;
const rows = files.map((f) => {
  const bytes = readFileSync(join(dir, f));
  const g = gzipSync(bytes, { level: 9 }).length;
  raw += bytes.length;
  gz += g;
  return [f, bytes.length, g];
});
const kb = (n) => (n / 1024).toFixed(1).padStart(7);
console.log('file                         raw KB   gzip KB');
for (const [f, r, g] of rows) console.log(`${f.padEnd(26)} ${kb(r)}   ${kb(g)}`);
console.log(`${'TOTAL'.padEnd(26)} ${kb(raw)}   ${kb(gz)}   (budget ${BUDGET_GZIP / 1024} KB gzip: ${gz <= BUDGET_GZIP ? 'within' : 'OVER'})`);
if (process.env.SIZE_JSON) console.log(JSON.stringify({ raw, gzip: gz, budget: BUDGET_GZIP, files: rows }));
