//! radvd on a router interface (radvd 2.19, `radvd.conf(5)`, RFC 4861 6.2):
//! unsolicited advertisements to ff02::1 every MinRtrAdvInterval–MaxRtrAdvInterval
//! (Min = 0.33 × Max), the first three at most 16 s apart
//! (MAX_INITIAL_RTR_ADVERTISEMENTS, MAX_INITIAL_RTR_ADVERT_INTERVAL), and an
//! answer to a solicitation after a random 0–0.5 s (MAX_RA_DELAY_TIME), never
//! sooner than 3 s after the previous advertisement (MIN_DELAY_BETWEEN_RAS).
//! Defaults: AdvCurHopLimit 64, AdvOnLink and AdvAutonomous on,
//! AdvValidLifetime 86400 s, AdvPreferredLifetime 14400 s, AdvSourceLLAddress on.

use super::addrconf::Addrconf6;
use super::IpNode;
use crate::frames6::{self, RaFields};
use crate::sim::ctx::Ctx;
use crate::sim::device::Timer;
use crate::time::SimTime;

const MAX_INITIAL_RTR_ADVERTISEMENTS: u32 = 3;
const MAX_INITIAL_RTR_ADVERT_INTERVAL_NS: u64 = 16_000_000_000;
const MAX_RA_DELAY_TIME_NS: u64 = 500_000_000;
const MIN_DELAY_BETWEEN_RAS: SimTime = SimTime::from_secs(3);

impl IpNode {
    /// The router's link-local address is usable: radvd's first advertisement.
    pub(super) fn radvd_start(&mut self, ctx: &mut Ctx, iface: u32) {
        let Some(v6) = self.ifaces[iface as usize].v6.as_ref() else { return };
        if v6.ra.is_some() {
            self.radvd_send(ctx, iface);
        }
    }

    pub(super) fn radvd_timer(&mut self, ctx: &mut Ctx, iface: u32, gen: u32) {
        let Some(v6) = self.ifaces[iface as usize].v6.as_ref() else { return };
        if v6.gen == gen {
            self.radvd_send(ctx, iface);
        }
    }

    /// A solicitation came: answer soon (multicast, as radvd does by default).
    pub(super) fn radvd_solicited(&mut self, ctx: &mut Ctx, iface: u32) {
        let delay = SimTime(ctx.rng.below(MAX_RA_DELAY_TIME_NS));
        let Some(v6) = self.ifaces[iface as usize].v6.as_mut() else { return };
        if v6.ra.is_none() || v6.link_local().is_none() {
            return;
        }
        let mut at = ctx.now + delay;
        if let Some(last) = v6.ra_last {
            at = at.max(last + MIN_DELAY_BETWEEN_RAS);
        }
        v6.gen = v6.gen.wrapping_add(1);
        let gen = v6.gen;
        ctx.timer(at, self.dev, Timer::Addrconf { iface, what: Addrconf6::Ra { gen } });
    }

    fn radvd_send(&mut self, ctx: &mut Ctx, iface: u32) {
        let mac = self.ifaces[iface as usize].mac;
        let Some(v6) = self.ifaces[iface as usize].v6.as_mut() else { return };
        let (Some(cfg), Some(src)) = (v6.ra, v6.link_local()) else { return };
        let fields = RaFields {
            cur_hop_limit: frames6::DEFAULT_HOP_LIMIT,
            router_lifetime: cfg.lifetime_s.min(u16::MAX as u32) as u16,
            prefix: cfg.prefix,
            on_link: true,
            autonomous: cfg.autonomous,
            valid: 86_400,
            preferred: 14_400,
            mac,
        };
        v6.ra_sent += 1;
        v6.ra_last = Some(ctx.now);
        // The next unsolicited one: uniform in [Min, Max], capped while initial.
        let max = u64::from(cfg.interval_s) * 1_000_000_000;
        let min = max * 33 / 100;
        let mut wait = min + ctx.rng.below(max - min + 1);
        if v6.ra_sent < MAX_INITIAL_RTR_ADVERTISEMENTS {
            wait = wait.min(MAX_INITIAL_RTR_ADVERT_INTERVAL_NS);
        }
        v6.gen = v6.gen.wrapping_add(1);
        let gen = v6.gen;
        ctx.timer(ctx.now + SimTime(wait), self.dev, Timer::Addrconf { iface, what: Addrconf6::Ra { gen } });
        let ra = frames6::ra(src, frames6::ALL_NODES, &fields);
        self.send6_multicast(ctx, iface, &ra);
    }
}
