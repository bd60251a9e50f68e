//! ARP resolution and a ping between two hosts on one switch, checked byte by byte.

mod common;
use common::*;
use packet_engine::SimTime;

const LAB: &str = r#"{
  "version": 1, "name": "arp", "seed": 7,
  "devices": [
    { "id": "pc1", "kind": "host", "interfaces": [{ "name": "eth0", "address": "10.10.10.1/24", "mac": "02:00:00:00:00:01" }] },
    { "id": "pc2", "kind": "host", "interfaces": [{ "name": "eth0", "address": "10.10.10.100/24", "mac": "02:00:00:00:00:02" }] },
    { "id": "pc3", "kind": "host", "interfaces": [{ "name": "eth0", "address": "10.10.10.3/24", "mac": "02:00:00:00:00:03" }] },
    { "id": "sw1", "kind": "switch", "ports": 4 }
  ],
  "links": [
    { "id": "l1", "a": { "device": "pc1", "port": "eth0" }, "b": { "device": "sw1", "port": "p1" } },
    { "id": "l2", "a": { "device": "sw1", "port": "p2" }, "b": { "device": "pc2", "port": "eth0" } },
    { "id": "l3", "a": { "device": "sw1", "port": "p3" }, "b": { "device": "pc3", "port": "eth0" } }
  ],
  "commands": [{ "at_ms": 1000, "device": "pc1", "run": "ping -c 1 10.10.10.100" }]
}"#;

fn arp_request_bytes() -> Vec<u8> {
    let mut f = vec![0xff; 6];
    f.extend(mac("02:00:00:00:00:01"));
    f.extend([0x08, 0x06, 0x00, 0x01, 0x08, 0x00, 6, 4, 0x00, 0x01]);
    f.extend(mac("02:00:00:00:00:01"));
    f.extend(ip("10.10.10.1"));
    f.extend([0; 6]);
    f.extend(ip("10.10.10.100"));
    f.resize(60, 0);
    f
}

fn arp_reply_bytes() -> Vec<u8> {
    let mut f = mac("02:00:00:00:00:01").to_vec();
    f.extend(mac("02:00:00:00:00:02"));
    f.extend([0x08, 0x06, 0x00, 0x01, 0x08, 0x00, 6, 4, 0x00, 0x02]);
    f.extend(mac("02:00:00:00:00:02"));
    f.extend(ip("10.10.10.100"));
    f.extend(mac("02:00:00:00:00:01"));
    f.extend(ip("10.10.10.1"));
    f.resize(60, 0);
    f
}

#[test]
fn arp_request_and_reply_are_exact() {
    let out = run(LAB);
    let l1 = frames_on(&out, "l1");
    let l2 = frames_on(&out, "l2");
    assert_eq!(l1[0].bytes, arp_request_bytes());
    assert_eq!(l1[0].from, "pc1");
    assert_eq!(l1[0].t_start, SimTime::from_secs(1));
    // The switch floods the same bytes unchanged.
    assert_eq!(l2[0].bytes, arp_request_bytes());
    assert_eq!(l2[1].bytes, arp_reply_bytes());
    assert_eq!(l2[1].from, "pc2");
    assert_eq!(l1[1].bytes, arp_reply_bytes());
    assert_eq!(l1[1].from, "sw1");
}

#[test]
fn frames_appear_on_each_link_in_order() {
    let out = run(LAB);
    let kinds = |link: &str| -> Vec<(String, &'static str)> {
        frames_on(&out, link)
            .iter()
            .map(|f| {
                let what = if is_arp_request(&f.bytes) {
                    "arp-request"
                } else if is_arp(&f.bytes) {
                    "arp-reply"
                } else {
                    match icmp_type(&f.bytes) {
                        Some(8) => "echo-request",
                        Some(0) => "echo-reply",
                        _ => "other",
                    }
                };
                (f.from.clone(), what)
            })
            .collect()
    };
    let s = |a: &str, b: &'static str| (a.to_string(), b);
    // pc2 later confirms pc1 with a unicast probe (see neighbor_timing.rs), so
    // compare the first four frames: the exchange itself.
    assert_eq!(
        kinds("l1")[..4],
        [
            s("pc1", "arp-request"),
            s("sw1", "arp-reply"),
            s("pc1", "echo-request"),
            s("sw1", "echo-reply")
        ]
    );
    assert_eq!(
        kinds("l2")[..4],
        [
            s("sw1", "arp-request"),
            s("pc2", "arp-reply"),
            s("sw1", "echo-request"),
            s("pc2", "echo-reply")
        ]
    );
    // pc3 only ever sees the broadcast: everything else was forwarded to a learned port.
    assert_eq!(kinds("l3"), [s("sw1", "arp-request")]);
    // Frames on a link never overlap in one direction and arrive in order.
    for link in ["l1", "l2", "l3"] {
        let frames = frames_on(&out, link);
        for pair in frames.windows(2) {
            if pair[0].from == pair[1].from {
                assert!(pair[0].t_end <= pair[1].t_end);
                assert!(pair[0].t_start < pair[1].t_start);
            }
        }
    }
}

