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
// A guideline's data (regels/<id>.rwd) is fetched when it is opened; the one the widget opens on
// (the address bar, or the one `richtlijn`) in parallel with the wasm (both once its first step is
// painted, when the loader shows one). The loader holds
// each guideline's first step as HTML, written at build time by the widget's own code
// (src/ui/first_step.rs): it shows it at once, so the first question can be answered before the
// wasm is there; the wasm then renders the same page and gets the answer (and a press on Volgende
// or a button) handed over. The stylesheet is added once if the page lacks it.
//
// The build writes this file three times (scripts/loaders.mjs): `regiewijzer.js`, for host pages,
// carries the rules of the stylesheet that a first step uses and adopts them as a constructed
// stylesheet when the page lacks the stylesheet (no request before the first step: it is on screen one
// round trip sooner; a constructed sheet is made by this script, so the CSP's `style-src 'self'` has
// nothing to check), and the whole stylesheet once that step is painted; `pagina.js`, for pages
// that link regiewijzer.css in their head (a host page that does, the iframe page), carries no rules;
// `site.js`, for the widget's own pages (index.html, through start.js, and oefenen.html), carries
// neither the rules nor the first steps (index.html holds those as HTML), only the ids.

const here = new URL('.', import.meta.url);
// The built-in guidelines, each with its first step (filled in at build time by `regiewijzer
// export`; '' in site.js): only these ids are fetched.
const STEPS = '__RW_EERSTE_STAPPEN__';
// The rules of the stylesheet that a first step uses, in their order (filled in at build time by
// scripts/first-css.mjs from the steps' classes; empty in pagina.js and site.js). Whether they are
// adopted, and once the whole stylesheet has taken their place (see stylesheet()).
const FIRST_CSS = '__RW_CSS_EERSTE_STAP__';
// Whether this is site.js, for the widget's own pages: they link the stylesheet and hold no
// <regie-wijzer> (scripts/loaders.mjs sets it; the minifier then drops what they do not use).
const SITE = false;
const cache = new Map();
let ready, adopted, whole;

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

// The address bar follows the walk: the widget gives each step's fragment (a new history entry, or
// in place) and it is written once the frame that shows the step is painted (`painted`): Chromium's
// pushState takes 3-4 ms, 6-14 ms at 4x CPU, that the step would otherwise wait for. A write still
// waiting goes first, so every step keeps its own entry; Back or Forward drops it (it would land
// after the move).
let waiting;
const write = () => {
  const w = waiting;
  waiting = 0;
  if (w && new URL(w[0], location).href != location.href) history[w[1] ? 'pushState' : 'replaceState'](null, '', w[0]);
};
addEventListener('popstate', () => (waiting = 0));
/** Writes `fragment` to the address bar after the next paint ('' keeps the page's own address
 *  without '#'); without one, writes what still waits. Called with nothing: a Promise that
 *  resolves once the frame being made is painted (the widget then shows the rest of an outcome).
 *  The training page (oefenen.js) uses it too. */
export function address(fragment, push) {
  if (push === undefined) return painted();
  write();
  if (fragment != null) {
    waiting = [fragment ? `#${fragment}` : location.pathname + location.search, push];
    painted().then(write);
  }
}

/** The widget's glue with its wasm instantiated: both fetched at once, started once. */
function widget() {
  return ready ??= Promise.all([import('./regiewijzer_wasm.js'), fetch(new URL('regiewijzer_wasm_bg.wasm', import.meta.url))])
    .then(([m, wasm]) => m.default({ module_or_path: wasm }).then(() => m));
}

/** Resolves after the next frame is painted (a task posted from requestAnimationFrame runs after
 *  that frame), or after 100 ms where no frame comes (a tab in the background). */
function painted() {
  return new Promise((ok) => {
    requestAnimationFrame(() => setTimeout(ok));
    setTimeout(ok, 100);
  });
}

/** Adds the stylesheet when the page lacks it; resolves once it is there. When this file carries the
 *  rules a first step uses (FIRST_CSS, a third of the sheet: the same rules in the same order) and
 *  the browser has constructed stylesheets, those are adopted at once, and once the frame is painted
 *  the whole stylesheet is fetched and takes their place, at the same place in the cascade (`whole`,
 *  which the widget's mount waits for; it is fetched beside the wasm). Else, or when that fetch
 *  fails, a link. */
