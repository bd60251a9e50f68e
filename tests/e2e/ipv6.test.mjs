// IPv6 beside IPv4 (issue 16) in real headless Chromium, on the "IPv6 at home" example played
// to its last event: pc1 got its address by SLAAC (the tables show it with its link-local one,
// the router in its neighbour cache and the default route via the router's fe80:: address);
// router solicitations, advertisements and MLD reports are hidden until their chip is turned on,
// which says how many it hides; ping -6 across the router prints as iputils does; a neighbour
// solicitation's inspector tree has its NDP option with its bytes; an IPv6 route decision shows
// the prefix check in hex and binary.

import { test } from "node:test";
import assert from "node:assert/strict";

import { labFixture, openPage, pickExample, waitForRun } from "./helpers.mjs";

const fx = labFixture();

/** Loads the example and scrubs to its last event, waiting until the counter says "event N / N". */
async function playToEnd(page) {
  await pickExample(page, "ipv6-home");
  await waitForRun(page);
  const scrubber = page.getByTestId("scrubber");
  await scrubber.fill(await scrubber.getAttribute("max"));
  await page.waitForFunction(() => {
    const m = document.querySelector('[data-testid="event-count"]')?.textContent.match(/event (\d+) \/ (\d+)/);
    return m !== null && m !== undefined && m[1] === m[2];
  });
}

test("SLAAC: pc1's address, its router and default route; RS/RA/MLD hidden with a count", async () => {
  const { page, context, problems } = await openPage(fx);
  await playToEnd(page);
  const pc1 = page.getByTestId("tables-pc1");
  // Link-local and SLAAC addresses, both past DAD.
  const addrs = await pc1.getByTestId("addr6-row").evaluateAll((rows) => rows.map((r) => [r.dataset.address, r.dataset.state]));
  assert.ok(addrs.some(([a, s]) => a.startsWith("fe80::") && s === ""), JSON.stringify(addrs));
  assert.ok(addrs.some(([a, s]) => a.startsWith("2001:db8:1:0:") && a.endsWith("/64") && s === ""), JSON.stringify(addrs));
  // The router's link-local address in pc1's neighbour cache, learned from its advertisement.
  const neigh = await pc1.getByTestId("ndp-row").evaluateAll((rows) => rows.map((r) => [r.dataset.ip, r.dataset.state]));
  assert.ok(neigh.some(([ip]) => ip.startsWith("fe80::")), JSON.stringify(neigh));
  const routes = await pc1.getByTestId("route6-row").allTextContents();
  assert.ok(routes.some((r) => /^default via fe80::\S+ dev eth0 proto ra metric 1024$/.test(r)), JSON.stringify(routes));
  assert.ok(routes.includes("2001:db8:1::/64 dev eth0 proto kernel metric 256"), JSON.stringify(routes));

  // Housekeeping is hidden: no RS/RA/MLD row listed, and the chip says how many it hides
  // (pc1's events only, so the list holds all of them).
  await page.getByTestId("device-filter").selectOption("pc1");
  const chip = page.getByTestId("filter-ipv6-ctl");
  assert.equal(await chip.getAttribute("aria-pressed"), "false");
  const hidden = Number((await chip.getByTestId("hidden-count").textContent()).match(/(\d+) hidden/)[1]);
  assert.ok(hidden >= 5, `hidden count ${hidden}`);
  assert.equal(await page.locator('[data-testid="event"][data-class="ipv6-ctl"]').count(), 0);
  await chip.click();
  await page.waitForSelector('[data-testid="event"][data-class="ipv6-ctl"]');
  const summaries = await page.locator('[data-testid="event"][data-class="ipv6-ctl"] [data-testid="event-summary"]').allTextContents();
  assert.ok(summaries.some((s) => s.startsWith("Router Advertisement from 02:")), JSON.stringify(summaries.slice(0, 5)));
  assert.ok(summaries.some((s) => s.startsWith("Router Solicitation from 02:")));
  assert.deepEqual(problems, []);
  await context.close();
});

