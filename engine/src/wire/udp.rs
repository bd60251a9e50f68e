//! UDP (RFC 768): building datagrams with a correct checksum, and decoding them
//! for the inspector, with DHCP (ports 67/68) and DNS (port 53) decoded inside.
//!
//! The 8-byte header layout is smoltcp's `UdpPacket` view. The checksum covers the
//! IPv4 pseudo-header (RFC 768), so decoding needs the addresses from the IP layer.
//! A checksum field of 0 means "no checksum" over IPv4 (RFC 768): it is reported
//! as unverified, as Wireshark does ("[missing]"), never as bad.

use serde::Serialize;
use smoltcp::wire::{checksum, IpProtocol as SmolProtocol, UdpPacket};

use super::{
    dhcp::{self, Dhcp},
    dns::{self, Dns},
    report, ByteRange, Checksum, ChecksumStatus, Field, Ipv4Addr, LayerKind, Problem,
};

/// Length of the UDP header.
pub const HEADER_LEN: usize = 8;
/// Well-known ports (IANA): DHCP server and client (RFC 2131 §4.1), DNS (RFC 1035 §4.2.1).
pub const DHCP_SERVER_PORT: u16 = 67;
/// The DHCP client's port.
pub const DHCP_CLIENT_PORT: u16 = 68;
/// The DNS port.
pub const DNS_PORT: u16 = 53;

mod field {
    use super::ByteRange;
    pub const SRC_PORT: ByteRange = 0..2;
    pub const DST_PORT: ByteRange = 2..4;
    pub const LENGTH: ByteRange = 4..6;
    pub const CHECKSUM: ByteRange = 6..8;
}

/// A UDP datagram (header + `payload`) from `src` to `dst` with its checksum
/// filled in, as every Linux sender does (`udp_send_skb`; a computed 0 is sent
/// as 0xffff, RFC 768).
pub fn datagram(src: Ipv4Addr, dst: Ipv4Addr, src_port: u16, dst_port: u16, payload: &[u8]) -> Vec<u8> {
    let len = HEADER_LEN + payload.len();
    let mut buf = vec![0u8; len];
    buf[HEADER_LEN..].copy_from_slice(payload);
    let mut p = UdpPacket::new_unchecked(&mut buf[..]);
    p.set_src_port(src_port);
    p.set_dst_port(dst_port);
    p.set_len(len as u16);
    p.fill_checksum(&src.into(), &dst.into());
    buf
}

/// True when the checksum field of `udp` (a whole datagram) is right.
pub fn checksum_ok(src: Ipv4Addr, dst: Ipv4Addr, udp: &[u8]) -> bool {
    udp.len() >= HEADER_LEN && u16::from_be_bytes([udp[6], udp[7]]) == expected_checksum(src, dst, udp)
}

/// The value the checksum field of `udp` (a whole datagram) should hold.
fn expected_checksum(src: Ipv4Addr, dst: Ipv4Addr, udp: &[u8]) -> u16 {
    let sum = checksum::combine(&[
        checksum::pseudo_header_v4(&src, &dst, SmolProtocol::Udp, udp.len() as u32),
        checksum::data(&udp[..field::CHECKSUM.start]),
        checksum::data(&udp[field::CHECKSUM.end..]),
    ]);
    match !sum {
        0 => 0xffff,
        c => c,
    }
}

/// A decoded UDP datagram.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Udp {
    /// Header and payload as far as present.
    pub range: ByteRange,
    /// Source port.
    pub src_port: Field<u16>,
    /// Destination port.
    pub dst_port: Field<u16>,
    /// Length of header and payload, as announced.
    pub length: Field<u16>,
    /// Checksum over pseudo-header, header and payload.
    pub checksum: Checksum,
    /// What the payload is.
    pub payload: Option<Application>,
}

/// What a UDP datagram carries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Application {
    /// A DHCP (BOOTP) message on port 67 or 68.
    Dhcp(Dhcp),
    /// A DNS message on port 53.
    Dns(Dns),
    /// Anything else.
    Data(ByteRange),
}

