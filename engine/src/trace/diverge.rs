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
use crate::msg;
use crate::msg::{Arg, Msg};
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
    /// `start`: it is the sentence's first word (capitalised in English).
    pub fn phrase(&self, start: bool) -> Msg {
        let start = if start { "yes" } else { "no" };
        match self {
            ConfigChange::Address { device, interface, old, new } => match (old, new) {
                (Some(o), Some(n)) if o.addr() == n.addr() => {
                    msg!("explain-whatif-mask", start = start, address = n, device = device, old_len = o.prefix_len().to_string())
                }
                (Some(o), Some(n)) => msg!("explain-whatif-address", start = start, address = n, device = device, old = o),
                (None, Some(n)) => msg!("explain-whatif-address-added", start = start, address = n, device = device, interface = interface),
                (Some(o), None) => msg!("explain-whatif-address-removed", start = start, address = o, device = device, interface = interface),
                (None, None) => msg!("explain-whatif-interface-changed", start = start, device = device, interface = interface),
            },
            ConfigChange::Gateway { device, old, new } => match (old, new) {
                (Some(o), Some(n)) => msg!("explain-whatif-gateway", start = start, gateway = n, device = device, old = o),
                (None, Some(n)) => msg!("explain-whatif-gateway-added", start = start, gateway = n, device = device),
                (Some(o), None) => msg!("explain-whatif-gateway-removed", start = start, gateway = o, device = device),
                (None, None) => msg!("explain-whatif-gateway-changed", start = start, device = device),
            },
            ConfigChange::Route { device, prefix, via, added: true } => {
                msg!("explain-whatif-route-added", start = start, prefix = prefix, via = via, device = device)
            }
            ConfigChange::Route { device, prefix, via, added: false } => {
                msg!("explain-whatif-route-removed", start = start, prefix = prefix, via = via, device = device)
            }
            ConfigChange::Cable { link, added: true } => msg!("explain-whatif-cable-added", start = start, link = link),
            ConfigChange::Cable { link, added: false } => msg!("explain-whatif-cable-removed", start = start, link = link),
            ConfigChange::CableChanged { link } => msg!("explain-whatif-cable-changed", start = start, link = link),
            ConfigChange::Device { device, added: true } => msg!("explain-whatif-device-added", start = start, device = device),
            ConfigChange::Device { device, added: false } => msg!("explain-whatif-device-removed", start = start, device = device),
            ConfigChange::Command { label, at, added: true } => {
                msg!("explain-whatif-command-added", start = start, command = label, at = at)
            }
            ConfigChange::Command { label, added: false, .. } => msg!("explain-whatif-command-removed", start = start, command = label),
            ConfigChange::DeviceOther { device } => msg!("explain-whatif-device-changed", start = start, device = device),
            ConfigChange::Options => msg!("explain-whatif-options", start = start),
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
            EventKind::FrameSent { hop, bytes, .. },
            EventKind::FrameSent { hop: h2, bytes: b2, .. },
        ) => hop == h2 && bytes == b2,
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
    /// One sentence: the change and what it made different first (a catalogue message).
    pub sentence: Msg,
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
        None if changes.is_empty() => msg!("explain-whatif-identical"),
        None => msg!("explain-whatif-no-effect", cause = cause),
        Some(d) => {
            let (o, v) = (d.original.map(|i| &oe[i]), d.variant.map(|i| &ve[i]));
            msg!("explain-whatif-differs", cause = cause, what = difference(o, v, d.variant.unwrap_or(0), variant))
        }
    };
    Comparison { changes, divergence, sentence, original_steps: os, variant_steps: vs }
}

