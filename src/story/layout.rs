//! The sequence diagram's geometry, a pure function of the run's [`StoryIndex`], the lanes
//! picked and the noise filters: one lane per device, one row per frame transmission drawn
//! between lanes, the rows in view for virtualised rendering, the cursor row at the playhead.
//!
//! Rows have a fixed height, so the rows in view are a range computed from the scroll offset
//! and nothing below or above it needs to be in the DOM (a few thousand frames stay smooth).

use std::ops::Range;

use packet_engine::Name;

use super::classify::{IpFacts, NoiseSet, Proto};
use super::index::StoryIndex;

/// Height of one row (one arrow), px.
pub const ROW_H: f64 = 26.0;
/// Distance between lanes, px.
pub const LANE_GAP: f64 = 150.0;
/// Width of the time column at the left, px.
pub const TIME_W: f64 = 76.0;
/// Rows drawn beyond the visible ones on each side, so a scroll never shows a gap.
pub const OVERSCAN: usize = 12;
/// How far (in transmissions) a frame forwarded by a hidden device is looked for.
const THROUGH_LOOKAHEAD: usize = 64;
/// How long (ns) a hidden switch may take to pass a frame on and still be the same arrow.
const THROUGH_NS: u64 = 10_000_000;

/// One lane: a device and its x.
#[derive(Clone, Debug, PartialEq)]
pub struct Lane {
    /// The device.
    pub name: Name,
    /// Its centre line.
    pub x: f64,
}

/// One arrow: a frame between two lanes.
#[derive(Clone, Debug, PartialEq)]
pub struct Arrow {
    /// The `FrameSent` event it draws (the first hop when it passes hidden lanes).
    pub event: usize,
    /// Row number (0 at the top).
    pub row: usize,
    /// Sender's lane x.
    pub x1: f64,
    /// Receiver's lane x.
    pub x2: f64,
    /// Centre of the row.
    pub y: f64,
    /// Protocol.
    pub proto: Proto,
    /// When it left, ns.
    pub t_ns: u64,
    /// "NAT 192.168.1.10:40000 → 203.0.113.2:40000" when the router that sent it rewrote the
    /// packet's addresses or ports; drawn at the sender's lane.
    pub nat: Option<String>,
    /// Sent by a router forwarding a packet it received (the encapsulation view shows the rewrap).
    pub forwarded: bool,
}

/// The whole diagram.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Layout {
    /// Lanes, left to right.
    pub lanes: Vec<Lane>,
    /// Arrows, top to bottom.
    pub arrows: Vec<Arrow>,
    /// Transmissions the noise filters hide.
    pub hidden: usize,
    /// Total width, px.
    pub width: f64,
    /// Total height of the rows, px.
    pub height: f64,
}

/// The x of lane `i`.
pub fn lane_x(i: usize) -> f64 {
    TIME_W + LANE_GAP / 2.0 + i as f64 * LANE_GAP
}

/// The diagram of `index` with `lanes` (in that order; names not in the run are ignored),
/// hiding what `noise` hides.
///
/// A frame whose sender and receiver both have lanes is an arrow. A frame to a device without
/// a lane (a switch the user took away) is drawn on to where that device passed the same bytes
/// on within [`THROUGH_NS`], so hiding switches leaves host-to-router arrows; a frame from a
/// device without a lane is not drawn (its arrow is the one that brought it).
pub fn layout(index: &StoryIndex, lanes: &[Name], noise: NoiseSet) -> Layout {
    let lane_of = |d: &Name| lanes.iter().position(|l| l == d);
    let mut arrows = Vec::new();
    let mut hidden = 0;
    for (i, hop) in index.hops.iter().enumerate() {
        if hop.facts.hidden_by(noise) {
            hidden += 1;
            continue;
        }
        let Some(from) = lane_of(&hop.from) else { continue };
        let mut ends = Vec::new();
        match lane_of(&hop.to) {
            Some(to) => ends.push(to),
            None => through(index, i, lanes, &mut ends, 0),
        }
        for to in ends {
            if to == from {
                continue;
            }
            let row = arrows.len();
            arrows.push(Arrow {
                event: hop.event,
                row,
                x1: lane_x(from),
                x2: lane_x(to),
                y: row as f64 * ROW_H + ROW_H / 2.0,
                proto: hop.facts.proto,
                t_ns: hop.t_start,
                nat: hop.nat_before.zip(hop.facts.ip).map(|(before, after)| nat_text(&before, &after)),
                forwarded: hop.forwarded_from.is_some(),
            });
        }
    }
    let lanes: Vec<Lane> = lanes.iter().enumerate().map(|(i, name)| Lane { name: name.clone(), x: lane_x(i) }).collect();
    let width = TIME_W + lanes.len() as f64 * LANE_GAP;
    let height = arrows.len() as f64 * ROW_H;
    Layout { lanes, arrows, hidden, width, height }
}

