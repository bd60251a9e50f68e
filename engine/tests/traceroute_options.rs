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
    assert!(error("traceroute -U 192.168.2.20").contains("UDP probes are not modelled"));
}
