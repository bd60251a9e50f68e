// Editing DHCP and DNS (issue 11) in real headless Chromium: a lab drawn with the palette gets
// a DHCP client and a DHCP server from the device panel and the run shows the lease and the
// DISCOVER/OFFER/REQUEST/ACK exchange; a refused pool is marked at its field and undo brings
// the lab back; the "Fix the DNS server address" exercise shows its diagnosis and is solved
// from the laptop's DNS field; "Why NXDOMAIN?" from the zone's record; the DHCP and DNS filter
// chips; and the home router's routing table at home-dhcp's last event (a bug: a new run kept
// the previous example's tables). Every wait is on a condition.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

import { ROOT, buildTwoHostsAndSwitch, labFixture, openPage, savedLab, setField, waitForRun } from "./helpers.mjs";

const fx = labFixture();
const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

/** axe-core's serious and critical violations inside `selector` (as a11y.test.mjs runs it). */
async function axeViolations(page, selector) {
  await page.evaluate(await readFile(AXE, "utf8"));
  return page.evaluate(async (sel) => {
    const result = await window.axe.run(document.querySelector(sel), { resultTypes: ["violations"] });
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")})`);
  }, selector);
}

/** Scrubs to the last event and waits until the counter says "event N / N". */
async function toLastEvent(page) {
  await page.waitForSelector('[data-testid="event"]');
  const scrubber = page.getByTestId("scrubber");
  await waitForRun(page);
  await scrubber.fill(await scrubber.getAttribute("max"));
  await page.waitForFunction(() => {
    const m = document.querySelector('[data-testid="event-count"]')?.textContent.match(/event (\d+) \/ (\d+)/);
    return m !== null && m !== undefined && m[1] === m[2];
  });
}

/** Selects a device by clicking its icon and waits for its panel. */
async function select(page, id) {
  await page.locator(`[data-device="${id}"] .icon`).click();
  await page.waitForSelector(`[data-device="${id}"].selected`);
  await page.waitForSelector(`[data-testid="device-panel"] h2:text("${id}")`);
}

/** Opens the course list and starts the exercise `id`. */
async function startExercise(page, id) {
  await page.locator('[data-testid="course"] > summary').click();
  await page.locator(`[data-exercise="${id}"].course-item`).click();
  await page.waitForSelector(`[data-testid="exercise"][data-exercise="${id}"]`);
}

test("DHCP from a fresh lab: the lease in the tables and DISCOVER/OFFER/REQUEST/ACK in the events", async () => {
  const { page, problems, context } = await openPage(fx);
  await buildTwoHostsAndSwitch(page);
  // A router from the palette, cabled to the switch from its panel, 10.0.0.254/24 on eth0.
  await page.getByTestId("palette-router").click();
  await page.waitForSelector('[data-device="r1"].selected');
  await page.getByTestId("cable-to").selectOption({ label: "sw1" });
  await page.getByTestId("add-cable").click();
  await page.waitForSelector('[data-link="r1-sw1"]');
  await select(page, "r1");
  await setField(page, "address-0", "10.0.0.254/24");
  await page.waitForSelector('[data-device="r1"] .device-address:text("10.0.0.254/24")');
  // pc2 asks for its address by DHCP: the address field gives way to the DHCP note.
  await select(page, "pc2");
  await page.getByTestId("dhcp-0").check();
  await page.waitForSelector('[data-testid="address-dhcp-0"]');
  assert.match(await page.getByTestId("address-dhcp-0").textContent(), /^No lease at this point of the run/);
  assert.equal(await page.getByTestId("address-0").count(), 0);
  // The router's DHCP server, on with working settings; the router offers itself as gateway.
  await select(page, "r1");
  await page.getByTestId("dhcp-server-on").check();
  await page.waitForSelector('[data-testid="dhcp-server"]');
  assert.equal(await page.getByTestId("dhcp-interface").inputValue(), "eth0");
  assert.equal(await page.getByTestId("dhcp-pool-start").inputValue(), "10.0.0.100");
  assert.equal(await page.getByTestId("dhcp-router").inputValue(), "10.0.0.254");
  await setField(page, "dhcp-lease-time", "600");
  const lab = await page.waitForFunction(() => {
    const l = JSON.parse(localStorage.getItem("packet-lab.lab.v1") ?? "{}");
    return l.devices?.find((d) => d.id === "r1")?.services?.dhcp?.lease_time_s === 600 ? l : null;
  }).then((h) => h.jsonValue());
  assert.deepEqual(lab.devices.find((d) => d.id === "r1").services.dhcp,
    { interface: "eth0", pool_start: "10.0.0.100", pool_end: "10.0.0.200", router: "10.0.0.254", lease_time_s: 600 });
  assert.equal(lab.devices.find((d) => d.id === "pc2").interfaces[0].address, "dhcp");

  // The run: pc2's lease in its table and in the server's, the same address from the pool.
  await toLastEvent(page);
  const client = page.locator('[data-testid="tables-pc2"] [data-testid="client-lease-row"]');
  await client.waitFor();
  const address = await client.getAttribute("data-key");
  const [a, b, c, d] = address.split("/")[0].split(".").map(Number);
  assert.ok(a === 10 && b === 0 && c === 0 && d >= 100 && d <= 200 && address.endsWith("/24"), address);
  assert.match(await client.textContent(), /10\.0\.0\.254/, "the router from option 3");
  await page.locator(`[data-testid="tables-r1"] [data-testid="lease-row"][data-key="${address.split("/")[0]}"]`).waitFor();
  // pc2's panel shows the same lease at the playhead.
  await select(page, "pc2");
  assert.equal(await page.getByTestId("address-dhcp-0").textContent(), `Now: ${address} from 10.0.0.254, gateway 10.0.0.254`);
  // The exchange in the event list, in order: every chip but DHCP switched off, so the list
  // (the last rows up to the cursor) holds the DHCP frames only, renewals included.
  const chips = await page.locator('[data-testid^="filter-"][aria-pressed="true"]').evaluateAll((els) => els.map((e) => e.dataset.testid));
  for (const chip of chips.filter((c) => c !== "filter-dhcp")) {
    await page.getByTestId(chip).click();
    await page.waitForSelector(`[data-testid="${chip}"][aria-pressed="false"]`);
  }
  await page.waitForFunction(() => {
    const rows = [...document.querySelectorAll('[data-testid="event"]')];
    return rows.length >= 4 && rows.every((r) => r.dataset.class === "dhcp");
  });
  const summaries = await page.locator('[data-testid="event-summary"]').evaluateAll((els) => els.map((e) => e.textContent));
  const at = (re) => summaries.findIndex((s) => re.test(s));
  const steps = [/^DHCP Discover/, /^DHCP Offer/, /^DHCP Request/, /^DHCP ACK/].map(at);
  assert.ok(steps.every((i) => i >= 0) && steps[0] < steps[1] && steps[1] < steps[2] && steps[2] < steps[3], `${steps}: ${summaries.join(" | ")}`);
  // The DHCP chip hides the DHCP frames too.
  await page.getByTestId("filter-dhcp").click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="event"][data-class="dhcp"]').length === 0);
  assert.equal(await page.getByTestId("filter-dhcp").getAttribute("aria-pressed"), "false");
  await page.getByTestId("filter-dhcp").click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="event"][data-class="dhcp"]').length >= 4);
  await page.screenshot({ path: path.join(ROOT, "out", "dhcp-fresh-lab.png") });
  assert.deepEqual(problems, []);
  await context.close();
});

