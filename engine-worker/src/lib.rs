//! The engine alone, for the page's Web Worker (issue 15, docs/worker.md): a long run goes on
//! in a worker, and there it runs this module, built at opt-level 3, not the app's own module,
//! which is built at opt-level "z" for its first load. The same engine code either way; the
//! page decodes the outcome with the same codec, so which module ran it cannot show.
//!
//! The worker script (static/engine-worker.js) drives a [`Job`]: it makes one from the lab
//! the page posts, steps it in the page's pieces, posting the progress after each, and posts
//! the outcome's bytes at the end. Nothing here touches the web: the calls are plain values.

use wasm_bindgen::prelude::*;

use packet_engine::{Scenario, Simulation};

// The wasm build's global allocator (every entry point behind a call LLVM may not inline):
// without it the engine traps in dlmalloc at opt-level 2 and 3 (docs/wasm-opt-level-crash.md).
// The app's own file, shared so the two modules can never differ in it.
#[cfg(target_arch = "wasm32")]
#[path = "../../src/alloc.rs"]
mod alloc;

/// One lab being run.
#[wasm_bindgen]
pub struct Job {
    sim: Simulation,
}

#[wasm_bindgen]
impl Job {
    /// Validates `lab` (the lab file format, its event budget already capped by the page) and
    /// readies its run; the message says what is wrong when it cannot be run.
    #[wasm_bindgen(constructor)]
    pub fn new(lab: &str) -> Result<Job, String> {
        // The validation messages are not in the engine's first catalogue in a wasm build
        // (engine/build.rs `CHECKS`): added before an error is worded.
        let lab = Scenario::from_json(lab).map_err(|e| {
            packet_engine::msg::add_english_checks();
            e.to_string()
        })?;
        let sim = Simulation::new(&lab).map_err(|e| {
            packet_engine::msg::add_english_checks();
            e.with_path().to_string()
        })?;
        Ok(Job { sim })
    }

    /// Runs up to `work` more units of the engine's work; true once the run is over.
    pub fn step(&mut self, work: f64) -> bool {
        self.sim.step(work as u64)
    }

    /// `[events, work, max_work]` so far.
    pub fn progress(&self) -> Vec<f64> {
        let p = self.sim.progress();
        vec![p.events as f64, p.work as f64, p.max_work as f64]
    }

    /// The outcome, in the engine's compact form (`packet_engine::codec`).
    pub fn finish(self) -> Vec<u8> {
        packet_engine::codec::encode(&self.sim.finish())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use packet_engine::examples;

    /// A job stepped in pieces hands over the same outcome as the engine's own run.
    #[test]
    fn a_job_run_in_pieces_gives_the_engines_outcome() {
        let lab = examples::benchmark(40, 4, 3);
        let mut job = Job::new(&lab.to_json_pretty()).expect("the benchmark lab is valid");
        let mut pieces = 0;
        while !job.step(1_000.0) {
            pieces += 1;
        }
        let progress = job.progress();
        assert!(pieces > 2, "{pieces} pieces");
        let topology = std::sync::Arc::new(lab.validate().expect("valid"));
        let outcome = packet_engine::codec::decode(&job.finish(), topology).expect("the bytes decode");
        let own = Simulation::new(&lab).expect("valid").run();
        assert_eq!(progress[0], own.events_processed as f64);
        assert_eq!(outcome, own);
    }

    /// A lab that does not read says why, in words.
    #[test]
    fn a_broken_lab_is_named() {
        let err = Job::new("{\"devices\": 3}").err().expect("not a lab");
        assert!(err.contains("devices"), "{err}");
    }
}
