//! The timeline scrubber: a range input over the trace's events, with the ARP and ICMP frames
//! marked as ticks so a student can see where the conversations are.

use yew::prelude::*;

use crate::i18n::use_tr;
use crate::tr;

use crate::playback::{PlayAction, RunRef};

/// Props of [`Timeline`].
#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    /// The run, if any.
    pub run: Option<RunRef>,
    /// Events shown.
    pub shown: usize,
    /// Dispatches `Seek`.
    pub on_action: Callback<PlayAction>,
}

/// The scrubber.
#[function_component(Timeline)]
pub fn timeline(props: &TimelineProps) -> Html {
    let tr = use_tr();
    let total = props.run.as_ref().map_or(0, |r| r.len());
    let oninput = props.on_action.reform(|e: InputEvent| {
        let input = e.target_unchecked_into::<web_sys::HtmlInputElement>();
        PlayAction::Seek(input.value().parse().unwrap_or(0))
    });
    html! {
        <div class="timeline">
            <input type="range" class="scrubber" data-testid="scrubber" aria-label={tr!(tr, "timeline-label")}
                min="0" max={total.to_string()} step="1" value={props.shown.to_string()}
                disabled={total == 0} {oninput} />
        </div>
    }
}
