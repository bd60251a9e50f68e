//! The typed record of a run: what was sent where, what each device decided,
//! and how its tables changed.
//!
//! Events hold structured values only; the sentence that explains one is built
//! on demand by [`TraceEvent::explain`], so recording stays cheap (the hot path
//! records millions of events per second). Frame bytes are shared (`Arc`), so a
//! switch flooding a frame to twenty ports stores it once.
//! [`Trace::state_at`] folds the table-change events into every table as it
//! was after a given event, for stepping backwards in the UI.

//!
//! - `name.rs`: [`Name`], shared text for ids;
//! - `facts.rs`: the values events carry (drop reasons, route decisions, …);
//! - `explain.rs`: one sentence per event;
//! - `nat.rs`: NAT translations and conntrack rows, and their sentences;
//! - `state.rs`: table replay ([`NetworkState`], [`StateIndex`]);
//! - `config.rs`: configuration changes during a run (link down, flushes, power) and their sentences;
//! - `diverge.rs`: what-if comparison: where two runs of a lab and its variant first part, and why.

mod config;
pub mod diverge;
mod explain;
mod explain_tcp;
mod facts;
mod frame;
mod ipv6;
mod explain6;
mod mtu;
mod name;
mod nat;
mod state;
mod stp;

pub use explain_tcp::duration as explain_duration;
pub use config::{FlushCause, FlushedMacs, LinkCause, MacFlush};
pub use facts::*;
pub use frame::Frame;
pub use ipv6::*;
pub use explain6::{prefix_view, route6_text, PrefixRow, PrefixView};
pub use mtu::{mtu_summary, MtuEvent};
pub use name::{Line, Name};
pub use nat::{endpoint as nat_endpoint, ChecksumChange, ConntrackRow, NatDirection, NatRewrite};
pub use stp::{BridgeId, StpRole, StpRoot, StpState, StpTable};
pub use state::{Addr6Row, DhcpLeaseRow, MacKey, NeighborRow, NetworkState, SocketRow, StateIndex};

use crate::mac::MacAddr;
use crate::neighbor::NudState;
use crate::time::SimTime;
use serde::{Serialize, Serializer};
use std::net::{Ipv4Addr, SocketAddrV4};
use std::sync::Arc;

/// One port of one device, as the trace holds it: one shared pointer (8 bytes)
/// that the simulation makes once per port, so a `FrameSent` holding two of
/// them is 48 bytes smaller than with the two names inline, and recording one
/// costs one reference-count increment, not two (issue 15, docs/perf.md).
/// Read its names as fields (`from.device`, `from.port`): it derefs to
/// [`PortNames`]. Compares, orders, hashes and serializes as those two names.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PortRef(Arc<PortNames>);

/// The names of one port of one device (what a [`PortRef`] points to).
/// Compares, orders and hashes as `device`, `port` and `vlan` (the switch
/// events compared their VLAN when it was a field of theirs), serializes as
/// `device` and `port` only.
#[derive(Clone, Debug, Serialize)]
pub struct PortNames {
    pub device: Name,
    pub port: Name,
    /// A `FrameSent`'s `from` only: the VLAN subinterface (`eth0.10`) that
    /// sent the frame out of `port`, tagged. The simulation makes one such
    /// port per subinterface, so a record needs no field for this rare case
    /// (8 bytes less in every record, issue 15).
    #[serde(skip)]
    pub sub: Option<Name>,
    /// A switch port as a `SwitchForward`, `MacLearned` or `MacAged` of a
    /// VLAN-filtering switch holds it: the VLAN of the frame or the entry
    /// (written as the event's `vlan`). The simulation makes one such port
    /// per port and VLAN that occurs, so a record needs no field for it
    /// (the 32-byte records of issue 15).
    #[serde(skip)]
    pub vlan: Option<u16>,
}

impl PortNames {
    fn key(&self) -> (&Name, &Name, Option<u16>) {
        (&self.device, &self.port, self.vlan)
    }
}

impl PartialEq for PortNames {
    fn eq(&self, other: &Self) -> bool {
        self.key() == other.key()
    }
}
impl Eq for PortNames {}
impl PartialOrd for PortNames {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for PortNames {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.key().cmp(&other.key())
    }
}
impl std::hash::Hash for PortNames {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        self.key().hash(h)
    }
}

impl PortRef {
    /// Port `port` of `device`.
    pub fn new(device: Name, port: Name) -> PortRef {
        PortRef(Arc::new(PortNames { device, port, sub: None, vlan: None }))
    }

    /// Port `port` of `device` sending for its VLAN subinterface `sub` (a
    /// `FrameSent`'s `from`).
    pub fn sent_by(device: Name, port: Name, sub: Option<Name>) -> PortRef {
        PortRef(Arc::new(PortNames { device, port, sub, vlan: None }))
    }