test("a pool outside the subnet is refused at its field, and undo and redo step through the DHCP edits", async () => {
  const { page, problems, context } = await openPage(fx);
  await page.locator('[data-example="home-dhcp"]').click();
  await page.waitForSelector('[data-device="home-router"]');
  await select(page, "home-router");
  await page.waitForSelector('[data-testid="dhcp-server"]');
  assert.deepEqual(await axeViolations(page, '[data-testid="device-panel"]'), [], "the services section is accessible");
  const before = (await savedLab(page)).devices.find((d) => d.id === "home-router").services;
  await setField(page, "dhcp-pool-start", "10.0.0.5");
  await page.waitForSelector('[data-testid="dhcp-pool-start"][aria-invalid="true"]');
  assert.match(await page.getByTestId("dhcp-pool-start-error").textContent(), /10\.0\.0\.5 is not a host address of eth0 \(192\.168\.1\.0\/24\)/);
  assert.equal(await page.getByTestId("dhcp-pool-start").inputValue(), "10.0.0.5", "what was typed stays");
  assert.deepEqual((await savedLab(page)).devices.find((d) => d.id === "home-router").services, before, "the lab keeps its last valid state");
  // Turn the server off, then undo and redo it.
  await page.getByTestId("dhcp-server-on").uncheck();
  await page.waitForFunction(() => !document.querySelector('[data-testid="dhcp-server"]'));
  await page.getByTestId("undo").click();
  await page.waitForSelector('[data-testid="dhcp-server"]');
  assert.equal(await page.getByTestId("dhcp-pool-start").inputValue(), before.dhcp.pool_start);
  await page.getByTestId("redo").click();
  await page.waitForFunction(() => !document.querySelector('[data-testid="dhcp-server"]'));
  assert.deepEqual(problems, []);
  await context.close();
});

test("wrong DNS server gets its diagnosis, and the laptop's DNS field fixes it", async () => {
  const { page, problems, context } = await openPage(fx);
  await startExercise(page, "dns-server-address");
  await page.waitForSelector('[data-testid="exercise-unsolved"]');
  await page.locator('[data-testid="check-diagnosis"] > summary').click();
  const diagnosis = await page.getByTestId("check-diagnosis").textContent();
  assert.match(diagnosis, /DNS server unreachable or wrong DNS server address: laptop asked 192\.168\.1\.254 about www\.example\.com/);
  assert.match(diagnosis, /no device has the address 192\.168\.1\.254/);
  // The laptop's DNS servers are open; the router's services are locked.
  await select(page, "home-router");
  await page.waitForSelector('[data-testid="dns-zone-lock"]');
  assert.notEqual(await page.getByTestId("dns-zone").getAttribute("readonly"), null);
  await select(page, "laptop");
  assert.equal(await page.getByTestId("dns").inputValue(), "192.168.1.254");
  assert.equal(await page.getByTestId("dns-lock").count(), 0);
  await setField(page, "dns", "192.168.1.1");
  await page.waitForSelector('[data-testid="exercise-solved"]');
  // The run now has the answer: the resolver's table and a DNS frame from port 53.
  await toLastEvent(page);
  await page.locator('[data-testid="tables-laptop"] [data-testid="dns-row"][data-key="www.example.com"]').waitFor();
  assert.ok(await page.locator('[data-testid="event"][data-class="dns"]').count() >= 2, "query and answer are DNS rows");
  assert.deepEqual(problems, []);
  await context.close();
});

