//! Playback of a run: the engine's trace for the scenario on the canvas, a cursor into it,
//! and the mapping from simulated time to playback time that lets a student *see* a frame
//! that lasts 12 µs.
//!
//! Pure model, like yew's `game_of_life`: nothing here imports yew or reads a clock. The
//! animation loop dispatches [`PlayAction::Tick`] with the wall-clock milliseconds since the
//! last frame; everything else (stepping, seeking, filters, commands) is an action too, so a
//! session can be replayed and every behaviour is tested natively.
//!
//! ## Time
//! Simulated time is mapped to *show time* (ms on screen at 1×) by the presentation time
//! scale in [`timeline`]: each frame hop takes between 0.6 and 2.4 s on screen however long it
//! is on its wire, waits with nothing on a wire are squeezed, and the speed multiplies it.
//! Every time displayed is simulated time; stepping and scrubbing move by events, exactly.
//! docs/playback.md has the mapping with numbers.

use packet_engine::msg::Msg;
use packet_engine::{VecMap, VecSet};
use std::fmt;
use std::rc::Rc;

use packet_engine::scenario::{CommandSpec, Scenario};
use packet_engine::trace::{DropReason, EventKind, Forwarding, Hop, NatDirection, NetworkState};
use packet_engine::wire::Protocol;
use packet_engine::{Name, RunOutcome};

/// The speeds offered, slowest first; index [`DEFAULT_SPEED`] is 1×.
pub const SPEEDS: [f64; 8] = [0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 4.0, 0.0];
/// Index of 1× in [`SPEEDS`].
pub const DEFAULT_SPEED: usize = 4;
/// How many speeds are real speeds; the last entry of [`SPEEDS`] is a placeholder for the
/// "one event per click" mode, which is a separate flag.
pub const SPEED_COUNT: usize = 7;
/// How long (show ms) a dropped frame's ✕ or a flood's ring stays on the canvas.
pub const LINGER_MS: f64 = 800.0;
/// How long (show ms) a frame that has arrived stays drawn at its receiver.
pub const HOLD_MS: f64 = 300.0;
/// The "whole run in about N seconds" choices, in seconds.
pub const FIT_CHOICES: [u32; 2] = [20, 60];

mod events;
mod filter;
mod format;
mod pending;
pub mod engine;
mod first_visit;
mod run;
pub mod timeline;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod memory;
#[cfg(test)]
mod tests;

pub use events::*;
pub use filter::Filter;
pub use format::*;
pub use pending::*;
pub use run::*;
pub use timeline::Timeline;
#[cfg(test)]
use timeline::{HOP_MAX_MS, HOP_MIN_MS, IDLE_CAP_MS};

/// Why a command could not be added.
#[derive(Clone, Debug, PartialEq)]
pub struct CommandError(pub Rc<str>);

impl fmt::Display for CommandError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Every way playback changes.
#[derive(Clone, Debug, PartialEq)]
pub enum PlayAction {
    /// The animation frame: this many wall-clock milliseconds passed since the last one.
    Tick(f64),
    /// Play, or pause when playing; in one-event-per-click mode, one step.
    TogglePlay,
    /// Stop playing.
    Pause,
    /// Show the next event.
    StepForward,
    /// Show the previous event: the tables become exactly those of that time.
    StepBack,
    /// Show the first `n` events (the timeline scrubber).
    Seek(usize),
    /// Make event `index` the current one (a click in the event list).
    Jump(usize),
    /// Back to the start.
    Rewind,
    /// Pick a speed by index in [`SPEEDS`].
    SetSpeed(usize),
    /// Play the whole run in about this many seconds (a speed chosen to fit it).
    FitRun(u32),
    /// Turn the one-event-per-click mode on or off.
    SetPerClick(bool),
    /// Show or hide a class of events.
    ToggleClass(EventClass),
    /// Show only one device's events, or all.
    SetDevice(Option<Rc<str>>),
    /// Type a command on a device at the current simulated time.
    Command {
        /// The device it runs on.
        device: Rc<str>,
        /// The command line.
        run: Rc<str>,
    },
    /// Remove the commands typed in the lab.
    ClearCommands,
    /// Do the next piece of a long run (see [`pending`]).
    Continue,
    /// Stop the long run in progress; the lab stays as it is.
    CancelRun,
    /// Run the lab again after a cancel.
    RunAgain,
    /// The engine's worker took run `run` (see [`pending`]).
    Offload { run: u64 },
    /// The worker's progress on run `run`.
    WorkerProgress { run: u64, progress: packet_engine::Progress },
    /// The worker finished run `run`: its outcome in the engine's compact form.
    WorkerDone { run: u64, bytes: Rc<[u8]> },
    /// No worker could take run `run`, or it failed: the run goes on here.
    WorkerFailed { run: u64 },
}

