//! MASQUERADE tests: outbound rewrite, reply back, port collision, ICMP error
//! translated back (inner header too), TCP/UDP state and timeouts.

use super::*;
use crate::frames::{self, Ipv4Header};
use crate::wire::tcp::{flags, Options, SegmentRepr};
use smoltcp::wire::{IpProtocol, TcpPacket, UdpPacket};

const IN: Ipv4Addr = Ipv4Addr::new(192, 168, 1, 10);
const IN2: Ipv4Addr = Ipv4Addr::new(192, 168, 1, 11);
const OUT: Ipv4Addr = Ipv4Addr::new(203, 0, 113, 5);
const SRV: Ipv4Addr = Ipv4Addr::new(93, 184, 215, 14);

fn tcp(src: (Ipv4Addr, u16), dst: (Ipv4Addr, u16), fl: u16) -> Vec<u8> {
    tcp_seq(src, dst, fl, 1000, 2000)
}

/// A segment with these numbers; the client's ISN is 999, the server's 1999,
/// so the helper's defaults (seq 1000 / ack 2000) are the handshake's ACK.
fn tcp_seq(src: (Ipv4Addr, u16), dst: (Ipv4Addr, u16), fl: u16, seq: u32, ack: u32) -> Vec<u8> {
    let r = SegmentRepr { src_port: src.1, dst_port: dst.1, seq, ack: if fl & flags::ACK != 0 { ack } else { 0 }, flags: fl, window: 502, options: Options::default() };
    let seg = r.build(src.0, dst.0, b"");
    let h = Ipv4Header { tos: 0, ident: 7, dont_frag: true, ttl: 63, protocol: IpProtocol::Tcp, src: src.0, dst: dst.0 };
    frames::ipv4_datagram(&h, &seg)
}

fn udp(src: (Ipv4Addr, u16), dst: (Ipv4Addr, u16)) -> Vec<u8> {
    let d = crate::wire::udp::datagram(src.0, dst.0, src.1, dst.1, b"query");
    let h = Ipv4Header { tos: 0, ident: 7, dont_frag: false, ttl: 63, protocol: IpProtocol::Udp, src: src.0, dst: dst.0 };
    frames::ipv4_datagram(&h, &d)
}

fn rewritten(t: Translated) -> Vec<u8> {
    match t {
        Translated::Rewritten(b) => b,
        other => panic!("expected a rewrite, got {other:?}"),
    }
}

/// (src, sport, dst, dport) of a TCP/UDP datagram, after checking every checksum.
fn check(ip: &[u8]) -> (Ipv4Addr, u16, Ipv4Addr, u16) {
    let p = Ipv4Packet::new_checked(ip).unwrap();
    assert!(p.verify_checksum(), "IPv4 header checksum");
    let (s, d) = (p.src_addr(), p.dst_addr());
    let l4 = &ip[20..];
    if u8::from(p.next_header()) == 6 {
        let t = TcpPacket::new_checked(l4).unwrap();
        assert!(t.verify_checksum(&s.into(), &d.into()), "TCP checksum");
        (s, t.src_port(), d, t.dst_port())
    } else {
        let u = UdpPacket::new_checked(l4).unwrap();
        assert!(u.verify_checksum(&s.into(), &d.into()), "UDP checksum");
        (s, u.src_port(), d, u.dst_port())
    }
}

