//! The built-in course: every starting lab fails, reference and alternative
//! solutions pass, locks are enforced, and bad exercise files are refused with
//! the field named.

use packet_engine::exercise::{check_locks, course, Check, Evaluation, Exercise};
use packet_engine::scenario::{CommandSpec, LinkSpec};
use packet_engine::Scenario;

mod common;
use common::edits::{add_dhcp_server, add_route, dev, rename_record, set_address, set_dns, set_gateway, set_nat};

fn exercise(id: &str) -> Exercise {
    course()
        .into_iter()
        .find(|e| e.id == id)
        .unwrap_or_else(|| panic!("no exercise {id}"))
}

fn remove_link(s: &mut Scenario, id: &str) {
    s.links.retain(|l| l.id != id);
}

fn add_link(s: &mut Scenario, id: &str, a: (&str, &str), b: (&str, &str)) {
    let l: LinkSpec = serde_json::from_value(serde_json::json!({
        "id": id, "a": { "device": a.0, "port": a.1 }, "b": { "device": b.0, "port": b.1 }
    }))
    .unwrap();
    s.links.push(l);
}

/// Applies the edits in order to a copy of the starting lab and evaluates it.
fn solve(ex: &Exercise, edits: &[&dyn Fn(&mut Scenario)]) -> Evaluation {
    let mut lab = ex.lab.clone();
    // The student's own experiments never count: a stray command must not matter.
    lab.commands.push(CommandSpec {
        at_ms: 500,
        device: lab.commands[0].device.clone(),
        run: "ping -c 1 1.2.3.4".into(),
    });
    for edit in edits {
        edit(&mut lab);
    }
    ex.evaluate(&lab)
}

fn report(e: &Evaluation) -> String {
    let mut s = format!(
        "locked {:?} invalid {:?}\n",
        e.locked,
        e.invalid.as_ref().map(|i| i.error.to_string())
    );
    for c in &e.checks {
        s += &format!(
            "  [{}] {} — {}\n      diag: {:?}\n      out: {:?}\n",
            if c.passed { "pass" } else { "FAIL" },
            c.description,
            c.why,
            c.diagnosis.as_ref().map(|d| &d.text),
            c.output
        );
    }
    s
}

fn assert_solved(ex: &Exercise, edits: &[&dyn Fn(&mut Scenario)]) {
    let e = solve(ex, edits);
    assert!(e.solved(), "{} should be solved:\n{}", ex.id, report(&e));
}

fn assert_unsolved(ex: &Exercise, edits: &[&dyn Fn(&mut Scenario)]) -> Evaluation {
    let e = solve(ex, edits);
    assert!(
        !e.solved(),
        "{} should not be solved:\n{}",
        ex.id,
        report(&e)
    );
    e
}

#[test]
fn the_course_has_seventeen_exercises_in_teaching_order() {
    let ids: Vec<String> = course().into_iter().map(|e| e.id).collect();
    assert_eq!(
        ids,
        [
            "right-network",
            "neighbours-by-mask",
            "who-hears-arp",
            "hub-or-switch",
            "stop-the-storm",
            "right-vlan",
            "default-gateway",
            "gateway-off-subnet",
            "missing-route",
            "ttl-loop",
            "read-traceroute",
            "trunk-to-the-router",
            "laptop-no-address",
            "dns-server-address",
            "why-nxdomain",
            "read-the-handshake",
            "why-page-fails",
            "add-nat",
            "ipv6-no-address",
            "ipv6-prefix-length"
        ]
    );
    for ex in course() {
        assert!(ex.hints.len() <= 3 && !ex.hints.is_empty(), "{}", ex.id);
        // The file round-trips through JSON unchanged.
        assert_eq!(Exercise::from_json(&ex.to_json_pretty()).unwrap(), ex);
    }
}

#[test]
fn every_starting_lab_fails_its_goal() {
    for ex in course() {
        let e = ex.evaluate(&ex.lab);
        assert!(
            e.locked.is_empty() && e.invalid.is_none(),
            "{}: {}",
            ex.id,
            report(&e)
        );
        assert!(
            !e.solved(),
            "{} is solved before the student did anything:\n{}",
            ex.id,
            report(&e)
        );
        let failure = e.first_failure().unwrap();
        assert!(!failure.why.to_string().is_empty());
    }
}

#[test]
fn right_network() {
    let ex = exercise("right-network");
    assert_solved(&ex, &[&|s| set_address(s, "pc3", "eth0", "10.0.0.3/24")]);
    // Any free address of 10.0.0.0/24 will do, also written with a dotted mask.
    assert_solved(
        &ex,
        &[&|s| set_address(s, "pc3", "eth0", "10.0.0.77 255.255.255.0")],
    );
    // pc1's address is taken: the lab is refused and names the field.
    let e = assert_unsolved(&ex, &[&|s| set_address(s, "pc3", "eth0", "10.0.0.1/24")]);
    assert_eq!(
        e.invalid.unwrap().error.to_string(),
        "devices[3].interfaces[0].address: duplicate IP address 10.0.0.1 (also on pc1/eth0)"
    );
    // Right address, too small a mask: 10.0.0.3/31 is the network 10.0.0.2/31,
    // which holds pc2 but not pc1.
    let e = assert_unsolved(&ex, &[&|s| set_address(s, "pc3", "eth0", "10.0.0.3/31")]);
    assert_eq!(
        e.checks.iter().map(|c| c.passed).collect::<Vec<_>>(),
        [false, true]
    );
    // Moving pc1 instead is locked.
    let e = assert_unsolved(
        &ex,
        &[&|s| set_address(s, "pc1", "eth0", "10.0.1.1/24"), &|s| {
            set_address(s, "pc2", "eth0", "10.0.1.2/24")
        }],
    );
    assert_eq!(
        e.locked.iter().map(|v| v.to_string()).collect::<Vec<_>>(),
        [
            "devices[0].interfaces[0].address: pc1's eth0 address is locked in this exercise",
            "devices[1].interfaces[0].address: pc2's eth0 address is locked in this exercise"
        ]
    );
    assert!(
        e.checks.iter().all(|c| c.passed),
        "behaviour alone would pass: the lock is what refuses it"
    );
}

