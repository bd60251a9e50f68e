//! Reading a lab file's IPv6 fields (issue 16): an interface's `ipv6`
//! (`"auto"` or a static address), a router interface's `ra` (radvd's
//! settings) and a device's `routes6`.
//!
//! IPv6 is on only on interfaces whose lab file gives `ipv6`: Linux enables
//! it on every interface (`disable_ipv6` 0), but an IPv4 lab must run exactly
//! as before, so the lab opts in per interface (docs/scenario-format.md says so).

use super::error::{kind_word, ErrorKind, ScenarioError};
use crate::msg;
use crate::msg::Msg;
use super::text::{DeviceKind, DeviceSpec, InterfaceSpec, RaSpec};
use super::topology::{Interface, Ipv6Config, RaConfig, Route6};
use crate::vec_map::VecMap;
use ipnet::Ipv6Net;
use std::net::Ipv6Addr;

type Result<T> = std::result::Result<T, ScenarioError>;

fn bad(path: String, message: Msg) -> ScenarioError {
    ScenarioError::of(ErrorKind::BadAddress, path, message)
}

/// `"auto"` (any case) in an interface's `ipv6` field.
pub fn is_auto(text: &str) -> bool {
    text.trim().eq_ignore_ascii_case("auto")
}

/// Reads `2001:db8:1::1/64`, or `2001:db8:1::1` as /64 (the length every
/// Ethernet IPv6 subnet uses, RFC 4291 2.5.1: 64-bit interface identifiers).
pub fn parse_ipv6_interface_address(text: &str) -> std::result::Result<Ipv6Net, Msg> {
    let text = text.trim();
    let (ip, len) = match text.split_once('/') {
        Some((ip, len)) => {
            let len: u8 = len.trim().parse().map_err(|_| {
                msg!("invalid-ipv6-with-prefix", value = text)
            })?;
            (ip.trim(), len)
        }
        None => (text, 64),
    };
    let ip: Ipv6Addr = ip
        .parse()
        .map_err(|_| msg!("invalid-not-ipv6-or-auto", value = text))?;
    if len > 128 {
        return Err(super::address::prefix_range(len, 128));
    }
    if ip.is_unspecified() || ip.is_loopback() || ip.is_multicast() {
        return Err(msg!("invalid-not-interface-address", ip = ip));
    }
    if ip.segments()[0] & 0xffc0 == 0xfe80 {
        return Err(msg!("invalid-ipv6-link-local", ip = ip));
    }
    Ipv6Net::new(ip, len).map_err(|_| super::address::prefix_range(len, 128))
}

/// Reads a route destination or advertised prefix like `2001:db8:2::/64`; host bits must be zero.
pub fn parse_ipv6_prefix(text: &str) -> std::result::Result<Ipv6Net, Msg> {
    let text = text.trim();
    let usage = || msg!("invalid-not-ipv6-network", value = text);
    let (ip, len) = text.split_once('/').ok_or_else(usage)?;
    let ip: Ipv6Addr = ip.trim().parse().map_err(|_| usage())?;
    let len: u8 = len.trim().parse().map_err(|_| usage())?;
    let net = Ipv6Net::new(ip, len).map_err(|_| super::address::prefix_range(len, 128))?;
    if net.trunc() != net {
        return Err(msg!("invalid-host-bits-network", value = text, net = net.trunc()));
    }
    Ok(net)
}

/// Ethernet's MTU, every interface's unless the lab file says otherwise.
pub const DEFAULT_MTU: u32 = 1500;
/// Linux's limits for an Ethernet device (`ether_setup`: ETH_MIN_MTU 68,
/// RFC 791's smallest datagram every host must take whole; veth's max_mtu
/// ETH_MAX_MTU 0xffff). `dev_validate_mtu` refuses others.
pub const MIN_MTU: u32 = 68;
pub const MAX_MTU: u32 = 65535;
/// RFC 8200 5: every link that carries IPv6 has an MTU of 1280 or more.
pub const IPV6_MIN_MTU: u32 = 1280;

/// An interface's `mtu`, checked against Linux's limits, and against IPv6's
/// minimum where IPv6 is on (Linux turns IPv6 off on a smaller link:
/// `addrconf_notify`, NETDEV_CHANGEMTU below IPV6_MIN_MTU).
pub(super) fn validate_mtu(at: &str, iface: &InterfaceSpec) -> Result<u32> {
    let Some(mtu) = iface.mtu else { return Ok(DEFAULT_MTU) };
    let out = |m: Msg| Err(ScenarioError::of(ErrorKind::OutOfRange, format!("{at}.mtu"), m));
    if mtu < MIN_MTU {
        return out(msg!("invalid-mtu-small", mtu = mtu.to_string(), min = MIN_MTU.to_string()));
    }
    if mtu > MAX_MTU {
        return out(msg!("invalid-mtu-large", mtu = mtu.to_string(), max = MAX_MTU.to_string()));
    }
    if mtu < IPV6_MIN_MTU && iface.ipv6.is_some() {
        return out(msg!("invalid-mtu-ipv6", mtu = mtu.to_string(), min = IPV6_MIN_MTU.to_string()));
    }
    Ok(mtu)
}

/// radvd's defaults (radvd.conf(5)): MaxRtrAdvInterval 600 s, AdvDefaultLifetime 3 × that.
pub const RA_DEFAULT_INTERVAL_S: u32 = 600;

