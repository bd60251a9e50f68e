//! The packet inspector's model: a frame as Wireshark shows it — a tree of layers whose
//! fields each know their bytes, and a hex + ASCII dump of 16 bytes a row — plus which field
//! is selected. Selecting a field highlights its bytes; clicking a byte selects the
//! innermost field that contains it.
//!
//! Pure (no yew): the tree comes from the engine's `wire::decode`, which already records
//! every field's byte range and checksum verdict, so nothing here re-parses bytes.
//! Layer colours are the playback palette's `proto-*` classes (static/app.css, Okabe–Ito),
//! so an ARP layer here has the colour of an ARP frame on the canvas.

use packet_engine::VecSet;
use std::ops::Range;

use packet_engine::trace::EventKind;
use packet_engine::wire::{
    self, ArpHardware, ArpOperation, Checksum, ChecksumStatus, EtherType, Icmp, IcmpBody, IpProtocol, Ipv4, Network,
    Transport, Udp,
};
use packet_engine::wire::dhcp::Node;
use packet_engine::wire::udp::Application;
use packet_engine::{RunOutcome, SimTime};

pub mod compare;
pub mod rewrap;
mod tcp;
pub use tcp::Rel;

/// Bytes per row of the dump, as in Wireshark and `xxd`.
pub const ROW: usize = 16;

/// A checksum's verdict as the tree shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Check {
    /// It matches the bytes it covers.
    Correct,
    /// It does not; a correct sender would have written `expected`.
    Wrong { expected: u16 },
    /// Not all covered bytes are present (quoted headers), so it is not checked.
    Unverified,
}

/// One line of the tree: a field, its value in words, and its bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldRow {
    /// The field's name ("Time to live", "Option: (53) DHCP Message Type").
    pub name: String,
    /// Nesting below the layer: 0 for a field, 1 for a DHCP option's or DNS record's
    /// sub-field (the engine's `wire::dhcp::Node` trees, flattened in wire order).
    pub depth: u8,
    /// Its value as Wireshark writes it ("64", "ARP (0x0806)").
    pub value: String,
    /// Its bytes in the frame.
    pub range: Range<usize>,
    /// For checksums: the verdict.
    pub check: Option<Check>,
}

/// One layer of the tree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Layer {
    /// The heading ("Internet Protocol Version 4, Src: …, Dst: …").
    pub title: String,
    /// The colour class suffix shared with the animation (`arp` → `proto-arp`).
    pub css: &'static str,
    /// Bytes of the frame the layer covers.
    pub range: Range<usize>,
    /// Its fields, in wire order.
    pub fields: Vec<FieldRow>,
}

