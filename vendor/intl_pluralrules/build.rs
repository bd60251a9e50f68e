//! Packet Lab's cut of the plural rules (see README.md): writes `$OUT_DIR/rules.rs`, the
//! upstream CLDR 37 table (`cldr37.rs`, the crate's own `src/rules.rs` unchanged) with only the
//! entries of the languages the app has, so the wasm does not carry ~200 locales' rules for
//! three. The languages are the folders of the app's `locales/` (each a BCP 47 tag), as in the
//! app's own build.rs, so adding a language is still adding a folder; English is always kept
//! (fluent-bundle falls back to its rules). An entry is kept when its language subtag is the
//! primary subtag of a folder ("pt-BR" keeps "pt" and "pt-PT"), so negotiation behaves as
//! with the full table for those languages.

use std::{env, fs, path::Path};

fn main() {
    let manifest = env::var("CARGO_MANIFEST_DIR").unwrap();
    let locales = Path::new(&manifest).join("../../locales");
    println!("cargo:rerun-if-changed=cldr37.rs");
    println!("cargo:rerun-if-changed={}", locales.display());
    let mut wanted = vec!["en".to_owned()];
    for entry in fs::read_dir(&locales).expect("the app's locales/ folder, two levels up").flatten() {
        if entry.path().is_dir() {
            let tag = entry.file_name().into_string().expect("a language folder is named by an ASCII tag");
            wanted.push(tag.split(['-', '_']).next().unwrap_or(&tag).to_ascii_lowercase());
        }
    }
    let full = fs::read_to_string(Path::new(&manifest).join("cldr37.rs")).unwrap();
    let (mut out, mut entry, mut kept) = (String::new(), None::<String>, Vec::new());
    for line in full.lines() {
        if line.starts_with("#!") {
            continue; // inner attributes: on the `mod rules` that includes this (src/lib.rs)
        }
        if line == "    (" {
            entry = Some(String::new());
        }
        match entry.as_mut() {
            Some(text) => {
                text.push_str(line);
                text.push('\n');
                if line == "    )," {
                    let text = entry.take().unwrap();
                    let lang = language(&text);
                    if wanted.contains(&lang) {
                        kept.push(lang);
                        out.push_str(&text);
                    }
                }
            }
            None => {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    assert!(entry.is_none(), "cldr37.rs: an entry without its closing `    ),`");
    for tag in &wanted {
        if !kept.contains(tag) {
            println!("cargo:warning=CLDR 37 has no plural rules for `{tag}`: fluent-bundle will use English's");
        }
    }
    fs::write(Path::new(&env::var("OUT_DIR").unwrap()).join("rules.rs"), out).unwrap();
}

/// The language subtag of a table entry: its first `Language::from_raw_unchecked(<n>u64)`, a
/// TinyStr8's bytes in a little-endian u64 ("en" is 0x6e65).
fn language(entry: &str) -> String {
    let start = entry.find("Language::from_raw_unchecked(").expect("an entry names its language")
        + "Language::from_raw_unchecked(".len();
    let digits: String = entry[start..].chars().take_while(char::is_ascii_digit).collect();
    let raw: u64 = digits.parse().expect("a u64 literal");
    raw.to_le_bytes().iter().take_while(|b| **b != 0).map(|b| char::from(*b)).collect()
}
