// Starts the Regiewijzer widget. An external module script, so the page works under a strict
// Content-Security-Policy (no inline script). All paths are relative to this file, so the widget
// also works from a sub-folder of a site. A guideline's data (regels/<id>.rwd) is fetched when it is
// opened; the one named in the address bar is fetched right away, in parallel with the wasm.
import init, { mount } from './regiewijzer.js';

const here = new URL('.', import.meta.url);
const cache = new Map();

/** The bytes of a guideline's data file, fetched once per page. */
function load(id) {
  if (!cache.has(id)) {
    cache.set(id, fetch(new URL(`regels/${encodeURIComponent(id)}.rwd`, here))
      .then((r) => { if (!r.ok) throw new Error(`het gegevensbestand is niet gevonden (HTTP ${r.status})`); return r.arrayBuffer(); })
      .then((b) => new Uint8Array(b)));
  }
  return cache.get(id);
}

const root = document.getElementById('regiewijzer');
if (root) {
  const urlState = root.dataset.urlState !== 'uit';
  const first = urlState ? location.hash.slice(1).split('/')[0].toLowerCase() : '';
  if (/^[a-z0-9_-]+$/.test(first)) load(first).catch(() => {});
  init({ module_or_path: new URL('regiewijzer_bg.wasm', import.meta.url) })
    .then(() => mount(root, {
      load,
      urlState,
      richtlijn: root.dataset.richtlijn,
      gemeente: root.dataset.gemeente,
      rol: root.dataset.rol,
      contact: root.dataset.contact,
      home: new URL('index.html', here).href,
    }))
    .catch(() => {
      root.textContent = 'De Regiewijzer kon niet worden geladen. Vernieuw de pagina of neem contact op met de beheerder van deze site.';
    });
}
