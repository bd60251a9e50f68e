//! The lab as facts: what [`Scenario::validate`](super::Scenario::validate)
//! returns, and what the simulation, the diagnosis, the exercise checks and
//! predict read. Addresses are `Ipv4Net`/`Ipv4Addr`, MACs are [`MacAddr`],
//! commands are typed, times are [`SimTime`] and every cross-reference (a
//! cable's ends, a command's device) is an index. Nothing downstream of this
//! type parses a string.
//!
//! Indices follow the text form's order: `devices[i]` here is `devices[i]` in
//! the file, and so are interfaces, routes, links and commands, so a field path
//! (`devices[2].routes[1]`) can be built from them.

use super::command::Command;
use super::text::{DeviceKind, Options};
use crate::mac::MacAddr;
use crate::time::SimTime;
use ipnet::Ipv4Net;
use std::net::Ipv4Addr;

/// A validated lab. Only [`Scenario::validate`](super::Scenario::validate)
/// makes one (`non_exhaustive`), so its indices are in range and its numbers
/// within [`limits`].
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Topology {
    pub name: String,
    /// Seeds every random choice (ping identifiers, IP IDs, ARP reachable time).
    pub seed: u64,
    pub devices: Vec<Device>,
    pub links: Vec<Link>,
    pub commands: Vec<ScheduledCommand>,
    pub options: RunOptions,
}

/// One device.
#[derive(Clone, Debug, PartialEq)]
pub struct Device {
    pub id: String,
    pub kind: DeviceKind,
    /// Interfaces of a host, server or router (empty for a switch or hub).
    pub interfaces: Vec<Interface>,
    /// Default gateway, on one of the device's subnets.
    pub gateway: Option<Ipv4Addr>,
    /// Static routes, in file order; every next hop is on one of the device's subnets.
    pub routes: Vec<Route>,
    /// Static IPv6 routes.
    pub routes6: Vec<Route6>,
    /// Port names in port order: the interface names, or `p1` … `pN`.
    pub ports: Vec<String>,
    /// resolv.conf's `nameserver` lines until a DHCP lease brings its own.
    pub nameservers: Vec<Ipv4Addr>,
    /// A DHCP server (dnsmasq) on one of the interfaces.
    pub dhcp_server: Option<DhcpService>,
    /// A DNS server on port 53.
    pub dns_server: Option<DnsService>,
    /// A web server.
    pub web_server: Option<WebService>,
    /// A switch running the spanning tree.
    pub stp: bool,
    /// Its bridge priority (32768 unless the lab says otherwise).
    pub bridge_priority: u16,
    /// An 802.1Q VLAN-filtering switch: each port's VLANs, in port order.
    pub vlans: Option<Vec<PortVlan>>,
}

/// One port's VLANs on a VLAN-filtering switch.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PortVlan {
    /// The VLAN untagged frames enter, which also leaves untagged (1–4094).
    pub pvid: u16,
    /// VLANs carried tagged, sorted, without the pvid.
    pub tagged: Vec<u16>,
}

impl PortVlan {
    /// The port is a member of `vid`.
    pub fn member(&self, vid: u16) -> bool {
        self.pvid == vid || self.tagged.binary_search(&vid).is_ok()
    }
}

/// A web server's settings.
#[derive(Clone, Debug, PartialEq)]
pub struct WebService {
    /// 1 … 65535.
    pub port: u16,
    /// Path (starting with '/', a directory's `index.html` spelled out) → body.
    pub pages: crate::vec_map::VecMap<String, String>,
}

/// A DHCP server's settings, checked against its interface.
#[derive(Clone, Debug, PartialEq)]
pub struct DhcpService {
    /// Interface index; the interface has a static address.
    pub interface: usize,
    pub pool_start: Ipv4Addr,
    pub pool_end: Ipv4Addr,
    pub router: Option<Ipv4Addr>,
    pub dns: Vec<Ipv4Addr>,
    /// Seconds (120 … 31 536 000).
    pub lease_time: u32,
    pub domain: Option<String>,
}

/// A DNS server's settings.
#[derive(Clone, Debug, PartialEq)]
pub struct DnsService {
    /// Zone origin (lower case, no trailing dot) and its records.
    pub zone: Option<String>,
    pub records: Vec<DnsRecord>,
    pub forwarders: Vec<Ipv4Addr>,
    pub recursive: bool,
}

/// One zone record.
#[derive(Clone, Debug, PartialEq)]
pub struct DnsRecord {
    /// Lower case, no trailing dot.
    pub name: String,
    pub data: DnsRecordData,
    pub ttl: u32,
}

/// What a zone record holds.
#[derive(Clone, Debug, PartialEq)]
pub enum DnsRecordData {
    A(Ipv4Addr),
    Cname(String),
}

impl Device {
    /// Every configured address with its prefix, in interface order.
    pub fn addresses(&self) -> impl Iterator<Item = Ipv4Net> + '_ {
        self.interfaces.iter().filter_map(|i| i.address)
    }
    /// The port index of a port name.
    pub fn port(&self, name: &str) -> Option<usize> {
        self.ports.iter().position(|p| p == name)
    }
}

/// A network interface.
#[derive(Clone, Debug, PartialEq)]
pub struct Interface {
    pub name: String,
    /// Address and prefix length (host bits kept: `10.0.0.1/24`).
    pub address: Option<Ipv4Net>,
    /// `"dhcp"`: no address at start; dhclient asks for one.
    pub dhcp: bool,
    /// Configured, or derived from the device id and interface name.
    pub mac: MacAddr,
    /// MASQUERADE on this (outside) interface of a router; the interface has
    /// a fixed address.
    pub masquerade: bool,
    /// IPv6 is on here (issue 16); None: off.
    pub ipv6: Option<Ipv6Config>,
    /// The link MTU in bytes: 1500 unless the lab file sets it.
    pub mtu: u32,
    /// A VLAN subinterface (8021q): its parent and VLAN id; None for a NIC.
    pub vlan: Option<VlanOf>,
}

