//! Ethernet MAC addresses as the trace and the scenario show them.

use serde::{Serialize, Serializer};
use std::fmt;

/// A 48-bit Ethernet address, shown as `02:1a:2b:3c:4d:5e`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct MacAddr(pub [u8; 6]);

impl MacAddr {
    pub const BROADCAST: MacAddr = MacAddr([0xff; 6]);
    pub const ZERO: MacAddr = MacAddr([0; 6]);

    /// The group bit (I/G) is set: broadcast or multicast.
    pub const fn is_multicast(&self) -> bool {
        self.0[0] & 0x01 != 0
    }
    pub fn is_broadcast(&self) -> bool {
        *self == MacAddr::BROADCAST
    }

    /// Reads `aa:bb:cc:dd:ee:ff` (also with `-` separators, any case).
    pub fn parse(text: &str) -> Option<MacAddr> {
        let mut out = [0u8; 6];
        let mut parts = text.trim().split([':', '-']);
        for byte in out.iter_mut() {
            let part = parts.next()?;
            if part.is_empty() || part.len() > 2 {
                return None;
            }
            *byte = u8::from_str_radix(part, 16).ok()?;
        }
        if parts.next().is_some() {
            return None;
        }
        Some(MacAddr(out))
    }

    /// A locally administered unicast address (`02:…`) derived from a stable
    /// FNV-1a hash of the device id and interface name, so a default MAC stays
    /// the same when other devices are added, removed or reordered.
    pub fn derived(device: &str, interface: &str) -> MacAddr {
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for byte in device.bytes().chain([0u8]).chain(interface.bytes()) {
            hash ^= byte as u64;
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
        let h = hash.to_be_bytes();
        MacAddr([0x02, h[3] ^ h[7], h[4], h[5], h[6], h[2] ^ h[1] ^ h[0]])
    }

    pub fn octets(&self) -> [u8; 6] {
        self.0
    }
}

/// Byte order (as `ls` of a MAC table would sort), compared as one integer:
/// switch tables look MACs up on every frame.
impl Ord for MacAddr {
    fn cmp(&self, other: &MacAddr) -> std::cmp::Ordering {
        self.as_u64().cmp(&other.as_u64())
    }
}

impl PartialOrd for MacAddr {
    fn partial_cmp(&self, other: &MacAddr) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl MacAddr {
    fn as_u64(&self) -> u64 {
        let b = self.0;
        u64::from_be_bytes([0, 0, b[0], b[1], b[2], b[3], b[4], b[5]])
    }
}

impl fmt::Display for MacAddr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let b = self.0;
        write!(
            f,
            "{:02x}:{:02x}:{:02x}:{:02x}:{:02x}:{:02x}",
            b[0], b[1], b[2], b[3], b[4], b[5]
        )
    }
}

impl Serialize for MacAddr {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::MacAddr;

    #[test]
    fn parses_and_displays() {
        let mac = MacAddr::parse("02:aa:0b:01:02:03").unwrap();
        assert_eq!(mac.to_string(), "02:aa:0b:01:02:03");
        assert_eq!(MacAddr::parse("02-AA-0B-01-02-03"), Some(mac));
        assert_eq!(MacAddr::parse("02:aa:0b:01:02"), None);
        assert_eq!(MacAddr::parse("02:aa:0b:01:02:03:04"), None);
        assert_eq!(MacAddr::parse("02:aa:0b:01:02:zz"), None);
        assert_eq!(MacAddr::parse("002:aa:0b:01:02:03"), None);
    }

    #[test]
    fn derived_addresses_are_local_unicast_and_stable() {
        let a = MacAddr::derived("pc1", "eth0");
        assert_eq!(a, MacAddr::derived("pc1", "eth0"));
        assert_ne!(a, MacAddr::derived("pc1", "eth1"));
        assert_ne!(a, MacAddr::derived("pc2", "eth0"));
        assert_ne!(
            MacAddr::derived("pc1", "0eth"),
            MacAddr::derived("pc10", "eth")
        );
        assert_eq!(a.0[0], 0x02);
        assert!(!a.is_multicast());
    }
}
