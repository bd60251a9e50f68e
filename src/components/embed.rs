//! The embed mode (`?embed=1`, for iframes in slides and web pages): the canvas filling the
//! frame and compact playback controls, no editing chrome. Also what both layouts share for
//! presenting and accessibility: the presenter keys ([`use_present_keys`]: Home, + / −, F) and
//! the aria-live [`Narration`] of the current event.
//!
//! ← → and Space stay with the playback controls' own keyboard hook (`controls.rs`); the
//! keys here only add to them.

use std::rc::Rc;

use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::app::LabContext;
use crate::components::{controls_of, sprites, use_play_clock, use_reduced_motion, use_run_driver, Canvas, Packets};

use crate::editor::EditAction;
use crate::i18n::use_tr;
use crate::tr;
use crate::playback::{PlayAction, Playback, SPEED_COUNT};
use crate::state::Action;

use super::share_dialog::LinkError;

/// The lab as an embed: canvas, compact controls, the current event's sentence.
#[function_component(EmbedShell)]
pub fn embed_shell() -> Html {
    let tr = use_tr();
    let lab = use_context::<LabContext>().expect("EmbedShell is only rendered inside App's provider");
    {
        let dispatcher = lab.dispatcher();
        use_effect_with((), move |_| dispatcher.dispatch(Action::Started));
    }
    let on_play = {
        let dispatcher = lab.dispatcher();
        Callback::from(move |a: PlayAction| dispatcher.dispatch(Action::Play(a)))
    };
    // Only the view may change in an embed: zoom and pan, never the lab.
    let on_edit = {
        let dispatcher = lab.dispatcher();
        Callback::from(move |a: EditAction| {
            if matches!(a, EditAction::Wheel(..) | EditAction::Zoom(_) | EditAction::FitView | EditAction::Pinch { .. }) {
                dispatcher.dispatch(Action::Edit(a));
            }
        })
    };
    use_play_clock(lab.play.playing, on_play.clone());
    // A long run: in the engine's worker, or here in pieces where there is none (issue 19).
    use_run_driver(lab.play.pending().and_then(|p| p.stepped_here()), on_play.clone());
    crate::worker::use_engine_worker(lab.play.pending().and_then(|p| p.worker_job()), on_play.clone());
    use_present_keys(lab.play.speed, on_play.clone());
    // The engine is a split module, fetched at once after the first paint (playback::engine).
    let code_loaded = use_callback(lab.dispatcher(), |(), d| d.dispatch(Action::CodeLoaded));
    let engine_failed = crate::split::use_split_fn(&crate::playback::engine::ENGINE, true, code_loaded);
    let reduced_motion = use_reduced_motion();
    let edit = &lab.edit;
    let diagram = crate::app::use_diagram(&edit.scenario);
    let story_index = super::use_story_index(lab.play.run().cloned(), lab.story.open || !lab.story.noise.is_empty());
    let (mut frames, marks) = sprites(&lab.play, &diagram, reduced_motion);
    let noise = lab.story.noise;
    if let Some(index) = story_index.as_ref().filter(|_| !noise.is_empty()) {
        frames = frames.iter().filter(|f| !index.0.hidden(f.key, noise)).cloned().collect();
    }
    let play = &lab.play;
    // A built-in example is named in the interface language.
    let name = super::side_panel::lab_title(&tr, &lab.examples, &edit.scenario.name);
    // A speaker's slide may open on the sequence diagram (`&view=diagram`, or a link's story).
    let on_story = use_callback(lab.dispatcher(), |a: crate::story::StoryAction, d| d.dispatch(Action::Story(a)));
    let on_story_play = use_callback(lab.dispatcher(), |a: PlayAction, d| d.dispatch(Action::Play(a)));
    let story_panel = match (lab.story.open, play.run(), &story_index) {
        (true, Some(run), Some(index)) => super::lazy_story_panel(yew::props!(super::StoryPanelProps {
            run: run.clone(),
            index: index.clone(),
            shown: play.shown(),
            story: lab.story.clone(),
            title: AttrValue::from(name.clone()),
            on_story,
            on_play: on_story_play,
        })),
        _ => Html::default(),
    };
    let narration = super::story::narrate_in(&tr, story_index.as_ref(), play.shown(), sentence(&tr, play));
    html! {
        <div class={classes!("app", "embed", presenter_class(lab.share.scale))} style={presenter_style(lab.share.scale)}
            data-ready={lab.started.to_string()} data-testid="embed">
            <main class={classes!("embed-stage", lab.story.open.then_some("with-story"))} aria-label={tr!(tr, "embed-label", name = name.clone())}>
                <Canvas scenario={edit.scenario.clone()} diagram={diagram.clone()} view={edit.view}
                    selected={Rc::<[usize]>::from([])} selected_links={Rc::<[usize]>::from([])}
                    mode={edit.mode} link_from={None::<usize>} gesture={edit.gesture.clone()}
                    label_factor={f64::from(lab.share.scale) / 100.0}
                    stp={crate::components::stp_badges(play.tables())}
                    {on_edit} overlay={html! { <Packets {frames} {marks} /> }}>
                    <LinkError />
                    if let Some(text) = play.storm_notice() {
                        <div class="storm-notice" data-testid="storm-notice"><p>{ tr.msg(&text) }</p></div>
                    }
                </Canvas>
                { story_panel }
            </main>
            <div class="embed-bar">
                { controls_of(play, on_play.clone()) }
                <p class="embed-caption" aria-hidden="true">{ sentence(&tr, play).unwrap_or_default() }</p>
                if let Some(pending) = play.pending().filter(|p| p.place == crate::playback::Place::Engine) {
                    { crate::app::run_progress(&tr, pending, engine_failed, on_play) }
                }
            </div>
            <Narration playing={play.playing} text={narration.map(AttrValue::from)} />
        </div>
    }
}

