//! The lab editor's model: the scenario being edited, the selection, the view (zoom and pan),
//! the pointer gesture in progress and the undo/redo history, with every edit an
//! [`EditAction`].
//!
//! Pure: nothing here touches the DOM or Yew, so every edit is tested natively. The scenario
//! kept here is always one the engine accepts (`Scenario::validate`): an edit that would make
//! it invalid is refused, and the refusal is remembered at its field ([`FieldError`]) so the
//! panel shows the engine's reason next to the field while the lab keeps its last valid state.

use std::collections::BTreeMap;
use std::rc::Rc;

use packet_engine::scenario::{
    device_port_names, parse_interface_address, CommandSpec, DeviceKind, DeviceSpec, Endpoint,
    InterfaceSpec, LinkSpec, RouteSpec,
};
use packet_engine::{Scenario, ScenarioError};

use crate::geometry::{
    client_to_svg, fit_view_box, free_spot, in_band, meet_scale, nearest_within, zoom_about, Point,
    Rect, ViewBox,
};

/// Space kept around the outermost devices when fitting the view, in SVG units.
pub const FIT_MARGIN: f64 = 90.0;
/// The smallest area a fitted view shows, so two devices are not blown up to fill the screen.
pub const FIT_MIN_WIDTH: f64 = 720.0;
/// See [`FIT_MIN_WIDTH`].
pub const FIT_MIN_HEIGHT: f64 = 420.0;
/// How far apart devices placed from the palette are kept, in SVG units.
pub const PLACE_SPACING: f64 = 120.0;
/// How close (SVG units) to a device's centre a link drag must end to reach it.
pub const HIT_RADIUS: f64 = 40.0;
/// A press that moves less than this (CSS px) is a click, not a drag.
pub const CLICK_SLOP_PX: f64 = 4.0;
/// How many edits can be undone; older ones are forgotten.
pub const HISTORY_LIMIT: usize = 200;
/// Ports a new switch or hub starts with; more are added when a link needs one.
pub const NEW_SWITCH_PORTS: u32 = 4;
/// The engine's limit on switch and hub ports.
pub const MAX_PORTS: u32 = 1024;

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

/// A lab as the undo history keeps it.
#[derive(Clone, Debug)]
struct Snapshot {
    scenario: Rc<Scenario>,
    origin: Option<usize>,
}

/// The undo and redo stacks. Compared by identity of the snapshots (cheap): two histories
/// are equal when they hold the same snapshots.
#[derive(Clone, Debug, Default)]
pub struct History {
    past: Vec<Snapshot>,
    future: Vec<Snapshot>,
}

impl PartialEq for History {
    fn eq(&self, other: &Self) -> bool {
        let same = |a: &[Snapshot], b: &[Snapshot]| {
            a.len() == b.len()
                && a.iter().zip(b).all(|(x, y)| Rc::ptr_eq(&x.scenario, &y.scenario) && x.origin == y.origin)
        };
        same(&self.past, &other.past) && same(&self.future, &other.future)
    }
}

impl History {
    /// Whether there is an edit to undo.
    pub fn can_undo(&self) -> bool {
        !self.past.is_empty()
    }
    /// Whether there is an undone edit to redo.
    pub fn can_redo(&self) -> bool {
        !self.future.is_empty()
    }
}

/// The edited lab and everything about editing it.
#[derive(Clone, Debug, PartialEq)]
pub struct Editor {
    /// The scenario on the canvas: always valid for the engine.
    pub scenario: Rc<Scenario>,
    /// Index in the built-in examples of the one this lab started from, if any.
    pub origin: Option<usize>,
    /// Indices of the selected devices in `scenario.devices`, ascending.
    pub selected: Vec<usize>,
    /// Indices of the selected links in `scenario.links`, ascending.
    pub selected_links: Vec<usize>,
    /// The part of the plane the canvas shows.
    pub view: ViewBox,
    /// What a press on the canvas does.
    pub mode: Mode,
    /// In link mode, the device clicked first, waiting for the second click.
    pub link_from: Option<usize>,
    /// The drag in progress.
    pub gesture: Option<Gesture>,
    /// Entries the engine refused, by field.
    pub errors: BTreeMap<Field, FieldError>,
    /// A message about the last whole-lab operation that failed (a bad import file), shown
    /// until dismissed.
    pub notice: Option<String>,
    /// Undo and redo.
    pub history: History,
}

/// What an edit did, so the top-level reducer knows whether a run of the old scenario is stale.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Only the selection, view, gesture or messages changed.
    ViewOnly,
    /// Only device positions changed: the engine ignores them, so a run stays valid.
    LayoutOnly,
    /// The scenario changed.
    ScenarioChanged,
}

/// Every way the editor can change.
#[derive(Clone, Debug, PartialEq)]
pub enum EditAction {
    /// Select just this device (keyboard: Enter on a focused device).
    Select(usize),
    /// Select nothing.
    ClearSelection,
    /// Select every device.
    SelectAll,
    /// A press on the canvas.
    PointerDown(Target, Pointer),
    /// The pointer moved (during a press or not).
    PointerMove(Pointer),
    /// The press ended.
    PointerUp(Pointer),
    /// The browser took the pointer away (e.g. a touch turned into a scroll): end the gesture.
    PointerCancel,
    /// Mouse wheel over the canvas: zoom about the pointer; `delta_y` > 0 zooms out.
    Wheel(Pointer, f64),
    /// Zoom about the centre of the view by this factor (> 1 zooms in).
    Zoom(f64),
    /// Fit the view to the devices.
    FitView,
    /// Switch between selecting/moving and drawing links.
    SetMode(Mode),
    /// Put a new device of this kind on the canvas: at a free spot near the centre of the
    /// view (`None`) or where it was dropped (a pointer over the canvas).
    Place(DeviceKind, Option<Pointer>),
    /// Cable two devices, each on its first free port.
    Connect(usize, usize),
    /// Delete the selected devices (with their links and commands) and links.
    DeleteSelection,
    /// Set a field from the panel's text.
    SetField(Field, String),
    /// Give a host, server or router one more interface.
    AddInterface(usize),
    /// Remove a device's interface (and the link on it).
    RemoveInterface(usize, usize),
    /// Add a static route `prefix via via` to a device.
    AddRoute {
        /// The device.
        device: usize,
        /// Destination network, e.g. "8.8.8.0/24".
        prefix: String,
        /// Next hop.
        via: String,
    },
    /// Remove a device's static route.
    RemoveRoute(usize, usize),
    /// Schedule a command (ping, traceroute) on the lab.
    AddCommand(CommandSpec),
    /// Remove a scheduled command.
    RemoveCommand(usize),
    /// Undo the last edit.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// Replace the whole lab (an example, "New"): undoable like any edit.
    Replace {
        /// The new lab; it must be valid, else nothing happens and a notice says why.
        scenario: Scenario,
        /// The example it is, if it is one.
        origin: Option<usize>,
    },
    /// Start an empty lab.
    New,
    /// Replace the lab with the contents of a scenario file; a bad file leaves the lab as it
    /// is and says what is wrong, with the path of the field.
    Import {
        /// The file's name, for the message.
        file: String,
        /// The file's text.
        text: String,
    },
    /// Hide the notice.
    DismissNotice,
}

