//! Validation: the one reading of a lab's text into a [`Topology`]. It checks
//! everything the engine relies on and returns the first problem with its
//! field path, its message and its [`ErrorKind`].

use super::address::{parse_interface_address, parse_ipv4, parse_prefix};
use super::command::Command;
use super::error::{kind_word, ErrorKind, ScenarioError};
use crate::msg;
use crate::msg::Msg;
use super::text::{
    device_port_names, is_dhcp, DeviceSpec, Options, Scenario, DEFAULT_BANDWIDTH_MBPS, DEFAULT_DELAY_US,
};
use super::topology::{
    limits, Device, Interface, Link, PortEnd, Route, RunOptions, ScheduledCommand, Topology,
};
use crate::mac::MacAddr;
use crate::time::SimTime;
use ipnet::Ipv4Net;
use crate::vec_map::{VecMap, VecSet};
use std::net::Ipv4Addr;

type Result<T> = std::result::Result<T, ScenarioError>;

fn err<T>(kind: ErrorKind, path: impl Into<String>, message: Msg) -> Result<T> {
    Err(ScenarioError::of(kind, path, message))
}

/// Command labels: `"pc1: ping -c 3 10.10.10.100"`, the second identical one
/// with ` (2)`, and so on.
#[derive(Default)]
pub(crate) struct Labels {
    seen: VecMap<String, u32>,
}

impl Labels {
    pub(crate) fn next(&mut self, device: &str, run: &str) -> String {
        let base = format!(
            "{device}: {}",
            run.split_whitespace().collect::<Vec<_>>().join(" ")
        );
        let n = self.seen.entry(base.clone()).or_insert(0);
        *n += 1;
        if *n == 1 {
            base
        } else {
            format!("{base} ({n})")
        }
    }
}

/// A command may not start after the end of the run.
pub(crate) fn check_command_time(c: usize, at_ms: u64, options: &RunOptions) -> Result<()> {
    if SimTime::from_millis(at_ms) > options.max_time {
        return err(
            ErrorKind::OutOfRange,
            format!("commands[{c}].at_ms"),
            msg!(
                "invalid-command-after-end",
                at = at_ms.to_string(),
                max = (options.max_time.as_nanos() / 1_000_000).to_string()
            ),
        );
    }
    Ok(())
}

