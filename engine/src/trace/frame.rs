//! [`Frame`]: the bytes of a frame (or of an IP packet a device dropped), as
//! the simulation passes them from port to port and the trace keeps them.
//!
//! Why not `Arc<[u8]>`: that is a fat pointer (16 bytes: address and length),
//! and every `FrameSent`, `FrameReceived` and `FrameDropped` record holds one,
//! so it was a quarter of a storm's record (issue 15's trace memory,
//! docs/perf.md). triomphe's `ThinArc` keeps the length in the shared block
//! beside the reference count, so the pointer is 8 bytes (4 on wasm32), still
//! one allocation and one copy per frame built; triomphe has no weak count
//! either (8 bytes less per frame). Cloning is one reference-count increment,
//! so a switch flooding a frame to twenty ports stores its bytes once.

use std::fmt;
use std::ops::Deref;
use triomphe::ThinArc;

/// Shared, immutable frame bytes. Derefs to `[u8]`; compares, orders and
/// hashes as its bytes.
#[derive(Clone)]
pub struct Frame(ThinArc<(), u8>);

impl Frame {
    /// True when `a` and `b` share one buffer (not just equal bytes).
    pub fn ptr_eq(a: &Frame, b: &Frame) -> bool {
        a.0.ptr() == b.0.ptr()
    }

    /// Where the shared bytes live: equal for clones of one frame (the
    /// codec writes a frame once and refers to it after).
    pub(crate) fn addr(&self) -> usize {
        self.0.ptr() as usize
    }
}

impl Deref for Frame {
    type Target = [u8];
    #[inline]
    fn deref(&self) -> &[u8] {
        &self.0.slice
    }
}

impl AsRef<[u8]> for Frame {
    fn as_ref(&self) -> &[u8] {
        self
    }
}

impl std::borrow::Borrow<[u8]> for Frame {
    fn borrow(&self) -> &[u8] {
        self
    }
}

impl From<&[u8]> for Frame {
    fn from(bytes: &[u8]) -> Frame {
        Frame(ThinArc::from_header_and_slice((), bytes))
    }
}

impl From<&Vec<u8>> for Frame {
    fn from(bytes: &Vec<u8>) -> Frame {
        Frame::from(bytes.as_slice())
    }
}

impl From<Vec<u8>> for Frame {
    fn from(bytes: Vec<u8>) -> Frame {
        Frame::from(bytes.as_slice())
    }
}

impl PartialEq for Frame {
    fn eq(&self, other: &Frame) -> bool {
        Frame::ptr_eq(self, other) || **self == **other
    }
}
impl Eq for Frame {}

impl PartialOrd for Frame {
    fn partial_cmp(&self, other: &Frame) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Frame {
    fn cmp(&self, other: &Frame) -> std::cmp::Ordering {
        (**self).cmp(&**other)
    }
}

impl std::hash::Hash for Frame {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        (**self).hash(h)
    }
}

/// As `Arc<[u8]>` printed: the list of byte values.
impl fmt::Debug for Frame {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}

#[cfg(test)]
mod tests {
    use super::Frame;

    #[test]
    fn a_frame_is_one_thin_pointer_to_its_bytes() {
        assert_eq!(std::mem::size_of::<Frame>(), std::mem::size_of::<usize>());
        assert_eq!(std::mem::size_of::<Option<Frame>>(), std::mem::size_of::<usize>());
        let a = Frame::from(vec![1u8, 2, 3]);
        let b = a.clone();
        assert!(Frame::ptr_eq(&a, &b));
        assert_eq!(&*b, &[1, 2, 3]);
        let c = Frame::from(&[1u8, 2, 3][..]);
        assert!(!Frame::ptr_eq(&a, &c));
        assert_eq!(a, c);
        assert!(Frame::from(&[1u8, 2][..]) < a);
        assert_eq!(&*Frame::from(Vec::new()), &[] as &[u8]);
        assert_eq!(format!("{a:?}"), "[1, 2, 3]");
    }
}
