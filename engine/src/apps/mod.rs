//! The programs a lab runs on its hosts and routers: iputils `ping`
//! (`ping.rs`) and traceroute 2.1's `traceroute -I` (`traceroute.rs`),
//! printing what the real tools print.
//!
//! A command is an [`App`] owned by the [`IpNode`] it runs on. It starts on a
//! timer, sends through the node's stack, and is offered every ICMP message
//! the node receives while it runs (`app_icmp`). A new program is one file
//! here with an `impl IpNode` block, a variant of [`AppState`] and a line in
//! each of `app_start`, `app_timer` and `app_icmp`.

mod ping;
mod text;
mod traceroute;

// Pure, clock-free protocol programs (issue 11/12 phase 1): they take `now` and
// messages and return what to send; devices drive them (docs/dhcp-dns.md,
// docs/tcp-http-nat.md).
pub mod dhcp;
pub mod dns;
pub mod http;

use crate::l3::{IcmpInfo, IpNode};
use crate::scenario::Command;
use crate::sim::ctx::Ctx;
use crate::sim::device::Timer;
use crate::time::SimTime;
use crate::trace::{EventKind, Name};
use smoltcp::wire::{Icmpv4Message, Icmpv4Packet, IpProtocol, Ipv4Packet};
use std::net::Ipv4Addr;

/// One scheduled command and its state.
pub(crate) struct App {
    pub(crate) label: Name,
    pub(crate) command: Command,
    /// Bumped to cancel the pending timer.
    pub(crate) timer_gen: u32,
    pub(crate) state: AppState,
}

pub(crate) enum AppState {
    NotStarted,
    Ping(Box<ping::Ping>),
    Trace(Box<traceroute::Traceroute>),
    /// `host`, `dig`, `getent hosts`: a resolver at work.
    Dns(Box<dns::node::DnsApp>),
    /// `curl [-v] URL`.
    Curl(Box<http::node::CurlApp>),
    Done,
}

impl App {
    pub(crate) fn new(label: Name, command: Command) -> App {
        App {
            label,
            command,
            timer_gen: 0,
            state: AppState::NotStarted,
        }
    }
}

impl IpNode {
    pub(crate) fn arm_app(&mut self, ctx: &mut Ctx, app: u32, at: SimTime) {
        let a = &mut self.apps[app as usize];
        a.timer_gen = a.timer_gen.wrapping_add(1);
        let gen = a.timer_gen;
        ctx.timer(at, self.dev, Timer::App { app, gen });
    }

    pub(crate) fn app_start(&mut self, ctx: &mut Ctx, app: u32) {
        let (label, command) = {
            let a = &self.apps[app as usize];
            (a.label.clone(), a.command.clone())
        };
        let device = ctx.id(self.dev);
        ctx.record(EventKind::CommandStarted { label, device });
        self.running.push(app);
        if let Some(name) = command.lookup() {
            let name = name.to_string();
            return self.lookup_then_start(ctx, app, name, command);
        }
        match command {
            Command::Ping {
                count,
                interval_ms,
                target,
                name: None,
                ..
            } => self.ping_start(ctx, app, count, interval_ms, target),
            Command::Traceroute {
                target,
                max_hops,
                queries,
                sim_queries,
                name: None,
                ..
            } => self.traceroute_start(ctx, app, target, max_hops, queries, sim_queries),
            Command::Ping { .. } | Command::Traceroute { .. } => {} // with a name: above
            Command::Ping6 { count, interval_ms, target, .. } => self.ping6_start(ctx, app, count, interval_ms, target),
            Command::Traceroute6 { target, max_hops, queries, sim_queries, .. } => {
                self.traceroute6_start(ctx, app, target, max_hops, queries, sim_queries)
            }
            Command::Dhclient { interface, release } => {
                match self.ifaces.iter().position(|f| f.name.as_str() == interface) {
                    Some(i) if release => self.dhcp_client_release(ctx, i as u32),
                    Some(i) => self.dhcp_client_start(ctx, i as u32),
                    // dhclient's discover_interfaces on an unknown name.
                    None => self.output_line(ctx, app, format!("Cannot find device \"{interface}\"")),
                }
                // dhclient goes to the background; the client keeps running on the interface.
                self.finish_app(app);
            }
            Command::Host { name } => self.dns_app_start(ctx, app, dns::resolver::Program::Host, name, false),
            Command::Dig { name, short } => {
                self.dns_app_start(ctx, app, dns::resolver::Program::Dig(crate::wire::dns::rtype::A), name, short)
            }
            Command::GetentHosts { name } => {
                self.dns_app_start(ctx, app, dns::resolver::Program::GetentHosts, name, false)
            }
            Command::Curl { url, verbose } => self.curl_start(ctx, app, url, verbose),
            // The simulation carries out configuration changes itself (sim/config.rs).
            Command::Config(_) => self.finish_app(app),
        }
    }

