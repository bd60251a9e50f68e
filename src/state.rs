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
use crate::exercises::{ExerciseAction, Exercises, Pending, Source};
use crate::inspector::{InspectAction, Inspector};
use crate::playback::{PlayAction, Playback};
use crate::share::{Share, ShareAction, SharedLab};
use crate::predict::{Predict, PredictAction};
use crate::story::{Story, StoryAction};
use crate::whatif::{WhatIf, WhatIfAction};

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
    /// Share links, the embed mode and the presenter scale.
    pub share: Share,
    /// The exercise being done (its lab is `edit`'s), the course and the progress.
    pub exercises: Exercises,
    /// Predict mode on top of playback.
    pub predict: Predict,
    /// The story views: sequence diagram shown, its lanes, the noise filters (issue 13).
    pub story: Story,
    /// The interface language: a tag of `locales/` ("en", "de", "fr") or the pseudo-locale
    /// (src/i18n/mod.rs). Chosen at boot from the link, the saved choice or the browser.
    /// Always a language whose catalogue is here: a picked one that must be fetched first is
    /// `lang_pending` until it arrives.
    pub lang: &'static str,
    /// A language picked whose catalogue is on its way (docs/languages.md): the interface stays
    /// in `lang` meanwhile, and switches when it has arrived.
    pub lang_pending: Option<&'static str>,
    /// A language whose catalogue did not arrive (offline before it was ever used, a broken
    /// deployment): the interface stayed in `lang`, and the picker says why.
    pub lang_failed: Option<&'static str>,
    /// True once `lang` is one the user picked (not the boot's choice): then it is saved for
    /// the next visit.
    pub lang_picked: bool,
    /// The what-if comparison: the original lab and run while the editor holds a variant (issue 18).
    pub whatif: WhatIf,
    /// True once the app has mounted in the page: the `data-ready` marker that the boot guard
    /// (static/boot.js) and the browser tests wait for.
    pub started: bool,
    /// Lab edits, typed commands and a link opened from its prompt before the engine's module
    /// was here (it holds the editor's lab edits, the command parser and validation,
    /// `playback::engine`): applied, in order, when it arrives.
    pub deferred: Vec<Action>,
    /// True while the page waits for the engine's module to read the lab it opens with (a
    /// stored lab, a link: src/boot.rs): only "Opening the lab…" is drawn, nothing is saved,
    /// and every action but [`Action::CodeLoaded`] is ignored.
    pub booting: bool,
}

impl State {
    /// The state at page load: `restored` (the autosaved lab) if there is one, else the
    /// first-visit example ([`crate::story::FIRST_VISIT`]) when the build has it, else the first
    /// example.
    pub fn new(examples: Vec<Example>, restored: Option<(Scenario, Option<usize>)>) -> Self {
        let examples: Rc<[Example]> = examples.into();
        let edit = match restored {
            Some((scenario, origin)) => Editor::new(scenario, origin.filter(|&i| i < examples.len())),
            None => {
                let first = examples.iter().position(|e| e.stem == crate::story::FIRST_VISIT).unwrap_or(0);
                match examples.get(first) {
                    Some(example) => Editor::new((*example.scenario).clone(), Some(first)),
                    None => Editor::new(Scenario::empty(), None),
                }
            }
        };
        let play = Playback::new(&edit.scenario);
        Self {
            examples,
            edit,
            play,
            inspect: Inspector::default(),
            share: Share::default(),
            exercises: Exercises::default(),
            predict: Predict::default(),
            story: Story::default(),
            lang: crate::i18n::DEFAULT,
            lang_pending: None,
            lang_failed: None,
            lang_picked: false,
            whatif: WhatIf::default(),
            started: false,
            deferred: Vec::new(),
            booting: false,
        }
    }

    /// The state while the page waits for the engine's module to read its lab (src/boot.rs).
    pub fn booting(examples: Vec<Example>) -> Self {
        Self { booting: true, ..State::new(examples, None) }
    }

