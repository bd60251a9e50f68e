//! One-line summaries in the style of Wireshark's Info column, so what a student
//! reads in Packet Lab matches what they later see in Wireshark.
//!
//! Wording follows Wireshark's ARP and ICMP dissectors ("Who has X? Tell Y",
//! "X is at M", "Echo (ping) request id=0x0001, seq=1/256, ttl=64"). Two
//! deliberate differences: a single space before "id=" (Wireshark pads to align
//! request and reply), and problems (truncation, bad checksums) are appended in
//! brackets so they are visible without opening the inspector.

use core::fmt::Write;

use super::{
    decode, tcp::{self, flags, TcpOpt}, Ipv4Addr, icmp, ArpOperation, ChecksumStatus, EtherType, IcmpBody, IpProtocol, Network, Transport,
};

/// A one-line, Wireshark-style summary of an Ethernet frame
/// ("Who has 10.10.10.100? Tell 10.10.10.1"). Never panics.
pub fn summarize(frame: &[u8]) -> String {
    summarize_with(frame, &mut None)
}

/// Summaries of a capture in order, with TCP sequence and acknowledgement
/// numbers relative to each direction's first sequence number, as Wireshark
/// shows them by default (`tcp.relative_sequence_numbers: TRUE`; the base of a
/// direction is its SYN's sequence number, or the first one seen), and windows
/// scaled once both SYNs carried the window-scale option.
/// [`summarize`] alone cannot know these and prints the raw fields.
pub fn summarize_conversation(frames: &[&[u8]]) -> Vec<String> {
    let mut bases = Some(TcpBases::new());
    frames.iter().map(|f| summarize_with(f, &mut bases)).collect()
}

/// What [`summarize_conversation`] shows for the last of `frames` if it is a
/// TCP segment: relative (seq, ack) and the window (scaled once both SYNs
/// carried the option), learnt from the frames before it. For the inspector,
/// which shows one frame of a run and its numbers as the event list does.
pub fn tcp_relative(frames: &[&[u8]]) -> Option<(u32, u32, u32)> {
    let mut bases = TcpBases::new();
    let mut last = None;
    for f in frames {
        let d = decode(f);
        last = d.ipv4().zip(d.tcp()).map(|(ip, tcp)| relative(&mut bases, ip.src.value, ip.dst.value, tcp));
    }
    last
}

/// One direction of a TCP conversation: (src, sport, dst, dport).
type Direction = (Ipv4Addr, u16, Ipv4Addr, u16);

/// Per direction: the sequence number counted as 0, and the window scale its
/// SYN announced (None: no SYN seen or no option). A list searched in order
/// rather than a map: a capture has a handful of flows, and the app's wasm
/// carries one map type fewer (issue 15).
type TcpBases = Vec<(Direction, (u32, Option<u8>))>;

/// The entry of `key`, added as `v` when absent.
fn entry(bases: &mut TcpBases, key: Direction, v: (u32, Option<u8>)) -> &mut (u32, Option<u8>) {
    let i = bases.iter().position(|(k, _)| *k == key).unwrap_or_else(|| {
        bases.push((key, v));
        bases.len() - 1
    });
    &mut bases[i].1
}

