// KeyPlan's service worker. scripts/pwa.mjs fills in CACHE and FILES from each build's output;
// this template is never served as it is.
//
// One cache per build, so a page is always served files of one build: a new worker installs its
// whole build beside the old one, then waits. Only when the page asks (the rep pressed "Reload")
// does it take over and drop the old build's cache.
const CACHE = "__CACHE__";
const FILES = __FILES__;

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((name) => name.startsWith("keyplan-") && name !== CACHE)
            .map((name) => caches.delete(name)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "keyplan:activate") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      // Every page of the app is index.html: routes live in the URL's hash.
      const key = request.mode === "navigate" ? "./" : request;
      const hit = await cache.match(key, { ignoreSearch: request.mode === "navigate" });
      return hit || fetch(request);
    }),
  );
});
