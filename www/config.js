// A gemeente's configuration file (`config` on <regie-wijzer>, `data-config`), read for the loader
// (regiewijzer.js, pagina.js, site.js): loaded only on a page that names one, so a walk without a
// configuration carries none of it.

/** The file at `url` (same origin only): `{ text, tagged }`, or undefined; a failure is a console
 *  warning and the defaults hold. */
export async function read(url) {
  const text = await configText(url);
  return text === undefined ? undefined : { text, tagged: tagged(text) };
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

/** A configuration file's JSON, read by the browser and written in the tagged form the widget reads
 *  (src/json.rs, `from_tagged`), so the widget carries no JSON reader: `!` and the line where the
 *  browser stopped when it is not JSON. */
function tagged(text) {
  const s = (x) => `s${x.replaceAll('\0', '\ufffd')}\0`;
  const t = (v) => v === null ? 'n' : v === true ? 't' : v === false ? 'f' : typeof v == 'number' ? `d${v}\0` : typeof v == 'string' ? s(v)
    : Array.isArray(v) ? `a${v.map(t).join('')}]` : `o${Object.entries(v).map(([k, x]) => s(k) + t(x)).join('')}}`;
  try {
    return t(JSON.parse(text));
  } catch (e) {
    return `!${text.slice(0, /position (\d+)/.exec(e.message)?.[1] ?? 0).split('\n').length}`;
  }
}

