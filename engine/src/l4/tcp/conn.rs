//! One TCP connection's state machine (RFC 9293 §3.10) with Linux 6.x's
//! choices: options and windows in the SYN, quickack/delayed ACK, RTO
//! estimation and exponential backoff, FIN handling per state.
//!
//! Clock-free: every entry point takes `now`; segments to send are pushed to
//! the caller's outbox. Sequence arithmetic is modulo 2^32 (`wrapping_*`,
//! comparisons through [`after`]). Segment arrival is in `conn/input.rs`,
//! loss recovery and timers in `conn/recovery.rs`.

use std::net::Ipv4Addr;

use crate::time::SimTime;
use crate::wire::tcp::{flags, Options, SegmentRepr};

use super::{OutSegment, TcpEvent, SocketId};

mod input;
mod recovery;

/// `TCP_TIMEOUT_INIT` (include/net/tcp.h): 1 s before the first retransmission.
pub const RTO_INIT: SimTime = SimTime::from_secs(1);
/// `TCP_RTO_MIN`: 200 ms floor of the retransmission timeout.
pub const RTO_MIN_US: u64 = 200_000;
/// `TCP_RTO_MAX`: 120 s ceiling of the backed-off timeout.
pub const RTO_MAX: SimTime = SimTime::from_secs(120);
/// `net.ipv4.tcp_syn_retries` default: 6 (exponential) SYN retransmissions.
pub const SYN_RETRIES: u32 = 6;
/// `net.ipv4.tcp_syn_linear_timeouts` (Linux ≥ 6.5, commit ccce324dabfe "tcp:
/// make the first N SYN RTO backoffs linear", default 4): the first 4 SYN
/// retransmissions keep the 1 s RTO, and `tcp_write_timeout` allows
/// syn_retries + 4 of them. SYNs leave at 0,1,2,3,4,5,7,11,19,35,67 s and
/// connect() fails with ETIMEDOUT at 131 s (127 s on kernels before 6.5).
pub const SYN_LINEAR_TIMEOUTS: u32 = 4;
/// `net.ipv4.tcp_synack_retries` default.
pub const SYNACK_RETRIES: u32 = 5;
/// `net.ipv4.tcp_retries2` default.
pub const DATA_RETRIES: u32 = 15;
/// `TCP_TIMEWAIT_LEN`: 60 s in TIME_WAIT.
pub const TIME_WAIT: SimTime = SimTime::from_secs(60);
/// `TCP_DELACK_MIN` / `TCP_ATO_MIN` (HZ/25): the delayed-ACK timer.
pub const DELACK: SimTime = SimTime::from_millis(40);
/// `TCP_MAX_QUICKACKS`.
pub const MAX_QUICKACKS: u32 = 16;
/// `TCP_INIT_CWND` (RFC 6928).
pub const INIT_CWND: u32 = 10;
/// Window scale Linux advertises with the default tcp_rmem (6291456 max):
/// `tcp_select_initial_window` shifts until the max space fits 16 bits → 7.
pub const WSCALE: u8 = 7;
/// `net.ipv4.tcp_rmem` default (initial receive buffer).
const RCVBUF: u32 = 131072;
/// Per-skb memory beyond the payload counted in `sk_rmem_alloc` (struct
/// sk_buff + skb_shared_info, roughly; `SKB_TRUESIZE`).
const SKB_TRUESIZE_OVERHEAD: u32 = 768;
/// Bytes of the timestamp option in every non-SYN segment (`TCPOLEN_TSTAMP_ALIGNED`).
const TS_LEN: u16 = 12;

/// TCP states, named as `ss` prints them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum State {
    /// SYN sent, waiting for SYN-ACK.
    SynSent,
    /// SYN received, SYN-ACK sent (a request socket until the final ACK).
    SynRecv,
    /// Open in both directions.
    Established,
    /// We sent FIN, not yet acknowledged.
    FinWait1,
    /// Our FIN acknowledged; waiting for the peer's.
    FinWait2,
    /// The peer sent FIN; we have not closed.
    CloseWait,
    /// Both sent FIN at once; ours not yet acknowledged.
    Closing,
    /// We closed after the peer; waiting for the ACK of our FIN.
    LastAck,
    /// Both FINs acknowledged; waiting 60 s for strays.
    TimeWait,
    /// Gone.
    Closed,
}

