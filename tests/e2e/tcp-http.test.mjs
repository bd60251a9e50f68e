// TCP and HTTP (issue 12, phase 2) in real headless Chromium: the "Fetch a page" example
// prints the page body in the terminal and its socket tables show the connection ESTAB on
// both ends, then TIME-WAIT on the laptop; the "Connection refused" example gets its
// diagnosis.

import { test } from "node:test";
import assert from "node:assert/strict";

import { labFixture, openPage, waitForRun } from "./helpers.mjs";

const fx = labFixture();

/** Loads an example and scrubs to its last event, waiting until the counter says "event N / N". */
async function playExample(page, stem) {
  await page.locator(`[data-example="${stem}"]`).click();
  await page.waitForSelector('[data-testid="event"]');
  const scrubber = page.getByTestId("scrubber");
  await waitForRun(page);
  await scrubber.fill(await scrubber.getAttribute("max"));
  await page.waitForFunction(() => {
    const m = document.querySelector('[data-testid="event-count"]')?.textContent.match(/event (\d+) \/ (\d+)/);
    return m !== null && m !== undefined && m[1] === m[2];
  });
}

/** The index of the first event row whose summary matches `summary` (the list shows the
 *  events up to the cursor, so ask while the cursor is at the end). */
async function indexOf(page, summary) {
  const row = page.locator('[data-testid="event"]').filter({ has: page.locator('[data-testid="event-summary"]', { hasText: summary }) }).first();
  return Number(await row.getAttribute("data-index"));
}

/** Moves the cursor to just after event `index`. */
async function scrubTo(page, index) {
  await page.getByTestId("scrubber").fill(String(index + 1));
}

test("fetch a page: the body in the terminal, ESTAB and TIME-WAIT in the socket tables", async () => {
  const { page, context, problems } = await openPage(fx);
  await playExample(page, "fetch-page");
  await page.waitForFunction(() => /Hello from the web server/.test(document.querySelector('[data-testid="terminal"]')?.textContent ?? ""));
  const term = await page.getByTestId("terminal").textContent();
  assert.match(term, /< HTTP\/1\.1 200 OK/);
  assert.match(term, /<h1>Hello from the web server<\/h1>/);
  assert.match(term, /Connection #0 to host www\.example\.com left intact/);
  // At the end only the server's listener is left.
  const listen = page.locator('[data-testid="tables-web"] [data-testid="socket-row"][data-key="LISTEN"]');
  await listen.waitFor();
  assert.match(await listen.textContent(), /0\.0\.0\.0:80/);
  const established = await indexOf(page, /^TCP 192\.168\.1\.20:80 ↔ 192\.168\.1\.10:\d+: ESTAB$/);
  const timeWait = await indexOf(page, /^TCP 192\.168\.1\.10:\d+ ↔ 192\.168\.1\.20:80: TIME-WAIT$/);
  // Just after the server's side of the handshake: ESTAB on both ends.
  await scrubTo(page, established);
  const estab = page.locator('[data-testid="tables-laptop"] [data-testid="socket-row"][data-key="ESTAB"]');
  await estab.waitFor();
  assert.match(await estab.textContent(), /192\.168\.1\.20:80/);
  await page.locator('[data-testid="tables-web"] [data-testid="socket-row"][data-key="ESTAB"]').waitFor();
  // After the close: TIME-WAIT on the laptop, which closed first.
  await scrubTo(page, timeWait);
  await page.locator('[data-testid="tables-laptop"] [data-testid="socket-row"][data-key="TIME-WAIT"]').waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test("connection refused: curl's error in the terminal and the diagnosis", async () => {
  const { page, context, problems } = await openPage(fx);
  await playExample(page, "connection-refused");
  await page.waitForFunction(() => /curl: \(7\) Failed to connect/.test(document.querySelector('[data-testid="terminal"]')?.textContent ?? ""));
  assert.match(await page.getByTestId("terminal").textContent(), /connect to 192\.168\.1\.20 port 80 failed: Connection refused/);
  await page.locator('[data-testid="event"]').last().click();
  const box = page.getByTestId("diagnosis");
  await box.waitFor();
  assert.equal(await box.locator("[data-cause]").getAttribute("data-cause"), "connection-refused");
  assert.equal(await box.getByTestId("diagnosis-field").textContent(), "devices[2].services");
  assert.match(await box.getByTestId("diagnosis-text").textContent(), /connection refused: nothing listens on port 80 on server/);
  assert.deepEqual(problems, []);
  await context.close();
});
