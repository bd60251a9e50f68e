// The packet inspector in real headless Chromium, on the two-subnets lab (pc1 — sw1 — r1 —
// sw2 — pc2): an ARP request's fields, the TTL field ↔ byte 22 of the dump, the router's
// rewrap diff, "Why did it fail?" for a gateway that does not exist, and the .pcap download
// read back by tshark with as many frames as the run sent (counted by the native runner).

import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { READY_TIMEOUT_MS, ROOT, labFixture, openPage, recordProblems, scenario, waitForRun } from "./helpers.mjs";


const fx = labFixture();


/** The app with `lab` as the autosaved lab (src/storage.rs's key), played to its end. */
async function openLab(lab, options = {}) {
  const page = await fx.browser.newPage({ viewport: { width: 1280, height: 720 }, acceptDownloads: true, ...options });
  const problems = recordProblems(page);
  await page.addInitScript((text) => {
    localStorage.setItem("packet-lab.lab.v1", text);
    localStorage.removeItem("packet-lab.example.v1");
  }, JSON.stringify(lab));
  await page.goto(fx.appUrl);
  await page.waitForSelector('.app[data-ready="true"]', { timeout: READY_TIMEOUT_MS });
  const scrubber = page.getByTestId("scrubber");
  await waitForRun(page);
  await scrubber.fill(await scrubber.getAttribute("max"));
  await page.waitForSelector('[data-testid="event"]');
  return { page, problems };
}

/** Clicks the first event row whose device column and summary match, and waits for the
 *  inspector to show that event. */
async function inspect(page, device, summary) {
  const row = page
    .locator('[data-testid="event"]')
    .filter({ has: page.locator(".ev-device", { hasText: device }) })
    .filter({ has: page.locator('[data-testid="event-summary"]', { hasText: summary }) })
    .first();
  const index = await row.getAttribute("data-index");
  await row.click();
  await page.waitForSelector(`[data-testid="inspected-event"][data-index="${index}"]`);
  return index;
}

/** Field name → shown value, for one layer of the tree. */
async function fields(page, layer) {
  return page
    .locator(`[data-testid="layer"][data-layer="${layer}"] [data-testid="field"]`)
    .evaluateAll((els) => Object.fromEntries(els.map((e) => [e.dataset.name, e.querySelector('[data-testid="field-value"]').textContent])));
}

test("clicking an ARP request shows its fields with the right values", async () => {
  const { page, problems } = await openLab(await scenario("two-subnets"));
  await inspect(page, /^pc1 → sw1$/, /^Who has 192\.168\.1\.1\? Tell 192\.168\.1\.10$/);
  const eth = await fields(page, "eth");
  assert.equal(eth.Destination, "Broadcast (ff:ff:ff:ff:ff:ff)");
  assert.equal(eth.Type, "ARP (0x0806)");
  const arp = await fields(page, "arp");
  assert.equal(arp["Hardware type"], "Ethernet (1)");
  assert.equal(arp["Protocol type"], "IPv4 (0x0800)");
  assert.equal(arp["Hardware size"], "6");
  assert.equal(arp["Protocol size"], "4");
  assert.equal(arp.Opcode, "request (1)");
  assert.equal(arp["Sender MAC address"], eth.Source, "the sender MAC is the frame's source");
  assert.equal(arp["Sender IP address"], "192.168.1.10");
  assert.equal(arp["Target MAC address"], "00:00:00:00:00:00");
  assert.equal(arp["Target IP address"], "192.168.1.1");
  // 42 bytes of ARP padded to 60 on the wire: four dump rows, the last 12 bytes of padding.
  assert.equal(await page.locator('[data-testid="hex-byte"]').count(), 60);
  assert.match(await page.getByTestId("inspector-explain").textContent(), /^pc1\/eth0 sends Who has 192\.168\.1\.1\? Tell 192\.168\.1\.10/);
  assert.deepEqual(problems, []);
  await page.close();
});

