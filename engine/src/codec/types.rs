//! The tables of the compact form: every type of a run's outcome, its fields in order, and
//! each enum's variant numbers. A variant's number never changes meaning within a
//! [`VERSION`](super::VERSION); new variants take new numbers.

use std::net::{Ipv4Addr, SocketAddrV4};
use std::sync::Arc;

use ipnet::Ipv4Net;

use super::{CodecError, Dec, Enc, Res, Wire};
use crate::apps::dhcp::server::ServerLease;
use crate::l3::nat::{TcpCtState, Tuple};
use crate::mac::MacAddr;
use crate::neighbor::NudState;
use crate::scenario::Topology;
use crate::sim::{RunOutcome, StopReason};
use crate::time::SimTime;
use crate::trace::*;

impl Wire for SimTime {
    fn put(&self, e: &mut Enc) {
        e.uint(self.as_nanos());
    }
    fn get(d: &mut Dec) -> Res<Self> {
        Ok(SimTime::from_nanos(d.uint()?))
    }
}

impl Wire for Ipv4Addr {
    fn put(&self, e: &mut Enc) {
        e.out.extend_from_slice(&self.octets());
    }
    fn get(d: &mut Dec) -> Res<Self> {
        let b = d.take(4)?;
        Ok(Ipv4Addr::new(b[0], b[1], b[2], b[3]))
    }
}

impl Wire for MacAddr {
    fn put(&self, e: &mut Enc) {
        e.out.extend_from_slice(&self.0);
    }
    fn get(d: &mut Dec) -> Res<Self> {
        let mut mac = [0; 6];
        mac.copy_from_slice(d.take(6)?);
        Ok(MacAddr(mac))
    }
}

impl Wire for Ipv4Net {
    fn put(&self, e: &mut Enc) {
        self.addr().put(e);
        e.byte(self.prefix_len());
    }
    fn get(d: &mut Dec) -> Res<Self> {
        let addr = Ipv4Addr::get(d)?;
        Ipv4Net::new(addr, d.byte()?).map_err(|_| CodecError("a prefix is longer than 32"))
    }
}

impl Wire for std::net::Ipv6Addr {
    fn put(&self, e: &mut Enc) {
        e.out.extend_from_slice(&self.octets());
    }
    fn get(d: &mut Dec) -> Res<Self> {
        let mut b = [0; 16];
        b.copy_from_slice(d.take(16)?);
        Ok(std::net::Ipv6Addr::from(b))
    }
}

impl Wire for std::net::IpAddr {
    fn put(&self, e: &mut Enc) {
        match self {
            std::net::IpAddr::V4(a) => {
                e.byte(4);
                a.put(e);
            }
            std::net::IpAddr::V6(a) => {
                e.byte(6);
                a.put(e);
            }
        }
    }
    fn get(d: &mut Dec) -> Res<Self> {
        match d.byte()? {
            4 => Ok(Ipv4Addr::get(d)?.into()),
            6 => Ok(std::net::Ipv6Addr::get(d)?.into()),
            _ => Err(CodecError("an address is neither IPv4 nor IPv6")),
        }
    }
}

impl Wire for ipnet::Ipv6Net {
    fn put(&self, e: &mut Enc) {
        self.addr().put(e);
        e.byte(self.prefix_len());
    }
    fn get(d: &mut Dec) -> Res<Self> {
        let addr = std::net::Ipv6Addr::get(d)?;
        ipnet::Ipv6Net::new(addr, d.byte()?).map_err(|_| CodecError("a prefix is longer than 128"))
    }
}

impl Wire for SocketAddrV4 {
    fn put(&self, e: &mut Enc) {
        self.ip().put(e);
        self.port().put(e);
    }
    fn get(d: &mut Dec) -> Res<Self> {
        Ok(SocketAddrV4::new(Ipv4Addr::get(d)?, u16::get(d)?))
    }
}

/// The fixed texts events carry as `&'static str` (a conntrack entry's TCP state, the name of
/// a rewritten checksum), by their index here.
fn static_texts() -> impl Iterator<Item = &'static str> {
    use TcpCtState::*;
    [SynSent, SynRecv, Established, FinWait, CloseWait, LastAck, TimeWait, Close]
        .into_iter()
        .map(TcpCtState::name)
        .chain(CHECKSUM_FIELDS)
}