impl State {
    /// The name `ss -tan` prints.
    pub fn ss_name(self) -> &'static str {
        match self {
            State::SynSent => "SYN-SENT",
            State::SynRecv => "SYN-RECV",
            State::Established => "ESTAB",
            State::FinWait1 => "FIN-WAIT-1",
            State::FinWait2 => "FIN-WAIT-2",
            State::CloseWait => "CLOSE-WAIT",
            State::Closing => "CLOSING",
            State::LastAck => "LAST-ACK",
            State::TimeWait => "TIME-WAIT",
            State::Closed => "CLOSED",
        }
    }
}

/// `after(a, b)`: a is later than b in sequence space (include/net/tcp.h).
pub fn after(a: u32, b: u32) -> bool {
    (b.wrapping_sub(a) as i32) < 0
}

/// The window of a SYN or SYN-ACK. `tcp_select_initial_window` takes the
/// space `tcp_win_from_space(tcp_rmem[1] = 131072)` = 65536, rounds it down to
/// the MSS, and the SYN carries at most 65535 (unscaled). The client rounds to
/// its advertised MSS (1460 → 64240), the server to the MSS less timestamps
/// (1448 → 65160).
pub fn syn_window(mss: u16) -> u32 {
    let space = 65536u32;
    (space / u32::from(mss.max(1)) * u32::from(mss.max(1))).min(65535)
}

/// A connection.
#[derive(Debug, Clone)]
pub struct Conn {
    /// Our address and port.
    pub local: (Ipv4Addr, u16),
    /// The peer's.
    pub remote: (Ipv4Addr, u16),
    /// Current state.
    pub state: State,
    /// The listener this connection came from, until accepted.
    pub listener: Option<SocketId>,
    /// True for the side that called connect().
    active: bool,
    iss: u32,
    snd_una: u32,
    snd_nxt: u32,
    /// Peer's window in bytes (already scaled).
    snd_wnd: u32,
    snd_wscale: u8,
    irs: u32,
    rcv_nxt: u32,
    /// The window we offer in bytes.
    rcv_wnd: u32,
    /// Our advertised MSS (MTU − 40).
    advmss: u16,
    /// Peer's MSS from its SYN (536 without the option, RFC 9293 §3.7.1).
    peer_mss: u16,
    ts_offset: u32,
    ts_recent: u32,
    ts_ok: bool,
    sack_ok: bool,
    /// Bytes written and not yet acknowledged; index 0 is `snd_una` (after the SYN).
    send_buf: Vec<u8>,
    /// close() was called: a FIN follows the data.
    fin_queued: bool,
    /// The FIN is in flight (cleared when everything is retransmitted).
    fin_sent: bool,
    /// The peer offered window scaling, so both directions scale.
    ws_ok: bool,
    /// Received, not yet read by the application.
    pub recv_buf: Vec<u8>,
    /// How many segments `recv_buf` was filled from (their skbs' overhead counts).
    recv_segs: u32,
    /// The window last advertised (bytes) and rcv_nxt at that moment
    /// (`tp->rcv_wnd`, `tp->rcv_wup`): the right edge never moves left.
    adv_wnd: u32,
    rcv_wup: u32,
    /// Data received beyond a hole (`out_of_order_queue`), by sequence number.
    ooo: crate::vec_map::VecMap<u32, Vec<u8>>,
    /// A FIN received beyond a hole: its sequence number.
    ooo_fin: Option<u32>,
    /// Sequence number of the latest out-of-order arrival (its SACK block goes first, RFC 2018 §4).
    last_ooo: Option<u32>,
    /// A D-SACK block (RFC 2883) for the next ACK: a duplicate we received.
    dsack: Option<(u32, u32)>,
    /// Ranges the peer has SACKed above snd_una: not resent after an RTO.
    sacked: Vec<(u32, u32)>,
    /// The highest snd_nxt reached (retransmissions go below it).
    high_sent: u32,
    /// Smallest RTT sample (µs): RACK's reordering window is a quarter of it.
    min_rtt_us: u64,
    /// RACK reordering timer (`ICSK_TIME_REO_TIMEOUT`): holes below SACKed data
    /// are retransmitted when it fires.
    reo_at: Option<SimTime>,
    /// The peer's FIN arrived.
    pub peer_fin: bool,
    cwnd: u32,
    /// Retransmission timer deadline.
    rto_at: Option<SimTime>,
    /// Tail loss probe deadline (`ICSK_TIME_LOSS_PROBE`), never after `rto_at`.
    tlp_at: Option<SimTime>,
    /// snd_nxt when a probe was sent; no new probe until it is acknowledged.
    tlp_high_seq: Option<u32>,
    /// snd_nxt at the last RTO: in TCP_CA_Loss (no probes) until acknowledged.
    loss_high: Option<u32>,
    rto: SimTime,
    retransmits: u32,
    srtt_us: u64,
    mdev_us: u64,
    mdev_max_us: u64,
    rttvar_us: u64,
    rtt_seq: u32,
    /// (end seq, send time) of the segment being timed; cleared on retransmission (Karn).
    rtt_probe: Option<(u32, SimTime)>,
    /// Delayed-ACK timer deadline.
    delack_at: Option<SimTime>,
    ack_pending: bool,
    quick: u32,
    pingpong: bool,
    /// `icsk_ack.ato`: 0 until the first data segment.
    ato_set: bool,
    last_rcv: SimTime,
    /// Bytes received since the last ACK we sent.
    unacked_rcv: u32,
    /// TIME_WAIT expiry.
    pub(super) tw_until: Option<SimTime>,
    ip_id: u16,
}

