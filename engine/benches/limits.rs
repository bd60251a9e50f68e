//! The worst labs within issue 19's bounds: time and peak memory to validate,
//! set up and run them, natively.
//!
//! Run with `cargo bench -p packet-engine --bench limits`. A plain bench
//! binary (`harness = false`) whose global allocator tracks live heap bytes
//! and their high-water mark (exact); times are wall-clock, best of 3. The
//! browser runs the engine at about 0.7x native speed (docs/perf.md), and the
//! limits are chosen so each line here stays well under 2 s and 256 MB there:
//!
//! - the lab at every limit (`scenario::limits`): validate, then build the
//!   simulation, then run it to the browser's budget (100,000 events);
//! - the fan-out storm of issue 19 (two 1,024-port hubs, 512 cables, one
//!   ping) to the browser's budget, and to the native default (2 M events);
//! - ordinary traffic through the widest fan-out: 1,024 hosts on one hub.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::Instant;

#[allow(dead_code)]
#[path = "../tests/common/labs.rs"]
mod labs;

use packet_engine::{Scenario, Simulation};

struct Counting;
static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(bytes: usize) {
    let now = LIVE.fetch_add(bytes, Relaxed) + bytes;
    PEAK.fetch_max(now, Relaxed);
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        grew(layout.size());
        System.alloc(layout)
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        grew(layout.size());
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
        System.realloc(ptr, layout, new_size)
    }
}

#[global_allocator]
static COUNTING: Counting = Counting;

/// Runs `f` three times; prints the best time and the peak heap above what
/// was live before (the result is dropped inside the measurement).
fn measure<T>(what: &str, mut f: impl FnMut() -> T, describe: impl Fn(&T) -> String) {
    let mut best = f64::MAX;
    let mut peak = 0;
    let mut text = String::new();
    for _ in 0..3 {
        let before = LIVE.load(Relaxed);
        PEAK.store(before, Relaxed);
        let start = Instant::now();
        let out = f();
        best = best.min(start.elapsed().as_secs_f64());
        peak = peak.max(PEAK.load(Relaxed) - before);
        text = describe(&out);
    }
    println!("{what:<48} {:>8.1} ms {:>8.1} MB peak   {text}", best * 1e3, peak as f64 / 1e6);
}

fn run(lab: &Scenario) -> packet_engine::RunOutcome {
    Simulation::new(lab).expect("valid").run()
}

fn outcome(o: &packet_engine::RunOutcome) -> String {
    let stop = serde_json::to_value(&o.stop).map(|v| v["reason"].to_string()).unwrap_or_default();
    format!("{} events, {} work, {} trace entries, stop {stop}", o.events_processed, o.work, o.trace.events.len())
}

fn main() {
    let text = serde_json::to_string(&labs::maximal_lab(None)).expect("serialises");
    println!("lab at every limit: {} KB of JSON", text.len() / 1024);
    measure("parse + validate (Scenario::from_json)", || Scenario::from_json(&text).expect("valid"), |s| {
        format!("{} devices, {} links, {} commands", s.devices.len(), s.links.len(), s.commands.len())
    });
    let lab = labs::maximal_lab(None);
    measure("validate + build the simulation", || Simulation::new(&lab).expect("valid"), |_| String::new());
    let mut browser = lab.clone();
    browser.options.max_events = 100_000;
    measure("validate + build + run to 100 000 events", || run(&browser), outcome);
    let fan: Scenario = serde_json::from_str(&labs::fan_out_lab(1024, 512, 100_000)).expect("parses");
    measure("fan-out storm, 100 000-event budget (browser)", || run(&fan), outcome);
    let star: Scenario =
        serde_json::from_str(&labs::star_lab(1024, 100_000, "ping -c 1000 -i 0.2 10.0.0.3")).expect("parses");
    measure("1,024 hosts on one hub, ping -c 1000 (browser)", || run(&star), outcome);
    let mut native = fan.clone();
    native.options.max_events = 2_000_000;
    measure("fan-out storm, 2 000 000-event budget (native)", || run(&native), outcome);
}
