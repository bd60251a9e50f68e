//! ICMP on a host or router: echo replies, handing replies and errors to the
//! commands running here, errors back to a packet's sender (`icmp_send`),
//! redirects (`ip_rt_send_redirect`), and Linux's per-destination limits.

use super::ipv4::{view, JIFFY_NS};
use super::{IcmpInfo, IpNode};
use crate::frames::{self, Ipv4Header};
use crate::sim::ctx::Ctx;
use crate::trace::{DropReason, EventKind, IcmpError};
use crate::wire;
use smoltcp::wire::{Icmpv4Message, Icmpv4Packet, IpProtocol};
use std::net::Ipv4Addr;

/// `net.ipv4.icmp_ratelimit`: one ICMP error per second per destination…
const ICMP_RATELIMIT: i64 = 1_000_000_000;
/// …with a burst of six (`XRLIM_BURST_FACTOR`).
const XRLIM_BURST_FACTOR: i64 = 6;
/// `ip_rt_redirect_silence`, `_number`, `_load`: at most 9 redirects to a
/// source, spaced by 20 ms doubling each time, forgotten after 20.48 s of silence.
const REDIRECT_SILENCE: i64 = 20_480_000_000;
const REDIRECT_NUMBER: u32 = 9;
const REDIRECT_LOAD: i64 = 20_000_000;
/// `ip_rt_error_cost` / `ip_rt_error_burst`: the extra limit on "no route" errors.
const RT_ERROR_COST: i64 = 1_000_000_000;
const RT_ERROR_BURST: i64 = 5 * RT_ERROR_COST;

/// The part of Linux's `inet_peer` the ICMP rate limits use (times in ns).
pub(crate) struct Peer {
    tokens: i64,
    last: i64,
    redirects: u32,
}

/// Which of Linux's limits an ICMP error passes.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum IcmpLimit {
    /// `icmpv4_xrlim_allow` only (time exceeded, host unreachable).
    Xrlim,
    /// `ip_error`'s bucket, then `icmpv4_xrlim_allow` (no route).
    NoRoute,
    /// Not limited: decided by the redirect logic (type 5 is not in
    /// icmp_ratemask), or fragmentation needed (PMTU discovery is never limited).
    None,
}

impl IpNode {
    /// `ip_rt_send_redirect`: ICMP redirect (host) pointing `src` at `gateway`,
    /// quoting the packet with its TTL already lowered, paced per source.
    pub(super) fn send_redirect(
        &mut self,
        ctx: &mut Ctx,
        datagram: &[u8],
        src: Ipv4Addr,
        gateway: Ipv4Addr,
    ) {
        let now = (ctx.now.as_nanos() / JIFFY_NS * JIFFY_NS) as i64;
        let peer = self.peers.entry(src).or_insert(Peer {
            tokens: 0,
            last: now - 60_000_000_000,
            redirects: 0,
        });
        if now > peer.last + REDIRECT_SILENCE {
            peer.tokens = 0;
            peer.redirects = 0;
        }
        let send = if peer.redirects >= REDIRECT_NUMBER {
            peer.last = now;
            false
        } else if peer.redirects == 0 || now > peer.last + (REDIRECT_LOAD << peer.redirects) {
            peer.last = now;
            peer.redirects += 1;
            true
        } else {
            false
        };
        if send {
            self.icmp_send(ctx, datagram, 5, 1, gateway.octets(), IcmpLimit::None);
        } else {
            let device = ctx.id(self.dev);
            let error = IcmpError {
                icmp_type: 5,
                code: 1,
                to: src,
                from: Ipv4Addr::UNSPECIFIED,
            };
            ctx.record(EventKind::IcmpErrorGenerated {
                device,
                error,
                rate_limited: true,
            });
        }
    }

