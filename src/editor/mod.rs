//! The lab editor's model: the scenario being edited, the selection, the view (zoom and pan),
//! the pointer gesture in progress and the undo/redo history, with every edit an
//! [`EditAction`].
//!
//! Pure: nothing here touches the DOM or Yew, so every edit is tested natively. The scenario
//! kept here is always one the engine accepts (`Scenario::validate`): an edit that would make
//! it invalid is refused, and the refusal is remembered at its field ([`FieldError`]) so the
//! panel shows the engine's reason next to the field while the lab keeps its last valid state.

use packet_engine::VecMap;
use std::rc::Rc;

use packet_engine::scenario::{
    device_port_names, parse_interface_address, CommandSpec, DeviceKind, DeviceSpec, Endpoint,
    InterfaceSpec, LinkSpec, RouteSpec,
};
use packet_engine::msg::Msg;
use packet_engine::{msg, Scenario, ScenarioError};

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


mod edits;
mod gestures;
mod history;
mod lab;
mod model;
mod services;
mod subnets;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod services_tests;

pub use history::History;
pub(crate) use edits::routes6_text;
use history::Snapshot;
pub use lab::*;
pub use model::*;
pub use services::{join_list, NewRecord};
pub use subnets::*;

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
    pub errors: VecMap<Field, FieldError>,
    /// A message about the last whole-lab operation that failed (a bad import file), shown
    /// until dismissed.
    pub notice: Option<Msg>,
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
    /// Two fingers moved on the canvas: the point under their midpoint `from` follows it to
    /// `to`, and the view zooms about it by `factor` (> 1: the fingers moved apart).
    Pinch {
        /// The midpoint before the move.
        from: Pointer,
        /// The midpoint after it.
        to: Pointer,
        /// New distance between the fingers over the old.
        factor: f64,
    },
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
    /// Remove a device's interface (and the link on it, and its VLAN subinterfaces).
    RemoveInterface(usize, usize),
    /// Give a device's interface a VLAN subinterface (`eth0.10`: the next free VLAN id of 10, 20, …).
    AddSubinterface(usize, usize),
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
    /// Add a record to a device's DNS zone.
    AddRecord(usize, NewRecord),
    /// Remove record `r` of device `d`'s zone.
    RemoveRecord(usize, usize),
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

