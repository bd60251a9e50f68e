//! Trace memory: heap bytes a run keeps per trace event, for a broadcast storm
//! and for the 1,000-host benchmark.
//!
//! Run with `cargo bench -p packet-engine --bench trace_memory`. A plain bench
//! binary (`harness = false`) whose global allocator counts bytes: the figure
//! is exact and repeatable (no sampling, no wall clock), so it can be compared
//! across commits. What is measured:
//!
//! - retained: heap bytes still allocated once the run returned, with its
//!   `RunOutcome` alive, minus what was allocated before `Simulation::new`.
//!   That is the trace (plus the few command output lines), which is what the
//!   browser holds while a student scrubs through a run.
//! - peak: the most the run had allocated at once (queue, tables and trace).
//! - the inline part: `size_of::<TraceEvent>()` times the trace vector's
//!   capacity; the rest of `retained` is what events point to (frame bytes,
//!   names, route decisions, output lines).
//!
//! Issue 15's target is ≤ 64 bytes an event on average for a storm.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

use packet_engine::scenario::Options;
use packet_engine::{examples, Scenario, Simulation, StopReason, TraceEvent};

/// Counts live heap bytes and the high-water mark; allocation is delegated to
/// the system allocator unchanged.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
static ALLOCS: AtomicUsize = AtomicUsize::new(0);

fn grew(bytes: usize) {
    let now = LIVE.fetch_add(bytes, Relaxed) + bytes;
    PEAK.fetch_max(now, Relaxed);
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        grew(layout.size());
        ALLOCS.fetch_add(1, Relaxed);
        System.alloc(layout)
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        grew(layout.size());
        ALLOCS.fetch_add(1, Relaxed);
        System.alloc_zeroed(layout)
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Relaxed);
        System.dealloc(ptr, layout)
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if new_size >= layout.size() {
            grew(new_size - layout.size());
        } else {
            LIVE.fetch_sub(layout.size() - new_size, Relaxed);
        }
        ALLOCS.fetch_add(1, Relaxed);
        System.realloc(ptr, layout, new_size)
    }
}

#[global_allocator]
static COUNTING: Counting = Counting;

/// Measures one run; returns retained bytes per event processed.
fn measure(what: &str, scenario: &Scenario) -> f64 {
    let before = LIVE.load(Relaxed);
    PEAK.store(before, Relaxed);
    let allocs_before = ALLOCS.load(Relaxed);
    let sim = Simulation::new(scenario).expect("the scenario is valid");
    let outcome = sim.run();
    let retained = LIVE.load(Relaxed) - before;
    let peak = PEAK.load(Relaxed) - before;
    let allocs = ALLOCS.load(Relaxed) - allocs_before;
    let events = outcome.trace.events.len();
    let inline = std::mem::size_of::<TraceEvent>() * outcome.trace.events.capacity();
    let processed = outcome.events_processed as f64;
    let per = |b: usize| b as f64 / events as f64;
    let stop = match outcome.stop {
        StopReason::Completed => "completed",
        StopReason::TimeLimit { .. } => "time limit",
        StopReason::EventBudget { .. } => "event budget",
        StopReason::WorkBudget { .. } => "work budget",
        StopReason::BroadcastStorm { .. } => "broadcast storm",
    };
    println!("{what}: {} events processed, {events} trace entries, stop: {stop}", processed);
    println!(
        "    retained {:>7.1} MB = {:>6.1} B/trace entry = {:>6.1} B/event processed",
        retained as f64 / 1e6,
        per(retained),
        retained as f64 / processed,
    );
    println!(
        "      inline {:>6.1} B/entry (size_of::<TraceEvent>() = {} B, Vec capacity {} for {events}); \
         pointed-to (frames, names, decisions, lines) {:.1} B/entry",
        per(inline),
        std::mem::size_of::<TraceEvent>(),
        outcome.trace.events.capacity(),
        per(retained.saturating_sub(inline)),
    );
    // On wasm the run gives the trace's spare capacity back when it ends
    // (`Sim::outcome`): this, but with wasm32's smaller records (docs/perf.md).
    let spare = std::mem::size_of::<TraceEvent>() * (outcome.trace.events.capacity() - events);
    println!(
        "    without the spare capacity (shrunk, as on wasm; native record size): {:>6.1} B/event processed",
        (retained - spare) as f64 / processed,
    );
    println!(
        "    peak     {:>7.1} MB = {:>6.1} B/trace entry; {:.2} allocations per event processed",
        peak as f64 / 1e6,
        per(peak),
        allocs as f64 / processed,
    );
    retained as f64 / processed
}

fn main() {
    println!("packet-engine trace memory (counting allocator, exact bytes)");
    let switch_loop = examples::all()
        .into_iter()
        .find(|(stem, _)| *stem == "switch-loop")
        .expect("the switch-loop example exists")
        .1;
    // The example file sets a small budget of its own; the browser caps runs
    // at 100k events and the engine's default budget is 2 M (what issue 15
    // quotes). Per-event figures differ between them mostly by where the
    // trace Vec's doubling left its capacity.
    let mut summary = Vec::new();
    for budget in [
        switch_loop.options.max_events,
        100_000,
        Options::default().max_events,
    ] {
        let mut storm = switch_loop.clone();
        storm.options.max_events = budget;
        let what = format!("switch-loop storm, budget {budget}");
        summary.push((measure(&what, &storm), what));
    }
    let what = "benchmark 1000 hosts / 50 switches / 20 routers".to_string();
    summary.push((measure(&what, &examples::benchmark(1000, 50, 20)), what));
    println!("bytes per event processed (retained; issue 15's target for a storm: <= 64):");
    for (per, what) in summary {
        println!("  {per:>7.1} B/event  {what}");
    }
}
