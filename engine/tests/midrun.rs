//! Configuration changes during a run (issue 18): each command's effect on
//! routes, neighbour entries, forwarding databases and the frames sent, as
//! the kernel's notifiers make them.

mod common;

use common::output;
use packet_engine::scenario::CommandSpec;
use packet_engine::trace::{EventKind, FlushCause, LinkCause, RouteEntry};
use packet_engine::{RunOutcome, Scenario, Simulation};

const SAME: &str = include_str!("../../scenarios/same-network.json");
const TWO: &str = include_str!("../../scenarios/two-subnets.json");

/// `lab` with its commands replaced by `commands` (at_ms, device, run).
fn with(lab: &str, commands: &[(u64, &str, &str)]) -> Scenario {
    let mut s = Scenario::from_json(lab).unwrap();
    s.commands = commands
        .iter()
        .map(|&(at_ms, device, run)| CommandSpec { at_ms, device: device.into(), run: run.into() })
        .collect();
    s
}

fn run(lab: &str, commands: &[(u64, &str, &str)]) -> RunOutcome {
    Simulation::new(&with(lab, commands)).expect("valid").run()
}

fn error(lab: &str, device: &str, line: &str) -> String {
    with(lab, &[(0, device, line)]).validate().unwrap_err().to_string()
}

fn routes_at_end(out: &RunOutcome, device: &str) -> Vec<RouteEntry> {
    out.trace.state_at(usize::MAX).routes[device].clone()
}

fn position(out: &RunOutcome, pred: impl Fn(&EventKind) -> bool) -> Option<usize> {
    out.trace.events.iter().position(|e| pred(&e.kind))
}

#[test]
fn a_switch_port_set_down_forgets_its_macs_and_the_host_loses_carrier() {
    let out = run(SAME, &[(1000, "pc1", "ping -c 5 10.10.10.100"), (2500, "sw1", "ip link set p2 down")]);
    // sw1 forgets pc2's MAC, learned on p2, because p2 went down.
    let i = position(&out, |k| matches!(k, EventKind::MacFlushed { flush, .. } if flush.why == FlushCause::LinkDown)).expect("flushed");
    let EventKind::MacFlushed { device, flush } = &out.trace.events[i].kind else { unreachable!() };
    let port = &flush.port;
    let macs = &flush.macs;
    assert_eq!((device.as_str(), port.as_deref()), ("sw1", Some("p2")));
    assert_eq!(macs.len(), 1);
    assert_eq!(macs[0].1.as_str(), "p2");
    let sentence = out.trace.events[i].explain();
    assert!(sentence.starts_with("sw1 forgets the MACs of p2 because p2 went down"), "{sentence}");
    let before = out.trace.state_at(i - 1);
    let after = out.trace.state_at(i);
    let key = packet_engine::trace::MacKey::plain(macs[0].0);
    assert!(before.mac_tables["sw1"].contains_key(&key));
    assert!(!after.mac_tables["sw1"].contains_key(&key));
    // pc2's end loses carrier: its ARP entry goes, its route stays, marked linkdown.
    let j = position(&out, |k| matches!(k, EventKind::LinkChanged { at, up: false, cause } if matches!(**cause, LinkCause::Carrier { .. }) && at.device == "pc2")).expect("carrier");
    assert!(out.trace.events[j].explain().contains("pc2/eth0 loses carrier because sw1/p2"));
    assert!(position(&out, |k| matches!(k, EventKind::NeighborFlushed { at, why: FlushCause::CarrierLost, .. } if at.device == "pc2")).is_some());
    let pc2 = routes_at_end(&out, "pc2");
    assert_eq!(pc2.len(), 1);
    assert!(pc2[0].linkdown);
    let end = out.trace.state_at(usize::MAX);
    assert!(end.neighbors["pc2"]["eth0"].is_empty());
    assert!(end.down["sw1"].iter().any(|p| p == "p2") && end.down["pc2"].iter().any(|p| p == "eth0"));
    // The pings after the cut are lost: sw1 floods pc1's frames to no one on p2.
    let lines = output(&out, "pc1: ping -c 5 10.10.10.100");
    assert!(lines.iter().any(|l| l.starts_with("5 packets transmitted, 2 received")), "{lines:?}");
    // Nothing leaves a port without carrier: the flood skips p2.
    let after_cut = &out.trace.events[i..];
    assert!(!after_cut.iter().any(|e| matches!(&e.kind, EventKind::FrameSent { hop, .. } if hop.link == "pc2-sw1")));
}

