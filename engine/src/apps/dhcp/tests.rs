//! DHCP tests: golden bytes of a dhclient DISCOVER (smoltcp style:
//! deconstruct, construct into a 0xa5 buffer, parse, emit), then the client and
//! the server driven together with explicit `now` values.

use std::net::Ipv4Addr;

use super::client::*;
use super::server::*;
use crate::mac::MacAddr;
use crate::rng::Rng;
use crate::time::SimTime;
use crate::wire::dhcp::{opt, DhcpMessage, DhcpOpt, MessageType, BOOTREQUEST};

const LAPTOP: MacAddr = MacAddr([0x02, 0, 0, 0, 0, 0x0a]);
const ROUTER_IP: Ipv4Addr = Ipv4Addr::new(192, 168, 1, 1);

fn ip(a: u8, b: u8, c: u8, d: u8) -> Ipv4Addr {
    Ipv4Addr::new(a, b, c, d)
}

/// dhclient's first DISCOVER from 02:00:00:00:00:0a ("laptop"), xid 0x3903f326,
/// as Ethernet + its own IP header (TOS 0x10, id 0, TTL 128) + UDP 68 → 67.
fn golden_discover() -> Vec<u8> {
    let mut f = vec![
        0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02, 0, 0, 0, 0, 0x0a, 0x08, 0x00, // Ethernet
        0x45, 0x10, 0x01, 0x48, 0x00, 0x00, 0x00, 0x00, 0x80, 0x11, 0x39, 0x96, // IPv4 ...
        0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, // 0.0.0.0 → 255.255.255.255
        0x00, 0x44, 0x00, 0x43, 0x01, 0x34, 0xa8, 0x59, // UDP 68 → 67, len 308
        0x01, 0x01, 0x06, 0x00, 0x39, 0x03, 0xf3, 0x26, 0x00, 0x00, 0x00, 0x00, // op htype hlen hops xid secs flags
    ];
    f.extend_from_slice(&[0; 16]); // ciaddr yiaddr siaddr giaddr
    f.extend_from_slice(&[0x02, 0, 0, 0, 0, 0x0a]);
    f.extend_from_slice(&[0; 10 + 64 + 128]); // chaddr padding, sname, file
    f.extend_from_slice(&[0x63, 0x82, 0x53, 0x63]);
    f.extend_from_slice(&[0x35, 0x01, 0x01]); // (53) Discover
    f.extend_from_slice(&[0x0c, 0x06, b'l', b'a', b'p', b't', b'o', b'p']); // (12) Host Name
    f.extend_from_slice(&[0x37, 0x0d, 1, 28, 2, 3, 15, 6, 119, 12, 44, 47, 26, 121, 42]); // (55)
    f.push(0xff);
    f.resize(14 + 20 + 8 + 300, 0);
    f
}

fn discover_repr() -> DhcpMessage {
    DhcpMessage {
        op: BOOTREQUEST,
        hops: 0,
        xid: 0x3903_f326,
        secs: 0,
        flags: 0,
        ciaddr: Ipv4Addr::UNSPECIFIED,
        yiaddr: Ipv4Addr::UNSPECIFIED,
        siaddr: Ipv4Addr::UNSPECIFIED,
        giaddr: Ipv4Addr::UNSPECIFIED,
        chaddr: LAPTOP,
        options: vec![
            DhcpOpt::u8(opt::MESSAGE_TYPE, 1),
            DhcpOpt::text(opt::HOST_NAME, "laptop"),
            DhcpOpt { code: opt::PARAMETER_LIST, data: DEBIAN_PARAMETER_REQUEST_LIST.to_vec() },
        ],
    }
}

#[test]
fn discover_deconstruct() {
    let f = golden_discover();
    let d = crate::wire::decode(&f);
    assert_eq!(d.problem, None);
    let udp = d.udp().unwrap();
    assert!(!udp.checksum.is_bad());
    assert_eq!(udp.checksum.status, crate::wire::ChecksumStatus::Good);
    let crate::wire::Application::Dhcp(dhcp) = udp.payload.as_ref().unwrap() else { panic!() };
    assert_eq!(dhcp.xid.value, 0x3903_f326);
    assert_eq!(dhcp.xid.range, 46..50);
    assert_eq!(dhcp.message_type, Some(MessageType::Discover));
    let labels: Vec<&str> = dhcp.tree.iter().filter(|n| n.label.starts_with("Option")).map(|n| n.label.as_str()).collect();
    assert_eq!(
        labels,
        ["Option: (53) DHCP Message Type", "Option: (12) Host Name", "Option: (55) Parameter Request List", "Option: (255) End"]
    );
    let o53 = dhcp.tree.iter().find(|n| n.label.contains("(53)")).unwrap();
    assert_eq!(o53.range, 282..285);
    assert_eq!(o53.value, "Discover (1)");
    assert_eq!(crate::wire::summarize(&f), "DHCP Discover - Transaction ID 0x3903f326");
}

