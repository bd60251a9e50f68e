//! The bottom bar: whether the app is live, which engine computes, what is loaded.

use std::rc::Rc;

use yew::prelude::*;

use crate::diagram::Diagram;

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
    let scenario = match &props.diagram {
        Some(d) => format!(
            "{}: {} devices, {} links",
            d.title,
            d.devices.len(),
            d.links.len()
        ),
        None => "No scenario loaded".to_owned(),
    };
    html! {
        <footer class="status-bar" role="status">
            <span class="status-item status-state">
                { if props.started { "Ready" } else { "Starting…" } }
            </span>
            <span class="status-item">{ scenario }</span>
            <span class="status-item status-engine">
                { format!("packet-engine {}", props.engine_version) }
            </span>
        </footer>
    }
}
