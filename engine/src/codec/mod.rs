//! The compact binary form of a run's outcome: how the engine's Web Worker hands a finished
//! run to the page (issue 19, docs/worker.md).
//!
//! Why not the trace's serde form: that is `trace.json`'s shape, written for people and jq
//! (internally tagged events, frames as hex, no `Deserialize`), and a non-self-describing
//! serde format such as postcard cannot carry internally tagged or flattened enums. Why not
//! JSON through `serde_json`: a 100 k-event trace is tens of MB of text to build and parse,
//! and the parse would run on the page's thread, the one the worker is there to keep free.
//!
//! The format (version [`VERSION`]), little more than the values in field order:
//! - integers are LEB128 varints (`u8` too), booleans one byte, addresses their 4 or 6 bytes;
//! - [`Name`]s and frame bytes are interned: `0` then the value the first time, `index + 1`
//!   after, so a device name is written once and a frame flooded to 1,000 ports once (the
//!   decoder shares them again, as the engine did);
//! - an event's time is the difference from the previous event's (the trace is in time order);
//! - enums are a variant byte then the variant's fields (the tables in [`types`]).
//!
//! The topology is not in it: the page validates the same lab anyway and passes it to
//! [`decode`]. Decoding never panics: bytes that do not parse give a [`CodecError`].
//! A new field or event variant must be added to [`types`]; the compiler points there, because
//! every table destructures its type completely.

use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

use crate::scenario::Topology;
use crate::sim::RunOutcome;
use crate::trace::{Frame, Hop, LinkTiming, Name, Out, PortRef};
use crate::vec_map::VecMap;

/// A struct: its fields in order.
macro_rules! wire_struct {
    ($ty:ident { $($f:ident),* $(,)? }) => {
        impl Wire for $ty {
            fn put(&self, e: &mut Enc) {
                let $ty { $($f),* } = self;
                $( $f.put(e); )*
            }
            fn get(d: &mut Dec) -> Res<Self> {
                Ok($ty { $($f: Wire::get(d)?),* })
            }
        }
    };
}

/// An enum: a variant byte, then that variant's fields in order (named, or one unnamed field:
/// `3 => Var(field)`).
macro_rules! wire_enum {
    ($ty:ident { $( $tag:literal => $var:ident $({ $($f:ident),* $(,)? })? $(($g:ident))? ),* $(,)? }) => {
        impl Wire for $ty {
            fn put(&self, e: &mut Enc) {
                match self {
                    $( $ty::$var $({ $($f),* })? $(($g))? => {
                        e.byte($tag);
                        $($( $f.put(e); )*)?
                        $( $g.put(e); )?
                    } )*
                }
            }
            fn get(d: &mut Dec) -> Res<Self> {
                Ok(match d.byte()? {
                    $( $tag => $ty::$var $({ $($f: Wire::get(d)?),* })? $(({ let $g = Wire::get(d)?; $g }))?, )*
                    _ => return Err(CodecError(concat!("unknown ", stringify!($ty)))),
                })
            }
        }
    };
}

pub mod lab;
pub mod scenario;
pub mod words;
mod types;

/// The first bytes of every encoded run: a page and a worker of different builds refuse
/// each other's bytes instead of misreading them.
const MAGIC: &[u8; 4] = b"PLr\x05";
/// The format version, in [`MAGIC`]'s last byte. 2: an event no longer carries
/// its number (issue 15). 3: `FrameSent` no longer carries `t_start` (the
/// event's time) nor `subinterface` (a port carries it, `PortRef::sub`).
/// 4: `SwitchForward` and `MacLearned` write their device and port as one
/// port (`at`: device, port, subinterface), as the record holds them.
/// 5: `FrameSent` no longer carries `t_end`; its hop carries the cable's
/// timing (delay, picoseconds per byte), which `t_end` is derived from.
/// `FrameReceived` writes the hop it came over instead of its port and link.
/// A port writes its VLAN after its subinterface; `SwitchForward`,
/// `MacLearned` and `MacAged` no longer write one of their own (their port
/// carries it), and `MacAged` writes its device and port as one port.
pub const VERSION: u8 = 5;

/// Bytes that are not an encoded run of this version.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodecError(pub &'static str);

impl fmt::Display for CodecError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the run's data is damaged ({})", self.0)
    }
}

type Res<T> = Result<T, CodecError>;

/// Encodes everything of `outcome` but its topology.
pub fn encode(outcome: &RunOutcome) -> Vec<u8> {
    let mut e = Enc { out: Vec::with_capacity(64 * outcome.trace.events.len() + 64), ..Enc::default() };
    e.out.extend_from_slice(MAGIC);
    types::put_outcome(outcome, &mut e);
    e.out
}

/// The outcome `bytes` encode, with `topology` (the lab's, validated by the caller).
pub fn decode(bytes: &[u8], topology: Arc<Topology>) -> Res<RunOutcome> {
    let mut d = Dec::framed(bytes, MAGIC, "not a run of this version")?;
    let outcome = types::get_outcome(&mut d, topology)?;
    d.end(outcome)
}

