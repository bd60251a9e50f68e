// The editor in real headless Chromium, driven by mouse and keyboard: the first visit's
// example and hint; building pc1 — sw1 — pc2 with the palette, drags and the device panel;
// an invalid address marked at its field while the lab keeps its last valid state; undo and
// redo; reload restoring the lab exactly; import errors with the field path; export; zoom.
// No console errors anywhere.

import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";

import { READY_TIMEOUT_MS, ROOT, buildTwoHostsAndSwitch, deviceCenter, labFixture, mouseDrag, openPage, pickExample, savedLab, scenario, setField } from "./helpers.mjs";


const fx = labFixture();


async function openApp(options = {}) {
  const { page, problems, context } = await openPage(fx, "", { viewport: { width: 1280, height: 720 }, acceptDownloads: true, ...options });
  return { page, problems, context };
}

const devices = (page) => page.$$eval("[data-device]", (els) => els.map((e) => e.dataset.device));
const links = (page) => page.$$eval("[data-link]", (els) => els.map((e) => e.dataset.link));

test("the same-network example, picked, shows its story with a hint to press Play", async () => {
  // The first visit opens "Visit example.com" (issue 13; story.test.mjs checks it); the
  // classic same-network story is one click away and keeps its hint.
  const { page, problems, context } = await openApp();
  await pickExample(page, "same-network");
  const expected = await scenario("same-network");
  assert.deepEqual(await devices(page), expected.devices.map((d) => d.id));
  assert.match(await page.getByTestId("hint").textContent(), /Press ▶ Play/);
  // Both hosts' addresses are drawn, in the same colour: they share 10.10.10.0/24.
  const fills = await page.$$eval(".device-address", (els) => els.map((e) => [e.textContent, e.style.fill]));
  assert.deepEqual(fills.map(([t]) => t), ["10.10.10.1/24", "10.10.10.100/24"]);
  assert.equal(fills[0][1], fills[1][1]);
  assert.ok(fills[0][1], "coloured");
  await page.screenshot({ path: path.join(ROOT, "out", "editor-first-visit.png") });
  assert.deepEqual(problems, []);
  await context.close();
});

test("build two hosts and a switch with the palette and the mouse, addresses from the panel", async () => {
  const { page, problems, context } = await openApp();
  await buildTwoHostsAndSwitch(page);
  assert.deepEqual(await devices(page), ["pc1", "sw1", "pc2"]);
  assert.deepEqual(await links(page), ["pc1-sw1", "pc2-sw1"]);
  const lab = await savedLab(page);
  assert.deepEqual(lab.devices.map((d) => [d.id, d.kind]), [["pc1", "host"], ["sw1", "switch"], ["pc2", "host"]]);
  assert.deepEqual(lab.devices.map((d) => d.interfaces?.[0]?.address ?? null), ["10.0.0.1/24", null, "10.0.0.2/24"]);
  // Ports were chosen automatically: the hosts' eth0, the switch's first free ports.
  assert.deepEqual(lab.links.map((l) => [l.a.device, l.a.port, l.b.device, l.b.port]),
    [["pc1", "eth0", "sw1", "p1"], ["pc2", "eth0", "sw1", "p2"]]);
  // pc1 left of sw1, pc2 right of it, on one line (the drags went through the view box).
  const [x1, x2, x3] = lab.devices.map((d) => d.position[0]);
  assert.ok(x1 < x2 && x2 < x3, `${x1} < ${x2} < ${x3}`);
  // Same subnet, same colour on both link ends at the hosts.
  const hostPorts = await page.$$eval(".port", (els) => els.map((e) => [e.querySelector("title").textContent, e.style.fill]));
  const colour = Object.fromEntries(hostPorts);
  assert.ok(colour["pc1 eth0"] && colour["pc1 eth0"] === colour["pc2 eth0"], JSON.stringify(colour));
  assert.equal(colour["sw1 p1"], "", "a switch port has no subnet");

  // Selecting sw1 shows its ports; selecting a link shows its ports.
  await page.locator('[data-device="sw1"] .icon').click();
  assert.equal(await page.getByTestId("ports").inputValue(), "4");
  await page.screenshot({ path: path.join(ROOT, "out", "editor-built.png") });
  assert.deepEqual(problems, []);
  await context.close();
});

