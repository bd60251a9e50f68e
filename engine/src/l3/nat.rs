//! `iptables -t nat -A POSTROUTING -o WAN -j MASQUERADE` on a router: the
//! connection-tracking table (nf_conntrack) and the source NAT it drives
//! (nf_nat), as pure functions of `now` and the packet bytes.
//!
//! How a router drives it:
//! - an IPv4 datagram (no Ethernet header, TTL already decremented) about to
//!   leave through the outside interface: [`Masquerade::translate_outbound`];
//! - an IPv4 datagram arriving on the outside interface, before routing:
//!   [`Masquerade::translate_inbound`] (replies, and ICMP errors about
//!   translated packets, are rewritten back to the inside host);
//! - [`Masquerade::poll_at`] / [`Masquerade::expire`] drop entries whose
//!   timeout passed; [`Masquerade::entries`] is the `conntrack -L` view.
//!
//! Checksums are updated incrementally (RFC 1624) as `nf_nat_ipv4_manip_pkt`
//! and `inet_proto_csum_replace4` do, so a packet that arrived with a bad
//! L4 checksum leaves with a bad one, as on Linux; the IPv4 header checksum is
//! recomputed.

use crate::vec_map::VecMap;
use std::net::Ipv4Addr;

use smoltcp::wire::Ipv4Packet;

use crate::rng::Rng;
use crate::time::SimTime;

const TCP: u8 = 6;
const UDP: u8 = 17;
const ICMP: u8 = 1;

/// One direction of a flow: protocol, source and destination (address, port).
/// For ICMP echo both "ports" are the echo identifier, as nf_conntrack keys
/// ICMP on the id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub struct Tuple {
    /// IP protocol number (1, 6 or 17).
    pub proto: u8,
    /// Source address and port.
    pub src: (Ipv4Addr, u16),
    /// Destination address and port.
    pub dst: (Ipv4Addr, u16),
}

impl Tuple {
    fn invert(self) -> Tuple {
        Tuple { proto: self.proto, src: self.dst, dst: self.src }
    }
}

impl std::fmt::Display for Tuple {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let name = match self.proto {
            TCP => "tcp",
            UDP => "udp",
            _ => "icmp",
        };
        write!(f, "{name} src={} dst={} sport={} dport={}", self.src.0, self.dst.0, self.src.1, self.dst.1)
    }
}

/// nf_conntrack's TCP states (`enum tcp_conntrack`), named as `conntrack -L` prints them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum TcpCtState {
    /// SYN seen from the original direction.
    SynSent,
    /// SYN-ACK seen from the reply direction.
    SynRecv,
    /// Handshake completed.
    Established,
    /// A FIN seen.
    FinWait,
    /// The FIN acknowledged by the other side.
    CloseWait,
    /// FINs from both sides.
    LastAck,
    /// The last FIN acknowledged.
    TimeWait,
    /// Reset seen.
    Close,
}

impl TcpCtState {
    /// The name conntrack prints.
    pub fn name(self) -> &'static str {
        match self {
            TcpCtState::SynSent => "SYN_SENT",
            TcpCtState::SynRecv => "SYN_RECV",
            TcpCtState::Established => "ESTABLISHED",
            TcpCtState::FinWait => "FIN_WAIT",
            TcpCtState::CloseWait => "CLOSE_WAIT",
            TcpCtState::LastAck => "LAST_ACK",
            TcpCtState::TimeWait => "TIME_WAIT",
            TcpCtState::Close => "CLOSE",
        }
    }

    /// `tcp_timeouts[]` (net/netfilter/nf_conntrack_proto_tcp.c) defaults.
    pub fn timeout(self) -> SimTime {
        SimTime::from_secs(match self {
            TcpCtState::SynSent => 120,
            TcpCtState::SynRecv => 60,
            TcpCtState::Established => 5 * 24 * 3600,
            TcpCtState::FinWait => 120,
            TcpCtState::CloseWait => 60,
            TcpCtState::LastAck => 30,
            TcpCtState::TimeWait => 120,
            TcpCtState::Close => 10,
        })
    }
}

