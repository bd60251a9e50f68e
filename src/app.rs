//! The root component: owns the one reducer, provides it to the tree through a context
//! (as in yew's `contexts` example), and lays out the shell.

use std::rc::Rc;

use yew::prelude::*;

use packet_engine::scenario::DeviceKind;

use crate::components::{
    Palette, Toolbar, ZoomControls,
    controls_of, cut_marks, sprites, use_play_clock, use_reduced_motion, use_run_driver, Canvas, CommandForm, EventList, Header, Packets,
    SidePanel, StatusBar, Tables, Terminal, Timeline, LanguagePicker,
};
use crate::components::{lazy_inspector, InspectorProps};
use crate::components::{lazy_story_panel, narrate_in, use_story_index, StoryPanelProps};
use crate::story::StoryAction;
use crate::components::{lazy_exercise_panel, lazy_predict_card, CourseList, ExercisePanelProps, PredictCardProps, PredictToggle};
use crate::exercises::LockContext;
use crate::components::{
    presenter_class, presenter_style, sentence, use_present_keys, EmbedShell, LinkError, LinkPrompt, Narration,
    ShareButton,
};
use crate::components::{
    lazy_frame_diff, lazy_original_canvas, lazy_original_events, lazy_what_if_bar, FrameDiffProps, OriginalCanvasProps,
    OriginalEventsProps, WhatIfBarProps, WhatIfButton,
};
use crate::playback::PlayAction;
use crate::diagram::{engine_version, Diagram};
use crate::editor::EditAction;
use crate::state::{Action, State};
use crate::storage;

/// The reducer handle every component below [`App`] can reach with `use_context`.
pub type LabContext = UseReducerHandle<State>;

/// The whole app: the state and its context provider.
#[function_component(App)]
pub fn app() -> Html {
    let lab = use_reducer(crate::boot::state);
    let (booting, embed) = (lab.booting, lab.share.embed.is_some());
    // A language the user picked is saved (and a link's `lang=` rewritten) once it is on
    // screen, so a failed or overtaken fetch leaves no trace but the picker's message.
    use_effect_with((lab.lang, lab.lang_picked), |&(tag, picked)| {
        if picked {
            storage::save_lang(tag);
            crate::i18n::follow_pick_in_url(tag);
        }
    });
    let tr = crate::i18n::tr(lab.lang);
    // `<html lang>` names the language on screen (the previous one while a picked one is on
    // its way).
    use_effect_with(tr.tag(), |tag| crate::i18n::mark_document(tag));
    html! {
        <ContextProvider<Rc<crate::i18n::Tr>> context={tr}>
        <ContextProvider<LabContext> context={lab}>
            if booting { <Booting /> } else if embed { <EmbedShell /> } else { <Shell /> }
        </ContextProvider<LabContext>>
        </ContextProvider<Rc<crate::i18n::Tr>>>
    }
}

/// The page while it waits for the engine's module to read the lab it opens with (a stored
/// lab, a link: src/boot.rs): a line saying so, or, when the module cannot be fetched, the
/// message with its reload (nothing was saved meanwhile, so the reload reads the same lab).
#[function_component(Booting)]
fn booting() -> Html {
    let tr = crate::i18n::use_tr();
    let lab = use_context::<LabContext>().expect("Booting is only rendered inside App's provider");
    let code_loaded = use_callback(lab.dispatcher(), |(), d| d.dispatch(Action::CodeLoaded));
    let failed = crate::split::use_split_fn(&crate::playback::engine::ENGINE, true, code_loaded);
    html! {
        <div class="booting" data-testid="booting">
            if failed {
                <crate::split::SplitFailed />
            } else {
                <p class="run-progress" role="status">{ crate::tr!(tr, "booting") }</p>
            }
        </div>
    }
}

