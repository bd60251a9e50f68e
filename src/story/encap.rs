//! The encapsulation view's model: a frame as nested boxes, outermost first (Ethernet ⊃ IPv4 ⊃
//! TCP ⊃ HTTP, Ethernet ⊃ ARP, …), each with its key fields; and across a router, which boxes
//! were unwrapped and rewrapped (new MACs, TTL − 1, NAT's address and port, checksums), by
//! comparing the frame a router received with the frame it sent.
//!
//! Pure; the values come from the engine's one `wire::decode` of each frame.

use packet_engine::wire::{self, udp::Application, ArpOperation, IcmpBody, Network, Transport};

/// What happened to a box at the router that sent the frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// Not across a router (the frame's first hop), or nothing to say.
    Original,
    /// Taken off and a new one put on (Ethernet: a new frame for the next link).
    Rewrapped,
    /// Kept, with some fields rewritten (IPv4's TTL and checksum; NAT's addresses and ports).
    Edited,
    /// Carried through untouched.
    Kept,
}

impl Change {
    /// The badge on the box.
    pub fn label(self) -> &'static str {
        match self {
            Change::Original => "",
            Change::Rewrapped => "unwrapped and rewrapped",
            Change::Edited => "edited by the router",
            Change::Kept => "carried unchanged",
        }
    }

    /// The CSS modifier / test value.
    pub fn key(self) -> &'static str {
        match self {
            Change::Original => "original",
            Change::Rewrapped => "rewrapped",
            Change::Edited => "edited",
            Change::Kept => "kept",
        }
    }
}

/// One key field of a box.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BoxField {
    /// Its name.
    pub name: &'static str,
    /// Its value in this frame.
    pub value: String,
    /// Across a router, its value in the frame the router received, when it differs.
    pub before: Option<String>,
}

/// One box (layer).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shell {
    /// "Ethernet", "IPv4", "TCP", "HTTP" …
    pub layer: &'static str,
    /// Colour class suffix (`proto-…`).
    pub css: &'static str,
    /// Key fields.
    pub fields: Vec<BoxField>,
    /// What the router did to it.
    pub change: Change,
}

fn f(name: &'static str, value: String) -> BoxField {
    BoxField { name, value, before: None }
}

