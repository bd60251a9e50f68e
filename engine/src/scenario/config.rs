//! The commands that change a device's configuration during a run, read from
//! the command line the way iproute2's `ip` and `bridge` read theirs:
//! `ip link set DEV down|up`, `ip neigh flush all|dev DEV`,
//! `bridge fdb flush dev PORT|SWITCH`, `ip route add|del PREFIX via GW`,
//! `ip addr add|del ADDR/LEN dev DEV`, and the lab's `poweroff` / `poweron`.
//!
//! Parsing here knows only the text; [`ConfigCommand::check`] then checks it
//! against the device it is typed on (an interface that exists, a command the
//! kind of device has), once, at validation. The run reads the typed values.

use super::address::{parse_interface_address, parse_ipv4, parse_prefix};
use super::command::{example, usage};
use super::error::kind_word;
use crate::msg;
use crate::msg::{Arg, Msg};
use super::text::DeviceKind;
use super::topology::Device;
use ipnet::{Ipv4Net, Ipv6Net};
use std::net::{Ipv4Addr, Ipv6Addr};

/// A configuration change, typed.
#[derive(Clone, Debug, PartialEq)]
pub enum ConfigCommand {
    /// `ip link set DEV down|up`: the interface (or a switch's port) goes
    /// administratively down or up; the cable's far end loses or regains carrier.
    LinkSet { dev: String, up: bool },
    /// `ip neigh flush all` (`dev: None`) or `ip neigh flush dev DEV`.
    NeighFlush { dev: Option<String> },
    /// `bridge fdb flush dev PORT`; `dev` is the switch's own id for every port
    /// (on Linux the bridge device itself, e.g. `bridge fdb flush dev br0`).
    FdbFlush { dev: String },
    /// `ip route add|del PREFIX via GW` (`default` is 0.0.0.0/0).
    Route { add: bool, prefix: Ipv4Net, via: Ipv4Addr },
    /// `ip addr add|del ADDR/LEN dev DEV`.
    Addr { add: bool, net: Ipv4Net, dev: String },
    /// `ip -6 route add|del PREFIX via GW [dev DEV]` (`default` is ::/0;
    /// iproute2 also takes an IPv6 prefix without `-6`).
    Route6 { add: bool, prefix: Ipv6Net, via: Ipv6Addr, dev: Option<String> },
    /// `ip -6 addr add|del ADDR/LEN dev DEV`.
    Addr6 { add: bool, net: Ipv6Net, dev: String },
    /// `poweroff` / `poweron`: the lab's power switch (every port loses
    /// carrier; on again, the device boots with its lab-file configuration).
    Power { on: bool },
}

// The synopses the messages show (an example worded by the catalogue: "e.g. …").
fn link() -> Msg {
    example("ip link set DEV down|up", "ip link set eth0 down")
}
fn neigh() -> Msg {
    Msg::verbatim("ip neigh flush all | ip neigh flush dev DEV")
}
fn fdb() -> Msg {
    msg!("invalid-fdb-synopsis")
}
fn route() -> Msg {
    example("ip route add|del PREFIX via GATEWAY", "ip route add 10.0.2.0/24 via 10.0.1.1")
}
fn addr() -> Msg {
    example("ip addr add|del ADDRESS/LEN dev DEV", "ip addr add 10.0.0.5/24 dev eth0")
}
fn route6() -> Msg {
    example("ip -6 route add|del PREFIX via GATEWAY [dev DEV]", "ip -6 route add 2001:db8:2::/64 via 2001:db8:1::2")
}
fn addr6() -> Msg {
    example("ip -6 addr add|del ADDRESS/LEN dev DEV", "ip -6 addr add 2001:db8:1::5/64 dev eth0")
}
/// Every `ip` synopsis: "LINK, NEIGH, ROUTE, ADDR".
fn ip_commands() -> Arg {
    Arg::Join(vec![link(), neigh(), route(), addr()], ", ")
}

/// `ip` accepts any unique prefix of its objects and verbs (`ip r`, `ip a`,
/// `ip neigh`, `ip n`); this reads the usual ones.
fn object(word: &str) -> Option<&'static str> {
    match word {
        "link" | "l" => Some("link"),
        "neigh" | "neighbor" | "neighbour" | "n" => Some("neigh"),
        "route" | "r" | "ro" => Some("route"),
        "addr" | "address" | "a" => Some("addr"),
        _ => None,
    }
}

