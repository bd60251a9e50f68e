//! TCP and HTTP in whole runs (issue 12, phase 2): the exact frames of the
//! handshake, the GET and the reply leaving the devices in the "Fetch a page"
//! example, RST|ACK for a closed port and curl's refusal, a SYN lost on a
//! cable and retransmitted after 1 s, the socket table replayed from the
//! trace, diagnoses, and validation of the new lab fields.

mod common;

use common::{frames_on, run};
use packet_engine::diagnose::{diagnose, Cause};
use packet_engine::examples;
use packet_engine::scenario::ErrorKind;
use packet_engine::trace::{EventKind, Retransmitted, SocketState, TcpEnd};
use packet_engine::{Scenario, SimTime, Simulation};

fn example(stem: &str) -> Scenario {
    examples::all().into_iter().find(|(s, _)| *s == stem).expect("example exists").1
}

/// (IPv4 header, TCP segment) of an Ethernet/IPv4/TCP frame, trimmed to the IPv4 total length.
fn tcp(frame: &[u8]) -> Option<(&[u8], &[u8])> {
    if frame.len() < 54 || frame[12..14] != [8, 0] || frame[23] != 6 {
        return None;
    }
    let total = u16::from_be_bytes([frame[16], frame[17]]) as usize;
    let ip = &frame[14..14 + total];
    Some((&ip[..20], &ip[20..]))
}

fn flags(seg: &[u8]) -> u8 {
    seg[13]
}

fn data(seg: &[u8]) -> &[u8] {
    &seg[usize::from(seg[12] >> 4) * 4..]
}

fn be32(b: &[u8]) -> u32 {
    u32::from_be_bytes([b[0], b[1], b[2], b[3]])
}

fn checksum_ok(ip: &[u8], seg: &[u8]) -> bool {
    let p = smoltcp::wire::TcpPacket::new_checked(seg).unwrap();
    let a = |at: usize| std::net::Ipv4Addr::new(ip[at], ip[at + 1], ip[at + 2], ip[at + 3]);
    p.verify_checksum(&a(12).into(), &a(16).into())
}

