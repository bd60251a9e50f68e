// Issue 20: every lab plays watchably, every embed fits its slide, the lab works on a phone.
// "To the internet" at the fastest speed reaches its last event in bounded time with frames
// visibly moving; an embed at scale 200 in a 960×540 iframe has nothing outside the frame and
// does not shift between steps; a 390×844 touch screen loads an example, selects a device and
// edits its address; cables are drawn from the keyboard. Screenshots go to docs/.

import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import path from "node:path";

import { ROOT, READY_TIMEOUT_MS, labFixture, withPage } from "./helpers.mjs";

const fx = labFixture();

/** "event N / M" as numbers. */
async function eventCount(locator) {
  const [, n, m] = (await locator.getByTestId("event-count").textContent()).match(/event (\d+) \/ (\d+)/);
  return [Number(n), Number(m)];
}

test("To the internet at 4× plays to its last event in bounded time, frames visibly moving", async () => {
  await withPage(fx, "", {}, async ({ page, problems }) => {
    await page.click('[data-example="to-the-internet"]');
    await page.waitForSelector('[data-example="to-the-internet"][aria-pressed="true"]');
    await page.getByTestId("speed").selectOption("6"); // 4×, the fastest speed
    await page.getByTestId("play").click();
    // Sample a frame's position on consecutive animation frames: it moves a little each time
    // (neither frozen nor teleporting across its link).
    const moves = await page.evaluate(() => new Promise((resolve) => {
      const seen = [];
      const sample = () => {
        const f = document.querySelector('[data-testid="frame"]');
        if (f) seen.push([f.dataset.event, f.getAttribute("transform")]);
        if (seen.length < 40) requestAnimationFrame(sample); else resolve(seen);
      };
      requestAnimationFrame(sample);
    }));
    const changed = moves.filter((m, i) => i > 0 && m[0] === moves[i - 1][0] && m[1] !== moves[i - 1][1]).length;
    assert.ok(changed >= 10, `a frame moved on ${changed} of ${moves.length} samples`);
    // The old clock needed tens of minutes; the presentation scale plays it in under a minute.
    const started = Date.now();
    await page.waitForFunction(() => {
      const m = document.querySelector('[data-testid="event-count"]')?.textContent.match(/event (\d+) \/ (\d+)/);
      return m && m[1] === m[2];
    }, null, { timeout: 90_000, polling: 500 });
    const seconds = (Date.now() - started) / 1000;
    console.log(`To the internet at 4x: last event after ${seconds.toFixed(1)} s`);
    const [n, m] = await eventCount(page);
    assert.equal(n, m);
    assert.ok(m > 1000, `${m} events`);
    assert.deepEqual(problems, []);
  });
});

test("an embed at scale 200 in a 960×540 iframe keeps everything inside and still between steps", async () => {
  const html = `<!doctype html><meta charset="utf-8"><title>slide</title><link rel="icon" href="data:,">
    <body style="margin:0;background:#10151c">
    <iframe id="f" src="./index.html?embed=1&example=same-network&scale=200" width="960" height="540"
      style="border:0;display:block" title="Packet Lab"></iframe></body>`;
  await writeFile(path.join(ROOT, "dist", "embed-fit-test.html"), html);
  await withPage(fx, "embed-fit-test.html", { ready: false, viewport: { width: 1000, height: 600 } }, async ({ page, problems }) => {
    const frame = page.frameLocator("#f");
    await frame.locator('.app[data-ready="true"]').waitFor({ timeout: READY_TIMEOUT_MS });
    // The example runs once the page's engine module is here (src/playback/engine.rs).
    await frame.locator('[data-testid="event-count"]', { hasText: /\/ [1-9]/ }).waitFor({ timeout: READY_TIMEOUT_MS });
    const inner = page.frames().find((f) => f.url().includes("embed=1"));
    /** Every element's box that reaches outside the 960×540 viewport of the frame. */
    const outside = () => inner.evaluate(() => {
      const out = [];
      for (const el of document.querySelectorAll("body *")) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0 || el.closest(".visually-hidden")) continue;
        if (r.left < -0.5 || r.top < -0.5 || r.right > innerWidth + 0.5 || r.bottom > innerHeight + 0.5) {
          out.push(`${el.tagName.toLowerCase()}.${el.getAttribute("class") ?? ""} ${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}×${Math.round(r.height)}`);
        }
      }
      return out;
    });
    const layout = () => inner.evaluate(() => {
      const box = (s) => { const r = document.querySelector(s).getBoundingClientRect(); return [r.left, r.top, r.width, r.height].map(Math.round).join(","); };
      return { canvas: box("svg.canvas-svg"), bar: box(".embed-bar"), caption: box(".embed-caption") };
    });
    assert.deepEqual(await outside(), []);
    const first = await layout();
    const [w] = first.canvas.split(",").slice(2).map(Number);
    assert.ok(w <= 960, `canvas ${w} px wide in a 960 px frame`);
    // Step through the first 14 events: sentences of every length, nothing moves or spills.
    await frame.locator(".embed-caption").click();
    for (let i = 0; i < 14; i++) {
      const [before] = await eventCount(frame);
      await page.keyboard.press("ArrowRight");
      await frame.locator(`[data-testid="event-count"]:text("event ${before + 1} ")`).waitFor();
      assert.deepEqual(await layout(), first, `layout moved at step ${i + 1}`);
      assert.deepEqual(await outside(), [], `outside the frame at step ${i + 1}`);
      // The sentence is whole: wrapped in its box, never cut with an ellipsis.
      const cut = await inner.evaluate(() => {
        const c = document.querySelector(".embed-caption");
        return getComputedStyle(c).textOverflow === "ellipsis" || getComputedStyle(c).whiteSpace === "nowrap";
      });
      assert.equal(cut, false);
    }
    await page.screenshot({ path: path.join(ROOT, "out", "embed-scale-200.png") });
    assert.deepEqual(problems, []);
  });
});

