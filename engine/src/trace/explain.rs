//! The sentence that explains each trace event, built on demand (recording
//! stays cheap), plus the facts the UI asks of an event (its frame, broadcast).
//!
//! Each sentence is a catalogue message (crate::msg, `locales/*/engine-explain*.ftl`):
//! names, addresses and frame summaries are text arguments, counts are numbers, and the
//! parts that vary (why a switch floods, why an ARP entry changed) are nested messages.

use super::facts::*;
use super::Name;
use super::{EventKind, HopNames, StormLoop, TraceEvent};
use crate::apps::dhcp::server::ServerLease;
use crate::msg;
use crate::msg::{Arg, Msg};
use crate::neighbor::NudState;
use crate::time::SimTime;
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

    /// The sentence in English, for the runner, the golden traces and tests.
    pub fn explain(&self) -> String {
        self.explain_msg().to_string()
    }

    /// The sentence that explains the event, as a catalogue message (crate::msg): the UI
    /// words it in the reader's language.
    pub fn explain_msg(&self) -> Msg {
        match &self.kind {
            EventKind::RoutesInstalled { device, routes } => msg!(
                "explain-routes",
                device = device,
                count = routes.len(),
                routes = routes.iter().map(route_text).collect::<Vec<_>>().join("; ")
            ),
            EventKind::FrameSent { hop, bytes } if hop.from.sub.is_some() => {
                let HopNames { link, from, to, .. } = &**hop;
                let t_end = self.t_end();
                let sub: &Name = from.sub.as_ref().expect("a subinterface");
                // The 8021q driver's tag, named: which subinterface, which VLAN.
                let vid = if bytes.len() >= 16 { u16::from_be_bytes([bytes[14], bytes[15]]) & 0x0fff } else { 0 };
                msg!(
                    "explain-frame-sent-tagged",
                    device = &from.device,
                    sub = sub,
                    frame = crate::wire::summarize(bytes),
                    vlan = vid.to_string(),
                    bytes = bytes.len(),
                    port = &from.port,
                    link = link,
                    to_device = &to.device,
                    to_port = &to.port,
                    arrival = t_end,
                    duration = micros(t_end - self.time),
                    start = self.time
                )
            }
            EventKind::FrameSent { hop, bytes } => msg!(
                "explain-frame-sent",
                device = &hop.from.device,
                port = &hop.from.port,
                frame = crate::wire::summarize(bytes),
                bytes = bytes.len(),
                link = &hop.link,
                to_device = &hop.to.device,
                to_port = &hop.to.port,
                arrival = self.t_end(),
                duration = micros(self.t_end() - self.time),
                start = self.time
            ),
            EventKind::FrameReceived { hop, bytes } => msg!(
                "explain-frame-received",
                device = &hop.to.device,
                port = &hop.to.port,
                frame = crate::wire::summarize(bytes),
                link = &hop.link
            ),
            EventKind::FrameDropped { at, reason, bytes } => {
                let place = format!("{}/{}", at.device, at.port);
                msg!("explain-frame-dropped", place = place, frame = crate::wire::summarize(bytes), reason = reason.msg())
            }
            EventKind::PacketDropped { device, reason, bytes } => {
                msg!("explain-packet-dropped", device = device, packet = packet_summary(bytes), reason = reason.msg())
            }
            EventKind::SwitchForward { at, dst, out, why } => {
                let (device, in_port, vlan) = (&at.device, &at.port, &at.vlan);
                let what = match why {
                    ForwardReason::Broadcast => msg!("explain-why-broadcast", mac = dst),
                    ForwardReason::Multicast => msg!("explain-why-multicast", mac = dst),
                    ForwardReason::UnknownUnicast => msg!("explain-why-unknown", device = device, mac = dst),
                    ForwardReason::Learned => msg!("explain-why-learned", device = device, mac = dst),
                    ForwardReason::Hub => msg!("explain-why-hub"),
                };
                // A VLAN-filtering switch floods and looks up within the frame's VLAN only.
                let what = match vlan {
                    Some(v) => msg!("explain-why-in-vlan", why = what, vlan = v.to_string()),
                    None => what,
                };
                match &**out {
                    Forwarding::Port { port } => {
                        msg!("explain-switch-forward", device = device, in_port = in_port, port = port, why = what)
                    }
                    Forwarding::Flood { ports } => {
                        let list: Arg = match (ports.is_empty(), vlan.is_some()) {
                            (true, true) => msg!("explain-flood-nowhere-vlan").into(),
                            (true, false) => msg!("explain-flood-nowhere").into(),
                            _ => ports.iter().map(Name::as_str).collect::<Vec<_>>().join(", ").into(),
                        };
                        msg!("explain-switch-flood", device = device, in_port = in_port, ports = list, why = what)
                    }
                }
            }
            EventKind::MacLearned { at, mac, moved_from } => match (moved_from, at.vlan) {
                (Some(old), Some(v)) => {
                    msg!("explain-mac-moved-vlan", device = &at.device, mac = mac, port = &at.port, old = old, vlan = v.to_string())
                }
                (Some(old), None) => msg!("explain-mac-moved", device = &at.device, mac = mac, port = &at.port, old = old),
                (None, Some(v)) => msg!("explain-mac-learned-vlan", device = &at.device, mac = mac, port = &at.port, vlan = v.to_string()),
                (None, None) => msg!("explain-mac-learned", device = &at.device, mac = mac, port = &at.port),
            },
            EventKind::MacAged { at, mac } => {
                let (device, port) = (&at.device, &at.port);
                match at.vlan {
                    None => msg!("explain-mac-aged", device = device, mac = mac, port = port),
                    Some(v) => msg!("explain-mac-aged-vlan", device = device, mac = mac, port = port, vlan = v.to_string()),
                }
            }
            EventKind::Route { device, decision } => explain_route(device, decision),
            EventKind::Ipv6 { device, event } => super::explain6::explain(device, event),
            EventKind::Mtu { device, event } => super::mtu::explain(device, event),
            EventKind::NeighborChanged { at, ip, mac, old, new } => {
                let (device, interface) = (&at.device, at.interface());
                let why = match (old, new) {
                    (None | Some(NudState::Failed), NudState::Incomplete) => msg!("explain-arp-why-incomplete"),
                    (_, NudState::Reachable) => msg!("explain-arp-why-reachable"),
                    (None, NudState::Stale) => msg!("explain-arp-why-learned"),
                    (Some(NudState::Reachable), NudState::Stale) => msg!("explain-nud-why-not-confirmed"),
                    (Some(NudState::Stale), NudState::Delay) => msg!("explain-nud-why-delay"),
                    (Some(NudState::Delay), NudState::Probe) => msg!("explain-arp-why-probe"),
                    (_, NudState::Failed) => msg!("explain-arp-why-failed"),
                    (_, NudState::Stale) => msg!("explain-arp-why-new-mac"),
                    _ => msg!("explain-nud-why-other"),
                };
                let old = nud_old(*old);
                match mac {
                    Some(m) => msg!(
                        "explain-arp-entry-mac",
                        device = device,
                        interface = interface,
                        ip = ip,
                        old = old,
                        new = new.name(),
                        mac = m,
                        why = why
                    ),
                    None => msg!(
                        "explain-arp-entry",
                        device = device,
                        interface = interface,
                        ip = ip,
                        old = old,
                        new = new.name(),
                        why = why
                    ),
                }
            }
            EventKind::IcmpErrorGenerated { device, error, rate_limited } => {
                if *rate_limited {
                    msg!("explain-icmp-held", device = device, error = error.describe(), to = error.to)
                } else {
                    msg!("explain-icmp-sent", device = device, error = error.describe(), from = error.from, to = error.to)
                }
            }
            EventKind::CommandStarted { label, .. } => msg!("explain-command-started", label = label),
            EventKind::CommandOutput { label, line } => msg!("explain-command-output", label = label, line = &**line),
            EventKind::DhcpLeaseObtained { at, lease, renewed } => {
                let (device, interface) = (&at.device, at.interface());
                if *renewed {
                    msg!(
                        "explain-dhcp-renewed",
                        device = device,
                        interface = interface,
                        address = lease.address.addr(),
                        server = lease.server,
                        seconds = lease.lease_time.to_string(),
                        renew = lease.renew_at
                    )
                } else {
                    let gateway = lease.router.map_or(msg!("explain-dhcp-no-gateway"), |r| msg!("explain-dhcp-gateway", gateway = r));
                    let dns = if lease.dns.is_empty() {
                        msg!("explain-dhcp-no-dns")
                    } else {
                        msg!(
                            "explain-dhcp-dns",
                            count = lease.dns.len(),
                            servers = lease.dns.iter().map(|a| a.to_string()).collect::<Vec<_>>().join(", ")
                        )
                    };
                    msg!(
                        "explain-dhcp-bound",
                        device = device,
                        interface = interface,
                        address = lease.address,
                        server = lease.server,
                        seconds = lease.lease_time.to_string(),
                        gateway = gateway,
                        dns = dns
                    )
                }
            }
            EventKind::DhcpLeaseExpired { at, address, nak_from } => {
                let (device, interface) = (&at.device, at.interface());
                match nak_from {
                    Some(server) => {
                        msg!("explain-dhcp-nak", server = server, device = device, interface = interface, address = address)
                    }
                    None => msg!("explain-dhcp-expired", device = device, interface = interface, address = address),
                }
            }
            EventKind::DhcpLeaseReleased { at, address, server } => {
                let (device, interface) = (&at.device, at.interface());
                msg!("explain-dhcp-released", device = device, interface = interface, address = address, server = server)
            }
            EventKind::DhcpServerRelease { device, mac, address } => {
                msg!("explain-dhcp-server-release", mac = mac, address = address, device = device)
            }
            EventKind::DhcpNoOffers { at, retry_at } => {
                let (device, interface) = (&at.device, at.interface());
                msg!("explain-dhcp-no-offers", device = device, interface = interface, retry = retry_at)
            }
            EventKind::DhcpServerLease { device, lease } => match &**lease {
                ServerLease { mac, address, hostname: Some(h), expires } => msg!(
                    "explain-dhcp-server-lease-host",
                    device = device,
                    address = address,
                    mac = mac,
                    hostname = h.as_str(),
                    expires = expires
                ),
                ServerLease { mac, address, hostname: None, expires } => {
                    msg!("explain-dhcp-server-lease", device = device, address = address, mac = mac, expires = expires)
                }
            },
            EventKind::DnsLookup { device, lookup } => {
                let NameLookup { label, name, server, outcome } = &**lookup;
                let server = server.map_or(msg!("explain-dns-its-server"), |a| msg!("explain-dns-the-server", server = a));
                let name = name.as_str();
                match outcome {
                    LookupOutcome::Answer { addresses, .. } => msg!(
                        "explain-dns-answer",
                        server = server,
                        device = device,
                        name = name,
                        count = addresses.len(),
                        addresses = addresses.iter().map(|a| a.to_string()).collect::<Vec<_>>().join(", "),
                        label = label
                    ),
                    LookupOutcome::NoData => msg!("explain-dns-nodata", server = server, name = name, label = label),
                    LookupOutcome::NxDomain => msg!("explain-dns-nxdomain", server = server, name = name, label = label),
                    LookupOutcome::Timeout => msg!("explain-dns-timeout", device = device, name = name, label = label),
                    LookupOutcome::ServerError { rcode } => msg!(
                        "explain-dns-error",
                        server = server,
                        device = device,
                        name = name,
                        rcode = crate::wire::dns::rcode_name(*rcode),
                        label = label
                    ),
                    LookupOutcome::NoServers => msg!("explain-dns-no-servers", device = device, name = name, label = label),
                }
            }
            EventKind::NatTranslated { at, direction, rewrite } => {
                let (device, interface) = (&at.device, at.interface());
                let super::NatRewrite { before, after, checksums, entry } = &**rewrite;
                super::nat::translated_sentence(device, interface, *direction, before, after, checksums, entry)
            }
            EventKind::ConntrackExpired { device, entry } => super::nat::expired_sentence(device, entry),
            EventKind::TcpSocket { .. }
            | EventKind::TcpRetransmit { .. }
            | EventKind::TcpResetSent { .. }
            | EventKind::HttpRequest { .. }
            | EventKind::HttpResponse { .. } => super::explain_tcp::explain(&self.kind),
            EventKind::LinkChanged { .. }
            | EventKind::MacFlushed { .. }
            | EventKind::NeighborFlushed { .. }
            | EventKind::AddressChanged { .. }
            | EventKind::PowerChanged { .. } => super::config::explain(&self.kind),
            EventKind::StpBridge { .. } | EventKind::StpPort { .. } | EventKind::StpTopologyChange { .. } => {
                super::stp::explain(&self.kind)
            }
            EventKind::Storm { looped, .. } => {
                let StormLoop { links, devices, events } = &**looped;
                // A fan-out storm through hundreds of parallel cables names a few and counts the rest.
                let few = |names: &[String]| -> Arg {
                    match names.len() {
                        0..=8 => names.join(", ").into(),
                        n => msg!("explain-storm-more", names = names[..6].join(", "), count = n - 6).into(),
                    }
                };
                msg!("explain-storm", events = events, devices = few(devices), links = few(links))
            }
        }
    }
}

