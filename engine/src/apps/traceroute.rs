//! traceroute 2.1: probes with rising TTL, up to `-N` in flight, each hop's
//! line printed as its probes finish. The probes are UDP datagrams to ports
//! 33434 and up (the default method, `mod-udp.c`), or ICMP echoes with `-I`
//! (`mod-icmp.c`).

use super::{echo_in_quote, udp_in_quote, AppState};
use crate::frames::{self, Ipv4Header};
use crate::l3::{IcmpInfo, IpNode};
use crate::sim::ctx::Ctx;
use crate::time::SimTime;
use smoltcp::wire::IpProtocol;
use std::fmt::Write as _;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// The wait for a probe (`-w MAX,HERE,NEAR`, default 5,3,10: at most 5 s, or 3×
/// a reply from the same hop, or 10× a reply from a later hop) plus 1 ms of precision.
const TR_WAIT_PREC: SimTime = SimTime::from_millis(1);
/// traceroute's default IP packet size for ICMP probes.
const TR_PACKET_LEN: usize = 60;
/// traceroute's default packet length for IPv6: 40 bytes of header and 40 more.
const TR6_PACKET_LEN: usize = 80;

/// One traceroute probe.
#[derive(Clone, Default)]
struct Probe {
    send_time: Option<SimTime>,
    seq: u16,
    /// UDP probes: the source port of the probe's own socket.
    sport: u16,
    done: bool,
    is_final: bool,
    from: Option<IpAddr>,
    recv_time: Option<SimTime>,
    err: &'static str,
}

/// traceroute 2.1's probe table and print cursor.
pub(crate) struct Traceroute {
    target: Ipv4Addr,
    /// `traceroute -6`: the IPv6 target (then `target` is unused).
    target6: Option<Ipv6Addr>,
    /// `-w`: the longest wait and the two factors (0: off).
    wait: SimTime,
    here: u64,
    near: u64,
    queries: usize,
    sim_queries: usize,
    ident: u16,
    /// UDP probes: the first destination port (probe `seq` goes to `port + seq - 1`).
    udp_port: Option<u16>,
    /// `-U`: all probes to `udp_port`.
    udp_fixed: bool,
    next_seq: u16,
    /// IP ID of the connected raw socket (`inet_id`), +1 per probe.
    ip_id: u16,
    probes: Vec<Probe>,
    start: usize,
    end: usize,
    line: Option<String>,
    /// The hop number and the addresses printed on `line`, as typed values.
    row: Option<(u8, Vec<Ipv4Addr>)>,
}

impl IpNode {
    pub(super) fn traceroute_start(
        &mut self,
        ctx: &mut Ctx,
        app: u32,
        target: Ipv4Addr,
        max_hops: u8,
        queries: u8,
        sim_queries: u8,
    ) {
        self.traceroute_start_named(ctx, app, target, None, max_hops, queries, sim_queries);
    }