#[test]
fn discover_construct_into_a5_buffer() {
    let m = discover_repr();
    let mut buf = vec![0xa5u8; m.buffer_len()];
    m.emit_into(&mut buf);
    assert_eq!(&buf[..], &golden_discover()[42..]);
}

#[test]
fn discover_parse_and_emit() {
    let f = golden_discover();
    assert_eq!(DhcpMessage::parse(&f[42..]), Some(discover_repr()));
    // The client's own transmit path gives the whole IP datagram byte for byte.
    let t = Transmit { message: discover_repr(), src: Ipv4Addr::UNSPECIFIED, dst: Ipv4Addr::BROADCAST, path: SendPath::Raw };
    assert_eq!(t.raw_ipv4_datagram(), &f[14..]);
}

fn pool() -> DhcpPool {
    DhcpPool::new(ROUTER_IP, ip(255, 255, 255, 0), ip(192, 168, 1, 100), ip(192, 168, 1, 199))
}

fn sends(ev: &[ClientEvent]) -> Vec<&Transmit> {
    ev.iter().filter_map(|e| if let ClientEvent::Send(t) = e { Some(t) } else { None }).collect()
}

fn replies(ev: &[ServerEvent]) -> Vec<(&DhcpMessage, Ipv4Addr, MacAddr)> {
    ev.iter()
        .filter_map(|e| if let ServerEvent::Reply { message, dst, dst_mac } = e { Some((message, *dst, *dst_mac)) } else { None })
        .collect()
}

fn codes(m: &DhcpMessage) -> Vec<u8> {
    m.options.iter().map(|o| o.code).collect()
}

/// Runs DISCOVER → ping → OFFER → REQUEST → ACK; returns both machines after it.
fn exchange(rng: &mut Rng) -> (DhcpClient, DhcpServer, Lease) {
    let mut c = DhcpClient::new(ClientConfig::debian(LAPTOP, Some("laptop")));
    let mut s = DhcpServer::new(pool());
    let t0 = SimTime::from_millis(1_200);
    let ev = c.start(t0, rng);
    let d = sends(&ev)[0].clone();
    assert_eq!(d.message.message_type(), Some(MessageType::Discover));
    assert_eq!(codes(&d.message), [53, 12, 55]);
    assert_eq!(d.message.secs, 0);
    // dnsmasq pings the candidate first and offers 3 s later.
    let ev = s.on_message(t0, rng, &d.message.emit(), false);
    let ServerEvent::Ping { to, icmp } = &ev[0] else { panic!("{ev:?}") };
    // sdbm(02:00:00:00:00:0a) = 744014472 (computed independently), % 100 = 72.
    assert_eq!(sdbm_hash(LAPTOP), 744_014_472);
    let hash_start = ip(192, 168, 1, 172);
    assert_eq!(*to, hash_start);
    assert_eq!(icmp.len(), 28);
    assert_eq!(s.poll_at(), Some(t0 + PING_WAIT));
    assert!(s.on_timer(t0 + SimTime::from_millis(2_999), rng).is_empty());
    let t1 = t0 + PING_WAIT;
    let ev = s.on_timer(t1, rng);
    let (offer, dst, dst_mac) = replies(&ev)[0];
    assert_eq!((dst, dst_mac), (hash_start, LAPTOP), "unicast to yiaddr/chaddr");
    assert_eq!(offer.message_type(), Some(MessageType::Offer));
    assert_eq!(codes(offer), [53, 54, 51, 58, 59, 1, 28, 3, 6]);
    assert_eq!(offer.siaddr, ROUTER_IP);
    assert_eq!(offer.u32_option(opt::RENEWAL_TIME), Some(1800));
    assert_eq!(offer.u32_option(opt::REBINDING_TIME), Some(3150));
    // The client requests it at once, same xid, broadcast, 54 then 50.
    let ev = c.on_message(t1, rng, &offer.emit());
    let r = sends(&ev)[0].clone();
    assert_eq!(r.message.xid, d.message.xid);
    assert_eq!(codes(&r.message), [53, 54, 50, 12, 55]);
    assert_eq!((r.dst, r.path), (Ipv4Addr::BROADCAST, SendPath::Raw));
    assert_eq!(c.state(), ClientState::Requesting);
    let ev = s.on_message(t1, rng, &r.message.emit(), false);
    let (ack, _, _) = replies(&ev)[0];
    assert_eq!(codes(ack), [53, 54, 51, 58, 59, 1, 28, 3, 6, 12], "ACK echoes the host name");
    assert!(matches!(ev[1], ServerEvent::Leased(ServerLease { address, .. }) if address == hash_start));
    let ev = c.on_message(t1, rng, &ack.emit());
    let ClientEvent::Bound(lease) = &ev[0] else { panic!("{ev:?}") };
    assert_eq!(lease.address, hash_start);
    assert_eq!(lease.routers, [ROUTER_IP]);
    assert_eq!(lease.dns_servers, [ROUTER_IP]);
    assert_eq!(lease.mask, ip(255, 255, 255, 0));
    (c, s, lease.clone())
}

