// Writes the widget's two loaders from www/regiewijzer.js, before they are minified (so the
// minifier sees the stylesheet's text, or its absence, as it is):
//   regiewijzer.js  for host pages: carries the (themed, minified) stylesheet's text, which it adopts
//                   when the page lacks the stylesheet, so the first step needs no second request;
//   pagina.js       for the widget's own pages (index.html, inbed.html, oefenen.html), which link
//                   regiewijzer.css in their head: the same loader without the text.
// Usage: node scripts/loaders.mjs <dist> (after the stylesheet is in <dist>/regiewijzer.css).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dist = process.argv[2];
const source = readFileSync('www/regiewijzer.js', 'utf8');
const PLACEHOLDER = "'__RW_CSS__'";
if (source.split(PLACEHOLDER).length !== 2) {
  console.error(`loaders: www/regiewijzer.js needs exactly one ${PLACEHOLDER}`);
  process.exit(1);
}
const css = readFileSync(join(dist, 'regiewijzer.css'), 'utf8');
// The text as a JS string literal.
writeFileSync(join(dist, 'regiewijzer.js'), source.replace(PLACEHOLDER, () => JSON.stringify(css)));
writeFileSync(join(dist, 'pagina.js'), source.replace(PLACEHOLDER, "''"));
console.log(`[build] regiewijzer.js (with the stylesheet, ${css.length} chars) and pagina.js`);
