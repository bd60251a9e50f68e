//! What the inspector draws next to an event to show *why*: the binary AND of a
//! routing decision, and the rewrap a router does to a forwarded frame.
//!
//! Pure functions over the trace's values and frame bytes, so the web app only
//! lays them out. Switch decisions need nothing here: `SwitchForward` already
//! carries its reason and [`crate::TraceEvent::explain`] words it.

use std::net::Ipv4Addr;

use crate::msg;
use crate::msg::Msg;
use crate::trace::{AndCheck, EventKind, Trace};
use crate::wire;

/// One row of the AND picture: an address written as 32 bits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BitRow {
    /// What the row is ("address", "mask", "AND", "my network").
    pub label: &'static str,
    /// The dotted-quad form, e.g. `192.168.2.20`.
    pub dotted: String,
    /// The four octets in binary, most significant bit first (`"11000000"`).
    pub octets: [String; 4],
}

impl BitRow {
    fn new(label: &'static str, ip: Ipv4Addr) -> BitRow {
        let o = ip.octets();
        BitRow { label, dotted: ip.to_string(), octets: o.map(|b| format!("{b:08b}")) }
    }

    /// The row's label as the inspector shows it, in the reader's language
    /// (`locales/*/engine-explain-inspector.ftl`).
    pub fn label_msg(&self) -> Msg {
        match self.label {
            "address" => msg!("explain-row-address"),
            "mask" => msg!("explain-row-mask"),
            "AND" => msg!("explain-row-and"),
            _ => msg!("explain-row-my-network"),
        }
    }

    /// The 32 bits as one string, octets separated by dots (`11000000.10101000.…`).
    pub fn bits(&self) -> String {
        self.octets.join(".")
    }
}

/// The AND a device does to decide whether an address is on one of its networks:
/// "for everything that's a one in the mask, this portion refers to my network".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AndView {
    /// The address tested, the mask, their AND, and the interface's network.
    pub rows: [BitRow; 4],
    /// Number of leading one bits of the mask: bits `0..prefix_len` are the network part.
    pub prefix_len: u8,
    /// True when the AND equals the interface's network: the address is on-link.
    pub equal: bool,
    /// The first bit (0 = leftmost) where the AND and the network differ, if any.
    pub first_difference: Option<u8>,
    /// One sentence: `192.168.2.20 AND 255.255.255.0 = 192.168.2.0 ≠ 192.168.1.0, …`.
    pub verdict: Msg,
}

/// The AND view for `address` tested against an interface whose network is
/// `network` with a `prefix_len`-bit mask. A prefix over 32 is read as 32.
pub fn and_view(address: Ipv4Addr, prefix_len: u8, network: Ipv4Addr) -> AndView {
    let prefix_len = prefix_len.min(32);
    let mask_bits: u32 = if prefix_len == 0 { 0 } else { u32::MAX << (32 - prefix_len) };
    let mask = Ipv4Addr::from(mask_bits);
    let result = Ipv4Addr::from(u32::from(address) & mask_bits);
    // The interface's network is its own address AND mask; mask again in case
    // the caller passed the interface address itself.
    let network = Ipv4Addr::from(u32::from(network) & mask_bits);
    let diff = u32::from(result) ^ u32::from(network);
    let first_difference = (diff != 0).then(|| diff.leading_zeros() as u8);
    let equal = diff == 0;
    let verdict = if equal {
        msg!("explain-and-same", address = address, mask = mask, masked = result, network = network, len = prefix_len)
    } else {
        msg!("explain-and-other", address = address, mask = mask, masked = result, network = network, len = prefix_len)
    };
    AndView {
        rows: [
            BitRow::new("address", address),
            BitRow::new("mask", mask),
            BitRow::new("AND", result),
            BitRow::new("my network", network),
        ],
        prefix_len,
        equal,
        first_difference,
        verdict,
    }
}

/// The AND view of one check the engine recorded in a `Route` event for `destination`
/// (the check's `address` is the interface's own; the tested address is the destination).
pub fn and_view_of(check: &AndCheck, destination: Ipv4Addr) -> AndView {
    and_view(destination, check.prefix_len, check.network)
}

