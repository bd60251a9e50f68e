//! Layer 3: the IPv4 stack of hosts and routers, following Linux's defaults
//! (ip_forward 0 on hosts and 1 on routers, rp_filter 0, arp_ignore 0,
//! arp_announce 0, arp_accept 0, icmp_errors_use_inbound_ifaddr 0,
//! icmp_ratelimit 1000 ms, icmp_ratemask 0x1818).
//!
//! One [`IpNode`] per host, server or router owns its interfaces, routes,
//! neighbour caches, ICMP limits and the commands running on it. Its methods
//! are spread over one file per decision:
//! - `route.rs`: same network or gateway, longest-prefix match, the route decision;
//! - `arp.rs`: ARP and the neighbour cache glue (resolve, queue, retry, fail);
//! - `ipv4.rs`: receive, forward (TTL, redirect), send, local delivery by protocol, IP IDs;
//! - `icmp.rs`: echo, errors to the sender, redirects, Linux's rate limits;
//! - `netfilter.rs`: NAT's PREROUTING and POSTROUTING hooks driving `nat.rs`;
//! - `config.rs`: links going down and up, `ip addr`, `ip route`, `ip neigh flush` during a run.
//!
//! A new protocol above IP (UDP) is a file under `l4/` with an
//! `impl IpNode` block and one line in `ipv4.rs`'s `local_deliver`; a
//! netfilter-like step (NAT) is a file here and one line at its hook:
//! PREROUTING in `ipv4.rs`'s `ip_input`, POSTROUTING in `arp.rs`'s
//! `neigh_output`. See docs/architecture.md.

mod addrconf;
mod arp;
mod config;
mod icmp;
mod icmpv6;
mod ipv4;
mod mtu;
pub(crate) mod ipv6;
mod ndisc;
mod radvd;
mod route6;
/// iptables MASQUERADE and conntrack, as a pure function of packets and time.
pub mod nat;
mod netfilter;
mod route;
mod vlan;

pub(crate) use addrconf::Addrconf6;
pub(crate) use route::Hop;

use crate::apps::App;
use crate::mac::MacAddr;
use crate::neighbor::{NeighParams, NeighborCache};
use crate::rng::Rng;
use crate::scenario::{Command, Device as DeviceSpec, DeviceKind};
use crate::sim::ctx::Ctx;
use crate::sim::device::{Device, Timer};
use crate::sim::Frame;
use crate::time::SimTime;
use crate::trace::{IfaceRef, Name, RouteEntry, RouteKind};
use icmp::Peer;
use ipnet::Ipv4Net;
use ipv4::IdentBucket;
use route::Route;
use crate::vec_map::VecMap;
use std::net::Ipv4Addr;

/// One network interface of a host or router.
pub(crate) struct Iface {
    pub(crate) name: Name,
    pub(crate) mac: MacAddr,
    pub(crate) addr: Option<Ipv4Net>,
    /// Global port index.
    pub(crate) port: u32,
    pub(crate) neigh: NeighborCache,
    /// IPv6 on this interface (issue 16); None where the lab leaves it off.
    pub(crate) v6: Option<Box<ipv6::Iface6>>,
    /// A VLAN subinterface (l3/vlan.rs): its parent's interface index and its VLAN id.
    pub(crate) vlan: Option<(u32, u16)>,
    /// The link MTU (`ip link set DEV mtu`): 1500 unless the lab sets it.
    pub(crate) mtu: u32,
}

