//! The what-if views (issue 18): the "What if…?" button, the banner while the variant is
//! edited, the bar with the divergence sentence while comparing, and the original run's
//! canvas and event list beside the variant's. Plain props and callbacks; the model is
//! `crate::whatif`.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::{sprites, Canvas, EventList, Packets, Tables};
use crate::geometry::ViewBox;
use crate::playback::PlayAction;
use crate::whatif::{Original, WhatIfAction};

/// Props of [`WhatIfButton`].
#[derive(Properties, PartialEq)]
pub struct WhatIfButtonProps {
    /// A run exists to fork from.
    pub enabled: bool,
    /// Dispatches [`WhatIfAction::Start`].
    pub on_action: Callback<WhatIfAction>,
}

/// "What if…?": fork the lab at this step and change one thing.
#[function_component(WhatIfButton)]
pub fn what_if_button(props: &WhatIfButtonProps) -> Html {
    let tr = crate::i18n::use_tr();
    html! {
        <button type="button" class="tool whatif-button" data-testid="whatif" disabled={!props.enabled}
            title={crate::tr!(tr, "whatif-button-title")}
            onclick={props.on_action.reform(|_: MouseEvent| WhatIfAction::Start)}>{ crate::tr!(tr, "whatif-button") }</button>
    }
}

/// Props of [`WhatIfBar`].
#[derive(Properties, PartialEq, Clone)]
pub struct WhatIfBarProps {
    /// Comparing (else editing the variant).
    pub comparing: bool,
    /// The sentence about the two runs, once both ran.
    pub sentence: Option<AttrValue>,
    /// The runs part somewhere (the jump button).
    pub diverges: bool,
    /// Why the variant cannot run, if it cannot.
    pub error: Option<AttrValue>,
    /// Every what-if command.
    pub on_action: Callback<WhatIfAction>,
}

/// The banner over the canvas while a what-if is in progress.
#[function_component(WhatIfBar)]
pub fn what_if_bar(props: &WhatIfBarProps) -> Html {
    let tr = crate::i18n::use_tr();
    let act = |a: WhatIfAction| props.on_action.reform(move |_: MouseEvent| a.clone());
    let exits = html! {
        <>
            <button type="button" class="link-button" data-testid="whatif-keep-variant"
                title={crate::tr!(tr, "whatif-keep-variant-title")} onclick={act(WhatIfAction::Exit { keep_variant: true })}>
                { crate::tr!(tr, "whatif-keep-variant") }</button>
            <button type="button" class="link-button" data-testid="whatif-keep-original"
                title={crate::tr!(tr, "whatif-keep-original-title")} onclick={act(WhatIfAction::Exit { keep_variant: false })}>
                { crate::tr!(tr, "whatif-keep-original") }</button>
        </>
    };
    if !props.comparing {
        return html! {
            <div class="whatif-bar editing" role="status" data-testid="whatif-banner">
                <p><strong>{ crate::tr!(tr, "whatif-editing") }</strong>
                    { crate::tr!(tr, "whatif-editing-hint") }</p>
                <div class="whatif-actions">
                    <button type="button" class="btn primary" data-testid="whatif-compare"
                        onclick={act(WhatIfAction::Compare)}>{ crate::tr!(tr, "whatif-compare") }</button>
                    { exits }
                </div>
            </div>
        };
    }
    let sentence = match (&props.error, &props.sentence) {
        (Some(e), _) => crate::tr!(tr, "whatif-cannot-run", error = e.to_string()),
        (None, Some(s)) => s.to_string(),
        (None, None) => crate::tr!(tr, "whatif-running"),
    };
    html! {
        <div class="whatif-bar comparing" role="status" data-testid="whatif-bar">
            <p class="whatif-sentence" data-testid="whatif-sentence">{ sentence }</p>
            <div class="whatif-actions">
                if props.diverges {
                    <button type="button" class="btn primary" data-testid="whatif-jump"
                        onclick={act(WhatIfAction::JumpToDivergence)}>{ crate::tr!(tr, "whatif-jump") }</button>
                }
                <button type="button" class="link-button" data-testid="whatif-edit"
                    onclick={act(WhatIfAction::EditVariant)}>{ crate::tr!(tr, "whatif-change") }</button>
                { exits }
            </div>
        </div>
    }
}

/// Props of [`OriginalCanvas`].
#[derive(Properties, PartialEq, Clone)]
pub struct OriginalCanvasProps {
    /// The original lab and its playback.
    pub original: Rc<Original>,
    /// The same view as the variant's canvas, so the two line up.
    pub view: ViewBox,
    /// Labels' scale (the presenter scale / 100).
    pub label_factor: f64,
    /// No moving frames.
    pub reduced_motion: bool,
    /// Highlight: the original's event that differs, when shown.
    pub diverged: bool,
}

/// The original run's canvas, read-only, with its frames in flight.
#[function_component(OriginalCanvas)]
pub fn original_canvas(props: &OriginalCanvasProps) -> Html {
    let scenario = props.original.scenario.clone();
    let diagram = use_memo(crate::app::ByPtr(scenario.clone()), |s| crate::diagram::Diagram::from_scenario(&s.0));
    let (frames, marks) = sprites(&props.original.play, &diagram, props.reduced_motion);
    let none: Rc<[usize]> = Rc::from([]);
    let tr = crate::i18n::use_tr();
    html! {
        <div class={classes!("compare-original", props.diverged.then_some("diverged"))} data-testid="whatif-original">
            <p class="compare-label">{ crate::tr!(tr, "whatif-col-original") }</p>
            <Canvas scenario={scenario.clone()} diagram={diagram.clone()} view={props.view} selected={none.clone()}
                selected_links={none} mode={crate::editor::Mode::Select} link_from={None} gesture={None}
                label_factor={props.label_factor} on_edit={Callback::noop()}>
                <svg class="packets-layer" viewBox={props.view.to_attr()} preserveAspectRatio="xMidYMid meet" aria-hidden="true">
                    { crate::components::cut_marks(&crate::diagram::cable_cuts(&scenario, &diagram, props.original.play.tables())) }
                    <Packets {frames} {marks} on_pick={Callback::noop()} />
                </svg>
            </Canvas>
        </div>
    }
}

