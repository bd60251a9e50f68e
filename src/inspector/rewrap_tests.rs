//! The rewrap diff on frame pairs made by the engine's own models: a TCP SYN from
//! `TcpTable::connect`, an ICMP echo and a UDP query, forwarded plainly (TTL − 1) or through
//! `Masquerade` (l3/nat.rs) outbound and back; an ICMP error translated back. And the
//! pairing of a sent frame with the one it forwards, by hand-built traces and on every
//! example (where, without NAT, it agrees with the engine's `explain::forwarded_from`).

use std::net::Ipv4Addr;

use super::*;
use packet_engine::frames::{self, Ipv4Header};
use packet_engine::l3::nat::{Masquerade, Translated};
use packet_engine::l4::tcp::TcpTable;
use packet_engine::rng::Rng;
use packet_engine::trace::{PortRef, TraceEvent};
use packet_engine::{MacAddr, SimTime};
use smoltcp::wire::{EthernetProtocol, IpProtocol as P};

const LAPTOP: Ipv4Addr = Ipv4Addr::new(192, 168, 1, 10);
const LAPTOP2: Ipv4Addr = Ipv4Addr::new(192, 168, 1, 11);
const WAN: Ipv4Addr = Ipv4Addr::new(203, 0, 113, 2);
const WEB: Ipv4Addr = Ipv4Addr::new(93, 184, 215, 14);
const A: MacAddr = MacAddr([2, 0, 0, 0, 0, 0x0a]);
const B: MacAddr = MacAddr([2, 0, 0, 0, 0, 0x01]);
const C: MacAddr = MacAddr([2, 0, 0, 0, 1, 0x01]);
const D: MacAddr = MacAddr([2, 0, 0, 0, 1, 0xfe]);

fn eth(dst: MacAddr, src: MacAddr, ip: &[u8]) -> Vec<u8> {
    frames::ethernet(dst, src, EthernetProtocol::Ipv4, ip, true)
}

fn ip(proto: P, src: Ipv4Addr, dst: Ipv4Addr, payload: &[u8]) -> Vec<u8> {
    let h = Ipv4Header { tos: 0, ident: 0x4d2, dont_frag: true, ttl: 64, protocol: proto, src, dst };
    frames::ipv4_datagram(&h, payload)
}

/// A Linux SYN from `from` to the web server, as the TCP model sends it (in IPv4).
fn syn(from: Ipv4Addr, rng: &mut Rng) -> Vec<u8> {
    let mut tcp = TcpTable::new(1500);
    tcp.connect(SimTime::ZERO, from, (WEB, 80), rng).unwrap();
    let s = tcp.take_output().remove(0);
    ip(P::Tcp, s.src, s.dst, &s.bytes)
}

fn rewritten(t: Translated) -> Vec<u8> {
    match t {
        Translated::Rewritten(b) => b,
        other => panic!("expected a rewrite, got {other:?}"),
    }
}

/// The router's forward of `datagram`: TTL − 1, then (outbound) MASQUERADE if given.
fn forward(datagram: &[u8], nat: Option<(&mut Masquerade, &mut Rng)>) -> Vec<u8> {
    let mut d = datagram.to_vec();
    frames::decrease_ttl(&mut d);
    match nat {
        Some((n, rng)) => rewritten(n.translate_outbound(SimTime::ZERO, &d, rng)),
        None => d,
    }
}

/// field → (before, after, why)
fn rows(arrived: &[u8], left: &[u8]) -> Vec<(&'static str, String, String, String)> {
    diff(arrived, left).unwrap().into_iter().map(|c| (c.field, c.before, c.after, c.why.to_string())).collect()
}

