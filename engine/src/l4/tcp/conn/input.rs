//! Segment arrival for one connection (`tcp_rcv_state_process`,
//! `tcp_rcv_synsent_state_process`, `tcp_ack`, `tcp_data_queue`, `tcp_fin`):
//! acknowledgements, the SACK scoreboard, in-order and out-of-order data,
//! quick and delayed ACKs, FIN per state.
//! Split from `conn.rs` to keep each file to one job; same `Conn` type.

use super::*;

impl Conn {
    /// Process an acceptable ACK field.
    pub(super) fn on_ack(&mut self, now: SimTime, seg: &Seg, events: &mut Vec<TcpEvent>, id: SocketId) {
        self.snd_wnd = u32::from(seg.window) << self.wscale();
        // SACK blocks above the ACK (a D-SACK block lies below it) go on the
        // scoreboard: an RTO will not resend them (tcp_sacktag_write_queue).
        for &(l, r) in &seg.opts.sack {
            if after(r, seg.ack) && !after(r, self.high_sent) && after(r, l) && !self.sacked.contains(&(l, r)) {
                self.sacked.push((l, r));
                // RACK (tcp_rack_detect_loss, tcp_recovery = 1): data sent before
                // SACKed data and still unacknowledged is lost once a reordering
                // window of min_rtt/4 has passed (all here were sent together).
                if self.loss_high.is_none() && self.reo_at.is_none() && self.min_rtt_us != u64::MAX {
                    self.reo_at = Some(now + SimTime::from_micros((self.min_rtt_us / 4).max(1)));
                }
            }
        }
        if !after(seg.ack, self.snd_una) || after(seg.ack, self.snd_nxt) {
            return;
        }
        let mut acked = seg.ack.wrapping_sub(self.snd_una);
        if self.snd_una == self.iss {
            acked -= 1; // the SYN
        }
        let data_acked = (acked as usize).min(self.send_buf.len());
        self.sacked.retain(|r| after(r.1, seg.ack));
        self.send_buf.drain(..data_acked);
        self.snd_una = seg.ack;
        if let Some((end, sent)) = self.rtt_probe {
            if !after(end, seg.ack) {
                self.rtt_probe = None;
                self.rtt_sample(now.saturating_sub(sent).as_micros());
            }
        }
        self.retransmits = 0;
        self.cwnd += (data_acked as u32).div_ceil(self.mss_now().max(1)).max(1);
        self.rto_at = if self.snd_una == self.snd_nxt { None } else { Some(now + self.rto) };
        if self.srtt_us != 0 {
            // tcp_ack resets the backoff; the RTO comes back from the estimate.
            self.rto = SimTime::from_micros((self.srtt_us >> 3) + self.rttvar_us).min(RTO_MAX);
        }
        if self.tlp_high_seq.is_some_and(|h| !after(h, seg.ack)) {
            self.tlp_high_seq = None;
        }
        if self.loss_high.is_some_and(|h| !after(h, seg.ack)) {
            self.loss_high = None; // back to TCP_CA_Open
        }
        // tcp_set_xmit_timer: a probe if allowed, else the RTO just rearmed.
        self.schedule_probe(now);
        let fin_acked = self.fin_sent && self.snd_una == self.snd_nxt && self.send_buf.is_empty();
        if fin_acked {
            match self.state {
                State::FinWait1 => self.state = State::FinWait2,
                State::Closing => self.enter_time_wait(now),
                State::LastAck => {
                    self.state = State::Closed;
                    events.push(TcpEvent::Closed(id));
                }
                _ => {}
            }
        }
    }