/// The checksum names `l3::netfilter::checksum_changes` gives a NAT rewrite.
const CHECKSUM_FIELDS: [&str; 8] =
    ["IPv4 header", "TCP", "UDP", "ICMP", "quoted IPv4 header", "quoted TCP", "quoted UDP", "quoted ICMP"];

impl Wire for &'static str {
    fn put(&self, e: &mut Enc) {
        // A text missing from the table is written as one past its end, and refused by
        // `get`: the round-trip tests catch it.
        let i = static_texts().position(|t| t == *self).unwrap_or(usize::MAX >> 1);
        e.uint(i as u64);
    }
    fn get(d: &mut Dec) -> Res<Self> {
        let i = d.uint()?;
        static_texts().nth(i as usize).ok_or(CodecError("an unknown fixed text"))
    }
}

/// A port: its device's and its own name. Decoded ports are shared again, one
/// allocation per port of the lab, as the engine made them (`PortRef`).
impl Wire for PortRef {
    fn put(&self, e: &mut Enc) {
        self.device.put(e);
        self.port.put(e);
        self.sub.put(e);
        self.vlan.put(e);
    }
    fn get(d: &mut Dec) -> Res<Self> {
        let (device, port, sub, vlan) = (Name::get(d)?, Name::get(d)?, Option::<Name>::get(d)?, Option::<u16>::get(d)?);
        let key = (device.addr(), port.addr(), sub.as_ref().map_or(0, |s| s.addr()), vlan);
        if let Some(shared) = d.ports.get(&key) {
            return Ok(shared.clone());
        }
        let shared = PortRef::from_names(PortNames { device, port, sub, vlan });
        d.ports.insert(key, shared.clone());
        Ok(shared)
    }
}
/// As its hop.
impl Wire for InHop {
    fn put(&self, e: &mut Enc) {
        self.0.put(e);
    }
    fn get(d: &mut Dec) -> Res<Self> {
        Hop::get(d).map(InHop)
    }
}

/// As its port.
impl Wire for IfaceRef {
    fn put(&self, e: &mut Enc) {
        self.0.put(e);
    }
    fn get(d: &mut Dec) -> Res<Self> {
        PortRef::get(d).map(IfaceRef)
    }
}

/// The link, the two ports, then the cable's timing (what a `FrameSent`'s
/// `t_end` is derived from).
impl Wire for Hop {
    fn put(&self, e: &mut Enc) {
        self.link.put(e);
        self.from.put(e);
        self.to.put(e);
        self.timing.put(e);
    }
    fn get(d: &mut Dec) -> Res<Self> {
        let (link, from, to, timing) = (Name::get(d)?, PortRef::get(d)?, PortRef::get(d)?, LinkTiming::get(d)?);
        let key = (link.addr(), from.addr(), to.addr(), timing);
        if let Some(shared) = d.hops.get(&key) {
            return Ok(shared.clone());
        }
        let shared = Hop::new(link, from, to, timing);
        d.hops.insert(key, shared.clone());
        Ok(shared)
    }
}

/// As the `Forwarding` it points to.
impl Wire for Out {
    fn put(&self, e: &mut Enc) {
        (**self).put(e);
    }
    fn get(d: &mut Dec) -> Res<Self> {
        let how = Forwarding::get(d)?;
        let key = match &how {
            Forwarding::Port { port } => (0, vec![port.addr()]),
            Forwarding::Flood { ports } => (1, ports.iter().map(Name::addr).collect()),
        };
        if let Some(shared) = d.outs.get(&key) {
            return Ok(shared.clone());
        }
        let shared = Out::new(how);
        d.outs.insert(key, shared.clone());
        Ok(shared)
    }
}

wire_struct!(AndCheck { interface, address, prefix_len, mask, masked_destination, network, on_link });
wire_struct!(ChosenRoute { prefix, via, interface, kind });
wire_struct!(RouteDecision { destination, forwarding, checks, matching_routes, chosen, next_hop });
wire_struct!(RouteEntry { prefix, via, interface, kind, metric, src, linkdown });
wire_struct!(IcmpError { icmp_type, code, to, from });
wire_struct!(LeaseInfo { address, router, dns, server, lease_time, renew_at, expires_at });
wire_struct!(Tuple { proto, src, dst });
wire_struct!(ChecksumChange { field, old, new });
wire_struct!(ConntrackRow { interface, original, reply, tcp_state, seen_reply, assured, expires });
// The boxed bulk of rare events: their fields in the order the variants held them, so
// the bytes are as before the boxes (a `Box` is written as its content).
wire_struct!(NatRewrite { before, after, checksums, entry });
wire_struct!(ServerLease { mac, address, hostname, expires });
wire_struct!(NameLookup { label, name, server, outcome });
wire_struct!(Retry { local, peer, what, after });
wire_struct!(SocketEnds { local, peer });
wire_struct!(HttpRequestInfo { label, method, path, host, to });
wire_struct!(HttpResponseInfo { method, path, status, reason, body_len });
wire_struct!(MacFlush { port, macs, why, vlans });
wire_struct!(StpRoot { bridge, id, name, port, cost });
wire_struct!(StormLoop { links, devices, events });
wire_struct!(LinkTiming { delay, ps_per_byte });

