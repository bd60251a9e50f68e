//! Link MTUs (issue 16): a router that cannot forward a packet whole answers
//! ICMPv6 "packet too big" (RFC 4443 3.2) or ICMP "fragmentation needed"
//! (RFC 792, RFC 1191 next-hop MTU), with the exact bytes; the sending host
//! learns the path MTU, ping prints the error as iputils does, and the next
//! packets go fragmented from the source (RFC 8200 4.5; RFC 791) and are put
//! back together at the destination. The default MTU of 1500 changes nothing.

mod common;

use common::{frames_on, run};
use packet_engine::trace::{DropReason, EventKind, MtuEvent};
use packet_engine::RunOutcome;

const HOME: &str = include_str!("../../scenarios/ipv6-home.json");

/// The IPv6 home lab with r1's eth1 at `mtu` and `commands` on pc1.
fn home_with_mtu(mtu: u32, commands: &[(u64, &str)]) -> String {
    let mut lab: serde_json::Value = serde_json::from_str(HOME).unwrap();
    lab["devices"][2]["interfaces"][1]["mtu"] = mtu.into();
    lab["commands"] = commands
        .iter()
        .map(|(at, run)| serde_json::json!({ "at_ms": at, "device": "pc1", "run": run }))
        .collect();
    lab.to_string()
}

fn output(out: &RunOutcome, label_start: &str) -> Vec<String> {
    out.outputs.iter().find(|(k, _)| k.starts_with(label_start)).map(|(_, v)| v.clone()).unwrap()
}

fn mtu_events(out: &RunOutcome, device: &str) -> Vec<MtuEvent> {
    out.trace
        .events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::Mtu { device: d, event } if d.as_str() == device => Some((**event).clone()),
            _ => None,
        })
        .collect()
}

/// RFC 1071's checksum, computed here independently of the engine.
fn sum16(data: &[u8]) -> u16 {
    let mut sum: u32 = data.chunks(2).map(|c| u32::from(c[0]) << 8 | u32::from(*c.get(1).unwrap_or(&0))).sum();
    while sum >> 16 != 0 {
        sum = (sum & 0xffff) + (sum >> 16);
    }
    !(sum as u16)
}

fn icmpv6_checksum(src: &[u8], dst: &[u8], msg: &[u8]) -> u16 {
    let mut data = Vec::new();
    data.extend_from_slice(src);
    data.extend_from_slice(dst);
    data.extend_from_slice(&(msg.len() as u32).to_be_bytes());
    data.extend_from_slice(&[0, 0, 0, 58]);
    data.extend_from_slice(msg);
    sum16(&data)
}

