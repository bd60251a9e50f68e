//! Golden-byte tests for TCP segments in smoltcp's style: segments laid out as
//! Linux 6.x sends them (option order and padding from `tcp_options_write`),
//! checksums computed independently (RFC 1071, by a separate script over the
//! pseudo-header), then construct / emit into 0xa5 / deconstruct / summarize.
//! Client 192.168.1.10:43210 → 93.184.215.14:80, ISNs 0x1a2b3c4d / 0x5e6f7081.

use super::*;
use crate::frames::{self, Ipv4Header};
use crate::wire::{decode, summarize, summarize_conversation, tcp_relative, MacAddr};
use smoltcp::wire::{EthernetProtocol, IpProtocol};

const C: Ipv4Addr = Ipv4Addr::new(192, 168, 1, 10);
const S: Ipv4Addr = Ipv4Addr::new(93, 184, 215, 14);
const ISN_C: u32 = 0x1a2b3c4d;
const ISN_S: u32 = 0x5e6f7081;
const TSC: u32 = 0x00a1b2c3;
const TSS: u32 = 0x7f000001;
const GET: &[u8] = b"GET / HTTP/1.1\r\nHost: example.com\r\nUser-Agent: curl/7.88.1\r\nAccept: */*\r\n\r\n";

const SYN: [u8; 40] = [
    0xa8, 0xca, 0x00, 0x50, 0x1a, 0x2b, 0x3c, 0x4d, 0x00, 0x00, 0x00, 0x00, 0xa0, 0x02, 0xfa, 0xf0,
    0xa3, 0x9e, 0x00, 0x00, 0x02, 0x04, 0x05, 0xb4, 0x04, 0x02, 0x08, 0x0a, 0x00, 0xa1, 0xb2, 0xc3,
    0x00, 0x00, 0x00, 0x00, 0x01, 0x03, 0x03, 0x07,
];
const SYN_ACK: [u8; 40] = [
    0x00, 0x50, 0xa8, 0xca, 0x5e, 0x6f, 0x70, 0x81, 0x1a, 0x2b, 0x3c, 0x4e, 0xa0, 0x12, 0xfe, 0x88,
    0x52, 0x03, 0x00, 0x00, 0x02, 0x04, 0x05, 0xb4, 0x04, 0x02, 0x08, 0x0a, 0x7f, 0x00, 0x00, 0x01,
    0x00, 0xa1, 0xb2, 0xc3, 0x01, 0x03, 0x03, 0x07,
];
const ACK: [u8; 32] = [
    0xa8, 0xca, 0x00, 0x50, 0x1a, 0x2b, 0x3c, 0x4e, 0x5e, 0x6f, 0x70, 0x82, 0x80, 0x10, 0x01, 0xf6,
    0x7d, 0x61, 0x00, 0x00, 0x01, 0x01, 0x08, 0x0a, 0x00, 0xa1, 0xb2, 0xc4, 0x7f, 0x00, 0x00, 0x01,
];
const GET_SEG: [u8; 107] = [
    0xa8, 0xca, 0x00, 0x50, 0x1a, 0x2b, 0x3c, 0x4e, 0x5e, 0x6f, 0x70, 0x82, 0x80, 0x18, 0x01, 0xf6,
    0xd9, 0x30, 0x00, 0x00, 0x01, 0x01, 0x08, 0x0a, 0x00, 0xa1, 0xb2, 0xc4, 0x7f, 0x00, 0x00, 0x01,
    0x47, 0x45, 0x54, 0x20, 0x2f, 0x20, 0x48, 0x54, 0x54, 0x50, 0x2f, 0x31, 0x2e, 0x31, 0x0d, 0x0a,
    0x48, 0x6f, 0x73, 0x74, 0x3a, 0x20, 0x65, 0x78, 0x61, 0x6d, 0x70, 0x6c, 0x65, 0x2e, 0x63, 0x6f,
    0x6d, 0x0d, 0x0a, 0x55, 0x73, 0x65, 0x72, 0x2d, 0x41, 0x67, 0x65, 0x6e, 0x74, 0x3a, 0x20, 0x63,
    0x75, 0x72, 0x6c, 0x2f, 0x37, 0x2e, 0x38, 0x38, 0x2e, 0x31, 0x0d, 0x0a, 0x41, 0x63, 0x63, 0x65,
    0x70, 0x74, 0x3a, 0x20, 0x2a, 0x2f, 0x2a, 0x0d, 0x0a, 0x0d, 0x0a,
];
const RST_ACK: [u8; 20] = [
    0x00, 0x50, 0xa8, 0xca, 0x00, 0x00, 0x00, 0x00, 0x1a, 0x2b, 0x3c, 0x4e, 0x50, 0x14, 0x00, 0x00,
    0xb9, 0xc3, 0x00, 0x00,
];

