//! The router's rewrap as a diff of the frame it received and the frame it sent: new MACs,
//! TTL − 1 and the header checksum, as the engine's `explain::rewrap_diff` lists them, and
//! what a NAT rewrite changes besides (iptables MASQUERADE, `l3/nat.rs`): the source address
//! and port of a packet going out (or the ICMP echo identifier), the destination address and
//! port of a reply coming back, the header quoted in an ICMP error, and which checksums had
//! to follow (IPv4 header, TCP/UDP over the pseudo-header, ICMP).
//!
//! Pure: two frames' bytes in, rows out (native tests below). The UI's own because the
//! engine's diff and pairing assume addresses never change on the way; with NAT they do.

use std::fmt::Display;

use packet_engine::explain::FieldChange;
use packet_engine::msg;
use packet_engine::msg::Msg;
use packet_engine::trace::{EventKind, Trace};
use packet_engine::wire::{self, IcmpBody, IpProtocol, Ipv4, Transport};

/// Why an address, port or identifier did not change.
const KEPT: Msg = Msg::new("explain-rewrap-kept");
/// Why a quoted field changed.
const QUOTED: Msg = Msg::new("explain-rewrap-quoted");

/// For a `FrameSent` by a router forwarding an IP packet, the index of the `FrameReceived`
/// it forwards: the latest earlier arrival at the same device of the same packet (same
/// identification, protocol and length — NAT keeps those — and the same source or the same
/// destination, since NAT rewrites at most one side) with a TTL exactly one higher. The TTL
/// condition leaves out switches and packets the router sent itself.
pub fn forwarded_from(trace: &Trace, sent: usize) -> Option<usize> {
    let EventKind::FrameSent { hop, bytes, .. } = &trace.events.get(sent)?.kind else { return None };
    let from = &hop.from;
    let out = wire::decode(bytes);
    let ip = out.ipv4()?;
    let key = (ip.ident.value, ip.protocol.value, ip.total_len.value, u16::from(ip.ttl.value) + 1);
    trace.events[..sent].iter().rposition(|e| match &e.kind {
        EventKind::FrameReceived { hop, bytes } if hop.to.device == from.device => wire::decode(bytes).ipv4().is_some_and(|i| {
            (i.ident.value, i.protocol.value, i.total_len.value, u16::from(i.ttl.value)) == key
                && (i.src.value == ip.src.value || i.dst.value == ip.dst.value)
        }),
        _ => false,
    })
}

