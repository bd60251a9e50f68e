//! The programs a scenario runs: iputils `ping` and traceroute 2.1's
//! `traceroute -I`, printing what the real tools print.

use super::ip::IcmpInfo;
use super::{Body, Ev, Sim};
use crate::frames::{self, Ipv4Header};
use crate::scenario::Command;
use crate::time::SimTime;
use crate::trace::{icmp_error_text, EventKind, Name};
use smoltcp::wire::IpProtocol;
use std::fmt::Write as _;
use std::net::Ipv4Addr;

/// ping's wait for replies after the last probe when none came back (`MAXWAIT` 10 s).
const PING_LINGER: SimTime = SimTime::from_secs(10);
/// traceroute's defaults: wait at most 5 s, or 3× a reply from the same hop,
/// or 10× a reply from a later hop (`-w 5,3,10`), plus 1 ms of precision.
const TR_WAIT: SimTime = SimTime::from_secs(5);
const TR_HERE_FACTOR: u64 = 3;
const TR_NEAR_FACTOR: u64 = 10;
const TR_WAIT_PREC: SimTime = SimTime::from_millis(1);
/// traceroute's default IP packet size for ICMP probes.
const TR_PACKET_LEN: usize = 60;

pub(crate) struct App {
    pub(crate) label: Name,
    dev: u32,
    command: Command,
    /// Bumped to cancel the pending timer.
    timer_gen: u32,
    state: AppState,
}

enum AppState {
    NotStarted,
    Ping(Box<Ping>),
    Trace(Box<Traceroute>),
    Done,
}

/// iputils ping's counters (times in microseconds, as ping keeps them).
struct Ping {
    target: Ipv4Addr,
    count: u32,
    interval: SimTime,
    ident: u16,
    src: Ipv4Addr,
    ntransmitted: u32,
    nreceived: u32,
    nrepeats: u32,
    nerrors: u32,
    received: Vec<bool>,
    sent_at: Vec<SimTime>,
    tmin: i64,
    tmax: i64,
    tsum: i64,
    tsum2: i64,
    pipesize: i32,
    start: SimTime,
    last_send: SimTime,
}

/// One traceroute probe.
#[derive(Clone, Default)]
struct Probe {
    send_time: Option<SimTime>,
    seq: u16,
    done: bool,
    is_final: bool,
    from: Option<Ipv4Addr>,
    recv_time: Option<SimTime>,
    err: &'static str,
}

/// traceroute 2.1's probe table and print cursor.
struct Traceroute {
    target: Ipv4Addr,
    queries: usize,
    sim_queries: usize,
    ident: u16,
    next_seq: u16,
    /// IP ID of the connected raw socket (`inet_id`), +1 per probe.
    ip_id: u16,
    probes: Vec<Probe>,
    start: usize,
    end: usize,
    line: Option<String>,
}

impl App {
    pub(crate) fn new(label: Name, dev: u32, command: Command) -> App {
        App {
            label,
            dev,
            command,
            timer_gen: 0,
            state: AppState::NotStarted,
        }
    }
}

/// C's `%g` for ping's loss percentage (a `float`).
fn format_g(v: f64) -> String {
    let v = v as f32 as f64;
    if v == 0.0 {
        return "0".into();
    }
    let exp = v.abs().log10().floor() as i32;
    let decimals = (5 - exp).max(0) as usize;
    let mut s = format!("{v:.decimals$}");
    if s.contains('.') {
        while s.ends_with('0') {
            s.pop();
        }
        if s.ends_with('.') {
            s.pop();
        }
    }
    s
}

/// ping's "time=" field: 3 decimals under 1 ms, 2 under 10 ms, 1 under 100 ms.
fn format_rtt(us: i64) -> String {
    if us >= 100_000 {
        format!("{}", (us + 500) / 1000)
    } else if us >= 10_000 {
        format!("{}.{:01}", (us + 50) / 1000, ((us + 50) % 1000) / 100)
    } else if us >= 1000 {
        format!("{}.{:02}", (us + 5) / 1000, ((us + 5) % 1000) / 10)
    } else {
        format!("{}.{:03}", us / 1000, us % 1000)
    }
}

/// Integer square root as iputils computes mdev (Newton's method).
fn llsqrt(a: i64) -> i64 {
    let mut prev = i64::MAX;
    let mut x = a;
    if x > 0 {
        while x < prev {
            prev = x;
            x = (x + a / x) / 2;
        }
    }
    x
}

