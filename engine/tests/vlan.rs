//! 802.1Q VLANs on switches (issue 14, part 3) on the "Two VLANs on one switch"
//! example: tagged frames on the trunk byte for byte, per-VLAN flooding, the
//! failed ping to another VLAN and its diagnosis, and the lab file's checks.

use packet_engine::diagnose::{diagnose, Cause};
use packet_engine::trace::{DropReason, EventKind, Forwarding};
use packet_engine::{RunOutcome, Scenario, Simulation};

const LAB: &str = include_str!("../../scenarios/two-vlans.json");

fn run(lab: &str) -> RunOutcome {
    Simulation::new(&Scenario::from_json(lab).unwrap()).unwrap().run()
}

fn sent_on<'a>(out: &'a RunOutcome, link: &str) -> Vec<&'a [u8]> {
    out.trace
        .events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::FrameSent { hop, bytes, .. } if hop.link.as_str() == link => Some(&bytes[..]),
            _ => None,
        })
        .collect()
}

#[test]
fn the_trunk_carries_tagged_frames_and_access_ports_untagged_ones() {
    let out = run(LAB);
    let trunk = sent_on(&out, "sw1-sw2");
    assert!(!trunk.is_empty());
    // pc1's ARP request on the trunk: the 60-byte frame with a tag for VLAN 10 after the MACs.
    let first = trunk[0];
    assert_eq!(first.len(), 64);
    assert_eq!(&first[..6], &[0xff; 6]);
    assert_eq!(&first[12..18], &[0x81, 0x00, 0x00, 0x0a, 0x08, 0x06]);
    let access = sent_on(&out, "pc1-sw1")[0];
    assert_eq!(&first[..12], &access[..12]);
    assert_eq!(&first[16..], &access[12..], "the same frame, tag inserted");
    // Every frame on the trunk is tagged 10 (all of pc1's traffic is in VLAN 10).
    assert!(trunk.iter().all(|f| f[12..16] == [0x81, 0x00, 0x00, 0x0a]));
    // What reaches pc5 from sw2's access port is untagged again.
    let to_pc5 = sent_on(&out, "pc5-sw2");
    assert!(to_pc5.iter().all(|f| f[12..14] != [0x81, 0x00]));
    // The decoder reads the tag and the ARP behind it.
    let d = packet_engine::wire::decode(first);
    assert_eq!(d.ethernet.as_ref().unwrap().vlan.as_ref().unwrap().vid.value, 10);
    assert!(d.arp().is_some());
}

#[test]
fn a_broadcast_stays_in_its_vlan() {
    let out = run(LAB);
    for e in &out.trace.events {
        if let EventKind::SwitchForward { at, out, .. } = &e.kind {
            let Forwarding::Flood { ports } = &**out else { continue };
            if at.device.as_str() == "sw1" && at.port.as_str() == "p1" {
                assert_eq!(at.vlan, Some(10));
                let ports: Vec<&str> = ports.iter().map(|p| p.as_str()).collect();
                assert_eq!(ports, ["p2", "p4"], "not p3 (VLAN 20)");
            }
        }
    }
    // pc3 (VLAN 20) and pc4 (VLAN 20) never hear pc1's ARP requests.
    assert!(sent_on(&out, "pc3-sw1").is_empty());
    assert!(sent_on(&out, "pc4-sw2").is_empty());
    let lines = &out.outputs["pc1: ping -c 1 10.0.0.3"];
    assert!(lines.iter().any(|l| l.contains("Destination Host Unreachable")), "{lines:?}");
    assert!(out.outputs["pc1: ping -c 1 10.0.0.5"].iter().any(|l| l.contains("1 received")));
}

#[test]
fn the_wrong_vlan_is_diagnosed() {
    let out = run(LAB);
    let d = diagnose(&out.topology, &out);
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0].cause, Cause::WrongVlan { peer: "pc3".into(), vlans: (10, 20) });
    assert_eq!((d[0].device.as_str(), d[0].field.as_str()), ("sw1", "devices[3].vlans.p3.pvid"));
    assert!(d[0].text.to_string().starts_with("pc1 and pc3 share a subnet, but pc1's cable ends in VLAN 10 (sw1 p1) and pc3's in VLAN 20 (sw1 p3)."), "{}", d[0].text);
}

#[test]
fn a_tagged_frame_for_a_vlan_the_port_lacks_is_dropped() {
    // The trunk on sw2 carries only VLAN 20: pc1's VLAN 10 frames are refused there.
    let mut lab: serde_json::Value = serde_json::from_str(LAB).unwrap();
    lab["devices"][4]["vlans"]["p3"]["tagged"] = serde_json::json!([20]);
    let out = run(&lab.to_string());
    let dropped = out.trace.events.iter().any(|e| {
        matches!(&e.kind, EventKind::FrameDropped { at, reason: DropReason::VlanFiltered, .. } if at.device.as_str() == "sw2")
    });
    assert!(dropped);
    assert!(out.outputs["pc1: ping -c 1 10.0.0.5"].iter().any(|l| l.contains("0 received")));
}

#[test]
fn vlan_settings_are_checked() {
    let bad = |path: &str, value: serde_json::Value| {
        let mut lab: serde_json::Value = serde_json::from_str(LAB).unwrap();
        let (d, rest) = path.split_once('/').unwrap();
        let dev = &mut lab["devices"][d.parse::<usize>().unwrap()];
        match rest {
            "vlan_filtering" => dev["vlan_filtering"] = value,
            port => dev["vlans"][port] = value,
        }
        Scenario::from_json(&lab.to_string()).unwrap_err().to_string()
    };
    assert_eq!(bad("3/p2", serde_json::json!({ "pvid": 4095 })), "devices[3].vlans.p2.pvid: VLAN 4095 is out of range (1–4094)");
    assert_eq!(bad("3/p9", serde_json::json!({ "pvid": 10 })), "devices[3].vlans.p9: sw1 has no port \"p9\"");
    assert_eq!(bad("3/vlan_filtering", serde_json::json!(false)), "devices[3].vlans: VLANs need \"vlan_filtering\": true on the switch");
    assert!(bad("0/vlan_filtering", serde_json::json!(true)).starts_with("devices[0].vlan_filtering: a host does not bridge"));
}