/// The layers of a frame, outermost first; a truncated frame gives the layers that decoded
/// and a last "Problem" layer that says why it stopped. `rel`: a TCP segment's numbers
/// relative to its conversation ([`conversation`]).
pub fn layers(frame: &[u8], rel: Rel) -> Vec<Layer> {
    let d = wire::decode(frame);
    let mut out = Vec::new();
    let Some(eth) = &d.ethernet else {
        out.push(problem_layer(&d.problem, frame.len()));
        return out;
    };
    let ethertype = u16::from(eth.ethertype.value);
    // Below 0x0600 the field is an IEEE 802.3 length, not a type (a BPDU's frame).
    let (kind, type_row) = if ethertype <= 1500 {
        ("IEEE 802.3 Ethernet", row("Length", ethertype.to_string(), eth.ethertype.range.clone()))
    } else {
        ("Ethernet II", row("Type", format!("{} (0x{ethertype:04x})", ethertype_name(eth.ethertype.value)), eth.ethertype.range.clone()))
    };
    out.push(Layer {
        title: format!("{kind}, Src: {}, Dst: {}", eth.src.value, eth.dst.value),
        css: "eth",
        range: 0..14.min(frame.len()),
        fields: vec![
            row("Destination", mac_text(eth.dst.value), eth.dst.range.clone()),
            row("Source", mac_text(eth.src.value), eth.src.range.clone()),
            type_row,
        ],
    });
    // An 802.1Q tag between the MACs and the payload's type (a trunk between switches).
    if let Some(v) = &eth.vlan {
        let inner = u16::from(v.ethertype.value);
        out.push(Layer {
            title: format!("802.1Q Virtual LAN, PRI: {}, DEI: {}, ID: {}", v.pcp, u8::from(v.dei), v.vid.value),
            css: "vlan",
            range: v.range.clone(),
            fields: vec![
                row("Priority", v.pcp.to_string(), v.vid.range.clone()),
                row("ID (VLAN)", v.vid.value.to_string(), v.vid.range.clone()),
                row("Type", format!("{} (0x{inner:04x})", ethertype_name(v.ethertype.value)), v.ethertype.range.clone()),
            ],
        });
    }
    match &eth.payload {
        Some(Network::Arp(arp)) => {
            let op = u16::from(arp.operation.value);
            let op_name = match arp.operation.value {
                ArpOperation::Request => "request",
                ArpOperation::Reply => "reply",
                ArpOperation::Unknown(_) => "unknown",
            };
            let hw = match arp.hardware_type.value {
                ArpHardware::Ethernet => "Ethernet (1)".to_string(),
                ArpHardware::Unknown(n) => format!("Unknown ({n})"),
            };
            let mut fields = vec![
                row("Hardware type", hw, arp.hardware_type.range.clone()),
                row(
                    "Protocol type",
                    format!("{} (0x{:04x})", ethertype_name(arp.protocol_type.value), u16::from(arp.protocol_type.value)),
                    arp.protocol_type.range.clone(),
                ),
                row("Hardware size", arp.hardware_len.value.to_string(), arp.hardware_len.range.clone()),
                row("Protocol size", arp.protocol_len.value.to_string(), arp.protocol_len.range.clone()),
                row("Opcode", format!("{op_name} ({op})"), arp.operation.range.clone()),
            ];
            if let Some(a) = &arp.addresses {
                fields.push(row("Sender MAC address", mac_text(a.sender_mac.value), a.sender_mac.range.clone()));
                fields.push(row("Sender IP address", a.sender_ip.value.to_string(), a.sender_ip.range.clone()));
                fields.push(row("Target MAC address", mac_text(a.target_mac.value), a.target_mac.range.clone()));
                fields.push(row("Target IP address", a.target_ip.value.to_string(), a.target_ip.range.clone()));
            }
            out.push(Layer {
                title: format!("Address Resolution Protocol ({op_name})"),
                css: "arp",
                range: arp.range.clone(),
                fields,
            });
        }
        Some(Network::Ipv4(ip)) => push_ipv4(&mut out, frame, ip, Some(rel)),
        Some(Network::Stp(stp)) => push_stp(&mut out, stp),
        Some(Network::Ipv6(ip)) => push_ipv6(&mut out, ip),
        Some(Network::Data(r)) => out.push(data_layer("Data", r.clone())),
        None => {}
    }
    if let Some(t) = &eth.trailer {
        out.push(data_layer("Ethernet padding", t.clone()));
    }
    if d.problem.is_some() {
        out.push(problem_layer(&d.problem, frame.len()));
    }
    out
}

/// The LLC header and the BPDU of a spanning-tree frame, as Wireshark lays them out.
fn push_stp(out: &mut Vec<Layer>, s: &wire::stp::Stp) {
    let llc = s.dsap.range.start..s.control.range.end;
    out.push(Layer {
        title: "Logical-Link Control".into(),
        css: "stp",
        range: llc,
        fields: vec![
            row("DSAP", format!("Spanning Tree BPDU (0x{:02x})", s.dsap.value), s.dsap.range.clone()),
            row("SSAP", format!("Spanning Tree BPDU (0x{:02x})", s.ssap.value), s.ssap.range.clone()),
            row("Control field", format!("U, func=UI (0x{:02x})", s.control.value), s.control.range.clone()),
        ],
    });
    let kind = if s.config.is_some() { "Configuration" } else { "Topology Change Notification" };
    let mut fields = vec![
        row("Protocol Identifier", format!("Spanning Tree Protocol (0x{:04x})", s.protocol.value), s.protocol.range.clone()),
        row("Protocol Version Identifier", format!("Spanning Tree ({})", s.version.value), s.version.range.clone()),
        row("BPDU Type", format!("{kind} (0x{:02x})", s.bpdu_type.value), s.bpdu_type.range.clone()),
    ];
    if let Some(c) = &s.config {
        let yes = |b: bool| if b { "Yes" } else { "No" };
        let secs = |t: u16| format!("{} s ({t}/256)", t as f64 / 256.0);
        let id = |b: packet_engine::trace::BridgeId| format!("{} / {} ({b})", b.priority, b.mac);
        fields.push(row(
            "BPDU flags",
            format!("0x{:02x}: Topology Change {}, Acknowledgment {}", c.flags.value, yes(c.topology_change()), yes(c.topology_change_ack())),
            c.flags.range.clone(),
        ));
        fields.push(row("Root Identifier", id(c.root.value), c.root.range.clone()));
        fields.push(row("Root Path Cost", c.root_path_cost.value.to_string(), c.root_path_cost.range.clone()));
        fields.push(row("Bridge Identifier", id(c.bridge.value), c.bridge.range.clone()));
        fields.push(row("Port identifier", format!("0x{:04x}", c.port_id.value), c.port_id.range.clone()));
        fields.push(row("Message Age", secs(c.message_age.value), c.message_age.range.clone()));
        fields.push(row("Max Age", secs(c.max_age.value), c.max_age.range.clone()));
        fields.push(row("Hello Time", secs(c.hello_time.value), c.hello_time.range.clone()));
        fields.push(row("Forward Delay", secs(c.forward_delay.value), c.forward_delay.range.clone()));
    }
    out.push(Layer {
        title: format!("Spanning Tree Protocol ({kind})"),
        css: "stp",
        range: s.protocol.range.start..s.range.end,
        fields,
    });
}

