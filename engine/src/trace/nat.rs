//! What the trace says about NAT: a router's translation of one packet
//! (the tuple before and after, which checksums changed, the conntrack entry
//! as it now stands), an entry timing out, and the sentences for both.

use super::Name;
use crate::l3::nat::{Conntrack, Tuple};
use crate::msg;
use crate::msg::{Arg, Msg};
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

/// What a `NatTranslated` event says beyond where it happened: one box for
/// the two tuples, the checksums and the entry (a record is as big as the
/// biggest variant, docs/perf.md).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NatRewrite {
    /// The packet's tuple before and after (for an ICMP error: the quoted packet's).
    pub before: Tuple,
    pub after: Tuple,
    /// The checksums the rewrite changed (usually none, one or two).
    pub checksums: Vec<ChecksumChange>,
    /// The conntrack entry after this packet.
    pub entry: ConntrackRow,
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

/// "; checksums updated: IPv4 header, UDP", or nothing.
fn checksum_text(checksums: &[ChecksumChange]) -> Arg {
    if checksums.is_empty() {
        return Arg::Text(String::new());
    }
    let names = checksums
        .iter()
        .map(|c| match c.field {
            "IPv4 header" => msg!("explain-checksum-ipv4-header"),
            "quoted IPv4 header" => msg!("explain-checksum-quoted-ipv4-header"),
            f => match f.strip_prefix("quoted ") {
                Some(proto) => msg!("explain-checksum-quoted", proto = proto),
                None => msg!("explain-checksum", proto = f),
            },
        })
        .collect();
    msg!("explain-nat-checksums", fields = Arg::Join(names, ", ")).into()
}

/// ", ESTABLISHED" for a TCP entry, or nothing.
fn state_text(entry: &ConntrackRow) -> String {
    entry.tcp_state.map(|s| format!(", {s}")).unwrap_or_default()
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
) -> Msg {
    let state = state_text(entry);
    match direction {
        _ if before == after => msg!(
            "explain-nat-own-flow",
            device = device,
            proto = proto_name(before),
            src = endpoint(before, true),
            dst = endpoint(before, false),
            interface = interface,
            state = state
        ),
        NatDirection::Outbound => msg!(
            "explain-nat-outbound",
            device = device,
            interface = interface,
            before = endpoint(before, true),
            after = endpoint(after, true),
            address = after.src.0,
            flow = if entry.seen_reply { msg!("explain-nat-known-flow") } else { msg!("explain-nat-new-flow") },
            state = state,
            checksums = checksum_text(checksums)
        ),
        NatDirection::Inbound => msg!(
            "explain-nat-inbound",
            device = device,
            proto = proto_name(before),
            before = endpoint(before, false),
            after = endpoint(after, false),
            state = state,
            checksums = checksum_text(checksums)
        ),
        NatDirection::InboundError => {
            msg!("explain-nat-inbound-error", device = device, host = after.src.0, checksums = checksum_text(checksums))
        }
    }
}

/// The sentence of a `ConntrackExpired` event.
pub(super) fn expired_sentence(device: &Name, entry: &ConntrackRow) -> Msg {
    let o = &entry.original;
    if o.src == entry.reply.dst {
        return msg!(
            "explain-conntrack-own-expired",
            device = device,
            proto = proto_name(o),
            src = endpoint(o, true),
            dst = endpoint(o, false)
        );
    }
    msg!(
        "explain-conntrack-expired",
        device = device,
        proto = proto_name(o),
        src = endpoint(o, true),
        dst = endpoint(o, false),
        translated = endpoint(&entry.reply, false)
    )
}