/// The scenario of an empty lab.
pub fn empty_lab() -> Scenario {
    Scenario::from_json(r#"{ "version": 1, "name": "Untitled lab" }"#).expect("the empty lab is valid")
}

/// The view box that shows every device of `scenario`.
pub fn fit_view(scenario: &Scenario) -> ViewBox {
    fit_view_box(&positions(scenario), FIT_MARGIN, FIT_MIN_WIDTH, FIT_MIN_HEIGHT)
}

/// Each device's position (the origin when the scenario gives none; `Diagram` places those on
/// a grid, and the first move stores a position).
pub fn positions(scenario: &Scenario) -> Vec<Point> {
    scenario.devices.iter().map(|d| position_of(d).unwrap_or(Point::new(0.0, 0.0))).collect()
}

fn position_of(device: &DeviceSpec) -> Option<Point> {
    device.position.map(|[x, y]| Point::new(x, y))
}

/// A coordinate as stored: whole SVG units (tidy files), and never -0, which would print as
/// "-0" in the file and the drawing.
fn snap(v: f64) -> f64 {
    v.round() + 0.0
}

/// The id prefix of new devices of each kind ("pc1", "sw2", "r1").
fn id_prefix(kind: DeviceKind) -> &'static str {
    match kind {
        DeviceKind::Host => "pc",
        DeviceKind::Server => "server",
        DeviceKind::Router => "r",
        DeviceKind::Switch => "sw",
        DeviceKind::Hub => "hub",
    }
}

/// The first of `prefix1`, `prefix2`, … that `taken` does not hold.
fn first_free_name(prefix: &str, taken: impl Fn(&str) -> bool) -> String {
    (1..).map(|n| format!("{prefix}{n}")).find(|name| !taken(name)).expect("the naturals are infinite")
}

/// The first port of `device` no link of `scenario` uses.
pub fn first_free_port(scenario: &Scenario, device: usize) -> Option<String> {
    let dev = scenario.devices.get(device)?;
    let used = |port: &str| {
        scenario.links.iter().any(|l| {
            (l.a.device == dev.id && l.a.port == port) || (l.b.device == dev.id && l.b.port == port)
        })
    };
    device_port_names(dev).into_iter().find(|p| !used(p))
}

/// The ports of `device` no link uses, plus `keep` (the port a link already has, so a link's
/// port menu lists it).
pub fn free_ports(scenario: &Scenario, device: &str, keep: &str) -> Vec<String> {
    let Some(dev) = scenario.devices.iter().find(|d| d.id == device) else { return Vec::new() };
    device_port_names(dev)
        .into_iter()
        .filter(|p| {
            p == keep
                || !scenario.links.iter().any(|l| {
                    (l.a.device == device && &l.a.port == p) || (l.b.device == device && &l.b.port == p)
                })
        })
        .collect()
}

/// Gives `device` a free port for a new cable, adding one when all are used: an interface
/// `ethN` on a host, server or router, a port on a switch or hub (up to the engine's 1024).
fn ensure_free_port(scenario: &mut Scenario, device: usize) -> Result<String, String> {
    if let Some(port) = first_free_port(scenario, device) {
        return Ok(port);
    }
    let dev = &mut scenario.devices[device];
    if dev.kind.has_ip() {
        let name = first_free_name("eth", |n| dev.interfaces.iter().any(|i| i.name == n));
        let name = if dev.interfaces.is_empty() { "eth0".to_owned() } else { name };
        dev.interfaces.push(InterfaceSpec { name: name.clone(), address: None, mac: None });
        Ok(name)
    } else {
        let ports = dev.ports.unwrap_or(0);
        if ports >= MAX_PORTS {
            return Err(format!("{} has all {MAX_PORTS} ports in use", dev.id));
        }
        dev.ports = Some(ports + 1);
        Ok(format!("p{}", ports + 1))
    }
}

/// The interface names a new IP device starts with.
fn new_interfaces(kind: DeviceKind) -> Vec<InterfaceSpec> {
    let names: &[&str] = match kind {
        DeviceKind::Router => &["eth0", "eth1"],
        DeviceKind::Host | DeviceKind::Server => &["eth0"],
        DeviceKind::Switch | DeviceKind::Hub => &[],
    };
    names.iter().map(|n| InterfaceSpec { name: (*n).into(), address: None, mac: None }).collect()
}

/// `text` with surrounding spaces removed, `None` when nothing is left: an empty field means
/// "not set" (no address, derived MAC, no gateway).
fn optional(text: &str) -> Option<String> {
    let t = text.trim();
    (!t.is_empty()).then(|| t.to_owned())
}

/// The message shown at a field for an engine error: its message alone when it is about that
/// field, else prefixed with the path of the field it is about (e.g. changing an address can
/// leave the gateway outside every subnet).
fn message_for(field: Field, error: &ScenarioError) -> String {
    if error.path == field.path() {
        error.message.clone()
    } else {
        format!("{} ({})", error.message, error.path)
    }
}

impl Editor {
    /// An editor on `scenario`, fitted to the canvas, nothing selected, no history.
    pub fn new(scenario: Scenario, origin: Option<usize>) -> Self {
        let view = fit_view(&scenario);
        Self {
            scenario: Rc::new(scenario),
            origin,
            selected: Vec::new(),
            selected_links: Vec::new(),
            view,
            mode: Mode::Select,
            link_from: None,
            gesture: None,
            errors: BTreeMap::new(),
            notice: None,
            history: History::default(),
        }
    }

    /// Makes `candidate` the lab if the engine accepts it, pushing the current one on the
    /// undo history. An unchanged candidate is no edit.
    fn commit(&mut self, candidate: Scenario) -> Result<Effect, ScenarioError> {
        candidate.validate()?;
        if candidate == *self.scenario {
            return Ok(Effect::ViewOnly);
        }
        self.push_history(self.scenario.clone());
        self.scenario = Rc::new(candidate);
        Ok(Effect::ScenarioChanged)
    }

    fn push_history(&mut self, before: Rc<Scenario>) {
        self.history.past.push(Snapshot { scenario: before, origin: self.origin });
        if self.history.past.len() > HISTORY_LIMIT {
            self.history.past.remove(0);
        }
        self.history.future.clear();
    }

    /// Commits a structural edit (one that changes indices): the selection and field errors
    /// of the old lab no longer apply. A refusal becomes the notice.
    fn commit_structural(&mut self, candidate: Scenario) -> Effect {
        match self.commit(candidate) {
            Ok(effect) => {
                if effect != Effect::ViewOnly {
                    self.errors.clear();
                }
                effect
            }
            Err(e) => {
                self.notice = Some(e.to_string());
                Effect::ViewOnly
            }
        }
    }

