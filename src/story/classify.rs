//! What a frame is, for the story views: its protocol as a learner names it (ARP, DHCP, DNS,
//! UDP, TCP, HTTP …), whether it is "noise" a one-click filter can hide, and the IPv4 facts
//! that pair a router's received frame with the frame it sent.
//!
//! One `wire::decode` per frame, done once per run by [`super::StoryIndex`]; nothing here
//! parses bytes itself (the engine's decoders already did).

use packet_engine::wire::{self, tcp::flags, udp::Application, ArpOperation, IcmpBody, Ipv4Addr, Network, Transport};

/// A frame's protocol, innermost layer that names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Proto {
    /// ARP.
    Arp,
    /// ICMP echo (ping).
    Icmp,
    /// ICMP error (unreachable, time exceeded).
    IcmpError,
    /// DHCP (BOOTP on 67/68).
    Dhcp,
    /// DNS (53).
    Dns,
    /// Any other UDP.
    Udp,
    /// TCP without an HTTP head in it.
    Tcp,
    /// TCP carrying an HTTP request or response head.
    Http,
    /// Any other IPv4.
    Ipv4,
    /// Anything else.
    Other,
}

impl Proto {
    /// The label on an arrow.
    pub fn label(self) -> &'static str {
        match self {
            Proto::Arp => "ARP",
            Proto::Icmp => "ICMP",
            Proto::IcmpError => "ICMP",
            Proto::Dhcp => "DHCP",
            Proto::Dns => "DNS",
            Proto::Udp => "UDP",
            Proto::Tcp => "TCP",
            Proto::Http => "HTTP",
            Proto::Ipv4 => "IPv4",
            Proto::Other => "Eth",
        }
    }

    /// The colour class suffix, shared with the canvas and the inspector (`proto-dns`).
    pub fn css(self) -> &'static str {
        match self {
            Proto::Arp => "arp",
            Proto::Icmp => "icmp",
            Proto::IcmpError => "icmp-error",
            Proto::Dhcp => "dhcp",
            Proto::Dns => "dns",
            Proto::Udp => "udp",
            Proto::Tcp => "tcp",
            Proto::Http => "http",
            Proto::Ipv4 => "ipv4",
            Proto::Other => "eth",
        }
    }
}

/// The kinds of frames the noise filters hide.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Noise {
    /// ARP requests and replies.
    Arp,
    /// DHCP messages.
    Dhcp,
    /// DNS queries and answers.
    Dns,
    /// TCP segments that only acknowledge (no data, no SYN/FIN/RST).
    TcpAck,
}

impl Noise {
    /// Every filter, in chip order.
    pub const ALL: [Noise; 4] = [Noise::Arp, Noise::Dhcp, Noise::Dns, Noise::TcpAck];

    /// The chip's text.
    pub fn label(self) -> &'static str {
        match self {
            Noise::Arp => "ARP",
            Noise::Dhcp => "DHCP",
            Noise::Dns => "DNS",
            Noise::TcpAck => "TCP ACK-only",
        }
    }

    /// The name in links and test ids.
    pub fn key(self) -> &'static str {
        match self {
            Noise::Arp => "arp",
            Noise::Dhcp => "dhcp",
            Noise::Dns => "dns",
            Noise::TcpAck => "ack",
        }
    }

    /// The filter named `key` in a link.
    pub fn from_key(key: &str) -> Option<Noise> {
        Noise::ALL.into_iter().find(|n| n.key() == key)
    }

    fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

/// A set of [`Noise`] filters that are on (a bit set: `Copy`, compared cheaply in props).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NoiseSet(u8);

impl NoiseSet {
    /// True when `n` is hidden.
    pub fn contains(self, n: Noise) -> bool {
        self.0 & n.bit() != 0
    }

    /// The set with `n` switched.
    pub fn toggled(self, n: Noise) -> NoiseSet {
        NoiseSet(self.0 ^ n.bit())
    }

    /// The set with `n` on.
    pub fn with(self, n: Noise) -> NoiseSet {
        NoiseSet(self.0 | n.bit())
    }

    /// True when nothing is hidden.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The filters that are on, in chip order.
    pub fn iter(self) -> impl Iterator<Item = Noise> {
        Noise::ALL.into_iter().filter(move |&n| self.contains(n))
    }
}

/// The IPv4 facts of a frame that identify its packet across a router: Linux forwarding (and
/// masquerade) keeps the IP identification and total length and lowers the TTL by one; NAT
/// changes only addresses and ports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IpFacts {
    /// Source address.
    pub src: Ipv4Addr,
    /// Destination address.
    pub dst: Ipv4Addr,
    /// TCP/UDP source port, or the ICMP echo identifier (what masquerade rewrites).
    pub sport: Option<u16>,
    /// TCP/UDP destination port.
    pub dport: Option<u16>,
    /// IP identification.
    pub ident: u16,
    /// IP protocol number.
    pub protocol: u8,
    /// Total length.
    pub len: u16,
    /// Time to live.
    pub ttl: u8,
}