impl Sim {
    fn arm_app(&mut self, app: u32, at: SimTime) {
        let a = &mut self.apps[app as usize];
        a.timer_gen = a.timer_gen.wrapping_add(1);
        let gen = a.timer_gen;
        self.schedule(at, Ev::AppTimer { app, gen });
    }

    pub(super) fn app_start(&mut self, app: u32) {
        let (dev, label, command) = {
            let a = &self.apps[app as usize];
            (a.dev, a.label.clone(), a.command.clone())
        };
        let device = self.devices[dev as usize].id.clone();
        self.record(EventKind::CommandStarted { label, device });
        if let Body::Ip(node) = &mut self.devices[dev as usize].body {
            node.apps.push(app);
        }
        match command {
            Command::Ping {
                count,
                interval_ms,
                target,
            } => self.ping_start(app, dev, count, interval_ms, target),
            Command::Traceroute {
                target,
                max_hops,
                queries,
                sim_queries,
            } => self.traceroute_start(app, dev, target, max_hops, queries, sim_queries),
        }
    }

    pub(super) fn app_timer(&mut self, app: u32, gen: u32) {
        if self.apps[app as usize].timer_gen != gen {
            return;
        }
        match self.apps[app as usize].state {
            AppState::Ping(_) => self.ping_tick(app),
            AppState::Trace(_) => self.traceroute_poll(app),
            _ => {}
        }
    }

    /// Gives an ICMP message to a running command; true if it was its own.
    pub(super) fn app_icmp(&mut self, app: u32, info: &IcmpInfo) -> bool {
        match self.apps[app as usize].state {
            AppState::Ping(_) => self.ping_icmp(app, info),
            AppState::Trace(_) => self.traceroute_icmp(app, info),
            _ => false,
        }
    }

    fn finish_app(&mut self, app: u32) {
        let a = &mut self.apps[app as usize];
        a.state = AppState::Done;
        a.timer_gen = a.timer_gen.wrapping_add(1);
        let dev = a.dev;
        if let Body::Ip(node) = &mut self.devices[dev as usize].body {
            node.apps.retain(|&x| x != app);
        }
    }

    // ---------------------------------------------------------------- ping

    /// The source address a program's `connect()` to `target` would get, or
    /// `None` for "Network is unreachable".
    fn connect_src(&self, dev: u32, target: Ipv4Addr) -> Option<Ipv4Addr> {
        if self.node(dev).is_local(target) {
            Some(target)
        } else {
            self.route_probe(dev, target).map(|h| h.src)
        }
    }

    fn ping_start(&mut self, app: u32, dev: u32, count: u32, interval_ms: u64, target: Ipv4Addr) {
        // ping connect()s a UDP socket to learn its source address first.
        let Some(src) = self.connect_src(dev, target) else {
            self.output_line(app, "ping: connect: Network is unreachable".into());
            self.finish_app(app);
            return;
        };
        let ident = self.rng.next_u16();
        self.output_line(
            app,
            format!(
                "PING {target} ({target}) {}({}) bytes of data.",
                frames::PING_DATA_LEN,
                frames::PING_DATA_LEN + 28
            ),
        );
        let now = self.now;
        self.apps[app as usize].state = AppState::Ping(Box::new(Ping {
            target,
            count,
            interval: SimTime::from_millis(interval_ms),
            ident,
            src,
            ntransmitted: 0,
            nreceived: 0,
            nrepeats: 0,
            nerrors: 0,
            received: vec![false; count as usize + 1],
            sent_at: vec![SimTime::ZERO; count as usize + 1],
            tmin: i64::MAX,
            tmax: 0,
            tsum: 0,
            tsum2: 0,
            pipesize: -1,
            start: now,
            last_send: now,
        }));
        self.ping_tick(app);
    }

    fn ping_mut(&mut self, app: u32) -> &mut Ping {
        match &mut self.apps[app as usize].state {
            AppState::Ping(p) => p,
            _ => unreachable!("app {app} is a ping"),
        }
    }

