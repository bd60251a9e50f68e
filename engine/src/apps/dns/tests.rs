//! DNS tests: golden bytes of a glibc query and a server's compressed answer,
//! then the resolver and servers driven with explicit `now` values
//! (timeouts per server, NXDOMAIN, REFUSED, SERVFAIL, forwarding, caching)
//! and the text `host`, `dig` and `getent hosts` print.

use std::net::Ipv4Addr;

use super::output::*;
use super::resolver::*;
use super::server::*;
use crate::rng::Rng;
use crate::time::SimTime;
use crate::wire::dns::{flag, rcode, rtype, DnsMessage, RData, Record};

const LAPTOP: Ipv4Addr = Ipv4Addr::new(192, 168, 1, 100);
const HOME: Ipv4Addr = Ipv4Addr::new(192, 168, 1, 1);
const GOOGLE: Ipv4Addr = Ipv4Addr::new(8, 8, 8, 8);

/// glibc's A query for example.com, id 0x1234: RD only, no EDNS.
const QUERY: [u8; 29] = [
    0x12, 0x34, 0x01, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, //
    7, b'e', b'x', b'a', b'm', b'p', b'l', b'e', 3, b'c', b'o', b'm', 0, 0x00, 0x01, 0x00, 0x01,
];

/// The answer: QR RD RA, one A record whose name points at the question (0xc00c).
const RESPONSE: [u8; 45] = [
    0x12, 0x34, 0x81, 0x80, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, //
    7, b'e', b'x', b'a', b'm', b'p', b'l', b'e', 3, b'c', b'o', b'm', 0, 0x00, 0x01, 0x00, 0x01, //
    0xc0, 0x0c, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x0e, 0x10, 0x00, 0x04, 93, 184, 216, 34,
];

fn a_record(name: &str, ttl: u32, a: Ipv4Addr) -> Record {
    Record { name: name.into(), rtype: rtype::A, class: 1, ttl, data: RData::A(a) }
}

fn response_repr() -> DnsMessage {
    let mut m = DnsMessage::query(0x1234, 0x8180, "example.com", rtype::A);
    m.answers.push(a_record("example.com", 3600, Ipv4Addr::new(93, 184, 216, 34)));
    m
}

#[test]
fn query_and_response_golden_bytes() {
    assert_eq!(DnsMessage::query(0x1234, flag::RD, "example.com", rtype::A).emit(), QUERY);
    assert_eq!(DnsMessage::parse(&QUERY), Some(DnsMessage::query(0x1234, flag::RD, "example.com.", rtype::A)));
    assert_eq!(response_repr().emit(), RESPONSE);
    assert_eq!(DnsMessage::parse(&RESPONSE), Some(response_repr()));
}

fn frame(src: Ipv4Addr, dst: Ipv4Addr, sport: u16, dport: u16, payload: &[u8]) -> Vec<u8> {
    let udp = crate::wire::udp::datagram(src, dst, sport, dport, payload);
    let ip = crate::frames::ipv4_datagram(
        &crate::frames::Ipv4Header {
            tos: 0,
            ident: 1,
            dont_frag: true,
            ttl: 64,
            protocol: smoltcp::wire::IpProtocol::Udp,
            src,
            dst,
        },
        &udp,
    );
    crate::frames::ethernet(
        crate::MacAddr([2, 0, 0, 0, 0, 1]),
        crate::MacAddr([2, 0, 0, 0, 0, 2]),
        smoltcp::wire::EthernetProtocol::Ipv4,
        &ip,
        true,
    )
}