#[test]
fn neighbours_by_mask() {
    let ex = exercise("neighbours-by-mask");
    let m25 = |s: &mut Scenario| set_address(s, "pc1", "eth0", "192.168.1.10/25");
    let m25b = |s: &mut Scenario| set_address(s, "pc2", "eth0", "192.168.1.100/25");
    assert_solved(&ex, &[&m25, &m25b]);
    // The other order, and another working pair: pc2 on /24 sees pc1 too.
    assert_solved(&ex, &[&m25b, &m25]);
    assert_solved(
        &ex,
        &[
            &|s| set_address(s, "pc2", "eth0", "192.168.1.100 255.255.255.0"),
            &m25,
        ],
    );
    // Only pc2 fixed: pc1 still treats .200 as a neighbour.
    let e = assert_unsolved(&ex, &[&m25b]);
    assert_eq!(
        e.checks.iter().map(|c| c.passed).collect::<Vec<_>>(),
        [true, true, false]
    );
    assert!(
        e.checks[2].why.to_string().contains("got 2 replies"),
        "{}",
        e.checks[2].why
    );
    // Changing the address, not the mask, is locked.
    let e = assert_unsolved(
        &ex,
        &[&|s| set_address(s, "pc2", "eth0", "192.168.1.20/24")],
    );
    assert_eq!(
        e.locked[0].to_string(),
        "devices[1].interfaces[0].address: pc2's eth0 address is locked in this exercise"
    );
    // A mask-only change is reported as a mask when locked: pc3's.
    let e = assert_unsolved(
        &ex,
        &[&m25, &m25b, &|s| {
            set_address(s, "pc3", "eth0", "192.168.1.200/25")
        }],
    );
    assert_eq!(
        e.locked[0].to_string(),
        "devices[3].interfaces[0].address: pc3's eth0 mask is locked in this exercise"
    );
}

#[test]
fn who_hears_arp() {
    let ex = exercise("who-hears-arp");
    assert_solved(&ex, &[&|s| remove_link(s, "sw1-sw2")]);
    // Another way: leave the switches joined but cable pc3 and pc4 to each other.
    assert_solved(
        &ex,
        &[
            &|s| remove_link(s, "pc3-sw2"),
            &|s| remove_link(s, "pc4-sw2"),
            &|s| add_link(s, "pc3-pc4", ("pc3", "eth0"), ("pc4", "eth0")),
        ],
    );
    // Unplugging pc3 and pc4 altogether silences them, but they cannot reach each other.
    let e = assert_unsolved(
        &ex,
        &[&|s| remove_link(s, "pc3-sw2"), &|s| {
            remove_link(s, "pc4-sw2")
        }],
    );
    assert_eq!(
        e.checks.iter().map(|c| c.passed).collect::<Vec<_>>(),
        [true, true, true, false]
    );
    assert_eq!(e.checks[3].diagnosis.as_ref().unwrap().device, "pc3");
}

