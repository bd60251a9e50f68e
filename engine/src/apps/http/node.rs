//! HTTP on a device: the web server (nginx's default site with the lab's
//! pages) listening on its host's TCP table, and `curl [-v] URL` as a command
//! that resolves the name through the glibc resolver (getaddrinfo, as curl's
//! threaded resolver calls it), connects, and prints what curl prints — the
//! body on stdout, `-v` lines and errors on stderr, both to the command's
//! output like ping's lines.

use super::curl::{Curl, Stream};
use super::server::{Page, WebServer};
use crate::apps::dns::node::lookup_outcome;
use crate::apps::dns::resolver::{addresses, ResolvConf, ResolverEvent};
use crate::apps::AppState;
use crate::l3::{IcmpInfo, IpNode};
use crate::l4::tcp::TcpEvent;
use crate::l4::udp::SocketId as UdpSocketId;
use crate::scenario::{Url, WebService};
use crate::sim::ctx::Ctx;
use crate::trace::{EventKind, HttpRequestInfo, HttpResponseInfo, NameLookup};
use crate::vec_map::VecMap;
use std::net::{Ipv4Addr, SocketAddrV4};

/// The web server of a device.
pub(crate) struct WebSlot {
    server: WebServer,
}

/// A running curl.
pub(crate) struct CurlApp {
    curl: Curl,
    /// The resolver's socket numbers → the host's UDP sockets.
    sockets: VecMap<u32, UdpSocketId>,
    last_server: Option<Ipv4Addr>,
    request_recorded: bool,
}

impl IpNode {
    /// The web server starts with the device: nginx's `listen PORT` with
    /// backlog 511 on 0.0.0.0; the lab's pages replace the welcome page.
    pub(crate) fn web_server_setup(&mut self, ctx: &mut Ctx, spec: &WebService) {
        let mut server = WebServer::new(ctx.epoch_secs);
        server.bind = (Ipv4Addr::UNSPECIFIED, spec.port);
        if !spec.pages.is_empty() {
            // clear + extend (inserts) rather than collect (a sort and a bulk
            // build in the wasm, issue 15); same map.
            server.pages.clear();
            server.pages.extend(
                spec.pages.iter().map(|(path, body)| (path.clone(), Page { body: body.clone(), modified: ctx.epoch_secs })),
            );
        }
        // The port is free: the table is empty at start.
        let _ = server.start(&mut self.tcp.table);
        self.web_server = Some(Box::new(WebSlot { server }));
        self.tcp_flush(ctx);
    }

    /// A TCP event of the host, for the web server if it is about one of its sockets.
    pub(crate) fn web_tcp_event(&mut self, ctx: &mut Ctx, ev: TcpEvent) {
        let Some(slot) = self.web_server.as_mut() else { return };
        let before = slot.server.served.len();
        slot.server.on_event(ctx.now, ev, &mut self.tcp.table);
        let device = ctx.id(self.dev);
        for s in slot.server.served[before..].to_vec() {
            let peer = s
                .conn
                .and_then(|c| self.tcp.table.conn(c))
                .map_or(SocketAddrV4::new(Ipv4Addr::UNSPECIFIED, 0), |c| SocketAddrV4::new(c.remote.0, c.remote.1));
            ctx.record(EventKind::HttpResponse {
                device: device.clone(),
                peer,
                response: Box::new(HttpResponseInfo {
                    method: s.method.into(),
                    path: s.target.into(),
                    status: s.status,
                    reason: if s.status == 200 { "OK" } else { "Not Found" }.into(),
                    body_len: s.body_len,
                }),
            });
        }
    }

