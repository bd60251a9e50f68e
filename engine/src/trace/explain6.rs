//! The sentences of IPv6 facts (issue 16), written to teach: why a
//! solicitation goes to a solicited-node group, why an address waits, where
//! a default route came from.

use super::ipv6::*;
use super::Name;
use crate::neighbor::NudState;
use std::fmt::Write as _;

/// One sentence for an IPv6 fact of `device`.
pub(super) fn explain(s: &mut String, device: &Name, event: &Ipv6Event) {
    match event {
        Ipv6Event::Neighbor { interface, ip, mac, old, new } => {
            let mac_text = mac.map(|m| format!(" at {m}")).unwrap_or_default();
            let group = crate::frames6::solicited_node(*ip);
            let why = match (old, new) {
                (None | Some(NudState::Failed), NudState::Incomplete) => format!(
                    "a packet needs this neighbour's MAC, so a neighbour solicitation goes to {group} (the solicited-node group: ff02::1:ff and the address's last 24 bits), which only the owner listens to, not to everyone as ARP's broadcast does"
                ),
                (_, NudState::Reachable) => "a solicited neighbour advertisement confirmed it".into(),
                (None, NudState::Stale) => "learned from a solicitation or router advertisement it received".into(),
                (Some(NudState::Reachable), NudState::Stale) => "not confirmed for the reachable time".into(),
                (Some(NudState::Stale), NudState::Delay) => "used while stale; Linux waits 5 s for a confirmation".into(),
                (Some(NudState::Delay), NudState::Probe) => "no confirmation within 5 s, so it asks the neighbour directly (unicast solicitation)".into(),
                (_, NudState::Failed) => "no neighbour advertisement came after 3 solicitations".into(),
                (_, NudState::Stale) => "an advertisement gave a new MAC".into(),
                _ => "state change".into(),
            };
            let old_text = old.map(|o| o.name()).unwrap_or("no entry");
            let _ = write!(s, "{device} neighbour cache ({interface}): {ip} {old_text} → {}{mac_text}: {why}", new.name());
        }
        Ipv6Event::Address { interface, address, origin, state } => {
            let from = match origin {
                AddrOrigin::LinkLocal => "its link-local address (fe80:: + the MAC with ff:fe in the middle and the 7th bit flipped, EUI-64)",
                AddrOrigin::Static => "its configured address",
                AddrOrigin::Slaac => "an address it built from the router's prefix and its interface identifier (SLAAC)",
            };
            let _ = match state {
                AddrState::Tentative => write!(
                    s,
                    "{device}/{interface} gets {from} {address}, tentative: it sends a neighbour solicitation from :: for it (duplicate address detection) and uses it only if nobody answers within 1 s"
                ),
                AddrState::Preferred => write!(s, "{device}/{interface}: nobody else claimed {address} within 1 s, so DAD passed and the address is usable"),
                AddrState::DadFailed => write!(
                    s,
                    "{device}/{interface}: another node answered for {address}, so duplicate address detection failed and Linux never uses it (dadfailed)"
                ),
            };
        }
        Ipv6Event::Routes { routes } => {
            let _ = write!(s, "{device} has {} IPv6 route(s): ", routes.len());
            let rows: Vec<String> = routes.iter().map(route6_text).collect();
            s.push_str(&rows.join("; "));
        }
        Ipv6Event::Route { decision } => {
            let d = decision;
            let verb = if d.forwarding { "forwards" } else { "sends" };
            match (&d.chosen, d.next_hop) {
                (Some(r), Some(nh)) => {
                    let _ = write!(
                        s,
                        "{device} {verb} to {}: the longest matching prefix is {} ({} of {} routes match), so it goes out {}",
                        d.destination,
                        r.prefix,
                        d.checks.iter().filter(|c| c.matches).count(),
                        d.checks.len(),
                        r.interface
                    );
                    if nh != d.destination {
                        let _ = write!(s, " to the router {nh}");
                    } else {
                        s.push_str(" directly (on-link)");
                    }
                }
                _ => {
                    let _ = write!(s, "{device} has no IPv6 route to {}: no prefix in its table matches", d.destination);
                }
            }
        }
        Ipv6Event::RouterAdvert { interface, router, lifetime_s, prefix, outcome } => {
            let _ = write!(s, "{device}/{interface} hears a router advertisement from {router}");
            if *lifetime_s > 0 {
                let _ = write!(s, ", which makes it the default router for {lifetime_s} s");
            } else {
                s.push_str(" with router lifetime 0, so it is not a default router");
            }
            let _ = match (prefix, outcome) {
                (Some(p), SlaacOutcome::NewAddress) => write!(s, "; prefix {p} is autonomous, so it builds its own address from it (SLAAC)"),
                (Some(p), SlaacOutcome::Refreshed) => write!(s, "; its address from {p} already exists and stays"),
                (Some(p), SlaacOutcome::WrongPrefixLength) => write!(
                    s,
                    "; prefix {p} is not a /64, and a 64-bit interface identifier needs exactly 64 prefix bits, so no address is made (the kernel logs \"prefix with wrong length {}\")",
                    p.prefix_len()
                ),
                (Some(p), SlaacOutcome::NotAutonomous) => write!(s, "; prefix {p} has the A flag off: on-link only, no address from it"),
                _ => write!(s, "; it carries no prefix"),
            };
        }
        Ipv6Event::Down { interface } => {
            let _ = write!(
                s,
                "{device}/{interface} went down: Linux removes all its IPv6 addresses, the static one too (keep_addr_on_down = 0), with their routes and the neighbour cache; when it comes up it makes its link-local address again"
            );
        }
        Ipv6Event::NeighborsFlushed { interface, ips } => {
            let _ = write!(s, "{device}/{interface}: its IPv6 neighbour cache is emptied ({} entries: ip neigh flush, or the cable lost carrier)", ips.len());
        }
        Ipv6Event::AddressRemoved { interface, address } => {
            let _ = write!(s, "{device}/{interface}: {address} is removed (ip -6 addr del); its prefix route goes too unless another address of the interface is in {}", address.trunc());
        }
        Ipv6Event::DefaultRouterExpired { interface, router } => {
            let _ = write!(
                s,
                "{device}/{interface}: no router advertisement from {router} came within its router lifetime, so the default route through it expires and IPv6 packets to other networks have no route"
            );
        }
        Ipv6Event::IcmpError { icmp_type, code, to, rate_limited } => {
            let what = icmp6_error_text(*icmp_type, *code, 1500);
            if *rate_limited {
                let _ = write!(s, "{device} would send ICMPv6 \"{what}\" to {to}, but Linux's ICMPv6 rate limit holds it back");
            } else {
                let _ = write!(s, "{device} sends ICMPv6 \"{what}\" to {to}");
            }
        }
    }
}

