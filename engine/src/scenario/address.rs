//! Reading addresses, prefixes and netmasks as the lab file writes them.
//!
//! The only place in the engine where text becomes an address: validation
//! calls these once, and everything after works on the typed values of the
//! [`super::Topology`].

use crate::msg;
use crate::msg::Msg;
use ipnet::Ipv4Net;
use std::net::Ipv4Addr;

/// Reads `10.0.0.1/24` or `10.0.0.1 255.255.255.0` into an interface address.
pub fn parse_interface_address(text: &str) -> Result<Ipv4Net, Msg> {
    let text = text.trim();
    let (ip_text, prefix) = if let Some((ip, len)) = text.split_once('/') {
        let len = len.trim();
        let prefix: u32 = len.parse().map_err(|_| {
            msg!("invalid-ipv4-with-prefix", value = text)
        })?;
        if prefix > 32 {
            return Err(prefix_range(prefix, 32));
        }
        (ip.trim(), prefix as u8)
    } else if let Some((ip, mask)) = text.split_once(char::is_whitespace) {
        let mask_addr: Ipv4Addr = mask
            .trim()
            .parse()
            .map_err(|_| msg!("invalid-not-netmask", value = mask.trim()))?;
        let m = u32::from(mask_addr);
        if m.leading_ones() + m.trailing_zeros() != 32 {
            return Err(msg!("invalid-netmask-bits", value = mask_addr));
        }
        (ip.trim(), m.leading_ones() as u8)
    } else {
        if text.parse::<Ipv4Addr>().is_ok() {
            return Err(msg!("invalid-no-prefix-length", value = text));
        }
        return Err(not_ipv4(text));
    };
    let ip: Ipv4Addr = ip_text
        .parse()
        .map_err(|_| not_ipv4(text))?;
    let net = Ipv4Net::new(ip, prefix).map_err(|_| prefix_range(prefix, 32))?;
    if prefix < 31 && (ip == net.network() || ip == net.broadcast()) {
        return Err(if ip == net.network() {
            msg!("invalid-network-address", ip = ip, net = net.trunc())
        } else {
            msg!("invalid-broadcast-address", ip = ip, net = net.trunc())
        });
    }
    if ip.is_unspecified() || ip.is_multicast() || ip.is_broadcast() || ip.is_loopback() {
        return Err(msg!("invalid-not-interface-address", ip = ip));
    }
    Ok(net)
}

/// Reads a route destination like `8.8.8.0/24`; host bits must be zero.
pub fn parse_prefix(text: &str) -> Result<Ipv4Net, Msg> {
    let text = text.trim();
    let Some((ip, len)) = text.split_once('/') else {
        return Err(msg!("invalid-not-network", value = text));
    };
    let ip: Ipv4Addr = ip
        .trim()
        .parse()
        .map_err(|_| msg!("invalid-not-network", value = text))?;
    let len: u8 = len
        .trim()
        .parse()
        .map_err(|_| msg!("invalid-not-network", value = text))?;
    if len > 32 {
        return Err(prefix_range(len, 32));
    }
    let net = Ipv4Net::new(ip, len).map_err(|_| prefix_range(len, 32))?;
    if net.trunc() != net {
        return Err(msg!("invalid-host-bits-mean", value = text, net = net.trunc()));
    }
    Ok(net)
}

/// Reads an IPv4 address such as a gateway or a DNS server.
pub fn parse_ipv4(text: &str) -> Result<Ipv4Addr, Msg> {
    text.trim().parse().map_err(|_| not_ipv4(text.trim()))
}

/// "10.0.0.300 is not an IPv4 address".
pub(crate) fn not_ipv4(text: &str) -> Msg {
    msg!("invalid-not-ipv4", value = text)
}

/// "prefix /33 is out of range (0–32)" (IPv4) or "… (0–128)" (IPv6).
pub(crate) fn prefix_range(len: impl std::fmt::Display, max: u8) -> Msg {
    msg!("invalid-prefix-range", len = len.to_string(), max = max)
}