#[test]
fn full_exchange_binds_and_renews_at_t1_by_unicast() {
    let mut rng = Rng::new(42);
    let (mut c, mut s, lease) = exchange(&mut rng);
    // dhclient randomises T1 into [3/4·T1, T1] (dhcpack).
    let bound_at = 4; // whole second of the ACK
    let t1 = lease.renew_at.as_nanos() / 1_000_000_000 - bound_at;
    assert!((1350..=1800).contains(&t1), "renewal after {t1} s");
    assert_eq!(lease.rebind_at, SimTime::from_secs(bound_at + 3150));
    assert_eq!(lease.expires_at, SimTime::from_secs(bound_at + 3600));
    assert_eq!(c.poll_at(), Some(lease.renew_at));
    let ev = c.on_timer(lease.renew_at, &mut rng);
    let r = sends(&ev)[0].clone();
    assert_eq!((r.src, r.dst, r.path), (lease.address, ROUTER_IP, SendPath::Socket));
    assert_eq!(r.message.ciaddr, lease.address);
    assert_eq!(codes(&r.message), [53, 12, 55], "no 54/50 when renewing");
    assert_eq!(c.state(), ClientState::Renewing);
    let ev = s.on_message(lease.renew_at, &mut rng, &r.message.emit(), true);
    let (ack, dst, _) = replies(&ev)[0];
    assert_eq!(dst, lease.address);
    // dnsmasq takes a random fuzz (at most T1/8) off T1 and T2 on renewals.
    let t1v = ack.u32_option(opt::RENEWAL_TIME).unwrap();
    assert!((1800 - 225..=1800).contains(&t1v));
    assert_eq!(1800 - t1v, 3150 - ack.u32_option(opt::REBINDING_TIME).unwrap());
    let ev = c.on_message(lease.renew_at, &mut rng, &ack.emit());
    assert!(matches!(ev[0], ClientEvent::Renewed(_)));
    assert_eq!(c.state(), ClientState::Bound);
}

