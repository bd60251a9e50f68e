//! IPv6 (RFC 8200), its hop-by-hop header, and ICMPv6 (RFC 4443) with the
//! neighbour-discovery messages and options (RFC 4861) and MLDv2 reports
//! (RFC 3810), decoded for the inspector (issue 16): every field with its
//! bytes, named as Wireshark names it, the ICMPv6 checksum verified over the
//! pseudo-header. The tree is a list of layers of named rows, so the
//! inspector shows it as it shows the IPv4 layers. Never panics.

use super::{be16, mac_at, report, ByteRange, Checksum, ChecksumStatus, Field, LayerKind, MacAddr, Problem};
use serde::Serialize;
use std::fmt::Write as _;
use std::net::Ipv6Addr;

/// Which header a layer is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Layer6Kind {
    Ipv6,
    HopByHop,
    Icmpv6,
    /// The IPv6 header quoted inside an ICMPv6 error.
    QuotedIpv6,
    /// A Fragment extension header (RFC 8200 4.5).
    Fragment,
}

/// One decoded field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Row6 {
    pub name: String,
    pub value: String,
    pub range: ByteRange,
    /// 0 for a field, 1 for a field of an option or a record.
    pub depth: u8,
    pub checksum: Option<Checksum>,
}

/// One layer: a heading and its fields in wire order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Layer6 {
    pub kind: Layer6Kind,
    pub title: String,
    pub range: ByteRange,
    pub rows: Vec<Row6>,
}

/// What the ICMPv6 message says, for summaries and classes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Icmpv6Info {
    pub icmp_type: u8,
    pub code: u8,
    /// Echo: identifier and sequence number.
    pub echo: Option<(u16, u16)>,
    /// NS, NA: the target address.
    pub target: Option<Ipv6Addr>,
    /// A source or target link-layer address option.
    pub lladdr: Option<MacAddr>,
    /// NA: router, solicited, override.
    pub na_flags: Option<(bool, bool, bool)>,
    /// Packet too big: the MTU.
    pub mtu: Option<u32>,
    pub checksum_bad: bool,
}

/// A decoded IPv6 packet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Ipv6 {
    pub range: ByteRange,
    pub src: Field<Ipv6Addr>,
    pub dst: Field<Ipv6Addr>,
    pub hop_limit: Field<u8>,
    /// The layers: IPv6, then a hop-by-hop header, then ICMPv6 (and a quoted packet).
    pub layers: Vec<Layer6>,
    pub icmp: Option<Icmpv6Info>,
    /// A fragment: (offset in bytes, more fragments, identification, next header).
    pub fragment: Option<(u16, bool, u32, u8)>,
}

fn addr_at(b: &[u8], at: usize) -> Ipv6Addr {
    Ipv6Addr::from(<[u8; 16]>::try_from(&b[at..at + 16]).expect("caller checked"))
}

fn row(name: &str, value: String, range: ByteRange) -> Row6 {
    Row6 { name: name.into(), value, range, depth: 0, checksum: None }
}

fn sub(name: &str, value: String, range: ByteRange) -> Row6 {
    Row6 { name: name.into(), value, range, depth: 1, checksum: None }
}

/// The ICMPv6 type names Wireshark shows.
pub fn type_name(t: u8) -> &'static str {
    match t {
        1 => "Destination Unreachable",
        2 => "Packet Too Big",
        3 => "Time Exceeded",
        4 => "Parameter Problem",
        128 => "Echo (ping) request",
        129 => "Echo (ping) reply",
        130 => "Multicast Listener Query",
        131 => "Multicast Listener Report",
        133 => "Router Solicitation",
        134 => "Router Advertisement",
        135 => "Neighbor Solicitation",
        136 => "Neighbor Advertisement",
        137 => "Redirect",
        143 => "Multicast Listener Report Message v2",
        _ => "Unknown",
    }
}

