// The built app, served under a sub-path, renders its shell with the engine's example
// scenario, with no console error and no failed request; it also runs inside an iframe.

import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";

import { DIST, PREFIX, READY_TIMEOUT_MS, ROOT, engineVersion, labFixture, recordProblems, scenario } from "./helpers.mjs";


const fx = labFixture();


async function openApp(options = {}) {
  const page = await fx.browser.newPage({ viewport: { width: 1280, height: 720 }, ...options });
  const problems = recordProblems(page);
  const requests = [];
  page.on("request", (req) => requests.push(req.url()));
  const response = await page.goto(fx.appUrl);
  assert.equal(response.status(), 200, "index.html is served under the sub-path");
  // Set by the running wasm (src/app.rs) once the app has mounted: if the module does not
  // start, this wait times out and the test fails.
  await page.waitForSelector('.app[data-ready="true"]', { timeout: READY_TIMEOUT_MS });
  return { page, problems, requests };
}

test("dist/index.html uses only relative URLs, a favicon and a <noscript>", async () => {
  const { page, problems } = await openApp();
  // Attribute values as written in the HTML (not resolved): none may start at the site root.
  const urls = await page.$$eval("[href], [src]", (els) =>
    els.map((e) => e.getAttribute("href") ?? e.getAttribute("src")),
  );
  assert.ok(urls.length >= 4, `icon, css, scripts, preloads: ${urls}`);
  for (const url of urls) assert.match(url, /^\.\//, `not relative: ${url}`);
  assert.equal(await page.locator('link[rel="icon"]').count(), 1, "a favicon link");
  const html = await readFile(path.join(DIST, "index.html"), "utf8");
  assert.match(html, /<noscript>/);
  assert.deepEqual(problems, []);
  await page.close();
});

test("the shell renders the example scenario from a sub-path, cleanly", async () => {
  const { page, problems, requests } = await openApp();

  assert.equal(await page.textContent(".app-title"), "Packet Lab");
  assert.equal(await page.locator("svg.canvas-svg").count(), 1, "the SVG canvas");
  assert.equal(await page.locator("aside.side-panel").count(), 1, "the side panel");
  assert.match(await page.textContent(".status-bar"), new RegExp(`packet-engine ${await engineVersion()}`));
  assert.equal(await page.isVisible("#boot-error"), false, "no boot error on a good build");

  // The example on the canvas is the engine's, drawn from the scenario file's own data.
  const stem = await page.getAttribute('[data-example][aria-pressed="true"]', "data-example");
  assert.ok(stem, "one example is loaded at once");
  const expected = await scenario(stem);
  const drawn = await page.$$eval("[data-device]", (els) => els.map((e) => e.dataset.device));
  assert.deepEqual(drawn, expected.devices.map((d) => d.id));
  const links = await page.$$eval("[data-link]", (els) => els.map((e) => e.dataset.link));
  assert.deepEqual(links, expected.links.map((l) => l.id));
  // Each device sits where the scenario puts it.
  for (const device of expected.devices) {
    const transform = await page.getAttribute(`[data-device="${device.id}"]`, "transform");
    assert.equal(transform, `translate(${device.position[0]} ${device.position[1]})`);
  }

  // Every request stayed under the sub-path (nothing fetched from the site root).
  assert.ok(requests.length >= 4, `html, css, js, wasm at least: ${requests}`);
  for (const url of requests) assert.ok(url.startsWith(fx.appUrl), `request outside ${PREFIX}: ${url}`);

  // The favicon link resolves (a missing favicon is a console error in real browsers).
  const icon = await page.evaluate(async () => {
    const res = await fetch(document.querySelector('link[rel="icon"]').href);
    return { status: res.status, type: res.headers.get("content-type") };
  });
  assert.deepEqual(icon, { status: 200, type: "image/svg+xml" });

  await page.screenshot({ path: path.join(ROOT, "out", "shell.png") });
  assert.deepEqual(problems, [], "no console error, page error or failed request");
  await page.close();
});

test("selecting a device shows its interfaces; picking an example redraws the canvas", async () => {
  const { page, problems } = await openApp();
  const first = await scenario(
    await page.getAttribute('[data-example][aria-pressed="true"]', "data-example"),
  );
  // A device with a fixed address (a "dhcp" interface shows the DHCP switch, not the field).
  const host = first.devices.find((d) => d.interfaces?.some((i) => i.address && i.address !== "dhcp"));
  await page.click(`[data-device="${host.id}"]`);
  await page.waitForSelector(`[data-device="${host.id}"].selected`);
  const iface = host.interfaces.find((i) => i.address && i.address !== "dhcp");
  // The device panel shows the interface's name and its address in the address field.
  assert.match(await page.textContent(".side-panel"), new RegExp(iface.name));
  assert.equal(await page.getByTestId(`address-${host.interfaces.indexOf(iface)}`).inputValue(), iface.address);

  // Clicking the empty canvas deselects.
  await page.click("svg.canvas-svg", { position: { x: 5, y: 5 } });
  await page.waitForSelector("[data-device].selected", { state: "detached" });

  const stems = await page.$$eval("[data-example]", (els) => els.map((e) => e.dataset.example));
  const other = stems.find((s) => s !== stems[0]);
  assert.ok(other, `more than one example: ${stems}`);
  await page.click(`[data-example="${other}"]`);
  await page.waitForSelector(`[data-example="${other}"][aria-pressed="true"]`);
  const expected = await scenario(other);
  const drawn = await page.$$eval("[data-device]", (els) => els.map((e) => e.dataset.device));
  assert.deepEqual(drawn, expected.devices.map((d) => d.id));
  assert.match(await page.textContent(".status-bar"), new RegExp(expected.name));
  assert.deepEqual(problems, []);
  await page.close();
});

test("the dark theme follows prefers-color-scheme", async () => {
  const { page, problems } = await openApp({ colorScheme: "dark" });
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(background, "rgb(18, 22, 28)", "the dark --bg");
  await page.screenshot({ path: path.join(ROOT, "out", "shell-dark.png") });
  assert.deepEqual(problems, []);
  await page.close();
});

test("the app runs inside an iframe", async () => {
  const page = await fx.browser.newPage({ viewport: { width: 1280, height: 720 } });
  const problems = recordProblems(page);
  await page.setContent(`<iframe src="${fx.appUrl}" style="width:1000px;height:600px;border:0"></iframe>`);
  const frame = page.frameLocator("iframe");
  await frame.locator('.app[data-ready="true"]').waitFor({ timeout: READY_TIMEOUT_MS });
  assert.equal(await frame.locator(".app-title").textContent(), "Packet Lab");
  assert.ok((await frame.locator("[data-device]").count()) > 0, "devices drawn in the frame");
  assert.deepEqual(problems, []);
  await page.close();
});