/// Reads an `ip …`, `bridge …`, `poweroff` or `poweron` line (`words[0]` is the program).
pub(crate) fn parse(words: &[&str]) -> Result<ConfigCommand, Msg> {
    match words {
        ["poweroff"] => Ok(ConfigCommand::Power { on: false }),
        ["poweron"] => Ok(ConfigCommand::Power { on: true }),
        ["poweroff" | "poweron", extra, ..] => Err(msg!("invalid-no-arguments", program = words[0], value = *extra)),
        ["bridge", rest @ ..] => parse_bridge(rest),
        ["ip", "-6", obj, rest @ ..] => match object(obj) {
            Some("route") => parse_route6(rest),
            Some("addr") => parse_addr6(rest),
            // ip -6 neigh flush: this lab's flush empties both caches anyway.
            Some("neigh") => parse_neigh(rest),
            _ => Err(msg!("invalid-ip6-object", object = *obj, commands = Arg::Join(vec![route6(), addr6()], ", "))),
        },
        ["ip", obj, rest @ ..] => match object(obj) {
            Some("link") => parse_link(rest),
            Some("neigh") => parse_neigh(rest),
            Some("route") => parse_route(rest),
            Some("addr") => parse_addr(rest),
            _ => Err(msg!("invalid-ip-object", object = *obj, commands = ip_commands())),
        },
        _ => Err(usage(ip_commands())),
    }
}

fn device_name(word: &str) -> Result<String, Msg> {
    if word.is_empty() || word.len() > 15 || word.contains('/') {
        // IFNAMSIZ is 16 with the NUL.
        return Err(msg!("invalid-device-name", value = word));
    }
    Ok(word.to_string())
}

fn parse_link(args: &[&str]) -> Result<ConfigCommand, Msg> {
    match args {
        ["set", "dev", dev, state] | ["set", dev, state] => {
            let up = match *state {
                "up" => true,
                "down" => false,
                other => return Err(msg!("invalid-link-state", dev = *dev, state = other, usage = link())),
            };
            Ok(ConfigCommand::LinkSet { dev: device_name(dev)?, up })
        }
        _ => Err(usage(link())),
    }
}

fn parse_neigh(args: &[&str]) -> Result<ConfigCommand, Msg> {
    match args {
        ["flush", "all"] => Ok(ConfigCommand::NeighFlush { dev: None }),
        ["flush", "dev", dev] => Ok(ConfigCommand::NeighFlush { dev: Some(device_name(dev)?) }),
        // iproute2: "Flush requires arguments."
        ["flush"] => Err(msg!("invalid-flush-arguments", usage = neigh())),
        _ => Err(usage(neigh())),
    }
}

fn parse_bridge(args: &[&str]) -> Result<ConfigCommand, Msg> {
    match args {
        ["fdb", "flush", "dev", dev] => Ok(ConfigCommand::FdbFlush { dev: device_name(dev)? }),
        _ => Err(usage(fdb())),
    }
}

fn parse_route(args: &[&str]) -> Result<ConfigCommand, Msg> {
    let (add, rest) = match args.split_first() {
        Some((&"add", rest)) => (true, rest),
        Some((&("del" | "delete"), rest)) => (false, rest),
        _ => return Err(usage(route())),
    };
    if rest.iter().take(3).any(|w| w.contains(':')) {
        // iproute2 reads the family from the address.
        return parse_route6(args);
    }
    match rest {
        [prefix, "via", gw] => {
            let prefix = if *prefix == "default" {
                Ipv4Net::default()
            } else {
                // Host bits set are refused, as the kernel does (fib_table_insert:
                // "Invalid prefix for given prefix length").
                parse_prefix(prefix)?
            };
            let via = parse_ipv4(gw)?;
            Ok(ConfigCommand::Route { add, prefix, via })
        }
        [_, "dev", ..] | [_] => Err(msg!("invalid-route-needs-gateway", usage = route())),
        _ => Err(usage(route())),
    }
}

fn parse_addr(args: &[&str]) -> Result<ConfigCommand, Msg> {
    let (add, rest) = match args.split_first() {
        Some((&"add", rest)) => (true, rest),
        Some((&("del" | "delete"), rest)) => (false, rest),
        _ => return Err(usage(addr())),
    };
    if rest.first().is_some_and(|w| w.contains(':')) {
        return parse_addr6(args);
    }
    match rest {
        [addr, "dev", dev] => {
            if !addr.contains('/') {
                // iproute2 would take /32; a lab address almost always means a subnet.
                return Err(msg!("invalid-addr-needs-prefix", value = *addr, usage = self::addr()));
            }
            let net = parse_interface_address(addr)?;
            Ok(ConfigCommand::Addr { add, net, dev: device_name(dev)? })
        }
        _ => Err(usage(addr())),
    }
}

