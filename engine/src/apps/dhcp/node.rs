//! DHCP on a device: drives the pure [`DhcpClient`] (one per `"dhcp"`
//! interface) and [`DhcpServer`] (dnsmasq on a router or server) from frames
//! and timers, and turns their decisions into frames, addresses, routes,
//! resolv.conf and trace events.
//!
//! Both programs read their ports through packet sockets, not the kernel's
//! UDP demultiplexer: dhclient's LPF socket sees an OFFER unicast to an
//! address the interface does not have yet, and dnsmasq answers a DISCOVER
//! from 0.0.0.0. So `ip_input` hands UDP to ports 68 and 67 here first
//! ([`IpNode::dhcp_raw_input`]).

use super::client::{ClientConfig, ClientEvent, DhcpClient, Lease, SendPath};
use super::server::{DhcpPool, DhcpServer, ServerEvent, REPLY_TOS};
use crate::frames::{self, Ipv4Header};
use crate::l3::IpNode;
use crate::l4::node::parse_udp;
use crate::mac::MacAddr;
use crate::scenario::DhcpService;
use crate::sim::ctx::Ctx;
use crate::sim::device::Timer;
use crate::sim::Frame;
use crate::trace::{EventKind, LeaseInfo};
use crate::wire::udp::{DHCP_CLIENT_PORT, DHCP_SERVER_PORT};
use ipnet::Ipv4Net;
use smoltcp::wire::{EthernetProtocol, IpProtocol};
use std::net::Ipv4Addr;

/// dhclient on one interface.
pub(crate) struct ClientSlot {
    pub(crate) client: DhcpClient,
    /// Bumped whenever the client's wake-up time is re-armed.
    gen: u32,
    /// The lease dhclient remembers in its lease file (for `dhclient eth0` again).
    saved: Option<Lease>,
}

/// dnsmasq's DHCP side on one interface.
pub(crate) struct ServerSlot {
    server: DhcpServer,
    iface: u32,
    gen: u32,
}

/// The prefix of a mask (dhclient-script passes `ip addr add A/PREFIX`).
fn prefix_of(mask: Ipv4Addr) -> u8 {
    u32::from(mask).leading_ones() as u8
}

impl IpNode {
    /// Sets up the DHCP server from the lab's settings (before the run).
    pub(crate) fn dhcp_server_setup(&mut self, spec: &DhcpService) {
        let Some(net) = self.ifaces[spec.interface].addr else {
            return;
        };
        let mut pool = DhcpPool::new(net.addr(), net.netmask(), spec.pool_start, spec.pool_end);
        pool.router = spec.router;
        pool.dns_servers = (!spec.dns.is_empty()).then(|| spec.dns.clone());
        pool.domain = spec.domain.clone();
        pool.lease_time = spec.lease_time;
        self.dhcp_server = Some(Box::new(ServerSlot {
            server: DhcpServer::new(pool),
            iface: spec.interface as u32,
            gen: 0,
        }));
    }

    /// dhclient starts on `iface` (at boot for a `"dhcp"` interface, or by
    /// the `dhclient IFACE` command). With a remembered, unexpired lease it
    /// asks for it again (INIT-REBOOT); a client already running is left alone,
    /// as dhclient refuses to start twice on an interface.
    pub(crate) fn dhcp_client_start(&mut self, ctx: &mut Ctx, iface: u32) {
        let now = ctx.now;
        let events = match self.dhcp_clients.get_mut(&iface) {
            Some(slot) if slot.client.poll_at().is_some() => return,
            Some(slot) => {
                let cfg =
                    ClientConfig::debian(self.ifaces[iface as usize].mac, Some(&self.hostname));
                slot.client = DhcpClient::new(cfg);
                match slot.saved.clone() {
                    Some(lease) => slot.client.start_with_lease(now, &mut ctx.rng, lease),
                    None => slot.client.start(now, &mut ctx.rng),
                }
            }
            None => {
                let cfg =
                    ClientConfig::debian(self.ifaces[iface as usize].mac, Some(&self.hostname));
                let mut client = DhcpClient::new(cfg);
                let ev = client.start(now, &mut ctx.rng);
                self.dhcp_clients.insert(
                    iface,
                    ClientSlot {
                        client,
                        gen: 0,
                        saved: None,
                    },
                );
                ev
            }
        };
        self.dhcp_client_events(ctx, iface, events);
    }

    /// `dhclient -r IFACE`: the running client is stopped and its lease
    /// released (ISC dhclient's `do_release`: one DHCPRELEASE unicast to the
    /// server through the fallback socket, then dhclient-script's RELEASE
    /// flushes the address and its routes). Without a lease nothing is sent.
    pub(crate) fn dhcp_client_release(&mut self, ctx: &mut Ctx, iface: u32) {
        let now = ctx.now;
        let Some(slot) = self.dhcp_clients.get_mut(&iface) else {
            return;
        };
        // The lease file keeps no active lease after a release: a later
        // `dhclient eth0` starts with a DISCOVER.
        slot.saved = None;
        let events = slot.client.release(now, &mut ctx.rng);
        self.dhcp_client_events(ctx, iface, events);
    }

