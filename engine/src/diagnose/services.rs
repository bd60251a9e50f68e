//! Diagnoses for DHCP and DNS (issue 11): a host that never got a lease, a
//! lease that ran out, a name lookup no server answered (a wrong or
//! unreachable DNS server), and NXDOMAIN. Read from the run's DHCP and DNS
//! trace events and the lab; nothing is re-run.

use super::{Cause, Diagnosis};
use crate::msg;
use crate::msg::Msg;
use crate::scenario::{Command, ScheduledCommand, Topology};
use crate::sim::RunOutcome;
use crate::trace::{EventKind, LookupOutcome};

/// The diagnosis of a failed command whose cause is DHCP or DNS, if it is.
pub(super) fn diagnose_command(
    topology: &Topology,
    outcome: &RunOutcome,
    spec: &ScheduledCommand,
) -> Option<Diagnosis> {
    let dev = &topology.devices[spec.device];
    let id = dev.id.as_str();
    let events = &outcome.trace.events;
    let before = |t: crate::time::SimTime| t <= spec.at;
    // curl looks the name up first (getaddrinfo): its failure says so.
    let curl = matches!(spec.command, Command::Curl { .. });
    let mk = |cause: Cause, device: &str, field: String, text: Msg| Diagnosis {
        command: spec.label.clone(),
        text: match (&cause, curl) {
            (Cause::NxDomain { name } | Cause::NameUnresolved { name }, true) => {
                msg!("diagnose-curl-no-address", name = name, text = text)
            }
            (Cause::DnsUnreachable { .. }, true) => msg!("diagnose-curl-unresolved", text = text),
            _ => text,
        },
        cause,
        device: device.to_string(),
        field,
    };
    // A lookup that finished: its outcome says what went wrong.
    if matches!(
        spec.command,
        Command::Host { .. } | Command::Dig { .. } | Command::GetentHosts { .. } | Command::Curl { .. }
    ) || spec.command.lookup().is_some()
    {
        let found = events.iter().find_map(|e| match &e.kind {
            EventKind::DnsLookup { lookup, .. } if lookup.label.as_str() == spec.label => {
                Some((lookup.name.clone(), lookup.server, lookup.outcome.clone()))
            }
            _ => None,
        });
        if let Some((name, server, result)) = found {
            match result {
                LookupOutcome::NxDomain => {
                    // The zone that should hold the name.
                    let zone_owner = topology.devices.iter().enumerate().find(|(_, d)| {
                        d.dns_server
                            .as_ref()
                            .and_then(|s| s.zone.as_ref())
                            .is_some_and(|z| name == *z || name.ends_with(&format!(".{z}")))
                    });
                    let (device, field) = match zone_owner {
                        Some((k, d)) => {
                            (d.id.clone(), format!("devices[{k}].services.dns.records"))
                        }
                        None => (
                            id.to_string(),
                            format!("commands[{}].run", command_index(topology, spec)),
                        ),
                    };
                    let text = msg!("diagnose-nxdomain", name = &name, device = &device);
                    return Some(mk(Cause::NxDomain { name }, &device, field, text));
                }
                LookupOutcome::Timeout => {
                    let server_text = server.map_or(msg!("diagnose-the-dns-server"), |s| Msg::verbatim(s.to_string()));
                    let (device, field) = dns_source(topology, outcome, spec);
                    let owner = server.and_then(|s| topology.owner_of(s));
                    let why = match owner {
                        Some((k, _)) if topology.devices[k].dns_server.is_none() => {
                            msg!("diagnose-dns-no-server-there", server = server_text.clone(), owner = &topology.devices[k].id)
                        }
                        Some(_) => msg!("diagnose-dns-answers-lost", server = server_text.clone(), device = id),
                        None => msg!("diagnose-dns-no-such-address", server = server_text.clone()),
                    };
                    let text = msg!(
                        "diagnose-dns-timeout",
                        device = id,
                        server = server_text,
                        name = &name,
                        why = why,
                        field = &field,
                    );
                    return Some(mk(Cause::DnsUnreachable { server }, &device, field, text));
                }
                LookupOutcome::NoServers => {
                    if let Some(d) = no_lease(topology, outcome, spec, &mk) {
                        return Some(d);
                    }
                    let text = msg!("diagnose-no-dns-server", device = id, name = &name);
                    return Some(mk(
                        Cause::DnsUnreachable { server: None },
                        id,
                        format!("devices[{}].dns", spec.device),
                        text,
                    ));
                }
                LookupOutcome::NoData | LookupOutcome::ServerError { .. } if curl => {
                    let text = msg!("diagnose-no-a-record", server = server.map_or("?".to_string(), |s| s.to_string()), name = &name);
                    let field = format!("commands[{}].run", command_index(topology, spec));
                    return Some(mk(Cause::NameUnresolved { name }, id, field, text));
                }
                _ => {}
            }
        }
    }
    // The lease ran out before the command.
    if let Some((iface, address)) = events
        .iter()
        .filter(|e| before(e.time))
        .find_map(|e| match &e.kind {
            EventKind::DhcpLeaseExpired { at, address, .. } if at.device.as_str() == id => Some((at.interface().clone(), *address)),
            _ => None,
        })
    {
        let i = dev
            .interfaces
            .iter()
            .position(|f| f.name == iface.as_str())
            .unwrap_or(0);
        let text = msg!("diagnose-lease-expired", device = id, interface = &iface, address = address);
        return Some(mk(
            Cause::LeaseExpired,
            id,
            format!("devices[{}].interfaces[{i}].address", spec.device),
            text,
        ));
    }
    no_lease(topology, outcome, spec, &mk)
}

