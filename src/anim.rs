//! Where things are drawn during playback: a frame on its link at a given progress, the ring
//! a switch's flood sends out, and the marks left by drops.
//!
//! Pure geometry on [`Point`]s, tested natively; the packets component only turns these
//! numbers into SVG attributes.

use crate::geometry::{trim_segment, Point};

/// How far a frame is drawn to the right of its direction of travel, in SVG units: a link is
/// full duplex, so the two directions get two lanes and never hide each other.
pub const LANE_OFFSET: f64 = 8.0;
/// How far a flood's ring grows from the switch's centre over its lifetime, SVG units.
pub const RING_MAX_RADIUS: f64 = 70.0;
/// Radius the ring starts at (just outside a switch icon).
pub const RING_MIN_RADIUS: f64 = 30.0;

/// Where a frame is on the link from `from` to `to` (device centres; the icons' radii are
/// `r_from` and `r_to`) when it has come `progress` (0 … 1) of the way, drawn on its lane.
///
/// With `reduced_motion` the frame does not move: it sits at the middle of its lane for its
/// whole flight (WCAG 2.3.3, `prefers-reduced-motion`). Devices on top of each other give
/// the sender's centre.
pub fn frame_point(from: Point, to: Point, r_from: f64, r_to: f64, progress: f64, reduced_motion: bool) -> Point {
    let Some((start, end)) = trim_segment(from, to, r_from, r_to) else {
        return from;
    };
    let t = if reduced_motion { 0.5 } else { progress.clamp(0.0, 1.0) };
    let on_line = start.lerp(end, t);
    let (nx, ny) = right_normal(from, to);
    Point::new(on_line.x + nx * LANE_OFFSET, on_line.y + ny * LANE_OFFSET)
}

/// The unit vector at a right angle to the direction `from → to`, pointing to the right of a
/// traveller in SVG's y-down coordinates; zero for coincident points.
pub fn right_normal(from: Point, to: Point) -> (f64, f64) {
    let (dx, dy) = (to.x - from.x, to.y - from.y);
    let len = dx.hypot(dy);
    if len == 0.0 {
        (0.0, 0.0)
    } else {
        (-dy / len, dx / len)
    }
}

/// The ring a flood sends out from a switch at `age` (0 just flooded … 1 gone): its radius and
/// opacity. With `reduced_motion` it does not grow; it fades in place.
pub fn flood_ring(age: f64, reduced_motion: bool) -> (f64, f64) {
    let age = age.clamp(0.0, 1.0);
    let radius = if reduced_motion {
        RING_MIN_RADIUS + 10.0
    } else {
        RING_MIN_RADIUS + (RING_MAX_RADIUS - RING_MIN_RADIUS) * age
    };
    (radius, 1.0 - age)
}

/// Opacity of a drop mark at `age`: fully visible for the first half, then fading.
pub fn mark_opacity(age: f64) -> f64 {
    let age = age.clamp(0.0, 1.0);
    if age < 0.5 {
        1.0
    } else {
        2.0 * (1.0 - age)
    }
}

/// Positions for `count` devices in a grid as square as possible, `spacing` apart: the
/// benchmark's 300-device topology (only built with the `bench` feature).
#[cfg(any(test, feature = "bench"))]
pub fn grid_layout(count: usize, spacing: f64) -> Vec<Point> {
    let columns = (count as f64).sqrt().ceil().max(1.0) as usize;
    (0..count)
        .map(|i| Point::new((i % columns) as f64 * spacing, (i / columns) as f64 * spacing))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: Point, b: Point) -> bool {
        a.distance(b) < 1e-9
    }

    #[test]
    fn a_frame_moves_from_icon_edge_to_icon_edge_on_its_lane() {
        let (a, b) = (Point::new(0.0, 0.0), Point::new(200.0, 0.0));
        // Travelling right (+x), "right of travel" in y-down SVG is +y.
        assert!(close(frame_point(a, b, 20.0, 30.0, 0.0, false), Point::new(20.0, LANE_OFFSET)));
        assert!(close(frame_point(a, b, 20.0, 30.0, 1.0, false), Point::new(170.0, LANE_OFFSET)));
        assert!(close(frame_point(a, b, 20.0, 30.0, 0.5, false), Point::new(95.0, LANE_OFFSET)));
        // The reply travels on the other lane.
        assert!(close(frame_point(b, a, 30.0, 20.0, 0.0, false), Point::new(170.0, -LANE_OFFSET)));
        // Progress outside 0..1 is clamped to the link.
        assert!(close(frame_point(a, b, 20.0, 30.0, 7.0, false), Point::new(170.0, LANE_OFFSET)));
    }

    #[test]
    fn reduced_motion_keeps_a_frame_still_in_the_middle() {
        let (a, b) = (Point::new(0.0, 0.0), Point::new(0.0, 100.0));
        let p0 = frame_point(a, b, 10.0, 10.0, 0.1, true);
        let p1 = frame_point(a, b, 10.0, 10.0, 0.9, true);
        assert!(close(p0, p1));
        // Travelling down (+y), right of travel is -x.
        assert!(close(p0, Point::new(-LANE_OFFSET, 50.0)));
    }

    #[test]
    fn coincident_devices_do_not_produce_nan() {
        let a = Point::new(5.0, 5.0);
        let p = frame_point(a, a, 10.0, 10.0, 0.5, false);
        assert!(p.x.is_finite() && p.y.is_finite());
        assert_eq!(right_normal(a, a), (0.0, 0.0));
    }

    #[test]
    fn flood_ring_grows_and_fades() {
        assert_eq!(flood_ring(0.0, false), (RING_MIN_RADIUS, 1.0));
        assert_eq!(flood_ring(1.0, false), (RING_MAX_RADIUS, 0.0));
        let (r_still, _) = flood_ring(0.2, true);
        assert_eq!(r_still, flood_ring(0.9, true).0);
        assert_eq!(mark_opacity(0.2), 1.0);
        assert!((mark_opacity(0.75) - 0.5).abs() < 1e-12);
    }

    #[test]
    fn grid_layout_is_square_and_distinct() {
        let g = grid_layout(300, 50.0);
        assert_eq!(g.len(), 300);
        assert_eq!(g[18], Point::new(0.0, 50.0)); // 18 columns for 300
        for w in g.windows(2) {
            assert!(w[0] != w[1]);
        }
    }
}
