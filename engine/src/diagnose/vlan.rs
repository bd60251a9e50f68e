//! The wrong VLAN: a ping between two hosts of one subnet fails because their
//! switch ports are in different VLANs, so the ARP broadcast never reaches the
//! target (a VLAN-filtering switch floods within the frame's VLAN only).

use super::{Cause, Diagnosis};
use crate::msg;
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

/// The switch port at the far end of device `d`'s interface `i`'s cable,
/// with its VLANs, when that switch filters VLANs.
fn far_switch_port(t: &Topology, d: usize, i: usize) -> Option<(usize, usize, &crate::scenario::PortVlan)> {
    t.links.iter().find_map(|l| {
        let other = if (l.a.device, l.a.port) == (d, i) {
            l.b
        } else if (l.b.device, l.b.port) == (d, i) {
            l.a
        } else {
            return None;
        };
        let vlans = t.devices[other.device].vlans.as_ref()?;
        Some((other.device, other.port, &vlans[other.port]))
    })
}

/// Router on a stick with a trunk that does not carry the subinterface's
/// VLAN tagged: the sender's gateway (or target) is a VLAN subinterface, and
/// the switch port at the end of its parent's cable is not a tagged member of
/// that VLAN. The switch then never sends the VLAN's frames to the router
/// (br_allowed_egress), refuses the router's tagged ones (br_allowed_ingress),
/// or, where the VLAN is the port's untagged one, strips the tag, and the
/// router hands the frame to the parent, not the subinterface.
pub(super) fn trunk_missing_vlan(t: &Topology, spec: &ScheduledCommand) -> Option<Diagnosis> {
    if !matches!(spec.command, Command::Ping { .. } | Command::Traceroute { .. }) {
        return None;
    }
    let target = spec.command.target()?;
    let sender = &t.devices[spec.device];
    // The address the sender hands the packet to: the target on its subnet, else its gateway.
    let on_link = sender.interfaces.iter().any(|i| i.address.is_some_and(|n| n.trunc().contains(&target)));
    let hop = if on_link { target } else { sender.gateway? };
    let (r, ri) = t.owner_of(hop)?;
    let router = &t.devices[r];
    let sub = &router.interfaces[ri];
    let v = sub.vlan?;
    let (sw, port, pv) = far_switch_port(t, r, v.parent)?;
    if pv.tagged.contains(&v.vid) {
        return None;
    }
    let (s, parent) = (&t.devices[sw], &router.interfaces[v.parent].name);
    let tagged: Vec<String> = pv.tagged.iter().map(|x| x.to_string()).collect();
    let carried = if tagged.is_empty() {
        msg!("diagnose-trunk-carries-untagged", pvid = pv.pvid.to_string())
    } else {
        msg!("diagnose-trunk-carries", pvid = pv.pvid.to_string(), tagged = tagged.join(", "))
    };
    let what = if pv.pvid == v.vid {
        msg!("diagnose-trunk-vlan-untagged", vlan = v.vid.to_string(), router = &router.id, parent = parent, sub = &sub.name)
    } else {
        msg!("diagnose-trunk-vlan-missing", vlan = v.vid.to_string(), port = &s.ports[port], router = &router.id)
    };
    let text = msg!(
        "diagnose-trunk-missing-vlan",
        sender = &sender.id,
        hop = hop,
        router = &router.id,
        sub = &sub.name,
        vlan = v.vid.to_string(),
        parent = parent,
        switch = &s.id,
        port = &s.ports[port],
        carried = carried,
        what = what,
        index = sw.to_string()
    );
    Some(Diagnosis {
        command: spec.label.clone(),
        cause: Cause::TrunkMissingVlan { router: router.id.clone(), interface: sub.name.clone(), vlan: v.vid },
        device: s.id.clone(),
        field: format!("devices[{sw}].vlans.{}.tagged", s.ports[port]),
        text,
    })
}
