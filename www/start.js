// The widget's own page (index.html) starts here: a few hundred bytes, async, so that it holds up
// neither the page's first frame nor its parser. The page holds each guideline's first step as HTML,
// and its stylesheet shows the one the address names (`#westfriesland`) instead of the list: the
// first question is on screen with the first frame, before any script. This script makes that step
// the one the loader hands over to the widget (the widget's ids; Volgende and the buttons pressed on
// it are kept, as the loader's firstStep does) and drops the others; once the frame is painted it
// gives the step the focus (as the widget does with a new question) and asks for the widget's loader
// (site.js) and its wasm at once.
const root = document.getElementById('regiewijzer');
const step = root.querySelector('.rw-anker:target + .rw-statisch');
if (step) {
  step.classList.remove('rw-statisch');
  for (const el of step.querySelectorAll('*')) for (const a of el.attributes) if (/^rws\d/.test(a.value)) a.value = a.value.replace(/^rws\d+/, 'rw1');
  // What is pressed before the loader is there, recorded as the loader's firstStep does (which
  // takes `rwEarly` over): the same few lines, kept here so that this file needs no other.
  const form = step.querySelector('form'), early = (step.rwEarly = []);
  form.onsubmit = (e) => {
    e.preventDefault();
    early.push(-1);
  };
  step.onclick = (e) => {
    const b = e.target.closest('[type=button]');
    if (b?.dataset.rw == 'opnieuw') form.reset();
    else if (b) early.push([...step.querySelectorAll('button,input')].indexOf(b));
  };
}
// The list and the other steps go (as when the loader writes a step); without a step, only the steps.
for (const el of [...root.children]) if (step ? el != step : el.matches('.rw-anker,.rw-statisch')) el.remove();

// Once the frame is painted (the loader's painted(), written again: this file must stay small).
new Promise((ok) => {
  requestAnimationFrame(() => setTimeout(ok));
  setTimeout(ok, 100);
}).then(() => {
  if (step?.isConnected && document.activeElement == document.body) step.querySelector('input').focus();
  // The wasm, the largest file, is asked for now (the loader's own request for it gets this one);
  // the loader, the glue and the guideline's data are small beside it and come in its time.
  document.head.append(Object.assign(document.createElement('link'), { rel: 'preload', as: 'fetch', crossOrigin: '', href: 'regiewijzer_wasm_bg.wasm' }));
  import('./site.js');
});
