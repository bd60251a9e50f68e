//! The spanning tree (issue 14) on the "Loop with spanning tree" example, a
//! triangle of three switches: the BPDU bytes, the election, which port
//! blocks, the 15 s + 15 s walk to forwarding, the re-convergence after
//! `ip link set p3 down` cuts sw1's cable to the root, and that the run
//! ends although hellos never do.

mod common;

use packet_engine::trace::{EventKind, StpRole, StpState};
use packet_engine::{RunOutcome, Scenario, Simulation, StopReason};

const STP: &str = include_str!("../../scenarios/stp-loop.json");
const LOOP: &str = include_str!("../../scenarios/switch-loop.json");

fn run(lab: &str) -> RunOutcome {
    Simulation::new(&Scenario::from_json(lab).unwrap()).unwrap().run()
}

/// (time in ms, role, state) of every StpPort event of one port.
fn port_history(out: &RunOutcome, device: &str, port: &str) -> Vec<(u64, StpRole, StpState)> {
    out.trace
        .events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::StpPort { at, role, state, .. } if at.device.as_str() == device && at.port.as_str() == port => {
                Some((e.time.as_nanos() / 1_000_000, *role, *state))
            }
            _ => None,
        })
        .collect()
}

#[test]
fn first_bpdu_of_the_root_byte_for_byte() {
    let out = run(STP);
    let first = out
        .trace
        .events
        .iter()
        .find_map(|e| match &e.kind {
            EventKind::FrameSent { hop, bytes, .. } if hop.link.as_str() == "sw2-sw3" && hop.from.device.as_str() == "sw3" => {
                Some((e.time.as_nanos(), bytes.clone()))
            }
            _ => None,
        })
        .expect("sw3 sends BPDUs to sw2");
    assert_eq!(first.0, 2_000_000_000, "the first hello goes at 2 s");
    #[rustfmt::skip]
    let expected: [u8; 60] = [
        0x01, 0x80, 0xc2, 0x00, 0x00, 0x00, // bridge group address
        0x02, 0xbd, 0x45, 0xe7, 0xae, 0x60, // sw3/p1's MAC
        0x00, 0x26, // 802.3 length 38
        0x42, 0x42, 0x03, // LLC: STP SAPs, UI
        0x00, 0x00, 0x00, 0x00, 0x00, // protocol 0, version 0, configuration, no flags
        0x80, 0x00, 0x02, 0x07, 0x45, 0xe7, 0xb1, 0x62, // root: sw3 itself (its lowest port MAC)
        0x00, 0x00, 0x00, 0x00, // root path cost 0
        0x80, 0x00, 0x02, 0x07, 0x45, 0xe7, 0xb1, 0x62, // bridge: sw3
        0x80, 0x01, // port 0x8000 | 1
        0x00, 0x00, 0x14, 0x00, 0x02, 0x00, 0x0f, 0x00, // message age 0, 20 s, 2 s, 15 s
        0, 0, 0, 0, 0, 0, 0, 0, // padding to 60
    ];
    assert_eq!(&first.1[..], &expected[..]);
    assert_eq!(packet_engine::MacAddr::derived("sw3", "p1").0, expected[6..12]);
    let lowest = ["p1", "p2", "p3"].map(|p| packet_engine::MacAddr::derived("sw3", p)).into_iter().min().unwrap();
    assert_eq!(lowest.0, expected[24..30]);
}

#[test]
fn the_lowest_bridge_id_is_root_and_one_port_blocks() {
    let out = run(STP);
    // Just before sw1 sets p3 down at 45 s.
    let at = out.trace.events.iter().position(|e| e.time.as_nanos() >= 45_000_000_000).unwrap();
    let state = out.trace.state_at(at - 1);
    let sw3 = &state.stp["sw3"];
    assert_eq!(sw3.root, sw3.bridge, "sw3 has the lowest bridge id");
    assert_eq!((sw3.root_port.as_deref(), sw3.cost), (None, 0));
    let sw1 = &state.stp["sw1"];
    assert_eq!((sw1.root, sw1.root_port.as_deref(), sw1.cost), (sw3.bridge, Some("p3"), 19));
    let sw2 = &state.stp["sw2"];
    assert_eq!((sw2.root, sw2.root_port.as_deref(), sw2.cost), (sw3.bridge, Some("p2"), 19));
    let blocked: Vec<(&str, &str)> = state
        .stp
        .iter()
        .flat_map(|(d, t)| t.ports.iter().filter(|p| p.2 == StpState::Blocking).map(move |p| (d.as_str(), p.0.as_str())))
        .collect();
    // sw1 and sw2 both reach sw3 at cost 19; sw1's id is lower, so sw1 serves their cable.
    assert_eq!(blocked, [("sw2", "p1")]);
    assert!(sw1.bridge < sw2.bridge);
    assert_eq!(sw2.ports[0], ("p1".to_string(), StpRole::Alternate, StpState::Blocking));
    let why = out
        .trace
        .events
        .iter()
        .find(|e| matches!(&e.kind, EventKind::StpPort { at, state: StpState::Blocking, .. } if at.device.as_str() == "sw2"))
        .unwrap()
        .explain();
    assert!(why.starts_with("sw2 blocks p1"), "{why}");
    assert!(why.contains("both reach the root at cost 19"), "{why}");
}

