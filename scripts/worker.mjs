// Writes the engine's worker script into the staged build (issue 19, docs/worker.md): called
// by scripts/csp.mjs, the trunk post_build hook, before the policy is filled in (trunk runs a
// stage's hooks at the same time, so the two steps that rewrite index.html are one hook).
//
// static/engine-worker.js imports the app's wasm-bindgen glue, whose file name carries a hash
// known only after the build: it is read from trunk's inline loader in index.html. The script
// is written as engine-worker-<hash of its text>.js (a new build, a new name: the service
// worker's cache-first rule stays right) and named in index.html as
// <meta name="packet-lab-worker" content="./engine-worker-….js">, where the app finds it and
// the service worker's precache sees it.

import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Adds the worker script to the staged build in `dir`; returns its file name. */
export function writeWorker(dir, source) {
  const indexFile = path.join(dir, "index.html");
  let html = readFileSync(indexFile, "utf8");
  const glue = html.match(/from\s*["'](\.\/packet-lab-[0-9a-f]+\.js)["']/)?.[1];
  if (!glue) throw new Error("index.html's loader imports no ./packet-lab-<hash>.js (trunk's loader changed?)");
  const template = readFileSync(path.join(source, "static", "engine-worker.js"), "utf8");
  if (!template.includes('"GLUE_JS"')) throw new Error("static/engine-worker.js has no \"GLUE_JS\" to fill in");
  const text = template.replace('"GLUE_JS"', JSON.stringify(glue));
  const name = `engine-worker-${createHash("sha256").update(text).digest("hex").slice(0, 16)}.js`;
  writeFileSync(path.join(dir, name), text);
  const meta = `<meta name=packet-lab-worker content=./${name}>`;
  const at = html.indexOf("</head>") >= 0 ? html.indexOf("</head>") : html.indexOf("<body");
  if (at < 0) throw new Error("index.html has neither </head> nor <body>");
  html = html.slice(0, at) + meta + html.slice(at);
  writeFileSync(indexFile, html);
  return name;
}
