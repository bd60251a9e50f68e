//! The typed record of a run: what was sent where, what each device decided,
//! and how its tables changed.
//!
//! Events hold structured values only; the sentence that explains one is built
//! on demand by [`TraceEvent::explain`], so recording stays cheap (the hot path
//! records millions of events per second). Frame bytes are shared (`Arc`), so a
//! switch flooding a frame to twenty ports stores it once.
//! [`Trace::state_at`] folds the table-change events into every table as it
//! was after a given event, for stepping backwards in the UI.

use crate::mac::MacAddr;
use crate::neighbor::NudState;
use crate::time::SimTime;
use ipnet::Ipv4Net;
use serde::{Serialize, Serializer};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::net::Ipv4Addr;
use std::sync::Arc;

/// A device, port, interface, link or command name as the trace holds it:
/// shared text, so recording an event copies a pointer, not the string.
/// Compares equal to `&str` and `String`, derefs to `str`, serializes as a string.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Name(Arc<str>);

impl Name {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for Name {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Name {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::borrow::Borrow<str> for Name {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl From<&str> for Name {
    fn from(s: &str) -> Name {
        Name(Arc::from(s))
    }
}

impl From<String> for Name {
    fn from(s: String) -> Name {
        Name(Arc::from(s))
    }
}

impl From<Name> for String {
    fn from(n: Name) -> String {
        n.0.to_string()
    }
}

impl std::fmt::Display for Name {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::fmt::Debug for Name {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&*self.0, f)
    }
}

impl Serialize for Name {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl PartialEq<str> for Name {
    fn eq(&self, other: &str) -> bool {
        &*self.0 == other
    }
}
impl PartialEq<&str> for Name {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}
impl PartialEq<String> for Name {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}
impl PartialEq<Name> for str {
    fn eq(&self, other: &Name) -> bool {
        self == &*other.0
    }
}
impl PartialEq<Name> for &str {
    fn eq(&self, other: &Name) -> bool {
        *self == &*other.0
    }
}
impl PartialEq<Name> for String {
    fn eq(&self, other: &Name) -> bool {
        **self == *other.0
    }
}

/// One port of one device.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct PortRef {
    pub device: Name,
    pub port: Name,
}

/// One entry of the trace.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TraceEvent {
    /// Position in the trace, from 0.
    pub seq: u64,
    /// When it happened.
    pub time: SimTime,
    #[serde(flatten)]
    pub kind: EventKind,
}

fn hex_bytes<S: Serializer>(bytes: &Arc<[u8]>, s: S) -> Result<S::Ok, S::Error> {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut text = String::with_capacity(bytes.len() * 2);
    for b in bytes.iter() {
        text.push(HEX[(b >> 4) as usize] as char);
        text.push(HEX[(b & 15) as usize] as char);
    }
    s.serialize_str(&text)
}

/// Why a device discarded a frame or packet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DropReason {
    /// The destination MAC is neither ours nor broadcast/multicast.
    NotForMyMac,
    /// An ARP request for an address this device does not have.
    ArpNotForMe,
    /// An IP packet for someone else reached a host (ip_forward = 0).
    NotForwarding,
    /// A router's TTL check: the packet arrived with TTL ≤ 1.
    TtlExpired,
    /// No route matches the destination.
    NoRoute,
    /// ARP for the next hop failed; the packet is thrown away.
    NeighborFailed,
    /// Too many packets were waiting for ARP; the oldest went.
    NeighborQueueFull,
    /// A switch learned the destination on the port the frame came in on.
    SameSegment,
    /// The link's transmit queue (1000 frames) was full.
    TxQueueFull,
    /// The port has no cable.
    NoLink,
    /// Not a well-formed frame or packet this engine understands.
    Malformed,
    /// A protocol or message this engine does not model (e.g. UDP).
    Unsupported,
    /// The ICMP error was suppressed by Linux's per-destination rate limit.
    IcmpRateLimited,
    /// An ICMP message nobody on this host was waiting for.
    NoListener,
    /// An ICMP redirect that Linux's defaults make a host (or router) ignore.
    RedirectIgnored,
}

impl DropReason {
    fn sentence(self) -> &'static str {
        match self {
            DropReason::NotForMyMac => "its destination MAC is not this interface's, so the NIC ignores it",
            DropReason::ArpNotForMe => "the ARP request asks for an address this device does not have, so it stays silent",
            DropReason::NotForwarding => "it is addressed to another IP and this host does not forward packets (ip_forward = 0)",
            DropReason::TtlExpired => "its TTL ran out",
            DropReason::NoRoute => "no route matches its destination",
            DropReason::NeighborFailed => "ARP for the next hop failed",
            DropReason::NeighborQueueFull => "too many packets were waiting for ARP",
            DropReason::SameSegment => "the destination lives on the port the frame came from, so the switch does not send it back",
            DropReason::TxQueueFull => "the link's transmit queue is full",
            DropReason::NoLink => "no cable is plugged into that port",
            DropReason::Malformed => "it is malformed",
            DropReason::Unsupported => "this lab does not model that protocol",
            DropReason::IcmpRateLimited => "Linux rate-limits ICMP errors to each destination (icmp_ratelimit), so no error is sent",
            DropReason::NoListener => "no program on this device is waiting for it",
            DropReason::RedirectIgnored => {
                "it is an ICMP redirect, and Linux hosts only accept one towards a gateway of their default routes (secure_redirects = 1), so the route stays as it is"
            }
        }
    }
}

