//! Building the exact IPv6 bytes Linux puts on the wire (issue 16): the
//! fixed header (RFC 8200), ICMPv6 (RFC 4443) with its pseudo-header
//! checksum, the neighbour-discovery messages (RFC 4861) and MLDv2 reports
//! (RFC 3810) in the layout and with the values `net/ipv6/ndisc.c`,
//! `net/ipv6/mcast.c`, `net/ipv6/icmp.c` and radvd write.

use crate::mac::MacAddr;
use std::net::Ipv6Addr;

/// Length of the IPv6 fixed header.
pub const IPV6_HEADER_LEN: usize = 40;
/// `net.ipv6.conf.*.hop_limit`: the hop limit of packets Linux originates.
pub const DEFAULT_HOP_LIMIT: u8 = 64;
/// RFC 4861 6.1 / 7.1: every ND message is sent with hop limit 255 and a
/// receiver drops one with any other value (it proves the sender is on-link).
pub const ND_HOP_LIMIT: u8 = 255;
/// ICMPv6 types (RFC 4443, 4861, 3810).
pub mod icmp6 {
    pub const DST_UNREACH: u8 = 1;
    pub const PACKET_TOO_BIG: u8 = 2;
    pub const TIME_EXCEEDED: u8 = 3;
    pub const PARAM_PROBLEM: u8 = 4;
    pub const ECHO_REQUEST: u8 = 128;
    pub const ECHO_REPLY: u8 = 129;
    pub const MLD2_REPORT: u8 = 143;
    pub const ROUTER_SOLICIT: u8 = 133;
    pub const ROUTER_ADVERT: u8 = 134;
    pub const NEIGHBOR_SOLICIT: u8 = 135;
    pub const NEIGHBOR_ADVERT: u8 = 136;
}
/// RFC 4443 2.4 (c): an ICMPv6 error holds as much of the offending packet
/// as fits in the minimum IPv6 MTU, 1280 bytes (`icmp6_send`).
pub const ICMP6_ERROR_MAX_LEN: usize = 1280;
/// Next-header numbers.
pub const NEXT_HOP_BY_HOP: u8 = 0;
pub const NEXT_ICMPV6: u8 = 58;

/// ff02::1, all nodes.
pub const ALL_NODES: Ipv6Addr = Ipv6Addr::new(0xff02, 0, 0, 0, 0, 0, 0, 1);
/// ff02::2, all routers.
pub const ALL_ROUTERS: Ipv6Addr = Ipv6Addr::new(0xff02, 0, 0, 0, 0, 0, 0, 2);
/// ff05::2, site-local all routers (a forwarding interface joins it).
pub const SITE_ALL_ROUTERS: Ipv6Addr = Ipv6Addr::new(0xff05, 0, 0, 0, 0, 0, 0, 2);
/// ff02::16, all MLDv2-capable routers: where MLDv2 reports go.
pub const ALL_MLDV2_ROUTERS: Ipv6Addr = Ipv6Addr::new(0xff02, 0, 0, 0, 0, 0, 0, 0x16);

/// The solicited-node multicast address of `addr` (RFC 4291 2.7.1):
/// ff02::1:ff followed by the address's low 24 bits.
pub fn solicited_node(addr: Ipv6Addr) -> Ipv6Addr {
    let o = addr.octets();
    let mut b = [0u8; 16];
    b[0] = 0xff;
    b[1] = 0x02;
    b[11] = 0x01;
    b[12] = 0xff;
    b[13..].copy_from_slice(&o[13..]);
    Ipv6Addr::from(b)
}

/// The Ethernet address of an IPv6 multicast group (RFC 2464 7): 33:33 and
/// the group's low 32 bits.
pub fn multicast_mac(group: Ipv6Addr) -> MacAddr {
    let o = group.octets();
    MacAddr([0x33, 0x33, o[12], o[13], o[14], o[15]])
}