/// The fields of a received segment that the state machine reads.
#[derive(Debug, Clone)]
pub struct Seg<'a> {
    /// Sequence number.
    pub seq: u32,
    /// Acknowledgement number.
    pub ack: u32,
    /// Flag bits.
    pub flags: u16,
    /// Window field (unscaled).
    pub window: u16,
    /// Options found.
    pub opts: Options,
    /// Payload.
    pub payload: &'a [u8],
}

impl Seg<'_> {
    fn has(&self, f: u16) -> bool {
        self.flags & f != 0
    }
}

impl Conn {
    /// A connection about to send its SYN (connect) or SYN-ACK (from a listener).
    #[allow(clippy::too_many_arguments)]
    pub(super) fn new(
        local: (Ipv4Addr, u16),
        remote: (Ipv4Addr, u16),
        advmss: u16,
        iss: u32,
        ts_offset: u32,
        ip_id: u16,
        active: bool,
    ) -> Conn {
        Conn {
            local,
            remote,
            state: if active { State::SynSent } else { State::SynRecv },
            listener: None,
            active,
            iss,
            snd_una: iss,
            snd_nxt: iss.wrapping_add(1),
            snd_wnd: 0,
            snd_wscale: 0,
            irs: 0,
            rcv_nxt: 0,
            rcv_wnd: 0,
            advmss,
            peer_mss: 536,
            ts_offset,
            ts_recent: 0,
            ts_ok: false,
            sack_ok: false,
            send_buf: Vec::new(),
            fin_queued: false,
            fin_sent: false,
            ws_ok: active,
            recv_buf: Vec::new(),
            recv_segs: 0,
            adv_wnd: 0,
            rcv_wup: 0,
            ooo: crate::vec_map::VecMap::new(),
            ooo_fin: None,
            last_ooo: None,
            dsack: None,
            sacked: Vec::new(),
            high_sent: iss.wrapping_add(1),
            min_rtt_us: u64::MAX,
            reo_at: None,
            peer_fin: false,
            cwnd: INIT_CWND,
            rto_at: None,
            tlp_at: None,
            tlp_high_seq: None,
            loss_high: None,
            rto: RTO_INIT,
            retransmits: 0,
            srtt_us: 0,
            mdev_us: 0,
            mdev_max_us: 0,
            rttvar_us: 0,
            rtt_seq: 0,
            rtt_probe: None,
            delack_at: None,
            ack_pending: false,
            quick: 0,
            pingpong: false,
            ato_set: false,
            last_rcv: SimTime::ZERO,
            unacked_rcv: 0,
            tw_until: None,
            ip_id,
        }
    }

