//! Views whose code is in a second wasm module, fetched the first time one is drawn (issue 15:
//! the first load carries what a first visit runs, not every dialog and panel).
//!
//! A split point is a function answering a plain `fn(&Props) -> Html` (a [`View`]), loaded
//! through wasm-split's `lazy_loader!(extern "name" fn …)`; [`split_view!`] writes one for a
//! component. After the build, scripts/split.mjs (Dioxus' wasm-split) moves every function only
//! that split point reaches into `packet-lab-<name>-<hash>.wasm`; the first load fetches it, and
//! reports whether it could. Natively (the tests) the loader calls the function directly.
//! docs/size.md, "the split wasm", says how it is built and what it costs.

use std::{cell::Cell, future::Future, pin::Pin, thread::LocalKey};

use yew::prelude::*;

use crate::i18n::use_tr;

/// A view in a split module: a plain function pointer, so once loaded a draw is one indirect call.
pub type View<P = ()> = fn(&P) -> Html;

/// Where a split view is kept once loaded, so later draws (a dialog opened again) have it at once.
pub type Slot<P = ()> = LocalKey<Cell<Option<View<P>>>>;

/// Loads a split view: `None` when its module could not be fetched or started.
pub type Load<P = ()> = fn() -> Pin<Box<dyn Future<Output = Option<View<P>>>>>;

/// Where a split view stands.
pub enum Loaded<P: 'static> {
    /// Its module is being fetched.
    Pending,
    /// Here: draw it.
    Ready(View<P>),
    /// Its module could not be fetched (offline before the service worker kept it, a server
    /// that lost the file): wasm-split does not try a module twice in one page.
    Failed,
}

// By hand: a derive would ask `P: Copy`, and a `View<P>` is a function pointer whatever `P` is.
impl<P> Clone for Loaded<P> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<P> Copy for Loaded<P> {}

/// The view kept in `slot`, loaded with `load` the first time.
#[hook]
pub fn use_split_view<P: 'static>(slot: &'static Slot<P>, load: Load<P>) -> Loaded<P> {
    let view = use_state(|| slot.with(Cell::get).map_or(Loaded::Pending, Loaded::Ready));
    {
        let view = view.clone();
        use_effect_with((), move |_| {
            if matches!(*view, Loaded::Pending) {
                wasm_bindgen_futures::spawn_local(async move {
                    // A view is drawn once the engine's module is here too: some of the texts it
                    // words come with that module (`crate::i18n::sources`). The module is
                    // fetched right after the first paint, so this rarely waits.
                    let engine = crate::playback::engine::ENGINE.load().await && crate::playback::engine::get().is_some();
                    match load().await.filter(|_| engine) {
                        Some(loaded) => {
                            slot.with(|s| s.set(Some(loaded)));
                            view.set(Loaded::Ready(loaded));
                        }
                        None => view.set(Loaded::Failed),
                    }
                });
            }
        });
    }
    *view
}

/// What stands in for a split view that is not here: nothing while it is fetched (a module
/// is a few tens of KB, fetched in a moment or served by the service worker), and a clear
/// message with a way out when it could not be (the lab is in the browser's storage, so a
/// reload keeps it).
#[function_component(SplitFailed)]
pub fn split_failed() -> Html {
    let tr = use_tr();
    let reload = Callback::from(|_: MouseEvent| {
        let _ = gloo_utils::window().location().reload();
    });
    html! {
        <div class="split-failed" role="alert" data-testid="split-failed">
            <p>{ crate::tr!(tr, "split-failed") }</p>
            <button type="button" class="btn" data-testid="split-reload" onclick={reload}>{ crate::tr!(tr, "split-reload") }</button>
        </div>
    }
}

/// Draws a split view as it stands.
pub fn draw<P: 'static>(loaded: Loaded<P>, props: &P) -> Html {
    match loaded {
        Loaded::Ready(view) => view(props),
        Loaded::Pending => Html::default(),
        Loaded::Failed => html! { <SplitFailed /> },
    }
}

