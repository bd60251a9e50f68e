//! A host's TCP: the socket table (listeners and connections), demultiplexing
//! of received segments, resets for closed ports, timers, and an `ss -tan`
//! view. The per-connection state machine is in [`conn`].
//!
//! How a device drives it (clock-free, like `l4::udp`):
//! - program calls: [`TcpTable::listen`], [`TcpTable::connect`],
//!   [`TcpTable::send`], [`TcpTable::recv`], [`TcpTable::close`], [`TcpTable::accept`];
//! - a TCP segment addressed to the host: [`TcpTable::on_segment`];
//! - at [`TcpTable::poll_at`]: [`TcpTable::on_timer`];
//! - after any of these: [`TcpTable::take_output`] gives the segments to put in
//!   IPv4 packets (protocol 6, DF set, TTL 64), [`TcpTable::take_events`] what
//!   programs must hear (connected, refused, readable, ...).

pub mod conn;
#[cfg(test)]
mod tests;

use crate::vec_map::VecMap;
use std::collections::VecDeque;
use std::net::Ipv4Addr;

use smoltcp::wire::{TcpOption, TcpPacket};

use crate::rng::Rng;
use crate::time::SimTime;
use crate::wire::tcp::{flags, Options, SegmentRepr};

pub use conn::{Conn, State};

/// A socket's handle in its host's table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SocketId(pub u32);

/// A segment to send: put `bytes` in an IPv4 packet `src → dst` with this IP id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutSegment {
    /// Source address.
    pub src: Ipv4Addr,
    /// Destination address.
    pub dst: Ipv4Addr,
    /// IP identification (a socket's counter, or 0 for SYN-ACKs and resets).
    pub ip_id: u16,
    /// The TCP segment, checksum filled.
    pub bytes: Vec<u8>,
}

/// What a program learns from its sockets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TcpEvent {
    /// connect() completed.
    Connected(SocketId),
    /// connect() got a reset: ECONNREFUSED.
    Refused(SocketId),
    /// Retransmissions ran out: ETIMEDOUT.
    TimedOut(SocketId),
    /// An ICMP destination unreachable aborted connect() (`tcp_v4_err` in
    /// SYN-SENT): the errno it maps to (`icmp_err_convert`).
    Unreachable(SocketId, IcmpErrno),
    /// The peer reset an open connection: ECONNRESET.
    Reset(SocketId),
    /// A handshake on a listener completed; `accept()` will return `conn`.
    Established {
        /// The listening socket.
        listener: SocketId,
        /// The new connection.
        conn: SocketId,
    },
    /// Data is waiting for recv().
    Readable(SocketId),
    /// The peer sent FIN (recv() returns 0 once the data is read).
    PeerClosed(SocketId),
    /// Both sides closed and our FIN was acknowledged (LAST-ACK → CLOSED).
    Closed(SocketId),
}

/// The errno an ICMP destination unreachable code maps to (`icmp_err_convert`,
/// net/ipv4/icmp.c), with the text `strerror` gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IcmpErrno {
    /// Code 0 (and 6, 9, 11): ENETUNREACH.
    NetUnreachable,
    /// Code 1 (and 7, 8, 10, 12, 14, 15): EHOSTUNREACH.
    HostUnreachable,
    /// Code 2: ENOPROTOOPT.
    ProtocolUnreachable,
    /// Code 3: ECONNREFUSED.
    PortUnreachable,
    /// Code 13: EHOSTUNREACH ("communication administratively prohibited").
    Prohibited,
    /// Codes 4 (fragmentation needed) and 5 (source route failed).
    Other(u8),
}

impl IcmpErrno {
    /// From the ICMP type 3 code.
    pub fn from_code(code: u8) -> IcmpErrno {
        match code {
            0 | 6 | 9 | 11 => IcmpErrno::NetUnreachable,
            1 | 7 | 8 | 10 | 12 | 14 | 15 => IcmpErrno::HostUnreachable,
            2 => IcmpErrno::ProtocolUnreachable,
            3 => IcmpErrno::PortUnreachable,
            13 => IcmpErrno::Prohibited,
            c => IcmpErrno::Other(c),
        }
    }

