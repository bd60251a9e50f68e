//! The goal's behavioural checks, and their evaluation by running the lab.
//!
//! A check never looks at configuration. Traffic checks (`ping_succeeds`,
//! `ping_fails`, `traceroute_hops`, `leaves_via`) each run a copy of the
//! student's lab with one command of their own at 1 s and nothing else, so one
//! check's ARP traffic cannot make another pass. Observation checks
//! (`arp_cache_has`, `receives`, `never_receives`) read one run of the lab with
//! the exercise's own commands (the student's commands are their experiments and
//! are left out). Seed and options always come from the exercise.
//!
//! Addresses in checks may name a device (`"pc2"`: its first addressed
//! interface, `"r1/eth1"`: that interface) or be written out (`"8.8.8.8"`).
//! A device name is resolved in the *student's* lab, so moving pc2 to another
//! free address still satisfies "ping from pc1 to pc2 succeeds".

use super::Exercise;
use crate::diagnose::{diagnose, diagnose_invalid, Diagnosis};
use crate::mac::MacAddr;
use crate::scenario::{parse_ipv4, Command, Scenario, ScenarioError, Topology};
use crate::sim::{RunOutcome, Simulation, StopReason};
use crate::trace::EventKind;
use crate::wire;
use serde::{Deserialize, Serialize};
use std::net::Ipv4Addr;

/// The event budget of one check's run: far above any exercise's traffic, low
/// enough that a student's accidental switch loop stops in well under a second.
const CHECK_MAX_EVENTS: u64 = 200_000;
/// Echo requests a ping check sends.
const PING_COUNT: u32 = 2;

/// One behavioural check of an exercise's goal.
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug)]
#[serde(tag = "check", rename_all = "snake_case", deny_unknown_fields)]
pub enum Check {
    /// `ping -c 2 TO` on `from` gets every reply.
    PingSucceeds { from: String, to: String },
    /// `ping -c 2 TO` on `from` gets no reply at all (or cannot even send).
    PingFails { from: String, to: String },
    /// At some point of the lab's run, `device`'s ARP table holds a usable entry
    /// for `ip`, with a MAC of `mac_of` when given.
    ArpCacheHas {
        device: String,
        ip: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        mac_of: Option<String>,
    },
    /// During the lab's run, `device` receives at least one frame that matches.
    Receives {
        device: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        frame_to_mac_of: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        addressed_to: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        arp_for: Option<String>,
    },
    /// During the lab's run, `device` receives no frame that matches.
    NeverReceives {
        device: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        frame_to_mac_of: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        addressed_to: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        arp_for: Option<String>,
    },
    /// `traceroute -I -n TO` on `from` reaches `to` at hop number `hops`.
    TracerouteHops { from: String, to: String, hops: u8 },
    /// A ping from `from` to `to`: its echo request leaves `device` towards
    /// device `towards` (the owner of the frame's destination MAC) or on `link`.
    LeavesVia {
        device: String,
        from: String,
        to: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        towards: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        link: Option<String>,
    },
}

/// Which received frames a `receives` / `never_receives` check counts: all the given conditions hold.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct FrameMatch {
    /// The Ethernet destination is a MAC of this device.
    pub frame_to_mac_of: Option<String>,
    /// The IPv4 destination is this address (or device).
    pub addressed_to: Option<String>,
    /// An ARP request asking for this address (or device).
    pub arp_for: Option<String>,
}

impl FrameMatch {
    fn describe(&self) -> String {
        let mut parts = Vec::new();
        if let Some(d) = &self.frame_to_mac_of {
            parts.push(format!("a frame addressed to {d}'s MAC"));
        }
        if let Some(a) = &self.addressed_to {
            parts.push(format!("a packet addressed to {a}"));
        }
        if let Some(a) = &self.arp_for {
            parts.push(format!("the ARP request \"Who has {a}?\""));
        }
        parts.join(" that is ")
    }
}

/// The outcome of one check.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CheckResult {
    /// The check, as in the goal.
    pub check: Check,
    /// What the check asks, in words ("ping from pc1 to pc2 succeeds").
    pub description: String,
    pub passed: bool,
    /// Why it passed or failed, in one or two plain sentences.
    pub why: String,
    /// The printed lines of the check's own command, if it ran one.
    pub output: Vec<String>,
    /// For a failed ping or traceroute: the inspector's "why did it fail?" text.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "diagnosis_text"
    )]
    pub diagnosis: Option<Diagnosis>,
}

