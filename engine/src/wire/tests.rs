//! Golden-byte tests on real Linux frames (see `golden`), in smoltcp's style:
//! deconstruct (every field and its byte range), construct (smoltcp's emitters
//! into a buffer pre-filled with 0xa5 give the same bytes, so an unwritten byte
//! shows), then summaries, problems and serialisation.

use super::golden::*;
use super::*;
use smoltcp::phy::ChecksumCapabilities;
use smoltcp::wire::{
    ArpOperation as SmolOp, ArpPacket, ArpRepr, EthernetAddress, EthernetFrame, EthernetProtocol,
    EthernetRepr, Icmpv4Packet, Icmpv4Repr, IpProtocol as SmolProtocol, Ipv4Packet, Ipv4Repr,
};

fn ip(a: u8, b: u8, c: u8, d: u8) -> Ipv4Addr {
    Ipv4Addr::new(a, b, c, d)
}

const H1_MAC: MacAddr = MacAddr([2, 0, 0, 0, 0, 1]);
const R_MAC: MacAddr = MacAddr([2, 0, 0, 0, 0, 0xfe]);

#[test]
fn arp_request_deconstruct() {
    let d = decode(&ARP_REQUEST);
    assert_eq!(d.problem, None);
    let eth = d.ethernet.as_ref().unwrap();
    assert_eq!(eth.dst, Field::new(MacAddr::BROADCAST, 0..6));
    assert_eq!(eth.src, Field::new(H1_MAC, 6..12));
    assert_eq!(eth.ethertype, Field::new(EtherType::Arp, 12..14));
    assert_eq!(eth.trailer, None);
    let arp = d.arp().unwrap();
    assert_eq!(arp.range, 14..42);
    assert_eq!(arp.hardware_type, Field::new(ArpHardware::Ethernet, 14..16));
    assert_eq!(arp.protocol_type, Field::new(EtherType::Ipv4, 16..18));
    assert_eq!(arp.hardware_len, Field::new(6, 18..19));
    assert_eq!(arp.protocol_len, Field::new(4, 19..20));
    assert_eq!(arp.operation, Field::new(ArpOperation::Request, 20..22));
    let a = arp.addresses.as_ref().unwrap();
    assert_eq!(a.sender_mac, Field::new(H1_MAC, 22..28));
    assert_eq!(a.sender_ip, Field::new(ip(10, 10, 10, 1), 28..32));
    assert_eq!(a.target_mac, Field::new(MacAddr([0; 6]), 32..38));
    assert_eq!(a.target_ip, Field::new(ip(10, 10, 10, 254), 38..42));
    assert_eq!(
        summarize(&ARP_REQUEST),
        "Who has 10.10.10.254? Tell 10.10.10.1"
    );
    assert_eq!(protocol(&ARP_REQUEST), Protocol::Arp);
}

/// Emit an Ethernet + ARP frame with smoltcp into a 0xa5-filled buffer.
fn emit_arp(dst: MacAddr, src: MacAddr, arp: ArpRepr) -> Vec<u8> {
    let mut buf = vec![0xa5; 14 + arp.buffer_len()];
    let mut frame = EthernetFrame::new_unchecked(&mut buf[..]);
    EthernetRepr {
        src_addr: EthernetAddress(src.0),
        dst_addr: EthernetAddress(dst.0),
        ethertype: EthernetProtocol::Arp,
    }
    .emit(&mut frame);
    arp.emit(&mut ArpPacket::new_unchecked(frame.payload_mut()));
    buf
}