impl Scenario {
    /// Checks everything the engine relies on and returns the lab as typed
    /// facts; the first problem found is returned instead.
    pub fn validate(&self) -> Result<Topology> {
        if self.version != 1 {
            return err(
                ErrorKind::UnsupportedVersion,
                "version",
                msg!("invalid-version", version = self.version.to_string()),
            );
        }
        limits::check_lab_size(self)?;
        let mut ids: VecMap<&str, usize> = VecMap::new();
        let mut ips: VecMap<Ipv4Addr, String> = VecMap::new();
        let mut macs: VecMap<MacAddr, String> = VecMap::new();
        let mut ips6: VecMap<std::net::Ipv6Addr, String> = VecMap::new();
        let mut devices = Vec::with_capacity(self.devices.len());
        for (d, dev) in self.devices.iter().enumerate() {
            let at = format!("devices[{d}]");
            if dev.id.trim().is_empty() {
                return err(
                    ErrorKind::BadName,
                    format!("{at}.id"),
                    msg!("invalid-device-needs-name"),
                );
            }
            if dev.id.trim() != dev.id || dev.id.contains(':') {
                return err(
                    ErrorKind::BadName,
                    format!("{at}.id"),
                    msg!("invalid-device-id-chars", id = &dev.id),
                );
            }
            if let Some(first) = ids.insert(dev.id.as_str(), d) {
                return err(
                    ErrorKind::BadName,
                    format!("{at}.id"),
                    msg!("invalid-duplicate-device-id", id = &dev.id, first = first.to_string()),
                );
            }
            let device = if dev.kind.has_ip() {
                validate_ip_device(d, dev, &mut ips, &mut macs, &mut ips6)?
            } else {
                validate_bridge(&at, dev)?
            };
            devices.push(device);
        }
        let links = self.validate_links(&ids, &devices)?;
        let options = validate_options(&self.options)?;
        let mut commands = Vec::with_capacity(self.commands.len());
        let mut labels = Labels::default();
        for (c, cmd) in self.commands.iter().enumerate() {
            let at = format!("commands[{c}]");
            let Some(&d) = ids.get(cmd.device.as_str()) else {
                return err(
                    ErrorKind::UnknownReference,
                    format!("{at}.device"),
                    no_device(&cmd.device),
                );
            };
            let command = Command::parse(&cmd.run)
                .map_err(|m| ScenarioError::of(ErrorKind::BadCommand, format!("{at}.run"), m))?;
            match &command {
                // A configuration change names an interface or port of its device.
                Command::Config(c) => c
                    .check(&devices[d])
                    .map_err(|m| ScenarioError::of(ErrorKind::BadCommand, format!("{at}.run"), m))?,
                // ping -I IFACE: SO_BINDTODEVICE fails on a name the host does not have.
                Command::Ping { opts: super::command::PingOpts { bind: Some(super::command::PingBind::Device(dev)), .. }, .. }
                    if self.devices[d].kind.has_ip() && !devices[d].ports.iter().any(|p| p == dev) =>
                {
                    return err(
                        ErrorKind::BadCommand,
                        format!("{at}.run"),
                        msg!(
                            "invalid-ping-bind-device",
                            dev = dev,
                            device = &cmd.device,
                            ports = devices[d].ports.join(", ")
                        ),
                    );
                }
                _ if !self.devices[d].kind.has_ip() => {
                    return err(
                        ErrorKind::WrongForKind,
                        format!("{at}.device"),
                        msg!("invalid-program-on-bridge", device = &cmd.device, kind = kind_word(self.devices[d].kind)),
                    );
                }
                _ => {}
            }
            check_command_time(c, cmd.at_ms, &options)?;
            commands.push(ScheduledCommand {
                at: SimTime::from_millis(cmd.at_ms),
                device: d,
                command,
                label: labels.next(&cmd.device, &cmd.run),
            });
        }
        if self.options.max_events == 0 {
            return err(
                ErrorKind::OutOfRange,
                "options.max_events",
                msg!("invalid-at-least-one"),
            );
        }
        Ok(Topology {
            name: self.name.clone(),
            seed: self.seed,
            devices,
            links,
            commands,
            options,
        })
    }

