//! DNS on a device: the DNS server (zone, dnsmasq-style forwarder or the
//! recursive stand-in for 8.8.8.8) bound to port 53, and the commands that
//! look names up (`host`, `dig`, `getent hosts`) driving a [`Resolver`]
//! through the host's UDP sockets, printing what the real programs print
//! (`output.rs`) and recording the answer in the trace.

use super::output;
use super::resolver::{Failure, Program, ResolvConf, Resolver, ResolverEvent, StepResult};
use super::server::{DnsServer, DnsServerConfig, DnsServerEvent, DnsZone, ZoneData, ZoneRecord};
use crate::apps::AppState;
use crate::l3::{IcmpInfo, IpNode};
use crate::l4::udp::SocketId;
use crate::l4::UdpOwner;
use crate::scenario::{DnsRecordData, DnsService};
use crate::sim::ctx::Ctx;
use crate::sim::device::Timer;
use crate::time::SimTime;
use crate::trace::{EventKind, LookupOutcome, NameLookup};
use crate::wire::dns::{rcode, rtype, RData};
use smoltcp::wire::{IpProtocol, Ipv4Packet, UdpPacket};
use crate::vec_map::VecMap;
use std::net::Ipv4Addr;

/// The DNS server and its sockets.
pub(crate) struct ServerSlot {
    server: DnsServer,
    /// The server's forwarding socket numbers → the host's sockets.
    upstream: VecMap<u32, SocketId>,
    gen: u32,
}

/// A running lookup command.
pub(crate) struct DnsApp {
    resolver: Resolver,
    program: Program,
    name: String,
    short: bool,
    /// The resolver's socket numbers → the host's sockets.
    sockets: VecMap<u32, SocketId>,
    /// The server and send time of the last query (dig's SERVER and Query time lines).
    last_server: Option<Ipv4Addr>,
    sent_at: SimTime,
    answered_at: SimTime,
    rcvd: usize,
    /// A ping or traceroute waiting for this lookup (`ping NAME`): it starts
    /// with the first address, or prints getaddrinfo's error.
    then: Option<crate::scenario::Command>,
}

impl IpNode {
    /// Sets up the DNS server from the lab's settings and binds port 53.
    pub(crate) fn dns_server_setup(&mut self, spec: &DnsService) {
        let zone = spec.zone.as_ref().map(|origin| {
            let mut z = DnsZone::new(origin);
            z.records = spec
                .records
                .iter()
                .map(|r| ZoneRecord {
                    name: r.name.clone(),
                    ttl: r.ttl,
                    data: match &r.data {
                        DnsRecordData::A(a) => ZoneData::A(*a),
                        DnsRecordData::Cname(c) => ZoneData::Cname(c.clone()),
                    },
                })
                .collect();
            z
        });
        let cfg = DnsServerConfig {
            zone,
            upstreams: spec.forwarders.clone(),
            recursive: spec.recursive,
        };
        if let Ok(id) = self.udp.bind(Ipv4Addr::UNSPECIFIED, 53) {
            self.udp_owner.insert(id.0, UdpOwner::DnsServer);
        }
        self.dns_server = Some(Box::new(ServerSlot {
            server: DnsServer::new(cfg),
            upstream: VecMap::new(),
            gen: 0,
        }));
    }

    /// A query reached port 53 at `local` (dnsmasq answers from the address
    /// the query was sent to, IP_PKTINFO).
    pub(crate) fn dns_server_query(
        &mut self,
        ctx: &mut Ctx,
        from: (Ipv4Addr, u16),
        local: Ipv4Addr,
        payload: &[u8],
    ) {
        let now = ctx.now;
        let Some(slot) = self.dns_server.as_mut() else {
            return;
        };
        let events = slot.server.on_query(now, &mut ctx.rng, from, payload);
        self.dns_server_events(ctx, local, events);
    }

    pub(crate) fn dns_server_upstream(&mut self, ctx: &mut Ctx, from: Ipv4Addr, payload: &[u8]) {
        let now = ctx.now;
        let Some(slot) = self.dns_server.as_mut() else {
            return;
        };
        let events = slot
            .server
            .on_upstream_reply(now, &mut ctx.rng, from, payload);
        self.dns_server_events(ctx, Ipv4Addr::UNSPECIFIED, events);
    }

