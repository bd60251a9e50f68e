// NAT (issue 12) in real headless Chromium: the "Forgot NAT" example is diagnosed (the home
// router does not translate), ticking "NAT (masquerade)" on the home router's eth1 in the
// editor brings the ping replies back and the home router's NAT table holds the flow; the
// "Visit example.com" example prints the page and keeps the TCP flow in the NAT table.

import { test } from "node:test";
import assert from "node:assert/strict";

import { labFixture, openPage, waitForRun } from "./helpers.mjs";

const fx = labFixture();

/** Scrubs to the last event of the current run and waits until the counter says "event N / N"
 *  (N > 0: the run is there). */
async function toLastEvent(page) {
  const scrubber = page.getByTestId("scrubber");
  await waitForRun(page);
  await scrubber.fill(await scrubber.getAttribute("max"));
  await page.waitForFunction(() => {
    const m = document.querySelector('[data-testid="event-count"]')?.textContent.match(/event (\d+) \/ (\d+)/);
    return m !== null && m !== undefined && m[1] === m[2];
  });
}

/** Clicks the first event row whose summary matches `summary` and waits until it is inspected. */
async function jumpTo(page, summary) {
  const row = page.locator('[data-testid="event"]').filter({ has: page.locator('[data-testid="event-summary"]', { hasText: summary }) }).first();
  await row.waitFor();
  const index = await row.getAttribute("data-index");
  await row.click();
  await page.waitForSelector(`[data-testid="inspected-event"][data-index="${index}"]`);
}

test("forgot NAT: diagnosed, fixed with the NAT checkbox, and the NAT table holds the flow", async () => {
  const { page, context, problems } = await openPage(fx);
  await page.locator('[data-example="forgot-nat"]').click();
  await toLastEvent(page);
  await page.locator('[data-testid="event"]').last().click();
  const box = page.getByTestId("diagnosis");
  await box.waitFor();
  assert.equal(await box.locator("[data-cause]").getAttribute("data-cause"), "forgot-nat");
  assert.equal(await box.getByTestId("diagnosis-field").textContent(), "devices[2].interfaces[1].nat");
  assert.match(await box.getByTestId("diagnosis-text").textContent(), /does not translate: the server answers 192\.168\.1\.10, which no router on the internet knows/);
  // No NAT table anywhere yet.
  assert.equal(await page.locator('[data-testid="nat-table"]').count(), 0);

  // The fix, in the editor: the home router's eth1 gets masquerade.
  await page.locator('[data-device="home-router"] .icon').click();
  const nat = page.getByTestId("nat-1");
  await nat.waitFor();
  assert.equal(await nat.isChecked(), false);
  assert.equal(await page.getByTestId("nat-0").isChecked(), false);
  await nat.check();
  await page.waitForFunction(() => document.querySelector('[data-testid="nat-1"]')?.checked === true);

  // The new run: the replies come back. 30 s after the last one the entry has expired, so
  // at the end the table is gone; at the first reply it holds the echo flow.
  await toLastEvent(page);
  await page.waitForFunction(() => /2 packets transmitted, 2 received/.test(document.querySelector('[data-testid="terminal"]')?.textContent ?? ""));
  assert.equal(await page.locator('[data-testid="tables-home-router"] [data-testid="nat-row"]').count(), 0);
  await jumpTo(page, /^NAT eth1: destination 203\.0\.113\.2/);
  const row = page.locator('[data-testid="tables-home-router"] [data-testid="nat-row"]');
  await row.waitFor();
  assert.equal(await row.count(), 1);
  assert.match(await row.getAttribute("data-key"), /^icmp 192\.168\.1\.10 \(echo id \d+\) → 8\.8\.8\.8/);
  const text = await row.textContent();
  assert.match(text, /8\.8\.8\.8 \(echo id \d+\) → 203\.0\.113\.2/, "the reply tuple: to the outside address");
  assert.doesNotMatch(text, /UNREPLIED/, "the reply was seen");
  assert.deepEqual(problems, []);
  await context.close();
});

test("visit example.com: the page arrives through NAT and the TCP flow stays in the NAT table", async () => {
  const { page, context, problems } = await openPage(fx);
  await page.locator('[data-example="visit-example"]').click();
  await toLastEvent(page);
  await page.waitForFunction(() => /<h1>Example Domain<\/h1>/.test(document.querySelector('[data-testid="terminal"]')?.textContent ?? ""));
  const row = page.locator('[data-testid="tables-home-router"] [data-testid="nat-row"]');
  await row.waitFor();
  assert.equal(await row.count(), 1, "the DNS flows expired after 30 s; the TCP one waits 120 s in TIME_WAIT");
  assert.match(await row.getAttribute("data-key"), /^tcp 192\.168\.1\.\d+:\d+ → 93\.184\.216\.34:80$/);
  assert.match(await row.textContent(), /TIME_WAIT \[ASSURED\]/);
  assert.deepEqual(problems, []);
  await context.close();
});
