//! ICMP for IPv4 (RFC 792): echo request/reply and the error messages that quote
//! the datagram that caused them.
//!
//! Error messages (types 3, 4, 5, 11, 12) carry the offending datagram's IP
//! header and at least its first 8 bytes (RFC 792; Linux quotes as much as fits
//! in 576 bytes, RFC 1812 §4.3.2.3). The quote is decoded one level deep: an
//! error quoted inside an error is not unpacked again.

use serde::Serialize;
use smoltcp::wire::{Icmpv4Message, Icmpv4Packet};

use super::{be16, ipv4, report, ByteRange, Checksum, Field, Ipv4, LayerKind, Problem};

mod field {
    use super::ByteRange;
    pub const TYPE: ByteRange = 0..1;
    pub const CODE: ByteRange = 1..2;
    pub const CHECKSUM: ByteRange = 2..4;
    pub const ECHO_IDENT: ByteRange = 4..6;
    pub const ECHO_SEQNO: ByteRange = 6..8;
    pub const REST_OF_HEADER: ByteRange = 4..8;
    pub const HEADER_END: usize = 8;
}

/// A decoded ICMP message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Icmp {
    /// The ICMP message as far as present.
    pub range: ByteRange,
    /// Message type (8 echo request, 0 echo reply, 3 unreachable, 11 time exceeded, ...).
    pub icmp_type: Field<u8>,
    /// Code, refining the type (for type 3: 0 network, 1 host, 3 port unreachable, ...).
    pub code: Field<u8>,
    /// Checksum over the whole ICMP message.
    pub checksum: Checksum,
    /// The type-specific rest of the message.
    pub body: IcmpBody,
}

/// The part of an ICMP message after type, code and checksum.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum IcmpBody {
    /// Echo request (8) or reply (0): what `ping` sends and receives.
    Echo {
        /// Identifier (Linux ping uses it to match replies to its process).
        ident: Field<u16>,
        /// Sequence number, counting from 1 in Linux ping.
        seq: Field<u16>,
        /// The echoed data.
        data: ByteRange,
    },
    /// An error message quoting the datagram that caused it.
    Error {
        /// The 4 bytes after the checksum: unused (0) for unreachable and time
        /// exceeded, next-hop MTU for "fragmentation needed", gateway for redirect,
        /// pointer for parameter problem.
        rest: Field<u32>,
        /// The quoted IP header and the start of its payload; `None` when the quote
        /// is too short or malformed, or when this error is itself quoted.
        quoted: Option<Box<Ipv4>>,
    },
    /// Any other type (timestamp, router advertisement, unknown types).
    Other {
        /// The 4 bytes after the checksum.
        rest: Field<u32>,
        /// Everything after the 8-byte header.
        data: ByteRange,
    },
}

impl Icmp {
    /// Wireshark's name for the type, e.g. "Echo (ping) request".
    pub fn type_name(&self) -> &'static str {
        type_name(self.icmp_type.value)
    }

    /// Wireshark's name for the code, when the type has named codes,
    /// e.g. "Network unreachable".
    pub fn code_name(&self) -> Option<&'static str> {
        code_name(self.icmp_type.value, self.code.value)
    }
}

/// True for the types that quote the offending datagram.
pub(super) fn is_error(icmp_type: u8) -> bool {
    matches!(icmp_type, 3 | 4 | 5 | 11 | 12)
}

