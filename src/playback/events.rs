//! What each trace event is in the event list: its class (colour, label, filter) and its
//! one-line row, computed once per run.

use super::*;

/// What kind of event a row of the event list is: its colour, its label, and its filter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EventClass {
    /// An ARP frame.
    Arp,
    /// An ICMP echo request or reply (ping).
    Icmp,
    /// An ICMP error (time exceeded, unreachable).
    IcmpError,
    /// A UDP datagram that is not DHCP or DNS.
    Udp,
    /// A DHCP message.
    Dhcp,
    /// A DNS query or response.
    Dns,
    /// A TCP segment without an HTTP head (handshake, ACKs, body, teardown).
    Tcp,
    /// A TCP segment that starts an HTTP request or response.
    Http,
    /// Any other IPv4 frame.
    Ipv4,
    /// IPv6 neighbour solicitations and advertisements.
    Ndp,
    /// IPv6 housekeeping: router solicitations and advertisements, MLD
    /// reports; hidden by default (noise), with a count on its chip.
    Ipv6Control,
    /// Other IPv6 packets.
    Ipv6,
    /// Any other Ethernet frame.
    Ethernet,
    /// A switch's forwarding decision or MAC table change.
    Switch,
    /// An ARP table (neighbour cache) change.
    Neighbor,
    /// A routing decision or a routing table.
    Route,
    /// A command starting or printing.
    Command,
}

impl EventClass {
    /// Every class, in the order the filter chips show them.
    pub const ALL: [EventClass; 17] = [
        EventClass::Arp,
        EventClass::Icmp,
        EventClass::IcmpError,
        EventClass::Udp,
        EventClass::Dhcp,
        EventClass::Dns,
        EventClass::Tcp,
        EventClass::Http,
        EventClass::Ipv4,
        EventClass::Ndp,
        EventClass::Ipv6Control,
        EventClass::Ipv6,
        EventClass::Ethernet,
        EventClass::Switch,
        EventClass::Neighbor,
        EventClass::Route,
        EventClass::Command,
    ];

    /// The short label on tags, chips and the frames on the canvas.
    pub fn label(self) -> &'static str {
        match self {
            EventClass::Arp => "ARP",
            EventClass::Icmp => "ICMP",
            EventClass::IcmpError => "ICMP err",
            EventClass::Udp => "UDP",
            EventClass::Dhcp => "DHCP",
            EventClass::Dns => "DNS",
            EventClass::Tcp => "TCP",
            EventClass::Http => "HTTP",
            EventClass::Ipv4 => "IPv4",
            EventClass::Ndp => "NDP",
            EventClass::Ipv6Control => "RS/RA/MLD",
            EventClass::Ipv6 => "IPv6",
            EventClass::Ethernet => "Eth",
            EventClass::Switch => "Switch",
            EventClass::Neighbor => "ARP table",
            EventClass::Route => "Route",
            EventClass::Command => "Command",
        }
    }

    /// The CSS class suffix (`proto-arp`) that picks the colour.
    pub fn css(self) -> &'static str {
        match self {
            EventClass::Arp => "arp",
            EventClass::Icmp => "icmp",
            EventClass::IcmpError => "icmp-error",
            EventClass::Udp => "udp",
            EventClass::Dhcp => "dhcp",
            EventClass::Dns => "dns",
            EventClass::Tcp => "tcp",
            EventClass::Http => "http",
            EventClass::Ipv4 => "ipv4",
            EventClass::Ndp => "ndp",
            EventClass::Ipv6Control => "ipv6-ctl",
            EventClass::Ipv6 => "ipv6",
            EventClass::Ethernet => "eth",
            EventClass::Switch => "switch",
            EventClass::Neighbor => "neigh",
            EventClass::Route => "route",
            EventClass::Command => "command",
        }
    }

    /// The class of a frame, from the engine's own classification (`wire::protocol`: the
    /// innermost layer its decoder reads, UDP/DHCP/DNS/TCP/HTTP included).
    /// The IPv6 classes, whose chips show only in runs that have IPv6.
    pub fn is_ipv6(self) -> bool {
        matches!(self, EventClass::Ndp | EventClass::Ipv6Control | EventClass::Ipv6)
    }

    pub fn of_frame(bytes: &[u8]) -> EventClass {
        let protocol = wire::protocol(bytes);
        match protocol {
            Protocol::Arp => EventClass::Arp,
            Protocol::IcmpEcho => EventClass::Icmp,
            Protocol::IcmpError => EventClass::IcmpError,
            Protocol::Udp => EventClass::Udp,
            Protocol::Dhcp => EventClass::Dhcp,
            Protocol::Dns => EventClass::Dns,
            Protocol::Tcp => EventClass::Tcp,
            Protocol::Http => EventClass::Http,
            Protocol::Ipv4Other => EventClass::Ipv4,
            Protocol::Ndp => EventClass::Ndp,
            Protocol::Ipv6Control => EventClass::Ipv6Control,
            Protocol::Ipv6Other => EventClass::Ipv6,
            Protocol::Other => EventClass::Ethernet,
            // The switches' own traffic: shown and filtered with their decisions.
            Protocol::Stp => EventClass::Switch,
        }
    }
}

