//! Link MTUs and what follows from them (issue 16): a router that cannot
//! forward a packet whole (IPv6: packet too big; IPv4 with DF: fragmentation
//! needed; IPv4 without DF: it fragments), a host that learns a smaller path
//! MTU from that error and from then on fragments at the source, and the
//! destination that puts the fragments back together.
//!
//! Linux's choices, which this follows:
//! - the path MTU learned is kept per destination in the route cache
//!   (`ip_rt_update_pmtu` / `rt6_pmtu`), for `ip_rt_mtu_expires` /
//!   `ip6_rt_mtu_expires` = 600 s — runs here are shorter, so it never expires;
//! - IPv4 takes no path MTU below `min_pmtu` 552 (`__ip_rt_update_pmtu` uses
//!   552 and locks it, so packets then go without DF); IPv6 none below 1280
//!   (`rt6_do_update_pmtu`, RFC 8200 5);
//! - a socket with the default `IP_PMTUDISC_WANT` / `IPV6_PMTUDISC_WANT`
//!   (ping, traceroute) fragments a larger packet itself (`ip_append_data` /
//!   `ip6_append_data`); IPv4 fragments then go with DF clear;
//! - reassembly queues are keyed by (source, destination, protocol, ID) for
//!   IPv4 and (source, destination, ID) for IPv6 (`ip_defrag`,
//!   `ipv6_frag_rcv`); a queue not complete within `ipfrag_time` 30 s /
//!   `ip6frag_time` 60 s is dropped (checked when the next fragment comes).

use super::route::Hop;
use super::route6::Hop6;
use super::IpNode;
use crate::frames;
use crate::frames6::{self, FRAG_HEADER_LEN, IPV6_HEADER_LEN, NEXT_FRAGMENT};
use crate::sim::ctx::Ctx;
use crate::trace::{EventKind, MtuEvent};
use crate::vec_map::VecMap;
use smoltcp::wire::Ipv4Packet;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// `ip_rt_min_pmtu`: 512 + 20 + 20.
const IPV4_MIN_PMTU: u32 = 552;
/// `IPV6_MIN_MTU`.
const IPV6_MIN_MTU: u32 = 1280;
/// `ipfrag_time` and `ip6frag_time`, ns.
const IPFRAG_TIME_NS: u64 = 30_000_000_000;
const IP6FRAG_TIME_NS: u64 = 60_000_000_000;
/// At most this many queues wait at once (`ipfrag_high_thresh` in spirit):
/// the oldest goes first, so a flood of lone fragments stays bounded.
const MAX_QUEUES: usize = 64;

/// One reassembly queue: the first fragment's header, the pieces by offset,
/// the total length once the last piece came, and when it started.
#[derive(Default)]
struct Queue {
    header: Vec<u8>,
    pieces: Vec<(usize, Vec<u8>)>,
    total: Option<usize>,
    started: u64,
}

impl Queue {
    /// Adds a piece; the whole data once every byte from 0 to the end is here.
    fn add(&mut self, offset: usize, data: &[u8], last: bool) -> Option<Vec<u8>> {
        if last {
            self.total = Some(offset + data.len());
        }
        if !self.pieces.iter().any(|(o, _)| *o == offset) {
            let at = self.pieces.partition_point(|(o, _)| *o < offset);
            self.pieces.insert(at, (offset, data.to_vec()));
        }
        let total = self.total?;
        if self.header.is_empty() {
            return None;
        }
        let mut whole = Vec::with_capacity(total);
        for (o, d) in &self.pieces {
            if *o != whole.len() {
                return None; // a hole (or an overlap, which RFC 5722 forbids for IPv6)
            }
            whole.extend_from_slice(d);
        }
        (whole.len() == total).then_some(whole)
    }
}

/// A device's MTU state.
#[derive(Default)]
pub(crate) struct MtuState {
    /// Path MTUs learned, per destination.
    pmtu4: VecMap<Ipv4Addr, u32>,
    pmtu6: VecMap<Ipv6Addr, u32>,
    /// IPv6 fragment identification per (source, destination): a counter
    /// from a random start, as `ipv6_select_ident` → `ip_idents_reserve`.
    frag_ids6: VecMap<(Ipv6Addr, Ipv6Addr), u32>,
    reasm4: VecMap<(Ipv4Addr, Ipv4Addr, u8, u16), Queue>,
    reasm6: VecMap<(Ipv6Addr, Ipv6Addr, u32), Queue>,
}

impl IpNode {
    fn record_mtu(&self, ctx: &mut Ctx, event: MtuEvent) {
        let device = ctx.id(self.dev);
        ctx.record(EventKind::Mtu { device, event: Box::new(event) });
    }

    /// The MTU a packet this device originates to `dst` out `iface` must fit:
    /// the link's, or a smaller path MTU learned.
    fn path_mtu4(&self, iface: u32, dst: Ipv4Addr) -> u32 {
        let link = self.ifaces[iface as usize].mtu;
        self.mtu.pmtu4.get(&dst).map_or(link, |&p| p.min(link))
    }

