// Bounded work in the browser (issue 19): where no Web Worker can be made, a heavy lab runs
// on the page in pieces with its progress shown, the page answers clicks meanwhile, Cancel
// stops it and keeps the lab; and a file over the limits gets a message naming the limit.
// These pages have no `Worker` that works (an init script makes the constructor throw, as in a
// browser without module workers), so this is the fallback of src/worker/mod.rs; the worker
// itself is tests/e2e/worker.test.mjs. The page's clock is Playwright's fake clock, paused,
// so the run advances only when the test lets animation frames pass (`clock.runFor`): every
// state is waited for as a condition, never by a sleep.

import { test } from "node:test";
import assert from "node:assert/strict";

import { READY_TIMEOUT_MS, fanOutLab, labFixture, recordProblems, savedLab } from "./helpers.mjs";

const fx = labFixture();

/** The app with the clock under the test's control and no working `Worker`, on its first
 *  example. */
async function openPaused() {
  const context = await fx.browser.newContext({ viewport: { width: 1280, height: 720 } });
  await context.addInitScript(() => {
    window.__workersTried = 0;
    window.Worker = function () {
      window.__workersTried++;
      throw new Error("no workers in this test");
    };
  });
  const page = await context.newPage();
  const problems = recordProblems(page);
  const start = Date.UTC(2026, 0, 1);
  await page.clock.install({ time: start });
  await page.goto(fx.appUrl);
  await page.waitForSelector('.app[data-ready="true"]', { timeout: READY_TIMEOUT_MS });
  // From here on no timer or animation frame fires unless the test lets time run.
  await page.clock.pauseAt(start + 3_600_000);
  return { page, context, problems };
}

/** Events so far, from the progress line. */
async function eventsSoFar(page) {
  const text = await page.getByTestId("run-progress").textContent();
  return Number(text.match(/([0-9]+) events so far/)[1]);
}

test("a heavy lab shows its progress, the page answers clicks, Cancel keeps the lab, Run again finishes", async () => {
  const { page, context, problems } = await openPaused();
  await page.getByTestId("import-file").setInputFiles({
    name: "fan-out.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(fanOutLab())),
  });
  // The first piece ran at once; the rest waits for animation frames.
  await page.waitForSelector('[data-testid="run-progress"]');
  await page.waitForSelector('[data-device="h2"]');
  const first = await eventsSoFar(page);
  assert.ok(first > 0, `progress after the first piece: ${first}`);
  assert.equal(await page.evaluate(() => window.__workersTried), 1, "a worker was asked for, and could not be made");

  // A click is answered while the run is going: the device is selected, the run still shown.
  await page.locator('[data-device="pc2"] .icon').click();
  await page.waitForSelector('[data-device="pc2"].selected');
  assert.equal(await page.getByTestId("run-progress").count(), 1, "still running");

  // A few frames: the count goes up.
  await page.clock.runFor(100);
  await page.waitForFunction((n) => {
    const m = document.querySelector('[data-testid="run-progress"]')?.textContent.match(/([0-9]+) events so far/);
    return m && Number(m[1]) > n;
  }, first);

  await page.getByTestId("cancel-run").click();
  await page.waitForSelector('[data-testid="run-cancelled"]');
  assert.match(await page.getByTestId("run-cancelled").textContent(), /cancelled after [0-9]+ events\. The lab is unchanged/);
  assert.equal(await page.getByTestId("run-progress").count(), 0);
  // The lab is kept: on the canvas and in the autosave.
  assert.equal(await page.locator("[data-device]").count(), 4);
  const saved = await savedLab(page);
  assert.equal(saved.links.length, 514);

  // Run again, and let it finish: the run is there to play.
  await page.getByTestId("run-again").click();
  await page.waitForSelector('[data-testid="run-progress"]');
  // One animation frame at a time until the run is over (40 pieces at the budget).
  for (let frames = 0; (await page.getByTestId("run-progress").count()) > 0; frames++) {
    assert.ok(frames < 400, "the run ends within its work budget");
    await page.clock.runFor(20);
  }
  await page.waitForSelector('[data-testid="event"]');
  assert.equal(await page.getByTestId("run-error").count(), 0);
  assert.equal(await page.getByTestId("run-cancelled").count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a file over the limits is refused with a message naming the limit; the lab stays", async () => {
  const { page, context, problems } = await openPaused();
  const before = await page.locator("[data-device]").count();
  // Over MAX_FILE_BYTES (4 MiB): refused before it is read.
  const huge = JSON.stringify({ ...fanOutLab(), description: "x".repeat(4 << 20) });
  await page.getByTestId("import-file").setInputFiles({
    name: "huge.json", mimeType: "application/json", buffer: Buffer.from(huge),
  });
  await page.waitForSelector('[data-testid="notice"]');
  assert.match(await page.getByTestId("notice").textContent(), /huge\.json was not loaded.*the file is too large \([0-9]+ KB; a lab file is at most 4096 KB\)/s);
  await page.getByTestId("dismiss-notice").click();
  await page.waitForSelector('[data-testid="notice"]', { state: "detached" });
  // Over MAX_DEVICES: the message names the count and the limit.
  const many = fanOutLab();
  for (let i = 0; i < 2000; i++) many.devices.push({ id: `s${i}`, kind: "switch", ports: 1 });
  await page.getByTestId("import-file").setInputFiles({
    name: "many.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(many)),
  });
  await page.waitForSelector('[data-testid="notice"]');
  assert.match(await page.getByTestId("notice").textContent(), /devices: 2004 devices is too many \(a lab has at most 2000\)/);
  assert.equal(await page.locator("[data-device]").count(), before, "the lab on screen is unchanged");
  assert.deepEqual(problems, []);
  await context.close();
});
