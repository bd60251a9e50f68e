// What-if comparison (issue 18): on the "two subnets" example, "What if…?" forks the lab, pc1's
// mask is widened from /24 to /16 in the variant, and "Run to compare" shows both runs side by
// side: the original's canvas beside the variant's, each run's events and tables, and the
// engine's sentence about the first divergence (pc1 now ARPs for pc2 directly instead of for its
// gateway). Stepping moves both runs together; "Jump to divergence" shows both at their first
// differing event with the inspector comparing the frames; a share link carries both labs; and
// "Keep the original" brings the /24 back.

import { test } from "node:test";
import assert from "node:assert/strict";

import { READY_TIMEOUT_MS, labFixture, openPage, pickExample, recordProblems, setField } from "./helpers.mjs";

const fx = labFixture();

const SENTENCE =
  "With 192.168.1.10/16 on pc1 (instead of /24), pc1 and pc2 are on the same network, so pc1 ARPs for pc2 directly instead of for its gateway 192.168.1.1.";

/** The index of the current event in the event list titled `title`, or null. */
function current(page, title) {
  return page.evaluate((title) => {
    const row = document.querySelector(`.events-pane[aria-label="${title}"] .event.current`);
    return row ? Number(row.dataset.index) : null;
  }, title);
}

/** Clicks Step and waits until the variant's event counter moved. */
async function step(page) {
  const before = await page.getByTestId("event-count").textContent();
  await page.getByTestId("step").click();
  await page.waitForFunction((t) => document.querySelector('[data-testid="event-count"]').textContent !== t, before);
}

