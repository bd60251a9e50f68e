//! A run's frames as the story views see them, computed once per run: each transmission's
//! facts, the frame a router received for each frame it forwarded (so the encapsulation view
//! can show the rewrap and the diagram the NAT rewrite), and the chapters of the story.


use packet_engine::trace::{EventKind, Frame};
use packet_engine::{Name, RunOutcome};

use super::chapters::{chapters, Chapter};
use super::classify::{facts, FrameFacts, IpFacts, NoiseSet};

/// How many recent receptions a forwarded frame's original is looked for among.
const LOOKBACK: usize = 512;

/// One frame transmission (a `FrameSent` event).
#[derive(Clone, Debug, PartialEq)]
pub struct Hop {
    /// Index of its `FrameSent` event.
    pub event: usize,
    /// Sender.
    pub from: Name,
    /// Receiver.
    pub to: Name,
    /// When its first bit left and its last bit arrived, ns.
    pub t_start: u64,
    /// See `t_start`.
    pub t_end: u64,
    /// Its bytes (shared with the trace).
    pub bytes: Frame,
    /// What it is.
    pub facts: FrameFacts,
    /// For a frame a router forwarded: the `FrameReceived` event it came in as.
    pub forwarded_from: Option<usize>,
    /// For a forwarded frame whose addresses or ports differ from the received one (NAT):
    /// the received packet's facts.
    pub nat_before: Option<IpFacts>,
}

/// The story's view of a run.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StoryIndex {
    /// Every transmission, in trace order.
    pub hops: Vec<Hop>,
    /// Devices that send or receive a frame, in order of first appearance: the default lanes.
    pub touched: Vec<Name>,
    /// The chapters present in the run, in story order.
    pub chapters: Vec<Chapter>,
}

impl StoryIndex {
    /// The index of `outcome`'s trace.
    ///
    /// Pairing a forwarded frame with the one it came from is one pass: a router sends the
    /// forwarded frame within the same instant's events as it received the original, so each
    /// `FrameSent` looks back over the last [`LOOKBACK`] receptions for the one with what
    /// forwarding keeps (device, IP id, protocol, total length) and a TTL one higher. (A plain
    /// list rather than a map: a map keyed by that tuple cost ~5 KB of wasm.)
    pub fn new(outcome: &RunOutcome) -> StoryIndex {
        let mut hops = Vec::new();
        let mut touched: Vec<Name> = Vec::new();
        // Recent receptions: (device, event, facts); a paired one is taken out.
        let mut arrived: Vec<(Name, usize, IpFacts)> = Vec::new();
        for (index, event) in outcome.trace.events.iter().enumerate() {
            match &event.kind {
                EventKind::FrameReceived { hop, bytes } => {
                    if let Some(ip) = facts(bytes).ip {
                        if arrived.len() >= 4 * LOOKBACK {
                            arrived.drain(..arrived.len() - LOOKBACK);
                        }
                        arrived.push((hop.to.device.clone(), index, ip));
                    }
                }
                EventKind::FrameSent { hop: sent, bytes, .. } => {
                    let (from, to) = (&sent.from, &sent.to);
                    for d in [&from.device, &to.device] {
                        if !touched.contains(d) {
                            touched.push(d.clone());
                        }
                    }
                    let f = facts(bytes);
                    let mut hop = Hop {
                        event: index,
                        from: from.device.clone(),
                        to: to.device.clone(),
                        t_start: event.t_start().as_nanos(),
                        t_end: event.t_end().as_nanos(),
                        bytes: bytes.clone(),
                        facts: f,
                        forwarded_from: None,
                        nat_before: None,
                    };
                    if let Some(ip) = f.ip {
                        let from_at = arrived.len().saturating_sub(LOOKBACK);
                        let found = arrived[from_at..].iter().rposition(|(d, _, a)| {
                            *d == from.device
                                && (a.ident, a.protocol, a.len) == (ip.ident, ip.protocol, ip.len)
                                && u16::from(a.ttl) == u16::from(ip.ttl) + 1
                        });
                        if let Some((_, received, before)) = found.map(|i| arrived.remove(from_at + i)) {
                            hop.forwarded_from = Some(received);
                            let moved = (before.src, before.dst, before.sport, before.dport) != (ip.src, ip.dst, ip.sport, ip.dport);
                            hop.nat_before = moved.then_some(before);
                        }
                    }
                    hops.push(hop);
                }
                _ => {}
            }
        }
        let chapters = chapters(outcome, &hops);
        StoryIndex { hops, touched, chapters }
    }

    /// The transmission of `FrameSent` event `event`.
    pub fn hop_of(&self, event: usize) -> Option<&Hop> {
        self.hops.binary_search_by_key(&event, |h| h.event).ok().map(|i| &self.hops[i])
    }

    /// True when `set` hides the frame of `FrameSent` event `event` (false for other events).
    pub fn hidden(&self, event: usize, set: NoiseSet) -> bool {
        !set.is_empty() && self.hop_of(event).is_some_and(|h| h.facts.hidden_by(set))
    }
}