/// Decode the ICMP message occupying `range` of `frame`. `whole` says whether
/// every byte the checksum covers is present; `quoted` marks the 8 bytes inside
/// an ICMP error.
pub(super) fn decode(
    frame: &[u8],
    range: ByteRange,
    whole: bool,
    quoted: bool,
    problem: &mut Option<Problem>,
) -> Option<Icmp> {
    let layer = if quoted {
        LayerKind::QuotedIcmp
    } else {
        LayerKind::Icmp
    };
    let bytes = &frame[range.clone()];
    let start = range.start;
    let Ok(view) = Icmpv4Packet::new_checked(bytes) else {
        let why = format!(
            "an ICMP header needs {} bytes, only {} present",
            field::HEADER_END,
            bytes.len()
        );
        report(problem, Problem::Truncated { layer, why });
        return None;
    };
    let at = |r: ByteRange| start + r.start..start + r.end;
    let icmp_type = u8::from(view.msg_type());
    let checksum = if whole && !quoted {
        Checksum::verify(bytes, field::CHECKSUM.start, start)
    } else {
        Checksum::unverified(view.checksum(), at(field::CHECKSUM))
    };
    let rest = Field::new(
        u32::from_be_bytes([bytes[4], bytes[5], bytes[6], bytes[7]]),
        at(field::REST_OF_HEADER),
    );
    let body = match view.msg_type() {
        Icmpv4Message::EchoRequest | Icmpv4Message::EchoReply => IcmpBody::Echo {
            ident: Field::new(view.echo_ident(), at(field::ECHO_IDENT)),
            seq: Field::new(be16(bytes, field::ECHO_SEQNO.start), at(field::ECHO_SEQNO)),
            data: start + field::HEADER_END..range.end,
        },
        _ if is_error(icmp_type) => {
            let quoted = if quoted {
                None
            } else {
                // Bound the quote by this message's end so Ethernet padding is not
                // mistaken for quoted bytes; offsets stay frame-absolute.
                ipv4::decode(
                    &frame[..range.end],
                    start + field::HEADER_END,
                    true,
                    problem,
                )
                .map(Box::new)
            };
            IcmpBody::Error { rest, quoted }
        }
        _ => IcmpBody::Other {
            rest,
            data: start + field::HEADER_END..range.end,
        },
    };
    Some(Icmp {
        range,
        icmp_type: Field::new(icmp_type, at(field::TYPE)),
        code: Field::new(view.msg_code(), at(field::CODE)),
        checksum,
        body,
    })
}

/// Wireshark's name for an ICMP type (epan/dissectors/packet-icmp.c `icmp_type_str`).
pub fn type_name(icmp_type: u8) -> &'static str {
    match icmp_type {
        0 => "Echo (ping) reply",
        3 => "Destination unreachable",
        4 => "Source quench (flow control)",
        5 => "Redirect",
        8 => "Echo (ping) request",
        9 => "Router advertisement",
        10 => "Router solicitation",
        11 => "Time-to-live exceeded",
        12 => "Parameter problem",
        13 => "Timestamp request",
        14 => "Timestamp reply",
        15 => "Information request",
        16 => "Information reply",
        17 => "Address mask request",
        18 => "Address mask reply",
        _ => "Unknown ICMP (obsolete or malformed?)",
    }
}

/// Wireshark's name for an ICMP code of the given type, if it names one.
pub fn code_name(icmp_type: u8, code: u8) -> Option<&'static str> {
    Some(match (icmp_type, code) {
        (3, 0) => "Network unreachable",
        (3, 1) => "Host unreachable",
        (3, 2) => "Protocol unreachable",
        (3, 3) => "Port unreachable",
        (3, 4) => "Fragmentation needed",
        (3, 5) => "Source route failed",
        (3, 6) => "Destination network unknown",
        (3, 7) => "Destination host unknown",
        (3, 8) => "Source host isolated",
        (3, 9) => "Network administratively prohibited",
        (3, 10) => "Host administratively prohibited",
        (3, 11) => "Network unreachable for TOS",
        (3, 12) => "Host unreachable for TOS",
        (3, 13) => "Communication administratively filtered",
        (3, 14) => "Host precedence violation",
        (3, 15) => "Precedence cutoff in effect",
        (5, 0) => "Redirect for network",
        (5, 1) => "Redirect for host",
        (5, 2) => "Redirect for TOS and network",
        (5, 3) => "Redirect for TOS and host",
        (11, 0) => "Time to live exceeded in transit",
        (11, 1) => "Fragment reassembly time exceeded",
        (12, 0) => "Pointer indicates the error",
        (12, 1) => "Required option missing",
        (12, 2) => "Bad length",
        _ => return None,
    })
}