/// A top-level field. Out of line: the trees call it from many sites (issue 15).
#[inline(never)]
fn row(name: &str, value: String, range: Range<usize>) -> FieldRow {
    FieldRow { name: name.to_string(), depth: 0, value, range, check: None }
}

/// A node tree (DHCP options, DNS questions and records) as rows, parents before children.
fn push_nodes(fields: &mut Vec<FieldRow>, nodes: &[Node], depth: u8) {
    for n in nodes {
        fields.push(FieldRow { name: n.label.clone(), depth, value: n.value.clone(), range: n.range.clone(), check: None });
        push_nodes(fields, &n.children, depth.saturating_add(1));
    }
}

fn checksum_row(name: &'static str, c: &Checksum) -> FieldRow {
    let check = match c.status {
        ChecksumStatus::Good => Check::Correct,
        ChecksumStatus::Bad { expected } => Check::Wrong { expected },
        ChecksumStatus::Unverified => Check::Unverified,
    };
    FieldRow {
        name: name.to_string(),
        depth: 0,
        value: format!("0x{:04x}", c.field.value),
        range: c.field.range.clone(),
        check: Some(check),
    }
}

/// An IPv6 packet's layers (issue 16): the engine names every field and
/// option as Wireshark does, with its bytes; this only picks colours.
fn push_ipv6(out: &mut Vec<Layer>, ip: &wire::ipv6::Ipv6) {
    use wire::ipv6::Layer6Kind;
    for l in &ip.layers {
        let css = match (l.kind, ip.icmp.as_ref().map(|i| i.icmp_type)) {
            (Layer6Kind::Icmpv6, Some(135 | 136)) => "ndp",
            (Layer6Kind::Icmpv6, Some(130..=134 | 143)) => "ipv6-ctl",
            (Layer6Kind::Icmpv6, Some(1..=4)) => "icmp-error",
            (Layer6Kind::Icmpv6, _) => "icmp",
            _ => "ipv6",
        };
        let fields = l
            .rows
            .iter()
            .map(|r| match &r.checksum {
                Some(c) => checksum_row("Checksum", c),
                None => FieldRow { name: r.name.clone(), depth: r.depth, value: r.value.clone(), range: r.range.clone(), check: None },
            })
            .collect();
        out.push(Layer { title: l.title.clone(), css, range: l.range.clone(), fields });
    }
}

