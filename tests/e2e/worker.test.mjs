// The engine's Web Worker (issue 19, docs/worker.md): a heavy lab runs in the worker while
// the page stays responsive, shows the worker's progress and answers clicks; Cancel
// terminates the worker and keeps the lab; the outcome comes back in the compact form and
// plays; when the worker's script cannot load, the run goes on on the page; and after one
// visit the worker works offline from the service worker's cache.
//
// Each page gets an init script that wraps `Worker` to watch it: which workers were made, how
// many progress messages and outcomes they posted, whether they were terminated. Where a test
// must see the page *during* a run, the wrapper holds the outcome message until the test
// releases it (`window.__release()`): the run itself still happens in the worker, and
// everything is waited for as a condition, never by a sleep. The page's own clock is
// Playwright's fake clock, paused: animation frames (which drive the on-page pieces of the
// fallback) do not run, so progress that still advances is the worker's.

import { test } from "node:test";
import assert from "node:assert/strict";

import { READY_TIMEOUT_MS, fanOutLab, labFixture, recordProblems, savedLab, scenario, waitForAsync } from "./helpers.mjs";

const fx = labFixture();

/** Installed before the app's scripts: wraps `Worker` (see the file's header). */
function watchWorkers(hold) {
  const Real = window.Worker;
  window.__workers = [];
  window.__held = [];
  window.__hold = hold;
  window.__release = () => {
    window.__hold = false;
    for (const deliver of window.__held.splice(0)) deliver();
  };
  window.Worker = class extends Real {
    constructor(url, options) {
      super(url, options);
      this.__rec = { url: String(url), type: options?.type, progress: 0, outcome: 0, bytes: 0, handoverMs: 0, terminated: false };
      window.__workers.push(this.__rec);
    }
    terminate() {
      this.__rec.terminated = true;
      super.terminate();
    }
    set onmessage(handler) {
      const rec = this.__rec;
      // A held message goes to the handler set when it is delivered, as a browser fires an
      // event: none once the page has removed it (src/worker/mod.rs does, then terminates).
      this.__handler = handler;
      super.onmessage = handler && ((event) => {
        if (Array.isArray(event.data)) {
          rec.progress++;
          rec.events = event.data[0];
        }
        if (event.data instanceof Uint8Array) {
          rec.outcome++;
          rec.bytes = event.data.byteLength;
          const deliver = () => {
            if (!this.__handler) return;
            // The page's side of the hand-over: decode, install, precompute the views' rows.
            const t = performance.now();
            this.__handler.call(this, event);
            rec.handoverMs = performance.now() - t;
          };
          if (window.__hold) return void window.__held.push(deliver);
          return deliver();
        }
        handler.call(this, event);
      });
    }
    get onmessage() {
      return super.onmessage;
    }
  };
}

/** The app, its workers watched (outcomes held when `hold`), its clock paused when `paused`. */
async function open({ hold = false, paused = true, context } = {}) {
  context ??= await fx.browser.newContext({ viewport: { width: 1280, height: 720 } });
  await context.addInitScript(watchWorkers, hold);
  const page = await context.newPage();
  const problems = recordProblems(page);
  if (paused) await page.clock.install({ time: Date.UTC(2026, 0, 1) });
  await page.goto(fx.appUrl);
  await page.waitForSelector('.app[data-ready="true"]', { timeout: READY_TIMEOUT_MS });
  if (paused) await page.clock.pauseAt(Date.UTC(2026, 0, 1) + 3_600_000);
  return { page, context, problems };
}

async function importLab(page, lab, name = "heavy.json") {
  await page.getByTestId("import-file").setInputFiles({
    name, mimeType: "application/json", buffer: Buffer.from(JSON.stringify(lab)),
  });
}

const workers = (page) => page.evaluate(() => window.__workers);

/** Events so far, from the progress line. */
async function eventsSoFar(page) {
  const text = await page.getByTestId("run-progress").textContent();
  return Number(text.match(/([0-9]+) events so far/)[1]);
}

