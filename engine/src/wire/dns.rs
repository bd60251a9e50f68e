//! DNS messages (RFC 1035): a typed [`DnsMessage`] that builds and fully parses
//! queries and responses, and the inspector's decode (header, questions,
//! answers, authority, additional, each with byte ranges).
//!
//! The 12-byte header goes through smoltcp's `DnsPacket` view. The rest is
//! written here because smoltcp's `dns` module only emits a single-question
//! *query* (`DnsRepr`) and parses A/AAAA/CNAME records without following name
//! compression pointers itself; a server needs to emit answers, SOA records in
//! the authority section and compressed names (RFC 1035 §4.1.4) as BIND and
//! dnsmasq do, and the inspector needs every record with its bytes.

use serde::Serialize;
use smoltcp::wire::{DnsFlags, DnsOpcode, DnsPacket};

use super::dhcp::Node;
use super::{be16, ipv4_at, report, ByteRange, Field, Ipv4Addr, LayerKind, Problem};

/// Header length.
pub const HEADER_LEN: usize = 12;

/// Record types used here (RFC 1035 §3.2.2, RFC 3596, RFC 6891).
pub mod rtype {
    /// IPv4 address.
    pub const A: u16 = 1;
    /// Authoritative name server.
    pub const NS: u16 = 2;
    /// Canonical name.
    pub const CNAME: u16 = 5;
    /// Start of authority.
    pub const SOA: u16 = 6;
    /// Pointer (reverse lookups).
    pub const PTR: u16 = 12;
    /// Mail exchange.
    pub const MX: u16 = 15;
    /// IPv6 address.
    pub const AAAA: u16 = 28;
    /// EDNS(0) pseudo-record.
    pub const OPT: u16 = 41;
}

/// Header flag bits (RFC 1035 §4.1.1, RFC 4035 §3.2 for AD/CD).
pub mod flag {
    /// Response.
    pub const QR: u16 = 0x8000;
    /// Authoritative answer.
    pub const AA: u16 = 0x0400;
    /// Truncated.
    pub const TC: u16 = 0x0200;
    /// Recursion desired.
    pub const RD: u16 = 0x0100;
    /// Recursion available.
    pub const RA: u16 = 0x0080;
    /// Authentic data.
    pub const AD: u16 = 0x0020;
    /// Checking disabled.
    pub const CD: u16 = 0x0010;
}

/// Response codes (RFC 1035 §4.1.1).
pub mod rcode {
    /// No error.
    pub const NOERROR: u8 = 0;
    /// Format error.
    pub const FORMERR: u8 = 1;
    /// Server failure.
    pub const SERVFAIL: u8 = 2;
    /// Name does not exist.
    pub const NXDOMAIN: u8 = 3;
    /// Not implemented.
    pub const NOTIMP: u8 = 4;
    /// Refused.
    pub const REFUSED: u8 = 5;
}

/// Wireshark's / dig's name for a record type.
pub fn type_name(t: u16) -> String {
    match t {
        rtype::A => "A".into(),
        rtype::NS => "NS".into(),
        rtype::CNAME => "CNAME".into(),
        rtype::SOA => "SOA".into(),
        rtype::PTR => "PTR".into(),
        rtype::MX => "MX".into(),
        rtype::AAAA => "AAAA".into(),
        rtype::OPT => "OPT".into(),
        n => format!("TYPE{n}"),
    }
}

/// dig's name for a response code (bind9 lib/dns/rcode.c).
pub fn rcode_name(r: u8) -> &'static str {
    match r {
        0 => "NOERROR",
        1 => "FORMERR",
        2 => "SERVFAIL",
        3 => "NXDOMAIN",
        4 => "NOTIMP",
        5 => "REFUSED",
        _ => "RESERVED",
    }
}

/// A question: name (without trailing dot), type, class (1 = IN).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Question {
    /// e.g. "example.com".
    pub name: String,
    /// Query type.
    pub qtype: u16,
    /// Class (1 = IN).
    pub qclass: u16,
}