    fn validate_links(&self, ids: &VecMap<&str, usize>, devices: &[Device]) -> Result<Vec<Link>> {
        let mut link_ids: VecMap<&str, usize> = VecMap::new();
        let mut used: VecMap<PortEnd, String> = VecMap::new();
        let mut links = Vec::with_capacity(self.links.len());
        // Each device's interfaces by name, built once: a cable end is found in
        // O(log n), not by a scan of the device's ports (issue 19). One map per
        // device, of the type `ids` already is (no new code in the wasm).
        let mut interfaces: Vec<VecMap<&str, usize>> = Vec::with_capacity(devices.len());
        for dev in devices {
            let mut names = VecMap::new();
            for (i, f) in dev.interfaces.iter().enumerate() {
                names.insert(f.name.as_str(), i);
            }
            interfaces.push(names);
        }
        for (l, link) in self.links.iter().enumerate() {
            let at = format!("links[{l}]");
            if link.id.trim().is_empty() {
                return err(
                    ErrorKind::BadName,
                    format!("{at}.id"),
                    msg!("invalid-link-needs-name"),
                );
            }
            if link.id.contains(['/', '\\']) || link.id.trim() != link.id {
                return err(
                    ErrorKind::BadName,
                    format!("{at}.id"),
                    msg!("invalid-link-id-chars", id = &link.id),
                );
            }
            if let Some(first) = link_ids.insert(link.id.as_str(), l) {
                return err(
                    ErrorKind::BadName,
                    format!("{at}.id"),
                    msg!("invalid-duplicate-link-id", id = &link.id, first = first.to_string()),
                );
            }
            let mut ends = [PortEnd { device: 0, port: 0 }; 2];
            for (k, (side, end)) in [("a", &link.a), ("b", &link.b)].into_iter().enumerate() {
                let Some(&d) = ids.get(end.device.as_str()) else {
                    return err(
                        ErrorKind::UnknownReference,
                        format!("{at}.{side}.device"),
                        no_device(&end.device),
                    );
                };
                let dev = &devices[d];
                let port = if dev.kind.has_ip() {
                    interfaces[d].get(end.port.as_str()).copied()
                } else {
                    bridge_port(&end.port, dev.ports.len())
                };
                if let Some(v) = port.and_then(|p| dev.interfaces.get(p)).and_then(|i| i.vlan) {
                    return err(
                        ErrorKind::WrongForKind,
                        format!("{at}.{side}.port"),
                        msg!(
                            "invalid-cable-on-subinterface",
                            device = &dev.id,
                            port = &end.port,
                            parent = &dev.interfaces[v.parent].name,
                            vlan = v.vid.to_string()
                        ),
                    );
                }
                let Some(port) = port else {
                    let message = if dev.ports.is_empty() {
                        msg!("invalid-no-port-none", device = &dev.id, port = &end.port)
                    } else {
                        msg!("invalid-no-port-list", device = &dev.id, port = &end.port, ports = abbreviate(&dev.ports))
                    };
                    return err(ErrorKind::UnknownReference, format!("{at}.{side}.port"), message);
                };
                let key = PortEnd { device: d, port };
                if let Some(other) = used.insert(key, link.id.clone()) {
                    return err(
                        ErrorKind::PortInUse,
                        format!("{at}.{side}"),
                        msg!("invalid-port-in-use", port = format!("{}/{}", end.device, end.port), link = other),
                    );
                }
                ends[k] = key;
            }
            let delay_us = link.delay_us.unwrap_or(DEFAULT_DELAY_US);
            if delay_us > limits::MAX_LINK_DELAY_US {
                return err(
                    ErrorKind::OutOfRange,
                    format!("{at}.delay_us"),
                    msg!("invalid-link-delay", value = delay_us.to_string()),
                );
            }
            let mbps = link.bandwidth_mbps.unwrap_or(DEFAULT_BANDWIDTH_MBPS);
            if !(mbps.is_finite() && (0.001..=400_000.0).contains(&mbps)) {
                return err(
                    ErrorKind::OutOfRange,
                    format!("{at}.bandwidth_mbps"),
                    msg!("invalid-bandwidth", value = mbps.to_string()),
                );
            }
            let mut drop = [crate::vec_map::VecSet::new(), crate::vec_map::VecSet::new()];
            for (k, (field, list)) in [("drop_from_a", &link.drop_from_a), ("drop_from_b", &link.drop_from_b)].into_iter().enumerate() {
                if list.len() > MAX_DROPS {
                    return err(
                        ErrorKind::OutOfRange,
                        format!("{at}.{field}"),
                        msg!("invalid-too-many-drops", count = list.len(), max = MAX_DROPS),
                    );
                }
                for (j, &n) in list.iter().enumerate() {
                    if n == 0 {
                        return err(
                            ErrorKind::OutOfRange,
                            format!("{at}.{field}[{j}]"),
                            msg!("invalid-drop-zero"),
                        );
                    }
                    if !drop[k].insert(n) {
                        return err(
                            ErrorKind::Other,
                            format!("{at}.{field}[{j}]"),
                            msg!("invalid-drop-twice", frame = n.to_string()),
                        );
                    }
                }
            }
            links.push(Link {
                drop,
                id: link.id.clone(),
                a: ends[0],
                b: ends[1],
                delay: SimTime::from_micros(delay_us),
                // At most 8e9 ps (0.001 Mbit/s): a 1,538-byte frame takes
                // 12.3 s, far from wrapping.
                ps_per_byte: (8_000_000.0 / mbps).round().max(1.0) as u64,
            });
        }
        Ok(links)
    }
}

/// Frame numbers one direction of a cable may list as lost.
const MAX_DROPS: usize = 1000;

