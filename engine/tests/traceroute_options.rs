//! traceroute 2.1's `-f` (first TTL) and `-w MAX,HERE,NEAR` (how long a probe
//! is waited for), as `get_timeout` and `do_it` use them.

mod common;

use common::output;
use packet_engine::scenario::CommandSpec;
use packet_engine::{RunOutcome, Scenario, Simulation};

const TWO: &str = include_str!("../../scenarios/two-subnets.json");

fn run(commands: &[(u64, &str, &str)]) -> RunOutcome {
    let mut s = Scenario::from_json(TWO).unwrap();
    s.commands = commands
        .iter()
        .map(|&(at_ms, device, run)| CommandSpec { at_ms, device: device.into(), run: run.into() })
        .collect();
    Simulation::new(&s).expect("valid").run()
}

#[test]
fn f_starts_at_a_later_hop() {
    let out = run(&[(1000, "pc1", "traceroute -I -n -f 2 192.168.2.20")]);
    let lines = output(&out, "pc1: traceroute -I -n -f 2 192.168.2.20");
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(lines[1].starts_with(" 2  192.168.2.20  "), "{lines:?}");
    assert_eq!(out.traceroute_hops["pc1: traceroute -I -n -f 2 192.168.2.20"][0].0, 2);
}

#[test]
fn w_bounds_the_wait_for_a_silent_hop() {
    // pc2 is off: r1's ARP for it fails after 3 s and r1 reports host unreachable.
    let patient = run(&[(0, "pc2", "poweroff"), (1000, "pc1", "traceroute -I -n -q 1 -m 2 192.168.2.20")]);
    let lines = output(&patient, "pc1: traceroute -I -n -q 1 -m 2 192.168.2.20");
    assert!(lines[2].starts_with(" 2  192.168.1.1  ") && lines[2].ends_with(" ms !H"), "{lines:?}");
    let hasty = run(&[(0, "pc2", "poweroff"), (1000, "pc1", "traceroute -I -n -q 1 -m 2 -w 1 192.168.2.20")]);
    let lines = output(&hasty, "pc1: traceroute -I -n -q 1 -m 2 -w 1 192.168.2.20");
    assert_eq!(lines[2], " 2  *", "{lines:?}");
}

#[test]
fn bad_options_are_refused_with_the_reason() {
    let error = |line: &str| {
        let mut s = Scenario::from_json(TWO).unwrap();
        s.commands = vec![CommandSpec { at_ms: 0, device: "pc1".into(), run: line.into() }];
        s.validate().unwrap_err().to_string()
    };
    assert!(error("traceroute -I -f 9 -m 4 192.168.2.20").contains("first hop out of range"));
    assert!(error("traceroute -I -w 5,x 192.168.2.20").contains("HERE must be a whole number"));
    assert!(error("traceroute -T 192.168.2.20").contains("TCP SYN probes (-T) are not modelled"));
    assert!(error("traceroute -I -U 192.168.2.20").contains("-I and -U are two probe methods"));
    assert!(error("traceroute -I -p 40000 192.168.2.20").contains("-p sets the UDP probes' first port"));
    assert!(error("traceroute -p 0 192.168.2.20").contains("-p needs a port number (1–65535), not 0"));
}