/// The state an entry had before, for "{old} → {new}": `ip neigh`'s word, or "none"
/// (no entry yet), which the catalogue words.
pub(super) fn nud_old(old: Option<NudState>) -> &'static str {
    old.map_or("none", |o| o.name())
}

/// "the IPv4 packet 10.0.0.1 → 10.0.0.2" for a bare IP datagram.
fn packet_summary(datagram: &[u8]) -> Msg {
    match datagram.get(12..20) {
        Some(b) => msg!(
            "explain-ipv4-packet",
            src = Ipv4Addr::new(b[0], b[1], b[2], b[3]),
            dst = Ipv4Addr::new(b[4], b[5], b[6], b[7])
        ),
        None => msg!("explain-ipv4-packet-truncated"),
    }
}

fn micros(t: SimTime) -> String {
    let ns = t.as_nanos();
    format!("{}.{:03} µs", ns / 1000, ns % 1000)
}

/// `ip route`'s line for a row (the program's words: the same in every language).
fn route_text(r: &RouteEntry) -> String {
    use std::fmt::Write as _;
    let mut t = if r.prefix.prefix_len() == 0 { "default".to_string() } else { r.prefix.to_string() };
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

/// "192.168.2.20 AND 255.255.255.0 = 192.168.2.0 ≠ my network (192.168.1.0/24); " for each
/// check (`mine`: compared with "my network"), joined: the start of a host's routing sentence.
fn differing_checks(mine: bool, dst: Ipv4Addr, checks: &[&AndCheck]) -> Arg {
    let parts = checks
        .iter()
        .map(|c| {
            let (mask, masked, network, len) = (c.mask, c.masked_destination, c.network, c.prefix_len);
            if mine {
                msg!("explain-and-not-mine", dst = dst, mask = mask, masked = masked, network = network, len = len)
            } else {
                msg!("explain-and-differs", dst = dst, mask = mask, masked = masked, network = network, len = len)
            }
        })
        .collect();
    Arg::Join(parts, "")
}

fn explain_route(device: &Name, d: &RouteDecision) -> Msg {
    let dst = d.destination;
    let Some(chosen) = &d.chosen else {
        if d.forwarding {
            return msg!("explain-route-forward-none", device = device, dst = dst);
        }
        let checks: Vec<&AndCheck> = d.checks.iter().collect();
        return msg!(
            "explain-route-host-none",
            checks = differing_checks(false, dst, &checks),
            device = device,
            dst = dst
        );
    };
    let on_link = d.checks.iter().find(|c| c.on_link);
    if !d.forwarding {
        if let Some(c) = on_link.filter(|_| chosen.kind == RouteKind::Connected) {
            return msg!(
                "explain-route-host-direct",
                dst = dst,
                mask = c.mask,
                masked = c.masked_destination,
                network = c.network,
                len = c.prefix_len
            );
        }
        let checks: Vec<&AndCheck> = d.checks.iter().filter(|c| !c.on_link).collect();
        let checks = differing_checks(true, dst, &checks);
        let via = chosen.via.map(|v| v.to_string()).unwrap_or_default();
        return match chosen.kind {
            RouteKind::Default => msg!("explain-route-host-gateway", checks = checks, via = via),
            _ => msg!(
                "explain-route-host-via",
                checks = checks,
                prefix = chosen.prefix,
                via = via,
                interface = &chosen.interface
            ),
        };
    }
    let how = match chosen.via {
        Some(via) => msg!("explain-route-how-via", via = via, interface = &chosen.interface),
        None => msg!("explain-route-how-direct", interface = &chosen.interface),
    };
    let route: Arg = if chosen.prefix.prefix_len() == 0 { msg!("explain-route-default").into() } else { chosen.prefix.into() };
    let sentence = msg!(
        "explain-route-forward",
        device = device,
        dst = dst,
        route = route,
        count = d.matching_routes,
        how = how
    );
    match on_link {
        Some(c) => msg!(
            "explain-route-forward-and",
            sentence = sentence,
            dst = dst,
            mask = c.mask,
            masked = c.masked_destination,
            network = c.network,
            len = c.prefix_len
        ),
        None => sentence,
    }
}
