// Share links, the embed mode and offline use (issue 6), in real headless Chromium against the
// built dist/ under a sub-path. Links are also made here with node's own zlib, which checks that
// the format is plain zlib + unpadded base64url, as src/share.rs documents.

import { after, test } from "node:test";
import assert from "node:assert/strict";
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { deflateSync } from "node:zlib";

import { DIST, PREFIX, READY_TIMEOUT_MS, labFixture, recordProblems, scenario, serve, waitForRun, waitForAsync } from "./helpers.mjs";

const temps = [];

const fx = labFixture();

after(async () => {
  for (const dir of temps) await rm(dir, { recursive: true, force: true });
});

/** A new page in `context` (a fresh one if none) at `url`, once the app is ready. */
async function open(url, context) {
  context ??= await fx.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const problems = recordProblems(page);
  await page.goto(url);
  await page.waitForSelector('.app[data-ready="true"]', { timeout: READY_TIMEOUT_MS });
  return { page, context, problems };
}

/** What the canvas and the controls show: device names, address labels, the event counter. */
async function shown(page) {
  return page.evaluate(() => ({
    devices: [...document.querySelectorAll("[data-device]")].map((e) => e.dataset.device),
    addresses: [...document.querySelectorAll(".device-address")].map((e) => e.textContent),
    event: document.querySelector('[data-testid="event-count"]').textContent,
  }));
}

/** A link to `lab` (the link's JSON: { v, scenario, event, … }) made without the app. */
function linkTo(lab) {
  return `${fx.appUrl}#lab=${deflateSync(Buffer.from(JSON.stringify(lab))).toString("base64url")}`;
}

/** Clicks Share and reads the link from the dialog. */
async function shareUrl(page) {
  await page.getByTestId("share").click();
  const url = await page.getByTestId("share-url").inputValue();
  await page.getByTestId("share-close").click();
  return url;
}

async function stepTo(page, n) {
  await waitForRun(page);
  for (;;) {
    const [, at] = (await page.getByTestId("event-count").textContent()).match(/event (\d+) /);
    if (Number(at) >= n) return;
    await page.getByTestId("step").click();
    await page.waitForFunction(
      (at) => !document.querySelector('[data-testid="event-count"]').textContent.startsWith(`event ${at} `),
      at,
    );
  }
}

test("share → open the link in a new browser: the same devices, addresses and current event", async () => {
  const { page, context, problems } = await open(fx.appUrl);
  await page.click('[data-example="two-subnets"]');
  await page.waitForSelector('[data-example="two-subnets"][aria-pressed="true"]');
  await stepTo(page, 9);
  const before = await shown(page);
  const narration = await page.getByTestId("narration").textContent();
  assert.ok(narration.length > 10, `the current event is narrated: ${narration}`);
  const url = await shareUrl(page);
  assert.ok(url.startsWith(`${fx.appUrl}?lang=en#lab=`), url);
  assert.match(url.slice(url.indexOf("#") + 5), /^[A-Za-z0-9_-]+$/, "URL-safe");

  const other = await open(url);
  await waitForRun(other.page);
  assert.deepEqual(await shown(other.page), before);
  assert.equal(await other.page.getByTestId("narration").textContent(), narration);
  assert.equal(await other.page.getByTestId("link-prompt").count(), 0, "no lab of their own: no question");
  // The fragment is gone from the address bar once handled; the lab is autosaved instead.
  assert.equal(new URL(other.page.url()).hash, "");
  assert.deepEqual(problems, []);
  assert.deepEqual(other.problems, []);
  await context.close();
  await other.context.close();
});

test("a link never silently replaces the user's lab: Keep mine, Open, Restore my previous lab", async () => {
  const { page, context } = await open(fx.appUrl);
  const url = await shareUrl(page); // the first visit's example
  await page.click('[data-example="hub"]');
  await page.waitForSelector('[data-example="hub"][aria-pressed="true"]');
  const mine = await shown(page);

  // Keep mine: nothing changes.
  const second = await open(url, context);
  await second.page.getByTestId("link-prompt").waitFor();
  assert.deepEqual(await shown(second.page), mine, "the own lab stays while the question is open");
  await second.page.getByTestId("share-keep").click();
  await second.page.getByTestId("link-prompt").waitFor({ state: "detached" });
  assert.deepEqual(await shown(second.page), mine);
  await second.page.close();

  // Open the shared lab: it replaces the lab, which can be restored.
  const third = await open(url, context);
  await third.page.getByTestId("share-open").click();
  const first = await scenario("visit-example");
  await third.page.waitForFunction(
    (ids) => [...document.querySelectorAll("[data-device]")].map((e) => e.dataset.device).join() === ids,
    first.devices.map((d) => d.id).join(),
  );
  await third.page.getByTestId("share").click();
  await third.page.getByTestId("restore-previous").click();
  await third.page.waitForFunction(
    (ids) => [...document.querySelectorAll("[data-device]")].map((e) => e.dataset.device).join() === ids,
    mine.devices.join(),
  );
  await context.close();
});

