// Registers Packet Lab's service worker (static/sw.js), which keeps the built files so the lab
// works offline after one visit. Service workers need a secure context (https, or
// http://127.0.0.1 / localhost); elsewhere the lab simply stays online-only.
(function () {
  "use strict";
  if (!("serviceWorker" in navigator) || !window.isSecureContext) return;
  // "./sw.js" sits next to index.html, so its scope is the lab's own directory (any sub-path).
  navigator.serviceWorker.register("./sw.js").catch(function () {
    // No offline copy this time (a private window, a refused registration): the lab still runs.
  });
  // A language other than English is fetched when picked (locales/<tag>/<file>.ftl?h=…). On
  // the first visit that happens before the worker controls the page, so once it does, it is
  // told which catalogue files this page loaded, and keeps them for offline use (static/sw.js;
  // the worker fetches them itself, so leaving the page does not cut that short).
  navigator.serviceWorker.addEventListener("controllerchange", function () {
    var urls = performance.getEntriesByType("resource").map(function (entry) {
      return entry.name;
    }).filter(function (url) {
      return /\/locales\/[^/]+\/[^/?]+\.ftl\?h=/.test(url);
    });
    var worker = navigator.serviceWorker.controller;
    if (worker && urls.length > 0) worker.postMessage({ keep: urls });
  });
})();
