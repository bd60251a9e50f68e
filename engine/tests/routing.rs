//! Routers: MAC rewrite and TTL on every hop, no route, and a routing loop.

mod common;
use common::*;
use packet_engine::trace::{DropReason, EventKind};
use packet_engine::{examples, MacAddr, Simulation};

fn derived(device: &str, iface: &str) -> [u8; 6] {
    MacAddr::derived(device, iface).0
}

#[test]
fn one_router_rewrites_macs_and_decrements_ttl() {
    let (_, scenario) = examples::all()
        .into_iter()
        .find(|(s, _)| *s == "two-subnets")
        .unwrap();
    let out = Simulation::new(&scenario).unwrap().run();
    let before: Vec<_> = frames_on(&out, "pc1-sw1")
        .into_iter()
        .filter(|f| icmp_type(&f.bytes) == Some(8))
        .collect();
    let after: Vec<_> = frames_on(&out, "r1-sw2")
        .into_iter()
        .filter(|f| icmp_type(&f.bytes) == Some(8))
        .collect();
    assert_eq!(before.len(), 3);
    assert_eq!(after.len(), 3);
    for (b, a) in before.iter().zip(&after) {
        assert_eq!(
            &b.bytes[0..6],
            &derived("r1", "eth0"),
            "pc1 sends to its gateway's MAC"
        );
        assert_eq!(&b.bytes[6..12], &derived("pc1", "eth0"));
        assert_eq!(
            &a.bytes[0..6],
            &derived("pc2", "eth0"),
            "r1 sends to pc2's MAC"
        );
        assert_eq!(
            &a.bytes[6..12],
            &derived("r1", "eth1"),
            "from its own outgoing interface"
        );
        assert_eq!(b.bytes[22], 64);
        assert_eq!(a.bytes[22], 63);
        assert!(checksum_ok(&a.bytes[14..34]));
        // Everything else in the datagram is untouched (IP ID, addresses, ICMP).
        assert_eq!(b.bytes[14..22], a.bytes[14..22]);
        assert_eq!(b.bytes[26..], a.bytes[26..]);
    }
    let lines = output(&out, "pc1: ping -c 3 192.168.2.20");
    assert!(
        lines[1].starts_with("64 bytes from 192.168.2.20: icmp_seq=1 ttl=63 time="),
        "{}",
        lines[1]
    );
    assert_eq!(
        lines[6],
        "3 packets transmitted, 3 received, 0% packet loss, time 2000ms"
    );
}

const CHAIN: &str = r#"{
  "version": 1, "name": "three routers", "seed": 9,
  "devices": [
    { "id": "a", "kind": "host", "interfaces": [{ "name": "eth0", "address": "10.1.0.10/24" }], "gateway": "10.1.0.1" },
    { "id": "r1", "kind": "router", "interfaces": [{ "name": "eth0", "address": "10.1.0.1/24" }, { "name": "eth1", "address": "10.12.0.1/30" }],
      "gateway": "10.12.0.2" },
    { "id": "r2", "kind": "router", "interfaces": [{ "name": "eth0", "address": "10.12.0.2/30" }, { "name": "eth1", "address": "10.23.0.1/30" }],
      "routes": [{ "prefix": "10.1.0.0/24", "via": "10.12.0.1" }, { "prefix": "10.4.0.0/24", "via": "10.23.0.2" }] },
    { "id": "r3", "kind": "router", "interfaces": [{ "name": "eth0", "address": "10.23.0.2/30" }, { "name": "eth1", "address": "10.4.0.1/24" }],
      "gateway": "10.23.0.1" },
    { "id": "b", "kind": "host", "interfaces": [{ "name": "eth0", "address": "10.4.0.40/24" }], "gateway": "10.4.0.1" }
  ],
  "links": [
    { "id": "a-r1", "a": { "device": "a", "port": "eth0" }, "b": { "device": "r1", "port": "eth0" } },
    { "id": "r1-r2", "a": { "device": "r1", "port": "eth1" }, "b": { "device": "r2", "port": "eth0" } },
    { "id": "r2-r3", "a": { "device": "r2", "port": "eth1" }, "b": { "device": "r3", "port": "eth0" } },
    { "id": "r3-b", "a": { "device": "r3", "port": "eth1" }, "b": { "device": "b", "port": "eth0" } }
  ],
  "commands": [{ "at_ms": 0, "device": "a", "run": "ping -c 2 10.4.0.40" }]
}"#;

