// A gemeente's own rule file for the Regiewijzer: imported by regiewijzer.js only when a page names
// one (`<regie-wijzer regels="…">`, `data-regels`, or `regels` in the configuration file), so a page
// without one loads none of this. The file must be on the page's own origin. It is checked in the
// browser by the JS API bundle (api/, loaded here, lazily), with the same verdict as
// `regiewijzer check`; every problem goes to the console and to the widget's list of guidelines.

/** The verdict on the rule file at `url`, for mount's `eigen` option: `{ id, bytes, opmerking }`
 *  when it passed, `{ naam, problemen }` when it did not or could not be read. Never rejects. */
export async function ownRules(url) {
  const u = new URL(url, location.href);
  const naam = decodeURIComponent(u.pathname.split('/').pop() || u.pathname);
  const refused = (problem) => {
    console.warn(`Regiewijzer, eigen regelbestand ${u.href}: ${problem}`);
    return { naam, problemen: [problem] };
  };
  if (u.origin !== location.origin) return refused('het staat niet op dit domein en wordt niet gelezen');
  let text;
  try {
    const r = await fetch(u);
    if (!r.ok) throw new Error(`HTTP ${r.status}`);
    text = await r.text();
  } catch (e) {
    return refused(`het is niet te laden (${e.message})`);
  }
  try {
    const api = await import('./api/regiewijzer_api.js');
    await api.default({ module_or_path: new URL('api/regiewijzer_api_bg.wasm', import.meta.url) });
    const verdict = api.compile(naam, text);
    for (const p of verdict.problemen ?? []) console.warn(`Regiewijzer, eigen regelbestand ${u.href}: ${p}`);
    if (verdict.opmerking) console.info(`Regiewijzer, eigen regelbestand ${u.href}: ${verdict.opmerking}`);
    return verdict;
  } catch (e) {
    return refused(`de controle kon niet worden geladen (${e.message})`);
  }
}