fn get<'a>(rows: &'a [(&'static str, String, String, String)], field: &str) -> &'a (&'static str, String, String, String) {
    rows.iter().find(|r| r.0 == field).unwrap_or_else(|| panic!("no row {field} in {rows:?}"))
}

fn changed(rows: &[(&'static str, String, String, String)]) -> Vec<&'static str> {
    rows.iter().filter(|r| r.1 != r.2).map(|r| r.0).collect()
}

#[test]
fn plain_routing_changes_macs_ttl_and_header_checksum_only() {
    let mut rng = Rng::new(3);
    let d = syn(LAPTOP, &mut rng);
    let r = rows(&eth(B, A, &d), &eth(D, C, &forward(&d, None)));
    assert_eq!(changed(&r), ["Destination MAC", "Source MAC", "TTL", "Header checksum"]);
    assert_eq!(get(&r, "Source address").3, KEPT.to_string());
    assert_eq!(get(&r, "Header checksum").3, "recomputed because the TTL changed");
    // The TCP checksum covers the pseudo-header, not the TTL.
    let sum = get(&r, "TCP checksum");
    assert_eq!((sum.1 == sum.2, sum.3.as_str()), (true, "covers addresses and ports, not the TTL: unchanged"));
    assert_eq!(get(&r, "Destination port").1, "80");
}

#[test]
fn masquerade_outbound_rewrites_source_address_and_both_checksums() {
    let mut rng = Rng::new(3);
    let mut nat = Masquerade::new(WAN);
    let d = syn(LAPTOP, &mut rng);
    let out = forward(&d, Some((&mut nat, &mut rng)));
    let r = rows(&eth(B, A, &d), &eth(D, C, &out));
    // A free port is kept (nf_nat: the tuple is unused), so the port row says "kept".
    assert_eq!(changed(&r), ["Destination MAC", "Source MAC", "TTL", "Header checksum", "Source address", "TCP checksum"]);
    let src = get(&r, "Source address");
    assert_eq!((src.1.as_str(), src.2.as_str()), ("192.168.1.10", "203.0.113.2"));
    assert!(src.3.starts_with("NAT"), "{}", src.3);
    assert_eq!(get(&r, "Header checksum").3, "recomputed: the TTL and an address changed");
    assert!(get(&r, "TCP checksum").3.starts_with("updated for the new address"));
    // The frame that left verifies: the diff's "after" checksum is a correct one.
    let tcp = wire::decode(&eth(D, C, &out)).tcp().unwrap().checksum.clone();
    assert!(!tcp.is_bad());

    // A second laptop with the same source port: the router picks another port.
    let mut rng2 = Rng::new(3);
    let d2 = syn(LAPTOP2, &mut rng2);
    let out2 = forward(&d2, Some((&mut nat, &mut rng)));
    let r = rows(&eth(B, A, &d2), &eth(D, C, &out2));
    assert!(changed(&r).contains(&"Source port"), "{r:?}");
    assert_eq!(get(&r, "Source port").3, "NAT: the router's port for this flow");
    assert_eq!(get(&r, "Destination port").3, KEPT.to_string());

    // The server's reply, translated back on the way in: destination address and port.
    let port = wire::decode(&eth(D, C, &out2)).tcp().unwrap().src_port.value;
    let seg = packet_engine::wire::tcp::SegmentRepr {
        src_port: 80,
        dst_port: port,
        seq: 7,
        ack: 1,
        flags: 0x12,
        window: 65160,
        options: Default::default(),
    };
    let reply = ip(P::Tcp, WEB, WAN, &seg.build(WEB, WAN, b""));
    let mut back = rewritten(nat.translate_inbound(SimTime::ZERO, &reply));
    frames::decrease_ttl(&mut back);
    let r = rows(&eth(C, D, &reply), &eth(A, B, &back));
    assert_eq!(
        changed(&r),
        ["Destination MAC", "Source MAC", "TTL", "Header checksum", "Destination address", "Destination port", "TCP checksum"]
    );
    assert_eq!(get(&r, "Destination address").2, "192.168.1.11");
    assert_eq!(get(&r, "Destination port").3, "NAT: back to the inside host's own port");
}

#[test]
fn an_echo_identifier_and_an_icmp_error_through_nat() {
    let mut rng = Rng::new(5);
    let mut nat = Masquerade::new(WAN);
    // Two hosts ping with the same identifier: the second one's is rewritten.
    let echo = |from| ip(P::Icmp, from, WEB, &frames::icmp_echo(true, 0x1234, 1, b"abcdefgh"));
    forward(&echo(LAPTOP), Some((&mut nat, &mut rng)));
    let out = forward(&echo(LAPTOP2), Some((&mut nat, &mut rng)));
    let r = rows(&eth(B, A, &echo(LAPTOP2)), &eth(D, C, &out));
    let id = get(&r, "ICMP identifier");
    assert_eq!(id.1, "4660");
    assert_ne!(id.1, id.2);
    assert!(changed(&r).contains(&"ICMP checksum"));

    // A UDP query goes out; the server answers "port unreachable", quoting the translated
    // datagram; the router translates the error back: outer destination and the quote.
    let q = ip(P::Udp, LAPTOP, WEB, &wire::udp::datagram(LAPTOP, WEB, 51000, 53, b"query"));
    let sent = forward(&q, Some((&mut nat, &mut rng)));
    let err = ip(P::Icmp, WEB, WAN, &frames::icmp_error(3, 3, [0; 4], &sent));
    let back = rewritten(nat.translate_inbound(SimTime::ZERO, &err));
    let r = rows(&eth(C, D, &err), &eth(A, B, &back));
    let quoted = get(&r, "Quoted source address");
    assert_eq!((quoted.1.as_str(), quoted.2.as_str(), quoted.3.as_str()), ("203.0.113.2", "192.168.1.10", QUOTED.to_string().as_str()));
    assert_eq!(get(&r, "Quoted source port").2, "51000");
    assert_eq!(get(&r, "Quoted destination port").3, KEPT.to_string());
    for f in ["Destination address", "Quoted header checksum", "ICMP checksum"] {
        assert!(changed(&r).contains(&f), "{f}: {r:?}");
    }
    // Not IPv4: no diff.
    assert!(diff(&packet_engine::wire::golden::ARP_REQUEST, &eth(A, B, &back)).is_none());
}

fn event(_seq: u64, kind: EventKind) -> TraceEvent {
    TraceEvent { time: SimTime::ZERO, kind }
}

fn port(device: &str, p: &str) -> PortRef {
    PortRef::new(device.into(), p.into())
}

#[test]
fn a_translated_frame_is_paired_with_the_one_it_forwards() {
    let mut rng = Rng::new(3);
    let mut nat = Masquerade::new(WAN);
    let d = syn(LAPTOP, &mut rng);
    let out = forward(&d, Some((&mut nat, &mut rng)));
    let received = |at: &str, bytes: Vec<u8>| EventKind::FrameReceived {
        hop: packet_engine::trace::InHop(packet_engine::trace::Hop::new(
            "l".into(),
            port("peer", "eth9"),
            port(at, "eth0"),
            Default::default(),
        )),
        bytes: bytes.into(),
    };
    let trace = Trace {
        events: vec![
            event(0, received("router", eth(B, A, &d))),
            // The same packet at another device, and one at the router that is not it.
            event(1, received("switch", eth(B, A, &d))),
            event(2, received("router", eth(B, A, &ip(P::Udp, LAPTOP, WEB, &wire::udp::datagram(LAPTOP, WEB, 1, 2, b""))))),
            event(
                3,
                EventKind::FrameSent {
                    hop: packet_engine::trace::Hop::new(
                        "wan".into(),
                        port("router", "eth1"),
                        port("isp", "eth0"),
                        Default::default(),
                    ),
                    bytes: eth(D, C, &out).into(),
                },
            ),
        ],
    };
    assert_eq!(forwarded_from(&trace, 3), Some(0));
    assert_eq!(packet_engine::explain::forwarded_from(&trace, 3), None, "the engine's pairing wants both addresses equal");
    assert_eq!(forwarded_from(&trace, 2), None, "not a FrameSent");
}

#[test]
fn without_nat_the_pairing_is_the_engines() {
    for (name, s) in packet_engine::examples::all() {
        let out = packet_engine::Simulation::new(&s).unwrap().run();
        // Examples with NAT (visit-example) pair across the rewrite; the engine's does not.
        if out.trace.events.iter().any(|e| matches!(e.kind, packet_engine::trace::EventKind::NatTranslated { .. })) {
            continue;
        }
        for i in 0..out.trace.events.len() {
            assert_eq!(forwarded_from(&out.trace, i), packet_engine::explain::forwarded_from(&out.trace, i), "{name} event {i}");
        }
    }
}
