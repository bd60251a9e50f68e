//! Predict mode: "what happens next?" questions made from a trace.
//!
//! Before a decision event the playback pauses and asks what the device will
//! do. The correct choice is what the engine did (read from the event itself);
//! the wrong choices are other real things of the same lab at that moment —
//! the switch's other ports, the host's gateway or the destination, the other
//! routes of the router's table, the MACs of real interfaces, the TTL left
//! unchanged — so the questions work on any lab a student draws and nothing is
//! written by hand. The feedback is the event's own [`TraceEvent::explain`]
//! sentence. Choice order comes from a seeded generator: the same trace, event
//! and seed always give the same question.
//!
//! Decision events and their questions:
//! - `SwitchForward`: which ports does the switch (or hub) send the frame out of?
//! - `Route` on a host: does it ARP for the destination or for its gateway?
//! - `Route` on a router: which next hop does it choose?
//! - `FrameSent` by a host or router: which MAC goes in the destination field?
//!   and, when a router forwards a packet: what will the TTL be?
//! - `DhcpLeaseObtained` and `DnsLookup`: see `predict_services.rs`;
//! - `NatTranslated` (outbound, rewritten): which source address does the
//!   packet have after the NAT router? (`predict_services.rs`);
//! - a connection opening, a SYN or SYN-ACK answered: see `predict_tcp.rs`;
//! - a switch port going down (its MACs): see `predict_changes.rs`;
//! - a spanning-tree port starting to block: which port? (`predict_stp.rs`).

use super::check::mac_owner;
use crate::explain::{forwarded_from, rewrap_diff};
use crate::mac::MacAddr;
use crate::msg;
use crate::msg::Msg;
use crate::rng::Rng;
use crate::scenario::Topology;
use crate::trace::{EventKind, Forwarding, NetworkState, Trace, TraceEvent};
use crate::wire;
use serde::Serialize;
use std::net::Ipv4Addr;

/// The most wrong choices a question offers.
const MAX_WRONG: usize = 3;

/// What a question asks about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    /// Which ports a switch or hub sends a frame out of.
    SwitchPorts,
    /// Whether a host ARPs for the destination or for its gateway.
    ArpTarget,
    /// Which next hop a router chooses.
    NextHop,
    /// The TTL of the packet a router sends on.
    Ttl,
    /// The destination MAC of a frame a host or router sends.
    DestinationMac,
    /// The default gateway a DHCP lease installs.
    LeaseGateway,
    /// What a name lookup finds.
    LookupResult,
    /// The source port of a connection's SYN.
    SourcePort,
    /// The flags of the next TCP segment (SYN-ACK, RST|ACK, ACK).
    NextFlags,
    /// The source address (and port) a packet has after a NAT router.
    NatSource,
    /// What a switch does with the MACs of a port that went down.
    MacsOnDownPort,
    /// Which spanning-tree port blocks.
    BlockedPort,
    /// Where an IPv6 neighbour solicitation goes (issue 16).
    NsDestination,
    /// The address SLAAC builds from a prefix (issue 16).
    SlaacAddress,
    /// The 802.1Q tag a VLAN subinterface's frame carries on its parent's cable (issue 14).
    VlanTag,
    /// What a router does with a packet larger than the next link's MTU (issue 16).
    TooBig,
}

/// The value behind a choice, comparable with what the trace shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Answer {
    /// The ports a frame leaves by, in port order (empty: none).
    Ports { ports: Vec<String> },
    /// The address ARPed for; `None`: no route, nothing is sent.
    ArpFor { ip: Option<Ipv4Addr> },
    /// The gateway (`None`: deliver directly) and the interface; no interface: no route.
    NextHop {
        via: Option<Ipv4Addr>,
        interface: Option<String>,
    },
    /// A TTL value.
    Ttl { ttl: u8 },
    /// A MAC address.
    Mac { mac: MacAddr },
    /// A default gateway (`None`: no default route).
    Gateway { ip: Option<Ipv4Addr> },
    /// How a lookup ends.
    Lookup { outcome: crate::trace::LookupOutcome },
    /// A TCP port.
    Port { port: u16 },
    /// TCP flags as tshark lists them ("SYN, ACK").
    Flags { flags: String },
    /// An address and port (an echo id for ICMP).
    Endpoint { ip: Ipv4Addr, port: u16 },
    /// What becomes of a down port's MACs: 0 forgotten at once, 1 aged out, 2 kept.
    MacFate { fate: u8 },
    /// A port of a switch.
    SwitchPort { device: String, port: String },
    /// An IPv6 address (a group, a SLAAC address), as text.
    Ipv6 { address: String },
    /// The VLAN tag of a frame; `None`: untagged.
    VlanTag { vlan: Option<u16> },
    /// What a router does with a packet too big for the next link: 0 drops it
    /// and tells the sender (packet too big / fragmentation needed), 1
    /// fragments it, 2 sends it whole, 3 drops it silently.
    MtuAction { action: u8 },
}