#[test]
fn three_routers_each_rewrite_macs_and_decrement_ttl() {
    let out = run(CHAIN);
    let hops = [
        ("a-r1", ("a", "eth0"), ("r1", "eth0"), 64),
        ("r1-r2", ("r1", "eth1"), ("r2", "eth0"), 63),
        ("r2-r3", ("r2", "eth1"), ("r3", "eth0"), 62),
        ("r3-b", ("r3", "eth1"), ("b", "eth0"), 61),
    ];
    let first = frames_on(&out, "a-r1")
        .into_iter()
        .find(|f| icmp_type(&f.bytes) == Some(8))
        .unwrap();
    for (link, src, dst, ttl) in hops {
        let requests: Vec<_> = frames_on(&out, link)
            .into_iter()
            .filter(|f| icmp_type(&f.bytes) == Some(8))
            .collect();
        assert_eq!(requests.len(), 2, "{link}");
        let f = &requests[0].bytes;
        assert_eq!(&f[6..12], &derived(src.0, src.1), "{link} source MAC");
        assert_eq!(&f[0..6], &derived(dst.0, dst.1), "{link} destination MAC");
        assert_eq!(f[22], ttl, "{link} TTL");
        assert!(checksum_ok(&f[14..34]), "{link} header checksum");
        assert_eq!(
            f[26..],
            first.bytes[26..],
            "{link}: addresses and ICMP unchanged"
        );
    }
    // Replies come back through the same three routers: TTL 64 − 3.
    let lines = output(&out, "a: ping -c 2 10.4.0.40");
    assert!(
        lines[1].starts_with("64 bytes from 10.4.0.40: icmp_seq=1 ttl=61 time="),
        "{}",
        lines[1]
    );
    assert!(
        lines[2].starts_with("64 bytes from 10.4.0.40: icmp_seq=2 ttl=61 time="),
        "{}",
        lines[2]
    );
}

#[test]
fn no_route_at_a_router_sends_net_unreachable_quoting_the_packet() {
    let lab = CHAIN
        .replace("\"gateway\": \"10.12.0.2\" }", "\"routes\": [] }")
        .replace("ping -c 2 10.4.0.40", "ping -c 1 172.16.5.5");
    let out = run(&lab);
    let sent = frames_on(&out, "a-r1")
        .into_iter()
        .find(|f| f.from == "a" && icmp_type(&f.bytes) == Some(8))
        .unwrap();
    let error = frames_on(&out, "a-r1")
        .into_iter()
        .find(|f| f.from == "r1" && icmp_type(&f.bytes) == Some(3))
        .unwrap();
    let e = &error.bytes;
    assert_eq!(&e[0..6], &derived("a", "eth0"));
    assert_eq!(&e[6..12], &derived("r1", "eth0"));
    let ip_hdr = &e[14..34];
    assert_eq!(ip_hdr[1], 0xc0, "TOS: precedence internetwork control");
    assert_eq!(ip_hdr[6] & 0x40, 0, "DF clear");
    assert_eq!(ip_hdr[8], 64);
    assert_eq!(
        &ip_hdr[12..16],
        &ip("10.1.0.1"),
        "from the interface facing the sender"
    );
    assert_eq!(&ip_hdr[16..20], &ip("10.1.0.10"));
    assert!(checksum_ok(ip_hdr));
    let icmp = &e[34..];
    assert_eq!(
        &icmp[0..2],
        &[3, 0],
        "destination unreachable, net unreachable"
    );
    assert_eq!(&icmp[4..8], &[0; 4]);
    assert!(checksum_ok(icmp));
    // Linux quotes the whole offending datagram (up to 576 bytes in all), as it arrived.
    assert_eq!(&icmp[8..], &sent.bytes[14..]);
    assert_eq!(icmp[8 + 8], 64, "quoted TTL as it arrived");
    assert_eq!(e.len(), 14 + 20 + 8 + 84);
    assert_eq!(
        output(&out, "a: ping -c 1 172.16.5.5")[1],
        "From 10.1.0.1 icmp_seq=1 Destination Net Unreachable"
    );
    assert!(out.trace.events.iter().any(|ev| matches!(&ev.kind,
        EventKind::FrameDropped { at, reason: DropReason::NoRoute, .. } if at.device == "r1")));
}

#[test]
fn no_route_errors_are_rate_limited_like_linux() {
    // ip_error spends 1 s of inet_peer tokens (burst 5 s) and icmp_send another
    // 1 s (burst 6 s) from the same bucket, so at one packet per second only the
    // first four errors go out.
    let lab = CHAIN
        .replace("\"gateway\": \"10.12.0.2\" }", "\"routes\": [] }")
        .replace("ping -c 2 10.4.0.40", "ping -c 6 172.16.5.5");
    let out = run(&lab);
    let errors = frames_on(&out, "a-r1")
        .into_iter()
        .filter(|f| f.from == "r1" && icmp_type(&f.bytes) == Some(3))
        .count();
    assert_eq!(errors, 4);
    let limited = out
        .trace
        .events
        .iter()
        .filter(|e| {
            matches!(
                e.kind,
                EventKind::IcmpErrorGenerated {
                    rate_limited: true,
                    ..
                }
            )
        })
        .count();
    assert_eq!(limited, 2);
    let lines = output(&out, "a: ping -c 6 172.16.5.5");
    assert_eq!(
        lines
            .iter()
            .filter(|l| l.contains("Destination Net Unreachable"))
            .count(),
        4
    );
    assert_eq!(
        lines[lines.len() - 2],
        "6 packets transmitted, 0 received, +4 errors, 100% packet loss, time 5000ms"
    );
}