#[test]
fn deconstruct_in_a_frame_with_byte_ranges_and_summaries() {
    let f = frame(LAPTOP, HOME, 40000, 53, &QUERY);
    let d = crate::wire::decode(&f);
    assert_eq!(d.problem, None);
    let udp = d.udp().unwrap();
    assert_eq!(udp.checksum.status, crate::wire::ChecksumStatus::Good);
    let crate::wire::Application::Dns(dns) = udp.payload.as_ref().unwrap() else { panic!() };
    assert_eq!(dns.id.range, 42..44);
    let q = dns.tree.iter().find(|n| n.label == "Query").unwrap();
    assert_eq!(q.range, 54..71);
    assert_eq!(q.value, "example.com: type A, class IN");
    assert_eq!(crate::wire::summarize(&f), "Standard query 0x1234 A example.com");
    let f = frame(HOME, LAPTOP, 53, 40000, &RESPONSE);
    assert_eq!(crate::wire::summarize(&f), "Standard query response 0x1234 A example.com A 93.184.216.34");
    let d = crate::wire::decode(&f);
    let crate::wire::Application::Dns(dns) = d.udp().unwrap().payload.as_ref().unwrap() else { panic!() };
    let ans = dns.tree.iter().find(|n| n.label == "Answer").unwrap();
    assert_eq!(ans.range, 71..87);
    assert_eq!(ans.children[5].range, 83..87);
    // A cut-short answer is reported, not a panic.
    let d = crate::wire::decode(&frame(HOME, LAPTOP, 53, 40000, &RESPONSE[..40]));
    assert!(matches!(d.problem, Some(crate::wire::Problem::Malformed { layer: crate::wire::LayerKind::Dns, .. })));
}

fn lab_zone() -> DnsZone {
    let mut z = DnsZone::new("lab");
    z.records.push(ZoneRecord { name: "web.lab".into(), ttl: 300, data: ZoneData::A(Ipv4Addr::new(10, 0, 0, 80)) });
    z.records.push(ZoneRecord { name: "www.lab".into(), ttl: 300, data: ZoneData::Cname("web.lab".into()) });
    z
}

#[test]
fn cname_answers_compress_against_the_question() {
    let mut s = DnsServer::new(DnsServerConfig { zone: Some(lab_zone()), upstreams: vec![], recursive: false });
    let q = DnsMessage::query(7, flag::RD, "www.lab", rtype::A);
    let ev = s.on_query(SimTime::ZERO, &mut Rng::new(1), (LAPTOP, 40000), &q.emit());
    let DnsServerEvent::Reply { message, .. } = &ev[0] else { panic!() };
    assert_eq!(message.flags, 0x8500, "QR AA RD, no RA without recursion");
    assert_eq!(message.answers.len(), 2);
    let bytes = message.emit();
    // Question name at 12 ("www" "lab"), "lab" at 16; the CNAME's owner is 0xc00c,
    // its target "web" + pointer to 16; the A record's owner points at "web.lab".
    assert_eq!(&bytes[25..27], &[0xc0, 0x0c]);
    assert_eq!(&bytes[37..43], &[3, b'w', b'e', b'b', 0xc0, 0x10]);
    assert_eq!(&bytes[43..45], &[0xc0, 37]);
    assert_eq!(DnsMessage::parse(&bytes).as_ref(), Some(message));
}

/// Deliver every Send to the matching server; returns the events of the resolver.
fn run(resolver: &mut Resolver, servers: &mut [(Ipv4Addr, DnsServer)], rng: &mut Rng) -> Vec<StepResult> {
    let mut now = SimTime::ZERO;
    let mut queue = resolver.start(now, rng);
    loop {
        let mut next = vec![];
        for ev in queue {
            match ev {
                ResolverEvent::Send(t) => {
                    if let Some((_, s)) = servers.iter_mut().find(|(a, _)| *a == t.server) {
                        for r in s.on_query(now, rng, (LAPTOP, 40000 + t.socket as u16), &t.message.emit()) {
                            if let DnsServerEvent::Reply { message, .. } = r {
                                next.extend(resolver.on_datagram(now, rng, t.socket, t.server, &message.emit()));
                            }
                        }
                    }
                }
                ResolverEvent::Close(_) => {}
                ResolverEvent::Done(r) => return r,
            }
        }
        if next.is_empty() {
            now = resolver.poll_at().expect("a pending lookup has a timer");
            next = resolver.on_timer(now, rng);
        }
        queue = next;
    }
}