    /// Port `port` of `device` in VLAN `vlan` (a VLAN-filtering switch's
    /// `SwitchForward`, `MacLearned` and `MacAged`).
    pub fn in_vlan(device: Name, port: Name, vlan: Option<u16>) -> PortRef {
        PortRef(Arc::new(PortNames { device, port, sub: None, vlan }))
    }
}

impl PortRef {
    /// A port reference to `names` (the decoder's).
    pub(crate) fn from_names(names: PortNames) -> PortRef {
        PortRef(Arc::new(names))
    }

    /// Where the shared names live: equal for clones of one port reference.
    pub(crate) fn addr(&self) -> usize {
        Arc::as_ptr(&self.0) as usize
    }
}

impl std::ops::Deref for PortRef {
    type Target = PortNames;
    fn deref(&self) -> &PortNames {
        &self.0
    }
}

impl std::fmt::Debug for PortRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&*self.0, f)
    }
}

impl Serialize for PortRef {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

/// An interface of a host or router as its events hold it: the [`PortRef`]
/// of its port (the simulation's, one per port), written as `device` and
/// `interface`. One pointer for the two names keeps these events within a
/// 32-byte record (issue 15). Read `at.device` and `at.interface()`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IfaceRef(pub PortRef);

impl IfaceRef {
    /// The interface's name (its port's).
    pub fn interface(&self) -> &Name {
        &self.0.port
    }
}

impl std::ops::Deref for IfaceRef {
    type Target = PortNames;
    fn deref(&self) -> &PortNames {
        &self.0
    }
}

impl Serialize for IfaceRef {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("IfaceRef", 2)?;
        st.serialize_field("device", &self.0.device)?;
        st.serialize_field("interface", &self.0.port)?;
        st.end()
    }
}

/// One direction of one cable as a `FrameSent` holds it: the link, the
/// ports at its two ends and the cable's timing, behind one shared pointer
/// that the simulation makes once per link direction (and once per VLAN
/// subinterface sending through its parent). Three names in 8 bytes: with the
/// link and both ports inline a `FrameSent` was the biggest record (issue 15's
/// trace memory, docs/perf.md), and with the timing here a `FrameSent` needs
/// no arrival time of its own ([`TraceEvent::t_end`] derives it).
/// Read its parts as fields (`hop.link`, `hop.from.device`): it derefs to
/// [`HopNames`]. Compares, orders and hashes as its link and ports, not its
/// timing: as the three fields `FrameSent` had (its `t_end` is compared by
/// [`TraceEvent`]'s equality, as before).
#[derive(Clone)]
pub struct Hop(Arc<HopNames>);

impl Hop {
    fn key(&self) -> (&Name, &PortRef, &PortRef) {
        (&self.link, &self.from, &self.to)
    }
}

impl PartialEq for Hop {
    fn eq(&self, other: &Self) -> bool {
        self.key() == other.key()
    }
}
impl Eq for Hop {}
impl PartialOrd for Hop {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Hop {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.key().cmp(&other.key())
    }
}
impl std::hash::Hash for Hop {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        self.key().hash(h)
    }
}

/// The link direction a `FrameReceived` came over: a [`Hop`] (the one the
/// simulation made, so the record holds one pointer for its port and link)
/// that compares, orders and hashes as its receiving port and its link only,
/// as the two fields `FrameReceived` had (`at`, `link`): a what-if that
/// moves a cable's far end changes no arrival at the near end.
/// Read it as a hop (`hop.to`, `hop.link`): it derefs to [`HopNames`].
#[derive(Clone, Debug)]
pub struct InHop(pub Hop);

impl InHop {
    fn key(&self) -> (&PortRef, &Name) {
        (&self.0.to, &self.0.link)
    }
}

impl PartialEq for InHop {
    fn eq(&self, other: &Self) -> bool {
        self.key() == other.key()
    }
}
impl Eq for InHop {}

impl std::ops::Deref for InHop {
    type Target = HopNames;
    fn deref(&self) -> &HopNames {
        &self.0
    }
}

/// What a [`Hop`] points to.
#[derive(Clone, Debug)]
pub struct HopNames {
    pub link: Name,
    /// The sending port (for a VLAN subinterface's frame, its parent port
    /// with `sub` set).
    pub from: PortRef,
    pub to: PortRef,
    /// The cable's delay and bit rate when the frames that hold this hop
    /// were sent: a record's arrival time is derived from them, so a cable
    /// whose timing changed needs a new hop from then on.
    pub timing: LinkTiming,
}

