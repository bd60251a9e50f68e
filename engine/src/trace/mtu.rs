//! MTU facts (issue 16): a packet larger than the next link's MTU, a packet
//! split into fragments (by its source, or by an IPv4 router), fragments
//! put back together, and a path MTU a host learned from an ICMP error.
//! One [`EventKind::Mtu`](super::EventKind) carries an [`MtuEvent`].

use super::Name;
use serde::Serialize;
use crate::msg;
use crate::msg::Msg;
use std::net::IpAddr;

/// One MTU fact of a device.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "what")]
pub enum MtuEvent {
    /// A router cannot forward a `size`-byte packet out `interface` (MTU
    /// `mtu`): IPv6, or IPv4 with Don't Fragment set. It drops the packet
    /// and tells the sender (packet too big / fragmentation needed).
    TooBig { interface: Name, size: u32, mtu: u32, v6: bool },
    /// A `size`-byte packet left `interface` as `fragments` fragments of at
    /// most `mtu` bytes (the source for a smaller path MTU, or an IPv4 router
    /// for a packet without Don't Fragment).
    Fragmented { interface: Name, size: u32, mtu: u32, fragments: u32, v6: bool },
    /// The fragments of a `size`-byte packet arrived and were put back together.
    Reassembled { size: u32, fragments: u32, v6: bool },
    /// The host now sends packets to `destination` in pieces of at most `mtu`
    /// bytes (the route cache's `mtu`, `ip route get` shows it), after an
    /// ICMP error from `from`.
    PathMtu { destination: IpAddr, mtu: u32, from: IpAddr },
}

/// The sentence the inspector shows (`locales/*/engine-explain-mtu.ftl`).
pub(super) fn explain(device: &Name, event: &MtuEvent) -> Msg {
    match event {
        MtuEvent::TooBig { interface, size, mtu, v6: true } => {
            msg!("explain-mtu-too-big-v6", device = device, size = size.to_string(), interface = interface, mtu = mtu.to_string())
        }
        MtuEvent::TooBig { interface, size, mtu, v6: false } => {
            msg!("explain-mtu-frag-needed", device = device, size = size.to_string(), interface = interface, mtu = mtu.to_string())
        }
        MtuEvent::Fragmented { interface, size, mtu, fragments, v6 } => msg!(
            "explain-mtu-fragmented",
            device = device,
            size = size.to_string(),
            fragments = *fragments,
            mtu = mtu.to_string(),
            interface = interface,
            version = if *v6 { "6" } else { "4" }
        ),
        MtuEvent::Reassembled { size, fragments, v6 } => msg!(
            "explain-mtu-reassembled",
            device = device,
            fragments = *fragments,
            size = size.to_string(),
            version = if *v6 { "IPv6" } else { "IPv4" }
        ),
        MtuEvent::PathMtu { destination, mtu, from } => {
            msg!("explain-mtu-path", device = device, from = from, destination = destination, mtu = mtu.to_string())
        }
    }
}

/// A few words for the event list.
pub fn mtu_summary(event: &MtuEvent) -> String {
    match event {
        MtuEvent::TooBig { interface, size, mtu, .. } => format!("{size} bytes > MTU {mtu} of {interface}"),
        MtuEvent::Fragmented { size, mtu, fragments, .. } => format!("{size} bytes → {fragments} fragments (MTU {mtu})"),
        MtuEvent::Reassembled { size, fragments, .. } => format!("{fragments} fragments → {size} bytes"),
        MtuEvent::PathMtu { destination, mtu, .. } => format!("path MTU to {destination}: {mtu}"),
    }
}