    /// A segment for this connection (state after the handshake or SYN-RECV).
    /// Returns true when the caller must answer with a reset.
    pub(in crate::l4::tcp) fn on_segment(
        &mut self,
        now: SimTime,
        seg: &Seg,
        id: SocketId,
        out: &mut Vec<OutSegment>,
        events: &mut Vec<TcpEvent>,
    ) -> bool {
        match self.state {
            State::SynSent => return self.on_syn_sent(now, seg, id, out, events),
            State::Closed => return false,
            State::TimeWait => {
                // tcp_timewait_state_process: a retransmitted FIN is ACKed again.
                if seg.has(flags::FIN) {
                    self.push(now, out, self.snd_nxt, flags::ACK, &[]);
                }
                return false;
            }
            _ => {}
        }
        if seg.has(flags::RST) {
            if seg.seq == self.rcv_nxt {
                self.state = State::Closed;
                events.push(TcpEvent::Reset(id));
            }
            return false;
        }
        if self.state == State::SynRecv {
            if !seg.has(flags::ACK) {
                return false;
            }
            if seg.ack != self.iss.wrapping_add(1) {
                return true;
            }
            self.state = State::Established;
            if let Some(l) = self.listener {
                events.push(TcpEvent::Established { listener: l, conn: id });
            }
        }
        if !seg.has(flags::ACK) {
            return false;
        }
        self.on_ack(now, seg, events, id);
        if self.state == State::Closed {
            return false;
        }
        if let Some((tsval, _)) = seg.opts.timestamps {
            if !after(seg.seq, self.rcv_nxt) {
                self.ts_recent = tsval;
            }
        }
        let len = seg.payload.len() as u32;
        let has_fin = seg.has(flags::FIN);
        if len > 0 || has_fin {
            self.last_rcv = now;
            let mut payload = seg.payload;
            let mut seq = seg.seq;
            let mut has_fin = has_fin;
            if after(self.rcv_nxt, seq) {
                let dup = self.rcv_nxt.wrapping_sub(seq);
                if dup >= len + u32::from(has_fin) {
                    // All old: a duplicate ACK at once, with a D-SACK block
                    // (tcp_data_queue → tcp_send_dupack → tcp_dsack_set).
                    if len > 0 {
                        self.dsack = Some((seq, seq.wrapping_add(len)));
                    }
                    self.push(now, out, self.snd_nxt, flags::ACK, &[]);
                    return false;
                }
                payload = &payload[(dup as usize).min(payload.len())..];
                seq = self.rcv_nxt;
            }
            if seq != self.rcv_nxt {
                // Beyond a hole: queue it (tcp_data_queue_ofo) and ACK at once
                // with SACK blocks, so the sender learns what arrived.
                if !payload.is_empty() {
                    self.ooo.entry(seq).or_insert_with(|| payload.to_vec());
                    self.last_ooo = Some(seq);
                }
                if has_fin {
                    self.ooo_fin = Some(seq.wrapping_add(payload.len() as u32));
                }
                self.push(now, out, self.snd_nxt, flags::ACK, &[]);
                return false;
            }
            let had_ooo = !self.ooo.is_empty();
            let len = payload.len() as u32;
            if len > 0 {
                if !self.ato_set {
                    // tcp_event_data_recv: the first data segment starts quickack
                    // mode (tcp_incr_quickack: rcv_wnd / (2 * rcv_mss), rcv_mss
                    // starting at TCP_MSS_DEFAULT 536, capped at TCP_MAX_QUICKACKS).
                    self.ato_set = true;
                    self.quick = self.quick.max((self.rcv_wnd / (2 * 536)).clamp(2, MAX_QUICKACKS));
                }
                self.recv_buf.extend_from_slice(payload);
                self.recv_segs += 1;
                self.rcv_nxt = self.rcv_nxt.wrapping_add(len);
                self.unacked_rcv += len;
                self.ack_pending = true;
                // tcp_ofo_queue: what the hole was holding back follows.
                while let Some((&s, _)) = self.ooo.first_key_value() {
                    if after(s, self.rcv_nxt) {
                        break;
                    }
                    let d = self.ooo.remove(&s).expect("present");
                    let skip = self.rcv_nxt.wrapping_sub(s) as usize;
                    if skip < d.len() {
                        self.recv_buf.extend_from_slice(&d[skip..]);
                        self.recv_segs += 1;
                        self.rcv_nxt = self.rcv_nxt.wrapping_add((d.len() - skip) as u32);
                    }
                }
                if self.ooo_fin == Some(self.rcv_nxt) {
                    has_fin = true;
                    self.ooo_fin = None;
                }
                events.push(TcpEvent::Readable(id));
            }
            if has_fin {
                self.rcv_nxt = self.rcv_nxt.wrapping_add(1);
                self.peer_fin = true;
                self.ack_pending = true;
                events.push(TcpEvent::PeerClosed(id));
                // tcp_fin (net/ipv4/tcp_input.c).
                match self.state {
                    State::Established | State::SynRecv => {
                        self.state = State::CloseWait;
                        self.pingpong = true;
                    }
                    State::FinWait1 => {
                        self.state = State::Closing;
                        self.push(now, out, self.snd_nxt, flags::ACK, &[]);
                    }
                    State::FinWait2 => {
                        self.push(now, out, self.snd_nxt, flags::ACK, &[]);
                        self.enter_time_wait(now);
                    }
                    _ => {}
                }
            }
            if self.ack_pending {
                // __tcp_ack_snd_check: more than one full segment unacked, or
                // quickack mode (quick > 0 and not pingpong) → ACK now; else
                // the delayed-ACK timer.
                // A filled hole (RFC 5681 §4.2) or a queue still holding data
                // past a hole is ACKed at once too.
                let quick = self.quick > 0 && !self.pingpong;
                if quick || self.unacked_rcv > self.mss_now() || had_ooo {
                    self.push(now, out, self.snd_nxt, flags::ACK, &[]);
                } else if self.delack_at.is_none() {
                    self.delack_at = Some(now + DELACK);
                }
            }
        }
        self.transmit(now, out);
        false
    }

    fn on_syn_sent(
        &mut self,
        now: SimTime,
        seg: &Seg,
        id: SocketId,
        out: &mut Vec<OutSegment>,
        events: &mut Vec<TcpEvent>,
    ) -> bool {
        // tcp_rcv_synsent_state_process.
        if seg.has(flags::ACK) && seg.ack != self.iss.wrapping_add(1) {
            return !seg.has(flags::RST);
        }
        if seg.has(flags::RST) {
            if seg.has(flags::ACK) {
                self.state = State::Closed;
                events.push(TcpEvent::Refused(id));
            }
            return false;
        }
        if !(seg.has(flags::SYN) && seg.has(flags::ACK)) {
            return false;
        }
        self.irs = seg.seq;
        self.rcv_nxt = seg.seq.wrapping_add(1);
        self.adv_wnd = self.rcv_wnd;
        self.rcv_wup = self.rcv_nxt;
        self.learn_syn_options(seg);
        self.state = State::Established;
        self.on_ack(now, seg, events, id);
        self.snd_wnd = u32::from(seg.window); // a SYN's window is never scaled
        events.push(TcpEvent::Connected(id));
        self.push(now, out, self.snd_nxt, flags::ACK, &[]);
        false
    }
}
