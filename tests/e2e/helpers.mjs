// Shared set-up for Packet Lab's browser tests: Debian's Chromium driven by playwright-core,
// and the built dist/ served under a sub-path by scripts/static-server.mjs.

import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { after, before } from "node:test";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

import { startStaticServer } from "../../scripts/static-server.mjs";

/** The repository root. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** The trunk build under test. */
export const DIST = path.join(ROOT, "dist");
/** The sub-path the build is served under, as on a real site. */
export const PREFIX = "/packet-lab/";
/** How long a page may take to become ready; generous for a loaded 2-core CI machine. */
export const READY_TIMEOUT_MS = 30_000;

/** Serves `root` under PREFIX on 127.0.0.1 with a free port. */
export function serve(root = DIST) {
  return startStaticServer({ root, prefix: PREFIX });
}

/** Launches /usr/bin/chromium headless, with the flags that keep it off the network
 *  (see shared TOOLCHAIN notes). Playwright gives it a fresh temporary profile. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** The fixture every test file shares: one static server and one Chromium per file. Call it
 *  once at the top level of a test file; the object it returns is filled in before the first
 *  test (`server`, `browser`, `appUrl`) and torn down after the last. */
export function labFixture() {
  const fx = { server: null, browser: null, appUrl: "" };
  before(async () => {
    fx.server = await serve();
    fx.appUrl = fx.server.url + PREFIX.slice(1);
    fx.browser = await launchBrowser();
    await mkdir(path.join(ROOT, "out"), { recursive: true });
  });
  after(async () => {
    await fx.browser?.close();
    await fx.server?.close();
  });
  return fx;
}

/** Opens the app at `at` (appended to its URL: "", "?embed=1&example=hub", "embed-example.html")
 *  in a fresh browser context made with `options` (viewport — 1280×720 unless given —,
 *  hasTouch, reducedMotion, acceptDownloads…), records its problems, and unless
 *  `ready: false` waits until the app has mounted. */
export async function openPage(fx, at = "", { ready = true, ...options } = {}) {
  const context = await fx.browser.newContext({ viewport: { width: 1280, height: 720 }, ...options });
  const page = await context.newPage();
  const problems = recordProblems(page);
  const response = await page.goto(fx.appUrl + at);
  if (ready) await page.waitForSelector('.app[data-ready="true"]', { timeout: READY_TIMEOUT_MS });
  return { page, context, problems, response };
}

/** Picks the example `stem` in the examples menu and waits until it is the lab shown and its
 *  run is here (after the page's engine module: [waitForRun]). */
export async function pickExample(page, stem) {
  await page.click(`[data-example="${stem}"]`);
  await page.waitForSelector(`[data-example="${stem}"][aria-pressed="true"]`);
  await waitForRun(page);
}

/** Runs `body({ page, context, problems })` on a page from [openPage] and closes its context
 *  afterwards, whether the body passed or failed. */
export async function withPage(fx, at, options, body) {
  const opened = await openPage(fx, at, options);
  try {
    return await body(opened);
  } finally {
    await opened.context.close();
  }
}

/** Records every console error, uncaught page error, failed request and HTTP error response
 *  of `page`. The returned array is empty when the page behaved. */
export function recordProblems(page) {
  const problems = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") problems.push(`console error: ${msg.text()}`);
  });
  page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
  page.on("requestfailed", (req) => {
    // The browser's own favicon fetch, and the page's split modules (the engine, fetched right
    // after the first paint, src/playback/engine.rs, and the views that wait for it, such as
    // the tables), are cancelled when a test navigates away while they are in flight
    // (net::ERR_ABORTED on a loaded machine): not a problem of the page.
    if (/\/(favicon-[0-9a-f]+\.svg|packet-lab-load-[a-z-]+-[0-9a-f]+\.wasm)$/.test(req.url()) && req.failure()?.errorText === "net::ERR_ABORTED") return;
    problems.push(`request failed: ${req.url()} (${req.failure()?.errorText})`);
  });
  page.on("response", (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  return problems;
}

/** A scenario file of scenarios/, parsed. */
export async function scenario(stem) {
  return JSON.parse(await readFile(path.join(ROOT, "scenarios", `${stem}.json`), "utf8"));
}

/** The engine crate's version from engine/Cargo.toml. */
export async function engineVersion() {
  const manifest = await readFile(path.join(ROOT, "engine", "Cargo.toml"), "utf8");
  return manifest.match(/^\[package\][^[]*?^version\s*=\s*"([^"]+)"/m)[1];
}

// ---- editor helpers (tests/e2e/editor.test.mjs; reused by the playback tests) ----

/** The page-pixel centre of a device's icon on the canvas. */
export async function deviceCenter(page, id) {
  const box = await page.locator(`[data-device="${id}"] .icon`).boundingBox();
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Presses at `from` and releases at `to` with the mouse, moving in steps as a hand does. */
export async function mouseDrag(page, from, to, steps = 8) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps });
  await page.mouse.up();
}

/** Sets a device panel field (by data-testid) and commits it as a user does: type, Enter. */
export async function setField(page, testid, text) {
  const input = page.getByTestId(testid);
  await input.fill(text);
  await input.press("Enter");
}

