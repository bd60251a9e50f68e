//! VLAN subinterfaces (Linux's 8021q) on the "Router on a stick" example:
//! the tag r1's eth0.10 puts on its frames byte for byte, tagged frames in
//! going to their subinterface, untagged ones staying on the parent, a VID
//! without a subinterface dropped, the parent's link taking its
//! subinterfaces down, and the lab file's checks.

use packet_engine::diagnose::diagnose;
use packet_engine::trace::{DropReason, EventKind};
use packet_engine::{RunOutcome, Scenario, Simulation};
use serde_json::{json, Value};

const LAB: &str = include_str!("../../scenarios/router-on-a-stick.json");

fn run(lab: &str) -> RunOutcome {
    Simulation::new(&Scenario::from_json(lab).unwrap()).unwrap().run()
}

fn lab() -> Value {
    serde_json::from_str(LAB).unwrap()
}

fn hex(s: &str) -> Vec<u8> {
    (0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap()).collect()
}

/// (sending subinterface, bytes) of each frame r1 sends.
fn sent_by_r1(out: &RunOutcome) -> Vec<(Option<String>, Vec<u8>)> {
    out.trace
        .events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::FrameSent { hop, bytes, .. } if hop.from.device.as_str() == "r1" => {
                assert_eq!(hop.from.port.as_str(), "eth0", "a subinterface's frame leaves on its parent's cable");
                Some((hop.from.sub.as_ref().map(|s| s.to_string()), bytes.to_vec()))
            }
            _ => None,
        })
        .collect()
}

#[test]
fn frames_out_of_a_subinterface_carry_its_tag_and_the_parents_mac() {
    let out = run(LAB);
    let sent = sent_by_r1(&out);
    // r1's first frame: eth0.10's ARP reply to pc1, tagged VID 10 (TPID 0x8100,
    // priority 0, DEI 0) after the source MAC: the 60-byte reply plus 4 bytes.
    let (sub, first) = &sent[0];
    assert_eq!(sub.as_deref(), Some("eth0.10"));
    assert_eq!(
        first,
        &hex("0293d0495b4d02be1c71542e8100000a0806000108000604000202be1c71542ec0a80a010293d0495b4dc0a80a0a000000000000000000000000000000000000")
    );
    // Its source MAC, and the ARP sender's, are eth0's own.
    let r1 = out.topology.device_index("r1").unwrap();
    let eth0 = out.topology.devices[r1].interfaces[0].mac;
    assert_eq!(first[6..12], eth0.0);
    assert_eq!(first[26..32], eth0.0, "the ARP sender MAC, after the 18-byte tagged header");
    // Every frame r1 sends is tagged: 10 out of eth0.10, 20 out of eth0.20.
    for (sub, bytes) in &sent {
        let vid = match sub.as_deref() {
            Some("eth0.10") => 10u8,
            Some("eth0.20") => 20,
            other => panic!("sent by {other:?}"),
        };
        assert_eq!(bytes[12..16], [0x81, 0x00, 0x00, vid]);
    }
    // The decoder reads the tag, and the sentence names the subinterface and the VLAN.
    let d = packet_engine::wire::decode(first);
    assert_eq!(d.ethernet.as_ref().unwrap().vlan.as_ref().unwrap().vid.value, 10);
    let sentence = out.trace.events.iter().find(|e| matches!(&e.kind, EventKind::FrameSent { hop, .. } if hop.from.sub.is_some())).unwrap().explain();
    assert!(sentence.starts_with("r1/eth0.10 sends 192.168.10.1 is at 02:be:1c:71:54:2e tagged VLAN 10 (64 bytes) out of its parent eth0 on sw1-r1"), "{sentence}");
}

