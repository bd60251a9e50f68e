//! DHCP (RFC 2131) messages: a typed [`DhcpMessage`] that builds and parses the
//! BOOTP header and options, and the inspector's decode (each option a node with
//! its byte range).
//!
//! The fixed 236-byte header and the magic cookie are written and read through
//! smoltcp's `DhcpPacket` view; options are written with smoltcp's
//! `DhcpOptionWriter`. smoltcp's `DhcpRepr::emit` is *not* used: it writes its own
//! fixed set of options in its own order, while ISC dhclient and dnsmasq each
//! have a documented order (dhclient: `cons_options` in common/options.c puts
//! 53, 54, 51, 58, 59, 56, 50 first, then the rest; dnsmasq: rfc2131.c
//! `dhcp_reply` + `do_options`). So [`DhcpMessage`] keeps its options as an
//! ordered list and the caller decides the order.

use serde::Serialize;
use smoltcp::wire::{DhcpPacket, EthernetAddress};

use super::{be16, ipv4_at, mac_at, report, ByteRange, Field, Ipv4Addr, LayerKind, MacAddr, Problem};

/// BOOTP op: a client's request.
pub const BOOTREQUEST: u8 = 1;
/// BOOTP op: a server's reply.
pub const BOOTREPLY: u8 = 2;
/// The magic cookie that starts the options (RFC 2131 §3).
pub const MAGIC_COOKIE: u32 = 0x6382_5363;
/// Offset of the options (after the cookie).
pub const OPTIONS_START: usize = 240;
/// BOOTP's minimum message (RFC 1542 §3.4: 300 bytes); ISC's `BOOTP_MIN_LEN` and
/// dnsmasq's `MIN_PACKETSZ` both pad to it with zeros after the End option.
pub const BOOTP_MIN_LEN: usize = 300;
/// The broadcast bit of the flags field (RFC 2131 §2).
pub const FLAG_BROADCAST: u16 = 0x8000;

/// Option codes used by the engine (RFC 2132).
pub mod opt {
    /// Subnet mask.
    pub const SUBNET_MASK: u8 = 1;
    /// Time offset.
    pub const TIME_OFFSET: u8 = 2;
    /// Routers.
    pub const ROUTER: u8 = 3;
    /// Domain name servers.
    pub const DNS_SERVERS: u8 = 6;
    /// Host name.
    pub const HOST_NAME: u8 = 12;
    /// Domain name.
    pub const DOMAIN_NAME: u8 = 15;
    /// Interface MTU.
    pub const INTERFACE_MTU: u8 = 26;
    /// Broadcast address.
    pub const BROADCAST: u8 = 28;
    /// NTP servers.
    pub const NTP_SERVERS: u8 = 42;
    /// NetBIOS name servers.
    pub const NETBIOS_NS: u8 = 44;
    /// NetBIOS scope.
    pub const NETBIOS_SCOPE: u8 = 47;
    /// Requested IP address.
    pub const REQUESTED_IP: u8 = 50;
    /// IP address lease time.
    pub const LEASE_TIME: u8 = 51;
    /// DHCP message type.
    pub const MESSAGE_TYPE: u8 = 53;
    /// Server identifier.
    pub const SERVER_ID: u8 = 54;
    /// Parameter request list.
    pub const PARAMETER_LIST: u8 = 55;
    /// Message (text, in a NAK).
    pub const MESSAGE: u8 = 56;
    /// Renewal (T1) time.
    pub const RENEWAL_TIME: u8 = 58;
    /// Rebinding (T2) time.
    pub const REBINDING_TIME: u8 = 59;
    /// Client identifier.
    pub const CLIENT_ID: u8 = 61;
    /// Domain search (RFC 3397).
    pub const DOMAIN_SEARCH: u8 = 119;
    /// Classless static routes (RFC 3442).
    pub const CLASSLESS_ROUTES: u8 = 121;
    /// End of options.
    pub const END: u8 = 255;
}

