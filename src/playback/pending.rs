//! A run still going: a lab whose run is longer than [`FIRST_WORK`] goes on in the engine's
//! Web Worker, or, where there is none, here in pieces (issue 19, docs/worker.md).
//!
//! Where it runs is [`Place`]. A run starts on the page ([`Place::Page`]); the app's worker
//! hook (`crate::worker::use_engine_worker`) then hands it to a worker
//! ([`PlayAction::Offload`]), which runs it from the start, reports its progress
//! ([`PlayAction::WorkerProgress`]) and hands back the outcome in the engine's compact form
//! ([`PlayAction::WorkerDone`], `packet_engine::codec`). When no worker can be made, or one
//! fails, the run goes on here ([`PlayAction::WorkerFailed`], [`Place::Fallback`]): stepped in
//! pieces of [`CHUNK_WORK`] units of the engine's work ([`Simulation::step`]), one piece per
//! [`PlayAction::Continue`], so the page draws the run's progress and answers clicks (Cancel
//! among them) between pieces instead of freezing until the run is over. Either way the lab is
//! never lost: Cancel stops the worker (the hook terminates it) or drops the pieces.
//!
//! The page's engine itself is a split module (`super::engine`, issue 15) fetched right after
//! the first paint: a lab that changes before it is here waits in [`Place::Engine`] (validated
//! already, so a wrong lab is said at once) and starts when it arrives
//! ([`Playback::engine_loaded`]). The first visit's example does not wait: its run is
//! precomputed (`super::first_visit`).
//!
//! The pieces change nothing in the outcome (the engine's `a_run_stepped_in_pieces_is_the_run`),
//! nor does the hand-over (`tests/codec.rs`). The app dispatches `Continue` from an animation
//! frame after each piece is drawn (`components::controls::use_run_driver`); native tests call
//! [`Playback::finish_run`]. Every run is bounded by the engine's work budget, so a run has at
//! most `max_work / CHUNK_WORK` pieces (400 at the browser's budget of 1 M events).

use std::cell::RefCell;
use std::fmt;
use std::rc::Rc;

use packet_engine::scenario::Scenario;
use packet_engine::trace::NetworkState;
use packet_engine::{Progress, Simulation};

use super::engine::{self, Engine};
use super::{Playback, Run, RunRef};

/// Where a run in progress goes on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// Nowhere yet: the engine's module is on its way (`super::engine`).
    Engine,
    /// Here, until the worker hook offers it to a worker.
    Page,
    /// In the engine's worker.
    Worker,
    /// Here, because no worker could take it.
    Fallback,
}

/// A run for the worker: which run, and its lab. Equal when the run is the same.
#[derive(Clone, Debug)]
pub struct WorkerJob {
    /// The run's number ([`PendingRun::id`]).
    pub id: u64,
    /// The lab as run, commands typed in the lab included.
    pub lab: Rc<Scenario>,
}

impl PartialEq for WorkerJob {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}

/// The lab's simulation under the browser's budget: the one both the page and the worker run.
fn simulation(engine: Engine, lab: &Scenario) -> Result<Simulation, packet_engine::msg::Msg> {
    (engine.new)(&Run::capped(lab))
}

/// `lab` as the engine's worker gets it (src/worker/): the lab file's text, its event budget
/// capped as a run here is, so the worker's run is the one [`simulation`] would make. Written
/// by the engine's module, which a run offered to a worker has already started with.
pub fn worker_lab(lab: &Scenario) -> Option<String> {
    crate::playback::engine::get().map(|engine| (engine.lab_text)(&Run::capped(lab)))
}

thread_local! {
    /// The last run's number: each run started gets the next, so a late message from an
    /// older run's worker is told apart.
    static RUNS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Work done at once when a lab changes: every example and exercise finishes within it
/// (the switch loop, the largest, takes 62,000 units), so they show at once as before.
pub const FIRST_WORK: u64 = 100_000;
/// Work done per piece afterwards: a few milliseconds of the engine in the browser.
pub const CHUNK_WORK: u64 = 10_000;

/// A run in progress. Compared by identity and progress, never by its contents.
#[derive(Clone)]
pub struct PendingRun {
    /// This run's number.
    pub id: u64,
    /// Where it goes on.
    pub place: Place,
    /// The simulation, while it is stepped here.
    sim: Rc<RefCell<Option<Simulation>>>,
    /// The lab being run (becomes [`Run::lab`]).
    lab: Rc<Scenario>,
    /// How far it has come.
    pub progress: Progress,
    /// For a run started by a command typed in the lab: the playhead's simulated time and the
    /// events shown when it was typed, where the finished run comes back to.
    pub(super) resume: Option<(u64, usize)>,
    /// For a link's lab opened before its run was done: the event to show when it is
    /// (`PlayAction::Seek` while waiting).
    pub(super) seek: Option<usize>,
}

impl PartialEq for PendingRun {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.sim, &other.sim) && self.progress == other.progress && self.place == other.place
    }
}