#[test]
fn arp_construct() {
    let request = ArpRepr::EthernetIpv4 {
        operation: SmolOp::Request,
        source_hardware_addr: EthernetAddress(H1_MAC.0),
        source_protocol_addr: ip(10, 10, 10, 1),
        target_hardware_addr: EthernetAddress([0; 6]),
        target_protocol_addr: ip(10, 10, 10, 254),
    };
    assert_eq!(emit_arp(MacAddr::BROADCAST, H1_MAC, request), ARP_REQUEST);
    let reply = ArpRepr::EthernetIpv4 {
        operation: SmolOp::Reply,
        source_hardware_addr: EthernetAddress(R_MAC.0),
        source_protocol_addr: ip(10, 10, 10, 254),
        target_hardware_addr: EthernetAddress(H1_MAC.0),
        target_protocol_addr: ip(10, 10, 10, 1),
    };
    assert_eq!(emit_arp(H1_MAC, R_MAC, reply), ARP_REPLY);
}

#[test]
fn arp_reply_summary_and_padding() {
    assert_eq!(
        summarize(&ARP_REPLY),
        "10.10.10.254 is at 02:00:00:00:00:fe"
    );
    // The receiver sees the frame padded to 60 bytes; the padding is a trailer.
    let mut padded = ARP_REPLY.to_vec();
    padded.resize(60, 0);
    let d = decode(&padded);
    assert_eq!(d.problem, None);
    assert_eq!(d.ethernet.as_ref().unwrap().trailer, Some(42..60));
    assert_eq!(d.arp().unwrap().range, 14..42);
    assert_eq!(summarize(&padded), "10.10.10.254 is at 02:00:00:00:00:fe");
}

#[test]
fn gratuitous_and_probe_arp() {
    let mut g = ARP_REQUEST;
    g[38..42].copy_from_slice(&[10, 10, 10, 1]);
    assert_eq!(summarize(&g), "Gratuitous ARP for 10.10.10.1 (Request)");
    let mut probe = ARP_REQUEST;
    probe[28..32].copy_from_slice(&[0, 0, 0, 0]);
    assert_eq!(summarize(&probe), "Who has 10.10.10.254? (ARP Probe)");
}

#[test]
fn echo_request_deconstruct() {
    let d = decode(&ECHO_REQUEST);
    assert_eq!(d.problem, None);
    assert_eq!(
        d.ethernet.as_ref().unwrap().ethertype.value,
        EtherType::Ipv4
    );
    let ip4 = d.ipv4().unwrap();
    assert_eq!(ip4.range, 14..98);
    assert_eq!(ip4.version, Field::new(4, 14..15));
    assert_eq!(ip4.header_len, Field::new(20, 14..15));
    assert_eq!(ip4.dscp, Field::new(0, 15..16));
    assert_eq!(ip4.ecn, Field::new(0, 15..16));
    assert_eq!(ip4.total_len, Field::new(84, 16..18));
    assert_eq!(ip4.ident, Field::new(0x2a84, 18..20));
    assert_eq!(ip4.dont_frag, Field::new(true, 20..21));
    assert_eq!(ip4.more_frags, Field::new(false, 20..21));
    assert_eq!(ip4.frag_offset, Field::new(0, 20..22));
    // "Select TTL, byte 22 lights up."
    assert_eq!(ip4.ttl, Field::new(64, 22..23));
    assert_eq!(ip4.protocol, Field::new(IpProtocol::Icmp, 23..24));
    assert_eq!(ip4.checksum.field, Field::new(0xe712, 24..26));
    assert_eq!(ip4.checksum.status, ChecksumStatus::Good);
    assert_eq!(ip4.src, Field::new(ip(10, 10, 10, 1), 26..30));
    assert_eq!(ip4.dst, Field::new(ip(10, 10, 10, 254), 30..34));
    assert_eq!(ip4.options, None);
    let icmp = d.icmp().unwrap();
    assert_eq!(icmp.range, 34..98);
    assert_eq!(icmp.icmp_type, Field::new(8, 34..35));
    assert_eq!(icmp.code, Field::new(0, 35..36));
    assert_eq!(icmp.checksum.field, Field::new(0x90bf, 36..38));
    assert_eq!(icmp.checksum.status, ChecksumStatus::Good);
    assert_eq!(
        icmp.body,
        IcmpBody::Echo {
            ident: Field::new(0x1234, 38..40),
            seq: Field::new(1, 40..42),
            data: 42..98,
        }
    );
    assert_eq!(icmp.type_name(), "Echo (ping) request");
    assert_eq!(
        summarize(&ECHO_REQUEST),
        "Echo (ping) request id=0x1234, seq=1/256, ttl=64"
    );
    assert_eq!(protocol(&ECHO_REQUEST), Protocol::IcmpEcho);
}

