//! The story panel beside the canvas (issue 13): the chapter bar, the noise filters with their
//! "hidden: N frames" note, the lane picker, the sequence diagram (virtualised: only the rows in
//! view are in the DOM) and the encapsulation view of the current frame.
//!
//! Everything drawn comes from `crate::story`'s pure functions; the only local state is the
//! diagram's scroll position (which rows are in view), a property of this view, not of the lab.

use std::rc::Rc;

use yew::prelude::*;

use packet_engine::trace::EventKind;
use packet_engine::Name;

use crate::i18n::{use_tr, Tr};
use crate::playback::{format_time, PlayAction, RunRef};
use crate::story::chapters::{self, Chapter};
use crate::story::encap::{self, Shell};
use crate::story::layout::{self, Layout, ROW_H};
use crate::story::svg;
use crate::story::{Noise, Story, StoryAction, StoryIndex};
use crate::tr;

/// A story index compared by identity (one per run).
#[derive(Clone)]
pub struct IndexRef(pub Rc<StoryIndex>);

impl PartialEq for IndexRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The story index of `run`, computed once per run, and only while `needed` (the diagram is
/// open or a noise filter is on): a closed story costs the run nothing. The index decodes
/// every frame, which is engine code: none until the engine's module is here (the story's
/// panel waits for it too, `crate::split`).
#[hook]
pub fn use_story_index(run: Option<RunRef>, needed: bool) -> Option<IndexRef> {
    let engine = crate::playback::engine::get();
    let memo = use_memo((run, needed, engine.is_some()), move |(run, needed, _)| match (run, needed, engine) {
        (Some(run), true, Some(engine)) => Some(IndexRef(Rc::new((engine.story)(&run.outcome)))),
        _ => None,
    });
    (*memo).clone()
}

/// The narration's sentence with the chapter it belongs to in front ("Resolve the name
/// (chapter 3): …"), so a screen reader hears where in the story a step is; the chapter's words
/// in the language of `tr` (the sentence is the engine's).
pub fn narrate_in(tr: &Tr, index: Option<&IndexRef>, shown: usize, sentence: Option<String>) -> Option<String> {
    let sentence = sentence?;
    match index.and_then(|i| chapters::current(&i.0.chapters, shown)) {
        Some(c) => Some(tr!(tr, "story-narration", title = chapter_title(tr, c), number = c.number.to_string(), sentence = sentence)),
        None => Some(sentence),
    }
}

/// A chapter's title in the interface language, by its number (`chapters::TITLES`).
fn chapter_title(tr: &Tr, c: &Chapter) -> String {
    tr!(tr, "story-chapter-title", number = c.number)
}

/// A noise filter's chip: protocol names stay, words are translated.
fn noise_label(tr: &Tr, n: Noise) -> String {
    match n {
        Noise::TcpAck => tr!(tr, "story-noise-ack"),
        _ => n.label().to_owned(),
    }
}

/// Props of [`StoryPanel`].
#[derive(Properties, PartialEq, Clone)]
pub struct StoryPanelProps {
    /// The run.
    pub run: RunRef,
    /// Its story index.
    pub index: IndexRef,
    /// Events shown.
    pub shown: usize,
    /// The user's choices.
    pub story: Story,
    /// The lab's name (the SVG file's title).
    pub title: AttrValue,
    /// Story choices.
    pub on_story: Callback<StoryAction>,
    /// Playback (a click on an arrow or a chapter jumps there).
    pub on_play: Callback<PlayAction>,
}

/// The story panel.
#[function_component(StoryPanel)]
pub fn story_panel(props: &StoryPanelProps) -> Html {
    let tr = use_tr();
    let index = &props.index.0;
    let lanes: Vec<Name> = props.story.lanes_for(&index.touched);
    let layout = {
        let (index, lanes, noise) = (props.index.clone(), lanes.clone(), props.story.noise);
        use_memo((index, lanes, noise), |(index, lanes, noise)| layout::layout(&index.0, lanes, *noise))
    };
    let export = {
        let (layout, run, tr) = (layout.clone(), props.run.clone(), tr.clone());
        let title = tr!(tr, "story-svg-title", title = props.title.to_string());
        Callback::from(move |_: MouseEvent| {
            let summary = |e: usize| run.row(e).map(|r| tr.msg(&r.summary)).unwrap_or_default();
            let svg = crate::story::svg::export(&layout, &title, &summary, &|ns| format_time(ns));
            crate::download::offer(svg.as_bytes(), "packet-lab-sequence.svg", "image/svg+xml");
        })
    };
    let all: Rc<[Name]> = index.touched.clone().into();
    html! {
        <section class="story-panel" aria-label={tr!(tr, "story-label")} data-testid="story-panel">
            <ChapterBar chapters={Rc::<[Chapter]>::from(index.chapters.clone())} shown={props.shown} on_play={props.on_play.clone()} />
            <div class="story-tools">
                <span class="story-tools-label" id="noise-label">{ tr!(tr, "story-hide") }</span>
                <div role="group" aria-labelledby="noise-label" class="story-chips">
                    { for Noise::ALL.into_iter().map(|n| {
                        let on = props.story.noise.contains(n);
                        html! {
                            <button type="button" class={classes!("chip", on.then_some("on"))} aria-pressed={on.to_string()}
                                data-testid={format!("noise-{}", n.key())}
                                onclick={props.on_story.reform(move |_: MouseEvent| StoryAction::ToggleNoise(n))}>{ noise_label(&tr, n) }</button>
                        }
                    }) }
                </div>
                if layout.hidden > 0 {
                    <span class="story-hidden" data-testid="hidden-note" data-count={layout.hidden.to_string()}>
                        { tr!(tr, "story-hidden", count = layout.hidden) }
                    </span>
                }
                <details class="story-lanes">
                    <summary>{ tr!(tr, "story-lanes", shown = lanes.len().to_string(), total = all.len().to_string()) }</summary>
                    <ul>
                        { for all.iter().map(|d| {
                            let on = lanes.contains(d);
                            let (device, all) = (d.clone(), all.clone());
                            html! {
                                <li><label>
                                    <input type="checkbox" checked={on} data-testid="lane-toggle" data-device={d.to_string()}
                                        onchange={props.on_story.reform(move |_: Event| StoryAction::ToggleLane { device: device.clone(), all: all.clone() })} />
                                    { d.to_string() }
                                </label></li>
                            }
                        }) }
                    </ul>
                    <button type="button" class="link-button" onclick={props.on_story.reform(|_: MouseEvent| StoryAction::DefaultLanes)}>
                        { tr!(tr, "story-default-lanes") }
                    </button>
                </details>
                <button type="button" class="tool" data-testid="export-svg" onclick={export}>{ tr!(tr, "story-export-svg") }</button>
            </div>
            <SequenceDiagram run={props.run.clone()} layout={LayoutRef(layout.clone())} shown={props.shown} on_play={props.on_play.clone()} />
            <Encapsulation run={props.run.clone()} index={props.index.clone()} event={props.shown.checked_sub(1)} />
        </section>
    }
}

/// Props of [`ChapterBar`].
#[derive(Properties, PartialEq)]
pub struct ChapterBarProps {
    /// The chapters present.
    pub chapters: Rc<[Chapter]>,
    /// Events shown.
    pub shown: usize,
    /// Jumps.
    pub on_play: Callback<PlayAction>,
}

/// "1 Get an address · 2 Find the gateway · …": each jumps to its chapter's first frame.
#[function_component(ChapterBar)]
pub fn chapter_bar(props: &ChapterBarProps) -> Html {
    let tr = use_tr();
    if props.chapters.is_empty() {
        return html! {};
    }
    let current = chapters::current(&props.chapters, props.shown).map(|c| c.number);
    html! {
        <nav class="chapter-bar" aria-label={tr!(tr, "story-chapters")} data-testid="chapter-bar">
            <ol>
                { for props.chapters.iter().map(|c| {
                    let here = current == Some(c.number);
                    let event = c.event;
                    html! {
                        <li>
                            <button type="button" class={classes!("chapter", here.then_some("current"))} data-testid="chapter"
                                data-number={c.number.to_string()} data-event={event.to_string()}
                                aria-current={here.then_some("step")}
                                onclick={props.on_play.reform(move |_: MouseEvent| PlayAction::Jump(event))}>
                                <span class="chapter-n">{ c.number }</span>{ chapter_title(&tr, c) }
                            </button>
                        </li>
                    }
                }) }
            </ol>
        </nav>
    }
}

/// A layout compared by identity.
#[derive(Clone)]
pub struct LayoutRef(pub Rc<Layout>);

impl PartialEq for LayoutRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Props of [`SequenceDiagram`].
#[derive(Properties, PartialEq)]
pub struct SequenceProps {
    /// The run (for the rows' summaries).
    pub run: RunRef,
    /// The geometry.
    pub layout: LayoutRef,
    /// Events shown: the cursor is the last arrow sent by then.
    pub shown: usize,
    /// A click on an arrow.
    pub on_play: Callback<PlayAction>,
}

/// Longest summary drawn on a row, in characters (the inspector has the rest).
const SUMMARY_CHARS: usize = 52;

/// The diagram: lane headings (sticky), lane lines, and the arrows of the rows in view.
#[function_component(SequenceDiagram)]
pub fn sequence_diagram(props: &SequenceProps) -> Html {
    let tr = use_tr();
    let layout = &props.layout.0;
    let scroller = use_node_ref();
    // (scroll offset, viewport height) rounded to rows: a re-render only when another row
    // comes into view, not per pixel scrolled.
    let view = use_state_eq(|| (0usize, 24usize));
    let measure = {
        let (scroller, view) = (scroller.clone(), view.clone());
        move || {
            if let Some(el) = scroller.cast::<web_sys::Element>() {
                let top = (f64::from(el.scroll_top()) / ROW_H).floor() as usize;
                let rows = (f64::from(el.client_height()) / ROW_H).ceil() as usize;
                view.set((top, rows.max(1)));
            }
        }
    };
    let cursor = layout::cursor(&layout.arrows, props.shown);
    let refocus = use_mut_ref(|| None::<usize>);
    {
        let (scroller, refocus) = (scroller.clone(), refocus.clone());
        use_effect(move || {
            if let (Some(event), Some(el)) = (refocus.borrow_mut().take(), scroller.cast::<web_sys::Element>()) {
                let row = el.query_selector(&format!("[data-event=\"{event}\"]")).ok().flatten();
                // An SVG <g>: `focus()` is HTMLOrSVGElement's, the binding is HtmlElement's.
                if let Some(row) = row.map(wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>) {
                    let _ = row.focus();
                }
            }
        });
    }
    {
        // The cursor follows the playhead: scroll it into view when it leaves it.
        let (scroller, measure) = (scroller.clone(), measure.clone());
        use_effect_with((cursor, props.layout.clone()), move |(cursor, _)| {
            if let (Some(row), Some(el)) = (cursor, scroller.cast::<web_sys::Element>()) {
                let head = 30.0;
                let top = f64::from(el.scroll_top());
                let h = (f64::from(el.client_height()) - head).max(ROW_H);
                if let Some(to) = layout::scroll_to(*row, top, h) {
                    el.set_scroll_top(to as i32);
                }
            }
            measure();
        });
    }
    let onscroll = {
        let measure = measure.clone();
        Callback::from(move |_: Event| measure())
    };
    let (top, rows) = *view;
    let window = layout::window(top as f64 * ROW_H, rows as f64 * ROW_H, layout.arrows.len());
    let width = layout.width + svg::SUMMARY_W;
    // The rows in view as one SVG string (the same writer as the export), made again only when
    // the window moves: stepping re-marks the cursor row (below) without re-parsing the rows.
    let body = {
        let (run, tr) = (props.run.clone(), tr.clone());
        // The language is a dependency: a new one words the rows in view again.
        use_memo((props.layout.clone(), window.clone(), tr.tag()), move |(layout, window, _)| {
            let label = tr!(tr, "story-label");
            let summary = move |e: usize| run.row(e).map(|r| short(&tr.msg(&r.summary))).unwrap_or_default();
            AttrValue::from(svg::live(&layout.0, window.clone(), None, &label, &summary, &|ns| format_time(ns)))
        })
    };
    {
        // Marks the cursor row (class and aria-current) in the rows drawn from `body`.
        let scroller = scroller.clone();
        use_effect_with((cursor, body.clone()), move |(cursor, _)| {
            let Some(el) = scroller.cast::<web_sys::Element>() else { return };
            if let Ok(Some(old)) = el.query_selector("[aria-current=step]") {
                let _ = old.remove_attribute("aria-current");
                let class = old.get_attribute("class").unwrap_or_default().replace(" current", "");
                let _ = old.set_attribute("class", &class);
            }
            if let Some(row) = cursor {
                if let Ok(Some(now)) = el.query_selector(&format!("[data-row=\"{row}\"]")) {
                    let _ = now.set_attribute("aria-current", "step");
                    let class = now.get_attribute("class").unwrap_or_default();
                    let _ = now.set_attribute("class", &format!("{class} current"));
                }
            }
        });
    }
    let heads = layout.lanes.iter().map(|l| {
        html! {
            <span class="seq-head" style={format!("left: {:.0}px; width: {:.0}px", l.x - layout::LANE_GAP / 2.0, layout::LANE_GAP)}
                data-testid="seq-lane">{ l.name.to_string() }</span>
        }
    });
    // One listener for every arrow: the row's `data-event` says which frame.
    let event_of = |target: Option<web_sys::EventTarget>| -> Option<usize> {
        let el: web_sys::Element = wasm_bindgen::JsCast::dyn_into(target?).ok()?;
        el.closest("[data-event]").ok()??.get_attribute("data-event")?.parse().ok()
    };
    let onclick = {
        let on_play = props.on_play.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some(event) = event_of(e.target()) {
                on_play.emit(PlayAction::Jump(event));
            }
        })
    };
    let onkeydown = {
        let (on_play, refocus) = (props.on_play.clone(), refocus.clone());
        Callback::from(move |e: KeyboardEvent| {
            if e.key() != "Enter" && e.key() != " " {
                return;
            }
            if let Some(event) = event_of(e.target()) {
                e.prevent_default();
                // The rows are drawn anew: give the focus back to this one afterwards.
                *refocus.borrow_mut() = Some(event);
                on_play.emit(PlayAction::Jump(event));
            }
        })
    };
    html! {
        <div class="seq-scroll" ref={scroller} {onscroll} {onclick} {onkeydown} tabindex="0" role="region"
            aria-label={tr!(tr, "story-sequence-label")} data-testid="sequence" data-rows={layout.arrows.len().to_string()}>
            <div class="seq-heads" style={format!("width: {width:.0}px")}>{ for heads }</div>
            { Html::from_html_unchecked((*body).clone()) }
            if layout.arrows.is_empty() {
                <p class="muted seq-empty">{ tr!(tr, "story-no-frames") }</p>
            }
        </div>
    }
}

