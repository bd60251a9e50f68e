// Playback in real headless Chromium: a ping from the command form on the two-host + switch
// lab, the ARP and echo exchange in the event list in order, the live tables (pc1's ARP cache
// holds pc2's MAC, the switch has learned both MACs), stepping back restores the earlier
// tables exactly, keyboard stepping, and Play running to the end. No console errors.

import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import path from "node:path";

import { ROOT, labFixture, openPage } from "./helpers.mjs";
import * as helpers from "./helpers.mjs";


const fx = labFixture();


/** A fresh page on the app with the two-host + switch lab: built with the mouse by the
 *  editor's helper when it exists, else the "same network" example (pc1 10.10.10.1,
 *  sw1, pc2 10.10.10.100), which is the same topology. */
async function openTwoHostLab() {
  const { page, problems } = await openPage(fx, "", { viewport: { width: 1280, height: 720 } });
  if (typeof helpers.buildTwoHostsAndSwitch === "function") {
    await helpers.buildTwoHostsAndSwitch(page);
    return { page, problems, self: "10.0.0.1", peer: "10.0.0.2" };
  }
  return { page, problems, self: "10.10.10.1", peer: "10.10.10.100" };
}

const re = (ip) => ip.replaceAll(".", "\\.");

/** "event N / M" → [N, M]. */
async function eventCount(page) {
  const text = await page.getByTestId("event-count").textContent();
  const [, n, m] = text.match(/event (\d+) \/ (\d+)/);
  return [Number(n), Number(m)];
}

/** Summaries of the rows in the event list, in order. */
async function summaries(page) {
  return page.getByTestId("event-summary").allTextContents();
}

/** pc1's ARP row for `ip`, as { mac, state }, or null when there is none. */
async function arpRow(page, device, ip) {
  const row = page.locator(`[data-testid="tables-${device}"] [data-testid="arp-row"][data-ip="${ip}"]`);
  if ((await row.count()) === 0) return null;
  return { mac: await row.getAttribute("data-mac"), state: await row.getAttribute("data-state") };
}

async function macTable(page, sw) {
  return page
    .locator(`[data-testid="tables-${sw}"] [data-testid="mac-row"]`)
    .evaluateAll((rows) => rows.map((r) => [r.dataset.port, r.dataset.mac]));
}

/** Sends one frame (ping -c 1) from pc1 to pc2 with the command form, at 4× speed, and waits
 *  for ping's reply line in the terminal. */
async function pingFromForm(page, peer) {
  await page.getByTestId("speed").selectOption("6"); // 4×
  await page.getByTestId("cmd-device").selectOption("pc1");
  await page.getByTestId("cmd-kind").selectOption("frame");
  await page.getByTestId("cmd-target").fill(peer);
  await page.getByTestId("cmd-run").click();
  await page.waitForFunction(
    (peer) => [...document.querySelectorAll('[data-testid="term-line"]')].some((l) => l.textContent.startsWith(`64 bytes from ${peer}: icmp_seq=1 ttl=64 time=`)),
    peer,
    { timeout: 60_000 },
  );
  // Stop where we are (the reply has been printed), if it is still playing.
  if ((await page.getByTestId("play").getAttribute("aria-label")) === "Pause") {
    await page.getByTestId("play").click();
  }
}

