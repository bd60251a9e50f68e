//! NAT on a router (issue 12, phase 2): the scenario field and its checks,
//! ping and DNS through MASQUERADE frame by frame (the bytes on the outside
//! link, the checksums, the reply translated back), the conntrack table in the
//! trace and its expiry, and the forgotten NAT's diagnosis.

mod common;

use packet_engine::Scenario;

const FORGOT_NAT: &str = include_str!("../../scenarios/forgot-nat.json");

/// The forgot-NAT lab with masquerade on the home router's outside interface.
fn with_nat() -> String {
    let from = r#"{ "name": "eth1", "address": "203.0.113.2/24" }"#;
    assert!(FORGOT_NAT.contains(from));
    FORGOT_NAT.replacen(from, r#"{ "name": "eth1", "address": "203.0.113.2/24", "nat": "masquerade" }"#, 1)
}

fn error(text: &str) -> String {
    match Scenario::from_json(text) {
        Ok(_) => panic!("accepted"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn nat_field_is_read_and_checked() {
    let t = Scenario::from_json(&with_nat()).unwrap().validate().unwrap();
    let home = &t.devices[t.device_index("home-router").unwrap()];
    assert_eq!(home.interfaces.iter().map(|i| i.masquerade).collect::<Vec<_>>(), [false, true]);
    // Any case, spaces around.
    Scenario::from_json(&with_nat().replace("\"masquerade\"", "\" Masquerade \"")).unwrap();
    assert_eq!(
        error(&with_nat().replace("\"masquerade\"", "\"snat\"")),
        "devices[2].interfaces[1].nat: \"snat\" is not a NAT mode this lab knows; use \"masquerade\" (iptables -t nat -A POSTROUTING -o eth1 -j MASQUERADE)"
    );
    let on_host = FORGOT_NAT.replacen(
        r#"{ "name": "eth0", "address": "192.168.1.10/24" }"#,
        r#"{ "name": "eth0", "address": "192.168.1.10/24", "nat": "masquerade" }"#,
        1,
    );
    assert_eq!(
        error(&on_host),
        "devices[0].interfaces[0].nat: laptop is a host: NAT rewrites packets a router forwards, so put it on the outside interface of a router"
    );
    let on_server = FORGOT_NAT.replacen(
        r#"{ "name": "eth0", "address": "8.8.8.8/24" }"#,
        r#"{ "name": "eth0", "address": "8.8.8.8/24", "nat": "masquerade" }"#,
        1,
    );
    assert!(error(&on_server).starts_with("devices[4].interfaces[0].nat: dns-google is a server: NAT"));
    let no_address = with_nat().replacen(r#""address": "203.0.113.2/24", "nat""#, r#""nat""#, 1);
    assert_eq!(
        error(&no_address),
        "devices[2].interfaces[1].nat: eth1 has no address: masquerade rewrites the source to the outside interface's address, so give eth1 one"
    );
    let dhcp = with_nat().replacen(r#""address": "203.0.113.2/24", "nat""#, r#""address": "dhcp", "nat""#, 1);
    assert_eq!(
        error(&dhcp),
        "devices[2].interfaces[1].nat: eth1 gets its address from DHCP; NAT in this lab needs a fixed address on the outside interface"
    );
    // A switch has no interfaces to carry it; a wrong type is a syntax error with its path.
    assert!(error(&with_nat().replace("\"masquerade\"", "true")).contains("devices[2].interfaces[1].nat"));
    // The field round-trips through JSON and is left out when absent.
    let s = Scenario::from_json(&with_nat()).unwrap();
    assert_eq!(Scenario::from_json(&s.to_json_pretty()).unwrap(), s);
    assert!(!Scenario::from_json(FORGOT_NAT).unwrap().to_json_pretty().contains("\"nat\""));
}

use common::frames_on;
use packet_engine::diagnose::{diagnose, Cause};
use packet_engine::trace::{EventKind, NatDirection, NatRewrite};
use packet_engine::{RunOutcome, SimTime, Simulation};
use smoltcp::wire::{IpAddress, Ipv4Packet, UdpPacket};
use std::net::Ipv4Addr;

fn run_lab(text: &str) -> RunOutcome {
    Simulation::new(&Scenario::from_json(text).unwrap()).unwrap().run()
}

/// The lab with NAT and `commands` instead of its ping.
fn with_nat_running(commands: &str) -> String {
    let from = r#"{ "at_ms": 1000, "device": "laptop", "run": "ping -c 2 8.8.8.8" }"#;
    assert!(FORGOT_NAT.contains(from));
    with_nat().replacen(from, commands, 1)
}

/// The IPv4 datagram of an Ethernet frame, without Ethernet padding.
fn ip(frame: &[u8]) -> &[u8] {
    let total = u16::from_be_bytes([frame[16], frame[17]]) as usize;
    &frame[14..14 + total]
}

fn addr(b: &[u8]) -> Ipv4Addr {
    Ipv4Addr::new(b[0], b[1], b[2], b[3])
}

fn internet_sum(bytes: &[u8]) -> u16 {
    let mut sum: u32 = 0;
    for c in bytes.chunks(2) {
        sum += u32::from(u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]));
    }
    while sum >> 16 != 0 {
        sum = (sum & 0xffff) + (sum >> 16);
    }
    !(sum as u16)
}

/// The ICMP / IPv4 echo frames on a link (type 8 or 0).
fn echoes(out: &RunOutcome, link: &str, icmp_type: u8) -> Vec<Vec<u8>> {
    frames_on(out, link)
        .into_iter()
        .filter(|f| f.bytes[12..14] == [8, 0] && f.bytes[23] == 1 && f.bytes[34] == icmp_type)
        .map(|f| f.bytes)
        .collect()
}

#[test]
fn forgotten_nat_is_diagnosed() {
    let scenario = Scenario::from_json(FORGOT_NAT).unwrap();
    let topology = scenario.validate().unwrap();
    let out = Simulation::from_topology(&topology).run();
    // The request reaches the server with the private source; the reply dies at the ISP.
    let req = echoes(&out, "l4", 8);
    assert_eq!(req.len(), 2);
    assert_eq!(addr(&ip(&req[0])[12..16]), Ipv4Addr::new(192, 168, 1, 10));
    assert!(echoes(&out, "l3", 0).is_empty(), "no reply crosses back to the home router");
    let d = diagnose(&topology, &out);
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].cause, Cause::ForgotNat { router: "home-router".into(), address: Ipv4Addr::new(192, 168, 1, 10) });
    assert_eq!(d[0].field, "devices[2].interfaces[1].nat");
    assert!(
        d[0].text.to_string().starts_with("The home router does not translate: the server answers 192.168.1.10, which no router on the internet knows. 192.168.1.10 is a private address (RFC 1918), so isp has no route for it and drops the answer from 8.8.8.8."),
        "{}",
        d[0].text
    );
    // With NAT: no diagnosis, both replies.
    let fixed = Scenario::from_json(&with_nat()).unwrap().validate().unwrap();
    let out = Simulation::from_topology(&fixed).run();
    assert!(diagnose(&fixed, &out).is_empty());
    assert!(out.outputs["laptop: ping -c 2 8.8.8.8"].iter().any(|l| l.starts_with("2 packets transmitted, 2 received")));
}

#[test]
fn ping_through_nat_frame_by_frame() {
    let out = run_lab(&with_nat());
    let inside = echoes(&out, "l2", 8);
    let outside = echoes(&out, "l3", 8);
    assert_eq!((inside.len(), outside.len()), (2, 2));
    for (i, o) in inside.iter().zip(&outside) {
        let (ii, oi) = (ip(i), ip(o));
        // Exactly what MASQUERADE does to an echo request: the source becomes
        // the outside address, TTL − 1 (forwarding), the header checksum
        // follows; the echo id is free on the outside, so it is kept and the
        // ICMP checksum (which does not cover addresses) is unchanged.
        let mut expected = ii.to_vec();
        expected[8] -= 1;
        expected[12..16].copy_from_slice(&[203, 0, 113, 2]);
        expected[10..12].copy_from_slice(&[0, 0]);
        let c = internet_sum(&expected[..20]);
        expected[10..12].copy_from_slice(&c.to_be_bytes());
        assert_eq!(oi, &expected[..]);
        assert_eq!(internet_sum(&oi[20..]), 0, "ICMP checksum valid");
    }
    // The reply is addressed to the router's outside address, and leaves the
    // router for the laptop addressed to 192.168.1.10 with both checksums valid.
    let back_out = echoes(&out, "l3", 0);
    let back_in = echoes(&out, "l1", 0);
    assert_eq!((back_out.len(), back_in.len()), (2, 2));
    for (o, i) in back_out.iter().zip(&back_in) {
        let (oi, ii) = (ip(o), ip(i));
        assert_eq!(addr(&oi[16..20]), Ipv4Addr::new(203, 0, 113, 2));
        assert_eq!(addr(&ii[16..20]), Ipv4Addr::new(192, 168, 1, 10));
        assert_eq!(ii[8], oi[8] - 1);
        assert_eq!(internet_sum(&ii[..20]), 0);
        assert_eq!(internet_sum(&ii[20..]), 0);
        assert_eq!(&ii[20..], &oi[20..], "the echo reply itself is untouched");
    }
    // The events: request out (new flow), reply in, request out, reply in.
    let nat: Vec<_> = out
        .trace
        .events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::NatTranslated { direction, rewrite, .. } => {
                let NatRewrite { before, after, checksums, entry } = &**rewrite;
                Some((*direction, *before, *after, checksums.clone(), entry.clone()))
            }
            _ => None,
        })
        .collect();
    assert_eq!(nat.iter().map(|n| n.0).collect::<Vec<_>>(), [NatDirection::Outbound, NatDirection::Inbound, NatDirection::Outbound, NatDirection::Inbound]);
    let (_, before, after, sums, entry) = &nat[0];
    assert_eq!(before.src.0, Ipv4Addr::new(192, 168, 1, 10));
    assert_eq!(after.src, (Ipv4Addr::new(203, 0, 113, 2), before.src.1));
    assert_eq!(sums.iter().map(|c| c.field).collect::<Vec<_>>(), ["IPv4 header"]);
    assert!(!entry.seen_reply);
    let id = before.src.1;
    assert_eq!(
        nat[1].4.line(nat[1].4.expires - SimTime::from_secs(30)),
        format!("icmp     1 30 src=192.168.1.10 dst=8.8.8.8 type=8 code=0 id={id} src=8.8.8.8 dst=203.0.113.2 type=0 code=0 id={id}")
    );
    let sentence = out.trace.events.iter().find(|e| matches!(e.kind, EventKind::NatTranslated { .. })).unwrap().explain();
    assert!(sentence.starts_with(&format!("home-router (NAT on eth1) rewrites the source 192.168.1.10 (echo id {id}) → 203.0.113.2 (echo id {id}) so the reply can find its way back")), "{sentence}");
}