/// Emit an Ethernet + IPv4 + ICMP echo frame with smoltcp into a 0xa5-filled
/// buffer, then set the header fields smoltcp's `Ipv4Repr` does not model.
fn emit_echo(
    src: MacAddr,
    dst: MacAddr,
    ip4: Ipv4Repr,
    ident: u16,
    df: bool,
    icmp: Icmpv4Repr,
) -> Vec<u8> {
    let caps = ChecksumCapabilities::default();
    let mut buf = vec![0xa5; 14 + 20 + icmp.buffer_len()];
    let mut frame = EthernetFrame::new_unchecked(&mut buf[..]);
    EthernetRepr {
        src_addr: EthernetAddress(src.0),
        dst_addr: EthernetAddress(dst.0),
        ethertype: EthernetProtocol::Ipv4,
    }
    .emit(&mut frame);
    let mut packet = Ipv4Packet::new_unchecked(frame.payload_mut());
    ip4.emit(&mut packet, &caps);
    packet.set_ident(ident);
    packet.set_dont_frag(df);
    packet.fill_checksum();
    icmp.emit(
        &mut Icmpv4Packet::new_unchecked(packet.payload_mut()),
        &caps,
    );
    buf
}

#[test]
fn echo_construct() {
    let data = &ECHO_REQUEST[42..];
    let request = emit_echo(
        H1_MAC,
        R_MAC,
        Ipv4Repr {
            src_addr: ip(10, 10, 10, 1),
            dst_addr: ip(10, 10, 10, 254),
            next_header: SmolProtocol::Icmp,
            payload_len: 64,
            hop_limit: 64,
        },
        0x2a84,
        true,
        Icmpv4Repr::EchoRequest {
            ident: 0x1234,
            seq_no: 1,
            data,
        },
    );
    assert_eq!(request, ECHO_REQUEST);
    let reply = emit_echo(
        R_MAC,
        H1_MAC,
        Ipv4Repr {
            src_addr: ip(10, 10, 10, 254),
            dst_addr: ip(10, 10, 10, 1),
            next_header: SmolProtocol::Icmp,
            payload_len: 64,
            hop_limit: 64,
        },
        0x6d17,
        false,
        Icmpv4Repr::EchoReply {
            ident: 0x1234,
            seq_no: 1,
            data,
        },
    );
    assert_eq!(reply, ECHO_REPLY);
}

#[test]
fn echo_reply_summary() {
    assert_eq!(
        summarize(&ECHO_REPLY),
        "Echo (ping) reply id=0x1234, seq=1/256, ttl=64"
    );
    assert_eq!(
        summarize(&ECHO_REQUEST_TTL1),
        "Echo (ping) request id=0x1234, seq=2/512, ttl=1"
    );
}