#[test]
fn hub_or_switch() {
    let ex = exercise("stop-the-storm");
    let stp = |on: &'static [&'static str]| {
        move |s: &mut Scenario| {
            for id in on {
                dev(s, id).stp = true;
            }
        }
    };
    assert_solved(&ex, &[&stp(&["sw1", "sw2", "sw3"])]);
    // STP on one switch of the loop is enough too: the other two flood its BPDUs
    // round the loop (a bridge without STP forwards 01:80:c2:00:00:00), it hears
    // its own BPDU come back on its other port and blocks that one.
    assert_solved(&ex, &[&stp(&["sw2"])]);
    // Pulling a cable is refused: cables are locked.
    let mut cut = ex.lab.clone();
    cut.links.retain(|l| l.id != "sw2-sw3");
    assert!(!ex.evaluate(&cut).locked.is_empty());

    // The wrong VLAN: p2 into VLAN 10 solves it; VLAN filtering off lets the guest in too.
    let ex = exercise("right-vlan");
    assert!(!ex.evaluate(&ex.lab).solved(), "the starting lab fails");
    let p2_in_10 = |s: &mut Scenario| dev(s, "sw1").vlans.get_mut("p2").unwrap().pvid = Some(10);
    assert_solved(&ex, &[&p2_in_10]);
    let mut open = ex.lab.clone();
    dev(&mut open, "sw1").vlan_filtering = false;
    let e = ex.evaluate(&open);
    assert!(e.locked.is_empty() && !e.solved(), "filtering off lets the guest reach pc1: {e:?}");

    let ex = exercise("hub-or-switch");
    let to_switch =
        |s: &mut Scenario| dev(s, "hub1").kind = packet_engine::scenario::DeviceKind::Switch;
    assert_solved(&ex, &[&to_switch]);
    // Replace the hub with a new switch sw9 and recable (switches may be added and removed).
    assert_solved(
        &ex,
        &[&|s| {
            s.devices.retain(|d| d.id != "hub1");
            s.links.clear();
            s.devices.push(
                serde_json::from_value(
                    serde_json::json!({ "id": "sw9", "kind": "switch", "ports": 8 }),
                )
                .unwrap(),
            );
            for (i, pc) in ["pc3", "pc2", "pc1"].iter().enumerate() {
                add_link(
                    s,
                    &format!("l{i}"),
                    (pc, "eth0"),
                    ("sw9", &format!("p{}", i + 5)),
                );
            }
        }],
    );
    // Unplugging pc3 hides the frames from it but it can no longer be reached.
    let e = assert_unsolved(&ex, &[&|s| remove_link(s, "pc3-hub1")]);
    assert_eq!(
        e.checks.iter().map(|c| c.passed).collect::<Vec<_>>(),
        [true, true, false]
    );
    // Adding a host is not allowed.
    let e = assert_unsolved(
        &ex,
        &[&to_switch, &|s| {
            s.devices.push(serde_json::from_value(serde_json::json!({ "id": "pc4", "kind": "host", "interfaces": [{ "name": "eth0" }] })).unwrap())
        }],
    );
    assert_eq!(
        e.locked[0].to_string(),
        "devices[4]: pc4 is new: only switches and hubs may be added"
    );
}

#[test]
fn default_gateway() {
    let ex = exercise("default-gateway");
    assert_solved(&ex, &[&|s| set_gateway(s, "pc1", Some("192.168.1.1"))]);
    // A static route to pc2's network works as well as a default route.
    assert_solved(
        &ex,
        &[&|s| add_route(s, "pc1", "192.168.2.0/24", "192.168.1.1")],
    );
    // A gateway nobody has: the diagnosis names pc1's gateway.
    let e = assert_unsolved(&ex, &[&|s| set_gateway(s, "pc1", Some("192.168.1.254"))]);
    let d = e.checks[0].diagnosis.as_ref().unwrap();
    assert_eq!(
        (d.device.as_str(), d.field.as_str()),
        ("pc1", "devices[0].gateway")
    );
    // Fixing it at pc2's end is locked.
    let e = assert_unsolved(&ex, &[&|s| set_gateway(s, "pc2", None)]);
    assert_eq!(
        e.locked[0].to_string(),
        "devices[4].gateway: pc2's gateway is locked in this exercise"
    );
}

#[test]
fn gateway_off_subnet() {
    let ex = exercise("gateway-off-subnet");
    assert_solved(&ex, &[&|s| set_address(s, "r1", "eth0", "192.168.1.1/24")]);
    // Move pc1 into the router's network instead, in either order of the two edits.
    let addr = |s: &mut Scenario| set_address(s, "pc1", "eth0", "192.168.10.50/24");
    let gw = |s: &mut Scenario| set_gateway(s, "pc1", Some("192.168.10.1"));
    assert_solved(&ex, &[&addr, &gw]);
    assert_solved(&ex, &[&gw, &addr]);
    // The tempting fix: point pc1's gateway at the router's address. Refused, and explained.
    let e = assert_unsolved(&ex, &[&gw]);
    let invalid = e.invalid.unwrap();
    assert_eq!(invalid.error.path, "devices[0].gateway");
    let d = invalid.diagnosis.unwrap();
    assert!(
        d.text.to_string().starts_with(
            "pc1's default gateway 192.168.10.1 is not on any of its networks (192.168.1.0/24)"
        ),
        "{}",
        d.text
    );
    assert!(e
        .checks
        .iter()
        .all(|c| !c.passed && c.why.to_string().starts_with("the lab cannot run: devices[0].gateway")));
}

#[test]
fn missing_route() {
    let ex = exercise("missing-route");
    assert_solved(
        &ex,
        &[&|s| add_route(s, "r1", "192.168.2.0/24", "10.0.0.2")],
    );
    assert_solved(&ex, &[&|s| set_gateway(s, "r1", Some("10.0.0.2"))]);
    // A wider route also matches.
    assert_solved(
        &ex,
        &[&|s| add_route(s, "r1", "192.168.0.0/16", "10.0.0.2")],
    );
    // A route to the wrong network changes nothing.
    let e = assert_unsolved(
        &ex,
        &[&|s| add_route(s, "r1", "192.168.3.0/24", "10.0.0.2")],
    );
    assert_eq!(
        e.checks[0].diagnosis.as_ref().unwrap().field,
        "devices[1].routes"
    );
    assert_eq!(
        e.checks[1].why.to_string(),
        "the echo request to 192.168.2.20 never left r1: it did not reach r1, or r1 dropped it."
    );
}

