// The iframe variant, for CMSs that strip custom elements: inbed.html?richtlijn=…&gemeente=…&rol=…
// &contact=…&url-state=uit&ouder=https://intranet.gemeente.nl takes the <regie-wijzer> options as
// query parameters. With `ouder` (the parent page's origin, exactly) it tells the parent its height
// whenever it changes, by postMessage to that origin only; without it, it posts nothing.
const params = new URLSearchParams(location.search);
const main = document.querySelector('main');
const el = document.createElement('regie-wijzer');
for (const name of ['richtlijn', 'gemeente', 'rol', 'contact', 'url-state', 'config']) {
  const v = params.get(name);
  if (v) el.setAttribute(name, v);
}
main.replaceChildren(el);
await import('./pagina.js');

let origin = null;
try {
  const o = new URL(params.get('ouder') ?? '');
  if (o.protocol === 'https:' || o.hostname === 'localhost' || o.hostname === '127.0.0.1') origin = o.origin;
} catch { /* no parent to tell */ }
if (origin && window.parent !== window) {
  let last = 0;
  new ResizeObserver(() => {
    const h = Math.ceil(document.documentElement.scrollHeight);
    if (h !== last) {
      last = h;
      window.parent.postMessage({ type: 'regiewijzer-hoogte', hoogte: h }, origin);
    }
  }).observe(document.body);
}