test("a tampered or truncated link shows what is wrong, and the first visit's example", async () => {
  const first = await scenario("visit-example");
  const { page: sharer, context: c0 } = await open(fx.appUrl);
  const url = await shareUrl(sharer);
  await c0.close();
  const at = url.indexOf("#lab=") + 5 + 40;
  const cases = [
    [url.slice(0, at) + "!" + url.slice(at + 1), /character 41 is not one a lab link can contain/],
    [url.slice(0, url.length - 30), /incomplete or damaged/],
    [linkTo({ v: 1, scenario: { devices: [{ id: "pc1", kind: "host", interfaces: [{ name: "eth0", address: "10.0.0.300/24" }] }] } }),
      /scenario\.devices\[0\]\.interfaces\[0\]\.address/],
  ];
  for (const [link, message] of cases) {
    const { page, context } = await open(link);
    const error = page.getByTestId("link-error");
    await error.waitFor();
    assert.match(await error.textContent(), /could not be opened/);
    assert.match(await error.textContent(), message);
    assert.deepEqual((await shown(page)).devices, first.devices.map((d) => d.id));
    await context.close();
  }
});

test("a device named <img src=x onerror=alert(1)> round-trips through a link as text", async () => {
  const name = "<img src=x onerror=alert(1)>";
  const lab = await scenario("same-network");
  const old = lab.devices[0].id;
  const rename = (id) => (id === old ? name : id);
  lab.devices[0].id = name;
  for (const link of lab.links) for (const end of [link.a, link.b]) end.device = rename(end.device);
  for (const command of lab.commands ?? []) command.device = rename(command.device);

  const { page, context, problems } = await open(linkTo({ v: 1, scenario: lab, event: 12 }));
  const dialogs = [];
  page.on("dialog", (d) => dialogs.push(d.message()));
  const check = async (page) => {
    assert.equal(await page.locator("img").count(), 0, "no img element anywhere");
    const names = await page.$$eval(".device-name", (els) => els.map((e) => e.textContent));
    assert.ok(names.includes(name), `drawn as text: ${names}`);
    assert.ok((await page.textContent("body")).includes(name));
  };
  await check(page);
  // And again through the app's own Share link.
  const url = await shareUrl(page);
  const other = await open(url);
  other.page.on("dialog", (d) => dialogs.push(d.message()));
  await check(other.page);
  assert.equal((await shown(other.page)).event, (await shown(page)).event);
  assert.deepEqual(dialogs, [], "no alert ran");
  assert.deepEqual(problems, []);
  await context.close();
  await other.context.close();
});