fn diagnosis_text<S: serde::Serializer>(d: &Option<Diagnosis>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.serialize_str(&d.text),
        None => s.serialize_none(),
    }
}

/// A lab the engine refused to run, with the diagnosis when it explains the refusal.
#[derive(Clone, Debug, PartialEq)]
pub struct Invalid {
    pub error: ScenarioError,
    pub diagnosis: Option<Diagnosis>,
}

/// Everything the evaluation of a student's lab found.
#[derive(Clone, Debug, PartialEq)]
pub struct Evaluation {
    /// Changes to locked parts of the lab (empty when none).
    pub locked: Vec<super::LockViolation>,
    /// Set when the edited lab does not validate; the checks then all fail.
    pub invalid: Option<Invalid>,
    /// One result per goal check, in goal order.
    pub checks: Vec<CheckResult>,
}

impl Evaluation {
    /// Every check passed, nothing locked was changed and the lab is valid.
    pub fn solved(&self) -> bool {
        self.locked.is_empty() && self.invalid.is_none() && self.checks.iter().all(|c| c.passed)
    }

    /// The first failed check, the one the lab points the student to.
    pub fn first_failure(&self) -> Option<&CheckResult> {
        self.checks.iter().find(|c| !c.passed)
    }
}

/// Resolves an address written in a check: `8.8.8.8`, `pc2` (its first
/// addressed interface) or `r1/eth1`.
pub fn resolve_ip(lab: &Topology, text: &str) -> Result<Ipv4Addr, String> {
    let text = text.trim();
    if let Ok(ip) = parse_ipv4(text) {
        return Ok(ip);
    }
    let (device, iface) = match text.split_once('/') {
        Some((d, i)) => (d, Some(i)),
        None => (text, None),
    };
    let dev = lab
        .devices
        .iter()
        .find(|d| d.id == device)
        .ok_or_else(|| format!("no device \"{device}\""))?;
    let candidates: Vec<_> = dev
        .interfaces
        .iter()
        .filter(|i| iface.is_none_or(|n| i.name == n))
        .collect();
    if iface.is_some() && candidates.is_empty() {
        return Err(format!(
            "{device} has no interface \"{}\"",
            iface.unwrap_or_default()
        ));
    }
    candidates
        .iter()
        .find_map(|i| i.address.map(|n| n.addr()))
        .ok_or_else(|| format!("{text} has no IP address"))
}

/// Every MAC of a device's interfaces (configured or derived).
pub fn device_macs(lab: &Topology, device: &str) -> Vec<MacAddr> {
    lab.devices
        .iter()
        .filter(|d| d.id == device)
        .flat_map(|d| d.interfaces.iter().map(|i| i.mac))
        .collect()
}

/// The device (and interface) that owns a MAC in a lab.
pub fn mac_owner(lab: &Topology, mac: MacAddr) -> Option<(String, String)> {
    lab.mac_owner(mac).map(|(d, i)| {
        let dev = &lab.devices[d];
        (dev.id.clone(), dev.interfaces[i].name.clone())
    })
}

impl Check {
    /// The check in words, for the goal list.
    pub fn describe(&self) -> String {
        match self {
            Check::PingSucceeds { from, to } => format!("ping from {from} to {to} succeeds"),
            Check::PingFails { from, to } => format!("ping from {from} to {to} gets no answer"),
            Check::ArpCacheHas { device, ip, mac_of } => match mac_of {
                Some(m) => format!("{device}'s ARP table holds {ip} with {m}'s MAC"),
                None => format!("{device}'s ARP table holds {ip}"),
            },
            Check::Receives { device, .. } => {
                format!("{device} receives {}", self.frame_match().describe())
            }
            Check::NeverReceives { device, .. } => {
                format!("{device} never receives {}", self.frame_match().describe())
            }
            Check::TracerouteHops { from, to, hops } => {
                format!("traceroute from {from} to {to} shows {hops} hop(s)")
            }
            Check::LeavesVia {
                device,
                from,
                to,
                towards,
                link,
            } => {
                let way = match (towards, link) {
                    (Some(t), _) => format!("towards {t}"),
                    (None, Some(l)) => format!("on link {l}"),
                    (None, None) => String::new(),
                };
                format!("the ping from {from} to {to} leaves {device} {way}")
            }
        }
    }

