//! Netfilter's NAT hooks on a router, driving the pure [`Masquerade`] of
//! `nat.rs` (one per outside interface):
//! - PREROUTING on the outside interface, before routing (`ip_input`): a
//!   reply to a tracked flow, or an ICMP error quoting a translated packet, is
//!   rewritten back to the inside host (`nf_nat_ipv4_in` → de-NAT);
//! - POSTROUTING on the way out of the outside interface (`neigh_output`,
//!   where every routed datagram passes after TTL − 1): MASQUERADE, for
//!   forwarded packets and for the router's own, as `ip_output` →
//!   `NF_INET_POST_ROUTING` does on Linux;
//! - conntrack expiry on a timer (`Timer::Nat`), so the table in the trace
//!   empties when Linux's would (its gc worker reaps expired entries; a
//!   lookup never sees one).
//!
//! Each translation and each expiry is a trace event (`NatTranslated`,
//! `ConntrackExpired`) carrying the conntrack row, which the state replay
//! folds into `NetworkState::conntrack`.

use super::nat::{packet_tuple, quoted_tuple, Masquerade, Translated, Tuple};
use super::IpNode;
use crate::scenario::Device as DeviceSpec;
use crate::sim::ctx::Ctx;
use crate::sim::device::Timer;
use crate::time::SimTime;
use crate::trace::{ChecksumChange, ConntrackRow, DropReason, EventKind, NatDirection, NatRewrite};
use crate::vec_map::VecMap;

/// MASQUERADE on one outside interface and its expiry timer.
pub(crate) struct NatSlot {
    table: Masquerade,
    /// The time of the earliest expiry timer set and not yet fired.
    armed: Option<SimTime>,
}

/// The NAT tables of a device: outside interface index → slot.
pub(crate) fn slots(spec: &DeviceSpec) -> VecMap<u32, NatSlot> {
    // Inserted one by one (already in order): `collect` would sort a Vec first,
    // and that sort is code the wasm carries for nothing.
    let mut slots = VecMap::new();
    for (k, i) in spec.interfaces.iter().enumerate() {
        if let (true, Some(net)) = (i.masquerade, i.address) {
            slots.insert(k as u32, NatSlot { table: Masquerade::new(net.addr()), armed: None });
        }
    }
    slots
}

impl IpNode {
    /// PREROUTING: a datagram that arrived on interface `iface`. Returns it,
    /// rewritten when it belongs to a flow the NAT on `iface` translated.
    pub(crate) fn nat_prerouting(&mut self, ctx: &mut Ctx, iface: u32, datagram: Vec<u8>) -> Vec<u8> {
        if !self.nat.contains_key(&iface) {
            return datagram;
        }
        self.nat_expire(ctx, iface);
        let Some(slot) = self.nat.get_mut(&iface) else { return datagram };
        let Translated::Rewritten(out) = slot.table.translate_inbound(ctx.now, &datagram) else {
            return datagram;
        };
        let (direction, before, after, original) = match (packet_tuple(&datagram), quoted_tuple(&datagram)) {
            (_, Some(q)) => {
                let Some(after) = quoted_tuple(&out) else { return out };
                (NatDirection::InboundError, q, after, after)
            }
            (Some(t), None) => {
                let Some(after) = packet_tuple(&out) else { return out };
                let original = Tuple { proto: after.proto, src: after.dst, dst: after.src };
                (NatDirection::Inbound, t, after, original)
            }
            (None, None) => return out,
        };
        let checksums = checksum_changes(&datagram, &out);
        self.nat_record(ctx, iface, direction, before, after, checksums, original);
        out
    }

    /// POSTROUTING: a routed datagram about to leave through interface
    /// `iface`. Returns what goes on (rewritten on the outside interface), or
    /// `None` when the NAT drops it.
    pub(crate) fn nat_postrouting(&mut self, ctx: &mut Ctx, iface: u32, datagram: Vec<u8>) -> Option<Vec<u8>> {
        if !self.nat.contains_key(&iface) {
            return Some(datagram);
        }
        self.nat_expire(ctx, iface);
        let slot = self.nat.get_mut(&iface)?;
        match slot.table.translate_outbound(ctx.now, &datagram, &mut ctx.rng) {
            Translated::Untouched => Some(datagram),
            Translated::NoFreePort => {
                let device = ctx.id(self.dev);
                ctx.record(EventKind::PacketDropped {
                    device,
                    reason: DropReason::NatNoFreePort,
                    bytes: datagram.into(),
                });
                None
            }
            Translated::Rewritten(out) => {
                if let (Some(before), Some(after)) = (packet_tuple(&datagram), packet_tuple(&out)) {
                    let checksums = checksum_changes(&datagram, &out);
                    self.nat_record(ctx, iface, NatDirection::Outbound, before, after, checksums, before);
                }
                Some(out)
            }
        }
    }

