//! Cables: ports, the two directions of a link with their transmit queues,
//! serialisation and propagation. A frame handed to a busy direction waits in
//! its FIFO (Linux's `txqueuelen`), so frames leave in order and each occupies
//! the wire for its serialisation time.

use super::ctx::Ctx;
use super::{Ev, Frame};
use crate::time::SimTime;
use crate::trace::{DropReason, EventKind, Hop, Name, Out, PortRef};
use std::collections::VecDeque;

/// Frames a link direction holds while busy (Linux's default `txqueuelen`).
const TX_QUEUE_LEN: usize = 1000;

/// One device port (an interface or a numbered switch port).
pub(crate) struct Port {
    pub(crate) device: u32,
    pub(crate) name: Name,
    /// The device's and this port's names, made once: what trace events hold.
    pub(crate) at: PortRef,
    /// A VLAN subinterface's: its parent port sending for it on the parent's
    /// cable (`PortRef::sent_by` as `from`), a `FrameSent`'s `hop`.
    pub(crate) sent_hop: Option<Hop>,
    /// This switch port in each VLAN that occurred on it, made on first use
    /// (`Ctx::port_ref_in`).
    pub(crate) vlan_at: Vec<(u16, PortRef)>,
    /// `Forwarding::Port` out of this port, made once: what a switch's
    /// `SwitchForward` holds (a reference-count increment per frame).
    pub(crate) out: Out,
    /// Index of the interface (IP devices) or the port (switches) inside the device.
    pub(crate) local: u32,
    /// The link plugged in, and which end of it this port is.
    pub(crate) link: Option<(u32, u8)>,
    /// Administratively up (`ip link set DEV up`, the default) and powered.
    pub(crate) up: bool,
    /// A VLAN subinterface (`eth0.10`): its parent's global port and its VLAN
    /// id. It has no cable of its own: what it sends leaves the parent tagged.
    pub(crate) vlan: Option<(u32, u16)>,
}

/// One direction of a link.
#[derive(Default)]
pub(crate) struct Direction {
    /// When the transmitter is free again.
    pub(crate) busy_until: SimTime,
    /// Frames waiting for the transmitter (FIFO).
    /// Each with the VLAN subinterface's port that sent it, if one did.
    pub(crate) queue: VecDeque<(Frame, Option<u32>)>,
    /// A `TxReady` event is already scheduled.
    pub(crate) wake_pending: bool,
    /// Frames started in this direction so far (the lab's drop lists count them).
    pub(crate) started: u64,
}

pub(crate) struct Link {
    pub(crate) id: Name,
    /// Ports at end 0 and end 1; direction d sends from `ends[d]`.
    pub(crate) ends: [u32; 2],
    /// What a `FrameSent` in direction d holds: this link, `ends[d]`,
    /// `ends[1 - d]` and the cable's delay and bit rate, made once. A frame
    /// is timed by its hop's `timing`, the one place the cable's timing
    /// lives, so a record's derived `t_end` is its delivery time: a change of
    /// delay or rate during a run would put new hops here, and the records
    /// made before it would keep theirs.
    pub(crate) hops: [Hop; 2],
    pub(crate) dirs: [Direction; 2],
    /// Frame numbers (from 1) this direction loses (`drop_from_a`, `drop_from_b`).
    pub(crate) drop: [crate::vec_map::VecSet<u64>; 2],
    /// Both ends are up: each sees carrier. A frame needs it to leave and to arrive.
    pub(crate) carrier: bool,
}

impl Ctx {
    /// Hands a frame to a port's transmitter now. If the link direction is
    /// busy the frame waits in its FIFO, so frames leave in order and each
    /// occupies the link for its serialisation time.
    pub(crate) fn transmit(&mut self, port: u32, frame: Frame) {
        self.work += 1;
        // 8021q's vlan_dev_hard_start_xmit: the subinterface inserts its tag
        // (VID, priority 0: an empty egress priority map) and hands the frame
        // to the real device (net/8021q/vlan_dev.c).
        let (sub, port, frame) = match self.ports[port as usize].vlan {
            Some((parent, vid)) => (Some(port), parent, crate::l2::vlan::tag(&frame, vid)),
            None => (None, port, frame),
        };
        let Some((l, dir)) = self.ports[port as usize].link else {
            let device = self.ports[port as usize].device;
            self.drop_frame(device, port, DropReason::NoLink, frame);
            return;
        };
        if !self.links[l as usize].carrier {
            // A NIC without carrier sends nothing (its qdisc is deactivated).
            let device = self.ports[port as usize].device;
            self.drop_frame(device, port, DropReason::NoCarrier, frame);
            return;
        }
        let now = self.now;
        let d = &mut self.links[l as usize].dirs[dir as usize];
        if d.busy_until <= now && d.queue.is_empty() {
            self.start_tx(l, dir, frame, sub);
        } else if d.queue.len() >= TX_QUEUE_LEN {
            let device = self.ports[port as usize].device;
            self.drop_frame(device, port, DropReason::TxQueueFull, frame);
        } else {
            d.queue.push_back((frame, sub));
            if !d.wake_pending {
                d.wake_pending = true;
                let at = d.busy_until.max(now);
                self.schedule(at, Ev::TxReady { link: l, dir });
            }
        }
    }

