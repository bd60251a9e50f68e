//! One engine run with what the views need precomputed: rows, flights, the timeline; and
//! the frames and marks at a playhead.

use super::*;

use packet_engine::trace::StateIndex;

/// A frame on a wire: one `FrameSent` event.
#[derive(Clone, Debug, PartialEq)]
pub struct Flight {
    /// Index of its `FrameSent` event.
    pub event: usize,
    /// The link it travels on.
    pub link: Name,
    /// Sending device.
    pub from: Name,
    /// Receiving device.
    pub to: Name,
    /// When its first bit leaves, ns.
    pub t_start: u64,
    /// When its last bit arrives, ns.
    pub t_end: u64,
    /// Colour and label.
    pub class: EventClass,
    /// Sent to ff:ff:ff:ff:ff:ff (the engine's `TraceEvent::is_broadcast`).
    pub broadcast: bool,
}

/// A frame on a wire at the playhead, with how far it has come.
#[derive(Clone, Debug, PartialEq)]
pub struct InFlight<'a> {
    /// The frame.
    pub flight: &'a Flight,
    /// 0 at the sender, 1 at the receiver (of its last bit).
    pub progress: f64,
    /// Arrived already: held at the receiver for a moment (see `HOLD_MS`).
    pub arrived: bool,
}

/// A mark on the canvas for a recent event at one device: a drop or a flood.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    /// For a drop, why in a few words; `None` for a flood.
    pub note: Option<&'static str>,
    /// Index of the event.
    pub event: usize,
    /// Where to draw it.
    pub device: Name,
    /// Colour.
    pub class: EventClass,
    /// 0 just happened … 1 about to disappear.
    pub age: f64,
}

/// One engine run over the scenario plus the lab's commands, with everything the views need
/// precomputed once.
#[derive(Debug, PartialEq)]
pub struct Run {
    /// What the engine produced.
    pub outcome: RunOutcome,
    /// One row per trace event.
    pub rows: Vec<Row>,
    /// Every `FrameSent`, in trace order (which is `t_start` order).
    pub flights: Vec<Flight>,
    /// The longest flight, ns: bounds the search for what is on a wire.
    pub(super) max_flight_ns: u64,
    /// Playback time of each event.
    pub(super) event_play: Vec<f64>,
    /// Simulated ↔ playback time.
    pub timeline: Timeline,
    /// Number of leading `RoutesInstalled` events: the state before anything happens.
    pub(super) start: usize,
    /// The lab as run: the scenario plus the commands typed in the lab (the one home of this
    /// value; predict and the inspector read it here).
    pub lab: Rc<Scenario>,
    /// In a run that ends in a broadcast storm: the first frame that came round the loop (the
    /// same bytes sent again by the same device on the same link), from which on the
    /// storm's explanation is shown.
    pub storm_from: Option<usize>,
    /// Table snapshots every [`STATE_EVERY`] events: stepping back or seeking costs at most
    /// that many table updates instead of a replay from the start.
    states: States,
}

/// How often [`Run`] keeps a snapshot of the tables, in events.
pub const STATE_EVERY: usize = 256;

/// The engine's [`StateIndex`], never compared (it is derived from the trace, which is).
#[derive(Clone, Debug)]
struct States(StateIndex);

impl PartialEq for States {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

/// The most events one run in the browser may take (see [`Run::new`]).
pub const BROWSER_MAX_EVENTS: u64 = 100_000;

impl Run {
    /// Runs `scenario` in the engine; the error is the engine's validation message.
    ///
    /// The event budget is capped at [`BROWSER_MAX_EVENTS`]: a student's switch loop must end
    /// in a reported storm within a fraction of a second, not fill the tab's memory with the
    /// engine's native default (2 M events, ~450 MB of trace).
    /// The engine's work budget (4 units an event, counting each copy of a flood) ends a
    /// fan-out storm through a 1,024-port hub within the same bounds (issue 19).
    pub fn new(scenario: &Scenario) -> Result<Run, packet_engine::msg::Msg> {
        let sim = Simulation::new(&Run::capped(scenario)).map_err(|e| e.with_path())?;
        Ok(Run::from_outcome(sim.run(), Rc::new(scenario.clone())))
    }