#[test]
fn echo_request_and_reply_carry_linux_fields() {
    let out = run(LAB);
    let l1 = frames_on(&out, "l1");
    let request = &l1[2].bytes;
    let reply = &l1[3].bytes;
    assert_eq!(request.len(), 98);
    assert_eq!(&request[0..6], &mac("02:00:00:00:00:02"));
    assert_eq!(&request[6..12], &mac("02:00:00:00:00:01"));
    let ip_req = &request[14..];
    assert_eq!(ip_req[0], 0x45);
    assert_eq!(ip_req[1], 0, "TOS 0");
    assert_eq!(&ip_req[2..4], &[0, 84]);
    assert_eq!(ip_req[6] & 0x40, 0x40, "ping sets DF");
    assert_eq!(ip_req[8], 64, "TTL 64");
    assert_eq!(ip_req[9], 1, "ICMP");
    assert_eq!(&ip_req[12..16], &ip("10.10.10.1"));
    assert_eq!(&ip_req[16..20], &ip("10.10.10.100"));
    assert!(checksum_ok(&ip_req[..20]));
    let icmp_req = &ip_req[20..];
    assert_eq!(&icmp_req[..2], &[8, 0]);
    assert_eq!(&icmp_req[6..8], &[0, 1], "first sequence number is 1");
    assert!(checksum_ok(icmp_req));
    // struct timeval of the send time (epoch 1700000000 + 1 s), then 0x10..0x37.
    assert_eq!(&icmp_req[8..16], &1_700_000_001u64.to_le_bytes());
    assert_eq!(&icmp_req[16..24], &0u64.to_le_bytes());
    assert_eq!(
        icmp_req[24..64].to_vec(),
        (0x10u8..0x38).collect::<Vec<_>>()
    );

    let ip_rep = &reply[14..];
    assert_eq!(&reply[0..6], &mac("02:00:00:00:00:01"));
    assert_eq!(ip_rep[6] & 0x40, 0, "Linux's echo reply has DF clear");
    assert_eq!(ip_rep[8], 64);
    assert_eq!(&ip_rep[12..16], &ip("10.10.10.100"));
    assert_eq!(&ip_rep[16..20], &ip("10.10.10.1"));
    assert!(checksum_ok(&ip_rep[..20]));
    assert_eq!(ip_rep[20], 0, "echo reply");
    assert_eq!(
        &ip_rep[24..28],
        &icmp_req[4..8],
        "same identifier and sequence"
    );
    assert_eq!(&ip_rep[28..], &icmp_req[8..], "same data");
    assert!(checksum_ok(&ip_rep[20..]));
}

#[test]
fn ping_prints_like_iputils() {
    let out = run(LAB);
    let l1 = frames_on(&out, "l1");
    let rtt_us = l1[3].t_end.as_micros() - 1_000_000;
    let lines = output(&out, "pc1: ping -c 1 10.10.10.100");
    assert_eq!(
        lines,
        [
            "PING 10.10.10.100 (10.10.10.100) 56(84) bytes of data.".to_string(),
            format!("64 bytes from 10.10.10.100: icmp_seq=1 ttl=64 time=0.{rtt_us:03} ms"),
            String::new(),
            "--- 10.10.10.100 ping statistics ---".into(),
            "1 packets transmitted, 1 received, 0% packet loss, time 0ms".into(),
            format!("rtt min/avg/max/mdev = 0.{rtt_us:03}/0.{rtt_us:03}/0.{rtt_us:03}/0.000 ms"),
        ]
    );
}

#[test]
fn the_on_link_decision_is_explained() {
    let out = run(LAB);
    let i = find(&out, |k| {
        matches!(k, packet_engine::EventKind::Route { .. })
    });
    assert_eq!(
        out.trace.events[i].explain(),
        "10.10.10.100 AND 255.255.255.0 = 10.10.10.0 = my network (10.10.10.0/24), so deliver directly: ARP for 10.10.10.100"
    );
}
