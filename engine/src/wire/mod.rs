//! Wire formats: decoding Ethernet frames into a typed layer tree, one-line
//! Wireshark-style summaries, and a coarse protocol class for colouring.
//!
//! The byte layouts themselves come from smoltcp's `wire` module (zero-copy
//! `Packet` views). This module adds what a packet *inspector* needs on top:
//! every decoded field carries the byte range it was read from (so the UI can
//! highlight "TTL = byte 22"), checksums are verified and reported rather than
//! rejected, and a frame that is cut short or malformed still decodes as far as
//! it can and then says why, instead of failing or panicking.
//!
//! Entry points: [`decode`] (the tree), [`summarize`] (Wireshark's Info
//! column) and [`protocol`] (Arp / IcmpEcho / IcmpError / ...).
//!
//! Frames built by the simulation live in `crate::frames`; this module only reads.

mod arp;
pub mod dhcp;
pub mod dns;
mod ethernet;
pub mod golden;
pub mod http;
mod icmp;
mod ipv4;
pub mod ipv6;
mod summary;
pub mod stp;
mod summary6;
pub mod tcp;
pub mod udp;

use core::fmt;
use core::ops::Range;
use serde::Serialize;

pub use crate::mac::MacAddr;
pub use arp::{Arp, ArpAddresses, ArpHardware, ArpOperation};
pub use ethernet::{EtherType, Ethernet, Network, VlanTag, TPID_8021Q};
pub use icmp::{Icmp, IcmpBody};
pub use ipv4::{IpProtocol, Ipv4, Transport};
pub use std::net::Ipv4Addr;
pub use summary::{summarize, summarize_conversation, tcp_relative};
pub use tcp::Tcp;
pub use udp::{Application, Udp};

/// A half-open range of byte offsets into the whole frame (offset 0 = first byte
/// of the destination MAC).
pub type ByteRange = Range<usize>;

/// One decoded header field: its value and the bytes of the frame it came from.
///
/// Bit fields (IHL, flags, DSCP) share a byte with their neighbours; their range
/// is the byte(s) that contain them, as Wireshark highlights them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Field<T> {
    /// The decoded value.
    pub value: T,
    /// Where in the frame the value was read from.
    pub range: ByteRange,
}

impl<T> Field<T> {
    fn new(value: T, range: ByteRange) -> Self {
        Field { value, range }
    }
}

/// An Internet checksum (RFC 1071) as found in the frame, and whether it is right.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Checksum {
    /// The 16-bit value in the frame.
    pub field: Field<u16>,
    /// The verdict after recomputing it over the covered bytes.
    pub status: ChecksumStatus,
}

/// Whether a checksum matches the bytes it covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum ChecksumStatus {
    /// The recomputed sum matches.
    Good,
    /// The recomputed sum differs; `expected` is what the field should hold.
    Bad {
        /// The value a correct sender would have written.
        expected: u16,
    },
    /// Not all covered bytes are in the frame (a truncated frame, or the 8 bytes
    /// of a datagram quoted inside an ICMP error), so it cannot be checked.
    Unverified,
}

impl Checksum {
    /// Check the 16-bit checksum stored at `field_at..field_at + 2` of `covered`
    /// (which starts at frame offset `base`).
    fn verify(covered: &[u8], field_at: usize, base: usize) -> Checksum {
        let value = u16::from_be_bytes([covered[field_at], covered[field_at + 1]]);
        // Sum everything except the checksum field itself, then complement: that is
        // what a sender computes (RFC 1071 §1). The split at an even offset keeps
        // the 16-bit word alignment of both halves.
        let sum = smoltcp::wire::checksum::combine(&[
            smoltcp::wire::checksum::data(&covered[..field_at]),
            smoltcp::wire::checksum::data(&covered[field_at + 2..]),
        ]);
        let expected = !sum;
        let status = if expected == value {
            ChecksumStatus::Good
        } else {
            ChecksumStatus::Bad { expected }
        };
        Checksum {
            field: Field::new(value, base + field_at..base + field_at + 2),
            status,
        }
    }

    /// A checksum whose covered bytes are not all present.
    fn unverified(value: u16, range: ByteRange) -> Checksum {
        Checksum {
            field: Field::new(value, range),
            status: ChecksumStatus::Unverified,
        }
    }

    /// True when the checksum was verified and is wrong.
    pub fn is_bad(&self) -> bool {
        matches!(self.status, ChecksumStatus::Bad { .. })
    }
}