/// One choice: its wording (a catalogue message, `locales/*/engine-predict.ftl`; serialized
/// in English) and its value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Choice {
    #[serde(serialize_with = "super::check::english")]
    pub text: Msg,
    pub answer: Answer,
}

/// One predict question.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Question {
    /// Index of the decision event in the trace; ask it before showing this event.
    pub event: usize,
    pub kind: QuestionKind,
    #[serde(serialize_with = "super::check::english")]
    pub prompt: Msg,
    /// The correct choice and 2–3 wrong ones, in seeded order.
    pub choices: Vec<Choice>,
    /// Index of the correct choice in `choices`.
    pub correct: usize,
    /// Why the engine did what it did: the event's explanation.
    #[serde(serialize_with = "super::check::english")]
    pub feedback: Msg,
}

impl Question {
    /// True when `choice` is the correct one.
    pub fn is_correct(&self, choice: usize) -> bool {
        choice == self.correct
    }
}

/// True for the events predict mode stops before.
pub fn is_decision(scenario: &Topology, event: &TraceEvent) -> bool {
    match &event.kind {
        EventKind::SwitchForward { .. } | EventKind::Route { .. } => true,
        EventKind::FrameSent { hop, .. } => has_ip(scenario, &hop.from.device),
        EventKind::DhcpLeaseObtained { renewed: false, .. } | EventKind::DnsLookup { .. } => true,
        EventKind::NatTranslated { direction: crate::trace::NatDirection::Outbound, rewrite, .. } => rewrite.before != rewrite.after,
        other => {
            super::predict_tcp::is_decision(other)
                || super::predict_changes::is_decision(other)
                || super::predict_stp::is_decision(other)
                || super::predict_ipv6::is_decision(other)
        }
    }
}