/// `nf_conntrack_tcp_timeout_unacknowledged`: the cap while data is unacknowledged.
const TCP_UNACK: SimTime = SimTime::from_secs(300);
/// `nf_conntrack_udp_timeout` (unreplied, or replied for under 2 s).
pub const UDP_TIMEOUT: SimTime = SimTime::from_secs(30);
/// `nf_conntrack_udp_timeout_stream`.
pub const UDP_STREAM_TIMEOUT: SimTime = SimTime::from_secs(120);
/// `nf_conntrack_icmp_timeout`.
pub const ICMP_TIMEOUT: SimTime = SimTime::from_secs(30);

/// One tracked connection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conntrack {
    /// As the inside host sent it.
    pub original: Tuple,
    /// What a reply looks like after translation (from the server to the router's outside address).
    pub reply: Tuple,
    /// TCP state (None for UDP and ICMP).
    pub tcp: Option<TcpCtState>,
    /// A packet was seen in the reply direction (`IPS_SEEN_REPLY`; "NEW" until then).
    pub seen_reply: bool,
    /// `IPS_ASSURED`: kept under table pressure.
    pub assured: bool,
    /// When the entry was created.
    pub created: SimTime,
    /// When it expires unless refreshed.
    pub expires: SimTime,
    /// Highest seq + len seen per direction (original, reply): `td_end`.
    td_end: [Option<u32>; 2],
    /// Data sent and not yet acknowledged, per direction.
    unacked: [bool; 2],
}

impl Conntrack {
    /// `conntrack -L` style line.
    pub fn line(&self, now: SimTime) -> String {
        let secs = self.expires.saturating_sub(now).as_nanos().div_ceil(1_000_000_000);
        let mut s = format!("{} {} {secs} ", proto_name(self.original.proto), self.original.proto);
        if let Some(t) = self.tcp {
            s.push_str(t.name());
            s.push(' ');
        }
        let o = self.original;
        let r = self.reply;
        s.push_str(&format!("src={} dst={} sport={} dport={} ", o.src.0, o.dst.0, o.src.1, o.dst.1));
        if !self.seen_reply {
            s.push_str("[UNREPLIED] ");
        }
        s.push_str(&format!("src={} dst={} sport={} dport={}", r.src.0, r.dst.0, r.src.1, r.dst.1));
        if self.assured {
            s.push_str(" [ASSURED]");
        }
        s
    }
}

fn proto_name(p: u8) -> &'static str {
    match p {
        TCP => "tcp",
        UDP => "udp",
        _ => "icmp",
    }
}

/// What the NAT did with a packet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Translated {
    /// The rewritten datagram.
    Rewritten(Vec<u8>),
    /// Passed as is: not a flow this NAT translates (or nothing to change).
    Untouched,
    /// Dropped: no free port for a new flow (`nf_nat_setup_info` fails → NF_DROP).
    NoFreePort,
}

/// MASQUERADE on one outside interface, with its conntrack table.
#[derive(Debug, Clone)]
pub struct Masquerade {
    /// The outside interface's address, which becomes every flow's source.
    pub outside: Ipv4Addr,
    by_original: VecMap<Tuple, Conntrack>,
    /// reply tuple → original tuple.
    by_reply: VecMap<Tuple, Tuple>,
}

/// The tuple of a datagram's transport header, with the offset of that header.
fn tuple_of(ip: &[u8]) -> Option<(Tuple, usize, Option<u8>)> {
    let p = Ipv4Packet::new_checked(ip).ok()?;
    if p.frag_offset() != 0 {
        return None;
    }
    let hl = p.header_len() as usize;
    let l4 = &ip[hl..];
    let proto = u8::from(p.next_header());
    let (src, dst) = (p.src_addr(), p.dst_addr());
    match proto {
        TCP | UDP if l4.len() >= 4 => {
            let sp = u16::from_be_bytes([l4[0], l4[1]]);
            let dp = u16::from_be_bytes([l4[2], l4[3]]);
            Some((Tuple { proto, src: (src, sp), dst: (dst, dp) }, hl, None))
        }
        ICMP if l4.len() >= 8 => {
            let ty = l4[0];
            let id = u16::from_be_bytes([l4[4], l4[5]]);
            Some((Tuple { proto, src: (src, id), dst: (dst, id) }, hl, Some(ty)))
        }
        _ => None,
    }
}