/// Every option that reaches time arithmetic has an upper bound (see [`limits`]).
fn validate_options(o: &Options) -> Result<RunOptions> {
    let checks = [
        (
            "options.max_time_ms",
            o.max_time_ms,
            limits::MAX_TIME_MS,
            "ms",
        ),
        (
            "options.switch_delay_us",
            o.switch_delay_us,
            limits::MAX_DEVICE_DELAY_US,
            "µs",
        ),
        (
            "options.host_delay_us",
            o.host_delay_us,
            limits::MAX_DEVICE_DELAY_US,
            "µs",
        ),
        (
            "options.epoch_secs",
            o.epoch_secs,
            limits::MAX_EPOCH_SECS,
            "s",
        ),
    ];
    for (path, value, max, unit) in checks {
        if value > max {
            return err(
                ErrorKind::OutOfRange,
                path,
                msg!("invalid-option-range", value = value.to_string(), max = max.to_string(), unit = unit),
            );
        }
    }
    Ok(RunOptions::from_checked(o))
}

/// A switch or hub: numbered ports, nothing else.
fn validate_bridge(at: &str, dev: &DeviceSpec) -> Result<Device> {
    let kind = || kind_word(dev.kind);
    if !dev.interfaces.is_empty() {
        return err(
            ErrorKind::WrongForKind,
            format!("{at}.interfaces"),
            msg!("invalid-bridge-interfaces", kind = kind()),
        );
    }
    if dev.gateway.is_some() {
        return err(
            ErrorKind::WrongForKind,
            format!("{at}.gateway"),
            msg!("invalid-bridge-gateway", kind = kind()),
        );
    }
    if !dev.routes6.is_empty() {
        return err(ErrorKind::WrongForKind, format!("{at}.routes6"), msg!("invalid-bridge-routes", kind = kind()));
    }
    if !dev.routes.is_empty() {
        return err(
            ErrorKind::WrongForKind,
            format!("{at}.routes"),
            msg!("invalid-bridge-routes", kind = kind()),
        );
    }
    if !dev.dns.is_empty() {
        return err(
            ErrorKind::WrongForKind,
            format!("{at}.dns"),
            msg!("invalid-bridge-dns", kind = kind()),
        );
    }
    if dev.services.is_some() {
        return err(
            ErrorKind::WrongForKind,
            format!("{at}.services"),
            msg!("invalid-bridge-services", kind = kind()),
        );
    }
    match dev.ports {
        None => {
            return err(
                ErrorKind::WrongForKind,
                format!("{at}.ports"),
                msg!("invalid-bridge-needs-ports", kind = kind()),
            );
        }
        Some(n) if !(1..=limits::MAX_PORTS_PER_DEVICE as u32).contains(&n) => {
            return err(
                ErrorKind::OutOfRange,
                format!("{at}.ports"),
                msg!("invalid-ports-range", count = n, max = limits::MAX_PORTS_PER_DEVICE),
            );
        }
        _ => {}
    }
    if dev.kind != super::text::DeviceKind::Switch && dev.stp {
        return err(
            ErrorKind::WrongForKind,
            format!("{at}.stp"),
            msg!("invalid-hub-stp", kind = kind()),
        );
    }
    if dev.bridge_priority.is_some() && !dev.stp {
        return err(
            ErrorKind::WrongForKind,
            format!("{at}.bridge_priority"),
            msg!("invalid-priority-needs-stp"),
        );
    }
    let bridge_priority = match dev.bridge_priority {
        None => crate::l2::stp::DEFAULT_PRIORITY,
        Some(p) if p <= u16::MAX as u32 => p as u16,
        Some(p) => {
            return err(
                ErrorKind::OutOfRange,
                format!("{at}.bridge_priority"),
                msg!("invalid-priority-range", value = p.to_string()),
            );
        }
    };
    Ok(Device {
        id: dev.id.clone(),
        kind: dev.kind,
        interfaces: Vec::new(),
        gateway: None,
        routes: Vec::new(),
        routes6: Vec::new(),
        ports: device_port_names(dev),
        nameservers: Vec::new(),
        dhcp_server: None,
        dns_server: None,
        web_server: None,
        stp: dev.stp,
        bridge_priority,
        vlans: validate_vlans(at, dev)?,
    })
}

