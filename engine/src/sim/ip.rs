//! The IPv4 stack of hosts and routers: ARP, routing, forwarding and ICMP,
//! following Linux's defaults (ip_forward 0 on hosts and 1 on routers,
//! rp_filter 0, arp_ignore 0, arp_announce 0, arp_accept 0,
//! icmp_errors_use_inbound_ifaddr 0, icmp_ratelimit 1000 ms, icmp_ratemask 0x1818).

use super::{Body, Ev, Frame, Sim};
use crate::frames::{self, Arp, Ipv4Header};
use crate::mac::MacAddr;
use crate::neighbor::{NeighAction, NeighParams, NeighborCache, NudState, Pending};
use crate::rng::Rng;
use crate::scenario::{Device, DeviceKind};
use crate::time::SimTime;
use crate::trace::{
    AndCheck, ChosenRoute, DropReason, EventKind, IcmpError, Name, RouteDecision, RouteEntry,
    RouteKind,
};
use ipnet::Ipv4Net;
use smoltcp::wire::{EthernetProtocol, IpProtocol};
use std::collections::BTreeMap;
use std::net::Ipv4Addr;

/// Kernel tick length: Debian's CONFIG_HZ=250. IP IDs advance with it.
const JIFFY_NS: u64 = 4_000_000;
/// `net.ipv4.icmp_ratelimit`: one ICMP error per second per destination…
const ICMP_RATELIMIT: i64 = 1_000_000_000;
/// …with a burst of six (`XRLIM_BURST_FACTOR`).
const XRLIM_BURST_FACTOR: i64 = 6;
/// `ip_rt_redirect_silence`, `_number`, `_load`: at most 9 redirects to a
/// source, spaced by 20 ms doubling each time, forgotten after 20.48 s of silence.
const REDIRECT_SILENCE: i64 = 20_480_000_000;
const REDIRECT_NUMBER: u32 = 9;
const REDIRECT_LOAD: i64 = 20_000_000;
/// `ip_rt_error_cost` / `ip_rt_error_burst`: the extra limit on "no route" errors.
const RT_ERROR_COST: i64 = 1_000_000_000;
const RT_ERROR_BURST: i64 = 5 * RT_ERROR_COST;

/// One network interface of a host or router.
pub(crate) struct Iface {
    pub(crate) name: Name,
    pub(crate) mac: MacAddr,
    pub(crate) addr: Option<Ipv4Net>,
    /// Global port index.
    pub(crate) port: u32,
    pub(crate) neigh: NeighborCache,
}

/// One row of the routing table.
pub(crate) struct Route {
    net: Ipv4Net,
    via: Option<Ipv4Addr>,
    iface: u32,
    kind: RouteKind,
    metric: u32,
    src: Option<Ipv4Addr>,
}

/// The kernel's per-destination IP ID generator state (`ip_idents_reserve`).
struct IdentBucket {
    next: u16,
    last_jiffy: u64,
}

/// The part of Linux's `inet_peer` the ICMP rate limits use (times in ns).
struct Peer {
    tokens: i64,
    last: i64,
    redirects: u32,
}

/// Which of Linux's limits an ICMP error passes.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum IcmpLimit {
    /// `icmpv4_xrlim_allow` only (time exceeded, host unreachable).
    Xrlim,
    /// `ip_error`'s bucket, then `icmpv4_xrlim_allow` (no route).
    NoRoute,
    /// Already decided by the redirect logic (type 5 is not in icmp_ratemask).
    None,
}

/// A host's or router's IP stack.
pub(crate) struct IpNode {
    /// ip_forward: routers forward, hosts drop packets for others.
    pub(crate) forward: bool,
    pub(crate) ifaces: Vec<Iface>,
    /// Sorted by prefix length (longest first), then metric, then scenario order.
    routes: Vec<Route>,
    idents: BTreeMap<(Ipv4Addr, Ipv4Addr, u8), IdentBucket>,
    peers: BTreeMap<Ipv4Addr, Peer>,
    /// Commands running on this device, which see the ICMP it receives.
    pub(crate) apps: Vec<u32>,
}