/// RFC 1624 eqn. 3: the checksum after 16-bit words `old` became `new`.
pub fn csum_replace(check: u16, old: &[u8], new: &[u8]) -> u16 {
    let mut sum = u32::from(!check);
    for (o, n) in old.chunks(2).zip(new.chunks(2)) {
        sum += u32::from(!u16::from_be_bytes([o[0], o[1]]));
        sum += u32::from(u16::from_be_bytes([n[0], n[1]]));
    }
    while sum >> 16 != 0 {
        sum = (sum & 0xffff) + (sum >> 16);
    }
    !(sum as u16)
}

/// Rewrite the address at `addr_at` and the port at `port_at` (within `ip`,
/// whose transport header starts at `l4`), fixing the L4 checksum when present.
/// `pseudo` says whether the address is part of the L4 pseudo-header (TCP/UDP).
fn rewrite(ip: &mut [u8], l4: usize, proto: u8, addr_at: usize, new_addr: Ipv4Addr, port_at: usize, new_port: u16) {
    let old_addr: [u8; 4] = ip[addr_at..addr_at + 4].try_into().expect("4 bytes");
    let old_port: [u8; 2] = ip[port_at..port_at + 2].try_into().expect("2 bytes");
    let (na, np) = (new_addr.octets(), new_port.to_be_bytes());
    let check_at = match proto {
        TCP => Some(l4 + 16),
        UDP => Some(l4 + 6),
        _ => Some(l4 + 2), // ICMP: the id is covered, the address is not
    };
    if let Some(c) = check_at.filter(|c| c + 2 <= ip.len()) {
        let old = u16::from_be_bytes([ip[c], ip[c + 1]]);
        // A UDP checksum of 0 means "none" and stays 0 (nf_nat_proto.c udp_manip_pkt).
        if !(proto == UDP && old == 0) {
            let mut new = if proto == ICMP { old } else { csum_replace(old, &old_addr, &na) };
            new = csum_replace(new, &old_port, &np);
            if proto == UDP && new == 0 {
                new = 0xffff; // CSUM_MANGLED_0
            }
            ip[c..c + 2].copy_from_slice(&new.to_be_bytes());
        }
    }
    ip[addr_at..addr_at + 4].copy_from_slice(&na);
    ip[port_at..port_at + 2].copy_from_slice(&np);
}

fn fix_ip_checksum(ip: &mut [u8]) {
    let mut p = Ipv4Packet::new_unchecked(ip);
    p.fill_checksum();
}

impl Masquerade {
    /// MASQUERADE to `outside` with an empty table.
    pub fn new(outside: Ipv4Addr) -> Masquerade {
        Masquerade { outside, by_original: VecMap::new(), by_reply: VecMap::new() }
    }

    /// Live entries, by original tuple.
    pub fn entries(&self) -> impl Iterator<Item = &Conntrack> {
        self.by_original.values()
    }

    /// The entry of a flow by its original tuple.
    pub fn entry(&self, original: &Tuple) -> Option<&Conntrack> {
        self.by_original.get(original)
    }

    /// The original tuple of the flow whose reply tuple is `reply`.
    pub fn original_of(&self, reply: &Tuple) -> Option<Tuple> {
        self.by_reply.get(reply).copied()
    }

    /// The earliest expiry.
    pub fn poll_at(&self) -> Option<SimTime> {
        self.by_original.values().map(|e| e.expires).min()
    }

    /// Remove entries whose timeout has passed; returns them.
    pub fn expire(&mut self, now: SimTime) -> Vec<Conntrack> {
        let gone: Vec<Tuple> = self.by_original.iter().filter(|(_, e)| e.expires <= now).map(|(k, _)| *k).collect();
        gone.into_iter()
            .filter_map(|k| {
                let e = self.by_original.remove(&k)?;
                self.by_reply.remove(&e.reply);
                Some(e)
            })
            .collect()
    }

    /// `nf_nat_used_tuple`: some other flow already answers to this reply tuple.
    fn used(&self, reply: &Tuple) -> bool {
        self.by_reply.contains_key(reply)
    }