#[test]
fn ttl_loop() {
    let ex = exercise("ttl-loop");
    assert_solved(&ex, &[&|s| set_gateway(s, "r2", Some("10.0.1.2"))]);
    assert_solved(&ex, &[&|s| add_route(s, "r2", "8.8.8.0/24", "10.0.1.2")]);
    let e = ex.evaluate(&ex.lab);
    assert_eq!(
        e.checks[1].why.to_string(),
        "the echo request to 8.8.8.8 left r2 on link r1-r2, towards r1."
    );
    assert!(e.checks[0]
        .diagnosis
        .as_ref()
        .unwrap()
        .text
        .to_string().contains("r1 → r2 → r1"));
    // Removing r1's default route ends the loop but not the failure.
    let e = assert_unsolved(&ex, &[&|s| set_gateway(s, "r1", None)]);
    assert!(
        e.checks[0]
            .output
            .iter()
            .any(|l| l.contains("Destination Net Unreachable")),
        "{:?}",
        e.checks[0].output
    );
}

#[test]
fn read_traceroute() {
    let ex = exercise("read-traceroute");
    assert_solved(
        &ex,
        &[&|s| add_route(s, "isp2", "192.168.1.0/24", "10.0.12.1")],
    );
    assert_solved(&ex, &[&|s| set_gateway(s, "isp2", Some("10.0.12.1"))]);
    let e = ex.evaluate(&ex.lab);
    assert_eq!(
        e.checks[0].why.to_string(),
        "traceroute never reached 8.8.8.8: the last hop that answered was hop 2 (100.64.0.1), after it only * * *."
    );
    // diagnose() has no case for a missing route *back*; the check adds one.
    let d = e.checks[0].diagnosis.as_ref().unwrap();
    assert_eq!(
        (d.device.as_str(), d.field.as_str()),
        ("isp2", "devices[3].routes")
    );
    assert!(
        d.text.to_string().starts_with("isp2 has no route back to 192.168.1.10"),
        "{}",
        d.text
    );
    assert_eq!(e.checks[1].diagnosis.as_ref().unwrap().device, "isp2");
    // A route back for the laptop only is enough for the probes, not for the hop
    // count to change: traceroute shows every router it passes.
    let solved = solve(
        &ex,
        &[&|s| add_route(s, "isp2", "192.168.1.10/32", "10.0.12.1")],
    );
    assert!(solved.solved(), "{}", report(&solved));
    assert_eq!(
        solved.checks[0].why.to_string(),
        "traceroute reached 8.8.8.8 at hop 5; the goal is 5."
    );
}

#[test]
fn lock_check_is_pure_and_lists_every_change() {
    let ex = exercise("default-gateway");
    assert_eq!(check_locks(&ex.lab, &ex.lab, &ex.editable), Ok(()));
    let mut edited = ex.lab.clone();
    // Allowed: pc1's gateway, positions, names, the student's commands.
    set_gateway(&mut edited, "pc1", Some("192.168.1.1"));
    edited.devices[2].position = Some([1.0, 2.0]);
    edited.name = "mine".into();
    edited.commands.clear();
    edited.devices.reverse();
    assert_eq!(check_locks(&ex.lab, &edited, &ex.editable), Ok(()));
    // Locked: r1's MAC, a cable, the seed, a removed host.
    let r1 = edited.devices.iter().position(|d| d.id == "r1").unwrap();
    edited.devices[r1].interfaces[1].mac = Some("02:00:00:00:00:99".into());
    edited.links[0].b.port = "p4".into();
    edited.seed += 1;
    edited.devices.retain(|d| d.id != "pc2");
    let got: Vec<String> = check_locks(&ex.lab, &edited, &ex.editable)
        .unwrap_err()
        .iter()
        .map(|v| v.to_string())
        .collect();
    assert_eq!(
        got,
        [
            "seed: the seed is part of the exercise and cannot change",
            "devices: pc2 was removed, but it is part of the exercise",
            "devices[1].interfaces[1].mac: r1's eth1 MAC address is locked in this exercise",
            "links[0]: the cable pc1/eth0 — sw1/p4 is new or changed, but cables are locked",
            "links: the cable pc1/eth0 — sw1/p1 was removed or changed, but cables are locked",
        ]
    );
}

fn error_of(json: &str) -> String {
    Exercise::from_json(json).unwrap_err().to_string()
}

/// The right-network exercise as JSON, with `edit` applied to its value.
fn variant(edit: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut v: serde_json::Value =
        serde_json::from_str(packet_engine::exercise::course::source("right-network").unwrap())
            .unwrap();
    edit(&mut v);
    v.to_string()
}

