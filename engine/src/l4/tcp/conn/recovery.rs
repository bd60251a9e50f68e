//! Loss recovery and timers of a connection, as Linux 6.x does them: the RTT
//! estimator and RTO (`tcp_rtt_estimator`, `tcp_retransmit_timer`), the tail
//! loss probe (`tcp_schedule_loss_probe`), RACK's retransmission of SACK holes,
//! the SACK blocks a receiver sends, and the timer entry point.
//! Split from `conn.rs` to keep each file to one job; same `Conn` type.

use super::*;

impl Conn {
    /// SACK blocks for an outgoing ACK (`tcp_options_write` / `tcp_sack_new_ofo_skb`):
    /// a D-SACK block first if pending, then the out-of-order ranges with the
    /// latest arrival's first; 3 blocks fit beside timestamps, 4 without.
    pub(super) fn sack_blocks(&mut self) -> Vec<(u32, u32)> {
        let mut ranges: Vec<(u32, u32)> = Vec::new();
        for (s, d) in &self.ooo {
            let e = s.wrapping_add(d.len() as u32);
            match ranges.last_mut() {
                Some(r) if !after(*s, r.1) => {
                    if after(e, r.1) {
                        r.1 = e;
                    }
                }
                _ => ranges.push((*s, e)),
            }
        }
        if let Some(l) = self.last_ooo {
            if let Some(i) = ranges.iter().position(|r| !after(r.0, l) && after(r.1, l)) {
                let r = ranges.remove(i);
                ranges.insert(0, r);
            }
        }
        let mut blocks: Vec<(u32, u32)> = self.dsack.take().into_iter().collect();
        blocks.extend(ranges);
        blocks.truncate(if self.ts_ok { 3 } else { 4 });
        blocks
    }

    /// Segments in flight (`tcp_packets_in_flight` without SACK/loss marks).
    pub(super) fn packets_out(&self) -> u32 {
        let fin = u32::from(self.fin_sent);
        let data = self.snd_nxt.wrapping_sub(self.snd_una).saturating_sub(fin);
        data.div_ceil(self.mss_now().max(1)) + fin
    }

    /// `tcp_schedule_loss_probe` (net/ipv4/tcp_output.c, tcp_early_retrans = 3):
    /// in ESTABLISHED or CLOSE-WAIT, congestion state Open, an RTT known and no
    /// probe outstanding, arm a probe at 2·srtt plus `TCP_RTO_MIN` when one
    /// segment is in flight (plus 2 ms otherwise), but no later than the RTO.
    pub(super) fn schedule_probe(&mut self, now: SimTime) {
        self.tlp_at = None;
        let open = matches!(self.state, State::Established | State::CloseWait);
        // Congestion state must be Open: no SACKed data (Disorder), no recovery.
        let disorder = !self.sacked.is_empty();
        if !open || self.srtt_us == 0 || self.tlp_high_seq.is_some() || self.loss_high.is_some() || disorder || self.snd_una == self.snd_nxt {
            return;
        }
        let extra = if self.packets_out() == 1 { RTO_MIN_US } else { 2_000 };
        let pto = now + SimTime::from_micros((self.srtt_us >> 2) + extra);
        self.tlp_at = Some(match self.rto_at {
            Some(rto) => pto.min(rto),
            None => pto,
        });
    }

    /// `tcp_send_loss_probe`: nothing new to send, so retransmit the last
    /// segment (with FIN if it carried one), remember snd_nxt, rearm the RTO.
    pub(super) fn send_probe(&mut self, now: SimTime, out: &mut Vec<OutSegment>) {
        self.tlp_at = None;
        let fin = self.fin_sent;
        let data_end = self.snd_nxt.wrapping_sub(u32::from(fin));
        let in_flight = data_end.wrapping_sub(self.snd_una);
        // The last segment as it was cut (full MSS-sized segments from snd_una).
        let mss = self.mss_now();
        let len = match in_flight % mss {
            0 => in_flight.min(mss),
            rest => rest,
        };
        let seq = data_end.wrapping_sub(len);
        let off = seq.wrapping_sub(self.snd_una) as usize;
        let chunk = self.send_buf[off..off + len as usize].to_vec();
        let mut fl = flags::ACK;
        if len > 0 {
            fl |= flags::PSH;
        }
        if fin {
            fl |= flags::FIN;
        }
        self.push(now, out, seq, fl, &chunk);
        self.tlp_high_seq = Some(self.snd_nxt);
        self.rtt_probe = None;
        self.rto_at = Some(now + self.rto);
    }

