//! What the trace says about NAT: a router's translation of one packet
//! (the tuple before and after, which checksums changed, the conntrack entry
//! as it now stands), an entry timing out, and the sentences for both.

use super::Name;
use crate::l3::nat::{Conntrack, Tuple};
use crate::time::SimTime;
use serde::Serialize;
use std::fmt::Write as _;

/// Which way a packet crossed the NAT.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NatDirection {
    /// Leaving through the outside interface (POSTROUTING, MASQUERADE).
    Outbound,
    /// A reply arriving on the outside interface (PREROUTING, de-NAT).
    Inbound,
    /// An ICMP error arriving on the outside interface about a translated packet.
    InboundError,
}

/// A checksum the rewrite changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct ChecksumChange {
    /// "IPv4 header", "TCP", "UDP", "ICMP", "quoted IPv4 header", "quoted UDP", …
    pub field: &'static str,
    pub old: u16,
    pub new: u16,
}

/// One row of `conntrack -L` at the time of an event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ConntrackRow {
    /// The outside interface whose table holds it.
    pub interface: Name,
    /// As the inside host sent it.
    pub original: Tuple,
    /// What a reply looks like on the outside.
    pub reply: Tuple,
    /// TCP state (`ESTABLISHED`, …); none for UDP and ICMP.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tcp_state: Option<&'static str>,
    /// A reply was seen (else `[UNREPLIED]`).
    pub seen_reply: bool,
    /// `[ASSURED]`.
    pub assured: bool,
    /// When it goes unless refreshed.
    pub expires: SimTime,
}

impl ConntrackRow {
    /// The row of a live entry.
    pub(crate) fn of(interface: Name, e: &Conntrack) -> ConntrackRow {
        ConntrackRow {
            interface,
            original: e.original,
            reply: e.reply,
            tcp_state: e.tcp.map(|t| t.name()),
            seen_reply: e.seen_reply,
            assured: e.assured,
            expires: e.expires,
        }
    }

    /// `conntrack -L`'s line at `now`: `tcp 6 117 SYN_SENT src=… [UNREPLIED] src=… …`.
    pub fn line(&self, now: SimTime) -> String {
        let secs = self.expires.saturating_sub(now).as_nanos().div_ceil(1_000_000_000);
        let (name, num) = match self.original.proto {
            6 => ("tcp", 6),
            17 => ("udp", 17),
            _ => ("icmp", 1),
        };
        let mut s = format!("{name:<8} {num} {secs} ");
        if let Some(t) = self.tcp_state {
            let _ = write!(s, "{t} ");
        }
        let part = |t: &Tuple| {
            if t.proto == 1 {
                format!("src={} dst={} type=8 code=0 id={}", t.src.0, t.dst.0, t.src.1)
            } else {
                format!("src={} dst={} sport={} dport={}", t.src.0, t.dst.0, t.src.1, t.dst.1)
            }
        };
        s.push_str(&part(&self.original));
        s.push(' ');
        if !self.seen_reply {
            s.push_str("[UNREPLIED] ");
        }
        if self.reply.proto == 1 {
            // conntrack prints the reply of an echo as type 0.
            s.push_str(&part(&self.reply).replace("type=8", "type=0"));
        } else {
            s.push_str(&part(&self.reply));
        }
        if self.assured {
            s.push_str(" [ASSURED]");
        }
        s
    }
}

/// `192.168.1.10:43210`, or `192.168.1.10 (echo id 43210)` for ICMP.
pub fn endpoint(t: &Tuple, source: bool) -> String {
    let (a, p) = if source { t.src } else { t.dst };
    if t.proto == 1 {
        format!("{a} (echo id {p})")
    } else {
        format!("{a}:{p}")
    }
}

fn proto_name(t: &Tuple) -> &'static str {
    match t.proto {
        6 => "TCP",
        17 => "UDP",
        _ => "ICMP echo",
    }
}

fn checksum_text(checksums: &[ChecksumChange]) -> String {
    if checksums.is_empty() {
        return String::new();
    }
    let names: Vec<&str> = checksums.iter().map(|c| c.field).collect();
    format!("; checksums updated: {}", names.join(", "))
}

/// The sentence of a `NatTranslated` event.
pub(super) fn translated_sentence(
    device: &Name,
    interface: &Name,
    direction: NatDirection,
    before: &Tuple,
    after: &Tuple,
    checksums: &[ChecksumChange],
    entry: &ConntrackRow,
) -> String {
    let sums = checksum_text(checksums);
    let state = entry.tcp_state.map(|s| format!(", {s}")).unwrap_or_default();
    match direction {
        _ if before == after => format!(
            "{device} matches the {} packet {} → {} to a conntrack entry on {interface}: it is {device}'s own flow from its outside address, so nothing is rewritten{state}.",
            proto_name(before),
            endpoint(before, true),
            endpoint(before, false)
        ),
        NatDirection::Outbound => format!(
            "{device} (NAT on {interface}) rewrites the source {} → {} so the reply can find its way back: the internet only knows {}, and the conntrack table remembers who is behind it ({}{state}{sums}).",
            endpoint(before, true),
            endpoint(after, true),
            after.src.0,
            if entry.seen_reply { "known flow" } else { "new flow, no reply yet" },
        ),
        NatDirection::Inbound => format!(
            "{device} finds the {} reply to {} in its conntrack table and rewrites the destination back to {}, the inside host that started the flow{state}{sums}.",
            proto_name(before),
            endpoint(before, false),
            endpoint(after, false)
        ),
        NatDirection::InboundError => format!(
            "{device} receives an ICMP error about a packet it translated and rewrites it for {}: the outer destination and the quoted packet's source go back to the inside host{sums}.",
            after.src.0
        ),
    }
}

/// The sentence of a `ConntrackExpired` event.
pub(super) fn expired_sentence(device: &Name, entry: &ConntrackRow) -> String {
    let o = &entry.original;
    if o.src == entry.reply.dst {
        return format!(
            "{device} forgets its own {} flow {} → {}: the conntrack entry timed out.",
            proto_name(o),
            endpoint(o, true),
            endpoint(o, false)
        );
    }
    format!(
        "{device} forgets the {} flow {} → {}, which it had translated to {}: its conntrack entry timed out, so a late reply would no longer be translated.",
        proto_name(o),
        endpoint(o, true),
        endpoint(o, false),
        endpoint(&entry.reply, false)
    )
}
