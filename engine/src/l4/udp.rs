//! A host's UDP socket table, as the Linux kernel keeps it: bind (to a port or
//! an ephemeral one), connect, demultiplexing of received datagrams, the IP
//! identification a socket's packets carry, and the ICMP port unreachable Linux
//! sends for a datagram to a closed port, with its rate limit.
//!
//! Clock-free and deterministic (smoltcp `iface/neighbor.rs` style): every call
//! that depends on time takes `now`, randomness comes from the caller's
//! [`Rng`], and the table is a `VecMap` so iteration order is fixed.

use crate::vec_map::VecMap;
use std::net::Ipv4Addr;

use crate::rng::Rng;
use crate::time::SimTime;

/// `net.ipv4.ip_local_port_range` default (Documentation/networking/ip-sysctl.rst).
pub const EPHEMERAL_LOW: u16 = 32768;
/// Upper end of the default ephemeral range.
pub const EPHEMERAL_HIGH: u16 = 60999;
/// `UDP_HTABLE_SIZE_MIN` (include/net/udp.h, 256 unless CONFIG_BASE_SMALL): the
/// stride unit of the port scan. The real table is sized from RAM at boot
/// (`udp_table_init`); only the order of candidates after a collision depends on it.
pub const UDP_HTABLE_SIZE: u32 = 256;
/// `net.ipv4.icmp_ratelimit`: 1000 ms between ICMP errors to one peer once the burst is spent.
pub const ICMP_RATELIMIT_MS: u64 = 1000;
/// `XRLIM_BURST_FACTOR` (net/ipv4/inetpeer.c): a peer's bucket holds 6 intervals.
pub const XRLIM_BURST_FACTOR: u64 = 6;

/// A socket's handle in its host's table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SocketId(pub u32);

/// One UDP socket.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UdpSocket {
    /// Bound address; 0.0.0.0 receives on every address of the host (INADDR_ANY).
    pub local_addr: Ipv4Addr,
    /// Bound port.
    pub local_port: u16,
    /// Peer after `connect()`: only datagrams from it are delivered, and the
    /// kernel numbers its IP packets from the socket's own counter.
    pub remote: Option<(Ipv4Addr, u16)>,
    /// `inet_sk(sk)->inet_id`: set to a random value at connect
    /// (`__ip4_datagram_connect`), incremented per packet sent.
    inet_id: u16,
    /// SO_BROADCAST: dhclient's and dnsmasq's sockets may send to 255.255.255.255.
    pub broadcast: bool,
}

/// Why a socket operation failed (the errno a program would see).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UdpError {
    /// EADDRINUSE: another socket holds the port on an overlapping address.
    AddrInUse(u16),
    /// EAGAIN from `udp_lib_get_port`: every ephemeral port is taken.
    NoPortsLeft,
    /// EBADF: no such socket.
    NoSuchSocket,
}

impl std::fmt::Display for UdpError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            UdpError::AddrInUse(p) => write!(f, "UDP port {p} is already in use on this host"),
            UdpError::NoPortsLeft => write!(f, "no free UDP port left in 32768-60999"),
            UdpError::NoSuchSocket => write!(f, "no such UDP socket"),
        }
    }
}

/// What happens to a received datagram.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Delivery {
    /// Queued on this socket.
    ToSocket(SocketId),
    /// No socket: send this ICMP destination unreachable (type 3 code 3) message
    /// back to the sender. It is the whole ICMP message (header + quote), to be
    /// carried in an IPv4 packet to the datagram's source with TOS 0xc0 as for
    /// the engine's other ICMP errors.
    PortUnreachable(Vec<u8>),
    /// No socket and no ICMP, and why.
    Dropped(DropReason),
}

/// Why a datagram to a closed port got no ICMP answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DropReason {
    /// Sent to a broadcast address: `__udp4_lib_rcv` hands it to
    /// `__udp4_lib_mcast_deliver`, which never answers with ICMP (RFC 1122 §3.2.2).
    Broadcast,
    /// The per-peer ICMP rate limit (`icmpv4_xrlim_allow`) held it back.
    RateLimited,
}

/// Token bucket of one peer (`struct inet_peer` rate_tokens / rate_last), in ms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct PeerBucket {
    tokens: u64,
    last_ms: u64,
}

