//! The IPv6 routing table and its decision: the longest prefix whose first
//! bits equal the destination's, then the lowest metric (`fib6_lookup`),
//! recorded with the prefix checks the inspector shows; and the source
//! address Linux picks for a packet it originates (RFC 6724's rules as
//! `ipv6_dev_get_saddr` applies them: same scope, preferred, longest common prefix).

use super::ipv6::is_link_local;
use super::IpNode;
use crate::sim::ctx::Ctx;
use crate::trace::{AddrOrigin, AddrState, Ipv6Event, PrefixCheck, Route6Decision, Route6Entry, Route6Proto};
use ipnet::Ipv6Net;
use std::net::Ipv6Addr;

/// One row of the IPv6 routing table.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Route6Row {
    pub(crate) net: Ipv6Net,
    pub(crate) via: Option<Ipv6Addr>,
    pub(crate) iface: u32,
    pub(crate) proto: Route6Proto,
    pub(crate) metric: u32,
}

/// Where a routed IPv6 packet goes next.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Hop6 {
    pub(crate) iface: u32,
    pub(crate) next_hop: Ipv6Addr,
    /// The source Linux picks for a packet it originates on this route.
    pub(crate) src: Option<Ipv6Addr>,
}

/// Longest prefix first, then lowest metric; stable otherwise.
pub(crate) fn sort_routes6(routes: &mut [Route6Row]) {
    // Ties in address order, as `ip -6 route` walks the fib6 tree.
    crate::small_sort::stable_sort_by_key(routes, |r| (std::cmp::Reverse(r.net.prefix_len()), r.metric, r.net.network()));
}

/// `dst` with every bit after `len` cleared.
pub(crate) fn masked(dst: Ipv6Addr, len: u8) -> Ipv6Addr {
    let bits = u128::from(dst);
    let mask = if len == 0 { 0 } else { u128::MAX << (128 - u32::from(len)) };
    Ipv6Addr::from(bits & mask)
}

impl IpNode {
    /// The table as `ip -6 route` lists it.
    pub(crate) fn route6_entries(&self) -> Vec<Route6Entry> {
        self.routes6
            .iter()
            .map(|r| Route6Entry {
                prefix: r.net,
                via: r.via,
                interface: self.ifaces[r.iface as usize].name.clone(),
                proto: r.proto,
                metric: r.metric,
            })
            .collect()
    }

    /// Records the table after a change.
    pub(crate) fn record_routes6(&self, ctx: &mut Ctx) {
        let routes = self.route6_entries();
        self.record6(ctx, Ipv6Event::Routes { routes });
    }

    /// Adds (or refreshes) a route; true when the table changed.
    pub(crate) fn add_route6(&mut self, row: Route6Row) -> bool {
        let same = |r: &Route6Row| r.net == row.net && r.iface == row.iface && r.via == row.via;
        if self.routes6.iter().any(same) {
            return false;
        }
        self.routes6.push(row);
        sort_routes6(&mut self.routes6);
        true
    }

    fn lookup6(&self, dst: Ipv6Addr, oif: Option<u32>) -> Option<&Route6Row> {
        // A link-local destination has no route but its interface's fe80::/64
        // (the scope id picks it; with one IPv6 interface there is no doubt).
        self.routes6
            .iter()
            .filter(|r| oif.is_none_or(|o| r.iface == o))
            .find(|r| r.net.contains(&dst))
    }

    /// The source address for a packet to `dst` leaving by `iface`:
    /// a link-local one for a link-local destination, else the usable
    /// global address sharing the longest prefix with `dst`, else the link-local one.
    pub(crate) fn select_src6(&self, iface: u32, dst: Ipv6Addr) -> Option<Ipv6Addr> {
        let v6 = self.ifaces[iface as usize].v6.as_ref()?;
        let usable = v6.addrs.iter().filter(|a| a.state == AddrState::Preferred);
        if !is_link_local(dst) {
            let common = |a: Ipv6Addr| (u128::from(a) ^ u128::from(dst)).leading_zeros();
            let best = usable
                .clone()
                .filter(|a| a.origin != AddrOrigin::LinkLocal)
                .max_by_key(|a| common(a.net.addr()));
            if let Some(a) = best {
                return Some(a.net.addr());
            }
        }
        v6.link_local()
    }

    fn hop6(&self, r: &Route6Row, dst: Ipv6Addr) -> Hop6 {
        Hop6 { iface: r.iface, next_hop: r.via.unwrap_or(dst), src: self.select_src6(r.iface, dst) }
    }

    /// The hop a packet to `dst` would take, recording nothing.
    pub(crate) fn route6_probe(&self, dst: Ipv6Addr, oif: Option<u32>) -> Option<Hop6> {
        self.lookup6(dst, oif).map(|r| self.hop6(r, dst))
    }

    /// Routes a packet and records the decision with its prefix checks.
    pub(crate) fn route6_output(&mut self, ctx: &mut Ctx, dst: Ipv6Addr, forwarding: bool) -> Option<Hop6> {
        self.route6_output_via(ctx, dst, forwarding, None)
    }

    /// The same through interface `oif` only, when given.
    pub(crate) fn route6_output_via(
        &mut self,
        ctx: &mut Ctx,
        dst: Ipv6Addr,
        forwarding: bool,
        oif: Option<u32>,
    ) -> Option<Hop6> {
        let route = self.lookup6(dst, oif).copied();
        let checks = self
            .routes6
            .iter()
            .filter(|r| oif.is_none_or(|o| r.iface == o))
            .map(|r| PrefixCheck {
                prefix: r.net,
                masked_destination: masked(dst, r.net.prefix_len()),
                matches: r.net.contains(&dst),
            })
            .collect();
        let hop = route.map(|r| self.hop6(&r, dst));
        let chosen = route.map(|r| Route6Entry {
            prefix: r.net,
            via: r.via,
            interface: self.ifaces[r.iface as usize].name.clone(),
            proto: r.proto,
            metric: r.metric,
        });
        let decision = Route6Decision { destination: dst, forwarding, checks, chosen, next_hop: hop.map(|h| h.next_hop) };
        self.record6(ctx, Ipv6Event::Route { decision: Box::new(decision) });
        hop
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masking_keeps_the_prefix_bits() {
        let d: Ipv6Addr = "2001:db8:2::10".parse().unwrap();
        assert_eq!(masked(d, 64), "2001:db8:2::".parse::<Ipv6Addr>().unwrap());
        assert_eq!(masked(d, 0), Ipv6Addr::UNSPECIFIED);
        assert_eq!(masked(d, 128), d);
        assert_eq!(masked(d, 20), "2001::".parse::<Ipv6Addr>().unwrap());
        assert_eq!(masked(d, 28), "2001:db0::".parse::<Ipv6Addr>().unwrap());
    }
}
