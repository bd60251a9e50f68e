//! The forgotten NAT (issue 12): a host with a private address (RFC 1918)
//! reaches a server on the internet, the server answers that private address,
//! and a router on the way back has no route for it and drops the answer.
//! The home router (the router on the host's network) should have rewritten
//! the source to its outside address: MASQUERADE on its outside interface.
//!
//! Read from the trace: the dropped answer (no route, on a forwarding router)
//! and who sent it, and the home router's route towards the server (which
//! interface is its outside one). Only when no router beyond the home router
//! has a route for the private network: a lab that routes it is about routes.

use super::{Cause, Diagnosis};
use crate::scenario::{DeviceKind, ScheduledCommand, Topology};
use crate::sim::RunOutcome;
use crate::trace::{DropReason, EventKind};
use crate::wire;
use std::net::Ipv4Addr;

/// The diagnosis when the command's answers were dropped for want of NAT.
pub(super) fn forgotten_nat(topology: &Topology, outcome: &RunOutcome, spec: &ScheduledCommand) -> Option<Diagnosis> {
    let dev = &topology.devices[spec.device];
    // The sender's addresses: configured, or leased during the run.
    let mut mine: Vec<ipnet::Ipv4Net> = dev.addresses().collect();
    let events = &outcome.trace.events;
    for e in events {
        if let EventKind::DhcpLeaseObtained { at, lease, .. } = &e.kind {
            if at.device == dev.id.as_str() {
                mine.push(lease.address);
            }
        }
    }
    let is_mine = |ip: Ipv4Addr| mine.iter().any(|n| n.addr() == ip);
    // A router dropped a packet for one of the sender's private addresses: no route.
    let (r, back, server) = events.iter().filter(|e| e.time >= spec.at).find_map(|e| match &e.kind {
        EventKind::FrameDropped { at, reason: DropReason::NoRoute, bytes } => {
            let ip = wire::decode(bytes).ipv4()?.clone();
            let (src, dst) = (ip.src.value, ip.dst.value);
            (dst.is_private() && is_mine(dst)).then(|| (at.device.clone(), dst, src))
        }
        _ => None,
    })?;
    // The home router: a router with an interface on the sender's network.
    let (h, home) = topology.devices.iter().enumerate().find(|(_, d)| {
        d.kind == DeviceKind::Router && d.addresses().any(|n| n.trunc().contains(&back))
    })?;
    if home.id == r.as_str() {
        return None;
    }
    // A lab whose routers beyond the home router route the private network
    // (read-traceroute's ISP) is about routes, not NAT: a missing route there
    // is another mistake.
    let routed_beyond = topology.devices.iter().any(|d| {
        d.id != home.id && d.routes.iter().any(|x| x.prefix.prefix_len() > 0 && x.prefix.contains(&back))
    });
    if routed_beyond {
        return None;
    }
    // Its outside interface: where it sent the request towards the server.
    let out_name = events.iter().find_map(|e| match &e.kind {
        EventKind::Route { device, decision } if device == home.id.as_str() && decision.forwarding && decision.destination == server => {
            decision.chosen.as_ref().map(|c| c.interface.clone())
        }
        _ => None,
    })?;
    let k = home.interfaces.iter().position(|i| i.name == out_name.as_str())?;
    let outside = home.interfaces[k].address.map(|n| n.addr());
    let via = match outside {
        Some(a) => crate::msg!("diagnose-nat-via", address = a),
        None => crate::msg::Msg::verbatim(""),
    };
    let field = format!("devices[{h}].interfaces[{k}].nat");
    let text = crate::msg!(
        "diagnose-forgot-nat",
        back = back,
        router = &r,
        server = server,
        home = &home.id,
        interface = &out_name,
        field = &field,
        via = via,
    );
    Some(Diagnosis {
        command: spec.label.clone(),
        cause: Cause::ForgotNat { router: home.id.clone(), address: back },
        device: home.id.clone(),
        field,
        text,
    })
}