/// The questions for event `index` of `trace`, given `before`, the tables as
/// they were just before it (`trace.state_at(index - 1)`). Empty when the
/// event is not a decision or the lab offers too few plausible wrong choices.
pub fn questions_at(
    scenario: &Topology,
    trace: &Trace,
    before: &NetworkState,
    index: usize,
    seed: u64,
) -> Vec<Question> {
    let Some(event) = trace.events.get(index) else {
        return vec![];
    };
    let feedback = event.explain_msg();
    let mut out = Vec::new();
    let mut push =
        |kind, prompt: Msg, correct: Choice, wrong: Vec<Choice>, extra: Option<Msg>| {
            let feedback = match extra {
                Some(why) => msg!("predict-feedback", explanation = feedback.clone(), why = why),
                None => feedback.clone(),
            };
            if let Some(q) = assemble(index, kind, prompt, correct, wrong, feedback, seed) {
                out.push(q);
            }
        };
    match &event.kind {
        EventKind::SwitchForward {
            at,
            dst,
            out: fwd,
            ..
        } => {
            let (device, in_port) = (&at.device, &at.port);
            let linked = linked_ports(scenario, device);
            let ports = match &**fwd {
                Forwarding::Port { port } => vec![port.to_string()],
                Forwarding::Flood { ports } => ports.iter().map(|p| p.to_string()).collect(),
            };
            let others: Vec<String> = linked
                .iter()
                .filter(|p| *p != in_port.as_str())
                .cloned()
                .collect();
            let mut candidates = vec![others.clone()];
            if let Some(p) = before
                .mac_tables
                .get(device.as_str())
                .and_then(|t| t.get(&crate::trace::MacKey { vlan: at.vlan, mac: *dst }))
            {
                candidates.push(vec![p.clone()]);
            }
            candidates.extend(others.iter().map(|p| vec![p.clone()]));
            candidates.push(linked.clone());
            // A small switch has few ports: "back where it came from" and "nowhere"
            // are the remaining misconceptions (a switch never does either for a frame it forwards).
            candidates.push(vec![in_port.to_string()]);
            candidates.push(vec![]);
            let owner = mac_owner(scenario, *dst)
                .map(|(d, _)| msg!("predict-mac-owner", device = d))
                .unwrap_or_else(|| Msg::verbatim(""));
            push(
                QuestionKind::SwitchPorts,
                msg!("predict-switch-ports", device = device, mac = dst, owner = owner, port = in_port),
                ports_choice(ports, in_port),
                candidates.into_iter().map(|p| ports_choice(p, in_port)).collect(),
                None,
            );
        }
        EventKind::Route { device, decision } if !decision.forwarding => {
            let dst = decision.destination;
            let gateway = gateway_of(scenario, device);
            let mut candidates = vec![Some(dst)];
            candidates.extend(gateway.map(Some));
            candidates.extend(static_vias(scenario, device));
            candidates.push(None);
            // The AND result itself: the classic confusion of "my network" with an address.
            candidates.extend(decision.checks.iter().map(|c| Some(c.masked_destination)));
            let label = |ip: Option<Ipv4Addr>| arp_choice(ip, dst, gateway);
            push(
                QuestionKind::ArpTarget,
                msg!("predict-arp-target", device = device, destination = dst),
                label(decision.next_hop),
                candidates.into_iter().map(label).collect(),
                None,
            );
        }
        EventKind::Route { device, decision } => {
            let dst = decision.destination;
            let correct = match &decision.chosen {
                Some(c) => (c.via, Some(c.interface.to_string())),
                None => (None, None),
            };
            let mut candidates: Vec<(Option<Ipv4Addr>, Option<String>)> = before
                .routes
                .get(device.as_str())
                .map(|rs| {
                    rs.iter()
                        .map(|r| (r.via, Some(r.interface.to_string())))
                        .collect()
                })
                .unwrap_or_default();
            candidates.push((None, None));
            let label =
                |(via, iface): (Option<Ipv4Addr>, Option<String>)| next_hop_choice(via, iface, dst);
            push(
                QuestionKind::NextHop,
                msg!("predict-next-hop", device = device, destination = dst),
                label(correct),
                candidates.into_iter().map(label).collect(),
                None,
            );
        }
        EventKind::FrameSent { hop, bytes, .. } if has_ip(scenario, &hop.from.device) => {
            let from = &hop.from;
            if let Some(sub) = &from.sub {
                // Router on a stick: which tag does the subinterface's frame
                // carry? The classic mistakes: none (a router's frames look
                // untagged), the VLAN it came in on, the switch's default VLAN 1.
                let vid = |b: &[u8]| (b.len() >= 16 && b[12..14] == [0x81, 0x00]).then(|| u16::from_be_bytes([b[14], b[15]]) & 0x0fff);
                let label = |v: Option<u16>| Choice {
                    text: v.map_or(msg!("predict-vlan-no-tag"), |v| msg!("predict-vlan-tag", vlan = v.to_string())),
                    answer: Answer::VlanTag { vlan: v },
                };
                let mut wrong = vec![None];
                if let Some(a) = forwarded_from(trace, index) {
                    if let EventKind::FrameReceived { bytes: inb, .. } = &trace.events[a].kind {
                        wrong.push(vid(inb));
                    }
                }
                if let Some(d) = scenario.device_index(&from.device) {
                    wrong.extend(scenario.devices[d].interfaces.iter().filter_map(|i| i.vlan.map(|v| Some(v.vid))));
                }
                wrong.push(Some(1));
                push(
                    QuestionKind::VlanTag,
                    msg!("predict-vlan-tag-prompt", device = &from.device, sub = &**sub, frame = wire::summarize(bytes), parent = &from.port),
                    label(vid(bytes)),
                    wrong.into_iter().map(label).collect(),
                    None,
                );
            }
            let d = wire::decode(bytes);
            let Some(eth) = d.ethernet.as_ref() else {
                return vec![];
            };
            let dst_mac = eth.dst.value;
            let src_mac = eth.src.value;
            let arrived = forwarded_from(trace, index);
            let diff = arrived.and_then(|a| match &trace.events[a].kind {
                EventKind::FrameReceived { bytes: inb, .. } => rewrap_diff(inb, bytes),
                _ => None,
            });
            let why = |field: &str| {
                diff.as_ref()
                    .and_then(|d| d.iter().find(|c| c.field == field))
                    .map(|c| c.why.clone())
            };
            // MAC candidates: the owner of the packet's final destination (the
            // classic mistake), the sender's gateway, broadcast, the ARP target's
            // owner, the all-zero MAC of an ARP request, the sender's own MAC.
            let mut macs = Vec::new();
            if let Some(ip) = d.ipv4() {
                macs.extend(owner_macs(scenario, ip.dst.value));
                if let Some(gw) = gateway_of(scenario, &from.device) {
                    macs.extend(owner_macs(scenario, gw));
                }
                macs.push(MacAddr::BROADCAST);
            }
            if let Some(arp) = d.arp().and_then(|a| a.addresses.as_ref()) {
                macs.push(MacAddr::BROADCAST);
                macs.extend(owner_macs(scenario, arp.target_ip.value));
                macs.push(MacAddr::ZERO);
            }
            macs.push(src_mac);
            let label = |m: MacAddr| mac_choice(scenario, m);
            push(
                QuestionKind::DestinationMac,
                msg!("predict-destination-mac", device = &from.device, port = &from.port, frame = wire::summarize(bytes)),
                label(dst_mac),
                macs.into_iter().map(label).collect(),
                why("Destination MAC"),
            );
            if let (Some(a), Some(ip)) = (arrived, d.ipv4()) {
                let t_in = match &trace.events[a].kind {
                    EventKind::FrameReceived { bytes, .. } => {
                        wire::decode(bytes).ipv4().map(|i| i.ttl.value)
                    }
                    _ => None,
                };
                if let Some(t_in) = t_in {
                    let candidates = [
                        Some(t_in),
                        Some(64),
                        t_in.checked_sub(2),
                        t_in.checked_add(1),
                    ];
                    let label = |t: u8| Choice {
                        text: msg!("predict-ttl-choice", ttl = t.to_string()),
                        answer: Answer::Ttl { ttl: t },
                    };
                    push(
                        QuestionKind::Ttl,
                        msg!("predict-ttl", device = &from.device, ttl = t_in.to_string()),
                        label(ip.ttl.value),
                        candidates.into_iter().flatten().map(label).collect(),
                        why("TTL"),
                    );
                }
            }
        }
        other => {
            if let Some((kind, prompt, correct, wrong)) = super::predict_services::question_parts(scenario, other)
                .or_else(|| super::predict_tcp::question_parts(other))
                .or_else(|| super::predict_changes::question_parts(other))
                .or_else(|| super::predict_stp::question_parts(scenario, other))
                .or_else(|| super::predict_ipv6::question_parts(scenario, other))
            {
                push(kind, prompt, correct, wrong, None);
            }
        }
    }
    out
}