/// A summary cut to [`SUMMARY_CHARS`] characters.
fn short(s: &str) -> String {
    if s.chars().count() <= SUMMARY_CHARS {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(SUMMARY_CHARS - 1).collect();
        t.push('…');
        t
    }
}

/// Props of [`Encapsulation`].
#[derive(Properties, PartialEq)]
pub struct EncapProps {
    /// The run.
    pub run: RunRef,
    /// Its story index (the router pairing).
    pub index: IndexRef,
    /// The current event.
    pub event: Option<usize>,
}

/// The current frame as nested boxes; across a router, what was unwrapped and rewrapped.
#[function_component(Encapsulation)]
pub fn encapsulation(props: &EncapProps) -> Html {
    let tr = use_tr();
    let tr = &*tr;
    let events = &props.run.outcome.trace.events;
    let Some((event, kind)) = props.event.and_then(|e| events.get(e).map(|ev| (e, &ev.kind))) else {
        return html! {};
    };
    let (boxes, note): (Vec<Shell>, Option<String>) = match kind {
        EventKind::FrameSent { hop: sent, bytes, .. } => match props.index.0.hop_of(event).and_then(|h| h.forwarded_from) {
            Some(received) => match &events[received].kind {
                EventKind::FrameReceived { bytes: before, .. } => (
                    encap::across(before, bytes),
                    Some(tr!(tr, "story-encap-router", router = sent.from.device.to_string(), event = (received + 1).to_string())),
                ),
                _ => (encap::shells(bytes), None),
            },
            None => (encap::shells(bytes), None),
        },
        EventKind::FrameReceived { bytes, .. } | EventKind::FrameDropped { bytes, .. } => (encap::shells(bytes), None),
        _ => return html! {
            <section class="encap" aria-label={tr!(tr, "story-encap-label")} data-testid="encap">
                <p class="muted">{ tr!(tr, "story-encap-empty") }</p>
            </section>
        },
    };
    html! {
        <section class="encap" aria-label={tr!(tr, "story-encap-label")} data-testid="encap" data-event={event.to_string()} tabindex="0">
            <h3 class="insp-sub">{ tr!(tr, "story-encap-event", event = (event + 1).to_string()) }</h3>
            if let Some(note) = note {
                <p class="encap-note" data-testid="encap-note">{ note }</p>
            }
            { nest(tr, &boxes) }
        </section>
    }
}