/// The lanes a frame reaches through devices without a lane (depth-bounded).
fn through(index: &StoryIndex, i: usize, lanes: &[Name], ends: &mut Vec<usize>, depth: u8) {
    if depth > 6 {
        return;
    }
    let hop = &index.hops[i];
    let window = index.hops.iter().enumerate().skip(i + 1).take(THROUGH_LOOKAHEAD);
    for (j, next) in window {
        if next.t_start > hop.t_end + THROUGH_NS {
            break;
        }
        if next.from != hop.to || next.t_start < hop.t_end || next.bytes != hop.bytes || next.to == hop.from {
            continue;
        }
        match lanes.iter().position(|l| *l == next.to) {
            Some(to) => {
                if !ends.contains(&to) {
                    ends.push(to);
                }
            }
            None => through(index, j, lanes, ends, depth + 1),
        }
    }
}

/// What NAT changed, in words: the source for outgoing packets, the destination for replies.
fn nat_text(before: &IpFacts, after: &IpFacts) -> String {
    let end = |a: std::net::Ipv4Addr, p: Option<u16>| match p {
        Some(p) => format!("{a}:{p}"),
        None => a.to_string(),
    };
    let mut parts = Vec::new();
    if (before.src, before.sport) != (after.src, after.sport) {
        parts.push(format!("src {} → {}", end(before.src, before.sport), end(after.src, after.sport)));
    }
    if (before.dst, before.dport) != (after.dst, after.dport) {
        parts.push(format!("dst {} → {}", end(before.dst, before.dport), end(after.dst, after.dport)));
    }
    format!("NAT {}", parts.join(", "))
}

/// The rows to draw when the viewport shows `view_h` px from `scroll_top`, of `rows` rows,
/// with [`OVERSCAN`] rows either side.
pub fn window(scroll_top: f64, view_h: f64, rows: usize) -> Range<usize> {
    let top = (scroll_top.max(0.0) / ROW_H).floor() as usize;
    let seen = (view_h.max(0.0) / ROW_H).ceil() as usize + 1;
    let start = top.saturating_sub(OVERSCAN).min(rows);
    let end = (top + seen + OVERSCAN).min(rows);
    start..end
}

/// The cursor: the last arrow whose frame has been sent once `shown` events have happened.
pub fn cursor(arrows: &[Arrow], shown: usize) -> Option<usize> {
    arrows.partition_point(|a| a.event < shown).checked_sub(1)
}

/// The scroll offset that brings `row` into a viewport of `view_h` px at `scroll_top`, or
/// `None` when it is in view already (a third of the way down when it has to move, so what
/// comes next is visible too).
pub fn scroll_to(row: usize, scroll_top: f64, view_h: f64) -> Option<f64> {
    let (top, bottom) = (row as f64 * ROW_H, (row + 1) as f64 * ROW_H);
    if top >= scroll_top && bottom <= scroll_top + view_h {
        return None;
    }
    Some((top - view_h / 3.0).max(0.0))
}

