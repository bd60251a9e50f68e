//! ARP and the neighbour-cache glue: answering and learning from ARP
//! (`arp_process`), and carrying out what the clock-free cache in
//! `neighbor.rs` asks for (send, solicit, set a timer, give up and report
//! "host unreachable").

use super::icmp::IcmpLimit;
use super::{Hop, IpNode};
use crate::frames::{self, Arp};
use crate::mac::MacAddr;
use crate::neighbor::{NeighAction, NudState, Pending};
use crate::sim::ctx::Ctx;
use crate::sim::device::Timer;
use crate::sim::Frame;
use crate::trace::{DropReason, EventKind};
use smoltcp::wire::EthernetProtocol;
use std::net::Ipv4Addr;

impl IpNode {
    /// `arp_process`: answer requests for any of our addresses (arp_ignore 0)
    /// and learn the sender (STALE); a unicast reply confirms (REACHABLE);
    /// anything else only refreshes an entry we already have.
    pub(super) fn arp_input(
        &mut self,
        ctx: &mut Ctx,
        iface: u32,
        arp: Arp,
        to_me: bool,
        frame: Frame,
    ) {
        let now = ctx.now;
        let node = &*self;
        let port = node.ifaces[iface as usize].port;
        if arp.sender_ip.is_multicast() || arp.sender_ip.is_broadcast() {
            ctx.drop_frame(self.dev, port, DropReason::Malformed, frame);
            return;
        }
        let for_me = node.is_local(arp.target_ip);
        let mut actions = Vec::new();
        if arp.request && for_me {
            if !arp.sender_ip.is_unspecified() {
                let cache = &mut self.ifaces[iface as usize].neigh;
                cache.update(
                    arp.sender_ip,
                    arp.sender_mac,
                    NudState::Stale,
                    true,
                    now,
                    &mut actions,
                );
                self.neigh_actions(ctx, iface, actions);
            }
            let my_mac = self.ifaces[iface as usize].mac;
            let reply = Arp {
                request: false,
                sender_mac: my_mac,
                sender_ip: arp.target_ip,
                target_mac: arp.sender_mac,
                target_ip: arp.sender_ip,
            };
            let bytes: Frame = frames::arp_frame(arp.sender_mac, &reply, ctx.pad);
            ctx.send_frame(port, bytes);
            return;
        }
        if !arp.sender_ip.is_unspecified() {
            // Broadcast replies and requests do not prove reachability.
            let state = if !arp.request && to_me {
                NudState::Reachable
            } else {
                NudState::Stale
            };
            let cache = &mut self.ifaces[iface as usize].neigh;
            cache.update(
                arp.sender_ip,
                arp.sender_mac,
                state,
                false,
                now,
                &mut actions,
            );
            self.neigh_actions(ctx, iface, actions);
        }
        if arp.request {
            ctx.drop_frame(self.dev, port, DropReason::ArpNotForMe, frame);
        }
    }

    /// Carries out what the neighbour cache asked for.
    pub(crate) fn neigh_actions(&mut self, ctx: &mut Ctx, iface: u32, actions: Vec<NeighAction>) {
        if actions.is_empty() {
            // Most ARP a host hears is a broadcast request about others that
            // changes nothing (the throughput bench: 9 calls in 10).
            return;
        }
        for action in actions {
            match action {
                NeighAction::Send { mac, packet, .. } => {
                    self.send_datagram(ctx, iface, mac, &packet.datagram)
                }
                NeighAction::Solicit {
                    ip,
                    unicast,
                    queued_src,
                } => {
                    let node = &*self;
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
                    let bytes: Frame = frames::arp_frame(unicast.unwrap_or(MacAddr::BROADCAST), &arp, ctx.pad);
                    ctx.send_frame(port, bytes);
                }
                NeighAction::Timer { ip, at, gen } => {
                    ctx.timer(at, self.dev, Timer::Neigh { iface, ip, gen })
                }
                NeighAction::Changed { ip, old, new, mac } => {
                    let at = self.iface_ref(ctx, iface);
                    ctx.record(EventKind::NeighborChanged {
                        at,
                        ip,
                        mac,
                        old,
                        new,
                    });
                }
                NeighAction::Failed { packet, .. } => {
                    self.record_packet_drop(ctx, DropReason::NeighborFailed, &packet);
                    // arp_error_report → ipv4_link_failure → ICMP host unreachable to the source.
                    self.icmp_send(ctx, &packet.datagram, 3, 1, [0; 4], IcmpLimit::Xrlim);
                }
                NeighAction::QueueOverflow { packet, .. } => {
                    self.record_packet_drop(ctx, DropReason::NeighborQueueFull, &packet)
                }
            }
        }
    }

    fn record_packet_drop(&mut self, ctx: &mut Ctx, reason: DropReason, packet: &Pending) {
        let device = ctx.id(self.dev);
        ctx.record(EventKind::PacketDropped {
            device,
            reason,
            bytes: packet.datagram.as_slice().into(),
        });
    }

    pub(crate) fn neigh_timer(&mut self, ctx: &mut Ctx, iface: u32, ip: Ipv4Addr, gen: u32) {
        let now = ctx.now;
        let mut actions = Vec::new();
        self.ifaces[iface as usize]
            .neigh
            .timer(ip, gen, now, &mut actions);
        self.neigh_actions(ctx, iface, actions);
    }

    /// Frames an IP datagram to `mac` and sends it out of `iface`.
    fn send_datagram(&mut self, ctx: &mut Ctx, iface: u32, mac: MacAddr, datagram: &[u8]) {
        let f = &self.ifaces[iface as usize];
        let port = f.port;
        let bytes: Frame = frames::ethernet_frame(mac, f.mac, EthernetProtocol::Ipv4, datagram, ctx.pad);
        ctx.send_frame(port, bytes);
    }

    /// Hands a routed datagram to the neighbour layer for its next hop.
    pub(crate) fn neigh_output(&mut self, ctx: &mut Ctx, hop: Hop, datagram: Vec<u8>) {
        // POSTROUTING: MASQUERADE when `hop.iface` is a NAT's outside interface.
        let Some(datagram) = self.nat_postrouting(ctx, hop.iface, datagram) else { return };
        let now = ctx.now;
        let mut actions = Vec::new();
        let cache = &mut self.ifaces[hop.iface as usize].neigh;
        cache.output(hop.next_hop, Pending { datagram }, now, &mut actions);
        self.neigh_actions(ctx, hop.iface, actions);
    }
}