test("the example deck's slides fit their frames at presenter scales 100, 150 and 200", async () => {
  for (const scale of [100, 150, 200]) {
    const at = `?embed=1&example=to-the-internet&scale=${scale}`;
    await withPage(fx, at, { viewport: { width: 960, height: 540 } }, async ({ page, problems }) => {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
      assert.ok(overflow <= 0, `scale ${scale}: page ${overflow} px wider than the frame`);
      // No two device labels overlap.
      const overlaps = await page.evaluate(() => {
        const boxes = [...document.querySelectorAll(".device-name, .device-address")].map((e) => [e.textContent, e.getBoundingClientRect()]);
        const hits = [];
        for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
          const [a, ra] = boxes[i]; const [b, rb] = boxes[j];
          if (ra.left < rb.right - 1 && rb.left < ra.right - 1 && ra.top < rb.bottom - 1 && rb.top < ra.bottom - 1) hits.push(`${a} / ${b}`);
        }
        return hits;
      });
      assert.deepEqual(overlaps, [], `scale ${scale}`);
      await page.screenshot({ path: path.join(ROOT, "out", `embed-to-the-internet-${scale}.png`) });
      assert.deepEqual(problems, []);
    });
  }
  // And the deck itself: slide 3 embeds "To the internet" by a link at scale 150.
  await withPage(fx, "embed-example.html?slide=3", { ready: false, viewport: { width: 1280, height: 800 } }, async ({ page, problems }) => {
    const frame = page.frameLocator("section.present iframe");
    await frame.locator('.app[data-ready="true"]').waitFor({ timeout: READY_TIMEOUT_MS });
    // The example runs once the page's engine module is here (src/playback/engine.rs).
    await frame.locator('[data-testid="event-count"]', { hasText: /\/ [1-9]/ }).waitFor({ timeout: READY_TIMEOUT_MS });
    const inner = page.frames().find((f) => f.url().includes("embed=1"));
    const overlaps = await inner.evaluate(() => {
      const boxes = [...document.querySelectorAll(".device-name, .device-address")].map((e) => [e.textContent, e.getBoundingClientRect()]);
      const hits = [];
      for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
        const [a, ra] = boxes[i]; const [b, rb] = boxes[j];
        if (ra.left < rb.right - 1 && rb.left < ra.right - 1 && ra.top < rb.bottom - 1 && rb.top < ra.bottom - 1) hits.push(`${a} / ${b}`);
      }
      const out = [...document.querySelectorAll(".device-name, .device-address")].filter((e) => {
        const r = e.getBoundingClientRect();
        return r.left < 0 || r.top < 0 || r.right > innerWidth || r.bottom > innerHeight;
      }).map((e) => e.textContent);
      return { hits, out };
    });
    assert.deepEqual(overlaps, { hits: [], out: [] });
    await page.screenshot({ path: path.join(ROOT, "out", "deck-slide-3.png") });
    assert.deepEqual(problems, []);
  });
});

