// The page's engine is a split module (issue 15, src/playback/engine.rs, docs/size.md "the
// engine split"), in real headless Chromium against the built dist/: a first visit's example
// plays before that module has arrived (its run is precomputed); another example is drawn at
// once and runs when the module arrives; a lab read from text (a link, a stored lab: reading
// JSON is engine code, src/boot.rs) opens when the module arrives, at the event a link asked
// for; a module that cannot be fetched says so and loses nothing.

import { test } from "node:test";
import assert from "node:assert/strict";
import { deflateSync } from "node:zlib";

import { READY_TIMEOUT_MS, labFixture, recordProblems, savedLab, scenario } from "./helpers.mjs";

const fx = labFixture();
const ENGINE = /packet-lab-load-engine-[0-9a-f]{16}\.wasm$/;

/** Opens `url` with no service worker. The engine's module is held until `release()` is
 *  called, or refused when `refuse` is true. */
async function open(url, { refuse = false, ready = true } = {}) {
  const context = await fx.browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: "block" });
  const page = await context.newPage();
  const problems = recordProblems(page);
  let release, hit;
  const released = new Promise((r) => (release = r));
  const asked = new Promise((r) => (hit = r));
  await page.route(ENGINE, async (route) => {
    hit();
    if (refuse) return route.abort("internetdisconnected");
    await released;
    await route.continue();
  });
  await page.goto(url);
  if (ready) await page.waitForSelector('.app[data-ready="true"]', { timeout: READY_TIMEOUT_MS });
  return { context, page, problems, release, asked };
}

const count = (page) => page.getByTestId("event-count").textContent();

/** Checks the run is here (the counter says how many events it has) and one step shows the next. */
async function stepOnce(page) {
  const before = await count(page);
  assert.match(before, /^event [0-9]+ \/ [1-9][0-9]*/);
  await page.getByTestId("step").click();
  await page.waitForFunction((b) => document.querySelector('[data-testid="event-count"]').textContent !== b, before);
}

/** A link to `lab` (the link's JSON: { v, scenario, event, … }) made without the app. */
function linkTo(lab) {
  return `${fx.appUrl}#lab=${deflateSync(Buffer.from(JSON.stringify(lab))).toString("base64url")}`;
}