fn parse_route6(args: &[&str]) -> Result<ConfigCommand, Msg> {
    let (add, rest) = match args.split_first() {
        Some((&"add", rest)) => (true, rest),
        Some((&("del" | "delete"), rest)) => (false, rest),
        _ => return Err(usage(route6())),
    };
    let (prefix, gw, dev) = match rest {
        [prefix, "via", gw] => (*prefix, *gw, None),
        [prefix, "via", gw, "dev", dev] => (*prefix, *gw, Some(device_name(dev)?)),
        [_, "dev", ..] | [_] => return Err(msg!("invalid-route6-needs-gateway", usage = route6())),
        _ => return Err(usage(route6())),
    };
    let prefix = if prefix == "default" {
        Ipv6Net::default()
    } else {
        super::ipv6::parse_ipv6_prefix(prefix)?
    };
    let via: Ipv6Addr = gw.parse().map_err(|_| msg!("invalid-route6-gateway", value = gw, usage = route6()))?;
    if via.is_multicast() || via.is_unspecified() {
        return Err(msg!("invalid-route6-not-a-gateway", value = via));
    }
    if via.segments()[0] & 0xffc0 == 0xfe80 && dev.is_none() {
        return Err(msg!("invalid-route6-link-local", value = via, usage = route6()));
    }
    Ok(ConfigCommand::Route6 { add, prefix, via, dev })
}

fn parse_addr6(args: &[&str]) -> Result<ConfigCommand, Msg> {
    let (add, rest) = match args.split_first() {
        Some((&"add", rest)) => (true, rest),
        Some((&("del" | "delete"), rest)) => (false, rest),
        _ => return Err(usage(addr6())),
    };
    match rest {
        [addr, "dev", dev] => {
            if !addr.contains('/') {
                // iproute2 would take /128; a lab address almost always means a /64 subnet.
                return Err(msg!("invalid-addr6-needs-length", value = *addr, usage = addr6()));
            }
            let net = super::ipv6::parse_ipv6_interface_address(addr)?;
            Ok(ConfigCommand::Addr6 { add, net, dev: device_name(dev)? })
        }
        _ => Err(usage(addr6())),
    }
}

