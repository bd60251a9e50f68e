//! Building the exact bytes Linux puts on the wire.
//!
//! Layouts come from smoltcp's `wire` packet views; the values are Linux's:
//! the views' setters are used directly where a `Repr::emit` would choose
//! differently (smoltcp's `Ipv4Repr::emit` always writes ident 0, DF set and TOS 0).

use crate::mac::MacAddr;
use crate::time::SimTime;
use smoltcp::wire::{
    ArpHardware, ArpOperation, ArpPacket, EthernetAddress, EthernetFrame, EthernetProtocol,
    Icmpv4Message, Icmpv4Packet, IpProtocol, Ipv4Packet,
};
use std::net::Ipv4Addr;
use crate::trace::Frame;

/// Length of an Ethernet II header.
pub const ETH_HEADER_LEN: usize = 14;
/// Smallest Ethernet frame without its 4-byte FCS; shorter frames are padded.
pub const MIN_FRAME_LEN: usize = 60;
/// Length of an IPv4 header without options.
pub const IPV4_HEADER_LEN: usize = 20;
/// Length of an ICMP header (type, code, checksum, 4 bytes of rest-of-header).
pub const ICMP_HEADER_LEN: usize = 8;
/// Bytes of ICMP data iputils' ping sends by default (`-s 56`).
pub const PING_DATA_LEN: usize = 56;
/// Linux's `icmp_send` limits an ICMP error to 576 bytes of IP datagram
/// (RFC 1812 4.3.2.3), so it quotes far more than the RFC 792 header + 8 bytes.
pub const ICMP_ERROR_MAX_LEN: usize = 576;
/// IP TTL of every packet Linux originates (`net.ipv4.ip_default_ttl`).
pub const DEFAULT_TTL: u8 = 64;
/// TOS of ICMP errors: the original TOS with precedence "internetwork control".
pub const TOS_INTERNETWORK_CONTROL: u8 = 0xc0;

fn eth(mac: MacAddr) -> EthernetAddress {
    EthernetAddress(mac.0)
}

/// The 14-byte Ethernet II header.
fn ethernet_header(dst: MacAddr, src: MacAddr, ethertype: EthernetProtocol) -> [u8; ETH_HEADER_LEN] {
    let mut header = [0u8; ETH_HEADER_LEN];
    let mut frame = EthernetFrame::new_unchecked(&mut header[..]);
    frame.set_dst_addr(eth(dst));
    frame.set_src_addr(eth(src));
    frame.set_ethertype(ethertype);
    header
}

/// An Ethernet II frame around `payload`, zero-padded to 60 bytes when `pad` is set.
pub fn ethernet(
    dst: MacAddr,
    src: MacAddr,
    ethertype: EthernetProtocol,
    payload: &[u8],
    pad: bool,
) -> Vec<u8> {
    let len = ETH_HEADER_LEN + payload.len();
    let total = if pad { len.max(MIN_FRAME_LEN) } else { len };
    let mut buf = Vec::with_capacity(total);
    buf.extend_from_slice(&ethernet_header(dst, src, ethertype));
    buf.extend_from_slice(payload);
    buf.resize(total, 0);
    buf
}

/// Frames up to this size (an Ethernet payload of 1500 bytes) are built on
/// the stack by [`ethernet_frame`].
const STACK_FRAME_LEN: usize = ETH_HEADER_LEN + 1500;

/// [`ethernet`]'s frame built straight into the shared buffer the simulation
/// keeps ([`Frame`]): one allocation and one copy, where `ethernet(..).into()`
/// allocated a zeroed `Vec`, then the `Arc`, and copied between them
/// (docs/perf.md, cut 3). It calls no zeroing allocator either, the pattern
/// LLVM miscompiled on wasm (docs/wasm-opt-level-crash.md).
pub fn ethernet_frame(
    dst: MacAddr,
    src: MacAddr,
    ethertype: EthernetProtocol,
    payload: &[u8],
    pad: bool,
) -> Frame {
    let len = ETH_HEADER_LEN + payload.len();
    let total = if pad { len.max(MIN_FRAME_LEN) } else { len };
    if total > STACK_FRAME_LEN {
        return ethernet(dst, src, ethertype, payload, pad).into();
    }
    let mut buf = [0u8; STACK_FRAME_LEN];
    buf[..ETH_HEADER_LEN].copy_from_slice(&ethernet_header(dst, src, ethertype));
    buf[ETH_HEADER_LEN..len].copy_from_slice(payload);
    Frame::from(&buf[..total])
}

