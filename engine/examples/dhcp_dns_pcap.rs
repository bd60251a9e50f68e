//! Writes `dhcp-dns.pcap`: a DHCP exchange between the dhclient model and the
//! dnsmasq model, then name lookups through the home router's forwarder, an
//! NXDOMAIN, and a query to a host with no DNS server (ICMP port unreachable).
//! Frames are assembled from the state machines' output with the engine's
//! wire helpers, the way a device will once they are wired in, so
//! `scripts/check-pcaps.sh` can have tshark dissect them.
//!
//! Usage: `cargo run -p packet-engine --example dhcp_dns_pcap -- OUT_DIR`

use std::net::Ipv4Addr;

use packet_engine::apps::dhcp::client::{ClientConfig, ClientEvent, DhcpClient, SendPath};
use packet_engine::apps::dhcp::server::{DhcpPool, DhcpServer, ServerEvent, REPLY_TOS};
use packet_engine::apps::dns::resolver::{Program, ResolvConf, Resolver, ResolverEvent};
use packet_engine::apps::dns::server::{DnsServer, DnsServerConfig, DnsServerEvent, DnsZone, ZoneData, ZoneRecord};
use packet_engine::frames::{self, Arp, Ipv4Header};
use packet_engine::l4::udp::{Delivery, UdpTable};
use packet_engine::rng::Rng;
use packet_engine::wire::dns::DnsMessage;
use packet_engine::wire::udp;
use packet_engine::{pcap, MacAddr, SimTime};
use smoltcp::wire::{EthernetProtocol, IpProtocol};

const LAPTOP_MAC: MacAddr = MacAddr([0x02, 0, 0, 0, 0, 0x0a]);
const ROUTER_MAC: MacAddr = MacAddr([0x02, 0, 0, 0, 0, 0x01]);
const ROUTER: Ipv4Addr = Ipv4Addr::new(192, 168, 1, 1);
const GOOGLE: Ipv4Addr = Ipv4Addr::new(8, 8, 8, 8);

struct Capture {
    frames: Vec<(SimTime, Vec<u8>)>,
}

impl Capture {
    fn ip_udp(&mut self, t: SimTime, macs: (MacAddr, MacAddr), h: Ipv4Header, ports: (u16, u16), payload: &[u8]) {
        let u = udp::datagram(h.src, h.dst, ports.0, ports.1, payload);
        self.ip(t, macs, h, &u);
    }
    fn ip(&mut self, t: SimTime, (src, dst): (MacAddr, MacAddr), h: Ipv4Header, payload: &[u8]) {
        let ip = frames::ipv4_datagram(&h, payload);
        self.frames.push((t, frames::ethernet(dst, src, EthernetProtocol::Ipv4, &ip, true)));
    }
}

fn hdr(tos: u8, ident: u16, df: bool, protocol: IpProtocol, src: Ipv4Addr, dst: Ipv4Addr) -> Ipv4Header {
    Ipv4Header { tos, ident, dont_frag: df, ttl: 64, protocol, src, dst }
}