/// What picking a language does: a language whose catalogue is here is shown at once; another
/// is fetched first (src/i18n/mod.rs `load`), the interface staying as it is meanwhile, and
/// shown when it has arrived (the reducer keeps only the latest pick).
fn on_pick_language(dispatcher: yew::UseReducerDispatcher<State>) -> Callback<String> {
    Callback::from(move |tag: String| {
        let Some(tag) = crate::i18n::known(&tag) else { return };
        dispatcher.dispatch(Action::PickLanguage(tag.to_owned()));
        let dispatcher = dispatcher.clone();
        // Calls back at once when the language is here (then a no-op: nothing is pending).
        crate::i18n::load(tag, move |arrived| dispatcher.dispatch(Action::LanguageLoaded(tag, arrived)));
    })
}

/// The shell: header, canvas, side panel and status bar. Reads the state from the context and
/// hands its parts plain values and `Callback`s, never the state handle itself.
#[function_component(Shell)]
fn shell() -> Html {
    let tr = crate::i18n::use_tr();
    let lab = use_context::<LabContext>().expect("Shell is only rendered inside App's provider");
    {
        // Runs once the first render is in the DOM: from here on the app is live.
        let dispatcher = lab.dispatcher();
        use_effect_with((), move |_| dispatcher.dispatch(Action::Started));
    }
    let on_edit = {
        let dispatcher = lab.dispatcher();
        Callback::from(move |a: EditAction| dispatcher.dispatch(Action::Edit(a)))
    };
    {
        // Autosave after every change of the lab (and of the example it came from).
        let example = lab.edit.origin.and_then(|i| lab.examples.get(i)).map(|e| e.stem);
        // A lab waiting for the answer to a link's question is saved as it is, unchanged.
        use_effect_with((lab.edit.scenario.clone(), example), |(scenario, example)| {
            storage::save(scenario.clone(), *example);
        });
    }
    use_effect_with(lab.play.typed().clone(), |typed| storage::save_typed(typed));
    use_edit_keys(on_edit.clone());
    let on_load = {
        let dispatcher = lab.dispatcher();
        Callback::from(move |index| dispatcher.dispatch(Action::LoadExample(index)))
    };
    // Made once per lab, not per animation frame: the canvas's props stay equal while playing,
    // so the devices and links are not re-rendered 60 times a second.
    let diagram = use_diagram(&lab.edit.scenario);
    let diagram = Some(diagram);
    let on_play = {
        let dispatcher = lab.dispatcher();
        Callback::from(move |a: PlayAction| dispatcher.dispatch(Action::Play(a)))
    };
    // The what-if's comparison is code in a split module, fetched when a what-if starts (while
    // the variant is edited, so it is here by "Run to compare").
    let code_loaded = use_callback(lab.dispatcher(), |(), d| d.dispatch(Action::CodeLoaded));
    let compare_failed = crate::split::use_split_fn(&crate::whatif::COMPARE, lab.whatif.active(), code_loaded);
    use_play_clock(lab.play.playing, on_play.clone());
    // A long run: in the engine's worker, or here in pieces where there is none (issue 19).
    use_run_driver(lab.play.pending().and_then(|p| p.stepped_here()), on_play.clone());
    crate::worker::use_engine_worker(lab.play.pending().and_then(|p| p.worker_job()), on_play.clone());
    use_exercise_storage(&lab);
    use_present_keys(lab.play.speed, on_play.clone());
    let reduced_motion = use_reduced_motion();
    // The story views' index of the run: only computed while the diagram is open or a noise
    // filter is on.
    let story_index = use_story_index(lab.play.run().cloned(), lab.story.open || !lab.story.noise.is_empty());
    let noise = lab.story.noise;
    // The frames in flight get their own <svg> over the canvas's, with the same viewBox: on
    // its own compositing layer, a frame's move repaints only the frames (see docs/playback.md).
    let packets_layer = diagram.as_deref().map(|d| {
        let (mut frames, marks) = sprites(&lab.play, d, reduced_motion);
        // The noise filters hide frames from the animation as from the diagram.
        if let Some(index) = story_index.as_ref().filter(|_| !noise.is_empty()) {
            frames = frames.iter().filter(|f| !index.0.hidden(f.key, noise)).cloned().collect();
        }
        html! {
            <svg class="packets-layer" viewBox={lab.edit.view.to_attr()} preserveAspectRatio="xMidYMid meet"
                aria-hidden="true" data-testid="packets-layer">
                { cut_marks(&crate::diagram::cable_cuts(&lab.edit.scenario, d, lab.play.tables())) }
                <Packets {frames} {marks} on_pick={on_play.reform(PlayAction::Jump)} />
            </svg>
        }
    });
    let edit = &lab.edit;
    let selected: Rc<[usize]> = edit.selected.as_slice().into();
    // The selected device's DHCP leases at the playhead, for its panel (a small map, compared
    // by value on each render).
    let leases = match &*selected {
        [d] => edit.scenario.devices.get(*d).and_then(|dev| lab.play.tables().dhcp_client_leases.get(&dev.id)).cloned().map(Rc::new),
        _ => None,
    };
    let selected_links: Rc<[usize]> = edit.selected_links.as_slice().into();
    // The first visit's hint: an example as shipped, not yet played.
    // The exercise's locks, for the lock icons of the device panel.
    let locks = LockContext(lab.exercises.session.as_ref().map(|s| Rc::new(s.locks(edit.scenario.clone()))));
    // "As shipped": the lab equals its example (loading one from the menu counts too, though
    // it can be undone); checked last, as the cheap conditions fail on most renders.
    let show_hint = !lab.play.playing
        && lab.play.clock() == 0.0
        && edit.origin.and_then(|i| lab.examples.get(i)).is_some_and(|e| e.scenario == edit.scenario);
    // The first visit's story (issue 13): its one prominent action opens the diagram and plays.
    let visit = show_hint && edit.origin.and_then(|i| lab.examples.get(i)).is_some_and(|e| e.stem == crate::story::FIRST_VISIT);
    let on_visit = {
        let dispatcher = lab.dispatcher();
        Callback::from(move |_: MouseEvent| {
            dispatcher.dispatch(Action::Story(StoryAction::Open(true)));
            dispatcher.dispatch(Action::Play(PlayAction::TogglePlay));
        })
    };
    // Callbacks made once, so the panel's props stay equal between animation frames.
    let on_story = use_callback(lab.dispatcher(), |a: StoryAction, d| d.dispatch(Action::Story(a)));
    let on_story_play = use_callback(lab.dispatcher(), |a: PlayAction, d| d.dispatch(Action::Play(a)));
    let story_panel = match (lab.story.open, lab.play.run(), &story_index) {
        (true, Some(run), Some(index)) => lazy_story_panel(yew::props!(StoryPanelProps {
            run: run.clone(),
            index: index.clone(),
            shown: lab.play.shown(),
            story: lab.story.clone(),
            title: AttrValue::from(crate::components::lab_title(&tr, &lab.examples, &edit.scenario.name)),
            on_story,
            on_play: on_story_play,
        })),
        _ => Html::default(),
    };
    let narration = narrate_in(&tr, story_index.as_ref(), lab.play.shown(), sentence(&tr, &lab.play));
    // The what-if (issue 18): its bar over the canvases, and the original's canvas while comparing.
    let whatif = &lab.whatif;
    let on_whatif = to_action(&lab, Action::WhatIf);
    let divergence = whatif.compared.as_ref().and_then(|c| c.comparison.divergence.clone());
    let whatif_bar = whatif.active().then(|| {
        lazy_what_if_bar(yew::props!(WhatIfBarProps {
            comparing: whatif.comparing,
            sentence: whatif.sentence().map(|s| AttrValue::from(tr.msg(s))),
            diverges: divergence.is_some(),
            error: lab.play.error.as_deref().map(|e| AttrValue::from(tr.msg(e))),
            on_action: on_whatif.clone(),
        }))
    });
    let original_canvas = whatif.original.as_ref().filter(|_| whatif.comparing).map(|original| {
        let diverged = divergence.as_ref().is_some_and(|d| d.original.is_some() && d.original == original.play.current());
        lazy_original_canvas(yew::props!(OriginalCanvasProps {
            original: original.clone(),
            view: edit.view,
            label_factor: f64::from(lab.share.scale) / 100.0,
            reduced_motion,
            diverged,
        }))
    });

    html! {
        <div class={classes!("app", presenter_class(lab.share.scale))} style={presenter_style(lab.share.scale)}
            data-ready={lab.started.to_string()}>
            <Header>
                <Toolbar examples={lab.examples.clone()} scenario={edit.scenario.clone()}
                    can_undo={edit.history.can_undo()} can_redo={edit.history.can_redo()}
                    has_selection={!edit.selected.is_empty() || !edit.selected_links.is_empty()}
                    mode={edit.mode} on_edit={on_edit.clone()} on_load={on_load.clone()} />
                <ShareButton />
                <LanguagePicker current={lab.lang} pending={lab.lang_pending} failed={lab.lang_failed}
                    on_pick={on_pick_language(lab.dispatcher())}
                    on_dismiss={{
                        let dispatcher = lab.dispatcher();
                        Callback::from(move |()| dispatcher.dispatch(Action::DismissLanguageFailed))
                    }} />
            </Header>
            <main class={classes!("workspace", lab.inspect.open.then_some("inspecting"),
                (!edit.selected.is_empty() || !edit.selected_links.is_empty()).then_some("has-selection"))}>
                <div class={classes!("stage", lab.story.open.then_some("with-story"),
                    whatif.active().then_some("whatif"), whatif.comparing.then_some("comparing"))}>
                    { whatif_bar.unwrap_or_default() }
                    if compare_failed && whatif.comparing {
                        <crate::split::SplitFailed />
                    }
                    { original_canvas.unwrap_or_default() }
                    <Canvas scenario={edit.scenario.clone()} diagram={diagram.clone().expect("the lab is always drawn")}
                        view={edit.view} selected={selected.clone()} selected_links={selected_links.clone()}
                        mode={edit.mode} link_from={edit.link_from} gesture={edit.gesture.clone()}
                        label_factor={f64::from(lab.share.scale) / 100.0} on_edit={on_edit.clone()}
                        stp={crate::components::stp_badges(lab.play.tables())}>
                        { packets_layer.unwrap_or_default() }
                        // Comparing is for looking: "Change the variant" brings the palette back.
                        if !whatif.comparing {
                            <Palette on_place={on_edit.reform(|kind| EditAction::Place(kind, None))} />
                        }
                        <ZoomControls on_edit={on_edit.clone()} />
                        if visit {
                            <button type="button" class="visit-action" data-testid="visit" onclick={on_visit}>
                                { crate::tr!(tr, "visit-example") }
                            </button>
                        } else if show_hint {
                            <p class="canvas-hint" data-testid="hint">
                                { crate::tr!(tr, "hint-press") }<strong>{ crate::tr!(tr, "hint-play") }</strong>{ crate::tr!(tr, "hint-rest") }
                            </p>
                        }
                        if whatif.comparing {
                            <p class="compare-label">{ crate::tr!(tr, "whatif-col-variant") }</p>
                        }
                        <LinkError />
                        if let Some(notice) = &edit.notice {
                            <div class="notice" role="alert" data-testid="notice">
                                <p>{ tr.msg(notice) }</p>
                                <button type="button" class="link-button" data-testid="dismiss-notice"
                                    onclick={on_edit.reform(|_: MouseEvent| EditAction::DismissNotice)}>{ crate::tr!(tr, "dismiss") }</button>
                            </div>
                        }
                    </Canvas>
                    { story_panel }
                    if let Some(text) = lab.play.storm_notice() {
                        <div class="storm-notice" data-testid="storm-notice"><p>{ tr.msg(&text) }</p></div>
                    }
                    <PlaybackDock />
                </div>
                if lab.inspect.open {
                    <InspectorDock />
                } else {
                <div class="side-column">
                <ExerciseDock />
                <ContextProvider<LockContext> context={locks}>
                <SidePanel
                    examples={lab.examples.clone()}
                    current={edit.origin}
                    {on_load}
                    scenario={edit.scenario.clone()}
                    {selected}
                    {selected_links}
                    errors={Rc::new(edit.errors.clone())}
                    on_edit={on_edit.clone()}
                    {leases}
                />
                </ContextProvider<LockContext>>
                </div>
                }
            </main>
            <StatusBar
                started={lab.started}
                engine_version={AttrValue::Static(engine_version())}
                {diagram}
            />
            <LinkPrompt />
            <Narration playing={lab.play.playing} text={narration.map(AttrValue::from)} />
        </div>
    }
}

