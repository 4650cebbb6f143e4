// Starts the Regiewijzer widget. An external module script, so the page works under a strict
// Content-Security-Policy (no inline script). All paths are relative to this file, so the widget
// also works from a sub-folder of a site.
import init, { mount } from './regiewijzer.js';

const root = document.getElementById('regiewijzer');
if (root) {
  init({ module_or_path: new URL('regiewijzer_bg.wasm', import.meta.url) })
    .then(() => mount(root))
    .catch(() => {
      root.textContent = 'De Regiewijzer kon niet worden geladen. Vernieuw de pagina of neem contact op met de beheerder van deze site.';
    });
}
