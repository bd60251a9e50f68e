//! The sentences of IPv6 facts (issue 16), written to teach: why a
//! solicitation goes to a solicited-node group, why an address waits, where
//! a default route came from.

use super::ipv6::*;
use super::Name;
use crate::msg;
use crate::msg::Msg;
use crate::neighbor::NudState;

/// One sentence for an IPv6 fact of `device` (`locales/*/engine-explain*.ftl`).
pub(super) fn explain(device: &Name, event: &Ipv6Event) -> Msg {
    match event {
        Ipv6Event::Neighbor { interface, ip, mac, old, new } => {
            let why = match (old, new) {
                (None | Some(NudState::Failed), NudState::Incomplete) => {
                    msg!("explain6-nd-why-incomplete", group = crate::frames6::solicited_node(*ip))
                }
                (_, NudState::Reachable) => msg!("explain6-nd-why-reachable"),
                (None, NudState::Stale) => msg!("explain6-nd-why-learned"),
                (Some(NudState::Reachable), NudState::Stale) => msg!("explain-nud-why-not-confirmed"),
                (Some(NudState::Stale), NudState::Delay) => msg!("explain-nud-why-delay"),
                (Some(NudState::Delay), NudState::Probe) => msg!("explain6-nd-why-probe"),
                (_, NudState::Failed) => msg!("explain6-nd-why-failed"),
                (_, NudState::Stale) => msg!("explain6-nd-why-new-mac"),
                _ => msg!("explain-nud-why-other"),
            };
            let old = super::explain::nud_old(*old);
            match mac {
                Some(m) => msg!(
                    "explain6-nd-entry-mac",
                    device = device,
                    interface = interface,
                    ip = ip,
                    old = old,
                    new = new.name(),
                    mac = m,
                    why = why
                ),
                None => msg!(
                    "explain6-nd-entry",
                    device = device,
                    interface = interface,
                    ip = ip,
                    old = old,
                    new = new.name(),
                    why = why
                ),
            }
        }
        Ipv6Event::Address { interface, address, origin, state } => match state {
            AddrState::Tentative => {
                let from = match origin {
                    AddrOrigin::LinkLocal => msg!("explain6-from-link-local"),
                    AddrOrigin::Static => msg!("explain6-from-static"),
                    AddrOrigin::Slaac => msg!("explain6-from-slaac"),
                };
                msg!("explain6-tentative", device = device, interface = interface, from = from, address = address)
            }
            AddrState::Preferred => msg!("explain6-dad-passed", device = device, interface = interface, address = address),
            AddrState::DadFailed => msg!("explain6-dad-failed", device = device, interface = interface, address = address),
        },
        Ipv6Event::Routes { routes } => msg!(
            "explain6-routes",
            device = device,
            count = routes.len(),
            routes = routes.iter().map(route6_text).collect::<Vec<_>>().join("; ")
        ),
        Ipv6Event::Route { decision } => {
            let d = decision;
            let forwarding = if d.forwarding { "yes" } else { "no" };
            match (&d.chosen, d.next_hop) {
                (Some(r), Some(nh)) => {
                    let (matching, total) = (d.checks.iter().filter(|c| c.matches).count(), d.checks.len());
                    if nh != d.destination {
                        msg!(
                            "explain6-route-router",
                            device = device,
                            forwarding = forwarding,
                            dst = d.destination,
                            prefix = r.prefix,
                            matching = matching,
                            total = total,
                            interface = &r.interface,
                            router = nh
                        )
                    } else {
                        msg!(
                            "explain6-route-direct",
                            device = device,
                            forwarding = forwarding,
                            dst = d.destination,
                            prefix = r.prefix,
                            matching = matching,
                            total = total,
                            interface = &r.interface
                        )
                    }
                }
                _ => msg!("explain6-route-none", device = device, dst = d.destination),
            }
        }
        Ipv6Event::RouterAdvert { interface, router, lifetime_s, prefix, outcome } => {
            let about = match (prefix, outcome) {
                (Some(p), SlaacOutcome::NewAddress) => msg!("explain6-ra-slaac", prefix = p),
                (Some(p), SlaacOutcome::Refreshed) => msg!("explain6-ra-refreshed", prefix = p),
                (Some(p), SlaacOutcome::WrongPrefixLength) => {
                    msg!("explain6-ra-wrong-length", prefix = p, len = p.prefix_len())
                }
                (Some(p), SlaacOutcome::NotAutonomous) => msg!("explain6-ra-not-autonomous", prefix = p),
                _ => msg!("explain6-ra-no-prefix"),
            };
            if *lifetime_s > 0 {
                msg!(
                    "explain6-ra-default",
                    device = device,
                    interface = interface,
                    router = router,
                    seconds = lifetime_s.to_string(),
                    prefix = about
                )
            } else {
                msg!("explain6-ra-not-default", device = device, interface = interface, router = router, prefix = about)
            }
        }
        Ipv6Event::Down { interface } => msg!("explain6-down", device = device, interface = interface),
        Ipv6Event::NeighborsFlushed { interface, ips } => {
            msg!("explain6-nd-flushed", device = device, interface = interface, count = ips.len())
        }
        Ipv6Event::AddressRemoved { interface, address } => {
            msg!("explain6-address-removed", device = device, interface = interface, address = address, prefix = address.trunc())
        }
        Ipv6Event::DefaultRouterExpired { interface, router } => {
            msg!("explain6-default-router-expired", device = device, interface = interface, router = router)
        }
        Ipv6Event::IcmpError { icmp_type, code, to, rate_limited } => {
            let error = icmp6_error_text(*icmp_type, *code, 1500);
            if *rate_limited {
                msg!("explain6-icmp-held", device = device, error = error, to = to)
            } else {
                msg!("explain6-icmp-sent", device = device, error = error, to = to)
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
    /// One sentence: the AND and whether the route applies.
    pub verdict: Msg,
}

impl PrefixRow {
    /// The row's label as the inspector shows it, in the reader's language.
    pub fn label_msg(&self) -> Msg {
        match self.label {
            "destination" => msg!("explain-row-destination"),
            "mask" => msg!("explain-row-mask"),
            "AND" => msg!("explain-row-and"),
            _ => msg!("explain-row-prefix"),
        }
    }
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
        msg!(
            "explain6-prefix-match",
            dst = destination,
            mask = mask_addr,
            masked = std::net::Ipv6Addr::from(and),
            prefix = check.prefix,
            len = len
        )
    } else {
        msg!(
            "explain6-prefix-differs",
            dst = destination,
            mask = mask_addr,
            masked = std::net::Ipv6Addr::from(and),
            prefix = check.prefix,
            group = group + 1,
            first = group * 16,
            last = group * 16 + 15
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
        assert!(v.verdict.to_string().contains("differ in group 3"), "{}", v.verdict);
        let ok = prefix_view(&PrefixCheck { prefix: "::/0".parse().unwrap(), masked_destination: "::".parse().unwrap(), matches: true }, "2001:db8:2::10".parse().unwrap());
        assert!(ok.matches && ok.group == 0);
    }
}