/// One row of the event list, computed once per run.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// Simulated time of the event, in ns.
    pub time_ns: u64,
    /// Its colour and filter.
    pub class: EventClass,
    /// The device it happened at (the sender of a frame).
    pub device: Option<Name>,
    /// The other device it involves (the receiver of a frame), for the device filter.
    pub peer: Option<Name>,
    /// The link, for frame events.
    pub link: Option<Name>,
    /// A one-line summary: `wire::summarize` for frames, a short phrase otherwise.
    pub summary: Rc<str>,
    /// True for drops (frames and packets thrown away).
    pub dropped: bool,
    /// For a drop, why in two or three words (the canvas label under the ✕).
    pub note: Option<&'static str>,
}

/// The row of one event of `outcome`'s trace (the outcome says which device ran a command).
pub(super) fn row(outcome: &RunOutcome, time_ns: u64, kind: &EventKind) -> Row {
    let mut r = Row {
        time_ns,
        class: EventClass::Route,
        device: None,
        peer: None,
        link: None,
        summary: Rc::from(""),
        dropped: false,
        note: None,
    };
    let summary: String = match kind {
        EventKind::RoutesInstalled { device, routes } => {
            r.device = Some(device.clone());
            format!("{} route(s) installed", routes.len())
        }
        EventKind::FrameSent { link, from, to, bytes, .. } => {
            r.class = EventClass::of_frame(bytes);
            r.device = Some(from.device.clone());
            r.peer = Some(to.device.clone());
            r.link = Some(link.clone());
            wire::summarize(bytes)
        }
        EventKind::FrameReceived { at, link, bytes } => {
            r.class = EventClass::of_frame(bytes);
            r.device = Some(at.device.clone());
            r.link = Some(link.clone());
            format!("received: {}", wire::summarize(bytes))
        }
        EventKind::FrameDropped { device, bytes, reason, .. } => {
            r.class = EventClass::of_frame(bytes);
            r.device = Some(device.clone());
            r.dropped = true;
            r.note = Some(short_reason(*reason));
            format!("dropped: {}", wire::summarize(bytes))
        }
        EventKind::PacketDropped { device, reason, .. } => {
            r.class = EventClass::Route;
            r.device = Some(device.clone());
            r.dropped = true;
            r.note = Some(short_reason(*reason));
            "packet dropped".to_string()
        }
        EventKind::SwitchForward { device, in_port, out, .. } => {
            r.class = EventClass::Switch;
            r.device = Some(device.clone());
            match out {
                Forwarding::Port { port } => format!("forward {in_port} → {port}"),
                Forwarding::Flood { ports } => {
                    let list: Vec<&str> = ports.iter().map(Name::as_str).collect();
                    format!("flood {in_port} → {}", if list.is_empty() { "nowhere".into() } else { list.join(", ") })
                }
            }
        }
        EventKind::MacLearned { device, mac, port, .. } => {
            r.class = EventClass::Switch;
            r.device = Some(device.clone());
            format!("learn {mac} on {port}")
        }
        EventKind::MacAged { device, mac, port, .. } => {
            r.class = EventClass::Switch;
            r.device = Some(device.clone());
            format!("forget {mac} on {port}")
        }
        EventKind::Route { device, decision } => {
            r.device = Some(device.clone());
            match &decision.next_hop {
                Some(hop) => format!("route to {}: next hop {hop}", decision.destination),
                None => format!("no route to {}", decision.destination),
            }
        }
        EventKind::Ipv6 { device, event } => {
            use packet_engine::trace::Ipv6Event as E;
            r.device = Some(device.clone());
            match &**event {
                E::Neighbor { ip, new, .. } => {
                    r.class = EventClass::Neighbor;
                    format!("{ip} → {}", new.name())
                }
                E::Address { address, state, .. } => format!("{address} {state:?}").to_lowercase(),
                E::Routes { routes } => format!("{} IPv6 route(s)", routes.len()),
                E::Route { decision } => match &decision.next_hop {
                    Some(hop) => format!("route to {}: next hop {hop}", decision.destination),
                    None => format!("no route to {}", decision.destination),
                },
                E::RouterAdvert { router, prefix, .. } => match prefix {
                    Some(p) => format!("RA from {router}: {p}"),
                    None => format!("RA from {router}"),
                },
                E::Down { interface } => format!("{interface}: IPv6 addresses flushed"),
                E::NeighborsFlushed { interface, ips } => {
                    r.class = EventClass::Neighbor;
                    format!("{interface}: {} IPv6 neighbour(s) flushed", ips.len())
                }
                E::AddressRemoved { interface, address } => format!("{interface}: {address} removed"),
                E::DefaultRouterExpired { router, .. } => format!("default route via {router} expired"),
                E::IcmpError { icmp_type, code, to, rate_limited } => {
                    r.class = EventClass::IcmpError;
                    let held = if *rate_limited { " (rate-limited)" } else { "" };
                    format!("{} → {to}{held}", packet_engine::trace::icmp6_error_text(*icmp_type, *code, 1500))
                }
            }
        }
        EventKind::NeighborChanged { device, ip, new, .. } => {
            r.class = EventClass::Neighbor;
            r.device = Some(device.clone());
            format!("{ip} → {}", new.name())
        }
        EventKind::IcmpErrorGenerated { device, error, rate_limited } => {
            r.class = EventClass::IcmpError;
            r.device = Some(device.clone());
            let held = if *rate_limited { " (rate-limited)" } else { "" };
            format!("ICMP {} → {}{held}", error.describe(), error.to)
        }
        EventKind::CommandStarted { label, device } => {
            r.class = EventClass::Command;
            r.device = Some(device.clone());
            format!("$ {}", command_of(label, device))
        }
        EventKind::CommandOutput { line, label } => {
            r.class = EventClass::Command;
            r.device = outcome.command_device(label).map(Name::from);
            line.clone()
        }
        // DHCP and DNS (issue 11): dhclient's, dnsmasq's and the resolver's outcomes, which
        // are programs' results like a command's output lines, so they share its class.
        EventKind::DhcpLeaseObtained { device, interface, lease, renewed } => {
            r.class = EventClass::Command;
            r.device = Some(device.clone());
            let via = lease.router.map(|g| format!(" via {g}")).unwrap_or_default();
            let dns = if lease.dns.is_empty() {
                String::new()
            } else {
                format!(", DNS {}", lease.dns.iter().map(|d| d.to_string()).collect::<Vec<_>>().join(", "))
            };
            let what = if *renewed { "DHCPACK (renewed)" } else { "DHCPACK" };
            format!("{what}: {}{via}{dns} on {interface}, lease {} s", lease.address, lease.lease_time)
        }
        EventKind::DhcpLeaseExpired { device, interface, address, nak_from } => {
            r.class = EventClass::Command;
            r.device = Some(device.clone());
            match nak_from {
                Some(server) => format!("DHCPNAK from {server}: {address} removed from {interface}"),
                None => format!("DHCP lease on {address} expired: removed from {interface}"),
            }
        }
        EventKind::DhcpLeaseReleased { device, interface, address, server } => {
            r.class = EventClass::Command;
            r.device = Some(device.clone());
            format!("DHCPRELEASE to {server}: {address} removed from {interface}")
        }
        EventKind::DhcpServerRelease { device, address, mac } => {
            r.class = EventClass::Command;
            r.device = Some(device.clone());
            format!("DHCP lease table: {address} released by {mac}")
        }
        EventKind::DhcpNoOffers { device, interface, retry_at } => {
            r.class = EventClass::Command;
            r.device = Some(device.clone());
            format!("No DHCPOFFERS received on {interface}; retrying at {}", format_time(retry_at.as_nanos()))
        }
        EventKind::DhcpServerLease { device, address, mac, hostname, .. } => {
            r.class = EventClass::Command;
            r.device = Some(device.clone());
            let host = hostname.as_deref().map(|h| format!(" ({h})")).unwrap_or_default();
            format!("DHCP lease table: {address} → {mac}{host}")
        }
        EventKind::DnsLookup { device, name, server, outcome, .. } => {
            r.class = EventClass::Command;
            r.device = Some(device.clone());
            let from = server.map(|s| format!(" (from {s})")).unwrap_or_default();
            format!("lookup {name}: {}{from}", lookup_text(outcome))
        }
        // TCP and HTTP (issue 12): socket state changes and what programs sent, like
        // a command's results.
        EventKind::TcpSocket { device, local, peer, new, .. } => {
            r.class = EventClass::Command;
            r.device = Some(device.clone());
            let peer = peer.map_or("*".to_string(), |p| p.to_string());
            format!("TCP {local} ↔ {peer}: {}", new.map_or("closed", |s| s.name()))
        }
        EventKind::TcpRetransmit { device, peer, after, .. } => {
            r.class = EventClass::Command;
            r.device = Some(device.clone());
            format!("TCP retransmission to {peer} after {} ms", after.as_nanos() / 1_000_000)
        }
        EventKind::TcpResetSent { device, local, peer, .. } => {
            r.class = EventClass::Command;
            r.device = Some(device.clone());
            format!("TCP reset: {local} → {peer}")
        }
        EventKind::HttpRequest { device, method, path, host, .. } => {
            r.class = EventClass::Command;
            r.device = Some(device.clone());
            format!("HTTP {method} {path} (Host: {host})")
        }
        EventKind::HttpResponse { device, status, reason, body_len, .. } => {
            r.class = EventClass::Command;
            r.device = Some(device.clone());
            format!("HTTP {status} {reason}, {body_len} bytes")
        }
        // NAT (issue 12): netfilter on the router, beside its routing decisions.
        EventKind::NatTranslated { device, interface, direction, before, after, .. } => {
            r.device = Some(device.clone());
            let ep = |t: &packet_engine::l3::nat::Tuple, src: bool| packet_engine::trace::nat_endpoint(t, src);
            match direction {
                _ if before == after => format!("conntrack {interface}: own flow {} → {}", ep(before, true), ep(before, false)),
                NatDirection::Outbound => format!("NAT {interface}: source {} → {}", ep(before, true), ep(after, true)),
                NatDirection::Inbound => format!("NAT {interface}: destination {} → {}", ep(before, false), ep(after, false)),
                NatDirection::InboundError => format!("NAT {interface}: ICMP error for {}", after.src.0),
            }
        }
        EventKind::ConntrackExpired { device, entry } => {
            r.device = Some(device.clone());
            let ep = |t: &packet_engine::l3::nat::Tuple, src: bool| packet_engine::trace::nat_endpoint(t, src);
            format!("conntrack: {} → {} expired", ep(&entry.original, true), ep(&entry.original, false))
        }
        // Configuration changes during a run (issue 18): the command's effects.
        EventKind::LinkChanged { device, port, up, cause } => {
            r.class = EventClass::Command;
            r.device = Some(device.clone());
            let state = if *up { "up" } else { "down" };
            match cause {
                packet_engine::trace::LinkCause::Carrier { peer } => {
                    r.peer = Some(peer.device.clone());
                    format!("{port}: carrier {} ({}/{} {state})", if *up { "back" } else { "lost" }, peer.device, peer.port)
                }
                _ => format!("{port} {state}"),
            }
        }
        EventKind::MacFlushed { device, port, macs, .. } => {
            r.class = EventClass::Switch;
            r.device = Some(device.clone());
            format!("forget {} MAC(s) of {}", macs.len(), port.as_deref().unwrap_or("every port"))
        }
        EventKind::NeighborFlushed { device, interface, ips, .. } => {
            r.class = EventClass::Neighbor;
            r.device = Some(device.clone());
            format!("ARP flush on {interface}: {} entr{}", ips.len(), if ips.len() == 1 { "y" } else { "ies" })
        }
        EventKind::AddressChanged { device, interface, new, old } => {
            r.class = EventClass::Command;
            r.device = Some(device.clone());
            match (new, old) {
                (Some(n), _) => format!("{interface}: address {n} added"),
                (None, Some(o)) => format!("{interface}: address {o} removed"),
                (None, None) => format!("{interface}: no address"),
            }
        }
        EventKind::PowerChanged { device, on } => {
            r.class = EventClass::Command;
            r.device = Some(device.clone());
            (if *on { "powered on" } else { "powered off" }).to_string()
        }
        EventKind::StpBridge { device, root_name, root, root_port, cost, .. } => {
            r.class = EventClass::Switch;
            r.device = Some(device.clone());
            let root = root_name.as_ref().map_or_else(|| root.to_string(), |n| n.to_string());
            match root_port {
                None => "STP: I am the root bridge".to_string(),
                Some(p) => format!("STP: root {root} via {p}, cost {cost}"),
            }
        }
        EventKind::StpPort { device, port, role, state, .. } => {
            r.class = EventClass::Switch;
            r.device = Some(device.clone());
            format!("STP: {port} {} {}", role.name(), state.name())
        }
        EventKind::Mtu { device, event } => {
            use packet_engine::trace::MtuEvent as M;
            r.device = Some(device.clone());
            if matches!(event, M::TooBig { .. }) {
                r.class = EventClass::IcmpError;
            }
            packet_engine::trace::mtu_summary(event)
        }
        EventKind::StpTopologyChange { device, on } => {
            r.class = EventClass::Switch;
            r.device = Some(device.clone());
            (if *on { "STP: topology change, MACs age in 15 s" } else { "STP: topology change over" }).to_string()
        }
        EventKind::Storm { events, .. } => {
            r.class = EventClass::Ethernet;
            format!("broadcast storm after {events} events")
        }
    };
    r.summary = Rc::from(summary);
    r
}