    /// An ICMP message for this device (`icmp_rcv`): answer an echo request,
    /// hand replies and errors to the commands running here.
    pub(super) fn icmp_input(&mut self, ctx: &mut Ctx, datagram: &[u8]) {
        let ip = view(datagram);
        let (src, dst, ttl, tos) = (ip.src_addr(), ip.dst_addr(), ip.hop_limit(), tos_of(&ip));
        let icmp = ip.payload();
        let packet = match Icmpv4Packet::new_checked(icmp) {
            Ok(p) if wire::checksum_ok(icmp) => p,
            _ => return self.unsupported(ctx, datagram),
        };
        let code = packet.msg_code();
        match packet.msg_type() {
            Icmpv4Message::EchoRequest if code == 0 => {
                // icmp_echo → icmp_reply: same id, seq and data; DF clear,
                // the request's TOS, TTL 64, a fresh IP ID, from the address pinged.
                let reply = frames::icmp_echo(
                    false,
                    packet.echo_ident(),
                    packet.echo_seq_no(),
                    packet.data(),
                );
                let ident = self.next_ident(ctx, dst, src, 1);
                let h = Ipv4Header {
                    tos,
                    ident,
                    dont_frag: false,
                    ttl: frames::DEFAULT_TTL,
                    protocol: IpProtocol::Icmp,
                    src: dst,
                    dst: src,
                };
                let packet = frames::ipv4_datagram(&h, &reply);
                self.ip_local_out(ctx, packet);
            }
            Icmpv4Message::EchoReply => {
                if self.dhcp_server.is_some() {
                    self.dhcp_server_echo(ctx, src, packet.echo_ident());
                }
                let info = IcmpInfo::EchoReply {
                    from: src,
                    id: packet.echo_ident(),
                    seq: packet.echo_seq_no(),
                    ttl,
                    icmp_len: icmp.len(),
                };
                self.deliver_to_apps(ctx, info, Some(datagram));
            }
            ty @ (Icmpv4Message::DstUnreachable
            | Icmpv4Message::TimeExceeded
            | Icmpv4Message::ParamProblem) => {
                let word = u32::from_be_bytes([icmp[4], icmp[5], icmp[6], icmp[7]]);
                let inner = packet.data().to_vec();
                if ty == Icmpv4Message::DstUnreachable && code == 4 && inner.len() >= frames::IPV4_HEADER_LEN {
                    // icmp_unreach → icmp_err: ipv4_update_pmtu with the
                    // next-hop MTU (RFC 1191: the low 16 bits of the word).
                    let to = Ipv4Addr::new(inner[16], inner[17], inner[18], inner[19]);
                    self.learn_pmtu4(ctx, to, word & 0xffff, src);
                }
                let info = IcmpInfo::Error {
                    from: src,
                    icmp_type: u8::from(ty),
                    code,
                    info: word & 0xffff,
                    inner,
                };
                self.deliver_to_apps(ctx, info, Some(datagram));
            }
            Icmpv4Message::Redirect => {
                // Routers ignore redirects (accept_redirects is off when
                // forwarding); hosts accept one only towards a gateway of
                // their default routes (secure_redirects 1), which a single
                // default gateway never is, so routes stay as they are. A
                // raw socket (ping) still gets a copy and prints it.
                let device = ctx.id(self.dev);
                ctx.record(EventKind::PacketDropped {
                    device,
                    reason: DropReason::RedirectIgnored,
                    bytes: datagram.into(),
                });
                let info = IcmpInfo::Redirect {
                    from: src,
                    code,
                    gateway: redirect_gateway(&packet),
                    inner: packet.data().to_vec(),
                };
                self.deliver_to_apps(ctx, info, None);
            }
            _ => self.unsupported(ctx, datagram),
        }
    }

    /// Offers an ICMP message to every command running on `dev`; if none takes
    /// it and `datagram` is given, records that nobody was listening.
    fn deliver_to_apps(&mut self, ctx: &mut Ctx, info: IcmpInfo, datagram: Option<&[u8]>) {
        // tcp_v4_err: an error quoting one of our TCP segments (from the
        // network, or our own after a failed ARP) belongs to its socket.
        if let IcmpInfo::Error { icmp_type, code, inner, .. } = &info {
            if self.tcp_icmp_error(ctx, *icmp_type, *code, inner) {
                return;
            }
        }
        let apps = self.running.clone();
        let mut taken = false;
        for app in apps {
            taken |= self.app_icmp(ctx, app, &info);
        }
        if let (false, Some(datagram)) = (taken, datagram) {
            let device = ctx.id(self.dev);
            ctx.record(EventKind::PacketDropped {
                device,
                reason: DropReason::NoListener,
                bytes: datagram.into(),
            });
        }
    }

