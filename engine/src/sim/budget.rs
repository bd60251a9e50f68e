//! The work budget: what a run may cost before it is stopped.
//!
//! The event budget (`options.max_events`, events taken from the queue) does
//! not bound a run's memory or time on its own: one delivery to a 1,024-port
//! hub floods 1,023 copies, each with its own trace entry and delivery, so a
//! run of 100,000 events could hold tens of millions of trace entries
//! (issue 19). So the run also counts *work*: every event scheduled, every
//! trace entry recorded and every frame handed to a port (`Ctx::work`). A
//! flood out of N ports costs 3N (the hand-over, its `FrameSent`, its
//! delivery), not 1.
//!
//! The budget is checked between events. One event's work is bounded by the
//! largest fan-out, which validation bounds (`scenario::limits::MAX_PORTS`),
//! so a run stops within [`max_overshoot`] of the budget: a predictable amount
//! of work, memory and time, whatever the lab. The trace is part of the work
//! (one unit an entry, ~300 bytes each natively, `benches/trace_memory.rs`),
//! so the budget is also the trace's memory cap.

use crate::scenario::limits;

/// Work units a run may spend per event of its event budget. Ordinary
/// traffic costs about 3 an event (a switch hop: its delivery, the received
/// and forwarded entries, the hand-over, `FrameSent`): the examples measure
/// 2.8–3.5, the switch loop 3.1 at its event budget, the hub example 3.9 over
/// its short run. So labs of switches meet the event budget first, and a
/// flood through many ports meets this one. With the browser's 100,000
/// events that is 400,000 units, about 200,000 trace entries at most.
pub const WORK_PER_EVENT: u64 = 4;

/// The work budget of a run with an event budget of `max_events`.
pub fn work_budget(max_events: u64) -> u64 {
    max_events.saturating_mul(WORK_PER_EVENT)
}

/// The most work one event can add beyond the budget: a flood out of every
/// port of the largest device (3 units a copy) and a few entries around it.
pub const fn max_overshoot() -> u64 {
    3 * limits::MAX_PORTS_PER_DEVICE as u64 + 16
}