#[test]
fn fetch_page_frames_are_linux_and_curl_and_nginx() {
    let out = Simulation::new(&example("fetch-page")).unwrap().run();
    // The frames as they leave the laptop (l1, from laptop) and the server (l3, from web).
    let from_laptop: Vec<_> = frames_on(&out, "l1").into_iter().filter(|f| f.from == "laptop").filter(|f| tcp(&f.bytes).is_some()).map(|f| f.bytes).collect();
    let from_web: Vec<_> = frames_on(&out, "l3").into_iter().filter(|f| f.from == "web").filter(|f| tcp(&f.bytes).is_some()).map(|f| f.bytes).collect();
    // Client: SYN, ACK, GET, ACK of the reply, FIN|ACK, last ACK.
    assert_eq!(from_laptop.len(), 6, "laptop sends SYN, ACK, GET, ACK, FIN, ACK");
    // Server: SYN-ACK, ACK of the GET (quickack), the reply, FIN|ACK.
    assert_eq!(from_web.len(), 4, "web sends SYN-ACK, ACK, reply, FIN");

    let (ip, syn) = tcp(&from_laptop[0]).unwrap();
    assert_eq!(flags(syn), 0x02, "SYN");
    assert_eq!(ip[6] & 0x40, 0x40, "DF set");
    assert_eq!(ip[8], 64, "TTL 64");
    assert_eq!(&ip[12..20], &[192, 168, 1, 10, 192, 168, 1, 20]);
    assert_eq!(u16::from_be_bytes([syn[2], syn[3]]), 80);
    let sport = u16::from_be_bytes([syn[0], syn[1]]);
    assert!((32768..=60999).contains(&sport), "ephemeral port {sport}");
    assert_eq!(u16::from_be_bytes([syn[14], syn[15]]), 64240, "SYN window");
    assert_eq!(syn[12] >> 4, 10, "40-byte header: 20 of options");
    // Linux's tcp_options_write order: MSS 1460, SACK-permitted fused with the timestamp, NOP, WS 7.
    assert_eq!(&syn[20..24], &[2, 4, 0x05, 0xb4]);
    assert_eq!(&syn[24..28], &[4, 2, 8, 10]);
    assert_eq!(be32(&syn[32..36]), 0, "TSecr 0 in a SYN");
    assert_eq!(&syn[36..40], &[1, 3, 3, 7]);
    assert!(checksum_ok(ip, syn));
    assert_eq!(from_laptop[0].len(), 74);
    let iss = be32(&syn[4..8]);

    let (ip2, synack) = tcp(&from_web[0]).unwrap();
    assert_eq!(flags(synack), 0x12, "SYN-ACK");
    assert_eq!(&ip2[4..6], &[0, 0], "SYN-ACK carries IP id 0");
    assert_eq!(ip2[6] & 0x40, 0x40);
    assert_eq!(be32(&synack[8..12]), iss.wrapping_add(1));
    assert_eq!(u16::from_be_bytes([synack[14], synack[15]]), 65160, "SYN-ACK window (MSS − 12 multiple)");
    assert_eq!(&synack[20..24], &[2, 4, 0x05, 0xb4]);
    assert_eq!(be32(&synack[32..36]), be32(&syn[28..32]), "TSecr echoes the SYN's TSval");
    assert!(checksum_ok(ip2, synack));
    let irs = be32(&synack[4..8]);

    let (_, ack) = tcp(&from_laptop[1]).unwrap();
    assert_eq!(flags(ack), 0x10);
    assert_eq!(be32(&ack[8..12]), irs.wrapping_add(1));
    assert_eq!(u16::from_be_bytes([ack[14], ack[15]]), 502, "64256 >> 7");

    let (ip3, get) = tcp(&from_laptop[2]).unwrap();
    assert_eq!(flags(get), 0x18, "PSH|ACK");
    assert_eq!(be32(&get[4..8]), iss.wrapping_add(1));
    assert_eq!(data(get), b"GET / HTTP/1.1\r\nHost: www.example.com\r\nUser-Agent: curl/7.88.1\r\nAccept: */*\r\n\r\n");
    assert!(checksum_ok(ip3, get));
    // The socket's IP id counter: the GET follows the ACK by one.
    let id = |f: &[u8]| u16::from_be_bytes([f[18], f[19]]);
    assert_eq!(id(&from_laptop[2]), id(&from_laptop[1]).wrapping_add(1));

    let (_, gack) = tcp(&from_web[1]).unwrap();
    assert_eq!(flags(gack), 0x10, "quickack of the GET");
    assert_eq!(be32(&gack[8..12]), iss.wrapping_add(1 + data(get).len() as u32));
    let (ip4, reply) = tcp(&from_web[2]).unwrap();
    assert_eq!(flags(reply), 0x18);
    let text = String::from_utf8(data(reply).to_vec()).unwrap();
    assert!(text.starts_with("HTTP/1.1 200 OK\r\nServer: nginx/1.22.1\r\nDate: Tue, 14 Nov 2023 22:13:21 GMT\r\nContent-Type: text/html\r\nContent-Length: 157\r\n"), "{text}");
    assert!(text.ends_with("<h1>Hello from the web server</h1>\n<p>This page came over TCP port 80.</p>\n</body>\n</html>\n"));
    assert!(checksum_ok(ip4, reply));

    // Teardown: the client closes first (curl exits), the server answers FIN|ACK.
    assert_eq!(flags(tcp(&from_laptop[4]).unwrap().1), 0x11);
    assert_eq!(flags(tcp(&from_web[3]).unwrap().1), 0x11);
    assert_eq!(flags(tcp(&from_laptop[5]).unwrap().1), 0x10);

    // The body reaches the terminal.
    let lines = &out.outputs["laptop: curl -v http://www.example.com/"];
    assert!(lines.contains(&"<h1>Hello from the web server</h1>".to_string()));
    assert_eq!(lines.last().unwrap(), "* Connection #0 to host www.example.com left intact");
}