/// The playback state.
#[derive(Clone, Debug, PartialEq)]
pub struct Playback {
    /// The current run, if the scenario is valid.
    run: Option<RunRef>,
    /// A long run still going (then `run` is `None`).
    pending: Option<PendingRun>,
    /// The last run was cancelled (the lab has not changed since).
    pub cancelled: bool,
    /// The scenario the run was made from, positions removed: moving a device does not re-run.
    source: Option<Rc<Scenario>>,
    /// Why the scenario cannot run (the engine's validation message).
    pub error: Option<Rc<Msg>>,
    /// Why the last typed command was refused.
    pub command_error: Option<Rc<Msg>>,
    /// Commands typed in the lab, appended to the scenario's own.
    extra: Rc<Vec<CommandSpec>>,
    /// Events shown: `events[..shown]` have happened.
    shown: usize,
    /// The playhead, in show ms (see [`timeline`]).
    clock: f64,
    /// True while the animation runs.
    pub playing: bool,
    /// Index into [`SPEEDS`].
    pub speed: usize,
    /// Each Play click shows one event.
    pub per_click: bool,
    /// "Whole run in about N seconds": the speed is then chosen to fit the run in N s.
    pub fit: Option<u32>,
    /// The event list's filter.
    pub filter: Filter,
    /// Every table after `events[..shown]`, kept in step with `shown`.
    tables: TablesRef,
}

/// The shared tables, compared by identity (as [`RunRef`] is): a field-by-field comparison of
/// every table on each state change cost 5 KB of wasm and is never needed, since a new value is
/// always a new `Rc` (docs/size.md). Equal tables in two `Rc`s compare unequal, which only
/// renders again what is already shown.
#[derive(Clone, Debug)]
struct TablesRef(Rc<NetworkState>);

impl PartialEq for TablesRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Default for Playback {
    fn default() -> Self {
        Playback {
            run: None,
            pending: None,
            cancelled: false,
            source: None,
            error: None,
            command_error: None,
            extra: Rc::new(Vec::new()),
            shown: 0,
            clock: 0.0,
            playing: false,
            speed: DEFAULT_SPEED,
            per_click: false,
            fit: None,
            filter: Filter::default(),
            tables: TablesRef(Rc::new(NetworkState::default())),
        }
    }
}

impl Playback {
    /// Playback of `scenario`, run at once and positioned before its first event.
    pub fn new(scenario: &Scenario) -> Playback {
        let mut p = Playback::default();
        p.invalidate(scenario);
        p
    }

    /// Playback of `scenario` with commands typed in an earlier visit (restored from storage);
    /// a command that no longer parses, or a set that does not run, is dropped (by the engine:
    /// before its module is here, when it arrives, `engine_loaded`).
    pub fn restore(scenario: &Scenario, typed: Vec<CommandSpec>) -> Playback {
        let typed: Vec<CommandSpec> = match engine::get() {
            Some(engine) => typed.into_iter().filter(|c| (engine.command)(&c.run).is_ok()).collect(),
            None => typed,
        };
        let mut p = Playback { extra: Rc::new(typed), ..Playback::default() };
        p.invalidate(scenario);
        // (A run that waits for the engine's module, or goes on, keeps them.)
        if p.run.is_none() && p.pending.is_none() && !p.extra.is_empty() {
            return Playback::new(scenario);
        }
        p
    }

