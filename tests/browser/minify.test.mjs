// scripts/minify.mjs: what the CSS minifier drops, and what it must leave alone.
// (No browser needed; it sits with the other node tests.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { minifyCss } from '../../scripts/minify.mjs';

test('CSS: comments and whitespace out, leading zeros dropped, strings and other numbers kept', () => {
  const css = `/* a comment */
.rw-a { margin: 0.5rem 0 0.25rem; letter-spacing: 0.04em; }
.rw-b { stroke-width: 10.5; opacity: 0.55; translate: -0.5rem; }
.rw-c::after { content: "0.5 — 0.5"; font-family: 'Font 0.5', sans-serif; }
.rw-d { width: calc(100% - 0.5rem); line-height: 0; }
`;
  assert.equal(minifyCss(css),
    '.rw-a{margin:.5rem 0 .25rem;letter-spacing:.04em}' +
    '.rw-b{stroke-width:10.5;opacity:.55;translate:-.5rem}' +
    '.rw-c::after{content:"0.5 — 0.5";font-family:\'Font 0.5\',sans-serif}' +
    '.rw-d{width:calc(100% - .5rem);line-height:0}');
});