/// Where a routed packet goes next.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Hop {
    pub(crate) iface: u32,
    pub(crate) next_hop: Ipv4Addr,
    /// The source address Linux picks for packets it originates on this route.
    pub(crate) src: Ipv4Addr,
}

/// What an application socket gets from the stack.
#[derive(Clone, Debug)]
pub(crate) enum IcmpInfo {
    EchoReply {
        from: Ipv4Addr,
        id: u16,
        seq: u16,
        ttl: u8,
        icmp_len: usize,
    },
    /// An ICMP error about a datagram this device sent; `inner` is the quoted datagram.
    Error {
        from: Ipv4Addr,
        icmp_type: u8,
        code: u8,
        inner: Vec<u8>,
    },
    /// A redirect (type 5): the router `from` says to use `gateway` instead.
    Redirect {
        from: Ipv4Addr,
        code: u8,
        gateway: Ipv4Addr,
        inner: Vec<u8>,
    },
}

fn ipv4_at(b: &[u8], offset: usize) -> Ipv4Addr {
    Ipv4Addr::new(b[offset], b[offset + 1], b[offset + 2], b[offset + 3])
}

fn mask_of(len: u8) -> Ipv4Addr {
    Ipv4Addr::from(if len == 0 { 0 } else { u32::MAX << (32 - len) })
}

impl IpNode {
    pub(crate) fn build(spec: &Device, ports: &[u32], rng: &mut Rng) -> IpNode {
        let mut ifaces = Vec::new();
        for (i, s) in spec.interfaces.iter().enumerate() {
            // neigh_rand_reach_time: uniform in [base/2, 3·base/2).
            let base = 30_000_000_000u64;
            let reachable = SimTime(base / 2 + rng.below(base));
            ifaces.push(Iface {
                name: s.name.as_str().into(),
                mac: s.mac,
                addr: s.address,
                port: ports[i],
                neigh: NeighborCache::new(NeighParams::linux_defaults(reachable)),
            });
        }
        let mut routes = Vec::new();
        for (i, iface) in ifaces.iter().enumerate() {
            if let Some(net) = iface.addr {
                routes.push(Route {
                    net: net.trunc(),
                    via: None,
                    iface: i as u32,
                    kind: RouteKind::Connected,
                    metric: 0,
                    src: Some(net.addr()),
                });
            }
        }
        let on_link = |gw: Ipv4Addr| {
            ifaces
                .iter()
                .position(|f| f.addr.is_some_and(|n| n.contains(&gw)))
        };
        for r in &spec.routes {
            if let Some(i) = on_link(r.via) {
                let kind = if r.prefix.prefix_len() == 0 {
                    RouteKind::Default
                } else {
                    RouteKind::Static
                };
                routes.push(Route {
                    net: r.prefix,
                    via: Some(r.via),
                    iface: i as u32,
                    kind,
                    metric: r.metric,
                    src: None,
                });
            }
        }
        if let Some(gw) = spec.gateway {
            if let Some(i) = on_link(gw) {
                routes.push(Route {
                    net: Ipv4Net::default(),
                    via: Some(gw),
                    iface: i as u32,
                    kind: RouteKind::Default,
                    metric: 0,
                    src: None,
                });
            }
        }
        // Stable sort: equal prefix and metric keep scenario order.
        routes.sort_by_key(|r| (std::cmp::Reverse(r.net.prefix_len()), r.metric));
        IpNode {
            forward: spec.kind == DeviceKind::Router,
            ifaces,
            routes,
            idents: BTreeMap::new(),
            peers: BTreeMap::new(),
            apps: Vec::new(),
        }
    }

    pub(crate) fn route_entries(&self) -> Vec<RouteEntry> {
        self.routes
            .iter()
            .map(|r| RouteEntry {
                prefix: r.net,
                via: r.via,
                interface: self.ifaces[r.iface as usize].name.clone(),
                kind: r.kind,
                metric: r.metric,
                src: r.src,
            })
            .collect()
    }

