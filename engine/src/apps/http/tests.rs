//! curl against the web server over two TCP tables wired back to back (1 ms one way).

use std::net::Ipv4Addr;

use super::curl::{Curl, Stream, Url};
use super::server::{http_date, not_found_page, WebServer, WELCOME};
use crate::apps::dns::resolver::StepResult;
use crate::l4::tcp::{TcpEvent, TcpTable};
use crate::rng::Rng;
use crate::time::SimTime;
use crate::wire::dns::{DnsMessage, RData, Record};

const C: Ipv4Addr = Ipv4Addr::new(192, 168, 1, 10);
const S: Ipv4Addr = Ipv4Addr::new(93, 184, 215, 14);
const EPOCH: u64 = 1_700_000_000;

struct World {
    c: TcpTable,
    s: TcpTable,
    srv: WebServer,
    rng: Rng,
    /// Segments delivered, as (time, from client?).
    log: Vec<(SimTime, bool, usize)>,
}

impl World {
    fn new() -> World {
        let mut s = TcpTable::new(1500);
        let mut srv = WebServer::new(EPOCH);
        srv.start(&mut s).unwrap();
        World { c: TcpTable::new(1500), s, srv, rng: Rng::new(3), log: vec![] }
    }

    /// Run until nothing is in flight and no timer is due before `until`.
    fn run(&mut self, curl: &mut Curl, mut now: SimTime, until: SimTime, drop_to_server: bool) {
        let ms = SimTime::from_millis(1);
        let mut to_s = self.c.take_output();
        let mut to_c = self.s.take_output();
        loop {
            if to_s.is_empty() && to_c.is_empty() {
                let t = [self.c.poll_at(), self.s.poll_at()].into_iter().flatten().min();
                match t {
                    Some(t) if t <= until => {
                        now = t;
                        self.c.on_timer(now);
                        self.s.on_timer(now);
                    }
                    _ => return,
                }
            } else {
                now = now + ms;
                for o in std::mem::take(&mut to_s) {
                    self.log.push((now, true, o.bytes.len()));
                    if !drop_to_server {
                        self.s.on_segment(now, o.src, o.dst, &o.bytes, &mut self.rng);
                    }
                }
                for o in std::mem::take(&mut to_c) {
                    self.log.push((now, false, o.bytes.len()));
                    self.c.on_segment(now, o.src, o.dst, &o.bytes, &mut self.rng);
                }
            }
            for e in self.s.take_events() {
                self.srv.on_event(now, e, &mut self.s);
            }
            for e in self.c.take_events() {
                curl.on_tcp_event(now, e, &mut self.c, &mut self.rng);
            }
            to_s.extend(self.c.take_output());
            to_c.extend(self.s.take_output());
        }
    }
}

fn text(out: &[(Stream, String)], stream: Stream) -> String {
    out.iter().filter(|(s, _)| *s == stream).map(|(_, t)| format!("{t}\n")).collect()
}

#[test]
fn url_parsing() {
    assert_eq!(Url::parse("example.com").unwrap(), Url { host: "example.com".into(), port: 80, path: "/".into() });
    assert_eq!(Url::parse("http://10.0.0.1:8080/a/b?x").unwrap().path, "/a/b?x");
    assert_eq!(Url::parse("https://x").unwrap_err(), "curl: (1) Protocol \"https\" not supported or disabled in libcurl");
    assert!(Url::parse("http://:80/").is_err());
}

#[test]
fn request_bytes_exact() {
    let c = Curl::new("http://example.com/", false, C).unwrap();
    assert_eq!(c.request(), b"GET / HTTP/1.1\r\nHost: example.com\r\nUser-Agent: curl/7.88.1\r\nAccept: */*\r\n\r\n");
    let c = Curl::new("http://example.com:8080/x", false, C).unwrap();
    assert!(c.request().starts_with(b"GET /x HTTP/1.1\r\nHost: example.com:8080\r\n"));
}

