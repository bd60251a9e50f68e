//! The wrong VLAN: a ping between two hosts of one subnet fails because their
//! switch ports are in different VLANs, so the ARP broadcast never reaches the
//! target (a VLAN-filtering switch floods within the frame's VLAN only).

use super::{Cause, Diagnosis};
use crate::scenario::{Command, ScheduledCommand, Topology};

/// The switch, port and VLAN the cable of device `d`'s interface `i` reaches,
/// when that is an access port of a VLAN-filtering switch.
fn access_vlan(t: &Topology, d: usize, i: usize) -> Option<(usize, usize, u16)> {
    t.links.iter().find_map(|l| {
        let (me, other) = if (l.a.device, l.a.port) == (d, i) {
            (l.a, l.b)
        } else if (l.b.device, l.b.port) == (d, i) {
            (l.b, l.a)
        } else {
            return None;
        };
        let _ = me;
        let vlans = t.devices[other.device].vlans.as_ref()?;
        Some((other.device, other.port, vlans[other.port].pvid))
    })
}

/// A ping or traceroute whose target shares the sender's subnet but sits in another VLAN.
pub(super) fn wrong_vlan(t: &Topology, spec: &ScheduledCommand) -> Option<Diagnosis> {
    if !matches!(spec.command, Command::Ping { .. } | Command::Traceroute { .. }) {
        return None;
    }
    let target = spec.command.target()?;
    let (peer, pi) = t.owner_of(target)?;
    let sender = &t.devices[spec.device];
    // The sender's interface on the target's subnet.
    let si = sender.interfaces.iter().position(|i| i.address.is_some_and(|n| n.trunc().contains(&target)))?;
    let (sw_a, port_a, vlan_a) = access_vlan(t, spec.device, si)?;
    let (sw_b, port_b, vlan_b) = access_vlan(t, peer, pi)?;
    if vlan_a == vlan_b {
        return None;
    }
    let (a, b) = (&t.devices[sw_a], &t.devices[sw_b]);
    let text = crate::msg!(
        "diagnose-wrong-vlan",
        device = &sender.id,
        peer = &t.devices[peer].id,
        vlan = vlan_a.to_string(),
        switch = &a.id,
        port = &a.ports[port_a],
        peer_vlan = vlan_b.to_string(),
        peer_switch = &b.id,
        peer_port = &b.ports[port_b],
        target = target,
        field = format!("devices[{sw_b}].vlans.{}.pvid", b.ports[port_b]),
    );
    Some(Diagnosis {
        command: spec.label.clone(),
        cause: Cause::WrongVlan { peer: t.devices[peer].id.clone(), vlans: (vlan_a, vlan_b) },
        device: b.id.clone(),
        field: format!("devices[{sw_b}].vlans.{}.pvid", b.ports[port_b]),
        text,
    })
}