    /// `icmp_send`: an ICMP error about `offending` (as it arrived) back to its
    /// source, from the address of the interface the error leaves by, with
    /// TOS 0xc0, TTL 64, DF clear, quoting up to 576 bytes in all.
    pub(crate) fn icmp_send(
        &mut self,
        ctx: &mut Ctx,
        offending: &[u8],
        icmp_type: u8,
        code: u8,
        rest: [u8; 4],
        limit: IcmpLimit,
    ) {
        if offending.len() < frames::IPV4_HEADER_LEN {
            return;
        }
        let ip = view(offending);
        let src = ip.src_addr();
        if src.is_unspecified() || src.is_broadcast() || src.is_multicast() || ip.frag_offset() != 0
        {
            return;
        }
        if ip.next_header() == IpProtocol::Icmp {
            // Never an error about an ICMP error.
            match offending.get(ip.header_len() as usize) {
                Some(3 | 4 | 5 | 11 | 12) | None => return,
                Some(t) if *t > 18 => return,
                _ => {}
            }
        }
        let tos = (tos_of(&ip) & 0x1e) | frames::TOS_INTERNETWORK_CONTROL;
        let device = ctx.id(self.dev);
        if self.is_local(src) {
            // About our own packet: delivered through loopback, never rate-limited.
            let error = IcmpError {
                icmp_type,
                code,
                to: src,
                from: src,
            };
            ctx.record(EventKind::IcmpErrorGenerated {
                device,
                error,
                rate_limited: false,
            });
            let icmp = frames::icmp_error(icmp_type, code, rest, offending);
            let info = IcmpInfo::Error {
                from: src,
                icmp_type,
                code,
                info: u32::from_be_bytes(rest) & 0xffff,
                inner: icmp[8..].to_vec(),
            };
            self.deliver_to_apps(ctx, info, None);
            return;
        }
        let Some(hop) = self.route_output(ctx, src, false) else {
            return;
        };
        let allowed =
            limit == IcmpLimit::None || self.icmp_rate_allow(ctx, src, limit == IcmpLimit::NoRoute);
        let error = IcmpError {
            icmp_type,
            code,
            to: src,
            from: hop.src,
        };
        ctx.record(EventKind::IcmpErrorGenerated {
            device,
            error,
            rate_limited: !allowed,
        });
        if !allowed {
            return;
        }
        let icmp = frames::icmp_error(icmp_type, code, rest, offending);
        let ident = self.next_ident(ctx, hop.src, src, 1);
        let h = Ipv4Header {
            tos,
            ident,
            dont_frag: false,
            ttl: frames::DEFAULT_TTL,
            protocol: IpProtocol::Icmp,
            src: hop.src,
            dst: src,
        };
        let packet = frames::ipv4_datagram(&h, &icmp);
        self.neigh_output(ctx, hop, packet);
    }

    /// Linux's per-destination limits on ICMP errors (types 3 and 11 are in
    /// icmp_ratemask). Both `ip_error` and `inet_peer_xrlim_allow` spend the
    /// same `inet_peer` tokens; a new peer starts as if last seen 60 s ago.
    /// Time is counted in whole jiffies, as the kernel does.
    fn icmp_rate_allow(&mut self, ctx: &mut Ctx, to: Ipv4Addr, no_route: bool) -> bool {
        let now = (ctx.now.as_nanos() / JIFFY_NS * JIFFY_NS) as i64;
        let peer = self.peers.entry(to).or_insert(Peer {
            tokens: 0,
            last: now - 60_000_000_000,
            redirects: 0,
        });
        if no_route {
            peer.tokens = (peer.tokens + now - peer.last).min(RT_ERROR_BURST);
            peer.last = now;
            if peer.tokens >= RT_ERROR_COST {
                peer.tokens -= RT_ERROR_COST;
            } else {
                return false;
            }
        }
        let mut token = (peer.tokens + now - peer.last).min(XRLIM_BURST_FACTOR * ICMP_RATELIMIT);
        peer.last = now;
        let allowed = token >= ICMP_RATELIMIT;
        if allowed {
            token -= ICMP_RATELIMIT;
        }
        peer.tokens = token;
        allowed
    }
}

/// The IPv4 TOS byte (DSCP and ECN, RFC 2474 / 3168) as Linux copies it.
fn tos_of(ip: &smoltcp::wire::Ipv4Packet<&[u8]>) -> u8 {
    (ip.dscp() << 2) | ip.ecn()
}

/// The gateway of a redirect (RFC 792): the 4 bytes after the checksum, which
/// smoltcp's view has no accessor for (its `Icmpv4Repr` has no redirect).
fn redirect_gateway(packet: &Icmpv4Packet<&[u8]>) -> Ipv4Addr {
    let b: &[u8] = packet.as_ref();
    Ipv4Addr::new(b[4], b[5], b[6], b[7])
}