/// A drop's reason in a few words; the event's `explain()` has the full sentence.
pub fn short_reason(reason: DropReason) -> &'static str {
    match reason {
        DropReason::NotForMyMac => "not my MAC",
        DropReason::ArpNotForMe => "ARP not for me",
        DropReason::NotForwarding => "host does not forward",
        DropReason::TtlExpired => "TTL expired",
        DropReason::NoRoute => "no route",
        DropReason::NeighborFailed => "ARP failed",
        DropReason::NeighborQueueFull => "ARP queue full",
        DropReason::SameSegment => "same port",
        DropReason::TxQueueFull => "queue full",
        DropReason::NoLink => "no cable",
        DropReason::NoCarrier => "link down",
        DropReason::LostOnLink => "lost on the cable",
        DropReason::NoRouteBack => "no route back",
        DropReason::Malformed => "malformed",
        DropReason::Unsupported => "not modelled",
        DropReason::IcmpRateLimited => "rate-limited",
        DropReason::NoListener => "no listener",
        DropReason::NatNoFreePort => "no NAT port",
        DropReason::PortNotForwarding => "STP: port not forwarding",
        DropReason::TooBig => "too big for the MTU",
        DropReason::FragNeeded => "too big, DF set",
        // The engine gains reasons over time; a new one still gets a mark.
        #[allow(unreachable_patterns)]
        _ => "dropped",
    }
}

/// "ping -c 3 10.10.10.100" of the label "pc1: ping -c 3 10.10.10.100" of a command run on
/// `device` (the engine's `CommandStarted` names it): the label with its known device prefix
/// taken off, for the terminal's prompt. The engine has no typed command text to show; the
/// device itself always comes from the trace or `RunOutcome::command_device`, never from here.
pub fn command_of<'a>(label: &'a str, device: &str) -> &'a str {
    label.strip_prefix(device).and_then(|rest| rest.strip_prefix(": ")).unwrap_or(label)
}