#[test]
fn getaddrinfo_sends_a_and_aaaa_together_on_one_socket() {
    let mut r = Resolver::new(ResolvConf::new(vec![HOME]), Program::GetAddrInfo, "web.lab");
    let ev = r.start(SimTime::ZERO, &mut Rng::new(3));
    let sends: Vec<&Transmit> = ev.iter().filter_map(|e| if let ResolverEvent::Send(t) = e { Some(t) } else { None }).collect();
    assert_eq!(sends.len(), 2);
    assert_eq!(sends[0].message.questions[0].qtype, rtype::A);
    assert_eq!(sends[1].message.questions[0].qtype, rtype::AAAA);
    assert_eq!(sends[0].socket, sends[1].socket);
    assert_ne!(sends[0].message.id, sends[1].message.id);
    assert!(sends.iter().all(|t| t.message.flags == flag::RD && t.message.additional.is_empty()));
    let mut servers = [(HOME, DnsServer::new(DnsServerConfig { zone: Some(lab_zone()), upstreams: vec![], recursive: false }))];
    let res = run(&mut Resolver::new(ResolvConf::new(vec![HOME]), Program::GetAddrInfo, "web.lab"), &mut servers, &mut Rng::new(3));
    assert_eq!(addresses(&res), [Ipv4Addr::new(10, 0, 0, 80)]);
}

#[test]
fn timeouts_follow_glibc_per_server_formula() {
    // (timeout << ns) / nscount for ns > 0: with 3 servers 5, 3, 6 seconds, twice.
    let servers = vec![Ipv4Addr::new(10, 0, 0, 1), Ipv4Addr::new(10, 0, 0, 2), Ipv4Addr::new(10, 0, 0, 3)];
    for (list, expected) in [
        (servers[..1].to_vec(), vec![(0, 0), (5, 0)]),
        (servers[..2].to_vec(), vec![(0, 0), (5, 1), (10, 0), (15, 1)]),
        (servers.clone(), vec![(0, 0), (5, 1), (8, 2), (14, 0), (19, 1), (22, 2)]),
    ] {
        let n = list.len();
        let mut r = Resolver::new(ResolvConf::new(list.clone()), Program::GetAddrInfo, "web.lab");
        let mut rng = Rng::new(1);
        let mut now = SimTime::ZERO;
        let mut ev = r.start(now, &mut rng);
        let mut seen = vec![];
        loop {
            for e in &ev {
                if let ResolverEvent::Send(t) = e {
                    let s = (now.as_nanos() / 1_000_000_000, list.iter().position(|a| *a == t.server).unwrap());
                    if seen.last() != Some(&s) {
                        seen.push(s);
                    }
                }
            }
            if let Some(ResolverEvent::Done(res)) = ev.last() {
                assert_eq!(res[0].outcome, Err(Failure::Timeout));
                assert_eq!(now, SimTime::from_secs([10, 20, 28][n - 1]));
                break;
            }
            now = r.poll_at().unwrap();
            ev = r.on_timer(now, &mut rng);
        }
        assert_eq!(seen, expected, "{n} servers");
    }
}

#[test]
fn nxdomain_host_output_and_negative_answer() {
    let mut servers = [(HOME, DnsServer::new(DnsServerConfig { zone: Some(lab_zone()), upstreams: vec![], recursive: false }))];
    let res = run(&mut Resolver::new(ResolvConf::new(vec![HOME]), Program::Host, "nope.lab"), &mut servers, &mut Rng::new(2));
    assert_eq!(res.len(), 1, "host stops after an NXDOMAIN");
    let m = &res[0].outcome.as_ref().unwrap()[0];
    assert_eq!(m.rcode(), rcode::NXDOMAIN);
    assert_eq!(m.flags & flag::AA, flag::AA);
    assert_eq!(m.authority[0].rtype, rtype::SOA);
    assert_eq!(host_lines("nope.lab", &res), ["Host nope.lab not found: 3(NXDOMAIN)"]);
    // An existing name: A, AAAA (NODATA), MX (NODATA) in turn.
    let res = run(&mut Resolver::new(ResolvConf::new(vec![HOME]), Program::Host, "www.lab"), &mut servers, &mut Rng::new(2));
    assert_eq!(res.iter().map(|s| s.qtypes.clone()).collect::<Vec<_>>(), [[rtype::A], [rtype::AAAA], [rtype::MX]]);
    assert_eq!(host_lines("www.lab", &res), ["www.lab is an alias for web.lab.", "web.lab has address 10.0.0.80"]);
    assert_eq!(getent_hosts_lines(&run(
        &mut Resolver::new(ResolvConf::new(vec![HOME]), Program::GetentHosts, "www.lab"),
        &mut servers,
        &mut Rng::new(2)
    )), ["10.0.0.80       web.lab www.lab"]);
}