/// Props of [`OriginalEvents`].
#[derive(Properties, PartialEq, Clone)]
pub struct OriginalEventsProps {
    /// The original lab and its playback.
    pub original: Rc<Original>,
    /// The original's first differing event.
    pub diverged: Option<usize>,
}

/// The original run's event list and tables, in the dock beside the variant's.
#[function_component(OriginalEvents)]
pub fn original_events(props: &OriginalEventsProps) -> Html {
    let tr = crate::i18n::use_tr();
    let play = &props.original.play;
    let names: Rc<[AttrValue]> = props.original.scenario.devices.iter().map(|d| AttrValue::from(d.id.clone())).collect();
    let devices: Rc<[(AttrValue, packet_engine::scenario::DeviceKind)]> =
        props.original.scenario.devices.iter().map(|d| (AttrValue::from(d.id.clone()), d.kind)).collect();
    // Read-only: the variant's controls move both runs.
    let on_action = Callback::from(|_: PlayAction| {});
    html! {
        <>
            <EventList run={play.run().cloned()} shown={play.shown()} playing={play.playing} filter={play.filter.clone()}
                devices={names} {on_action} title={Some(AttrValue::from(crate::tr!(tr, "whatif-events-original")))} diverged={props.diverged} />
            <Tables tables={play.tables().clone()} {devices} title={Some(AttrValue::from(crate::tr!(tr, "whatif-tables-original")))} />
        </>
    }
}

/// Props of [`FrameDiff`].
#[derive(Properties, PartialEq, Clone)]
pub struct FrameDiffProps {
    /// The original lab and its playback (its current event is the same step).
    pub original: Rc<Original>,
    /// The variant's run and current event.
    pub run: Option<crate::playback::RunRef>,
    pub event: Option<usize>,
}

/// The inspector's what-if section: the frame at this step in both runs, the fields that
/// differ highlighted.
#[function_component(FrameDiff)]
pub fn frame_diff(props: &FrameDiffProps) -> Html {
    let tr = crate::i18n::use_tr();
    use crate::inspector::{compare::frame_diff, frame_of};
    let at = |run: Option<&crate::playback::RunRef>, event: Option<usize>| {
        run.zip(event).and_then(|(r, i)| r.outcome.trace.events.get(i).cloned())
    };
    let variant = at(props.run.as_ref(), props.event);
    let original = at(props.original.play.run(), props.original.play.current());
    let body = match (&original, &variant) {
        (Some(o), Some(v)) => match (frame_of(&o.kind), frame_of(&v.kind)) {
            (Some(of), Some(vf)) => {
                let diff = frame_diff(of, vf);
                if diff.is_empty() {
                    html! { <p data-testid="frame-diff-same">{ crate::tr!(tr, "whatif-same-frame") }</p> }
                } else {
                    let rows = diff.into_iter().map(|d| html! {
                        <tr class={format!("proto-{}", d.css)}>
                            <th scope="row">{ d.name }</th>
                            <td>{ d.original.unwrap_or_else(|| "—".into()) }</td>
                            <td class="changed">{ d.variant.unwrap_or_else(|| "—".into()) }</td>
                        </tr>
                    });
                    html! {
                        <table class="frame-diff-table" data-testid="frame-diff-table">
                            <thead><tr><th>{ crate::tr!(tr, "whatif-col-field") }</th><th>{ crate::tr!(tr, "whatif-col-original") }</th><th>{ crate::tr!(tr, "whatif-col-variant") }</th></tr></thead>
                            <tbody>{ for rows }</tbody>
                        </table>
                    }
                }
            }
            _ => html! {
                <p>{ crate::tr!(tr, "whatif-at-step-original") }{ tr.msg(&o.explain_msg()) }<br />{ crate::tr!(tr, "whatif-at-step-variant") }{ tr.msg(&v.explain_msg()) }</p>
            },
        },
        _ => html! { <p>{ crate::tr!(tr, "whatif-no-event") }</p> },
    };
    html! {
        <section class="frame-diff" aria-label={crate::tr!(tr, "whatif-frame-diff")} data-testid="frame-diff">
            <h2 class="pane-title">{ crate::tr!(tr, "whatif-frame-diff") }</h2>
            { body }
        </section>
    }
}

crate::split_view! {
    /// The what-if's banner, from its own wasm module (src/split.rs), fetched when a what-if starts.
    pub fn lazy_what_if_bar = "whatif_bar"::load_what_if_bar => WhatIfBar(WhatIfBarProps)
}

crate::split_view! {
    /// The what-if's original canvas, from its own wasm module (src/split.rs), fetched when first drawn.
    pub fn lazy_original_canvas = "whatif_canvas"::load_original_canvas => OriginalCanvas(OriginalCanvasProps)
}

crate::split_view! {
    /// The what-if's original events, from its own wasm module (src/split.rs), fetched when first drawn.
    pub fn lazy_original_events = "whatif_events"::load_original_events => OriginalEvents(OriginalEventsProps)
}

crate::split_view! {
    /// The what-if's frame comparison, from its own wasm module (src/split.rs), fetched when first drawn.
    pub fn lazy_frame_diff = "whatif_diff"::load_frame_diff => FrameDiff(FrameDiffProps)
}
