//! The lab file's text form: what the JSON looks like and what the editor
//! edits. Every field a student can type is kept as text here, so a half-typed
//! address survives in the editor; [`Scenario::validate`] reads it once into a
//! [`super::Topology`], naming the exact field that is wrong
//! (`devices[2].interfaces[0].address: …`). `docs/scenario-format.md`
//! documents the format with a full example.

use super::error::ScenarioError;
use super::json::parse_json;
use crate::mac::MacAddr;
use ipnet::Ipv4Net;
use serde::{Deserialize, Serialize};

/// A whole lab: topology, schedule and options.
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Format version; this engine reads version 1.
    #[serde(default = "default_version")]
    pub version: u32,
    #[serde(default)]
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Seeds every random choice (ping identifiers, IP IDs, ARP reachable time).
    #[serde(default)]
    pub seed: u64,
    #[serde(default)]
    pub devices: Vec<DeviceSpec>,
    #[serde(default)]
    pub links: Vec<LinkSpec>,
    #[serde(default)]
    pub commands: Vec<CommandSpec>,
    #[serde(default)]
    pub options: Options,
}

fn default_version() -> u32 {
    1
}

/// What a device is; decides which fields it takes and how it treats frames.
#[derive(Serialize, Deserialize, Clone, Copy, PartialEq, Eq, Debug)]
#[serde(rename_all = "lowercase")]
pub enum DeviceKind {
    /// A Linux end host (ip_forward = 0).
    Host,
    /// Same behaviour as a host; drawn differently.
    Server,
    /// A Linux router (ip_forward = 1).
    Router,
    /// A Linux bridge with STP off.
    Switch,
    /// A repeater: every frame out of every other port.
    Hub,
}

impl DeviceKind {
    /// Hosts, servers and routers have an IP stack and interfaces.
    pub fn has_ip(self) -> bool {
        matches!(
            self,
            DeviceKind::Host | DeviceKind::Server | DeviceKind::Router
        )
    }
    pub fn name(self) -> &'static str {
        match self {
            DeviceKind::Host => "host",
            DeviceKind::Server => "server",
            DeviceKind::Router => "router",
            DeviceKind::Switch => "switch",
            DeviceKind::Hub => "hub",
        }
    }
}

/// One device of the topology.
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug)]
#[serde(deny_unknown_fields)]
pub struct DeviceSpec {
    /// Unique name, used in links, commands and the trace ("pc1", "r2").
    pub id: String,
    pub kind: DeviceKind,
    /// Network interfaces of a host, server or router.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub interfaces: Vec<InterfaceSpec>,
    /// Default gateway (hosts and routers): `ip route add default via …`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gateway: Option<String>,
    /// Static routes (hosts and routers).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub routes: Vec<RouteSpec>,
    /// Number of ports of a switch or hub; they are named `p1` … `pN`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ports: Option<u32>,
    /// Where the UI draws the device (x, y); ignored by the engine.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<[f64; 2]>,
    /// DNS servers (`nameserver` lines of /etc/resolv.conf), in order. A lease
    /// from DHCP replaces them, as dhclient-script rewrites resolv.conf.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dns: Vec<String>,
    /// Static IPv6 routes (issue 16).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub routes6: Vec<Route6Spec>,
    /// Programs serving the network from this router or server (dnsmasq).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub services: Option<ServicesSpec>,
    /// A switch runs the spanning tree (`ip link set br0 type bridge stp_state 1`);
    /// off by default, as on Linux.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub stp: bool,
    /// A spanning-tree switch's bridge priority (0–65535, default 32768):
    /// the lowest bridge id (priority, then MAC) becomes the root.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bridge_priority: Option<u32>,
    /// A switch filters by 802.1Q VLAN (`ip link set br0 type bridge vlan_filtering 1`):
    /// every port is in VLAN 1 (pvid, untagged) unless `vlans` says otherwise.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub vlan_filtering: bool,
    /// Port name → its VLANs (`bridge vlan add dev pN vid V [pvid untagged]`).
    #[serde(default, skip_serializing_if = "crate::vec_map::VecMap::is_empty")]
    pub vlans: crate::vec_map::VecMap<String, PortVlanSpec>,
}

/// The VLANs of one port of a VLAN-filtering switch.
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug, Default)]
#[serde(deny_unknown_fields)]
pub struct PortVlanSpec {
    /// The VLAN of untagged frames: they enter it, and it leaves this port
    /// untagged (an access port's VLAN). Absent: 1, the bridge's default_pvid.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pvid: Option<u32>,
    /// VLANs carried tagged (802.1Q) on this port: a trunk.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tagged: Vec<u32>,
}

