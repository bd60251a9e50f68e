//! ICMPv6 on a host or router (RFC 4443, `net/ipv6/icmp.c`): echo replies,
//! handing replies and errors to the commands running here, neighbour
//! discovery to `ndisc.rs`, and errors back to a packet's sender
//! (`icmp6_send`) under Linux's per-destination rate limit.

use super::ipv6::V6;
use super::{IcmpInfo, IpNode};
use crate::frames6::{self, icmp6};
use crate::sim::ctx::Ctx;
use crate::trace::{DropReason, Ipv6Event};
use std::net::Ipv6Addr;

/// `net.ipv6.icmp.ratelimit`: 1000 ms, shortened for wider routes (below).
const ICMPV6_TIME_NS: i64 = 1_000_000_000;
/// `XRLIM_BURST_FACTOR`.
const XRLIM_BURST_FACTOR: i64 = 6;

impl IpNode {
    /// A flow label for packets this device originates between `src` and
    /// `dst` (`auto_flowlabels` 1: `ip6_make_flowlabel` hashes the flow with a
    /// boot-time secret). ND and MLD packets carry 0 (`ip6_nd_hdr`).
    pub(crate) fn flow_label(&mut self, ctx: &mut Ctx, src: Ipv6Addr, dst: Ipv6Addr) -> u32 {
        let secret = *self.flow_secret.get_or_insert_with(|| ctx.rng.next_u64() as u32);
        let mut h: u32 = 0x811c_9dc5 ^ secret;
        for b in src.octets().iter().chain(dst.octets().iter()).chain([frames6::NEXT_ICMPV6].iter()) {
            h ^= u32::from(*b);
            h = h.wrapping_mul(0x0100_0193);
        }
        (h & 0xf_ffff).max(1)
    }

    /// An ICMPv6 message for this device; `at` is where it starts.
    pub(super) fn icmp6_input(&mut self, ctx: &mut Ctx, iface: u32, datagram: &[u8], at: usize) {
        let ip = V6(datagram);
        let (src, dst, hops) = (ip.src(), ip.dst(), ip.hop_limit());
        let msg = &datagram[at..];
        if msg.len() < 8 || frames6::icmpv6_checksum(src, dst, msg) != 0 {
            return self.drop6(ctx, DropReason::Malformed, datagram);
        }
        match msg[0] {
            icmp6::ROUTER_SOLICIT..=icmp6::NEIGHBOR_ADVERT if at == frames6::IPV6_HEADER_LEN => {
                self.ndisc_input(ctx, iface, datagram, msg)
            }
            icmp6::ECHO_REQUEST if msg[1] == 0 => {
                // icmpv6_echo_reply: same id, seq and data, hop limit 64; from
                // the address pinged, or a chosen one for a multicast ping.
                let from = if dst.is_multicast() {
                    match self.select_src6(iface.min(self.ifaces.len() as u32 - 1), src) {
                        Some(a) => a,
                        None => return,
                    }
                } else {
                    dst
                };
                let flow = self.flow_label(ctx, from, src);
                let reply = frames6::icmpv6_datagram(from, src, frames6::DEFAULT_HOP_LIMIT, flow, icmp6::ECHO_REPLY, 0, &msg[4..]);
                self.ip6_local_out(ctx, reply);
            }
            icmp6::ECHO_REPLY => {
                let info = IcmpInfo::Echo6Reply {
                    from: src,
                    id: u16::from_be_bytes([msg[4], msg[5]]),
                    seq: u16::from_be_bytes([msg[6], msg[7]]),
                    hop_limit: hops,
                    icmp_len: msg.len(),
                };
                self.deliver6(ctx, info, datagram);
            }
            ty @ (icmp6::DST_UNREACH | icmp6::PACKET_TOO_BIG | icmp6::TIME_EXCEEDED | icmp6::PARAM_PROBLEM) => {
                let param = u32::from_be_bytes([msg[4], msg[5], msg[6], msg[7]]);
                if ty == icmp6::PACKET_TOO_BIG && msg.len() >= 8 + frames6::IPV6_HEADER_LEN {
                    // icmpv6_err → ip6_update_pmtu for the quoted packet's destination.
                    let to = V6(&msg[8..]).dst();
                    self.learn_pmtu6(ctx, to, param, src);
                }
                let info = IcmpInfo::Error6 {
                    from: src,
                    icmp_type: ty,
                    code: msg[1],
                    param: u32::from_be_bytes([msg[4], msg[5], msg[6], msg[7]]),
                    inner: msg[8..].to_vec(),
                };
                self.deliver6(ctx, info, datagram);
            }
            // MLD reports and queries: no multicast router here listens.
            _ => self.drop6(ctx, DropReason::Unsupported, datagram),
        }
    }

