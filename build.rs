//! Finds the interface languages: every folder under `locales/` is one language (its name a
//! BCP 47 tag: `en`, `de`, `fr`), every `*.ftl` file in it a Fluent resource of that language.
//! Writes `$OUT_DIR/locales.rs`, a table the app includes (src/i18n/mod.rs), so adding a language
//! is adding a folder (docs/languages.md): no code names the languages.
//!
//! English is compiled into the app. In the browser build (wasm32) every other language is
//! fetched when it is picked (issue 15: the first load carries one language, not all): the
//! table then names its files (trunk copies `locales/` into dist/, index.html's `copy-dir`)
//! with a hash of each file's contents in the query, so the service worker can keep them for
//! offline use and a new deployment's changed file is a new URL. Native builds (the tests)
//! compile every language in.

use std::{env, fs, path::Path};

/// The default language: compiled in everywhere (src/i18n/mod.rs `DEFAULT`).
const DEFAULT: &str = "en";

/// English files of views drawn only from a split module, which waits for the engine's module
/// (src/split.rs): the device and link panels and the inspector. In a browser build they are
/// `ENGLISH_VIEWS`, bytes of the engine's module, which hands them to the catalogues when it
/// arrives (src/i18n/mod.rs `add_english`), not of the first load (issue 15). Natively they
/// are compiled in with the rest, and `ENGLISH_VIEWS` is empty.
const LATER: &[&str] = &["views.ftl"];

fn main() {
    let manifest = env::var("CARGO_MANIFEST_DIR").unwrap();
    let root = Path::new(&manifest).join("locales");
    let remote = env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|a| a == "wasm32");
    if remote {
        // The split wasm (scripts/split.mjs) reads the call graph from the linker's relocations
        // and matches functions by name: keep both in cargo's output (wasm-opt drops them later).
        println!("cargo:rustc-link-arg-bins=--emit-relocs");
        println!("cargo:rustc-link-arg-bins=--keep-section=name");
    }
    println!("cargo:rerun-if-changed={}", root.display());
    let mut langs: Vec<_> = fs::read_dir(&root)
        .expect("locales/ exists")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .collect();
    langs.sort_by_key(|e| e.file_name());
    let mut out = String::from("/// Every language folder of `locales/`: its tag, its name in itself, the Fluent sources\n");
    out.push_str("/// compiled in, and the files to fetch (`locales/<tag>/<file>?h=<hash>`) when it is picked.\n");
    out.push_str("pub static LOCALES: &[Locale] = &[\n");
    let mut views = String::new();
    for lang in langs {
        let dir = lang.path();
        println!("cargo:rerun-if-changed={}", dir.display());
        let tag = lang.file_name().into_string().expect("a language folder is named by an ASCII tag");
        let mut files: Vec<_> = fs::read_dir(&dir)
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
            // English engine messages come from the engine crate (packet_engine::msg::ENGLISH),
            // which words English itself; src/i18n/mod.rs adds them, so they are in the wasm once.
            .filter(|p| tag != DEFAULT || !p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with("engine-")))
            .collect();
        files.sort();
        let mut name = tag.clone();
        let (mut sources, mut fetched) = (String::new(), String::new());
        let later = remote && tag == DEFAULT;
        for f in files {
            println!("cargo:rerun-if-changed={}", f.display());
            let text = fs::read_to_string(&f).unwrap();
            if let Some(line) = text.lines().find(|l| l.starts_with("language-name")) {
                name = line.split_once('=').map_or(name, |(_, v)| v.trim().to_owned());
            }
            if remote && tag != DEFAULT {
                let file = f.file_name().unwrap().to_str().unwrap();
                fetched.push_str(&format!("{:?}, ", format!("locales/{tag}/{file}?h={:016x}", fnv1a(text.as_bytes()))));
            } else {
                // Compiled in without its comments (translators' notes, ~9 % of the text).
                let out = Path::new(&env::var("OUT_DIR").unwrap()).join(format!("{tag}-{}", f.file_name().unwrap().to_str().unwrap()));
                fs::write(&out, without_comments(&text)).unwrap();
                let line = format!("include_str!({:?}), ", out.display().to_string());
                if later && LATER.iter().any(|l| f.file_name().is_some_and(|n| n == *l)) {
                    views.push_str(&line);
                } else {
                    sources.push_str(&line);
                }
            }
        }
        out.push_str(&format!("    Locale {{ tag: {tag:?}, name: {name:?}, sources: &[{sources}], fetch: &[{fetched}] }},\n"));
    }
    out.push_str("];\n");
    out.push_str("/// English's files of split views (`LATER`), in a browser build; natively in `LOCALES`.\n");
    out.push_str(&format!("pub static ENGLISH_VIEWS: &[&str] = &[{views}];\n"));
    fs::write(Path::new(&env::var("OUT_DIR").unwrap()).join("locales.rs"), out).unwrap();
}

/// FNV-1a, 64 bits: a file's version in its URL (not a security hash; a changed file only
/// needs a different name).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3))
}

/// A Fluent source without its comment lines and blank lines: a comment starts in column 0 with
/// `#` (a pattern's continuation lines are indented), and a message never needs either.
fn without_comments(text: &str) -> String {
    text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).flat_map(|l| [l, "\n"]).collect()
}