#[test]
fn tagged_frames_in_reach_their_subinterface_untagged_and_vlans_are_routed() {
    let out = run(LAB);
    // pc1's ARP request arrives tagged 10 on eth0: eth0.10's ARP table learns pc1.
    let learned: Vec<(String, String)> = out
        .trace
        .events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::NeighborChanged { at, ip, old: None, .. } if at.device.as_str() == "r1" => Some((at.interface().to_string(), ip.to_string())),
            _ => None,
        })
        .collect();
    assert_eq!(learned, [("eth0.10".to_string(), "192.168.10.10".to_string()), ("eth0.20".to_string(), "192.168.20.10".to_string())]);
    // Inter-VLAN routing over the one cable: both echoes come back through r1 (TTL 63).
    let lines = &out.outputs["pc1: ping -c 2 192.168.20.10"];
    assert!(lines.iter().any(|l| l.contains("2 received")), "{lines:?}");
    assert!(lines.iter().any(|l| l.contains("ttl=63")), "{lines:?}");
    // What reaches pc2 is untagged (its access port removed the tag).
    assert!(out.trace.events.iter().all(|e| match &e.kind {
        EventKind::FrameSent { hop, bytes, .. } if hop.link.as_str() == "pc2-sw1" => bytes[12..14] != [0x81, 0x00],
        _ => true,
    }));
    // Nothing is wrong with this lab.
    assert!(diagnose(&out.topology, &out).is_empty());
}

#[test]
fn a_vlan_without_a_subinterface_is_dropped_and_untagged_frames_stay_on_the_parent() {
    let mut lab = lab();
    // r1 has no eth0.20 any more, but eth0 itself has an address in VLAN 1
    // (sw1 p3's untagged VLAN), where pc3 lives.
    let ifaces = lab["devices"][3]["interfaces"].as_array_mut().unwrap();
    ifaces.retain(|i| i["name"] != "eth0.20");
    ifaces[0]["address"] = json!("192.168.1.1/24");
    lab["devices"][2]["ports"] = json!(4);
    lab["devices"].as_array_mut().unwrap().push(json!({
        "id": "pc3", "kind": "host", "interfaces": [{ "name": "eth0", "address": "192.168.1.10/24" }]
    }));
    lab["links"].as_array_mut().unwrap().push(json!({ "id": "pc3-sw1", "a": { "device": "pc3", "port": "eth0" }, "b": { "device": "sw1", "port": "p4" } }));
    lab["commands"] = json!([
        { "at_ms": 1000, "device": "pc2", "run": "ping -c 1 192.168.20.1" },
        { "at_ms": 2000, "device": "pc3", "run": "ping -c 1 192.168.1.1" }
    ]);
    let out = run(&lab.to_string());
    // pc2's ARP request reaches r1 tagged 20 and is thrown away on eth0.
    let drops: Vec<&[u8]> = out
        .trace
        .events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::FrameDropped { at, reason: DropReason::UnknownVlan, bytes } => {
                assert_eq!((at.device.as_str(), at.port.as_str()), ("r1", "eth0"));
                Some(&bytes[..])
            }
            _ => None,
        })
        .collect();
    assert!(!drops.is_empty());
    assert!(drops.iter().all(|b| b[12..16] == [0x81, 0x00, 0x00, 0x14] && b[16..18] == [0x08, 0x06]));
    let why = out.trace.events.iter().find(|e| matches!(e.kind, EventKind::FrameDropped { reason: DropReason::UnknownVlan, .. })).unwrap().explain();
    assert!(why.contains("tagged for a VLAN this interface has no VLAN subinterface for"), "{why}");
    assert!(out.outputs["pc2: ping -c 1 192.168.20.1"].iter().any(|l| l.contains("0 received")));
    // pc3's untagged frames stay on eth0 itself, which answers.
    assert!(out.outputs["pc3: ping -c 1 192.168.1.1"].iter().any(|l| l.contains("1 received")));
    assert!(out.trace.events.iter().any(|e| matches!(&e.kind,
        EventKind::NeighborChanged { at, .. } if at.device.as_str() == "r1" && at.interface().as_str() == "eth0")));
}

#[test]
fn the_parent_going_down_takes_its_subinterfaces_down() {
    let mut lab = lab();
    lab["commands"] = json!([
        { "at_ms": 500, "device": "r1", "run": "ip link set eth0 down" },
        { "at_ms": 1000, "device": "pc1", "run": "ping -c 1 192.168.20.10" }
    ]);
    let out = run(&lab.to_string());
    let last_routes = out.trace.events.iter().rev().find_map(|e| match &e.kind {
        EventKind::RoutesInstalled { device, routes } if device.as_str() == "r1" => Some(routes.len()),
        _ => None,
    });
    assert_eq!(last_routes, Some(0), "eth0.10's and eth0.20's connected routes went with eth0");
    assert!(out.outputs["pc1: ping -c 1 192.168.20.10"].iter().any(|l| l.contains("0 received")));
}