/// The services a router or server runs.
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug, Default)]
#[serde(deny_unknown_fields)]
pub struct ServicesSpec {
    /// A DHCP server on one interface (dnsmasq's `dhcp-range`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dhcp: Option<DhcpServiceSpec>,
    /// A DNS server on port 53 (a zone, forwarders, or a recursive stand-in).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dns: Option<DnsServiceSpec>,
    /// A web server (nginx's default site) serving the pages given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub web: Option<WebServiceSpec>,
}

/// A web server: nginx 1.22.1's default site with the lab's pages.
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug, Default)]
#[serde(deny_unknown_fields)]
pub struct WebServiceSpec {
    /// Path → page text, e.g. `"/": "<h1>Hello</h1>"`. A path ending in `/`
    /// is its `index.html`. None given: nginx's "Welcome to nginx!" page.
    #[serde(default, skip_serializing_if = "crate::vec_map::VecMap::is_empty")]
    pub pages: crate::vec_map::VecMap<String, String>,
    /// TCP port it listens on (nginx's `listen`); default 80.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub port: Option<u32>,
}

/// `dhcp-range=POOL_START,POOL_END,LEASE_TIME` with its options.
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug)]
#[serde(deny_unknown_fields)]
pub struct DhcpServiceSpec {
    /// The interface it serves (its address is the server identifier).
    pub interface: String,
    /// First and last address handed out; both in the interface's subnet.
    pub pool_start: String,
    pub pool_end: String,
    /// Option 3 (default gateway); absent: none offered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub router: Option<String>,
    /// Option 6 (DNS servers); absent: none offered.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dns: Vec<String>,
    /// Option 51 in seconds (dnsmasq's default 3600; 120 at least).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lease_time_s: Option<u32>,
    /// Option 15 (domain name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain: Option<String>,
}

/// A DNS server: a zone it answers for, upstreams it forwards the rest to.
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug, Default)]
#[serde(deny_unknown_fields)]
pub struct DnsServiceSpec {
    /// The authoritative zone, e.g. `example.com`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zone: Option<String>,
    /// The zone's records.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub records: Vec<DnsRecordSpec>,
    /// Upstream servers for names outside the zone (dnsmasq `server=`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub forwarders: Vec<String>,
    /// Answers as a public recursive resolver does (RA set, not authoritative).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub recursive: bool,
}

/// One record of a zone: `www A 93.184.216.34` or `web CNAME www.example.com`.
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug)]
#[serde(deny_unknown_fields)]
pub struct DnsRecordSpec {
    /// Full name (`www.example.com`), inside the zone.
    pub name: String,
    /// `A` or `CNAME`.
    #[serde(rename = "type")]
    pub rtype: String,
    /// An IPv4 address (A) or a name (CNAME).
    pub value: String,
    /// Seconds; default 3600.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ttl: Option<u32>,
}

/// A network interface: a port with a MAC and (usually) an IPv4 address.
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug, Default)]
#[serde(deny_unknown_fields)]
pub struct InterfaceSpec {
    /// Port name, e.g. `eth0`; links refer to it.
    pub name: String,
    /// `10.10.10.1/24` or `10.10.10.1 255.255.255.0`; `dhcp` to ask a DHCP
    /// server at start (dhclient); absent for an unconfigured NIC.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// `02:00:00:00:00:01`; absent means derived from the device id and interface name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mac: Option<String>,
    /// `"masquerade"` on a router's outside interface:
    /// `iptables -t nat -A POSTROUTING -o NAME -j MASQUERADE` (source NAT to
    /// this interface's address, with connection tracking); absent: no NAT.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nat: Option<String>,
    /// IPv6 on this interface (issue 16): `"auto"` for a link-local address and
    /// SLAAC from router advertisements, or a static `2001:db8:1::1/64` (`/64`
    /// when no length is given) beside the link-local one. Absent: IPv6 off
    /// (Linux turns IPv6 on everywhere; the lab only where a lab file asks, so
    /// IPv4-only labs run as before).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ipv6: Option<String>,
    /// Router advertisements sent on this interface (radvd), routers only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ra: Option<RaSpec>,
    /// An 802.1Q VLAN subinterface (router on a stick): the interface whose
    /// cable it uses, as `ip link add link eth0 name eth0.10 type vlan id 10`
    /// names it. Given together with `vlan`; such an interface takes no cable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// The subinterface's VLAN id (1–4094): its frames leave `parent` tagged
    /// with it, and tagged frames of this VLAN arriving on `parent` are its.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vlan: Option<u16>,
    /// The link MTU in bytes (`ip link set DEV mtu N`); absent: Ethernet's 1500.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mtu: Option<u32>,
}