impl Hop {
    /// `from` sending on `link`, timed by `timing`, to `to`.
    pub fn new(link: Name, from: PortRef, to: PortRef, timing: LinkTiming) -> Hop {
        Hop(Arc::new(HopNames { link, from, to, timing }))
    }
}

/// How long a frame takes on one direction of a cable: the transmitter is
/// busy for its serialisation, and its last bit reaches the far end one
/// propagation delay later. The simulation times every frame with this, and
/// a `FrameSent` record derives its `t_end` with it (issue 15).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LinkTiming {
    /// Propagation delay.
    pub delay: SimTime,
    /// Serialisation time per byte in picoseconds (8 000 000 / Mbit/s).
    pub ps_per_byte: u64,
}

impl LinkTiming {
    /// Bytes a frame occupies on the wire beyond what the trace shows:
    /// FCS (4), preamble and start delimiter (8), inter-frame gap (12).
    const WIRE_OVERHEAD: u64 = 24;

    /// How long a frame of `len` bytes (as the trace shows it) occupies the
    /// transmitter.
    pub fn serialisation(&self, len: usize) -> SimTime {
        let bytes = len as u64 + Self::WIRE_OVERHEAD;
        SimTime::from_nanos(bytes.saturating_mul(self.ps_per_byte) / 1000)
    }

    /// When a frame of `len` bytes that started onto the cable at `start`
    /// has fully reached the far end.
    pub fn arrival(&self, start: SimTime, len: usize) -> SimTime {
        start + self.serialisation(len) + self.delay
    }
}

impl std::ops::Deref for Hop {
    type Target = HopNames;
    fn deref(&self) -> &HopNames {
        &self.0
    }
}

impl std::fmt::Debug for Hop {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&*self.0, f)
    }
}

/// Where a switch sent a frame, as a `SwitchForward` holds it: one shared
/// pointer (8 bytes; a [`Forwarding`] inline is 24). The simulation makes one
/// per port for `Forwarding::Port` and reuses a flood's list while it stays
/// the same, so recording one is a reference-count increment, not a `Vec`.
/// Derefs to the [`Forwarding`]; compares and serializes as it.
#[derive(Clone, PartialEq, Eq)]
pub struct Out(Arc<Forwarding>);

impl Out {
    pub fn new(how: Forwarding) -> Out {
        Out(Arc::new(how))
    }
}

impl std::ops::Deref for Out {
    type Target = Forwarding;
    fn deref(&self) -> &Forwarding {
        &self.0
    }
}

impl std::fmt::Debug for Out {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&*self.0, f)
    }
}

impl Serialize for Out {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

/// One entry of the trace. Its size is every recorded event's cost in memory
/// (docs/perf.md): a variant bigger than `FrameSent` keeps its bulk in a `Box`.
/// Its number (`seq` in the JSON forms) is its position in [`Trace::events`],
/// not a field: 8 bytes less in every record (issue 15). Serialized alone it
/// has no number; [`Numbered`] and [`Trace`] write it.
#[derive(Clone, Debug)]
pub struct TraceEvent {
    /// When it happened.
    pub time: SimTime,
    pub kind: EventKind,
}

/// Equal time and kind, and for a `FrameSent` equal [`TraceEvent::t_end`]:
/// as when the record held its `t_end` (a hop compares as its names).
impl PartialEq for TraceEvent {
    fn eq(&self, other: &Self) -> bool {
        self.time == other.time && self.kind == other.kind && self.t_end() == other.t_end()
    }
}

impl TraceEvent {
    /// When a `FrameSent`'s frame started onto its link: the event's own time
    /// (the record keeps no copy of it, issue 15).
    pub fn t_start(&self) -> SimTime {
        self.time
    }

