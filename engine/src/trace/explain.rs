//! The sentence that explains each trace event, built on demand (recording
//! stays cheap), plus the facts the UI asks of an event (its frame, broadcast).

use super::facts::*;
use super::Name;
use super::{EventKind, TraceEvent};
use crate::neighbor::NudState;
use crate::time::SimTime;
use std::fmt::Write as _;
use std::net::Ipv4Addr;

impl TraceEvent {
    /// The frame this event carries (sent, received or dropped), if any.
    pub fn frame(&self) -> Option<&[u8]> {
        match &self.kind {
            EventKind::FrameSent { bytes, .. }
            | EventKind::FrameReceived { bytes, .. }
            | EventKind::FrameDropped { bytes, .. } => Some(bytes),
            _ => None,
        }
    }

    /// True when the event's frame is sent to the Ethernet broadcast address.
    pub fn is_broadcast(&self) -> bool {
        self.frame()
            .and_then(|b| smoltcp::wire::EthernetFrame::new_checked(b).ok())
            .is_some_and(|f| f.dst_addr().is_broadcast())
    }

    /// One plain-English sentence that explains the event, for the UI and the runner.
    pub fn explain(&self) -> String {
        let mut s = String::new();
        match &self.kind {
            EventKind::RoutesInstalled { device, routes } => {
                let _ = write!(s, "{device} has {} route(s): ", routes.len());
                let rows: Vec<String> = routes.iter().map(route_text).collect();
                s.push_str(&rows.join("; "));
            }
            EventKind::FrameSent {
                link,
                from,
                to,
                t_start,
                t_end,
                bytes,
            } => {
                let _ = write!(
                    s,
                    "{}/{} sends {} ({} bytes) on {link} to {}/{}; it arrives at {t_end} ({} after {t_start})",
                    from.device,
                    from.port,
                    crate::wire::summarize(bytes),
                    bytes.len(),
                    to.device,
                    to.port,
                    micros(*t_end - *t_start)
                );
            }
            EventKind::FrameReceived { at, link, bytes } => {
                let _ = write!(
                    s,
                    "{}/{} receives {} from {link}",
                    at.device,
                    at.port,
                    crate::wire::summarize(bytes)
                );
            }
            EventKind::FrameDropped {
                device,
                port,
                reason,
                bytes,
            } => {
                let place = port
                    .as_ref()
                    .map(|p| format!("{device}/{p}"))
                    .unwrap_or_else(|| device.to_string());
                let _ = write!(
                    s,
                    "{place} drops {}: {}",
                    crate::wire::summarize(bytes),
                    reason.sentence()
                );
            }
            EventKind::PacketDropped {
                device,
                reason,
                bytes,
            } => {
                let _ = write!(
                    s,
                    "{device} drops {}: {}",
                    packet_summary(bytes),
                    reason.sentence()
                );
            }
            EventKind::SwitchForward {
                device,
                in_port,
                dst,
                out,
                why,
                vlan,
            } => {
                let what = match why {
                    ForwardReason::Broadcast => format!("{dst} is the broadcast address"),
                    ForwardReason::Multicast => format!("{dst} is a multicast address"),
                    ForwardReason::UnknownUnicast => {
                        format!("{device} has not learned where {dst} is")
                    }
                    ForwardReason::Learned => format!("{device} learned {dst} on that port"),
                    ForwardReason::Hub => "a hub repeats every frame".to_string(),
                };
                // A VLAN-filtering switch floods and looks up within the frame's VLAN only.
                let what = match vlan {
                    Some(v) => format!("{what} in VLAN {v}"),
                    None => what,
                };
                match out {
                    Forwarding::Port { port } => {
                        let _ = write!(
                            s,
                            "{device} forwards the frame from {in_port} only out of {port}: {what}"
                        );
                    }
                    Forwarding::Flood { ports } => {
                        let list = if ports.is_empty() {
                            if vlan.is_some() { "no other port of its VLAN".to_string() } else { "no other port".to_string() }
                        } else {
                            ports
                                .iter()
                                .map(Name::as_str)
                                .collect::<Vec<_>>()
                                .join(", ")
                        };
                        let _ = write!(
                            s,
                            "{device} floods the frame from {in_port} out of {list}: {what}"
                        );
                    }
                }
            }
            EventKind::MacLearned {
                device,
                mac,
                port,
                moved_from,
                vlan,
            } => {
                let inv = vlan.map_or(String::new(), |v| format!(" in VLAN {v}"));
                match moved_from {
                    Some(old) => {
                        let _ = write!(s, "{device} sees {mac} on {port} now (it was on {old}) and updates its MAC table{inv}");
                    }
                    None => {
                        let _ = write!(s, "{device} learns that {mac} is reached through {port}{inv}");
                    }
                }
            }
            EventKind::MacAged { device, mac, port } => {
                let _ = write!(
                    s,
                    "{device} forgets {mac} on {port}: nothing came from it for 300 s"
                );
            }
            EventKind::Route { device, decision } => explain_route(&mut s, device, decision),
            EventKind::Ipv6 { device, event } => super::explain6::explain(&mut s, device, event),
            EventKind::Mtu { device, event } => super::mtu::explain(&mut s, device, event),
            EventKind::NeighborChanged {
                device,
                interface,
                ip,
                mac,
                old,
                new,
            } => {
                let mac_text = mac.map(|m| format!(" at {m}")).unwrap_or_default();
                let why = match (old, new) {
                    (None | Some(NudState::Failed), NudState::Incomplete) => {
                        "a packet needs this address, so ARP starts"
                    }
                    (_, NudState::Reachable) => "a reply confirmed it",
                    (None, NudState::Stale) => "learned from an ARP packet it received",
                    (Some(NudState::Reachable), NudState::Stale) => {
                        "not confirmed for the reachable time"
                    }
                    (Some(NudState::Stale), NudState::Delay) => {
                        "used while stale; Linux waits 5 s for a confirmation"
                    }
                    (Some(NudState::Delay), NudState::Probe) => {
                        "no confirmation within 5 s, so it asks the neighbour directly"
                    }
                    (_, NudState::Failed) => "no ARP reply came",
                    (_, NudState::Stale) => "an ARP packet gave a new MAC",
                    _ => "state change",
                };
                let old_text = old.map(|o| o.name()).unwrap_or("no entry");
                let _ = write!(
                    s,
                    "{device} ARP table ({interface}): {ip} {old_text} → {}{mac_text}: {why}",
                    new.name()
                );
            }
            EventKind::IcmpErrorGenerated {
                device,
                error,
                rate_limited,
            } => {
                if *rate_limited {
                    let _ = write!(
                        s,
                        "{device} would send \"{}\" to {}, but Linux's ICMP rate limit holds it back",
                        error.describe(),
                        error.to
                    );
                } else {
                    let _ = write!(
                        s,
                        "{device} sends ICMP \"{}\" from {} back to {}",
                        error.describe(),
                        error.from,
                        error.to
                    );
                }
            }
            EventKind::CommandStarted { label, .. } => {
                let _ = write!(s, "{label} starts");
            }
            EventKind::CommandOutput { label, line } => {
                let _ = write!(s, "{label} prints: {line}");
            }
            EventKind::DhcpLeaseObtained { device, interface, lease, renewed } => {
                let gw = lease.router.map_or("no default gateway".to_string(), |r| format!("default gateway {r}"));
                let dns = if lease.dns.is_empty() {
                    "no DNS server".to_string()
                } else {
                    format!("DNS server {}", lease.dns.iter().map(|a| a.to_string()).collect::<Vec<_>>().join(", "))
                };
                if *renewed {
                    let _ = write!(s, "{device}/{interface} renewed its lease on {} with the DHCP server {}: it may keep the address {} s more and will ask again at {}.", lease.address.addr(), lease.server, lease.lease_time, lease.renew_at);
                } else {
                    let _ = write!(s, "{device}/{interface} got the address {} from the DHCP server {} for {} s, with {gw} and {dns}; it installs them like `ip addr add` and `ip route add default`.", lease.address, lease.server, lease.lease_time);
                }
            }
            EventKind::DhcpLeaseExpired { device, interface, address, nak_from } => match nak_from {
                Some(server) => {
                    let _ = write!(s, "The DHCP server {server} refused {device}/{interface}'s lease (NAK), so {device} removes {address} and starts over with a DISCOVER.");
                }
                None => {
                    let _ = write!(s, "{device}/{interface}'s lease on {address} expired without being renewed, so {device} removes the address and its routes and asks again.");
                }
            },
            EventKind::DhcpLeaseReleased { device, interface, address, server } => {
                let _ = write!(s, "{device}/{interface} gave its lease on {address} back to the DHCP server {server} (DHCPRELEASE) and removes the address and its routes, as `dhclient -r` does; it asks for nothing until dhclient runs again.");
            }
            EventKind::DhcpServerRelease { device, mac, address } => {
                let _ = write!(s, "{mac} gave {address} back (DHCPRELEASE), so the DHCP server on {device} removes the lease and may hand the address out again.");
            }
            EventKind::DhcpNoOffers { device, interface, retry_at } => {
                let _ = write!(s, "No DHCP server answered {device}/{interface}'s DISCOVERs for 60 s, so dhclient gives up (\"No DHCPOFFERS received.\") and tries again at {retry_at}; the interface has no address meanwhile.");
            }
            EventKind::DhcpServerLease { device, mac, address, hostname, expires } => {
                let who = hostname.as_deref().map_or(String::new(), |h| format!(" ({h})"));
                let _ = write!(s, "The DHCP server on {device} leases {address} to {mac}{who} until {expires} and notes it in its lease table.");
            }
            EventKind::DnsLookup { device, label, name, server, outcome } => {
                let srv = server.map_or("its DNS server".to_string(), |a| format!("the DNS server {a}"));
                let _ = match outcome {
                    LookupOutcome::Answer { addresses, .. } => write!(s, "{srv} answered {device}'s question about {name}: {} ({label}).", addresses.iter().map(|a| a.to_string()).collect::<Vec<_>>().join(", ")),
                    LookupOutcome::NoData => write!(s, "{srv} says {name} exists but has no IPv4 address (no A record) ({label})."),
                    LookupOutcome::NxDomain => write!(s, "{srv} answered NXDOMAIN: the name {name} does not exist in DNS ({label})."),
                    LookupOutcome::Timeout => write!(s, "No DNS server answered {device}'s question about {name}: every query timed out ({label})."),
                    LookupOutcome::ServerError { rcode } => write!(s, "{srv} could not answer {device}'s question about {name} ({}) ({label}).", crate::wire::dns::rcode_name(*rcode)),
                    LookupOutcome::NoServers => write!(s, "{device} has no DNS server in its resolv.conf, so it cannot look up {name} ({label})."),
                };
            }
            EventKind::NatTranslated { device, interface, direction, before, after, checksums, entry } => {
                s = super::nat::translated_sentence(device, interface, *direction, before, after, checksums, entry);
            }
            EventKind::ConntrackExpired { device, entry } => s = super::nat::expired_sentence(device, entry),
            EventKind::TcpSocket { .. }
            | EventKind::TcpRetransmit { .. }
            | EventKind::TcpResetSent { .. }
            | EventKind::HttpRequest { .. }
            | EventKind::HttpResponse { .. } => super::explain_tcp::explain(&mut s, &self.kind),
            EventKind::LinkChanged { .. }
            | EventKind::MacFlushed { .. }
            | EventKind::NeighborFlushed { .. }
            | EventKind::AddressChanged { .. }
            | EventKind::PowerChanged { .. } => s = super::config::explain(&self.kind).unwrap_or_default(),
            EventKind::StpBridge { .. } | EventKind::StpPort { .. } | EventKind::StpTopologyChange { .. } => {
                s = super::stp::explain(&self.kind).unwrap_or_default()
            }
            EventKind::Storm {
                links,
                devices,
                events,
                ..
            } => {
                // A fan-out storm through hundreds of parallel cables names a few and counts the rest.
                let few = |names: &[String]| match names.len() {
                    0..=8 => names.join(", "),
                    n => format!("{} and {} more", names[..6].join(", "), n - 6),
                };
                let _ = write!(
                    s,
                    "Broadcast storm: after {events} events frames were still circulating through {} (links {}). Switches forward broadcasts forever around a loop; real networks run STP to block one port.",
                    few(devices),
                    few(links)
                );
            }
        }
        s
    }
}