#[test]
fn conntrack_table_over_time_and_expiry() {
    let out = run_lab(&with_nat());
    let events = &out.trace.events;
    let last_reply = events.iter().rposition(|e| matches!(&e.kind, EventKind::NatTranslated { direction: NatDirection::Inbound, .. })).unwrap();
    let state = out.trace.state_at(last_reply);
    let rows = &state.conntrack["home-router"];
    assert_eq!(rows.len(), 1);
    assert!(rows[0].seen_reply && !rows[0].assured && rows[0].tcp_state.is_none());
    assert_eq!(rows[0].interface, "eth1");
    // icmp_timeout 30 s after the last packet of the flow.
    let t_reply = events[last_reply].time;
    assert_eq!(rows[0].expires, t_reply + SimTime::from_secs(30));
    let expired = events.iter().position(|e| matches!(e.kind, EventKind::ConntrackExpired { .. })).expect("the entry expires");
    assert_eq!(events[expired].time, t_reply + SimTime::from_secs(30));
    assert_eq!(out.trace.state_at(expired - 1).conntrack["home-router"].len(), 1);
    assert!(out.trace.state_at(expired).conntrack.is_empty());
    assert!(events[expired].explain().starts_with("home-router forgets the ICMP echo flow 192.168.1.10"));
    // The replay agrees with the snapshot index.
    let index = out.trace.state_index(7);
    for i in [last_reply, expired - 1, expired] {
        assert_eq!(index.state_at(&out.trace, i), out.trace.state_at(i));
    }
}