/// The changes as the sentence's opening: the first two named, the rest counted.
fn cause_phrase(changes: &[ConfigChange]) -> Msg {
    match changes {
        [] => msg!("explain-whatif-same-lab"),
        [one] => one.phrase(true),
        [a, b] => msg!("explain-whatif-two-changes", first = a.phrase(true), second = b.phrase(false)),
        [a, b, rest @ ..] => {
            msg!("explain-whatif-more-changes", first = a.phrase(true), second = b.phrase(false), count = rest.len())
        }
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
fn hop_clause(topology: &Topology, chosen: &ChosenRoute, dst: Ipv4Addr) -> Msg {
    match (chosen.via, chosen.kind) {
        (None, _) => msg!("explain-whatif-hop-direct", peer = who(topology, dst), interface = &chosen.interface),
        (Some(gw), RouteKind::Default) => msg!("explain-whatif-hop-gateway", gateway = gw),
        (Some(gw), _) => msg!("explain-whatif-hop-route", router = gw, prefix = chosen.prefix),
    }
}

/// The first differing pair (either may be missing: that run had ended), told
/// from both runs' facts; `v_at` is the variant's event's index (0 without one).
fn difference(original: Option<&TraceEvent>, variant: Option<&TraceEvent>, v_at: usize, v_run: &RunOutcome) -> Msg {
    let topo = &v_run.topology;
    match (original.map(|e| &e.kind), variant.map(|e| &e.kind)) {
        (Some(EventKind::Route { device, decision: od }), Some(EventKind::Route { device: vd_dev, decision: vd }))
            if device == vd_dev && od.destination == vd.destination =>
        {
            route_difference(topo, device.as_str(), od, vd)
        }
        (
            Some(EventKind::SwitchForward { at: in_at, out: oo, .. }),
            Some(EventKind::SwitchForward { at: a2, out: vo, .. }),
        ) if in_at == a2 => {
            let (device, in_port) = (&in_at.device, &in_at.port);
            let lost: Vec<&str> = out_ports(oo).into_iter().filter(|p| !out_ports(vo).contains(p)).collect();
            let why: Vec<Msg> = lost.iter().filter_map(|p| port_state(v_run, v_at, device.as_str(), p)).collect();
            // The frame itself: the one that just came in on that port.
            let at = v_at.min(v_run.trace.events.len());
            let frame = v_run.trace.events[..at].iter().rev().find_map(|e| match &e.kind {
                EventKind::FrameReceived { hop, bytes } if hop.to.device == *device && hop.to.port == *in_port => Some(quote(&crate::wire::summarize(bytes))),
                _ => None,
            });
            let frame = frame.unwrap_or_else(|| msg!("explain-whatif-the-frame"));
            let (now, before) = (out_text(vo), out_text(oo));
            if why.is_empty() {
                msg!("explain-whatif-switch", device = device, frame = frame, in_port = in_port, now = now, before = before)
            } else {
                let why = Arg::Join(why, ", ");
                msg!("explain-whatif-switch-why", device = device, frame = frame, in_port = in_port, now = now, before = before, why = why)
            }
        }
        (
            Some(EventKind::CommandOutput { label, line: ol }),
            Some(EventKind::CommandOutput { label: l2, line: vl }),
        ) if label == l2 => match target_reach(topo, label.as_str()) {
            Some(reach) => msg!("explain-whatif-output-unreachable", reach = reach, command = label, now = &**vl, before = &**ol),
            None => msg!("explain-whatif-output", command = label, now = &**vl, before = &**ol),
        },
        (Some(o), Some(v)) => msg!("explain-whatif-both", variant = clause(v, topo), original = clause(o, topo)),
        (Some(o), None) => msg!("explain-whatif-variant-ended", original = clause(o, topo)),
        (None, Some(v)) => msg!("explain-whatif-original-ended", variant = clause(v, topo)),
        (None, None) => msg!("explain-whatif-runs-same"),
    }
}

/// Two routing decisions for the same packet.
fn route_difference(topo: &Topology, device: &str, o: &RouteDecision, v: &RouteDecision) -> Msg {
    let dst = v.destination;
    let peer = who(topo, dst);
    match (&o.chosen, &v.chosen) {
        (Some(oc), Some(vc)) => match (oc.via, vc.via) {
            (Some(gw), None) => msg!("explain-whatif-now-same-network", device = device, peer = peer, gateway = gw),
            (None, Some(gw)) if vc.kind == RouteKind::Default => {
                msg!("explain-whatif-now-other-network-gateway", device = device, peer = peer, gateway = gw)
            }
            (None, Some(gw)) => msg!("explain-whatif-now-other-network-router", device = device, peer = peer, router = gw),
            _ => msg!(
                "explain-whatif-other-hop",
                device = device,
                dst = dst,
                now = hop_clause(topo, vc, dst),
                before = hop_clause(topo, oc, dst)
            ),
        },
        (Some(oc), None) => msg!("explain-whatif-route-lost", device = device, dst = dst, before = hop_clause(topo, oc, dst)),
        (None, Some(vc)) => msg!("explain-whatif-route-found", device = device, dst = dst, now = hop_clause(topo, vc, dst)),
        (None, None) => msg!("explain-whatif-route-other", device = device, dst = dst),
    }
}

/// The ports a switch sent a frame out of.
fn out_ports(out: &super::Forwarding) -> Vec<&str> {
    match out {
        super::Forwarding::Port { port } => vec![port.as_str()],
        super::Forwarding::Flood { ports } => ports.iter().map(|p| p.as_str()).collect(),
    }
}

fn out_text(out: &super::Forwarding) -> Arg {
    match out_ports(out).as_slice() {
        [] => msg!("explain-whatif-no-port").into(),
        ports => ports.join(", ").into(),
    }
}

/// Why a port of `device` takes no frame in `run` before trace index `before`: no
/// cable in its topology, or its last carrier change was a loss.
fn port_state(run: &RunOutcome, before: usize, device: &str, port: &str) -> Option<Msg> {
    let t = &run.topology;
    let d = t.devices.iter().position(|d| d.id == device)?;
    let p = t.devices[d].port(port)?;
    let end = crate::scenario::PortEnd { device: d, port: p };
    if !t.links.iter().any(|l| l.a == end || l.b == end) {
        return Some(msg!("explain-whatif-port-no-cable", port = port));
    }
    let last = run.trace.events[..before.min(run.trace.events.len())].iter().rev().find_map(|e| match &e.kind {
        EventKind::LinkChanged { at, up, .. } if at.device.as_str() == device && at.port.as_str() == port => Some(*up),
        _ => None,
    });
    (last == Some(false)).then(|| msg!("explain-whatif-port-down", port = port))
}

/// For a command with a target (ping, traceroute): how its device reaches the
/// target in `topo`, when that is "no route" (the usual cause of a different first line).
fn target_reach(topo: &Topology, label: &str) -> Option<Msg> {
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
        let networks: Arg = if mine.is_empty() { msg!("explain-whatif-no-address").into() } else { mine.join(", ").into() };
        msg!("explain-whatif-unreachable", target = target, device = &d.id, networks = networks)
    })
}

