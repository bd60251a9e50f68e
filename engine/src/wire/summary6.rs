//! Wireshark's Info column for IPv6 frames (issue 16), as packet-icmpv6.c
//! writes it: "Neighbor Solicitation for 2001:db8::2 from 02:…",
//! "Echo (ping) request id=0x…, seq=1, hop limit=64", "Router Advertisement from 02:…".

use super::ipv6::{code_name, type_name, Ipv6};
use std::fmt::Write as _;

pub(super) fn summarize(line: &mut String, ip: &Ipv6) {
    if let Some((off, more, ident, next)) = ip.fragment {
        // packet-ipv6.c's Info column for a fragment.
        let more = if more { "y" } else { "n" };
        let _ = write!(line, "IPv6 fragment (off={off} more={more} ident=0x{ident:08x} nxt={next})");
        return;
    }
    let Some(i) = &ip.icmp else {
        let _ = write!(line, "IPv6 {} → {}", ip.src.value, ip.dst.value);
        return;
    };
    line.push_str(type_name(i.icmp_type));
    match i.icmp_type {
        128 | 129 => {
            if let Some((id, seq)) = i.echo {
                let _ = write!(line, " id=0x{id:04x}, seq={seq}, hop limit={}", ip.hop_limit.value);
            }
        }
        135 => {
            if let Some(t) = i.target {
                let _ = write!(line, " for {t}");
            }
            if let Some(m) = i.lladdr {
                let _ = write!(line, " from {m}");
            }
        }
        136 => {
            if let Some(t) = i.target {
                let _ = write!(line, " {t}");
            }
            if let Some((r, s, o)) = i.na_flags {
                let flags: Vec<&str> = [(r, "rtr"), (s, "sol"), (o, "ovr")].iter().filter(|f| f.0).map(|f| f.1).collect();
                if !flags.is_empty() {
                    let _ = write!(line, " ({})", flags.join(", "));
                }
            }
            if let Some(m) = i.lladdr {
                let _ = write!(line, " is at {m}");
            }
        }
        133 | 134 => {
            if let Some(m) = i.lladdr {
                let _ = write!(line, " from {m}");
            }
        }
        2 => {
            if let Some(mtu) = i.mtu {
                let _ = write!(line, " (MTU {mtu})");
            }
        }
        t => {
            if let Some(c) = code_name(t, i.code) {
                let _ = write!(line, " ({c})");
            }
        }
    }
    if i.checksum_bad {
        line.push_str(" [ICMPv6 checksum incorrect]");
    }
}
