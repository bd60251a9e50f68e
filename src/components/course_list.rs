//! The course: the built-in exercises with their solved marks, opening a teacher's exercise
//! file, and the progress record's export and import. Plain props and one `Callback`.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use packet_engine::exercise::course::INDEX;

use crate::exercises::ExerciseAction;
use crate::i18n::use_tr;
use crate::tr;
use crate::progress::{self, Progress};
use crate::storage;

/// Props of [`CourseList`].
#[derive(Properties, PartialEq)]
pub struct CourseListProps {
    /// Index of the exercise being done, if it is a built-in one.
    pub current: Option<usize>,
    /// Solved, attempts and hints per exercise.
    pub progress: Progress,
    /// Why the last file was refused.
    pub error: Option<AttrValue>,
    /// Open the list at first (no exercise running).
    pub open: bool,
    /// Every exercise command.
    pub on_action: Callback<ExerciseAction>,
}

/// A button that opens a hidden file picker and hands the chosen file's name and text on.
fn file_button(input: &NodeRef, label: String, testid: &'static str, done: Callback<(String, String)>) -> Html {
    let onclick = {
        let input = input.clone();
        move |_: MouseEvent| {
            if let Some(input) = input.cast::<web_sys::HtmlInputElement>() {
                input.click();
            }
        }
    };
    let onchange = move |e: Event| {
        let Some(el) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        if let Some(file) = el.files().and_then(|f| f.get(0)) {
            storage::read_file(file, done.clone());
        }
        // Choosing the same file again must fire `change` again.
        el.set_value("");
    };
    html! {
        <>
            <button type="button" class="tool tool-small" data-testid={testid} {onclick}>{ label }</button>
            <input type="file" accept=".json,application/json" class="visually-hidden" ref={input.clone()}
                data-testid={format!("{testid}-file")} tabindex="-1" aria-hidden="true" {onchange} />
        </>
    }
}

/// The course list.
#[function_component(CourseList)]
pub fn course_list(props: &CourseListProps) -> Html {
    let tr = use_tr();
    let exercise_file = use_node_ref();
    let progress_file = use_node_ref();
    let solved = INDEX.iter().filter(|(id, _)| props.progress.solved(id)).count();
    let items = INDEX.iter().enumerate().map(|(i, (id, title))| {
        let done = props.progress.solved(id);
        let current = props.current == Some(i);
        html! {
            <li>
                <button type="button" class={classes!("course-item", current.then_some("current"), done.then_some("solved"))}
                    data-exercise={*id} aria-pressed={current.to_string()}
                    onclick={props.on_action.reform(move |_: MouseEvent| ExerciseAction::Start(i))}>
                    <span class="course-number">{ i + 1 }</span>
                    // The built-in files have no translations of their own (course.rs): the
                    // catalogue's title, else the file's.
                    <span class="course-title">{ tr.exercise_text(id).and_then(|t| t.title).unwrap_or_else(|| title.to_string()) }</span>
                    if done {
                        <span class="course-solved" data-testid={format!("solved-mark-{id}")}>{ tr!(tr, "course-solved-mark") }</span>
                    }
                </button>
            </li>
        }
    });
    let on_export = {
        let progress = props.progress.clone();
        move |_: MouseEvent| progress::download(&progress)
    };
    html! {
        <details class="panel-section course" open={props.open} data-testid="course">
            <summary class="panel-heading course-summary">
                { tr!(tr, "course-summary", solved = solved, total = INDEX.len()) }
            </summary>
            <ol class="course-list">{ for items }</ol>
            <div class="course-tools">
                { file_button(&exercise_file, tr!(tr, "course-open-file"), "open-exercise",
                    props.on_action.reform(|(file, text)| ExerciseAction::Open { file: Some(file), text })) }
                <button type="button" class="tool tool-small" data-testid="export-progress" onclick={on_export}>{ tr!(tr, "course-export") }</button>
                { file_button(&progress_file, tr!(tr, "course-import"), "import-progress",
                    props.on_action.reform(|(file, text)| ExerciseAction::ImportProgress { file, text })) }
            </div>
            if let Some(error) = &props.error {
                <div class="course-error" role="alert" data-testid="exercise-error">
                    <p>{ error.clone() }</p>
                    <button type="button" class="link-button"
                        onclick={props.on_action.reform(|_: MouseEvent| ExerciseAction::DismissError)}>{ tr!(tr, "course-dismiss") }</button>
                </div>
            }
        </details>
    }
}