#[test]
fn a_host_interface_set_down_loses_its_routes_and_neighbours_and_ping_says_why() {
    let out = run(SAME, &[(1000, "pc1", "ping -c 4 10.10.10.100"), (2500, "pc1", "ip link set eth0 down")]);
    let i = position(&out, |k| matches!(k, EventKind::LinkChanged { at, up: false, cause } if **cause == LinkCause::Command && at.device == "pc1")).unwrap();
    assert!(out.trace.events[i].explain().starts_with("pc1 sets eth0 down (ip link set eth0 down)"));
    // fib_disable_ip: the connected route goes; arp_ifdown: the neighbour goes.
    assert!(routes_at_end(&out, "pc1").is_empty());
    assert!(position(&out, |k| matches!(k, EventKind::NeighborFlushed { at, why: FlushCause::LinkDown, .. } if at.device == "pc1")).is_some());
    // The switch's port loses carrier and forgets pc1.
    assert!(position(&out, |k| matches!(k, EventKind::MacFlushed { device, flush, .. } if flush.why == FlushCause::CarrierLost && device == "sw1")).is_some());
    let lines = output(&out, "pc1: ping -c 4 10.10.10.100");
    assert_eq!(lines.iter().filter(|l| *l == "ping: sendmsg: Network is unreachable").count(), 2, "{lines:?}");
    assert!(lines.iter().any(|l| l.starts_with("4 packets transmitted, 2 received, 50% packet loss")), "{lines:?}");
}

#[test]
fn up_again_brings_back_the_connected_route_but_not_the_gateway() {
    let out = run(TWO, &[(1000, "pc1", "ip link set eth0 down"), (2000, "pc1", "ip link set eth0 up")]);
    let routes = routes_at_end(&out, "pc1");
    assert_eq!(routes.len(), 1, "{routes:?}");
    assert_eq!(routes[0].prefix.to_string(), "192.168.1.0/24");
    assert!(!routes[0].linkdown);
    // Re-adding the default route brings it back; a gateway off every subnet is refused.
    let out = run(
        TWO,
        &[
            (1000, "pc1", "ip link set eth0 down"),
            (2000, "pc1", "ip link set eth0 up"),
            (2100, "pc1", "ip route add 10.9.0.0/16 via 10.1.1.1"),
            (2200, "pc1", "ip route add default via 192.168.1.1"),
            (2300, "pc1", "ip route add default via 192.168.1.1"),
            (2400, "pc1", "ping -c 1 192.168.2.20"),
        ],
    );
    assert_eq!(output(&out, "pc1: ip route add 10.9.0.0/16 via 10.1.1.1"), ["Error: Nexthop has invalid gateway."]);
    assert!(output(&out, "pc1: ip route add default via 192.168.1.1").is_empty());
    assert_eq!(output(&out, "pc1: ip route add default via 192.168.1.1 (2)"), ["RTNETLINK answers: File exists"]);
    assert_eq!(routes_at_end(&out, "pc1").len(), 2);
    assert!(output(&out, "pc1: ping -c 1 192.168.2.20").iter().any(|l| l.starts_with("1 packets transmitted, 1 received")));
}

