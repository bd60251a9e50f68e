// Accessibility (issue 6): axe-core (npm, pinned in package.json) on the main view and the embed
// view with no serious or critical violation, in both colour schemes; the aria-live narration
// of the current event; labelled controls reachable by Tab with a visible focus ring; and the
// WCAG AA contrast of the CSS colour variables the text is drawn with.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";

import { READY_TIMEOUT_MS, labFixture } from "./helpers.mjs";

const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");


const fx = labFixture();


async function open(url, options = {}) {
  const page = await fx.browser.newPage({ viewport: { width: 1280, height: 800 }, ...options });
  await page.goto(url);
  await page.waitForSelector('.app[data-ready="true"]', { timeout: READY_TIMEOUT_MS });
  return page;
}

/** axe-core's serious and critical violations on `page`, one line each. */
async function axeViolations(page) {
  // Evaluated through DevTools rather than added as a <script>: the page's CSP (rightly)
  // refuses inline scripts, and the audit must run on the page as shipped, policy on.
  await page.evaluate(await readFile(AXE, "utf8"));
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")),
    }));
  });
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.join(", ")}`);
}

for (const colorScheme of ["light", "dark"]) {
  test(`axe-core: no serious or critical violation in the main view (${colorScheme})`, async () => {
    const page = await open(fx.appUrl, { colorScheme });
    // Some events in, so the event list, tables and narration have content.
    for (let i = 0; i < 6; i++) await page.getByTestId("step").click();
    assert.deepEqual(await axeViolations(page), []);
    // And with the Share dialog open.
    await page.getByTestId("share").click();
    await page.getByTestId("share-dialog").waitFor();
    assert.deepEqual(await axeViolations(page), []);
    await page.close();
  });

  test(`axe-core: no serious or critical violation in the embed view (${colorScheme})`, async () => {
    const page = await open(`${fx.appUrl}?embed=1&start=8`, { colorScheme });
    assert.deepEqual(await axeViolations(page), []);
    await page.close();
  });
}

test("stepping narrates the current event's sentence in an aria-live region", async () => {
  const page = await open(fx.appUrl);
  const live = page.getByTestId("narration");
  assert.equal(await live.getAttribute("aria-live"), "polite");
  await page.getByTestId("step").click();
  const first = await live.textContent();
  await page.getByTestId("step").click();
  await page.waitForFunction((t) => document.querySelector('[data-testid="narration"]').textContent !== t, first);
  const second = await live.textContent();
  // The sentence is the engine's explanation of that event, as the event list shows it.
  assert.ok(second.length > 10, second);
  // Announced once: no other live region holds it (the explanation line is not live).
  const speakers = await page.$$eval('[aria-live]:not([aria-live="off"]), [role="status"], [role="alert"], [role="log"]',
    (els, text) => els.filter((e) => e.textContent.includes(text)).length, second);
  assert.equal(speakers, 1);
  await page.close();
});

test("every control has a name, is reachable by Tab, and shows a focus ring", async () => {
  const page = await open(fx.appUrl);
  const unnamed = await page.$$eval("button, select, input, textarea, [role=button]", (els) =>
    els
      .filter((el) => !el.closest("[hidden], .visually-hidden") && el.type !== "file")
      .filter((el) => {
        const name = el.getAttribute("aria-label") || el.getAttribute("aria-labelledby") || el.title ||
          el.textContent.trim() || (el.labels && [...el.labels].some((l) => l.textContent.trim()));
        return !name;
      })
      .map((el) => el.outerHTML.slice(0, 80)),
  );
  assert.deepEqual(unnamed, [], "controls without an accessible name");

  // Tab through the page: the playback controls and the Share button are reached, and each
  // focused element draws an outline.
  const reached = new Set();
  for (let i = 0; i < 80 && !(reached.has("play") && reached.has("share") && reached.has("step")); i++) {
    await page.keyboard.press("Tab");
    const focus = await page.evaluate(() => {
      const el = document.activeElement;
      const style = getComputedStyle(el);
      return { id: el.dataset.testid ?? el.tagName, outline: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    reached.add(focus.id);
    if (["play", "share", "step"].includes(focus.id)) {
      assert.notEqual(focus.outline, "none", `${focus.id} shows a focus ring`);
      assert.ok(focus.width >= 2, `${focus.id}'s focus ring is at least 2px`);
    }
  }
  for (const id of ["play", "step", "share"]) assert.ok(reached.has(id), `Tab reaches ${id}: ${[...reached]}`);
  await page.close();
});

/** WCAG 2.x relative luminance and contrast ratio of two `rgb(…)` colours. */
function contrast(a, b) {
  const lum = (rgb) => {
    const [r, g, b] = rgb.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number).map((c) => {
      const s = c / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

for (const colorScheme of ["light", "dark"]) {
  test(`the colour variables meet WCAG AA contrast (${colorScheme})`, async () => {
    const page = await open(fx.appUrl, { colorScheme });
    // Resolve each variable to rgb() through a probe element.
    const colours = await page.evaluate(() => {
      const probe = document.createElement("span");
      document.querySelector(".app").append(probe);
      const out = {};
      for (const name of ["bg", "surface", "canvas", "text", "muted", "accent", "danger", "danger-soft"]) {
        probe.style.color = `var(--${name})`;
        out[name] = getComputedStyle(probe).color;
      }
      probe.remove();
      return out;
    });
    // Text pairs used in the CSS: 4.5:1 for normal text (WCAG 1.4.3).
    const pairs = [
      ["text", "bg"], ["text", "surface"], ["text", "canvas"],
      ["muted", "bg"], ["muted", "surface"], ["muted", "canvas"],
      ["accent", "surface"], ["surface", "accent"], // links and primary buttons
      ["danger", "surface"], ["text", "danger-soft"],
    ];
    const failing = pairs
      .map(([fg, bg]) => [fg, bg, contrast(colours[fg], colours[bg])])
      .filter(([, , ratio]) => ratio < 4.5)
      .map(([fg, bg, ratio]) => `--${fg} on --${bg}: ${ratio.toFixed(2)}:1`);
    assert.deepEqual(failing, []);
    await page.close();
  });
}