    fn frame_match(&self) -> FrameMatch {
        match self {
            Check::Receives {
                frame_to_mac_of,
                addressed_to,
                arp_for,
                ..
            }
            | Check::NeverReceives {
                frame_to_mac_of,
                addressed_to,
                arp_for,
                ..
            } => FrameMatch {
                frame_to_mac_of: frame_to_mac_of.clone(),
                addressed_to: addressed_to.clone(),
                arp_for: arp_for.clone(),
            },
            _ => FrameMatch::default(),
        }
    }

    /// Checks the names and addresses against the exercise's lab; the error is
    /// (field, message) for `goal[i].field`.
    pub(crate) fn validate(&self, lab: &Topology) -> Result<(), (String, String)> {
        let device = |field: &str, id: &str, needs_ip: bool| -> Result<(), (String, String)> {
            match lab.devices.iter().find(|d| d.id == id) {
                None => Err((field.to_string(), format!("no device \"{id}\""))),
                Some(d) if needs_ip && !d.kind.has_ip() => Err((
                    field.to_string(),
                    format!("{id} is a {}; it has no IP stack", d.kind.name()),
                )),
                Some(_) => Ok(()),
            }
        };
        let address = |field: &str, text: &str| {
            resolve_ip(lab, text)
                .map(|_| ())
                .map_err(|m| (field.to_string(), m))
        };
        match self {
            Check::PingSucceeds { from, to } | Check::PingFails { from, to } => {
                device("from", from, true)?;
                address("to", to)
            }
            Check::TracerouteHops { from, to, hops } => {
                device("from", from, true)?;
                address("to", to)?;
                if *hops == 0 || *hops > 30 {
                    return Err(("hops".into(), format!("{hops} is out of range (1–30)")));
                }
                Ok(())
            }
            Check::ArpCacheHas {
                device: d,
                ip,
                mac_of,
            } => {
                device("device", d, true)?;
                address("ip", ip)?;
                if let Some(m) = mac_of {
                    device("mac_of", m, true)?;
                }
                Ok(())
            }
            Check::Receives { device: d, .. } | Check::NeverReceives { device: d, .. } => {
                device("device", d, false)?;
                let m = self.frame_match();
                if m == FrameMatch::default() {
                    return Err((
                        "device".into(),
                        "say which frames: frame_to_mac_of, addressed_to or arp_for".into(),
                    ));
                }
                if let Some(x) = &m.frame_to_mac_of {
                    device("frame_to_mac_of", x, true)?;
                }
                if let Some(x) = &m.addressed_to {
                    address("addressed_to", x)?;
                }
                if let Some(x) = &m.arp_for {
                    address("arp_for", x)?;
                }
                Ok(())
            }
            Check::LeavesVia {
                device: d,
                from,
                to,
                towards,
                link,
            } => {
                device("device", d, true)?;
                device("from", from, true)?;
                address("to", to)?;
                match (towards, link) {
                    (Some(t), None) => device("towards", t, true),
                    (None, Some(l)) if lab.links.iter().any(|x| &x.id == l) => Ok(()),
                    (None, Some(l)) => Err(("link".into(), format!("no link \"{l}\""))),
                    _ => Err((
                        "towards".into(),
                        "give either towards (a device) or link".into(),
                    )),
                }
            }
        }
    }

    /// The command this check adds to its own run, if it is a traffic check:
    /// (device, command, its command line).
    fn command(&self, lab: &Topology) -> Option<Result<(String, Command, String), String>> {
        let (device, run) = match self {
            Check::PingSucceeds { from, to }
            | Check::PingFails { from, to }
            | Check::LeavesVia { from, to, .. } => {
                let count = if matches!(self, Check::LeavesVia { .. }) {
                    1
                } else {
                    PING_COUNT
                };
                (
                    from,
                    resolve_ip(lab, to).map(|target| {
                        (
                            Command::Ping {
                                count,
                                interval_ms: 1000,
                                target,
                            },
                            format!("ping -c {count} {target}"),
                        )
                    }),
                )
            }
            Check::TracerouteHops { from, to, .. } => (
                from,
                resolve_ip(lab, to).map(|target| {
                    (
                        Command::Traceroute {
                            target,
                            max_hops: 30,
                            queries: 3,
                            sim_queries: 16,
                        },
                        format!("traceroute -I -n {target}"),
                    )
                }),
            ),
            _ => return None,
        };
        Some(run.map(|(command, run)| (device.clone(), command, run)))
    }
}