/// An IPv4 layer and what it carries; `rel` is `None` for the header quoted in an ICMP error
/// (then titles say "Quoted").
fn push_ipv4(out: &mut Vec<Layer>, frame: &[u8], ip: &Ipv4, rel: Option<Rel>) {
    let quoted = rel.is_none();
    let proto = u8::from(ip.protocol.value);
    let proto_name = match ip.protocol.value {
        IpProtocol::Icmp => "ICMP",
        IpProtocol::Igmp => "IGMP",
        IpProtocol::Tcp => "TCP",
        IpProtocol::Udp => "UDP",
        IpProtocol::Unknown(_) => "unknown",
    };
    let flags = match (ip.dont_frag.value, ip.more_frags.value) {
        (true, true) => "0x3, Don't fragment, More fragments",
        (true, false) => "0x2, Don't fragment",
        (false, true) => "0x1, More fragments",
        (false, false) => "0x0",
    };
    let title = format!(
        "{}Internet Protocol Version 4, Src: {}, Dst: {}",
        if quoted { "Quoted: " } else { "" },
        ip.src.value,
        ip.dst.value
    );
    out.push(Layer {
        title,
        css: "ipv4",
        range: ip.range.clone(),
        fields: vec![
            row("Version", ip.version.value.to_string(), ip.version.range.clone()),
            row("Header length", format!("{} bytes ({})", ip.header_len.value, ip.header_len.value / 4), ip.header_len.range.clone()),
            row("Total length", ip.total_len.value.to_string(), ip.total_len.range.clone()),
            row("Identification", format!("0x{0:04x} ({0})", ip.ident.value), ip.ident.range.clone()),
            row("Flags", flags.to_string(), ip.dont_frag.range.clone()),
            row("Time to live", ip.ttl.value.to_string(), ip.ttl.range.clone()),
            row("Protocol", format!("{proto_name} ({proto})"), ip.protocol.range.clone()),
            checksum_row("Header checksum", &ip.checksum),
            row("Source address", ip.src.value.to_string(), ip.src.range.clone()),
            row("Destination address", ip.dst.value.to_string(), ip.dst.range.clone()),
        ],
    });
    match &ip.payload {
        Some(Transport::Icmp(icmp)) => push_icmp(out, frame, icmp, quoted),
        Some(Transport::Udp(udp)) => push_udp(out, udp, quoted),
        Some(Transport::Tcp(t)) => tcp::push_tcp(out, frame, t, rel.flatten()),
        Some(Transport::Data(r)) if !r.is_empty() => out.push(data_layer("Data", r.clone())),
        _ => {}
    }
}

fn push_icmp(out: &mut Vec<Layer>, frame: &[u8], icmp: &Icmp, quoted: bool) {
    let t = icmp.icmp_type.value;
    let type_text = format!("{t} ({})", icmp.type_name());
    let code_text = match icmp.code_name() {
        Some(n) => format!("{} ({n})", icmp.code.value),
        None => icmp.code.value.to_string(),
    };
    let mut fields = vec![
        row("Type", type_text, icmp.icmp_type.range.clone()),
        row("Code", code_text, icmp.code.range.clone()),
        checksum_row("Checksum", &icmp.checksum),
    ];
    let mut quoted_ip = None;
    let css = match &icmp.body {
        IcmpBody::Echo { ident, seq, data } => {
            fields.push(row("Identifier", format!("0x{0:04x} ({0})", ident.value), ident.range.clone()));
            fields.push(row("Sequence number", seq.value.to_string(), seq.range.clone()));
            if !data.is_empty() {
                fields.push(row("Data", format!("{} bytes", data.len()), data.clone()));
            }
            "icmp"
        }
        IcmpBody::Error { rest, quoted } => {
            fields.push(row("Rest of header", format!("0x{:08x}", rest.value), rest.range.clone()));
            quoted_ip = quoted.as_deref();
            "icmp-error"
        }
        IcmpBody::Other { rest, data } => {
            fields.push(row("Rest of header", format!("0x{:08x}", rest.value), rest.range.clone()));
            if !data.is_empty() {
                fields.push(row("Data", format!("{} bytes", data.len()), data.clone()));
            }
            "icmp"
        }
    };
    out.push(Layer {
        title: format!("{}Internet Control Message Protocol, {}", if quoted { "Quoted: " } else { "" }, icmp.type_name()),
        css,
        range: icmp.range.clone(),
        fields,
    });
    if let Some(inner) = quoted_ip {
        push_ipv4(out, frame, inner, None);
    }
}

