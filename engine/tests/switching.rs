//! A Linux bridge's learning, flooding and ageing, seen in the trace and on the wire.

mod common;
use common::*;
use packet_engine::trace::{DropReason, EventKind, ForwardReason, Forwarding};
use packet_engine::{MacAddr, SimTime};

/// pc1 pings pc2 at 1 s, then again at 400 s: by then the switch has forgotten
/// both MACs (300 s ageing) while pc1 still has a STALE ARP entry for pc2, so
/// the second echo request is unknown unicast and floods to pc3 as well.
const LAB: &str = r#"{
  "version": 1, "name": "switching", "seed": 1,
  "devices": [
    { "id": "pc1", "kind": "host", "interfaces": [{ "name": "eth0", "address": "10.0.0.1/24", "mac": "02:00:00:00:00:01" }] },
    { "id": "pc2", "kind": "host", "interfaces": [{ "name": "eth0", "address": "10.0.0.2/24", "mac": "02:00:00:00:00:02" }] },
    { "id": "pc3", "kind": "host", "interfaces": [{ "name": "eth0", "address": "10.0.0.3/24", "mac": "02:00:00:00:00:03" }] },
    { "id": "sw1", "kind": "switch", "ports": 3 }
  ],
  "links": [
    { "id": "l1", "a": { "device": "pc1", "port": "eth0" }, "b": { "device": "sw1", "port": "p1" } },
    { "id": "l2", "a": { "device": "pc2", "port": "eth0" }, "b": { "device": "sw1", "port": "p2" } },
    { "id": "l3", "a": { "device": "pc3", "port": "eth0" }, "b": { "device": "sw1", "port": "p3" } }
  ],
  "commands": [
    { "at_ms": 1000, "device": "pc1", "run": "ping -c 1 10.0.0.2" },
    { "at_ms": 400000, "device": "pc1", "run": "ping -c 1 10.0.0.2" }
  ]
}"#;

fn m(text: &str) -> MacAddr {
    MacAddr::parse(text).unwrap()
}

#[test]
fn switch_learns_source_macs_on_ingress_ports() {
    let out = run(LAB);
    let learned: Vec<(MacAddr, String, SimTime)> = out
        .trace
        .events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::MacLearned {
                at,
                mac,
                moved_from: None,
                ..
            } => Some((*mac, at.port.to_string(), e.time)),
            _ => None,
        })
        .collect();
    assert_eq!(learned[0].0, m("02:00:00:00:00:01"));
    assert_eq!(learned[0].1, "p1");
    assert_eq!(learned[1].0, m("02:00:00:00:00:02"));
    assert_eq!(learned[1].1, "p2");
    // The broadcast ARP request floods to p2 and p3, never back out of p1.
    let first = find(&out, |k| matches!(k, EventKind::SwitchForward { .. }));
    match &out.trace.events[first].kind {
        EventKind::SwitchForward { at, out, why, .. } => {
            let Forwarding::Flood { ports } = &**out else { panic!("expected a flood, got {out:?}") };
            assert_eq!(at.port, "p1");
            assert_eq!(ports, &["p2", "p3"]);
            assert_eq!(*why, ForwardReason::Broadcast);
        }
        other => panic!("expected a flood, got {other:?}"),
    }
    // The reply goes only to p1, where pc1 was learned.
    let second = out.trace.events[first + 1..]
        .iter()
        .find(|e| matches!(e.kind, EventKind::SwitchForward { .. }))
        .unwrap();
    match &second.kind {
        EventKind::SwitchForward {
            out,
            why: ForwardReason::Learned,
            ..
        } => assert_eq!(**out, Forwarding::Port { port: "p1".into() }),
        other => panic!("expected a learned forward, got {other:?}"),
    }
    // pc3 received the broadcast and ignored it.
    assert!(out.trace.events.iter().any(|e| matches!(&e.kind,
        EventKind::FrameDropped { at, reason: DropReason::ArpNotForMe, .. } if at.device == "pc3")));
}