#[test]
fn ports_listen_learn_then_forward_and_the_ping_gets_through() {
    let out = run(STP);
    assert_eq!(
        port_history(&out, "sw3", "p1"),
        [
            (0, StpRole::Designated, StpState::Listening),
            (15_000, StpRole::Designated, StpState::Learning),
            (30_000, StpRole::Designated, StpState::Forwarding),
        ]
    );
    let ping = &out.outputs["pc1: ping -c 2 10.0.0.2"];
    assert!(ping.iter().any(|l| l.contains("2 received")), "{ping:?}");
    // No data frame crosses the blocked cable's blocked end.
    let dropped = out.trace.events.iter().any(|e| {
        matches!(&e.kind, EventKind::FrameDropped { at, reason: packet_engine::trace::DropReason::PortNotForwarding, .. } if at.device.as_str() == "sw2")
    });
    assert!(dropped, "sw2 drops the flooded ARP request at its blocked port");
}

#[test]
fn cutting_the_root_link_reconverges_after_max_age_and_two_forward_delays() {
    let out = run(STP);
    let h = port_history(&out, "sw2", "p1");
    // Blocking until sw1's stored BPDU ages out (received at 44 s with message
    // age 1/256 s: 20 s later), then listening and learning, 15 s each.
    let (t, role, state) = h[h.len() - 3];
    assert_eq!((role, state), (StpRole::Designated, StpState::Listening));
    assert!((63_990..=64_000).contains(&t), "{h:?}");
    assert_eq!((h[h.len() - 1].1, h[h.len() - 1].2), (StpRole::Designated, StpState::Forwarding));
    assert_eq!(h[h.len() - 1].0, t + 30_000);
    let sw1 = port_history(&out, "sw1", "p3");
    assert_eq!(sw1.last().unwrap(), &(45_000, StpRole::Disabled, StpState::Disabled));
    let end = out.trace.state_at(usize::MAX);
    assert_eq!((end.stp["sw1"].root_port.as_deref(), end.stp["sw1"].cost), (Some("p2"), 38));
    let ping = &out.outputs["pc1: ping -c 2 10.0.0.2 (2)"];
    assert!(ping.iter().any(|l| l.contains("2 received")), "{ping:?}");
}

#[test]
fn the_run_ends_when_only_hellos_are_left_and_no_storm_is_seen() {
    let out = run(STP);
    assert_eq!(out.stop, StopReason::Completed);
    let last = out.trace.events.last().unwrap().time.as_nanos();
    assert!(last < 200_000_000_000, "ended at {last} ns");
    assert!(!out.trace.events.iter().any(|e| matches!(e.kind, EventKind::Storm { .. })));
    // The same loop without STP is the storm the lab detects.
    let storm = run(LOOP);
    assert!(matches!(storm.stop, StopReason::BroadcastStorm { .. }), "{:?}", storm.stop);
}

#[test]
fn repeated_hellos_at_the_event_budget_are_not_a_storm() {
    let mut lab = Scenario::from_json(STP).unwrap();
    lab.options.max_events = 600;
    let out = Simulation::new(&lab).unwrap().run();
    assert!(matches!(out.stop, StopReason::EventBudget { .. }), "{:?}", out.stop);
}

#[test]
fn stp_is_a_switch_option() {
    let mut lab: serde_json::Value = serde_json::from_str(STP).unwrap();
    lab["devices"][0]["stp"] = true.into();
    let e = Scenario::from_json(&lab.to_string()).unwrap_err().to_string();
    assert!(e.starts_with("devices[0].stp: a host does not bridge, so it runs no spanning tree"), "{e}");
    let mut lab: serde_json::Value = serde_json::from_str(STP).unwrap();
    lab["devices"][2]["bridge_priority"] = 70000.into();
    let e = Scenario::from_json(&lab.to_string()).unwrap_err().to_string();
    assert!(e.starts_with("devices[2].bridge_priority: 70000 is out of range"), "{e}");
}

#[test]
fn a_lower_priority_makes_the_root() {
    let mut lab: serde_json::Value = serde_json::from_str(STP).unwrap();
    lab["devices"][3]["bridge_priority"] = 4096.into(); // sw2
    let out = run(&lab.to_string());
    let at = out.trace.events.iter().position(|e| e.time.as_nanos() >= 45_000_000_000).unwrap();
    let state = out.trace.state_at(at - 1);
    assert_eq!(state.stp["sw1"].root, state.stp["sw2"].bridge);
    assert_eq!(state.stp["sw2"].bridge.priority, 4096);
    assert_eq!(state.stp["sw3"].root_port.as_deref(), Some("p1"));
}

#[test]
fn predict_asks_which_port_blocks() {
    use packet_engine::exercise::predict::{self, Answer, QuestionKind};
    let out = run(STP);
    let qs = predict::questions(&out.topology, &out.trace, 1);
    let q = qs.iter().find(|q| q.kind == QuestionKind::BlockedPort).expect("a blocked-port question");
    assert_eq!(q.choices[q.correct].answer, Answer::SwitchPort { device: "sw2".into(), port: "p1".into() });
    assert!((3..=4).contains(&q.choices.len()), "{:?}", q.choices);
    assert!(q.feedback.to_string().starts_with("sw2 blocks p1"), "{}", q.feedback);
}
