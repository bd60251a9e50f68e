//! The side panel: the selected device's or link's editor, or, with nothing selected, the
//! lab's title and story and the built-in examples.

use packet_engine::VecMap;
use std::rc::Rc;

use yew::prelude::*;

use packet_engine::trace::LeaseInfo;
use packet_engine::Scenario;

use crate::components::device_panel::{DevicePanel, Errors, LinkPanel};
use crate::editor::{EditAction, Field};
use crate::state::Example;

/// Props of [`SidePanel`].
#[derive(Properties, PartialEq)]
pub struct SidePanelProps {
    /// The built-in examples to choose from.
    pub examples: Rc<[Example]>,
    /// Index of the example the lab started from.
    pub current: Option<usize>,
    /// The user picked an example.
    pub on_load: Callback<usize>,
    /// The lab.
    pub scenario: Rc<Scenario>,
    /// Selected devices.
    pub selected: Rc<[usize]>,
    /// Selected links.
    pub selected_links: Rc<[usize]>,
    /// Refused entries.
    pub errors: Errors,
    /// Every edit.
    pub on_edit: Callback<EditAction>,
    /// The selected device's DHCP leases at the playhead.
    #[prop_or_default]
    pub leases: Option<Rc<VecMap<String, LeaseInfo>>>,
}

/// The side panel.
#[function_component(SidePanel)]
pub fn side_panel(props: &SidePanelProps) -> Html {
    let body = match (&*props.selected, &*props.selected_links) {
        ([device], []) => html! {
            <DevicePanel scenario={props.scenario.clone()} device={*device}
                errors={props.errors.clone()} on_edit={props.on_edit.clone()} leases={props.leases.clone()} />
        },
        ([], [link]) => html! {
            <LinkPanel scenario={props.scenario.clone()} link={*link}
                errors={props.errors.clone()} on_edit={props.on_edit.clone()} />
        },
        ([], []) => overview(props),
        (devices, links) => html! {
            <section class="panel-section" data-testid="multi-selection">
                <h2 class="panel-heading">{ "Selection" }</h2>
                <p class="panel-lead">{ format!("{} devices, {} links selected", devices.len(), links.len()) }</p>
                <p class="muted">{ "Drag one of them to move them together; Delete removes them all." }</p>
                <button type="button" class="tool" data-testid="delete-selection"
                    onclick={props.on_edit.reform(|_: MouseEvent| EditAction::DeleteSelection)}>{ "Delete selection" }</button>
            </section>
        },
    };
    html! {
        <aside class="side-panel" aria-label="Details">{ body }</aside>
    }
}

/// Nothing selected: the lab's title (editable) and story, and the examples.
fn overview(props: &SidePanelProps) -> Html {
    let s = &props.scenario;
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
    let on_title = props.on_edit.reform(|e: Event| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        EditAction::SetField(Field::LabName, input.value())
    });
    html! {
        <>
            <section class="panel-section">
                <h2 class="panel-heading">{ "Lab" }</h2>
                <input class="title-input" type="text" value={s.name.clone()} aria-label="Lab title"
                    data-testid="lab-title" placeholder="Untitled lab" onchange={on_title} />
                <p class="muted">{ format!("{} devices, {} links", s.devices.len(), s.links.len()) }</p>
                if !s.description.is_empty() {
                    <p class="description">{ s.description.clone() }</p>
                }
                <p class="muted hint-small">{ "Select a device to edit its name, addresses and routes." }</p>
            </section>
            <section class="panel-section">
                <h2 class="panel-heading">{ "Examples" }</h2>
                <ul class="example-list">{ for examples }</ul>
            </section>
        </>
    }
}
