//! traceroute -I: probes as traceroute 2.1 builds them, and its output.

mod common;
use common::*;
use packet_engine::{examples, Simulation};

fn internet() -> packet_engine::RunOutcome {
    let (_, scenario) = examples::all()
        .into_iter()
        .find(|(s, _)| *s == "to-the-internet")
        .unwrap();
    Simulation::new(&scenario).unwrap().run()
}

#[test]
fn traceroute_prints_every_hop_and_stops_at_the_destination() {
    let out = internet();
    let lines = output(&out, "laptop: traceroute -I -n 8.8.8.8");
    assert_eq!(
        lines,
        [
            "traceroute to 8.8.8.8 (8.8.8.8), 30 hops max, 60 byte packets",
            " 1  192.168.1.1  0.141 ms  0.151 ms  0.161 ms",
            " 2  100.64.0.1  8.267 ms  8.287 ms  8.307 ms",
            " 3  10.0.12.2  20.357 ms  20.377 ms  20.397 ms",
            " 4  10.0.23.2  36.403 ms  36.423 ms  36.443 ms",
            " 5  8.8.8.8  36.838 ms  36.854 ms  36.870 ms",
        ]
    );
}

#[test]
fn probes_are_built_like_traceroute_2_1() {
    let out = internet();
    let probes: Vec<_> = frames_on(&out, "laptop-switch")
        .into_iter()
        .filter(|f| {
            f.from == "laptop" && icmp_type(&f.bytes) == Some(8) && f.bytes[16..18] == [0, 60]
        })
        .collect();
    // 16 probes in flight at once: TTL 1,1,1,2,2,2,…,6; each answered hop
    // lets more go until the destination's reply ends the window.
    let ttls: Vec<u8> = probes.iter().map(|p| p.bytes[22]).collect();
    assert_eq!(ttls[..16], [1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4, 5, 5, 5, 6]);
    assert!(ttls[16..].iter().all(|&t| t >= 6), "{ttls:?}");
    let ident = &probes[0].bytes[38..40];
    let first_ip_id = u16::from_be_bytes([probes[0].bytes[18], probes[0].bytes[19]]);
    for (i, p) in probes.iter().enumerate() {
        let b = &p.bytes;
        assert_eq!(b[15], 0, "TOS 0");
        assert_eq!(b[20] & 0x40, 0, "DF clear (IP_PMTUDISC_DONT)");
        // A connected raw socket numbers its packets consecutively.
        assert_eq!(
            u16::from_be_bytes([b[18], b[19]]),
            first_ip_id.wrapping_add(i as u16)
        );
        assert_eq!(&b[38..40], ident, "one ICMP identifier for the run");
        assert_eq!(
            u16::from_be_bytes([b[40], b[41]]),
            i as u16 + 1,
            "sequence from 1"
        );
        let data: Vec<u8> = (8..40).map(|j| 0x40 + (j & 0x3f) as u8).collect();
        assert_eq!(&b[42..74], &data[..]);
        assert!(checksum_ok(&b[14..34]));
        assert!(checksum_ok(&b[34..74]));
    }
}

#[test]
fn each_router_answers_ttl_expiry_with_time_exceeded_from_its_inbound_side() {
    let out = internet();
    let replies: Vec<_> = frames_on(&out, "laptop-switch")
        .into_iter()
        .filter(|f| f.from == "home-switch" && icmp_type(&f.bytes) == Some(11))
        .collect();
    let sources: Vec<[u8; 4]> = replies
        .iter()
        .map(|f| f.bytes[26..30].try_into().unwrap())
        .collect();
    for hop in ["192.168.1.1", "100.64.0.1", "10.0.12.2", "10.0.23.2"] {
        assert_eq!(
            sources.iter().filter(|s| **s == ip(hop)).count(),
            3,
            "{hop}"
        );
    }
}

#[test]
fn unroutable_destination_shows_network_unreachable() {
    let lab = r#"{
      "version": 1, "name": "!N",
      "devices": [
        { "id": "pc", "kind": "host", "interfaces": [{ "name": "eth0", "address": "192.168.1.10/24" }], "gateway": "192.168.1.1" },
        { "id": "r1", "kind": "router", "interfaces": [{ "name": "eth0", "address": "192.168.1.1/24" }] }
      ],
      "links": [{ "id": "l", "a": { "device": "pc", "port": "eth0" }, "b": { "device": "r1", "port": "eth0" } }],
      "commands": [{ "at_ms": 0, "device": "pc", "run": "traceroute -I -n 10.9.9.9" }]
    }"#;
    let out = run(lab);
    let lines = output(&out, "pc: traceroute -I -n 10.9.9.9");
    assert_eq!(lines.len(), 2, "{lines:?}");
    // Linux checks the route before the TTL, so even TTL-1 probes get "net
    // unreachable"; the shared inet_peer bucket lets only two errors out of a burst.
    assert!(lines[1].starts_with(" 1  192.168.1.1  "), "{}", lines[1]);
    assert_eq!(lines[1].matches("ms !N").count(), 2, "{}", lines[1]);
    assert!(lines[1].ends_with(" *"), "{}", lines[1]);
}

#[test]
fn no_route_at_all_fails_like_traceroute() {
    let lab = r#"{
      "version": 1, "name": "no route",
      "devices": [{ "id": "pc", "kind": "host", "interfaces": [{ "name": "eth0", "address": "192.168.1.10/24" }] }],
      "commands": [
        { "at_ms": 0, "device": "pc", "run": "traceroute -I -n 8.8.8.8" },
        { "at_ms": 0, "device": "pc", "run": "ping -c 1 8.8.8.8" }
      ]
    }"#;
    let out = run(lab);
    assert_eq!(output(&out, "pc: traceroute -I -n 8.8.8.8"), ["", "connect: Network is unreachable"]);
    assert_eq!(output(&out, "pc: ping -c 1 8.8.8.8"), ["ping: connect: Network is unreachable"]);
    assert!(frames_on(&out, "any").is_empty());
}