    /// glibc's `strerror` text.
    pub fn text(self) -> &'static str {
        match self {
            IcmpErrno::NetUnreachable => "Network is unreachable",
            IcmpErrno::HostUnreachable | IcmpErrno::Prohibited => "No route to host",
            IcmpErrno::ProtocolUnreachable => "Protocol not available",
            IcmpErrno::PortUnreachable => "Connection refused",
            IcmpErrno::Other(4) => "Message too long",
            IcmpErrno::Other(_) => "Connection timed out",
        }
    }
}

/// Why a socket call failed (the errno a program sees).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TcpError {
    /// EADDRINUSE.
    AddrInUse(u16),
    /// EADDRNOTAVAIL: no ephemeral port left.
    NoPortsLeft,
    /// EBADF / ENOTCONN.
    NoSuchSocket,
}

impl std::fmt::Display for TcpError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TcpError::AddrInUse(p) => write!(f, "TCP port {p} is already in use on this host"),
            TcpError::NoPortsLeft => write!(f, "no free TCP port left in 32768-60999"),
            TcpError::NoSuchSocket => write!(f, "no such TCP socket"),
        }
    }
}

/// A listening socket.
#[derive(Debug, Clone)]
pub struct Listener {
    /// Bound address (0.0.0.0 = all).
    pub addr: Ipv4Addr,
    /// Bound port.
    pub port: u16,
    /// listen() backlog: the accept queue holds at most backlog + 1
    /// (`sk_acceptq_is_full` is `>`), further SYNs are dropped.
    pub backlog: u32,
    /// Established connections waiting for accept().
    pub accept_queue: VecDeque<SocketId>,
}

#[derive(Debug, Clone)]
enum Sock {
    Listen(Listener),
    Conn(Box<Conn>),
}

/// One row of `ss -tan`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SsRow {
    /// State name (LISTEN, ESTAB, ...).
    pub state: &'static str,
    /// Recv-Q: unread bytes (listeners: accept queue length).
    pub recv_q: usize,
    /// Send-Q: unacknowledged bytes (listeners: the backlog).
    pub send_q: usize,
    /// Local address and port.
    pub local: (Ipv4Addr, u16),
    /// Peer (0.0.0.0:* for a listener).
    pub peer: Option<(Ipv4Addr, u16)>,
}

/// The TCP sockets of one host.
#[derive(Debug, Clone)]
pub struct TcpTable {
    socks: VecMap<SocketId, Sock>,
    next_id: u32,
    /// MSS advertised: the interface MTU − 40 (`tcp_mss_to_mtu` inverse; the
    /// route's advmss).
    advmss: u16,
    out: Vec<OutSegment>,
    events: Vec<TcpEvent>,
}

/// `net.ipv4.ip_local_port_range` default.
const PORT_LOW: u16 = 32768;
const PORT_HIGH: u16 = 60999;

impl TcpTable {
    /// An empty table for a host whose interface MTU is `mtu` (1500 on Ethernet).
    pub fn new(mtu: u16) -> TcpTable {
        TcpTable { socks: VecMap::new(), next_id: 0, advmss: mtu.saturating_sub(40), out: Vec::new(), events: Vec::new() }
    }

    fn insert(&mut self, s: Sock) -> SocketId {
        let id = SocketId(self.next_id);
        self.next_id += 1;
        self.socks.insert(id, s);
        id
    }

    fn port_used(&self, port: u16) -> bool {
        self.socks.values().any(|s| match s {
            Sock::Listen(l) => l.port == port,
            Sock::Conn(c) => c.local.1 == port,
        })
    }

