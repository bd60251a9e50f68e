//! What-if comparison (issue 18): two runs of a lab that differ in one thing, the
//! first place their traces part, and one sentence that says why.
//!
//! The traces are compared event by event in the order of their *significant*
//! events — frames sent, received and dropped, routing decisions, table changes,
//! ICMP errors, program output — not by raw position: a run whose lab changed
//! records the change itself (the routes installed at the start, a port going
//! down, a flush), and those events are the change, which the sentence names from
//! the two topologies, not a consequence of it. Frames compare by link, ends and
//! bytes, not by time, so the same frame a moment later is the same step.
//!
//! The sentence joins the configuration difference ([`ConfigChange`], read from
//! the two validated topologies) with the first pair of differing events, in the
//! facts both runs recorded: "with 192.168.1.10/16 on pc1 (instead of /24), pc1
//! and pc2 are on the same network, so pc1 ARPs for pc2 directly instead of for
//! its gateway 192.168.1.1".

use super::facts::{ChosenRoute, RouteDecision, RouteKind};
use super::{EventKind, Trace, TraceEvent};
use crate::scenario::Topology;
use crate::sim::RunOutcome;
use ipnet::Ipv4Net;
use std::net::Ipv4Addr;

/// One thing that differs between the original lab and the variant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConfigChange {
    /// An interface's address or mask (None: no static address).
    Address { device: String, interface: String, old: Option<Ipv4Net>, new: Option<Ipv4Net> },
    /// A default gateway.
    Gateway { device: String, old: Option<Ipv4Addr>, new: Option<Ipv4Addr> },
    /// A static route present in one lab only (`added`: in the variant).
    Route { device: String, prefix: Ipv4Net, via: Ipv4Addr, added: bool },
    /// A cable present in one lab only.
    Cable { link: String, added: bool },
    /// A cable in both whose ends, delay, speed or drop list changed.
    CableChanged { link: String },
    /// A device present in one lab only.
    Device { device: String, added: bool },
    /// A command (its label, "pc1: ping -c 3 10.0.0.2") present in one lab only, with its start.
    Command { label: String, at: crate::time::SimTime, added: bool },
    /// Anything else about a device (kind, interfaces, services, resolv.conf).
    DeviceOther { device: String },
    /// The seed or the run options.
    Options,
}

impl ConfigChange {
    /// The change as a phrase that opens a sentence: "with 10.0.0.1/16 on pc1 (instead of /24)".
    pub fn phrase(&self) -> String {
        match self {
            ConfigChange::Address { device, interface, old, new } => match (old, new) {
                (Some(o), Some(n)) if o.addr() == n.addr() => {
                    format!("with {n} on {device} (instead of /{})", o.prefix_len())
                }
                (Some(o), Some(n)) => format!("with {n} on {device} (instead of {o})"),
                (None, Some(n)) => format!("with {n} on {device} {interface}"),
                (Some(o), None) => format!("without {o} on {device} {interface}"),
                (None, None) => format!("with {device} {interface} changed"),
            },
            ConfigChange::Gateway { device, old, new } => match (old, new) {
                (Some(o), Some(n)) => format!("with gateway {n} on {device} (instead of {o})"),
                (None, Some(n)) => format!("with gateway {n} on {device}"),
                (Some(o), None) => format!("without the gateway {o} on {device}"),
                (None, None) => format!("with {device}'s gateway changed"),
            },
            ConfigChange::Route { device, prefix, via, added: true } => {
                format!("with the route {prefix} via {via} on {device}")
            }
            ConfigChange::Route { device, prefix, via, added: false } => {
                format!("without the route {prefix} via {via} on {device}")
            }
            ConfigChange::Cable { link, added: true } => format!("with the cable {link} plugged in"),
            ConfigChange::Cable { link, added: false } => format!("without the cable {link}"),
            ConfigChange::CableChanged { link } => format!("with the cable {link} changed"),
            ConfigChange::Device { device, added: true } => format!("with {device} added"),
            ConfigChange::Device { device, added: false } => format!("without {device}"),
            ConfigChange::Command { label, at, added: true } => format!("with `{label}` at {at}"),
            ConfigChange::Command { label, added: false, .. } => format!("without `{label}`"),
            ConfigChange::DeviceOther { device } => format!("with {device}'s settings changed"),
            ConfigChange::Options => "with the run options changed".to_string(),
        }
    }
}