/// The playback dock under the canvas: controls and scrubber, then the event list, the live
/// tables and the terminal with its command form. Reads the state from the context and hands
/// each pane plain values and one `Callback<PlayAction>`.
#[function_component(PlaybackDock)]
fn playback_dock() -> Html {
    let tr = crate::i18n::use_tr();
    let lab = use_context::<LabContext>().expect("PlaybackDock is only rendered inside App's provider");
    let on_action = {
        let dispatcher = lab.dispatcher();
        Callback::from(move |a: PlayAction| dispatcher.dispatch(Action::Play(a)))
    };
    // Predict mode's questions are code in a split module, fetched when the mode is turned on.
    let code_loaded = use_callback(lab.dispatcher(), |(), d| d.dispatch(Action::CodeLoaded));
    let questions_failed = crate::split::use_split_fn(&crate::predict::QUESTIONS, lab.predict.on, code_loaded.clone());
    // The engine is a split module too, fetched at once after the first paint (playback::engine).
    let engine_failed = crate::split::use_split_fn(&crate::playback::engine::ENGINE, true, code_loaded);
    let play = &lab.play;
    let scenario = &lab.edit.scenario;
    // Made once per lab (see `use_diagram`), so the panes' props stay equal between frames.
    let diagram = use_diagram(scenario);
    let lists = use_memo(ByPtr(diagram.clone()), |_| {
        let devices: Rc<[(AttrValue, DeviceKind)]> =
            scenario.devices.iter().map(|d| (AttrValue::from(d.id.clone()), d.kind)).collect();
        let names: Rc<[AttrValue]> = devices.iter().map(|(n, _)| n.clone()).collect();
        let ip_devices: Rc<[AttrValue]> = devices.iter().filter(|(_, k)| k.has_ip()).map(|(n, _)| n.clone()).collect();
        (devices, names, ip_devices)
    });
    let (devices, names, ip_devices) = (*lists).clone();
    // The form starts on the selected device when it can run commands, and suggests the
    // address of another device as the destination.
    let selected = lab.edit.selected.first().and_then(|&i| scenario.devices.get(i)).filter(|d| d.kind.has_ip());
    let from: Option<AttrValue> =
        selected.map(|d| AttrValue::from(d.id.clone())).or_else(|| ip_devices.first().cloned());
    let target = scenario
        .devices
        .iter()
        .filter(|d| d.kind.has_ip() && from.as_deref() != Some(d.id.as_str()))
        .flat_map(|d| d.interfaces.iter())
        .find_map(|i| i.address.as_deref())
        .map(|a| a.split(['/', ' ']).next().unwrap_or(a).to_string())
        .unwrap_or_default();
    let run = play.run().cloned();
    let comparing = lab.whatif.comparing;
    let divergence = lab.whatif.compared.as_ref().and_then(|c| c.comparison.divergence.clone());
    html! {
        <section class="dock" aria-label={crate::tr!(tr, "playback-label")} data-testid="dock">
            <div class="dock-bar">
                { controls_of(play, on_action.clone()) }
                <Timeline run={run.clone()} shown={play.shown()} on_action={on_action.clone()} />
                <PredictToggle on={lab.predict.on} right={lab.predict.right} asked={lab.predict.asked}
                    enabled={run.is_some()} on_action={to_action(&lab, Action::Predict)} />
                <button type="button" class={classes!("tool", "story-toggle", lab.story.open.then_some("on"))}
                    data-testid="story-toggle" aria-pressed={lab.story.open.to_string()} disabled={run.is_none() || lab.whatif.comparing}
                    onclick={to_action(&lab, Action::Story).reform({
                        let open = lab.story.open;
                        move |_: MouseEvent| StoryAction::Open(!open)
                    })}>
                    { crate::tr!(tr, "story-toggle") }
                    // The noise filters still hide frames from the animation with the panel shut.
                    if !lab.story.open && !lab.story.noise.is_empty() {
                        <span class="story-toggle-note">{ crate::tr!(tr, "story-filters-on") }</span>
                    }
                </button>
                if !lab.whatif.active() {
                    <WhatIfButton enabled={run.is_some()} on_action={to_action(&lab, Action::WhatIf)} />
                }
            </div>
            if let Some(pending) = play.pending() {
                { run_progress(&tr, pending, engine_failed, on_action.clone()) }
            } else if !lab.deferred.is_empty() {
                // Lab edits held until the engine's module (which holds them) is here.
                { engine_status(&tr, engine_failed) }
            }
            if let Some(error) = play.error.as_ref().filter(|_| play.cancelled) {
                <p class="dock-error run-cancelled" role="status" data-testid="run-cancelled">
                    { crate::tr!(tr, "run-stopped", error = tr.msg(error)) }{ " " }
                    <button type="button" class="link-button" data-testid="run-again"
                        onclick={on_action.reform(|_: MouseEvent| PlayAction::RunAgain)}>{ crate::tr!(tr, "run-again") }</button>
                </p>
            } else if let Some(error) = &play.error {
                <p class="dock-error" role="alert" data-testid="run-error">{ crate::tr!(tr, "run-error", error = tr.msg(error)) }</p>
            }
            <div class={classes!("dock-panes", comparing.then_some("comparing"))}>
                // Over the event list (which would give the answer away), never over a device.
                <PredictDock />
                if questions_failed && lab.predict.on {
                    <crate::split::SplitFailed />
                }
                if let (true, Some(original)) = (comparing, &lab.whatif.original) {
                    { lazy_original_events(yew::props!(OriginalEventsProps {
                        original: original.clone(),
                        diverged: divergence.as_ref().and_then(|d| d.original),
                    })) }
                }
                <EventList run={run.clone()} shown={play.shown()} playing={play.playing} filter={play.filter.clone()}
                    devices={names.clone()} on_action={on_action.clone()}
                    title={comparing.then(|| AttrValue::from(crate::tr!(tr, "whatif-events")))}
                    diverged={divergence.as_ref().and_then(|d| d.variant)} />
                <Tables tables={play.tables().clone()} {devices}
                    title={comparing.then(|| AttrValue::from(crate::tr!(tr, "whatif-tables")))} />
                if !comparing {
                <Terminal run={run.clone()} shown={play.shown()}>
                    <CommandForm devices={names.clone()} device={from}
                        target={AttrValue::from(target)} error={play.command_error.as_deref().map(|e| AttrValue::from(tr.msg(e)))}
                        enabled={run.is_some()} {on_action} />
                </Terminal>
                }
            </div>
        </section>
    }
}