test("a ping shows ARP then echo in order, and the tables at that time", async () => {
  const { page, problems, self, peer } = await openTwoHostLab();
  // Before anything happens: only the routing tables are installed.
  assert.equal(await arpRow(page, "pc1", peer), null);
  assert.deepEqual(await macTable(page, "sw1"), []);

  await pingFromForm(page, peer);
  const rows = await summaries(page);
  const at = (re) => rows.findIndex((s) => re.test(s));
  const request = at(new RegExp(`^Who has ${re(peer)}\\? Tell ${re(self)}$`));
  const reply = at(new RegExp(`^${re(peer)} is at `));
  const echo = at(/Echo \(ping\) request/);
  const echoReply = at(/Echo \(ping\) reply/);
  assert.ok(request >= 0 && reply > request && echo > reply && echoReply > echo,
    `ARP request ${request} < ARP reply ${reply} < echo ${echo} < echo reply ${echoReply}\n${rows.join("\n")}`);
  // The ARP request is a broadcast: the list shows it leave pc1 and the switch flood it.
  assert.ok(rows.filter((s) => s.startsWith(`Who has ${peer}?`)).length >= 2, "request sent and flooded");

  // pc1's ARP cache holds pc2's MAC, the one pc2 put in its ARP reply.
  const pc2Mac = rows[reply].match(/is at ([0-9a-f:]{17})/)[1];
  const entry = await arpRow(page, "pc1", peer);
  assert.deepEqual(entry, { mac: pc2Mac, state: "REACHABLE" });
  // The switch has learned both MACs, each on its own port.
  const table = await macTable(page, "sw1");
  assert.equal(table.length, 2, JSON.stringify(table));
  assert.equal(new Set(table.map(([port]) => port)).size, 2, "two different ports");
  assert.ok(table.some(([, mac]) => mac === pc2Mac));
  // The terminal prints ping's lines as Linux does.
  const term = await page.getByTestId("terminal").textContent();
  assert.ok(term.includes(`pc1$ ping -c 1 ${peer}`), term);
  assert.ok(term.includes(`PING ${peer} (${peer}) 56(84) bytes of data.`), term);

  await page.screenshot({ path: path.join(ROOT, "out", "playback-after-ping.png") });
  assert.deepEqual(problems, []);
  await page.close();
});

test("stepping back restores the earlier tables; the keyboard steps", async () => {
  const { page, problems, peer } = await openTwoHostLab();
  await pingFromForm(page, peer);
  assert.equal((await arpRow(page, "pc1", peer)).state, "REACHABLE");

  // Jump to the ARP request (a click on its row): pc2 is not yet in pc1's cache with a MAC,
  // and the switch knows only pc1.
  await page.getByTestId("event-summary").filter({ hasText: `Who has ${peer}?` }).first().click();
  const before = await arpRow(page, "pc1", peer);
  assert.ok(before === null || (before.mac === "" && before.state === "INCOMPLETE"), JSON.stringify(before));
  assert.deepEqual(await macTable(page, "sw1"), []);
  const [n] = await eventCount(page);

  // → and ← step one event (focus on the page, not in a field).
  await page.locator(".event.current").click();
  await page.keyboard.press("ArrowRight");
  await page.waitForFunction((n) => document.querySelector('[data-testid="event-count"]').textContent.startsWith(`event ${n + 1} `), n);
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowLeft");
  await page.waitForFunction((n) => document.querySelector('[data-testid="event-count"]').textContent.startsWith(`event ${n - 1} `), n);
  // Forward again until pc1 has the MAC, then one step back: exactly the earlier state.
  for (let i = 0; i < 200 && (await arpRow(page, "pc1", peer))?.state !== "REACHABLE"; i++) {
    await page.getByTestId("step").click();
  }
  assert.equal((await arpRow(page, "pc1", peer)).state, "REACHABLE");
  await page.getByTestId("step-back").click();
  const back = await arpRow(page, "pc1", peer);
  assert.deepEqual(back, { mac: "", state: "INCOMPLETE" });
  // The current row is highlighted and in view.
  assert.equal(await page.locator(".event.current").count(), 1);
  assert.ok(await page.locator(".event.current").isVisible());
  assert.deepEqual(problems, []);
  await page.close();
});