/// The current event's sentence (the engine's `explain_msg`), in the interface language.
pub fn sentence(tr: &crate::i18n::Tr, play: &Playback) -> Option<String> {
    let run = play.run()?;
    let index = play.current()?;
    run.explain(index).map(|m| tr.msg(&m))
}

/// The CSS class of a presenter scale above 100 %.
pub fn presenter_class(scale: u16) -> Option<&'static str> {
    (scale > 100).then_some("presenter")
}

/// The `--presenter` factor the presenter CSS multiplies label and packet sizes by.
pub fn presenter_style(scale: u16) -> String {
    format!("--presenter: {}", f64::from(scale) / 100.0)
}

/// Props of [`Narration`].
#[derive(Properties, PartialEq)]
pub struct NarrationProps {
    /// True while playing: then nothing is announced (a sentence per frame would drown a
    /// screen reader); each step and pause announces the current event.
    pub playing: bool,
    /// The current event's sentence.
    pub text: Option<AttrValue>,
}

/// A visually hidden aria-live region that screen readers read out after each step.
#[function_component(Narration)]
pub fn narration(props: &NarrationProps) -> Html {
    let text = if props.playing { None } else { props.text.clone() };
    html! {
        <div class="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="narration">
            { text.unwrap_or_default() }
        </div>
    }
}

/// The presenter keys, on the whole page: Home back to the start, + / − faster / slower, F
/// full screen (on and off). Ignored while typing in a field or with a modifier held.
#[hook]
pub fn use_present_keys(speed: usize, on_action: Callback<PlayAction>) {
    use_effect_with(speed, move |&speed| {
        let document = gloo_utils::document();
        let options = EventListenerOptions::enable_prevent_default();
        let listener = EventListener::new_with_options(&document, "keydown", options, move |e| {
            let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else { return };
            if e.ctrl_key() || e.meta_key() || e.alt_key() || e.default_prevented() {
                return;
            }
            let tag = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).map(|el| el.tag_name()).unwrap_or_default();
            if matches!(tag.as_str(), "INPUT" | "SELECT" | "TEXTAREA") {
                return;
            }
            let action = match e.key().as_str() {
                "Home" => PlayAction::Rewind,
                "+" | "=" => PlayAction::SetSpeed((speed + 1).min(SPEED_COUNT - 1)),
                "-" | "−" | "_" => PlayAction::SetSpeed(speed.saturating_sub(1)),
                "f" | "F" => {
                    e.prevent_default();
                    toggle_full_screen();
                    return;
                }
                _ => return,
            };
            e.prevent_default();
            on_action.emit(action);
        });
        move || drop(listener)
    });
}

/// Full screen for the whole page (in an iframe, the frame needs `allow="fullscreen"`).
fn toggle_full_screen() {
    let document = gloo_utils::document();
    if document.fullscreen_element().is_some() {
        document.exit_fullscreen();
    } else if let Some(root) = document.document_element() {
        // Refused outside a user gesture or without permission: then nothing happens.
        let _ = root.request_fullscreen();
    }
}
