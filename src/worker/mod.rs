//! The engine's Web Worker (issue 19, docs/worker.md): a long run goes on off the page's
//! thread, so the page stays responsive, shows the run's progress and can cancel it.
//!
//! The worker runs *this same wasm module*: the page posts its own compiled
//! `WebAssembly.Module` (`wasm_bindgen::module()`) to a small module-worker script,
//! `engine-worker-<hash>.js`, which imports the app's wasm-bindgen glue and instantiates the
//! module with it; `main` then finds itself in a worker and serves runs ([`serve`]) instead of
//! drawing the app. So nothing more is downloaded or compiled for the worker, the page and the
//! worker can never be of different builds, and there is one wasm build (no second trunk
//! target). `scripts/worker.mjs` (a trunk post_build hook) writes the worker script with the
//! glue's hashed name and names the script in index.html's `<meta name="packet-lab-worker">`,
//! from where the service worker caches it with the rest.
//!
//! The conversation, one worker per run:
//! 1. page → worker: the `WebAssembly.Module` (taken by the worker script);
//! 2. worker → page: `"ready"` (the module runs);
//! 3. page → worker: the lab, in the lab file format (JSON text);
//! 4. worker → page: `[events, work, max_work]` after each piece of [`CHUNK_WORK`] units, then
//!    the outcome in the engine's compact form (`packet_engine::codec`) as a `Uint8Array`
//!    whose buffer is transferred, not copied; or `"error: …"`.
//!
//! Cancel, a new lab or leaving drops [`Running`], which terminates the worker. When the
//! worker cannot be made (no `Worker`, no module workers, no `<meta>`, a `file://` page) or
//! fails (its script does not load, its module traps, its bytes do not decode), the run goes
//! on here in pieces ([`PlayAction::WorkerFailed`]), and later runs do not try again.
//!
//! [`CHUNK_WORK`]: crate::playback::CHUNK_WORK

use std::cell::Cell;
use std::rc::Rc;

use js_sys::{Array, Uint8Array};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};
use yew::prelude::*;

use crate::playback::{PlayAction, WorkerJob};

mod serve;
pub use serve::{in_worker, serve};

thread_local! {
    /// A worker failed in this page: later runs go on here straight away.
    static BROKEN: Cell<bool> = const { Cell::new(false) };
}

/// Offers each new run in progress to a worker (dispatching [`PlayAction::Offload`] when one
/// took it, [`PlayAction::WorkerFailed`] when none could), relays its messages, and
/// terminates it when the run is over, cancelled or replaced.
#[hook]
pub fn use_engine_worker(job: Option<WorkerJob>, on_action: Callback<PlayAction>) {
    use_effect_with(job, move |job| {
        let running = job.as_ref().and_then(|job| match Running::start(job, on_action.clone()) {
            Some(running) => {
                on_action.emit(PlayAction::Offload { run: job.id });
                Some(running)
            }
            None => {
                on_action.emit(PlayAction::WorkerFailed { run: job.id });
                None
            }
        });
        move || drop(running)
    });
}

/// A worker running one lab, with the handlers that keep it talking.
pub struct Running {
    worker: Worker,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(JsValue)>,
}

impl Drop for Running {
    fn drop(&mut self) {
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        self.worker.terminate();
    }
}

impl Running {
    /// Starts a worker on `job`, or `None` when none can be made here.
    fn start(job: &WorkerJob, on_action: Callback<PlayAction>) -> Option<Running> {
        if BROKEN.with(Cell::get) {
            return None;
        }
        let url = script_url()?;
        let options = WorkerOptions::new();
        options.set_type(WorkerType::Module);
        let worker = Worker::new_with_options(&url, &options).ok()?;
        let run = job.id;
        // Said once: the first failure wins, later messages of a failed worker are ignored.
        let failed = Rc::new(Cell::new(false));
        let fail = {
            let (failed, on_action) = (failed.clone(), on_action.clone());
            move || {
                if !failed.replace(true) {
                    BROKEN.with(|b| b.set(true));
                    on_action.emit(PlayAction::WorkerFailed { run });
                }
            }
        };
        let on_message = {
            let (worker, lab, fail) = (worker.clone(), job.lab.to_json_pretty(), fail.clone());
            Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
                let data = event.data();
                if failed.get() {
                    return;
                }
                if let Some(text) = data.as_string() {
                    if text == "ready" && worker.post_message(&JsValue::from_str(&lab)).is_ok() {
                        return;
                    }
                    fail();
                } else if let Some(bytes) = data.dyn_ref::<Uint8Array>() {
                    on_action.emit(PlayAction::WorkerDone { run, bytes: Rc::from(bytes.to_vec()) });
                } else if let Some(progress) = data.dyn_ref::<Array>() {
                    let at = |i| progress.get(i).as_f64().unwrap_or(0.0) as u64;
                    let progress = packet_engine::Progress { events: at(0), work: at(1), max_work: at(2) };
                    on_action.emit(PlayAction::WorkerProgress { run, progress });
                }
            })
        };
        let on_error = Closure::<dyn FnMut(JsValue)>::new(move |_| fail());
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        let running = Running { worker, _on_message: on_message, _on_error: on_error };
        // Dropping `running` terminates the worker.
        running.worker.post_message(&wasm_bindgen::module()).ok()?;
        Some(running)
    }
}

/// The worker script's URL, from index.html's `<meta name="packet-lab-worker">`; none on a
/// page that does not name one, or where workers cannot load (`file://`: an opaque origin).
fn script_url() -> Option<String> {
    let document = gloo_utils::document();
    let url = document.query_selector(r#"meta[name="packet-lab-worker"]"#).ok()??.get_attribute("content")?;
    let href = document.location()?.href().ok()?;
    (!href.starts_with("file:") && !url.is_empty()).then_some(url)
}