    /// When a `FrameSent`'s frame has fully reached the far end: derived from
    /// its start, its length and its hop's [`LinkTiming`], exactly as the
    /// simulation timed its delivery (the record keeps no copy of it, issue
    /// 15). For any other event, its own time.
    pub fn t_end(&self) -> SimTime {
        match &self.kind {
            EventKind::FrameSent { hop, bytes } => hop.timing.arrival(self.time, bytes.len()),
            _ => self.time,
        }
    }
}

/// Writes `{"time":…,"type":…,…}` as the derived form did when `FrameSent`
/// held its own `t_start`: the same keys in the same order, so `trace.json`
/// and the golden traces stay byte-identical.
impl Serialize for TraceEvent {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        struct Hex<'a>(&'a Frame);
        impl Serialize for Hex<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                hex_bytes(self.0, s)
            }
        }
        match &self.kind {
            EventKind::FrameSent { hop, bytes } => {
                let mut map = s.serialize_map(None)?;
                map.serialize_entry("time", &self.time)?;
                map.serialize_entry("type", "FrameSent")?;
                map.serialize_entry("link", &hop.link)?;
                map.serialize_entry("from", &hop.from)?;
                map.serialize_entry("to", &hop.to)?;
                map.serialize_entry("t_start", &self.time)?;
                map.serialize_entry("t_end", &self.t_end())?;
                map.serialize_entry("bytes", &Hex(bytes))?;
                if let Some(sub) = &hop.from.sub {
                    map.serialize_entry("subinterface", sub)?;
                }
                return map.end();
            }
            // The port and the link are one `Hop` in the record; the JSON
            // keeps the keys and order of the fields they were.
            EventKind::FrameReceived { hop, bytes } => {
                let mut map = s.serialize_map(None)?;
                map.serialize_entry("time", &self.time)?;
                map.serialize_entry("type", "FrameReceived")?;
                map.serialize_entry("at", &hop.to)?;
                map.serialize_entry("link", &hop.link)?;
                map.serialize_entry("bytes", &Hex(bytes))?;
                return map.end();
            }
            // The device and port are one `PortRef` in the record; the JSON
            // keeps the keys and order of the fields they were.
            EventKind::SwitchForward { at, dst, out, why } => {
                let mut map = s.serialize_map(None)?;
                map.serialize_entry("time", &self.time)?;
                map.serialize_entry("type", "SwitchForward")?;
                map.serialize_entry("device", &at.device)?;
                map.serialize_entry("in_port", &at.port)?;
                map.serialize_entry("dst", dst)?;
                map.serialize_entry("out", out)?;
                map.serialize_entry("why", why)?;
                if let Some(vlan) = &at.vlan {
                    map.serialize_entry("vlan", vlan)?;
                }
                return map.end();
            }
            EventKind::MacLearned { at, mac, moved_from } => {
                let mut map = s.serialize_map(None)?;
                map.serialize_entry("time", &self.time)?;
                map.serialize_entry("type", "MacLearned")?;
                map.serialize_entry("device", &at.device)?;
                map.serialize_entry("mac", mac)?;
                map.serialize_entry("port", &at.port)?;
                map.serialize_entry("moved_from", moved_from)?;
                if let Some(vlan) = &at.vlan {
                    map.serialize_entry("vlan", vlan)?;
                }
                return map.end();
            }
            EventKind::FrameDropped { at, reason, bytes } => {
                let mut map = s.serialize_map(None)?;
                map.serialize_entry("time", &self.time)?;
                map.serialize_entry("type", "FrameDropped")?;
                map.serialize_entry("device", &at.device)?;
                map.serialize_entry("port", &at.port)?;
                map.serialize_entry("reason", reason)?;
                map.serialize_entry("bytes", &Hex(bytes))?;
                return map.end();
            }
            EventKind::MacAged { at, mac } => {
                let mut map = s.serialize_map(None)?;
                map.serialize_entry("time", &self.time)?;
                map.serialize_entry("type", "MacAged")?;
                map.serialize_entry("device", &at.device)?;
                map.serialize_entry("mac", mac)?;
                map.serialize_entry("port", &at.port)?;
                if let Some(vlan) = &at.vlan {
                    map.serialize_entry("vlan", vlan)?;
                }
                return map.end();
            }
            _ => {}
        }
        #[derive(Serialize)]
        struct Flat<'a> {
            time: &'a SimTime,
            #[serde(flatten)]
            kind: &'a EventKind,
        }
        Flat { time: &self.time, kind: &self.kind }.serialize(s)
    }
}

fn hex_bytes<S: Serializer>(bytes: &Frame, s: S) -> Result<S::Ok, S::Error> {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut text = String::with_capacity(bytes.len() * 2);
    for b in bytes.iter() {
        text.push(HEX[(b >> 4) as usize] as char);
        text.push(HEX[(b & 15) as usize] as char);
    }
    s.serialize_str(&text)
}

