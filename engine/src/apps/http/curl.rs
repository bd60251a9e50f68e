//! `curl [-v] URL` as curl 7.88.1 (Debian 12) runs it: resolve the name with
//! getaddrinfo(AF_UNSPEC) on the threaded resolver (lib/asyn-thread.c: hints
//! carry only the family and SOCK_STREAM, so glibc sends A and AAAA), connect,
//! send the request, print the body, leave the connection "intact" and exit,
//! which closes the socket (the client sends the first FIN).
//!
//! Text as curl 7.88.1 prints it (lib/connect.c, lib/url.c, lib/multi.c,
//! lib/strerror.c): `*   Trying A:P...`, `* Connected to H (A) port P (#0)`,
//! `> ` request lines, `< ` response header lines, `* Connection #0 to host H
//! left intact`; errors `curl: (6) Could not resolve host: H`, `curl: (7)
//! Failed to connect to H port P after N ms: Couldn't connect to server`, and
//! for a kernel ETIMEDOUT the same text with exit code 28 (connect.c maps
//! `os_errno == ETIMEDOUT` to CURLE_OPERATION_TIMEDOUT after the failf).
//!
//! The host drives it: [`Curl::start`], then the resolver's events (it owns a
//! [`Resolver`], reachable through [`Curl::resolver_mut`]) until
//! [`Curl::on_resolved`], then every [`TcpEvent`] through [`Curl::on_tcp_event`].

use std::net::Ipv4Addr;

use crate::apps::dns::resolver::{addresses, Program, ResolvConf, Resolver, ResolverEvent, StepResult};
use crate::l4::tcp::{SocketId, TcpEvent, TcpTable};
use crate::rng::Rng;
use crate::time::SimTime;

/// Where a line of output goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stream {
    /// The body.
    Stdout,
    /// Verbose lines and errors.
    Stderr,
}

/// `http://host[:port][/path]`, parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Url {
    /// Host name or dotted quad.
    pub host: String,
    /// Port (80 unless given).
    pub port: u16,
    /// Path and query, starting with '/'.
    pub path: String,
}

