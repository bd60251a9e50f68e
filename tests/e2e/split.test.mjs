// The split wasm (issue 15, docs/size.md, scripts/split.mjs), in real headless Chromium against
// the built dist/: a first visit fetches none of the views' modules, a view's module comes
// when the view is first drawn, and after one visit the modules work offline from the service
// worker's cache.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";

import { DIST, READY_TIMEOUT_MS, labFixture, recordProblems, waitForAsync } from "./helpers.mjs";

const fx = labFixture();

/** The modules index.html names as fetched later (<meta name=packet-lab-lazy>). */
async function lazyModules() {
  const html = await readFile(path.join(DIST, "index.html"), "utf8");
  return [...html.matchAll(/<meta name=packet-lab-lazy content="\.\/([^"]+)">/g)].map((m) => m[1]);
}

/** The app with no service worker (its install would precache the modules in the background):
 *  `wasm` collects the names of the .wasm files it fetches, and modules matching `refuse` are
 *  refused (as offline before the service worker kept them). */
async function openApp({ refuse } = {}) {
  const context = await fx.browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: "block" });
  const page = await context.newPage();
  const problems = recordProblems(page);
  const wasm = [];
  page.on("request", (r) => r.url().endsWith(".wasm") && wasm.push(r.url().split("/").pop()));
  if (refuse) await page.route(refuse, (route) => route.abort("internetdisconnected"));
  await page.goto(fx.appUrl);
  await page.waitForSelector('.app[data-ready="true"]', { timeout: READY_TIMEOUT_MS });
  return { context, page, problems, wasm };
}

test("index.html names the split modules, and each is in dist/", async () => {
  const lazy = await lazyModules();
  assert.ok(lazy.some((f) => /^packet-lab-load-share-dialog-[0-9a-f]{16}\.wasm$/.test(f)), `the share dialog's module: ${lazy}`);
  for (const f of lazy) await readFile(path.join(DIST, f));
});

test("a first visit fetches the tables' split module and no other view's; the Share dialog's comes when it is opened", async () => {
  const lazy = await lazyModules();
  const { context, page, problems, wasm } = await openApp();
  // The main module, and the page's engine, fetched right after the first paint
  // (engine-split.test.mjs); the tables' pane is on the first paint, and its tables are a
  // split view: they fill in from their module.
  await page.locator('.tables-pane [data-testid="tables-laptop"]').waitFor({ timeout: READY_TIMEOUT_MS });
  assert.ok(wasm.some((f) => /^packet-lab-load-tables-/.test(f)), `the tables' module was fetched: ${wasm}`);
  const views = wasm.filter((f) => !/^packet-lab-load-(engine|tables)-/.test(f));
  assert.equal(views.length, 1, `only the main module: ${wasm}`);
  assert.ok(!lazy.includes(views[0]));
  await page.getByTestId("share").click();
  await page.getByTestId("share-dialog").waitFor({ timeout: READY_TIMEOUT_MS });
  assert.match(await page.getByTestId("share-url").inputValue(), /#lab=/);
  assert.ok(wasm.some((f) => /^packet-lab-load-share-dialog-/.test(f)), `the share module was fetched: ${wasm}`);
  // Closed and opened again: drawn at once, not fetched again.
  await page.getByTestId("share-close").click();
  await page.getByTestId("share").click();
  await page.getByTestId("share-dialog").waitFor();
  assert.equal(wasm.filter((f) => /^packet-lab-load-share-dialog-/.test(f)).length, 1);
  assert.deepEqual(problems, []);
  await context.close();
});

test("after one visit a split view opens offline, its module served by the service worker", async () => {
  const lazy = await lazyModules();
  const context = await fx.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(fx.appUrl);
  await page.waitForSelector('.app[data-ready="true"]', { timeout: READY_TIMEOUT_MS });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: READY_TIMEOUT_MS });
  // The install's precache keeps every module index.html names.
  await waitForAsync(page, async (lazy) => {
    const keys = (await (await caches.open("packet-lab-v1")).keys()).map((r) => r.url.split("/").pop());
    return lazy.every((f) => keys.includes(f));
  }, lazy, READY_TIMEOUT_MS);
  await context.setOffline(true);
  const served = [];
  page.on("response", (r) => /packet-lab-load-share-dialog-/.test(r.url()) && served.push(r.fromServiceWorker()));
  await page.reload();
  await page.waitForSelector('.app[data-ready="true"]', { timeout: READY_TIMEOUT_MS });
  await page.getByTestId("share").click();
  await page.getByTestId("share-dialog").waitFor({ timeout: READY_TIMEOUT_MS });
  assert.deepEqual(served, [true], "the share module came from the service worker");
  await context.close();
});