test("the laptop has no address: the home router's DHCP server switched on from its panel solves it", async () => {
  const { page, problems, context } = await openPage(fx);
  await startExercise(page, "laptop-no-address");
  await page.waitForSelector('[data-testid="exercise-unsolved"]');
  // The laptop's DHCP switch is locked; the router's services are open.
  await select(page, "laptop");
  assert.ok(await page.getByTestId("dhcp-0").isChecked());
  assert.ok(await page.getByTestId("dhcp-0").isDisabled());
  await page.waitForSelector('[data-testid="dhcp-0-lock"]');
  await select(page, "home-router");
  await page.getByTestId("dhcp-server-on").check();
  await page.waitForSelector('[data-testid="exercise-solved"]');
  assert.equal(await page.getByTestId("dhcp-pool-start").inputValue(), "192.168.1.100");
  assert.deepEqual(problems, []);
  await context.close();
});

test("why NXDOMAIN: the record renamed in the zone editor solves it", async () => {
  const { page, problems, context } = await openPage(fx);
  await startExercise(page, "why-nxdomain");
  await page.waitForSelector('[data-testid="exercise-unsolved"]');
  await page.locator('[data-testid="check-diagnosis"] > summary').click();
  assert.match(await page.getByTestId("check-diagnosis").textContent(), /NXDOMAIN: the DNS server answered that www\.example\.com does not exist/);
  await select(page, "dns-server");
  assert.equal(await page.getByTestId("record-name-0").inputValue(), "ww.example.com");
  assert.deepEqual(await axeViolations(page, '[data-testid="device-panel"]'), [], "the zone editor is accessible");
  // A record outside the zone is refused at the form, with what was typed kept in the message.
  await page.getByTestId("new-record-name").fill("www.example.org");
  await page.getByTestId("new-record-value").fill("1.2.3.4");
  await page.getByTestId("add-record").click();
  await page.waitForSelector('[data-testid="new-record-error"]');
  assert.match(await page.getByTestId("new-record-error").textContent(), /www\.example\.org is outside the zone example\.com/);
  await setField(page, "record-name-0", "www.example.com");
  await page.waitForSelector('[data-testid="exercise-solved"]');
  assert.deepEqual(problems, []);
  await context.close();
});

test("home DHCP's last event: the home router's routing table is the engine's, after another example", async () => {
  const { page, problems, context } = await openPage(fx);
  // The first visit shows same-network; its run leaves the cursor at its first events. Loading
  // home-dhcp once kept same-network's tables (no home-router routes at all).
  await page.waitForSelector('[data-testid="event"]');
  await page.locator('[data-example="home-dhcp"]').click();
  await page.waitForSelector('[data-device="home-router"]');
  await toLastEvent(page);
  const routes = page.locator('[data-testid="tables-home-router"] [data-testid="route-row"]');
  await routes.first().waitFor();
  assert.deepEqual(await routes.evaluateAll((rs) => rs.map((r) => r.textContent)), ["192.168.1.0/24connectedeth0"]);
  // And another example after it: its router's table, not home-dhcp's.
  await page.locator('[data-example="two-subnets"]').click();
  await page.waitForSelector('[data-testid="tables-r1"]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="tables-r1"] [data-testid="route-row"]').length === 2);
  assert.deepEqual(problems, []);
  await context.close();
});

test("ping a name from the command form: the lookup first, then PING with the canonical name", async () => {
  const { page, problems, context } = await openPage(fx);
  await page.locator('[data-example="name-lookup"]').click();
  await page.waitForSelector('[data-device="dns-google"]');
  // The command runs at the playhead: after the run's end, when the laptop has its lease
  // (at the start it has no address and no DNS server yet).
  await toLastEvent(page);
  const before = await page.getByTestId("event-count").textContent();
  await page.getByTestId("cmd-device").selectOption("laptop");
  await page.getByTestId("cmd-kind").selectOption("frame");
  await page.getByTestId("cmd-target").fill("www.example.com");
  await page.getByTestId("cmd-run").click();
  await page.waitForFunction((b) => document.querySelector('[data-testid="event-count"]')?.textContent !== b, before);
  await toLastEvent(page);
  await page.waitForFunction(() => /PING example\.com \(93\.184\.216\.34\) 56\(84\) bytes of data\./.test(document.querySelector('[data-testid="terminal"]')?.textContent ?? ""));
  assert.equal(await page.getByTestId("cmd-error").count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});
