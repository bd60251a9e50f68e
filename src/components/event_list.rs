//! The event list, like Packet Tracer's: every event that has happened up to the playhead,
//! with its time, device, link, protocol colour and one-line summary; the current event also
//! shows the engine's plain-English explanation. Filters by class and by device; a click on a
//! row jumps there; the current row is kept in view.

use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::use_tr;
use crate::tr;

use crate::playback::{format_time, EventClass, Filter, PlayAction, RunRef};

/// At most this many rows are drawn (the ones before the current event): a long run stays
/// fast to render, and the scrubber reaches the rest.
const MAX_ROWS: usize = 250;
/// While playing, fewer: in a storm hundreds of events pass per second and only the last
/// ones can be read anyway; a pause brings the full list back.
const MAX_ROWS_PLAYING: usize = 40;

/// Props of [`EventList`].
#[derive(Properties, PartialEq)]
pub struct EventListProps {
    /// The run, if any.
    pub run: Option<RunRef>,
    /// Events shown.
    pub shown: usize,
    /// True while playing (fewer rows are drawn).
    #[prop_or_default]
    pub playing: bool,
    /// What to show.
    pub filter: Filter,
    /// Device names for the device filter.
    pub devices: Rc<[AttrValue]>,
    /// Dispatches `Jump`, `ToggleClass`, `SetDevice`.
    pub on_action: Callback<PlayAction>,
    /// The pane's title when not the catalogue's "Events" (a what-if names which run).
    #[prop_or_default]
    pub title: Option<AttrValue>,
    /// An event marked as where this run parts from the other (a what-if's divergence).
    #[prop_or_default]
    pub diverged: Option<usize>,
}

