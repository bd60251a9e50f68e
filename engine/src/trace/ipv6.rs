//! IPv6's trace facts (issue 16): one [`EventKind::Ipv6`](super::EventKind)
//! carries an [`Ipv6Event`]: a neighbour-cache change, an address's DAD
//! state, the IPv6 routing table, a route decision with its prefix checks,
//! what a router advertisement did, an ICMPv6 error. Their sentences are in
//! `explain6.rs`.

use super::Name;
use crate::mac::MacAddr;
use crate::neighbor::NudState;
use ipnet::Ipv6Net;
use serde::Serialize;
use std::net::Ipv6Addr;

/// Where an IPv6 address came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum AddrOrigin {
    /// fe80:: + EUI-64 of the MAC, made when the interface comes up.
    LinkLocal,
    /// From the lab file (`ip -6 addr add`).
    Static,
    /// Built from a router advertisement's prefix (SLAAC, RFC 4862 5.5.3).
    Slaac,
}

/// An address's state (`ip -6 addr` flags).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum AddrState {
    /// Duplicate address detection is running: the address is not used yet.
    Tentative,
    /// DAD passed: the address is usable.
    Preferred,
    /// Another node has it (`dadfailed`): never used.
    DadFailed,
}

impl AddrState {
    /// Its name as the rows print it (`ip -6 addr` spells the flags `tentative`, `dadfailed`;
    /// a preferred address shows none). Not `Debug`: the browser build formats no `{:?}`
    /// (docs/size.md, `-Zfmt-debug=none`).
    pub fn name(self) -> &'static str {
        match self {
            AddrState::Tentative => "tentative",
            AddrState::Preferred => "preferred",
            AddrState::DadFailed => "dadfailed",
        }
    }
}

/// Who put a route in the IPv6 table (`ip -6 route`'s `proto`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Route6Proto {
    /// A connected prefix (`proto kernel`).
    Kernel,
    /// From the lab file (`proto static`, `ip -6 route add`).
    Static,
    /// Learned from a router advertisement (`proto ra`).
    Ra,
}

/// A row of the IPv6 routing table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Route6Entry {
    pub prefix: Ipv6Net,
    pub via: Option<Ipv6Addr>,
    pub interface: Name,
    pub proto: Route6Proto,
    pub metric: u32,
}

/// One route compared with a destination: the destination's first
/// `prefix_len` bits against the route's prefix.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PrefixCheck {
    pub prefix: Ipv6Net,
    /// The destination with every bit after the prefix length cleared.
    pub masked_destination: Ipv6Addr,
    pub matches: bool,
}

/// An IPv6 route decision, with the prefix checks the inspector shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Route6Decision {
    pub destination: Ipv6Addr,
    pub forwarding: bool,
    pub checks: Vec<PrefixCheck>,
    pub chosen: Option<Route6Entry>,
    pub next_hop: Option<Ipv6Addr>,
}

/// What a host did with a router advertisement's prefix.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum SlaacOutcome {
    /// A new address from the prefix and the interface identifier.
    NewAddress,
    /// The address already exists; its lifetimes were refreshed.
    Refreshed,
    /// The prefix is not /64: with a 64-bit interface identifier no address
    /// can be built (`addrconf_prefix_rcv`: "prefix with wrong length").
    WrongPrefixLength,
    /// The A flag is off: the prefix is on-link only.
    NotAutonomous,
    /// The advertisement carried no prefix.
    NoPrefix,
}

/// One IPv6 fact.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "what")]
pub enum Ipv6Event {
    /// A neighbour-cache entry was created or changed state (NDP, as ARP's).
    Neighbor { interface: Name, ip: Ipv6Addr, mac: Option<MacAddr>, old: Option<NudState>, new: NudState },
    /// An address appeared or changed its DAD state.
    Address { interface: Name, address: Ipv6Net, origin: AddrOrigin, state: AddrState },
    /// The IPv6 routing table after a change.
    Routes { routes: Vec<Route6Entry> },
    /// A host or router chose how to send an IPv6 packet.
    Route { decision: Box<Route6Decision> },
    /// A host took in a router advertisement.
    RouterAdvert {
        interface: Name,
        router: Ipv6Addr,
        lifetime_s: u16,
        prefix: Option<Ipv6Net>,
        outcome: SlaacOutcome,
    },
    /// `ip link set DEV down`: every IPv6 address of the interface, its
    /// neighbour cache and its routes went (keep_addr_on_down 0).
    Down { interface: Name },
    /// Carrier lost or `ip neigh flush`: the interface's NDP cache was emptied.
    NeighborsFlushed { interface: Name, ips: Vec<Ipv6Addr> },
    /// An ICMPv6 error was sent (or held back by the rate limit).
    IcmpError { icmp_type: u8, code: u8, to: Ipv6Addr, rate_limited: bool },
    /// `ip -6 addr del`: the address went, with its prefix route if no other address has that prefix.
    AddressRemoved { interface: Name, address: Ipv6Net },
    /// No advertisement from `router` came within its router lifetime: the default route through it went.
    DefaultRouterExpired { interface: Name, router: Ipv6Addr },
}

/// The words of an ICMPv6 error, as iputils ping prints them (ping6_common.c).
pub fn icmp6_error_text(icmp_type: u8, code: u8, mtu: u32) -> String {
    match (icmp_type, code) {
        (1, 0) => "Destination unreachable: No route".into(),
        (1, 1) => "Destination unreachable: Administratively prohibited".into(),
        (1, 2) => "Destination unreachable: Beyond scope of source address".into(),
        (1, 3) => "Destination unreachable: Address unreachable".into(),
        (1, 4) => "Destination unreachable: Port unreachable".into(),
        (1, 5) => "Destination unreachable: Source address failed ingress/egress policy".into(),
        (1, 6) => "Destination unreachable: Reject route to destination".into(),
        (1, c) => format!("Destination unreachable: Unknown code {c}"),
        (2, 0) => format!("Packet too big: mtu={mtu}"),
        (2, c) => format!("Packet too big: mtu={mtu}, code={c}"),
        (3, 0) => "Time exceeded: Hop limit".into(),
        (3, 1) => "Time exceeded: Defragmentation failure".into(),
        (3, c) => format!("Time exceeded: code {c}"),
        (4, _) => "Parameter problem".into(),
        (t, c) => format!("Bad ICMP type: {t} code {c}"),
    }
}
