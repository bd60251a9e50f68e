// A cable pulled during a ping (issue 18): on the "same network" example, pc1's ping runs,
// and after its first reply `ip link set eth0 down` is typed on pc1 in the command form. The
// lab runs again from there: the terminal shows the command and ping's "sendmsg: Network is
// unreachable" for the probes that follow, the tables lose pc1's route and ARP entry and show
// the ports that are down (pc1/eth0, and sw1/p1 which lost carrier), the event list has the
// change with its sentence. A command naming a missing port is refused with the reason.

import { test } from "node:test";
import assert from "node:assert/strict";

import { labFixture, openPage, waitForRun } from "./helpers.mjs";

const fx = labFixture();

/** True once a terminal line starts with `prefix`. */
function termLine(page, prefix) {
  return page.waitForFunction(
    (prefix) => [...document.querySelectorAll('[data-testid="term-line"]')].some((l) => l.textContent.startsWith(prefix)),
    prefix,
    { timeout: 60_000 },
  );
}

async function pause(page) {
  if ((await page.getByTestId("play").getAttribute("aria-label")) === "Pause") {
    await page.getByTestId("play").click();
  }
}

async function typeCommand(page, device, line) {
  await page.getByTestId("cmd-device").selectOption(device);
  await page.getByTestId("cmd-kind").selectOption("line");
  await page.getByTestId("cmd-target").fill(line);
  await page.getByTestId("cmd-run").click();
}

test("ip link set eth0 down typed mid-ping: ping says why, the tables and events show it", async () => {
  const { page, context, problems } = await openPage(fx, "");
  await page.click('[data-example="same-network"]');
  await page.waitForSelector('[data-example="same-network"][aria-pressed="true"]');
  await page.getByTestId("speed").selectOption("6"); // 4×
  await page.getByTestId("play").click();
  await termLine(page, "64 bytes from 10.10.10.100: icmp_seq=1 ");
  await pause(page);
  // Before: pc1 has its connected route and an ARP entry for pc2; nothing is down.
  const pc1 = page.getByTestId("tables-pc1");
  assert.equal(await pc1.getByTestId("route-row").count(), 1);
  assert.equal(await pc1.locator('[data-testid="arp-row"][data-ip="10.10.10.100"]').count(), 1);
  assert.equal(await page.getByTestId("ports-down").count(), 0);

  // A port that does not exist is refused, naming what the switch has.
  await typeCommand(page, "sw1", "ip link set p9 down");
  await page.waitForSelector('[data-testid="cmd-error"]');
  assert.match(await page.getByTestId("cmd-error").textContent(), /sw1 has no port p9 \(it has p1, p2, p3, p4\)/);

  await typeCommand(page, "pc1", "ip link set eth0 down");
  await termLine(page, "ping: sendmsg: Network is unreachable");
  // Where Pause landed decides whether the second probe went before the command.
  await termLine(page, "3 packets transmitted, ");
  await pause(page);
  const lines = await page.getByTestId("term-line").allTextContents();
  const stats = lines.find((l) => l.startsWith("3 packets transmitted, "));
  const received = Number(stats.match(/, (\d) received,/)[1]);
  assert.ok(received === 1 || received === 2, stats);
  assert.equal(lines.filter((l) => l === "ping: sendmsg: Network is unreachable").length, 3 - received, JSON.stringify(lines));
  assert.equal(await page.getByTestId("cmd-error").count(), 0, "the command was accepted");
  const prompts = await page.locator(".term-prompt").allTextContents();
  assert.ok(prompts.includes("pc1$ ip link set eth0 down"), JSON.stringify(prompts));

  // The tables at the playhead: no route and no neighbour left on pc1; eth0 and sw1's p1 down.
  assert.equal(await pc1.getByTestId("route-row").count(), 0);
  assert.match(await pc1.getByTestId("route-table").textContent(), /empty: no route/);
  assert.equal(await pc1.getByTestId("arp-row").count(), 0);
  assert.equal(await pc1.getByTestId("ports-down").textContent(), "down: eth0");
  assert.equal(await page.getByTestId("tables-sw1").getByTestId("ports-down").textContent(), "down: p1");
  // The canvas draws the cable cut; pc2's cable is whole.
  assert.deepEqual(await page.$$eval('[data-testid="cable-cut"]', (cuts) => cuts.map((c) => c.dataset.link)), ["pc1-sw1"]);

  // sw1 forgot pc1's MAC when p1 lost carrier; pc2's stays.
  const sw1 = page.getByTestId("tables-sw1");
  assert.equal(await sw1.locator('[data-testid="mac-row"][data-port="p1"]').count(), 0);
  assert.equal(await sw1.locator('[data-testid="mac-row"][data-port="p2"]').count(), 1);

  // The event list has the change; its sentence says what it did.
  const row = page.locator('[data-testid="event"]', { has: page.locator('[data-testid="event-summary"]', { hasText: /^eth0 down$/ }) });
  await row.first().click();
  await page.waitForFunction(() => document.querySelector('[data-testid="explain"]')?.textContent.startsWith("pc1 sets eth0 down (ip link set eth0 down)"), null, { timeout: 10_000 });

  assert.deepEqual(problems, []);
  await context.close();
});

