//! The discrete-event simulation: an event queue, links with transmit
//! queues, and the devices (`switch.rs`, `ip.rs`) and programs (`apps.rs`)
//! that react to events.
//!
//! Everything that happens is appended to the trace; nothing reads a clock or
//! iterates an unordered map, so a scenario always gives the same trace.

mod apps;
mod ip;
mod switch;

use crate::mac::MacAddr;
use crate::rng::Rng;
use crate::scenario::{DeviceKind, Scenario, ScenarioError, Topology};
use crate::time::SimTime;
use crate::trace::{DropReason, EventKind, Name, PortRef, Trace, TraceEvent};
use apps::App;
use ip::IpNode;
use serde::Serialize;
use std::cmp::{Ordering, Reverse};
use std::collections::{BTreeMap, BTreeSet, BinaryHeap, VecDeque};
use std::net::Ipv4Addr;
use std::sync::Arc;
use switch::Switch;

/// Frame bytes, shared between the trace and every copy a switch floods.
pub(crate) type Frame = Arc<[u8]>;

/// Frames a link direction holds while busy (Linux's default `txqueuelen`).
const TX_QUEUE_LEN: usize = 1000;
/// Bytes a frame occupies on the wire beyond what the trace shows:
/// FCS (4), preamble and start delimiter (8), inter-frame gap (12).
const WIRE_OVERHEAD: u64 = 24;

/// Why a run stopped.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum StopReason {
    /// Nothing was left to happen.
    Completed,
    /// Simulated time reached `options.max_time_ms`.
    TimeLimit { at: SimTime },
    /// The event budget ran out with ordinary traffic still going.
    EventBudget { events: u64 },
    /// The event budget ran out because frames circulate in a loop.
    BroadcastStorm {
        links: Vec<String>,
        devices: Vec<String>,
    },
}

/// Everything a run produced.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RunOutcome {
    /// The lab that ran, as validated: what diagnose, predict and the views read
    /// alongside the trace, so nobody validates it again.
    #[serde(skip)]
    pub topology: Arc<Topology>,
    pub trace: Trace,
    /// Each command's printed lines, keyed by its label ("pc1: ping -c 3 10.10.10.100").
    pub outputs: BTreeMap<String, Vec<String>>,
    pub stop: StopReason,
    /// Events taken from the queue (the measure of a run's cost).
    pub events_processed: u64,
}

impl RunOutcome {
    /// The device a command ran on, by the command's label (the key of `outputs`
    /// and of `CommandOutput` events).
    pub fn command_device(&self, label: &str) -> Option<&str> {
        let c = self.topology.commands.iter().find(|c| c.label == label)?;
        Some(self.topology.devices[c.device].id.as_str())
    }
}

/// A scenario ready to run.
pub struct Simulation {
    sim: Sim,
}

impl Simulation {
    /// Validates the scenario and builds the devices, links and command schedule.
    pub fn new(scenario: &Scenario) -> Result<Simulation, ScenarioError> {
        Ok(Simulation::from_topology(&scenario.validate()?))
    }

    /// Builds the devices, links and command schedule of a validated lab.
    pub fn from_topology(topology: &Topology) -> Simulation {
        Simulation {
            sim: Sim::build(Arc::new(topology.clone())),
        }
    }

    /// Runs until nothing is left to do, the time limit, or the event budget.
    ///
    /// Each event costs O(log n) in the event queue plus the device's own
    /// work (O(log n) MAC, neighbour and ID-table lookups, O(R) routes, and a
    /// switch's flood), so a run's cost grows with its events, not with the
    /// square of the topology.
    pub fn run(self) -> RunOutcome {
        self.sim.run()
    }
}

/// What can happen at an instant.
#[derive(Debug)]
enum Ev {
    /// The last bit of `frame` reached `port`.
    Deliver { port: u32, frame: Frame },
    /// Direction `dir` of `link` finished sending; start its next queued frame.
    TxReady { link: u32, dir: u8 },
    /// A device finished processing and hands `frame` to `port`'s transmitter.
    Transmit { port: u32, frame: Frame },
    /// A neighbour-cache timer.
    NeighTimer {
        dev: u32,
        iface: u32,
        ip: Ipv4Addr,
        gen: u32,
    },
    /// A switch checks whether a MAC table entry has aged out.
    MacAge { dev: u32, mac: MacAddr },
    /// A command starts.
    AppStart { app: u32 },
    /// A command's own timer (next ping, traceroute wake-up, exit).
    AppTimer { app: u32, gen: u32 },
}

/// An event with its place in the queue: ordered by time, then by the order
/// it was scheduled in (`seq`), so simultaneous events keep a fixed order.
struct Queued {
    time: SimTime,
    seq: u64,
    ev: Ev,
}