/// Every question of a trace, in event order (the tables are folded once, O(n)).
pub fn questions(scenario: &Topology, trace: &Trace, seed: u64) -> Vec<Question> {
    let mut state = NetworkState::default();
    let mut out = Vec::new();
    for (i, event) in trace.events.iter().enumerate() {
        if is_decision(scenario, event) {
            out.extend(questions_at(scenario, trace, &state, i, seed));
        }
        state.apply(&event.kind);
    }
    out
}

/// Keeps the first distinct wrong choices, needs at least two, and shuffles
/// them with the correct one using a generator seeded by `seed` and the event.
fn assemble(
    event: usize,
    kind: QuestionKind,
    prompt: Msg,
    correct: Choice,
    wrong: Vec<Choice>,
    feedback: Msg,
    seed: u64,
) -> Option<Question> {
    let mut choices = vec![correct];
    // Two choices that read the same (in English, as before the catalogue) are one.
    let mut texts = vec![choices[0].text.to_string()];
    for c in wrong {
        if choices.len() > MAX_WRONG {
            break;
        }
        let text = c.text.to_string();
        if !choices.iter().any(|x| x.answer == c.answer) && !texts.contains(&text) {
            choices.push(c);
            texts.push(text);
        }
    }
    if choices.len() < 3 {
        return None;
    }
    let mut rng = Rng::new(seed ^ (event as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ kind as u64);
    let mut order: Vec<usize> = (0..choices.len()).collect();
    for i in (1..order.len()).rev() {
        let j = rng.below(i as u64 + 1) as usize;
        order.swap(i, j);
    }
    let correct = order
        .iter()
        .position(|&o| o == 0)
        .expect("0 is in the permutation");
    let choices = order.into_iter().map(|o| choices[o].clone()).collect();
    Some(Question {
        event,
        kind,
        prompt,
        choices,
        correct,
        feedback,
    })
}

fn has_ip(scenario: &Topology, device: &str) -> bool {
    scenario
        .devices
        .iter()
        .any(|d| d.id == device && d.kind.has_ip())
}

/// The ports of a device that have a cable, in the device's port order.
fn linked_ports(scenario: &Topology, device: &str) -> Vec<String> {
    let Some(d) = scenario.device_index(device) else {
        return vec![];
    };
    scenario.devices[d]
        .ports
        .iter()
        .enumerate()
        .filter(|(p, _)| {
            scenario
                .links
                .iter()
                .any(|l| [l.a, l.b].iter().any(|e| e.device == d && e.port == *p))
        })
        .map(|(_, name)| name.clone())
        .collect()
}

fn gateway_of(scenario: &Topology, device: &str) -> Option<Ipv4Addr> {
    scenario.devices.iter().find(|d| d.id == device)?.gateway
}

fn static_vias(scenario: &Topology, device: &str) -> Vec<Option<Ipv4Addr>> {
    scenario
        .devices
        .iter()
        .filter(|d| d.id == device)
        .flat_map(|d| d.routes.iter().map(|r| Some(r.via)))
        .collect()
}

/// The MACs of the device that owns `ip` (the interface with it first).
fn owner_macs(scenario: &Topology, ip: Ipv4Addr) -> Vec<MacAddr> {
    let Some((d, pos)) = scenario.owner_of(ip) else {
        return vec![];
    };
    let d = &scenario.devices[d];
    let mut out = vec![d.interfaces[pos].mac];
    out.extend(
        d.interfaces
            .iter()
            .enumerate()
            .filter(|(k, _)| *k != pos)
            .map(|(_, i)| i.mac),
    );
    out
}

fn ports_choice(ports: Vec<String>, in_port: &str) -> Choice {
    let text = match ports.len() {
        0 => msg!("predict-ports-none"),
        1 if ports[0] == in_port => msg!("predict-ports-back", port = in_port),
        1 => msg!("predict-ports-one", port = &ports[0]),
        _ => {
            let (last, rest) = ports.split_last().expect("two or more");
            if ports.iter().any(|p| p == in_port) {
                msg!("predict-ports-many-back", ports = rest.join(", "), last = last, port = in_port)
            } else {
                msg!("predict-ports-many", ports = rest.join(", "), last = last)
            }
        }
    };
    Choice {
        text,
        answer: Answer::Ports { ports },
    }
}

fn arp_choice(ip: Option<Ipv4Addr>, dst: Ipv4Addr, gateway: Option<Ipv4Addr>) -> Choice {
    let text = match ip {
        None => msg!("predict-arp-none"),
        Some(ip) if ip == dst => msg!("predict-arp-destination", address = ip),
        Some(ip) if Some(ip) == gateway => msg!("predict-arp-gateway", address = ip),
        Some(ip) => Msg::verbatim(ip.to_string()),
    };
    Choice {
        text,
        answer: Answer::ArpFor { ip },
    }
}

fn next_hop_choice(via: Option<Ipv4Addr>, interface: Option<String>, dst: Ipv4Addr) -> Choice {
    let text = match (&via, &interface) {
        (_, None) => msg!("predict-next-hop-none"),
        (Some(v), Some(i)) => msg!("predict-next-hop-via", via = v, interface = i),
        (None, Some(i)) => msg!("predict-next-hop-direct", destination = dst, interface = i),
    };
    Choice {
        text,
        answer: Answer::NextHop { via, interface },
    }
}

fn mac_choice(scenario: &Topology, mac: MacAddr) -> Choice {
    let text = if mac == MacAddr::BROADCAST {
        msg!("predict-mac-broadcast", mac = mac)
    } else if mac == MacAddr::ZERO {
        msg!("predict-mac-zero", mac = mac)
    } else {
        match mac_owner(scenario, mac) {
            Some((d, i)) => msg!("predict-mac-of", mac = mac, device = d, interface = i),
            None => Msg::verbatim(mac.to_string()),
        }
    };
    Choice {
        text,
        answer: Answer::Mac { mac },
    }
}
