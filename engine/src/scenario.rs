//! The lab file: a JSON description of devices, cables and scheduled commands.
//!
//! The same structure is what the web app edits, so every field a student can
//! type is kept as text here and checked by [`Scenario::validate`], which names
//! the exact field that is wrong (`devices[2].interfaces[0].address: …`).
//! `docs/scenario-format.md` documents the format with a full example.

use crate::mac::MacAddr;
use ipnet::Ipv4Net;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::net::Ipv4Addr;

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
}

/// A network interface: a port with a MAC and (usually) an IPv4 address.
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug)]
#[serde(deny_unknown_fields)]
pub struct InterfaceSpec {
    /// Port name, e.g. `eth0`; links refer to it.
    pub name: String,
    /// `10.10.10.1/24` or `10.10.10.1 255.255.255.0`; absent for an unconfigured NIC.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// `02:00:00:00:00:01`; absent means derived from the device id and interface name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mac: Option<String>,
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

/// A mistake in a scenario, with the path of the field at fault.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScenarioError {
    /// e.g. `devices[2].interfaces[0].address`.
    pub path: String,
    /// What is wrong, in words a student understands.
    pub message: String,
}

impl ScenarioError {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> ScenarioError {
        ScenarioError {
            path: path.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

impl std::error::Error for ScenarioError {}

/// A parsed `run` string.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// `ping -c COUNT [-i INTERVAL] TARGET` (iputils).
    Ping {
        count: u32,
        interval_ms: u64,
        target: Ipv4Addr,
    },
    /// `traceroute -I [-n] [-m MAX_TTL] [-q NQUERIES] [-N SIMQUERIES] TARGET` (traceroute 2.1, ICMP).
    Traceroute {
        target: Ipv4Addr,
        max_hops: u8,
        queries: u8,
        sim_queries: u8,
    },
}

impl Command {
    /// Reads a command line; the error says what is wrong with it.
    pub fn parse(line: &str) -> Result<Command, String> {
        let words: Vec<&str> = line.split_whitespace().collect();
        match words.first() {
            Some(&"ping") => parse_ping(&words[1..]),
            Some(&"traceroute") => parse_traceroute(&words[1..]),
            Some(other) => Err(format!(
                "unknown command `{other}` (this lab runs `ping` and `traceroute`)"
            )),
            None => Err("empty command".into()),
        }
    }
}

fn parse_target(word: Option<&&str>, usage: &str) -> Result<Ipv4Addr, String> {
    let word = word.ok_or_else(|| format!("missing destination address; usage: {usage}"))?;
    word.parse::<Ipv4Addr>()
        .map_err(|_| format!("{word} is not an IPv4 address (names are not resolved in this lab)"))
}

fn parse_ping(args: &[&str]) -> Result<Command, String> {
    const USAGE: &str = "ping -c COUNT [-i SECONDS] ADDRESS";
    let mut count = None;
    let mut interval_ms = 1000;
    let mut target = None;
    let mut i = 0;
    while i < args.len() {
        match args[i] {
            "-c" => {
                let v = args.get(i + 1).ok_or("-c needs a count")?;
                let n: u32 = v
                    .parse()
                    .map_err(|_| format!("-c needs a whole number, not {v}"))?;
                if !(1..=10_000).contains(&n) {
                    return Err(format!("-c {n} is out of range (1–10000)"));
                }
                count = Some(n);
                i += 2;
            }
            "-i" => {
                let v = args.get(i + 1).ok_or("-i needs an interval in seconds")?;
                let s: f64 = v
                    .parse()
                    .map_err(|_| format!("-i needs a number of seconds, not {v}"))?;
                if !(0.002..=3600.0).contains(&s) {
                    return Err(format!("-i {v} is out of range (0.002–3600 s)"));
                }
                interval_ms = (s * 1000.0).round() as u64;
                i += 2;
            }
            flag if flag.starts_with('-') => {
                return Err(format!("unsupported ping option {flag}; usage: {USAGE}"));
            }
            word => {
                if target.is_some() {
                    return Err(format!("unexpected argument {word}; usage: {USAGE}"));
                }
                target = Some(parse_target(Some(&word), USAGE)?);
                i += 1;
            }
        }
    }
    let count = count
        .ok_or_else(|| format!("ping needs -c COUNT here (a lab run must end); usage: {USAGE}"))?;
    let target = target.ok_or_else(|| format!("missing destination address; usage: {USAGE}"))?;
    Ok(Command::Ping {
        count,
        interval_ms,
        target,
    })
}

fn parse_traceroute(args: &[&str]) -> Result<Command, String> {
    const USAGE: &str = "traceroute -I -n ADDRESS";
    let mut icmp = false;
    let mut max_hops = 30u8;
    let mut queries = 3u8;
    let mut sim_queries = 16u8;
    let mut target = None;
    let mut i = 0;
    let number =
        |i: usize, flag: &str, range: std::ops::RangeInclusive<u8>| -> Result<u8, String> {
            let v = args
                .get(i + 1)
                .ok_or_else(|| format!("{flag} needs a number"))?;
            let n: u8 = v
                .parse()
                .map_err(|_| format!("{flag} needs a whole number, not {v}"))?;
            if !range.contains(&n) {
                return Err(format!(
                    "{flag} {n} is out of range ({}–{})",
                    range.start(),
                    range.end()
                ));
            }
            Ok(n)
        };
    while i < args.len() {
        match args[i] {
            "-I" | "--icmp" => {
                icmp = true;
                i += 1;
            }
            "-n" => i += 1,
            "-In" | "-nI" => {
                icmp = true;
                i += 1;
            }
            "-m" => {
                max_hops = number(i, "-m", 1..=255)?;
                i += 2;
            }
            "-q" => {
                queries = number(i, "-q", 1..=10)?;
                i += 2;
            }
            "-N" => {
                sim_queries = number(i, "-N", 1..=255)?;
                i += 2;
            }
            flag if flag.starts_with('-') => {
                return Err(format!(
                    "unsupported traceroute option {flag}; usage: {USAGE}"
                ));
            }
            word => {
                if target.is_some() {
                    return Err(format!("unexpected argument {word}; usage: {USAGE}"));
                }
                target = Some(parse_target(Some(&word), USAGE)?);
                i += 1;
            }
        }
    }
    if !icmp {
        return Err(format!(
            "only ICMP traceroute is modelled: add -I; usage: {USAGE}"
        ));
    }
    let target = target.ok_or_else(|| format!("missing destination address; usage: {USAGE}"))?;
    Ok(Command::Traceroute {
        target,
        max_hops,
        queries,
        sim_queries,
    })
}

/// Reads `10.0.0.1/24` or `10.0.0.1 255.255.255.0` into an interface address.
pub fn parse_interface_address(text: &str) -> Result<Ipv4Net, String> {
    let text = text.trim();
    let (ip_text, prefix) = if let Some((ip, len)) = text.split_once('/') {
        let len = len.trim();
        let prefix: u32 = len.parse().map_err(|_| {
            format!("{text} is not an IPv4 address with a prefix length like 10.0.0.1/24")
        })?;
        if prefix > 32 {
            return Err(format!("prefix /{prefix} is out of range (0–32)"));
        }
        (ip.trim(), prefix as u8)
    } else if let Some((ip, mask)) = text.split_once(char::is_whitespace) {
        let mask_addr: Ipv4Addr = mask
            .trim()
            .parse()
            .map_err(|_| format!("{} is not a netmask like 255.255.255.0", mask.trim()))?;
        let m = u32::from(mask_addr);
        if m.leading_ones() + m.trailing_zeros() != 32 {
            return Err(format!(
                "{mask_addr} is not a valid netmask (its one bits must come first)"
            ));
        }
        (ip.trim(), m.leading_ones() as u8)
    } else {
        if text.parse::<Ipv4Addr>().is_ok() {
            return Err(format!(
                "{text} has no prefix length; write it like {text}/24"
            ));
        }
        return Err(format!("{text} is not an IPv4 address"));
    };
    let ip: Ipv4Addr = ip_text
        .parse()
        .map_err(|_| format!("{text} is not an IPv4 address"))?;
    let net =
        Ipv4Net::new(ip, prefix).map_err(|_| format!("prefix /{prefix} is out of range (0–32)"))?;
    if prefix < 31 && (ip == net.network() || ip == net.broadcast()) {
        let which = if ip == net.network() {
            "network"
        } else {
            "broadcast"
        };
        return Err(format!(
            "{ip} is the {which} address of {}, not a host address",
            net.trunc()
        ));
    }
    if ip.is_unspecified() || ip.is_multicast() || ip.is_broadcast() || ip.is_loopback() {
        return Err(format!("{ip} cannot be an interface address"));
    }
    Ok(net)
}

/// Reads a route destination like `8.8.8.0/24`; host bits must be zero.
pub fn parse_prefix(text: &str) -> Result<Ipv4Net, String> {
    let text = text.trim();
    let Some((ip, len)) = text.split_once('/') else {
        return Err(format!("{text} is not a network like 10.1.0.0/16"));
    };
    let ip: Ipv4Addr = ip
        .trim()
        .parse()
        .map_err(|_| format!("{text} is not a network like 10.1.0.0/16"))?;
    let len: u8 = len
        .trim()
        .parse()
        .map_err(|_| format!("{text} is not a network like 10.1.0.0/16"))?;
    if len > 32 {
        return Err(format!("prefix /{len} is out of range (0–32)"));
    }
    let net = Ipv4Net::new(ip, len).map_err(|_| format!("prefix /{len} is out of range (0–32)"))?;
    if net.trunc() != net {
        return Err(format!(
            "{text} has host bits set; did you mean {}?",
            net.trunc()
        ));
    }
    Ok(net)
}

fn parse_ip(text: &str) -> Result<Ipv4Addr, String> {
    text.trim()
        .parse()
        .map_err(|_| format!("{} is not an IPv4 address", text.trim()))
}

/// Deserializes `text` as a `T`, naming the field at fault in the error (`devices[1].kind`);
/// problems with the document as a whole are reported at `root`. Never panics.
pub(crate) fn parse_json<T: serde::de::DeserializeOwned>(
    text: &str,
    root: &str,
) -> Result<T, ScenarioError> {
    let mut de = serde_json::Deserializer::from_str(text);
    let value: T = serde_path_to_error::deserialize(&mut de).map_err(|err| {
        let path = err.path().to_string();
        let path = if path == "." || path == "?" {
            root.to_string()
        } else {
            path
        };
        ScenarioError::new(path, err.into_inner().to_string())
    })?;
    de.end()
        .map_err(|e| ScenarioError::new(root, e.to_string()))?;
    Ok(value)
}

impl Scenario {
    /// Parses and validates a lab file. Never panics, whatever the input.
    pub fn from_json(text: &str) -> Result<Scenario, ScenarioError> {
        let scenario: Scenario = parse_json(text, "scenario")?;
        scenario.validate()?;
        Ok(scenario)
    }