    /// `get_unique_tuple` for SNAT (net/netfilter/nf_nat_core.c): reuse the
    /// port of an existing mapping of the same inside source
    /// (`find_appropriate_src`), else keep the source port if the translated
    /// tuple is unused, else
    /// `nf_nat_l4proto_unique_tuple`: ports < 512 map into 1-511, 512-1023 into
    /// 600-1023, others into 1024-65535 (ICMP ids into 0-65535); start at
    /// `min + (random u16 % range)`, step by one, 128 tries, then halve the
    /// tries with a new random start while at least 16.
    fn pick(&self, t: Tuple, rng: &mut Rng) -> Option<u16> {
        let reply_for = |port: u16| Tuple { proto: t.proto, src: t.dst, dst: (self.outside, port) };
        let reply_for = |port: u16| if t.proto == ICMP { Tuple { dst: (self.outside, port), src: (t.dst.0, port), ..reply_for(port) } } else { reply_for(port) };
        // 1) find_appropriate_src: this inside (address, port) is already
        // mapped by another flow → reuse that mapping if still unique here.
        let existing = self
            .by_original
            .values()
            .find(|e| e.original.proto == t.proto && e.original.src == t.src)
            .map(|e| e.reply.dst.1);
        if let Some(p) = existing {
            if !self.used(&reply_for(p)) {
                return Some(p);
            }
        }
        // 3) the original port, when the translated tuple is unused.
        if !self.used(&reply_for(t.src.1)) {
            return Some(t.src.1);
        }
        let port = t.src.1;
        let (min, range): (u32, u32) = if t.proto == ICMP {
            (0, 65536)
        } else if port < 512 {
            (1, 511)
        } else if port < 1024 {
            (600, 424)
        } else {
            (1024, 65535 - 1024 + 1)
        };
        let mut attempts = range.min(128);
        let mut off = u32::from(rng.next_u16());
        loop {
            for _ in 0..attempts {
                let p = (min + off % range) as u16;
                if !self.used(&reply_for(p)) {
                    return Some(p);
                }
                off += 1;
            }
            if attempts >= range || attempts < 16 {
                return None;
            }
            attempts /= 2;
            off = u32::from(rng.next_u16());
        }
    }

    /// A datagram leaving through the outside interface: find or create its
    /// flow, rewrite the source to the outside address and the chosen port.
    pub fn translate_outbound(&mut self, now: SimTime, ip: &[u8], rng: &mut Rng) -> Translated {
        let Some((t, l4, icmp_type)) = tuple_of(ip) else { return Translated::Untouched };
        if t.proto == ICMP && icmp_type != Some(8) {
            return Translated::Untouched; // errors and replies are not new flows here
        }
        self.expire(now);
        let seg = if t.proto == TCP { tcp_seen(ip, l4) } else { TcpSeen::default() };
        let flags = seg.flags;
        if !self.by_original.contains_key(&t) {
            // A non-SYN without a flow is picked up as ESTABLISHED
            // (nf_conntrack_tcp_loose = 1; tcp_conntracks sNO + ack → sES).
            let Some(port) = self.pick(t, rng) else { return Translated::NoFreePort };
            let mut reply = Tuple { proto: t.proto, src: t.dst, dst: (self.outside, port) };
            if t.proto == ICMP {
                reply.src.1 = port;
            }
            let tcp = (t.proto == TCP).then_some(if flags & 0x02 != 0 { TcpCtState::SynSent } else { TcpCtState::Established });
            let e = Conntrack { original: t, reply, tcp, seen_reply: false, assured: false, created: now, expires: now, td_end: [None; 2], unacked: [false; 2] };
            self.by_reply.insert(reply, t);
            self.by_original.insert(t, e);
        }
        let e = self.by_original.get_mut(&t).expect("inserted above");
        update(e, now, true, seg);
        let reply = e.reply;
        let mut out = ip.to_vec();
        rewrite(&mut out, l4, t.proto, 12, self.outside, if t.proto == ICMP { l4 + 4 } else { l4 }, reply.dst.1);
        fix_ip_checksum(&mut out);
        Translated::Rewritten(out)
    }

    /// A datagram arriving on the outside interface: a reply of a tracked flow
    /// goes back to the inside host; an ICMP error quoting a translated packet
    /// is rewritten inside and out (`nf_nat_icmp_reply_translation`).
    pub fn translate_inbound(&mut self, now: SimTime, ip: &[u8]) -> Translated {
        self.expire(now);
        let Some((t, l4, icmp_type)) = tuple_of(ip) else { return Translated::Untouched };
        if t.proto == ICMP && matches!(icmp_type, Some(3) | Some(11) | Some(12)) {
            return self.inbound_error(now, ip, l4);
        }
        let Some(orig) = self.by_reply.get(&t).copied() else { return Translated::Untouched };
        let seg = if t.proto == TCP { tcp_seen(ip, l4) } else { TcpSeen::default() };
        let e = self.by_original.get_mut(&orig).expect("indexes agree");
        update(e, now, false, seg);
        let mut out = ip.to_vec();
        rewrite(&mut out, l4, t.proto, 16, orig.src.0, if t.proto == ICMP { l4 + 4 } else { l4 + 2 }, orig.src.1);
        fix_ip_checksum(&mut out);
        Translated::Rewritten(out)
    }

