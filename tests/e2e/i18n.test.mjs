// Interface languages (issue 17): the browser's language picks the catalogue, the picker
// changes it and a reload keeps it, a link's `lang=` wins (plain and embedded), the
// same-network story's views speak German and French (the engine's explanations of events
// too, in the event list and the inspector; its diagnosis, predict questions and validation
// messages), only the language in use is downloaded and works offline, an English visit picks
// German (and keeps it offline), a language that cannot be fetched leaves the interface as it
// was with a message (picked, or asked for by a link), and the pseudo-locale
// finds no interface string that bypasses the catalogue, the engine's sentences included.

import { test } from "node:test";
import assert from "node:assert/strict";

import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { deflateSync } from "node:zlib";

import { READY_TIMEOUT_MS, ROOT, fanOutLab, labFixture, openPage, pickExample, recordProblems, setField, waitForRun, waitForAsync } from "./helpers.mjs";

const fx = labFixture();

const text = (page, testid) => page.getByTestId(testid).innerText();
const htmlLang = (page) => page.evaluate(() => document.documentElement.lang);

/** Steps forward until the event list's explanation matches `re` (at most `max` steps). */
async function stepUntilExplained(page, re, max = 12) {
  for (let i = 0; i < max; i++) {
    await step(page, 1);
    const explain = await text(page, "explain");
    if (re.test(explain)) return explain;
  }
  assert.fail(`no event explained as ${re} within ${max} steps`);
}

/** Opens the current event (or the first row of class `cls`, e.g. "route", whose summary
 *  names `about`) in the inspector. By class and an address, not by words: the rows'
 *  summaries are worded in the page's language. */
