//! TCP on a host or router: the glue between the IPv4 stack and the pure
//! socket table in `tcp/` (one [`TcpTable`] per [`IpNode`], like `node.rs`
//! for UDP). Segments for this host's addresses go to the table
//! (`tcp_v4_rcv`); what the table sends leaves in IPv4 with DF set, TTL 64
//! and the ident the table chose (`OutSegment::ip_id`: the socket's counter,
//! 0 for SYN-ACKs and resets); its timers run on the device's `Timer::Tcp`;
//! an ICMP destination unreachable quoting one of its segments reaches
//! `tcp_v4_err` (`TcpTable::on_icmp_unreachable`). A segment to a closed port
//! is answered by the table itself with RST|ACK (`tcp_v4_send_reset`).
//!
//! After every call into the table, [`IpNode::tcp_flush`] sends its output,
//! hands its events to the programs (the web server, curl), records what
//! changed in the trace (`tcp_trace.rs`) and re-arms the timer.

use crate::frames::{self, Ipv4Header};
use crate::l3::IpNode;
use crate::l4::tcp::{TcpEvent, TcpTable};
use crate::sim::ctx::Ctx;
use crate::sim::device::Timer;
use crate::time::SimTime;
use smoltcp::wire::{IpProtocol, Ipv4Packet};

/// The interface MTU every Ethernet port of the lab has: the SYN's MSS is 1460.
pub(crate) const ETHERNET_MTU: u16 = 1500;

/// A host's TCP: the table, its timer, and what the trace has seen of it.
pub(crate) struct TcpSlot {
    pub(crate) table: TcpTable,
    /// Bumped to cancel the pending timer.
    gen: u32,
    /// When the pending timer fires.
    armed: Option<SimTime>,
    /// The sockets as the trace last recorded them (`tcp_trace.rs`).
    pub(crate) seen: super::tcp_trace::Seen,
}

impl TcpSlot {
    pub(crate) fn new() -> TcpSlot {
        TcpSlot {
            table: TcpTable::new(ETHERNET_MTU),
            gen: 0,
            armed: None,
            seen: Default::default(),
        }
    }
}

impl IpNode {
    /// A TCP segment for one of this device's addresses (`local_deliver`,
    /// protocol 6). The table checks the checksum and drops a bad one.
    pub(crate) fn tcp_input(&mut self, ctx: &mut Ctx, datagram: &[u8]) {
        let Ok(ip) = Ipv4Packet::new_checked(datagram) else {
            return;
        };
        let (src, dst) = (ip.src_addr(), ip.dst_addr());
        let hl = ip.header_len() as usize;
        let Some(segment) = datagram.get(hl..ip.total_len() as usize) else {
            return;
        };
        // tcp_conn_request: a SYN whose answer has no route back is dropped
        // before any request socket exists (`route_req` fails → drop_and_free);
        // the client's retransmissions meet the same fate.
        let syn = segment.get(13).is_some_and(|f| f & 0x12 == 0x02);
        if syn && !self.is_local(src) && self.route_probe(src).is_none() {
            let device = ctx.id(self.dev);
            ctx.record(crate::trace::EventKind::PacketDropped {
                device,
                reason: crate::trace::DropReason::NoRouteBack,
                bytes: datagram.into(),
            });
            return;
        }
        let now = ctx.now;
        self.tcp.table.on_segment(now, src, dst, segment, &mut ctx.rng);
        self.tcp_flush(ctx);
    }

    /// An ICMP destination unreachable whose quote is a TCP segment from this
    /// host: `tcp_v4_err`. True when the quote is TCP (the sockets own it).
    pub(crate) fn tcp_icmp_error(&mut self, ctx: &mut Ctx, icmp_type: u8, code: u8, quoted: &[u8]) -> bool {
        if icmp_type != 3 || quoted.len() < 20 || quoted[9] != 6 {
            return false;
        }
        self.tcp.table.on_icmp_unreachable(code, quoted);
        self.tcp_flush(ctx);
        true
    }

    /// The table's timer went off.
    pub(crate) fn tcp_timer(&mut self, ctx: &mut Ctx, gen: u32) {
        if gen != self.tcp.gen {
            return;
        }
        self.tcp.armed = None;
        let now = ctx.now;
        self.tcp.table.on_timer(now);
        self.tcp_flush(ctx);
    }

    /// After any call into the table: record what changed, send its
    /// segments, give its events to the programs (which may call the table
    /// again), until nothing is left; then arm the timer.
    pub(crate) fn tcp_flush(&mut self, ctx: &mut Ctx) {
        // Bounded: each round answers events the previous one produced, and a
        // program reacts to an event at most once (a few rounds in practice).
        for _ in 0..64 {
            let out = self.tcp.table.take_output();
            let events = self.tcp.table.take_events();
            self.tcp_observe_sockets(ctx, &events);
            for seg in &out {
                self.tcp_observe_output(ctx, seg);
                let h = Ipv4Header {
                    tos: 0,
                    ident: seg.ip_id,
                    // Linux sets DF on TCP (ip_dont_fragment with PMTU discovery on).
                    dont_frag: true,
                    ttl: frames::DEFAULT_TTL,
                    protocol: IpProtocol::Tcp,
                    src: seg.src,
                    dst: seg.dst,
                };
                self.ip_local_out(ctx, frames::ipv4_datagram(&h, &seg.bytes));
            }
            if out.is_empty() && events.is_empty() {
                break;
            }
            for ev in events {
                self.tcp_event(ctx, ev);
            }
        }
        let at = self.tcp.table.poll_at();
        if at != self.tcp.armed {
            self.tcp.gen = self.tcp.gen.wrapping_add(1);
            self.tcp.armed = at;
            if let Some(at) = at {
                let gen = self.tcp.gen;
                ctx.timer(at.max(ctx.now), self.dev, Timer::Tcp { gen });
            }
        }
    }

    /// One table event to whichever program owns the socket: the web server
    /// (its listener and accepted connections) and every running curl (each
    /// ignores sockets that are not its own).
    fn tcp_event(&mut self, ctx: &mut Ctx, ev: TcpEvent) {
        self.web_tcp_event(ctx, ev);
        for app in self.running.clone() {
            self.curl_tcp_event(ctx, app, ev);
        }
    }
}