fn validate_ip_device(
    d: usize,
    dev: &DeviceSpec,
    ips: &mut VecMap<Ipv4Addr, String>,
    macs: &mut VecMap<MacAddr, String>,
    ips6: &mut VecMap<std::net::Ipv6Addr, String>,
) -> Result<Device> {
    let at = format!("devices[{d}]");
    if dev.ports.is_some() {
        return err(
            ErrorKind::WrongForKind,
            format!("{at}.ports"),
            msg!("invalid-ip-device-ports", kind = kind_word(dev.kind)),
        );
    }
    if dev.stp || dev.bridge_priority.is_some() || dev.vlan_filtering || !dev.vlans.is_empty() {
        let field = if dev.stp {
            "stp"
        } else if dev.bridge_priority.is_some() {
            "bridge_priority"
        } else if dev.vlan_filtering {
            "vlan_filtering"
        } else {
            "vlans"
        };
        return err(
            ErrorKind::WrongForKind,
            format!("{at}.{field}"),
            msg!("invalid-ip-device-bridging", kind = kind_word(dev.kind)),
        );
    }
    let mut names = VecSet::new();
    let mut nets: Vec<Ipv4Net> = Vec::new();
    let mut interfaces = Vec::with_capacity(dev.interfaces.len());
    for (i, iface) in dev.interfaces.iter().enumerate() {
        let at = format!("{at}.interfaces[{i}]");
        let name = iface.name.trim();
        if name.is_empty() || name != iface.name {
            return err(
                ErrorKind::BadName,
                format!("{at}.name"),
                msg!("invalid-interface-name"),
            );
        }
        if !names.insert(name) {
            return err(
                ErrorKind::BadName,
                format!("{at}.name"),
                msg!("invalid-duplicate-interface", device = &dev.id, name = name),
            );
        }
        let mut address = None;
        let dhcp = iface.address.as_deref().is_some_and(is_dhcp);
        if let Some(text) = iface.address.as_ref().filter(|_| !dhcp) {
            let net = parse_interface_address(text).map_err(|m| {
                ScenarioError::of(ErrorKind::BadAddress, format!("{at}.address"), m)
            })?;
            if let Some(owner) = ips.insert(net.addr(), format!("{}/{}", dev.id, name)) {
                return err(
                    ErrorKind::DuplicateAddress {
                        address: net.addr(),
                        also_on: owner.clone(),
                    },
                    format!("{at}.address"),
                    msg!("invalid-duplicate-ip", ip = net.addr(), owner = owner),
                );
            }
            nets.push(net);
            address = Some(net);
        }
        if iface.parent.is_some() != iface.vlan.is_some() {
            let (field, missing) = if iface.vlan.is_some() { ("vlan", "parent") } else { ("parent", "vlan") };
            return err(
                ErrorKind::Other,
                format!("{at}.{field}"),
                msg!("invalid-subinterface-incomplete", missing = missing),
            );
        }
        if iface.parent.is_some() && iface.mac.is_some() {
            // vlan_dev_init copies the real device's address; the lab keeps it so.
            return err(
                ErrorKind::WrongForKind,
                format!("{at}.mac"),
                msg!("invalid-subinterface-mac", name = name),
            );
        }
        let mac = match &iface.mac {
            Some(text) => {
                let Some(mac) = MacAddr::parse(text) else {
                    return err(
                        ErrorKind::BadAddress,
                        format!("{at}.mac"),
                        msg!("invalid-not-mac", value = text),
                    );
                };
                if mac.is_multicast() || mac == MacAddr::ZERO {
                    return err(
                        ErrorKind::BadAddress,
                        format!("{at}.mac"),
                        msg!("invalid-not-unicast-mac", mac = mac),
                    );
                }
                mac
            }
            None => MacAddr::derived(&dev.id, name),
        };
        if iface.parent.is_some() {
            // A subinterface's MAC is its parent's, filled in below.
        } else if let Some(owner) = macs.insert(mac, format!("{}/{}", dev.id, name)) {
            return err(
                ErrorKind::DuplicateMac {
                    also_on: owner.clone(),
                },
                format!("{at}.mac"),
                msg!("invalid-duplicate-mac", mac = mac, owner = owner),
            );
        }
        let masquerade = super::services::validate_nat(&at, dev, iface, address, dhcp)?;
        let ipv6 = super::ipv6::validate_interface(&at, dev, iface, ips6)?;
        let mtu = super::ipv6::validate_mtu(&at, iface)?;
        interfaces.push(Interface {
            name: name.to_string(),
            address,
            dhcp,
            mac,
            masquerade,
            ipv6,
            vlan: None,
            mtu,
        });
    }
    validate_subinterfaces(&at, dev, &mut interfaces)?;
    let subnets = Subnets::new(&nets);
    let on_link = |gw: Ipv4Addr| subnets.contains(gw);
    let own = |gw: Ipv4Addr| subnets.owns(gw);
    let describe_nets = || {
        if nets.is_empty() {
            msg!("invalid-no-subnets")
        } else {
            msg!(
                "invalid-subnets",
                subnets = nets.iter().map(|n| n.trunc().to_string()).collect::<Vec<_>>().join(", ")
            )
        }
    };
    let mut gateway = None;
    if let Some(text) = &dev.gateway {
        let gw = parse_ipv4(text)
            .map_err(|m| ScenarioError::of(ErrorKind::BadAddress, format!("{at}.gateway"), m))?;
        if own(gw) {
            return err(
                ErrorKind::OwnAddress {
                    device: d,
                    address: gw,
                },
                format!("{at}.gateway"),
                msg!("invalid-own-address", ip = gw, device = &dev.id),
            );
        }
        if !on_link(gw) {
            return err(
                ErrorKind::GatewayOffLink {
                    device: d,
                    gateway: gw,
                    subnets: nets.iter().map(|n| n.trunc()).collect(),
                },
                format!("{at}.gateway"),
                msg!("invalid-gateway-off-link", gateway = gw, device = &dev.id, subnets = describe_nets()),
            );
        }
        gateway = Some(gw);
    }
    let mut routes = Vec::with_capacity(dev.routes.len());
    for (r, route) in dev.routes.iter().enumerate() {
        let at = format!("{at}.routes[{r}]");
        let prefix = parse_prefix(&route.prefix)
            .map_err(|m| ScenarioError::of(ErrorKind::BadAddress, format!("{at}.prefix"), m))?;
        let via = parse_ipv4(&route.via)
            .map_err(|m| ScenarioError::of(ErrorKind::BadAddress, format!("{at}.via"), m))?;
        if own(via) {
            return err(
                ErrorKind::OwnAddress {
                    device: d,
                    address: via,
                },
                format!("{at}.via"),
                msg!("invalid-own-address", ip = via, device = &dev.id),
            );
        }
        if !on_link(via) {
            return err(
                ErrorKind::NextHopOffLink { device: d, via },
                format!("{at}.via"),
                msg!("invalid-next-hop-off-link", via = via, device = &dev.id, subnets = describe_nets()),
            );
        }
        routes.push(Route {
            prefix,
            via,
            metric: route.metric.unwrap_or(0),
        });
    }
    let routes6 = super::ipv6::validate_routes(&at, dev, &interfaces)?;
    let mut nameservers = Vec::with_capacity(dev.dns.len());
    for (k, text) in dev.dns.iter().enumerate() {
        let ip = parse_ipv4(text)
            .map_err(|m| ScenarioError::of(ErrorKind::BadAddress, format!("{at}.dns[{k}]"), m))?;
        nameservers.push(ip);
    }
    if nameservers.len() > 3 {
        // glibc's MAXNS: later nameserver lines are ignored; the lab says so.
        return err(
            ErrorKind::OutOfRange,
            format!("{at}.dns"),
            msg!("invalid-too-many-dns"),
        );
    }
    let (mut dhcp_server, mut dns_server, mut web_server) = (None, None, None);
    if let Some(services) = &dev.services {
        if dev.kind == super::text::DeviceKind::Host {
            return err(
                ErrorKind::WrongForKind,
                format!("{at}.services"),
                msg!("invalid-host-services"),
            );
        }
        if let Some(spec) = &services.dhcp {
            dhcp_server = Some(super::services::validate_dhcp_service(&format!("{at}.services.dhcp"), spec, &interfaces)?);
        }
        if let Some(spec) = &services.dns {
            let service = super::services::validate_dns_service(&format!("{at}.services.dns"), spec)?;
            if let Some(k) = service.forwarders.iter().position(|f| own(*f)) {
                // A forwarder that is the server itself would send every
                // query round in a loop (dnsmasq's "Maximum number of
                // concurrent DNS queries reached" after the loop fills it).
                return err(
                    ErrorKind::OwnAddress { device: d, address: service.forwarders[k] },
                    format!("{at}.services.dns.forwarders[{k}]"),
                    msg!("invalid-dns-forward-self", ip = service.forwarders[k], device = &dev.id),
                );
            }
            dns_server = Some(service);
        }
        if let Some(spec) = &services.web {
            web_server = Some(super::services::validate_web_service(&format!("{at}.services.web"), spec)?);
        }
    }
    Ok(Device {
        id: dev.id.clone(),
        kind: dev.kind,
        ports: interfaces.iter().map(|i| i.name.clone()).collect(),
        interfaces,
        gateway,
        routes,
        routes6,
        nameservers,
        dhcp_server,
        dns_server,
        web_server,
        stp: false,
        bridge_priority: crate::l2::stp::DEFAULT_PRIORITY,
        vlans: None,
    })
}