    /// RACK marked the holes below the highest SACKed byte lost: retransmit
    /// each (one MSS-sized segment per hole) and enter Recovery until
    /// everything sent so far is acknowledged (`tcp_enter_recovery`, fast
    /// retransmit; PRR's cwnd reduction is not modelled).
    pub(super) fn retransmit_holes(&mut self, now: SimTime, out: &mut Vec<OutSegment>) {
        let Some(top) = self.sacked.iter().map(|r| r.1).max_by(|a, b| if after(*a, *b) { std::cmp::Ordering::Greater } else { std::cmp::Ordering::Less }) else { return };
        let mut ranges = self.sacked.clone();
        // At most a few SACK blocks: the small stable sort (same order, less wasm, issue 15).
        crate::small_sort::stable_sort_by_key(&mut ranges, |r| r.0.wrapping_sub(self.snd_una));
        let mut at = self.snd_una;
        let mss = self.mss_now();
        for (l, r) in ranges.into_iter().chain(std::iter::once((top, top))) {
            if after(l, at) {
                let len = l.wrapping_sub(at).min(mss);
                let off = at.wrapping_sub(self.snd_una) as usize;
                if off + len as usize <= self.send_buf.len() {
                    let chunk = self.send_buf[off..off + len as usize].to_vec();
                    self.push(now, out, at, flags::ACK | flags::PSH, &chunk);
                }
            }
            if after(r, at) {
                at = r;
            }
        }
        self.loss_high = Some(self.snd_nxt);
        self.rtt_probe = None;
        self.tlp_at = None;
        self.rto_at = Some(now + self.rto);
    }

    /// `tcp_rtt_estimator` (net/ipv4/tcp_input.c), in microseconds, then
    /// `__tcp_set_rto`: srtt + rttvar, rttvar never below `TCP_RTO_MIN`.
    pub(super) fn rtt_sample(&mut self, m: u64) {
        let m = m.max(1);
        self.min_rtt_us = self.min_rtt_us.min(m);
        if self.srtt_us != 0 {
            let mut srtt = self.srtt_us as i64;
            let mut d = m as i64 - (srtt >> 3);
            srtt += d;
            if d < 0 {
                d = -d - (self.mdev_us as i64 >> 2);
                if d > 0 {
                    d >>= 3;
                }
            } else {
                d -= self.mdev_us as i64 >> 2;
            }
            self.mdev_us = (self.mdev_us as i64 + d).max(0) as u64;
            if self.mdev_us > self.mdev_max_us {
                self.mdev_max_us = self.mdev_us;
                self.rttvar_us = self.rttvar_us.max(self.mdev_max_us);
            }
            if after(self.snd_una, self.rtt_seq) {
                if self.mdev_max_us < self.rttvar_us {
                    self.rttvar_us -= (self.rttvar_us - self.mdev_max_us) >> 2;
                }
                self.rtt_seq = self.snd_nxt;
                self.mdev_max_us = RTO_MIN_US;
            }
            self.srtt_us = srtt.max(1) as u64;
        } else {
            self.srtt_us = m << 3;
            self.mdev_us = m << 1;
            self.rttvar_us = self.mdev_us.max(RTO_MIN_US);
            self.mdev_max_us = self.rttvar_us;
            self.rtt_seq = self.snd_nxt;
        }
        let rto = SimTime::from_micros((self.srtt_us >> 3) + self.rttvar_us);
        self.rto = rto.min(RTO_MAX);
    }

    /// Fire timers due at `now`. Returns false when the connection is gone.
    pub(in crate::l4::tcp) fn on_timer(&mut self, now: SimTime, id: SocketId, out: &mut Vec<OutSegment>, events: &mut Vec<TcpEvent>) -> bool {
        if self.tw_until.is_some_and(|t| t <= now) {
            self.state = State::Closed;
            return false;
        }
        if self.delack_at.is_some_and(|t| t <= now) {
            self.delack_at = None;
            if self.ack_pending {
                self.push(now, out, self.snd_nxt, flags::ACK, &[]);
            }
        }
        if self.reo_at.is_some_and(|t| t <= now) {
            self.reo_at = None;
            self.retransmit_holes(now, out);
        }
        if self.tlp_at.is_some_and(|t| t <= now) {
            // One timer in Linux: when the probe is pending, it is what fires.
            self.send_probe(now, out);
            return true;
        }
        if self.rto_at.is_some_and(|t| t <= now) {
            // tcp_retransmit_timer / tcp_write_timeout.
            let limit = match self.state {
                State::SynSent => SYN_RETRIES + SYN_LINEAR_TIMEOUTS,
                State::SynRecv => SYNACK_RETRIES,
                _ => DATA_RETRIES,
            };
            if self.retransmits >= limit {
                self.state = State::Closed;
                events.push(TcpEvent::TimedOut(id));
                return false;
            }
            self.retransmits += 1;
            self.rtt_probe = None; // Karn: no sample from a retransmitted segment
            // tcp_retransmit_timer: exponential backoff, except SYN_SENT's
            // first tcp_syn_linear_timeouts retransmissions.
            if self.state != State::SynSent || self.retransmits > SYN_LINEAR_TIMEOUTS {
                self.rto = (self.rto + self.rto).min(RTO_MAX);
            }
            self.rto_at = None;
            if matches!(self.state, State::SynSent | State::SynRecv) {
                self.send_syn(now, out);
            } else {
                // tcp_enter_loss: everything in flight counts as lost, cwnd 1,
                // congestion state Loss until it is all acknowledged.
                self.loss_high = Some(self.snd_nxt);
                self.tlp_at = None;
                self.cwnd = 1;
                self.snd_nxt = self.snd_una;
                self.fin_sent = false;
                self.transmit(now, out);
                self.rtt_probe = None;
            }
        }
        true
    }
}