/// Runs the goal on a student's `edited` lab: lock violations, validity, and
/// one result per check. Pure and deterministic (the engine is).
pub fn evaluate(exercise: &Exercise, edited: &Scenario) -> Evaluation {
    let locked = super::check_locks(&exercise.lab, edited, &exercise.editable)
        .err()
        .unwrap_or_default();
    let mut lab = edited.clone();
    lab.seed = exercise.lab.seed;
    lab.options = exercise.lab.options.clone();
    lab.options.max_events = lab.options.max_events.min(CHECK_MAX_EVENTS);
    lab.commands = exercise.lab.commands.clone();
    let topology = match lab.validate() {
        Ok(topology) => topology,
        Err(error) => {
        let diagnosis = diagnose_invalid(&lab, &error);
        let why = format!("the lab cannot run: {error}");
        let checks = exercise
            .goal
            .iter()
            .map(|c| failed(c, why.clone()))
            .collect();
        return Evaluation {
            locked,
            invalid: Some(Invalid { error, diagnosis }),
            checks,
        };
        }
    };
    let lab = &topology;
    let mut base: Option<RunOutcome> = None;
    let checks = exercise
        .goal
        .iter()
        .map(|check| match check.command(&lab) {
            Some(Err(message)) => failed(check, format!("{message} in your lab")),
            Some(Ok((device, command, run))) => traffic_check(check, lab, &device, command, run),
            None => {
                let outcome = base.get_or_insert_with(|| Simulation::from_topology(lab).run());
                observe(check, lab, outcome)
            }
        })
        .collect();
    Evaluation {
        locked,
        invalid: None,
        checks,
    }
}

fn failed(check: &Check, why: String) -> CheckResult {
    CheckResult {
        check: check.clone(),
        description: check.describe(),
        passed: false,
        why,
        output: vec![],
        diagnosis: None,
    }
}

fn result(check: &Check, passed: bool, why: String) -> CheckResult {
    CheckResult {
        passed,
        ..failed(check, why)
    }
}

/// Runs the lab with only the check's command and judges its output or trace.
fn traffic_check(
    check: &Check,
    lab: &Topology,
    device: &str,
    command: Command,
    run: String,
) -> CheckResult {
    let Some(d) = lab
        .devices
        .iter()
        .position(|d| d.id == device && d.kind.has_ip())
    else {
        return failed(
            check,
            format!("{device} is not a host or router in your lab"),
        );
    };
    let lab = match lab.with_commands(vec![(1000, d, command, run)]) {
        Ok(lab) => lab,
        Err(e) => return failed(check, format!("the check's command cannot run: {e}")),
    };
    let outcome = Simulation::from_topology(&lab).run();
    let label = lab.commands[0].label.clone();
    let lines = outcome.outputs.get(&label).cloned().unwrap_or_default();
    let storm = match &outcome.stop {
        StopReason::BroadcastStorm { links, .. } => {
            format!(" (the run stopped in a broadcast storm on {})", links.join(", "))
        }
        StopReason::EventBudget { events } => format!(
            " (the run stopped after {events} events with frames still circulating: a loop of cables between switches makes a broadcast storm)"
        ),
        _ => String::new(),
    };
    let target = lab.commands[0].command.target();
    let from = device.to_string();
    let mut res = match check {
        Check::PingSucceeds { .. } | Check::PingFails { .. } => {
            let (sent, got) = ping_counts(&lines);
            let unreachable = lines.iter().find(|l| l.contains("Network is unreachable"));
            let what = match unreachable {
                Some(l) => format!("{from} could not send anything: \"{l}\""),
                None => {
                    let error = lines.iter().find(|l| l.starts_with("From "));
                    let mut t = format!(
                        "{from} sent {sent} echo request(s) to {target} and got {got} repl{}",
                        if got == 1 { "y" } else { "ies" }
                    );
                    if let Some(e) = error {
                        t.push_str(&format!("; it printed \"{e}\""));
                    }
                    t
                }
            };
            let passed = match check {
                Check::PingSucceeds { .. } => unreachable.is_none() && sent > 0 && got == sent,
                _ => got == 0,
            };
            result(check, passed, format!("{what}{storm}."))
        }
        Check::TracerouteHops { hops, .. } => {
            let rows = traceroute_rows(&lines);
            let reached = rows
                .iter()
                .find(|(_, addrs)| addrs.contains(&target))
                .map(|(n, _)| *n);
            let last_answer = rows.iter().rev().find(|(_, a)| !a.is_empty());
            let why = match (reached, last_answer) {
                (Some(n), _) => format!("traceroute reached {target} at hop {n}; the goal is {hops}"),
                (None, Some((n, a))) => format!(
                    "traceroute never reached {target}: the last hop that answered was hop {n} ({}), after it only * * *",
                    a.iter().map(|x| x.to_string()).collect::<Vec<_>>().join(", ")
                ),
                (None, None) if lines.iter().any(|l| l.contains("unreachable")) => {
                    format!("traceroute could not start: {}", lines.iter().find(|l| l.contains("unreachable")).cloned().unwrap_or_default().trim())
                }
                (None, None) => format!("traceroute never reached {target}: no hop answered at all"),
            };
            result(check, reached == Some(*hops), format!("{why}{storm}."))
        }
        Check::LeavesVia {
            device,
            towards,
            link,
            ..
        } => leaves_via(
            check,
            &lab,
            &outcome,
            device,
            target,
            towards.as_deref(),
            link.as_deref(),
        ),
        _ => unreachable!("only traffic checks have a command"),
    };
    res.output = lines;
    if !res.passed
        && matches!(
            check,
            Check::PingSucceeds { .. } | Check::TracerouteHops { .. } | Check::LeavesVia { .. }
        )
    {
        res.diagnosis = diagnose(&lab, &outcome)
            .into_iter()
            .next()
            .or_else(|| no_way_back(&lab, &outcome, &from));
    }
    res
}