test("on a 390×844 touch screen: load an example, tap a device, edit its address, pinch to zoom", async () => {
  const phone = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 };
  await withPage(fx, "", phone, async ({ page, problems }) => {
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `the page lays out ${width} px wide`);
    const canvas = await page.locator("svg.canvas-svg").boundingBox();
    assert.ok(canvas.width >= 380, `canvas ${canvas.width} px wide`);
    // Every button and field is at least 44 px high.
    // (A checkbox's target is its label.)
    const small = await page.evaluate(() => [...document.querySelectorAll("button, select, input:not([type=file]), [role=button]:not(g)")]
      .map((e) => (e.type === "checkbox" && e.closest("label")) || e)
      .filter((e) => e.offsetParent !== null && e.getBoundingClientRect().height < 44 && !e.closest(".visually-hidden"))
      .map((e) => `${e.tagName} ${e.dataset.testid ?? e.textContent.trim().slice(0, 20)} ${Math.round(e.getBoundingClientRect().height)}`));
    assert.deepEqual(small, []);
    await page.locator('[data-example="two-subnets"]').tap();
    await page.waitForSelector('[data-example="two-subnets"][aria-pressed="true"]');
    await page.locator('[data-device="pc1"] .icon').tap();
    await page.waitForSelector('[data-device="pc1"].selected');
    // The device's editor opens as a sheet inside the screen.
    const sheet = await page.locator(".side-column").boundingBox();
    assert.ok(sheet.x >= 0 && sheet.x + sheet.width <= 390 && sheet.y + sheet.height <= 844 + 1, JSON.stringify(sheet));
    await page.screenshot({ path: path.join(ROOT, "out", "phone.png") });
    const address = page.getByTestId("address-0");
    await address.tap();
    await address.fill("192.168.1.77/24");
    await address.press("Enter");
    await page.waitForSelector('[data-device="pc1"] .device-address:text("192.168.1.77/24")');
    await page.getByTestId("sheet-done").tap();
    await page.waitForSelector('[data-device="pc1"]:not(.selected)');
    // Two fingers spreading on the canvas zoom in (a smaller viewBox) about their midpoint.
    const viewWidth = () => page.$eval("svg.canvas-svg", (svg) => Number(svg.getAttribute("viewBox").split(" ")[2]));
    const before = await viewWidth();
    await page.$eval("svg.canvas-svg", (svg) => {
      const r = svg.getBoundingClientRect();
      const y = r.top + r.height * 0.3; // empty canvas, between the palette and the devices
      const fire = (type, id, x) => svg.dispatchEvent(new PointerEvent(type, {
        pointerId: id, pointerType: "touch", isPrimary: id === 1, clientX: x, clientY: y, button: 0, buttons: 1, bubbles: true,
      }));
      const cx = r.left + r.width / 2;
      fire("pointerdown", 1, cx - 40);
      fire("pointerdown", 2, cx + 40);
      for (let d = 40; d <= 100; d += 10) { fire("pointermove", 1, cx - d); fire("pointermove", 2, cx + d); }
      fire("pointerup", 1, cx - 100);
      fire("pointerup", 2, cx + 100);
    });
    await page.waitForFunction((w) => Number(document.querySelector("svg.canvas-svg").getAttribute("viewBox").split(" ")[2]) < w * 0.6, before);
    assert.deepEqual(problems, []);
  });
});

test("cables are drawn from the keyboard", async () => {
  await withPage(fx, "", {}, async ({ page, problems }) => {
    await page.getByTestId("new").click();
    await page.waitForFunction(() => document.querySelectorAll("[data-device]").length === 0);
    await page.getByTestId("palette-host").focus();
    await page.keyboard.press("Enter");
    await page.getByTestId("palette-switch").focus();
    await page.keyboard.press("Enter");
    await page.waitForSelector('[data-device="sw1"]');
    // Focus pc1 on the canvas, select it with Enter, then cable it to sw1 from its panel.
    await page.locator('[data-device="pc1"]').focus();
    await page.keyboard.press("Enter");
    await page.waitForSelector('[data-device="pc1"].selected');
    await page.getByTestId("cable-to").focus();
    await page.keyboard.press("ArrowDown"); // the menu lists the other devices: sw1
    await page.getByTestId("cable-to").selectOption({ label: "sw1" });
    await page.getByTestId("add-cable").focus();
    await page.keyboard.press("Enter");
    await page.waitForSelector('[data-link="pc1-sw1"]');
    // A second cable between the same two devices is drawn apart from the first.
    await page.locator('[data-device="pc1"]').focus();
    await page.keyboard.press("Enter");
    await page.getByTestId("cable-to").selectOption({ label: "sw1" });
    await page.getByTestId("add-cable").focus();
    await page.keyboard.press("Enter");
    await page.waitForSelector('[data-link="pc1-sw1-2"]');
    const lines = await page.$$eval('[data-link^="pc1-sw1"] .link-line', (ls) => ls.map((l) => [l.getAttribute("y1"), l.getAttribute("x1")].join(",")));
    assert.equal(new Set(lines).size, 2, `two distinct lines: ${lines}`);
    assert.deepEqual(problems, []);
  });
});

test("a ping typed in the terminal is kept across a reload", async () => {
  await withPage(fx, "", {}, async ({ page, problems }) => {
    await page.click('[data-example="same-network"]');
    await page.waitForSelector('[data-example="same-network"][aria-pressed="true"]');
    const total = async () => (await eventCount(page))[1];
    const before = await total();
    await page.getByTestId("cmd-device").selectOption("pc2");
    await page.getByTestId("cmd-kind").selectOption("frame");
    await page.getByTestId("cmd-target").fill("10.10.10.1");
    await page.getByTestId("cmd-run").click();
    await page.waitForFunction((n) => {
      const m = document.querySelector('[data-testid="event-count"]').textContent.match(/\/ (\d+)/);
      return Number(m[1]) > n;
    }, before);
    const withPing = await total();
    await page.reload();
    await page.waitForSelector('.app[data-ready="true"]', { timeout: READY_TIMEOUT_MS });
    assert.equal(await total(), withPing, "the run after the reload still has the typed ping");
    // Played to the end, the terminal shows its output.
    await page.getByTestId("scrubber").fill(String(withPing));
    await page.waitForSelector('[data-testid="terminal"] :text("pc2$ ping -c 1 10.10.10.1")');
    assert.deepEqual(problems, []);
  });
});
