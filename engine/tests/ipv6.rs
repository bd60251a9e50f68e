//! IPv6 beside IPv4 (issue 16): the exact frames of link-local DAD, router
//! solicitation, radvd's advertisement, SLAAC and neighbour discovery, and
//! what `ping -6` and `traceroute -6` print across a router; DAD failure,
//! address unreachable, no route, a wrong prefix length.

mod common;

use common::{frames_on, run};
use packet_engine::trace::{AddrOrigin, AddrState, EventKind, Ipv6Event, SlaacOutcome};
use packet_engine::neighbor::NudState;
use packet_engine::RunOutcome;
use std::net::Ipv6Addr;

const HOME: &str = include_str!("../../scenarios/ipv6-home.json");

/// The ICMPv6 checksum computed here, independently of the engine's builder.
fn checksum(src: &[u8], dst: &[u8], msg: &[u8]) -> u16 {
    let mut data = Vec::new();
    data.extend_from_slice(src);
    data.extend_from_slice(dst);
    data.extend_from_slice(&(msg.len() as u32).to_be_bytes());
    data.extend_from_slice(&[0, 0, 0, 58]);
    data.extend_from_slice(msg);
    if data.len() % 2 == 1 {
        data.push(0);
    }
    let mut sum: u32 = data.chunks(2).map(|c| u32::from(c[0]) << 8 | u32::from(c[1])).sum();
    while sum >> 16 != 0 {
        sum = (sum & 0xffff) + (sum >> 16);
    }
    !(sum as u16)
}

fn mac_of(out: &RunOutcome, device: &str) -> [u8; 6] {
    let d = out.topology.devices.iter().find(|d| d.id == device).unwrap();
    d.interfaces[0].mac.0
}

fn eui64_ll(mac: [u8; 6]) -> [u8; 16] {
    [0xfe, 0x80, 0, 0, 0, 0, 0, 0, mac[0] ^ 2, mac[1], mac[2], 0xff, 0xfe, mac[3], mac[4], mac[5]]
}

fn output(out: &RunOutcome, label_start: &str) -> Vec<String> {
    out.outputs.iter().find(|(k, _)| k.starts_with(label_start)).map(|(_, v)| v.clone()).unwrap()
}

