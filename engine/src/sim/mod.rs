//! The discrete-event simulation: the event queue and its loop. The world the
//! devices share (clock, trace, cables) is [`ctx::Ctx`]; each device owns its
//! state behind [`device::Device`] (`l2/` switches and hubs, `l3/` hosts and
//! routers, `apps/` the commands on them).
//!
//! Everything that happens is appended to the trace; nothing reads a clock or
//! iterates an unordered map, so a scenario always gives the same trace.

pub mod budget;
pub(crate) mod ctx;
pub(crate) mod device;
pub(crate) mod link;
mod config;
mod queue;
mod storm;

use crate::l2::{Hub, Switch};
use crate::l3::IpNode;
use crate::rng::Rng;
use crate::scenario::{DeviceKind, Scenario, ScenarioError, Topology};
use crate::time::SimTime;
use crate::trace::{DropReason, EventKind, Forwarding, Hop, InHop, LinkTiming, Name, Out, PortRef, Trace, TraceEvent};
use ctx::Ctx;
use device::{Body, Device, Timer};
use link::{Direction, Link, Port};
use serde::Serialize;
use crate::vec_map::VecMap;
use std::sync::Arc;

/// Frame bytes, shared between the trace and every copy a switch floods.
pub(crate) use crate::trace::Frame;

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
    /// The work budget ([`budget`]) ran out with ordinary traffic still
    /// going: `work` units spent in `events` events.
    WorkBudget { events: u64, work: u64 },
    /// The event or work budget ran out because frames circulate in a loop.
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
    pub outputs: VecMap<String, Vec<String>>,
    /// Each traceroute's hop lines as it printed them, typed: (hop number,
    /// the addresses on that line), keyed by the command's label. Checks read
    /// these instead of taking the printed text apart.
    #[serde(skip)]
    pub traceroute_hops: VecMap<String, Vec<(u8, Vec<std::net::Ipv4Addr>)>>,
    pub stop: StopReason,
    /// Events taken from the queue (the measure of a run's cost).
    pub events_processed: u64,
    /// Work spent ([`budget`]): events scheduled, trace entries, frames handed to ports.
    #[serde(skip)]
    pub work: u64,
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
        self.finish()
    }

    /// Runs on until the run is over or about `work` more units of work
    /// ([`budget`]) are spent, whichever comes first; true once it is over.
    /// Stepping a run in pieces gives exactly the outcome of [`run`](Self::run):
    /// the pieces only decide where the caller may pause (the app draws its
    /// progress and answers clicks between them).
    pub fn step(&mut self, work: u64) -> bool {
        self.sim.step(work)
    }

    /// How far the run has come: events taken, work spent, the work budget.
    pub fn progress(&self) -> Progress {
        Progress { events: self.sim.processed, work: self.sim.ctx.work, max_work: self.sim.max_work }
    }

    /// The outcome of a run that [`step`](Self::step) finished; a run still
    /// going is run to its end first.
    pub fn finish(mut self) -> RunOutcome {
        while !self.step(u64::MAX) {}
        self.sim.outcome()
    }
}

/// How far a run has come (see [`Simulation::progress`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    /// Events taken from the queue so far.
    pub events: u64,
    /// Work spent so far.
    pub work: u64,
    /// The run's work budget: it stops there at the latest (plus one event's overshoot).
    pub max_work: u64,
}

/// What can happen at an instant.
#[derive(Debug)]
pub(crate) enum Ev {
    /// The last bit of `frame` reached `port`.
    Deliver { port: u32, frame: Frame },
    /// Direction `dir` of `link` finished sending; start its next queued frame.
    TxReady { link: u32, dir: u8 },
    /// A device finished processing and hands `frame` to `port`'s transmitter.
    Transmit { port: u32, frame: Frame },
    /// A timer of device `dev`, set in its `boot`-th power cycle.
    Timer { dev: u32, timer: Timer, boot: u32 },
    /// Scheduled command `cmd` (an index of the topology's commands) is a
    /// configuration change: the simulation carries it out (config.rs).
    Config { cmd: u32 },
    /// A frame the cable lost (the lab's drop list) would have reached `port` now.
    Lost { port: u32, frame: Frame },
}