    fn path_mtu6(&self, iface: u32, dst: Ipv6Addr) -> u32 {
        let link = self.ifaces[iface as usize].mtu;
        self.mtu.pmtu6.get(&dst).map_or(link, |&p| p.min(link))
    }

    /// Sends a datagram this device built, fragmenting it first when it is
    /// larger than the path MTU (the socket's IP_PMTUDISC_WANT).
    pub(super) fn local_output4(&mut self, ctx: &mut Ctx, hop: Hop, datagram: Vec<u8>) {
        let dst = super::ipv4::view(&datagram).dst_addr();
        let mtu = self.path_mtu4(hop.iface, dst) as usize;
        if datagram.len() <= mtu {
            return self.neigh_output(ctx, hop, datagram);
        }
        self.fragment_out4(ctx, hop, &datagram, mtu);
    }

    /// An IPv4 datagram split to fit `mtu`, each fragment sent.
    pub(super) fn fragment_out4(&mut self, ctx: &mut Ctx, hop: Hop, datagram: &[u8], mtu: usize) {
        let pieces = frames::fragment_ipv4(datagram, mtu);
        let interface = self.ifaces[hop.iface as usize].name.clone();
        let event = MtuEvent::Fragmented {
            interface,
            size: datagram.len() as u32,
            mtu: mtu as u32,
            fragments: pieces.len() as u32,
            v6: false,
        };
        self.record_mtu(ctx, event);
        for piece in pieces {
            self.neigh_output(ctx, hop, piece);
        }
    }

    /// The IPv6 counterpart: Linux fragments IPv6 only at the source.
    pub(super) fn local_output6(&mut self, ctx: &mut Ctx, hop: Hop6, datagram: Vec<u8>) {
        let ip = super::ipv6::V6(&datagram);
        let (src, dst) = (ip.src(), ip.dst());
        let mtu = self.path_mtu6(hop.iface, dst) as usize;
        if datagram.len() <= mtu {
            return self.neigh6_output(ctx, hop, datagram);
        }
        let ident = match self.mtu.frag_ids6.get(&(src, dst)) {
            Some(&id) => id,
            None => ctx.rng.next_u64() as u32,
        };
        self.mtu.frag_ids6.insert((src, dst), ident.wrapping_add(1));
        let pieces = frames6::fragment_ipv6(&datagram, mtu, ident);
        let interface = self.ifaces[hop.iface as usize].name.clone();
        let event = MtuEvent::Fragmented {
            interface,
            size: datagram.len() as u32,
            mtu: mtu as u32,
            fragments: pieces.len() as u32,
            v6: true,
        };
        self.record_mtu(ctx, event);
        for piece in pieces {
            self.neigh6_output(ctx, hop, piece);
        }
    }

    /// A router's check before forwarding out `iface`: IPv4 larger than the
    /// link with DF set cannot go (`ip_exceeds_mtu`); without DF it will be
    /// fragmented. Records the fact; true when the packet must be dropped.
    pub(super) fn forward_too_big4(&mut self, ctx: &mut Ctx, iface: u32, datagram: &[u8]) -> bool {
        let mtu = self.ifaces[iface as usize].mtu;
        if datagram.len() <= mtu as usize || !super::ipv4::view(datagram).dont_frag() {
            return false;
        }
        let interface = self.ifaces[iface as usize].name.clone();
        self.record_mtu(ctx, MtuEvent::TooBig { interface, size: datagram.len() as u32, mtu, v6: false });
        true
    }

    /// `ip6_forward`'s size check (`ip6_pkt_too_big`); records the fact.
    pub(super) fn forward_too_big6(&mut self, ctx: &mut Ctx, iface: u32, datagram: &[u8]) -> Option<u32> {
        let mtu = self.ifaces[iface as usize].mtu.max(IPV6_MIN_MTU);
        if datagram.len() <= mtu as usize {
            return None;
        }
        let interface = self.ifaces[iface as usize].name.clone();
        self.record_mtu(ctx, MtuEvent::TooBig { interface, size: datagram.len() as u32, mtu, v6: true });
        Some(mtu)
    }

    /// "Fragmentation needed" about a packet to `dst` this device sent
    /// (`ipv4_update_pmtu` from `icmp_err`/`raw_err`).
    pub(super) fn learn_pmtu4(&mut self, ctx: &mut Ctx, dst: Ipv4Addr, mtu: u32, from: Ipv4Addr) {
        // __ip_rt_update_pmtu: below min_pmtu, 552 (and the route is locked: no DF from then on).
        let mtu = mtu.max(IPV4_MIN_PMTU);
        let old = self.mtu.pmtu4.get(&dst).copied().unwrap_or(u32::MAX);
        if mtu >= old || dst.is_unspecified() {
            return;
        }
        self.mtu.pmtu4.insert(dst, mtu);
        self.record_mtu(ctx, MtuEvent::PathMtu { destination: IpAddr::V4(dst), mtu, from: IpAddr::V4(from) });
    }