/// A host's or router's IP stack and the commands running on it.
pub(crate) struct IpNode {
    /// Device index.
    pub(crate) dev: u32,
    /// ip_forward: routers forward, hosts drop packets for others.
    pub(crate) forward: bool,
    pub(crate) ifaces: Vec<Iface>,
    /// Sorted by prefix length (longest first), then metric, then scenario order.
    routes: Vec<Route>,
    idents: VecMap<(Ipv4Addr, Ipv4Addr, u8), IdentBucket>,
    peers: VecMap<Ipv4Addr, Peer>,
    /// Every command scheduled on this device, by local app index.
    pub(crate) apps: Vec<App>,
    /// The commands running now, in the order they started: they see the ICMP
    /// this device receives.
    pub(crate) running: Vec<u32>,
    /// UDP sockets (l4/udp.rs) and who owns each.
    pub(crate) udp: crate::l4::udp::UdpTable,
    pub(crate) udp_owner: VecMap<u32, crate::l4::UdpOwner>,
    /// dhclient per interface index (apps/dhcp/node.rs).
    pub(crate) dhcp_clients: VecMap<u32, crate::apps::dhcp::node::ClientSlot>,
    /// dnsmasq's DHCP side, if this device serves DHCP.
    pub(crate) dhcp_server: Option<Box<crate::apps::dhcp::node::ServerSlot>>,
    /// A DNS server on port 53 (apps/dns/node.rs).
    pub(crate) dns_server: Option<Box<crate::apps::dns::node::ServerSlot>>,
    /// /etc/resolv.conf: `nameserver` lines and `search` domains.
    pub(crate) nameservers: Vec<Ipv4Addr>,
    pub(crate) search: Vec<String>,
    /// gethostname(): the device id (dhclient sends it as option 12).
    pub(crate) hostname: String,
    /// MASQUERADE per outside interface index (l3/netfilter.rs).
    pub(crate) nat: VecMap<u32, netfilter::NatSlot>,
    /// TCP sockets (l4/tcp_node.rs).
    pub(crate) tcp: crate::l4::tcp_node::TcpSlot,
    /// An nginx-like web server (apps/http/node.rs).
    pub(crate) web_server: Option<Box<crate::apps::http::node::WebSlot>>,
    /// The IPv6 routing table (l3/route6.rs), longest prefix first.
    pub(crate) routes6: Vec<route6::Route6Row>,
    /// ICMPv6 error tokens and last time per destination (l3/icmpv6.rs).
    pub(crate) peers6: VecMap<std::net::Ipv6Addr, (i64, i64)>,
    /// The flow-label hash secret, drawn when first needed.
    pub(crate) flow_secret: Option<u32>,
    /// Path MTUs learned from "fragmentation needed" and "packet too big",
    /// fragment ids and reassembly queues (l3/mtu.rs).
    pub(crate) mtu: mtu::MtuState,
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
    /// An ICMPv6 echo reply (issue 16).
    Echo6Reply {
        from: std::net::Ipv6Addr,
        id: u16,
        seq: u16,
        hop_limit: u8,
        icmp_len: usize,
    },
    /// An ICMPv6 error; `param` is the MTU of "packet too big"; `inner` the quoted datagram.
    Error6 {
        from: std::net::Ipv6Addr,
        icmp_type: u8,
        code: u8,
        param: u32,
        inner: Vec<u8>,
    },
    /// An ICMP error about a datagram this device sent; `inner` is the quoted datagram.
    Error {
        from: Ipv4Addr,
        icmp_type: u8,
        code: u8,
        /// The header's second word: the next-hop MTU of "fragmentation needed" (RFC 1191).
        info: u32,
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

/// Longest prefix first, then lowest metric. Stable: equal prefix and metric keep
/// scenario order. One function for both callers, and a small sort rather than the
/// standard one (less wasm, issue 15; the same order: a stable sort's is unique).
fn sort_routes(routes: &mut [Route]) {
    crate::small_sort::stable_sort_by_key(routes, |r| (std::cmp::Reverse(r.net.prefix_len()), r.metric));
}

impl IpNode {
    /// Interface `iface` as its trace events hold it (its port's `PortRef`).
    pub(crate) fn iface_ref(&self, ctx: &Ctx, iface: u32) -> IfaceRef {
        IfaceRef(ctx.port_ref(self.ifaces[iface as usize].port))
    }

    pub(crate) fn build(dev: u32, spec: &DeviceSpec, ports: &[u32], rng: &mut Rng) -> IpNode {
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
                vlan: s.vlan.map(|v| (v.parent as u32, v.vid)),
                neigh: NeighborCache::new(NeighParams::linux_defaults(reachable)),
                // The NDP cache draws its own reachable time, only where IPv6
                // is on, so an IPv4 lab's random draws stay as they were.
                v6: s.ipv6.as_ref().map(|c| {
                    let reachable = SimTime(base / 2 + rng.below(base));
                    Box::new(ipv6::Iface6::new(c.address, c.ra, reachable))
                }),
                mtu: s.mtu,
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
                    linkdown: false,
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
                    linkdown: false,
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
                    linkdown: false,
                });
            }
        }
        sort_routes(&mut routes);
        let mut routes6: Vec<route6::Route6Row> = spec
            .routes6
            .iter()
            .map(|r| route6::Route6Row {
                net: r.prefix,
                via: Some(r.via),
                iface: r.iface as u32,
                proto: crate::trace::Route6Proto::Static,
                metric: r.metric,
            })
            .collect();
        route6::sort_routes6(&mut routes6);
        IpNode {
            routes6,
            peers6: VecMap::new(),
            flow_secret: None,
            mtu: Default::default(),
            dev,
            udp: crate::l4::udp::UdpTable::new(),
            udp_owner: VecMap::new(),
            dhcp_clients: VecMap::new(),
            dhcp_server: None,
            dns_server: None,
            tcp: crate::l4::tcp_node::TcpSlot::new(),
            web_server: None,
            nameservers: spec.nameservers.clone(),
            search: Vec::new(),
            hostname: {
                // sethostname() takes at most HOST_NAME_MAX (64) bytes, and
                // a DHCP option holds 255: a long device id is cut there.
                let mut h = spec.id.clone();
                while h.len() > 64 {
                    h.pop();
                }
                h
            },
            running: Vec::new(),
            nat: netfilter::slots(spec),
            forward: spec.kind == DeviceKind::Router,
            ifaces,
            routes,
            idents: VecMap::new(),
            peers: VecMap::new(),
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
                linkdown: r.linkdown,
            })
            .collect()
    }

    /// Is `ip` one of this device's addresses (on any interface)?
    pub(crate) fn is_local(&self, ip: Ipv4Addr) -> bool {
        self.ifaces
            .iter()
            .any(|f| f.addr.is_some_and(|n| n.addr() == ip))
    }

    /// dhclient-script BOUND/RENEW: `ip addr add` the leased address, which
    /// brings its connected route, and `ip route add default via ROUTER` when
    /// no default route exists yet. Records the new routing table.
    pub(crate) fn install_address(&mut self, ctx: &mut Ctx, iface: u32, net: Ipv4Net, router: Option<Ipv4Addr>) {
        if self.ifaces[iface as usize].addr == Some(net)
            && router.is_none_or(|_| self.routes.iter().any(|r| r.kind == RouteKind::Default))
        {
            return;
        }
        self.ifaces[iface as usize].addr = Some(net);
        self.add_connected(iface, net, true);
        if let Some(gw) = router.filter(|gw| net.contains(gw)) {
            if !self.routes.iter().any(|r| r.kind == RouteKind::Default) {
                self.routes.push(Route {
                    net: Ipv4Net::default(),
                    via: Some(gw),
                    iface,
                    kind: RouteKind::Default,
                    metric: 0,
                    src: None,
                    linkdown: false,
                });
            }
        }
        sort_routes(&mut self.routes);
        self.record_routes(ctx);
    }

    /// dhclient-script EXPIRE/RELEASE: the address goes, and with it every
    /// route through the interface (the kernel drops routes whose gateway is
    /// no longer reachable).
    pub(crate) fn remove_address(&mut self, ctx: &mut Ctx, iface: u32) {
        self.ifaces[iface as usize].addr = None;
        self.routes.retain(|r| r.iface != iface);
        self.record_routes(ctx);
    }

    fn record_routes(&self, ctx: &mut Ctx) {
        let device = ctx.id(self.dev);
        let routes = self.route_entries();
        ctx.record(crate::trace::EventKind::RoutesInstalled { device, routes: Box::new(routes) });
    }

    /// Adds a scheduled command; returns its local index.
    pub(crate) fn add_app(&mut self, label: Name, command: Command) -> u32 {
        self.apps.push(App::new(label, command));
        (self.apps.len() - 1) as u32
    }
}

