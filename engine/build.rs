//! Finds the engine's English messages: every `locales/en/engine-*.ftl` of the repository
//! (the app reads the same folder for every language; docs/languages.md). Writes
//! `$OUT_DIR/english.rs`, the list src/msg.rs includes, so adding a file needs no code.

use std::{env, fs, path::Path};

fn main() {
    let dir = Path::new(&env::var("CARGO_MANIFEST_DIR").unwrap()).join("../locales/en");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = fs::read_dir(&dir)
        .expect("locales/en exists")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| {
            p.extension().is_some_and(|x| x == "ftl")
                && p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with("engine-"))
        })
        .collect();
    files.sort();
    let mut out = String::from("/// The English engine catalogue: `locales/en/engine-*.ftl`.\npub static ENGLISH: &[&str] = &[\n");
    for f in files {
        println!("cargo:rerun-if-changed={}", f.display());
        // Compiled in without its comments (translators' notes).
        let text = fs::read_to_string(&f).unwrap();
        let stripped = Path::new(&env::var("OUT_DIR").unwrap()).join(f.file_name().unwrap());
        fs::write(&stripped, without_comments(&text)).unwrap();
        out.push_str(&format!("    include_str!({:?}),\n", stripped.display().to_string()));
    }
    out.push_str("];\n");
    fs::write(Path::new(&env::var("OUT_DIR").unwrap()).join("english.rs"), out).unwrap();
}

/// A Fluent source without its comment lines and blank lines: a comment starts in column 0 with
/// `#` (a pattern's continuation lines are indented), and a message never needs either.
fn without_comments(text: &str) -> String {
    text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).flat_map(|l| [l, "\n"]).collect()
}
