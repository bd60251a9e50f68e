//! iputils ping's options (`-s -t -W -I`, and getopt's glued values) as the
//! program behaves with them: sizes and TTLs on the wire, the printed lines,
//! the final wait, the bound interface or source address.

mod common;

use common::{frames_on, icmp_type, output};
use packet_engine::scenario::CommandSpec;
use packet_engine::{RunOutcome, Scenario, Simulation};

const SAME: &str = include_str!("../../scenarios/same-network.json");
const TWO: &str = include_str!("../../scenarios/two-subnets.json");

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

#[test]
fn size_and_ttl_reach_the_wire_and_the_header() {
    let out = run(SAME, &[(1000, "pc1", "ping -c 2 -s 100 -t3 10.10.10.100")]);
    let lines = output(&out, "pc1: ping -c 2 -s 100 -t3 10.10.10.100");
    assert_eq!(lines[0], "PING 10.10.10.100 (10.10.10.100) 100(128) bytes of data.");
    assert!(lines[1].starts_with("108 bytes from 10.10.10.100: icmp_seq=1 ttl=64 time="), "{lines:?}");
    let requests: Vec<_> = frames_on(&out, "pc1-sw1").into_iter().filter(|f| icmp_type(&f.bytes) == Some(8)).collect();
    assert_eq!(requests.len(), 2);
    for f in &requests {
        let ip = &f.bytes[14..];
        assert_eq!(u16::from_be_bytes([ip[2], ip[3]]), 128, "total length");
        assert_eq!(ip[8], 3, "TTL");
    }
}

#[test]
fn without_room_for_the_send_time_ping_measures_nothing() {
    let out = run(SAME, &[(1000, "pc1", "ping -c 2 -s 8 10.10.10.100")]);
    let lines = output(&out, "pc1: ping -c 2 -s 8 10.10.10.100");
    assert_eq!(lines[0], "PING 10.10.10.100 (10.10.10.100) 8(36) bytes of data.");
    assert_eq!(lines[1], "16 bytes from 10.10.10.100: icmp_seq=1 ttl=64");
    assert!(lines.iter().any(|l| l == "2 packets transmitted, 2 received, 0% packet loss, time 1000ms"));
    assert!(!lines.iter().any(|l| l.starts_with("rtt ")), "{lines:?}");
}

#[test]
fn w_bounds_the_wait_when_nothing_answers() {
    // pc2 is off: ARP goes unanswered; its failure would come 3 s after the probe.
    let quick = run(SAME, &[(0, "pc2", "poweroff"), (1000, "pc1", "ping -c 1 -W 2 10.10.10.100")]);
    let lines = output(&quick, "pc1: ping -c 1 -W 2 10.10.10.100");
    assert!(lines.iter().any(|l| l.starts_with("1 packets transmitted, 0 received, 100% packet loss")), "{lines:?}");
    assert!(!lines.iter().any(|l| l.contains("Unreachable")), "-W 2 gives up before ARP does: {lines:?}");
    let slow = run(SAME, &[(0, "pc2", "poweroff"), (1000, "pc1", "ping -c 1 10.10.10.100")]);
    let lines = output(&slow, "pc1: ping -c 1 10.10.10.100");
    assert!(lines.iter().any(|l| l.ends_with("icmp_seq=1 Destination Host Unreachable")), "{lines:?}");
}

#[test]
fn i_binds_to_an_interface_or_a_source_address() {
    let out = run(
        TWO,
        &[
            (1000, "r1", "ping -c 1 -I eth0 192.168.1.10"),
            (2000, "r1", "ping -c 1 -I eth1 192.168.1.10"),
            (3000, "r1", "ping -c 1 -I 192.168.2.1 192.168.1.10"),
            (4000, "r1", "ping -c 1 -I 10.9.9.9 192.168.1.10"),
        ],
    );
    let bound = output(&out, "r1: ping -c 1 -I eth0 192.168.1.10");
    assert_eq!(bound[0], "PING 192.168.1.10 (192.168.1.10) from 192.168.1.1 eth0: 56(84) bytes of data.");
    assert!(bound.iter().any(|l| l.starts_with("1 packets transmitted, 1 received")));
    // No route to 192.168.1.0/24 leaves through eth1.
    assert_eq!(output(&out, "r1: ping -c 1 -I eth1 192.168.1.10"), ["ping: connect: Network is unreachable"]);
    let src = output(&out, "r1: ping -c 1 -I 192.168.2.1 192.168.1.10");
    assert_eq!(src[0], "PING 192.168.1.10 (192.168.1.10) from 192.168.2.1 : 56(84) bytes of data.");
    assert!(src.iter().any(|l| l.starts_with("1 packets transmitted, 1 received")), "{src:?}");
    let echo = frames_on(&out, "sw1-r1").into_iter().filter(|f| icmp_type(&f.bytes) == Some(8)).nth(1).unwrap();
    assert_eq!(echo.bytes[26..30], [192, 168, 2, 1], "the bound source address");
    assert_eq!(output(&out, "r1: ping -c 1 -I 10.9.9.9 192.168.1.10"), ["ping: bind: Cannot assign requested address"]);
}

#[test]
fn bad_options_are_refused_with_the_reason() {
    let error = |line: &str| with(SAME, &[(0, "pc1", line)]).validate().unwrap_err().to_string();
    assert_eq!(error("ping -c 1 -I eth7 10.10.10.100"), "commands[0].run: ping: SO_BINDTODEVICE eth7: No such device (pc1 has eth0)");
    assert!(error("ping -c 1 -s 2000 10.10.10.100").contains("IP fragmentation"));
    assert!(error("ping -c 1 -t 0 10.10.10.100").contains("time-to-live"));
    assert!(error("ping -c 1 -W x 10.10.10.100").contains("-W needs a number of seconds, not x"));
    assert!(error("ping -c 1 -q 10.10.10.100").contains("unsupported ping option -q"));
}