#[test]
fn forwarder_relays_caches_and_counts_ttl_down() {
    let mut rng = Rng::new(8);
    let mut home = DnsServer::new(DnsServerConfig { zone: None, upstreams: vec![GOOGLE], recursive: false });
    let mut zone = DnsZone::new("example.com");
    zone.records.push(ZoneRecord { name: "example.com".into(), ttl: 3600, data: ZoneData::A(Ipv4Addr::new(93, 184, 216, 34)) });
    let mut google = DnsServer::new(DnsServerConfig { zone: Some(zone), upstreams: vec![], recursive: true });
    let q = DnsMessage::query(0x4242, flag::RD, "example.com", rtype::A);
    let ev = home.on_query(SimTime::ZERO, &mut rng, (LAPTOP, 41000), &q.emit());
    let DnsServerEvent::Forward { to, socket, message } = &ev[0] else { panic!("{ev:?}") };
    assert_eq!(*to, GOOGLE);
    let src_port = 40_000 + *socket as u16;
    assert_ne!(message.id, 0x4242, "a fresh id upstream");
    assert_eq!(message.questions, q.questions);
    let ev = google.on_query(SimTime::ZERO, &mut rng, (HOME, src_port), &message.emit());
    let DnsServerEvent::Reply { message: upstream, .. } = &ev[0] else { panic!() };
    let ev = home.on_upstream_reply(SimTime::from_millis(20), &mut rng, GOOGLE, &upstream.emit());
    assert_eq!(ev[0], DnsServerEvent::CloseSocket(*socket));
    let DnsServerEvent::Reply { to, message } = &ev[1] else { panic!() };
    assert_eq!(*to, (LAPTOP, 41000));
    assert_eq!(message.id, 0x4242);
    assert_eq!(message.flags, 0x8180, "QR RD RA, not authoritative");
    assert_eq!(message.answers[0].ttl, 3600);
    // From the cache 100 s later, TTL counted down, nothing forwarded.
    let ev = home.on_query(SimTime::from_secs(100), &mut rng, (LAPTOP, 41001), &q.emit());
    let DnsServerEvent::Reply { message, .. } = &ev[0] else { panic!("{ev:?}") };
    assert_eq!(message.answers[0].ttl, 3500);
}

#[test]
fn refused_servfail_and_port_unreachable_move_to_the_next_server() {
    let mut rng = Rng::new(4);
    // No upstream and not our zone: REFUSED; glibc tries the next server.
    let other = Ipv4Addr::new(192, 168, 1, 2);
    let mut servers = [
        (HOME, DnsServer::new(DnsServerConfig { zone: None, upstreams: vec![], recursive: false })),
        (other, DnsServer::new(DnsServerConfig { zone: Some(lab_zone()), upstreams: vec![], recursive: false })),
    ];
    let res = run(&mut Resolver::new(ResolvConf::new(vec![HOME, other]), Program::GetAddrInfo, "web.lab"), &mut servers, &mut rng);
    assert_eq!(addresses(&res), [Ipv4Addr::new(10, 0, 0, 80)]);
    let mut only_refusing = [(HOME, DnsServer::new(DnsServerConfig { zone: None, upstreams: vec![], recursive: false }))];
    let res = run(&mut Resolver::new(ResolvConf::new(vec![HOME]), Program::Host, "web.lab"), &mut only_refusing, &mut rng);
    assert_eq!(res[0].outcome, Err(Failure::ServerError(rcode::REFUSED)));
    assert_eq!(host_lines("web.lab", &res), ["Host web.lab not found: 5(REFUSED)"]);

    // An upstream SERVFAIL makes the forwarder try its next upstream.
    let mut home = DnsServer::new(DnsServerConfig { zone: None, upstreams: vec![GOOGLE, Ipv4Addr::new(1, 1, 1, 1)], recursive: false });
    let q = DnsMessage::query(9, flag::RD, "example.com", rtype::A);
    let DnsServerEvent::Forward { message, .. } = home.on_query(SimTime::ZERO, &mut rng, (LAPTOP, 41000), &q.emit()).remove(0) else { panic!() };
    let mut fail = message.clone();
    fail.flags = 0x8182;
    let ev = home.on_upstream_reply(SimTime::ZERO, &mut rng, GOOGLE, &fail.emit());
    assert!(matches!(&ev[1], DnsServerEvent::Forward { to, .. } if *to == Ipv4Addr::new(1, 1, 1, 1)));

    // ICMP port unreachable: ECONNREFUSED, socket closed, next server at once.
    let mut r = Resolver::new(ResolvConf::new(vec![HOME, other]), Program::GetAddrInfo, "web.lab");
    let ev = r.start(SimTime::ZERO, &mut rng);
    let ResolverEvent::Send(t) = &ev[0] else { panic!() };
    let ev = r.on_port_unreachable(SimTime::from_millis(1), &mut rng, t.socket);
    assert_eq!(ev[0], ResolverEvent::Close(t.socket));
    assert!(matches!(&ev[1], ResolverEvent::Send(n) if n.server == other && n.socket != t.socket));
}