    /// Pretty JSON, the format of the files in `scenarios/`.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).expect("a Scenario always serializes")
    }

    /// The label of each command, in order: `"pc1: ping -c 3 10.10.10.100"`.
    /// A label used twice gets ` (2)`, ` (3)` … so every command's output has its own key.
    pub fn command_labels(&self) -> Vec<String> {
        let mut seen: BTreeMap<String, u32> = BTreeMap::new();
        self.commands
            .iter()
            .map(|c| {
                let base = format!(
                    "{}: {}",
                    c.device,
                    c.run.split_whitespace().collect::<Vec<_>>().join(" ")
                );
                let n = seen.entry(base.clone()).or_insert(0);
                *n += 1;
                if *n == 1 {
                    base
                } else {
                    format!("{base} ({n})")
                }
            })
            .collect()
    }

    /// Checks everything the engine relies on; the first problem found is returned.
    pub fn validate(&self) -> Result<(), ScenarioError> {
        if self.version != 1 {
            return Err(ScenarioError::new(
                "version",
                format!(
                    "unsupported version {} (this engine reads version 1)",
                    self.version
                ),
            ));
        }
        let mut ids: BTreeMap<&str, usize> = BTreeMap::new();
        let mut ips: BTreeMap<Ipv4Addr, String> = BTreeMap::new();
        let mut macs: BTreeMap<MacAddr, String> = BTreeMap::new();
        for (d, dev) in self.devices.iter().enumerate() {
            let at = format!("devices[{d}]");
            if dev.id.trim().is_empty() {
                return Err(ScenarioError::new(
                    format!("{at}.id"),
                    "a device needs a name",
                ));
            }
            if dev.id.trim() != dev.id || dev.id.contains(':') {
                return Err(ScenarioError::new(
                    format!("{at}.id"),
                    format!(
                        "\"{}\" may not contain ':' or start or end with spaces",
                        dev.id
                    ),
                ));
            }
            if let Some(first) = ids.insert(dev.id.as_str(), d) {
                return Err(ScenarioError::new(
                    format!("{at}.id"),
                    format!("duplicate device id \"{}\" (also devices[{first}])", dev.id),
                ));
            }
            if dev.kind.has_ip() {
                self.validate_ip_device(d, dev, &mut ips, &mut macs)?;
            } else {
                let kind = dev.kind.name();
                if !dev.interfaces.is_empty() {
                    return Err(ScenarioError::new(
                        format!("{at}.interfaces"),
                        format!("a {kind} has ports, not interfaces: use \"ports\": N"),
                    ));
                }
                if dev.gateway.is_some() {
                    return Err(ScenarioError::new(
                        format!("{at}.gateway"),
                        format!("a {kind} has no IP address and no gateway"),
                    ));
                }
                if !dev.routes.is_empty() {
                    return Err(ScenarioError::new(
                        format!("{at}.routes"),
                        format!("a {kind} does not route"),
                    ));
                }
                match dev.ports {
                    None => {
                        return Err(ScenarioError::new(
                            format!("{at}.ports"),
                            format!("a {kind} needs a number of ports"),
                        ));
                    }
                    Some(n) if !(1..=1024).contains(&n) => {
                        return Err(ScenarioError::new(
                            format!("{at}.ports"),
                            format!("{n} ports is out of range (1–1024)"),
                        ));
                    }
                    _ => {}
                }
            }
        }
        self.validate_links()?;
        for (c, cmd) in self.commands.iter().enumerate() {
            let at = format!("commands[{c}]");
            let Some(&d) = ids.get(cmd.device.as_str()) else {
                return Err(ScenarioError::new(
                    format!("{at}.device"),
                    format!("no device \"{}\"", cmd.device),
                ));
            };
            if !self.devices[d].kind.has_ip() {
                return Err(ScenarioError::new(
                    format!("{at}.device"),
                    format!(
                        "{} is a {}; commands run on hosts, servers and routers",
                        cmd.device,
                        self.devices[d].kind.name()
                    ),
                ));
            }
            Command::parse(&cmd.run).map_err(|m| ScenarioError::new(format!("{at}.run"), m))?;
            if cmd.at_ms > self.options.max_time_ms {
                return Err(ScenarioError::new(
                    format!("{at}.at_ms"),
                    format!(
                        "{} ms is after the end of the run (options.max_time_ms = {})",
                        cmd.at_ms, self.options.max_time_ms
                    ),
                ));
            }
        }
        if self.options.max_events == 0 {
            return Err(ScenarioError::new(
                "options.max_events",
                "must be at least 1",
            ));
        }
        Ok(())
    }