/// "IPv4 10.0.0.1 → 10.0.0.2" for a bare IP datagram.
fn packet_summary(datagram: &[u8]) -> String {
    match datagram.get(12..20) {
        Some(b) => format!(
            "the IPv4 packet {} → {}",
            Ipv4Addr::new(b[0], b[1], b[2], b[3]),
            Ipv4Addr::new(b[4], b[5], b[6], b[7])
        ),
        None => "a truncated IPv4 packet".to_string(),
    }
}

fn micros(t: SimTime) -> String {
    let ns = t.as_nanos();
    format!("{}.{:03} µs", ns / 1000, ns % 1000)
}

fn route_text(r: &RouteEntry) -> String {
    let mut t = if r.prefix.prefix_len() == 0 {
        "default".to_string()
    } else {
        r.prefix.to_string()
    };
    if let Some(via) = r.via {
        let _ = write!(t, " via {via}");
    }
    let _ = write!(t, " dev {}", r.interface);
    if let Some(src) = r.src {
        let _ = write!(t, " src {src}");
    }
    if r.linkdown {
        t.push_str(" linkdown");
    }
    t
}

fn explain_route(s: &mut String, device: &str, d: &RouteDecision) {
    let dst = d.destination;
    let Some(chosen) = &d.chosen else {
        if d.forwarding {
            let _ = write!(
                s,
                "{device}: no route matches {dst}, so the packet cannot be forwarded"
            );
        } else {
            for c in &d.checks {
                let _ = write!(
                    s,
                    "{dst} AND {} = {} ≠ {}/{}; ",
                    c.mask, c.masked_destination, c.network, c.prefix_len
                );
            }
            let _ = write!(
                s,
                "{device} has no route to {dst} and no default gateway: Network is unreachable"
            );
        }
        return;
    };
    let on_link = d.checks.iter().find(|c| c.on_link);
    if !d.forwarding {
        if let Some(c) = on_link.filter(|_| chosen.kind == RouteKind::Connected) {
            let _ = write!(
                s,
                "{dst} AND {} = {} = my network ({}/{}), so deliver directly: ARP for {dst}",
                c.mask, c.masked_destination, c.network, c.prefix_len
            );
            return;
        }
        for c in d.checks.iter().filter(|c| !c.on_link) {
            let _ = write!(
                s,
                "{dst} AND {} = {} ≠ my network ({}/{}); ",
                c.mask, c.masked_destination, c.network, c.prefix_len
            );
        }
        let via = chosen.via.map(|v| v.to_string()).unwrap_or_default();
        match chosen.kind {
            RouteKind::Default => {
                let _ = write!(s, "so send it to the default gateway {via}: ARP for {via}");
            }
            _ => {
                let _ = write!(
                    s,
                    "route {} matches, so send it to {via} via {}: ARP for {via}",
                    chosen.prefix, chosen.interface
                );
            }
        }
        return;
    }
    let how = match chosen.via {
        Some(via) => format!("forward it to {via} out of {}", chosen.interface),
        None => format!("deliver it directly out of {}", chosen.interface),
    };
    let route = if chosen.prefix.prefix_len() == 0 {
        "the default route".to_string()
    } else {
        chosen.prefix.to_string()
    };
    let _ = write!(
        s,
        "{device}: {dst} matches {route} (longest of {} matching route(s)), so {how}",
        d.matching_routes
    );
    if let Some(c) = on_link {
        let _ = write!(
            s,
            " [{dst} AND {} = {} = {}/{}]",
            c.mask, c.masked_destination, c.network, c.prefix_len
        );
    }
}