/// The IPv6 fixed header and `payload` behind it.
pub fn ipv6_datagram(src: Ipv6Addr, dst: Ipv6Addr, next: u8, hop_limit: u8, flow: u32, payload: &[u8]) -> Vec<u8> {
    let mut d = Vec::with_capacity(IPV6_HEADER_LEN + payload.len());
    let first = (6u32 << 28) | (flow & 0xf_ffff);
    d.extend_from_slice(&first.to_be_bytes());
    d.extend_from_slice(&(payload.len() as u16).to_be_bytes());
    d.push(next);
    d.push(hop_limit);
    d.extend_from_slice(&src.octets());
    d.extend_from_slice(&dst.octets());
    d.extend_from_slice(payload);
    d
}

/// The ICMPv6 checksum over the pseudo-header (RFC 8200 8.1) and `message`.
pub fn icmpv6_checksum(src: Ipv6Addr, dst: Ipv6Addr, message: &[u8]) -> u16 {
    let mut sum: u32 = 0;
    let mut add = |b: &[u8]| {
        for c in b.chunks(2) {
            sum += u32::from(c[0]) << 8 | u32::from(*c.get(1).unwrap_or(&0));
        }
    };
    add(&src.octets());
    add(&dst.octets());
    add(&(message.len() as u32).to_be_bytes());
    add(&[0, 0, 0, NEXT_ICMPV6]);
    add(message);
    while sum >> 16 != 0 {
        sum = (sum & 0xffff) + (sum >> 16);
    }
    !(sum as u16)
}

/// An ICMPv6 message (type, code, checksum, `body`) in an IPv6 datagram.
pub fn icmpv6_datagram(src: Ipv6Addr, dst: Ipv6Addr, hop_limit: u8, flow: u32, ty: u8, code: u8, body: &[u8]) -> Vec<u8> {
    let mut m = Vec::with_capacity(4 + body.len());
    m.extend_from_slice(&[ty, code, 0, 0]);
    m.extend_from_slice(body);
    let c = icmpv6_checksum(src, dst, &m);
    m[2..4].copy_from_slice(&c.to_be_bytes());
    ipv6_datagram(src, dst, NEXT_ICMPV6, hop_limit, flow, &m)
}

/// A link-layer address option (RFC 4861 4.6.1): type 1 source, 2 target; length 1 (8 bytes).
fn lladdr_option(out: &mut Vec<u8>, ty: u8, mac: MacAddr) {
    out.extend_from_slice(&[ty, 1]);
    out.extend_from_slice(&mac.0);
}

/// A neighbour solicitation for `target` (RFC 4861 4.3). `sllao`: the
/// source link-layer option, left out when the source is :: (DAD, 7.2.2).
pub fn ns(src: Ipv6Addr, dst: Ipv6Addr, target: Ipv6Addr, sllao: Option<MacAddr>) -> Vec<u8> {
    let mut b = vec![0u8; 4];
    b.extend_from_slice(&target.octets());
    if let Some(mac) = sllao {
        lladdr_option(&mut b, 1, mac);
    }
    icmpv6_datagram(src, dst, ND_HOP_LIMIT, 0, icmp6::NEIGHBOR_SOLICIT, 0, &b)
}

/// A neighbour advertisement (RFC 4861 4.4): flags R, S, O; the target
/// link-layer option when `tllao` (`ndisc_send_na`'s `inc_opt`).
#[allow(clippy::too_many_arguments)]
pub fn na(src: Ipv6Addr, dst: Ipv6Addr, target: Ipv6Addr, router: bool, solicited: bool, override_: bool, tllao: Option<MacAddr>) -> Vec<u8> {
    let flags = (u8::from(router) << 7) | (u8::from(solicited) << 6) | (u8::from(override_) << 5);
    let mut b = vec![flags, 0, 0, 0];
    b.extend_from_slice(&target.octets());
    if let Some(mac) = tllao {
        lladdr_option(&mut b, 2, mac);
    }
    icmpv6_datagram(src, dst, ND_HOP_LIMIT, 0, icmp6::NEIGHBOR_ADVERT, 0, &b)
}

