//! The course: the built-in exercises with their solved marks, opening a teacher's exercise
//! file, and the progress record's export and import. Plain props and one `Callback`.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use packet_engine::exercise::Exercise;

use crate::exercises::ExerciseAction;
use crate::i18n::use_tr;
use crate::tr;
use crate::progress::{self, Progress};
use crate::storage;

/// Props of [`CourseList`].
#[derive(Properties, PartialEq)]
pub struct CourseListProps {
    /// The built-in exercises, in teaching order.
    pub course: Rc<[Rc<Exercise>]>,
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
    let solved = props.course.iter().filter(|e| props.progress.solved(&e.id)).count();
    let items = props.course.iter().enumerate().map(|(i, e)| {
        let done = props.progress.solved(&e.id);
        let current = props.current == Some(i);
        html! {
            <li>
                <button type="button" class={classes!("course-item", current.then_some("current"), done.then_some("solved"))}
                    data-exercise={e.id.clone()} aria-pressed={current.to_string()}
                    onclick={props.on_action.reform(move |_: MouseEvent| ExerciseAction::Start(i))}>
                    <span class="course-number">{ i + 1 }</span>
                    <span class="course-title">{ e.text_or(tr.tag(), tr.exercise_text(&e.id).as_ref()).title.to_owned() }</span>
                    if done {
                        <span class="course-solved" data-testid={format!("solved-mark-{}", e.id)}>{ tr!(tr, "course-solved-mark") }</span>
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
                { tr!(tr, "course-summary", solved = solved, total = props.course.len()) }
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