/// DHCP message types (option 53, RFC 2132 §9.6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub enum MessageType {
    /// 1.
    Discover,
    /// 2.
    Offer,
    /// 3.
    Request,
    /// 4.
    Decline,
    /// 5.
    Ack,
    /// 6.
    Nak,
    /// 7.
    Release,
    /// 8.
    Inform,
    /// Any other value.
    Unknown(u8),
}

impl From<u8> for MessageType {
    fn from(n: u8) -> Self {
        use MessageType::*;
        match n {
            1 => Discover,
            2 => Offer,
            3 => Request,
            4 => Decline,
            5 => Ack,
            6 => Nak,
            7 => Release,
            8 => Inform,
            n => Unknown(n),
        }
    }
}

impl From<MessageType> for u8 {
    fn from(t: MessageType) -> u8 {
        use MessageType::*;
        match t {
            Discover => 1,
            Offer => 2,
            Request => 3,
            Decline => 4,
            Ack => 5,
            Nak => 6,
            Release => 7,
            Inform => 8,
            Unknown(n) => n,
        }
    }
}

impl MessageType {
    /// Wireshark's name ("Discover", "Offer", ...).
    pub fn name(self) -> &'static str {
        use MessageType::*;
        match self {
            Discover => "Discover",
            Offer => "Offer",
            Request => "Request",
            Decline => "Decline",
            Ack => "ACK",
            Nak => "NAK",
            Release => "Release",
            Inform => "Inform",
            Unknown(_) => "Unknown",
        }
    }
}

/// One option: code and raw value, in the order it appears on the wire.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DhcpOpt {
    /// Option code.
    pub code: u8,
    /// Option value (at most 255 bytes).
    pub data: Vec<u8>,
}

impl DhcpOpt {
    /// An option holding one byte.
    pub fn u8(code: u8, v: u8) -> Self {
        DhcpOpt { code, data: vec![v] }
    }
    /// An option holding a big-endian u32 (times).
    pub fn u32(code: u8, v: u32) -> Self {
        DhcpOpt { code, data: v.to_be_bytes().to_vec() }
    }
    /// An option holding addresses.
    pub fn addrs(code: u8, a: &[Ipv4Addr]) -> Self {
        DhcpOpt { code, data: a.iter().flat_map(|x| x.octets()).collect() }
    }
    /// An option holding text (no terminating NUL, as dhclient and dnsmasq send it).
    pub fn text(code: u8, s: &str) -> Self {
        DhcpOpt { code, data: s.as_bytes().to_vec() }
    }
}

/// A DHCP message: the BOOTP fields the engine sets, and the options in order.
/// `htype` is always Ethernet (1), `hlen` 6, `sname`/`file` empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DhcpMessage {
    /// 1 request, 2 reply.
    pub op: u8,
    /// Relay hops.
    pub hops: u8,
    /// Transaction id chosen by the client.
    pub xid: u32,
    /// Seconds since the client began acquiring or renewing.
    pub secs: u16,
    /// Flags (bit 15: broadcast).
    pub flags: u16,
    /// Client address, when it has one (renewing).
    pub ciaddr: Ipv4Addr,
    /// "Your" address: the one offered or acknowledged.
    pub yiaddr: Ipv4Addr,
    /// Next server (dnsmasq puts its own address here).
    pub siaddr: Ipv4Addr,
    /// Relay agent.
    pub giaddr: Ipv4Addr,
    /// Client hardware address.
    pub chaddr: MacAddr,
    /// Options in wire order (without End).
    pub options: Vec<DhcpOpt>,
}

impl DhcpMessage {
    /// The value of the first option `code`, if present.
    pub fn option(&self, code: u8) -> Option<&[u8]> {
        self.options.iter().find(|o| o.code == code).map(|o| &o.data[..])
    }

    /// The message type (option 53).
    pub fn message_type(&self) -> Option<MessageType> {
        self.option(opt::MESSAGE_TYPE).and_then(|d| d.first()).map(|&b| b.into())
    }

