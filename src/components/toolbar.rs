//! The editor's toolbar: New, Load example…, Import, Export; Undo and Redo; the Select and
//! Link modes and Delete; zoom. Buttons only dispatch [`EditAction`]s or hand the lab to
//! `storage` for download; the file picker's text comes back as an `Import` action.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use packet_engine::Scenario;

use crate::editor::{EditAction, Mode};
use crate::state::Example;
use crate::i18n::use_tr;
use crate::storage;
use crate::tr;

/// Props of [`Toolbar`].
#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    /// The built-in examples, for "Load example…".
    pub examples: Rc<[Example]>,
    /// The lab, for Export.
    pub scenario: Rc<Scenario>,
    /// Whether Undo and Redo have anything to do.
    pub can_undo: bool,
    /// See `can_undo`.
    pub can_redo: bool,
    /// Whether something is selected (Delete).
    pub has_selection: bool,
    /// The current mode.
    pub mode: Mode,
    /// Every edit.
    pub on_edit: Callback<EditAction>,
    /// An example was picked.
    pub on_load: Callback<usize>,
}

/// The toolbar.
#[function_component(Toolbar)]
pub fn toolbar(props: &ToolbarProps) -> Html {
    let tr = use_tr();
    let file_input = use_node_ref();
    let edit = |action: EditAction| props.on_edit.reform(move |_: MouseEvent| action.clone());
    let on_example = {
        let on_load = props.on_load.clone();
        move |e: Event| {
            if let Some(select) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok()) {
                if let Ok(index) = select.value().parse::<usize>() {
                    on_load.emit(index);
                }
                // Back to the prompt, so picking the same example again loads it again.
                select.set_value("");
            }
        }
    };
    let on_import_click = {
        let file_input = file_input.clone();
        move |_: MouseEvent| {
            if let Some(input) = file_input.cast::<web_sys::HtmlInputElement>() {
                input.click();
            }
        }
    };
    let on_file = {
        let on_edit = props.on_edit.clone();
        move |e: Event| {
            let Some(input) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                storage::read_file(file, on_edit.reform(|(file, text)| EditAction::Import { file, text }));
            }
            // Choosing the same file again must fire `change` again.
            input.set_value("");
        }
    };
    let on_export = {
        let scenario = props.scenario.clone();
        move |_: MouseEvent| storage::download(scenario.clone())
    };
    let mode_button = |mode: Mode, label: String, key: &'static str, title: String| {
        let on = props.mode == mode;
        html! {
            <button type="button" class={classes!("tool", on.then_some("on"))} aria-pressed={on.to_string()}
                data-testid={format!("mode-{key}")} {title}
                onclick={props.on_edit.reform(move |_: MouseEvent| EditAction::SetMode(mode))}>{ label }</button>
        }
    };
    let examples = props.examples.iter().enumerate().map(|(i, e)| {
        html! { <option value={i.to_string()}>{ super::side_panel::example_title(&tr, e) }</option> }
    });
    html! {
        <div class="toolbar" role="toolbar" aria-label={tr!(tr, "toolbar-label")} data-testid="toolbar">
            <div class="tool-group">
                <button type="button" class="tool" data-testid="new" title={tr!(tr, "toolbar-new-title")}
                    onclick={edit(EditAction::New)}>{ tr!(tr, "toolbar-new") }</button>
                <select class="tool tool-select" data-testid="load-example" aria-label={tr!(tr, "toolbar-load-example")}
                    onchange={on_example}>
                    <option value="" selected=true>{ tr!(tr, "toolbar-load-example-prompt") }</option>
                    { for examples }
                </select>
                <button type="button" class="tool" data-testid="import" title={tr!(tr, "toolbar-import-title")}
                    onclick={on_import_click}>{ tr!(tr, "toolbar-import") }</button>
                <input type="file" accept=".json,application/json" class="visually-hidden"
                    data-testid="import-file" ref={file_input} onchange={on_file} tabindex="-1" aria-hidden="true" />
                <button type="button" class="tool" data-testid="export" title={tr!(tr, "toolbar-export-title")}
                    onclick={on_export}>{ tr!(tr, "toolbar-export") }</button>
            </div>
            <div class="tool-group">
                <button type="button" class="tool" data-testid="undo" title={tr!(tr, "toolbar-undo-title")}
                    disabled={!props.can_undo} onclick={edit(EditAction::Undo)}>{ tr!(tr, "toolbar-undo") }</button>
                <button type="button" class="tool" data-testid="redo" title={tr!(tr, "toolbar-redo-title")}
                    disabled={!props.can_redo} onclick={edit(EditAction::Redo)}>{ tr!(tr, "toolbar-redo") }</button>
            </div>
            <div class="tool-group">
                { mode_button(Mode::Select, tr!(tr, "toolbar-select"), "select", tr!(tr, "toolbar-select-title")) }
                { mode_button(Mode::Link, tr!(tr, "toolbar-link"), "link", tr!(tr, "toolbar-link-title")) }
                <button type="button" class="tool" data-testid="delete" title={tr!(tr, "toolbar-delete-title")}
                    disabled={!props.has_selection} onclick={edit(EditAction::DeleteSelection)}>{ tr!(tr, "toolbar-delete") }</button>
            </div>
        </div>
    }
}

/// Zoom buttons, floating over the canvas's corner.
#[function_component(ZoomControls)]
pub fn zoom_controls(props: &ZoomProps) -> Html {
    let tr = use_tr();
    let edit = |action: EditAction| props.on_edit.reform(move |_: MouseEvent| action.clone());
    html! {
        <div class="zoom" role="group" aria-label={tr!(tr, "zoom-label")}>
            <button type="button" class="tool" data-testid="zoom-in" title={tr!(tr, "zoom-in")} aria-label={tr!(tr, "zoom-in")}
                onclick={edit(EditAction::Zoom(1.25))}>{ "+" }</button>
            <button type="button" class="tool" data-testid="zoom-out" title={tr!(tr, "zoom-out")} aria-label={tr!(tr, "zoom-out")}
                onclick={edit(EditAction::Zoom(0.8))}>{ "−" }</button>
            <button type="button" class="tool" data-testid="zoom-fit" title={tr!(tr, "zoom-fit-title")}
                onclick={edit(EditAction::FitView)}>{ tr!(tr, "zoom-fit") }</button>
        </div>
    }
}

/// Props of [`ZoomControls`].
#[derive(Properties, PartialEq)]
pub struct ZoomProps {
    /// Every edit.
    pub on_edit: Callback<EditAction>,
}
