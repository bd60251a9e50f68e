//! Writes `visit-inside.pcap` and `visit-outside.pcap`: `curl -v
//! http://example.com/` from a laptop behind a home router doing MASQUERADE,
//! captured on both sides of the router: the DNS lookup (A + AAAA) to a
//! public resolver, the TCP handshake, the GET, nginx's response, the FIN
//! teardown. Laptop, router and servers are the engine's pure models (TCP
//! table, curl, glibc resolver, NAT, nginx, DNS server) joined by a small
//! event queue here, the way devices will join them in the simulation, so
//! `scripts/check-pcaps.sh` can have tshark check every frame.
//!
//! Usage: `cargo run -p packet-engine --example visit_pcap -- OUT_DIR`

use std::collections::BTreeMap;
use std::net::Ipv4Addr;

use packet_engine::apps::dns::resolver::{ResolvConf, ResolverEvent};
use packet_engine::apps::dns::server::{DnsServer, DnsServerConfig, DnsServerEvent, DnsZone, ZoneData, ZoneRecord};
use packet_engine::apps::http::curl::{Curl, Stream};
use packet_engine::apps::http::server::WebServer;
use packet_engine::frames::{self, Ipv4Header};
use packet_engine::l3::nat::{Masquerade, Translated};
use packet_engine::l4::tcp::{OutSegment, TcpTable};
use packet_engine::l4::udp::UdpTable;
use packet_engine::rng::Rng;
use packet_engine::wire::udp;
use packet_engine::{pcap, MacAddr, SimTime};
use smoltcp::wire::{EthernetProtocol, IpProtocol, Ipv4Packet};

const LAPTOP: Ipv4Addr = Ipv4Addr::new(192, 168, 1, 10);
const WAN_IP: Ipv4Addr = Ipv4Addr::new(203, 0, 113, 2);
const DNS: Ipv4Addr = Ipv4Addr::new(8, 8, 8, 8);
const WEB: Ipv4Addr = Ipv4Addr::new(93, 184, 215, 14);
const LAPTOP_MAC: MacAddr = MacAddr([0x02, 0, 0, 0, 0, 0x0a]);
const LAN_MAC: MacAddr = MacAddr([0x02, 0, 0, 0, 0, 0x01]);
const WAN_MAC: MacAddr = MacAddr([0x02, 0, 0, 0, 1, 0x01]);
const ISP_MAC: MacAddr = MacAddr([0x02, 0, 0, 0, 1, 0xfe]);
/// Scenario epoch (simulated time 0).
const EPOCH: u64 = 1_764_686_400;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Node {
    Laptop,
    RouterLan,
    RouterWan,
    Internet,
}

struct Net {
    queue: BTreeMap<(SimTime, u64), (Node, Vec<u8>)>,
    seq: u64,
    inside: Vec<(SimTime, Vec<u8>)>,
    outside: Vec<(SimTime, Vec<u8>)>,
}

impl Net {
    /// Put `ip` on the wire from `from` at `now`; captured on its link, delivered after the link delay.
    fn send(&mut self, now: SimTime, from: Node, ip: Vec<u8>) {
        let (to, delay, lan) = match from {
            Node::Laptop => (Node::RouterLan, SimTime::from_micros(500), true),
            Node::RouterLan => (Node::Laptop, SimTime::from_micros(500), true),
            Node::RouterWan => (Node::Internet, SimTime::from_millis(10), false),
            Node::Internet => (Node::RouterWan, SimTime::from_millis(10), false),
        };
        let (src, dst) = match from {
            Node::Laptop => (LAPTOP_MAC, LAN_MAC),
            Node::RouterLan => (LAN_MAC, LAPTOP_MAC),
            Node::RouterWan => (WAN_MAC, ISP_MAC),
            Node::Internet => (ISP_MAC, WAN_MAC),
        };
        let frame = frames::ethernet(dst, src, EthernetProtocol::Ipv4, &ip, true);
        if lan { &mut self.inside } else { &mut self.outside }.push((now, frame));
        self.seq += 1;
        self.queue.insert((now + delay, self.seq), (to, ip));
    }
}