/// How a switch (or hub) sent a frame on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "how", rename_all = "snake_case")]
pub enum Forwarding {
    /// Out of the one port where the destination MAC was learned.
    Port { port: Name },
    /// Out of every other port.
    Flood { ports: Vec<Name> },
}

/// Why a switch forwarded the way it did.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ForwardReason {
    Broadcast,
    Multicast,
    UnknownUnicast,
    Learned,
    /// A hub repeats everything.
    Hub,
}

/// The binary AND a host does to decide whether a destination is on-link.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AndCheck {
    pub interface: Name,
    pub address: Ipv4Addr,
    pub prefix_len: u8,
    pub mask: Ipv4Addr,
    /// destination AND mask.
    pub masked_destination: Ipv4Addr,
    /// own address AND mask.
    pub network: Ipv4Addr,
    pub on_link: bool,
}

/// The route a device picked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ChosenRoute {
    pub prefix: Ipv4Net,
    pub via: Option<Ipv4Addr>,
    pub interface: Name,
    pub kind: RouteKind,
}

/// Where a route came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RouteKind {
    /// From an interface's own prefix (`proto kernel scope link`).
    Connected,
    /// A static route from the scenario.
    Static,
    /// The default gateway.
    Default,
}

/// A routing decision with everything the UI needs to draw it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RouteDecision {
    pub destination: Ipv4Addr,
    /// True on a router forwarding someone else's packet.
    pub forwarding: bool,
    /// One AND per addressed interface (hosts), or just the winning connected route's.
    pub checks: Vec<AndCheck>,
    /// How many routes matched (longest prefix wins).
    pub matching_routes: u32,
    pub chosen: Option<ChosenRoute>,
    /// The address to ARP for: the destination itself or the gateway.
    pub next_hop: Option<Ipv4Addr>,
}

/// A row of a routing table (`ip route`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RouteEntry {
    pub prefix: Ipv4Net,
    pub via: Option<Ipv4Addr>,
    pub interface: Name,
    pub kind: RouteKind,
    pub metric: u32,
    /// Preferred source address (the interface's own, for connected routes).
    pub src: Option<Ipv4Addr>,
}

/// An ICMP error a router or host sent (or would have sent).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct IcmpError {
    pub icmp_type: u8,
    pub code: u8,
    /// Where it goes: the source of the offending packet.
    pub to: Ipv4Addr,
    /// The source address Linux picked for it.
    pub from: Ipv4Addr,
}

impl IcmpError {
    /// iputils' wording ("Time to live exceeded").
    pub fn describe(&self) -> &'static str {
        icmp_error_text(self.icmp_type, self.code)
    }
}