#[test]
fn invalid_exercise_files_name_the_field() {
    use serde_json::json;
    assert_eq!(
        error_of(&variant(|v| v["goal"][1]["from"] = json!("pc9"))),
        "goal[1].from: no device \"pc9\""
    );
    assert_eq!(
        error_of(&variant(|v| v["goal"][0]["to"] = json!("sw1"))),
        "goal[0].to: sw1 has no IP address"
    );
    // The goal checks' own reasons (Check::validate) are catalogue messages with typed
    // arguments; their English is as it was.
    assert_eq!(
        error_of(&variant(|v| v["goal"][0]["from"] = json!("sw1"))),
        "goal[0].from: sw1 is a switch; it has no IP stack"
    );
    let e = Exercise::from_json(&variant(|v| v["goal"][0]["from"] = json!("sw1"))).unwrap_err();
    assert_eq!(e.message, packet_engine::msg!("check-no-ip-stack", device = "sw1", kind = "switch"));
    assert_eq!(
        error_of(&variant(|v| v["goal"][0] = json!({ "check": "traceroute_hops", "from": "pc3", "to": "pc1", "hops": 31 }))),
        "goal[0].hops: 31 is out of range (1–30)"
    );
    assert_eq!(
        error_of(&variant(|v| v["goal"][0] = json!({ "check": "receives", "device": "pc3" }))),
        "goal[0].device: say which frames: frame_to_mac_of, addressed_to or arp_for"
    );
    assert_eq!(
        error_of(&variant(|v| v["goal"][0] = json!({ "check": "leaves_via", "device": "pc3", "from": "pc3", "to": "pc1", "link": "nowhere" }))),
        "goal[0].link: no link \"nowhere\""
    );
    assert_eq!(
        error_of(&variant(|v| v["goal"][0] = json!({ "check": "leaves_via", "device": "pc3", "from": "pc3", "to": "pc1" }))),
        "goal[0].towards: give either towards (a device) or link"
    );
    assert_eq!(
        error_of(&variant(|v| v["lab"]["devices"][2]["ports"] = json!(0))),
        "lab.devices[2].ports: 0 ports is out of range (1–1024)"
    );
    assert_eq!(
        error_of(&variant(
            |v| v["lab"]["devices"][0]["interfaces"][0]["address"] = json!("10.0.0.300/24")
        )),
        "lab.devices[0].interfaces[0].address: 10.0.0.300/24 is not an IPv4 address"
    );
    assert_eq!(
        error_of(&variant(
            |v| v["editable"]["devices"][0]["interface"] = json!("eth7")
        )),
        "editable.devices[0].interface: pc3 has no interface \"eth7\""
    );
    assert_eq!(
        error_of(&variant(|v| v["hints"] = json!(["a", "b", "c", "d"]))),
        "hints: 4 hints; an exercise gives at most 3"
    );
    assert_eq!(
        error_of(&variant(|v| v["goal"] = json!([]))),
        "goal: an exercise needs at least one check"
    );
    assert_eq!(error_of(&variant(|v| v["id"] = json!("Right Network"))), "id: \"Right Network\" must be lower-case letters, digits and - (it keys the saved progress)");
    assert!(error_of(&variant(|v| v["goal"][0]["check"] = json!("ping_works"))).starts_with(
        "goal[0].check: unknown variant `ping_works`, expected one of `ping_succeeds`, `ping_fails`, `arp_cache_has`, `receives`, `never_receives`, `traceroute_hops`, `leaves_via`"
    ));
    assert!(error_of(&variant(|v| v["goal"][0]["form"] = json!("pc3")))
        .starts_with("goal[0]: unknown field `form`"));
    // The check reader (exercise/check_de.rs) keeps the derive's rules and messages.
    assert!(error_of(&variant(|v| v["goal"][0]["from"] = json!(7)))
        .starts_with("goal[0].from: invalid type: integer `7`, expected a string"));
    assert!(error_of(&variant(
        |v| v["goal"][0] = json!({ "check": "ping_succeeds", "from": "pc3" })
    ))
    .starts_with("goal[0]: missing field `to`"));
    assert!(error_of(&variant(
        |v| v["goal"][0] = json!({ "from": "pc3", "check": "receives", "device": "pc3", "hops": 3 })
    ))
    .starts_with("goal[0]: unknown field `from`, expected one of `device`, `frame_to_mac_of`, `addressed_to`, `arp_for`"));
    assert!(error_of(&variant(|v| v["goal"][0]["check"] = json!(7)))
        .starts_with("goal[0].check: invalid type: integer `7`, expected variant identifier"));
    assert!(
        error_of(&variant(|v| v["lab"]["devices"][1]["kind"] = json!("swich")))
            .starts_with("lab.devices[1].kind: unknown variant `swich`")
    );
    assert!(error_of(&variant(|v| v["solved_txt"] = json!("x")))
        .starts_with("solved_txt: unknown field `solved_txt`"));
    assert_eq!(
        error_of(&variant(
            |v| v["goal"][0] =
                json!({ "check": "traceroute_hops", "from": "pc3", "to": "pc1", "hops": 0 })
        )),
        "goal[0].hops: 0 is out of range (1–30)"
    );
    assert_eq!(
        error_of(&variant(
            |v| v["goal"][0] = json!({ "check": "never_receives", "device": "pc3" })
        )),
        "goal[0].device: say which frames: frame_to_mac_of, addressed_to or arp_for"
    );
    // Never a panic, whatever the bytes.
    for text in ["", "{", "[]", "null", "{\"version\": 2}", "\u{0}"] {
        assert!(Exercise::from_json(text).is_err());
    }
}