    fn inbound_error(&mut self, now: SimTime, ip: &[u8], l4: usize) -> Translated {
        let inner_at = l4 + 8;
        let Some((q, ql4, _)) = ip.get(inner_at..).and_then(tuple_of_quoted) else { return Translated::Untouched };
        // The quote is our translated packet (outside:port → server); its reply
        // tuple is the inverse.
        let key = if q.proto == ICMP { Tuple { proto: ICMP, src: (q.dst.0, q.src.1), dst: q.src } } else { q.invert() };
        let Some(orig) = self.by_reply.get(&key).copied() else { return Translated::Untouched };
        if let Some(e) = self.by_original.get_mut(&orig) {
            // Related traffic refreshes nothing but is let through (IP_CT_RELATED).
            let _ = (e, now);
        }
        let mut out = ip.to_vec();
        let inner = inner_at;
        let inner_l4 = inner + ql4;
        // Inner: source back to the inside host (address, port / id). The quoted
        // TCP checksum is fixed only when the quote holds it (Linux updates it
        // when the header is complete, ports only otherwise).
        let port_at = if q.proto == ICMP { inner_l4 + 4 } else { inner_l4 };
        rewrite(&mut out, inner_l4, q.proto, inner + 12, orig.src.0, port_at, orig.src.1);
        fix_ip_checksum(&mut out[inner..]);
        // Outer destination.
        out[16..20].copy_from_slice(&orig.src.0.octets());
        fix_ip_checksum(&mut out);
        // ICMP checksum over the whole message, recomputed (the quote changed).
        out[l4 + 2] = 0;
        out[l4 + 3] = 0;
        let c = !smoltcp::wire::checksum::data(&out[l4..]);
        out[l4 + 2..l4 + 4].copy_from_slice(&c.to_be_bytes());
        Translated::Rewritten(out)
    }
}

/// The tuple of a whole datagram (TCP, UDP or ICMP; not a fragment), as
/// conntrack keys it: for ICMP both "ports" are the echo id.
pub fn packet_tuple(ip: &[u8]) -> Option<Tuple> {
    tuple_of(ip).map(|(t, _, _)| t)
}

/// The tuple of the datagram an ICMP error (type 3, 11 or 12) quotes.
pub fn quoted_tuple(ip: &[u8]) -> Option<Tuple> {
    let (_, l4, ty) = tuple_of(ip)?;
    if !matches!(ty, Some(3) | Some(11) | Some(12)) {
        return None;
    }
    tuple_of_quoted(ip.get(l4 + 8..)?).map(|(t, _, _)| t)
}

/// The tuple of a quoted datagram (its total length exceeds what is present).
fn tuple_of_quoted(ip: &[u8]) -> Option<(Tuple, usize, Option<u8>)> {
    if ip.len() < 28 || ip[0] >> 4 != 4 {
        return None;
    }
    let hl = usize::from(ip[0] & 0x0f) * 4;
    if ip.len() < hl + 8 || hl < 20 {
        return None;
    }
    let proto = ip[9];
    let a = |at: usize| Ipv4Addr::new(ip[at], ip[at + 1], ip[at + 2], ip[at + 3]);
    let l4 = &ip[hl..];
    let p16 = |at: usize| u16::from_be_bytes([l4[at], l4[at + 1]]);
    match proto {
        TCP | UDP => Some((Tuple { proto, src: (a(12), p16(0)), dst: (a(16), p16(2)) }, hl, None)),
        ICMP => Some((Tuple { proto, src: (a(12), p16(4)), dst: (a(16), p16(4)) }, hl, Some(l4[0]))),
        _ => None,
    }
}

/// What conntrack reads from a TCP segment.
#[derive(Debug, Clone, Copy, Default)]
struct TcpSeen {
    flags: u8,
    seq: u32,
    ack: u32,
    /// seq + payload length + SYN + FIN (`segment_seq_plus_len`).
    end: u32,
}