impl EditAction {
    /// True for what changes only the view of the lab (selection, zoom and pan, the mode, a
    /// notice dismissed); the app applies these at once, the others with the engine's module
    /// (the pointer's gestures among them: a drag may move a device or draw a cable).
    pub fn is_view(&self) -> bool {
        matches!(
            self,
            EditAction::Select(_)
                | EditAction::ClearSelection
                | EditAction::SelectAll
                | EditAction::Wheel(..)
                | EditAction::Zoom(_)
                | EditAction::Pinch { .. }
                | EditAction::FitView
                | EditAction::SetMode(_)
                | EditAction::DismissNotice
        )
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
            errors: VecMap::new(),
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
                self.notice = Some(e.with_path());
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

    /// Applies `action`; says what changed. The app applies a view action with
    /// [`Editor::apply_view`] and a lab edit through the engine's module (`playback::engine`,
    /// issue 15: the lab edits are code a first paint does not run).
    pub fn apply(&mut self, action: EditAction) -> Effect {
        if action.is_view() {
            self.apply_view(action)
        } else {
            self.apply_lab(action)
        }
    }

    /// A view action ([`EditAction::is_view`]): selection, zoom and pan, the mode, a notice
    /// dismissed. Another action changes nothing.
    pub fn apply_view(&mut self, action: EditAction) -> Effect {
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
            EditAction::Wheel(pointer, delta_y) => {
                let at = client_to_svg(pointer.client, pointer.rect, self.view);
                // One wheel notch (100 px) zooms by 1.2; trackpads send small deltas.
                let factor = 1.2f64.powf(-delta_y.clamp(-500.0, 500.0) / 100.0);
                self.view = zoom_about(self.view, at, factor);
                Effect::ViewOnly
            }
            EditAction::Pinch { from, to, factor } => {
                let a = client_to_svg(from.client, from.rect, self.view);
                let b = client_to_svg(to.client, to.rect, self.view);
                let moved = ViewBox { x: self.view.x + a.x - b.x, y: self.view.y + a.y - b.y, ..self.view };
                self.view = zoom_about(moved, a, factor.clamp(0.5, 2.0));
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
            EditAction::DismissNotice => {
                self.notice = None;
                Effect::ViewOnly
            }
            _ => Effect::ViewOnly,
        }
    }

    /// A lab edit (not [`EditAction::is_view`]).
    fn apply_lab(&mut self, action: EditAction) -> Effect {
        match action {
            EditAction::PointerDown(target, pointer) => self.pointer_down(target, pointer),
            EditAction::PointerMove(pointer) => self.pointer_move(pointer),
            EditAction::PointerUp(pointer) => self.pointer_up(pointer),
            EditAction::PointerCancel => self.pointer_cancel(),
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
                dev.interfaces.push(InterfaceSpec { name, address: None, mac: None, nat: None, ipv6: None, ra: None, parent: None, vlan: None, mtu: None });
                self.commit_structural(s)
            }
            EditAction::AddSubinterface(d, i) => {
                let mut s = (*self.scenario).clone();
                let Some(dev) = s.devices.get_mut(d).filter(|dev| dev.kind.has_ip()) else {
                    return Effect::ViewOnly;
                };
                let Some(parent) = dev.interfaces.get(i).filter(|x| x.parent.is_none()).map(|x| x.name.clone()) else {
                    return Effect::ViewOnly;
                };
                let taken = |vid: u16| {
                    dev.interfaces.iter().any(|x| {
                        (x.parent.as_deref() == Some(parent.as_str()) && x.vlan == Some(vid)) || x.name == format!("{parent}.{vid}")
                    })
                };
                let Some(vid) = (1..=409u16).map(|k| k * 10).find(|&v| !taken(v)) else { return Effect::ViewOnly };
                dev.interfaces.push(InterfaceSpec {
                    name: format!("{parent}.{vid}"),
                    parent: Some(parent),
                    vlan: Some(vid),
                    ..Default::default()
                });
                self.commit_structural(s)
            }
            EditAction::RemoveInterface(d, i) => {
                let mut s = (*self.scenario).clone();
                let Some(dev) = s.devices.get_mut(d) else { return Effect::ViewOnly };
                if i >= dev.interfaces.len() {
                    return Effect::ViewOnly;
                }
                let removed = dev.interfaces.remove(i);
                // Its VLAN subinterfaces have nothing left to carry them.
                dev.interfaces.retain(|x| x.parent.as_deref() != Some(removed.name.as_str()));
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
                            e.with_path()
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
            EditAction::AddRecord(d, record) => self.add_record(d, record),
            EditAction::RemoveRecord(d, r) => self.remove_record(d, r),
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
            EditAction::Replace { scenario, origin } => self.replace_checked(scenario, origin),
            EditAction::New => self.replace(empty_lab(), None),
            EditAction::Import { file, text } => match Scenario::from_json(&text) {
                Ok(scenario) => self.replace(scenario, None),
                Err(e) => {
                    self.notice = Some(msg!("invalid-import-failed", file = file, error = e.with_path()));
                    Effect::ViewOnly
                }
            },
            _ => self.apply_view(action),
        }
    }

    /// Replaces the lab undoably, if it validates; one that does not is refused with a notice.
    fn replace_checked(&mut self, scenario: Scenario, origin: Option<usize>) -> Effect {
        if let Err(e) = scenario.validate() {
            self.notice = Some(msg!("invalid-lab-cannot-load", error = e.with_path()));
            return Effect::ViewOnly;
        }
        self.replace(scenario, origin)
    }

    /// Replaces the lab (an example, a link, an exercise, an import), undoably. The lab is one
    /// the engine validated (an import, an exercise, a link opened once the engine is here),
    /// a built-in example, or one the page validates when the engine arrives (a link opened
    /// before, `crate::state`): validation is engine code, not the page's (issue 15).
    pub fn replace(&mut self, scenario: Scenario, origin: Option<usize>) -> Effect {
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

    /// The error recorded for `field`, if its last entry was refused.
    pub fn error(&self, field: Field) -> Option<&FieldError> {
        self.errors.get(&field)
    }
}