impl Device for IpNode {
    /// A frame reached interface `iface`: ARP or IPv4 after the host's
    /// processing delay, which every frame it sends meanwhile waits out.
    fn on_frame(&mut self, ctx: &mut Ctx, iface: u32, frame: Frame) {
        ctx.tx_delay = ctx.host_delay;
        if let Some((iface, frame)) = self.vlan_demux(ctx, iface, frame) {
            self.ip_frame_input(ctx, iface, frame);
        }
        ctx.tx_delay = SimTime::ZERO;
    }

    fn on_timer(&mut self, ctx: &mut Ctx, timer: Timer) {
        match timer {
            Timer::Neigh { iface, ip, gen } => self.neigh_timer(ctx, iface, ip, gen),
            Timer::AppStart { app } => self.app_start(ctx, app),
            Timer::App { app, gen } => self.app_timer(ctx, app, gen),
            Timer::Dhcp { iface, gen } => self.dhcp_client_timer(ctx, iface, gen),
            Timer::DhcpServer { gen } => self.dhcp_server_timer(ctx, gen),
            Timer::DnsServer { gen } => self.dns_server_timer(ctx, gen),
            Timer::Nat { iface } => self.nat_timer(ctx, iface),
            Timer::Tcp { gen } => self.tcp_timer(ctx, gen),
            Timer::Neigh6 { iface, ip, gen } => self.neigh6_timer(ctx, iface, ip, gen),
            Timer::Addrconf { iface, what } => self.addrconf_timer(ctx, iface, what),
            Timer::MacAge { .. } | Timer::Stp { .. } => {}
        }
    }
}
