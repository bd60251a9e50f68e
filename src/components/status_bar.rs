//! The bottom bar: whether the app is live, which engine computes, what is loaded.

use std::rc::Rc;

use yew::prelude::*;

use crate::diagram::Diagram;
use crate::i18n::use_tr;
use crate::tr;

/// Props of [`StatusBar`].
#[derive(Properties, PartialEq)]
pub struct StatusBarProps {
    /// Whether the app has mounted.
    pub started: bool,
    /// The `packet-engine` version compiled in.
    pub engine_version: AttrValue,
    /// The loaded scenario, if any.
    pub diagram: Option<Rc<Diagram>>,
}

/// The status bar.
#[function_component(StatusBar)]
pub fn status_bar(props: &StatusBarProps) -> Html {
    let tr = use_tr();
    let scenario = match &props.diagram {
        Some(d) => tr!(tr, "status-scenario", title = d.title.to_string(), devices = d.devices.len(), links = d.links.len()),
        None => tr!(tr, "status-no-scenario"),
    };
    html! {
        <footer class="status-bar" role="status">
            <span class="status-item status-state">
                { if props.started { tr!(tr, "status-ready") } else { tr!(tr, "status-starting") } }
            </span>
            <span class="status-item">{ scenario }</span>
            <span class="status-item status-engine">
                { format!("packet-engine {}", props.engine_version) }
            </span>
        </footer>
    }
}
