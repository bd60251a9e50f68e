//! The map between simulated time and playback time.

use super::*;

/// The piecewise-linear map between simulated time and playback time (both ns).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Timeline {
    /// Knot times in simulated ns, strictly increasing.
    sim: Vec<u64>,
    /// Knot times in playback ns, non-decreasing.
    play: Vec<f64>,
}

impl Timeline {
    /// The timeline for a set of event times and frame flights `(t_start, t_end)`: full speed
    /// while any frame is on a wire, gaps with nothing on a wire squeezed to [`IDLE_CAP_NS`].
    pub fn new(event_times: impl IntoIterator<Item = u64>, flights: &[(u64, u64)]) -> Timeline {
        let mut knots: Vec<u64> = event_times.into_iter().collect();
        knots.push(0);
        for &(a, b) in flights {
            knots.push(a);
            knots.push(b);
        }
        knots.sort_unstable();
        knots.dedup();
        // busy[k] > 0 when a frame is on a wire during (knots[k], knots[k+1]).
        let mut busy = vec![0i64; knots.len() + 1];
        for &(a, b) in flights {
            if b > a {
                let ia = knots.binary_search(&a).unwrap_or_else(|i| i);
                let ib = knots.binary_search(&b).unwrap_or_else(|i| i);
                busy[ia] += 1;
                busy[ib] -= 1;
            }
        }
        let mut play = Vec::with_capacity(knots.len());
        let (mut on_wire, mut t) = (0i64, 0.0f64);
        for k in 0..knots.len() {
            if k > 0 {
                let gap = (knots[k] - knots[k - 1]) as f64;
                t += if on_wire > 0 { gap } else { gap.min(IDLE_CAP_NS) };
            }
            play.push(t);
            on_wire += busy[k];
        }
        Timeline { sim: knots, play }
    }

    /// Playback time of simulated time `sim_ns`.
    pub fn to_play(&self, sim_ns: u64) -> f64 {
        let k = self.sim.partition_point(|&s| s <= sim_ns);
        if k == 0 {
            return 0.0;
        }
        let (s0, p0) = (self.sim[k - 1], self.play[k - 1]);
        match (self.sim.get(k), self.play.get(k)) {
            (Some(&s1), Some(&p1)) => p0 + (p1 - p0) * (sim_ns - s0) as f64 / (s1 - s0) as f64,
            _ => p0 + (sim_ns - s0) as f64,
        }
    }

    /// Simulated time at playback time `play_ns` (the first such time inside a squeezed gap).
    pub fn to_sim(&self, play_ns: f64) -> u64 {
        let k = self.play.partition_point(|&p| p <= play_ns);
        if k == 0 {
            return 0;
        }
        let (s0, p0) = (self.sim[k - 1], self.play[k - 1]);
        match (self.sim.get(k), self.play.get(k)) {
            (Some(&s1), Some(&p1)) if p1 > p0 => s0 + ((s1 - s0) as f64 * (play_ns - p0) / (p1 - p0)) as u64,
            _ => s0,
        }
    }

    /// True when playback time `play_ns` lies in a gap that is shown faster than real time.
    pub fn is_squeezed(&self, play_ns: f64) -> bool {
        let k = self.play.partition_point(|&p| p <= play_ns);
        match (k.checked_sub(1), self.sim.get(k)) {
            (Some(i), Some(&s1)) => ((s1 - self.sim[i]) as f64) > (self.play[k] - self.play[i]) + 0.5,
            _ => false,
        }
    }

    /// Playback time of the last knot.
    pub fn end(&self) -> f64 {
        self.play.last().copied().unwrap_or(0.0)
    }
}