/** On a ready page: starts a new lab and builds pc1 (10.0.0.1/24) — sw1 — pc2 (10.0.0.2/24)
 *  with the palette and the mouse only: pc1 and pc2 placed by clicking the palette, sw1 dragged
 *  from the palette onto the canvas, pc2 then moved by dragging, the two cables drawn in link
 *  mode by dragging from host to switch, and the addresses typed into the device panel.
 *  Waits until each step shows on the page. */
export async function buildTwoHostsAndSwitch(page) {
  await page.getByTestId("new").click();
  await page.waitForFunction(() => document.querySelectorAll("[data-device]").length === 0);
  const canvas = await page.locator("svg.canvas-svg").boundingBox();
  const mid = { x: canvas.x + canvas.width / 2, y: canvas.y + canvas.height / 2 };

  await page.getByTestId("palette-host").click();
  await page.waitForSelector('[data-device="pc1"]');
  await page.getByTestId("palette-switch").dragTo(page.locator("svg.canvas-svg"), {
    targetPosition: { x: canvas.width / 2 + 180, y: canvas.height / 2 },
  });
  await page.waitForSelector('[data-device="sw1"]');
  await page.getByTestId("palette-host").click();
  await page.waitForSelector('[data-device="pc2"]');
  // pc1 sits at the centre; move it left, and pc2 to the right of the switch.
  await mouseDrag(page, await deviceCenter(page, "pc1"), { x: mid.x - 60, y: mid.y });
  await mouseDrag(page, await deviceCenter(page, "pc2"), { x: mid.x + 420, y: mid.y });

  await page.getByTestId("mode-link").click();
  await mouseDrag(page, await deviceCenter(page, "pc1"), await deviceCenter(page, "sw1"));
  await page.waitForSelector('[data-link="pc1-sw1"]');
  await mouseDrag(page, await deviceCenter(page, "pc2"), await deviceCenter(page, "sw1"));
  await page.waitForSelector('[data-link="pc2-sw1"]');
  await page.getByTestId("mode-select").click();

  for (const [id, address] of [["pc1", "10.0.0.1/24"], ["pc2", "10.0.0.2/24"]]) {
    await page.locator(`[data-device="${id}"] .icon`).click();
    await page.waitForSelector(`[data-device="${id}"].selected`);
    await setField(page, "address-0", address);
    await page.waitForSelector(`[data-device="${id}"] .device-address:text("${address}")`);
  }
}

/** The lab as autosaved in localStorage (the engine's scenario JSON), parsed. */
export async function savedLab(page) {
  return JSON.parse(await page.evaluate(() => localStorage.getItem("packet-lab.lab.v1")));
}

// ---- heavy labs (bounded.test.mjs, worker.test.mjs, csp.test.mjs) ----

/** Two hubs of 1,024 ports joined by 512 cables, a host on each, one ping: the fan-out storm
 *  of issue 19 (engine/tests/common/labs.rs builds the same). */
export function fanOutLab() {
  const links = [
    { id: "a", a: { device: "pc1", port: "eth0" }, b: { device: "h1", port: "p1" } },
    { id: "b", a: { device: "pc2", port: "eth0" }, b: { device: "h2", port: "p1" } },
  ];
  for (let c = 0; c < 512; c++) {
    links.push({ id: `c${c}`, a: { device: "h1", port: `p${c + 2}` }, b: { device: "h2", port: `p${c + 2}` } });
  }
  return {
    version: 1,
    name: "fan-out",
    devices: [
      { id: "pc1", kind: "host", interfaces: [{ name: "eth0", address: "10.0.0.1/24" }], position: [100, 100] },
      { id: "pc2", kind: "host", interfaces: [{ name: "eth0", address: "10.0.0.2/24" }], position: [500, 100] },
      { id: "h1", kind: "hub", ports: 1024, position: [200, 300] },
      { id: "h2", kind: "hub", ports: 1024, position: [400, 300] },
    ],
    links,
    commands: [{ at_ms: 0, device: "pc1", run: "ping -c 1 10.0.0.2" }],
  };
}

/** Waits until the lab's run is here (the timeline's scrubber has events): a lab other than
 *  the first visit's example runs once the page's engine module has arrived
 *  (src/playback/engine.rs), as a user sees the timeline fill. */
export async function waitForRun(page) {
  await page.waitForFunction(() => {
    const s = document.querySelector('[data-testid="scrubber"]');
    return s !== null && !s.disabled && Number(s.getAttribute("max")) > 0;
  }, null, { timeout: READY_TIMEOUT_MS });
}

/** Waits until `predicate(arg)`, an async function run in the page (a check of the Cache API,
 *  which only answers through a promise), resolves truthy. Playwright's `waitForFunction` takes
 *  a returned promise as truthy at once, so it cannot wait on such a check: this asks again
 *  every 100 ms until `timeout`. */
export async function waitForAsync(page, predicate, arg, timeout = 30_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    if (await page.evaluate(predicate, arg)) return;
    if (Date.now() > deadline) throw new Error(`waitForAsync: not true within ${timeout} ms: ${predicate}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