/// What makes an interface a VLAN subinterface (`eth0.10`): the parent
/// interface whose cable it shares and the VLAN id its frames are tagged with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VlanOf {
    /// Index of the parent in the device's interfaces (a NIC, never another subinterface).
    pub parent: usize,
    /// 1–4094.
    pub vid: u16,
}

/// An interface's IPv6 settings (scenario/ipv6.rs reads them).
#[derive(Clone, Debug, PartialEq)]
pub struct Ipv6Config {
    /// A static address beside the link-local one; None: `"auto"`.
    pub address: Option<ipnet::Ipv6Net>,
    /// radvd on this interface (routers).
    pub ra: Option<RaConfig>,
}

/// radvd's settings, with radvd 2.19's defaults filled in.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RaConfig {
    pub prefix: ipnet::Ipv6Net,
    /// MaxRtrAdvInterval, seconds.
    pub interval_s: u32,
    /// AdvDefaultLifetime, seconds.
    pub lifetime_s: u32,
    /// AdvAutonomous.
    pub autonomous: bool,
}

/// A static IPv6 route.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Route6 {
    pub prefix: ipnet::Ipv6Net,
    pub via: std::net::Ipv6Addr,
    /// The interface index the next hop is on.
    pub iface: usize,
    pub metric: u32,
}

/// A static route: `ip route add PREFIX via VIA metric METRIC`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Route {
    pub prefix: Ipv4Net,
    pub via: Ipv4Addr,
    pub metric: u32,
}

/// One end of a cable: device index and port index within it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct PortEnd {
    pub device: usize,
    pub port: usize,
}

/// A cable.
#[derive(Clone, Debug, PartialEq)]
pub struct Link {
    pub id: String,
    pub a: PortEnd,
    pub b: PortEnd,
    /// One-way propagation delay (at most 10 s).
    pub delay: SimTime,
    /// Serialisation time of one byte in picoseconds (8 000 000 / Mbit/s, at least 1).
    pub ps_per_byte: u64,
    /// Frame numbers (from 1) lost from end a to b, and from b to a.
    pub drop: [crate::vec_map::VecSet<u64>; 2],
}

/// A command at its start time.
#[derive(Clone, Debug, PartialEq)]
pub struct ScheduledCommand {
    pub at: SimTime,
    /// Index into `devices` (a host, server or router).
    pub device: usize,
    pub command: Command,
    /// `"pc1: ping -c 3 10.10.10.100"`; a label used twice gets ` (2)`, ` (3)` …,
    /// so every command's output has its own key.
    pub label: String,
}

/// The run's knobs, range-checked and in simulated time.
#[derive(Clone, Debug, PartialEq)]
pub struct RunOptions {
    pub pad_short_frames: bool,
    /// Wall-clock second that simulated time 0 stands for (ping's timestamps).
    pub epoch_secs: u64,
    pub max_events: u64,
    pub max_time: SimTime,
    pub switch_delay: SimTime,
    pub host_delay: SimTime,
}

pub use super::limits;

impl RunOptions {
    pub(crate) fn from_checked(o: &Options) -> RunOptions {
        RunOptions {
            pad_short_frames: o.pad_short_frames,
            epoch_secs: o.epoch_secs,
            max_events: o.max_events,
            max_time: crate::time::SimTime::from_millis(o.max_time_ms),
            switch_delay: crate::time::SimTime::from_micros(o.switch_delay_us),
            host_delay: crate::time::SimTime::from_micros(o.host_delay_us),
        }
    }
}

impl Topology {
    /// The index of a device by id.
    pub fn device_index(&self, id: &str) -> Option<usize> {
        self.devices.iter().position(|d| d.id == id)
    }

    /// The device and interface that own `ip`.
    pub fn owner_of(&self, ip: Ipv4Addr) -> Option<(usize, usize)> {
        self.devices.iter().enumerate().find_map(|(d, dev)| {
            dev.interfaces
                .iter()
                .position(|i| i.address.is_some_and(|n| n.addr() == ip))
                .map(|i| (d, i))
        })
    }

    /// The device and interface that own a MAC (the NIC, where VLAN
    /// subinterfaces share its MAC).
    pub fn mac_owner(&self, mac: MacAddr) -> Option<(usize, usize)> {
        self.devices.iter().enumerate().find_map(|(d, dev)| {
            dev.interfaces
                .iter()
                .position(|i| i.mac == mac && i.vlan.is_none())
                .map(|i| (d, i))
        })
    }

    /// The same lab with `commands` instead of its own (an exercise check's
    /// traffic). Each is checked as validation checks a file's commands; the
    /// error's path is `commands[i]…`.
    pub fn with_commands(
        &self,
        commands: Vec<(u64, usize, Command, String)>,
    ) -> Result<Topology, super::ScenarioError> {
        let mut t = Topology {
            commands: Vec::new(),
            ..self.clone()
        };
        let mut labels = super::validate::Labels::default();
        for (c, (at_ms, device, command, run)) in commands.into_iter().enumerate() {
            super::validate::check_command_time(c, at_ms, &self.options)?;
            let label = labels.next(&self.devices[device].id, &run);
            t.commands.push(ScheduledCommand {
                at: SimTime::from_millis(at_ms),
                device,
                command,
                label,
            });
        }
        Ok(t)
    }
}