/// VLAN subinterfaces (`ip link add link eth0 name eth0.10 type vlan id 10`):
/// the parent is another interface of the device and not a subinterface
/// itself, the id is 1–4094 and used once per parent (vlan_check_real_dev's
/// EEXIST); the subinterface takes its parent's MAC (vlan_dev_init).
fn validate_subinterfaces(at: &str, dev: &DeviceSpec, interfaces: &mut [Interface]) -> Result<()> {
    let mut taken: VecMap<(usize, u16), usize> = VecMap::new();
    for (i, spec) in dev.interfaces.iter().enumerate() {
        let (Some(parent), Some(vid)) = (&spec.parent, spec.vlan) else { continue };
        let at = format!("{at}.interfaces[{i}]");
        let Some(p) = dev.interfaces.iter().position(|f| f.name == *parent) else {
            let names: Vec<String> = dev.interfaces.iter().filter(|f| f.parent.is_none()).map(|f| f.name.clone()).collect();
            return err(
                ErrorKind::UnknownReference,
                format!("{at}.parent"),
                msg!("invalid-subinterface-no-parent", device = &dev.id, parent = parent, name = &spec.name, interfaces = abbreviate(&names)),
            );
        };
        if dev.interfaces[p].parent.is_some() || p == i {
            return err(
                ErrorKind::Other,
                format!("{at}.parent"),
                msg!("invalid-subinterface-nested", parent = parent),
            );
        }
        if !(1..=4094).contains(&vid) {
            return err(
                ErrorKind::OutOfRange,
                format!("{at}.vlan"),
                msg!("invalid-subinterface-vlan-range", vlan = vid.to_string()),
            );
        }
        if let Some(first) = taken.insert((p, vid), i) {
            return err(
                ErrorKind::BadName,
                format!("{at}.vlan"),
                msg!("invalid-subinterface-duplicate", parent = parent, vlan = vid.to_string(), other = &dev.interfaces[first].name),
            );
        }
        interfaces[i].mac = interfaces[p].mac;
        interfaces[i].vlan = Some(super::topology::VlanOf { parent: p, vid });
    }
    Ok(())
}

