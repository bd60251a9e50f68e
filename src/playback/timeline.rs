//! The presentation time scale: the map between simulated time (ns) and *show time* (ms of
//! screen time at 1×), chosen so that every lab is watchable at every speed.
//!
//! Simulated times in one lab span six orders of magnitude: a 60-byte frame is on a LAN cable
//! for 12 µs, a WAN hop takes 2 ms, ping waits 1 s. One linear scale cannot show all of them
//! (the old one played 10 µs per second: a 2 ms hop took 200 s at 1×). So:
//!
//! 1. **Each frame hop gets a screen time between [`HOP_MIN_MS`] and [`HOP_MAX_MS`]**,
//!    growing with the logarithm of its wire time ([`hop_ms`]): every ×10 of wire time adds
//!    [`HOP_MS_PER_DECADE`] ms. A 12 µs LAN hop takes ~0.83 s, a 125 µs full-size frame
//!    ~1.24 s, a 2 ms WAN hop ~1.72 s: longer frames still look longer, none crawls or flashes.
//! 2. Between two consecutive moments that something happens (knots: event times, frame
//!    starts and ends), time runs at one rate. While frames are on wires the rate is the
//!    fastest any of them asks for (the largest ms-per-ns), so no frame is shown shorter than
//!    its own duration; a frame that overlaps others may take longer, waiting for them.
//! 3. **Waits with nothing on a wire are squeezed**: they run at [`IDLE_MS_PER_US`] (the LAN
//!    rate, so a switch's few µs of processing are seen) but never last more than
//!    [`IDLE_CAP_MS`]: ping's one-second pause is 0.3 s on screen.
//!
//! Speed multiplies show time (4× plays 4 show-ms per wall ms); "whole run in about N s"
//! picks the speed that makes [`Timeline::end`] last N seconds. Stepping and scrubbing never
//! go through this map: they move by events, and every time displayed is simulated time.

use std::collections::BinaryHeap;
use std::cmp::Reverse;

/// Shortest screen time of one frame hop at 1×, ms.
pub const HOP_MIN_MS: f64 = 400.0;
/// Longest screen time of an isolated frame hop at 1×, ms.
pub const HOP_MAX_MS: f64 = 2000.0;
/// Screen ms added per ×10 of a hop's wire time (between 1 µs and 10 ms).
pub const HOP_MS_PER_DECADE: f64 = (HOP_MAX_MS - HOP_MIN_MS) / 4.0;
/// Rate of a wait with nothing on a wire: 100 ms of screen per µs simulated (10 µs per s).
pub const IDLE_MS_PER_US: f64 = 100.0;
/// Longest screen time of a wait with nothing on a wire, at 1×, ms.
pub const IDLE_CAP_MS: f64 = 300.0;

/// Screen ms (at 1×) of a frame hop that lasts `wire_ns` on its wire: [`HOP_MIN_MS`] at 1 µs
/// or less, [`HOP_MAX_MS`] at 10 ms or more, logarithmic between.
pub fn hop_ms(wire_ns: u64) -> f64 {
    let decades = ((wire_ns.max(1) as f64) / 1_000.0).log10().clamp(0.0, 4.0);
    HOP_MIN_MS + HOP_MS_PER_DECADE * decades
}

/// Screen ms (at 1×) of a wait of `gap_ns` with nothing on a wire.
pub fn idle_ms(gap_ns: u64) -> f64 {
    (gap_ns as f64 * IDLE_MS_PER_US / 1_000.0).min(IDLE_CAP_MS)
}

/// The sorted union of two sorted lists, each value once, with no spare capacity (a run keeps
/// it for its life).
fn merge_dedup(a: &[u64], b: &[u64]) -> Vec<u64> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        let next = match (a.get(i), b.get(j)) {
            (Some(&x), Some(&y)) if x <= y => {
                i += 1;
                x
            }
            (_, Some(&y)) => {
                j += 1;
                y
            }
            (Some(&x), None) => {
                i += 1;
                x
            }
            (None, None) => unreachable!(),
        };
        if out.last() != Some(&next) {
            out.push(next);
        }
    }
    out.shrink_to_fit();
    out
}

/// The piecewise-linear map between simulated time (ns) and show time (ms at 1×).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Timeline {
    /// Knot times in simulated ns, strictly increasing.
    sim: Vec<u64>,
    /// Knot times in show ms, non-decreasing.
    play: Vec<f64>,
}

