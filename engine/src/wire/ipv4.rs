//! IPv4 headers (RFC 791), both as carried by a frame and as quoted inside an
//! ICMP error (RFC 792: "Internet Header + 64 bits of Original Data Datagram").
//!
//! A quoted header announces the *original* datagram's total length, which is
//! longer than what the error carries; in quoted mode that shortfall is expected
//! and not reported as truncation.

use serde::Serialize;
use smoltcp::wire::{IpProtocol as SmolProtocol, Ipv4Packet};

use super::{icmp, report, ByteRange, Checksum, Field, Icmp, Ipv4Addr, LayerKind, Problem};

mod field {
    use super::ByteRange;
    pub const VER_IHL: ByteRange = 0..1;
    pub const DSCP_ECN: ByteRange = 1..2;
    pub const LENGTH: ByteRange = 2..4;
    pub const IDENT: ByteRange = 4..6;
    pub const FLAGS: ByteRange = 6..7;
    pub const FLG_OFF: ByteRange = 6..8;
    pub const TTL: ByteRange = 8..9;
    pub const PROTOCOL: ByteRange = 9..10;
    pub const CHECKSUM: ByteRange = 10..12;
    pub const SRC_ADDR: ByteRange = 12..16;
    pub const DST_ADDR: ByteRange = 16..20;
    pub const MIN_HEADER: usize = 20;
}

/// The IPv4 protocol field: what the payload is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum IpProtocol {
    /// 1.
    Icmp,
    /// 2.
    Igmp,
    /// 6.
    Tcp,
    /// 17.
    Udp,
    /// Any other value.
    Unknown(u8),
}

impl From<u8> for IpProtocol {
    fn from(raw: u8) -> Self {
        match SmolProtocol::from(raw) {
            SmolProtocol::Icmp => IpProtocol::Icmp,
            SmolProtocol::Igmp => IpProtocol::Igmp,
            SmolProtocol::Tcp => IpProtocol::Tcp,
            SmolProtocol::Udp => IpProtocol::Udp,
            _ => IpProtocol::Unknown(raw),
        }
    }
}

impl From<IpProtocol> for u8 {
    fn from(p: IpProtocol) -> u8 {
        match p {
            IpProtocol::Icmp => 1,
            IpProtocol::Igmp => 2,
            IpProtocol::Tcp => 6,
            IpProtocol::Udp => 17,
            IpProtocol::Unknown(n) => n,
        }
    }
}

/// A decoded IPv4 header and its payload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Ipv4 {
    /// Header and payload as far as present (never including Ethernet padding).
    pub range: ByteRange,
    /// Version (4).
    pub version: Field<u8>,
    /// Header length in bytes (IHL × 4; 20 without options).
    pub header_len: Field<u8>,
    /// Differentiated Services Code Point (upper 6 bits of the old TOS byte).
    pub dscp: Field<u8>,
    /// Explicit Congestion Notification (lower 2 bits of the old TOS byte).
    pub ecn: Field<u8>,
    /// Total length of the datagram, header included, as announced.
    pub total_len: Field<u16>,
    /// Identification, used to reassemble fragments.
    pub ident: Field<u16>,
    /// Don't Fragment flag.
    pub dont_frag: Field<bool>,
    /// More Fragments flag.
    pub more_frags: Field<bool>,
    /// Fragment offset in bytes (the field counts 8-byte units).
    pub frag_offset: Field<u16>,
    /// Time to live: hops left; every router decrements it.
    pub ttl: Field<u8>,
    /// What the payload is.
    pub protocol: Field<IpProtocol>,
    /// Header checksum (covers the header only).
    pub checksum: Checksum,
    /// Source address.
    pub src: Field<Ipv4Addr>,
    /// Destination address.
    pub dst: Field<Ipv4Addr>,
    /// IP options, when the header is longer than 20 bytes.
    pub options: Option<ByteRange>,
    /// The payload, if the header was sound and at least part of it is present.
    pub payload: Option<Transport>,
}

/// What an IPv4 datagram carries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Transport {
    /// An ICMP message.
    Icmp(Icmp),
    /// A UDP datagram (and the DHCP or DNS message inside).
    Udp(super::Udp),
    /// A TCP segment (and the HTTP head inside).
    Tcp(super::Tcp),
    /// A payload we do not decode (other protocols, or a non-first fragment).
    Data(ByteRange),
}

