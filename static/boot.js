// Packet Lab boot guard: a classic script that runs before the WebAssembly module loads.
// If the module cannot be fetched, compiled or started, the page would otherwise stay blank;
// instead the #boot-error message in index.html is shown with the browser's reason.
// "Started" means the Yew app rendered its root with data-ready="true" (src/app.rs).
(function () {
  "use strict";

  function started() {
    return document.querySelector('[data-ready="true"]') !== null;
  }

  function show(reason) {
    if (started()) return;
    var box = document.getElementById("boot-error");
    if (!box) return;
    var detail = box.querySelector(".boot-error-detail");
    if (detail && reason) detail.textContent = String(reason);
    box.hidden = false;
    document.documentElement.setAttribute("data-boot", "failed");
  }

  // Capture phase: a <script> or preload <link> that fails to load fires a non-bubbling
  // error event on the element itself, which only a capturing listener on window sees.
  window.addEventListener(
    "error",
    function (event) {
      var el = event.target;
      if (el && el !== window && el.tagName) {
        var isCode = el.tagName === "SCRIPT" || (el.tagName === "LINK" && /preload/.test(el.rel));
        if (isCode) show("Could not load " + (el.src || el.href));
        return;
      }
      show(event.message || event.error);
    },
    true
  );

  // The loader awaits the wasm module's init(); a failed fetch or compile rejects it.
  window.addEventListener("unhandledrejection", function (event) {
    var reason = event.reason;
    show((reason && reason.message) || reason);
  });
})();
