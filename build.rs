//! Finds the interface languages: every folder under `locales/` is one language (its name a
//! BCP 47 tag: `en`, `de`, `fr`), every `*.ftl` file in it a Fluent resource of that language.
//! Writes `$OUT_DIR/locales.rs`, a table the app includes (src/i18n/mod.rs), so adding a language
//! is adding a folder (docs/languages.md): no code names the languages.

use std::{env, fs, path::Path};

fn main() {
    let root = Path::new(&env::var("CARGO_MANIFEST_DIR").unwrap()).join("locales");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut langs: Vec<_> = fs::read_dir(&root)
        .expect("locales/ exists")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .collect();
    langs.sort_by_key(|e| e.file_name());
    let mut out = String::from("/// Every language folder of `locales/`: its tag and its Fluent sources.\n");
    out.push_str("pub static LOCALES: &[(&str, &[&str])] = &[\n");
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
            .filter(|p| tag != "en" || !p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with("engine-")))
            .collect();
        files.sort();
        out.push_str(&format!("    ({tag:?}, &["));
        for f in files {
            println!("cargo:rerun-if-changed={}", f.display());
            out.push_str(&format!("include_str!({:?}), ", f.display().to_string()));
        }
        out.push_str("]),\n");
    }
    out.push_str("];\n");
    fs::write(Path::new(&env::var("OUT_DIR").unwrap()).join("locales.rs"), out).unwrap();
}