#[test]
fn outbound_keeps_port_and_reply_comes_back() {
    let mut nat = Masquerade::new(OUT);
    let mut rng = Rng::new(1);
    let out = rewritten(nat.translate_outbound(SimTime::ZERO, &tcp_seq((IN, 43210), (SRV, 80), flags::SYN, 999, 0), &mut rng));
    assert_eq!(check(&out), (OUT, 43210, SRV, 80));
    let e = nat.entries().next().unwrap().clone();
    assert_eq!(e.tcp, Some(TcpCtState::SynSent));
    assert_eq!(e.expires, SimTime::from_secs(120));
    assert_eq!(
        e.line(SimTime::ZERO),
        "tcp 6 120 SYN_SENT src=192.168.1.10 dst=93.184.215.14 sport=43210 dport=80 [UNREPLIED] src=93.184.215.14 dst=203.0.113.5 sport=80 dport=43210"
    );
    let t1 = SimTime::from_millis(10);
    let back = rewritten(nat.translate_inbound(t1, &tcp_seq((SRV, 80), (OUT, 43210), flags::SYN | flags::ACK, 1999, 1000)));
    assert_eq!(check(&back), (SRV, 80, IN, 43210));
    assert_eq!(nat.entries().next().unwrap().tcp, Some(TcpCtState::SynRecv));
    assert_eq!(nat.poll_at(), Some(t1 + SimTime::from_secs(60)));
    nat.translate_outbound(t1, &tcp((IN, 43210), (SRV, 80), flags::ACK), &mut rng);
    let e = nat.entries().next().unwrap();
    assert_eq!((e.tcp, e.assured), (Some(TcpCtState::Established), true));
    assert_eq!(e.expires, t1 + SimTime::from_secs(5 * 24 * 3600));
    // Untracked inbound traffic is left alone (the router then delivers or drops it).
    assert_eq!(nat.translate_inbound(t1, &tcp((SRV, 80), (OUT, 5555), flags::ACK)), Translated::Untouched);
}

#[test]
fn fin_teardown_ends_in_time_wait() {
    let mut nat = Masquerade::new(OUT);
    let mut rng = Rng::new(1);
    let (c, s) = ((IN, 40000), (SRV, 80));
    let r = (SRV, 80);
    let o = (OUT, 40000);
    let t = SimTime::from_secs(1);
    nat.translate_outbound(t, &tcp_seq(c, s, flags::SYN, 999, 0), &mut rng);
    nat.translate_inbound(t, &tcp_seq(r, o, flags::SYN | flags::ACK, 1999, 1000));
    nat.translate_outbound(t, &tcp(c, s, flags::ACK), &mut rng);
    // Before the FIN is acknowledged the 5-day ESTABLISHED timeout is not
    // capped; a FIN is data-like (it advances td_end) and the cap applies.
    nat.translate_outbound(t, &tcp_seq(c, s, flags::FIN | flags::ACK, 1000, 2000), &mut rng);
    assert_eq!(nat.poll_at(), Some(t + SimTime::from_secs(120)));
    assert_eq!(nat.entries().next().unwrap().tcp, Some(TcpCtState::FinWait));
    nat.translate_inbound(t, &tcp_seq(r, o, flags::FIN | flags::ACK, 2000, 1001));
    assert_eq!(nat.entries().next().unwrap().tcp, Some(TcpCtState::LastAck));
    nat.translate_outbound(t, &tcp_seq(c, s, flags::ACK, 1001, 2001), &mut rng);
    assert_eq!(nat.entries().next().unwrap().tcp, Some(TcpCtState::TimeWait));
    assert_eq!(nat.poll_at(), Some(t + SimTime::from_secs(120)));
    assert!(nat.expire(t + SimTime::from_secs(119)).is_empty());
    assert_eq!(nat.expire(t + SimTime::from_secs(120)).len(), 1);
    assert_eq!(nat.entries().count(), 0);
}

