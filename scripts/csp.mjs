// Trunk post_build hook (Trunk.toml [[hooks]]): fills in the Content-Security-Policy of the
// built pages (issue 19).
//
// Each page carries its policy as a <meta http-equiv> (a static host cannot be relied on to
// send headers) with placeholders: 'sha256-INLINE-SCRIPTS' in script-src and, in the example
// deck, 'sha256-INLINE-STYLES' in style-src. index.html's one inline script is trunk's loader
// (import the wasm-bindgen JS, init the wasm), whose text is only known after the build
// (hashed file names, minified); so this hook hashes the exact inline <script>/<style> texts
// of the staged page and puts their 'sha256-…' sources in the placeholders' place. Nothing
// else inline may run. The build fails when index.html has no placeholder or no inline
// script, so a policy that would block the loader never ships.
//
// Runs with TRUNK_STAGING_DIR set (the staged dist/ before trunk moves it into place).

import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

import { splitWasm } from "./split.mjs";
import { writeWorker } from "./worker.mjs";

const SCRIPTS = "'sha256-INLINE-SCRIPTS'";
const STYLES = "'sha256-INLINE-STYLES'";

function fail(message) {
  console.error(`csp.mjs: ${message}`);
  process.exit(1);
}

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) fail("TRUNK_STAGING_DIR is not set (run it as a trunk post_build hook)");

// First the split wasm (scripts/split.mjs): the wasm, the glue and index.html change.
try {
  console.log(`csp.mjs: split wasm: ${splitWasm(dir)}`);
} catch (e) {
  fail(`split wasm: ${e.message}`);
}

// Then the engine's worker script and its <meta> (scripts/worker.mjs): index.html changes.
try {
  console.log(`csp.mjs: worker script ${writeWorker(dir, process.env.TRUNK_SOURCE_DIR ?? process.cwd())}`);
} catch (e) {
  fail(`worker script: ${e.message}`);
}

/** 'sha256-…' of each element `tag` without a src attribute: the hash is over the exact text
 *  between the tags (CSP Level 3: an inline element's source is its text). */
function inlineHashes(html, tag) {
  const out = [];
  for (const m of html.matchAll(new RegExp(`<${tag}\\b([^>]*)>([\\s\\S]*?)</${tag}>`, "gi"))) {
    if (/\bsrc\s*=/i.test(m[1])) continue;
    out.push(`'sha256-${createHash("sha256").update(m[2], "utf8").digest("base64")}'`);
  }
  return out;
}

// index.html must have a policy and its loader; the example deck is filled in when present.
for (const [name, required] of [["index.html", true], ["embed-example.html", false]]) {
  const file = path.join(dir, name);
  if (!existsSync(file)) {
    if (required) fail(`${file} is missing`);
    continue;
  }
  let html = readFileSync(file, "utf8");
  if (!html.includes(SCRIPTS)) {
    if (required) fail(`${file} has no ${SCRIPTS} in its Content-Security-Policy`);
    continue;
  }
  const scripts = inlineHashes(html, "script");
  if (required && scripts.length === 0) fail(`${file} has no inline script (trunk's loader moved?); nothing to hash`);
  // With no inline element left, the placeholder becomes 'self' (files only).
  html = html.replace(SCRIPTS, scripts.join(" ") || "'self'");
  const styles = inlineHashes(html, "style");
  if (html.includes(STYLES)) html = html.replace(STYLES, styles.join(" ") || "'self'");
  writeFileSync(file, html);
  console.log(`csp.mjs: ${name}: ${scripts.length} inline script(s) ${scripts.join(" ")}; ${styles.length} inline style(s)`);
}
