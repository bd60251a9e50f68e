//! Reading addresses, prefixes and netmasks as the lab file writes them.
//!
//! The only place in the engine where text becomes an address: validation
//! calls these once, and everything after works on the typed values of the
//! [`super::Topology`].

use ipnet::Ipv4Net;
use std::net::Ipv4Addr;

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

pub fn parse_ipv4(text: &str) -> Result<Ipv4Addr, String> {
    text.trim()
        .parse()
        .map_err(|_| format!("{} is not an IPv4 address", text.trim()))
}
