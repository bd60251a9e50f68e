//! Ethernet II (DIX) framing: destination, source, EtherType, payload.
//!
//! The frames Packet Lab handles are as a capture on a Linux interface shows
//! them: no preamble and no FCS. A frame may carry trailing padding after its
//! payload (IEEE 802.3 pads frames to 60 bytes before the FCS), which we report
//! as a trailer rather than as part of the payload.

use serde::Serialize;
use smoltcp::wire::{EthernetFrame, EthernetProtocol};

use super::{arp, ipv4, ipv6, report, stp, Arp, ByteRange, Field, Ipv4, LayerKind, MacAddr, Problem};

mod field {
    use super::ByteRange;
    pub const DESTINATION: ByteRange = 0..6;
    pub const SOURCE: ByteRange = 6..12;
    pub const ETHERTYPE: ByteRange = 12..14;
    pub const PAYLOAD: usize = 14;
}

/// The EtherType of an Ethernet II frame; values we do not decode round-trip
/// through `Unknown(n)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum EtherType {
    /// 0x0800.
    Ipv4,
    /// 0x0806.
    Arp,
    /// 0x86dd (issue 16).
    Ipv6,
    /// Any other value. Values below 0x0600 are an IEEE 802.3 length, not a type.
    Unknown(u16),
}

impl From<u16> for EtherType {
    fn from(raw: u16) -> Self {
        match EthernetProtocol::from(raw) {
            EthernetProtocol::Ipv4 => EtherType::Ipv4,
            EthernetProtocol::Arp => EtherType::Arp,
            EthernetProtocol::Ipv6 => EtherType::Ipv6,
            EthernetProtocol::Unknown(n) => EtherType::Unknown(n),
        }
    }
}

impl From<EtherType> for u16 {
    fn from(t: EtherType) -> u16 {
        match t {
            EtherType::Ipv4 => 0x0800,
            EtherType::Arp => 0x0806,
            EtherType::Ipv6 => 0x86dd,
            EtherType::Unknown(n) => n,
        }
    }
}

/// A decoded Ethernet II frame.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Ethernet {
    /// The whole frame.
    pub range: ByteRange,
    /// Destination MAC address.
    pub dst: Field<MacAddr>,
    /// Source MAC address.
    pub src: Field<MacAddr>,
    /// What the payload is.
    pub ethertype: Field<EtherType>,
    /// The decoded payload; `None` if the payload itself is truncated or malformed
    /// before any of it could be decoded (see [`super::DecodedFrame::problem`]).
    pub payload: Option<Network>,
    /// Bytes after the payload's own length: Ethernet padding or a trailer.
    pub trailer: Option<ByteRange>,
    /// The IEEE 802.1Q tag, when the frame carries one (a trunk between
    /// VLAN-filtering switches); `payload` is then what follows it.
    pub vlan: Option<VlanTag>,
}

/// The TPID of an IEEE 802.1Q tag (the EtherType field's value).
pub const TPID_8021Q: u16 = 0x8100;

/// An IEEE 802.1Q tag: priority, drop eligible, VLAN id, then the payload's EtherType.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VlanTag {
    /// TPID, TCI and the inner EtherType (bytes 12–17).
    pub range: ByteRange,
    /// Priority code point (802.1p), bits 15–13 of the TCI.
    pub pcp: u8,
    /// Drop eligible indicator, bit 12.
    pub dei: bool,
    /// The VLAN id, the TCI's low 12 bits.
    pub vid: Field<u16>,
    /// What the payload is.
    pub ethertype: Field<EtherType>,
}

/// What an Ethernet frame carries.
// Decoded once per inspected frame, never stored in bulk: unboxed variants keep
// pattern matching in the UI simple.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Network {
    /// An ARP packet.
    Arp(Arp),
    /// An IPv4 datagram.
    Ipv4(Ipv4),
    /// An IEEE 802.3 frame (length, not type) with an LLC header and a
    /// spanning-tree BPDU.
    Stp(stp::Stp),
    /// An IPv6 packet.
    Ipv6(ipv6::Ipv6),
    /// A payload we do not decode (unknown EtherTypes).
    Data(ByteRange),
}

/// Decode the Ethernet header at the start of `frame` and what it carries.
pub(super) fn decode(frame: &[u8], problem: &mut Option<Problem>) -> Option<Ethernet> {
    let Ok(view) = EthernetFrame::new_checked(frame) else {
        report(
            problem,
            Problem::Truncated {
                layer: LayerKind::Ethernet,
                why: format!(
                    "an Ethernet header needs {} bytes, only {} present",
                    field::PAYLOAD,
                    frame.len()
                ),
            },
        );
        return None;
    };
    let ethertype = EtherType::from(u16::from(view.ethertype()));
    let mut trailer = None;
    // An IEEE 802.1Q tag (TPID 0x8100): the VLAN, then the payload's own type.
    let vlan = (u16::from(ethertype) == TPID_8021Q && frame.len() >= field::PAYLOAD + 4).then(|| {
        let tci = u16::from_be_bytes([frame[14], frame[15]]);
        VlanTag {
            range: 12..18,
            pcp: (tci >> 13) as u8,
            dei: tci & 0x1000 != 0,
            vid: Field::new(tci & 0x0fff, 14..16),
            ethertype: Field::new(EtherType::from(u16::from_be_bytes([frame[16], frame[17]])), 16..18),
        }
    });
    let (at, inner) = match &vlan {
        Some(v) => (field::PAYLOAD + 4, v.ethertype.value),
        None => (field::PAYLOAD, ethertype),
    };
    let payload = match inner {
        EtherType::Arp => arp::decode(frame, at, problem).map(|arp| {
            trailer = trailer_after(arp.range.end, frame.len());
            Network::Arp(arp)
        }),
        EtherType::Ipv4 => ipv4::decode(frame, at, false, problem).map(|ip| {
            trailer = trailer_after(ip.range.end, frame.len());
            Network::Ipv4(ip)
        }),
        // An 802.3 length (≤ 1500) and the STP LLC header (DSAP = SSAP = 0x42).
        EtherType::Unknown(n) if n <= 1500 && frame.get(at..at + 3) == Some(&stp::LLC_STP[..]) => {
            stp::decode(frame, at, n as usize, problem).map(|s| {
                trailer = trailer_after(s.range.end, frame.len());
                Network::Stp(s)
            })
        }
        EtherType::Ipv6 => ipv6::decode(frame, at, problem).map(|ip| {
            trailer = trailer_after(ip.range.end, frame.len());
            Network::Ipv6(ip)
        }),
        EtherType::Unknown(_) => Some(Network::Data(at.min(frame.len())..frame.len())),
    };
    Some(Ethernet {
        vlan,
        range: 0..frame.len(),
        dst: Field::new(MacAddr(view.dst_addr().0), field::DESTINATION),
        src: Field::new(MacAddr(view.src_addr().0), field::SOURCE),
        ethertype: Field::new(ethertype, field::ETHERTYPE),
        payload,
        trailer,
    })
}

fn trailer_after(end: usize, len: usize) -> Option<ByteRange> {
    (end < len).then_some(end..len)
}