    /// `name`: the host name as typed, which the header prints before the address.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn traceroute_start_named(
        &mut self,
        ctx: &mut Ctx,
        app: u32,
        target: Ipv4Addr,
        name: Option<String>,
        max_hops: u8,
        queries: u8,
        sim_queries: u8,
    ) {
        if self.connect_src(target).is_none() {
            // connect() on the raw socket fails before the header is printed;
            // traceroute's error() writes a newline, then perror's message.
            self.output_line(ctx, app, String::new());
            self.output_line(ctx, app, "connect: Network is unreachable".into());
            self.finish_app(app);
            return;
        }
        let shown = name.unwrap_or_else(|| target.to_string());
        self.output_line(ctx, app, format!("traceroute to {shown} ({target}), {max_hops} hops max, {TR_PACKET_LEN} byte packets"));
        let ident = ctx.rng.next_u16();
        let ip_id = ctx.rng.next_u16();
        let n = max_hops as usize * queries as usize;
        let opts = match &self.apps[app as usize].command {
            crate::scenario::Command::Traceroute { opts, .. } => opts.clone(),
            _ => Default::default(),
        };
        // traceroute.c: start = (first_hop - 1) * probes_per_hop.
        let first = (opts.first_ttl.max(1) as usize - 1) * queries as usize;
        self.apps[app as usize].state = AppState::Trace(Box::new(Traceroute {
            target,
            target6: None,
            wait: SimTime::from_millis(opts.wait_ms),
            here: opts.here.into(),
            near: opts.near.into(),
            queries: queries as usize,
            sim_queries: sim_queries as usize,
            ident,
            udp_port: opts.udp_port,
            udp_fixed: opts.udp_fixed,
            next_seq: 1,
            ip_id,
            probes: vec![Probe::default(); n],
            start: first,
            end: n,
            line: None,
            row: None,
        }));
        self.traceroute_poll(ctx, app);
    }

    /// `traceroute -6 -I`: the same machine, ICMPv6 echo probes with rising hop limits.
    pub(super) fn traceroute6_start(&mut self, ctx: &mut Ctx, app: u32, target: Ipv6Addr, max_hops: u8, queries: u8, sim_queries: u8) {
        if self.route6_probe(target, None).and_then(|h| h.src).is_none() && !self.is_local6(target) {
            self.output_line(ctx, app, String::new());
            self.output_line(ctx, app, "connect: Network is unreachable".into());
            self.finish_app(app);
            return;
        }
        self.output_line(ctx, app, format!("traceroute to {target} ({target}), {max_hops} hops max, {TR6_PACKET_LEN} byte packets"));
        let ident = ctx.rng.next_u16();
        let n = max_hops as usize * queries as usize;
        let opts = match &self.apps[app as usize].command {
            crate::scenario::Command::Traceroute6 { opts, .. } => opts.clone(),
            _ => Default::default(),
        };
        let first = (opts.first_ttl.max(1) as usize - 1) * queries as usize;
        self.apps[app as usize].state = AppState::Trace(Box::new(Traceroute {
            target: Ipv4Addr::UNSPECIFIED,
            target6: Some(target),
            udp_port: None,
            udp_fixed: false,
            wait: SimTime::from_millis(opts.wait_ms),
            here: opts.here.into(),
            near: opts.near.into(),
            queries: queries as usize,
            sim_queries: sim_queries as usize,
            ident,
            next_seq: 1,
            ip_id: 0,
            probes: vec![Probe::default(); n],
            start: first,
            end: n,
            line: None,
            row: None,
        }));
        self.traceroute_poll(ctx, app);
    }

    fn tr_mut(&mut self, app: u32) -> &mut Traceroute {
        match &mut self.apps[app as usize].state {
            AppState::Trace(t) => t,
            _ => unreachable!("app {app} is a traceroute"),
        }
    }

    /// `get_timeout`: how long to wait for probe `n`.
    fn tr_timeout(t: &Traceroute, n: usize) -> SimTime {
        let rtt = |p: &Probe| match (p.done, p.send_time, p.recv_time) {
            (true, Some(s), Some(r)) if r > s => Some(r - s),
            _ => None,
        };
        let hop_start = n - n % t.queries;
        if t.here > 0 {
            if let Some(v) = t.probes[hop_start..hop_start + t.queries].iter().find_map(rtt) {
                return SimTime((v + TR_WAIT_PREC).as_nanos().saturating_mul(t.here)).min(t.wait);
            }
        }
        if t.near > 0 {
            for p in &t.probes[n + 1..] {
                if p.send_time.is_none() {
                    break;
                }
                if let Some(v) = rtt(p) {
                    return SimTime((v + TR_WAIT_PREC).as_nanos().saturating_mul(t.near)).min(t.wait);
                }
            }
        }
        t.wait
    }

    /// One pass of traceroute's `do_it` loop: expire, print, send up to
    /// `sim_queries` probes in flight, then sleep until the next deadline.
    pub(super) fn traceroute_poll(&mut self, ctx: &mut Ctx, app: u32) {
        let now = ctx.now;
        let mut to_send = Vec::new();
        let mut printed = Vec::new();
        let mut next_time: Option<SimTime> = None;
        {
            let t = self.tr_mut(app);
            let mut num = 0;
            let mut n = t.start;
            while n < t.end {
                if n == t.start && !t.probes[n].done && t.probes[n].send_time.is_some() {
                    let expire = t.probes[n].send_time.expect("checked") + Self::tr_timeout(t, n);
                    if expire > now {
                        next_time = Some(expire);
                    } else {
                        t.probes[n].done = true;
                    }
                }
                if t.probes[n].done {
                    if n == t.start {
                        printed.push(n);
                        t.start += 1;
                    }
                    if t.probes[n].is_final {
                        t.end = (n / t.queries + 1) * t.queries;
                    }
                    n += 1;
                    continue;
                }
                if t.probes[n].send_time.is_none() {
                    let ttl = (n / t.queries + 1) as u8;
                    let seq = t.next_seq;
                    t.next_seq = t.next_seq.wrapping_add(1);
                    t.probes[n].seq = seq;
                    t.probes[n].send_time = Some(now);
                    to_send.push((n, ttl, seq, t.ip_id));
                    t.ip_id = t.ip_id.wrapping_add(1);
                }
                if next_time.is_none() {
                    next_time = Some(t.probes[n].send_time.expect("set") + Self::tr_timeout(t, n));
                }
                num += 1;
                if num >= t.sim_queries {
                    break;
                }
                n += 1;
            }
        }
        for n in printed {
            self.tr_print_probe(ctx, app, n);
        }
        let (target, ident, udp_port, udp_fixed, target6) = {
            let t = self.tr_mut(app);
            (t.target, t.ident, t.udp_port, t.udp_fixed, t.target6)
        };
        if let Some(target6) = target6 {
            for (_, hops, seq, _) in to_send {
                // traceroute -6: 80-byte packets, the ICMPv6 echo 40 of them.
                let data = frames::traceroute_payload(TR6_PACKET_LEN - crate::frames6::IPV6_HEADER_LEN);
                let Some(hop) = self.route6_probe(target6, None) else { continue };
                let Some(src) = hop.src else { continue };
                let flow = self.flow_label(ctx, src, target6);
                let datagram = crate::frames6::icmpv6_datagram(
                    src,
                    target6,
                    hops,
                    flow,
                    crate::frames6::icmp6::ECHO_REQUEST,
                    0,
                    &crate::frames6::echo_body(ident, seq, &data),
                );
                self.ip6_local_out(ctx, datagram);
                if !matches!(self.apps[app as usize].state, AppState::Trace(_)) {
                    return;
                }
            }
            return self.tr_after_send(ctx, app, now, next_time);
        }
        for (n, ttl, seq, ip_id) in to_send {
            // Both methods send 60-byte packets (traceroute's default length) of the same fill.
            let data = frames::traceroute_payload(TR_PACKET_LEN - frames::IPV4_HEADER_LEN);
            let Some(hop) = self.route_output(ctx, target, false) else {
                continue;
            };
            let (protocol, payload) = match udp_port {
                None => (IpProtocol::Icmp, frames::icmp_echo(true, ident, seq, &data)),
                Some(base) => {
                    // mod-udp.c: a new socket per probe, so a port the kernel picks from
                    // ip_local_port_range (32768–60999), and the port after the last probe's.
                    let sport = self.tr_source_port(ctx, app);
                    self.tr_mut(app).probes[n].sport = sport;
                    // -U: one port for every probe; the default method: one more per probe.
                    let dport = if udp_fixed { base } else { base.wrapping_add(seq.wrapping_sub(1)) };
                    let udp_data = &data[..TR_PACKET_LEN - frames::IPV4_HEADER_LEN - 8];
                    (IpProtocol::Udp, crate::wire::udp::datagram(hop.src, target, sport, dport, udp_data))
                }
            };
            let h = Ipv4Header {
                tos: 0,
                ident: ip_id,
                dont_frag: false,
                ttl,
                protocol,
                src: hop.src,
                dst: target,
            };
            let datagram = frames::ipv4_datagram(&h, &payload);
            if self.is_local(target) {
                self.ip_local_out(ctx, datagram);
            } else {
                self.neigh_output(ctx, hop, datagram);
            }
            if !matches!(self.apps[app as usize].state, AppState::Trace(_)) {
                return;
            }
        }
        self.tr_after_send(ctx, app, now, next_time);
    }

    fn tr_after_send(&mut self, ctx: &mut Ctx, app: u32, now: SimTime, next_time: Option<SimTime>) {
        let t = self.tr_mut(app);
        if t.start >= t.end {
            if let Some(line) = t.line.take() {
                let row = t.row.take();
                self.hop_line(ctx, app, line, row);
            }
            self.finish_app(app);
            return;
        }
        let at = next_time.unwrap_or(now).max(now);
        self.arm_app(ctx, app, at);
    }

    /// A source port for a UDP probe's socket: random in ip_local_port_range, and not one an
    /// earlier probe of this traceroute holds (their sockets stay open until it ends).
    fn tr_source_port(&mut self, ctx: &mut Ctx, app: u32) -> u16 {
        loop {
            let port = 32768 + ctx.rng.next_u16() % (60999 - 32768 + 1);
            if !self.tr_mut(app).probes.iter().any(|p| p.sport == port) {
                return port;
            }
        }
    }

    /// `print_probe`: starts a new hop line or appends to the current one.
    fn tr_print_probe(&mut self, ctx: &mut Ctx, app: u32, n: usize) {
        let t = self.tr_mut(app);
        let np = n % t.queries;
        let mut finished_line = None;
        if np == 0 {
            finished_line = t.line.take().map(|l| (l, t.row.take()));
            t.line = Some(format!("{:2} ", n / t.queries + 1));
            t.row = Some(((n / t.queries + 1) as u8, Vec::new()));
        }
        let p = t.probes[n].clone();
        let line = t.line.get_or_insert_with(String::new);
        match p.from {
            None => line.push_str(" *"),
            Some(addr) => {
                let previous = t.probes[n - np..n].iter().rev().find_map(|q| q.from);
                if np == 0 || previous != Some(addr) {
                    let _ = write!(line, " {addr}");
                    if let (Some((_, addrs)), IpAddr::V4(addr)) = (&mut t.row, addr) {
                        addrs.push(addr);
                    }
                }
            }
        }
        if let (Some(s), Some(r)) = (p.send_time, p.recv_time) {
            let _ = write!(line, "  {:.3} ms", (r - s).as_nanos() as f64 / 1e6);
        }
        if !p.err.is_empty() {
            let _ = write!(line, " {}", p.err);
        }
        if let Some((line, row)) = finished_line {
            self.hop_line(ctx, app, line, row);
        }
    }

    pub(super) fn traceroute_icmp(&mut self, ctx: &mut Ctx, app: u32, info: &IcmpInfo) -> bool {
        let now = ctx.now;
        let t = self.tr_mut(app);
        let (seq, from, is_final, err) = match info {
            IcmpInfo::EchoReply { from, id, seq, .. } => {
                // The raw socket is connected to the target: only its replies arrive.
                if t.udp_port.is_some() || *id != t.ident || *from != t.target || t.target6.is_some() {
                    return false;
                }
                (*seq, IpAddr::V4(*from), true, "")
            }
            IcmpInfo::Echo6Reply { from, id, seq, .. } => {
                if *id != t.ident || Some(*from) != t.target6 {
                    return false;
                }
                (*seq, IpAddr::V6(*from), true, "")
            }
            IcmpInfo::Error6 { from, icmp_type, code, inner, .. } => {
                let Some(seq) = super::echo6_in_quote(inner, t.ident).filter(|_| t.target6.is_some()) else {
                    return false;
                };
                // traceroute.c's ICMPv6 codes: time exceeded goes on; no
                // route !N, administratively prohibited !X, beyond scope !S,
                // address unreachable !H; port unreachable is the end.
                let (is_final, err) = match (icmp_type, code) {
                    (3, 0) => (false, ""),
                    (1, 0) => (true, "!N"),
                    (1, 1) => (true, "!X"),
                    (1, 2) => (true, "!S"),
                    (1, 3) => (true, "!H"),
                    (1, 4) => (true, ""),
                    _ => (true, "!?"),
                };
                (seq, IpAddr::V6(*from), is_final, err)
            }
            // Its raw socket is connected to the target: redirects from a router never reach it.
            IcmpInfo::Redirect { .. } => return false,
            IcmpInfo::Error {
                from,
                icmp_type,
                code,
                inner,
                ..
            } => {
                let seq = match t.udp_port {
                    None => echo_in_quote(inner, t.ident),
                    // The probe's socket (its source port) gets the error (IP_RECVERR); its
                    // destination port says which probe it was.
                    // -U: every probe has the same destination port; its own socket's source
                    // port says which probe it was.
                    Some(base) if t.udp_fixed => udp_in_quote(inner)
                        .filter(|&(_, dport)| dport == base)
                        .and_then(|(sport, _)| t.probes.iter().find(|p| p.sport == sport && p.send_time.is_some()).map(|p| p.seq)),
                    Some(base) => udp_in_quote(inner).and_then(|(sport, dport)| {
                        let seq = dport.wrapping_sub(base).wrapping_add(1);
                        t.probes.iter().any(|p| p.seq == seq && p.sport == sport && p.send_time.is_some()).then_some(seq)
                    }),
                };
                let Some(seq) = seq.filter(|_| t.target6.is_none()) else {
                    return false;
                };
                let (is_final, err) = match (icmp_type, code) {
                    (11, 0) => (false, ""),
                    (3, 0 | 6 | 9 | 11) => (true, "!N"),
                    (3, 1 | 7 | 10 | 12) => (true, "!H"),
                    (3, 13) => (true, "!X"),
                    (3, 3) => (true, ""),
                    (3, 2) => (true, "!P"),
                    _ => (true, "!?"),
                };
                (seq, IpAddr::V4(*from), is_final, err)
            }
        };
        let Some(n) = t
            .probes
            .iter()
            .position(|p| p.seq == seq && p.send_time.is_some())
        else {
            return false;
        };
        let p = &mut t.probes[n];
        if p.done {
            return true;
        }
        p.done = true;
        p.from = Some(from);
        p.recv_time = Some(now);
        p.is_final = is_final;
        p.err = err;
        self.traceroute_poll(ctx, app);
        true
    }

    /// Prints a finished hop line and keeps its typed row for the run's
    /// outcome ([`crate::RunOutcome::traceroute_hops`]).
    fn hop_line(
        &mut self,
        ctx: &mut Ctx,
        app: u32,
        line: String,
        row: Option<(u8, Vec<Ipv4Addr>)>,
    ) {
        if let Some(row) = row {
            let label = self.apps[app as usize].label.to_string();
            ctx.hops.entry(label).or_default().push(row);
        }
        self.output_line(ctx, app, line);
    }
}
