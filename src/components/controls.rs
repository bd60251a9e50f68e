//! The playback controls: rewind, step back, play/pause, step forward, speed and the
//! one-event-per-click mode, with the simulated time at the playhead. Also the animation clock
//! ([`use_play_clock`]) and the keyboard shortcuts (← → step, Space play/pause).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo_events::{EventListener, EventListenerOptions};
use gloo_render::{request_animation_frame, AnimationFrame};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::i18n::use_tr;
use crate::tr;

use crate::playback::{format_span, format_time, PlayAction, Playback, FIT_CHOICES, SPEEDS, SPEED_COUNT};

/// Props of [`Controls`].
#[derive(Properties, PartialEq)]
pub struct ControlsProps {
    /// True while playing.
    pub playing: bool,
    /// One event per click of Play.
    pub per_click: bool,
    /// Index into `SPEEDS`.
    pub speed: usize,
    /// Events shown.
    pub shown: usize,
    /// Events in the run.
    pub total: usize,
    /// Simulated time at the playhead, formatted.
    pub time: AttrValue,
    /// True while an idle gap is played faster than real time.
    pub skipping: bool,
    /// "Whole run in about N s", when picked.
    #[prop_or_default]
    pub fit: Option<u32>,
    /// How much simulated time a second on screen shows at the playhead ("12 µs").
    #[prop_or_default]
    pub rate: Option<AttrValue>,
    /// False when there is no run (invalid scenario).
    pub enabled: bool,
    /// Every control dispatches a playback action.
    pub on_action: Callback<PlayAction>,
}

/// The control bar.
#[function_component(Controls)]
pub fn controls(props: &ControlsProps) -> Html {
    use_keyboard(props.on_action.clone());
    let act = |a: PlayAction| props.on_action.reform(move |_: MouseEvent| a.clone());
    let on_speed = props.on_action.reform(|e: Event| {
        let value = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
        match value.as_str() {
            "click" => PlayAction::SetPerClick(true),
            v if v.starts_with("fit") => PlayAction::FitRun(v[3..].parse().unwrap_or(FIT_CHOICES[0])),
            v => PlayAction::SetSpeed(v.parse().unwrap_or(crate::playback::DEFAULT_SPEED)),
        }
    });
    let per_click = props.per_click;
    let on_speed_any = {
        let on_action = props.on_action.clone();
        let on_speed = on_speed.clone();
        Callback::from(move |e: Event| {
            // Leaving the per-click mode by picking a speed turns the mode off first.
            if per_click {
                on_action.emit(PlayAction::SetPerClick(false));
            }
            on_speed.emit(e);
        })
    };
    let tr = use_tr();
    let play_label = if props.per_click {
        tr!(tr, "play-next")
    } else if props.playing {
        tr!(tr, "play-pause")
    } else {
        tr!(tr, "play-play")
    };
    let play_icon = if props.playing && !props.per_click { "M6 4h3v12H6z M11 4h3v12h-3z" } else { "M6 4l10 6-10 6z" };
    let disabled = !props.enabled;
    let speeds = (0..SPEED_COUNT).map(|i| {
        let selected = !props.per_click && props.fit.is_none() && props.speed == i;
        html! { <option value={i.to_string()} {selected}>{ speed_text(SPEEDS[i]) }</option> }
    });
    html! {
        <div class="controls" role="toolbar" aria-label={tr!(tr, "playback-label")}>
            <button type="button" class="ctl" data-testid="rewind" title={tr!(tr, "play-rewind")}
                aria-label={tr!(tr, "play-rewind")} {disabled} onclick={act(PlayAction::Rewind)}>{ icon("M5 4v12 M16 4 8 10l8 6z") }</button>
            <button type="button" class="ctl" data-testid="step-back" title={tr!(tr, "play-step-back-title")}
                aria-label={tr!(tr, "play-step-back")} aria-keyshortcuts="ArrowLeft" {disabled}
                onclick={act(PlayAction::StepBack)}>{ icon("M14 4 6 10l8 6z M16 4v12") }</button>
            <button type="button" class="ctl ctl-play" data-testid="play" title={tr!(tr, "play-toggle-title", action = play_label.clone())}
                aria-label={play_label.clone()} aria-keyshortcuts="Space" {disabled}
                onclick={act(PlayAction::TogglePlay)}>
                { icon(play_icon) }<span>{ play_label }</span>
            </button>
            <button type="button" class="ctl" data-testid="step" title={tr!(tr, "play-step-title")}
                aria-label={tr!(tr, "play-next")} aria-keyshortcuts="ArrowRight" {disabled}
                onclick={act(PlayAction::StepForward)}>{ icon("M6 4l8 6-8 6z M4 4v12") }</button>
            <label class="speed">
                <span class="ctl-label">{ tr!(tr, "play-speed") }</span>
                <select data-testid="speed" onchange={on_speed_any} {disabled}>
                    { for speeds }
                    { for FIT_CHOICES.iter().map(|&n| html! {
                        <option value={format!("fit{n}")} selected={!props.per_click && props.fit == Some(n)}>
                            { tr!(tr, "play-fit", seconds = n) }
                        </option>
                    }) }
                    <option value="click" selected={props.per_click}>{ tr!(tr, "play-per-click") }</option>
                </select>
            </label>
            <div class="clock" aria-live="off">
                <span class="clock-time" data-testid="sim-time">{ props.time.clone() }</span>
                <span class="clock-events" data-testid="event-count">
                    { tr!(tr, "play-event-count", shown = props.shown, total = props.total) }
                </span>
                <span class="clock-rate" data-testid="clock-rate"
                    title={tr!(tr, "play-rate-title")}>
                    if props.skipping && props.playing {
                        { tr!(tr, "play-idle") }
                    } else if let Some(rate) = &props.rate {
                        { tr!(tr, "play-rate", rate = rate.to_string()) }
                    }
                </span>
            </div>
        </div>
    }
}

