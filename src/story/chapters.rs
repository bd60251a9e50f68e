//! The story's chapters, derived from the trace: "1 Get an address" (the first DHCP frame),
//! "2 Find the gateway" (the first ARP request for a gateway), "3 Resolve the name" (the
//! first DNS frame), "4 Connect" (the first TCP SYN), "5 Ask for the page" (the first HTTP
//! request). A chapter whose frames are not in the run is not there.

use packet_engine::VecSet;

use packet_engine::trace::EventKind;
use packet_engine::RunOutcome;

use super::classify::Proto;
use super::index::Hop;

/// One chapter of the story.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Chapter {
    /// Its number in the full story, 1–5 (kept when earlier chapters are absent).
    pub number: u8,
    /// Its title.
    pub title: &'static str,
    /// Its first event (a `FrameSent`).
    pub event: usize,
}

/// The titles, by number − 1.
pub const TITLES: [&str; 5] = ["Get an address", "Find the gateway", "Resolve the name", "Connect", "Ask for the page"];

/// The chapters of `outcome` present in `hops`, ordered by number.
pub fn chapters(outcome: &RunOutcome, hops: &[Hop]) -> Vec<Chapter> {
    // The gateways: a DHCP lease's router, and every next hop a routing decision chose that
    // is not the destination itself.
    let mut gateways = VecSet::new();
    for e in &outcome.trace.events {
        match &e.kind {
            EventKind::DhcpLeaseObtained { lease, .. } => gateways.extend(lease.router),
            EventKind::Route { decision, .. } => {
                if let Some(hop) = decision.next_hop.filter(|h| *h != decision.destination) {
                    gateways.insert(hop);
                }
            }
            _ => {}
        }
    }
    let first = |pick: &dyn Fn(&Hop) -> bool| hops.iter().find(|h| pick(h)).map(|h| h.event);
    let found = [
        first(&|h| h.facts.proto == Proto::Dhcp),
        first(&|h| h.facts.arp_target.is_some_and(|t| gateways.contains(&t))),
        first(&|h| h.facts.proto == Proto::Dns),
        first(&|h| h.facts.syn),
        first(&|h| h.facts.http_request),
    ];
    found
        .iter()
        .enumerate()
        .filter_map(|(i, e)| e.map(|event| Chapter { number: i as u8 + 1, title: TITLES[i], event }))
        .collect()
}

/// The chapter the story is in once `shown` events have happened: the last one begun.
pub fn current(chapters: &[Chapter], shown: usize) -> Option<&Chapter> {
    chapters.iter().filter(|c| c.event < shown).max_by_key(|c| c.event)
}
