//! A learning switch (a Linux bridge with STP off): it learns which port each
//! source MAC lives behind, forwards known unicast out of that one port,
//! floods broadcast, multicast and unknown unicast, and forgets a MAC after
//! 300 s of silence (`br_fdb_cleanup`).

use super::flood::flood;
use super::mac_at;
use crate::mac::MacAddr;
use crate::sim::ctx::Ctx;
use crate::sim::device::{Device, Timer};
use crate::sim::Frame;
use crate::time::SimTime;
use crate::trace::{DropReason, EventKind, FlushCause, ForwardReason, Forwarding};
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
    /// MAC → where it was last seen. Lookup and update are O(log n) in the
    /// number of learned MACs; ageing costs one timer event per entry per 300 s.
    fdb: VecMap<MacAddr, FdbEntry>,
}

impl Switch {
    pub(crate) fn new(dev: u32, ports: Vec<u32>) -> Switch {
        Switch {
            dev,
            ports,
            fdb: VecMap::new(),
        }
    }

    /// Learns (or moves) `src` to `in_port`, recording what changed.
    fn learn(&mut self, ctx: &mut Ctx, src: MacAddr, in_port: u32) {
        let now = ctx.now;
        let mut learned = None;
        match self.fdb.get_mut(&src) {
            Some(entry) => {
                entry.last_seen = now;
                if entry.port != in_port {
                    learned = Some(Some(entry.port));
                    entry.port = in_port;
                }
            }
            None => {
                self.fdb.insert(
                    src,
                    FdbEntry {
                        port: in_port,
                        last_seen: now,
                    },
                );
                learned = Some(None);
                ctx.timer(now + AGEING_TIME, self.dev, Timer::MacAge { mac: src });
            }
        }
        if let Some(moved_from) = learned {
            let port = ctx.port_name(self.ports[in_port as usize]);
            let moved_from = moved_from.map(|p| ctx.port_name(self.ports[p as usize]));
            let device = ctx.id(self.dev);
            ctx.record(EventKind::MacLearned {
                device,
                mac: src,
                port,
                moved_from,
            });
        }
    }

    /// The ageing timer of one MAC: forget it if it was silent for 300 s, else
    /// check again 300 s after it was last seen (Linux's `br_fdb_cleanup`).
    fn age(&mut self, ctx: &mut Ctx, mac: MacAddr) {
        let now = ctx.now;
        let Some(entry) = self.fdb.get(&mac) else {
            return;
        };
        let expires = entry.last_seen + AGEING_TIME;
        if expires > now {
            ctx.timer(expires, self.dev, Timer::MacAge { mac });
            return;
        }
        let port = entry.port;
        self.fdb.remove(&mac);
        let device = ctx.id(self.dev);
        let port = ctx.port_name(self.ports[port as usize]);
        ctx.record(EventKind::MacAged { device, mac, port });
    }
}

impl Switch {
    /// Forgets the MACs learned on local port `port` (every port when None):
    /// a port going down or losing carrier (`br_stp_disable_port` →
    /// `br_fdb_delete_by_port`), or `bridge fdb flush dev PORT|BRIDGE`.
    pub(crate) fn flush(&mut self, ctx: &mut Ctx, port: Option<u32>, why: FlushCause) {
        let mut macs = Vec::new();
        self.fdb.retain(|mac, e| {
            let gone = port.is_none_or(|p| p == e.port);
            if gone {
                macs.push((*mac, e.port));
            }
            !gone
        });
        if macs.is_empty() {
            return;
        }
        let macs = macs.into_iter().map(|(m, p)| (m, ctx.port_name(self.ports[p as usize]))).collect();
        let device = ctx.id(self.dev);
        let port = port.map(|p| ctx.port_name(self.ports[p as usize]));
        ctx.record(EventKind::MacFlushed { device, port, macs, why });
    }
}

impl Device for Switch {
    /// A frame arrived on port `in_port`: learn its source, then forward
    /// (known unicast), flood (broadcast, multicast, unknown) or drop
    /// (destination on the ingress port). O(log n) plus the flood.
    fn on_frame(&mut self, ctx: &mut Ctx, in_port: u32, frame: Frame) {
        let (Some(dst), Some(src)) = (mac_at(&frame, 0), mac_at(&frame, 6)) else {
            let port = self.ports[in_port as usize];
            ctx.drop_frame(self.dev, Some(port), DropReason::Malformed, frame);
            return;
        };
        if !src.is_multicast() {
            self.learn(ctx, src, in_port);
        }
        let in_name = ctx.port_name(self.ports[in_port as usize]);
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
            match self.fdb.get(&dst).map(|e| e.port) {
                Some(p) => (ForwardReason::Learned, Some(p)),
                None => (ForwardReason::UnknownUnicast, None),
            }
        };
        let at = ctx.now + ctx.switch_delay;
        match out_port {
            Some(p) if p == in_port => {
                let port = self.ports[in_port as usize];
                ctx.drop_frame(self.dev, Some(port), DropReason::SameSegment, frame);
            }
            Some(p) => {
                let out = Forwarding::Port {
                    port: ctx.port_name(self.ports[p as usize]),
                };
                let device = ctx.id(self.dev);
                ctx.record(EventKind::SwitchForward {
                    device,
                    in_port: in_name,
                    dst,
                    out,
                    why,
                });
                let port = self.ports[p as usize];
                ctx.transmit_at_later(at, port, frame);
            }
            None => flood(
                ctx,
                self.dev,
                &self.ports,
                in_port,
                in_name,
                dst,
                why,
                frame,
                at,
            ),
        }
    }

    fn on_timer(&mut self, ctx: &mut Ctx, timer: Timer) {
        if let Timer::MacAge { mac } = timer {
            self.age(ctx, mac);
        }
    }
}