#[test]
fn dns_query_through_nat_frame_by_frame() {
    let out = run_lab(&with_nat_running(r#"{ "at_ms": 1000, "device": "laptop", "run": "dig +short example.com" }"#));
    assert_eq!(out.outputs["laptop: dig +short example.com"], ["93.184.216.34"]);
    let udp53 = |link: &str, to_server: bool| -> Vec<Vec<u8>> {
        frames_on(&out, link)
            .into_iter()
            .filter(|f| f.bytes[12..14] == [8, 0] && f.bytes[23] == 17)
            .filter(|f| {
                let port = if to_server { &f.bytes[36..38] } else { &f.bytes[34..36] };
                port == [0, 53]
            })
            .map(|f| ip(&f.bytes).to_vec())
            .collect()
    };
    let (q_in, q_out) = (udp53("l2", true), udp53("l3", true));
    let (a_out, a_in) = (udp53("l3", false), udp53("l1", false));
    assert_eq!((q_in.len(), q_out.len(), a_out.len(), a_in.len()), (1, 1, 1, 1));
    let (qi, qo) = (&q_in[0], &q_out[0]);
    let (pi, po) = (Ipv4Packet::new_checked(&qi[..]).unwrap(), Ipv4Packet::new_checked(&qo[..]).unwrap());
    assert_eq!(po.src_addr(), Ipv4Addr::new(203, 0, 113, 2));
    assert_eq!(po.dst_addr(), Ipv4Addr::new(8, 8, 8, 8));
    assert_eq!(po.hop_limit(), pi.hop_limit() - 1);
    assert!(po.verify_checksum());
    let (ui, uo) = (UdpPacket::new_checked(pi.payload()).unwrap(), UdpPacket::new_checked(po.payload()).unwrap());
    // The source port is free on the outside address, so Linux keeps it.
    assert_eq!(uo.src_port(), ui.src_port());
    assert_eq!(uo.payload(), ui.payload(), "the DNS query itself is untouched");
    // The UDP checksum changed (the pseudo-header's source did) and is right
    // for the new addresses: updated incrementally, as nf_nat does.
    assert_ne!(uo.checksum(), ui.checksum());
    assert!(uo.verify_checksum(&IpAddress::Ipv4(po.src_addr()), &IpAddress::Ipv4(po.dst_addr())));
    // The answer: to the outside address, then back to the laptop's port.
    let (ao, ai) = (Ipv4Packet::new_checked(&a_out[0][..]).unwrap(), Ipv4Packet::new_checked(&a_in[0][..]).unwrap());
    assert_eq!(ao.dst_addr(), Ipv4Addr::new(203, 0, 113, 2));
    assert_eq!(ai.dst_addr(), Ipv4Addr::new(192, 168, 1, 10));
    assert!(ai.verify_checksum());
    let ua = UdpPacket::new_checked(ai.payload()).unwrap();
    assert_eq!(ua.dst_port(), ui.src_port());
    assert!(ua.verify_checksum(&IpAddress::Ipv4(ai.src_addr()), &IpAddress::Ipv4(ai.dst_addr())));
    // The events name the checksums that changed.
    let sums: Vec<Vec<&str>> = out
        .trace
        .events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::NatTranslated { rewrite, .. } => Some(rewrite.checksums.iter().map(|c| c.field).collect()),
            _ => None,
        })
        .collect();
    assert_eq!(sums, [vec!["IPv4 header", "UDP"], vec!["IPv4 header", "UDP"]]);
    // UDP: 30 s unreplied; a reply within 2 s leaves it at 30 s (not yet a stream).
    let state = out.trace.state_at(out.trace.len() - 1);
    assert!(state.conntrack.is_empty(), "expired by the end of the run");
}