impl Timeline {
    /// The timeline for a set of event times and frame flights `(t_start, t_end)` (see the
    /// module's rules 1–3).
    pub fn new(event_times: impl IntoIterator<Item = u64>, flights: &[(u64, u64)]) -> Timeline {
        // The event times come in order (a trace's are): only the flights' times are sorted,
        // then the two lists merged, which at a million events is a fraction of sorting all.
        let mut events: Vec<u64> = event_times.into_iter().collect();
        if !events.is_sorted() {
            events.sort_unstable();
        }
        let mut ends: Vec<u64> = Vec::with_capacity(2 * flights.len() + 1);
        ends.push(0);
        for &(a, b) in flights {
            ends.push(a);
            ends.push(b);
        }
        ends.sort_unstable();
        let knots = merge_dedup(&events, &ends);
        // Each flight as (first interval, end interval, rate in show-ms per ns), by start.
        let mut spans: Vec<(usize, usize, f64)> = flights
            .iter()
            .filter(|(a, b)| b > a)
            .map(|&(a, b)| {
                let ia = knots.partition_point(|&k| k < a);
                let ib = knots.partition_point(|&k| k < b);
                (ia, ib, hop_ms(b - a) / (b - a) as f64)
            })
            .collect();
        // Unstable is enough: flights starting in the same interval all enter the heap below
        // before it is read, so their order among themselves cannot show.
        spans.sort_unstable_by_key(|s| s.0);
        // Sweep the intervals with a heap of the flights covering each, fastest rate on top
        // (rates as ordered bits: they are positive finite floats).
        let mut covering: BinaryHeap<(u64, Reverse<usize>)> = BinaryHeap::new();
        let mut next = 0;
        let mut play = Vec::with_capacity(knots.len());
        let mut t = 0.0f64;
        for k in 0..knots.len() {
            if k > 0 {
                let gap = knots[k] - knots[k - 1];
                let i = k - 1; // the interval (knots[i], knots[k])
                while next < spans.len() && spans[next].0 <= i {
                    covering.push((spans[next].2.to_bits(), Reverse(spans[next].1)));
                    next += 1;
                }
                let rate = loop {
                    match covering.peek() {
                        Some(&(_, Reverse(end))) if end <= i => {
                            covering.pop();
                        }
                        Some(&(bits, _)) => break Some(f64::from_bits(bits)),
                        None => break None,
                    }
                };
                t += match rate {
                    Some(r) => gap as f64 * r,
                    None => idle_ms(gap),
                };
            }
            play.push(t);
        }
        Timeline { sim: knots, play }
    }

    /// Show time of simulated time `sim_ns`.
    pub fn to_play(&self, sim_ns: u64) -> f64 {
        self.to_play_from(self.sim.partition_point(|&s| s <= sim_ns), sim_ns)
    }

    /// Show times of many simulated times: [`Timeline::to_play`] of each, found by walking
    /// the knots forward while the times do not go back (a trace's event times), instead of
    /// a search per time.
    pub fn to_play_all(&self, sim_ns: impl IntoIterator<Item = u64>) -> Vec<f64> {
        let mut k = 0;
        let mut last = 0;
        sim_ns
            .into_iter()
            .map(|t| {
                if t < last {
                    k = 0;
                }
                last = t;
                while self.sim.get(k).is_some_and(|&s| s <= t) {
                    k += 1;
                }
                self.to_play_from(k, t)
            })
            .collect()
    }

    /// Show time of `sim_ns`, where `k` is the number of knots at or before it.
    fn to_play_from(&self, k: usize, sim_ns: u64) -> f64 {
        if k == 0 {
            return 0.0;
        }
        let (s0, p0) = (self.sim[k - 1], self.play[k - 1]);
        match (self.sim.get(k), self.play.get(k)) {
            (Some(&s1), Some(&p1)) => p0 + (p1 - p0) * (sim_ns - s0) as f64 / (s1 - s0) as f64,
            _ => p0 + idle_ms(sim_ns - s0),
        }
    }

    /// Simulated time at show time `play_ms` (the first such time when an interval has no
    /// show time at all).
    pub fn to_sim(&self, play_ms: f64) -> u64 {
        let k = self.play.partition_point(|&p| p <= play_ms);
        if k == 0 {
            return 0;
        }
        let (s0, p0) = (self.sim[k - 1], self.play[k - 1]);
        match (self.sim.get(k), self.play.get(k)) {
            (Some(&s1), Some(&p1)) if p1 > p0 => {
                (s0 + ((s1 - s0) as f64 * (play_ms - p0) / (p1 - p0)) as u64).min(s1)
            }
            _ => s0,
        }
    }

    /// Simulated ns per show-second at `play_ms`: how much real time one second on screen at
    /// 1× stands for there (`None` past the end).
    pub fn sim_per_show_second(&self, play_ms: f64) -> Option<f64> {
        let k = self.play.partition_point(|&p| p <= play_ms);
        let i = k.checked_sub(1)?;
        let (s1, p1) = (*self.sim.get(k)?, self.play[k]);
        (p1 > self.play[i]).then(|| (s1 - self.sim[i]) as f64 * 1_000.0 / (p1 - self.play[i]))
    }

    /// True when show time `play_ms` lies in a wait with nothing on a wire that is shown
    /// shorter than at the idle rate (the "⏩ idle" marker).
    pub fn is_squeezed(&self, play_ms: f64) -> bool {
        let k = self.play.partition_point(|&p| p <= play_ms);
        match (k.checked_sub(1), self.sim.get(k)) {
            (Some(i), Some(&s1)) => {
                let gap = (s1 - self.sim[i]) as f64;
                let shown = self.play[k] - self.play[i];
                (shown - IDLE_CAP_MS).abs() < 1e-6 && gap * IDLE_MS_PER_US / 1e3 > IDLE_CAP_MS
            }
            _ => false,
        }
    }

    /// Number of knots (for the memory bench).
    #[cfg(test)]
    pub fn knots(&self) -> usize {
        self.sim.len()
    }

    /// The knots' simulated times.
    #[cfg(test)]
    pub fn knot_times(&self) -> &[u64] {
        &self.sim
    }

    /// Show time of the last knot.
    pub fn end(&self) -> f64 {
        self.play.last().copied().unwrap_or(0.0)
    }
}
