//! IPv6 on a host or router (issue 16): an interface's IPv6 state, the
//! receive checks, local delivery, forwarding (hop limit, route, neighbour)
//! and sending. Neighbour discovery is in `ndisc.rs`, addresses (link-local,
//! DAD, SLAAC, MLD) in `addrconf.rs`, a router's advertisements in
//! `radvd.rs`, ICMPv6 in `icmpv6.rs`, the routing table in `route6.rs`.
//!
//! IPv6 runs only on interfaces whose lab file turns it on (scenario/ipv6.rs).

use super::IpNode;
use crate::frames6::{self, IPV6_HEADER_LEN};
use crate::mac::MacAddr;
use crate::neighbor::{NeighParams, NeighborCache};
use crate::scenario::RaConfig;
use crate::sim::ctx::Ctx;
use crate::sim::Frame;
use crate::time::SimTime;
use crate::trace::{AddrOrigin, AddrState, DropReason, EventKind, Ipv6Event};
use ipnet::Ipv6Net;
use smoltcp::wire::EthernetFrame;
use std::net::Ipv6Addr;

/// One IPv6 address of an interface.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Addr6 {
    pub(crate) net: Ipv6Net,
    pub(crate) origin: AddrOrigin,
    pub(crate) state: AddrState,
    /// Bumped to cancel its pending DAD timer.
    pub(crate) gen: u32,
}

/// An interface's IPv6 state.
pub(crate) struct Iface6 {
    /// The link-local address first, then the others in the order they came.
    pub(crate) addrs: Vec<Addr6>,
    /// The NDP neighbour cache: the same NUD machine as ARP's.
    pub(crate) neigh: NeighborCache<Ipv6Addr>,
    /// The static address from the lab file, added when the interface comes up.
    pub(crate) configured: Option<Ipv6Net>,
    /// radvd on this interface.
    pub(crate) ra: Option<RaConfig>,
    /// Multicast groups joined (ff02::1, solicited-node groups, ff02::2 on a router).
    pub(crate) groups: Vec<Ipv6Addr>,
    /// Router solicitations sent, and whether an advertisement came.
    pub(crate) rs_sent: u32,
    /// The wait before the next solicitation (RFC 7559 backoff), ns.
    pub(crate) rs_interval: u64,
    pub(crate) ra_received: bool,
    /// radvd: advertisements sent, the time of the last one, its timer generation.
    pub(crate) ra_sent: u32,
    pub(crate) ra_last: Option<SimTime>,
    pub(crate) gen: u32,
    /// When each default router's lifetime runs out (`rt6_set_expires`), and
    /// the generation of the one expiry timer (bumped by each advertisement).
    pub(crate) router_expires: crate::vec_map::VecMap<Ipv6Addr, SimTime>,
    pub(crate) router_gen: u32,
    /// DAD timer generations, never reused: an address made after the
    /// interface went down and up again does not match an old timer.
    pub(crate) addr_gen: u32,
}

impl Iface6 {
    pub(crate) fn new(configured: Option<Ipv6Net>, ra: Option<RaConfig>, reachable: SimTime) -> Iface6 {
        Iface6 {
            addrs: Vec::new(),
            neigh: NeighborCache::new(NeighParams::linux_defaults(reachable)),
            configured,
            ra,
            groups: Vec::new(),
            rs_sent: 0,
            rs_interval: 0,
            ra_received: false,
            ra_sent: 0,
            ra_last: None,
            gen: 0,
            router_expires: crate::vec_map::VecMap::new(),
            router_gen: 0,
            addr_gen: 0,
        }
    }

    /// A usable (not tentative, not failed) address equal to `ip`.
    pub(crate) fn owns(&self, ip: Ipv6Addr) -> bool {
        self.addrs.iter().any(|a| a.net.addr() == ip && a.state == AddrState::Preferred)
    }

    /// The usable link-local address.
    pub(crate) fn link_local(&self) -> Option<Ipv6Addr> {
        self.addrs
            .iter()
            .find(|a| a.origin == AddrOrigin::LinkLocal && a.state == AddrState::Preferred)
            .map(|a| a.net.addr())
    }
}

