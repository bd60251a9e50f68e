//! Why `ping -6` or `traceroute -6` failed (issue 16), most specific first:
//! the sender's address failed duplicate address detection (another device
//! holds it); the router advertised a prefix that is not a /64, so SLAAC made
//! no address; no router advertisement came at all (no `ra` on the router of
//! the link); a router on the way had no route; the destination never
//! answered neighbour discovery.

use super::{Cause, Diagnosis};
use crate::msg;
use crate::msg::Msg;
use crate::scenario::{Command, ScheduledCommand, Topology};
use crate::sim::RunOutcome;
use crate::trace::{AddrState, EventKind, Ipv6Event, SlaacOutcome};

/// Every IPv6 fact of device `id`, in trace order.
fn events<'a>(outcome: &'a RunOutcome, id: &'a str) -> impl Iterator<Item = &'a Ipv6Event> + 'a {
    outcome.trace.events.iter().filter_map(move |e| match &e.kind {
        EventKind::Ipv6 { device, event } if device.as_str() == id => Some(&**event),
        _ => None,
    })
}

pub(super) fn diagnose_command(topology: &Topology, outcome: &RunOutcome, spec: &ScheduledCommand) -> Option<Diagnosis> {
    let target = match &spec.command {
        Command::Ping6 { target, .. } | Command::Traceroute6 { target, .. } => *target,
        _ => return None,
    };
    let dev = &topology.devices[spec.device];
    let id = dev.id.as_str();
    let found = |cause: Cause, device: &str, field: String, text: Msg| Diagnosis {
        command: spec.label.clone(),
        cause,
        device: device.to_string(),
        field,
        text,
    };
    // 1. DAD failed on the sender: someone else holds its address.
    if let Some((interface, address)) = events(outcome, id).find_map(|e| match e {
        Ipv6Event::Address { interface, address, state: AddrState::DadFailed, .. } => Some((interface.clone(), address.addr())),
        _ => None,
    }) {
        let i = dev.interfaces.iter().position(|f| f.name == interface.as_str()).unwrap_or(0);
        let holder = topology.devices.iter().enumerate().find_map(|(d, other)| {
            other.interfaces.iter().enumerate().find_map(|(k, f)| {
                (d != spec.device && f.ipv6.as_ref().and_then(|c| c.address).is_some_and(|n| n.addr() == address))
                    .then(|| (other.id.clone(), format!("devices[{d}].interfaces[{k}].ipv6")))
            })
        });
        let holder_msg = match &holder {
            Some((who, _)) => Msg::verbatim(who),
            None => msg!("diagnose-another-device"),
        };
        let (who, field) = holder.unwrap_or_else(|| ("another device".into(), format!("devices[{}].interfaces[{i}].ipv6", spec.device)));
        let text = msg!("diagnose-dad-failed", device = id, address = address, holder = holder_msg);
        return Some(found(Cause::DadFailed { address: address.to_string() }, &who, field, text));
    }
    // 2 and 3: a host on "auto" that got no usable prefix.
    let auto = dev.interfaces.iter().position(|f| f.ipv6.as_ref().is_some_and(|c| c.address.is_none()));
    if let Some(i) = auto {
        let has_global = events(outcome, id).any(|e| {
            matches!(e, Ipv6Event::Address { origin: crate::trace::AddrOrigin::Slaac, state: AddrState::Preferred, .. })
        });
        if !has_global {
            let ra = events(outcome, id).find_map(|e| match e {
                Ipv6Event::RouterAdvert { router, prefix, outcome: o, .. } => Some((*router, *prefix, *o)),
                _ => None,
            });
            // The router interface on the same link as the host (by the cable or a switch).
            let router_iface = |want_ra: bool| {
                topology.devices.iter().enumerate().find_map(|(d, r)| {
                    r.interfaces.iter().enumerate().find_map(|(k, f)| {
                        (r.kind == crate::scenario::DeviceKind::Router
                            && f.ipv6.is_some()
                            && f.ipv6.as_ref().is_some_and(|c| c.ra.is_some()) == want_ra)
                            .then(|| (r.id.clone(), d, k))
                    })
                })
            };
            match ra {
                Some((router, Some(prefix), SlaacOutcome::WrongPrefixLength)) => {
                    let (rid, d, k) = router_iface(true).unwrap_or((router.to_string(), spec.device, i));
                    let text = msg!(
                        "diagnose-wrong-prefix-length",
                        router = &rid,
                        prefix = prefix,
                        len = prefix.prefix_len().to_string(),
                        device = id,
                    );
                    return Some(found(
                        Cause::WrongPrefixLength { prefix: prefix.to_string() },
                        &rid,
                        format!("devices[{d}].interfaces[{k}].ra.prefix"),
                        text,
                    ));
                }
                None => {
                    let (rid, field) = match router_iface(false) {
                        Some((rid, d, k)) => (rid, format!("devices[{d}].interfaces[{k}].ra")),
                        None => (id.to_string(), format!("devices[{}].interfaces[{i}].ipv6", spec.device)),
                    };
                    let text = msg!("diagnose-no-router-advert", device = id, router = &rid);
                    return Some(found(Cause::NoRouterAdvert, &rid, field, text));
                }
                _ => {}
            }
        }
    }
    // 4. A router without a route, or a destination that never answered NDP.
    for e in &outcome.trace.events {
        let EventKind::Ipv6 { device, event } = &e.kind else { continue };
        if let Ipv6Event::IcmpError { icmp_type: 1, code, .. } = **event {
            let d = topology.devices.iter().position(|x| x.id == device.as_str()).unwrap_or(0);
            let (cause, field, text) = if code == 0 {
                (
                    Cause::NoRoute,
                    format!("devices[{d}].routes6"),
                    msg!("diagnose-no-route6", device = device, target = target),
                )
            } else {
                (
                    Cause::Unreachable6 { address: target.to_string() },
                    format!("devices[{d}]"),
                    msg!("diagnose-unreachable6", device = device, target = target),
                )
            };
            return Some(found(cause, device.as_str(), field, text));
        }
    }
    None
}
