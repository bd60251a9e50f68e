//! Sharing in the page: the Share dialog (copy a link, copy an `<iframe>` embed code, the
//! presenter scale, restoring a lab a link replaced), the question a link asks before it
//! replaces the user's own lab, the message of a broken link, and the browser side of links
//! (reading `location` at load, keeping the previous lab in `localStorage`, the clipboard).
//!
//! The pure part (the link format, its checks, the share state) is `src/share.rs`. Everything
//! a link carries is shown as text: Yew escapes text nodes, and nothing here sets innerHTML.

use std::rc::Rc;

use packet_engine::Scenario;
use yew::prelude::*;

use crate::app::LabContext;
use crate::editor::{EditAction, Editor};
use crate::i18n::use_tr;
use crate::tr;
use crate::playback::{PlayAction, Playback};
use crate::share::{self, ShareAction, SharedLab, SCALES};
use crate::state::{Action, State};
use crate::storage;

/// The `localStorage` key of the lab a link replaced, so it can be restored.
pub(crate) const PREVIOUS_KEY: &str = "packet-lab.previous.v1";

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Keeps `scenario` as the previous lab (the one "Restore my previous lab" brings back).
/// Writing its JSON is engine code: both callers run with the engine's module here (a boot
/// that read a link, the restore button drawn after it).
fn keep_previous(scenario: &Scenario) {
    if let (Some(s), Some(engine)) = (local_storage(), crate::playback::engine::get()) {
        let _ = s.set_item(PREVIOUS_KEY, &(engine.lab_text)(scenario));
    }
}

/// The kept previous lab's text, if one is stored.
fn previous_text() -> Option<String> {
    local_storage()?.get_item(PREVIOUS_KEY).ok().flatten()
}

/// The kept previous lab, if a valid one is stored (read at boot, with the engine here).
fn previous() -> Option<Scenario> {
    storage::decode(&previous_text()?)
}