#[test]
fn routing_loop_ends_in_time_exceeded() {
    // r1 sends everything unknown to r2 and r2 sends it back: the packet
    // bounces until a router receives it with TTL 1.
    let lab = r#"{
      "version": 1, "name": "loop", "seed": 4,
      "devices": [
        { "id": "pc", "kind": "host", "interfaces": [{ "name": "eth0", "address": "192.168.1.10/24" }], "gateway": "192.168.1.1" },
        { "id": "r1", "kind": "router", "interfaces": [{ "name": "eth0", "address": "192.168.1.1/24" }, { "name": "eth1", "address": "10.0.0.1/30" }], "gateway": "10.0.0.2" },
        { "id": "r2", "kind": "router", "interfaces": [{ "name": "eth0", "address": "10.0.0.2/30" }], "gateway": "10.0.0.1" }
      ],
      "links": [
        { "id": "pc-r1", "a": { "device": "pc", "port": "eth0" }, "b": { "device": "r1", "port": "eth0" } },
        { "id": "r1-r2", "a": { "device": "r1", "port": "eth1" }, "b": { "device": "r2", "port": "eth0" } }
      ],
      "commands": [{ "at_ms": 0, "device": "pc", "run": "ping -c 1 8.8.8.8" }]
    }"#;
    let out = run(lab);
    let bounces: Vec<u8> = frames_on(&out, "r1-r2")
        .into_iter()
        .filter(|f| icmp_type(&f.bytes) == Some(8))
        .map(|f| f.bytes[22])
        .collect();
    // r1 forwards TTL 63, 61, … 1; r2 returns 62, 60, … 2; r2 receives TTL 1 and gives up.
    assert_eq!(bounces, (1..=63).rev().collect::<Vec<u8>>());
    let te = frames_on(&out, "pc-r1")
        .into_iter()
        .find(|f| icmp_type(&f.bytes) == Some(11))
        .unwrap();
    let e = &te.bytes;
    assert_eq!(
        &e[26..30],
        &ip("10.0.0.2"),
        "r2's address towards the sender"
    );
    assert_eq!(e[22], 63, "the error crossed r1");
    assert_eq!(e[35], 0, "code 0: TTL exceeded in transit");
    assert_eq!(e[42 + 8], 1, "the quoted header shows TTL 1 as it arrived");
    assert!(checksum_ok(&e[34..]));
    assert!(
        out.trace.events.iter().any(|ev| matches!(&ev.kind,
        EventKind::FrameDropped { at, reason: DropReason::TtlExpired, .. } if at.device == "r2"))
    );
    assert_eq!(
        output(&out, "pc: ping -c 1 8.8.8.8")[1],
        "From 10.0.0.2 icmp_seq=1 Time to live exceeded"
    );
}

#[test]
fn router_sends_a_redirect_when_forwarding_back_out_of_the_same_interface() {
    let (_, scenario) = examples::all()
        .into_iter()
        .find(|(s, _)| *s == "redirect")
        .unwrap();
    let out = Simulation::new(&scenario).unwrap().run();
    let lines = output(&out, "pc1: ping -c 2 172.16.0.5");
    assert_eq!(
        lines[1],
        "From 10.0.0.1: icmp_seq=1 Redirect Host(New nexthop: 10.0.0.2)"
    );
    assert!(
        lines[2].starts_with("64 bytes from 172.16.0.5: icmp_seq=1 ttl=63 time="),
        "{}",
        lines[2]
    );
    assert_eq!(
        lines[3],
        "From 10.0.0.1: icmp_seq=2 Redirect Host(New nexthop: 10.0.0.2)"
    );
    // Redirects are not errors for ping.
    assert_eq!(
        lines[lines.len() - 2],
        "2 packets transmitted, 2 received, 0% packet loss, time 1000ms"
    );

    let redirects: Vec<_> = frames_on(&out, "r1-sw1")
        .into_iter()
        .filter(|f| icmp_type(&f.bytes) == Some(5))
        .collect();
    assert_eq!(redirects.len(), 2);
    let r = &redirects[0].bytes;
    assert_eq!(&r[0..6], &derived("pc1", "eth0"));
    assert_eq!(r[15], 0xc0);
    assert_eq!(&r[26..30], &ip("10.0.0.1"));
    assert_eq!(r[35], 1, "code 1: redirect for the host");
    assert_eq!(&r[38..42], &ip("10.0.0.2"), "the better gateway");
    assert_eq!(r[42 + 8], 63, "quoted with the TTL already lowered");
    assert!(checksum_ok(&r[34..]));
    // pc1 ignores it (secure_redirects): the second request still goes to r1.
    let requests: Vec<_> = frames_on(&out, "pc1-sw1")
        .into_iter()
        .filter(|f| icmp_type(&f.bytes) == Some(8))
        .collect();
    assert!(requests
        .iter()
        .all(|f| f.bytes[0..6] == derived("r1", "eth0")));
    assert!(out.trace.events.iter().any(|e| matches!(&e.kind,
        EventKind::PacketDropped { device, reason: DropReason::RedirectIgnored, .. } if *device == "pc1")));
}