/// The control bar for `play` (the shell's and the embed's).
pub fn controls_of(play: &Playback, on_action: Callback<PlayAction>) -> Html {
    let total = play.run().map_or(0, |r| r.len());
    let rate = play.real_per_wall_second().map(|ns| AttrValue::from(format_span(ns)));
    html! {
        <Controls playing={play.playing} per_click={play.per_click} speed={play.speed} fit={play.fit}
            shown={play.shown()} {total} time={AttrValue::from(format_time(play.sim_now()))}
            skipping={play.skipping_idle()} {rate} enabled={play.run().is_some()} {on_action} />
    }
}

/// A 20×20 control icon from one SVG path (filled and stroked in the text colour).
fn icon(d: &'static str) -> Html {
    html! {
        <svg class="ctl-icon" viewBox="0 0 20 20" width="16" height="16" aria-hidden="true">
            <path {d} />
        </svg>
    }
}

/// "0.05×", "1×".
fn speed_text(s: f64) -> String {
    format!("{s}×")
}

/// Drives playback from `requestAnimationFrame` while `playing`: each frame dispatches
/// [`PlayAction::Tick`] with the wall milliseconds since the previous one (capped, so a
/// background tab does not jump ahead). The model never reads a clock; this hook is the only
/// place wall time enters.
///
/// The loop re-arms itself from each frame rather than from the next render: a tick that
/// changes nothing (the reducer hands back the same state, so nothing re-renders) must not
/// stop the clock. Pausing or unmounting drops the pending frame (cancelled) and the loop's
/// `alive` flag keeps a tick already running from scheduling another.
#[hook]
pub fn use_play_clock(playing: bool, on_action: Callback<PlayAction>) {
    use_effect_with(playing, move |&playing| {
        let alive = Rc::new(Cell::new(playing));
        let pending: Rc<RefCell<Option<AnimationFrame>>> = Rc::default();
        if playing {
            schedule_tick(alive.clone(), pending.clone(), None, on_action);
        }
        move || {
            alive.set(false);
            pending.borrow_mut().take();
        }
    });
}