    /// What the application reads: everything received in order so far.
    pub fn take_received(&mut self) -> Vec<u8> {
        self.recv_segs = 0;
        std::mem::take(&mut self.recv_buf)
    }

    /// Bytes queued to send and not yet acknowledged (`ss` Send-Q).
    pub fn send_q(&self) -> usize {
        self.send_buf.len()
    }

    /// The smoothed RTT estimate and current RTO, for `ss -i`-style views.
    pub fn rtt(&self) -> (SimTime, SimTime) {
        (SimTime::from_micros(self.srtt_us >> 3), self.rto)
    }

    /// Our initial sequence number.
    pub fn iss(&self) -> u32 {
        self.iss
    }

    /// `seq` is unacknowledged data of ours (snd_una ≤ seq < snd_nxt): the
    /// check `tcp_v4_err` makes before believing an ICMP error.
    pub fn in_flight(&self, seq: u32) -> bool {
        !after(self.snd_una, seq) && after(self.snd_nxt, seq)
    }

    fn tsval(&self, now: SimTime) -> u32 {
        // tcp_clock_ms() + tp->tsoffset (net/ipv4/tcp_output.c, tcp_syn_options).
        ((now.as_nanos() / 1_000_000) as u32).wrapping_add(self.ts_offset)
    }

    /// MSS for data: the smaller MSS less the timestamp option (`tcp_current_mss`).
    fn mss_now(&self) -> u32 {
        let m = self.peer_mss.min(self.advmss);
        u32::from(if self.ts_ok { m - TS_LEN } else { m })
    }

    /// The window field for a non-SYN segment: `__tcp_select_window` rounds the
    /// free space up to the scale unit, then shifts.
    fn window_field(&mut self) -> u16 {
        // __tcp_select_window: free space is tcp_space() — half of what the
        // receive buffer (tcp_rmem[1] = 131072) has left after the queued
        // skbs' truesize — capped by rcv_ssthresh (the initial window; its
        // growth, tcp_grow_window, is not modelled), rounded up to the scale.
        // Small unread amounts therefore leave the window unchanged.
        let ooo_bytes: usize = self.ooo.values().map(Vec::len).sum();
        let segs = self.recv_segs + self.ooo.len() as u32;
        let alloc = (self.recv_buf.len() + ooo_bytes) as u32 + SKB_TRUESIZE_OVERHEAD * segs;
        let space = RCVBUF.saturating_sub(alloc) / 2;
        let free = space.min(self.rcv_wnd);
        let shift = if self.ws_ok { WSCALE } else { 0 };
        let unit = 1u32 << shift;
        let mut win = free.div_ceil(unit) * unit;
        // tcp_select_window: never shrink the offered window (the right edge
        // rcv_wup + last window stays where it was).
        let cur = self.rcv_wup.wrapping_add(self.adv_wnd).wrapping_sub(self.rcv_nxt);
        if (cur as i32) > 0 && win < cur {
            win = cur.div_ceil(unit) * unit;
        }
        self.adv_wnd = win;
        self.rcv_wup = self.rcv_nxt;
        (win >> shift).min(0xffff) as u16
    }