/// What the story views need of one frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FrameFacts {
    /// Its protocol.
    pub proto: Proto,
    /// A TCP segment with only ACK set and no payload.
    pub ack_only: bool,
    /// A TCP SYN without ACK: a connection's first segment.
    pub syn: bool,
    /// An HTTP request head (not a response).
    pub http_request: bool,
    /// For an ARP request, the address asked for.
    pub arp_target: Option<Ipv4Addr>,
    /// For IPv4 frames, the pairing facts.
    pub ip: Option<IpFacts>,
}

impl FrameFacts {
    /// The noise filter that covers this frame, if any.
    pub fn noise(&self) -> Option<Noise> {
        match self.proto {
            Proto::Arp => Some(Noise::Arp),
            Proto::Dhcp => Some(Noise::Dhcp),
            Proto::Dns => Some(Noise::Dns),
            Proto::Tcp if self.ack_only => Some(Noise::TcpAck),
            _ => None,
        }
    }

    /// True when `set` hides this frame.
    pub fn hidden_by(&self, set: NoiseSet) -> bool {
        self.noise().is_some_and(|n| set.contains(n))
    }
}

/// The facts of one Ethernet frame (never panics: a frame that does not decode is `Other`).
pub fn facts(frame: &[u8]) -> FrameFacts {
    let mut f = FrameFacts { proto: Proto::Other, ack_only: false, syn: false, http_request: false, arp_target: None, ip: None };
    let d = wire::decode(frame);
    match d.ethernet.as_ref().and_then(|e| e.payload.as_ref()) {
        Some(Network::Arp(arp)) => {
            f.proto = Proto::Arp;
            if arp.operation.value == ArpOperation::Request {
                f.arp_target = arp.addresses.as_ref().map(|a| a.target_ip.value);
            }
        }
        Some(Network::Ipv4(ip)) => {
            let mut facts = IpFacts {
                src: ip.src.value,
                dst: ip.dst.value,
                sport: None,
                dport: None,
                ident: ip.ident.value,
                protocol: u8::from(ip.protocol.value),
                len: ip.total_len.value,
                ttl: ip.ttl.value,
            };
            f.proto = Proto::Ipv4;
            match &ip.payload {
                Some(Transport::Icmp(icmp)) => {
                    f.proto = match &icmp.body {
                        IcmpBody::Error { .. } => Proto::IcmpError,
                        IcmpBody::Echo { ident, .. } => {
                            facts.sport = Some(ident.value);
                            Proto::Icmp
                        }
                        IcmpBody::Other { .. } => Proto::Icmp,
                    }
                }
                Some(Transport::Udp(udp)) => {
                    (facts.sport, facts.dport) = (Some(udp.src_port.value), Some(udp.dst_port.value));
                    f.proto = match &udp.payload {
                        Some(Application::Dhcp(_)) => Proto::Dhcp,
                        Some(Application::Dns(_)) => Proto::Dns,
                        _ => Proto::Udp,
                    };
                }
                Some(Transport::Tcp(tcp)) => {
                    (facts.sport, facts.dport) = (Some(tcp.src_port.value), Some(tcp.dst_port.value));
                    let fl = tcp.flags.value;
                    f.syn = fl & flags::SYN != 0 && fl & flags::ACK == 0;
                    f.ack_only = fl & (flags::SYN | flags::FIN | flags::RST | flags::ACK) == flags::ACK && tcp.payload.is_empty();
                    f.proto = match &tcp.http {
                        Some(h) => {
                            f.http_request = matches!(h.start.value, wire::http::StartLine::Request { .. });
                            Proto::Http
                        }
                        None => Proto::Tcp,
                    };
                }
                _ => {}
            }
            f.ip = Some(facts);
        }
        _ => {}
    }
    f
}

#[cfg(test)]
mod tests {
    use super::*;
    use packet_engine::wire::golden;

    #[test]
    fn golden_frames_are_classified() {
        let arp = facts(&golden::ARP_REQUEST);
        assert_eq!((arp.proto, arp.noise(), arp.ip), (Proto::Arp, Some(Noise::Arp), None));
        assert!(arp.arp_target.is_some());
        assert_eq!(facts(&[1, 2, 3]).proto, Proto::Other);
    }

    #[test]
    fn noise_sets_toggle() {
        let s = NoiseSet::default().toggled(Noise::Arp).with(Noise::Dns);
        assert!(s.contains(Noise::Arp) && s.contains(Noise::Dns) && !s.contains(Noise::Dhcp));
        assert_eq!(s.iter().collect::<Vec<_>>(), vec![Noise::Arp, Noise::Dns]);
        assert!(s.toggled(Noise::Arp).toggled(Noise::Dns).is_empty());
        assert_eq!(Noise::from_key("ack"), Some(Noise::TcpAck));
        assert_eq!(Noise::from_key("html"), None);
    }
}
