//! The compact form of a run (`packet_engine::codec`, the worker's hand-over, issue 19):
//! decoding the bytes gives back exactly the run, for every example, every exercise's lab,
//! the switch-loop storm at the browser's 100 k events and the fan-out storm; damaged bytes
//! give an error, never a panic.

mod common;
use common::labs::fan_out_lab;
use packet_engine::codec::{decode, encode};
use packet_engine::{RunOutcome, Scenario, Simulation};

/// Runs `scenario`, encodes and decodes the outcome, and checks they are equal (the trace,
/// outputs, hops, stop reason, counts) and that frames are shared again as the engine shared
/// them. Returns the encoded size.
fn round_trip(what: &str, scenario: &Scenario) -> usize {
    let out = Simulation::new(scenario).expect("valid").run();
    let bytes = encode(&out);
    let back = decode(&bytes, out.topology.clone()).unwrap_or_else(|e| panic!("{what}: {e}"));
    assert!(back == out, "{what}: the decoded run differs");
    assert_eq!(shared_frames(&back), shared_frames(&out), "{what}: frame sharing");
    let ((hops, outs), (hops_before, outs_before)) = (shared_hops(&back), shared_hops(&out));
    assert_eq!(hops, hops_before, "{what}: one shared hop per link direction, as the simulation made them");
    // Equal decisions are shared by value, so possibly more than the simulation did.
    assert!(outs <= outs_before, "{what}: switch decisions shared ({outs} > {outs_before})");
    bytes.len()
}

/// How many events carry frame bytes that an earlier event carries too (the same allocation).
fn shared_frames(out: &RunOutcome) -> usize {
    use packet_engine::EventKind::*;
    let mut seen = std::collections::BTreeSet::new();
    out.trace
        .events
        .iter()
        .filter_map(|e| match &e.kind {
            FrameSent { bytes, .. } | FrameReceived { bytes, .. } | FrameDropped { bytes, .. } | PacketDropped { bytes, .. } => {
                Some(!seen.insert(bytes.as_ptr() as usize))
            }
            _ => None,
        })
        .filter(|&again| again)
        .count()
}

/// How many distinct link directions (`FrameSent.hop`) and switch decisions
/// (`SwitchForward.out`) the trace points to: the simulation makes one per
/// link direction and per port or flood list, and the decoder shares them again.
fn shared_hops(out: &RunOutcome) -> (usize, usize) {
    use packet_engine::EventKind::*;
    let (mut hops, mut outs) = (std::collections::BTreeSet::new(), std::collections::BTreeSet::new());
    for e in &out.trace.events {
        match &e.kind {
            FrameSent { hop, .. } => {
                hops.insert(&**hop as *const _ as usize);
            }
            SwitchForward { out, .. } => {
                outs.insert(&**out as *const _ as usize);
            }
            _ => {}
        }
    }
    (hops.len(), outs.len())
}

#[test]
fn every_example_and_exercise_round_trips() {
    for (stem, scenario) in packet_engine::examples::all() {
        round_trip(stem, &scenario);
    }
    for exercise in packet_engine::exercise::course() {
        round_trip(&exercise.id, &exercise.lab);
    }
}

#[test]
fn the_storms_round_trip() {
    let storm = Scenario::from_json(include_str!("../../scenarios/switch-loop.json")).unwrap();
    let mut at_budget = storm.clone();
    at_budget.options.max_events = 100_000;
    let size = round_trip("switch loop at 100 k events", &at_budget);
    println!("switch loop, 100 k events: {size} bytes");
    let fan = Scenario::from_json(&fan_out_lab(1024, 512, 100_000)).unwrap();
    let size = round_trip("fan-out", &fan);
    println!("fan-out: {size} bytes");
}

