// DHCP and DNS (issue 11) in real headless Chromium: the "Home network: DHCP" example played to
// its last event shows the laptop's lease in the tables (the client's and the server's lease
// table) and a DHCP frame's options as a tree in the inspector; the "Name lookup" example's
// terminal shows `host`'s answer lines.

import { test } from "node:test";
import assert from "node:assert/strict";

import { labFixture, openPage, waitForRun } from "./helpers.mjs";

const fx = labFixture();

/** Loads an example from the list and scrubs to its last event (as inspector.test.mjs does),
 *  waiting until the counter says "event N / N". */
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

test("home DHCP: the lease shows in the tables and a DHCP frame's options in the inspector", async () => {
  const { page, context, problems } = await openPage(fx);
  await playExample(page, "home-dhcp");
  // The client's lease on the laptop, and the same address in the router's lease table.
  const client = page.locator('[data-testid="tables-laptop"] [data-testid="client-lease-row"]');
  await client.waitFor();
  assert.equal(await client.getAttribute("data-key"), "192.168.1.172/24");
  assert.match(await client.textContent(), /192\.168\.1\.1/, "router and DNS server");
  const lease = page.locator('[data-testid="tables-home-router"] [data-testid="lease-row"][data-key="192.168.1.172"]');
  await lease.waitFor();
  assert.match(await lease.textContent(), /laptop/);
  // The DHCPACK row says what it carries.
  const ack = page.locator('[data-testid="event-summary"]', { hasText: /^DHCPACK: 192\.168\.1\.172\/24 via 192\.168\.1\.1, DNS 192\.168\.1\.1/ });
  assert.equal(await ack.count(), 1);
  // Inspect the DHCP ACK frame: UDP with a verified checksum, and one node per option.
  const row = page.locator('[data-testid="event"]').filter({ has: page.locator('[data-testid="event-summary"]', { hasText: /^DHCP ACK/ }) }).first();
  const index = await row.getAttribute("data-index");
  await row.click();
  await page.waitForSelector(`[data-testid="inspected-event"][data-index="${index}"]`);
  await page.waitForSelector('[data-testid="layer"][data-layer="dhcp"]');
  assert.match(await page.locator('[data-testid="layer"][data-layer="udp"]').textContent(), /Checksum: 0x[0-9a-f]{4}\s*\[correct\]/);
  const names = await page.locator('[data-testid="layer"][data-layer="dhcp"] [data-testid="field"]').evaluateAll((els) => els.map((e) => e.dataset.name));
  for (const code of [53, 54, 51, 1, 3, 6]) {
    assert.ok(names.some((n) => n.startsWith(`Option: (${code})`)), `option ${code} in ${names.join(" | ")}`);
  }
  // Field ↔ bytes: selecting option 53 highlights its three bytes (code, length, value).
  const opt = page.locator('[data-testid="layer"][data-layer="dhcp"] [data-testid="field"]').filter({ hasText: /^Option: \(53\)/ }).first();
  await opt.click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="hex-byte"].sel').length === 3);
  assert.deepEqual(problems, []);
  await context.close();
});

test("name lookup: the terminal shows host's answer lines", async () => {
  const { page, context, problems } = await openPage(fx);
  await playExample(page, "name-lookup");
  await page.waitForFunction(() => /example\.com has address 93\.184\.216\.34/.test(document.querySelector('[data-testid="terminal"]')?.textContent ?? ""));
  const term = await page.getByTestId("terminal").textContent();
  assert.match(term, /www\.example\.com is an alias for example\.com\./);
  assert.match(term, /example\.com has address 93\.184\.216\.34/);
  const answer = page.locator('[data-testid="tables-laptop"] [data-testid="dns-row"][data-key="www.example.com"]');
  await answer.waitFor();
  assert.match(await answer.textContent(), /93\.184\.216\.34/);
  assert.deepEqual(problems, []);
  await context.close();
});