function stylesheet() {
  const href = new URL('regiewijzer.css', here).href;
  if (adopted || [...document.querySelectorAll('link[rel="stylesheet"]')].some((l) => l.href === href)) return;
  const link = () => {
    const l = document.createElement('link');
    l.rel = 'stylesheet';
    l.href = href;
    document.head.append(l);
    return new Promise((ok) => { l.onload = l.onerror = ok; });
  };
  if (!FIRST_CSS || !document.adoptedStyleSheets) return link();
  const sheet = (text) => {
    const s = new CSSStyleSheet({ baseURL: here.href });
    s.replaceSync(text);
    return s;
  };
  const first = (adopted = sheet(FIRST_CSS));
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, first];
  whole = painted()
    .then(() => fetch(href))
    .then((r) => (r.ok ? r.text() : Promise.reject()))
    .then((text) => { document.adoptedStyleSheets = document.adoptedStyleSheets.map((s) => (s == first ? sheet(text) : s)); })
    .catch(link);
}

/** Shows guideline `id`'s first step in `root` (or takes the one the widget's own page shows, see
 *  start.js) and keeps what is done there: the presses on a button (by their place among the
 *  controls) or on Volgende. Returns the hand-over, to call just
 *  before the widget's mount (which then renders hidden, the step just before it): once the widget
 *  shows the same question, the step is removed in the same frame and the widget gets the choice,
 *  the presses and the focus. */
function firstStep(root, id, single, shown) {
  // The page offers no other guideline: no "andere richtlijn" in the head (as the widget renders it).
  // (The widget's own page always shows the step itself: site.js leaves this out.)
  if (!SITE && !shown) root.innerHTML = single ? STEPS[id].replace(/ <button[^>]*app:kies.*?<\/button>/, '') : STEPS[id];
  const step = root.firstChild, form = step.querySelector('form'), name = form.querySelector('input').name, clicks = step.rwEarly ?? [];
  const controls = (el) => [...el.querySelectorAll('button,input')];
  form.onsubmit = (e) => {
    e.preventDefault();
    clicks.push(-1);
  };
  step.onclick = (e) => {
    const b = e.target.closest('[type=button]');
    if (b?.dataset.rw == 'opnieuw') form.reset();
    else if (b) clicks.push(controls(step).indexOf(b));
  };
  // As the widget does with a new question: the keyboard focus on its first option, once the step
  // is painted (focusing lays the page out at once, and the focus ring costs the first frame more),
  // unless something has the focus by then.
  painted().then(() => step.isConnected && document.activeElement == document.body && form.querySelector('input').focus());
  const handOver = () => {
    const before = document.activeElement, focus = controls(step).indexOf(before);
    // The mount empties the root: the step waits just before it, the widget renders hidden.
    root.before(step);
    root.classList.add('rw-overgang');
    let frames = 300;
    // Before each frame is painted: does the widget show the same question, or another step (a
    // problem, such as data that could not be loaded), or has it taken too long?
    const give = () => {
      const widget = root.firstElementChild, input = widget?.querySelector(`[name="${name}"]`);
      if (!input && !(widget?.querySelector('.rw-stap') && !widget.querySelector('.rw-laden')) && frames--) return requestAnimationFrame(give);
      const checked = form.querySelector(':checked')?.value;
      step.remove();
      root.classList.remove('rw-overgang');
      if (!input) return;
      if (checked) widget.querySelector(`[name="${name}"][value="${checked}"]`).click();
      for (const i of clicks) i < 0 ? input.form.requestSubmit() : controls(widget)[i]?.click();
      // The focus where it was: on the same control, or outside the widget.
      if (!clicks.includes(-1)) (focus < 0 ? before : controls(widget)[focus])?.focus();
    };
    requestAnimationFrame(give);
  };
  handOver.id = name.slice(4);
  return handOver;
}