test("selecting the TTL field highlights byte 22 (0x16), and clicking a byte selects its field", async () => {
  const { page, problems } = await openLab(await scenario("two-subnets"));
  await inspect(page, /^pc1 → sw1$/, /^Echo \(ping\) request/);
  assert.equal((await fields(page, "ipv4"))["Time to live"], "64");
  await page.locator('[data-testid="field"][data-name="Time to live"]').click();
  const selected = () => page.locator('[data-testid="hex-byte"].sel').evaluateAll((els) => els.map((e) => [e.dataset.offset, e.textContent]));
  assert.deepEqual(await selected(), [["22", "40"]], "byte 22 holds TTL 64 = 0x40");
  // Byte 22 sits in the row at offset 0010, sixth column (0x16).
  const row = page.locator(".hex-row").filter({ has: page.locator('[data-testid="hex-byte"][data-offset="22"]') });
  assert.equal(await row.locator(".hex-off").textContent(), "0010");
  assert.equal(await row.locator('[data-testid="hex-byte"]').nth(6).getAttribute("data-offset"), "22");
  assert.equal(await page.locator('[data-testid="ascii-byte"].sel').getAttribute("data-offset"), "22");
  // The other way round: byte 31 is inside the destination address (bytes 30–33).
  await page.locator('[data-testid="hex-byte"][data-offset="31"]').click();
  assert.equal(await page.locator('[data-testid="field"][aria-pressed="true"]').getAttribute("data-name"), "Destination address");
  assert.deepEqual((await selected()).map(([o]) => o), ["30", "31", "32", "33"]);
  // The checksum is verified.
  assert.match(await page.locator('[data-testid="field"][data-name="Header checksum"]').textContent(), /\[correct\]/);
  await page.locator('[data-testid="field"][data-name="Time to live"]').click();
  await page.getByTestId("hexdump").evaluate((el) => el.scrollIntoView({ block: "end" }));
  await page.screenshot({ path: path.join(ROOT, "out", "inspector-ttl.png") });
  assert.deepEqual(problems, []);
  await page.close();
});

test("a router hop shows the rewrap: new MACs, TTL 64 → 63, new checksum, same IPs", async () => {
  const { page, problems } = await openLab(await scenario("two-subnets"));
  await inspect(page, /^r1 → sw2$/, /^Echo \(ping\) request/);
  const diff = await page
    .locator('[data-testid="diff-row"]')
    .evaluateAll((rows) => rows.map((r) => [r.dataset.field, r.dataset.changed, [...r.querySelectorAll(".mono")].map((c) => c.textContent)]));
  const byField = Object.fromEntries(diff.map(([f, changed, [a, b]]) => [f, { changed, a, b }]));
  assert.deepEqual(byField.TTL, { changed: "true", a: "64", b: "63" });
  assert.equal(byField["Destination MAC"].changed, "true");
  assert.equal(byField["Source MAC"].changed, "true");
  assert.equal(byField["Header checksum"].changed, "true");
  assert.deepEqual(byField["Source address"], { changed: "false", a: "192.168.1.10", b: "192.168.1.10" });
  assert.deepEqual(byField["Destination address"], { changed: "false", a: "192.168.2.20", b: "192.168.2.20" });
  // Without NAT the echo identifier and the ICMP checksum go through untouched.
  assert.equal(byField["ICMP identifier"].changed, "false");
  assert.equal(byField["ICMP checksum"].changed, "false");
  // The frame that left is the one in the tree: its TTL is 63.
  assert.equal((await fields(page, "ipv4"))["Time to live"], "63");
  // pc1's routing decision shows the AND in binary.
  await inspect(page, /^pc1$/, /^route to 192\.168\.2\.20: next hop 192\.168\.1\.1$/);
  const and = page.getByTestId("and-view").first();
  assert.equal(await and.getAttribute("data-equal"), "false");
  assert.match(await and.getByTestId("and-verdict").textContent(), /192\.168\.2\.20 AND 255\.255\.255\.0 = 192\.168\.2\.0 ≠ 192\.168\.1\.0\/24/);
  assert.deepEqual(problems, []);
  await page.close();
});

test("a gateway that does not exist is diagnosed: devices[0].gateway", async () => {
  const lab = await scenario("two-subnets");
  lab.devices[0].gateway = "192.168.1.254";
  const { page, problems } = await openLab(lab);
  await page.locator('[data-testid="event"]').last().click();
  const box = page.getByTestId("diagnosis");
  await box.waitFor();
  assert.equal(await box.locator("[data-cause]").getAttribute("data-cause"), "gateway-no-answer");
  assert.equal(await box.getByTestId("diagnosis-field").textContent(), "devices[0].gateway");
  assert.match(await box.getByTestId("diagnosis-text").textContent(), /default gateway 192\.168\.1\.254.*nobody answered the three ARP requests/);
  await page.screenshot({ path: path.join(ROOT, "out", "inspector-diagnosis.png") });
  // A lab that works has no such box.
  await page.close();
  const ok = await openLab(await scenario("two-subnets"));
  await ok.page.locator('[data-testid="event"]').last().click();
  await ok.page.getByTestId("inspector").waitFor();
  assert.equal(await ok.page.getByTestId("diagnosis").count(), 0);
  assert.deepEqual([...problems, ...ok.problems], []);
  await ok.page.close();
});

/** The native runner's output for the same lab: its trace.json and the directory holding
 *  its per-link pcaps. */
function runNatively(lab) {
  const dir = execFileSync("mktemp", ["-d"]).toString().trim();
  const file = path.join(dir, "lab.json");
  execFileSync("sh", ["-c", `cat > ${file}`], { input: JSON.stringify(lab) });
  execFileSync("cargo", ["run", "-q", "-p", "packet-engine", "--bin", "packet-lab-run", "--", file, "--out", dir], { cwd: ROOT });
  return { trace: JSON.parse(execFileSync("cat", [path.join(dir, "trace.json")]).toString()), dir };
}

