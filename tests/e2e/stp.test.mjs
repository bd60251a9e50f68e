// The spanning tree (issue 14). The "Loop with spanning tree" example: at the end of its run
// each STP port has a badge with its role and state, the STP table names the root, and pc1's
// pings got through although the switches are cabled in a triangle. The same triangle without
// STP ("Switch loop") is the broadcast storm the lab detects. Ticking "Spanning tree (STP)" in a
// switch's panel gives it badges and an STP table. No console errors.

import { test } from "node:test";
import assert from "node:assert/strict";

import { labFixture, openPage, pickExample } from "./helpers.mjs";

const fx = labFixture();

/** [shown, total] from the event counter. */
async function eventCount(page) {
  const [, n, m] = (await page.getByTestId("event-count").textContent()).match(/event (\d+) \/ (\d+)/);
  return [Number(n), Number(m)];
}

/** Moves the playhead to the last event, once the run is there. */
async function toEnd(page) {
  await page.waitForFunction(() => /event \d+ \/ [1-9]\d*/.test(document.querySelector('[data-testid="event-count"]')?.textContent ?? ""), null, { timeout: 60_000 });
  const [, total] = await eventCount(page);
  await page.getByTestId("scrubber").fill(String(total));
  await page.waitForFunction((total) => document.querySelector('[data-testid="event-count"]').textContent.includes(`event ${total} /`), total);
}

/** (port → [role, state]) of the canvas badges. */
function badges(page) {
  return page.getByTestId("stp-badge").evaluateAll((gs) => Object.fromEntries(gs.map((g) => [g.dataset.port, [g.dataset.role, g.dataset.state]])));
}

test("STP on: badges on the ports, the STP table, and pc1's pings get through the triangle", async () => {
  const { page, context, problems } = await openPage(fx, "");
  await pickExample(page, "stp-loop");
  await toEnd(page);
  const b = await badges(page);
  // Every cabled switch port has one: 8 of the 9 (sw2's p3 has no cable).
  assert.equal(Object.keys(b).length, 8, JSON.stringify(b));
  // sw1 set p3 down at 45 s: p3 and the far end sw3/p2 are disabled; sw2/p1, blocked until
  // then, took over and forwards; sw1 now reaches the root (sw3) through sw2.
  assert.deepEqual(b["sw1/p3"], ["disabled", "disabled"]);
  assert.deepEqual(b["sw3/p2"], ["disabled", "disabled"]);
  assert.deepEqual(b["sw2/p1"], ["designated", "forwarding"]);
  assert.deepEqual(b["sw1/p2"], ["root", "forwarding"]);
  const sw1 = page.getByTestId("tables-sw1").getByTestId("stp-table");
  assert.equal(await sw1.getAttribute("data-root-port"), "p2");
  assert.match(await sw1.getByTestId("stp-root").textContent(), /via p2, cost 38/);
  assert.match(await page.getByTestId("tables-sw3").getByTestId("stp-root").textContent(), /this bridge/);
  // Both pings (at 31 s, and at 95 s after the tree healed) got both replies; no storm.
  const term = await page.getByTestId("terminal").textContent();
  assert.equal(term.match(/2 packets transmitted, 2 received, 0% packet loss/g)?.length, 2, term);
  assert.equal(await page.getByTestId("storm-notice").count(), 0);

  // Before the cut, sw2/p1 was the blocked port: scrub back to the first ping's reply.
  const [, total] = await eventCount(page);
  let lo = 0, hi = total;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    await page.getByTestId("scrubber").fill(String(mid));
    await page.waitForFunction((mid) => document.querySelector('[data-testid="event-count"]').textContent.includes(`event ${mid} /`), mid);
    const t = await page.getByTestId("terminal").textContent();
    if (/2 packets transmitted/.test(t)) hi = mid; else lo = mid;
  }
  await page.getByTestId("scrubber").fill(String(hi));
  await page.waitForFunction((hi) => document.querySelector('[data-testid="event-count"]').textContent.includes(`event ${hi} /`), hi);
  const before = await badges(page);
  assert.deepEqual(before["sw2/p1"], ["alternate", "blocking"], JSON.stringify(before));
  assert.deepEqual(before["sw1/p3"], ["root", "forwarding"]);
  const blocked = Object.entries(before).filter(([, [, s]]) => s === "blocking").map(([p]) => p);
  assert.deepEqual(blocked, ["sw2/p1"]);
  assert.equal(await page.locator('[data-testid="tables-sw2"] [data-testid="stp-row"][data-port="p1"]').getAttribute("data-state"), "blocking");
  assert.deepEqual(problems, []);
  await context.close();
});

test("STP off: the same triangle is a broadcast storm; ticking STP in a switch's panel turns it on", async () => {
  const { page, context, problems } = await openPage(fx, "");
  await pickExample(page, "switch-loop");
  await toEnd(page);
  await page.getByTestId("storm-notice").waitFor();
  assert.match(await page.getByTestId("storm-notice").textContent(), /Broadcast storm/);
  assert.equal(await page.getByTestId("stp-badge").count(), 0, "no STP, no badges");
  assert.equal(await page.getByTestId("stp-table").count(), 0);

  // The switch panel's checkbox: sw1 runs STP, gets an STP table and badges on its ports.
  await page.locator('[data-device="sw1"]').click();
  await page.getByTestId("device-panel").waitFor();
  await page.getByTestId("stp").check();
  await page.getByTestId("bridge-priority").waitFor();
  await toEnd(page);
  await page.getByTestId("tables-sw1").getByTestId("stp-table").waitFor();
  const b = await badges(page);
  assert.deepEqual(Object.keys(b).sort(), ["sw1/p1", "sw1/p2", "sw1/p3"]);
  assert.deepEqual(problems, []);
  await context.close();
});
