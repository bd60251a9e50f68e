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

/// How far under (or over) a device's centre its labels start: just outside the icon.
pub const LABEL_TOP: f64 = 30.0;

/// The box of a device's labels of `size` (width, height at 1×) drawn `factor` times their
/// size, centred under the device at `centre` (or over it, when `above`).
pub fn label_box(centre: Point, size: (f64, f64), factor: f64, above: bool) -> ViewBox {
    let (w, h) = (size.0 * factor, size.1 * factor);
    let y = if above { centre.y - LABEL_TOP - h } else { centre.y + LABEL_TOP };
    ViewBox { x: centre.x - w / 2.0, y, width: w, height: h }
}

fn overlaps(a: &ViewBox, b: &ViewBox) -> bool {
    a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
}

/// Which devices draw their labels over the icon instead of under it, so that labels (grown
/// by the presenter scale) do not run into each other or into another device's icon: devices
/// are taken from left to right, and one whose labels below would touch labels already placed
/// (or an icon) puts them above when that side is free. Deterministic; `true` = above.
pub fn label_sides(centres: &[Point], sizes: &[(f64, f64)], factor: f64) -> Vec<bool> {
    let icon = |c: &Point| ViewBox { x: c.x - LABEL_TOP, y: c.y - LABEL_TOP, width: 2.0 * LABEL_TOP, height: 2.0 * LABEL_TOP };
    let icons: Vec<ViewBox> = centres.iter().map(icon).collect();
    let mut order: Vec<usize> = (0..centres.len()).collect();
    // No ties (the index breaks them), so the unstable sort gives the same order.
    order.sort_unstable_by(|&a, &b| centres[a].x.total_cmp(&centres[b].x).then(centres[a].y.total_cmp(&centres[b].y)).then(a.cmp(&b)));
    let mut placed: Vec<ViewBox> = Vec::new();
    let mut above = vec![false; centres.len()];
    for i in order {
        let free = |b: &ViewBox| {
            !placed.iter().any(|p| overlaps(p, b))
                && !icons.iter().enumerate().any(|(j, ic)| j != i && overlaps(ic, b))
        };
        let below = label_box(centres[i], sizes[i], factor, false);
        let over = label_box(centres[i], sizes[i], factor, true);
        let up = !free(&below) && free(&over);
        above[i] = up;
        placed.push(if up { over } else { below });
    }
    above
}

/// The label size and sides to draw with: the presenter's `requested` factor when the labels
/// then fit (each under or over its icon, none touching another label or icon), else the
/// largest smaller factor (in steps of 0.05, never below 1) that fits. On a crowded lab at 200 %
/// the labels grow as far as they can without running into each other.
pub fn label_layout(centres: &[Point], sizes: &[(f64, f64)], requested: f64) -> (f64, Vec<bool>) {
    let mut factor = requested.max(1.0);
    loop {
        let sides = label_sides(centres, sizes, factor);
        let boxes: Vec<ViewBox> =
            centres.iter().zip(sizes).zip(&sides).map(|((c, s), &up)| label_box(*c, *s, factor, up)).collect();
        let clash = (0..boxes.len()).any(|i| (i + 1..boxes.len()).any(|j| overlaps(&boxes[i], &boxes[j])));
        if !clash || factor <= 1.0 {
            return (factor, sides);
        }
        factor = (factor - 0.05).max(1.0);
    }
}

/// Gap between two cables joining the same two devices, SVG units.
pub const PARALLEL_GAP: f64 = 22.0;

/// How far each link is drawn from the straight line between its devices, along the normal
/// of the line from the lower-indexed device to the higher (so both directions agree): 0 for
/// a lone cable, ±gap/2 for two, −gap, 0, +gap for three… A hand-built loop of two cables
/// between the same switches is then two visible lines, not one.
pub fn parallel_offsets(ends: &[(usize, usize)]) -> Vec<f64> {
    let key = |&(a, b): &(usize, usize)| (a.min(b), a.max(b));
    let mut count: packet_engine::VecMap<(usize, usize), usize> = packet_engine::VecMap::new();
    for e in ends {
        *count.entry(key(e)).or_default() += 1;
    }
    let mut seen: packet_engine::VecMap<(usize, usize), usize> = packet_engine::VecMap::new();
    ends.iter()
        .map(|e| {
            let n = count[&key(e)];
            let i = seen.entry(key(e)).or_default();
            let offset = (*i as f64 - (n as f64 - 1.0) / 2.0) * PARALLEL_GAP;
            *i += 1;
            offset
        })
        .collect()
}

