//! The facts of configuration changes made during a run (issue 18): why a port
//! went down or up, why a table was flushed, and the sentence for each of
//! their events (`LinkChanged`, `MacFlushed`, `NeighborFlushed`,
//! `AddressChanged`, `PowerChanged`).

use super::{EventKind, Name, PortRef};
use crate::mac::MacAddr;
use crate::msg;
use crate::msg::{Arg, Msg};
use serde::Serialize;

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

/// Why a table was flushed; `port` is the port or interface named (or the switch as a whole).
fn because(cause: FlushCause, port: Arg) -> Msg {
    match cause {
        FlushCause::Command => msg!("explain-flush-command"),
        FlushCause::LinkDown => msg!("explain-flush-link-down", port = port),
        FlushCause::CarrierLost => msg!("explain-flush-carrier-lost", port = port),
        FlushCause::AddressRemoved => msg!("explain-flush-address-removed", port = port),
        FlushCause::PowerOff => msg!("explain-flush-power-off"),
    }
}

fn list<T: std::fmt::Display>(items: impl Iterator<Item = T>) -> String {
    items.map(|i| i.to_string()).collect::<Vec<_>>().join(", ")
}

/// The sentence of a configuration event (`locales/*/engine-explain*.ftl`).
pub(super) fn explain(kind: &EventKind) -> Msg {
    match kind {
        EventKind::LinkChanged { at, up, cause } => {
            let (device, port) = (&at.device, &at.port);
            match (&**cause, up) {
            (LinkCause::Command, false) => msg!("explain-link-set-down", device = device, port = port),
            (LinkCause::Command, true) => msg!("explain-link-set-up", device = device, port = port),
            (LinkCause::Carrier { peer }, false) => {
                msg!("explain-link-carrier-lost", device = device, port = port, peer = &peer.device, peer_port = &peer.port)
            }
            (LinkCause::Carrier { peer }, true) => {
                msg!("explain-link-carrier-back", device = device, port = port, peer = &peer.device, peer_port = &peer.port)
            }
            (LinkCause::Power, false) => msg!("explain-link-power-off", device = device, port = port),
            (LinkCause::Power, true) => msg!("explain-link-power-on", device = device, port = port),
            }
        }
        EventKind::MacFlushed { device, flush } => {
            let MacFlush { port, macs, why: cause, .. } = &**flush;
            let macs = list(macs.iter().map(|(m, _)| m));
            match port {
                Some(p) => msg!("explain-mac-flushed", device = device, port = p, why = because(*cause, p.into()), macs = macs),
                None => msg!(
                    "explain-mac-flushed-all",
                    device = device,
                    why = because(*cause, msg!("explain-flush-the-switch").into()),
                    macs = macs
                ),
            }
        }
        EventKind::NeighborFlushed { at, ips, why: cause } => {
            let (device, interface) = (&at.device, at.interface());
            msg!(
                "explain-arp-flushed",
                device = device,
                interface = interface,
                why = because(*cause, interface.into()),
                ips = list(ips.iter())
            )
        }
        EventKind::AddressChanged { at, old, new } => {
            let (device, interface) = (&at.device, at.interface());
            match (old, new) {
                (_, Some(n)) => msg!("explain-address-added", device = device, interface = interface, address = n, network = n.trunc()),
                (Some(o), None) => msg!("explain-address-removed", device = device, interface = interface, address = o),
                (None, None) => msg!("explain-address-none", device = device, interface = interface),
            }
        }
        EventKind::PowerChanged { device, on } => {
            if *on {
                msg!("explain-power-on", device = device)
            } else {
                msg!("explain-power-off", device = device)
            }
        }
        _ => msg!("explain-nothing"),
    }
}

/// The MACs a switch forgot, with the port each was on.
pub type FlushedMacs = Vec<(MacAddr, Name)>;

/// What a `MacFlushed` event's switch forgot, and why: one box for both
/// lists (a record is as big as the biggest variant, docs/perf.md).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MacFlush {
    /// The port whose MACs went; None: every port.
    pub port: Option<Name>,
    pub macs: FlushedMacs,
    pub why: FlushCause,
    /// On a VLAN-filtering switch, the VLAN of each of `macs`, in their
    /// order (a MAC may go twice, from two VLANs); empty otherwise.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub vlans: Vec<u16>,
}
