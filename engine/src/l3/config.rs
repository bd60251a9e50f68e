//! What a host or router does when its configuration changes during a run
//! (issue 18), following the kernel's notifiers:
//! - `ip link set DEV down`: NETDEV_DOWN → `fib_disable_ip` removes every route
//!   through the device (connected and gateway routes alike, `fib_sync_down_dev`
//!   then `fib_flush`) and calls `arp_ifdown`, which empties its ARP table
//!   (`neigh_ifdown`);
//! - `ip link set DEV up`: NETDEV_UP → `fib_add_ifaddr` brings back the
//!   connected route of its address; the gateway routes that went stay gone;
//! - the cable's far end going down is carrier loss (NETDEV_CHANGE):
//!   `fib_sync_down_dev` only marks the routes `linkdown` and they stay in use
//!   (ignore_routes_with_linkdown 0), while `arp_netdev_event` calls
//!   `neigh_carrier_down`, which empties the ARP table; carrier back clears the
//!   mark (`fib_sync_up(dev, RTNH_F_LINKDOWN)`);
//! - `ip addr add|del`, `ip route add|del`, `ip neigh flush`: their table
//!   changes and iproute2's refusals. An address change sends nothing:
//!   arp_notify defaults to 0 (Documentation/networking/ip-sysctl.rst).

use super::route::Route;
use super::{sort_routes, IpNode};
use crate::sim::ctx::Ctx;
use crate::trace::{EventKind, FlushCause, RouteKind};
use ipnet::Ipv4Net;
use std::net::Ipv4Addr;

impl IpNode {
    /// `ip link set DEV down` (or power off): routes through `iface` go, and its neighbours.
    pub(crate) fn iface_down(&mut self, ctx: &mut Ctx, iface: u32, why: FlushCause) {
        let before = self.routes.len();
        self.routes.retain(|r| r.iface != iface);
        if self.routes.len() != before {
            self.record_routes(ctx);
        }
        self.flush_neigh(ctx, iface, why);
        self.addrconf_down(ctx, iface);
    }

    /// `ip link set DEV up`: the connected route of its address comes back
    /// (marked `linkdown` while the cable has no carrier). IPv6 starts over
    /// (link-local address, DAD, router solicitation) once there is carrier
    /// (addrconf_notify: "link is not ready" until then).
    pub(crate) fn iface_up(&mut self, ctx: &mut Ctx, iface: u32, carrier: bool) {
        if let Some(net) = self.ifaces[iface as usize].addr {
            self.add_connected(iface, net, carrier);
            self.record_routes(ctx);
        }
        if carrier && self.ifaces[iface as usize].v6.as_ref().is_some_and(|v| v.addrs.is_empty()) {
            self.addrconf_up(ctx, iface);
        }
    }

    /// The cable's far end went down (`carrier` false) or came back up.
    pub(crate) fn iface_carrier(&mut self, ctx: &mut Ctx, iface: u32, carrier: bool) {
        let mut changed = false;
        for r in self.routes.iter_mut().filter(|r| r.iface == iface) {
            if r.linkdown == carrier {
                r.linkdown = !carrier;
                changed = true;
            }
        }
        if changed {
            self.record_routes(ctx);
        }
        if !carrier {
            self.flush_neigh(ctx, iface, FlushCause::CarrierLost);
            self.flush_neigh6(ctx, iface);
        } else if self.ifaces[iface as usize].v6.as_ref().is_some_and(|v| v.addrs.is_empty()) {
            // Up without carrier until now: IPv6 configures itself when the link is ready.
            self.addrconf_up(ctx, iface);
        }
    }

    /// Empties one interface's ARP table, recording what went.
    pub(crate) fn flush_neigh(&mut self, ctx: &mut Ctx, iface: u32, why: FlushCause) {
        let ips = self.ifaces[iface as usize].neigh.flush();
        if ips.is_empty() {
            return;
        }
        let at = self.iface_ref(ctx, iface);
        ctx.record(EventKind::NeighborFlushed { at, ips: Box::new(ips), why });
    }

    pub(super) fn add_connected(&mut self, iface: u32, net: Ipv4Net, carrier: bool) {
        self.routes.retain(|r| !(r.iface == iface && r.kind == RouteKind::Connected));
        self.routes.push(Route {
            net: net.trunc(),
            via: None,
            iface,
            kind: RouteKind::Connected,
            metric: 0,
            src: Some(net.addr()),
            linkdown: !carrier,
        });
        sort_routes(&mut self.routes);
    }