#[test]
fn traceroute_through_nat_gets_its_icmp_errors_translated_back() {
    let out = run_lab(&with_nat_running(r#"{ "at_ms": 1000, "device": "laptop", "run": "traceroute -I -n 8.8.8.8" }"#));
    let lines = &out.outputs["laptop: traceroute -I -n 8.8.8.8"];
    let hops: Vec<&str> = lines.iter().skip(1).map(|l| l.split_whitespace().nth(1).unwrap_or("")).collect();
    assert_eq!(hops, ["192.168.1.1", "203.0.113.1", "8.8.8.8"], "{lines:?}");
    // Hop 2's time exceeded messages came in as errors about translated echo requests.
    let errors: Vec<_> = out
        .trace
        .events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::NatTranslated { direction: NatDirection::InboundError, rewrite, .. } => {
                Some((rewrite.before, rewrite.after, rewrite.checksums.clone()))
            }
            _ => None,
        })
        .collect();
    assert_eq!(errors.len(), 3, "three probes at hop 2: {errors:?}");
    for (before, after, sums) in &errors {
        assert_eq!(before.src.0, Ipv4Addr::new(203, 0, 113, 2));
        assert_eq!(after.src.0, Ipv4Addr::new(192, 168, 1, 10));
        assert_eq!(before.dst, after.dst);
        let fields: Vec<&str> = sums.iter().map(|c| c.field).collect();
        // The quoted header's checksum absorbs the quoted source's change, so
        // the sum over the ICMP message, and its checksum, stay the same.
        assert_eq!(fields, ["IPv4 header", "quoted IPv4 header"]);
    }
    let sentence = out.trace.events.iter().find(|e| matches!(e.kind, EventKind::NatTranslated { direction: NatDirection::InboundError, .. })).unwrap().explain();
    assert!(sentence.starts_with("home-router receives an ICMP error about a packet it translated and rewrites it for 192.168.1.10:"), "{sentence}");
    // The frames reaching the laptop are well formed.
    for f in frames_on(&out, "l1").iter().filter(|f| f.bytes[12..14] == [8, 0] && f.bytes[23] == 1) {
        let d = ip(&f.bytes);
        assert_eq!(internet_sum(&d[..20]), 0);
        assert_eq!(internet_sum(&d[20..]), 0);
        if d[20] == 3 || d[20] == 11 {
            assert_eq!(internet_sum(&d[28..48]), 0, "quoted header checksum");
            assert_eq!(addr(&d[40..44]), Ipv4Addr::new(192, 168, 1, 10), "quoted source");
        }
    }
}

