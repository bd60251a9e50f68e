//! Diagnoses for curl (issue 12): a refused connection (nothing listens on
//! the port), a SYN that never got an answer (with the retransmission gaps,
//! and where the frames were lost when the run knows), read from the TCP
//! trace events of the run. Name resolution failures are `services.rs`'s;
//! a connection that failed for want of a route or ARP answer goes to the
//! generic checks with the address curl connected to ([`curl_target`]).

use super::{Cause, Diagnosis};
use crate::msg;
use crate::msg::Msg;
use crate::scenario::{Command, ScheduledCommand, Topology};
use crate::sim::RunOutcome;
use crate::trace::{explain_duration, DropReason, EventKind, Retransmitted, SocketState, TcpEnd};
use std::net::SocketAddrV4;

/// The first connection curl's device opened at or after the command's start:
/// its local and peer address.
fn curl_conn(topology: &Topology, outcome: &RunOutcome, spec: &ScheduledCommand) -> Option<(SocketAddrV4, SocketAddrV4)> {
    let id = topology.devices[spec.device].id.as_str();
    outcome.trace.events.iter().filter(|e| e.time >= spec.at).find_map(|e| match &e.kind {
        EventKind::TcpSocket { device, ends, old: None, new: Some(SocketState::SynSent), .. } if device.as_str() == id => {
            ends.peer.map(|peer| (ends.local, peer))
        }
        _ => None,
    })
}

/// The address curl connected to, for the generic route and ARP checks.
pub(super) fn curl_target(topology: &Topology, outcome: &RunOutcome, spec: &ScheduledCommand) -> Option<std::net::Ipv4Addr> {
    if !matches!(spec.command, Command::Curl { .. }) {
        return None;
    }
    curl_conn(topology, outcome, spec).map(|(_, p)| *p.ip())
}