    /// The commands typed in the lab, shared (for saving them when they change).
    pub fn typed(&self) -> &Rc<Vec<CommandSpec>> {
        &self.extra
    }

    /// The scenario changed: run it again from the start unless only positions (or the
    /// title) changed. Commands typed in the lab are kept when their device still exists.
    pub fn invalidate(&mut self, scenario: &Scenario) {
        let stripped = Rc::new(scenario.strip());
        if self.source.as_deref() == Some(&*stripped) {
            return;
        }
        let extra: Vec<CommandSpec> = self
            .extra
            .iter()
            .filter(|c| scenario.devices.iter().any(|d| d.id == c.device))
            .cloned()
            .collect();
        self.extra = Rc::new(extra);
        self.source = Some(stripped);
        self.playing = false;
        self.command_error = None;
        self.cancelled = false;
        self.pending = None;
        match Run::start(&lab_with(scenario, &self.extra)) {
            Ok(Started::Done(run)) => self.install(run),
            Ok(Started::Going(pending)) => {
                self.run = None;
                self.error = None;
                self.pending = Some(pending);
                self.shown = 0;
                self.clock = 0.0;
                self.tables = TablesRef(Rc::new(NetworkState::default()));
            }
            Err(e) => {
                self.run = None;
                self.error = Some(Rc::new(e));
                self.shown = 0;
                self.clock = 0.0;
                self.tables = TablesRef(Rc::new(NetworkState::default()));
            }
        }
    }

    /// The lab as run (the scenario plus the commands typed in the lab), if it runs.
    pub fn lab(&self) -> Option<&Rc<Scenario>> {
        self.run.as_ref().map(|r| &r.lab)
    }

    /// The current run.
    pub fn run(&self) -> Option<&RunRef> {
        self.run.as_ref()
    }

    /// Commands typed in the lab.
    pub fn commands(&self) -> &[CommandSpec] {
        &self.extra
    }

    /// How many events have happened.
    pub fn shown(&self) -> usize {
        self.shown
    }

    /// Index of the current (last shown) event.
    pub fn current(&self) -> Option<usize> {
        self.shown.checked_sub(1)
    }

    /// The playhead in playback ns.
    pub fn clock(&self) -> f64 {
        self.clock
    }

    /// Simulated time at the playhead, ns.
    pub fn sim_now(&self) -> u64 {
        self.run.as_ref().map_or(0, |r| r.timeline.to_sim(self.clock))
    }

    /// How much simulated time one wall-clock second shows at the playhead, at this speed
    /// (`None` at the end or between events that happen at the same instant).
    pub fn real_per_wall_second(&self) -> Option<f64> {
        let run = self.run.as_ref()?;
        Some(run.timeline.sim_per_show_second(self.clock)? * self.speed_factor())
    }

    /// The storm's explanation, once the playhead has reached the first frame that came round
    /// the loop (and to the end of the run).
    pub fn storm_notice(&self) -> Option<packet_engine::msg::Msg> {
        let run = self.run.as_ref()?;
        let from = run.storm_from?;
        if self.shown <= from {
            return None;
        }
        let storm = run.outcome.trace.events.iter().rposition(|e| matches!(e.kind, EventKind::Storm { .. }))?;
        run.explain(storm)
    }

    /// True while the playhead crosses an idle gap faster than real time.
    pub fn skipping_idle(&self) -> bool {
        self.run.as_ref().is_some_and(|r| r.timeline.is_squeezed(self.clock))
    }

    /// True when every event has happened and every frame arrived.
    pub fn at_end(&self) -> bool {
        self.run.as_ref().is_none_or(|r| self.shown >= r.len() && self.clock >= r.end_play())
    }

    /// Every table as it is after the shown events.
    pub fn tables(&self) -> &Rc<NetworkState> {
        &self.tables.0
    }

    /// Show ms per wall ms: the picked speed, or the one that fits the run in `fit` seconds.
    pub fn speed_factor(&self) -> f64 {
        match (self.fit, &self.run) {
            (Some(secs), Some(run)) => (run.end_play() / (f64::from(secs.max(1)) * 1_000.0)).max(0.01),
            _ => SPEEDS[self.speed.min(SPEED_COUNT - 1)],
        }
    }