impl Ev {
    /// The spanning tree's periodic work, which never ends on its own: the
    /// hello, hold and message-age timers, BPDUs on their way, and the MAC
    /// ageing of STP switches (BPDUs refresh their neighbours' MACs). A run
    /// with nothing else left is over (otherwise it would never end).
    fn is_background(&self) -> bool {
        match self {
            Ev::Timer { timer: Timer::Stp { which, .. }, .. } => which.is_background(),
            Ev::Timer { timer: Timer::MacAge { quiet, .. }, .. } => *quiet,
            Ev::Deliver { frame, .. } | Ev::Transmit { frame, .. } | Ev::Lost { frame, .. } => {
                frame.starts_with(&crate::wire::stp::BRIDGE_GROUP)
            }
            _ => false,
        }
    }
}

pub(crate) struct Sim {
    topology: Arc<Topology>,
    /// The devices, by device index.
    bodies: Vec<Body>,
    ctx: Ctx,
    max_events: u64,
    /// The work budget ([`budget::work_budget`] of `max_events`).
    max_work: u64,
    max_time: SimTime,
    /// Events taken from the queue so far.
    processed: u64,
    /// Why the run stopped, once it has.
    stop: Option<StopReason>,
    /// Each device's global port indices, by device index.
    device_ports: Vec<Vec<u32>>,
    /// False while a device is powered off (`poweroff`).
    powered: Vec<bool>,
    /// Spanning-tree bridges by MAC, for naming them in sentences.
    stp_names: Arc<VecMap<crate::mac::MacAddr, crate::trace::Name>>,
}

/// The bridge MAC (lowest port MAC) of every STP switch, with its id.
fn stp_names(sc: &Topology) -> Arc<VecMap<crate::mac::MacAddr, crate::trace::Name>> {
    let mut names = VecMap::new();
    for dev in sc.devices.iter().filter(|d| d.stp) {
        if let Some(mac) = dev.ports.iter().map(|p| crate::mac::MacAddr::derived(&dev.id, p)).min() {
            names.insert(mac, dev.id.as_str().into());
        }
    }
    Arc::new(names)
}

/// A switch's spanning tree: port MACs derived from the names (as an IP
/// device's are), path costs from each port's cable.
pub(super) fn new_stp(
    d: usize,
    spec: &crate::scenario::Device,
    ports: &[u32],
    ctx: &Ctx,
    names: &Arc<VecMap<crate::mac::MacAddr, crate::trace::Name>>,
) -> crate::l2::stp::Stp {
    let ports: Vec<_> = ports
        .iter()
        .zip(&spec.ports)
        .map(|(&p, name)| {
            let cost = ctx.ports[p as usize]
                .link
                .map_or(100, |(l, _)| crate::l2::stp::cost_of_link(ctx.links[l as usize].hops[0].timing.ps_per_byte));
            (p, crate::mac::MacAddr::derived(&spec.id, name), cost)
        })
        .collect();
    crate::l2::stp::Stp::new(d as u32, spec.bridge_priority, &ports, names.clone())
}