/// The boxes of `frame`, outermost first.
pub fn shells(frame: &[u8]) -> Vec<Shell> {
    let d = wire::decode(frame);
    let mut out = Vec::new();
    let Some(eth) = &d.ethernet else { return out };
    let shell = |layer, css, fields| Shell { layer, css, fields, change: Change::Original };
    out.push(shell(
        "Ethernet",
        "eth",
        vec![f("Destination MAC", eth.dst.value.to_string()), f("Source MAC", eth.src.value.to_string())],
    ));
    match &eth.payload {
        Some(Network::Arp(arp)) => {
            let op = match arp.operation.value {
                ArpOperation::Request => "request",
                ArpOperation::Reply => "reply",
                ArpOperation::Unknown(_) => "other",
            };
            let mut fields = vec![f("Operation", op.to_string())];
            if let Some(a) = &arp.addresses {
                fields.push(f("Sender", format!("{} at {}", a.sender_ip.value, a.sender_mac.value)));
                fields.push(f("Target", a.target_ip.value.to_string()));
            }
            out.push(shell("ARP", "arp", fields));
        }
        Some(Network::Ipv4(ip)) => {
            out.push(shell(
                "IPv4",
                "ipv4",
                vec![
                    f("Source", ip.src.value.to_string()),
                    f("Destination", ip.dst.value.to_string()),
                    f("TTL", ip.ttl.value.to_string()),
                    f("Header checksum", format!("0x{:04x}", ip.checksum.field.value)),
                ],
            ));
            match &ip.payload {
                Some(Transport::Icmp(icmp)) => {
                    let mut fields = vec![f("Type", icmp.type_name().to_string())];
                    if let IcmpBody::Echo { ident, seq, .. } = &icmp.body {
                        fields.push(f("Identifier", ident.value.to_string()));
                        fields.push(f("Sequence", seq.value.to_string()));
                    }
                    fields.push(f("Checksum", format!("0x{:04x}", icmp.checksum.field.value)));
                    out.push(shell("ICMP", if matches!(icmp.body, IcmpBody::Error { .. }) { "icmp-error" } else { "icmp" }, fields));
                }
                Some(Transport::Udp(udp)) => {
                    out.push(shell(
                        "UDP",
                        "udp",
                        vec![
                            f("Source port", udp.src_port.value.to_string()),
                            f("Destination port", udp.dst_port.value.to_string()),
                            f("Checksum", format!("0x{:04x}", udp.checksum.field.value)),
                        ],
                    ));
                    match &udp.payload {
                        Some(Application::Dhcp(dhcp)) => {
                            let kind = dhcp.message_type.map_or("BOOTP", |t| t.name());
                            out.push(shell(
                                "DHCP",
                                "dhcp",
                                vec![f("Message", kind.to_string()), f("Transaction", format!("0x{:08x}", dhcp.xid.value))],
                            ));
                        }
                        Some(Application::Dns(dns)) => {
                            let mut fields = vec![f("ID", format!("0x{:04x}", dns.id.value))];
                            if let Some(m) = &dns.message {
                                fields.push(f("Kind", if m.is_response() { "response" } else { "query" }.to_string()));
                                if let Some(q) = m.questions.first() {
                                    fields.push(f("Question", q.name.clone()));
                                }
                                if m.is_response() {
                                    fields.push(f("Answers", m.answers.len().to_string()));
                                }
                            }
                            out.push(shell("DNS", "dns", fields));
                        }
                        _ => {}
                    }
                }
                Some(Transport::Tcp(tcp)) => {
                    out.push(shell(
                        "TCP",
                        "tcp",
                        vec![
                            f("Source port", tcp.src_port.value.to_string()),
                            f("Destination port", tcp.dst_port.value.to_string()),
                            f("Flags", wire::tcp::flag_names(tcp.flags.value)),
                            f("Seq", tcp.seq.value.to_string()),
                            f("Ack", tcp.ack.value.to_string()),
                            f("Checksum", format!("0x{:04x}", tcp.checksum.field.value)),
                        ],
                    ));
                    if let Some(h) = &tcp.http {
                        out.push(shell("HTTP", "http", vec![f("Start line", h.info())]));
                    }
                }
                _ => {}
            }
        }
        _ => {}
    }
    out
}

/// The boxes of `left` (a frame a router sent) against `arrived` (the frame it came in as):
/// each box says what the router did to it and each field that differs carries its old value.
/// Boxes are matched by position and layer name; a layer that was not there before counts
/// as rewrapped.
pub fn across(arrived: &[u8], left: &[u8]) -> Vec<Shell> {
    let before = shells(arrived);
    let mut after = shells(left);
    for (i, shell) in after.iter_mut().enumerate() {
        let old = before.get(i).filter(|b| b.layer == shell.layer);
        let mut changed = false;
        for field in &mut shell.fields {
            let was = old.and_then(|o| o.fields.iter().find(|x| x.name == field.name)).map(|x| &x.value);
            if was != Some(&field.value) {
                field.before = was.cloned();
                changed = true;
            }
        }
        shell.change = match (i, old, changed) {
            (0, _, _) | (_, None, _) => Change::Rewrapped,
            (_, Some(_), true) => Change::Edited,
            (_, Some(_), false) => Change::Kept,
        };
    }
    after
}

#[cfg(test)]
mod tests {
    use super::*;
    use packet_engine::wire::golden;

    #[test]
    fn an_echo_request_is_icmp_in_ipv4_in_ethernet() {
        let s = shells(&golden::ECHO_REQUEST);
        let layers: Vec<_> = s.iter().map(|s| s.layer).collect();
        assert_eq!(layers, ["Ethernet", "IPv4", "ICMP"]);
        assert!(s.iter().all(|s| s.change == Change::Original));
        assert_eq!(shells(&golden::ARP_REQUEST).iter().map(|s| s.layer).collect::<Vec<_>>(), ["Ethernet", "ARP"]);
        assert!(shells(&[0u8; 3]).is_empty());
    }
}
