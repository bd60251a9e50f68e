//! The TCP and HTTP trees on a conversation laid out as Linux and nginx send it (the
//! engine's `SegmentRepr`, the same numbers as engine/src/wire/tcp_tests.rs): the SYN's
//! options with their bytes, the flags subtree, relative numbers and the scaled window from
//! the frames before, SACK edges, and an HTTP request and response split into rows.

use std::net::Ipv4Addr;

use super::super::*;
use packet_engine::frames::{self, Ipv4Header};
use packet_engine::wire::tcp::{flags as fl, Options, SegmentRepr};
use packet_engine::MacAddr;
use smoltcp::wire::{EthernetProtocol, IpProtocol};

const C: Ipv4Addr = Ipv4Addr::new(192, 168, 1, 10);
const S: Ipv4Addr = Ipv4Addr::new(93, 184, 215, 14);
const ISN_C: u32 = 0x1a2b3c4d;
const ISN_S: u32 = 0x5e6f7081;
const GET: &[u8] = b"GET / HTTP/1.1\r\nHost: example.com\r\nUser-Agent: curl/7.88.1\r\nAccept: */*\r\n\r\n";
const OK: &[u8] = b"HTTP/1.1 200 OK\r\nServer: nginx/1.22.1\r\nContent-Length: 5\r\n\r\nhello";

fn seg(from_client: bool, seq: u32, ack: u32, flags: u16, window: u16, options: Options, payload: &[u8]) -> Vec<u8> {
    let (src, dst, sp, dp) = if from_client { (C, S, 43210, 80) } else { (S, C, 80, 43210) };
    let r = SegmentRepr { src_port: sp, dst_port: dp, seq, ack, flags, window, options };
    let h = Ipv4Header { tos: 0, ident: 1, dont_frag: true, ttl: 64, protocol: IpProtocol::Tcp, src, dst };
    let ip = frames::ipv4_datagram(&h, &r.build(src, dst, payload));
    frames::ethernet(MacAddr([2, 0, 0, 0, 0, 1]), MacAddr([2, 0, 0, 0, 0, 2]), EthernetProtocol::Ipv4, &ip, true)
}

fn syn_opts(tsval: u32, tsecr: u32) -> Options {
    Options { mss: Some(1460), sack_permitted: true, timestamps: Some((tsval, tsecr)), window_scale: Some(7), sack: vec![] }
}

fn ts(sack: Vec<(u32, u32)>) -> Options {
    Options { timestamps: Some((11, 22)), sack, ..Options::default() }
}

/// SYN, SYN-ACK, ACK, GET, the response, and an ACK with a SACK block (ISN_S + 1 + 100..200).
fn conversation() -> Vec<Vec<u8>> {
    vec![
        seg(true, ISN_C, 0, fl::SYN, 64240, syn_opts(10, 0), b""),
        seg(false, ISN_S, ISN_C + 1, fl::SYN | fl::ACK, 65160, syn_opts(20, 10), b""),
        seg(true, ISN_C + 1, ISN_S + 1, fl::ACK, 502, ts(vec![]), b""),
        seg(true, ISN_C + 1, ISN_S + 1, fl::PSH | fl::ACK, 502, ts(vec![]), GET),
        seg(false, ISN_S + 1, ISN_C + 1 + GET.len() as u32, fl::PSH | fl::ACK, 509, ts(vec![]), OK),
        seg(true, ISN_C + 1, ISN_S + 1, fl::ACK, 502, ts(vec![(ISN_S + 101, ISN_S + 201)]), b""),
    ]
}

/// The layers of frame `i` with its relative numbers from frames 0..=i.
fn tree(frames: &[Vec<u8>], i: usize) -> Vec<Layer> {
    let refs: Vec<&[u8]> = frames[..=i].iter().map(|f| &f[..]).collect();
    layers(&frames[i], wire::tcp_relative(&refs))
}

fn layer<'a>(ls: &'a [Layer], css: &str) -> (usize, &'a Layer) {
    ls.iter().enumerate().find(|(_, l)| l.css == css).unwrap_or_else(|| panic!("no {css} layer"))
}

fn value<'a>(l: &'a Layer, name: &str) -> &'a str {
    &l.fields.iter().find(|f| f.name == name).unwrap_or_else(|| panic!("no {name} in {:?}", l.fields)).value
}