/// The wording iputils' ping prints for an ICMP error.
pub fn icmp_error_text(icmp_type: u8, code: u8) -> &'static str {
    match (icmp_type, code) {
        (3, 0) => "Destination Net Unreachable",
        (3, 1) => "Destination Host Unreachable",
        (3, 2) => "Destination Protocol Unreachable",
        (3, 3) => "Destination Port Unreachable",
        (3, 4) => "Frag needed and DF set",
        (3, 5) => "Source Route Failed",
        (3, 6) => "Destination Net Unknown",
        (3, 7) => "Destination Host Unknown",
        (3, 9) => "Destination Net Prohibited",
        (3, 10) => "Destination Host Prohibited",
        (3, 13) => "Packet filtered",
        (3, _) => "Dest Unreachable, Bad Code",
        (11, 0) => "Time to live exceeded",
        (11, 1) => "Frag reassembly time exceeded",
        (11, _) => "Time exceeded, Bad Code",
        (5, 0) => "Redirect Network",
        (5, 1) => "Redirect Host",
        (5, 2) => "Redirect Type of Service and Network",
        (5, 3) => "Redirect Type of Service and Host",
        (5, _) => "Redirect, Bad Code",
        (12, _) => "Parameter problem",
        _ => "Bad ICMP type",
    }
}

