// Builds the widget's default house style from the NL Design System example theme ("voorbeeld",
// npm @nl-design-system-unstable/voorbeeld-design-tokens, EUPL-1.2): the few design tokens the widget
// uses, resolved to plain values and renamed --rw-v-<token>, prepended to the widget's CSS. The CSS
// reads each token as var(--<token>, var(--rw-v-<token>)), so a gemeente's own theme class on the
// host page (which sets --<token>) restyles the widget, and without one the example theme applies.
// Usage: node scripts/theme.mjs in.css out.css
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const pkg = dirname(require.resolve('@nl-design-system-unstable/voorbeeld-design-tokens/package.json'));
const theme = readFileSync(join(pkg, 'dist/theme.css'), 'utf8');

const tokens = new Map();
for (const m of theme.matchAll(/(--[a-z0-9-]+)\s*:\s*([^;]+);/g)) if (!tokens.has(m[1])) tokens.set(m[1], m[2].trim());

/** A token's value with every var(--x) replaced by x's value. */
function resolve(name, seen = new Set()) {
  if (seen.has(name)) throw new Error(`theme.mjs: cycle at ${name}`);
  const value = tokens.get(name);
  if (value === undefined) return undefined;
  seen.add(name);
  return value.replace(/var\((--[a-z0-9-]+)\)/g, (_, inner) => {
    const v = resolve(inner, new Set(seen));
    if (v === undefined) throw new Error(`theme.mjs: ${name} uses ${inner}, which the theme does not define`);
    return v;
  });
}

const [input, output] = process.argv.slice(2);
const css = readFileSync(input, 'utf8');
// Every token the widget CSS reads with a --rw-v- fallback.
const used = [...new Set([...css.matchAll(/var\(--rw-v-([a-z0-9-]+)/g)].map((m) => `--${m[1]}`))].sort();
const missing = used.filter((t) => resolve(t) === undefined);
if (missing.length) throw new Error(`theme.mjs: not in the voorbeeld theme: ${missing.join(', ')}`);
const block = `/* NL Design System voorbeeld theme (EUPL-1.2), the tokens this widget uses */\n.rw, .rw-pagina {\n${used.map((t) => `  --rw-v-${t.slice(2)}: ${resolve(t)};`).join('\n')}\n}\n`;
writeFileSync(output, block + css);
console.log(`[theme] ${used.length} tokens from the voorbeeld theme`);