/// The event list with its filters.
#[function_component(EventList)]
pub fn event_list(props: &EventListProps) -> Html {
    let tr = use_tr();
    let list_ref = use_node_ref();
    let current = props.shown.checked_sub(1);
    {
        // Keep the current row in view (inside the list only: the page itself never scrolls).
        let list_ref = list_ref.clone();
        use_effect_with(current, move |_| {
            if let Some(list) = list_ref.cast::<web_sys::HtmlElement>() {
                if let Ok(Some(row)) = list.query_selector(".event.current") {
                    let row: web_sys::HtmlElement = wasm_bindgen::JsCast::unchecked_into(row);
                    let (top, bottom) = (row.offset_top(), row.offset_top() + row.offset_height());
                    let (view_top, view_h) = (list.scroll_top(), list.client_height());
                    if top < view_top + 28 {
                        list.set_scroll_top(top - 28);
                    } else if bottom > view_top + view_h {
                        list.set_scroll_top(bottom - view_h);
                    }
                }
            }
        });
    }
    // IPv6's chips only where the run has IPv6; a hidden class says how many rows it hides.
    let count = |class: EventClass| props.run.as_ref().map_or(0, |run| run.count(class));
    let has_ipv6 = props.run.as_ref().is_some_and(|run| run.has_ipv6());
    let chips = EventClass::ALL.iter().filter(|c| has_ipv6 || !c.is_ipv6()).map(|&class| {
        let on = props.filter.shows(class);
        let hidden_count = (!on && class.is_ipv6()).then(|| count(class)).filter(|n| *n > 0);
        html! {
            <button type="button" class={format!("chip proto-{}{}", class.css(), if on { " on" } else { "" })}
                data-testid={format!("filter-{}", class.css())} aria-pressed={on.to_string()}
                title={hidden_count.map(|n| tr!(tr, "events-hidden-title", count = n))}
                onclick={props.on_action.reform(move |_: MouseEvent| PlayAction::ToggleClass(class))}>
                <span class="swatch" />{ class.label() }
                { for hidden_count.map(|n| html! { <span class="chip-count" data-testid="hidden-count">{ tr!(tr, "events-hidden-count", count = n) }</span> }) }
            </button>
        }
    });
    let on_device = props.on_action.reform(|e: Event| {
        let v = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
        PlayAction::SetDevice(if v.is_empty() { None } else { Some(Rc::from(v.as_str())) })
    });
    let selected_device = props.filter.device.as_deref().unwrap_or("");
    let devices = props.devices.iter().map(|d| {
        html! { <option value={d.clone()} selected={d.as_str() == selected_device}>{ d.clone() }</option> }
    });

    let rows = props.run.as_ref().map(|run| {
        let visible: Vec<usize> =
            (0..props.shown.min(run.len())).rev().filter(|&i| run.accepts(&props.filter, i)).take(if props.playing { MAX_ROWS_PLAYING } else { MAX_ROWS }).collect();
        // The highlighted row: the current event, or the nearest earlier one the filter keeps.
        let highlight = visible.first().copied();
        let tr = tr.clone();
        visible.into_iter().rev().map(move |i| {
            let Some(row) = run.row(i) else { return Html::default() };
            let is_current = Some(i) == highlight;
            // Worded here, for the rows drawn only (at most MAX_ROWS of a long run): the run keeps
            // each event's class, not its row.
            let summary = tr.msg(&row.summary);
            let device = row.device.as_deref().map(|d| match row.peer.as_deref() {
                Some(p) => format!("{d} → {p}"),
                None => d.to_string(),
            });
            html! {
                <li key={i} class={classes!(match (is_current, row.dropped) {
                        (true, true) => "event current dropped",
                        (true, false) => "event current",
                        (false, true) => "event dropped",
                        (false, false) => "event",
                    }, (props.diverged == Some(i)).then_some("diverged"))}
                    data-diverged={(props.diverged == Some(i)).then_some("true")}
                    data-testid="event" data-index={i.to_string()} data-class={row.class.css()}
                    aria-current={is_current.then_some("true")}
                    onclick={props.on_action.reform(move |_: MouseEvent| PlayAction::Jump(i))}>
                    <span class="ev-time">{ format_time(row.time_ns).trim_end_matches(" s").to_string() }</span>
                    <span class={format!("tag proto-{}", row.class.css())}>{ row.class.label() }</span>
                    <span class="ev-text" title={summary.clone()}>
                        <span class="ev-device">{ device.unwrap_or_default() }</span>
                        <span class="ev-summary" data-testid="event-summary">{ summary }</span>
                    </span>
                </li>
            }
        }).collect::<Html>()
    });
    let empty = props.shown == 0 || rows.is_none();
    // The engine's sentence for the current event, under the list: the rows stay one line.
    let explain = props
        .run
        .as_ref()
        .zip(current)
        .and_then(|(run, i)| run.explain(i))
        .map(|m| tr.msg(&m));
    let title = props.title.clone().unwrap_or_else(|| AttrValue::from(tr!(tr, "events-label")));
    html! {
        <section class="pane events-pane" aria-label={title.clone()}>
            <header class="pane-head">
                <h2 class="pane-title">{ title }</h2>
                <select class="device-filter" data-testid="device-filter" aria-label={tr!(tr, "events-device-filter")} onchange={on_device}>
                    <option value="" selected={selected_device.is_empty()}>{ tr!(tr, "events-all-devices") }</option>
                    { for devices }
                </select>
            </header>
            <div class="chips" role="group" aria-label={tr!(tr, "events-kinds")}>{ for chips }</div>
            <ol class="event-list" data-testid="event-list" ref={list_ref} tabindex="0" aria-label={tr!(tr, "events-label")}>
                { rows.unwrap_or_default() }
            </ol>
            if empty {
                <p class="pane-empty">{ tr!(tr, "events-empty") }</p>
            }
            if let Some(text) = explain {
                // Two lines high and scrollable: keyboard users can reach the rest (axe's
                // scrollable-region-focusable; long DNS sentences need it).
                <p class="ev-explain" data-testid="explain" tabindex="0">{ text }</p>
            }
        </section>
    }
}