#[test]
fn unacknowledged_data_caps_the_timeout() {
    let mut nat = Masquerade::new(OUT);
    let mut rng = Rng::new(1);
    let (c, s, r, o) = ((IN, 40000), (SRV, 80), (SRV, 80), (OUT, 40000));
    nat.translate_outbound(SimTime::ZERO, &tcp_seq(c, s, flags::SYN, 999, 0), &mut rng);
    nat.translate_inbound(SimTime::ZERO, &tcp_seq(r, o, flags::SYN | flags::ACK, 1999, 1000));
    nat.translate_outbound(SimTime::ZERO, &tcp(c, s, flags::ACK), &mut rng);
    assert_eq!(nat.poll_at(), Some(SimTime::from_secs(5 * 24 * 3600)));
    // A request nobody acknowledged (server gone): 300 s, not 5 days.
    let mut req = SegmentRepr { src_port: 40000, dst_port: 80, seq: 1000, ack: 2000, flags: flags::PSH | flags::ACK, window: 502, options: Options::default() }.build(IN, SRV, b"GET / HTTP/1.1\r\n\r\n");
    let h = Ipv4Header { tos: 0, ident: 9, dont_frag: true, ttl: 63, protocol: IpProtocol::Tcp, src: IN, dst: SRV };
    req = frames::ipv4_datagram(&h, &req);
    let t = SimTime::from_secs(1);
    nat.translate_outbound(t, &req, &mut rng);
    assert_eq!(nat.poll_at(), Some(t + SimTime::from_secs(300)));
    // Its ACK restores the ESTABLISHED timeout.
    nat.translate_inbound(t, &tcp_seq(r, o, flags::ACK, 2000, 1018));
    assert_eq!(nat.poll_at(), Some(t + SimTime::from_secs(5 * 24 * 3600)));
    // A reset: CLOSE, 10 s.
    nat.translate_inbound(t, &tcp_seq(r, o, flags::RST, 2000, 0));
    assert_eq!(nat.entries().next().unwrap().tcp, Some(TcpCtState::Close));
    assert_eq!(nat.poll_at(), Some(t + SimTime::from_secs(10)));
}

#[test]
fn port_collision_picks_as_nf_nat_does() {
    let mut nat = Masquerade::new(OUT);
    let mut rng = Rng::new(9);
    nat.translate_outbound(SimTime::ZERO, &tcp((IN, 43210), (SRV, 80), flags::SYN), &mut rng);
    let mut expect_rng = rng.clone();
    let off = u32::from(expect_rng.next_u16());
    let expected = (1024 + off % 64512) as u16;
    let out = rewritten(nat.translate_outbound(SimTime::ZERO, &tcp((IN2, 43210), (SRV, 80), flags::SYN), &mut rng));
    assert_eq!(check(&out), (OUT, expected, SRV, 80));
    // The reply to that port reaches the second host.
    let back = rewritten(nat.translate_inbound(SimTime::ZERO, &tcp((SRV, 80), (OUT, expected), flags::SYN | flags::ACK)));
    assert_eq!(check(&back), (SRV, 80, IN2, 43210));
    // The same inside source to another server: find_appropriate_src reuses
    // its existing mapping (the collision port), not the original port.
    let other = Ipv4Addr::new(198, 51, 100, 7);
    let out = rewritten(nat.translate_outbound(SimTime::ZERO, &tcp((IN2, 43210), (other, 80), flags::SYN), &mut rng));
    assert_eq!(check(&out).1, expected);
    // A fresh source port to that other server keeps its port.
    let out = rewritten(nat.translate_outbound(SimTime::ZERO, &tcp((IN2, 43212), (other, 80), flags::SYN), &mut rng));
    assert_eq!(check(&out).1, 43212);
    // A privileged port that clashes stays privileged (600-1023 band).
    nat.translate_outbound(SimTime::ZERO, &udp((IN, 700), (SRV, 53)), &mut rng);
    let out = rewritten(nat.translate_outbound(SimTime::ZERO, &udp((IN2, 700), (SRV, 53)), &mut rng));
    let p = check(&out).1;
    assert!((600..1024).contains(&p) && p != 700, "{p}");
}

#[test]
fn icmp_error_translated_back_with_inner_header() {
    let mut nat = Masquerade::new(OUT);
    let mut rng = Rng::new(1);
    let q = udp((IN, 51000), (SRV, 53));
    let sent = rewritten(nat.translate_outbound(SimTime::ZERO, &q, &mut rng));
    // The server answers "port unreachable", quoting the translated datagram whole.
    let icmp = frames::icmp_error(3, 3, [0; 4], &sent);
    let h = Ipv4Header { tos: 0xc0, ident: 1, dont_frag: false, ttl: 60, protocol: IpProtocol::Icmp, src: SRV, dst: OUT };
    let err = frames::ipv4_datagram(&h, &icmp);
    let back = rewritten(nat.translate_inbound(SimTime::from_millis(5), &err));
    let p = Ipv4Packet::new_checked(&back[..]).unwrap();
    assert!(p.verify_checksum());
    assert_eq!(p.dst_addr(), IN);
    assert_eq!(!smoltcp::wire::checksum::data(&back[20..]), 0, "ICMP checksum");
    // The quote is now exactly the datagram the inside host sent.
    let quote = &back[28..];
    assert_eq!(quote, &q[..quote.len()]);
    assert!(check(quote) == (IN, 51000, SRV, 53));
    // The entry is unreplied still: an error is related traffic, not a reply.
    assert!(!nat.entries().next().unwrap().seen_reply);
}

