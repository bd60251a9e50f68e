// Predict mode in real headless Chromium: with "Predict" on, playing the first example stops
// before a decision and asks what happens next; a wrong answer shows the right one with the
// event's explanation and the score counts it; Continue shows the event and plays on to the
// next question; a right answer scores. No console errors.

import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import path from "node:path";

import { ROOT, labFixture, openPage } from "./helpers.mjs";


const fx = labFixture();


/** Events shown, from the "n / total" counter. */
async function shown(page) {
  const text = await page.getByTestId("event-count").textContent();
  return Number(text.match(/\d+/)[0]);
}

/** Waits for a question that has not been answered yet, and returns its prompt. */
async function nextQuestion(page) {
  await page.waitForSelector('[data-testid="predict-card"] [data-testid="predict-choice"]:not([disabled])', { timeout: 30_000 });
  return page.getByTestId("predict-prompt").textContent();
}

test("predict mode: a wrong answer shows the right one with its explanation, and the score updates", async () => {
  const { page, problems, context } = await openPage(fx, "", { viewport: { width: 1280, height: 800 } });

  await page.getByTestId("predict-toggle").check();
  assert.equal(await page.getByTestId("predict-score").textContent(), "0 / 0");
  await page.getByTestId("play").click();
  try {
    await nextQuestion(page);
  } catch (e) {
    // Seen once or twice when the whole suite loads both cores: keep what the page showed.
    await page.screenshot({ path: path.join(ROOT, "out", "predict-failure.png") });
    const seen = [await page.getByTestId("event-count").textContent(), await page.getByTestId("play").getAttribute("aria-label")];
    throw new Error(`no question appeared (events shown, play button: ${seen.join(", ")}): ${e.message}`);
  }
  // Playback waits for the answer, paused before the decision event.
  const waiting = await shown(page);
  assert.equal(await page.getByTestId("play").getAttribute("aria-label"), "Play", "paused");
  await page.screenshot({ path: path.join(ROOT, "out", "predict-question.png") });

  // Answer each question with its first choice until one of them is wrong (deterministic:
  // the engine's seeded order), counting the score as we go.
  let right = 0;
  let asked = 0;
  for (;;) {
    const choices = page.getByTestId("predict-choice");
    assert.ok((await choices.count()) >= 3, "a right choice and at least two wrong ones");
    await choices.first().click();
    await page.waitForSelector('[data-testid="predict-verdict"]');
    asked += 1;
    const correct = await choices.first().getAttribute("data-correct");
    if (correct === "true") {
      right += 1;
      assert.equal(await page.getByTestId("predict-right-answer").count(), 0);
      assert.equal(await page.getByTestId("predict-score").textContent(), `${right} / ${asked}`);
      await page.getByTestId("predict-continue").click();
      await nextQuestion(page);
      continue;
    }
    // Wrong: the right choice is marked and named, with the event's why sentence.
    const rightChoice = page.locator('[data-testid="predict-choice"][data-correct="true"]');
    assert.equal(await rightChoice.count(), 1);
    assert.equal(await page.getByTestId("predict-right-answer").textContent(), await rightChoice.textContent());
    assert.ok((await page.getByTestId("predict-why").textContent()).length > 20);
    assert.equal(await page.getByTestId("predict-score").textContent(), `${right} / ${asked}`);
    break;
  }
  await page.screenshot({ path: path.join(ROOT, "out", "predict-wrong.png") });

  // Continue (with the keyboard: it has the focus) shows the event and plays on to the next question.
  const before = await shown(page);
  await page.keyboard.press("Enter");
  await nextQuestion(page);
  assert.ok((await shown(page)) > before, "the decision event was shown");
  assert.ok(waiting > 0);
  // The next answer is counted too, right or wrong; with the keyboard: the first choice has the focus.
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), "predict-choice");
  await page.keyboard.press("Enter");
  await page.waitForSelector('[data-testid="predict-verdict"]');
  const wasRight = (await page.locator('[data-testid="predict-verdict"].right').count()) === 1;
  assert.equal(await page.getByTestId("predict-score").textContent(), `${right + (wasRight ? 1 : 0)} / ${asked + 1}`);

  // Switching predict off closes the question and resets the score.
  await page.getByTestId("predict-toggle").uncheck();
  assert.equal(await page.getByTestId("predict-card").count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});