/// Decode the UDP datagram in `range` of `frame`; `whole` says whether the IP
/// datagram is complete (so the checksum can be verified).
pub(super) fn decode(
    frame: &[u8],
    range: ByteRange,
    src: Ipv4Addr,
    dst: Ipv4Addr,
    whole: bool,
    problem: &mut Option<Problem>,
) -> Option<Udp> {
    let bytes = &frame[range.clone()];
    let start = range.start;
    if bytes.len() < HEADER_LEN {
        let why = format!("a UDP header needs {HEADER_LEN} bytes, only {} present", bytes.len());
        report(problem, Problem::Truncated { layer: LayerKind::Udp, why });
        return None;
    }
    let view = UdpPacket::new_unchecked(bytes);
    let at = |r: ByteRange| start + r.start..start + r.end;
    let announced = view.len() as usize;
    let mut end = range.end;
    let mut complete = whole;
    if announced < HEADER_LEN {
        let why = format!("length {announced} is shorter than the 8-byte header");
        report(problem, Problem::Malformed { layer: LayerKind::Udp, why });
        complete = false;
    } else if announced > bytes.len() {
        let why = format!("length is {announced} bytes, only {} present", bytes.len());
        report(problem, Problem::Truncated { layer: LayerKind::Udp, why });
        complete = false;
    } else {
        end = start + announced;
    }
    let value = view.checksum();
    let checksum = if value == 0 || !complete {
        Checksum::unverified(value, at(field::CHECKSUM))
    } else {
        let expected = expected_checksum(src, dst, &frame[start..end]);
        Checksum {
            field: Field::new(value, at(field::CHECKSUM)),
            status: if expected == value {
                ChecksumStatus::Good
            } else {
                ChecksumStatus::Bad { expected }
            },
        }
    };
    let (sport, dport) = (view.src_port(), view.dst_port());
    let body = start + HEADER_LEN..end;
    let payload = if [sport, dport].iter().any(|p| *p == DHCP_SERVER_PORT || *p == DHCP_CLIENT_PORT) {
        dhcp::decode(frame, body.clone(), problem).map(Application::Dhcp)
    } else if sport == DNS_PORT || dport == DNS_PORT {
        dns::decode(frame, body.clone(), problem).map(Application::Dns)
    } else {
        None
    }
    .or(Some(Application::Data(body)));
    Some(Udp {
        range: start..end,
        src_port: Field::new(sport, at(field::SRC_PORT)),
        dst_port: Field::new(dport, at(field::DST_PORT)),
        length: Field::new(view.len(), at(field::LENGTH)),
        checksum,
        payload,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SRC: Ipv4Addr = Ipv4Addr::new(192, 168, 1, 10);
    const DST: Ipv4Addr = Ipv4Addr::new(192, 168, 1, 1);

    /// A 4-byte datagram 40000 → 7 (echo), checksum computed by hand (RFC 1071 over
    /// pseudo-header c0a8 010a c0a8 0101 0011 000c, header 9c40 0035 000c, data 0102 0304).
    const GOLDEN: [u8; 12] = [0x9c, 0x40, 0x00, 0x07, 0x00, 0x0c, 0xdc, 0x2c, 1, 2, 3, 4];

    #[test]
    fn construct_matches_golden() {
        assert_eq!(datagram(SRC, DST, 40000, 7, &[1, 2, 3, 4]), GOLDEN);
    }

    #[test]
    fn deconstruct_and_verify() {
        let mut problem = None;
        let u = decode(&GOLDEN, 0..12, SRC, DST, true, &mut problem).unwrap();
        assert_eq!(problem, None);
        assert_eq!(u.src_port, Field::new(40000, 0..2));
        assert_eq!(u.dst_port, Field::new(7, 2..4));
        assert_eq!(u.length, Field::new(12, 4..6));
        assert_eq!(u.checksum.status, ChecksumStatus::Good);
        // A different pseudo-header (another source) gives a bad checksum.
        let u = decode(&GOLDEN, 0..12, Ipv4Addr::new(192, 168, 1, 11), DST, true, &mut problem).unwrap();
        assert_eq!(u.checksum.status, ChecksumStatus::Bad { expected: 0xdc2b });
    }

    #[test]
    fn zero_checksum_is_unverified_and_short_is_truncated() {
        let mut g = GOLDEN;
        g[6] = 0;
        g[7] = 0;
        let mut problem = None;
        let u = decode(&g, 0..12, SRC, DST, true, &mut problem).unwrap();
        assert_eq!(u.checksum.status, ChecksumStatus::Unverified);
        assert!(decode(&g, 0..6, SRC, DST, true, &mut problem).is_none());
        assert!(matches!(problem, Some(Problem::Truncated { layer: LayerKind::Udp, .. })));
    }
}
