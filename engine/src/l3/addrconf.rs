//! IPv6 address configuration on an interface (`net/ipv6/addrconf.c`,
//! RFC 4862) and its multicast memberships (`net/ipv6/mcast.c`, RFC 3810):
//!
//! - when the interface comes up: the link-local address fe80::EUI-64
//!   (`addr_gen_mode` 0) and the lab's static address, both tentative;
//!   ff02::1 and each address's solicited-node group joined (a router also
//!   joins ff02::2 and ff05::2), and an MLDv2 report for the reportable
//!   groups 1 jiffy later and once more within `unsolicited_report_interval` (1 s);
//! - duplicate address detection: after a random delay below
//!   `rtr_solicit_delay` (1 s) one neighbour solicitation from ::
//!   (`dad_transmits` 1), then `retrans_time` (1 s) of silence makes the
//!   address usable; an answer makes it `dadfailed`;
//! - a host whose link-local address passed DAD solicits routers at once,
//!   then again after `router_solicitation_interval` (4 s, ×0.9–1.1) with
//!   RFC 7559's doubling up to `router_solicitation_max_interval` (3600 s);
//!   `router_solicitations` −1: for ever, until an advertisement comes;
//! - a router advertisement gives the default route (`proto ra`, metric
//!   1024), the on-link prefix route (metric 256) and, for an autonomous /64,
//!   an address from the prefix and the interface identifier (SLAAC),
//!   which goes through DAD in turn.

use super::ipv6::Addr6;
use super::ndisc::lladdr_option;
use super::route6::Route6Row;
use super::IpNode;
use crate::frames6;
use crate::neighbor::NudState;
use crate::scenario::ipv6::{eui64, link_local};
use crate::sim::ctx::Ctx;
use crate::sim::device::Timer;
use crate::time::SimTime;
use crate::trace::{AddrOrigin, AddrState, Ipv6Event, Route6Proto, SlaacOutcome};
use ipnet::Ipv6Net;
use std::net::Ipv6Addr;

/// `rtr_solicit_delay`: DAD's first solicitation waits a random time below this.
const RTR_SOLICIT_DELAY_JIFFIES: u64 = 250;
/// `retrans_time_ms` (1000): DAD's wait for an answer.
const DAD_WAIT: SimTime = SimTime::from_secs(1);
/// `router_solicitation_interval` and `router_solicitation_max_interval`.
const RS_INTERVAL_NS: u64 = 4_000_000_000;
const RS_MAX_INTERVAL_NS: u64 = 3_600_000_000_000;
/// `unsolicited_report_interval` for MLDv2: 1 s.
const MLD_REPORT_INTERVAL_NS: u64 = 1_000_000_000;
/// Linux's metrics: connected and RA prefix routes 256 (IP6_RT_PRIO_ADDRCONF),
/// an RA default route 1024 (IP6_RT_PRIO_USER).
const METRIC_PREFIX: u32 = 256;
const METRIC_DEFAULT: u32 = 1024;

/// Which of an interface's IPv6 timers went off.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Addrconf6 {
    /// Address `addr`'s DAD: send the solicitation (`probe` true) or finish.
    Dad { addr: u32, gen: u32, probe: bool },
    /// The next router solicitation.
    Rs { gen: u32 },
    /// radvd's next advertisement.
    Ra { gen: u32 },
    /// MLD's state-change report: the first 1 jiffy after joining
    /// (`mld_ifc_start_work(idev, 1)`), then `again` once more (robustness 2).
    Mld { again: bool },
    /// The earliest default router's lifetime may have run out (generation `gen`).
    RouterExpiry { gen: u32 },
}

/// `rfc3315_s14_backoff_init`: `irt` × 0.9–1.1.
fn backoff_init(ctx: &mut Ctx, irt: u64) -> u64 {
    irt / 1_000_000 * (900_000 + ctx.rng.below(200_001))
}