#[test]
fn packet_too_big_exact_bytes_then_source_fragments() {
    let out = run(&home_with_mtu(1280, &[(6000, "ping -6 -c 3 -s 1400 2001:db8:2::10")]));
    // pc1's first request: 40 + 8 + 1400 = 1448 bytes of IPv6, whole.
    let pc1_out: Vec<_> = frames_on(&out, "pc1-sw1").into_iter().filter(|f| f.from == "pc1" && f.bytes[12..14] == [0x86, 0xdd]).collect();
    let first = pc1_out.iter().find(|f| f.bytes.len() == 14 + 1448 && f.bytes[14 + 40] == 128).expect("the first echo request, whole");
    let request = &first.bytes[14..];
    // r1's answer on the same link: ICMPv6 type 2 code 0, MTU 1280, the
    // request quoted as it arrived, cut so the whole error is 1280 bytes.
    let ptb = frames_on(&out, "sw1-r1").into_iter().find(|f| f.from == "r1" && f.bytes.len() > 14 + 40 && f.bytes[14 + 40] == 2).expect("packet too big");
    let ip = &ptb.bytes[14..];
    assert_eq!(ip.len(), 1280, "as much of the packet as fits in the minimum MTU (RFC 4443 2.4 c)");
    assert_eq!(ip[0] >> 4, 6);
    assert_eq!(u16::from_be_bytes([ip[4], ip[5]]), 1240, "payload length");
    assert_eq!((ip[6], ip[7]), (58, 64), "ICMPv6, hop limit 64");
    let r1_eth0 = "2001:db8:1::1".parse::<std::net::Ipv6Addr>().unwrap().octets();
    assert_eq!(ip[8..24], r1_eth0, "from r1's address on the way back to pc1");
    assert_eq!(ip[24..40], request[8..24], "to the request's source");
    let msg = &ip[40..];
    assert_eq!((msg[0], msg[1]), (2, 0));
    assert_eq!(msg[4..8], 1280u32.to_be_bytes());
    assert_eq!(msg[8..], request[..1232], "the request before r1 lowered its hop limit");
    assert_eq!(u16::from_be_bytes([msg[2], msg[3]]), icmpv6_checksum(&ip[8..24], &ip[24..40], &{
        let mut m = msg.to_vec();
        m[2] = 0;
        m[3] = 0;
        m
    }));
    // The drop and the sentence the inspector shows.
    let r1 = mtu_events(&out, "r1");
    assert!(matches!(&r1[0], MtuEvent::TooBig { interface, size: 1448, mtu: 1280, v6: true } if interface.as_str() == "eth1"));
    assert!(out.trace.events.iter().any(|e| matches!(&e.kind, EventKind::FrameDropped { at, reason: DropReason::TooBig, .. } if at.device.as_str() == "r1")));
    // pc1 learns the path MTU; the next requests go as two fragments, 1280 + 224 bytes.
    let pc1 = mtu_events(&out, "pc1");
    assert!(matches!(&pc1[0], MtuEvent::PathMtu { mtu: 1280, .. }), "{pc1:?}");
    let frags: Vec<_> = pc1_out.iter().filter(|f| f.bytes[14 + 6] == 44).collect();
    assert_eq!(frags.len(), 4, "two requests, two fragments each");
    let (a, b) = (&frags[0].bytes[14..], &frags[1].bytes[14..]);
    assert_eq!((a.len(), b.len()), (1280, 224));
    assert_eq!(u16::from_be_bytes([a[4], a[5]]), 1240);
    assert_eq!(a[40..44], [58, 0, 0, 1], "next header ICMPv6, offset 0, M set");
    assert_eq!(b[40..44], [58, 0, 0x04, 0xd0], "offset 1232 (154 × 8), M clear");
    assert_eq!(a[44..48], b[44..48], "one identification");
    assert_eq!(a[..4], request[..4], "same flow label");
    // srv puts them together and answers; ping prints as iputils.
    assert!(mtu_events(&out, "srv").iter().any(|e| matches!(e, MtuEvent::Reassembled { size: 1448, fragments: 2, v6: true })));
    let ping = output(&out, "pc1: ping -6");
    assert_eq!(ping[0], "PING 2001:db8:2::10(2001:db8:2::10) 1400 data bytes");
    assert_eq!(ping[1], "From 2001:db8:1::1 icmp_seq=1 Packet too big: mtu=1280");
    assert!(ping[2].starts_with("1408 bytes from 2001:db8:2::10: icmp_seq=2 ttl=63 time="), "{ping:?}");
    assert!(ping[3].starts_with("1408 bytes from 2001:db8:2::10: icmp_seq=3 ttl=63"), "{ping:?}");
    assert_eq!(ping[6], "3 packets transmitted, 2 received, +1 errors, 33.3333% packet loss, time 2000ms", "{ping:?}");
}

