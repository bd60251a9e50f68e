//! What every device may do to the world around it: read the clock, set a
//! timer, write to the trace, print a command's line, draw a random number,
//! and hand a frame to one of its ports. Devices get a `&mut Ctx` in
//! [`Device::on_frame`](super::device::Device::on_frame) and
//! [`on_timer`](super::device::Device::on_timer); they never see each other.

use super::device::Timer;
use super::link::{Link, Port};
use super::queue::{EventQueue, Queued};
use super::{Ev, Frame};
use crate::rng::Rng;
use crate::time::SimTime;
use crate::trace::{DropReason, EventKind, Name, Out, PortRef, TraceEvent};
use crate::vec_map::VecMap;

/// Trace length from which the trace grows by a quarter, not by doubling
/// (see `Ctx::grow_trace`): 4 MiB of records (131 072 of 32 bytes). Doubling
/// past it left a storm at 100 k events with 163 083 records in room for
/// 262 144 (88 B per event natively against 56 with the room it needs; issue
/// 15's ≤ 64). A block that big may be a mapping of glibc's own (up to its
/// dynamic threshold, at most 32 MiB: `DEFAULT_MMAP_THRESHOLD_MAX` in
/// malloc/malloc.c), moved by `mremap`, or a heap block, copied: a quarter
/// step then copies a quarter more than doubling would over a long run. The
/// throughput bench's runs (107 120 records at most) never reach it, so its
/// instructions are the same; quarter steps from the first record cost its
/// 1 000-host run 10 M more instructions of `realloc` copies (docs/perf.md).
const TRACE_STEP_FROM: usize = (4 << 20) / std::mem::size_of::<TraceEvent>();

/// The shared part of a running simulation (everything but the devices).
pub(crate) struct Ctx {
    pub(crate) now: SimTime,
    pub(super) queue: EventQueue,
    /// The queued events, by the `slot` their [`Queued`] names; `None` where
    /// a slot is free (listed in `free_slots`, reused last-freed first).
    slab: Vec<Option<Ev>>,
    free_slots: Vec<u32>,
    pub(super) trace: Vec<TraceEvent>,
    /// Device ids, by device index.
    pub(super) ids: Vec<Name>,
    /// Power-offs per device, by device index: a timer set before one is stale.
    pub(super) boots: Vec<u32>,
    pub(super) ports: Vec<Port>,
    pub(super) links: Vec<Link>,
    pub(crate) rng: Rng,
    /// Every command's label, each with no lines yet (see `output_line`).
    pub(super) outputs: VecMap<String, Vec<String>>,
    /// The trace index of every `CommandOutput` event, in order.
    pub(super) output_events: Vec<u32>,
    /// Each traceroute's printed hop rows, typed (see `RunOutcome::traceroute_hops`).
    pub(crate) hops: VecMap<String, Vec<(u8, Vec<std::net::Ipv4Addr>)>>,
    /// Pad frames to Ethernet's 60-byte minimum.
    pub(crate) pad: bool,
    /// Wall-clock second that simulated time 0 stands for.
    pub(crate) epoch_secs: u64,
    pub(crate) switch_delay: SimTime,
    pub(crate) host_delay: SimTime,
    /// Delay before a frame an IP device sends now reaches its NIC: the
    /// processing delay while it handles a received frame, zero otherwise.
    pub(crate) tx_delay: SimTime,
    /// Work done so far (see [`super::budget`]): events scheduled, trace
    /// entries recorded, frames handed to a port, so a flood out of N ports
    /// costs at least N (3N: the hand-over, its `FrameSent`, its delivery).
    pub(super) work: u64,
    /// Pending events that are not background (see [`Ev::is_background`]):
    /// when none is left, a run whose queue holds only the spanning tree's
    /// periodic work is over.
    pub(super) foreground: u64,
    /// The last flood's `out` per port it came in on (global port index): the
    /// next flood from that port records the same shared list when its ports
    /// are the same (`l2::flood`), so a storm records no new list per frame.
    pub(crate) flood_outs: Vec<Option<Out>>,
    /// A flood's copies, reused from one flood to the next.
    pub(crate) flood_scratch: Vec<(u32, Frame)>,
}

impl Ctx {
    pub(super) fn new(rng: Rng) -> Ctx {
        Ctx {
            now: SimTime::ZERO,
            queue: EventQueue::new(),
            slab: Vec::new(),
            free_slots: Vec::new(),
            trace: Vec::new(),
            ids: Vec::new(),
            boots: Vec::new(),
            ports: Vec::new(),
            links: Vec::new(),
            rng,
            outputs: VecMap::new(),
            output_events: Vec::new(),
            hops: VecMap::new(),
            pad: true,
            epoch_secs: 0,
            switch_delay: SimTime::ZERO,
            host_delay: SimTime::ZERO,
            tx_delay: SimTime::ZERO,
            work: 0,
            foreground: 0,
            flood_outs: Vec::new(),
            flood_scratch: Vec::new(),
        }
    }

    /// Queues `ev` at `time`, after every event already queued at `time`. O(1)
    /// (amortised; see [`EventQueue`]).
    pub(super) fn schedule(&mut self, time: SimTime, ev: Ev) {
        debug_assert!(
            time >= self.now,
            "an event may not be scheduled in the past"
        );
        self.work += 1;
        let background = ev.is_background();
        if !background {
            self.foreground += 1;
        }
        let slot = match self.free_slots.pop() {
            Some(slot) => {
                self.slab[slot as usize] = Some(ev);
                slot
            }
            None => {
                self.slab.push(Some(ev));
                u32::try_from(self.slab.len() - 1).expect("fewer than 2^32 events wait at once")
            }
        };
        self.queue.push(Queued { time, slot, background });
    }

