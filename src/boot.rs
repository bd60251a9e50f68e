//! The state at page load, and where it is made (issue 15, docs/size.md "text is engine code").
//!
//! Reading a lab from text (JSON: the visitor's stored lab, a link's lab, an exercise link, a
//! lab a link replaced) is serde_json's `Scenario` deserialiser, about 16 KB of the page's
//! wasm gzip — engine code, so it is in the engine's module (`playback::engine`), not in the
//! first load. Hence two boots:
//! - a first visit (nothing stored, no link) is [`first_visit`]: the first visit's example
//!   (the built-in examples are in the codec's binary form, `crate::examples`), an embed's
//!   example, the progress; drawn at once, its run precomputed;
//! - a visit with text to read ([`text_to_read`]) waits for the engine's module, fetched at
//!   once: [`State::booting`] draws only "Opening the lab…" (src/app.rs `Booting`), and when
//!   the module is here [`full`] (reached through `Engine::boot`, so its code is the module's)
//!   reads and validates everything as the page always did. Nothing is saved while booting, so
//!   a module that cannot be fetched loses nothing: the reload it offers reads the same text.
//!
//! Natively (the tests) the engine is always here: every boot is [`full`].

use std::rc::Rc;

use crate::state::{Action, Example, State};
use crate::storage;

/// The page's state at load: [`full`] when the engine is here, else a first visit's, or the
/// booting state that waits for it.
pub fn state() -> State {
    match crate::playback::engine::get() {
        Some(engine) => (engine.boot)(),
        None if text_to_read() => {
            let mut state = State::booting(examples());
            language(&mut state);
            state
        }
        None => first_visit(),
    }
}

/// True when the page has text to read at load: a stored lab (or its typed commands, or a lab a
/// link replaced), a link's lab or an exercise link in the fragment.
fn text_to_read() -> bool {
    let hash = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
    let fragment = hash.strip_prefix('#').unwrap_or_default();
    fragment.starts_with(crate::share::FRAGMENT_KEY) || fragment.starts_with(crate::share::EXERCISE_KEY) || storage::has_text()
}

/// The built-in examples, in teaching order.
pub fn examples() -> Vec<Example> {
    crate::examples::all().into_iter().map(|(stem, scenario)| Example { stem, scenario: Rc::new(scenario) }).collect()
}

/// A first visit: nothing stored, no link. The first visit's example (or an embed's), with
/// the progress kept in this browser and the language.
fn first_visit() -> State {
    let mut state = State::new(examples(), None);
    crate::progress::boot(&mut state.exercises, &state.edit.scenario);
    crate::components::share_boot_embed(&mut state);
    language(&mut state);
    state
}

/// Every boot, with the engine here: the stored lab (validated: one the engine refuses gives
/// way to the first visit's example, and the notice says why), its typed commands, the
/// progress and the exercise being done, an exercise link, a link's lab, the embed mode.
pub fn full() -> State {
    let (mut state, kept) = restored(examples(), storage::load());
    // The commands typed in that lab's terminal before the reload (not on the example that
    // replaced a lab that did not read or validate).
    if kept {
        state.play = crate::playback::Playback::restore(&state.edit.scenario, storage::load_typed());
    }
    // The exercise progress, and the exercise being done before the reload.
    crate::progress::boot(&mut state.exercises, &state.edit.scenario);
    // A teacher's exercise link (#exercise=…): the same checks as a file.
    if let Some(fragment) = crate::progress::take_exercise_link() {
        match crate::share::decode_exercise(&fragment) {
            Ok(text) => {
                let action = crate::exercises::ExerciseAction::Open { file: None, text };
                state = (*yew::Reducible::reduce(Rc::new(state), Action::Exercise(action))).clone();
            }
            Err(e) => state.exercises.error = Some(packet_engine::msg!("invalid-exercise-link-not-opened", error = e.msg())),
        }
    }
    // A link in the URL (#lab=…) and the embed mode (?embed=1).
    crate::components::share_boot(&mut state);
    language(&mut state);
    state
}

/// The state of `stored` (the autosaved lab and the stem of the example it started from),
/// validated: one the engine refuses (a newer version's rules, an edited store) gives way to
/// the first visit's example, and the notice says why. True when the stored lab is on screen.
fn restored(examples: Vec<Example>, stored: Option<(packet_engine::Scenario, Option<String>)>) -> (State, bool) {
    let stored = stored.map(|(scenario, stem)| {
        let origin = stem.and_then(|stem| examples.iter().position(|e| e.stem == stem));
        (scenario, origin)
    });
    let refused = match (&stored, crate::playback::engine::get()) {
        (Some((scenario, _)), Some(engine)) => (engine.validate)(scenario).err(),
        _ => None,
    };
    let stored = stored.filter(|_| refused.is_none());
    let kept = stored.is_some();
    let mut state = State::new(examples, stored);
    if let Some(e) = refused {
        state.edit.notice = Some(packet_engine::msg!("invalid-lab-cannot-load", error = e.with_path()));
    }
    (state, kept)
}

/// The language was fetched before the app was drawn (src/main.rs): if its files did not
/// arrive, the app opens in English and says so at the picker.
fn language(state: &mut State) {
    let lang = crate::i18n::at_boot();
    if crate::i18n::ready(lang) {
        state.lang = lang;
    } else {
        state.lang_failed = Some(lang);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::Action;
    use yew::Reducible;

    fn two_examples() -> Vec<Example> {
        examples().into_iter().take(2).collect()
    }

    /// A stored lab is validated at boot: one the engine refuses gives way to the first visit's
    /// example, and the notice says why; a valid one stays, and so does its run.
    #[test]
    fn a_stored_lab_the_engine_refuses_gives_way_to_the_first_visits_example() {
        let examples = two_examples();
        let good = (*examples[1].scenario).clone();
        let mut bad = good.clone();
        bad.devices[0].interfaces[0].address = Some("10.0.0.300/33".into());
        let (refused, kept) = restored(examples.clone(), Some((bad, None)));
        assert!(!kept, "its typed commands are not restored either");
        assert_eq!(refused.edit.scenario, examples[0].scenario, "the first visit's example instead");
        let notice = refused.edit.notice.as_ref().expect("the notice says why").to_string();
        assert!(notice.contains("devices[0].interfaces[0].address"), "{notice}");
        assert!(!restored(examples.clone(), None).1);
        let (kept, on_screen) = restored(examples.clone(), Some((good.clone(), Some(examples[1].stem.to_owned()))));
        assert!(on_screen);
        assert_eq!(kept.edit.scenario.as_ref(), &good);
        assert_eq!(kept.edit.origin, Some(1));
        assert!(kept.edit.notice.is_none() && kept.play.run().is_some());
    }

    /// A page booting waits for the engine's module: every action is ignored until it is here
    /// (then `Engine::boot`, [`full`], which reads the browser's storage and URL: the browser
    /// tests, engine-split.test.mjs).
    #[test]
    fn a_booting_page_ignores_actions_until_the_engine_is_here() {
        let waiting = Rc::new(State::booting(two_examples()));
        crate::playback::engine::hide(true);
        let mut still = waiting.clone();
        for action in [Action::LoadExample(1), Action::Started, Action::CodeLoaded, Action::Edit(crate::editor::EditAction::Undo)] {
            still = still.reduce(action);
        }
        crate::playback::engine::hide(false);
        assert!(Rc::ptr_eq(&still, &waiting), "nothing changed");
        assert!(waiting.reduce(Action::LoadExample(1)).booting, "only the engine's arrival boots");
    }
}
