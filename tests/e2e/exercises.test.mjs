// Exercises in real headless Chromium: solving the first exercise by typing in the device
// panel, "solved" surviving a reload; hints one at a time, the last naming the device and the
// field; a locked field showing its lock and refusing edits; a teacher's file opened (a bad one
// refused with the field named); and an exercise solved with the keyboard alone.
// No console errors anywhere.

import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";

import { READY_TIMEOUT_MS, ROOT, labFixture, openPage, recordProblems, setField } from "./helpers.mjs";


const fx = labFixture();


async function openApp() {
  const { page, problems, context } = await openPage(fx, "", { viewport: { width: 1280, height: 800 } });
  return { page, problems, context };
}

/** Opens the course list and starts the exercise `id` with the mouse. */
async function startExercise(page, id) {
  await page.locator('[data-testid="course"] > summary').click();
  await page.locator(`[data-exercise="${id}"].course-item`).click();
  await page.waitForSelector(`[data-testid="exercise"][data-exercise="${id}"]`);
}

async function checkStates(page) {
  return page.locator('[data-testid="check"]').evaluateAll((els) => els.map((e) => e.dataset.passed));
}

test("solve the first exercise by typing in the device panel; solved survives a reload", async () => {
  const { page, problems, context } = await openApp();
  await startExercise(page, "right-network");
  // The starting lab fails, and the failing check says why.
  await page.waitForSelector('[data-testid="exercise-unsolved"]');
  assert.deepEqual(await checkStates(page), ["false", "false"]);
  assert.match(await page.getByTestId("check-why").textContent(), /pc3/);
  assert.equal(await page.locator("[data-device]").count(), 4);

  // A wrong fix is an attempt, not a solution.
  await page.locator('[data-device="pc3"] .icon').click();
  await setField(page, "address-0", "10.0.2.3/24");
  await page.waitForSelector('[data-testid="exercise-record"]:text("Attempts: 1")');
  assert.equal(await page.getByTestId("exercise-solved").count(), 0);

  await setField(page, "address-0", "10.0.0.42/24");
  await page.waitForSelector('[data-testid="exercise-solved"]');
  assert.deepEqual(await checkStates(page), ["true", "true"]);
  assert.match(await page.getByTestId("solved-text").textContent(), /What you just saw.*10\.0\.0\.0/s);
  assert.match(await page.getByTestId("exercise-record").textContent(), /Attempts: 2/);
  await page.screenshot({ path: path.join(ROOT, "out", "exercise-solved.png") });

  const stored = JSON.parse(await page.evaluate(() => localStorage.getItem("packet-lab.progress.v1")));
  assert.deepEqual(stored.exercises["right-network"], { solved: true, attempts: 2, hints: 0 });

  await page.reload();
  await page.waitForSelector('.app[data-ready="true"]', { timeout: READY_TIMEOUT_MS });
  await page.waitForSelector('[data-testid="exercise"][data-exercise="right-network"] [data-testid="exercise-solved"]');
  assert.equal(await page.getByTestId("solved-mark-right-network").count(), 1);
  assert.match(await page.locator('[data-testid="course"] > summary').textContent(), /1 of 20 solved/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("hints come one at a time and the last names the device and the field; locked fields refuse", async () => {
  const { page, problems, context } = await openApp();
  await startExercise(page, "right-network");
  const hints = page.getByTestId("hint-text");
  assert.equal(await hints.count(), 0);
  for (const n of [1, 2, 3]) {
    await page.getByTestId("hint-button").click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="hint-text"]').length === n, n);
    if (n === 2) {
      // The exercise in progress: checks failing, the diagnosis opened, two hints.
      await page.locator('[data-testid="check-diagnosis"] > summary').click();
      await page.setViewportSize({ width: 1280, height: 1150 });
      await page.getByTestId("exercise").evaluate((el) => el.scrollTo(0, 0));
      await page.screenshot({ path: path.join(ROOT, "out", "exercise-in-progress.png") });
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  }
  assert.equal(await page.getByTestId("hint-button").count(), 0, "no fourth hint");
  const last = await hints.nth(2).textContent();
  assert.match(last, /^Hint 3: .*pc3's eth0 address/);
  assert.match(await page.getByTestId("exercise-record").textContent(), /hints used: 3 of 3/);

  await page.locator('[data-device="pc1"] .icon').click();
  await page.waitForSelector('[data-testid="address-0-lock"]');
  assert.equal(await page.getByTestId("address-0").evaluate((el) => el.readOnly), true);
  // Forcing a value in anyway is refused by the lab, with the engine's reason at the field.
  await page.getByTestId("address-0").evaluate((el) => {
    el.removeAttribute("readonly");
    el.value = "10.0.0.9/24";
    el.dispatchEvent(new Event("change", { bubbles: true }));
  });
  await page.waitForSelector('[data-testid="address-0-error"]');
  assert.equal(await page.getByTestId("address-0-error").textContent(), "pc1's eth0 address is locked in this exercise");
  const lab = JSON.parse(await page.evaluate(() => localStorage.getItem("packet-lab.lab.v1")));
  assert.equal(lab.devices.find((d) => d.id === "pc1").interfaces[0].address, "10.0.0.1/24");
  // Deleting a device of the exercise is refused with a notice.
  await page.keyboard.press("Escape");
  await page.locator('[data-device="pc2"] .icon').click();
  await page.getByTestId("delete-device").click();
  await page.waitForSelector('[data-testid="notice"]:has-text("pc2 was removed, but it is part of the exercise")');
  assert.equal(await page.locator("[data-device]").count(), 4);
  await page.getByTestId("dismiss-notice").click();

  await page.reload();
  await page.waitForSelector('.app[data-ready="true"]', { timeout: READY_TIMEOUT_MS });
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="hint-text"]').length === 3);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a teacher's exercise file opens; a bad one is refused naming the field", async () => {
  const { page, problems, context } = await openApp();
  await page.locator('[data-testid="course"] > summary').click();
  const source = JSON.parse(await readFile(path.join(ROOT, "exercises", "default-gateway.json"), "utf8"));
  const bad = { ...source, goal: [{ check: "ping_succeeds", from: "pc9", to: "pc1" }] };
  await page.getByTestId("open-exercise-file").setInputFiles({
    name: "homework.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(bad)),
  });
  await page.waitForSelector('[data-testid="exercise-error"]');
  assert.match(await page.getByTestId("exercise-error").textContent(), /homework\.json was not opened.*goal\[0\]\.from: no device "pc9"/);
  assert.equal(await page.getByTestId("exercise").count(), 0);

  const mine = { ...source, id: "homework-1", title: "Homework: the gateway" };
  await page.getByTestId("open-exercise-file").setInputFiles({
    name: "homework.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(mine)),
  });
  await page.waitForSelector('[data-testid="exercise"][data-exercise="homework-1"]');
  assert.match(await page.getByTestId("exercise").textContent(), /Your teacher's exercise.*Homework: the gateway/s);
  assert.equal(await page.getByTestId("exercise-error").count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

/** Presses Tab until the focused element is (inside) `selector`; fails after `max` presses. */
async function tabTo(page, selector, max = 250) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((s) => !!document.activeElement?.closest(s), selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

test("an exercise is solvable with the keyboard alone", async () => {
  const { page, problems, context } = await openApp();
  await tabTo(page, '[data-testid="course"] > summary');
  await page.keyboard.press("Enter");
  await tabTo(page, '[data-exercise="right-network"].course-item');
  await page.keyboard.press("Enter");
  await page.waitForSelector('[data-testid="exercise"][data-exercise="right-network"]');
  await tabTo(page, '[data-testid="hint-button"]');
  await page.keyboard.press("Enter");
  await page.waitForSelector('[data-testid="hint-text"]');
  await tabTo(page, '[data-device="pc3"]');
  await page.keyboard.press("Enter");
  await page.waitForSelector('[data-device="pc3"].selected');
  await tabTo(page, '[data-testid="address-0"]');
  await page.keyboard.press("Control+A");
  await page.keyboard.type("10.0.0.3/24");
  await page.keyboard.press("Enter");
  await page.waitForSelector('[data-testid="exercise-solved"]');
  assert.equal(await page.getByTestId("exercise-record").textContent(), "Attempts: 1 · hints used: 1 of 3");
  assert.deepEqual(problems, []);
  await context.close();
});

test("an exercise link opens the exercise once; a damaged one says so", async () => {
  const context = await fx.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const problems = recordProblems(page);
  const { deflateSync } = await import("node:zlib");
  const source = JSON.parse(await readFile(path.join(ROOT, "exercises", "ttl-loop.json"), "utf8"));
  const mine = { ...source, id: "loop-homework", title: "Homework: the loop" };
  const fragment = "exercise=" + deflateSync(Buffer.from(JSON.stringify(mine))).toString("base64url");
  await page.goto(`${fx.appUrl}#${fragment}`);
  await page.waitForSelector('.app[data-ready="true"]', { timeout: READY_TIMEOUT_MS });
  await page.waitForSelector('[data-testid="exercise"][data-exercise="loop-homework"]');
  assert.equal(await page.evaluate(() => location.hash), "", "the link is taken out of the address bar");
  // The panel's own link carries the same exercise.
  const href = await page.getByTestId("exercise-link").getAttribute("href");
  assert.match(href, /^#exercise=[A-Za-z0-9_-]+$/);

  await page.goto("about:blank");
  await page.goto(`${fx.appUrl}#${fragment.slice(0, -10)}`);
  await page.waitForSelector('.app[data-ready="true"]', { timeout: READY_TIMEOUT_MS });
  await page.locator('[data-testid="course"] > summary').click();
  await page.waitForSelector('[data-testid="exercise-error"]');
  assert.match(await page.getByTestId("exercise-error").textContent(), /The exercise link was not opened: the link is incomplete or damaged/);
  assert.deepEqual(problems, []);
  await context.close();
});