/// A switch's 802.1Q settings: VLAN ids 1–4094, ports that exist.
fn validate_vlans(at: &str, dev: &DeviceSpec) -> Result<Option<Vec<super::topology::PortVlan>>> {
    if !dev.vlan_filtering {
        if !dev.vlans.is_empty() {
            return err(
                ErrorKind::WrongForKind,
                format!("{at}.vlans"),
                msg!("invalid-vlans-need-filtering"),
            );
        }
        return Ok(None);
    }
    if dev.kind != super::text::DeviceKind::Switch {
        return err(
            ErrorKind::WrongForKind,
            format!("{at}.vlan_filtering"),
            msg!("invalid-hub-vlans", kind = kind_word(dev.kind)),
        );
    }
    let names = device_port_names(dev);
    let mut ports = vec![super::topology::PortVlan { pvid: 1, tagged: Vec::new() }; names.len()];
    let vid = |v: u32, path: String| -> Result<u16> {
        if (1..=4094).contains(&v) {
            Ok(v as u16)
        } else {
            err(ErrorKind::OutOfRange, path, msg!("invalid-vlan-range", vlan = v.to_string()))
        }
    };
    for (name, spec) in dev.vlans.iter() {
        let path = format!("{at}.vlans.{name}");
        let Some(i) = bridge_port(name, names.len()) else {
            return err(ErrorKind::UnknownReference, path, msg!("invalid-no-port", device = &dev.id, port = name));
        };
        let pvid = match spec.pvid {
            Some(v) => vid(v, format!("{path}.pvid"))?,
            None => 1,
        };
        let mut tagged = Vec::new();
        for (k, &v) in spec.tagged.iter().enumerate() {
            let v = vid(v, format!("{path}.tagged[{k}]"))?;
            if v != pvid {
                tagged.push(v);
            }
        }
        tagged.sort_unstable();
        tagged.dedup();
        ports[i] = super::topology::PortVlan { pvid, tagged };
    }
    Ok(Some(ports))
}