/// `rfc3315_s14_backoff_update`: `rt` × 1.9–2.1, at most `mrt` × 0.9–1.1.
fn backoff_update(ctx: &mut Ctx, rt: u64, mrt: u64) -> u64 {
    let t = rt / 1_000_000 * (1_900_000 + ctx.rng.below(200_001));
    if t > mrt {
        backoff_init(ctx, mrt)
    } else {
        t
    }
}

impl IpNode {
    /// The interface came up (boot, with a cable): addresses, groups, DAD.
    pub(crate) fn addrconf_up(&mut self, ctx: &mut Ctx, iface: u32) {
        let mac = self.ifaces[iface as usize].mac;
        let router = self.forward;
        let Some(v6) = self.ifaces[iface as usize].v6.as_mut() else { return };
        let ll = Ipv6Net::new(link_local(mac), 64).expect("64 ≤ 128");
        let mut nets = vec![(ll, AddrOrigin::LinkLocal)];
        if let Some(net) = v6.configured {
            nets.push((net, AddrOrigin::Static));
        }
        v6.groups.push(frames6::ALL_NODES);
        if router {
            // dev_forward_change: ff02::2 and ff05::2 (and the unreported ff01::2).
            v6.groups.push(frames6::ALL_ROUTERS);
            v6.groups.push(frames6::SITE_ALL_ROUTERS);
        }
        let mut added = Vec::new();
        for (net, origin) in nets {
            v6.addrs.push(Addr6 { net, origin, state: AddrState::Tentative, gen: 0 });
            added.push(v6.addrs.len() as u32 - 1);
            let group = frames6::solicited_node(net.addr());
            if !v6.groups.contains(&group) {
                v6.groups.push(group);
            }
        }
        // The prefix routes come with the addresses (`addrconf_prefix_route`).
        for &a in &added {
            let net = self.ifaces[iface as usize].v6.as_ref().expect("v6").addrs[a as usize].net;
            self.add_route6(Route6Row {
                net: net.trunc(),
                via: None,
                iface,
                proto: Route6Proto::Kernel,
                metric: METRIC_PREFIX,
            });
        }
        for &a in &added {
            self.record_addr6(ctx, iface, a);
        }
        self.record_routes6(ctx);
        let jiffy = SimTime(super::ipv4::JIFFY_NS);
        ctx.timer(ctx.now + jiffy, self.dev, Timer::Addrconf { iface, what: Addrconf6::Mld { again: true } });
        for a in added {
            self.dad_start(ctx, iface, a);
        }
    }

    fn record_addr6(&self, ctx: &mut Ctx, iface: u32, addr: u32) {
        let f = &self.ifaces[iface as usize];
        let a = f.v6.as_ref().expect("v6").addrs[addr as usize];
        let interface = f.name.clone();
        self.record6(ctx, Ipv6Event::Address { interface, address: a.net, origin: a.origin, state: a.state });
    }

    /// An MLDv2 report of every reportable group (not ff02::1, RFC 3810 6),
    /// from the link-local address once it is usable, else from ::.
    fn mld_report(&mut self, ctx: &mut Ctx, iface: u32) {
        let Some(v6) = self.ifaces[iface as usize].v6.as_ref() else { return };
        let groups: Vec<Ipv6Addr> = v6.groups.iter().copied().filter(|g| *g != frames6::ALL_NODES).collect();
        if groups.is_empty() {
            return;
        }
        let src = v6.link_local().unwrap_or(Ipv6Addr::UNSPECIFIED);
        let report = frames6::mld_report(src, &groups);
        self.send6_multicast(ctx, iface, &report);
    }

    /// `addrconf_dad_kick`: the first solicitation after a random delay.
    fn dad_start(&mut self, ctx: &mut Ctx, iface: u32, addr: u32) {
        let delay = SimTime(ctx.rng.below(RTR_SOLICIT_DELAY_JIFFIES) * super::ipv4::JIFFY_NS);
        let Some(v6) = self.ifaces[iface as usize].v6.as_mut() else { return };
        v6.addr_gen = v6.addr_gen.wrapping_add(1);
        let gen = v6.addr_gen;
        v6.addrs[addr as usize].gen = gen;
        ctx.timer(ctx.now + delay, self.dev, Timer::Addrconf { iface, what: Addrconf6::Dad { addr, gen, probe: true } });
    }