#[test]
fn time_exceeded_deconstruct() {
    let d = decode(&TIME_EXCEEDED);
    assert_eq!(d.problem, None);
    let outer = d.ipv4().unwrap();
    // Linux sends ICMP errors with TOS 0xc0 (IPTOS_PREC_INTERNETCONTROL): DSCP 48.
    assert_eq!(outer.dscp.value, 48);
    assert!(!outer.dont_frag.value);
    assert_eq!(outer.total_len.value, 112);
    assert_eq!(outer.src.value, ip(10, 10, 10, 254));
    assert_eq!(outer.checksum.status, ChecksumStatus::Good);
    let icmp = d.icmp().unwrap();
    assert_eq!(icmp.icmp_type, Field::new(11, 34..35));
    assert_eq!(icmp.code, Field::new(0, 35..36));
    assert_eq!(icmp.checksum.status, ChecksumStatus::Good);
    let IcmpBody::Error { rest, quoted } = &icmp.body else {
        panic!("time exceeded must decode as an error: {:?}", icmp.body)
    };
    assert_eq!(*rest, Field::new(0, 38..42));
    let quoted = quoted.as_ref().unwrap();
    // The quoted header is the datagram as it arrived: TTL 1, checksum intact.
    assert_eq!(quoted.range, 42..126);
    assert_eq!(quoted.ttl, Field::new(1, 50..51));
    assert_eq!(quoted.total_len.value, 84);
    assert_eq!(quoted.checksum.status, ChecksumStatus::Good);
    assert_eq!(quoted.src.value, ip(10, 10, 10, 1));
    assert_eq!(quoted.dst, Field::new(ip(10, 20, 20, 100), 58..62));
    let Some(Transport::Icmp(inner)) = &quoted.payload else {
        panic!("quoted echo request not decoded: {:?}", quoted.payload)
    };
    assert_eq!(inner.icmp_type.value, 8);
    assert_eq!(inner.checksum.status, ChecksumStatus::Unverified);
    assert_eq!(
        inner.body,
        IcmpBody::Echo {
            ident: Field::new(0x1234, 66..68),
            seq: Field::new(2, 68..70),
            data: 70..126,
        }
    );
    assert_eq!(
        summarize(&TIME_EXCEEDED),
        "Time-to-live exceeded (Time to live exceeded in transit)"
    );
    assert_eq!(protocol(&TIME_EXCEEDED), Protocol::IcmpError);
}

#[test]
fn time_exceeded_construct() {
    // What a router must emit: type 11 code 0, the 4 unused bytes zeroed, then
    // the datagram as it arrived. Built field by field into 0xa5 so that a byte
    // left unwritten (like "unused") shows up as 0xa5.
    let quoted = &ECHO_REQUEST_TTL1[14..];
    let mut buf = vec![0xa5; 14 + 20 + 8 + quoted.len()];
    let mut frame = EthernetFrame::new_unchecked(&mut buf[..]);
    EthernetRepr {
        src_addr: EthernetAddress(R_MAC.0),
        dst_addr: EthernetAddress(H1_MAC.0),
        ethertype: EthernetProtocol::Ipv4,
    }
    .emit(&mut frame);
    let mut packet = Ipv4Packet::new_unchecked(frame.payload_mut());
    Ipv4Repr {
        src_addr: ip(10, 10, 10, 254),
        dst_addr: ip(10, 10, 10, 1),
        next_header: SmolProtocol::Icmp,
        payload_len: 8 + quoted.len(),
        hop_limit: 64,
    }
    .emit(&mut packet, &ChecksumCapabilities::default());
    packet.set_dscp(0xc0 >> 2);
    packet.set_ident(0x6d1f);
    packet.set_dont_frag(false);
    packet.fill_checksum();
    let mut icmp = Icmpv4Packet::new_unchecked(packet.payload_mut());
    icmp.set_msg_type(smoltcp::wire::Icmpv4Message::TimeExceeded);
    icmp.set_msg_code(0);
    icmp.set_echo_ident(0); // the "unused" word, bytes 4..8
    icmp.set_echo_seq_no(0);
    icmp.data_mut().copy_from_slice(quoted);
    icmp.fill_checksum();
    assert_eq!(buf, TIME_EXCEEDED);
}