impl PartialEq for Queued {
    fn eq(&self, other: &Self) -> bool {
        (self.time, self.seq) == (other.time, other.seq)
    }
}
impl Eq for Queued {}
impl PartialOrd for Queued {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Queued {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.time, self.seq).cmp(&(other.time, other.seq))
    }
}

/// One device port (an interface or a numbered switch port).
struct Port {
    device: u32,
    name: Name,
    /// Index of the interface (IP devices) or the port (switches) inside the device.
    local: u32,
    /// The link plugged in, and which end of it this port is.
    link: Option<(u32, u8)>,
}

/// One direction of a link.
#[derive(Default)]
struct Direction {
    /// When the transmitter is free again.
    busy_until: SimTime,
    /// Frames waiting for the transmitter (FIFO).
    queue: VecDeque<Frame>,
    /// A `TxReady` event is already scheduled.
    wake_pending: bool,
}

struct Link {
    id: Name,
    /// Ports at end 0 and end 1; direction d sends from `ends[d]`.
    ends: [u32; 2],
    delay: SimTime,
    /// Serialisation time per byte in picoseconds (8 000 000 / Mbit/s).
    ps_per_byte: u64,
    dirs: [Direction; 2],
}

enum Body {
    Ip(Box<IpNode>),
    Switch(Switch),
    Hub,
}

struct Device {
    id: Name,
    /// Global port indices, in the device's port order.
    ports: Vec<u32>,
    body: Body,
}

pub(crate) struct Sim {
    topology: Arc<Topology>,
    now: SimTime,
    queue: BinaryHeap<Reverse<Queued>>,
    next_seq: u64,
    trace: Vec<TraceEvent>,
    devices: Vec<Device>,
    ports: Vec<Port>,
    links: Vec<Link>,
    apps: Vec<App>,
    rng: Rng,
    outputs: BTreeMap<String, Vec<String>>,
    pad: bool,
    epoch_secs: u64,
    switch_delay: SimTime,
    host_delay: SimTime,
    max_events: u64,
    max_time: SimTime,
    /// Delay before a frame an IP device sends now reaches its NIC: the
    /// processing delay while it handles a received frame, zero otherwise.
    tx_delay: SimTime,
}

impl Sim {
    fn build(topology: Arc<Topology>) -> Sim {
        let sc = &*topology;
        let o = &sc.options;
        let mut sim = Sim {
            topology: topology.clone(),
            now: SimTime::ZERO,
            queue: BinaryHeap::new(),
            next_seq: 0,
            trace: Vec::new(),
            devices: Vec::new(),
            ports: Vec::new(),
            links: Vec::new(),
            apps: Vec::new(),
            rng: Rng::new(sc.seed),
            outputs: BTreeMap::new(),
            pad: o.pad_short_frames,
            epoch_secs: o.epoch_secs,
            switch_delay: o.switch_delay,
            host_delay: o.host_delay,
            max_events: o.max_events,
            max_time: o.max_time,
            tx_delay: SimTime::ZERO,
        };
        for (d, spec) in sc.devices.iter().enumerate() {
            let d = d as u32;
            let mut ports = Vec::with_capacity(spec.ports.len());
            for (local, name) in spec.ports.iter().enumerate() {
                let p = sim.ports.len() as u32;
                sim.ports.push(Port {
                    device: d,
                    name: name.as_str().into(),
                    local: local as u32,
                    link: None,
                });
                ports.push(p);
            }
            let body = match spec.kind {
                DeviceKind::Switch => Body::Switch(Switch::new()),
                DeviceKind::Hub => Body::Hub,
                _ => Body::Ip(Box::new(IpNode::build(spec, &ports, &mut sim.rng))),
            };
            sim.devices.push(Device {
                id: spec.id.as_str().into(),
                ports,
                body,
            });
        }
        for (l, spec) in sc.links.iter().enumerate() {
            let a = sim.devices[spec.a.device].ports[spec.a.port];
            let b = sim.devices[spec.b.device].ports[spec.b.port];
            sim.ports[a as usize].link = Some((l as u32, 0));
            sim.ports[b as usize].link = Some((l as u32, 1));
            sim.links.push(Link {
                id: spec.id.as_str().into(),
                ends: [a, b],
                delay: spec.delay,
                ps_per_byte: spec.ps_per_byte,
                dirs: [Direction::default(), Direction::default()],
            });
        }
        for spec in &sc.commands {
            let app = sim.apps.len() as u32;
            sim.apps.push(App::new(
                spec.label.as_str().into(),
                spec.device as u32,
                spec.command.clone(),
            ));
            sim.outputs.insert(spec.label.clone(), Vec::new());
            sim.schedule(spec.at, Ev::AppStart { app });
        }
        for d in 0..sim.devices.len() {
            if let Body::Ip(node) = &sim.devices[d].body {
                let routes = node.route_entries();
                let device = sim.devices[d].id.clone();
                sim.record(EventKind::RoutesInstalled { device, routes });
            }
        }
        sim
    }