    pub(crate) fn addrconf_timer(&mut self, ctx: &mut Ctx, iface: u32, what: Addrconf6) {
        match what {
            Addrconf6::Dad { addr, gen, probe } => self.dad_timer(ctx, iface, addr, gen, probe),
            Addrconf6::Rs { gen } => self.rs_timer(ctx, iface, gen, false),
            Addrconf6::Ra { gen } => self.radvd_timer(ctx, iface, gen),
            Addrconf6::RouterExpiry { gen } => {
                let now = ctx.now;
                let Some(v6) = self.ifaces[iface as usize].v6.as_mut() else { return };
                if v6.router_gen != gen {
                    return; // a newer timer stands, or the interface went down
                }
                let expired: Vec<Ipv6Addr> = v6.router_expires.iter().filter(|(_, &t)| t <= now).map(|(r, _)| *r).collect();
                v6.router_expires.retain(|_, t| *t > now);
                for router in expired {
                    let before = self.routes6.len();
                    self.routes6.retain(|r| !(r.net.prefix_len() == 0 && r.via == Some(router) && r.iface == iface && r.proto == Route6Proto::Ra));
                    if self.routes6.len() != before {
                        let interface = self.ifaces[iface as usize].name.clone();
                        self.record6(ctx, Ipv6Event::DefaultRouterExpired { interface, router });
                        self.record_routes6(ctx);
                    }
                }
                self.arm_router_expiry(ctx, iface);
            }
            Addrconf6::Mld { again } => {
                self.mld_report(ctx, iface);
                if again {
                    let wait = SimTime(ctx.rng.below(MLD_REPORT_INTERVAL_NS));
                    ctx.timer(ctx.now + wait, self.dev, Timer::Addrconf { iface, what: Addrconf6::Mld { again: false } });
                }
            }
        }
    }

    fn dad_timer(&mut self, ctx: &mut Ctx, iface: u32, addr: u32, gen: u32, probe: bool) {
        let Some(v6) = self.ifaces[iface as usize].v6.as_mut() else { return };
        let Some(a) = v6.addrs.get_mut(addr as usize) else { return };
        if a.gen != gen || a.state != AddrState::Tentative {
            return;
        }
        let target = a.net.addr();
        if probe {
            let group = frames6::solicited_node(target);
            let ns = frames6::ns(Ipv6Addr::UNSPECIFIED, group, target, None);
            ctx.timer(ctx.now + DAD_WAIT, self.dev, Timer::Addrconf { iface, what: Addrconf6::Dad { addr, gen, probe: false } });
            self.send6_multicast(ctx, iface, &ns);
            return;
        }
        a.state = AddrState::Preferred;
        let origin = a.origin;
        self.record_addr6(ctx, iface, addr);
        if origin != AddrOrigin::LinkLocal {
            return;
        }
        // addrconf_dad_completed on the link-local address.
        if self.forward {
            self.radvd_start(ctx, iface);
        } else {
            let gen = self.ifaces[iface as usize].v6.as_ref().expect("v6").gen;
            self.rs_timer(ctx, iface, gen, true);
        }
    }

    /// `ip link set DEV down` (`addrconf_ifdown`): with `keep_addr_on_down` 0
    /// every address goes, the static one too (ip-sysctl.rst: "addresses are
    /// removed"), with their routes, the groups and the neighbour cache; a
    /// later `up` makes the link-local address again and solicits routers.
    pub(crate) fn addrconf_down(&mut self, ctx: &mut Ctx, iface: u32) {
        let Some(v6) = self.ifaces[iface as usize].v6.as_mut() else { return };
        if v6.addrs.is_empty() {
            return;
        }
        v6.addrs.clear();
        v6.groups.clear();
        v6.configured = None;
        v6.neigh.flush();
        v6.rs_sent = 0;
        v6.ra_received = false;
        v6.gen = v6.gen.wrapping_add(1);
        v6.router_gen = v6.router_gen.wrapping_add(1);
        v6.router_expires.clear();
        self.routes6.retain(|r| r.iface != iface);
        let interface = self.ifaces[iface as usize].name.clone();
        self.record6(ctx, Ipv6Event::Down { interface });
        self.record_routes6(ctx);
    }