/// The case `diagnose` leaves open: a router on the path has no route back to
/// the sender, so its answers (echo replies, "Time to live exceeded") die
/// there and traceroute shows `* * *` from that hop on.
fn no_way_back(lab: &Topology, outcome: &RunOutcome, from: &str) -> Option<Diagnosis> {
    let own: Vec<Ipv4Addr> = lab
        .devices
        .iter()
        .filter(|d| d.id == from)
        .flat_map(|d| d.addresses())
        .map(|n| n.addr())
        .collect();
    outcome.trace.events.iter().find_map(|e| match &e.kind {
        EventKind::Route { device, decision }
            if decision.chosen.is_none() && own.contains(&decision.destination) && device != from =>
        {
            let r = lab.devices.iter().position(|d| d.id == device.as_str())?;
            let back = decision.destination;
            Some(Diagnosis {
                command: lab.commands[0].label.clone(),
                cause: crate::diagnose::Cause::NoRoute,
                device: device.to_string(),
                field: format!("devices[{r}].routes"),
                text: format!(
                    "{device} has no route back to {back}: whatever it sends to {from} (echo replies, \"Time to live exceeded\") and whatever it should forward there is dropped, so {from} hears nothing from {device} or beyond. Give {device} a route to {from}'s network (devices[{r}].routes) or a default gateway (devices[{r}].gateway)."
                ),
            })
        }
        _ => None,
    })
}

/// (transmitted, received) from ping's statistics line; (0, 0) without one.
fn ping_counts(lines: &[String]) -> (u32, u32) {
    lines
        .iter()
        .find_map(|l| {
            let mut words = l.split(", ");
            let sent = words
                .next()?
                .strip_suffix(" packets transmitted")?
                .parse()
                .ok()?;
            let got = words.next()?.strip_suffix(" received")?.parse().ok()?;
            Some((sent, got))
        })
        .unwrap_or((0, 0))
}

/// traceroute's hop lines as (hop number, addresses that answered).
fn traceroute_rows(lines: &[String]) -> Vec<(u8, Vec<Ipv4Addr>)> {
    lines
        .iter()
        .filter_map(|l| {
            let mut words = l.split_whitespace();
            let n: u8 = words.next()?.parse().ok()?;
            Some((
                n,
                words.filter_map(|w| w.parse::<Ipv4Addr>().ok()).collect(),
            ))
        })
        .collect()
}