#[test]
fn route_del_takes_the_default_away() {
    let out = run(
        TWO,
        &[
            (500, "pc1", "ip route del default via 192.168.1.1"),
            (600, "pc1", "ip route del default via 192.168.1.1"),
            (1000, "pc1", "ping -c 1 192.168.2.20"),
        ],
    );
    assert_eq!(output(&out, "pc1: ip route del default via 192.168.1.1 (2)"), ["RTNETLINK answers: No such process"]);
    assert_eq!(output(&out, "pc1: ping -c 1 192.168.2.20"), ["ping: connect: Network is unreachable"]);
}

#[test]
fn an_address_change_sends_nothing_and_moves_the_connected_route() {
    let out = run(
        SAME,
        &[
            (1000, "pc1", "ip addr del 10.10.10.1/24 dev eth0"),
            (1100, "pc1", "ip addr add 10.10.0.1/16 dev eth0"),
            (1200, "pc1", "ip addr add 10.10.0.1/16 dev eth0"),
            (1300, "pc1", "ip addr del 10.9.9.9/16 dev eth0"),
            (1400, "pc1", "ip addr add 10.1.1.1/8 dev eth0"),
        ],
    );
    // arp_notify = 0: no gratuitous ARP, nothing at all on the wire.
    assert!(!out.trace.events.iter().any(|e| matches!(e.kind, EventKind::FrameSent { .. })));
    let routes = routes_at_end(&out, "pc1");
    assert_eq!(routes.len(), 1);
    assert_eq!(routes[0].prefix.to_string(), "10.10.0.0/16");
    let i = position(&out, |k| matches!(k, EventKind::AddressChanged { new: Some(_), .. })).unwrap();
    assert!(out.trace.events[i].explain().contains("arp_notify = 0"));
    assert_eq!(output(&out, "pc1: ip addr add 10.10.0.1/16 dev eth0 (2)"), ["RTNETLINK answers: File exists"]);
    assert_eq!(output(&out, "pc1: ip addr del 10.9.9.9/16 dev eth0"), ["Error: ipv4: Address not found."]);
    assert!(output(&out, "pc1: ip addr add 10.1.1.1/8 dev eth0")[0].contains("one IPv4 address per interface"));
}

#[test]
fn flushes_empty_the_tables_they_name() {
    let out = run(
        SAME,
        &[
            (1000, "pc1", "ping -c 1 10.10.10.100"),
            (2000, "pc1", "ip neigh flush all"),
            (2000, "sw1", "bridge fdb flush dev p1"),
            (2100, "sw1", "bridge fdb flush dev sw1"),
        ],
    );
    let flushed = position(&out, |k| matches!(k, EventKind::NeighborFlushed { at, .. } if at.device == "pc1")).unwrap();
    let then = out.trace.state_at(flushed);
    assert!(then.neighbors["pc1"]["eth0"].is_empty());
    assert!(!then.neighbors["pc2"]["eth0"].is_empty(), "pc2 keeps its own");
    let last = position(&out, |k| matches!(k, EventKind::MacFlushed { flush, .. } if flush.port.is_none())).unwrap();
    assert!(out.trace.state_at(last).mac_tables["sw1"].is_empty());
    let flushes: Vec<_> = out
        .trace
        .events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::MacFlushed { flush, .. } if flush.why == FlushCause::Command => {
                Some((flush.port.as_ref().map(|p| p.to_string()), flush.macs.len()))
            }
            _ => None,
        })
        .collect();
    assert_eq!(flushes, [(Some("p1".to_string()), 1), (None, 1)]);
}