/// Decode the IPv4 header at `start` of `frame`. `quoted` is true for the copy
/// inside an ICMP error, whose payload is expected to be cut short.
pub(super) fn decode(
    frame: &[u8],
    start: usize,
    quoted: bool,
    problem: &mut Option<Problem>,
) -> Option<Ipv4> {
    let layer = if quoted {
        LayerKind::QuotedIpv4
    } else {
        LayerKind::Ipv4
    };
    let bytes = &frame[start..];
    if bytes.len() < field::MIN_HEADER {
        let why = format!(
            "an IPv4 header needs {} bytes, only {} present",
            field::MIN_HEADER,
            bytes.len()
        );
        report(problem, Problem::Truncated { layer, why });
        return None;
    }
    // 20 bytes are present, so the fixed-header accessors cannot panic.
    let view = Ipv4Packet::new_unchecked(bytes);
    if view.version() != 4 {
        let why = format!("version is {}, not 4", view.version());
        report(problem, Problem::Malformed { layer, why });
        return None;
    }
    let at = |r: ByteRange| start + r.start..start + r.end;
    let ihl = view.header_len() as usize;
    let total_len = view.total_len() as usize;

    // Whether the header is sound enough to look past it, and if not, why.
    let header_problem = if ihl < field::MIN_HEADER {
        Some(Problem::Malformed {
            layer,
            why: format!("header length is {ihl} bytes, less than the minimum 20"),
        })
    } else if bytes.len() < ihl {
        Some(Problem::Truncated {
            layer,
            why: format!(
                "the header announces {ihl} bytes, only {} present",
                bytes.len()
            ),
        })
    } else if total_len < ihl {
        Some(Problem::Malformed {
            layer,
            why: format!("total length {total_len} is shorter than the {ihl}-byte header"),
        })
    } else {
        None
    };
    let checksum = if ihl >= field::MIN_HEADER && bytes.len() >= ihl {
        Checksum::verify(&bytes[..ihl], field::CHECKSUM.start, start)
    } else {
        Checksum::unverified(view.checksum(), at(field::CHECKSUM))
    };

    let mut payload = None;
    let mut end = start + field::MIN_HEADER;
    let mut options = None;
    if let Some(p) = header_problem {
        report(problem, p);
    } else {
        if ihl > field::MIN_HEADER {
            options = Some(start + field::MIN_HEADER..start + ihl);
        }
        let present = total_len.min(bytes.len());
        let complete = bytes.len() >= total_len;
        if !complete && !quoted {
            let why = format!(
                "total length is {total_len} bytes, only {} present",
                bytes.len()
            );
            report(problem, Problem::Truncated { layer, why });
        }
        end = start + present;
        let payload_start = start + ihl;
        // Only a first fragment starts with the ICMP header; later ones are data.
        payload = Some(if view.frag_offset() != 0 {
            Transport::Data(payload_start..end)
        } else if view.next_header() == SmolProtocol::Icmp {
            // A first fragment (MF set) has an ICMP header but not all the bytes
            // its checksum covers.
            let whole = complete && !view.more_frags();
            match icmp::decode(frame, payload_start..end, whole, quoted, problem) {
                Some(icmp) => Transport::Icmp(icmp),
                None => Transport::Data(payload_start..end),
            }
        } else if view.next_header() == SmolProtocol::Udp && !quoted {
            let whole = complete && !view.more_frags();
            let (src, dst) = (view.src_addr(), view.dst_addr());
            match super::udp::decode(frame, payload_start..end, src, dst, whole, problem) {
                Some(udp) => Transport::Udp(udp),
                None => Transport::Data(payload_start..end),
            }
        } else if view.next_header() == SmolProtocol::Tcp && !quoted {
            let whole = complete && !view.more_frags();
            let (src, dst) = (view.src_addr(), view.dst_addr());
            match super::tcp::decode(frame, payload_start..end, src, dst, whole, problem) {
                Some(tcp) => Transport::Tcp(tcp),
                None => Transport::Data(payload_start..end),
            }
        } else {
            Transport::Data(payload_start..end)
        });
    }

    Some(Ipv4 {
        range: start..end,
        version: Field::new(view.version(), at(field::VER_IHL)),
        header_len: Field::new(ihl as u8, at(field::VER_IHL)),
        dscp: Field::new(view.dscp(), at(field::DSCP_ECN)),
        ecn: Field::new(view.ecn(), at(field::DSCP_ECN)),
        total_len: Field::new(view.total_len(), at(field::LENGTH)),
        ident: Field::new(view.ident(), at(field::IDENT)),
        dont_frag: Field::new(view.dont_frag(), at(field::FLAGS)),
        more_frags: Field::new(view.more_frags(), at(field::FLAGS)),
        frag_offset: Field::new(view.frag_offset(), at(field::FLG_OFF)),
        ttl: Field::new(view.hop_limit(), at(field::TTL)),
        protocol: Field::new(
            IpProtocol::from(u8::from(view.next_header())),
            at(field::PROTOCOL),
        ),
        checksum,
        src: Field::new(view.src_addr(), at(field::SRC_ADDR)),
        dst: Field::new(view.dst_addr(), at(field::DST_ADDR)),
        options,
        payload,
    })
}
