//! The values trace events carry beyond names and bytes: why a frame was
//! dropped, how a switch forwarded, the route decision with its ANDs, a
//! routing-table row, an ICMP error and its wording.

use super::Name;
use crate::msg;
use crate::msg::Msg;
use ipnet::Ipv4Net;
use serde::Serialize;
use std::net::Ipv4Addr;

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
    /// The port is down, or its cable has no carrier (the far end is down or off).
    NoCarrier,
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
    /// NAT found no free source port for a new flow (`nf_nat_setup_info` → NF_DROP).
    NatNoFreePort,
    /// The cable lost the frame (the lab's `drop_from_a` / `drop_from_b`).
    LostOnLink,
    /// A SYN whose answer would have no route back to its sender.
    NoRouteBack,
    /// A spanning-tree switch port that is not forwarding (blocking,
    /// listening, learning): only BPDUs pass (br_handle_frame).
    PortNotForwarding,
    /// A VLAN-filtering switch port that is not a member of the frame's VLAN
    /// (`br_allowed_ingress`).
    VlanFiltered,
    /// An IPv6 multicast frame for a group this interface did not join (the NIC's filter).
    NotMyGroup,
    /// A neighbour-discovery message about an address this device does not have.
    NdNotForMe,
    /// An IPv6 packet larger than the next link's MTU (routers never fragment IPv6).
    TooBig,
    /// A tagged frame for a VLAN id this interface has no subinterface for
    /// (net/core/dev.c marks it PACKET_OTHERHOST).
    UnknownVlan,
    /// An IPv4 packet larger than the next link's MTU with Don't Fragment set.
    FragNeeded,
}

impl DropReason {
    /// Why, as a phrase that ends "… drops <frame>: <this>" (`locales/*/engine-drop.ftl`).
    pub fn msg(self) -> Msg {
        match self {
            DropReason::NotForMyMac => msg!("drop-not-for-my-mac"),
            DropReason::ArpNotForMe => msg!("drop-arp-not-for-me"),
            DropReason::NotForwarding => msg!("drop-not-forwarding"),
            DropReason::TtlExpired => msg!("drop-ttl-expired"),
            DropReason::NoRoute => msg!("drop-no-route"),
            DropReason::NeighborFailed => msg!("drop-neighbor-failed"),
            DropReason::NeighborQueueFull => msg!("drop-neighbor-queue-full"),
            DropReason::SameSegment => msg!("drop-same-segment"),
            DropReason::TxQueueFull => msg!("drop-tx-queue-full"),
            DropReason::NoLink => msg!("drop-no-link"),
            DropReason::Malformed => msg!("drop-malformed"),
            DropReason::Unsupported => msg!("drop-unsupported"),
            DropReason::IcmpRateLimited => msg!("drop-icmp-rate-limited"),
            DropReason::NoListener => msg!("drop-no-listener"),
            DropReason::NatNoFreePort => msg!("drop-nat-no-free-port"),
            DropReason::NoCarrier => msg!("drop-no-carrier"),
            DropReason::NotMyGroup => msg!("drop-not-my-group"),
            DropReason::NdNotForMe => msg!("drop-nd-not-for-me"),
            DropReason::TooBig => msg!("drop-too-big"),
            DropReason::FragNeeded => msg!("drop-frag-needed"),
            DropReason::NoRouteBack => msg!("drop-no-route-back"),
            DropReason::UnknownVlan => msg!("drop-unknown-vlan"),
            DropReason::VlanFiltered => msg!("drop-vlan-filtered"),
            DropReason::PortNotForwarding => msg!("drop-port-not-forwarding"),
            DropReason::LostOnLink => msg!("drop-lost-on-link"),
            DropReason::RedirectIgnored => msg!("drop-redirect-ignored"),
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
    /// The interface lost carrier (`ip route` prints `linkdown`); the route stays in use.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub linkdown: bool,
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

/// A DHCP lease as the client installed it (dhclient-script BOUND/RENEW).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LeaseInfo {
    /// Address and prefix (`ip addr add`).
    pub address: ipnet::Ipv4Net,
    /// The default gateway (option 3), if the server gave one.
    pub router: Option<Ipv4Addr>,
    /// resolv.conf's name servers (option 6).
    pub dns: Vec<Ipv4Addr>,
    /// The server that granted it (option 54).
    pub server: Ipv4Addr,
    /// Option 51, seconds.
    pub lease_time: u32,
    pub renew_at: crate::time::SimTime,
    pub expires_at: crate::time::SimTime,
}

/// What a `DnsLookup` event says beyond who asked: one box (a record is as
/// big as the biggest variant, docs/perf.md).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NameLookup {
    /// The label of the command that looked the name up.
    pub label: Name,
    /// The name asked, lower case, without the final dot.
    pub name: String,
    /// The server asked last (None: none was).
    pub server: Option<Ipv4Addr>,
    pub outcome: LookupOutcome,
}

/// How a name lookup ended.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "result", rename_all = "snake_case")]
pub enum LookupOutcome {
    /// The server answered with these IPv4 addresses (possibly after CNAMEs).
    Answer { addresses: Vec<Ipv4Addr>, cnames: Vec<String> },
    /// The name exists but has no A record (NODATA).
    NoData,
    /// The server said the name does not exist.
    NxDomain,
    /// No server answered (every try timed out, or ICMP port unreachable).
    Timeout,
    /// SERVFAIL, REFUSED or another error code from the server.
    ServerError { rcode: u8 },
    /// resolv.conf lists no server.
    NoServers,
}

impl LookupOutcome {
    /// A short name of the outcome for a check's message (the spelling `Debug` gave, which the
    /// browser build no longer formats: docs/size.md, `-Zfmt-debug=none`).
    pub fn name(&self) -> String {
        match self {
            LookupOutcome::Answer { .. } => "Answer".into(),
            LookupOutcome::NoData => "NoData".into(),
            LookupOutcome::NxDomain => "NxDomain".into(),
            LookupOutcome::Timeout => "Timeout".into(),
            LookupOutcome::ServerError { rcode } => format!("ServerError {{ rcode: {rcode} }}"),
            LookupOutcome::NoServers => "NoServers".into(),
        }
    }
}

/// A TCP socket's state, named as `ss -tan` prints it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub enum SocketState {
    #[serde(rename = "LISTEN")]
    Listen,
    #[serde(rename = "SYN-SENT")]
    SynSent,
    #[serde(rename = "SYN-RECV")]
    SynRecv,
    #[serde(rename = "ESTAB")]
    Established,
    #[serde(rename = "FIN-WAIT-1")]
    FinWait1,
    #[serde(rename = "FIN-WAIT-2")]
    FinWait2,
    #[serde(rename = "CLOSE-WAIT")]
    CloseWait,
    #[serde(rename = "CLOSING")]
    Closing,
    #[serde(rename = "LAST-ACK")]
    LastAck,
    #[serde(rename = "TIME-WAIT")]
    TimeWait,
}

