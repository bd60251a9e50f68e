//! Validation and set-up do work linear in a lab's size (issue 19), measured
//! by counting, not timing: a global allocator counts allocations and bytes
//! while a lab at every limit is validated and built into a simulation, and
//! again for the same lab at half its size. Quadratic set-up (a port name
//! rebuilt per cable end, a per-link copy of a device's ports) shows as
//! counts that grow 4x when the lab doubles; linear work grows 2x. The
//! absolute counts are held to a budget per item of the lab, so a linear
//! but wasteful change fails too. `benches/limits.rs` prints the time.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::sync::Mutex;

mod common;
use common::labs::scaled_lab;
use packet_engine::Simulation;

struct Counting;
static ALLOCS: AtomicUsize = AtomicUsize::new(0);
static BYTES: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCS.fetch_add(1, Relaxed);
        BYTES.fetch_add(layout.size(), Relaxed);
        System.alloc(layout)
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout)
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCS.fetch_add(1, Relaxed);
        BYTES.fetch_add(new_size.saturating_sub(layout.size()), Relaxed);
        System.realloc(ptr, layout, new_size)
    }
}

#[global_allocator]
static COUNTING: Counting = Counting;

/// The counters are global: one measurement at a time.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

/// (allocations, bytes, items) to validate and build the lab at 1/`div` of the limits;
/// items = devices + ports + links + commands.
fn work(div: usize) -> (usize, usize, usize) {
    let lab = scaled_lab(None, div);
    let _guard = ONE_AT_A_TIME.lock().unwrap();
    let (a, b) = (ALLOCS.load(Relaxed), BYTES.load(Relaxed));
    let topology = lab.validate().expect("valid");
    let sim = Simulation::from_topology(&topology);
    let counts = (ALLOCS.load(Relaxed) - a, BYTES.load(Relaxed) - b);
    drop(sim);
    let ports: usize = topology.devices.iter().map(|d| d.ports.len()).sum();
    let items = topology.devices.len() + ports + topology.links.len() + topology.commands.len();
    (counts.0, counts.1, items)
}

#[test]
fn validating_a_lab_at_the_limits_is_linear_in_its_size() {
    let (allocs, bytes, items) = work(1);
    let (half_allocs, half_bytes, half_items) = work(2);
    eprintln!("at the limits: {items} items, {allocs} allocations, {bytes} bytes");
    eprintln!("at half:       {half_items} items, {half_allocs} allocations, {half_bytes} bytes");
    let growth = items as f64 / half_items as f64;
    assert!((1.9..2.1).contains(&growth), "{growth}");
    // Linear: doubling the lab doubles the counts (with a little slack for
    // maps' node sizes and vector doubling), where quadratic would give 4x.
    assert!((allocs as f64) < 2.4 * half_allocs as f64, "allocations {half_allocs} -> {allocs}");
    assert!((bytes as f64) < 2.6 * half_bytes as f64, "bytes {half_bytes} -> {bytes}");
    // And a budget per item of the lab.
    assert!(allocs < 12 * items, "{allocs} allocations for {items} items");
    assert!(bytes < 1_000 * items, "{bytes} bytes for {items} items");
}