    /// Carrier lost (`neigh_carrier_down`), or `ip neigh flush`: the NDP cache
    /// empties, the addresses stay.
    pub(crate) fn flush_neigh6(&mut self, ctx: &mut Ctx, iface: u32) {
        let Some(v6) = self.ifaces[iface as usize].v6.as_mut() else { return };
        let ips = v6.neigh.flush();
        if !ips.is_empty() {
            let interface = self.ifaces[iface as usize].name.clone();
            self.record6(ctx, Ipv6Event::NeighborsFlushed { interface, ips });
        }
    }

    /// Another node has the address (`addrconf_dad_failure`): it is never used.
    pub(crate) fn dad_failed(&mut self, ctx: &mut Ctx, iface: u32, addr: u32) {
        let Some(v6) = self.ifaces[iface as usize].v6.as_mut() else { return };
        let a = &mut v6.addrs[addr as usize];
        a.state = AddrState::DadFailed;
        a.gen = 0;
        let net = a.net;
        // The prefix route of a failed static or SLAAC address goes with it.
        if a.origin == AddrOrigin::Static {
            self.routes6.retain(|r| !(r.iface == iface && r.net == net.trunc() && r.proto == Route6Proto::Kernel));
        }
        self.record_addr6(ctx, iface, addr);
    }

    /// One timer per interface, at the earliest default router's expiry;
    /// a new generation cancels the one before.
    fn arm_router_expiry(&mut self, ctx: &mut Ctx, iface: u32) {
        let Some(v6) = self.ifaces[iface as usize].v6.as_mut() else { return };
        v6.router_gen = v6.router_gen.wrapping_add(1);
        let gen = v6.router_gen;
        if let Some(at) = v6.router_expires.values().min().copied() {
            ctx.timer(at, self.dev, Timer::Addrconf { iface, what: Addrconf6::RouterExpiry { gen } });
        }
    }

    /// `ip -6 addr add|del NET dev IFACE` during a run: a new static address
    /// is tentative and runs DAD, with its prefix route; one removed takes its
    /// prefix route along (`ipv6_del_addr`). While the link is not ready (no
    /// link-local address yet) a new address waits for it, as the lab file's does.
    pub(crate) fn config_addr6(&mut self, ctx: &mut Ctx, add: bool, net: Ipv6Net, iface: u32) -> Option<String> {
        let name = self.ifaces[iface as usize].name.clone();
        let Some(v6) = self.ifaces[iface as usize].v6.as_mut() else {
            return Some(format!("Error: IPv6 is off on {name} in this lab."));
        };
        let at = v6.addrs.iter().position(|a| a.net.addr() == net.addr());
        if add {
            if at.is_some() || (v6.addrs.is_empty() && v6.configured == Some(net)) {
                return Some("RTNETLINK answers: File exists".into());
            }
            if v6.addrs.is_empty() {
                v6.configured = Some(net);
                return None;
            }
            v6.addrs.push(Addr6 { net, origin: AddrOrigin::Static, state: AddrState::Tentative, gen: 0 });
            let a = v6.addrs.len() as u32 - 1;
            let group = frames6::solicited_node(net.addr());
            let new_group = !v6.groups.contains(&group);
            if new_group {
                v6.groups.push(group);
            }
            self.record_addr6(ctx, iface, a);
            if self.add_route6(Route6Row { net: net.trunc(), via: None, iface, proto: Route6Proto::Kernel, metric: METRIC_PREFIX }) {
                self.record_routes6(ctx);
            }
            if new_group {
                self.mld_report(ctx, iface);
            }
            self.dad_start(ctx, iface, a);
            return None;
        }
        let Some(at) = at.filter(|&i| v6.addrs[i].net.prefix_len() == net.prefix_len()) else {
            if v6.addrs.is_empty() && v6.configured == Some(net) {
                v6.configured = None;
                return None;
            }
            // inet6_addr_del: EADDRNOTAVAIL.
            return Some("RTNETLINK answers: Cannot assign requested address".into());
        };
        let gone = v6.addrs.remove(at);
        let others_in_prefix = v6.addrs.iter().any(|a| a.net.trunc() == gone.net.trunc());
        // Later addresses moved down one place: a DAD still running restarts under its new place.
        let restart: Vec<u32> = (at..v6.addrs.len()).filter(|&i| v6.addrs[i].state == AddrState::Tentative).map(|i| i as u32).collect();
        self.record6(ctx, Ipv6Event::AddressRemoved { interface: name, address: gone.net });
        if !others_in_prefix {
            let before = self.routes6.len();
            self.routes6.retain(|r| !(r.iface == iface && r.net == gone.net.trunc() && r.proto == Route6Proto::Kernel));
            if self.routes6.len() != before {
                self.record_routes6(ctx);
            }
        }
        for a in restart {
            self.dad_start(ctx, iface, a);
        }
        None
    }

