// Packet Lab's service worker: after one visit the lab works with the network off (a venue's
// Wi-Fi, a slide deck on a plane).
//
// Trunk names every built file after a hash of its contents (app-6e91….css, packet-lab-….wasm)
// and only index.html keeps its name. So:
// - index.html is network-first: a new deployment is seen on the next online load, and the
//   cache falls back to the last copy offline;
// - each time index.html is fetched, every file it references is cached (precache) and files
//   it no longer references (an older build's) are dropped: updating needs no version bump here;
// - the catalogues of languages other than English (locales/…?h=<hash>) are cached when first
//   fetched, so a language used once works offline;
// - the engine's worker module and its glue (<meta name=packet-lab-on-demand>, docs/worker.md:
//   ~360 KB gzip, fetched only when a run is too long for the page) are not precached either:
//   they are kept when first fetched, and kept while index.html names them;
// - everything else is cache-first: a hashed name never changes its contents.
// All URLs are relative to the worker's scope, so the lab works under any sub-path
// (https://example.org/packet-lab/). Registered by static/sw-register.js.
"use strict";

const CACHE = "packet-lab-v1";
const SCOPE = self.registration.scope; // ends with "/"
const INDEX = new URL("./", SCOPE).href;

/** The relative URLs ("./app-….css") that index.html names, resolved against the scope: its
 *  href/src attributes and the module script's import and wasm path. */
function referenced(html) {
  const urls = new Set();
  for (const m of html.matchAll(/[="'`(]\s*(\.\/[A-Za-z0-9._~\-\/]+)/g)) {
    urls.add(new URL(m[1], SCOPE).href);
  }
  urls.delete(INDEX);
  return urls;
}

/** The files index.html names as kept once used (<meta name=packet-lab-on-demand>), resolved. */
function onDemand(html) {
  const urls = new Set();
  for (const m of html.matchAll(/<meta name=packet-lab-on-demand content="?(\.\/[A-Za-z0-9._~\-\/]+)/g)) {
    urls.add(new URL(m[1], SCOPE).href);
  }
  return urls;
}

/** The engine worker's files (scripts/worker.mjs names them engine-<hash>.js and
 *  engine-<hash>_bg.wasm): cached when first fetched. */
const KEPT_WHEN_USED = /\/engine-[0-9a-f]{16}(_bg\.wasm|\.js)$/;

/** Caches `response` (index.html) and every file it names but those kept once used; forgets
 *  the files it does not name. */
async function precache(response) {
  const cache = await caches.open(CACHE);
  const html = await response.clone().text();
  const assets = referenced(html);
  const later = onDemand(html);
  for (const url of assets) {
    if (later.has(url)) continue; // cached when first fetched (the fetch handler)
    if (await cache.match(url)) continue; // same name, same contents
    const asset = await fetch(url, { cache: "no-store" });
    if (!asset.ok) throw new Error(`precache: ${url} answered ${asset.status}`);
    await cache.put(url, asset);
  }
  // index.html goes in last: an offline start never finds an index whose files are missing.
  await cache.put(INDEX, response);
  // Drop an older build's files: hashed names (name-0123456789abcdef.ext; trunk drops leading zeros) no longer named.
  const hashed = /-[0-9a-f]{12,16}(_bg)?\.[a-z0-9]+$/;
  for (const request of await cache.keys()) {
    if (hashed.test(request.url) && !assets.has(request.url)) await cache.delete(request);
  }
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const response = await fetch(INDEX, { cache: "no-store" });
      if (!response.ok) throw new Error(`install: index.html answered ${response.status}`);
      await precache(response);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith("packet-lab-") && key !== CACHE) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

/** Keeps a catalogue file (locales/<tag>/<file>.ftl?h=<hash>) and drops the same file of an
 *  older deployment (another hash). */
async function keepCatalogue(cache, request, response) {
  await cache.put(request, response);
  const url = new URL(typeof request === "string" ? request : request.url);
  for (const old of await cache.keys()) {
    const u = new URL(old.url);
    if (u.pathname === url.pathname && u.search !== url.search) await cache.delete(old);
  }
}

function isCatalogue(url) {
  return url.origin === new URL(SCOPE).origin && url.pathname.startsWith(new URL("locales/", SCOPE).pathname);
}

// The page names the catalogue files it fetched before this worker controlled it (the first
// visit; static/sw-register.js): keep them for offline use.
self.addEventListener("message", (event) => {
  const urls = event.data && Array.isArray(event.data.keep) ? event.data.keep : [];
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      for (const href of urls) {
        const url = new URL(href, SCOPE);
        if (!isCatalogue(url) || (await cache.match(url.href))) continue;
        for (let attempt = 0; attempt < 3; attempt++) {
          const response = await fetch(url.href, { cache: "no-store" }).catch(() => null);
          if (response && response.ok) {
            await keepCatalogue(cache, url.href, response);
            break;
          }
        }
      }
    })(),
  );
});

/** True for the app's page itself: the scope, or index.html, whatever the query. */
function isIndex(url) {
  const bare = url.origin + url.pathname;
  return bare === INDEX || bare === INDEX + "index.html";
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(SCOPE)) return;
  const url = new URL(request.url);
  const page = isIndex(url) ? INDEX : url.origin + url.pathname;
  if (isIndex(url) || request.mode === "navigate") {
    // Network-first for pages: index.html (then precache what it names) and other pages of the
    // lab's directory (the embed example deck), kept for offline use by their bare URL.
    event.respondWith(
      (async () => {
        try {
          const response = await fetch(request, { cache: "no-store" });
          if (response.ok) {
            const copy = response.clone();
            event.waitUntil(
              (page === INDEX ? precache(copy) : caches.open(CACHE).then((c) => c.put(page, copy))).catch(() => {}),
            );
          }
          return response;
        } catch (offline) {
          const cached = await caches.match(page);
          if (cached) return cached;
          throw offline;
        }
      })(),
    );
    return;
  }
  // A language's catalogue (locales/<tag>/<file>.ftl?h=<hash>, fetched when the language is
  // picked): cache-first by the whole URL, and kept once fetched, so a language used once works
  // offline; a changed file has a new hash, so a new deployment never meets an old text.
  if (isCatalogue(url)) {
    event.respondWith(
      (async () => {
        const cache = await caches.open(CACHE);
        const cached = await cache.match(request);
        if (cached) return cached;
        const response = await fetch(request);
        if (response.ok) event.waitUntil(keepCatalogue(cache, request, response.clone()));
        return response;
      })(),
    );
    return;
  }
  // Cache-first for the hashed build files; the engine worker's, fetched when first needed,
  // are kept then.
  event.respondWith(
    (async () => {
      const cached = await caches.match(request, { ignoreSearch: true });
      if (cached) return cached;
      const response = await fetch(request);
      if (response.ok && KEPT_WHEN_USED.test(url.pathname)) {
        const copy = response.clone();
        event.waitUntil(caches.open(CACHE).then((c) => c.put(url.origin + url.pathname, copy)).catch(() => {}));
      }
      return response;
    })(),
  );
});