/// `boxes[0]` with the rest inside it.
fn nest(tr: &Tr, boxes: &[Shell]) -> Html {
    let Some((outer, inner)) = boxes.split_first() else { return html! {} };
    let fields = outer.fields.iter().map(|f| {
        let changed = f.before.is_some();
        html! {
            <div class={classes!("encap-field", changed.then_some("changed"))} data-testid="encap-field" data-name={f.name.clone()}
                data-changed={changed.to_string()}>
                <dt>{ f.name.clone() }</dt>
                <dd>
                    if let Some(before) = &f.before {
                        <del>{ before.clone() }</del>{ " → " }
                    }
                    { f.value.clone() }
                </dd>
            </div>
        }
    });
    html! {
        <div class={classes!("encap-box", format!("proto-{}", outer.css), format!("change-{}", outer.change.key()))}
            data-testid="encap-box" data-layer={outer.layer} data-change={outer.change.key()}>
            <div class="encap-head">
                <strong>{ layer_name(tr, outer.layer) }</strong>
                if !outer.change.label().is_empty() {
                    <span class="encap-badge">{ tr!(tr, "story-change", change = outer.change.key()) }</span>
                }
            </div>
            <dl class="encap-fields">{ for fields }</dl>
            { nest(tr, inner) }
        </div>
    }
}

/// A box's name: protocol names stay, the two words are translated (`story::encap`'s names).
fn layer_name(tr: &Tr, layer: &'static str) -> String {
    match layer {
        "Data" => tr!(tr, "story-layer-data"),
        "Quoted packet" => tr!(tr, "story-layer-quoted"),
        other => other.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The catalogue's chapter titles are the story's, in English, number by number.
    #[test]
    fn chapter_titles_follow_the_story() {
        let en = crate::i18n::tr("en");
        for (i, title) in chapters::TITLES.iter().enumerate() {
            let c = Chapter { number: i as u8 + 1, title, event: 0 };
            assert_eq!(chapter_title(&en, &c), *title);
            assert_ne!(chapter_title(&crate::i18n::tr("de"), &c), *title);
        }
    }
}

crate::split_view! {
    /// The story panel (sequence diagram, encapsulation, chapters), from its own wasm module (src/split.rs), fetched when first drawn.
    pub fn lazy_story_panel = "story"::load_story_panel => StoryPanel(StoryPanelProps)
}