    pub(crate) fn dns_server_timer(&mut self, ctx: &mut Ctx, gen: u32) {
        let now = ctx.now;
        let Some(slot) = self.dns_server.as_mut().filter(|s| s.gen == gen) else {
            return;
        };
        let events = slot.server.on_timer(now);
        self.dns_server_events(ctx, Ipv4Addr::UNSPECIFIED, events);
    }

    fn dns_server_events(&mut self, ctx: &mut Ctx, local: Ipv4Addr, events: Vec<DnsServerEvent>) {
        let Some(port53) = self
            .udp_owner
            .iter()
            .find(|(_, o)| **o == UdpOwner::DnsServer)
            .map(|(id, _)| SocketId(*id))
        else {
            return;
        };
        for ev in events {
            match ev {
                DnsServerEvent::Reply { to, message } => {
                    self.udp_send(ctx, port53, local, to, &message.emit());
                }
                DnsServerEvent::Forward {
                    to,
                    socket,
                    message,
                } => {
                    let id = match self
                        .dns_server
                        .as_ref()
                        .and_then(|s| s.upstream.get(&socket).copied())
                    {
                        Some(id) => id,
                        None => {
                            let Ok(id) =
                                self.udp.bind_ephemeral(Ipv4Addr::UNSPECIFIED, &mut ctx.rng)
                            else {
                                continue;
                            };
                            self.udp_owner.insert(id.0, UdpOwner::DnsUpstream(socket));
                            if let Some(s) = self.dns_server.as_mut() {
                                s.upstream.insert(socket, id);
                            }
                            id
                        }
                    };
                    self.udp_send(ctx, id, Ipv4Addr::UNSPECIFIED, (to, 53), &message.emit());
                }
                DnsServerEvent::CloseSocket(socket) => {
                    if let Some(id) = self
                        .dns_server
                        .as_mut()
                        .and_then(|s| s.upstream.remove(&socket))
                    {
                        let _ = self.udp.close(id);
                        self.udp_owner.remove(&id.0);
                    }
                }
            }
        }
        if let Some(slot) = self.dns_server.as_mut() {
            slot.gen = slot.gen.wrapping_add(1);
            if let Some(at) = slot.server.poll_at() {
                let gen = slot.gen;
                ctx.timer(at.max(ctx.now), self.dev, Timer::DnsServer { gen });
            }
        }
    }

    /// `host`, `dig` or `getent hosts` starts: a resolver with this host's resolv.conf.
    pub(crate) fn dns_app_start(
        &mut self,
        ctx: &mut Ctx,
        app: u32,
        program: Program,
        name: String,
        short: bool,
    ) {
        self.dns_app_start_then(ctx, app, program, name, short, None);
    }

    fn dns_app_start_then(
        &mut self,
        ctx: &mut Ctx,
        app: u32,
        program: Program,
        name: String,
        short: bool,
        then: Option<crate::scenario::Command>,
    ) {
        let mut conf = ResolvConf::new(self.nameservers.clone());
        conf.search = self.search.clone();
        let mut resolver = Resolver::new(conf, program, &name);
        let events = resolver.start(ctx.now, &mut ctx.rng);
        self.apps[app as usize].state = AppState::Dns(Box::new(DnsApp {
            resolver,
            program,
            name,
            short,
            sockets: VecMap::new(),
            last_server: None,
            sent_at: ctx.now,
            answered_at: ctx.now,
            rcvd: 0,
            then,
        }));
        self.dns_app_events(ctx, app, events);
    }

    /// `ping NAME` / `traceroute NAME`: getaddrinfo first. iputils ping asks
    /// with AF_UNSPEC and AI_CANONNAME (ping.c: `getaddrinfo(target, NULL,
    /// &hints, &result)`), traceroute 2.1 with AF_UNSPEC (`getaddr`): glibc
    /// sends A and AAAA together; the command starts when the answer is in.
    pub(crate) fn lookup_then_start(&mut self, ctx: &mut Ctx, app: u32, name: String, command: crate::scenario::Command) {
        self.dns_app_start_then(ctx, app, Program::GetAddrInfo, name, false, Some(command));
    }