    /// Drops selected indices that no longer exist.
    fn prune_selection(&mut self) {
        let (devices, links) = (self.scenario.devices.len(), self.scenario.links.len());
        self.selected.retain(|&i| i < devices);
        self.selected_links.retain(|&l| l < links);
        if self.link_from.is_some_and(|d| d >= devices) {
            self.link_from = None;
        }
    }

    /// Applies `action`; says what changed.
    pub fn apply(&mut self, action: EditAction) -> Effect {
        match action {
            EditAction::Select(index) => {
                if index < self.scenario.devices.len() {
                    self.selected = vec![index];
                    self.selected_links.clear();
                }
                Effect::ViewOnly
            }
            EditAction::ClearSelection => {
                self.selected.clear();
                self.selected_links.clear();
                self.link_from = None;
                Effect::ViewOnly
            }
            EditAction::SelectAll => {
                self.selected = (0..self.scenario.devices.len()).collect();
                Effect::ViewOnly
            }
            EditAction::PointerDown(target, pointer) => self.pointer_down(target, pointer),
            EditAction::PointerMove(pointer) => self.pointer_move(pointer),
            EditAction::PointerUp(pointer) => self.pointer_up(pointer),
            EditAction::PointerCancel => self.pointer_cancel(),
            EditAction::Wheel(pointer, delta_y) => {
                let at = client_to_svg(pointer.client, pointer.rect, self.view);
                // One wheel notch (100 px) zooms by 1.2; trackpads send small deltas.
                let factor = 1.2f64.powf(-delta_y.clamp(-500.0, 500.0) / 100.0);
                self.view = zoom_about(self.view, at, factor);
                Effect::ViewOnly
            }
            EditAction::Zoom(factor) => {
                self.view = zoom_about(self.view, self.view.center(), factor);
                Effect::ViewOnly
            }
            EditAction::FitView => {
                self.view = fit_view(&self.scenario);
                Effect::ViewOnly
            }
            EditAction::SetMode(mode) => {
                self.mode = mode;
                self.link_from = None;
                self.gesture = None;
                Effect::ViewOnly
            }
            EditAction::Place(kind, pointer) => self.place(kind, pointer),
            EditAction::Connect(a, b) => self.connect(a, b),
            EditAction::DeleteSelection => self.delete_selection(),
            EditAction::SetField(field, text) => self.set_field(field, text),
            EditAction::AddInterface(d) => {
                let mut s = (*self.scenario).clone();
                let Some(dev) = s.devices.get_mut(d).filter(|dev| dev.kind.has_ip()) else {
                    return Effect::ViewOnly;
                };
                let name = first_free_name("eth", |n| dev.interfaces.iter().any(|i| i.name == n));
                let name = if dev.interfaces.iter().any(|i| i.name == "eth0") { name } else { "eth0".into() };
                dev.interfaces.push(InterfaceSpec { name, address: None, mac: None });
                self.commit_structural(s)
            }
            EditAction::RemoveInterface(d, i) => {
                let mut s = (*self.scenario).clone();
                let Some(dev) = s.devices.get_mut(d) else { return Effect::ViewOnly };
                if i >= dev.interfaces.len() {
                    return Effect::ViewOnly;
                }
                let removed = dev.interfaces.remove(i);
                let id = dev.id.clone();
                s.links.retain(|l| {
                    !((l.a.device == id && l.a.port == removed.name) || (l.b.device == id && l.b.port == removed.name))
                });
                let effect = self.commit_structural(s);
                self.prune_selection();
                effect
            }
            EditAction::AddRoute { device, prefix, via } => {
                let mut s = (*self.scenario).clone();
                let Some(dev) = s.devices.get_mut(device) else { return Effect::ViewOnly };
                dev.routes.push(RouteSpec { prefix: prefix.trim().into(), via: via.trim().into(), metric: None });
                let field = Field::NewRoute(device);
                match self.commit(s) {
                    Ok(effect) => {
                        self.errors.remove(&field);
                        effect
                    }
                    Err(e) => {
                        let draft = format!("{prefix} via {via}");
                        let message = if e.path.starts_with(&format!("devices[{device}].routes[")) {
                            e.message
                        } else {
                            e.to_string()
                        };
                        self.errors.insert(field, FieldError { draft, message });
                        Effect::ViewOnly
                    }
                }
            }
            EditAction::RemoveRoute(d, r) => {
                let mut s = (*self.scenario).clone();
                match s.devices.get_mut(d) {
                    Some(dev) if r < dev.routes.len() => {
                        dev.routes.remove(r);
                        self.commit_structural(s)
                    }
                    _ => Effect::ViewOnly,
                }
            }
            EditAction::AddCommand(command) => {
                let mut s = (*self.scenario).clone();
                s.commands.push(command);
                self.commit_structural(s)
            }
            EditAction::RemoveCommand(c) => {
                let mut s = (*self.scenario).clone();
                if c >= s.commands.len() {
                    return Effect::ViewOnly;
                }
                s.commands.remove(c);
                self.commit_structural(s)
            }
            EditAction::Undo => self.step_history(true),
            EditAction::Redo => self.step_history(false),
            EditAction::Replace { scenario, origin } => self.replace(scenario, origin),
            EditAction::New => self.replace(empty_lab(), None),
            EditAction::Import { file, text } => match Scenario::from_json(&text) {
                Ok(scenario) => self.replace(scenario, None),
                Err(e) => {
                    self.notice = Some(format!("{file} was not loaded, the lab is unchanged. {e}"));
                    Effect::ViewOnly
                }
            },
            EditAction::DismissNotice => {
                self.notice = None;
                Effect::ViewOnly
            }
        }
    }

    fn replace(&mut self, scenario: Scenario, origin: Option<usize>) -> Effect {
        if let Err(e) = scenario.validate() {
            self.notice = Some(format!("This lab cannot be loaded: {e}"));
            return Effect::ViewOnly;
        }
        self.push_history(self.scenario.clone());
        self.view = fit_view(&scenario);
        self.scenario = Rc::new(scenario);
        self.origin = origin;
        self.selected.clear();
        self.selected_links.clear();
        self.link_from = None;
        self.gesture = None;
        self.errors.clear();
        self.notice = None;
        Effect::ScenarioChanged
    }

    fn step_history(&mut self, undo: bool) -> Effect {
        let (from, to) = if undo {
            (&mut self.history.past, &mut self.history.future)
        } else {
            (&mut self.history.future, &mut self.history.past)
        };
        let Some(snapshot) = from.pop() else { return Effect::ViewOnly };
        to.push(Snapshot { scenario: self.scenario.clone(), origin: self.origin });
        self.scenario = snapshot.scenario;
        self.origin = snapshot.origin;
        self.gesture = None;
        self.errors.clear();
        self.prune_selection();
        Effect::ScenarioChanged
    }

