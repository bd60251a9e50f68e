// Screenshots of the story views (issue 13) for docs/: the sequence diagram at the "Resolve the
// name" chapter and the encapsulation view of a DNS query a router forwarded, in the light and
// dark themes. Element screenshots keep the PNGs small.
//
//   ./lab build && node scripts/story-screenshots.mjs

import path from "node:path";
import { fileURLToPath } from "node:url";

import { PREFIX, launchBrowser, serve } from "../tests/e2e/helpers.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const server = await serve();
const browser = await launchBrowser();
try {
  for (const colorScheme of ["light", "dark"]) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 760 }, colorScheme });
    const page = await context.newPage();
    await page.goto(server.url + PREFIX.slice(1));
    await page.waitForSelector('.app[data-ready="true"]');
    await page.locator('[data-example="name-lookup"]').click();
    await page.getByTestId("story-toggle").click();
    await page.waitForSelector('[data-testid="seq-arrow"]');
    await page.locator('[data-testid="chapter"][data-number="3"]').click();
    await page.waitForSelector('[data-testid="chapter"][data-number="3"][aria-current="step"]');
    await page.getByTestId("story-panel").screenshot({ path: path.join(ROOT, "docs", `story-diagram-${colorScheme}.png`) });
    await page.locator('[data-testid="seq-arrow"][data-proto="dns"][data-forwarded="true"]').first().dispatchEvent("click");
    await page.waitForSelector('[data-testid="encap-note"]');
    await page.getByTestId("encap").screenshot({ path: path.join(ROOT, "docs", `story-encap-${colorScheme}.png`) });
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