/// The fields of an ARP packet for IPv4 over Ethernet (RFC 826).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Arp {
    pub request: bool,
    pub sender_mac: MacAddr,
    pub sender_ip: Ipv4Addr,
    /// All zeros in every request Linux sends, broadcast or unicast probe
    /// (`arp_solicit` passes no target hardware address).
    pub target_mac: MacAddr,
    pub target_ip: Ipv4Addr,
}

/// The 28-byte ARP packet.
pub fn arp_packet(arp: &Arp) -> [u8; 28] {
    let mut buf = [0u8; 28];
    let mut p = ArpPacket::new_unchecked(&mut buf[..]);
    p.set_hardware_type(ArpHardware::Ethernet);
    p.set_protocol_type(EthernetProtocol::Ipv4);
    p.set_hardware_len(6);
    p.set_protocol_len(4);
    p.set_operation(if arp.request {
        ArpOperation::Request
    } else {
        ArpOperation::Reply
    });
    p.set_source_hardware_addr(&arp.sender_mac.0);
    p.set_source_protocol_addr(&arp.sender_ip.octets());
    p.set_target_hardware_addr(&arp.target_mac.0);
    p.set_target_protocol_addr(&arp.target_ip.octets());
    buf
}

/// An ARP frame from `arp.sender_mac` to `eth_dst`.
pub fn arp_frame(eth_dst: MacAddr, arp: &Arp, pad: bool) -> Frame {
    ethernet_frame(
        eth_dst,
        arp.sender_mac,
        EthernetProtocol::Arp,
        &arp_packet(arp),
        pad,
    )
}

/// Reads an ARP packet for IPv4 over Ethernet; `None` for anything else or too short.
pub fn parse_arp(payload: &[u8]) -> Option<Arp> {
    let p = ArpPacket::new_checked(payload).ok()?;
    if p.hardware_type() != ArpHardware::Ethernet
        || p.protocol_type() != EthernetProtocol::Ipv4
        || p.hardware_len() != 6
        || p.protocol_len() != 4
    {
        return None;
    }
    let request = match p.operation() {
        ArpOperation::Request => true,
        ArpOperation::Reply => false,
        _ => return None,
    };
    let mac = |b: &[u8]| MacAddr([b[0], b[1], b[2], b[3], b[4], b[5]]);
    let ip = |b: &[u8]| Ipv4Addr::new(b[0], b[1], b[2], b[3]);
    Some(Arp {
        request,
        sender_mac: mac(p.source_hardware_addr()),
        sender_ip: ip(p.source_protocol_addr()),
        target_mac: mac(p.target_hardware_addr()),
        target_ip: ip(p.target_protocol_addr()),
    })
}

/// The IPv4 header fields the engine chooses (no options, never fragmented).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ipv4Header {
    pub tos: u8,
    pub ident: u16,
    pub dont_frag: bool,
    pub ttl: u8,
    pub protocol: IpProtocol,
    pub src: Ipv4Addr,
    pub dst: Ipv4Addr,
}

/// An IPv4 datagram with a correct header checksum.
pub fn ipv4_datagram(h: &Ipv4Header, payload: &[u8]) -> Vec<u8> {
    let total = IPV4_HEADER_LEN + payload.len();
    let mut header = [0u8; IPV4_HEADER_LEN];
    let mut p = Ipv4Packet::new_unchecked(&mut header[..]);
    p.set_version(4);
    p.set_header_len(IPV4_HEADER_LEN as u8);
    p.set_dscp(h.tos >> 2);
    p.set_ecn(h.tos & 0x03);
    p.set_total_len(total as u16);
    p.set_ident(h.ident);
    p.clear_flags();
    p.set_dont_frag(h.dont_frag);
    p.set_frag_offset(0);
    p.set_hop_limit(h.ttl);
    p.set_next_header(h.protocol);
    p.set_src_addr(h.src);
    p.set_dst_addr(h.dst);
    p.fill_checksum();
    let mut buf = Vec::with_capacity(total);
    buf.extend_from_slice(&header);
    buf.extend_from_slice(payload);
    buf
}

