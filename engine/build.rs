//! Finds the engine's English messages: every `locales/en/engine-*.ftl` of the repository
//! (the app reads the same folder for every language; docs/languages.md). Writes
//! `$OUT_DIR/english.rs`, the list src/msg.rs includes, so adding a file needs no code.
//!
//! Three lists: `ENGLISH`; `ENGLISH_MORE` for the files of [`MORE`] and [`CHECKS`]; and
//! `ENGLISH_CHECKS` for those of [`CHECKS`] alone. The browser's page compiles in only the
//! first; the second comes with the page's engine module (issue 15: src/msg.rs, the app's
//! src/i18n/mod.rs and docs/size.md say why that is safe); the engine's worker, which words
//! only a lab's validation error, adds the third.

use std::{env, fs, path::Path};

/// The files whose messages are only ever worded once the page's engine module is here: the
/// diagnoses, predict mode's questions, the exercises' checks, the what-if's sentences, the
/// inspector's field notes, and the explanations of events no run but an engine's has (STP,
/// IPv6, path MTU: the first visit's precomputed run has none, the app's test
/// `the_first_visit_is_worded_without_the_engines_messages` checks it).
const MORE: &[&str] = &[
    "engine-diagnose.ftl",
    "engine-exercise.ftl",
    "engine-explain-inspector.ftl",
    "engine-explain-ipv6.ftl",
    "engine-explain-mtu.ftl",
    "engine-explain-stp.ftl",
    "engine-explain-whatif.ftl",
    "engine-predict.ftl",
];

/// The validation messages of a lab and of a typed command: validation and the command parser
/// are the engine module's code (the page validates nothing before it is here), and the
/// worker words a lab's error with them. What the page says of a file, a link or a progress
/// file before the engine is here is in `engine-invalid-file.ftl` and `engine-invalid-link.ftl`.
const CHECKS: &[&str] = &["engine-invalid-command.ftl", "engine-invalid.ftl"];

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
    let mut out = String::from("/// The English engine catalogue: `locales/en/engine-*.ftl` but build.rs's `MORE`.\npub static ENGLISH: &[&str] = &[\n");
    let mut more = String::from("/// The rest of the English engine catalogue: build.rs's `MORE` and `CHECKS`.\npub static ENGLISH_MORE: &[&str] = &[\n");
    let mut checks = String::from("/// The validation messages: build.rs's `CHECKS`.\npub static ENGLISH_CHECKS: &[&str] = &[\n");
    for name in MORE.iter().chain(CHECKS) {
        assert!(files.iter().any(|f| f.file_name().is_some_and(|n| n == *name)), "build.rs MORE names {name}, not in locales/en");
    }
    for f in files {
        println!("cargo:rerun-if-changed={}", f.display());
        // Compiled in without its comments (translators' notes).
        let text = fs::read_to_string(&f).unwrap();
        let stripped = Path::new(&env::var("OUT_DIR").unwrap()).join(f.file_name().unwrap());
        fs::write(&stripped, without_comments(&text)).unwrap();
        let line = format!("    include_str!({:?}),\n", stripped.display().to_string());
        if CHECKS.iter().any(|m| f.file_name().is_some_and(|n| n == *m)) {
            more.push_str(&line);
            checks.push_str(&line);
        } else if MORE.iter().any(|m| f.file_name().is_some_and(|n| n == *m)) {
            more.push_str(&line);
        } else {
            out.push_str(&line);
        }
    }
    out.push_str("];\n");
    more.push_str("];\n");
    checks.push_str("];\n");
    out.push_str(&more);
    out.push_str(&checks);
    fs::write(Path::new(&env::var("OUT_DIR").unwrap()).join("english.rs"), out).unwrap();
}

/// A Fluent source without its comment lines and blank lines: a comment starts in column 0 with
/// `#` (a pattern's continuation lines are indented), and a message never needs either.
fn without_comments(text: &str) -> String {
    text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).flat_map(|l| [l, "\n"]).collect()
}
