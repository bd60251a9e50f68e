// Router on a stick (issue 14): the example of that name plays; pc1 (VLAN 10) pings pc2
// (VLAN 20) through r1's subinterfaces eth0.10 and eth0.20 on one trunk cable. sw1's MAC
// table has a VLAN column, with r1's MAC learned twice (VLAN 10 and VLAN 20, both on p3);
// r1's reply on the trunk shows its 802.1Q layer in the inspector, and its sentence names
// the subinterface and the tag. r1's panel shows the subinterfaces' parent and VLAN id.
// No console errors.

import { test } from "node:test";
import assert from "node:assert/strict";

import { labFixture, openPage, pickExample } from "./helpers.mjs";

const fx = labFixture();

/** "event N / M" of the status line, as [N, M]. */
async function eventCount(page) {
  const text = await page.getByTestId("event-count").textContent();
  const [, n, m] = text.match(/event (\d+) \/ (\d+)/);
  return [Number(n), Number(m)];
}

async function seek(page, n) {
  await page.getByTestId("scrubber").fill(String(n));
  await page.waitForFunction((n) => document.querySelector('[data-testid="event-count"]').textContent.includes(`event ${n} /`), n);
}

test("router on a stick: tagged frames in the inspector and the per-VLAN MAC table", async () => {
  const { page, context, problems } = await openPage(fx, "");
  await pickExample(page, "router-on-a-stick");
  await page.waitForFunction(() => /event \d+ \/ [1-9]\d*/.test(document.querySelector('[data-testid="event-count"]')?.textContent ?? ""), null, { timeout: 60_000 });
  const [, total] = await eventCount(page);

  // Play to the end: both echoes came back through r1 (TTL 63).
  await seek(page, total);
  const term = await page.getByTestId("terminal").textContent();
  assert.match(term, /2 packets transmitted, 2 received, 0% packet loss/);
  assert.match(term, /64 bytes from 192\.168\.20\.10: icmp_seq=1 ttl=63/);

  // The first point where ping has printed its statistics: the MACs are all learned (they
  // age out only 300 s later).
  let lo = 0, hi = total;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    await seek(page, mid);
    if (/2 packets transmitted/.test(await page.getByTestId("terminal").textContent())) hi = mid; else lo = mid;
  }
  await seek(page, hi);
  const sw1 = page.getByTestId("tables-sw1").getByTestId("mac-table");
  assert.equal(await sw1.getAttribute("data-vlans"), "on");
  await sw1.getByTestId("mac-col-vlan").waitFor();
  const rows = await sw1.getByTestId("mac-row").evaluateAll((rs) => rs.map((r) => [r.dataset.vlan, r.dataset.port, r.dataset.mac, r.cells[0].textContent]));
  const r1mac = rows.filter(([, port]) => port === "p3");
  assert.deepEqual(r1mac.map(([vlan]) => vlan), ["10", "20"], JSON.stringify(rows));
  assert.equal(r1mac[0][2], r1mac[1][2], "the same MAC, r1's, in both VLANs");
  assert.deepEqual(r1mac.map(([, , , cell]) => cell), ["10", "20"], "the VLAN column shows the VLAN");
  assert.deepEqual(rows.filter(([, port]) => port !== "p3").map(([vlan, port]) => [vlan, port]), [["10", "p1"], ["20", "p2"]]);

  // r1's echo reply on the trunk: sent by eth0.10, tagged VLAN 10.
  const row = page
    .locator('[data-testid="event"]')
    .filter({ has: page.locator(".ev-device", { hasText: /^r1 → sw1$/ }) })
    .filter({ has: page.locator('[data-testid="event-summary"]', { hasText: /^Echo \(ping\) reply/ }) })
    .first();
  const index = await row.getAttribute("data-index");
  await row.click();
  await page.waitForSelector(`[data-testid="inspected-event"][data-index="${index}"]`);
  const layer = page.locator('[data-testid="layer"][data-layer="vlan"]');
  await layer.waitFor();
  assert.match(await layer.textContent(), /802\.1Q Virtual LAN, PRI: 0, DEI: 0, ID: 10/);
  assert.match(await page.getByTestId("inspector-explain").textContent(), /^r1\/eth0\.10 sends Echo \(ping\) reply .* tagged VLAN 10 \(102 bytes\) out of its parent eth0 on sw1-r1/);

  // r1's panel: eth0.20 is a subinterface of eth0 in VLAN 20, with no MAC field of its own.
  await page.locator('[data-device="r1"]').click();
  await page.getByTestId("device-panel").waitFor();
  assert.equal(await page.getByTestId("sub-parent-2").inputValue(), "eth0");
  assert.equal(await page.getByTestId("sub-vlan-2").inputValue(), "20");
  assert.equal(await page.getByTestId("mac-2").count(), 0);
  assert.equal(await page.getByTestId("add-subinterface-0").count(), 1);
  assert.deepEqual(problems, []);
  await context.close();
});