/// The rows of the diff; `None` unless both frames are IPv4.
pub fn diff(arrived: &[u8], left: &[u8]) -> Option<Vec<FieldChange>> {
    let (a, b) = (wire::decode(arrived), wire::decode(left));
    let (ea, eb) = (a.ethernet.as_ref()?, b.ethernet.as_ref()?);
    let (ia, ib) = (a.ipv4()?, b.ipv4()?);
    let mut rows = Vec::new();
    // One row; `changed` explains a difference, `kept` its absence. Values as `dyn Display`:
    // one formatting site for every field type (issue 15).
    let mut push = |layer, field, before: &dyn Display, after: &dyn Display, changed: Msg, kept: Msg| {
        let (before, after) = (before.to_string(), after.to_string());
        let why = if before == after { kept } else { changed };
        rows.push(FieldChange { layer, field, before, after, why });
    };
    let next_hop = msg!("explain-rewrap-dst-mac");
    push("Ethernet", "Destination MAC", &ea.dst.value, &eb.dst.value, next_hop.clone(), next_hop);
    let own = msg!("explain-rewrap-src-mac");
    push("Ethernet", "Source MAC", &ea.src.value, &eb.src.value, own.clone(), own);
    let ttl = msg!("explain-rewrap-ttl");
    push("IPv4", "TTL", &ia.ttl.value, &ib.ttl.value, ttl.clone(), ttl);
    let nat = ia.src.value != ib.src.value || ia.dst.value != ib.dst.value;
    let sum = if nat { msg!("explain-rewrap-checksum-nat") } else { msg!("explain-rewrap-checksum") };
    push("IPv4", "Header checksum", &Hex(ia.checksum.field.value), &Hex(ib.checksum.field.value), sum.clone(), sum);
    push("IPv4", "Source address", &ia.src.value, &ib.src.value, msg!("explain-rewrap-nat-src"), KEPT);
    push("IPv4", "Destination address", &ia.dst.value, &ib.dst.value, msg!("explain-rewrap-nat-dst"), KEPT);

    // TCP and UDP alike: the ports and the checksum over the pseudo-header.
    let ports = |t: &Option<Transport>| match t {
        Some(Transport::Tcp(x)) => Some((x.src_port.value, x.dst_port.value, x.checksum.field.value)),
        Some(Transport::Udp(x)) => Some((x.src_port.value, x.dst_port.value, x.checksum.field.value)),
        _ => None,
    };
    if let (Some((ps, pd, pc)), Some((qs, qd, qc))) = (ports(&ia.payload), ports(&ib.payload)) {
        let (l4, sum) = if ia.protocol.value == IpProtocol::Tcp { ("TCP", "TCP checksum") } else { ("UDP", "UDP checksum") };
        push(l4, "Source port", &ps, &qs, msg!("explain-rewrap-nat-src-port"), KEPT);
        push(l4, "Destination port", &pd, &qd, msg!("explain-rewrap-nat-dst-port"), KEPT);
        push(l4, sum, &Hex(pc), &Hex(qc), msg!("explain-rewrap-l4-checksum"), msg!("explain-rewrap-l4-checksum-kept"));
    }
    if let (Some(Transport::Icmp(x)), Some(Transport::Icmp(y))) = (&ia.payload, &ib.payload) {
        match (&x.body, &y.body) {
            (IcmpBody::Echo { ident: i, .. }, IcmpBody::Echo { ident: j, .. }) => {
                push("ICMP", "ICMP identifier", &i.value, &j.value, msg!("explain-rewrap-icmp-id"), KEPT);
            }
            (IcmpBody::Error { quoted: Some(p), .. }, IcmpBody::Error { quoted: Some(q), .. }) => {
                push("ICMP", "Quoted source address", &p.src.value, &q.src.value, QUOTED, KEPT);
                push("ICMP", "Quoted destination address", &p.dst.value, &q.dst.value, QUOTED, KEPT);
                push("ICMP", "Quoted header checksum", &Hex(p.checksum.field.value), &Hex(q.checksum.field.value), QUOTED, KEPT);
                if let (Some((ps, pd)), Some((qs, qd))) = (quoted_ports(arrived, p), quoted_ports(left, q)) {
                    push("ICMP", "Quoted source port", &ps, &qs, QUOTED, KEPT);
                    push("ICMP", "Quoted destination port", &pd, &qd, QUOTED, KEPT);
                }
            }
            _ => {}
        }
        let why = (msg!("explain-rewrap-icmp-checksum"), msg!("explain-rewrap-icmp-checksum-kept"));
        push("ICMP", "ICMP checksum", &Hex(x.checksum.field.value), &Hex(y.checksum.field.value), why.0, why.1);
    }
    Some(rows)
}

/// A checksum as the inspector writes it (`0x1a2b`).
struct Hex(u16);

impl Display for Hex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "0x{:04x}", self.0)
    }
}

/// The ports of a TCP or UDP header quoted in an ICMP error: its first four bytes, which
/// the error always carries (RFC 792: the header and 64 bits of the datagram). The engine
/// leaves a quoted transport header undecoded.
fn quoted_ports(frame: &[u8], ip: &Ipv4) -> Option<(u16, u16)> {
    let Some(Transport::Data(r)) = &ip.payload else { return None };
    let b = frame.get(r.start..r.start + 4).filter(|_| r.len() >= 4 && matches!(ip.protocol.value, IpProtocol::Tcp | IpProtocol::Udp))?;
    Some((u16::from_be_bytes([b[0], b[1]]), u16::from_be_bytes([b[2], b[3]])))
}

#[cfg(test)]
#[path = "rewrap_tests.rs"]
mod tests;