/// Plain `traceroute` (no -I): traceroute 2.1's default method, UDP datagrams to ports 33434
/// and up, one more per probe, each from its own socket. Routers answer "time exceeded"
/// quoting the datagram; the target answers "port unreachable", which ends the trace.
#[test]
fn plain_traceroute_sends_udp_probes_and_stops_at_port_unreachable() {
    use packet_engine::trace::EventKind;
    use packet_engine::wire;
    let label = "pc1: traceroute -n 192.168.2.20";
    let out = run(&[(1000, "pc1", "traceroute -n 192.168.2.20")]);
    let lines = output(&out, label);
    assert_eq!(lines[0], "traceroute to 192.168.2.20 (192.168.2.20), 30 hops max, 60 byte packets");
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert!(lines[1].starts_with(" 1  192.168.1.1  ") && lines[1].matches(" ms").count() == 3, "{lines:?}");
    assert!(lines[2].starts_with(" 2  192.168.2.20  ") && lines[2].matches(" ms").count() == 3, "{lines:?}");
    let hops: Vec<u8> = out.traceroute_hops[label].iter().map(|h| h.0).collect();
    assert_eq!(hops, [1, 2]);
    // pc1's probes: 60-byte UDP packets to 33434, 33435, … with distinct source ports.
    let mut probes = Vec::new();
    let mut unreachable = 0;
    for e in &out.trace.events {
        if let EventKind::FrameSent { hop, bytes, .. } = &e.kind {
            let d = wire::decode(bytes);
            if let (true, Some(ip), Some(udp)) = (hop.from.device.as_str() == "pc1", d.ipv4(), d.udp()) {
                assert_eq!(ip.total_len.value, 60);
                probes.push((udp.src_port.value, udp.dst_port.value));
            }
            if hop.from.device.as_str() == "pc2" && d.icmp().is_some_and(|i| (i.icmp_type.value, i.code.value) == (3, 3)) {
                unreachable += 1;
            }
        }
    }
    let dports: Vec<u16> = probes.iter().map(|p| p.1).collect();
    assert_eq!(dports[..6], [33434, 33435, 33436, 33437, 33438, 33439], "{probes:?}");
    let mut sports: Vec<u16> = probes.iter().map(|p| p.0).collect();
    sports.sort_unstable();
    sports.dedup();
    assert_eq!(sports.len(), probes.len(), "one socket, one source port, per probe");
    assert!(sports.iter().all(|p| (32768..=60999).contains(p)));
    // The first 16 probes leave at once (-N 16): the 13 with TTL 2 and more all reach pc2, whose
    // answers Linux's per-destination ICMP rate limit cuts to its burst of 6 (icmp_ratelimit).
    assert_eq!(unreachable, 6);
    let arrived = out.trace.events.iter().filter(|e| matches!(&e.kind, EventKind::PacketDropped { device, .. } if device.as_str() == "pc2")).count();
    // Each probe that reached pc2 found no program on its port (13 of the first 16, and the
    // ones sent as answers came in, before the hop-2 line ended the trace).
    assert!(arrived >= 13, "{arrived}");
    // -p moves the first port.
    let moved = run(&[(1000, "pc1", "traceroute -n -p 40000 -q 1 192.168.2.20")]);
    assert_eq!(output(&moved, "pc1: traceroute -n -p 40000 -q 1 192.168.2.20").len(), 3);
}

/// `traceroute -U`: traceroute 2.1's "udp" method, every probe to port 53 (or -p's port), each
/// from its own socket; the answers are told apart by the quoted source port.
#[test]
fn u_sends_every_probe_to_one_port_and_matches_answers_by_source_port() {
    use packet_engine::trace::EventKind;
    use packet_engine::wire;
    let label = "pc1: traceroute -U -n 192.168.2.20";
    let out = run(&[(1000, "pc1", "traceroute -U -n 192.168.2.20")]);
    let lines = output(&out, label);
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert!(lines[1].starts_with(" 1  192.168.1.1  ") && lines[1].matches(" ms").count() == 3, "{lines:?}");
    assert!(lines[2].starts_with(" 2  192.168.2.20  ") && lines[2].matches(" ms").count() == 3, "{lines:?}");
    let mut probes = Vec::new();
    for e in &out.trace.events {
        if let EventKind::FrameSent { hop, bytes, .. } = &e.kind {
            let d = wire::decode(bytes);
            if let (true, Some(udp)) = (hop.from.device.as_str() == "pc1", d.udp()) {
                probes.push((udp.src_port.value, udp.dst_port.value));
            }
        }
    }
    assert!(probes.len() >= 6, "{probes:?}");
    assert!(probes.iter().all(|p| p.1 == 53), "every probe to port 53: {probes:?}");
    let mut sports: Vec<u16> = probes.iter().map(|p| p.0).collect();
    sports.sort_unstable();
    sports.dedup();
    assert_eq!(sports.len(), probes.len(), "one socket, one source port, per probe");
    // -p moves the one port.
    let moved = run(&[(1000, "pc1", "traceroute -U -p 5353 -n -q 1 192.168.2.20")]);
    let lines = output(&moved, "pc1: traceroute -U -p 5353 -n -q 1 192.168.2.20");
    assert_eq!(lines.len(), 3, "{lines:?}");
}