/// Wireshark's code names for the error types.
pub fn code_name(t: u8, c: u8) -> Option<&'static str> {
    Some(match (t, c) {
        (1, 0) => "no route to destination",
        (1, 1) => "communication with destination administratively prohibited",
        (1, 2) => "beyond scope of source address",
        (1, 3) => "Address unreachable",
        (1, 4) => "Port unreachable",
        (3, 0) => "hop limit exceeded in transit",
        (3, 1) => "fragment reassembly time exceeded",
        _ => return None,
    })
}

fn next_header_name(n: u8) -> String {
    match n {
        0 => "IPv6 Hop-by-Hop Option (0)".into(),
        6 => "TCP (6)".into(),
        17 => "UDP (17)".into(),
        58 => "ICMPv6 (58)".into(),
        44 => "Fragment Header for IPv6 (44)".into(),
        n => format!("{n}"),
    }
}

/// Decodes the IPv6 packet at `at` of `frame`; `quoted`: inside an ICMPv6 error
/// (its payload length may promise more than is there).
pub(super) fn decode(frame: &[u8], at: usize, problem: &mut Option<Problem>) -> Option<Ipv6> {
    let b = frame;
    if b.len() < at + 40 {
        report(
            problem,
            Problem::Truncated { layer: LayerKind::Ipv6, why: format!("an IPv6 header needs 40 bytes, only {} present", b.len() - at) },
        );
        return None;
    }
    let version = b[at] >> 4;
    if version != 6 {
        report(problem, Problem::Malformed { layer: LayerKind::Ipv6, why: format!("version {version}, not 6") });
        return None;
    }
    let plen = be16(b, at + 4) as usize;
    let end = (at + 40 + plen).min(b.len());
    if at + 40 + plen > b.len() {
        report(
            problem,
            Problem::Truncated { layer: LayerKind::Ipv6, why: format!("the payload length says {plen} bytes, only {} present", b.len() - at - 40) },
        );
    }
    let (src, dst) = (addr_at(b, at + 8), addr_at(b, at + 24));
    let tc = ((b[at] & 0x0f) << 4) | (b[at + 1] >> 4);
    let flow = u32::from_be_bytes([0, b[at + 1] & 0x0f, b[at + 2], b[at + 3]]);
    let mut layers = vec![Layer6 {
        kind: Layer6Kind::Ipv6,
        title: format!("Internet Protocol Version 6, Src: {src}, Dst: {dst}"),
        range: at..end,
        rows: vec![
            row("Version", "6".into(), at..at + 1),
            row("Traffic Class", format!("0x{tc:02x}"), at..at + 2),
            row("Flow Label", format!("0x{flow:05x}"), at + 1..at + 4),
            row("Payload Length", plen.to_string(), at + 4..at + 6),
            row("Next Header", next_header_name(b[at + 6]), at + 6..at + 7),
            row("Hop Limit", b[at + 7].to_string(), at + 7..at + 8),
            row("Source Address", src.to_string(), at + 8..at + 24),
            row("Destination Address", dst.to_string(), at + 24..at + 40),
        ],
    }];
    let mut next = b[at + 6];
    let mut p = at + 40;
    if next == 0 && p + 8 <= end {
        let len = (b[p + 1] as usize + 1) * 8;
        let hend = (p + len).min(end);
        let mut rows = vec![
            row("Next Header", next_header_name(b[p]), p..p + 1),
            row("Length", format!("{} ({len} bytes)", b[p + 1]), p + 1..p + 2),
        ];
        let mut o = p + 2;
        while o < hend {
            match b[o] {
                0 => {
                    rows.push(sub("Pad1", String::new(), o..o + 1));
                    o += 1;
                }
                t if o + 2 <= hend => {
                    let l = b[o + 1] as usize;
                    let oend = (o + 2 + l).min(hend);
                    let (name, value) = match t {
                        5 if l == 2 => ("Router Alert", format!("MLD (0x{:04x})", be16(b, o + 2))),
                        1 => ("PadN", format!("{l} byte(s)")),
                        _ => ("Option", format!("type {t}, {l} byte(s)")),
                    };
                    rows.push(sub(name, value, o..oend));
                    o = oend;
                }
                _ => break,
            }
        }
        layers.push(Layer6 { kind: Layer6Kind::HopByHop, title: "IPv6 Hop-by-Hop Option".into(), range: p..hend, rows });
        next = b[p];
        p = hend;
    }
    let mut fragment = None;
    if next == 44 && p + 8 <= end {
        // Wireshark's "Fragment Header for IPv6": the data after it is a piece
        // of the upper layer, decoded only once reassembled (not per frame).
        let off = be16(b, p + 2);
        let ident = u32::from_be_bytes([b[p + 4], b[p + 5], b[p + 6], b[p + 7]]);
        let f = (off & !7, off & 1 == 1, ident, b[p]);
        layers.push(Layer6 {
            kind: Layer6Kind::Fragment,
            title: "Fragment Header for IPv6".into(),
            range: p..p + 8,
            rows: vec![
                row("Next Header", next_header_name(b[p]), p..p + 1),
                row("Reserved", format!("0x{:02x}", b[p + 1]), p + 1..p + 2),
                row("Offset", format!("{} ({} bytes)", f.0 / 8, f.0), p + 2..p + 4),
                row("More Fragments", if f.1 { "Yes" } else { "No" }.into(), p + 3..p + 4),
                row("Identification", format!("0x{ident:08x}"), p + 4..p + 8),
            ],
        });
        fragment = Some(f);
        next = 255;
    }
    let mut icmp = None;
    if next == 58 {
        icmp = decode_icmpv6(b, p, end, src, dst, &mut layers, problem);
    }
    Some(Ipv6 {
        range: at..end,
        src: Field::new(src, at + 8..at + 24),
        dst: Field::new(dst, at + 24..at + 40),
        hop_limit: Field::new(b[at + 7], at + 7..at + 8),
        layers,
        icmp,
        fragment,
    })
}

