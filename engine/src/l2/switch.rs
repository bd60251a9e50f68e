//! A learning switch (a Linux bridge with STP off): it learns which port each
//! source MAC lives behind, forwards known unicast out of that one port,
//! floods broadcast, multicast and unknown unicast, and forgets a MAC after
//! 300 s of silence (`br_fdb_cleanup`). With `stp: true` its ports follow
//! the spanning tree (`stp.rs`): BPDUs go to the STP code, frames enter and
//! leave only through forwarding ports, and MACs age after forward delay
//! (15 s) during a topology change.

use super::flood::flood;
use super::stp::Stp;
use super::mac_at;
use crate::mac::MacAddr;
use crate::sim::ctx::Ctx;
use crate::sim::device::{Device, Timer};
use crate::sim::Frame;
use crate::time::SimTime;
use crate::trace::{DropReason, EventKind, FlushCause, ForwardReason, MacFlush, Name, StpState};
use crate::vec_map::VecMap;

/// Linux bridge default `ageing_time`.
pub(crate) const AGEING_TIME: SimTime = SimTime::from_secs(300);

/// One forwarding-database entry.
struct FdbEntry {
    /// Port index within the switch.
    port: u32,
    last_seen: SimTime,
}

/// A learning switch's state: its forwarding database.
pub(crate) struct Switch {
    dev: u32,
    /// Global port indices, in port order.
    ports: Vec<u32>,
    /// (VLAN, MAC) → where it was last seen; the VLAN is 0 on a switch that
    /// does not filter VLANs. Lookup and update are O(log n) in the number of
    /// learned MACs; ageing costs one timer event per entry per 300 s.
    fdb: VecMap<(u16, MacAddr), FdbEntry>,
    /// Each port's VLANs, when the switch filters by 802.1Q VLAN (`vlan.rs`).
    vlans: Option<Vec<crate::scenario::PortVlan>>,
    /// The spanning tree, when the lab turns it on (Linux's default is off).
    stp: Option<Box<Stp>>,
}

impl Switch {
    pub(crate) fn new(dev: u32, ports: Vec<u32>) -> Switch {
        Switch {
            dev,
            ports,
            fdb: VecMap::new(),
            stp: None,
            vlans: None,
        }
    }

    /// Turns 802.1Q VLAN filtering on with each port's VLANs.
    pub(crate) fn set_vlans(&mut self, vlans: Vec<crate::scenario::PortVlan>) {
        self.vlans = Some(vlans);
    }

    /// Turns the spanning tree on (before [`Switch::stp_start`]).
    pub(crate) fn set_stp(&mut self, stp: Stp) {
        self.stp = Some(Box::new(stp));
    }

    /// The bridge comes up: STP's hello timer starts, ports with carrier are enabled.
    pub(crate) fn stp_start(&mut self, ctx: &mut Ctx) {
        if let Some(stp) = &mut self.stp {
            stp.start(ctx);
        }
        self.stp_sync(ctx);
    }

    /// Carrier on local port `port` came or went: the spanning tree hears of it.
    pub(crate) fn carrier(&mut self, ctx: &mut Ctx, port: u32, up: bool) {
        if let Some(stp) = &mut self.stp {
            stp.carrier(ctx, port as usize, up);
        }
        self.stp_sync(ctx);
    }

    /// Records what STP changed and sends its BPDUs; when a topology change
    /// begins, every MAC is checked again against the short ageing.
    fn stp_sync(&mut self, ctx: &mut Ctx) {
        let Some(stp) = &mut self.stp else { return };
        let names: Vec<Name> = self.ports.iter().map(|&p| ctx.port_name(p)).collect();
        if stp.sync(ctx, &names) {
            let hold = stp.hold_time(AGEING_TIME);
            let now = ctx.now;
            for (&(vid, mac), e) in self.fdb.iter() {
                let at = (e.last_seen + hold).max(now);
                ctx.timer(at, self.dev, Timer::MacAge { vid, mac, quiet: true });
            }
        }
    }

    /// How long a MAC is kept: 300 s, forward delay during an STP topology change.
    fn hold_time(&self) -> SimTime {
        self.stp.as_ref().map_or(AGEING_TIME, |s| s.hold_time(AGEING_TIME))
    }