    fn place(&mut self, kind: DeviceKind, pointer: Option<Pointer>) -> Effect {
        let mut s = (*self.scenario).clone();
        let id = first_free_name(id_prefix(kind), |n| s.devices.iter().any(|d| d.id == n));
        let occupied = positions(&s);
        let at = match pointer {
            Some(p) => client_to_svg(p.client, p.rect, self.view),
            None => free_spot(&occupied, self.view.center(), PLACE_SPACING),
        };
        s.devices.push(DeviceSpec {
            id,
            kind,
            interfaces: new_interfaces(kind),
            gateway: None,
            routes: Vec::new(),
            ports: (!kind.has_ip()).then_some(NEW_SWITCH_PORTS),
            position: Some([snap(at.x), snap(at.y)]),
            dns: Vec::new(),
            services: None,
        });
        let index = s.devices.len() - 1;
        let effect = self.commit_structural(s);
        if effect == Effect::ScenarioChanged {
            self.selected = vec![index];
            self.selected_links.clear();
        }
        effect
    }

    fn connect(&mut self, a: usize, b: usize) -> Effect {
        let n = self.scenario.devices.len();
        if a == b || a >= n || b >= n {
            return Effect::ViewOnly;
        }
        let mut s = (*self.scenario).clone();
        let ports = ensure_free_port(&mut s, a).and_then(|pa| Ok((pa, ensure_free_port(&mut s, b)?)));
        let (port_a, port_b) = match ports {
            Ok(p) => p,
            Err(message) => {
                self.notice = Some(message);
                return Effect::ViewOnly;
            }
        };
        let (id_a, id_b) = (s.devices[a].id.clone(), s.devices[b].id.clone());
        let base = format!("{id_a}-{id_b}");
        let id = if s.links.iter().any(|l| l.id == base) {
            (2..).map(|k| format!("{base}-{k}")).find(|c| !s.links.iter().any(|l| &l.id == c)).expect("infinite")
        } else {
            base
        };
        s.links.push(LinkSpec {
            id,
            a: Endpoint { device: id_a, port: port_a },
            b: Endpoint { device: id_b, port: port_b },
            delay_us: None,
            bandwidth_mbps: None,
        });
        let link = s.links.len() - 1;
        let effect = self.commit_structural(s);
        if effect == Effect::ScenarioChanged {
            self.selected.clear();
            self.selected_links = vec![link];
        }
        effect
    }

    fn delete_selection(&mut self) -> Effect {
        if self.selected.is_empty() && self.selected_links.is_empty() {
            return Effect::ViewOnly;
        }
        let mut s = (*self.scenario).clone();
        let gone: Vec<String> = self.selected.iter().filter_map(|&d| s.devices.get(d)).map(|d| d.id.clone()).collect();
        let is_gone = |id: &String| gone.contains(id);
        let mut index = 0;
        let links = &self.selected_links;
        s.links.retain(|l| {
            let keep = !links.contains(&index) && !is_gone(&l.a.device) && !is_gone(&l.b.device);
            index += 1;
            keep
        });
        s.commands.retain(|c| !is_gone(&c.device));
        s.devices.retain(|d| !is_gone(&d.id));
        let effect = self.commit_structural(s);
        if effect == Effect::ScenarioChanged {
            self.selected.clear();
            self.selected_links.clear();
            self.link_from = None;
        }
        effect
    }

    fn set_field(&mut self, field: Field, text: String) -> Effect {
        let mut s = (*self.scenario).clone();
        let applied: Result<(), String> = (|| {
            match field {
                Field::LabName => s.name = text.trim().to_owned(),
                Field::Name(d) => {
                    let dev = s.devices.get_mut(d).ok_or("no such device")?;
                    let old = std::mem::replace(&mut dev.id, text.clone());
                    // Links and commands name devices by id: follow the rename.
                    for l in &mut s.links {
                        for end in [&mut l.a, &mut l.b] {
                            if end.device == old {
                                end.device = text.clone();
                            }
                        }
                    }
                    for c in &mut s.commands {
                        if c.device == old {
                            c.device = text.clone();
                        }
                    }
                }
                Field::Address(d, i) => {
                    let iface = s.devices.get_mut(d).and_then(|dev| dev.interfaces.get_mut(i)).ok_or("no such interface")?;
                    iface.address = optional(&text);
                }
                Field::Mac(d, i) => {
                    let iface = s.devices.get_mut(d).and_then(|dev| dev.interfaces.get_mut(i)).ok_or("no such interface")?;
                    iface.mac = optional(&text);
                }
                Field::Gateway(d) => s.devices.get_mut(d).ok_or("no such device")?.gateway = optional(&text),
                Field::Ports(d) => {
                    let n: u32 = text.trim().parse().map_err(|_| format!("{} is not a whole number of ports", text.trim()))?;
                    s.devices.get_mut(d).ok_or("no such device")?.ports = Some(n);
                }
                Field::RoutePrefix(d, r) => {
                    let route = s.devices.get_mut(d).and_then(|dev| dev.routes.get_mut(r)).ok_or("no such route")?;
                    route.prefix = text.trim().to_owned();
                }
                Field::RouteVia(d, r) => {
                    let route = s.devices.get_mut(d).and_then(|dev| dev.routes.get_mut(r)).ok_or("no such route")?;
                    route.via = text.trim().to_owned();
                }
                Field::NewRoute(_) => return Err("use AddRoute".into()),
                Field::LinkPort(l, end) => {
                    let link = s.links.get_mut(l).ok_or("no such link")?;
                    let end = if end == End::A { &mut link.a } else { &mut link.b };
                    end.port = text.trim().to_owned();
                }
            }
            Ok(())
        })();
        let result = match applied {
            Ok(()) => self.commit(s).map_err(|e| message_for(field, &e)),
            Err(message) => Err(message),
        };
        match result {
            Ok(effect) => {
                self.errors.remove(&field);
                effect
            }
            Err(message) => {
                self.errors.insert(field, FieldError { draft: text, message });
                Effect::ViewOnly
            }
        }
    }

    fn pointer_down(&mut self, target: Target, pointer: Pointer) -> Effect {
        let at = client_to_svg(pointer.client, pointer.rect, self.view);
        self.gesture = None;
        match (self.mode, target) {
            (Mode::Link, Target::Device(d)) if d < self.scenario.devices.len() => {
                if let Some(from) = self.link_from.take() {
                    if from != d {
                        return self.connect(from, d);
                    }
                }
                self.gesture = Some(Gesture::Link { from: d, to: at });
            }
            (Mode::Select, Target::Device(d)) if d < self.scenario.devices.len() => {
                self.selected_links.clear();
                if pointer.shift {
                    match self.selected.binary_search(&d) {
                        Ok(k) => {
                            self.selected.remove(k);
                            return Effect::ViewOnly;
                        }
                        Err(k) => self.selected.insert(k, d),
                    }
                } else if !self.selected.contains(&d) {
                    self.selected = vec![d];
                }
                let all = positions(&self.scenario);
                let origins = self.selected.iter().map(|&i| (i, all[i])).collect();
                self.gesture = Some(Gesture::Move {
                    device: d,
                    start: pointer.client,
                    origins,
                    before: self.scenario.clone(),
                    moved: false,
                });
            }
            (_, Target::Link(l)) if l < self.scenario.links.len() => {
                self.link_from = None;
                if pointer.shift {
                    match self.selected_links.binary_search(&l) {
                        Ok(k) => {
                            self.selected_links.remove(k);
                        }
                        Err(k) => self.selected_links.insert(k, l),
                    }
                } else {
                    self.selected = Vec::new();
                    self.selected_links = vec![l];
                }
            }
            (_, Target::Background) if pointer.shift => {
                self.gesture = Some(Gesture::Band { from: at, to: at });
            }
            (_, Target::Background) => {
                self.gesture = Some(Gesture::Pan { start: pointer.client, view: self.view, rect: pointer.rect, moved: false });
            }
            _ => {}
        }
        Effect::ViewOnly
    }