test("the presenter scale enlarges labels and travels in the link", async () => {
  const { page, context } = await open(fx.appUrl);
  // Same network: its view shows labels at their nominal size (a wider lab's fit zooms out,
  // and zoomed-out labels are drawn larger to stay legible).
  await page.click('[data-example="same-network"]');
  await page.waitForSelector('[data-example="same-network"][aria-pressed="true"]');
  // The labels grow as one group (the group's transform), name and address together.
  const labelScale = (p) => p.$eval(".device-labels", (e) => e.getAttribute("transform").match(/scale\(([\d.]+)\)/)[1]);
  const size = () => labelScale(page);
  assert.equal(await size(), "1");
  await page.getByTestId("share").click();
  await page.getByTestId("presenter-scale").selectOption("150");
  await page.waitForSelector(".app.presenter");
  assert.equal(await size(), "1.5");
  const url = await page.getByTestId("share-url").inputValue();
  const embed = await page.getByTestId("share-embed-code").inputValue();
  assert.match(embed, /^<iframe src="[^"]+\?embed=1&amp;lang=en#lab=[A-Za-z0-9_-]+" title="Packet Lab: Same network"/);
  assert.match(url, /\?lang=en#lab=/, "the link carries the interface language");
  const other = await open(url);
  assert.equal(await labelScale(other.page), "1.5");
  await context.close();
  await other.context.close();
});

test("the embed URL in an iframe of a slide page renders and steps with the keyboard", async () => {
  const { page, context, problems } = await (async () => {
    const context = await fx.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const problems = recordProblems(page);
    await page.goto(`${fx.appUrl}embed-example.html?slide=2`);
    return { page, context, problems };
  })();
  const frame = page.frameLocator('[data-testid="deck-frame"]');
  await frame.locator('.app[data-ready="true"]').waitFor({ timeout: READY_TIMEOUT_MS });
  // No editing chrome; the canvas fills the frame's width.
  assert.equal(await frame.locator('[data-testid="embed"]').count(), 1);
  for (const chrome of ["toolbar", "palette-host", "share", "dock"]) {
    assert.equal(await frame.getByTestId(chrome).count(), 0, `no ${chrome} in an embed`);
  }
  assert.equal(await frame.locator("aside.side-panel").count(), 0);
  const box = await page.locator('[data-testid="deck-frame"]').boundingBox();
  const svg = await frame.locator("svg.canvas-svg").boundingBox();
  assert.ok(svg.width > box.width - 4, `canvas ${svg.width} wide in a ${box.width} frame`);

  const count = () => frame.getByTestId("event-count").textContent();
  // The slide's lab runs once the page's engine module is here (src/playback/engine.rs).
  await frame.locator('[data-testid="event-count"]', { hasText: /\/ [1-9]/ }).waitFor({ timeout: READY_TIMEOUT_MS });
  const start = await count();
  // Keyboard focus into the frame, then → steps, Home goes back.
  await frame.locator(".embed-caption").click();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  const [, a] = start.match(/event (\d+) /);
  await frame.locator(`[data-testid="event-count"]:text("event ${Number(a) + 2} ")`).waitFor();
  assert.ok((await frame.getByTestId("narration").textContent()).length > 10, "narrated");
  await page.keyboard.press("Home");
  await frame.locator(`[data-testid="event-count"]:text("${start}")`).waitFor();
  // stop=12: stepping never goes past event 12.
  for (let i = 0; i < 16; i++) await page.keyboard.press("ArrowRight");
  await frame.locator('[data-testid="event-count"]:text("event 12 ")').waitFor();
  // + makes it faster.
  const speed = () => frame.getByTestId("speed").inputValue();
  const before = await speed();
  await page.keyboard.press("+");
  await frame.locator('[data-testid="speed"]').evaluate((el, b) => new Promise((r) => {
    const poll = () => (el.value !== b ? r() : requestAnimationFrame(poll));
    poll();
  }), before);
  assert.equal(Number(await speed()), Number(before) + 1);
  assert.deepEqual(problems, []);
  await context.close();
});

test("after one visit the lab runs offline, served by its service worker", async () => {
  const { page, context } = await open(fx.appUrl);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: READY_TIMEOUT_MS });
  await context.setOffline(true);
  // The network really is off: an uncached URL fails.
  assert.equal(await page.evaluate(() => fetch("./not-cached.txt").then(() => "fetched", () => "failed")), "failed");
  const wasm = [];
  page.on("response", (r) => r.url().endsWith(".wasm") && wasm.push([r.url().split("/").pop(), r.fromServiceWorker()]));
  await page.reload();
  await page.waitForSelector('.app[data-ready="true"]', { timeout: READY_TIMEOUT_MS });
  const before = await page.getByTestId("event-count").textContent();
  await page.getByTestId("step").click();
  await page.waitForFunction((b) => document.querySelector('[data-testid="event-count"]').textContent !== b, before);
  // Another example runs too: the page's engine (a split module, src/playback/engine.rs) is
  // served by the service worker as well.
  await page.click('[data-example="two-subnets"]');
  await page.waitForSelector('[data-example="two-subnets"][aria-pressed="true"]');
  await page.waitForFunction(() => /^event [0-9]+ \/ [1-9]/.test(document.querySelector('[data-testid="event-count"]').textContent), null, { timeout: READY_TIMEOUT_MS });
  assert.deepEqual(wasm.map(([f]) => f.replace(/-[0-9a-f]{16}/, "")).sort(), ["packet-lab-load-engine.wasm", "packet-lab-load-tables.wasm", "packet-lab_bg.wasm"]);
  assert.ok(wasm.every(([, sw]) => sw), `the wasm came from the service worker: ${wasm}`);
  await context.close();
});

test("a new build is picked up online, then served offline; the old build's files are dropped", async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), "packet-lab-deploy-"));
  temps.push(dir);
  await cp(DIST, dir, { recursive: true });
  const site = await serve(dir);
  try {
    const url = site.url + PREFIX.slice(1);
    const { page, context } = await open(url);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: READY_TIMEOUT_MS });
    // "Deploy" a new build: the CSS under a new hashed name, and a new title.
    const css = (await readdir(dir)).find((f) => /^app-[0-9a-f]+\.css$/.test(f));
    const fresh = "app-00000000000000aa.css";
    await cp(path.join(dir, css), path.join(dir, fresh));
    const index = (await readFile(path.join(dir, "index.html"), "utf8"))
      .replace(css, fresh)
      .replace(/ integrity=[^ >]+(?= rel=stylesheet)/, "")
      .replace("<title>Packet Lab</title>", "<title>Packet Lab (new build)</title>");
    assert.ok(index.includes(fresh) && index.includes("(new build)"), "index.html rewritten");
    await writeFile(path.join(dir, "index.html"), index);
    await rm(path.join(dir, css));
    await page.reload();
    await page.waitForSelector('.app[data-ready="true"]', { timeout: READY_TIMEOUT_MS });
    assert.equal(await page.title(), "Packet Lab (new build)");
    const cached = async () =>
      page.evaluate(async () => (await (await caches.open("packet-lab-v1")).keys()).map((r) => r.url.split("/").pop()));
    await waitForAsync(page, async (fresh) => {
      const keys = await (await caches.open("packet-lab-v1")).keys();
      return keys.some((r) => r.url.endsWith(fresh));
    }, fresh);
    assert.ok(!(await cached()).includes(css), `the old build's css is dropped: ${await cached()}`);
    await context.setOffline(true);
    await page.reload();
    await page.waitForSelector('.app[data-ready="true"]', { timeout: READY_TIMEOUT_MS });
    assert.equal(await page.title(), "Packet Lab (new build)");
    await context.close();
  } finally {
    await site.close();
  }
});
