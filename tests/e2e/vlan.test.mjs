// 802.1Q VLANs (issue 14, part 3) on the "Two VLANs on one switch" example: each port of the
// VLAN-filtering switches has a badge with its VLAN (T for the trunk), a frame on the trunk
// shows its 802.1Q layer in the inspector, and the failed ping to the host in the other VLAN
// is diagnosed as the wrong VLAN; moving pc3's port to VLAN 10 in sw1's panel fixes it. No
// console errors.

import { test } from "node:test";
import assert from "node:assert/strict";

import { labFixture, openPage, pickExample, waitForRun } from "./helpers.mjs";

const fx = labFixture();

test("VLAN badges, the 802.1Q layer of a trunk frame, and the wrong-VLAN diagnosis", async () => {
  const { page, context, problems } = await openPage(fx, "");
  await pickExample(page, "two-vlans");
  const vlans = await page.getByTestId("vlan-badge").evaluateAll((gs) => Object.fromEntries(gs.map((g) => [g.dataset.port, g.dataset.vlan])));
  assert.deepEqual(vlans, {
    "sw1/p1": "10", "sw1/p2": "10", "sw1/p3": "20", "sw1/p4": "T",
    "sw2/p1": "20", "sw2/p2": "10", "sw2/p3": "T",
  });
  // The cables take their VLAN's colour; the trunk between the switches is drawn dashed.
  const links = await page.locator("g.link").evaluateAll((gs) => Object.fromEntries(gs.map((g) => [g.dataset.link, g.dataset.vlan])));
  assert.deepEqual(links, {
    "pc1-sw1": "10", "pc2-sw1": "10", "pc3-sw1": "20", "sw1-sw2": "T", "pc4-sw2": "20", "pc5-sw2": "10",
  });
  const stroke = (id) => page.locator(`g.link[data-link="${id}"] .link-line`).evaluate((l) => getComputedStyle(l).stroke);
  assert.equal(await stroke("pc1-sw1"), await stroke("pc2-sw1"));
  assert.notEqual(await stroke("pc1-sw1"), await stroke("pc3-sw1"));
  assert.equal(await page.locator('g.link[data-link="sw1-sw2"] .link-line').evaluate((l) => getComputedStyle(l).strokeDasharray), "10px, 4px");

  const scrubber = page.getByTestId("scrubber");
  await waitForRun(page);
  await scrubber.fill(await scrubber.getAttribute("max"));
  await page.waitForSelector('[data-testid="event"]');

  // The last event (the list is at the end) is after the failed ping to pc3: "Why did it fail?" names the VLANs.
  await page.locator('[data-testid="event"]').last().click();
  const box = page.getByTestId("diagnosis");
  await box.waitFor();
  assert.equal(await box.locator("[data-cause]").getAttribute("data-cause"), "wrong-vlan");
  assert.equal(await box.getByTestId("diagnosis-field").textContent(), "devices[3].vlans.p3.pvid");
  assert.match(await box.getByTestId("diagnosis-text").textContent(), /pc1's cable ends in VLAN 10 \(sw1 p1\) and pc3's in VLAN 20 \(sw1 p3\)/);

  // pc1's ARP request as it crosses the trunk: sent by sw1, tagged with VLAN 10.
  const row = page
    .locator('[data-testid="event"]')
    .filter({ has: page.locator(".ev-device", { hasText: /^sw1 → sw2$/ }) })
    .filter({ has: page.locator('[data-testid="event-summary"]', { hasText: /^Who has 10\.0\.0\.2\?/ }) })
    .first();
  const index = await row.getAttribute("data-index");
  await row.click();
  await page.waitForSelector(`[data-testid="inspected-event"][data-index="${index}"]`);
  const layer = page.locator('[data-testid="layer"][data-layer="vlan"]');
  await layer.waitFor();
  assert.match(await layer.textContent(), /802\.1Q Virtual LAN, PRI: 0, DEI: 0, ID: 10/);

  // The switch panel: sw1 filters VLANs, p3 is in VLAN 20; moving p3 to VLAN 10 lets the ping through.
  await page.locator('[data-device="sw1"]').click();
  await page.getByTestId("device-panel").waitFor();
  assert.equal(await page.getByTestId("vlan-filtering").isChecked(), true);
  assert.equal(await page.getByTestId("pvid-3").inputValue(), "20");
  assert.equal(await page.getByTestId("tagged-4").inputValue(), "10, 20");
  await page.getByTestId("pvid-3").fill("10");
  await page.getByTestId("pvid-3").press("Enter");
  await page.waitForSelector('[data-testid="vlan-badge"][data-port="sw1/p3"][data-vlan="10"]');
  await waitForRun(page);
  await scrubber.fill(await scrubber.getAttribute("max"));
  await page.waitForFunction(() => (document.querySelector('[data-testid="terminal"]').textContent.match(/1 packets transmitted, 1 received/g) ?? []).length === 3);
  assert.deepEqual(problems, []);
  await context.close();
});