/** Mounts one widget; `get(name)` reads an option (attribute or data attribute). */
function boot(root, get) {
  const css = SITE || stylesheet();
  const several = document.querySelectorAll('regie-wijzer, #regiewijzer').length > 1;
  const flag = (get('url-state') ?? '').toLowerCase();
  // The walk lives in the URL unless switched off; with several widgets on one page, only where asked.
  const urlState = flag ? ['aan', 'on', 'ja', 'true'].includes(flag) : !several;
  const offer = (get('richtlijn') ?? '').toLowerCase().split(',').map((s) => s.trim()).filter(Boolean);
  const [first, ...rest] = urlState ? location.hash.slice(1).toLowerCase().split('/') : [];
  // The guideline the widget opens on: the address bar's, else the only one offered.
  const id = first || (offer.length == 1 ? offer[0] : '');
  // The gemeente's configuration file, read by config.js (loaded only on a page that names one).
  const config = get('config') ? import('./config.js').then((m) => m.read(get('config'))) : Promise.resolve();
  // A gemeente's own rule file, named here or in the configuration file: checked by eigen.js, lazily.
  const own = config.then((c) => (get('regels') || /"regels"/.test(c?.text)) && import('./eigen.js').then((m) => m.ownRules(get('regels'), c?.text, cache, root))).catch(() => {});
  // A built-in guideline it opens on is fetched with the wasm (an unknown id never: no 404, the
  // widget says it is unknown). Its first step is shown (once the stylesheet is there) before the
  // wasm has arrived when nothing on the page can change that step: one widget, no configuration,
  // own rule file or preset answers, and no answers in the link. The widget's own page shows it
  // itself (start.js leaves it as the root's only child): its loader (site.js) carries the ids alone.
  const builtIn = Object.hasOwn(STEPS, id) && (!offer.length || offer.includes(id));
  const pageStep = root.firstElementChild;
  const shownByPage = pageStep?.dataset.rwRichtlijn === id && !pageStep.matches('.rw-statisch');
  let take, mounted, shown;
  if (builtIn && (STEPS[id] || shownByPage) && !several && !rest.join('') && !['config', 'regels', 'gemeente', 'rol'].some(get)) {
    shown = Promise.resolve(css).then(() => { mounted || (take = firstStep(root, id, offer.length == 1, shownByPage)); return painted(); });
  }
  // With a first step, the wasm and the data are asked for once that step is painted (without one,
  // at once): on a fast line the glue and compilation would otherwise run before that frame, and on
  // a slow phone starting a request costs the first frame some milliseconds; the data is small
  // beside the wasm.
  const after = Promise.resolve(shown);
  Promise.all([after.then(widget), config, own, builtIn && after.then(() => load(id)).catch(() => {}), whole])
    .then(([m, config, eigen]) => {
      mounted = 1;
      take?.();
      const problems = m.mount(root, {
        load,
        urlState,
        address,
        richtlijn: get('richtlijn'),
        gemeente: get('gemeente'),
        rol: get('rol'),
        contact: get('contact'),
        home: new URL('index.html', here).href,
        config: config?.tagged,
        eigen: eigen || undefined,
        // The hand-over gives the focus back where it was (see firstStep).
        eerste: take?.id,
      });
      for (const p of problems ?? []) console.warn(`Regiewijzer, configuratie: ${p}`);
    })
    .catch(() => {
      root.textContent = 'De Regiewijzer kon niet worden geladen. Vernieuw de pagina of neem contact op met de beheerder van deze site.';
    });
}

// Offline after one visit, on the widget's own page only (never on a host page elsewhere); once the
// page has loaded and its first frame is painted, so that registering (~2 ms, ~4 on a slow phone)
// does not delay the first step (the load event can come before that frame).
if ('serviceWorker' in navigator && location.href.startsWith(here.href) && document.documentElement.dataset.offline !== 'uit') {
  const register = () => painted().then(() => navigator.serviceWorker.register(new URL('sw.js', here), { scope: here.pathname })).catch(() => {});
  document.readyState == 'complete' ? register() : addEventListener('load', register, { once: true });
}

// With `async` (as the README's two lines have it) this runs as soon as it has arrived, perhaps
// before the page is parsed: the widgets then start once it is, so that each sees the others (and
// `<div id="regiewijzer">` is there).
const parsed = (start) => (document.readyState == 'loading' ? addEventListener('DOMContentLoaded', start, { once: true }) : start());

parsed(() => {
  const div = document.getElementById('regiewijzer');
  if (div) boot(div, (name) => div.getAttribute(`data-${name}`) ?? undefined);
});

if (!SITE && !customElements.get('regie-wijzer')) {
  customElements.define('regie-wijzer', class extends HTMLElement {
    connectedCallback() {
      if (this.dataset.rwGestart) return;
      this.dataset.rwGestart = 'ja';
      parsed(() => boot(this, (name) => this.getAttribute(name) ?? undefined));
    }
  });
}
