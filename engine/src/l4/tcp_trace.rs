//! What the trace records about a host's TCP: each socket's state changes
//! (the `ss -tan` rows the UI replays), retransmissions (a segment whose
//! sequence range was sent before) and resets for closed ports. The pure
//! table knows nothing of the trace; this file compares what it looks like
//! after each call with what was last recorded.

use crate::l3::IpNode;
use crate::l4::tcp::conn::after;
use crate::l4::tcp::{OutSegment, SocketId, TcpEvent};
use crate::sim::ctx::Ctx;
use crate::time::SimTime;
use crate::trace::{EventKind, Retransmitted, Retry, SocketEnds, SocketState, TcpEnd};
use crate::wire::tcp::flags;
use crate::vec_map::VecMap;
use std::net::SocketAddrV4;

/// The sockets as last recorded, and what each connection has sent.
#[derive(Default)]
pub(crate) struct Seen {
    socks: VecMap<SocketId, Row>,
    /// (local, peer) → the highest sequence number sent and when each
    /// sequence start was last sent.
    sent: VecMap<(SocketAddrV4, SocketAddrV4), Sent>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
struct Row {
    state: SocketState,
    local: SocketAddrV4,
    peer: Option<SocketAddrV4>,
}

struct Sent {
    high: u32,
    times: VecMap<u32, SimTime>,
}

/// Sequence starts remembered per connection (a lab's pages are small).
const MAX_TIMES: usize = 4096;

impl IpNode {
    /// Records every socket that appeared, changed state or went away since
    /// the last call; `events` (the table's, this round) say why one ended.
    pub(super) fn tcp_observe_sockets(&mut self, ctx: &mut Ctx, events: &[TcpEvent]) {
        let mut now_rows = VecMap::new();
        for (id, r) in self.tcp.table.socket_rows() {
            if let Some(state) = SocketState::from_name(r.state) {
                let local = SocketAddrV4::new(r.local.0, r.local.1);
                let peer = r.peer.map(|(a, p)| SocketAddrV4::new(a, p));
                now_rows.insert(id, Row { state, local, peer });
            }
        }
        if now_rows == self.tcp.seen.socks {
            return;
        }
        let device = ctx.id(self.dev);
        // Every socket in either map, in id order (a map of the same type as
        // these two rather than a new VecSet<SocketId>: less wasm, issue 15).
        let mut all = now_rows.clone();
        for (id, row) in &self.tcp.seen.socks {
            if !all.contains_key(id) {
                all.insert(*id, *row);
            }
        }
        for &id in all.keys() {
            let (old, new) = (self.tcp.seen.socks.get(&id), now_rows.get(&id));
            if old == new {
                continue;
            }
            let Some(row) = new.or(old).copied() else { continue };
            let end = if new.is_none() {
                events.iter().find_map(|e| match *e {
                    TcpEvent::Refused(s) if s == id => Some(TcpEnd::Refused),
                    TcpEvent::TimedOut(s) if s == id => Some(TcpEnd::TimedOut),
                    TcpEvent::Reset(s) if s == id => Some(TcpEnd::Reset),
                    TcpEvent::Unreachable(s, e) if s == id => Some(TcpEnd::Unreachable { code: errno_code(e) }),
                    _ => None,
                })
            } else {
                None
            };
            ctx.record(EventKind::TcpSocket {
                device: device.clone(),
                ends: Box::new(SocketEnds { local: row.local, peer: row.peer }),
                old: old.map(|r| r.state),
                new: new.map(|r| r.state),
                end,
            });
            if new.is_none() {
                if let Some(peer) = row.peer {
                    self.tcp.seen.sent.remove(&(row.local, peer));
                }
            }
        }
        self.tcp.seen.socks = now_rows;
    }

    /// A segment about to leave: a reset, or a retransmission of a sequence
    /// range sent before, gets its trace event.
    pub(super) fn tcp_observe_output(&mut self, ctx: &mut Ctx, seg: &OutSegment) {
        let b = &seg.bytes;
        if b.len() < 20 {
            return;
        }
        let sport = u16::from_be_bytes([b[0], b[1]]);
        let dport = u16::from_be_bytes([b[2], b[3]]);
        let seq = u32::from_be_bytes([b[4], b[5], b[6], b[7]]);
        let fl = u16::from_be_bytes([b[12], b[13]]) & 0x1ff;
        let data = b.len().saturating_sub(usize::from(b[12] >> 4) * 4) as u32;
        let local = SocketAddrV4::new(seg.src, sport);
        let peer = SocketAddrV4::new(seg.dst, dport);
        if fl & flags::RST != 0 {
            let closed_port = !self
                .tcp
                .seen
                .socks
                .values()
                .any(|r| r.state == SocketState::Listen && r.local.port() == sport);
            let device = ctx.id(self.dev);
            ctx.record(EventKind::TcpResetSent { device, local, peer, closed_port });
            return;
        }
        let len = data + u32::from(fl & flags::SYN != 0) + u32::from(fl & flags::FIN != 0);
        if len == 0 {
            return;
        }
        let end = seq.wrapping_add(len);
        let now = ctx.now;
        let sent = self
            .tcp
            .seen
            .sent
            .entry((local, peer))
            .or_insert_with(|| Sent { high: seq, times: VecMap::new() });
        let again = !sent.times.is_empty() && !after(end, sent.high);
        let previous = sent.times.insert(seq, now);
        if sent.times.len() > MAX_TIMES {
            sent.times.pop_first();
        }
        if !again {
            sent.high = end;
            return;
        }
        let what = if fl & flags::SYN != 0 {
            if fl & flags::ACK != 0 {
                Retransmitted::SynAck
            } else {
                Retransmitted::Syn
            }
        } else if data > 0 {
            Retransmitted::Data { bytes: data }
        } else {
            Retransmitted::Fin
        };
        let device = ctx.id(self.dev);
        let after = now.saturating_sub(previous.unwrap_or(now));
        ctx.record(EventKind::TcpRetransmit { device, retry: Box::new(Retry { local, peer, what, after }) });
    }
}

/// The ICMP code an errno came from (for the trace: the sentence names it).
fn errno_code(e: crate::l4::tcp::IcmpErrno) -> u8 {
    use crate::l4::tcp::IcmpErrno as E;
    match e {
        E::NetUnreachable => 0,
        E::HostUnreachable => 1,
        E::ProtocolUnreachable => 2,
        E::PortUnreachable => 3,
        E::Prohibited => 13,
        E::Other(c) => c,
    }
}