fn push_udp(out: &mut Vec<Layer>, udp: &Udp, quoted: bool) {
    let (src, dst) = (udp.src_port.value, udp.dst_port.value);
    out.push(Layer {
        title: format!("{}User Datagram Protocol, Src Port: {src}, Dst Port: {dst}", if quoted { "Quoted: " } else { "" }),
        css: "udp",
        range: udp.range.clone(),
        fields: vec![
            row("Source port", port_text(src), udp.src_port.range.clone()),
            row("Destination port", port_text(dst), udp.dst_port.range.clone()),
            row("Length", udp.length.value.to_string(), udp.length.range.clone()),
            checksum_row("Checksum", &udp.checksum),
        ],
    });
    match &udp.payload {
        Some(Application::Dhcp(d)) => {
            let kind = d.message_type.map_or("BOOTP", |t| t.name());
            let mut fields = Vec::new();
            push_nodes(&mut fields, &d.tree, 0);
            out.push(Layer {
                title: format!("Dynamic Host Configuration Protocol ({kind}), Transaction ID 0x{:08x}", d.xid.value),
                css: "dhcp",
                range: d.range.clone(),
                fields,
            });
        }
        Some(Application::Dns(d)) => {
            let kind = if d.flags.value & 0x8000 != 0 { "response" } else { "query" };
            let mut fields = Vec::new();
            push_nodes(&mut fields, &d.tree, 0);
            out.push(Layer {
                title: format!("Domain Name System ({kind}), Transaction ID 0x{:04x}", d.id.value),
                css: "dns",
                range: d.range.clone(),
                fields,
            });
        }
        Some(Application::Data(r)) if !r.is_empty() => out.push(data_layer("Data", r.clone())),
        _ => {}
    }
}

/// A port with its service name where Wireshark gives one (`67 (bootps)`).
fn port_text(port: u16) -> String {
    match port {
        67 => "67 (bootps)".to_string(),
        68 => "68 (bootpc)".to_string(),
        53 => "53 (domain)".to_string(),
        80 => "80 (http)".to_string(),
        p => p.to_string(),
    }
}

fn data_layer(title: &str, range: Range<usize>) -> Layer {
    Layer {
        title: format!("{title} ({} bytes)", range.len()),
        css: "eth",
        range: range.clone(),
        fields: vec![row("Bytes", format!("{} bytes", range.len()), range)],
    }
}

fn problem_layer(problem: &Option<wire::Problem>, len: usize) -> Layer {
    let text = problem.as_ref().map(|p| p.to_string()).unwrap_or_else(|| "Not decoded".to_string());
    Layer { title: format!("[{text}]"), css: "icmp-error", range: len..len, fields: Vec::new() }
}

fn mac_text(m: packet_engine::MacAddr) -> String {
    if m.is_broadcast() {
        format!("Broadcast ({m})")
    } else {
        m.to_string()
    }
}

fn ethertype_name(t: EtherType) -> &'static str {
    match t {
        EtherType::Ipv4 => "IPv4",
        EtherType::Arp => "ARP",
        EtherType::Ipv6 => "IPv6",
        EtherType::Unknown(_) => "Unknown",
    }
}

/// Where a field is in the tree: (layer index, field index).
pub type FieldId = (usize, usize);

/// The innermost field containing byte `at`: the one with the smallest range, the later
/// layer on a tie (a quoted header's field rather than the ICMP "Data" around it), the first
/// field of a layer on a tie within it (TCP "Flags" rather than its one-bit lines, "Window"
/// rather than the calculated window).
pub fn field_at(layers: &[Layer], at: usize) -> Option<FieldId> {
    let mut best: Option<(usize, FieldId)> = None;
    for (l, layer) in layers.iter().enumerate() {
        for (f, field) in layer.fields.iter().enumerate() {
            let len = field.range.len();
            if field.range.contains(&at) && best.is_none_or(|(b, (bl, _))| len < b || (len == b && l > bl)) {
                best = Some((field.range.len(), (l, f)));
            }
        }
    }
    best.map(|(_, id)| id)
}

/// The innermost layer containing byte `at` (for its colour in the dump).
pub fn layer_at(layers: &[Layer], at: usize) -> Option<usize> {
    layers.iter().rposition(|l| l.range.contains(&at))
}

/// The byte range of a field.
pub fn range_of(layers: &[Layer], id: FieldId) -> Option<Range<usize>> {
    Some(layers.get(id.0)?.fields.get(id.1)?.range.clone())
}

/// The offset column of a dump row (`0010`).
pub fn offset_text(offset: usize) -> String {
    format!("{offset:04x}")
}

/// A byte as the ASCII column shows it: printable ASCII as itself, anything else as `.`.
pub fn ascii(b: u8) -> char {
    if b.is_ascii_graphic() || b == b' ' {
        b as char
    } else {
        '.'
    }
}