    pub(crate) fn dhcp_client_timer(&mut self, ctx: &mut Ctx, iface: u32, gen: u32) {
        let now = ctx.now;
        let Some(slot) = self.dhcp_clients.get_mut(&iface) else {
            // gen 0 before any client exists: the boot-time start.
            return self.dhcp_client_start(ctx, iface);
        };
        if slot.gen != gen || slot.client.poll_at().is_none_or(|t| t > now) {
            return;
        }
        let events = slot.client.on_timer(now, &mut ctx.rng);
        self.dhcp_client_events(ctx, iface, events);
    }

    /// UDP to port 68 (dhclient) or 67 (dnsmasq) arriving on `iface`, taken
    /// before the kernel's own delivery; true when one of them read it.
    pub(crate) fn dhcp_raw_input(
        &mut self,
        ctx: &mut Ctx,
        iface: u32,
        datagram: &[u8],
        broadcast: bool,
    ) -> bool {
        if self.dhcp_clients.is_empty() && self.dhcp_server.is_none() {
            return false;
        }
        let Some(u) = parse_udp(datagram) else {
            return false;
        };
        let payload = u.payload.to_vec();
        if u.dst.1 == DHCP_CLIENT_PORT && u.src.1 == DHCP_SERVER_PORT {
            let now = ctx.now;
            let Some(slot) = self.dhcp_clients.get_mut(&iface) else {
                return false;
            };
            let events = slot.client.on_message(now, &mut ctx.rng, &payload);
            self.dhcp_client_events(ctx, iface, events);
            return true;
        }
        if u.dst.1 == DHCP_SERVER_PORT {
            let now = ctx.now;
            let Some(slot) = self.dhcp_server.as_mut().filter(|s| s.iface == iface) else {
                return false;
            };
            let unicast = !broadcast && !u.dst.0.is_broadcast();
            let events = slot.server.on_message(now, &mut ctx.rng, &payload, unicast);
            self.dhcp_server_events(ctx, events);
            return true;
        }
        false
    }

    fn dhcp_client_events(&mut self, ctx: &mut Ctx, iface: u32, events: Vec<ClientEvent>) {
        for ev in events {
            match ev {
                ClientEvent::Send(t) => match t.path {
                    SendPath::Raw => {
                        let f = &self.ifaces[iface as usize];
                        let frame: Frame = frames::ethernet_frame(
                            MacAddr::BROADCAST,
                            f.mac,
                            EthernetProtocol::Ipv4,
                            &t.raw_ipv4_datagram(),
                            ctx.pad,
                        );
                        let port = f.port;
                        ctx.send_frame(port, frame);
                    }
                    SendPath::Socket => {
                        // The fallback socket: unconnected, so id 0 with DF.
                        let udp = t.udp_datagram();
                        let h = Ipv4Header {
                            tos: 0,
                            ident: 0,
                            dont_frag: true,
                            ttl: frames::DEFAULT_TTL,
                            protocol: IpProtocol::Udp,
                            src: t.src,
                            dst: t.dst,
                        };
                        self.ip_local_out(ctx, frames::ipv4_datagram(&h, &udp));
                    }
                },
                ClientEvent::Bound(lease) | ClientEvent::Renewed(lease) => {
                    let renewed = self.ifaces[iface as usize]
                        .addr
                        .is_some_and(|a| a.addr() == lease.address);
                    let net = Ipv4Net::new(lease.address, prefix_of(lease.mask))
                        .unwrap_or_else(|_| Ipv4Net::from(lease.address));
                    self.install_address(ctx, iface, net, lease.routers.first().copied());
                    // dhclient-script's make_resolv_conf.
                    if !lease.dns_servers.is_empty() {
                        self.nameservers = lease.dns_servers.iter().copied().take(3).collect();
                    }
                    self.search = lease.domain.iter().cloned().collect();
                    if let Some(slot) = self.dhcp_clients.get_mut(&iface) {
                        slot.saved = Some(lease.clone());
                    }
                    ctx.record(EventKind::DhcpLeaseObtained {
                        at: self.iface_ref(ctx, iface),
                        lease: Box::new(LeaseInfo {
                            address: net,
                            router: lease.routers.first().copied(),
                            dns: lease.dns_servers.clone(),
                            server: lease.server_id,
                            lease_time: lease.lease_time,
                            renew_at: lease.renew_at,
                            expires_at: lease.expires_at,
                        }),
                        renewed,
                    });
                }
                ClientEvent::Expired { address, nak_from } => {
                    self.remove_address(ctx, iface);
                    if let Some(slot) = self.dhcp_clients.get_mut(&iface) {
                        slot.saved = None;
                    }
                    ctx.record(EventKind::DhcpLeaseExpired {
                        at: self.iface_ref(ctx, iface),
                        address,
                        nak_from,
                    });
                }
                ClientEvent::Released { address, server } => {
                    self.remove_address(ctx, iface);
                    ctx.record(EventKind::DhcpLeaseReleased {
                        at: self.iface_ref(ctx, iface),
                        address,
                        server,
                    });
                }
                ClientEvent::NoOffers { retry_at } => {
                    ctx.record(EventKind::DhcpNoOffers {
                        at: self.iface_ref(ctx, iface),
                        retry_at,
                    });
                }
            }
        }
        if let Some(slot) = self.dhcp_clients.get_mut(&iface) {
            slot.gen = slot.gen.wrapping_add(1);
            if let Some(at) = slot.client.poll_at() {
                let gen = slot.gen;
                ctx.timer(at.max(ctx.now), self.dev, Timer::Dhcp { iface, gen });
            }
        }
    }

