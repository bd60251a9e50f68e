//! Replaying the tables: every ARP table, MAC table and routing table as it
//! was after a given event ([`Trace::state_at`]), and snapshots every N events
//! for stepping backwards through a long trace ([`Trace::state_index`]).

use super::facts::{LeaseInfo, LookupOutcome, RouteEntry, SocketState};
use super::{EventKind, MacFlush, Trace};
use crate::apps::dhcp::server::ServerLease;
use crate::mac::MacAddr;
use crate::neighbor::NudState;
use serde::Serialize;
use crate::vec_map::VecMap;
use std::net::{Ipv4Addr, SocketAddrV4};

/// One ARP table row as `ip neigh` shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NeighborRow {
    pub mac: Option<MacAddr>,
    pub state: NudState,
}

/// A MAC table row's key: the VLAN the MAC was learned in (on a
/// VLAN-filtering switch, whose table is per VLAN: the same MAC may be in two
/// VLANs, a router on a stick's is) and the MAC. Ordered by VLAN, then MAC.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct MacKey {
    pub vlan: Option<u16>,
    pub mac: MacAddr,
}

impl MacKey {
    /// The key of `mac` learned without VLANs.
    pub fn plain(mac: MacAddr) -> MacKey {
        MacKey { vlan: None, mac }
    }
}

/// The MAC tables as JSON: `MAC → port` per switch, the form of labs
/// without VLANs; a MAC learned in several VLANs (a router on a stick's) is
/// `"MAC vlan N"`, once per VLAN, so no key repeats.
fn mac_tables_json<S: serde::Serializer>(tables: &VecMap<String, VecMap<MacKey, String>>, s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    struct Table<'a>(&'a VecMap<MacKey, String>);
    impl Serialize for Table<'_> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut m = s.serialize_map(Some(self.0.len()))?;
            for (k, port) in self.0.iter() {
                let twice = self.0.iter().filter(|(o, _)| o.mac == k.mac).count() > 1;
                match k.vlan {
                    Some(v) if twice => m.serialize_entry(&format!("{} vlan {v}", k.mac), port)?,
                    _ => m.serialize_entry(&k.mac.to_string(), port)?,
                }
            }
            m.end()
        }
    }
    let mut m = s.serialize_map(Some(tables.len()))?;
    for (device, table) in tables.iter() {
        m.serialize_entry(device, &Table(table))?;
    }
    m.end()
}

/// Every table of every device at one point of the trace.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct NetworkState {
    /// device → interface → IP → entry.
    pub neighbors: VecMap<String, VecMap<String, VecMap<Ipv4Addr, NeighborRow>>>,
    /// switch → (VLAN, MAC) → port.
    #[serde(serialize_with = "mac_tables_json")]
    pub mac_tables: VecMap<String, VecMap<MacKey, String>>,
    /// device → routing table.
    pub routes: VecMap<String, Vec<RouteEntry>>,
    /// DHCP client leases: device → interface → lease.
    #[serde(skip_serializing_if = "VecMap::is_empty")]
    pub dhcp_client_leases: VecMap<String, VecMap<String, LeaseInfo>>,
    /// DHCP server lease tables: device → address → row.
    #[serde(skip_serializing_if = "VecMap::is_empty")]
    pub dhcp_server_leases: VecMap<String, VecMap<Ipv4Addr, DhcpLeaseRow>>,
    /// The resolver's last answer per device and name.
    #[serde(skip_serializing_if = "VecMap::is_empty")]
    pub dns_answers: VecMap<String, VecMap<String, LookupOutcome>>,
    /// NAT routers' conntrack tables (`conntrack -L`): device → rows in the
    /// order of their original tuples.
    #[serde(skip_serializing_if = "VecMap::is_empty")]
    pub conntrack: VecMap<String, Vec<super::ConntrackRow>>,
    /// TCP sockets per device, as `ss -tan` lists them (listeners and
    /// connections in the order they were created).
    #[serde(skip_serializing_if = "VecMap::is_empty")]
    pub sockets: VecMap<String, Vec<SocketRow>>,
    /// Ports that are down (set down, no carrier, or powered off): device → ports, in order
    /// (sorted `Vec`s rather than sets: no new `BTreeSet` code in the wasm, issue 15).
    #[serde(skip_serializing_if = "VecMap::is_empty")]
    pub down: VecMap<String, Vec<String>>,
    /// Spanning-tree switches' STP tables (issue 14).
    #[serde(skip_serializing_if = "VecMap::is_empty")]
    pub stp: VecMap<String, super::StpTable>,
    /// Devices that are powered off, in order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub powered_off: Vec<String>,
    /// IPv6 (issue 16): device → interface → IPv6 address → NDP entry (`ip -6 neigh`).
    #[serde(skip_serializing_if = "VecMap::is_empty")]
    pub neighbors6: VecMap<String, VecMap<String, VecMap<std::net::Ipv6Addr, NeighborRow>>>,
    /// device → IPv6 routing table (`ip -6 route`).
    #[serde(skip_serializing_if = "VecMap::is_empty")]
    pub routes6: VecMap<String, Vec<super::Route6Entry>>,
    /// device → interface → IPv6 addresses with their origin and DAD state (`ip -6 addr`).
    #[serde(skip_serializing_if = "VecMap::is_empty")]
    pub addrs6: VecMap<String, VecMap<String, Vec<Addr6Row>>>,
    /// The time of the last event applied (for remaining lifetimes; not a table).
    #[serde(skip)]
    pub now: crate::time::SimTime,
}

