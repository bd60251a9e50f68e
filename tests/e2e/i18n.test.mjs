// Interface languages (issue 17): the browser's language picks the catalogue, the picker
// changes it and a reload keeps it, a link's `lang=` wins (plain and embedded), the
// same-network story's views speak German and French, the engine's validation messages at
// an editor field and under the command line are worded in German and French, and the
// pseudo-locale finds no interface string (nor validation message) that bypasses the catalogue.

import { test } from "node:test";
import assert from "node:assert/strict";

import { labFixture, openPage, pickExample, setField } from "./helpers.mjs";

const fx = labFixture();

const text = (page, testid) => page.getByTestId(testid).innerText();
const htmlLang = (page) => page.evaluate(() => document.documentElement.lang);

/** Steps `n` events forward with the Next-event button. */
async function step(page, n) {
  for (let i = 0; i < n; i++) {
    const before = await text(page, "event-count");
    await page.getByTestId("step").click();
    await page.waitForFunction((b) => document.querySelector('[data-testid="event-count"]').innerText !== b, before);
  }
}

test("the browser's language picks German; the picker switches to French and a reload keeps it", async () => {
  const { page, context, problems } = await openPage(fx, "", { locale: "de-AT" });
  assert.equal(await htmlLang(page), "de");
  assert.equal(await page.locator(".app-tagline").innerText(), "Ein Netzwerklabor, das in deinem Browser läuft");
  assert.equal(await page.getByTestId("play").getAttribute("aria-label"), "Abspielen");
  assert.equal(await page.getByTestId("new").innerText(), "Neu");
  assert.equal(await page.locator(".status-state").innerText(), "Bereit");
  // Each language is named in itself.
  const names = await page.$$eval('[data-testid="language"] option', (os) => os.map((o) => o.textContent));
  assert.deepEqual(names, ["Deutsch", "English", "Français"]);

  await page.getByTestId("language").selectOption("fr");
  await page.waitForFunction(() => document.documentElement.lang === "fr");
  assert.equal(await page.getByTestId("play").getAttribute("aria-label"), "Lecture");
  assert.equal(await page.getByTestId("new").innerText(), "Nouveau");
  // French typography: a space before the colon.
  assert.match(await page.locator(".status-bar").innerText(), / : \d+ appareils?, \d+ liaisons?/);

  await page.reload();
  await page.waitForSelector('.app[data-ready="true"]');
  assert.equal(await htmlLang(page), "fr", "the choice is kept across reloads");
  assert.equal(await page.getByTestId("language").inputValue(), "fr");
  assert.equal(await page.getByTestId("new").innerText(), "Nouveau");
  assert.deepEqual(problems, []);
  await context.close();
});

test("a link's lang= wins over the browser's language; an unknown one is ignored", async () => {
  {
    const { page, context } = await openPage(fx, "?lang=fr", { locale: "de-DE" });
    assert.equal(await htmlLang(page), "fr");
    assert.equal(await page.getByTestId("new").innerText(), "Nouveau");
    // Picking another language rewrites the link's lang=, so a reload keeps the pick.
    await page.getByTestId("language").selectOption("de");
    await page.waitForFunction(() => location.search === "?lang=de");
    await page.reload();
    await page.waitForSelector('.app[data-ready="true"]');
    assert.equal(await htmlLang(page), "de");
    await context.close();
  }
  {
    const { page, context } = await openPage(fx, "?lang=xx", { locale: "en-US" });
    assert.equal(await htmlLang(page), "en");
    assert.equal(await page.getByTestId("new").innerText(), "New");
    await context.close();
  }
  {
    // An embed in a German slide deck, whatever the audience's browser says.
    const { page, context, problems } = await openPage(fx, "?embed=1&example=same-network&lang=de", { locale: "en-GB" });
    assert.equal(await htmlLang(page), "de");
    assert.equal(await page.getByTestId("play").getAttribute("aria-label"), "Abspielen");
    assert.deepEqual(problems, []);
    await context.close();
  }
});