test("ping -6 across the router; NDP and the IPv6 prefix check in the inspector", async () => {
  const { page, context, problems } = await openPage(fx);
  await playToEnd(page);
  const lines = await page.getByTestId("term-line").allTextContents();
  assert.ok(lines.includes("PING 2001:db8:2::10(2001:db8:2::10) 56 data bytes"), JSON.stringify(lines));
  assert.ok(lines.some((l) => /^64 bytes from 2001:db8:2::10: icmp_seq=1 ttl=63 time=\d/.test(l)), JSON.stringify(lines));
  assert.ok(lines.includes("3 packets transmitted, 3 received, 0% packet loss, time 2000ms"), JSON.stringify(lines));
  assert.ok(lines.some((l) => l.startsWith(" 1  2001:db8:1::1  ")), JSON.stringify(lines));

  // r1 resolving the server: a neighbour solicitation with its source link-layer option (the
  // device filter keeps the list short enough to hold every event of srv).
  await page.getByTestId("device-filter").selectOption("srv");
  const ns = page
    .locator('[data-testid="event"]')
    .filter({ has: page.locator('[data-testid="event-summary"]', { hasText: /^Neighbor Solicitation for 2001:db8:2::10 from 02:/ }) })
    .first();
  const index = await ns.getAttribute("data-index");
  await ns.click();
  await page.waitForSelector(`[data-testid="inspected-event"][data-index="${index}"]`);
  const ipv6 = page.locator('[data-testid="layer"][data-layer="ipv6"]').first();
  assert.match(await ipv6.textContent(), /Hop Limit:\s*255/);
  assert.match(await ipv6.textContent(), /ff02::1:ff00:10/);
  const ndp = page.locator('[data-testid="layer"][data-layer="ndp"]');
  assert.match(await ndp.textContent(), /Checksum: 0x[0-9a-f]{4}\s*\[correct\]/);
  const option = ndp.locator('[data-testid="field"]').filter({ hasText: /^ICMPv6 Option \(Source link-layer address/ }).first();
  await option.click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="hex-byte"].sel').length === 8);
  assert.match(await page.getByTestId("inspector-explain").textContent(), /sends Neighbor Solicitation for 2001:db8:2::10/);

  // pc1's route decision for the server: the prefix checks in hex, the verdicts in words.
  await page.getByTestId("device-filter").selectOption("pc1");
  const route = page
    .locator('[data-testid="event"]')
    .filter({ has: page.locator(".ev-device", { hasText: /^pc1$/ }) })
    .filter({ has: page.locator('[data-testid="event-summary"]', { hasText: /^route to 2001:db8:2::10: next hop fe80::/ }) })
    .first();
  // The row may sit under the list's sticky chip bar (an IPv6 run has three more chips): a
  // dispatched click is the row's own click handler either way.
  await route.dispatchEvent("click");
  await page.waitForSelector('[data-testid="prefix-view"]');
  const verdicts = await page.getByTestId("prefix-verdict").allTextContents();
  assert.ok(verdicts.some((v) => v.includes("≠ 2001:db8:1::/64") && v.includes("differ in group 3")), JSON.stringify(verdicts));
  assert.ok(verdicts.some((v) => v.includes("= ::/0: the first 0 bits match")), JSON.stringify(verdicts));
  assert.match(await page.getByTestId("inspector-explain").textContent(), /longest matching prefix is ::\/0/);
  assert.deepEqual(problems, []);
  await context.close();
});

