//! The exercise being done: its story, the goal's checks on the student's lab (which passed,
//! why the first failure failed, the inspector's diagnosis), the hints one at a time, and,
//! once solved, what the student just saw. Plain props and one `Callback`.

use yew::prelude::*;

use crate::exercises::{ExerciseAction, Session};
use crate::i18n::use_tr;
use crate::tr;
use crate::progress::Record;

/// Props of [`ExercisePanel`].
#[derive(Properties, PartialEq, Clone)]
pub struct ExercisePanelProps {
    /// The session.
    pub session: Session,
    /// How many exercises the course has (for "2 of 9").
    pub course_len: usize,
    /// The exercise's progress record.
    pub record: Record,
    /// Every exercise command.
    pub on_action: Callback<ExerciseAction>,
}

/// The exercise panel.
#[function_component(ExercisePanel)]
pub fn exercise_panel(props: &ExercisePanelProps) -> Html {
    let tr = use_tr();
    let s = &props.session;
    let ex = &s.exercise;
    let eval = &s.evaluation;
    let solved = s.solved();
    let first_failure = eval.checks.iter().position(|c| !c.passed);
    let checks = eval.checks.iter().enumerate().map(|(i, c)| {
        let open = first_failure == Some(i);
        html! {
            <li class={classes!("goal-check", if c.passed { "pass" } else { "fail" })} data-testid="check"
                data-passed={c.passed.to_string()}>
                <span class="check-mark" aria-hidden="true">{ if c.passed { "✓" } else { "✗" } }</span>
                <span class="check-text">
                    <span class="visually-hidden">{ if c.passed { tr!(tr, "exercise-passes") } else { tr!(tr, "exercise-fails") } }</span>
                    { tr.msg(&c.description) }
                </span>
                if open {
                    <p class="check-why" data-testid="check-why">{ tr.msg(&c.why) }</p>
                    if let Some(d) = &c.diagnosis {
                        <details class="check-diagnosis" data-testid="check-diagnosis">
                            <summary>{ tr!(tr, "exercise-why") }</summary>
                            <p>{ tr.msg(&d.text) }</p>
                        </details>
                    }
                }
            </li>
        }
    });
    let number = match s.builtin {
        Some(i) => tr!(tr, "exercise-number", number = i + 1, total = props.course_len),
        None => tr!(tr, "exercise-teacher"),
    };
    // The exercise's words in the interface language: the file's own translation, else the
    // catalogue's for a built-in exercise (by its id), else the file's English.
    let given = tr.exercise_text(&ex.id);
    let words = ex.text_or(tr.tag(), given.as_ref());
    let hints = (0..s.hints().len()).filter_map(|i| words.hint(i).map(|h| (i, h))).map(|(i, h)| {
        html! { <li class="hint" data-testid="hint-text"><strong>{ tr!(tr, "exercise-hint", number = i + 1) }</strong>{ h.to_owned() }</li> }
    });
    let next = s.builtin.map(|i| i + 1).filter(|&i| i < props.course_len);
    // A link that carries the whole exercise file, for a teacher to hand out.
    let link = use_memo(ex.clone(), |ex| format!("#{}", crate::share::encode_exercise(&ex.to_json_pretty())));
    html! {
        <section class={classes!("panel-section", "exercise", solved.then_some("is-solved"))}
            aria-label={tr!(tr, "exercise-label")} data-testid="exercise" data-exercise={ex.id.clone()}>
            <p class="panel-heading">{ number }</p>
            <h2 class="exercise-title">{ words.title.to_owned() }</h2>
            <p class="exercise-story">{ words.story.to_owned() }</p>
            <div class="exercise-status" role="status" aria-live="polite">
                if solved {
                    <p class="solved-badge" data-testid="exercise-solved">{ tr!(tr, "exercise-solved") }</p>
                } else {
                    <p class="unsolved-badge" data-testid="exercise-unsolved">
                        { tr!(tr, "exercise-checks", passed = eval.checks.iter().filter(|c| c.passed).count(), total = eval.checks.len()) }
                    </p>
                }
            </div>
            if solved {
                <div class="solved-text" data-testid="solved-text">
                    <p class="panel-heading">{ tr!(tr, "exercise-saw") }</p>
                    <p>{ words.solved_text.to_owned() }</p>
                </div>
            }
            if let Some(invalid) = &eval.invalid {
                <p class="exercise-invalid" data-testid="exercise-invalid">{ tr!(tr, "exercise-cannot-run", error = invalid.error.to_string()) }</p>
                if let Some(d) = &invalid.diagnosis {
                    <p class="check-why">{ tr.msg(&d.text) }</p>
                }
            }
            <p class="panel-heading">{ tr!(tr, "exercise-goal") }</p>
            <ul class="checks">{ for checks }</ul>
            if !ex.hints.is_empty() {
                <ol class="hints" aria-live="polite">{ for hints }</ol>
                if s.more_hints() {
                    <button type="button" class="tool tool-small" data-testid="hint-button"
                        onclick={props.on_action.reform(|_: MouseEvent| ExerciseAction::Hint)}>
                        { tr!(tr, "exercise-show-hint", number = s.hints_shown + 1, total = ex.hints.len()) }
                    </button>
                }
            }
            <p class="muted exercise-record" data-testid="exercise-record">
                { tr!(tr, "exercise-record", attempts = props.record.attempts, used = s.hints_shown, total = ex.hints.len()) }
                if props.record.solved && !solved { { tr!(tr, "exercise-solved-before") } }
            </p>
            <div class="exercise-tools">
                if let (true, Some(n)) = (solved, next) {
                    <button type="button" class="tool" data-testid="next-exercise"
                        onclick={props.on_action.reform(move |_: MouseEvent| ExerciseAction::Start(n))}>{ tr!(tr, "exercise-next") }</button>
                }
                <a class="link-button" href={(*link).clone()} data-testid="exercise-link"
                    title={tr!(tr, "exercise-link-title")}>{ tr!(tr, "exercise-link") }</a>
                <button type="button" class="link-button" data-testid="leave-exercise"
                    onclick={props.on_action.reform(|_: MouseEvent| ExerciseAction::Leave)}>{ tr!(tr, "exercise-leave") }</button>
            </div>
        </section>
    }
}

crate::split_view! {
    /// The exercise being done, from its own wasm module (src/split.rs), fetched when first drawn.
    pub fn lazy_exercise_panel = "exercise"::load_exercise_panel => ExercisePanel(ExercisePanelProps)
}