#[test]
fn fetch_page_events_and_socket_table() {
    let out = Simulation::new(&example("fetch-page")).unwrap().run();
    let ev = &out.trace.events;
    let pos = |f: &dyn Fn(&EventKind) -> bool| ev.iter().position(|e| f(&e.kind)).expect("event present");
    let est = pos(&|k| matches!(k, EventKind::TcpSocket { device, new: Some(SocketState::Established), .. } if device == "web"));
    let get = pos(&|k| matches!(k, EventKind::HttpRequest { request, .. } if request.method == "GET" && request.path == "/"));
    let ok = pos(&|k| matches!(k, EventKind::HttpResponse { response, .. } if (response.status, response.body_len) == (200, 157)));
    let tw = pos(&|k| matches!(k, EventKind::TcpSocket { device, new: Some(SocketState::TimeWait), .. } if device == "laptop"));
    assert!(get < ok && ok < tw && est < ok);
    assert_eq!(ev[get].explain(), "GET / sent: laptop asks 192.168.1.20 port 80 for http://www.example.com/");
    assert_eq!(ev[ok].explain(), "200 OK, 157 bytes: the web server on web answers 192.168.1.10's GET /");

    // ss -tan replayed: both ends ESTAB after the handshake, TIME-WAIT on the laptop after the close.
    let s = out.trace.state_at(est);
    let names = |dev: &str, st: &packet_engine::trace::NetworkState| -> Vec<&'static str> {
        st.sockets.get(dev).map(|r| r.iter().map(|r| r.state.name()).collect()).unwrap_or_default()
    };
    assert_eq!(names("web", &s), ["LISTEN", "ESTAB"]);
    assert_eq!(names("laptop", &s), ["ESTAB"]);
    let s = out.trace.state_at(tw);
    assert_eq!(names("laptop", &s), ["TIME-WAIT"]);
    // 60 s later TIME-WAIT is over; the listener stays.
    let end = out.trace.state_at(ev.len() - 1);
    assert_eq!(names("laptop", &end), Vec::<&str>::new());
    assert_eq!(names("web", &end), ["LISTEN"]);
    let gone = ev.iter().find(|e| matches!(&e.kind, EventKind::TcpSocket { device, old: Some(SocketState::TimeWait), new: None, .. } if device == "laptop")).unwrap();
    let entered = ev[tw].time;
    assert_eq!(gone.time.saturating_sub(entered), SimTime::from_secs(60));
    assert!(diagnose(&out.topology, &out).is_empty());
}

#[test]
fn closed_port_answers_rst_ack_and_curl_is_refused() {
    let out = Simulation::new(&example("connection-refused")).unwrap().run();
    let frames = frames_on(&out, "l2");
    let rst = frames.iter().filter(|f| f.from == "server").find(|f| tcp(&f.bytes).is_some()).unwrap().bytes.clone();
    let (ip, seg) = tcp(&rst).unwrap();
    assert_eq!(flags(seg), 0x14, "RST|ACK");
    assert_eq!(be32(&seg[4..8]), 0, "seq 0 (the SYN had no ACK)");
    let syn = frames_on(&out, "l1").into_iter().find_map(|f| tcp(&f.bytes).map(|(_, s)| be32(&s[4..8]))).unwrap();
    assert_eq!(be32(&seg[8..12]), syn.wrapping_add(1));
    assert_eq!(u16::from_be_bytes([seg[14], seg[15]]), 0, "window 0");
    assert_eq!(seg.len(), 20, "no options");
    assert_eq!(&ip[4..6], &[0, 0]);
    assert_eq!(rst.len(), 60, "padded to the Ethernet minimum");
    assert!(checksum_ok(ip, seg));
    let lines = &out.outputs["laptop: curl -v http://192.168.1.20/"];
    assert_eq!(lines[1], "* connect to 192.168.1.20 port 80 failed: Connection refused");
    assert_eq!(lines.last().unwrap(), "curl: (7) Failed to connect to 192.168.1.20 port 80 after 0 ms: Couldn't connect to server");
    assert!(out.trace.events.iter().any(|e| matches!(&e.kind, EventKind::TcpSocket { end: Some(TcpEnd::Refused), .. })));
    let d = diagnose(&out.topology, &out);
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].cause, Cause::ConnectionRefused { port: 80 });
    assert_eq!(d[0].field, "devices[2].services");
    assert!(d[0].text.to_string().starts_with("connection refused: nothing listens on port 80 on server"), "{}", d[0].text);
}

#[test]
fn a_lost_syn_is_retransmitted_after_one_second() {
    let mut s = example("fetch-page");
    // Frames from the laptop on l1: ARP, DNS A, DNS AAAA, ARP, SYN (the 5th).
    s.links[0].drop_from_a = vec![5];
    let out = Simulation::new(&s).unwrap().run();
    let syns: Vec<_> = frames_on(&out, "l1").into_iter().filter(|f| tcp(&f.bytes).is_some_and(|(_, t)| flags(t) == 0x02)).collect();
    assert_eq!(syns.len(), 2);
    // TCP_TIMEOUT_INIT from the first transmission (which waited ~80 µs for ARP).
    let gap = syns[1].t_start.saturating_sub(syns[0].t_start);
    assert!(gap > SimTime::from_millis(999) && gap <= SimTime::from_secs(1), "{gap:?}");
    let r = out.trace.events.iter().find(|e| matches!(e.kind, EventKind::TcpRetransmit { .. })).unwrap();
    assert!(matches!(&r.kind, EventKind::TcpRetransmit { retry, .. } if (retry.what, retry.after) == (Retransmitted::Syn, SimTime::from_secs(1))));
    assert_eq!(r.explain(), "SYN retransmitted after 1 s: laptop got no SYN-ACK from 192.168.1.20");
    assert!(out.outputs["laptop: curl -v http://www.example.com/"].contains(&"<h1>Hello from the web server</h1>".to_string()));
}