    /// The event a popped [`Queued`] names; its slot is free again.
    pub(super) fn take_slot(&mut self, slot: u32) -> Ev {
        self.free_slots.push(slot);
        self.slab[slot as usize].take().expect("a queued event's slot holds it until it is popped")
    }

    /// Sets a timer of device `dev`; it comes back as `on_timer(timer)`
    /// unless the device was power-cycled meanwhile (its boot count moved on).
    pub(crate) fn timer(&mut self, at: SimTime, dev: u32, timer: Timer) {
        let boot = self.boots[dev as usize];
        self.schedule(at, Ev::Timer { dev, timer, boot });
    }

    /// Appends an event to the trace at the current time. O(1) amortised.
    pub(crate) fn record(&mut self, kind: EventKind) {
        self.work += 1;
        if self.trace.len() == self.trace.capacity() {
            self.grow_trace();
        }
        self.trace.push(TraceEvent {
            time: self.now,
            kind,
        });
    }

    /// Makes room for more trace records. Small traces double, as a `Vec`
    /// does; from [`TRACE_STEP_FROM`] records on the trace grows by a quarter,
    /// so at most a fifth of a big trace's block is spare capacity instead of
    /// up to a half (issue 15's trace memory, docs/perf.md): a storm at the
    /// 2 M-event budget kept 29 % of its trace block unused. In the browser
    /// the spare part is given back when the run ends (`Sim::outcome`), but
    /// the wasm memory grown for it stays: a quarter step keeps that peak low.
    #[cold]
    #[inline(never)]
    fn grow_trace(&mut self) {
        let len = self.trace.len();
        let more = if len < TRACE_STEP_FROM { len.max(256) } else { len / 4 };
        self.trace.reserve_exact(more);
    }

    /// A device's id.
    pub(crate) fn id(&self, dev: u32) -> Name {
        self.ids[dev as usize].clone()
    }

    /// A port's name (`eth0`, `p3`).
    pub(crate) fn port_name(&self, port: u32) -> Name {
        self.ports[port as usize].name.clone()
    }

    /// True when a cable with carrier is plugged into `port` (a bridge floods
    /// only to forwarding ports: a port without carrier is disabled).
    pub(crate) fn is_linked(&self, port: u32) -> bool {
        self.has_carrier(port)
    }

    /// Port `port` of its device, as trace events hold it.
    pub(crate) fn port_ref(&self, port: u32) -> PortRef {
        self.ports[port as usize].at.clone()
    }

    /// Switch port `port` in VLAN `vlan`, as a VLAN-filtering switch's
    /// `SwitchForward`, `MacLearned` and `MacAged` hold it: made once per
    /// port and VLAN that occurs. `port_ref` for None.
    pub(crate) fn port_ref_in(&mut self, port: u32, vlan: Option<u16>) -> PortRef {
        let Some(vid) = vlan else { return self.port_ref(port) };
        let p = &mut self.ports[port as usize];
        if let Some((_, at)) = p.vlan_at.iter().find(|(v, _)| *v == vid) {
            return at.clone();
        }
        let at = PortRef::in_vlan(p.at.device.clone(), p.at.port.clone(), vlan);
        p.vlan_at.push((vid, at.clone()));
        at
    }

    /// A port's name, borrowed.
    pub(crate) fn port_name_ref(&self, port: u32) -> &Name {
        &self.ports[port as usize].name
    }

    /// `Forwarding::Port` out of `port`, as a `SwitchForward` holds it.
    pub(crate) fn port_out(&self, port: u32) -> Out {
        self.ports[port as usize].out.clone()
    }

    /// Records that `device` threw `bytes` away at its port `port`.
    pub(crate) fn drop_frame(&mut self, device: u32, port: u32, reason: DropReason, bytes: Frame) {
        debug_assert_eq!(self.ports[port as usize].device, device, "a device drops at its own port");
        let at = self.port_ref(port);
        self.record(EventKind::FrameDropped { at, reason, bytes });
    }

    /// Sends after the current device's processing delay (see `tx_delay`).
    pub(crate) fn send_frame(&mut self, port: u32, frame: Frame) {
        if self.tx_delay == SimTime::ZERO {
            self.transmit(port, frame);
        } else {
            let at = self.now + self.tx_delay;
            self.schedule(at, Ev::Transmit { port, frame });
        }
    }

    /// Hands `frame` to `port`'s transmitter at `at` (now or later).
    pub(crate) fn transmit_at(&mut self, at: SimTime, port: u32, frame: Frame) {
        if at == self.now {
            self.transmit(port, frame);
        } else {
            self.schedule(at, Ev::Transmit { port, frame });
        }
    }

    /// Hands `frame` to `port`'s transmitter at `at`, always through the
    /// queue (a switch's store-and-forward, even when its delay is zero).
    pub(crate) fn transmit_at_later(&mut self, at: SimTime, port: u32, frame: Frame) {
        self.schedule(at, Ev::Transmit { port, frame });
    }

    /// A command printed a line. It goes into the trace only; the run's
    /// `outputs` are gathered from the trace when it ends (`Sim::outcome`), so
    /// a line costs no label lookup and no copy while the run goes.
    pub(crate) fn output_line(&mut self, label: &Name, line: String) {
        let at = u32::try_from(self.trace.len()).unwrap_or(u32::MAX);
        self.output_events.push(at);
        self.record(EventKind::CommandOutput {
            label: label.clone(),
            line: line.into(),
        });
    }
}