test("a first visit plays its example before the engine's module has arrived; an edit waits for it", async () => {
  const { context, page, problems, release, asked } = await open(fx.appUrl);
  // The engine is asked for at once, after the first paint, and held here.
  await asked;
  // The example's run is here: Play is enabled and a step shows its first event.
  assert.equal(await page.getByTestId("play").isEnabled(), true);
  await stepOnce(page);
  assert.equal(await page.getByTestId("engine-loading").count(), 0);
  // Another example needs the engine: drawn at once, its run waits and says so.
  await page.click('[data-example="same-network"]');
  await page.waitForSelector('[data-example="same-network"][aria-pressed="true"]');
  await page.getByTestId("engine-loading").waitFor();
  assert.match(await page.getByTestId("engine-loading").textContent(), /Loading the packet engine/);
  assert.ok((await page.locator("[data-device]").count()) > 0, "the lab is drawn");
  release();
  await page.getByTestId("engine-loading").waitFor({ state: "detached", timeout: READY_TIMEOUT_MS });
  await stepOnce(page);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the editor's lab edits and gestures wait for the engine's module; the zoom buttons do not; the lab is saved when it arrives", async () => {
  const { context, page, problems, release } = await open(fx.appUrl);
  const devices = () => page.locator("[data-device]").count();
  const viewBox = () => page.locator(".canvas-svg").getAttribute("viewBox");
  const n = await devices();
  // A view action is applied at once.
  const before = await viewBox();
  await page.getByTestId("zoom-in").click();
  await page.waitForFunction((b) => document.querySelector(".canvas-svg").getAttribute("viewBox") !== b, before);
  // A lab edit (a switch from the palette) is held until the engine is here, then applied.
  await page.getByTestId("palette-switch").click();
  // (A zoom after it has been drawn: the click was handled before it.)
  const zoomed = await viewBox();
  await page.getByTestId("zoom-out").click();
  await page.waitForFunction((b) => document.querySelector(".canvas-svg").getAttribute("viewBox") !== b, zoomed);
  assert.equal(await devices(), n, "held: the lab is not changed yet");
  await page.getByTestId("engine-loading").waitFor();
  // Writing the lab's JSON is engine code too: nothing is saved yet.
  assert.equal(await page.evaluate(() => localStorage.getItem("packet-lab.lab.v1")), null);
  release();
  await page.waitForFunction((n) => document.querySelectorAll("[data-device]").length === n + 1, n, { timeout: READY_TIMEOUT_MS });
  // Saved once it is here: the lab on screen, the edit included (the latest save wins).
  await page.waitForFunction((n) => JSON.parse(localStorage.getItem("packet-lab.lab.v1") ?? "{}").devices?.length === n + 1, n, { timeout: READY_TIMEOUT_MS });
  assert.deepEqual((await savedLab(page)).devices.map((d) => d.id).sort(), (await page.locator("[data-device]").evaluateAll((d) => d.map((e) => e.dataset.device))).sort());
  // And the changed lab runs.
  await page.waitForFunction(() => /^event [0-9]+ \/ [1-9]/.test(document.querySelector('[data-testid="event-count"]')?.textContent ?? ""), null, { timeout: READY_TIMEOUT_MS });
  assert.equal(await page.getByTestId("engine-loading").count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

/** Waits for the page to say it opens the lab, and checks nothing of a lab is drawn yet. */
async function booting(page) {
  await page.getByTestId("booting").waitFor({ timeout: READY_TIMEOUT_MS });
  assert.match(await page.getByTestId("booting").textContent(), /Opening the lab/);
  assert.equal(await page.locator("[data-device]").count(), 0);
  assert.equal(await page.locator('[data-ready="true"]').count(), 0);
}

test("a link's lab opens when the engine arrives, at the link's event", async () => {
  const lab = await scenario("two-subnets");
  const { context, page, problems, release } = await open(linkTo({ v: 1, scenario: lab, event: 9 }), { ready: false });
  await booting(page);
  release();
  await page.waitForSelector('.app[data-ready="true"]', { timeout: READY_TIMEOUT_MS });
  const devices = await page.locator("[data-device]").evaluateAll((d) => d.map((e) => e.dataset.device));
  assert.deepEqual(devices.sort(), lab.devices.map((d) => d.id).sort());
  await page.waitForFunction(() => document.querySelector('[data-testid="event-count"]').textContent.startsWith("event 9 "), null, { timeout: READY_TIMEOUT_MS });
  assert.equal(await page.getByTestId("engine-loading").count(), 0);
  assert.equal(await page.getByTestId("booting").count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test("an embed's link waits for the engine the same way, and a wrong link is said when it arrives", async () => {
  const lab = await scenario("hub");
  const { context, page, release } = await open(linkTo({ v: 1, scenario: lab, event: 3 }).replace("#", "?embed=1#"), { ready: false });
  await booting(page);
  release();
  await page.waitForSelector('[data-testid="embed"][data-ready="true"]', { timeout: READY_TIMEOUT_MS });
  await page.waitForFunction(() => document.querySelector('[data-testid="event-count"]').textContent.startsWith("event 3 "), null, { timeout: READY_TIMEOUT_MS });
  await context.close();

  // 10.0.0.300: a wrong link's lab is refused when the engine arrives, as a link always was:
  // the link's error, naming the field, and the first visit's example in its place, playing.
  const wrong = structuredClone(lab);
  const at = wrong.devices.findIndex((d) => d.interfaces?.length);
  wrong.devices[at].interfaces[0].address = "10.0.0.300/24";
  const bad = await open(linkTo({ v: 1, scenario: wrong }), { ready: false });
  await booting(bad.page);
  bad.release();
  await bad.page.getByTestId("link-error").waitFor({ timeout: READY_TIMEOUT_MS });
  const said = await bad.page.getByTestId("link-error").textContent();
  assert.match(said, /could not be opened/);
  assert.ok(said.includes(`scenario.devices[${at}].interfaces[0].address`), said);
  const first = await scenario("visit-example");
  await bad.page.waitForFunction((n) => /^event [0-9]+ \/ [1-9]/.test(document.querySelector('[data-testid="event-count"]')?.textContent ?? ""), null, { timeout: READY_TIMEOUT_MS });
  const shown = await bad.page.locator("[data-device]").evaluateAll((d) => d.map((e) => e.dataset.device));
  assert.deepEqual(shown.sort(), first.devices.map((d) => d.id).sort());
  await stepOnce(bad.page);
  assert.equal(await bad.page.getByTestId("engine-loading").count(), 0);
  await bad.context.close();
});

test("a stored lab the engine refuses gives way to the first visit's example, and the notice says why", async () => {
  const lab = await scenario("two-subnets");
  lab.devices[0].interfaces[0].address = "192.168.1.300/24";
  const context = await fx.browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: "block" });
  await context.addInitScript((text) => {
    if (!sessionStorage.getItem("seeded")) {
      localStorage.setItem("packet-lab.lab.v1", text);
      sessionStorage.setItem("seeded", "1");
    }
  }, JSON.stringify(lab));
  const page = await context.newPage();
  const problems = recordProblems(page);
  await page.goto(fx.appUrl);
  await page.waitForSelector('.app[data-ready="true"]', { timeout: READY_TIMEOUT_MS });
  const notice = page.getByTestId("notice");
  await notice.waitFor({ timeout: READY_TIMEOUT_MS });
  assert.match(await notice.textContent(), /devices\[0\]\.interfaces\[0\]\.address/);
  const first = await scenario("visit-example");
  await page.waitForFunction(() => /^event [0-9]+ \/ [1-9]/.test(document.querySelector('[data-testid="event-count"]')?.textContent ?? ""), null, { timeout: READY_TIMEOUT_MS });
  const shown = await page.locator("[data-device]").evaluateAll((d) => d.map((e) => e.dataset.device));
  assert.deepEqual(shown.sort(), first.devices.map((d) => d.id).sort());
  assert.deepEqual(problems, []);
  await context.close();
});

test("an engine module that cannot be fetched is said, and nothing is lost", async () => {
  // A first visit: its run is precomputed, so it still plays; the tables' pane (a split view
  // that waits for the engine's module) says the module could not be downloaded.
  const first = await open(fx.appUrl, { refuse: true });
  const tables = first.page.locator('.tables-pane [data-testid="split-failed"]');
  await tables.waitFor({ timeout: READY_TIMEOUT_MS });
  assert.match(await tables.textContent(), /could not be downloaded/);
  assert.ok((await first.page.locator("[data-device]").count()) > 0);
  await stepOnce(first.page);
  await first.context.close();

  // A link: the page cannot read it without the engine, so it says so with its reload; the
  // link stays in the address bar and nothing was saved, so the reload reads the same link.
  const lab = await scenario("two-subnets");
  const { context, page, problems } = await open(linkTo({ v: 1, scenario: lab }), { refuse: true, ready: false });
  await page.locator('[data-testid="booting"] [data-testid="split-failed"]').waitFor({ timeout: READY_TIMEOUT_MS });
  assert.match(await page.getByTestId("split-failed").textContent(), /could not be downloaded/);
  assert.equal(await page.getByTestId("split-reload").count(), 1);
  assert.ok((await page.evaluate(() => location.hash)).startsWith("#lab="));
  assert.equal(await page.evaluate(() => localStorage.getItem("packet-lab.lab.v1")), null);
  assert.deepEqual(problems.filter((p) => !/packet-lab-load-engine|Failed to load wasm-split module|ERR_INTERNET_DISCONNECTED|could not start/.test(p)), []);
  await context.close();
});