#[test]
fn discover_backoff_without_server_then_gives_up_after_60_s() {
    let mut rng = Rng::new(7);
    let mut c = DhcpClient::new(ClientConfig::debian(LAPTOP, Some("laptop")));
    let start = SimTime::from_millis(500);
    let mut times = vec![start];
    let mut secs = vec![];
    let mut ev = c.start(start, &mut rng);
    let xid = c.xid();
    loop {
        if let Some(t) = sends(&ev).first() {
            secs.push(t.message.secs);
            assert_eq!(t.message.xid, xid, "retransmissions keep the xid");
        }
        if let Some(ClientEvent::NoOffers { retry_at }) = ev.last() {
            let now = *times.last().unwrap();
            let wait = retry_at.as_nanos() / 1_000_000_000 - now.as_nanos() / 1_000_000_000;
            assert!((150..450).contains(&wait), "retry after {wait} s");
            break;
        }
        let next = c.poll_at().unwrap();
        times.push(next);
        ev = c.on_timer(next, &mut rng);
    }
    // Whole-second gaps: first interval 3 + random() % 6, capped by the cutoff
    // rule at 7..=21 s, never past first_sending + 61 s.
    let gaps: Vec<u64> = times.windows(2).map(|w| w[1].as_nanos() / 1_000_000_000 - w[0].as_nanos() / 1_000_000_000).collect();
    assert!((3..=8).contains(&gaps[0]), "{gaps:?}");
    assert!(gaps.iter().all(|g| (1..=22).contains(g)), "{gaps:?}");
    let last = times.last().unwrap().as_nanos() / 1_000_000_000;
    assert_eq!(last, 61, "the panic check runs at first_sending + 61 s: {times:?}");
    assert_eq!(secs[0], 0);
    assert!(secs.windows(2).all(|w| w[0] < w[1]), "secs counts up: {secs:?}");
    assert_eq!(c.state(), ClientState::Init);
    // Same seed, same schedule.
    let mut rng2 = Rng::new(7);
    let mut c2 = DhcpClient::new(ClientConfig::debian(LAPTOP, Some("laptop")));
    c2.start(start, &mut rng2);
    assert_eq!(c2.poll_at(), Some(times[1]));
}

#[test]
fn unanswered_renewal_rebinds_by_broadcast_then_expires() {
    let mut rng = Rng::new(3);
    let (mut c, _s, lease) = exchange(&mut rng);
    let mut saw_broadcast = false;
    let mut now = c.poll_at().unwrap();
    let mut ev = c.on_timer(now, &mut rng);
    loop {
        let expired = matches!(ev.first(), Some(ClientEvent::Expired { .. }));
        for t in sends(&ev).into_iter().filter(|_| !expired) {
            if now > lease.rebind_at {
                assert_eq!((t.dst, t.path, t.src), (Ipv4Addr::BROADCAST, SendPath::Raw, lease.address));
                saw_broadcast = true;
            } else {
                assert_eq!(t.dst, ROUTER_IP);
            }
        }
        if let Some(ClientEvent::Expired { address, nak_from }) = ev.first() {
            assert_eq!((*address, *nak_from), (lease.address, None));
            assert!(now > lease.expires_at);
            assert!(now <= lease.expires_at + SimTime::from_secs(2));
            // And a fresh DISCOVER with a new xid that still asks for the old
            // address: dhclient keeps `client->active` through state_init.
            let d = sends(&ev)[0];
            assert_eq!(d.message.message_type(), Some(MessageType::Discover));
            assert_eq!(codes(&d.message), [53, 50, 12, 55]);
            assert_eq!(d.message.addr_option(opt::REQUESTED_IP), Some(lease.address));
            break;
        }
        now = c.poll_at().unwrap();
        ev = c.on_timer(now, &mut rng);
    }
    assert!(saw_broadcast);
}

#[test]
fn nak_on_renewal_drops_the_address_and_restarts() {
    let mut rng = Rng::new(11);
    let (mut c, _s, lease) = exchange(&mut rng);
    // A server that does not know the lease (restarted without its lease
    // file): a unicast renewal gets "lease not found", broadcast. (With
    // dhcp-authoritative dnsmasq would re-create the lease and ACK instead.)
    let mut other = DhcpServer::new(pool());
    let ev = c.on_timer(lease.renew_at, &mut rng);
    let r = sends(&ev)[0].clone();
    let ev = other.on_message(lease.renew_at, &mut rng, &r.message.emit(), true);
    let (nak, dst, _) = replies(&ev)[0];
    assert_eq!(nak.message_type(), Some(MessageType::Nak));
    assert_eq!(nak.option(opt::MESSAGE), Some(&b"lease not found"[..]));
    assert_eq!(dst, Ipv4Addr::BROADCAST);
    let old_xid = c.xid();
    let ev = c.on_message(lease.renew_at, &mut rng, &nak.emit());
    assert!(matches!(ev[0], ClientEvent::Expired { nak_from: Some(ROUTER_IP), .. }));
    assert_eq!(sends(&ev)[0].message.message_type(), Some(MessageType::Discover));
    assert_ne!(c.xid(), old_xid);
}