pub(super) fn diagnose_curl(topology: &Topology, outcome: &RunOutcome, spec: &ScheduledCommand, j: usize) -> Option<Diagnosis> {
    let Command::Curl { url, .. } = &spec.command else { return None };
    let (local, peer) = curl_conn(topology, outcome, spec)?;
    let dev = &topology.devices[spec.device];
    let id = dev.id.as_str();
    let events = &outcome.trace.events;
    let mine = |l: &SocketAddrV4, p: &SocketAddrV4| *l == local && *p == peer;
    let end = events.iter().find_map(|e| match &e.kind {
        EventKind::TcpSocket { device, ends, new: None, end, .. }
            if device.as_str() == id && ends.peer.is_some_and(|p| mine(&ends.local, &p)) =>
        {
            Some(*end)
        }
        _ => None,
    });
    let server = topology.owner_of(*peer.ip()).map(|(k, _)| k);
    let mk = |cause: Cause, device: &str, field: String, text: Msg| Diagnosis {
        command: spec.label.clone(),
        cause,
        device: device.to_string(),
        field,
        text,
    };
    let port = peer.port();
    if end == Some(Some(TcpEnd::Refused)) {
        let (device, field, hint) = match server {
            Some(k) => {
                let d = &topology.devices[k];
                match &d.web_server {
                    Some(w) => (
                        id.to_string(),
                        format!("commands[{j}].run"),
                        msg!("diagnose-refused-other-port", server = &d.id, listening = w.port, port = port),
                    ),
                    None => (
                        d.id.clone(),
                        format!("devices[{k}].services"),
                        msg!("diagnose-refused-no-web-server", server = &d.id),
                    ),
                }
            }
            None => (id.to_string(), format!("commands[{j}].run"), msg!("diagnose-refused-check-address", host = url.host.to_string())),
        };
        let text = msg!(
            "diagnose-refused",
            port = port,
            server = server.map_or(peer.ip().to_string(), |k| topology.devices[k].id.clone()),
            address = *peer.ip(),
            hint = hint,
        );
        return Some(mk(Cause::ConnectionRefused { port }, &device, field, text));
    }
    if !matches!(end, None | Some(Some(TcpEnd::TimedOut))) {
        return None;
    }
    // The connection never got going: the SYN's retransmissions.
    let gaps: Vec<_> = events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::TcpRetransmit { device, retry }
                if device.as_str() == id && mine(&retry.local, &retry.peer) && retry.what == Retransmitted::Syn =>
            {
                Some(retry.after)
            }
            _ => None,
        })
        .collect();
    let established = events.iter().any(|e| {
        matches!(&e.kind, EventKind::TcpSocket { device, ends, new: Some(SocketState::Established), .. }
            if device.as_str() == id && ends.peer.is_some_and(|p| mine(&ends.local, &p)))
    });
    if gaps.is_empty() || established {
        return None;
    }
    let list: Vec<String> = gaps.iter().map(|g| explain_duration(*g)).collect();
    // Where the SYNs or the SYN-ACKs went: lost on a cable (the lab's drop lists)?
    let lost: Vec<String> = events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::FrameDropped { at, reason: DropReason::LostOnLink, bytes } if is_handshake(bytes, local, peer) => {
                let link = topology.links.iter().position(|l| {
                    [l.a, l.b].iter().any(|end| topology.devices[end.device].id == at.device.as_str() && topology.devices[end.device].ports[end.port] == at.port.as_str())
                });
                link.map(|k| topology.links[k].id.clone())
            }
            _ => None,
        })
        .collect();
    let mut links = lost.clone();
    links.dedup();
    // The server dropped the SYNs: no route back for its SYN-ACK.
    let no_way_back = server.filter(|&k| {
        let sid = topology.devices[k].id.as_str();
        events.iter().any(|e| matches!(&e.kind, EventKind::PacketDropped { device, reason: DropReason::NoRouteBack, .. } if device.as_str() == sid))
    });
    if let Some(k) = no_way_back {
        let s = &topology.devices[k].id;
        let text = msg!(
            "diagnose-syn-no-route-back",
            device = id,
            server = s,
            address = *local.ip(),
            gaps = list.join(", "),
            field = format!("devices[{k}].gateway"),
        );
        return Some(mk(Cause::NoAnswerToSyn { retransmitted_after: gaps }, s, format!("devices[{k}].gateway"), text));
    }
    let why = if !links.is_empty() {
        msg!("diagnose-syn-lost", links = links.join(", "))
    } else if server.is_none() {
        msg!("diagnose-syn-no-such-address", address = *peer.ip())
    } else {
        msg!("diagnose-syn-way-back")
    };
    let text = msg!(
        "diagnose-syn-unanswered",
        device = id,
        address = *peer.ip(),
        port = port,
        gaps = list.join(", "),
        why = why,
    );
    let field = match links.first().and_then(|l| topology.links.iter().position(|x| &x.id == l)) {
        Some(k) => format!("links[{k}]"),
        None => format!("commands[{j}].run"),
    };
    Some(mk(Cause::NoAnswerToSyn { retransmitted_after: gaps }, id, field, text))
}

/// A frame carrying a SYN or SYN-ACK of the connection `local` ↔ `peer`.
fn is_handshake(frame: &[u8], local: SocketAddrV4, peer: SocketAddrV4) -> bool {
    let Some(ip) = frame.get(14..) else { return false };
    if ip.len() < 40 || ip[9] != 6 {
        return false;
    }
    let hl = usize::from(ip[0] & 0x0f) * 4;
    let Some(t) = ip.get(hl..hl + 14) else { return false };
    let a = |at: usize| std::net::Ipv4Addr::new(ip[at], ip[at + 1], ip[at + 2], ip[at + 3]);
    let src = SocketAddrV4::new(a(12), u16::from_be_bytes([t[0], t[1]]));
    let dst = SocketAddrV4::new(a(16), u16::from_be_bytes([t[2], t[3]]));
    let syn = t[13] & 0x02 != 0;
    syn && ((src == local && dst == peer) || (src == peer && dst == local))
}
