//! The field path a refused lab or exercise file names comes from a scan of the
//! text at serde_json's error position (`scenario/json.rs`), not from a
//! path-tracking deserializer (which would double every Deserialize impl in the
//! wasm). Here it is checked against serde_path_to_error on thousands of broken
//! variants of every example and exercise: a wrong type for every value, an
//! unknown field in every object, every field removed from every object, and
//! the text cut short or with a stray byte at many places (those syntax errors
//! only need some path: serde_path_to_error writes a half-read key as `?`).

use packet_engine::exercise::{course, Exercise};
use packet_engine::{examples, Scenario};
use serde_json::Value;

/// Every broken variant of `doc`: (what was done, the JSON text).
fn variants(doc: &Value) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut paths = Vec::new();
    collect(doc, &mut Vec::new(), &mut paths);
    for path in paths {
        let mut wrong_type = doc.clone();
        let target = pointer(&mut wrong_type, &path);
        *target = match target {
            Value::String(_) => Value::from(7),
            Value::Number(_) => Value::from("seven"),
            Value::Bool(_) => Value::from(1),
            Value::Array(_) => Value::from(true),
            Value::Object(_) => Value::from("x"),
            Value::Null => Value::from(false),
        };
        out.push((format!("wrong type at {path:?}"), wrong_type.to_string()));
        if let Value::Object(map) = pointer(&mut doc.clone(), &path) {
            let mut extra = doc.clone();
            if let Value::Object(m) = pointer(&mut extra, &path) {
                m.insert("zzz_unknown".into(), Value::from(1));
            }
            out.push((format!("unknown field in {path:?}"), extra.to_string()));
            // Pretty, so positions fall on other lines too.
            out.push((
                format!("unknown field in {path:?} (pretty)"),
                serde_json::to_string_pretty(&extra).unwrap(),
            ));
            for key in map.keys().take(64) {
                let mut missing = doc.clone();
                if let Value::Object(m) = pointer(&mut missing, &path) {
                    m.remove(key);
                }
                out.push((format!("{key} removed from {path:?}"), missing.to_string()));
            }
        }
    }
    // Cut short and misspelled: syntax errors at many places.
    let text = doc.to_string();
    for cut in (1..text.len()).step_by(37) {
        if text.is_char_boundary(cut) {
            out.push((format!("cut at {cut}"), text[..cut].to_string()));
            out.push((
                format!("junk at {cut}"),
                format!("{}#{}", &text[..cut], &text[cut..]),
            ));
        }
    }
    out
}

fn collect(v: &Value, at: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    out.push(at.clone());
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                at.push(k.clone());
                collect(x, at, out);
                at.pop();
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                at.push(i.to_string());
                collect(x, at, out);
                at.pop();
            }
        }
        _ => {}
    }
}

fn pointer<'a>(v: &'a mut Value, path: &[String]) -> &'a mut Value {
    // RFC 6901: '~' and '/' inside a key (a web page path such as "/") are escaped.
    let p: String = path.iter().map(|s| format!("/{}", s.replace('~', "~0").replace('/', "~1"))).collect();
    v.pointer_mut(&p).unwrap()
}

/// serde_path_to_error's path for the same text, or `root` for the document.
fn reference<T: serde::de::DeserializeOwned>(text: &str, root: &str) -> Option<String> {
    let mut de = serde_json::Deserializer::from_str(text);
    let err = serde_path_to_error::deserialize::<_, T>(&mut de).err()?;
    let path = err.path().to_string();
    Some(if path == "." || path == "?" {
        root.into()
    } else {
        path
    })
}

#[test]
fn paths_match_serde_path_to_error() {
    let mut checked = 0;
    let mut mismatches = Vec::new();
    for (stem, s) in examples::all() {
        let doc = serde_json::to_value(&s).unwrap();
        for (what, text) in variants(&doc) {
            let Some(want) = reference::<Scenario>(&text, "scenario") else {
                continue;
            };
            let got = Scenario::from_json(&text).unwrap_err();
            checked += 1;
            // Broken syntax: serde_path_to_error names a half-read key `?`; the
            // scan names the value it stopped in. Only a path is required.
            if what.starts_with("cut") || what.starts_with("junk") {
                assert!(!got.path.is_empty());
                continue;
            }
            if got.path != want {
                mismatches.push(format!(
                    "{stem}: {what}: got {} want {want} ({})",
                    got.path, got.message
                ));
            }
        }
    }
    for ex in course() {
        let doc = serde_json::to_value(&ex).unwrap();
        for (what, text) in variants(&doc) {
            let Some(want) = reference::<Exercise>(&text, "exercise") else {
                continue;
            };
            let got = Exercise::from_json(&text).unwrap_err();
            checked += 1;
            if what.starts_with("cut") || what.starts_with("junk") {
                assert!(!got.path.is_empty());
                continue;
            }
            if got.path != want {
                mismatches.push(format!(
                    "{}: {what}: got {} want {want} ({})",
                    ex.id, got.path, got.message
                ));
            }
        }
    }
    assert!(checked > 1000, "only {checked} broken variants");
    assert!(
        mismatches.is_empty(),
        "{} of {checked} paths differ, e.g.:\n{}",
        mismatches.len(),
        mismatches
            .iter()
            .take(25)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}
