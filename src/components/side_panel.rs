//! The side panel: the built-in examples, what is loaded, and the selected device's interfaces.

use std::rc::Rc;

use yew::prelude::*;

use crate::diagram::{DeviceView, Diagram};
use crate::state::Example;

/// Props of [`SidePanel`].
#[derive(Properties, PartialEq)]
pub struct SidePanelProps {
    /// The built-in examples to choose from.
    pub examples: Rc<[Example]>,
    /// Index of the example on the canvas.
    pub current: Option<usize>,
    /// The user picked an example.
    pub on_load: Callback<usize>,
    /// The loaded scenario, if any.
    pub diagram: Option<Rc<Diagram>>,
    /// The selected device, if any.
    pub selected: Option<DeviceView>,
}

/// The side panel.
#[function_component(SidePanel)]
pub fn side_panel(props: &SidePanelProps) -> Html {
    let examples = props.examples.iter().enumerate().map(|(index, example)| {
        let current = props.current == Some(index);
        html! {
            <li>
                <button type="button" class={classes!("example", current.then_some("current"))}
                    data-example={example.stem} aria-pressed={current.to_string()}
                    onclick={props.on_load.reform(move |_: MouseEvent| index)}>
                    { example.scenario.name.clone() }
                </button>
            </li>
        }
    });
    let scenario = match &props.diagram {
        Some(d) => html! {
            <>
                <p class="panel-lead">{ d.title.clone() }</p>
                <p class="muted">
                    { format!("{} devices, {} links", d.devices.len(), d.links.len()) }
                </p>
                <p class="description">{ d.description.clone() }</p>
            </>
        },
        None => html! {
            <p class="muted">{ "No scenario loaded yet. The canvas stays empty until one is." }</p>
        },
    };
    let device = match &props.selected {
        Some(dev) => html! {
            <>
                <p class="panel-lead">
                    { dev.name.clone() }
                    <span class="badge">{ dev.kind.name() }</span>
                </p>
                if dev.interfaces.is_empty() {
                    <p class="muted">{ "No IP interfaces: it forwards Ethernet frames only." }</p>
                } else {
                    <ul class="address-list">
                        { for dev.interfaces.iter().map(|a| html! { <li><code>{ a.clone() }</code></li> }) }
                    </ul>
                }
            </>
        },
        None => html! {
            <p class="muted">{ "Select a device on the canvas to see its interfaces." }</p>
        },
    };
    html! {
        <aside class="side-panel" aria-label="Details">
            <section class="panel-section">
                <h2 class="panel-heading">{ "Examples" }</h2>
                <ul class="example-list">{ for examples }</ul>
            </section>
            <section class="panel-section">
                <h2 class="panel-heading">{ "Scenario" }</h2>
                { scenario }
            </section>
            <section class="panel-section">
                <h2 class="panel-heading">{ "Device" }</h2>
                { device }
            </section>
        </aside>
    }
}
