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
//! A LAN frame lives for microseconds (60 bytes at 100 Mbit/s: 6.7 µs on the wire plus 5 µs
//! of cable), while ping waits a whole second between echoes. One linear scale cannot show
//! both, so playback time is simulated time with the *idle* gaps squeezed: wherever no frame
//! is on a wire, a gap between two events lasts at most [`IDLE_CAP_NS`] of playback time;
//! wherever a frame is on a wire, playback time runs exactly as simulated time, so frames move
//! in true proportion to each other. At 1× one second of wall time plays
//! [`PLAY_NS_PER_WALL_MS`] × 1000 ns = 10 µs: a LAN frame crosses its cable in about a second.
//! The status line says when a gap is being skipped, and every time shown is simulated time.

use std::collections::BTreeSet;
use std::fmt;
use std::rc::Rc;

use packet_engine::scenario::{CommandSpec, Scenario};
use packet_engine::trace::{DropReason, EventKind, Forwarding, NetworkState};
use packet_engine::wire::{self, Protocol};
use packet_engine::{Name, RunOutcome, Simulation, StopReason};

/// Playback nanoseconds that pass per wall-clock millisecond at 1×: 10 µs per second.
pub const PLAY_NS_PER_WALL_MS: f64 = 10.0;
/// The longest an idle gap (no frame on any wire) lasts in playback time: 10 µs, one second
/// of wall time at 1×, however long the gap is in simulated time.
pub const IDLE_CAP_NS: f64 = 10_000.0;
/// The speeds offered, slowest first; index [`DEFAULT_SPEED`] is 1×.
pub const SPEEDS: [f64; 8] = [0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 4.0, 0.0];
/// Index of 1× in [`SPEEDS`].
pub const DEFAULT_SPEED: usize = 4;
/// How many speeds are real speeds; the last entry of [`SPEEDS`] is a placeholder for the
/// "one event per click" mode, which is a separate flag.
pub const SPEED_COUNT: usize = 7;
/// How long (playback ns) a dropped frame's ✕ or a flood's ring stays on the canvas.
pub const LINGER_NS: f64 = 8_000.0;

/// What kind of event a row of the event list is: its colour, its label, and its filter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EventClass {
    /// An ARP frame.
    Arp,
    /// An ICMP echo request or reply (ping).
    Icmp,
    /// An ICMP error (time exceeded, unreachable).
    IcmpError,
    /// Any other IPv4 frame.
    Ipv4,
    /// Any other Ethernet frame.
    Ethernet,
    /// A switch's forwarding decision or MAC table change.
    Switch,
    /// An ARP table (neighbour cache) change.
    Neighbor,
    /// A routing decision or a routing table.
    Route,
    /// A command starting or printing.
    Command,
}

impl EventClass {
    /// Every class, in the order the filter chips show them.
    pub const ALL: [EventClass; 9] = [
        EventClass::Arp,
        EventClass::Icmp,
        EventClass::IcmpError,
        EventClass::Ipv4,
        EventClass::Ethernet,
        EventClass::Switch,
        EventClass::Neighbor,
        EventClass::Route,
        EventClass::Command,
    ];

    /// The short label on tags, chips and the frames on the canvas.
    pub fn label(self) -> &'static str {
        match self {
            EventClass::Arp => "ARP",
            EventClass::Icmp => "ICMP",
            EventClass::IcmpError => "ICMP err",
            EventClass::Ipv4 => "IPv4",
            EventClass::Ethernet => "Eth",
            EventClass::Switch => "Switch",
            EventClass::Neighbor => "ARP table",
            EventClass::Route => "Route",
            EventClass::Command => "Command",
        }
    }

    /// The CSS class suffix (`proto-arp`) that picks the colour.
    pub fn css(self) -> &'static str {
        match self {
            EventClass::Arp => "arp",
            EventClass::Icmp => "icmp",
            EventClass::IcmpError => "icmp-error",
            EventClass::Ipv4 => "ipv4",
            EventClass::Ethernet => "eth",
            EventClass::Switch => "switch",
            EventClass::Neighbor => "neigh",
            EventClass::Route => "route",
            EventClass::Command => "command",
        }
    }

    /// The class of a frame, from the engine's own classification.
    pub fn of_frame(bytes: &[u8]) -> EventClass {
        match wire::protocol(bytes) {
            Protocol::Arp => EventClass::Arp,
            Protocol::IcmpEcho => EventClass::Icmp,
            Protocol::IcmpError => EventClass::IcmpError,
            Protocol::Ipv4Other => EventClass::Ipv4,
            Protocol::Other => EventClass::Ethernet,
        }
    }
}