#[test]
fn damaged_bytes_are_an_error_not_a_panic() {
    let (_, scenario) = packet_engine::examples::all().into_iter().find(|(s, _)| *s == "fetch-page").unwrap();
    let out = Simulation::new(&scenario).unwrap().run();
    let bytes = encode(&out);
    // Every cut is refused.
    for n in 0..bytes.len() {
        assert!(decode(&bytes[..n], out.topology.clone()).is_err(), "cut at {n}");
    }
    // So are extra bytes, another version, and (without a panic) any flipped byte.
    let mut longer = bytes.clone();
    longer.push(0);
    assert!(decode(&longer, out.topology.clone()).is_err());
    let mut other = bytes.clone();
    other[3] = packet_engine::codec::VERSION + 1;
    assert!(decode(&other, out.topology.clone()).is_err());
    for i in 4..bytes.len() {
        let mut flipped = bytes.clone();
        flipped[i] ^= 0xa5;
        let _ = decode(&flipped, out.topology.clone());
    }
}

#[test]
fn mtu_facts_round_trip() {
    // Packet too big, fragmentation needed, fragments, reassembly, path MTUs (EventKind 37).
    let lab = Scenario::from_json(include_str!("../../scripts/testdata/mtu-lab.json")).unwrap();
    round_trip("mtu lab", &lab);
    let out = Simulation::new(&lab).unwrap().run();
    assert!(out.trace.events.iter().any(|e| matches!(e.kind, packet_engine::EventKind::Mtu { .. })));
}

#[test]
fn ipv6_config_facts_round_trip() {
    // An address removed and a default router expired (Ipv6Event 8 and 9).
    let mut lab: serde_json::Value = serde_json::from_str(include_str!("../../scenarios/ipv6-home.json")).unwrap();
    lab["devices"][2]["interfaces"][0]["ra"] = serde_json::json!({ "prefix": "2001:db8:1::/64", "interval_s": 4, "lifetime_s": 6 });
    lab["commands"] = serde_json::json!([
        { "at_ms": 2000, "device": "srv", "run": "ip -6 addr add 2001:db8:2::20/64 dev eth0" },
        { "at_ms": 4000, "device": "srv", "run": "ip -6 addr del 2001:db8:2::20/64 dev eth0" },
        { "at_ms": 5000, "device": "r1", "run": "ip link set eth0 down" }
    ]);
    let lab = Scenario::from_json(&lab.to_string()).unwrap();
    round_trip("ipv6 config lab", &lab);
    let out = Simulation::new(&lab).unwrap().run();
    let has = |f: fn(&packet_engine::trace::Ipv6Event) -> bool| {
        out.trace.events.iter().any(|e| matches!(&e.kind, packet_engine::EventKind::Ipv6 { event, .. } if f(event)))
    };
    assert!(has(|e| matches!(e, packet_engine::trace::Ipv6Event::AddressRemoved { .. })));
    assert!(has(|e| matches!(e, packet_engine::trace::Ipv6Event::DefaultRouterExpired { .. })));
}