/// Drives a long run ([`crate::playback::PendingRun`]): while `work` (the work done so far)
/// is `Some`, the next animation frame dispatches [`PlayAction::Continue`], one piece of the
/// run. The piece changes `work`, which arms the next frame; so the page paints the run's
/// progress and answers clicks (Cancel) between pieces.
///
/// A frame is never cancelled: a new lab, a cancel or the run's end only clears its `alive`
/// flag, and the frame, which owns itself until it fires, then does nothing. (Cancelling
/// relies on the frame id, which a fake test clock hands out above `i32`, so a cancelled
/// frame could still fire into its dropped closure.)
#[hook]
pub fn use_run_driver(work: Option<u64>, on_action: Callback<PlayAction>) {
    use_effect_with(work, move |work| {
        let alive = Rc::new(Cell::new(true));
        if work.is_some() {
            let slot: Rc<RefCell<Option<AnimationFrame>>> = Rc::default();
            let (armed, own) = (alive.clone(), slot.clone());
            let frame = request_animation_frame(move |_| {
                // Released once it has fired (the frame owned itself until now).
                drop(own.borrow_mut().take());
                if armed.get() {
                    on_action.emit(PlayAction::Continue);
                }
            });
            *slot.borrow_mut() = Some(frame);
        }
        move || alive.set(false)
    });
}

/// Requests the next animation frame of [`use_play_clock`]'s loop.
fn schedule_tick(
    alive: Rc<Cell<bool>>,
    pending: Rc<RefCell<Option<AnimationFrame>>>,
    last: Option<f64>,
    on_action: Callback<PlayAction>,
) {
    let slot = pending.clone();
    let frame = request_animation_frame(move |now| {
        if !alive.get() {
            return;
        }
        let elapsed = last.map_or(16.0, |p| (now - p).clamp(0.0, 100.0));
        on_action.emit(PlayAction::Tick(elapsed));
        // The tick may have paused playback (end of the run, a predict question): then the
        // effect's cleanup has already cleared `alive`.
        if alive.get() {
            schedule_tick(alive, pending, Some(now), on_action);
        }
    });
    *slot.borrow_mut() = Some(frame);
}

/// ← and → step, Space plays or pauses, unless the focus is in a field (where they edit
/// text); Space on a button presses that button instead.
#[hook]
fn use_keyboard(on_action: Callback<PlayAction>) {
    use_effect_with((), move |_| {
        let document = gloo_utils::document();
        // Not passive: the handler calls preventDefault (Space would scroll the page).
        let options = EventListenerOptions::enable_prevent_default();
        let listener = EventListener::new_with_options(&document, "keydown", options, move |e| {
            let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else { return };
            if e.ctrl_key() || e.meta_key() || e.alt_key() || e.default_prevented() {
                return;
            }
            let target = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
            let tag = target.as_ref().map(|el| el.tag_name()).unwrap_or_default();
            if matches!(tag.as_str(), "INPUT" | "SELECT" | "TEXTAREA") {
                return;
            }
            let on_button = tag == "BUTTON"
                || target.as_ref().is_some_and(|el| el.closest("[role=button]").ok().flatten().is_some());
            let action = match e.key().as_str() {
                "ArrowRight" => PlayAction::StepForward,
                "ArrowLeft" => PlayAction::StepBack,
                " " if !on_button => PlayAction::TogglePlay,
                _ => return,
            };
            e.prevent_default();
            on_action.emit(action);
        });
        move || drop(listener)
    });
}

/// True when the visitor asked the system for less motion (`prefers-reduced-motion: reduce`):
/// frames then sit still on their links instead of travelling.
#[hook]
pub fn use_reduced_motion() -> bool {
    *use_memo((), |_| {
        gloo_utils::window()
            .match_media("(prefers-reduced-motion: reduce)")
            .ok()
            .flatten()
            .is_some_and(|m| m.matches())
    })
}