wire_enum!(DropReason {
    0 => NotForMyMac, 1 => ArpNotForMe, 2 => NotForwarding, 3 => TtlExpired, 4 => NoRoute,
    5 => NeighborFailed, 6 => NeighborQueueFull, 7 => SameSegment, 8 => TxQueueFull, 9 => NoLink,
    10 => Malformed, 11 => Unsupported, 12 => IcmpRateLimited, 13 => NoListener,
    14 => RedirectIgnored, 15 => NatNoFreePort, 16 => LostOnLink, 17 => NoRouteBack,
    18 => NoCarrier, 19 => PortNotForwarding, 20 => VlanFiltered, 21 => NotMyGroup, 22 => NdNotForMe, 23 => TooBig,
    24 => UnknownVlan, 25 => FragNeeded,
});
wire_enum!(Forwarding { 0 => Port { port }, 1 => Flood { ports } });
wire_enum!(ForwardReason { 0 => Broadcast, 1 => Multicast, 2 => UnknownUnicast, 3 => Learned, 4 => Hub });
wire_enum!(RouteKind { 0 => Connected, 1 => Static, 2 => Default });
wire_enum!(NudState { 0 => Incomplete, 1 => Reachable, 2 => Stale, 3 => Delay, 4 => Probe, 5 => Failed });
wire_enum!(LookupOutcome {
    0 => Answer { addresses, cnames }, 1 => NoData, 2 => NxDomain, 3 => Timeout,
    4 => ServerError { rcode }, 5 => NoServers,
});
wire_enum!(SocketState {
    0 => Listen, 1 => SynSent, 2 => SynRecv, 3 => Established, 4 => FinWait1, 5 => FinWait2,
    6 => CloseWait, 7 => Closing, 8 => LastAck, 9 => TimeWait,
});
wire_enum!(TcpEnd { 0 => Refused, 1 => TimedOut, 2 => Unreachable { code }, 3 => Reset });
wire_enum!(Retransmitted { 0 => Syn, 1 => SynAck, 2 => Data { bytes }, 3 => Fin });
wire_enum!(LinkCause { 0 => Command, 1 => Carrier { peer }, 2 => Power });
wire_enum!(FlushCause { 0 => Command, 1 => LinkDown, 2 => CarrierLost, 3 => AddressRemoved, 4 => PowerOff });
wire_struct!(BridgeId { priority, mac });
wire_struct!(StpPortCosts { root_cost, designated, designated_bridge, designated_cost, bridge, path_cost });
wire_enum!(StpRole { 0 => Root, 1 => Designated, 2 => Alternate, 3 => Disabled });
wire_enum!(StpState { 0 => Disabled, 1 => Listening, 2 => Learning, 3 => Forwarding, 4 => Blocking });
wire_enum!(NatDirection { 0 => Outbound, 1 => Inbound, 2 => InboundError });
wire_enum!(StopReason {
    0 => Completed, 1 => TimeLimit { at }, 2 => EventBudget { events },
    3 => WorkBudget { events, work }, 4 => BroadcastStorm { links, devices },
});

