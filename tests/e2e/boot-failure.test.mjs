// When the WebAssembly module cannot start, the page says so instead of staying blank,
// and the ready marker never appears: the check that the other tests' wait can fail.

import { after, test } from "node:test";
import assert from "node:assert/strict";
import { cp, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { DIST, PREFIX, READY_TIMEOUT_MS, labFixture, serve } from "./helpers.mjs";

const temps = [];

const fx = labFixture();

after(async () => {
  for (const dir of temps) await rm(dir, { recursive: true, force: true });
});

/** A copy of dist/ with its main .wasm file changed by `breakWasm(file)` (the split views'
 *  modules, scripts/split.mjs, and the engine worker's, scripts/worker.mjs, are fetched later:
 *  not the first load's). */
async function brokenDist(breakWasm) {
  const dir = await mkdtemp(path.join(os.tmpdir(), "packet-lab-broken-"));
  temps.push(dir);
  await cp(DIST, dir, { recursive: true });
  const wasm = (await readdir(dir)).filter((f) => f.endsWith("_bg.wasm") && !f.startsWith("engine-"));
  assert.equal(wasm.length, 1, `one main .wasm in dist/: ${wasm}`);
  await breakWasm(path.join(dir, wasm[0]));
  return dir;
}

async function expectBootError(dir) {
  const server = await serve(dir);
  try {
    const page = await fx.browser.newPage();
    await page.goto(server.url + PREFIX.slice(1));
    await page.waitForSelector("#boot-error:not([hidden])", { timeout: READY_TIMEOUT_MS });
    assert.match(await page.textContent("#boot-error h1"), /could not start/);
    assert.notEqual((await page.textContent(".boot-error-detail")).trim(), "", "the browser's reason is shown");
    assert.equal(await page.locator('[data-ready="true"]').count(), 0, "the app never became ready");
    await page.close();
  } finally {
    await server.close();
  }
}

test("a missing .wasm shows the boot error", async () => {
  await expectBootError(await brokenDist((file) => rm(file)));
});

test("a corrupted .wasm shows the boot error", async () => {
  await expectBootError(await brokenDist((file) => writeFile(file, "this is not WebAssembly")));
});