/// A link-local unicast address (fe80::/10).
pub(crate) fn is_link_local(ip: Ipv6Addr) -> bool {
    ip.segments()[0] & 0xffc0 == 0xfe80
}

/// A view of a datagram already checked by `ip6_input`, or built here.
pub(crate) struct V6<'a>(pub(crate) &'a [u8]);

impl V6<'_> {
    pub(crate) fn src(&self) -> Ipv6Addr {
        Ipv6Addr::from(<[u8; 16]>::try_from(&self.0[8..24]).expect("40-byte header"))
    }
    pub(crate) fn dst(&self) -> Ipv6Addr {
        Ipv6Addr::from(<[u8; 16]>::try_from(&self.0[24..40]).expect("40-byte header"))
    }
    pub(crate) fn next(&self) -> u8 {
        self.0[6]
    }
    pub(crate) fn hop_limit(&self) -> u8 {
        self.0[7]
    }
}

impl IpNode {
    /// Is `ip` one of this device's usable IPv6 addresses?
    pub(crate) fn is_local6(&self, ip: Ipv6Addr) -> bool {
        self.ifaces.iter().any(|f| f.v6.as_ref().is_some_and(|v| v.owns(ip)))
    }

    /// An IPv6 frame reached interface `iface`.
    pub(crate) fn ip6_frame_input(&mut self, ctx: &mut Ctx, iface: u32, frame: Frame) {
        let port = self.ifaces[iface as usize].port;
        let eth = EthernetFrame::new_unchecked(&frame[..]);
        let multicast = MacAddr(eth.dst_addr().0).is_multicast();
        let Some(v6) = self.ifaces[iface as usize].v6.as_ref() else {
            // IPv6 off here: the NIC joined no IPv6 group, and nothing takes unicast IPv6.
            let reason = if multicast { DropReason::NotMyGroup } else { DropReason::Unsupported };
            ctx.drop_frame(self.dev, port, reason, frame);
            return;
        };
        // RFC 8200 3: version 6, a payload length that fits the frame (padding may follow).
        let payload = eth.payload();
        let total = match payload.get(..IPV6_HEADER_LEN) {
            Some(h) if h[0] >> 4 == 6 => IPV6_HEADER_LEN + u16::from_be_bytes([h[4], h[5]]) as usize,
            _ => usize::MAX,
        };
        if total > payload.len() {
            ctx.drop_frame(self.dev, port, DropReason::Malformed, frame);
            return;
        }
        let datagram = payload[..total].to_vec();
        let ip = V6(&datagram);
        let dst = ip.dst();
        if dst.is_multicast() {
            // The NIC's multicast filter passes only the groups this interface joined.
            if !v6.groups.contains(&dst) {
                ctx.drop_frame(self.dev, port, DropReason::NotMyGroup, frame);
                return;
            }
            return self.ip6_local_deliver(ctx, iface, &datagram);
        }
        if self.is_local6(dst) {
            return self.ip6_local_deliver(ctx, iface, &datagram);
        }
        if v6.addrs.iter().any(|a| a.net.addr() == dst) {
            // A tentative address receives nothing but DAD's messages (RFC 4862 5.4).
            if ip.next() == frames6::NEXT_ICMPV6 {
                return self.ip6_local_deliver(ctx, iface, &datagram);
            }
            ctx.drop_frame(self.dev, port, DropReason::NotForwarding, frame);
            return;
        }
        if !self.forward {
            ctx.drop_frame(self.dev, port, DropReason::NotForwarding, frame);
            return;
        }
        self.ip6_forward(ctx, iface, datagram, frame);
    }