fn main() {
    let out = std::env::args().nth(1).unwrap_or_else(|| ".".into());
    let mut rng = Rng::new(2026);
    let mut cap = Capture { frames: vec![] };

    // --- DHCP ---------------------------------------------------------------
    let mut client = DhcpClient::new(ClientConfig::debian(LAPTOP_MAC, Some("laptop")));
    let pool = DhcpPool::new(ROUTER, Ipv4Addr::new(255, 255, 255, 0), Ipv4Addr::new(192, 168, 1, 100), Ipv4Addr::new(192, 168, 1, 199));
    let mut server = DhcpServer::new(DhcpPool { domain: Some("lan".into()), ..pool });
    let mut now = SimTime::from_millis(1_000);
    let mut to_server = vec![];
    let mut to_client = vec![];
    let mut lease = None;
    let mut client_ev = client.start(now, &mut rng);
    for _ in 0..20 {
        for e in client_ev.drain(..) {
            match e {
                ClientEvent::Send(t) => {
                    assert_eq!(t.path, SendPath::Raw);
                    let ip = t.raw_ipv4_datagram();
                    cap.frames.push((now, frames::ethernet(MacAddr::BROADCAST, LAPTOP_MAC, EthernetProtocol::Ipv4, &ip, true)));
                    to_server.push(t.message.emit());
                }
                ClientEvent::Bound(l) => lease = Some(l),
                other => panic!("unexpected {other:?}"),
            }
        }
        let mut server_ev = vec![];
        for m in to_server.drain(..) {
            server_ev.extend(server.on_message(now, &mut rng, &m, false));
        }
        if server_ev.is_empty() && lease.is_none() {
            // Waiting for dnsmasq's ping: it never reaches the wire, because the
            // candidate does not answer ARP (3 requests, 1 s apart).
            let deadline = server.poll_at().expect("ping pending");
            server_ev.extend(server.on_timer(deadline, &mut rng));
            now = deadline;
        }
        for e in server_ev {
            match e {
                ServerEvent::Ping { to, .. } => {
                    for i in 0..3 {
                        let arp = Arp { request: true, sender_mac: ROUTER_MAC, sender_ip: ROUTER, target_mac: MacAddr::ZERO, target_ip: to };
                        cap.frames.push((now + SimTime::from_secs(i), frames::arp_frame(MacAddr::BROADCAST, &arp, true).to_vec()));
                    }
                }
                ServerEvent::Reply { message, dst, dst_mac } => {
                    let h = hdr(REPLY_TOS, rng.next_u16(), false, IpProtocol::Udp, ROUTER, dst);
                    cap.ip_udp(now, (ROUTER_MAC, dst_mac), h, (67, 68), &message.emit());
                    to_client.push(message.emit());
                }
                _ => {}
            }
        }
        now = now + SimTime::from_millis(1);
        for m in to_client.drain(..) {
            client_ev.extend(client.on_message(now, &mut rng, &m));
        }
        if lease.is_some() && client_ev.is_empty() {
            break;
        }
    }
    let lease = lease.expect("the exchange binds");
    let me = lease.address;

    // --- DNS ------------------------------------------------------------------
    let mut laptop_udp = UdpTable::new();
    let mut router_udp = UdpTable::new();
    let mut home = DnsServer::new(DnsServerConfig { zone: None, upstreams: vec![GOOGLE], recursive: false });
    let mut zone = DnsZone::new("example.com");
    zone.records.push(ZoneRecord { name: "example.com".into(), ttl: 3600, data: ZoneData::A(Ipv4Addr::new(93, 184, 216, 34)) });
    zone.records.push(ZoneRecord { name: "www.example.com".into(), ttl: 3600, data: ZoneData::Cname("example.com".into()) });
    let mut google = DnsServer::new(DnsServerConfig { zone: Some(zone), upstreams: vec![], recursive: true });
    // The laptop ARPs for its gateway first.
    now = now + SimTime::from_secs(1);
    let arp = Arp { request: true, sender_mac: LAPTOP_MAC, sender_ip: me, target_mac: MacAddr::ZERO, target_ip: ROUTER };
    cap.frames.push((now, frames::arp_frame(MacAddr::BROADCAST, &arp, true).to_vec()));
    let reply = Arp { request: false, sender_mac: ROUTER_MAC, sender_ip: ROUTER, target_mac: LAPTOP_MAC, target_ip: me };
    cap.frames.push((now + SimTime::from_micros(100), frames::arp_frame(LAPTOP_MAC, &reply, true).to_vec()));

    for (program, name, nameserver) in [
        (Program::GetAddrInfo, "www.example.com", ROUTER),
        (Program::Host, "nosuch.example.com", ROUTER),
        (Program::Dig(1), "example.com", ROUTER),
        (Program::GetAddrInfo, "example.com", Ipv4Addr::new(192, 168, 1, 50)),
    ] {
        now = now + SimTime::from_secs(1);
        let mut r = Resolver::new(ResolvConf::new(vec![nameserver]), program, name);
        let mut ports = std::collections::BTreeMap::new();
        let mut ev = r.start(now, &mut rng);
        let mut guard = 0;
        while !r.is_done() && guard < 50 {
            guard += 1;
            let mut next = vec![];
            for e in ev.drain(..) {
                let ResolverEvent::Send(t) = e else { continue };
                let sock = *ports.entry(t.socket).or_insert_with(|| {
                    let id = laptop_udp.bind_ephemeral(me, &mut rng).unwrap();
                    laptop_udp.connect(id, (t.server, 53), &mut rng).unwrap();
                    id
                });
                let sport = laptop_udp.socket(sock).unwrap().local_port;
                let ident = laptop_udp.next_ip_ident(sock).unwrap();
                let q = t.message.emit();
                let h = hdr(0, ident, true, IpProtocol::Udp, me, t.server);
                cap.ip_udp(now, (LAPTOP_MAC, ROUTER_MAC), h, (sport, 53), &q);
                if t.server != ROUTER {
                    // Nobody listens on 53 there: the host's UDP table answers with
                    // ICMP port unreachable (delivered through the router's LAN side here).
                    let mut other = UdpTable::new();
                    let dgram = frames::ipv4_datagram(&h, &udp::datagram(me, t.server, sport, 53, &q));
                    if let Delivery::PortUnreachable(icmp) = other.receive(now, (me, sport), (t.server, 53), false, &dgram) {
                        let eh = hdr(0xc0, rng.next_u16(), false, IpProtocol::Icmp, t.server, me);
                        cap.ip(now + SimTime::from_micros(300), (ROUTER_MAC, LAPTOP_MAC), eh, &icmp);
                        next.extend(r.on_port_unreachable(now, &mut rng, t.socket));
                    }
                    continue;
                }
                for se in home.on_query(now, &mut rng, (me, sport), &q) {
                    match se {
                        DnsServerEvent::Reply { to, message } => {
                            let h = hdr(0, 0, true, IpProtocol::Udp, ROUTER, to.0);
                            cap.ip_udp(now + SimTime::from_micros(200), (ROUTER_MAC, LAPTOP_MAC), h, (53, to.1), &message.emit());
                            next.extend(r.on_datagram(now, &mut rng, t.socket, ROUTER, &message.emit()));
                        }
                        DnsServerEvent::CloseSocket(_) => {}
                        DnsServerEvent::Forward { to, socket: _, message } => {
                            // The router's kernel picks the forward's port (Linux's scan).
                            let fwd = router_udp.bind_ephemeral(Ipv4Addr::new(203, 0, 113, 2), &mut rng).unwrap();
                            let src_port = router_udp.socket(fwd).unwrap().local_port;
                            let wan = (MacAddr([2, 0, 0, 0, 1, 1]), MacAddr([2, 0, 0, 0, 1, 2]));
                            let wan_ip = Ipv4Addr::new(203, 0, 113, 2);
                            let h = hdr(0, 0, true, IpProtocol::Udp, wan_ip, to);
                            cap.ip_udp(now + SimTime::from_micros(100), wan, h, (src_port, 53), &message.emit());
                            for ge in google.on_query(now, &mut rng, (wan_ip, src_port), &message.emit()) {
                                let DnsServerEvent::Reply { message: up, .. } = ge else { continue };
                                let h = hdr(0, 0, true, IpProtocol::Udp, to, wan_ip);
                                let t2 = now + SimTime::from_millis(15);
                                cap.ip_udp(t2, (wan.1, wan.0), h, (53, src_port), &up.emit());
                                let _ = router_udp.close(fwd);
                                for fe in home.on_upstream_reply(t2, &mut rng, to, &up.emit()) {
                                    if let DnsServerEvent::Reply { to, message } = fe {
                                        let h = hdr(0, 0, true, IpProtocol::Udp, ROUTER, to.0);
                                        cap.ip_udp(t2 + SimTime::from_micros(100), (ROUTER_MAC, LAPTOP_MAC), h, (53, to.1), &message.emit());
                                        let parsed = DnsMessage::parse(&message.emit()).unwrap();
                                        next.extend(r.on_datagram(t2, &mut rng, t.socket, ROUTER, &parsed.emit()));
                                    }
                                }
                            }
                        }
                    }
                }
            }
            if next.is_empty() && !r.is_done() {
                if let Some(t) = r.poll_at() {
                    now = t;
                    next = r.on_timer(t, &mut rng);
                }
            }
            for e in &next {
                if let ResolverEvent::Close(s) = e {
                    if let Some(id) = ports.remove(s) {
                        let _ = laptop_udp.close(id);
                    }
                }
            }
            ev = next;
        }
        for id in ports.into_values() {
            let _ = laptop_udp.close(id);
        }
    }

    cap.frames.sort_by_key(|(t, _)| *t);
    let path = std::path::Path::new(&out).join("dhcp-dns.pcap");
    std::fs::create_dir_all(&out).expect("output directory");
    let bytes = pcap::pcap_bytes(cap.frames.iter().map(|(t, f)| (*t, &f[..])));
    std::fs::write(&path, bytes).expect("write pcap");
    println!("{}: {} frames", path.display(), cap.frames.len());
}