test("an invalid address is marked at its field and nothing is lost", async () => {
  const { page, problems, context } = await openApp();
  await buildTwoHostsAndSwitch(page);
  await page.locator('[data-device="pc1"] .icon').click();
  await setField(page, "address-0", "10.0.0.300/33");
  const input = page.getByTestId("address-0");
  await page.waitForSelector('[data-testid="address-0"][aria-invalid="true"]');
  const message = await page.getByTestId("address-0-error").textContent();
  assert.match(message, /\/33 is out of range \(0–32\)/);
  assert.equal(await input.getAttribute("aria-describedby"), await page.getByTestId("address-0-error").getAttribute("id"));
  // What was typed stays in the field; the lab keeps the last valid address.
  assert.equal(await input.inputValue(), "10.0.0.300/33");
  assert.equal((await savedLab(page)).devices[0].interfaces[0].address, "10.0.0.1/24");
  assert.equal(await page.locator('[data-device="pc1"] .device-address').textContent(), "10.0.0.1/24");
  await page.screenshot({ path: path.join(ROOT, "out", "editor-invalid.png") });

  await setField(page, "address-0", "10.0.0.300/24");
  await page.waitForFunction(() => document.querySelector('[data-testid="address-0-error"]')?.textContent.includes("10.0.0.300/24 is not an IPv4 address"));
  // A dotted mask is accepted and clears the error.
  await setField(page, "address-0", "10.0.0.7 255.255.255.0");
  await page.waitForSelector('[data-testid="address-0"][aria-invalid="false"]');
  assert.equal(await page.getByTestId("address-0-error").count(), 0);
  assert.equal((await savedLab(page)).devices[0].interfaces[0].address, "10.0.0.7 255.255.255.0");
  assert.deepEqual(problems, []);
  await context.close();
});

test("undo and redo with the keyboard and the buttons; Delete removes with links", async () => {
  const { page, problems, context } = await openApp();
  await buildTwoHostsAndSwitch(page);
  const built = await savedLab(page);
  await page.locator('[data-device="sw1"] .icon').click();
  await page.keyboard.press("Delete");
  await page.waitForSelector('[data-device="sw1"]', { state: "detached" });
  assert.deepEqual(await links(page), [], "the switch's cables went with it");
  await page.keyboard.press("Control+z");
  await page.waitForSelector('[data-device="sw1"]');
  assert.deepEqual(await savedLab(page), built);
  await page.keyboard.press("Control+Shift+z");
  await page.waitForSelector('[data-device="sw1"]', { state: "detached" });
  await page.getByTestId("undo").click();
  await page.waitForSelector('[data-device="sw1"]');
  // Undo of a move: one step per drag, back exactly where it was.
  const before = await deviceCenter(page, "pc2");
  await mouseDrag(page, before, { x: before.x, y: before.y + 90 });
  assert.notDeepEqual((await savedLab(page)).devices[2].position, built.devices[2].position);
  await page.keyboard.press("Control+z");
  await page.waitForFunction((x) => {
    const t = document.querySelector('[data-device="pc2"]').getAttribute("transform");
    return t === x;
  }, `translate(${built.devices[2].position[0]} ${built.devices[2].position[1]})`);
  // Undo while typing in a field is the field's own, not the lab's.
  await page.locator('[data-device="pc1"] .icon').click();
  await page.getByTestId("name").focus();
  await page.keyboard.press("Control+z");
  assert.deepEqual(await savedLab(page), built);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a reload restores the lab exactly", async () => {
  const { page, problems, context } = await openApp();
  await buildTwoHostsAndSwitch(page);
  await page.locator('[data-device="pc1"] .icon').click();
  await setField(page, "mac-0", "02:aa:bb:cc:dd:01");
  await setField(page, "name", "alice");
  await page.waitForSelector('[data-device="alice"]');
  const saved = await savedLab(page);
  const transforms = await page.$$eval("[data-device]", (els) => els.map((e) => e.getAttribute("transform")));
  await page.reload();
  await page.waitForSelector('.app[data-ready="true"]', { timeout: READY_TIMEOUT_MS });
  assert.deepEqual(await devices(page), ["alice", "sw1", "pc2"]);
  assert.deepEqual(await links(page), ["alice-sw1", "pc2-sw1"].map((l) => l.replace("alice-sw1", "pc1-sw1")));
  assert.deepEqual(await page.$$eval("[data-device]", (els) => els.map((e) => e.getAttribute("transform"))), transforms);
  assert.deepEqual(await savedLab(page), saved);
  assert.equal(saved.devices[0].interfaces[0].mac, "02:aa:bb:cc:dd:01");
  assert.equal(saved.links[0].a.device, "alice", "the rename followed into the link");
  assert.equal(await page.getByTestId("hint").count(), 0, "no first-visit hint on an own lab");
  assert.deepEqual(problems, []);
  await context.close();
});