/// One row of the event list, computed once per run.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// Simulated time of the event, in ns.
    pub time_ns: u64,
    /// Its colour and filter.
    pub class: EventClass,
    /// The device it happened at (the sender of a frame).
    pub device: Option<Name>,
    /// The other device it involves (the receiver of a frame), for the device filter.
    pub peer: Option<Name>,
    /// The link, for frame events.
    pub link: Option<Name>,
    /// A one-line summary: `wire::summarize` for frames, a short phrase otherwise.
    pub summary: Rc<str>,
    /// True for drops (frames and packets thrown away).
    pub dropped: bool,
    /// For a drop, why in two or three words (the canvas label under the ✕).
    pub note: Option<&'static str>,
}

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
    /// Sent to ff:ff:ff:ff:ff:ff.
    pub broadcast: bool,
}

/// A frame on a wire at the playhead, with how far it has come.
#[derive(Clone, Debug, PartialEq)]
pub struct InFlight<'a> {
    /// The frame.
    pub flight: &'a Flight,
    /// 0 at the sender, 1 at the receiver (of its last bit).
    pub progress: f64,
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

/// The piecewise-linear map between simulated time and playback time (both ns).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Timeline {
    /// Knot times in simulated ns, strictly increasing.
    sim: Vec<u64>,
    /// Knot times in playback ns, non-decreasing.
    play: Vec<f64>,
}

impl Timeline {
    /// The timeline for a set of event times and frame flights `(t_start, t_end)`: full speed
    /// while any frame is on a wire, gaps with nothing on a wire squeezed to [`IDLE_CAP_NS`].
    pub fn new(event_times: impl IntoIterator<Item = u64>, flights: &[(u64, u64)]) -> Timeline {
        let mut knots: Vec<u64> = event_times.into_iter().collect();
        knots.push(0);
        for &(a, b) in flights {
            knots.push(a);
            knots.push(b);
        }
        knots.sort_unstable();
        knots.dedup();
        // busy[k] > 0 when a frame is on a wire during (knots[k], knots[k+1]).
        let mut busy = vec![0i64; knots.len() + 1];
        for &(a, b) in flights {
            if b > a {
                let ia = knots.binary_search(&a).unwrap_or_else(|i| i);
                let ib = knots.binary_search(&b).unwrap_or_else(|i| i);
                busy[ia] += 1;
                busy[ib] -= 1;
            }
        }
        let mut play = Vec::with_capacity(knots.len());
        let (mut on_wire, mut t) = (0i64, 0.0f64);
        for k in 0..knots.len() {
            if k > 0 {
                let gap = (knots[k] - knots[k - 1]) as f64;
                t += if on_wire > 0 { gap } else { gap.min(IDLE_CAP_NS) };
            }
            play.push(t);
            on_wire += busy[k];
        }
        Timeline { sim: knots, play }
    }

    /// Playback time of simulated time `sim_ns`.
    pub fn to_play(&self, sim_ns: u64) -> f64 {
        let k = self.sim.partition_point(|&s| s <= sim_ns);
        if k == 0 {
            return 0.0;
        }
        let (s0, p0) = (self.sim[k - 1], self.play[k - 1]);
        match (self.sim.get(k), self.play.get(k)) {
            (Some(&s1), Some(&p1)) => p0 + (p1 - p0) * (sim_ns - s0) as f64 / (s1 - s0) as f64,
            _ => p0 + (sim_ns - s0) as f64,
        }
    }

    /// Simulated time at playback time `play_ns` (the first such time inside a squeezed gap).
    pub fn to_sim(&self, play_ns: f64) -> u64 {
        let k = self.play.partition_point(|&p| p <= play_ns);
        if k == 0 {
            return 0;
        }
        let (s0, p0) = (self.sim[k - 1], self.play[k - 1]);
        match (self.sim.get(k), self.play.get(k)) {
            (Some(&s1), Some(&p1)) if p1 > p0 => s0 + ((s1 - s0) as f64 * (play_ns - p0) / (p1 - p0)) as u64,
            _ => s0,
        }
    }

    /// True when playback time `play_ns` lies in a gap that is shown faster than real time.
    pub fn is_squeezed(&self, play_ns: f64) -> bool {
        let k = self.play.partition_point(|&p| p <= play_ns);
        match (k.checked_sub(1), self.sim.get(k)) {
            (Some(i), Some(&s1)) => ((s1 - self.sim[i]) as f64) > (self.play[k] - self.play[i]) + 0.5,
            _ => false,
        }
    }

    /// Playback time of the last knot.
    pub fn end(&self) -> f64 {
        self.play.last().copied().unwrap_or(0.0)
    }
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
    max_flight_ns: u64,
    /// Playback time of each event.
    event_play: Vec<f64>,
    /// Simulated ↔ playback time.
    pub timeline: Timeline,
    /// Number of leading `RoutesInstalled` events: the state before anything happens.
    start: usize,
}

/// The most events one run in the browser may take (see [`Run::new`]).
pub const BROWSER_MAX_EVENTS: u64 = 100_000;

