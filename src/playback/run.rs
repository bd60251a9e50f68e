//! One engine run with what the views need precomputed: classes, flights, the timeline; and
//! the frames and marks at a playhead. Rows are worded when drawn ([`Run::row`]).

use super::*;

use packet_engine::codec::words::EventWords;
use packet_engine::trace::StateIndex;

/// A frame on a wire: one `FrameSent` event.
#[derive(Clone, Debug, PartialEq)]
pub struct Flight {
    /// Index of its `FrameSent` event.
    pub event: usize,
    /// The link it travels on and its two ends, as the engine recorded them (one shared
    /// value per link direction: a flight keeps a pointer, not three names).
    pub hop: Hop,
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
    /// Each trace event's class (colour, filter): one byte an event; the rest of a row is
    /// worded when drawn ([`Run::row`]).
    classes: Vec<EventClass>,
    /// How many events of each class the run has (the chips' counts), by class.
    counts: VecMap<EventClass, usize>,
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
    /// Table snapshots every [`state_every`] events: stepping back or seeking costs at most
    /// that many table updates instead of a replay from the start. Taken on the first step
    /// back or seek (playing forward updates the tables event by event and never needs them),
    /// so a run is shown without that pass over its trace.
    states: States,
    /// Each event's words, precomputed: the first visit's run, shown before the engine's
    /// module (which words every other run) is here (`super::first_visit`).
    words: Option<Rc<[EventWords]>>,
}

/// How often [`Run`] keeps a snapshot of the tables, in events, in a run of up to
/// [`STATE_SNAPSHOTS`] × this many events.
pub const STATE_EVERY: usize = 256;
/// The most table snapshots a run keeps: a longer run takes them further apart, so a
/// million-event storm keeps ~1 000 copies of its tables, not ~4 000 (issue 15).
pub const STATE_SNAPSHOTS: usize = 1024;

/// How often a run of `events` events keeps a snapshot of the tables: every
/// [`STATE_EVERY`] events, or further apart in a run too long for [`STATE_SNAPSHOTS`] of them.
pub fn state_every(events: usize) -> usize {
    STATE_EVERY.max(events.div_ceil(STATE_SNAPSHOTS))
}

/// The engine's [`StateIndex`] once taken, never compared (it is derived from the trace,
/// which is).
#[derive(Clone, Debug, Default)]
struct States(std::cell::OnceCell<StateIndex>);

impl PartialEq for States {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

/// The most events one run in the browser may take (see [`Run::new`]).
pub const BROWSER_MAX_EVENTS: u64 = 1_000_000;

impl Run {
    /// Runs `scenario` in the engine; the error is the engine's validation message.
    ///
    /// The event budget is capped at [`BROWSER_MAX_EVENTS`]: a student's switch loop must end
    /// in a reported storm within a fraction of a second, not fill the tab's memory with the
    /// engine's native default (2 M events, ~450 MB of trace).
    /// The engine's work budget (4 units an event, counting each copy of a flood) ends a
    /// fan-out storm through a 1,024-port hub within the same bounds (issue 19).
    /// (The app starts runs with [`Run::start`], which goes on in pieces; this runs in one go.)
    #[cfg(test)]
    pub fn new(scenario: &Scenario) -> Result<Run, packet_engine::msg::Msg> {
        let sim = packet_engine::Simulation::new(&Run::capped(scenario)).map_err(|e| e.with_path())?;
        Ok(Run::from_outcome(sim.run(), Rc::new(scenario.clone())))
    }

    /// `scenario` with its event budget capped at [`BROWSER_MAX_EVENTS`].
    pub(super) fn capped(scenario: &Scenario) -> Scenario {
        let mut capped = scenario.clone();
        capped.options.max_events = capped.options.max_events.min(BROWSER_MAX_EVENTS);
        capped
    }

    /// Precomputes classes, flights, the timeline and table snapshots of a finished run of `lab`.
    pub fn from_outcome(outcome: RunOutcome, lab: Rc<Scenario>) -> Run {
        Run::worded(outcome, lab, None)
    }

