// Writes the engine's worker into the staged build (issues 19 and 15, docs/worker.md): called
// by scripts/csp.mjs, the trunk post_build hook, before the policy is filled in (trunk runs a
// stage's hooks at the same time, so the steps that rewrite index.html are one hook).
//
// The worker runs the engine's own module (engine-worker/, built by ./lab before trunk into
// $CARGO_TARGET_DIR/engine-worker/: engine.js, wasm-bindgen's glue, and engine_bg.wasm). Each
// file is copied in under a name with a hash of its bytes (a new build, a new name: the
// service worker's cache-first rule stays right): engine-<hash>.js and engine-<hash>_bg.wasm.
// static/engine-worker.js is filled in with the two names and written as
// engine-worker-<hash of its text>.js, named in index.html as
// <meta name="packet-lab-worker" content="./engine-worker-….js">, where the app finds it and the
// service worker's precache sees it; the glue and the module are named as
// <meta name=packet-lab-on-demand>: the service worker keeps them when first fetched (not on
// install: ~360 KB gzip that most visits never use) and while index.html names them, and
// ./lab size leaves them out of the first load (fetched when a run first goes to a worker,
// after the page is interactive; no example needs one).

import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const hash16 = (bytes) => createHash("sha256").update(bytes).digest("hex").slice(0, 16);

/** Adds the worker script and the engine's module to the staged build in `dir`; returns what it wrote. */
export function writeWorker(dir, source) {
  const built = process.env.ENGINE_WORKER_DIR ??
    path.join(process.env.CARGO_TARGET_DIR ?? path.join(source, "target"), "engine-worker");
  const glueFile = path.join(built, "engine.js");
  const wasmFile = path.join(built, "engine_bg.wasm");
  if (!existsSync(glueFile) || !existsSync(wasmFile)) {
    throw new Error(`no engine worker module in ${built} (./lab build makes it before trunk)`);
  }
  const wasm = readFileSync(wasmFile);
  const wasmName = `engine-${hash16(wasm)}_bg.wasm`;
  writeFileSync(path.join(dir, wasmName), wasm);
  const glue = readFileSync(glueFile);
  const glueName = `engine-${hash16(glue)}.js`;
  writeFileSync(path.join(dir, glueName), glue);

  const template = readFileSync(path.join(source, "static", "engine-worker.js"), "utf8");
  for (const slot of ['"ENGINE_JS"', '"ENGINE_WASM"']) {
    if (!template.includes(slot)) throw new Error(`static/engine-worker.js has no ${slot} to fill in`);
  }
  const text = template.replace('"ENGINE_JS"', JSON.stringify(`./${glueName}`)).replace('"ENGINE_WASM"', JSON.stringify(`./${wasmName}`));
  const name = `engine-worker-${hash16(text)}.js`;
  writeFileSync(path.join(dir, name), text);

  const indexFile = path.join(dir, "index.html");
  let html = readFileSync(indexFile, "utf8");
  const meta = `<meta name=packet-lab-worker content=./${name}>` +
    `<meta name=packet-lab-on-demand content="./${glueName}"><meta name=packet-lab-on-demand content="./${wasmName}">`;
  const at = html.indexOf("</head>") >= 0 ? html.indexOf("</head>") : html.indexOf("<body");
  if (at < 0) throw new Error("index.html has neither </head> nor <body>");
  html = html.slice(0, at) + meta + html.slice(at);
  writeFileSync(indexFile, html);
  return `${name} (engine module ${wasmName}, ${wasm.length} bytes; glue ${glueName})`;
}