/// An ICMP echo request or reply with a correct checksum.
pub fn icmp_echo(request: bool, ident: u16, seq: u16, data: &[u8]) -> Vec<u8> {
    let mut buf = Vec::with_capacity(ICMP_HEADER_LEN + data.len());
    buf.extend_from_slice(&[0u8; ICMP_HEADER_LEN]);
    buf.extend_from_slice(data);
    let mut p = Icmpv4Packet::new_unchecked(&mut buf[..]);
    p.set_msg_type(if request {
        Icmpv4Message::EchoRequest
    } else {
        Icmpv4Message::EchoReply
    });
    p.set_msg_code(0);
    p.set_echo_ident(ident);
    p.set_echo_seq_no(seq);
    p.fill_checksum();
    buf
}

/// An ICMP error (destination unreachable, time exceeded, redirect) quoting
/// `original`, cut so the whole IP datagram stays within 576 bytes as Linux
/// does. `rest` is the second header word (the new gateway of a redirect).
pub fn icmp_error(msg_type: u8, code: u8, rest: [u8; 4], original: &[u8]) -> Vec<u8> {
    let room = ICMP_ERROR_MAX_LEN - IPV4_HEADER_LEN - ICMP_HEADER_LEN;
    let quoted = &original[..original.len().min(room)];
    let mut buf = Vec::with_capacity(ICMP_HEADER_LEN + quoted.len());
    buf.extend_from_slice(&[0u8; 4]);
    buf.extend_from_slice(&rest);
    buf.extend_from_slice(quoted);
    let mut p = Icmpv4Packet::new_unchecked(&mut buf[..]);
    p.set_msg_type(Icmpv4Message::from(msg_type));
    p.set_msg_code(code);
    p.fill_checksum();
    buf
}

/// The 56 data bytes of an iputils ping: a `struct timeval` (64-bit seconds
/// and microseconds, little-endian as on x86-64) of the send time, then the
/// fill pattern 0x10, 0x11, … 0x37 (byte i holds i).
pub fn ping_payload(epoch_secs: u64, now: SimTime, len: usize) -> Vec<u8> {
    let mut data: Vec<u8> = (0..len).map(|i| i as u8).collect();
    // The send time fills the first 16 bytes when there is room (`timing`).
    if len >= 16 {
        let us = now.as_micros();
        data[0..8].copy_from_slice(&(epoch_secs + us / 1_000_000).to_le_bytes());
        data[8..16].copy_from_slice(&(us % 1_000_000).to_le_bytes());
    }
    data
}

/// The data of a traceroute 2.1 ICMP probe: byte at ICMP offset i is 0x40 + (i & 0x3f).
pub fn traceroute_payload(icmp_len: usize) -> Vec<u8> {
    (ICMP_HEADER_LEN..icmp_len)
        .map(|i| 0x40 + (i & 0x3f) as u8)
        .collect()
}

/// Decrements the TTL and patches the header checksum incrementally, exactly
/// as the kernel's `ip_decrease_ttl` (RFC 1141), so a forwarded header's checksum
/// matches Linux even in the 0x0000/0xffff corner case.
pub fn decrease_ttl(datagram: &mut [u8]) {
    let check = u16::from_be_bytes([datagram[10], datagram[11]]);
    // The kernel adds htons(0x0100) to the stored (network-order) checksum.
    let mut sum = u32::from(check) + 0x0100;
    sum += u32::from(sum >= 0xffff);
    datagram[10..12].copy_from_slice(&(sum as u16).to_be_bytes());
    datagram[8] -= 1;
}

