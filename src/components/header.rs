//! The top bar: the app's name and what it is.

use yew::prelude::*;

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
            <p class="app-tagline">{ "A network lab that runs in your browser" }</p>
            { props.children.clone() }
        </header>
    }
}