/// radvd's settings for one interface (`radvd.conf`'s `interface … { prefix … {} }`).
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug, Default)]
#[serde(deny_unknown_fields)]
pub struct RaSpec {
    /// The advertised prefix, e.g. `2001:db8:1::/64`; absent: the interface's own /64.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefix: Option<String>,
    /// `MaxRtrAdvInterval` in seconds (radvd's default 600; 4–1800).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interval_s: Option<u32>,
    /// `AdvDefaultLifetime` in seconds (default 3 × the interval; 0: not a default router).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lifetime_s: Option<u32>,
    /// `AdvAutonomous` (default on): hosts may build an address from the prefix (SLAAC).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub autonomous: Option<bool>,
}

/// A static IPv6 route: `ip -6 route add PREFIX via VIA [dev DEV] [metric M]`.
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug)]
#[serde(deny_unknown_fields)]
pub struct Route6Spec {
    /// Destination, e.g. `2001:db8:2::/64` (`::/0` for a default route).
    pub prefix: String,
    /// Next hop: an address in one of the device's IPv6 prefixes, or a
    /// link-local `fe80::…` with `dev`.
    pub via: String,
    /// The interface, needed for a link-local next hop.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dev: Option<String>,
    /// Lower wins among routes with the same prefix; default 1024 (Linux's for IPv6).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metric: Option<u32>,
}

/// A static route: `ip route add PREFIX via VIA [metric M]`.
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug)]
#[serde(deny_unknown_fields)]
pub struct RouteSpec {
    /// Destination network, e.g. `8.8.8.0/24` (`0.0.0.0/0` for a default route).
    pub prefix: String,
    /// Next hop; must lie in one of the device's own subnets.
    pub via: String,
    /// Lower wins among routes with the same prefix; default 0.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metric: Option<u32>,
}

/// One end of a cable.
#[derive(Serialize, Deserialize, Clone, PartialEq, Eq, Debug)]
#[serde(deny_unknown_fields)]
pub struct Endpoint {
    pub device: String,
    /// Interface name (`eth0`) or switch/hub port (`p3`).
    pub port: String,
}

/// A full-duplex point-to-point cable between two ports.
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug)]
#[serde(deny_unknown_fields)]
pub struct LinkSpec {
    /// Unique name; the pcap of this link is named after it.
    pub id: String,
    pub a: Endpoint,
    pub b: Endpoint,
    /// One-way propagation delay in microseconds (default 5).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delay_us: Option<u64>,
    /// Bit rate in Mbit/s (default 100).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bandwidth_mbps: Option<f64>,
    /// Frames the cable loses on the way from end `a` to end `b`, counted
    /// from 1 in the order they start from `a` (e.g. `[4]`: the fourth frame
    /// `a` sends never arrives). A lossy cable that always loses the same
    /// frames, so a retransmission shows the same way in every run.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub drop_from_a: Vec<u64>,
    /// The same for frames from end `b` to end `a`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub drop_from_b: Vec<u64>,
}

/// Default one-way propagation delay of a link.
pub const DEFAULT_DELAY_US: u64 = 5;
/// Default bit rate of a link.
pub const DEFAULT_BANDWIDTH_MBPS: f64 = 100.0;

/// A command typed on a device at a given time.
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug)]
#[serde(deny_unknown_fields)]
pub struct CommandSpec {
    /// Start time in milliseconds of simulated time.
    #[serde(default)]
    pub at_ms: u64,
    pub device: String,
    /// `ping -c 3 10.10.10.100` or `traceroute -I -n 8.8.8.8`.
    pub run: String,
}

