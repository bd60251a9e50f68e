//! Predict questions for IPv6 (issue 16):
//! - a neighbour-cache entry going INCOMPLETE: where does the neighbour
//!   solicitation go? (right: the target's solicited-node group; wrong: the
//!   Ethernet broadcast as ARP would, all nodes ff02::1, the target itself);
//! - a SLAAC address appearing: which address does the host build from the
//!   advertised prefix? (right: the prefix and the EUI-64 identifier; wrong:
//!   the prefix and the MAC's 48 bits as they are, prefix::1, the link-local address);
//! - a packet larger than the next link's MTU at a router: what does it do?
//!   (right: drop it and send "packet too big" — or, IPv4 with DF set,
//!   "fragmentation needed" — with the link's MTU; wrong: fragment it, send
//!   it whole anyway, drop it without a word).

use super::predict::{Answer, Choice, QuestionKind};
use crate::msg;
use crate::msg::Msg;
use crate::frames6::{multicast_mac, solicited_node};
use crate::mac::MacAddr;
use crate::neighbor::NudState;
use crate::scenario::Topology;
use crate::trace::{AddrOrigin, AddrState, EventKind, Ipv6Event};
use std::net::Ipv6Addr;

/// True for the IPv6 events predict mode stops before.
pub(super) fn is_decision(kind: &EventKind) -> bool {
    if let EventKind::Mtu { event, .. } = kind {
        return matches!(**event, crate::trace::MtuEvent::TooBig { .. });
    }
    let EventKind::Ipv6 { event, .. } = kind else { return false };
    matches!(
        **event,
        Ipv6Event::Neighbor { old: None | Some(NudState::Failed), new: NudState::Incomplete, .. }
            | Ipv6Event::Address { origin: AddrOrigin::Slaac, state: AddrState::Tentative, .. }
    )
}

fn group_choice(text: Msg, address: Ipv6Addr) -> Choice {
    Choice { text, answer: Answer::Ipv6 { address: address.to_string() } }
}

/// (kind, prompt, correct, wrong) for an IPv6 decision event.
pub(super) fn question_parts(scenario: &Topology, kind: &EventKind) -> Option<(QuestionKind, Msg, Choice, Vec<Choice>)> {
    if let EventKind::Mtu { device, event } = kind {
        if let crate::trace::MtuEvent::TooBig { interface, size, mtu, v6 } = &**event {
            return Some(too_big(device.as_str(), interface.as_str(), *size, *mtu, *v6));
        }
    }
    let EventKind::Ipv6 { device, event } = kind else { return None };
    match &**event {
        Ipv6Event::Neighbor { ip, new: NudState::Incomplete, .. } => {
            let group = solicited_node(*ip);
            let all_nodes: Ipv6Addr = crate::frames6::ALL_NODES;
            Some((
                QuestionKind::NsDestination,
                msg!("predict-ns-destination", device = device, address = ip),
                group_choice(msg!("predict-ns-solicited-node", group = group, address = ip, mac = multicast_mac(group)), group),
                vec![
                    group_choice(msg!("predict-ns-broadcast"), Ipv6Addr::from([0xff; 16])),
                    group_choice(msg!("predict-ns-all-nodes", group = all_nodes, mac = multicast_mac(all_nodes)), all_nodes),
                    group_choice(msg!("predict-ns-unicast", address = ip), *ip),
                ],
            ))
        }
        Ipv6Event::Address { interface, address, origin: AddrOrigin::Slaac, .. } => {
            let mac = scenario
                .devices
                .iter()
                .find(|d| d.id == device.as_str())
                .and_then(|d| d.interfaces.iter().find(|f| f.name == interface.as_str()))
                .map(|f| f.mac)
                .unwrap_or(MacAddr::ZERO);
            let prefix = address.network().octets();
            let with = |iid: [u8; 8]| {
                let mut b = prefix;
                b[8..].copy_from_slice(&iid);
                Ipv6Addr::from(b)
            };
            let m = mac.0;
            let raw = with([0, 0, m[0], m[1], m[2], m[3], m[4], m[5]]);
            let one = with([0, 0, 0, 0, 0, 0, 0, 1]);
            let ll = crate::scenario::ipv6::link_local(mac);
            Some((
                QuestionKind::SlaacAddress,
                msg!("predict-slaac", device = device, interface = interface, mac = mac, prefix = address.network()),
                group_choice(msg!("predict-slaac-eui64", address = address.addr()), address.addr()),
                vec![
                    group_choice(msg!("predict-slaac-raw", address = raw), raw),
                    group_choice(msg!("predict-slaac-first", address = one), one),
                    group_choice(msg!("predict-slaac-link-local", address = ll), ll),
                ],
            ))
        }
        _ => None,
    }
}

fn action(text: Msg, action: u8) -> Choice {
    Choice { text, answer: Answer::MtuAction { action } }
}

/// The question before a router meets a packet too big for its next link.
fn too_big(device: &str, interface: &str, size: u32, mtu: u32, v6: bool) -> (QuestionKind, Msg, Choice, Vec<Choice>) {
    let (what, right) = if v6 {
        (
            msg!("predict-too-big-v6", device = device, size = size.to_string(), interface = interface, mtu = mtu.to_string()),
            msg!("predict-too-big-v6-right", mtu = mtu.to_string()),
        )
    } else {
        (
            msg!("predict-frag-needed", device = device, size = size.to_string(), interface = interface, mtu = mtu.to_string()),
            msg!("predict-frag-needed-right", mtu = mtu.to_string()),
        )
    };
    (
        QuestionKind::TooBig,
        what,
        action(right, 0),
        vec![
            action(msg!("predict-mtu-fragments", mtu = mtu.to_string()), 1),
            action(msg!("predict-mtu-whole"), 2),
            action(msg!("predict-mtu-silent"), 3),
        ],
    )
}
