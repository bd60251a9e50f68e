//! Views whose code is in a second wasm module, fetched the first time one is drawn (issue 15:
//! the first load carries what a first visit runs, not every dialog and panel).
//!
//! A split point is an `async fn` marked `#[wasm_split::wasm_split(name)]` whose answer is a
//! plain `fn() -> Html` (a [`View`]). After the build, scripts/split.mjs (Dioxus' wasm-split)
//! moves every function only that `async fn` reaches into `packet-lab-<name>-<hash>.wasm`; the
//! first `.await` fetches it. Natively (the tests) the macro leaves an ordinary `async fn`.
//! docs/size.md, "the split wasm", says how it is built and what it costs.

use std::{cell::Cell, future::Future, pin::Pin, thread::LocalKey};

use yew::prelude::*;

/// A view in a split module: a plain function pointer, so once loaded a draw is one indirect call.
pub type View = fn() -> Html;

/// Where a split view is kept once loaded, so later draws (a dialog opened again) have it at once.
pub type Slot = LocalKey<Cell<Option<View>>>;

/// Loads a split view: the `#[wasm_split]` function, boxed.
pub type Load = fn() -> Pin<Box<dyn Future<Output = View>>>;

/// The view kept in `slot`, loaded with `load` the first time: `None` until its module is here.
/// A module that cannot be fetched (offline before the service worker kept it) leaves `None`.
#[hook]
pub fn use_split_view(slot: &'static Slot, load: Load) -> Option<View> {
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
