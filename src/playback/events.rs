//! What each trace event is in the event list: its class (colour, label, filter), computed
//! once per run, and its one-line row, worded when it is drawn ([`row`]; issue 15: a run of
//! a million events keeps one byte per event here, not a row).

use super::*;
use packet_engine::msg;
use packet_engine::msg::Msg;
use packet_engine::trace::{HttpRequestInfo, HttpResponseInfo, StpRoot};

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

    /// (Classifying a frame decodes it, which is engine code: the engine's `protocol`, or
    /// [`EventClass::Ethernet`] before its module is here, when only the first visit's run,
    /// whose classes are precomputed, is shown.)
    pub fn of_frame(bytes: &[u8]) -> EventClass {
        EventClass::of_protocol(super::engine::get().map_or(Protocol::Other, |engine| (engine.protocol)(bytes)))
    }

    /// The class of a frame of `protocol`.
    pub fn of_protocol(protocol: Protocol) -> EventClass {
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

/// One row of the event list, computed when it is drawn ([`Run::row`]).
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
    pub summary: Msg,
    /// True for drops (frames and packets thrown away).
    pub dropped: bool,
    /// For a drop, why in two or three words (the canvas label under the ✕).
    pub note: Option<&'static str>,
}

impl Row {
    /// The summary in English, as the tests read it.
    #[cfg(test)]
    pub fn english(&self) -> String {
        crate::i18n::tr("en").msg(&self.summary)
    }
}

