//! Runs every example scenario (and, for timing, the throughput benchmark's
//! topology) inside a bare wasm32-unknown-unknown module, driven by run.mjs
//! under node. With the engine at opt-level 2 or 3 this traps in dlmalloc's
//! `validate_size` under `Sim::dispatch`; see ../wasm-opt-level-crash.md.

use packet_engine::{examples, Simulation};

/// The workaround: every allocator entry point is a call LLVM may not inline,
/// so no function ever contains both a `__rust_alloc_zeroed` call (which LLVM
/// knows returns a fresh, zeroed object) and dlmalloc's read of the chunk
/// header just below the pointer it returned.
#[cfg(feature = "opaque-alloc")]
mod opaque {
    use std::alloc::{GlobalAlloc, Layout, System};

    pub struct Opaque;

    unsafe impl GlobalAlloc for Opaque {
        #[inline(never)]
        unsafe fn alloc(&self, l: Layout) -> *mut u8 {
            System.alloc(l)
        }
        #[inline(never)]
        unsafe fn alloc_zeroed(&self, l: Layout) -> *mut u8 {
            System.alloc_zeroed(l)
        }
        #[inline(never)]
        unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
            System.dealloc(p, l)
        }
        #[inline(never)]
        unsafe fn realloc(&self, p: *mut u8, l: Layout, n: usize) -> *mut u8 {
            System.realloc(p, l, n)
        }
    }
}

#[cfg(feature = "opaque-alloc")]
#[global_allocator]
static ALLOC: opaque::Opaque = opaque::Opaque;

/// Every example, start to end; the number of events processed.
#[no_mangle]
pub extern "C" fn run_examples() -> u64 {
    examples::all()
        .iter()
        .map(|(_, s)| Simulation::new(s).unwrap().run().events_processed)
        .sum()
}

#[link(wasm_import_module = "env")]
extern "C" {
    /// `performance.now()` in milliseconds, from run.mjs.
    fn now_ms() -> f64;
}

/// As engine/benches/throughput.rs: `runs` runs of the benchmark topology,
/// only `run()` timed; the median run's events per second.
#[no_mangle]
pub extern "C" fn bench_median(hosts: u32, switches: u32, routers: u32, runs: u32) -> f64 {
    let s = examples::benchmark(hosts as usize, switches as usize, routers as usize);
    let mut rates = Vec::new();
    for _ in 0..runs {
        let sim = Simulation::new(&s).unwrap();
        let t0 = unsafe { now_ms() };
        let events = sim.run().events_processed;
        let ms = unsafe { now_ms() } - t0;
        rates.push(events as f64 / ms * 1000.0);
    }
    rates.sort_by(|a, b| a.total_cmp(b));
    rates[rates.len() / 2]
}
