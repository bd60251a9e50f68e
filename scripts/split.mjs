// Cuts the app's wasm in two (issue 15, docs/size.md "the split wasm"): called by scripts/csp.mjs,
// the trunk post_build hook, before the worker script and the policy (they read index.html after
// it).
//
// A view that a first visit does not need is an `async fn` marked `#[wasm_split(name)]` in the
// Rust code (src/split.rs). Dioxus' wasm-split (the `wasm-split-cli` crate, walrus-based) reads
// the call graph from the linker's relocations (build.rs links with --emit-relocs) and moves
// every function only such a split point reaches into its own module, `packet-lab-<name>-<hash>
// .wasm`; the main module keeps the rest and calls into the split module through its function
// table once it is loaded (`fetch` + `WebAssembly.instantiateStreaming`, sharing the main
// module's memory, table and globals).
//
// The split needs the wasm before wasm-opt (index.html's data-wasm-opt="0": trunk stages
// wasm-bindgen's output), so this script runs wasm-opt itself, on the main module and on each
// split module, with the flags below. What it writes into the staged build:
// - the main module as `packet-lab-<hash of its bytes>_bg.wasm` instead of trunk's file, with
//   index.html's loader and preload link (and its integrity) updated;
// - the split modules, named after a hash of their bytes;
// - the loader (`packet-lab-split-<hash>.js`, wasm-split's glue with our file names), which the
//   wasm-bindgen glue imports instead of `./__wasm_split.js`, preloaded by index.html;
// - <meta name=packet-lab-lazy content="./packet-lab-….wasm">, one a module: the service worker
//   precaches what index.html names, so a split view works offline after one visit; ./lab size
//   leaves these files out of the first load (they are fetched when the view is first drawn,
//   or by the service worker in the background, never before the page is interactive).

import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** wasm-opt's flags (index.html used to pass them to trunk): size, and the wasm features rustc emits. */
const WASM_OPT = [
  "-Oz",
  // Addresses below 1 KB are never used (Binaryen then folds constant offsets into loads and
  // stores): rustc's wasm-ld lays the 1 MB stack out first ("--stack-first": data from 1 MB up,
  // the stack growing down towards 0), so the low 1 KB is the bottom of a stack that would be
  // 1023 KB deep, and address 0 is a null pointer Rust never follows. -2.5 KB gzip (issue 15,
  // docs/size.md). Not --zero-filled-memory: a split module's memory is the main module's, full.
  "--low-memory-unused",
  "--enable-bulk-memory",
  "--enable-nontrapping-float-to-int",
  "--enable-sign-ext",
  "--enable-mutable-globals",
  "--enable-reference-types",
  "--enable-multivalue",
];

const hash16 = (bytes) => createHash("sha256").update(bytes).digest("hex").slice(0, 16);
const sri = (bytes) => `sha384-${createHash("sha384").update(bytes).digest("base64")}`;

/** Runs wasm-opt on `input`, writing `output`. */
function wasmOpt(input, output) {
  if (process.env.SPLIT_NO_OPT) return void (input !== output && writeFileSync(output, readFileSync(input)));
  execFileSync("wasm-opt", [...WASM_OPT, input, "-o", output], { stdio: "inherit" });
}