#[test]
fn entries_age_out_after_300_seconds_and_unknown_unicast_floods() {
    let out = run(LAB);
    let aged: Vec<(MacAddr, SimTime)> = out
        .trace
        .events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::MacAged { mac, .. } => Some((*mac, e.time)),
            _ => None,
        })
        .collect();
    // Each MAC is forgotten exactly 300 s after the switch last saw a frame from it.
    let last_seen = |mac: MacAddr| {
        out.trace
            .events
            .iter()
            .rev()
            .filter(|e| e.time < SimTime::from_secs(300))
            .find_map(|e| match &e.kind {
                EventKind::FrameReceived { hop, bytes }
                    if hop.to.device == "sw1" && bytes[6..12] == mac.0 =>
                {
                    Some(e.time)
                }
                _ => None,
            })
            .unwrap()
    };
    for mac in [m("02:00:00:00:00:01"), m("02:00:00:00:00:02")] {
        let t = aged.iter().find(|(a, _)| *a == mac).expect("aged").1;
        assert_eq!(t, last_seen(mac) + SimTime::from_secs(300));
    }
    // At 400 s pc1 still has pc2's MAC (STALE), sends the echo request straight
    // away, and the switch, having forgotten pc2, floods it.
    let at_400 = SimTime::from_secs(400);
    let flood = out
        .trace
        .events
        .iter()
        .find(|e| e.time >= at_400 && matches!(e.kind, EventKind::SwitchForward { .. }))
        .unwrap();
    match &flood.kind {
        EventKind::SwitchForward {
            dst,
            out,
            why: ForwardReason::UnknownUnicast,
            ..
        } => {
            let Forwarding::Flood { ports } = &**out else { panic!("expected a flood, got {out:?}") };
            assert_eq!(*dst, m("02:00:00:00:00:02"));
            assert_eq!(ports, &["p2", "p3"]);
        }
        other => panic!("expected unknown-unicast flooding, got {other:?}"),
    }
    let l1_late: Vec<_> = frames_on(&out, "l1")
        .into_iter()
        .filter(|f| f.t_start >= at_400)
        .collect();
    assert_eq!(
        icmp_type(&l1_late[0].bytes),
        Some(8),
        "no ARP first: the entry is STALE, not gone"
    );
    let l3_late: Vec<_> = frames_on(&out, "l3")
        .into_iter()
        .filter(|f| f.t_start >= at_400)
        .collect();
    assert_eq!(
        icmp_type(&l3_late[0].bytes),
        Some(8),
        "pc3 gets a copy of the flooded echo request"
    );
    assert!(out.trace.events.iter().any(|e| e.time >= at_400
        && matches!(&e.kind, EventKind::FrameDropped { at, reason: DropReason::NotForMyMac, .. } if at.device == "pc3")));
    // The reply re-teaches the switch, so it is forwarded, not flooded.
    assert!(output(&out, "pc1: ping -c 1 10.0.0.2 (2)")
        .iter()
        .any(|l| l.contains("1 received")));
}

#[test]
fn a_frame_for_the_ingress_port_is_dropped() {
    // A hub joins pc1 and pc2 on one switch port: pc2's reply to pc1 reaches
    // the switch on the port where pc1 was learned, so the switch drops it.
    let lab = r#"{
      "version": 1, "name": "same segment",
      "devices": [
        { "id": "pc1", "kind": "host", "interfaces": [{ "name": "eth0", "address": "10.0.0.1/24" }] },
        { "id": "pc2", "kind": "host", "interfaces": [{ "name": "eth0", "address": "10.0.0.2/24" }] },
        { "id": "hub", "kind": "hub", "ports": 3 },
        { "id": "sw1", "kind": "switch", "ports": 2 }
      ],
      "links": [
        { "id": "a", "a": { "device": "pc1", "port": "eth0" }, "b": { "device": "hub", "port": "p1" } },
        { "id": "b", "a": { "device": "pc2", "port": "eth0" }, "b": { "device": "hub", "port": "p2" } },
        { "id": "c", "a": { "device": "hub", "port": "p3" }, "b": { "device": "sw1", "port": "p1" } }
      ],
      "commands": [{ "at_ms": 0, "device": "pc1", "run": "ping -c 1 10.0.0.2" }]
    }"#;
    let out = run(lab);
    assert!(output(&out, "pc1: ping -c 1 10.0.0.2")
        .iter()
        .any(|l| l.contains("1 received")));
    assert!(out.trace.events.iter().any(|e| matches!(&e.kind,
        EventKind::FrameDropped { at, reason: DropReason::SameSegment, .. } if at.device == "sw1")));
    // The hub repeated pc1's unicast echo request to pc2 and to the switch port.
    let to_switch = frames_on(&out, "c");
    assert!(to_switch.iter().any(|f| icmp_type(&f.bytes) == Some(8)));
}