    /// Queues `ev` at `time`. O(log n) in the number of pending events.
    fn schedule(&mut self, time: SimTime, ev: Ev) {
        debug_assert!(
            time >= self.now,
            "an event may not be scheduled in the past"
        );
        let seq = self.next_seq;
        self.next_seq += 1;
        self.queue.push(Reverse(Queued { time, seq, ev }));
    }

    /// Appends an event to the trace at the current time. O(1) amortised.
    fn record(&mut self, kind: EventKind) {
        let seq = self.trace.len() as u64;
        self.trace.push(TraceEvent {
            seq,
            time: self.now,
            kind,
        });
    }

    fn port_ref(&self, port: u32) -> PortRef {
        let p = &self.ports[port as usize];
        PortRef {
            device: self.devices[p.device as usize].id.clone(),
            port: p.name.clone(),
        }
    }

    fn drop_frame(&mut self, device: u32, port: Option<u32>, reason: DropReason, bytes: Frame) {
        let device = self.devices[device as usize].id.clone();
        let port = port.map(|p| self.ports[p as usize].name.clone());
        self.record(EventKind::FrameDropped {
            device,
            port,
            reason,
            bytes,
        });
    }

    /// Hands a frame to a port's transmitter now. If the link direction is
    /// busy the frame waits in its FIFO, so frames leave in order and each
    /// occupies the link for its serialisation time.
    fn transmit(&mut self, port: u32, frame: Frame) {
        let Some((l, dir)) = self.ports[port as usize].link else {
            let device = self.ports[port as usize].device;
            self.drop_frame(device, Some(port), DropReason::NoLink, frame);
            return;
        };
        let now = self.now;
        let d = &mut self.links[l as usize].dirs[dir as usize];
        if d.busy_until <= now && d.queue.is_empty() {
            self.start_tx(l, dir, frame);
        } else if d.queue.len() >= TX_QUEUE_LEN {
            let device = self.ports[port as usize].device;
            self.drop_frame(device, Some(port), DropReason::TxQueueFull, frame);
        } else {
            d.queue.push_back(frame);
            if !d.wake_pending {
                d.wake_pending = true;
                let at = d.busy_until.max(now);
                self.schedule(at, Ev::TxReady { link: l, dir });
            }
        }
    }

    /// Sends after the current device's processing delay (see `tx_delay`).
    fn send_frame(&mut self, port: u32, frame: Frame) {
        if self.tx_delay == SimTime::ZERO {
            self.transmit(port, frame);
        } else {
            let at = self.now + self.tx_delay;
            self.schedule(at, Ev::Transmit { port, frame });
        }
    }

    fn start_tx(&mut self, l: u32, dir: u8, frame: Frame) {
        let now = self.now;
        let link = &mut self.links[l as usize];
        let bytes = frame.len() as u64 + WIRE_OVERHEAD;
        let serialisation = SimTime(bytes.saturating_mul(link.ps_per_byte) / 1000);
        let t_end = now + serialisation + link.delay;
        link.dirs[dir as usize].busy_until = now + serialisation;
        let from = link.ends[dir as usize];
        let to = link.ends[1 - dir as usize];
        let id = link.id.clone();
        let (from_ref, to_ref) = (self.port_ref(from), self.port_ref(to));
        self.record(EventKind::FrameSent {
            link: id,
            from: from_ref,
            to: to_ref,
            t_start: now,
            t_end,
            bytes: frame.clone(),
        });
        self.schedule(t_end, Ev::Deliver { port: to, frame });
    }

    fn tx_ready(&mut self, l: u32, dir: u8) {
        let d = &mut self.links[l as usize].dirs[dir as usize];
        d.wake_pending = false;
        if d.busy_until > self.now {
            d.wake_pending = true;
            let at = d.busy_until;
            self.schedule(at, Ev::TxReady { link: l, dir });
            return;
        }
        if let Some(frame) = d.queue.pop_front() {
            let more = !d.queue.is_empty();
            self.start_tx(l, dir, frame);
            if more {
                let d = &mut self.links[l as usize].dirs[dir as usize];
                d.wake_pending = true;
                let at = d.busy_until;
                self.schedule(at, Ev::TxReady { link: l, dir });
            }
        }
    }

