//! The pending-event queue: events come out by time, and events at the same
//! time in the order they were scheduled (ns-3's `(time, uid)` order, with
//! the uid implicit in where an entry sits).
//!
//! A monotone radix heap (Ahuja, Mehlhorn, Orlin and Tarjan, "Faster
//! algorithms for the shortest path problem", J. ACM 37(2), 1990), in its
//! one-level form with buckets chosen by the highest bit in which a time
//! differs from the last time taken. It relies on what a discrete-event loop
//! guarantees anyway: nothing is scheduled before the last event taken.
//!
//! Why not `BinaryHeap`: a lab schedules its commands at build time, so the
//! heap holds hundreds of far-off timers (the throughput bench: 1 000 pings
//! one millisecond apart) while the events being worked on are near now.
//! Every near event pushed then climbs the whole heap to its root, and every
//! pop sinks to the bottom: ~20 compare-and-move steps per event, a quarter
//! of `Sim::step`'s instructions (docs/perf.md). Here an entry is appended to
//! a bucket, and moved only when its bucket is the lowest one left (to a lower
//! bucket each time, at most 64 times in all; 1.4 times per event in the bench).

use crate::time::SimTime;

/// An event's place in the queue: its time, and where the event itself waits
/// in [`Ctx`](super::ctx::Ctx)'s slab, so that entries are 16 bytes to move.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Queued {
    pub(crate) time: SimTime,
    /// Where the event waits in the slab.
    pub(crate) slot: u32,
    /// [`Ev::is_background`](super::Ev::is_background), decided when it was queued.
    pub(crate) background: bool,
}

/// Pending events, taken in `(time, order scheduled)` order.
///
/// Bucket `b > 0` holds the entries whose time's highest bit differing from
/// `last` is bit `b - 1`; bucket 0 those at `last` itself. Every bucket is in
/// scheduling order, which is what breaks ties without a sequence number:
/// a push appends the newest entry; and a bucket is only ever refilled from
/// the lowest non-empty bucket, whose entries go, in their order, to buckets
/// that were all empty. So bucket 0, taken from its front, gives the entries
/// at `last` in the order they were scheduled.
pub(crate) struct EventQueue {
    buckets: [Vec<Queued>; 65],
    /// Bucket 0 is taken from its front: its first `head` entries are gone.
    head: usize,
    /// Bit `b - 1` set when bucket `b > 0` is not empty.
    occupied: u64,
    /// The time of the last entry taken (zero before the first).
    last: SimTime,
}

impl EventQueue {
    pub(crate) fn new() -> EventQueue {
        EventQueue {
            buckets: std::array::from_fn(|_| Vec::new()),
            head: 0,
            occupied: 0,
            last: SimTime::ZERO,
        }
    }

    /// The bucket of `time` (not before `last`).
    fn bucket(&self, time: SimTime) -> usize {
        (u64::BITS - (time.0 ^ self.last.0).leading_zeros()) as usize
    }

    /// Queues an entry after every entry already queued at its time.
    /// O(1). A time before the last one taken is a bug in the caller; it is
    /// taken as that last time, so the clock still never goes backwards.
    pub(crate) fn push(&mut self, entry: Queued) {
        debug_assert!(entry.time >= self.last, "an event may not be scheduled in the past");
        let entry = Queued { time: entry.time.max(self.last), ..entry };
        let b = self.bucket(entry.time);
        if b > 0 {
            self.occupied |= 1 << (b - 1);
        }
        self.buckets[b].push(entry);
    }

    /// Takes the earliest entry (the first scheduled among the earliest).
    /// Amortised O(1) per entry plus O(64) moves over an entry's life.
    pub(crate) fn pop(&mut self) -> Option<Queued> {
        if self.head == self.buckets[0].len() {
            if self.occupied == 0 {
                return None;
            }
            let b = self.occupied.trailing_zeros() as usize + 1;
            if self.buckets[b].len() == 1 {
                // The lowest bucket's only entry is the earliest: taken
                // directly (four refills in five in the throughput bench).
                self.occupied &= !(1 << (b - 1));
                let entry = self.buckets[b].pop().expect("an occupied bucket has entries");
                self.last = entry.time;
                return Some(entry);
            }
            self.refill();
        }
        let entry = self.buckets[0][self.head];
        self.head += 1;
        if self.head == self.buckets[0].len() {
            self.buckets[0].clear();
            self.head = 0;
        }
        Some(entry)
    }

