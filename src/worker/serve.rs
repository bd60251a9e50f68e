//! Inside the engine's worker: `main` calls [`serve`] when it runs in a worker; each lab the
//! page posts is run in pieces of [`CHUNK_WORK`], its progress posted after each piece and its
//! outcome, in the engine's compact form, posted at the end (the conversation is in
//! [`super`]). Nothing is drawn here: the worker never touches the DOM.

use js_sys::{Array, Uint8Array};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use packet_engine::Scenario;

use crate::playback::{simulation, CHUNK_WORK};

/// True when this module runs in a worker (a global without a `document`).
pub fn in_worker() -> bool {
    !js_sys::Reflect::has(&js_sys::global(), &JsValue::from_str("document")).unwrap_or(true)
}

/// Answers the page: takes labs, posts progress and outcomes.
pub fn serve() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let on_message = {
        let scope = scope.clone();
        Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let reply = match event.data().as_string() {
                Some(text) => run(&scope, &text),
                None => Err("the page sent something that is not a lab".to_string()),
            };
            if let Err(e) = reply {
                let _ = scope.post_message(&JsValue::from_str(&format!("error: {e}")));
            }
        })
    };
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str("ready"));
}

/// Runs the lab `text` to its end, posting its progress and then its outcome.
fn run(scope: &DedicatedWorkerGlobalScope, text: &str) -> Result<(), String> {
    let lab = Scenario::from_json(text).map_err(|e| e.to_string())?;
    let mut sim = simulation(&lab).map_err(|e| e.to_string())?;
    loop {
        let done = sim.step(CHUNK_WORK);
        let p = sim.progress();
        let progress = Array::of3(&(p.events as f64).into(), &(p.work as f64).into(), &(p.max_work as f64).into());
        scope.post_message(&progress).map_err(|_| "could not post the progress")?;
        if done {
            break;
        }
    }
    let bytes = packet_engine::codec::encode(&sim.finish());
    let array = Uint8Array::from(&bytes[..]);
    drop(bytes);
    scope
        .post_message_with_transfer(&array, &Array::of1(&array.buffer()))
        .map_err(|_| "could not post the outcome".to_string())
}
