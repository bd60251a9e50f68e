// Shared set-up for Packet Lab's browser tests: Debian's Chromium driven by playwright-core,
// and the built dist/ served under a sub-path by scripts/static-server.mjs.

import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

import { startStaticServer } from "../../scripts/static-server.mjs";

/** The repository root. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** The trunk build under test. */
export const DIST = path.join(ROOT, "dist");
/** The sub-path the build is served under, as on a real site. */
export const PREFIX = "/packet-lab/";
/** How long a page may take to become ready; generous for a loaded 2-core CI machine. */
export const READY_TIMEOUT_MS = 30_000;

/** Serves `root` under PREFIX on 127.0.0.1 with a free port. */
export function serve(root = DIST) {
  return startStaticServer({ root, prefix: PREFIX });
}

/** Launches /usr/bin/chromium headless, with the flags that keep it off the network
 *  (see shared TOOLCHAIN notes). Playwright gives it a fresh temporary profile. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** Records every console error, uncaught page error, failed request and HTTP error response
 *  of `page`. The returned array is empty when the page behaved. */
export function recordProblems(page) {
  const problems = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") problems.push(`console error: ${msg.text()}`);
  });
  page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
  page.on("requestfailed", (req) =>
    problems.push(`request failed: ${req.url()} (${req.failure()?.errorText})`),
  );
  page.on("response", (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  return problems;
}

/** A scenario file of scenarios/, parsed. */
export async function scenario(stem) {
  return JSON.parse(await readFile(path.join(ROOT, "scenarios", `${stem}.json`), "utf8"));
}

/** The engine crate's version from engine/Cargo.toml. */
export async function engineVersion() {
  const manifest = await readFile(path.join(ROOT, "engine", "Cargo.toml"), "utf8");
  return manifest.match(/^\[package\][^[]*?^version\s*=\s*"([^"]+)"/m)[1];
}
