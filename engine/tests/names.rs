//! `ping NAME` and `traceroute NAME`: getaddrinfo through the glibc resolver
//! before the first probe (iputils ping: AF_UNSPEC with AI_CANONNAME, so A
//! and AAAA on one socket; traceroute 2.1's `getaddr`: AF_UNSPEC), the name
//! printed as the programs print it, and getaddrinfo's errors.

mod common;

use common::{frames_on, run};
use packet_engine::diagnose::{diagnose, Cause};
use packet_engine::examples;
use packet_engine::scenario::Command;
use packet_engine::trace::{EventKind, LookupOutcome};
use packet_engine::wire::dns::DnsMessage;
use packet_engine::{Scenario, SimTime, Simulation};
use std::net::Ipv4Addr;

/// The name-lookup example (laptop → home router's dnsmasq → 8.8.8.8, whose
/// zone has www.example.com CNAME example.com A 93.184.216.34) running `run`
/// on the laptop at 8 s instead of its own commands.
fn name_lookup_with(run_line: &str) -> packet_engine::RunOutcome {
    let (_, mut lab): (_, Scenario) = examples::all().into_iter().find(|(s, _)| *s == "name-lookup").unwrap();
    lab.commands.truncate(1);
    lab.commands[0].run = run_line.into();
    Simulation::new(&lab).unwrap().run()
}

/// DNS queries the laptop sent on l1 after `after`: (start, source port, id, qtype).
fn queries(out: &packet_engine::RunOutcome, after: SimTime) -> Vec<(SimTime, u16, u16, u16)> {
    frames_on(out, "l1")
        .iter()
        .filter(|f| f.from == "laptop" && f.t_start >= after && f.bytes.len() > 42 && f.bytes[23] == 17)
        .filter(|f| u16::from_be_bytes([f.bytes[36], f.bytes[37]]) == 53)
        .map(|f| {
            let m = DnsMessage::parse(&f.bytes[42..]).expect("a query");
            (f.t_start, u16::from_be_bytes([f.bytes[34], f.bytes[35]]), m.id, m.questions[0].qtype)
        })
        .collect()
}

#[test]
fn ping_a_name_looks_up_a_and_aaaa_then_pings_the_canonical_name() {
    let out = name_lookup_with("ping -c 1 www.example.com");
    let lines = &out.outputs["laptop: ping -c 1 www.example.com"];
    // AI_CANONNAME: the end of the CNAME chain is ping's hostname.
    assert_eq!(lines[0], "PING example.com (93.184.216.34) 56(84) bytes of data.");
    assert!(lines.iter().any(|l| l == "--- example.com ping statistics ---"), "{lines:?}");
    // getaddrinfo: A then AAAA back to back on one connected socket, independent ids.
    let q = queries(&out, SimTime::from_secs(8));
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!((q[0].3, q[1].3), (1, 28));
    assert_eq!(q[0].1, q[1].1, "one socket");
    assert_ne!(q[0].2, q[1].2);
    // The first echo request leaves only after both answers are in.
    let l1 = frames_on(&out, "l1");
    let answers: Vec<SimTime> = l1
        .iter()
        .filter(|f| f.from == "home-switch" && f.bytes.len() > 42 && f.bytes[23] == 17)
        .filter(|f| u16::from_be_bytes([f.bytes[34], f.bytes[35]]) == 53)
        .map(|f| f.t_end)
        .collect();
    assert_eq!(answers.len(), 2);
    let echo = l1
        .iter()
        .find(|f| f.from == "laptop" && common::icmp_type(&f.bytes) == Some(8))
        .expect("an echo request");
    assert_eq!(&echo.bytes[30..34], &[93, 184, 216, 34]);
    assert!(echo.t_start > answers[1], "{:?} after {answers:?}", echo.t_start);
    // The lookup is in the trace (the resolver's table), under the ping's label.
    let lookup = out.trace.events.iter().find_map(|e| match &e.kind {
        EventKind::DnsLookup { lookup, .. } if lookup.label.as_str() == "laptop: ping -c 1 www.example.com" => Some(lookup.outcome.clone()),
        _ => None,
    });
    assert!(matches!(lookup, Some(LookupOutcome::Answer { ref addresses, .. }) if addresses == &[Ipv4Addr::new(93, 184, 216, 34)]), "{lookup:?}");
}

#[test]
fn ping_an_unknown_name_prints_getaddrinfos_error_and_is_diagnosed() {
    let out = name_lookup_with("ping -c 1 nosuch.example.com");
    assert_eq!(out.outputs["laptop: ping -c 1 nosuch.example.com"], ["ping: nosuch.example.com: Name or service not known"]);
    let l1 = frames_on(&out, "l1");
    assert!(!l1.iter().any(|f| common::icmp_type(&f.bytes) == Some(8)), "no echo request");
    let d = diagnose(&out.topology, &out);
    assert_eq!(d.len(), 1, "{d:?}");
    assert!(matches!(d[0].cause, Cause::NxDomain { .. }), "{:?}", d[0].cause);
}

#[test]
fn traceroute_a_name_prints_it_as_typed() {
    let out = name_lookup_with("traceroute -I -n -m 3 www.example.com");
    let lines = &out.outputs["laptop: traceroute -I -n -m 3 www.example.com"];
    assert_eq!(lines[0], "traceroute to www.example.com (93.184.216.34), 3 hops max, 60 byte packets");
    assert_eq!(queries(&out, SimTime::from_secs(8)).iter().map(|q| q.3).collect::<Vec<_>>(), [1, 28]);
    let out = name_lookup_with("traceroute -I -n nosuch.example.com");
    assert_eq!(
        out.outputs["laptop: traceroute -I -n nosuch.example.com"],
        ["nosuch.example.com: Name or service not known", "Cannot handle \"host\" cmdline arg `nosuch.example.com' on position 1 (argc 2)"]
    );
}

#[test]
fn a_name_without_a_dns_server_fails_and_numbers_stay_addresses() {
    let lab = r#"{"version":1,"devices":[{"id":"pc1","kind":"host","interfaces":[{"name":"eth0","address":"10.0.0.1/24"}]}],
        "commands":[{"at_ms":0,"device":"pc1","run":"ping -c 1 web"}]}"#;
    let out = run(lab);
    assert_eq!(out.outputs["pc1: ping -c 1 web"], ["ping: web: Temporary failure in name resolution"]);
    assert_eq!(Command::parse("ping -c 1 10.0.0.300").unwrap_err().to_string(), "10.0.0.300 is not an IPv4 address");
    let c = Command::parse("ping -c 1 www.example.com").unwrap();
    assert_eq!((c.target(), c.lookup()), (None, Some("www.example.com")));
    assert_eq!(Command::parse("ping -c 1 10.0.0.3").unwrap().target(), Some(Ipv4Addr::new(10, 0, 0, 3)));
}