/// A router solicitation to ff02::2 (RFC 4861 4.1), with the source
/// link-layer option unless the source is :: (`ndisc_send_rs`).
pub fn rs(src: Ipv6Addr, sllao: Option<MacAddr>) -> Vec<u8> {
    let mut b = vec![0u8; 4];
    if let Some(mac) = sllao {
        lladdr_option(&mut b, 1, mac);
    }
    icmpv6_datagram(src, ALL_ROUTERS, ND_HOP_LIMIT, 0, icmp6::ROUTER_SOLICIT, 0, &b)
}

/// What a router advertisement says (radvd's `send_ra`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RaFields {
    /// AdvCurHopLimit (64).
    pub cur_hop_limit: u8,
    /// AdvDefaultLifetime, seconds (0: not a default router).
    pub router_lifetime: u16,
    pub prefix: ipnet::Ipv6Net,
    /// AdvOnLink (L) and AdvAutonomous (A).
    pub on_link: bool,
    pub autonomous: bool,
    /// AdvValidLifetime 86400 and AdvPreferredLifetime 14400 (radvd's defaults).
    pub valid: u32,
    pub preferred: u32,
    pub mac: MacAddr,
}

/// A router advertisement to ff02::1 (RFC 4861 4.2), options in radvd's
/// order: prefix information (4.6.2), then the source link-layer address
/// (AdvSourceLLAddress on). No MTU option: radvd sends one only when AdvLinkMTU is set.
pub fn ra(src: Ipv6Addr, dst: Ipv6Addr, f: &RaFields) -> Vec<u8> {
    let mut b = vec![f.cur_hop_limit, 0];
    b.extend_from_slice(&f.router_lifetime.to_be_bytes());
    b.extend_from_slice(&[0; 8]); // reachable time, retrans timer: unspecified
    b.extend_from_slice(&[3, 4, f.prefix.prefix_len(), (u8::from(f.on_link) << 7) | (u8::from(f.autonomous) << 6)]);
    b.extend_from_slice(&f.valid.to_be_bytes());
    b.extend_from_slice(&f.preferred.to_be_bytes());
    b.extend_from_slice(&[0; 4]);
    b.extend_from_slice(&f.prefix.network().octets());
    lladdr_option(&mut b, 1, f.mac);
    icmpv6_datagram(src, dst, ND_HOP_LIMIT, 0, icmp6::ROUTER_ADVERT, 0, &b)
}

/// An MLDv2 report (RFC 3810 5.2) to ff02::16 with one CHANGE_TO_EXCLUDE
/// record (type 4, "join") per group, behind a hop-by-hop header with the
/// router alert option (RFC 2711, value 0 = MLD) and a PadN, hop limit 1,
/// as `mld_newpack` builds it.
pub fn mld_report(src: Ipv6Addr, groups: &[Ipv6Addr]) -> Vec<u8> {
    let mut m = vec![icmp6::MLD2_REPORT, 0, 0, 0, 0, 0];
    m.extend_from_slice(&(groups.len() as u16).to_be_bytes());
    for g in groups {
        m.extend_from_slice(&[4, 0, 0, 0]);
        m.extend_from_slice(&g.octets());
    }
    let c = icmpv6_checksum(src, ALL_MLDV2_ROUTERS, &m);
    m[2..4].copy_from_slice(&c.to_be_bytes());
    let mut payload = vec![NEXT_ICMPV6, 0, 5, 2, 0, 0, 1, 0];
    payload.extend_from_slice(&m);
    ipv6_datagram(src, ALL_MLDV2_ROUTERS, NEXT_HOP_BY_HOP, 1, 0, &payload)
}

