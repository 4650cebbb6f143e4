// Starts the rule owner's page (beheer.html): its own wasm bundle (no walk loads it), and the few
// browser calls it makes: fetching a built-in guideline's rule file and text from this folder, reading
// a chosen file, the download, the warning before leaving with changes, and the selected text. One
// external module script, so the page works under the strict Content-Security-Policy. Nothing is
// sent anywhere and nothing is stored.
import init, { mount_beheer } from './beheer_wasm.js';

const root = document.getElementById('beheer');
let unsaved = false;
addEventListener('beforeunload', (e) => {
  if (unsaved) { e.preventDefault(); e.returnValue = ''; }
});

async function text(path) {
  const res = await fetch(new URL(path, import.meta.url));
  if (!res.ok) throw new Error(`${path} is niet gevonden`);
  return res.text();
}

const options = {
  load: async (id) => [await text(`beheer/${id}.json`), await text(`beheer/${id}.txt`).catch(() => null)],
  read: (input) => (input.files && input.files[0] ? input.files[0].text() : Promise.resolve(null)),
  // A data: URL: the file is made here, in the browser, and never leaves it.
  download: (name, content) => {
    const a = document.createElement('a');
    a.href = `data:application/json;charset=utf-8,${encodeURIComponent(content)}`;
    a.download = name;
    a.hidden = true;
    document.body.append(a);
    a.click();
    a.remove();
  },
  dirty: (v) => { unsaved = v; },
  // Only text selected inside the guideline text counts.
  selection: () => {
    const s = getSelection();
    const pane = document.getElementById('bh-tekst');
    return s && pane && s.rangeCount && pane.contains(s.anchorNode) && pane.contains(s.focusNode) ? s.toString() : '';
  },
};

init({ module_or_path: new URL('beheer_wasm_bg.wasm', import.meta.url) })
  .then(() => mount_beheer(root, options))
  .catch(() => {
    root.textContent = 'De beheerpagina kon niet worden geladen. Vernieuw de pagina of neem contact op met de beheerder van deze site.';
  });

// Offline after one visit: what this page loaded is handed to the service worker to keep.
navigator.serviceWorker?.ready.then((reg) => {
  const scope = reg.scope;
  const urls = [location.href.split('#')[0], ...performance.getEntriesByType('resource').map((e) => e.name)]
    .filter((u) => u.startsWith(scope) && !u.includes('?'));
  reg.active?.postMessage({ type: 'bewaar', urls });
}).catch(() => {});