    pub(crate) fn app_timer(&mut self, ctx: &mut Ctx, app: u32, gen: u32) {
        if self.apps[app as usize].timer_gen != gen {
            return;
        }
        match self.apps[app as usize].state {
            AppState::Ping(_) => self.ping_tick(ctx, app),
            AppState::Trace(_) => self.traceroute_poll(ctx, app),
            AppState::Dns(_) => self.dns_app_timer(ctx, app),
            AppState::Curl(_) => self.curl_timer(ctx, app),
            _ => {}
        }
    }

    /// Gives an ICMP message to a running command; true if it was its own.
    pub(crate) fn app_icmp(&mut self, ctx: &mut Ctx, app: u32, info: &IcmpInfo) -> bool {
        match self.apps[app as usize].state {
            AppState::Ping(_) => self.ping_icmp(ctx, app, info),
            AppState::Trace(_) => self.traceroute_icmp(ctx, app, info),
            AppState::Dns(_) => self.dns_app_icmp(ctx, app, info),
            AppState::Curl(_) => self.curl_icmp(ctx, app, info),
            _ => false,
        }
    }

    pub(crate) fn finish_app(&mut self, app: u32) {
        let a = &mut self.apps[app as usize];
        a.state = AppState::Done;
        a.timer_gen = a.timer_gen.wrapping_add(1);
        self.running.retain(|&x| x != app);
    }

    /// The source address a program's `connect()` to `target` would get, or
    /// `None` for "Network is unreachable".
    pub(crate) fn connect_src(&self, target: Ipv4Addr) -> Option<Ipv4Addr> {
        if self.is_local(target) {
            Some(target)
        } else {
            self.route_probe(target).map(|h| h.src)
        }
    }

    fn output_line(&mut self, ctx: &mut Ctx, app: u32, line: String) {
        ctx.output_line(&self.apps[app as usize].label, line);
    }
}

/// The sequence number of our ICMPv6 echo request quoted in an ICMPv6 error.
fn echo6_in_quote(inner: &[u8], ident: u16) -> Option<u16> {
    let icmp = inner.get(40..48)?;
    if inner[6] != crate::frames6::NEXT_ICMPV6 || icmp[0] != crate::frames6::icmp6::ECHO_REQUEST {
        return None;
    }
    (u16::from_be_bytes([icmp[4], icmp[5]]) == ident).then(|| u16::from_be_bytes([icmp[6], icmp[7]]))
}

/// The sequence number of our echo request quoted in an ICMP error, if the
/// quoted datagram is an ICMP echo request with identifier `ident`.
/// The ports (source, destination) of the UDP datagram an ICMP error quotes.
fn udp_in_quote(inner: &[u8]) -> Option<(u16, u16)> {
    if inner.len() < 20 {
        return None;
    }
    let ip = Ipv4Packet::new_unchecked(inner);
    if ip.next_header() != IpProtocol::Udp {
        return None;
    }
    let udp = inner.get(ip.header_len() as usize..)?.get(..4)?;
    Some((u16::from_be_bytes([udp[0], udp[1]]), u16::from_be_bytes([udp[2], udp[3]])))
}

fn echo_in_quote(inner: &[u8], ident: u16) -> Option<u16> {
    // The quote is a header and 8 bytes, shorter than its total length says:
    // too short for `new_checked`, so the header's presence is checked here.
    if inner.len() < 20 {
        return None;
    }
    let ip = Ipv4Packet::new_unchecked(inner);
    if ip.next_header() != IpProtocol::Icmp {
        return None;
    }
    let icmp = Icmpv4Packet::new_checked(inner.get(ip.header_len() as usize..)?).ok()?;
    if icmp.msg_type() != Icmpv4Message::EchoRequest || icmp.echo_ident() != ident {
        return None;
    }
    Some(icmp.echo_seq_no())
}