/// One event as a short clause ("sw1 drops …: reason").
fn clause(kind: &EventKind, topo: &Topology) -> Msg {
    let frame = |b: &[u8]| quote(&crate::wire::summarize(b));
    match kind {
        EventKind::FrameSent { hop, bytes, .. } => {
            msg!("explain-whatif-clause-sent", device = &hop.from.device, frame = frame(bytes), to = &hop.to.device)
        }
        EventKind::FrameReceived { hop, bytes } => msg!("explain-whatif-clause-received", device = &hop.to.device, frame = frame(bytes)),
        EventKind::FrameDropped { at, reason, bytes } => {
            msg!("explain-whatif-clause-dropped", device = &at.device, frame = frame(bytes), reason = reason.msg())
        }
        EventKind::PacketDropped { device, reason, bytes } => {
            let what = crate::wire::decode(bytes)
                .ipv4()
                .map(|ip| msg!("explain-whatif-packet-for", dst = ip.dst.value))
                .unwrap_or_else(|| msg!("explain-whatif-a-packet"));
            msg!("explain-whatif-clause-thrown-away", device = device, packet = what, reason = reason.msg())
        }
        EventKind::Route { device, decision } => match &decision.chosen {
            Some(c) => msg!(
                "explain-whatif-clause-route",
                device = device,
                dst = decision.destination,
                hop = hop_clause(topo, c, decision.destination)
            ),
            None => msg!("explain-whatif-clause-no-route", device = device, dst = decision.destination),
        },
        EventKind::NeighborChanged { at, ip, new, .. } => {
            msg!("explain-whatif-clause-arp", device = &at.device, ip = ip, state = new.name())
        }
        EventKind::CommandOutput { label, line } => msg!("explain-whatif-clause-output", command = label, line = &**line),
        _ => {
            let event = TraceEvent { time: crate::time::SimTime::ZERO, kind: kind.clone() }.explain_msg();
            msg!("explain-whatif-clause-event", event = Arg::Clause(Box::new(event)))
        }
    }
}

/// A frame's summary in quotation marks (the catalogue's: “…”, „…“, « … »).
fn quote(s: &str) -> Msg {
    msg!("explain-whatif-quoted", text = s)
}
