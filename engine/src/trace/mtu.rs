//! MTU facts (issue 16): a packet larger than the next link's MTU, a packet
//! split into fragments (by its source, or by an IPv4 router), fragments
//! put back together, and a path MTU a host learned from an ICMP error.
//! One [`EventKind::Mtu`](super::EventKind) carries an [`MtuEvent`].

use super::Name;
use serde::Serialize;
use std::fmt::Write as _;
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

/// The sentence the inspector shows.
pub(super) fn explain(s: &mut String, device: &Name, event: &MtuEvent) {
    let _ = match event {
        MtuEvent::TooBig { interface, size, mtu, v6: true } => write!(
            s,
            "{device} cannot forward the {size}-byte packet out {interface} (MTU {mtu}): an IPv6 router never fragments, so it drops the packet and sends ICMPv6 \"packet too big\" with MTU {mtu} back to the sender"
        ),
        MtuEvent::TooBig { interface, size, mtu, v6: false } => write!(
            s,
            "{device} cannot forward the {size}-byte packet out {interface} (MTU {mtu}): its Don't Fragment bit is set, so it drops it and sends ICMP \"fragmentation needed\" (type 3 code 4) with next-hop MTU {mtu} back to the sender"
        ),
        MtuEvent::Fragmented { interface, size, mtu, fragments, v6 } => write!(
            s,
            "{device} splits the {size}-byte packet into {fragments} fragments of at most {mtu} bytes out {interface}{}",
            if *v6 { " with a Fragment extension header (only the source fragments IPv6, RFC 8200 4.5)" } else { " (offsets in 8-byte units, More Fragments set on all but the last)" }
        ),
        MtuEvent::Reassembled { size, fragments, v6 } => write!(
            s,
            "{device} has all {fragments} fragments and puts the {size}-byte {} packet back together",
            if *v6 { "IPv6" } else { "IPv4" }
        ),
        MtuEvent::PathMtu { destination, mtu, from } => write!(
            s,
            "{device} learns from {from} that the path to {destination} carries at most {mtu} bytes: it remembers this path MTU (for 10 minutes) and splits larger packets to {destination} into fragments"
        ),
    };
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