/// `p` moved `offset` along the unit normal of `a → b` (see [`parallel_offsets`]).
pub fn shift_normal(p: Point, a: Point, b: Point, offset: f64) -> Point {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let len = dx.hypot(dy);
    if len == 0.0 || offset == 0.0 {
        return p;
    }
    Point::new(p.x - dy / len * offset, p.y + dx / len * offset)
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

/// A rectangle in CSS pixels of the page (what `getBoundingClientRect` returns).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width.
    pub width: f64,
    /// Height.
    pub height: f64,
}

/// How many CSS pixels one SVG unit takes when `view` is shown in `rect` with
/// `preserveAspectRatio="xMidYMid meet"`: the smaller of the two axis scales, so all of the
/// view box fits. Degenerate sizes count as scale 1 rather than dividing by zero.
pub fn meet_scale(rect: Rect, view: ViewBox) -> f64 {
    let scale = (rect.width / view.width).min(rect.height / view.height);
    if scale.is_finite() && scale > 0.0 {
        scale
    } else {
        1.0
    }
}

/// The SVG user-unit point under the page point `client`, for an `<svg>` laid out at `rect`
/// showing `view` with `xMidYMid meet` (the view box is scaled uniformly and centred, leaving
/// bands on the longer axis).
pub fn client_to_svg(client: Point, rect: Rect, view: ViewBox) -> Point {
    let scale = meet_scale(rect, view);
    let left = rect.x + (rect.width - view.width * scale) / 2.0;
    let top = rect.y + (rect.height - view.height * scale) / 2.0;
    Point::new(view.x + (client.x - left) / scale, view.y + (client.y - top) / scale)
}

/// The narrowest and widest view the user can zoom to, in SVG units: beyond these a device is
/// either bigger than the screen or a speck.
pub const MIN_VIEW_WIDTH: f64 = 240.0;
/// See [`MIN_VIEW_WIDTH`].
pub const MAX_VIEW_WIDTH: f64 = 12_000.0;

/// `view` zoomed by `factor` (> 1 zooms in) keeping the point `at` where it is on screen, as
/// map apps do with the mouse wheel. The width is clamped to
/// [`MIN_VIEW_WIDTH`]..=[`MAX_VIEW_WIDTH`]; the aspect ratio is kept.
pub fn zoom_about(view: ViewBox, at: Point, factor: f64) -> ViewBox {
    if !(factor.is_finite() && factor > 0.0) {
        return view;
    }
    let width = (view.width / factor).clamp(MIN_VIEW_WIDTH, MAX_VIEW_WIDTH);
    let k = width / view.width;
    ViewBox {
        x: at.x - (at.x - view.x) * k,
        y: at.y - (at.y - view.y) * k,
        width,
        height: view.height * k,
    }
}

/// How much bigger than their nominal size labels are drawn in `view`, so that text stays
/// legible when zoomed out: 1 up to a view `reference_width` wide (about the canvas's width in
/// pixels), then growing with the width so labels keep their size on screen.
pub fn label_scale(view: ViewBox, reference_width: f64) -> f64 {
    (view.width / reference_width).max(1.0)
}

/// The first point near `near` that is at least `spacing` from every point of `occupied`:
/// where a device placed from the palette goes. Candidates are tried on square rings of a grid
/// `spacing` apart around `near`, in a fixed order, so the answer is deterministic.
pub fn free_spot(occupied: &[Point], near: Point, spacing: f64) -> Point {
    let free = |p: Point| occupied.iter().all(|o| o.distance(p) >= spacing * 0.999);
    for ring in 0i32..64 {
        for j in -ring..=ring {
            for i in -ring..=ring {
                if i.abs().max(j.abs()) != ring {
                    continue;
                }
                let p = Point::new(near.x + f64::from(i) * spacing, near.y + f64::from(j) * spacing);
                if free(p) {
                    return p;
                }
            }
        }
    }
    near
}

/// Index of the point of `points` nearest to `at` within `radius`, if any: which device a
/// pointer is over.
pub fn nearest_within(points: &[Point], at: Point, radius: f64) -> Option<usize> {
    points
        .iter()
        .enumerate()
        .map(|(i, p)| (i, p.distance(at)))
        .filter(|&(_, d)| d <= radius)
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(i, _)| i)
}

