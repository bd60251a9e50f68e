//! The panel's form controls: a text entry, a switch (checkbox) and a choice (select), each
//! committing one [`Field`] through [`EditAction::SetField`]. Every control shows the lab's
//! value; an entry the engine refused stays in it, marked `aria-invalid`, with the engine's
//! reason below; a field an exercise locks shows a lock and cannot be changed.

use yew::prelude::*;

use crate::editor::{EditAction, Field, FieldError};
use crate::i18n::{use_tr, Tr};
use crate::tr;

/// The lock icon of a locked field.
fn lock_icon(testid: &str) -> Html {
    html! { <LockIcon testid={testid.to_string()} /> }
}

/// Props of [`LockIcon`].
#[derive(Properties, PartialEq)]
struct LockIconProps {
    testid: AttrValue,
}

/// The lock drawn by [`lock_icon`]: a component so that its words come from the catalogue
/// while `check` and `choice` stay plain functions (no element of its own around the `<svg>`).
#[function_component(LockIcon)]
fn lock_icon_view(props: &LockIconProps) -> Html {
    let tr = use_tr();
    html! {
        <svg class="lock" data-testid={format!("{}-lock", props.testid)} viewBox="0 0 12 14" width="10" height="12"
            role="img" aria-label={tr!(tr, "fields-locked-label")}><title>{ tr!(tr, "fields-locked") }</title>
            <path d="M3 6V4a3 3 0 0 1 6 0v2" fill="none" stroke="currentColor" stroke-width="1.6" />
            <rect x="1" y="6" width="10" height="8" rx="1.5" fill="currentColor" /></svg>
    }
}

/// True when the running exercise locks `field` (exercises.rs).
#[hook]
fn use_locked(field: Field) -> bool {
    use_context::<crate::exercises::LockContext>().is_some_and(|l| l.locked(field))
}

/// Props of [`Entry`].
#[derive(Properties, PartialEq)]
pub(crate) struct EntryProps {
    pub field: Field,
    pub label: AttrValue,
    pub value: AttrValue,
    #[prop_or_default]
    pub placeholder: AttrValue,
    #[prop_or_default]
    pub hint: AttrValue,
    pub error: Option<FieldError>,
    pub on_edit: Callback<EditAction>,
    pub testid: AttrValue,
}

/// One labelled text field that commits on change (Enter or leaving the field).
#[function_component(Entry)]
pub(crate) fn entry(props: &EntryProps) -> Html {
    let tr = use_tr();
    let id = format!("field-{}", props.testid);
    let message_id = format!("{id}-message");
    let field = props.field;
    let onchange = props.on_edit.reform(move |e: Event| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        EditAction::SetField(field, input.value())
    });
    // In an exercise, a locked field shows a lock and cannot be typed in (exercises.rs).
    let locked = use_locked(field);
    let (value, invalid) = match &props.error {
        Some(err) => (AttrValue::from(err.draft.clone()), true),
        None => (props.value.clone(), false),
    };
    html! {
        <div class={classes!("form-field", invalid.then_some("invalid"), locked.then_some("locked"))}>
            <label for={id.clone()}>{ props.label.clone() }
                if locked { { lock_icon(&props.testid) } }
            </label>
            <input {id} type="text" spellcheck="false" autocomplete="off" {value}
                placeholder={props.placeholder.clone()} data-testid={props.testid.clone()}
                aria-invalid={invalid.to_string()} readonly={locked}
                aria-describedby={(invalid || !props.hint.is_empty()).then(|| message_id.clone())}
                {onchange} />
            if let Some(err) = &props.error {
                <p class="field-error" id={message_id} role="alert" data-testid={format!("{}-error", props.testid)}>
                    { tr.msg(&err.message) }
                </p>
            } else if locked {
                <p class="field-hint" id={message_id}>{ tr!(tr, "fields-locked") }</p>
            } else if !props.hint.is_empty() {
                <p class="field-hint" id={message_id}>{ props.hint.clone() }</p>
            }
        </div>
    }
}

/// What a plain control needs: its field, how it is named and what to do on a change. The
/// caller says whether the exercise locks it (one `LockContext` read per panel, so these stay
/// plain functions rather than components).
pub(crate) struct Control<'a> {
    pub field: Field,
    /// Its label, in the interface language.
    pub label: String,
    pub testid: &'a str,
    pub error: Option<&'a FieldError>,
    pub locked: bool,
    pub on_edit: &'a Callback<EditAction>,
    /// Words the error line in the interface language.
    pub tr: &'a Tr,
}

impl Control<'_> {
    /// The engine's reason under the control, if it refused the last entry.
    fn error_line(&self) -> Html {
        match self.error {
            Some(err) => html! {
                <p class="field-error" role="alert" data-testid={format!("{}-error", self.testid)}>{ self.tr.msg(&err.message) }</p>
            },
            None => Html::default(),
        }
    }
}

/// A switch: `on` / `off` for its field when toggled.
pub(crate) fn check(c: Control, checked: bool) -> Html {
    let id = format!("field-{}", c.testid);
    let field = c.field;
    let onchange = c.on_edit.reform(move |e: Event| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        EditAction::SetField(field, if input.checked() { "on" } else { "off" }.into())
    });
    html! {
        <div class={classes!("form-field", "check-field", c.error.map(|_| "invalid"), c.locked.then_some("locked"))}>
            <label for={id.clone()}>
                <input {id} type="checkbox" {checked} disabled={c.locked} data-testid={c.testid.to_string()}
                    aria-invalid={c.error.is_some().to_string()} {onchange} />
                { c.label.clone() }
                if c.locked { { lock_icon(c.testid) } }
            </label>
            { c.error_line() }
        </div>
    }
}

/// A choice among a few values (an interface, a record type); the current value is always
/// among them.
pub(crate) fn choice(c: Control, value: &str, options: &[String]) -> Html {
    let id = format!("field-{}", c.testid);
    let field = c.field;
    let onchange = c.on_edit.reform(move |e: Event| {
        let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
        EditAction::SetField(field, select.value())
    });
    let extra = (!options.iter().any(|o| o == value)).then(|| value.to_string());
    html! {
        <div class={classes!("form-field", c.error.map(|_| "invalid"), c.locked.then_some("locked"))}>
            <label for={id.clone()}>{ c.label.clone() }
                if c.locked { { lock_icon(c.testid) } }
            </label>
            <select {id} data-testid={c.testid.to_string()} aria-invalid={c.error.is_some().to_string()} disabled={c.locked} {onchange}>
                { for extra.iter().chain(options).map(|o| html! { <option value={o.clone()} selected={o == value}>{ o.clone() }</option> }) }
            </select>
            { c.error_line() }
        </div>
    }
}
