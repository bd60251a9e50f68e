//! Writes `tcp-loss.pcap`: curl fetches a 5000-byte page from the web server
//! over a link that drops the server's second data segment once; captured at
//! the client, so the lost segment never appears. Shows the client's
//! out-of-order queue (an immediate ACK with a SACK block), the server's RACK
//! retransmission of the hole and the ACK of the filled hole, for
//! `scripts/check-pcaps.sh` to have tshark check (it must see the SACK and the
//! retransmission, and no "ACKed unseen segment", malformed packet or bad checksum).
//!
//! Usage: `cargo run -p packet-engine --example tcp_loss_pcap -- OUT_DIR`

use std::collections::BTreeMap;
use std::net::Ipv4Addr;

use packet_engine::apps::http::curl::{Curl, Stream};
use packet_engine::apps::http::server::{Page, WebServer};
use packet_engine::apps::dns::resolver::ResolvConf;
use packet_engine::frames::{self, Ipv4Header};
use packet_engine::l4::tcp::{OutSegment, TcpTable};
use packet_engine::rng::Rng;
use packet_engine::{pcap, MacAddr, SimTime};
use smoltcp::wire::{EthernetProtocol, IpProtocol};

const CLIENT: Ipv4Addr = Ipv4Addr::new(10, 0, 0, 10);
const SERVER: Ipv4Addr = Ipv4Addr::new(10, 0, 0, 80);
const CLIENT_MAC: MacAddr = MacAddr([0x02, 0, 0, 0, 0, 0x0a]);
const SERVER_MAC: MacAddr = MacAddr([0x02, 0, 0, 0, 0, 0x50]);

fn frame(o: &OutSegment) -> Vec<u8> {
    let h = Ipv4Header { tos: 0, ident: o.ip_id, dont_frag: true, ttl: 64, protocol: IpProtocol::Tcp, src: o.src, dst: o.dst };
    let (src, dst) = if o.src == CLIENT { (CLIENT_MAC, SERVER_MAC) } else { (SERVER_MAC, CLIENT_MAC) };
    frames::ethernet(dst, src, EthernetProtocol::Ipv4, &frames::ipv4_datagram(&h, &o.bytes), true)
}

fn main() {
    let out = std::env::args().nth(1).unwrap_or_else(|| ".".into());
    let mut rng = Rng::new(7);
    let mut client = TcpTable::new(1500);
    let mut server = TcpTable::new(1500);
    let mut web = WebServer::new(1_764_686_400);
    let body: String = (0..5000).map(|i| char::from(b'a' + (i % 26) as u8)).collect();
    web.pages.insert("/index.html".into(), Page { body, modified: 1_764_600_000 });
    web.start(&mut server).expect("port 80");
    let mut curl = Curl::new(&format!("http://{SERVER}/"), false, CLIENT).expect("URL");
    let mut now = SimTime::from_millis(10);
    curl.start(now, ResolvConf::new(vec![]), &mut client, &mut rng);

    // In flight: (arrival time, seq) → segment; one-way delay 1 ms.
    let mut queue: BTreeMap<(SimTime, u64), OutSegment> = BTreeMap::new();
    let mut n = 0u64;
    let mut captured: Vec<(SimTime, Vec<u8>)> = vec![];
    let mut server_data_segments = 0;
    let mut dropped = false;
    for _ in 0..10_000 {
        for e in server.take_events() {
            web.on_event(now, e, &mut server);
        }
        for e in client.take_events() {
            curl.on_tcp_event(now, e, &mut client, &mut rng);
        }
        for o in client.take_output() {
            captured.push((now, frame(&o)));
            n += 1;
            queue.insert((now + SimTime::from_millis(1), n), o);
        }
        for o in server.take_output() {
            let data = o.bytes.len() > 32 + 20;
            if data {
                server_data_segments += 1;
            }
            if data && server_data_segments == 2 && !dropped {
                dropped = true; // the link loses it: never reaches the client
                continue;
            }
            n += 1;
            queue.insert((now + SimTime::from_millis(1), n), o);
        }
        let next_timer = [client.poll_at(), server.poll_at()].into_iter().flatten().filter(|t| *t < now + SimTime::from_secs(5)).min();
        let next_pkt = queue.keys().next().map(|k| k.0);
        now = match (next_pkt, next_timer) {
            (Some(p), Some(t)) => p.min(t),
            (Some(p), None) => p,
            (None, Some(t)) => t,
            (None, None) => break,
        };
        if next_timer == Some(now) {
            client.on_timer(now);
            server.on_timer(now);
            continue;
        }
        let (_, o) = queue.pop_first().expect("checked");
        if o.dst == CLIENT {
            captured.push((now, frame(&o)));
            client.on_segment(now, o.src, o.dst, &o.bytes, &mut rng);
        } else {
            server.on_segment(now, o.src, o.dst, &o.bytes, &mut rng);
        }
    }
    let printed: String = curl.take_output().into_iter().filter(|(s, _)| *s == Stream::Stdout).map(|(_, t)| t).collect();
    assert_eq!(curl.exit_code(), Some(0), "curl must get the page");
    assert_eq!(printed.len(), 5000, "the whole body, in order");
    assert!(dropped);
    captured.sort_by_key(|(t, _)| *t);
    std::fs::create_dir_all(&out).expect("output directory");
    let path = std::path::Path::new(&out).join("tcp-loss.pcap");
    std::fs::write(&path, pcap::pcap_bytes(captured.iter().map(|(t, f)| (*t, &f[..])))).expect("write pcap");
    println!("{}: {} frames", path.display(), captured.len());
}