#[test]
fn a_syn_with_its_options_and_flags() {
    let frames = conversation();
    let ls = tree(&frames, 0);
    let (t, tcp) = layer(&ls, "tcp");
    assert_eq!(tcp.title, "Transmission Control Protocol, Src Port: 43210, Dst Port: 80, Seq: 0, Len: 0");
    assert_eq!(value(tcp, "Destination port"), "80 (http)");
    assert_eq!(value(tcp, "Sequence number"), "0 (relative sequence number)");
    assert_eq!(value(tcp, "Sequence number (raw)"), ISN_C.to_string());
    assert_eq!(value(tcp, "Acknowledgment number"), "0", "no ACK flag: the raw field");
    assert_eq!(value(tcp, "Header length"), "40 bytes (10)");
    assert_eq!(value(tcp, "Flags"), "0x002 (SYN)");
    assert_eq!(value(tcp, ".... .... ..1. = Syn"), "Set");
    assert_eq!(value(tcp, "000. .... .... = Reserved"), "Not set");
    assert_eq!(value(tcp, ".... ...0 .... = Acknowledgment"), "Not set");
    assert_eq!(tcp.fields.iter().filter(|f| f.depth == 1 && f.range == (46..48)).count(), 10, "one line per flag bit");
    assert!(tcp.fields.iter().all(|f| f.name != "Calculated window size"), "a SYN's window is never scaled");
    assert_eq!(tcp.fields.iter().find(|f| f.name == "Checksum").unwrap().check, Some(Check::Correct));
    let opts: Vec<(&str, Range<usize>)> =
        tcp.fields.iter().filter(|f| f.name == "TCP Option").map(|f| (f.value.as_str(), f.range.clone())).collect();
    assert_eq!(
        opts,
        [
            ("Maximum segment size: 1460 bytes", 54..58),
            ("SACK permitted", 58..60),
            ("Timestamps: TSval 10, TSecr 0", 60..70),
            ("No-Operation (NOP)", 70..71),
            ("Window scale: 7 (multiply by 128)", 71..74),
        ]
    );
    assert_eq!(value(tcp, "Options"), "20 bytes");
    // The MSS option's parts, each with its bytes; a click on byte 56 selects the value.
    let mss = tcp.fields.iter().position(|f| f.value.starts_with("Maximum segment size")).unwrap();
    let parts: Vec<(&str, &str, Range<usize>)> =
        tcp.fields[mss + 1..mss + 4].iter().map(|f| (f.name.as_str(), f.value.as_str(), f.range.clone())).collect();
    assert_eq!(parts, [("Kind", "Maximum Segment Size (2)", 54..55), ("Length", "4", 55..56), ("MSS value", "1460", 56..58)]);
    assert_eq!(field_at(&ls, 56), Some((t, mss + 3)));
    assert_eq!(value(tcp, "Shift count"), "7");
    assert_eq!(value(tcp, "Timestamp value"), "10");
    // Byte 47 (the flag bits) selects "Flags", not one of its lines; byte 46 the header length.
    assert_eq!(tcp.fields[field_at(&ls, 47).unwrap().1].name, "Flags");
    assert_eq!(tcp.fields[field_at(&ls, 46).unwrap().1].name, "Header length");
    // Alone (no conversation) the numbers are the raw ones.
    let alone = layers(&frames[0], None);
    assert_eq!(value(layer(&alone, "tcp").1, "Sequence number"), ISN_C.to_string());
}

#[test]
fn relative_numbers_scaled_window_and_sack_edges() {
    let frames = conversation();
    let ls = tree(&frames, 2);
    let tcp = layer(&ls, "tcp").1;
    assert_eq!(tcp.title, "Transmission Control Protocol, Src Port: 43210, Dst Port: 80, Seq: 1, Ack: 1, Len: 0");
    assert_eq!(value(tcp, "Acknowledgment number"), "1 (relative ack number)");
    assert_eq!(value(tcp, "Acknowledgment number (raw)"), (ISN_S + 1).to_string());
    assert_eq!((value(tcp, "Window"), value(tcp, "Calculated window size")), ("502", "64256"));
    assert_eq!(value(tcp, "Flags"), "0x010 (ACK)");
    let ls = tree(&frames, 5);
    let tcp = layer(&ls, "tcp").1;
    assert!(tcp.fields.iter().any(|f| f.value == "SACK: 1 block(s)"));
    assert_eq!((value(tcp, "Left edge"), value(tcp, "Right edge")), ("101 (relative)", "201 (relative)"));
}

