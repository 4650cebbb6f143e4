// Minifies the widget's own JS (terser) and CSS (comments and whitespace out, strings kept) in
// place. Build-time only; nothing here is shipped. Usage: node scripts/minify.mjs file.js|file.css …
import { readFileSync, writeFileSync } from 'node:fs';
import { minify } from 'terser';

/** CSS: drops comments, collapses whitespace and writes `0.5` as `.5`, outside quoted strings. */
export function minifyCss(css) {
  let out = '';
  for (let i = 0; i < css.length; i += 1) {
    const c = css[i];
    if (c === '"' || c === "'") {
      const end = css.indexOf(c, i + 1);
      out += css.slice(i, end + 1);
      i = end;
    } else if (c === '0' && css[i + 1] === '.' && /\d/.test(css[i + 2] ?? '') && !/[\w.#]/.test(out[out.length - 1] ?? '')) {
      // A leading zero (`0.5rem`, `-0.5rem`), not one inside a number (`10.5`) or a name. (Not for
      // an unquoted url(): the stylesheets have none.)
    } else if (c === '/' && css[i + 1] === '*') {
      i = css.indexOf('*/', i + 2) + 1;
    } else if (/\s/.test(c)) {
      while (/\s/.test(css[i + 1] ?? '')) i += 1;
      const prev = out[out.length - 1] ?? '{';
      const next = css[i + 1] ?? '}';
      if (!'{};:,>'.includes(prev) && !'{};,>'.includes(next)) out += ' ';
    } else {
      out += c;
    }
  }
  return out.replace(/;}/g, '}');
}

/** HTML: drops comments (not `<!-- richtlijnen -->` and `<!-- eerste stappen -->`, which the export fills in) and the
 *  indentation between tags (a line break with spaces; spaces within a line are kept). */
export function minifyHtml(html) {
  return html.replace(/<!--(?! richtlijnen -->| eerste stappen -->)[^]*?-->/g, '').replace(/>\s*\n\s*</g, '><').trim();
}

for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, 'utf8');
  const result = file.endsWith('.css')
    ? minifyCss(text)
    : file.endsWith('.html')
    ? minifyHtml(text)
    : (await minify(text, { module: true, compress: { passes: 2 }, mangle: true, format: { comments: false } })).code;
  writeFileSync(file, result);
  console.log(`[minify] ${file}: ${text.length} → ${result.length} bytes`);
}
