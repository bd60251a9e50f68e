//! Views whose code is in a second wasm module, fetched the first time one is drawn (issue 15:
//! the first load carries what a first visit runs, not every dialog and panel).
//!
//! A split point is an `async fn` marked `#[wasm_split::wasm_split(name)]` whose answer is a
//! plain `fn(&Props) -> Html` (a [`View`]); [`split_view!`] writes one for a component. After the build, scripts/split.mjs (Dioxus' wasm-split)
//! moves every function only that `async fn` reaches into `packet-lab-<name>-<hash>.wasm`; the
//! first `.await` fetches it. Natively (the tests) the macro leaves an ordinary `async fn`.
//! docs/size.md, "the split wasm", says how it is built and what it costs.

use std::{cell::Cell, future::Future, pin::Pin, thread::LocalKey};

use yew::prelude::*;

/// A view in a split module: a plain function pointer, so once loaded a draw is one indirect call.
pub type View<P = ()> = fn(&P) -> Html;

/// Where a split view is kept once loaded, so later draws (a dialog opened again) have it at once.
pub type Slot<P = ()> = LocalKey<Cell<Option<View<P>>>>;

/// Loads a split view: the `#[wasm_split]` function, boxed.
pub type Load<P = ()> = fn() -> Pin<Box<dyn Future<Output = View<P>>>>;

/// The view kept in `slot`, loaded with `load` the first time: `None` until its module is here.
/// A module that cannot be fetched (offline before the service worker kept it) leaves `None`.
#[hook]
pub fn use_split_view<P: 'static>(slot: &'static Slot<P>, load: Load<P>) -> Option<View<P>> {
    let view = use_state(|| slot.with(Cell::get));
    {
        let view = view.clone();
        use_effect_with((), move |_| {
            if view.is_none() {
                wasm_bindgen_futures::spawn_local(async move {
                    let loaded = load().await;
                    slot.with(|s| s.set(Some(loaded)));
                    view.set(Some(loaded));
                });
            }
        });
    }
    *view
}

/// `split_view!(pub LazyX = module::load_x => X(XProps));` declares `LazyX`, a component with
/// `X`'s props (which must be `Clone`) that draws `X` from the split module `module` once it is
/// loaded, and nothing before. Re-exported under `X`'s name, it replaces `X` where `X` is used.
#[macro_export]
macro_rules! split_view {
    ($(#[$doc:meta])* $vis:vis $lazy:ident = $module:ident :: $load:ident => $comp:ident($props:ty)) => {
        $(#[$doc])*
        #[yew::function_component]
        $vis fn $lazy(props: &$props) -> yew::Html {
            thread_local! {
                static SLOT: std::cell::Cell<Option<$crate::split::View<$props>>> = const { std::cell::Cell::new(None) };
            }
            #[wasm_split::wasm_split($module)]
            async fn $load() -> $crate::split::View<$props> {
                fn view(props: &$props) -> yew::Html {
                    yew::html! { <$comp ..props.clone() /> }
                }
                view as $crate::split::View<$props>
            }
            match $crate::split::use_split_view(&SLOT, || Box::pin($load())) {
                Some(view) => view(props),
                None => yew::Html::default(),
            }
        }
    };
}