    fn deliver6(&mut self, ctx: &mut Ctx, info: IcmpInfo, datagram: &[u8]) {
        let apps = self.running.clone();
        let mut taken = false;
        for app in apps {
            taken |= self.app_icmp(ctx, app, &info);
        }
        if !taken && !datagram.is_empty() {
            self.drop6(ctx, DropReason::NoListener, datagram);
        }
    }

    /// `icmp6_send`: an ICMPv6 error about `offending` back to its source.
    /// Never about an ICMPv6 error, nor to an unspecified or multicast
    /// source; about a multicast destination only "packet too big" (RFC 4443 2.4 e).
    pub(crate) fn icmp6_send(&mut self, ctx: &mut Ctx, offending: &[u8], icmp_type: u8, code: u8, param: u32) {
        if offending.len() < frames6::IPV6_HEADER_LEN {
            return;
        }
        let ip = V6(offending);
        let (src, dst) = (ip.src(), ip.dst());
        if src.is_unspecified() || src.is_multicast() {
            return;
        }
        if dst.is_multicast() && icmp_type != icmp6::PACKET_TOO_BIG {
            return;
        }
        if ip.next() == frames6::NEXT_ICMPV6 && offending.get(frames6::IPV6_HEADER_LEN).is_none_or(|t| *t < 128) {
            return;
        }
        if self.is_local6(src) {
            // About our own packet: straight to the socket, never limited.
            self.record6(ctx, Ipv6Event::IcmpError { icmp_type, code, to: src, rate_limited: false });
            let info = IcmpInfo::Error6 {
                from: src,
                icmp_type,
                code,
                param,
                inner: offending[..offending.len().min(frames6::ICMP6_ERROR_MAX_LEN - 48)].to_vec(),
            };
            self.deliver6(ctx, info, &[]);
            return;
        }
        let Some(hop) = self.route6_probe(src, None) else { return };
        // icmpv6_xrlim_allow: PACKET_TOO_BIG is outside icmpv6 ratemask
        // ("0-1,3-127"); the others share a token bucket per destination
        // whose period shrinks for wider routes (tmo >>= (128 − plen) >> 5).
        let allowed = icmp_type == icmp6::PACKET_TOO_BIG || {
            let plen = self.routes6.iter().find(|r| r.net.contains(&src)).map_or(128, |r| r.net.prefix_len());
            let tmo = ICMPV6_TIME_NS >> ((128 - u32::from(plen)) >> 5);
            self.icmp6_rate_allow(ctx, src, tmo)
        };
        self.record6(ctx, Ipv6Event::IcmpError { icmp_type, code, to: src, rate_limited: !allowed });
        if !allowed {
            return;
        }
        let from = if self.is_local6(dst) { Some(dst) } else { hop.src };
        let Some(from) = from else { return };
        let body = frames6::error_body(param, offending);
        let flow = self.flow_label(ctx, from, src);
        let datagram = frames6::icmpv6_datagram(from, src, frames6::DEFAULT_HOP_LIMIT, flow, icmp_type, code, &body);
        if self.route6_output(ctx, src, false).is_some() {
            self.neigh6_output(ctx, hop, datagram);
        }
    }

    /// `inet_peer_xrlim_allow` with period `tmo` (a burst of six), per destination.
    fn icmp6_rate_allow(&mut self, ctx: &mut Ctx, to: Ipv6Addr, tmo: i64) -> bool {
        let now = (ctx.now.as_nanos() / super::ipv4::JIFFY_NS * super::ipv4::JIFFY_NS) as i64;
        let (tokens, last) = self.peers6.get(&to).copied().unwrap_or((0, now - 60_000_000_000));
        let mut token = (tokens + now - last).min(XRLIM_BURST_FACTOR * tmo);
        let allowed = token >= tmo;
        if allowed {
            token -= tmo;
        }
        self.peers6.insert(to, (token, now));
        allowed
    }
}