/// Everything that differs between two topologies, device by device in the
/// original's order (a device matches by id, a cable by id, a command by label).
pub fn config_changes(original: &Topology, variant: &Topology) -> Vec<ConfigChange> {
    let mut out = Vec::new();
    for o in &original.devices {
        let Some(v) = variant.devices.iter().find(|d| d.id == o.id) else {
            out.push(ConfigChange::Device { device: o.id.clone(), added: false });
            continue;
        };
        let device = || o.id.clone();
        for oi in &o.interfaces {
            if let Some(vi) = v.interfaces.iter().find(|i| i.name == oi.name) {
                if oi.address != vi.address {
                    out.push(ConfigChange::Address { device: device(), interface: oi.name.clone(), old: oi.address, new: vi.address });
                }
            }
        }
        if o.gateway != v.gateway {
            out.push(ConfigChange::Gateway { device: device(), old: o.gateway, new: v.gateway });
        }
        let route_key = |r: &crate::scenario::Route| (r.prefix, r.via, r.metric);
        for (from, to, added) in [(&o.routes, &v.routes, false), (&v.routes, &o.routes, true)] {
            for r in from.iter().filter(|r| !to.iter().any(|t| route_key(t) == route_key(r))) {
                out.push(ConfigChange::Route { device: device(), prefix: r.prefix, via: r.via, added });
            }
        }
        // Whatever else changed (kind, interfaces added or removed, resolv.conf, services):
        // the device with the changes named above undone must equal the variant's.
        let mut rest = o.clone();
        rest.gateway = v.gateway;
        rest.routes = v.routes.clone();
        for oi in &mut rest.interfaces {
            if let Some(vi) = v.interfaces.iter().find(|i| i.name == oi.name) {
                oi.address = vi.address;
            }
        }
        if rest != *v {
            out.push(ConfigChange::DeviceOther { device: device() });
        }
    }
    for v in variant.devices.iter().filter(|v| !original.devices.iter().any(|o| o.id == v.id)) {
        out.push(ConfigChange::Device { device: v.id.clone(), added: true });
    }
    // Cables compare by their ends' names: device indices may shift.
    let ends = |t: &Topology, l: &crate::scenario::Link| {
        let name = |e: crate::scenario::PortEnd| {
            let d = &t.devices[e.device];
            (d.id.clone(), d.ports.get(e.port).cloned().unwrap_or_default())
        };
        (name(l.a), name(l.b), l.delay, l.ps_per_byte, l.drop.clone())
    };
    for o in &original.links {
        match variant.links.iter().find(|v| v.id == o.id) {
            None => out.push(ConfigChange::Cable { link: o.id.clone(), added: false }),
            Some(v) if ends(original, o) != ends(variant, v) => out.push(ConfigChange::CableChanged { link: o.id.clone() }),
            Some(_) => {}
        }
    }
    for v in variant.links.iter().filter(|v| !original.links.iter().any(|o| o.id == v.id)) {
        out.push(ConfigChange::Cable { link: v.id.clone(), added: true });
    }
    let command = |c: &crate::scenario::ScheduledCommand| (c.label.clone(), c.at);
    for (from, to, added) in [(&original.commands, &variant.commands, false), (&variant.commands, &original.commands, true)] {
        for c in from.iter().filter(|c| !to.iter().any(|t| command(t) == command(c))) {
            out.push(ConfigChange::Command { label: c.label.clone(), at: c.at, added });
        }
    }
    if original.seed != variant.seed || original.options != variant.options {
        out.push(ConfigChange::Options);
    }
    out
}

/// True for an event the comparison aligns on. Left out: the routes installed at
/// the start, a command starting, and the direct effects of a configuration
/// command (a port down or up, a flush, an address change, power): those are the
/// change itself, named from the topologies, not something it caused.
pub fn significant(event: &TraceEvent) -> bool {
    !matches!(
        event.kind,
        EventKind::RoutesInstalled { .. }
            | EventKind::CommandStarted { .. }
            | EventKind::LinkChanged { .. }
            | EventKind::MacFlushed { .. }
            | EventKind::NeighborFlushed { .. }
            | EventKind::AddressChanged { .. }
            | EventKind::PowerChanged { .. }
    )
}