/// True when the Internet checksum (RFC 1071) over `covered`, checksum field
/// included, verifies. The one checksum check of the engine: the stack's
/// receive path and this module's verdicts both use smoltcp's sum (not its
/// `verify_checksum`, which always says yes under `cfg(fuzzing)`).
pub fn checksum_ok(covered: &[u8]) -> bool {
    smoltcp::wire::checksum::data(covered) == !0
}

/// Which header a [`Problem`] was found in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum LayerKind {
    /// The 14-byte Ethernet II header.
    Ethernet,
    /// An ARP packet (RFC 826).
    Arp,
    /// An IPv4 header or its payload length (RFC 791).
    Ipv4,
    /// An ICMP message (RFC 792).
    Icmp,
    /// The IPv4 header quoted inside an ICMP error.
    QuotedIpv4,
    /// The first 8 bytes of an ICMP message quoted inside an ICMP error.
    QuotedIcmp,
    /// A UDP header or its length (RFC 768).
    Udp,
    /// A DHCP message (RFC 2131).
    Dhcp,
    /// A DNS message (RFC 1035).
    Dns,
    /// A TCP header or its options (RFC 9293).
    Tcp,
    /// An LLC header and spanning-tree BPDU (IEEE 802.1D).
    Stp,
    /// An IPv6 header or its payload length (RFC 8200).
    Ipv6,
    /// An ICMPv6 message or its ND options (RFC 4443, 4861).
    Icmpv6,
}

impl fmt::Display for LayerKind {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(match self {
            LayerKind::Ethernet => "Ethernet",
            LayerKind::Arp => "ARP",
            LayerKind::Ipv4 => "IPv4",
            LayerKind::Icmp => "ICMP",
            LayerKind::QuotedIpv4 => "quoted IPv4",
            LayerKind::QuotedIcmp => "quoted ICMP",
            LayerKind::Udp => "UDP",
            LayerKind::Dhcp => "DHCP",
            LayerKind::Dns => "DNS",
            LayerKind::Tcp => "TCP",
            LayerKind::Stp => "STP",
            LayerKind::Ipv6 => "IPv6",
            LayerKind::Icmpv6 => "ICMPv6",
        })
    }
}

/// Why decoding stopped early. Decoding never panics; it records the first
/// problem and keeps every layer decoded before it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Problem {
    /// The frame ends before a header (or a length the header announces) is complete.
    Truncated {
        /// The layer that was cut short.
        layer: LayerKind,
        /// A sentence for a student, e.g. "IPv4 header needs 20 bytes, only 6 present".
        why: String,
    },
    /// The bytes are present but cannot be this protocol (bad version, impossible length).
    Malformed {
        /// The layer whose fields are inconsistent.
        layer: LayerKind,
        /// A sentence for a student.
        why: String,
    },
}

impl Problem {
    /// The layer the problem was found in.
    pub fn layer(&self) -> LayerKind {
        match self {
            Problem::Truncated { layer, .. } | Problem::Malformed { layer, .. } => *layer,
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            Problem::Truncated { layer, why } => write!(f, "Truncated {layer}: {why}"),
            Problem::Malformed { layer, why } => write!(f, "Malformed {layer}: {why}"),
        }
    }
}

/// A frame decoded into its layers, outermost first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DecodedFrame {
    /// Length of the frame in bytes.
    pub len: usize,
    /// The Ethernet II layer and, nested inside it, everything it carries.
    /// `None` only when the frame is shorter than an Ethernet header.
    pub ethernet: Option<Ethernet>,
    /// The first truncation or malformation met, if any.
    pub problem: Option<Problem>,
}

impl DecodedFrame {
    /// The ARP packet, if this frame carries one.
    pub fn arp(&self) -> Option<&Arp> {
        match self.ethernet.as_ref()?.payload.as_ref()? {
            Network::Arp(arp) => Some(arp),
            _ => None,
        }
    }

    /// The (outer) IPv4 header, if this frame carries one.
    pub fn ipv4(&self) -> Option<&Ipv4> {
        match self.ethernet.as_ref()?.payload.as_ref()? {
            Network::Ipv4(ip) => Some(ip),
            _ => None,
        }
    }

    /// The (outer) ICMP message, if this frame carries one.
    pub fn icmp(&self) -> Option<&Icmp> {
        match self.ipv4()?.payload.as_ref()? {
            Transport::Icmp(icmp) => Some(icmp),
            _ => None,
        }
    }

    /// The TCP segment, if this frame carries one.
    pub fn tcp(&self) -> Option<&Tcp> {
        match self.ipv4()?.payload.as_ref()? {
            Transport::Tcp(tcp) => Some(tcp),
            _ => None,
        }
    }