/// Record data the engine understands; anything else stays raw.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum RData {
    /// An IPv4 address.
    A(Ipv4Addr),
    /// An IPv6 address (16 bytes).
    Aaaa([u8; 16]),
    /// A canonical name.
    Cname(String),
    /// Preference and exchange.
    Mx(u16, String),
    /// Start of authority (RFC 1035 §3.3.13).
    Soa {
        /// Primary name server.
        mname: String,
        /// Responsible mailbox.
        rname: String,
        /// Serial, refresh, retry, expire, minimum (negative-caching TTL, RFC 2308).
        times: [u32; 5],
    },
    /// Raw bytes (OPT's options, unknown types).
    Raw(Vec<u8>),
}

/// A resource record. For OPT, `class` is the UDP payload size and `ttl` the
/// extended rcode/version/flags (RFC 6891 §6.1.2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Record {
    /// Owner name ("" for the root, as in OPT).
    pub name: String,
    /// Record type.
    pub rtype: u16,
    /// Class.
    pub class: u16,
    /// Time to live in seconds.
    pub ttl: u32,
    /// The data.
    pub data: RData,
}

/// A DNS message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DnsMessage {
    /// Transaction id.
    pub id: u16,
    /// The 16-bit flags word including opcode and rcode.
    pub flags: u16,
    /// Questions.
    pub questions: Vec<Question>,
    /// Answer section.
    pub answers: Vec<Record>,
    /// Authority section.
    pub authority: Vec<Record>,
    /// Additional section (OPT goes here).
    pub additional: Vec<Record>,
}

impl DnsMessage {
    /// A query for `name`/`qtype` with the given flags (RD etc.).
    pub fn query(id: u16, flags: u16, name: &str, qtype: u16) -> DnsMessage {
        DnsMessage {
            id,
            flags,
            questions: vec![Question { name: name.trim_end_matches('.').to_string(), qtype, qclass: 1 }],
            answers: vec![],
            authority: vec![],
            additional: vec![],
        }
    }

    /// The response code.
    pub fn rcode(&self) -> u8 {
        (self.flags & 0x000f) as u8
    }

    /// True for a response.
    pub fn is_response(&self) -> bool {
        self.flags & flag::QR != 0
    }

    /// The message as bytes, names compressed against earlier names (RFC 1035 §4.1.4).
    pub fn emit(&self) -> Vec<u8> {
        let mut buf = vec![0u8; HEADER_LEN];
        {
            let mut p = DnsPacket::new_unchecked(&mut buf[..]);
            p.set_transaction_id(self.id);
            p.set_flags(DnsFlags::from_bits_truncate(self.flags));
            p.set_opcode(DnsOpcode::from(((self.flags >> 11) & 0xf) as u8));
            p.set_question_count(self.questions.len() as u16);
            p.set_answer_record_count(self.answers.len() as u16);
            p.set_authority_record_count(self.authority.len() as u16);
            p.set_additional_record_count(self.additional.len() as u16);
        }
        // Bits smoltcp's Flags do not cover: Z and the rcode.
        buf[3] = (buf[3] & 0xf0) | (self.flags & 0x0f) as u8;
        let mut names = Compressor::default();
        for q in &self.questions {
            names.write(&mut buf, &q.name);
            buf.extend_from_slice(&q.qtype.to_be_bytes());
            buf.extend_from_slice(&q.qclass.to_be_bytes());
        }
        for r in self.answers.iter().chain(&self.authority).chain(&self.additional) {
            names.write(&mut buf, &r.name);
            buf.extend_from_slice(&r.rtype.to_be_bytes());
            buf.extend_from_slice(&r.class.to_be_bytes());
            buf.extend_from_slice(&r.ttl.to_be_bytes());
            let len_at = buf.len();
            buf.extend_from_slice(&[0, 0]);
            match &r.data {
                RData::A(a) => buf.extend_from_slice(&a.octets()),
                RData::Aaaa(a) => buf.extend_from_slice(a),
                RData::Cname(n) => names.write(&mut buf, n),
                RData::Mx(pref, n) => {
                    buf.extend_from_slice(&pref.to_be_bytes());
                    names.write(&mut buf, n);
                }
                RData::Soa { mname, rname, times } => {
                    names.write(&mut buf, mname);
                    names.write(&mut buf, rname);
                    for t in times {
                        buf.extend_from_slice(&t.to_be_bytes());
                    }
                }
                RData::Raw(d) => buf.extend_from_slice(d),
            }
            let rdlen = (buf.len() - len_at - 2) as u16;
            buf[len_at..len_at + 2].copy_from_slice(&rdlen.to_be_bytes());
        }
        buf
    }

