// Keeps the page usable offline after its first visit over http(s). The page is a handful
// of files that change only together, with a new build: they are cached as one set, named
// after the build, and served from that cache first. A new build changes this file's
// build id, so the browser installs the new set beside the old one and drops the old one
// once the new one is in place. The data is in IndexedDB and never passes through here.
const build = '@OKR_BUILD_ID@';
const cacheName = 'okr-page-' + build;
const pageFiles = ['./', 'index.html', 'app.js', 'app.wasm', 'app.data', 'manifest.webmanifest',
  'icons/icon-192.png', 'icons/icon-512.png', 'icons/icon.svg'];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(cacheName)
    .then((cache) => cache.addAll(pageFiles.map((file) => new Request(file, { cache: 'reload' }))))
    .then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names.filter((name) => name.startsWith('okr-page-') && name !== cacheName)
      .map((name) => caches.delete(name))))
    .then(() => self.clients.claim()));
});

// The address may carry a query (index.html?today=2027-02-26); the file is the same.
self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(caches.open(cacheName)
    .then((cache) => cache.match(request, { ignoreSearch: true }))
    .then((cached) => cached || fetch(request)));
});