test("import: a bad file names the field and changes nothing; a good one loads; export gives the file", async () => {
  const { page, problems, context } = await openApp();
  const before = await savedLab(page).catch(() => null);
  const shownBefore = await devices(page);
  const good = await scenario("to-the-internet");
  const bad = structuredClone(good);
  bad.devices[2].interfaces[0].address = "10.0.0.300/33";
  await page.getByTestId("import-file").setInputFiles({
    name: "broken.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(bad)),
  });
  const notice = await page.getByTestId("notice").textContent();
  assert.match(notice, /broken\.json was not loaded/);
  assert.match(notice, /devices\[2\]\.interfaces\[0\]\.address: prefix \/33 is out of range/);
  assert.deepEqual(await devices(page), shownBefore);
  if (before) assert.deepEqual(await savedLab(page), before);

  await page.getByTestId("import-file").setInputFiles({
    name: "good.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(good)),
  });
  await page.waitForSelector('[data-device="dns-server"]');
  assert.equal(await page.getByTestId("notice").count(), 0);
  assert.deepEqual(await devices(page), good.devices.map((d) => d.id));

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export").click()]);
  assert.equal(download.suggestedFilename(), "to-the-internet.json");
  const exported = JSON.parse(await readFile(await download.path(), "utf8"));
  assert.deepEqual(exported, await savedLab(page));
  assert.deepEqual(exported.devices.map((d) => d.id), good.devices.map((d) => d.id));
  assert.deepEqual(problems, []);
  await context.close();
});

test("wheel and buttons zoom; labels stay legible when zoomed out; a background drag pans", async () => {
  const { page, problems, context } = await openApp();
  await pickExample(page, "same-network");
  const viewBox = async () => (await page.getAttribute("svg.canvas-svg", "viewBox")).split(" ").map(Number);
  const [, , w0] = await viewBox();
  const box = await page.locator("svg.canvas-svg").boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, -300);
  await page.waitForFunction((w) => Number(document.querySelector("svg.canvas-svg").getAttribute("viewBox").split(" ")[2]) < w, w0);
  for (let i = 0; i < 8; i++) await page.getByTestId("zoom-out").click();
  const [, , w1] = await viewBox();
  assert.ok(w1 > 2 * w0, `${w1} > 2 × ${w0}`);
  // Zoomed out, the name keeps at least its nominal 15 px on screen.
  const nameHeight = (await page.locator('[data-device="pc1"] .device-name').boundingBox()).height;
  assert.ok(nameHeight >= 12, `name ${nameHeight}px tall`);
  await page.getByTestId("zoom-fit").click();
  const [x0] = await viewBox();
  await mouseDrag(page, { x: box.x + box.width * 0.7, y: box.y + 110 }, { x: box.x + box.width * 0.7 + 100, y: box.y + 110 });
  // (A gesture is applied once the engine's module, which holds the gestures, is here.)
  await page.waitForFunction((x0) => Number(document.querySelector("svg.canvas-svg").getAttribute("viewBox").split(" ")[0]) < x0, x0);
  const [x1] = await viewBox();
  assert.ok(x1 < x0, `panned right: ${x1} < ${x0}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a device's panel, then a link's, then a device's again: each selection shows its own form", async () => {
  // Both forms are split views drawn in the same place by one component (src/split.rs): a
  // link's must not be drawn with the device's view, nor the other way round.
  const { page, problems, context } = await openApp();
  await pickExample(page, "same-network");
  const expected = await scenario("same-network");
  const link = expected.links[0];
  const click = async (point) => page.mouse.click(point.x, point.y);
  await click(await deviceCenter(page, "pc1"));
  await page.getByTestId("device-panel").waitFor();
  assert.match(await page.getByTestId("device-panel").textContent(), /pc1/);
  const [a, b] = [await deviceCenter(page, link.a.device), await deviceCenter(page, link.b.device)];
  await click({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });
  await page.getByTestId("link-panel").waitFor();
  assert.match(await page.getByTestId("link-panel").textContent(), new RegExp(link.id));
  assert.equal(await page.getByTestId("link-port-a").inputValue(), link.a.port);
  assert.equal(await page.getByTestId("device-panel").count(), 0);
  await click(await deviceCenter(page, "pc2"));
  await page.getByTestId("device-panel").waitFor();
  assert.match(await page.getByTestId("device-panel").textContent(), /pc2/);
  assert.equal(await page.getByTestId("link-panel").count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});