    /// Local port `p` forwards data frames (always, without STP).
    fn forwarding(&self, p: usize) -> bool {
        self.stp.as_ref().is_none_or(|s| s.state(p) == StpState::Forwarding)
    }

    /// Learns (or moves) `src` to `in_port`, recording what changed.
    fn learn(&mut self, ctx: &mut Ctx, vid: u16, src: MacAddr, in_port: u32) {
        let now = ctx.now;
        let mut learned = None;
        match self.fdb.get_mut(&(vid, src)) {
            Some(entry) => {
                entry.last_seen = now;
                if entry.port != in_port {
                    learned = Some(Some(entry.port));
                    entry.port = in_port;
                }
            }
            None => {
                self.fdb.insert(
                    (vid, src),
                    FdbEntry {
                        port: in_port,
                        last_seen: now,
                    },
                );
                learned = Some(None);
                let (hold, quiet) = (self.hold_time(), self.stp.is_some());
                ctx.timer(now + hold, self.dev, Timer::MacAge { vid, mac: src, quiet });
            }
        }
        if let Some(moved_from) = learned {
            let at = ctx.port_ref_in(self.ports[in_port as usize], self.vlans.is_some().then_some(vid));
            let moved_from = moved_from.map(|p| ctx.port_name(self.ports[p as usize]));
            ctx.record(EventKind::MacLearned { at, mac: src, moved_from });
        }
    }

    /// The ageing timer of one MAC: forget it if it was silent for 300 s, else
    /// check again 300 s after it was last seen (Linux's `br_fdb_cleanup`).
    fn age(&mut self, ctx: &mut Ctx, vid: u16, mac: MacAddr) {
        let now = ctx.now;
        let Some(entry) = self.fdb.get(&(vid, mac)) else {
            return;
        };
        let expires = entry.last_seen + self.hold_time();
        if expires > now {
            let quiet = self.stp.is_some();
            ctx.timer(expires, self.dev, Timer::MacAge { vid, mac, quiet });
            return;
        }
        let port = entry.port;
        self.fdb.remove(&(vid, mac));
        let at = ctx.port_ref_in(self.ports[port as usize], self.vlans.is_some().then_some(vid));
        ctx.record(EventKind::MacAged { at, mac });
    }
}

impl Switch {
    /// Forgets the MACs learned on local port `port` (every port when None):
    /// a port going down or losing carrier (`br_stp_disable_port` →
    /// `br_fdb_delete_by_port`), or `bridge fdb flush dev PORT|BRIDGE`.
    pub(crate) fn flush(&mut self, ctx: &mut Ctx, port: Option<u32>, why: FlushCause) {
        let mut macs = Vec::new();
        let mut vlans = Vec::new();
        let filtering = self.vlans.is_some();
        self.fdb.retain(|&(vid, mac), e| {
            let gone = port.is_none_or(|p| p == e.port);
            if gone {
                macs.push((mac, e.port));
                if filtering {
                    vlans.push(vid);
                }
            }
            !gone
        });
        if macs.is_empty() {
            return;
        }
        let macs = macs.into_iter().map(|(m, p)| (m, ctx.port_name(self.ports[p as usize]))).collect();
        let device = ctx.id(self.dev);
        let port = port.map(|p| ctx.port_name(self.ports[p as usize]));
        ctx.record(EventKind::MacFlushed { device, flush: Box::new(MacFlush { port, macs, why, vlans }) });
    }
}