    /// Is `ip` one of this device's addresses (on any interface)?
    pub(crate) fn is_local(&self, ip: Ipv4Addr) -> bool {
        self.ifaces
            .iter()
            .any(|f| f.addr.is_some_and(|n| n.addr() == ip))
    }

    /// Longest-prefix match: O(R) in the number of routes (R is small: a
    /// route per interface plus static routes). Returns the winner and how
    /// many routes matched.
    fn lookup(&self, dst: Ipv4Addr) -> (Option<&Route>, u32) {
        let mut best = None;
        let mut count = 0;
        for r in &self.routes {
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
}

impl Sim {
    pub(super) fn node(&self, dev: u32) -> &IpNode {
        match &self.devices[dev as usize].body {
            Body::Ip(n) => n,
            _ => unreachable!("device {dev} has an IP stack"),
        }
    }

    pub(super) fn node_mut(&mut self, dev: u32) -> &mut IpNode {
        match &mut self.devices[dev as usize].body {
            Body::Ip(n) => n,
            _ => unreachable!("device {dev} has an IP stack"),
        }
    }

    /// The next IP identification for a datagram Linux builds itself
    /// (`__ip_select_ident`): a counter per (src, dst, protocol) that starts
    /// at random and jumps ahead by a random amount below the number of
    /// jiffies since it was last used.
    pub(super) fn next_ident(&mut self, dev: u32, src: Ipv4Addr, dst: Ipv4Addr, proto: u8) -> u16 {
        let jiffy = self.now.as_nanos() / JIFFY_NS;
        let rng = &mut self.rng;
        let node = match &mut self.devices[dev as usize].body {
            Body::Ip(n) => n,
            _ => unreachable!(),
        };
        match node.idents.get_mut(&(src, dst, proto)) {
            Some(b) => {
                let delta = if b.last_jiffy != jiffy {
                    rng.below(jiffy - b.last_jiffy) as u16
                } else {
                    0
                };
                let id = b.next.wrapping_add(delta);
                b.next = id.wrapping_add(1);
                b.last_jiffy = jiffy;
                id
            }
            None => {
                let id = rng.next_u16();
                node.idents.insert(
                    (src, dst, proto),
                    IdentBucket {
                        next: id.wrapping_add(1),
                        last_jiffy: jiffy,
                    },
                );
                id
            }
        }
    }

    /// The hop a packet to `dst` would take, without recording anything
    /// (a program's `connect()` asking for its source address).
    pub(super) fn route_probe(&self, dev: u32, dst: Ipv4Addr) -> Option<Hop> {
        let node = self.node(dev);
        node.lookup(dst).0.map(|route| node.hop(route, dst))
    }

    /// Routes a packet and records the decision. `forwarding` is true for a
    /// router passing on someone else's packet.
    pub(super) fn route_output(
        &mut self,
        dev: u32,
        dst: Ipv4Addr,
        forwarding: bool,
    ) -> Option<Hop> {
        let node = self.node(dev);
        let (route, matching) = node.lookup(dst);
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
        let device = self.devices[dev as usize].id.clone();
        self.record(EventKind::Route {
            device,
            decision: Box::new(decision),
        });
        hop
    }

    /// A frame reached interface `iface` of an IP device.
    pub(super) fn ip_frame_input(&mut self, dev: u32, iface: u32, frame: Frame) {
        let port = self.node(dev).ifaces[iface as usize].port;
        if frame.len() < frames::ETH_HEADER_LEN {
            self.drop_frame(dev, Some(port), DropReason::Malformed, frame);
            return;
        }
        let dst = MacAddr([frame[0], frame[1], frame[2], frame[3], frame[4], frame[5]]);
        let my_mac = self.node(dev).ifaces[iface as usize].mac;
        if dst != my_mac && !dst.is_multicast() {
            self.drop_frame(dev, Some(port), DropReason::NotForMyMac, frame);
            return;
        }
        let ethertype = u16::from_be_bytes([frame[12], frame[13]]);
        match EthernetProtocol::from(ethertype) {
            EthernetProtocol::Arp => match frames::parse_arp(&frame[frames::ETH_HEADER_LEN..]) {
                Some(arp) => self.arp_input(dev, iface, arp, dst == my_mac, frame),
                None => self.drop_frame(dev, Some(port), DropReason::Malformed, frame),
            },
            EthernetProtocol::Ipv4 => self.ip_input(dev, iface, frame),
            _ => self.drop_frame(dev, Some(port), DropReason::Unsupported, frame),
        }
    }

    /// `arp_process`: answer requests for any of our addresses (arp_ignore 0)
    /// and learn the sender (STALE); a unicast reply confirms (REACHABLE);
    /// anything else only refreshes an entry we already have.
    fn arp_input(&mut self, dev: u32, iface: u32, arp: Arp, to_me: bool, frame: Frame) {
        let now = self.now;
        let node = self.node(dev);
        let port = node.ifaces[iface as usize].port;
        if arp.sender_ip.is_multicast() || arp.sender_ip.is_broadcast() {
            self.drop_frame(dev, Some(port), DropReason::Malformed, frame);
            return;
        }
        let for_me = node.is_local(arp.target_ip);
        let mut actions = Vec::new();
        if arp.request && for_me {
            if !arp.sender_ip.is_unspecified() {
                let cache = &mut self.node_mut(dev).ifaces[iface as usize].neigh;
                cache.update(
                    arp.sender_ip,
                    arp.sender_mac,
                    NudState::Stale,
                    true,
                    now,
                    &mut actions,
                );
                self.neigh_actions(dev, iface, actions);
            }
            let my_mac = self.node(dev).ifaces[iface as usize].mac;
            let reply = Arp {
                request: false,
                sender_mac: my_mac,
                sender_ip: arp.target_ip,
                target_mac: arp.sender_mac,
                target_ip: arp.sender_ip,
            };
            let bytes: Frame = frames::arp_frame(arp.sender_mac, &reply, self.pad).into();
            self.send_frame(port, bytes);
            return;
        }
        if !arp.sender_ip.is_unspecified() {
            // Broadcast replies and requests do not prove reachability.
            let state = if !arp.request && to_me {
                NudState::Reachable
            } else {
                NudState::Stale
            };
            let cache = &mut self.node_mut(dev).ifaces[iface as usize].neigh;
            cache.update(
                arp.sender_ip,
                arp.sender_mac,
                state,
                false,
                now,
                &mut actions,
            );
            self.neigh_actions(dev, iface, actions);
        }
        if arp.request {
            self.drop_frame(dev, Some(port), DropReason::ArpNotForMe, frame);
        }
    }

    /// Carries out what the neighbour cache asked for.
    pub(super) fn neigh_actions(&mut self, dev: u32, iface: u32, actions: Vec<NeighAction>) {
        for action in actions {
            match action {
                NeighAction::Send { mac, packet, .. } => {
                    self.send_datagram(dev, iface, mac, &packet.datagram)
                }
                NeighAction::Solicit {
                    ip,
                    unicast,
                    queued_src,
                } => {
                    let node = self.node(dev);
                    let f = &node.ifaces[iface as usize];
                    // arp_announce 0: the queued packet's source if it is ours, else this interface's address.
                    let sender_ip = queued_src
                        .filter(|s| node.is_local(*s))
                        .or_else(|| f.addr.map(|n| n.addr()))
                        .unwrap_or(Ipv4Addr::UNSPECIFIED);
                    let arp = Arp {
                        request: true,
                        sender_mac: f.mac,
                        sender_ip,
                        target_mac: MacAddr::ZERO,
                        target_ip: ip,
                    };
                    let port = f.port;
                    let bytes: Frame =
                        frames::arp_frame(unicast.unwrap_or(MacAddr::BROADCAST), &arp, self.pad)
                            .into();
                    self.send_frame(port, bytes);
                }
                NeighAction::Timer { ip, at, gen } => self.schedule(
                    at,
                    Ev::NeighTimer {
                        dev,
                        iface,
                        ip,
                        gen,
                    },
                ),
                NeighAction::Changed { ip, old, new, mac } => {
                    let device = self.devices[dev as usize].id.clone();
                    let interface = self.node(dev).ifaces[iface as usize].name.clone();
                    self.record(EventKind::NeighborChanged {
                        device,
                        interface,
                        ip,
                        mac,
                        old,
                        new,
                    });
                }
                NeighAction::Failed { packet, .. } => {
                    self.record_packet_drop(dev, DropReason::NeighborFailed, &packet);
                    // arp_error_report → ipv4_link_failure → ICMP host unreachable to the source.
                    self.icmp_send(dev, &packet.datagram, 3, 1, [0; 4], IcmpLimit::Xrlim);
                }
                NeighAction::QueueOverflow { packet, .. } => {
                    self.record_packet_drop(dev, DropReason::NeighborQueueFull, &packet)
                }
            }
        }
    }

    fn record_packet_drop(&mut self, dev: u32, reason: DropReason, packet: &Pending) {
        let device = self.devices[dev as usize].id.clone();
        self.record(EventKind::PacketDropped {
            device,
            reason,
            bytes: packet.datagram.as_slice().into(),
        });
    }

    pub(super) fn neigh_timer(&mut self, dev: u32, iface: u32, ip: Ipv4Addr, gen: u32) {
        let now = self.now;
        let mut actions = Vec::new();
        self.node_mut(dev).ifaces[iface as usize]
            .neigh
            .timer(ip, gen, now, &mut actions);
        self.neigh_actions(dev, iface, actions);
    }

    /// Frames an IP datagram to `mac` and sends it out of `iface`.
    fn send_datagram(&mut self, dev: u32, iface: u32, mac: MacAddr, datagram: &[u8]) {
        let f = &self.node(dev).ifaces[iface as usize];
        let port = f.port;
        let bytes: Frame =
            frames::ethernet(mac, f.mac, EthernetProtocol::Ipv4, datagram, self.pad).into();
        self.send_frame(port, bytes);
    }

    /// Hands a routed datagram to the neighbour layer for its next hop.
    pub(super) fn neigh_output(&mut self, dev: u32, hop: Hop, datagram: Vec<u8>) {
        let now = self.now;
        let mut actions = Vec::new();
        let cache = &mut self.node_mut(dev).ifaces[hop.iface as usize].neigh;
        cache.output(hop.next_hop, Pending { datagram }, now, &mut actions);
        self.neigh_actions(dev, hop.iface, actions);
    }

    /// Sends a datagram this device built (its source already chosen).
    /// Returns false when there is no route.
    pub(super) fn ip_local_out(&mut self, dev: u32, datagram: Vec<u8>) -> bool {
        let dst = ipv4_at(&datagram, 16);
        if self.node(dev).is_local(dst) {
            // Loopback: never on the wire.
            self.local_deliver(dev, &datagram);
            return true;
        }
        match self.route_output(dev, dst, false) {
            Some(hop) => {
                self.neigh_output(dev, hop, datagram);
                true
            }
            None => false,
        }
    }

    /// An IPv4 frame arrived: deliver it locally, forward it, or drop it.
    fn ip_input(&mut self, dev: u32, iface: u32, frame: Frame) {
        let port = self.node(dev).ifaces[iface as usize].port;
        let payload = &frame[frames::ETH_HEADER_LEN..];
        let valid = payload.len() >= frames::IPV4_HEADER_LEN
            && payload[0] == 0x45
            && (u16::from_be_bytes([payload[2], payload[3]]) as usize) <= payload.len()
            && (u16::from_be_bytes([payload[2], payload[3]]) as usize) >= frames::IPV4_HEADER_LEN
            && checksum_ok(&payload[..frames::IPV4_HEADER_LEN]);
        if !valid {
            self.drop_frame(dev, Some(port), DropReason::Malformed, frame);
            return;
        }
        let total = u16::from_be_bytes([payload[2], payload[3]]) as usize;
        let datagram = payload[..total].to_vec();
        let dst = ipv4_at(&datagram, 16);
        let node = self.node(dev);
        if node.is_local(dst) {
            self.local_deliver(dev, &datagram);
            return;
        }
        let is_broadcast = dst.is_broadcast()
            || dst.is_multicast()
            || node.ifaces.iter().any(|f| {
                f.addr
                    .is_some_and(|n| n.prefix_len() < 31 && n.broadcast() == dst)
            });
        if is_broadcast {
            // icmp_echo_ignore_broadcasts = 1, and nothing else here listens.
            self.drop_frame(dev, Some(port), DropReason::Unsupported, frame);
            return;
        }
        if !node.forward {
            self.drop_frame(dev, Some(port), DropReason::NotForwarding, frame);
            return;
        }
        self.ip_forward(dev, iface, datagram, frame, port);
    }

    /// `ip_forward`: route first (no route → net unreachable), then the TTL
    /// check (TTL ≤ 1 → time exceeded), then TTL−1, a redirect if the packet
    /// leaves by the interface it came in on towards a sender on that subnet
    /// (send_redirects 1), and out to the next hop.
    fn ip_forward(
        &mut self,
        dev: u32,
        in_iface: u32,
        mut datagram: Vec<u8>,
        frame: Frame,
        port: u32,
    ) {
        let dst = ipv4_at(&datagram, 16);
        let src = ipv4_at(&datagram, 12);
        let Some(hop) = self.route_output(dev, dst, true) else {
            self.drop_frame(dev, Some(port), DropReason::NoRoute, frame);
            self.icmp_send(dev, &datagram, 3, 0, [0; 4], IcmpLimit::NoRoute);
            return;
        };
        if datagram[8] <= 1 {
            self.drop_frame(dev, Some(port), DropReason::TtlExpired, frame);
            self.icmp_send(dev, &datagram, 11, 0, [0; 4], IcmpLimit::Xrlim);
            return;
        }
        frames::decrease_ttl(&mut datagram);
        let subnet = self.node(dev).ifaces[in_iface as usize].addr;
        // __mkroute_input: same device in and out, the sender directly
        // connected there, and the next hop on the same subnet.
        let redirect = hop.iface == in_iface
            && subnet.is_some_and(|n| {
                n.contains(&src) && n.contains(&hop.next_hop) && hop.next_hop != src
            });
        if redirect {
            self.send_redirect(dev, &datagram, src, hop.next_hop);
        }
        self.neigh_output(dev, hop, datagram);
    }

    /// `ip_rt_send_redirect`: ICMP redirect (host) pointing `src` at `gateway`,
    /// quoting the packet with its TTL already lowered, paced per source.
    fn send_redirect(&mut self, dev: u32, datagram: &[u8], src: Ipv4Addr, gateway: Ipv4Addr) {
        let now = (self.now.as_nanos() / JIFFY_NS * JIFFY_NS) as i64;
        let peer = self.node_mut(dev).peers.entry(src).or_insert(Peer {
            tokens: 0,
            last: now - 60_000_000_000,
            redirects: 0,
        });
        if now > peer.last + REDIRECT_SILENCE {
            peer.tokens = 0;
            peer.redirects = 0;
        }
        let send = if peer.redirects >= REDIRECT_NUMBER {
            peer.last = now;
            false
        } else if peer.redirects == 0 || now > peer.last + (REDIRECT_LOAD << peer.redirects) {
            peer.last = now;
            peer.redirects += 1;
            true
        } else {
            false
        };
        if send {
            self.icmp_send(dev, datagram, 5, 1, gateway.octets(), IcmpLimit::None);
        } else {
            let device = self.devices[dev as usize].id.clone();
            let error = IcmpError {
                icmp_type: 5,
                code: 1,
                to: src,
                from: Ipv4Addr::UNSPECIFIED,
            };
            self.record(EventKind::IcmpErrorGenerated {
                device,
                error,
                rate_limited: true,
            });
        }
    }

    /// A datagram for one of this device's addresses.
    fn local_deliver(&mut self, dev: u32, datagram: &[u8]) {
        let ihl = ((datagram[0] & 0x0f) as usize) * 4;
        let src = ipv4_at(datagram, 12);
        let dst = ipv4_at(datagram, 16);
        let icmp = &datagram[ihl.min(datagram.len())..];
        if datagram[9] != 1 || icmp.len() < frames::ICMP_HEADER_LEN || !checksum_ok(icmp) {
            let bytes = datagram.into();
            let device = self.devices[dev as usize].id.clone();
            self.record(EventKind::PacketDropped {
                device,
                reason: DropReason::Unsupported,
                bytes,
            });
            return;
        }
        let (ty, code) = (icmp[0], icmp[1]);
        match ty {
            8 if code == 0 => {
                // icmp_echo → icmp_reply: same id, seq and data; DF clear,
                // the request's TOS, TTL 64, a fresh IP ID, from the address pinged.
                let reply = frames::icmp_echo(
                    false,
                    u16::from_be_bytes([icmp[4], icmp[5]]),
                    u16::from_be_bytes([icmp[6], icmp[7]]),
                    &icmp[8..],
                );
                let ident = self.next_ident(dev, dst, src, 1);
                let h = Ipv4Header {
                    tos: datagram[1],
                    ident,
                    dont_frag: false,
                    ttl: frames::DEFAULT_TTL,
                    protocol: IpProtocol::Icmp,
                    src: dst,
                    dst: src,
                };
                let packet = frames::ipv4_datagram(&h, &reply);
                self.ip_local_out(dev, packet);
            }
            0 => {
                let info = IcmpInfo::EchoReply {
                    from: src,
                    id: u16::from_be_bytes([icmp[4], icmp[5]]),
                    seq: u16::from_be_bytes([icmp[6], icmp[7]]),
                    ttl: datagram[8],
                    icmp_len: icmp.len(),
                };
                self.deliver_to_apps(dev, info, Some(datagram));
            }
            3 | 11 | 12 => {
                let info = IcmpInfo::Error {
                    from: src,
                    icmp_type: ty,
                    code,
                    inner: icmp[8..].to_vec(),
                };
                self.deliver_to_apps(dev, info, Some(datagram));
            }
            5 => {
                // Routers ignore redirects (accept_redirects is off when
                // forwarding); hosts accept one only towards a gateway of
                // their default routes (secure_redirects 1), which a single
                // default gateway never is, so routes stay as they are. A
                // raw socket (ping) still gets a copy and prints it.
                let device = self.devices[dev as usize].id.clone();
                self.record(EventKind::PacketDropped {
                    device,
                    reason: DropReason::RedirectIgnored,
                    bytes: datagram.into(),
                });
                let info = IcmpInfo::Redirect {
                    from: src,
                    code,
                    gateway: ipv4_at(icmp, 4),
                    inner: icmp[8..].to_vec(),
                };
                self.deliver_to_apps(dev, info, None);
            }
            _ => {
                let device = self.devices[dev as usize].id.clone();
                self.record(EventKind::PacketDropped {
                    device,
                    reason: DropReason::Unsupported,
                    bytes: datagram.into(),
                });
            }
        }
    }

    /// Offers an ICMP message to every command running on `dev`; if none takes
    /// it and `datagram` is given, records that nobody was listening.
    fn deliver_to_apps(&mut self, dev: u32, info: IcmpInfo, datagram: Option<&[u8]>) {
        let apps = self.node(dev).apps.clone();
        let mut taken = false;
        for app in apps {
            taken |= self.app_icmp(app, &info);
        }
        if let (false, Some(datagram)) = (taken, datagram) {
            let device = self.devices[dev as usize].id.clone();
            self.record(EventKind::PacketDropped {
                device,
                reason: DropReason::NoListener,
                bytes: datagram.into(),
            });
        }
    }

    /// `icmp_send`: an ICMP error about `offending` (as it arrived) back to its
    /// source, from the address of the interface the error leaves by, with
    /// TOS 0xc0, TTL 64, DF clear, quoting up to 576 bytes in all.
    pub(super) fn icmp_send(
        &mut self,
        dev: u32,
        offending: &[u8],
        icmp_type: u8,
        code: u8,
        rest: [u8; 4],
        limit: IcmpLimit,
    ) {
        if offending.len() < frames::IPV4_HEADER_LEN {
            return;
        }
        let src = ipv4_at(offending, 12);
        let frag_offset = u16::from_be_bytes([offending[6], offending[7]]) & 0x1fff;
        if src.is_unspecified() || src.is_broadcast() || src.is_multicast() || frag_offset != 0 {
            return;
        }
        let ihl = ((offending[0] & 0x0f) as usize) * 4;
        if offending[9] == 1 {
            // Never an error about an ICMP error.
            match offending.get(ihl) {
                Some(3 | 4 | 5 | 11 | 12) | None => return,
                Some(t) if *t > 18 => return,
                _ => {}
            }
        }
        let tos = (offending[1] & 0x1e) | frames::TOS_INTERNETWORK_CONTROL;
        let device = self.devices[dev as usize].id.clone();
        if self.node(dev).is_local(src) {
            // About our own packet: delivered through loopback, never rate-limited.
            let error = IcmpError {
                icmp_type,
                code,
                to: src,
                from: src,
            };
            self.record(EventKind::IcmpErrorGenerated {
                device,
                error,
                rate_limited: false,
            });
            let icmp = frames::icmp_error(icmp_type, code, rest, offending);
            let info = IcmpInfo::Error {
                from: src,
                icmp_type,
                code,
                inner: icmp[8..].to_vec(),
            };
            self.deliver_to_apps(dev, info, None);
            return;
        }
        let Some(hop) = self.route_output(dev, src, false) else {
            return;
        };
        let allowed =
            limit == IcmpLimit::None || self.icmp_rate_allow(dev, src, limit == IcmpLimit::NoRoute);
        let error = IcmpError {
            icmp_type,
            code,
            to: src,
            from: hop.src,
        };
        self.record(EventKind::IcmpErrorGenerated {
            device,
            error,
            rate_limited: !allowed,
        });
        if !allowed {
            return;
        }
        let icmp = frames::icmp_error(icmp_type, code, rest, offending);
        let ident = self.next_ident(dev, hop.src, src, 1);
        let h = Ipv4Header {
            tos,
            ident,
            dont_frag: false,
            ttl: frames::DEFAULT_TTL,
            protocol: IpProtocol::Icmp,
            src: hop.src,
            dst: src,
        };
        let packet = frames::ipv4_datagram(&h, &icmp);
        self.neigh_output(dev, hop, packet);
    }

    /// Linux's per-destination limits on ICMP errors (types 3 and 11 are in
    /// icmp_ratemask). Both `ip_error` and `inet_peer_xrlim_allow` spend the
    /// same `inet_peer` tokens; a new peer starts as if last seen 60 s ago.
    /// Time is counted in whole jiffies, as the kernel does.
    fn icmp_rate_allow(&mut self, dev: u32, to: Ipv4Addr, no_route: bool) -> bool {
        let now = (self.now.as_nanos() / JIFFY_NS * JIFFY_NS) as i64;
        let peer = self.node_mut(dev).peers.entry(to).or_insert(Peer {
            tokens: 0,
            last: now - 60_000_000_000,
            redirects: 0,
        });
        if no_route {
            peer.tokens = (peer.tokens + now - peer.last).min(RT_ERROR_BURST);
            peer.last = now;
            if peer.tokens >= RT_ERROR_COST {
                peer.tokens -= RT_ERROR_COST;
            } else {
                return false;
            }
        }
        let mut token = (peer.tokens + now - peer.last).min(XRLIM_BURST_FACTOR * ICMP_RATELIMIT);
        peer.last = now;
        let allowed = token >= ICMP_RATELIMIT;
        if allowed {
            token -= ICMP_RATELIMIT;
        }
        peer.tokens = token;
        allowed
    }
}

/// The Internet checksum over `data` verifies (sums to 0xffff).
fn checksum_ok(data: &[u8]) -> bool {
    let mut sum = 0u32;
    let mut chunks = data.chunks_exact(2);
    for c in &mut chunks {
        sum += u32::from(u16::from_be_bytes([c[0], c[1]]));
    }
    if let [last] = chunks.remainder() {
        sum += u32::from(*last) << 8;
    }
    while sum > 0xffff {
        sum = (sum & 0xffff) + (sum >> 16);
    }
    sum == 0xffff
}