impl Run {
    /// Runs `scenario` in the engine; the error is the engine's validation message.
    ///
    /// The event budget is capped at [`BROWSER_MAX_EVENTS`]: a student's switch loop must end
    /// in a reported storm within a fraction of a second, not fill the tab's memory with the
    /// engine's native default (2 M events, ~450 MB of trace).
    pub fn new(scenario: &Scenario) -> Result<Run, String> {
        let mut capped = scenario.clone();
        capped.options.max_events = capped.options.max_events.min(BROWSER_MAX_EVENTS);
        let sim = Simulation::new(&capped).map_err(|e| e.to_string())?;
        Ok(Run::from_outcome(sim.run()))
    }

    /// Precomputes rows, flights and the timeline of a finished run.
    pub fn from_outcome(outcome: RunOutcome) -> Run {
        let mut rows = Vec::with_capacity(outcome.trace.events.len());
        let mut flights = Vec::new();
        for (index, event) in outcome.trace.events.iter().enumerate() {
            let time_ns = event.time.as_nanos();
            if let EventKind::FrameSent { link, from, to, t_start, t_end, bytes } = &event.kind {
                flights.push(Flight {
                    event: index,
                    link: link.clone(),
                    from: from.device.clone(),
                    to: to.device.clone(),
                    t_start: t_start.as_nanos(),
                    t_end: t_end.as_nanos(),
                    class: EventClass::of_frame(bytes),
                    broadcast: bytes.get(..6) == Some(&[0xff; 6]),
                });
            }
            rows.push(row(time_ns, &event.kind));
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
        Run { outcome, rows, flights, max_flight_ns, event_play, timeline, start }
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

/// The row of one event.
fn row(time_ns: u64, kind: &EventKind) -> Row {
    let mut r = Row {
        time_ns,
        class: EventClass::Route,
        device: None,
        peer: None,
        link: None,
        summary: Rc::from(""),
        dropped: false,
        note: None,
    };
    let summary: String = match kind {
        EventKind::RoutesInstalled { device, routes } => {
            r.device = Some(device.clone());
            format!("{} route(s) installed", routes.len())
        }
        EventKind::FrameSent { link, from, to, bytes, .. } => {
            r.class = EventClass::of_frame(bytes);
            r.device = Some(from.device.clone());
            r.peer = Some(to.device.clone());
            r.link = Some(link.clone());
            wire::summarize(bytes)
        }
        EventKind::FrameReceived { at, link, bytes } => {
            r.class = EventClass::of_frame(bytes);
            r.device = Some(at.device.clone());
            r.link = Some(link.clone());
            format!("received: {}", wire::summarize(bytes))
        }
        EventKind::FrameDropped { device, bytes, reason, .. } => {
            r.class = EventClass::of_frame(bytes);
            r.device = Some(device.clone());
            r.dropped = true;
            r.note = Some(short_reason(*reason));
            format!("dropped: {}", wire::summarize(bytes))
        }
        EventKind::PacketDropped { device, reason, .. } => {
            r.class = EventClass::Route;
            r.device = Some(device.clone());
            r.dropped = true;
            r.note = Some(short_reason(*reason));
            "packet dropped".to_string()
        }
        EventKind::SwitchForward { device, in_port, out, .. } => {
            r.class = EventClass::Switch;
            r.device = Some(device.clone());
            match out {
                Forwarding::Port { port } => format!("forward {in_port} → {port}"),
                Forwarding::Flood { ports } => {
                    let list: Vec<&str> = ports.iter().map(Name::as_str).collect();
                    format!("flood {in_port} → {}", if list.is_empty() { "nowhere".into() } else { list.join(", ") })
                }
            }
        }
        EventKind::MacLearned { device, mac, port, .. } => {
            r.class = EventClass::Switch;
            r.device = Some(device.clone());
            format!("learn {mac} on {port}")
        }
        EventKind::MacAged { device, mac, port } => {
            r.class = EventClass::Switch;
            r.device = Some(device.clone());
            format!("forget {mac} on {port}")
        }
        EventKind::Route { device, decision } => {
            r.device = Some(device.clone());
            match &decision.next_hop {
                Some(hop) => format!("route to {}: next hop {hop}", decision.destination),
                None => format!("no route to {}", decision.destination),
            }
        }
        EventKind::NeighborChanged { device, ip, new, .. } => {
            r.class = EventClass::Neighbor;
            r.device = Some(device.clone());
            format!("{ip} → {}", new.name())
        }
        EventKind::IcmpErrorGenerated { device, error, rate_limited } => {
            r.class = EventClass::IcmpError;
            r.device = Some(device.clone());
            let held = if *rate_limited { " (rate-limited)" } else { "" };
            format!("ICMP {} → {}{held}", error.describe(), error.to)
        }
        EventKind::CommandStarted { label, device } => {
            r.class = EventClass::Command;
            r.device = Some(device.clone());
            format!("$ {}", command_of(label))
        }
        EventKind::CommandOutput { line, label } => {
            r.class = EventClass::Command;
            r.device = Some(Name::from(device_of(label)));
            line.clone()
        }
        // DHCP and DNS (issue 11): a short line until the UI gets its own rows.
        EventKind::DhcpLeaseObtained { device, lease, .. } => {
            r.class = EventClass::Command;
            r.device = Some(device.clone());
            format!("DHCP lease {}", lease.address)
        }
        EventKind::DhcpLeaseExpired { device, address, .. } => {
            r.class = EventClass::Command;
            r.device = Some(device.clone());
            format!("DHCP lease on {address} lost")
        }
        EventKind::DhcpNoOffers { device, .. } => {
            r.class = EventClass::Command;
            r.device = Some(device.clone());
            "no DHCP offers".to_string()
        }
        EventKind::DhcpServerLease { device, address, mac, .. } => {
            r.class = EventClass::Command;
            r.device = Some(device.clone());
            format!("lease {address} → {mac}")
        }
        EventKind::DnsLookup { device, name, .. } => {
            r.class = EventClass::Command;
            r.device = Some(device.clone());
            format!("lookup {name} done")
        }
        EventKind::Storm { events, .. } => {
            r.class = EventClass::Ethernet;
            format!("broadcast storm after {events} events")
        }
    };
    r.summary = Rc::from(summary);
    r
}

/// A drop's reason in a few words; the event's `explain()` has the full sentence.
pub fn short_reason(reason: DropReason) -> &'static str {
    match reason {
        DropReason::NotForMyMac => "not my MAC",
        DropReason::ArpNotForMe => "ARP not for me",
        DropReason::NotForwarding => "host does not forward",
        DropReason::TtlExpired => "TTL expired",
        DropReason::NoRoute => "no route",
        DropReason::NeighborFailed => "ARP failed",
        DropReason::NeighborQueueFull => "ARP queue full",
        DropReason::SameSegment => "same port",
        DropReason::TxQueueFull => "queue full",
        DropReason::NoLink => "no cable",
        DropReason::Malformed => "malformed",
        DropReason::Unsupported => "not modelled",
        DropReason::IcmpRateLimited => "rate-limited",
        DropReason::NoListener => "no listener",
        // The engine gains reasons over time; a new one still gets a mark.
        #[allow(unreachable_patterns)]
        _ => "dropped",
    }
}

/// "pc1" of the engine's command label "pc1: ping -c 3 10.10.10.100".
pub fn device_of(label: &str) -> &str {
    label.split_once(": ").map_or(label, |(d, _)| d)
}

/// "ping -c 3 10.10.10.100" of the label "pc1: ping -c 3 10.10.10.100".
pub fn command_of(label: &str) -> &str {
    label.split_once(": ").map_or(label, |(_, c)| c)
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

/// What the event list shows.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Filter {
    /// Classes switched off.
    pub hidden: BTreeSet<EventClass>,
    /// Only events at (or sent to) this device, when set.
    pub device: Option<Rc<str>>,
}

impl Filter {
    /// True when `row` passes the filter.
    pub fn accepts(&self, row: &Row) -> bool {
        if self.hidden.contains(&row.class) {
            return false;
        }
        match &self.device {
            None => true,
            Some(d) => {
                row.device.as_deref() == Some(&**d) || row.peer.as_deref() == Some(&**d)
            }
        }
    }
}

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
}

/// The playback state.
#[derive(Clone, Debug, PartialEq)]
pub struct Playback {
    /// The current run, if the scenario is valid.
    run: Option<RunRef>,
    /// The scenario the run was made from, positions removed: moving a device does not re-run.
    source: Option<Rc<Scenario>>,
    /// Why the scenario cannot run (the engine's validation message).
    pub error: Option<Rc<str>>,
    /// Why the last typed command was refused.
    pub command_error: Option<Rc<str>>,
    /// Commands typed in the lab, appended to the scenario's own.
    extra: Rc<Vec<CommandSpec>>,
    /// Events shown: `events[..shown]` have happened.
    shown: usize,
    /// The playhead, in playback ns.
    clock: f64,
    /// True while the animation runs.
    pub playing: bool,
    /// Index into [`SPEEDS`].
    pub speed: usize,
    /// Each Play click shows one event.
    pub per_click: bool,
    /// The event list's filter.
    pub filter: Filter,
    /// Every table after `events[..shown]`, kept in step with `shown`.
    tables: Rc<NetworkState>,
}

impl Default for Playback {
    fn default() -> Self {
        Playback {
            run: None,
            source: None,
            error: None,
            command_error: None,
            extra: Rc::new(Vec::new()),
            shown: 0,
            clock: 0.0,
            playing: false,
            speed: DEFAULT_SPEED,
            per_click: false,
            filter: Filter::default(),
            tables: Rc::new(NetworkState::default()),
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

    /// The scenario changed: run it again from the start unless only positions (or the
    /// title) changed. Commands typed in the lab are kept when their device still exists.
    pub fn invalidate(&mut self, scenario: &Scenario) {
        let stripped = Rc::new(strip(scenario));
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
        match Run::new(&self.with_commands(scenario)) {
            Ok(run) => {
                let start = run.start;
                self.run = Some(RunRef(Rc::new(run)));
                self.error = None;
                self.set_shown(start);
            }
            Err(e) => {
                self.run = None;
                self.error = Some(Rc::from(e));
                self.shown = 0;
                self.clock = 0.0;
                self.tables = Rc::new(NetworkState::default());
            }
        }
    }

    /// The scenario plus the commands typed in the lab.
    fn with_commands(&self, scenario: &Scenario) -> Scenario {
        let mut s = scenario.clone();
        s.commands.extend(self.extra.iter().cloned());
        s
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
        &self.tables
    }

    /// The speed factor (1.0 = 10 µs of playback per wall second).
    pub fn speed_factor(&self) -> f64 {
        SPEEDS[self.speed.min(SPEED_COUNT - 1)]
    }

    /// Frames on a wire at the playhead that have been shown, with their progress.
    pub fn in_flight(&self) -> Vec<InFlight<'_>> {
        let Some(run) = &self.run else { return vec![] };
        let now = self.sim_now();
        // A frame sent before `now - max_flight` has arrived: only look at the tail.
        let last = run.flights.partition_point(|f| f.event < self.shown);
        let first = run.flights[..last].partition_point(|f| f.t_start + run.max_flight_ns < now);
        run.flights[first..last]
            .iter()
            .filter(|f| f.t_start <= now && now < f.t_end)
            .map(|f| InFlight {
                flight: f,
                progress: (now - f.t_start) as f64 / (f.t_end - f.t_start).max(1) as f64,
            })
            .collect()
    }

    /// Recent drops and floods, to mark at their devices.
    pub fn marks(&self) -> Vec<Mark> {
        let Some(run) = &self.run else { return vec![] };
        let mut marks = Vec::new();
        for index in (0..self.shown).rev() {
            let age = (self.clock - run.play_of(index)) / LINGER_NS;
            if age > 1.0 {
                break;
            }
            let age = age.max(0.0);
            let row = &run.rows[index];
            let flood = matches!(
                &run.outcome.trace.events[index].kind,
                EventKind::SwitchForward { out: Forwarding::Flood { .. }, .. }
            );
            if let (true, Some(device)) = (row.dropped || flood, &row.device) {
                marks.push(Mark { note: row.note, event: index, device: device.clone(), class: row.class, age });
            }
        }
        marks.reverse();
        marks
    }

    /// Applies one action. `scenario` is the one on the canvas (commands are added to it).
    pub fn apply(&mut self, action: PlayAction, scenario: &Scenario) {
        let Some(run) = self.run.clone() else {
            // Nothing runs; only filters and speed can change.
            match action {
                PlayAction::SetSpeed(i) => self.speed = i.min(SPEED_COUNT - 1),
                PlayAction::SetPerClick(on) => self.per_click = on,
                PlayAction::ToggleClass(c) => self.toggle_class(c),
                PlayAction::SetDevice(d) => self.filter.device = d,
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
                self.clock = (self.clock + ms.max(0.0) * self.speed_factor() * PLAY_NS_PER_WALL_MS).min(end);
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
            PlayAction::SetSpeed(i) => self.speed = i.min(SPEED_COUNT - 1),
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
        }
    }

    fn toggle_class(&mut self, class: EventClass) {
        if !self.filter.hidden.remove(&class) {
            self.filter.hidden.insert(class);
        }
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
            self.tables = Rc::new(run.outcome.trace.state_at_count(n));
        }
    }

    /// Moves `shown` forward to `n`, applying only the new events to the tables.
    fn advance_to(&mut self, n: usize) {
        let Some(run) = self.run.clone() else { return };
        if n <= self.shown {
            return;
        }
        let mut tables = (*self.tables).clone();
        let mut changed = false;
        for event in &run.outcome.trace.events[self.shown..n] {
            if is_table_change(&event.kind) {
                tables.apply(&event.kind);
                changed = true;
            }
        }
        if changed {
            self.tables = Rc::new(tables);
        }
        self.shown = n;
    }

    /// Types `line` on `device` now: the command starts at the next whole millisecond of
    /// simulated time (the scenario format's resolution), and the lab runs again. The engine
    /// is deterministic and nothing new happens before the command starts, so every event
    /// already shown stays exactly as it was and the cursor stays where it is.
    fn add_command(&mut self, device: &str, line: &str, scenario: &Scenario) {
        let line = line.trim();
        if let Err(e) = packet_engine::scenario::Command::parse(line) {
            self.command_error = Some(Rc::from(e));
            return;
        }
        let now = self.sim_now();
        let at_ms = now.div_ceil(1_000_000);
        let mut extra = (*self.extra).clone();
        extra.push(CommandSpec { at_ms, device: device.to_string(), run: line.to_string() });
        let mut candidate = scenario.clone();
        candidate.commands.extend(extra.iter().cloned());
        match Run::new(&candidate) {
            Ok(run) => {
                let run = RunRef(Rc::new(run));
                // Same prefix, so the cursor and tables stay valid; the playhead keeps its
                // simulated time on the new timeline.
                self.clock = run.timeline.to_play(now).max(if self.shown == 0 { 0.0 } else { run.play_of(self.shown - 1) });
                self.run = Some(run);
                self.extra = Rc::new(extra);
                self.command_error = None;
                self.playing = !self.per_click;
            }
            Err(e) => self.command_error = Some(Rc::from(e)),
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
    )
}

/// The scenario without what does not change a run (positions, name, description).
fn strip(scenario: &Scenario) -> Scenario {
    let mut s = scenario.clone();
    s.name.clear();
    s.description.clear();
    for d in &mut s.devices {
        d.position = None;
    }
    s
}

/// `Trace::state_at` counted in events shown rather than the index of the last one.
trait StateAtCount {
    fn state_at_count(&self, n: usize) -> NetworkState;
}

impl StateAtCount for packet_engine::Trace {
    fn state_at_count(&self, n: usize) -> NetworkState {
        match n.checked_sub(1) {
            Some(index) => self.state_at(index),
            None => NetworkState::default(),
        }
    }
}

/// Formats simulated ns as seconds with µs: "1.000 012 s".
pub fn format_time(ns: u64) -> String {
    let us = ns / 1_000;
    format!("{}.{:03} {:03} s", us / 1_000_000, (us / 1_000) % 1_000, us % 1_000)
}

/// How the run ended, for the status line.
pub fn stop_text(stop: &StopReason) -> String {
    match stop {
        StopReason::Completed => "run complete".into(),
        StopReason::TimeLimit { at } => format!("stopped at the time limit ({at})"),
        StopReason::EventBudget { events } => format!("stopped after {events} events (budget)"),
        StopReason::BroadcastStorm { devices, .. } => format!("broadcast storm through {}", devices.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_switch_loop_ends_in_a_reported_storm_within_the_browser_budget() {
        let (_, mut lab) = packet_engine::examples::all()
            .into_iter()
            .find(|(stem, _)| *stem == "switch-loop")
            .expect("the switch-loop example exists");
        lab.options.max_events = 2_000_000; // what a student's own lab gets by default
        let run = Run::new(&lab).expect("a loop is valid, just unwise");
        assert!(run.outcome.events_processed <= BROWSER_MAX_EVENTS);
        assert!(
            matches!(run.outcome.stop, StopReason::BroadcastStorm { .. }),
            "{:?}",
            run.outcome.stop
        );
    }
    use packet_engine::examples;
    use packet_engine::neighbor::NudState;

    fn same_network() -> Scenario {
        examples::all().into_iter().find(|(s, _)| *s == "same-network").unwrap().1
    }

    fn apply(p: &mut Playback, s: &Scenario, actions: &[PlayAction]) {
        for a in actions {
            p.apply(a.clone(), s);
        }
    }

    /// Index of the first event whose row matches.
    fn find(run: &Run, pred: impl Fn(&Row) -> bool) -> usize {
        run.rows.iter().position(pred).expect("event present")
    }

    #[test]
    fn timeline_keeps_flights_real_and_squeezes_idle_gaps() {
        // A frame from 1 ms to 1 ms + 12 µs, then nothing until 2 s.
        let t = Timeline::new([0, 1_000_000, 1_012_000, 2_000_000_000], &[(1_000_000, 1_012_000)]);
        // The 1 ms idle gap at the start is squeezed to the cap.
        assert_eq!(t.to_play(1_000_000), IDLE_CAP_NS);
        // The flight runs at real speed: 12 µs of simulated time = 12 µs of playback time.
        assert_eq!(t.to_play(1_012_000) - t.to_play(1_000_000), 12_000.0);
        assert_eq!(t.to_play(1_006_000) - t.to_play(1_000_000), 6_000.0);
        // The 2 s gap after it is squeezed too.
        assert_eq!(t.end(), 2.0 * IDLE_CAP_NS + 12_000.0);
        // to_sim inverts to_play on the flight and is monotone in gaps.
        assert_eq!(t.to_sim(t.to_play(1_003_000)), 1_003_000);
        assert!(t.is_squeezed(IDLE_CAP_NS / 2.0));
        assert!(!t.is_squeezed(IDLE_CAP_NS + 1.0));
        assert!(t.to_sim(IDLE_CAP_NS + 12_000.0 + 5_000.0) > 1_012_000);
    }

    #[test]
    fn a_lan_frame_takes_about_a_second_at_1x() {
        let p = Playback::new(&same_network());
        let run = p.run().unwrap();
        let f = &run.flights[0];
        let wall_ms = (f.t_end - f.t_start) as f64 / PLAY_NS_PER_WALL_MS;
        assert!((800.0..2000.0).contains(&wall_ms), "{wall_ms} ms");
    }

    #[test]
    fn starts_with_routing_tables_and_nothing_else() {
        let p = Playback::new(&same_network());
        let run = p.run().unwrap();
        assert!(p.shown() > 0 && p.shown() < run.len());
        assert!(p.tables().routes.contains_key("pc1"));
        assert!(p.tables().neighbors.is_empty());
        assert!(p.tables().mac_tables.is_empty());
        assert!(!p.playing);
    }

    #[test]
    fn stepping_shows_arp_then_echo_and_back_restores_exact_tables() {
        let s = same_network();
        let mut p = Playback::new(&s);
        let run = p.run().unwrap().clone();
        let request = find(&run, |r| r.class == EventClass::Arp && r.summary.contains("Who has"));
        let reply = find(&run, |r| r.class == EventClass::Arp && r.summary.contains("is at"));
        let echo = find(&run, |r| r.class == EventClass::Icmp && r.summary.contains("request"));
        let echo_reply = find(&run, |r| r.class == EventClass::Icmp && r.summary.contains("reply"));
        assert!(request < reply && reply < echo && echo < echo_reply);

        // Play forward event by event to just after the ARP reply arrives at pc1.
        let learned = find(&run, |r| r.class == EventClass::Neighbor && r.device.as_deref() == Some("pc1") && r.summary.contains("REACHABLE"));
        while p.shown() <= learned {
            apply(&mut p, &s, &[PlayAction::StepForward]);
        }
        let ip: std::net::Ipv4Addr = "10.10.10.100".parse().unwrap();
        let row = &p.tables().neighbors["pc1"]["eth0"][&ip];
        assert_eq!(row.state, NudState::Reachable);
        assert!(row.mac.is_some());
        assert_eq!(**p.tables(), run.outcome.trace.state_at(learned));
        // One step back: exactly the earlier tables (pc2 still INCOMPLETE in pc1's cache).
        apply(&mut p, &s, &[PlayAction::StepBack]);
        assert_eq!(**p.tables(), run.outcome.trace.state_at(learned - 1));
        assert_eq!(p.tables().neighbors["pc1"]["eth0"][&ip].state, NudState::Incomplete);
        // Seeking anywhere agrees with the engine's own state_at.
        for n in [0, 1, 7, run.len() / 2, run.len()] {
            apply(&mut p, &s, &[PlayAction::Seek(n)]);
            assert_eq!(p.shown(), n);
            let expected = if n == 0 { NetworkState::default() } else { run.outcome.trace.state_at(n - 1) };
            assert_eq!(**p.tables(), expected, "after {n} events");
        }
    }

    #[test]
    fn ticks_play_to_the_end_and_stop() {
        let s = same_network();
        let mut p = Playback::new(&s);
        apply(&mut p, &s, &[PlayAction::SetSpeed(SPEED_COUNT - 1), PlayAction::TogglePlay]);
        assert!(p.playing);
        let mut ticks = 0;
        while p.playing {
            let before = p.clock();
            apply(&mut p, &s, &[PlayAction::Tick(16.0)]);
            assert!(p.clock() > before, "time moves forward while playing");
            ticks += 1;
            assert!(ticks < 100_000, "never ends");
        }
        let run = p.run().unwrap();
        assert_eq!(p.shown(), run.len());
        assert!(p.at_end());
        assert_eq!(**p.tables(), run.outcome.trace.state_at(run.len() - 1));
        // Ticks while paused change nothing.
        let before = p.clone();
        apply(&mut p, &s, &[PlayAction::Tick(100.0)]);
        assert_eq!(p, before);
    }

    #[test]
    fn tick_time_scales_with_speed() {
        let s = same_network();
        let mut slow = Playback::new(&s);
        let mut fast = slow.clone();
        apply(&mut slow, &s, &[PlayAction::SetSpeed(0), PlayAction::TogglePlay, PlayAction::Tick(100.0)]);
        apply(&mut fast, &s, &[PlayAction::SetSpeed(6), PlayAction::TogglePlay, PlayAction::Tick(100.0)]);
        assert_eq!(slow.clock() - Playback::new(&s).clock(), 100.0 * 0.05 * PLAY_NS_PER_WALL_MS);
        assert_eq!(fast.clock() - Playback::new(&s).clock(), 100.0 * 4.0 * PLAY_NS_PER_WALL_MS);
    }

    #[test]
    fn per_click_mode_shows_one_event_per_play_click() {
        let s = same_network();
        let mut p = Playback::new(&s);
        let n = p.shown();
        apply(&mut p, &s, &[PlayAction::SetPerClick(true), PlayAction::TogglePlay, PlayAction::Tick(1000.0)]);
        assert_eq!(p.shown(), n + 1);
        assert!(!p.playing);
    }

    #[test]
    fn broadcast_is_in_flight_and_flood_marked() {
        let s = same_network();
        let mut p = Playback::new(&s);
        let run = p.run().unwrap().clone();
        // The switch floods the ARP request: jump to the frame it sends out of p2.
        let flood = run.flights.iter().find(|f| f.from == "sw1" && f.broadcast).unwrap();
        apply(&mut p, &s, &[PlayAction::Jump(flood.event)]);
        let flying = p.in_flight();
        assert!(flying.iter().any(|f| f.flight.event == flood.event && f.progress == 0.0));
        assert!(p.marks().iter().any(|m| m.device == "sw1" && m.class == EventClass::Switch));
        // Halfway through its flight it is halfway along its link.
        let mid = run.timeline.to_play((flood.t_start + flood.t_end) / 2);
        while p.clock() < mid {
            p.playing = true;
            let ms = ((mid - p.clock()) / PLAY_NS_PER_WALL_MS).max(0.01);
            apply(&mut p, &s, &[PlayAction::Tick(ms)]);
        }
        let f = p.in_flight().into_iter().find(|f| f.flight.event == flood.event).unwrap();
        assert!((f.progress - 0.5).abs() < 0.01, "{}", f.progress);
    }

    #[test]
    fn a_typed_command_keeps_the_shown_prefix_identical() {
        let s = same_network();
        let mut p = Playback::new(&s);
        let before = p.run().unwrap().clone();
        // Stop somewhere in the middle of the first echo exchange.
        let echo = find(&before, |r| r.class == EventClass::Icmp);
        apply(&mut p, &s, &[PlayAction::Jump(echo + 3)]);
        let shown = p.shown();
        let now = p.sim_now();
        apply(&mut p, &s, &[PlayAction::Command { device: "pc2".into(), run: "ping -c 1 10.10.10.1".into() }]);
        assert_eq!(p.command_error, None);
        let after = p.run().unwrap().clone();
        assert_eq!(p.commands()[0].at_ms, now.div_ceil(1_000_000));
        // Every event up to the command's start time is unchanged, byte for byte.
        let start_ns = p.commands()[0].at_ms * 1_000_000;
        let prefix = before.outcome.trace.events.iter().take_while(|e| e.time.as_nanos() < start_ns).count();
        assert!(prefix >= shown);
        assert_eq!(before.outcome.trace.events[..prefix], after.outcome.trace.events[..prefix]);
        assert_eq!(p.shown(), shown);
        assert!(p.playing);
        // And the new command's output is in the trace.
        assert!(after.outcome.outputs.keys().any(|k| k == "pc2: ping -c 1 10.10.10.1"));
    }

    #[test]
    fn a_bad_command_is_refused_with_the_reason() {
        let s = same_network();
        let mut p = Playback::new(&s);
        let run = p.run().unwrap().clone();
        apply(&mut p, &s, &[PlayAction::Command { device: "pc1".into(), run: "ping -c 1 10.10.10".into() }]);
        assert!(p.command_error.as_deref().unwrap().contains("not an IPv4 address"));
        assert_eq!(p.run().unwrap(), &run, "the run is untouched");
    }

    #[test]
    fn moving_a_device_does_not_rerun_but_changing_an_address_does() {
        let s = same_network();
        let mut p = Playback::new(&s);
        apply(&mut p, &s, &[PlayAction::Seek(10)]);
        let run = p.run().unwrap().clone();
        let mut moved = s.clone();
        moved.devices[0].position = Some([1.0, 2.0]);
        p.invalidate(&moved);
        assert_eq!(p.run().unwrap(), &run);
        assert_eq!(p.shown(), 10);
        let mut broken = s.clone();
        broken.devices[0].interfaces[0].address = Some("10.10.10.300/24".into());
        p.invalidate(&broken);
        assert!(p.run().is_none());
        assert!(p.error.as_deref().unwrap().contains("devices[0]"), "{:?}", p.error);
        p.invalidate(&s);
        assert!(p.run().is_some() && p.error.is_none());
    }

    #[test]
    fn filters_by_class_and_device() {
        let p = Playback::new(&same_network());
        let run = p.run().unwrap();
        let mut f = Filter::default();
        f.hidden.insert(EventClass::Arp);
        assert!(run.rows.iter().filter(|r| f.accepts(r)).all(|r| r.class != EventClass::Arp));
        let f = Filter { device: Some("pc2".into()), ..Filter::default() };
        let kept: Vec<&Row> = run.rows.iter().filter(|r| f.accepts(r)).collect();
        assert!(!kept.is_empty());
        assert!(kept.iter().all(|r| r.device.as_deref() == Some("pc2") || r.peer.as_deref() == Some("pc2")));
    }

    #[test]
    fn formats_times() {
        assert_eq!(format_time(1_000_012_345), "1.000 012 s");
        assert_eq!(format_time(0), "0.000 000 s");
        assert_eq!(device_of("pc1: ping -c 3 10.10.10.100"), "pc1");
        assert_eq!(command_of("pc1: ping -c 3 10.10.10.100"), "ping -c 3 10.10.10.100");
    }
}