/// The encoder: the bytes so far and the interning tables.
#[derive(Default)]
pub(crate) struct Enc {
    out: Vec<u8>,
    /// Names written so far, by text.
    names: BTreeMap<Arc<str>, u64>,
    /// Frames written so far, by the address of their shared bytes.
    frames: BTreeMap<usize, u64>,
    /// The previous event's time, ns.
    time: u64,
}

impl Enc {
    /// An encoder whose bytes start with `magic` (each form's own, its version last).
    fn framed(magic: &[u8]) -> Enc {
        let mut e = Enc::default();
        e.out.extend_from_slice(magic);
        e
    }

    fn byte(&mut self, b: u8) {
        self.out.push(b);
    }

    fn uint(&mut self, mut v: u64) {
        while v >= 0x80 {
            self.out.push(v as u8 | 0x80);
            v >>= 7;
        }
        self.out.push(v as u8);
    }

    fn raw(&mut self, bytes: &[u8]) {
        self.uint(bytes.len() as u64);
        self.out.extend_from_slice(bytes);
    }
}

/// The decoder: the bytes, the position, and the values interned so far.
pub(crate) struct Dec<'a> {
    bytes: &'a [u8],
    at: usize,
    names: Vec<Name>,
    frames: Vec<Frame>,
    /// Ports decoded so far, by their names' addresses in `names` and their VLAN.
    ports: VecMap<(usize, usize, usize, Option<u16>), PortRef>,
    /// Link directions decoded so far, by the link's name's address, the
    /// two ports' and the timing (one shared `Hop` each, as the simulation
    /// made them).
    hops: VecMap<(usize, usize, usize, LinkTiming), Hop>,
    /// Switch decisions decoded so far, by how (0: a port, 1: a flood) and
    /// their ports' names' addresses (shared again, as the simulation did).
    outs: VecMap<(u8, Vec<usize>), Out>,
    time: u64,
}

impl<'a> Dec<'a> {
    /// A decoder of `bytes` past their first bytes, `magic` (each form's own, its version
    /// last); `not` says what the bytes are not when they start otherwise.
    fn framed(bytes: &'a [u8], magic: &[u8], not: &'static str) -> Res<Dec<'a>> {
        let mut d = Dec::new(bytes);
        if d.take(magic.len())? != magic {
            return Err(CodecError(not));
        }
        Ok(d)
    }

    /// `value`, decoded, when no byte is left after it.
    fn end<T>(&self, value: T) -> Res<T> {
        if self.at != self.bytes.len() {
            return Err(CodecError("bytes after the end"));
        }
        Ok(value)
    }

    fn new(bytes: &'a [u8]) -> Dec<'a> {
        Dec {
            bytes,
            at: 0,
            names: Vec::new(),
            frames: Vec::new(),
            ports: VecMap::new(),
            hops: VecMap::new(),
            outs: VecMap::new(),
            time: 0,
        }
    }

    fn take(&mut self, n: usize) -> Res<&'a [u8]> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len()).ok_or(CodecError("cut short"))?;
        let out = &self.bytes[self.at..end];
        self.at = end;
        Ok(out)
    }

    fn byte(&mut self) -> Res<u8> {
        Ok(self.take(1)?[0])
    }

    fn uint(&mut self) -> Res<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            v |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Ok(v);
            }
        }
        Err(CodecError("a number is too long"))
    }

    /// A length: bounded by the bytes left, so a damaged length cannot ask for a huge buffer.
    fn len(&mut self) -> Res<usize> {
        let n = self.uint()?;
        usize::try_from(n).ok().filter(|&n| n <= self.bytes.len() - self.at).ok_or(CodecError("a length is too long"))
    }

    fn raw(&mut self) -> Res<&'a [u8]> {
        let n = self.len()?;
        self.take(n)
    }
}

/// A value in the compact form: written by `put`, read back by `get`.
pub(crate) trait Wire: Sized {
    fn put(&self, e: &mut Enc);
    fn get(d: &mut Dec) -> Res<Self>;
}

macro_rules! wire_uint {
    ($($t:ty),*) => {$(
        impl Wire for $t {
            fn put(&self, e: &mut Enc) {
                e.uint(*self as u64);
            }
            fn get(d: &mut Dec) -> Res<Self> {
                <$t>::try_from(d.uint()?).map_err(|_| CodecError("a number is out of range"))
            }
        }
    )*};
}
wire_uint!(u8, u16, u32, u64, usize);

/// The exact bits (any NaN, `-0.0`), byte-reversed into a varint: a round number's mantissa
/// ends in zero bytes, so a position such as `340.0` takes 3 bytes, not 8.
impl Wire for f64 {
    fn put(&self, e: &mut Enc) {
        e.uint(self.to_bits().swap_bytes());
    }
    fn get(d: &mut Dec) -> Res<Self> {
        Ok(f64::from_bits(d.uint()?.swap_bytes()))
    }
}

impl Wire for bool {
    fn put(&self, e: &mut Enc) {
        e.byte(u8::from(*self));
    }
    fn get(d: &mut Dec) -> Res<Self> {
        match d.byte()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(CodecError("a flag is neither 0 nor 1")),
        }
    }
}