/// One header field compared between the frame that arrived at a router and the
/// frame it sent on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldChange {
    /// "Ethernet" or "IPv4".
    pub layer: &'static str,
    /// The field's name as the inspector shows it.
    pub field: &'static str,
    /// Its value in the frame that arrived.
    pub before: String,
    /// Its value in the frame that left.
    pub after: String,
    /// Why it changed (or why it did not), in one phrase (`explain-rewrap-…`).
    pub why: Msg,
}

impl FieldChange {
    /// True when the value differs.
    pub fn changed(&self) -> bool {
        self.before != self.after
    }
}

/// The rewrap as a field-by-field diff: new MACs for the next link, TTL one
/// lower and so a new header checksum (RFC 1812 §5.3.1, RFC 1624), the IP
/// addresses untouched. `None` unless both frames are IPv4.
pub fn rewrap_diff(arrived: &[u8], left: &[u8]) -> Option<Vec<FieldChange>> {
    let (a, b) = (wire::decode(arrived), wire::decode(left));
    let (ea, eb) = (a.ethernet.as_ref()?, b.ethernet.as_ref()?);
    let (ia, ib) = (a.ipv4()?, b.ipv4()?);
    let row = |layer, field, before: String, after: String, why| FieldChange { layer, field, before, after, why };
    Some(vec![
        row(
            "Ethernet",
            "Destination MAC",
            ea.dst.value.to_string(),
            eb.dst.value.to_string(),
            msg!("explain-rewrap-dst-mac"),
        ),
        row(
            "Ethernet",
            "Source MAC",
            ea.src.value.to_string(),
            eb.src.value.to_string(),
            msg!("explain-rewrap-src-mac"),
        ),
        row("IPv4", "TTL", ia.ttl.value.to_string(), ib.ttl.value.to_string(), msg!("explain-rewrap-ttl")),
        row(
            "IPv4",
            "Header checksum",
            format!("0x{:04x}", ia.checksum.field.value),
            format!("0x{:04x}", ib.checksum.field.value),
            msg!("explain-rewrap-checksum"),
        ),
        row("IPv4", "Source address", ia.src.value.to_string(), ib.src.value.to_string(), msg!("explain-rewrap-end-to-end")),
        row(
            "IPv4",
            "Destination address",
            ia.dst.value.to_string(),
            ib.dst.value.to_string(),
            msg!("explain-rewrap-end-to-end"),
        ),
    ])
}

