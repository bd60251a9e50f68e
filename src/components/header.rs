//! The top bar: the app's name and what it is, its tools, and the language picker.

use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::{self, use_tr};
use crate::tr;

/// Props of [`Header`].
#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    /// Tools shown at the header's right (the editor's toolbar).
    #[prop_or_default]
    pub children: Html,
}

/// The header with the logo and the name "Packet Lab".
#[function_component(Header)]
pub fn header(props: &HeaderProps) -> Html {
    let tr = use_tr();
    html! {
        <header class="app-header">
            <svg class="logo" viewBox="0 0 32 32" aria-hidden="true">
                <rect width="32" height="32" rx="7" class="logo-bg" />
                <path d="M8 22 16 10 24 22" class="logo-link" />
                <circle cx="16" cy="10" r="3.5" class="logo-node" />
                <circle cx="8" cy="22" r="3.5" class="logo-node" />
                <circle cx="24" cy="22" r="3.5" class="logo-node" />
            </svg>
            <h1 class="app-title">{ "Packet Lab" }</h1>
            <p class="app-tagline">{ tr!(tr, "app-tagline") }</p>
            { props.children.clone() }
        </header>
    }
}

/// Props of [`LanguagePicker`].
#[derive(Properties, PartialEq)]
pub struct LanguagePickerProps {
    /// The language in use.
    pub current: &'static str,
    /// A language picked whose catalogue is on its way.
    #[prop_or_default]
    pub pending: Option<&'static str>,
    /// A language whose catalogue did not arrive.
    #[prop_or_default]
    pub failed: Option<&'static str>,
    /// The tag the user picked.
    pub on_pick: Callback<String>,
    /// The user closed the message about a language that did not arrive.
    pub on_dismiss: Callback<()>,
}

/// The interface language: every language of `locales/`, each named in itself ("Deutsch").
/// While a picked language is fetched it says so, and if it did not arrive it says that and
/// shows the language in use again.
#[function_component(LanguagePicker)]
pub fn language_picker(props: &LanguagePickerProps) -> Html {
    let tr = use_tr();
    let select = use_node_ref();
    let onchange = props.on_pick.reform(|e: Event| {
        let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
        select.value()
    });
    // The list shows the language picked (loading) or in use. Set on the element, not only by
    // the options' `selected`: an attribute no longer moves a list the user has changed.
    let shown = props.pending.unwrap_or(props.current);
    {
        let select = select.clone();
        use_effect_with(shown, move |shown| {
            if let Some(select) = select.cast::<web_sys::HtmlSelectElement>() {
                select.set_value(shown);
            }
        });
    }
    let names: Rc<[(&'static str, String)]> = i18n::languages().map(|tag| (tag, i18n::language_name(tag).to_owned())).collect();
    let status = match (props.pending, props.failed) {
        (Some(tag), _) => Some(tr!(tr, "language-loading", language = i18n::language_name(tag))),
        (None, Some(tag)) => Some(tr!(tr, "language-failed", language = i18n::language_name(tag))),
        (None, None) => None,
    };
    let failed = props.pending.is_none() && props.failed.is_some();
    html! {
        <div class="language-picker">
            <label>
                <span class="visually-hidden">{ tr!(tr, "language-picker") }</span>
                <select ref={select} class="tool tool-select" data-testid="language" aria-label={tr!(tr, "language-picker")}
                    aria-busy={props.pending.is_some().then_some("true")} {onchange}>
                    { for names.iter().map(|(tag, name)| html! {
                        <option value={*tag} selected={*tag == shown} lang={*tag}>{ name.clone() }</option>
                    }) }
                </select>
            </label>
            // A live region present from the start, so screen readers announce what appears in it.
            <div class={classes!("language-status", failed.then_some("failed"), status.is_none().then_some("empty"))}
                role="status" data-testid="language-status">
                if let Some(text) = status {
                    <p>{ text }</p>
                    if failed {
                        <button type="button" class="link-button" data-testid="dismiss-language"
                            onclick={props.on_dismiss.reform(|_: MouseEvent| ())}>{ tr!(tr, "dismiss") }</button>
                    }
                }
            </div>
        </div>
    }
}
