//! Pure geometry for the SVG canvas: where the view box goes and where links start and end.
//!
//! Nothing here touches the DOM or Yew, so every function is tested natively
//! (`cargo test -p packet-lab`). Coordinates are SVG user units; y grows downwards.

/// A point in SVG user units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    /// Horizontal position, growing to the right.
    pub x: f64,
    /// Vertical position, growing downwards (SVG convention).
    pub y: f64,
}

impl Point {
    /// A point at (`x`, `y`).
    pub const fn new(x: f64, y: f64) -> Self {
        Self { x, y }
    }

    /// Straight-line distance to `other`.
    pub fn distance(self, other: Point) -> f64 {
        (other.x - self.x).hypot(other.y - self.y)
    }

    /// The point a fraction `t` of the way from `self` to `to` (0 = self, 1 = to).
    pub fn lerp(self, to: Point, t: f64) -> Point {
        Point::new(self.x + (to.x - self.x) * t, self.y + (to.y - self.y) * t)
    }
}

/// The part of the user-unit plane an `<svg viewBox>` shows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ViewBox {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width, always > 0.
    pub width: f64,
    /// Height, always > 0.
    pub height: f64,
}

impl ViewBox {
    /// The value of the SVG `viewBox` attribute ("x y width height").
    pub fn to_attr(self) -> String {
        format!("{} {} {} {}", self.x, self.y, self.width, self.height)
    }

    /// The centre of the box.
    pub fn center(self) -> Point {
        Point::new(self.x + self.width / 2.0, self.y + self.height / 2.0)
    }
}

/// The smallest box showing every point with `margin` around it, grown (about its centre) to
/// at least `min_width` × `min_height` so that one or two devices are not zoomed up to fill
/// the screen. With no points it is the minimum box centred on the origin.
pub fn fit_view_box(points: &[Point], margin: f64, min_width: f64, min_height: f64) -> ViewBox {
    let Some(first) = points.first() else {
        return ViewBox {
            x: -min_width / 2.0,
            y: -min_height / 2.0,
            width: min_width,
            height: min_height,
        };
    };
    let (mut left, mut top, mut right, mut bottom) = (first.x, first.y, first.x, first.y);
    for p in &points[1..] {
        left = left.min(p.x);
        top = top.min(p.y);
        right = right.max(p.x);
        bottom = bottom.max(p.y);
    }
    let width = (right - left + 2.0 * margin).max(min_width);
    let height = (bottom - top + 2.0 * margin).max(min_height);
    let (cx, cy) = ((left + right) / 2.0, (top + bottom) / 2.0);
    ViewBox {
        x: cx - width / 2.0,
        y: cy - height / 2.0,
        width,
        height,
    }
}

/// The visible part of a link from `a` to `b` whose ends sit under device icons of radius
/// `radius_a` and `radius_b`: the line stops at each icon's edge instead of crossing it.
/// `None` when the icons touch or overlap, so there is no visible line to draw.
pub fn trim_segment(a: Point, b: Point, radius_a: f64, radius_b: f64) -> Option<(Point, Point)> {
    let length = a.distance(b);
    if length <= radius_a + radius_b {
        return None;
    }
    Some((a.lerp(b, radius_a / length), b.lerp(a, radius_b / length)))
}

/// Slot `index` of a grid `columns` wide with cells `spacing` apart, the first at `origin`,
/// filled row by row: where a device goes when its scenario gives no position.
pub fn grid_slot(index: usize, columns: usize, spacing: f64, origin: Point) -> Point {
    let columns = columns.max(1);
    Point::new(
        origin.x + (index % columns) as f64 * spacing,
        origin.y + (index / columns) as f64 * spacing,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: Point, b: Point) -> bool {
        a.distance(b) < 1e-9
    }

    #[test]
    fn empty_view_box_is_the_minimum_centred_on_origin() {
        let vb = fit_view_box(&[], 40.0, 800.0, 500.0);
        assert_eq!(
            vb,
            ViewBox { x: -400.0, y: -250.0, width: 800.0, height: 500.0 }
        );
        assert_eq!(vb.to_attr(), "-400 -250 800 500");
    }

    #[test]
    fn view_box_covers_points_with_margin() {
        let pts = [Point::new(100.0, 50.0), Point::new(1100.0, 650.0), Point::new(400.0, 300.0)];
        let vb = fit_view_box(&pts, 50.0, 200.0, 200.0);
        assert_eq!(vb, ViewBox { x: 50.0, y: 0.0, width: 1100.0, height: 700.0 });
    }

    #[test]
    fn view_box_grows_to_minimum_about_the_centre() {
        let vb = fit_view_box(&[Point::new(10.0, 20.0)], 5.0, 800.0, 500.0);
        assert_eq!(vb.width, 800.0);
        assert_eq!(vb.height, 500.0);
        assert!(close(vb.center(), Point::new(10.0, 20.0)));
    }

    #[test]
    fn trimmed_link_stops_at_icon_edges() {
        let (start, end) =
            trim_segment(Point::new(0.0, 0.0), Point::new(100.0, 0.0), 10.0, 30.0).unwrap();
        assert!(close(start, Point::new(10.0, 0.0)));
        assert!(close(end, Point::new(70.0, 0.0)));
    }

    #[test]
    fn trimmed_diagonal_link_keeps_its_direction() {
        // 3-4-5 triangle: a 50-unit link, 5 units trimmed at each end.
        let (start, end) =
            trim_segment(Point::new(0.0, 0.0), Point::new(30.0, 40.0), 5.0, 5.0).unwrap();
        assert!(close(start, Point::new(3.0, 4.0)));
        assert!(close(end, Point::new(27.0, 36.0)));
    }

    #[test]
    fn overlapping_icons_have_no_visible_link() {
        assert_eq!(trim_segment(Point::new(0.0, 0.0), Point::new(20.0, 0.0), 10.0, 10.0), None);
        assert_eq!(trim_segment(Point::new(5.0, 5.0), Point::new(5.0, 5.0), 1.0, 1.0), None);
    }

    #[test]
    fn grid_slots_fill_rows_first() {
        let o = Point::new(100.0, 50.0);
        assert_eq!(grid_slot(0, 3, 10.0, o), o);
        assert_eq!(grid_slot(2, 3, 10.0, o), Point::new(120.0, 50.0));
        assert_eq!(grid_slot(3, 3, 10.0, o), Point::new(100.0, 60.0));
        // Zero columns is treated as one rather than dividing by zero.
        assert_eq!(grid_slot(2, 0, 10.0, o), Point::new(100.0, 70.0));
    }

    #[test]
    fn lerp_walks_the_segment() {
        let (a, b) = (Point::new(0.0, 10.0), Point::new(10.0, 30.0));
        assert!(close(a.lerp(b, 0.0), a));
        assert!(close(a.lerp(b, 1.0), b));
        assert!(close(a.lerp(b, 0.25), Point::new(2.5, 15.0)));
    }
}