    /// Parse a whole message; `None` when anything is cut short or malformed.
    pub fn parse(b: &[u8]) -> Option<DnsMessage> {
        let p = DnsPacket::new_checked(b).ok()?;
        let mut at = HEADER_LEN;
        let mut questions = Vec::new();
        for _ in 0..p.question_count() {
            let (name, next) = read_name(b, at).ok()?;
            if next + 4 > b.len() {
                return None;
            }
            questions.push(Question { name, qtype: be16(b, next), qclass: be16(b, next + 2) });
            at = next + 4;
        }
        let mut sections = [Vec::new(), Vec::new(), Vec::new()];
        let counts = [p.answer_record_count(), p.authority_record_count(), p.additional_record_count()];
        for (section, count) in sections.iter_mut().zip(counts) {
            for _ in 0..count {
                let (rec, next) = read_record(b, at).ok()?;
                section.push(rec.0);
                at = next;
            }
        }
        let [answers, authority, additional] = sections;
        Some(DnsMessage { id: p.transaction_id(), flags: be16(b, 2), questions, answers, authority, additional })
    }
}

/// Remembers where each name suffix was written, so later names point to it.
#[derive(Default)]
struct Compressor {
    /// Lower-cased suffix ("example.com") → offset in the message.
    seen: Vec<(String, usize)>,
}

impl Compressor {
    fn write(&mut self, buf: &mut Vec<u8>, name: &str) {
        let name = name.trim_end_matches('.');
        let labels: Vec<&str> = if name.is_empty() { vec![] } else { name.split('.').collect() };
        for i in 0..labels.len() {
            let suffix = labels[i..].join(".").to_ascii_lowercase();
            if let Some((_, off)) = self.seen.iter().find(|(s, _)| *s == suffix) {
                buf.extend_from_slice(&(0xc000 | *off as u16).to_be_bytes());
                return;
            }
            if buf.len() < 0x3fff {
                self.seen.push((suffix, buf.len()));
            }
            let l = labels[i].as_bytes();
            buf.push(l.len().min(63) as u8);
            buf.extend_from_slice(&l[..l.len().min(63)]);
        }
        buf.push(0);
    }
}

/// Why a name or record could not be read.
#[derive(Debug)]
struct Bad(String);

/// Read a (possibly compressed) name at `at`; returns it without trailing dot
/// and the offset after it in the original position.
fn read_name(b: &[u8], mut at: usize) -> Result<(String, usize), Bad> {
    let mut labels = Vec::new();
    let mut end = None;
    let mut jumps = 0;
    loop {
        let &len = b.get(at).ok_or_else(|| Bad("name runs past the end".into()))?;
        match len {
            0 => {
                end.get_or_insert(at + 1);
                break;
            }
            l if l & 0xc0 == 0xc0 => {
                let &lo = b.get(at + 1).ok_or_else(|| Bad("pointer cut short".into()))?;
                end.get_or_insert(at + 2);
                jumps += 1;
                if jumps > 64 {
                    return Err(Bad("compression pointers loop".into()));
                }
                at = (((l & 0x3f) as usize) << 8) | lo as usize;
            }
            l if l & 0xc0 == 0 => {
                let s = b.get(at + 1..at + 1 + l as usize).ok_or_else(|| Bad("label runs past the end".into()))?;
                labels.push(String::from_utf8_lossy(s).into_owned());
                at += 1 + l as usize;
            }
            _ => return Err(Bad(format!("label type 0x{len:02x} is not defined"))),
        }
    }
    Ok((labels.join("."), end.unwrap_or(at)))
}