    /// An option holding one address (54, 50, 1), if well formed.
    pub fn addr_option(&self, code: u8) -> Option<Ipv4Addr> {
        self.option(code).filter(|d| d.len() == 4).map(|d| ipv4_at(d, 0))
    }

    /// An option holding a list of addresses (3, 6).
    pub fn addrs_option(&self, code: u8) -> Vec<Ipv4Addr> {
        self.option(code)
            .map(|d| d.chunks_exact(4).map(|c| ipv4_at(c, 0)).collect())
            .unwrap_or_default()
    }

    /// An option holding a u32 (51, 58, 59).
    pub fn u32_option(&self, code: u8) -> Option<u32> {
        self.option(code).filter(|d| d.len() == 4).map(|d| u32::from_be_bytes([d[0], d[1], d[2], d[3]]))
    }

    /// Bytes this message occupies: header, cookie, options, End, then zero
    /// padding up to [`BOOTP_MIN_LEN`].
    pub fn buffer_len(&self) -> usize {
        let opts: usize = self.options.iter().map(|o| 2 + o.data.len()).sum();
        (OPTIONS_START + opts + 1).max(BOOTP_MIN_LEN)
    }

    /// The message as bytes (the UDP payload).
    pub fn emit(&self) -> Vec<u8> {
        let mut buf = vec![0u8; self.buffer_len()];
        self.emit_into(&mut buf);
        buf
    }

    /// Write the message into `buf`, which must be exactly [`DhcpMessage::buffer_len`]
    /// bytes; every byte is written (zeros where BOOTP leaves fields empty).
    pub fn emit_into(&self, buf: &mut [u8]) {
        assert_eq!(buf.len(), self.buffer_len(), "buffer sized by buffer_len");
        let mut p = DhcpPacket::new_unchecked(&mut buf[..]);
        p.set_opcode(self.op.into());
        p.set_hardware_type(smoltcp::wire::ArpHardware::Ethernet);
        p.set_hardware_len(6);
        p.set_hops(self.hops);
        p.set_transaction_id(self.xid);
        p.set_secs(self.secs);
        p.set_flags(smoltcp::wire::DhcpFlags::from_bits_truncate(self.flags));
        p.set_client_ip(self.ciaddr);
        p.set_your_ip(self.yiaddr);
        p.set_server_ip(self.siaddr);
        p.set_relay_agent_ip(self.giaddr);
        p.set_client_hardware_address(EthernetAddress(self.chaddr.0));
        p.set_sname_and_boot_file_to_zero();
        p.set_magic_number(MAGIC_COOKIE);
        let mut w = p.options_mut();
        for o in &self.options {
            // Length was reserved by buffer_len; values over 255 bytes are a caller bug.
            w.emit(smoltcp::wire::DhcpOption { kind: o.code, data: &o.data })
                .expect("DHCP option fits the buffer sized for it");
        }
        w.end().expect("room for End was reserved");
        // chaddr is 16 bytes and smoltcp writes the first 6; the padding after
        // End is zeros (ISC and dnsmasq clear their buffers before building).
        buf[34..44].fill(0);
        let end = OPTIONS_START + self.options.iter().map(|o| 2 + o.data.len()).sum::<usize>() + 1;
        buf[end..].fill(0);
    }

    /// Parse a message; `None` when it is too short, has no magic cookie or is not Ethernet.
    pub fn parse(bytes: &[u8]) -> Option<DhcpMessage> {
        let p = DhcpPacket::new_checked(bytes).ok()?;
        if p.magic_number() != MAGIC_COOKIE || p.hardware_len() != 6 {
            return None;
        }
        let options = p
            .options()
            .map(|o| DhcpOpt { code: o.kind, data: o.data.to_vec() })
            .collect();
        Some(DhcpMessage {
            op: bytes[0],
            hops: p.hops(),
            xid: p.transaction_id(),
            secs: p.secs(),
            flags: be16(bytes, 10),
            ciaddr: p.client_ip(),
            yiaddr: p.your_ip(),
            siaddr: p.server_ip(),
            giaddr: p.relay_agent_ip(),
            chaddr: mac_at(bytes, 28),
            options,
        })
    }
}

