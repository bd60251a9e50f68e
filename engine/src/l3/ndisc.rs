//! Neighbour discovery (RFC 4861, `net/ipv6/ndisc.c`): neighbour
//! solicitations and advertisements, and the glue that carries out what the
//! shared NUD machine in `neighbor.rs` asks for (solicit to the target's
//! solicited-node group, probe unicast, give up with "address unreachable").
//! Router solicitations and advertisements arrive here too and go on to
//! `addrconf.rs` (a host) or `radvd.rs` (a router).

use super::ipv6::{is_link_local, V6};
use super::route6::Hop6;
use super::IpNode;
use crate::frames6::{self, icmp6};
use crate::mac::MacAddr;
use crate::neighbor::{NeighAction, NudState, Pending};
use crate::sim::ctx::Ctx;
use crate::sim::device::Timer;
use crate::sim::Frame;
use crate::trace::{AddrState, DropReason, EventKind, Ipv6Event};
use smoltcp::wire::EthernetProtocol;
use std::net::Ipv6Addr;

/// The link-layer address option of type `ty` (1 source, 2 target) among `options`.
pub(crate) fn lladdr_option(mut options: &[u8], ty: u8) -> Option<MacAddr> {
    while options.len() >= 8 {
        let len = options[1] as usize * 8;
        if len == 0 || len > options.len() {
            return None;
        }
        if options[0] == ty && len == 8 {
            let m = &options[2..8];
            return Some(MacAddr([m[0], m[1], m[2], m[3], m[4], m[5]]));
        }
        options = &options[len..];
    }
    None
}

impl IpNode {
    /// Frames an IPv6 datagram to `mac` out of `iface`.
    pub(crate) fn send6(&mut self, ctx: &mut Ctx, iface: u32, mac: MacAddr, datagram: &[u8]) {
        let f = &self.ifaces[iface as usize];
        let port = f.port;
        let bytes: Frame = crate::frames::ethernet_frame(mac, f.mac, EthernetProtocol::Ipv6, datagram, ctx.pad);
        ctx.send_frame(port, bytes);
    }

    /// Sends a datagram to a multicast group (its MAC is 33:33 + the group's low 32 bits).
    pub(crate) fn send6_multicast(&mut self, ctx: &mut Ctx, iface: u32, datagram: &[u8]) {
        let group = V6(datagram).dst();
        self.send6(ctx, iface, frames6::multicast_mac(group), datagram);
    }

    /// Hands a routed datagram to the neighbour cache of its next hop.
    pub(crate) fn neigh6_output(&mut self, ctx: &mut Ctx, hop: Hop6, datagram: Vec<u8>) {
        let now = ctx.now;
        let mut actions = Vec::new();
        let Some(v6) = self.ifaces[hop.iface as usize].v6.as_mut() else { return };
        v6.neigh.output(hop.next_hop, Pending { datagram }, now, &mut actions);
        self.neigh6_actions(ctx, hop.iface, actions);
    }

    pub(crate) fn neigh6_timer(&mut self, ctx: &mut Ctx, iface: u32, ip: Ipv6Addr, gen: u32) {
        let now = ctx.now;
        let mut actions = Vec::new();
        let Some(v6) = self.ifaces[iface as usize].v6.as_mut() else { return };
        v6.neigh.timer(ip, gen, now, &mut actions);
        self.neigh6_actions(ctx, iface, actions);
    }