/// A record and where its parts are: (record, name end, rdata range).
type ReadRecord = (Record, usize, ByteRange);

fn read_record(b: &[u8], at: usize) -> Result<(ReadRecord, usize), Bad> {
    let (name, n) = read_name(b, at)?;
    if n + 10 > b.len() {
        return Err(Bad("record header cut short".into()));
    }
    let rtype = be16(b, n);
    let class = be16(b, n + 2);
    let ttl = u32::from_be_bytes([b[n + 4], b[n + 5], b[n + 6], b[n + 7]]);
    let rdlen = be16(b, n + 8) as usize;
    let ds = n + 10;
    let de = ds + rdlen;
    if de > b.len() {
        return Err(Bad(format!("record data announces {rdlen} bytes, only {} present", b.len() - ds)));
    }
    let d = &b[ds..de];
    let data = match (rtype, rdlen) {
        (rtype::A, 4) => RData::A(ipv4_at(d, 0)),
        (rtype::AAAA, 16) => {
            let mut a = [0; 16];
            a.copy_from_slice(d);
            RData::Aaaa(a)
        }
        (rtype::CNAME | rtype::NS | rtype::PTR, _) => RData::Cname(read_name(b, ds)?.0),
        (rtype::MX, 3..) => RData::Mx(be16(b, ds), read_name(b, ds + 2)?.0),
        (rtype::SOA, _) => {
            let (mname, x) = read_name(b, ds)?;
            let (rname, y) = read_name(b, x)?;
            if y + 20 > de {
                return Err(Bad("SOA times cut short".into()));
            }
            let t = |i: usize| u32::from_be_bytes([b[y + 4 * i], b[y + 4 * i + 1], b[y + 4 * i + 2], b[y + 4 * i + 3]]);
            RData::Soa { mname, rname, times: [t(0), t(1), t(2), t(3), t(4)] }
        }
        _ => RData::Raw(d.to_vec()),
    };
    Ok(((Record { name, rtype, class, ttl, data }, n, ds..de), de))
}

/// The record data as dig prints it (`93.184.216.34`, `target.example.com.`).
pub fn rdata_text(d: &RData) -> String {
    match d {
        RData::A(a) => a.to_string(),
        RData::Aaaa(a) => std::net::Ipv6Addr::from(*a).to_string(),
        RData::Cname(n) => format!("{n}."),
        RData::Mx(p, n) => format!("{p} {n}."),
        RData::Soa { mname, rname, times } => {
            format!("{mname}. {rname}. {} {} {} {} {}", times[0], times[1], times[2], times[3], times[4])
        }
        RData::Raw(b) => format!("\\# {} {}", b.len(), b.iter().map(|x| format!("{x:02x}")).collect::<String>()),
    }
}

/// A decoded DNS message for the inspector.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Dns {
    /// The message.
    pub range: ByteRange,
    /// Transaction id.
    pub id: Field<u16>,
    /// The flags word.
    pub flags: Field<u16>,
    /// The parsed message, when the whole of it could be read.
    pub message: Option<DnsMessage>,
    /// Header fields, then one node per question and record.
    pub tree: Vec<Node>,
}