/// The row of one event of `outcome`'s trace (the outcome says which device ran a command),
/// of `class`; `frame` is a frame's summary, worded by the engine (`wire::summarize`).
pub(super) fn row(outcome: &RunOutcome, time_ns: u64, kind: &EventKind, class: EventClass, frame: Option<String>) -> Row {
    let mut r = Row {
        time_ns,
        class: EventClass::Route,
        device: None,
        peer: None,
        link: None,
        summary: Msg::verbatim(""),
        dropped: false,
        note: None,
    };
    let summary: Msg = match kind {
        EventKind::RoutesInstalled { device, routes } => {
            r.device = Some(device.clone());
            msg!("row-routes-installed", count = routes.len())
        }
        EventKind::FrameSent { hop, .. } => {
            r.class = class;
            r.device = Some(hop.from.device.clone());
            r.peer = Some(hop.to.device.clone());
            r.link = Some(hop.link.clone());
            Msg::verbatim(frame.unwrap_or_default())
        }
        EventKind::FrameReceived { hop, .. } => {
            r.class = class;
            r.device = Some(hop.to.device.clone());
            r.link = Some(hop.link.clone());
            msg!("row-received", frame = frame.unwrap_or_default())
        }
        EventKind::FrameDropped { at, reason, .. } => {
            r.class = class;
            r.device = Some(at.device.clone());
            r.dropped = true;
            r.note = Some(short_reason(*reason));
            msg!("row-dropped", frame = frame.unwrap_or_default())
        }
        EventKind::PacketDropped { device, reason, .. } => {
            r.class = EventClass::Route;
            r.device = Some(device.clone());
            r.dropped = true;
            r.note = Some(short_reason(*reason));
            Msg::new("row-packet-dropped")
        }
        EventKind::SwitchForward { at, out, .. } => {
            r.class = EventClass::Switch;
            r.device = Some(at.device.clone());
            let in_port = &at.port;
            match &**out {
                Forwarding::Port { port } => msg!("row-forward", from = in_port, to = port),
                Forwarding::Flood { ports } => {
                    let list: Vec<&str> = ports.iter().map(Name::as_str).collect();
                    if list.is_empty() {
                        msg!("row-flood-nowhere", from = in_port)
                    } else {
                        msg!("row-flood", from = in_port, ports = list.join(", "))
                    }
                }
            }
        }
        EventKind::MacLearned { at, mac, .. } => {
            r.class = EventClass::Switch;
            r.device = Some(at.device.clone());
            msg!("row-mac-learned", mac = mac, port = &at.port)
        }
        EventKind::MacAged { at, mac } => {
            r.class = EventClass::Switch;
            r.device = Some(at.device.clone());
            msg!("row-mac-aged", mac = mac, port = &at.port)
        }
        EventKind::Route { device, decision } => {
            r.device = Some(device.clone());
            match &decision.next_hop {
                Some(hop) => msg!("row-route", destination = decision.destination.to_string(), hop = hop.to_string()),
                None => msg!("row-no-route", destination = decision.destination.to_string()),
            }
        }
        EventKind::Ipv6 { device, event } => {
            use packet_engine::trace::Ipv6Event as E;
            r.device = Some(device.clone());
            match &**event {
                E::Neighbor { ip, new, .. } => {
                    r.class = EventClass::Neighbor;
                    msg!("row-neighbor", ip = ip, state = new.name())
                }
                E::Address { address, state, .. } => {
                    // ASCII only (an address, a state's name): `str::to_lowercase` would bring
                    // Unicode's case tables into the first load (docs/size.md).
                    msg!("row-ipv6-address", address = address.to_string().to_ascii_lowercase(), state = state.name())
                }
                E::Routes { routes } => msg!("row-ipv6-routes", count = routes.len()),
                E::Route { decision } => match &decision.next_hop {
                    Some(hop) => msg!("row-route", destination = decision.destination.to_string(), hop = hop.to_string()),
                    None => msg!("row-no-route", destination = decision.destination.to_string()),
                },
                E::RouterAdvert { router, prefix, .. } => match prefix {
                    Some(p) => msg!("row-ra-prefix", router = router.to_string(), prefix = p.to_string()),
                    None => msg!("row-ra", router = router.to_string()),
                },
                E::Down { interface } => msg!("row-ipv6-down", interface = interface),
                E::NeighborsFlushed { interface, ips } => {
                    r.class = EventClass::Neighbor;
                    msg!("row-ipv6-neighbors-flushed", interface = interface, count = ips.len())
                }
                E::AddressRemoved { interface, address } => {
                    msg!("row-address-removed", interface = interface, address = address.to_string())
                }
                E::DefaultRouterExpired { router, .. } => msg!("row-default-router-expired", router = router.to_string()),
                E::IcmpError { icmp_type, code, to, rate_limited } => {
                    r.class = EventClass::IcmpError;
                    let error = packet_engine::trace::icmp6_error_text(*icmp_type, *code, 1500);
                    if *rate_limited {
                        msg!("row-icmp6-error-held", error = error, to = to.to_string())
                    } else {
                        msg!("row-icmp6-error", error = error, to = to.to_string())
                    }
                }
            }
        }
        EventKind::NeighborChanged { at, ip, new, .. } => {
            let device = &at.device;
            r.class = EventClass::Neighbor;
            r.device = Some(device.clone());
            msg!("row-neighbor", ip = ip.to_string(), state = new.name())
        }
        EventKind::IcmpErrorGenerated { device, error, rate_limited } => {
            r.class = EventClass::IcmpError;
            r.device = Some(device.clone());
            if *rate_limited {
                msg!("row-icmp-error-held", error = error.describe(), to = error.to.to_string())
            } else {
                msg!("row-icmp-error", error = error.describe(), to = error.to.to_string())
            }
        }
        EventKind::CommandStarted { label, device } => {
            r.class = EventClass::Command;
            r.device = Some(device.clone());
            Msg::verbatim(format!("$ {}", command_of(label, device)))
        }
        EventKind::CommandOutput { line, label } => {
            r.class = EventClass::Command;
            r.device = outcome.command_device(label).map(Name::from);
            Msg::verbatim(line.clone())
        }
        // DHCP and DNS (issue 11): dhclient's, dnsmasq's and the resolver's outcomes, which
        // are programs' results like a command's output lines, so they share its class.
        EventKind::DhcpLeaseObtained { at, lease, renewed } => {
            let (device, interface) = (&at.device, at.interface());
            r.class = EventClass::Command;
            r.device = Some(device.clone());
            let via = match lease.router {
                Some(g) => msg!("row-dhcp-via", router = g.to_string()),
                None => Msg::verbatim(""),
            };
            let dns = if lease.dns.is_empty() {
                Msg::verbatim("")
            } else {
                msg!("row-dhcp-dns", servers = lease.dns.iter().map(|d| d.to_string()).collect::<Vec<_>>().join(", "))
            };
            let id = if *renewed { "row-dhcpack-renewed" } else { "row-dhcpack" };
            Msg::new(id)
                .arg("address", lease.address.to_string())
                .arg("via", via)
                .arg("dns", dns)
                .arg("interface", interface)
                .arg("seconds", lease.lease_time)
        }
        EventKind::DhcpLeaseExpired { at, address, nak_from } => {
            let (device, interface) = (&at.device, at.interface());
            r.class = EventClass::Command;
            r.device = Some(device.clone());
            match nak_from {
                Some(server) => msg!("row-dhcpnak", server = server.to_string(), address = address.to_string(), interface = interface),
                None => msg!("row-dhcp-expired", address = address.to_string(), interface = interface),
            }
        }
        EventKind::DhcpLeaseReleased { at, address, server } => {
            let (device, interface) = (&at.device, at.interface());
            r.class = EventClass::Command;
            r.device = Some(device.clone());
            msg!("row-dhcprelease", server = server.to_string(), address = address.to_string(), interface = interface)
        }
        EventKind::DhcpServerRelease { device, address, mac } => {
            r.class = EventClass::Command;
            r.device = Some(device.clone());
            msg!("row-dhcp-server-release", address = address.to_string(), mac = mac.to_string())
        }
        EventKind::DhcpNoOffers { at, retry_at } => {
            let (device, interface) = (&at.device, at.interface());
            r.class = EventClass::Command;
            r.device = Some(device.clone());
            msg!("row-dhcp-no-offers", interface = interface, time = format_time(retry_at.as_nanos()))
        }
        EventKind::DhcpServerLease { device, lease } => {
            r.class = EventClass::Command;
            r.device = Some(device.clone());
            let (address, mac) = (lease.address, lease.mac);
            match lease.hostname.as_deref() {
                Some(h) => msg!("row-dhcp-server-lease-host", address = address.to_string(), mac = mac.to_string(), host = h),
                None => msg!("row-dhcp-server-lease", address = address.to_string(), mac = mac.to_string()),
            }
        }
        EventKind::DnsLookup { device, lookup, .. } => {
            r.class = EventClass::Command;
            r.device = Some(device.clone());
            let (name, outcome) = (&lookup.name, &lookup.outcome);
            match lookup.server {
                Some(s) => msg!("row-lookup-from", name = name, answer = lookup_msg(outcome), server = s.to_string()),
                None => msg!("row-lookup", name = name, answer = lookup_msg(outcome)),
            }
        }
        // TCP and HTTP (issue 12): socket state changes and what programs sent, like
        // a command's results.
        EventKind::TcpSocket { device, ends, new, .. } => {
            let (local, peer) = (&ends.local, &ends.peer);
            r.class = EventClass::Command;
            r.device = Some(device.clone());
            let peer = peer.map_or("*".to_string(), |p| p.to_string());
            match new {
                Some(s) => msg!("row-tcp-state", local = local.to_string(), peer = peer, state = s.name()),
                None => msg!("row-tcp-closed", local = local.to_string(), peer = peer),
            }
        }
        EventKind::TcpRetransmit { device, retry } => {
            let peer = &retry.peer;
            r.class = EventClass::Command;
            r.device = Some(device.clone());
            msg!("row-tcp-retransmit", peer = peer.to_string(), ms = retry.after.as_nanos() / 1_000_000)
        }
        EventKind::TcpResetSent { device, local, peer, .. } => {
            r.class = EventClass::Command;
            r.device = Some(device.clone());
            msg!("row-tcp-reset", local = local.to_string(), peer = peer.to_string())
        }
        EventKind::HttpRequest { device, request, .. } => {
            r.class = EventClass::Command;
            r.device = Some(device.clone());
            let HttpRequestInfo { method, path, host, .. } = &**request;
            Msg::verbatim(format!("HTTP {method} {path} (Host: {host})"))
        }
        EventKind::HttpResponse { device, response, .. } => {
            r.class = EventClass::Command;
            r.device = Some(device.clone());
            let HttpResponseInfo { status, reason, body_len, .. } = &**response;
            msg!("row-http-response", status = status.to_string(), reason = reason.to_string(), bytes = *body_len)
        }
        // NAT (issue 12): netfilter on the router, beside its routing decisions.
        EventKind::NatTranslated { at, direction, rewrite } => {
            let (device, interface) = (&at.device, at.interface());
            r.device = Some(device.clone());
            let (before, after) = (&rewrite.before, &rewrite.after);
            let ep = |t: &packet_engine::l3::nat::Tuple, src: bool| packet_engine::trace::nat_endpoint(t, src);
            match direction {
                _ if before == after => msg!("row-conntrack-own", interface = interface, from = ep(before, true), to = ep(before, false)),
                NatDirection::Outbound => msg!("row-nat-source", interface = interface, from = ep(before, true), to = ep(after, true)),
                NatDirection::Inbound => msg!("row-nat-destination", interface = interface, from = ep(before, false), to = ep(after, false)),
                NatDirection::InboundError => msg!("row-nat-icmp-error", interface = interface, address = after.src.0.to_string()),
            }
        }
        EventKind::ConntrackExpired { device, entry } => {
            r.device = Some(device.clone());
            let ep = |t: &packet_engine::l3::nat::Tuple, src: bool| packet_engine::trace::nat_endpoint(t, src);
            msg!("row-conntrack-expired", from = ep(&entry.original, true), to = ep(&entry.original, false))
        }
        // Configuration changes during a run (issue 18): the command's effects.
        EventKind::LinkChanged { at, up, cause } => {
            let (device, port) = (&at.device, &at.port);
            r.class = EventClass::Command;
            r.device = Some(device.clone());
            let state = if *up { "up" } else { "down" };
            match &**cause {
                packet_engine::trace::LinkCause::Carrier { peer } => {
                    r.peer = Some(peer.device.clone());
                    let id = if *up { "row-carrier-back" } else { "row-carrier-lost" };
                    Msg::new(id).arg("port", port).arg("peer", &peer.device).arg("peer_port", &peer.port).arg("state", state)
                }
                _ => msg!("row-link", port = port, state = state),
            }
        }
        EventKind::MacFlushed { device, flush } => {
            let port = &flush.port;
            r.class = EventClass::Switch;
            r.device = Some(device.clone());
            let macs = &flush.macs;
            match port.as_deref() {
                Some(p) => msg!("row-mac-flushed", count = macs.len(), port = p),
                None => msg!("row-mac-flushed-all", count = macs.len()),
            }
        }
        EventKind::NeighborFlushed { at, ips, .. } => {
            let (device, interface) = (&at.device, at.interface());
            r.class = EventClass::Neighbor;
            r.device = Some(device.clone());
            msg!("row-arp-flush", interface = interface, count = ips.len())
        }
        EventKind::AddressChanged { at, new, old } => {
            let (device, interface) = (&at.device, at.interface());
            r.class = EventClass::Command;
            r.device = Some(device.clone());
            match (new, old) {
                (Some(n), _) => msg!("row-address-added", interface = interface, address = n.to_string()),
                (None, Some(o)) => msg!("row-address-deleted", interface = interface, address = o.to_string()),
                (None, None) => msg!("row-no-address", interface = interface),
            }
        }
        EventKind::PowerChanged { device, on } => {
            r.class = EventClass::Command;
            r.device = Some(device.clone());
            Msg::new(if *on { "row-powered-on" } else { "row-powered-off" })
        }
        EventKind::StpBridge { device, root, .. } => {
            r.class = EventClass::Switch;
            r.device = Some(device.clone());
            let StpRoot { id, name, port, cost, .. } = &**root;
            let root = name.as_ref().map_or_else(|| id.to_string(), |n| n.to_string());
            match port {
                None => Msg::new("row-stp-root-bridge"),
                Some(p) => msg!("row-stp-root", root = root, port = p.to_string(), cost = cost.to_string()),
            }
        }
        EventKind::StpPort { at, role, state, .. } => {
            let (device, port) = (&at.device, &at.port);
            r.class = EventClass::Switch;
            r.device = Some(device.clone());
            msg!("row-stp-port", port = port, role = role.name(), state = state.name())
        }
        EventKind::Mtu { device, event } => {
            use packet_engine::trace::MtuEvent as M;
            r.device = Some(device.clone());
            if matches!(**event, M::TooBig { .. }) {
                r.class = EventClass::IcmpError;
            }
            match &**event {
                M::TooBig { interface, size, mtu, .. } => msg!("row-mtu-too-big", size = *size, mtu = mtu.to_string(), interface = interface),
                M::Fragmented { size, mtu, fragments, .. } => {
                    msg!("row-mtu-fragmented", size = *size, fragments = *fragments, mtu = mtu.to_string())
                }
                M::Reassembled { size, fragments, .. } => msg!("row-mtu-reassembled", fragments = *fragments, size = *size),
                M::PathMtu { destination, mtu, .. } => msg!("row-path-mtu", destination = destination.to_string(), mtu = mtu.to_string()),
            }
        }
        EventKind::StpTopologyChange { device, on } => {
            r.class = EventClass::Switch;
            r.device = Some(device.clone());
            Msg::new(if *on { "row-stp-topology-change" } else { "row-stp-topology-change-over" })
        }
        EventKind::Storm { looped, .. } => {
            r.class = EventClass::Ethernet;
            msg!("row-storm", count = looped.events)
        }
    };
    r.summary = summary;
    r
}