#[test]
fn checks_name_the_student_lab_and_are_deterministic() {
    let ex = exercise("right-network");
    let mut lab = ex.lab.clone();
    set_address(&mut lab, "pc3", "eth0", "10.0.0.3/24");
    let (a, b) = (ex.evaluate(&lab), ex.evaluate(&lab));
    assert_eq!(a, b);
    assert_eq!(a.checks[0].description.to_string(), "ping from pc3 to pc1 succeeds");
    assert_eq!(
        a.checks[0].why.to_string(),
        "pc3 sent 2 echo request(s) to 10.0.0.1 and got 2 replies."
    );
    // A device the goal names is gone from the student's lab: the check fails, it does not panic.
    lab.devices.retain(|d| d.id != "pc2");
    lab.links.retain(|l| l.a.device != "pc2");
    let e = ex.evaluate(&lab);
    assert_eq!(e.checks[1].why.to_string(), "no device \"pc2\" in your lab");
    assert!(!e.solved());
}

#[test]
fn observation_checks_read_the_lab_run() {
    // An exercise written inline: pc2 must learn pc1's MAC, pc1 must receive an echo reply.
    let ex = Exercise::from_json(&variant(|v| {
        v["lab"]["devices"][3]["interfaces"][0]["address"] = serde_json::json!("10.0.0.3/24");
        v["lab"]["commands"] = serde_json::json!([{ "at_ms": 1000, "device": "pc1", "run": "ping -c 1 10.0.0.2" }]);
        v["goal"] = serde_json::json!([
            { "check": "arp_cache_has", "device": "pc2", "ip": "pc1", "mac_of": "pc1" },
            { "check": "arp_cache_has", "device": "pc3", "ip": "pc1" },
            { "check": "receives", "device": "pc1", "addressed_to": "pc1", "frame_to_mac_of": "pc1" },
            { "check": "receives", "device": "pc3", "arp_for": "pc2" },
            { "check": "never_receives", "device": "sw1", "addressed_to": "pc3" }
        ]);
    }))
    .unwrap();
    let e = ex.evaluate(&ex.lab);
    let passed: Vec<bool> = e.checks.iter().map(|c| c.passed).collect();
    assert_eq!(passed, [true, false, true, true, true], "{}", report(&e));
    let pc1 = packet_engine::MacAddr::derived("pc1", "eth0");
    assert!(
        e.checks[0]
            .why
            .to_string().starts_with(&format!("pc2's ARP table holds 10.0.0.1 at {pc1}")),
        "{}",
        e.checks[0].why
    );
    assert_eq!(
        e.checks[1].why.to_string(),
        "pc3's ARP table never held a MAC for 10.0.0.1: no ARP exchange between them happened."
    );
    assert!(
        e.checks[3]
            .why
            .to_string().starts_with("pc3 received 1 such frame(s); the first at 1.0000"),
        "{}",
        e.checks[3].why
    );
    assert!(
        e.checks[3]
            .why
            .to_string().ends_with("on eth0: Who has 10.0.0.2? Tell 10.0.0.1."),
        "{}",
        e.checks[3].why
    );
    assert!(matches!(e.checks[0].check, Check::ArpCacheHas { .. }));
}

#[test]
fn the_documented_example_is_the_first_exercise() {
    let doc = include_str!("../../docs/exercise-format.md");
    let json = doc
        .split("```json")
        .nth(1)
        .unwrap()
        .split("```")
        .next()
        .unwrap();
    assert_eq!(
        Exercise::from_json(json).unwrap(),
        exercise("right-network")
    );
}

#[test]
fn a_student_switch_loop_stops_quickly_and_fails() {
    let ex = exercise("who-hears-arp");
    let e = solve(
        &ex,
        &[&|s| add_link(s, "loop", ("sw1", "p3"), ("sw2", "p3"))],
    );
    assert!(!e.solved());
    assert!(
        e.checks[2].why.to_string().contains("broadcast storm"),
        "{}",
        report(&e)
    );
    assert!(
        e.checks[2].why.to_string().starts_with("pc1 sent 0 echo request(s)"),
        "{}",
        e.checks[2].why
    );
}

#[test]
fn laptop_no_address() {
    let ex = exercise("laptop-no-address");
    let e = assert_unsolved(&ex, &[]);
    let d = e.checks[0].diagnosis.as_ref().expect("a diagnosis");
    assert_eq!(d.cause, packet_engine::diagnose::Cause::NoDhcpServer);
    assert_solved(&ex, &[&|s| add_dhcp_server(s, "home-router")]);
    // A pool outside the router's subnet is refused with its field.
    let e = solve(&ex, &[&|s| {
        add_dhcp_server(s, "home-router");
        let d = s.devices.iter_mut().find(|d| d.id == "home-router").unwrap();
        d.services.as_mut().unwrap().dhcp.as_mut().unwrap().pool_start = "10.0.0.1".into();
    }]);
    assert!(!e.solved());
    // The laptop's own settings are locked: a fixed address is not the answer here.
    let e = solve(&ex, &[&|s| set_address(s, "laptop", "eth0", "192.168.1.10/24")]);
    assert!(!e.locked.is_empty(), "{}", report(&e));
}

#[test]
fn dns_server_address() {
    let ex = exercise("dns-server-address");
    let e = assert_unsolved(&ex, &[]);
    let d = e.checks[0].diagnosis.as_ref().expect("a diagnosis");
    assert!(matches!(d.cause, packet_engine::diagnose::Cause::DnsUnreachable { .. }), "{d:?}");
    assert_eq!(d.field, "devices[0].dns");
    assert_solved(&ex, &[&|s| set_dns(s, "laptop", &["192.168.1.1"])]);
    // The right server second: glibc asks the first, waits, then the second.
    assert_solved(&ex, &[&|s| set_dns(s, "laptop", &["192.168.1.254", "192.168.1.1"])]);
    // The router's zone is locked.
    let e = solve(&ex, &[&|s| rename_record_on(s, "home-router")]);
    assert!(!e.locked.is_empty(), "{}", report(&e));
}