    /// `ip route add|del PREFIX via GW`; `carrier(iface)` says whether an
    /// interface's cable has carrier. Returns the line iproute2 prints when the
    /// kernel refuses.
    pub(crate) fn config_route(
        &mut self,
        ctx: &mut Ctx,
        add: bool,
        prefix: Ipv4Net,
        via: Ipv4Addr,
        carrier: impl Fn(u32) -> bool,
    ) -> Option<String> {
        if !add {
            let Some(at) = self.routes.iter().position(|r| r.net == prefix && r.via == Some(via)) else {
                // ESRCH from fib_table_delete.
                return Some("RTNETLINK answers: No such process".into());
            };
            self.routes.remove(at);
            self.record_routes(ctx);
            return None;
        }
        // fib_check_nh: the gateway must be on a connected network (a link-scope route).
        let Some(iface) = self
            .routes
            .iter()
            .find(|r| r.kind == RouteKind::Connected && r.net.contains(&via))
            .map(|r| r.iface)
        else {
            return Some("Error: Nexthop has invalid gateway.".into());
        };
        // fib_table_insert: same prefix, TOS and priority (metric 0) already there.
        if self.routes.iter().any(|r| r.net == prefix && r.metric == 0) {
            return Some("RTNETLINK answers: File exists".into());
        }
        let kind = if prefix.prefix_len() == 0 { RouteKind::Default } else { RouteKind::Static };
        self.routes.push(Route { net: prefix, via: Some(via), iface, kind, metric: 0, src: None, linkdown: !carrier(iface) });
        sort_routes(&mut self.routes);
        self.record_routes(ctx);
        None
    }

    /// `ip addr add|del NET dev IFACE`; `up`: the interface is up, `carrier`:
    /// its cable has carrier. Returns the line iproute2 prints on refusal.
    pub(crate) fn config_addr(&mut self, ctx: &mut Ctx, add: bool, net: Ipv4Net, iface: u32, up: bool, carrier: bool) -> Option<String> {
        let old = self.ifaces[iface as usize].addr;
        let name = self.ifaces[iface as usize].name.clone();
        if add {
            match old {
                Some(o) if o == net => return Some("RTNETLINK answers: File exists".into()),
                Some(o) => {
                    return Some(format!(
                        "Error: this lab models one IPv4 address per interface and {name} has {o}: ip addr del {o} dev {name} first."
                    ))
                }
                None => {}
            }
            self.ifaces[iface as usize].addr = Some(net);
            let at = self.iface_ref(ctx, iface);
            ctx.record(EventKind::AddressChanged { at, old: None, new: Some(net) });
            if up {
                self.add_connected(iface, net, carrier);
                self.record_routes(ctx);
            }
            return None;
        }
        if old != Some(net) {
            // inet_rtm_deladdr's extack.
            return Some("Error: ipv4: Address not found.".into());
        }
        self.ifaces[iface as usize].addr = None;
        let at = self.iface_ref(ctx, iface);
        ctx.record(EventKind::AddressChanged { at, old, new: None });
        // The last address went: fib_disable_ip(dev, NETDEV_DOWN, true).
        self.iface_down(ctx, iface, FlushCause::AddressRemoved);
        None
    }

    /// Power off: running programs stop where they are (they print nothing more).
    pub(crate) fn stop_programs(&mut self) {
        for app in self.running.clone() {
            self.finish_app(app);
        }
    }
}

/// `ip -6 route` and `ip -6 addr` during a run (issue 16): the same table
/// changes as the lab file's `routes6` and `ipv6`, and iproute2's refusals.
impl IpNode {
    /// `ip -6 route add|del PREFIX via GW [dev DEV]` (`proto static`, metric 1024).
    pub(crate) fn config_route6(
        &mut self,
        ctx: &mut Ctx,
        add: bool,
        prefix: ipnet::Ipv6Net,
        via: std::net::Ipv6Addr,
        dev: Option<u32>,
    ) -> Option<String> {
        use super::route6::Route6Row;
        use crate::trace::Route6Proto;
        if !add {
            let Some(at) = self
                .routes6
                .iter()
                .position(|r| r.net == prefix && r.via == Some(via) && dev.is_none_or(|d| r.iface == d))
            else {
                return Some("RTNETLINK answers: No such process".into());
            };
            self.routes6.remove(at);
            self.record_routes6(ctx);
            return None;
        }
        // ip6_validate_gw: the gateway must be on a connected prefix (or link-local on `dev`).
        let iface = match dev {
            Some(d) if super::ipv6::is_link_local(via) => Some(d),
            _ => self
                .routes6
                .iter()
                .find(|r| r.proto == Route6Proto::Kernel && r.via.is_none() && r.net.prefix_len() > 0 && r.net.contains(&via))
                .filter(|r| dev.is_none_or(|d| r.iface == d))
                .map(|r| r.iface),
        };
        let Some(iface) = iface.filter(|&i| self.ifaces[i as usize].v6.is_some()) else {
            return Some("Error: Nexthop has invalid gateway.".into());
        };
        if self.routes6.iter().any(|r| r.net == prefix && r.metric == 1024 && r.via == Some(via) && r.iface == iface) {
            return Some("RTNETLINK answers: File exists".into());
        }
        self.add_route6(Route6Row { net: prefix, via: Some(via), iface, proto: Route6Proto::Static, metric: 1024 });
        self.record_routes6(ctx);
        None
    }
}
