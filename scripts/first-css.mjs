// The rules of the stylesheet a first step can use, for the loader of host pages (regiewijzer.js):
// it adopts these at once (a third of the sheet) and fetches the whole sheet once the first frame is
// painted (www/regiewijzer.js, stylesheet()). Run by scripts/build.sh after
// `regiewijzer export` has written the first steps into regiewijzer.js, before the minifier.
//
// A rule is kept when every class its selectors need is one the first steps carry (the five steps as
// regiewijzer.js holds them, plus `rw-overgang`, which the loader adds), or when it needs none; what
// `:not(…)` names does not count. The widget's own page (its list, the page title, the `:target`
// rules) links the whole sheet, so its rules are not carried. The print rules of the steps' classes
// stay: when fetching the whole sheet fails, it comes as a link, whose rules precede the adopted
// ones. Rules stay in their order, inside their @media, so the cascade is the whole sheet's. The
// browser test (tests/browser/first-step.test.mjs) compares, embedded, the first step's computed
// style under these rules and under the whole sheet.
// Usage: node scripts/first-css.mjs <dist>
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dist = process.argv[2];
const PLACEHOLDER = /(['"])__RW_CSS_EERSTE_STAP__\1/;

/** The classes in the class attributes in `html` (a page, or the loader with its steps as strings). */
export function classes(html) {
  const out = new Set(['rw-overgang']);
  for (const m of html.matchAll(/class="([^"]*)"/g)) for (const c of m[1].split(/\s+/)) if (c) out.add(c);
  return out;
}

/** The rules of `css` (minified or not; comments allowed) whose selectors need only classes in `have`. */
export function firstRules(css, have) {
  css = css.replace(/\/\*[^]*?\*\//g, '');
  const keep = (selectors) => selectors.split(',').some((sel) => {
    const needed = [...sel.replace(/:not\([^)]*\)/g, '').matchAll(/\.([\w-]+)/g)].map((m) => m[1]);
    return needed.every((c) => have.has(c));
  });
  let out = '';
  let i = 0;
  const block = (from) => { // index of the `}` closing the block that opens at css[from] == '{'
    let depth = 0;
    for (let j = from; j < css.length; j++) {
      if (css[j] === '{') depth++;
      else if (css[j] === '}' && --depth === 0) return j;
    }
    throw new Error('first-css: unbalanced braces');
  };
  while (i < css.length) {
    const open = css.indexOf('{', i);
    if (open < 0) break;
    const head = css.slice(i, open).trim();
    const close = block(open);
    if (head.startsWith('@media') || head.startsWith('@supports')) {
      const inner = firstRules(css.slice(open + 1, close), have);
      if (inner) out += `${head}{${inner}}`;
    } else if (head.startsWith('@')) {
      out += css.slice(i, close + 1).trim();
    } else if (keep(head)) {
      out += `${head}{${css.slice(open + 1, close).trim()}}`;
    }
    i = close + 1;
  }
  return out;
}

/** The rules of `dist`'s stylesheet that the steps in its `regiewijzer.js` use (the build writes them
 *  into that file; the browser test compares the step under them and under the whole sheet). */
export function stepRules(dist) {
  return firstRules(readFileSync(join(dist, 'regiewijzer.css'), 'utf8'), classes(readFileSync(join(dist, 'regiewijzer.js'), 'utf8')));
}

if (dist) {
  const css = readFileSync(join(dist, 'regiewijzer.css'), 'utf8');
  const first = stepRules(dist);
  for (const [name, text] of [['regiewijzer.js', first], ['pagina.js', ''], ['site.js', '']]) {
    const file = join(dist, name);
    const js = readFileSync(file, 'utf8');
    if (!PLACEHOLDER.test(js)) {
      console.error(`first-css: ${name} has no __RW_CSS_EERSTE_STAP__`);
      process.exit(1);
    }
    writeFileSync(file, js.replace(PLACEHOLDER, () => JSON.stringify(text)));
  }
  console.log(`[build] the first step's rules: ${first.length} of ${css.length} chars of the stylesheet, in regiewijzer.js`);
}