#[test]
fn frag_needed_exact_bytes_then_source_fragments() {
    let out = run(&home_with_mtu(1280, &[(6000, "ping -c 3 -s 1400 10.0.2.10")]));
    let pc1_out: Vec<_> = frames_on(&out, "pc1-sw1").into_iter().filter(|f| f.from == "pc1" && f.bytes[12..14] == [0x08, 0x00]).collect();
    let first = pc1_out.iter().find(|f| f.bytes.len() == 14 + 1428).expect("the first request, whole");
    let request = &first.bytes[14..];
    assert_eq!(request[6] & 0x40, 0x40, "ping sets DF (IP_PMTUDISC_WANT, the kernel default)");
    let err = frames_on(&out, "sw1-r1").into_iter().find(|f| f.from == "r1" && f.bytes[12..14] == [8, 0] && f.bytes[14 + 9] == 1 && f.bytes[14 + 20] == 3).expect("fragmentation needed");
    let ip = &err.bytes[14..];
    assert_eq!(ip.len(), 576, "quoting up to 576 bytes in all");
    assert_eq!(ip[1], 0xc0, "TOS internetwork control");
    assert_eq!(ip[6] & 0x40, 0, "DF clear");
    assert_eq!(ip[12..16], [192, 168, 1, 1], "from r1's address towards pc1");
    assert_eq!(ip[16..20], request[12..16]);
    let icmp = &ip[20..];
    assert_eq!((icmp[0], icmp[1]), (3, 4));
    assert_eq!(icmp[4..8], [0, 0, 0x05, 0x00], "next-hop MTU 1280 (RFC 1191)");
    assert_eq!(icmp[8..], request[..548], "the request as it arrived, TTL 64");
    assert_eq!(sum16(icmp), 0, "ICMP checksum");
    assert!(out.trace.events.iter().any(|e| matches!(&e.kind, EventKind::FrameDropped { at, reason: DropReason::FragNeeded, .. } if at.device.as_str() == "r1")));
    // The next two go as fragments of 1276 (20 + 1256) and 172 bytes, DF clear.
    let frags: Vec<_> = pc1_out.iter().filter(|f| f.bytes[14 + 6] & 0x3f != 0 || f.bytes[14 + 7] != 0).collect();
    assert_eq!(frags.len(), 4);
    let (a, b) = (&frags[0].bytes[14..], &frags[1].bytes[14..]);
    assert_eq!(a.len(), 1276);
    assert_eq!(b.len(), 172, "20 + the last 152 data bytes");
    assert_eq!(a[6..8], [0x20, 0], "MF, offset 0, DF clear");
    assert_eq!(b[6..8], [0x00, 157], "offset 1256 / 8 = 157");
    assert_eq!(a[4..6], b[4..6], "one IP ID");
    assert_eq!(sum16(&a[..20]), 0);
    assert_eq!(sum16(&b[..20]), 0);
    assert!(mtu_events(&out, "srv").iter().any(|e| matches!(e, MtuEvent::Reassembled { size: 1428, fragments: 2, v6: false })));
    let ping = output(&out, "pc1: ping -c");
    assert_eq!(ping[1], "From 192.168.1.1 icmp_seq=1 Frag needed and DF set (mtu = 1280)");
    assert!(ping[2].starts_with("1408 bytes from 10.0.2.10: icmp_seq=2 ttl=63 time="), "{ping:?}");
}

#[test]
fn packets_that_fit_pass_and_small_mtus_are_refused() {
    // 1280 exactly fits: no error.
    let out = run(&home_with_mtu(1280, &[(6000, "ping -6 -c 1 -s 1232 2001:db8:2::10")]));
    assert!(mtu_events(&out, "r1").is_empty());
    assert!(output(&out, "pc1: ping -6")[1].starts_with("1240 bytes from"));
    // The lab refuses MTUs Linux refuses.
    for (mtu, says) in [(67, "device minimum"), (70_000, "device maximum"), (1279, "too small for IPv6")] {
        let err = packet_engine::Scenario::from_json(&home_with_mtu(mtu, &[])).and_then(|s| packet_engine::Simulation::new(&s).map(|_| ()));
        let text = err.map_err(|e| e.to_string()).err().unwrap_or_default();
        assert!(text.contains(says), "{mtu}: {text}");
    }
}

#[test]
fn the_diagnosis_names_the_link_and_its_mtu() {
    let json = home_with_mtu(1280, &[(6000, "ping -6 -c 3 -s 1400 2001:db8:2::10"), (10000, "ping -c 3 -s 1400 10.0.2.10")]);
    let out = run(&json);
    let found = packet_engine::diagnose::diagnose(&out.topology, &out);
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0].field, "devices[2].interfaces[1].mtu");
    assert!(found[0].text.to_string().starts_with("r1 cannot forward the 1448-byte packet out eth1 (MTU 1280): IPv6 routers never fragment"), "{}", found[0].text);
    assert!(found[0].text.to_string().contains("ping -6 -s 1232 or less"));
    assert!(found[1].text.to_string().starts_with("r1 cannot forward the 1428-byte packet out eth1 (MTU 1280): ping sets Don't Fragment"), "{}", found[1].text);
    assert!(found[1].text.to_string().contains("ping -s 1252 or less"));
}

