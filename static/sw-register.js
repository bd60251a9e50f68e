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
})();