#[test]
fn subinterfaces_are_checked() {
    let bad = |edit: &dyn Fn(&mut Value)| {
        let mut lab = lab();
        edit(&mut lab);
        Scenario::from_json(&lab.to_string()).unwrap_err().to_string()
    };
    assert_eq!(
        bad(&|l| l["devices"][3]["interfaces"][1]["vlan"] = json!(4095)),
        "devices[3].interfaces[1].vlan: VLAN id 4095 is out of range (1–4094)"
    );
    assert_eq!(
        bad(&|l| l["devices"][3]["interfaces"][2]["vlan"] = json!(10)),
        "devices[3].interfaces[2].vlan: eth0 already has a subinterface for VLAN 10 (eth0.10): one per VLAN id"
    );
    assert_eq!(
        bad(&|l| l["devices"][3]["interfaces"][1]["parent"] = json!("eth9")),
        "devices[3].interfaces[1].parent: r1 has no interface \"eth9\" to carry eth0.10 (its interfaces: eth0)"
    );
    assert_eq!(
        bad(&|l| l["devices"][3]["interfaces"][2]["parent"] = json!("eth0.10")),
        "devices[3].interfaces[2].parent: eth0.10 is a VLAN subinterface itself: this lab puts VLAN subinterfaces on a network card only (no 802.1Q in 802.1Q)"
    );
    assert!(bad(&|l| {
        l["devices"][3]["interfaces"][1].as_object_mut().unwrap().remove("parent");
    })
    .starts_with("devices[3].interfaces[1].vlan: a VLAN subinterface needs both"));
    assert!(bad(&|l| l["devices"][3]["interfaces"][1]["mac"] = json!("02:00:00:00:00:99")).starts_with("devices[3].interfaces[1].mac: eth0.10 is a VLAN subinterface"));
    assert_eq!(
        bad(&|l| l["links"][2]["b"]["port"] = json!("eth0.10")),
        "links[2].b.port: r1/eth0.10 is a VLAN subinterface of eth0: plug the cable into eth0 (its frames go out there, tagged VLAN 10)"
    );
}

#[test]
fn a_trunk_without_the_subinterfaces_vlan_is_diagnosed() {
    let mut lab = lab();
    lab["devices"][2]["vlans"]["p3"] = json!({ "tagged": [10] });
    lab["commands"] = json!([{ "at_ms": 1000, "device": "pc2", "run": "ping -c 1 192.168.10.10" }]);
    let out = run(&lab.to_string());
    let d = diagnose(&out.topology, &out);
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(
        d[0].cause,
        packet_engine::diagnose::Cause::TrunkMissingVlan { router: "r1".into(), interface: "eth0.20".into(), vlan: 20 }
    );
    assert_eq!((d[0].device.as_str(), d[0].field.as_str()), ("sw1", "devices[2].vlans.p3.tagged"));
    assert_eq!(
        d[0].text.to_string(),
        "pc2's packets go to 192.168.20.1, r1's eth0.20 (router on a stick): eth0.20 sends and expects frames tagged VLAN 20 on eth0's cable, but sw1 p3 at the other end (its VLANs: 1 untagged, 10 tagged) is not a member of VLAN 20: it never floods that VLAN's frames out of p3 and drops the ones r1 sends tagged. Add 20 to the tagged VLANs of sw1 p3 (devices[2].vlans.p3.tagged)."
    );
    // VLAN 20 untagged on p3: the tag is stripped, the frames land on eth0.
    lab["devices"][2]["vlans"]["p3"] = json!({ "pvid": 20, "tagged": [10] });
    let out = run(&lab.to_string());
    let d = diagnose(&out.topology, &out);
    assert_eq!(d.len(), 1, "{d:?}");
    assert!(d[0].text.to_string().contains("carries VLAN 20 untagged: it strips the tag, and r1 hands untagged frames to eth0, not to eth0.20"), "{}", d[0].text);
}