/// A node of the inspector's tree: a label, a value as Wireshark words it, the
/// bytes it came from, and its children (an option's sub-fields, a record's data).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Node {
    /// Field name, e.g. "Option: (53) DHCP Message Type".
    pub label: String,
    /// Value text, e.g. "Discover (1)".
    pub value: String,
    /// Bytes of the frame.
    pub range: ByteRange,
    /// Sub-fields.
    pub children: Vec<Node>,
}

impl Node {
    pub(super) fn leaf(label: impl Into<String>, value: impl Into<String>, range: ByteRange) -> Node {
        Node { label: label.into(), value: value.into(), range, children: Vec::new() }
    }
}

/// A decoded DHCP message for the inspector.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Dhcp {
    /// The BOOTP message (including padding).
    pub range: ByteRange,
    /// Transaction id.
    pub xid: Field<u32>,
    /// Option 53, if present.
    pub message_type: Option<MessageType>,
    /// Header fields, then one node per option, in wire order.
    pub tree: Vec<Node>,
}

/// Wireshark's name for an option code (packet-dhcp.c `opt53_text` and friends).
pub fn option_name(code: u8) -> &'static str {
    match code {
        0 => "Padding",
        1 => "Subnet Mask",
        2 => "Time Offset",
        3 => "Router",
        6 => "Domain Name Server",
        12 => "Host Name",
        15 => "Domain Name",
        26 => "Interface MTU",
        28 => "Broadcast Address",
        42 => "Network Time Protocol Servers",
        44 => "NetBIOS over TCP/IP Name Server",
        47 => "NetBIOS over TCP/IP Scope",
        50 => "Requested IP Address",
        51 => "IP Address Lease Time",
        53 => "DHCP Message Type",
        54 => "DHCP Server Identifier",
        55 => "Parameter Request List",
        56 => "Message",
        57 => "Maximum DHCP Message Size",
        58 => "Renewal Time Value",
        59 => "Rebinding Time Value",
        61 => "Client identifier",
        119 => "Domain Search",
        121 => "Classless Static Route",
        255 => "End",
        _ => "Unknown",
    }
}

/// The value of option `code` worded for the inspector.
fn option_value(code: u8, d: &[u8]) -> String {
    let addrs = || d.chunks_exact(4).map(|c| ipv4_at(c, 0).to_string()).collect::<Vec<_>>().join(", ");
    match code {
        53 if d.len() == 1 => format!("{} ({})", MessageType::from(d[0]).name(), d[0]),
        1 | 3 | 6 | 28 | 42 | 44 | 50 | 54 if d.len() % 4 == 0 => addrs(),
        51 | 58 | 59 if d.len() == 4 => {
            let s = u32::from_be_bytes([d[0], d[1], d[2], d[3]]);
            format!("{s} s")
        }
        12 | 15 | 56 => String::from_utf8_lossy(d).into_owned(),
        55 => d.iter().map(|c| format!("({c}) {}", option_name(*c))).collect::<Vec<_>>().join(", "),
        _ => d.iter().map(|b| format!("{b:02x}")).collect(),
    }
}

