// Packet Lab's engine worker (issue 19, docs/worker.md, src/worker/mod.rs): a module worker
// that runs the app's own wasm module, posted by the page, with the app's wasm-bindgen glue.
// Its `main` then sees it is in a worker and serves runs (src/worker/serve.rs).
//
// This is a template: scripts/worker.mjs (run by the trunk post_build hook) puts the glue's
// hashed file name in place of GLUE_JS and writes the result as engine-worker-<hash>.js.
import init from "GLUE_JS";

self.onmessage = (event) => {
  // The first message is the page's compiled WebAssembly.Module; the module's own handler
  // takes over from here (it replaces this one, then says "ready").
  self.onmessage = null;
  init({ module_or_path: event.data }).catch((error) => {
    self.postMessage(`error: ${error && error.message ? error.message : error}`);
  });
};
