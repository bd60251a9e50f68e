//! The end of a run that ran out of events: ordinary traffic, or a broadcast
//! storm circulating through a loop of switches (no STP here, as on a Linux
//! bridge with STP off).

use super::ctx::Ctx;
use super::device::Body;
use super::StopReason;
use crate::trace::EventKind;
use std::collections::BTreeMap;

/// Decides whether the budget ran out because of a loop.
///
/// The signature of a loop is circulation: the very same bytes crossing
/// the same link between two switches (or hubs) again and again. Counting
/// "how many recent frames were broadcasts" is not enough: with hosts on
/// the loop, the unicast replies they send can outnumber the circulating
/// broadcast. O(W log W) over the last W trace entries, once per run.
pub(super) fn budget_exhausted(ctx: &mut Ctx, bodies: &[Body], processed: u64) -> StopReason {
    const WINDOW: usize = 20_000;
    /// Copies of one frame on one link that no protocol retry explains
    /// (ARP retries at most 3 times, then gives up).
    const CIRCULATING: u32 = 10;
    let bridging =
        |ctx: &Ctx, port: u32| bodies[ctx.ports[port as usize].device as usize].is_bridge();
    // Link id -> index in ctx.links. Built with `extend` (inserts), not
    // `collect` (a sort and a bulk build per map type in the wasm, issue 15).
    let mut between_bridges: BTreeMap<&str, usize> = BTreeMap::new();
    between_bridges.extend(
        ctx.links
            .iter()
            .enumerate()
            .filter(|(_, l)| bridging(ctx, l.ends[0]) && bridging(ctx, l.ends[1]))
            .map(|(i, l)| (l.id.as_str(), i)),
    );
    let mut copies: BTreeMap<(&str, &[u8]), u32> = BTreeMap::new();
    for ev in ctx.trace.iter().rev().take(WINDOW) {
        if let EventKind::FrameSent { link, bytes, .. } = &ev.kind {
            if between_bridges.contains_key(link.as_str()) {
                *copies.entry((link.as_str(), &bytes[..])).or_default() += 1;
            }
        }
    }
    // `copies` is ordered by link first, so the links come sorted, each link's
    // entries together: dedup leaves each once, in order.
    let mut links: Vec<&str> = copies
        .iter()
        .filter(|(_, n)| **n >= CIRCULATING)
        .map(|((link, _), _)| *link)
        .collect();
    links.dedup();
    if links.is_empty() {
        return StopReason::EventBudget { events: processed };
    }
    let mut devices: Vec<String> = links
        .iter()
        .flat_map(|l| ctx.links[between_bridges[l]].ends)
        .map(|port| ctx.ids[ctx.ports[port as usize].device as usize].to_string())
        .collect();
    // Sorted and each once, as a set would give (equal strings are identical, so
    // the unstable sort's order is the stable one's).
    devices.sort_unstable();
    devices.dedup();
    let links: Vec<String> = links.into_iter().map(str::to_string).collect();
    ctx.record(EventKind::Storm {
        links: links.clone(),
        devices: devices.clone(),
        events: processed,
    });
    StopReason::BroadcastStorm { links, devices }
}