    /// `curl [-v] URL` starts.
    pub(crate) fn curl_start(&mut self, ctx: &mut Ctx, app: u32, url: Url, verbose: bool) {
        let mut curl = Curl::with_url(url, verbose);
        let mut conf = ResolvConf::new(self.nameservers.clone());
        conf.search = self.search.clone();
        let now = ctx.now;
        let events = match curl.url.host.parse::<Ipv4Addr>() {
            Ok(addr) => match self.connect_src(addr) {
                Some(src) => {
                    curl.set_local(src);
                    curl.start(now, conf, &mut self.tcp.table, &mut ctx.rng)
                }
                None => {
                    curl.unroutable(now, addr);
                    Vec::new()
                }
            },
            Err(_) => curl.start(now, conf, &mut self.tcp.table, &mut ctx.rng),
        };
        self.apps[app as usize].state = AppState::Curl(Box::new(CurlApp {
            curl,
            sockets: VecMap::new(),
            last_server: None,
            request_recorded: false,
        }));
        self.curl_resolver_events(ctx, app, events);
        self.curl_progress(ctx, app);
        self.tcp_flush(ctx);
    }

    /// A TCP event of the host, for curl if it is about its socket.
    pub(crate) fn curl_tcp_event(&mut self, ctx: &mut Ctx, app: u32, ev: TcpEvent) {
        let AppState::Curl(c) = &mut self.apps[app as usize].state else { return };
        c.curl.on_tcp_event(ctx.now, ev, &mut self.tcp.table, &mut ctx.rng);
        self.curl_progress(ctx, app);
    }

    /// The resolver's timer (a query timed out).
    pub(crate) fn curl_timer(&mut self, ctx: &mut Ctx, app: u32) {
        let now = ctx.now;
        let AppState::Curl(c) = &mut self.apps[app as usize].state else { return };
        let Some(r) = c.curl.resolver_mut() else { return };
        if r.poll_at().is_none_or(|t| t > now) {
            return;
        }
        let events = r.on_timer(now, &mut ctx.rng);
        self.curl_resolver_events(ctx, app, events);
        self.curl_progress(ctx, app);
        self.tcp_flush(ctx);
    }

    /// A DNS answer for curl's lookup.
    pub(crate) fn curl_datagram(&mut self, ctx: &mut Ctx, app: u32, socket: u32, from: Ipv4Addr, payload: &[u8]) {
        let now = ctx.now;
        let AppState::Curl(c) = &mut self.apps[app as usize].state else { return };
        let Some(r) = c.curl.resolver_mut() else { return };
        let events = r.on_datagram(now, &mut ctx.rng, socket, from, payload);
        self.curl_resolver_events(ctx, app, events);
        self.curl_progress(ctx, app);
        self.tcp_flush(ctx);
    }

    /// ICMP port unreachable quoting one of curl's DNS queries.
    pub(crate) fn curl_icmp(&mut self, ctx: &mut Ctx, app: u32, info: &IcmpInfo) -> bool {
        let IcmpInfo::Error { icmp_type: 3, inner, .. } = info else { return false };
        let Some(sport) = crate::apps::dns::node::quoted_udp_src_port(inner) else { return false };
        let now = ctx.now;
        let udp = &self.udp;
        let AppState::Curl(c) = &mut self.apps[app as usize].state else { return false };
        let Some(socket) = c
            .sockets
            .iter()
            .find(|(_, id)| udp.socket(**id).is_some_and(|s| s.local_port == sport))
            .map(|(n, _)| *n)
        else {
            return false;
        };
        let Some(r) = c.curl.resolver_mut() else { return false };
        let events = r.on_port_unreachable(now, &mut ctx.rng, socket);
        self.curl_resolver_events(ctx, app, events);
        self.curl_progress(ctx, app);
        self.tcp_flush(ctx);
        true
    }

