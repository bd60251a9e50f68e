//! The route decision: is the destination on one of my networks (the AND of
//! address and mask), and if not, which route's gateway takes it: the longest
//! matching prefix, then the lowest metric, then the order routes were added
//! (`fib_table_lookup`). Every decision is recorded with the ANDs behind it,
//! which the inspector shows.

use super::IpNode;
use crate::sim::ctx::Ctx;
use crate::trace::{AndCheck, ChosenRoute, EventKind, RouteDecision, RouteKind};
use ipnet::Ipv4Net;
use std::net::Ipv4Addr;

/// One row of the routing table.
pub(crate) struct Route {
    pub(super) net: Ipv4Net,
    pub(super) via: Option<Ipv4Addr>,
    pub(super) iface: u32,
    pub(super) kind: RouteKind,
    pub(super) metric: u32,
    pub(super) src: Option<Ipv4Addr>,
    /// The interface has no carrier (its cable's far end is down): `ip route`
    /// shows `linkdown`, and the route is still used (ignore_routes_with_linkdown 0).
    pub(super) linkdown: bool,
}

/// Where a routed packet goes next.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Hop {
    pub(crate) iface: u32,
    pub(crate) next_hop: Ipv4Addr,
    /// The source address Linux picks for packets it originates on this route.
    pub(crate) src: Ipv4Addr,
}

fn mask_of(len: u8) -> Ipv4Addr {
    Ipv4Addr::from(if len == 0 { 0 } else { u32::MAX << (32 - len) })
}

impl IpNode {
    /// Longest-prefix match: O(R) in the number of routes (R is small: a
    /// route per interface plus static routes). Returns the winner and how
    /// many routes matched.
    fn lookup(&self, dst: Ipv4Addr, oif: Option<u32>) -> (Option<&Route>, u32) {
        let mut best = None;
        let mut count = 0;
        // A socket bound to a device (SO_BINDTODEVICE) matches only its routes.
        for r in self.routes.iter().filter(|r| oif.is_none_or(|o| r.iface == o)) {
            if r.net.contains(&dst) {
                count += 1;
                best = best.or(Some(r));
            }
        }
        (best, count)
    }

    /// Where `route` sends a packet for `dst`, and the source address Linux
    /// picks for packets it originates on it (the route's preferred source,
    /// else the outgoing interface's address: `inet_select_addr`).
    fn hop(&self, route: &Route, dst: Ipv4Addr) -> Hop {
        let iface_addr = self.ifaces[route.iface as usize].addr.map(|n| n.addr());
        Hop {
            iface: route.iface,
            next_hop: route.via.unwrap_or(dst),
            src: route.src.or(iface_addr).unwrap_or(Ipv4Addr::UNSPECIFIED),
        }
    }

    /// The hop a packet to `dst` would take, without recording anything
    /// (a program's `connect()` asking for its source address).
    pub(crate) fn route_probe(&self, dst: Ipv4Addr) -> Option<Hop> {
        self.route_probe_via(dst, None)
    }

    /// The same through interface `oif` only, when given.
    pub(crate) fn route_probe_via(&self, dst: Ipv4Addr, oif: Option<u32>) -> Option<Hop> {
        let node = self;
        node.lookup(dst, oif).0.map(|route| node.hop(route, dst))
    }

    /// Routes a packet and records the decision. `forwarding` is true for a
    /// router passing on someone else's packet.
    pub(crate) fn route_output(
        &mut self,
        ctx: &mut Ctx,
        dst: Ipv4Addr,
        forwarding: bool,
    ) -> Option<Hop> {
        self.route_output_via(ctx, dst, forwarding, None)
    }

    /// [`route_output`](Self::route_output) through interface `oif` only, when given.
    pub(crate) fn route_output_via(
        &mut self,
        ctx: &mut Ctx,
        dst: Ipv4Addr,
        forwarding: bool,
        oif: Option<u32>,
    ) -> Option<Hop> {
        let node = &*self;
        let (route, matching) = node.lookup(dst, oif);
        let mut checks = Vec::new();
        for f in &node.ifaces {
            let Some(net) = f.addr else { continue };
            let on_link = net.contains(&dst);
            let chosen_here = route.is_some_and(|r| {
                r.kind == RouteKind::Connected && node.ifaces[r.iface as usize].name == f.name
            });
            if node.forward && !chosen_here {
                continue;
            }
            let mask = mask_of(net.prefix_len());
            checks.push(AndCheck {
                interface: f.name.clone(),
                address: net.addr(),
                prefix_len: net.prefix_len(),
                mask,
                masked_destination: Ipv4Addr::from(u32::from(dst) & u32::from(mask)),
                network: net.network(),
                on_link,
            });
        }
        let hop = route.map(|r| node.hop(r, dst));
        let chosen = route.map(|r| ChosenRoute {
            prefix: r.net,
            via: r.via,
            interface: node.ifaces[r.iface as usize].name.clone(),
            kind: r.kind,
        });
        let decision = RouteDecision {
            destination: dst,
            forwarding,
            checks,
            matching_routes: matching,
            chosen,
            next_hop: hop.map(|h| h.next_hop),
        };
        let device = ctx.id(self.dev);
        ctx.record(EventKind::Route {
            device,
            decision: Box::new(decision),
        });
        hop
    }
}
