// Writes dist/sw.js from www/sw.js: the widget's shell (what its standalone page loads before a
// guideline is opened) to keep offline, and a version that changes with the content of every file
// the service worker may cache (a new build drops the old cache).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { minify } from 'terser';

const dist = process.argv[2] ?? 'dist';
const shell = ['index.html', 'start.js', 'site.js', 'regiewijzer_wasm.js', 'regiewijzer_wasm_bg.wasm', 'regiewijzer.css', 'favicon.svg'];
const files = [];
(function walk(dir) {
  for (const f of readdirSync(dir).sort()) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) { walk(p); continue; }
    const rel = relative(dist, p).split('\\').join('/');
    if (rel !== 'sw.js') files.push(rel);
  }
})(dist);
for (const f of shell) if (!files.includes(f)) throw new Error(`[sw] ${f} missing from ${dist}`);
const hash = createHash('sha256');
for (const f of files) hash.update(f).update(readFileSync(join(dist, f)));
const version = hash.digest('hex').slice(0, 12);
const list = ['./', ...shell];
const source = readFileSync('www/sw.js', 'utf8').replace('__VERSION__', version).replace('__FILES__', JSON.stringify(list));
// Minified like the widget's own JS: the standalone page registers it, so a first visit loads it.
const { code } = await minify(source, { compress: { passes: 2 }, mangle: true, format: { comments: false } });
writeFileSync(join(dist, 'sw.js'), code);
console.log(`[sw] shell of ${list.length} entries, version ${version}`);