    pub(crate) fn dns_app_timer(&mut self, ctx: &mut Ctx, app: u32) {
        let now = ctx.now;
        let AppState::Dns(d) = &mut self.apps[app as usize].state else {
            return;
        };
        if d.resolver.poll_at().is_none_or(|t| t > now) {
            return;
        }
        let events = d.resolver.on_timer(now, &mut ctx.rng);
        self.dns_app_events(ctx, app, events);
    }

    pub(crate) fn dns_app_datagram(
        &mut self,
        ctx: &mut Ctx,
        app: u32,
        socket: u32,
        from: Ipv4Addr,
        payload: &[u8],
    ) {
        if matches!(self.apps[app as usize].state, AppState::Curl(_)) {
            return self.curl_datagram(ctx, app, socket, from, payload);
        }
        let now = ctx.now;
        let AppState::Dns(d) = &mut self.apps[app as usize].state else {
            return;
        };
        d.answered_at = now;
        d.rcvd = payload.len();
        let events = d
            .resolver
            .on_datagram(now, &mut ctx.rng, socket, from, payload);
        self.dns_app_events(ctx, app, events);
    }

    /// An ICMP error quoting one of the lookup's queries: port unreachable is
    /// ECONNREFUSED for the socket.
    pub(crate) fn dns_app_icmp(&mut self, ctx: &mut Ctx, app: u32, info: &IcmpInfo) -> bool {
        let IcmpInfo::Error {
            icmp_type: 3,
            inner,
            ..
        } = info
        else {
            return false;
        };
        let Some(sport) = quoted_udp_src_port(inner) else {
            return false;
        };
        let now = ctx.now;
        let udp = &self.udp;
        let AppState::Dns(d) = &mut self.apps[app as usize].state else {
            return false;
        };
        let Some(socket) = d
            .sockets
            .iter()
            .find(|(_, id)| udp.socket(**id).is_some_and(|s| s.local_port == sport))
            .map(|(n, _)| *n)
        else {
            return false;
        };
        let events = d.resolver.on_port_unreachable(now, &mut ctx.rng, socket);
        self.dns_app_events(ctx, app, events);
        true
    }

    fn dns_app_events(&mut self, ctx: &mut Ctx, app: u32, events: Vec<ResolverEvent>) {
        for ev in events {
            match ev {
                ResolverEvent::Send(t) => {
                    let AppState::Dns(d) = &mut self.apps[app as usize].state else {
                        return;
                    };
                    let mut sockets = std::mem::take(&mut d.sockets);
                    let id = self.resolver_socket(ctx, app, &mut sockets, &t);
                    if let AppState::Dns(d) = &mut self.apps[app as usize].state {
                        d.sockets = sockets;
                    }
                    let Some(id) = id else { continue };
                    if let AppState::Dns(d) = &mut self.apps[app as usize].state {
                        d.last_server = Some(t.server);
                        d.sent_at = ctx.now;
                    }
                    if !self.udp_send(
                        ctx,
                        id,
                        Ipv4Addr::UNSPECIFIED,
                        (t.server, 53),
                        &t.message.emit(),
                    ) {
                        // sendto: ENETUNREACH; the resolver times out as glibc does.
                    }
                }
                ResolverEvent::Close(socket) => {
                    if let AppState::Dns(d) = &mut self.apps[app as usize].state {
                        if let Some(id) = d.sockets.remove(&socket) {
                            let _ = self.udp.close(id);
                            self.udp_owner.remove(&id.0);
                        }
                    }
                }
                ResolverEvent::Done(results) => {
                    self.dns_app_done(ctx, app, &results);
                    return;
                }
            }
        }
        let at = match &self.apps[app as usize].state {
            AppState::Dns(d) => d.resolver.poll_at(),
            _ => None,
        };
        if let Some(at) = at {
            self.arm_app(ctx, app, at.max(ctx.now));
        }
    }