impl Wire for String {
    fn put(&self, e: &mut Enc) {
        e.raw(self.as_bytes());
    }
    fn get(d: &mut Dec) -> Res<Self> {
        String::from_utf8(d.raw()?.to_vec()).map_err(|_| CodecError("text is not UTF-8"))
    }
}

/// Written as a `String` is.
impl Wire for crate::trace::Line {
    fn put(&self, e: &mut Enc) {
        e.raw(self.as_bytes());
    }
    fn get(d: &mut Dec) -> Res<Self> {
        String::get(d).map(crate::trace::Line::from)
    }
}

/// Written as a `String` is.
impl Wire for Box<str> {
    fn put(&self, e: &mut Enc) {
        e.raw(self.as_bytes());
    }
    fn get(d: &mut Dec) -> Res<Self> {
        String::get(d).map(String::into_boxed_str)
    }
}

impl Wire for Name {
    fn put(&self, e: &mut Enc) {
        match e.names.get(self.as_str()) {
            Some(&i) => e.uint(i + 1),
            None => {
                let i = e.names.len() as u64;
                e.names.insert(Arc::from(self.as_str()), i);
                e.uint(0);
                e.raw(self.as_bytes());
            }
        }
    }
    fn get(d: &mut Dec) -> Res<Self> {
        match d.uint()? {
            0 => {
                let text = std::str::from_utf8(d.raw()?).map_err(|_| CodecError("a name is not UTF-8"))?;
                let name = Name::from(text);
                d.names.push(name.clone());
                Ok(name)
            }
            i => d.names.get(i as usize - 1).cloned().ok_or(CodecError("a name refers to nothing")),
        }
    }
}

impl Wire for Frame {
    fn put(&self, e: &mut Enc) {
        let key = self.addr();
        match e.frames.get(&key) {
            Some(&i) => e.uint(i + 1),
            None => {
                let i = e.frames.len() as u64;
                e.frames.insert(key, i);
                e.uint(0);
                e.raw(self);
            }
        }
    }
    fn get(d: &mut Dec) -> Res<Self> {
        match d.uint()? {
            0 => {
                let bytes = Frame::from(d.raw()?);
                d.frames.push(bytes.clone());
                Ok(bytes)
            }
            i => d.frames.get(i as usize - 1).cloned().ok_or(CodecError("a frame refers to nothing")),
        }
    }
}

impl<T: Wire> Wire for Option<T> {
    fn put(&self, e: &mut Enc) {
        match self {
            None => e.byte(0),
            Some(v) => {
                e.byte(1);
                v.put(e);
            }
        }
    }
    fn get(d: &mut Dec) -> Res<Self> {
        match d.byte()? {
            0 => Ok(None),
            1 => Ok(Some(T::get(d)?)),
            _ => Err(CodecError("an optional value's tag is neither 0 nor 1")),
        }
    }
}

impl<T: Wire> Wire for Vec<T> {
    fn put(&self, e: &mut Enc) {
        e.uint(self.len() as u64);
        for v in self {
            v.put(e);
        }
    }
    fn get(d: &mut Dec) -> Res<Self> {
        // Every value takes at least one byte: `len` bounds the allocation by the input.
        let n = d.len()?;
        let mut out = Vec::with_capacity(n);
        for _ in 0..n {
            out.push(T::get(d)?);
        }
        Ok(out)
    }
}

/// Written as a `Vec` is.
impl<T: Wire> Wire for Box<[T]> {
    fn put(&self, e: &mut Enc) {
        e.uint(self.len() as u64);
        for v in self.iter() {
            v.put(e);
        }
    }
    fn get(d: &mut Dec) -> Res<Self> {
        Vec::get(d).map(Vec::into_boxed_slice)
    }
}

impl<T: Wire> Wire for Box<T> {
    fn put(&self, e: &mut Enc) {
        (**self).put(e);
    }
    fn get(d: &mut Dec) -> Res<Self> {
        Ok(Box::new(T::get(d)?))
    }
}

impl<T: Wire> Wire for [T; 2] {
    fn put(&self, e: &mut Enc) {
        self[0].put(e);
        self[1].put(e);
    }
    fn get(d: &mut Dec) -> Res<Self> {
        Ok([T::get(d)?, T::get(d)?])
    }
}

impl<A: Wire, B: Wire> Wire for (A, B) {
    fn put(&self, e: &mut Enc) {
        self.0.put(e);
        self.1.put(e);
    }
    fn get(d: &mut Dec) -> Res<Self> {
        Ok((A::get(d)?, B::get(d)?))
    }
}

impl<K: Wire + Ord, V: Wire> Wire for crate::vec_map::VecMap<K, V> {
    fn put(&self, e: &mut Enc) {
        e.uint(self.len() as u64);
        for (k, v) in self {
            k.put(e);
            v.put(e);
        }
    }
    fn get(d: &mut Dec) -> Res<Self> {
        let n = d.len()?;
        let mut out = crate::vec_map::VecMap::new();
        for _ in 0..n {
            let k = K::get(d)?;
            out.insert(k, V::get(d)?);
        }
        Ok(out)
    }
}