/// A `"dhcp"` interface of the command's device that had no lease when the command ran.
fn no_lease(
    topology: &Topology,
    outcome: &RunOutcome,
    spec: &ScheduledCommand,
    mk: &dyn Fn(Cause, &str, String, Msg) -> Diagnosis,
) -> Option<Diagnosis> {
    let dev = &topology.devices[spec.device];
    let id = dev.id.as_str();
    let (i, iface) = dev.interfaces.iter().enumerate().find(|(_, f)| f.dhcp)?;
    let leased = outcome.trace.events.iter().any(|e| {
        e.time <= spec.at
            && matches!(&e.kind, EventKind::DhcpLeaseObtained { at, .. } if at.device.as_str() == id && at.interface().as_str() == iface.name)
    });
    if leased {
        return None;
    }
    let text = msg!("diagnose-no-dhcp-server", device = id, interface = &iface.name);
    Some(mk(
        Cause::NoDhcpServer,
        id,
        format!("devices[{}].interfaces[{i}].address", spec.device),
        text,
    ))
}

/// Where the device's DNS server address came from: the DHCP server's `dns`
/// option when a lease brought it, else the device's own `dns` list.
fn dns_source(
    topology: &Topology,
    outcome: &RunOutcome,
    spec: &ScheduledCommand,
) -> (String, String) {
    let id = topology.devices[spec.device].id.as_str();
    let lease_server = outcome
        .trace
        .events
        .iter()
        .filter(|e| e.time <= spec.at)
        .rev()
        .find_map(|e| match &e.kind {
            EventKind::DhcpLeaseObtained { at, lease, .. }
                if at.device.as_str() == id && !lease.dns.is_empty() =>
            {
                Some(lease.server)
            }
            _ => None,
        });
    if let Some((k, _)) = lease_server.and_then(|s| topology.owner_of(s)) {
        return (
            topology.devices[k].id.clone(),
            format!("devices[{k}].services.dhcp.dns"),
        );
    }
    (id.to_string(), format!("devices[{}].dns", spec.device))
}

fn command_index(topology: &Topology, spec: &ScheduledCommand) -> usize {
    topology
        .commands
        .iter()
        .position(|c| c.label == spec.label)
        .unwrap_or(0)
}