/// The UDP sockets of one host.
#[derive(Debug, Clone, Default)]
pub struct UdpTable {
    sockets: VecMap<SocketId, UdpSocket>,
    /// Port → addresses bound on it (an index, so the port scan stays fast).
    bound: VecMap<u16, Vec<Ipv4Addr>>,
    next_id: u32,
    peers: VecMap<Ipv4Addr, PeerBucket>,
}

impl UdpTable {
    /// An empty table.
    pub fn new() -> UdpTable {
        UdpTable::default()
    }

    /// The socket behind `id`.
    pub fn socket(&self, id: SocketId) -> Option<&UdpSocket> {
        self.sockets.get(&id)
    }

    /// All sockets, in creation order (for a `ss -u` style table).
    pub fn sockets(&self) -> impl Iterator<Item = (SocketId, &UdpSocket)> {
        self.sockets.iter().map(|(k, v)| (*k, v))
    }

    fn in_use(&self, addr: Ipv4Addr, port: u16) -> bool {
        self.bound.get(&port).is_some_and(|addrs| {
            addrs.iter().any(|a| *a == addr || a.is_unspecified() || addr.is_unspecified())
        })
    }

    fn insert(&mut self, local_addr: Ipv4Addr, local_port: u16) -> SocketId {
        let id = SocketId(self.next_id);
        self.next_id += 1;
        self.bound.entry(local_port).or_default().push(local_addr);
        self.sockets.insert(
            id,
            UdpSocket { local_addr, local_port, remote: None, inet_id: 0, broadcast: false },
        );
        id
    }

    /// `bind(addr, port)` with a fixed port (dhclient's 68, dnsmasq's 67 and 53).
    pub fn bind(&mut self, addr: Ipv4Addr, port: u16) -> Result<SocketId, UdpError> {
        if self.in_use(addr, port) {
            return Err(UdpError::AddrInUse(port));
        }
        Ok(self.insert(addr, port))
    }

    /// Bind to an ephemeral port as `udp_lib_get_port(sk, 0)` does (net/ipv4/udp.c):
    /// a random `first = low + reciprocal_scale(rand, remaining)`, then a scan of
    /// the same hash chain in strides of `(rand | 1) * UDP_HTABLE_SIZE`, then the
    /// next chain (`++first`), until a free port in range is found.
    /// This is also what `connect()` or `sendto()` on an unbound socket does (autobind).
    pub fn bind_ephemeral(&mut self, addr: Ipv4Addr, rng: &mut Rng) -> Result<SocketId, UdpError> {
        let port = self.pick_ephemeral(addr, rng).ok_or(UdpError::NoPortsLeft)?;
        Ok(self.insert(addr, port))
    }

    fn pick_ephemeral(&self, addr: Ipv4Addr, rng: &mut Rng) -> Option<u16> {
        let (low, high) = (u32::from(EPHEMERAL_LOW), u32::from(EPHEMERAL_HIGH));
        let remaining = high - low + 1;
        let rand = rng.next_u64() as u32;
        let mut first = ((u64::from(rand) * u64::from(remaining)) >> 32) as u16 as u32 + low;
        let stride = (rand | 1).wrapping_mul(UDP_HTABLE_SIZE) & 0xffff;
        let last = first + UDP_HTABLE_SIZE;
        while first != last {
            let mut snum = first & 0xffff;
            loop {
                if (low..=high).contains(&snum) && !self.in_use(addr, snum as u16) {
                    return Some(snum as u16);
                }
                snum = (snum + stride) & 0xffff;
                if snum == first & 0xffff {
                    break;
                }
            }
            first += 1;
        }
        None
    }

    /// `connect()`: fix the peer and start the socket's IP id counter at a random
    /// value (`__ip4_datagram_connect`: `inet->inet_id = get_random_u16()`).
    pub fn connect(&mut self, id: SocketId, remote: (Ipv4Addr, u16), rng: &mut Rng) -> Result<(), UdpError> {
        let s = self.sockets.get_mut(&id).ok_or(UdpError::NoSuchSocket)?;
        s.remote = Some(remote);
        s.inet_id = rng.next_u16();
        Ok(())
    }

    /// Allow sending to broadcast addresses (SO_BROADCAST).
    pub fn set_broadcast(&mut self, id: SocketId, on: bool) -> Result<(), UdpError> {
        self.sockets.get_mut(&id).ok_or(UdpError::NoSuchSocket)?.broadcast = on;
        Ok(())
    }

