//! The lab's one application state: a `State`, the `Action`s that change it and the reducer.
//!
//! Following yew's `function_todomvc` and `game_of_life` examples, this file imports nothing
//! from yew but `Reducible`; components never change state except by dispatching an `Action`,
//! so every change is visible here and testable natively.

use std::rc::Rc;

use yew::Reducible;

use crate::diagram::Diagram;

/// A built-in example scenario, ready to draw.
#[derive(Clone, Debug, PartialEq)]
pub struct Example {
    /// Its file stem in `scenarios/` ("same-network"), a stable id for tests and links.
    pub stem: &'static str,
    /// Its drawing.
    pub diagram: Rc<Diagram>,
}

/// Everything the shell shows.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// The built-in examples, in teaching order.
    pub examples: Rc<[Example]>,
    /// Index in `examples` of the one on the canvas.
    pub current: Option<usize>,
    /// The scenario on the canvas; `None` until one is loaded.
    pub diagram: Option<Rc<Diagram>>,
    /// Index of the selected device in `diagram.devices`.
    pub selected: Option<usize>,
    /// True once the app has mounted in the page: the `data-ready` marker that the boot guard
    /// (static/boot.js) and the browser tests wait for.
    pub started: bool,
}

impl State {
    /// The state at page load: the first example is on the canvas at once.
    pub fn new(examples: Vec<Example>) -> Self {
        let examples: Rc<[Example]> = examples.into();
        Self {
            current: if examples.is_empty() { None } else { Some(0) },
            diagram: examples.first().map(|e| e.diagram.clone()),
            examples,
            selected: None,
            started: false,
        }
    }
}

/// Every way the state can change.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// The app has mounted and its effects run.
    Started,
    /// The user picked the device at this index (clicking it again deselects it).
    Select(usize),
    /// The user clicked the empty canvas.
    ClearSelection,
    /// The user picked the built-in example at this index.
    LoadExample(usize),
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Started => next.started = true,
            Action::Select(index) => {
                let exists = next.diagram.as_ref().is_some_and(|d| index < d.devices.len());
                // An index from a stale click (the diagram changed) selects nothing.
                next.selected = match (exists, next.selected) {
                    (false, _) => None,
                    (true, Some(current)) if current == index => None,
                    (true, _) => Some(index),
                };
            }
            Action::ClearSelection => next.selected = None,
            Action::LoadExample(index) => {
                if let Some(example) = next.examples.get(index) {
                    next.diagram = Some(example.diagram.clone());
                    next.current = Some(index);
                    next.selected = None;
                }
            }
        }
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use packet_engine::scenario::DeviceKind;

    use crate::diagram::DeviceView;
    use crate::geometry::Point;

    fn example(stem: &'static str, devices: &[&str]) -> Example {
        let device = |name: &&str| DeviceView {
            name: (*name).into(),
            kind: DeviceKind::Host,
            position: Point::new(0.0, 0.0),
            interfaces: vec![],
        };
        let diagram = Diagram {
            title: stem.into(),
            description: String::new(),
            devices: devices.iter().map(device).collect(),
            links: vec![],
        };
        Example { stem, diagram: Rc::new(diagram) }
    }

    fn two_examples() -> State {
        State::new(vec![example("first", &["a", "b"]), example("second", &["c"])])
    }

    fn apply(state: State, actions: &[Action]) -> State {
        let mut s = Rc::new(state);
        for a in actions {
            s = s.reduce(a.clone());
        }
        (*s).clone()
    }

    #[test]
    fn starts_not_ready_then_ready() {
        assert!(!State::new(vec![]).started);
        assert!(apply(State::new(vec![]), &[Action::Started]).started);
    }

    #[test]
    fn select_toggles_and_clear_deselects() {
        let s = apply(two_examples(), &[Action::Select(1)]);
        assert_eq!(s.selected, Some(1));
        assert_eq!(apply(s.clone(), &[Action::Select(0)]).selected, Some(0));
        assert_eq!(apply(s.clone(), &[Action::Select(1)]).selected, None);
        assert_eq!(apply(s, &[Action::ClearSelection]).selected, None);
    }

    #[test]
    fn selecting_a_missing_device_selects_nothing() {
        let s = apply(two_examples(), &[Action::Select(0), Action::Select(7)]);
        assert_eq!(s.selected, None);
        assert_eq!(apply(State::new(vec![]), &[Action::Select(0)]).selected, None);
    }

    #[test]
    fn the_first_example_is_loaded_at_once() {
        let s = two_examples();
        assert_eq!(s.current, Some(0));
        assert_eq!(s.diagram.as_ref().map(|d| d.title.as_str()), Some("first"));
        let empty = State::new(vec![]);
        assert_eq!((empty.current, empty.diagram), (None, None));
    }

    #[test]
    fn loading_an_example_replaces_the_diagram_and_clears_the_selection() {
        let s = apply(two_examples(), &[Action::Select(1), Action::LoadExample(1)]);
        assert_eq!(s.current, Some(1));
        assert_eq!(s.diagram.as_ref().map(|d| d.devices.len()), Some(1));
        assert_eq!(s.selected, None);
        // An index past the list changes nothing.
        assert_eq!(apply(s.clone(), &[Action::LoadExample(9)]), s);
    }

    #[test]
    fn an_action_that_changes_nothing_keeps_the_same_rc() {
        let s = Rc::new(State::new(vec![]));
        assert!(Rc::ptr_eq(&s, &s.clone().reduce(Action::ClearSelection)));
    }
}
