//! Reading a lab or exercise file from JSON, naming the field at fault.
//!
//! The file is read once, with plain `serde_json`. When that fails, the field
//! path for the message (`devices[1].kind`) is recovered from the error's line
//! and column by [`path_at`], a small scan of the text that tracks which object
//! key and array index each byte lies in. A path-tracking deserializer
//! (`serde_path_to_error`) would give the same paths, but it wraps every
//! `Deserialize` impl in a second copy: about 13 KB of gzip in the wasm, which
//! issue 15 measured and removed.

use super::error::{ErrorKind, ScenarioError};

/// Deserializes `text` as a `T`, naming the field at fault in the error (`devices[1].kind`);
/// problems with the document as a whole are reported at `root`. Never panics.
pub(crate) fn parse_json<T: serde::de::DeserializeOwned>(
    text: &str,
    root: &str,
) -> Result<T, ScenarioError> {
    // A file over the size limit is refused before serde reads it (issue 19).
    super::limits::check_file_size(text.len(), root)?;
    serde_json::from_str::<T>(text).map_err(|err| locate(text, root, err))
}

/// The error with the path of the value it is about.
#[cold]
#[inline(never)]
fn locate(text: &str, root: &str, err: serde_json::Error) -> ScenarioError {
    // The value the error is in, whether its shape (Data) or its spelling
    // (Syntax) is wrong; where the text ends early, the value left open.
    let path = path_at(
        text,
        value_end(text, offset_of(text, err.line(), err.column())),
    );
    let path = if path.is_empty() {
        root.to_string()
    } else {
        path
    };
    // serde_json's own sentence ("expected `,` or `}` at line 3 column 5") stays as it is
    // in every language: the catalogue's frame around it is translated.
    ScenarioError::of(ErrorKind::Syntax, path, crate::msg!("invalid-json", detail = err.to_string()))
}

/// The byte offset serde_json's (1-based line, column) stands for: the number of
/// bytes it had consumed (`position_of_index`).
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let mut start = 0;
    for _ in 1..line {
        match text[start..].find('\n') {
            Some(n) => start += n + 1,
            None => return text.len(),
        }
    }
    (start + column).min(text.len())
}

/// Where the value an error is about ends. serde_json reports an error that
/// a value's own `Deserialize` raised after the fact (an internally tagged
/// check with an unknown field) once it has also read the separator after
/// that value: a `,`, or the `]` closing the array whose last element it was.
/// Neither belongs to the value, so the path is taken before them.
fn value_end(text: &str, end: usize) -> usize {
    // A peeked position can fall inside a multi-byte character.
    let mut end = end.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let before = text[..end].trim_end();
    if let Some(rest) = before.strip_suffix(',') {
        return rest.len();
    }
    if let Some(rest) = before.strip_suffix(']') {
        if rest.trim_end().ends_with('}') {
            return rest.len();
        }
    }
    end
}

/// One open container while scanning.
enum Open {
    /// An object and the key whose value is being read (if one is).
    Object(Option<String>),
    /// An array and the index of the element being read.
    Array(usize),
}

/// The path (`devices[1].kind`, `goal[0]`) of the value that `text[..end]`
/// stops in, written as serde_path_to_error writes it; empty at the top level.
/// A key counts from its closing quote, an element from its first byte.
pub(crate) fn path_at(text: &str, end: usize) -> String {
    let bytes = &text.as_bytes()[..end.min(text.len())];
    let mut stack: Vec<Open> = Vec::new();
    // Inside an object, between `{`/`,` and the key's closing quote.
    let mut expect_key = false;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                let start = i + 1;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                if expect_key && i < bytes.len() {
                    if let Some(Open::Object(key)) = stack.last_mut() {
                        *key = Some(text[start..i].to_string());
                    }
                    expect_key = false;
                }
            }
            b'{' => {
                stack.push(Open::Object(None));
                expect_key = true;
            }
            b'[' => {
                stack.push(Open::Array(0));
                expect_key = false;
            }
            b'}' | b']' => {
                stack.pop();
                expect_key = false;
            }
            b',' => match stack.last_mut() {
                Some(Open::Object(key)) => {
                    *key = None;
                    expect_key = true;
                }
                Some(Open::Array(n)) => *n += 1,
                None => {}
            },
            _ => {}
        }
        i += 1;
    }
    let mut path = String::new();
    for open in &stack {
        match open {
            Open::Object(Some(key)) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Open::Object(None) => {}
            Open::Array(n) => path.push_str(&format!("[{n}]")),
        }
    }
    path
}

#[cfg(test)]
mod tests {
    use super::path_at;

    fn at(text: &str, marker: &str) -> String {
        path_at(text, text.find(marker).unwrap() + marker.len())
    }

    #[test]
    fn an_error_inside_a_multibyte_character_is_no_panic() {
        for text in ["é", "{\"a\": é}", "{\"é\": [1, é", "[\"x\", ü"] {
            let e = super::parse_json::<serde_json::Value>(text, "scenario");
            assert!(e.is_err(), "{text}");
        }
        let e = super::parse_json::<crate::Scenario>("{\"name\": 1é}", "scenario").unwrap_err();
        assert!(!e.path.is_empty());
    }

    #[test]
    fn paths_name_keys_and_indices() {
        let t = r#"{ "devices": [ { "id": "a" }, { "id": "b", "kind": "swich" } ], "x": 1 }"#;
        assert_eq!(at(t, r#""swich""#), "devices[1].kind");
        assert_eq!(at(t, r#""b""#), "devices[1].id");
        assert_eq!(at(t, r#""kind""#), "devices[1].kind");
        assert_eq!(at(t, r#""swich" }"#), "devices[1]");
        assert_eq!(at(t, r#""x""#), "x");
        assert_eq!(at(t, "{"), "");
        assert_eq!(at(r#"{ "a\"b": [1, [2, 3"#, "3"), "a\\\"b[1][1]");
    }
}