#[test]
fn syns_that_never_arrive_are_diagnosed_with_their_schedule() {
    let mut s = example("fetch-page");
    // Everything from the laptop after its ARP request for the server: the SYNs
    // (and the ARP replies in between) never arrive.
    s.links[0].drop_from_a = (5..=40).collect();
    s.options.max_time_ms = 20_000;
    let out = Simulation::new(&s).unwrap().run();
    let d = diagnose(&out.topology, &out);
    assert_eq!(d.len(), 1, "{d:?}");
    let Cause::NoAnswerToSyn { retransmitted_after } = &d[0].cause else { panic!("{d:?}") };
    // Linux ≥ 6.5 (tcp_syn_linear_timeouts = 4): 1 s five times, then doubling.
    let secs: Vec<u64> = retransmitted_after.iter().map(|t| t.as_nanos() / 1_000_000_000).collect();
    assert_eq!(secs, [1, 1, 1, 1, 1, 2, 4]);
    assert_eq!(d[0].field, "links[0]");
    assert!(d[0].text.to_string().starts_with("no answer to SYN: laptop sent its SYN to 192.168.1.20 port 80 and retransmitted it after 1 s, 1 s, 1 s, 1 s, 1 s, 2 s, 4 s"), "{}", d[0].text);
    assert!(d[0].text.to_string().contains("the cable l1 lost them"));
}

#[test]
fn an_unknown_name_is_diagnosed_as_not_resolved() {
    let mut s = example("fetch-page");
    s.commands[0].run = "curl http://ww.example.com/".into();
    let out = Simulation::new(&s).unwrap().run();
    assert_eq!(out.outputs["laptop: curl http://ww.example.com/"], ["curl: (6) Could not resolve host: ww.example.com"]);
    let d = diagnose(&out.topology, &out);
    assert_eq!(d.len(), 1);
    assert!(d[0].text.to_string().starts_with("The name did not resolve"), "{}", d[0].text);
}

#[test]
fn wrong_port_is_refused_and_the_diagnosis_names_the_listening_port() {
    let mut s = example("fetch-page");
    s.commands[0].run = "curl http://www.example.com:8080/".into();
    let out = Simulation::new(&s).unwrap().run();
    let d = diagnose(&out.topology, &out);
    assert_eq!(d[0].cause, Cause::ConnectionRefused { port: 8080 });
    assert_eq!(d[0].field, "commands[0].run");
    assert!(d[0].text.to_string().contains("web's web server listens on port 80, not 8080"), "{}", d[0].text);
}

#[test]
fn missing_page_gets_nginx_404() {
    let mut s = example("fetch-page");
    s.commands[0].run = "curl http://192.168.1.20/nothing.html".into();
    let out = Simulation::new(&s).unwrap().run();
    let lines = &out.outputs["laptop: curl http://192.168.1.20/nothing.html"];
    assert!(lines.contains(&"<center><h1>404 Not Found</h1></center>".to_string()), "{lines:?}");
    assert!(out.trace.events.iter().any(|e| matches!(&e.kind, EventKind::HttpResponse { response, .. } if response.status == 404)));
}

#[test]
fn no_route_fails_at_once_like_curl() {
    let out = run(r#"{"devices":[{"id":"pc","kind":"host","interfaces":[{"name":"eth0","address":"10.0.0.1/24"}]}],
        "commands":[{"device":"pc","run":"curl -v http://8.8.8.8/"}]}"#);
    assert_eq!(
        out.outputs["pc: curl -v http://8.8.8.8/"],
        [
            "*   Trying 8.8.8.8:80...",
            "* Immediate connect fail for 8.8.8.8: Network is unreachable",
            "* Failed to connect to 8.8.8.8 port 80 after 0 ms: Couldn't connect to server",
            "* Closing connection 0",
            "curl: (7) Failed to connect to 8.8.8.8 port 80 after 0 ms: Couldn't connect to server",
        ]
    );
}