fn syn_opts(tsval: u32, tsecr: u32) -> Options {
    Options { mss: Some(1460), sack_permitted: true, timestamps: Some((tsval, tsecr)), window_scale: Some(7), sack: vec![] }
}

fn ts(tsval: u32, tsecr: u32) -> Options {
    Options { timestamps: Some((tsval, tsecr)), ..Options::default() }
}

fn repr(sp: u16, dp: u16, seq: u32, ack: u32, flags: u16, window: u16, options: Options) -> SegmentRepr {
    SegmentRepr { src_port: sp, dst_port: dp, seq, ack, flags, window, options }
}

/// (repr, source, destination, payload, golden bytes).
type Case = (SegmentRepr, Ipv4Addr, Ipv4Addr, &'static [u8], &'static [u8]);

fn all() -> Vec<Case> {
    vec![
        (repr(43210, 80, ISN_C, 0, flags::SYN, 64240, syn_opts(TSC, 0)), C, S, &[], &SYN),
        (repr(80, 43210, ISN_S, ISN_C + 1, flags::SYN | flags::ACK, 65160, syn_opts(TSS, TSC)), S, C, &[], &SYN_ACK),
        (repr(43210, 80, ISN_C + 1, ISN_S + 1, flags::ACK, 502, ts(TSC + 1, TSS)), C, S, &[], &ACK),
        (repr(43210, 80, ISN_C + 1, ISN_S + 1, flags::PSH | flags::ACK, 502, ts(TSC + 1, TSS)), C, S, GET, &GET_SEG),
        (repr(80, 43210, 0, ISN_C + 1, flags::RST | flags::ACK, 0, Options::default()), S, C, &[], &RST_ACK),
    ]
}

#[test]
fn linux_syn_option_bytes() {
    // The option block exactly as a Linux SYN carries it.
    assert_eq!(&SYN[20..], &[0x02, 0x04, 0x05, 0xb4, 0x04, 0x02, 0x08, 0x0a, 0x00, 0xa1, 0xb2, 0xc3, 0, 0, 0, 0, 0x01, 0x03, 0x03, 0x07]);
}

#[test]
fn construct_matches_golden() {
    for (r, src, dst, payload, golden) in all() {
        assert_eq!(r.build(src, dst, payload), golden, "{r:?}");
    }
}

#[test]
fn emit_into_a5_buffer() {
    for (r, src, dst, payload, golden) in all() {
        let mut buf = vec![0xa5; golden.len()];
        r.emit(&mut buf, src, dst, payload);
        assert_eq!(buf, golden);
    }
}

fn frame(src: Ipv4Addr, dst: Ipv4Addr, seg: &[u8]) -> Vec<u8> {
    let h = Ipv4Header { tos: 0, ident: 0, dont_frag: true, ttl: 64, protocol: IpProtocol::Tcp, src, dst };
    let ip = frames::ipv4_datagram(&h, seg);
    frames::ethernet(MacAddr([2, 0, 0, 0, 0, 1]), MacAddr([2, 0, 0, 0, 0, 2]), EthernetProtocol::Ipv4, &ip, true)
}

#[test]
fn deconstruct_syn() {
    let f = frame(C, S, &SYN);
    let d = decode(&f);
    assert_eq!(d.problem, None);
    let t = d.tcp().unwrap();
    assert_eq!(t.src_port, Field::new(43210, 34..36));
    assert_eq!(t.seq, Field::new(ISN_C, 38..42));
    assert_eq!(t.header_len.value, 40);
    assert_eq!(t.flags, Field::new(flags::SYN, 46..48));
    assert_eq!(t.window, Field::new(64240, 48..50));
    assert_eq!(t.checksum.status, ChecksumStatus::Good);
    let opts: Vec<_> = t.options.iter().map(|o| (o.value.clone(), o.range.clone())).collect();
    assert_eq!(
        opts,
        vec![
            (TcpOpt::Mss(1460), 54..58),
            (TcpOpt::SackPermitted, 58..60),
            (TcpOpt::Timestamps { tsval: TSC, tsecr: 0 }, 60..70),
            (TcpOpt::Nop, 70..71),
            (TcpOpt::WindowScale(7), 71..74),
        ]
    );
    assert_eq!(t.options[4].value.label(), "Window scale: 7 (multiply by 128)");
}

#[test]
fn deconstruct_get_with_http() {
    let f = frame(C, S, &GET_SEG);
    let t = decode(&f).tcp().unwrap().clone();
    assert_eq!(t.payload, 66..66 + GET.len());
    let h = t.http.unwrap();
    assert_eq!(h.info(), "GET / HTTP/1.1");
    assert_eq!(h.headers.len(), 3);
    assert_eq!(h.headers[1].value, ("User-Agent".to_string(), "curl/7.88.1".to_string()));
    assert_eq!(&f[h.headers[0].range.clone()], b"Host: example.com");
}