    /// Makes a link's lab the lab on screen (undoable: the replaced lab is on the undo
    /// history), with its playback position and view options. Used at page load and when the
    /// user answers "Open the shared lab".
    pub fn open_shared(&mut self, lab: &SharedLab) {
        let origin = self.examples.iter().position(|e| *e.scenario == lab.scenario);
        self.edit.replace(lab.scenario.clone(), origin);
        // A fresh run: commands typed in the old lab are not carried into the shared one.
        self.play = Playback::new(&self.edit.scenario);
        let scenario = self.edit.scenario.clone();
        for action in [PlayAction::SetSpeed(lab.speed), PlayAction::SetPerClick(lab.per_click), PlayAction::Seek(lab.event)] {
            self.play.apply(action, &scenario);
        }
        for &class in &lab.hidden {
            self.play.apply(PlayAction::ToggleClass(class), &scenario);
        }
        self.share.scale = lab.scale;
        self.story = lab.story.clone();
        // A story choice the link got wrong was left at its default: say which.
        if let Some(note) = &lab.story_note {
            self.share.error = Some(Rc::new(note.clone()));
        }
        self.edit.view = match lab.view {
            Some(view) => view,
            // Room for the labels at the presenter scale.
            None => crate::editor::fit_view_scaled(&self.edit.scenario, f64::from(lab.scale) / 100.0),
        };
        self.share.pending = None;
        // A what-if link: fork the original just opened, then make the variant the lab edited.
        self.whatif = WhatIf::default();
        if let Some(w) = &lab.whatif {
            self.whatif.start(&self.edit.scenario, &self.play);
            let origin = self.examples.iter().position(|e| *e.scenario == w.variant);
            self.edit.replace(w.variant.clone(), origin);
            self.edit.view = match lab.view {
                Some(view) => view,
                None => crate::editor::fit_view_scaled(&self.edit.scenario, f64::from(lab.scale) / 100.0),
            };
            let mut play = Playback::new(&self.edit.scenario);
            let scenario = self.edit.scenario.clone();
            for action in [PlayAction::SetSpeed(lab.speed), PlayAction::SetPerClick(lab.per_click), PlayAction::Seek(lab.event)] {
                play.apply(action, &scenario);
            }
            for &class in &lab.hidden {
                play.apply(PlayAction::ToggleClass(class), &scenario);
            }
            self.play = play;
            self.whatif.comparing = w.comparing;
            if w.comparing {
                self.story.apply(StoryAction::Open(false));
            }
            self.whatif.sync(&self.play);
        }
        if let Some(note) = &lab.whatif_note {
            self.share.error = Some(Rc::new(note.clone()));
        }
    }

}

/// What an action means for the what-if (see [`State::what_if`]).
enum Kind {
    /// Another lab replaces this one: the what-if ends.
    NewLab,
    /// The what-if placed both runs itself.
    Jump,
    Other,
}

impl State {
    /// Starts an exercise (its lab replaces the editor's), or leaves it pending until the
    /// judge's module is here (`Exercises::pending`).
    fn start_exercise(&mut self, source: Source) {
        if self.exercises.start(source, &mut self.edit) == Effect::ScenarioChanged {
            self.play.invalidate(&self.edit.scenario);
        }
        if self.exercises.pending.is_none() {
            self.inspect.apply(InspectAction::Close);
        }
    }

