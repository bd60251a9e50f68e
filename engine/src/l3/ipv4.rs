//! IPv4 on a host or router: the Ethernet demultiplexer (ARP or IPv4), the
//! receive checks, local delivery by protocol, forwarding (route, TTL,
//! redirect) and sending, and the kernel's IP identification counters.

use super::icmp::IcmpLimit;
use super::IpNode;
use crate::frames;
use crate::mac::MacAddr;
use crate::sim::ctx::Ctx;
use crate::sim::Frame;
use crate::trace::{DropReason, EventKind};
use crate::wire;
use smoltcp::wire::{EthernetFrame, EthernetProtocol, IpProtocol, Ipv4Packet};
use std::net::Ipv4Addr;

/// Kernel tick length: Debian's CONFIG_HZ=250. IP IDs advance with it.
pub(super) const JIFFY_NS: u64 = 4_000_000;

/// The kernel's per-destination IP ID generator state (`ip_idents_reserve`).
pub(crate) struct IdentBucket {
    next: u16,
    last_jiffy: u64,
}

/// A view of a datagram the stack built or already checked (`ip_input`):
/// its header is whole, so no accessor can panic.
pub(super) fn view(datagram: &[u8]) -> Ipv4Packet<&[u8]> {
    Ipv4Packet::new_unchecked(datagram)
}