fn tcp_seen(ip: &[u8], l4: usize) -> TcpSeen {
    if ip.len() < l4 + 20 {
        return TcpSeen::default();
    }
    let be32 = |at: usize| u32::from_be_bytes([ip[at], ip[at + 1], ip[at + 2], ip[at + 3]]);
    let flags = ip[l4 + 13];
    let hl = usize::from(ip[l4 + 12] >> 4) * 4;
    let total = usize::from(u16::from_be_bytes([ip[2], ip[3]])).min(ip.len());
    let len = total.saturating_sub(l4 + hl) as u32;
    let seq = be32(l4 + 4);
    TcpSeen { flags, seq, ack: be32(l4 + 8), end: seq.wrapping_add(len + u32::from(flags & 0x02 != 0) + u32::from(flags & 0x01 != 0)) }
}

/// `tcp_conntracks[dir][index][state]` (nf_conntrack_proto_tcp.c), with
/// sIV (invalid) and sIG (ignored) both leaving the state unchanged.
fn tcp_transition(st: TcpCtState, original: bool, flags: u8) -> TcpCtState {
    use TcpCtState::*;
    let (fin, syn, rst, ack) = (flags & 0x01 != 0, flags & 0x02 != 0, flags & 0x04 != 0, flags & 0x10 != 0);
    // get_conntrack_index: rst, then syn/synack, then fin, then ack.
    if rst {
        return Close;
    }
    match (syn, ack, fin) {
        (true, false, _) => match (original, st) {
            (true, SynSent | TimeWait | Close) => SynSent,
            _ => st,
        },
        (true, true, _) => match (original, st) {
            (false, SynSent) => SynRecv,
            _ => st,
        },
        (false, _, true) => match st {
            SynRecv | Established => FinWait,
            FinWait | CloseWait | LastAck => LastAck,
            s => s,
        },
        (false, true, false) => match (original, st) {
            (true, SynRecv) => Established,
            (_, FinWait | CloseWait) => CloseWait,
            (_, LastAck | TimeWait) => TimeWait,
            (_, s) => s,
        },
        _ => st,
    }
}

/// Refresh an entry for a packet in one direction: TCP state per
/// `tcp_conntracks`, the timeout for the new state (capped at 300 s while
/// data is unacknowledged, `IP_CT_TCP_FLAG_DATA_UNACKNOWLEDGED`); UDP and ICMP
/// as `udp_packet` / `icmp_packet`.
fn update(e: &mut Conntrack, now: SimTime, original: bool, seg: TcpSeen) {
    if !original {
        e.seen_reply = true;
    }
    e.expires = now
        + match e.tcp {
            Some(st) => {
                let next = tcp_transition(st, original, seg.flags);
                if st == TcpCtState::SynRecv && next == TcpCtState::Established {
                    // "Set ASSURED if we see valid ack in ESTABLISHED after SYN_RECV".
                    e.assured = true;
                }
                e.tcp = Some(next);
                // tcp_in_window: the sender's end grows → data unacknowledged;
                // an ACK equal to the receiver's end clears the receiver's flag.
                let (me, peer) = if original { (0, 1) } else { (1, 0) };
                if e.td_end[me].is_none_or(|end| after(seg.end, end)) {
                    e.td_end[me] = Some(seg.end);
                    e.unacked[me] = true;
                }
                if seg.flags & 0x10 != 0 && e.td_end[peer] == Some(seg.ack) {
                    e.unacked[peer] = false;
                }
                let _ = seg.seq;
                let t = if seg.flags & 0x04 != 0 { TcpCtState::Close.timeout() } else { next.timeout() };
                if (e.unacked[0] || e.unacked[1]) && t > TCP_UNACK {
                    TCP_UNACK
                } else {
                    t
                }
            }
            None if e.original.proto == UDP => {
                if e.seen_reply && now > e.created + SimTime::from_secs(2) {
                    e.assured = true;
                    UDP_STREAM_TIMEOUT
                } else {
                    UDP_TIMEOUT
                }
            }
            None => ICMP_TIMEOUT,
        };
}

fn after(a: u32, b: u32) -> bool {
    (b.wrapping_sub(a) as i32) < 0
}

#[cfg(test)]
#[path = "nat_tests.rs"]
mod tests;
