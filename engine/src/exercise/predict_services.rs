//! Predict questions for DHCP and DNS decisions (issue 11):
//! - `DhcpLeaseObtained`: which default gateway does the client install?
//!   (wrong: the DHCP server's address, the DNS server, its own address, none)
//! - `DnsLookup`: what does the lookup find? (wrong: NXDOMAIN, a timeout, the
//!   DNS server's own address as the answer, another name's address)
//! - `NatTranslated` leaving a NAT router: which source address does the
//!   packet have after it? (wrong: unchanged, the router's inside address,
//!   the outside address with a new port)

use super::predict::{Answer, Choice, QuestionKind};
use crate::msg;
use crate::msg::Msg;
use crate::scenario::{DnsRecordData, Topology};
use crate::trace::{EventKind, LookupOutcome, NameLookup, NatRewrite};
use std::net::Ipv4Addr;

/// (kind, prompt, correct, wrong) for a DHCP or DNS decision event.
pub(super) fn question_parts(
    scenario: &Topology,
    kind: &EventKind,
) -> Option<(QuestionKind, Msg, Choice, Vec<Choice>)> {
    match kind {
        EventKind::DhcpLeaseObtained { at, lease, renewed: false } => {
            let (device, interface) = (&at.device, at.interface());
            let label = |ip: Option<Ipv4Addr>| Choice {
                text: match ip {
                    Some(ip) => msg!("predict-default-via", gateway = ip),
                    None => msg!("predict-no-default"),
                },
                answer: Answer::Gateway { ip },
            };
            let mut wrong = vec![Some(lease.server)];
            wrong.extend(lease.dns.iter().copied().map(Some));
            wrong.push(Some(lease.address.addr()));
            wrong.push(None);
            Some((
                QuestionKind::LeaseGateway,
                msg!("predict-lease-gateway", device = device, interface = interface, server = lease.server),
                label(lease.router),
                wrong.into_iter().map(label).collect(),
            ))
        }
        EventKind::DnsLookup { device, lookup, .. } => {
            let NameLookup { name, server, outcome, .. } = &**lookup;
            let label = |o: LookupOutcome| Choice {
                text: match &o {
                    LookupOutcome::Answer { addresses, .. } => msg!(
                        "predict-lookup-answer",
                        name = name,
                        addresses = addresses.iter().map(|a| a.to_string()).collect::<Vec<_>>().join(", "),
                    ),
                    LookupOutcome::NoData => msg!("predict-lookup-no-data", name = name),
                    LookupOutcome::NxDomain => msg!("predict-lookup-nxdomain"),
                    LookupOutcome::Timeout => msg!("predict-lookup-timeout"),
                    LookupOutcome::ServerError { .. } => msg!("predict-lookup-refused"),
                    LookupOutcome::NoServers => msg!("predict-lookup-no-servers"),
                },
                answer: Answer::Lookup { outcome: o },
            };
            let answer = |a: Ipv4Addr| LookupOutcome::Answer {
                addresses: vec![a],
                cnames: vec![],
            };
            let mut wrong = vec![LookupOutcome::NxDomain, LookupOutcome::Timeout];
            // The classic confusion: the DNS server's address is the answer.
            wrong.extend(server.map(answer));
            // Another name's address from the lab's zones.
            let records = scenario
                .devices
                .iter()
                .filter_map(|d| d.dns_server.as_ref())
                .flat_map(|s| s.records.iter())
                .filter_map(|r| match r.data {
                    DnsRecordData::A(a) if r.name != *name => Some(a),
                    _ => None,
                });
            wrong.extend(records.take(1).map(answer));
            wrong.push(LookupOutcome::NoData);
            Some((
                QuestionKind::LookupResult,
                msg!("predict-lookup", device = device, name = name),
                label(LookupOutcome::clone(outcome)),
                wrong.into_iter().map(label).collect(),
            ))
        }
        EventKind::NatTranslated { at, rewrite, .. } => {
            let (device, interface) = (&at.device, at.interface());
            let NatRewrite { before, after, .. } = &**rewrite;
            let icmp = before.proto == 1;
            let label = |(ip, port): (Ipv4Addr, u16)| Choice {
                text: if icmp { msg!("predict-echo-id", address = ip, id = port.to_string()) } else { Msg::verbatim(format!("{ip}:{port}")) },
                answer: Answer::Endpoint { ip, port },
            };
            let inside = scenario
                .devices
                .iter()
                .find(|d| d.id == device.as_str())
                .and_then(|d| d.addresses().find(|n| n.contains(&before.src.0)).map(|n| n.addr()));
            let mut wrong = vec![before.src];
            wrong.extend(inside.map(|a| (a, before.src.1)));
            if !icmp {
                // Another port: a classic guess is that NAT always picks a new one.
                wrong.push((after.src.0, if after.src.1 == 1024 { 1025 } else { 1024 }));
            }
            wrong.push((before.dst.0, before.src.1));
            Some((
                QuestionKind::NatSource,
                msg!("predict-nat-source", source = before.src.0, destination = before.dst.0, device = device, interface = interface),
                label(after.src),
                wrong.into_iter().map(label).collect(),
            ))
        }
        _ => None,
    }
}
