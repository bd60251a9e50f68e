//! The facts of configuration changes made during a run (issue 18): why a port
//! went down or up, why a table was flushed, and the sentence for each of
//! their events (`LinkChanged`, `MacFlushed`, `NeighborFlushed`,
//! `AddressChanged`, `PowerChanged`).

use super::{EventKind, Name, PortRef};
use crate::mac::MacAddr;
use serde::Serialize;
use std::fmt::Write as _;

/// Why a port went down or up.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "cause", rename_all = "snake_case")]
pub enum LinkCause {
    /// `ip link set DEV down|up` typed on this device.
    Command,
    /// The cable's far end went down or up: this end lost or regained carrier.
    Carrier { peer: PortRef },
    /// The device was powered off or on.
    Power,
}

/// Why a table lost entries at once.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FlushCause {
    /// `ip neigh flush …` or `bridge fdb flush …` typed.
    Command,
    /// The interface or port was set down (`neigh_ifdown` via `fib_disable_ip`;
    /// `br_stp_disable_port` → `br_fdb_delete_by_port`).
    LinkDown,
    /// The cable's far end went down (`neigh_carrier_down`; a bridge port without
    /// carrier is disabled and forgets its MACs the same way).
    CarrierLost,
    /// The address was removed (`fib_del_ifaddr` → `fib_disable_ip` → `arp_ifdown`).
    AddressRemoved,
    /// The device was powered off: every table is gone.
    PowerOff,
}

fn because(cause: FlushCause, port: &str) -> String {
    match cause {
        FlushCause::Command => "it was told to (flush command)".into(),
        FlushCause::LinkDown => format!("{port} went down"),
        FlushCause::CarrierLost => format!("{port} lost carrier (the far end of its cable went down)"),
        FlushCause::AddressRemoved => format!("{port} lost its address"),
        FlushCause::PowerOff => "it was powered off".into(),
    }
}

fn list<T: std::fmt::Display>(items: impl Iterator<Item = T>) -> String {
    items.map(|i| i.to_string()).collect::<Vec<_>>().join(", ")
}

/// The sentence of a configuration event; `None` for any other event.
pub(super) fn explain(kind: &EventKind) -> Option<String> {
    let mut s = String::new();
    match kind {
        EventKind::LinkChanged { device, port, up, cause } => {
            let _ = match (cause, up) {
                (LinkCause::Command, false) => write!(
                    s,
                    "{device} sets {port} down (ip link set {port} down): nothing goes in or out of {port}, and the far end of its cable loses carrier. A host or router also drops every route through {port} and its ARP entries there."
                ),
                (LinkCause::Command, true) => write!(
                    s,
                    "{device} sets {port} up (ip link set {port} up): the far end of its cable regains carrier. A host or router gets the connected route of {port}'s address back, but not the routes through a gateway that went when it was set down (ip route add them again)."
                ),
                (LinkCause::Carrier { peer }, false) => write!(
                    s,
                    "{device}/{port} loses carrier because {}/{} at the other end of the cable went down.",
                    peer.device, peer.port
                ),
                (LinkCause::Carrier { peer }, true) => write!(
                    s,
                    "{device}/{port} regains carrier because {}/{} at the other end of the cable came up.",
                    peer.device, peer.port
                ),
                (LinkCause::Power, false) => write!(s, "{device}/{port} goes dark: {device} is off."),
                (LinkCause::Power, true) => write!(s, "{device}/{port} comes up as {device} boots."),
            };
        }
        EventKind::MacFlushed { device, port, macs, why: cause, .. } => {
            let which = port.as_ref().map_or(String::from("every port"), |p| p.to_string());
            let _ = write!(
                s,
                "{device} forgets the MACs of {which} because {}: {}. Frames for them are flooded until they are learned again.",
                because(*cause, port.as_deref().unwrap_or("the switch")),
                list(macs.iter().map(|(m, _)| m))
            );
        }
        EventKind::NeighborFlushed { device, interface, ips, why: cause } => {
            let _ = write!(
                s,
                "{device} forgets its ARP entries on {interface} because {}: {}. The next packet to them starts with an ARP request.",
                because(*cause, interface),
                list(ips.iter())
            );
        }
        EventKind::AddressChanged { device, interface, old, new } => {
            let _ = match (old, new) {
                (_, Some(n)) => write!(
                    s,
                    "{device}/{interface} now has {n} (ip addr add) and a connected route to {}; Linux announces nothing (arp_notify = 0), so neighbours keep their old entries until they ask.",
                    n.trunc()
                ),
                (Some(o), None) => write!(
                    s,
                    "{device}/{interface} no longer has {o} (ip addr del): its routes through {interface} go with it."
                ),
                (None, None) => write!(s, "{device}/{interface} has no address."),
            };
        }
        EventKind::PowerChanged { device, on } => {
            let _ = if *on {
                write!(s, "{device} is powered on: it boots with the configuration of the lab file (tables empty, dhclient and services started again).")
            } else {
                write!(s, "{device} is powered off: every port goes dark, every table and running program is gone.")
            };
        }
        _ => return None,
    }
    Some(s)
}

/// The MACs a switch forgot, with the port each was on.
pub type FlushedMacs = Vec<(MacAddr, Name)>;