/// The arrow's shaft end and its head (a triangle's three points), pointing at `x2`.
pub fn arrow_head(a: &Arrow) -> (f64, [(f64, f64); 3]) {
    let dir = if a.x2 >= a.x1 { 1.0 } else { -1.0 };
    let tip = a.x2 - dir * 2.0;
    let base = tip - dir * 8.0;
    (base, [(tip, a.y), (base, a.y - 4.5), (base, a.y + 4.5)])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::StoryIndex;

    fn index(stem: &str) -> StoryIndex {
        let scenario = packet_engine::examples::all().into_iter().find(|(s, _)| *s == stem).expect("example").1;
        let outcome = packet_engine::Simulation::new(&scenario).expect("valid").run();
        StoryIndex::new(&outcome)
    }

    #[test]
    fn one_arrow_per_transmission_between_touched_lanes() {
        let idx = index("name-lookup");
        let l = layout(&idx, &idx.touched, NoiseSet::default());
        assert_eq!(l.arrows.len(), idx.hops.len());
        assert_eq!(l.lanes.len(), idx.touched.len());
        assert_eq!(l.lanes[0].x, TIME_W + LANE_GAP / 2.0);
        assert_eq!(l.height, l.arrows.len() as f64 * ROW_H);
        for (r, a) in l.arrows.iter().enumerate() {
            assert_eq!((a.row, a.y), (r, r as f64 * ROW_H + ROW_H / 2.0));
            assert_ne!(a.x1, a.x2);
        }
        assert!(l.arrows.windows(2).all(|w| w[0].event < w[1].event), "in trace order");
        assert!(l.arrows.iter().any(|a| a.proto == Proto::Dns) && l.arrows.iter().any(|a| a.proto == Proto::Arp));
    }

    #[test]
    fn the_arp_filter_hides_arp_and_counts_it() {
        let idx = index("name-lookup");
        let arp = idx.hops.iter().filter(|h| h.facts.proto == Proto::Arp).count();
        assert!(arp > 0);
        let l = layout(&idx, &idx.touched, NoiseSet::default().with(super::super::Noise::Arp));
        assert_eq!(l.hidden, arp);
        assert_eq!(l.arrows.len(), idx.hops.len() - arp);
        assert!(l.arrows.iter().all(|a| a.proto != Proto::Arp));
    }

    #[test]
    fn hiding_a_switch_draws_through_it() {
        let idx = index("name-lookup");
        let lanes: Vec<Name> = idx.touched.iter().filter(|d| d.as_str() != "home-switch").cloned().collect();
        let l = layout(&idx, &lanes, NoiseSet::default());
        let x = |d: &str| lane_x(lanes.iter().position(|l| l.as_str() == d).unwrap());
        assert!(l.arrows.iter().any(|a| a.x1 == x("laptop") && a.x2 == x("home-router")), "laptop → router through the switch");
        assert!(l.arrows.len() < idx.hops.len());
        // A lane that is not in the run draws nothing and does not panic.
        let l = layout(&idx, &["nobody".into()], NoiseSet::default());
        assert!(l.arrows.is_empty());
    }

    #[test]
    fn window_cursor_and_scroll() {
        assert_eq!(window(0.0, 260.0, 1000), 0..(11 + OVERSCAN));
        assert_eq!(window(ROW_H * 500.0, 260.0, 1000), (500 - OVERSCAN)..(511 + OVERSCAN));
        assert_eq!(window(ROW_H * 5000.0, 260.0, 1000), 1000..1000);
        assert_eq!(window(0.0, 260.0, 3), 0..3);
        let idx = index("name-lookup");
        let l = layout(&idx, &idx.touched, NoiseSet::default());
        assert_eq!(cursor(&l.arrows, 0), None);
        let first = l.arrows[0].event;
        assert_eq!(cursor(&l.arrows, first + 1), Some(0));
        assert_eq!(cursor(&l.arrows, usize::MAX), Some(l.arrows.len() - 1));
        assert_eq!(scroll_to(2, 0.0, 260.0), None);
        assert_eq!(scroll_to(100, 0.0, 260.0), Some(100.0 * ROW_H - 260.0 / 3.0));
        let (base, head) = arrow_head(&Arrow { event: 0, row: 0, x1: 0.0, x2: 100.0, y: 13.0, proto: Proto::Arp, t_ns: 0, nat: None, forwarded: false });
        assert_eq!((base, head[0]), (90.0, (98.0, 13.0)));
    }
}