    fn push(&mut self, now: SimTime, out: &mut Vec<OutSegment>, seq: u32, fl: u16, payload: &[u8]) {
        let syn = fl & flags::SYN != 0;
        let mut options = Options::default();
        if syn {
            options.mss = Some(self.advmss);
            // A SYN-ACK only echoes what the SYN offered (tcp_synack_options).
            options.sack_permitted = self.active || self.sack_ok;
            if self.active || self.ts_ok {
                options.timestamps = Some((self.tsval(now), self.ts_recent));
            }
            if self.ws_ok {
                options.window_scale = Some(WSCALE);
            }
        } else {
            if self.ts_ok {
                options.timestamps = Some((self.tsval(now), self.ts_recent));
            }
            if self.sack_ok && fl & flags::ACK != 0 {
                options.sack = self.sack_blocks();
            }
        }
        let window = if syn { self.rcv_wnd.min(65535) as u16 } else { self.window_field() };
        let ack = if fl & flags::ACK != 0 { self.rcv_nxt } else { 0 };
        let repr = SegmentRepr { src_port: self.local.1, dst_port: self.remote.1, seq, ack, flags: fl, window, options };
        // SYN-ACKs leave from a request socket with IP id 0 (ip_build_and_send_pkt
        // with DF); a full socket counts from its random inet_id, and for TCP
        // `ip_select_ident_segs` uses the value *before* adding (the first
        // packet carries inet_id itself; UDP's atomic_add_return adds first).
        let ip_id = if syn && !self.active {
            0
        } else {
            let id = self.ip_id;
            self.ip_id = self.ip_id.wrapping_add(1);
            id
        };
        out.push(OutSegment { src: self.local.0, dst: self.remote.0, ip_id, bytes: repr.build(self.local.0, self.remote.0, payload) });
        if fl & flags::ACK != 0 {
            self.ack_sent();
        }
    }

    /// `tcp_event_ack_sent` / `tcp_dec_quickack_mode`.
    fn ack_sent(&mut self) {
        self.ack_pending = false;
        self.delack_at = None;
        self.unacked_rcv = 0;
        self.quick = self.quick.saturating_sub(1);
    }

    /// Send the SYN (active) or SYN-ACK and arm the retransmission timer.
    pub(super) fn send_syn(&mut self, now: SimTime, out: &mut Vec<OutSegment>) {
        let fl = if self.active { flags::SYN } else { flags::SYN | flags::ACK };
        if self.active {
            self.rcv_wnd = syn_window(self.advmss);
        }
        self.push(now, out, self.iss, fl, &[]);
        if self.retransmits == 0 {
            self.rtt_probe = Some((self.iss.wrapping_add(1), now));
        }
        self.rto_at = Some(now + self.rto);
    }

    /// Take the peer's SYN (on a listener's child).
    pub(super) fn accept_syn(&mut self, seg: &Seg) {
        self.irs = seg.seq;
        self.rcv_nxt = seg.seq.wrapping_add(1);
        self.learn_syn_options(seg);
        self.rcv_wnd = syn_window(self.mss_now() as u16);
        self.adv_wnd = self.rcv_wnd;
        self.rcv_wup = self.rcv_nxt;
        self.snd_wnd = u32::from(seg.window);
    }

    fn learn_syn_options(&mut self, seg: &Seg) {
        self.peer_mss = seg.opts.mss.unwrap_or(536);
        self.sack_ok = seg.opts.sack_permitted;
        // RFC 7323 §2.3: scaling is on only if both SYNs carry the option.
        self.ws_ok = seg.opts.window_scale.is_some();
        self.snd_wscale = seg.opts.window_scale.unwrap_or(0).min(14);
        if let Some((tsval, _)) = seg.opts.timestamps {
            self.ts_ok = true;
            self.ts_recent = tsval;
        }
    }

    fn wscale(&self) -> u8 {
        if self.ws_ok {
            self.snd_wscale
        } else {
            0
        }
    }

    /// Application write.
    pub(super) fn write(&mut self, now: SimTime, data: &[u8], out: &mut Vec<OutSegment>) {
        self.send_buf.extend_from_slice(data);
        // tcp_event_data_sent: sending soon after receiving enters pingpong
        // (interactive) mode, which turns quickacks into delayed ACKs.
        if self.ato_set && now.saturating_sub(self.last_rcv) < DELACK {
            self.pingpong = true;
        }
        self.transmit(now, out);
    }

