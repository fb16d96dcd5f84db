// The service worker of one build (written by web/postbuild.mjs). It serves only from
// its own build's cache, so a page never mixes two builds: the app shell is
// cache-first, data is network-first with the cached copy as fallback.
const BUILD = "__BUILD__";
const CACHE = "roadmap-" + BUILD;
const PRECACHE = __PRECACHE__;
const SCOPE = self.registration.scope;

async function stamped(res, at) {
  const headers = new Headers(res.headers);
  headers.set("x-roadmap-cached-at", at);
  return new Response(await res.blob(), { status: res.status, statusText: res.statusText, headers });
}

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    const at = new Date().toISOString();
    for (const path of PRECACHE) {
      const url = new URL(path, SCOPE).href;
      const res = await fetch(url, { cache: "no-store" });
      if (!res.ok) throw new Error(`precache ${url}: HTTP ${res.status}`);
      if (path === "index.html" && !(await res.clone().text()).includes(BUILD)) {
        // The server already moved to another build: do not install a mix.
        throw new Error("index.html belongs to another build");
      }
      await cache.put(url, path.startsWith("data/") ? await stamped(res, at) : res);
    }
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith("roadmap-") && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});

async function cacheFirst(key, request) {
  const hit = await (await caches.open(CACHE)).match(key);
  return hit || fetch(request);
}

async function networkFirst(key, request) {
  const cache = await caches.open(CACHE);
  try {
    const res = await fetch(request, { cache: "no-store" });
    if (res.ok) await cache.put(key, await stamped(res.clone(), new Date().toISOString()));
    return res;
  } catch (err) {
    const hit = await cache.match(key);
    if (!hit) throw err;
    const headers = new Headers(hit.headers);
    headers.set("x-roadmap-offline", "1");
    return new Response(await hit.blob(), { status: hit.status, statusText: hit.statusText, headers });
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(SCOPE)) return;
  const url = new URL(request.url);
  const path = url.pathname.slice(new URL(SCOPE).pathname.length);
  if (path.startsWith("data/")) {
    event.respondWith(networkFirst(new URL(path, SCOPE).href, request));
  } else if (request.mode === "navigate" || path === "" || path === "index.html") {
    event.respondWith(cacheFirst(new URL("index.html", SCOPE).href, request));
  } else {
    event.respondWith(cacheFirst(new URL(path, SCOPE).href, request));
  }
});