#[test]
fn classified_as_tcp_http_or_udp() {
    use crate::wire::{protocol, Protocol};
    assert_eq!(protocol(&frame(C, S, &SYN)), Protocol::Tcp);
    assert_eq!(protocol(&frame(C, S, &GET_SEG)), Protocol::Http);
    let h = Ipv4Header { tos: 0, ident: 0, dont_frag: false, ttl: 64, protocol: IpProtocol::Udp, src: C, dst: S };
    let ip = frames::ipv4_datagram(&h, &crate::wire::udp::datagram(C, S, 40000, 9, b"x"));
    let f = frames::ethernet(MacAddr([2, 0, 0, 0, 0, 1]), MacAddr([2, 0, 0, 0, 0, 2]), EthernetProtocol::Ipv4, &ip, true);
    assert_eq!(protocol(&f), Protocol::Udp);
}

#[test]
fn bad_checksum_and_bad_option_reported() {
    let mut seg = SYN;
    seg[17] ^= 1;
    let f = frame(C, S, &seg);
    assert!(decode(&f).tcp().unwrap().checksum.is_bad());
    assert!(summarize(&f).ends_with("[TCP checksum incorrect]"));
    let mut seg = SYN;
    seg[21] = 40; // MSS option claiming 40 bytes
    let d = decode(&frame(C, S, &seg));
    assert!(matches!(d.problem, Some(Problem::Malformed { layer: LayerKind::Tcp, .. })), "{:?}", d.problem);
    // Truncated header: no panic, reported.
    let f = frame(C, S, &SYN[..12]);
    assert!(matches!(decode(&f).problem, Some(Problem::Truncated { layer: LayerKind::Tcp, .. })));
}

#[test]
fn summaries_absolute_and_relative() {
    assert_eq!(
        summarize(&frame(C, S, &SYN)),
        format!("43210 → 80 [SYN] Seq={ISN_C} Win=64240 Len=0 MSS=1460 SACK_PERM TSval={TSC} TSecr=0 WS=128")
    );
    let frames: Vec<Vec<u8>> = vec![frame(C, S, &SYN), frame(S, C, &SYN_ACK), frame(C, S, &ACK), frame(C, S, &GET_SEG), frame(S, C, &RST_ACK)];
    let refs: Vec<&[u8]> = frames.iter().map(|f| &f[..]).collect();
    let lines = summarize_conversation(&refs);
    assert_eq!(lines[0], format!("43210 → 80 [SYN] Seq=0 Win=64240 Len=0 MSS=1460 SACK_PERM TSval={TSC} TSecr=0 WS=128"));
    assert_eq!(lines[1], format!("80 → 43210 [SYN, ACK] Seq=0 Ack=1 Win=65160 Len=0 MSS=1460 SACK_PERM TSval={TSS} TSecr={TSC} WS=128"));
    // Scaled as tshark shows it: 502 × 128.
    assert_eq!(lines[2], format!("43210 → 80 [ACK] Seq=1 Ack=1 Win=64256 Len=0 TSval={} TSecr={TSS}", TSC + 1));
    assert_eq!(lines[3], "GET / HTTP/1.1");
    assert_eq!(lines[4], format!("80 → 43210 [RST, ACK] Seq={} Ack=1 Win=0 Len=0", 0u32.wrapping_sub(ISN_S)));
    // One frame with what came before it: the same numbers as its summary line.
    assert_eq!(tcp_relative(&refs[..3]), Some((1, 1, 64256)));
    assert_eq!(tcp_relative(&refs[..2]), Some((0, 1, 65160)));
    assert_eq!(tcp_relative(&refs[2..3]), Some((0, 1, 502)), "no SYN seen: seq counts from itself, ack from ack - 1, the window unscaled");
    let arp = crate::wire::golden::ARP_REQUEST;
    assert_eq!(tcp_relative(&[&refs[0][..], &arp[..]]), None, "not TCP");
}

#[test]
fn sack_blocks_and_no_sack_padding() {
    let o = Options { sack_permitted: true, ..Options::default() };
    let mut b = vec![0xa5; o.len()];
    o.emit(&mut b);
    assert_eq!(b, [1, 1, 4, 2]);
    let o = Options { timestamps: Some((1, 2)), sack: vec![(100, 200)], ..Options::default() };
    let mut b = vec![0xa5; o.len()];
    o.emit(&mut b);
    assert_eq!(b, [1, 1, 8, 10, 0, 0, 0, 1, 0, 0, 0, 2, 1, 1, 5, 10, 0, 0, 0, 100, 0, 0, 0, 200]);
}
