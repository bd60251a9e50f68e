//! Checks of the sources that the browser build's flags depend on.
//!
//! The wasm build formats no `{:?}` (`-Zfmt-debug=none` in ./lab: `Debug` code and `str`'s
//! escaping tables leave every module, docs/size.md). Natively `Debug` works as always, so no
//! native test would notice a text a user reads that a browser shows empty: this test reads the
//! sources that run in the browser (the page, the engine, the engine's worker) and fails on any
//! `{:?}` outside tests and the messages of a panic (which, with `-Cpanic=immediate-abort`,
//! are never formatted either).

use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`, but a native-only binary's (`bin/`) and test files.
fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir).expect("a source folder").map(|e| e.expect("an entry").path()).collect();
    entries.sort();
    for path in entries {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_owned();
        if path.is_dir() {
            if name != "bin" {
                sources(&path, out);
            }
        } else if name.ends_with(".rs") && !name.ends_with("tests.rs") && name != "build_tests.rs" {
            out.push(path);
        }
    }
}

/// The `{…:?}` / `{…:#?}` placeholders of a line of code (not of a comment).
fn debug_placeholders(line: &str) -> usize {
    let code = line.trim_start();
    if code.starts_with("//") {
        return 0;
    }
    let bytes = code.as_bytes();
    let mut found = 0;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'{' {
            let end = code[i..].find('}').map(|e| i + e);
            if let Some(end) = end {
                let inner = &code[i + 1..end];
                let spec = inner.rsplit_once(':').map(|(name, spec)| (name, spec));
                if let Some((name, spec)) = spec {
                    let name_ok = name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.');
                    if name_ok && (spec == "?" || spec == "#?") {
                        found += 1;
                    }
                }
            }
        }
        i += 1;
    }
    found
}

/// Lines whose `{:?}` is never formatted in the browser: a panic's message.
fn is_panic_message(line: &str) -> bool {
    ["assert", "panic!(", "unreachable!(", ".expect(", "todo!("].iter().any(|p| line.contains(p))
}

/// The `{:?}` of `text` outside `#[cfg(test)]` items and panics, as `line: text`.
fn debug_formats(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    // Inside a `#[cfg(test)]` item: the depth of braces at which it ends, once it opened one.
    let mut skipping: Option<(i32, bool)> = None;
    let mut depth = 0i32;
    for (n, line) in text.lines().enumerate() {
        let opens = line.matches('{').count() as i32;
        let closes = line.matches('}').count() as i32;
        if line.trim_start().starts_with("#[cfg(test)]") {
            skipping = Some((depth, false));
            continue;
        }
        if let Some((start, opened)) = skipping.as_mut() {
            depth += opens - closes;
            *opened |= opens > 0;
            // The item ends where its braces close again (or at a `;` before any brace).
            if (*opened && depth <= *start) || (!*opened && line.trim_end().ends_with(';')) {
                skipping = None;
            }
            continue;
        }
        depth += opens - closes;
        if debug_placeholders(line) > 0 && !is_panic_message(line) {
            found.push(format!("{}: {}", n + 1, line.trim()));
        }
    }
    found
}

#[test]
fn the_scanner_finds_debug_formats_outside_tests() {
    let text = "fn a() -> String { format!(\"{x:?}\") }\n\
                #[cfg(test)]\nmod tests {\n    fn b() { let _ = format!(\"{:?}\", 1); }\n}\n\
                fn c() { assert!(true, \"{:#?}\", 2); }\n\
                // a comment: {:?}\n\
                fn d() -> String { format!(\"{:#?} {y}\", 3) }\n";
    assert_eq!(debug_formats(text), ["1: fn a() -> String { format!(\"{x:?}\") }", "8: fn d() -> String { format!(\"{:#?} {y}\", 3) }"]);
    // Display placeholders and a formatted width are not Debug.
    assert_eq!(debug_formats("fn e() -> String { format!(\"{x} {:>4} {y:.2}\", 1) }\n"), Vec::<String>::new());
}

#[test]
fn no_text_is_worded_by_debug() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["src", "engine/src", "engine-worker/src"] {
        sources(&root.join(dir), &mut files);
    }
    assert!(files.len() > 100, "the sources were not found: {}", files.len());
    let mut found = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("a source file");
        for hit in debug_formats(&text) {
            found.push(format!("{}:{hit}", file.strip_prefix(root).unwrap_or(file).display()));
        }
    }
    assert!(
        found.is_empty(),
        "the browser build formats no `{{:?}}` (-Zfmt-debug=none): word these with Display or a name instead:\n{}",
        found.join("\n")
    );
}