/// `split_view!(pub LazyX = "module"::load_x => X(XProps));` declares `LazyX`, a component with
/// `X`'s props (which must be `Clone`) that draws `X` from the split module `module` once it is
/// loaded, nothing before, and [`SplitFailed`] if it cannot be. Re-exported under `X`'s name, it
/// replaces `X` where `X` is used. The loader is wasm-split's `lazy_loader!` (a load that
/// reports failure), not its `#[wasm_split]` attribute, whose generated code panics (and with
/// `panic = "abort"` stops the whole app) when a module cannot be fetched.
#[macro_export]
macro_rules! split_view {
    ($(#[$doc:meta])* $vis:vis $lazy:ident = $module:tt :: $load:ident => $comp:ident($props:ty)) => {
        $(#[$doc])*
        #[yew::function_component]
        $vis fn $lazy(props: &$props) -> yew::Html {
            thread_local! {
                static SLOT: std::cell::Cell<Option<$crate::split::View<$props>>> = const { std::cell::Cell::new(None) };
            }
            fn $load(_: ()) -> $crate::split::View<$props> {
                fn view(props: &$props) -> yew::Html {
                    yew::html! { <$comp ..props.clone() /> }
                }
                view as $crate::split::View<$props>
            }
            static LOADER: wasm_split::LazyLoader<(), $crate::split::View<$props>> =
                wasm_split::lazy_loader!(extern $module fn $load(arg: ()) -> $crate::split::View<$props>);
            let loaded = $crate::split::use_split_view(&SLOT, || {
                Box::pin(async { if LOADER.load().await { LOADER.call(()).ok() } else { None } })
            });
            $crate::split::draw(loaded, props)
        }
    };
}

/// A function whose code is in a split module, for work a first visit never does (predict
/// mode's questions, the what-if's comparison) but that the reducer runs, synchronously, once
/// the user has asked for it. Declared with [`split_fn!`]. The reducer asks [`SplitFn::get`]
/// and does nothing while it answers `None`; [`use_split_fn`] fetches the module when the
/// feature is turned on and then dispatches an action, after which the reducer's work is done.
pub struct SplitFn<F: 'static> {
    /// wasm-split's loader of the module (whose loader function answers the function).
    #[cfg(target_arch = "wasm32")]
    #[doc(hidden)]
    pub loader: &'static wasm_split::LazyLoader<(), F>,
    /// Natively (the tests) the function itself: wasm-split's native loader answers only
    /// after an `await`, and the reducer cannot wait.
    #[cfg(not(target_arch = "wasm32"))]
    #[doc(hidden)]
    pub f: F,
}

impl<F: Copy + 'static> SplitFn<F> {
    /// The function, once its module is here (natively, always).
    pub fn get(&'static self) -> Option<F> {
        #[cfg(target_arch = "wasm32")]
        return self.loader.call(()).ok();
        #[cfg(not(target_arch = "wasm32"))]
        Some(self.f)
    }

    /// Fetches its module (once a page); false when it could not be fetched or started.
    pub async fn load(&'static self) -> bool {
        #[cfg(target_arch = "wasm32")]
        return self.loader.load().await;
        #[cfg(not(target_arch = "wasm32"))]
        true
    }
}

/// `split_fn!(pub static NAME: fn(…) -> … = "module"::load_x => path::to::function);` declares
/// a [`SplitFn`] whose function, and everything only it reaches, scripts/split.mjs moves into
/// the module `module` (the loader's function answers the function's pointer, as
/// [`split_view!`]'s answers a view's).
#[macro_export]
macro_rules! split_fn {
    ($(#[$doc:meta])* $vis:vis static $name:ident: $ty:ty = $module:tt :: $load:ident => $f:path;) => {
        $(#[$doc])*
        #[cfg(target_arch = "wasm32")]
        $vis static $name: $crate::split::SplitFn<$ty> = {
            fn $load(_: ()) -> $ty {
                $f as $ty
            }
            static LOADER: wasm_split::LazyLoader<(), $ty> = wasm_split::lazy_loader!(extern $module fn $load(arg: ()) -> $ty);
            $crate::split::SplitFn { loader: &LOADER }
        };
        $(#[$doc])*
        #[cfg(not(target_arch = "wasm32"))]
        $vis static $name: $crate::split::SplitFn<$ty> = $crate::split::SplitFn { f: $f as $ty };
    };
}

/// Fetches `f`'s module once `wanted` turns true, then calls `on_loaded` (which dispatches an
/// action, so the reducer runs again and does what it skipped). Answers true when the module
/// could not be fetched: the caller shows [`SplitFailed`] where the feature would speak.
#[hook]
pub fn use_split_fn<F: Copy + 'static>(f: &'static SplitFn<F>, wanted: bool, on_loaded: Callback<()>) -> bool {
    let failed = use_state(|| false);
    {
        let failed = failed.clone();
        use_effect_with(wanted, move |&wanted| {
            if wanted && f.get().is_none() {
                wasm_bindgen_futures::spawn_local(async move {
                    if f.load().await {
                        on_loaded.emit(());
                    } else {
                        failed.set(true);
                    }
                });
            }
        });
    }
    *failed
}