    /// Sends the next echo request, then waits for the next one or for the end.
    fn ping_tick(&mut self, app: u32) {
        let dev = self.apps[app as usize].dev;
        let now = self.now;
        let epoch = self.epoch_secs;
        let p = self.ping_mut(app);
        if p.ntransmitted >= p.count {
            // The exit timer fired: no more replies are awaited.
            self.ping_finish(app);
            return;
        }
        p.ntransmitted += 1;
        let seq = p.ntransmitted as u16;
        p.sent_at[p.ntransmitted as usize] = now;
        p.last_send = now;
        let (target, ident, src) = (p.target, p.ident, p.src);
        let data = frames::ping_payload(epoch, now);
        let icmp = frames::icmp_echo(true, ident, seq, &data);
        let ip_id = self.next_ident(dev, src, target, 1);
        let h = Ipv4Header {
            tos: 0,
            ident: ip_id,
            dont_frag: true,
            ttl: frames::DEFAULT_TTL,
            protocol: IpProtocol::Icmp,
            src,
            dst: target,
        };
        self.ip_local_out(dev, frames::ipv4_datagram(&h, &icmp));
        if !matches!(self.apps[app as usize].state, AppState::Ping(_)) {
            return; // finished while sending (loopback reply)
        }
        let p = self.ping_mut(app);
        if p.ntransmitted < p.count {
            let at = now + p.interval;
            self.arm_app(app, at);
        } else {
            // __schedule_exit: wait max(2·tmax, interval) if anything came back, else 10 s.
            let wait = if p.nreceived > 0 {
                SimTime::from_micros((2 * p.tmax) as u64).max(p.interval)
            } else {
                PING_LINGER
            };
            self.arm_app(app, now + wait);
        }
    }

    /// iputils' `acknowledge`: the largest number of probes in flight.
    fn ping_ack(p: &mut Ping, seq: u16) {
        let diff = (p.ntransmitted as u16).wrapping_sub(seq);
        if diff <= 0x7fff && diff as i32 + 1 > p.pipesize {
            p.pipesize = diff as i32 + 1;
        }
    }

    fn ping_icmp(&mut self, app: u32, info: &IcmpInfo) -> bool {
        let now = self.now;
        let p = self.ping_mut(app);
        let line = match info {
            IcmpInfo::EchoReply {
                from,
                id,
                seq,
                ttl,
                icmp_len,
            } => {
                if *id != p.ident || *seq == 0 || *seq as u32 > p.ntransmitted {
                    return false;
                }
                Self::ping_ack(p, *seq);
                let sent = p.sent_at[*seq as usize];
                let rtt = (now.as_micros() - sent.as_micros()) as i64;
                let dup = p.received[*seq as usize];
                if dup {
                    p.nrepeats += 1;
                } else {
                    p.received[*seq as usize] = true;
                    p.nreceived += 1;
                }
                p.tsum += rtt;
                p.tsum2 += rtt * rtt;
                p.tmin = p.tmin.min(rtt);
                p.tmax = p.tmax.max(rtt);
                let mut line = format!(
                    "{icmp_len} bytes from {from}: icmp_seq={seq} ttl={ttl} time={} ms",
                    format_rtt(rtt)
                );
                if dup {
                    line.push_str(" (DUP!)");
                }
                line
            }
            IcmpInfo::Redirect {
                from,
                code,
                gateway,
                inner,
            } => {
                // Printed from the raw socket (note the colon), not counted as an error.
                let Some(seq) = echo_in_quote(inner, p.ident) else {
                    return false;
                };
                format!(
                    "From {from}: icmp_seq={seq} {}(New nexthop: {gateway})",
                    icmp_error_text(5, *code)
                )
            }
            IcmpInfo::Error {
                from,
                icmp_type,
                code,
                inner,
            } => {
                let Some(seq) = echo_in_quote(inner, p.ident) else {
                    return false;
                };
                p.nerrors += 1;
                Self::ping_ack(p, seq);
                format!(
                    "From {from} icmp_seq={seq} {}",
                    icmp_error_text(*icmp_type, *code)
                )
            }
        };
        self.output_line(app, line);
        let p = self.ping_mut(app);
        if p.nreceived + p.nerrors >= p.count {
            self.ping_finish(app);
        }
        true
    }