/// A validated lab in the compact form (`codec::lab`, the page's precomputed first visit):
/// every example's and exercise's, and one command of every kind, decode to the same lab;
/// cut bytes are an error, and flipped ones never a panic.
#[test]
fn labs_round_trip() {
    use packet_engine::codec::lab;
    use packet_engine::scenario::Command;
    let check = |what: &str, t: &packet_engine::scenario::Topology| {
        let bytes = lab::encode(t);
        assert_eq!(lab::decode(&bytes).as_ref(), Ok(t), "{what}");
        for n in 0..bytes.len() {
            assert!(lab::decode(&bytes[..n]).is_err(), "{what}: cut at {n}");
        }
        // Any flipped byte decodes to something or to an error, never a panic.
        for i in 0..bytes.len() {
            let mut flipped = bytes.clone();
            flipped[i] ^= 0xa5;
            let _ = lab::decode(&flipped);
        }
    };
    let mut labs: Vec<(String, Scenario)> = packet_engine::examples::all().into_iter().map(|(s, l)| (s.to_string(), l)).collect();
    labs.extend(packet_engine::exercise::course().into_iter().map(|e| (e.id.clone(), e.lab.clone())));
    labs.push(("mtu lab".into(), Scenario::from_json(include_str!("../../scripts/testdata/mtu-lab.json")).unwrap()));
    let mut kinds = std::collections::HashSet::new();
    for (what, scenario) in &labs {
        let t = scenario.validate().unwrap();
        check(what, &t);
        kinds.extend(t.commands.iter().map(|c| std::mem::discriminant(&c.command)));
    }
    // One of every command (and option) the parser knows, in a lab that has a command.
    let (_, home) = labs.iter().find(|(s, _)| s == "fetch-page").unwrap();
    let base = home.validate().unwrap();
    for line in [
        "ping -c 3 -i 0.5 -s 100 -t 5 -W 2 -I eth0 example.com",
        "ping -c 1 -I 10.0.0.1 10.0.0.2",
        "traceroute -n -q 1 -m 5 -f 2 -w 3 -p 53 -U 8.8.8.8",
        "traceroute example.com",
        "ping -6 -c 1 2001:db8::1",
        "traceroute -6 -I -q 2 -N 2 2001:db8::1",
        "dhclient -r eth0",
        "host example.com",
        "dig +short example.com",
        "getent hosts example.com",
        "curl -v http://example.com:8080/a?b",
        "ip link set eth0 down",
        "ip neigh flush dev eth0",
        "ip neigh flush all",
        "bridge fdb flush dev sw1",
        "ip route add 10.0.2.0/24 via 10.0.1.1",
        "ip addr del 10.0.0.5/24 dev eth0",
        "ip -6 route add default via 2001:db8::1 dev eth0",
        "ip -6 addr add 2001:db8::5/64 dev eth0",
        "poweroff",
    ] {
        let command = Command::parse(line).unwrap_or_else(|e| panic!("{line}: {e}"));
        kinds.insert(std::mem::discriminant(&command));
        let mut t = base.clone();
        t.commands[0].command = command;
        check(line, &t);
    }
    assert!(kinds.len() >= 10, "every kind of command is written ({} seen)", kinds.len());
}

/// The words of a run (`codec::words`: the page's first visit shows them before the engine's
/// module is here): every example's and exercise's decode to the same words; cut bytes are an
/// error, and flipped ones never a panic.
#[test]
fn words_round_trip() {
    use packet_engine::codec::words::{self, EventWords};
    let mut labs: Vec<(String, Scenario)> = packet_engine::examples::all().into_iter().map(|(s, l)| (s.to_string(), l)).collect();
    labs.extend(packet_engine::exercise::course().into_iter().map(|e| (e.id.clone(), e.lab.clone())));
    let mut smallest: Option<&'static [u8]> = None;
    let (mut nested, mut framed) = (false, false);
    for (what, scenario) in &labs {
        let out = Simulation::new(scenario).expect("valid").run();
        let w: Vec<EventWords> = out.trace.events.iter().map(EventWords::of).collect();
        framed |= w.iter().any(|w| w.summary.is_some() && w.protocol.is_some());
        nested |= w.iter().any(|w| w.explain.args.iter().any(|(_, a)| matches!(a, packet_engine::msg::Arg::Msg(_))));
        // Decoded words borrow their texts from the bytes, which a page compiles in.
        let bytes: &'static [u8] = Box::leak(words::encode(&w).into_boxed_slice());
        assert_eq!(words::decode(bytes).as_ref(), Ok(&w), "{what}");
        if smallest.is_none_or(|s| bytes.len() < s.len()) {
            smallest = Some(bytes);
        }
    }
    assert!(nested && framed, "some explanation nests a message, and frames have words");
    let bytes = smallest.unwrap();
    for n in 0..bytes.len() {
        assert!(words::decode(&bytes[..n]).is_err(), "cut at {n}");
    }
    for i in 0..bytes.len() {
        let mut flipped = bytes.to_vec();
        flipped[i] ^= 0xa5;
        let _ = words::decode(Box::leak(flipped.into_boxed_slice()));
    }
}