    fn deliver(&mut self, port: u32, frame: Frame) {
        let p = &self.ports[port as usize];
        let (dev, local) = (p.device, p.local);
        let link = p
            .link
            .map(|(l, _)| self.links[l as usize].id.clone())
            .unwrap_or_default();
        let at = self.port_ref(port);
        self.record(EventKind::FrameReceived {
            at,
            link,
            bytes: frame.clone(),
        });
        match self.devices[dev as usize].body {
            Body::Switch(_) => self.switch_input(dev, local, frame),
            Body::Hub => self.hub_input(dev, local, frame),
            Body::Ip(_) => {
                self.tx_delay = self.host_delay;
                self.ip_frame_input(dev, local, frame);
                self.tx_delay = SimTime::ZERO;
            }
        }
    }

    fn dispatch(&mut self, ev: Ev) {
        match ev {
            Ev::Deliver { port, frame } => self.deliver(port, frame),
            Ev::TxReady { link, dir } => self.tx_ready(link, dir),
            Ev::Transmit { port, frame } => self.transmit(port, frame),
            Ev::NeighTimer {
                dev,
                iface,
                ip,
                gen,
            } => self.neigh_timer(dev, iface, ip, gen),
            Ev::MacAge { dev, mac } => self.mac_age(dev, mac),
            Ev::AppStart { app } => self.app_start(app),
            Ev::AppTimer { app, gen } => self.app_timer(app, gen),
        }
    }

    fn run(mut self) -> RunOutcome {
        let mut processed = 0u64;
        let stop = loop {
            let Some(Reverse(next)) = self.queue.pop() else {
                break StopReason::Completed;
            };
            if next.time > self.max_time {
                self.now = self.max_time;
                break StopReason::TimeLimit { at: self.max_time };
            }
            if processed >= self.max_events {
                break self.budget_exhausted(processed);
            }
            debug_assert!(next.time >= self.now, "time never goes backwards");
            self.now = next.time;
            processed += 1;
            self.dispatch(next.ev);
        };
        RunOutcome {
            topology: self.topology,
            trace: Trace { events: self.trace },
            outputs: self.outputs,
            stop,
            events_processed: processed,
        }
    }

    /// Decides whether the budget ran out because of a loop.
    ///
    /// The signature of a loop is circulation: the very same bytes crossing
    /// the same link between two switches (or hubs) again and again. Counting
    /// "how many recent frames were broadcasts" is not enough: with hosts on
    /// the loop, the unicast replies they send can outnumber the circulating
    /// broadcast. O(W log W) over the last W trace entries, once per run.
    fn budget_exhausted(&mut self, processed: u64) -> StopReason {
        const WINDOW: usize = 20_000;
        /// Copies of one frame on one link that no protocol retry explains
        /// (ARP retries at most 3 times, then gives up).
        const CIRCULATING: u32 = 10;
        let bridging = |sim: &Self, port: u32| {
            !matches!(
                sim.devices[sim.ports[port as usize].device as usize].body,
                Body::Ip(_)
            )
        };
        let between_bridges: BTreeMap<&str, [u32; 2]> = self
            .links
            .iter()
            .filter(|l| bridging(self, l.ends[0]) && bridging(self, l.ends[1]))
            .map(|l| (l.id.as_str(), l.ends))
            .collect();
        let mut copies: BTreeMap<(&str, &[u8]), u32> = BTreeMap::new();
        for ev in self.trace.iter().rev().take(WINDOW) {
            if let EventKind::FrameSent { link, bytes, .. } = &ev.kind {
                if between_bridges.contains_key(link.as_str()) {
                    *copies.entry((link.as_str(), &bytes[..])).or_default() += 1;
                }
            }
        }
        let links: BTreeSet<&str> = copies
            .iter()
            .filter(|(_, n)| **n >= CIRCULATING)
            .map(|((link, _), _)| *link)
            .collect();
        if links.is_empty() {
            return StopReason::EventBudget { events: processed };
        }
        let devices: BTreeSet<String> = links
            .iter()
            .flat_map(|l| between_bridges[l])
            .map(|port| {
                self.devices[self.ports[port as usize].device as usize]
                    .id
                    .to_string()
            })
            .collect();
        let links: Vec<String> = links.into_iter().map(str::to_string).collect();
        let devices: Vec<String> = devices.into_iter().collect();
        self.record(EventKind::Storm {
            links: links.clone(),
            devices: devices.clone(),
            events: processed,
        });
        StopReason::BroadcastStorm { links, devices }
    }

    fn output_line(&mut self, app: u32, line: String) {
        let label = self.apps[app as usize].label.clone();
        if let Some(lines) = self.outputs.get_mut(label.as_str()) {
            lines.push(line.clone());
        }
        self.record(EventKind::CommandOutput { label, line });
    }
}