#[test]
fn power_off_silences_a_device_and_power_on_boots_it_from_the_lab_file() {
    let out = run(
        SAME,
        &[
            (1000, "pc1", "ping -c 6 10.10.10.100"),
            (2500, "pc2", "poweroff"),
            (3000, "pc2", "ip neigh flush all"),
            (4500, "pc2", "poweron"),
        ],
    );
    let lines = output(&out, "pc1: ping -c 6 10.10.10.100");
    // Sent at 1, 2, 3, 4, 5, 6 s: pc2 is off from 2.5 s to 4.5 s; pc1's cached
    // MAC goes stale and the ARP probes of 3 s and 4 s get no answer.
    assert!(lines.iter().any(|l| l.starts_with("6 packets transmitted")), "{lines:?}");
    assert!(!lines.iter().any(|l| l.contains("icmp_seq=3 ") && l.contains("bytes from")), "{lines:?}");
    assert_eq!(output(&out, "pc2: ip neigh flush all"), ["pc2 is powered off: nothing can be typed on it (poweron first)"]);
    let off = position(&out, |k| matches!(k, EventKind::PowerChanged { on: false, .. })).unwrap();
    let on = position(&out, |k| matches!(k, EventKind::PowerChanged { on: true, .. })).unwrap();
    let dark = out.trace.state_at(on - 1);
    assert!(dark.powered_off.iter().any(|p| p == "pc2"));
    assert!(dark.down["sw1"].iter().any(|p| p == "p2") && dark.down["pc2"].iter().any(|p| p == "eth0"));
    // Booted: its route from the lab file, its tables empty, its port and the switch's up.
    let booted = out.trace.state_at(on + 4);
    assert!(!booted.powered_off.iter().any(|p| p == "pc2"));
    assert_eq!(booted.routes["pc2"].len(), 1);
    assert!(!booted.down.contains_key("sw1"));
    assert!(!out.trace.events[off..on].iter().any(|e| matches!(&e.kind, EventKind::FrameSent { hop, .. } if hop.from.device == "pc2")));
}

#[test]
fn a_run_with_changes_is_deterministic() {
    let cmds = [(1000, "pc1", "ping -c 5 10.10.10.100"), (2500, "sw1", "ip link set p2 down"), (3500, "sw1", "ip link set p2 up")];
    let a = run(SAME, &cmds);
    let b = run(SAME, &cmds);
    assert_eq!(a.trace, b.trace);
    let lines = output(&a, "pc1: ping -c 5 10.10.10.100");
    assert!(lines.iter().any(|l| l.starts_with("5 packets transmitted, 4 received")), "{lines:?}");
}

#[test]
fn commands_are_checked_against_their_device() {
    assert_eq!(
        error(SAME, "pc1", "ip link set eth3 down"),
        "commands[0].run: Cannot find device \"eth3\": pc1 has no interface eth3 (it has eth0)"
    );
    assert_eq!(
        error(SAME, "sw1", "ip link set p9 down"),
        "commands[0].run: Cannot find device \"p9\": sw1 has no port p9 (it has p1, p2, p3, p4)"
    );
    assert!(error(SAME, "sw1", "ip route add default via 10.10.10.1").contains("sw1 is a switch: it has no IP stack"));
    assert!(error(SAME, "pc1", "bridge fdb flush dev eth0").contains("bridge fdb flush runs on switches"));
    assert!(error(SAME, "sw1", "ping -c 1 10.10.10.1").contains("programs run on hosts, servers and routers"));
    assert!(error(SAME, "pc1", "ip link set eth0 sideways").contains("only down and up"));
}

#[test]
fn predict_asks_what_a_switch_does_with_a_down_ports_macs() {
    use packet_engine::exercise::predict::{questions, Answer, QuestionKind};
    let out = run(SAME, &[(1000, "pc1", "ping -c 3 10.10.10.100"), (2500, "sw1", "ip link set p2 down")]);
    let qs = questions(&out.topology, &out.trace, 7);
    let q = qs.iter().find(|q| q.kind == QuestionKind::MacsOnDownPort).expect("a question at the flush");
    assert!(q.prompt.to_string().starts_with("sw1's port p2 was set down."), "{}", q.prompt);
    assert_eq!(q.choices[q.correct].answer, Answer::MacFate { fate: 0 });
    assert!(matches!(out.trace.events[q.event].kind, EventKind::MacFlushed { .. }));
}