    /// [`Run::from_outcome`] with each event's words precomputed (`words`, one an event; the
    /// engine words the events of a run without them).
    pub(super) fn worded(outcome: RunOutcome, lab: Rc<Scenario>, words: Option<Rc<[EventWords]>>) -> Run {
        let words = words.filter(|w| w.len() == outcome.trace.events.len());
        let mut classes = Vec::with_capacity(outcome.trace.events.len());
        let mut counts = VecMap::new();
        let mut flights = Vec::new();
        let mut frame_classes = events::FrameClasses::default();
        for (index, event) in outcome.trace.events.iter().enumerate() {
            let class = match words.as_ref().and_then(|w| w[index].protocol) {
                Some(protocol) => EventClass::of_protocol(protocol),
                None => frame_classes.class(&event.kind),
            };
            if let EventKind::FrameSent { hop, .. } = &event.kind {
                flights.push(Flight {
                    event: index,
                    hop: hop.clone(),
                    t_start: event.t_start().as_nanos(),
                    t_end: event.t_end().as_nanos(),
                    class,
                    broadcast: event.is_broadcast(),
                });
            }
            classes.push(class);
            *counts.entry(class).or_insert(0) += 1;
        }
        flights.shrink_to_fit();
        let spans: Vec<(u64, u64)> = flights.iter().map(|f| (f.t_start, f.t_end)).collect();
        let times = || outcome.trace.events.iter().map(|e| e.time.as_nanos());
        let timeline = Timeline::new(times(), &spans);
        let event_play = timeline.to_play_all(times());
        let max_flight_ns = spans.iter().map(|(a, b)| b - a).max().unwrap_or(0);
        let start = outcome
            .trace
            .events
            .iter()
            .take_while(|e| matches!(e.kind, EventKind::RoutesInstalled { .. }))
            .count();
        let storm_from = storm_start(&outcome);
        Run { outcome, classes, counts, flights, max_flight_ns, event_play, timeline, start, lab, storm_from, states: States::default(), words }
    }

    /// Every table after the first `n` events, from the nearest snapshot.
    pub fn state_after(&self, n: usize) -> NetworkState {
        match n.checked_sub(1) {
            Some(index) => {
                let trace = &self.outcome.trace;
                self.states.0.get_or_init(|| trace.state_index(state_every(trace.events.len()))).state_at(trace, index)
            }
            None => NetworkState::default(),
        }
    }

    /// Number of events.
    pub fn len(&self) -> usize {
        self.classes.len()
    }

    /// True for an empty trace.
    pub fn is_empty(&self) -> bool {
        self.classes.is_empty()
    }

    /// The row of event `index`, worded now (`None` past the end).
    pub fn row(&self, index: usize) -> Option<Row> {
        let event = self.outcome.trace.events.get(index)?;
        let frame = match &self.words {
            Some(words) => words[index].summary.clone(),
            None => event.frame().zip(engine::get()).map(|(bytes, engine)| (engine.summarize)(bytes)),
        };
        Some(events::row(&self.outcome, event.time.as_nanos(), &event.kind, self.classes[index], frame))
    }

    /// Event `index`'s explanation (the engine's `explain_msg`), `None` past the end (or, for a
    /// run without precomputed words, before the engine's module is here: only the first
    /// visit's run is shown then, and it has them).
    pub fn explain(&self, index: usize) -> Option<Msg> {
        match &self.words {
            Some(words) => words.get(index).map(|w| w.explain.clone()),
            None => engine::get().zip(self.outcome.trace.events.get(index)).map(|(engine, event)| (engine.explain)(event)),
        }
    }

    /// Every row, worded one by one.
    #[cfg(test)]
    pub fn rows(&self) -> impl Iterator<Item = Row> + '_ {
        (0..self.len()).filter_map(|i| self.row(i))
    }

    /// The class of event `index`.
    pub fn class(&self, index: usize) -> EventClass {
        self.classes[index]
    }

    /// How many events of `class` the run has.
    pub fn count(&self, class: EventClass) -> usize {
        self.counts.get(&class).copied().unwrap_or(0)
    }

    /// True when the run has IPv6 events.
    pub fn has_ipv6(&self) -> bool {
        self.counts.keys().any(|c| c.is_ipv6())
    }

    /// True when `filter` keeps event `index`: its class, then its devices, without wording it.
    pub fn accepts(&self, filter: &Filter, index: usize) -> bool {
        filter.shows(self.classes[index])
            && filter.device.as_deref().is_none_or(|d| {
                let (device, peer) = events::who(&self.outcome, &self.outcome.trace.events[index].kind);
                device == Some(d) || peer == Some(d)
            })
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