    /// `listen(addr:port, backlog)`.
    pub fn listen(&mut self, addr: Ipv4Addr, port: u16, backlog: u32) -> Result<SocketId, TcpError> {
        if self.port_used(port) {
            return Err(TcpError::AddrInUse(port));
        }
        Ok(self.insert(Sock::Listen(Listener { addr, port, backlog, accept_queue: VecDeque::new() })))
    }

    /// `connect()` from `local` to `remote`: picks the port as
    /// `__inet_hash_connect` (net/ipv4/inet_hashtables.c) does since 4.6 —
    /// a random even offset in the range, stepping by 2 (connect prefers ports
    /// with the parity of the range's low end, bind(0) the other), then the odd
    /// ones; ISN and timestamp offset random (Linux: keyed hashes,
    /// `secure_tcp_seq` / `secure_tcp_ts_off`); the socket's IP id counter
    /// random (`tcp_v4_connect`). Sends the SYN.
    pub fn connect(&mut self, now: SimTime, local: Ipv4Addr, remote: (Ipv4Addr, u16), rng: &mut Rng) -> Result<SocketId, TcpError> {
        let span = u32::from(PORT_HIGH - PORT_LOW) + 1;
        let offset = (rng.below(u64::from(span)) as u32) & !1;
        let mut port = None;
        for parity in [0, 1] {
            for i in (0..span).step_by(2) {
                let p = PORT_LOW + ((offset + i) % span) as u16 + parity;
                if p <= PORT_HIGH && !self.port_used(p) {
                    port = Some(p);
                    break;
                }
            }
            if port.is_some() {
                break;
            }
        }
        let port = port.ok_or(TcpError::NoPortsLeft)?;
        let iss = rng.next_u64() as u32;
        let ts_off = rng.next_u64() as u32;
        let ip_id = rng.next_u16();
        let mut c = Conn::new((local, port), remote, self.advmss, iss, ts_off, ip_id, true);
        c.send_syn(now, &mut self.out);
        Ok(self.insert(Sock::Conn(Box::new(c))))
    }

    /// `accept()`: the oldest established connection of `listener`.
    pub fn accept(&mut self, listener: SocketId) -> Option<SocketId> {
        let id = match self.socks.get_mut(&listener)? {
            Sock::Listen(l) => l.accept_queue.pop_front()?,
            Sock::Conn(_) => return None,
        };
        if let Some(Sock::Conn(c)) = self.socks.get_mut(&id) {
            c.listener = None;
        }
        Some(id)
    }

    /// `send()`: queue `data` and transmit what the windows allow.
    pub fn send(&mut self, now: SimTime, id: SocketId, data: &[u8]) -> Result<(), TcpError> {
        match self.socks.get_mut(&id) {
            Some(Sock::Conn(c)) => {
                c.write(now, data, &mut self.out);
                Ok(())
            }
            _ => Err(TcpError::NoSuchSocket),
        }
    }

    /// `recv()`: everything received so far (empty when nothing is waiting).
    pub fn recv(&mut self, id: SocketId) -> Vec<u8> {
        match self.socks.get_mut(&id) {
            Some(Sock::Conn(c)) => c.take_received(),
            _ => Vec::new(),
        }
    }

    /// `close()`: a connection sends FIN after its data (a connection that never
    /// completed is just dropped); a listener goes away.
    pub fn close(&mut self, now: SimTime, id: SocketId) {
        match self.socks.get_mut(&id) {
            Some(Sock::Conn(c)) if matches!(c.state, State::Established | State::CloseWait) => c.close(now, &mut self.out),
            Some(Sock::Conn(c)) if matches!(c.state, State::SynSent | State::SynRecv) => {
                self.socks.remove(&id);
            }
            Some(Sock::Listen(_)) => {
                self.socks.remove(&id);
            }
            _ => {}
        }
    }

    /// A connection's state.
    pub fn state(&self, id: SocketId) -> Option<State> {
        match self.socks.get(&id)? {
            Sock::Conn(c) => Some(c.state),
            Sock::Listen(_) => None,
        }
    }