fn rename_record_on(s: &mut Scenario, id: &str) {
    let d = s.devices.iter_mut().find(|d| d.id == id).unwrap();
    d.services.as_mut().unwrap().dns.as_mut().unwrap().records[0].value = "1.2.3.4".into();
}

#[test]
fn why_nxdomain() {
    let ex = exercise("why-nxdomain");
    let e = assert_unsolved(&ex, &[]);
    let d = e.checks[0].diagnosis.as_ref().expect("a diagnosis");
    assert_eq!(d.cause, packet_engine::diagnose::Cause::NxDomain { name: "www.example.com".into() });
    assert_eq!(d.field, "devices[2].services.dns.records");
    assert_solved(&ex, &[&|s| rename_record(s, "dns-server", "www.example.com")]);
    // Asking another (wrong) server is locked.
    let e = solve(&ex, &[&|s| set_dns(s, "laptop", &["192.168.1.1"])]);
    assert!(!e.locked.is_empty(), "{}", report(&e));
}

#[test]
fn add_nat_is_solved_by_masquerade_on_the_outside_interface_only() {
    let ex = course().into_iter().find(|e| e.id == "add-nat").unwrap();
    // The start: the ping fails, and the check's diagnosis names the NAT field.
    let e = ex.evaluate(&ex.lab);
    assert!(!e.solved());
    let d = e.checks[0].diagnosis.as_ref().expect("a diagnosis");
    assert_eq!((d.device.as_str(), d.field.as_str()), ("home-router", "devices[2].interfaces[1].nat"));
    // Masquerade on the inside interface rewrites nothing on the way out.
    assert_unsolved(&ex, &[&|s| set_nat(s, "home-router", "eth0")]);
    assert_solved(&ex, &[&|s| set_nat(s, "home-router", "eth1")]);
    // The provider's routers are locked: a route back is not the fix here.
    let mut s = ex.lab.clone();
    add_route(&mut s, "isp", "192.168.1.0/24", "203.0.113.2");
    let e = ex.evaluate(&s);
    assert_eq!(e.locked.len(), 1, "{}", report(&e));
    assert!(e.locked[0].to_string().starts_with("devices[3].routes"), "{}", e.locked[0]);
}

fn web_port(s: &mut Scenario, port: Option<u32>) {
    dev(s, "web").services.as_mut().unwrap().web.as_mut().unwrap().port = port;
}

#[test]
fn read_the_handshake() {
    let ex = exercise("read-the-handshake");
    let e = assert_unsolved(&ex, &[]);
    let d = e.checks[0].diagnosis.as_ref().expect("a diagnosis");
    assert!(matches!(d.cause, packet_engine::diagnose::Cause::NoAnswerToSyn { .. }), "{d:?}");
    assert_eq!(d.field, "devices[2].gateway");
    assert_solved(&ex, &[&|s| set_gateway(s, "web", Some("203.0.113.1"))]);
    // A route back to the laptop's network works as well as a gateway.
    assert_solved(&ex, &[&|s| add_route(s, "web", "192.168.1.0/24", "203.0.113.1")]);
    // The fix is on the server: the laptop's side is locked.
    let e = solve(&ex, &[&|s| set_gateway(s, "laptop", None)]);
    assert!(!e.locked.is_empty(), "{}", report(&e));
}

#[test]
fn why_page_fails() {
    let ex = exercise("why-page-fails");
    let e = assert_unsolved(&ex, &[]);
    let d = e.checks[0].diagnosis.as_ref().expect("a diagnosis");
    assert_eq!(d.cause, packet_engine::diagnose::Cause::ConnectionRefused { port: 80 });
    assert!(d.text.to_string().contains("listens on port 8080, not 80"), "{}", d.text);
    assert_solved(&ex, &[&|s| web_port(s, None)]);
    assert_solved(&ex, &[&|s| web_port(s, Some(80))]);
    // Another port that is not 80 still fails.
    assert_unsolved(&ex, &[&|s| web_port(s, Some(8000))]);
}

