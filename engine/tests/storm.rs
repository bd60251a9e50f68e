//! A loop of switches without spanning tree: a real broadcast storm that the
//! engine stops at its event budget and reports.

mod common;
use common::*;
use packet_engine::trace::EventKind;
use packet_engine::StopReason;

const LOOP: &str = r#"{
  "version": 1, "name": "storm",
  "devices": [
    { "id": "pc1", "kind": "host", "interfaces": [{ "name": "eth0", "address": "10.0.0.1/24" }] },
    { "id": "sw1", "kind": "switch", "ports": 3 },
    { "id": "sw2", "kind": "switch", "ports": 3 },
    { "id": "sw3", "kind": "switch", "ports": 3 }
  ],
  "links": [
    { "id": "pc1-sw1", "a": { "device": "pc1", "port": "eth0" }, "b": { "device": "sw1", "port": "p1" } },
    { "id": "sw1-sw2", "a": { "device": "sw1", "port": "p2" }, "b": { "device": "sw2", "port": "p1" } },
    { "id": "sw2-sw3", "a": { "device": "sw2", "port": "p2" }, "b": { "device": "sw3", "port": "p1" } },
    { "id": "sw3-sw1", "a": { "device": "sw3", "port": "p2" }, "b": { "device": "sw1", "port": "p3" } }
  ],
  "commands": [{ "at_ms": 0, "device": "pc1", "run": "ping -c 1 10.0.0.2" }],
  "options": { "max_events": 100000 }
}"#;

#[test]
fn switch_loop_is_reported_as_a_storm_at_the_budget() {
    let out = run(LOOP);
    assert_eq!(out.events_processed, 100_000);
    match &out.stop {
        StopReason::BroadcastStorm { links, devices } => {
            assert_eq!(devices, &["sw1", "sw2", "sw3"]);
            // The loop itself, not the host's link that merely receives copies.
            assert_eq!(links, &["sw1-sw2", "sw2-sw3", "sw3-sw1"]);
        }
        other => panic!("expected a storm, got {other:?}"),
    }
    let last = out.trace.events.last().unwrap();
    assert!(matches!(last.kind, EventKind::Storm { .. }));
    assert!(last.explain().starts_with("Broadcast storm"));
    // One broadcast became many: the loop keeps duplicating it.
    let broadcasts = frames_on(&out, "sw1-sw2")
        .iter()
        .filter(|f| f.bytes[0..6] == [0xff; 6])
        .count();
    assert!(broadcasts > 1000, "{broadcasts}");
}

#[test]
fn the_default_budget_also_ends_the_storm() {
    // The default budget (2 000 000 events) must end a storm, not hang; a
    // smaller time limit does not, because a storm has no idle moment.
    let lab = LOOP.replace("\"max_events\": 100000", "\"max_time_ms\": 3600000");
    let out = run(&lab);
    assert_eq!(out.events_processed, 2_000_000);
    assert!(matches!(out.stop, StopReason::BroadcastStorm { .. }));
}

#[test]
fn a_tree_of_switches_is_not_a_storm() {
    let lab = LOOP
        .replace(r#",
    { "id": "sw3-sw1", "a": { "device": "sw3", "port": "p2" }, "b": { "device": "sw1", "port": "p3" } }"#, "");
    let out = run(&lab);
    assert_eq!(out.stop, StopReason::Completed);
}

/// Two switches joined by two cables (a student's "backup link"), with hosts on
/// both: the broadcast circulates while unicast replies flow too.
const DOUBLE_CABLE: &str = r#"{
  "version": 1, "name": "double cable",
  "devices": [
    { "id": "pc1", "kind": "host", "interfaces": [{ "name": "eth0", "address": "10.0.0.1/24" }] },
    { "id": "pc2", "kind": "host", "interfaces": [{ "name": "eth0", "address": "10.0.0.2/24" }] },
    { "id": "pc3", "kind": "host", "interfaces": [{ "name": "eth0", "address": "10.0.0.3/24" }] },
    { "id": "sw1", "kind": "switch", "ports": 4 },
    { "id": "sw2", "kind": "switch", "ports": 4 }
  ],
  "links": [
    { "id": "pc1-sw1", "a": { "device": "pc1", "port": "eth0" }, "b": { "device": "sw1", "port": "p1" } },
    { "id": "pc3-sw1", "a": { "device": "pc3", "port": "eth0" }, "b": { "device": "sw1", "port": "p4" } },
    { "id": "pc2-sw2", "a": { "device": "pc2", "port": "eth0" }, "b": { "device": "sw2", "port": "p1" } },
    { "id": "sw1-sw2-a", "a": { "device": "sw1", "port": "p2" }, "b": { "device": "sw2", "port": "p2" } },
    { "id": "sw1-sw2-b", "a": { "device": "sw1", "port": "p3" }, "b": { "device": "sw2", "port": "p3" } }
  ],
  "commands": [{ "at_ms": 0, "device": "pc1", "run": "ping -c 3 10.0.0.2" }],
  "options": { "max_events": 200000 }
}"#;

#[test]
fn two_cables_between_two_switches_are_a_storm() {
    let out = run(DOUBLE_CABLE);
    match &out.stop {
        StopReason::BroadcastStorm { links, devices } => {
            assert_eq!(devices, &["sw1", "sw2"]);
            assert_eq!(links, &["sw1-sw2-a", "sw1-sw2-b"]);
        }
        other => panic!("expected a storm, got {other:?}"),
    }
}