/// The engine's module on its way, or that it could not be fetched.
fn engine_status(tr: &crate::i18n::Tr, failed: bool) -> Html {
    if failed {
        html! { <crate::split::SplitFailed /> }
    } else {
        html! { <div class="run-progress" role="status" data-testid="engine-loading"><span>{ crate::tr!(tr, "engine-loading") }</span></div> }
    }
}

/// A long run's progress (events so far, the share of its work budget spent) and its Cancel
/// button, shown while it runs in pieces (`playback::pending`). A run waiting for the engine's
/// module says so instead, or that the module could not be fetched.
pub fn run_progress(tr: &crate::i18n::Tr, pending: &crate::playback::PendingRun, engine_failed: bool, on_action: Callback<PlayAction>) -> Html {
    if pending.place == crate::playback::Place::Engine {
        return engine_status(tr, engine_failed);
    }
    let percent = (pending.fraction() * 100.0).round();
    html! {
        <div class="run-progress" role="status" data-testid="run-progress">
            <span>{ crate::tr!(tr, "run-progress", events = pending.events()) }</span>
            <progress max="100" value={percent.to_string()} aria-label={crate::tr!(tr, "run-budget")} />
            <button type="button" class="link-button" data-testid="cancel-run"
                onclick={on_action.reform(|_: MouseEvent| PlayAction::CancelRun)}>{ crate::tr!(tr, "cancel") }</button>
        </div>
    }
}