#[test]
fn net_unreachable() {
    let d = decode(&NET_UNREACHABLE);
    assert_eq!(d.problem, None);
    assert_eq!(d.icmp().unwrap().code_name(), Some("Network unreachable"));
    assert_eq!(
        summarize(&NET_UNREACHABLE),
        "Destination unreachable (Network unreachable)"
    );
    assert_eq!(protocol(&NET_UNREACHABLE), Protocol::IcmpError);
    // RFC 792's minimum quote (header + 8 bytes) decodes the same, without problems.
    let mut minimal = NET_UNREACHABLE[..14 + 20 + 8 + 28].to_vec();
    minimal[16..18].copy_from_slice(&56u16.to_be_bytes()); // outer total length
    let d = decode(&minimal);
    assert_eq!(d.problem, None);
    let icmp = d.icmp().unwrap();
    // The IPv4 checksum is now wrong (we changed the length), and so is ICMP's.
    assert!(d.ipv4().unwrap().checksum.is_bad());
    assert!(icmp.checksum.is_bad());
    let IcmpBody::Error {
        quoted: Some(q), ..
    } = &icmp.body
    else {
        panic!()
    };
    assert_eq!(q.range, 42..70);
    assert_eq!(q.dst.value, ip(8, 8, 8, 8));
}

#[test]
fn bad_checksums_are_reported_with_expected_value() {
    let mut f = ECHO_REQUEST;
    f[22] = 63; // TTL changed without fixing the checksum
    let d = decode(&f);
    assert_eq!(
        d.ipv4().unwrap().checksum.status,
        ChecksumStatus::Bad { expected: 0xe812 }
    );
    assert_eq!(d.icmp().unwrap().checksum.status, ChecksumStatus::Good);
    assert_eq!(
        summarize(&f),
        "Echo (ping) request id=0x1234, seq=1/256, ttl=63 [IPv4 header checksum incorrect]"
    );
    let mut g = ECHO_REQUEST;
    g[97] ^= 0xff; // 0x37 -> 0xc8: the sum grows by 0x91, the checksum shrinks by it
    assert_eq!(
        decode(&g).icmp().unwrap().checksum.status,
        ChecksumStatus::Bad {
            expected: 0x90bf - 0x91
        }
    );
    assert!(summarize(&g).ends_with("[ICMP checksum incorrect]"));
}

#[test]
fn truncation_is_reported_at_each_layer() {
    let cases: [(&[u8], LayerKind, &str); 5] = [
        (&ECHO_REQUEST[..9], LayerKind::Ethernet, "Ethernet [Truncated Ethernet: an Ethernet header needs 14 bytes, only 9 present]"),
        (&ARP_REQUEST[..20], LayerKind::Arp, "ARP [Truncated ARP: an ARP header needs 8 bytes, only 6 present]"),
        (&ECHO_REQUEST[..30], LayerKind::Ipv4, "IPv4 [Truncated IPv4: an IPv4 header needs 20 bytes, only 16 present]"),
        (&ECHO_REQUEST[..40], LayerKind::Ipv4, "IPv4 10.10.10.1 → 10.10.10.254, protocol ICMP (1) [Truncated IPv4: total length is 84 bytes, only 26 present]"),
        (&TIME_EXCEEDED[..50], LayerKind::Ipv4, "Time-to-live exceeded (Time to live exceeded in transit) [Truncated IPv4: total length is 112 bytes, only 36 present]"),
    ];
    for (frame, layer, summary) in cases {
        let d = decode(frame);
        let p = d.problem.as_ref().expect("truncation must be reported");
        assert!(matches!(p, Problem::Truncated { .. }), "{p:?}");
        assert_eq!(p.layer(), layer);
        assert_eq!(summarize(frame), summary);
    }
}

#[test]
fn short_quote_reports_quoted_layer() {
    // Cut the quote inside the quoted header but fix the outer lengths, so the
    // only problem left is the quote itself.
    let mut f = TIME_EXCEEDED[..14 + 20 + 8 + 12].to_vec();
    f[16..18].copy_from_slice(&40u16.to_be_bytes());
    let p = decode(&f).problem.unwrap();
    assert_eq!(p.layer(), LayerKind::QuotedIpv4);
    assert_eq!(
        p.to_string(),
        "Truncated quoted IPv4: an IPv4 header needs 20 bytes, only 12 present"
    );
}