/// What happened.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "type")]
pub enum EventKind {
    /// Routing tables at the start of the run (they do not change afterwards).
    RoutesInstalled {
        device: Name,
        /// A boxed `Vec` (8 bytes), not a boxed slice (16) nor a `Vec` (24):
        /// a record is as big as the biggest variant (docs/perf.md).
        routes: Box<Vec<RouteEntry>>,
    },
    /// A frame started onto a link; it occupies the link until its last bit
    /// is sent and reaches the far end at [`TraceEvent::t_end`].
    FrameSent {
        /// The link, the sending port and the receiving one (one shared
        /// pointer; `hop.link`, `hop.from`, `hop.to`). A VLAN subinterface's
        /// frame has `hop.from.sub` set (`eth0.10`; None for a frame of the
        /// port itself), written as `subinterface` in the JSON.
        /// (`TraceEvent`'s serializer writes this variant itself.)
        #[serde(skip)]
        hop: Hop,
        // No `t_start`: it is always the event's `time`, and no `t_end`: it
        // is derived from the time, the frame's length and `hop.timing` (16
        // bytes less in every record, issue 15). [`TraceEvent`]'s serializer
        // still writes both; [`TraceEvent::t_start`] and
        // [`TraceEvent::t_end`] read them.
        #[serde(serialize_with = "hex_bytes")]
        bytes: Frame,
    },
    /// A frame fully arrived at a port.
    FrameReceived {
        /// The link direction it came over: it arrived at `hop.to` (written
        /// as `at`) on `hop.link` (written as `link`). One shared pointer, the
        /// one the simulation made for that direction, so this record is no
        /// bigger than a `FrameSent` (issue 15). (`TraceEvent`'s serializer
        /// writes this variant itself.)
        #[serde(skip)]
        hop: InHop,
        #[serde(serialize_with = "hex_bytes")]
        bytes: Frame,
    },
    /// A device threw a frame (or the packet inside it) away.
    /// (`TraceEvent`'s serializer writes this variant itself.)
    FrameDropped {
        /// The device and the port it dropped the frame at (written as
        /// `device` and `port`): one shared pointer, the port's own.
        at: PortRef,
        reason: DropReason,
        #[serde(serialize_with = "hex_bytes")]
        bytes: Frame,
    },
    /// A host or router threw away an IP packet that never became a frame
    /// (its next hop's MAC could not be resolved).
    PacketDropped {
        device: Name,
        reason: DropReason,
        #[serde(serialize_with = "hex_bytes")]
        bytes: Frame,
    },
    /// A switch or hub decided where a frame goes.
    /// (`TraceEvent`'s serializer writes this variant itself.)
    SwitchForward {
        /// The switch and the port the frame came in on (`at.device`,
        /// `at.port`; written as `device` and `in_port`), and on a
        /// VLAN-filtering switch the frame's VLAN (`at.vlan`, written as
        /// `vlan` after `why`).
        at: PortRef,
        dst: MacAddr,
        out: Out,
        why: ForwardReason,
    },
    /// A switch learned (or re-learned on a new port) where a MAC lives.
    /// (`TraceEvent`'s serializer writes this variant itself.)
    MacLearned {
        /// The switch and the port the MAC is now behind (`at.device`,
        /// `at.port`; written as `device` and `port`, around `mac`), and on
        /// a VLAN-filtering switch the VLAN it was learned in (`at.vlan`,
        /// written as `vlan` last).
        at: PortRef,
        mac: MacAddr,
        moved_from: Option<Name>,
    },
    /// A switch forgot a MAC that was silent for the ageing time (300 s).
    /// (`TraceEvent`'s serializer writes this variant itself.)
    MacAged {
        /// The switch and the port the MAC was behind, and its VLAN on a
        /// VLAN-filtering switch (written as `device`, `port` after `mac`,
        /// and `vlan`).
        at: PortRef,
        mac: MacAddr,
    },
    /// A host or router chose how to send an IP packet.
    Route {
        device: Name,
        decision: Box<RouteDecision>,
    },
    /// An ARP table entry was created or changed state.
    NeighborChanged {
        /// The device and the interface (written as `device` and
        /// `interface`): one shared pointer, the interface's port's own.
        #[serde(flatten)]
        at: IfaceRef,
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
    CommandOutput {
        label: Name,
        /// A [`Line`] (one thin pointer, 8 bytes), not a `Box<str>` (16) nor
        /// a `String` (24): a record is as big as the biggest variant
        /// (docs/perf.md).
        line: Line,
    },
    /// A DHCP client got a lease and configured it (address, connected route,
    /// default route, resolv.conf), or renewed it.
    DhcpLeaseObtained {
        /// The device and the interface (written as `device` and
        /// `interface`): one shared pointer, the interface's port's own.
        #[serde(flatten)]
        at: IfaceRef,
        /// Boxed, as every rare variant's bulk: a record is as big as the
        /// biggest variant (docs/perf.md "Trace memory").
        lease: Box<LeaseInfo>,
        renewed: bool,
    },
    /// A DHCP client lost its address: the lease ran out, or a server said NAK.
    DhcpLeaseExpired {
        /// The device and the interface (written as `device` and
        /// `interface`): one shared pointer, the interface's port's own.
        #[serde(flatten)]
        at: IfaceRef,
        address: Ipv4Addr,
        nak_from: Option<Ipv4Addr>,
    },
    /// `dhclient -r`: the client released its lease to `server` and removed the address.
    DhcpLeaseReleased {
        /// The device and the interface (written as `device` and
        /// `interface`): one shared pointer, the interface's port's own.
        #[serde(flatten)]
        at: IfaceRef,
        address: Ipv4Addr,
        server: Ipv4Addr,
    },
    /// dhclient gave up after 60 s without an offer and sleeps until `retry_at`.
    DhcpNoOffers {
        /// The device and the interface (written as `device` and
        /// `interface`): one shared pointer, the interface's port's own.
        #[serde(flatten)]
        at: IfaceRef,
        retry_at: SimTime,
    },
    /// A DHCP server recorded a lease in its table.
    DhcpServerLease {
        device: Name,
        /// The row the server recorded (MAC, address, host name, expiry),
        /// boxed, as every rare variant's bulk: a record is as big as the
        /// biggest variant (docs/perf.md). Flattened: the JSON keys are this
        /// variant's own, in the same order.
        #[serde(flatten)]
        lease: Box<crate::apps::dhcp::server::ServerLease>,
    },
    /// A DHCP server dropped a lease its client released (DHCPRELEASE).
    DhcpServerRelease {
        device: Name,
        mac: MacAddr,
        address: Ipv4Addr,
    },
    /// A program's name lookup finished (the resolver's answer).
    DnsLookup {
        device: Name,
        /// The command's label, the name asked, the server and the answer: a rare event's bulk,
        /// in one box (a record is as big as the biggest variant,
        /// docs/perf.md). Flattened: the JSON keys are this variant's own.
        #[serde(flatten)]
        lookup: Box<NameLookup>,
    },
    /// A router's NAT rewrote (or, for its own traffic, only tracked) a packet.
    NatTranslated {
        /// The device and the interface (written as `device` and
        /// `interface`): one shared pointer, the interface's port's own.
        /// The outside interface.
        #[serde(flatten)]
        at: IfaceRef,
        direction: NatDirection,
        /// The tuples before and after, the checksums and the conntrack entry,
        /// in one box (four boxes before): a record is as big as the biggest
        /// variant (docs/perf.md). Flattened: the JSON keys are this variant's
        /// own, in the same order.
        #[serde(flatten)]
        rewrite: Box<NatRewrite>,
    },
    /// A conntrack entry timed out and left the table.
    ConntrackExpired { device: Name, entry: Box<ConntrackRow> },
    /// A TCP socket appeared, changed state or went away (the `ss -tan` row).
    TcpSocket {
        device: Name,
        /// The socket's local address and its peer (None for a listener),
        /// boxed: inline they made this variant bigger than a 32-byte record
        /// (docs/perf.md). Flattened: written as `local` and `peer`.
        #[serde(flatten)]
        ends: Box<SocketEnds>,
        /// None: the socket is new.
        old: Option<SocketState>,
        /// None: the socket is gone.
        new: Option<SocketState>,
        /// Why a connection ended abnormally (refused, timed out, …).
        end: Option<TcpEnd>,
    },
    /// A TCP segment was sent again: no acknowledgement came in time.
    TcpRetransmit {
        device: Name,
        /// The connection's ends, what was sent again, and when: boxed, as every rare variant's bulk
        /// (a record is as big as the biggest variant, docs/perf.md).
        /// Flattened: the JSON keys are this variant's own.
        #[serde(flatten)]
        retry: Box<Retry>,
    },
    /// A host answered a segment no socket wants with a reset
    /// (`tcp_v4_send_reset`): a closed port, or a stray ACK.
    TcpResetSent {
        device: Name,
        local: SocketAddrV4,
        peer: SocketAddrV4,
        /// True when nothing listens on the port at all.
        closed_port: bool,
    },
    /// curl sent its HTTP request.
    HttpRequest {
        device: Name,
        /// The command's label, method, path, host and server, boxed: a record is as big as the
        /// biggest variant (docs/perf.md). Flattened: the JSON keys are this
        /// variant's own, in the same order.
        #[serde(flatten)]
        request: Box<HttpRequestInfo>,
    },
    /// The web server answered a request.
    HttpResponse {
        device: Name,
        peer: SocketAddrV4,
        /// The request answered and the answer, boxed and flattened as
        /// `HttpRequest`'s.
        #[serde(flatten)]
        response: Box<HttpResponseInfo>,
    },
    /// A port went down or up (issue 18): `ip link set`, carrier from the
    /// cable's far end, or the power switch.
    LinkChanged {
        /// The device and the port (written as `device` and `port`): one
        /// shared pointer, the port's own.
        #[serde(flatten)]
        at: PortRef,
        up: bool,
        /// Boxed: a `LinkCause` is 16 bytes (a port, or one of two unit
        /// variants, which a pointer's one niche cannot tell apart), which made
        /// this variant bigger than a 32-byte record allows (docs/perf.md).
        cause: Box<LinkCause>,
    },
    /// A switch forgot learned MACs at once (a port went down, `bridge fdb flush`, power off).
    MacFlushed {
        device: Name,
        /// The port whose MACs went (None: every port), the MACs, why they
        /// went and their VLANs, in one box: a rare event's
        /// lists (a record is as big as the biggest variant, docs/perf.md).
        /// Flattened: the JSON keys are this variant's own, in the same order.
        #[serde(flatten)]
        flush: Box<MacFlush>,
    },
    /// A host or router emptied an interface's ARP table.
    NeighborFlushed {
        /// The device and the interface (written as `device` and
        /// `interface`): one shared pointer, the interface's port's own.
        #[serde(flatten)]
        at: IfaceRef,
        /// Boxed, as `MacFlushed`'s: a rare event's list (a record is as big
        /// as the biggest variant, docs/perf.md).
        ips: Box<Vec<Ipv4Addr>>,
        why: FlushCause,
    },
    /// `ip addr add|del` changed an interface's address.
    AddressChanged {
        /// The device and the interface (written as `device` and
        /// `interface`): one shared pointer, the interface's port's own.
        #[serde(flatten)]
        at: IfaceRef,
        old: Option<ipnet::Ipv4Net>,
        new: Option<ipnet::Ipv4Net>,
    },
    /// An IPv6 fact of a host or router (issue 16): neighbour cache,
    /// addresses and DAD, routes, router advertisements, ICMPv6 errors.
    Ipv6 { device: Name, event: Box<Ipv6Event> },
    /// `poweroff` / `poweron`.
    PowerChanged { device: Name, on: bool },
    /// A spanning-tree switch's view of the root changed (br_root_selection):
    /// at start it believes it is the root; a better BPDU makes another bridge it.
    StpBridge {
        device: Name,
        /// This bridge's id and the root as it sees it, boxed: inline they
        /// made this variant bigger than a record's 32 bytes (docs/perf.md).
        /// Flattened: the JSON keys are this variant's own (`bridge`, `root`,
        /// `root_name`, `root_port`, `cost`).
        #[serde(flatten)]
        root: Box<StpRoot>,
    },
    /// A spanning-tree port changed role or state (br_port_state_selection,
    /// the forward delay timer, carrier).
    StpPort {
        /// The switch and the port (written as `device` and `port`): one
        /// shared pointer, the port's own.
        #[serde(flatten)]
        at: PortRef,
        role: StpRole,
        state: StpState,
        /// None: the first record of this port.
        old_role: Option<StpRole>,
        old_state: Option<StpState>,
        /// The costs and bridges behind the role, boxed: inline they made this
        /// the biggest variant (63 bytes natively, 47 on wasm; docs/perf.md).
        /// Flattened: the JSON keys are this variant's own, as before.
        #[serde(flatten)]
        costs: Box<StpPortCosts>,
    },
    /// A spanning-tree switch's topology-change flag went on or off: MACs age
    /// after forward delay (15 s) while it is on.
    StpTopologyChange { device: Name, on: bool },
    /// An MTU fact (issue 16): too big to forward, fragmented, reassembled, a path MTU learned.
    Mtu { device: Name, event: Box<MtuEvent> },
    /// The run stopped at its event or work budget while frames kept circulating.
    Storm {
        /// The loop's links and devices and the events processed, boxed:
        /// one event a run, and a record is as big as the biggest variant
        /// (docs/perf.md). Flattened: the JSON keys are this variant's own.
        #[serde(flatten)]
        looped: Box<StormLoop>,
        /// Trace index of the first frame that came round the loop (the same
        /// bytes sent again by the same device on the same link): where the
        /// storm becomes visible.
        first_repeat: u64,
    },
}

/// What an `StpPort` event says beyond the port's role and state.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StpPortCosts {
    /// The bridge's own cost to the root.
    pub root_cost: u32,
    /// The designated bridge of this port's cable (a lab switch), and its id and cost.
    pub designated: Option<Name>,
    pub designated_bridge: BridgeId,
    pub designated_cost: u32,
    /// This bridge's id, and the port's own path cost (from its link's speed).
    pub bridge: BridgeId,
    pub path_cost: u32,
}