/// The inspector in the side column: the playback's current event, the run, and the lab as
/// run (the scenario plus the commands typed in the lab, whose labels key the outputs).
#[function_component(InspectorDock)]
fn inspector_dock() -> Html {
    let lab = use_context::<LabContext>().expect("InspectorDock is only rendered inside App's provider");
    let on_action = {
        let dispatcher = lab.dispatcher();
        Callback::from(move |a: crate::inspector::InspectAction| dispatcher.dispatch(Action::Inspect(a)))
    };
    // The lab as run lives in the run; with no run (an invalid lab) there is nothing to inspect.
    let scenario = lab.play.lab().cloned().unwrap_or_else(|| lab.edit.scenario.clone());
    // While comparing, the same step's frame of the original run beside it (issue 18).
    let diff = lab.whatif.original.as_ref().filter(|_| lab.whatif.comparing).map(|original| {
        lazy_frame_diff(yew::props!(FrameDiffProps { original: original.clone(), run: lab.play.run().cloned(), event: lab.play.current() }))
    });
    lazy_inspector(yew::props!(InspectorProps {
        run: lab.play.run().cloned(),
        scenario,
        event: lab.play.current(),
        model: lab.inspect.clone(),
        on_action,
        children: diff.unwrap_or_default(),
    }))
}