test("Play runs to the end; Space plays and pauses", async () => {
  const { page, problems, peer } = await openTwoHostLab();
  await pingFromForm(page, peer);
  // Space plays (focus on the page), Space again pauses.
  await page.locator(".canvas-svg").first().hover();
  await page.keyboard.press("Space");
  await page.waitForFunction(() => document.querySelector('[data-testid="play"]').getAttribute("aria-label") === "Pause");
  await page.keyboard.press("Space");
  await page.waitForFunction(() => document.querySelector('[data-testid="play"]').getAttribute("aria-label") === "Play");
  // Scrub near the end, then play: it stops by itself at the last event.
  const [, total] = await eventCount(page);
  await page.getByTestId("scrubber").fill(String(total - 5));
  assert.equal((await eventCount(page))[0], total - 5);
  await page.getByTestId("play").click();
  await page.waitForFunction(
    () => {
      const [, n, m] = document.querySelector('[data-testid="event-count"]').textContent.match(/event (\d+) \/ (\d+)/);
      return n === m && document.querySelector('[data-testid="play"]').getAttribute("aria-label") === "Play";
    },
    null,
    { timeout: 60_000 },
  );
  // ping has printed its summary.
  assert.match(await page.getByTestId("terminal").textContent(), /1 packets transmitted, 1 received, 0% packet loss/);
  assert.deepEqual(problems, []);
  await page.close();
});

test("a bad destination is refused at the form and the run is kept", async () => {
  const { page, problems } = await openTwoHostLab();
  const [, total] = await eventCount(page);
  await page.getByTestId("cmd-target").fill("10.10.10");
  await page.getByTestId("cmd-run").click();
  await page.getByTestId("cmd-error").waitFor();
  assert.match(await page.getByTestId("cmd-error").textContent(), /10\.10\.10 is not an IPv4 address/);
  assert.equal((await eventCount(page))[1], total);
  assert.deepEqual(problems, []);
  await page.close();
});

test("filters hide a protocol and keep one device's events", async () => {
  const { page, problems, peer } = await openTwoHostLab();
  await pingFromForm(page, peer);
  const classes = () => page.getByTestId("event").evaluateAll((rows) => rows.map((r) => r.dataset.class));
  assert.ok((await classes()).includes("arp"));
  await page.getByTestId("filter-arp").click();
  const without = await classes();
  assert.ok(without.length > 0 && !without.includes("arp"), without.join(","));
  await page.getByTestId("filter-arp").click();
  await page.getByTestId("device-filter").selectOption("pc2");
  const devices = await page.locator(".ev-device").allTextContents();
  assert.ok(devices.length > 0 && devices.every((d) => d.includes("pc2")), devices.join(","));
  assert.deepEqual(problems, []);
  await page.close();
});

test("a dropped frame leaves a mark with its reason (hub example)", async () => {
  const { page, problems } = await openPage(fx, "", { viewport: { width: 1280, height: 720 } });
  await page.locator('[data-example="hub"]').click();
  // Step until the first drop: a hub repeats the frame to a host it is not for.
  for (let i = 0; i < 300 && (await page.locator(".event.dropped").count()) === 0; i++) {
    await page.getByTestId("step").click();
  }
  assert.ok((await page.locator(".event.dropped").count()) > 0, "a drop happened");
  await page.getByTestId("drop-mark").first().waitFor();
  assert.match(await page.getByTestId("drop-mark").first().textContent(), /not my MAC|ARP not for me/);
  assert.match(await page.getByTestId("explain").textContent(), /drops/);
  assert.deepEqual(problems, []);
  await page.close();
});

test("prefers-reduced-motion: a frame stays put while time passes", async () => {
  const { page, problems } = await openPage(fx, "", { viewport: { width: 1280, height: 720 }, reducedMotion: "reduce" });
  await page.getByTestId("speed").selectOption("2"); // 0.25×: 2.5 µs per second
  for (let i = 0; i < 100 && (await page.getByTestId("frame").count()) === 0; i++) {
    await page.getByTestId("step").click();
  }
  const frame = page.getByTestId("frame").first();
  const before = await frame.getAttribute("transform");
  const t0 = await page.getByTestId("sim-time").textContent();
  await page.getByTestId("play").click();
  await page.waitForFunction((t0) => document.querySelector('[data-testid="sim-time"]').textContent !== t0, t0);
  await page.getByTestId("play").click();
  // Still in flight (a LAN frame lasts ~12 µs), still at the same place.
  assert.equal(await page.getByTestId("frame").count(), 1);
  assert.equal(await page.getByTestId("frame").first().getAttribute("transform"), before);
  assert.deepEqual(problems, []);
  await page.close();
});
