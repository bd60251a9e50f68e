//! Reading a lab or exercise file from JSON, naming the field at fault.
//!
//! The happy path is plain `serde_json`. Only when that fails is the text read
//! a second time through `serde_path_to_error`, to learn the field path for the
//! message (`devices[1].kind`): path tracking wraps every Deserialize call, and
//! keeping it off the happy path keeps it out of the common case (issue 15).

use super::error::{ErrorKind, ScenarioError};

/// Deserializes `text` as a `T`, naming the field at fault in the error (`devices[1].kind`);
/// problems with the document as a whole are reported at `root`. Never panics.
pub(crate) fn parse_json<T: serde::de::DeserializeOwned>(
    text: &str,
    root: &str,
) -> Result<T, ScenarioError> {
    match serde_json::from_str::<T>(text) {
        Ok(value) => Ok(value),
        Err(plain) => Err(locate::<T>(text, root, plain)),
    }
}

/// The second, path-tracking read of a text the plain read refused.
#[cold]
#[inline(never)]
fn locate<T: serde::de::DeserializeOwned>(
    text: &str,
    root: &str,
    plain: serde_json::Error,
) -> ScenarioError {
    let mut de = serde_json::Deserializer::from_str(text);
    let tracked: Result<T, _> = serde_path_to_error::deserialize(&mut de);
    match tracked {
        Err(err) => {
            let path = err.path().to_string();
            let path = if path == "." || path == "?" {
                root.to_string()
            } else {
                path
            };
            ScenarioError::of(ErrorKind::Syntax, path, err.into_inner().to_string())
        }
        // The value itself read; what failed is the text after it (`de.end()`).
        Ok(_) => ScenarioError::of(
            ErrorKind::Syntax,
            root,
            de.end().err().unwrap_or(plain).to_string(),
        ),
    }
}