/// The dump's rows: start offsets `0, 16, 32, …` covering every byte.
pub fn row_offsets(len: usize) -> impl Iterator<Item = usize> {
    (0..len).step_by(ROW)
}

/// For a TCP segment carried by event `index`, its relative numbers as the event list's
/// conversation gives them: learnt from every frame put on a wire before it
/// (`wire::tcp_relative`). `None` for anything else.
pub fn conversation(outcome: &RunOutcome, index: usize) -> Rel {
    let events = outcome.trace.events.get(..=index)?;
    let this = frame_of(&events.last()?.kind)?;
    wire::decode(this).tcp()?;
    let mut frames: Vec<&[u8]> = events[..index]
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::FrameSent { bytes, .. } => Some(&bytes[..]),
            _ => None,
        })
        .collect();
    frames.push(this);
    wire::tcp_relative(&frames)
}

/// The frame an event carries, if any (sent, received or dropped).
pub fn frame_of(kind: &EventKind) -> Option<&[u8]> {
    match kind {
        EventKind::FrameSent { bytes, .. } | EventKind::FrameReceived { bytes, .. } | EventKind::FrameDropped { bytes, .. } => {
            Some(bytes)
        }
        _ => None,
    }
}

/// Every frame put on a wire in the run (one per `FrameSent`, stamped with the time its first
/// bit left), or only those of `link`: what a capture on the link(s) would hold. The same
/// choice as `packet-lab-run`'s per-link pcaps.
pub fn captured<'a>(outcome: &'a RunOutcome, link: Option<&str>) -> Vec<(SimTime, &'a [u8])> {
    outcome
        .trace
        .events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::FrameSent { hop, bytes, .. } if link.is_none_or(|x| hop.link.as_str() == x) => {
                Some((e.t_start(), &bytes[..]))
            }
            _ => None,
        })
        .collect()
}

/// The pcap file of [`captured`].
pub fn pcap_file(outcome: &RunOutcome, link: Option<&str>) -> Vec<u8> {
    packet_engine::pcap::pcap_bytes(captured(outcome, link))
}

/// The whole run's capture as pcapng: one interface per link of `lab` (in the lab's order,
/// named by the link's id, described by its two ends), each frame on its link's interface,
/// stamped when its first bit left. A frame a switch forwards is on several links, and now
/// each copy says which.
pub fn pcapng_file(outcome: &RunOutcome, lab: &packet_engine::Scenario) -> Vec<u8> {
    use packet_engine::pcap::{pcapng_bytes, Interface};
    let descriptions: Vec<String> =
        lab.links.iter().map(|l| format!("{} {} — {} {}", l.a.device, l.a.port, l.b.device, l.b.port)).collect();
    let interfaces: Vec<Interface<'_>> = lab
        .links
        .iter()
        .zip(&descriptions)
        .map(|(l, d)| Interface { name: &l.id, description: d })
        .collect();
    let frames = outcome.trace.events.iter().filter_map(|e| match &e.kind {
        EventKind::FrameSent { hop, bytes, .. } => {
            let index = lab.links.iter().position(|l| l.id == hop.link.as_str())?;
            Some((index, e.t_start(), &bytes[..]))
        }
        _ => None,
    });
    pcapng_bytes(&interfaces, frames)
}

/// The whole run's capture file name.
pub const PCAPNG_NAME: &str = "packet-lab.pcapng";

/// The download's file name: `lab.pcap`, or `lab-<link>.pcap` with characters other than
/// letters, digits, `-` and `_` replaced by `_`.
pub fn pcap_name(link: Option<&str>) -> String {
    match link {
        None => "packet-lab.pcap".to_string(),
        Some(l) => {
            let safe: String = l.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '_' }).collect();
            format!("packet-lab-{safe}.pcap")
        }
    }
}

/// The inspector's state: whether it is open, the selected field (of one event) and the
/// collapsed layers.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Inspector {
    /// Shown in place of the side panel.
    pub open: bool,
    /// The selected field and the event it belongs to: a field of another event is not shown.
    pub selected: Option<(usize, FieldId)>,
    /// Layers folded shut, by index (kept across events, as Wireshark keeps them).
    pub collapsed: VecSet<usize>,
}