/// The same step in both runs: equal events, except that a frame is the same
/// frame whenever it is sent at another time (link, ends and bytes equal).
fn same_step(a: &EventKind, b: &EventKind) -> bool {
    match (a, b) {
        (
            EventKind::FrameSent { link, from, to, bytes, .. },
            EventKind::FrameSent { link: l2, from: f2, to: t2, bytes: b2, .. },
        ) => link == l2 && from == f2 && to == t2 && bytes == b2,
        _ => a == b,
    }
}

/// The trace indices of a run's significant events, in order: what aligns two runs.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Steps(pub Vec<usize>);

impl Steps {
    /// The significant events of `trace`.
    pub fn of(trace: &Trace) -> Steps {
        Steps(trace.events.iter().enumerate().filter(|(_, e)| significant(e)).map(|(i, _)| i).collect())
    }

    /// How many significant events are among the first `shown` events.
    pub fn count_before(&self, shown: usize) -> usize {
        self.0.partition_point(|&i| i < shown)
    }

    /// The number of events to show so that `steps` significant events have
    /// happened (and nothing of the next one): the same step as the other run's.
    pub fn shown_for(&self, steps: usize, len: usize) -> usize {
        match steps.checked_sub(1) {
            None => self.0.first().copied().unwrap_or(len),
            Some(k) => match self.0.get(k) {
                Some(&i) => {
                    // Up to the next significant event: the insignificant ones after a step belong to it.
                    self.0.get(k + 1).copied().unwrap_or(len).max(i + 1)
                }
                None => len,
            },
        }
    }
}

/// Where two runs first part.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Divergence {
    /// How many significant events the runs share before it.
    pub step: usize,
    /// The trace index of the first differing event in the original run (None: it had ended).
    pub original: Option<usize>,
    /// The same in the variant.
    pub variant: Option<usize>,
}

/// Two runs compared.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comparison {
    /// What differs in the labs.
    pub changes: Vec<ConfigChange>,
    /// Where the traces part; None: the same run.
    pub divergence: Option<Divergence>,
    /// One sentence: the change and what it made different first.
    pub sentence: String,
    /// Each run's significant events, for stepping both together.
    pub original_steps: Steps,
    pub variant_steps: Steps,
}

impl Comparison {
    /// How many events of the original to show when the variant shows `variant_shown`:
    /// the same number of significant events (before the divergence, the same step).
    pub fn original_shown(&self, variant_shown: usize, original_len: usize) -> usize {
        self.original_steps.shown_for(self.variant_steps.count_before(variant_shown), original_len)
    }
}