/// Splits an IPv4 datagram (20-byte header) into fragments of at most `mtu`
/// bytes, as `ip_do_fragment` does: every fragment but the last carries a
/// multiple of 8 data bytes, `(mtu − 20) & !7`; each has the original's
/// header and ID, its offset in 8-byte units, More Fragments on all but the
/// last (and on the last if the original had it), Don't Fragment clear, and
/// its own header checksum.
pub fn fragment_ipv4(datagram: &[u8], mtu: usize) -> Vec<Vec<u8>> {
    let hlen = IPV4_HEADER_LEN;
    let data = &datagram[hlen..];
    let chunk = (mtu.saturating_sub(hlen) & !7).max(8);
    let orig = Ipv4Packet::new_unchecked(datagram);
    let (base, more_after) = (orig.frag_offset() as usize, orig.more_frags());
    let mut out = Vec::with_capacity(data.len() / chunk + 1);
    let mut at = 0;
    while at < data.len() {
        let end = (at + chunk).min(data.len());
        let mut f = Vec::with_capacity(hlen + end - at);
        f.extend_from_slice(&datagram[..hlen]);
        f.extend_from_slice(&data[at..end]);
        let mut p = Ipv4Packet::new_unchecked(&mut f[..]);
        p.set_total_len((hlen + end - at) as u16);
        p.clear_flags();
        p.set_more_frags(end < data.len() || more_after);
        p.set_frag_offset((base + at) as u16);
        p.fill_checksum();
        out.push(f);
        at = end;
    }
    out
}

/// A fragment's place: `(offset in bytes, more fragments follow)`, for the
/// reassembly queue; None for a datagram that is not a fragment.
pub fn ipv4_fragment_of(datagram: &[u8]) -> Option<(usize, bool)> {
    let p = Ipv4Packet::new_unchecked(datagram);
    let (off, more) = (p.frag_offset() as usize, p.more_frags());
    (off != 0 || more).then_some((off, more))
}

