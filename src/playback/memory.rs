//! The page's memory per event (issue 15): heap bytes a finished run keeps, counted exactly
//! by this test binary's allocator, for the switch-loop storm at the browser's event budget.
//! A benchmark that prints, not a timed test:
//!
//!     cargo test --release -p packet-lab run_memory -- --ignored --nocapture
//!
//! The engine's own figure (the trace alone) is `cargo bench -p packet-engine --bench
//! trace_memory`; this one adds what the page derives from the trace ([`Run`]: list
//! classes, flights, the timeline, table snapshots). Counted per thread, so tests running
//! beside it do not disturb it. Native pointers and records are larger than wasm32's, so
//! the browser holds less than this (docs/perf.md).

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use super::*;

struct Counting;

thread_local! {
    static LIVE: Cell<isize> = const { Cell::new(0) };
    static PEAK: Cell<isize> = const { Cell::new(0) };
}

fn grew(bytes: isize) {
    let _ = LIVE.try_with(|live| {
        live.set(live.get() + bytes);
        let _ = PEAK.try_with(|peak| peak.set(peak.get().max(live.get())));
    });
}

// SAFETY: every method forwards its arguments unchanged to `System`; the counters are
// thread-local `Cell`s with const initialisers (no allocation, no reentrance).
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        grew(layout.size() as isize);
        System.alloc(layout)
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        grew(layout.size() as isize);
        System.alloc_zeroed(layout)
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        grew(-(layout.size() as isize));
        System.dealloc(ptr, layout)
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        grew(new_size as isize - layout.size() as isize);
        System.realloc(ptr, layout, new_size)
    }
}

#[global_allocator]
static COUNTING: Counting = Counting;

fn live() -> isize {
    LIVE.with(Cell::get)
}

/// Bytes kept by the engine's trace and by the page's [`Run`] of the storm at `budget`.
fn measure(budget: u64) {
    let (_, mut lab) = packet_engine::examples::all().into_iter().find(|(s, _)| *s == "switch-loop").unwrap();
    lab.options.max_events = budget;
    let lab = Run::capped(&lab);
    let start = live();
    PEAK.with(|p| p.set(start));
    let outcome = packet_engine::Simulation::new(&lab).unwrap().run();
    let trace = live() - start;
    let events = outcome.events_processed as f64;
    let entries = outcome.trace.events.len();
    let run = Run::from_outcome(outcome, Rc::new(lab));
    let total = live() - start;
    let peak = PEAK.with(Cell::get) - start;
    let per = |b: isize| b as f64 / events;
    println!(
        "storm at {budget} events ({} processed, {entries} entries): trace {:.1} MB = {:.1} B/event; \
         page's run in all {:.1} MB = {:.1} B/event (of which derived {:.1}); peak {:.1} B/event",
        events,
        trace as f64 / 1e6,
        per(trace),
        total as f64 / 1e6,
        per(total),
        per(total - trace),
        per(peak),
    );
    let size = std::mem::size_of::<Flight>();
    println!(
        "    of the derived: flights {:.1} B/event ({} × {size} B), play times {:.1}, timeline {:.1} ({} knots), classes {:.1}",
        per((run.flights.capacity() * size) as isize),
        run.flights.len(),
        per((run.event_play.capacity() * 8) as isize),
        per((run.timeline.knots() * 16) as isize),
        run.timeline.knots(),
        per(run.len() as isize),
    );
    let before = live();
    let index = run.outcome.trace.state_index(state_every(run.len()));
    println!("    table snapshots (every {} events): {:.1} B/event", state_every(run.len()), per(live() - before));
    drop(index);
    // Where the page's hand-over time goes (wall clock, this machine: a rough split only).
    let lab = run.lab.clone();
    let bytes = packet_engine::codec::encode(&run.outcome);
    drop(run);
    let t = std::time::Instant::now();
    let topology = std::sync::Arc::new(lab.validate().unwrap());
    let outcome = packet_engine::codec::decode(&bytes, topology).unwrap();
    let decoded = t.elapsed();
    let t = std::time::Instant::now();
    let index = outcome.trace.state_index(state_every(outcome.trace.events.len()));
    let snapshots = t.elapsed();
    drop(index);
    let t = std::time::Instant::now();
    let run = Run::from_outcome(outcome, lab);
    println!(
        "    hand-over: {} bytes; decode {decoded:.0?}, Run::from_outcome {:.0?} (of which table snapshots {snapshots:.0?})",
        bytes.len(),
        t.elapsed(),
    );
    drop(run);
}

#[test]
#[ignore = "a benchmark: run with --ignored --nocapture"]
fn run_memory() {
    for budget in [100_000, BROWSER_MAX_EVENTS] {
        measure(budget);
    }
}