    /// A connection, for views and tests.
    pub fn conn(&self, id: SocketId) -> Option<&Conn> {
        match self.socks.get(&id)? {
            Sock::Conn(c) => Some(c),
            Sock::Listen(_) => None,
        }
    }

    /// Segments produced since the last call, in order.
    pub fn take_output(&mut self) -> Vec<OutSegment> {
        std::mem::take(&mut self.out)
    }

    /// Events since the last call, in order.
    pub fn take_events(&mut self) -> Vec<TcpEvent> {
        std::mem::take(&mut self.events)
    }

    /// The earliest timer of any socket.
    pub fn poll_at(&self) -> Option<SimTime> {
        self.socks
            .values()
            .filter_map(|s| match s {
                Sock::Conn(c) => c.poll_at(),
                Sock::Listen(_) => None,
            })
            .min()
    }

    /// Fire every timer due at `now` (retransmissions, delayed ACKs, TIME_WAIT
    /// expiry); closed connections leave the table.
    pub fn on_timer(&mut self, now: SimTime) {
        let ids: Vec<SocketId> = self.socks.keys().copied().collect();
        for id in ids {
            if let Some(Sock::Conn(c)) = self.socks.get_mut(&id) {
                if c.poll_at().is_some_and(|t| t <= now) && !c.on_timer(now, id, &mut self.out, &mut self.events) {
                    if c.state == State::Closed && c.listener.is_some() {
                        // A request socket that never completed vanishes silently.
                        self.events.retain(|e| *e != TcpEvent::TimedOut(id));
                    }
                    self.socks.remove(&id);
                }
            }
        }
    }

    /// A TCP segment `src → dst` (the IPv4 payload) reached this host.
    /// Bad checksums are dropped (`tcp_v4_rcv` → csum_error).
    pub fn on_segment(&mut self, now: SimTime, src: Ipv4Addr, dst: Ipv4Addr, bytes: &[u8], rng: &mut Rng) {
        let Some(seg) = parse(src, dst, bytes) else { return };
        let (sport, dport) = (seg.1, seg.2);
        let seg = seg.0;
        let conn = self.socks.iter().find_map(|(id, s)| match s {
            Sock::Conn(c) if c.local == (dst, dport) && c.remote == (src, sport) && c.state != State::Closed => Some(*id),
            _ => None,
        });
        if let Some(id) = conn {
            let Some(Sock::Conn(c)) = self.socks.get_mut(&id) else { return };
            let reset = c.on_segment(now, &seg, id, &mut self.out, &mut self.events);
            let (state, listener) = (c.state, c.listener);
            if reset {
                self.reset_for(dst, src, dport, sport, &seg);
            }
            if let (State::Established, Some(l)) = (state, listener) {
                if self.events.contains(&TcpEvent::Established { listener: l, conn: id }) {
                    if let Some(Sock::Listen(ls)) = self.socks.get_mut(&l) {
                        ls.accept_queue.push_back(id);
                    }
                }
            }
            if state == State::Closed {
                self.socks.remove(&id);
            }
            return;
        }
        let listener = self.socks.iter().find_map(|(id, s)| match s {
            Sock::Listen(l) if l.port == dport && (l.addr == dst || l.addr.is_unspecified()) => Some(*id),
            _ => None,
        });
        match listener {
            Some(lid) if seg.flags & (flags::SYN | flags::ACK | flags::RST) == flags::SYN => {
                let Some(Sock::Listen(l)) = self.socks.get(&lid) else { return };
                // tcp_conn_request: a full accept queue drops the SYN
                // (LINUX_MIB_LISTENOVERFLOWS); the client retransmits.
                let pending = self
                    .socks
                    .values()
                    .filter(|s| matches!(s, Sock::Conn(c) if c.listener == Some(lid)))
                    .count();
                if pending as u32 > l.backlog {
                    return;
                }
                let iss = rng.next_u64() as u32;
                let ts_off = rng.next_u64() as u32;
                // tcp_v4_syn_recv_sock: newinet->inet_id = get_random_u16().
                let ip_id = rng.next_u16();
                let mut c = Conn::new((dst, dport), (src, sport), self.advmss, iss, ts_off, ip_id, false);
                c.listener = Some(lid);
                c.accept_syn(&seg);
                c.send_syn(now, &mut self.out);
                self.insert(Sock::Conn(Box::new(c)));
            }
            Some(_) if seg.flags & flags::RST == 0 && seg.flags & flags::ACK != 0 => {
                // An ACK for no request socket: reset (tcp_v4_do_rcv → tcp_v4_send_reset).
                self.reset_for(dst, src, dport, sport, &seg);
            }
            Some(_) => {}
            None => self.reset_for(dst, src, dport, sport, &seg),
        }
    }