#[test]
fn predict_asks_what_the_router_does_with_a_packet_too_big() {
    use packet_engine::exercise::predict::{questions, Answer, QuestionKind};
    for (cmd, v6) in [("ping -6 -c 2 -s 1400 2001:db8:2::10", true), ("ping -c 2 -s 1400 10.0.2.10", false)] {
        let out = run(&home_with_mtu(1280, &[(6000, cmd)]));
        let qs = questions(&out.topology, &out.trace, 7);
        let q = qs.iter().find(|q| q.kind == QuestionKind::TooBig).expect("a packet-too-big question");
        let right = &q.choices[q.correct];
        assert_eq!(right.answer, Answer::MtuAction { action: 0 });
        assert!(right.text.to_string().contains(if v6 { "packet too big" } else { "fragmentation needed" }), "{}", right.text);
        assert_eq!(q.choices.len(), 4);
        // What happened: the router dropped the packet right after this event and sent the error.
        let next = &out.trace.events[q.event + 1].kind;
        assert!(matches!(next, EventKind::FrameDropped { reason: DropReason::TooBig | DropReason::FragNeeded, .. }), "{next:?}");
    }
}

#[test]
fn fragments_read_as_wireshark_shows_them() {
    let out = run(&home_with_mtu(1280, &[(6000, "ping -6 -c 2 -s 1400 2001:db8:2::10")]));
    let frags: Vec<_> = frames_on(&out, "pc1-sw1").into_iter().filter(|f| f.from == "pc1" && f.bytes.len() > 54 && f.bytes[20] == 44).collect();
    let (a, b) = (packet_engine::wire::summarize(&frags[0].bytes), packet_engine::wire::summarize(&frags[1].bytes));
    let ident = u32::from_be_bytes(frags[0].bytes[58..62].try_into().unwrap());
    assert_eq!(a, format!("IPv6 fragment (off=0 more=y ident=0x{ident:08x} nxt=58)"));
    assert_eq!(b, format!("IPv6 fragment (off=1232 more=n ident=0x{ident:08x} nxt=58)"));
    let ptb = frames_on(&out, "sw1-r1").into_iter().find(|f| f.from == "r1" && f.bytes.len() == 14 + 1280).unwrap();
    assert_eq!(packet_engine::wire::summarize(&ptb.bytes), "Packet Too Big (MTU 1280)");
}

#[test]
fn neither_error_is_rate_limited() {
    // pc1 sends one big packet to each of eight addresses behind r1 at once: eight errors to
    // pc1 within a millisecond, more than the burst of six that Linux's ICMP limit allows per
    // destination. Neither kind is limited: packet too big is outside icmpv6 ratemask, and
    // icmpv4_mask_allow says "Don't limit PMTU discovery".
    let pings: Vec<String> = (11..19)
        .flat_map(|h| [format!("ping -c 1 -W 1 -s 1400 10.0.2.{h}"), format!("ping -6 -c 1 -W 1 -s 1400 2001:db8:2::{h}")])
        .collect();
    let commands: Vec<(u64, &str)> = pings.iter().map(|p| (6000, p.as_str())).collect();
    let out = run(&home_with_mtu(1280, &commands));
    let (mut sent4, mut sent6) = (0, 0);
    for e in &out.trace.events {
        match &e.kind {
            EventKind::IcmpErrorGenerated { error, rate_limited, .. } if error.icmp_type == 3 && error.code == 4 => {
                assert!(!rate_limited);
                sent4 += 1;
            }
            EventKind::Ipv6 { event, .. } => {
                if let packet_engine::trace::Ipv6Event::IcmpError { icmp_type: 2, rate_limited, .. } = **event {
                    assert!(!rate_limited);
                    sent6 += 1;
                }
            }
            _ => {}
        }
    }
    assert_eq!((sent4, sent6), (8, 8));
}