impl fmt::Debug for PendingRun {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PendingRun")
            .field("id", &self.id)
            .field("place", &self.place)
            .field("progress", &self.progress)
            .finish_non_exhaustive()
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

    /// The run for the worker hook: offered to a worker, or in one. The same (equal) job while
    /// the worker has it, so the hook keeps that worker; `None` once the run is stepped here
    /// after a failure, which drops (terminates) the worker.
    pub fn worker_job(&self) -> Option<WorkerJob> {
        matches!(self.place, Place::Page | Place::Worker).then(|| WorkerJob { id: self.id, lab: self.lab.clone() })
    }

    /// The work done so far, while the run is stepped here (what drives the pieces).
    pub fn stepped_here(&self) -> Option<u64> {
        matches!(self.place, Place::Page | Place::Fallback).then_some(self.progress.work)
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
    ///
    /// Before the engine's module is here the run waits ([`Place::Engine`]; validation is the
    /// engine's, so a lab's error is said when it arrives), unless it is the first visit's
    /// example, whose run is precomputed.
    pub fn start(scenario: &Scenario) -> Result<Started, packet_engine::msg::Msg> {
        let lab = Rc::new(scenario.clone());
        let Some(engine) = engine::get() else {
            if let Some((outcome, words)) = super::first_visit::outcome(scenario) {
                return Ok(Started::Done(Run::worded(outcome, lab, Some(words))));
            }
            let progress = Progress { events: 0, work: 0, max_work: 0 };
            return Ok(Started::Going(PendingRun::new(Place::Engine, None, lab, progress)));
        };
        let mut sim = simulation(engine, scenario)?;
        if (engine.step)(&mut sim, FIRST_WORK) {
            return Ok(Started::Done(Run::from_outcome((engine.finish)(sim), lab)));
        }
        let progress = sim.progress();
        Ok(Started::Going(PendingRun::new(Place::Page, Some(sim), lab, progress)))
    }
}

impl PendingRun {
    /// A run given the next number.
    fn new(place: Place, sim: Option<Simulation>, lab: Rc<Scenario>, progress: Progress) -> PendingRun {
        let id = RUNS.with(|r| {
            r.set(r.get() + 1);
            r.get()
        });
        PendingRun { id, place, sim: Rc::new(RefCell::new(sim)), lab, progress, resume: None, seek: None }
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
        // Pieces are stepped only once the engine is here (a run starts on the page then).
        let Some(engine) = engine::get() else { return };
        let done = {
            let mut slot = pending.sim.borrow_mut();
            let Some(sim) = slot.as_mut() else { return };
            let done = (engine.step)(sim, CHUNK_WORK);
            pending.progress = sim.progress();
            done.then(|| slot.take()).flatten()
        };
        if let Some(sim) = done {
            let (lab, resume, seek) = (pending.lab.clone(), pending.resume, pending.seek);
            self.pending = None;
            self.install_at(Run::from_outcome((engine.finish)(sim), lab), resume, seek);
        }
    }

    /// The engine's module arrived: a run that waited for it starts now (at once, or going on
    /// in pieces or in the worker as any run does), keeping where it is to be shown.
    pub fn engine_loaded(&mut self) {
        let Some(pending) = self.pending.as_ref().filter(|p| p.place == Place::Engine) else { return };
        let (lab, resume, seek) = (pending.lab.clone(), pending.resume, pending.seek);
        let mut started = Run::start(&lab);
        // Commands typed in an earlier visit (`Playback::restore`) are checked now, by the
        // engine: one that no longer parses is dropped, and a set that does not run is dropped
        // whole. They are the last of the lab's commands (`lab_with`).
        if let (Err(_), Some(engine)) = (&started, engine::get().filter(|_| !self.extra.is_empty())) {
            let mut base = (*lab).clone();
            base.commands.truncate(base.commands.len().saturating_sub(self.extra.len()));
            let kept: Vec<_> = self.extra.iter().filter(|c| (engine.command)(&c.run).is_ok()).cloned().collect();
            started = Run::start(&super::lab_with(&base, &kept));
            self.extra = Rc::new(kept);
            if started.is_err() {
                started = Run::start(&base);
                self.extra = Rc::new(Vec::new());
            }
        }
        match started {
            Ok(Started::Done(run)) => {
                self.pending = None;
                self.install_at(run, resume, seek);
            }
            Ok(Started::Going(mut going)) => {
                (going.resume, going.seek) = (resume, seek);
                self.pending = Some(going);
            }
            // The lab's validation error, said now that the engine has validated it.
            Err(e) => {
                self.pending = None;
                self.error = Some(Rc::new(e));
            }
        }
    }

