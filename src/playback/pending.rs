//! A run still going: a lab whose run is longer than [`FIRST_WORK`] is stepped in pieces of
//! [`CHUNK_WORK`] units of the engine's work ([`Simulation::step`]), one piece per
//! [`PlayAction::Continue`], so the page draws the run's progress and answers clicks (Cancel
//! among them) between pieces instead of freezing until the run is over (issue 19).
//!
//! The pieces change nothing in the outcome (the engine's `a_run_stepped_in_pieces_is_the_run`).
//! The app dispatches `Continue` from a zero-delay timeout after each piece is drawn
//! (`components::controls::use_run_driver`); native tests call [`Playback::finish_run`].
//! Every run is bounded by the engine's work budget, so a run has at most
//! `max_work / CHUNK_WORK` pieces (40 at the browser's budget).

use std::cell::RefCell;
use std::fmt;
use std::rc::Rc;

use packet_engine::scenario::Scenario;
use packet_engine::trace::NetworkState;
use packet_engine::{Progress, Simulation};

use super::{Playback, Run, RunRef};

/// Work done at once when a lab changes: every example and exercise finishes within it
/// (the switch loop, the largest, takes 62,000 units), so they show at once as before.
pub const FIRST_WORK: u64 = 100_000;
/// Work done per piece afterwards: a few milliseconds of the engine in the browser.
pub const CHUNK_WORK: u64 = 10_000;

/// A run in progress. Compared by identity and progress, never by its contents.
#[derive(Clone)]
pub struct PendingRun {
    sim: Rc<RefCell<Option<Simulation>>>,
    /// The lab being run (becomes [`Run::lab`]).
    lab: Rc<Scenario>,
    /// How far it has come.
    pub progress: Progress,
}

impl PartialEq for PendingRun {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.sim, &other.sim) && self.progress == other.progress
    }
}

impl fmt::Debug for PendingRun {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PendingRun").field("progress", &self.progress).finish_non_exhaustive()
    }
}

impl PendingRun {
    /// Events so far.
    pub fn events(&self) -> u64 {
        self.progress.events
    }

    /// The share of the work budget spent, 0 … 1: the run ends by 1 at the latest.
    pub fn fraction(&self) -> f64 {
        (self.progress.work as f64 / self.progress.max_work.max(1) as f64).min(1.0)
    }
}

/// A lab's run started: over at once, or still going.
pub enum Started {
    /// It finished within [`FIRST_WORK`].
    Done(Run),
    /// It goes on in pieces.
    Going(PendingRun),
}

impl Run {
    /// Starts `scenario`'s run under the browser's budget and does the first [`FIRST_WORK`]
    /// units of it; the error is the engine's validation message.
    pub fn start(scenario: &Scenario) -> Result<Started, String> {
        let mut sim = Simulation::new(&Run::capped(scenario)).map_err(|e| e.to_string())?;
        let lab = Rc::new(scenario.clone());
        if sim.step(FIRST_WORK) {
            return Ok(Started::Done(Run::from_outcome(sim.finish(), lab)));
        }
        let progress = sim.progress();
        Ok(Started::Going(PendingRun { sim: Rc::new(RefCell::new(Some(sim))), lab, progress }))
    }
}

impl Playback {
    /// The run in progress, if a long one is going.
    pub fn pending(&self) -> Option<&PendingRun> {
        self.pending.as_ref()
    }

    /// One more piece of the run in progress; installs the run when it is over.
    pub(super) fn continue_run(&mut self) {
        let Some(pending) = &mut self.pending else { return };
        let done = {
            let mut slot = pending.sim.borrow_mut();
            let Some(sim) = slot.as_mut() else { return };
            let done = sim.step(CHUNK_WORK);
            pending.progress = sim.progress();
            done.then(|| slot.take()).flatten()
        };
        if let Some(sim) = done {
            let lab = pending.lab.clone();
            self.pending = None;
            self.install(Run::from_outcome(sim.finish(), lab));
        }
    }

    /// Stops the run in progress. The lab is untouched; the message says how to run it again.
    pub(super) fn cancel_run(&mut self) {
        let Some(pending) = self.pending.take() else { return };
        pending.sim.borrow_mut().take();
        self.cancelled = true;
        self.error = Some(Rc::from(format!(
            "the run was cancelled after {} events. The lab is unchanged: press Run again, or edit it.",
            pending.events()
        )));
    }

    /// Runs the lab again after a cancel.
    pub(super) fn run_again(&mut self, scenario: &Scenario) {
        if self.cancelled {
            self.source = None;
            self.invalidate(scenario);
        }
    }

    /// Runs the run in progress to its end at once (native tests; the app steps it by frames).
    #[cfg(test)]
    pub fn finish_run(&mut self) {
        while self.pending.is_some() {
            self.continue_run();
        }
    }

    /// Makes `run` the current run, positioned before its first event.
    pub(super) fn install(&mut self, run: Run) {
        let start = run.start;
        self.run = Some(RunRef(Rc::new(run)));
        self.error = None;
        // The tables belong to the old run: start the new one from nothing, else
        // `set_shown` would apply only the events past the old cursor on top of them.
        self.shown = 0;
        self.tables = Rc::new(NetworkState::default());
        self.set_shown(start);
    }
}
