//! ARP (RFC 826) over Ethernet: the fixed 8-byte header, then sender and target
//! hardware and protocol addresses whose lengths the header announces.
//!
//! Only the Ethernet/IPv4 combination (hardware length 6, protocol length 4) has
//! its addresses decoded; anything else is reported as malformed *for this lab*,
//! keeping the header fields so the inspector can show why.

use serde::Serialize;
use smoltcp::wire::{ArpHardware as SmolHardware, ArpOperation as SmolOperation, ArpPacket};

use super::{
    ipv4_at, mac_at, report, ByteRange, EtherType, Field, Ipv4Addr, LayerKind, MacAddr, Problem,
};

mod field {
    use super::ByteRange;
    pub const HTYPE: ByteRange = 0..2;
    pub const PTYPE: ByteRange = 2..4;
    pub const HLEN: ByteRange = 4..5;
    pub const PLEN: ByteRange = 5..6;
    pub const OPER: ByteRange = 6..8;
    // Addresses for hardware length 6 and protocol length 4.
    pub const SHA: ByteRange = 8..14;
    pub const SPA: ByteRange = 14..18;
    pub const THA: ByteRange = 18..24;
    pub const TPA: ByteRange = 24..28;
}

/// ARP hardware type (RFC 826 `ar$hrd`); 1 is Ethernet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum ArpHardware {
    /// 1.
    Ethernet,
    /// Any other value.
    Unknown(u16),
}

/// ARP operation (RFC 826 `ar$op`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum ArpOperation {
    /// 1: "who has".
    Request,
    /// 2: "is at".
    Reply,
    /// Any other value (RARP and InARP use 3..=9).
    Unknown(u16),
}

impl From<ArpOperation> for u16 {
    fn from(op: ArpOperation) -> u16 {
        match op {
            ArpOperation::Request => 1,
            ArpOperation::Reply => 2,
            ArpOperation::Unknown(n) => n,
        }
    }
}

/// A decoded ARP packet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Arp {
    /// The ARP packet (header and addresses), without Ethernet padding.
    pub range: ByteRange,
    /// Hardware type.
    pub hardware_type: Field<ArpHardware>,
    /// Protocol type (an EtherType; 0x0800 for IPv4).
    pub protocol_type: Field<EtherType>,
    /// Hardware address length in bytes (6 for Ethernet).
    pub hardware_len: Field<u8>,
    /// Protocol address length in bytes (4 for IPv4).
    pub protocol_len: Field<u8>,
    /// Request, reply or other.
    pub operation: Field<ArpOperation>,
    /// The four addresses; `None` unless the lengths are 6 and 4 and all present.
    pub addresses: Option<ArpAddresses>,
}

/// The addresses of an Ethernet/IPv4 ARP packet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ArpAddresses {
    /// Sender hardware address (who is asking, or who answers).
    pub sender_mac: Field<MacAddr>,
    /// Sender protocol address.
    pub sender_ip: Field<Ipv4Addr>,
    /// Target hardware address (all zeros in a request).
    pub target_mac: Field<MacAddr>,
    /// Target protocol address (the address being looked up, in a request).
    pub target_ip: Field<Ipv4Addr>,
}

/// Decode the ARP packet starting at `start` of `frame`.
pub(super) fn decode(frame: &[u8], start: usize, problem: &mut Option<Problem>) -> Option<Arp> {
    let bytes = &frame[start..];
    if bytes.len() < field::OPER.end {
        report(
            problem,
            Problem::Truncated {
                layer: LayerKind::Arp,
                why: format!(
                    "an ARP header needs {} bytes, only {} present",
                    field::OPER.end,
                    bytes.len()
                ),
            },
        );
        return None;
    }
    // The fixed header is present, so smoltcp's header accessors cannot panic.
    let view = ArpPacket::new_unchecked(bytes);
    let at = |r: ByteRange| start + r.start..start + r.end;
    let hardware_type = match view.hardware_type() {
        SmolHardware::Ethernet => ArpHardware::Ethernet,
        SmolHardware::Unknown(n) => ArpHardware::Unknown(n),
    };
    let operation = match view.operation() {
        SmolOperation::Request => ArpOperation::Request,
        SmolOperation::Reply => ArpOperation::Reply,
        SmolOperation::Unknown(n) => ArpOperation::Unknown(n),
    };
    let (hlen, plen) = (view.hardware_len(), view.protocol_len());
    let announced = field::OPER.end + 2 * (hlen as usize + plen as usize);
    let addresses = if (hlen, plen) != (6, 4) {
        report(
            problem,
            Problem::Malformed {
                layer: LayerKind::Arp,
                why: format!(
                    "hardware length {hlen} and protocol length {plen}: Ethernet/IPv4 ARP uses 6 and 4"
                ),
            },
        );
        None
    } else if bytes.len() < field::TPA.end {
        report(
            problem,
            Problem::Truncated {
                layer: LayerKind::Arp,
                why: format!(
                    "an Ethernet/IPv4 ARP packet needs {} bytes, only {} present",
                    field::TPA.end,
                    bytes.len()
                ),
            },
        );
        None
    } else {
        Some(ArpAddresses {
            sender_mac: Field::new(mac_at(view.source_hardware_addr(), 0), at(field::SHA)),
            sender_ip: Field::new(ipv4_at(bytes, field::SPA.start), at(field::SPA)),
            target_mac: Field::new(mac_at(view.target_hardware_addr(), 0), at(field::THA)),
            target_ip: Field::new(ipv4_at(bytes, field::TPA.start), at(field::TPA)),
        })
    };
    Some(Arp {
        range: start..start + announced.min(bytes.len()),
        hardware_type: Field::new(hardware_type, at(field::HTYPE)),
        protocol_type: Field::new(
            EtherType::from(u16::from(view.protocol_type())),
            at(field::PTYPE),
        ),
        hardware_len: Field::new(hlen, at(field::HLEN)),
        protocol_len: Field::new(plen, at(field::PLEN)),
        operation: Field::new(operation, at(field::OPER)),
        addresses,
    })
}