    /// Frames on a wire at the playhead that have been shown, with their progress.
    pub fn in_flight(&self) -> Vec<InFlight<'_>> {
        let Some(run) = &self.run else { return vec![] };
        let now = self.sim_now();
        // A frame that arrived up to HOLD_MS of show time ago stays at its receiver, so
        // stepping through "received", "learn", "forward" shows the frame they are about.
        let held_since = run.timeline.to_sim(self.clock - HOLD_MS);
        // A frame sent before `held_since - max_flight` is gone: only look at the tail.
        let last = run.flights.partition_point(|f| f.event < self.shown);
        let first = run.flights[..last].partition_point(|f| f.t_start + run.max_flight_ns < held_since);
        run.flights[first..last]
            .iter()
            .filter(|f| f.t_start <= now && (now < f.t_end || self.clock - run.timeline.to_play(f.t_end) <= HOLD_MS))
            .map(|f| InFlight {
                flight: f,
                progress: ((now - f.t_start) as f64 / (f.t_end - f.t_start).max(1) as f64).min(1.0),
                arrived: now >= f.t_end,
            })
            .collect()
    }

    /// Recent drops and floods, to mark at their devices.
    pub fn marks(&self) -> Vec<Mark> {
        let Some(run) = &self.run else { return vec![] };
        let mut marks = Vec::new();
        for index in (0..self.shown).rev() {
            let age = (self.clock - run.play_of(index)) / LINGER_MS;
            if age > 1.0 {
                break;
            }
            let age = age.max(0.0);
            // Drops (with why, as their rows say it) and floods, at the device of their row.
            let (device, note) = match &run.outcome.trace.events[index].kind {
                EventKind::FrameDropped { at, reason, .. } => (&at.device, Some(short_reason(*reason))),
                EventKind::PacketDropped { device, reason, .. } => (device, Some(short_reason(*reason))),
                EventKind::SwitchForward { at, out, .. } if matches!(**out, Forwarding::Flood { .. }) => (&at.device, None),
                _ => continue,
            };
            marks.push(Mark { note, event: index, device: device.clone(), class: run.class(index), age });
        }
        marks.reverse();
        marks
    }

    /// Applies one action. `scenario` is the one on the canvas (commands are added to it).
    pub fn apply(&mut self, action: PlayAction, scenario: &Scenario) {
        match action {
            PlayAction::Continue => return self.continue_run(),
            PlayAction::CancelRun => return self.cancel_run(),
            PlayAction::RunAgain => return self.run_again(scenario),
            PlayAction::Offload { run } => return self.offload(run),
            PlayAction::WorkerProgress { run, progress } => return self.worker_progress(run, progress),
            PlayAction::WorkerDone { run, bytes } => return self.worker_done(run, &bytes),
            PlayAction::WorkerFailed { run } => return self.worker_failed(run),
            _ => {}
        }
        let Some(run) = self.run.clone() else {
            // Nothing runs; only filters and speed can change.
            match action {
                PlayAction::SetSpeed(i) => self.set_speed(i),
                PlayAction::FitRun(secs) => self.fit = Some(secs),
                PlayAction::SetPerClick(on) => self.per_click = on,
                PlayAction::ToggleClass(c) => self.toggle_class(c),
                PlayAction::SetDevice(d) => self.filter.device = d,
                // A link's event, for a run still to come (pending::PendingRun::seek).
                PlayAction::Seek(n) => {
                    if let Some(pending) = &mut self.pending {
                        pending.seek = Some(n);
                    }
                }
                _ => {}
            }
            return;
        };
        match action {
            PlayAction::Tick(ms) => {
                if !self.playing || self.per_click {
                    return;
                }
                let end = run.end_play();
                self.clock = (self.clock + ms.max(0.0) * self.speed_factor()).min(end);
                let shown = run.shown_at(self.clock).max(self.shown);
                self.advance_to(shown);
                if self.clock >= end {
                    self.playing = false;
                }
            }
            PlayAction::TogglePlay => {
                if self.per_click {
                    self.step(1);
                } else if self.playing {
                    self.playing = false;
                } else {
                    if self.at_end() {
                        self.set_shown(run.start);
                    }
                    self.playing = true;
                }
            }
            PlayAction::Pause => self.playing = false,
            PlayAction::StepForward => {
                self.playing = false;
                self.step(1);
            }
            PlayAction::StepBack => {
                self.playing = false;
                self.step(-1);
            }
            PlayAction::Seek(n) => {
                self.playing = false;
                self.set_shown(n.min(run.len()));
            }
            PlayAction::Jump(index) => {
                self.playing = false;
                self.set_shown((index + 1).min(run.len()));
            }
            PlayAction::Rewind => {
                self.playing = false;
                self.set_shown(run.start);
            }
            PlayAction::SetSpeed(i) => self.set_speed(i),
            PlayAction::FitRun(secs) => {
                self.fit = Some(secs);
                self.per_click = false;
            }
            PlayAction::SetPerClick(on) => {
                self.per_click = on;
                self.playing = false;
            }
            PlayAction::ToggleClass(c) => self.toggle_class(c),
            PlayAction::SetDevice(d) => self.filter.device = d,
            PlayAction::Command { device, run: line } => self.add_command(&device, &line, scenario),
            PlayAction::ClearCommands => {
                self.extra = Rc::new(Vec::new());
                self.source = None;
                self.invalidate(scenario);
            }
            // Handled above, with or without a run.
            PlayAction::Continue
            | PlayAction::CancelRun
            | PlayAction::RunAgain
            | PlayAction::Offload { .. }
            | PlayAction::WorkerProgress { .. }
            | PlayAction::WorkerDone { .. }
            | PlayAction::WorkerFailed { .. } => {}
        }
    }

    fn set_speed(&mut self, index: usize) {
        self.speed = index.min(SPEED_COUNT - 1);
        self.fit = None;
    }

    fn toggle_class(&mut self, class: EventClass) {
        if class == EventClass::Ipv6Control {
            self.filter.show_ipv6_control = !self.filter.show_ipv6_control;
        } else if !self.filter.hidden.remove(&class) {
            self.filter.hidden.insert(class);
        }
    }

    /// Shows `events[..n]` with the playhead at simulated time `sim_ns`, kept between the n-th
    /// event and the next: a run that follows another one's playhead (the what-if's original
    /// follows the variant), so its frames move as smoothly.
    pub fn follow(&mut self, n: usize, sim_ns: u64) {
        self.playing = false;
        self.set_shown(n);
        let Some(run) = &self.run else { return };
        let n = self.shown;
        let low = if n == 0 { 0.0 } else { run.play_of(n - 1) };
        let high = if n < run.len() { run.play_of(n) } else { run.end_play() };
        self.clock = run.timeline.to_play(sim_ns).clamp(low, high.max(low));
    }

    /// Moves the cursor by one event, forward or back.
    fn step(&mut self, by: isize) {
        let Some(run) = &self.run else { return };
        let target = if by > 0 {
            // If the playhead sits between events, "next" is the next event, not a skip.
            (self.shown + 1).min(run.len())
        } else {
            self.shown.saturating_sub(1)
        };
        self.set_shown(target);
    }

    /// Shows exactly `events[..n]`, with the playhead at the n-th event's time.
    fn set_shown(&mut self, n: usize) {
        let Some(run) = self.run.clone() else { return };
        let n = n.min(run.len());
        self.clock = if n == 0 { 0.0 } else { run.play_of(n - 1) };
        if n >= self.shown {
            self.advance_to(n);
        } else {
            self.shown = n;
            self.tables = TablesRef(Rc::new(run.state_after(n)));
        }
    }

    /// Moves `shown` forward to `n`, applying only the new events to the tables.
    fn advance_to(&mut self, n: usize) {
        let Some(run) = self.run.clone() else { return };
        if n <= self.shown {
            return;
        }
        let mut tables = (*self.tables.0).clone();
        let mut changed = false;
        for event in &run.outcome.trace.events[self.shown..n] {
            if is_table_change(&event.kind) {
                tables.apply_event(event);
                changed = true;
            }
        }
        // The remaining IPv6 lifetimes count down with the playhead.
        if let Some(last) = run.outcome.trace.events[self.shown..n].last() {
            if tables.now != last.time && !tables.addrs6.is_empty() {
                tables.now = last.time;
                changed = true;
            }
        }
        if changed {
            self.tables = TablesRef(Rc::new(tables));
        }
        self.shown = n;
    }

    /// Types `line` on `device` now: the command starts at the next whole millisecond of
    /// simulated time (the scenario format's resolution), and the lab runs again. The engine
    /// is deterministic and nothing new happens before the command starts, so every event
    /// already shown stays exactly as it was and the cursor stays where it is.
    fn add_command(&mut self, device: &str, line: &str, scenario: &Scenario) {
        let line = line.trim();
        // (The reducer holds a typed command until the engine's module, its parser, is here.)
        let Some(engine) = engine::get() else { return };
        if let Err(e) = (engine.command)(line) {
            self.command_error = Some(Rc::new(e));
            return;
        }
        let now = self.sim_now();
        let at_ms = now.div_ceil(1_000_000);
        let mut extra = (*self.extra).clone();
        extra.push(CommandSpec { at_ms, device: device.to_string(), run: line.to_string() });
        match Run::start(&lab_with(scenario, &extra)) {
            Ok(Started::Done(run)) => {
                let run = RunRef(Rc::new(run));
                // Same prefix, so the cursor and tables stay valid; the playhead keeps its
                // simulated time on the new timeline.
                self.clock = run.timeline.to_play(now).max(if self.shown == 0 { 0.0 } else { run.play_of(self.shown - 1) });
                self.run = Some(run);
                self.extra = Rc::new(extra);
                self.command_error = None;
                self.playing = !self.per_click;
            }
            // A long lab (up to a million events) goes on in the worker as any change of the
            // lab does, instead of freezing the page; the finished run comes back to the
            // playhead's simulated time (`PendingRun::resume`).
            Ok(Started::Going(mut pending)) => {
                pending.resume = Some((now, self.shown));
                self.extra = Rc::new(extra);
                self.command_error = None;
                self.run = None;
                self.pending = Some(pending);
                self.playing = false;
                self.shown = 0;
                self.clock = 0.0;
                self.tables = TablesRef(Rc::new(NetworkState::default()));
            }
            Err(e) => self.command_error = Some(Rc::new(e)),
        }
    }
}