    /// Carries out what the NDP neighbour cache asked for.
    pub(crate) fn neigh6_actions(&mut self, ctx: &mut Ctx, iface: u32, actions: Vec<NeighAction<Ipv6Addr>>) {
        for action in actions {
            match action {
                NeighAction::Send { mac, packet, .. } => self.send6(ctx, iface, mac, &packet.datagram),
                NeighAction::Solicit { ip, unicast, queued_src } => {
                    // ndisc_solicit: the queued packet's source if it is ours,
                    // else an address of this interface; to the target's
                    // solicited-node group, or unicast to the cached MAC (a NUD probe).
                    let f = &self.ifaces[iface as usize];
                    let Some(v6) = f.v6.as_ref() else { continue };
                    let src = queued_src.filter(|s| v6.owns(*s)).or_else(|| self.select_src6(iface, ip));
                    let Some(src) = src else { continue };
                    let mac = f.mac;
                    let dst = if unicast.is_some() { ip } else { frames6::solicited_node(ip) };
                    let ns = frames6::ns(src, dst, ip, Some(mac));
                    let eth_dst = unicast.unwrap_or(frames6::multicast_mac(dst));
                    self.send6(ctx, iface, eth_dst, &ns);
                }
                NeighAction::Timer { ip, at, gen } => ctx.timer(at, self.dev, Timer::Neigh6 { iface, ip, gen }),
                NeighAction::Changed { ip, old, new, mac } => {
                    let interface = self.ifaces[iface as usize].name.clone();
                    self.record6(ctx, Ipv6Event::Neighbor { interface, ip, mac, old, new });
                }
                NeighAction::Failed { packet, .. } => {
                    let device = ctx.id(self.dev);
                    ctx.record(EventKind::PacketDropped {
                        device,
                        reason: DropReason::NeighborFailed,
                        bytes: packet.datagram.as_slice().into(),
                    });
                    // ndisc_error_report → icmpv6_send(ADDR_UNREACH) to the source.
                    self.icmp6_send(ctx, &packet.datagram, icmp6::DST_UNREACH, 3, 0);
                }
                NeighAction::QueueOverflow { packet, .. } => {
                    let device = ctx.id(self.dev);
                    ctx.record(EventKind::PacketDropped {
                        device,
                        reason: DropReason::NeighborQueueFull,
                        bytes: packet.datagram.as_slice().into(),
                    });
                }
            }
        }
    }

    /// An ND message (types 133–136) reached `iface`; `msg` is the ICMPv6
    /// message. RFC 4861 7.1.1: hop limit 255 and code 0, or it is dropped.
    pub(super) fn ndisc_input(&mut self, ctx: &mut Ctx, iface: u32, datagram: &[u8], msg: &[u8]) {
        let ip = V6(datagram);
        if ip.hop_limit() != frames6::ND_HOP_LIMIT || msg[1] != 0 || iface == u32::MAX {
            return self.drop6(ctx, DropReason::Malformed, datagram);
        }
        match msg[0] {
            icmp6::NEIGHBOR_SOLICIT if msg.len() >= 24 => self.ns_input(ctx, iface, datagram, msg),
            icmp6::NEIGHBOR_ADVERT if msg.len() >= 24 => self.na_input(ctx, iface, datagram, msg),
            icmp6::ROUTER_SOLICIT if msg.len() >= 8 => self.rs_input(ctx, iface, datagram, msg),
            icmp6::ROUTER_ADVERT if msg.len() >= 16 => self.ra_input(ctx, iface, datagram, msg),
            _ => self.drop6(ctx, DropReason::Malformed, datagram),
        }
    }

    pub(crate) fn drop6(&self, ctx: &mut Ctx, reason: DropReason, datagram: &[u8]) {
        let device = ctx.id(self.dev);
        ctx.record(EventKind::PacketDropped { device, reason, bytes: datagram.into() });
    }

    /// `ndisc_recv_ns`: answer for an address of ours with an advertisement;
    /// during our own DAD, a solicitation from :: for the same address means
    /// someone else has it (RFC 4862 5.4.3).
    fn ns_input(&mut self, ctx: &mut Ctx, iface: u32, datagram: &[u8], msg: &[u8]) {
        let ip = V6(datagram);
        let (src, dst) = (ip.src(), ip.dst());
        let target = Ipv6Addr::from(<[u8; 16]>::try_from(&msg[8..24]).expect("length checked"));
        let sllao = lladdr_option(&msg[24..], 1);
        let dad = src.is_unspecified();
        let Some(v6) = self.ifaces[iface as usize].v6.as_ref() else { return };
        let Some(addr) = v6.addrs.iter().position(|a| a.net.addr() == target) else {
            return self.drop6(ctx, DropReason::NdNotForMe, datagram);
        };
        match v6.addrs[addr].state {
            AddrState::Tentative if dad => return self.dad_failed(ctx, iface, addr as u32),
            AddrState::Tentative | AddrState::DadFailed => {
                return self.drop6(ctx, DropReason::NdNotForMe, datagram)
            }
            AddrState::Preferred => {}
        }
        let my_mac = self.ifaces[iface as usize].mac;
        let router = self.forward;
        if dad {
            // Someone is testing our address: tell all nodes it is taken.
            let na = frames6::na(target, frames6::ALL_NODES, target, router, false, true, Some(my_mac));
            return self.send6_multicast(ctx, iface, &na);
        }
        // A solicitation teaches us its sender (STALE), as an ARP request does.
        if let Some(mac) = sllao {
            let now = ctx.now;
            let mut actions = Vec::new();
            if let Some(v6) = self.ifaces[iface as usize].v6.as_mut() {
                v6.neigh.update(src, mac, NudState::Stale, true, now, &mut actions);
            }
            self.neigh6_actions(ctx, iface, actions);
        }
        // ndisc_send_na(…, solicited 1, override = inc_opt = "the NS was multicast").
        let inc = dst.is_multicast();
        let na = frames6::na(target, src, target, router, true, inc, inc.then_some(my_mac));
        let mac = sllao.or_else(|| {
            self.ifaces[iface as usize].v6.as_ref().and_then(|v| v.neigh.get(src)).and_then(|e| e.mac)
        });
        match mac {
            Some(mac) => self.send6(ctx, iface, mac, &na),
            // A unicast probe without an option from an unknown sender:
            // the answer waits for resolution like any packet.
            None => self.neigh6_output(ctx, Hop6 { iface, next_hop: src, src: Some(target) }, na),
        }
    }

