//! Evaluating a goal: the lab is validated once, then each traffic check runs
//! it with its own command and each observation check reads one shared run.

use super::check::{
    device_macs, mac_owner, resolve_ip, Check, CheckResult, Evaluation, Invalid, CHECK_MAX_EVENTS,
};
use super::Exercise;
use crate::diagnose::{diagnose, diagnose_invalid, Diagnosis};
use crate::scenario::{Command, Scenario, Topology};
use crate::sim::{RunOutcome, Simulation, StopReason};
use crate::trace::EventKind;
use crate::wire;
use std::net::Ipv4Addr;

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
        .map(|check| match check.command(lab) {
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
    // A check's traffic starts at 1 s; on a device that asks DHCP for its
    // address, at 8 s (dnsmasq's 3 s ping check and dhclient's exchange come first).
    // IPv6 at 6 s: DAD, the router's advertisement and SLAAC's DAD take up to ~4 s.
    let mut at_ms = if lab.devices[d].interfaces.iter().any(|i| i.dhcp) {
        8000
    } else if matches!(command, Command::Ping6 { .. }) {
        6000
    } else {
        1000
    };
    // With a spanning-tree switch, after its ports forward: 15 s listening + 15 s learning.
    if lab.devices.iter().any(|d| d.stp) {
        at_ms = at_ms.max(31_000);
    }
    let lab = match lab.with_commands(vec![(at_ms, d, command, run)]) {
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
        StopReason::WorkBudget { events, work } => format!(
            " (the run stopped at its work budget: {work} units of work in {events} events, with frames still being copied)"
        ),
        _ => String::new(),
    };
    let target = lab.commands[0].command.target().unwrap_or(Ipv4Addr::UNSPECIFIED);
    let target_text = match &lab.commands[0].command {
        Command::Ping6 { target, .. } => target.to_string(),
        _ => target.to_string(),
    };
    let from = device.to_string();
    let mut res = match check {
        Check::PingSucceeds { .. } | Check::PingFails { .. } | Check::Ping6Succeeds { .. } => {
            let (sent, got) = ping_counts(&lines);
            let unreachable = lines.iter().find(|l| l.contains("Network is unreachable"));
            let what = match unreachable {
                Some(l) => format!("{from} could not send anything: \"{l}\""),
                None => {
                    let error = lines.iter().find(|l| l.starts_with("From "));
                    let mut t = format!(
                        "{from} sent {sent} echo request(s) to {target_text} and got {got} repl{}",
                        if got == 1 { "y" } else { "ies" }
                    );
                    if let Some(e) = error {
                        t.push_str(&format!("; it printed \"{e}\""));
                    }
                    t
                }
            };
            let passed = match check {
                Check::PingSucceeds { .. } | Check::Ping6Succeeds { .. } => unreachable.is_none() && sent > 0 && got == sent,
                _ => got == 0,
            };
            result(check, passed, format!("{what}{storm}."))
        }
        Check::TracerouteHops { hops, .. } => {
            let rows = outcome
                .traceroute_hops
                .get(&label)
                .cloned()
                .unwrap_or_default();
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
        Check::LookupSucceeds { name, .. } => {
            let outcome_of = outcome.trace.events.iter().find_map(|e| match &e.kind {
                EventKind::DnsLookup { label: l, outcome, server, .. } if l.as_str() == label => Some((outcome.clone(), *server)),
                _ => None,
            });
            let (passed, why) = match outcome_of {
                Some((crate::trace::LookupOutcome::Answer { addresses, .. }, _)) => (
                    true,
                    format!("{from} looked up {name} and got {}", addresses.iter().map(|a| a.to_string()).collect::<Vec<_>>().join(", ")),
                ),
                Some((crate::trace::LookupOutcome::NxDomain, _)) => (false, format!("the DNS server answered that {name} does not exist (NXDOMAIN)")),
                Some((crate::trace::LookupOutcome::Timeout, server)) => (
                    false,
                    format!("no DNS server answered {from}'s question about {name}{}", server.map_or(String::new(), |s| format!(" (it asked {s})"))),
                ),
                Some((crate::trace::LookupOutcome::NoServers, _)) => (false, format!("{from} has no DNS server to ask")),
                Some((other, _)) => (false, format!("the lookup of {name} found no address ({other:?})")),
                None => (false, format!("the lookup of {name} did not finish")),
            };
            result(check, passed, format!("{why}{storm}."))
        }
        Check::PageLoads { url, .. } => {
            let status = outcome.trace.events.iter().find_map(|e| match &e.kind {
                EventKind::HttpResponse { status, body_len, .. } => Some((*status, *body_len)),
                _ => None,
            });
            let error = lines.iter().find(|l| l.starts_with("curl: (")).cloned();
            let (passed, why) = match (error, status) {
                (Some(e), _) => (false, format!("curl failed: {e}")),
                (None, Some((200, n))) => (true, format!("{from} fetched {url}: 200 OK, {n} bytes")),
                (None, Some((s, _))) => (false, format!("the web server answered {s} instead of the page")),
                (None, None) => (false, format!("curl {url} on {from} got no answer before the run ended")),
            };
            result(check, passed, format!("{why}{storm}."))
        }
        _ => unreachable!("only traffic checks have a command"),
    };
    res.output = lines;
    if !res.passed
        && matches!(
            check,
            Check::PingSucceeds { .. }
                | Check::Ping6Succeeds { .. }
                | Check::TracerouteHops { .. }
                | Check::LeavesVia { .. }
                | Check::LookupSucceeds { .. }
                | Check::PageLoads { .. }
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
