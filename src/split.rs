//! Views whose code is in a second wasm module, fetched the first time one is drawn (issue 15:
//! the first load carries what a first visit runs, not every dialog and panel).
//!
//! A split point is a function answering a plain `fn(&dyn Any) -> Html` (an [`AnyView`]), loaded
//! through wasm-split's `lazy_loader!(extern "name" fn …)`; [`split_view!`] writes one for a
//! component, and a function that draws it through the one [`Split`] component. After the build,
//! scripts/split.mjs (Dioxus' wasm-split) moves every function only that split point reaches into
//! `packet-lab-<name>-<hash>.wasm`; the first load fetches it, and reports whether it could.
//! Natively (the tests) the loader calls the function directly.
//! docs/size.md, "the split wasm", says how it is built and what it costs.

use std::{any::Any, cell::Cell, future::Future, pin::Pin, rc::Rc, thread::LocalKey};

use yew::prelude::*;

use crate::i18n::use_tr;

/// A view in a split module: a plain function pointer, so once loaded a draw is one indirect
/// call. It takes its props as `&dyn Any` and downcasts them to its own type, so that one
/// component ([`Split`]) and one hook draw every split view: a component per view cost ~2.6 KB
/// of the first load each (yew's lifecycle, monomorphised for its props).
pub type AnyView = fn(&dyn Any) -> Html;

/// A split view: where it is kept once loaded (so later draws, a dialog opened again, have it at
/// once) and how to load it (`None` when its module could not be fetched or started).
pub struct SplitPoint {
    #[doc(hidden)]
    pub slot: &'static LocalKey<Cell<Option<AnyView>>>,
    #[doc(hidden)]
    pub load: fn() -> Pin<Box<dyn Future<Output = Option<AnyView>>>>,
}

/// Where a split view stands.
#[derive(Clone, Copy)]
pub enum Loaded {
    /// Its module is being fetched.
    Pending,
    /// Here: draw it.
    Ready(AnyView),
    /// Its module could not be fetched (offline before the service worker kept it, a server
    /// that lost the file): wasm-split does not try a module twice in one page.
    Failed,
}

/// The view of `point`, loaded the first time. The state is kept with the point it is of: one
/// `Split` drawn where another was (a device's panel, then a link's) is the same yew component
/// with new props, and must not draw the old point's view.
#[hook]
fn use_split_view(point: &'static SplitPoint) -> Loaded {
    let here = |point: &'static SplitPoint| point.slot.with(Cell::get).map_or(Loaded::Pending, Loaded::Ready);
    let view = use_state(|| (point as *const SplitPoint as usize, here(point)));
    let key = point as *const SplitPoint as usize;
    let loaded = if view.0 == key { view.1 } else { here(point) };
    {
        let view = view.clone();
        use_effect_with(key, move |&key| {
            if let Loaded::Pending = here(point) {
                wasm_bindgen_futures::spawn_local(async move {
                    // A view is drawn once the engine's module is here too: some of the texts it
                    // words come with that module (`crate::i18n::sources`). The module is
                    // fetched right after the first paint, so this rarely waits.
                    let engine = crate::playback::engine::ENGINE.load().await && crate::playback::engine::get().is_some();
                    match (point.load)().await.filter(|_| engine) {
                        Some(loaded) => {
                            point.slot.with(|s| s.set(Some(loaded)));
                            view.set((key, Loaded::Ready(loaded)));
                        }
                        None => view.set((key, Loaded::Failed)),
                    }
                });
            } else if view.0 != key {
                view.set((key, here(point)));
            }
        });
    }
    loaded
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

/// Props of [`Split`]: the view and its own props. Equal when both are (the view's props
/// compared by `eq`, the `PartialEq` of their type), so a split view re-renders exactly when its
/// own component would.
#[derive(Properties, Clone)]
pub struct SplitProps {
    /// Which view.
    pub point: &'static SplitPoint,
    /// Its props.
    pub props: Rc<dyn Any>,
    /// Its props' `PartialEq`.
    pub eq: fn(&dyn Any, &dyn Any) -> bool,
}

impl PartialEq for SplitProps {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.point, other.point) && (self.eq)(&*self.props, &*other.props)
    }
}

/// Draws a split view once its module is here, nothing before, and [`SplitFailed`] if it cannot
/// be fetched. Written by [`split_view!`]'s function, never by hand.
#[function_component(Split)]
pub fn split(props: &SplitProps) -> Html {
    match use_split_view(props.point) {
        Loaded::Ready(view) => view(&*props.props),
        Loaded::Pending => Html::default(),
        Loaded::Failed => html! { <SplitFailed /> },
    }
}

/// `split_view!(pub fn lazy_x = "module"::load_x => X(XProps));` declares `lazy_x(props: XProps)
/// -> Html`, which draws `X` from the split module `module` once it is loaded, nothing before,
/// and [`SplitFailed`] if it cannot be (`XProps` must be `Clone + PartialEq`). A call site
/// builds the props with `yew::props!` where it wrote `<X … />`:
/// `{ lazy_x(yew::props!(XProps { a: 1 })) }`. The loader is wasm-split's `lazy_loader!` (a load
/// that reports failure), not its `#[wasm_split]` attribute, whose generated code panics (and
/// with `panic = "abort"` stops the whole app) when a module cannot be fetched.
#[macro_export]
macro_rules! split_view {
    ($(#[$doc:meta])* $vis:vis fn $lazy:ident = $module:tt :: $load:ident => $comp:ident($props:ty)) => {
        $(#[$doc])*
        $vis fn $lazy(props: $props) -> yew::Html {
            thread_local! {
                static SLOT: std::cell::Cell<Option<$crate::split::AnyView>> = const { std::cell::Cell::new(None) };
            }
            fn $load(_: ()) -> $crate::split::AnyView {
                fn view(props: &dyn std::any::Any) -> yew::Html {
                    match props.downcast_ref::<$props>() {
                        Some(props) => yew::html! { <$comp ..props.clone() /> },
                        None => yew::Html::default(),
                    }
                }
                view as $crate::split::AnyView
            }
            static LOADER: wasm_split::LazyLoader<(), $crate::split::AnyView> =
                wasm_split::lazy_loader!(extern $module fn $load(arg: ()) -> $crate::split::AnyView);
            static POINT: $crate::split::SplitPoint = $crate::split::SplitPoint {
                slot: &SLOT,
                load: || Box::pin(async { if LOADER.load().await { LOADER.call(()).ok() } else { None } }),
            };
            fn eq(a: &dyn std::any::Any, b: &dyn std::any::Any) -> bool {
                a.downcast_ref::<$props>() == b.downcast_ref::<$props>()
            }
            // Keyed by the view, so that another split view drawn in its place is a new component.
            yew::html! {
                <$crate::split::Split key={stringify!($load)} point={&POINT} props={std::rc::Rc::new(props) as std::rc::Rc<dyn std::any::Any>} eq={eq as fn(&dyn std::any::Any, &dyn std::any::Any) -> bool} />
            }
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