impl Sim {
    fn build(topology: Arc<Topology>) -> Sim {
        let sc = &*topology;
        let o = &sc.options;
        let mut ctx = Ctx::new(Rng::new(sc.seed));
        ctx.pad = o.pad_short_frames;
        ctx.epoch_secs = o.epoch_secs;
        ctx.switch_delay = o.switch_delay;
        ctx.host_delay = o.host_delay;
        let mut bodies = Vec::with_capacity(sc.devices.len());
        let mut device_ports: Vec<Vec<u32>> = Vec::with_capacity(sc.devices.len());
        // VLAN subinterfaces and their parent port sending for them.
        let mut sent_as: Vec<(u32, PortRef)> = Vec::new();
        for (d, spec) in sc.devices.iter().enumerate() {
            let d = d as u32;
            let mut ports = Vec::with_capacity(spec.ports.len());
            let id: Name = spec.id.as_str().into();
            for (local, name) in spec.ports.iter().enumerate() {
                let p = ctx.ports.len() as u32;
                let name: Name = name.as_str().into();
                ctx.ports.push(Port {
                    device: d,
                    at: PortRef::new(id.clone(), name.clone()),
                    sent_hop: None,
                    vlan_at: Vec::new(),
                    out: Out::new(Forwarding::Port { port: name.clone() }),
                    name,
                    local: local as u32,
                    link: None,
                    up: true,
                    vlan: None,
                });
                ports.push(p);
            }
            for (i, iface) in spec.interfaces.iter().enumerate() {
                if let Some(v) = iface.vlan {
                    ctx.ports[ports[i] as usize].vlan = Some((ports[v.parent], v.vid));
                    let (parent, sub) = (&ctx.ports[ports[v.parent] as usize].name, &ctx.ports[ports[i] as usize].name);
                    sent_as.push((ports[i], PortRef::sent_by(id.clone(), parent.clone(), Some(sub.clone()))));
                }
            }
            ctx.ids.push(id);
            ctx.boots.push(0);
            let body = match spec.kind {
                DeviceKind::Switch => Body::Switch(Switch::new(d, ports.clone())),
                DeviceKind::Hub => Body::Hub(Hub::new(ports.clone())),
                _ => Body::Ip(Box::new(IpNode::build(d, spec, &ports, &mut ctx.rng))),
            };
            bodies.push(body);
            device_ports.push(ports);
        }
        for (l, spec) in sc.links.iter().enumerate() {
            let a = device_ports[spec.a.device][spec.a.port];
            let b = device_ports[spec.b.device][spec.b.port];
            ctx.ports[a as usize].link = Some((l as u32, 0));
            ctx.ports[b as usize].link = Some((l as u32, 1));
            let id: Name = spec.id.as_str().into();
            let (ra, rb) = (ctx.port_ref(a), ctx.port_ref(b));
            let timing = LinkTiming { delay: spec.delay, ps_per_byte: spec.ps_per_byte };
            ctx.links.push(Link {
                hops: [Hop::new(id.clone(), ra.clone(), rb.clone(), timing), Hop::new(id.clone(), rb, ra, timing)],
                id,
                ends: [a, b],
                dirs: [Direction::default(), Direction::default()],
                drop: spec.drop.clone(),
                carrier: true,
            });
        }
        // A subinterface's frames leave on its parent's cable, from the
        // parent port sending for it.
        for (sub, from) in sent_as {
            let Some((parent, _)) = ctx.ports[sub as usize].vlan else { continue };
            let Some((l, end)) = ctx.ports[parent as usize].link else { continue };
            let link = &ctx.links[l as usize];
            let to = ctx.port_ref(link.ends[1 - end as usize]);
            ctx.ports[sub as usize].sent_hop = Some(Hop::new(link.id.clone(), from, to, link.hops[end as usize].timing));
        }
        let bridges = stp_names(sc);
        for (d, spec) in sc.devices.iter().enumerate() {
            if let Body::Switch(sw) = &mut bodies[d] {
                if spec.stp {
                    sw.set_stp(new_stp(d, spec, &device_ports[d], &ctx, &bridges));
                }
                if let Some(v) = &spec.vlans {
                    sw.set_vlans(v.clone());
                }
            }
        }
        // Services start with the device; dhclient runs at boot on "dhcp" interfaces.
        for (d, spec) in sc.devices.iter().enumerate() {
            let Body::Ip(node) = &mut bodies[d] else { continue };
            start_services(node, spec, d as u32, SimTime::ZERO, &mut ctx);
        }
        for (c, spec) in sc.commands.iter().enumerate() {
            if let crate::scenario::Command::Config(_) = spec.command {
                ctx.outputs.insert(spec.label.clone(), Vec::new());
                ctx.schedule(spec.at, Ev::Config { cmd: c as u32 });
                continue;
            }
            let Body::Ip(node) = &mut bodies[spec.device] else {
                unreachable!("validation puts programs on IP devices");
            };
            let app = node.add_app(spec.label.as_str().into(), spec.command.clone());
            ctx.outputs.insert(spec.label.clone(), Vec::new());
            ctx.timer(spec.at, spec.device as u32, Timer::AppStart { app });
        }
        for (d, body) in bodies.iter().enumerate() {
            if let Body::Ip(node) = body {
                let routes = node.route_entries();
                let device = ctx.ids[d].clone();
                ctx.record(EventKind::RoutesInstalled { device, routes: Box::new(routes) });
            }
        }
        // nginx starts at boot too; its listener is recorded after the routing tables,
        // so every trace opens with them.
        for (d, spec) in sc.devices.iter().enumerate() {
            if let (Body::Ip(node), Some(s)) = (&mut bodies[d], &spec.web_server) {
                node.web_server_setup(&mut ctx, s);
            }
        }
        // Spanning-tree bridges come up (`ip link set br0 up`), after the
        // routing tables and listeners that open every trace.
        for body in &mut bodies {
            if let Body::Switch(sw) = body {
                sw.stp_start(&mut ctx);
            }
        }
        Sim {
            stp_names: bridges,
            max_events: o.max_events,
            max_work: budget::work_budget(o.max_events),
            max_time: o.max_time,
            processed: 0,
            stop: None,
            topology: topology.clone(),
            powered: vec![true; bodies.len()],
            bodies,
            ctx,
            device_ports,
        }
    }

