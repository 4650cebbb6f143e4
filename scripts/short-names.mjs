// Gives a bundle's wasm imports and exports one- and two-letter names, in the wasm and in its
// wasm-bindgen glue together. wasm-bindgen names each import `__wbg_<method>_<16 hex digits>` and
// each closure export after its full Rust type; ~140 such names cost 2.0 KB gzip in the widget's
// wasm and again in its glue, and hex digits do not compress. Binaryen's
// `--minify-imports-and-exports-and-modules` renames them and prints the old → new table; this
// script applies that table to the glue and refuses (exit 1) when the glue does not have exactly
// the names the wasm has, so a change in wasm-bindgen's output cannot pass unnoticed.
// Build-time only. Usage: node scripts/short-names.mjs <dir> <out-name>   (e.g. dist regiewijzer_wasm)
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const FEATURES = ['--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext', '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue'];

export function rename(glue, table, oldModule, newModule) {
  const fail = (why) => {
    throw new Error(`short-names: ${why}`);
  };
  let js = glue;
  for (const [module, from, to] of table.imports) {
    if (module !== oldModule) fail(`import ${from} from module ${module}, expected ${oldModule}`);
    // An import is one key of the imports object: `        <name>: function(`.
    const key = new RegExp(`(\\n\\s+)${from}:`, 'g');
    const hits = js.match(key)?.length ?? 0;
    if (hits !== 1) fail(`import ${from} is ${hits} times a key in the glue, expected once`);
    js = js.replace(key, `$1${to}:`);
  }
  const moduleKey = `"${oldModule}": import0`;
  if (js.split(moduleKey).length !== 2) fail(`the glue does not name module ${oldModule} once`);
  js = js.replace(moduleKey, `"${newModule}": import0`);
  const exports = new Map(table.exports);
  js = js.replace(/\bwasm\.([A-Za-z_$][\w$]*)/g, (all, name) => {
    const to = exports.get(name);
    if (to === undefined) fail(`the glue uses export ${name}, which the wasm does not have`);
    return `wasm.${to}`;
  });
  // What is left of the old names: none may be.
  for (const [, from] of table.imports) if (js.includes(from)) fail(`import ${from} is still in the glue`);
  return js;
}

function main() {
  const [dir, name] = process.argv.slice(2);
  if (!dir || !name) {
    console.error('usage: node scripts/short-names.mjs <dir> <out-name>');
    process.exit(2);
  }
  const wasmFile = join(dir, `${name}_bg.wasm`);
  const glueFile = join(dir, `${name}.js`);
  const before = new WebAssembly.Module(readFileSync(wasmFile));
  const modules = [...new Set(WebAssembly.Module.imports(before).map((i) => i.module))];
  if (modules.length !== 1) throw new Error(`short-names: expected one import module, found ${modules.join(', ')}`);
  const out = execFileSync('node_modules/.bin/wasm-opt', ['--minify-imports-and-exports-and-modules', ...FEATURES, wasmFile, '-o', wasmFile], { encoding: 'utf8' });
  const table = JSON.parse(out.slice(out.indexOf('{')));
  const after = new WebAssembly.Module(readFileSync(wasmFile));
  const newModules = [...new Set(WebAssembly.Module.imports(after).map((i) => i.module))];
  if (newModules.length !== 1) throw new Error(`short-names: expected one import module after renaming, found ${newModules.join(', ')}`);
  writeFileSync(glueFile, rename(readFileSync(glueFile, 'utf8'), table, modules[0], newModules[0]));
  console.log(`[short-names] ${name}: ${table.imports.length} imports, ${table.exports.length} exports renamed`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