    fn pointer_move(&mut self, pointer: Pointer) -> Effect {
        let at = client_to_svg(pointer.client, pointer.rect, self.view);
        let view = self.view;
        match &mut self.gesture {
            Some(Gesture::Move { start, origins, moved, .. }) => {
                if !*moved && start.distance(pointer.client) < CLICK_SLOP_PX {
                    return Effect::ViewOnly;
                }
                *moved = true;
                let scale = meet_scale(pointer.rect, view);
                let (dx, dy) = ((pointer.client.x - start.x) / scale, (pointer.client.y - start.y) / scale);
                let mut s = (*self.scenario).clone();
                for &(i, p) in origins.iter() {
                    if let Some(dev) = s.devices.get_mut(i) {
                        dev.position = Some([snap(p.x + dx), snap(p.y + dy)]);
                    }
                }
                if s == *self.scenario {
                    return Effect::ViewOnly;
                }
                // No history entry per step: the whole drag is one edit, pushed when it ends.
                self.scenario = Rc::new(s);
                Effect::LayoutOnly
            }
            Some(Gesture::Pan { start, view: start_view, rect, moved }) => {
                if !*moved && start.distance(pointer.client) < CLICK_SLOP_PX {
                    return Effect::ViewOnly;
                }
                *moved = true;
                let scale = meet_scale(*rect, *start_view);
                self.view = ViewBox {
                    x: start_view.x - (pointer.client.x - start.x) / scale,
                    y: start_view.y - (pointer.client.y - start.y) / scale,
                    ..*start_view
                };
                Effect::ViewOnly
            }
            Some(Gesture::Band { to, .. }) | Some(Gesture::Link { to, .. }) => {
                *to = at;
                Effect::ViewOnly
            }
            None => Effect::ViewOnly,
        }
    }

    fn pointer_up(&mut self, pointer: Pointer) -> Effect {
        let at = client_to_svg(pointer.client, pointer.rect, self.view);
        match self.gesture.take() {
            Some(Gesture::Move { device, before, moved, .. }) => {
                if moved {
                    if *before != *self.scenario {
                        // The drag is one undoable edit.
                        self.push_history(before);
                    }
                    Effect::ViewOnly
                } else {
                    if !pointer.shift {
                        self.selected = vec![device];
                    }
                    Effect::ViewOnly
                }
            }
            Some(Gesture::Pan { moved, .. }) => {
                if !moved {
                    self.selected.clear();
                    self.selected_links.clear();
                }
                Effect::ViewOnly
            }
            Some(Gesture::Band { from, .. }) => {
                let inside = positions(&self.scenario)
                    .into_iter()
                    .enumerate()
                    .filter(|(_, p)| in_band(*p, from, at))
                    .map(|(i, _)| i);
                let mut selected = self.selected.clone();
                selected.extend(inside);
                selected.sort_unstable();
                selected.dedup();
                self.selected = selected;
                Effect::ViewOnly
            }
            Some(Gesture::Link { from, .. }) => {
                match nearest_within(&positions(&self.scenario), at, HIT_RADIUS) {
                    Some(to) if to != from => self.connect(from, to),
                    // Released on the device it started from: a click; the next click on
                    // another device completes the link.
                    _ => {
                        self.link_from = Some(from);
                        Effect::ViewOnly
                    }
                }
            }
            None => Effect::ViewOnly,
        }
    }

    fn pointer_cancel(&mut self) -> Effect {
        match self.gesture.take() {
            Some(Gesture::Move { before, moved: true, .. }) => {
                // The drag was interrupted: put the devices back.
                self.scenario = before;
                Effect::LayoutOnly
            }
            Some(Gesture::Pan { view, .. }) => {
                self.view = view;
                Effect::ViewOnly
            }
            _ => Effect::ViewOnly,
        }
    }

    /// The error recorded for `field`, if its last entry was refused.
    pub fn error(&self, field: Field) -> Option<&FieldError> {
        self.errors.get(&field)
    }
}

/// The colour-blind-safe palette subnets are drawn in: Okabe and Ito's eight colours
/// ("Color Universal Design", 2008) without black, which would vanish on the dark theme;
/// yellow last as it is faint on white.
pub const SUBNET_PALETTE: [&str; 7] = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#F0E442"];

/// The network ("10.10.10.0/24") an interface address text lies in, if it parses.
pub fn subnet_of(address: &str) -> Option<String> {
    parse_interface_address(address).ok().map(|net| net.trunc().to_string())
}

/// A colour index in [`SUBNET_PALETTE`] for every subnet of `scenario`: the same network
/// always gets the same colour, and networks get distinct colours in the order they first
/// appear (devices in order, interfaces in order) until the palette runs out and wraps.
pub fn subnet_colours(scenario: &Scenario) -> BTreeMap<String, usize> {
    let mut colours = BTreeMap::new();
    for iface in scenario.devices.iter().flat_map(|d| &d.interfaces) {
        if let Some(net) = iface.address.as_deref().and_then(subnet_of) {
            let next = colours.len() % SUBNET_PALETTE.len();
            colours.entry(net).or_insert(next);
        }
    }
    colours
}

#[cfg(test)]
mod tests {
    use super::*;

    const RECT: Rect = Rect { x: 0.0, y: 0.0, width: 1000.0, height: 500.0 };

    /// An editor whose view maps page pixels 1:1 onto SVG units.
    fn editor(scenario: Scenario) -> Editor {
        let mut e = Editor::new(scenario, None);
        e.view = ViewBox { x: 0.0, y: 0.0, width: 1000.0, height: 500.0 };
        e
    }

    fn at(x: f64, y: f64) -> Pointer {
        Pointer { client: Point::new(x, y), rect: RECT, shift: false }
    }

    fn shift(x: f64, y: f64) -> Pointer {
        Pointer { shift: true, ..at(x, y) }
    }

    fn same_network() -> Scenario {
        packet_engine::examples::all().into_iter().find(|(s, _)| *s == "same-network").unwrap().1
    }