    fn deliver(&mut self, port: u32, frame: Frame) {
        if !self.ctx.has_carrier(port) {
            // The cable went dark while the frame was on it.
            let device = self.ctx.ports[port as usize].device;
            self.ctx.drop_frame(device, port, DropReason::NoCarrier, frame);
            return;
        }
        let p = &self.ctx.ports[port as usize];
        let (dev, local) = (p.device, p.local);
        // The direction towards `port`: its hop's `to` is the port, as
        // `Ctx::port_ref` gives it (carrier means a cable is plugged in).
        let (l, end) = p.link.expect("a frame arrives over a cable");
        let hop = InHop(self.ctx.links[l as usize].hops[1 - end as usize].clone());
        self.ctx.record(EventKind::FrameReceived { hop, bytes: frame.clone() });
        let ctx = &mut self.ctx;
        match &mut self.bodies[dev as usize] {
            Body::Ip(n) => n.on_frame(ctx, local, frame),
            Body::Switch(s) => s.on_frame(ctx, local, frame),
            Body::Hub(h) => h.on_frame(ctx, local, frame),
        }
    }

    fn dispatch(&mut self, ev: Ev) {
        match ev {
            Ev::Deliver { port, frame } => self.deliver(port, frame),
            Ev::TxReady { link, dir } => self.ctx.tx_ready(link, dir),
            Ev::Transmit { port, frame } => self.ctx.transmit(port, frame),
            Ev::Lost { port, frame } => {
                let device = self.ctx.ports[port as usize].device;
                self.ctx.drop_frame(device, port, DropReason::LostOnLink, frame);
            }
            Ev::Config { cmd } => self.configure(cmd as usize),
            Ev::Timer { dev, timer, boot } => {
                if boot != self.ctx.boots[dev as usize] && !matches!(timer, Timer::AppStart { .. }) {
                    return; // set before the device was powered off
                }
                if !self.powered[dev as usize] {
                    if let (Timer::AppStart { app }, Body::Ip(node)) = (&timer, &self.bodies[dev as usize]) {
                        let label = node.apps[*app as usize].label.clone();
                        self.off_command(dev, &label);
                    }
                    return;
                }
                let ctx = &mut self.ctx;
                match &mut self.bodies[dev as usize] {
                    Body::Ip(n) => n.on_timer(ctx, timer),
                    Body::Switch(s) => s.on_timer(ctx, timer),
                    Body::Hub(h) => h.on_timer(ctx, timer),
                }
            }
        }
    }