#[test]
fn http_dates() {
    assert_eq!(http_date(0), "Thu, 01 Jan 1970 00:00:00 GMT");
    assert_eq!(http_date(1_700_000_000), "Tue, 14 Nov 2023 22:13:20 GMT");
    assert_eq!(http_date(951_782_400), "Tue, 29 Feb 2000 00:00:00 GMT");
}

#[test]
fn server_responses_as_nginx() {
    let mut srv = WebServer::new(EPOCH);
    let r = String::from_utf8(srv.respond(SimTime::from_secs(5), b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")).unwrap();
    let head = "HTTP/1.1 200 OK\r\nServer: nginx/1.22.1\r\nDate: Tue, 14 Nov 2023 22:13:25 GMT\r\nContent-Type: text/html\r\nContent-Length: 615\r\nLast-Modified: Tue, 14 Nov 2023 22:13:20 GMT\r\nConnection: keep-alive\r\nETag: \"6553f100-267\"\r\nAccept-Ranges: bytes\r\n\r\n";
    assert_eq!(WELCOME.len(), 615, "nginx's default page is 615 bytes");
    assert_eq!(r, format!("{head}{WELCOME}"));
    let r = String::from_utf8(srv.respond(SimTime::ZERO, b"GET /missing HTTP/1.1\r\n\r\n")).unwrap();
    assert!(r.starts_with("HTTP/1.1 404 Not Found\r\nServer: nginx/1.22.1\r\n"));
    assert!(r.contains("Content-Length: 153\r\n"), "{r}");
    assert!(r.ends_with(&not_found_page()));
    assert_eq!(srv.access_log, vec!["\"GET / HTTP/1.1\" 200", "\"GET /missing HTTP/1.1\" 404"]);
}

#[test]
fn curl_verbose_full_visit() {
    let mut w = World::new();
    w.srv.pages.insert("/index.html".into(), super::server::Page { body: "<h1>Hello</h1>\n".into(), modified: EPOCH });
    let mut curl = Curl::new("http://example.com/", true, C).unwrap();
    let conf = crate::apps::dns::resolver::ResolvConf::new(vec![Ipv4Addr::new(192, 168, 1, 1)]);
    let evs = curl.start(SimTime::ZERO, conf, &mut w.c, &mut w.rng);
    assert!(!evs.is_empty(), "a name starts the resolver (A + AAAA)");
    // The answer, as the resolver would hand it over.
    let mut a = DnsMessage::query(1, 0x8180, "example.com", 1);
    a.answers.push(Record { name: "example.com".into(), rtype: 1, class: 1, ttl: 300, data: RData::A(S) });
    let res = vec![StepResult { qtypes: vec![1, 28], name: "example.com".into(), outcome: Ok(vec![a]) }];
    let t0 = SimTime::from_millis(20);
    curl.on_resolved(t0, &res, &mut w.c, &mut w.rng);
    w.run(&mut curl, t0, SimTime::from_secs(1), false);
    assert_eq!(curl.exit_code(), Some(0));
    let out = curl.take_output();
    assert_eq!(text(&out, Stream::Stdout), "<h1>Hello</h1>\n\n");
    let err = text(&out, Stream::Stderr);
    assert_eq!(
        err,
        "*   Trying 93.184.215.14:80...\n\
         * Connected to example.com (93.184.215.14) port 80 (#0)\n\
         > GET / HTTP/1.1\n> Host: example.com\n> User-Agent: curl/7.88.1\n> Accept: */*\n> \n\
         < HTTP/1.1 200 OK\n< Server: nginx/1.22.1\n< Date: Tue, 14 Nov 2023 22:13:20 GMT\n< Content-Type: text/html\n< Content-Length: 15\n\
         < Last-Modified: Tue, 14 Nov 2023 22:13:20 GMT\n< Connection: keep-alive\n< ETag: \"6553f100-f\"\n< Accept-Ranges: bytes\n< \n\
         * Connection #0 to host example.com left intact\n"
    );
    // The ten segments: SYN, SYN-ACK, ACK, GET, ACK, response, ACK, FIN, FIN, ACK.
    let dirs: Vec<bool> = w.log.iter().map(|(_, c, _)| *c).collect();
    assert_eq!(dirs, vec![true, false, true, true, false, false, true, true, false, true]);
    assert!(w.c.ss_text().contains("TIME-WAIT"));
    assert_eq!(w.s.ss().len(), 1, "only the listener is left on the server");
}

#[test]
fn curl_refused_and_unresolved() {
    let mut w = World::new();
    let mut curl = Curl::new("http://93.184.215.14:8080/", false, C).unwrap();
    let conf = crate::apps::dns::resolver::ResolvConf::new(vec![]);
    curl.start(SimTime::ZERO, conf.clone(), &mut w.c, &mut w.rng);
    w.run(&mut curl, SimTime::ZERO, SimTime::from_secs(1), false);
    assert_eq!(curl.exit_code(), Some(7));
    assert_eq!(
        curl.take_output(),
        vec![(Stream::Stderr, "curl: (7) Failed to connect to 93.184.215.14 port 8080 after 2 ms: Couldn't connect to server".into())]
    );
    let mut curl = Curl::new("nosuch.example", true, C).unwrap();
    curl.start(SimTime::ZERO, conf, &mut w.c, &mut w.rng);
    curl.on_resolved(SimTime::ZERO, &[], &mut w.c, &mut w.rng);
    assert_eq!(curl.exit_code(), Some(6));
    let out = text(&curl.take_output(), Stream::Stderr);
    assert_eq!(out, "* Could not resolve host: nosuch.example\n* Closing connection 0\ncurl: (6) Could not resolve host: nosuch.example\n");
}

#[test]
fn curl_connect_timeout_is_28() {
    let mut w = World::new();
    let mut curl = Curl::new("http://93.184.215.14/", true, C).unwrap();
    curl.start(SimTime::ZERO, crate::apps::dns::resolver::ResolvConf::new(vec![]), &mut w.c, &mut w.rng);
    w.run(&mut curl, SimTime::ZERO, SimTime::from_secs(300), true);
    assert_eq!(curl.exit_code(), Some(28));
    let err = text(&curl.take_output(), Stream::Stderr);
    assert!(err.contains("* connect to 93.184.215.14 port 80 failed: Connection timed out\n"), "{err}");
    assert!(err.ends_with("curl: (28) Failed to connect to 93.184.215.14 port 80 after 131000 ms: Couldn't connect to server\n"), "{err}");
    assert_eq!(w.log.len(), 11, "SYN and its 10 retransmissions");
    let _ = TcpEvent::Closed;
}

#[test]
fn curl_no_route_to_host() {
    use crate::l4::tcp::IcmpErrno;
    let mut w = World::new();
    let mut curl = Curl::new("http://93.184.215.14/", true, C).unwrap();
    curl.start(SimTime::ZERO, crate::apps::dns::resolver::ResolvConf::new(vec![]), &mut w.c, &mut w.rng);
    let syn = w.c.take_output();
    assert_eq!(w.c.ss()[0].state, "SYN-SENT");
    let h = crate::frames::Ipv4Header { tos: 0, ident: 0, dont_frag: true, ttl: 63, protocol: smoltcp::wire::IpProtocol::Tcp, src: C, dst: S };
    let quoted = crate::frames::ipv4_datagram(&h, &syn[0].bytes);
    // The home router's ARP for the server timed out (3 s): host unreachable.
    w.c.on_icmp_unreachable(1, &quoted);
    let t = SimTime::from_millis(3071);
    for e in w.c.take_events() {
        assert!(matches!(e, TcpEvent::Unreachable(_, IcmpErrno::HostUnreachable)));
        curl.on_tcp_event(t, e, &mut w.c, &mut w.rng);
    }
    assert_eq!(curl.exit_code(), Some(7));
    let err = text(&curl.take_output(), Stream::Stderr);
    assert_eq!(
        err,
        "*   Trying 93.184.215.14:80...\n* connect to 93.184.215.14 port 80 failed: No route to host\n\
         * Failed to connect to 93.184.215.14 port 80 after 3071 ms: Couldn't connect to server\n* Closing connection 0\n\
         curl: (7) Failed to connect to 93.184.215.14 port 80 after 3071 ms: Couldn't connect to server\n"
    );
}