    /// The UDP datagram, if this frame carries one.
    pub fn udp(&self) -> Option<&Udp> {
        match self.ipv4()?.payload.as_ref()? {
            Transport::Udp(udp) => Some(udp),
            _ => None,
        }
    }
}

/// Decode a frame into a layer tree. Never panics, whatever the bytes.
pub fn decode(frame: &[u8]) -> DecodedFrame {
    let mut problem = None;
    let ethernet = ethernet::decode(frame, &mut problem);
    DecodedFrame {
        len: frame.len(),
        ethernet,
        problem,
    }
}

/// A coarse class of frame, for colouring rows the way Wireshark's default
/// colouring rules separate ARP, ICMP and ICMP errors, and for filtering by
/// protocol (UDP, DHCP, DNS, TCP, HTTP: the innermost layer decoded).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Protocol {
    /// An ARP request, reply or other ARP operation.
    Arp,
    /// An ICMP echo request or echo reply (ping).
    IcmpEcho,
    /// An ICMP error: destination unreachable, source quench, redirect, time
    /// exceeded or parameter problem (the types that quote a datagram).
    IcmpError,
    /// A UDP datagram that is not DHCP or DNS.
    Udp,
    /// A DHCP message (UDP 67/68).
    Dhcp,
    /// A DNS message (UDP 53).
    Dns,
    /// A TCP segment without an HTTP head (handshake, ACKs, body, teardown).
    Tcp,
    /// A TCP segment that starts an HTTP request or response (Wireshark's `http` filter).
    Http,
    /// Any other IPv4 packet (other ICMP types, other protocols, fragments, ...).
    Ipv4Other,
    /// A spanning-tree BPDU (configuration or topology change notification).
    Stp,
    /// IPv6 neighbour solicitation or advertisement (IPv6's ARP).
    Ndp,
    /// IPv6 housekeeping: router solicitations and advertisements, MLD reports.
    Ipv6Control,
    /// Any other IPv6 packet.
    Ipv6Other,
    /// Not ARP or IPv4, or too short to tell.
    Other,
}

/// Classify a frame for colouring; truncated frames are classified by what decoded.
pub fn protocol(frame: &[u8]) -> Protocol {
    let decoded = decode(frame);
    match decoded.ethernet.as_ref().and_then(|e| e.payload.as_ref()) {
        Some(Network::Arp(_)) => Protocol::Arp,
        Some(Network::Ipv4(ip)) => match ip.payload.as_ref() {
            Some(Transport::Icmp(icmp)) => match icmp.body {
                IcmpBody::Echo { .. } => Protocol::IcmpEcho,
                IcmpBody::Error { .. } => Protocol::IcmpError,
                IcmpBody::Other { .. } => Protocol::Ipv4Other,
            },
            Some(Transport::Udp(u)) => match u.payload {
                Some(Application::Dhcp(_)) => Protocol::Dhcp,
                Some(Application::Dns(_)) => Protocol::Dns,
                _ => Protocol::Udp,
            },
            Some(Transport::Tcp(t)) if t.http.is_some() => Protocol::Http,
            Some(Transport::Tcp(_)) => Protocol::Tcp,
            _ => Protocol::Ipv4Other,
        },
        Some(Network::Stp(_)) => Protocol::Stp,
        Some(Network::Ipv6(ip)) => match ip.icmp.as_ref().map(|i| i.icmp_type) {
            Some(128 | 129) => Protocol::IcmpEcho,
            Some(1..=4) => Protocol::IcmpError,
            Some(135 | 136) => Protocol::Ndp,
            Some(130..=134 | 143) => Protocol::Ipv6Control,
            _ => Protocol::Ipv6Other,
        },
        Some(Network::Data(_)) | None => Protocol::Other,
    }
}

/// Read a big-endian u16 at `at`; the caller has checked the length.
fn be16(bytes: &[u8], at: usize) -> u16 {
    u16::from_be_bytes([bytes[at], bytes[at + 1]])
}

/// Read a MAC address at `at`; the caller has checked the length.
fn mac_at(bytes: &[u8], at: usize) -> MacAddr {
    let mut mac = [0; 6];
    mac.copy_from_slice(&bytes[at..at + 6]);
    MacAddr(mac)
}

/// Read an IPv4 address at `at`; the caller has checked the length.
fn ipv4_at(bytes: &[u8], at: usize) -> Ipv4Addr {
    Ipv4Addr::new(bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3])
}

/// Record `p` unless an earlier problem is already recorded (the first one is
/// the cause; later ones are consequences).
fn report(slot: &mut Option<Problem>, p: Problem) {
    if slot.is_none() {
        *slot = Some(p);
    }
}

#[cfg(test)]
mod tests;
