// Writes the widget's three loaders from www/regiewijzer.js, before they are minified (so the
// minifier sees the stylesheet's text, or its absence, as it is):
//   regiewijzer.js  for host pages: carries the (themed, minified) stylesheet's text, which it adopts
//                   when the page lacks the stylesheet, so the first step needs no second request;
//   pagina.js       for pages that link regiewijzer.css in their head (a host page that does, the
//                   iframe page inbed.html): the same loader without the text;
//   site.js         for the widget's own pages (index.html, through start.js, and oefenen.html): the
//                   same as pagina.js, but `regiewijzer export` fills in the guidelines' ids without
//                   their first steps, which index.html holds as HTML.
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
const SITE = 'const SITE = false;';
if (source.split(SITE).length !== 2) {
  console.error(`loaders: www/regiewijzer.js needs exactly one ${SITE}`);
  process.exit(1);
}
writeFileSync(join(dist, 'pagina.js'), source.replace(PLACEHOLDER, "''"));
writeFileSync(join(dist, 'site.js'), source.replace(PLACEHOLDER, "''").replace(SITE, 'const SITE = true;'));
console.log(`[build] regiewijzer.js (with the stylesheet, ${css.length} chars), pagina.js and site.js`);