#[test]
fn arp_failure_reaches_connect_as_no_route_to_host() {
    // No device has 10.0.0.9: ARP fails after 3 s, the kernel's own ICMP host
    // unreachable (arp_error_report) aborts connect() with EHOSTUNREACH.
    let out = run(r#"{"devices":[{"id":"pc","kind":"host","interfaces":[{"name":"eth0","address":"10.0.0.1/24"}]},
        {"id":"sw","kind":"switch","ports":2}],
        "links":[{"id":"l1","a":{"device":"pc","port":"eth0"},"b":{"device":"sw","port":"p1"}}],
        "commands":[{"device":"pc","run":"curl -v http://10.0.0.9/"}]}"#);
    let lines = &out.outputs["pc: curl -v http://10.0.0.9/"];
    assert!(lines.contains(&"* connect to 10.0.0.9 port 80 failed: No route to host".to_string()), "{lines:?}");
    assert!(lines.last().unwrap().starts_with("curl: (7) Failed to connect to 10.0.0.9 port 80 after 3"), "{lines:?}");
    let d = diagnose(&out.topology, &out);
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].cause, Cause::UnknownHost { address: "10.0.0.9".parse().unwrap() });
}

fn invalid(json: &str) -> packet_engine::ScenarioError {
    Scenario::from_json(json).expect_err("must be refused")
}

#[test]
fn bad_urls_and_web_fields_are_named() {
    let lab = |run: &str| format!(r#"{{"devices":[{{"id":"pc","kind":"host","interfaces":[{{"name":"eth0","address":"10.0.0.1/24"}}]}}],"commands":[{{"device":"pc","run":"{run}"}}]}}"#);
    for (run, msg) in [
        ("curl https://example.com/", "https:// is not modelled"),
        ("curl http://example.com:99999/", "must be a number from 1 to 65535, not \"99999\""),
        ("curl http://example.com:0/", "not \"0\""),
        ("curl http:///x", "has no host"),
        ("curl http://10.0.0.300/", "10.0.0.300 in http://10.0.0.300/ is not an IPv4 address"),
        ("curl http://exa mple.com/", "one URL at a time"),
        ("curl -o x http://a/", "unsupported curl option -o"),
        ("curl", "curl needs a URL"),
        ("curl http://bad_name!/", "is not a host name"),
    ] {
        let e = invalid(&lab(run));
        assert_eq!(e.path, "commands[0].run", "{run}");
        assert!(e.message.to_string().contains(msg), "{run}: {}", e.message);
        assert_eq!(e.kind, ErrorKind::BadCommand);
    }
    let server = |web: &str| format!(r#"{{"devices":[{{"id":"s","kind":"server","interfaces":[{{"name":"eth0","address":"10.0.0.1/24"}}],"services":{{"web":{web}}}}}]}}"#);
    let e = invalid(&server(r#"{"port":0}"#));
    assert_eq!(e.path, "devices[0].services.web.port");
    let e = invalid(&server(r#"{"pages":{"index.html":"x"}}"#));
    assert_eq!(e.path, "devices[0].services.web.pages[\"index.html\"]");
    assert!(e.message.to_string().contains("is not a page path"), "{}", e.message);
    let e = invalid(&server(r#"{"pages":{"/":"a","/index.html":"b"}}"#));
    assert!(e.message.to_string().contains("given twice"), "{}", e.message);
    let e = invalid(r#"{"devices":[{"id":"h","kind":"host","interfaces":[{"name":"eth0","address":"10.0.0.1/24"}],"services":{"web":{}}}]}"#);
    assert_eq!(e.path, "devices[0].services");
    let link = |drop: &str| format!(r#"{{"devices":[{{"id":"a","kind":"host","interfaces":[{{"name":"eth0"}}]}},{{"id":"b","kind":"host","interfaces":[{{"name":"eth0"}}]}}],
        "links":[{{"id":"l","a":{{"device":"a","port":"eth0"}},"b":{{"device":"b","port":"eth0"}},{drop}}}]}}"#);
    let e = invalid(&link(r#""drop_from_b":[0]"#));
    assert_eq!(e.path, "links[0].drop_from_b[0]");
    assert!(e.message.to_string().contains("counted from 1"));
    let e = invalid(&link(r#""drop_from_a":[2,2]"#));
    assert_eq!(e.path, "links[0].drop_from_a[1]");
    // The parsed URL is typed once: host, port, path.
    let s = Scenario::from_json(&lab("curl -v 10.0.0.2:8080/a?b")).unwrap();
    let t = s.validate().unwrap();
    let packet_engine::scenario::Command::Curl { url, verbose } = &t.commands[0].command else { panic!() };
    assert!(verbose);
    assert_eq!((url.host.as_str(), url.port, url.path.as_str()), ("10.0.0.2", 8080, "/a?b"));
}