/// Whether `p` lies in the box spanned by the corners `a` and `b` (in any order): the rubber
/// band of a multi-selection.
pub fn in_band(p: Point, a: Point, b: Point) -> bool {
    (a.x.min(b.x)..=a.x.max(b.x)).contains(&p.x) && (a.y.min(b.y)..=a.y.max(b.y)).contains(&p.y)
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

    const RECT: Rect = Rect { x: 100.0, y: 50.0, width: 800.0, height: 400.0 };

    #[test]
    fn client_maps_through_a_view_box_of_the_same_aspect() {
        let view = ViewBox { x: 0.0, y: 0.0, width: 400.0, height: 200.0 };
        assert!(close(client_to_svg(Point::new(100.0, 50.0), RECT, view), Point::new(0.0, 0.0)));
        assert!(close(client_to_svg(Point::new(900.0, 450.0), RECT, view), Point::new(400.0, 200.0)));
        assert!(close(client_to_svg(Point::new(500.0, 250.0), RECT, view), Point::new(200.0, 100.0)));
    }

    #[test]
    fn client_maps_through_letterbox_bands() {
        // A square view in a 2:1 box: scale 2, 200 px bands left and right.
        let view = ViewBox { x: -100.0, y: -100.0, width: 200.0, height: 200.0 };
        assert_eq!(meet_scale(RECT, view), 2.0);
        assert!(close(client_to_svg(Point::new(300.0, 50.0), RECT, view), Point::new(-100.0, -100.0)));
        assert!(close(client_to_svg(Point::new(500.0, 250.0), RECT, view), Point::new(0.0, 0.0)));
        // In the band: left of the view box.
        assert!(close(client_to_svg(Point::new(100.0, 250.0), RECT, view), Point::new(-200.0, 0.0)));
    }

    #[test]
    fn degenerate_rect_does_not_divide_by_zero() {
        let view = ViewBox { x: 0.0, y: 0.0, width: 10.0, height: 10.0 };
        let r = Rect { x: 0.0, y: 0.0, width: 0.0, height: 0.0 };
        assert_eq!(meet_scale(r, view), 1.0);
        assert!(client_to_svg(Point::new(3.0, 4.0), r, view).x.is_finite());
    }

    #[test]
    fn zoom_keeps_the_point_under_the_cursor() {
        let view = ViewBox { x: 0.0, y: 0.0, width: 1000.0, height: 500.0 };
        let at = Point::new(250.0, 100.0);
        let z = zoom_about(view, at, 2.0);
        assert_eq!((z.width, z.height), (500.0, 250.0));
        // `at` keeps its fraction of the box: 1/4 across, 1/5 down.
        assert!(((at.x - z.x) / z.width - 0.25).abs() < 1e-12);
        assert!(((at.y - z.y) / z.height - 0.2).abs() < 1e-12);
        let back = zoom_about(z, at, 0.5);
        assert!((back.x - view.x).abs() < 1e-9 && (back.width - 1000.0).abs() < 1e-9);
    }

    #[test]
    fn zoom_is_clamped_and_ignores_nonsense() {
        let view = ViewBox { x: 0.0, y: 0.0, width: 1000.0, height: 500.0 };
        assert_eq!(zoom_about(view, Point::new(0.0, 0.0), 100.0).width, MIN_VIEW_WIDTH);
        assert_eq!(zoom_about(view, Point::new(0.0, 0.0), 0.0001).width, MAX_VIEW_WIDTH);
        assert_eq!(zoom_about(view, Point::new(0.0, 0.0), f64::NAN), view);
        assert_eq!(zoom_about(view, Point::new(0.0, 0.0), -2.0), view);
    }

    #[test]
    fn labels_grow_only_when_zoomed_out() {
        let view = |w| ViewBox { x: 0.0, y: 0.0, width: w, height: w / 2.0 };
        assert_eq!(label_scale(view(500.0), 1000.0), 1.0);
        assert_eq!(label_scale(view(1000.0), 1000.0), 1.0);
        assert_eq!(label_scale(view(3000.0), 1000.0), 3.0);
    }

    #[test]
    fn free_spot_is_near_and_clear() {
        let near = Point::new(100.0, 100.0);
        assert_eq!(free_spot(&[], near, 50.0), near);
        // The centre is taken: the first ring's first slot (up-left) is free.
        assert_eq!(free_spot(&[near], near, 50.0), Point::new(50.0, 50.0));
        // Everything within the first ring taken: the spot is on the second ring.
        let taken: Vec<Point> = (-1..=1)
            .flat_map(|j| (-1..=1).map(move |i| Point::new(100.0 + 50.0 * f64::from(i), 100.0 + 50.0 * f64::from(j))))
            .collect();
        let p = free_spot(&taken, near, 50.0);
        assert!(taken.iter().all(|t| t.distance(p) >= 50.0));
        assert!((p.x - 100.0).abs().max((p.y - 100.0).abs()) == 100.0);
    }

    #[test]
    fn nearest_point_within_a_radius() {
        let pts = [Point::new(0.0, 0.0), Point::new(100.0, 0.0), Point::new(110.0, 0.0)];
        assert_eq!(nearest_within(&pts, Point::new(104.0, 0.0), 30.0), Some(1));
        assert_eq!(nearest_within(&pts, Point::new(107.0, 0.0), 30.0), Some(2));
        assert_eq!(nearest_within(&pts, Point::new(50.0, 0.0), 30.0), None);
        assert_eq!(nearest_within(&[], Point::new(0.0, 0.0), 30.0), None);
    }

    #[test]
    fn band_contains_points_between_its_corners_in_any_order() {
        let (a, b) = (Point::new(10.0, 50.0), Point::new(-10.0, 0.0));
        assert!(in_band(Point::new(0.0, 25.0), a, b));
        assert!(in_band(Point::new(10.0, 0.0), a, b));
        assert!(!in_band(Point::new(11.0, 25.0), a, b));
    }

    #[test]
    fn parallel_cables_are_drawn_apart_and_lone_ones_straight() {
        let offsets = parallel_offsets(&[(0, 1), (1, 0), (1, 2), (0, 1)]);
        assert_eq!(offsets, vec![-PARALLEL_GAP, 0.0, 0.0, PARALLEL_GAP]);
        let (a, b) = (Point::new(0.0, 0.0), Point::new(10.0, 0.0));
        assert_eq!(shift_normal(Point::new(5.0, 0.0), a, b, 3.0), Point::new(5.0, 3.0));
        assert_eq!(shift_normal(Point::new(5.0, 0.0), a, a, 3.0), Point::new(5.0, 0.0));
    }

    #[test]
    fn crowded_labels_go_above_and_lone_ones_stay_below() {
        let centres = [Point::new(0.0, 0.0), Point::new(110.0, 0.0), Point::new(220.0, 0.0), Point::new(600.0, 0.0)];
        let sizes = [(120.0, 40.0); 4];
        assert_eq!(label_sides(&centres, &sizes, 1.0), vec![false, true, false, false]);
        assert_eq!(label_sides(&centres, &[(60.0, 40.0); 4], 1.0), vec![false; 4]);
        // Above is still the side that is free; never two overlapping boxes on the same side.
        let sides = label_sides(&centres, &sizes, 1.0);
        let boxes: Vec<ViewBox> = (0..4).map(|i| label_box(centres[i], sizes[i], 1.0, sides[i])).collect();
        for i in 0..4 {
            for j in i + 1..4 {
                assert!(!overlaps(&boxes[i], &boxes[j]), "{i} {j}");
            }
        }
    }

    #[test]
    fn labels_grow_only_as_far_as_they_fit() {
        let centres = [Point::new(0.0, 0.0), Point::new(110.0, 0.0), Point::new(220.0, 0.0)];
        let sizes = [(130.0, 40.0); 3];
        let (f, sides) = label_layout(&centres, &sizes, 2.0);
        assert!((1.0..2.0).contains(&f), "{f}");
        let boxes: Vec<ViewBox> = (0..3).map(|i| label_box(centres[i], sizes[i], f, sides[i])).collect();
        assert!(!overlaps(&boxes[0], &boxes[1]) && !overlaps(&boxes[1], &boxes[2]) && !overlaps(&boxes[0], &boxes[2]));
        // Far apart, the full factor.
        let apart = [Point::new(0.0, 0.0), Point::new(900.0, 0.0)];
        assert_eq!(label_layout(&apart, &sizes[..2], 2.0).0, 2.0);
    }
}
