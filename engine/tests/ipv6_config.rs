//! IPv6 configuration during a run and router lifetimes (issue 16):
//! `ip -6 route add|del`, `ip -6 addr add|del` with iproute2's refusals, a
//! router lifetime of 0 (no default route), and a default route that expires
//! when advertisements stop.

mod common;

use common::run;
use packet_engine::trace::{EventKind, Ipv6Event};
use packet_engine::RunOutcome;

const HOME: &str = include_str!("../../scenarios/ipv6-home.json");

fn home(edit: impl FnOnce(&mut serde_json::Value), commands: &[(u64, &str, &str)]) -> String {
    let mut lab: serde_json::Value = serde_json::from_str(HOME).unwrap();
    edit(&mut lab);
    lab["commands"] = commands
        .iter()
        .map(|(at, device, run)| serde_json::json!({ "at_ms": at, "device": device, "run": run }))
        .collect();
    lab.to_string()
}

fn output(out: &RunOutcome, label_start: &str) -> Vec<String> {
    out.outputs.iter().find(|(k, _)| k.starts_with(label_start)).map(|(_, v)| v.clone()).unwrap_or_else(|| panic!("no {label_start} in {:?}", out.outputs.keys().collect::<Vec<_>>()))
}

fn stats(out: &RunOutcome, label_start: &str) -> String {
    output(out, label_start).into_iter().find(|l| l.contains("packets transmitted")).unwrap()
}

#[test]
fn ip6_route_del_and_add_during_a_run() {
    let out = run(&home(|_| {}, &[
        (3000, "srv", "ip -6 route del ::/0 via 2001:db8:2::1"),
        (6000, "pc1", "ping -6 -c 1 -W 1 2001:db8:2::10"),
        (8000, "srv", "ip -6 route add default via 2001:db8:2::1"),
        (9000, "pc1", "ping -6 -c 1 2001:db8:2::10"),
        (9500, "srv", "ip -6 route add default via 2001:db8:2::1"),
        (9600, "srv", "ip -6 route add 2001:db8:9::/64 via 2001:db8:7::1"),
        (9700, "srv", "ip -6 route del 2001:db8:9::/64 via 2001:db8:2::1"),
    ]));
    assert!(stats(&out, "pc1: ping -6 -c 1 -W 1").starts_with("1 packets transmitted, 0 received"), "no route back from srv");
    assert!(stats(&out, "pc1: ping -6 -c 1 2001").starts_with("1 packets transmitted, 1 received"));
    assert_eq!(output(&out, "srv: ip -6 route add default via 2001:db8:2::1"), Vec::<String>::new());
    let refusals: Vec<String> = out.outputs.iter().filter(|(k, _)| k.starts_with("srv: ip")).flat_map(|(_, v)| v.clone()).collect();
    assert!(refusals.contains(&"RTNETLINK answers: File exists".to_string()), "{refusals:?}");
    assert!(refusals.contains(&"Error: Nexthop has invalid gateway.".to_string()), "{refusals:?}");
    assert!(refusals.contains(&"RTNETLINK answers: No such process".to_string()), "{refusals:?}");
}

