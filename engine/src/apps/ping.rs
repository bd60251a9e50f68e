//! iputils `ping`: one echo request per interval, replies and errors printed
//! as ping prints them, and its statistics (loss, rtt min/avg/max/mdev, pipe).

use super::{echo_in_quote, AppState};
use crate::frames::{self, Ipv4Header};
use crate::l3::{IcmpInfo, IpNode};
use crate::scenario::PingBind;
use crate::sim::ctx::Ctx;
use crate::time::SimTime;
use crate::trace::icmp_error_text;
use smoltcp::wire::IpProtocol;
use super::text::{push_i64, push_ipv4, push_padded, push_u64};
use std::fmt::Write as _;
use std::net::{IpAddr, Ipv4Addr};


/// iputils ping's counters (times in microseconds, as ping keeps them).
pub(crate) struct Ping {
    target: Ipv4Addr,
    /// `ping -6`: the target, the source, the flow label (then `target` and `src` are unused).
    v6: Option<(std::net::Ipv6Addr, std::net::Ipv6Addr, u32)>,
    /// `-s`: data bytes; `timing` when they hold the send time (≥ 16).
    size: usize,
    timing: bool,
    /// `-t`.
    ttl: u8,
    /// `-W`: the wait after the last probe when nothing came back.
    linger: SimTime,
    /// `-I IFACE`: packets leave through this interface only.
    oif: Option<u32>,
    /// What the header and statistics call the target.
    hostname: String,
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

/// C's `%g` for ping's loss percentage (a `float`), appended to `s`.
fn push_g(s: &mut String, v: f64) {
    let v = v as f32 as f64;
    // 0 % and 100 % (and any whole percentage) are what most runs print:
    // `%g` drops the point and the zeros, so it is the integer.
    if v.fract() == 0.0 && v.abs() < 1e6 {
        push_i64(s, v as i64);
        return;
    }
    let exp = v.abs().log10().floor() as i32;
    let decimals = (5 - exp).max(0) as usize;
    let mut g = format!("{v:.decimals$}");
    if g.contains('.') {
        while g.ends_with('0') {
            g.pop();
        }
        if g.ends_with('.') {
            g.pop();
        }
    }
    s.push_str(&g);
}

/// ping's "time=" field: 3 decimals under 1 ms, 2 under 10 ms, 1 under 100 ms.
/// `us` is never negative (a reply comes after its request).
fn push_rtt(s: &mut String, us: i64) {
    let us = us.max(0) as u64;
    let (whole, frac, digits) = if us >= 100_000 {
        ((us + 500) / 1000, 0, 0)
    } else if us >= 10_000 {
        ((us + 50) / 1000, ((us + 50) % 1000) / 100, 1)
    } else if us >= 1000 {
        ((us + 5) / 1000, ((us + 5) % 1000) / 10, 2)
    } else {
        (us / 1000, us % 1000, 3)
    };
    push_u64(s, whole);
    if digits > 0 {
        s.push('.');
        push_padded(s, frac, digits);
    }
}

/// Microseconds as ping's statistics print them: milliseconds with 3 decimals.
fn push_ms3(s: &mut String, us: i64) {
    push_i64(s, us / 1000);
    s.push('.');
    push_padded(s, (us % 1000).unsigned_abs(), 3);
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

impl IpNode {
    pub(super) fn ping_start(&mut self, ctx: &mut Ctx, app: u32, count: u32, interval_ms: u64, target: Ipv4Addr) {
        self.ping_start_named(ctx, app, count, interval_ms, target, None);
    }

    /// `hostname`: what ping prints for its target (the canonical name of a
    /// looked-up target, else the address), in the header and the statistics.
    pub(crate) fn ping_start_named(
        &mut self,
        ctx: &mut Ctx,
        app: u32,
        count: u32,
        interval_ms: u64,
        target: Ipv4Addr,
        hostname: Option<String>,
    ) {
        let opts = match &self.apps[app as usize].command {
            crate::scenario::Command::Ping { opts, .. } => opts.clone(),
            _ => Default::default(),
        };
        // -I IFACE: SO_BINDTODEVICE (validation checked the name); -I ADDR: bind().
        let oif = match &opts.bind {
            Some(PingBind::Device(d)) => self.ifaces.iter().position(|f| f.name.as_str() == d).map(|i| i as u32),
            _ => None,
        };
        if let Some(PingBind::Address(a)) = opts.bind {
            if !self.is_local(a) {
                self.output_line(ctx, app, "ping: bind: Cannot assign requested address".into());
                self.finish_app(app);
                return;
            }
        }
        // ping connect()s a UDP socket to learn its source address first.
        let Some(src) = self.ping_src(target, oif) else {
            self.output_line(ctx, app, "ping: connect: Network is unreachable".into());
            self.finish_app(app);
            return;
        };
        let src = match opts.bind {
            Some(PingBind::Address(a)) => a,
            _ => src,
        };
        let ident = ctx.rng.next_u16();
        // ping_output.c: "from SRC DEVICE: " after -I.
        let from = match &opts.bind {
            Some(PingBind::Device(d)) => format!("from {src} {d}: "),
            Some(PingBind::Address(_)) => format!("from {src} : "),
            None => String::new(),
        };
        let size = opts.size as usize;
        let hostname = hostname.unwrap_or_else(|| {
            let mut h = String::with_capacity(15);
            push_ipv4(&mut h, target);
            h
        });
        // "PING {hostname} ({target}) {from}{size}({size + 28}) bytes of data."
        let mut line = String::with_capacity(48 + hostname.len() + from.len());
        line.push_str("PING ");
        line.push_str(&hostname);
        line.push_str(" (");
        push_ipv4(&mut line, target);
        line.push_str(") ");
        line.push_str(&from);
        push_u64(&mut line, size as u64);
        line.push('(');
        push_u64(&mut line, size as u64 + 28);
        line.push_str(") bytes of data.");
        self.output_line(ctx, app, line);
        let now = ctx.now;
        self.apps[app as usize].state = AppState::Ping(Box::new(Ping {
            target,
            v6: None,
            size,
            timing: size >= 16,
            ttl: opts.ttl,
            linger: SimTime::from_millis(opts.linger_ms),
            oif,
            hostname,
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
        self.ping_tick(ctx, app);
    }

    /// `ping -6` (iputils' ping6_common.c): the same counters and output,
    /// ICMPv6 echo requests, "PING T(T) 56 data bytes".
    pub(super) fn ping6_start(&mut self, ctx: &mut Ctx, app: u32, count: u32, interval_ms: u64, target: std::net::Ipv6Addr) {
        let opts = match &self.apps[app as usize].command {
            crate::scenario::Command::Ping6 { opts, .. } => opts.clone(),
            _ => Default::default(),
        };
        let oif = match &opts.bind {
            Some(PingBind::Device(d)) => self.ifaces.iter().position(|f| f.name.as_str() == d).map(|i| i as u32),
            _ => None,
        };
        let src = if self.is_local6(target) {
            Some(target)
        } else {
            match self.route6_probe(target, oif) {
                None => {
                    self.output_line(ctx, app, "ping: connect: Network is unreachable".into());
                    self.finish_app(app);
                    return;
                }
                Some(hop) => hop.src,
            }
        };
        let Some(src) = src else {
            // No usable address yet (DAD still running): connect() fails.
            self.output_line(ctx, app, "ping: connect: Cannot assign requested address".into());
            self.finish_app(app);
            return;
        };
        let ident = ctx.rng.next_u16();
        let flow = self.flow_label(ctx, src, target);
        let from = match &opts.bind {
            Some(PingBind::Device(d)) => format!("from {src} {d}: "),
            _ => String::new(),
        };
        let size = opts.size as usize;
        self.output_line(ctx, app, format!("PING {target}({target}) {from}{size} data bytes"));
        let now = ctx.now;
        self.apps[app as usize].state = AppState::Ping(Box::new(Ping {
            target: Ipv4Addr::UNSPECIFIED,
            v6: Some((target, src, flow)),
            size,
            timing: size >= 16,
            ttl: opts.ttl,
            linger: SimTime::from_millis(opts.linger_ms),
            oif,
            hostname: target.to_string(),
            count,
            interval: SimTime::from_millis(interval_ms),
            ident,
            src: Ipv4Addr::UNSPECIFIED,
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
        self.ping_tick(ctx, app);
    }

    fn ping_mut(&mut self, app: u32) -> &mut Ping {
        match &mut self.apps[app as usize].state {
            AppState::Ping(p) => p,
            _ => unreachable!("app {app} is a ping"),
        }
    }

    /// Sends the next echo request, then waits for the next one or for the end.
    pub(super) fn ping_tick(&mut self, ctx: &mut Ctx, app: u32) {
        let now = ctx.now;
        let epoch = ctx.epoch_secs;
        let p = self.ping_mut(app);
        if p.ntransmitted >= p.count {
            // The exit timer fired: no more replies are awaited.
            self.ping_finish(ctx, app);
            return;
        }
        p.ntransmitted += 1;
        let seq = p.ntransmitted as u16;
        p.sent_at[p.ntransmitted as usize] = now;
        p.last_send = now;
        let (target, ident, src, size, ttl, oif) = (p.target, p.ident, p.src, p.size, p.ttl, p.oif);
        if let Some((target6, src6, flow)) = p.v6 {
            if self.route6_probe(target6, oif).is_none() && !self.is_local6(target6) {
                self.output_line(ctx, app, "ping: sendmsg: Network is unreachable".into());
                return self.ping_next(ctx, app, now);
            }
            let data = frames::ping_payload(epoch, now, size);
            let body = crate::frames6::echo_body(ident, seq, &data);
            let datagram =
                crate::frames6::icmpv6_datagram(src6, target6, ttl, flow, crate::frames6::icmp6::ECHO_REQUEST, 0, &body);
            self.ip6_local_out_via(ctx, datagram, oif);
            if !matches!(self.apps[app as usize].state, AppState::Ping(_)) {
                return;
            }
            return self.ping_next(ctx, app, now);
        }
        if self.ping_src(target, oif).is_none() {
            // The route went during the run (a link set down, an address
            // removed): sendmsg fails with ENETUNREACH, a "hard local error"
            // in iputils' pinger(): it pretends the probe went and says why.
            self.output_line(ctx, app, "ping: sendmsg: Network is unreachable".into());
            return self.ping_next(ctx, app, now);
        }
        let data = frames::ping_payload(epoch, now, size);
        let icmp = frames::icmp_echo(true, ident, seq, &data);
        let ip_id = self.next_ident(ctx, src, target, 1);
        let h = Ipv4Header {
            tos: 0,
            ident: ip_id,
            dont_frag: true,
            ttl,
            protocol: IpProtocol::Icmp,
            src,
            dst: target,
        };
        self.ip_local_out_via(ctx, frames::ipv4_datagram(&h, &icmp), oif);
        if !matches!(self.apps[app as usize].state, AppState::Ping(_)) {
            return; // finished while sending (loopback reply)
        }
        self.ping_next(ctx, app, now);
    }

    /// The source address of a probe to `target` (connect()'s), through
    /// `oif` only when ping is bound to an interface; None: unreachable.
    fn ping_src(&self, target: Ipv4Addr, oif: Option<u32>) -> Option<Ipv4Addr> {
        match oif {
            None => self.connect_src(target),
            Some(i) => self.route_probe_via(target, Some(i)).map(|h| h.src),
        }
    }

    /// Waits for the next probe, or for the last replies.
    fn ping_next(&mut self, ctx: &mut Ctx, app: u32, now: SimTime) {
        let p = self.ping_mut(app);
        if p.ntransmitted < p.count {
            let at = now + p.interval;
            self.arm_app(ctx, app, at);
        } else {
            // __schedule_exit: wait max(2·tmax, interval) if anything came back, else 10 s.
            let wait = if p.nreceived > 0 {
                SimTime::from_micros((2 * p.tmax) as u64).max(p.interval)
            } else {
                p.linger
            };
            self.arm_app(ctx, app, now + wait);
        }
    }

    /// iputils' `acknowledge`: the largest number of probes in flight.
    fn ping_ack(p: &mut Ping, seq: u16) {
        let diff = (p.ntransmitted as u16).wrapping_sub(seq);
        if diff <= 0x7fff && diff as i32 + 1 > p.pipesize {
            p.pipesize = diff as i32 + 1;
        }
    }

    pub(super) fn ping_icmp(&mut self, ctx: &mut Ctx, app: u32, info: &IcmpInfo) -> bool {
        let now = ctx.now;
        let p = self.ping_mut(app);
        let line = match info {
            IcmpInfo::EchoReply { from, id, seq, ttl, icmp_len } if p.v6.is_none() => {
                match Self::ping_reply(p, now, IpAddr::V4(*from), *id, *seq, *ttl, *icmp_len) {
                    Some(line) => line,
                    None => return false,
                }
            }
            IcmpInfo::Echo6Reply { from, id, seq, hop_limit, icmp_len } if p.v6.is_some() => {
                match Self::ping_reply(p, now, IpAddr::V6(*from), *id, *seq, *hop_limit, *icmp_len) {
                    Some(line) => line,
                    None => return false,
                }
            }
            IcmpInfo::EchoReply { .. } | IcmpInfo::Echo6Reply { .. } => return false,
            IcmpInfo::Error6 { from, icmp_type, code, param, inner } => {
                let Some(seq) = super::echo6_in_quote(inner, p.ident).filter(|_| p.v6.is_some()) else {
                    return false;
                };
                p.nerrors += 1;
                Self::ping_ack(p, seq);
                format!("From {from} icmp_seq={seq} {}", crate::trace::icmp6_error_text(*icmp_type, *code, *param))
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
                info,
                inner,
            } => {
                let Some(seq) = echo_in_quote(inner, p.ident).filter(|_| p.v6.is_none()) else {
                    return false;
                };
                p.nerrors += 1;
                Self::ping_ack(p, seq);
                if (*icmp_type, *code) == (3, 4) {
                    // iputils pr_icmph: "Frag needed and DF set (mtu = %u)" with ee_info.
                    format!("From {from} icmp_seq={seq} Frag needed and DF set (mtu = {info})")
                } else {
                    format!("From {from} icmp_seq={seq} {}", icmp_error_text(*icmp_type, *code))
                }
            }
        };
        self.output_line(ctx, app, line);
        let p = self.ping_mut(app);
        if p.nreceived + p.nerrors >= p.count {
            self.ping_finish(ctx, app);
        }
        true
    }

    /// gather_statistics for an echo reply: counters, and the line ping prints.
    #[allow(clippy::too_many_arguments)]
    fn ping_reply(p: &mut Ping, now: SimTime, from: IpAddr, id: u16, seq: u16, ttl: u8, icmp_len: usize) -> Option<String> {
        if id != p.ident || seq == 0 || seq as u32 > p.ntransmitted {
            return None;
        }
        Self::ping_ack(p, seq);
        let sent = p.sent_at[seq as usize];
        let rtt = (now.as_micros() - sent.as_micros()) as i64;
        let dup = p.received[seq as usize];
        if dup {
            p.nrepeats += 1;
        } else {
            p.received[seq as usize] = true;
            p.nreceived += 1;
        }
        // "{icmp_len} bytes from {from}: icmp_seq={seq} ttl={ttl}"
        let mut line = String::with_capacity(64);
        push_u64(&mut line, icmp_len as u64);
        line.push_str(" bytes from ");
        match from {
            IpAddr::V4(a) => push_ipv4(&mut line, a),
            IpAddr::V6(a) => {
                let _ = write!(line, "{a}");
            }
        }
        line.push_str(": icmp_seq=");
        push_u64(&mut line, u64::from(seq));
        line.push_str(" ttl=");
        push_u64(&mut line, u64::from(ttl));
        // Without the send time in the data (-s under 16) ping measures nothing.
        if p.timing {
            p.tsum += rtt;
            p.tsum2 += rtt * rtt;
            p.tmin = p.tmin.min(rtt);
            p.tmax = p.tmax.max(rtt);
            line.push_str(" time=");
            push_rtt(&mut line, rtt);
            line.push_str(" ms");
        }
        if dup {
            line.push_str(" (DUP!)");
        }
        Some(line)
    }

    fn ping_finish(&mut self, ctx: &mut Ctx, app: u32) {
        let p = self.ping_mut(app);
        let mut title = String::with_capacity(p.hostname.len() + 24);
        title.push_str("--- ");
        title.push_str(&p.hostname);
        title.push_str(" ping statistics ---");
        let mut lines = [String::new(), title, String::new(), String::new()];
        let ms = {
            let us = (p.last_send - p.start).as_micros();
            us / 1000 + u64::from(us % 1000 >= 500)
        };
        // "{ntransmitted} packets transmitted, {nreceived} received[, +{nrepeats} duplicates]
        // [, +{nerrors} errors][, {loss}% packet loss, time {ms}ms]"
        let stats = &mut lines[2];
        stats.reserve(80);
        push_u64(stats, u64::from(p.ntransmitted));
        stats.push_str(" packets transmitted, ");
        push_u64(stats, u64::from(p.nreceived));
        stats.push_str(" received");
        if p.nrepeats > 0 {
            stats.push_str(", +");
            push_u64(stats, u64::from(p.nrepeats));
            stats.push_str(" duplicates");
        }
        if p.nerrors > 0 {
            stats.push_str(", +");
            push_u64(stats, u64::from(p.nerrors));
            stats.push_str(" errors");
        }
        if p.ntransmitted > 0 {
            let loss = (p.ntransmitted as f64 - p.nreceived as f64) * 100.0 / p.ntransmitted as f64;
            stats.push_str(", ");
            push_g(stats, loss);
            stats.push_str("% packet loss, time ");
            push_u64(stats, ms);
            stats.push_str("ms");
        }
        let tail = &mut lines[3];
        if p.nreceived > 0 && p.timing {
            let n = (p.nreceived + p.nrepeats) as i64;
            let avg = p.tsum / n;
            let mdev = llsqrt(p.tsum2 / n - avg * avg);
            // "rtt min/avg/max/mdev = {min}/{avg}/{max}/{mdev} ms", each as ms with 3 decimals
            tail.reserve(56);
            tail.push_str("rtt min/avg/max/mdev = ");
            for (i, v) in [p.tmin, avg, p.tmax, mdev].into_iter().enumerate() {
                if i > 0 {
                    tail.push('/');
                }
                push_ms3(tail, v);
            }
            tail.push_str(" ms");
        }
        if p.pipesize > 1 {
            if !tail.is_empty() {
                tail.push_str(", ");
            }
            tail.push_str("pipe ");
            push_i64(tail, i64::from(p.pipesize));
        }
        for line in lines {
            self.output_line(ctx, app, line);
        }
        self.finish_app(app);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn format_g(v: f64) -> String {
        let mut s = String::new();
        push_g(&mut s, v);
        s
    }

    fn format_rtt(us: i64) -> String {
        let mut s = String::new();
        push_rtt(&mut s, us);
        s
    }

    #[test]
    fn statistics_milliseconds() {
        let ms3 = |us: i64| {
            let mut s = String::new();
            push_ms3(&mut s, us);
            s
        };
        for us in [0i64, 5, 45, 999, 1000, 1234, 12_345, 123_456_789] {
            assert_eq!(ms3(us), format!("{}.{:03}", us / 1000, us % 1000));
        }
    }

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
        assert_eq!(format_rtt(99_999), "100.0");
        assert_eq!(format_rtt(0), "0.000");
    }

    #[test]
    fn integer_sqrt() {
        assert_eq!(llsqrt(0), 0);
        assert_eq!(llsqrt(16), 4);
        assert_eq!(llsqrt(17), 4);
        assert_eq!(llsqrt(1_000_000), 1000);
    }
}
