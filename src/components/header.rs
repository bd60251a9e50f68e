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
    /// The tag the user picked.
    pub on_pick: Callback<String>,
}

/// The interface language: every language of `locales/`, each named in itself ("Deutsch").
#[function_component(LanguagePicker)]
pub fn language_picker(props: &LanguagePickerProps) -> Html {
    let tr = use_tr();
    let onchange = props.on_pick.reform(|e: Event| {
        let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
        select.value()
    });
    let names: Rc<[(&'static str, String)]> = i18n::languages().map(|tag| (tag, i18n::language_name(tag).to_owned())).collect();
    html! {
        <label class="language-picker">
            <span class="visually-hidden">{ tr!(tr, "language-picker") }</span>
            <select class="tool tool-select" data-testid="language" aria-label={tr!(tr, "language-picker")} {onchange}>
                { for names.iter().map(|(tag, name)| html! {
                    <option value={*tag} selected={*tag == props.current} lang={*tag}>{ name.clone() }</option>
                }) }
            </select>
        </label>
    }
}