// Packet too big (issue 16): r1's eth1 gets MTU 1280 in the device panel; pc1 then pings the
// server with 1400 data bytes. r1 drops the 1448-byte packet and answers ICMPv6 "packet too big";
// ping prints iputils' line, the next requests go as fragments and are answered; the event list
// has r1's MTU fact and the error frame, whose inspector names the MTU; "Why did it fail?" names
// the link's MTU field.
test("a small MTU: packet too big, ping's line, fragments, the inspector and the diagnosis", async () => {
  const { page, context, problems } = await openPage(fx);
  await pickExample(page, "ipv6-home");
  await page.locator('[data-device="r1"] .icon').click();
  await page.waitForSelector('[data-testid="device-panel"] h2:text("r1")');
  const mtu = page.locator('[data-testid="iface-1"] [data-testid="mtu-1"]');
  await mtu.fill("1000");
  await mtu.press("Enter");
  // IPv6 needs 1280: the panel says so at the field, and the lab keeps its last valid state.
  await page.waitForFunction(() => /too small for IPv6/.test(document.querySelector('[data-testid="device-panel"]').textContent));
  await mtu.fill("1280");
  await mtu.press("Enter");
  await page.waitForFunction(() => !/too small for IPv6/.test(document.querySelector('[data-testid="device-panel"]').textContent));

  // Play until the example's own ping has its first reply (SLAAC is done), then ping big.
  await page.getByTestId("speed").selectOption("6");
  await page.getByTestId("play").click();
  await page.waitForFunction(
    () => [...document.querySelectorAll('[data-testid="term-line"]')].some((l) => l.textContent.startsWith("64 bytes from 2001:db8:2::10: icmp_seq=1 ")),
    null,
    { timeout: 60_000 },
  );
  if ((await page.getByTestId("play").getAttribute("aria-label")) === "Pause") {
    await page.getByTestId("play").click();
  }
  await page.getByTestId("cmd-device").selectOption("pc1");
  await page.getByTestId("cmd-kind").selectOption("line");
  await page.getByTestId("cmd-target").fill("ping -6 -c 3 -s 1400 2001:db8:2::10");
  await page.getByTestId("cmd-run").click();
  await page.waitForFunction(
    () => [...document.querySelectorAll('[data-testid="term-line"]')].some((l) => /^3 packets transmitted, 2 received, \+1 errors/.test(l.textContent)),
    null,
    { timeout: 60_000 },
  );
  // The terminal's text (a typed command's lines interleave with the example's running ping:
  // read the screen as a whole rather than the line nodes).
  const lines = (await page.getByTestId("terminal").innerText()).split("\n");
  assert.ok(lines.includes("From 2001:db8:1::1 icmp_seq=1 Packet too big: mtu=1280"), JSON.stringify(lines));
  assert.ok(lines.some((l) => /^1408 bytes from 2001:db8:2::10: icmp_seq=2 ttl=63 time=/.test(l)), JSON.stringify(lines));

  // To the end. The list shows the events up to the playhead, and clicking a row moves the
  // playhead there: the later row (the error frame) first, then r1's MTU fact before it.
  const scrubber = page.getByTestId("scrubber");
  const toEnd = async () => {
    await waitForRun(page);
    await scrubber.fill(await scrubber.getAttribute("max"));
    await page.waitForFunction(() => {
      const m = document.querySelector('[data-testid="event-count"]')?.textContent.match(/event (\d+) \/ (\d+)/);
      return m !== null && m !== undefined && m[1] === m[2];
    });
  };
  await toEnd();
  await page.getByTestId("device-filter").selectOption("r1");
  // The error frame itself: ICMPv6 type 2 with its MTU field.
  const ptb = page
    .locator('[data-testid="event"]')
    .filter({ has: page.locator('[data-testid="event-summary"]', { hasText: /^Packet Too Big \(MTU 1280\)$/ }) })
    .first();
  const index = await ptb.getAttribute("data-index");
  await ptb.dispatchEvent("click");
  await page.waitForSelector(`[data-testid="inspected-event"][data-index="${index}"]`);
  const icmp = page.locator('[data-testid="layer"][data-layer="icmp-error"]').first();
  assert.match(await icmp.textContent(), /MTU:?\s*1280/);
  // r1's MTU fact, with its sentence.
  const fact = page
    .locator('[data-testid="event"]')
    .filter({ has: page.locator('[data-testid="event-summary"]', { hasText: /^1448 bytes > MTU 1280 of eth1$/ }) })
    .first();
  await fact.dispatchEvent("click");
  await page.waitForFunction(() => /r1 cannot forward the 1448-byte packet out eth1 \(MTU 1280\)/.test(document.querySelector('[data-testid="inspector-explain"]')?.textContent ?? ""));

  // pc1's fragments are listed as Wireshark lists them.
  await toEnd();
  await page.getByTestId("device-filter").selectOption("pc1");
  await page.waitForSelector('[data-testid="event-summary"]:text-matches("^IPv6 fragment \\\\(off=1232 more=n ident=0x[0-9a-f]{8} nxt=58\\\\)$")');

  // The last event is after the ping's last line: "Why did it fail?" names r1's eth1 MTU.
  await page.getByTestId("device-filter").selectOption("");
  await page.locator('[data-testid="event"]').last().dispatchEvent("click");
  const box = page.getByTestId("diagnosis");
  await box.waitFor();
  const causes = await box.locator("[data-cause]").evaluateAll((xs) => xs.map((x) => x.dataset.cause));
  assert.ok(causes.includes("too-big"), JSON.stringify(causes));
  assert.ok((await box.getByTestId("diagnosis-field").allTextContents()).includes("devices[2].interfaces[1].mtu"));
  assert.deepEqual(problems, []);
  await context.close();
});