fn ipv6_events(out: &RunOutcome, device: &str) -> Vec<Ipv6Event> {
    out.trace
        .events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::Ipv6 { device: d, event } if d.as_str() == device => Some((**event).clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn link_local_dad_is_a_neighbour_solicitation_from_unspecified() {
    let out = run(HOME);
    let mac = mac_of(&out, "pc1");
    let ll = eui64_ll(mac);
    let frames: Vec<_> = frames_on(&out, "pc1-sw1").into_iter().filter(|f| f.from == "pc1").collect();
    let dad = frames.iter().find(|f| f.bytes.len() == 78 && f.bytes[54] == 135 && f.bytes[62..78] == ll).unwrap();
    let mut want = vec![0x33, 0x33, 0xff, mac[3], mac[4], mac[5]];
    want.extend_from_slice(&mac);
    want.extend_from_slice(&[0x86, 0xdd, 0x60, 0, 0, 0, 0, 24, 58, 255]);
    want.extend_from_slice(&[0; 16]);
    let group = [0xff, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0xff, mac[3], mac[4], mac[5]];
    want.extend_from_slice(&group);
    let mut msg = vec![135, 0, 0, 0, 0, 0, 0, 0];
    msg.extend_from_slice(&ll);
    let c = checksum(&[0; 16], &group, &msg);
    msg[2..4].copy_from_slice(&c.to_be_bytes());
    want.extend_from_slice(&msg);
    assert_eq!(dad.bytes, want);
    // The link-local address became usable 1 s after its solicitation (dad_transmits 1, retrans_time 1 s).
    let usable = out.trace.events.iter().find(|e| {
        matches!(&e.kind, EventKind::Ipv6 { device, event } if device.as_str() == "pc1"
            && matches!(**event, Ipv6Event::Address { origin: AddrOrigin::LinkLocal, state: AddrState::Preferred, .. }))
    });
    assert_eq!(usable.unwrap().time.as_nanos(), dad.t_start.as_nanos() + 1_000_000_000);
}

#[test]
fn router_solicitation_then_advertisement_then_slaac() {
    let out = run(HOME);
    let mac = mac_of(&out, "pc1");
    let ll = eui64_ll(mac);
    let frames = frames_on(&out, "pc1-sw1");
    let rs = frames.iter().find(|f| f.from == "pc1" && f.bytes.get(54) == Some(&133)).unwrap();
    let mut want = vec![0x33, 0x33, 0, 0, 0, 2];
    want.extend_from_slice(&mac);
    want.extend_from_slice(&[0x86, 0xdd, 0x60, 0, 0, 0, 0, 16, 58, 255]);
    want.extend_from_slice(&ll);
    let all_routers = [0xff, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2];
    want.extend_from_slice(&all_routers);
    let mut msg = vec![133, 0, 0, 0, 0, 0, 0, 0, 1, 1];
    msg.extend_from_slice(&mac);
    let c = checksum(&ll, &all_routers, &msg);
    msg[2..4].copy_from_slice(&c.to_be_bytes());
    want.extend_from_slice(&msg);
    assert_eq!(rs.bytes, want);

    let r1 = out.topology.devices.iter().find(|d| d.id == "r1").unwrap().interfaces[0].mac.0;
    let ra = frames.iter().find(|f| f.from == "sw1" && f.bytes.get(54) == Some(&134)).unwrap();
    let b = &ra.bytes;
    assert_eq!(&b[0..6], &[0x33, 0x33, 0, 0, 0, 1]);
    assert_eq!(&b[22..38], &eui64_ll(r1));
    assert_eq!(b[21], 255, "hop limit 255");
    let m = &b[54..];
    assert_eq!(m.len(), 56, "header 16, prefix option 32, source link-layer option 8");
    assert_eq!(&m[4..8], &[64, 0, 0x07, 0x08], "cur hop limit 64, M/O clear, router lifetime 1800 s");
    assert_eq!(&m[16..20], &[3, 4, 64, 0xc0], "prefix information: /64, L and A");
    assert_eq!(&m[20..28], &[0, 1, 0x51, 0x80, 0, 0, 0x38, 0x40], "valid 86400 s, preferred 14400 s");
    assert_eq!(&m[32..48], &"2001:db8:1::".parse::<Ipv6Addr>().unwrap().octets());
    assert_eq!(&m[48..56], &[1, 1, r1[0], r1[1], r1[2], r1[3], r1[4], r1[5]]);
    assert_eq!(checksum(&b[22..38], &b[38..54], m), 0);

    let events = ipv6_events(&out, "pc1");
    assert!(events.iter().any(|e| matches!(e, Ipv6Event::RouterAdvert { outcome: SlaacOutcome::NewAddress, lifetime_s: 1800, .. })));
    let slaac: Ipv6Addr = {
        let mut o = "2001:db8:1::".parse::<Ipv6Addr>().unwrap().octets();
        o[8..].copy_from_slice(&ll[8..]);
        o.into()
    };
    assert!(events.iter().any(|e| matches!(e, Ipv6Event::Address { address, origin: AddrOrigin::Slaac, state: AddrState::Preferred, .. } if address.addr() == slaac)));
    // The router's MAC came with its advertisement (STALE), as Linux's ndisc_router_discovery does.
    assert!(events.iter().any(|e| matches!(e, Ipv6Event::Neighbor { new: NudState::Stale, old: None, ip, .. } if ip.octets() == eui64_ll(r1))));
    // The default route via the router's link-local address, proto ra, metric 1024.
    let routes = events.iter().rev().find_map(|e| match e { Ipv6Event::Routes { routes } => Some(routes.clone()), _ => None }).unwrap();
    let text: Vec<String> = routes.iter().map(packet_engine::trace::route6_text).collect();
    assert_eq!(
        text,
        vec![
            "2001:db8:1::/64 dev eth0 proto kernel metric 256".to_string(),
            "fe80::/64 dev eth0 proto kernel metric 256".to_string(),
            format!("default via {} dev eth0 proto ra metric 1024", Ipv6Addr::from(eui64_ll(r1))),
        ]
    );
}

#[test]
fn ping6_and_traceroute6_across_the_router_print_as_linux() {
    let out = run(HOME);
    let ping = output(&out, "pc1: ping -6");
    assert_eq!(ping[0], "PING 2001:db8:2::10(2001:db8:2::10) 56 data bytes");
    assert!(ping[1].starts_with("64 bytes from 2001:db8:2::10: icmp_seq=1 ttl=63 time="), "{}", ping[1]);
    assert_eq!(ping[6], "3 packets transmitted, 3 received, 0% packet loss, time 2000ms");
    let tr = output(&out, "pc1: traceroute -6");
    assert_eq!(tr[0], "traceroute to 2001:db8:2::10 (2001:db8:2::10), 30 hops max, 80 byte packets");
    assert!(tr[1].starts_with(" 1  2001:db8:1::1  "), "{}", tr[1]);
    assert!(tr[2].starts_with(" 2  2001:db8:2::10  "), "{}", tr[2]);
    assert_eq!(tr.len(), 3);
    // The echo request on the server's link: hop limit 63 after the router, a flow label, 64 bytes of ICMPv6.
    let req = frames_on(&out, "r1-srv").into_iter().find(|f| f.bytes.get(54) == Some(&128)).unwrap();
    let b = &req.bytes;
    assert_eq!(b[14] >> 4, 6);
    assert_ne!(u32::from_be_bytes([0, b[15] & 0x0f, b[16], b[17]]), 0, "auto_flowlabels: a flow label");
    assert_eq!(&b[18..22], &[0, 64, 58, 63]);
    assert_eq!(checksum(&b[22..38], &b[38..54], &b[54..]), 0);
}

/// A two-host lab on one switch; `extra` goes into pc2's interface.
fn pair(pc2_ipv6: &str, run_line: &str) -> String {
    format!(
        r#"{{"seed": 3, "devices": [
            {{"id": "pc1", "kind": "host", "interfaces": [{{"name": "eth0", "ipv6": "2001:db8::1/64"}}]}},
            {{"id": "pc2", "kind": "host", "interfaces": [{{"name": "eth0", "ipv6": "{pc2_ipv6}"}}]}},
            {{"id": "sw", "kind": "switch", "ports": 2}}],
          "links": [
            {{"id": "a", "a": {{"device": "pc1", "port": "eth0"}}, "b": {{"device": "sw", "port": "p1"}}}},
            {{"id": "b", "a": {{"device": "pc2", "port": "eth0"}}, "b": {{"device": "sw", "port": "p2"}}}}],
          "commands": [{{"at_ms": 3000, "device": "pc1", "run": "{run_line}"}}],
          "options": {{"max_time_ms": 12000}}}}"#
    )
}