/// What happened.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "type")]
pub enum EventKind {
    /// Routing tables at the start of the run (they do not change afterwards).
    RoutesInstalled {
        device: Name,
        routes: Vec<RouteEntry>,
    },
    /// A frame started onto a link; it occupies the link until its last bit
    /// is sent and reaches the far end at `t_end`.
    FrameSent {
        link: Name,
        from: PortRef,
        to: PortRef,
        t_start: SimTime,
        t_end: SimTime,
        #[serde(serialize_with = "hex_bytes")]
        bytes: Arc<[u8]>,
    },
    /// A frame fully arrived at a port.
    FrameReceived {
        at: PortRef,
        link: Name,
        #[serde(serialize_with = "hex_bytes")]
        bytes: Arc<[u8]>,
    },
    /// A device threw a frame (or the packet inside it) away.
    FrameDropped {
        device: Name,
        port: Option<Name>,
        reason: DropReason,
        #[serde(serialize_with = "hex_bytes")]
        bytes: Arc<[u8]>,
    },
    /// A host or router threw away an IP packet that never became a frame
    /// (its next hop's MAC could not be resolved).
    PacketDropped {
        device: Name,
        reason: DropReason,
        #[serde(serialize_with = "hex_bytes")]
        bytes: Arc<[u8]>,
    },
    /// A switch or hub decided where a frame goes.
    SwitchForward {
        device: Name,
        in_port: Name,
        dst: MacAddr,
        out: Forwarding,
        why: ForwardReason,
    },
    /// A switch learned (or re-learned on a new port) where a MAC lives.
    MacLearned {
        device: Name,
        mac: MacAddr,
        port: Name,
        moved_from: Option<Name>,
    },
    /// A switch forgot a MAC that was silent for the ageing time (300 s).
    MacAged {
        device: Name,
        mac: MacAddr,
        port: Name,
    },
    /// A host or router chose how to send an IP packet.
    Route {
        device: Name,
        decision: Box<RouteDecision>,
    },
    /// An ARP table entry was created or changed state.
    NeighborChanged {
        device: Name,
        interface: Name,
        ip: Ipv4Addr,
        mac: Option<MacAddr>,
        old: Option<NudState>,
        new: NudState,
    },
    /// A router (or host) generated an ICMP error, or suppressed one.
    IcmpErrorGenerated {
        device: Name,
        error: IcmpError,
        rate_limited: bool,
    },
    /// A scheduled command began.
    CommandStarted { label: Name, device: Name },
    /// A command printed a line.
    CommandOutput { label: Name, line: String },
    /// The run stopped at its event budget while frames kept circulating.
    Storm {
        links: Vec<String>,
        devices: Vec<String>,
        events: u64,
    },
}

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
                match out {
                    Forwarding::Port { port } => {
                        let _ = write!(
                            s,
                            "{device} forwards the frame from {in_port} only out of {port}: {what}"
                        );
                    }
                    Forwarding::Flood { ports } => {
                        let list = if ports.is_empty() {
                            "no other port".to_string()
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
            } => match moved_from {
                Some(old) => {
                    let _ = write!(s, "{device} sees {mac} on {port} now (it was on {old}) and updates its MAC table");
                }
                None => {
                    let _ = write!(s, "{device} learns that {mac} is reached through {port}");
                }
            },
            EventKind::MacAged { device, mac, port } => {
                let _ = write!(
                    s,
                    "{device} forgets {mac} on {port}: nothing came from it for 300 s"
                );
            }
            EventKind::Route { device, decision } => explain_route(&mut s, device, decision),
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
            EventKind::Storm {
                links,
                devices,
                events,
            } => {
                let _ = write!(
                    s,
                    "Broadcast storm: after {events} events frames were still circulating through {} (links {}). Switches forward broadcasts forever around a loop; real networks run STP to block one port.",
                    devices.join(", "),
                    links.join(", ")
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

/// The full trace of a run.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Trace {
    pub events: Vec<TraceEvent>,
}

/// One ARP table row as `ip neigh` shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NeighborRow {
    pub mac: Option<MacAddr>,
    pub state: NudState,
}

/// Every table of every device at one point of the trace.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct NetworkState {
    /// device → interface → IP → entry.
    pub neighbors: BTreeMap<String, BTreeMap<String, BTreeMap<Ipv4Addr, NeighborRow>>>,
    /// switch → MAC → port.
    pub mac_tables: BTreeMap<String, BTreeMap<MacAddr, String>>,
    /// device → routing table.
    pub routes: BTreeMap<String, Vec<RouteEntry>>,
}

impl NetworkState {
    /// Applies one event's table change, if it has one.
    pub fn apply(&mut self, kind: &EventKind) {
        match kind {
            EventKind::RoutesInstalled { device, routes } => {
                self.routes.insert(device.to_string(), routes.clone());
            }
            EventKind::NeighborChanged {
                device,
                interface,
                ip,
                mac,
                new,
                ..
            } => {
                self.neighbors
                    .entry(device.to_string())
                    .or_default()
                    .entry(interface.to_string())
                    .or_default()
                    .insert(
                        *ip,
                        NeighborRow {
                            mac: *mac,
                            state: *new,
                        },
                    );
            }
            EventKind::MacLearned {
                device, mac, port, ..
            } => {
                self.mac_tables
                    .entry(device.to_string())
                    .or_default()
                    .insert(*mac, port.to_string());
            }
            EventKind::MacAged { device, mac, .. } => {
                if let Some(table) = self.mac_tables.get_mut(device.as_str()) {
                    table.remove(mac);
                }
            }
            _ => {}
        }
    }
}

impl Trace {
    /// Every table exactly as it was after event `index` (clamped to the last
    /// event). O(index): it folds the table-change events from the start.
    pub fn state_at(&self, index: usize) -> NetworkState {
        let mut state = NetworkState::default();
        let end = index.saturating_add(1).min(self.events.len());
        for event in &self.events[..end] {
            state.apply(&event.kind);
        }
        state
    }

    /// Snapshots of the tables every `every` events, so that
    /// [`StateIndex::state_at`] costs at most `every` event applications
    /// instead of a fold from the start (for stepping through a long trace).
    pub fn state_index(&self, every: usize) -> StateIndex {
        let every = every.max(1);
        let mut state = NetworkState::default();
        let mut checkpoints = Vec::with_capacity(self.events.len() / every + 1);
        for (i, event) in self.events.iter().enumerate() {
            if i % every == 0 {
                checkpoints.push(state.clone());
            }
            state.apply(&event.kind);
        }
        StateIndex { every, checkpoints }
    }

    /// Number of events.
    pub fn len(&self) -> usize {
        self.events.len()
    }

    pub fn is_empty(&self) -> bool {
        self.events.is_empty()
    }
}

/// Table snapshots of one trace, made by [`Trace::state_index`].
#[derive(Clone, Debug)]
pub struct StateIndex {
    every: usize,
    /// `checkpoints[k]` is the state before event `k * every`.
    checkpoints: Vec<NetworkState>,
}

impl StateIndex {
    /// The same answer as [`Trace::state_at`] for the trace this index was
    /// built from, in O(every) event applications plus one snapshot clone.
    pub fn state_at(&self, trace: &Trace, index: usize) -> NetworkState {
        if trace.events.is_empty() {
            return NetworkState::default();
        }
        let index = index.min(trace.events.len() - 1);
        let k = (index / self.every).min(self.checkpoints.len().saturating_sub(1));
        let mut state = self.checkpoints.get(k).cloned().unwrap_or_default();
        for event in &trace.events[k * self.every..=index] {
            state.apply(&event.kind);
        }
        state
    }
}
