//! The end of a run that ran out of events or work: ordinary traffic, or a
//! broadcast storm circulating through a loop of switches or hubs (no STP
//! here, as on a Linux bridge with STP off), including a fan-out storm
//! through many parallel cables between hubs.

use super::ctx::Ctx;
use super::device::Body;
use super::StopReason;
use crate::trace::{EventKind, StormLoop};
use crate::vec_map::{VecMap, VecSet};

/// A frame to the bridge group address: a BPDU, which no bridge forwards.
fn is_bpdu(frame: &[u8]) -> bool {
    frame.starts_with(&crate::wire::stp::BRIDGE_GROUP)
}

/// Decides whether the budget ran out because of a loop; `work` is the work
/// spent when the work budget (not the event budget) ran out.
///
/// The signature of a loop is circulation: the very same bytes crossing
/// the same link between two switches (or hubs) again and again. Counting
/// "how many recent frames were broadcasts" is not enough: with hosts on
/// the loop, the unicast replies they send can outnumber the circulating
/// broadcast. O(W log W) over the last W trace entries and the frames waiting
/// in the transmit queues of links between bridges, once per run.
pub(super) fn budget_exhausted(ctx: &mut Ctx, bodies: &[Body], processed: u64, work: Option<u64>) -> StopReason {
    const WINDOW: usize = 20_000;
    /// Copies of one frame on one link that no protocol retry explains
    /// (ARP retries at most 3 times, then gives up).
    const CIRCULATING: u32 = 10;
    let bridging =
        |ctx: &Ctx, port: u32| bodies[ctx.ports[port as usize].device as usize].is_bridge();
    // Link id -> index in ctx.links. Built with `extend` (inserts), not
    // `collect` (a sort and a bulk build per map type in the wasm, issue 15).
    let mut between_bridges: VecMap<&str, usize> = VecMap::new();
    between_bridges.extend(
        ctx.links
            .iter()
            .enumerate()
            .filter(|(_, l)| bridging(ctx, l.ends[0]) && bridging(ctx, l.ends[1]))
            .map(|(i, l)| (l.id.as_str(), i)),
    );
    let mut copies: VecMap<(&str, &[u8]), u32> = VecMap::new();
    for ev in ctx.trace.iter().rev().take(WINDOW) {
        if let EventKind::FrameSent { hop, bytes, .. } = &ev.kind {
            let link = &hop.link;
            // Hellos repeat every 2 s by design: never a storm.
            if between_bridges.contains_key(link.as_str()) && !is_bpdu(bytes) {
                *copies.entry((link.as_str(), &bytes[..])).or_default() += 1;
            }
        }
    }
    // Copies still waiting to cross: a flood through hundreds of parallel
    // cables fills each one's transmit queue with the same frame faster than
    // the wire sends them, so the work runs out before many reach the trace.
    // At most TX_QUEUE_LEN a direction, and each was counted as work.
    for link in &ctx.links {
        if between_bridges.contains_key(link.id.as_str()) {
            for frame in link.dirs.iter().flat_map(|d| d.queue.iter().map(|(f, _)| f)).filter(|f| !is_bpdu(f)) {
                *copies.entry((link.id.as_str(), &frame[..])).or_default() += 1;
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
        return match work {
            Some(work) => StopReason::WorkBudget { events: processed, work },
            None => StopReason::EventBudget { events: processed },
        };
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
    let first_repeat = first_repeat(ctx);
    ctx.record(EventKind::Storm {
        looped: Box::new(StormLoop { links: links.clone(), devices: devices.clone(), events: processed }),
        first_repeat,
    });
    StopReason::BroadcastStorm { links, devices }
}

/// The trace index of the first frame that came round the loop: the first
/// `FrameSent` whose bytes the same device already sent on the same link.
/// From there on the loop is visible, so the app explains the storm from it.
/// The scan stops at that frame, which in a storm comes within the first
/// trip round the loop; if no frame repeats (a storm of ever-new frames),
/// the storm is dated at its end, where it is recorded.
fn first_repeat(ctx: &Ctx) -> u64 {
    let mut seen = VecSet::new();
    let first = ctx.trace.iter().position(|e| match &e.kind {
        EventKind::FrameSent { hop, bytes, .. } => !is_bpdu(bytes) && !seen.insert((&hop.link, &hop.from.device, bytes)),
        _ => false,
    });
    first.unwrap_or(ctx.trace.len()) as u64
}