test("a split view whose module cannot be fetched says so where it would be; the app goes on", async () => {
  // The Share dialog's module is refused (offline before the service worker kept it).
  const { context, page, problems } = await openApp({ refuse: /packet-lab-load-share-dialog[^/]*\.wasm$/ });
  await page.getByTestId("share").click();
  const failed = page.getByTestId("split-failed");
  await failed.waitFor({ timeout: READY_TIMEOUT_MS });
  assert.match(await failed.textContent(), /could not be downloaded.*reload the page/);
  assert.equal(await page.getByTestId("share-dialog").count(), 0);
  // Nothing stopped: the lab still plays one step.
  const count = () => page.getByTestId("event-count").textContent();
  const before = await count();
  await page.getByTestId("step").click();
  await page.waitForFunction((b) => document.querySelector('[data-testid="event-count"]').textContent !== b, before);
  // What failed is the refused module only (its request and wasm-split's log of it).
  assert.deepEqual(problems.filter((p) => !/packet-lab-load-share-dialog|Failed to load wasm-split module|ERR_INTERNET_DISCONNECTED/.test(p)), []);
  await context.close();
});

test("predict mode's questions and the what-if's comparison are modules fetched when turned on", async () => {
  const { context, page, problems, wasm } = await openApp();
  const fetched = (re) => wasm.filter((f) => re.test(f)).length;
  assert.equal(fetched(/^packet-lab-load-(questions|compare)-/), 0, `a first visit fetches neither: ${wasm}`);

  // Predict mode: the module comes with the switch, and a question is asked.
  await page.getByTestId("predict-toggle").check();
  await page.waitForFunction(() => performance.getEntriesByType("resource").some((e) => /packet-lab-load-questions-/.test(e.name)));
  await page.getByTestId("play").click();
  await page.getByTestId("predict-card").waitFor({ timeout: READY_TIMEOUT_MS });
  assert.equal(fetched(/^packet-lab-load-questions-/), 1);
  await page.getByTestId("predict-toggle").uncheck();

  // The what-if: the comparison's module comes with "What if…?", and compares the two runs.
  await page.getByTestId("whatif").click();
  await page.getByTestId("whatif-banner").waitFor();
  await page.getByTestId("whatif-compare").click();
  await page.waitForFunction(() => {
    const s = document.querySelector('[data-testid="whatif-sentence"]')?.textContent;
    return s && s !== "Running the variant…";
  }, null, { timeout: READY_TIMEOUT_MS });
  assert.equal(fetched(/^packet-lab-load-compare-/), 1);
  assert.deepEqual(problems, []);
  await context.close();
});

test("predict mode whose questions' module cannot be fetched says so; the lab still plays", async () => {
  const { context, page, problems } = await openApp({ refuse: /packet-lab-load-questions[^/]*\.wasm$/ });
  await page.getByTestId("predict-toggle").check();
  const failed = page.getByTestId("split-failed");
  await failed.waitFor({ timeout: READY_TIMEOUT_MS });
  assert.match(await failed.textContent(), /could not be downloaded/);
  const count = () => page.getByTestId("event-count").textContent();
  const before = await count();
  await page.getByTestId("step").click();
  await page.waitForFunction((b) => document.querySelector('[data-testid="event-count"]').textContent !== b, before);
  assert.deepEqual(problems.filter((p) => !/packet-lab-load-questions|Failed to load wasm-split module|ERR_INTERNET_DISCONNECTED/.test(p)), []);
  await context.close();
});

test("the exercises' judge is a module fetched when an exercise starts, and again to resume it after a reload", async () => {
  const { context, page, problems, wasm } = await openApp();
  const judge = () => wasm.filter((f) => /^packet-lab-load-judge-/.test(f)).length;
  assert.equal(judge(), 0, `a first visit does not fetch it: ${wasm}`);
  await page.locator('[data-testid="course"] > summary').click();
  await page.locator('[data-exercise="right-network"].course-item').click();
  await page.waitForSelector('[data-testid="exercise"][data-exercise="right-network"]', { timeout: READY_TIMEOUT_MS });
  assert.equal(judge(), 1);
  // The exercise comes back after a reload (its module fetched again: no service worker here).
  await page.reload();
  await page.waitForSelector('[data-testid="exercise"][data-exercise="right-network"]', { timeout: READY_TIMEOUT_MS });
  assert.equal(judge(), 2);
  assert.deepEqual(problems, []);
  await context.close();
});