    /// `ndisc_recv_na`: a solicited answer confirms (REACHABLE); an
    /// unsolicited one only refreshes an entry we have (RFC 4861 7.2.5).
    /// An advertisement for an address we are testing is a DAD failure.
    fn na_input(&mut self, ctx: &mut Ctx, iface: u32, datagram: &[u8], msg: &[u8]) {
        let flags = msg[4];
        let (solicited, override_) = (flags & 0x40 != 0, flags & 0x20 != 0);
        let target = Ipv6Addr::from(<[u8; 16]>::try_from(&msg[8..24]).expect("length checked"));
        let tllao = lladdr_option(&msg[24..], 2);
        let Some(v6) = self.ifaces[iface as usize].v6.as_ref() else { return };
        if let Some(addr) = v6.addrs.iter().position(|a| a.net.addr() == target) {
            if v6.addrs[addr].state == AddrState::Tentative {
                return self.dad_failed(ctx, iface, addr as u32);
            }
            return self.drop6(ctx, DropReason::NdNotForMe, datagram);
        }
        let entry = v6.neigh.get(target);
        let Some(mac) = tllao.or(entry.and_then(|e| e.mac)) else { return };
        // Without O a different MAC does not replace a valid entry's (7.2.5).
        if !override_ && entry.is_some_and(|e| e.state.is_valid() && e.mac != Some(mac)) {
            return;
        }
        let state = if solicited { NudState::Reachable } else { NudState::Stale };
        let now = ctx.now;
        let mut actions = Vec::new();
        if let Some(v6) = self.ifaces[iface as usize].v6.as_mut() {
            v6.neigh.update(target, mac, state, false, now, &mut actions);
        }
        self.neigh6_actions(ctx, iface, actions);
    }

    /// A router solicitation: a router with radvd answers (radvd.rs);
    /// `ndisc_recv_rs` learns the sender (STALE) on a router.
    fn rs_input(&mut self, ctx: &mut Ctx, iface: u32, datagram: &[u8], msg: &[u8]) {
        if !self.forward {
            return self.drop6(ctx, DropReason::NdNotForMe, datagram);
        }
        let src = V6(datagram).src();
        if let (Some(mac), false) = (lladdr_option(&msg[8..], 1), src.is_unspecified()) {
            let now = ctx.now;
            let mut actions = Vec::new();
            if let Some(v6) = self.ifaces[iface as usize].v6.as_mut() {
                v6.neigh.update(src, mac, NudState::Stale, true, now, &mut actions);
            }
            self.neigh6_actions(ctx, iface, actions);
        }
        self.radvd_solicited(ctx, iface);
    }

    /// A router advertisement: a host (accept_ra 1, forwarding 0) configures
    /// itself from it (addrconf.rs); a router ignores other routers' advertisements.
    fn ra_input(&mut self, ctx: &mut Ctx, iface: u32, datagram: &[u8], msg: &[u8]) {
        let src = V6(datagram).src();
        if self.forward || !is_link_local(src) {
            // RFC 4861 6.1.2: the source must be link-local.
            return self.drop6(ctx, DropReason::NdNotForMe, datagram);
        }
        self.addrconf_ra(ctx, iface, src, msg);
    }
}