/// A `TcpSocket` event's socket: its local address and its peer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct SocketEnds {
    pub local: SocketAddrV4,
    /// None for a listener.
    pub peer: Option<SocketAddrV4>,
}

/// The links and devices of the loop a `Storm` event names.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StormLoop {
    pub links: Vec<String>,
    pub devices: Vec<String>,
    /// Events processed when the run stopped.
    pub events: u64,
}

/// The full trace of a run. Serializes as its events, each [`Numbered`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Trace {
    pub events: Vec<TraceEvent>,
}

impl Serialize for Trace {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Events<'a> {
            #[serde(serialize_with = "numbered")]
            events: &'a [TraceEvent],
        }
        fn numbered<S: Serializer>(events: &&[TraceEvent], s: S) -> Result<S::Ok, S::Error> {
            s.collect_seq(events.iter().enumerate().map(|(i, event)| Numbered::new(i, event)))
        }
        Events { events: &self.events }.serialize(s)
    }
}

/// An event with its number (its index in the trace) first, as `trace.json`
/// and the golden traces print it: `{"seq":3,"time":…,"type":…}`.
#[derive(Serialize)]
pub struct Numbered<'a> {
    pub seq: u64,
    #[serde(flatten)]
    pub event: &'a TraceEvent,
}

impl<'a> Numbered<'a> {
    /// Event `event`, the `index`th of its trace.
    pub fn new(index: usize, event: &'a TraceEvent) -> Numbered<'a> {
        Numbered { seq: index as u64, event }
    }
}

// The browser's record (wasm32: 4-byte pointers, 8-byte times): 32 bytes
// (docs/perf.md). The tests run natively, so this is checked when the wasm
// build compiles.
#[cfg(target_arch = "wasm32")]
const _: () = assert!(std::mem::size_of::<TraceEvent>() <= 32);

#[cfg(test)]
mod size_tests {
    /// `FrameSent` (its hop and its bytes, two pointers) is as big as a
    /// variant may be; a bigger one would grow every record of a storm.
    #[test]
    fn a_record_is_no_bigger_than_a_frame_sent() {
        // 144 until names and ports became thin pointers, the rare variants'
        // bulk went into boxes and `seq` became the position; 40 until
        // `FrameSent` derived its `t_end` from its hop and every variant fit
        // two pointers and 7 bytes (issue 15's trace memory, docs/perf.md).
        // On 64-bit targets (where the tests and benches run).
        let size = std::mem::size_of::<super::TraceEvent>();
        assert!(cfg!(not(target_pointer_width = "64")) || size <= 32, "{size}");
    }
}

#[cfg(test)]
mod json_tests {
    use super::*;

