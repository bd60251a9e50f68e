//! Evaluating a goal: the lab is validated once, then each traffic check runs
//! it with its own command and each observation check reads one shared run.

use super::check::{
    device_macs, mac_owner, resolve_ip, Check, CheckResult, Evaluation, Invalid, CHECK_MAX_EVENTS,
};
use super::Exercise;
use crate::diagnose::{diagnose, diagnose_invalid, Diagnosis};
use crate::msg;
use crate::msg::Msg;
use crate::scenario::{Command, Scenario, Topology};
use crate::sim::{RunOutcome, Simulation, StopReason};
use crate::trace::{EventKind, IfaceRef};
use crate::wire;
use std::net::Ipv4Addr;

/// Runs the goal on a student's `edited` lab: lock violations, validity, and
/// one result per check. Pure and deterministic (the engine is).
pub fn evaluate(exercise: &Exercise, edited: &Scenario) -> Evaluation {
    evaluate_with(exercise, edited, |lab| Simulation::from_topology(lab).run())
}

/// [`evaluate`], running labs with `run` (the engine's whole run of a validated lab).
pub fn evaluate_with(exercise: &Exercise, edited: &Scenario, run: fn(&Topology) -> RunOutcome) -> Evaluation {
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
            let why = msg!("check-cannot-run", error = error.to_string());
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
            Some(Err(message)) => failed(check, msg!("check-in-your-lab", problem = message)),
            Some(Ok((device, command, line))) => traffic_check(check, lab, &device, command, line, run),
            None => {
                let outcome = base.get_or_insert_with(|| run(lab));
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

fn failed(check: &Check, why: Msg) -> CheckResult {
    CheckResult {
        check: check.clone(),
        description: check.describe(),
        passed: false,
        why,
        output: vec![],
        diagnosis: None,
    }
}

fn result(check: &Check, passed: bool, why: Msg) -> CheckResult {
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
    line: String,
    run: fn(&Topology) -> RunOutcome,
) -> CheckResult {
    let Some(d) = lab
        .devices
        .iter()
        .position(|d| d.id == device && d.kind.has_ip())
    else {
        return failed(check, msg!("check-not-ip-device", device = device));
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
    let lab = match lab.with_commands(vec![(at_ms, d, command, line)]) {
        Ok(lab) => lab,
        Err(e) => return failed(check, msg!("check-command-cannot-run", error = e.to_string())),
    };
    let outcome = run(&lab);
    let label = lab.commands[0].label.clone();
    let lines = outcome.outputs.get(&label).cloned().unwrap_or_default();
    let storm = match &outcome.stop {
        StopReason::BroadcastStorm { links, .. } => msg!("check-storm", links = links.join(", ")),
        StopReason::EventBudget { events } => msg!("check-event-budget", events = events),
        StopReason::WorkBudget { events, work } => msg!("check-work-budget", work = work, events = events),
        _ => Msg::verbatim(""),
    };
    // The reason, then why the run stopped early, then a full stop.
    let why = |what: Msg| msg!("check-why", why = what, stopped = storm.clone());
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
                Some(l) => msg!("check-ping-no-send", from = &from, line = l),
                None => {
                    let error = lines.iter().find(|l| l.starts_with("From "));
                    let t = msg!("check-ping-sent", from = &from, sent = sent, target = &target_text, got = got);
                    match error {
                        Some(e) => msg!("check-ping-printed", counts = t, line = e),
                        None => t,
                    }
                }
            };
            let passed = match check {
                Check::PingSucceeds { .. } | Check::Ping6Succeeds { .. } => unreachable.is_none() && sent > 0 && got == sent,
                _ => got == 0,
            };
            result(check, passed, why(what))
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
            let what = match (reached, last_answer) {
                (Some(n), _) => msg!("check-traceroute-reached", target = target, hop = n, hops = hops),
                (None, Some((n, a))) => msg!(
                    "check-traceroute-stopped",
                    target = target,
                    hop = n,
                    addresses = a.iter().map(|x| x.to_string()).collect::<Vec<_>>().join(", "),
                ),
                (None, None) if lines.iter().any(|l| l.contains("unreachable")) => msg!(
                    "check-traceroute-no-start",
                    line = lines.iter().find(|l| l.contains("unreachable")).cloned().unwrap_or_default().trim(),
                ),
                (None, None) => msg!("check-traceroute-silent", target = target),
            };
            result(check, reached == Some(*hops), why(what))
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
                EventKind::DnsLookup { lookup, .. } if lookup.label.as_str() == label => Some((lookup.outcome.clone(), lookup.server)),
                _ => None,
            });
            let (passed, what) = match outcome_of {
                Some((crate::trace::LookupOutcome::Answer { addresses, .. }, _)) => (
                    true,
                    msg!(
                        "check-lookup-answer",
                        from = &from,
                        name = name,
                        addresses = addresses.iter().map(|a| a.to_string()).collect::<Vec<_>>().join(", "),
                    ),
                ),
                Some((crate::trace::LookupOutcome::NxDomain, _)) => (false, msg!("check-lookup-nxdomain", name = name)),
                Some((crate::trace::LookupOutcome::Timeout, server)) => (
                    false,
                    match server {
                        Some(s) => msg!("check-lookup-timeout-asked", from = &from, name = name, server = s),
                        None => msg!("check-lookup-timeout", from = &from, name = name),
                    },
                ),
                Some((crate::trace::LookupOutcome::NoServers, _)) => (false, msg!("check-lookup-no-servers", from = &from)),
                Some((other, _)) => (false, msg!("check-lookup-no-address", name = name, outcome = other.name())),
                None => (false, msg!("check-lookup-unfinished", name = name)),
            };
            result(check, passed, why(what))
        }
        Check::PageLoads { url, .. } => {
            let status = outcome.trace.events.iter().find_map(|e| match &e.kind {
                EventKind::HttpResponse { response, .. } => Some((response.status, response.body_len)),
                _ => None,
            });
            let error = lines.iter().find(|l| l.starts_with("curl: (")).cloned();
            let (passed, what) = match (error, status) {
                (Some(e), _) => (false, msg!("check-curl-failed", line = e)),
                (None, Some((200, n))) => (true, msg!("check-page-fetched", from = &from, url = url, bytes = n)),
                (None, Some((s, _))) => (false, msg!("check-page-status", status = s.to_string())),
                (None, None) => (false, msg!("check-page-no-answer", url = url, from = &from)),
            };
            result(check, passed, why(what))
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
                text: msg!(
                    "diagnose-no-route-back",
                    device = device,
                    back = back,
                    sender = from,
                    routes = format!("devices[{r}].routes"),
                    gateway = format!("devices[{r}].gateway"),
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
        EventKind::FrameSent { hop, bytes, .. } if hop.from.device == device => {
            let (l, to) = (&hop.link, &hop.to);
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
        return result(check, false, msg!("check-never-left", target = target, device = device));
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
    result(check, passed, msg!("check-left-via", target = target, device = device, link = &l, next = &next))
}

/// Reads an observation check from the lab's own run.
fn observe(check: &Check, lab: &Topology, outcome: &RunOutcome) -> CheckResult {
    let events = &outcome.trace.events;
    match check {
        Check::ArpCacheHas { device, ip, mac_of } => {
            let ip = match resolve_ip(lab, ip) {
                Ok(ip) => ip,
                Err(m) => return failed(check, msg!("check-in-your-lab", problem = m)),
            };
            let want = mac_of.as_deref().map(|m| device_macs(lab, m));
            let mut held = None;
            for e in events {
                if let EventKind::NeighborChanged {
                    at: IfaceRef(d),
                    ip: i,
                    mac: Some(mac),
                    new,
                    ..
                } = &e.kind
                {
                    if &d.device == device && *i == ip && new.is_valid() {
                        if want.as_ref().is_none_or(|w| w.contains(mac)) {
                            return result(
                                check,
                                true,
                                msg!("check-arp-held", device = device, ip = ip, mac = mac, time = e.time),
                            );
                        }
                        held = Some(*mac);
                    }
                }
            }
            let why = match (held, mac_of) {
                (Some(mac), Some(m)) => msg!("check-arp-wrong-mac", device = device, ip = ip, mac = mac, owner = m),
                _ => msg!("check-arp-never", device = device, ip = ip),
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
                (Err(e), _) | (_, Err(e)) => return failed(check, msg!("check-in-your-lab", problem = e)),
            };
            let matching: Vec<_> = events
                .iter()
                .filter_map(|e| match &e.kind {
                    EventKind::FrameReceived { hop, bytes } if hop.to.device == device.as_str() => {
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
                        ok.then(|| (e.time, hop.to.port.to_string(), wire::summarize(bytes)))
                    }
                    _ => None,
                })
                .collect();
            let what = m.describe();
            let why = match matching.first() {
                Some((t, port, summary)) => msg!(
                    "check-received",
                    device = device,
                    count = matching.len(),
                    time = t,
                    port = port,
                    frame = summary,
                ),
                None => msg!("check-received-none", device = device, frames = what),
            };
            let passed = matches!(check, Check::Receives { .. }) == !matching.is_empty();
            result(check, passed, why)
        }
        _ => unreachable!("traffic checks run their own command"),
    }
}

#[cfg(test)]
mod tests {
    use crate::msg;

    /// Counts go to the catalogue as numbers (for plurals) and read as the old text did.
    #[test]
    fn counts_read_as_plain_numbers_and_pick_the_plural() {
        let m = msg!("check-why", why = msg!("check-ping-sent", from = "pc1", sent = 2u32, target = "10.0.0.2", got = 1u32), stopped = msg!("check-work-budget", work = 1_234_567u64, events = 200_000u64));
        assert_eq!(
            m.to_string(),
            "pc1 sent 2 echo request(s) to 10.0.0.2 and got 1 reply (the run stopped at its work budget: 1234567 units of work in 200000 events, with frames still being copied)."
        );
        let none = msg!("check-ping-sent", from = "pc1", sent = 2u32, target = "10.0.0.2", got = 0u32);
        assert_eq!(none.to_string(), "pc1 sent 2 echo request(s) to 10.0.0.2 and got 0 replies");
    }
}