fn tcp_ip(o: &OutSegment) -> Vec<u8> {
    let h = Ipv4Header { tos: 0, ident: o.ip_id, dont_frag: true, ttl: 64, protocol: IpProtocol::Tcp, src: o.src, dst: o.dst };
    frames::ipv4_datagram(&h, &o.bytes)
}

fn main() {
    let out = std::env::args().nth(1).unwrap_or_else(|| ".".into());
    let mut rng = Rng::new(12);
    let mut net = Net { queue: BTreeMap::new(), seq: 0, inside: vec![], outside: vec![] };

    let mut laptop_tcp = TcpTable::new(1500);
    let mut laptop_udp = UdpTable::new();
    let mut nat = Masquerade::new(WAN_IP);
    let mut web_tcp = TcpTable::new(1500);
    let mut web = WebServer::new(EPOCH);
    web.pages.insert(
        "/index.html".into(),
        packet_engine::apps::http::server::Page { body: "<!doctype html>\n<title>Example Domain</title>\n<h1>Example Domain</h1>\n".into(), modified: EPOCH - 86_400 },
    );
    web.start(&mut web_tcp).expect("port 80 free");
    let mut zone = DnsZone::new("example.com");
    zone.records.push(ZoneRecord { name: "example.com".into(), ttl: 300, data: ZoneData::A(WEB) });
    let mut dns = DnsServer::new(DnsServerConfig { zone: Some(zone), upstreams: vec![], recursive: true });

    let mut now = SimTime::from_millis(100);
    let mut curl = Curl::new("http://example.com/", true, LAPTOP).expect("valid URL");
    let mut dns_socks: BTreeMap<u32, packet_engine::l4::udp::SocketId> = BTreeMap::new();
    let mut pending = curl.start(now, ResolvConf::new(vec![DNS]), &mut laptop_tcp, &mut rng);

    let mut guard = 0;
    loop {
        guard += 1;
        assert!(guard < 10_000, "runaway");
        // Resolver requests.
        for e in std::mem::take(&mut pending) {
            match e {
                ResolverEvent::Send(t) => {
                    let sock = *dns_socks.entry(t.socket).or_insert_with(|| {
                        let id = laptop_udp.bind_ephemeral(LAPTOP, &mut rng).expect("free port");
                        laptop_udp.connect(id, (t.server, 53), &mut rng).expect("socket");
                        id
                    });
                    let sport = laptop_udp.socket(sock).expect("open").local_port;
                    let ident = laptop_udp.next_ip_ident(sock).expect("open");
                    let h = Ipv4Header { tos: 0, ident, dont_frag: true, ttl: 64, protocol: IpProtocol::Udp, src: LAPTOP, dst: t.server };
                    net.send(now, Node::Laptop, frames::ipv4_datagram(&h, &udp::datagram(LAPTOP, t.server, sport, 53, &t.message.emit())));
                }
                ResolverEvent::Close(s) => {
                    if let Some(id) = dns_socks.remove(&s) {
                        let _ = laptop_udp.close(id);
                    }
                }
                ResolverEvent::Done(results) => curl.on_resolved(now, &results, &mut laptop_tcp, &mut rng),
            }
        }
        // TCP events (programs react), then what the tables send.
        for e in web_tcp.take_events() {
            web.on_event(now, e, &mut web_tcp);
        }
        for e in laptop_tcp.take_events() {
            curl.on_tcp_event(now, e, &mut laptop_tcp, &mut rng);
        }
        for o in laptop_tcp.take_output() {
            net.send(now, Node::Laptop, tcp_ip(&o));
        }
        for o in web_tcp.take_output() {
            net.send(now, Node::Internet, tcp_ip(&o));
        }
        // Next thing to happen: a delivery, or a timer (not TIME_WAIT's 60 s: stop there).
        let next_pkt = net.queue.keys().next().map(|k| k.0);
        let timers = [laptop_tcp.poll_at(), web_tcp.poll_at(), curl.resolver_mut().and_then(|r| r.poll_at())];
        let next_timer = timers.into_iter().flatten().filter(|t| *t < now + SimTime::from_secs(5)).min();
        let t = match (next_pkt, next_timer) {
            (Some(p), Some(tm)) => p.min(tm),
            (Some(p), None) => p,
            (None, Some(tm)) => tm,
            (None, None) => break,
        };
        now = t;
        if next_timer == Some(t) {
            laptop_tcp.on_timer(now);
            web_tcp.on_timer(now);
            if let Some(r) = curl.resolver_mut() {
                if r.poll_at() == Some(now) {
                    pending.extend(r.on_timer(now, &mut rng));
                }
            }
            continue;
        }
        let (key, (to, mut ip)) = net.queue.pop_first().expect("checked");
        let _ = key;
        let p = Ipv4Packet::new_checked(&ip[..]).expect("engine-built");
        let (src, dst, proto) = (p.src_addr(), p.dst_addr(), u8::from(p.next_header()));
        let l4 = ip[20..].to_vec();
        match to {
            Node::Laptop if proto == 17 => {
                let sport = u16::from_be_bytes([l4[0], l4[1]]);
                let dport = u16::from_be_bytes([l4[2], l4[3]]);
                if let Some(id) = laptop_udp.lookup((src, sport), (dst, dport)) {
                    let s = dns_socks.iter().find(|(_, v)| **v == id).map(|(k, _)| *k);
                    if let (Some(s), Some(r)) = (s, curl.resolver_mut()) {
                        pending.extend(r.on_datagram(now, &mut rng, s, src, &l4[8..]));
                    }
                }
            }
            Node::Laptop => laptop_tcp.on_segment(now, src, dst, &l4, &mut rng),
            Node::RouterLan => {
                // Forward: TTL − 1, then MASQUERADE on the way out of the WAN port.
                frames::decrease_ttl(&mut ip);
                if let Translated::Rewritten(b) = nat.translate_outbound(now, &ip, &mut rng) {
                    net.send(now, Node::RouterWan, b);
                }
            }
            Node::RouterWan => {
                if let Translated::Rewritten(mut b) = nat.translate_inbound(now, &ip) {
                    frames::decrease_ttl(&mut b);
                    net.send(now, Node::RouterLan, b);
                }
            }
            Node::Internet if dst == DNS && proto == 17 => {
                let sport = u16::from_be_bytes([l4[0], l4[1]]);
                for e in dns.on_query(now, &mut rng, (src, sport), &l4[8..]) {
                    if let DnsServerEvent::Reply { to, message } = e {
                        let h = Ipv4Header { tos: 0, ident: 0, dont_frag: true, ttl: 64, protocol: IpProtocol::Udp, src: DNS, dst: to.0 };
                        net.send(now, Node::Internet, frames::ipv4_datagram(&h, &udp::datagram(DNS, to.0, 53, to.1, &message.emit())));
                    }
                }
            }
            Node::Internet if dst == WEB && proto == 6 => web_tcp.on_segment(now, src, dst, &l4, &mut rng),
            Node::Internet => {}
        }
    }

    for (s, line) in curl.take_output() {
        match s {
            Stream::Stdout => print!("{line}"),
            Stream::Stderr => eprintln!("{line}"),
        }
    }
    assert_eq!(curl.exit_code(), Some(0), "curl must succeed");
    for e in nat.entries() {
        eprintln!("conntrack: {}", e.line(now));
    }
    // The engine's own Info column for the inside capture, to compare with tshark's.
    let refs: Vec<&[u8]> = net.inside.iter().map(|(_, f)| &f[..]).collect();
    for (i, line) in packet_engine::wire::summarize_conversation(&refs).iter().enumerate() {
        eprintln!("{:>3} {line}", i + 1);
    }
    std::fs::create_dir_all(&out).expect("output directory");
    for (name, frames) in [("visit-inside.pcap", &net.inside), ("visit-outside.pcap", &net.outside)] {
        let path = std::path::Path::new(&out).join(name);
        let bytes = pcap::pcap_bytes(frames.iter().map(|(t, f)| (*t, &f[..])));
        std::fs::write(&path, bytes).expect("write pcap");
        println!("{}: {} frames", path.display(), frames.len());
    }
}