/// An echo request or reply body: identifier, sequence, data.
pub fn echo_body(ident: u16, seq: u16, data: &[u8]) -> Vec<u8> {
    let mut b = Vec::with_capacity(4 + data.len());
    b.extend_from_slice(&ident.to_be_bytes());
    b.extend_from_slice(&seq.to_be_bytes());
    b.extend_from_slice(data);
    b
}

/// An ICMPv6 error body: the 4-byte parameter (unused, MTU or pointer) and
/// as much of `original` as keeps the error within 1280 bytes.
pub fn error_body(param: u32, original: &[u8]) -> Vec<u8> {
    let room = ICMP6_ERROR_MAX_LEN - IPV6_HEADER_LEN - 8;
    let mut b = param.to_be_bytes().to_vec();
    b.extend_from_slice(&original[..original.len().min(room)]);
    b
}

/// Decrements the hop limit of a datagram being forwarded (no checksum in IPv6).
pub fn decrease_hop_limit(datagram: &mut [u8]) {
    datagram[7] = datagram[7].saturating_sub(1);
}

/// The Fragment extension header's next-header number (RFC 8200 4.5).
pub const NEXT_FRAGMENT: u8 = 44;
/// Its length: next header, reserved, offset and M flag, identification.
pub const FRAG_HEADER_LEN: usize = 8;

/// Splits an IPv6 datagram (the 40-byte header its unfragmentable part: the
/// lab's packets carry no hop-by-hop or routing header) into fragments of at
/// most `mtu` bytes, as `ip6_fragment` does: each is the header with the
/// payload length of the fragment, next header 44, then a Fragment header
/// (the original next header, offset in 8-byte units, M on all but the
/// last, `ident`) and `(mtu − 48) & !7` data bytes (the last: the rest).
pub fn fragment_ipv6(datagram: &[u8], mtu: usize, ident: u32) -> Vec<Vec<u8>> {
    let data = &datagram[IPV6_HEADER_LEN..];
    let chunk = (mtu.saturating_sub(IPV6_HEADER_LEN + FRAG_HEADER_LEN) & !7).max(8);
    let next = datagram[6];
    let mut out = Vec::with_capacity(data.len() / chunk + 1);
    let mut at = 0;
    while at < data.len() {
        let end = (at + chunk).min(data.len());
        let mut f = Vec::with_capacity(IPV6_HEADER_LEN + FRAG_HEADER_LEN + end - at);
        f.extend_from_slice(&datagram[..IPV6_HEADER_LEN]);
        f[4..6].copy_from_slice(&((FRAG_HEADER_LEN + end - at) as u16).to_be_bytes());
        f[6] = NEXT_FRAGMENT;
        let off = (at as u16) | u16::from(end < data.len());
        f.extend_from_slice(&[next, 0]);
        f.extend_from_slice(&off.to_be_bytes());
        f.extend_from_slice(&ident.to_be_bytes());
        f.extend_from_slice(&data[at..end]);
        out.push(f);
        at = end;
    }
    out
}


#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn solicited_node_and_its_mac() {
        let a: Ipv6Addr = "2001:db8:1::64".parse().unwrap();
        assert_eq!(solicited_node(a), "ff02::1:ff00:64".parse::<Ipv6Addr>().unwrap());
        assert_eq!(multicast_mac(solicited_node(a)), MacAddr([0x33, 0x33, 0xff, 0, 0, 0x64]));
    }

    #[test]
    fn checksum_of_a_known_ns() {
        // A DAD NS for fe80::200:ff:fe00:1 (checksum checked with tshark).
        let t: Ipv6Addr = "fe80::200:ff:fe00:1".parse().unwrap();
        let d = ns(Ipv6Addr::UNSPECIFIED, solicited_node(t), t, None);
        assert_eq!(d.len(), 64);
        assert_eq!(icmpv6_checksum(Ipv6Addr::UNSPECIFIED, solicited_node(t), &d[40..]), 0);
    }
}
