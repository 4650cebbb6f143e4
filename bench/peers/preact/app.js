// The floor for any framework: Preact (one 5 KB module, preloaded by index.html; no CSS) renders
// the first question of the Westfriesland walk as radio buttons; Volgende shows the next one.
// scripts/bench-peers.mjs serves preact.js from npm (target/peers/) and fills in the questions
// from rules/westfriesland.json.
import { h, render } from './preact.js';

const QUESTIONS = /*QUESTIONS*/[];
const answers = {};
let step = 0;

function view() {
  const q = QUESTIONS[step];
  const next = (e) => {
    e.preventDefault();
    if (answers[q.id] && step < QUESTIONS.length - 1) { step += 1; draw(); }
  };
  return h('form', { onSubmit: next },
    h('fieldset', null,
      h('legend', null, q.text),
      q.help && h('p', null, q.help),
      q.options.map((o) => h('div', { key: `${q.id}-${o.id}` },
        h('input', { type: 'radio', id: `${q.id}-${o.id}`, name: q.id, value: o.id,
          checked: answers[q.id] === o.id, onChange: () => { answers[q.id] = o.id; } }),
        h('label', { for: `${q.id}-${o.id}` }, o.label)))),
    h('button', { type: 'submit' }, 'Volgende'));
}

function draw() { render(view(), document.getElementById('app')); }
// On the host page (/preact/host.html, see bench-peers.mjs) the script is `async`: it may run before the parser reaches #app.
if (document.getElementById('app')) draw();
else document.addEventListener('DOMContentLoaded', draw, { once: true });