#[test]
fn the_routers_own_traffic_passes_postrouting_untranslated() {
    let out = run_lab(&with_nat_running(r#"{ "at_ms": 1000, "device": "home-router", "run": "ping -c 1 8.8.8.8" }"#));
    assert!(out.outputs["home-router: ping -c 1 8.8.8.8"].iter().any(|l| l.starts_with("1 packets transmitted, 1 received")));
    let tracked: Vec<_> = out
        .trace
        .events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::NatTranslated { rewrite, .. } => {
                Some((rewrite.before == rewrite.after, rewrite.checksums.is_empty(), e.explain()))
            }
            _ => None,
        })
        .collect();
    assert_eq!(tracked.len(), 2);
    assert!(tracked.iter().all(|(same, none, _)| *same && *none));
    assert!(tracked[0].2.contains("it is home-router's own flow from its outside address, so nothing is rewritten"), "{}", tracked[0].2);
}

#[test]
fn predict_asks_for_the_source_after_the_nat_router() {
    use packet_engine::exercise::predict::{questions, Answer, QuestionKind};
    let topology = Scenario::from_json(&with_nat_running(r#"{ "at_ms": 1000, "device": "laptop", "run": "dig +short example.com" }"#)).unwrap().validate().unwrap();
    let out = Simulation::from_topology(&topology).run();
    let qs: Vec<_> = questions(&topology, &out.trace, 3).into_iter().filter(|q| q.kind == QuestionKind::NatSource).collect();
    assert_eq!(qs.len(), 1, "one question: the query leaving through eth1 (the reply is not a source rewrite)");
    let q = &qs[0];
    assert!(q.prompt.to_string().starts_with("A packet from 192.168.1.10 to 8.8.8.8 leaves home-router through eth1"), "{}", q.prompt);
    let Answer::Endpoint { ip, port } = q.choices[q.correct].answer else { panic!() };
    assert_eq!(ip, Ipv4Addr::new(203, 0, 113, 2));
    let texts: Vec<String> = q.choices.iter().map(|c| c.text.to_string()).collect();
    assert!(texts.contains(&format!("192.168.1.10:{port}")), "unchanged is offered: {texts:?}");
    assert!(texts.contains(&format!("192.168.1.1:{port}")), "the router's inside address: {texts:?}");
    // Without NAT nothing is rewritten, so nothing is asked.
    let plain = Scenario::from_json(FORGOT_NAT).unwrap().validate().unwrap();
    let out = Simulation::from_topology(&plain).run();
    assert!(questions(&plain, &out.trace, 3).iter().all(|q| q.kind != QuestionKind::NatSource));
}