/** Frame count and flagged frames of a pcap, as tshark reads it. */
function tshark(file) {
  const frames = execFileSync("tshark", ["-n", "-r", file, "-T", "fields", "-e", "frame.number"]).toString().trim().split("\n").filter(Boolean);
  const bad = execFileSync("tshark", [
    "-n", "-r", file, "-o", "ip.check_checksum:TRUE",
    "-Y", "_ws.malformed || _ws.expert.severity >= error || ip.checksum.status == 0 || icmp.checksum.status == 0",
    "-T", "fields", "-e", "frame.number",
  ]).toString().trim();
  return { frames: frames.length, bad };
}

test("the downloaded .pcap decodes in tshark with every frame the run sent", async () => {
  const lab = await scenario("two-subnets");
  const { trace, dir: native } = runNatively(lab);
  const events = trace.events;
  const sent = events.filter((e) => e.type === "FrameSent");
  assert.ok(sent.length > 10, `the runner saw ${sent.length} frames`);
  const { page, problems } = await openLab(lab);
  await inspect(page, /^r1 → sw2$/, /^Echo \(ping\) request/);
  await page.screenshot({ path: path.join(ROOT, "out", "inspector.png") });
  const dir = await mkdtemp(path.join(os.tmpdir(), "pcap-"));

  const [whole] = await Promise.all([page.waitForEvent("download"), page.getByTestId("pcap-all").click()]);
  assert.equal(whole.suggestedFilename(), "packet-lab.pcapng");
  const wholeFile = path.join(dir, "whole.pcapng");
  await whole.saveAs(wholeFile);
  const w = tshark(wholeFile);
  assert.equal(w.frames, sent.length, "one record per FrameSent");
  assert.equal(w.bad, "", "no malformed frame, no bad checksum");
  // pcapng: one interface per link, each frame on the interface of the link it was sent on,
  // with nanosecond timestamps (the first frame's time to the ns).
  const perFrame = execFileSync("tshark", ["-n", "-r", wholeFile, "-T", "fields", "-e", "frame.interface_name", "-e", "frame.time_epoch"])
    .toString().trim().split("\n").map((l) => l.split("\t"));
  assert.deepEqual(perFrame.map(([name]) => name), sent.map((e) => e.link));
  assert.equal(new Set(perFrame.map(([name]) => name)).size, new Set(sent.map((e) => e.link)).size);

  const [one] = await Promise.all([page.waitForEvent("download"), page.getByTestId("pcap-link").click()]);
  assert.equal(one.suggestedFilename(), "packet-lab-r1-sw2.pcap");
  const oneFile = path.join(dir, "one.pcap");
  await one.saveAs(oneFile);
  const o = tshark(oneFile);
  assert.equal(o.frames, sent.filter((e) => e.link === "r1-sw2").length);
  assert.equal(o.bad, "");
  // The runner's own pcap of that link holds the same bytes.
  assert.ok((await readFile(oneFile)).equals(await readFile(path.join(native, "r1-sw2.pcap"))));
  // Any other link from the menu: the runner's pcap of pc1-sw1, byte for byte.
  await page.getByTestId("pcap-link-select").selectOption("pc1-sw1");
  const [other] = await Promise.all([page.waitForEvent("download"), page.getByTestId("pcap-link").click()]);
  assert.equal(other.suggestedFilename(), "packet-lab-pc1-sw1.pcap");
  const otherFile = path.join(dir, "other.pcap");
  await other.saveAs(otherFile);
  assert.ok((await readFile(otherFile)).equals(await readFile(path.join(native, "pc1-sw1.pcap"))));
  assert.equal(tshark(otherFile).bad, "");
  assert.deepEqual(problems, []);
  await page.close();
  await writeFile(path.join(ROOT, "out", "inspector-run.pcapng"), await readFile(wholeFile));
});

test("clicking a frame on a link opens it in the inspector", async () => {
  const { page, problems } = await openPage(fx, "", { viewport: { width: 1280, height: 720 } });
  // Step event by event until the first frame (the ARP request) is on its link.
  const frame = page.locator('[data-testid="packets-layer"] [data-testid="frame"]').first();
  for (let i = 0; i < 40 && (await frame.count()) === 0; i++) {
    await page.getByTestId("step").click();
  }
  assert.equal(await frame.count(), 1, "a frame is on a link after stepping");
  const event = await frame.getAttribute("data-event");
  await frame.click();
  await page.waitForSelector(`[data-testid="inspected-event"][data-index="${event}"]`);
  const eth = await fields(page, "eth");
  assert.equal(eth.Destination, "Broadcast (ff:ff:ff:ff:ff:ff)", "the first frame is the ARP broadcast");
  assert.deepEqual(problems, []);
  await page.close();
});