    /// Two hosts and a switch placed from the palette and cabled, as the browser test does.
    fn built() -> Editor {
        let mut e = editor(empty_lab());
        e.apply(EditAction::Place(DeviceKind::Host, Some(at(100.0, 200.0))));
        e.apply(EditAction::Place(DeviceKind::Switch, Some(at(300.0, 200.0))));
        e.apply(EditAction::Place(DeviceKind::Host, Some(at(500.0, 200.0))));
        e.apply(EditAction::SetMode(Mode::Link));
        e.apply(EditAction::PointerDown(Target::Device(0), at(100.0, 200.0)));
        e.apply(EditAction::PointerMove(at(200.0, 210.0)));
        e.apply(EditAction::PointerUp(at(305.0, 195.0)));
        e.apply(EditAction::PointerDown(Target::Device(2), at(500.0, 200.0)));
        e.apply(EditAction::PointerUp(at(300.0, 200.0)));
        e
    }

    #[test]
    fn palette_places_named_devices_where_dropped_and_selects_them() {
        let e = built();
        let s = &e.scenario;
        let ids: Vec<&str> = s.devices.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["pc1", "sw1", "pc2"]);
        assert_eq!(s.devices[1].position, Some([300.0, 200.0]));
        assert_eq!(s.devices[1].ports, Some(NEW_SWITCH_PORTS));
        assert_eq!(s.devices[0].interfaces[0].name, "eth0");
        assert!(s.devices[0].interfaces[0].address.is_none());
    }

    #[test]
    fn click_placement_finds_a_free_spot_near_the_centre() {
        let mut e = editor(empty_lab());
        e.apply(EditAction::Place(DeviceKind::Router, None));
        e.apply(EditAction::Place(DeviceKind::Router, None));
        let p = positions(&e.scenario);
        assert_eq!(p[0], Point::new(500.0, 250.0));
        assert!(p[0].distance(p[1]) >= PLACE_SPACING);
        assert_eq!(e.selected, vec![1], "the new device is selected");
        assert_eq!(e.scenario.devices[1].id, "r2");
        assert_eq!(e.scenario.devices[1].interfaces.len(), 2);
    }

    #[test]
    fn links_take_the_first_free_port_on_each_side() {
        let e = built();
        let l = &e.scenario.links;
        assert_eq!(l.len(), 2);
        assert_eq!((l[0].id.as_str(), l[0].a.port.as_str(), l[0].b.port.as_str()), ("pc1-sw1", "eth0", "p1"));
        assert_eq!((l[1].id.as_str(), l[1].a.port.as_str(), l[1].b.port.as_str()), ("pc2-sw1", "eth0", "p2"));
        assert_eq!(e.mode, Mode::Link);
    }

    #[test]
    fn a_full_host_gets_a_new_interface_and_a_full_switch_a_new_port() {
        let mut e = built();
        e.apply(EditAction::Connect(0, 2));
        let l = e.scenario.links.last().unwrap();
        assert_eq!((l.a.port.as_str(), l.b.port.as_str()), ("eth1", "eth1"));
        assert_eq!(e.scenario.devices[0].interfaces.len(), 2);
        let mut e = editor(empty_lab());
        e.apply(EditAction::Place(DeviceKind::Hub, None));
        for _ in 0..5 {
            e.apply(EditAction::Place(DeviceKind::Host, None));
        }
        for h in 1..=5 {
            e.apply(EditAction::Connect(h, 0));
        }
        assert_eq!(e.scenario.devices[0].ports, Some(5));
        assert_eq!(e.scenario.links[4].b.port, "p5");
        // Same pair again: a second, distinct link id.
        e.apply(EditAction::Connect(1, 0));
        assert_eq!(e.scenario.links[5].id, "pc1-hub1-2");
    }

    #[test]
    fn clicking_one_device_then_another_in_link_mode_links_them() {
        let mut e = editor(same_network());
        e.apply(EditAction::Place(DeviceKind::Host, Some(at(700.0, 400.0))));
        e.apply(EditAction::SetMode(Mode::Link));
        e.apply(EditAction::PointerDown(Target::Device(3), at(700.0, 400.0)));
        e.apply(EditAction::PointerUp(at(700.0, 400.0)));
        assert_eq!(e.link_from, Some(3));
        e.apply(EditAction::PointerDown(Target::Device(1), at(320.0, 200.0)));
        let l = e.scenario.links.last().unwrap();
        assert_eq!((l.a.device.as_str(), l.b.device.as_str(), l.b.port.as_str()), ("pc3", "sw1", "p3"));
        // A link dragged onto nothing or onto its own device makes nothing.
        let n = e.scenario.links.len();
        e.apply(EditAction::PointerDown(Target::Device(0), at(120.0, 200.0)));
        e.apply(EditAction::PointerUp(at(900.0, 20.0)));
        assert_eq!(e.scenario.links.len(), n);
    }

    #[test]
    fn dragging_moves_through_the_view_scale_and_is_one_undo_step() {
        let mut e = editor(same_network());
        // A view twice as wide as the canvas: one page pixel is two SVG units.
        e.view = ViewBox { x: 0.0, y: 0.0, width: 2000.0, height: 1000.0 };
        let history = e.history.past.len();
        e.apply(EditAction::PointerDown(Target::Device(0), at(60.0, 100.0)));
        for k in 1..=10 {
            e.apply(EditAction::PointerMove(at(60.0 + 3.0 * f64::from(k), 100.0 + f64::from(k))));
        }
        assert_eq!(e.apply(EditAction::PointerUp(at(90.0, 110.0))), Effect::ViewOnly);
        assert_eq!(e.scenario.devices[0].position, Some([180.0, 220.0]));
        assert_eq!(e.history.past.len(), history + 1);
        e.apply(EditAction::Undo);
        assert_eq!(e.scenario.devices[0].position, Some([120.0, 200.0]));
        e.apply(EditAction::Redo);
        assert_eq!(e.scenario.devices[0].position, Some([180.0, 220.0]));
    }

    #[test]
    fn a_press_without_movement_is_a_click_that_selects() {
        let mut e = editor(same_network());
        e.apply(EditAction::PointerDown(Target::Device(2), at(520.0, 200.0)));
        e.apply(EditAction::PointerMove(at(521.0, 201.0)));
        e.apply(EditAction::PointerUp(at(521.0, 201.0)));
        assert_eq!(e.selected, vec![2]);
        assert_eq!(e.scenario.devices[2].position, Some([520.0, 200.0]));
        assert!(!e.history.can_undo(), "a click is no edit");
        // Clicking the background deselects; dragging it pans.
        e.apply(EditAction::PointerDown(Target::Background, at(10.0, 10.0)));
        e.apply(EditAction::PointerUp(at(10.0, 10.0)));
        assert!(e.selected.is_empty());
        e.apply(EditAction::PointerDown(Target::Background, at(10.0, 10.0)));
        e.apply(EditAction::PointerMove(at(60.0, 30.0)));
        e.apply(EditAction::PointerUp(at(60.0, 30.0)));
        assert_eq!((e.view.x, e.view.y), (-50.0, -20.0));
    }

    #[test]
    fn shift_click_and_rubber_band_select_several_and_move_them_together() {
        let mut e = editor(same_network());
        e.apply(EditAction::PointerDown(Target::Device(0), at(120.0, 200.0)));
        e.apply(EditAction::PointerUp(at(120.0, 200.0)));
        e.apply(EditAction::PointerDown(Target::Device(2), shift(520.0, 200.0)));
        e.apply(EditAction::PointerUp(shift(520.0, 200.0)));
        assert_eq!(e.selected, vec![0, 2]);
        e.apply(EditAction::PointerDown(Target::Device(0), at(120.0, 200.0)));
        e.apply(EditAction::PointerMove(at(120.0, 250.0)));
        e.apply(EditAction::PointerUp(at(120.0, 250.0)));
        let ys: Vec<f64> = e.scenario.devices.iter().map(|d| d.position.unwrap()[1]).collect();
        assert_eq!(ys, [250.0, 200.0, 250.0]);
        // Shift-click toggles one off.
        e.apply(EditAction::PointerDown(Target::Device(0), shift(120.0, 250.0)));
        assert_eq!(e.selected, vec![2]);
        // A band from (0,0) to (400,300) covers pc1 and sw1.
        e.apply(EditAction::ClearSelection);
        e.apply(EditAction::PointerDown(Target::Background, shift(0.0, 0.0)));
        e.apply(EditAction::PointerMove(shift(200.0, 100.0)));
        e.apply(EditAction::PointerUp(shift(400.0, 300.0)));
        assert_eq!(e.selected, vec![0, 1]);
    }

    #[test]
    fn delete_removes_devices_with_their_links_and_commands() {
        let mut e = editor(same_network());
        e.apply(EditAction::Select(0));
        assert_eq!(e.apply(EditAction::DeleteSelection), Effect::ScenarioChanged);
        let s = &e.scenario;
        assert_eq!(s.devices.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(), ["sw1", "pc2"]);
        assert_eq!(s.links.len(), 1);
        assert!(s.commands.is_empty(), "pc1's ping went with it");
        assert!(e.selected.is_empty());
        // A selected link alone.
        e.apply(EditAction::PointerDown(Target::Link(0), at(0.0, 0.0)));
        e.apply(EditAction::DeleteSelection);
        assert!(e.scenario.links.is_empty());
        e.apply(EditAction::Undo);
        e.apply(EditAction::Undo);
        assert_eq!(*e.scenario, same_network());
    }

    #[test]
    fn addresses_in_cidr_or_dotted_mask_are_accepted() {
        let mut e = built();
        let eff = e.apply(EditAction::SetField(Field::Address(0, 0), "10.0.0.1/24".into()));
        assert_eq!(eff, Effect::ScenarioChanged);
        e.apply(EditAction::SetField(Field::Address(2, 0), " 10.0.0.2 255.255.255.0 ".into()));
        assert_eq!(e.scenario.devices[2].interfaces[0].address.as_deref(), Some("10.0.0.2 255.255.255.0"));
        assert!(e.errors.is_empty());
        // Emptying the field removes the address.
        e.apply(EditAction::SetField(Field::Address(2, 0), "".into()));
        assert_eq!(e.scenario.devices[2].interfaces[0].address, None);
    }

    #[test]
    fn an_invalid_address_is_kept_at_the_field_and_the_lab_keeps_its_last_valid_state() {
        let mut e = built();
        e.apply(EditAction::SetField(Field::Address(0, 0), "10.0.0.1/24".into()));
        let before = e.scenario.clone();
        let eff = e.apply(EditAction::SetField(Field::Address(0, 0), "10.0.0.300/33".into()));
        assert_eq!(eff, Effect::ViewOnly);
        assert_eq!(e.scenario, before);
        let err = e.error(Field::Address(0, 0)).expect("error at the field");
        assert_eq!(err.draft, "10.0.0.300/33");
        assert_eq!(err.message, "prefix /33 is out of range (0–32)");
        let eff = e.apply(EditAction::SetField(Field::Address(0, 0), "10.0.0.300/24".into()));
        assert_eq!(eff, Effect::ViewOnly);
        assert_eq!(e.error(Field::Address(0, 0)).unwrap().message, "10.0.0.300/24 is not an IPv4 address");
        // Fixing it clears the error.
        e.apply(EditAction::SetField(Field::Address(0, 0), "10.0.0.3/24".into()));
        assert!(e.error(Field::Address(0, 0)).is_none());
    }

    #[test]
    fn errors_about_another_field_name_it() {
        let mut e = editor(packet_engine::examples::all().into_iter().find(|(s, _)| *s == "to-the-internet").unwrap().1);
        // The laptop's gateway 192.168.1.1 leaves its subnet if its address moves.
        e.apply(EditAction::SetField(Field::Address(0, 0), "10.9.9.9/24".into()));
        let err = e.error(Field::Address(0, 0)).unwrap();
        assert!(err.message.contains("devices[0].gateway"), "{}", err.message);
        // The gateway is checked first: the laptop's gateway cannot be its own address.
        e.apply(EditAction::SetField(Field::Address(0, 0), "192.168.1.1/24".into()));
        assert!(e.error(Field::Address(0, 0)).unwrap().message.contains("own address (devices[0].gateway)"));
        let mut same = editor(same_network());
        same.apply(EditAction::SetField(Field::Address(2, 0), "10.10.10.1/24".into()));
        assert_eq!(same.error(Field::Address(2, 0)).unwrap().message, "duplicate IP address 10.10.10.1 (also on pc1/eth0)");
        assert!(e.apply(EditAction::SetField(Field::Gateway(0), "192.168.2.1".into())) == Effect::ViewOnly);
        assert!(e.error(Field::Gateway(0)).unwrap().message.contains("not in any of laptop's subnets"));
    }

    #[test]
    fn renaming_a_device_follows_into_links_and_commands() {
        let mut e = editor(same_network());
        e.apply(EditAction::SetField(Field::Name(0), "alice".into()));
        assert_eq!(e.scenario.links[0].a.device, "alice");
        assert_eq!(e.scenario.commands[0].device, "alice");
        e.apply(EditAction::SetField(Field::Name(2), "alice".into()));
        assert!(e.error(Field::Name(2)).unwrap().message.starts_with("duplicate device id"));
        assert_eq!(e.scenario.devices[2].id, "pc2");
    }

    #[test]
    fn mac_gateway_routes_and_ports_are_editable() {
        let mut e = editor(same_network());
        e.apply(EditAction::SetField(Field::Mac(0, 0), "02:aa:bb:cc:dd:ee".into()));
        assert_eq!(e.scenario.devices[0].interfaces[0].mac.as_deref(), Some("02:aa:bb:cc:dd:ee"));
        e.apply(EditAction::SetField(Field::Mac(2, 0), "01:00:5e:00:00:01".into()));
        assert!(e.error(Field::Mac(2, 0)).unwrap().message.contains("not a unicast MAC"));
        e.apply(EditAction::SetField(Field::Gateway(0), "10.10.10.254".into()));
        assert_eq!(e.scenario.devices[0].gateway.as_deref(), Some("10.10.10.254"));
        e.apply(EditAction::AddRoute { device: 0, prefix: "8.8.8.0/24".into(), via: "10.10.10.200".into() });
        assert_eq!(e.scenario.devices[0].routes.len(), 1);
        e.apply(EditAction::AddRoute { device: 0, prefix: "8.8.8.1/24".into(), via: "10.10.10.200".into() });
        assert!(e.error(Field::NewRoute(0)).unwrap().message.contains("host bits set"));
        assert_eq!(e.scenario.devices[0].routes.len(), 1);
        e.apply(EditAction::SetField(Field::RouteVia(0, 0), "10.10.10.201".into()));
        assert_eq!(e.scenario.devices[0].routes[0].via, "10.10.10.201");
        e.apply(EditAction::RemoveRoute(0, 0));
        assert!(e.scenario.devices[0].routes.is_empty());
        e.apply(EditAction::SetField(Field::Ports(1), "1".into()));
        assert!(e.error(Field::Ports(1)).unwrap().message.contains("no port \"p2\""));
        e.apply(EditAction::SetField(Field::Ports(1), "many".into()));
        assert_eq!(e.error(Field::Ports(1)).unwrap().message, "many is not a whole number of ports");
        e.apply(EditAction::SetField(Field::LinkPort(1, End::B), "p4".into()));
        assert_eq!(e.scenario.links[1].b.port, "p4");
        e.apply(EditAction::SetField(Field::LinkPort(1, End::B), "p1".into()));
        assert!(e.error(Field::LinkPort(1, End::B)).unwrap().message.contains("already used"));
    }

    #[test]
    fn interfaces_can_be_added_and_removed_with_their_link() {
        let mut e = editor(same_network());
        e.apply(EditAction::AddInterface(0));
        assert_eq!(e.scenario.devices[0].interfaces[1].name, "eth1");
        e.apply(EditAction::RemoveInterface(0, 0));
        assert_eq!(e.scenario.devices[0].interfaces.len(), 1);
        assert_eq!(e.scenario.links.len(), 1, "the cable on eth0 went with it");
        assert_eq!(e.apply(EditAction::AddInterface(1)), Effect::ViewOnly, "a switch has ports");
    }

    #[test]
    fn every_edit_undoes_and_redoes_and_a_new_edit_drops_the_redo() {
        let mut e = built();
        let steps = e.history.past.len();
        assert_eq!(steps, 5, "three placements and two links");
        for _ in 0..steps {
            assert_eq!(e.apply(EditAction::Undo), Effect::ScenarioChanged);
        }
        assert_eq!(*e.scenario, empty_lab());
        assert_eq!(e.apply(EditAction::Undo), Effect::ViewOnly);
        e.apply(EditAction::Redo);
        e.apply(EditAction::Redo);
        assert_eq!(e.scenario.devices.len(), 2);
        e.apply(EditAction::Place(DeviceKind::Hub, None));
        assert!(!e.history.can_redo());
    }

    #[test]
    fn new_and_load_are_undoable() {
        let mut e = editor(same_network());
        e.origin = Some(0);
        e.apply(EditAction::New);
        assert!(e.scenario.devices.is_empty());
        assert_eq!(e.origin, None);
        e.apply(EditAction::Undo);
        assert_eq!(*e.scenario, same_network());
        assert_eq!(e.origin, Some(0));
    }

    #[test]
    fn a_bad_import_changes_nothing_and_names_the_field() {
        let mut e = editor(same_network());
        let before = e.clone();
        let text = same_network().to_json_pretty().replace("10.10.10.100/24", "10.10.10.100/33");
        assert_eq!(e.apply(EditAction::Import { file: "lab.json".into(), text }), Effect::ViewOnly);
        assert_eq!(e.scenario, before.scenario);
        let notice = e.notice.clone().unwrap();
        assert!(notice.contains("lab.json was not loaded"), "{notice}");
        assert!(notice.contains("devices[2].interfaces[0].address: prefix /33 is out of range"), "{notice}");
        e.apply(EditAction::Import { file: "x.json".into(), text: "{ not json".into() });
        assert_eq!(e.scenario, before.scenario);
        // A good file replaces the lab, exactly.
        let mut good = same_network();
        good.name = "Mine".into();
        e.apply(EditAction::Import { file: "good.json".into(), text: good.to_json_pretty() });
        assert_eq!(*e.scenario, good);
        assert_eq!(e.notice, None);
    }

    #[test]
    fn wheel_zooms_about_the_pointer_and_fit_restores() {
        let mut e = editor(same_network());
        e.apply(EditAction::Wheel(at(250.0, 125.0), -100.0));
        assert!((e.view.width - 1000.0 / 1.2).abs() < 1e-9);
        let under = client_to_svg(Point::new(250.0, 125.0), RECT, e.view);
        assert!(under.distance(Point::new(250.0, 125.0)) < 1e-9);
        e.apply(EditAction::FitView);
        assert_eq!(e.view, fit_view(&e.scenario));
    }

    #[test]
    fn same_subnet_same_colour_and_distinct_subnets_distinct_colours() {
        let s = packet_engine::examples::all().into_iter().find(|(s, _)| *s == "to-the-internet").unwrap().1;
        let colours = subnet_colours(&s);
        assert_eq!(subnet_of("192.168.1.10/24"), Some("192.168.1.0/24".into()));
        assert_eq!(subnet_of("192.168.1.1 255.255.255.0"), Some("192.168.1.0/24".into()));
        assert_eq!(subnet_of("nonsense"), None);
        // laptop and home-router eth0 share 192.168.1.0/24, the first subnet seen.
        assert_eq!(colours["192.168.1.0/24"], 0);
        assert_eq!(colours.len(), 5);
        let mut used: Vec<usize> = colours.values().copied().collect();
        used.sort_unstable();
        used.dedup();
        assert_eq!(used.len(), 5, "five subnets, five colours");
        assert_eq!(subnet_colours(&same_network()).len(), 1);
    }

    #[test]
    fn positions_are_whole_units_and_never_negative_zero() {
        assert_eq!(snap(-0.4).to_string(), "0");
        assert_eq!(snap(12.6), 13.0);
        let mut e = editor(empty_lab());
        e.apply(EditAction::Place(DeviceKind::Host, Some(at(10.0, -0.3))));
        assert_eq!(e.scenario.to_json_pretty().contains("-0"), false);
    }

    #[test]
    fn cancelled_drag_puts_devices_back() {
        let mut e = editor(same_network());
        e.apply(EditAction::PointerDown(Target::Device(0), at(120.0, 200.0)));
        e.apply(EditAction::PointerMove(at(200.0, 200.0)));
        e.apply(EditAction::PointerCancel);
        assert_eq!(*e.scenario, same_network());
        assert!(!e.history.can_undo());
    }
}
