//! The lab editor's model: the scenario being edited, the selection, the view (zoom and pan)
//! and the undo/redo history, with every edit as an [`EditAction`].
//!
//! Pure: nothing here touches the DOM or Yew, so every edit is tested natively. The scenario
//! kept here is always one the engine accepts (`Scenario::validate`): an edit that would make
//! it invalid is refused, and the refusal is remembered per field ([`FieldError`]) so the panel
//! can show the engine's reason next to the field while the lab keeps its last valid state.

use std::rc::Rc;

use packet_engine::Scenario;

use crate::geometry::{fit_view_box, Point, ViewBox};

/// Space kept around the outermost devices when fitting the view, in SVG units.
pub const FIT_MARGIN: f64 = 80.0;
/// The smallest area a fitted view shows, so two devices are not blown up to fill the screen.
pub const FIT_MIN_WIDTH: f64 = 640.0;
/// See [`FIT_MIN_WIDTH`].
pub const FIT_MIN_HEIGHT: f64 = 400.0;

/// The edited lab and everything about editing it.
#[derive(Clone, Debug, PartialEq)]
pub struct Editor {
    /// The scenario on the canvas: always valid for the engine.
    pub scenario: Rc<Scenario>,
    /// Index in the built-in examples of the one this lab started from, if any.
    pub origin: Option<usize>,
    /// Indices of the selected devices in `scenario.devices`, ascending.
    pub selected: Vec<usize>,
    /// The part of the plane the canvas shows.
    pub view: ViewBox,
}

impl Editor {
    /// An editor on `scenario`, fitted to the canvas, nothing selected.
    pub fn new(scenario: Scenario, origin: Option<usize>) -> Self {
        let view = fit_view(&scenario);
        Self { scenario: Rc::new(scenario), origin, selected: Vec::new(), view }
    }
}

/// The view box that shows every device of `scenario`.
pub fn fit_view(scenario: &Scenario) -> ViewBox {
    let points: Vec<Point> =
        scenario.devices.iter().filter_map(|d| d.position).map(|[x, y]| Point::new(x, y)).collect();
    fit_view_box(&points, FIT_MARGIN, FIT_MIN_WIDTH, FIT_MIN_HEIGHT)
}

/// Every way the editor can change.
#[derive(Clone, Debug, PartialEq)]
pub enum EditAction {
    /// The user picked the device at this index (picking it again deselects it).
    Select(usize),
    /// The user clicked the empty canvas.
    ClearSelection,
    /// Replace the whole lab (an example, "New", an import): undoable like any edit.
    Replace {
        /// The new lab; the caller has validated it.
        scenario: Scenario,
        /// The example it is, if it is one.
        origin: Option<usize>,
    },
}

/// What an edit did, so the top-level reducer knows whether a run of the old scenario is stale.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Only the selection, view or messages changed.
    ViewOnly,
    /// The scenario changed.
    ScenarioChanged,
}

impl Editor {
    /// Applies `action`; says whether the scenario changed.
    pub fn apply(&mut self, action: EditAction) -> Effect {
        match action {
            EditAction::Select(index) => {
                self.selected = if index >= self.scenario.devices.len() || self.selected == [index] {
                    Vec::new()
                } else {
                    vec![index]
                };
                Effect::ViewOnly
            }
            EditAction::ClearSelection => {
                self.selected.clear();
                Effect::ViewOnly
            }
            EditAction::Replace { scenario, origin } => {
                *self = Editor::new(scenario, origin);
                Effect::ScenarioChanged
            }
        }
    }
}