    /// "Packet too big" about a packet to `dst` (`ip6_update_pmtu` from `icmpv6_err`).
    pub(super) fn learn_pmtu6(&mut self, ctx: &mut Ctx, dst: Ipv6Addr, mtu: u32, from: Ipv6Addr) {
        let mtu = mtu.max(IPV6_MIN_MTU);
        let old = self.mtu.pmtu6.get(&dst).copied().unwrap_or(u32::MAX);
        if mtu >= old {
            return;
        }
        self.mtu.pmtu6.insert(dst, mtu);
        self.record_mtu(ctx, MtuEvent::PathMtu { destination: IpAddr::V6(dst), mtu, from: IpAddr::V6(from) });
    }

    /// `ip_defrag` at local delivery: a fragment joins its queue; the whole
    /// datagram comes back once complete. Not a fragment: itself.
    pub(super) fn defrag4(&mut self, ctx: &mut Ctx, datagram: &[u8]) -> Option<Vec<u8>> {
        let Some((offset, more)) = frames::ipv4_fragment_of(datagram) else {
            return Some(datagram.to_vec());
        };
        let ip = Ipv4Packet::new_unchecked(datagram);
        let key = (ip.src_addr(), ip.dst_addr(), u8::from(ip.next_header()), ip.ident());
        let now = ctx.now.as_nanos();
        self.mtu.reasm4.retain(|_, q| now < q.started + IPFRAG_TIME_NS);
        if !self.mtu.reasm4.contains_key(&key) && self.mtu.reasm4.len() >= MAX_QUEUES {
            let oldest = self.mtu.reasm4.iter().min_by_key(|(_, q)| q.started).map(|(k, _)| *k);
            if let Some(k) = oldest {
                self.mtu.reasm4.remove(&k);
            }
        }
        let q = self.mtu.reasm4.entry(key).or_insert_with(|| Queue { started: now, ..Default::default() });
        if offset == 0 {
            q.header = datagram[..frames::IPV4_HEADER_LEN].to_vec();
        }
        let whole = q.add(offset, &datagram[frames::IPV4_HEADER_LEN..], !more)?;
        let q = self.mtu.reasm4.remove(&key).expect("the queue just completed");
        let out = frames::ipv4_reassembled(&q.header, &whole);
        let event = MtuEvent::Reassembled { size: out.len() as u32, fragments: q.pieces.len() as u32, v6: false };
        self.record_mtu(ctx, event);
        Some(out)
    }

    /// `ipv6_frag_rcv`: the Fragment header at `at` (after the fixed
    /// header); the rebuilt datagram (next header restored) once complete.
    pub(super) fn defrag6(&mut self, ctx: &mut Ctx, datagram: &[u8], at: usize) -> Option<Vec<u8>> {
        let h = datagram.get(at..at + FRAG_HEADER_LEN)?;
        if at != IPV6_HEADER_LEN {
            return None; // only a Fragment header right after the fixed one is read here
        }
        let next = h[0];
        let off = u16::from_be_bytes([h[2], h[3]]);
        let (offset, more) = (usize::from(off & !7), off & 1 == 1);
        let ident = u32::from_be_bytes([h[4], h[5], h[6], h[7]]);
        let data = &datagram[at + FRAG_HEADER_LEN..];
        if offset == 0 && !more {
            // An atomic fragment (RFC 6946): processed at once, outside any queue.
            let mut d = datagram[..IPV6_HEADER_LEN].to_vec();
            d[6] = next;
            d[4..6].copy_from_slice(&(data.len() as u16).to_be_bytes());
            d.extend_from_slice(data);
            return Some(d);
        }
        let ip = super::ipv6::V6(datagram);
        let key = (ip.src(), ip.dst(), ident);
        let now = ctx.now.as_nanos();
        self.mtu.reasm6.retain(|_, q| now < q.started + IP6FRAG_TIME_NS);
        if !self.mtu.reasm6.contains_key(&key) && self.mtu.reasm6.len() >= MAX_QUEUES {
            let oldest = self.mtu.reasm6.iter().min_by_key(|(_, q)| q.started).map(|(k, _)| *k);
            if let Some(k) = oldest {
                self.mtu.reasm6.remove(&k);
            }
        }
        let q = self.mtu.reasm6.entry(key).or_insert_with(|| Queue { started: now, ..Default::default() });
        if offset == 0 {
            let mut header = datagram[..IPV6_HEADER_LEN].to_vec();
            header[6] = next;
            q.header = header;
        }
        let whole = q.add(offset, data, !more)?;
        let q = self.mtu.reasm6.remove(&key).expect("the queue just completed");
        let mut out = q.header;
        out[4..6].copy_from_slice(&(whole.len() as u16).to_be_bytes());
        out.extend_from_slice(&whole);
        let event = MtuEvent::Reassembled { size: out.len() as u32, fragments: q.pieces.len() as u32, v6: true };
        self.record_mtu(ctx, event);
        Some(out)
    }
}

/// Is this IPv6 datagram's first extension header a Fragment header?
pub(super) fn is_fragment6(datagram: &[u8]) -> bool {
    datagram.get(6) == Some(&NEXT_FRAGMENT)
}