/** Shows the first `n` events with the timeline's scrubber, as dragging it does. */
async function scrubTo(page, n) {
  await waitForRun(page);
  await page.getByTestId("scrubber").evaluate((el, n) => {
    el.value = String(n);
    el.dispatchEvent(new Event("input", { bubbles: true }));
  }, n);
  await page.waitForFunction((n) => document.querySelector('[data-testid="event-count"]')?.textContent.startsWith(`event ${n} /`), n);
}

test("the 'Pull the cable' example: pings 4 and 5 come back unreachable, r1's eth1 shows down", async () => {
  const { page, context, problems } = await openPage(fx, "");
  await page.click('[data-example="pull-the-cable"]');
  await page.waitForSelector('[data-example="pull-the-cable"][aria-pressed="true"]');
  // Between the two changes (its golden trace: eth1 down at event 113, up at 151): r1's eth1
  // is down and it has no route to 192.168.2.0/24; sw2's p1 lost carrier.
  await scrubTo(page, 140);
  const r1 = page.getByTestId("tables-r1");
  assert.equal(await r1.getByTestId("ports-down").textContent(), "down: eth1");
  const routes = await r1.getByTestId("route-row").allTextContents();
  assert.equal(routes.length, 1, JSON.stringify(routes));
  assert.ok(routes.every((r) => !r.includes("192.168.2.0/24")), JSON.stringify(routes));
  assert.equal(await page.getByTestId("tables-sw2").getByTestId("ports-down").textContent(), "down: p1");
  const lines = await page.getByTestId("term-line").allTextContents();
  assert.ok(lines.includes("From 192.168.1.1 icmp_seq=4 Destination Net Unreachable"), JSON.stringify(lines));
  // At the end: the cable is back, ping 6 got through.
  await waitForRun(page);
  const total = Number(await page.getByTestId("scrubber").getAttribute("max"));
  await scrubTo(page, total);
  assert.equal(await r1.getByTestId("ports-down").count(), 0, "eth1 is up again");
  assert.equal(await r1.getByTestId("route-row").count(), 2);
  const end = await page.getByTestId("term-line").allTextContents();
  assert.ok(end.includes("6 packets transmitted, 4 received, +2 errors, 33.3333% packet loss, time 5000ms"), JSON.stringify(end));
  assert.deepEqual(problems, []);
  await context.close();
});

test("plain traceroute sends UDP probes: hop lines from the terminal, UDP frames in the events", async () => {
  const { page, context, problems } = await openPage(fx, "");
  await page.click('[data-example="two-subnets"]');
  await page.waitForSelector('[data-example="two-subnets"][aria-pressed="true"]');
  await page.getByTestId("speed").selectOption("6");
  await typeCommand(page, "pc1", "traceroute -n 192.168.2.20");
  await termLine(page, " 2  192.168.2.20  ");
  const lines = await page.getByTestId("term-line").allTextContents();
  assert.ok(lines.includes("traceroute to 192.168.2.20 (192.168.2.20), 30 hops max, 60 byte packets"), JSON.stringify(lines));
  assert.ok(lines.some((l) => l.startsWith(" 1  192.168.1.1  ")), JSON.stringify(lines));
  await pause(page);
  const summaries = await page.getByTestId("event-summary").allTextContents();
  // The list draws the rows around the current event: some UDP probe to 33434 and up is there.
  assert.ok(summaries.some((s) => /\d+ → 334\d\d Len=32$/.test(s)), summaries.slice(0, 20).join("\n"));
  assert.deepEqual(problems, []);
  await context.close();
});
