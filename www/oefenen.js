// Starts the training page (oefenen.html): its own wasm bundle (the walk's bundle carries none of
// the training), the walk's data loader, and the offline cache. One external module script, so the
// page works under the strict Content-Security-Policy.
import { address, load } from './site.js';
import init, { mount_training } from './oefenen_wasm.js';

const root = document.getElementById('oefenen');
init({ module_or_path: new URL('oefenen_wasm_bg.wasm', import.meta.url) })
  .then(() => mount_training(root, { load, address, home: new URL('index.html', import.meta.url).href }))
  .catch(() => {
    root.textContent = 'De oefenpagina kon niet worden geladen. Vernieuw de pagina of neem contact op met de beheerder van deze site.';
  });

// Offline for the training room: what this page has loaded before the service worker took control
// is handed to it to keep (from the browser's HTTP cache: no second download).
navigator.serviceWorker?.ready.then((reg) => {
  const scope = reg.scope;
  const urls = [location.href.split('#')[0], ...performance.getEntriesByType('resource').map((e) => e.name)]
    .filter((u) => u.startsWith(scope) && !u.includes('?'));
  reg.active?.postMessage({ type: 'bewaar', urls });
}).catch(() => {});