    /// `ip6_forward`: a route first (none: destination unreachable, no
    /// route), then the hop limit (≤ 1: time exceeded), then the packet size
    /// against the outgoing MTU (too big: packet too big, never fragmented by
    /// a router), then hop limit − 1 and out to the next hop. Packets from a
    /// link-local source never leave their link (beyond scope, RFC 4291 2.5.6).
    fn ip6_forward(&mut self, ctx: &mut Ctx, in_iface: u32, mut datagram: Vec<u8>, frame: Frame) {
        let port = self.ifaces[in_iface as usize].port;
        let (src, dst, hops) = {
            let ip = V6(&datagram);
            (ip.src(), ip.dst(), ip.hop_limit())
        };
        if is_link_local(dst) {
            ctx.drop_frame(self.dev, port, DropReason::NotForwarding, frame);
            return;
        }
        let Some(hop) = self.route6_output(ctx, dst, true) else {
            ctx.drop_frame(self.dev, port, DropReason::NoRoute, frame);
            self.icmp6_send(ctx, &datagram, frames6::icmp6::DST_UNREACH, 0, 0);
            return;
        };
        if hops <= 1 {
            ctx.drop_frame(self.dev, port, DropReason::TtlExpired, frame);
            self.icmp6_send(ctx, &datagram, frames6::icmp6::TIME_EXCEEDED, 0, 0);
            return;
        }
        if is_link_local(src) && hop.iface != in_iface {
            ctx.drop_frame(self.dev, port, DropReason::NotForwarding, frame);
            self.icmp6_send(ctx, &datagram, frames6::icmp6::DST_UNREACH, 2, 0);
            return;
        }
        if let Some(mtu) = self.forward_too_big6(ctx, hop.iface, &datagram) {
            // RFC 4443 3.2: type 2, code 0, the next link's MTU, as much of
            // the packet as fits in 1280 bytes; outside icmpv6 ratemask.
            ctx.drop_frame(self.dev, port, DropReason::TooBig, frame);
            self.icmp6_send(ctx, &datagram, frames6::icmp6::PACKET_TOO_BIG, 0, mtu);
            return;
        }
        frames6::decrease_hop_limit(&mut datagram);
        self.neigh6_output(ctx, hop, datagram);
    }

    /// Sends a datagram this device built (its source already chosen);
    /// false when there is no route.
    pub(crate) fn ip6_local_out(&mut self, ctx: &mut Ctx, datagram: Vec<u8>) -> bool {
        self.ip6_local_out_via(ctx, datagram, None)
    }

    /// The same through interface `oif` only, when given.
    pub(crate) fn ip6_local_out_via(&mut self, ctx: &mut Ctx, datagram: Vec<u8>, oif: Option<u32>) -> bool {
        let dst = V6(&datagram).dst();
        if self.is_local6(dst) {
            // Loopback: never on the wire.
            self.ip6_local_deliver(ctx, u32::MAX, &datagram);
            return true;
        }
        match self.route6_output_via(ctx, dst, false, oif) {
            Some(hop) => {
                self.local_output6(ctx, hop, datagram);
                true
            }
            None => false,
        }
    }

    /// A datagram for this device (or a group it joined): ICMPv6 is the one
    /// upper layer this lab's IPv6 speaks. A hop-by-hop header (MLD's
    /// router alert) is stepped over. `iface` is u32::MAX for loopback.
    fn ip6_local_deliver(&mut self, ctx: &mut Ctx, iface: u32, datagram: &[u8]) {
        if super::mtu::is_fragment6(datagram) {
            // ipv6_frag_rcv: wait for the other fragments, then the whole.
            if let Some(whole) = self.defrag6(ctx, datagram, IPV6_HEADER_LEN) {
                self.ip6_local_deliver(ctx, iface, &whole);
            }
            return;
        }
        let ip = V6(datagram);
        let (mut next, mut at) = (ip.next(), IPV6_HEADER_LEN);
        if next == frames6::NEXT_HOP_BY_HOP {
            match datagram.get(at..at + 2) {
                Some(h) => {
                    next = h[0];
                    at += (h[1] as usize + 1) * 8;
                }
                None => next = 255,
            }
        }
        if next != frames6::NEXT_ICMPV6 || at > datagram.len() {
            let device = ctx.id(self.dev);
            ctx.record(EventKind::PacketDropped { device, reason: DropReason::Unsupported, bytes: datagram.into() });
            return;
        }
        self.icmp6_input(ctx, iface, datagram, at);
    }

    /// Records an IPv6 fact of this device.
    pub(crate) fn record6(&self, ctx: &mut Ctx, event: Ipv6Event) {
        let device = ctx.id(self.dev);
        ctx.record(EventKind::Ipv6 { device, event: Box::new(event) });
    }
}