/// For a `FrameSent` by a router forwarding an IP packet, the index of the
/// `FrameReceived` it forwards.
///
/// The trace has no causal link, so it is derived from the trace alone: the
/// latest earlier `FrameReceived` at the same device whose IPv4 packet has the
/// same source, destination, identification and protocol and a TTL exactly one
/// higher. The TTL condition excludes switches (which do not touch the TTL) and
/// packets the device originated itself (no such arrival). `None` for anything else.
pub fn forwarded_from(trace: &Trace, sent: usize) -> Option<usize> {
    let EventKind::FrameSent { hop, bytes, .. } = &trace.events.get(sent)?.kind else {
        return None;
    };
    let from = &hop.from;
    let out = wire::decode(bytes);
    let ip = out.ipv4()?;
    let key = (ip.src.value, ip.dst.value, ip.ident.value, ip.protocol.value);
    let ttl = ip.ttl.value;
    trace.events[..sent].iter().rposition(|e| match &e.kind {
        EventKind::FrameReceived { hop, bytes } if hop.to.device == from.device => {
            let d = wire::decode(bytes);
            d.ipv4().is_some_and(|i| {
                (i.src.value, i.dst.value, i.ident.value, i.protocol.value) == key && u16::from(i.ttl.value) == u16::from(ttl) + 1
            })
        }
        _ => false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Simulation;

    fn ip(s: &str) -> Ipv4Addr {
        s.parse().unwrap()
    }

    #[test]
    fn and_view_of_an_address_on_another_network() {
        let v = and_view(ip("192.168.2.20"), 24, ip("192.168.1.0"));
        let bits: Vec<(&str, String, String)> =
            v.rows.iter().map(|r| (r.label, r.dotted.clone(), r.bits())).collect();
        assert_eq!(
            bits,
            vec![
                ("address", "192.168.2.20".into(), "11000000.10101000.00000010.00010100".into()),
                ("mask", "255.255.255.0".into(), "11111111.11111111.11111111.00000000".into()),
                ("AND", "192.168.2.0".into(), "11000000.10101000.00000010.00000000".into()),
                ("my network", "192.168.1.0".into(), "11000000.10101000.00000001.00000000".into()),
            ]
        );
        assert!(!v.equal);
        assert_eq!(v.prefix_len, 24);
        // 00000010 vs 00000001 in the third octet: bit 16 + 6 is the first difference.
        assert_eq!(v.first_difference, Some(22));
        assert_eq!(
            v.verdict.to_string(),
            "192.168.2.20 AND 255.255.255.0 = 192.168.2.0 ≠ 192.168.1.0/24: another network, so it needs a route or a gateway"
        );
    }

    #[test]
    fn and_view_of_an_address_on_my_network() {
        let v = and_view(ip("10.10.10.100"), 24, ip("10.10.10.0"));
        assert!(v.equal);
        assert_eq!(v.first_difference, None);
        assert_eq!(v.rows[2].dotted, "10.10.10.0");
        assert_eq!(
            v.verdict.to_string(),
            "10.10.10.100 AND 255.255.255.0 = 10.10.10.0 = 10.10.10.0/24: the same network, so deliver directly (ARP for 10.10.10.100)"
        );
    }

    #[test]
    fn and_view_with_odd_masks() {
        // The talk's wrong-mask case: /25 splits 192.168.1.0/24 in two.
        let v = and_view(ip("192.168.1.200"), 25, ip("192.168.1.10"));
        assert_eq!(v.rows[1].dotted, "255.255.255.128");
        assert_eq!(v.rows[1].octets[3], "10000000");
        assert_eq!(v.rows[2].dotted, "192.168.1.128");
        assert_eq!(v.rows[3].dotted, "192.168.1.0", "the interface address is masked to its network");
        assert_eq!(v.first_difference, Some(24));
        assert!(!v.equal);
        // /0 matches everything, /32 only itself, and an impossible /40 reads as /32.
        assert!(and_view(ip("8.8.8.8"), 0, ip("10.0.0.0")).equal);
        assert_eq!(and_view(ip("8.8.8.8"), 0, ip("10.0.0.0")).rows[1].bits(), "00000000.00000000.00000000.00000000");
        assert!(and_view(ip("10.0.0.1"), 32, ip("10.0.0.1")).equal);
        assert_eq!(and_view(ip("10.0.0.2"), 40, ip("10.0.0.1")).first_difference, Some(30));
    }

    #[test]
    fn and_views_agree_with_every_check_the_engine_made() {
        let mut checked = 0;
        for (_, s) in crate::examples::all() {
            for e in Simulation::new(&s).unwrap().run().trace.events {
                let EventKind::Route { decision, .. } = e.kind else { continue };
                for c in &decision.checks {
                    let v = and_view_of(c, decision.destination);
                    assert_eq!(v.rows[0].dotted, decision.destination.to_string());
                    assert_eq!(v.rows[2].dotted, c.masked_destination.to_string());
                    assert_eq!(v.rows[3].dotted, c.network.to_string());
                    assert_eq!(v.equal, c.on_link);
                    checked += 1;
                }
            }
        }
        assert!(checked > 10, "{checked}");
    }

    /// The engine's own two-subnets example: pc1 → sw1 → r1 → sw2 → pc2.
    fn two_subnets() -> crate::RunOutcome {
        let (_, s) = crate::examples::all().into_iter().find(|(n, _)| *n == "two-subnets").unwrap();
        Simulation::new(&s).unwrap().run()
    }

    #[test]
    fn the_router_hop_is_a_mac_and_ttl_diff() {
        let out = two_subnets();
        let ev = &out.trace.events;
        // The first echo request r1 sends on.
        let sent = ev
            .iter()
            .position(|e| matches!(&e.kind, EventKind::FrameSent { hop, bytes, .. }
                if hop.from.device == "r1" && wire::summarize(bytes).starts_with("Echo (ping) request")))
            .unwrap();
        let got = forwarded_from(&out.trace, sent).expect("r1 received it first");
        let (EventKind::FrameReceived { hop, bytes: arrived }, EventKind::FrameSent { bytes: left, .. }) =
            (&ev[got].kind, &ev[sent].kind)
        else {
            panic!("wrong kinds");
        };
        assert_eq!((hop.to.device.as_str(), hop.to.port.as_str()), ("r1", "eth0"));
        let diff = rewrap_diff(arrived, left).unwrap();
        let table: Vec<(&str, &str, &str, bool)> =
            diff.iter().map(|c| (c.field, c.before.as_str(), c.after.as_str(), c.changed())).collect();
        let mac = |d: &str, i: &str| crate::MacAddr::derived(d, i).to_string();
        let (pc1, r1a, r1b, pc2) = (mac("pc1", "eth0"), mac("r1", "eth0"), mac("r1", "eth1"), mac("pc2", "eth0"));
        let (ca, cb) = (&diff[3].before, &diff[3].after);
        assert_eq!(
            table,
            vec![
                ("Destination MAC", r1a.as_str(), pc2.as_str(), true),
                ("Source MAC", pc1.as_str(), r1b.as_str(), true),
                ("TTL", "64", "63", true),
                ("Header checksum", ca.as_str(), cb.as_str(), true),
                ("Source address", "192.168.1.10", "192.168.1.10", false),
                ("Destination address", "192.168.2.20", "192.168.2.20", false),
            ]
        );
        // Only the TTL byte and the checksum differ in the IP header (RFC 1624's incremental update: +0x0100).
        let (EventKind::FrameReceived { bytes: a, .. }, EventKind::FrameSent { bytes: b, .. }) = (&ev[got].kind, &ev[sent].kind)
        else {
            unreachable!()
        };
        let differing: Vec<usize> = (14..34).filter(|&i| a[i] != b[i]).collect();
        assert_eq!(differing.iter().filter(|&&i| i != 24 && i != 25).copied().collect::<Vec<_>>(), vec![22]);
        let (old, new) = (u16::from_be_bytes([a[24], a[25]]), u16::from_be_bytes([b[24], b[25]]));
        assert_eq!(new, old.wrapping_add(0x0100) + u16::from(old.checked_add(0x0100).is_none()));
    }

    #[test]
    fn frames_a_device_originates_have_no_arrival() {
        let out = two_subnets();
        let ev = &out.trace.events;
        // pc1's own echo request, r1's own ARP request, a switch's forward: none is a forward by a router.
        let first = |dev: &str, prefix: &str| {
            ev.iter()
                .position(|e| matches!(&e.kind, EventKind::FrameSent { hop, bytes, .. }
                    if hop.from.device == dev && wire::summarize(bytes).starts_with(prefix)))
                .unwrap()
        };
        assert_eq!(forwarded_from(&out.trace, first("pc1", "Echo (ping) request")), None);
        assert_eq!(forwarded_from(&out.trace, first("r1", "Who has")), None);
        assert_eq!(forwarded_from(&out.trace, first("sw1", "Echo (ping) request")), None);
        // Not a FrameSent, or past the end.
        assert_eq!(forwarded_from(&out.trace, 0), None);
        assert_eq!(forwarded_from(&out.trace, ev.len()), None);
        // ARP has no IP header to diff.
        let arp = match &ev[first("pc1", "Who has")].kind {
            EventKind::FrameSent { bytes, .. } => bytes.clone(),
            _ => unreachable!(),
        };
        assert_eq!(rewrap_diff(&arp, &arp), None);
    }
}