    fn ping_finish(&mut self, app: u32) {
        let p = self.ping_mut(app);
        let mut lines = vec![
            String::new(),
            format!("--- {} ping statistics ---", p.target),
        ];
        let ms = {
            let us = (p.last_send - p.start).as_micros();
            us / 1000 + u64::from(us % 1000 >= 500)
        };
        let mut stats = format!(
            "{} packets transmitted, {} received",
            p.ntransmitted, p.nreceived
        );
        if p.nrepeats > 0 {
            let _ = write!(stats, ", +{} duplicates", p.nrepeats);
        }
        if p.nerrors > 0 {
            let _ = write!(stats, ", +{} errors", p.nerrors);
        }
        if p.ntransmitted > 0 {
            let loss = (p.ntransmitted as f64 - p.nreceived as f64) * 100.0 / p.ntransmitted as f64;
            let _ = write!(stats, ", {}% packet loss, time {ms}ms", format_g(loss));
        }
        lines.push(stats);
        let mut tail = String::new();
        if p.nreceived > 0 {
            let n = (p.nreceived + p.nrepeats) as i64;
            let avg = p.tsum / n;
            let mdev = llsqrt(p.tsum2 / n - avg * avg);
            let f = |v: i64| format!("{}.{:03}", v / 1000, v % 1000);
            let _ = write!(
                tail,
                "rtt min/avg/max/mdev = {}/{}/{}/{} ms",
                f(p.tmin),
                f(avg),
                f(p.tmax),
                f(mdev)
            );
        }
        if p.pipesize > 1 {
            let comma = if tail.is_empty() { "" } else { ", " };
            let _ = write!(tail, "{comma}pipe {}", p.pipesize);
        }
        lines.push(tail);
        for line in lines {
            self.output_line(app, line);
        }
        self.finish_app(app);
    }

    // ---------------------------------------------------------- traceroute

    fn traceroute_start(
        &mut self,
        app: u32,
        dev: u32,
        target: Ipv4Addr,
        max_hops: u8,
        queries: u8,
        sim_queries: u8,
    ) {
        if self.connect_src(dev, target).is_none() {
            // connect() on the raw socket fails before the header is printed;
            // traceroute's error() writes a newline, then perror's message.
            self.output_line(app, String::new());
            self.output_line(app, "connect: Network is unreachable".into());
            self.finish_app(app);
            return;
        }
        self.output_line(app, format!("traceroute to {target} ({target}), {max_hops} hops max, {TR_PACKET_LEN} byte packets"));
        let ident = self.rng.next_u16();
        let ip_id = self.rng.next_u16();
        let n = max_hops as usize * queries as usize;
        self.apps[app as usize].state = AppState::Trace(Box::new(Traceroute {
            target,
            queries: queries as usize,
            sim_queries: sim_queries as usize,
            ident,
            next_seq: 1,
            ip_id,
            probes: vec![Probe::default(); n],
            start: 0,
            end: n,
            line: None,
        }));
        self.traceroute_poll(app);
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
        if let Some(v) = t.probes[hop_start..hop_start + t.queries]
            .iter()
            .find_map(rtt)
        {
            return SimTime((v + TR_WAIT_PREC).as_nanos().saturating_mul(TR_HERE_FACTOR)).min(TR_WAIT);
        }
        for p in &t.probes[n + 1..] {
            if p.send_time.is_none() {
                break;
            }
            if let Some(v) = rtt(p) {
                return SimTime((v + TR_WAIT_PREC).as_nanos().saturating_mul(TR_NEAR_FACTOR)).min(TR_WAIT);
            }
        }
        TR_WAIT
    }

