// Packet Lab's engine worker (issue 19, docs/worker.md, src/worker/mod.rs): a module worker
// that runs the engine's own wasm module (engine-worker/: the engine alone, built at opt-level
// 3; the app's module is built for size), through that module's wasm-bindgen glue.
//
// This is a template: scripts/worker.mjs (run by the trunk post_build hook) puts the glue's and
// the module's hashed file names in place of ENGINE_JS and ENGINE_WASM and writes the result as
// engine-worker-<hash>.js.
//
// The conversation: "ready" once the module runs; then the page posts [lab, chunk] (the lab's
// JSON text, the work of a piece) and gets [events, work, max_work] after each piece, then the
// outcome's bytes (their buffer transferred); or "error: …". The bench page (src/bench.rs) posts
// ["bench", lab, runs, warmup] and gets ["bench", events, [milliseconds of each timed run's steps]].
import init, { Job } from "ENGINE_JS";

const said = (error) => `error: ${error && error.message ? error.message : error}`;

// Messages that come before the module is ready wait for it.
const ready = init({ module_or_path: new URL("ENGINE_WASM", import.meta.url) });
ready.then(() => self.postMessage("ready"), (error) => self.postMessage(said(error)));

self.onmessage = async ({ data }) => {
  try {
    await ready;
    if (data[0] === "bench") return bench(data[1], data[2], data[3]);
    const [lab, chunk] = data;
    const job = new Job(lab);
    for (;;) {
      const done = job.step(chunk);
      self.postMessage(Array.from(job.progress()));
      if (done) break;
    }
    const bytes = job.finish();
    self.postMessage(bytes, [bytes.buffer]);
  } catch (error) {
    self.postMessage(said(error));
  }
};

/** Runs `lab` `warmup` times untimed (V8 compiles a module's functions with its baseline
 *  compiler first and optimises the hot ones while they run), then `runs` times, timing its
 *  steps only (as the page's bench times `Simulation::run` and the native bench `run()`). */
function bench(lab, runs, warmup) {
  const times = [];
  let events = 0;
  for (let i = 0; i < warmup + runs; i++) {
    const job = new Job(lab);
    const start = performance.now();
    while (!job.step(1e15));
    if (i >= warmup) times.push(performance.now() - start);
    events = job.progress()[0];
    job.free();
  }
  self.postMessage(["bench", events, times]);
}