    /// `scenario` with its event budget capped at [`BROWSER_MAX_EVENTS`].
    pub(super) fn capped(scenario: &Scenario) -> Scenario {
        let mut capped = scenario.clone();
        capped.options.max_events = capped.options.max_events.min(BROWSER_MAX_EVENTS);
        capped
    }

    /// Precomputes rows, flights, the timeline and table snapshots of a finished run of `lab`.
    pub fn from_outcome(outcome: RunOutcome, lab: Rc<Scenario>) -> Run {
        let mut rows = Vec::with_capacity(outcome.trace.events.len());
        let mut flights = Vec::new();
        for (index, event) in outcome.trace.events.iter().enumerate() {
            let time_ns = event.time.as_nanos();
            if let EventKind::FrameSent { hop, bytes, .. } = &event.kind {
                flights.push(Flight {
                    event: index,
                    link: hop.link.clone(),
                    from: hop.from.device.clone(),
                    to: hop.to.device.clone(),
                    t_start: event.t_start().as_nanos(),
                    t_end: event.t_end().as_nanos(),
                    class: EventClass::of_frame(bytes),
                    broadcast: event.is_broadcast(),
                });
            }
            rows.push(row(&outcome, time_ns, &event.kind));
        }
        let spans: Vec<(u64, u64)> = flights.iter().map(|f| (f.t_start, f.t_end)).collect();
        let timeline = Timeline::new(rows.iter().map(|r| r.time_ns), &spans);
        let event_play = rows.iter().map(|r| timeline.to_play(r.time_ns)).collect();
        let max_flight_ns = spans.iter().map(|(a, b)| b - a).max().unwrap_or(0);
        let start = outcome
            .trace
            .events
            .iter()
            .take_while(|e| matches!(e.kind, EventKind::RoutesInstalled { .. }))
            .count();
        let states = States(outcome.trace.state_index(STATE_EVERY));
        let storm_from = storm_start(&outcome);
        Run { outcome, rows, flights, max_flight_ns, event_play, timeline, start, lab, storm_from, states }
    }

    /// Every table after the first `n` events, from the nearest snapshot.
    pub fn state_after(&self, n: usize) -> NetworkState {
        match n.checked_sub(1) {
            Some(index) => self.states.0.state_at(&self.outcome.trace, index),
            None => NetworkState::default(),
        }
    }

    /// Number of events.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// True for an empty trace.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Playback time of event `index`.
    pub fn play_of(&self, index: usize) -> f64 {
        self.event_play.get(index).copied().unwrap_or(0.0)
    }

    /// Playback time at which the last event has happened and every frame has arrived.
    pub fn end_play(&self) -> f64 {
        self.timeline.end()
    }

    /// How many events have happened by playback time `play_ns`.
    pub fn shown_at(&self, play_ns: f64) -> usize {
        self.event_play.partition_point(|&p| p <= play_ns)
    }
}

/// Where a storm becomes visible: the engine's fact (`Storm::first_repeat`, the first frame
/// that came round the loop), read from the run's `Storm` event; `None` when the run did not
/// stop in a storm.
fn storm_start(outcome: &RunOutcome) -> Option<usize> {
    outcome.trace.events.iter().rev().find_map(|e| match e.kind {
        EventKind::Storm { first_repeat, .. } => Some(first_repeat as usize),
        _ => None,
    })
}

/// A shared [`Run`] that compares by identity: a trace is never compared field by field on
/// every state change.
#[derive(Clone, Debug)]
pub struct RunRef(pub Rc<Run>);

impl PartialEq for RunRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for RunRef {
    type Target = Run;
    fn deref(&self) -> &Run {
        &self.0
    }
}
