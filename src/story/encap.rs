//! The encapsulation view's model: a frame as nested boxes, outermost first (Ethernet ⊃ IPv4 ⊃
//! TCP ⊃ HTTP, Ethernet ⊃ ARP, …), each with its key fields; and across a router, which boxes
//! were unwrapped and rewrapped (new MACs, TTL − 1, NAT's address and port, checksums), by
//! comparing the frame a router received with the frame it sent.
//!
//! Pure; the boxes are the packet inspector's layers (`crate::inspector::layers`, one decode
//! of each frame), so both views name every field alike.

use crate::inspector::{layers, FieldRow, Layer};

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
    /// Its name, as the inspector names it.
    pub name: String,
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

/// The fields a box shows, by the inspector's names: what a router or NAT may touch and
/// what names the message. Other layers show their first few fields.
const KEY_FIELDS: [&str; 17] = [
    "Destination",
    "Source",
    "Opcode",
    "Sender IP address",
    "Target IP address",
    "Source address",
    "Destination address",
    "Time to live",
    "Header checksum",
    "Type",
    "Identifier",
    "Source port",
    "Destination port",
    "Flags",
    "Checksum",
    "Option: (53) DHCP Message Type",
    "Queries",
];

/// How many fields a layer without key fields shows.
const FIRST_FIELDS: usize = 3;

/// The box name of an inspector layer.
fn layer_name(l: &Layer, outermost: bool) -> &'static str {
    match l.css {
        _ if l.title.starts_with("Quoted") => "Quoted packet",
        "eth" if outermost => "Ethernet",
        "arp" => "ARP",
        "ipv4" => "IPv4",
        "icmp" | "icmp-error" => "ICMP",
        "udp" => "UDP",
        "dhcp" => "DHCP",
        "dns" => "DNS",
        "tcp" => "TCP",
        "http" => "HTTP",
        _ => "Data",
    }
}

/// The boxes of `frame`, outermost first: the inspector's layers (one decode, one set of
/// field names for both views) with their key fields; padding, data and problem layers are
/// not boxes.
pub fn shells(frame: &[u8]) -> Vec<Shell> {
    layers(frame, None)
        .iter()
        .enumerate()
        .filter(|(i, l)| !l.fields.is_empty() && (*i == 0 || layer_name(l, false) != "Data"))
        .map(|(i, l)| {
            let key: Vec<&FieldRow> = l.fields.iter().filter(|f| f.depth == 0 && KEY_FIELDS.contains(&f.name.as_str())).collect();
            let chosen: Vec<&FieldRow> =
                if key.is_empty() { l.fields.iter().filter(|f| f.depth == 0).take(FIRST_FIELDS).collect() } else { key };
            Shell {
                layer: layer_name(l, i == 0),
                css: l.css,
                fields: chosen.into_iter().map(|f| BoxField { name: f.name.clone(), value: f.value.clone(), before: None }).collect(),
                change: Change::Original,
            }
        })
        .collect()
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
        let ip: Vec<&str> = s[1].fields.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(ip, ["Flags", "Time to live", "Header checksum", "Source address", "Destination address"]);
        assert!(s.iter().all(|s| s.change == Change::Original));
        assert_eq!(shells(&golden::ARP_REQUEST).iter().map(|s| s.layer).collect::<Vec<_>>(), ["Ethernet", "ARP"]);
        assert!(shells(&[0u8; 3]).is_empty());
    }
}