/// Decode the DHCP message in `range` of `frame`. `None` (the payload stays raw
/// data) when it is not a BOOTP message with the DHCP cookie.
pub(super) fn decode(frame: &[u8], range: ByteRange, problem: &mut Option<Problem>) -> Option<Dhcp> {
    let b = &frame[range.clone()];
    let s = range.start;
    if b.len() < OPTIONS_START {
        let why = format!("a DHCP message needs {OPTIONS_START} bytes, only {} present", b.len());
        report(problem, Problem::Truncated { layer: LayerKind::Dhcp, why });
        return None;
    }
    let r = |a: usize, z: usize| s + a..s + z;
    let op = b[0];
    let mut tree = vec![
        Node::leaf("Message type", if op == 1 { "Boot Request (1)" } else if op == 2 { "Boot Reply (2)" } else { "Unknown" }, r(0, 1)),
        Node::leaf("Hardware type", format!("0x{:02x}", b[1]), r(1, 2)),
        Node::leaf("Hardware address length", b[2].to_string(), r(2, 3)),
        Node::leaf("Hops", b[3].to_string(), r(3, 4)),
        Node::leaf("Transaction ID", format!("0x{:08x}", u32::from_be_bytes([b[4], b[5], b[6], b[7]])), r(4, 8)),
        Node::leaf("Seconds elapsed", be16(b, 8).to_string(), r(8, 10)),
        Node::leaf(
            "Bootp flags",
            format!("0x{:04x} ({})", be16(b, 10), if be16(b, 10) & FLAG_BROADCAST != 0 { "Broadcast" } else { "Unicast" }),
            r(10, 12),
        ),
        Node::leaf("Client IP address", ipv4_at(b, 12).to_string(), r(12, 16)),
        Node::leaf("Your (client) IP address", ipv4_at(b, 16).to_string(), r(16, 20)),
        Node::leaf("Next server IP address", ipv4_at(b, 20).to_string(), r(20, 24)),
        Node::leaf("Relay agent IP address", ipv4_at(b, 24).to_string(), r(24, 28)),
        Node::leaf("Client MAC address", mac_at(b, 28).to_string(), r(28, 34)),
        Node::leaf("Server host name", "not given", r(44, 108)),
        Node::leaf("Boot file name", "not given", r(108, 236)),
        Node::leaf("Magic cookie", if be32(b, 236) == MAGIC_COOKIE { "DHCP".into() } else { format!("0x{:08x}", be32(b, 236)) }, r(236, 240)),
    ];
    if be32(b, 236) != MAGIC_COOKIE {
        // Plain BOOTP (no options): Wireshark shows it as BOOTP, not as malformed.
        return Some(Dhcp { range, xid: Field::new(be32(b, 4), r(4, 8)), message_type: None, tree });
    }
    let mut at = OPTIONS_START;
    let mut message_type = None;
    loop {
        let Some(&code) = b.get(at) else {
            let why = "the options end without an End option (255)".to_string();
            report(problem, Problem::Malformed { layer: LayerKind::Dhcp, why });
            break;
        };
        if code == 0 {
            at += 1;
            continue;
        }
        if code == opt::END {
            tree.push(Node::leaf("Option: (255) End", "", r(at, at + 1)));
            if b[at + 1..].iter().any(|&x| x != 0) {
                tree.push(Node::leaf("Padding", "non-zero bytes after End", r(at + 1, b.len())));
            } else if at + 1 < b.len() {
                tree.push(Node::leaf("Padding", format!("{} bytes", b.len() - at - 1), r(at + 1, b.len())));
            }
            break;
        }
        let Some(&len) = b.get(at + 1) else {
            let why = format!("option {code} has no length byte");
            report(problem, Problem::Truncated { layer: LayerKind::Dhcp, why });
            break;
        };
        let end = at + 2 + len as usize;
        if end > b.len() {
            let why = format!("option {code} announces {len} bytes, only {} present", b.len() - at - 2);
            report(problem, Problem::Truncated { layer: LayerKind::Dhcp, why });
            break;
        }
        let d = &b[at + 2..end];
        if code == opt::MESSAGE_TYPE && len == 1 {
            message_type = Some(MessageType::from(d[0]));
        }
        tree.push(Node {
            label: format!("Option: ({code}) {}", option_name(code)),
            value: option_value(code, d),
            range: r(at, end),
            children: vec![
                Node::leaf("Length", len.to_string(), r(at + 1, at + 2)),
                Node::leaf(option_name(code), option_value(code, d), r(at + 2, end)),
            ],
        });
        at = end;
    }
    Some(Dhcp { range, xid: Field::new(be32(b, 4), r(4, 8)), message_type, tree })
}

fn be32(b: &[u8], at: usize) -> u32 {
    u32::from_be_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
}
