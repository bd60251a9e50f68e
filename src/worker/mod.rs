//! The engine's Web Worker (issue 19, docs/worker.md): a long run goes on off the page's
//! thread, so the page stays responsive, shows the run's progress and can cancel it.
//!
//! The worker runs the engine's own module (engine-worker/: the engine alone, built at
//! opt-level 3, where the app's module is built at "z" for its first load; issue 15), through
//! a small module-worker script, `engine-worker-<hash>.js`, which imports that module's
//! wasm-bindgen glue. `scripts/worker.mjs` (a trunk post_build hook) writes the script and the
//! module under hashed names and names them in index.html (`<meta name="packet-lab-worker">`,
//! and the module as `<meta name=packet-lab-lazy>`), from where the service worker caches them
//! with the rest. The module is fetched the first time a run goes to a worker, never by a
//! first visit's examples.
//!
//! The conversation, one worker per run:
//! 1. worker → page: `"ready"` (its module runs);
//! 2. page → worker: `[lab, CHUNK_WORK]`, the lab in the lab file format (JSON text, its event
//!    budget capped as the page's runs are) and the size of a piece;
//! 3. worker → page: `[events, work, max_work]` after each piece of [`CHUNK_WORK`] units, then
//!    the outcome in the engine's compact form (`packet_engine::codec`) as a `Uint8Array`
//!    whose buffer is transferred, not copied; or `"error: …"`.
//!
//! Cancel, a new lab or leaving drops [`Running`], which terminates the worker. When the
//! worker cannot be made (no `Worker`, no module workers, no `<meta>`, a `file://` page) or
//! fails (its script or module does not load, its module traps, its bytes do not decode), the
//! run goes on here in pieces ([`PlayAction::WorkerFailed`]), and later runs do not try again.
//!
//! [`CHUNK_WORK`]: crate::playback::CHUNK_WORK

use std::cell::Cell;
use std::rc::Rc;

use js_sys::{Array, Uint8Array};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};
use yew::prelude::*;

use crate::playback::{worker_lab, PlayAction, WorkerJob, CHUNK_WORK};

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
    /// A module worker on the page's worker script: `on_message` gets each message it posts,
    /// with a way to answer (false when the answer could not be posted), and `on_error` its
    /// failure (its script or module does not load, its module traps). `None` when no worker
    /// can be made here.
    pub fn open(
        mut on_message: impl FnMut(JsValue, &dyn Fn(&JsValue) -> bool) + 'static,
        on_error: impl Fn() + 'static,
    ) -> Option<Running> {
        let url = script_url()?;
        let options = WorkerOptions::new();
        options.set_type(WorkerType::Module);
        let worker = Worker::new_with_options(&url, &options).ok()?;
        let on_message = {
            let worker = worker.clone();
            Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
                on_message(event.data(), &|answer| worker.post_message(answer).is_ok());
            })
        };
        let on_error = Closure::<dyn FnMut(JsValue)>::new(move |_| on_error());
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        // Dropping it terminates the worker.
        Some(Running { worker, _on_message: on_message, _on_error: on_error })
    }

    /// Starts a worker on `job`, or `None` when none can be made here.
    fn start(job: &WorkerJob, on_action: Callback<PlayAction>) -> Option<Running> {
        if BROKEN.with(Cell::get) {
            return None;
        }
        let run = job.id;
        let lab = worker_lab(&job.lab)?;
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
            let fail = fail.clone();
            move |data: JsValue, answer: &dyn Fn(&JsValue) -> bool| {
                if failed.get() {
                    return;
                }
                if let Some(text) = data.as_string() {
                    let job = Array::of2(&JsValue::from_str(&lab), &(CHUNK_WORK as f64).into());
                    if text == "ready" && answer(&job) {
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
            }
        };
        Self::open(on_message, fail)
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