    /// An ICMP destination unreachable (type 3, `code`) quoting `quoted` (the
    /// IPv4 header and at least 8 bytes of a segment this host sent).
    /// `tcp_v4_err`: the quoted sequence number must lie in snd_una..=snd_nxt;
    /// in SYN-SENT (and for a request socket in SYN-RECV) the connection is
    /// aborted with the mapped errno at once; on an open connection it is only
    /// a soft error (not modelled further: retransmissions go on). Fragmentation
    /// needed (code 4) is path-MTU discovery, not modelled.
    pub fn on_icmp_unreachable(&mut self, code: u8, quoted: &[u8]) {
        if quoted.len() < 28 || quoted[0] >> 4 != 4 || quoted[9] != 6 || code == 4 {
            return;
        }
        let hl = usize::from(quoted[0] & 0x0f) * 4;
        if quoted.len() < hl + 8 {
            return;
        }
        let a = |at: usize| Ipv4Addr::new(quoted[at], quoted[at + 1], quoted[at + 2], quoted[at + 3]);
        let (src, dst) = (a(12), a(16));
        let t = &quoted[hl..];
        let sport = u16::from_be_bytes([t[0], t[1]]);
        let dport = u16::from_be_bytes([t[2], t[3]]);
        let seq = u32::from_be_bytes([t[4], t[5], t[6], t[7]]);
        let found = self.socks.iter().find_map(|(id, s)| match s {
            Sock::Conn(c) if c.local == (src, sport) && c.remote == (dst, dport) => Some((*id, c.state, c.in_flight(seq))),
            _ => None,
        });
        let Some((id, state, ok)) = found else { return };
        if !ok {
            return; // LINUX_MIB_OUTOFWINDOWICMPS
        }
        if matches!(state, State::SynSent | State::SynRecv) {
            let silent = matches!(self.socks.get(&id), Some(Sock::Conn(c)) if c.listener.is_some());
            self.socks.remove(&id);
            if !silent {
                self.events.push(TcpEvent::Unreachable(id, IcmpErrno::from_code(code)));
            }
        }
    }

    /// `tcp_v4_send_reset` (net/ipv4/tcp_ipv4.c): never in answer to a reset;
    /// if the segment had ACK, RST with seq = its ack; otherwise RST|ACK with
    /// seq 0 and ack = its seq + SYN + FIN + length. Window 0, no options.
    fn reset_for(&mut self, local: Ipv4Addr, remote: Ipv4Addr, lport: u16, rport: u16, seg: &conn::Seg) {
        if seg.flags & flags::RST != 0 {
            return;
        }
        let (seq, ack, fl) = if seg.flags & flags::ACK != 0 {
            (seg.ack, 0, flags::RST)
        } else {
            let len = seg.payload.len() as u32 + u32::from(seg.flags & flags::SYN != 0) + u32::from(seg.flags & flags::FIN != 0);
            (0, seg.seq.wrapping_add(len), flags::RST | flags::ACK)
        };
        let repr = SegmentRepr { src_port: lport, dst_port: rport, seq, ack, flags: fl, window: 0, options: Options::default() };
        self.out.push(OutSegment { src: local, dst: remote, ip_id: 0, bytes: repr.build(local, remote, &[]) });
    }