/// Decode the DNS message in `range` of `frame`. Reports a problem (and keeps
/// what decoded) when a name or record is cut short or malformed.
pub(super) fn decode(frame: &[u8], range: ByteRange, problem: &mut Option<Problem>) -> Option<Dns> {
    let b = &frame[range.clone()];
    let s = range.start;
    if b.len() < HEADER_LEN {
        let why = format!("a DNS header needs {HEADER_LEN} bytes, only {} present", b.len());
        report(problem, Problem::Truncated { layer: LayerKind::Dns, why });
        return None;
    }
    let r = |a: usize, z: usize| s + a..s + z;
    let flags = be16(b, 2);
    let mut tree = vec![
        Node::leaf("Transaction ID", format!("0x{:04x}", be16(b, 0)), r(0, 2)),
        Node::leaf("Flags", flags_text(flags), r(2, 4)),
        Node::leaf("Questions", be16(b, 4).to_string(), r(4, 6)),
        Node::leaf("Answer RRs", be16(b, 6).to_string(), r(6, 8)),
        Node::leaf("Authority RRs", be16(b, 8).to_string(), r(8, 10)),
        Node::leaf("Additional RRs", be16(b, 10).to_string(), r(10, 12)),
    ];
    let mut at = HEADER_LEN;
    let mut fail = None;
    for _ in 0..be16(b, 4) {
        match read_name(b, at) {
            Ok((name, n)) if n + 4 <= b.len() => {
                let label = format!("{}: type {}, class IN", if name.is_empty() { "<Root>" } else { &name }, type_name(be16(b, n)));
                tree.push(Node {
                    label: "Query".into(),
                    value: label,
                    range: r(at, n + 4),
                    children: vec![
                        Node::leaf("Name", name.clone(), r(at, n)),
                        Node::leaf("Type", type_name(be16(b, n)), r(n, n + 2)),
                        Node::leaf("Class", format!("0x{:04x}", be16(b, n + 2)), r(n + 2, n + 4)),
                    ],
                });
                at = n + 4;
            }
            Ok(_) => {
                fail = Some(Bad("question cut short".into()));
                break;
            }
            Err(e) => {
                fail = Some(e);
                break;
            }
        }
    }
    let sections = [("Answer", be16(b, 6)), ("Authority", be16(b, 8)), ("Additional", be16(b, 10))];
    'outer: for (section, count) in sections {
        if fail.is_some() {
            break;
        }
        for _ in 0..count {
            match read_record(b, at) {
                Ok(((rec, n, data), next)) => {
                    let label = if rec.rtype == rtype::OPT {
                        format!("<Root>: type OPT, UDP payload size {}", rec.class)
                    } else {
                        format!("{}: type {}, class IN, {}", rec.name, type_name(rec.rtype), rdata_text(&rec.data))
                    };
                    tree.push(Node {
                        label: section.into(),
                        value: label,
                        range: r(at, next),
                        children: vec![
                            Node::leaf("Name", rec.name.clone(), r(at, n)),
                            Node::leaf("Type", type_name(rec.rtype), r(n, n + 2)),
                            Node::leaf(if rec.rtype == rtype::OPT { "UDP payload size" } else { "Class" }, rec.class.to_string(), r(n + 2, n + 4)),
                            Node::leaf("Time to live", rec.ttl.to_string(), r(n + 4, n + 8)),
                            Node::leaf("Data length", (data.end - data.start).to_string(), r(n + 8, n + 10)),
                            Node::leaf("Data", rdata_text(&rec.data), r(data.start, data.end)),
                        ],
                    });
                    at = next;
                }
                Err(e) => {
                    fail = Some(e);
                    break 'outer;
                }
            }
        }
    }
    if let Some(Bad(why)) = fail {
        report(problem, Problem::Malformed { layer: LayerKind::Dns, why });
    }
    Some(Dns {
        range: range.clone(),
        id: Field::new(be16(b, 0), r(0, 2)),
        flags: Field::new(flags, r(2, 4)),
        message: DnsMessage::parse(b),
        tree,
    })
}

/// The flags word as Wireshark summarises it ("0x8180 Standard query response, No error").
fn flags_text(f: u16) -> String {
    let kind = if f & flag::QR != 0 { "Standard query response" } else { "Standard query" };
    if f & flag::QR != 0 {
        let rc = match (f & 0xf) as u8 {
            0 => "No error",
            2 => "Server failure",
            3 => "No such name",
            5 => "Refused",
            _ => "Error",
        };
        format!("0x{f:04x} {kind}, {rc}")
    } else {
        format!("0x{f:04x} {kind}")
    }
}
