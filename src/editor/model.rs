//! The words the editor's actions are made of: the pointer mode, a pointer event, what a
//! press landed on, a field of the scenario and its refusal, and the gesture in progress.

use super::*;

/// What a pointer press or drag on the canvas does.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    /// Press a device to select it, drag it to move it, drag the background to pan,
    /// shift-drag the background to select with a rubber band.
    #[default]
    Select,
    /// Drag from one device to another (or click one, then the other) to cable them.
    Link,
}

/// A pointer event on the canvas, as plain numbers: where (page pixels), the canvas's box and
/// whether Shift was held.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pointer {
    /// Pointer position in CSS pixels of the page.
    pub client: Point,
    /// The `<svg>` element's bounding box in CSS pixels of the page.
    pub rect: Rect,
    /// Shift held: adds to the selection.
    pub shift: bool,
}

/// What a press landed on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// The device at this index.
    Device(usize),
    /// The link at this index.
    Link(usize),
    /// The empty canvas.
    Background,
}

/// One end of a link.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum End {
    /// The `a` end.
    A,
    /// The `b` end.
    B,
}

/// A field of the scenario the panel edits. Its [`Field::path`] is the engine's path for it,
/// so a validation error can be matched to the field it is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    /// The lab's title.
    LabName,
    /// A device's id.
    Name(usize),
    /// The address of a device's interface ("10.0.0.1/24", "10.0.0.1 255.255.255.0" or empty).
    Address(usize, usize),
    /// The MAC of a device's interface (empty: derived from the names).
    Mac(usize, usize),
    /// NAT on a router's interface ("masquerade", or empty: none); a checkbox.
    Nat(usize, usize),
    /// A device's default gateway (empty: none).
    Gateway(usize),
    /// The number of ports of a switch or hub.
    Ports(usize),
    /// The destination of a device's static route.
    RoutePrefix(usize, usize),
    /// The next hop of a device's static route.
    RouteVia(usize, usize),
    /// The form adding a static route to a device.
    NewRoute(usize),
    /// The port at one end of a link.
    LinkPort(usize, End),
}

impl Field {
    /// The engine's path of this field, as in its validation messages.
    pub fn path(self) -> String {
        match self {
            Field::LabName => "name".into(),
            Field::Name(d) => format!("devices[{d}].id"),
            Field::Address(d, i) => format!("devices[{d}].interfaces[{i}].address"),
            Field::Mac(d, i) => format!("devices[{d}].interfaces[{i}].mac"),
            Field::Nat(d, i) => format!("devices[{d}].interfaces[{i}].nat"),
            Field::Gateway(d) => format!("devices[{d}].gateway"),
            Field::Ports(d) => format!("devices[{d}].ports"),
            Field::RoutePrefix(d, r) => format!("devices[{d}].routes[{r}].prefix"),
            Field::RouteVia(d, r) => format!("devices[{d}].routes[{r}].via"),
            Field::NewRoute(d) => format!("devices[{d}].routes"),
            Field::LinkPort(l, End::A) => format!("links[{l}].a.port"),
            Field::LinkPort(l, End::B) => format!("links[{l}].b.port"),
        }
    }
}

/// An entry the engine refused: what the user typed and why it was refused.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldError {
    /// The text as typed, shown in the field so nothing typed is lost.
    pub draft: String,
    /// The engine's reason.
    pub message: String,
}

/// The pointer gesture in progress.
#[derive(Clone, Debug, PartialEq)]
pub enum Gesture {
    /// Dragging devices: each selected device's index and where it was when the drag began.
    Move {
        /// The device pressed.
        device: usize,
        /// Where the press was, in page pixels.
        start: Point,
        /// The devices being moved and their positions at the start.
        origins: Vec<(usize, Point)>,
        /// The lab before the drag, pushed on the undo history once when the drag ends.
        before: Rc<Scenario>,
        /// Whether the pointer has left the click slop: a drag, not a click.
        moved: bool,
    },
    /// Dragging the empty canvas: the view follows the pointer.
    Pan {
        /// Where the press was, in page pixels.
        start: Point,
        /// The view when the press began.
        view: ViewBox,
        /// The canvas box then.
        rect: Rect,
        /// Whether the pointer has left the click slop.
        moved: bool,
    },
    /// Shift-dragging the empty canvas: a rubber band selecting what it covers.
    Band {
        /// The corner where the press was, in SVG units.
        from: Point,
        /// The other corner, under the pointer.
        to: Point,
    },
    /// Dragging a cable from a device.
    Link {
        /// The device the cable starts at.
        from: usize,
        /// The loose end, under the pointer, in SVG units.
        to: Point,
    },
}