fn summarize_with(frame: &[u8], bases: &mut Option<TcpBases>) -> String {
    let decoded = decode(frame);
    let mut line = String::new();
    match &decoded.ethernet {
        None => line.push_str("Ethernet"),
        Some(eth) => match &eth.payload {
            None => line.push_str(match eth.ethertype.value {
                EtherType::Arp => "ARP",
                EtherType::Ipv4 => "IPv4",
                _ => "Ethernet",
            }),
            Some(Network::Arp(arp)) => match (&arp.addresses, arp.operation.value) {
                (None, _) => line.push_str("ARP"),
                (Some(a), ArpOperation::Request) => {
                    let (spa, tpa) = (a.sender_ip.value, a.target_ip.value);
                    if spa == tpa {
                        let _ = write!(line, "Gratuitous ARP for {spa} (Request)");
                    } else if spa.is_unspecified() {
                        // RFC 5227 probe: the sender has no address yet.
                        let _ = write!(line, "Who has {tpa}? (ARP Probe)");
                    } else {
                        let _ = write!(line, "Who has {tpa}? Tell {spa}");
                    }
                }
                (Some(a), ArpOperation::Reply) => {
                    let (spa, tpa) = (a.sender_ip.value, a.target_ip.value);
                    if spa == tpa {
                        let _ = write!(line, "Gratuitous ARP for {spa} (Reply)");
                    } else {
                        let _ = write!(line, "{spa} is at {}", a.sender_mac.value);
                    }
                }
                (Some(_), ArpOperation::Unknown(op)) => {
                    let _ = write!(line, "Unknown ARP opcode 0x{op:04x}");
                }
            },
            Some(Network::Ipv4(ip)) => {
                let proto = ip.protocol.value;
                match &ip.payload {
                    _ if ip.frag_offset.value != 0 => {
                        let _ = write!(
                            line,
                            "Fragmented IP protocol (proto={} {}, off={}, ID={:04x})",
                            protocol_name(proto),
                            u8::from(proto),
                            ip.frag_offset.value,
                            ip.ident.value
                        );
                    }
                    Some(Transport::Icmp(icmp)) => match &icmp.body {
                        IcmpBody::Echo { ident, seq, .. } => {
                            let _ = write!(
                                line,
                                "{} id=0x{:04x}, seq={}/{}, ttl={}",
                                icmp.type_name(),
                                ident.value,
                                seq.value,
                                seq.value.swap_bytes(),
                                ip.ttl.value
                            );
                        }
                        _ => {
                            line.push_str(icmp::type_name(icmp.icmp_type.value));
                            if let Some(code) = icmp.code_name() {
                                let _ = write!(line, " ({code})");
                            }
                        }
                    },
                    Some(Transport::Udp(udp)) => udp_summary(&mut line, udp),
                    Some(Transport::Tcp(tcp)) => {
                        let rel = bases.as_mut().map(|b| relative(b, ip.src.value, ip.dst.value, tcp));
                        tcp_summary(&mut line, tcp, rel)
                    }
                    Some(Transport::Data(_)) | None => {
                        let _ = write!(
                            line,
                            "IPv4 {} → {}, protocol {} ({})",
                            ip.src.value,
                            ip.dst.value,
                            protocol_name(proto),
                            u8::from(proto)
                        );
                    }
                }
                if ip.checksum.is_bad() {
                    line.push_str(" [IPv4 header checksum incorrect]");
                }
                if let Some(Transport::Icmp(icmp)) = &ip.payload {
                    if matches!(icmp.checksum.status, ChecksumStatus::Bad { .. }) {
                        line.push_str(" [ICMP checksum incorrect]");
                    }
                }
            }
            Some(Network::Stp(stp)) => line.push_str(&super::stp::summary(stp)),
            Some(Network::Ipv6(ip)) => super::summary6::summarize(&mut line, ip),
            Some(Network::Data(_)) => match eth.ethertype.value {
                EtherType::Ipv6 => line.push_str("IPv6 (not decoded)"),
                EtherType::Unknown(n) if n < 0x0600 => {
                    let _ = write!(line, "IEEE 802.3 frame, length {n} (not decoded)");
                }
                other => {
                    let _ = write!(
                        line,
                        "Ethernet II, type 0x{:04x} (not decoded)",
                        u16::from(other)
                    );
                }
            },
        },
    }
    if let Some(problem) = &decoded.problem {
        let _ = write!(line, " [{problem}]");
    }
    line
}

/// Wireshark's Info column for UDP ("40000 → 53 Len=4"), DHCP (packet-dhcp.c:
/// "DHCP Discover - Transaction ID 0x…"; Wireshark pads the type name to line
/// the rows up, here a single space as for ICMP above) and DNS (packet-dns.c:
/// "Standard query 0x… A name", responses followed by each answer's and
/// authority record's type and data, "OPT" when EDNS is present).
fn udp_summary(line: &mut String, udp: &super::Udp) {
    use super::dns::{rdata_text, type_name, RData};
    match &udp.payload {
        Some(super::Application::Dhcp(d)) => {
            let kind = d.message_type.map_or("BOOTP", |t| t.name());
            let _ = write!(line, "DHCP {kind} - Transaction ID 0x{:08x}", d.xid.value);
        }
        Some(super::Application::Dns(d)) if d.message.is_some() => {
            let m = d.message.as_ref().expect("checked");
            if m.is_response() {
                let _ = write!(line, "Standard query response 0x{:04x}", m.id);
                let rc = match m.rcode() {
                    0 => None,
                    2 => Some("Server failure"),
                    3 => Some("No such name"),
                    5 => Some("Refused"),
                    _ => Some("Error"),
                };
                if let Some(rc) = rc {
                    let _ = write!(line, " {rc}");
                }
            } else {
                let _ = write!(line, "Standard query 0x{:04x}", m.id);
            }
            for q in &m.questions {
                let _ = write!(line, " {} {}", type_name(q.qtype), q.name);
            }
            for r in m.answers.iter().chain(m.authority.iter()) {
                let data = match &r.data {
                    RData::Cname(n) => n.clone(),
                    RData::Soa { mname, .. } => mname.clone(),
                    other => rdata_text(other),
                };
                let _ = write!(line, " {} {data}", type_name(r.rtype));
            }
            if m.additional.iter().any(|r| r.rtype == super::dns::rtype::OPT) {
                line.push_str(" OPT");
            }
        }
        _ => {
            let _ = write!(
                line,
                "{} → {} Len={}",
                udp.src_port.value,
                udp.dst_port.value,
                udp.length.value.saturating_sub(8)
            );
        }
    }
    if udp.checksum.is_bad() {
        line.push_str(" [UDP checksum incorrect]");
    }
}