test("a heavy lab runs in the worker: progress from the worker, clicks answered, the outcome plays", async () => {
  const context = await fx.browser.newContext({ viewport: { width: 1280, height: 720 }, serviceWorkers: "block" });
  const wasm = [];
  context.on("request", (r) => r.url().endsWith(".wasm") && wasm.push(r.url().split("/").pop()));
  const { page, problems } = await open({ hold: true, context });
  // The examples run on the page: the engine's worker module is not fetched by a first visit.
  // (The page's own engine and the tables' view are split modules, fetched after the first
  // paint: not counted here.)
  const page_wasm = wasm.filter((f) => !/^packet-lab-load-(engine|tables)-/.test(f));
  assert.equal(page_wasm.length, 1, `the app's module only: ${wasm}`);
  assert.doesNotMatch(page_wasm[0], /^engine-/);
  await importLab(page, fanOutLab());
  await page.waitForSelector('[data-testid="run-progress"]');
  // One module worker, with the hashed script the page names.
  await page.waitForFunction(() => window.__workers.length === 1);
  const [made] = await workers(page);
  const named = await page.locator('meta[name="packet-lab-worker"]').getAttribute("content");
  assert.match(named, /^\.\/engine-worker-[0-9a-f]{16}\.js$/);
  assert.equal(made.url, named);
  assert.equal(made.type, "module");

  // The worker's progress reaches the page while its clock stands still: the run is not the
  // page's (its pieces need animation frames). Once the outcome is in (held), the line shows
  // the worker's last count, more than the page's own first piece did.
  const first = await eventsSoFar(page);
  await page.waitForFunction(() => window.__workers[0].outcome === 1, null, { timeout: READY_TIMEOUT_MS });
  const { progress, events } = (await workers(page))[0];
  assert.ok(progress > 1, "progress posted piece by piece");
  await page.waitForFunction((n) => {
    const m = document.querySelector('[data-testid="run-progress"]')?.textContent.match(/([0-9]+) events so far/);
    return m && Number(m[1]) === n;
  }, events);
  assert.ok(events >= first, `worker ${events} events, page's first piece ${first}`);

  // The run is over in the worker, its outcome held: the page answers a click meanwhile.
  await page.locator('[data-device="pc2"] .icon').click();
  await page.waitForSelector('[data-device="pc2"].selected');
  assert.equal(await page.getByTestId("run-progress").count(), 1, "still waiting for the outcome");

  // Hand it over: the run is installed and plays; the worker is done with.
  await page.evaluate(() => window.__release());
  await page.waitForSelector('[data-testid="event"]');
  assert.equal(await page.getByTestId("run-progress").count(), 0);
  assert.equal(await page.getByTestId("run-error").count(), 0);
  await page.waitForFunction(() => window.__workers[0].terminated);
  const done = (await workers(page))[0];
  // It ran the engine's own module (engine-worker/, built for speed), named in index.html as
  // fetched later, not the page's.
  const engine = wasm.filter((f) => /^engine-[0-9a-f]{16}_bg\.wasm$/.test(f));
  assert.equal(engine.length, 1, `the worker fetched the engine's module once: ${wasm}`);
  assert.equal(await page.locator(`meta[name="packet-lab-on-demand"][content="./${engine[0]}"]`).count(), 1);
  console.log(`fan-out lab: ${done.progress} progress messages, outcome ${done.bytes} bytes, page's hand-over ${done.handoverMs.toFixed(1)} ms (fake clock: not a measurement)`);
  assert.ok(done.bytes > 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test("Cancel terminates the worker and keeps the lab; its late outcome changes nothing", async () => {
  const { page, context, problems } = await open({ hold: true });
  await importLab(page, fanOutLab());
  await page.waitForSelector('[data-testid="run-progress"]');
  await page.waitForFunction(() => window.__workers.length === 1 && window.__workers[0].progress > 0, null, { timeout: READY_TIMEOUT_MS });
  await page.getByTestId("cancel-run").click();
  await page.waitForSelector('[data-testid="run-cancelled"]');
  await page.waitForFunction(() => window.__workers[0].terminated);
  assert.match(await page.getByTestId("run-cancelled").textContent(), /cancelled after [0-9]+ events\. The lab is unchanged/);
  assert.equal(await page.locator("[data-device]").count(), 4);
  assert.equal((await savedLab(page)).links.length, 514);
  // Whatever the worker had posted before it was stopped is ignored.
  await page.evaluate(() => window.__release());
  assert.equal(await page.getByTestId("run-cancelled").count(), 1);
  assert.equal(await page.getByTestId("event").count(), 0);

  // Run again: a new worker, and this time the outcome is let through.
  await page.getByTestId("run-again").click();
  await page.waitForSelector('[data-testid="event"]', { timeout: READY_TIMEOUT_MS });
  assert.equal((await workers(page)).length, 2);
  assert.deepEqual(problems, []);
  await context.close();
});

for (const [what, file] of [["script", /engine-worker-[0-9a-f]+\.js/], ["engine module", /engine-[0-9a-f]{16}_bg\.wasm/]]) {
  test(`when the worker's ${what} does not load, the run goes on on the page in pieces`, async () => {
    const context = await fx.browser.newContext({ viewport: { width: 1280, height: 720 } });
    await context.route(file, (route) => route.fulfill({ status: 404, body: "gone" }));
    const { page, problems } = await open({ context });
    await importLab(page, fanOutLab());
    await page.waitForSelector('[data-testid="run-progress"]');
    await page.waitForFunction(() => window.__workers.length === 1);
    // The failed worker is given up; the page's pieces, one per animation frame, finish the run.
    for (let frames = 0; (await page.getByTestId("run-progress").count()) > 0; frames++) {
      assert.ok(frames < 400, "the run ends within its work budget");
      await page.clock.runFor(20);
    }
    await page.waitForSelector('[data-testid="event"]');
    assert.equal((await workers(page))[0].outcome, 0, "not from a worker");
    assert.deepEqual(problems.filter((p) => !file.test(p)), []);
    await context.close();
  });
}

test("a storm at the browser's whole budget (1 M events) comes back from the worker and plays (size and time measured)", async () => {
  const { page, context, problems } = await open({ paused: false });
  const loop = await scenario("switch-loop");
  // A student's own lab gets the engine's default budget (2 M); the browser caps it at 1 M.
  loop.options = { ...(loop.options ?? {}), max_events: 2000000 };
  const t0 = Date.now();
  await importLab(page, loop, "storm.json");
  await page.waitForFunction(() => window.__workers.length === 1 && window.__workers[0].outcome === 1, null, { timeout: 120_000 });
  await page.waitForSelector('[data-testid="event"]');
  const done = (await workers(page))[0];
  const count = async () => (await page.getByTestId("event-count").textContent()).replace(/[^0-9/]/g, "").split("/").map(Number);
  const [, total] = await count();
  console.log(`switch loop at the 1 M budget: ${total} events, outcome ${done.bytes} bytes, ${Date.now() - t0} ms from import to the first row, page's hand-over (decode, install) ${done.handoverMs.toFixed(1)} ms`);
  assert.ok(done.events >= 990_000, `the worker ran to the budget: ${done.events}`);
  assert.ok(total > 1_000_000, `every trace entry is in the list: ${total}`);
  // Scrub to the end, step back: the row under the cursor is worded when drawn.
  await page.getByTestId("scrubber").fill(String(total - 3));
  await page.waitForFunction((n) => document.querySelector('[data-testid="event-count"]').textContent.replace(/[^0-9/]/g, "").startsWith(`${n}/`), total - 3);
  await page.getByTestId("step-back").click();
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid="event-count"]').textContent.replace(/[^0-9/]/g, "").split("/")[0]) < n, total - 3);
  const [shown] = await count();
  const current = page.locator('[data-testid="event"][aria-current="true"]');
  await current.waitFor();
  assert.ok(Number(await current.getAttribute("data-index")) <= shown - 1, `the current row is at or before event ${shown}`);
  assert.ok((await current.getByTestId("event-summary").textContent()).length > 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the engine's module is kept once used, not on install; then a heavy lab runs in the worker offline", async () => {
  const context = await fx.browser.newContext({ viewport: { width: 1280, height: 720 } });
  const { page, problems } = await open({ context, paused: false });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: READY_TIMEOUT_MS });
  const named = (selector) => page.evaluate((s) => [...document.querySelectorAll(s)].map((m) => m.content.slice(2)), selector);
  const cached = () => page.evaluate(async () => (await (await caches.open("packet-lab-v1")).keys()).map((r) => r.url.split("/").pop()));
  const [script] = await named('meta[name="packet-lab-worker"]');
  const onDemand = await named('meta[name="packet-lab-on-demand"]');
  assert.equal(onDemand.length, 2, `the engine's glue and module: ${onDemand}`);
  // The install's precache (index.html goes in last) keeps the worker's script, not the engine.
  await waitForAsync(page, async (script) => {
    const keys = (await (await caches.open("packet-lab-v1")).keys()).map((r) => r.url);
    return keys.some((k) => k.endsWith(script)) && keys.some((k) => /\/(index\.html)?$/.test(k));
  }, script, READY_TIMEOUT_MS);
  assert.deepEqual((await cached()).filter((f) => onDemand.includes(f)), [], "the engine is not precached");

  // A heavy lab online: the worker fetches the engine's module, and the service worker keeps it.
  await importLab(page, fanOutLab());
  await page.waitForFunction(() => window.__workers.length === 1 && window.__workers[0].outcome === 1, null, { timeout: READY_TIMEOUT_MS });
  await page.waitForSelector('[data-testid="event"]');
  await waitForAsync(page, async (names) => {
    const keys = (await (await caches.open("packet-lab-v1")).keys()).map((r) => r.url.split("/").pop());
    return names.every((name) => keys.includes(name));
  }, onDemand, READY_TIMEOUT_MS);

  // Offline, reloaded: the same lab runs in the worker again, from the cache.
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector('.app[data-ready="true"]', { timeout: READY_TIMEOUT_MS });
  await page.waitForSelector('[data-testid="event"]', { timeout: READY_TIMEOUT_MS });
  await page.waitForFunction(() => window.__workers.length === 1 && window.__workers[0].outcome === 1, null, { timeout: READY_TIMEOUT_MS });
  assert.deepEqual(problems, []);
  await context.close();
});
