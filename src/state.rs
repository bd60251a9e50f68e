//! The lab's one application state: a `State`, the `Action`s that change it and the reducer.
//!
//! Following yew's `function_todomvc` and `game_of_life` examples, this file imports nothing
//! from yew but `Reducible`; components never change state except by dispatching an `Action`,
//! so every change is visible here and testable natively. The state has two halves, each a
//! pure model with its own actions: the editor (`editor.rs`: the scenario being edited) and
//! playback (`playback.rs`: a run of that scenario and where in it we are). An edit that
//! changes the scenario invalidates the run.

use std::rc::Rc;

use packet_engine::Scenario;
use yew::Reducible;

use crate::editor::{EditAction, Editor, Effect};
use crate::inspector::{InspectAction, Inspector};
use crate::playback::{PlayAction, Playback};

/// A built-in example scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct Example {
    /// Its file stem in `scenarios/` ("same-network"), a stable id for tests and links.
    pub stem: &'static str,
    /// The scenario.
    pub scenario: Rc<Scenario>,
}

/// Everything the app shows.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// The built-in examples, in teaching order.
    pub examples: Rc<[Example]>,
    /// The lab being edited.
    pub edit: Editor,
    /// The run of the lab and the playback position.
    pub play: Playback,
    /// The packet inspector: open or not, the selected field.
    pub inspect: Inspector,
    /// True once the app has mounted in the page: the `data-ready` marker that the boot guard
    /// (static/boot.js) and the browser tests wait for.
    pub started: bool,
}

impl State {
    /// The state at page load: `restored` (the autosaved lab) if there is one, else the first
    /// example.
    pub fn new(examples: Vec<Example>, restored: Option<(Scenario, Option<usize>)>) -> Self {
        let examples: Rc<[Example]> = examples.into();
        let edit = match restored {
            Some((scenario, origin)) => Editor::new(scenario, origin.filter(|&i| i < examples.len())),
            None => match examples.first() {
                Some(first) => Editor::new((*first.scenario).clone(), Some(0)),
                None => Editor::new(Scenario::from_json("{}").expect("the empty lab is valid"), None),
            },
        };
        let play = Playback::new(&edit.scenario);
        Self { examples, edit, play, inspect: Inspector::default(), started: false }
    }
}

/// Every way the state can change.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// The app has mounted and its effects run.
    Started,
    /// The user picked the built-in example at this index.
    LoadExample(usize),
    /// An edit of the lab.
    Edit(EditAction),
    /// A playback command.
    Play(PlayAction),
    /// An inspector command.
    Inspect(InspectAction),
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Started => next.started = true,
            Action::LoadExample(index) => {
                if let Some(example) = next.examples.get(index) {
                    let scenario = (*example.scenario).clone();
                    if next.edit.apply(EditAction::Replace { scenario, origin: Some(index) })
                        == Effect::ScenarioChanged
                    {
                        next.play.invalidate(&next.edit.scenario);
                    }
                }
            }
            Action::Edit(edit) => {
                let selection = (next.edit.selected.clone(), next.edit.selected_links.clone());
                if next.edit.apply(edit) == Effect::ScenarioChanged {
                    next.play.invalidate(&next.edit.scenario);
                }
                // Selecting a device or link brings its editor back in place of the inspector.
                let now = (&next.edit.selected, &next.edit.selected_links);
                if (now.0 != &selection.0 || now.1 != &selection.1) && !(now.0.is_empty() && now.1.is_empty()) {
                    next.inspect.apply(InspectAction::Close);
                }
            }
            Action::Play(play) => {
                // A click on an event opens it in the inspector.
                if matches!(play, PlayAction::Jump(_)) {
                    next.inspect.apply(InspectAction::Open);
                }
                let scenario = next.edit.scenario.clone();
                next.play.apply(play, &scenario);
            }
            Action::Inspect(inspect) => next.inspect.apply(inspect),
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

    fn scenario(name: &str, devices: &[&str]) -> Scenario {
        let devices: Vec<String> = devices
            .iter()
            .map(|d| format!(r#"{{ "id": "{d}", "kind": "host", "position": [0, 0] }}"#))
            .collect();
        Scenario::from_json(&format!(r#"{{ "name": "{name}", "devices": [{}] }}"#, devices.join(",")))
            .expect("test scenario is valid")
    }

    fn two_examples() -> State {
        let example = |stem, devices: &[&str]| Example { stem, scenario: Rc::new(scenario(stem, devices)) };
        State::new(vec![example("first", &["a", "b"]), example("second", &["c"])], None)
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
        assert!(!State::new(vec![], None).started);
        assert!(apply(State::new(vec![], None), &[Action::Started]).started);
    }

    #[test]
    fn the_first_example_is_loaded_at_once() {
        let s = two_examples();
        assert_eq!(s.edit.origin, Some(0));
        assert_eq!(s.edit.scenario.name, "first");
        let empty = State::new(vec![], None);
        assert_eq!((empty.edit.origin, empty.edit.scenario.devices.len()), (None, 0));
    }

    #[test]
    fn a_restored_lab_wins_over_the_first_example() {
        let ex = Example { stem: "first", scenario: Rc::new(scenario("first", &["a"])) };
        let s = State::new(vec![ex], Some((scenario("mine", &["x", "y"]), None)));
        assert_eq!(s.edit.scenario.name, "mine");
        assert_eq!(s.edit.origin, None);
    }

    #[test]
    fn loading_an_example_replaces_the_lab_and_clears_the_selection() {
        let s = apply(two_examples(), &[Action::Edit(EditAction::Select(1)), Action::LoadExample(1)]);
        assert_eq!(s.edit.origin, Some(1));
        assert_eq!(s.edit.scenario.devices.len(), 1);
        assert!(s.edit.selected.is_empty());
        // An index past the list changes nothing.
        assert_eq!(apply(s.clone(), &[Action::LoadExample(9)]), s);
    }

    #[test]
    fn a_click_on_an_event_opens_the_inspector_and_selecting_a_device_closes_it() {
        let s = apply(two_examples(), &[Action::Play(PlayAction::Jump(0))]);
        assert!(s.inspect.open);
        let s = apply(s, &[Action::Edit(EditAction::ClearSelection)]);
        assert!(s.inspect.open, "selecting nothing keeps it");
        let s = apply(s, &[Action::Edit(EditAction::Select(1))]);
        assert!(!s.inspect.open);
        let s = apply(s, &[Action::Inspect(InspectAction::Open), Action::Inspect(InspectAction::Select(3, Some((1, 2))))]);
        assert_eq!((s.inspect.open, s.inspect.field_of(3)), (true, Some((1, 2))));
    }

    #[test]
    fn an_action_that_changes_nothing_keeps_the_same_rc() {
        let s = Rc::new(State::new(vec![], None));
        assert!(Rc::ptr_eq(&s, &s.clone().reduce(Action::Edit(EditAction::ClearSelection))));
    }
}