#[test]
fn same_address_twice_fails_dad_on_the_later_one() {
    let lab = pair("2001:db8::1/64", "ping -6 -c 1 2001:db8::1");
    let lab = lab.replace(r#""ipv6": "2001:db8::1/64"}]}},
            {"id": "pc2""#, r#""ipv6": "2001:db8::1/64"}]},
            {"id": "pc2""#);
    let scenario = packet_engine::Scenario::from_json(&lab);
    // Two interfaces with one address is a lab error, not a run: the lab says so.
    let err = scenario.unwrap_err();
    assert!(err.message.to_string().contains("duplicate IPv6 address 2001:db8::1"), "{}", err.message);
}

#[test]
fn neighbour_discovery_on_one_link_and_address_unreachable() {
    let out = run(&pair("2001:db8::2/64", "ping -6 -c 1 2001:db8::2"));
    let ping = output(&out, "pc1");
    assert_eq!(ping[0], "PING 2001:db8::2(2001:db8::2) 56 data bytes");
    assert!(ping[1].starts_with("64 bytes from 2001:db8::2: icmp_seq=1 ttl=64"), "{}", ping[1]);
    // The solicitation went to pc2's solicited-node group, ff02::1:ff00:2, with pc1's MAC in it.
    let ns = frames_on(&out, "a").into_iter().find(|f| f.from == "pc1" && f.bytes.len() == 86 && f.bytes[54] == 135).unwrap();
    assert_eq!(&ns.bytes[0..6], &[0x33, 0x33, 0xff, 0, 0, 2]);
    assert_eq!(&ns.bytes[38..54], &"ff02::1:ff00:2".parse::<Ipv6Addr>().unwrap().octets());
    let events = ipv6_events(&out, "pc1");
    assert!(events.iter().any(|e| matches!(e, Ipv6Event::Neighbor { new: NudState::Reachable, .. })));

    let out = run(&pair("2001:db8::2/64", "ping -6 -c 1 2001:db8::99"));
    let ping = output(&out, "pc1");
    assert_eq!(ping[1], "From 2001:db8::1 icmp_seq=1 Destination unreachable: Address unreachable");
    assert_eq!(ping[4], "1 packets transmitted, 0 received, +1 errors, 100% packet loss, time 0ms");
}