    /// `close()`.
    pub fn close(&mut self, id: SocketId) -> Result<UdpSocket, UdpError> {
        let s = self.sockets.remove(&id).ok_or(UdpError::NoSuchSocket)?;
        if let Some(addrs) = self.bound.get_mut(&s.local_port) {
            if let Some(i) = addrs.iter().position(|a| *a == s.local_addr) {
                addrs.remove(i);
            }
            if addrs.is_empty() {
                self.bound.remove(&s.local_port);
            }
        }
        Ok(s)
    }

    /// The IP identification of the next packet this socket sends, as
    /// `ip_select_ident_segs` (include/net/ip.h) picks it: a connected socket
    /// counts from its `inet_id` (first packet gets `inet_id + 1`); an unconnected
    /// one sending with DF set (the default, IP_PMTUDISC_WANT) writes 0.
    /// `None` means "not DF-eligible": the caller uses the host's shared generator.
    pub fn next_ip_ident(&mut self, id: SocketId) -> Option<u16> {
        let s = self.sockets.get_mut(&id)?;
        if s.remote.is_some() {
            s.inet_id = s.inet_id.wrapping_add(1);
            Some(s.inet_id)
        } else {
            Some(0)
        }
    }

    /// Find the socket for a datagram `src:sport → dst:dport`, scoring like
    /// `compute_score` (net/ipv4/udp.c): a socket bound to the exact address
    /// beats INADDR_ANY, a connected socket must match its peer and beats an
    /// unconnected one. Ties go to the oldest socket.
    pub fn lookup(&self, src: (Ipv4Addr, u16), dst: (Ipv4Addr, u16)) -> Option<SocketId> {
        let mut best: Option<(u32, SocketId)> = None;
        for (id, s) in &self.sockets {
            if s.local_port != dst.1 {
                continue;
            }
            let mut score = 2;
            if !s.local_addr.is_unspecified() {
                if s.local_addr != dst.0 {
                    continue;
                }
                score += 4;
            }
            if let Some(peer) = s.remote {
                if peer != src {
                    continue;
                }
                score += 8;
            }
            if best.is_none_or(|(b, _)| score > b) {
                best = Some((score, *id));
            }
        }
        best.map(|(_, id)| id)
    }

    /// A datagram arrived for this host. `ip_datagram` is the whole IPv4
    /// datagram (quoted in the ICMP error when no socket takes it);
    /// `to_broadcast` says whether its destination was a broadcast address.
    pub fn receive(
        &mut self,
        now: SimTime,
        src: (Ipv4Addr, u16),
        dst: (Ipv4Addr, u16),
        to_broadcast: bool,
        ip_datagram: &[u8],
    ) -> Delivery {
        if let Some(id) = self.lookup(src, dst) {
            return Delivery::ToSocket(id);
        }
        if to_broadcast || dst.0.is_broadcast() || dst.0.is_multicast() {
            return Delivery::Dropped(DropReason::Broadcast);
        }
        if !self.icmp_allow(now, src.0) {
            return Delivery::Dropped(DropReason::RateLimited);
        }
        // icmp_send quotes as much of the datagram as fits in 576 bytes (RFC 1812 §4.3.2.3).
        Delivery::PortUnreachable(crate::frames::icmp_error(3, 3, [0; 4], ip_datagram))
    }

