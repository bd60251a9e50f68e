//! [`Name`]: how the trace holds a device, port, interface, link or command
//! name: shared text, so recording an event copies a pointer, not a string.

use serde::{Serialize, Serializer};
use std::sync::Arc;

/// A device, port, interface, link or command name as the trace holds it:
/// shared text, so recording an event copies a pointer, not the string.
/// Compares equal to `&str` and `String`, derefs to `str`, serializes as a string.
///
/// A thin pointer (8 bytes on 64-bit targets, 4 on wasm32): `Arc<str>` is a fat
/// one (pointer and length, 16 bytes), and the trace's most numerous records
/// hold several names each, so every name halved is bytes off every record of a
/// storm (issue 15, docs/perf.md "Trace memory"). The extra indirection costs a
/// load when a name is read; names are made once, when the simulation is built.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Name(Arc<Box<str>>);

impl Name {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Where the shared text lives: equal for clones of one name (the
    /// decoder keys the port references it shares again by it).
    pub(crate) fn addr(&self) -> usize {
        Arc::as_ptr(&self.0) as usize
    }
}

impl std::ops::Deref for Name {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Name {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl std::borrow::Borrow<str> for Name {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl From<&str> for Name {
    fn from(s: &str) -> Name {
        Name(Arc::new(Box::from(s)))
    }
}

impl From<String> for Name {
    fn from(s: String) -> Name {
        Name(Arc::new(s.into_boxed_str()))
    }
}

impl From<Name> for String {
    fn from(n: Name) -> String {
        n.as_str().to_string()
    }
}

impl std::fmt::Display for Name {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::fmt::Debug for Name {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl Serialize for Name {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl PartialEq<str> for Name {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}
impl PartialEq<&str> for Name {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}
impl PartialEq<String> for Name {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other.as_str()
    }
}
impl PartialEq<Name> for str {
    fn eq(&self, other: &Name) -> bool {
        self == other.as_str()
    }
}
impl PartialEq<Name> for &str {
    fn eq(&self, other: &Name) -> bool {
        *self == other.as_str()
    }
}
impl PartialEq<Name> for String {
    fn eq(&self, other: &Name) -> bool {
        self.as_str() == other.as_str()
    }
}

/// A command's printed line as a `CommandOutput` record holds it: the text
/// and its length in one block (triomphe's `ThinArc`, as [`super::Frame`]
/// holds frame bytes), behind a thin pointer. 8 bytes in the record where a
/// `Box<str>` is 16, and still one allocation per line (a [`Name`] is two:
/// the throughput bench prints thousands of lines, docs/perf.md).
/// Derefs to `str`; compares, prints and serializes as its text.
#[derive(Clone)]
pub struct Line(triomphe::ThinArc<(), u8>);

impl Line {
    pub fn as_str(&self) -> &str {
        // Made from a `str` only (`From` below).
        std::str::from_utf8(&self.0.slice).expect("a line is UTF-8")
    }
}

impl std::ops::Deref for Line {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl From<&str> for Line {
    fn from(s: &str) -> Line {
        Line(triomphe::ThinArc::from_header_and_slice((), s.as_bytes()))
    }
}

impl From<String> for Line {
    fn from(s: String) -> Line {
        Line::from(s.as_str())
    }
}

impl From<Line> for String {
    fn from(l: Line) -> String {
        l.as_str().to_string()
    }
}

impl PartialEq for Line {
    fn eq(&self, other: &Line) -> bool {
        self.as_str() == other.as_str()
    }
}
impl Eq for Line {}

impl std::fmt::Display for Line {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::fmt::Debug for Line {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl Serialize for Line {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}