impl IpNode {
    /// The next IP identification for a datagram Linux builds itself
    /// (`__ip_select_ident`): a counter per (src, dst, protocol) that starts
    /// at random and jumps ahead by a random amount below the number of
    /// jiffies since it was last used.
    pub(crate) fn next_ident(
        &mut self,
        ctx: &mut Ctx,
        src: Ipv4Addr,
        dst: Ipv4Addr,
        proto: u8,
    ) -> u16 {
        let jiffy = ctx.now.as_nanos() / JIFFY_NS;
        let rng = &mut ctx.rng;
        let node = self;
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

    /// A frame reached interface `iface` of an IP device.
    pub(crate) fn ip_frame_input(&mut self, ctx: &mut Ctx, iface: u32, frame: Frame) {
        let port = self.ifaces[iface as usize].port;
        let Ok(eth) = EthernetFrame::new_checked(&frame[..]) else {
            ctx.drop_frame(self.dev, port, DropReason::Malformed, frame);
            return;
        };
        let dst = MacAddr(eth.dst_addr().0);
        let my_mac = self.ifaces[iface as usize].mac;
        if dst != my_mac && !dst.is_multicast() {
            ctx.drop_frame(self.dev, port, DropReason::NotForMyMac, frame);
            return;
        }
        match eth.ethertype() {
            EthernetProtocol::Arp => match frames::parse_arp(eth.payload()) {
                Some(arp) => self.arp_input(ctx, iface, arp, dst == my_mac, frame),
                None => ctx.drop_frame(self.dev, port, DropReason::Malformed, frame),
            },
            EthernetProtocol::Ipv4 => self.ip_input(ctx, iface, frame),
            EthernetProtocol::Ipv6 => self.ip6_frame_input(ctx, iface, frame),
            _ => ctx.drop_frame(self.dev, port, DropReason::Unsupported, frame),
        }
    }

    /// Sends a datagram this device built (its source already chosen).
    /// Returns false when there is no route.
    pub(crate) fn ip_local_out(&mut self, ctx: &mut Ctx, datagram: Vec<u8>) -> bool {
        self.ip_local_out_via(ctx, datagram, None)
    }

    /// [`ip_local_out`](Self::ip_local_out) from a socket bound to interface
    /// `oif` (`ping -I eth1`), when given.
    pub(crate) fn ip_local_out_via(&mut self, ctx: &mut Ctx, datagram: Vec<u8>, oif: Option<u32>) -> bool {
        let dst = view(&datagram).dst_addr();
        if self.is_local(dst) {
            // Loopback: never on the wire.
            self.local_deliver(ctx, &datagram);
            return true;
        }
        match self.route_output_via(ctx, dst, false, oif) {
            Some(hop) => {
                self.local_output4(ctx, hop, datagram);
                true
            }
            None => false,
        }
    }

    /// An IPv4 frame arrived: deliver it locally, forward it, or drop it.
    fn ip_input(&mut self, ctx: &mut Ctx, iface: u32, frame: Frame) {
        let port = self.ifaces[iface as usize].port;
        // RFC 1122 3.2.1: version 4, a header of 5 words (this stack sends
        // no options and drops packets with them), a total length that fits the
        // frame (Ethernet padding follows it), a correct header checksum.
        let payload = EthernetFrame::new_unchecked(&frame[..]).payload();
        let total = match Ipv4Packet::new_checked(payload) {
            Ok(ip)
                if ip.version() == 4
                    && ip.header_len() as usize == frames::IPV4_HEADER_LEN
                    && wire::checksum_ok(&payload[..frames::IPV4_HEADER_LEN]) =>
            {
                ip.total_len() as usize
            }
            _ => {
                ctx.drop_frame(self.dev, port, DropReason::Malformed, frame);
                return;
            }
        };
        let datagram = payload[..total].to_vec();
        // PREROUTING: NAT on this (outside) interface translates replies back.
        let datagram = self.nat_prerouting(ctx, iface, datagram);
        let dst = view(&datagram).dst_addr();
        let is_broadcast = dst.is_broadcast()
            || dst.is_multicast()
            || self.ifaces.iter().any(|f| {
                f.addr
                    .is_some_and(|n| n.prefix_len() < 31 && n.broadcast() == dst)
            });
        // dhclient's and dnsmasq's packet sockets see ports 68 and 67 first.
        if self.dhcp_raw_input(ctx, iface, &datagram, is_broadcast) {
            return;
        }
        let node = &*self;
        if node.is_local(dst) {
            self.local_deliver(ctx, &datagram);
            return;
        }
        if is_broadcast && view(&datagram).next_header() == IpProtocol::Udp {
            // A UDP broadcast goes to the sockets listening on its port.
            self.udp_input(ctx, &datagram, true);
            return;
        }
        if is_broadcast {
            // icmp_echo_ignore_broadcasts = 1, and nothing else here listens.
            ctx.drop_frame(self.dev, port, DropReason::Unsupported, frame);
            return;
        }
        if !node.forward {
            ctx.drop_frame(self.dev, port, DropReason::NotForwarding, frame);
            return;
        }
        self.ip_forward(ctx, iface, datagram, frame, port);
    }

    /// `ip_forward`: route first (no route → net unreachable), then the TTL
    /// check (TTL ≤ 1 → time exceeded), then TTL−1, a redirect if the packet
    /// leaves by the interface it came in on towards a sender on that subnet
    /// (send_redirects 1), and out to the next hop.
    fn ip_forward(
        &mut self,
        ctx: &mut Ctx,
        in_iface: u32,
        mut datagram: Vec<u8>,
        frame: Frame,
        port: u32,
    ) {
        let (src, dst, ttl) = {
            let ip = view(&datagram);
            (ip.src_addr(), ip.dst_addr(), ip.hop_limit())
        };
        let Some(hop) = self.route_output(ctx, dst, true) else {
            ctx.drop_frame(self.dev, port, DropReason::NoRoute, frame);
            self.icmp_send(ctx, &datagram, 3, 0, [0; 4], IcmpLimit::NoRoute);
            return;
        };
        if ttl <= 1 {
            ctx.drop_frame(self.dev, port, DropReason::TtlExpired, frame);
            self.icmp_send(ctx, &datagram, 11, 0, [0; 4], IcmpLimit::Xrlim);
            return;
        }
        // ip_exceeds_mtu: larger than the outgoing link and DF set →
        // fragmentation needed, the next-hop MTU in the low 16 bits (RFC 1191),
        // never rate-limited (icmpv4_mask_allow: "Don't limit PMTU discovery").
        if self.forward_too_big4(ctx, hop.iface, &datagram) {
            ctx.drop_frame(self.dev, port, DropReason::FragNeeded, frame);
            let mtu = (self.ifaces[hop.iface as usize].mtu as u16).to_be_bytes();
            self.icmp_send(ctx, &datagram, 3, 4, [0, 0, mtu[0], mtu[1]], IcmpLimit::None);
            return;
        }
        frames::decrease_ttl(&mut datagram);
        let subnet = self.ifaces[in_iface as usize].addr;
        // __mkroute_input: same device in and out, the sender directly
        // connected there, and the next hop on the same subnet.
        let redirect = hop.iface == in_iface
            && subnet.is_some_and(|n| {
                n.contains(&src) && n.contains(&hop.next_hop) && hop.next_hop != src
            });
        if redirect {
            self.send_redirect(ctx, &datagram, src, hop.next_hop);
        }
        // Larger than the link without DF: ip_fragment splits it.
        let mtu = self.ifaces[hop.iface as usize].mtu as usize;
        if datagram.len() > mtu {
            return self.fragment_out4(ctx, hop, &datagram, mtu);
        }
        self.neigh_output(ctx, hop, datagram);
    }

    /// A datagram for one of this device's addresses: handed to its
    /// protocol (one line per protocol this stack speaks).
    pub(super) fn local_deliver(&mut self, ctx: &mut Ctx, datagram: &[u8]) {
        if frames::ipv4_fragment_of(datagram).is_some() {
            // ip_local_deliver → ip_defrag: wait for the other fragments.
            if let Some(whole) = self.defrag4(ctx, datagram) {
                self.local_deliver(ctx, &whole);
            }
            return;
        }
        match view(datagram).next_header() {
            IpProtocol::Icmp => self.icmp_input(ctx, datagram),
            IpProtocol::Udp => self.udp_input(ctx, datagram, false),
            IpProtocol::Tcp => self.tcp_input(ctx, datagram),
            _ => self.unsupported(ctx, datagram),
        }
    }

    /// Nothing here speaks the datagram's protocol (Linux would answer
    /// "protocol unreachable" to a real one; the lab's traffic never asks).
    pub(super) fn unsupported(&mut self, ctx: &mut Ctx, datagram: &[u8]) {
        let device = ctx.id(self.dev);
        ctx.record(EventKind::PacketDropped {
            device,
            reason: DropReason::Unsupported,
            bytes: datagram.into(),
        });
    }
}