    /// Takes events until the run stops or `quota` more units of work are
    /// spent; true once it has stopped.
    fn step(&mut self, quota: u64) -> bool {
        if self.stop.is_some() {
            return true;
        }
        let until = self.ctx.work.saturating_add(quota);
        let stop = loop {
            if self.ctx.work >= until {
                return false;
            }
            let Some(next) = self.ctx.queue.pop() else {
                break StopReason::Completed;
            };
            if next.background {
                if self.ctx.foreground == 0 {
                    // Only the spanning tree's hellos are left.
                    break StopReason::Completed;
                }
            } else {
                self.ctx.foreground -= 1;
            }
            if next.time > self.max_time {
                self.ctx.now = self.max_time;
                break StopReason::TimeLimit { at: self.max_time };
            }
            if self.processed >= self.max_events {
                break storm::budget_exhausted(&mut self.ctx, &self.bodies, self.processed, None);
            }
            if self.ctx.work >= self.max_work {
                let work = Some(self.ctx.work);
                break storm::budget_exhausted(&mut self.ctx, &self.bodies, self.processed, work);
            }
            debug_assert!(next.time >= self.ctx.now, "time never goes backwards");
            self.ctx.now = next.time;
            self.processed += 1;
            let ev = self.ctx.take_slot(next.slot);
            self.dispatch(ev);
        };
        self.stop = Some(stop);
        true
    }

    /// What a stopped run produced.
    fn outcome(self) -> RunOutcome {
        let stop = self.stop.expect("the run has stopped");
        let processed = self.processed;
        // The trace `Vec` doubled as it grew: up to half of it is spare
        // capacity, which the browser would hold while a student scrubs
        // (docs/perf.md, cut 2). On wasm, dlmalloc's `realloc` shrinks the
        // block in place, with no copy. Not natively: glibc remaps a large
        // block, and the next run's trace then faults in fresh pages (twice
        // the page faults in the throughput bench, and slower by the clock).
        #[allow(unused_mut)]
        let mut events = self.ctx.trace;
        #[cfg(target_arch = "wasm32")]
        events.shrink_to_fit();
        let mut outputs = self.ctx.outputs;
        gather_lines(&mut outputs, &events, &self.ctx.output_events);
        RunOutcome {
            topology: self.topology,
            trace: Trace { events },
            outputs,
            traceroute_hops: self.ctx.hops,
            stop,
            events_processed: processed,
            work: self.ctx.work,
        }
    }
}

/// Appends the `CommandOutput` lines of `events` at `at` (their indices, in
/// order) to their commands' lines. Only those events are read, not the whole
/// trace (which is cold in the cache by then). A command's lines mostly come
/// in a row (ping's statistics), so the label is looked up only when it changes.
fn gather_lines(outputs: &mut VecMap<String, Vec<String>>, events: &[TraceEvent], at: &[u32]) {
    let mut current: Option<(&Name, Option<&mut Vec<String>>)> = None;
    for &i in at {
        let EventKind::CommandOutput { label, line } = &events[i as usize].kind else { continue };
        if !matches!(&current, Some((l, _)) if *l == label) {
            current = Some((label, outputs.get_mut(label.as_str())));
        }
        if let Some((_, Some(lines))) = &mut current {
            lines.push(line.to_string());
        }
    }
}

/// What starts with an IP device, at boot and at `poweron`: its DHCP and DNS
/// servers, and dhclient on each `"dhcp"` interface (a timer at `at`).
pub(super) fn start_services(node: &mut IpNode, spec: &crate::scenario::Device, d: u32, at: SimTime, ctx: &mut Ctx) {
    if let Some(s) = &spec.dhcp_server {
        node.dhcp_server_setup(s);
    }
    if let Some(s) = &spec.dns_server {
        node.dns_server_setup(s);
    }
    for (i, iface) in spec.interfaces.iter().enumerate() {
        if iface.dhcp {
            ctx.timer(at, d, Timer::Dhcp { iface: i as u32, gen: 0 });
        }
        // IPv6 comes up with a cable (addrconf waits for carrier: "link is not ready").
        if iface.ipv6.is_some() && ctx.is_linked(node.ifaces[i].port) {
            node.addrconf_up(ctx, i as u32);
        }
    }
}