impl SocketState {
    const ALL: [SocketState; 10] = [
        SocketState::Listen,
        SocketState::SynSent,
        SocketState::SynRecv,
        SocketState::Established,
        SocketState::FinWait1,
        SocketState::FinWait2,
        SocketState::CloseWait,
        SocketState::Closing,
        SocketState::LastAck,
        SocketState::TimeWait,
    ];

    /// The name `ss -tan` prints (ESTAB, TIME-WAIT, …).
    pub fn name(self) -> &'static str {
        match self {
            SocketState::Listen => "LISTEN",
            SocketState::SynSent => "SYN-SENT",
            SocketState::SynRecv => "SYN-RECV",
            SocketState::Established => "ESTAB",
            SocketState::FinWait1 => "FIN-WAIT-1",
            SocketState::FinWait2 => "FIN-WAIT-2",
            SocketState::CloseWait => "CLOSE-WAIT",
            SocketState::Closing => "CLOSING",
            SocketState::LastAck => "LAST-ACK",
            SocketState::TimeWait => "TIME-WAIT",
        }
    }

    /// From an `ss` name (CLOSED and unknown names: none).
    pub fn from_name(name: &str) -> Option<SocketState> {
        SocketState::ALL.into_iter().find(|s| s.name() == name)
    }
}

/// Why a TCP connection ended without a normal close.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "why", rename_all = "snake_case")]
pub enum TcpEnd {
    /// connect() got RST|ACK: nothing listens on the port (ECONNREFUSED).
    Refused,
    /// No answer to the SYNs (or data) before the retries ran out (ETIMEDOUT).
    TimedOut,
    /// An ICMP destination unreachable with this code aborted connect().
    Unreachable { code: u8 },
    /// The peer reset an open connection (ECONNRESET).
    Reset,
}

/// What a `TcpRetransmit` event's segment carried and when it went again:
/// one box (a record is as big as the biggest variant, docs/perf.md).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Retry {
    /// The connection's two ends.
    pub local: std::net::SocketAddrV4,
    pub peer: std::net::SocketAddrV4,
    pub what: Retransmitted,
    /// Time since the previous transmission of the same segment.
    pub after: crate::time::SimTime,
}

/// An HTTP request as curl sent it (a `HttpRequest` event's bulk, boxed: a
/// record is as big as the biggest variant, docs/perf.md).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct HttpRequestInfo {
    /// The command's label.
    pub label: Name,
    pub method: Name,
    pub path: Name,
    pub host: Name,
    /// The server's address and port.
    pub to: std::net::SocketAddrV4,
}

/// The request a web server answered and its answer (a `HttpResponse`
/// event's bulk, boxed as [`HttpRequestInfo`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct HttpResponseInfo {
    pub method: Name,
    pub path: Name,
    pub status: u16,
    pub reason: Name,
    /// Body bytes (Content-Length).
    pub body_len: usize,
}

/// What a retransmitted TCP segment carried.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "what", rename_all = "snake_case")]
pub enum Retransmitted {
    Syn,
    SynAck,
    Data { bytes: u32 },
    Fin,
}
