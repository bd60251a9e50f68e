// The browser benchmark (src/bench.rs, served as index.html?bench) in headless Chromium.
// It reports numbers and asserts only that they were measured: p95 frame time with 500 frames
// in flight on a 300-device topology (target ≤ 16.7 ms), and the engine's events/s in wasm on
// benchmark(1000, 50, 20) next to the native figure (target wasm ≥ 0.5× native).
//
// The native figure comes from NATIVE_EVENTS_PER_SEC, or, with BENCH_NATIVE=1, from running
// `cargo bench -p packet-engine --bench throughput` here (a release build: minutes when cold).

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";

import { PREFIX, ROOT, launchBrowser, recordProblems, serve } from "./helpers.mjs";

let server;
let browser;

before(async () => {
  server = await serve();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Native events/s for benchmark(1000, 50, 20), if asked for. */
function nativeFigure() {
  if (process.env.NATIVE_EVENTS_PER_SEC) return Number(process.env.NATIVE_EVENTS_PER_SEC);
  if (process.env.BENCH_NATIVE !== "1") return null;
  const out = execFileSync("cargo", ["bench", "-p", "packet-engine", "--bench", "throughput"], {
    cwd: ROOT,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  const line = out.split("\n").find((l) => /^\s*1000 hosts\s+50 switches\s+20 routers/.test(l));
  const m = line?.match(/=\s*([\d.]+) M events\/s/);
  return m ? Number(m[1]) * 1e6 : null;
}

const native = nativeFigure();

for (const labels of [false, true]) {
test(`benchmark page${labels ? " with every frame labelled" : ""}: frame time and engine events/s (reported, not judged)`, { timeout: 600_000 }, async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  const problems = recordProblems(page);
  const query = (native ? `?bench&native=${Math.round(native)}` : "?bench") + (labels ? "&labels" : "");
  await page.goto(server.url + PREFIX.slice(1) + query);
  await page.waitForSelector('.bench[data-done="true"]', { timeout: 540_000 });
  const result = JSON.parse(await page.getByTestId("bench-result").textContent());
  console.log(JSON.stringify(result, null, 2));
  const e = result.engine;
  console.log(
    `${labels ? "labelled frames" : "as the lab draws 500 frames (dots)"}: frame interval p95 ${result.frame_interval_ms.p95} ms (target ≤ 16.7), script p95 ${result.script_ms.p95} ms; ` +
      `engine wasm ${(e.wasm_events_per_sec / 1e6).toFixed(2)} M events/s` +
      (e.native_events_per_sec ? `, native ${(e.native_events_per_sec / 1e6).toFixed(2)} M events/s, ratio ${e.wasm_over_native}` : ""),
  );
  assert.equal(result.devices, 300);
  assert.equal(result.in_flight, 500);
  assert.ok(result.frames >= 200 && result.frame_interval_ms.p95 > 0);
  assert.ok(e.events > 10_000 && e.wasm_events_per_sec > 0);
  assert.equal(result.labels, labels);
  assert.deepEqual(problems, []);
  await page.close();
});
}
