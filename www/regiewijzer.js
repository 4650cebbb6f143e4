// Starts the Regiewijzer widget: one external module script, so a page works under a strict
// Content-Security-Policy (no inline script). All paths are relative to this file, so the widget
// works from any sub-folder. A web editor pastes two lines:
//
//   <script type="module" src="/pad/naar/regiewijzer/regiewijzer.js"></script>
//   <regie-wijzer richtlijn="westfriesland" rol="zorgaanbieder"></regie-wijzer>
//
// Attributes of <regie-wijzer>: richtlijn (one id, or a comma list to offer), gemeente, rol
// (toegang/zorgaanbieder), contact (the gemeente's contact point), url-state (aan/uit; on/off).
// `<div id="regiewijzer" data-…>` keeps working with the same options as data attributes.
// A guideline's data (regels/<id>.rwd) is fetched when it is opened; the one named in the address
// bar right away, in parallel with the wasm. The stylesheet is added once if the page lacks it.
import init, { mount } from './regiewijzer_wasm.js';

const here = new URL('.', import.meta.url);
const cache = new Map();
let ready;

/** The bytes of a guideline's data file, fetched once per page. */
function load(id) {
  if (!cache.has(id)) {
    cache.set(id, fetch(new URL(`regels/${encodeURIComponent(id)}.rwd`, here))
      .then((r) => { if (!r.ok) throw new Error(`het gegevensbestand is niet gevonden (HTTP ${r.status})`); return r.arrayBuffer(); })
      .then((b) => new Uint8Array(b)));
  }
  return cache.get(id);
}

function stylesheet() {
  const href = new URL('regiewijzer.css', here).href;
  if ([...document.querySelectorAll('link[rel="stylesheet"]')].some((l) => l.href === href)) return;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  document.head.append(link);
}

/** Mounts one widget; `get(name)` reads an option (attribute or data attribute). */
function boot(root, get) {
  stylesheet();
  const several = document.querySelectorAll('regie-wijzer, #regiewijzer').length > 1;
  const flag = (get('url-state') ?? '').toLowerCase();
  // The walk lives in the URL unless switched off; with several widgets on one page, only where asked.
  const urlState = flag ? ['aan', 'on', 'ja', 'true'].includes(flag) : !several;
  const first = urlState ? location.hash.slice(1).split('/')[0].toLowerCase() : '';
  if (/^[a-z0-9_-]+$/.test(first)) load(first).catch(() => {});
  ready ??= init({ module_or_path: new URL('regiewijzer_wasm_bg.wasm', import.meta.url) });
  ready
    .then(() => mount(root, {
      load,
      urlState,
      richtlijn: get('richtlijn'),
      gemeente: get('gemeente'),
      rol: get('rol'),
      contact: get('contact'),
      home: new URL('index.html', here).href,
    }))
    .catch(() => {
      root.textContent = 'De Regiewijzer kon niet worden geladen. Vernieuw de pagina of neem contact op met de beheerder van deze site.';
    });
}

const div = document.getElementById('regiewijzer');
if (div) {
  boot(div, (name) => div.getAttribute(`data-${name}`) ?? undefined);
}

if (!customElements.get('regie-wijzer')) {
  customElements.define('regie-wijzer', class extends HTMLElement {
    connectedCallback() {
      if (this.dataset.rwGestart) return;
      this.dataset.rwGestart = 'ja';
      boot(this, (name) => this.getAttribute(name) ?? undefined);
    }
  });
}