#[test]
fn udp_and_icmp_timeouts() {
    let mut nat = Masquerade::new(OUT);
    let mut rng = Rng::new(1);
    nat.translate_outbound(SimTime::ZERO, &udp((IN, 51000), (SRV, 53)), &mut rng);
    assert_eq!(nat.poll_at(), Some(SimTime::from_secs(30)));
    // A reply within 2 s: still 30 s; traffic after 2 s with a reply seen: 120 s, assured.
    nat.translate_inbound(SimTime::from_secs(1), &udp((SRV, 53), (OUT, 51000)));
    assert_eq!(nat.poll_at(), Some(SimTime::from_secs(31)));
    nat.translate_outbound(SimTime::from_secs(3), &udp((IN, 51000), (SRV, 53)), &mut rng);
    assert_eq!(nat.poll_at(), Some(SimTime::from_secs(123)));
    assert!(nat.entries().next().unwrap().assured);
    // ICMP echo: keyed on the id, 30 s.
    let echo = frames::icmp_echo(true, 0x1234, 1, b"abcdefgh");
    let h = Ipv4Header { tos: 0, ident: 1, dont_frag: true, ttl: 63, protocol: IpProtocol::Icmp, src: IN, dst: SRV };
    let out = rewritten(nat.translate_outbound(SimTime::from_secs(4), &frames::ipv4_datagram(&h, &echo), &mut rng));
    assert_eq!(!smoltcp::wire::checksum::data(&out[20..]), 0);
    let reply = frames::icmp_echo(false, 0x1234, 1, b"abcdefgh");
    let h = Ipv4Header { src: SRV, dst: OUT, ..h };
    let back = rewritten(nat.translate_inbound(SimTime::from_secs(4), &frames::ipv4_datagram(&h, &reply)));
    assert_eq!(&back[16..20], &IN.octets());
    let icmp_entry = nat.entries().find(|e| e.original.proto == 1).unwrap();
    assert_eq!(icmp_entry.expires, SimTime::from_secs(34));
    assert_eq!(nat.expire(SimTime::from_secs(123)).len(), 2);
}

#[test]
fn incremental_checksum_matches_rfc1624_example() {
    // RFC 1624 §4: HC = 0xdd2f, m = 0x5555 → m' = 0x3285 gives HC' = 0x0000.
    assert_eq!(csum_replace(0xdd2f, &[0x55, 0x55], &[0x32, 0x85]), 0x0000);
}

/// Nothing panics on garbage, in either direction, including ICMP errors with
/// mangled quotes.
#[test]
fn garbage_never_panics() {
    let mut nat = Masquerade::new(OUT);
    let mut rng = Rng::new(5);
    let good = tcp((IN, 40000), (SRV, 80), flags::SYN);
    nat.translate_outbound(SimTime::ZERO, &good, &mut rng);
    let icmp = frames::icmp_error(3, 1, [0; 4], &good);
    let h = Ipv4Header { tos: 0, ident: 1, dont_frag: false, ttl: 60, protocol: IpProtocol::Icmp, src: SRV, dst: OUT };
    let err = frames::ipv4_datagram(&h, &icmp);
    for i in 0..3000u64 {
        let mut b = if i % 2 == 0 { good.clone() } else { err.clone() };
        for _ in 0..1 + rng.below(4) {
            let at = rng.below(b.len() as u64) as usize;
            b[at] = rng.next_u16() as u8;
        }
        b.truncate(rng.below(b.len() as u64 + 1) as usize);
        let t = SimTime::from_millis(i);
        let _ = nat.translate_outbound(t, &b, &mut rng);
        let _ = nat.translate_inbound(t, &b);
    }
}