/// Removes the fragment from the address bar once a link has been handled, so a reload
/// shows the (autosaved) lab instead of asking again.
fn forget_fragment() {
    let Some(window) = web_sys::window() else { return };
    let location = window.location();
    let url = format!("{}{}", location.pathname().unwrap_or_default(), location.search().unwrap_or_default());
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// The page's URL without query and fragment: the base of share and embed links.
fn page_url() -> String {
    let Some(window) = web_sys::window() else { return String::new() };
    let location = window.location();
    format!("{}{}", location.origin().unwrap_or_default(), location.pathname().unwrap_or_default())
}

/// Applies the page's URL to the state at load: the embed parameters, and a lab in the
/// fragment. A valid link opens at once when the user has no lab of their own (or the same
/// one); otherwise it waits for their answer. A broken link shows the first example and says
/// what is wrong, after keeping the user's lab as the previous one.
pub fn boot(state: &mut State) {
    let Some(window) = web_sys::window() else { return };
    let hash = window.location().hash().unwrap_or_default();
    let link = hash.strip_prefix('#').filter(|h| h.starts_with(share::FRAGMENT_KEY)).map(share::decode);
    boot_with(state, link, storage::load().map(|(s, _)| s));
}

/// [`boot`] with the link read (`None`: no link) and the visitor's own stored lab, as they were
/// at load (the page saves the lab on screen meanwhile). The page boots so only with the
/// engine's module here (src/boot.rs), which validates the link's lab (`share::check`).
fn boot_with(state: &mut State, link: Option<Result<SharedLab, share::ShareError>>, own: Option<Scenario>) {
    let link = match (link, crate::playback::engine::get()) {
        (Some(Ok(lab)), Some(engine)) => Some(share::check(&lab, engine.validate)),
        (link, _) => link,
    };
    open_link(state, link, own);
}

/// A first visit's URL (no link, nothing stored: src/boot.rs `first_visit`): the embed mode
/// and its example, if it is an embed.
pub fn boot_embed(state: &mut State) {
    let Some(window) = web_sys::window() else { return };
    if let Some(embed) = share::parse_embed(&window.location().search().unwrap_or_default()) {
        open_embed(state, embed, None);
    }
}

/// What [`boot_with`] does with the link and the embed mode.
fn open_link(state: &mut State, link: Option<Result<SharedLab, share::ShareError>>, own: Option<Scenario>) {
    let Some(window) = web_sys::window() else { return };
    let search = window.location().search().unwrap_or_default();
    if let Some(embed) = share::parse_embed(&search) {
        open_embed(state, embed, link);
        return;
    }
    state.share.previous = previous().is_some();
    match link {
        None => {}
        Some(Ok(lab)) => {
            if own.as_ref().is_none_or(|own| *own == lab.scenario) {
                state.open_shared(&lab);
                forget_fragment();
            } else {
                state.share.pending = Some(Rc::new(lab));
            }
        }
        Some(Err(e)) => {
            if own.is_some() {
                keep_previous(&state.edit.scenario);
                state.share.previous = true;
            }
            let examples = state.examples.to_vec();
            let previous = state.share.previous;
            *state = State::new(examples, None);
            state.share.previous = previous;
            state.share.error = Some(Rc::new(broken(&e)));
            forget_fragment();
        }
    }
}

/// The embed mode (`?embed=1`): its example, the link's lab over it, the presenter scale, the
/// story view, the start event and autoplay. An embedded lab never shows or touches the
/// visitor's own lab.
fn open_embed(state: &mut State, embed: share::Embed, link: Option<Result<SharedLab, share::ShareError>>) {
    let example = embed.example.as_deref().and_then(|stem| state.examples.iter().position(|e| e.stem == stem));
    *state = State::new(state.examples.to_vec(), None);
    if let Some(i) = example {
        state.edit = Editor::new((*state.examples[i].scenario).clone(), Some(i));
        state.play = Playback::new(&state.edit.scenario);
    }
    let mut view_given = false;
    match link {
        Some(Ok(lab)) => {
            view_given = lab.view.is_some();
            state.open_shared(&lab);
        }
        Some(Err(e)) => state.share.error = Some(Rc::new(e.msg())),
        None => {}
    }
    if let Some(scale) = embed.scale {
        state.share.scale = scale;
    }
    // The sequence diagram's view, lanes and filters (issue 13); a bad value is reported
    // and left at its default.
    let devices: Vec<&str> = state.edit.scenario.devices.iter().map(|d| d.id.as_str()).collect();
    let [view, lanes, hide] = &embed.story;
    if let Some((story, note)) = crate::story::link::from_query(view.as_deref(), lanes.as_deref(), hide.as_deref(), &devices) {
        state.story = story;
        if let Some(note) = note {
            state.share.error = Some(Rc::new(note));
        }
    }
    if !view_given {
        // Room for the labels at the presenter scale: nothing runs off the frame.
        state.edit.view = crate::editor::fit_view_scaled(&state.edit.scenario, f64::from(state.share.scale) / 100.0);
    }
    let scenario = state.edit.scenario.clone();
    if let Some(start) = embed.start {
        state.play.apply(PlayAction::Seek(start), &scenario);
    }
    if embed.autoplay {
        state.play.apply(PlayAction::TogglePlay, &scenario);
    }
    state.share.embed = Some(embed);
}

/// What the page says of a link it could not open: worded once, in the language the page
/// opens in (the state keeps the sentence).
pub fn broken(e: &share::ShareError) -> packet_engine::msg::Msg {
    let tr = crate::i18n::tr(crate::i18n::at_boot());
    packet_engine::msg::Msg::verbatim(tr!(tr, "share-link-broken", error = tr.msg(&e.msg())))
}

/// The question a link asks before replacing the user's own lab.
#[function_component(LinkPrompt)]
pub fn link_prompt() -> Html {
    let tr = use_tr();
    let lab = use_context::<LabContext>().expect("LinkPrompt is only rendered inside App's provider");
    let open_ref = use_node_ref();
    {
        let open_ref = open_ref.clone();
        use_effect_with((), move |_| {
            if let Some(b) = open_ref.cast::<web_sys::HtmlElement>() {
                let _ = b.focus();
            }
        });
    }
    let Some(pending) = lab.share.pending.clone() else { return html! {} };
    let on_open = {
        let lab = lab.clone();
        Callback::from(move |_: MouseEvent| {
            keep_previous(&lab.edit.scenario);
            lab.dispatch(Action::OpenShared(pending.clone()));
            lab.dispatch(Action::Share(ShareAction::Previous(true)));
            forget_fragment();
        })
    };
    let on_keep = {
        let dispatcher = lab.dispatcher();
        Callback::from(move |_: MouseEvent| {
            dispatcher.dispatch(Action::Share(ShareAction::KeepMine));
            forget_fragment();
        })
    };
    let shared = &lab.share.pending.as_ref().expect("checked above").scenario;
    let title = if shared.name.is_empty() { tr!(tr, "share-untitled") } else { tr!(tr, "share-quoted", name = shared.name.clone()) };
    html! {
        <div class="share-backdrop">
            <div class="share-dialog" role="dialog" aria-modal="true" aria-labelledby="link-prompt-title" data-testid="link-prompt">
                <h2 id="link-prompt-title">{ tr!(tr, "share-prompt-title") }</h2>
                <p>{ tr!(tr, "share-prompt", title = title, devices = shared.devices.len()) }</p>
                <div class="share-actions">
                    <button type="button" class="btn btn-primary" ref={open_ref} data-testid="share-open" onclick={on_open}>{ tr!(tr, "share-open") }</button>
                    <button type="button" class="btn" data-testid="share-keep" onclick={on_keep}>{ tr!(tr, "share-keep") }</button>
                </div>
            </div>
        </div>
    }
}

/// Why the link the page was opened with could not be used.
#[function_component(LinkError)]
pub fn link_error() -> Html {
    let tr = use_tr();
    let lab = use_context::<LabContext>().expect("LinkError is only rendered inside App's provider");
    let Some(error) = lab.share.error.clone() else { return html! {} };
    let dismiss = {
        let dispatcher = lab.dispatcher();
        Callback::from(move |_: MouseEvent| dispatcher.dispatch(Action::Share(ShareAction::DismissError)))
    };
    html! {
        <div class="share-error" role="alert" data-testid="link-error">
            <p>{ tr.msg(&error) }</p>
            if lab.share.previous && lab.share.embed.is_none() {
                <RestoreButton />
            }
            if lab.share.embed.is_none() {
                <button type="button" class="link-button" onclick={dismiss}>{ tr!(tr, "share-dismiss") }</button>
            }
        </div>
    }
}

/// "Restore my previous lab": swaps the lab on screen with the one a link replaced.
#[function_component(RestoreButton)]
fn restore_button() -> Html {
    let tr = use_tr();
    let lab = use_context::<LabContext>().expect("RestoreButton is only rendered inside App's provider");
    let onclick = {
        let lab = lab.clone();
        Callback::from(move |_: MouseEvent| {
            // Reading a lab is engine code (src/boot.rs); the button is only drawn after a boot
            // that had the engine, so it is here.
            let engine = crate::playback::engine::get();
            if let Some(scenario) = engine.and_then(|engine| (engine.read_lab)(&previous_text()?)) {
                keep_previous(&lab.edit.scenario);
                lab.dispatch(Action::Edit(EditAction::Replace { scenario, origin: None }));
                lab.dispatch(Action::Share(ShareAction::DismissError));
                lab.dispatch(Action::Share(ShareAction::Dialog(false)));
            }
        })
    };
    html! {
        <button type="button" class="btn" data-testid="restore-previous" {onclick}>{ tr!(tr, "share-restore") }</button>
    }
}

/// Writes `text` to the clipboard when the browser allows it; the text is also selected in
/// its field, so Ctrl+C works where the clipboard API is refused.
fn copy(text: String, field: &NodeRef) {
    if let Some(input) = field.cast::<web_sys::HtmlInputElement>() {
        input.select();
    } else if let Some(area) = field.cast::<web_sys::HtmlTextAreaElement>() {
        area.select();
    }
    if let Some(window) = web_sys::window() {
        let promise = window.navigator().clipboard().write_text(&text);
        wasm_bindgen_futures::spawn_local(async move {
            let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        });
    }
}

/// The header's Share button and its dialog.
#[function_component(ShareButton)]
pub fn share_button() -> Html {
    let tr = use_tr();
    let lab = use_context::<LabContext>().expect("ShareButton is only rendered inside App's provider");
    let set_open = |open: bool| {
        let dispatcher = lab.dispatcher();
        Callback::from(move |_: MouseEvent| dispatcher.dispatch(Action::Share(ShareAction::Dialog(open))))
    };
    html! {
        <>
            <button type="button" class="btn share-button" data-testid="share" aria-haspopup="dialog"
                onclick={set_open(true)}>{ tr!(tr, "share-button") }</button>
            if lab.share.dialog {
                { lazy_share_dialog(()) }
            }
        </>
    }
}

crate::split_view! {
    /// The Share dialog, from its own wasm module (src/split.rs), fetched when first opened.
    fn lazy_share_dialog = "share"::load_share_dialog => ShareDialog(())
}

/// The Share dialog.
#[function_component(ShareDialog)]
fn share_dialog() -> Html {
    let tr = use_tr();
    let lab = use_context::<LabContext>().expect("ShareDialog is only rendered inside App's provider");
    let autoplay = use_state(|| false);
    let (url_ref, code_ref, close_ref) = (use_node_ref(), use_node_ref(), use_node_ref());
    {
        let url_ref = url_ref.clone();
        use_effect_with((), move |_| {
            if let Some(input) = url_ref.cast::<web_sys::HtmlInputElement>() {
                let _ = input.focus();
                input.select();
            }
        });
    }
    let fragment = use_memo(
        (lab.edit.scenario.clone(), lab.play.commands().to_vec(), lab.play.shown(), lab.play.speed, lab.play.per_click, lab.play.filter.clone(), lab.share.scale, lab.whatif.original.clone(), lab.whatif.comparing),
        {
            let snapshot = SharedLab::capture(&lab.edit, &lab.play, lab.share.scale).with_story(&lab.story).with_whatif(&lab.whatif);
            move |_| share::encode(&snapshot)
        },
    );
    let page = page_url();
    // Both links carry the interface language (`lang=`): a German deck stays German.
    let url = share::lab_url(&page, &fragment, lab.lang);
    let embed_url = share::embed_url(&page, &fragment, *autoplay, lab.lang);
    let snippet = share::embed_snippet(&embed_url, &lab.edit.scenario.name);
    let dispatcher = lab.dispatcher();
    let close = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |_: MouseEvent| dispatcher.dispatch(Action::Share(ShareAction::Dialog(false))))
    };
    let on_key = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.stop_propagation();
                dispatcher.dispatch(Action::Share(ShareAction::Dialog(false)));
            }
        })
    };
    let copy_url = {
        let (url, url_ref) = (url.clone(), url_ref.clone());
        Callback::from(move |_: MouseEvent| copy(url.clone(), &url_ref))
    };
    let copy_code = {
        let (snippet, code_ref) = (snippet.clone(), code_ref.clone());
        Callback::from(move |_: MouseEvent| copy(snippet.clone(), &code_ref))
    };
    let on_autoplay = {
        let autoplay = autoplay.clone();
        Callback::from(move |e: Event| autoplay.set(e.target_unchecked_into::<web_sys::HtmlInputElement>().checked()))
    };
    let on_scale = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            if let Ok(scale) = value.parse() {
                dispatcher.dispatch(Action::Share(ShareAction::SetScale(scale)));
            }
        })
    };
    let scales = SCALES.iter().map(|&s| {
        html! { <option value={s.to_string()} selected={s == lab.share.scale}>{ tr!(tr, "share-scale-option", scale = s.to_string()) }</option> }
    });
    let _ = close_ref;
    html! {
        <div class="share-backdrop" onkeydown={on_key}>
            <div class="share-dialog" role="dialog" aria-modal="true" aria-labelledby="share-title" data-testid="share-dialog">
                <h2 id="share-title">{ tr!(tr, "share-title") }</h2>
                <p class="share-note">{ tr!(tr, "share-note") }</p>
                <label class="share-field">
                    <span>{ tr!(tr, "share-link") }</span>
                    <input type="text" readonly=true ref={url_ref} value={url} data-testid="share-url" />
                </label>
                <button type="button" class="btn btn-primary" data-testid="share-copy" onclick={copy_url}>{ tr!(tr, "share-copy-link") }</button>
                <h3>{ tr!(tr, "share-embed") }</h3>
                <label class="share-check">
                    <input type="checkbox" checked={*autoplay} onchange={on_autoplay} data-testid="share-autoplay" />
                    { tr!(tr, "share-autoplay") }
                </label>
                <label class="share-field">
                    <span>{ tr!(tr, "share-embed-code") }</span>
                    <textarea readonly=true rows="3" ref={code_ref} value={snippet} data-testid="share-embed-code" />
                </label>
                <button type="button" class="btn" data-testid="share-copy-embed" onclick={copy_code}>{ tr!(tr, "share-copy-embed") }</button>
                <h3>{ tr!(tr, "share-presenting") }</h3>
                <label class="share-field share-inline">
                    <span>{ tr!(tr, "share-scale") }</span>
                    <select data-testid="presenter-scale" onchange={on_scale}>{ for scales }</select>
                </label>
                if lab.share.previous {
                    <p class="share-note">{ tr!(tr, "share-replaced") }</p>
                    <RestoreButton />
                }
                <div class="share-actions">
                    <button type="button" class="btn" data-testid="share-close" onclick={close}>{ tr!(tr, "share-close") }</button>
                </div>
            </div>
        </div>
    }
}