/// The exercise being done and the course, above the side panel.
#[function_component(ExerciseDock)]
fn exercise_dock() -> Html {
    let lab = use_context::<LabContext>().expect("ExerciseDock is only rendered inside App's provider");
    let tr = crate::i18n::use_tr();
    let on_action = to_action(&lab, Action::Exercise);
    let ex = &lab.exercises;
    // The exercises' judge is code in a split module, fetched when one is started or resumed.
    let code_loaded = use_callback(lab.dispatcher(), |(), d| d.dispatch(Action::CodeLoaded));
    let judge_failed = crate::split::use_split_fn(&crate::exercises::JUDGE, ex.pending.is_some(), code_loaded);
    html! {
        <>
            if judge_failed && ex.pending.is_some() {
                <crate::split::SplitFailed />
            }
            if let Some(session) = &ex.session {
                { lazy_exercise_panel(yew::props!(ExercisePanelProps {
                    session: session.clone(),
                    course_len: packet_engine::exercise::course::INDEX.len(),
                    record: ex.progress.get(&session.exercise.id),
                    on_action: on_action.clone(),
                })) }
            }
            // Keyed by the exercise: starting one folds the list away again.
            <CourseList key={ex.session.as_ref().map_or(String::new(), |s| s.exercise.id.clone())} current={ex.session.as_ref().and_then(|s| s.builtin)}
                progress={ex.progress.clone()} error={ex.error.as_ref().map(|e| AttrValue::from(tr.msg(e)))}
                open={false} {on_action} />
        </>
    }
}