    fn curl_resolver_events(&mut self, ctx: &mut Ctx, app: u32, events: Vec<ResolverEvent>) {
        for ev in events {
            match ev {
                ResolverEvent::Send(t) => {
                    let AppState::Curl(c) = &mut self.apps[app as usize].state else { return };
                    let mut sockets = std::mem::take(&mut c.sockets);
                    c.last_server = Some(t.server);
                    let id = self.resolver_socket(ctx, app, &mut sockets, &t);
                    if let AppState::Curl(c) = &mut self.apps[app as usize].state {
                        c.sockets = sockets;
                    }
                    if let Some(id) = id {
                        // sendto: ENETUNREACH without a route; the resolver times out as glibc does.
                        let _ = self.udp_send(ctx, id, Ipv4Addr::UNSPECIFIED, (t.server, 53), &t.message.emit());
                    }
                }
                ResolverEvent::Close(socket) => self.curl_close_socket(app, socket),
                ResolverEvent::Done(results) => {
                    let AppState::Curl(c) = &mut self.apps[app as usize].state else { return };
                    let sockets: Vec<u32> = c.sockets.keys().copied().collect();
                    let server = c.last_server;
                    for s in sockets {
                        self.curl_close_socket(app, s);
                    }
                    let device = ctx.id(self.dev);
                    let label = self.apps[app as usize].label.clone();
                    let AppState::Curl(c) = &mut self.apps[app as usize].state else { return };
                    ctx.record(EventKind::DnsLookup {
                        device,
                        lookup: Box::new(NameLookup {
                            label,
                            name: c.curl.url.host.trim_end_matches('.').to_ascii_lowercase(),
                            server,
                            outcome: lookup_outcome(&results),
                        }),
                    });
                    let first = addresses(&results).first().copied();
                    let src = first.map(|a| self.connect_src(a));
                    let now = ctx.now;
                    let AppState::Curl(c) = &mut self.apps[app as usize].state else { return };
                    match (first, src) {
                        (Some(addr), Some(None)) => c.curl.unroutable(now, addr),
                        (_, src) => {
                            if let Some(Some(src)) = src {
                                c.curl.set_local(src);
                            }
                            c.curl.on_resolved(now, &results, &mut self.tcp.table, &mut ctx.rng);
                        }
                    }
                    return;
                }
            }
        }
        let at = match &self.apps[app as usize].state {
            AppState::Curl(c) => c.curl.resolver().and_then(|r| r.poll_at()),
            _ => None,
        };
        if let Some(at) = at {
            self.arm_app(ctx, app, at.max(ctx.now));
        }
    }

    fn curl_close_socket(&mut self, app: u32, socket: u32) {
        if let AppState::Curl(c) = &mut self.apps[app as usize].state {
            if let Some(id) = c.sockets.remove(&socket) {
                let _ = self.udp.close(id);
                self.udp_owner.remove(&id.0);
            }
        }
    }

    /// Prints what curl printed, records its request once, and ends the
    /// command when curl exits.
    fn curl_progress(&mut self, ctx: &mut Ctx, app: u32) {
        let AppState::Curl(c) = &mut self.apps[app as usize].state else { return };
        let out = c.curl.take_output();
        let mut request = None;
        if !c.request_recorded && c.curl.request_sent() {
            c.request_recorded = true;
            let to = c
                .curl
                .socket()
                .and_then(|s| self.tcp.table.conn(s))
                .map_or(SocketAddrV4::new(Ipv4Addr::UNSPECIFIED, c.curl.url.port), |k| {
                    SocketAddrV4::new(k.remote.0, k.remote.1)
                });
            request = Some((c.curl.url.host.clone(), c.curl.url.path.clone(), to));
        }
        let exited = c.curl.exit_code().is_some();
        let label = self.apps[app as usize].label.clone();
        if let Some((host, path, to)) = request {
            let device = ctx.id(self.dev);
            ctx.record(EventKind::HttpRequest {
                device,
                request: Box::new(HttpRequestInfo { label: label.clone(), method: "GET".into(), path: path.into(), host: host.into(), to }),
            });
        }
        for (stream, text) in out {
            match stream {
                // The body as the terminal shows it: one line per line.
                Stream::Stdout => {
                    let body = text.strip_suffix('\n').unwrap_or(&text);
                    for line in body.split('\n') {
                        ctx.output_line(&label, line.trim_end_matches('\r').to_string());
                    }
                }
                Stream::Stderr => ctx.output_line(&label, text),
            }
        }
        if exited {
            // Sockets are closed by exit(); the TCP connection lives on in the kernel.
            let AppState::Curl(c) = &mut self.apps[app as usize].state else { return };
            let sockets: Vec<u32> = c.sockets.keys().copied().collect();
            for s in sockets {
                self.curl_close_socket(app, s);
            }
            self.finish_app(app);
        }
    }
}