    /// Moves the lowest non-empty bucket's entries down, its earliest time
    /// becoming `last`: those at that time land in bucket 0 (empty until
    /// now), the others in buckets below theirs (empty too).
    #[inline(never)]
    fn refill(&mut self) {
        let b = self.occupied.trailing_zeros() as usize + 1;
        self.occupied &= !(1 << (b - 1));
        let mut from = std::mem::take(&mut self.buckets[b]);
        self.last = from.iter().map(|e| e.time).min().expect("an occupied bucket has entries");
        for &entry in &from {
            let to = self.bucket(entry.time);
            if to > 0 {
                self.occupied |= 1 << (to - 1);
            }
            self.buckets[to].push(entry);
        }
        // Give the emptied bucket its allocation back for the next refill.
        from.clear();
        self.buckets[b] = from;
    }
}

#[cfg(test)]
mod tests {
    use super::{EventQueue, Queued};
    use crate::rng::Rng;
    use crate::time::SimTime;
    use std::cmp::Reverse;
    use std::collections::BinaryHeap;

    /// Random schedules against a binary heap ordered by (time, sequence
    /// number): the same entries come out in the same order. Times are drawn
    /// the way a run makes them: now plus a delay that is often zero, often
    /// one of a few link delays, sometimes far off, sometimes `u64::MAX`.
    #[test]
    fn takes_entries_in_time_then_scheduling_order() {
        for seed in 0..200 {
            let mut rng = Rng::new(seed);
            let mut queue = EventQueue::new();
            let mut reference = BinaryHeap::new();
            let mut now = 0u64;
            let mut seq = 0u32;
            for _ in 0..2_000 {
                if rng.below(3) > 0 {
                    for _ in 0..rng.below(4) {
                        let delay = match rng.below(10) {
                            0..=2 => 0,
                            3..=5 => [1_000, 5_120, 1_000_000][rng.below(3) as usize],
                            6..=7 => rng.below(1 << 12),
                            8 => rng.below(1 << 40),
                            _ => u64::MAX,
                        };
                        let time = now.saturating_add(delay);
                        queue.push(Queued { time: SimTime(time), slot: seq, background: seq % 7 == 0 });
                        reference.push(Reverse((time, seq)));
                        seq += 1;
                    }
                }
                let got = queue.pop();
                let want = reference.pop().map(|Reverse((time, seq))| (time, seq));
                assert_eq!(got.map(|e| (e.time.0, e.slot)), want, "seed {seed}");
                if let Some(e) = got {
                    assert_eq!(e.background, e.slot % 7 == 0);
                    now = e.time.0;
                }
            }
            while let Some(Reverse((time, seq))) = reference.pop() {
                assert_eq!(queue.pop().map(|e| (e.time.0, e.slot)), Some((time, seq)));
            }
            assert_eq!(queue.pop(), None);
        }
    }

    /// Many entries at one far time, queued while nearer ones come and go,
    /// come out in the order they were queued.
    #[test]
    fn simultaneous_entries_keep_their_order() {
        let mut queue = EventQueue::new();
        let mut slot = 0;
        let mut push = |queue: &mut EventQueue, t: u64| {
            queue.push(Queued { time: SimTime(t), slot, background: false });
            slot += 1;
        };
        for round in 0..50u64 {
            push(&mut queue, 1_000_000);
            push(&mut queue, round * 10);
            push(&mut queue, 999_999 - round);
        }
        let mut out = Vec::new();
        while let Some(e) = queue.pop() {
            out.push((e.time.0, e.slot));
        }
        let mut want = out.clone();
        want.sort();
        assert_eq!(out, want);
        assert_eq!(out.len(), 150);
    }
}