    /// One pass of traceroute's `do_it` loop: expire, print, send up to
    /// `sim_queries` probes in flight, then sleep until the next deadline.
    fn traceroute_poll(&mut self, app: u32) {
        let dev = self.apps[app as usize].dev;
        let now = self.now;
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
                    to_send.push((ttl, seq, t.ip_id));
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
            self.tr_print_probe(app, n);
        }
        let (target, ident) = {
            let t = self.tr_mut(app);
            (t.target, t.ident)
        };
        for (ttl, seq, ip_id) in to_send {
            let data = frames::traceroute_payload(TR_PACKET_LEN - frames::IPV4_HEADER_LEN);
            let icmp = frames::icmp_echo(true, ident, seq, &data);
            let Some(hop) = self.route_output(dev, target, false) else {
                continue;
            };
            let h = Ipv4Header {
                tos: 0,
                ident: ip_id,
                dont_frag: false,
                ttl,
                protocol: IpProtocol::Icmp,
                src: hop.src,
                dst: target,
            };
            let datagram = frames::ipv4_datagram(&h, &icmp);
            if self.node(dev).is_local(target) {
                self.ip_local_out(dev, datagram);
            } else {
                self.neigh_output(dev, hop, datagram);
            }
            if !matches!(self.apps[app as usize].state, AppState::Trace(_)) {
                return;
            }
        }
        let t = self.tr_mut(app);
        if t.start >= t.end {
            if let Some(line) = t.line.take() {
                self.output_line(app, line);
            }
            self.finish_app(app);
            return;
        }
        let at = next_time.unwrap_or(now).max(now);
        self.arm_app(app, at);
    }

    /// `print_probe`: starts a new hop line or appends to the current one.
    fn tr_print_probe(&mut self, app: u32, n: usize) {
        let t = self.tr_mut(app);
        let np = n % t.queries;
        let mut finished_line = None;
        if np == 0 {
            finished_line = t.line.take();
            t.line = Some(format!("{:2} ", n / t.queries + 1));
        }
        let p = t.probes[n].clone();
        let line = t.line.get_or_insert_with(String::new);
        match p.from {
            None => line.push_str(" *"),
            Some(addr) => {
                let previous = t.probes[n - np..n].iter().rev().find_map(|q| q.from);
                if np == 0 || previous != Some(addr) {
                    let _ = write!(line, " {addr}");
                }
            }
        }
        if let (Some(s), Some(r)) = (p.send_time, p.recv_time) {
            let _ = write!(line, "  {:.3} ms", (r - s).as_nanos() as f64 / 1e6);
        }
        if !p.err.is_empty() {
            let _ = write!(line, " {}", p.err);
        }
        if let Some(line) = finished_line {
            self.output_line(app, line);
        }
    }

    fn traceroute_icmp(&mut self, app: u32, info: &IcmpInfo) -> bool {
        let now = self.now;
        let t = self.tr_mut(app);
        let (seq, from, is_final, err) = match info {
            IcmpInfo::EchoReply { from, id, seq, .. } => {
                // The raw socket is connected to the target: only its replies arrive.
                if *id != t.ident || *from != t.target {
                    return false;
                }
                (*seq, *from, true, "")
            }
            // Its raw socket is connected to the target: redirects from a router never reach it.
            IcmpInfo::Redirect { .. } => return false,
            IcmpInfo::Error {
                from,
                icmp_type,
                code,
                inner,
            } => {
                let Some(seq) = echo_in_quote(inner, t.ident) else {
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
                (seq, *from, is_final, err)
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
        self.traceroute_poll(app);
        true
    }
}

/// The sequence number of our echo request quoted in an ICMP error, if the
/// quoted datagram is an ICMP echo request with identifier `ident`.
fn echo_in_quote(inner: &[u8], ident: u16) -> Option<u16> {
    let ihl = ((*inner.first()? & 0x0f) as usize) * 4;
    if *inner.get(9)? != 1 {
        return None;
    }
    let icmp = inner.get(ihl..ihl + 8)?;
    if icmp[0] != 8 || u16::from_be_bytes([icmp[4], icmp[5]]) != ident {
        return None;
    }
    Some(u16::from_be_bytes([icmp[6], icmp[7]]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_like_printf_g() {
        assert_eq!(format_g(0.0), "0");
        assert_eq!(format_g(100.0), "100");
        assert_eq!(format_g(200.0 / 3.0), "66.6667");
        assert_eq!(format_g(100.0 / 3.0), "33.3333");
        assert_eq!(format_g(50.0), "50");
        assert_eq!(format_g(100.0 / 7.0), "14.2857");
        assert_eq!(format_g(0.01), "0.01");
    }

    #[test]
    fn rtt_precision_like_iputils() {
        assert_eq!(format_rtt(45), "0.045");
        assert_eq!(format_rtt(1234), "1.23");
        assert_eq!(format_rtt(12_345), "12.3");
        assert_eq!(format_rtt(123_456), "123");
        assert_eq!(format_rtt(9_999), "10.00");
    }

    #[test]
    fn integer_sqrt() {
        assert_eq!(llsqrt(0), 0);
        assert_eq!(llsqrt(16), 4);
        assert_eq!(llsqrt(17), 4);
        assert_eq!(llsqrt(1_000_000), 1000);
    }
}