    /// `inet_peer_xrlim_allow(peer, icmp_ratelimit)`: a bucket of up to 6 s of
    /// tokens per peer, one second spent per ICMP error. A new peer starts
    /// full (its `rate_last` is 0, long before now), so 6 errors go out at once.
    fn icmp_allow(&mut self, now: SimTime, peer: Ipv4Addr) -> bool {
        let now_ms = now.as_nanos() / 1_000_000;
        let cap = XRLIM_BURST_FACTOR * ICMP_RATELIMIT_MS;
        let b = self.peers.entry(peer).or_insert(PeerBucket { tokens: cap, last_ms: now_ms });
        let tokens = (b.tokens + now_ms.saturating_sub(b.last_ms)).min(cap);
        b.last_ms = now_ms;
        if tokens >= ICMP_RATELIMIT_MS {
            b.tokens = tokens - ICMP_RATELIMIT_MS;
            true
        } else {
            b.tokens = tokens;
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOST: Ipv4Addr = Ipv4Addr::new(192, 168, 1, 10);
    const PEER: Ipv4Addr = Ipv4Addr::new(192, 168, 1, 1);

    #[test]
    fn ephemeral_ports_are_in_range_seeded_and_distinct() {
        let mut t = UdpTable::new();
        let mut rng = Rng::new(1);
        let mut seen = crate::vec_map::VecSet::new();
        for _ in 0..200 {
            let id = t.bind_ephemeral(Ipv4Addr::UNSPECIFIED, &mut rng).unwrap();
            let p = t.socket(id).unwrap().local_port;
            assert!((EPHEMERAL_LOW..=EPHEMERAL_HIGH).contains(&p));
            assert!(seen.insert(p), "port {p} handed out twice");
        }
        // Same seed, same first port.
        let mut a = UdpTable::new();
        let mut b = UdpTable::new();
        let pa = a.bind_ephemeral(HOST, &mut Rng::new(9)).unwrap();
        let pb = b.bind_ephemeral(HOST, &mut Rng::new(9)).unwrap();
        assert_eq!(a.socket(pa).unwrap().local_port, b.socket(pb).unwrap().local_port);
    }

    #[test]
    fn scan_finds_the_last_free_port() {
        let mut t = UdpTable::new();
        for p in EPHEMERAL_LOW..=EPHEMERAL_HIGH {
            if p != 45000 {
                t.insert(Ipv4Addr::UNSPECIFIED, p);
            }
        }
        let mut rng = Rng::new(5);
        let id = t.bind_ephemeral(HOST, &mut rng).unwrap();
        assert_eq!(t.socket(id).unwrap().local_port, 45000);
        assert_eq!(t.bind_ephemeral(HOST, &mut rng), Err(UdpError::NoPortsLeft));
    }

    #[test]
    fn bind_conflicts_and_demux_prefers_specific_sockets() {
        let mut t = UdpTable::new();
        let any = t.bind(Ipv4Addr::UNSPECIFIED, 53).unwrap();
        assert_eq!(t.bind(HOST, 53), Err(UdpError::AddrInUse(53)));
        let c = t.bind(HOST, 40000).unwrap();
        t.connect(c, (PEER, 53), &mut Rng::new(2)).unwrap();
        assert_eq!(t.lookup((PEER, 5555), (HOST, 53)), Some(any));
        assert_eq!(t.lookup((PEER, 53), (HOST, 40000)), Some(c));
        // A connected socket ignores other peers.
        assert_eq!(t.lookup((PEER, 54), (HOST, 40000)), None);
    }

    #[test]
    fn ip_ident_counts_on_connected_sockets_and_is_zero_otherwise() {
        let mut t = UdpTable::new();
        let u = t.bind(HOST, 67).unwrap();
        assert_eq!(t.next_ip_ident(u), Some(0));
        let c = t.bind_ephemeral(HOST, &mut Rng::new(3)).unwrap();
        let mut rng = Rng::new(4);
        t.connect(c, (PEER, 53), &mut rng).unwrap();
        let first = Rng::new(4).next_u16().wrapping_add(1);
        assert_eq!(t.next_ip_ident(c), Some(first));
        assert_eq!(t.next_ip_ident(c), Some(first.wrapping_add(1)));
    }

    #[test]
    fn closed_port_gets_icmp_with_burst_of_six_then_one_per_second() {
        let mut t = UdpTable::new();
        let dgram = vec![0x45u8; 40];
        let mut sent = 0;
        for i in 0..10 {
            let now = SimTime::from_millis(i * 10);
            match t.receive(now, (PEER, 40000), (HOST, 9), false, &dgram) {
                Delivery::PortUnreachable(icmp) => {
                    assert_eq!(&icmp[..2], &[3, 3]);
                    assert_eq!(icmp.len(), 8 + 40);
                    sent += 1;
                }
                Delivery::Dropped(DropReason::RateLimited) => {}
                other => panic!("{other:?}"),
            }
        }
        assert_eq!(sent, 6);
        assert!(matches!(
            t.receive(SimTime::from_millis(600), (PEER, 1), (HOST, 9), false, &dgram),
            Delivery::Dropped(DropReason::RateLimited)
        ));
        assert!(matches!(
            t.receive(SimTime::from_millis(1100), (PEER, 1), (HOST, 9), false, &dgram),
            Delivery::PortUnreachable(_)
        ));
        assert_eq!(
            t.receive(SimTime::ZERO, (PEER, 68), (Ipv4Addr::BROADCAST, 67), true, &dgram),
            Delivery::Dropped(DropReason::Broadcast)
        );
    }
}
