//! Predict mode's parts: the switch and score in the playback bar, and the question card over
//! the canvas — the choices, then the verdict with the event's "why" sentence and, after a
//! wrong answer, the right one. Plain props and one `Callback`.

use yew::prelude::*;

use packet_engine::exercise::predict::Question;

use crate::i18n::use_tr;
use crate::predict::{Answered, PredictAction};
use crate::tr;

/// Props of [`PredictToggle`].
#[derive(Properties, PartialEq)]
pub struct PredictToggleProps {
    /// Predict mode is on.
    pub on: bool,
    /// Right answers.
    pub right: u32,
    /// Questions answered.
    pub asked: u32,
    /// Can the lab run at all.
    pub enabled: bool,
    /// Every predict command.
    pub on_action: Callback<PredictAction>,
}

/// The predict switch and the running score.
#[function_component(PredictToggle)]
pub fn predict_toggle(props: &PredictToggleProps) -> Html {
    let tr = use_tr();
    let onchange = props.on_action.reform(|e: Event| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        PredictAction::Set(input.checked())
    });
    html! {
        <div class="predict-toggle">
            <label title={tr!(tr, "predict-toggle-title")}>
                <input type="checkbox" data-testid="predict-toggle" checked={props.on}
                    disabled={!props.enabled} {onchange} />
                { tr!(tr, "predict-toggle") }
            </label>
            if props.on {
                <span class="predict-score" data-testid="predict-score" aria-live="polite">
                    { format!("{} / {}", props.right, props.asked) }
                </span>
            }
        </div>
    }
}

/// Props of [`PredictCard`].
#[derive(Properties, PartialEq, Clone)]
pub struct PredictCardProps {
    /// The open question.
    pub question: Question,
    /// The answer given, once given.
    pub answered: Option<Answered>,
    /// Every predict command.
    pub on_action: Callback<PredictAction>,
}

/// The question card.
#[function_component(PredictCard)]
pub fn predict_card(props: &PredictCardProps) -> Html {
    let tr = use_tr();
    let q = &props.question;
    let continue_ref = use_node_ref();
    {
        // After an answer, Continue takes the focus, so Enter goes on.
        let continue_ref = continue_ref.clone();
        use_effect_with(props.answered.is_some(), move |answered| {
            if *answered {
                if let Some(el) = continue_ref.cast::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        });
    }
    let card_ref = use_node_ref();
    {
        // A new question takes the focus to its first choice, so the keyboard can answer it.
        let card_ref = card_ref.clone();
        use_effect_with((q.event, q.prompt.clone()), move |_| {
            let first = card_ref
                .cast::<web_sys::Element>()
                .and_then(|card| card.query_selector(".predict-choice").ok().flatten())
                .and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el).ok());
            if let Some(el) = first {
                let _ = el.focus();
            }
        });
    }
    let choices = q.choices.iter().enumerate().map(|(i, c)| {
        let state = props.answered.map(|a| {
            if i == q.correct {
                "right"
            } else if i == a.choice {
                "wrong"
            } else {
                "other"
            }
        });
        html! {
            <li>
                <button type="button" class={classes!("predict-choice", state)} data-testid="predict-choice"
                    data-correct={props.answered.map(|_| (i == q.correct).to_string())}
                    disabled={props.answered.is_some()}
                    onclick={props.on_action.reform(move |_: MouseEvent| PredictAction::Answer(i))}>
                    { tr.msg(&c.text) }
                </button>
            </li>
        }
    });
    html! {
        <section class="predict-card" ref={card_ref} role="dialog" aria-label={tr!(tr, "predict-label")} data-testid="predict-card">
            <p class="panel-heading">{ tr!(tr, "predict-heading") }</p>
            <p class="predict-prompt" data-testid="predict-prompt">{ tr.msg(&q.prompt) }</p>
            <ul class="predict-choices">{ for choices }</ul>
            if let Some(a) = props.answered {
                <div class={classes!("predict-verdict", if a.right { "right" } else { "wrong" })}
                    role="status" data-testid="predict-verdict">
                    if a.right {
                        <p><strong>{ tr!(tr, "predict-right") }</strong></p>
                    } else {
                        <p><strong>{ tr!(tr, "predict-not-quite") }</strong>{ tr!(tr, "predict-answer-is") }
                            <span data-testid="predict-right-answer">{ tr.msg(&q.choices[q.correct].text) }</span></p>
                    }
                    <p class="predict-why" data-testid="predict-why">{ tr.msg(&q.feedback) }</p>
                </div>
                <button type="button" class="tool" data-testid="predict-continue" ref={continue_ref}
                    onclick={props.on_action.reform(|_: MouseEvent| PredictAction::Continue)}>{ tr!(tr, "predict-continue") }</button>
            }
        </section>
    }
}

crate::split_view! {
    /// Predict mode's question card, from its own wasm module (src/split.rs), fetched when first drawn.
    pub fn lazy_predict_card = "predict"::load_predict_card => PredictCard(PredictCardProps)
}