/// An interface's `ipv6` and `ra`, checked; `owners` finds an address used twice.
pub(super) fn validate_interface(
    at: &str,
    dev: &DeviceSpec,
    iface: &InterfaceSpec,
    owners: &mut VecMap<Ipv6Addr, String>,
) -> Result<Option<Ipv6Config>> {
    let Some(text) = &iface.ipv6 else {
        if iface.ra.is_some() {
            return Err(ScenarioError::of(
                ErrorKind::WrongForKind,
                format!("{at}.ra"),
                msg!("invalid-ra-needs-ipv6"),
            ));
        }
        return Ok(None);
    };
    let address = if is_auto(text) {
        None
    } else {
        let net = parse_ipv6_interface_address(text).map_err(|m| bad(format!("{at}.ipv6"), m))?;
        if let Some(owner) = owners.insert(net.addr(), format!("{}/{}", dev.id, iface.name)) {
            return Err(bad(
                format!("{at}.ipv6"),
                msg!("invalid-duplicate-ipv6", ip = net.addr(), owner = owner),
            ));
        }
        Some(net)
    };
    let ra = match &iface.ra {
        None => None,
        Some(spec) => Some(validate_ra(&format!("{at}.ra"), dev, spec, address)?),
    };
    Ok(Some(Ipv6Config { address, ra }))
}

fn validate_ra(at: &str, dev: &DeviceSpec, spec: &RaSpec, address: Option<Ipv6Net>) -> Result<RaConfig> {
    if dev.kind != DeviceKind::Router {
        return Err(ScenarioError::of(
            ErrorKind::WrongForKind,
            at.to_string(),
            msg!("invalid-ra-not-router", kind = kind_word(dev.kind)),
        ));
    }
    let prefix = match (&spec.prefix, address) {
        (Some(t), _) => parse_ipv6_prefix(t).map_err(|m| bad(format!("{at}.prefix"), m))?,
        (None, Some(a)) => Ipv6Net::new(a.addr(), 64).expect("64 ≤ 128").trunc(),
        (None, None) => {
            return Err(bad(
                format!("{at}.prefix"),
                msg!("invalid-ra-auto-prefix"),
            ))
        }
    };
    let interval_s = spec.interval_s.unwrap_or(RA_DEFAULT_INTERVAL_S);
    if !(4..=1800).contains(&interval_s) {
        // radvd.conf(5): MaxRtrAdvInterval "must be no less than 4 seconds and no greater than 1800 seconds".
        return Err(ScenarioError::of(
            ErrorKind::OutOfRange,
            format!("{at}.interval_s"),
            msg!("invalid-ra-interval", value = interval_s.to_string()),
        ));
    }
    let lifetime_s = spec.lifetime_s.unwrap_or(3 * interval_s);
    if lifetime_s > 9000 {
        return Err(ScenarioError::of(
            ErrorKind::OutOfRange,
            format!("{at}.lifetime_s"),
            msg!("invalid-ra-lifetime", value = lifetime_s.to_string()),
        ));
    }
    Ok(RaConfig { prefix, interval_s, lifetime_s, autonomous: spec.autonomous.unwrap_or(true) })
}

/// A device's `routes6`, each next hop on one of its IPv6 interfaces.
pub(super) fn validate_routes(at: &str, dev: &DeviceSpec, interfaces: &[Interface]) -> Result<Vec<Route6>> {
    let mut routes = Vec::with_capacity(dev.routes6.len());
    for (r, spec) in dev.routes6.iter().enumerate() {
        let at = format!("{at}.routes6[{r}]");
        let prefix = parse_ipv6_prefix(&spec.prefix).map_err(|m| bad(format!("{at}.prefix"), m))?;
        let via: Ipv6Addr = spec
            .via
            .trim()
            .parse()
            .map_err(|_| bad(format!("{at}.via"), msg!("invalid-not-ipv6", value = spec.via.trim())))?;
        let link_local = via.segments()[0] & 0xffc0 == 0xfe80;
        let iface = match &spec.dev {
            Some(name) => interfaces
                .iter()
                .position(|f| f.name == *name && f.ipv6.is_some())
                .ok_or_else(|| {
                    ScenarioError::of(
                        ErrorKind::UnknownReference,
                        format!("{at}.dev"),
                        msg!("invalid-no-ipv6-interface", device = &dev.id, name = name),
                    )
                })?,
            None if link_local => {
                return Err(ScenarioError::of(
                    ErrorKind::BadAddress,
                    format!("{at}.dev"),
                    msg!("invalid-link-local-needs-dev", via = via),
                ))
            }
            None => interfaces
                .iter()
                .position(|f| f.ipv6.as_ref().and_then(|c| c.address).is_some_and(|n| n.contains(&via)))
                .ok_or_else(|| {
                    ScenarioError::of(
                        ErrorKind::BadAddress,
                        format!("{at}.via"),
                        msg!("invalid-next-hop6-off-link", via = via, device = &dev.id),
                    )
                })?,
        };
        routes.push(Route6 { prefix, via, iface, metric: spec.metric.unwrap_or(1024) });
    }
    Ok(routes)
}

/// The link-local address Linux gives an interface by default
/// (`addr_gen_mode` 0, EUI-64, RFC 4291 appendix A): fe80::, then the MAC
/// with `ff:fe` in its middle and the universal/local bit flipped.
pub fn link_local(mac: crate::mac::MacAddr) -> Ipv6Addr {
    let iid = eui64(mac);
    let mut b = [0u8; 16];
    b[0] = 0xfe;
    b[1] = 0x80;
    b[8..].copy_from_slice(&iid);
    Ipv6Addr::from(b)
}

/// The modified EUI-64 interface identifier of a MAC (`addrconf_ifid_eui48`).
pub fn eui64(mac: crate::mac::MacAddr) -> [u8; 8] {
    let m = mac.0;
    [m[0] ^ 0x02, m[1], m[2], 0xff, 0xfe, m[3], m[4], m[5]]
}
