//! The terminal: each command's output, exactly as the engine prints it (iputils' ping and
//! traceroute format), revealed up to the playhead.

use yew::prelude::*;

use crate::i18n::use_tr;
use crate::tr;

use packet_engine::trace::EventKind;

use crate::playback::{command_of, RunRef};

/// Props of [`Terminal`].
#[derive(Properties, PartialEq)]
pub struct TerminalProps {
    /// The run, if any.
    pub run: Option<RunRef>,
    /// Events shown.
    pub shown: usize,
    /// Below the output: the command form.
    #[prop_or_default]
    pub children: Html,
}

/// The terminal pane.
#[function_component(Terminal)]
pub fn terminal(props: &TerminalProps) -> Html {
    let tr = use_tr();
    let screen = use_node_ref();
    let mut lines: Vec<Html> = Vec::new();
    if let Some(run) = &props.run {
        for event in &run.outcome.trace.events[..props.shown.min(run.len())] {
            match &event.kind {
                EventKind::CommandStarted { label, device } => lines.push(html! {
                    <div class="term-line term-prompt">
                        <span class="term-host">{ format!("{device}$ ") }</span>{ command_of(label, device).to_string() }
                    </div>
                }),
                EventKind::CommandOutput { line, .. } => {
                    lines.push(html! { <div class="term-line" data-testid="term-line">{ line.to_string() }</div> })
                }
                _ => {}
            }
        }
    }
    let count = lines.len();
    {
        let screen = screen.clone();
        use_effect_with(count, move |_| {
            if let Some(el) = screen.cast::<web_sys::HtmlElement>() {
                el.set_scroll_top(el.scroll_height());
            }
        });
    }
    html! {
        <section class="pane terminal-pane" aria-label={tr!(tr, "terminal-label")}>
            <header class="pane-head"><h2 class="pane-title">{ tr!(tr, "terminal-label") }</h2></header>
            <pre class="terminal" data-testid="terminal" ref={screen} tabindex="0" aria-label={tr!(tr, "terminal-output")}>
                if lines.is_empty() {
                    <span class="term-dim">{ tr!(tr, "terminal-empty") }</span>
                }
                { for lines }
            </pre>
            { props.children.clone() }
        </section>
    }
}
