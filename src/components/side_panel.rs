//! The side panel: the selected device's or link's editor, or, with nothing selected, the
//! lab's title and story and the built-in examples.

use packet_engine::VecMap;
use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::use_tr;
use crate::tr;

use packet_engine::trace::LeaseInfo;
use packet_engine::Scenario;

use crate::components::device_panel::{lazy_device_panel, lazy_link_panel, DevicePanelProps, Errors, LinkPanelProps};
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
    let tr = use_tr();
    let body = match (&*props.selected, &*props.selected_links) {
        ([device], []) => lazy_device_panel(yew::props!(DevicePanelProps {
            scenario: props.scenario.clone(),
            device: *device,
            errors: props.errors.clone(),
            on_edit: props.on_edit.clone(),
            leases: props.leases.clone(),
        })),
        ([], [link]) => lazy_link_panel(yew::props!(LinkPanelProps {
            scenario: props.scenario.clone(),
            link: *link,
            errors: props.errors.clone(),
            on_edit: props.on_edit.clone(),
        })),
        ([], []) => overview(props, &tr),
        (devices, links) => html! {
            <section class="panel-section" data-testid="multi-selection">
                <h2 class="panel-heading">{ tr!(tr, "selection-heading") }</h2>
                <p class="panel-lead">{ tr!(tr, "selection-count", devices = devices.len(), links = links.len()) }</p>
                <p class="muted">{ tr!(tr, "selection-hint") }</p>
                <button type="button" class="tool" data-testid="delete-selection"
                    onclick={props.on_edit.reform(|_: MouseEvent| EditAction::DeleteSelection)}>{ tr!(tr, "selection-delete") }</button>
            </section>
        },
    };
    html! {
        <aside class="side-panel" aria-label={tr!(tr, "side-panel-label")}>{ body }</aside>
    }
}

/// A built-in example's title in the interface language: `example-<stem>` of
/// `locales/*/engine-examples.ftl`, or the lab file's own name when the catalogue has none.
pub(crate) fn example_title(tr: &crate::i18n::Tr, example: &Example) -> String {
    let id = format!("example-{}", example.stem);
    let title = tr.t(&id);
    if title == id {
        example.scenario.name.clone()
    } else {
        title
    }
}

/// A built-in example's description in the interface language: `example-<stem>-description`
/// of `locales/<tag>/examples.ftl`; English is the example file's own (`scenarios/<stem>.json`),
/// which the wasm then holds once.
pub(crate) fn example_description(tr: &crate::i18n::Tr, example: &Example) -> String {
    tr.file_text(&format!("example-{}-description", example.stem), &example.scenario.description)
}

/// The lab's name in the interface language: a built-in example's title while the name is the
/// example's own (its file's English), else the lab's name as written.
pub(crate) fn lab_title(tr: &crate::i18n::Tr, examples: &[Example], name: &str) -> String {
    match examples.iter().find(|e| e.scenario.name == name) {
        Some(example) => example_title(tr, example),
        None => name.to_owned(),
    }
}

/// The lab's description in the interface language: a built-in example's while it is the
/// example's own text (loaded, or opened from a link to it), else the lab file's as written.
pub(crate) fn lab_description(tr: &crate::i18n::Tr, examples: &[Example], text: &str) -> String {
    match examples.iter().find(|e| e.scenario.description == text) {
        Some(example) => example_description(tr, example),
        None => text.to_owned(),
    }
}

/// Nothing selected: the lab's title (editable) and story, and the examples.
fn overview(props: &SidePanelProps, tr: &crate::i18n::Tr) -> Html {
    let s = &props.scenario;
    let examples = props.examples.iter().enumerate().map(|(index, example)| {
        let current = props.current == Some(index);
        html! {
            <li>
                <button type="button" class={classes!("example", current.then_some("current"))}
                    data-example={example.stem} aria-pressed={current.to_string()} title={example_description(tr, example)}
                    onclick={props.on_load.reform(move |_: MouseEvent| index)}>
                    { example_title(tr, example) }
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
                <h2 class="panel-heading">{ tr!(tr, "lab-heading") }</h2>
                <input class="title-input" type="text" value={lab_title(tr, &props.examples, &s.name)} aria-label={tr!(tr, "lab-title")}
                    data-testid="lab-title" placeholder={tr!(tr, "lab-untitled")} onchange={on_title} />
                <p class="muted">{ tr!(tr, "lab-count", devices = s.devices.len(), links = s.links.len()) }</p>
                if !s.description.is_empty() {
                    <p class="description" data-testid="lab-description">{ lab_description(tr, &props.examples, &s.description) }</p>
                }
                <p class="muted hint-small">{ tr!(tr, "lab-select-hint") }</p>
            </section>
            <section class="panel-section">
                <h2 class="panel-heading">{ tr!(tr, "examples-heading") }</h2>
                <ul class="example-list">{ for examples }</ul>
            </section>
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every built-in example has its title in every language, and the English one is the
    /// lab file's own name (one wording per example).
    #[test]
    fn every_built_in_example_has_a_title_in_every_language() {
        for tag in ["en", "de", "fr"] {
            let tr = crate::i18n::tr(tag);
            for (stem, scenario) in packet_engine::examples::all() {
                let id = format!("example-{stem}");
                assert_ne!(tr.t(&id), id, "{tag} has no title for {stem}");
                let example = Example { stem, scenario: Rc::new(scenario.clone()) };
                if tag == "en" {
                    assert_eq!(example_title(&tr, &example), scenario.name, "{stem}");
                    assert_eq!(example_description(&tr, &example), scenario.description, "{stem}");
                }
                // The lab on screen is described in the language while it is the example's text.
                let examples = [example.clone()];
                assert_eq!(lab_description(&tr, &examples, &scenario.description), example_description(&tr, &example));
                assert_eq!(lab_description(&tr, &examples, "my own lab"), "my own lab");
                assert_eq!(lab_title(&tr, &examples, &scenario.name), example_title(&tr, &example));
                assert_eq!(lab_title(&tr, &examples, "my own lab"), "my own lab");
            }
        }
    }
}