/// One IPv6 address of an interface, as `ip -6 addr` shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Addr6Row {
    pub address: ipnet::Ipv6Net,
    pub origin: super::AddrOrigin,
    pub state: super::AddrState,
    /// A SLAAC address: when a router advertisement last gave or refreshed it.
    #[serde(skip)]
    pub heard: Option<crate::time::SimTime>,
}

/// radvd's AdvValidLifetime and AdvPreferredLifetime, the prefix lifetimes
/// the lab's routers advertise (radvd.conf(5) defaults: 86400 s and 14400 s).
pub const RA_VALID_LIFETIME_S: u64 = 86_400;
pub const RA_PREFERRED_LIFETIME_S: u64 = 14_400;

impl Addr6Row {
    /// `ip -6 addr`'s `valid_lft` and `preferred_lft` at `now`, in whole
    /// seconds left; None: forever (link-local and static addresses).
    pub fn lifetimes(&self, now: crate::time::SimTime) -> Option<(u64, u64)> {
        let heard = self.heard?;
        let gone = now.as_nanos().saturating_sub(heard.as_nanos()) / 1_000_000_000;
        Some((RA_VALID_LIFETIME_S.saturating_sub(gone), RA_PREFERRED_LIFETIME_S.saturating_sub(gone)))
    }

    /// The lifetimes as `ip -6 addr` prints them.
    pub fn lifetimes_text(&self, now: crate::time::SimTime) -> String {
        match self.lifetimes(now) {
            Some((v, p)) => format!("valid_lft {v}sec preferred_lft {p}sec"),
            None => "valid_lft forever preferred_lft forever".into(),
        }
    }
}

/// One row of `ss -tan`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SocketRow {
    pub state: SocketState,
    pub local: SocketAddrV4,
    /// None for a listener (`0.0.0.0:*`).
    pub peer: Option<SocketAddrV4>,
}

/// One row of a DHCP server's lease table (dnsmasq.leases).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DhcpLeaseRow {
    pub mac: MacAddr,
    pub hostname: Option<String>,
    pub expires: crate::time::SimTime,
}

impl NetworkState {
    /// Applies one event: its time, then its table change.
    pub fn apply_event(&mut self, event: &super::TraceEvent) {
        self.now = event.time;
        self.apply(&event.kind);
    }