impl Url {
    /// Parse what the user typed; curl adds `http://` when no scheme is given.
    pub fn parse(s: &str) -> Result<Url, String> {
        let rest = if let Some(r) = s.strip_prefix("http://") {
            r
        } else if s.contains("://") {
            let scheme = s.split("://").next().unwrap_or("");
            return Err(format!("curl: (1) Protocol \"{scheme}\" not supported or disabled in libcurl"));
        } else {
            s
        };
        let (hostport, path) = match rest.find('/') {
            Some(i) => (&rest[..i], rest[i..].to_string()),
            None => (rest, "/".to_string()),
        };
        let (host, port) = match hostport.rsplit_once(':') {
            Some((h, p)) => (h, p.parse::<u16>().map_err(|_| "curl: (3) URL using bad/illegal format or missing URL".to_string())?),
            None => (hostport, 80),
        };
        if host.is_empty() {
            return Err("curl: (3) URL using bad/illegal format or missing URL".into());
        }
        Ok(Url { host: host.to_string(), port, path })
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Phase {
    Resolving,
    Connecting { addr: Ipv4Addr, sock: SocketId, rest: Vec<Ipv4Addr> },
    Receiving { sock: SocketId },
    Done,
}

/// One curl run.
#[derive(Debug, Clone)]
pub struct Curl {
    /// The URL.
    pub url: Url,
    /// `-v`.
    pub verbose: bool,
    phase: Phase,
    resolver: Option<Resolver>,
    local: Ipv4Addr,
    started: SimTime,
    response: Vec<u8>,
    headers_printed: bool,
    output: Vec<(Stream, String)>,
    exit: Option<u8>,
}

impl Curl {
    /// A run of `curl [-v] url` from a host whose address is `local`.
    pub fn new(url: &str, verbose: bool, local: Ipv4Addr) -> Result<Curl, String> {
        Ok(Curl {
            url: Url::parse(url)?,
            verbose,
            phase: Phase::Resolving,
            resolver: None,
            local,
            started: SimTime::ZERO,
            response: vec![],
            headers_printed: false,
            output: vec![],
            exit: None,
        })
    }

    /// A run of `curl [-v]` for a URL the lab already read
    /// (`scenario::parse_url`); the source address is set once the route to
    /// the server is known ([`Curl::set_local`]).
    pub fn with_url(url: Url, verbose: bool) -> Curl {
        Curl {
            url,
            verbose,
            phase: Phase::Resolving,
            resolver: None,
            local: Ipv4Addr::UNSPECIFIED,
            started: SimTime::ZERO,
            response: vec![],
            headers_printed: false,
            output: vec![],
            exit: None,
        }
    }

    /// The source address of the connection (the route's `src` to the server).
    pub fn set_local(&mut self, local: Ipv4Addr) {
        self.local = local;
    }

    /// connect() failed at once with ENETUNREACH (no route to `addr`): curl
    /// 7.88.1 prints `Immediate connect fail for A: Network is unreachable`
    /// (lib/cf-socket.c, `cf_socket_connect`), then fails the transfer with
    /// CURLE_COULDNT_CONNECT (7).
    pub fn unroutable(&mut self, now: SimTime, addr: Ipv4Addr) {
        if self.resolver.is_none() && self.phase == Phase::Resolving && self.started == SimTime::ZERO {
            self.started = now;
        }
        self.resolver = None;
        self.info(&format!("  Trying {addr}:{}...", self.url.port));
        self.info(&format!("Immediate connect fail for {addr}: Network is unreachable"));
        let msg = format!(
            "Failed to connect to {} port {} after {} ms: Couldn't connect to server",
            self.url.host,
            self.url.port,
            self.elapsed_ms(now)
        );
        self.fail(7, &msg);
    }

    /// The TCP socket once connect() was called, until curl is done.
    pub fn socket(&self) -> Option<SocketId> {
        match &self.phase {
            Phase::Connecting { sock, .. } | Phase::Receiving { sock } => Some(*sock),
            _ => None,
        }
    }

    /// True once the request was handed to the socket.
    pub fn request_sent(&self) -> bool {
        matches!(self.phase, Phase::Receiving { .. }) || (self.exit == Some(0))
    }

    /// The request bytes curl 7.88.1 sends (lib/http.c: request line, Host,
    /// User-Agent, Accept, blank line; Host carries the port when not 80).
    pub fn request(&self) -> Vec<u8> {
        let host = if self.url.port == 80 { self.url.host.clone() } else { format!("{}:{}", self.url.host, self.url.port) };
        format!("GET {} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: curl/7.88.1\r\nAccept: */*\r\n\r\n", self.url.path).into_bytes()
    }

    /// Start: a dotted quad connects at once; a name starts the resolver,
    /// whose first events are returned for the host to carry out.
    pub fn start(&mut self, now: SimTime, conf: ResolvConf, tcp: &mut TcpTable, rng: &mut Rng) -> Vec<ResolverEvent> {
        self.started = now;
        if let Ok(a) = self.url.host.parse::<Ipv4Addr>() {
            self.connect(now, a, vec![], tcp, rng);
            return vec![];
        }
        let mut r = Resolver::new(conf, Program::GetAddrInfo, &self.url.host);
        let evs = r.start(now, rng);
        self.resolver = Some(r);
        evs
    }

    /// The lookup in progress, if any.
    pub fn resolver(&self) -> Option<&Resolver> {
        self.resolver.as_ref()
    }

    /// The lookup in progress, for the host to feed datagrams and timers.
    pub fn resolver_mut(&mut self) -> Option<&mut Resolver> {
        self.resolver.as_mut()
    }

    /// The resolver finished (its `Done` results).
    pub fn on_resolved(&mut self, now: SimTime, results: &[StepResult], tcp: &mut TcpTable, rng: &mut Rng) {
        self.resolver = None;
        let addrs = addresses(results);
        match addrs.split_first() {
            Some((first, rest)) => self.connect(now, *first, rest.to_vec(), tcp, rng),
            None => {
                let msg = format!("Could not resolve host: {}", self.url.host);
                self.fail(6, &msg);
            }
        }
    }

    fn info(&mut self, s: &str) {
        if self.verbose {
            self.output.push((Stream::Stderr, format!("* {s}")));
        }
    }

    fn fail(&mut self, code: u8, msg: &str) {
        // failf also shows the message as an info line under -v (lib/sendf.c).
        self.info(msg);
        self.info("Closing connection 0");
        self.output.push((Stream::Stderr, format!("curl: ({code}) {msg}")));
        self.exit = Some(code);
        self.phase = Phase::Done;
    }

    fn connect(&mut self, now: SimTime, addr: Ipv4Addr, rest: Vec<Ipv4Addr>, tcp: &mut TcpTable, rng: &mut Rng) {
        self.info(&format!("  Trying {addr}:{}...", self.url.port));
        match tcp.connect(now, self.local, (addr, self.url.port), rng) {
            Ok(sock) => self.phase = Phase::Connecting { addr, sock, rest },
            Err(e) => {
                let msg = format!("Failed to connect to {} port {} after 0 ms: {e}", self.url.host, self.url.port);
                self.fail(7, &msg);
            }
        }
    }

    fn elapsed_ms(&self, now: SimTime) -> u64 {
        now.saturating_sub(self.started).as_nanos() / 1_000_000
    }

    /// One of the host's TCP events.
    pub fn on_tcp_event(&mut self, now: SimTime, ev: TcpEvent, tcp: &mut TcpTable, rng: &mut Rng) {
        match (self.phase.clone(), ev) {
            (Phase::Connecting { addr, sock, .. }, TcpEvent::Connected(s)) if s == sock => {
                let line = format!("Connected to {} ({addr}) port {} (#0)", self.url.host, self.url.port);
                self.info(&line);
                let req = self.request();
                if self.verbose {
                    let text = String::from_utf8_lossy(&req).into_owned();
                    for l in text.split("\r\n").take_while(|l| !l.is_empty()) {
                        self.output.push((Stream::Stderr, format!("> {l}")));
                    }
                    self.output.push((Stream::Stderr, "> ".into()));
                }
                let _ = tcp.send(now, sock, &req);
                self.phase = Phase::Receiving { sock };
            }
            (Phase::Connecting { addr, sock, rest }, TcpEvent::Refused(s) | TcpEvent::TimedOut(s) | TcpEvent::Unreachable(s, _))
                if s == sock =>
            {
                let timed_out = matches!(ev, TcpEvent::TimedOut(_));
                let why = match ev {
                    TcpEvent::TimedOut(_) => "Connection timed out",
                    TcpEvent::Unreachable(_, e) => e.text(),
                    _ => "Connection refused",
                };
                self.info(&format!("connect to {addr} port {} failed: {why}", self.url.port));
                if let Some((next, more)) = rest.split_first() {
                    self.connect(now, *next, more.to_vec(), tcp, rng);
                    return;
                }
                let msg = format!(
                    "Failed to connect to {} port {} after {} ms: Couldn't connect to server",
                    self.url.host,
                    self.url.port,
                    self.elapsed_ms(now)
                );
                self.fail(if timed_out { 28 } else { 7 }, &msg);
            }
            (Phase::Receiving { sock }, TcpEvent::Readable(s) | TcpEvent::PeerClosed(s)) if s == sock => {
                self.response.extend_from_slice(&tcp.recv(sock));
                self.progress(now, sock, matches!(ev, TcpEvent::PeerClosed(_)), tcp);
            }
            (Phase::Receiving { sock }, TcpEvent::Reset(s)) if s == sock => {
                self.fail(56, "Recv failure: Connection reset by peer");
            }
            _ => {}
        }
    }

    fn progress(&mut self, now: SimTime, sock: SocketId, eof: bool, tcp: &mut TcpTable) {
        let Some(end) = self.response.windows(4).position(|w| w == b"\r\n\r\n") else {
            if eof {
                self.fail(52, "Empty reply from server");
                tcp.close(now, sock);
            }
            return;
        };
        let head = String::from_utf8_lossy(&self.response[..end]).into_owned();
        if self.verbose && !self.headers_printed {
            for l in head.split("\r\n") {
                self.output.push((Stream::Stderr, format!("< {l}")));
            }
            self.output.push((Stream::Stderr, "< ".into()));
        }
        self.headers_printed = true;
        let length = head
            .split("\r\n")
            .filter_map(|l| l.split_once(':'))
            .find(|(n, _)| n.eq_ignore_ascii_case("content-length"))
            .and_then(|(_, v)| v.trim().parse::<usize>().ok());
        let body = &self.response[end + 4..];
        let complete = match length {
            Some(n) => body.len() >= n,
            None => eof,
        };
        if !complete {
            return;
        }
        let body = String::from_utf8_lossy(&body[..length.unwrap_or(body.len())]).into_owned();
        self.output.push((Stream::Stdout, body));
        if eof && length.is_none() {
            self.info("Closing connection 0");
        } else {
            self.info(&format!("Connection #0 to host {} left intact", self.url.host));
        }
        // curl exits; the kernel closes the socket: FIN.
        tcp.close(now, sock);
        self.exit = Some(0);
        self.phase = Phase::Done;
    }

    /// Lines printed since the last call, in order.
    pub fn take_output(&mut self) -> Vec<(Stream, String)> {
        std::mem::take(&mut self.output)
    }

    /// The exit status once curl has finished.
    pub fn exit_code(&self) -> Option<u8> {
        self.exit
    }

    /// The resolver's `Done` came out of [`Curl::resolver_mut`]'s events:
    /// convenience for hosts that collect events in one list.
    pub fn take_done(evs: &[ResolverEvent]) -> Option<&Vec<StepResult>> {
        evs.iter().find_map(|e| match e {
            ResolverEvent::Done(r) => Some(r),
            _ => None,
        })
    }
}