    /// The worker took run `id`: it runs it from the start, so the piece stepped here is dropped.
    pub(super) fn offload(&mut self, id: u64) {
        let Some(pending) = self.pending.as_mut().filter(|p| p.id == id && p.place == Place::Page) else { return };
        pending.place = Place::Worker;
        pending.sim.borrow_mut().take();
    }

    /// The worker's progress on run `id`.
    pub(super) fn worker_progress(&mut self, id: u64, progress: Progress) {
        if let Some(pending) = self.pending.as_mut().filter(|p| p.id == id && p.place == Place::Worker) {
            pending.progress = progress;
        }
    }

    /// The worker finished run `id`: `bytes` is its outcome in the compact form. The topology
    /// is the lab's, validated here again by the engine (linear in the lab; a run goes to the
    /// worker only once the engine is here); bytes that do not decode (a worker of another
    /// build) make the run go on here instead.
    pub(super) fn worker_done(&mut self, id: u64, bytes: &[u8]) {
        let Some(pending) = self.pending.as_ref().filter(|p| p.id == id && p.place == Place::Worker) else { return };
        let (lab, resume, seek) = (pending.lab.clone(), pending.resume, pending.seek);
        let Some(engine) = engine::get() else { return self.worker_failed(id) };
        let decoded = (engine.validate)(&Run::capped(&lab))
            .map_err(|e| e.to_string())
            .and_then(|topology| packet_engine::codec::decode(bytes, std::sync::Arc::new(topology)).map_err(|e| e.to_string()));
        match decoded {
            Ok(outcome) => {
                self.pending = None;
                self.install_at(Run::from_outcome(outcome, lab), resume, seek);
            }
            Err(_) => self.worker_failed(id),
        }
    }

    /// No worker could take run `id`, or its worker failed: the run goes on here, in pieces,
    /// from where it is (never offered) or from the start (the worker had it).
    pub(super) fn worker_failed(&mut self, id: u64) {
        let Some(pending) = self.pending.as_mut().filter(|p| p.id == id && p.place != Place::Fallback) else { return };
        let had_it = pending.place == Place::Worker;
        pending.place = Place::Fallback;
        if had_it {
            // The engine is here: the run started on the page.
            let Some(engine) = engine::get() else { return };
            match simulation(engine, &pending.lab) {
                Ok(sim) => {
                    pending.progress = sim.progress();
                    *pending.sim.borrow_mut() = Some(sim);
                }
                // Not reached: the lab was validated when the run started.
                Err(e) => {
                    self.pending = None;
                    self.error = Some(Rc::new(e));
                }
            }
        }
    }

    /// Stops the run in progress. The lab is untouched; the message says how to run it again.
    pub(super) fn cancel_run(&mut self) {
        let Some(pending) = self.pending.take() else { return };
        pending.sim.borrow_mut().take();
        self.cancelled = true;
        self.error = Some(Rc::new(packet_engine::msg!("run-cancelled", events = pending.events())));
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

    /// Makes `run` the current run, positioned before its first event, or for a run started
    /// by a typed command, where the playhead was when it was typed (`resume`).
    /// A link's run waited: it shows event `seek` as the link asked.
    fn install_at(&mut self, run: Run, resume: Option<(u64, usize)>, seek: Option<usize>) {
        self.install(run);
        if let (Some(n), Some(run)) = (seek, self.run.clone()) {
            self.set_shown(n.min(run.len()));
        }
        if let (Some((now, shown)), Some(run)) = (resume, self.run.clone()) {
            self.set_shown(shown.min(run.len()));
            self.clock = run.timeline.to_play(now).max(if self.shown == 0 { 0.0 } else { run.play_of(self.shown - 1) });
            self.playing = !self.per_click;
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
        self.tables = super::TablesRef(Rc::new(NetworkState::default()));
        self.set_shown(start);
    }
}