    /// The host's UDP socket for a resolver's query: the one of that socket
    /// number, or (glibc) socket() and connect() to the server's port 53.
    pub(crate) fn resolver_socket(
        &mut self,
        ctx: &mut Ctx,
        app: u32,
        sockets: &mut VecMap<u32, SocketId>,
        t: &super::resolver::Transmit,
    ) -> Option<SocketId> {
        if let Some(id) = sockets.get(&t.socket) {
            return Some(*id);
        }
        let id = self.udp.bind_ephemeral(Ipv4Addr::UNSPECIFIED, &mut ctx.rng).ok()?;
        let _ = self.udp.connect(id, (t.server, 53), &mut ctx.rng);
        self.udp_owner.insert(id.0, UdpOwner::App { app, socket: t.socket });
        sockets.insert(t.socket, id);
        Some(id)
    }

    fn dns_app_done(&mut self, ctx: &mut Ctx, app: u32, results: &[StepResult]) {
        let AppState::Dns(d) =
            std::mem::replace(&mut self.apps[app as usize].state, AppState::Done)
        else {
            return;
        };
        for (_, id) in d.sockets.iter() {
            let _ = self.udp.close(*id);
            self.udp_owner.remove(&id.0);
        }
        if let Some(command) = d.then {
            return self.lookup_done(ctx, app, &d.name, d.last_server, results, command);
        }
        let lines = match d.program {
            Program::Host => output::host_lines(&d.name, results),
            Program::GetentHosts => output::getent_hosts_lines(results),
            Program::Dig(_) if d.short => output::dig_short_lines(results),
            _ => match results.first().map(|s| &s.outcome) {
                Some(Ok(msgs)) if !msgs.is_empty() => {
                    let server = d.last_server.unwrap_or(Ipv4Addr::UNSPECIFIED);
                    let ms = (d
                        .answered_at
                        .as_nanos()
                        .saturating_sub(d.sent_at.as_nanos()))
                        / 1_000_000;
                    let when = format_when(ctx.epoch_secs + ctx.now.as_nanos() / 1_000_000_000);
                    output::dig_lines(&d.name, &msgs[0], server, ms, &when, d.rcvd)
                }
                _ => output::dig_short_lines(results),
            },
        };
        for line in lines {
            self.output_line(ctx, app, line);
        }
        let device = ctx.id(self.dev);
        let label = self.apps[app as usize].label.clone();
        ctx.record(EventKind::DnsLookup {
            device,
            lookup: Box::new(NameLookup {
                label,
                name: d.name.trim_end_matches('.').to_ascii_lowercase(),
                server: d.last_server,
                outcome: lookup_outcome(results),
            }),
        });
        self.finish_app(app);
    }
}

impl IpNode {
    /// The lookup of a `ping NAME` / `traceroute NAME` ended: record it, then
    /// start the command on the first address, or print what the program
    /// prints for getaddrinfo's error (`error(2, 0, "%s: %s", target,
    /// gai_strerror(ret))` in ping; traceroute's `getaddr` and its usage line).
    fn lookup_done(
        &mut self,
        ctx: &mut Ctx,
        app: u32,
        name: &str,
        server: Option<Ipv4Addr>,
        results: &[StepResult],
        command: crate::scenario::Command,
    ) {
        use crate::scenario::Command;
        let outcome = lookup_outcome(results);
        let device = ctx.id(self.dev);
        let label = self.apps[app as usize].label.clone();
        ctx.record(EventKind::DnsLookup {
            device,
            lookup: Box::new(NameLookup {
                label,
                name: name.trim_end_matches('.').to_ascii_lowercase(),
                server,
                outcome: outcome.clone(),
            }),
        });
        let first = super::resolver::addresses(results).first().copied();
        let Some(addr) = first else {
            // gai_strerror: NXDOMAIN is EAI_NONAME; a name without an A
            // record EAI_NODATA; no answer at all EAI_AGAIN.
            let why = match outcome {
                LookupOutcome::NxDomain => "Name or service not known",
                LookupOutcome::NoData => "No address associated with hostname",
                _ => "Temporary failure in name resolution",
            };
            match command {
                Command::Traceroute { .. } => {
                    self.output_line(ctx, app, format!("{name}: {why}"));
                    self.output_line(ctx, app, format!("Cannot handle \"host\" cmdline arg `{name}' on position 1 (argc 2)"));
                }
                _ => self.output_line(ctx, app, format!("ping: {name}: {why}")),
            }
            self.finish_app(app);
            return;
        };
        self.apps[app as usize].state = AppState::NotStarted;
        match command {
            Command::Ping { count, interval_ms, .. } => {
                // AI_CANONNAME: the name at the end of the CNAME chain, which
                // ping prints as its hostname.
                let canon = canonical_name(name, results);
                self.ping_start_named(ctx, app, count, interval_ms, addr, Some(canon));
            }
            Command::Traceroute { max_hops, queries, sim_queries, .. } => {
                // traceroute prints the name as typed (no AI_CANONNAME).
                self.traceroute_start_named(ctx, app, addr, Some(name.to_string()), max_hops, queries, sim_queries);
            }
            _ => self.finish_app(app),
        }
    }
}

