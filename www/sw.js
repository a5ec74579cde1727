// Checkwerk's service worker: after the first visit the app starts and works with no network at all.
// `cargo xtask build` writes the deployable copy into dist/, filling in VERSION, PRECACHE and ON_FIRST_USE; this
// template is never served as it is.
const VERSION = "__CHECKWERK_VERSION__";
const PRECACHE = __CHECKWERK_PRECACHE__;
// Files few pages need (the catalog worker, the large install icons): kept once a page has fetched them, so they work
// offline from then on.
const ON_FIRST_USE = new Set(__CHECKWERK_ON_FIRST_USE__);
const CACHE = `checkwerk-${VERSION}`;
const SCOPE = new URL(self.registration.scope);
const SHELL = new URL("index.html", SCOPE).href;

self.addEventListener("install", (event) => {
  // No skipWaiting here: a new version waits until the user chooses to reload (the app shows the prompt).
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(PRECACHE.map((path) => new URL(path, SCOPE).href))),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith("checkwerk-") && key !== CACHE) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "checkwerk:skip-waiting") self.skipWaiting();
});

// A build for a folder known only where it is served (the WordPress plugin) names it relatively in index.html,
// which is right at index.html itself but not at a route's address: there the shell gets the folder in full.
const RELATIVE_BASE = '<base href="./">';

/** The app shell from the cache for a route's address, or nothing when it is not cached. */
async function shell() {
  const cached = await (await caches.open(CACHE)).match(SHELL);
  if (!cached) return undefined;
  const text = await cached.clone().text();
  if (!text.includes(RELATIVE_BASE)) return cached;
  const base = `<base href="${SCOPE.pathname}">`;
  return new Response(text.replace(RELATIVE_BASE, base), {
    status: cached.status,
    statusText: cached.statusText,
    headers: cached.headers,
  });
}

/** Whether a navigation is to an app route (no file extension below the scope), which gets the app shell. */
function isAppRoute(url) {
  const last = url.pathname.slice(SCOPE.pathname.length).split("/").pop();
  return last === "" || last === "index.html" || !last.includes(".");
}

// Navigations to app routes get the cached app shell; files are served from the cache first.
self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== SCOPE.origin || !url.pathname.startsWith(SCOPE.pathname)) return;
  if (request.mode === "navigate") {
    if (!isAppRoute(url)) return;
    event.respondWith(shell().then((cached) => cached || fetch(request)));
    return;
  }
  url.search = "";
  const keepOnFirstUse = ON_FIRST_USE.has(url.pathname.slice(SCOPE.pathname.length));
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      const cached = await cache.match(url.href);
      if (cached) return cached;
      const response = await fetch(request);
      if (keepOnFirstUse && response.ok) await cache.put(url.href, response.clone());
      return response;
    })(),
  );
});