impl Device for Switch {
    /// A frame arrived on port `in_port`: learn its source, then forward
    /// (known unicast), flood (broadcast, multicast, unknown) or drop
    /// (destination on the ingress port). O(log n) plus the flood.
    fn on_frame(&mut self, ctx: &mut Ctx, in_port: u32, frame: Frame) {
        let (Some(dst), Some(src)) = (mac_at(&frame, 0), mac_at(&frame, 6)) else {
            let port = self.ports[in_port as usize];
            ctx.drop_frame(self.dev, port, DropReason::Malformed, frame);
            return;
        };
        if let Some(stp) = &self.stp {
            if dst.0 == crate::wire::stp::BRIDGE_GROUP {
                // Link-local frames are learned from on any enabled port
                // (`__br_handle_local_finish`), then go to the STP code, never on.
                if !src.is_multicast() && stp.state(in_port as usize) != StpState::Disabled {
                    let vid = self.vlans.as_ref().map_or(0, |v| v[in_port as usize].pvid);
                    self.learn(ctx, vid, src, in_port);
                }
                if let Some(stp) = &mut self.stp {
                    stp.receive(ctx, in_port as usize, &frame);
                }
                self.stp_sync(ctx);
                return;
            }
            // br_handle_frame: a learning port learns, then drops; other
            // states than forwarding drop at once.
            let state = stp.state(in_port as usize);
            if state != StpState::Forwarding {
                if state == StpState::Learning && !src.is_multicast() {
                    let vid = self.vlans.as_ref().map_or(0, |v| v[in_port as usize].pvid);
                    self.learn(ctx, vid, src, in_port);
                }
                let port = self.ports[in_port as usize];
                ctx.drop_frame(self.dev, port, DropReason::PortNotForwarding, frame);
                return;
            }
        }
        // 802.1Q ingress: the frame's VLAN, and the frame untagged inside the switch.
        let (vid, frame) = match &self.vlans {
            None => (0, frame),
            Some(v) => match super::vlan::ingress(&v[in_port as usize], &frame, ctx.pad) {
                Ok(x) => x,
                Err(_) => {
                    let port = self.ports[in_port as usize];
                    ctx.drop_frame(self.dev, port, DropReason::VlanFiltered, frame);
                    return;
                }
            },
        };
        let vlan = self.vlans.is_some().then_some(vid);
        if !src.is_multicast() {
            self.learn(ctx, vid, src, in_port);
        }
        let in_at = ctx.port_ref_in(self.ports[in_port as usize], vlan);
        let (why, out_port) = if dst.is_broadcast() {
            (ForwardReason::Broadcast, None)
        } else if dst.is_multicast() {
            // IPv6's 33:33:… groups too (NDP, MLD, RA): a Linux bridge's
            // multicast_snooping prunes only while a querier is known
            // (br_multicast_querier_exists); no device here sends MLD
            // queries, so it floods them, and the hosts' NIC filters drop
            // the groups they did not join.
            (ForwardReason::Multicast, None)
        } else {
            match self.fdb.get(&(vid, dst)).map(|e| e.port) {
                Some(p) => (ForwardReason::Learned, Some(p)),
                None => (ForwardReason::UnknownUnicast, None),
            }
        };
        let at = ctx.now + ctx.switch_delay;
        match out_port {
            Some(p) if p == in_port => {
                let port = self.ports[in_port as usize];
                ctx.drop_frame(self.dev, port, DropReason::SameSegment, frame);
            }
            Some(p) if !self.forwarding(p as usize) => {
                let port = self.ports[p as usize];
                ctx.drop_frame(self.dev, port, DropReason::PortNotForwarding, frame);
            }
            Some(p) => {
                let out = ctx.port_out(self.ports[p as usize]);
                ctx.record(EventKind::SwitchForward { at: in_at, dst, out, why });
                let port = self.ports[p as usize];
                let frame = match &self.vlans {
                    Some(v) => super::vlan::egress(&v[p as usize], vid, &frame),
                    None => frame,
                };
                ctx.transmit_at_later(at, port, frame);
            }
            None => {
                let egress = |p: usize| -> Option<Frame> {
                    if !self.forwarding(p) {
                        return None;
                    }
                    match &self.vlans {
                        None => Some(frame.clone()),
                        Some(v) if v[p].member(vid) => Some(super::vlan::egress(&v[p], vid, &frame)),
                        Some(_) => None,
                    }
                };
                flood(ctx, &self.ports, &egress, in_port, in_at, dst, why, at)
            }
        }
    }

    fn on_timer(&mut self, ctx: &mut Ctx, timer: Timer) {
        match timer {
            Timer::MacAge { vid, mac, .. } => self.age(ctx, vid, mac),
            Timer::Stp { which, gen } => {
                if let Some(stp) = &mut self.stp {
                    stp.timer(ctx, which, gen);
                }
                self.stp_sync(ctx);
            }
            _ => {}
        }
    }
}
