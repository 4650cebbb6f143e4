// Writes the widget's three loaders from www/regiewijzer.js, before they are minified:
//   regiewijzer.js  for host pages: scripts/first-css.mjs then fills in the rules of the stylesheet
//                   that a first step uses, which it adopts when the page lacks the stylesheet, so
//                   the first step needs no second request (the whole sheet follows once it is painted);
//   pagina.js       for pages that link regiewijzer.css in their head (a host page that does, the
//                   iframe page inbed.html): the same loader without those rules;
//   site.js         for the widget's own pages (index.html, through start.js, and oefenen.html): the
//                   same as pagina.js, but `regiewijzer export` fills in the guidelines' ids without
//                   their first steps, which index.html holds as HTML.
// Usage: node scripts/loaders.mjs <dist>
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dist = process.argv[2];
const source = readFileSync('www/regiewijzer.js', 'utf8');
const SITE = 'const SITE = false;';
if (source.split(SITE).length !== 2) {
  console.error(`loaders: www/regiewijzer.js needs exactly one ${SITE}`);
  process.exit(1);
}
writeFileSync(join(dist, 'regiewijzer.js'), source);
writeFileSync(join(dist, 'pagina.js'), source);
writeFileSync(join(dist, 'site.js'), source.replace(SITE, 'const SITE = true;'));
console.log('[build] regiewijzer.js, pagina.js and site.js');