for (const [lang, want] of [
  ["de", { count: /^Ereignis \d+ \/ \d+$/, arp: "ARP-Cache (ip neigh)", events: "Ereignisse", terminal: "Terminal", state: "Zustand" }],
  ["fr", { count: /^événement \d+ \/ \d+$/, arp: "Cache ARP (ip neigh)", events: "Événements", terminal: "Terminal", state: "état" }],
]) {
  test(`the same-network story in ${lang}: controls, tables and panes in that language`, async () => {
    const { page, context, problems } = await openPage(fx, `?lang=${lang}`);
    await pickExample(page, "same-network");
    await step(page, 4);
    assert.match(await text(page, "event-count"), want.count);
    const pc1 = page.getByTestId("tables-pc1");
    await pc1.locator('[data-testid="arp-table"] caption').waitFor();
    assert.equal(await pc1.locator('[data-testid="arp-table"] caption').innerText(), want.arp);
    const titles = await page.$$eval(".pane-title", (els) => els.map((e) => e.textContent));
    assert.ok(titles.includes(want.events) && titles.includes(want.terminal), `${titles}`);
    // The programs' own words stay as Linux prints them.
    await page.waitForFunction(() => document.querySelector('[data-testid="arp-row"]'));
    const state = await page.locator('[data-testid="arp-row"] td.nud').first().innerText();
    assert.match(state, /^[A-Z]+$/, "NUD states are ip neigh's words");
    const head = await pc1.locator('[data-testid="arp-table"] th').nth(2).innerText();
    assert.equal(head, want.state);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

/** Selects pc1 of the loaded lab and types `address` into its first address field; returns
 *  the field's error once the engine has refused it. */
async function refusedAddress(page, address) {
  await page.locator('[data-device="pc1"] .icon').click();
  await page.waitForSelector('[data-device="pc1"].selected');
  await setField(page, "address-0", address);
  await page.waitForSelector('[data-testid="address-0"][aria-invalid="true"]');
  return text(page, "address-0-error");
}

// The engine's validation messages (issue 17): a Msg worded by the app's catalogue, with the
// typed value as it was typed; a nested sentence (another field's message) too.
for (const [lang, want] of [
  ["de", {
    bad: "10.0.0.300/24 ist keine IPv4-Adresse",
    range: "Präfix /33 liegt außerhalb des Bereichs (0–32)",
    own: /^10\.10\.10\.50 ist eine eigene Adresse von pc2 \(devices\[2\]\.gateway\)$/,
    command: "unbekannter Befehl `pong` (dieses Labor kennt ping,",
  }],
  ["fr", {
    bad: "10.0.0.300/24 n'est pas une adresse IPv4",
    range: "le préfixe /33 est hors limites (0–32)",
    own: /^10\.10\.10\.50 est une adresse de pc2 lui-même \(devices\[2\]\.gateway\)$/,
    command: "commande inconnue `pong` (ce labo exécute ping,",
  }],
]) {
  test(`validation messages in ${lang}: an editor field and a command typed mid-run`, async () => {
    const { page, context, problems } = await openPage(fx, `?lang=${lang}`);
    await pickExample(page, "same-network");
    assert.equal(await refusedAddress(page, "10.0.0.300/24"), want.bad);
    await setField(page, "address-0", "10.10.10.1/33");
    await page.waitForFunction((t) => document.querySelector('[data-testid="address-0-error"]')?.textContent === t, want.range);
    // pc2's gateway on pc2's own address: the message about another field names its path.
    await page.locator('[data-device="pc2"] .icon').click();
    await page.waitForSelector('[data-device="pc2"].selected');
    await setField(page, "gateway", "10.10.10.50");
    await page.waitForFunction(() => document.querySelector('[data-testid="gateway"]')?.getAttribute("aria-invalid") === "false");
    await setField(page, "address-0", "10.10.10.50/24");
    await page.waitForSelector('[data-testid="address-0"][aria-invalid="true"]');
    assert.match(await text(page, "address-0-error"), want.own);
    // A command typed during the run that does not read.
    await page.getByTestId("cmd-device").selectOption("pc1");
    await page.getByTestId("cmd-kind").selectOption("line");
    await page.getByTestId("cmd-target").fill("pong 10.10.10.100");
    await page.getByTestId("cmd-run").click();
    await page.waitForSelector('[data-testid="cmd-error"]');
    assert.ok((await text(page, "cmd-error")).startsWith(want.command), await text(page, "cmd-error"));
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test("pseudo-locale: every interface string of the shell comes from the catalogue", async () => {
  const { page, context, problems } = await openPage(fx, "?lang=qps-ploc");
  await pickExample(page, "same-network");
  await step(page, 6);
  // [selector, attribute or null for the text]: strings the shell words itself.
  const probes = [
    [".app-tagline", null],
    ['[data-testid="toolbar"] button', null],
    ['[data-testid="toolbar"] button', "title"],
    ['[data-testid="toolbar"]', "aria-label"],
    ['[data-testid="load-example"] option[value=""]', null],
    [".zoom button", "title"],
    [".palette-item", "title"],
    [".palette-label", null],
    [".controls button", "aria-label"],
    [".controls .ctl-label", null],
    ['[data-testid="speed"] option[value="click"]', null],
    ['[data-testid="event-count"]', null],
    [".status-state", null],
    [".pane-title", null],
    [".tables-pane caption", null],
    [".tables-pane th", null],
    [".side-panel .panel-heading", null],
    ['[data-testid="cmd-kind"] option[value="frame"]', null],
    ['[data-testid="cmd-run"]', null],
    ['[data-testid="story-toggle"]', null],
  ];
  const bad = [];
  let checked = 0;
  for (const [selector, attr] of probes) {
    const values = await page.$$eval(
      selector,
      (els, attr) => els.map((e) => (attr ? e.getAttribute(attr) : e.textContent) ?? ""),
      attr,
    );
    assert.ok(values.length > 0, `${selector} is on the page`);
    for (const v of values) {
      checked += 1;
      // The pseudo-locale brackets each message; a string that bypassed it has none.
      if (!v.trim().startsWith("[")) bad.push(`${selector}${attr ? `@${attr}` : ""}: ${JSON.stringify(v)}`);
    }
  }
  assert.ok(checked > 40, `${checked} strings checked`);
  assert.deepEqual(bad, [], "strings that do not come from the catalogue");
  // The engine's validation messages too: a refused address, worded by the catalogue (the
  // typed value, an argument, stays as typed).
  const refused = await refusedAddress(page, "10.0.0.300/24");
  assert.match(refused, /^\[10\.0\.0\.300\/24 .*\]$/, refused);
  assert.notEqual(refused, "[10.0.0.300/24 is not an IPv4 address]", "accented, not plain");
  // Accented, not plain: "Plåý" rather than "Play".
  assert.match(await page.getByTestId("play").getAttribute("aria-label"), /^\[Plåý\]$/);
  assert.deepEqual(problems, []);
  await context.close();
});