    fn validate_ip_device(
        &self,
        d: usize,
        dev: &DeviceSpec,
        ips: &mut BTreeMap<Ipv4Addr, String>,
        macs: &mut BTreeMap<MacAddr, String>,
    ) -> Result<(), ScenarioError> {
        let at = format!("devices[{d}]");
        if dev.ports.is_some() {
            return Err(ScenarioError::new(
                format!("{at}.ports"),
                format!("a {} has interfaces, not numbered ports", dev.kind.name()),
            ));
        }
        let mut names = BTreeSet::new();
        let mut nets = Vec::new();
        for (i, iface) in dev.interfaces.iter().enumerate() {
            let at = format!("{at}.interfaces[{i}]");
            let name = iface.name.trim();
            if name.is_empty() || name != iface.name {
                return Err(ScenarioError::new(
                    format!("{at}.name"),
                    "an interface needs a name like eth0, without spaces",
                ));
            }
            if !names.insert(name) {
                return Err(ScenarioError::new(
                    format!("{at}.name"),
                    format!("{} already has an interface named {name}", dev.id),
                ));
            }
            if let Some(text) = &iface.address {
                let net = parse_interface_address(text)
                    .map_err(|m| ScenarioError::new(format!("{at}.address"), m))?;
                if let Some(owner) = ips.insert(net.addr(), format!("{}/{}", dev.id, name)) {
                    return Err(ScenarioError::new(
                        format!("{at}.address"),
                        format!("duplicate IP address {} (also on {owner})", net.addr()),
                    ));
                }
                nets.push(net);
            }
            let mac = match &iface.mac {
                Some(text) => {
                    let mac = MacAddr::parse(text).ok_or_else(|| {
                        ScenarioError::new(
                            format!("{at}.mac"),
                            format!("{text} is not a MAC address like 02:00:00:00:00:01"),
                        )
                    })?;
                    if mac.is_multicast() || mac == MacAddr::ZERO {
                        return Err(ScenarioError::new(
                            format!("{at}.mac"),
                            format!("{mac} is not a unicast MAC address"),
                        ));
                    }
                    mac
                }
                None => MacAddr::derived(&dev.id, name),
            };
            if let Some(owner) = macs.insert(mac, format!("{}/{}", dev.id, name)) {
                return Err(ScenarioError::new(
                    format!("{at}.mac"),
                    format!("duplicate MAC address {mac} (also on {owner})"),
                ));
            }
        }
        let on_link = |gw: Ipv4Addr| nets.iter().any(|n| n.contains(&gw));
        let own = |gw: Ipv4Addr| nets.iter().any(|n| n.addr() == gw);
        let describe_nets = || {
            if nets.is_empty() {
                "it has no addressed interface".to_string()
            } else {
                format!(
                    "its subnets: {}",
                    nets.iter()
                        .map(|n| n.trunc().to_string())
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            }
        };
        if let Some(text) = &dev.gateway {
            let gw = parse_ip(text).map_err(|m| ScenarioError::new(format!("{at}.gateway"), m))?;
            if own(gw) {
                return Err(ScenarioError::new(
                    format!("{at}.gateway"),
                    format!("{gw} is {}'s own address", dev.id),
                ));
            }
            if !on_link(gw) {
                return Err(ScenarioError::new(
                    format!("{at}.gateway"),
                    format!(
                        "gateway {gw} is not in any of {}'s subnets ({}), so it cannot be reached",
                        dev.id,
                        describe_nets()
                    ),
                ));
            }
        }
        for (r, route) in dev.routes.iter().enumerate() {
            let at = format!("{at}.routes[{r}]");
            parse_prefix(&route.prefix)
                .map_err(|m| ScenarioError::new(format!("{at}.prefix"), m))?;
            let via =
                parse_ip(&route.via).map_err(|m| ScenarioError::new(format!("{at}.via"), m))?;
            if own(via) {
                return Err(ScenarioError::new(
                    format!("{at}.via"),
                    format!("{via} is {}'s own address", dev.id),
                ));
            }
            if !on_link(via) {
                return Err(ScenarioError::new(
                    format!("{at}.via"),
                    format!(
                        "next hop {via} is not in any of {}'s subnets ({})",
                        dev.id,
                        describe_nets()
                    ),
                ));
            }
        }
        Ok(())
    }

    fn validate_links(&self) -> Result<(), ScenarioError> {
        let mut link_ids: BTreeMap<&str, usize> = BTreeMap::new();
        let mut used: BTreeMap<(String, String), String> = BTreeMap::new();
        for (l, link) in self.links.iter().enumerate() {
            let at = format!("links[{l}]");
            if link.id.trim().is_empty() {
                return Err(ScenarioError::new(
                    format!("{at}.id"),
                    "a link needs a name",
                ));
            }
            if link.id.contains(['/', '\\']) || link.id.trim() != link.id {
                return Err(ScenarioError::new(
                    format!("{at}.id"),
                    format!("\"{}\" may not contain / or \\ or surrounding spaces (it names a pcap file)", link.id),
                ));
            }
            if let Some(first) = link_ids.insert(link.id.as_str(), l) {
                return Err(ScenarioError::new(
                    format!("{at}.id"),
                    format!("duplicate link id \"{}\" (also links[{first}])", link.id),
                ));
            }
            for (side, end) in [("a", &link.a), ("b", &link.b)] {
                let Some(dev) = self.devices.iter().find(|d| d.id == end.device) else {
                    return Err(ScenarioError::new(
                        format!("{at}.{side}.device"),
                        format!("no device \"{}\"", end.device),
                    ));
                };
                let ports = device_port_names(dev);
                if !ports.contains(&end.port) {
                    let list = if ports.is_empty() {
                        "none".to_string()
                    } else {
                        abbreviate(&ports)
                    };
                    return Err(ScenarioError::new(
                        format!("{at}.{side}.port"),
                        format!(
                            "{} has no port \"{}\" (its ports: {list})",
                            dev.id, end.port
                        ),
                    ));
                }
                let key = (end.device.clone(), end.port.clone());
                if let Some(other) = used.insert(key, link.id.clone()) {
                    return Err(ScenarioError::new(
                        format!("{at}.{side}"),
                        format!(
                            "port {}/{} is already used by link \"{other}\"",
                            end.device, end.port
                        ),
                    ));
                }
            }
            if let Some(delay) = link.delay_us {
                if delay > 10_000_000 {
                    return Err(ScenarioError::new(
                        format!("{at}.delay_us"),
                        format!("{delay} µs is more than 10 s"),
                    ));
                }
            }
            if let Some(bw) = link.bandwidth_mbps {
                if !(bw.is_finite() && (0.001..=400_000.0).contains(&bw)) {
                    return Err(ScenarioError::new(
                        format!("{at}.bandwidth_mbps"),
                        format!("{bw} Mbit/s is out of range (0.001–400000)"),
                    ));
                }
            }
        }
        Ok(())
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

fn abbreviate(names: &[String]) -> String {
    if names.len() <= 6 {
        names.join(", ")
    } else {
        format!("{} … {}", names[..3].join(", "), names[names.len() - 1])
    }
}