    /// Application close(): FIN after the queued data.
    pub(super) fn close(&mut self, now: SimTime, out: &mut Vec<OutSegment>) {
        match self.state {
            State::Established => self.state = State::FinWait1,
            State::CloseWait => self.state = State::LastAck,
            _ => return,
        }
        self.fin_queued = true;
        self.transmit(now, out);
    }

    /// Send what the windows allow; piggyback a pending ACK.
    fn transmit(&mut self, now: SimTime, out: &mut Vec<OutSegment>) {
        if matches!(self.state, State::SynSent | State::SynRecv | State::Closed | State::TimeWait) {
            return;
        }
        let mss = self.mss_now();
        let sent_before = self.snd_nxt;
        let end = self.snd_una.wrapping_add(self.send_buf.len() as u32);
        let limit = self.snd_una.wrapping_add(self.snd_wnd.min(self.cwnd * mss));
        while after(end, self.snd_nxt) && after(limit, self.snd_nxt) {
            // Retransmitting after an RTO: skip what the peer SACKed.
            if after(self.high_sent, self.snd_nxt) {
                if let Some(r) = self.sacked.iter().find(|r| !after(r.0, self.snd_nxt) && after(r.1, self.snd_nxt)) {
                    self.snd_nxt = if after(r.1, end) { end } else { r.1 };
                    continue;
                }
            }
            let next_sacked = self
                .sacked
                .iter()
                .filter(|r| after(r.0, self.snd_nxt) && after(self.high_sent, self.snd_nxt))
                .map(|r| r.0.wrapping_sub(self.snd_nxt))
                .min()
                .unwrap_or(u32::MAX);
            let off = self.snd_nxt.wrapping_sub(self.snd_una) as usize;
            let len = (end.wrapping_sub(self.snd_nxt)).min(mss).min(limit.wrapping_sub(self.snd_nxt)).min(next_sacked) as usize;
            let chunk = self.send_buf[off..off + len].to_vec();
            let last = off + len == self.send_buf.len();
            let mut fl = flags::ACK;
            if last {
                fl |= flags::PSH;
            }
            let fin = last && self.fin_queued;
            if fin {
                fl |= flags::FIN;
                self.fin_sent = true;
            }
            let seq = self.snd_nxt;
            self.push(now, out, seq, fl, &chunk);
            self.snd_nxt = self.snd_nxt.wrapping_add(len as u32 + u32::from(fin));
            if after(self.snd_nxt, self.high_sent) {
                self.high_sent = self.snd_nxt;
            }
            self.arm(now);
        }
        if self.fin_queued && !self.fin_sent && self.snd_nxt == end {
            self.push(now, out, self.snd_nxt, flags::FIN | flags::ACK, &[]);
            self.fin_sent = true;
            self.snd_nxt = self.snd_nxt.wrapping_add(1);
            if after(self.snd_nxt, self.high_sent) {
                self.high_sent = self.snd_nxt;
            }
            self.arm(now);
        }
        if self.ack_pending && self.delack_at.is_none() {
            self.push(now, out, self.snd_nxt, flags::ACK, &[]);
        }
        if self.snd_nxt != sent_before {
            self.schedule_probe(now);
        }
    }

    fn arm(&mut self, now: SimTime) {
        if self.rtt_probe.is_none() {
            self.rtt_probe = Some((self.snd_nxt, now));
        }
        if self.rto_at.is_none() {
            self.rto_at = Some(now + self.rto);
        }
    }

    fn enter_time_wait(&mut self, now: SimTime) {
        self.state = State::TimeWait;
        self.tw_until = Some(now + TIME_WAIT);
        self.rto_at = None;
        self.delack_at = None;
    }

    /// The earliest timer.
    pub fn poll_at(&self) -> Option<SimTime> {
        [self.rto_at, self.tlp_at, self.reo_at, self.delack_at, self.tw_until].into_iter().flatten().min()
    }

}