    /// The expiry timer of the NAT on `iface` went off.
    pub(crate) fn nat_timer(&mut self, ctx: &mut Ctx, iface: u32) {
        if let Some(slot) = self.nat.get_mut(&iface) {
            if slot.armed.is_some_and(|t| t <= ctx.now) {
                slot.armed = None;
            }
        }
        self.nat_expire(ctx, iface);
        self.nat_arm(ctx, iface);
    }

    /// Removes the entries whose timeout passed, each with its event.
    fn nat_expire(&mut self, ctx: &mut Ctx, iface: u32) {
        let Some(slot) = self.nat.get_mut(&iface) else { return };
        let gone = slot.table.expire(ctx.now);
        if gone.is_empty() {
            return;
        }
        let interface = self.ifaces[iface as usize].name.clone();
        for e in gone {
            let device = ctx.id(self.dev);
            let entry = ConntrackRow::of(interface.clone(), &e);
            ctx.record(EventKind::ConntrackExpired { device, entry: Box::new(entry) });
        }
    }

    /// Sets a timer for the earliest expiry unless one as early is set.
    fn nat_arm(&mut self, ctx: &mut Ctx, iface: u32) {
        let Some(slot) = self.nat.get_mut(&iface) else { return };
        let Some(at) = slot.table.poll_at() else { return };
        if slot.armed.is_none_or(|t| at < t) {
            slot.armed = Some(at);
            ctx.timer(at.max(ctx.now), self.dev, Timer::Nat { iface });
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn nat_record(
        &mut self,
        ctx: &mut Ctx,
        iface: u32,
        direction: NatDirection,
        before: Tuple,
        after: Tuple,
        checksums: Vec<ChecksumChange>,
        original: Tuple,
    ) {
        let interface = self.ifaces[iface as usize].name.clone();
        let Some(e) = self.nat.get(&iface).and_then(|s| s.table.entry(&original)) else { return };
        let entry = ConntrackRow::of(interface.clone(), e);
        let at = self.iface_ref(ctx, iface);
        ctx.record(EventKind::NatTranslated {
            at,
            direction,
            rewrite: Box::new(NatRewrite { before, after, checksums, entry }),
        });
        self.nat_arm(ctx, iface);
    }
}

/// The checksums that differ between a datagram and its rewrite: the IPv4
/// header's, the transport's, and for an ICMP error those of the quoted packet.
fn checksum_changes(before: &[u8], after: &[u8]) -> Vec<ChecksumChange> {
    let mut out = Vec::new();
    let mut at = |field: &'static str, offset: usize| {
        if let (Some(o), Some(n)) = (before.get(offset..offset + 2), after.get(offset..offset + 2)) {
            let (old, new) = (u16::from_be_bytes([o[0], o[1]]), u16::from_be_bytes([n[0], n[1]]));
            if old != new {
                out.push(ChecksumChange { field, old, new });
            }
        }
    };
    let hl = usize::from(before.first().copied().unwrap_or(0) & 0x0f) * 4;
    at("IPv4 header", 10);
    let proto = before.get(9).copied().unwrap_or(0);
    let l4_check = |proto: u8| match proto {
        6 => Some((16, "TCP")),
        17 => Some((6, "UDP")),
        1 => Some((2, "ICMP")),
        _ => None,
    };
    if let Some((off, name)) = l4_check(proto) {
        at(name, hl + off);
    }
    if proto == 1 && matches!(before.get(hl), Some(3 | 11 | 12)) {
        let inner = hl + 8;
        let ihl = usize::from(before.get(inner).copied().unwrap_or(0) & 0x0f) * 4;
        at("quoted IPv4 header", inner + 10);
        let quoted = match before.get(inner + 9) {
            Some(6) => Some((16, "quoted TCP")),
            Some(17) => Some((6, "quoted UDP")),
            Some(1) => Some((2, "quoted ICMP")),
            _ => None,
        };
        if let Some((off, name)) = quoted {
            at(name, inner + ihl + off);
        }
    }
    out
}