wire_enum!(EventKind {
    0 => RoutesInstalled { device, routes },
    1 => FrameSent { hop, bytes },
    2 => FrameReceived { hop, bytes },
    3 => FrameDropped { at, reason, bytes },
    4 => PacketDropped { device, reason, bytes },
    5 => SwitchForward { at, dst, out, why },
    6 => MacLearned { at, mac, moved_from },
    7 => MacAged { at, mac },
    8 => Route { device, decision },
    9 => NeighborChanged { at, ip, mac, old, new },
    10 => IcmpErrorGenerated { device, error, rate_limited },
    11 => CommandStarted { label, device },
    12 => CommandOutput { label, line },
    13 => DhcpLeaseObtained { at, lease, renewed },
    14 => DhcpLeaseExpired { at, address, nak_from },
    15 => DhcpLeaseReleased { at, address, server },
    16 => DhcpNoOffers { at, retry_at },
    17 => DhcpServerLease { device, lease },
    18 => DhcpServerRelease { device, mac, address },
    19 => DnsLookup { device, lookup },
    20 => NatTranslated { at, direction, rewrite },
    21 => ConntrackExpired { device, entry },
    22 => TcpSocket { device, ends, old, new, end },
    23 => TcpRetransmit { device, retry },
    24 => TcpResetSent { device, local, peer, closed_port },
    25 => HttpRequest { device, request },
    26 => HttpResponse { device, peer, response },
    27 => Storm { looped, first_repeat },
    28 => LinkChanged { at, up, cause },
    29 => MacFlushed { device, flush },
    30 => NeighborFlushed { at, ips, why },
    31 => AddressChanged { at, old, new },
    32 => PowerChanged { device, on },
    33 => StpBridge { device, root },
    34 => StpPort { at, role, state, old_role, old_state, costs },
    35 => StpTopologyChange { device, on },
    36 => Ipv6 { device, event },
    37 => Mtu { device, event },
});
wire_enum!(MtuEvent {
    0 => TooBig { interface, size, mtu, v6 },
    1 => Fragmented { interface, size, mtu, fragments, v6 },
    2 => Reassembled { size, fragments, v6 },
    3 => PathMtu { destination, mtu, from },
});

// IPv6 (issue 16).
wire_struct!(Route6Entry { prefix, via, interface, proto, metric });
wire_struct!(PrefixCheck { prefix, masked_destination, matches });
wire_struct!(Route6Decision { destination, forwarding, checks, chosen, next_hop });
wire_enum!(AddrOrigin { 0 => LinkLocal, 1 => Static, 2 => Slaac });
wire_enum!(AddrState { 0 => Tentative, 1 => Preferred, 2 => DadFailed });
wire_enum!(Route6Proto { 0 => Kernel, 1 => Static, 2 => Ra });
wire_enum!(SlaacOutcome { 0 => NewAddress, 1 => Refreshed, 2 => WrongPrefixLength, 3 => NotAutonomous, 4 => NoPrefix });
wire_enum!(Ipv6Event {
    0 => Neighbor { interface, ip, mac, old, new },
    1 => Address { interface, address, origin, state },
    2 => Routes { routes },
    3 => Route { decision },
    4 => RouterAdvert { interface, router, lifetime_s, prefix, outcome },
    5 => IcmpError { icmp_type, code, to, rate_limited },
    6 => Down { interface },
    7 => NeighborsFlushed { interface, ips },
    8 => AddressRemoved { interface, address },
    9 => DefaultRouterExpired { interface, router },
});

/// An event: its time as the difference from the previous event's, then its kind
/// (its number is its position).
fn put_event(event: &TraceEvent, e: &mut Enc) {
    let t = event.time.as_nanos();
    // Times never go back; should one, its difference wraps and decodes back the same.
    e.uint(t.wrapping_sub(e.time));
    e.time = t;
    event.kind.put(e);
}

fn get_event(d: &mut Dec) -> Res<TraceEvent> {
    let time = d.uint()?.wrapping_add(d.time);
    d.time = time;
    Ok(TraceEvent { time: SimTime::from_nanos(time), kind: EventKind::get(d)? })
}

pub(super) fn put_outcome(o: &RunOutcome, e: &mut Enc) {
    let RunOutcome { topology: _, trace, outputs, traceroute_hops, stop, events_processed, work } = o;
    e.uint(trace.events.len() as u64);
    for event in &trace.events {
        put_event(event, e);
    }
    outputs.put(e);
    traceroute_hops.put(e);
    stop.put(e);
    events_processed.put(e);
    work.put(e);
}

pub(super) fn get_outcome(d: &mut Dec, topology: Arc<Topology>) -> Res<RunOutcome> {
    let n = d.len()?;
    let mut events = Vec::with_capacity(n);
    for _ in 0..n {
        events.push(get_event(d)?);
    }
    Ok(RunOutcome {
        topology,
        trace: Trace { events },
        outputs: Wire::get(d)?,
        traceroute_hops: Wire::get(d)?,
        stop: Wire::get(d)?,
        events_processed: Wire::get(d)?,
        work: Wire::get(d)?,
    })
}