/// Every way the inspector changes.
#[derive(Clone, Debug, PartialEq)]
pub enum InspectAction {
    /// Show the inspector.
    Open,
    /// Hide it (the side panel comes back).
    Close,
    /// Select a field of event `event`, or nothing.
    Select(usize, Option<FieldId>),
    /// Fold or unfold a layer.
    ToggleLayer(usize),
}

impl Inspector {
    /// Applies one action.
    pub fn apply(&mut self, action: InspectAction) {
        match action {
            InspectAction::Open => self.open = true,
            InspectAction::Close => self.open = false,
            InspectAction::Select(event, field) => self.selected = field.map(|f| (event, f)),
            InspectAction::ToggleLayer(l) => {
                if !self.collapsed.remove(&l) {
                    self.collapsed.insert(l);
                }
            }
        }
    }

    /// The selected field if it belongs to `event`.
    pub fn field_of(&self, event: usize) -> Option<FieldId> {
        self.selected.filter(|(e, _)| *e == event).map(|(_, f)| f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use packet_engine::wire::golden;

    fn names(l: &Layer) -> Vec<(&str, &str)> {
        l.fields.iter().map(|f| (f.name.as_str(), f.value.as_str())).collect()
    }

    #[test]
    fn an_arp_request_as_a_tree() {
        let ls = layers(&golden::ARP_REQUEST, None);
        assert_eq!(ls.len(), 2);
        assert_eq!((ls[0].css, ls[1].css), ("eth", "arp"));
        assert_eq!(ls[0].fields[2].value, "ARP (0x0806)");
        assert!(ls[0].fields[0].value.starts_with("Broadcast (ff:ff:ff:ff:ff:ff)"));
        let arp = names(&ls[1]);
        assert_eq!(arp[4], ("Opcode", "request (1)"));
        assert_eq!(ls[1].title, "Address Resolution Protocol (request)");
        assert_eq!(ls[1].fields[8].range, 38..42, "target IP is the last 4 bytes of a 42-byte request");
    }

    #[test]
    fn the_ttl_is_byte_22_and_byte_22_is_the_ttl() {
        let ls = layers(&golden::ECHO_REQUEST, None);
        let ip = ls.iter().position(|l| l.css == "ipv4").unwrap();
        let ttl = ls[ip].fields.iter().position(|f| f.name == "Time to live").unwrap();
        assert_eq!(range_of(&ls, (ip, ttl)), Some(22..23));
        assert_eq!(field_at(&ls, 22), Some((ip, ttl)));
        let sum = &ls[ip].fields[7];
        assert_eq!((sum.name.as_str(), sum.check), ("Header checksum", Some(Check::Correct)));
        // Byte 0 is the destination MAC; the dump colours byte 34 as ICMP.
        assert_eq!(field_at(&ls, 0), Some((0, 0)));
        assert_eq!(ls[layer_at(&ls, 34).unwrap()].css, "icmp");
        assert_eq!(field_at(&ls, 10_000), None);
    }

    #[test]
    fn a_wrong_checksum_says_what_it_should_be() {
        let mut frame = golden::ECHO_REQUEST.to_vec();
        frame[22] -= 1; // TTL changed without fixing the checksum
        let ls = layers(&frame, None);
        let sum = ls.iter().flat_map(|l| &l.fields).find(|f| f.name == "Header checksum").unwrap();
        assert!(matches!(sum.check, Some(Check::Wrong { .. })));
    }

    #[test]
    fn a_short_frame_says_why() {
        let ls = layers(&golden::ARP_REQUEST[..20], None);
        assert!(ls.last().unwrap().title.starts_with("[Truncated ARP"), "{:?}", ls.last());
        assert_eq!(layers(&[1, 2, 3], None)[0].title, "[Truncated Ethernet: an Ethernet header needs 14 bytes, only 3 present]");
    }

    #[test]
    fn dump_helpers() {
        assert_eq!(row_offsets(42).collect::<Vec<_>>(), vec![0, 16, 32]);
        assert_eq!(row_offsets(32).count(), 2);
        assert_eq!(offset_text(0x10), "0010");
        assert_eq!((ascii(b'A'), ascii(0), ascii(b' '), ascii(0x7f)), ('A', '.', ' ', '.'));
    }

    #[test]
    fn selection_belongs_to_one_event_and_layers_fold() {
        let mut i = Inspector::default();
        i.apply(InspectAction::Select(7, Some((2, 5))));
        assert_eq!((i.field_of(7), i.field_of(8)), (Some((2, 5)), None));
        i.apply(InspectAction::Select(7, None));
        assert_eq!(i.field_of(7), None);
        i.apply(InspectAction::ToggleLayer(1));
        assert!(i.collapsed.contains(&1));
        i.apply(InspectAction::ToggleLayer(1));
        assert!(i.collapsed.is_empty());
    }

    fn frames_of(example: &str) -> Vec<Vec<u8>> {
        let (_, s) = packet_engine::examples::all().into_iter().find(|(n, _)| *n == example).unwrap();
        let out = packet_engine::Simulation::new(&s).unwrap().run();
        out.trace.events.iter().filter_map(|e| frame_of(&e.kind).map(<[u8]>::to_vec)).collect()
    }

    #[test]
    fn dhcp_options_and_dns_records_are_fields_with_bytes() {
        let frames = frames_of("home-dhcp");
        let dhcp = frames.iter().map(|f| layers(f, None)).find(|ls| ls.iter().any(|l| l.css == "dhcp")).expect("a DHCP frame");
        let udp = dhcp.iter().find(|l| l.css == "udp").unwrap();
        assert!(udp.title.starts_with("User Datagram Protocol, Src Port: 68, Dst Port: 67"), "{}", udp.title);
        assert_eq!(udp.fields[3].check, Some(Check::Correct), "the UDP checksum is verified");
        let (l, d) = dhcp.iter().enumerate().find(|(_, l)| l.css == "dhcp").unwrap();
        assert!(d.title.contains("Discover"), "{}", d.title);
        let opt = d.fields.iter().position(|f| f.name.contains("(53)")).expect("option 53 is a node");
        assert_eq!(d.fields[opt].depth, 0);
        assert!(d.fields[opt + 1].depth > 0, "its length and value are sub-fields");
        // Byte <-> field: the option's value byte selects the value field, not the option.
        let value = d.fields[opt + 1..].iter().position(|f| f.range.len() == 1 && f.name != "Length").unwrap() + opt + 1;
        let at = d.fields[value].range.start;
        assert_eq!(field_at(&dhcp, at), Some((l, value)));
        assert_eq!(range_of(&dhcp, (l, value)), Some(at..at + 1));

        let frames = frames_of("name-lookup");
        let dns = frames.iter().map(|f| layers(f, None)).find(|ls| ls.iter().any(|l| l.css == "dns" && l.title.contains("response")));
        let dns = dns.expect("a DNS response");
        let d = dns.iter().find(|l| l.css == "dns").unwrap();
        assert_eq!(d.fields[0].name, "Transaction ID");
        assert!(d.fields.iter().any(|f| f.depth > 0), "questions and answers have sub-fields");
    }

    #[test]
    fn the_capture_holds_every_frame_sent() {
        let (_, s) = packet_engine::examples::all().into_iter().find(|(n, _)| *n == "two-subnets").unwrap();
        let out = packet_engine::Simulation::new(&s).unwrap().run();
        let sent = out.trace.events.iter().filter(|e| matches!(e.kind, EventKind::FrameSent { .. })).count();
        assert_eq!(captured(&out, None).len(), sent);
        let one = captured(&out, Some("sw1-r1")).len();
        assert!(one > 0 && one < sent);
        assert_eq!(captured(&out, Some("nope")).len(), 0);
        let file = pcap_file(&out, Some("sw1-r1"));
        assert_eq!(&file[..4], &[0x4d, 0x3c, 0xb2, 0xa1]);
        // The whole run: pcapng, one interface per link, every frame sent once on its link.
        let whole = pcapng_file(&out, &s);
        assert_eq!(&whole[..4], &[0x0a, 0x0d, 0x0d, 0x0a]);
        let mut reader = pcap_file::pcapng::PcapNgReader::new(&whole[..]).unwrap();
        let (mut interfaces, mut packets) = (0, 0);
        while let Some(block) = reader.next_block() {
            match block.unwrap() {
                pcap_file::pcapng::Block::InterfaceDescription(_) => interfaces += 1,
                pcap_file::pcapng::Block::EnhancedPacket(_) => packets += 1,
                _ => {}
            }
        }
        assert_eq!((interfaces, packets), (s.links.len(), sent));
        assert_eq!(pcap_name(Some("a b/c")), "packet-lab-a_b_c.pcap");
    }
}