/// True for the events that change a table ([`NetworkState::apply`] does something).
fn is_table_change(kind: &EventKind) -> bool {
    matches!(
        kind,
        EventKind::RoutesInstalled { .. }
            | EventKind::NeighborChanged { .. }
            | EventKind::MacLearned { .. }
            | EventKind::MacAged { .. }
            | EventKind::DhcpLeaseObtained { .. }
            | EventKind::DhcpLeaseExpired { .. }
            | EventKind::DhcpLeaseReleased { .. }
            | EventKind::DhcpServerRelease { .. }
            | EventKind::DhcpServerLease { .. }
            | EventKind::DnsLookup { .. }
            | EventKind::TcpSocket { .. }
            | EventKind::NatTranslated { .. }
            | EventKind::ConntrackExpired { .. }
            | EventKind::MacFlushed { .. }
            | EventKind::NeighborFlushed { .. }
            | EventKind::LinkChanged { .. }
            | EventKind::PowerChanged { .. }
            | EventKind::StpBridge { .. }
            | EventKind::StpPort { .. }
            | EventKind::StpTopologyChange { .. }
            | EventKind::Ipv6 { .. }
    )
}

/// The scenario plus the commands typed in the lab: the lab as playback runs it (built here
/// only; [`Run::lab`] keeps it).
fn lab_with(scenario: &Scenario, extra: &[CommandSpec]) -> Scenario {
    let mut s = scenario.clone();
    s.commands.extend(extra.iter().cloned());
    s
}