fn leaves_via(
    check: &Check,
    lab: &Topology,
    outcome: &RunOutcome,
    device: &str,
    target: Ipv4Addr,
    towards: Option<&str>,
    link: Option<&str>,
) -> CheckResult {
    let first = outcome.trace.events.iter().find_map(|e| match &e.kind {
        EventKind::FrameSent {
            link: l,
            from,
            to,
            bytes,
            ..
        } if from.device == device => {
            let d = wire::decode(bytes);
            let is_request = d.ipv4().is_some_and(|ip| ip.dst.value == target)
                && d.icmp().is_some_and(|i| i.icmp_type.value == 8);
            is_request.then(|| {
                (
                    l.to_string(),
                    to.device.to_string(),
                    d.ethernet.map(|e| e.dst.value),
                )
            })
        }
        _ => None,
    });
    let Some((l, neighbour, dst)) = first else {
        return result(check, false, format!("the echo request to {target} never left {device}: it did not reach {device}, or {device} dropped it."));
    };
    let next = dst
        .and_then(|m| mac_owner(lab, m))
        .map(|(d, _)| d)
        .unwrap_or(neighbour);
    let passed = match (towards, link) {
        (Some(t), _) => next == t,
        (None, Some(want)) => l == want,
        _ => false,
    };
    result(
        check,
        passed,
        format!("the echo request to {target} left {device} on link {l}, towards {next}."),
    )
}

/// Reads an observation check from the lab's own run.
fn observe(check: &Check, lab: &Topology, outcome: &RunOutcome) -> CheckResult {
    let events = &outcome.trace.events;
    match check {
        Check::ArpCacheHas { device, ip, mac_of } => {
            let ip = match resolve_ip(lab, ip) {
                Ok(ip) => ip,
                Err(m) => return failed(check, format!("{m} in your lab")),
            };
            let want = mac_of.as_deref().map(|m| device_macs(lab, m));
            let mut held = None;
            for e in events {
                if let EventKind::NeighborChanged {
                    device: d,
                    ip: i,
                    mac: Some(mac),
                    new,
                    ..
                } = &e.kind
                {
                    if d == device && *i == ip && new.is_valid() {
                        if want.as_ref().is_none_or(|w| w.contains(mac)) {
                            return result(
                                check,
                                true,
                                format!(
                                    "{device}'s ARP table holds {ip} at {mac} (from {}).",
                                    e.time
                                ),
                            );
                        }
                        held = Some(*mac);
                    }
                }
            }
            let why = match (held, mac_of) {
                (Some(mac), Some(m)) => format!("{device}'s ARP table holds {ip} at {mac}, which is not {m}'s MAC."),
                _ => format!("{device}'s ARP table never held a MAC for {ip}: no ARP exchange between them happened."),
            };
            result(check, false, why)
        }
        Check::Receives { device, .. } | Check::NeverReceives { device, .. } => {
            let m = check.frame_match();
            let macs = m.frame_to_mac_of.as_deref().map(|d| device_macs(lab, d));
            let resolve = |x: &Option<String>| x.as_deref().map(|t| resolve_ip(lab, t));
            let (to, arp) = match (
                resolve(&m.addressed_to).transpose(),
                resolve(&m.arp_for).transpose(),
            ) {
                (Ok(a), Ok(b)) => (a, b),
                (Err(e), _) | (_, Err(e)) => return failed(check, format!("{e} in your lab")),
            };
            let matching: Vec<_> = events
                .iter()
                .filter_map(|e| match &e.kind {
                    EventKind::FrameReceived { at, bytes, .. } if at.device == device.as_str() => {
                        let d = wire::decode(bytes);
                        let ok = macs.as_ref().is_none_or(|ms| {
                            d.ethernet
                                .as_ref()
                                .is_some_and(|eth| ms.contains(&eth.dst.value))
                        }) && to
                            .is_none_or(|ip| d.ipv4().is_some_and(|x| x.dst.value == ip))
                            && arp.is_none_or(|ip| {
                                d.arp().is_some_and(|a| {
                                    a.operation.value == wire::ArpOperation::Request
                                        && a.addresses
                                            .as_ref()
                                            .is_some_and(|x| x.target_ip.value == ip)
                                })
                            });
                        ok.then(|| (e.time, at.port.to_string(), wire::summarize(bytes)))
                    }
                    _ => None,
                })
                .collect();
            let what = m.describe();
            let why = match matching.first() {
                Some((t, port, summary)) => format!(
                    "{device} received {} such frame(s); the first at {t} on {port}: {summary}.",
                    matching.len()
                ),
                None => format!("{device} received no frame that is {what} during the lab's run."),
            };
            let passed = matches!(check, Check::Receives { .. }) == !matching.is_empty();
            result(check, passed, why)
        }
        _ => unreachable!("traffic checks run their own command"),
    }
}
