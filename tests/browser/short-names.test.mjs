// scripts/short-names.mjs: the glue gets exactly the wasm's new names, or the build stops.
// (No browser needed; it sits with the other node tests. The browser tests then run the renamed
// bundles for real.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rename } from '../../scripts/short-names.mjs';

const glue = `function __wbg_get_imports() {
    const import0 = {
        __proto__: null,
        __wbg_focus_d5e2fdbdb56416f0: function(arg0) {
            arg0.focus();
        },
        __wbg_print_489eee3e558fe3b1: function(arg0) {
            arg0.print();
        },
    };
    return {
        __proto__: null,
        "./w_bg.js": import0,
    };
}
function mount(root) { const ret = wasm.mount(root); wasm.__wbindgen_free(ret, 4); return new Uint8Array(wasm.memory.buffer); }
`;
const table = {
  imports: [
    ['./w_bg.js', '__wbg_focus_d5e2fdbdb56416f0', 'a'],
    ['./w_bg.js', '__wbg_print_489eee3e558fe3b1', 'b'],
  ],
  exports: [
    ['mount', 'c'],
    ['__wbindgen_free', 'd'],
    ['memory', 'e'],
  ],
};

test('imports, the module and the exports get their new names', () => {
  const js = rename(glue, table, './w_bg.js', 'a');
  assert.match(js, /\n\s+a: function\(arg0\) \{\n\s+arg0\.focus\(\);/);
  assert.match(js, /\n\s+b: function\(arg0\) \{\n\s+arg0\.print\(\);/);
  assert.match(js, /"a": import0/);
  assert.match(js, /wasm\.c\(root\); wasm\.d\(ret, 4\); return new Uint8Array\(wasm\.e\.buffer\)/);
  assert.doesNotMatch(js, /__wbg_[a-z]+_[0-9a-f]{16}|wasm\.mount|wasm\.memory|\.\/w_bg\.js/);
});

test('a glue that does not match the wasm stops the build', () => {
  const missing = { ...table, imports: [...table.imports, ['./w_bg.js', '__wbg_gone_0000000000000000', 'z']] };
  assert.throws(() => rename(glue, missing, './w_bg.js', 'a'), /__wbg_gone_0000000000000000 is 0 times/);
  const noExport = { ...table, exports: table.exports.filter(([n]) => n !== 'memory') };
  assert.throws(() => rename(glue, noExport, './w_bg.js', 'a'), /uses export memory/);
  assert.throws(() => rename(glue, table, './other.js', 'a'), /from module \.\/w_bg\.js/);
});
