// Starts the Regiewijzer widget: one external module script, so a page works under a strict
// Content-Security-Policy (no inline script). All paths are relative to this file, so the widget
// works from any sub-folder. A web editor pastes two lines:
//
//   <script type="module" src="/pad/naar/regiewijzer/regiewijzer.js"></script>
//   <regie-wijzer richtlijn="westfriesland" rol="zorgaanbieder"></regie-wijzer>
//
// Attributes of <regie-wijzer>: richtlijn (one id, or a comma list to offer), gemeente, rol
// (toegang/zorgaanbieder), contact (the gemeente's contact point), url-state (aan/uit; on/off),
// config (URL of the gemeente's configuration file, same origin; its problems go to the console),
// regels (URL of the gemeente's own rule file, same origin; or `regels` in the configuration file:
// then eigen.js and the bundle that checks it (eigen/) are loaded, otherwise nothing of them).
// `<div id="regiewijzer" data-…>` keeps working with the same options as data attributes.
// A guideline's data (regels/<id>.rwd) is fetched when it is opened; the one named in the address
// bar right away, in parallel with the wasm, when the page's list of guidelines names it. The
// stylesheet is added once if the page lacks it.
import init, { mount } from './regiewijzer_wasm.js';

const here = new URL('.', import.meta.url);
const cache = new Map();
let ready;

/** The bytes of a guideline's data file (`regels/<id>.rwd`), fetched once per page. The training
 *  page (oefenen.js) uses it too, also for the case files (`<id>.casus`). */
export function load(id) {
  if (!cache.has(id)) {
    cache.set(id, fetch(new URL(`regels/${encodeURIComponent(id)}.rwd`, here))
      .catch(() => { throw new Error('er is geen verbinding, en zonder verbinding werken alleen richtlijnen die op dit apparaat al eens geopend zijn'); })
      .then((r) => { if (!r.ok) throw new Error(`het gegevensbestand is niet gevonden (HTTP ${r.status})`); return r.arrayBuffer(); })
      .then((b) => new Uint8Array(b))
      .catch((e) => { cache.delete(id); throw e; }));
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

/** The configuration file's text (same origin only), or undefined; a failure is a console warning. */
async function configText(url) {
  if (!url) return undefined;
  const u = new URL(url, location.href);
  if (u.origin !== location.origin) {
    console.warn(`Regiewijzer, configuratie: ${u.href} staat niet op dit domein en wordt niet gelezen.`);
    return undefined;
  }
  try {
    const r = await fetch(u);
    if (!r.ok) throw new Error(`HTTP ${r.status}`);
    return await r.text();
  } catch (e) {
    console.warn(`Regiewijzer, configuratie: ${u.href} is niet te laden (${e.message}); de standaardwaarden gelden.`);
    return undefined;
  }
}

/** Mounts one widget; `get(name)` reads an option (attribute or data attribute). */
function boot(root, get) {
  stylesheet();
  const several = document.querySelectorAll('regie-wijzer, #regiewijzer').length > 1;
  const flag = (get('url-state') ?? '').toLowerCase();
  // The walk lives in the URL unless switched off; with several widgets on one page, only where asked.
  const urlState = flag ? ['aan', 'on', 'ja', 'true'].includes(flag) : !several;
  const first = urlState ? location.hash.slice(1).split('/')[0].toLowerCase() : '';
  const config = configText(get('config'));
  // A gemeente's own rule file, named here or in the configuration file: checked by eigen.js, lazily.
  const own = config.then((c) => (get('regels') || /"regels"/.test(c)) && import('./eigen.js').then((m) => m.ownRules(get('regels'), c, cache, root))).catch(() => {});
  // The guideline in the address bar, fetched at once when the page's static list (index.html) names
  // it, unless an own rule file is named (its id has no regels/ file). An id not in the list is never
  // fetched (no 404): the widget says it is unknown; on a page without the list, the widget fetches
  // a known one itself when it starts.
  if ([...document.querySelectorAll('.rw-regio-link')].some((a) => a.hash == '#' + first)) own.then((o) => o === false && load(first)).catch(() => {});
  ready ??= init({ module_or_path: new URL('regiewijzer_wasm_bg.wasm', import.meta.url) });
  Promise.all([ready, config, own])
    .then(([, config, eigen]) => mount(root, {
      load,
      urlState,
      richtlijn: get('richtlijn'),
      gemeente: get('gemeente'),
      rol: get('rol'),
      contact: get('contact'),
      home: new URL('index.html', here).href,
      config,
      eigen: eigen || undefined,
    }))
    .then((problems) => {
      for (const p of problems ?? []) console.warn(`Regiewijzer, configuratie: ${p}`);
    })
    .catch(() => {
      root.textContent = 'De Regiewijzer kon niet worden geladen. Vernieuw de pagina of neem contact op met de beheerder van deze site.';
    });
}

// Offline after one visit, on the widget's own page only (never on a host page elsewhere).
if ('serviceWorker' in navigator && location.href.startsWith(here.href) && document.documentElement.dataset.offline !== 'uit') {
  navigator.serviceWorker.register(new URL('sw.js', here), { scope: here.pathname }).catch(() => {});
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