/** Splits the staged build in `dir`; returns a line saying what it wrote. */
export function splitWasm(dir) {
  const indexFile = path.join(dir, "index.html");
  let html = readFileSync(indexFile, "utf8");
  const glueName = html.match(/[`"'(]\.\/(packet-lab-[0-9a-f]+\.js)[`"')]/)?.[1];
  const wasmName = html.match(/[`"'(]\.\/(packet-lab-[0-9a-f]+_bg\.wasm)[`"')]/)?.[1];
  if (!glueName || !wasmName) throw new Error("index.html names no ./packet-lab-<hash>.js and _bg.wasm (trunk's loader changed?)");
  const glueFile = path.join(dir, glueName);
  const wasmFile = path.join(dir, wasmName);
  let glue = readFileSync(glueFile, "utf8");
  // The glue's `import … from "./__wasm_split.js"` (not the import object's key of that name,
  // which is the wasm's import module).
  const splitImport = /(from\s*)(["'])\.\/__wasm_split\.js\2/g;

  const targetDir = process.env.CARGO_TARGET_DIR ?? path.join(process.env.TRUNK_SOURCE_DIR ?? process.cwd(), "target");
  const profile = process.env.TRUNK_PROFILE === "debug" ? "debug" : "release";
  const original = path.join(targetDir, "wasm32-unknown-unknown", profile, "packet-lab.wasm");
  const work = mkdtempSync(path.join(tmpdir(), "packet-lab-split-"));
  try {
    if (!splitImport.test(glue)) {
      // No split point in the code: only wasm-opt, as trunk did.
      wasmOpt(wasmFile, wasmFile);
      return "no split point (the glue imports no ./__wasm_split.js): wasm-opt only";
    }
    if (!existsSync(original)) throw new Error(`${original} missing: the cargo output, with its relocations, is needed`);
    execFileSync("wasm-split-cli", ["split", original, wasmFile, work], {
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, RUST_LOG: "warn" },
    });

    // The main module, optimised and named after its own bytes as shipped (trunk's name is a
    // hash of wasm-bindgen's output; the split assigns table slots, wasm-opt's flags change the
    // bytes too, and the service worker serves a known name from its cache: a name must never
    // stand for two contents), its integrity updated where index.html names it.
    const before = readFileSync(wasmFile);
    wasmOpt(path.join(work, "main.wasm"), path.join(work, "opt-main.wasm"));
    const main = readFileSync(path.join(work, "opt-main.wasm"));
    const mainName = `packet-lab-${hash16(main)}_bg.wasm`;
    writeFileSync(path.join(dir, mainName), main);
    rmSync(wasmFile);
    html = html.replaceAll(sri(before), sri(main)).replaceAll(`./${wasmName}`, `./${mainName}`);

    // The split modules and their shared chunk, optimised and named after their bytes.
    let loader = readFileSync(path.join(work, "__wasm_split.js"), "utf8");
    const lazy = [];
    for (const file of readdirSync(work).filter((f) => /^(chunk|module)_\d+_.*\.wasm$/.test(f)).sort()) {
      const out = path.join(work, `opt-${file}`);
      wasmOpt(path.join(work, file), out);
      const bytes = readFileSync(out);
      const label = file.replace(/^(chunk|module)_\d+_/, "").replace(/\.wasm$/, "").replace(/[^A-Za-z0-9]+/g, "-");
      const name = `packet-lab-${label}-${hash16(bytes)}.wasm`;
      writeFileSync(path.join(dir, name), bytes);
      const url = `"/harness/split/${file}"`;
      if (!loader.includes(url)) throw new Error(`wasm-split's glue does not name ${url} (wasm-split-cli changed?)`);
      loader = loader.replaceAll(url, `new URL(${JSON.stringify(`./${name}`)}, import.meta.url)`);
      lazy.push({ name, bytes: bytes.length });
    }
    // A module that cannot be fetched or started: wasm-split's glue logs it and returns
    // without answering, so the view would wait for ever. Answer `false` (src/split.rs then
    // says so where the view would be). The main instance is started: its initSync returns
    // its exports.
    const failed = /(\} catch \(e\) \{\n)(\s*console\.error\(\s*"Failed to load wasm-split module")/;
    if (!failed.test(loader)) throw new Error("wasm-split's glue has no catch that logs a failed load (wasm-split-cli changed?)");
    loader = loader.replace(
      failed,
      "$1      if (callbackIndex !== undefined) (initIt || globalThis.__wasm_split_main_initSync)(undefined, undefined).__indirect_function_table.get(callbackIndex)(callbackData, false);\n$2",
    );
    // The loader imports the main glue's initSync (the instance's exports, once started).
    if (!loader.includes('"./main.js"')) throw new Error("wasm-split's glue does not import ./main.js (wasm-split-cli changed?)");
    loader = loader.replace('"./main.js"', JSON.stringify(`./${glueName}`));
    const loaderName = `packet-lab-split-${hash16(loader)}.js`;
    writeFileSync(path.join(dir, loaderName), loader);
    glue = glue.replace(splitImport, `$1$2./${loaderName}$2`);
    html = html.replaceAll(sri(readFileSync(glueFile)), sri(glue));
    writeFileSync(glueFile, glue);

    const tags =
      `<link rel=modulepreload crossorigin href=./${loaderName}>` +
      // One <meta> a module: the service worker's `referenced` reads one ./URL after each `="`.
      lazy.map((l) => `<meta name=packet-lab-lazy content="./${l.name}">`).join("");
    const at = html.indexOf("</head>");
    if (at < 0) throw new Error("index.html has no </head>");
    html = html.slice(0, at) + tags + html.slice(at);
    writeFileSync(indexFile, html);
    return `main ${main.length} B (wasm-bindgen output ${before.length} B); ${lazy.map((l) => `${l.name} ${l.bytes} B`).join(", ")}; ${loaderName}`;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