#[test]
fn nak_to_a_first_request_is_ignored_as_dhclient_does() {
    let mut rng = Rng::new(5);
    let mut c = DhcpClient::new(ClientConfig::debian(LAPTOP, None));
    let ev = c.start(SimTime::ZERO, &mut rng);
    let d = sends(&ev)[0].message.clone();
    let mut s = DhcpServer::new(DhcpPool { ping_check: false, ..pool() });
    let offer = replies(&s.on_message(SimTime::ZERO, &mut rng, &d.emit(), false))[0].0.clone();
    c.on_message(SimTime::ZERO, &mut rng, &offer.emit());
    let nak = DhcpMessage {
        op: 2,
        options: vec![DhcpOpt::u8(opt::MESSAGE_TYPE, 6), DhcpOpt::addrs(opt::SERVER_ID, &[ROUTER_IP])],
        ..offer
    };
    assert!(c.on_message(SimTime::ZERO, &mut rng, &nak.emit()).is_empty());
    assert_eq!(c.state(), ClientState::Requesting);
    // Without an ACK it goes back to DISCOVER once past the 10 s reboot timeout.
    let mut kinds = vec![];
    while c.state() == ClientState::Requesting {
        let t = c.poll_at().unwrap();
        for s in sends(&c.on_timer(t, &mut rng)) {
            kinds.push((t.as_nanos() / 1_000_000_000, s.message.message_type().unwrap()));
        }
    }
    assert_eq!(kinds.last().unwrap().1, MessageType::Discover);
    assert!(kinds.last().unwrap().0 > 10);
}

#[test]
fn pool_exhaustion_and_ping_answered() {
    let mut rng = Rng::new(9);
    let small = DhcpPool { start: ip(192, 168, 1, 100), end: ip(192, 168, 1, 101), ping_check: false, ..pool() };
    let mut s = DhcpServer::new(small);
    for (i, mac) in [[2, 0, 0, 0, 0, 1], [2, 0, 0, 0, 0, 2]].into_iter().enumerate() {
        let mut c = DhcpClient::new(ClientConfig::debian(MacAddr(mac), None));
        let now = SimTime::from_secs(i as u64);
        let d = sends(&c.start(now, &mut rng))[0].message.clone();
        let offer = replies(&s.on_message(now, &mut rng, &d.emit(), false))[0].0.clone();
        let r = sends(&c.on_message(now, &mut rng, &offer.emit()))[0].message.clone();
        assert!(matches!(s.on_message(now, &mut rng, &r.emit(), false)[1], ServerEvent::Leased(_)));
    }
    let mut c = DhcpClient::new(ClientConfig::debian(MacAddr([2, 0, 0, 0, 0, 3]), None));
    let d = sends(&c.start(SimTime::from_secs(5), &mut rng))[0].message.clone();
    let ev = s.on_message(SimTime::from_secs(5), &mut rng, &d.emit(), false);
    assert_eq!(ev, [ServerEvent::PoolExhausted { mac: MacAddr([2, 0, 0, 0, 0, 3]) }]);
    // Leases expire after the lease time; then the address is free again.
    let later = SimTime::from_secs(5 + 3600);
    let ev = s.on_message(later, &mut rng, &d.emit(), false);
    assert!(matches!(&ev[0], ServerEvent::Reply { .. }), "{ev:?}");

    // Ping answered: the next address of the scan is pinged instead.
    let mut s = DhcpServer::new(pool());
    let mut c = DhcpClient::new(ClientConfig::debian(LAPTOP, None));
    let d = sends(&c.start(SimTime::ZERO, &mut rng))[0].message.clone();
    let ev = s.on_message(SimTime::ZERO, &mut rng, &d.emit(), false);
    let ServerEvent::Ping { to, icmp } = ev[0].clone() else { panic!() };
    let ident = u16::from_be_bytes([icmp[4], icmp[5]]);
    // A DISCOVER arriving meanwhile waits (dnsmasq is deaf during the ping).
    assert!(s.on_message(SimTime::from_millis(10), &mut rng, &d.emit(), false).is_empty());
    let ev = s.on_echo_reply(SimTime::from_millis(20), &mut rng, to, ident);
    let ServerEvent::Ping { to: next, .. } = ev[0] else { panic!("{ev:?}") };
    assert_eq!(u32::from(next), u32::from(to) + 1);
    let ev = s.on_timer(SimTime::from_millis(3_020), &mut rng);
    let offers = replies(&ev);
    assert_eq!(offers.len(), 2, "the queued DISCOVER is answered from the ping cache");
    assert!(offers.iter().all(|(m, _, _)| m.yiaddr == next));
}