/// Predict mode's question card over the canvas, when a question is open.
#[function_component(PredictDock)]
fn predict_dock() -> Html {
    let lab = use_context::<LabContext>().expect("PredictDock is only rendered inside App's provider");
    let Some(question) = lab.predict.question().cloned() else { return html! {} };
    lazy_predict_card(yew::props!(PredictCardProps { question, answered: lab.predict.answered, on_action: to_action(&lab, Action::Predict) }))
}

/// An `Rc` compared by identity: a memo keyed by it is made again only when the editor made a
/// new value (every change of the scenario is a new `Rc`), never by a deep comparison.
#[derive(Clone)]
pub struct ByPtr<T>(pub Rc<T>);

impl<T> PartialEq for ByPtr<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The diagram of `scenario`, made once per scenario rather than once per animation frame:
/// the canvas's props then stay equal while playing and its devices are not re-rendered.
#[hook]
pub fn use_diagram(scenario: &Rc<packet_engine::Scenario>) -> Rc<Diagram> {
    use_memo(ByPtr(scenario.clone()), |s| Diagram::from_scenario(&s.0))
}

/// A callback that dispatches its value wrapped into an [`Action`].
fn to_action<A: 'static>(lab: &LabContext, wrap: fn(A) -> Action) -> Callback<A> {
    let dispatcher = lab.dispatcher();
    Callback::from(move |a: A| dispatcher.dispatch(wrap(a)))
}