    pub(crate) fn dhcp_server_timer(&mut self, ctx: &mut Ctx, gen: u32) {
        let now = ctx.now;
        let Some(slot) = self.dhcp_server.as_mut().filter(|s| s.gen == gen) else {
            return;
        };
        let events = slot.server.on_timer(now, &mut ctx.rng);
        self.dhcp_server_events(ctx, events);
    }

    /// An echo reply reached this device: dnsmasq's ping check may be waiting for it.
    pub(crate) fn dhcp_server_echo(&mut self, ctx: &mut Ctx, from: Ipv4Addr, ident: u16) {
        let now = ctx.now;
        let Some(slot) = self.dhcp_server.as_mut() else {
            return;
        };
        let events = slot.server.on_echo_reply(now, &mut ctx.rng, from, ident);
        if !events.is_empty() {
            self.dhcp_server_events(ctx, events);
        }
    }

    fn dhcp_server_events(&mut self, ctx: &mut Ctx, events: Vec<ServerEvent>) {
        let Some(iface) = self.dhcp_server.as_ref().map(|s| s.iface) else {
            return;
        };
        let server_ip = self.ifaces[iface as usize]
            .addr
            .map_or(Ipv4Addr::UNSPECIFIED, |n| n.addr());
        for ev in events {
            match ev {
                ServerEvent::Reply {
                    message,
                    dst,
                    dst_mac,
                } => {
                    // dnsmasq's DHCP socket: TOS 0xc0, DF clear (IP_PMTUDISC_DONT),
                    // the kernel's IP id; framed straight to the client's MAC,
                    // as dnsmasq writes the ARP cache instead of asking.
                    let udp = crate::wire::udp::datagram(
                        server_ip,
                        dst,
                        DHCP_SERVER_PORT,
                        DHCP_CLIENT_PORT,
                        &message.emit(),
                    );
                    let ident = self.next_ident(ctx, server_ip, dst, 17);
                    let h = Ipv4Header {
                        tos: REPLY_TOS,
                        ident,
                        dont_frag: false,
                        ttl: frames::DEFAULT_TTL,
                        protocol: IpProtocol::Udp,
                        src: server_ip,
                        dst,
                    };
                    let f = &self.ifaces[iface as usize];
                    let frame: Frame = frames::ethernet_frame(
                        dst_mac,
                        f.mac,
                        EthernetProtocol::Ipv4,
                        &frames::ipv4_datagram(&h, &udp),
                        ctx.pad,
                    );
                    let port = f.port;
                    ctx.send_frame(port, frame);
                }
                ServerEvent::Ping { to, icmp } => {
                    let ident = self.next_ident(ctx, server_ip, to, 1);
                    let h = Ipv4Header {
                        tos: 0,
                        ident,
                        dont_frag: true,
                        ttl: frames::DEFAULT_TTL,
                        protocol: IpProtocol::Icmp,
                        src: server_ip,
                        dst: to,
                    };
                    self.ip_local_out(ctx, frames::ipv4_datagram(&h, &icmp));
                }
                ServerEvent::Leased(l) => {
                    let device = ctx.id(self.dev);
                    ctx.record(EventKind::DhcpServerLease { device, lease: Box::new(l) });
                }
                ServerEvent::Released { address, mac } => {
                    let device = ctx.id(self.dev);
                    ctx.record(EventKind::DhcpServerRelease { device, mac, address });
                }
                ServerEvent::Nak { .. } | ServerEvent::PoolExhausted { .. } => {}
            }
        }
        if let Some(slot) = self.dhcp_server.as_mut() {
            slot.gen = slot.gen.wrapping_add(1);
            if let Some(at) = slot.server.poll_at() {
                let gen = slot.gen;
                ctx.timer(at.max(ctx.now), self.dev, Timer::DhcpServer { gen });
            }
        }
    }
}