    /// The rows of `ss -tan`: listeners first as `ss` lists them, then
    /// connections in creation order.
    pub fn ss(&self) -> Vec<SsRow> {
        let mut rows = Vec::new();
        for s in self.socks.values() {
            if let Sock::Listen(l) = s {
                rows.push(SsRow { state: "LISTEN", recv_q: l.accept_queue.len(), send_q: l.backlog as usize, local: (l.addr, l.port), peer: None });
            }
        }
        for s in self.socks.values() {
            if let Sock::Conn(c) = s {
                rows.push(SsRow { state: c.state.ss_name(), recv_q: c.recv_buf.len(), send_q: c.send_q(), local: c.local, peer: Some(c.remote) });
            }
        }
        rows
    }

    /// Every socket with its handle and `ss` row, in handle (creation) order:
    /// what the device's trace compares before and after each call.
    pub fn socket_rows(&self) -> Vec<(SocketId, SsRow)> {
        self.socks
            .iter()
            .map(|(id, s)| {
                let row = match s {
                    Sock::Listen(l) => SsRow { state: "LISTEN", recv_q: l.accept_queue.len(), send_q: l.backlog as usize, local: (l.addr, l.port), peer: None },
                    Sock::Conn(c) => SsRow { state: c.state.ss_name(), recv_q: c.recv_buf.len(), send_q: c.send_q(), local: c.local, peer: Some(c.remote) },
                };
                (*id, row)
            })
            .collect()
    }

    /// `ss -tan` as text.
    pub fn ss_text(&self) -> String {
        let mut s = format!("{:<11}{:<7}{:<7}{:<23}{}\n", "State", "Recv-Q", "Send-Q", "Local Address:Port", "Peer Address:Port");
        for r in self.ss() {
            let local = format!("{}:{}", r.local.0, r.local.1);
            let peer = r.peer.map_or("0.0.0.0:*".to_string(), |(a, p)| format!("{a}:{p}"));
            s.push_str(&format!("{:<11}{:<7}{:<7}{:<23}{}\n", r.state, r.recv_q, r.send_q, local, peer));
        }
        s
    }
}

/// Read a received segment: (fields, source port, destination port), or
/// `None` when it is too short, its header length is wrong or its checksum bad.
fn parse<'a>(src: Ipv4Addr, dst: Ipv4Addr, bytes: &'a [u8]) -> Option<(conn::Seg<'a>, u16, u16)> {
    let p = TcpPacket::new_checked(bytes).ok()?;
    if !p.verify_checksum(&src.into(), &dst.into()) {
        return None;
    }
    let mut opts = Options::default();
    let mut o = p.options();
    while !o.is_empty() {
        let Ok((rest, opt)) = TcpOption::parse(o) else { break };
        match opt {
            TcpOption::EndOfList => break,
            TcpOption::MaxSegmentSize(m) => opts.mss = Some(m),
            TcpOption::WindowScale(w) => opts.window_scale = Some(w),
            TcpOption::SackPermitted => opts.sack_permitted = true,
            TcpOption::TimeStamp { tsval, tsecr } => opts.timestamps = Some((tsval, tsecr)),
            TcpOption::SackRange(blocks) => opts.sack.extend(blocks.iter().flatten().copied()),
            _ => {}
        }
        o = rest;
    }
    let raw = u16::from_be_bytes([bytes[12], bytes[13]]) & 0x1ff;
    let seg = conn::Seg {
        seq: p.seq_number().0 as u32,
        ack: p.ack_number().0 as u32,
        flags: raw,
        window: p.window_len(),
        opts,
        payload: &bytes[p.header_len() as usize..],
    };
    Some((seg, p.src_port(), p.dst_port()))
}
