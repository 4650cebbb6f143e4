// Offline for training rooms and flaky intranets: after one visit the widget's standalone page works
// without a network, with every guideline that was opened while online. Scope: the widget's own folder
// only (a host page elsewhere is never cached). Only the widget's static files are cached (no answers,
// nothing personal); the cache is versioned by the build and older versions are removed.
// Transfer: the shell is taken from the browser's HTTP cache where it is there already (the page has
// just loaded it), and a guideline's data is cached when it is opened, never fetched ahead: the
// service worker adds no bytes to a walk. Network first, so an update shows at once when online.
const VERSION = '__VERSION__';
const SHELL = __FILES__;
const CACHE = `regiewijzer-${VERSION}`;

self.addEventListener('install', (e) => {
  e.waitUntil(caches.open(CACHE)
    .then((c) => c.addAll(SHELL.map((f) => new Request(new URL(f, self.registration.scope), { cache: 'force-cache' }))))
    .then(() => self.skipWaiting()));
});

self.addEventListener('activate', (e) => {
  e.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith('regiewijzer-') && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (e) => {
  const url = new URL(e.request.url);
  if (e.request.method !== 'GET' || !url.href.startsWith(self.registration.scope)) return;
  e.respondWith(fetch(e.request)
    .then((res) => {
      if (res.ok && url.search === '') {
        const copy = res.clone();
        e.waitUntil(caches.open(CACHE).then((c) => c.put(e.request, copy)));
      }
      return res;
    })
    .catch(() => caches.open(CACHE)
      .then((c) => c.match(e.request, { ignoreSearch: true }))
      .then((hit) => hit ?? Response.error())));
});

// The training page hands over what it loaded before this worker controlled it (its own bundle is
// not in the shell, so a walk never downloads it).
self.addEventListener('message', (e) => {
  if (e.data?.type !== 'bewaar' || !Array.isArray(e.data.urls)) return;
  const urls = e.data.urls.filter((u) => typeof u === 'string' && u.startsWith(self.registration.scope));
  e.waitUntil(caches.open(CACHE).then((c) => Promise.all(urls.map((u) => c.add(new Request(u, { cache: 'force-cache' })).catch(() => {})))));
});