#[test]
fn two_servers_first_offer_wins_and_the_other_stays_quiet() {
    let mut rng = Rng::new(13);
    let mut c = DhcpClient::new(ClientConfig::debian(LAPTOP, Some("laptop")));
    let mut a = DhcpServer::new(DhcpPool { ping_check: false, ..pool() });
    let b_pool = DhcpPool { server_addr: ip(192, 168, 1, 2), ping_check: false, ..pool() };
    let mut b = DhcpServer::new(b_pool.clone());
    let d = sends(&c.start(SimTime::ZERO, &mut rng))[0].message.clone();
    let offer_b = replies(&b.on_message(SimTime::ZERO, &mut rng, &d.emit(), false))[0].0.clone();
    let offer_a = replies(&a.on_message(SimTime::ZERO, &mut rng, &d.emit(), false))[0].0.clone();
    let r = sends(&c.on_message(SimTime::ZERO, &mut rng, &offer_b.emit()))[0].message.clone();
    assert_eq!(r.addr_option(opt::SERVER_ID), Some(ip(192, 168, 1, 2)));
    assert!(c.on_message(SimTime::ZERO, &mut rng, &offer_a.emit()).is_empty(), "later OFFERs are ignored");
    assert!(a.on_message(SimTime::ZERO, &mut rng, &r.emit(), false).is_empty(), "not ours: silence");
    let mut auth = DhcpServer::new(DhcpPool { authoritative: true, ping_check: false, ..pool() });
    let ev = auth.on_message(SimTime::ZERO, &mut rng, &r.emit(), false);
    assert!(matches!(ev[1], ServerEvent::Nak { reason: "wrong server-ID", .. }));
    assert!(matches!(b.on_message(SimTime::ZERO, &mut rng, &r.emit(), false)[1], ServerEvent::Leased(_)));
}

#[test]
fn every_truncation_of_a_dhcp_frame_decodes_without_panic() {
    let f = golden_discover();
    for len in 0..f.len() {
        let d = crate::wire::decode(&f[..len]);
        if len >= 14 {
            assert!(d.problem.is_some(), "a {len}-byte cut must be reported");
        }
        let _ = crate::wire::summarize(&f[..len]);
    }
    // An option announcing more bytes than remain is reported as truncated DHCP.
    let mut m = discover_repr().emit();
    m[241] = 200; // (53)'s length
    let t = Transmit { message: discover_repr(), src: Ipv4Addr::UNSPECIFIED, dst: Ipv4Addr::BROADCAST, path: SendPath::Raw };
    let mut ip = t.raw_ipv4_datagram();
    ip[28..].copy_from_slice(&m);
    let frame = crate::frames::ethernet(MacAddr::BROADCAST, LAPTOP, smoltcp::wire::EthernetProtocol::Ipv4, &ip, false);
    let d = crate::wire::decode(&frame);
    assert!(matches!(d.problem, Some(crate::wire::Problem::Truncated { layer: crate::wire::LayerKind::Dhcp, .. })), "{:?}", d.problem);
}

/// dnsmasq's OFFER to the golden DISCOVER (no ping, default range options):
/// the BOOTP payload byte for byte.
fn golden_offer() -> Vec<u8> {
    let mut p = vec![0x02, 0x01, 0x06, 0x00, 0x39, 0x03, 0xf3, 0x26, 0, 0, 0, 0]; // op .. flags
    p.extend_from_slice(&[0, 0, 0, 0, 192, 168, 1, 172, 192, 168, 1, 1, 0, 0, 0, 0]); // ci yi si gi
    p.extend_from_slice(&[0x02, 0, 0, 0, 0, 0x0a]);
    p.extend_from_slice(&[0; 10 + 64 + 128]);
    p.extend_from_slice(&[0x63, 0x82, 0x53, 0x63]);
    p.extend_from_slice(&[53, 1, 2]);
    p.extend_from_slice(&[54, 4, 192, 168, 1, 1]);
    p.extend_from_slice(&[51, 4, 0, 0, 0x0e, 0x10]); // 3600
    p.extend_from_slice(&[58, 4, 0, 0, 0x07, 0x08]); // 1800
    p.extend_from_slice(&[59, 4, 0, 0, 0x0c, 0x4e]); // 3150
    p.extend_from_slice(&[1, 4, 255, 255, 255, 0]);
    p.extend_from_slice(&[28, 4, 192, 168, 1, 255]);
    p.extend_from_slice(&[3, 4, 192, 168, 1, 1]);
    p.extend_from_slice(&[6, 4, 192, 168, 1, 1]);
    p.push(255);
    p.resize(300, 0);
    p
}