impl ConfigCommand {
    /// Checks the command against the device it is typed on: the kind of
    /// device has it, and the interface or port it names exists. The message
    /// says what is wrong ("pc1 has no interface eth3 (it has eth0)").
    pub fn check(&self, device: &Device) -> Result<(), Msg> {
        let ports = || device.ports.join(", ");
        let has_port = |dev: &str| -> Result<(), Msg> {
            if device.ports.iter().any(|p| p == dev) {
                Ok(())
            } else if device.kind.has_ip() {
                Err(msg!("invalid-cannot-find-interface", dev = dev, device = &device.id, ports = ports()))
            } else {
                Err(msg!("invalid-cannot-find-port", dev = dev, device = &device.id, ports = ports()))
            }
        };
        let ip_only = |what: &str| -> Result<(), Msg> {
            if device.kind.has_ip() {
                Ok(())
            } else {
                Err(msg!("invalid-no-ip-stack-command", device = &device.id, kind = kind_word(device.kind), command = what))
            }
        };
        match self {
            ConfigCommand::LinkSet { dev, .. } => has_port(dev),
            ConfigCommand::NeighFlush { dev } => {
                ip_only("ip neigh")?;
                dev.as_deref().map_or(Ok(()), has_port)
            }
            ConfigCommand::Route { .. } => ip_only("ip route"),
            ConfigCommand::Route6 { dev, .. } => {
                ip_only("ip -6 route")?;
                if device.interfaces.iter().all(|f| f.ipv6.is_none()) {
                    return Err(msg!("invalid-ip6-off-everywhere", device = &device.id));
                }
                dev.as_deref().map_or(Ok(()), has_port)
            }
            ConfigCommand::Addr6 { dev, .. } => {
                ip_only("ip -6 addr")?;
                has_port(dev)?;
                match device.interfaces.iter().find(|f| f.name == *dev) {
                    Some(f) if f.ipv6.is_none() => Err(msg!("invalid-ip6-off", device = &device.id, interface = dev)),
                    _ => Ok(()),
                }
            }
            ConfigCommand::Addr { dev, .. } => {
                ip_only("ip addr")?;
                has_port(dev)
            }
            ConfigCommand::FdbFlush { dev } => {
                if device.kind != DeviceKind::Switch {
                    return Err(msg!("invalid-fdb-not-switch", device = &device.id, kind = kind_word(device.kind)));
                }
                if *dev == device.id {
                    Ok(())
                } else {
                    has_port(dev)
                }
            }
            ConfigCommand::Power { .. } => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(line: &str) -> Result<ConfigCommand, String> {
        parse(&line.split_whitespace().collect::<Vec<_>>()).map_err(|m| m.to_string())
    }

    #[test]
    fn reads_each_command() {
        assert_eq!(p("ip link set eth0 down"), Ok(ConfigCommand::LinkSet { dev: "eth0".into(), up: false }));
        assert_eq!(p("ip link set dev p2 up"), Ok(ConfigCommand::LinkSet { dev: "p2".into(), up: true }));
        assert_eq!(p("ip neigh flush all"), Ok(ConfigCommand::NeighFlush { dev: None }));
        assert_eq!(p("ip n flush dev eth1"), Ok(ConfigCommand::NeighFlush { dev: Some("eth1".into()) }));
        assert_eq!(p("bridge fdb flush dev p3"), Ok(ConfigCommand::FdbFlush { dev: "p3".into() }));
        assert_eq!(
            p("ip route add 10.0.2.0/24 via 10.0.1.1"),
            Ok(ConfigCommand::Route { add: true, prefix: "10.0.2.0/24".parse().unwrap(), via: Ipv4Addr::new(10, 0, 1, 1) })
        );
        assert_eq!(
            p("ip r del default via 10.0.1.1"),
            Ok(ConfigCommand::Route { add: false, prefix: Ipv4Net::default(), via: Ipv4Addr::new(10, 0, 1, 1) })
        );
        assert_eq!(
            p("ip addr add 10.0.0.5/16 dev eth0"),
            Ok(ConfigCommand::Addr { add: true, net: "10.0.0.5/16".parse().unwrap(), dev: "eth0".into() })
        );
        assert_eq!(p("poweroff"), Ok(ConfigCommand::Power { on: false }));
        assert_eq!(p("poweron"), Ok(ConfigCommand::Power { on: true }));
    }

    #[test]
    fn errors_name_what_is_wrong() {
        assert!(p("ip link set eth0 sideways").unwrap_err().contains("sideways"));
        assert!(p("ip neigh flush").unwrap_err().contains("Flush requires arguments"));
        assert!(p("ip route add 10.0.2.1/24 via 10.0.1.1").unwrap_err().contains("10.0.2.0/24"));
        assert!(p("ip route add 10.0.2.0/24 via 10.0.1.300").unwrap_err().contains("10.0.1.300"));
        assert!(p("ip addr add 10.0.0.5 dev eth0").unwrap_err().contains("10.0.0.5/24"));
        assert!(p("ip tunnel add x").unwrap_err().contains("not modelled"));
        assert!(p("poweroff now").unwrap_err().contains("now"));
        assert!(p("ip -6 addr add 2001:db8::5 dev eth0").unwrap_err().contains("2001:db8::5/64"));
        assert!(p("ip -6 route add 2001:db8:2::1/64 via 2001:db8::1").unwrap_err().contains("host bits"));
        assert!(p("ip -6 route add ::/0 via fe80::1").unwrap_err().contains("dev DEV"));
        assert!(p("ip -6 tunnel add x").unwrap_err().contains("not modelled"));
    }

    #[test]
    fn reads_the_ipv6_forms() {
        assert_eq!(
            p("ip -6 route add 2001:db8:2::/64 via 2001:db8:1::2"),
            Ok(ConfigCommand::Route6 { add: true, prefix: "2001:db8:2::/64".parse().unwrap(), via: "2001:db8:1::2".parse().unwrap(), dev: None })
        );
        // iproute2 reads the family from the address, without -6 too.
        assert_eq!(
            p("ip route del default via fe80::1 dev eth1"),
            Ok(ConfigCommand::Route6 { add: false, prefix: Ipv6Net::default(), via: "fe80::1".parse().unwrap(), dev: Some("eth1".into()) })
        );
        assert_eq!(
            p("ip -6 addr add 2001:db8:1::5/64 dev eth0"),
            Ok(ConfigCommand::Addr6 { add: true, net: "2001:db8:1::5/64".parse().unwrap(), dev: "eth0".into() })
        );
        assert_eq!(
            p("ip a del 2001:db8:1::5/64 dev eth0"),
            Ok(ConfigCommand::Addr6 { add: false, net: "2001:db8:1::5/64".parse().unwrap(), dev: "eth0".into() })
        );
    }
}