#[test]
fn ip6_addr_add_runs_dad_and_del_takes_it_away() {
    let out = run(&home(|_| {}, &[
        (2000, "srv", "ip -6 addr add 2001:db8:2::20/64 dev eth0"),
        (6000, "pc1", "ping -6 -c 1 2001:db8:2::20"),
        (8000, "srv", "ip -6 addr del 2001:db8:2::20/64 dev eth0"),
        (9000, "pc1", "ping -6 -c 1 2001:db8:2::20"),
        (9500, "srv", "ip -6 addr del 2001:db8:2::20/64 dev eth0"),
    ]));
    let srv: Vec<&Ipv6Event> = out
        .trace
        .events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::Ipv6 { device, event } if device.as_str() == "srv" => Some(&**event),
            _ => None,
        })
        .collect();
    assert!(srv.iter().any(|e| matches!(e, Ipv6Event::Address { address, state: packet_engine::trace::AddrState::Preferred, .. } if address.addr().to_string() == "2001:db8:2::20")));
    assert!(srv.iter().any(|e| matches!(e, Ipv6Event::AddressRemoved { address, .. } if address.addr().to_string() == "2001:db8:2::20")));
    let runs: Vec<&Vec<String>> = out.outputs.iter().filter(|(k, _)| k.starts_with("pc1: ping -6")).map(|(_, v)| v).collect();
    assert_eq!(runs.len(), 2);
    let all: Vec<String> = runs.iter().flat_map(|v| v.iter().cloned()).collect();
    assert!(all.iter().any(|l| l.starts_with("64 bytes from 2001:db8:2::20: icmp_seq=1")), "{all:?}");
    // r1 still has srv's MAC for it in its neighbour cache: the request reaches srv, which no longer answers.
    assert!(all.iter().any(|l| l.starts_with("1 packets transmitted, 0 received")), "{all:?}");
    let refusals: Vec<String> = out.outputs.iter().filter(|(k, _)| k.starts_with("srv: ip -6 addr del")).flat_map(|(_, v)| v.clone()).collect();
    assert_eq!(refusals, vec!["RTNETLINK answers: Cannot assign requested address".to_string()]);
    // The state table no longer lists it at the end.
    let end = out.trace.state_at(out.trace.events.len());
    assert!(!format!("{:?}", end.addrs6.get("srv")).contains("2001:db8:2::20"));
}

#[test]
fn router_lifetime_zero_gives_no_default_route_and_a_silent_router_expires() {
    // radvd with AdvDefaultLifetime 0: pc1 builds its address but takes no default route.
    let out = run(&home(|l| l["devices"][2]["interfaces"][0]["ra"]["lifetime_s"] = 0.into(), &[(6000, "pc1", "ping -6 -c 1 2001:db8:2::10")]));
    assert_eq!(output(&out, "pc1: ping -6"), vec!["ping: connect: Network is unreachable".to_string()]);
    // Advertisements every 4 s at most, lifetime 6 s; r1's eth0 goes down at 5 s: pc1's default route expires.
    let out = run(&home(
        |l| l["devices"][2]["interfaces"][0]["ra"] = serde_json::json!({ "prefix": "2001:db8:1::/64", "interval_s": 4, "lifetime_s": 6 }),
        &[(5000, "r1", "ip link set eth0 down"), (15000, "pc1", "ping -6 -c 1 2001:db8:2::10")],
    ));
    let expired = out.trace.events.iter().find(|e| matches!(&e.kind, EventKind::Ipv6 { device, event } if device.as_str() == "pc1" && matches!(**event, Ipv6Event::DefaultRouterExpired { .. })));
    let t = expired.expect("the default route expired").time.as_micros() / 1000;
    assert!((5000..=11000).contains(&t), "{t}");
    assert_eq!(output(&out, "pc1: ping -6"), vec!["ping: connect: Network is unreachable".to_string()]);
}

#[test]
fn a_slaac_address_counts_down_from_the_prefix_lifetimes() {
    let out = run(HOME);
    let end = out.trace.state_at(out.trace.events.len());
    let rows = &end.addrs6.get("pc1").unwrap().get("eth0").unwrap();
    let slaac = rows.iter().find(|r| r.origin == packet_engine::trace::AddrOrigin::Slaac).unwrap();
    let heard = slaac.heard.expect("heard from an advertisement");
    let left = 86_400 - (end.now.as_micros() - heard.as_micros()) / 1_000_000;
    assert_eq!(slaac.lifetimes_text(end.now), format!("valid_lft {left}sec preferred_lft {}sec", left - 72_000));
    assert!(left < 86_400, "time passed since the advertisement: {left}");
    let ll = rows.iter().find(|r| r.origin == packet_engine::trace::AddrOrigin::LinkLocal).unwrap();
    assert_eq!(ll.lifetimes_text(end.now), "valid_lft forever preferred_lft forever");
}