/// Relative (seq, ack) of `tcp` sent `src → dst`, learning bases as it goes,
/// and the window as Wireshark shows it: multiplied by the sender's scale once
/// both SYNs were seen with the option (RFC 7323 §2.3), never in a SYN.
fn relative(bases: &mut TcpBases, src: Ipv4Addr, dst: Ipv4Addr, tcp: &tcp::Tcp) -> (u32, u32, u32) {
    let (sp, dp) = (tcp.src_port.value, tcp.dst_port.value);
    let (seq, ack) = (tcp.seq.value, tcp.ack.value);
    let key = (src, sp, dst, dp);
    let syn = tcp.flags.value & flags::SYN != 0;
    if syn {
        let ws = tcp.options.iter().find_map(|o| match o.value {
            TcpOpt::WindowScale(s) => Some(s.min(14)),
            _ => None,
        });
        *entry(bases, key, (seq, ws)) = (seq, ws);
    }
    let (mine, my_ws) = *entry(bases, key, (seq, None));
    // The peer's base: its SYN's sequence, or (before it is seen) ack - 1 as
    // Wireshark assumes for a SYN-ACK.
    let (theirs, their_ws) = *entry(bases, (dst, dp, src, sp), (ack.wrapping_sub(1), None));
    let window = u32::from(tcp.window.value);
    let window = match (syn, my_ws, their_ws) {
        (false, Some(s), Some(_)) => window << s,
        _ => window,
    };
    (seq.wrapping_sub(mine), ack.wrapping_sub(theirs), window)
}

/// Wireshark's TCP Info column ("43210 → 80 [SYN] Seq=0 Win=64240 Len=0
/// MSS=1460 SACK_PERM TSval=… TSecr=0 WS=128", packet-tcp.c); an HTTP head
/// shows its start line instead, as the HTTP dissector replaces the column.
/// `rel` gives relative numbers; without it the absolute ones are printed.
fn tcp_summary(line: &mut String, tcp: &tcp::Tcp, rel: Option<(u32, u32, u32)>) {
    if let Some(h) = &tcp.http {
        line.push_str(&h.info());
        if let Some((_, v)) = h
            .headers
            .iter()
            .map(|f| &f.value)
            .find(|(n, _)| n.eq_ignore_ascii_case("content-type"))
            .filter(|_| matches!(h.start.value, super::http::StartLine::Response { .. }))
        {
            let _ = write!(line, " ({v})");
        }
    } else {
        let f = tcp.flags.value;
        let (seq, ack, win) = rel.unwrap_or((tcp.seq.value, tcp.ack.value, u32::from(tcp.window.value)));
        let _ = write!(line, "{} → {} [{}] Seq={seq}", tcp.src_port.value, tcp.dst_port.value, tcp::flag_names(f));
        if f & flags::ACK != 0 {
            let _ = write!(line, " Ack={ack}");
        }
        // The single-frame view prints the raw field (the scale is in the SYNs).
        let _ = write!(line, " Win={win} Len={}", tcp.payload_len());
        for o in &tcp.options {
            match &o.value {
                TcpOpt::Mss(m) => {
                    let _ = write!(line, " MSS={m}");
                }
                TcpOpt::SackPermitted => line.push_str(" SACK_PERM"),
                TcpOpt::Timestamps { tsval, tsecr } => {
                    let _ = write!(line, " TSval={tsval} TSecr={tsecr}");
                }
                TcpOpt::WindowScale(s) => {
                    let _ = write!(line, " WS={}", 1u32 << s.min(&14));
                }
                TcpOpt::Sack(b) => {
                    for (l, r) in b {
                        let _ = write!(line, " SLE={l} SRE={r}");
                    }
                }
                _ => {}
            }
        }
    }
    if tcp.checksum.is_bad() {
        line.push_str(" [TCP checksum incorrect]");
    }
}

fn protocol_name(p: IpProtocol) -> &'static str {
    match p {
        IpProtocol::Icmp => "ICMP",
        IpProtocol::Igmp => "IGMP",
        IpProtocol::Tcp => "TCP",
        IpProtocol::Udp => "UDP",
        IpProtocol::Unknown(_) => "unknown",
    }
}