    fn start_tx(&mut self, l: u32, dir: u8, frame: Frame, sub: Option<u32>) {
        let now = self.now;
        let link = &mut self.links[l as usize];
        let hop = match sub.and_then(|p| self.ports[p as usize].sent_hop.as_ref()) {
            Some(hop) => hop.clone(),
            None => link.hops[dir as usize].clone(),
        };
        // Timed as the record derives its `t_end` (`TraceEvent::t_end`).
        let timing = hop.timing;
        let t_end = timing.arrival(now, frame.len());
        link.dirs[dir as usize].busy_until = now + timing.serialisation(frame.len());
        link.dirs[dir as usize].started += 1;
        let lost = link.drop[dir as usize].contains(&link.dirs[dir as usize].started);
        let to = link.ends[1 - dir as usize];
        self.record(EventKind::FrameSent { hop, bytes: frame.clone() });
        if lost {
            // The frame occupies the wire but never reaches the far end.
            self.schedule(t_end, Ev::Lost { port: to, frame });
        } else {
            self.schedule(t_end, Ev::Deliver { port: to, frame });
        }
    }

    pub(super) fn tx_ready(&mut self, l: u32, dir: u8) {
        let d = &mut self.links[l as usize].dirs[dir as usize];
        d.wake_pending = false;
        if d.busy_until > self.now {
            d.wake_pending = true;
            let at = d.busy_until;
            self.schedule(at, Ev::TxReady { link: l, dir });
            return;
        }
        if let Some((frame, sub)) = d.queue.pop_front() {
            let more = !d.queue.is_empty();
            self.start_tx(l, dir, frame, sub);
            if more {
                let d = &mut self.links[l as usize].dirs[dir as usize];
                d.wake_pending = true;
                let at = d.busy_until;
                self.schedule(at, Ev::TxReady { link: l, dir });
            }
        }
    }
}

impl Ctx {
    /// True when `port` has a cable with carrier (both ends up).
    /// The port is administratively up (`ip link set DEV up`) and powered.
    pub(crate) fn is_up(&self, port: u32) -> bool {
        self.ports[port as usize].up
    }

    /// A VLAN subinterface has its parent's carrier (netif_stacked_transfer_operstate).
    pub(crate) fn has_carrier(&self, port: u32) -> bool {
        let port = self.ports[port as usize].vlan.map_or(port, |(parent, _)| parent);
        self.ports[port as usize].link.is_some_and(|(l, _)| self.links[l as usize].carrier)
    }

    /// Sets `port` administratively up or down (or powered). Returns the far
    /// end's port when the cable's carrier changed. Frames waiting in the
    /// link's transmit queues when carrier goes are dropped (the qdisc is reset).
    pub(crate) fn set_port_up(&mut self, port: u32, up: bool) -> Option<u32> {
        self.ports[port as usize].up = up;
        let (l, end) = self.ports[port as usize].link?;
        let link = &self.links[l as usize];
        let peer = link.ends[1 - end as usize];
        let carrier = up && self.ports[peer as usize].up;
        if carrier == link.carrier {
            return None;
        }
        self.links[l as usize].carrier = carrier;
        if !carrier {
            for dir in 0..2 {
                let from = self.links[l as usize].ends[dir];
                let device = self.ports[from as usize].device;
                let queued: Vec<(Frame, Option<u32>)> = self.links[l as usize].dirs[dir].queue.drain(..).collect();
                for (frame, _) in queued {
                    self.drop_frame(device, from, DropReason::NoCarrier, frame);
                }
            }
        }
        Some(peer)
    }
}