    fn json(kind: EventKind) -> String {
        serde_json::to_string(&TraceEvent { time: SimTime::from_nanos(7), kind }).unwrap()
    }

    /// Boxed and flattened parts write the keys of the variant they came from,
    /// in its order. The golden traces cover the other variants; they have no
    /// VLAN-tagged flush nor a lease without a host name, and a storm's last
    /// event is only in a hashed file.
    #[test]
    fn boxed_variants_write_their_keys_in_order() {
        let mac = MacAddr([2, 0, 0, 0, 0, 1]);
        let flushed = |vlans: Vec<u16>| EventKind::MacFlushed {
            device: "sw1".into(),
            flush: Box::new(MacFlush { port: Some("p1".into()), macs: vec![(mac, "p1".into())], why: FlushCause::Command, vlans }),
        };
        assert_eq!(
            json(flushed(vec![10])),
            r#"{"time":7,"type":"MacFlushed","device":"sw1","port":"p1","macs":[["02:00:00:00:00:01","p1"]],"why":"command","vlans":[10]}"#
        );
        assert_eq!(
            json(flushed(vec![])),
            r#"{"time":7,"type":"MacFlushed","device":"sw1","port":"p1","macs":[["02:00:00:00:00:01","p1"]],"why":"command"}"#
        );
        let storm = EventKind::Storm {
            looped: Box::new(StormLoop { links: vec!["l1".into()], devices: vec!["sw1".into(), "sw2".into()], events: 20_000 }),
            first_repeat: 12,
        };
        assert_eq!(
            json(storm),
            r#"{"time":7,"type":"Storm","links":["l1"],"devices":["sw1","sw2"],"events":20000,"first_repeat":12}"#
        );
        let lease = EventKind::DhcpServerLease {
            device: "r1".into(),
            lease: Box::new(crate::apps::dhcp::server::ServerLease {
                mac,
                address: Ipv4Addr::new(10, 0, 0, 5),
                hostname: None,
                expires: SimTime::from_nanos(9),
            }),
        };
        assert_eq!(
            json(lease),
            r#"{"time":7,"type":"DhcpServerLease","device":"r1","mac":"02:00:00:00:00:01","address":"10.0.0.5","hostname":null,"expires":9}"#
        );
    }
}
