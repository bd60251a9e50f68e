//! UDP on a host or router: the glue between the IPv4 stack and the pure
//! socket table in `udp.rs`. Datagrams for this host's addresses (and
//! broadcasts) are demultiplexed to the socket's owner (the DNS server or a
//! command's resolver); a closed port gets ICMP port unreachable as Linux
//! sends it (`__udp4_lib_rcv` → `icmp_send`). Ports 67 and 68 never get here:
//! dnsmasq and dhclient read them through their own packet sockets
//! (apps/dhcp/node.rs takes them in `ip_input`).

use super::udp::{Delivery, SocketId};
use super::UdpOwner;
use crate::frames::{self, Ipv4Header};
use crate::l3::IpNode;
use crate::sim::ctx::Ctx;
use crate::trace::{DropReason, EventKind};
use crate::wire;
use smoltcp::wire::{IpProtocol, Ipv4Packet, UdpPacket};
use std::net::Ipv4Addr;

/// A datagram's UDP header fields, once checked.
pub(crate) struct UdpIn<'a> {
    pub(crate) src: (Ipv4Addr, u16),
    pub(crate) dst: (Ipv4Addr, u16),
    pub(crate) payload: &'a [u8],
}

/// The UDP header of an IPv4 datagram, if whole and its checksum right
/// (a zero checksum means "none", RFC 768).
pub(crate) fn parse_udp(datagram: &[u8]) -> Option<UdpIn<'_>> {
    let ip = Ipv4Packet::new_checked(datagram).ok()?;
    if ip.next_header() != IpProtocol::Udp {
        return None;
    }
    let (src, dst) = (ip.src_addr(), ip.dst_addr());
    let hl = ip.header_len() as usize;
    let body = datagram.get(hl..ip.total_len() as usize)?;
    let udp = UdpPacket::new_checked(body).ok()?;
    let len = udp.len() as usize;
    if len < 8 || len > body.len() {
        return None;
    }
    if udp.checksum() != 0 && !wire::udp::checksum_ok(src, dst, &body[..len]) {
        return None;
    }
    Some(UdpIn {
        src: (src, udp.src_port()),
        dst: (dst, udp.dst_port()),
        payload: &body[8..len],
    })
}

impl IpNode {
    /// A UDP datagram for this host (`to_broadcast`: sent to a broadcast address).
    pub(crate) fn udp_input(&mut self, ctx: &mut Ctx, datagram: &[u8], to_broadcast: bool) {
        let Some(u) = parse_udp(datagram) else {
            return self.unsupported_udp(ctx, datagram);
        };
        let (src, dst) = (u.src, u.dst);
        let payload = u.payload.to_vec();
        match self.udp.receive(ctx.now, src, dst, to_broadcast, datagram) {
            Delivery::ToSocket(id) => match self.udp_owner.get(&id.0).copied() {
                Some(UdpOwner::DnsServer) => self.dns_server_query(ctx, src, dst.0, &payload),
                Some(UdpOwner::DnsUpstream(_)) => self.dns_server_upstream(ctx, src.0, &payload),
                Some(UdpOwner::App { app, socket }) => {
                    self.dns_app_datagram(ctx, app, socket, src.0, &payload)
                }
                None => {}
            },
            Delivery::PortUnreachable(icmp) => {
                // Quoted datagram and 0xc0 TOS as the engine's other ICMP errors.
                let ident = self.next_ident(ctx, dst.0, src.0, 1);
                let h = Ipv4Header {
                    tos: frames::TOS_INTERNETWORK_CONTROL,
                    ident,
                    dont_frag: false,
                    ttl: frames::DEFAULT_TTL,
                    protocol: IpProtocol::Icmp,
                    src: dst.0,
                    dst: src.0,
                };
                let device = ctx.id(self.dev);
                ctx.record(EventKind::PacketDropped {
                    device,
                    reason: DropReason::NoListener,
                    bytes: datagram.into(),
                });
                let packet = frames::ipv4_datagram(&h, &icmp);
                self.ip_local_out(ctx, packet);
            }
            Delivery::Dropped(_) => {
                let device = ctx.id(self.dev);
                ctx.record(EventKind::PacketDropped {
                    device,
                    reason: DropReason::NoListener,
                    bytes: datagram.into(),
                });
            }
        }
    }

    fn unsupported_udp(&mut self, ctx: &mut Ctx, datagram: &[u8]) {
        let device = ctx.id(self.dev);
        ctx.record(EventKind::PacketDropped {
            device,
            reason: DropReason::Malformed,
            bytes: datagram.into(),
        });
    }

    /// Sends `payload` from a socket the way the kernel does for an ordinary
    /// UDP socket: TOS as given, TTL 64, DF set (`IP_PMTUDISC_WANT`), IP id
    /// from the socket (`ip_select_ident_segs`). `src` 0.0.0.0 takes the
    /// route's source address. Returns false with no route.
    pub(crate) fn udp_send(
        &mut self,
        ctx: &mut Ctx,
        socket: SocketId,
        src: Ipv4Addr,
        dst: (Ipv4Addr, u16),
        payload: &[u8],
    ) -> bool {
        let Some(sock) = self.udp.socket(socket) else {
            return false;
        };
        let sport = sock.local_port;
        let src = if src.is_unspecified() {
            match self.route_probe(dst.0) {
                Some(h) => h.src,
                None if self.is_local(dst.0) => dst.0,
                None => return false,
            }
        } else {
            src
        };
        let ident = self.udp.next_ip_ident(socket).unwrap_or(0);
        let udp = wire::udp::datagram(src, dst.0, sport, dst.1, payload);
        let h = Ipv4Header {
            tos: 0,
            ident,
            dont_frag: true,
            ttl: frames::DEFAULT_TTL,
            protocol: IpProtocol::Udp,
            src,
            dst: dst.0,
        };
        self.ip_local_out(ctx, frames::ipv4_datagram(&h, &udp))
    }
}