async function inspectRow(page, cls = null, about = "") {
  const row = cls
    ? page.locator(`[data-testid="event"][data-class="${cls}"]`).filter({ has: page.locator('[data-testid="event-summary"]', { hasText: about }) }).first()
    : page.locator('[data-testid="event"][aria-current="true"]');
  const index = await row.getAttribute("data-index");
  await row.click();
  await page.waitForSelector(`[data-testid="inspected-event"][data-index="${index}"]`);
}

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
  ["de", {
    count: /^Ereignis \d+ \/ \d+$/, arp: "ARP-Cache (ip neigh)", events: "Ereignisse", terminal: "Terminal", state: "Zustand",
    // The engine's sentences (issue 17): the ARP entry, the ARP request, the AND of the routing decision.
    entry: "ARP-Tabelle von pc1 (eth0): 10.10.10.100 kein Eintrag → INCOMPLETE: ein Paket braucht diese Adresse, also beginnt ARP",
    request: /^pc1\/eth0 sendet Who has 10\.10\.10\.100\? Tell 10\.10\.10\.1 \(60 Bytes\) über pc1-sw1 an sw1\/p1; er kommt um /,
    rows: ["Adresse", "Maske", "AND", "mein Netz"],
    name: "Gleiches Netz",
    description: /^Zwei PCs an einem Switch, beide in 10\.10\.10\.0\/24\. pc1 pingt pc2: Zuerst flutet eine ARP-Anfrage den Switch/,
    hub: /^Drei PCs an einem Hub\./,
    verdict: "10.10.10.100 AND 255.255.255.0 = 10.10.10.0 = 10.10.10.0/24: dasselbe Netz, also direkt zustellen (ARP für 10.10.10.100)",
  }],
  ["fr", {
    count: /^événement \d+ \/ \d+$/, arp: "Cache ARP (ip neigh)", events: "Événements", terminal: "Terminal", state: "état",
    entry: "Table ARP de pc1 (eth0) : 10.10.10.100 aucune entrée → INCOMPLETE : un paquet a besoin de cette adresse, donc ARP commence",
    request: /^pc1\/eth0 envoie Who has 10\.10\.10\.100\? Tell 10\.10\.10\.1 \(60 octets\) sur pc1-sw1 vers sw1\/p1 ; elle arrive à /,
    rows: ["adresse", "masque", "AND", "mon réseau"],
    name: "Même réseau",
    description: /^Deux PC sur un commutateur, tous deux dans 10\.10\.10\.0\/24\. pc1 envoie un ping à pc2 : d'abord une requête ARP/,
    hub: /^Trois PC sur un concentrateur \(hub\)\./,
    verdict: "10.10.10.100 AND 255.255.255.0 = 10.10.10.0 = 10.10.10.0/24 : le même réseau, donc remise directe (ARP pour 10.10.10.100)",
  }],
]) {
  test(`the same-network story in ${lang}: controls, tables and panes in that language`, async () => {
    const { page, context, problems } = await openPage(fx, `?lang=${lang}`);
    await pickExample(page, "same-network");
    // The example's description in the lab panel, and every example's as its button's title.
    assert.match(await text(page, "lab-description"), want.description);
    assert.equal(await page.getByTestId("lab-title").inputValue(), want.name);
    assert.match(await page.locator('[data-example="hub"]').getAttribute("title"), want.hub);
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
    // The engine's explanations in that language: the event list's sentence and the inspector's.
    await page.getByTestId("scrubber").fill("0");
    await stepUntilExplained(page, new RegExp(`^${want.entry.replace(/[.?()]/g, "\\$&")}$`));
    const request = await stepUntilExplained(page, want.request);
    await inspectRow(page);
    assert.equal(await text(page, "inspector-explain"), request);
    // pc1's routing decision: the AND picture's rows and verdict.
    await inspectRow(page, "route", "10.10.10.100");
    const and = page.getByTestId("and-view").first();
    assert.deepEqual(await and.locator('th[scope="row"]').allInnerTexts(), want.rows);
    assert.equal(await and.getByTestId("and-verdict").innerText(), want.verdict);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

/** Moves the scrubber to the last event and waits until it is shown (any language). */
async function toLastEvent(page) {
  const scrubber = page.getByTestId("scrubber");
  await waitForRun(page);
  await scrubber.fill(await scrubber.getAttribute("max"));
  await page.waitForFunction(() => {
    const m = document.querySelector('[data-testid="event-count"]')?.textContent.match(/(\d+) \/ (\d+)/);
    return m !== null && m !== undefined && m[1] === m[2];
  });
}

/** Turns predict mode on, plays, and returns the first question's prompt. */
async function firstQuestion(page) {
  await page.getByTestId("predict-toggle").check();
  await page.getByTestId("play").click();
  await page.waitForSelector('[data-testid="predict-card"] [data-testid="predict-choice"]:not([disabled])', { timeout: 30_000 });
  return page.getByTestId("predict-prompt").textContent();
}

// The engine's sentences (issue 17): the diagnosis and the predict questions are catalogue
// messages, worded in the interface language; addresses and the programs' output stay as printed.
for (const [lang, want] of [
  [
    "de",
    {
      title: "Niemand zu Hause",
      diagnosis: /^pc1 hat dreimal „Who has 10\.10\.10\.50\?“ gefragt und keine Antwort bekommen, also hat es aufgegeben \(„Destination Host Unreachable“\)\. Kein Gerät im Labor hat 10\.10\.10\.50\. Prüfe die Adresse in commands\[0\]\.run/,
      prompt: /^pc1 hat ein Paket für 10\.10\.10\.100\. Nach welcher Adresse fragt es per ARP/,
      choice: /das Ziel selbst|sein Standardgateway|kein ARP/,
    },
  ],
  [
    "fr",
    {
      title: "Personne à la maison",
      diagnosis: /^pc1 a demandé trois fois « Who has 10\.10\.10\.50\? » sans réponse, donc il a abandonné \(« Destination Host Unreachable »\)\. Aucun appareil du labo n'a 10\.10\.10\.50\. Vérifiez l'adresse dans commands\[0\]\.run/,
      prompt: /^pc1 a un paquet pour 10\.10\.10\.100\. Quelle adresse demande-t-il par ARP/,
      choice: /la destination elle-même|sa passerelle par défaut|pas d'ARP/,
    },
  ],
]) {
  test(`"why it failed" and a predict question in ${lang}`, async () => {
    const { page, context, problems } = await openPage(fx, `?lang=${lang}`);
    assert.equal((await page.locator('[data-example="unknown-host"]').innerText()).trim(), want.title);
    await pickExample(page, "unknown-host");
    await toLastEvent(page);
    await page.locator('[data-testid="event"]').last().click();
    const box = page.getByTestId("diagnosis");
    await box.waitFor();
    assert.match(await box.getByTestId("diagnosis-text").textContent(), want.diagnosis);
    assert.equal(await box.getByTestId("diagnosis-field").textContent(), "commands[0].run");
    assert.deepEqual(problems, []);
    await context.close();

    // A fresh page: the inspector now holds the side panel, not the examples.
    const second = await openPage(fx, `?lang=${lang}`);
    await pickExample(second.page, "same-network");
    assert.match(await firstQuestion(second.page), want.prompt);
    const choices = await second.page.$$eval('[data-testid="predict-choice"]', (els) => els.map((e) => e.textContent));
    assert.ok(choices.some((c) => want.choice.test(c)), `${choices}`);
    assert.deepEqual(second.problems, []);
    await second.context.close();
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
    file: "homework.json wurde nicht geöffnet, dein Labor ist unverändert. goal[0].from: sw1 ist ein Switch; er hat keinen IP-Stack",
  }],
  ["fr", {
    bad: "10.0.0.300/24 n'est pas une adresse IPv4",
    range: "le préfixe /33 est hors limites (0–32)",
    own: /^10\.10\.10\.50 est une adresse de pc2 lui-même \(devices\[2\]\.gateway\)$/,
    command: "commande inconnue `pong` (ce labo exécute ping,",
    file: "homework.json n'a pas été ouvert, votre labo est inchangé. goal[0].from : sw1 est un commutateur ; il n'a pas de pile IP",
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
    [".example-list .example", null],
    ['[data-testid="load-example"] option', null],
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
  // The engine's explanations: the event list's sentence, the inspector's, and the AND picture.
  await inspectRow(page);
  await inspectRow(page, "route", "10.10.10.100");
  for (const [selector, attr] of [
    ['[data-testid="explain"]', null],
    ['[data-testid="inspector-explain"]', null],
    ['[data-testid="and-view"] th[scope="row"]', null],
    ['[data-testid="and-verdict"]', null],
  ]) {
    const values = await page.$$eval(selector, (els) => els.map((e) => e.textContent ?? ""));
    assert.ok(values.length > 0, `${selector} is on the page`);
    for (const v of values) {
      checked += 1;
      if (!v.trim().startsWith("[")) bad.push(`${selector}: ${JSON.stringify(v)}`);
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

test("only the language in use is downloaded, and after one visit it works offline", async () => {
  const { page, context, problems } = await openPage(fx, "", { locale: "fr-FR" });
  const catalogues = await page.evaluate(() =>
    performance.getEntriesByType("resource").map((e) => new URL(e.name).pathname).filter((p) => p.includes("/locales/")));
  assert.ok(catalogues.some((u) => u.includes("/locales/fr/")), "French was fetched");
  // The app is drawn once French is here: no English first.
  assert.equal(await page.getByTestId("new").innerText(), "Nouveau");
  assert.equal(await htmlLang(page), "fr");
  // English is compiled in; German is never fetched for a French reader.
  assert.ok(!catalogues.some((u) => u.includes("/locales/de/") || u.includes("/locales/en/")), catalogues.join(" "));
  // Once the service worker controls the page, the French files are in its cache.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
  // Every French file: the resource timeline can be read before every file's entry is in it.
  const french = (await readdir(path.join(ROOT, "locales", "fr"))).filter((f) => f.endsWith(".ftl")).length;
  await waitForAsync(page, async (n) => {
    const keys = await (await caches.open("packet-lab-v1")).keys();
    return keys.filter((k) => k.url.includes("/locales/fr/")).length >= n;
  }, french);
  assert.deepEqual(problems, []);
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector('.app[data-ready="true"]');
  assert.equal(await page.getByTestId("new").innerText(), "Nouveau");
  assert.equal(await page.getByTestId("play").getAttribute("aria-label"), "Lecture");
  await context.close();
});

/** True for a problem that is language `tag`'s file refused offline: the failed request, or
 *  Chromium's console line about it (which does not name the URL). */
const refused = (problem, tag) =>
  problem.includes(`/locales/${tag}/`) || problem === "console error: Failed to load resource: net::ERR_INTERNET_DISCONNECTED";

test("an English visit picks German: German once it has arrived, and offline after", async () => {
  const { page, context, problems } = await openPage(fx, "", { locale: "en-US" });
  assert.equal(await htmlLang(page), "en");
  assert.equal(await page.getByTestId("new").innerText(), "New");
  await page.getByTestId("language").selectOption("de");
  // Shown when its files have arrived (English meanwhile), then the whole shell is German.
  await page.waitForFunction(() => document.documentElement.lang === "de");
  assert.equal(await page.getByTestId("new").innerText(), "Neu");
  assert.equal(await page.locator(".app-tagline").innerText(), "Ein Netzwerklabor, das in deinem Browser läuft");
  assert.equal(await page.getByTestId("play").getAttribute("aria-label"), "Abspielen");
  assert.match(await page.locator(".status-bar").innerText(), /\d+ Geräte?, \d+ Verbindung(en)?/);
  assert.equal(await page.getByTestId("language").inputValue(), "de");
  assert.equal(await page.getByTestId("language-status").innerText(), "", "no message once it is here");
  const fetched = await page.evaluate(() =>
    performance.getEntriesByType("resource").filter((e) => e.name.includes("/locales/de/")).length);
  assert.ok(fetched > 0, "German was fetched, not compiled in");
  // The service worker keeps the German files (fetched through it, or named to it when it
  // took control after they came), so the pick survives going offline. Waited for all of them:
  // the resource timeline can be read before every file's entry is in it.
  const german = (await readdir(path.join(ROOT, "locales", "de"))).filter((f) => f.endsWith(".ftl")).length;
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
  await waitForAsync(page, async (n) => {
    const keys = await (await caches.open("packet-lab-v1")).keys();
    return keys.filter((k) => k.url.includes("/locales/de/")).length >= n;
  }, german);
  assert.deepEqual(problems, []);
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector('.app[data-ready="true"]');
  assert.equal(await htmlLang(page), "de", "the pick was saved");
  assert.equal(await page.getByTestId("new").innerText(), "Neu");
  assert.equal(await page.getByTestId("play").getAttribute("aria-label"), "Abspielen");
  await context.close();
});

test("a language whose files do not arrive leaves the interface as it was and says so", async () => {
  // No service worker here: the files fail for sure, and nothing is kept.
  const { page, context, problems } = await openPage(fx, "", { locale: "en-US", serviceWorkers: "block" });
  assert.equal(await page.getByTestId("new").innerText(), "New");
  await context.setOffline(true);
  await page.getByTestId("language").selectOption("de");
  const status = page.getByTestId("language-status");
  await page.waitForFunction(() => /could not be loaded/.test(document.querySelector('[data-testid="language-status"]').innerText));
  assert.match(await status.innerText(), /^Deutsch could not be loaded \(is the connection down\?\), so the interface stays as it was\./);
  assert.equal(await htmlLang(page), "en");
  assert.equal(await page.getByTestId("new").innerText(), "New");
  assert.equal(await page.getByTestId("language").inputValue(), "en", "the list shows the language in use again");
  assert.equal(await page.evaluate(() => localStorage.getItem("packet-lab.lang.v1")), null, "a failed pick is not saved");
  await page.getByTestId("dismiss-language").click();
  assert.equal(await status.innerText(), "");
  // Back online, picking it again works.
  await context.setOffline(false);
  await page.getByTestId("language").selectOption("de");
  await page.waitForFunction(() => document.documentElement.lang === "de");
  assert.equal(await page.getByTestId("new").innerText(), "Neu");
  assert.equal(await status.innerText(), "");
  // The only problems are the German files refused while offline.
  assert.deepEqual(problems.filter((p) => !refused(p, "de")), []);
  assert.ok(problems.length > 0, "the offline fetch was tried");
  await context.close();
});

test("a link's language that cannot be fetched opens the lab in English, saying so", async () => {
  // The French files are refused before the first navigation: a reload after a first load
  // would abort that load's own requests (its wasm) and count them as problems.
  const context = await fx.browser.newContext({ viewport: { width: 1280, height: 720 }, locale: "en-US", serviceWorkers: "block" });
  await context.route(/\/locales\/fr\//, (route) => route.abort("internetdisconnected"));
  const page = await context.newPage();
  const problems = recordProblems(page);
  await page.goto(fx.appUrl + "?lang=fr");
  await page.waitForSelector('.app[data-ready="true"]', { timeout: READY_TIMEOUT_MS });
  assert.equal(await htmlLang(page), "en");
  assert.equal(await page.getByTestId("new").innerText(), "New");
  assert.equal(await page.getByTestId("language").inputValue(), "en");
  assert.match(await page.getByTestId("language-status").innerText(), /^Français could not be loaded/);
  assert.deepEqual(problems.filter((p) => !refused(p, "fr")), []);
  await context.close();
});

/** The strings of `probes` on the page that did not come through the (bracketing) pseudo-locale. */
async function unbracketed(page, probes) {
  const bad = [];
  let checked = 0;
  for (const selector of probes) {
    const values = await page.$$eval(selector, (els) => els.map((e) => e.textContent ?? ""));
    assert.ok(values.length > 0, `${selector} is on the page`);
    for (const v of values) {
      checked += 1;
      if (!v.trim().startsWith("[")) bad.push(`${selector}: ${JSON.stringify(v)}`);
    }
  }
  return { bad, checked };
}

test("pseudo-locale: the exercise panel's checks and the diagnosis come from the catalogue", async () => {
  const { page, context, problems } = await openPage(fx, "?lang=qps-ploc");
  // An exercise whose starting lab fails: each check's wording and the first failure's why.
  await page.locator('[data-testid="course"] > summary').click();
  await page.locator('[data-exercise="right-network"].course-item').click();
  await page.waitForSelector('[data-testid="exercise"][data-exercise="right-network"] [data-testid="check-why"]');
  {
    const { bad, checked } = await unbracketed(page, ['[data-testid="check"] .check-text', '[data-testid="check-why"]']);
    assert.ok(checked >= 3, `${checked} strings checked`);
    assert.deepEqual(bad, [], "check texts that do not come from the catalogue");
  }
  await page.getByTestId("leave-exercise").click();
  await page.waitForFunction(() => !document.querySelector('[data-testid="exercise"]'));

  // "Why did it fail?" in the inspector.
  await pickExample(page, "unknown-host");
  await toLastEvent(page);
  await page.locator('[data-testid="event"]').last().click();
  await page.getByTestId("diagnosis").waitFor();
  assert.deepEqual((await unbracketed(page, ['[data-testid="diagnosis-text"]'])).bad, []);
  assert.deepEqual(problems, []);
  await context.close();
});

test("pseudo-locale: the predict card comes from the catalogue", async () => {
  const { page, context, problems } = await openPage(fx, "?lang=qps-ploc");
  // A predict question: its prompt and choices, then the verdict's right answer and why.
  await pickExample(page, "same-network");
  await firstQuestion(page);
  {
    const { bad } = await unbracketed(page, ['[data-testid="predict-prompt"]', '[data-testid="predict-choice"]']);
    assert.deepEqual(bad, [], "predict texts that do not come from the catalogue");
  }
  await page.locator('[data-testid="predict-choice"]').first().click();
  await page.getByTestId("predict-verdict").waitFor();
  assert.deepEqual((await unbracketed(page, ['[data-testid="predict-why"]'])).bad, []);
  assert.deepEqual(problems, []);
  await context.close();
});

/** A teacher's exercise file whose goal asks a switch to ping (right-network's lab has sw1). */
async function switchPingsExercise() {
  const source = JSON.parse(await readFile(path.join(ROOT, "exercises", "right-network.json"), "utf8"));
  return { ...source, goal: [{ check: "ping_succeeds", from: "sw1", to: "pc1" }] };
}

/** Opens `exercise` as the file homework.json from the course list; returns the refusal. */
async function refusedExerciseFile(page, exercise) {
  await page.locator('[data-testid="course"] > summary').click();
  await page.getByTestId("open-exercise-file").setInputFiles({
    name: "homework.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(exercise)),
  });
  await page.waitForSelector('[data-testid="exercise-error"]');
  return page.getByTestId("exercise-error").textContent();
}

// A teacher's file's goal check and a story link's note (issue 17's last areas) in German and
// French: the frame and the reason both in the language, names and the link's values as given.
for (const [lang, want] of [
  ["de", {
    file: "homework.json wurde nicht geöffnet, dein Labor ist unverändert. goal[0].from: sw1 ist ein Switch; er hat keinen IP-Stack",
    note: /Sequenzdiagramm-Einstellungen des Links wurde nicht verwendet: view=<b> ist keine Ansicht \(diagram oder network\); das Labor hat kein Gerät "ghost" für eine Lebenslinie\. Stattdessen/,
  }],
  ["fr", {
    file: "homework.json n'a pas été ouvert, votre labo est inchangé. goal[0].from : sw1 est un commutateur ; il n'a pas de pile IP",
    note: /réglages du diagramme de séquence du lien n'a pas été utilisée : view=<b> n'est pas une vue \(diagram ou network\) ; le labo n'a pas d'appareil "ghost" pour une ligne de vie\. L'affichage/,
  }],
]) {
  test(`a teacher's file's goal check and a story link's note in ${lang}`, async () => {
    const { page, context, problems } = await openPage(fx, `?lang=${lang}`);
    const refusal = await refusedExerciseFile(page, await switchPingsExercise());
    assert.ok(refusal.includes(want.file), refusal);
    assert.deepEqual(problems, []);
    await context.close();
    const embed = await openPage(fx, `?embed=1&example=name-lookup&view=<b>&lanes=ghost&lang=${lang}`);
    const error = embed.page.getByTestId("link-error");
    await error.waitFor();
    assert.match(await error.textContent(), want.note);
    assert.deepEqual(embed.problems, []);
    await embed.context.close();
  });
}

test("pseudo-locale: example descriptions, a teacher's file, an exercise link, a story link and a cancelled run come from the catalogue", async () => {
  {
    const { page, context, problems } = await openPage(fx, "?lang=qps-ploc");
    await pickExample(page, "same-network");
    // The loaded example's description, and each example's as its button's title.
    assert.deepEqual((await unbracketed(page, ['[data-testid="lab-description"]'])).bad, []);
    assert.match(await text(page, "lab-description"), /^\[Twø PÇs øñ øñé swítçh/);
    assert.equal(await page.getByTestId("lab-title").inputValue(), "[Såmé ñétwørk]");
    const titles = await page.$$eval(".example-list .example", (els) => els.map((e) => e.getAttribute("title") ?? ""));
    assert.ok(titles.length >= 20, `${titles.length} examples`);
    assert.deepEqual(titles.filter((t) => !t.startsWith("[")), [], "example descriptions that do not come from the catalogue");
    // A teacher's file whose goal asks a switch to ping: the refusal and the check's reason.
    const refusal = await refusedExerciseFile(page, await switchPingsExercise());
    assert.ok(refusal.trim().startsWith("["), refusal);
    // The device and its kind are arguments, as given; the words around them are the catalogue's.
    assert.match(refusal, /\[goal\[0\]\.from: \[sw1 ís å switch; ít hås ñø ÍP ståçk\]\]/);
    assert.ok(!refusal.includes("no IP stack"), refusal);
    assert.deepEqual(problems, []);
    await context.close();
  }
  {
    // An exercise link with the same mistake: named as the link, in the catalogue's words.
    const context = await fx.browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    const problems = recordProblems(page);
    const fragment = "exercise=" + deflateSync(Buffer.from(JSON.stringify(await switchPingsExercise()))).toString("base64url");
    await page.goto(`${fx.appUrl}?lang=qps-ploc#${fragment}`);
    await page.waitForSelector('.app[data-ready="true"]', { timeout: READY_TIMEOUT_MS });
    await page.locator('[data-testid="course"] > summary').click();
    await page.waitForSelector('[data-testid="exercise-error"]');
    const refusal = await page.getByTestId("exercise-error").textContent();
    assert.match(refusal, /^\[Thé éxérçísé líñk wås ñøt øpéñéd: \[goal\[0\]\.from: \[sw1 ís å switch; ít hås ñø ÍP ståçk\]\]\]/);
    assert.deepEqual(problems, []);
    await context.close();
  }
  {
    // A story link's note: the sentence around and each problem.
    const { page, context, problems } = await openPage(fx, "?embed=1&example=name-lookup&view=<b>&lanes=ghost&lang=qps-ploc");
    await page.getByTestId("link-error").waitFor();
    const note = await text(page, "link-error");
    assert.match(note, /\[Pårt øf thé líñk's séqüéñçé-díågråm séttíñgs wås ñøt üséd: \[víéw=<b> ís ñøt å víéw/);
    assert.ok(!note.includes("is not a view"), note);
    assert.deepEqual(problems, []);
    await context.close();
  }
  {
    // The what-if comparison: the canvases' labels and the inspector's frame comparison.
    const { page, context, problems } = await openPage(fx, "?lang=qps-ploc");
    await pickExample(page, "two-subnets");
    await page.getByTestId("whatif").click();
    await page.getByTestId("whatif-banner").waitFor();
    await page.locator('[data-device="pc1"] .icon').click();
    await setField(page, "address-0", "192.168.1.10/16");
    await page.getByTestId("whatif-compare").click();
    await page.getByTestId("whatif-jump").click();
    await page.getByTestId("frame-diff").waitFor();
    const { bad, checked } = await unbracketed(page, [".compare-label", '[data-testid="frame-diff"] .pane-title', '[data-testid="whatif-sentence"]']);
    assert.ok(checked >= 4, `${checked} strings checked`);
    assert.deepEqual(bad, [], "what-if texts that do not come from the catalogue");
    assert.match(await page.getByTestId("frame-diff").getAttribute("aria-label"), /^\[Çømpåréd/);
    assert.deepEqual(problems, []);
    await context.close();
  }
  {
    // A cancelled run: no Worker (the run goes on the page in pieces) and a paused clock, so the
    // run is still going when Cancel is pressed.
    const context = await fx.browser.newContext({ viewport: { width: 1280, height: 720 } });
    await context.addInitScript(() => {
      window.Worker = function () {
        throw new Error("no workers in this test");
      };
    });
    const page = await context.newPage();
    const problems = recordProblems(page);
    const start = Date.UTC(2026, 0, 1);
    await page.clock.install({ time: start });
    await page.goto(`${fx.appUrl}?lang=qps-ploc`);
    await page.waitForSelector('.app[data-ready="true"]', { timeout: READY_TIMEOUT_MS });
    await page.clock.pauseAt(start + 3_600_000);
    await page.getByTestId("import-file").setInputFiles({
      name: "fan-out.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(fanOutLab())),
    });
    await page.waitForSelector('[data-testid="run-progress"]');
    await page.getByTestId("cancel-run").click();
    await page.waitForSelector('[data-testid="run-cancelled"]');
    const cancelled = await text(page, "run-cancelled");
    assert.match(cancelled, /^\[Støppéd: \[thé rüñ wås çåñçélléd åftér [0-9]+ évéñts?\. Thé låb ís üñçhåñgéd/);
    assert.deepEqual((await unbracketed(page, ['[data-testid="run-again"]'])).bad, []);
    assert.deepEqual(problems, []);
    await context.close();
  }
});