    /// Applies one event's table change, if it has one.
    pub fn apply(&mut self, kind: &EventKind) {
        match kind {
            EventKind::RoutesInstalled { device, routes } => {
                self.routes.insert(device.to_string(), routes.to_vec());
            }
            EventKind::NeighborChanged { at, ip, mac, new, .. } => {
                let (device, interface) = (&at.device, at.interface());
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
            EventKind::MacLearned { at, mac, .. } => {
                self.mac_tables
                    .entry(at.device.to_string())
                    .or_default()
                    .insert(MacKey { vlan: at.vlan, mac: *mac }, at.port.to_string());
            }
            EventKind::DhcpLeaseObtained { at, lease, .. } => {
                let (device, interface) = (&at.device, at.interface());
                self.dhcp_client_leases
                    .entry(device.to_string())
                    .or_default()
                    .insert(interface.to_string(), LeaseInfo::clone(lease));
            }
            EventKind::DhcpLeaseExpired { at, .. } | EventKind::DhcpLeaseReleased { at, .. } => {
                let (device, interface) = (&at.device, at.interface());
                if let Some(t) = self.dhcp_client_leases.get_mut(device.as_str()) {
                    t.remove(interface.as_str());
                }
            }
            EventKind::DhcpServerLease { device, lease } => {
                let ServerLease { mac, address, hostname, expires } = &**lease;
                let table = self.dhcp_server_leases.entry(device.to_string()).or_default();
                table.retain(|_, r| r.mac != *mac);
                table.insert(*address, DhcpLeaseRow { mac: *mac, hostname: hostname.clone(), expires: *expires });
            }
            EventKind::DhcpServerRelease { device, address, .. } => {
                if let Some(t) = self.dhcp_server_leases.get_mut(device.as_str()) {
                    t.remove(address);
                }
            }
            EventKind::DnsLookup { device, lookup, .. } => {
                self.dns_answers
                    .entry(device.to_string())
                    .or_default()
                    .insert(lookup.name.clone(), lookup.outcome.clone());
            }
            EventKind::NatTranslated { at, rewrite, .. } => {
                let device = &at.device;
                let entry = &rewrite.entry;
                let rows = self.conntrack.entry(device.to_string()).or_default();
                let key = (&entry.interface, entry.original);
                match rows.binary_search_by(|r| (&r.interface, r.original).cmp(&key)) {
                    Ok(i) => rows[i] = super::ConntrackRow::clone(entry),
                    Err(i) => rows.insert(i, super::ConntrackRow::clone(entry)),
                }
            }
            EventKind::ConntrackExpired { device, entry } => {
                if let Some(rows) = self.conntrack.get_mut(device.as_str()) {
                    rows.retain(|r| !(r.interface == entry.interface && r.original == entry.original));
                    if rows.is_empty() {
                        self.conntrack.remove(device.as_str());
                    }
                }
            }
            EventKind::TcpSocket { device, ends, new, .. } => {
                let super::SocketEnds { local, peer } = &**ends;
                let rows = self.sockets.entry(device.to_string()).or_default();
                let at = rows.iter().position(|r| r.local == *local && r.peer == *peer);
                match (at, new) {
                    (Some(i), Some(state)) => rows[i].state = *state,
                    (None, Some(state)) => rows.push(SocketRow { state: *state, local: *local, peer: *peer }),
                    (Some(i), None) => {
                        rows.remove(i);
                    }
                    (None, None) => {}
                }
                if rows.is_empty() {
                    self.sockets.remove(device.as_str());
                }
            }
            EventKind::MacFlushed { device, flush, .. } => {
                let MacFlush { macs, vlans, .. } = &**flush;
                if let Some(table) = self.mac_tables.get_mut(device.as_str()) {
                    for (i, (mac, _)) in macs.iter().enumerate() {
                        table.remove(&MacKey { vlan: vlans.get(i).copied(), mac: *mac });
                    }
                }
            }
            EventKind::NeighborFlushed { at, ips, .. } => {
                let (device, interface) = (&at.device, at.interface());
                if let Some(table) = self.neighbors.get_mut(device.as_str()).and_then(|t| t.get_mut(interface.as_str())) {
                    for ip in ips.iter() {
                        table.remove(ip);
                    }
                }
            }
            EventKind::StpBridge { device, root } => {
                let bridge = &root.bridge;
                let t = self.stp.entry(device.to_string()).or_insert_with(|| super::StpTable {
                    bridge: *bridge,
                    root: root.id,
                    root_port: None,
                    cost: 0,
                    topology_change: false,
                    ports: Vec::new(),
                });
                t.bridge = *bridge;
                t.root = root.id;
                t.root_port = root.port.as_ref().map(|p| p.to_string());
                t.cost = root.cost;
            }
            EventKind::StpPort { at, role, state, .. } => {
                let (device, port) = (&at.device, &at.port);
                if let Some(t) = self.stp.get_mut(device.as_str()) {
                    match t.ports.iter_mut().find(|p| p.0 == port.as_str()) {
                        Some(p) => (p.1, p.2) = (*role, *state),
                        None => t.ports.push((port.to_string(), *role, *state)),
                    }
                }
            }
            EventKind::StpTopologyChange { device, on } => {
                if let Some(t) = self.stp.get_mut(device.as_str()) {
                    t.topology_change = *on;
                }
            }
            EventKind::LinkChanged { at, up, .. } => {
                let (device, port) = (&at.device, &at.port);
                let ports = self.down.entry(device.to_string()).or_default();
                set_member(ports, port.as_str(), !*up);
                if ports.is_empty() {
                    self.down.remove(device.as_str());
                }
            }
            EventKind::PowerChanged { device, on } => {
                set_member(&mut self.powered_off, device.as_str(), !*on);
                if !*on {
                    // Everything the device knew is gone with its memory.
                    self.dhcp_client_leases.remove(device.as_str());
                    self.dns_answers.remove(device.as_str());
                    self.conntrack.remove(device.as_str());
                    self.sockets.remove(device.as_str());
                    self.dhcp_server_leases.remove(device.as_str());
                }
            }
            EventKind::Ipv6 { device, event } => self.apply6(device.as_str(), event),
            EventKind::MacAged { at, mac } => {
                if let Some(table) = self.mac_tables.get_mut(at.device.as_str()) {
                    table.remove(&MacKey { vlan: at.vlan, mac: *mac });
                }
            }
            _ => {}
        }
    }
}

impl NetworkState {
    fn apply6(&mut self, device: &str, event: &super::Ipv6Event) {
        use super::Ipv6Event as E;
        match event {
            E::Neighbor { interface, ip, mac, new, .. } => {
                self.neighbors6
                    .entry(device.to_string())
                    .or_default()
                    .entry(interface.to_string())
                    .or_default()
                    .insert(*ip, NeighborRow { mac: *mac, state: *new });
            }
            E::Routes { routes } => {
                self.routes6.insert(device.to_string(), routes.clone());
            }
            E::Down { interface } => {
                for table in [&mut self.neighbors6] {
                    if let Some(t) = table.get_mut(device) {
                        t.remove(interface.as_str());
                    }
                }
                if let Some(t) = self.addrs6.get_mut(device) {
                    t.remove(interface.as_str());
                }
            }
            E::NeighborsFlushed { interface, .. } => {
                if let Some(t) = self.neighbors6.get_mut(device) {
                    t.remove(interface.as_str());
                }
            }
            E::AddressRemoved { interface, address } => {
                if let Some(list) = self.addrs6.get_mut(device).and_then(|t| t.get_mut(interface.as_str())) {
                    list.retain(|r| r.address != *address);
                }
            }
            E::Address { interface, address, origin, state } => {
                let now = self.now;
                let list = self.addrs6.entry(device.to_string()).or_default().entry(interface.to_string()).or_default();
                let heard = (*origin == super::AddrOrigin::Slaac).then_some(now);
                let row = Addr6Row { address: *address, origin: *origin, state: *state, heard };
                match list.iter_mut().find(|r| r.address == *address) {
                    Some(r) => *r = Addr6Row { heard: r.heard.or(heard), ..row },
                    None => list.push(row),
                }
            }
            E::RouterAdvert { interface, prefix: Some(p), outcome: super::SlaacOutcome::Refreshed, .. } => {
                let now = self.now;
                if let Some(list) = self.addrs6.get_mut(device).and_then(|t| t.get_mut(interface.as_str())) {
                    for r in list.iter_mut().filter(|r| r.origin == super::AddrOrigin::Slaac && r.address.trunc() == *p) {
                        r.heard = Some(now);
                    }
                }
            }
            _ => {}
        }
    }
}

/// Puts `item` in the sorted `list` (or takes it out).
fn set_member(list: &mut Vec<String>, item: &str, member: bool) {
    match (list.binary_search_by(|x| x.as_str().cmp(item)), member) {
        (Err(i), true) => list.insert(i, item.to_string()),
        (Ok(i), false) => {
            list.remove(i);
        }
        _ => {}
    }
}

impl Trace {
    /// Every table exactly as it was after event `index` (clamped to the last
    /// event). O(index): it folds the table-change events from the start.
    pub fn state_at(&self, index: usize) -> NetworkState {
        let mut state = NetworkState::default();
        let end = index.saturating_add(1).min(self.events.len());
        for event in &self.events[..end] {
            state.apply_event(event);
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
            state.apply_event(event);
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
            state.apply_event(event);
        }
        state
    }
}
