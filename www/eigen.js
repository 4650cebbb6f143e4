// A gemeente's own rule file for the Regiewijzer: imported by regiewijzer.js only when a page names
// one (`<regie-wijzer regels="…">`, `data-regels`, or `regels` in the configuration file), so a page
// without one loads none of this. The file must be on the page's own origin. It is checked in the
// browser by its own small bundle (eigen/, imported here), with the same verdict as `regiewijzer check`.
// Passed: the widget lists it beside the built-in guidelines (its index line) and gets its data from
// the loader's cache, as it would a built-in data file. Not passed: every problem in Dutch, above the
// widget and in the console; the built-in guidelines work as always.

/** Checks the rule file (the `regels` attribute, else `regels` in the configuration file's text
 *  `config`); puts its data in `cache` and resolves to mount's option `eigen` (the index that
 *  lists it), or to undefined after showing the problems before `root`. Never rejects. */
export async function ownRules(attribute, config, cache, root) {
  let url = attribute;
  try { url ??= JSON.parse(config).regels; } catch { /* the widget reports a bad configuration file */ }
  if (typeof url !== 'string' || !url.trim()) return undefined;
  const u = new URL(url.trim(), location.href);
  const naam = decodeURIComponent(u.pathname.split('/').pop() || u.pathname);
  const refused = (problems) => {
    for (const p of problems) console.warn(`Regiewijzer, eigen regelbestand ${u.href}: ${p}`);
    const box = document.createElement('div');
    box.className = 'rw';
    const notice = box.appendChild(document.createElement('div'));
    notice.className = 'rw-melding';
    notice.setAttribute('role', 'alert');
    notice.appendChild(document.createElement('p')).textContent =
      `Het eigen regelbestand van de gemeente (${naam}) wordt niet gebruikt: ${problems.length === 1 ? 'één probleem' : `${problems.length} problemen`}.`;
    const list = notice.appendChild(document.createElement('ul'));
    for (const p of problems) list.appendChild(document.createElement('li')).textContent = p;
    root.before(box);
    return undefined;
  };
  if (u.origin !== location.origin) return refused(['het bestand staat niet op dit domein en wordt niet gelezen']);
  let text;
  try {
    const r = await fetch(u);
    if (!r.ok) throw new Error(`HTTP ${r.status}`);
    text = await r.text();
  } catch (e) {
    return refused([`het bestand is niet te laden (${e.message})`]);
  }
  let verdict;
  try {
    const api = await import('./eigen/regiewijzer_eigen.js');
    await api.default({ module_or_path: new URL('eigen/regiewijzer_eigen_bg.wasm', import.meta.url) });
    verdict = api.compile(naam, text);
  } catch (e) {
    return refused([`de controle kon niet worden geladen (${e.message})`]);
  }
  if (!verdict.index) return refused(verdict.problemen.map((p) => p.message));
  console.info(`Regiewijzer, eigen regelbestand ${u.href}: ${verdict.opmerking}`);
  cache.set(verdict.id, Promise.resolve(verdict.bytes));
  return verdict.index;
}