#[test]
fn malformed_headers() {
    let mut v6 = ECHO_REQUEST;
    v6[14] = 0x65;
    let d = decode(&v6);
    assert_eq!(d.ipv4(), None);
    assert_eq!(
        d.problem,
        Some(Problem::Malformed {
            layer: LayerKind::Ipv4,
            why: "version is 6, not 4".into()
        })
    );
    let mut ihl = ECHO_REQUEST;
    ihl[14] = 0x44;
    let d = decode(&ihl);
    assert_eq!(d.ipv4().unwrap().header_len.value, 16);
    assert_eq!(d.ipv4().unwrap().payload, None);
    assert_eq!(d.problem.unwrap().layer(), LayerKind::Ipv4);
    let mut arp = ARP_REQUEST;
    arp[18] = 8;
    let d = decode(&arp);
    assert_eq!(d.arp().unwrap().addresses, None);
    assert!(matches!(
        d.problem,
        Some(Problem::Malformed {
            layer: LayerKind::Arp,
            ..
        })
    ));
}

#[test]
fn unknown_ethertype_round_trips() {
    let mut f = ARP_REQUEST;
    f[12..14].copy_from_slice(&[0x88, 0xcc]);
    let d = decode(&f);
    let eth = d.ethernet.unwrap();
    assert_eq!(eth.ethertype.value, EtherType::Unknown(0x88cc));
    assert_eq!(u16::from(eth.ethertype.value), 0x88cc);
    assert_eq!(eth.payload, Some(Network::Data(14..42)));
    assert_eq!(summarize(&f), "Ethernet II, type 0x88cc (not decoded)");
    assert_eq!(protocol(&f), Protocol::Other);
}

#[test]
fn fragments() {
    let mut f = ECHO_REQUEST;
    f[20..22].copy_from_slice(&[0x00, 0xb9]); // offset 185 × 8 = 1480
    let d = decode(&f);
    assert_eq!(d.ipv4().unwrap().payload, Some(Transport::Data(34..98)));
    assert!(summarize(&f).starts_with("Fragmented IP protocol (proto=ICMP 1, off=1480, ID=2a84)"));
    let mut first = ECHO_REQUEST;
    first[20] = 0x20; // MF: the ICMP checksum covers bytes not in this fragment
    assert_eq!(
        decode(&first).icmp().unwrap().checksum.status,
        ChecksumStatus::Unverified
    );
}

#[test]
fn serialises_for_the_ui() {
    let v = serde_json::to_value(decode(&ECHO_REQUEST)).unwrap();
    assert_eq!(v["ethernet"]["src"]["value"], "02:00:00:00:00:01");
    let ip4 = &v["ethernet"]["payload"]["Ipv4"];
    assert_eq!(
        ip4["ttl"],
        serde_json::json!({"value": 64, "range": {"start": 22, "end": 23}})
    );
    assert_eq!(ip4["src"]["value"], "10.10.10.1");
    assert_eq!(ip4["checksum"]["status"], "Good");
    assert_eq!(ip4["payload"]["Icmp"]["body"]["Echo"]["seq"]["value"], 1);
}

#[test]
fn golden_frames_all_decode_cleanly() {
    for (name, frame) in ALL {
        let d = decode(frame);
        assert_eq!(d.problem, None, "{name}");
        if let Some(ip4) = d.ipv4() {
            assert_eq!(ip4.checksum.status, ChecksumStatus::Good, "{name}");
            assert_eq!(
                d.icmp().unwrap().checksum.status,
                ChecksumStatus::Good,
                "{name}"
            );
        }
    }
}