#[test]
fn translations_fall_back_field_by_field_and_are_validated() {
    let mut ex = exercise("default-gateway");
    ex.translations = Default::default();
    let base_hint = ex.hints[1].clone();
    let text = ex.to_json_pretty();
    let with = text.replacen(
        "\"goal\":",
        r#""translations": { "de": { "title": "Titel", "hints": ["Erster Hinweis"] } }, "goal":"#,
        1,
    );
    ex = Exercise::from_json(&with).expect("a translation is valid");
    let de = ex.text("de");
    assert_eq!(de.title, "Titel");
    assert_eq!(de.story, ex.story, "a text left out is the original");
    assert_eq!(de.hint(0), Some("Erster Hinweis"));
    assert_eq!(de.hint(1), Some(base_hint.as_str()), "the hints not translated stay");
    assert_eq!(ex.text("fr").title, ex.title, "a language without translations");
    assert_eq!(Exercise::from_json(&ex.to_json_pretty()).unwrap(), ex, "round-trips");
    for (bad, field) in [
        (r#""translations": { "de": { "title": " " } }, "goal":"#, "translations.de.title"),
        (r#""translations": { "d e": { "title": "x" } }, "goal":"#, "translations.d e"),
        (r#""translations": { "de": { "hints": ["a", "b", "c", "d"] } }, "goal":"#, "translations.de.hints"),
        (r#""translations": { "de": { "tittle": "x" } }, "goal":"#, "translations"),
    ] {
        let err = Exercise::from_json(&text.replacen("\"goal\":", bad, 1)).expect_err(bad);
        assert!(err.to_string().contains(field), "{bad}: {err}");
    }
}

fn r1_eth0(s: &mut Scenario) -> &mut packet_engine::scenario::InterfaceSpec {
    &mut s.devices.iter_mut().find(|d| d.id == "r1").unwrap().interfaces[0]
}

#[test]
fn ipv6_no_address_is_solved_by_router_advertisements_on_the_hosts_link() {
    let ex = exercise("ipv6-no-address");
    let start = ex.evaluate(&ex.lab);
    let d = start.checks[0].diagnosis.as_ref().expect("a diagnosis");
    assert_eq!(d.field, "devices[2].interfaces[0].ra", "{}", d.text);
    assert_solved(&ex, &[&|s| r1_eth0(s).ra = Some(Default::default())]);
    assert_solved(&ex, &[&|s| {
        r1_eth0(s).ra = Some(packet_engine::scenario::RaSpec { prefix: Some("2001:db8:1::/64".into()), ..Default::default() })
    }]);
    // Advertisements on the other link do not reach pc1.
    assert_unsolved(&ex, &[&|s| s.devices.iter_mut().find(|d| d.id == "r1").unwrap().interfaces[1].ra = Some(Default::default())]);
    // A prefix that is not /64 gives pc1 no address.
    assert_unsolved(&ex, &[&|s| {
        r1_eth0(s).ra = Some(packet_engine::scenario::RaSpec { prefix: Some("2001:db8:1::/48".into()), ..Default::default() })
    }]);
    // pc1 is not the student's to change.
    let mut edited = ex.lab.clone();
    edited.devices[0].interfaces[0].ipv6 = Some("2001:db8:1::10/64".into());
    assert!(!ex.evaluate(&edited).locked.is_empty());
}

#[test]
fn ipv6_prefix_length_is_solved_by_advertising_a_64() {
    let ex = exercise("ipv6-prefix-length");
    let start = ex.evaluate(&ex.lab);
    let d = start.checks[0].diagnosis.as_ref().expect("a diagnosis");
    assert_eq!(d.field, "devices[2].interfaces[0].ra.prefix", "{}", d.text);
    assert_solved(&ex, &[&|s| r1_eth0(s).ra.as_mut().unwrap().prefix = Some("2001:db8:1::/64".into())]);
    assert_solved(&ex, &[&|s| {
        let f = r1_eth0(s);
        f.ipv6 = Some("2001:db8:1::1/64".into());
        f.ra.as_mut().unwrap().prefix = None;
    }]);
    // Turning SLAAC off or advertising on the wrong interface does not help.
    assert_unsolved(&ex, &[&|s| r1_eth0(s).ra.as_mut().unwrap().autonomous = Some(false)]);
    assert_unsolved(&ex, &[&|s| r1_eth0(s).ra = None]);
}

#[test]
fn trunk_to_the_router() {
    // Router on a stick: VLAN 20 tagged on the trunk solves it; VLAN 20
    // untagged there does not (r1 hands untagged frames to eth0, which has no
    // address), nor does moving pc2 into VLAN 10 (r1 answers its ARP on
    // eth0.10, but sends the replies out of eth0.20, tagged 20).
    let ex = exercise("trunk-to-the-router");
    assert!(!ex.evaluate(&ex.lab).solved(), "the starting lab fails");
    let tag_20 = |s: &mut Scenario| dev(s, "sw1").vlans.get_mut("p3").unwrap().tagged = vec![10, 20];
    assert_solved(&ex, &[&tag_20]);
    for wrong in [
        (|s: &mut Scenario| dev(s, "sw1").vlans.get_mut("p3").unwrap().pvid = Some(20)) as fn(&mut Scenario),
        |s: &mut Scenario| dev(s, "sw1").vlans.get_mut("p2").unwrap().pvid = Some(10),
        |s: &mut Scenario| dev(s, "sw1").vlan_filtering = false,
    ] {
        let mut lab = ex.lab.clone();
        wrong(&mut lab);
        if !dev(&mut lab, "sw1").vlan_filtering {
            dev(&mut lab, "sw1").vlans.clear();
        }
        let e = ex.evaluate(&lab);
        assert!(e.locked.is_empty() && !e.solved(), "{e:?}");
    }
    // r1's subinterfaces are not the student's to change.
    let mut lab = ex.lab.clone();
    dev(&mut lab, "r1").interfaces[2].vlan = Some(30);
    let e = ex.evaluate(&lab);
    assert_eq!(e.locked.iter().map(|v| v.to_string()).collect::<Vec<_>>(), ["devices[3].interfaces[2].vlan: r1's eth0.20 VLAN subinterface is locked in this exercise"], "{e:?}");
}