fn decode_icmpv6(
    b: &[u8],
    p: usize,
    end: usize,
    src: Ipv6Addr,
    dst: Ipv6Addr,
    layers: &mut Vec<Layer6>,
    problem: &mut Option<Problem>,
) -> Option<Icmpv6Info> {
    if p + 8 > end {
        report(problem, Problem::Truncated { layer: LayerKind::Icmpv6, why: "an ICMPv6 header needs 8 bytes".into() });
        return None;
    }
    let (t, c) = (b[p], b[p + 1]);
    let value = be16(b, p + 2);
    let mut zeroed = b[p..end].to_vec();
    zeroed[2] = 0;
    zeroed[3] = 0;
    let expected = crate::frames6::icmpv6_checksum(src, dst, &zeroed);
    let status = if expected == value { ChecksumStatus::Good } else { ChecksumStatus::Bad { expected } };
    let checksum = Checksum { field: Field::new(value, p + 2..p + 4), status };
    let mut info = Icmpv6Info {
        icmp_type: t,
        code: c,
        echo: None,
        target: None,
        lladdr: None,
        na_flags: None,
        mtu: None,
        checksum_bad: matches!(status, ChecksumStatus::Bad { .. }),
    };
    let mut rows = vec![
        row("Type", format!("{} ({t})", type_name(t)), p..p + 1),
        row("Code", match code_name(t, c) { Some(n) => format!("{c} ({n})"), None => c.to_string() }, p + 1..p + 2),
        Row6 { name: "Checksum".into(), value: format!("0x{value:04x}"), range: p + 2..p + 4, depth: 0, checksum: Some(checksum) },
    ];
    let mut quoted = None;
    let mut options_at = None;
    match t {
        128 | 129 => {
            let (id, seq) = (be16(b, p + 4), be16(b, p + 6));
            info.echo = Some((id, seq));
            rows.push(row("Identifier", format!("0x{id:04x}"), p + 4..p + 6));
            rows.push(row("Sequence", seq.to_string(), p + 6..p + 8));
            if end > p + 8 {
                rows.push(row("Data", format!("{} bytes", end - p - 8), p + 8..end));
            }
        }
        1..=4 => {
            let v = u32::from_be_bytes([b[p + 4], b[p + 5], b[p + 6], b[p + 7]]);
            match t {
                2 => {
                    info.mtu = Some(v);
                    rows.push(row("MTU", v.to_string(), p + 4..p + 8));
                }
                4 => rows.push(row("Pointer", v.to_string(), p + 4..p + 8)),
                _ => rows.push(row("Reserved", format!("{v:08x}"), p + 4..p + 8)),
            }
            if end >= p + 48 {
                quoted = Some(p + 8);
            }
        }
        133 => {
            rows.push(row("Reserved", format!("{:08x}", u32::from_be_bytes([b[p + 4], b[p + 5], b[p + 6], b[p + 7]])), p + 4..p + 8));
            options_at = Some(p + 8);
        }
        134 if end >= p + 16 => {
            let f = b[p + 5];
            rows.push(row("Cur hop limit", b[p + 4].to_string(), p + 4..p + 5));
            rows.push(row(
                "Flags",
                format!("0x{f:02x} (Managed {}, Other {})", u8::from(f & 0x80 != 0), u8::from(f & 0x40 != 0)),
                p + 5..p + 6,
            ));
            rows.push(row("Router lifetime (s)", be16(b, p + 6).to_string(), p + 6..p + 8));
            rows.push(row("Reachable time (ms)", u32::from_be_bytes([b[p + 8], b[p + 9], b[p + 10], b[p + 11]]).to_string(), p + 8..p + 12));
            rows.push(row("Retrans timer (ms)", u32::from_be_bytes([b[p + 12], b[p + 13], b[p + 14], b[p + 15]]).to_string(), p + 12..p + 16));
            options_at = Some(p + 16);
        }
        135 | 136 if end >= p + 24 => {
            let target = addr_at(b, p + 8);
            info.target = Some(target);
            if t == 136 {
                let f = b[p + 4];
                let flags = (f & 0x80 != 0, f & 0x40 != 0, f & 0x20 != 0);
                info.na_flags = Some(flags);
                rows.push(row(
                    "Flags",
                    format!("0x{f:02x} (Router {}, Solicited {}, Override {})", u8::from(flags.0), u8::from(flags.1), u8::from(flags.2)),
                    p + 4..p + 8,
                ));
            } else {
                rows.push(row("Reserved", "00000000".into(), p + 4..p + 8));
            }
            rows.push(row("Target Address", target.to_string(), p + 8..p + 24));
            options_at = Some(p + 24);
        }
        143 => {
            let n = be16(b, p + 6) as usize;
            rows.push(row("Reserved", format!("{:04x}", be16(b, p + 4)), p + 4..p + 6));
            rows.push(row("Number of Multicast Address Records", n.to_string(), p + 6..p + 8));
            let mut r = p + 8;
            for _ in 0..n {
                if r + 20 > end {
                    break;
                }
                let kind = match b[r] {
                    1 => "Mode Is Include",
                    2 => "Mode Is Exclude",
                    3 => "Changed to include",
                    4 => "Changed to exclude",
                    _ => "Other",
                };
                rows.push(row("Multicast Address Record", format!("{kind}: {}", addr_at(b, r + 4)), r..r + 20));
                rows.push(sub("Record Type", format!("{kind} ({})", b[r]), r..r + 1));
                rows.push(sub("Multicast Address", addr_at(b, r + 4).to_string(), r + 4..r + 20));
                r += 20 + 16 * be16(b, r + 2) as usize + 4 * b[r + 1] as usize;
            }
        }
        _ => {}
    }
    if let Some(mut o) = options_at {
        while o + 8 <= end {
            let (ot, ol) = (b[o], b[o + 1] as usize * 8);
            if ol == 0 || o + ol > end {
                report(problem, Problem::Malformed { layer: LayerKind::Icmpv6, why: format!("an ND option at byte {o} has length 0 or runs past the end") });
                break;
            }
            match ot {
                1 | 2 if ol == 8 => {
                    let mac = mac_at(b, o + 2);
                    info.lladdr = Some(mac);
                    let name = if ot == 1 { "Source link-layer address" } else { "Target link-layer address" };
                    rows.push(row(&format!("ICMPv6 Option ({name} : {mac})"), String::new(), o..o + 8));
                    rows.push(sub("Type", format!("{name} ({ot})"), o..o + 1));
                    rows.push(sub("Length", format!("1 (8 bytes)"), o + 1..o + 2));
                    rows.push(sub("Link-layer address", mac.to_string(), o + 2..o + 8));
                }
                3 if ol == 32 => {
                    let prefix = addr_at(b, o + 16);
                    let (len, f) = (b[o + 2], b[o + 3]);
                    rows.push(row(&format!("ICMPv6 Option (Prefix information : {prefix}/{len})"), String::new(), o..o + 32));
                    rows.push(sub("Prefix Length", len.to_string(), o + 2..o + 3));
                    rows.push(sub(
                        "Flag",
                        format!("0x{f:02x} (On-link {}, Autonomous {})", u8::from(f & 0x80 != 0), u8::from(f & 0x40 != 0)),
                        o + 3..o + 4,
                    ));
                    rows.push(sub("Valid Lifetime", u32::from_be_bytes([b[o + 4], b[o + 5], b[o + 6], b[o + 7]]).to_string(), o + 4..o + 8));
                    rows.push(sub("Preferred Lifetime", u32::from_be_bytes([b[o + 8], b[o + 9], b[o + 10], b[o + 11]]).to_string(), o + 8..o + 12));
                    rows.push(sub("Prefix", prefix.to_string(), o + 16..o + 32));
                }
                5 if ol == 8 => {
                    let mtu = u32::from_be_bytes([b[o + 4], b[o + 5], b[o + 6], b[o + 7]]);
                    rows.push(row(&format!("ICMPv6 Option (MTU : {mtu})"), String::new(), o..o + 8));
                }
                _ => rows.push(row(&format!("ICMPv6 Option (type {ot})"), String::new(), o..o + ol)),
            }
            o += ol;
        }
    }
    let mut title = String::from("Internet Control Message Protocol v6");
    let _ = write!(title, " ({})", type_name(t));
    layers.push(Layer6 { kind: Layer6Kind::Icmpv6, title, range: p..end, rows });
    if let Some(q) = quoted {
        // The quoted packet: its header in full, and what is left of its payload.
        let (qs, qd) = (addr_at(b, q + 8), addr_at(b, q + 24));
        let mut rows = vec![
            row("Payload Length", be16(b, q + 4).to_string(), q + 4..q + 6),
            row("Next Header", next_header_name(b[q + 6]), q + 6..q + 7),
            row("Hop Limit", b[q + 7].to_string(), q + 7..q + 8),
            row("Source Address", qs.to_string(), q + 8..q + 24),
            row("Destination Address", qd.to_string(), q + 24..q + 40),
        ];
        if b[q + 6] == 58 && end >= q + 48 {
            rows.push(row("Quoted ICMPv6", format!("{} ({})", type_name(b[q + 40]), b[q + 40]), q + 40..q + 41));
            if matches!(b[q + 40], 128 | 129) {
                rows.push(row("Quoted Identifier", format!("0x{:04x}", be16(b, q + 44)), q + 44..q + 46));
                rows.push(row("Quoted Sequence", be16(b, q + 46).to_string(), q + 46..q + 48));
            }
        }
        layers.push(Layer6 { kind: Layer6Kind::QuotedIpv6, title: format!("Internet Protocol Version 6 (quoted), Src: {qs}, Dst: {qd}"), range: q..end, rows });
    }
    Some(info)
}