/// Knobs of a run; every one has a documented default.
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug)]
#[serde(deny_unknown_fields, default)]
pub struct Options {
    /// Pad frames shorter than 60 bytes with zeros, as every Ethernet NIC does
    /// on the wire (the capture of a real sender may show the 42-byte ARP before padding).
    pub pad_short_frames: bool,
    /// Wall-clock second that simulated time 0 stands for (ping's timestamps).
    pub epoch_secs: u64,
    /// Stop after this many processed events (a broadcast storm never ends).
    pub max_events: u64,
    /// Stop when simulated time passes this many milliseconds.
    pub max_time_ms: u64,
    /// Store-and-forward delay of a switch between receiving and sending a frame.
    pub switch_delay_us: u64,
    /// Processing delay of a host or router before it answers or forwards.
    pub host_delay_us: u64,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            pad_short_frames: true,
            epoch_secs: 1_700_000_000,
            max_events: 2_000_000,
            max_time_ms: 3_600_000,
            switch_delay_us: 2,
            host_delay_us: 10,
        }
    }
}

impl Scenario {
    /// Parses and validates a lab file. Never panics, whatever the input.
    pub fn from_json(text: &str) -> Result<Scenario, ScenarioError> {
        let scenario: Scenario = parse_json(text, "scenario")?;
        scenario.validate()?;
        Ok(scenario)
    }

    /// The empty lab: what the file `{}` reads as (version 1, nothing else), made without
    /// reading JSON (the page's first load has no JSON reader for labs, issue 15).
    pub fn empty() -> Scenario {
        Scenario {
            version: default_version(),
            name: String::new(),
            description: String::new(),
            seed: 0,
            devices: Vec::new(),
            links: Vec::new(),
            commands: Vec::new(),
            options: Options::default(),
        }
    }

    /// Reads a lab file without validating it (the callers validate it before it runs: the
    /// editor's import, the exercises' files). Never panics.
    pub fn from_json_unchecked(text: &str) -> Result<Scenario, ScenarioError> {
        parse_json(text, "scenario")
    }

    /// The lab without what a run ignores (positions, name, description): two
    /// labs that strip to the same value run the same.
    pub fn strip(&self) -> Scenario {
        let mut s = self.clone();
        s.name.clear();
        s.description.clear();
        for d in &mut s.devices {
            d.position = None;
        }
        s
    }

    /// Pretty JSON, the format of the files in `scenarios/`.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).expect("a Scenario always serializes")
    }
}

impl InterfaceSpec {
    /// The address as typed, read (`None` when absent). For views of a lab
    /// being edited, which may not validate as a whole.
    pub fn parsed_address(&self) -> Option<Result<Ipv4Net, crate::msg::Msg>> {
        self.address
            .as_deref()
            .filter(|a| !is_dhcp(a))
            .map(super::address::parse_interface_address)
    }

    /// The network (`10.0.0.0/24`) of the address as typed, if it reads: for
    /// views of a lab being edited, such as the editor's subnet colours.
    pub fn subnet(&self) -> Option<Ipv4Net> {
        self.parsed_address()?.ok().map(|n| n.trunc())
    }

    /// The MAC as typed, read: configured or derived from the names, or the
    /// text itself when it does not read as a MAC.
    pub fn typed_mac(&self, device: &str) -> Result<MacAddr, String> {
        match &self.mac {
            Some(t) => MacAddr::parse(t).ok_or_else(|| t.clone()),
            None => Ok(MacAddr::derived(device, &self.name)),
        }
    }

    /// The MAC this interface has on `device`: the configured one if it reads,
    /// else the one derived from the names (as validation assigns it).
    pub fn effective_mac(&self, device: &str) -> MacAddr {
        self.mac
            .as_deref()
            .and_then(MacAddr::parse)
            .unwrap_or_else(|| MacAddr::derived(device, &self.name))
    }
}

/// The port names of a device: interface names, or `p1`…`pN` for a switch or hub.
pub fn device_port_names(dev: &DeviceSpec) -> Vec<String> {
    if dev.kind.has_ip() {
        dev.interfaces.iter().map(|i| i.name.clone()).collect()
    } else {
        (1..=dev.ports.unwrap_or(0).min(1024))
            .map(|n| format!("p{n}"))
            .collect()
    }
}

/// `"dhcp"` (any case, spaces around) in an interface's address field.
pub fn is_dhcp(address: &str) -> bool {
    address.trim().eq_ignore_ascii_case("dhcp")
}

#[cfg(test)]
mod tests {
    use super::Scenario;

    /// `Scenario::empty` is the file `{}` as the JSON reader reads it.
    #[test]
    fn the_empty_lab_is_the_empty_file() {
        assert_eq!(Scenario::empty(), Scenario::from_json_unchecked("{}").unwrap());
        assert_ne!(Scenario::empty(), Scenario::from_json_unchecked(r#"{"name": "x"}"#).unwrap());
    }
}