    /// The first solicitation (`first`: `addrconf_dad_completed` sends it
    /// even when an advertisement already came), then `addrconf_rs_timer`'s:
    /// one more unless a router answered (IF_RA_RCVD).
    fn rs_timer(&mut self, ctx: &mut Ctx, iface: u32, gen: u32, first: bool) {
        let mac = self.ifaces[iface as usize].mac;
        let Some(v6) = self.ifaces[iface as usize].v6.as_mut() else { return };
        if v6.gen != gen || (v6.ra_received && !first) {
            return;
        }
        let Some(src) = v6.link_local() else { return };
        v6.rs_sent += 1;
        let rs = frames6::rs(src, Some(mac));
        let interval = if v6.rs_sent == 1 {
            backoff_init(ctx, RS_INTERVAL_NS)
        } else {
            backoff_update(ctx, v6.rs_interval, RS_MAX_INTERVAL_NS)
        };
        v6.rs_interval = interval;
        v6.gen = v6.gen.wrapping_add(1);
        let gen = v6.gen;
        ctx.timer(ctx.now + SimTime(interval), self.dev, Timer::Addrconf { iface, what: Addrconf6::Rs { gen } });
        self.send6_multicast(ctx, iface, &rs);
    }

    /// `ndisc_router_discovery` on a host: default route, the router's MAC,
    /// then the prefix (on-link route, SLAAC address).
    pub(crate) fn addrconf_ra(&mut self, ctx: &mut Ctx, iface: u32, router: Ipv6Addr, msg: &[u8]) {
        let lifetime = u16::from_be_bytes([msg[6], msg[7]]);
        let options = &msg[16..];
        let Some(v6) = self.ifaces[iface as usize].v6.as_mut() else { return };
        v6.ra_received = true;
        v6.gen = v6.gen.wrapping_add(1);
        let mut changed = false;
        let is_this_default = |r: &Route6Row| r.net.prefix_len() == 0 && r.via == Some(router) && r.iface == iface && r.proto == Route6Proto::Ra;
        if lifetime > 0 {
            changed |= self.add_route6(Route6Row {
                net: Ipv6Net::default(),
                via: Some(router),
                iface,
                proto: Route6Proto::Ra,
                metric: METRIC_DEFAULT,
            });
            // The route expires `lifetime` seconds from now unless another
            // advertisement refreshes it (rt6_set_expires; rt6_age_exceptions /
            // fib6_age remove it): a timer per interface, its generation bumped on each refresh.
            let at = ctx.now + SimTime::from_millis(u64::from(lifetime) * 1000);
            self.ifaces[iface as usize].v6.as_mut().expect("v6").router_expires.insert(router, at);
            self.arm_router_expiry(ctx, iface);
        } else if self.routes6.iter().any(is_this_default) {
            // ndisc_router_discovery: "if (rt && lifetime == 0) ip6_del_rt(...)".
            self.routes6.retain(|r| !is_this_default(r));
            self.ifaces[iface as usize].v6.as_mut().expect("v6").router_expires.remove(&router);
            changed = true;
        }
        if let Some(mac) = lladdr_option(options, 1) {
            let now = ctx.now;
            let mut actions = Vec::new();
            if let Some(v6) = self.ifaces[iface as usize].v6.as_mut() {
                v6.neigh.update(router, mac, NudState::Stale, true, now, &mut actions);
            }
            self.neigh6_actions(ctx, iface, actions);
        }
        let prefix = prefix_option(options);
        let mut outcome = SlaacOutcome::NoPrefix;
        let mut new_addr = None;
        if let Some((net, on_link, autonomous)) = prefix {
            if on_link {
                changed |= self.add_route6(Route6Row { net, via: None, iface, proto: Route6Proto::Kernel, metric: METRIC_PREFIX });
            }
            outcome = if !autonomous {
                SlaacOutcome::NotAutonomous
            } else if net.prefix_len() != 64 {
                // addrconf_prefix_rcv: "IPv6 addrconf: prefix with wrong length".
                SlaacOutcome::WrongPrefixLength
            } else {
                let mut b = net.network().octets();
                b[8..].copy_from_slice(&eui64(self.ifaces[iface as usize].mac));
                let addr = Ipv6Addr::from(b);
                let v6 = self.ifaces[iface as usize].v6.as_mut().expect("v6");
                if v6.addrs.iter().any(|a| a.net.addr() == addr) {
                    SlaacOutcome::Refreshed
                } else {
                    v6.addrs.push(Addr6 {
                        net: Ipv6Net::new(addr, 64).expect("64"),
                        origin: AddrOrigin::Slaac,
                        state: AddrState::Tentative,
                        gen: 0,
                    });
                    new_addr = Some(v6.addrs.len() as u32 - 1);
                    SlaacOutcome::NewAddress
                }
            };
        }
        let interface = self.ifaces[iface as usize].name.clone();
        self.record6(ctx, Ipv6Event::RouterAdvert {
            interface,
            router,
            lifetime_s: lifetime,
            prefix: prefix.map(|p| p.0),
            outcome,
        });
        if changed {
            self.record_routes6(ctx);
        }
        if let Some(a) = new_addr {
            self.record_addr6(ctx, iface, a);
            // Its solicited-node group: the same as the link-local's when
            // both end in the EUI-64 identifier, so usually no new report.
            let addr = self.ifaces[iface as usize].v6.as_ref().expect("v6").addrs[a as usize].net.addr();
            let group = frames6::solicited_node(addr);
            let v6 = self.ifaces[iface as usize].v6.as_mut().expect("v6");
            if !v6.groups.contains(&group) {
                v6.groups.push(group);
                self.mld_report(ctx, iface);
            }
            self.dad_start(ctx, iface, a);
        }
    }
}

/// The first prefix information option (RFC 4861 4.6.2): prefix, L, A.
fn prefix_option(mut options: &[u8]) -> Option<(Ipv6Net, bool, bool)> {
    while options.len() >= 8 {
        let len = options[1] as usize * 8;
        if len == 0 || len > options.len() {
            return None;
        }
        if options[0] == 3 && len == 32 {
            let o = &options[..32];
            let plen = o[2].min(128);
            let addr = Ipv6Addr::from(<[u8; 16]>::try_from(&o[16..32]).expect("32 bytes"));
            let net = Ipv6Net::new(addr, plen).expect("≤ 128").trunc();
            return Some((net, o[3] & 0x80 != 0, o[3] & 0x40 != 0));
        }
        options = &options[len..];
    }
    None
}