    /// Applies a what-if command.
    fn what_if(&mut self, action: WhatIfAction) {
        match action {
            WhatIfAction::Start => {
                if self.play.run().is_some() {
                    self.whatif.start(&self.edit.scenario, &self.play);
                    self.inspect.apply(InspectAction::Close);
                }
            }
            WhatIfAction::Compare => {
                self.whatif.comparing = self.whatif.active();
                // The two canvases take the sequence diagram's place.
                if self.whatif.comparing {
                    self.story.apply(StoryAction::Open(false));
                }
            }
            WhatIfAction::EditVariant => {
                self.whatif.comparing = false;
                self.whatif.compared = None;
            }
            WhatIfAction::JumpToDivergence => {
                self.whatif.sync(&self.play);
                if let Some((variant, original)) = self.whatif.divergence_shown() {
                    let scenario = self.edit.scenario.clone();
                    self.play.apply(PlayAction::Seek(variant), &scenario);
                    self.whatif.show_original(original);
                    self.inspect.apply(InspectAction::Open);
                }
            }
            WhatIfAction::Exit { keep_variant } => {
                let whatif = std::mem::take(&mut self.whatif);
                if let (false, Some(original)) = (keep_variant, whatif.original) {
                    let scenario = (*original.scenario).clone();
                    let origin = self.examples.iter().position(|e| *e.scenario == scenario);
                    self.edit.replace(scenario, origin);
                    self.play = original.play.clone();
                }
            }
        }
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
    /// An exercise command (start, hint, leave, progress import).
    Exercise(ExerciseAction),
    /// A predict-mode command.
    Predict(PredictAction),
    /// A share, embed or presenter command.
    Share(ShareAction),
    /// Open a link's lab (the user answered "Open the shared lab").
    OpenShared(Rc<SharedLab>),
    /// A story-view command (diagram, lanes, noise filters).
    Story(StoryAction),
    /// The user picked an interface language (a tag of `locales/`; anything else is ignored).
    /// Shown at once if its catalogue is here, else pending until [`Action::LanguageLoaded`].
    PickLanguage(String),
    /// The fetch of a picked language's catalogue ended: arrived (true) or not. Applies only
    /// to the language still pending (a later pick wins over an earlier one still loading).
    LanguageLoaded(&'static str, bool),
    /// The user closed the message about a language that did not arrive.
    DismissLanguageFailed,
    /// A what-if command (fork, compare, jump to the divergence, leave).
    WhatIf(WhatIfAction),
    /// A split module the reducer waits for arrived (src/split.rs `SplitFn`: predict mode's
    /// questions, the what-if's comparison, the exercises' judge): a pending exercise starts,
    /// and the syncs every action ends with run again.
    CodeLoaded,
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let engine = crate::playback::engine::get();
        if self.booting {
            // The engine's module is here: the page boots as it does with it (src/boot.rs).
            return match (action, engine) {
                (Action::CodeLoaded, Some(engine)) => Rc::new((engine.boot)()),
                _ => self,
            };
        }
        let needs_engine = match &action {
            Action::Edit(edit) => !edit.is_view(),
            Action::Play(PlayAction::Command { .. }) | Action::OpenShared(_) => true,
            _ => false,
        };
        if needs_engine && engine.is_none() {
            let mut next = (*self).clone();
            next.deferred.push(action);
            return Rc::new(next);
        }
        let loaded = matches!(action, Action::CodeLoaded) && engine.is_some();
        let mut state = self.reduce_one(action);
        if loaded && !state.deferred.is_empty() {
            for action in std::mem::take(&mut Rc::make_mut(&mut state).deferred) {
                state = state.reduce_one(action);
            }
        }
        state
    }
}

impl State {
    /// One action (see [`Reducible::reduce`], which holds lab edits until the engine is here).
    fn reduce_one(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        let self_action_kind = match &action {
            // A link sets its own what-if (`open_shared`).
            Action::LoadExample(_) => Kind::NewLab,
            Action::WhatIf(WhatIfAction::JumpToDivergence) => Kind::Jump,
            _ => Kind::Other,
        };
        match action {
            Action::Started => next.started = true,
            Action::LoadExample(index) => {
                if let Some(example) = next.examples.get(index) {
                    // An example is not an exercise: loading one ends the exercise.
                    next.exercises.session = None;
                    next.exercises.pending = None;
                    // Edits held for the engine were edits of the lab being replaced.
                    next.deferred.clear();
                    let scenario = (*example.scenario).clone();
                    if next.edit.replace(scenario, Some(index))
                        == Effect::ScenarioChanged
                    {
                        next.play.invalidate(&next.edit.scenario);
                    }
                }
            }
            Action::Edit(edit) => {
                let selection = (next.edit.selected.clone(), next.edit.selected_links.clone());
                let before = next.edit.clone();
                let effect = match crate::playback::engine::get() {
                    // (Without the engine, `reduce` held a lab edit back.)
                    Some(engine) if !edit.is_view() => (engine.edit)(&mut next.edit, edit.clone()),
                    _ => next.edit.apply_view(edit.clone()),
                };
                // In an exercise, a change to a locked part is undone here and refused.
                if next.exercises.guard(&before, &edit, &mut next.edit, effect) == Effect::ScenarioChanged {
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
                let (before, was_playing) = (next.play.shown(), next.play.playing);
                next.play.apply(play.clone(), &scenario);
                next.predict.sync(&next.play);
                next.predict.intercept(&play, before, was_playing, &mut next.play, &scenario);
            }
            Action::Inspect(inspect) => next.inspect.apply(inspect),
            Action::Exercise(action) => match Exercises::resolve(&action) {
                Some(source) => next.start_exercise(source),
                None => next.exercises.apply(action),
            },
            Action::Predict(action) => {
                let on = next.predict.on;
                let then = next.predict.apply(action);
                if next.predict.on && !on {
                    next.predict.sync(&next.play);
                }
                let scenario = next.edit.scenario.clone();
                for play in then {
                    next.play.apply(play, &scenario);
                }
            }
            Action::Share(share) => next.share.apply(share),
            // (The reducer held it until the engine, which validates its lab, was here.)
            Action::OpenShared(lab) => match crate::playback::engine::get().map(|engine| crate::share::check(&lab, engine.validate)) {
                Some(Ok(lab)) => next.open_shared(&lab),
                Some(Err(e)) => {
                    next.share.pending = None;
                    next.share.error = Some(Rc::new(crate::components::broken_link(&e)));
                }
                None => {}
            },
            Action::Story(action) => next.story.apply(action),
            Action::PickLanguage(tag) => {
                if let Some(tag) = crate::i18n::known(&tag) {
                    next.lang_failed = None;
                    if crate::i18n::ready(tag) {
                        next.lang = tag;
                        next.lang_picked = true;
                        next.lang_pending = None;
                    } else {
                        next.lang_pending = Some(tag);
                    }
                }
            }
            Action::LanguageLoaded(tag, arrived) => {
                if next.lang_pending == Some(tag) {
                    next.lang_pending = None;
                    if arrived {
                        next.lang = tag;
                        next.lang_picked = true;
                    } else {
                        next.lang_failed = Some(tag);
                    }
                }
            }
            Action::DismissLanguageFailed => next.lang_failed = None,
            Action::WhatIf(action) => next.what_if(action),
            Action::CodeLoaded => {
                // The engine's module: a run that waited for it starts.
                next.play.engine_loaded();
                if let Some(original) = &mut next.whatif.original {
                    std::rc::Rc::make_mut(original).play.engine_loaded();
                }
                match next.exercises.pending.take() {
                    Some(Pending::Start(source)) => next.start_exercise(source),
                    Some(Pending::Resume(stored)) => {
                        let lab = next.edit.scenario.clone();
                        next.exercises.resume_stored(stored, &lab);
                    }
                    None => {}
                }
            }
        }
        // Another lab (an example, a link, an exercise) ends the what-if.
        if matches!(self_action_kind, Kind::NewLab) || next.exercises.session != self.exercises.session {
            next.whatif = WhatIf::default();
        }
        if !matches!(self_action_kind, Kind::Jump) {
            next.whatif.sync(&next.play);
        }
        if next.predict.on {
            // A changed lab or a typed command makes a new run: its questions are made anew.
            next.predict.sync(&next.play);
        }
        // An embedded lab with a `stop` event never plays past it.
        if let Some(stop) = next.share.embed.as_ref().and_then(|e| e.stop) {
            if next.play.shown() > stop && next.play.shown() != self.play.shown() {
                let scenario = next.edit.scenario.clone();
                next.play.apply(PlayAction::Seek(stop), &scenario);
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
    fn the_first_visit_opens_the_story_example_when_there_is_one() {
        let example = |stem, devices: &[&str]| Example { stem, scenario: Rc::new(scenario(stem, devices)) };
        let s = State::new(vec![example("first", &["a"]), example(crate::story::FIRST_VISIT, &["laptop"])], None);
        assert_eq!((s.edit.origin, s.edit.scenario.name.as_str()), (Some(1), crate::story::FIRST_VISIT));
        assert!(!s.story.open, "the diagram opens with the Visit action, not before");
        let restored = State::new(vec![example(crate::story::FIRST_VISIT, &["laptop"])], Some((scenario("mine", &["x"]), None)));
        assert_eq!(restored.edit.scenario.name, "mine", "an autosaved lab still wins");
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
    fn a_shared_lab_opens_at_its_event_with_its_view_and_can_be_undone() {
        let example = packet_engine::examples::all().into_iter().next().unwrap().1;
        let s = State::new(vec![Example { stem: "first", scenario: Rc::new(example.clone()) }], Some((scenario("mine", &["x"]), None)));
        let mut lab = crate::share::SharedLab::capture(&s.edit, &s.play, 150);
        lab.scenario = example;
        lab.event = 5;
        lab.per_click = true;
        let s = apply(s, &[Action::OpenShared(Rc::new(lab.clone()))]);
        assert_eq!((s.edit.origin, s.play.shown(), s.play.per_click, s.share.scale), (Some(0), 5, true, 150));
        assert_eq!(crate::share::SharedLab::capture(&s.edit, &s.play, s.share.scale), lab);
        let s = apply(s, &[Action::Edit(EditAction::Undo)]);
        assert_eq!(s.edit.scenario.name, "mine");
    }

    #[test]
    fn an_embed_stop_holds_playback_at_its_event() {
        let example = packet_engine::examples::all().into_iter().next().unwrap().1;
        let mut s = State::new(vec![Example { stem: "first", scenario: Rc::new(example) }], None);
        s.share.embed = Some(crate::share::Embed { stop: Some(4), ..Default::default() });
        let s = apply(s, &[Action::Play(PlayAction::Seek(3)), Action::Play(PlayAction::StepForward), Action::Play(PlayAction::StepForward)]);
        assert_eq!(s.play.shown(), 4);
        let s = apply(s, &[Action::Play(PlayAction::TogglePlay), Action::Play(PlayAction::Tick(100_000.0))]);
        assert_eq!((s.play.shown(), s.play.playing), (4, false));
    }

    #[test]
    fn an_exercise_runs_through_the_reducer_and_an_example_ends_it() {
        use crate::editor::Field;
        use crate::exercises::ExerciseAction;
        let s = apply(two_examples(), &[Action::Exercise(ExerciseAction::Start(0))]);
        let session = s.exercises.session.as_ref().expect("started");
        assert_eq!(s.edit.scenario.devices, session.exercise.lab.devices);
        assert!(s.play.run().is_some(), "the exercise's lab is run for playback");
        let pc3 = s.edit.scenario.devices.iter().position(|d| d.id == "pc3").unwrap();
        let pc1 = s.edit.scenario.devices.iter().position(|d| d.id == "pc1").unwrap();
        // A locked field is refused and the run is not redone.
        let locked = apply(s.clone(), &[Action::Edit(EditAction::SetField(Field::Address(pc1, 0), "10.0.0.9/24".into()))]);
        assert_eq!(locked.edit.scenario, s.edit.scenario);
        assert_eq!(locked.play.run(), s.play.run());
        let solved = apply(s, &[Action::Edit(EditAction::SetField(Field::Address(pc3, 0), "10.0.0.3/24".into()))]);
        assert!(solved.exercises.session.as_ref().unwrap().solved());
        assert!(solved.exercises.progress.solved("right-network"));
        let left = apply(solved, &[Action::LoadExample(1)]);
        assert!(left.exercises.session.is_none());
        assert!(left.exercises.progress.solved("right-network"), "progress stays");
    }

    /// An exercise asked for before its judge's module was here (in the browser, src/split.rs)
    /// waits, and starts (or resumes, if its locks hold on the lab) when the module arrives;
    /// loading an example drops it.
    #[test]
    fn a_pending_exercise_starts_when_its_judge_arrives() {
        let mut s = two_examples();
        let first = packet_engine::exercise::course::get(0).unwrap();
        let stored: Rc<str> = first.to_json_pretty().into();
        s.exercises.pending = Some(Pending::Start(Source::Builtin(0)));
        let started = apply(s.clone(), &[Action::CodeLoaded]);
        assert_eq!(started.exercises.session.as_ref().map(|x| x.exercise.id.as_str()), Some("right-network"));
        assert_eq!(started.edit.scenario.devices, first.lab.devices);
        assert_eq!(started.exercises.pending, None);
        // Resumed only on a lab of the exercise: the example "first" is not one.
        s.exercises.pending = Some(Pending::Resume(stored.clone()));
        let dropped = apply(s.clone(), &[Action::CodeLoaded]);
        assert_eq!((dropped.exercises.session.is_none(), dropped.exercises.pending.is_none()), (true, true));
        let mut on_its_lab = started.clone();
        on_its_lab.exercises.session = None;
        on_its_lab.exercises.pending = Some(Pending::Resume(stored.clone()));
        let resumed = apply(on_its_lab.clone(), &[Action::CodeLoaded]);
        assert_eq!(resumed.exercises.session.as_ref().map(|x| (x.exercise.id.as_str(), x.builtin)), Some(("right-network", Some(0))));
        // A stored file that no longer parses resumes nothing.
        on_its_lab.exercises.pending = Some(Pending::Resume(stored[1..].into()));
        let unparsed = apply(on_its_lab, &[Action::CodeLoaded]);
        assert_eq!((unparsed.exercises.session.is_none(), unparsed.exercises.pending.is_none()), (true, true));
        s.exercises.pending = Some(Pending::Start(Source::Builtin(0)));
        assert_eq!(apply(s, &[Action::LoadExample(1)]).exercises.pending, None);
    }

    /// The editor's lab edits are in the engine's module: one made before it is here waits and
    /// is applied when it arrives, in order; view actions (zoom, selection) are applied at once;
    /// loading an example drops the held edits.
    #[test]
    fn a_lab_edit_waits_for_the_engines_module_and_a_view_action_does_not() {
        let s = two_examples();
        let zoom = s.edit.view;
        crate::playback::engine::hide(true);
        let held = apply(
            s.clone(),
            &[
                Action::Edit(EditAction::Zoom(2.0)),
                Action::Edit(EditAction::AddInterface(0)),
                Action::Edit(EditAction::Place(packet_engine::scenario::DeviceKind::Switch, None)),
                Action::CodeLoaded,
            ],
        );
        let dropped = apply(held.clone(), &[Action::LoadExample(1)]);
        crate::playback::engine::hide(false);
        assert_ne!(held.edit.view, zoom, "zoomed at once");
        assert_eq!(held.edit.scenario, s.edit.scenario, "the lab waits");
        assert_eq!(held.deferred.len(), 2);
        assert!(dropped.deferred.is_empty());
        let arrived = apply(held, &[Action::CodeLoaded]);
        let direct = apply(
            s,
            &[
                Action::Edit(EditAction::Zoom(2.0)),
                Action::Edit(EditAction::AddInterface(0)),
                Action::Edit(EditAction::Place(packet_engine::scenario::DeviceKind::Switch, None)),
            ],
        );
        assert!(arrived.deferred.is_empty());
        assert_eq!(arrived.edit.scenario, direct.edit.scenario, "the same edits, in order");
        assert_eq!(arrived.edit.scenario.devices.len(), 3);
        assert!(arrived.play.run().unwrap().lab.devices.len() == 3, "and the lab runs again");
    }

    /// A typed command waits for the engine's module (its parser) as a lab edit does.
    #[test]
    fn a_typed_command_waits_for_the_engines_module() {
        let s = two_examples();
        let device = s.edit.scenario.devices[0].id.clone();
        let typed = Action::Play(PlayAction::Command { device: device.as_str().into(), run: "ping -c 1 10.0.0.2".into() });
        crate::playback::engine::hide(true);
        let held = apply(s.clone(), &[typed.clone()]);
        crate::playback::engine::hide(false);
        assert_eq!(held.deferred, vec![typed.clone()]);
        assert!(held.play.commands().is_empty());
        let arrived = apply(held, &[Action::CodeLoaded]);
        let direct = apply(s, &[typed]);
        assert!(arrived.deferred.is_empty());
        assert_eq!(arrived.play.commands(), direct.play.commands());
        assert_eq!(arrived.play.commands().len(), 1);
    }

    /// The exercises' checks run the page's engine (a split module too): an exercise waits for
    /// it as for its judge, and the lab's run waits and starts when it arrives.
    #[test]
    fn an_exercise_and_the_lab_wait_for_the_engines_module() {
        let s = two_examples();
        crate::playback::engine::hide(true);
        let waiting = apply(s.clone(), &[Action::Exercise(crate::exercises::ExerciseAction::Start(0))]);
        let edited = apply(s.clone(), &[Action::LoadExample(1)]);
        crate::playback::engine::hide(false);
        assert_eq!(waiting.exercises.pending, Some(Pending::Start(Source::Builtin(0))));
        assert!(waiting.exercises.session.is_none());
        assert!(edited.play.run().is_none() && edited.play.pending().is_some());
        let arrived = apply(waiting, &[Action::CodeLoaded]);
        assert_eq!(arrived.exercises.session.as_ref().map(|x| x.exercise.id.as_str()), Some("right-network"));
        assert!(arrived.play.run().is_some() && arrived.play.pending().is_none());
        let ran = apply(edited, &[Action::CodeLoaded]);
        let fresh = apply(s, &[Action::LoadExample(1)]);
        assert!(ran.play.run().unwrap().outcome == fresh.play.run().unwrap().outcome);
    }

    #[test]
    fn predict_mode_pauses_the_clock_before_a_question() {
        use crate::predict::PredictAction;
        let ex = packet_engine::examples::all().into_iter().next().unwrap();
        let example = Example { stem: ex.0, scenario: Rc::new(ex.1) };
        let mut s = Rc::new(State::new(vec![example], None));
        s = s.reduce(Action::Predict(PredictAction::Set(true)));
        s = s.reduce(Action::Play(PlayAction::TogglePlay));
        for _ in 0..10_000 {
            if s.predict.question().is_some() || !s.play.playing {
                break;
            }
            s = s.reduce(Action::Play(PlayAction::Tick(20.0)));
        }
        let q = s.predict.question().expect("a question opened").clone();
        assert!(!s.play.playing);
        assert_eq!(s.play.shown(), q.event);
        s = s.reduce(Action::Predict(PredictAction::Answer(q.correct)));
        s = s.reduce(Action::Predict(PredictAction::Continue));
        assert_eq!((s.predict.right, s.predict.asked), (1, 1));
        assert!(s.play.shown() > q.event && s.play.playing, "the event is shown and it plays on");
    }

    #[test]
    fn an_action_that_changes_nothing_keeps_the_same_rc() {
        let s = Rc::new(State::new(vec![], None));
        assert!(Rc::ptr_eq(&s, &s.clone().reduce(Action::Edit(EditAction::ClearSelection))));
    }

    #[test]
    fn a_picked_language_is_shown_when_it_has_arrived_and_a_failed_one_leaves_the_interface_as_it_was() {
        // Native builds compile every language in: a pick is shown at once and remembered.
        let s = apply(State::new(vec![], None), &[Action::PickLanguage("de".into())]);
        assert_eq!((s.lang, s.lang_pending, s.lang_failed, s.lang_picked), ("de", None, None, true));
        assert_eq!(apply(s.clone(), &[Action::PickLanguage("xx".into())]).lang, "de", "an unknown tag is ignored");
        // In the browser a fetched language is pending until its files are here (as if picked there).
        let waiting = State { lang_pending: Some("fr"), ..s.clone() };
        let arrived = apply(waiting.clone(), &[Action::LanguageLoaded("fr", true)]);
        assert_eq!((arrived.lang, arrived.lang_pending, arrived.lang_failed), ("fr", None, None));
        let failed = apply(waiting.clone(), &[Action::LanguageLoaded("fr", false)]);
        assert_eq!((failed.lang, failed.lang_pending, failed.lang_failed), ("de", None, Some("fr")));
        assert_eq!(apply(failed, &[Action::DismissLanguageFailed]).lang_failed, None);
        // A later pick wins over an earlier one still on its way.
        let overtaken = apply(waiting, &[Action::PickLanguage("en".into()), Action::LanguageLoaded("fr", true)]);
        assert_eq!((overtaken.lang, overtaken.lang_pending), ("en", None));
    }
}