#[test]
fn dig_prints_like_bind9() {
    let m = response_repr();
    assert_eq!(record_line(&m.answers[0]), "example.com.\t\t3600\tIN\tA\t93.184.216.34");
    let lines = dig_lines("example.com", &m, HOME, 12, "Wed Dec 02 14:00:00 UTC 2026", 45);
    assert_eq!(lines[4], ";; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: 4660");
    assert_eq!(lines[5], ";; flags: qr rd ra; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 0");
    assert!(lines.contains(&";example.com.\t\t\tIN\tA".to_string()));
    assert!(lines.contains(&";; SERVER: 192.168.1.1#53(192.168.1.1) (UDP)".to_string()));
    let step = StepResult { qtypes: vec![rtype::A], name: "example.com".into(), outcome: Ok(vec![m]) };
    assert_eq!(dig_short_lines(&[step]), ["93.184.216.34"]);
    // dig's query: RD + AD and an OPT with a cookie.
    let mut r = Resolver::new(ResolvConf::new(vec![HOME]), Program::Dig(rtype::A), "example.com");
    let ev = r.start(SimTime::ZERO, &mut Rng::new(1));
    let ResolverEvent::Send(t) = &ev[0] else { panic!() };
    assert_eq!(t.message.flags, flag::RD | flag::AD);
    assert_eq!(t.message.additional[0].class, 1232);
    assert_eq!(t.message.emit().len(), 29 + 11 + 12);
    // dig retries the same server: 3 tries of 5 s, then gives up.
    let mut times = vec![0];
    let mut rng = Rng::new(1);
    while !r.is_done() {
        let t = r.poll_at().unwrap();
        if r.on_timer(t, &mut rng).iter().any(|e| matches!(e, ResolverEvent::Send(_))) {
            times.push(t.as_nanos() / 1_000_000_000);
        }
    }
    assert_eq!(times, [0, 5, 10]);
    assert_eq!(dig_short_lines(&[]), [";; connection timed out; no servers could be reached"]);
}

#[test]
fn every_truncation_and_a_pointer_loop_decode_without_panic() {
    let f = frame(HOME, LAPTOP, 53, 40000, &RESPONSE);
    // The frame is padded to 60 bytes only when shorter; this one is 87 bytes.
    for len in 0..f.len() {
        let _ = crate::wire::decode(&f[..len]);
        let _ = crate::wire::summarize(&f[..len]);
    }
    let mut looped = RESPONSE;
    looped[29] = 0xc0;
    looped[30] = 29; // the answer's name points at itself
    assert_eq!(DnsMessage::parse(&looped), None);
    let d = crate::wire::decode(&frame(HOME, LAPTOP, 53, 40000, &looped));
    assert!(matches!(d.problem, Some(crate::wire::Problem::Malformed { layer: crate::wire::LayerKind::Dns, .. })));
}