#[test]
fn http_request_and_response_as_rows() {
    let frames = conversation();
    let ls = tree(&frames, 3);
    let tcp = layer(&ls, "tcp").1;
    assert_eq!(value(tcp, "TCP payload"), format!("{} bytes", GET.len()));
    let http = layer(&ls, "http").1;
    assert_eq!(http.title, "Hypertext Transfer Protocol");
    let line = &http.fields[0];
    assert_eq!((line.name.as_str(), line.value.as_str()), ("Request line", "GET / HTTP/1.1"));
    let f = &frames[3];
    let parts: Vec<(&str, &[u8])> = http.fields[1..4].iter().map(|p| (p.name.as_str(), &f[p.range.clone()])).collect();
    assert_eq!(parts, [("Request method", &b"GET"[..]), ("Request URI", b"/"), ("Request version", b"HTTP/1.1")]);
    assert_eq!(value(http, "Host"), "example.com");
    let host = http.fields.iter().find(|h| h.name == "Host").unwrap();
    assert_eq!(&f[host.range.clone()], b"Host: example.com");

    let ls = tree(&frames, 4);
    let http = layer(&ls, "http").1;
    assert_eq!(http.fields[0].value, "HTTP/1.1 200 OK");
    let code = http.fields.iter().find(|h| h.name == "Status code").unwrap();
    assert_eq!((code.value.as_str(), &frames[4][code.range.clone()]), ("200", &b"200"[..]));
    assert_eq!(value(http, "Response phrase"), "OK");
    assert_eq!(value(http, "Content-Length"), "5");
    let body = http.fields.iter().find(|h| h.name == "File data").unwrap();
    assert_eq!((body.value.as_str(), &frames[4][body.range.clone()]), ("5 bytes", &b"hello"[..]));
}

#[test]
fn the_fetch_page_example_decodes_as_tcp_and_http() {
    let (_, s) = packet_engine::examples::all().into_iter().find(|(n, _)| *n == "fetch-page").expect("the example");
    let out = packet_engine::Simulation::new(&s).unwrap().run();
    let sent: Vec<usize> =
        (0..out.trace.events.len()).filter(|&i| matches!(out.trace.events[i].kind, EventKind::FrameSent { .. })).collect();
    let tree_of = |i: usize| layers(frame_of(&out.trace.events[i].kind).unwrap(), super::super::conversation(&out, i));
    let with = |css: &str, pred: &dyn Fn(&Layer) -> bool| {
        sent.iter().map(|&i| tree_of(i)).find(|ls| ls.iter().any(|l| l.css == css && pred(l))).unwrap_or_else(|| panic!("no {css} frame"))
    };
    let syn = with("tcp", &|l| value(l, "Flags") == "0x002 (SYN)");
    let tcp = layer(&syn, "tcp").1;
    assert_eq!(value(tcp, "Sequence number"), "0 (relative sequence number)");
    let opts: Vec<&str> = tcp.fields.iter().filter(|f| f.name == "TCP Option").map(|f| f.value.as_str()).collect();
    assert!(opts.contains(&"Maximum segment size: 1460 bytes") && opts.contains(&"Window scale: 7 (multiply by 128)"), "{opts:?}");
    assert_eq!(tcp.fields.iter().find(|f| f.name == "Checksum").unwrap().check, Some(Check::Correct));
    // The client's first ACK: relative 1/1 and the window scaled by 128, as in the event list's conversation.
    let ack = with("tcp", &|l| value(l, "Flags") == "0x010 (ACK)");
    let tcp = layer(&ack, "tcp").1;
    assert_eq!((value(tcp, "Sequence number"), value(tcp, "Acknowledgment number")), ("1 (relative sequence number)", "1 (relative ack number)"));
    let win: u32 = value(tcp, "Window").parse().unwrap();
    assert_eq!(value(tcp, "Calculated window size"), (win * 128).to_string());
    let get = with("http", &|l| l.fields[0].value == "GET / HTTP/1.1");
    assert_eq!(value(layer(&get, "http").1, "Host"), "www.example.com");
    let ok = with("http", &|l| l.fields[0].value == "HTTP/1.1 200 OK");
    assert!(layer(&ok, "http").1.fields.iter().any(|f| f.name == "File data"), "the page is in the response segment");
}