/// Compares the run of the original lab with the run of its variant.
pub fn compare(original: &RunOutcome, variant: &RunOutcome) -> Comparison {
    let changes = config_changes(&original.topology, &variant.topology);
    let (os, vs) = (Steps::of(&original.trace), Steps::of(&variant.trace));
    let (oe, ve) = (&original.trace.events, &variant.trace.events);
    let step = os.0.iter().zip(&vs.0).take_while(|(&a, &b)| same_step(&oe[a].kind, &ve[b].kind)).count();
    let divergence = (step < os.0.len() || step < vs.0.len())
        .then(|| Divergence { step, original: os.0.get(step).copied(), variant: vs.0.get(step).copied() });
    let cause = cause_phrase(&changes);
    let sentence = match &divergence {
        None if changes.is_empty() => "The two runs are the same: nothing in the lab changed.".to_string(),
        None => format!("{} the run is the same: nothing this run does depends on it.", capitalise(&format!("{cause},"))),
        Some(d) => {
            let (o, v) = (d.original.map(|i| &oe[i]), d.variant.map(|i| &ve[i]));
            let what = difference(o, v, variant);
            capitalise(&format!("{cause}, {what}."))
        }
    };
    Comparison { changes, divergence, sentence, original_steps: os, variant_steps: vs }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

/// The changes as the sentence's opening: the first two named, the rest counted.
fn cause_phrase(changes: &[ConfigChange]) -> String {
    match changes {
        [] => "with the same lab".to_string(),
        [one] => one.phrase(),
        [a, b] => format!("{} and {}", a.phrase(), b.phrase()),
        [a, b, rest @ ..] => format!("{}, {} and {} more change(s)", a.phrase(), b.phrase(), rest.len()),
    }
}

/// The device whose address `ip` is in `topology`, or the address itself.
fn who(topology: &Topology, ip: Ipv4Addr) -> String {
    topology
        .devices
        .iter()
        .find(|d| d.addresses().any(|a| a.addr() == ip))
        .map_or_else(|| ip.to_string(), |d| d.id.clone())
}

/// Where a route decision sends a packet, as a clause after "sends … ".
fn hop_clause(topology: &Topology, chosen: &ChosenRoute, dst: Ipv4Addr) -> String {
    match (chosen.via, chosen.kind) {
        (None, _) => format!("straight to {} on {}", who(topology, dst), chosen.interface),
        (Some(gw), RouteKind::Default) => format!("to its gateway {gw}"),
        (Some(gw), _) => format!("through {gw} (route {})", chosen.prefix),
    }
}

/// The first differing pair (either may be missing: that run had ended), told
/// from both runs' facts.
fn difference(original: Option<&TraceEvent>, variant: Option<&TraceEvent>, v_run: &RunOutcome) -> String {
    let topo = &v_run.topology;
    match (original.map(|e| &e.kind), variant.map(|e| &e.kind)) {
        (Some(EventKind::Route { device, decision: od }), Some(EventKind::Route { device: vd_dev, decision: vd }))
            if device == vd_dev && od.destination == vd.destination =>
        {
            route_difference(topo, device.as_str(), od, vd)
        }
        (
            Some(EventKind::SwitchForward { device, in_port, out: oo, .. }),
            Some(EventKind::SwitchForward { device: d2, in_port: i2, out: vo, .. }),
        ) if device == d2 && in_port == i2 => {
            let lost: Vec<&str> = out_ports(oo).into_iter().filter(|p| !out_ports(vo).contains(p)).collect();
            let why: Vec<String> = lost.iter().filter_map(|p| port_state(v_run, variant.map_or(0, |e| e.seq as usize), device.as_str(), p)).collect();
            let why = if why.is_empty() { String::new() } else { format!(": {}", why.join(", ")) };
            // The frame itself: the one that just came in on that port.
            let at = variant.map_or(0, |e| e.seq as usize).min(v_run.trace.events.len());
            let frame = v_run.trace.events[..at].iter().rev().find_map(|e| match &e.kind {
                EventKind::FrameReceived { at, bytes, .. } if at.device == *device && at.port == *in_port => Some(quote(&crate::wire::summarize(bytes))),
                _ => None,
            });
            let frame = frame.unwrap_or_else(|| "the frame".to_string());
            format!("{device} sends {frame} from {in_port} out of {} instead of {}{why}", out_text(vo), out_text(oo))
        }
        (
            Some(EventKind::CommandOutput { label, line: ol }),
            Some(EventKind::CommandOutput { label: l2, line: vl }),
        ) if label == l2 => {
            let reach = target_reach(topo, label.as_str()).map(|s| format!("{s}, so ")).unwrap_or_default();
            format!("{reach}`{label}` prints “{vl}” instead of “{ol}”")
        }
        (Some(o), Some(v)) => format!("{}, where in the original {}", clause(v, topo), clause(o, topo)),
        (Some(o), None) => format!("the variant's run has ended where the original goes on: {}", clause(o, topo)),
        (None, Some(v)) => format!("the original run has ended where the variant goes on: {}", clause(v, topo)),
        (None, None) => "the runs are the same".to_string(),
    }
}

/// Two routing decisions for the same packet.
fn route_difference(topo: &Topology, device: &str, o: &RouteDecision, v: &RouteDecision) -> String {
    let dst = v.destination;
    let peer = who(topo, dst);
    match (&o.chosen, &v.chosen) {
        (Some(oc), Some(vc)) => match (oc.via, vc.via) {
            (Some(gw), None) => format!(
                "{device} and {peer} are on the same network, so {device} ARPs for {peer} directly instead of for its gateway {gw}"
            ),
            (None, Some(gw)) => format!(
                "{peer} is not on {device}'s network any more, so {device} ARPs for {} {gw} instead of for {peer} directly",
                if vc.kind == RouteKind::Default { "its gateway" } else { "the router" }
            ),
            _ => format!("{device} sends the packet for {dst} {} instead of {}", hop_clause(topo, vc, dst), hop_clause(topo, oc, dst)),
        },
        (Some(oc), None) => format!(
            "{device} has no route to {dst} (it is not on {device}'s network and no route covers it), so the packet goes nowhere instead of {}",
            hop_clause(topo, oc, dst)
        ),
        (None, Some(vc)) => format!("{device} now has a route to {dst}: the packet goes {} instead of nowhere", hop_clause(topo, vc, dst)),
        (None, None) => format!("{device} decides differently about {dst}"),
    }
}

/// The ports a switch sent a frame out of.
fn out_ports(out: &super::Forwarding) -> Vec<&str> {
    match out {
        super::Forwarding::Port { port } => vec![port.as_str()],
        super::Forwarding::Flood { ports } => ports.iter().map(|p| p.as_str()).collect(),
    }
}

fn out_text(out: &super::Forwarding) -> String {
    match out_ports(out).as_slice() {
        [] => "no port".to_string(),
        ports => ports.join(", "),
    }
}

/// Why a port of `device` takes no frame in `run` before trace index `before`: no
/// cable in its topology, or its last carrier change was a loss.
fn port_state(run: &RunOutcome, before: usize, device: &str, port: &str) -> Option<String> {
    let t = &run.topology;
    let d = t.devices.iter().position(|d| d.id == device)?;
    let p = t.devices[d].port(port)?;
    let end = crate::scenario::PortEnd { device: d, port: p };
    if !t.links.iter().any(|l| l.a == end || l.b == end) {
        return Some(format!("{port} has no cable"));
    }
    let last = run.trace.events[..before.min(run.trace.events.len())].iter().rev().find_map(|e| match &e.kind {
        EventKind::LinkChanged { device: dv, port: pt, up, .. } if dv.as_str() == device && pt.as_str() == port => Some(*up),
        _ => None,
    });
    (last == Some(false)).then(|| format!("{port} is down (no carrier: its cable's far end went down)"))
}

/// For a command with a target (ping, traceroute): how its device reaches the
/// target in `topo`, when that is "no route" (the usual cause of a different first line).
fn target_reach(topo: &Topology, label: &str) -> Option<String> {
    use crate::scenario::Command;
    let c = topo.commands.iter().find(|c| c.label == label)?;
    let target = match &c.command {
        Command::Ping { target, name: None, .. } | Command::Traceroute { target, name: None, .. } => *target,
        _ => return None,
    };
    let d = &topo.devices[c.device];
    let on_link = d.addresses().any(|a| a.contains(&target));
    let routed = d.gateway.is_some() || d.routes.iter().any(|r| r.prefix.contains(&target));
    (!on_link && !routed).then(|| {
        let mine: Vec<String> = d.addresses().map(|a| a.trunc().to_string()).collect();
        format!(
            "{target} is not on {}'s network ({}) and {} has no gateway or route to it",
            d.id,
            if mine.is_empty() { "it has no address".to_string() } else { mine.join(", ") },
            d.id
        )
    })
}

/// One event as a short clause ("sw1 drops …: reason").
fn clause(kind: &EventKind, topo: &Topology) -> String {
    let frame = |b: &[u8]| crate::wire::summarize(b);
    match kind {
        EventKind::FrameSent { from, to, bytes, .. } => {
            format!("{} sends {} to {}", from.device, quote(&frame(bytes)), to.device)
        }
        EventKind::FrameReceived { at, bytes, .. } => format!("{} receives {}", at.device, quote(&frame(bytes))),
        EventKind::FrameDropped { device, reason, bytes, .. } => {
            format!("{device} drops {}: {}", quote(&frame(bytes)), reason.msg())
        }
        EventKind::PacketDropped { device, reason, bytes } => {
            let what = crate::wire::decode(bytes).ipv4().map(|ip| format!("a packet for {}", ip.dst.value)).unwrap_or_else(|| "a packet".into());
            format!("{device} throws away {what}: {}", reason.msg())
        }
        EventKind::Route { device, decision } => match &decision.chosen {
            Some(c) => format!("{device} sends the packet for {} {}", decision.destination, hop_clause(topo, c, decision.destination)),
            None => format!("{device} has no route to {}", decision.destination),
        },
        EventKind::NeighborChanged { device, ip, new, .. } => {
            format!("{device}'s ARP entry for {ip} becomes {}", new.name())
        }
        EventKind::CommandOutput { label, line } => format!("`{label}` prints “{line}”"),
        _ => {
            let mut s = TraceEvent { seq: 0, time: crate::time::SimTime::ZERO, kind: kind.clone() }.explain();
            while s.ends_with('.') {
                s.pop();
            }
            s
        }
    }
}

fn quote(s: &str) -> String {
    format!("“{s}”")
}
