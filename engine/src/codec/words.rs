//! A run's words in the compact form: each event's protocol (a frame's colour and filter), its
//! one-line summary (a frame's, as `wire::summarize` writes it) and its explanation
//! ([`TraceEvent::explain_msg`]). The page's first visit shows a precomputed run before the
//! engine's module is here (issue 15), and wording a run is engine code too: the wire decoders
//! and the explanations are a sixth of the page's module. So the first visit's words are
//! precomputed with its run, and these tables read them back.
//!
//! Why not serde: a [`Msg`]'s ids and argument names are `&'static str`, which only borrowed
//! bytes can give back. [`decode`] takes `'static` bytes (a file compiled in) and lends its
//! texts from them, so the decoded words allocate no id or name. Every text (ids, names,
//! values, summaries) is interned as the run's names are: `0` then the text the first time,
//! `index + 1` after (a run repeats a few hundred texts thousands of times).

use super::{CodecError, Dec, Enc, Res, Wire};
use crate::msg::{Arg, Msg};
use crate::trace::TraceEvent;
use crate::wire::Protocol;

/// The first bytes of encoded words; the last is the form's version (1).
const MAGIC: &[u8; 4] = b"PLw\x01";

/// The encoder's texts so far, by text.
#[derive(Default)]
struct Texts(std::collections::BTreeMap<String, u64>);

/// The decoder's texts so far, in order.
#[derive(Default)]
struct Table(Vec<&'static str>);

/// What the page shows of one event, worded by the engine.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventWords {
    /// A frame's protocol (`wire::protocol`); `None` for an event that is not a frame.
    pub protocol: Option<Protocol>,
    /// A frame's summary (`wire::summarize`); `None` for an event that is not a frame.
    pub summary: Option<String>,
    /// The event's explanation.
    pub explain: Msg,
}

impl EventWords {
    /// The words of `event`.
    pub fn of(event: &TraceEvent) -> EventWords {
        let bytes = event.frame();
        EventWords {
            protocol: bytes.map(crate::wire::protocol),
            summary: bytes.map(crate::wire::summarize),
            explain: event.explain_msg(),
        }
    }
}

wire_enum!(Protocol {
    0 => Arp, 1 => IcmpEcho, 2 => IcmpError, 3 => Udp, 4 => Dhcp, 5 => Dns, 6 => Tcp, 7 => Http,
    8 => Ipv4Other, 9 => Stp, 10 => Ndp, 11 => Ipv6Control, 12 => Ipv6Other, 13 => Other,
});

/// Encodes the words of a run's events, in order.
pub fn encode(words: &[EventWords]) -> Vec<u8> {
    let mut e = Enc::framed(MAGIC);
    let t = &mut Texts::default();
    words.len().put(&mut e);
    for w in words {
        w.protocol.put(&mut e);
        match &w.summary {
            None => e.byte(0),
            Some(summary) => {
                e.byte(1);
                put_text(summary, t, &mut e);
            }
        }
        put_msg(&w.explain, t, &mut e);
    }
    e.out
}

/// The words `bytes` encode. Never panics; bytes that are not words of this version are an error.
pub fn decode(bytes: &'static [u8]) -> Res<Vec<EventWords>> {
    let mut d = Dec::framed(bytes, MAGIC, "not words of this version")?;
    // Each event takes at least three bytes: a damaged count cannot ask for a huge buffer.
    let n = d.len()?;
    let t = &mut Table::default();
    let mut words = Vec::with_capacity(n / 3);
    for _ in 0..n {
        let protocol = Wire::get(&mut d)?;
        let summary = match d.byte()? {
            0 => None,
            1 => Some(get_text(&mut d, t)?.to_owned()),
            _ => return Err(CodecError("a flag is neither 0 nor 1")),
        };
        let explain = get_msg(&mut d, t, 0)?;
        words.push(EventWords { protocol, summary, explain });
    }
    d.end(words)
}

/// How deep messages may nest in encoded words: the engine nests two or three deep; damaged
/// bytes must not recurse until the stack runs out.
const MAX_DEPTH: usize = 16;

fn put_text(text: &str, t: &mut Texts, e: &mut Enc) {
    match t.0.get(text) {
        Some(&i) => e.uint(i + 1),
        None => {
            e.byte(0);
            e.raw(text.as_bytes());
            let i = t.0.len() as u64;
            t.0.insert(text.to_owned(), i);
        }
    }
}

fn get_text(d: &mut Dec<'static>, t: &mut Table) -> Res<&'static str> {
    match d.uint()? {
        0 => {
            let text = std::str::from_utf8(d.raw()?).map_err(|_| CodecError("text is not UTF-8"))?;
            t.0.push(text);
            Ok(text)
        }
        i => usize::try_from(i - 1).ok().and_then(|i| t.0.get(i)).copied().ok_or(CodecError("an unknown text")),
    }
}

fn put_msg(msg: &Msg, t: &mut Texts, e: &mut Enc) {
    put_text(msg.id, t, e);
    msg.args.len().put(e);
    for (name, arg) in &msg.args {
        put_text(name, t, e);
        match arg {
            Arg::Text(text) => {
                e.byte(0);
                put_text(text, t, e);
            }
            Arg::Num(n) => {
                e.byte(1);
                // Zigzag, so a small negative number is a short varint.
                e.uint(((n << 1) ^ (n >> 63)) as u64);
            }
            Arg::Msg(m) => {
                e.byte(2);
                put_msg(m, t, e);
            }
            Arg::Join(list, separator) => {
                e.byte(3);
                list.len().put(e);
                for m in list {
                    put_msg(m, t, e);
                }
                put_text(separator, t, e);
            }
            Arg::Clause(m) => {
                e.byte(4);
                put_msg(m, t, e);
            }
        }
    }
}

fn get_msg(d: &mut Dec<'static>, t: &mut Table, depth: usize) -> Res<Msg> {
    if depth > MAX_DEPTH {
        return Err(CodecError("messages nest too deep"));
    }
    let id = get_text(d, t)?;
    let n = d.len()?;
    let mut args = Vec::with_capacity(n.min(8));
    for _ in 0..n {
        let name = get_text(d, t)?;
        let arg = match d.byte()? {
            0 => Arg::Text(get_text(d, t)?.to_owned()),
            1 => {
                let z = d.uint()?;
                Arg::Num(((z >> 1) as i64) ^ -((z & 1) as i64))
            }
            2 => Arg::Msg(Box::new(get_msg(d, t, depth + 1)?)),
            3 => {
                let count = d.len()?;
                let mut list = Vec::with_capacity(count.min(8));
                for _ in 0..count {
                    list.push(get_msg(d, t, depth + 1)?);
                }
                Arg::Join(list, get_text(d, t)?)
            }
            4 => Arg::Clause(Box::new(get_msg(d, t, depth + 1)?)),
            _ => return Err(CodecError("unknown argument")),
        };
        args.push((name, arg));
    }
    Ok(Msg { id, args })
}