/// getaddrinfo's `ai_canonname`: the owner of the A record, following the
/// CNAMEs from the name asked.
fn canonical_name(asked: &str, results: &[StepResult]) -> String {
    let answers: Vec<_> = results
        .iter()
        .filter_map(|s| s.outcome.as_ref().ok())
        .flatten()
        .flat_map(|m| m.answers.iter())
        .collect();
    let mut name = results.first().map_or(asked.to_string(), |s| s.name.clone());
    for _ in 0..answers.len() {
        let next = answers.iter().find_map(|r| match &r.data {
            RData::Cname(c) if r.name.trim_end_matches('.').eq_ignore_ascii_case(name.trim_end_matches('.')) => Some(c.clone()),
            _ => None,
        });
        match next {
            Some(c) => name = c,
            None => break,
        }
    }
    name.trim_end_matches('.').to_string()
}

/// The trace's summary of a lookup: the first A answer, NXDOMAIN, or why none came.
pub(crate) fn lookup_outcome(results: &[StepResult]) -> LookupOutcome {
    // The A step (getent asks AAAA first; its A step is the second).
    let step = results
        .iter()
        .find(|s| s.qtypes.contains(&rtype::A))
        .or_else(|| results.first());
    let Some(step) = step else {
        return LookupOutcome::NoServers;
    };
    match &step.outcome {
        Err(Failure::Timeout) => LookupOutcome::Timeout,
        Err(Failure::NoServers) => LookupOutcome::NoServers,
        Err(Failure::Refused) => LookupOutcome::Timeout,
        Err(Failure::ServerError(rc)) => LookupOutcome::ServerError { rcode: *rc },
        Ok(msgs) => {
            if msgs.iter().any(|m| m.rcode() == rcode::NXDOMAIN) {
                return LookupOutcome::NxDomain;
            }
            if let Some(m) = msgs.iter().find(|m| m.rcode() != 0) {
                return LookupOutcome::ServerError { rcode: m.rcode() };
            }
            let mut addresses = Vec::new();
            let mut cnames = Vec::new();
            for r in msgs.iter().flat_map(|m| m.answers.iter()) {
                match &r.data {
                    RData::A(a) => addresses.push(*a),
                    RData::Cname(c) => cnames.push(c.clone()),
                    _ => {}
                }
            }
            if addresses.is_empty() {
                LookupOutcome::NoData
            } else {
                LookupOutcome::Answer { addresses, cnames }
            }
        }
    }
}

/// The source port of the UDP datagram quoted in an ICMP error.
pub(crate) fn quoted_udp_src_port(inner: &[u8]) -> Option<u16> {
    if inner.len() < 28 {
        return None;
    }
    let ip = Ipv4Packet::new_unchecked(inner);
    if ip.next_header() != IpProtocol::Udp {
        return None;
    }
    let udp = UdpPacket::new_unchecked(inner.get(ip.header_len() as usize..)?);
    Some(udp.src_port())
}

/// `Tue Nov 14 22:13:20 UTC 2023`, dig's WHEN line (`strftime("%a %b %d %H:%M:%S %Z %Y")` in UTC).
pub(crate) fn format_when(secs: u64) -> String {
    let d = crate::time::UtcDate::from_unix(secs);
    format!(
        "{} {} {:02} {:02}:{:02}:{:02} UTC {}",
        d.weekday_name(),
        d.month_name(),
        d.day,
        d.hour,
        d.minute,
        d.second,
        d.year
    )
}