/// The devices an event involves, for the device filter: [`row`]'s `device` and `peer`
/// without wording anything (a test checks they agree for every example and exercise), so
/// filtering a long run by device costs one match per event.
pub(super) fn who<'a>(outcome: &'a RunOutcome, kind: &'a EventKind) -> (Option<&'a str>, Option<&'a str>) {
    use EventKind as K;
    match kind {
        K::FrameSent { hop, .. } => (Some(hop.from.device.as_str()), Some(hop.to.device.as_str())),
        K::FrameReceived { hop, .. } => (Some(hop.to.device.as_str()), None),
        K::CommandOutput { label, .. } => (outcome.command_device(label), None),
        K::LinkChanged { at, cause, .. } => {
            let peer = match &**cause {
                packet_engine::trace::LinkCause::Carrier { peer } => Some(peer.device.as_str()),
                _ => None,
            };
            (Some(at.device.as_str()), peer)
        }
        K::Storm { .. } => (None, None),
        K::FrameDropped { at, .. } | K::SwitchForward { at, .. } | K::MacLearned { at, .. } | K::MacAged { at, .. } | K::StpPort { at, .. } => {
            (Some(at.device.as_str()), None)
        }
        K::NeighborChanged { at, .. }
        | K::DhcpLeaseObtained { at, .. }
        | K::DhcpLeaseExpired { at, .. }
        | K::DhcpLeaseReleased { at, .. }
        | K::DhcpNoOffers { at, .. }
        | K::NatTranslated { at, .. }
        | K::NeighborFlushed { at, .. }
        | K::AddressChanged { at, .. } => (Some(at.device.as_str()), None),
        K::RoutesInstalled { device, .. }
        | K::PacketDropped { device, .. }
        | K::Route { device, .. }
        | K::Ipv6 { device, .. }
        | K::IcmpErrorGenerated { device, .. }
        | K::CommandStarted { device, .. }
        | K::DhcpServerRelease { device, .. }
        | K::DhcpServerLease { device, .. }
        | K::DnsLookup { device, .. }
        | K::TcpSocket { device, .. }
        | K::TcpRetransmit { device, .. }
        | K::TcpResetSent { device, .. }
        | K::HttpRequest { device, .. }
        | K::HttpResponse { device, .. }
        | K::ConntrackExpired { device, .. }
        | K::MacFlushed { device, .. }
        | K::PowerChanged { device, .. }
        | K::StpBridge { device, .. }
        | K::Mtu { device, .. }
        | K::StpTopologyChange { device, .. } => (Some(device.as_str()), None),
    }
}