/// The datagram rebuilt from its first fragment's header and the data of
/// all of them in order (`ip_frag_reasm`): the whole length, no fragment
/// flags, a fresh header checksum.
pub fn ipv4_reassembled(first: &[u8], data: &[u8]) -> Vec<u8> {
    let mut d = Vec::with_capacity(IPV4_HEADER_LEN + data.len());
    d.extend_from_slice(&first[..IPV4_HEADER_LEN]);
    d.extend_from_slice(data);
    let total = d.len() as u16;
    let mut p = Ipv4Packet::new_unchecked(&mut d[..]);
    p.set_total_len(total);
    let df = p.dont_frag();
    p.clear_flags();
    p.set_dont_frag(df);
    p.set_frag_offset(0);
    p.fill_checksum();
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    const PC1: MacAddr = MacAddr([0x02, 0, 0, 0, 0, 0x01]);
    const PC2: MacAddr = MacAddr([0x02, 0, 0, 0, 0, 0x02]);

    #[test]
    fn arp_request_golden_bytes() {
        let arp = Arp {
            request: true,
            sender_mac: PC1,
            sender_ip: Ipv4Addr::new(10, 10, 10, 1),
            target_mac: MacAddr::ZERO,
            target_ip: Ipv4Addr::new(10, 10, 10, 100),
        };
        let frame = arp_frame(MacAddr::BROADCAST, &arp, true);
        let mut expected = vec![
            0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02, 0, 0, 0, 0, 0x01, 0x08,
            0x06, // Ethernet
            0x00, 0x01, 0x08, 0x00, 6, 4, 0x00, 0x01, // htype, ptype, hlen, plen, op
            0x02, 0, 0, 0, 0, 0x01, 10, 10, 10, 1, // sender
            0, 0, 0, 0, 0, 0, 10, 10, 10, 100, // target
        ];
        expected.resize(60, 0);
        assert_eq!(frame[..], expected[..]);
        assert_eq!(parse_arp(&frame[14..]), Some(arp));
        assert_eq!(arp_frame(MacAddr::BROADCAST, &arp, false).len(), 42);
    }

    #[test]
    fn a_frame_built_shared_is_the_frame_built_as_a_vec() {
        for len in [0, 1, 28, 46, 47, 84, 1500, 1501, 9000] {
            let payload: Vec<u8> = (0..len).map(|i| (i * 7 + 3) as u8).collect();
            for pad in [false, true] {
                let shared = ethernet_frame(PC2, PC1, EthernetProtocol::Ipv4, &payload, pad);
                let plain = ethernet(PC2, PC1, EthernetProtocol::Ipv4, &payload, pad);
                assert_eq!(shared[..], plain[..], "{len} bytes, pad {pad}");
            }
        }
    }

    #[test]
    fn echo_request_golden_bytes() {
        let data = ping_payload(1_700_000_000, SimTime::from_micros(1_000_012), PING_DATA_LEN);
        let icmp = icmp_echo(true, 0x1234, 1, &data);
        let h = Ipv4Header {
            tos: 0,
            ident: 0xabcd,
            dont_frag: true,
            ttl: 64,
            protocol: IpProtocol::Icmp,
            src: Ipv4Addr::new(10, 10, 10, 1),
            dst: Ipv4Addr::new(10, 10, 10, 100),
        };
        let ip = ipv4_datagram(&h, &icmp);
        assert_eq!(ip.len(), 84);
        assert_eq!(
            &ip[..20],
            &[
                0x45, 0, 0, 84, 0xab, 0xcd, 0x40, 0, 64, 1, 0x66, 0x63, 10, 10, 10, 1, 10, 10, 10,
                100
            ]
        );
        assert_eq!(&ip[20..28], &[8, 0, 0xc5, 0xa1, 0x12, 0x34, 0, 1]);
        // tv_sec = 1_700_000_001 little-endian, tv_usec = 12, then 0x10..0x37.
        assert_eq!(&ip[28..36], &1_700_000_001u64.to_le_bytes());
        assert_eq!(&ip[36..44], &12u64.to_le_bytes());
        assert_eq!(ip[44], 0x10);
        assert_eq!(ip[83], 0x37);
        // Checksums verify to zero.
        assert_eq!(ones_complement_sum(&ip[..20]), 0xffff);
        assert_eq!(ones_complement_sum(&ip[20..]), 0xffff);
    }

    fn ones_complement_sum(data: &[u8]) -> u16 {
        let mut sum = 0u32;
        for chunk in data.chunks(2) {
            let word = u16::from_be_bytes([chunk[0], *chunk.get(1).unwrap_or(&0)]);
            sum += u32::from(word);
        }
        while sum > 0xffff {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        sum as u16
    }

    #[test]
    fn ttl_decrement_keeps_checksum_valid() {
        let h = Ipv4Header {
            tos: 0,
            ident: 7,
            dont_frag: true,
            ttl: 64,
            protocol: IpProtocol::Icmp,
            src: Ipv4Addr::new(192, 168, 1, 10),
            dst: Ipv4Addr::new(8, 8, 8, 8),
        };
        let mut ip = ipv4_datagram(&h, &[0u8; 8]);
        for ttl in (1..64).rev() {
            decrease_ttl(&mut ip);
            assert_eq!(ip[8], ttl);
            let mut fresh = ip.clone();
            Ipv4Packet::new_unchecked(&mut fresh[..]).fill_checksum();
            assert_eq!(ip[10..12], fresh[10..12], "ttl {ttl}");
        }
    }

    #[test]
    fn icmp_error_quotes_up_to_576_bytes() {
        let original = vec![0x45u8; 1000];
        let err = icmp_error(11, 0, [0; 4], &original);
        assert_eq!(err.len(), 576 - 20);
        assert_eq!(err[0], 11);
        assert_eq!(ones_complement_sum(&err), 0xffff);
        assert_eq!(icmp_error(3, 0, [0; 4], &original[..84]).len(), 92);
        assert_eq!(
            &icmp_error(5, 1, [10, 0, 0, 2], &original[..84])[4..8],
            &[10, 0, 0, 2]
        );
    }

    #[test]
    fn traceroute_probe_data() {
        let data = traceroute_payload(40);
        assert_eq!(data.len(), 32);
        assert_eq!(data[0], 0x48);
        assert_eq!(data[31], 0x67);
    }

    #[test]
    fn pads_short_frames_only_when_asked() {
        let f = ethernet(PC2, PC1, EthernetProtocol::Ipv4, &[1, 2, 3], true);
        assert_eq!(f.len(), 60);
        assert_eq!(&f[14..17], &[1, 2, 3]);
        assert!(f[17..].iter().all(|&b| b == 0));
        assert_eq!(
            ethernet(PC2, PC1, EthernetProtocol::Ipv4, &[1, 2, 3], false).len(),
            17
        );
    }
}
