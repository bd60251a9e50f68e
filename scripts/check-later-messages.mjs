// Checks that no code of the first load names a message whose English text comes later, with
// the page's engine module (issue 15, docs/size.md, docs/languages.md): engine/build.rs's
// `MORE` and `CHECKS` files and the app build.rs's `LATER` ones are not compiled into the first
// load, so a first-paint view that words one of their messages would show the message's id
// until the engine's module is here. A message id is a string literal in the code that words
// it, so it is in the wasm's data: this searches the first load's wasm (the arguments) for every
// id of those files. An id that is part of a longer id compiled in cannot be told apart and is
// skipped.
//
// Usage: node scripts/check-later-messages.mjs dist/<first-load>.wasm …

import { readFileSync, readdirSync } from "node:fs";

// Ids whose messages the first load's code builds but never words: `scenario/address.rs`'s
// errors, which the editor's subnet colours (`InterfaceSpec::subnet`) drop with `.ok()`.
const DROPPED = new Set([
  "invalid-not-ipv4",
  "invalid-ipv4-with-prefix",
  "invalid-prefix-range",
  "invalid-not-netmask",
  "invalid-netmask-bits",
  "invalid-no-prefix-length",
  "invalid-network-address",
  "invalid-broadcast-address",
  "invalid-not-interface-address",
]);

/// The file names of a `const NAME: &[&str] = &[...];` list of a build script.
function list(file, name) {
  const m = readFileSync(file, "utf8").match(new RegExp(`const ${name}: &\\[&str\\] = &\\[([^\\]]*)\\]`));
  if (!m) throw new Error(`${file}: no const ${name}`);
  return [...m[1].matchAll(/"([^"]+)"/g)].map((x) => x[1]);
}

const ids = (file) => [...readFileSync(`locales/en/${file}`, "utf8").matchAll(/^([a-z][a-z0-9-]*) =/gm)].map((m) => m[1]);

const later = [...list("engine/build.rs", "MORE"), ...list("engine/build.rs", "CHECKS"), ...list("build.rs", "LATER")];
const laterIds = new Set(later.flatMap(ids));
const keptIds = readdirSync("locales/en")
  .filter((f) => f.endsWith(".ftl") && !later.includes(f))
  .flatMap(ids)
  .filter((id) => !laterIds.has(id));

const wasm = process.argv.slice(2).map((f) => readFileSync(f));
if (wasm.length === 0) throw new Error("no wasm given");
const found = [...laterIds].filter(
  (id) => !DROPPED.has(id) && !keptIds.some((k) => k.includes(id)) && wasm.some((w) => w.includes(Buffer.from(id))),
);
if (found.length > 0) {
  console.error(
    `the first load's code names ${found.length} message(s) whose English comes with the engine's module ` +
      `(engine/build.rs MORE/CHECKS, build.rs LATER): ${found.join(", ")}. Move them to a compiled-in file, ` +
      `or the view that words them to a split module (docs/languages.md).`,
  );
  process.exit(1);
}
console.log(`    ${laterIds.size} ids of ${later.length} files that come later: none named by the first load's code`);