/// Keeps the exercise progress and the exercise being done in `localStorage`.
#[hook]
fn use_exercise_storage(lab: &LabContext) {
    use_effect_with(lab.exercises.progress.clone(), |progress| crate::progress::save(progress));
    // An exercise waiting to be resumed (its judge's module on the way) is still the one
    // being done: its file is kept, so a reload before its module came resumes it again.
    let exercise = match (&lab.exercises.session, &lab.exercises.pending) {
        (Some(session), _) => Some(Stored::Session(session.exercise.clone())),
        (None, Some(crate::exercises::Pending::Resume(text))) => Some(Stored::File(text.clone())),
        _ => None,
    };
    use_effect_with(exercise, |exercise| match exercise {
        // A session exists only once the judge's module is here (it writes the file).
        Some(Stored::Session(e)) => crate::progress::save_session(crate::exercises::judge_get().map(|j| (j.to_json)(e)).as_deref()),
        Some(Stored::File(text)) => crate::progress::save_session(Some(text)),
        None => crate::progress::save_session(None),
    });
}

/// The exercise kept in `localStorage`: the one being done, or the stored file still waiting
/// for the judge's module.
#[derive(PartialEq)]
enum Stored {
    Session(Rc<packet_engine::exercise::Exercise>),
    File(Rc<str>),
}

/// The editor's keyboard shortcuts, on the whole page: Ctrl/Cmd+Z undo, Shift+Ctrl/Cmd+Z (or
/// Ctrl+Y) redo, Delete/Backspace delete the selection, Escape selects nothing and leaves link
/// mode. Ignored while typing in a field, where these keys edit the text.
#[hook]
fn use_edit_keys(on_edit: Callback<EditAction>) {
    use_effect_with((), move |_| {
        let document = gloo_utils::document();
        // Not passive: the shortcuts replace the browser's own (Backspace, Ctrl+Z on the page).
        let options = gloo_events::EventListenerOptions::enable_prevent_default();
        let listener = gloo_events::EventListener::new_with_options(&document, "keydown", options, move |event| {
            let Some(e) = wasm_bindgen::JsCast::dyn_ref::<web_sys::KeyboardEvent>(event) else { return };
            let typing = e
                .target()
                .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
                .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
            if typing {
                return;
            }
            let command = e.ctrl_key() || e.meta_key();
            let key = e.key();
            let action = match key.as_str() {
                "z" | "Z" if command && e.shift_key() => Some(EditAction::Redo),
                "z" | "Z" if command => Some(EditAction::Undo),
                "y" | "Y" if command => Some(EditAction::Redo),
                "a" | "A" if command => Some(EditAction::SelectAll),
                "Delete" | "Backspace" if !command => Some(EditAction::DeleteSelection),
                "Escape" => Some(EditAction::SetMode(crate::editor::Mode::Select)),
                _ => None,
            };
            if let Some(action) = action {
                e.prevent_default();
                if matches!(action, EditAction::SetMode(_)) {
                    on_edit.emit(EditAction::ClearSelection);
                }
                on_edit.emit(action);
            }
        });
        move || drop(listener)
    });
}