#[test]
fn a_router_without_a_route_answers_no_route_and_a_prefix_not_64_gives_no_address() {
    let lab = HOME.replace("ping -6 -c 3 2001:db8:2::10", "ping -6 -c 1 2001:db8:9::1");
    let out = run(&lab);
    let ping = output(&out, "pc1: ping -6");
    assert!(ping[1].ends_with("icmp_seq=1 Destination unreachable: No route"), "{}", ping[1]);
    assert!(ping[1].starts_with("From 2001:db8:1::1 "), "{}", ping[1]);

    let lab = HOME.replace(r#""ra": { "prefix": "2001:db8:1::/64" }"#, r#""ra": { "prefix": "2001:db8:1::/56" }"#);
    let out = run(&lab);
    let events = ipv6_events(&out, "pc1");
    assert!(events.iter().any(|e| matches!(e, Ipv6Event::RouterAdvert { outcome: SlaacOutcome::WrongPrefixLength, .. })));
    assert!(!events.iter().any(|e| matches!(e, Ipv6Event::Address { origin: AddrOrigin::Slaac, .. })));
}

#[test]
fn dad_conflict_marks_the_slaac_address_dadfailed() {
    // dup statically holds the address pc1 will build from the prefix and
    // its MAC 02:00:00:00:00:64 (EUI-64: 0000:00ff:fe00:0064), so pc1's DAD
    // solicitation for it is answered and pc1 never uses it.
    let mut lab: serde_json::Value = serde_json::from_str(HOME).unwrap();
    lab["devices"][0]["interfaces"][0]["mac"] = "02:00:00:00:00:64".into();
    lab["devices"].as_array_mut().unwrap().push(serde_json::json!({
        "id": "dup", "kind": "host",
        "interfaces": [{"name": "eth0", "ipv6": "2001:db8:1::ff:fe00:64/64"}]
    }));
    lab["links"].as_array_mut().unwrap().push(serde_json::json!({
        "id": "dup-sw1", "a": {"device": "dup", "port": "eth0"}, "b": {"device": "sw1", "port": "p3"}
    }));
    let out = run(&lab.to_string());
    let failed = ipv6_events(&out, "pc1").into_iter().find_map(|e| match e {
        Ipv6Event::Address { address, state: AddrState::DadFailed, origin: AddrOrigin::Slaac, .. } => Some(address.addr()),
        _ => None,
    });
    assert_eq!(failed, Some("2001:db8:1::ff:fe00:64".parse().unwrap()));
    // dup's answer: an unsolicited advertisement to all nodes, override set.
    let na = frames_on(&out, "dup-sw1").into_iter().find(|f| f.from == "dup" && f.bytes.get(54) == Some(&136)).unwrap();
    assert_eq!(&na.bytes[0..6], &[0x33, 0x33, 0, 0, 0, 1]);
    assert_eq!(na.bytes[58], 0x20);
    // With no global address, ping -6 has no source for the server.
    let ping = output(&out, "pc1: ping -6");
    assert!(!ping.iter().any(|l| l.starts_with("64 bytes")), "{ping:?}");
}

#[test]
fn ipv4_labs_send_no_ipv6() {
    for (name, scenario) in packet_engine::examples::all() {
        if name == "ipv6-home" {
            continue;
        }
        let out = packet_engine::Simulation::new(&scenario).unwrap().run();
        assert!(!out.trace.events.iter().any(|e| e.frame().is_some_and(|f| f.get(12..14) == Some(&[0x86, 0xdd]))), "{name}");
    }
}

#[test]
fn every_ipv6_frame_decodes_with_fields_in_range_and_summaries_as_wireshark() {
    use packet_engine::wire::{self, Network};
    let out = run(HOME);
    let mut seen = std::collections::BTreeSet::new();
    for e in &out.trace.events {
        let Some(f) = e.frame() else { continue };
        let d = wire::decode(f);
        assert!(d.problem.is_none(), "{:?}", d.problem);
        if let Some(Network::Ipv6(ip)) = d.ethernet.as_ref().and_then(|e| e.payload.as_ref()) {
            for l in &ip.layers {
                for r in &l.rows {
                    assert!(r.range.end <= f.len() && r.range.start < r.range.end, "{} {:?}", r.name, r.range);
                    if let Some(c) = &r.checksum {
                        assert!(!c.is_bad(), "{}", wire::summarize(f));
                    }
                }
            }
            let s = wire::summarize(f);
            seen.insert(s.split(|c: char| c == ' ').take(2).collect::<Vec<_>>().join(" "));
        }
    }
    for want in ["Neighbor Solicitation", "Neighbor Advertisement", "Router Solicitation", "Router Advertisement", "Echo (ping)", "Time Exceeded", "Multicast Listener"] {
        assert!(seen.contains(want), "{want} not in {seen:?}");
    }
    // DAD's solicitation has no source link-layer option; the router's resolution has one.
    let ns: Vec<String> = out.trace.events.iter().filter_map(|e| e.frame()).map(wire::summarize).filter(|s| s.starts_with("Neighbor Solicitation for 2001:db8:2::10")).collect();
    assert_eq!(ns.first().map(String::as_str), Some("Neighbor Solicitation for 2001:db8:2::10"));
    assert!(ns.iter().any(|s| s.starts_with("Neighbor Solicitation for 2001:db8:2::10 from 02:")), "{ns:?}");
}

fn diagnoses(lab: &str) -> Vec<packet_engine::diagnose::Diagnosis> {
    let out = run(lab);
    packet_engine::diagnose::diagnose(&out.topology, &out)
}

#[test]
fn diagnosis_names_no_router_advertisement_a_wrong_prefix_length_and_a_failed_dad() {
    use packet_engine::diagnose::Cause;
    let no_ra = HOME.replace(r#", "ra": { "prefix": "2001:db8:1::/64" }"#, "");
    let d = diagnoses(&no_ra);
    let ping = d.iter().find(|d| d.command.starts_with("pc1: ping -6")).unwrap();
    assert_eq!(ping.cause, Cause::NoRouterAdvert);
    assert_eq!((ping.device.as_str(), ping.field.as_str()), ("r1", "devices[2].interfaces[0].ra"));
    assert!(ping.text.to_string().contains("no router advertisement ever came"), "{}", ping.text);

    let wrong = HOME.replace(r#""prefix": "2001:db8:1::/64" }"#, r#""prefix": "2001:db8:1::/56" }"#);
    let d = diagnoses(&wrong);
    let ping = d.iter().find(|d| d.command.starts_with("pc1: ping -6")).unwrap();
    assert_eq!(ping.cause, Cause::WrongPrefixLength { prefix: "2001:db8:1::/56".into() });
    assert_eq!(ping.field, "devices[2].interfaces[0].ra.prefix");

    let mut lab: serde_json::Value = serde_json::from_str(HOME).unwrap();
    lab["devices"][0]["interfaces"][0]["mac"] = "02:00:00:00:00:64".into();
    lab["devices"].as_array_mut().unwrap().push(serde_json::json!({
        "id": "dup", "kind": "host", "interfaces": [{"name": "eth0", "ipv6": "2001:db8:1::ff:fe00:64/64"}]
    }));
    lab["links"].as_array_mut().unwrap().push(serde_json::json!({
        "id": "dup-sw1", "a": {"device": "dup", "port": "eth0"}, "b": {"device": "sw1", "port": "p3"}
    }));
    let d = diagnoses(&lab.to_string());
    let ping = d.iter().find(|d| d.command.starts_with("pc1: ping -6")).unwrap();
    assert_eq!(ping.cause, Cause::DadFailed { address: "2001:db8:1::ff:fe00:64".into() });
    assert_eq!((ping.device.as_str(), ping.field.as_str()), ("dup", "devices[4].interfaces[0].ipv6"));

    // A working lab has nothing to diagnose.
    assert!(diagnoses(HOME).is_empty());
}

#[test]
fn predict_asks_where_the_solicitation_goes_and_which_address_slaac_builds() {
    use packet_engine::exercise::predict::{questions, QuestionKind};
    let out = run(HOME);
    let qs = questions(&out.topology, &out.trace, 7);
    let ns = qs.iter().find(|q| q.kind == QuestionKind::NsDestination).expect("an NS question");
    assert_eq!(ns.choices.len(), 4);
    assert!(ns.choices[ns.correct].text.to_string().contains("solicited-node group"), "{:?}", ns.choices[ns.correct]);
    assert!(ns.feedback.to_string().contains("ff02::1:ff"), "{}", ns.feedback);
    let slaac = qs.iter().find(|q| q.kind == QuestionKind::SlaacAddress).expect("a SLAAC question");
    assert!(slaac.prompt.to_string().contains("2001:db8:1::/64"), "{}", slaac.prompt);
    assert!(slaac.choices[slaac.correct].text.to_string().contains("EUI-64"));
}

#[test]
fn link_down_flushes_ipv6_and_up_configures_it_again() {
    let mut lab: serde_json::Value = serde_json::from_str(HOME).unwrap();
    lab["commands"] = serde_json::json!([
        { "at_ms": 4000, "device": "pc1", "run": "ip link set eth0 down" },
        { "at_ms": 4500, "device": "pc1", "run": "ip link set eth0 up" },
        { "at_ms": 12000, "device": "pc1", "run": "ping -6 -c 1 2001:db8:2::10" }
    ]);
    lab["options"]["max_time_ms"] = 16000.into();
    let out = run(&lab.to_string());
    let events = ipv6_events(&out, "pc1");
    let down = events.iter().position(|e| matches!(e, Ipv6Event::Down { .. })).expect("a Down event");
    // Afterwards: the link-local address again, a new SLAAC address, and the ping works.
    assert!(events[down..].iter().any(|e| matches!(e, Ipv6Event::Address { origin: AddrOrigin::LinkLocal, state: AddrState::Preferred, .. })));
    assert!(events[down..].iter().any(|e| matches!(e, Ipv6Event::Address { origin: AddrOrigin::Slaac, state: AddrState::Preferred, .. })));
    let ping = output(&out, "pc1: ping -6");
    assert!(ping[1].starts_with("64 bytes from 2001:db8:2::10"), "{ping:?}");
    let end = out.trace.state_at(out.trace.events.len());
    assert_eq!(end.addrs6["pc1"]["eth0"].len(), 2, "{:?}", end.addrs6["pc1"]);
}

#[test]
fn ip_neigh_flush_empties_the_ndp_cache_too() {
    let mut lab: serde_json::Value = serde_json::from_str(HOME).unwrap();
    lab["commands"] = serde_json::json!([
        { "at_ms": 6000, "device": "pc1", "run": "ping -6 -c 1 2001:db8:2::10" },
        { "at_ms": 8000, "device": "pc1", "run": "ip neigh flush dev eth0" }
    ]);
    let out = run(&lab.to_string());
    let flushed = ipv6_events(&out, "pc1").into_iter().find_map(|e| match e {
        Ipv6Event::NeighborsFlushed { ips, .. } => Some(ips),
        _ => None,
    });
    assert!(flushed.is_some_and(|ips| !ips.is_empty()));
    let end = out.trace.state_at(out.trace.events.len());
    assert!(end.neighbors6.get("pc1").is_none_or(|t| t.get("eth0").is_none()));
}