test("what if pc1's mask were /16: both runs side by side, the divergence explained, stepped together, shared", async () => {
  const { page, context, problems } = await openPage(fx, "");
  await pickExample(page, "two-subnets");
  await page.getByTestId("whatif").click();
  const banner = page.getByTestId("whatif-banner");
  await banner.waitFor();
  assert.match(await banner.textContent(), /Editing the what-if variant — Run to compare/);

  // Change one thing in the variant: pc1's mask.
  await page.locator('[data-device="pc1"] .icon').click();
  await setField(page, "address-0", "192.168.1.10/16");
  await page.waitForFunction(() =>
    [...document.querySelectorAll('[data-device="pc1"] .device-address')].some((e) => e.textContent === "192.168.1.10/16"),
  );
  await page.getByTestId("whatif-compare").click();
  const sentence = page.getByTestId("whatif-sentence");
  await page.waitForFunction(
    (s) => document.querySelector('[data-testid="whatif-sentence"]')?.textContent === s,
    SENTENCE,
    { timeout: 30_000 },
  );
  assert.equal(await sentence.textContent(), SENTENCE);

  // Both canvases (the original keeps /24) and both event lists.
  const original = page.getByTestId("whatif-original");
  assert.equal(await original.locator('[data-device="pc1"] .device-address').textContent(), "192.168.1.10/24");
  assert.equal(await page.locator('.stage > .canvas [data-device="pc1"] .device-address').textContent(), "192.168.1.10/16");
  // Side by side on a wide screen: the original left of the variant, level with it.
  const [left, right] = [await original.locator(".canvas").boundingBox(), await page.locator(".stage > .canvas").boundingBox()];
  assert.ok(left.x + left.width <= right.x + 1 && Math.abs(left.y - right.y) < 2, JSON.stringify([left, right]));
  const originalEvents = page.locator('.events-pane[aria-label="Events — original"]');
  const variantEvents = page.locator('.events-pane[aria-label="Events — what if"]');
  await originalEvents.waitFor();
  await variantEvents.waitFor();
  assert.equal(await page.locator('.tables-pane[aria-label="Tables — original"]').count(), 1);

  // Stepping moves both runs: before the divergence they are at the same event.
  await page.getByTestId("rewind").click();
  for (let i = 0; i < 3; i++) await step(page);
  const v = await current(page, "Events — what if");
  assert.ok(v !== null);
  assert.equal(await current(page, "Events — original"), v, "the same step in both runs");

  // Jump to the divergence: both lists mark their first differing event, shown as current,
  // and the inspector compares the two runs at this step.
  await page.getByTestId("whatif-jump").click();
  await page.getByTestId("frame-diff").waitFor();
  const marked = await page.$$eval('.event[data-diverged="true"]', (rows) => rows.map((r) => [r.closest(".events-pane").getAttribute("aria-label"), r.classList.contains("current")]));
  assert.deepEqual(marked.sort(), [["Events — original", true], ["Events — what if", true]]);
  // A few steps on, the ARP requests differ in their target only.
  for (let i = 0; i < 8 && (await page.getByTestId("frame-diff-table").count()) === 0; i++) await step(page);
  const diff = page.getByTestId("frame-diff-table");
  await diff.waitFor();
  assert.match(await diff.textContent(), /Target IP address.*192\.168\.1\.1.*192\.168\.2\.20/s);

  // The share link carries both labs: opened elsewhere, the same comparison.
  await page.getByTestId("share").click();
  const url = await page.getByTestId("share-url").inputValue();
  await page.getByTestId("share-close").click();
  const other = await fx.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const second = await other.newPage();
  const secondProblems = recordProblems(second);
  await second.goto(url);
  await second.waitForSelector('.app[data-ready="true"]', { timeout: READY_TIMEOUT_MS });
  await second.waitForFunction(
    (s) => document.querySelector('[data-testid="whatif-sentence"]')?.textContent === s,
    SENTENCE,
    { timeout: 30_000 },
  );
  assert.equal(await second.getByTestId("whatif-original").locator('[data-device="pc1"] .device-address').textContent(), "192.168.1.10/24");
  assert.deepEqual(secondProblems, []);
  await other.close();

  // Keep the original: the comparison ends and pc1 has its /24 again.
  await page.getByTestId("whatif-keep-original").click();
  await page.getByTestId("whatif-bar").waitFor({ state: "detached" });
  assert.equal(await page.locator('[data-device="pc1"] .device-address').textContent(), "192.168.1.10/24");
  assert.equal(await page.getByTestId("whatif-original").count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a link with a broken what-if variant opens the original and says why", async () => {
  const { deflateSync } = await import("node:zlib");
  const { scenario } = await import("./helpers.mjs");
  const lab = await scenario("two-subnets");
  const bad = structuredClone(lab);
  bad.devices[0].interfaces[0].address = "192.168.1.300/16";
  const json = { v: 1, scenario: lab, event: 0, whatif: { variant: bad, comparing: true } };
  const at = `#lab=${deflateSync(Buffer.from(JSON.stringify(json))).toString("base64url")}`;
  const { page, context } = await openPage(fx, at);
  await page.waitForSelector('[data-example="two-subnets"][aria-pressed="true"]');
  assert.equal(await page.getByTestId("whatif-bar").count(), 0);
  const text = await page.getByTestId("link-error").textContent();
  assert.match(text, /what-if variant was left out .*whatif\.variant\.devices\[0\]\.interfaces\[0\]\.address/);
  await context.close();
});

test("on a phone the two runs are stacked: the original's canvas above the variant's, full width", async () => {
  const { page, context, problems } = await openPage(fx, "", { viewport: { width: 390, height: 844 }, hasTouch: true });
  await pickExample(page, "two-subnets");
  await page.getByTestId("whatif").click();
  await page.locator('[data-device="pc1"] .icon').click();
  await setField(page, "address-0", "192.168.1.10/16");
  await page.getByTestId("whatif-compare").click();
  await page.waitForFunction((s) => document.querySelector('[data-testid="whatif-sentence"]')?.textContent === s, SENTENCE);
  const original = await page.locator('[data-testid="whatif-original"] .canvas').boundingBox();
  const variant = await page.locator(".stage > .canvas").boundingBox();
  assert.ok(original.y + original.height <= variant.y + 1, `stacked: ${JSON.stringify([original, variant])}`);
  assert.ok(original.width > 350 && variant.width > 350, `full width: ${JSON.stringify([original, variant])}`);
  assert.deepEqual(problems, []);
  await context.close();
});