/// `ip -6 route`'s line for a row.
pub fn route6_text(r: &Route6Entry) -> String {
    let proto = match r.proto {
        Route6Proto::Kernel => "kernel",
        Route6Proto::Static => "static",
        Route6Proto::Ra => "ra",
    };
    let prefix = if r.prefix.prefix_len() == 0 { "default".to_string() } else { r.prefix.to_string() };
    match r.via {
        Some(v) => format!("{prefix} via {v} dev {} proto {proto} metric {}", r.interface, r.metric),
        None => format!("{prefix} dev {} proto {proto} metric {}", r.interface, r.metric),
    }
}

/// One row of the IPv6 prefix view: an address in eight 16-bit groups of
/// four hex digits, and one group in binary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrefixRow {
    pub label: &'static str,
    pub groups: [String; 8],
    /// The bits of group [`PrefixView::group`], 16 characters.
    pub bits: String,
}

/// The IPv6 form of the IPv4 mask AND view: the destination, the prefix
/// mask, their AND and the route's prefix, in hex, with the group where the
/// decision falls in binary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrefixView {
    pub rows: [PrefixRow; 4],
    pub prefix_len: u8,
    pub matches: bool,
    /// The group shown in binary: the first that differs, else the one the prefix ends in.
    pub group: usize,
    pub verdict: String,
}

/// The prefix view of one check of an IPv6 route decision.
pub fn prefix_view(check: &PrefixCheck, destination: std::net::Ipv6Addr) -> PrefixView {
    let len = check.prefix.prefix_len().min(128);
    let mask: u128 = if len == 0 { 0 } else { u128::MAX << (128 - u32::from(len)) };
    let dst = u128::from(destination);
    let and = dst & mask;
    let net = u128::from(check.prefix.network()) & mask;
    let diff = and ^ net;
    let matches = diff == 0;
    let group = if matches { (usize::from(len).saturating_sub(1) / 16).min(7) } else { diff.leading_zeros() as usize / 16 };
    let row = |label: &'static str, v: u128| {
        let groups: [String; 8] = std::array::from_fn(|g| format!("{:04x}", (v >> (112 - 16 * g)) as u16));
        let bits = format!("{:016b}", (v >> (112 - 16 * group)) as u16);
        PrefixRow { label, groups, bits }
    };
    let mask_addr = std::net::Ipv6Addr::from(mask);
    let verdict = if matches {
        format!(
            "{destination} AND {mask_addr} = {} = {}: the first {len} bits match, so this route applies",
            std::net::Ipv6Addr::from(and),
            check.prefix
        )
    } else {
        format!(
            "{destination} AND {mask_addr} = {} ≠ {}: they differ in group {} (bits {}–{}), so this route does not apply",
            std::net::Ipv6Addr::from(and),
            check.prefix,
            group + 1,
            group * 16,
            group * 16 + 15
        )
    };
    PrefixView {
        rows: [row("destination", dst), row("mask", mask), row("AND", and), row("prefix", net)],
        prefix_len: len,
        matches,
        group,
        verdict,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefix_view_finds_the_differing_group() {
        let check = PrefixCheck {
            prefix: "2001:db8:1::/64".parse().unwrap(),
            masked_destination: "2001:db8:2::".parse().unwrap(),
            matches: false,
        };
        let v = prefix_view(&check, "2001:db8:2::10".parse().unwrap());
        assert!(!v.matches);
        assert_eq!(v.group, 2);
        assert_eq!(v.rows[0].groups[2], "0002");
        assert_eq!(v.rows[1].groups, ["ffff", "ffff", "ffff", "ffff", "0000", "0000", "0000", "0000"].map(String::from));
        assert_eq!(v.rows[3].bits, "0000000000000001");
        assert!(v.verdict.contains("differ in group 3"), "{}", v.verdict);
        let ok = prefix_view(&PrefixCheck { prefix: "::/0".parse().unwrap(), masked_destination: "::".parse().unwrap(), matches: true }, "2001:db8:2::10".parse().unwrap());
        assert!(ok.matches && ok.group == 0);
    }
}