#[test]
fn offer_golden_bytes() {
    let mut s = DhcpServer::new(DhcpPool { ping_check: false, ..pool() });
    let ev = s.on_message(SimTime::ZERO, &mut Rng::new(1), &discover_repr().emit(), false);
    let (offer, dst, dst_mac) = replies(&ev)[0];
    assert_eq!(offer.emit(), golden_offer());
    assert_eq!((dst, dst_mac), (ip(192, 168, 1, 172), LAPTOP));
    assert_eq!(DhcpMessage::parse(&golden_offer()).as_ref(), Some(offer));
    let mut buf = vec![0xa5; offer.buffer_len()];
    offer.emit_into(&mut buf);
    assert_eq!(buf, golden_offer());
}

#[test]
fn release_then_restart_with_the_saved_lease_reboots() {
    let mut rng = Rng::new(21);
    let (mut c, mut s, lease) = exchange(&mut rng);
    let now = SimTime::from_secs(100);
    let ev = c.release(now, &mut rng);
    let t = sends(&ev)[0].clone();
    assert_eq!(t.message.message_type(), Some(MessageType::Release));
    assert_eq!(codes(&t.message), [53, 54, 12]);
    assert_eq!((t.src, t.dst, t.path, t.message.ciaddr), (lease.address, ROUTER_IP, SendPath::Socket, lease.address));
    assert_eq!(ev[1], ClientEvent::Released { address: lease.address, server: lease.server_id });
    assert_eq!((c.state(), c.poll_at()), (ClientState::Stopped, None));
    s.on_message(now, &mut rng, &t.message.emit(), true);
    assert_eq!(s.leases().count(), 0, "dnsmasq drops a released lease");

    // `dhclient eth0` again with the lease file: INIT-REBOOT, 50 without 54.
    let mut c = DhcpClient::new(ClientConfig::debian(LAPTOP, Some("laptop")));
    let later = SimTime::from_secs(200);
    let ev = c.start_with_lease(later, &mut rng, lease.clone());
    let r = sends(&ev)[0].clone();
    assert_eq!(codes(&r.message), [53, 50, 12, 55]);
    assert_eq!((r.src, r.dst, r.path), (Ipv4Addr::UNSPECIFIED, Ipv4Addr::BROADCAST, SendPath::Raw));
    assert_eq!(c.state(), ClientState::Rebooting);
    // A non-authoritative dnsmasq without the lease stays silent...
    assert!(s.on_message(later, &mut rng, &r.message.emit(), false).is_empty());
    // ...so after the 10 s reboot timeout dhclient falls back to DISCOVER.
    let mut last = None;
    while c.state() == ClientState::Rebooting {
        let t = c.poll_at().unwrap();
        last = sends(&c.on_timer(t, &mut rng)).last().map(|s| (t, s.message.message_type().unwrap()));
    }
    let (t, kind) = last.unwrap();
    assert_eq!(kind, MessageType::Discover);
    assert!(t > later + SimTime::from_secs(10));
    // An authoritative one re-creates the lease and ACKs the reboot.
    let mut c = DhcpClient::new(ClientConfig::debian(LAPTOP, Some("laptop")));
    let mut auth = DhcpServer::new(DhcpPool { authoritative: true, ..pool() });
    let r = sends(&c.start_with_lease(later, &mut rng, lease.clone()))[0].message.clone();
    let ack = replies(&auth.on_message(later, &mut rng, &r.emit(), false))[0].0.clone();
    assert!(matches!(c.on_message(later, &mut rng, &ack.emit())[0], ClientEvent::Bound(_)));
    // An expired saved lease goes straight to DISCOVER.
    let mut c = DhcpClient::new(ClientConfig::debian(LAPTOP, None));
    let ev = c.start_with_lease(lease.expires_at, &mut rng, lease);
    assert_eq!(sends(&ev)[0].message.message_type(), Some(MessageType::Discover));
}