/// The port a bridge's port name stands for: `p1` … `pN` (as
/// `device_port_names` spells them), read without a scan of the names.
fn bridge_port(name: &str, ports: usize) -> Option<usize> {
    let digits = name.strip_prefix('p')?;
    if digits.starts_with('0') || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: usize = digits.parse().ok()?;
    (1..=ports).contains(&n).then(|| n - 1)
}

/// A device's subnets, for "is this next hop on one of them" in O(log n)
/// per question instead of a scan of the interfaces (a device may have
/// `MAX_PORTS_PER_DEVICE` interfaces and `MAX_ROUTES_PER_DEVICE` routes).
/// One ordered set holds both facts, keyed by prefix length: (length,
/// network address) for each subnet, and (`OWN`, address) for each of the
/// device's own addresses; filled by `insert`, not `collect` (which would
/// sort, adding a sort to the wasm for each key type).
struct Subnets {
    keys: VecSet<(u8, Ipv4Addr)>,
    /// The prefix lengths present.
    lens: [bool; 33],
}

/// The key length of an own address: no prefix length is this long.
const OWN: u8 = 255;

impl Subnets {
    fn new(nets: &[Ipv4Net]) -> Subnets {
        let mut keys = VecSet::new();
        let mut lens = [false; 33];
        for n in nets {
            keys.insert((n.prefix_len(), n.network()));
            keys.insert((OWN, n.addr()));
            lens[usize::from(n.prefix_len())] = true;
        }
        Subnets { keys, lens }
    }

    /// True when `ip` is one of the device's own addresses.
    fn owns(&self, ip: Ipv4Addr) -> bool {
        self.keys.contains(&(OWN, ip))
    }

    /// True when `ip` is inside one of the subnets (as `Ipv4Net::contains`).
    fn contains(&self, ip: Ipv4Addr) -> bool {
        (0..=32u8).filter(|&len| self.lens[usize::from(len)]).any(|len| {
            let net = Ipv4Net::new(ip, len).map(|n| n.network());
            net.is_ok_and(|net| self.keys.contains(&(len, net)))
        })
    }
}

/// "no device \"pc9\"": a name that is not one of the lab's devices.
pub(crate) fn no_device(name: &str) -> Msg {
    msg!("invalid-no-device", name = name)
}

fn abbreviate(names: &[String]) -> String {
    if names.len() <= 6 {
        names.join(", ")
    } else {
        format!("{} … {}", names[..3].join(", "), names[names.len() - 1])
    }
}