/// [`class`] with each frame's class remembered by the address of its bytes: a frame's
/// sent, received and flooded copies share one allocation, and its class is a full decode
/// (`wire::protocol`), so a storm's million events decode a few frames, not every event's.
/// Addresses are unique while the trace holds its frames, which it does while this is used.
pub(super) struct FrameClasses {
    /// Direct-mapped by address: (address, class).
    seen: [(usize, EventClass); 64],
}

impl Default for FrameClasses {
    fn default() -> Self {
        FrameClasses { seen: [(0, EventClass::Ethernet); 64] }
    }
}

impl FrameClasses {
    /// [`class`] of `kind`.
    pub(super) fn class(&mut self, kind: &EventKind) -> EventClass {
        match kind {
            EventKind::FrameSent { bytes, .. } | EventKind::FrameReceived { bytes, .. } | EventKind::FrameDropped { bytes, .. } => {
                let address = bytes.as_ptr() as usize;
                let slot = &mut self.seen[(address >> 4) % 64];
                if slot.0 != address {
                    *slot = (address, EventClass::of_frame(bytes));
                }
                slot.1
            }
            _ => class(kind),
        }
    }
}

/// An event's class ([`row`]'s `class`, without wording anything; a test checks they agree
/// for every example and exercise): what [`Run`] keeps for every event.
pub(super) fn class(kind: &EventKind) -> EventClass {
    use packet_engine::trace::{Ipv6Event as E6, MtuEvent};
    use EventKind as K;
    match kind {
        K::FrameSent { bytes, .. } | K::FrameReceived { bytes, .. } | K::FrameDropped { bytes, .. } => EventClass::of_frame(bytes),
        K::SwitchForward { .. }
        | K::MacLearned { .. }
        | K::MacAged { .. }
        | K::MacFlushed { .. }
        | K::StpBridge { .. }
        | K::StpPort { .. }
        | K::StpTopologyChange { .. } => EventClass::Switch,
        K::NeighborChanged { .. } | K::NeighborFlushed { .. } => EventClass::Neighbor,
        K::IcmpErrorGenerated { .. } => EventClass::IcmpError,
        K::Ipv6 { event, .. } => match **event {
            E6::Neighbor { .. } | E6::NeighborsFlushed { .. } => EventClass::Neighbor,
            E6::IcmpError { .. } => EventClass::IcmpError,
            _ => EventClass::Route,
        },
        K::Mtu { event, .. } if matches!(**event, MtuEvent::TooBig { .. }) => EventClass::IcmpError,
        K::CommandStarted { .. }
        | K::CommandOutput { .. }
        | K::DhcpLeaseObtained { .. }
        | K::DhcpLeaseExpired { .. }
        | K::DhcpLeaseReleased { .. }
        | K::DhcpServerRelease { .. }
        | K::DhcpNoOffers { .. }
        | K::DhcpServerLease { .. }
        | K::DnsLookup { .. }
        | K::TcpSocket { .. }
        | K::TcpRetransmit { .. }
        | K::TcpResetSent { .. }
        | K::HttpRequest { .. }
        | K::HttpResponse { .. }
        | K::LinkChanged { .. }
        | K::AddressChanged { .. }
        | K::PowerChanged { .. } => EventClass::Command,
        K::Storm { .. } => EventClass::Ethernet,
        K::RoutesInstalled { .. }
        | K::PacketDropped { .. }
        | K::Route { .. }
        | K::NatTranslated { .. }
        | K::ConntrackExpired { .. }
        | K::Mtu { .. } => EventClass::Route,
    }
}

/// A resolver's answer in a few words: the addresses, or why there are none (the event list's
/// rows and the DNS answers table).
pub(crate) fn lookup_msg(outcome: &packet_engine::trace::LookupOutcome) -> Msg {
    use packet_engine::trace::LookupOutcome;
    match outcome {
        LookupOutcome::Answer { .. } | LookupOutcome::NxDomain => Msg::verbatim(lookup_text(outcome)),
        LookupOutcome::NoData => Msg::new("row-lookup-nodata"),
        LookupOutcome::Timeout => Msg::new("row-lookup-timeout"),
        LookupOutcome::ServerError { rcode } => msg!("row-lookup-server-error", rcode = packet_engine::wire::dns::rcode_name(*rcode)),
        LookupOutcome::NoServers => Msg::new("row-lookup-no-servers"),
    }
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
